"""The name of each kind of file the importer reads (data.imports.kinds), as its summary shows it."""

LABELS: dict[str, tuple[str, str]] = {
    "doses": ("daily doses", "दैनिक खुराक"),
    "stock": ("stock movements", "स्टॉक की आवाजाही"),
    "series": ("published series (long format)", "प्रकाशित शृंखला (लंबा प्रारूप)"),
    "cowin_state": ("published series: CoWIN, state, cumulative", "प्रकाशित शृंखला: CoWIN, राज्य, संचयी"),
    "cowin_district": ("published series: CoWIN, districts, cumulative", "प्रकाशित शृंखला: CoWIN, ज़िले, संचयी"),
    "mohfw_state": (
        "published series: health ministry, state, cumulative",
        "प्रकाशित शृंखला: स्वास्थ्य मंत्रालय, राज्य, संचयी",
    ),
    "beneficiaries": ("registry: beneficiaries", "रजिस्टर: लाभार्थी"),
    "vaccinations": ("registry: vaccinations", "रजिस्टर: टीकाकरण"),
    "unknown": ("unrecognised file", "अपरिचित फ़ाइल"),
}
