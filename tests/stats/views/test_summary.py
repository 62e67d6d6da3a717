"""The public summary's figures and district table (stats.views.summary), worked by hand."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from stats.views.summary import district_table, headline
from tests.stats import master_names

NAMES = master_names()

DAY = date(2021, 6, 30)


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            [
                ("Doses on the day", "1,49,462", "on 30 June 2021"),
                ("All doses to date", "84,19,708 (84.20 lakh)", "up to 30 June 2021"),
                ("First dose", "67,22,247", "up to 30 June 2021"),
                ("Second dose", "16,97,461", "up to 30 June 2021"),
                ("Precaution dose", "0", "up to 30 June 2021"),
            ],
        ),
        (
            "hi",
            [
                ("दिन की खुराकें", "1,49,462", "30 जून 2021 को"),
                ("अब तक की कुल खुराकें", "84,19,708 (84.20 लाख)", "30 जून 2021 तक"),
                ("पहली खुराक", "67,22,247", "30 जून 2021 तक"),
                ("दूसरी खुराक", "16,97,461", "30 जून 2021 तक"),
                ("एहतियाती खुराक", "0", "30 जून 2021 तक"),
            ],
        ),
    ],
)
def test_headline(lang, expected) -> None:
    totals = pd.DataFrame({"dose_number": [1, 2], "doses": [67_22_247, 16_97_461]})
    figures = headline(totals, 1_49_462, DAY, NAMES, lang)
    assert [(f.label, f.value, f.when) for f in figures] == expected


def test_district_table_sums_bands_and_divides_by_every_band_s_population() -> None:
    totals = pd.DataFrame(
        {
            "district_code": ["RPR", "RPR", "RPR", "DRG"],
            "age_band": ["18-44", "45-59", "18-44", "60+"],
            "dose_number": [1, 1, 2, 3],
            "doses": [600, 400, 250, 10],
        }
    )
    districts = pd.DataFrame({"code": ["RPR", "DRG"], "name_en": ["Raipur", "Durg"], "name_hi": ["रायपुर", "दुर्ग"]})
    targets = pd.DataFrame(
        {
            "district_code": ["RPR", "RPR", "DRG"],
            "age_band": ["18-44", "45-59", "60+"],
            "population": [8_000, 2_000, 500],
        }
    )
    # Raipur: first 600 + 400 = 1,000 of 10,000 = 10.0%; second 250 = 2.5%. Durg: precaution only.
    table = district_table(totals, districts, targets, NAMES, "en")
    assert table.values.tolist() == [
        ["Durg", "10", "0", "0", "10", "0.0%", "0.0%"],
        ["Raipur", "1,250", "1,000", "250", "0", "10.0%", "2.5%"],
    ]
    plain = district_table(totals, districts, targets, NAMES, "hi", formatted=False)
    assert list(plain.columns)[0] == "ज़िला" and plain.iloc[1, 1:5].tolist() == [1250, 1000, 250, 0]
    assert plain.iloc[1, 5] == pytest.approx(0.1) and plain.iloc[1, 6] == pytest.approx(0.025)
