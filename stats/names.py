"""Reference names: districts, vaccines, age bands and dose numbers by code, in English and Hindi, in their one order.

``Names`` is built by data.read.reference.names from the tables seeded from data/master/ (district, vaccine,
age_band, dose_number); the pages pass it to the view functions and figures that name or order these codes.
The frame helpers below (district_options, vaccine_names) read the frames of data.read.reference.districts and
data.read.reference.vaccine_intervals (code, name_en, name_hi).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

Pair = tuple[str, str]
"""(English, Hindi)."""
KINDS = ("districts", "vaccines", "bands", "doses")

VACCINE_ORDER = ("COVISHIELD", "COVAXIN", "SPUTNIK", "CORBEVAX")
"""The one order of vaccines: the order in which they joined India's programme (Covishield and Covaxin in January
2021, Sputnik V in May 2021, Corbevax in March 2022), as data/master/vaccines.csv lists them; the vaccine table
keeps no order of its own. A vaccine not listed here comes after these, by code."""


@dataclass(frozen=True)
class Names:
    """Codes → (English, Hindi) of every kind, each mapping in its order: districts by English name, vaccines in
    VACCINE_ORDER, bands by age_band.sort_order, doses by number. band_ages: code → (min_age, max_age or None)."""

    districts: Mapping[str, Pair] = field(default_factory=dict)
    vaccines: Mapping[str, Pair] = field(default_factory=dict)
    bands: Mapping[str, Pair] = field(default_factory=dict)
    doses: Mapping[int, Pair] = field(default_factory=dict)
    band_ages: Mapping[str, tuple[int, int | None]] = field(default_factory=dict)

    def name(self, kind: str, code: object, lang: str = "en") -> str:
        """The code's name in the language; a code not known as it is."""
        pair = getattr(self, kind).get(code)
        return str(code) if pair is None else pair[1 if lang == "hi" else 0]

    def district(self, code: str, lang: str = "en") -> str:
        return self.name("districts", code, lang)

    def vaccine(self, code: str, lang: str = "en") -> str:
        """Covishield / कोविशील्ड for COVISHIELD."""
        return self.name("vaccines", code, lang)

    def band(self, code: str, lang: str = "en") -> str:
        """18–44 years / 18–44 वर्ष for 18-44."""
        return self.name("bands", code, lang)

    def dose(self, number: int, lang: str = "en") -> str:
        """First dose / पहली खुराक for 1 (2: second, 3: precaution)."""
        return self.name("doses", int(number), lang)

    def order(self, kind: str) -> tuple:
        """The codes of the kind in their order."""
        return tuple(getattr(self, kind))

    def ordered(self, kind: str, codes: Iterable) -> list:
        """The distinct codes in the kind's order, any code not known after them in sorted order."""
        return ordered(codes, self.order(kind))

    def options(self, kind: str, lang: str = "en") -> dict:
        """Code → name in the language, in the kind's order (for a selectbox)."""
        return {code: self.name(kind, code, lang) for code in getattr(self, kind)}

    def single_bands(self) -> tuple[str, ...]:
        """The bands that are not the sum of other bands (45+ is 45-59 and 60+ together), in order."""
        return tuple(code for code in self.bands if not any(self._covers(code, other) for other in self.bands))

    def _covers(self, band: str, other: str) -> bool:
        if band == other or band not in self.band_ages or other not in self.band_ages:
            return False
        (low, high), (other_low, other_high) = self.band_ages[band], self.band_ages[other]
        within_top = high is None or (other_high is not None and other_high <= high)
        return low <= other_low and within_top


def ordered(codes: Iterable, order: Sequence) -> list:
    """The distinct codes in the given order, any code not in it after them in sorted order."""
    present = list(dict.fromkeys(codes))
    return [c for c in order if c in present] + sorted(c for c in present if c not in order)


def _pairs(frame: pd.DataFrame | None, code: str, english: str, hindi: str) -> dict:
    if frame is None or frame.empty:
        return {}
    return {key: (str(en), str(hi)) for key, en, hi in zip(frame[code], frame[english], frame[hindi], strict=True)}


def names_from_frames(
    districts: pd.DataFrame | None = None,
    vaccines: pd.DataFrame | None = None,
    bands: pd.DataFrame | None = None,
    doses: pd.DataFrame | None = None,
) -> Names:
    """Names from frames as the reference tables hold them: districts (code, name_en, name_hi), vaccines (code,
    name_en, name_hi), bands (code, label_en, label_hi, min_age, max_age, sort_order), doses (number, label_en,
    label_hi); a frame not given gives no names of its kind."""
    if districts is not None:
        districts = districts.sort_values("name_en", kind="stable")
    vaccine_pairs = _pairs(vaccines, "code", "name_en", "name_hi")
    vaccine_pairs = {code: vaccine_pairs[code] for code in ordered(vaccine_pairs, VACCINE_ORDER)}
    ages = {}
    if bands is not None and not bands.empty:
        bands = bands.sort_values(["sort_order", "code"], kind="stable")
        ages = {
            code: (int(low), None if pd.isna(high) else int(high))
            for code, low, high in zip(bands["code"], bands["min_age"], bands["max_age"], strict=True)
        }
    dose_pairs = _pairs(doses, "number", "label_en", "label_hi")
    return Names(
        districts=_pairs(districts, "code", "name_en", "name_hi"),
        vaccines=vaccine_pairs,
        bands=_pairs(bands, "code", "label_en", "label_hi"),
        doses={int(n): dose_pairs[n] for n in sorted(dose_pairs)},
        band_ages=ages,
    )


def _names(frame: pd.DataFrame, lang: str) -> dict[str, str]:
    column = "name_hi" if lang == "hi" else "name_en"
    return dict(zip(frame["code"], frame[column], strict=True))


def district_options(districts: pd.DataFrame, lang: str = "en") -> dict[str, str]:
    """District code → name in the language, in alphabetical order of the names (for a selectbox)."""
    return dict(sorted(_names(districts, lang).items(), key=lambda item: item[1]))


def vaccine_names(vaccines: pd.DataFrame, lang: str = "en") -> dict[str, str]:
    """Vaccine code → name in the language."""
    return _names(vaccines, lang)
