"""Labels of the certificate: the public lookup page (pages/certificate.py) and the PDF (data/certificate_pdf.py)."""

LABELS: dict[str, tuple[str, str]] = {
    "title": ("Vaccination Certificate", "टीकाकरण प्रमाणपत्र"),
    "subtitle": ("COVID-19 vaccination", "कोविड-19 टीकाकरण"),
    "demo": (
        "DEMO: signed with a demo key. This is not a valid certificate.",
        "डेमो: डेमो कुंजी से हस्ताक्षरित। यह मान्य प्रमाणपत्र नहीं है।",
    ),
    "name": ("Name", "नाम"),
    "birth_year": ("Year of birth", "जन्म वर्ष"),
    "gender": ("Gender", "लिंग"),
    "id": ("Photo ID", "फ़ोटो पहचान पत्र"),
    "status": ("Status", "स्थिति"),
    "doses": ("Vaccination details", "टीकाकरण विवरण"),
    "dose": ("Dose", "खुराक"),
    "date": ("Date", "तारीख़"),
    "vaccine": ("Vaccine", "टीका"),
    "centre": ("Centre", "केंद्र"),
    "district": ("District", "ज़िला"),
    "certificate_id": ("Certificate ID", "प्रमाणपत्र संख्या"),
    "issued": ("Issued", "जारी"),
    "scan": ("Scan to verify", "सत्यापन के लिए स्कैन करें"),
    "signed": (
        "Digitally signed. The QR code holds the signed record; anyone can check it at the address below it.",
        "डिजिटल रूप से हस्ताक्षरित। QR कोड में हस्ताक्षरित विवरण है; इसके नीचे दिए पते पर कोई भी इसकी जाँच कर सकता है।",
    ),
    "gender_M": ("Male", "पुरुष"),
    "gender_F": ("Female", "महिला"),
    "gender_O": ("Other", "अन्य"),
    "status_partial": ("Partially vaccinated", "आंशिक रूप से टीकाकृत"),
    "status_full": ("Fully vaccinated", "पूर्ण टीकाकृत"),
    "status_precaution": ("Fully vaccinated, with precaution dose", "पूर्ण टीकाकृत, एहतियाती खुराक सहित"),
    # The lookup page
    "page_title": ("Your vaccination certificate", "आपका टीकाकरण प्रमाणपत्र"),
    "intro": (
        "Enter the 13-digit reference id of your registration and the mobile number you registered with. "
        "A one-time code is sent to that mobile; with it you can see and download your certificate.",
        "अपने पंजीकरण की 13 अंकों की संदर्भ आईडी और पंजीकरण में दिया गया मोबाइल नंबर डालें। उस मोबाइल पर एक "
        "बार का कोड भेजा जाता है; उससे आप अपना प्रमाणपत्र देख और डाउनलोड कर सकते हैं।",
    ),
    "reference": ("Reference id (13 digits)", "संदर्भ आईडी (13 अंक)"),
    "reference_help": (
        "It is printed on the slip you received at registration.",
        "यह पंजीकरण पर मिली पर्ची पर छपी है।",
    ),
    "mobile": ("Registered mobile number", "पंजीकृत मोबाइल नंबर"),
    "mobile_help": ("10 digits; +91 may be left out.", "10 अंक; +91 लिखना ज़रूरी नहीं।"),
    "send_code": ("Send the code", "कोड भेजें"),
    "error_reference": (
        "Reference id: a reference id has 13 digits (0–9), as printed on your registration slip. Nothing was sent.",
        "संदर्भ आईडी: संदर्भ आईडी में 13 अंक (0–9) होते हैं, जैसे पंजीकरण पर्ची पर छपे हैं। कुछ नहीं भेजा गया।",
    ),
    "error_mobile": (
        "Mobile number: a mobile number has 10 digits and starts with 6, 7, 8 or 9 (+91 may be left out). "
        "Nothing was sent.",
        "मोबाइल नंबर: मोबाइल नंबर में 10 अंक होते हैं और वह 6, 7, 8 या 9 से शुरू होता है (+91 लिखना ज़रूरी नहीं)। कुछ नहीं भेजा गया।",
    ),
    "code_sent": (
        "If these details match a registration, a 6-digit code has been sent to that mobile. It is valid for "
        "10 minutes.",
        "यदि ये विवरण किसी पंजीकरण से मेल खाते हैं, तो उस मोबाइल पर 6 अंकों का कोड भेजा गया है। यह 10 मिनट तक मान्य है।",
    ),
    "code": ("6-digit code", "6 अंकों का कोड"),
    "show": ("Show my certificate", "मेरा प्रमाणपत्र दिखाएँ"),
    "refused": (
        "The certificate cannot be shown with these details and this code. Check the code, or start again.",
        "इन विवरणों और इस कोड से प्रमाणपत्र नहीं दिखाया जा सकता। कोड जाँचें, या फिर से शुरू करें।",
    ),
    "start_again": ("Start again", "फिर से शुरू करें"),
    "demo_code": (
        "DEMO ONLY — no SMS is sent in the demo. The code sent to this mobile is {code}.",
        "केवल डेमो — डेमो में SMS नहीं भेजा जाता। इस मोबाइल पर भेजा गया कोड {code} है।",
    ),
    "demo_people": (
        "Demo registrations to try: {people}.",
        "आज़माने के लिए डेमो पंजीकरण: {people}।",
    ),
    "demo_keys": (
        "DEMO: certificates here are signed with a demo key made on this computer; they are not valid anywhere else.",
        "डेमो: यहाँ के प्रमाणपत्र इस कंप्यूटर पर बनी डेमो कुंजी से हस्ताक्षरित हैं; वे कहीं और मान्य नहीं हैं।",
    ),
    "no_doses": (
        "No dose is recorded for this registration yet.",
        "इस पंजीकरण के लिए अभी कोई खुराक दर्ज नहीं है।",
    ),
    "download_pdf": ("Download the certificate (PDF)", "प्रमाणपत्र डाउनलोड करें (PDF)"),
    "qr_caption": (
        "The QR code opens the verification page; anyone can check this certificate with it.",
        "QR कोड सत्यापन पेज खोलता है; इससे कोई भी इस प्रमाणपत्र की जाँच कर सकता है।",
    ),
    "finish": ("Done: clear the certificate from this screen", "हो गया: प्रमाणपत्र इस स्क्रीन से हटाएँ"),
    "value": ("Value", "विवरण"),
    "detail": ("Detail", "मद"),
}
