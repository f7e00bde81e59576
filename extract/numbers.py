"""Parse written numbers: "350", "12,000", "1.2 million", "three hundred and fifty", "5k".

Number words and scales come from ``quantities.yml``, as spaCy keeps number words
in ``lang/en/lex_attrs.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.resources import Resources

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_DIGITS_SCALE = re.compile(r"^(\d+(?:\.\d+)?)([kKmM])$")


def is_number_word(word: str, resources: Resources) -> bool:
    """True for a token that can be part of a written number."""
    lowered = word.casefold()
    return bool(
        _DIGITS.match(word)
        or _DIGITS_SCALE.match(word)
        or lowered in resources.number_units
        or lowered in resources.number_scales
    )


def parse_number(words: Sequence[str], resources: Resources) -> int | None:
    """The integer a run of number tokens spells, or None when it is not one number."""
    total: float = 0
    current: float = 0
    seen = False
    for raw in words:
        word = raw.casefold()
        if word in ("and", "-"):
            continue
        if _DIGITS.match(raw):
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
