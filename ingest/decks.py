"""The standfirst a page prints under its headline, which trafilatura often leaves out.

News pages set the one- or two-sentence summary under the headline ("deck", "dek",
"standfirst", "lede") in its own element outside the article body, and trafilatura's
body extraction drops it on many layouts (corpus/dev4 and dev5 lose 3 of the 18 decks
their pages carry). The deck is the outlet's own words about the story, often the only
place a figure or a speaker's claim is summarised, so the gold counts it as body. It is
found by the class its element carries (``deck_classes`` in ``data/boilerplate.yml``)
between the page's headline and the start of the extracted body, and put back as the
body's first line when the body does not already hold it.
"""

from __future__ import annotations

import re

import lxml.html
from lxml.etree import ParserError

_SPACE = re.compile(r"\s+")
# A deck is a line or two of prose: anything longer is the body or a summary box.
MAX_DECK_CHARS = 400


def _fold(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _classes(element: lxml.html.HtmlElement) -> set[str]:
    return set((element.get("class") or "").casefold().split())


def with_deck(data: bytes, body: str, deck_classes: frozenset[str]) -> str:
    """``body`` with the page's deck as its first line, when the body lacks it."""
    try:
        root = lxml.html.fromstring(data)
    except (ParserError, ValueError):
        return body
    headline = next(root.iter("h1"), None)
    if headline is None:
        return body
    folded_body = _fold(body)
    opening = folded_body[:60]
    after_headline = False
    for element in root.iter():
        if element is headline:
            after_headline = True
            continue
        if not after_headline or not isinstance(element.tag, str):
            continue
        text = _fold(element.text_content())
        if opening and text.startswith(opening):
            return body
        if not (_classes(element) & deck_classes) or not 0 < len(text) <= MAX_DECK_CHARS:
            continue
        if text in folded_body:
            return body
        return f"{text}\n{body}"
    return body
