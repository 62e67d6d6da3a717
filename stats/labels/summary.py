"""Labels of the public summary page."""

LABELS: dict[str, tuple[str, str]] = {
    "title": ("COVID-19 vaccination in Chhattisgarh", "छत्तीसगढ़ में कोविड-19 टीकाकरण"),
    "intro": (
        "Doses given in the state and its districts up to {date}. Open to everyone; figures are totals only.",
        "{date} तक राज्य और उसके ज़िलों में दी गई खुराकें। सबके लिए खुला; केवल कुल आँकड़े।",
    ),
    "on_day": ("Doses on the day", "दिन की खुराकें"),
    "to_date": ("All doses to date", "अब तक की कुल खुराकें"),
    "when_on": ("on {date}", "{date} को"),
    "when_to": ("up to {date}", "{date} तक"),
    "trend": ("Daily doses in the state", "राज्य में प्रतिदिन की खुराकें"),
    "districts": ("Districts", "ज़िले"),
    "districts_help": (
        "Doses to the day by dose number, and the share of the eligible population with a first and a second dose.",
        "खुराक क्रम के अनुसार उस दिन तक की खुराकें, और पात्र आबादी का वह हिस्सा जिसे पहली और दूसरी खुराक मिली।",
    ),
    "total": ("All doses", "कुल खुराकें"),
    "coverage_1": ("First-dose coverage", "पहली खुराक कवरेज"),
    "coverage_2": ("Second-dose coverage", "दूसरी खुराक कवरेज"),
    "staff": (
        "Officers and collectors: sign in for the dashboard.",
        "अधिकारी और कलेक्टर: डैशबोर्ड के लिए साइन इन करें।",
    ),
}
