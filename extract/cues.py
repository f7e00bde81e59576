"""Find cue phrases (tuples of lower-cased words) in a run of tokens.

A word of a cue matches a token's lemma or its lower-cased form, so "legal
proceeding" finds "legal proceedings" and "take down" finds "taken down".
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token


def cue_at(forms: Sequence[tuple[str, str]], cue: tuple[str, ...], at: int) -> bool:
    """True when ``cue`` starts at position ``at`` of the tokens whose ``forms`` these are."""
    if at + len(cue) > len(forms):
        return False
    return all(word in forms[at + k] for k, word in enumerate(cue))


def first_cue(
    tokens: Span, cues: Sequence[tuple[str, ...]], forms: Sequence[tuple[str, str]]
) -> list[Token] | None:
    """The tokens of the earliest cue occurrence in ``tokens`` (ties: the cue listed
    first); ``forms``: each token's lower-cased form and lemma, read once for every cue
    list tested on the same tokens (reading them is most of the cost of a test)."""
    firsts = {cue[0] for cue in cues}
    for at, (lower, lemma) in enumerate(forms):
        if lower not in firsts and lemma not in firsts:
            continue
        for cue in cues:
            if cue_at(forms, cue, at):
                return list(tokens[at : at + len(cue)])
    return None
