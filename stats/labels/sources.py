"""Labels of the sources of a figure, of the status of a published day, and of the sidebar's source pin."""

LABELS: dict[str, tuple[str, str]] = {
    "name_own": ("the state's centre reports", "राज्य की केंद्र रिपोर्ट"),
    "name_cowin_district": ("CoWIN (district series)", "कोविन (ज़िला शृंखला)"),
    "name_cowin": ("CoWIN", "कोविन"),
    "name_mohfw": ("the health ministry (MoHFW)", "स्वास्थ्य मंत्रालय (MoHFW)"),
    "short_own": ("State reports", "राज्य रिपोर्ट"),
    "short_cowin_district": ("CoWIN districts", "कोविन ज़िले"),
    "short_cowin": ("CoWIN", "कोविन"),
    "short_mohfw": ("MoHFW", "स्वास्थ्य मंत्रालय"),
    "according": ("according to {source}", "{source} के अनुसार"),
    "source": ("Source", "स्रोत"),
    "source_line": ("Source: {source}.", "स्रोत: {source}।"),
    "status": ("Note", "टिप्पणी"),
    "status_start": (
        "first published figure: everything up to this day, not one day's doses",
        "पहला प्रकाशित आँकड़ा: इस दिन तक का सब कुछ, एक दिन की खुराकें नहीं",
    ),
    "status_span": (
        "covers {days} days (the day before was not published)",
        "{days} दिनों का आँकड़ा (पिछला दिन प्रकाशित नहीं हुआ)",
    ),
    "status_correction": (
        "correction: the cumulative fell by {fall} (a recount, not negative doses)",
        "सुधार: संचयी आँकड़ा {fall} घटा (पुनर्गणना, ऋणात्मक खुराकें नहीं)",
    ),
    "status_jump": ("catch-up jump: not one day's doses", "एकमुश्त उछाल: एक दिन की खुराकें नहीं"),
    "jump_definition": (
        "jump of {rise}: CoWIN changed what it counts",
        "{rise} का उछाल: कोविन ने गिनती का तरीका बदला",
    ),
    "jump_catch_up": (
        "catch-up jump of {rise}: doses recorded late",
        "{rise} का एकमुश्त उछाल: देर से दर्ज खुराकें",
    ),
    "jump_reconciliation": (
        "jump of {rise}: the ministry reconciled its count",
        "{rise} का उछाल: मंत्रालय ने अपनी गिनती का मिलान किया",
    ),
    "jump_rule": (
        "jump of {rise}: over {factor} times the usual day and not confirmed by another source",
        "{rise} का उछाल: सामान्य दिन के {factor} गुना से अधिक, और किसी अन्य स्रोत से पुष्टि नहीं",
    ),
    "other": ("{source}: {value}", "{source}: {value}"),
    "other_difference": ("{source}: {value} ({difference})", "{source}: {value} ({difference})"),
    "same": ("same", "समान"),
    "others": ("Other sources for the day: {figures}.", "इस दिन के अन्य स्रोत: {figures}।"),
    "not_a_day": (
        "{source} gives no day's doses for {date}: {why}.",
        "{date} के लिए {source} से दिन की खुराकें नहीं: {why}।",
    ),
    "record": (
        "The record day to {end} {according} is {date}, with {doses} doses{outside}.",
        "{according} {end} तक का रिकॉर्ड दिन {date} है, {doses} खुराकों के साथ{outside}।",
    ),
    "record_published": (
        "The record day to {end} {according} is {date}, with {doses} doses (corrections and jumps not "
        "counted){outside}.",
        "{according} {end} तक का रिकॉर्ड दिन {date} है, {doses} खुराकों के साथ (सुधार और उछाल नहीं गिने गए){outside}।",
    ),
    "record_is_end": (
        "{date} is the record day so far {according}, with {doses} doses.",
        "{according} {date} अब तक का रिकॉर्ड दिन है, {doses} खुराकों के साथ।",
    ),
    "record_published_is_end": (
        "{date} is the record day so far {according}, with {doses} doses (corrections and jumps not counted).",
        "{according} {date} अब तक का रिकॉर्ड दिन है, {doses} खुराकों के साथ (सुधार और उछाल नहीं गिने गए)।",
    ),
    "record_outside": (": outside the dates shown", ": यह दिखाई गई तारीख़ों से बाहर है"),
    "pin": ("Figures from", "आँकड़ों का स्रोत"),
    "pin_help": (
        "Best available: the state's reports where they exist, else CoWIN's district series, else CoWIN's state "
        "series, else the health ministry's. Or pin one source.",
        "सर्वोत्तम उपलब्ध: जहाँ राज्य की रिपोर्ट हों वहाँ वे, अन्यथा कोविन की ज़िला शृंखला, फिर कोविन की राज्य "
        "शृंखला, फिर स्वास्थ्य मंत्रालय की। या एक स्रोत चुनें।",
    ),
    "pin_best": ("Best available", "सर्वोत्तम उपलब्ध"),
    "pin_own": ("State reports only", "केवल राज्य रिपोर्ट"),
    "pin_cowin": ("CoWIN only", "केवल कोविन"),
    "pin_mohfw": ("Health ministry only", "केवल स्वास्थ्य मंत्रालय"),
    "pinned": ("Pinned: {source} only.", "चुना गया: केवल {source}।"),
    "none_for_day": (
        "No source has a figure for {date}{pinned}.",
        "{date} के लिए किसी स्रोत में आँकड़ा नहीं{pinned}।",
    ),
    "lacks_breakdowns": (
        "{source} publishes no split by {what} for this day; the state's centre reports have it from {first}.",
        "{source} इस दिन के लिए {what} के अनुसार विभाजन प्रकाशित नहीं करता; राज्य की केंद्र रिपोर्ट में यह {first} से है।",
    ),
    "lacks_districts": (
        "No district figures for {date}: CoWIN's district series ends on 25 April 2021 and the state's centre "
        "reports do not cover this day.",
        "{date} के लिए ज़िलों के आँकड़े नहीं: कोविन की ज़िला शृंखला 25 अप्रैल 2021 को समाप्त होती है और राज्य की "
        "केंद्र रिपोर्ट इस दिन को शामिल नहीं करतीं।",
    ),
    "lacks_precaution": ("not published", "प्रकाशित नहीं"),
}
