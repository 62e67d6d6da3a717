"""The vaccination certificate as a bilingual (Hindi and English) A4 PDF with its verification QR code."""

from __future__ import annotations

import io
from collections.abc import Mapping

import fontpkg
from fpdf import FPDF
from fpdf.fonts import FontFace

from data.certificates.qr import qr_png
from data.certificates.signing import verification_url
from data.models import CertificatePublic
from data.settings import public_base_url, uses_demo_keys
from stats.formatting import INDIA
from stats.labels.certificate import LABELS as PDF_LABELS

LATIN = "NotoSans"
DEVANAGARI = "NotoSansDevanagari"
FONT_FAMILIES = {LATIN: "Noto Sans", DEVANAGARI: "Noto Sans Devanagari"}
"""Fonts come from OFL font packages on PyPI (fontpkg-noto-sans, fontpkg-noto-sans-devanagari)."""
# Noto Sans has Devanagari too; it is loaded without it (and without ZWJ/ZWNJ and the Vedic blocks) so that every
# Devanagari run falls back to Noto Sans Devanagari as a fragment of its own. HarfBuzz guesses a fragment's script
# from its first letter: "Gender / लिंग" in one fragment would be shaped as Latin and its Hindi come out broken.
LATIN_RANGE = [(0x0000, 0x08FF), (0x0980, 0x1CCF), (0x1D00, 0x200B), (0x200E, 0xA8DF), (0xA900, 0x10FFFF)]
QR_SIZE_MM = 40
MARGIN_MM = 18
INK = (33, 37, 41)
MUTED = (96, 103, 110)
ACCENT = (0, 105, 92)
WARNING = (176, 0, 32)
TITLE = "Vaccination Certificate"
"""The PDF's metadata title: nothing about the person goes into metadata."""

DOSE_COLUMNS = ("dose", "date", "vaccine", "centre", "district")
GENDERS = {code: PDF_LABELS[f"gender_{code}"] for code in ("M", "F", "O")}
STATUSES = {code: PDF_LABELS[f"status_{code}"] for code in ("partial", "full", "precaution")}


def render_pdf(
    cert: CertificatePublic,
    token: str,
    *,
    vaccine_names: Mapping[str, str],
    dose_names: Mapping[int, str],
    demo: bool | None = None,
) -> bytes:
    """The certificate as PDF bytes; vaccine_names and dose_names map a vaccine code and a dose number to the name
    printed (Precaution dose / एहतियाती खुराक for 3), demo defaults to the keys'."""
    pdf = _document()
    try:
        pdf.set_creation_date(cert.issued_at)
        pdf.add_page()
        _heading(pdf, uses_demo_keys() if demo is None else demo)
        top = pdf.get_y()
        _qr_block(pdf, verification_url(token), top)
        _details(pdf, cert, width=pdf.epw - QR_SIZE_MM - 8)
        pdf.set_y(max(pdf.get_y(), top + QR_SIZE_MM + 16) + 4)
        _doses(pdf, cert, vaccine_names, dose_names)
        _footer(pdf, cert)
        return bytes(pdf.output())
    finally:
        # fpdf2 closes only the fonts a document used; close the rest so no file handle is left to the collector.
        for font in pdf.fonts.values():
            if hasattr(font, "close"):
                font.close()


def _document() -> FPDF:
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(True, margin=MARGIN_MM)
    # The packaged fonts are variable; their default instance is the regular weight, which is all we use
    # (instancing a bold one takes seconds).
    pdf.add_font(LATIN, "", fontpkg.path(FONT_FAMILIES[LATIN]), unicode_range=LATIN_RANGE)
    pdf.add_font(DEVANAGARI, "", fontpkg.path(FONT_FAMILIES[DEVANAGARI]))
    pdf.set_fallback_fonts([DEVANAGARI], exact_match=False)
    pdf.set_text_shaping(True)
    pdf.set_title(TITLE)
    pdf.set_creator("Teeka")
    pdf.set_font(LATIN, "", 10)
    pdf.set_text_color(*INK)
    return pdf


def _text(pdf: FPDF, text: str, size: float, *, width: float = 0, color=INK, bold=False, align="L") -> None:
    """One paragraph wrapped to the width; bold is drawn as a thin outline of the regular weight."""
    pdf.set_font(LATIN, "", size)
    pdf.set_text_color(*color)
    if bold:
        with pdf.local_context(text_mode="FILL_STROKE", line_width=size / 90, draw_color=color):
            pdf.multi_cell(width, size * 0.5, text, align=align, new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.multi_cell(width, size * 0.5, text, align=align, new_x="LMARGIN", new_y="NEXT")


def _both(key: str) -> str:
    english, hindi = PDF_LABELS[key]
    return f"{english} / {hindi}"


def _heading(pdf: FPDF, demo: bool) -> None:
    english, hindi = PDF_LABELS["title"]
    _text(pdf, hindi, 20, color=ACCENT, bold=True)
    _text(pdf, english, 17, color=ACCENT, bold=True)
    _text(pdf, _both("subtitle"), 10, color=MUTED)
    if demo:
        pdf.ln(2)
        for line in PDF_LABELS["demo"]:
            _text(pdf, line, 10, color=WARNING, bold=True)
    pdf.ln(2)
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.6)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(5)


def _details(pdf: FPDF, cert: CertificatePublic, *, width: float) -> None:
    rows = [
        ("name", cert.name),
        ("birth_year", str(cert.birth_year)),
        ("gender", _pair(GENDERS, cert.gender)),
        ("id", f"{cert.id_type} {cert.id_masked}"),
        ("status", _pair(STATUSES, cert.status)),
    ]
    label_width = 46
    for key, value in rows:
        y = pdf.get_y()
        _text(pdf, _both(key), 9, width=label_width, color=MUTED)
        label_bottom = pdf.get_y()
        pdf.set_xy(pdf.l_margin + label_width, y)
        _text(pdf, value, 13 if key == "name" else 11, width=width - label_width, bold=key == "name")
        pdf.set_y(max(pdf.get_y(), label_bottom) + 2.5)


def _pair(labels: Mapping[str, tuple[str, str]], code: str) -> str:
    english, hindi = labels.get(code, (code, code))
    return english if english == hindi else f"{english} / {hindi}"


def _qr_block(pdf: FPDF, url: str, top: float) -> None:
    x = pdf.w - pdf.r_margin - QR_SIZE_MM
    pdf.image(io.BytesIO(qr_png(url)), x=x, y=top, w=QR_SIZE_MM, h=QR_SIZE_MM)
    pdf.set_xy(x, top + QR_SIZE_MM + 1)
    english, hindi = PDF_LABELS["scan"]
    for line, size in ((english, 9), (hindi, 9), (f"{public_base_url()}/verify", 7)):
        pdf.set_x(x)
        pdf.set_font(LATIN, "", size)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(QR_SIZE_MM, size * 0.45, line, align="C", new_x="LEFT", new_y="NEXT")
    pdf.set_xy(pdf.l_margin, top)


def _doses(pdf: FPDF, cert: CertificatePublic, vaccine_names: Mapping[str, str], dose_names: Mapping[int, str]) -> None:
    _text(pdf, _both("doses"), 12, color=ACCENT, bold=True)
    pdf.ln(2)
    headings = [f"{english}\n{hindi}" for english, hindi in (PDF_LABELS[key] for key in DOSE_COLUMNS)]
    rows = [
        [
            dose_names.get(dose.number, str(dose.number)),
            dose.date.strftime("%d-%m-%Y"),
            vaccine_names.get(dose.vaccine, dose.vaccine),
            dose.centre,
            dose.district,
        ]
        for dose in sorted(cert.doses, key=lambda dose: dose.number)
    ]
    pdf.set_font(LATIN, "", 10)
    pdf.set_text_color(*INK)
    pdf.set_draw_color(*MUTED)
    pdf.set_line_width(0.2)
    with pdf.table(
        col_widths=(32, 22, 32, 48, 40),
        width=pdf.epw,
        line_height=5,
        padding=1.5,
        text_align=("LEFT", "LEFT", "LEFT", "LEFT", "LEFT"),
        headings_style=FontFace(emphasis="", fill_color=(225, 240, 237), color=INK),
    ) as table:
        for cells in [headings, *rows]:
            row = table.row()
            for text in cells:
                row.cell(text)
    pdf.ln(6)


def _footer(pdf: FPDF, cert: CertificatePublic) -> None:
    issued = cert.issued_at.astimezone(INDIA).strftime("%d-%m-%Y %H:%M IST")
    for key, value in (("certificate_id", cert.certificate_id), ("issued", issued)):
        y = pdf.get_y()
        _text(pdf, _both(key), 9, width=60, color=MUTED)
        pdf.set_xy(pdf.l_margin + 60, y)
        _text(pdf, value, 10, width=pdf.epw - 60)
        pdf.ln(1)
    pdf.ln(3)
    for line in PDF_LABELS["signed"]:
        _text(pdf, line, 8, color=MUTED)
