"""Labels of the frame (app.py) and of what several pages share."""

LABELS: dict[str, tuple[str, str]] = {
    "app_title": ("Teeka", "टीका"),
    "state_name": ("Chhattisgarh", "छत्तीसगढ़"),
    "tagline": ("Chhattisgarh COVID-19 vaccination", "छत्तीसगढ़ कोविड-19 टीकाकरण"),
    "language": ("Language", "भाषा"),
    "as_of": ("As of", "दिनांक"),
    "as_of_help": (
        "Figures are for this day; it defaults to the latest day with data.",
        "आँकड़े इस दिन के हैं; पहले से नवीनतम आँकड़ों वाला दिन चुना रहता है।",
    ),
    "freshness": ("Figures to {date}", "आँकड़े {date} तक"),
    "freshness_updated": ("Figures to {date} · last import {when}", "आँकड़े {date} तक · अंतिम आयात {when}"),
    "last_import": ("Last import: {when} by {who} ({file})", "अंतिम आयात: {when}, {who} द्वारा ({file})"),
    "no_import": ("No import yet", "अभी कोई आयात नहीं"),
    "preparing": ("Preparing the database…", "डेटाबेस तैयार हो रहा है…"),
    "demo_notice": (
        "Demo data: the state's daily first and second doses to 24 October 2021 are the published CoWIN and "
        "health-ministry figures; centres, age bands, vaccines, stock, people and every day after are synthetic.",
        "डेमो डेटा: 24 अक्टूबर 2021 तक राज्य की प्रतिदिन की पहली और दूसरी खुराकें कोविन और स्वास्थ्य मंत्रालय के "
        "प्रकाशित आँकड़े हैं; केंद्र, आयु वर्ग, टीके, स्टॉक, लोग और उसके बाद के सभी दिन कृत्रिम हैं।",
    ),
    "no_data": ("No doses have been imported yet.", "अभी तक कोई खुराक आयात नहीं हुई है।"),
    "no_data_for_day": ("No doses are reported for {date}.", "{date} के लिए कोई खुराक दर्ज नहीं है।"),
    "chart": ("Chart", "चार्ट"),
    "table": ("Table", "तालिका"),
    "download_csv": ("Download CSV", "CSV डाउनलोड करें"),
    "download_xlsx": ("Download Excel (.xlsx)", "एक्सेल डाउनलोड करें (.xlsx)"),
    "download_csv_help": (
        "For programs: ISO dates (2022-01-31), plain numbers without grouping, UTF-8.",
        "प्रोग्रामों के लिए: ISO तारीख़ें (2022-01-31), बिना समूहन के सादी संख्याएँ, UTF-8।",
    ),
    "download_xlsx_help": (
        "For a spreadsheet: numbers and dates as typed cells, written the Indian way (1,50,778; 31-01-2022).",
        "स्प्रेडशीट के लिए: संख्याएँ और तारीख़ें टाइप किए गए सेल में, भारतीय ढंग से लिखी (1,50,778; 31-01-2022)।",
    ),
    "date": ("Date", "तारीख़"),
    "doses": ("Doses", "खुराकें"),
    "district": ("District", "ज़िला"),
    "centre": ("Centre", "केंद्र"),
    "age_band": ("Age band", "आयु वर्ग"),
    "dose_number": ("Dose", "खुराक"),
    "vaccine": ("Vaccine", "टीका"),
    "centres": ("Centres", "केंद्र"),
    "date_range": ("Dates shown", "दिखाई गई तारीख़ें"),
    "lakh": ("lakh", "लाख"),
    "crore": ("crore", "करोड़"),
    "page_title": ("Teeka · टीका", "Teeka · टीका"),
    "language_en": ("English", "English"),
    "language_hi": ("हिन्दी", "हिन्दी"),
    "state": ("State", "राज्य"),
    "nav_overview": ("State overview", "राज्य अवलोकन"),
    "nav_district_pace": ("District pace", "ज़िलों की गति"),
    "nav_data_quality": ("Data quality", "आँकड़ों की गुणवत्ता"),
    "nav_bulletin": ("Bulletin", "बुलेटिन"),
    "nav_section_dashboard": ("Dashboard", "डैशबोर्ड"),
    "nav_section_public": ("Certificates", "प्रमाणपत्र"),
    "nav_certificate": ("Get your certificate", "अपना प्रमाणपत्र पाएँ"),
    "nav_verify": ("Verify a certificate", "प्रमाणपत्र सत्यापन"),
    # The pages shown instead of the dashboard (pages/_faults.py)
    "config_title": ("Teeka is not configured", "टीका कॉन्फ़िगर नहीं है"),
    "config_missing": (
        "The dashboard cannot start: the database is not the demo one, and these settings are missing: {names}. "
        "The administrator sets them in the environment or in .streamlit/secrets.toml and restarts the app.",
        "डैशबोर्ड शुरू नहीं हो सकता: डेटाबेस डेमो वाला नहीं है, और ये सेटिंग्स नहीं दी गई हैं: {names}। "
        "व्यवस्थापक इन्हें एनवायरनमेंट या .streamlit/secrets.toml में देकर ऐप फिर से शुरू करें।",
    ),
    "schema_title": ("The database needs an upgrade", "डेटाबेस को अपग्रेड करना है"),
    "schema_behind": (
        "The dashboard cannot start: the database is at schema revision {current}, and this version of Teeka needs "
        "revision {head}. The administrator runs `{command}` once (with the same DATABASE_URL) and reloads this page.",
        "डैशबोर्ड शुरू नहीं हो सकता: डेटाबेस स्कीमा संशोधन {current} पर है, और टीका के इस संस्करण को संशोधन {head} "
        "चाहिए। व्यवस्थापक एक बार `{command}` चलाएँ (उसी DATABASE_URL के साथ) और यह पृष्ठ फिर से खोलें।",
    ),
    "schema_unknown": (
        "The dashboard cannot start: the database is at schema revision {current}, which this version of Teeka "
        "(revision {head}) does not know; a newer release upgraded it. The administrator runs that release again.",
        "डैशबोर्ड शुरू नहीं हो सकता: डेटाबेस स्कीमा संशोधन {current} पर है, जिसे टीका का यह संस्करण (संशोधन {head}) "
        "नहीं जानता; किसी नए संस्करण ने इसे अपग्रेड किया है। व्यवस्थापक वही नया संस्करण फिर से चलाएँ।",
    ),
    "schema_mismatch": (
        "The dashboard cannot start: the database has no schema revision and its tables differ from what Teeka "
        "expects. The administrator runs `{command}`, which names the differences.",
        "डैशबोर्ड शुरू नहीं हो सकता: डेटाबेस का कोई स्कीमा संशोधन नहीं है और उसकी तालिकाएँ टीका की अपेक्षा से अलग हैं। "
        "व्यवस्थापक `{command}` चलाएँ, जो अंतर बताता है।",
    ),
    "schema_none": ("none", "कोई नहीं"),
    "fault_title": ("Something went wrong", "कुछ गड़बड़ हो गई"),
    "fault": (
        "This page could not be shown: the data could not be reached or an unexpected fault occurred. "
        "Try again in a few minutes. If it keeps happening, give this reference to the state data team: {reference}.",
        "यह पृष्ठ नहीं दिखाया जा सका: डेटा तक पहुँच नहीं हो सकी या कोई अनपेक्षित त्रुटि हुई। "
        "कुछ मिनट बाद फिर कोशिश करें। यदि ऐसा होता रहे, तो राज्य डेटा टीम को यह संदर्भ बताएँ: {reference}।",
    ),
    "fault_again": ("Try again", "फिर कोशिश करें"),
}
