"""What the verification page shows: the verdict on a certificate's QR code (valid, demo or invalid), the person's
name, vaccination status and doses, and the rest of the signed details."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime

import pandas as pd

from stats.formatting import india_time, long_date
from stats.labels import t
from stats.names import Names

KINDS = ("valid", "demo", "invalid")
COLOURS = {"valid": "green", "demo": "orange", "invalid": "red"}
ICONS = {"valid": ":material/verified:", "demo": ":material/science:", "invalid": ":material/gpp_bad:"}
PRECAUTION = 3
"""The dose number of the precaution dose (data/master/dose_numbers.csv)."""


def verdict_kind(valid: bool, demo: bool) -> str:
    """valid, demo (a good signature by the demo's generated key: never shown as valid) or invalid."""
    if not valid:
        return "invalid"
    return "demo" if demo else "valid"


def headline(kind: str, lang: str) -> str:
    """The verdict for a large coloured header (Streamlit markdown): VALID, DEMO certificate — not valid, INVALID."""
    return f":{COLOURS[kind]}[{ICONS[kind]} {t(f'verify.headline_{kind}', lang)}]"


def verdict_text(kind: str, reason: str, lang: str) -> str:
    """The sentence under the headline: who issued it, that it is a demo one, or why it is not valid."""
    if kind == "invalid":
        return t("verify.invalid", lang, reason=t(f"verify.reason_{reason}", lang))
    return t(f"verify.{kind}", lang)


def status(claims: Mapping) -> str:
    """The vaccination status the doses give: partial after dose 1, full with dose 2 (every vaccine in the programme
    takes two doses), precaution with the precaution dose; the keys of certificate.status_*."""
    numbers = {int(number) for number, _day, _vaccine in claims["d"]}
    if any(number >= PRECAUTION for number in numbers):
        return "precaution"
    return "full" if 2 in numbers else "partial"


def status_text(claims: Mapping, lang: str) -> str:
    """The status as a badge: Fully vaccinated, with precaution dose."""
    kind = status(claims)
    colour = "green" if kind != "partial" else "orange"
    return f":{colour}-badge[{t(f'certificate.status_{kind}', lang)}]"


def person_text(claims: Mapping, lang: str) -> str:
    """Under the name: Year of birth 1979 · Male."""
    gender = t(f"certificate.gender_{claims['g']}", lang)
    return f"{t('certificate.birth_year', lang)} {claims['by']} · {gender}"


def dose_lines(claims: Mapping, names: Names, lang: str) -> list[str]:
    """One line per signed dose, in order: Precaution dose: 10 April 2022, Covishield."""
    return [
        t(
            "verify.dose_line",
            lang,
            dose=names.dose(number, lang),
            date=long_date(date.fromisoformat(day), lang),
            vaccine=names.vaccine(vaccine, lang),
        )
        for number, day, vaccine in sorted(claims["d"], key=lambda dose: dose[0])
    ]


def details_table(claims: Mapping, kid: str | None, lang: str) -> pd.DataFrame:
    """The rest of the signed details: birth year, gender, certificate id, issue time and signing key."""
    rows = [
        (t("certificate.birth_year", lang), str(claims["by"])),
        (t("certificate.gender", lang), t(f"certificate.gender_{claims['g']}", lang)),
        (t("verify.certificate_id", lang), claims["cid"]),
        (t("verify.issued", lang), india_time(datetime.fromtimestamp(claims["iat"], UTC), lang)),
        (t("verify.key", lang), kid or ""),
    ]
    return pd.DataFrame(rows, columns=[t("certificate.detail", lang), t("certificate.value", lang)])
