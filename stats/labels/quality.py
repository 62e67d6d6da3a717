"""The data-quality flags' sentences (stats.quality): one per rule, with the words they are built from."""

LABELS: dict[str, tuple[str, str]] = {
    # What a series counts; the Hindi in the oblique plural (always followed by की संख्या or में)
    "metric_total": ("total doses", "कुल खुराकों"),
    "metric_first": ("first doses", "पहली खुराकों"),
    "metric_second": ("second doses", "दूसरी खुराकों"),
    "metric_sites": ("vaccination sites", "टीकाकरण केंद्रों"),
    "metric_sessions": ("sessions", "टीकाकरण सत्रों"),
    "metric_own": ("doses", "खुराकों"),
    "metric_people_18_44": ("people aged 18-44 vaccinated", "टीका लगवाए 18-44 आयु वर्ग के लोगों"),
    "metric_people_45_60": ("people aged 45-60 vaccinated", "टीका लगवाए 45-60 आयु वर्ग के लोगों"),
    "metric_people_60": ("people aged 60+ vaccinated", "टीका लगवाए 60+ आयु वर्ग के लोगों"),
    "metric_aefi": ("adverse events after immunisation (AEFI)", "टीकाकरण के बाद प्रतिकूल घटनाओं (AEFI)"),
    # Who published a series
    "source_cowin": ("CoWIN", "CoWIN"),
    "source_mohfw": ("the health ministry (MoHFW)", "स्वास्थ्य मंत्रालय (MoHFW)"),
    "source_own": ("the state's own reports", "राज्य की अपनी रिपोर्टों"),
    "source_cowin_district": ("CoWIN's district series", "CoWIN की ज़िलेवार श्रृंखला"),
    # A dose number before "coverage"
    "coverage_dose_1": ("first-dose", "पहली खुराक"),
    "coverage_dose_2": ("second-dose", "दूसरी खुराक"),
    "coverage_dose_3": ("precaution-dose", "एहतियाती खुराक"),
    "coverage_dose_other": ("dose-{n}", "खुराक {n}"),
    # A value that covers several days (after a missing published date)
    "span": (" over {days} days since {since}", " ({since} के बाद {days} दिनों में)"),
    "negative": (
        "On {date}, the cumulative count of {metric} for {area} fell by {amount} according to {source}{detail}. A "
        "published cumulative count should never fall: this is usually a recount or a correction of earlier days.",
        "{source} के अनुसार {date} को {area} में {metric} की संचयी संख्या {amount} घट गई{detail}। प्रकाशित संचयी संख्या "
        "कभी घटनी नहीं चाहिए; ऐसा आम तौर पर दोबारा गिनती या पिछले दिनों के आँकड़ों में सुधार से होता है।",
    ),
    "negative_to_zero": (
        "On {date}, the cumulative count of {metric} for {area} fell by {amount} according to {source}{detail}. A "
        "cumulative count that falls to 0 is probably missing on that day, not a real zero.",
        "{source} के अनुसार {date} को {area} में {metric} की संचयी संख्या {amount} घट गई{detail}। संचयी संख्या का "
        "अचानक 0 हो जाना आम तौर पर उस दिन आँकड़ा न होने का संकेत है, असली शून्य का नहीं।",
    ),
    "negative_detail": (" (from {previous} to {cumulative})", " ({previous} से {cumulative})"),
    "spike": (
        "According to {source}, {area} had {value} {metric} on {date}: {ratio} times a typical day (the median of "
        "the {window} regular days before, {typical}){others}. A jump this size usually means a change in how doses "
        "are counted or a backlog upload: check it before reporting it as one day's vaccinations.",
        "{source} के अनुसार {date} को {area} में {metric} की संख्या {value} रही, जो पिछले {window} सामान्य दिनों की "
        "माध्यिका ({typical}) का {ratio} गुना है{others}। इतनी बड़ी छलांग आम तौर पर गिनती के तरीक़े में बदलाव या "
        "पुराने आँकड़ों के एक साथ अपलोड होने का संकेत होती है; इसे एक दिन का टीकाकरण बताने से पहले जाँच लें।",
    ),
    "spike_others": (
        "; no other source's figure for the day is close to it ({others})",
        "; उस दिन किसी अन्य स्रोत का आँकड़ा इसके आस-पास नहीं है ({others})",
    ),
    "spike_other": ("{source}: {value}", "{source}: {value}"),
    "spike_alone": (
        "According to {source}, {area} had {value} {metric} on {date}: {ratio} times a typical day (the median of "
        "the {window} regular days before, {typical}), and no published source has a figure for that day to confirm "
        "it. A jump this size usually means a backlog upload: check it before reporting it as one day's "
        "vaccinations.",
        "{source} के अनुसार {date} को {area} में {metric} की संख्या {value} रही, जो पिछले {window} सामान्य दिनों की "
        "माध्यिका ({typical}) का {ratio} गुना है, और उस दिन का कोई प्रकाशित आँकड़ा नहीं है जो इसकी पुष्टि करे। इतनी "
        "बड़ी छलांग आम तौर पर पुराने आँकड़ों के एक साथ अपलोड होने का संकेत होती है; इसे एक दिन का टीकाकरण बताने से "
        "पहले जाँच लें।",
    ),
    "known_jump": (
        "According to {source}, {metric} for {area} rose by {value} on {date}: a known jump ({reason}), not one "
        "day's vaccinations, so it is left out of daily figures and record days.",
        "{source} के अनुसार {date} को {area} में {metric} की संख्या {value} बढ़ी: यह एक ज्ञात छलांग है ({reason}), एक "
        "दिन का टीकाकरण नहीं, इसलिए इसे दैनिक आँकड़ों और रिकॉर्ड दिन में नहीं गिना जाता।",
    ),
    # Why a known jump is one (stats.sources.KNOWN_JUMPS)
    "jump_reason_definition": (
        "definition change: CoWIN counted doses differently from this day",
        "परिभाषा में बदलाव: इस दिन से CoWIN ने खुराकें अलग तरीक़े से गिनीं",
    ),
    "jump_reason_catch_up": (
        "catch-up: doses recorded late were uploaded together",
        "बकाया आँकड़े: देर से दर्ज खुराकें एक साथ अपलोड हुईं",
    ),
    "jump_reason_reconciliation": (
        "reconciliation: the ministry brought its count in line with the states' records",
        "मिलान: मंत्रालय ने अपनी गिनती राज्यों के रिकॉर्ड से मिलाई",
    ),
    "zero": (
        "According to {source}, {area} had 0 {metric} on {date}{span}, although a typical day in the {window} days "
        "before had {typical}. A zero where there is normally activity usually means the figures were not "
        "uploaded, not that no one was vaccinated.",
        "{source} के अनुसार {date} को {area} में {metric} की संख्या 0 रही{span}, जबकि पिछले {window} दिनों में एक "
        "सामान्य दिन (माध्यिका) में यह {typical} थी। जहाँ रोज़ गतिविधि होती है, वहाँ शून्य का मतलब आम तौर पर यह होता "
        "है कि आँकड़े अपलोड नहीं हुए, यह नहीं कि किसी को टीका नहीं लगा।",
    ),
    "zero_implausible": (
        "According to {source}, {area} had 0 {metric} on {date}{span}. This field of {source} is known to be "
        "implausible, so it is not compared with a typical day; a 0 usually means the figures were not uploaded.",
        "{source} के अनुसार {date} को {area} में {metric} की संख्या 0 रही{span}। {source} का यह आँकड़ा भरोसेमंद नहीं "
        "माना जाता, इसलिए इसकी तुलना सामान्य दिन से नहीं की जाती; शून्य का मतलब आम तौर पर यह होता है कि आँकड़े अपलोड "
        "नहीं हुए।",
    ),
    "missing_centres": (
        "{subject} in {area} that reported on at least {least} of the last {weeks} {weekday}s sent no report on "
        "{date}: {listed}{rest}.",
        "{area} के {subject} पिछले {weeks} {weekday} में से कम से कम {least} को रिपोर्ट भेजी थी, पर {date} को कोई "
        "रिपोर्ट नहीं भेजी: {listed}{rest}।",
    ),
    "missing_centres_each": (
        "{subject} in {area} that reported on each of the last {weeks} {weekday}s sent no report on {date}: "
        "{listed}{rest}.",
        "{area} के {subject} पिछले {weeks} {weekday} में से हर एक को रिपोर्ट भेजी थी, पर {date} को कोई रिपोर्ट नहीं "
        "भेजी: {listed}{rest}।",
    ),
    "weekday_0": ("Monday", "सोमवार"),
    "weekday_1": ("Tuesday", "मंगलवार"),
    "weekday_2": ("Wednesday", "बुधवार"),
    "weekday_3": ("Thursday", "गुरुवार"),
    "weekday_4": ("Friday", "शुक्रवार"),
    "weekday_5": ("Saturday", "शनिवार"),
    "weekday_6": ("Sunday", "रविवार"),
    "missing_centres_one": ("{count} centre", "{count} केंद्र ने"),
    "missing_centres_many": ("{count} centres", "{count} केंद्रों ने"),
    "missing_centres_more": (" and {more} more", " और {more} अन्य"),
    "coverage_over_100": (
        "By {date}, {dose} coverage in {area} is {share} of the target population ({doses} doses for {people} "
        "people). Coverage above 100% usually means the target population is out of date or doses were recorded in "
        "the wrong district.",
        "{date} तक {area} में {dose} का कवरेज लक्षित आबादी का {share} है ({people} लोगों के लिए {doses} खुराकें)। "
        "100% से अधिक कवरेज का मतलब आम तौर पर यह होता है कि लक्षित आबादी का आँकड़ा पुराना है या खुराकें ग़लत ज़िले में "
        "दर्ज हुई हैं।",
    ),
    "beyond_stock": (
        "On {date}, the ledger of {store} shows more {vaccine} issued than received: {excess} doses more were sent "
        "out or given than came in. Check the ledger: a receipt is probably missing from the stock movements. This "
        "lasted {length} (at most {most} doses more).",
        "{date} को {store} के स्टॉक रजिस्टर में {vaccine} की प्राप्ति से अधिक खुराकें जारी दिखती हैं: जितनी आईं, उससे "
        "{excess} खुराकें अधिक भेजी या लगाई गईं। स्टॉक रजिस्टर जाँचें: शायद कोई आपूर्ति दर्ज नहीं हुई। ऐसा {length} "
        "रहा (सबसे अधिक {most} खुराकें)।",
    ),
    "beyond_stock_days_one": ("{days} day", "{days} दिन"),
    "beyond_stock_days_many": ("{days} days", "{days} दिन"),
    "source_gap": (
        "On {date}{span}, the state's own reports for {area} show {own} doses against {published} from {source} "
        "({difference}{share}). A gap above {limit} usually means reports are missing on one side or the two count "
        "up to different times of day.",
        "{date} को{span} {area} के लिए राज्य की अपनी रिपोर्टों में {own} खुराकें दर्ज हैं, जबकि {source} के अनुसार "
        "{published} खुराकें ({difference}{share})। {limit} से अधिक का अंतर आम तौर पर बताता है कि किसी एक ओर रिपोर्टें "
        "छूट गई हैं या दोनों अलग-अलग समय तक की गिनती हैं।",
    ),
}
