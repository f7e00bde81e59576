"""Groups and platforms named in an article, from the gazetteer entities."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extract.model import Mention
from extract.pipeline import GROUP, PLATFORM
from extract.resources import Resources


def _has_platform_context(sentence: Span, resources: Resources, ambiguous: set[str]) -> bool:
    lowered = sentence.text.casefold()
    if any(e.label_ == PLATFORM and e.text not in ambiguous for e in sentence.ents):
        return True
    return any(re.search(rf"\b{re.escape(word)}\b", lowered) for word in resources.platform_context)


def gazetteer_mentions(doc: Doc, resources: Resources) -> tuple[list[Mention], list[Mention]]:
    """``(groups, platforms)``: every mention with its canonical id as ``value``."""
    context_only = {alias for p in resources.platforms for alias in p.context_required}
    groups: list[Mention] = []
    platforms: list[Mention] = []
    for ent in doc.ents:
        mention = Mention(
            ent.text, ent.start_char, ent.end_char, value=ent.ent_id_, kind=ent.label_
        )
        if ent.label_ == GROUP:
            groups.append(mention)
        elif ent.label_ == PLATFORM:
            if ent.text in context_only and not _has_platform_context(
                ent.sent, resources, context_only
            ):
                continue
            platforms.append(mention)
    return groups, platforms
