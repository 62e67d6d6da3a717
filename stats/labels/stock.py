"""Labels of the stock entry page (pages/stock.py), its tables and the form's own refusals (data/stock_entry.py)."""

LABELS: dict[str, tuple[str, str]] = {
    "title": ("Stock entry", "स्टॉक प्रविष्टि"),
    "intro": (
        "Record a vaccine movement. It goes through the same checks as an uploaded stock file: a movement that "
        "would take a store below zero is refused, and nothing is written.",
        "टीके की आवाजाही दर्ज करें। यह अपलोड की गई स्टॉक फ़ाइल जैसी ही जाँच से गुज़रती है: जो प्रविष्टि किसी भंडार को "
        "शून्य से नीचे ले जाए, वह अस्वीकार होती है और कुछ दर्ज नहीं होता।",
    ),
    # Kinds of movement
    "kind": ("Movement", "प्रविष्टि का प्रकार"),
    "kind_receipt": ("Receipt from supplier", "आपूर्तिकर्ता से प्राप्ति"),
    "kind_issue": ("Issue to a district", "ज़िले को जारी"),
    "kind_wastage": ("Wastage", "बर्बादी"),
    "kind_adjustment": ("Physical count", "भौतिक गिनती"),
    "kind_receipt_help": (
        "Doses received from the supplier into the state store.",
        "आपूर्तिकर्ता से राज्य भंडार में आई खुराकें।",
    ),
    "kind_issue_help": (
        "Doses sent from the state store to a district store.",
        "राज्य भंडार से किसी ज़िले के भंडार को भेजी गई खुराकें।",
    ),
    "kind_wastage_help": (
        "Doses spoiled or discarded at a store (opened vials, expiry, breakage, cold-chain failure).",
        "किसी भंडार में ख़राब या नष्ट हुई खुराकें (खुली शीशियाँ, समाप्ति, टूट-फूट, कोल्ड-चेन की ख़राबी)।",
    ),
    "kind_adjustment_help": (
        "Enter what a physical count found at the end of the day: the adjustment against the stock on hand is "
        "worked out and recorded (nothing when they agree).",
        "दिन के अंत में भौतिक गिनती में जितनी खुराकें मिलीं, वह लिखें: दर्ज स्टॉक से अंतर का समायोजन अपने-आप निकालकर "
        "दर्ज होता है (बराबर होने पर कुछ नहीं)।",
    ),
    # Form fields
    "field_date": ("Date", "तारीख़"),
    "field_date_help": (
        "The day of the movement (or of the count); it starts at the latest day with data. Future dates are refused.",
        "प्रविष्टि (या गिनती) का दिन; पहले से नवीनतम आँकड़ों वाला दिन चुना रहता है। भविष्य की तारीख़ अस्वीकार होती है।",
    ),
    "field_vaccine": ("Vaccine", "टीका"),
    "field_store": ("Store", "भंडार"),
    "field_district": ("District", "ज़िला"),
    "field_quantity": ("Doses", "खुराकें"),
    "field_counted": ("Doses counted", "गिनी गई खुराकें"),
    "field_counted_help": (
        "Doses physically in the store at the end of the day.",
        "दिन के अंत में भंडार में वास्तव में मौजूद खुराकें।",
    ),
    "field_reference": ("Reference (document number)", "संदर्भ (दस्तावेज़ क्रमांक)"),
    "field_reference_help": (
        "The number of the goods receipt note, issue voucher, wastage report or count sheet; required.",
        "माल प्राप्ति नोट, निर्गम वाउचर, बर्बादी रिपोर्ट या गिनती पत्रक का क्रमांक; ज़रूरी है।",
    ),
    "submit": ("Record", "दर्ज करें"),
    # Stores
    "store_STATE": ("State store", "राज्य भंडार"),
    "store_SUPPLIER": ("Supplier", "आपूर्तिकर्ता"),
    "store_WASTAGE": ("Wastage", "बर्बादी"),
    "store_ADJUSTMENT": ("Adjustment (count)", "समायोजन (गिनती)"),
    # Outcomes
    "movement_text": (
        "{quantity} doses of {vaccine} from {source} to {target} on {date}",
        "{date} को {vaccine} की {quantity} खुराकें {source} से {target} को",
    ),
    "recorded": ("Recorded: {movement}.", "दर्ज हुआ: {movement}।"),
    "adjusted": (
        "Counted {counted} against {on_hand} on hand; recorded: {movement}.",
        "दर्ज स्टॉक {on_hand}, गिनती {counted}; दर्ज हुआ: {movement}।",
    ),
    "count_agrees": (
        "The count ({counted}) agrees with the stock on hand; nothing was recorded.",
        "गिनती ({counted}) दर्ज स्टॉक के बराबर है; कुछ दर्ज नहीं हुआ।",
    ),
    "refused": (
        "Not recorded: the entry was refused for the reasons below. Nothing was written.",
        "दर्ज नहीं हुआ: प्रविष्टि नीचे दिए कारणों से अस्वीकार हुई। कुछ भी नहीं लिखा गया।",
    ),
    "failed": (
        "Not recorded: the database refused the write. Nothing was written; try again.",
        "दर्ज नहीं हुआ: डेटाबेस ने लिखने से मना किया। कुछ भी नहीं लिखा गया; फिर कोशिश करें।",
    ),
    # The form's own refusals (data.imports.stock_entry.EntryProblem)
    "problem_required_reference": (
        "Enter the reference: the document number of this movement.",
        "संदर्भ लिखें: इस प्रविष्टि का दस्तावेज़ क्रमांक।",
    ),
    "problem_required_quantity": ("Enter the number of doses.", "खुराकों की संख्या लिखें।"),
    "problem_already_recorded": (
        "A movement with this date, vaccine, stores and reference is already recorded. Give the document number "
        "of this movement; to change a recorded one, upload a corrected stock file.",
        "इसी तारीख़, टीके, भंडारों और संदर्भ की प्रविष्टि पहले से दर्ज है। इस प्रविष्टि का दस्तावेज़ क्रमांक दें; दर्ज "
        "प्रविष्टि बदलने के लिए सुधरी हुई स्टॉक फ़ाइल अपलोड करें।",
    ),
    "problem_on_hand_below_zero": (
        "{parts[0]} has {parts[7]} doses of {parts[2]} on hand on {parts[4]} (after the doses given there); this "
        "movement would leave {parts[6]}, below zero.",
        "{parts[5]} को {parts[1]} में {parts[3]} की {parts[7]} खुराकें हैं (वहाँ दी गई खुराकों के बाद); यह प्रविष्टि "
        "{parts[6]} छोड़ेगी, जो शून्य से कम है।",
    ),
    # Problems table
    "col_field": ("Field", "फ़ील्ड"),
    "col_value": ("Value", "मान"),
    "col_rule": ("Rule", "नियम"),
    "col_message": ("What is wrong", "क्या ग़लत है"),
    # Stock on hand
    "stock_header": ("Stock on hand and days of cover, {date}", "भंडार में स्टॉक और कितने दिन चलेगा, {date}"),
    "stock_caption": (
        "Stock on hand = received − sent − doses given there, at the end of the day. Days of cover = stock ÷ the "
        "7-day average of doses given; for the state store, every store in the state against the whole state's "
        "pace. — : no doses given in the last 7 days.",
        "भंडार में स्टॉक = प्राप्त − भेजा गया − वहाँ दी गई खुराकें, दिन के अंत में। कितने दिन चलेगा = स्टॉक ÷ दी गई "
        "खुराकों का 7 दिन का औसत; राज्य भंडार के लिए राज्य के सभी भंडार, पूरे राज्य की गति पर। — : पिछले 7 दिनों "
        "में कोई खुराक नहीं दी गई।",
    ),
    # A balance below zero: an alert, never a stock figure (the bulletin, the table below the form)
    "ledger_check": (
        "More issued than received: check the ledger of {stores}.",
        "प्राप्ति से अधिक खुराकें जारी: {stores} का स्टॉक रजिस्टर जाँचें।",
    ),
    "ledger_check_left_out": (
        "More issued than received: check the ledger of {stores}; it is not counted in the stock above.",
        "प्राप्ति से अधिक खुराकें जारी: {stores} का स्टॉक रजिस्टर जाँचें; इसे ऊपर के स्टॉक में नहीं गिना गया।",
    ),
    "ledger_store": (
        "{store} ({vaccine}, {excess} doses more issued than received)",
        "{store} ({vaccine}, प्राप्ति से {excess} खुराकें अधिक जारी)",
    ),
    "ledger_cell": ("More issued than received: check the ledger", "प्राप्ति से अधिक जारी: रजिस्टर जाँचें"),
    "no_stock": ("No stock movements are recorded yet.", "अभी तक स्टॉक की कोई प्रविष्टि दर्ज नहीं है।"),
    "col_store": ("Store", "भंडार"),
    "col_vaccine": ("Vaccine", "टीका"),
    "col_on_hand": ("On hand", "भंडार में"),
    "col_average_7d": ("Doses a day (7-day average)", "प्रतिदिन खुराकें (7 दिन का औसत)"),
    "col_days_of_cover": ("Days of cover", "कितने दिन चलेगा"),
    "col_lasts_until": ("Lasts until", "कब तक चलेगा"),
    # Cover warnings and projected stock-outs (the overview, district pace and this page)
    "cover_colours": (
        "Days of cover in red: under {red} days (less than the weekly issue cycle: act today); amber: under {amber} "
        "days (the next issue must arrive on time); green or plain: {amber} days or more.",
        "स्टॉक के दिन लाल: {red} दिन से कम (साप्ताहिक आपूर्ति चक्र से कम: आज ही कदम उठाएँ); नारंगी: {amber} दिन से कम "
        "(अगली आपूर्ति समय पर पहुँचनी चाहिए); हरा या सादा: {amber} दिन या अधिक।",
    ),
    "stockout_heading": ("Projected stock-outs, {date}", "अनुमानित स्टॉक समाप्ति, {date}"),
    "stockout_caption": (
        "Each store's stock of each vaccine at the end of {date} ÷ the doses of that vaccine given there a day "
        "(7-day average, {start} to {date}); the state is every store against the whole state's pace. \"Lasts "
        'until" is the last day the stock covers at that pace. Most urgent first.',
        "{date} के अंत में हर भंडार का हर टीके का स्टॉक ÷ वहाँ उस टीके की प्रतिदिन दी गई खुराकें ({start} से {date} "
        'तक का 7 दिन का औसत); राज्य का अर्थ है सभी भंडार, पूरे राज्य की गति से। "कब तक चलेगा" वह अंतिम दिन है '
        "जब तक उस गति पर स्टॉक चलेगा। सबसे ज़रूरी पहले।",
    ),
    "stockout_district_heading": ("Stock of {district}, {date}", "{district} का स्टॉक, {date}"),
    "stockout_none": ("No stock is recorded for {area}.", "{area} के लिए कोई स्टॉक दर्ज नहीं है।"),
    "level_red": ("Under {days} days: act today", "{days} दिन से कम: आज ही कदम उठाएँ"),
    "level_amber": ("Under {days} days", "{days} दिन से कम"),
    "stockout_no_use": ("No recent use", "हाल में उपयोग नहीं"),
    "stockout_out": ("Out of stock", "स्टॉक समाप्त"),
    "stockout_urgent": (
        "Vaccine stocks with under {red} days of cover: {count} (in red below).",
        "{red} दिन से कम चलने वाले टीका-स्टॉक: {count} (नीचे लाल में)।",
    ),
    "store_phrase_STATE": ("the state store", "राज्य भंडार"),
    "store_phrase": ("the {store} store", "{store} भंडार"),
    "store_STATE_all": ("State (every store)", "राज्य (सभी भंडार)"),
    # Latest movements
    "movements_header": ("Latest movements", "हाल की प्रविष्टियाँ"),
    "movements_caption": (
        "The last {count} movements entered, through this form or a stock file.",
        "इस फ़ॉर्म या स्टॉक फ़ाइल से दर्ज अंतिम {count} प्रविष्टियाँ।",
    ),
    "no_movements": ("No movements yet.", "अभी कोई प्रविष्टि नहीं।"),
    "col_date": ("Date", "तारीख़"),
    "col_from": ("From", "से"),
    "col_to": ("To", "को"),
    "col_quantity": ("Doses", "खुराकें"),
    "col_reference": ("Reference", "संदर्भ"),
    "col_entered_by": ("Entered by", "दर्ज करने वाले"),
    "col_entered_at": ("Entered at", "दर्ज करने का समय"),
}
