"""The importer's problem messages (data.imports.problems.Problem.message): one label per rule.

Fields: {value}, {column}, {detail}, and {parts[i]} for a detail of several fields (data.imports.problems.details).
"""

LABELS: dict[str, tuple[str, str]] = {
    "required": ("'{column}' is empty; a value is required.", "'{column}' खाली है; मान देना ज़रूरी है।"),
    "count_format": (
        "'{value}' is not a whole number; write it as 1234, 1,234 or 1,00,000.",
        "'{value}' पूर्ण संख्या नहीं है; 1234, 1,234 या 1,00,000 की तरह लिखें।",
    ),
    "non_negative": (
        "'{value}' is negative; counts cannot be below zero.",
        "'{value}' ऋणात्मक है; गिनती शून्य से कम नहीं हो सकती।",
    ),
    "integer": ("'{value}' has a fraction; counts are whole numbers.", "'{value}' में दशमलव है; गिनती पूर्ण संख्या होती है।"),
    "count_too_large": ("'{value}' is too large to be a count.", "'{value}' गिनती होने के लिए बहुत बड़ा है।"),
    "positive": ("'{value}' must be more than zero.", "'{value}' शून्य से अधिक होना चाहिए।"),
    "date_format": (
        "'{value}' is not a date in the form YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY.",
        "'{value}' तारीख़ YYYY-MM-DD, DD-MM-YYYY या DD/MM/YYYY रूप में नहीं है।",
    ),
    "date_invalid": ("'{value}' is not a real calendar date.", "'{value}' कैलेंडर की कोई वास्तविक तारीख़ नहीं है।"),
    "future_date": ("'{value}' is in the future (today is {detail}).", "'{value}' भविष्य की तारीख़ है (आज {detail} है)।"),
    "before_campaign": (
        "'{value}' is before the campaign began on {detail}.",
        "'{value}' अभियान शुरू होने ({detail}) से पहले की तारीख़ है।",
    ),
    "unknown_district": (
        "'{value}' is not a district of the master list (English or Hindi name).",
        "'{value}' ज़िलों की मास्टर सूची में नहीं है (अंग्रेज़ी या हिन्दी नाम)।",
    ),
    "unknown_age_band": (
        "'{value}' is not an age band; use 12-14, 15-17, 18-44, 45-59, 60+ or 45+.",
        "'{value}' कोई आयु वर्ग नहीं है; 12-14, 15-17, 18-44, 45-59, 60+ या 45+ लिखें।",
    ),
    "unknown_dose": (
        "'{value}' is not a dose number; use 1, 2 or 3 (precaution).",
        "'{value}' खुराक क्रमांक नहीं है; 1, 2 या 3 (एहतियाती) लिखें।",
    ),
    "unknown_vaccine": ("'{value}' is not a known vaccine.", "'{value}' कोई ज्ञात टीका नहीं है।"),
    "centre_code": (
        "'{value}' is not a valid centre code (letters, digits, - _ / . only, at most 32).",
        "'{value}' मान्य केंद्र कोड नहीं है (केवल अक्षर, अंक, - _ / ., अधिकतम 32)।",
    ),
    "centre_district": (
        "centre '{value}' belongs to {parts[1]}, not to the district in this row.",
        "केंद्र '{value}' {parts[2]} का है, इस पंक्ति के ज़िले का नहीं।",
    ),
    # --- A district dated before its formation (data/master/districts.csv): parts[0..1] the district, [2..3] its
    # formation day, [4..5] the row's day, [6..7] the district its area then belonged to (English, Hindi) ---
    "district_not_formed": (
        "{parts[0]} was formed on {parts[2]}; file doses of {parts[4]} under {parts[6]}.",
        "{parts[1]} ज़िले का गठन {parts[3]} को हुआ; {parts[5]} की खुराकें {parts[7]} ज़िले में दर्ज करें।",
    ),
    "store_not_formed": (
        "{parts[0]} was formed on {parts[2]}; its store did not exist on {parts[4]}: record the movement under "
        "{parts[6]}.",
        "{parts[1]} ज़िले का गठन {parts[3]} को हुआ; {parts[5]} को उसका भंडार नहीं था: यह प्रविष्टि {parts[7]} के "
        "भंडार में दर्ज करें।",
    ),
    "area_not_formed": (
        "{parts[0]} was formed on {parts[2]}; file figures of {parts[4]} under {parts[6]}.",
        "{parts[1]} ज़िले का गठन {parts[3]} को हुआ; {parts[5]} के आँकड़े {parts[7]} ज़िले में दर्ज करें।",
    ),
    "centre_not_formed": (
        "centre '{value}' is in {parts[0]}, which was formed on {parts[2]}; a dose of {parts[4]} belongs to a "
        "centre of {parts[6]}.",
        "केंद्र '{value}' {parts[1]} ज़िले में है, जिसका गठन {parts[3]} को हुआ; {parts[5]} की खुराक {parts[7]} ज़िले के "
        "किसी केंद्र में दर्ज करें।",
    ),
    "duplicate_key": (
        "this row repeats the key of row {detail}; each key may appear once in a file.",
        "यह पंक्ति, पंक्ति {detail} की कुंजी दोहराती है; एक फ़ाइल में हर कुंजी एक बार ही हो।",
    ),
    "unknown_store": (
        "'{value}' is not a store: use STATE, a district, SUPPLIER, WASTAGE or ADJUSTMENT.",
        "'{value}' कोई भंडार नहीं है: STATE, कोई ज़िला, SUPPLIER, WASTAGE या ADJUSTMENT लिखें।",
    ),
    "store_direction": ("{detail}", "{detail}"),
    # The Hindi of missing_column keeps the English words these messages have always shown in Hindi (tests compare
    # the texts); a translator may replace them. stock_below_zero's parts: see
    # data.imports.kinds.stock.below_zero_details (names, dates and doses in each language from part 4 on).
    "stock_below_zero": (
        "this movement takes {parts[12]}'s {parts[6]} stock below zero on {parts[8]} (it would be {parts[10]} doses).",
        "इस प्रविष्टि से {parts[9]} को {parts[13]} का {parts[7]} स्टॉक शून्य से नीचे ({parts[11]} खुराकें) चला जाता है।",
    ),
    "text_too_long": ("'{value}' is longer than {detail} characters.", "'{value}' {detail} अक्षरों से लंबा है।"),
    "unknown_area": (
        "'{value}' is neither the state nor a district of the master list.",
        "'{value}' न राज्य है, न मास्टर सूची का कोई ज़िला।",
    ),
    "unknown_source": (
        "'{value}' is not a source name (lower-case letters, digits and _, at most 16).",
        "'{value}' स्रोत का मान्य नाम नहीं है (छोटे अक्षर, अंक और _, अधिकतम 16)।",
    ),
    "wrong_state": ("'{value}' is not {detail}.", "'{value}' {detail} नहीं है।"),
    "missing_column": (
        "the header has no column '{column}' (a {parts[0]} file needs: {parts[1]}).",
        "शीर्ष पंक्ति में '{column}' स्तंभ नहीं है (a {parts[0]} file needs: {parts[1]})।",
    ),
    "duplicate_column": ("the column '{column}' appears twice in the header.", "स्तंभ '{column}' शीर्ष में दो बार है।"),
    "unknown_kind": (
        "the header matches no file of the data contract (daily doses, stock movements, published series, "
        "beneficiaries, vaccinations).",
        "शीर्ष पंक्ति डेटा अनुबंध की किसी फ़ाइल (दैनिक खुराक, स्टॉक, प्रकाशित शृंखला, लाभार्थी, टीकाकरण) से मेल नहीं खाती।",
    ),
    "no_rows": ("the file has a header but no data rows.", "फ़ाइल में शीर्ष पंक्ति है पर कोई डेटा पंक्ति नहीं।"),
    "unreadable": ("the file could not be read: {detail}.", "फ़ाइल पढ़ी नहीं जा सकी: {detail}।"),
    # --- Bounds of a file (data.imports.files, data.imports.problems, data.imports.cells) ---
    "too_many_rows": (
        "the file has more than {parts[0]} data rows, the most one file may hold; it was not read further. Split "
        "it into several files (a day of the whole state is about 42,000 rows).",
        "फ़ाइल में {parts[0]} से अधिक डेटा पंक्तियाँ हैं, जो एक फ़ाइल की सीमा है; उसे आगे नहीं पढ़ा गया। उसे कई "
        "फ़ाइलों में बाँटें (पूरे राज्य का एक दिन लगभग 42,000 पंक्तियाँ है)।",
    ),
    "too_many_columns": (
        "the header has {parts[0]} columns; at most {parts[1]} are accepted.",
        "शीर्ष पंक्ति में {parts[0]} स्तंभ हैं; अधिकतम {parts[1]} स्वीकार हैं।",
    ),
    "beyond_header": (
        "this row has a value in column {column}, beyond the {detail} columns the header names; delete it or "
        "name its column in the header.",
        "इस पंक्ति के स्तंभ {column} में मान है, जो शीर्ष पंक्ति में नामित {detail} स्तंभों से आगे है; उसे हटाएँ या "
        "शीर्ष पंक्ति में उसके स्तंभ का नाम दें।",
    ),
    "problems_truncated": (
        "the first {parts[0]} of {parts[1]} problems (on {parts[2]} rows) are listed; correct them and check the "
        "file again to see the rest.",
        "{parts[1]} समस्याओं ({parts[2]} पंक्तियों में) में से पहली {parts[0]} की सूची दी गई है; उन्हें सुधारकर फ़ाइल "
        "फिर से जाँचें, तो बाकी दिखेंगी।",
    ),
    "count_above_maximum": (
        "'{value}' is more than {detail}, the most one cell of '{column}' may hold; check the number.",
        "'{value}', {detail} से अधिक है, जो '{column}' के एक खाने में हो सकने वाली सबसे बड़ी संख्या है; संख्या जाँचें।",
    ),
    "centre_day_above_maximum": (
        "the rows of centre '{value}' on {parts[2]} add up to {parts[0]} doses, more than {parts[1]}, the most one "
        "centre can give in a day; check the numbers.",
        "केंद्र '{value}' की {parts[3]} की पंक्तियों का योग {parts[0]} खुराक है, जो {parts[1]} से अधिक है, जितनी एक "
        "केंद्र एक दिन में दे सकता है; संख्याएँ जाँचें।",
    ),
    "database": (
        "the database refused the write ({detail}); nothing was changed.",
        "डेटाबेस ने लिखने से मना किया ({detail}); कुछ नहीं बदला।",
    ),
    # --- Certificate registry: beneficiaries (a mobile or ID number is always quoted masked) ---
    "reference_id": (
        "'{value}' is not a reference id: 13 digits.",
        "'{value}' संदर्भ आईडी नहीं है: 13 अंक होने चाहिए।",
    ),
    "name_text": (
        "'{value}' is not a name: a name needs a letter and has no tabs or line breaks.",
        "'{value}' नाम नहीं है: नाम में कोई अक्षर हो और टैब या नई पंक्ति न हो।",
    ),
    "birth_year": (
        "'{value}' is not a plausible year of birth: write the year, 1900 to {detail} "
        "(the campaign vaccinated people aged 12 and over).",
        "'{value}' जन्म का संभव वर्ष नहीं है: 1900 से {detail} तक का वर्ष लिखें "
        "(अभियान में 12 वर्ष और अधिक आयु के लोगों को टीका लगा)।",
    ),
    "gender": (
        "'{value}' is not a gender: use M, F or O (Male, Female, Other).",
        "'{value}' लिंग नहीं है: M, F या O (पुरुष, महिला, अन्य) लिखें।",
    ),
    "mobile": (
        "'{value}' is not an Indian mobile number: 10 digits starting with 6, 7, 8 or 9 "
        "(+91 or 0 in front, spaces and hyphens are fine).",
        "'{value}' भारतीय मोबाइल नंबर नहीं है: 6, 7, 8 या 9 से शुरू होने वाले 10 अंक "
        "(आगे +91 या 0, बीच में खाली जगह और - चल सकते हैं)।",
    ),
    "id_type": (
        "'{value}' is not an accepted ID document: use one of {parts[0]}.",
        "'{value}' मान्य पहचान पत्र नहीं है: इनमें से एक लिखें: {parts[1]}।",
    ),
    "id_number": (
        "'{value}' is not a {parts[0]} number: {parts[1]}.",
        "'{value}' {parts[2]} का नंबर नहीं है: {parts[3]}।",
    ),
    "aadhaar_checksum": (
        "'{value}' is not an Aadhaar number: its last digit (the check digit) does not fit; a digit is mistyped.",
        "'{value}' आधार नंबर नहीं है: उसका अंतिम (जाँच) अंक मेल नहीं खाता; कोई अंक गलत लिखा है।",
    ),
    # --- Certificate registry: vaccinations ---
    "unknown_beneficiary": (
        "reference id '{value}' is not in the registry; import the beneficiaries file first.",
        "संदर्भ आईडी '{value}' रजिस्टर में नहीं है; पहले लाभार्थियों की फ़ाइल आयात करें।",
    ),
    "unknown_centre": (
        "'{value}' is not a known centre; a vaccination file does not create centres (daily-dose files do).",
        "'{value}' कोई ज्ञात केंद्र नहीं है; टीकाकरण फ़ाइल से केंद्र नहीं बनते (दैनिक खुराक की फ़ाइलों से बनते हैं)।",
    ),
    "dose_sequence": (
        "dose {value} needs dose {detail} first, and this person has no dose {detail} in this file or the registry.",
        "खुराक {value} से पहले खुराक {detail} ज़रूरी है, पर इस व्यक्ति की खुराक {detail} न इस फ़ाइल में है न रजिस्टर में।",
    ),
    "dose2_too_early": (
        "dose 1 on {parts[0]} and dose 2 on {parts[1]} are {parts[2]} days apart; the second dose of {parts[4]} "
        "comes at least {parts[3]} days after the first.",
        "पहली खुराक ({parts[0]}) और दूसरी खुराक ({parts[1]}) में {parts[2]} दिन का अंतर है; {parts[5]} की दूसरी "
        "खुराक पहली के कम से कम {parts[3]} दिन बाद लगती है।",
    ),
    "precaution_too_early": (
        "dose 2 on {parts[0]} and the precaution dose on {parts[1]} are {parts[2]} days apart; a precaution dose "
        "comes at least {parts[3]} days after the second dose of {parts[4]}.",
        "दूसरी खुराक ({parts[0]}) और एहतियाती खुराक ({parts[1]}) में {parts[2]} दिन का अंतर है; एहतियाती खुराक "
        "{parts[5]} की दूसरी खुराक के कम से कम {parts[3]} दिन बाद लगती है।",
    ),
    "vaccine_mismatch": (
        "dose 1 is {parts[0]} and dose 2 is {parts[1]}; both doses of the primary course are the same vaccine.",
        "पहली खुराक {parts[2]} और दूसरी खुराक {parts[3]} है; प्राथमिक टीकाकरण की दोनों खुराकें एक ही टीके की होती हैं।",
    ),
    "missing_secret": (
        "the key for hashing mobile and ID numbers is not configured ({detail}); nothing was imported.",
        "मोबाइल और पहचान नंबरों को हैश करने की कुंजी तय नहीं है ({detail}); कुछ आयात नहीं हुआ।",
    ),
    "already_recorded": (
        "this entry is already recorded (the same key is in the database); nothing was written.",
        "यह प्रविष्टि पहले से दर्ज है (वही कुंजी डेटाबेस में है); कुछ नहीं लिखा गया।",
    ),
    # --- Who may upload what (a district collector: daily doses of their own district only) ---
    "district_not_allowed": (
        "'{value}' is not your district: you may upload rows of {parts[0]} only.",
        "'{value}' आपका ज़िला नहीं है: आप केवल {parts[1]} की पंक्तियाँ अपलोड कर सकते हैं।",
    ),
    "kind_not_allowed": (
        "a district collector may upload daily-dose files only; stock movements, published series and the "
        "certificate registry are imported by the state immunisation officer.",
        "ज़िला कलेक्टर केवल दैनिक खुराक की फ़ाइलें अपलोड कर सकते हैं; स्टॉक, प्रकाशित शृंखलाएँ और प्रमाणपत्र "
        "रजिस्टर राज्य टीकाकरण अधिकारी आयात करते हैं।",
    ),
    # --- An uploaded file, checked by the server before it is read (data.imports.uploads) ---
    "file_empty": ("the file is empty.", "फ़ाइल खाली है।"),
    "file_too_large": (
        "the file is {parts[0]}; at most {parts[1]} may be uploaded. Split it into smaller files.",
        "फ़ाइल {parts[0]} की है; अधिकतम {parts[1]} अपलोड हो सकती है। इसे छोटी फ़ाइलों में बाँटें।",
    ),
    "file_type": (
        "'{value}' is not a CSV or XLSX file: upload a .csv or .xlsx file.",
        "'{value}' CSV या XLSX फ़ाइल नहीं है: .csv या .xlsx फ़ाइल अपलोड करें।",
    ),
    "csv_not_text": (
        "the file is named .csv but is not UTF-8 text ({parts[0]}); save it again as 'CSV UTF-8'.",
        "फ़ाइल का नाम .csv है पर वह UTF-8 टेक्स्ट नहीं है ({parts[1]}); उसे 'CSV UTF-8' के रूप में फिर से सहेजें।",
    ),
    "xlsx_not_workbook": (
        "the file is named .xlsx but is not an Excel workbook ({parts[0]}); save it again from Excel as .xlsx.",
        "फ़ाइल का नाम .xlsx है पर वह Excel वर्कबुक नहीं है ({parts[1]}); उसे Excel से .xlsx के रूप में फिर से सहेजें।",
    ),
    "xlsx_too_many_parts": (
        "the workbook holds {parts[0]} parts; at most {parts[1]} are accepted.",
        "वर्कबुक में {parts[0]} भाग हैं; अधिकतम {parts[1]} स्वीकार हैं।",
    ),
    "xlsx_too_large": (
        "the workbook unpacks to {parts[0]}; at most {parts[1]} is accepted.",
        "वर्कबुक खुलने पर {parts[0]} की हो जाती है; अधिकतम {parts[1]} स्वीकार है।",
    ),
    "xlsx_unsafe_xml": (
        "the workbook declares XML entities or a document type, which a spreadsheet never needs; it was not "
        "opened. Save it again from Excel.",
        "वर्कबुक में XML एंटिटी या डॉक्यूमेंट टाइप घोषित है, जिसकी किसी स्प्रेडशीट को ज़रूरत नहीं होती; उसे खोला "
        "नहीं गया। उसे Excel से फिर से सहेजें।",
    ),
    "xlsx_macros": (
        "the workbook contains macros (a VBA project); macros are not accepted. Save it again from Excel as an "
        "'Excel Workbook (.xlsx)', without macros.",
        "वर्कबुक में मैक्रो (VBA प्रोजेक्ट) हैं; मैक्रो स्वीकार नहीं हैं। उसे Excel से बिना मैक्रो के 'Excel Workbook "
        "(.xlsx)' के रूप में फिर से सहेजें।",
    ),
    "xlsx_external_links": (
        "the workbook links to other workbooks ({detail}); links are not accepted. Paste the values in place of the "
        "links (Data › Edit Links › Break Link) and save it again.",
        "वर्कबुक दूसरी वर्कबुक से जुड़ी है ({detail}); लिंक स्वीकार नहीं हैं। लिंक की जगह मान चिपकाएँ (Data › Edit "
        "Links › Break Link) और उसे फिर से सहेजें।",
    ),
    # --- Undoing an import (data.imports.undo.undo_import) ---
    "undo_unknown": ("there is no import #{value}.", "आयात #{value} मौजूद नहीं है।"),
    "undo_not_committed": (
        "import #{value} has already been undone: there is nothing left to undo.",
        "आयात #{value} पहले ही पूर्ववत हो चुका है: पूर्ववत करने को कुछ नहीं बचा।",
    ),
    "undo_kind": (
        "import #{value} is a certificate-registry file; registry imports cannot be undone here "
        "(import a corrected file instead).",
        "आयात #{value} प्रमाणपत्र रजिस्टर की फ़ाइल है; रजिस्टर के आयात यहाँ पूर्ववत नहीं होते (इसके बजाय सुधरी हुई फ़ाइल आयात करें)।",
    ),
    "undo_no_history": (
        "import #{value} was made before imports kept what undoing needs; import a corrected file instead.",
        "आयात #{value} तब हुआ था जब आयात पूर्ववत करने की जानकारी नहीं रखते थे; इसके बजाय सुधरी हुई फ़ाइल आयात करें।",
    ),
    "undo_overwritten": (
        "a later import ({parts[1]}) changed {parts[0]} of the rows import #{value} wrote; undo that import first.",
        "बाद के आयात ({parts[1]}) ने आयात #{value} की लिखी {parts[0]} पंक्तियाँ बदल दी हैं; पहले उसे पूर्ववत करें।",
    ),
    "undo_stock_below_zero": (
        "undoing import #{value} would take {parts[12]}'s {parts[6]} stock below zero on {parts[8]} "
        "(it would be {parts[10]} doses); undo the later stock imports that rely on it first.",
        "आयात #{value} पूर्ववत करने से {parts[9]} को {parts[13]} का {parts[7]} स्टॉक शून्य से नीचे "
        "({parts[11]} खुराकें) चला जाएगा; पहले उस पर निर्भर बाद के स्टॉक आयात पूर्ववत करें।",
    ),
    # --- Why a stock movement between two stores is impossible (store_direction's detail names one) ---
    "direction_same_store": ("a movement needs two different stores.", "एक प्रविष्टि के लिए दो अलग-अलग भंडार चाहिए।"),
    "direction_to_supplier": (
        "vaccine cannot go back to SUPPLIER; record a WASTAGE or an ADJUSTMENT instead.",
        "टीका SUPPLIER को वापस नहीं जा सकता; इसके बजाय WASTAGE या ADJUSTMENT दर्ज करें।",
    ),
    "direction_from_wastage": ("vaccine cannot come out of WASTAGE.", "WASTAGE से टीका बाहर नहीं आ सकता।"),
    "direction_no_real_store": (
        "one end of a movement must be the STATE store or a district store.",
        "प्रविष्टि का एक सिरा STATE भंडार या किसी ज़िले का भंडार होना चाहिए।",
    ),
    # --- Why an uploaded file is not what its name says (csv_not_text and xlsx_not_workbook quote one) ---
    "reason_zip_file": ("it is a zip file, perhaps an XLSX workbook", "यह zip फ़ाइल है, शायद XLSX वर्कबुक"),
    "reason_binary": ("it holds binary data", "इसमें बाइनरी डेटा है"),
    "reason_not_utf8": (
        "byte {byte} is not UTF-8; perhaps it was saved in another encoding",
        "बाइट {byte} UTF-8 नहीं है; शायद यह किसी दूसरी एन्कोडिंग में सहेजी गई है",
    ),
    "reason_old_xls": ("it is an old .xls file or an encrypted workbook", "यह पुरानी .xls या एन्क्रिप्टेड फ़ाइल है"),
    "reason_not_zip": ("it is not a zip package", "यह zip पैकेज नहीं है"),
    "reason_missing_part": ("it has no part {part}", "इसमें {part} भाग नहीं है"),
    "reason_encrypted": ("some of its parts are encrypted", "इसके कुछ भाग एन्क्रिप्टेड हैं"),
    "reason_damaged_zip": ("its zip package is damaged: {error}", "इसका zip पैकेज खराब है: {error}"),
    # --- Nothing dropped in silence (issue 13): one centre one name, one ID document one person, whose centre ---
    "centre_name_conflict": (
        "centre '{parts[0]}' is named '{value}' here but '{parts[1]}' higher up in this file; give it one name.",
        "केंद्र '{parts[0]}' का नाम यहाँ '{value}' है पर इस फ़ाइल में ऊपर '{parts[1]}'; उसे एक ही नाम दें।",
    ),
    "centre_not_allowed": (
        "centre '{value}' belongs to {parts[0]}, not your district: you may upload rows of {parts[2]} only.",
        "केंद्र '{value}' {parts[1]} का है, आपके ज़िले का नहीं: आप केवल {parts[3]} की पंक्तियाँ अपलोड कर सकते हैं।",
    ),
    "id_number_shared": (
        "ID number {value} is also given to another reference id in row {detail}; one ID document belongs to one "
        "person.",
        "पहचान संख्या {value} पंक्ति {detail} में किसी दूसरी संदर्भ आईडी को भी दी गई है; एक पहचान पत्र एक ही व्यक्ति का होता है।",
    ),
    "id_number_registered": (
        "ID number {value} is already registered to reference id {detail}; one ID document belongs to one person "
        "(correct that record first if it is wrong).",
        "पहचान संख्या {value} पहले से संदर्भ आईडी {detail} के नाम दर्ज है; एक पहचान पत्र एक ही व्यक्ति का होता है "
        "(वह रिकॉर्ड गलत हो तो पहले उसे सुधारें)।",
    ),
}
