"""data.certificates.qr: sizes and error correction by hand-worked capacities, round trips, and hostile images."""

from __future__ import annotations

import io
import string
import struct
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageOps

from data.certificates.qr import MAX_IMAGE_BYTES, decode_qr, qr_code, qr_png

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
URL = "https://teeka.cg.gov.in/verify?c=" + "eyJhbGciOiJFZERTQSJ9" * 20  # 434 characters, like a real token's URL

# Byte-mode capacities (ISO/IEC 18004 table 7): version 6 holds 106 bytes at M and 74 at Q; version 16 holds
# 450 at M, version 17 holds 504 at M and 364 at Q. Alphanumeric "HELLO" fits version 1 even at H (10 characters).
SIZES = [
    ("HELLO", 1, "H", "alphanumeric-boosted-to-H"),
    ("a" * 100, 6, "M", "100-bytes"),
    ("a" * 106, 6, "M", "106-bytes-fills-6-M"),
    ("a" * 107, 7, "M", "107-bytes-needs-7"),
    ("a" * 463, 17, "M", "463-bytes"),
]


@pytest.mark.parametrize(("text", "version", "error"), [c[:3] for c in SIZES], ids=[c[3] for c in SIZES])
def test_smallest_version_at_medium_error_correction_or_better(text, version, error):
    code = qr_code(text)
    assert (code.version, code.error, code.is_micro) == (version, error, False)


def test_png_is_scale_pixels_per_module_with_a_four_module_quiet_zone():
    image = Image.open(io.BytesIO(qr_png("HELLO", scale=8)))
    assert (image.format, image.size) == ("PNG", ((21 + 2 * 4) * 8,) * 2)  # version 1 is 21 modules wide


def _png(image: Image.Image, kind: str = "PNG", **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=kind, **options)
    return buffer.getvalue()


def _photo_like(data: bytes, transform: str) -> bytes:
    image = Image.open(io.BytesIO(data)).convert("L")
    if transform == "jpeg-smaller":
        return _png(image.resize((image.width // 3, image.height // 3)), "JPEG", quality=60)
    if transform == "rotated":
        return _png(image.rotate(90, expand=True))
    if transform == "inverted-on-canvas":
        canvas = Image.new("L", (image.width * 3, image.height * 2), 255)
        canvas.paste(image, (image.width, image.height // 2))
        return _png(ImageOps.invert(canvas), "WEBP", lossless=True)
    return data


@pytest.mark.parametrize("transform", ["as-made", "jpeg-smaller", "rotated", "inverted-on-canvas"])
@pytest.mark.parametrize("text", ["HELLO", URL, "नाम: सुनीता"], ids=["short", "verification-url", "devanagari"])
def test_round_trip(text, transform):
    assert decode_qr(_photo_like(qr_png(text), transform)) == text


@PROPERTY
@given(st.text(alphabet=string.ascii_letters + string.digits + "-_.:/?=&", min_size=1, max_size=300))
def test_any_url_text_round_trips(text):
    assert decode_qr(qr_png(text, scale=3)) == text


def _png_header(width: int, height: int) -> bytes:
    """A PNG that declares its size and holds no pixels: enough for a decoder that checks the size first."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def _gif_with_code() -> bytes:
    return _png(Image.open(io.BytesIO(qr_png("HELLO"))), "GIF")


UNUSABLE = [
    (b"", "empty"),
    (b"not an image at all", "text"),
    (qr_png("HELLO")[:200], "truncated-png"),
    (_png(Image.new("L", (300, 300), 255)), "blank"),
    (_png_header(8000, 8000), "64-megapixels-over-the-cap"),
    (_png_header(20000, 20000), "decompression-bomb"),
    (b"\x89PNG\r\n\x1a\n" + bytes(MAX_IMAGE_BYTES), "too-many-bytes"),
    ("HELLO", "not-bytes"),
]


@pytest.mark.parametrize("data", [case[0] for case in UNUSABLE], ids=[case[1] for case in UNUSABLE])
def test_unusable_input_gives_none(data):
    assert decode_qr(data) is None


def test_only_photo_formats_are_opened():
    assert decode_qr(_gif_with_code()) is None


@PROPERTY
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise(data):
    assert decode_qr(data) is None or isinstance(decode_qr(data), str)


@PROPERTY
@given(cut=st.integers(1, 400), flip=st.integers(0, 255))
def test_damaged_png_never_raises(cut, flip):
    data = bytearray(qr_png("HELLO"))
    data[cut % len(data)] ^= flip
    assert decode_qr(bytes(data)) in (None, "HELLO")
