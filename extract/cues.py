"""Find cue phrases (tuples of lower-cased words) in a run of tokens.

A word of a cue matches a token's lemma or its lower-cased form, so "legal
proceeding" finds "legal proceedings" and "take down" finds "taken down".
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token


def _word_matches(token: Token, word: str) -> bool:
    return token.lower_ == word or token.lemma_.casefold() == word


def cue_at(tokens: Sequence[Token], cue: tuple[str, ...], at: int) -> bool:
    """True when ``cue`` starts at position ``at`` of ``tokens``."""
    if at + len(cue) > len(tokens):
        return False
    return all(_word_matches(tokens[at + k], word) for k, word in enumerate(cue))


def first_cue(tokens: Sequence[Token], cues: Sequence[tuple[str, ...]]) -> list[Token] | None:
    """The tokens of the earliest cue occurrence in ``tokens`` (ties: the cue listed first)."""
    firsts = {cue[0] for cue in cues}
    for at, token in enumerate(tokens):
        if token.lower_ not in firsts and token.lemma_.casefold() not in firsts:
            continue
        for cue in cues:
            if cue_at(tokens, cue, at):
                return list(tokens[at : at + len(cue)])
    return None
