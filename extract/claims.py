"""Assemble one article's extraction from the parsed document.

This is the only place that knows the order of the cascade; each part lives in
its own module (speakers, dates, accounts, mentions, demands, stances).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.accounts import find_accounts
from extract.dates import DateParts, date_mentions, resolve
from extract.demands import find_demands
from extract.mentions import gazetteer_mentions
from extract.model import Claim, Extraction, Mention
from extract.resources import Resources
from extract.speakers import attribute
from extract.stances import find_stances


def extraction_from_doc(
    doc: Doc,
    article_id: str,
    published: str | None,
    resources: Resources,
    notes: tuple[str, ...] = (),
) -> Extraction:
    """Everything extracted from a parsed article."""
    attribution = attribute(doc, resources)
    groups, platforms = gazetteer_mentions(doc, resources)
    demands: list[Mention] = []
    statements: list[Mention] = []
    for sentence in doc.sents:
        attributed = attribution.subjects.get(sentence.start, "none")
        demands.extend(find_demands(doc, sentence, attribution.classify, resources, attributed))
        statements.extend(find_stances(doc, sentence, resources))
    said_on = _said_on(doc, attribution.claims, published, resources)
    all_notes = list(notes)
    if not attribution.claims:
        all_notes.append("no attributed statement was found")
    elif said_on is None:
        all_notes.append("the text does not say when the statement was made")
    return Extraction(
        article_id=article_id,
        speakers=tuple(attribution.speakers),
        claims=tuple(attribution.claims),
        said_on=said_on if attribution.claims else None,
        accounts=tuple(find_accounts(doc, resources)),
        groups=tuple(groups),
        platforms=tuple(platforms),
        demands=tuple(_dedupe_labels(demands)),
        statements=tuple(statements),
        notes=tuple(all_notes),
    )


def _dedupe_labels(demands: list[Mention]) -> list[Mention]:
    """Keep every labelled demand mention but drop exact repeats of one span."""
    seen: set[tuple[str, int]] = set()
    out = []
    for mention in demands:
        key = (mention.value, mention.start)
        if key not in seen:
            seen.add(key)
            out.append(mention)
    return out


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


def _said_on(
    doc: Doc, claims: list[Claim], published: str | None, resources: Resources
) -> Mention | None:
    """The date of the main statement, by priority of where the date words stand:
    the main claim's sentence, the lede (with its dateline), a sentence naming the
    occasion, then any attributed sentence (a bare year only from the main claim's)."""
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
