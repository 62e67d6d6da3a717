"""What the verification page shows: the verdict on a certificate's QR code and the claims it carries."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime

import pandas as pd

from stats.formatting import india_time, long_date
from stats.labels import t


def claims_table(claims: Mapping, names: Mapping[str, str], lang: str) -> pd.DataFrame:
    """A verified token's claims as shown: name, birth year, gender, each dose, certificate id, issue time."""
    rows = [
        (t("certificate.name", lang), claims["n"]),
        (t("certificate.birth_year", lang), str(claims["by"])),
        (t("certificate.gender", lang), t(f"certificate.gender_{claims['g']}", lang)),
    ]
    for number, day, vaccine in claims["d"]:
        rows.append(
            (
                f"{t('certificate.dose', lang)} {number}",
                f"{long_date(date.fromisoformat(day), lang)} · {names.get(vaccine, vaccine)}",
            )
        )
    rows += [
        (t("verify.certificate_id", lang), claims["cid"]),
        (t("verify.issued", lang), india_time(datetime.fromtimestamp(claims["iat"], UTC), lang)),
    ]
    return pd.DataFrame(rows, columns=[t("certificate.detail", lang), t("certificate.value", lang)])


def verdict_text(valid: bool, reason: str, lang: str) -> str:
    """The verdict in the language: valid, or invalid with the reason."""
    if valid:
        return t("verify.valid", lang)
    return t("verify.invalid", lang, reason=t(f"verify.reason_{reason}", lang))
