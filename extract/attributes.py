"""The model's rule components as array operations: the same attributes, a fraction of the cost.

The trained pipeline's ``attribute_ruler`` maps each fine tag to its coarse part of
speech and morphology, then applies exceptions ("her" as a pronoun, "that" as a
subordinator). spaCy runs all of its ~180 patterns through one token ``Matcher``,
which cost about an eighth of the whole pipeline on news text. Almost every pattern
tests one token for equality or membership on ``TAG``, ``LOWER``, ``DEP`` or
``IS_SPACE``; such a test is a vectorised comparison over the document's attribute
arrays. The few others (two-token patterns, regular expressions) stay in a small
``Matcher``.

The semantics are the ruler's own: every pattern is tested on the document as it was
before any attribute is set, and patterns are applied in the order they were added,
so that a later one overwrites an earlier one attribute by attribute.

The rule lemmatizer's answer is a function of a token's text, part of speech and
morphology only (it caches on exactly those), so :class:`ArrayLemmatizer` asks it once
per distinct triple and sets every lemma from one array.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

_TESTED = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_READ = (TAG, LOWER, DEP, IS_SPACE)
_WRITTEN = (TAG, POS, MORPH, LEMMA, DEP)
Mask = Callable[[numpy.ndarray], numpy.ndarray]
_UNNAMED = 0  # the hash of the empty string, which no token is


@dataclass(frozen=True)
class _Step:
    """One pattern of the ruler: either a vectorised test or a fallback matcher key."""

    attrs: dict[int, int]
    number: int
    masks: tuple[Mask, ...] = ()
    key: str = ""
    index: int = 0


def _hash(vocab: Vocab, value: object) -> int:
    return int(value) if isinstance(value, bool) else int(vocab.strings.add(str(value)))


def _test(vocab: Vocab, column: int, spec: object) -> Mask | None:
    """A vectorised test of one token attribute, or None for a form it does not cover."""
    if isinstance(spec, dict):
        if len(spec) != 1 or next(iter(spec)) not in ("IN", "NOT_IN"):
            return None
        op, values = next(iter(spec.items()))
        wanted = numpy.array([_hash(vocab, v) for v in values], dtype=numpy.uint64)
        negate = op == "NOT_IN"
        return lambda a: numpy.isin(a[:, column], wanted, invert=negate)
    if not isinstance(spec, (str, bool)):
        return None
    value = numpy.uint64(_hash(vocab, spec))
    return lambda a: a[:, column] == value


def _pattern_mask(vocab: Vocab, pattern: Sequence[dict[str, Any]]) -> Mask | None:
    """The mask of a one-token pattern, or None when the fallback matcher must run it."""
    if len(pattern) != 1 or not pattern[0] or not set(pattern[0]) <= set(_TESTED):
        return None
    tests = [_test(vocab, _READ.index(_TESTED[k]), v) for k, v in pattern[0].items()]
    if any(t is None for t in tests):
        return None
    checks = [t for t in tests if t is not None]

    def mask(arrays: numpy.ndarray) -> numpy.ndarray:
        out = checks[0](arrays)
        for check in checks[1:]:
            out &= check(arrays)
        return out

    return mask


def _tested_lowers(vocab: Vocab, patterns: Sequence[dict[str, Any]]) -> set[int]:
    """Every lower-cased word a pattern of the ruler tests for."""
    out: set[int] = set()
    for pattern in patterns:
        for token_pattern in pattern["patterns"]:
            for token in token_pattern:
                spec = token.get("LOWER")
                words = spec if isinstance(spec, dict) else {"": [spec]} if spec else {}
                out.update(_hash(vocab, w) for ws in words.values() for w in ws)
    if _UNNAMED in out:
        raise ValueError("an attribute ruler pattern tests for the empty word")
    return out


class ArrayAttributeRuler:
    """Sets what a trained ``AttributeRuler`` sets, from its own patterns and attributes."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        self.fallback = Matcher(ruler.vocab)
        steps = []
        for number, (pattern, attrs, index) in enumerate(
            zip(ruler.patterns, ruler.attrs, ruler.indices, strict=True)
        ):
            if set(attrs) - set(_WRITTEN):
                raise ValueError(f"attribute ruler pattern {number} sets an unsupported attribute")
            token_patterns: list[list[dict[str, Any]]] = pattern["patterns"]  # type: ignore[assignment]
            masks = [_pattern_mask(ruler.vocab, p) for p in token_patterns]
            if index == 0 and all(m is not None for m in masks):
                steps.append(
                    _Step(dict(attrs), number, masks=tuple(m for m in masks if m is not None))
                )
            else:
                key = f"step{number}"
                self.fallback.add(key, token_patterns)
                steps.append(_Step(dict(attrs), number, key=key, index=index))
        self.steps = tuple(steps)
        self._by_key = {step.key: step for step in steps if step.key}
        self._rows: dict[bytes, tuple[numpy.ndarray, numpy.ndarray]] = {}
        self._lowers = numpy.array(
            sorted(_tested_lowers(ruler.vocab, ruler.patterns)), dtype=numpy.uint64
        )

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        before = doc.to_array(list(_READ))
        # A word no pattern names tests as any other such word: one row for all of them.
        lower = before[:, _READ.index(LOWER)]
        lower[~numpy.isin(lower, self._lowers)] = _UNNAMED
        keys, inverse = numpy.unique(before, axis=0, return_inverse=True)
        last, values = self._by_row(keys)
        last, values = last[inverse.reshape(-1)], values[inverse.reshape(-1)]
        for match_id, start, end in self.fallback(doc, allow_missing=True):
            step = self._by_key[self.vocab.strings[match_id]]
            row = range(start, end)[step.index]
            for attr, value in step.attrs.items():
                column = _WRITTEN.index(attr)
                if step.number > last[row, column]:
                    last[row, column], values[row, column] = step.number, value
        out = doc.to_array(list(_WRITTEN))
        hit = last >= 0
        out[hit] = values[hit]
        doc.from_array(list(_WRITTEN), out)  # type: ignore[arg-type]
        return doc

    def _by_row(self, keys: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """For each distinct row of tested attributes: per written attribute, the number
        of the last one-token pattern that sets it (-1 for none) and the value it sets.

        A one-token pattern reads only its own token's tested attributes, so the answer
        for a row never changes: it is worked out once per row for the whole run (a news
        corpus repeats a few thousand rows), then only the fallback patterns are matched.
        """
        missing = [i for i, key in enumerate(map(bytes, keys)) if key not in self._rows]
        if missing:
            rows = keys[missing]
            last = numpy.full((len(missing), len(_WRITTEN)), -1, dtype=numpy.int64)
            values = numpy.zeros((len(missing), len(_WRITTEN)), dtype=numpy.uint64)
            for step in self.steps:
                if step.key:
                    continue
                hit = step.masks[0](rows)
                for mask in step.masks[1:]:
                    hit |= mask(rows)
                for attr, value in step.attrs.items():
                    column = _WRITTEN.index(attr)
                    last[hit, column] = step.number
                    values[hit, column] = value
            for i, at in enumerate(missing):
                self._rows[bytes(keys[at])] = (last[i], values[i])
        found = [self._rows[key] for key in map(bytes, keys)]
        return (
            numpy.stack([f[0] for f in found]),
            numpy.stack([f[1] for f in found]),
        )


class ArrayLemmatizer:
    """Sets what a trained rule ``Lemmatizer`` sets (lemmas not yet set), one call per
    distinct (text, part of speech, morphology)."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        if lemmatizer.mode != "rule":
            raise ValueError(f"only a rule lemmatizer can be read by key, not {lemmatizer.mode!r}")
        self.lemmatizer = lemmatizer
        self.overwrite = lemmatizer.overwrite
        self.known: dict[tuple[int, int, int], int] = {}

    @property
    def lookups(self) -> Any:
        """The trained lemmatizer's tables (the candidate filter reads its rules)."""
        return self.lemmatizer.lookups

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        known = self.known
        keep = not self.overwrite
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and keep:
                lemmas.append(lemma)
                continue
            found = known.get((orth, pos, morph))
            if found is None:
                found = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                known[(orth, pos, morph)] = found
            lemmas.append(found)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))  # type: ignore[arg-type]
        return doc


@Language.factory("array_lemmatizer")
def _array_lemmatizer(nlp: Language, name: str) -> ArrayLemmatizer:
    """Built from the pipeline's trained ``lemmatizer`` (see below)."""
    return ArrayLemmatizer(nlp.get_pipe("trained_lemmatizer"))  # type: ignore[arg-type]


@Language.factory("array_attribute_ruler")
def _array_attribute_ruler(nlp: Language, name: str) -> ArrayAttributeRuler:
    """Built from the pipeline's trained ``attribute_ruler`` (see below)."""
    return ArrayAttributeRuler(nlp.get_pipe("attribute_ruler"))  # type: ignore[arg-type]


def use_array_components(nlp: Language) -> Language:
    """Swap the pipeline's ``attribute_ruler`` and rule ``lemmatizer`` for their array forms."""
    trained = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(trained, AttributeRuler):
        nlp.add_pipe("array_attribute_ruler", before="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    trained = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if isinstance(trained, Lemmatizer) and trained.mode == "rule":
        nlp.rename_pipe("lemmatizer", "trained_lemmatizer")
        nlp.add_pipe("array_lemmatizer", name="lemmatizer", after="trained_lemmatizer")
        nlp.remove_pipe("trained_lemmatizer")
    return nlp
