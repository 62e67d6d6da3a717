"""The text message that carries a citizen's one-time code (data.certificates.sms)."""

LABELS: dict[str, tuple[str, str]] = {
    "code_message": (
        "Your Teeka certificate code is {code}. It is valid for {minutes} minutes. Do not share it.",
        "आपका टीका प्रमाणपत्र कोड {code} है। यह {minutes} मिनट तक मान्य है। इसे किसी के साथ साझा न करें।",
    ),
}
