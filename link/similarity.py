"""How alike two articles' attributed statements are, beyond shared topic words.

Claim sentences are reduced to content words; rare words weigh more (inverse
document frequency over the articles being linked), and the score is the cosine of
the two weighted bags. Words every article of a speaker uses ("social media",
"accounts") weigh little, so two press conferences on one topic stay apart while
two write-ups of one press conference, which share its particulars, come together.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[A-Za-z][A-Za-z\-']+|\d[\d,\.]*")


def content_words(text: str) -> Counter[str]:
    """Lower-cased words of three letters or more, stop words removed, crude stemming."""
    words: Counter[str] = Counter()
    for match in _WORD.findall(text):
        word = match.casefold().strip("'")
        if len(word) < 3 or word in STOP_WORDS:
            continue
        words[_stem(word)] += 1
    return words


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def idf(bags: Iterable[Counter[str]]) -> dict[str, float]:
    """Inverse document frequency of every word over ``bags``."""
    frequency: Counter[str] = Counter()
    total = 0
    for bag in bags:
        total += 1
        frequency.update(bag.keys())
    return {w: math.log((1 + total) / (1 + n)) + 1.0 for w, n in frequency.items()}


def cosine(a: Counter[str], b: Counter[str], weights: Mapping[str, float]) -> float:
    """Cosine of the idf-weighted bags (0 when either is empty)."""
    if not a or not b:
        return 0.0

    def norm(bag: Counter[str]) -> float:
        return math.sqrt(sum((c * weights.get(w, 1.0)) ** 2 for w, c in bag.items()))

    dot = sum(c * b[w] * weights.get(w, 1.0) ** 2 for w, c in a.items() if w in b)
    denominator = norm(a) * norm(b)
    return dot / denominator if denominator else 0.0
