"""The daily press note (stats.bulletin.render): its sentences in Hindi and English."""

LABELS: dict[str, tuple[str, str]] = {
    "title": ("Vaccination bulletin — {area}, {date}", "टीकाकरण बुलेटिन — {area}, {date}"),
    "lead": (
        "On {date}, {doses} doses were given at {centres} in {area}. The total so far is {cumulative}.",
        "{area} में {date} को {centres} पर {doses} खुराकें दी गईं। अब तक कुल {cumulative} खुराकें दी जा चुकी हैं।",
    ),
    "lead_none": (
        "No doses were reported in {area} on {date}. The total so far is {cumulative}.",
        "{area} में {date} को कोई खुराक दर्ज नहीं हुई। अब तक कुल {cumulative} खुराकें दी जा चुकी हैं।",
    ),
    "lead_published": (
        "On {date}, {doses} doses were given in {area}, {according}. The total so far is {cumulative}.",
        "{according}, {area} में {date} को {doses} खुराकें दी गईं। अब तक कुल {cumulative} खुराकें दी जा चुकी हैं।",
    ),
    "lead_none_published": (
        "No doses were recorded in {area} on {date}, {according}. The total so far is {cumulative}.",
        "{according}, {area} में {date} को कोई खुराक दर्ज नहीं हुई। अब तक कुल {cumulative} खुराकें दी जा चुकी हैं।",
    ),
    "lead_not_a_day": (
        "The figure for {area} on {date} {according} is not one day's doses: {note}. The total so far is {cumulative}.",
        "{according} {area} का {date} का आँकड़ा एक दिन की खुराकें नहीं है: {note}। अब तक कुल {cumulative} खुराकें दी जा चुकी हैं।",
    ),
    "other": ("{source} reported {doses} doses for the day.", "{source} ने इस दिन की {doses} खुराकें बताईं।"),
    "other_not_a_day": ("{source}: {note}.", "{source}: {note}।"),
    "source": ("Source: {source}.", "स्रोत: {source}।"),
    "record_published": (
        "The record so far {according} is {record} doses on {record_date} (corrections and jumps not counted).",
        "{according} अब तक का रिकॉर्ड {record_date} को {record} खुराकें है (सुधार और उछाल नहीं गिने गए)।",
    ),
    "record_new_published": (
        "This is the highest daily figure so far {according}; the previous record was {record} on {record_date} "
        "(corrections and jumps not counted).",
        "{according} यह अब तक का सर्वाधिक दैनिक आँकड़ा है; पिछला रिकॉर्ड {record_date} को {record} था (सुधार और "
        "उछाल नहीं गिने गए)।",
    ),
    "record_share_published": (
        "The record so far {according} is {record} doses on {record_date} (corrections and jumps not counted); "
        "this day reached {share} of it.",
        "{according} अब तक का रिकॉर्ड {record_date} को {record} खुराकें है (सुधार और उछाल नहीं गिने गए); इस दिन "
        "का आँकड़ा उसका {share} रहा।",
    ),
    "no_figures": (
        "No source has a figure for {area} on {date}.{known}",
        "{date} को {area} के लिए किसी स्रोत में आँकड़ा नहीं है।{known}",
    ),
    "known_span": (" Figures run from {first} to {last}.", " आँकड़े {first} से {last} तक हैं।"),
    "known_none": (" Nothing has been imported yet.", " अभी तक कुछ भी आयात नहीं हुआ है।"),
    "centres_one": ("{n} centre", "{n} केंद्र"),
    "centres_many": ("{n} centres", "{n} केंद्रों"),
    "doses": ("First doses {first}, second doses {second}.", "पहली खुराक {first}, दूसरी खुराक {second}।"),
    "doses_precaution": (
        "First doses {first}, second doses {second}, precaution doses {precaution}.",
        "पहली खुराक {first}, दूसरी खुराक {second}, एहतियाती खुराक {precaution}।",
    ),
    "band": ("{band}: {parts}.", "{band}: {parts}।"),
    "band_years": ("{band} years", "{band} वर्ष"),
    "dose_part_1": ("{n} first doses", "पहली खुराक {n}"),
    "dose_part_2": ("{n} second doses", "दूसरी खुराक {n}"),
    "dose_part_3": ("{n} precaution doses", "एहतियाती खुराक {n}"),
    "stock": (
        "Stock on hand: {stock} doses, enough for {days} at the 7-day average of {pace} doses a day.",
        "भंडार में {stock} खुराकें हैं, जो 7 दिन के औसत ({pace} खुराक प्रतिदिन) पर {days} चलेंगी।",
    ),
    "days_less": ("less than a day", "एक दिन से भी कम"),
    "days_one": ("{n} day", "{n} दिन"),
    "days_many": ("{n} days", "{n} दिन"),
    "stock_idle": (
        "Stock on hand: {stock} doses; no doses were given in the last 7 days.",
        "भंडार में {stock} खुराकें हैं; पिछले 7 दिनों में कोई खुराक नहीं दी गई।",
    ),
    "stock_out": (
        "Stock on hand: {stock} doses — the stores are empty at the 7-day average of {pace} doses a day.",
        "भंडार में {stock} खुराकें हैं — 7 दिन के औसत ({pace} खुराक प्रतिदिन) पर भंडार ख़ाली है।",
    ),
    "record_new": (
        "This is the highest daily figure so far; the previous record was {record} on {record_date}.",
        "यह अब तक का सर्वाधिक दैनिक आँकड़ा है; पिछला रिकॉर्ड {record_date} को {record} था।",
    ),
    "record_share": (
        "The record so far is {record} doses on {record_date}; this day reached {share} of it.",
        "अब तक का रिकॉर्ड {record_date} को {record} खुराकें है; आज का आँकड़ा उसका {share} रहा।",
    ),
    "first_day": ("This is the first day with data.", "यह आँकड़ों वाला पहला दिन है।"),
    "unknown_district": ("'{district}' is not a district of Chhattisgarh.", "'{district}' छत्तीसगढ़ का ज़िला नहीं है।"),
}
