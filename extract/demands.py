"""What speakers ask others to do, labelled with the taxonomy in ``demands.yml``.

A sentence is a demand when a trigger ("urged", "called on", "demanded", "requests")
has as its subject a speaker, a pronoun or role that refers to one, or a state actor
("Pakistan urged"), and the trigger is not negated. Label cues are matched on lemmas
after the trigger; a demand whose asks are all generic ("urged cooperation") gets no
label, and one with a concrete ask outside the taxonomy is ``other``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

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


def _match(tokens: list[Token], phrase: tuple[str, ...], at: int) -> bool:
    if at + len(phrase) > len(tokens):
        return False
    return all(
        tokens[at + k].lemma_.casefold() == word or tokens[at + k].lower_ == word
        for k, word in enumerate(phrase)
    )


def find_demands(doc: Doc, sentence: Span, category: str, resources: Resources) -> list[Mention]:
    """Labelled demands of one sentence whose attributed subject is ``category``."""
    triggers = [t for t in sentence if _is_trigger(t, resources)]
    if not triggers:
        return []
    if category not in ACCEPTED_SUBJECTS:
        return []
    scope = [t for t in sentence if t.i > triggers[0].i]
    found: dict[str, Mention] = {}
    for at, token in enumerate(scope):
        for label, cues in resources.demand_labels.items():
            if label in found:
                continue
            for cue in cues:
                if _match(scope, cue, at):
                    last = scope[at + len(cue) - 1]
                    span = doc[token.i : last.i + 1]
                    found[label] = Mention(
                        span.text, span.start_char, span.end_char, value=label, kind="demand"
                    )
                    break
    if not found:
        ask = _infinitive_ask(triggers[0], resources)
        if ask is not None:
            found["other"] = Mention(
                ask.text, ask.idx, ask.idx + len(ask.text), value="other", kind="demand"
            )
    return sorted(found.values(), key=lambda m: m.start)


def _infinitive_ask(trigger: Token, resources: Resources) -> Token | None:
    """The verb of "urged X to VERB", when it is a concrete ask (not "help", "cooperate")."""
    for child in trigger.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            if child.lemma_.casefold() in resources.demand_generic:
                return None
            return child
    return None
