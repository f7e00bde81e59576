"""Figures for numbers of social-media accounts, as intervals ``{text, min, max}``.

A figure counts accounts only when its head noun is an account noun ("300 social
media accounts", "hundreds of accounts", "over 1,000 handles"): retweets, deaths,
demands and years have other heads, so they are never reported. Modifiers and
vague quantities get their bounds from ``quantities.yml``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extract.model import AccountCount
from extract.numbers import is_number_word, parse_number
from extract.resources import Resources

_GAP_POS = frozenset({"ADJ", "NOUN", "PROPN", "VERB", "ADV"})
_GAP_WORDS = frozenset(
    {"-", "of", "social", "media", "online", "so-called", "/", "(", ")", "formerly"}
)


def find_accounts(doc: Doc, resources: Resources) -> list[AccountCount]:
    """Every account figure in ``doc``, in text order, without repeats."""
    found: dict[tuple[int, int], AccountCount] = {}
    for token in doc:
        if token.lower_ not in resources.account_nouns or token.dep_ == "compound":
            continue
        figure = _figure_before(doc, token, resources)
        if figure is not None:
            found.setdefault((figure.start, figure.end), figure)
    return [found[key] for key in sorted(found)]


def _figure_before(doc: Doc, noun: Token, resources: Resources) -> AccountCount | None:
    sentence_start = noun.sent.start
    i = noun.i - 1
    gap = 0
    while i >= sentence_start and gap <= resources.max_gap_tokens:
        token = doc[i]
        if token.lower_ in resources.not_account_words:
            return None
        if _is_figure_end(doc, i, resources):
            return _figure_ending_at(doc, i, resources)
        if token.lower_ not in _GAP_WORDS and token.pos_ not in _GAP_POS:
            return None
        if token.pos_ == "VERB" and token.tag_ not in ("VBN", "VBG"):
            return None
        i -= 1
        gap += 1
    return None


def _is_figure_end(doc: Doc, i: int, resources: Resources) -> bool:
    word = doc[i].lower_
    if is_number_word(doc[i].text, resources) and word not in ("a", "an", "one"):
        return True
    return any(phrase[-1] == word for phrase in resources.vague)


def _longest_phrase_ending(doc: Doc, end: int, phrases: object, floor: int) -> int | None:
    """Start index of the longest phrase in ``phrases`` ending just before ``end``."""
    best = None
    for phrase in phrases:  # type: ignore[attr-defined]
        start = end - len(phrase)
        if start < floor:
            continue
        if tuple(t.lower_ for t in doc[start:end]) == phrase and (best is None or start < best):
            best = start
    return best


def _figure_ending_at(doc: Doc, last: int, resources: Resources) -> AccountCount | None:
    floor = doc[last].sent.start
    vague_start = _longest_phrase_ending(doc, last + 1, resources.vague, floor)
    if vague_start is not None:
        low, high = resources.vague[tuple(t.lower_ for t in doc[vague_start : last + 1])]
        return _with_modifier(doc, vague_start, last + 1, (low, high), resources, vague=True)
    start = last
    while start - 1 >= floor and (
        is_number_word(doc[start - 1].text, resources)
        or (
            doc[start - 1].lower_ == "and"
            and start - 2 >= floor
            and is_number_word(doc[start - 2].text, resources)
            and doc[start - 2].lower_ in resources.number_scales
        )
    ):
        start -= 1
    value = parse_number([t.text for t in doc[start : last + 1]], resources)
    if value is None:
        return None
    if _is_year(doc[start : last + 1]):
        return None
    low_range = _range_start(doc, start, floor, resources)
    if low_range is not None:
        range_start, low = low_range
        return _span(doc, range_start, last + 1, low, value)
    return _with_modifier(doc, start, last + 1, (value, value), resources, vague=False)


def _is_year(span: Span) -> bool:
    text = span.text
    return len(span) == 1 and len(text) == 4 and text.isdigit() and text[:2] in ("19", "20")


def _range_start(doc: Doc, start: int, floor: int, resources: Resources) -> tuple[int, int] | None:
    """ "between 50 and 500", "50 to 500", "50-500": the start token and the lower number."""
    joiner = start - 1
    if joiner - 1 < floor or doc[joiner].lower_ not in ("and", "to", "-", "–"):
        return None
    if not is_number_word(doc[joiner - 1].text, resources):
        return None
    low = parse_number([doc[joiner - 1].text], resources)
    if low is None:
        return None
    first = joiner - 1
    if doc[joiner].lower_ == "and":
        if first - 1 < floor or doc[first - 1].lower_ != "between":
            return None
        first -= 1
    elif first - 1 >= floor and doc[first - 1].lower_ in ("from", "between"):
        first -= 1
    return first, low


def _with_modifier(
    doc: Doc, start: int, end: int, bounds: tuple[int, int], resources: Resources, vague: bool
) -> AccountCount:
    floor = doc[start].sent.start
    mod_start = _longest_phrase_ending(doc, start, resources.modifiers, floor)
    low: int | None
    high: int | None
    low, high = bounds
    if mod_start is not None:
        lower, upper = resources.modifiers[tuple(t.lower_ for t in doc[mod_start:start])]
        if vague:
            low = lower.apply(bounds[0]) if lower.offset is not None else None
            high = upper.apply(bounds[1]) if upper.offset is not None else None
        else:
            low, high = lower.apply(bounds[0]), upper.apply(bounds[1])
        start = mod_start
    return _span(doc, start, end, low, high)


def _span(doc: Doc, start: int, end: int, low: int | None, high: int | None) -> AccountCount:
    span = doc[start:end]
    return AccountCount(text=span.text, start=span.start_char, end=span.end_char, min=low, max=high)
