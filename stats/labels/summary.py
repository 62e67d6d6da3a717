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
    "coverage_1": ("Dose 1, % of 12+", "पहली खुराक, 12+ का %"),
    "coverage_2": ("Dose 2, % of 12+", "दूसरी खुराक, 12+ का %"),
    "coverage_help": (
        "Coverage here: all doses of the dose number of every age, against the estimated population aged 12 and "
        "over (all five bands, {population} people in the state). District pace counts only the age bands chosen "
        "there, against their population, so its figure differs.",
        "यहाँ कवरेज: हर आयु की उस क्रम की सभी खुराकें, 12 वर्ष और अधिक आयु की अनुमानित आबादी (पाँचों आयु वर्ग, राज्य में "
        "{population} लोग) के मुकाबले। ज़िला गति पृष्ठ केवल वहाँ चुने गए आयु वर्ग उनकी आबादी के मुकाबले गिनता है, इसलिए "
        "उसका आँकड़ा अलग होता है।",
    ),
    "in_words": ("{words} · {when}", "{words} · {when}"),
    "vs_week": (
        "Against the 7-day average before it ({average}): {change}",
        "उससे पहले के 7 दिन के औसत ({average}) के मुकाबले: {change}",
    ),
    "delta_help": ("Change on the day before", "पिछले दिन के मुकाबले बदलाव"),
    "area": ("State or district", "राज्य या ज़िला"),
    "area_state": ("All of Chhattisgarh", "पूरा छत्तीसगढ़"),
    "district_title": ("{district} district", "{district} ज़िला"),
    "district_intro": (
        "Doses given in {district} up to {date}, with the state beside it. Share this page's address: it keeps "
        "the district and the date.",
        "{date} तक {district} में दी गई खुराकें, साथ में राज्य। इस पृष्ठ का पता साझा करें: इसमें ज़िला और तारीख़ रहती है।",
    ),
    "district_trend": ("Daily doses in {district}", "{district} में प्रतिदिन की खुराकें"),
    "bad_district": (
        "The link names a district we do not know ({value}): showing the whole state.",
        "लिंक में ऐसा ज़िला है जिसे हम नहीं जानते ({value}): पूरा राज्य दिखाया जा रहा है।",
    ),
    "district_not_formed": (
        "{district} was not yet a district on {date}: showing the whole state.",
        "{date} को {district} ज़िला नहीं बना था: पूरा राज्य दिखाया जा रहा है।",
    ),
    "bad_date": (
        "The link's date ({value}) is not a day we have figures for ({first} to {last}): showing {date}.",
        "लिंक की तारीख़ ({value}) ऐसा दिन नहीं है जिसके आँकड़े हमारे पास हैं ({first} से {last}): {date} दिखाया जा रहा है।",
    ),
    "map_title": ("District map", "ज़िलों का नक्शा"),
    "map_indicator": ("Colour the districts by", "ज़िलों का रंग इसके अनुसार"),
    "map_on_day_per_lakh": ("Doses on the day per lakh people 12+", "दिन की खुराकें प्रति लाख लोग (12+)"),
    "map_week_per_thousand": (
        "7-day average a day per 1,000 people 12+",
        "7 दिन का दैनिक औसत प्रति 1,000 लोग (12+)",
    ),
    "map_coverage_1": ("First dose, % of people 12+", "पहली खुराक, 12+ आयु के लोगों का %"),
    "map_cumulative": ("All doses to date", "अब तक की कुल खुराकें"),
    "map_help": (
        "Each district coloured by the figure chosen, the same figures as the table beside it; grey: no figure "
        "for the day. Population: estimated people aged 12 and over.",
        "हर ज़िला चुने गए आँकड़े के रंग में, वही आँकड़े जो बगल की तालिका में हैं; धूसर: उस दिन का आँकड़ा नहीं। आबादी: "
        "12 वर्ष और अधिक आयु के अनुमानित लोग।",
    ),
    "map_points": (
        "Outlines: districts of 2014 (DataMeet, CC BY 2.5 India, via covid19india.org). {districts}: drawn as a dot "
        "at the headquarters inside the district it was carved from.",
        "सीमाएँ: 2014 के ज़िले (DataMeet, CC BY 2.5 India, covid19india.org के माध्यम से)। {districts}: जिस ज़िले से "
        "बना, उसके भीतर मुख्यालय पर बिंदु के रूप में।",
    ),
    "staff": (
        "Officers and collectors: sign in for the dashboard.",
        "अधिकारी और कलेक्टर: डैशबोर्ड के लिए साइन इन करें।",
    ),
    "detail_title": ("The day in detail", "दिन का ब्योरा"),
    "detail_area_title": ("{area} on {date}", "{date} को {area}"),
    "detail_what": ("What", "क्या"),
    "detail_day": ("On the day", "उस दिन"),
    "detail_share": ("Share", "हिस्सा"),
    "detail_dose": ("Doses by dose number", "खुराक क्रम के अनुसार खुराकें"),
    "detail_band": ("Doses by age band (the state's bands)", "आयु वर्ग के अनुसार खुराकें (राज्य के वर्ग)"),
    "detail_vaccine": ("Doses by vaccine", "टीके के अनुसार खुराकें"),
    "detail_sites": ("Sites and sessions", "स्थल और सत्र"),
    "detail_centres": ("Centres that reported doses", "खुराकों की रिपोर्ट देने वाले केंद्र"),
    "detail_no_sessions": (
        "The state's centre reports do not count sessions.",
        "राज्य की केंद्र रिपोर्टें सत्र नहीं गिनतीं।",
    ),
    "detail_source": ("Source: {source}", "स्रोत: {source}"),
    "detail_none": ("No source has a breakdown of this day.", "किसी स्रोत में इस दिन का ब्योरा नहीं है।"),
    "detail_no_gender": (
        "Gender: the state's centre reports do not record it, and CoWIN publishes it only to 29 September 2021 "
        "(the state) and 25 April 2021 (districts).",
        "लिंग: राज्य की केंद्र रिपोर्टें इसे दर्ज नहीं करतीं, और कोविन इसे केवल 29 सितंबर 2021 (राज्य) और 25 अप्रैल 2021 "
        "(ज़िले) तक प्रकाशित करता है।",
    ),
}
