"""Groups and platforms named in an article.

Gazetteer entities come from the EntityRuler; a form that is also an ordinary word
counts only in a sentence that gives it its sense: "X" or "Signal" beside social-media
words, "IS" or "Congress" beside another group of the same kind or words of that kind
(``groups.yml`` ``cues.kind_context``). Groups the gazetteer does not list are found
from context by :mod:`extract.groups`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extract.doccache import doc_ents
from extract.groups import find_groups
from extract.model import Mention
from extract.pipeline import GROUP, PLATFORM
from extract.resources import Resources

# Words that end a company's registered name ("Telegram Messenger LLP", "X Corp Ltd").
_COMPANY_SUFFIXES = frozenset(
    {"llp", "llc", "inc", "ltd", "limited", "plc", "gmbh", "corp", "corporation", "fz-llc"}
)


def _has_platform_context(sentence: Span, resources: Resources, ambiguous: set[str]) -> bool:
    lowered = sentence.text.casefold()
    if _names_a_platform(sentence, ambiguous):
        return True
    return any(re.search(rf"\b{re.escape(word)}\b", lowered) for word in resources.platform_context)


def _names_a_platform(sentence: Span, ambiguous: set[str]) -> bool:
    return any(e.label_ == PLATFORM and e.text not in ambiguous for e in sentence.ents)


def _neighbour_names_a_platform(sentence: Span, ambiguous: set[str]) -> bool:
    """ "Where did everyone go? Bluesky, mostly. ... and Threads is courting the same
    crowd": a platform named in the sentence before or after, within the paragraph,
    gives a word name ("Threads", "Signal") its sense; a letter ("X") needs its own."""
    doc = sentence.doc
    neighbours = []
    if sentence.start > 0:
        neighbours.append(doc[sentence.start - 1].sent)
    if sentence.end < len(doc):
        neighbours.append(doc[sentence.end].sent)
    return any(
        "\n"
        not in doc.text[min(n.end_char, sentence.end_char) : max(n.start_char, sentence.start_char)]
        and _names_a_platform(n, ambiguous)
        for n in neighbours
    )


def _inside_a_name(ent: Span) -> bool:
    """ "Telegram Messenger LLP", "Signal & Noise": a form inside a company's registered
    name or joined by an ampersand into an outlet's is no platform."""
    doc = ent.doc
    if ent.end >= len(doc):
        return False
    after = doc[ent.end].text
    return after == "&" or after.rstrip(".").casefold() in _COMPANY_SUFFIXES


def _continues_a_name(ent: Span) -> bool:
    """An ordinary-word alias that ends a longer name ("All Progressives Congress", "US
    Congress"): the name is another body's, not the group the alias stands for."""
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return before.pos_ == "PROPN" or (before.is_title and before.i > ent.sent.start)


def _names_another_group(
    sentence: Span, kind: str, resources: Resources, ambiguous: set[str]
) -> bool:
    """The sentence names a group of the kind by a form that needs no context."""
    kinds = {g.id: g.kind for g in resources.groups}
    others = (e for e in sentence.ents if e.label_ == GROUP and e.text.casefold() not in ambiguous)
    return any(kinds.get(e.ent_id_) == kind for e in others)


def _addressed(ent: Span, verbs: frozenset[str]) -> bool:
    """ "told Congress", "testified before Congress": a form written without an article as
    the object of a verb of addressing (or of "before" or "to" after one) is a body being
    addressed, a legislature, not the party of the same word ("praised the Congress")."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].lower_ == "the":
        return False
    root = ent.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in ("before", "to"):
        head = head.head
    elif root.dep_ not in ("dobj", "dative", "iobj"):
        return False
    return head.lemma_.casefold() in verbs


def _has_group_context(
    sentence: Span, kind: str, resources: Resources, ambiguous: set[str]
) -> bool:
    if _names_another_group(sentence, kind, resources, ambiguous):
        return True
    words = resources.group_cues.kind_context.get(kind, frozenset())
    return any(t.lower_ in words for t in sentence)


def gazetteer_mentions(doc: Doc, resources: Resources) -> tuple[list[Mention], list[Mention]]:
    """``(groups, platforms)`` of the gazetteer: every mention with its canonical id."""
    context_only = {alias for p in resources.platforms for alias in p.context_required}
    group_context = {a.casefold() for g in resources.groups for a in g.context_required}
    kinds = {g.id: g.kind for g in resources.groups}
    groups: list[Mention] = []
    platforms: list[Mention] = []
    for ent in doc_ents(doc):
        mention = Mention(
            ent.text, ent.start_char, ent.end_char, value=ent.ent_id_, kind=ent.label_
        )
        if ent.label_ == GROUP:
            if ent.text.casefold() in group_context and (
                _continues_a_name(ent)
                or (
                    _addressed(ent, resources.group_cues.addressed_verbs)
                    and not _names_another_group(
                        ent.sent, kinds.get(ent.ent_id_, ""), resources, group_context
                    )
                )
                or not _has_group_context(
                    ent.sent, kinds.get(ent.ent_id_, ""), resources, group_context
                )
            ):
                continue
            groups.append(mention)
        elif ent.label_ == PLATFORM:
            if ent.text in context_only and (
                _inside_a_name(ent)
                or not (
                    _has_platform_context(ent.sent, resources, context_only)
                    or (len(ent.text) > 1 and _neighbour_names_a_platform(ent.sent, context_only))
                )
            ):
                continue
            platforms.append(mention)
    return groups, platforms


def named_mentions(doc: Doc, resources: Resources) -> tuple[list[Mention], list[Mention]]:
    """``(groups, platforms)``: the gazetteer's, plus groups the article presents as such."""
    groups, platforms = gazetteer_mentions(doc, resources)
    return find_groups(doc, resources, groups), platforms
