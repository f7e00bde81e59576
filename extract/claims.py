"""Assemble one article's extraction from the parsed document.

This is the only place that knows the order of the cascade; each part lives in
its own module (speakers, said_on, accounts, mentions, demands, stances).
"""

from __future__ import annotations

from spacy.tokens import Doc

from extract.accounts import find_accounts
from extract.dates import dateline_date
from extract.demands import find_demands
from extract.doccache import doc_text
from extract.mentions import named_mentions
from extract.model import Extraction, Mention
from extract.resources import Resources
from extract.said_on import main_statement_date
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
    groups, platforms = named_mentions(doc, resources)
    demands: list[Mention] = []
    statements: list[Mention] = []
    for sentence in doc.sents:
        attributed = attribution.subjects.get(sentence.start, "none")
        demands.extend(find_demands(doc, sentence, attribution.classify, resources, attributed))
        statements.extend(find_stances(doc, sentence, resources))
    anchor = published or dateline_date(doc_text(doc))
    said_on = main_statement_date(doc, attribution.claims, anchor, resources)
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
