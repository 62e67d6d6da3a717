"""QR codes: make one as a PNG for the certificate, and read one from a photo or scan."""

from __future__ import annotations

import io

import segno
import zxingcpp
from PIL import Image

ERROR_CORRECTION = "m"
"""Medium (15 %): survives a fold or a smudge on paper; segno raises it further when that costs no size."""
MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_IMAGE_PIXELS = 50_000_000
"""A 48-megapixel phone photo passes; anything larger is refused before it is decoded."""
IMAGE_FORMATS = ("PNG", "JPEG", "WEBP")


def qr_code(text: str) -> segno.QRCode:
    """The smallest regular (not micro) QR code holding the text, at least at medium error correction."""
    return segno.make(text, error=ERROR_CORRECTION, micro=False, boost_error=True)


def qr_png(text: str, *, scale: int = 8, border: int = 4) -> bytes:
    """The QR code as a black-on-white PNG, scale pixels per module, with the standard quiet zone."""
    buffer = io.BytesIO()
    qr_code(text).save(buffer, kind="png", scale=scale, border=border)
    return buffer.getvalue()


def decode_qr(image_bytes: bytes) -> str | None:
    """The text of the first QR code in an image, or None when there is none or the image is unusable."""
    if not isinstance(image_bytes, bytes | bytearray) or not 0 < len(image_bytes) <= MAX_IMAGE_BYTES:
        return None
    try:
        # Image.open reads only the header; the size check below runs before any pixel is decoded.
        with Image.open(io.BytesIO(image_bytes), formats=IMAGE_FORMATS) as image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                return None
            grey = image.convert("L")
        barcodes = zxingcpp.read_barcodes(grey, formats=zxingcpp.BarcodeFormat.QRCode)
    except Exception:  # noqa: BLE001 - an image decoder may fail in many ways on hostile input; all mean "no code"
        return None
    return next((barcode.text for barcode in barcodes if barcode.valid and barcode.text), None)
