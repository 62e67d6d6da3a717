"""Labels of the audit trail page (pages/audit_trail.py): filters, table, action names, counts."""

LABELS: dict[str, tuple[str, str]] = {
    "title": ("Audit trail", "ऑडिट ट्रेल"),
    "intro": (
        "Who did what and when: imports, corrections, stock entries, downloads, account changes and sign-ins. "
        "The trail can only grow; nothing in it can be changed or deleted. Times are India time (IST).",
        "किसने कब क्या किया: आयात, सुधार, स्टॉक प्रविष्टियाँ, डाउनलोड, खातों में बदलाव और साइन-इन। ट्रेल केवल बढ़ सकती "
        "है; इसमें कुछ भी बदला या मिटाया नहीं जा सकता। समय भारतीय समय (IST) में है।",
    ),
    "range": ("Dates (India time)", "तारीख़ें (भारतीय समय)"),
    "range_help": ("The last 30 days unless you choose others.", "जब तक आप दूसरी न चुनें, पिछले 30 दिन।"),
    "actor": ("Who (username)", "किसने (उपयोगकर्ता नाम)"),
    "actor_help": (
        "An exact username, or system, cli, anonymous; leave empty for everyone.",
        "पूरा उपयोगकर्ता नाम, या system, cli, anonymous; सबके लिए ख़ाली छोड़ें।",
    ),
    "action": ("What", "क्या"),
    "all_actions": ("All actions", "सभी गतिविधियाँ"),
    "shown": (
        "Rows: {count}, from {first} to {last}, newest first.",
        "पंक्तियाँ: {count}, {first} से {last} तक, सबसे नई पहले।",
    ),
    "limit_reached": (
        "Only the latest {limit} rows are shown; narrow the dates or filters to see older ones.",
        "केवल नवीनतम {limit} पंक्तियाँ दिखाई गई हैं; पुरानी देखने के लिए तारीख़ें या फ़िल्टर सीमित करें।",
    ),
    "no_rows": ("Nothing recorded for these dates and filters.", "इन तारीख़ों और फ़िल्टरों के लिए कुछ दर्ज नहीं।"),
    "download": ("Download CSV", "CSV डाउनलोड करें"),
    "download_help": (
        "The download itself is recorded in the audit trail.",
        "यह डाउनलोड भी ऑडिट ट्रेल में दर्ज होता है।",
    ),
    # Table
    "col_at": ("Time (IST)", "समय (IST)"),
    "col_actor": ("Who", "किसने"),
    "col_action": ("What", "क्या"),
    "col_code": ("Code", "कोड"),
    "col_subject": ("About", "किस बारे में"),
    "col_counts": ("Counts", "संख्याएँ"),
    "col_detail": ("Detail", "विवरण"),
    # Actions (data.accounts.audit.ACTIONS)
    "action_import": ("Import", "आयात"),
    "action_correction": ("Correction", "सुधार"),
    "action_undo": ("Import undone", "आयात पूर्ववत"),
    "action_stock-entry": ("Stock entry", "स्टॉक प्रविष्टि"),
    "action_export": ("Download", "डाउनलोड"),
    "action_user-add": ("Account added", "खाता जोड़ा गया"),
    "action_user-disable": ("Account disabled", "खाता निष्क्रिय किया गया"),
    "action_user-reset": ("Password reset", "पासवर्ड बदला गया"),
    "action_user-link": ("Single sign-on linked", "सिंगल साइन-ऑन जोड़ा गया"),
    "action_sign-in": ("Signed in", "साइन इन"),
    "action_sign-in-failed": ("Sign-in failed", "साइन-इन विफल"),
    "action_sign-out": ("Signed out", "साइन आउट"),
    "action_lookup-trail": ("Certificate lookups read (incident)", "प्रमाणपत्र खोजों का ब्योरा पढ़ा गया (घटना)"),
    # Counts
    "count_new": ("new", "नई"),
    "count_changed": ("changed", "बदली"),
    "count_unchanged": ("unchanged", "अपरिवर्तित"),
    "count_rows": ("rows", "पंक्तियाँ"),
    "count_restored": ("restored", "पुनर्स्थापित"),
    "count_deleted": ("removed", "हटाई गईं"),
}
