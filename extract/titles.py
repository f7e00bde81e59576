"""Titles written beside a person's name, kept exactly as written.

A title is recognised by shape, from ``titles.yml``, never listed whole: a run of
title words that holds a head word (an office, "Minister"; a trade, "activist"; an
acronym office, "NSA"), read from the name outwards and stopped by anything that is
no title word. The procedure, one step per construction of news English:

- before the name: "India's Deputy Foreign Minister X", "Minister for Interior, X,"
  at a clause start, "Secretary, Ministry of Ports, Shri X"; honorifics next to the
  name are titles of their own ("Barrister", "Sen.": "Democratic Sen. X" is "Sen.");
- in apposition after it, closed by a comma or the sentence's end: "X, the interior
  minister,", "X, an analyst at Y,", through an office participle ("the council
  member representing Y,"), to the end of an organisation's name it enters, and as
  two titles when coordinated with a new article ("the head of A and a former
  director of B,");
- an owner named with a possessive stays with a descriptive title and goes from a
  formal office (:func:`_keeps_owner`), before or after the name alike; a possessive
  inside the title's object stays ("a spokeswoman for China's foreign ministry");
- an office in a relative clause ("X, who heads the cyber unit at Y, said",
  ``office_verbs``) is a title written from "who" to the end of its object.

An unsure run is left out rather than cut short: an appositive not closed where the
title ends, a phrase with a verb of its own, or a run that reaches another name.
"""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Doc, Span, Token

from extract.model import QUOTE_MARKS, Mention
from extract.organisations import acronym_gloss, named_as_organisation
from extract.resources import Resources

_CHAIN_POS = frozenset({"PROPN", "NOUN", "ADJ"})
_CLAUSE_OPENERS = frozenset({":", "—", "–", "-", "(", '"', "“"})


def _is_chain_word(token: Token, resources: Resources) -> bool:
    lowered = token.lower_
    if lowered in resources.title_connectors or lowered in resources.honorifics:
        return True
    if lowered in resources.title_heads and token.is_alpha:
        return True
    if token.tag_ in ("VBG", "VBN") and token.dep_ in ("amod", "compound"):
        return token.head.i > token.i  # "managing director", "acting president"
    if token.is_punct or token.like_num or token.pos_ not in _CHAIN_POS:
        return lowered in resources.honorifics
    if token.ent_type_ == "PLATFORM":  # "head of security policy at Facebook"
        doc = token.doc
        if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in resources.informal_heads:
            return True  # "Twitter owner X": the title reads as the platform's
        return token.i > 0 and doc[token.i - 1].lower_ in resources.title_connectors
    if token.ent_type_ == "PERSON":
        start = token.i
        while start > 0 and token.doc[start].ent_iob_ == "I":
            start -= 1
        return token.text in resources.organisation_words or named_as_organisation(
            token.doc, start, resources
        )
    return token.ent_type_ != "DATE"


_POSSESSIVE = frozenset({"'s", "’s"})
_OWNERS = frozenset({"GPE", "NORP", "LOC", "ORG", "PLATFORM"})


def _trim(
    tokens: list[Token], resources: Resources, heads: frozenset[str] | None = None
) -> list[Token]:
    """Drop connectors and articles from the ends of a chain ("US Attorney General"
    and "Russian President" keep their country: it is written as part of the title);
    ``heads``: the words that head a title here (by default ``title_heads``)."""
    while tokens and (tokens[0].lower_ in resources.title_connectors or tokens[0].pos_ == "DET"):
        tokens = tokens[1:]
    tokens = _past_things(tokens, resources, heads or resources.title_heads)
    while (
        len(tokens) > 1
        and tokens[0].ent_type_ in ("GPE", "LOC")
        and tokens[1].lower_ in resources.title_connectors
        and (len(tokens) < 3 or tokens[2].ent_type_ not in ("GPE", "LOC"))  # "Asia and Pacific"
    ):
        tokens = tokens[2:]  # "Senator X of Georgia and Representative Y": not Y's title
    while tokens and tokens[-1].lower_ in resources.title_connectors:
        tokens = tokens[:-1]
    return tokens


def _past_things(tokens: list[Token], resources: Resources, heads: frozenset[str]) -> list[Token]:
    """Drop lower-case words before a connector that hold no head: "a post on the
    verified handle of President X" names things of the President's, and the title
    is "President". An "and" after an adjective joins the fields of one title ("top
    legal and policy executive") and cuts nothing."""
    while True:
        cut = next(
            (
                k
                for k, t in enumerate(tokens)
                if t.lower_ in resources.title_connectors
                and not (t.lower_ == "and" and k > 0 and tokens[k - 1].pos_ == "ADJ")
            ),
            None,
        )
        if not cut or not all(t.is_lower and t.lower_ not in heads for t in tokens[:cut]):
            return tokens
        tokens = tokens[cut + 1 :]
        while tokens and (
            tokens[0].lower_ in resources.title_connectors or tokens[0].pos_ == "DET"
        ):
            tokens = tokens[1:]


def _rank_acronym(tokens: list[Token], resources: Resources) -> bool:
    """ "police spokesman SP X", "Deputy Inspector General DIG X": a rank written as an
    acronym between an office and the name is a title of its own; one capitalised word
    before it modifies it ("Deputy AG X")."""
    last = tokens[-1]
    office = _trim(tokens[:-1], resources)
    return (
        last.is_upper
        and len(last) > 1
        and last.lower_ in resources.title_heads
        and (len(office) > 1 or (bool(office) and office[-1].pos_ == "NOUN"))
    )


def _peeled_honorific(tokens: list[Token], resources: Resources) -> bool:
    last = tokens[-1]
    return (
        last.lower_ in resources.honorifics
        and not last.is_lower  # "Independent senator": a lower-case word heads a title
        and not (len(tokens) > 1 and tokens[-2].lower_ in resources.title_connectors)
        and not (
            len(tokens) > 1
            and last.lower_ in resources.title_heads
            and tokens[-2].lower_ in resources.title_heads
        )
    )


def _split(tokens: list[Token], resources: Resources) -> list[list[Token]]:
    """Peel honorifics next to the name off the chain; keep the rest if it has a head.

    An honorific after a connector belongs to the title phrase ("Law and Justice"),
    and so does one that is itself a head word after a head ("Attorney General",
    "Lieutenant General") or after words that are no title alone ("Supreme Court
    Justice").
    """
    titles: list[list[Token]] = []
    rank = _rank_ending(tokens, resources)
    if rank and _headed(_trim(tokens[:-rank], resources), resources):
        titles.append(tokens[-rank:])  # "Interior Minister Lieutenant General X"
        tokens = _trim(tokens[:-rank], resources)
    while (
        tokens
        and _headed(_trim(tokens[:-1], resources), resources)
        and (_rank_acronym(tokens, resources) or _peeled_honorific(tokens, resources))
    ):
        titles.insert(0, [tokens[-1]])
        tokens = _trim(tokens[:-1], resources)
    heads = [t for t in tokens if t.lower_ in resources.title_heads]
    if heads and not _plural(heads[-1], resources):  # "State Ministers X and Y" is shared
        titles.insert(0, tokens)
    elif not heads and not titles and tokens and _bare_honorific(tokens[-1], resources):
        # "Democratic Sen. X": the party word is no title; "Lt. Gen. X": abbreviated
        # ranks written together are one rank.
        start = len(tokens) - 1
        while start > 0 and _bare_honorific(tokens[start - 1], resources):
            start -= 1
        titles = [tokens[start:]]
    return titles


def _rank_ending(tokens: list[Token], resources: Resources) -> int:
    """How many capitalised rank words end the chain, when they are two or more and
    something is written before them ("Director General ISPR Major General"); else 0."""
    count = 0
    while count < len(tokens) and (
        tokens[-1 - count].lower_ in resources.military_ranks and not tokens[-1 - count].is_lower
    ):
        count += 1
    return count if 2 <= count < len(tokens) else 0


def _bare_honorific(token: Token, resources: Resources) -> bool:
    return token.lower_ in resources.honorifics and not token.is_lower


def _headed(tokens: list[Token], resources: Resources) -> bool:
    """True when the words left of an honorific hold a title of their own, or none are
    left: "Supreme Court Justice" is one title, "Minister Barrister" two."""
    return not tokens or any(t.lower_ in resources.title_heads for t in tokens)


def _plural(token: Token, resources: Resources) -> bool:
    lowered = token.lower_
    return token.tag_ in ("NNS", "NNPS") or (
        lowered.endswith("s") and lowered[:-1] in resources.title_heads
    )


def _mention(doc: Doc, tokens: list[Token]) -> Mention:
    span = doc[tokens[0].i : tokens[-1].i + 1]
    return Mention(span.text, span.start_char, span.end_char, kind="title")


def _owner(doc: Doc, possessive: int, floor: int) -> list[Token]:
    """The place, body or company named before a possessive ("the European Union's",
    "Meta's")."""
    i = possessive - 1
    owner: list[Token] = []
    while i >= floor and doc[i].pos_ == "PROPN" and doc[i].ent_type_ in _OWNERS:
        owner.insert(0, doc[i])
        i -= 1
    return owner


def _keeps_owner(owner: list[Token], chain: list[Token], resources: Resources) -> bool:
    """A descriptive title keeps the name that owns it ("France's top diplomat",
    "the EU's digital enforcer"); a formal office does not ("Pakistan's Deputy
    Interior Minister", "France's minister for foreign affairs"). A platform keeps
    its name only before a scoped or informal title ("Meta's global head of safety",
    "Meta's threat boss"): "X's chief executive" is the chief executive."""
    heads = [t for t in chain if t.lower_ in resources.title_heads]
    if not heads:
        return False
    if _scoped_or_informal(chain, resources):
        return True
    if owner[-1].ent_type_ in ("ORG", "PLATFORM") and chain[0].ent_type_ in ("GPE", "LOC"):
        return True  # a firm's office for a region: "Meta's Asia-Pacific director"
    return (
        owner[-1].ent_type_ != "PLATFORM"
        and heads[-1].is_lower
        and not any(t.lower_ in resources.title_connectors for t in chain)
    )


def _scoped_or_informal(chain: list[Token], resources: Resources) -> bool:
    """A title that reads as its owner's ("global head of safety", "threat boss"): the
    owner named with it stays, whatever kind of owner it is."""
    heads = [t for t in chain if t.lower_ in resources.title_heads]
    return bool(heads) and (
        chain[0].lower_ in resources.owner_scopes or heads[-1].lower_ in resources.informal_heads
    )


def _chain_before(
    doc: Doc, i: int, floor: int, resources: Resources, names: Set[int]
) -> tuple[list[Token], int]:
    """Title words ending at token ``i``, read leftwards; and where they stop."""
    chain: list[Token] = []
    while (
        i >= floor
        and i not in names
        and (_is_chain_word(doc[i], resources) or _owner_of_body(doc[i], chain, resources))
    ):
        if courtesy := _courtesy_ending(doc, i, floor, resources):
            if chain:
                break
            i -= courtesy  # "spokesperson Sheikh X"
            continue
        chain.insert(0, doc[i])
        i -= 1
    if i > floor and doc[i].text == "," and _fields_joined(chain):
        # "Minister of Communication, Telecommunications and Digital Economy": the list
        # of portfolios goes on leftwards past its comma to the office it belongs to
        left, stop = _chain_before(doc, i - 1, floor, resources, names)
        heads = [k for k, t in enumerate(left) if t.lower_ in resources.title_heads]
        fields = left[heads[-1] + 1 :] if heads else []
        named = [t for t in fields[1:] if t.lower_ not in resources.title_connectors]
        if len(fields) >= 2 and fields[0].lower_ in ("of", "for") and _fields_joined(named, False):
            return [*left, doc[i], *chain], stop
    return chain, i


def _fields_joined(tokens: list[Token], joined: bool = True) -> bool:
    """Capitalised fields of an office ("Telecommunications and Digital Economy"),
    joined by "and" when ``joined``."""
    words = [t for t in tokens if t.lower_ != "and"]
    return (
        bool(words)
        and all(t.pos_ in ("NOUN", "ADJ", "PROPN") and t.is_title for t in words)
        and (not joined or len(words) < len(tokens))
    )


def _courtesy_ending(doc: Doc, i: int, floor: int, resources: Resources) -> int:
    """How many tokens a courtesy word ending at token ``i`` takes: one ("Shri"), two
    when the tokenizer split its period off ("Engr" "."), none for another word."""
    if doc[i].lower_ in resources.courtesy:
        return 1
    if (
        doc[i].text == "."
        and i - 1 >= floor
        and not doc[i - 1].whitespace_
        and doc[i - 1].lower_ + "." in resources.courtesy
    ):
        return 2
    return 0


def _owner_of_body(token: Token, chain: list[Token], resources: Resources) -> bool:
    """The person a body is named after, inside a title ("Harris campaign adviser")."""
    return (
        bool(chain)
        and token.pos_ == "PROPN"
        and token.ent_type_ == "PERSON"
        and chain[0].lemma_.casefold() in resources.org_named_nouns
    )


def _office_of_body(
    doc: Doc, body: list[Token], i: int, floor: int, resources: Resources, names: Set[int]
) -> list[Token]:
    """Indian official style, "Secretary, Ministry of Ports, Shri X": a head word, a
    comma, then the body it serves; the title runs from the head to the body's end."""
    if not body or body[0].lemma_.casefold() not in resources.org_named_nouns:
        return []
    if any(t.lower_ in resources.title_heads for t in body) or doc[i].text != ",":
        return []
    head, stop = _chain_before(doc, i - 1, floor, resources, names)
    head = _trim(head, resources)
    if not head or head[-1].lower_ not in resources.title_heads:
        return []
    if stop >= floor and doc[stop].text not in (",", *_CLAUSE_OPENERS):
        return []
    return [*head, doc[i], *body]


def _across_owner(
    doc: Doc, chain: list[Token], i: int, floor: int, resources: Resources, names: Set[int]
) -> tuple[list[Token], int]:
    """A possessive inside the title's object: "a spokeswoman for China's foreign
    ministry, X": words with no head, stopped at a named owner that follows a
    connector, are the object of a title that goes on to the left of the connector."""
    if i < floor or doc[i].text not in _POSSESSIVE or not chain:
        return chain, i
    if any(t.lower_ in resources.title_heads for t in chain):
        return chain, i
    owner = _owner(doc, i, floor) or _common_owner(doc, i, floor)
    before = owner[0].i - 1 if owner else -1
    if before < floor or doc[before].lower_ not in resources.title_connectors:
        return chain, i
    head, stop = _chain_before(doc, before, floor, resources, names)
    if not any(t.lower_ in resources.title_heads for t in head):
        return chain, i
    return [*head, *owner, doc[i], *chain], stop


def _common_owner(doc: Doc, possessive: int, floor: int) -> list[Token]:
    """An owner written as a common noun with its article ("the head of the country's
    media watchdog"): the place or body it refers to is not named here."""
    noun, article = possessive - 1, possessive - 2
    if article < floor or doc[noun].pos_ != "NOUN" or not doc[noun].is_lower:
        return []
    return [doc[article], doc[noun]] if doc[article].pos_ == "DET" else []


_BODY_LABELS = frozenset({"ORG", "PLATFORM", "GROUP"})


def _body_before(doc: Doc, i: int, floor: int, resources: Resources) -> int | None:
    """Where a body's name ending at token ``i`` starts, with the noun that introduces
    it ("the company Facebook", "the party "X"") and the acronym glossing it ("X
    (XYZ)"), when a title connector comes right before it: translated copy writes
    "the Head of Security Policy of the company Facebook Jane Doe"."""
    j = i
    if j - 2 >= floor and doc[j].text == ")" and doc[j - 2].text == "(":
        j -= 3
    if j >= floor and doc[j].text in QUOTE_MARKS:
        opening = next(
            (k for k in range(j - 1, max(floor, j - 9) - 1, -1) if doc[k].text in QUOTE_MARKS),
            None,
        )
        if opening is None or opening == j - 1:
            return None
        j = opening - 1
    elif j >= floor and doc[j].ent_type_ in _BODY_LABELS:
        while j > floor and doc[j].ent_iob_ == "I":
            j -= 1
        j -= 1
        while j >= floor and doc[j].pos_ == "DET":
            j -= 1
    else:
        return None
    nouns = resources.org_generic_nouns | resources.org_named_nouns
    if j >= floor and doc[j].is_lower and doc[j].lower_ in nouns:
        j -= 1  # "the company", "the party"
        while j >= floor and doc[j].pos_ == "DET":
            j -= 1
    if j < floor or doc[j].lower_ not in resources.title_connectors:
        return None
    return j + 1


def _chain_before_body(
    doc: Doc, i: int, floor: int, resources: Resources, names: Set[int]
) -> tuple[list[Token], int]:
    """Title words ending at token ``i`` (:func:`_chain_before`), through the name of
    the body the title is of when it stands right before the person
    (:func:`_body_before`)."""
    start = _body_before(doc, i, floor, resources)
    if start is not None and not any(k in names for k in range(start, i + 1)):
        chain, stop = _chain_before(doc, start - 1, floor, resources, names)
        if any(t.lower_ in resources.title_heads for t in chain):
            return [*chain, *doc[start : i + 1]], stop
    return _chain_before(doc, i, floor, resources, names)


def titles_before(name: Span, resources: Resources, names: Set[int]) -> list[Mention]:
    """Titles written right before the name, or before a comma at a clause start
    ("The armed forces chief, Lieutenant General X, said" gives both).

    ``names`` holds the token indices of every name in the document: a title never
    reaches back across another person's name.
    """
    doc = name.doc
    floor = name.sent.start
    i = name.start - 1
    found: list[Mention] = []
    for _ in range(2):
        comma = False
        while i >= floor and (courtesy := _courtesy_ending(doc, i, floor, resources)):
            i -= courtesy  # "its Chairman, Engr. X"
        if i >= floor and doc[i].text == ",":
            comma = True
            i -= 1
        if i >= floor and doc[i].lower_ in resources.title_connectors:
            break  # "a spokesman for Imran Khan" is not Imran Khan's title
        chain, i = _chain_before_body(doc, i, floor, resources, names)
        chain, i = _across_owner(doc, chain, i, floor, resources, names)
        possessive = i >= floor and doc[i].text in _POSSESSIVE
        opener = (
            i < floor
            or doc[i].text in _CLAUSE_OPENERS
            or doc[i].tag_ in ("DT", "PRP$")
            or (bool(chain) and chain[0].tag_ == "DT")  # "Soon after the minister, X,"
        )
        if comma and not possessive and not opener:
            chain = _office_of_body(doc, chain, i, floor, resources, names)
            if chain:
                found[:0] = [_mention(doc, chain)]
            break
        chain = _trim(chain, resources)
        owner = _owner(doc, i, floor) if possessive else []
        if owner and chain and _keeps_owner(owner, chain, resources):
            chain = [*owner, doc[i], *chain]
        found[:0] = [_mention(doc, t) for t in _split(chain, resources) if t]
        if possessive or not chain or comma:
            break
        if i >= floor and doc[i].tag_ in ("DT", "PRP$"):
            i -= 1
    return found


def _past_brackets(doc: Doc, i: int, end: int) -> int:
    """Past a short bracket after a name ("Mark Warner (D-Va.), the ..."): a party and
    a state, an age or a handle are not the title."""
    if i >= end or doc[i].text != "(":
        return i
    close = next((k for k in range(i + 1, min(i + 8, end)) if doc[k].text == ")"), None)
    return i if close is None else close + 1


def _determiner(token: Token) -> bool:
    """An article or a possessive determiner ("the", "a", "its", "their"): spaCy tags the
    possessives PRP$, not DET."""
    return token.pos_ == "DET" or token.tag_ == "PRP$"


def _past_home(doc: Doc, i: int, end: int) -> int:
    """Past the place a politician is from ("Senator X of Virginia, the top ..."): "of"
    and one place name, when a comma follows it."""
    if i + 2 >= end or doc[i].lower_ != "of" or doc[i + 1].ent_type_ not in ("GPE", "LOC"):
        return i
    k = i + 2
    while k < end and doc[k].ent_iob_ == "I":
        k += 1
    return k if k < end and doc[k].text == "," else i


def titles_after(name: Span, resources: Resources, names: Set[int]) -> list[Mention]:
    """A title in apposition: "Mohsin Naqvi, the interior minister, said", also past
    a short bracket ("Rep. X (R-Ohio), the committee chair, said"); an owner that is a
    common noun is written with it ("the president's spokesman"), a named one by the
    same rule as before the name (:func:`_keeps_owner`: "Brazil's president" stays
    whole, "Twitter's head of site integrity" is the head of site integrity)."""
    doc = name.doc
    end = name.sent.end
    i = _past_home(doc, _past_brackets(doc, name.end, end), end)
    if i + 2 < end and doc[i].text == "," and doc[i + 1].like_num and doc[i + 2].text == ",":
        i += 2  # "Jean Okafor, 61, the party's secretary-general, said": past the age
    if i >= end or doc[i].text != ",":
        return []
    i += 1
    owner: list[Token] = []  # "the president's spokesman": a common-noun owner stays
    if (
        i + 2 < end
        and doc[i].lower_ == "the"
        and doc[i + 1].pos_ == "NOUN"
        and doc[i + 1].is_lower
        and doc[i + 2].text in _POSSESSIVE
    ):
        owner = [doc[i], doc[i + 1], doc[i + 2]]
    definite = i < end and doc[i].lower_ == "the"
    if i < end and _determiner(doc[i]):
        i += 1  # "the interior minister", "its head of integrity": the title follows
    named: list[Token] = []  # "Meta's global threat lead", "Brazil's president"
    if i + 1 < end and doc[i + 1].text in _POSSESSIVE:
        if doc[i].pos_ == "PROPN" and doc[i].ent_type_ in _OWNERS:
            named = [doc[i], doc[i + 1]]
        i += 2
    chain, i = _chain_after(doc, i, end, resources, names)
    also: list[Mention] = []
    if chain and chain[-1].lower_ == "and" and i < end and _determiner(doc[i]):
        # "the head of X at Y and a former director of Z,": two titles
        second, i = _chain_after(doc, i + 1, end, resources, names)
        if i < end and doc[i].text not in (",", ".", ";"):
            return []
        second = _trim(second, resources)
        if any(t.lower_ in resources.title_heads for t in second):
            also = [_mention(doc, second)]
    if i < end and i in names:
        # "the press secretary to President X": the title ends before the connector
        cut = max(
            (k for k, t in enumerate(chain) if t.lower_ in resources.title_connectors),
            default=None,
        )
        chain = chain[:cut] if cut is not None else []
    elif i < end and doc[i].text not in (",", ".", ";", "(", ")") and doc[i].tag_ != "WP":
        return []  # a relative pronoun ends it: "an assistant professor at X who ..."
    elif definite and i < end and doc[i].tag_ == "WP":
        chain = [*chain, *_defining_relative(doc, i, end, names)]
    heads = resources.title_heads | resources.appositive_heads
    chain = _trim(chain, resources, heads)
    if not chain or not (any(t.lower_ in heads for t in chain) or _ranked_member(chain, resources)):
        return []
    if named and _keeps_owner(named[:1], chain, resources):
        owner = named
    first, second = _two_offices(chain, resources)
    if second:
        also = [_mention(doc, second), *also]
    return [_mention(doc, [*owner, *first] if owner else first), *also]


def _two_offices(chain: list[Token], resources: Resources) -> tuple[list[Token], list[Token]]:
    """ "the Minister of City Planning and Water Supply and leader of the X Party", "the
    director of X and the host of Y": an "and" after a whole office ("head of Y") and
    before a head with its own "of" (its article dropped) joins two offices; the "and"
    inside "Law and Justice" joins two fields of one."""
    heads = resources.title_heads
    for k in range(2, len(chain) - 2):
        if chain[k].lower_ != "and":
            continue
        head = k + 2 if chain[k + 1].lower_ in ("the", "a", "an") else k + 1
        if head + 1 >= len(chain) or chain[head].lower_ not in heads:
            continue
        if chain[head + 1].lower_ not in ("of", "for", "at"):
            continue
        before = chain[:k]
        if any(t.lower_ in heads for t in before) and any(
            t.lower_ in ("of", "for", "at") for t in before
        ):
            return before, chain[head:]
    return chain, []


def _defining_relative(doc: Doc, i: int, end: int, names: Set[int]) -> list[Token]:
    """ "X, the Oslo professor who studies propaganda,": after a definite title the
    relative clause says which professor, and is written with the title; after an
    indefinite one ("a lawyer who represents the families") it only adds a fact, and
    the title ends before "who". The clause must close the appositive and name no one."""
    verb = doc[i].head
    if verb.dep_ != "relcl" or verb.i <= i:
        return []
    last = verb.right_edge.i
    if last + 1 >= end or doc[last + 1].text not in (",", ".", ";"):
        return []
    phrase = doc[i : last + 1]
    if any(t.i in names or t.text in ('"', "“", "(") for t in phrase):
        return []
    return list(phrase)


def _listed_portfolios(
    doc: Doc, chain: list[Token], comma: int, end: int, resources: Resources, names: Set[int]
) -> bool:
    """ "X, Y's legal, policy and trust and safety lead,", "X, Y's head of legal,
    policy and trust and safety,": a comma inside a list of the fields a title covers,
    before its head or after "head of". The comma is the title's when the words after
    it, up to the next comma or the sentence's end, are title words holding "and" and
    ending on a head (no head came yet) or are lower-case fields like those before it
    (the head and its connector came)."""
    if not chain:
        return False
    heads = [k for k, t in enumerate(chain) if t.lower_ in resources.title_heads]
    if heads:
        return _listed_fields(doc, chain, heads[-1], comma, end, resources, names)
    if not all(t.pos_ in ("ADJ", "NOUN") or t.text in _POSSESSIVE for t in chain):
        return False
    k = comma + 1
    segment: list[Token] = []
    while k < end and k not in names and doc[k].text not in (",", ".", ";"):
        if not _is_chain_word(doc[k], resources):
            return False
        segment.append(doc[k])
        k += 1
    return (
        len(segment) >= 3
        and any(t.lower_ == "and" for t in segment)
        and segment[-1].lower_ in resources.title_heads
    )


def _listed_fields(
    doc: Doc,
    chain: list[Token],
    head: int,
    comma: int,
    end: int,
    resources: Resources,
    names: Set[int],
) -> bool:
    """The list after "head of" goes on past a comma: its fields so far are words after
    the connector, all lower-case or all capitalised ("State Minister for Posts,
    Telecommunications and Information Technology"), and the words after the comma
    are fields of the same case joined by "and", closed by a comma or the sentence's
    end."""
    fields = chain[head + 1 :]
    if len(fields) < 2 or fields[0].lower_ not in ("of", "for"):
        return False
    lower = fields[1].is_lower

    def field(token: Token) -> bool:
        return token.pos_ in ("NOUN", "ADJ", "PROPN") and (
            token.is_lower if lower else token.is_title
        )

    if not all(field(t) for t in fields[1:]):
        return False
    k = comma + 1
    segment: list[Token] = []
    while k < end and k not in names and doc[k].text not in (",", ".", ";"):
        token = doc[k]
        if not field(token) and token.lower_ != "and":
            return False
        segment.append(token)
        k += 1
    return len(segment) >= 3 and any(t.lower_ == "and" for t in segment)


def _ranked_member(chain: list[Token], resources: Resources) -> bool:
    """ "the top Democrat on the Senate Intelligence Committee": a party member
    (``ranked_members``) after a rank word (``member_ranks``) and before the body they
    sit on holds the office; "a Democrat" alone is no title."""
    for k in range(1, len(chain) - 1):
        member, rank, after = chain[k], chain[k - 1], chain[k + 1]
        if (
            member.lower_ in resources.ranked_members
            and rank.lower_ in resources.member_ranks
            and after.lower_ in ("on", "of")
        ):
            return True
    return False


def _chain_after(
    doc: Doc, i: int, end: int, resources: Resources, names: Set[int]
) -> tuple[list[Token], int]:
    """Title words from token ``i`` rightwards, through a possessive inside the title's
    object ("principal investigator on the company's research team") and an office
    participle (:func:`_with_office_modifier`); and where they stop."""
    chain: list[Token] = []
    while i < end and i not in names:
        token = doc[i]
        inner_possessive = (
            token.text in _POSSESSIVE
            and chain
            and any(t.lower_ in resources.title_connectors for t in chain)
        )
        listed = token.text == "," and _listed_portfolios(doc, chain, i, end, resources, names)
        if not (inner_possessive or listed or _is_chain_word(token, resources)):
            break
        chain.append(token)
        i += 1
    chain, i = _with_gloss(doc, *_to_entity_end(doc, chain, i, end), end)
    return _with_office_modifier(doc, chain, i, end, resources, names)


def _to_entity_end(doc: Doc, chain: list[Token], i: int, end: int) -> tuple[list[Token], int]:
    """A title never ends inside a name: "the managing director of the Center for
    Monitoring, Analysis and Strategy (CeMAS)," runs past the comma inside the
    organisation's name, and past the bracket that closes its acronym."""
    if not chain or i >= end or doc[i].ent_iob_ != "I" or not chain[-1].ent_type_:
        return chain, i
    while i < end and doc[i].ent_iob_ == "I":
        chain.append(doc[i])
        i += 1
    opened = sum(t.text == "(" for t in chain) - sum(t.text == ")" for t in chain)
    if opened == 1 and i < end and doc[i].text == ")":
        chain.append(doc[i])
        i += 1
    return chain, i


def _with_gloss(doc: Doc, chain: list[Token], i: int, end: int) -> tuple[list[Token], int]:
    """ "regional coordinator of the Southeast Asia Freedom of Expression Network
    (SAFEnet)": the acronym in brackets right after the organisation's name is
    written with it, as part of the title."""
    if chain and chain[-1].pos_ == "PROPN" and i + 2 < end and acronym_gloss(doc[chain[0].i : i]):
        return [*chain, doc[i], doc[i + 1], doc[i + 2]], i + 3
    return chain, i


def _with_office_modifier(
    doc: Doc, chain: list[Token], i: int, end: int, resources: Resources, names: Set[int]
) -> tuple[list[Token], int]:
    """A closed appositive goes on through a participle of ``office_verbs`` hanging
    from the title's head, which says what the office covers: "the council member
    representing the technology sector," (adjectives already run on in the chain: "the
    commissioner responsible for the internal market,"). Any other participle ("an
    engineer based in Osaka"), a phrase holding a name or a verb of its own, or one
    not closed by a comma or the sentence's end leaves the title where it stopped."""
    if i >= end or not chain:
        return chain, i
    modifier = doc[i]
    if not (
        modifier.tag_ == "VBG"
        and modifier.dep_ == "acl"
        and modifier.lemma_.casefold() in resources.office_verbs
        and modifier.head in chain
        and modifier.head.lower_ in resources.title_heads
    ):
        return chain, i
    last = modifier.right_edge.i
    phrase = doc[i : last + 1]
    if last + 1 < end and doc[last + 1].text not in (",", ".", ";"):
        return chain, i
    if any(t.i in names or (t.pos_ in ("VERB", "AUX") and t.i != i) for t in phrase):
        return chain, i
    return [*chain, *phrase], last + 1


def titles_in_relative(name: Span, resources: Resources) -> list[Mention]:
    """ "Noura Saleh, who heads the digital rights unit at Lumen Watch, said": the
    relative clause as written ("who heads the digital rights unit at Lumen Watch", its
    object and the prepositions that place it) when its verb is one of ``office_verbs``
    and its object a definite body, when it is one of ``work_verbs`` done now at a named
    organisation ("who teaches politics at Lakeside University"; "who tracked ..." is a
    past job), or when it says the person is a title's holder
    ("who is also the party's spokesperson")."""
    doc = name.doc
    i = name.end
    if i + 2 >= name.sent.end or doc[i].text != "," or doc[i + 1].lower_ != "who":
        return []
    verb = doc[i + 2]
    if verb.dep_ != "relcl":
        return []
    if verb.lemma_ in ("be", "serve"):  # "X, who is also the government's spokesperson,"
        attrs = [  # "who serves as deputy minister of transport"
            c
            for c in verb.rights
            if (c.dep_ == "attr" and verb.lemma_ == "be")
            or (c.dep_ == "prep" and c.lower_ == "as" and verb.lemma_ == "serve")
        ]
        if attrs and attrs[0].dep_ == "prep":
            attrs = [c for c in attrs[0].children if c.dep_ == "pobj"]
        if not attrs or attrs[0].lemma_.casefold() not in resources.title_heads:
            return []
        end = attrs[0].right_edge.i
    elif verb.lemma_.casefold() in resources.work_verbs:
        if verb.tag_ not in ("VBZ", "VBP") or not _at_named_body(verb):
            return []  # "who studies propaganda at a university", "who tracked": no office
        end = _object_end(verb)
    else:
        objects = [c for c in verb.rights if c.dep_ == "dobj"]
        if verb.lemma_.casefold() not in resources.office_verbs or not objects:
            return []
        if _indefinite(objects[0]):
            return []  # "who runs a hardware shop": a trade, not an office
        end = _object_end(verb)
        for also in verb.conjuncts:  # "who heads X and presents Y": one clause
            if not any(c.dep_ == "nsubj" for c in also.children) and _names_object(also):
                end = max(end, _object_end(also))
    # "who leads the Open Threat Lab, a nonprofit that ...": the body's description in
    # apposition after a comma is not the office (a list after a comma is)
    comma = next(
        (t.i for t in doc[verb.i : end] if t.text == "," and doc[t.i + 1].lower_ in ("a", "an")),
        None,
    )
    if comma is not None:
        end = comma
    while end > verb.i and doc[end].is_punct:
        end -= 1
    span = doc[verb.i - 1 : end + 1]
    return [Mention(span.text, span.start_char, span.end_char, kind="title")]


def _at_named_body(verb: Token) -> bool:
    """Whether the verb's work is placed at or for a named organisation ("teaches
    politics at Lakeside University", "tracks disinformation for the group X")."""
    return any(
        t.ent_type_ in ("ORG", "FAC")
        for prep in verb.rights
        if prep.dep_ == "prep" and prep.lower_ in ("at", "for", "with")
        for t in prep.subtree
    )


def _indefinite(noun: Token) -> bool:
    """Whether the noun is written with "a" or "an" ("runs a hardware shop": a trade,
    not an office)."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _object_end(verb: Token) -> int:
    return max(c.right_edge.i for c in verb.rights if c.dep_ in ("dobj", "prep"))


def _names_object(verb: Token) -> bool:
    """Whether the verb's object is a name ("presents Mesa Redonda")."""
    return any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in verb.children)


def titles_in_coordinated_relative(name: Span, resources: Resources) -> list[Mention]:
    """ "X, the lawyer whose complaints started the case and who now chairs the group
    noyb, said": a relative clause coordinated with "and who", whose verb holds an office
    (``office_verbs``) over a definite body, is a title of its own, as written from "who"."""
    heads = [name.root, *(c for c in name.root.children if c.dep_ == "appos")]
    found: list[Mention] = []
    for verb in (c for h in heads for c in h.children if c.dep_ == "relcl"):
        for also in verb.conjuncts:
            who = next((c for c in also.children if c.dep_ == "nsubj" and c.lower_ == "who"), None)
            objects = [c for c in also.children if c.dep_ == "dobj"]
            if (
                who is None
                or also.lemma_.casefold() not in resources.office_verbs
                or not objects
                or _indefinite(objects[0])
            ):
                continue
            span = name.doc[who.i : _object_end(also) + 1]
            found.append(Mention(span.text, span.start_char, span.end_char, kind="title"))
    return found


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
        if start < name.end - 1 and doc[start].text == "." and not doc[start - 1].whitespace_:
            start += 1  # "Engr" "." as the tokenizer splits it
    end = name.end
    while end - 1 > start and (doc[end - 1].text in ("'s", "’s", "'") or not doc[end - 1].is_alpha):
        end -= 1  # "Elon Musk 24 hours": NER ran on into a number
    return doc[start : whole_at_hyphens(doc, end, name.sent.end)]


def whole_at_hyphens(doc: Doc, end: int, limit: int) -> int:
    """Where a name ending before token ``end`` really ends: "Mara Lund-Berg" is
    whole across its hyphen, though the tokenizer splits it, and so is a name with a
    lower-case part between two hyphens ("Wong-a-phan"; "Kremlin-run" is no name)."""
    linked = False  # the part just read sat between two hyphens
    while (
        end + 1 < limit
        and doc[end].text in ("-", "‐")
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        part = doc[end + 1]
        between = end + 2 < limit and doc[end + 2].text in ("-", "‐") and not part.whitespace_
        if not (part.text[:1].isupper() or linked or (part.is_lower and between)):
            break
        linked = between
        end += 2
    return end
