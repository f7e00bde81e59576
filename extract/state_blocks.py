"""A state's own block of a service, decided or announced, is the order that cuts access:
"The cabinet decided to ban TikTok", "the regulator said it would restrict access to
Instagram", "began the procedure of restricting access to the messenger". The gold
conventions count that order as block_access (gold/dev4.yml, writer A: "a regulator's
order blocking an app"; gold/dev5.yml: a regulator restricting access). A block told as
a deed done ("The government blocked the site after ...") reports the sanction, not an
order (gold/dev2.yml: "Nigeria suspended Twitter" asks nothing); a block threatened or
weighed ("threatened to block", "is preparing to block", "could block"), negated, or done
by a platform ("Facebook blocked the accounts") is none either."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from extract.demand_labels import blocks_access
from extract.pipeline import PLATFORM
from extract.resources import Resources

_STATES = frozenset({"GPE", "NORP"})
_POSSIBLE = frozenset({"can", "could", "may", "might", "should"})
_TAKING_UP = frozenset({"it", "they"})
_ANNOUNCED = frozenset({"will", "would", "'ll", "shall"})


def state_block(token: Token, classify: Callable[[Token], str], resources: Resources) -> bool:
    """Whether ``token`` is a verb by which a state, a ministry or a regulator itself
    blocks a service."""
    cues = resources.demand_cues
    if token.pos_ != "VERB" or not blocks_access(token, cues):
        return False
    node = token
    # "began the procedure of restricting access": the gerund under an acting verb's object.
    while node.dep_ in ("pcomp", "pobj", "prep", "dobj") and node.head.i != node.i:
        node = node.head
    if node is not token and node.lemma_.casefold() not in cues.acting_verbs:
        return False
    while node.dep_ in ("xcomp", "conj") and node.head.lemma_.casefold() in cues.acting_verbs:
        node = node.head
    announced = any(c.dep_ == "aux" and c.lower_ in _ANNOUNCED for c in token.children)
    if node is token and not announced:
        return False
    if any(c.dep_ in ("neg", "auxpass") for c in [*token.children, *node.children]) or any(
        c.dep_ == "aux" and c.lower_ in _POSSIBLE for c in [*token.children, *node.children]
    ):
        return False
    subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in _TAKING_UP and node.dep_ == "ccomp":
        # "the regulator said it would restrict access": the subject of the saying verb
        subject = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
    return subject is not None and _state(subject, classify, resources)


def _state(subject: Token, classify: Callable[[Token], str], resources: Resources) -> bool:
    """A state, a ministry, a regulator or a court, never a platform."""
    words = [subject, *(c for c in subject.children if c.dep_ in ("compound", "appos"))]
    if any(w.ent_type_ == PLATFORM for w in words):
        return False
    institutions = resources.institutions | resources.demand_cues.askers
    cues_of_groups = resources.group_cues  # "the Federal Service for ...", no news service
    public = cues_of_groups.public_body_words - cues_of_groups.outlet_words
    return (
        subject.ent_type_ in _STATES
        or classify(subject) == "state"
        or any(w.lemma_.casefold() in institutions for w in words)
        or (subject.ent_type_ == "ORG" and any(w.lower_ in public for w in words[1:]))
    )
