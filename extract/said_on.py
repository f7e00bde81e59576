"""When the main statement was made: which date words of the article date it.

Decides the ``said_on`` of an article from where date words stand (the words
themselves are read and resolved by :mod:`extract.dates`), by priority: the main
claim's sentence, the lede (with its dateline), a sentence naming the occasion
(``occasions`` in ``speech.yml``: "briefing", "statement"), then any attributed
sentence. A bare year counts only in the main claim's sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.dates import DateParts, date_mentions, resolve
from extract.model import Claim, Mention
from extract.resources import Resources


def _is_occasion(sentence: Span, resources: Resources) -> bool:
    return any(t.lemma_.casefold() in resources.occasions for t in sentence)


def _lede_end(text: str, first_sentence_end: int) -> int:
    """Where the lede ends: the first line of twenty words or more (headlines and
    "NEW DELHI:" datelines are shorter), else the first sentence."""
    offset = 0
    for line in text.split("\n"):
        if len(line.split()) >= 20:
            return offset + len(line)
        offset += len(line) + 1
    return first_sentence_end


def main_statement_date(
    doc: Doc, claims: list[Claim], published: str | None, resources: Resources
) -> Mention | None:
    """The date of the main statement, with its words and span; None when no date fits."""
    sentences = list(doc.sents)
    if not sentences:
        return None
    claim_starts = {c.start for c in claims}
    main_start = claims[0].start if claims else None
    lede_end = _lede_end(doc.text, sentences[0].end_char)
    ranked: list[tuple[int, int, Mention, DateParts]] = []
    dates = date_mentions(doc)
    for sentence in sentences:
        if sentence.start not in dates:
            continue
        is_main = sentence.start_char == main_start
        tiers = []
        if is_main:
            tiers.append(0)
        if sentence.start_char < lede_end:
            tiers.append(1)
        if _is_occasion(sentence, resources):
            tiers.append(2)
        if sentence.start_char in claim_starts:
            tiers.append(3)
        if not tiers:
            continue
        for mention, parts in dates[sentence.start]:
            year_only = parts.year is not None and parts.month is None and parts.weekday is None
            tier = min(tiers)
            if year_only and tier > 0:
                continue
            ranked.append((tier, mention.start, mention, parts))
    if not ranked:
        return None
    _, _, mention, parts = min(ranked, key=lambda r: (r[0], r[1]))
    return Mention(
        mention.text,
        mention.start,
        mention.end,
        value=resolve(parts, published) or "",
        kind="said_on",
    )
