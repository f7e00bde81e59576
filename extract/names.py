"""When two written names are one person: spelling variants, not shared surnames.

"Shehbaz Sharif" and "Shahbaz Sharif" are one person (a vowel spelled two ways);
"Shehbaz Sharif" and "Nawaz Sharif" are two (same surname, different given name).
Used inside an article by ``extract`` and across articles by ``link``.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler
from rapidfuzz.fuzz import ratio

SURNAME_CUTOFF = 88.0
GIVEN_CUTOFF = 0.85
WHOLE_CUTOFF = 90.0


# Letters that carry no combining accent, as outlets write them without one: Turkish
# dotless "ı" ("Kılıçdaroğlu" / "Kilicdaroglu"), Polish "ł", Nordic "ø", South Slavic "đ".
_UNACCENTED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h"})


def plain_letters(text: str) -> str:
    """``text`` case-folded and without accents, as an outlet that drops them writes it."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_UNACCENTED))
    return "".join(c for c in folded if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def _parts(name: str) -> tuple[str, ...]:
    """Lower-cased words without accents: "Lund-Berg" is "lund berg", "Moretà"
    is "moreta" (outlets drop accents and hyphens). Cached: a build compares each new
    name with every known speaker's names."""
    plain = plain_letters(name)
    return tuple(p for p in plain.replace(".", " ").replace("-", " ").split() if p)


def same_person(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are spellings of one full name.

    Surnames must nearly match and given names must agree at the start
    (Jaro-Winkler), so a shared surname alone never merges two people.
    """
    pa, pb = _parts(a), _parts(b)
    if not pa or not pb:
        return False
    if pa == pb:
        return True
    if len(pa) == 1 or len(pb) == 1:
        return False
    if ratio(pa[-1], pb[-1]) < SURNAME_CUTOFF:
        return False
    if pa[-1] == pb[-1] and (set(pa[:-1]) <= set(pb[:-1]) or set(pb[:-1]) <= set(pa[:-1])):
        return True  # "Asif Zardari" is "Asif Ali Zardari" with a middle name left out
    given_a, given_b = " ".join(pa[:-1]), " ".join(pb[:-1])
    if JaroWinkler.similarity(given_a, given_b) < GIVEN_CUTOFF:
        return False
    return ratio(" ".join(pa), " ".join(pb)) >= WHOLE_CUTOFF


def same_organisation(a: str, b: str) -> bool:
    """Organisation names match after case folding and a close fuzzy ratio."""
    return ratio(a.casefold(), b.casefold()) >= 95.0
