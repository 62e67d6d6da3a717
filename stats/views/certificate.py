"""What the certificate page shows: the certificate's details and doses, its PDF's names (the verification page's
view is stats/views/verify.py)."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from stats.formatting import india_time, long_date
from stats.labels import t
from stats.names import Names


def pdf_vaccine_names(vaccines: pd.DataFrame) -> dict[str, str]:
    """Vaccine code → "English / हिन्दी" for the bilingual PDF."""
    return {row.code: f"{row.name_en} / {row.name_hi}" for row in vaccines.itertuples()}


def pdf_dose_names(names: Names) -> dict[int, str]:
    """Dose number → English and Hindi on two lines for the bilingual PDF: Precaution dose, एहतियाती खुराक for 3."""
    return {number: f"{english}\n{hindi}" for number, (english, hindi) in names.doses.items()}


def demo_people_text(people: list) -> str:
    """The demo's documented registrations (objects with reference_id, mobile, name) for the demo banner."""
    return "; ".join(f"{person.reference_id} + {person.mobile} ({person.name})" for person in people)


def issued_text(moment: datetime, lang: str) -> str:
    """An issue time as the date and the time of day in India."""
    return india_time(moment, lang)


def _pairs(rows: list[tuple[str, str]], lang: str) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=[t("certificate.detail", lang), t("certificate.value", lang)])


def details_table(cert, lang: str) -> pd.DataFrame:
    """The details of cert (a CertificatePublic) as shown: name, birth year, gender, masked ID, status,
    certificate id, issue time."""
    return _pairs(
        [
            (t("certificate.name", lang), cert.name),
            (t("certificate.birth_year", lang), str(cert.birth_year)),
            (t("certificate.gender", lang), t(f"certificate.gender_{cert.gender}", lang)),
            (t("certificate.id", lang), f"{cert.id_type} {cert.id_masked}"),
            (t("certificate.status", lang), t(f"certificate.status_{cert.status}", lang)),
            (t("certificate.certificate_id", lang), cert.certificate_id),
            (t("certificate.issued", lang), issued_text(cert.issued_at, lang)),
        ],
        lang,
    )


def doses_table(cert, names: Names, lang: str) -> pd.DataFrame:
    """One row per dose: its name (First dose, Precaution dose), date, vaccine, centre, district."""
    columns = [t(f"certificate.{key}", lang) for key in ("dose", "date", "vaccine", "centre", "district")]
    rows = [
        (
            names.dose(dose.number, lang),
            long_date(dose.date, lang),
            names.vaccine(dose.vaccine, lang),
            dose.centre,
            dose.district,
        )
        for dose in sorted(cert.doses, key=lambda dose: dose.number)
    ]
    return pd.DataFrame(rows, columns=columns)


def pdf_file_name(cert) -> str:
    return f"vaccination-certificate-{cert.certificate_id}.pdf"
