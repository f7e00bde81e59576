"""Stances on topics outlets may contradict each other about (``stances.yml``).

For each sentence naming a topic ("legal proceedings", "legal action") the stance is
its polarity (negated when a negation governs the topic word along the dependency
path to the root) and modality (possible when a modal auxiliary does). ``link``
compares stances across the articles of one event.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extract.cues import first_cue
from extract.doccache import token_strings
from extract.model import Mention
from extract.resources import Resources


def _negated_or_modal(token: Token, resources: Resources) -> tuple[bool, bool]:
    negated = False
    modal = False
    node: Token | None = token
    steps = 0
    while node is not None and steps < 8:
        for child in node.children:
            lowered = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and lowered == "no"):
                negated = True
            if child.dep_ == "aux" and lowered in resources.modals:
                modal = True
        if node.head.i == node.i:
            break
        node = node.head
        steps += 1
    return negated, modal


def find_stances(doc: Doc, sentence: Span, resources: Resources) -> list[Mention]:
    """One stance mention per topic named in the sentence (``kind`` = topic)."""
    words = token_strings(doc)
    forms = list(
        zip(
            words.lower[sentence.start : sentence.end],
            words.lemma[sentence.start : sentence.end],
            strict=True,
        )
    )
    out = []
    for topic, cues in resources.stance_topics.items():
        hit = first_cue(sentence, cues, forms)
        if hit is None:
            continue
        negated, modal = _negated_or_modal(hit[-1], resources)
        stance = ("negative" if negated else "positive") + (":possible" if modal else ":asserted")
        out.append(
            Mention(sentence.text, sentence.start_char, sentence.end_char, value=stance, kind=topic)
        )
    return out
