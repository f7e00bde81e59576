"""Titles written beside a person's name, kept exactly as written.

A title is recognised by shape, from ``titles.yml``: a run of title words right
before the name ("Minister of State for Information Attaullah Tarar", "India's
Deputy Foreign Minister Kirti Singh", "Minister for Interior, Mohsin Naqvi," at the
start of a clause) or in apposition after it ("Mohsin Naqvi, the interior
minister,"). The run must hold a head word ("Minister"); honorifics
next to the name ("Barrister") are titles of their own.
"""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Doc, Span, Token

from extract.model import Mention
from extract.resources import Resources

_CHAIN_POS = frozenset({"PROPN", "NOUN", "ADJ"})
_CLAUSE_OPENERS = frozenset({":", "—", "–", "-", "(", '"', "“"})


def _is_chain_word(token: Token, resources: Resources) -> bool:
    lowered = token.lower_
    if lowered in resources.title_connectors or lowered in resources.honorifics:
        return True
    if lowered in resources.title_heads and token.is_alpha:
        return True
    if token.is_punct or token.like_num or token.pos_ not in _CHAIN_POS:
        return lowered in resources.honorifics
    return token.ent_type_ not in ("PERSON", "DATE", "PLATFORM")


def _trim(tokens: list[Token], resources: Resources) -> list[Token]:
    """Drop connectors and nationality words from the left end of a chain."""
    while tokens and (
        tokens[0].lower_ in resources.title_connectors
        or tokens[0].ent_type_ in ("NORP", "GPE")
        or tokens[0].pos_ == "DET"
    ):
        tokens = tokens[1:]
    while tokens and tokens[-1].lower_ in resources.title_connectors:
        tokens = tokens[:-1]
    return tokens


def _split(tokens: list[Token], resources: Resources) -> list[list[Token]]:
    """Peel honorifics next to the name off the chain; keep the rest if it has a head.

    An honorific after a connector belongs to the title phrase ("Law and Justice").
    """
    titles: list[list[Token]] = []
    while (
        tokens
        and tokens[-1].lower_ in resources.honorifics
        and not (len(tokens) > 1 and tokens[-2].lower_ in resources.title_connectors)
    ):
        titles.insert(0, [tokens[-1]])
        tokens = _trim(tokens[:-1], resources)
    heads = [t for t in tokens if t.lower_ in resources.title_heads]
    if heads and not _plural(heads[-1], resources):  # "State Ministers X and Y" is shared
        titles.insert(0, tokens)
    return titles


def _plural(token: Token, resources: Resources) -> bool:
    lowered = token.lower_
    return token.tag_ in ("NNS", "NNPS") or (
        lowered.endswith("s") and lowered[:-1] in resources.title_heads
    )


def _mention(doc: Doc, tokens: list[Token]) -> Mention:
    span = doc[tokens[0].i : tokens[-1].i + 1]
    return Mention(span.text, span.start_char, span.end_char, kind="title")


def titles_before(name: Span, resources: Resources, names: Set[int]) -> list[Mention]:
    """Titles written right before the name, or before a comma at a clause start.

    ``names`` holds the token indices of every name in the document: a title never
    reaches back across another person's name.
    """
    doc = name.doc
    floor = name.sent.start
    i = name.start - 1
    comma = False
    if i >= floor and doc[i].text == ",":
        comma = True
        i -= 1
    if i >= floor and doc[i].lower_ in resources.title_connectors:
        return []  # "a spokesman for Imran Khan" is not Imran Khan's title
    chain: list[Token] = []
    while i >= floor and i not in names and _is_chain_word(doc[i], resources):
        if doc[i].lower_ in resources.courtesy:
            if chain:
                break
            i -= 1  # "spokesperson Sheikh Waqas Akram": the courtesy word is not the title
            continue
        chain.insert(0, doc[i])
        i -= 1
    possessive = i >= floor and doc[i].text in ("'s", "’s")  # "Pakistan's" owns, not titles
    if comma and not possessive and i >= floor and doc[i].text not in _CLAUSE_OPENERS:
        return []
    chain = _trim(chain, resources)
    return [_mention(doc, t) for t in _split(chain, resources) if t]


def titles_after(name: Span, resources: Resources, names: Set[int]) -> list[Mention]:
    """A title in apposition: "Mohsin Naqvi, the interior minister, said"."""
    doc = name.doc
    end = name.sent.end
    i = name.end
    if i >= end or doc[i].text != ",":
        return []
    i += 1
    if i < end and doc[i].pos_ == "DET":
        i += 1
    if i + 1 < end and doc[i + 1].text in ("'s", "’s"):
        i += 2
    chain: list[Token] = []
    while i < end and i not in names and _is_chain_word(doc[i], resources):
        chain.append(doc[i])
        i += 1
    if i < end and doc[i].text not in (",", ".", ";", "(", ")"):
        return []
    chain = _trim(chain, resources)
    if not chain or not any(t.lower_ in resources.title_heads for t in chain):
        return []
    return [_mention(doc, chain)]


def strip_title_words(name: Span, resources: Resources) -> Span:
    """Remove title, honorific and courtesy words that NER put inside a PERSON span.

    "Barrister Ayesha Khan" becomes "Ayesha Khan"; :func:`titles_before` then finds
    "Barrister" as a title, since it now stands before the name.
    """
    doc = name.doc
    start = name.start
    vocabulary = resources.honorifics | resources.courtesy | resources.title_heads
    while start < name.end - 1 and (
        doc[start].lower_ in vocabulary or doc[start].lower_ in resources.title_connectors
    ):
        start += 1
    end = name.end
    while end - 1 > start and (doc[end - 1].text in ("'s", "’s", "'") or not doc[end - 1].is_alpha):
        end -= 1  # "Elon Musk 24 hours": NER ran on into a number
    while (
        end + 1 < name.sent.end
        and doc[end].text in ("-", "‐")
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_title
    ):
        end += 2  # "Julie Inman-Grant": a name is whole across its hyphen
    return doc[start:end]
