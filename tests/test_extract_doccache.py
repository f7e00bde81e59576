"""What rules read of a document more than once is computed once, and is what spaCy gives."""

from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.language import Language

from extract.doccache import doc_ents, doc_text, positions
from extract.pipeline import line_boundaries

# Written for this test: a headline line, a dateline, a name, a platform and a group.
TEXT = (
    "Regulator fines video app\nLAGOS, May 3 -\n\nThe regulator said on Friday that TikTok"
    " must pay a fine, and Lena Okafor of the Citizens Watch Alliance welcomed it.  \n"
)


def test_doc_text_and_doc_ents_are_spacys_own(nlp: Language):
    doc = nlp(TEXT)
    assert doc_text(doc) == doc.text == TEXT
    assert [(e.start, e.end, e.label_, e.ent_id_) for e in doc_ents(doc)] == [
        (e.start, e.end, e.label_, e.ent_id_) for e in doc.ents
    ]


def test_doc_ents_are_built_once_per_document(nlp: Language):
    doc = nlp(TEXT)
    first = doc_ents(doc)
    assert first and all(a is b for a, b in zip(first, doc_ents(doc), strict=True))
    assert doc_ents(nlp(TEXT)) is not first


def _per_token(doc):
    """The rule as written token by token: after a token holding a line break, a start."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


def test_line_boundaries_start_a_sentence_after_every_line_break(nlp: Language):
    texts = [TEXT, "one\ntwo", "\n\nlead", "no break at all", "ends with one\n", "x", ""]
    for text in texts:
        expected = _per_token(nlp.make_doc(text)).to_array([SENT_START]).tolist()
        assert line_boundaries(nlp.make_doc(text)).to_array([SENT_START]).tolist() == expected
    doc = line_boundaries(nlp.make_doc(TEXT))
    assert [t.text for t in doc if t.is_sent_start] == ["Regulator", "LAGOS", "The"]


def test_positions_are_the_tokens_a_loop_over_the_document_finds(nlp: Language):
    """By text (with case), by lower-cased text and by number shape, including words
    spaCy keeps as symbols with fixed ids ("X", "ORG")."""
    doc = nlp(
        "X (formerly Twitter) said 3,000 ORG accounts and twelve x posts went down; "
        "the Minister said (again) that X must act."
    )
    cases = [
        ({"X", "("}, set(), False),
        (set(), {"x", "minister", "accounts"}, False),
        ({"ORG"}, {"said"}, True),
        (set(), set(), True),
        (set(), set(), False),
    ]
    for texts, lowers, numbers in cases:
        expected = [
            t.i for t in doc if t.text in texts or t.lower_ in lowers or (numbers and t.like_num)
        ]
        assert positions(doc, frozenset(texts), frozenset(lowers), numbers) == expected
    assert positions(doc, texts=frozenset({"X"}))  # the platform's name is found
