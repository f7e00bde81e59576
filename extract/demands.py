"""What speakers ask others to do, labelled with the taxonomy in ``demands.yml``.

A sentence is a demand when a trigger ("urged", "called on", "demanded", "requests")
has as its subject a speaker, a pronoun or role that refers to one, or a state actor
("Pakistan urged"), and the trigger is not negated. Label cues are matched on lemmas
after the trigger; a demand whose asks are all generic ("urged cooperation") gets no
label, and one with a concrete ask outside the taxonomy is ``other``.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from extract.cues import first_cue
from extract.model import Mention
from extract.resources import Resources

ACCEPTED_SUBJECTS = frozenset({"speaker", "pronoun", "role", "plural", "state"})
_CALL_PREPS = frozenset({"on", "upon", "for"})


def _is_trigger(token: Token, resources: Resources) -> bool:
    lemma = token.lemma_.casefold()
    if lemma not in resources.demand_triggers and token.lower_ not in resources.demand_triggers:
        return False
    if any(child.dep_ == "neg" for child in token.children):
        return False
    if lemma == "call":
        return any(child.lower_ in _CALL_PREPS for child in token.children)
    return True


def _demand(span: Span, label: str) -> Mention:
    return Mention(span.text, span.start_char, span.end_char, value=label, kind="demand")


def _subject_of(trigger: Token) -> Token | None:
    node = trigger
    while True:
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
            continue
        return None


def _scope(trigger: Token, sentence: Span) -> list[Token]:
    """The asks of a trigger: a verb's subtree after it; for a noun ("three requests:
    first, …") the rest of the sentence, where the list follows a colon."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        return [t for t in sentence if t.i > trigger.i]
    return [t for t in trigger.subtree if t.i > trigger.i]


def find_demands(
    doc: Doc,
    sentence: Span,
    classify: Callable[[Token], str],
    resources: Resources,
    attributed: str = "none",
) -> list[Mention]:
    """Labelled demands of one sentence.

    ``classify`` says what a subject token refers to; ``attributed`` is the category of
    the sentence's attributed speaker, used when a coordinated trigger ("… told
    reporters that …, and urged platforms to …") inherits a subject through a parse
    that attached it to the wrong verb.
    """
    found: dict[str, Mention] = {}
    for trigger in sentence:
        if not _is_trigger(trigger, resources):
            continue
        governor = trigger.head if trigger.pos_ in ("NOUN", "PROPN") else trigger
        subject = _subject_of(governor)
        category = classify(subject) if subject is not None else "none"
        if category not in ACCEPTED_SUBJECTS and governor.dep_ == "conj":
            category = attributed
        if category not in ACCEPTED_SUBJECTS:
            continue
        scope = _scope(trigger, sentence)
        labelled = False
        for label, cues in resources.demand_labels.items():
            hit = first_cue(scope, cues)
            if hit is None:
                continue
            labelled = True
            if label not in found:
                found[label] = _demand(doc[hit[0].i : hit[-1].i + 1], label)
        if not labelled and "other" not in found:
            ask = _infinitive_ask(trigger, resources)
            if ask is not None:
                found["other"] = _demand(doc[ask.i : ask.i + 1], "other")
    return sorted(found.values(), key=lambda m: m.start)


def _infinitive_ask(trigger: Token, resources: Resources) -> Token | None:
    """The verb of "urged X to VERB", when it is a concrete ask (not "help", "cooperate")."""
    for child in trigger.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            if child.lemma_.casefold() in resources.demand_generic:
                return None
            return child
    return None
