"""Labels of the public verification page (pages/verify.py)."""

LABELS: dict[str, tuple[str, str]] = {
    "title": ("Verify a certificate", "प्रमाणपत्र का सत्यापन"),
    "intro": (
        "Scan the QR code on a certificate with a phone camera, or paste its verification link or token here, "
        "or upload a photo of the QR code. The signature shows whether the state issued the certificate unchanged.",
        "प्रमाणपत्र के QR कोड को फ़ोन के कैमरे से स्कैन करें, या उसका सत्यापन लिंक या टोकन यहाँ चिपकाएँ, या QR "
        "कोड की फ़ोटो अपलोड करें। हस्ताक्षर बताता है कि प्रमाणपत्र राज्य ने जारी किया है और उसमें बदलाव नहीं हुआ।",
    ),
    "paste": ("Verification link or token", "सत्यापन लिंक या टोकन"),
    "paste_help": (
        "The link the QR code holds (…/verify?c=…) or the token alone.",
        "QR कोड में मौजूद लिंक (…/verify?c=…) या केवल टोकन।",
    ),
    "upload": ("Or a photo or scan of the QR code", "या QR कोड की फ़ोटो या स्कैन"),
    "upload_help": ("PNG, JPEG or WebP.", "PNG, JPEG या WebP।"),
    "check": ("Check", "जाँचें"),
    "headline_valid": ("VALID", "मान्य"),
    "headline_invalid": ("INVALID", "अमान्य"),
    "headline_demo": ("DEMO certificate — not valid", "डेमो प्रमाणपत्र — मान्य नहीं"),
    "valid": (
        "This certificate was issued by the state and is unchanged.",
        "यह प्रमाणपत्र राज्य द्वारा जारी है और अपरिवर्तित है।",
    ),
    "demo": (
        "It is signed with the demo key this copy of Teeka made for trying it out, not by the state: "
        "it is not a valid certificate anywhere.",
        "यह राज्य द्वारा नहीं, बल्कि Teeka की इस प्रति द्वारा आज़माने के लिए बनाई गई डेमो कुंजी से हस्ताक्षरित है: "
        "यह कहीं भी मान्य प्रमाणपत्र नहीं है।",
    ),
    "invalid": ("Why: {reason}", "कारण: {reason}"),
    "reason_unreadable": (
        "no certificate could be read from this (the link, token or picture is incomplete or unclear).",
        "इससे कोई प्रमाणपत्र पढ़ा नहीं जा सका (लिंक, टोकन या चित्र अधूरा या अस्पष्ट है)।",
    ),
    "reason_not-a-certificate": (
        "this is a signed token, but not a vaccination certificate.",
        "यह हस्ताक्षरित टोकन है, पर टीकाकरण प्रमाणपत्र नहीं।",
    ),
    "reason_bad-signature": (
        "the signature does not match: the certificate was altered or forged.",
        "हस्ताक्षर मेल नहीं खाता: प्रमाणपत्र बदला गया है या जाली है।",
    ),
    "reason_unknown-key": (
        "it is signed with a key this service does not know.",
        "यह ऐसी कुंजी से हस्ताक्षरित है जिसे यह सेवा नहीं जानती।",
    ),
    "reason_revoked": (
        "the certificate was revoked after the record was corrected; ask the holder for a new one.",
        "रिकॉर्ड में सुधार के बाद यह प्रमाणपत्र रद्द कर दिया गया; धारक से नया प्रमाणपत्र माँगें।",
    ),
    "nothing": (
        "Paste a link or token, or upload a picture of the QR code.",
        "लिंक या टोकन चिपकाएँ, या QR कोड का चित्र अपलोड करें।",
    ),
    "signed_details": ("Signed details", "हस्ताक्षरित विवरण"),
    "dose_line": ("{dose}: {date}, {vaccine}", "{dose}: {date}, {vaccine}"),
    "certificate_id": ("Certificate ID", "प्रमाणपत्र संख्या"),
    "issued": ("Issued", "जारी"),
    "key": ("Signing key", "हस्ताक्षर कुंजी"),
    "keys": ("Public keys (JWK set)", "सार्वजनिक कुंजियाँ (JWK सेट)"),
    "keys_help": (
        "Anyone can check certificates offline with these keys and any standard JOSE library (EdDSA, Ed25519).",
        "इन कुंजियों और किसी भी मानक JOSE लाइब्रेरी (EdDSA, Ed25519) से कोई भी प्रमाणपत्र ऑफ़लाइन जाँच सकता है।",
    ),
    "download_keys": ("Download the keys (jwks.json)", "कुंजियाँ डाउनलोड करें (jwks.json)"),
}
