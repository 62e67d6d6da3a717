"""Labels of the district-pace page (pages/district_pace.py)."""

LABELS: dict[str, tuple[str, str]] = {
    "needs_own": (
        "The state's centre reports do not cover {date}. The league needs them (age bands, centres, stock): "
        "the published series have neither. Below is what CoWIN's district series published for the day.",
        "राज्य की केंद्र रिपोर्ट {date} को शामिल नहीं करतीं। तालिका के लिए वे ज़रूरी हैं (आयु वर्ग, केंद्र, "
        "स्टॉक): प्रकाशित शृंखलाओं में ये नहीं हैं। नीचे वह है जो कोविन की ज़िला शृंखला ने उस दिन प्रकाशित किया।",
    ),
    "title": ("District pace", "ज़िलों की गति"),
    "intro": (
        "How fast each district vaccinates the chosen age bands, against its target population, as of {date}.",
        "{date} तक, हर ज़िला चुने गए आयु वर्गों का टीकाकरण कितनी तेज़ी से कर रहा है, उसकी लक्षित आबादी के सापेक्ष।",
    ),
    # Inputs
    "age_bands": ("Age bands", "आयु वर्ग"),
    "age_bands_help": (
        "Doses and target population of these bands only.",
        "केवल इन आयु वर्गों की खुराकें और लक्षित आबादी।",
    ),
    "no_bands": ("Choose at least one age band.", "कम से कम एक आयु वर्ग चुनें।"),
    "target_dose": ("Target dose", "लक्ष्य की खुराक"),
    "target_percent": ("Target coverage (%)", "लक्षित कवरेज (%)"),
    "target_percent_help": (
        "Share of the target population of the chosen bands to be covered with the target dose.",
        "चुने गए आयु वर्गों की लक्षित आबादी का वह हिस्सा जिसे लक्ष्य की खुराक मिलनी है।",
    ),
    "target_date": ("Target date", "लक्ष्य की तारीख़"),
    "target_date_help": (
        "Day by which the target coverage is to be reached.",
        "वह दिन जब तक लक्षित कवरेज पूरा होना है।",
    ),
    # League table
    "league": ("League table", "ज़िलों की तालिका"),
    "league_caption": (
        "All {count} districts, ranked by the 7-day average of doses a day per 1,000 eligible people; "
        "click a column header to sort. Coverage is of the target population of the chosen bands "
        "(estimates, not official targets). Needed a day: doses a day to reach {target} coverage with "
        "the {dose} by {date}. Doses a day, eligible people and stock on hand are in the downloads.",
        "सभी {count} ज़िले, प्रति 1,000 पात्र लोगों पर प्रतिदिन खुराकों के 7-दिवसीय औसत के क्रम में; "
        "क्रम बदलने के लिए स्तंभ के शीर्षक पर क्लिक करें। कवरेज चुने गए आयु वर्गों की लक्षित आबादी पर है "
        "(अनुमान, आधिकारिक लक्ष्य नहीं)। आवश्यक/दिन: {date} तक {dose} का {target} कवरेज पाने के लिए "
        "प्रतिदिन खुराकें। प्रतिदिन खुराकें, पात्र लोग और उपलब्ध स्टॉक डाउनलोड में हैं।",
    ),
    "as_stood": (
        "Districts as they stood on {date}, the first day of the two weeks compared: {districts}, formed later, "
        "are counted in the districts they were carved from (their doses, stock and eligible people).",
        "ज़िले {date} की स्थिति में, यानी तुलना किए गए दो सप्ताहों के पहले दिन: बाद में बने {districts} उन ज़िलों में "
        "गिने गए हैं जिनसे वे बने (उनकी खुराकें, स्टॉक और पात्र लोग)।",
    ),
    "col_rank": ("Rank", "क्रम"),
    "col_district": ("District", "ज़िला"),
    "col_population": ("Eligible people", "पात्र लोग"),
    "col_average_7d": ("Doses a day (7-day avg.)", "प्रतिदिन खुराकें (7-दिन औसत)"),
    "col_per_thousand": ("Per 1,000 eligible a day", "प्रति 1,000 पात्र प्रतिदिन"),
    "col_change_7d": ("Change on last week", "पिछले सप्ताह से बदलाव"),
    "col_last_28_days": ("Doses, last 28 days", "खुराकें, पिछले 28 दिन"),
    "col_coverage_1": ("Coverage, dose 1", "कवरेज, पहली खुराक"),
    "col_coverage_2": ("Coverage, dose 2", "कवरेज, दूसरी खुराक"),
    "col_coverage_3": ("Coverage, precaution", "कवरेज, एहतियाती"),
    "col_dropout": ("Dropout, dose 1 to 2", "ड्रॉपआउट, पहली से दूसरी"),
    "col_on_hand": ("Stock on hand", "उपलब्ध स्टॉक"),
    "col_days_of_cover": ("Days of cover", "स्टॉक कितने दिन चलेगा"),
    "col_required_daily_rate": ("Required a day", "प्रतिदिन आवश्यक"),
    "col_stockout_date": ("Stock lasts until", "स्टॉक कब तक चलेगा"),
    # Short headers of the league on screen (the full names above head the downloads and the help)
    "head_rank": ("#", "क्रम"),
    "head_per_thousand": ("Per 1,000", "प्रति 1,000"),
    "head_change_7d": ("Change", "बदलाव"),
    "head_last_28_days": ("28 days", "28 दिन"),
    "head_coverage_1": ("Dose 1", "खुराक 1"),
    "head_coverage_2": ("Dose 2", "खुराक 2"),
    "head_coverage_3": ("Precaution", "एहतियाती"),
    "head_dropout": ("Dropout", "ड्रॉपआउट"),
    "head_required_daily_rate": ("Needed a day", "आवश्यक/दिन"),
    "head_days_of_cover": ("Cover", "दिन"),
    "head_stockout_date": ("Lasts until", "कब तक"),
    "help_stockout_date": (
        "The last day the district store's stock lasts at its 7-day average pace (the day of the table plus the "
        "whole days of cover); — when stock is held but no dose was given.",
        "वह अंतिम दिन जब तक ज़िला भंडार का स्टॉक 7-दिवसीय औसत गति से चलेगा (तालिका का दिन + स्टॉक के पूरे दिन); "
        "— जब स्टॉक है पर कोई खुराक नहीं दी गई।",
    ),
    "help_rank": (
        "1 = the fastest pace per 1,000 eligible; districts with the same pace share a rank.",
        "1 = प्रति 1,000 पात्र पर सबसे तेज़ गति; समान गति वाले ज़िलों का क्रम एक ही है।",
    ),
    "help_per_thousand": (
        "7-day average of doses a day in the chosen bands ÷ their target population × 1,000.",
        "चुने गए आयु वर्गों में प्रतिदिन खुराकों का 7-दिवसीय औसत ÷ उनकी लक्षित आबादी × 1,000।",
    ),
    "help_change_7d": (
        "The 7-day average against the 7 days before; — when no dose was given in those days.",
        "7-दिवसीय औसत, उससे पहले के 7 दिनों की तुलना में; — जब उन दिनों कोई खुराक नहीं दी गई।",
    ),
    "help_coverage": (
        "Doses given so far in the chosen bands ÷ their target population (bar full at 100%). The public summary's "
        "coverage counts every age's doses against the population 12+, so the two differ.",
        "चुने गए आयु वर्गों में अब तक दी गई खुराकें ÷ उनकी लक्षित आबादी (100% पर पट्टी पूरी)। सार्वजनिक सारांश का कवरेज हर "
        "आयु की खुराकें 12+ की आबादी के मुकाबले गिनता है, इसलिए दोनों अलग होते हैं।",
    ),
    "help_dropout": (
        "(first doses − second doses) ÷ first doses, so far, in the chosen bands.",
        "(पहली खुराकें − दूसरी खुराकें) ÷ पहली खुराकें, अब तक, चुने गए आयु वर्गों में।",
    ),
    "help_days_of_cover": (
        "The district store's stock of every vaccine ÷ the 7-day average of all doses given there, to one "
        "decimal; ∞ when stock is held but no dose was given. Red: under 7 days; amber: under 14 days.",
        "ज़िला भंडार का सभी टीकों का स्टॉक ÷ वहाँ दी गई सभी खुराकों का 7-दिवसीय औसत, एक दशमलव तक; ∞ जब स्टॉक है पर कोई "
        "खुराक नहीं दी गई। लाल: 7 दिन से कम; नारंगी: 14 दिन से कम।",
    ),
    "help_required_daily_rate": (
        "Doses a day from tomorrow to the target date to reach the target; 0 when reached; — when no day is left.",
        "कल से लक्ष्य की तारीख़ तक लक्ष्य पाने के लिए प्रतिदिन खुराकें; पूरा होने पर 0; — जब कोई दिन शेष नहीं।",
    ),
    # Comparing districts
    "compare": ("Districts compared", "ज़िलों की तुलना"),
    "indicator": ("Indicator", "संकेतक"),
    "compare_title": ("{indicator} by district, {date}", "ज़िलेवार {indicator}, {date}"),
    # One district
    "district_heading": ("One district", "एक ज़िला"),
    "choose_district": ("District", "ज़िला"),
    "trend_title": (
        "{district}: doses a day per 1,000 eligible (7-day average) against the state",
        "{district}: प्रति 1,000 पात्र प्रतिदिन खुराकें (7-दिवसीय औसत), राज्य की तुलना में",
    ),
    "state_average": ("State average", "राज्य औसत"),
    "col_area": ("Area", "क्षेत्र"),
    "no_doses_district": (
        "{district} has no doses in the chosen bands in the last {days} days.",
        "{district} में पिछले {days} दिनों में चुने गए आयु वर्गों की कोई खुराक नहीं है।",
    ),
    "centres_heading": ("Centres, {first} to {last}", "केंद्र, {first} से {last}"),
    "top": ("Most doses a day", "प्रतिदिन सबसे अधिक खुराकें"),
    "bottom": ("Fewest doses a day", "प्रतिदिन सबसे कम खुराकें"),
    "all_in_top": (
        "{count} centres reported: all are listed on the left.",
        "{count} केंद्रों ने रिपोर्ट किया: सभी बाईं ओर हैं।",
    ),
    "missing": ("Reported before but not on {date}", "पहले रिपोर्ट किया, पर {date} को नहीं"),
    "none_missing": (
        "Every centre that reported in these days also reported on {date}.",
        "इन दिनों रिपोर्ट करने वाले हर केंद्र ने {date} को भी रिपोर्ट किया।",
    ),
    "no_centres": (
        "No centre in {district} reported doses from {first} to {last}.",
        "{district} में {first} से {last} तक किसी केंद्र ने खुराकें दर्ज नहीं कीं।",
    ),
    "centre_centre_code": ("Code", "कोड"),
    "centre_centre_name": ("Centre", "केंद्र"),
    "centre_doses": ("Doses", "खुराकें"),
    "centre_per_day": ("Doses a day", "प्रतिदिन खुराकें"),
    "centre_days_reported": ("Days reported", "रिपोर्ट के दिन"),
    "centre_last_reported": ("Last reported", "अंतिम रिपोर्ट"),
    "due_heading": ("Second doses due and overdue", "बकाया और विलंबित दूसरी खुराकें"),
    "due_caption": (
        "Chosen bands, by the cohort method: first doses given at least the vaccine's minimum interval ago "
        "(overdue: its maximum) less the second doses given so far.",
        "चुने गए आयु वर्ग, समूह (कोहोर्ट) विधि से: टीके के न्यूनतम अंतराल (विलंबित: अधिकतम अंतराल) से पहले "
        "दी गई पहली खुराकें, घटा अब तक दी गई दूसरी खुराकें।",
    ),
    "due_total": ("Due (incl. overdue)", "बकाया (विलंबित सहित)"),
    "overdue_total": ("Overdue", "विलंबित"),
    "due_dose1": ("First doses", "पहली खुराकें"),
    "due_dose2": ("Second doses", "दूसरी खुराकें"),
    "no_due": (
        "{district} has given no first dose in the chosen bands.",
        "{district} में चुने गए आयु वर्गों में कोई पहली खुराक नहीं दी गई।",
    ),
}
