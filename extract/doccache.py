"""What several rules read of one parsed document, computed once per document.

``Doc.text`` joins every token's text at each access, and ``Doc.ents`` builds a new
span for every entity at each access; rules that read them once per article each
paid that again (about a tenth of the rules' time). Both are kept in the document's
``user_data`` the first time they are asked for: nothing changes a document's
tokens or entities once the pipeline has run. So are its datelines, which depend on
the text alone.

Rules that look for a few words over the whole document (an opening bracket, a title
word, an account noun) built a ``Token`` object for every token to read its text;
:func:`positions` finds the tokens first, by one vectorised test over the document's
attribute array, so the rules build tokens only where a word is.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

import numpy
from spacy.attrs import DEP, IDX, LEMMA, LIKE_NUM, LOWER, ORTH, POS, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ingest.wire import datelines

_TEXT = "presskb_text"
_ENTS = "presskb_ents"
_ARRAYS = "presskb_arrays"
_DATELINES = "presskb_datelines"
_CAPITALS = "presskb_capitals"
_STRINGS = "presskb_strings"
_STRING_COLUMNS = (ORTH, LEMMA, LOWER, POS, TAG, DEP)
_QUOTE_CHARS = frozenset("\"“”'‘’")
_COLUMNS = (ORTH, LOWER, LIKE_NUM)


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)


def doc_datelines(doc: Doc) -> tuple[tuple[int, int], ...]:
    """The character spans of the datelines that open lines, and where each story
    starts (:func:`ingest.wire.datelines`), found once: the sentence boundaries and the
    organisations both read them."""
    found = doc.user_data.get(_DATELINES)
    if found is None:
        found = doc.user_data[_DATELINES] = tuple(datelines(doc_text(doc)))
    return tuple(found)


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once (call only after the pipeline, whose rulers set them)."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
    return tuple(ents)


@lru_cache(maxsize=64)
def _hashes(words: frozenset[str]) -> numpy.ndarray:
    """The string-store hashes of ``words``, as ``Doc.to_array`` gives them."""
    return numpy.array([get_string_id(w) for w in words if w], dtype=numpy.uint64)


def _arrays(doc: Doc) -> numpy.ndarray:
    """The document's ``ORTH``, ``LOWER`` and ``LIKE_NUM`` columns, read once."""
    arrays = doc.user_data.get(_ARRAYS)
    if arrays is None:
        arrays = doc.user_data[_ARRAYS] = doc.to_array(list(_COLUMNS))
    return numpy.asarray(arrays).reshape(len(doc), len(_COLUMNS))


def positions(
    doc: Doc,
    texts: Collection[str] = frozenset(),
    lowers: Collection[str] = frozenset(),
    numbers: bool = False,
) -> list[int]:
    """Indices, in order, of the tokens whose text is one of ``texts``, whose lower-cased
    text is one of ``lowers``, or (``numbers``) that look like a number. Words alone are
    tested on the token strings (a third of the array test's time on a news article)."""
    if not numbers:
        words = token_strings(doc)
        return [
            k
            for k, (text, lower) in enumerate(zip(words.text, words.lower, strict=True))
            if text in texts or lower in lowers
        ]
    arrays = _arrays(doc)
    found = numpy.zeros(len(doc), dtype=bool)
    if texts:
        found |= numpy.isin(arrays[:, 0], _hashes(frozenset(texts)))
    if lowers:
        found |= numpy.isin(arrays[:, 1], _hashes(frozenset(lowers)))
    if numbers:
        found |= arrays[:, 2] != 0
    return [int(i) for i in numpy.flatnonzero(found)]


def capitalised_or_quoted(doc: Doc) -> frozenset[int]:
    """Indices of the tokens that start with a capital letter, a digit or a quotation
    mark, found once from the text and the tokens' offsets: the only places a proper
    name can start, so a rule looking for names builds no token anywhere else."""
    found = doc.user_data.get(_CAPITALS)
    if found is None:
        text = doc_text(doc)
        offsets = cast(list[int], doc.to_array([IDX]).reshape(-1).tolist() if len(doc) else [])
        found = doc.user_data[_CAPITALS] = frozenset(
            i
            for i, k in enumerate(offsets)
            if (c := text[k]).isupper() or c.isdigit() or c in _QUOTE_CHARS
        )
    return cast(frozenset[int], found)


@dataclass(frozen=True)
class TokenStrings:
    """Each token's text, lemma (case-folded), lower-cased text, part of speech, tag and
    dependency label, by token index."""

    text: list[str]
    lemma: list[str]
    lower: list[str]
    pos: list[str]
    tag: list[str]
    dep: list[str]


def token_strings(doc: Doc) -> TokenStrings:
    """The words rules test most, read once from the document's attribute array: a loop
    that tests them for every token of every sentence built a ``Token`` for each (most
    of the rules' time), where it now builds one only for the words that pass."""
    found = doc.user_data.get(_STRINGS)
    if found is None:
        values = doc.to_array(list(_STRING_COLUMNS)).ravel()
        distinct, where = numpy.unique(values, return_inverse=True)
        strings = doc.vocab.strings
        words = [strings[h] for h in distinct.tolist()]  # each string looked up once
        table = list(map(words.__getitem__, where.ravel().tolist()))
        width = len(_STRING_COLUMNS)
        text, lemma, lower, pos, tag, dep = (table[j::width] for j in range(width))
        found = doc.user_data[_STRINGS] = TokenStrings(
            text, [w.casefold() for w in lemma], lower, pos, tag, dep
        )
    return cast(TokenStrings, found)
