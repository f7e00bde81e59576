"""What several rules read of one parsed document, computed once per document.

``Doc.text`` joins every token's text at each access, and ``Doc.ents`` builds a new
span for every entity at each access; rules that read them once per article each
paid that again (about a tenth of the rules' time). Both are kept in the document's
``user_data`` the first time they are asked for: nothing changes a document's
tokens or entities once the pipeline has run.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

_TEXT = "presskb_text"
_ENTS = "presskb_ents"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once (call only after the pipeline, whose rulers set them)."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
    return tuple(ents)
