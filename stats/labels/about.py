"""The About page (pages/about.py): the sources, the order a figure is taken in, how daily values are derived,
the known oddities, what is synthetic in the demo and when each source was last imported."""

LABELS: dict[str, tuple[str, str]] = {
    "nav": ("About the data", "आँकड़ों के बारे में"),
    "title": ("About the data", "आँकड़ों के बारे में"),
    "intro": (
        "Where every figure on this dashboard comes from, how daily figures are worked out from published "
        "totals, and what to know before quoting one.",
        "इस डैशबोर्ड का हर आँकड़ा कहाँ से आता है, प्रकाशित कुल योग से दैनिक आँकड़े कैसे निकाले जाते हैं, और किसी "
        "आँकड़े को उद्धृत करने से पहले क्या जानना ज़रूरी है।",
    ),
    # --- the sources
    "sources": ("The sources", "स्रोत"),
    "col_source": ("Source", "स्रोत"),
    "col_area": ("Area", "क्षेत्र"),
    "col_days": ("Days published", "प्रकाशित दिन"),
    "col_counts": ("What it counts", "यह क्या गिनता है"),
    "source_own": ("State's own centre reports", "राज्य की अपनी केंद्र रिपोर्टें"),
    "source_cowin_district": ("CoWIN, district series", "CoWIN, ज़िलेवार शृंखला"),
    "source_cowin": ("CoWIN, state series", "CoWIN, राज्य शृंखला"),
    "source_mohfw": ("Health ministry (MoHFW), state series", "स्वास्थ्य मंत्रालय (MoHFW), राज्य शृंखला"),
    "area_own": ("Each centre, district and the state", "हर केंद्र, ज़िला और राज्य"),
    "area_district": ("Each district (the 28 districts of 2021)", "हर ज़िला (2021 के 28 ज़िले)"),
    "area_state": ("The whole state", "पूरा राज्य"),
    "days_own": ("The days imported (see the last table)", "आयात किए गए दिन (अंतिम तालिका देखें)"),
    "days_range": ("{first} – {last}", "{first} – {last}"),
    "days_mohfw": (
        "{first} – {last} (no figures for 17 January and 28 August)",
        "{first} – {last} (17 जनवरी और 28 अगस्त के आँकड़े नहीं)",
    ),
    "counts_own": (
        "Doses given each day at each centre, uploaded by the districts as daily dose reports: by age band "
        "({bands}), dose ({doses}) and vaccine ({vaccines}).",
        "हर केंद्र पर हर दिन दी गई खुराकें, ज़िलों द्वारा दैनिक खुराक रिपोर्ट के रूप में अपलोड: आयु वर्ग ({bands}), "
        "खुराक ({doses}) और टीके ({vaccines}) के अनुसार।",
    ),
    "counts_cowin_district": (
        "Running totals per district: first and second doses, doses by vaccine (Covaxin, Covishield), people "
        "vaccinated by gender, sessions, sites and registrations.",
        "हर ज़िले के संचयी योग: पहली और दूसरी खुराक, टीके के अनुसार खुराकें (कोवैक्सिन, कोविशील्ड), लिंग के अनुसार "
        "टीका लगवाने वाले लोग, सत्र, स्थल और पंजीकरण।",
    ),
    "counts_cowin": (
        "Running totals for the state: all doses, first and second doses, by vaccine, by age band as CoWIN "
        "published them (18–44, 45–60, 60+: CoWIN's 45–60, not our 45–59), by gender, sessions, sites and adverse "
        "events following immunisation (AEFI).",
        "राज्य के संचयी योग: कुल खुराकें, पहली और दूसरी खुराक, टीके के अनुसार, CoWIN द्वारा प्रकाशित आयु वर्गों के "
        "अनुसार (18–44, 45–60, 60+: CoWIN का 45–60, हमारा 45–59 नहीं), लिंग के अनुसार, सत्र, स्थल और टीकाकरण के "
        "बाद की प्रतिकूल घटनाएँ (AEFI)।",
    ),
    "counts_mohfw": (
        "Running totals for the state from the ministry's morning bulletins: first, second and all doses. A count "
        "of its own, not a copy of CoWIN's.",
        "मंत्रालय के सुबह के बुलेटिन से राज्य के संचयी योग: पहली, दूसरी और कुल खुराकें। यह अपनी अलग गिनती है, CoWIN की नकल नहीं।",
    ),
    "credit": (
        "The published series are the work of the covid19india.org volunteers (https://www.covid19india.org), who "
        "compiled them from CoWIN and the health ministry's bulletins. Teeka keeps them exactly as published and "
        "credits them as the source; neither they nor the Government of India are connected with Teeka. Where the "
        "copies come from, and what was changed, is in data/published/README.md.",
        "प्रकाशित शृंखलाएँ covid19india.org के स्वयंसेवकों (https://www.covid19india.org) का काम हैं, जिन्होंने "
        "इन्हें CoWIN और स्वास्थ्य मंत्रालय के बुलेटिनों से संकलित किया। टीका इन्हें ठीक वैसे ही रखता है जैसे ये "
        "प्रकाशित हुईं और इनका श्रेय उन्हें देता है; न वे और न भारत सरकार टीका से जुड़े हैं। प्रतियाँ कहाँ से ली "
        "गईं और उनमें क्या बदला गया, यह data/published/README.md में लिखा है।",
    ),
    # --- the order
    "order": ("Which source a figure is taken from", "कोई आँकड़ा किस स्रोत से लिया जाता है"),
    "order_intro": (
        "For each day and area a figure is taken from the first of these sources that has it:",
        "हर दिन और क्षेत्र के लिए आँकड़ा इन स्रोतों में से पहले उस स्रोत से लिया जाता है जिसमें वह हो:",
    ),
    "order_own": (
        "the state's own centre reports, when any were imported for that day;",
        "राज्य की अपनी केंद्र रिपोर्टें, जब उस दिन की कोई रिपोर्ट आयात हुई हो;",
    ),
    "order_cowin_district": ("CoWIN's district series (for a district);", "CoWIN की ज़िलेवार शृंखला (किसी ज़िले के लिए);"),
    "order_cowin": ("CoWIN's state series;", "CoWIN की राज्य शृंखला;"),
    "order_mohfw": ("the health ministry's state series.", "स्वास्थ्य मंत्रालय की राज्य शृंखला।"),
    "order_pin": (
        "Every figure names its source. Signed-in staff can pin one source in the sidebar to see only its "
        "figures; the public vaccination summary always uses this order.",
        "हर आँकड़े के साथ उसका स्रोत लिखा होता है। साइन-इन किए कर्मचारी साइडबार में एक स्रोत चुनकर केवल उसी के "
        "आँकड़े देख सकते हैं; सार्वजनिक टीकाकरण सारांश हमेशा इसी क्रम का उपयोग करता है।",
    ),
    # --- derivation
    "derived": ("How daily figures are worked out", "दैनिक आँकड़े कैसे निकाले जाते हैं"),
    "rule_difference": (
        "CoWIN and the ministry publish running totals. A day's doses are that day's total minus the total of the "
        "previous published day.",
        "CoWIN और मंत्रालय संचयी योग प्रकाशित करते हैं। किसी दिन की खुराकें = उस दिन का योग − पिछले प्रकाशित दिन का योग।",
    ),
    "rule_correction": (
        "When the total falls, the difference is a correction: it is shown as a correction, never as negative "
        "doses, and never added into the doses given.",
        "जब योग घटता है, तो अंतर एक सुधार है: उसे सुधार के रूप में दिखाया जाता है, कभी ऋणात्मक खुराक के रूप में "
        "नहीं, और दी गई खुराकों में कभी नहीं जोड़ा जाता।",
    ),
    "rule_gap": (
        "After a date with no figure, the difference covers several days and is not read as one day's doses.",
        "जिस तारीख़ का आँकड़ा नहीं है, उसके बाद का अंतर कई दिनों का होता है और उसे एक दिन की खुराक नहीं माना जाता।",
    ),
    "rule_jump": (
        "A catch-up jump is marked: the known ones listed below, and any day more than {factor} times the median "
        "of the {days} regular days before it that no other source confirms within a factor of {agree}.",
        "अचानक उछाल (पिछली खुराकों की भरपाई) चिह्नित किया जाता है: नीचे दिए ज्ञात उछाल, और ऐसा कोई भी दिन जो अपने "
        "पहले के {days} सामान्य दिनों की माध्यिका के {factor} गुना से अधिक हो और जिसकी पुष्टि कोई दूसरा स्रोत "
        "{agree} गुना के भीतर न करे।",
    ),
    "rule_cumulative": (
        "Totals to date are shown as published, never re-added from the daily figures.",
        "अब तक के कुल योग वैसे ही दिखाए जाते हैं जैसे प्रकाशित हुए, दैनिक आँकड़ों को फिर से जोड़कर नहीं।",
    ),
    "rule_record": (
        "The record day is taken for each source separately, over regular days only (no corrections, no marked "
        "jumps, no several-day differences).",
        "रिकॉर्ड दिन हर स्रोत के लिए अलग से, केवल सामान्य दिनों में से चुना जाता है (सुधार, चिह्नित उछाल और कई दिनों के अंतर को छोड़कर)।",
    ),
    "rule_sessions": (
        "CoWIN's sessions and sites are counts for the day from 9 March 2021 (running totals before). They are "
        "shown as published and never quoted as a typical day.",
        "CoWIN के सत्र और स्थल 9 मार्च 2021 से उसी दिन की गिनती हैं (उससे पहले संचयी)। इन्हें प्रकाशित रूप में "
        "दिखाया जाता है और कभी सामान्य दिन के रूप में उद्धृत नहीं किया जाता।",
    ),
    "rule_own": (
        "The state's own reports are doses per day already: they are added up, never differenced.",
        "राज्य की अपनी रिपोर्टें पहले से दैनिक खुराकें हैं: इन्हें जोड़ा जाता है, घटाया नहीं जाता।",
    ),
    "known_jumps": ("Known jumps", "ज्ञात उछाल"),
    "col_date": ("Date", "तारीख़"),
    "col_reason": ("Why", "कारण"),
    "jump_definition": (
        "CoWIN changed what it counts: the total jumps by 2,02,576",
        "CoWIN ने गिनती के नियम बदले: योग 2,02,576 उछला",
    ),
    "jump_catch_up": (
        "Catch-up: doses recorded late, larger than any real day before",
        "भरपाई: देर से दर्ज खुराकें, पहले के किसी भी वास्तविक दिन से बड़ी",
    ),
    "jump_reconciliation": (
        "Reconciliation by the ministry: the total jumps by 7,32,212",
        "मंत्रालय द्वारा मिलान: योग 7,32,212 उछला",
    ),
    # --- oddities
    "oddities": ("Oddities in the published figures", "प्रकाशित आँकड़ों की विचित्रताएँ"),
    "oddities_intro": (
        "Daily figures are differences of published totals, so each of these shows up as a strange day. Teeka "
        "keeps them as published and flags them.",
        "दैनिक आँकड़े प्रकाशित योगों के अंतर हैं, इसलिए इनमें से हर एक किसी अजीब दिन के रूप में दिखता है। टीका "
        "इन्हें प्रकाशित रूप में रखता है और चिह्नित करता है।",
    ),
    "odd_recount": (
        "9 March 2021, CoWIN state: the total falls by 83,734 doses (94,889 first doses). A recount, not negative "
        "vaccinations.",
        "9 मार्च 2021, CoWIN राज्य: योग 83,734 खुराक (94,889 पहली खुराक) घटता है। यह पुनर्गणना है, ऋणात्मक टीकाकरण नहीं।",
    ),
    "odd_definition": (
        "16 March 2021, CoWIN state: the total jumps by 2,02,576 when the counting rules changed.",
        "16 मार्च 2021, CoWIN राज्य: गिनती के नियम बदलने पर योग 2,02,576 उछलता है।",
    ),
    "odd_flat": (
        "Flat days: CoWIN's state totals do not move on 17 January and from 27 February to 1 March 2021.",
        "स्थिर दिन: CoWIN के राज्य योग 17 जनवरी को और 27 फ़रवरी से 1 मार्च 2021 तक नहीं बदलते।",
    ),
    "odd_catch_up": (
        "25 and 26 June 2021, CoWIN state: catch-up jumps of 2.25 lakh and 3.56 lakh doses, most likely recorded "
        "late; in June CoWIN's count lagged the ministry's bulletins by more than ten lakh doses.",
        "25 और 26 जून 2021, CoWIN राज्य: 2.25 लाख और 3.56 लाख खुराक के भरपाई उछाल, संभवतः देर से दर्ज; जून में "
        "CoWIN की गिनती मंत्रालय के बुलेटिनों से दस लाख से अधिक खुराक पीछे थी।",
    ),
    "odd_sessions": (
        "Sessions and sites: running totals until 8 March, per day from 9 March; the session counts are not "
        "believable (11,49,374 \u201csessions\u201d on 22 June) and both read 0 on 28 July.",
        "सत्र और स्थल: 8 मार्च तक संचयी, 9 मार्च से प्रतिदिन; सत्रों की गिनती विश्वसनीय नहीं (22 जून को 11,49,374 "
        "\u201cसत्र\u201d) और 28 जुलाई को दोनों 0 हैं।",
    ),
    "odd_bands": (
        "Age bands and vaccines: from 13 February to 15 March, Covaxin and Covishield add up to first doses only; "
        "on 27 April the age bands were re-cut (45–60 falls by 71,773 while 18–44 rises by 85,407).",
        "आयु वर्ग और टीके: 13 फ़रवरी से 15 मार्च तक कोवैक्सिन और कोविशील्ड का योग केवल पहली खुराक के बराबर है; "
        "27 अप्रैल को आयु वर्ग फिर से बाँटे गए (45–60 में 71,773 की कमी, 18–44 में 85,407 की बढ़त)।",
    ),
    "odd_aefi": (
        "AEFI reads 0 on 15–18 and 20–21 August and 12 September 2021: most likely missing, not a real zero.",
        "AEFI 15–18 और 20–21 अगस्त तथा 12 सितंबर 2021 को 0 है: संभवतः आँकड़ा छूटा है, वास्तविक शून्य नहीं।",
    ),
    "odd_districts": (
        "Districts: on 4 April 2021 second doses fall in eight districts (by 1 to 1,159) and Covaxin in four; "
        "small falls of 1–35 first doses appear elsewhere; registrations fall in many districts on 18 February. "
        "From 9 March to 3 April the districts do not add up to the state (first doses on 9 March: 5,81,574 in the "
        "districts, 4,56,120 in the state series); on the other days they do.",
        "ज़िले: 4 अप्रैल 2021 को आठ ज़िलों में दूसरी खुराक (1 से 1,159 तक) और चार में कोवैक्सिन घटती है; कहीं-कहीं "
        "पहली खुराक 1–35 घटती है; 18 फ़रवरी को कई ज़िलों में पंजीकरण घटते हैं। 9 मार्च से 3 अप्रैल तक ज़िलों का "
        "योग राज्य के बराबर नहीं (9 मार्च को पहली खुराक: ज़िलों में 5,81,574, राज्य शृंखला में 4,56,120); बाक़ी दिनों "
        "में बराबर है।",
    ),
    "odd_mohfw": (
        "Ministry: on 20 May 2021 the total jumps by 7,32,212 (a reconciliation, not a day's work); after it the "
        "ministry's count runs 5.8 to 11.6 lakh doses above CoWIN's.",
        "मंत्रालय: 20 मई 2021 को योग 7,32,212 उछलता है (मिलान, एक दिन का काम नहीं); उसके बाद मंत्रालय की गिनती "
        "CoWIN से 5.8 से 11.6 लाख खुराक अधिक रहती है।",
    ),
    "odd_cut_off": (
        "22 June 2021: a Hindi news report gave 1,09,353 doses; CoWIN's difference is 1,25,214 and the ministry's "
        "1,10,143. The cut-off times of the reports are not known, so neither series is \u201cwrong\u201d.",
        "22 जून 2021: एक हिंदी समाचार में 1,09,353 खुराकें बताई गईं; CoWIN का अंतर 1,25,214 और मंत्रालय का "
        "1,10,143 है। रिपोर्टों का समय-सीमा बिंदु ज्ञात नहीं, इसलिए कोई भी शृंखला \u201cग़लत\u201d नहीं है।",
    ),
    # --- the demo
    "demo": ("What is synthetic in the demo", "डेमो में क्या कृत्रिम है"),
    "demo_running": (
        "You are looking at the demo database: the centre reports below the published figures are made up.",
        "आप डेमो डेटाबेस देख रहे हैं: प्रकाशित आँकड़ों के नीचे की केंद्र रिपोर्टें काल्पनिक हैं।",
    ),
    "demo_real": (
        "The demo's centre reports add up to the published figures: every day from 16 January to 29 September "
        "2021 the state's first and second doses are CoWIN's daily figures, and to 25 April 2021 each district's "
        "are CoWIN's district figures; from 30 September to 24 October 2021 the state's are the ministry's.",
        "डेमो की केंद्र रिपोर्टों का योग प्रकाशित आँकड़ों के बराबर है: 16 जनवरी से 29 सितंबर 2021 तक हर दिन राज्य की "
        "पहली और दूसरी खुराक CoWIN के दैनिक आँकड़े हैं, और 25 अप्रैल 2021 तक हर ज़िले की CoWIN के ज़िलेवार आँकड़े; "
        "30 सितंबर से 24 अक्टूबर 2021 तक राज्य के आँकड़े मंत्रालय के हैं।",
    ),
    "demo_synthetic": (
        "Everything those figures do not fix is made up: the split of a day's doses over age bands, vaccines, "
        "districts (after 25 April) and centres, which centres report, the stock ledger and the certificate "
        "registry. From 25 October 2021 to 31 March 2022 the doses are the model's alone, going on at the pace of "
        "the last four published weeks (15–17 year olds from 3 January 2022, precaution doses from 10 January, "
        "12–14 year olds from 16 March).",
        "जो कुछ इन आँकड़ों से तय नहीं होता वह काल्पनिक है: किसी दिन की खुराकों का आयु वर्गों, टीकों, ज़िलों "
        "(25 अप्रैल के बाद) और केंद्रों में बँटवारा, कौन-से केंद्र रिपोर्ट करते हैं, स्टॉक खाता और प्रमाणपत्र "
        "रजिस्टर। 25 अक्टूबर 2021 से 31 मार्च 2022 तक खुराकें केवल मॉडल की हैं, जो अंतिम चार प्रकाशित सप्ताहों की "
        "गति से चलती हैं (15–17 वर्ष 3 जनवरी 2022 से, एहतियाती खुराक 10 जनवरी से, 12–14 वर्ष 16 मार्च से)।",
    ),
    "demo_exceptions": (
        "Days whose published difference cannot be taken literally (a correction, the change of 16 March 2021, the "
        "catch-up jumps of 25 and 26 June 2021) take the ministry's figure for that day, or 0 where it has none; "
        "the demo's running total therefore differs from CoWIN's after them. Flat days stay days without doses.",
        "जिन दिनों का प्रकाशित अंतर शब्दशः नहीं लिया जा सकता (सुधार, 16 मार्च 2021 का बदलाव, 25 और 26 जून 2021 के "
        "भरपाई उछाल), उनमें उस दिन का मंत्रालय का आँकड़ा लिया जाता है, या जहाँ वह नहीं है वहाँ 0; इसलिए उसके बाद डेमो "
        "का संचयी योग CoWIN से अलग है। स्थिर दिन बिना खुराक के दिन ही रहते हैं।",
    ),
    # --- imports
    "imports": ("When each source was last imported", "हर स्रोत का पिछला आयात"),
    "imports_help": (
        "Values held: for the state's own reports one per centre and day that reported; for a published series "
        "every figure stored (each metric, each area, each day).",
        "रखे गए मान: राज्य की अपनी रिपोर्टों के लिए हर रिपोर्ट करने वाले केंद्र और दिन का एक; प्रकाशित शृंखला के "
        "लिए रखा गया हर आँकड़ा (हर मापदंड, हर क्षेत्र, हर दिन)।",
    ),
    "col_imported": ("Last imported", "पिछला आयात"),
    "col_first": ("First day", "पहला दिन"),
    "col_last": ("Last day", "अंतिम दिन"),
    "col_values": ("Values held", "रखे गए मान"),
    "never": ("never imported", "कभी आयात नहीं"),
    "none": ("–", "–"),
}
