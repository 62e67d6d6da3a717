"""Labels of the data-quality page (pages/data_quality.py) and of its tables and charts."""

LABELS: dict[str, tuple[str, str]] = {
    "title": ("Data quality and reconciliation", "आँकड़ों की गुणवत्ता और मिलान"),
    "intro": (
        "Figures that look wrong, the state's own reports against the published series, and which centres reported.",
        "जो आँकड़े ग़लत लगते हैं, प्रकाशित आँकड़ों से राज्य की अपनी रिपोर्टों का मिलान, और किन केंद्रों ने रिपोर्ट भेजी।",
    ),
    "range": ("Dates", "तारीख़ें"),
    "range_help": (
        "The 28 days up to the sidebar's date unless you choose others.",
        "जब तक आप दूसरी तारीख़ें न चुनें, साइडबार की तारीख़ तक के 28 दिन।",
    ),
    "range_shown": ("{start} to {end}", "{start} से {end} तक"),
    "rules": ("Rules", "नियम"),
    "rule": ("Rule", "नियम"),
    "all_rules": ("All rules", "सभी नियम"),
    "rules_help": ("Leave empty to show every rule.", "सभी नियम दिखाने के लिए ख़ाली छोड़ें।"),
    "area": ("Area", "क्षेत्र"),
    "all_areas": ("All areas", "सभी क्षेत्र"),
    # Rules (stats.quality.RULES)
    "rule_negative_daily_value": ("Cumulative count fell", "संचयी संख्या घटी"),
    "rule_spike": ("Sudden jump", "अचानक उछाल"),
    "rule_known_jump": ("Known jump", "ज्ञात छलांग"),
    "rule_zero_activity": ("Zero activity", "शून्य गतिविधि"),
    "rule_missing_centres": ("Centres not reporting", "केंद्रों की रिपोर्ट नहीं"),
    "rule_coverage_over_100": ("Coverage above 100%", "कवरेज 100% से अधिक"),
    "rule_doses_beyond_stock": ("Doses beyond stock", "स्टॉक से अधिक खुराकें"),
    "rule_source_gap": ("Gap with a published source", "प्रकाशित स्रोत से अंतर"),
    # Flags
    "flags_header": ("Flags", "चेतावनियाँ"),
    "flags_count": ("Flags", "चेतावनियाँ"),
    "flags_note": (
        "Centres not reporting are checked on the last 7 days of the range; coverage on its last day.",
        "केंद्रों की रिपोर्ट अवधि के अंतिम 7 दिनों में जाँची जाती है; कवरेज उसके अंतिम दिन।",
    ),
    "no_flags": ("No flags for these dates and filters.", "इन तारीख़ों और फ़िल्टरों के लिए कोई चेतावनी नहीं।"),
    "message": ("What looks wrong", "क्या ग़लत लगता है"),
    "download_flags": ("Download flags (CSV)", "चेतावनियाँ डाउनलोड करें (CSV)"),
    "download_flags_xlsx": ("Download flags (Excel)", "चेतावनियाँ डाउनलोड करें (एक्सेल)"),
    # Own reports against the published series
    "sources_header": ("Own reports against the published series", "प्रकाशित आँकड़ों से अपनी रिपोर्टों का मिलान"),
    "sources_caption": (
        "Daily doses for the whole state; the shaded band is the gap between the state's own reports and "
        "each published series. A gap above 10% is flagged.",
        "पूरे राज्य की दैनिक खुराकें; छायांकित पट्टी राज्य की अपनी रिपोर्टों और हर प्रकाशित आँकड़ों के बीच का अंतर है। "
        "10% से अधिक का अंतर चेतावनी बनता है।",
    ),
    "sources_title": ("Daily doses: own reports and published figures", "दैनिक खुराकें: अपनी रिपोर्टें और प्रकाशित आँकड़े"),
    "own": ("State's own reports", "राज्य की अपनी रिपोर्टें"),
    "source_cowin": ("CoWIN", "CoWIN"),
    "source_mohfw": ("Health ministry (MoHFW)", "स्वास्थ्य मंत्रालय (MoHFW)"),
    "source": ("Source", "स्रोत"),
    "published": ("Published", "प्रकाशित"),
    "gap": ("Gap (own − published)", "अंतर (अपनी − प्रकाशित)"),
    "relative_gap": ("Gap (% of published)", "अंतर (प्रकाशित का %)"),
    "days": ("Days covered", "कवर किए गए दिन"),
    "hover_own": ("{name}: {doses}", "{name}: {doses}"),
    "hover_published": ("{name}: {doses} (gap {gap}, {share})", "{name}: {doses} (अंतर {gap}, {share})"),
    "no_own_to_compare": (
        "The state's centre reports do not cover these dates: there is nothing to set against the published "
        "series. The published figures themselves are on the overview and the summary.",
        "राज्य की केंद्र रिपोर्ट इन तारीख़ों को शामिल नहीं करतीं: प्रकाशित शृंखलाओं से मिलाने को कुछ नहीं है। प्रकाशित "
        "आँकड़े स्वयं अवलोकन और सारांश पर हैं।",
    ),
    "no_published": (
        "No published figures for these dates.",
        "इन तारीख़ों के लिए कोई प्रकाशित आँकड़े नहीं हैं।",
    ),
    "largest_gaps": ("Largest gaps", "सबसे बड़े अंतर"),
    "largest_gap_metric": ("Largest gap", "सबसे बड़ा अंतर"),
    # Reporting completeness
    "completeness_header": ("Reporting completeness", "रिपोर्टिंग की पूर्णता"),
    "completeness_caption": (
        "Share of each district's known centres that reported doses on each day.",
        "हर दिन ज़िले के ज्ञात केंद्रों में से कितनों ने खुराकों की रिपोर्ट भेजी।",
    ),
    "completeness_scale": ("Reported<br>{low}–{high}", "रिपोर्ट<br>{low}–{high}"),
    "completeness_title": ("Centres reporting, by district and day", "रिपोर्ट भेजने वाले केंद्र, ज़िला और दिन अनुसार"),
    "hover_completeness": (
        "{district}, {date}: {reported} of {known} centres ({share})",
        "{district}, {date}: {known} में से {reported} केंद्र ({share})",
    ),
    "reported": ("Centres reporting", "रिपोर्ट भेजने वाले केंद्र"),
    "known": ("Known centres", "ज्ञात केंद्र"),
    "share": ("Share reporting", "रिपोर्ट भेजने का हिस्सा"),
    "average_share": ("Average share over the dates", "तारीख़ों में औसत हिस्सा"),
    "last_share": ("Share on the last day", "अंतिम दिन का हिस्सा"),
    "reporting_metric": ("Centres reporting", "रिपोर्ट भेजने वाले केंद्र"),
    "reporting_value": ("{reported} of {known}", "{known} में से {reported}"),
    "no_centres": ("No centres are known yet.", "अभी कोई केंद्र ज्ञात नहीं है।"),
    "district_no_centres": ("{district} has no known centres.", "{district} में कोई ज्ञात केंद्र नहीं है।"),
}
