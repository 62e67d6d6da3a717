"""The demo loader's progress (data.demo), shown in both languages before a language is chosen."""

LABELS: dict[str, tuple[str, str]] = {
    "generating": ("Generating demo data", "डेमो डेटा बनाया जा रहा है"),
    "centres": ("Centres", "केंद्र"),
    "doses": ("Daily doses", "दैनिक खुराकें"),
    "totals": ("Totals by district and day", "ज़िलेवार दैनिक योग"),
    "stock": ("Stock movements", "स्टॉक प्रविष्टियाँ"),
    "beneficiaries": ("Beneficiaries", "लाभार्थी"),
    "published": ("Published series: CoWIN, MoHFW 2021", "प्रकाशित आँकड़े: CoWIN, MoHFW 2021"),
    "ready": ("Demo data ready", "डेमो डेटा तैयार"),
}
