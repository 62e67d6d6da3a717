"""Labels of the accounts page (pages/users.py), its table, and data.accounts.users' refusals in both languages."""

LABELS: dict[str, tuple[str, str]] = {
    "title": ("Accounts", "खाते"),
    "intro": (
        "Accounts of the state officers and district collectors. Every change is written to the audit trail; "
        "passwords are never shown or kept, only their hashes.",
        "राज्य अधिकारियों और ज़िला कलेक्टरों के खाते। हर बदलाव ऑडिट ट्रेल में दर्ज होता है; पासवर्ड न दिखाए जाते हैं "
        "न रखे जाते हैं, केवल उनके हैश।",
    ),
    "accounts_header": ("Accounts", "खाते"),
    "no_accounts": ("No accounts yet.", "अभी कोई खाता नहीं।"),
    "download": ("Download CSV", "CSV डाउनलोड करें"),
    # Table
    "col_username": ("Username", "उपयोगकर्ता नाम"),
    "col_display_name": ("Name", "नाम"),
    "col_role": ("Role", "भूमिका"),
    "col_district": ("District", "ज़िला"),
    "col_status": ("Status", "स्थिति"),
    "col_created": ("Created", "बनाया गया"),
    "col_password_changed": ("Password changed", "पासवर्ड बदला गया"),
    "role_officer": ("State officer", "राज्य अधिकारी"),
    "role_collector": ("District collector", "ज़िला कलेक्टर"),
    "status_active": ("Active", "सक्रिय"),
    "status_disabled": ("Disabled", "निष्क्रिय"),
    "status_demo": ("demo", "डेमो"),
    # Actions
    "tab_add": ("Add an account", "खाता जोड़ें"),
    "tab_reset": ("Reset a password", "पासवर्ड बदलें"),
    "tab_disable": ("Disable an account", "खाता निष्क्रिय करें"),
    "tab_link": ("Link single sign-on", "सिंगल साइन-ऑन जोड़ें"),
    "username": ("Username", "उपयोगकर्ता नाम"),
    "username_help": (
        "3 to 32 characters: lower-case letters, digits, '.', '_' or '-'.",
        "3 से 32 अक्षर: छोटे अंग्रेज़ी अक्षर, अंक, '.', '_' या '-'।",
    ),
    "display_name": ("Name shown", "दिखने वाला नाम"),
    "role": ("Role", "भूमिका"),
    "district": ("District (collectors)", "ज़िला (कलेक्टर के लिए)"),
    "password": ("Password", "पासवर्ड"),
    "password_help": ("At least 10 characters.", "कम से कम 10 अक्षर।"),
    "password_again": ("Password again", "पासवर्ड दोबारा"),
    "account": ("Account", "खाता"),
    "email": ("E-mail of the single sign-on identity", "सिंगल साइन-ऑन पहचान का ई-मेल"),
    "email_help": (
        "The address the identity provider reports for this person; they then sign in as this account.",
        "वह पता जो पहचान प्रदाता इस व्यक्ति के लिए बताता है; फिर वे इसी खाते से साइन इन करते हैं।",
    ),
    "confirm_disable": (
        "I understand that this account can no longer sign in.",
        "मैं समझता/समझती हूँ कि यह खाता अब साइन इन नहीं कर सकेगा।",
    ),
    "disable_own": (
        "Your own account is not listed: another officer must disable it.",
        "आपका अपना खाता सूची में नहीं है: उसे कोई दूसरा अधिकारी निष्क्रिय करेगा।",
    ),
    "no_other_accounts": ("No other active account.", "कोई दूसरा सक्रिय खाता नहीं।"),
    "submit_add": ("Add account", "खाता जोड़ें"),
    "submit_reset": ("Set new password", "नया पासवर्ड रखें"),
    "submit_disable": ("Disable account", "खाता निष्क्रिय करें"),
    "submit_link": ("Link identity", "पहचान जोड़ें"),
    # Outcomes
    "done_add": ("Account {username} added.", "खाता {username} जुड़ गया।"),
    "done_reset": ("The password of {username} was changed.", "{username} का पासवर्ड बदल दिया गया।"),
    "done_disable": ("Account {username} was disabled.", "खाता {username} निष्क्रिय कर दिया गया।"),
    "done_already_disabled": ("Account {username} was already disabled.", "खाता {username} पहले से निष्क्रिय था।"),
    "done_link": ("{email} now signs in as {username}.", "{email} अब {username} के रूप में साइन इन करता है।"),
    "choose_account": ("Choose an account.", "खाता चुनें।"),
    "not_confirmed": ("Tick the box to confirm.", "पुष्टि के लिए बॉक्स पर निशान लगाएँ।"),
    "cannot_disable_self": (
        "You cannot disable your own account.",
        "आप अपना ही खाता निष्क्रिय नहीं कर सकते।",
    ),
    # data.accounts.users.UserError(key, **values): every refusal, on the page and (in English) from the CLI
    "error_username": (
        "A username is 3 to 32 characters: lower-case letters, digits, '.', '_' or '-'.",
        "उपयोगकर्ता नाम 3 से 32 अक्षरों का हो: छोटे अंग्रेज़ी अक्षर, अंक, '.', '_' या '-'।",
    ),
    "error_password_short": ("A password needs at least {n} characters.", "पासवर्ड में कम से कम {n} अक्षर होने चाहिए।"),
    "error_password_long": ("A password may have at most {n} characters.", "पासवर्ड में अधिकतम {n} अक्षर हो सकते हैं।"),
    "error_password_spaces": ("A password cannot be only spaces.", "पासवर्ड केवल खाली जगहों का नहीं हो सकता।"),
    "error_passwords_differ": ("The two passwords differ.", "दोनों पासवर्ड अलग-अलग हैं।"),
    "error_no_account": ("There is no account named '{name}'.", "'{name}' नाम का कोई खाता नहीं है।"),
    "error_role": ("Choose a role: state officer or district collector.", "भूमिका चुनें: राज्य अधिकारी या ज़िला कलेक्टर।"),
    "error_collector_district": ("A district collector needs a district.", "ज़िला कलेक्टर के लिए ज़िला चुनना ज़रूरी है।"),
    "error_officer_district": (
        "A state officer sees the whole state: choose no district.",
        "राज्य अधिकारी पूरा राज्य देखते हैं: कोई ज़िला न चुनें।",
    ),
    "error_unknown_district": ("'{name}' is not a district of the master list.", "'{name}' ज़िलों की मास्टर सूची में नहीं है।"),
    "error_exists": ("An account named '{name}' already exists.", "'{name}' नाम का खाता पहले से मौजूद है।"),
    "error_email": (
        "Give the e-mail address the identity provider reports for this person.",
        "वह ई-मेल पता दें जो पहचान प्रदाता इस व्यक्ति के लिए बताता है।",
    ),
    "error_email_linked": (
        "That identity is already linked to another account.",
        "यह पहचान पहले से किसी दूसरे खाते से जुड़ी है।",
    ),
    "error_no_terminal": (
        "No terminal to ask for the password: pipe it in with --password-stdin.",
        "पासवर्ड पूछने के लिए कोई टर्मिनल नहीं है: उसे --password-stdin के साथ भेजें।",
    ),
    "error_cli_unknown_district": (
        "'{name}' is an unknown district: give its English or Hindi name, or its code.",
        "'{name}' अज्ञात ज़िला है: उसका अंग्रेज़ी या हिन्दी नाम, या कोड दें।",
    ),
    "error_cli_collector_district": (
        "A district collector needs --district.",
        "ज़िला कलेक्टर के लिए --district देना ज़रूरी है।",
    ),
}
