"""Labels of what a published source gives beyond its dose totals (by vaccine, CoWIN's age bands, gender,
people vaccinated, AEFI, registrations, sessions and sites) and of what it does not publish."""

LABELS: dict[str, tuple[str, str]] = {
    "title": ("What {source} published for these dates", "इन तारीख़ों के लिए {source} ने क्या प्रकाशित किया"),
    "intro": (
        "Figures as {source} published them, {start} to {end}. A day's figure is the cumulative figure minus the "
        "day before's; a fall is a correction, never negative doses.",
        "{source} के प्रकाशित आँकड़े, {start} से {end} तक। किसी दिन का आँकड़ा उस दिन के संचयी आँकड़े में से "
        "पिछले दिन का घटाकर है; गिरावट सुधार है, ऋणात्मक खुराकें कभी नहीं।",
    ),
    "none": (
        "{source} published nothing for {area} between {start} and {end}.",
        "{source} ने {start} से {end} के बीच {area} के लिए कुछ प्रकाशित नहीं किया।",
    ),
    "state": ("the state", "राज्य"),
    # Groups of metrics.
    "group_vaccine": ("Doses by vaccine", "टीके के अनुसार खुराकें"),
    "group_band": ("Doses by age band (CoWIN's bands)", "आयु वर्ग के अनुसार खुराकें (कोविन के वर्ग)"),
    "group_gender": ("Doses by gender", "लिंग के अनुसार खुराकें"),
    "group_band_people": (
        "People vaccinated by age band (CoWIN's bands)",
        "आयु वर्ग के अनुसार टीका लगवाने वाले लोग (कोविन के वर्ग)",
    ),
    "group_gender_people": ("People vaccinated by gender", "लिंग के अनुसार टीका लगवाने वाले लोग"),
    "group_aefi": ("Adverse events following immunisation (AEFI)", "टीकाकरण के बाद प्रतिकूल घटनाएँ (AEFI)"),
    "group_registrations": ("Registrations", "पंजीकरण"),
    "group_counts": ("Sessions and sites, as published", "सत्र और स्थल, जैसे प्रकाशित हुए"),
    "show": ("Show", "दिखाएँ"),
    # Categories as the source names them.
    "band_18_44": ("18–44 (CoWIN's band)", "18–44 (कोविन का वर्ग)"),
    "band_45_60": ("45–60 (CoWIN's band)", "45–60 (कोविन का वर्ग)"),
    "band_60": ("60+ (CoWIN's band)", "60+ (कोविन का वर्ग)"),
    "bands_note": (
        "CoWIN's age bands are its own: 18–44, 45–60 and 60+. Its 45–60 is not the 45–59 band of the state's "
        "reports, so the two are never added together or compared.",
        "कोविन के आयु वर्ग उसके अपने हैं: 18–44, 45–60 और 60+। उसका 45–60 राज्य की रिपोर्ट का 45–59 वर्ग नहीं है, "
        "इसलिए दोनों को कभी जोड़ा या मिलाया नहीं जाता।",
    ),
    "gender_male": ("Male", "पुरुष"),
    "gender_female": ("Female", "महिला"),
    "gender_transgender": ("Transgender", "ट्रांसजेंडर"),
    "aefi": ("AEFI reported", "दर्ज AEFI"),
    "registrations": ("People registered", "पंजीकृत लोग"),
    "sessions": ("Sessions", "सत्र"),
    "sites": ("Sites", "स्थल"),
    # Charts and tables.
    "split_title": ("{group}, {start} to {end}", "{group}, {start} से {end} तक"),
    "daily_title": ("{group} per day", "{group} प्रति दिन"),
    "counts_title": ("Sessions and sites as {source} published them", "सत्र और स्थल, जैसे {source} ने प्रकाशित किए"),
    "per_day": ("Per day", "प्रति दिन"),
    "col_what": ("What", "क्या"),
    "col_count": ("Count in the range", "अवधि में संख्या"),
    "col_share": ("Share", "हिस्सा"),
    "col_covers": ("Days covered", "शामिल दिन"),
    "col_from": ("First day covered", "पहला शामिल दिन"),
    "col_to": ("Last day covered", "अंतिम शामिल दिन"),
    "col_day": ("On the day", "उस दिन"),
    "col_cumulative": ("Cumulative as published", "प्रकाशित संचयी आँकड़ा"),
    "col_published": ("As published", "जैसे प्रकाशित"),
    "range_count": ("{what}, {start} to {end}: {count} ({source}).", "{what}, {start} से {end} तक: {count} ({source})।"),
    "covers": ("{start} to {end}", "{start} से {end} तक"),
    "hover_source": ("{what} ({source})", "{what} ({source})"),
    # Notes on a row.
    "note_start": (
        "first published figure: everything up to this day, not one day's",
        "पहला प्रकाशित आँकड़ा: इस दिन तक का सब कुछ, एक दिन का नहीं",
    ),
    "note_span": (
        "covers {days} days (the days before have no usable figure)",
        "{days} दिनों का आँकड़ा (पिछले दिनों का उपयोगी आँकड़ा नहीं)",
    ),
    "note_correction": (
        "correction: the cumulative fell by {fall} (a recount, not a negative figure)",
        "सुधार: संचयी आँकड़ा {fall} घटा (पुनर्गणना, ऋणात्मक आँकड़ा नहीं)",
    ),
    "note_jump": (
        "the day of a known jump in CoWIN's totals ({why}): not one day's figure",
        "कोविन के कुल आँकड़ों में ज्ञात उछाल का दिन ({why}): एक दिन का आँकड़ा नहीं",
    ),
    "note_registrations": (
        "registrations redefined: from 4 April 2021 CoWIN's district registrations equal first doses (not one "
        "day's registrations)",
        "पंजीकरण की परिभाषा बदली: 4 अप्रैल 2021 से कोविन के ज़िला पंजीकरण पहली खुराकों के बराबर हैं (एक दिन के पंजीकरण नहीं)",
    ),
    "why_definition": ("CoWIN changed what it counts", "कोविन ने गिनती का तरीका बदला"),
    "why_catch_up": ("doses recorded late", "देर से दर्ज खुराकें"),
    "why_reconciliation": ("the count was reconciled", "गिनती का मिलान हुआ"),
    "note_missing": ("published as 0: most likely missing, not a real zero", "0 प्रकाशित: संभवतः आँकड़ा छूटा, असली शून्य नहीं"),
    "note_count_cumulative": (
        "a count so far, not the day's (per day only from {date})",
        "अब तक की गिनती, उस दिन की नहीं (प्रति दिन केवल {date} से)",
    ),
    "note_count_day": ("the day's count as published", "उस दिन की गिनती, जैसे प्रकाशित"),
    "note_partial": (
        "{source} publishes this from {first} to {last}: the figure covers {start} to {end} only",
        "{source} यह {first} से {last} तक प्रकाशित करता है: आँकड़ा केवल {start} से {end} तक का है",
    ),
    "note_corrections_in": (
        "includes corrections (falls of the cumulative) on {dates}",
        "इसमें {dates} के सुधार (संचयी आँकड़े की गिरावट) शामिल हैं",
    ),
    "note_jumps_in": (
        "includes the known jumps of {dates} (not one day's figures)",
        "इसमें {dates} के ज्ञात उछाल शामिल हैं (एक दिन के आँकड़े नहीं)",
    ),
    "note_first_only": (
        "Between 13 February and 15 March 2021 CoWIN's vaccine figures add up to first doses only.",
        "13 फ़रवरी से 15 मार्च 2021 के बीच कोविन के टीकों के आँकड़े केवल पहली खुराक का जोड़ हैं।",
    ),
    "note_recut": (
        "CoWIN re-cut its age bands on 27 April 2021 (45–60 fell while 18–44 rose): figures across that day do "
        "not compare.",
        "कोविन ने 27 अप्रैल 2021 को अपने आयु वर्ग फिर से बाँटे (45–60 घटा, 18–44 बढ़ा): उस दिन के आर-पार के आँकड़े तुलनीय नहीं।",
    ),
    "counts_implausible": (
        "Sessions and sites are shown as published, never as a typical or average value: the data notes call "
        'CoWIN\'s session counts implausible (11,49,374 "sessions" on 22 June 2021), and both read 0 on '
        "28 July 2021.",
        "सत्र और स्थल जैसे प्रकाशित हुए वैसे ही दिखाए गए हैं, कभी सामान्य या औसत मान के रूप में नहीं: डेटा टिप्पणियाँ "
        'कोविन की सत्र-गिनती को अविश्वसनीय बताती हैं (22 जून 2021 को 11,49,374 "सत्र"), और 28 जुलाई 2021 को '
        "दोनों 0 हैं।",
    ),
    # What the source does not publish.
    "lacks_title": ("What {source} does not publish for these dates", "{source} इन तारीख़ों के लिए क्या प्रकाशित नहीं करता"),
    "lack_group": (
        "{group}: {source} publishes these only from {first} to {last}, not for these dates.",
        "{group}: {source} इन्हें केवल {first} से {last} तक प्रकाशित करता है, इन तारीख़ों के लिए नहीं।",
    ),
    "lack_group_never": ("{group}: not published by {source}.", "{group}: {source} द्वारा प्रकाशित नहीं।"),
    "lack_after": (
        "The figures of {source} end on {last}: nothing from it after that day.",
        "{source} के आँकड़े {last} को समाप्त होते हैं: उसके बाद का कुछ नहीं।",
    ),
    "lack_dose_by_band": (
        "CoWIN's state series has no split by dose number per age band or per vaccine: only totals of first and "
        "second doses.",
        "कोविन की राज्य शृंखला में आयु वर्ग या टीके के अनुसार खुराक-क्रम (पहली/दूसरी) का विभाजन नहीं: केवल पहली और दूसरी खुराकों का कुल।",
    ),
    "lack_precaution": (
        "No precaution doses and no 12–14 or 15–17 bands: the published series end in 2021, before those began.",
        "कोई एहतियाती खुराक नहीं और 12–14 या 15–17 वर्ग नहीं: प्रकाशित शृंखलाएँ 2021 में समाप्त होती हैं, उनके शुरू होने से पहले।",
    ),
    "lack_centres": (
        "No centres: the published series give the state and the districts only.",
        "कोई केंद्र नहीं: प्रकाशित शृंखलाएँ केवल राज्य और ज़िलों के आँकड़े देती हैं।",
    ),
    "lack_districts_after": (
        "No district figures after {last}: CoWIN's district series ends on that day.",
        "{last} के बाद ज़िलों के आँकड़े नहीं: कोविन की ज़िला शृंखला उसी दिन समाप्त होती है।",
    ),
    "lack_district_splits": (
        "CoWIN's district series has no age bands, no AEFI and no doses by gender (only people vaccinated by gender).",
        "कोविन की ज़िला शृंखला में आयु वर्ग, AEFI और लिंग के अनुसार खुराकें नहीं (केवल लिंग के अनुसार टीका लगवाने वाले लोग)।",
    ),
    "lack_mohfw": (
        "The health ministry's series gives first, second and total doses only.",
        "स्वास्थ्य मंत्रालय की शृंखला केवल पहली, दूसरी और कुल खुराकें देती है।",
    ),
    # District pace: the CoWIN district series for a day.
    "district_title": ("What CoWIN's district series published for {date}", "{date} के लिए कोविन की ज़िला शृंखला"),
    "district_intro": (
        "Each district's figures for the day as CoWIN published them: the day's figure is the cumulative minus "
        "the day before's (a fall is a correction, shown in the note, never as a negative figure); sessions and "
        "sites as published.",
        "हर ज़िले के उस दिन के आँकड़े, जैसे कोविन ने प्रकाशित किए: दिन का आँकड़ा संचयी में से पिछले दिन का घटाकर "
        "(गिरावट सुधार है, टिप्पणी में, ऋणात्मक आँकड़े के रूप में कभी नहीं); सत्र और स्थल जैसे प्रकाशित।",
    ),
    "district_ends": (
        "No district figures for {date}: CoWIN's district series runs from {first} to {last}.",
        "{date} के लिए ज़िलों के आँकड़े नहीं: कोविन की ज़िला शृंखला {first} से {last} तक है।",
    ),
    "district_none": (
        "No district figures for {date}: CoWIN's district series is not in the database.",
        "{date} के लिए ज़िलों के आँकड़े नहीं: कोविन की ज़िला शृंखला डेटाबेस में नहीं है।",
    ),
    "on_day": ("{what} on the day", "उस दिन {what}"),
    "so_far": ("{what} so far", "अब तक {what}"),
    "first": ("First doses", "पहली खुराकें"),
    "second": ("Second doses", "दूसरी खुराकें"),
    "people": ("{gender}, vaccinated", "{gender}, टीका लगा"),
    "correction_of": ("{what}: correction, fell by {fall}", "{what}: सुधार, {fall} घटा"),
    "counts_so_far": (
        "Sessions and sites are counts so far on this day, not the day's (per day only from {date}).",
        "इस दिन सत्र और स्थल अब तक की गिनती हैं, उस दिन की नहीं (प्रति दिन केवल {date} से)।",
    ),
    "districts_disagree": (
        "From 9 March to 3 April 2021 CoWIN's districts do not add up to its state figures (first doses on "
        "9 March: 5,81,574 in the districts against 4,56,120 for the state).",
        "9 मार्च से 3 अप्रैल 2021 तक कोविन के ज़िलों का जोड़ उसके राज्य के आँकड़ों के बराबर नहीं (9 मार्च को पहली "
        "खुराकें: ज़िलों में 5,81,574, राज्य में 4,56,120)।",
    ),
    "first_figure": (
        "first published day: figures up to this day, not the day's",
        "पहला प्रकाशित दिन: इस दिन तक के आँकड़े, उस दिन के नहीं",
    ),
}
