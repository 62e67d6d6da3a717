"""Labels of signing in and out, roles, and the workspace's navigation."""

LABELS: dict[str, tuple[str, str]] = {
    "nav_sign_in": ("Staff sign-in", "कर्मचारी साइन-इन"),
    "nav_summary": ("Vaccination summary", "टीकाकरण सारांश"),
    "nav_upload": ("Upload data", "आँकड़े अपलोड करें"),
    "nav_stock": ("Stock entry", "स्टॉक प्रविष्टि"),
    "nav_users": ("Accounts", "खाते"),
    "nav_audit_trail": ("Audit trail", "ऑडिट ट्रेल"),
    "nav_section_public": ("Public", "सार्वजनिक"),
    "nav_section_staff": ("Staff", "कर्मचारी"),
    "nav_section_workspace": ("Workspace", "कार्यक्षेत्र"),
    "title": ("Staff sign-in", "कर्मचारी साइन-इन"),
    "intro": (
        "For the state immunisation officer and district collectors. Citizens need no account: the summary, "
        "certificates and verification are open to all.",
        "राज्य टीकाकरण अधिकारी और ज़िला कलेक्टरों के लिए। नागरिकों को खाते की ज़रूरत नहीं: सारांश, प्रमाणपत्र और "
        "सत्यापन सबके लिए खुले हैं।",
    ),
    "username": ("Username", "उपयोगकर्ता नाम"),
    "password": ("Password", "पासवर्ड"),
    "submit": ("Sign in", "साइन इन करें"),
    "failed": (
        "Sign-in failed. Check the username and password, or try again in a few minutes.",
        "साइन-इन नहीं हुआ। उपयोगकर्ता नाम और पासवर्ड जाँचें, या कुछ मिनट बाद फिर कोशिश करें।",
    ),
    "sso": ("Sign in with single sign-on", "सिंगल साइन-ऑन से साइन इन करें"),
    "sign_out": ("Sign out", "साइन आउट"),
    "signed_in_as": ("Signed in as {name} ({role})", "{name} के रूप में साइन इन ({role})"),
    "role_officer": ("state officer", "राज्य अधिकारी"),
    "role_collector": ("collector, {district}", "कलेक्टर, {district}"),
    "notice_sso_unmapped": (
        "Your single sign-on identity is not linked to an active Teeka account. Ask the state officer to link it.",
        "आपकी सिंगल साइन-ऑन पहचान किसी सक्रिय टीका खाते से जुड़ी नहीं है। राज्य अधिकारी से जोड़ने को कहें।",
    ),
    "notice_signed_out": ("You have signed out.", "आप साइन आउट हो गए हैं।"),
    "notice_idle": (
        "You were signed out after {minutes} minutes without activity.",
        "{minutes} मिनट तक कोई गतिविधि न होने पर आपको साइन आउट कर दिया गया।",
    ),
    "notice_expired": (
        "You were signed out: a session lasts at most {hours} hours. Sign in again.",
        "आपको साइन आउट कर दिया गया: एक सत्र अधिकतम {hours} घंटे चलता है। फिर से साइन इन करें।",
    ),
    "notice_reset": (
        "Your session has ended: the account's password was changed. Sign in with the new password.",
        "आपका सत्र समाप्त हो गया है: खाते का पासवर्ड बदल दिया गया। नए पासवर्ड से साइन इन करें।",
    ),
    "notice_refused": (
        "Your session has ended: the account is no longer active.",
        "आपका सत्र समाप्त हो गया है: खाता अब सक्रिय नहीं है।",
    ),
    "not_allowed": (
        "This page is not available to you. Sign in with an account that may open it.",
        "यह पृष्ठ आपके लिए उपलब्ध नहीं है। ऐसे खाते से साइन इन करें जिसे इसकी अनुमति हो।",
    ),
    "not_allowed_detail": (
        "Centre-level detail is shown for your own district only.",
        "केंद्र-स्तर का विवरण केवल आपके अपने ज़िले के लिए दिखाया जाता है।",
    ),
    "not_for_role": (
        "{page} is not among your pages, so you are on your home page instead.",
        "{page} आपके पृष्ठों में नहीं है, इसलिए आप अपने मुख्य पृष्ठ पर हैं।",
    ),
    "asked_for": (
        "You asked for {page}, a staff page. Sign in to open it.",
        "आपने {page} माँगा है, जो कर्मचारियों का पृष्ठ है। इसे खोलने के लिए साइन इन करें।",
    ),
    "reload_signs_out": (
        "Signed in with a password, a reload or a link opened in a new tab signs you out: the session lives only in "
        "this open page, not in a browser cookie, because Streamlit cannot set one that the page's scripts cannot "
        "read. Single sign-on, where offered, survives a reload.",
        "पासवर्ड से साइन इन करने पर पृष्ठ दोबारा लोड करने या किसी लिंक को नए टैब में खोलने से आप साइन आउट हो जाते "
        "हैं: सत्र केवल इसी खुले पृष्ठ में रहता है, ब्राउज़र कुकी में नहीं, क्योंकि Streamlit ऐसी कुकी नहीं बना सकता "
        "जिसे पृष्ठ की स्क्रिप्ट न पढ़ सकें। सिंगल साइन-ऑन, जहाँ उपलब्ध है, दोबारा लोड करने पर भी बना रहता है।",
    ),
    "demo_accounts": ("Demo accounts (demo database only)", "डेमो खाते (केवल डेमो डेटाबेस पर)"),
    "demo_account_row": ("{username} / {password} — {role}", "{username} / {password} — {role}"),
}
