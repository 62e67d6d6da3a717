"""Labels of the Upload page (pages/upload.py) and of its tables (stats/upload_view.py)."""

LABELS: dict[str, tuple[str, str]] = {
    "title": ("Upload data", "आँकड़े अपलोड करें"),
    "intro_officer": (
        "Upload a daily-doses, stock-movements, published-series or registry file (CSV or XLSX, at most {limit}). "
        "It is checked in full and previewed; nothing is written until you commit it, and then all of it or nothing.",
        "दैनिक खुराक, स्टॉक की आवाजाही, प्रकाशित शृंखला या रजिस्टर की फ़ाइल अपलोड करें (CSV या XLSX, अधिकतम {limit})। "
        "उसकी पूरी जाँच होती है "
        "और पूर्वावलोकन दिखता है; दर्ज करने से पहले कुछ नहीं लिखा जाता, और फिर पूरी फ़ाइल लिखी जाती है या कुछ भी नहीं।",
    ),
    "intro_collector": (
        "Upload a daily-doses file of {district} (CSV or XLSX, at most {limit}). It is checked in full and "
        "previewed; nothing is written until you commit it, and then all of it or nothing.",
        "{district} की दैनिक खुराक की फ़ाइल अपलोड करें (CSV या XLSX, अधिकतम {limit})। उसकी पूरी जाँच होती है और "
        "पूर्वावलोकन दिखता है; दर्ज करने से पहले कुछ नहीं लिखा जाता, और फिर पूरी फ़ाइल लिखी जाती है या कुछ भी नहीं।",
    ),
    "file": ("File (CSV or XLSX)", "फ़ाइल (CSV या XLSX)"),
    "file_help": (
        "Daily doses: date, district, centre_code, centre_name, age_band, dose_number, vaccine, doses. "
        "Stock movements: date, vaccine, from_store, to_store, quantity, reference. The header names the columns.",
        "दैनिक खुराक: date, district, centre_code, centre_name, age_band, dose_number, vaccine, doses। "
        "स्टॉक की आवाजाही: date, vaccine, from_store, to_store, quantity, reference। पहली पंक्ति में स्तंभों के नाम हों।",
    ),
    "refused_file": (
        "The file was refused before it was read: nothing was written.",
        "फ़ाइल पढ़ने से पहले ही अस्वीकार कर दी गई: कुछ नहीं लिखा गया।",
    ),
    "preview": ("Preview", "पूर्वावलोकन"),
    "preview_caption": ("{kind} · {file} · SHA-256 {sha256}", "{kind} · {file} · SHA-256 {sha256}"),
    "metric_rows": ("Rows in the file", "फ़ाइल की पंक्तियाँ"),
    "metric_new": ("New rows", "नई पंक्तियाँ"),
    "metric_changed": ("Changed rows", "बदली पंक्तियाँ"),
    "metric_unchanged": ("Unchanged rows", "अपरिवर्तित पंक्तियाँ"),
    "metric_new_centres": ("New centres", "नए केंद्र"),
    "rejected": (
        "The file is refused whole: {rows} of its rows break a rule (listed below). Nothing was written. Correct "
        "them and upload the file again.",
        "पूरी फ़ाइल अस्वीकार है: उसकी {rows} पंक्तियाँ किसी नियम को तोड़ती हैं (नीचे सूची है)। कुछ नहीं लिखा गया। "
        "उन्हें सुधारकर फ़ाइल फिर से अपलोड करें।",
    ),
    "rejected_one": (
        "The file is refused whole: {rows} of its rows breaks a rule (listed below). Nothing was written. Correct "
        "it and upload the file again.",
        "पूरी फ़ाइल अस्वीकार है: उसकी {rows} पंक्ति किसी नियम को तोड़ती है (नीचे सूची है)। कुछ नहीं लिखा गया। "
        "उसे सुधारकर फ़ाइल फिर से अपलोड करें।",
    ),
    "rejected_file": (
        "The file is refused whole (see below). Nothing was written.",
        "पूरी फ़ाइल अस्वीकार है (नीचे देखें)। कुछ नहीं लिखा गया।",
    ),
    "problems": ("Problems", "समस्याएँ"),
    "download_problems": ("Download the problems (CSV)", "समस्याएँ डाउनलोड करें (CSV)"),
    "download_problems_xlsx": ("Download the problems (Excel)", "समस्याएँ डाउनलोड करें (एक्सेल)"),
    "col_row": ("Row", "पंक्ति"),
    "col_column": ("Column", "स्तंभ"),
    "col_value": ("Value", "मान"),
    "col_rule": ("Rule", "नियम"),
    "col_message": ("Message", "संदेश"),
    "new_centres": ("Centres this file creates", "यह फ़ाइल जो केंद्र बनाएगी"),
    "renamed_centres": (
        "Known centres this file renames (the new name replaces the old one and is recorded in the audit trail)",
        "ज्ञात केंद्र जिनका नाम यह फ़ाइल बदलेगी (नया नाम पुराने की जगह लेगा और ऑडिट ट्रेल में दर्ज होगा)",
    ),
    "changed_rows": ("Changed rows", "बदली पंक्तियाँ"),
    "changed_rows_caption": (
        "The value stored now and the value in the file, which replaces it on commit; the old value stays in the "
        "audit history.",
        "अभी दर्ज मान और फ़ाइल का मान, जो दर्ज करने पर उसकी जगह लेगा; पुराना मान ऑडिट इतिहास में रहता है।",
    ),
    "new_rows": ("New rows", "नई पंक्तियाँ"),
    "rows_capped": (
        "The first {listed} of {total} rows are listed; the counts above cover them all.",
        "{total} में से पहली {listed} पंक्तियाँ दिखाई गई हैं; ऊपर की गिनती में सभी शामिल हैं।",
    ),
    "col_old_value": ("Value now", "अभी का मान"),
    "col_new_value": ("Value in the file", "फ़ाइल में मान"),
    "key_date": ("Date", "तारीख़"),
    "key_district_code": ("District", "ज़िला"),
    "key_centre_code": ("Centre code", "केंद्र कोड"),
    "key_centre_name": ("Centre", "केंद्र"),
    "key_age_band": ("Age band", "आयु वर्ग"),
    "key_dose_number": ("Dose", "खुराक"),
    "key_vaccine": ("Vaccine", "टीका"),
    "key_from_store": ("From", "कहाँ से"),
    "key_to_store": ("To", "कहाँ को"),
    "key_reference": ("Reference", "संदर्भ"),
    "key_area": ("Area", "क्षेत्र"),
    "key_source": ("Source", "स्रोत"),
    "key_metric": ("Figure", "आँकड़ा"),
    "templates": ("Templates", "नमूना फ़ाइलें"),
    "templates_intro": (
        "A CSV file for each kind of file you may upload: the header names its columns and one example row passes "
        "every check. Replace the example with your rows.",
        "हर उस प्रकार की फ़ाइल के लिए CSV जिसे आप अपलोड कर सकते हैं: पहली पंक्ति में स्तंभों के नाम हैं और एक उदाहरण "
        "पंक्ति हर जाँच में सही है। उदाहरण की जगह अपनी पंक्तियाँ लिखें।",
    ),
    "template_download": ("Download the template: {kind} (CSV)", "नमूना डाउनलोड करें: {kind} (CSV)"),
    "col_holds": ("What it holds", "इसमें क्या हो"),
    "col_example": ("Example", "उदाहरण"),
    "column_date": (
        "The day, as YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY (day first); not in the future.",
        "दिन, YYYY-MM-DD, DD-MM-YYYY या DD/MM/YYYY रूप में (दिन पहले); भविष्य का नहीं।",
    ),
    "column_district": (
        "The district, by its English or Hindi name on the master list.",
        "ज़िला, मास्टर सूची के अंग्रेज़ी या हिन्दी नाम से।",
    ),
    "column_centre_code": (
        "The centre's code: letters, digits and - _ / . (at most 32); a centre stays in one district.",
        "केंद्र का कोड: अक्षर, अंक और - _ / . (अधिकतम 32); एक केंद्र एक ही ज़िले में रहता है।",
    ),
    "column_centre_name": ("The centre's name (at most 200 characters).", "केंद्र का नाम (अधिकतम 200 अक्षर)।"),
    "column_age_band": ("12-14, 15-17, 18-44, 45-59, 60+ or 45+.", "12-14, 15-17, 18-44, 45-59, 60+ या 45+।"),
    "column_dose_number": (
        "1, 2 or 3 (3 or 'precaution': the precaution dose).",
        "1, 2 या 3 (3 या 'precaution': एहतियाती खुराक)।",
    ),
    "column_vaccine": (
        "The vaccine by name: Covishield, Covaxin, Sputnik V, Corbevax.",
        "टीके का नाम: Covishield, Covaxin, Sputnik V, Corbevax।",
    ),
    "column_doses": (
        "Doses given: a whole number, 1234 or 1,234 (at most 1,00,000 a row).",
        "दी गई खुराकें: पूर्ण संख्या, 1234 या 1,234 (एक पंक्ति में अधिकतम 1,00,000)।",
    ),
    "column_from_store": (
        "Where the doses come from: SUPPLIER, STATE, a district or ADJUSTMENT.",
        "खुराकें कहाँ से आईं: SUPPLIER, STATE, कोई ज़िला या ADJUSTMENT।",
    ),
    "column_to_store": (
        "Where they go: STATE, a district, WASTAGE or ADJUSTMENT.",
        "कहाँ गईं: STATE, कोई ज़िला, WASTAGE या ADJUSTMENT।",
    ),
    "column_quantity": ("Doses moved: a whole number above zero.", "भेजी गई खुराकें: शून्य से अधिक पूर्ण संख्या।"),
    "column_reference": (
        "The delivery or issue note's reference (at most 64 characters).",
        "आपूर्ति या निर्गम पर्ची का संदर्भ (अधिकतम 64 अक्षर)।",
    ),
    "column_area": ("The state or a district, by name.", "राज्य या कोई ज़िला, नाम से।"),
    "column_source": ("Who published the figure: cowin, mohfw, …", "आँकड़ा किसने प्रकाशित किया: cowin, mohfw, …"),
    "column_metric": ("The figure's name as published.", "आँकड़े का नाम, जैसा प्रकाशित हुआ।"),
    "column_value": ("The cumulative figure on that day: a whole number.", "उस दिन तक का संचयी आँकड़ा: पूर्ण संख्या।"),
    "column_reference_id": ("The person's 13-digit CoWIN reference id.", "व्यक्ति की 13 अंकों की CoWIN संदर्भ आईडी।"),
    "column_name": ("The person's name as on the ID document.", "पहचान पत्र के अनुसार व्यक्ति का नाम।"),
    "column_birth_year": ("Year of birth (four digits).", "जन्म का वर्ष (चार अंक)।"),
    "column_gender": ("F, M or O.", "F, M या O।"),
    "column_mobile": (
        "Mobile number (10 digits); only a keyed hash and the last four digits are kept.",
        "मोबाइल नंबर (10 अंक); केवल कुंजी-हैश और अंतिम चार अंक रखे जाते हैं।",
    ),
    "column_id_type": ("The ID document: Aadhaar, PAN, passport, …", "पहचान पत्र: Aadhaar, PAN, passport, …"),
    "column_id_number": (
        "The ID document's number; only a keyed hash and the last four digits are kept.",
        "पहचान पत्र की संख्या; केवल कुंजी-हैश और अंतिम चार अंक रखे जाते हैं।",
    ),
    "column_batch": ("The vaccine's batch (lot) number.", "टीके का बैच (लॉट) नंबर।"),
    "col_old_name": ("Name now", "अभी का नाम"),
    "col_new_name": ("Name in the file", "फ़ाइल में नाम"),
    "col_centre_code": ("Centre code", "केंद्र कोड"),
    "col_centre_name": ("Centre", "केंद्र"),
    "col_district": ("District", "ज़िला"),
    "unchanged": (
        "Already imported: every row of this file is in the database with the same value. There is nothing to commit.",
        "पहले ही आयात हो चुकी है: इस फ़ाइल की हर पंक्ति उसी मान के साथ डेटाबेस में है। दर्ज करने को कुछ नहीं है।",
    ),
    "ready": (
        "The file is valid. Committing it writes, in one step, new rows: {new}; changed rows: {changed}.",
        "फ़ाइल सही है। दर्ज करने पर एक साथ लिखी जाएँगी — नई पंक्तियाँ: {new}; बदली पंक्तियाँ: {changed}।",
    ),
    "commit": ("Commit the import", "आयात दर्ज करें"),
    "committed": (
        "Committed as import #{batch}. New rows: {new}; changed rows: {changed}; unchanged rows: {unchanged}.",
        "आयात #{batch} के रूप में दर्ज। नई पंक्तियाँ: {new}; बदली पंक्तियाँ: {changed}; अपरिवर्तित पंक्तियाँ: {unchanged}।",
    ),
    "commit_unchanged": (
        "Nothing was written: by the time of the commit every row was already in the database.",
        "कुछ नहीं लिखा गया: दर्ज करते समय हर पंक्ति पहले से डेटाबेस में थी।",
    ),
    "commit_refused": (
        "The import was not written; the file is checked again below.",
        "आयात नहीं लिखा गया; फ़ाइल की फिर से जाँच नीचे है।",
    ),
    "file_changed": (
        "The file or the data changed since the preview: check the new preview before committing.",
        "पूर्वावलोकन के बाद फ़ाइल या आँकड़े बदल गए: दर्ज करने से पहले नया पूर्वावलोकन देखें।",
    ),
    "history": ("Import history", "आयात का इतिहास"),
    "history_caption_officer": (
        "Every import, the latest first (at most {limit}). Times are India time.",
        "हर आयात, सबसे नया पहले (अधिकतम {limit})। समय भारतीय समय है।",
    ),
    "history_caption_collector": (
        "Your imports, the latest first (at most {limit}). Times are India time.",
        "आपके आयात, सबसे नया पहले (अधिकतम {limit})। समय भारतीय समय है।",
    ),
    "no_history": ("No imports yet.", "अभी कोई आयात नहीं।"),
    "col_id": ("Import", "आयात"),
    "col_when": ("When", "कब"),
    "col_who": ("By", "किसने"),
    "col_kind": ("Kind", "प्रकार"),
    "col_file": ("File", "फ़ाइल"),
    "col_sha256": ("SHA-256", "SHA-256"),
    "col_new": ("New", "नई"),
    "col_changed": ("Changed", "बदली"),
    "col_unchanged": ("Unchanged", "अपरिवर्तित"),
    "col_status": ("Status", "स्थिति"),
    "status_committed": ("Committed", "दर्ज"),
    "status_undone": ("Undone", "पूर्ववत"),
    "kind_doses": ("Daily doses", "दैनिक खुराक"),
    "kind_stock": ("Stock movements", "स्टॉक की आवाजाही"),
    "kind_series": ("Published series", "प्रकाशित शृंखला"),
    "kind_cowin_state": ("Published series: CoWIN, state", "प्रकाशित शृंखला: CoWIN, राज्य"),
    "kind_cowin_district": ("Published series: CoWIN, districts", "प्रकाशित शृंखला: CoWIN, ज़िले"),
    "kind_mohfw_state": (
        "Published series: health ministry, state",
        "प्रकाशित शृंखला: स्वास्थ्य मंत्रालय, राज्य",
    ),
    "kind_beneficiaries": ("Registry: beneficiaries", "रजिस्टर: लाभार्थी"),
    "kind_vaccinations": ("Registry: vaccinations", "रजिस्टर: टीकाकरण"),
    "kind_unknown": ("Unrecognised file", "अपरिचित फ़ाइल"),
    "kind_demo": ("Demo data", "डेमो डेटा"),
    "undo": ("Undo an import", "आयात पूर्ववत करें"),
    "undo_intro": (
        "Undoing an import gives the rows it changed their previous values back and deletes the rows it added, in "
        "one step, and is recorded in the audit trail. While a later import has changed some of its rows, undo "
        "that one first.",
        "आयात पूर्ववत करने पर उसकी बदली पंक्तियों को पिछले मान वापस मिलते हैं और उसकी जोड़ी पंक्तियाँ हट जाती हैं, एक "
        "ही चरण में; यह ऑडिट ट्रेल में दर्ज होता है। यदि बाद के किसी आयात ने उसकी कुछ पंक्तियाँ बदली हैं, तो पहले उसे "
        "पूर्ववत करें।",
    ),
    "undo_choice": ("Import to undo", "पूर्ववत करने के लिए आयात"),
    "undo_placeholder": ("Choose the import", "आयात चुनें"),
    "undo_choose_first": ("Choose the import to undo first.", "पहले पूर्ववत करने वाला आयात चुनें।"),
    "undo_option": ("#{id} · {file} · {kind} · {when} · {who}", "#{id} · {file} · {kind} · {when} · {who}"),
    "undo_confirm": ("Yes, undo this import", "हाँ, यह आयात पूर्ववत करें"),
    "undo_button": ("Undo the import", "आयात पूर्ववत करें"),
    "undo_confirm_first": ("Tick the confirmation first.", "पहले पुष्टि पर निशान लगाएँ।"),
    "undone": (
        "Import #{batch} is undone. Rows given their previous values back: {restored}; rows removed: {deleted}.",
        "आयात #{batch} पूर्ववत हो गया। पिछले मान वापस पाने वाली पंक्तियाँ: {restored}; हटाई गई पंक्तियाँ: {deleted}।",
    ),
    "undo_refused": ("Import #{batch} was not undone: {message}", "आयात #{batch} पूर्ववत नहीं हुआ: {message}"),
    "no_undo": ("There is no committed import to undo.", "पूर्ववत करने के लिए कोई दर्ज आयात नहीं है।"),
}
