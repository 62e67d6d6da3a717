"""The importer's own words: its summary of each file and its command line (data.imports.importer, python -m
data.load)."""

LABELS: dict[str, tuple[str, str]] = {
    "summary": ("{file} — {title} — {status}", "{file} — {title} — {status}"),
    "status_committed": ("committed as import #{batch}", "आयात #{batch} के रूप में दर्ज"),
    "status_unchanged": ("already imported: nothing changed", "पहले ही आयात हो चुकी है: कुछ नहीं बदला"),
    "status_dry_run": ("dry run: nothing written", "परीक्षण: कुछ नहीं लिखा गया"),
    "status_rejected": ("REJECTED: nothing written", "अस्वीकृत: कुछ नहीं लिखा गया"),
    "status_failed": ("FAILED: nothing written", "विफल: कुछ नहीं लिखा गया"),
    "counts": (
        "rows {rows} · new {new} · changed {changed} · unchanged {unchanged} · rejected {rejected}",
        "पंक्तियाँ {rows} · नई {new} · बदली {changed} · अपरिवर्तित {unchanged} · अस्वीकृत {rejected}",
    ),
    "new_centres": ("new centres: {count}: {names}{more}", "नए केंद्र: {count}: {names}{more}"),
    "new_centre": ("{code} ({name}, {district})", "{code} ({name}, {district})"),
    "renamed_centre": (
        "centre renamed: {code} ({district}) '{old_name}' → '{name}' (row {row})",
        "केंद्र का नाम बदला: {code} ({district}) '{old_name}' → '{name}' (पंक्ति {row})",
    ),
    "more_centres": (" and {count} more", " और {count} अन्य"),
    "revoked": (
        "certificates revoked (their records were corrected): {count}",
        "रद्द किए गए प्रमाणपत्र (उनके रिकॉर्ड सुधारे गए): {count}",
    ),
    "to_revoke": (
        "certificates to revoke (their records were corrected): {count}",
        "रद्द किए जाने वाले प्रमाणपत्र (उनके रिकॉर्ड सुधारे गए): {count}",
    ),
    "at_row": ("row {row}", "पंक्ति {row}"),
    "at_column": ("column '{column}'", "स्तंभ '{column}'"),
    "at_value": ("value '{value}'", "मान '{value}'"),
    "at_file": ("file", "फ़ाइल"),
    "problem": ("{where}: [{rule}] {message}", "{where}: [{rule}] {message}"),
    "more_problems": (
        "… and {count} more problems (use --json for all)",
        "… और {count} समस्याएँ (सभी के लिए --json लगाएँ)",
    ),
    "more_problem": (
        "… and 1 more problem (use --json for all)",
        "… और 1 समस्या (सभी के लिए --json लगाएँ)",
    ),
    "cli_description": (
        "Import daily doses, stock movements, published series, beneficiaries or vaccinations (CSV or XLSX). "
        "Each file is written whole or not at all.",
        "दैनिक खुराक, स्टॉक की आवाजाही, प्रकाशित शृंखला, लाभार्थी या टीकाकरण (CSV या XLSX) आयात करें। "
        "हर फ़ाइल पूरी लिखी जाती है या बिल्कुल नहीं।",
    ),
    "cli_dry_run": ("report what would change; write nothing", "क्या बदलेगा, यह बताएँ; कुछ न लिखें"),
    "cli_json": ("print the summary as JSON on standard output", "सारांश JSON में मानक आउटपुट पर छापें"),
    "cli_user": ("who is importing (default: the login name)", "कौन आयात कर रहा है (पहले से: लॉगिन नाम)"),
    "cli_no_database": ("Cannot open the database ({error}): {cause}", "डेटाबेस नहीं खुल सका ({error}): {cause}"),
}
