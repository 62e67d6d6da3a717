"""The certificate registry's identity rules: reference ids, mobile numbers, ID documents (with Aadhaar's Verhoeff
check digit) and genders as the registry stores them, and how a mobile or ID number is hashed and shown.

Privacy: a mobile or ID number is normalised and hashed (keyed HMAC, data.settings) as soon as its cell is read.
Only the hash and the last four digits go further, and a problem about such a cell quotes it masked (XXXXXX1234).
The ID documents and the genders, with their names in English and Hindi, are master data (data/master/).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pandas as pd

from data import master as reference
from data.imports.cells import Invalid, required
from data.imports.problems import details
from data.master import DEVANAGARI_DIGITS

_REFERENCE_ID = re.compile(r"[0-9]{13}")
_MOBILE = re.compile(r"[6-9][0-9]{9}")
_SEPARATORS = re.compile(r"[\s\-().]")
_ID_SEPARATORS = re.compile(r"[\s\-/.]")

ID_TYPES = reference.id_types()
"""The photo-ID documents CoWIN accepted, by code (what beneficiary.id_type stores)."""
_ID_TYPE_LIST = details(
    ", ".join(t.label_en for t in ID_TYPES.values()), ", ".join(t.label_hi for t in ID_TYPES.values())
)
VERHOEFF_CHECKED = ("AADHAAR",)
"""ID documents whose last digit is a Verhoeff check digit."""

# Verhoeff's check digit, the last digit of every Aadhaar number (dihedral group D5).
VERHOEFF_D = np.array(
    [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ]
)
VERHOEFF_P = np.array(
    [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ]
)
VERHOEFF_INVERSE = np.array([0, 4, 3, 2, 1, 5, 6, 7, 8, 9])


def verhoeff_check_digits(digits: np.ndarray) -> np.ndarray:
    """The Verhoeff check digit of each row of a (numbers × digits) array of digits, most significant first."""
    check = np.zeros(len(digits), dtype=np.int64)
    for position in range(digits.shape[1]):
        check = VERHOEFF_D[check, VERHOEFF_P[(position + 1) % 8, digits[:, -1 - position]]]
    return VERHOEFF_INVERSE[check]


def verhoeff_valid(number: str) -> bool:
    """True when the last digit of a string of digits is the Verhoeff check digit of the others."""
    digits = np.array([[int(c) for c in number]])
    return int(verhoeff_check_digits(digits[:, :-1])[0]) == int(number[-1])


def masked(text: str | None) -> str | None:
    """A mobile or ID number as it may be shown: every character but the last four as X (XXXXXX1234)."""
    if text is None:
        return None
    return "X" * max(len(text) - 4, 0) + text[-4:]


def hashed(values: pd.Series, hasher: Callable[[str], str]) -> tuple[np.ndarray, np.ndarray]:
    """Keyed hash and last four characters of each value (each distinct value hashed once)."""
    codes, uniques = pd.factorize(values)
    uniques = uniques.to_numpy(dtype=object).tolist()
    hashes = np.array([hasher(v) for v in uniques], dtype=object)
    last4 = np.array([v[-4:] for v in uniques], dtype=object)
    return hashes[codes], last4[codes]


def reference_id(text: str) -> str:
    """A reference id: 13 digits (Devanagari digits read as ASCII)."""
    required(text)
    value = text.translate(DEVANAGARI_DIGITS)
    if not _REFERENCE_ID.fullmatch(value):
        raise Invalid("reference_id")
    return value


def gender(text: str) -> str:
    """M, F or O from a code or a word in English or Hindi (data/master/genders.csv)."""
    required(text)
    code = reference.genders().resolve(text)
    if code is None:
        raise Invalid("gender")
    return code


def mobile_number(text: str) -> str:
    """The 10 digits of an Indian mobile number; +91, 0091, 91 or 0 in front, spaces, hyphens, brackets allowed."""
    required(text)
    digits = _SEPARATORS.sub("", text.translate(DEVANAGARI_DIGITS))
    if digits.startswith("+91"):
        digits = digits[3:]
    elif digits.startswith("0091") and len(digits) == 14:
        digits = digits[4:]
    elif digits.startswith("91") and len(digits) == 12:
        digits = digits[2:]
    elif digits.startswith("0") and len(digits) == 11:
        digits = digits[1:]
    if not _MOBILE.fullmatch(digits):
        raise Invalid("mobile")
    return digits


def id_type(text: str) -> str:
    """The code of an ID document from its code, name (English or Hindi) or a common alias."""
    required(text)
    code = reference.id_type_names().resolve(text)
    if code is None:
        raise Invalid("id_type", _ID_TYPE_LIST)
    return code


def id_number(code: str, text: str) -> str:
    """The number of an ID document of type `code`, normalised (upper case, no spaces, hyphens, slashes, dots)."""
    required(text)
    kind = ID_TYPES[code]
    value = _ID_SEPARATORS.sub("", text.translate(DEVANAGARI_DIGITS)).upper()
    if not kind.pattern.fullmatch(value):
        raise Invalid("id_number", details(kind.label_en, kind.form_en, kind.label_hi, kind.form_hi))
    if code in VERHOEFF_CHECKED and not verhoeff_valid(value):
        raise Invalid("aadhaar_checksum")
    return value
