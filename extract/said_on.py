"""When the main statement was made: which date words of the article date it.

Decides the ``said_on`` of an article from where date words stand (the words
themselves are read and resolved by :mod:`extract.dates`), by priority: the main
claim's sentence, the lede (with its dateline), a sentence naming the occasion
(``occasions`` in ``speech.yml``: "briefing", "statement"), then any attributed
sentence. A bare year counts only in the main claim's sentence, and only when no
finer date is found; a bare month ("in June") never; timestamps and lines without a
verb (bylines, "Updated" lines) never.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extract.dates import DateParts, date_mentions, resolve
from extract.model import Claim, Mention
from extract.resources import Resources

_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_LAST_RESORT = 9


def _is_furniture(sentence: Span) -> bool:
    """A line with no verb ("Updated 14 March 2024", a byline with its timestamp)."""
    return not any(t.pos_ in ("VERB", "AUX") for t in sentence)


def _is_occasion(sentence: Span, resources: Resources) -> bool:
    return any(t.lemma_.casefold() in resources.occasions for t in sentence)


def lede_end_char(text: str, first_sentence_end: int) -> int:
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
    lede_end = lede_end_char(doc.text, sentences[0].end_char)
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
        if _is_furniture(sentence):
            continue
        for mention, parts in dates[sentence.start]:
            if _CLOCK.search(mention.text):
                continue  # "October 13, 2023 09:10": a timestamp, not a statement's date
            tier = min(tiers)
            if parts.coarse:
                if tier > 0 or (parts.year is None and parts.period is None):
                    continue
                tier = _LAST_RESORT  # "in 2022" in the main claim, when nothing finer
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
