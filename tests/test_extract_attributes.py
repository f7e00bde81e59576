"""The array attribute ruler and lemmatizer set exactly what the trained components set."""

from __future__ import annotations

import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from extract.attributes import ArrayAttributeRuler, ArrayLemmatizer, use_array_components
from extract.pipeline import MODEL

# Written for this test: pronouns, determiners, modals, auxiliaries, subordinators,
# an expletive, contractions the two-token patterns cover, and runs of whitespace.
TEXTS = [
    "She told him that it was hers, but they said nothing to anyone.\n\n  The ministry,"
    " which had asked for the data, said there were gon na be changes.",
    "If the board agrees, those accounts will be removed; we'd have done it ourselves."
    " Let's see whether anybody objects, y'all.",
    "Ain't nobody here. I did what I could, and he has had enough.\n\n\n",
    "",
]


def _annotations(nlp, text):
    doc = nlp(text)
    return doc.to_array([TAG, POS, MORPH, LEMMA, DEP, HEAD]).tolist(), [str(t.morph) for t in doc]


def test_array_components_match_the_trained_ones_token_for_token():
    trained = spacy.load(MODEL, exclude=["ner"])
    fast = use_array_components(spacy.load(MODEL, exclude=["ner"]))
    assert "attribute_ruler" not in fast.pipe_names
    assert isinstance(fast.get_pipe("lemmatizer"), ArrayLemmatizer)
    for text in TEXTS:
        assert _annotations(fast, text) == _annotations(trained, text)


def test_patterns_the_arrays_cannot_test_go_to_the_fallback_matcher():
    nlp = spacy.load(MODEL, exclude=["ner"])
    ruler = ArrayAttributeRuler(nlp.get_pipe("attribute_ruler"))  # type: ignore[arg-type]
    fallback = [step for step in ruler.steps if step.key]
    assert fallback and len(fallback) < len(ruler.steps) / 10
    assert all(len(ruler.fallback.get(step.key)[1]) for step in fallback)


def test_the_array_lemmatizer_keeps_the_trained_tables(nlp):
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, ArrayLemmatizer)
    assert lemmatizer.lookups.has_table("lemma_rules")


def test_the_array_ruler_works_each_row_of_tested_attributes_out_once():
    nlp = spacy.load(MODEL, exclude=["ner"])
    trained = nlp.get_pipe("attribute_ruler")
    ruler = ArrayAttributeRuler(trained)  # type: ignore[arg-type]
    before = nlp(
        "The ministry said they were gon na act.", disable=["attribute_ruler", "lemmatizer"]
    )
    ruler(before)
    rows = len(ruler._rows)
    # Words no pattern names ("ministry", "act", "cabinet", "vote") share the rows of their tags.
    again = nlp(
        "The cabinet said they were gon na vote.", disable=["attribute_ruler", "lemmatizer"]
    )
    ruler(again)
    assert len(ruler._rows) == rows
    expected = nlp("The cabinet said they were gon na vote.", disable=["lemmatizer"])
    assert (
        again.to_array([TAG, POS, MORPH]).tolist() == expected.to_array([TAG, POS, MORPH]).tolist()
    )
