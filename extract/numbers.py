"""Parse written numbers: "350", "12,000", "1.2 million", "three hundred and fifty", "5k".

Number words and scales come from ``quantities.yml``, as spaCy keeps number words
in ``lang/en/lex_attrs.py``. Outlets that write "170.000" for 170,000 are read with
dots as thousands separators when the text never uses commas for them: a number with
groups of exactly three digits after its dots and no scale word after it ("1.250
million" stays 1.25 million).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.resources import Resources

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_DIGITS_SCALE = re.compile(r"^(\d+(?:\.\d+)?)([kKmM])$")
_DOT_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_COMMA_THOUSANDS = re.compile(r"\d,\d{3}(?!\d)")


def uses_dot_thousands(text: str) -> bool:
    """True when ``text`` never writes a comma between thousands ("12,000")."""
    return _COMMA_THOUSANDS.search(text) is None


def is_number_word(word: str, resources: Resources) -> bool:
    """True for a token that can be part of a written number."""
    lowered = word.casefold()
    return bool(
        _DIGITS.match(word)
        or _DIGITS_SCALE.match(word)
        or lowered in resources.number_units
        or lowered in resources.number_scales
    )


def parse_number(
    words: Sequence[str], resources: Resources, dot_thousands: bool = False
) -> int | None:
    """The integer a run of number tokens spells, or None when it is not one number.

    ``dot_thousands`` reads "170.000" as 170,000 (see :func:`uses_dot_thousands`).
    """
    total: float = 0
    current: float = 0
    seen = False
    for index, raw in enumerate(words):
        word = raw.casefold()
        if word in ("and", "-"):
            continue
        scaled = index + 1 < len(words) and words[index + 1].casefold() in resources.number_scales
        if dot_thousands and _DOT_THOUSANDS.match(raw) and not scaled:
            current += float(raw.replace(".", ""))
        elif _DIGITS.match(raw):
            current += float(raw.replace(",", ""))
        elif match := _DIGITS_SCALE.match(raw):
            factor = 1000 if match.group(2).lower() == "k" else 1_000_000
            current += float(match.group(1)) * factor
        elif word in resources.number_units:
            current += resources.number_units[word]
        elif word in resources.number_scales:
            scale = resources.number_scales[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    if not seen:
        return None
    return round(total + current)
