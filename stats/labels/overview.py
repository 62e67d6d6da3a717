"""Labels of the state overview (pages/overview.py, stats/overview_view.py, stats/figures_overview.py)."""

LABELS: dict[str, tuple[str, str]] = {
    "title": ("State overview", "राज्य अवलोकन"),
    "title_district": ("{district}: district overview", "{district}: ज़िला अवलोकन"),
    "intro_district": (
        "{district}'s vaccinations on {date}, with {state}'s figures beside them: the day's figures, the trend over "
        "the dates you pick, data checks of your centres and the district's bulletin.",
        "{date} को {district} में टीकाकरण, साथ में {state} के आँकड़े: दिन के आँकड़े, चुनी गई तारीख़ों का रुझान, "
        "आपके केंद्रों की आँकड़ा जाँच और ज़िले का बुलेटिन।",
    ),
    "state_context": ("{state}: {value}", "{state}: {value}"),
    "state_context_share": ("{state}: {value} · {share} of the state", "{state}: {value} · राज्य का {share}"),
    "intro": (
        "Chhattisgarh's vaccinations on {date}: the day's figures, the trend over the dates you pick, data "
        "checks and the day's bulletin.",
        "{date} को छत्तीसगढ़ में टीकाकरण: दिन के आँकड़े, चुनी गई तारीख़ों का रुझान, आँकड़ों की जाँच और दिन का बुलेटिन।",
    ),
    # --- Headline cards ---------------------------------------------------------------------------
    "headline": ("Figures for {date}", "{date} के आँकड़े"),
    "card_doses": ("Doses", "खुराकें"),
    "card_doses_help": (
        "Doses given at every centre in the state on {date}.",
        "{date} को राज्य के सभी केंद्रों पर दी गई खुराकें।",
    ),
    "compare_day": ("The change is against {date}: {value}.", "बदलाव {date} ({value}) की तुलना में है।"),
    "against_day": ("vs {date}", "बनाम {date}"),
    "card_average": ("7-day average", "7 दिन का औसत"),
    "card_average_help": (
        "Mean doses a day over {date} and the 6 days before (a day without reports counts as 0). The change "
        "is the day's doses against this average.",
        "{date} और उससे पहले के 6 दिनों में प्रतिदिन खुराकों का औसत (बिना रिपोर्ट वाला दिन 0 गिना जाता है)। "
        "बदलाव इस औसत की तुलना में दिन की खुराकें हैं।",
    ),
    "against_average": ("the day vs the average", "दिन बनाम औसत"),
    "card_cumulative": ("Total doses", "कुल खुराकें"),
    "card_cumulative_help": (
        "Every dose reported from the first day with data to {date}: {total}.",
        "आँकड़ों वाले पहले दिन से {date} तक दर्ज सभी खुराकें: {total}।",
    ),
    "card_dose_1": ("First doses", "पहली खुराकें"),
    "card_dose_2": ("Second doses", "दूसरी खुराकें"),
    "card_dose_3": ("Precaution doses", "एहतियाती खुराकें"),
    "card_dose_help": ("Given on {date}. To {date} in all: {total}.", "{date} को दी गईं। {date} तक कुल: {total}।"),
    "cumulative_caption": ("{total} to date", "अब तक {total}"),
    "card_first_to_date": ("First doses to date", "अब तक पहली खुराकें"),
    "card_second_to_date": ("Second doses to date", "अब तक दूसरी खुराकें"),
    "sourced_help": (
        "The day's doses according to {source}: today's published cumulative minus the previous published day's.",
        "{source} के अनुसार दिन की खुराकें: आज का प्रकाशित संचयी आँकड़ा घटा पिछले प्रकाशित दिन का।",
    ),
    "sourced_total_help": (
        "The cumulative figure exactly as {source} published it.",
        "संचयी आँकड़ा ठीक वैसा ही जैसा {source} ने प्रकाशित किया।",
    ),
    "no_breakdowns": (
        "Age bands and vaccines: the state's centre reports do not cover {start} to {end}, and the published "
        "series give no split by dose number and age band.",
        "आयु वर्ग और टीके: राज्य की केंद्र रिपोर्ट {start} से {end} तक की नहीं हैं, और प्रकाशित शृंखलाएँ खुराक क्रम "
        "और आयु वर्ग के अनुसार विभाजन नहीं देतीं।",
    ),
    "card_centres": ("Centres reporting", "रिपोर्ट करने वाले केंद्र"),
    "card_centres_help": (
        "Centres that reported at least one dose on {date}.",
        "{date} को कम से कम एक खुराक दर्ज करने वाले केंद्र।",
    ),
    "card_stock": ("Stock on hand", "भंडार में खुराकें"),
    "card_stock_help": (
        "Doses in the state store and every district store at the end of {date}: received − sent on − given.",
        "{date} के अंत में राज्य और सभी ज़िला भंडारों में खुराकें: प्राप्त − आगे भेजी गईं − लगाई गईं।",
    ),
    "card_stock_none": (
        "No stock movements have been imported, so the stock is not known.",
        "भंडार की कोई आवाजाही आयात नहीं हुई है, इसलिए भंडार ज्ञात नहीं है।",
    ),
    "card_cover": ("Days of cover", "भंडार कितने दिन चलेगा"),
    "cover_value": ("{days} days", "{days} दिन"),
    "card_cover_help": (
        "Stock on hand at the end of {date} ÷ the 7-day average of {pace} doses a day: how long the stock lasts "
        "at this pace.",
        "{date} के अंत में भंडार ÷ 7 दिन का औसत ({pace} खुराक प्रतिदिन): इस गति से भंडार कितने दिन चलेगा।",
    ),
    "card_cover_idle": (
        "No doses were given in the 7 days to {date}, so the stock is not being used up.",
        "{date} तक के 7 दिनों में कोई खुराक नहीं दी गई, इसलिए भंडार ख़र्च नहीं हो रहा है।",
    ),
    "when_on": ("On {date}", "{date} को"),
    "when_to": ("To {date}", "{date} तक"),
    "when_end": ("At the end of {date}", "{date} के अंत में"),
    "when_week": ("The 7 days to {date}", "{date} तक के 7 दिन"),
    "no_previous": ("no earlier day", "इससे पहले कोई दिन नहीं"),
    # --- Date range and charts ----------------------------------------------------------------------
    "trends": ("Trends", "रुझान"),
    "range": ("Dates shown in the charts", "चार्ट में दिखाई गई तारीख़ें"),
    "range_help": (
        "Pick the first and the last day. It starts as the 90 days up to the chosen date.",
        "पहला और अंतिम दिन चुनें। शुरू में चुनी गई तारीख़ तक के 90 दिन दिखते हैं।",
    ),
    "range_caption": ("Charts show {start} to {end}.", "चार्ट {start} से {end} तक के हैं।"),
    "daily_title": ("Doses per day", "प्रतिदिन खुराकें"),
    "average_7d": ("7-day average", "7 दिन का औसत"),
    "record": ("Record: {doses} on {date}", "रिकॉर्ड: {date} को {doses}"),
    "record_caption": (
        "The record day to {end} is {date}, with {doses} doses.",
        "{end} तक का रिकॉर्ड दिन {date} है, {doses} खुराकों के साथ।",
    ),
    "record_is_end": (
        "{date} is the record day so far, with {doses} doses.",
        "{date} अब तक का रिकॉर्ड दिन है, {doses} खुराकों के साथ।",
    ),
    "record_outside": (
        "The record day to {end} is {date}, with {doses} doses: outside the dates shown.",
        "{end} तक का रिकॉर्ड दिन {date} है, {doses} खुराकों के साथ: यह दिखाई गई तारीख़ों से बाहर है।",
    ),
    "cumulative_title": ("Cumulative doses by dose", "खुराक के अनुसार कुल (संचयी) खुराकें"),
    "cumulative": ("Cumulative doses", "संचयी खुराकें"),
    "bands_title": ("Doses per day by age band", "आयु वर्ग के अनुसार प्रतिदिन खुराकें"),
    "vaccines_title": ("Vaccine mix, {start} to {end}", "टीकों का हिस्सा, {start} से {end}"),
    "share": ("Share", "हिस्सा"),
    "no_doses_in_range": ("No doses are reported from {start} to {end}.", "{start} से {end} तक कोई खुराक दर्ज नहीं है।"),
    # --- Alerts -------------------------------------------------------------------------------------
    "alerts": ("Data checks for {date}", "{date} के आँकड़ों की जाँच"),
    "alerts_clear": (
        "All clear: no data check found anything to look at for {date}.",
        "सब ठीक: {date} के आँकड़ों में किसी जाँच में कुछ ग़लत नहीं मिला।",
    ),
    "alerts_one": ("1 figure for {date} needs a look:", "{date} के 1 आँकड़े पर ध्यान देना ज़रूरी है:"),
    "alerts_many": ("{count} figures for {date} need a look:", "{date} के {count} आँकड़ों पर ध्यान देना ज़रूरी है:"),
    # --- Bulletin -----------------------------------------------------------------------------------
    "bulletin": ("Bulletin for {date}", "{date} का बुलेटिन"),
    "bulletin_help": (
        "The press note in the chosen language: copy it with the button at the top right of the box, or download it.",
        "चुनी गई भाषा में प्रेस नोट: बॉक्स के ऊपर दाईं ओर के बटन से कॉपी करें, या डाउनलोड करें।",
    ),
    "bulletin_download": ("Download the bulletin (.txt)", "बुलेटिन डाउनलोड करें (.txt)"),
}
