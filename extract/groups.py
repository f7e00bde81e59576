"""Groups an article names: the gazetteer's, and those the text itself presents as groups.

The gazetteer (``groups.yml``) is a prior, matched by the EntityRuler with canonical
ids. Beyond it a proper name is a group when the article presents it as one, by the
cue lists of ``groups.yml`` ``cues``:

- its own words: a party or movement word in the name ("... Progressive Party"), or
  a platform or army word when an acronym glosses it ("... Unity Platform (NUP)");
- a gloss: a bracketed translation that names a party ("Nova stranka (New Party)");
- a noun beside it: "the X movement", "militant group X" (even when NER took X for
  a person), "X, an influence network", "X, a loose collection of fraudsters", "its
  armed wing, the X", "X, the Islamist party" (a party noun outweighs NER taking X
  for a place, and "Union" in the name), "the ruling X party" (outweighs NER taking
  X for a person elsewhere), 'the party "X"' (a quoted name after its noun);
- a naming verb: "an operation dubbed X", "nicknamed the operation X", "known as X";
  "Operation X"; "X-linked accounts"; "accounts linked to / associated with X";
- for firms and outlets ("X, a marketing firm", "the state-run broadcaster X", "a
  marketing company called X") only when their sentence speaks of the operation or
  a state link qualifies them, or when listed after a firm the findings tie to ("links
  to X, a firm in Cairo, and Y, a company in the UAE") or listed after the firms that
  ran it ("run by two marketing firms: X in Egypt and Y in the UAE", "the firms, X and
  Y, are banned from the platform"); a firm's other name
  ("formerly known as Y") is a form of the same group;
- a client: "a firm that ran fake accounts for X".

A longer name holds the shorter group name written inside it ("the Youth Union of the
X Party" is not the X Party), even a gazetteer form ("Sri Lanka Muslim Congress").

Institutions, research bodies, news outlets and documents (``not_group_words``),
companies acting as platforms (``not_groups``), places, nationalities and people
never are. Every later mention of a group's name or glossing acronym in the article
is a mention too. The canonical name is the gazetteer id when any form of the group
is a gazetteer alias (in any case), else the acronym that glosses it, else the
initials of a party or army name of three words or more ("National Resistance
Movement" is the NRM, as news calls parties and armed groups), else the name as
first written. (An acronym glossed in one article is found in the others that
write it alone when the knowledge base is built: ``kb.store.refresh_group_names``.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from extract.doccache import capitalised_or_quoted, doc_ents, doc_text, positions, token_strings
from extract.model import Mention
from extract.pipeline import GROUP
from extract.resources import GroupCues, Resources

_CONNECTORS = frozenset({"of", "the", "for", "'s", "’s", "-", "al", "el", "de", "e", "i", "ul"})
_LEADING = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our"}
)
_NOT_NAME_ENTS = frozenset({"DATE", "TIME", "MONEY", "CARDINAL", "PERCENT", "ORDINAL"})
_POSSESSIVES = frozenset({"'s", "’s"})
_PLACES = frozenset({"GPE", "LOC"})
_BODIES = frozenset({"ORG", "GROUP", "NORP"})
_PLACE_OR_PERSON = frozenset({"GPE", "NORP", "LOC", "PERSON", "LANGUAGE"})
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "NUM", "X"})
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
_MOD_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM", "ADV", "CCONJ"})
_RENAMING = frozenset({"formerly", "previously", "once", "originally", "also"})
_DASHES = frozenset({"-", "–", "—", "--"})
_PLACE_PREPOSITIONS = frozenset({"in", "from", "at", "of"})
_DATELINE_ENTS = frozenset({"GPE", "LOC", "DATE", "TIME"})
_CAMEL_PART = re.compile(r"[A-Z][a-z]+")
_MAX_NAME = 8
_MAX_GLOSS = 8
_MAX_MODS = 8
# How far back a colon list is read ("two firms: X in Egypt, Y in the UAE and Z ..."):
# three names with their places; dev lists hold two.
_MAX_LIST = 24
# How far into an appositive an accusation is looked for ("a Canada-based group they
# accuse of ..." puts it six words in); no dev article has one further than 10.
_MAX_ACCUSATION = 12


@dataclass
class _Found:
    """A group found in the article: its forms, the acronym that glosses it, and
    whether a party or movement word stands after the name."""

    surfaces: list[str]
    acronym: str | None = None
    extra: set[str] = field(default_factory=set)
    # A party or movement word follows the name ("Ne davimo Beograd (...) movement").
    headed: bool = False
    # Character spans the form is written at that a search for the form would miss
    # ("(PSL-SP)": a party written against a state's code).
    spans: list[tuple[int, int]] = field(default_factory=list)


# Words before a name that give it a document's shape ("the X Report"), not a masthead's.
_ARTICLES = frozenset({"the", "a", "an", "this", "its", "their"})


def find_groups(doc: Doc, resources: Resources, known: list[Mention]) -> list[Mention]:
    """The gazetteer mentions ``known`` plus every mention of a group found from context."""
    # A name holding a title or courtesy word is a person's styled name ("Pakistan's
    # Interior Minister ...", "Mr. X"), never a group.
    cues = replace(
        resources.group_cues,
        not_group_words=resources.group_cues.not_group_words
        | resources.title_heads
        | (resources.courtesy - _country_openers(resources.places)),
    )
    glosses = _acronym_glosses(doc, cues.name_heads | cues.native_heads | cues.gloss_heads)
    people, places = _people_and_places(doc, cues.name_heads | cues.native_heads)
    known = [m for m in known if not _dateline_credit(doc, m)]
    found: list[_Found] = []
    talk = positions(doc, lowers=cues.operation_words)  # the sentence speaks of an operation
    for sentence in doc.sents:
        operation_talk = any(sentence.start <= k < sentence.end for k in talk)
        found.extend(_from_sentence(doc, sentence, cues, glosses, people, places, operation_talk))
        found.extend(_parties_in_brackets(doc, sentence, cues))
    if not found:
        return known
    text = doc_text(doc)
    aliases = {a.casefold(): g.id for g in resources.groups for a in g.aliases}
    initialled = cues.name_heads | cues.gloss_heads | cues.native_heads
    written = [(span, g.surfaces[0]) for g in found for span in g.spans]
    candidates: set[tuple[int, int, str]] = set()
    for canonical, surfaces in _canonical(found, glosses, aliases, initialled).items():
        spans = _occurrences(text, surfaces, cues.linked_suffixes)
        spans += [span for span, surface in written if surface in surfaces]
        candidates |= {(start, end, canonical) for start, end in spans}
    return _longest_first(known, candidates, text)


def _longest_first(
    known: list[Mention], candidates: set[tuple[int, int, str]], text: str
) -> list[Mention]:
    """The gazetteer's mentions and the found groups' spans, none overlapping: a longer
    name holds the shorter one written inside it ("the Youth Union of New Azerbaijan
    Party" is the youth union, not the party; "Sri Lanka Muslim Congress" is not the
    "Congress" of the gazetteer), and a gazetteer mention outweighs a found span of
    the same length or shorter."""
    out = [m for m in known if not _held_in_longer(m, candidates)]
    taken = [(m.start, m.end) for m in out]
    for start, end, canonical in sorted(candidates, key=lambda c: (c[0] - c[1], c[0], c[2])):
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        out.append(Mention(text[start:end], start, end, value=canonical, kind=GROUP))
    return sorted(out, key=lambda m: m.start)


def _held_in_longer(mention: Mention, candidates: set[tuple[int, int, str]]) -> bool:
    """A found span holds the mention and is longer than it."""
    return any(
        s <= mention.start and mention.end <= e and e - s > mention.end - mention.start
        for s, e, _ in candidates
    )


def _country_openers(places: frozenset[str]) -> frozenset[str]:
    """First words of countries' names of several words ("sri" of "Sri Lanka"): a
    courtesy word that opens a country's name is no sign of a styled person's name in a
    group's name ("the Sri Lanka Muslim Congress")."""
    return frozenset(p.split()[0] for p in places if " " in p)


def _dateline_credit(doc: Doc, mention: Mention) -> bool:
    """A wire agency credited in a dateline ("OSLO (NTB) -", "Bonn, 3 May 2021 (NPA) -"):
    a bracketed form after the place and date that open the sentence, then a dash; an
    agency's acronym, not the group a gazetteer form of the same letters names."""
    span = doc.char_span(mention.start, mention.end)
    if span is None or span.start < 1 or span.end + 1 >= len(doc):
        return False
    if doc[span.start - 1].text != "(" or doc[span.end].text != ")":
        return False
    if doc[span.end + 1].text not in _DASHES:
        return False
    opening = doc[span.sent.start : span.start - 1]
    return len(opening) > 0 and all(
        t.ent_type_ in _DATELINE_ENTS or t.is_punct or t.like_num for t in opening
    )


def _parties_in_brackets(doc: Doc, sentence: Span, cues: GroupCues) -> list[_Found]:
    """A party in brackets after a politician's name, as European and Latin American
    news writes it: "Minister X (FDP)", "senator X (PSL-SP)", "premier X (Sinn Féin)" is
    rare; the form is an acronym, or one capitalised word written against a state or
    region code ("Republicanos-RJ"). An age, an outlet credit ("X (Reuters)"), a
    place or a platform in the bracket is no party."""
    found: list[_Found] = []
    texts = token_strings(doc).text
    for i in range(sentence.start + 1, sentence.end - 2):
        if texts[i] != "(" or doc[i - 1].ent_type_ != "PERSON":
            continue
        party = doc[i + 1]
        close = i + 2
        regional = (
            close + 1 < sentence.end
            and doc[close].text == "-"
            and _is_region_code(doc[close + 1].text)
        )
        if regional:
            close += 2
        if close >= sentence.end or doc[close].text != ")":
            continue
        text = party.text
        if not text[:1].isupper() or not (_is_acronym(text) or regional):
            continue
        if len(text.rstrip(".")) < 2 or party.ent_type_ in _PLACE_OR_PERSON - {"NORP"}:
            continue
        if text.casefold() in cues.post_nominals:
            continue  # "X (SAN)", "X (MNA)": an honour or a seat
        if not _can_be_group(doc[i + 1 : i + 2], cues):
            continue
        found.append(_Found([text], spans=[(party.idx, party.idx + len(text))]))
    return found


def _is_region_code(text: str) -> bool:
    """A state's or region's code after a party ("PSL-SP", "PSB-BA")."""
    return 2 <= len(text) <= 3 and text.isalpha() and text.isupper()


def _written_with_article(text: str, name: str) -> bool:
    """A plural name the article writes after "the" ("connected to the Oath Riders"): a
    person's name takes no article, so the tagger's PERSON for it elsewhere (a headline)
    is no evidence against a group."""
    if " " not in name or not name.endswith("s"):
        return False
    return re.search(rf"\bthe\s+{re.escape(name)}\b", text) is not None


def _people_and_places(doc: Doc, heads: frozenset[str]) -> tuple[set[str], set[str]]:
    """Names of people (a full name and its surname, unless the tagger also calls the
    name an organisation), and names the tagger calls a person, place, nationality or
    language wherever they occur.

    The second set is weaker evidence: the tagger also calls an unknown operation's
    one-word name a person or a place now and then, so an appositive that presents
    the name as a group or a firm outweighs it; a long name in capitals
    ("GREYHERON") is a code name, not a place."""
    labels: dict[str, set[str]] = {}
    named: dict[str, str] = {}  # a person's full name, with its last word
    text = doc_text(doc)
    for ent in doc_ents(doc):
        if ent.label_ == "PERSON" and _written_with_article(text, _bare(ent.text)):
            continue  # "the X Boys" elsewhere in the article: a body's name, not a person's
        labels.setdefault(_bare(ent.text), set()).add(ent.label_)
        # "the Tigray People's Liberation Front" tagged a person: a name ending in a
        # group's name word is no one's name.
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_ not in heads:
            named[_bare(ent.text)] = ent[-1].text
    # a name the tagger also calls an organisation is no one's for sure ("Rally Forge")
    people = {w for full, last in named.items() if "ORG" not in labels[full] for w in (full, last)}
    kinds = {"GPE", "LOC", "NORP", "LANGUAGE"}
    places = {
        text
        for text, seen in labels.items()
        if (seen <= kinds and not (text.isupper() and len(text) > 3)) or seen == {"PERSON"}
    }
    return people, places


def _bare(text: str) -> str:
    """An entity's words without a leading article: "the United States"."""
    return text[4:] if text[:4].casefold() == "the " else text


def _from_sentence(
    doc: Doc,
    sentence: Span,
    cues: GroupCues,
    glosses: dict[str, str],
    people: set[str],
    places: set[str],
    operation_talk: bool,
) -> list[_Found]:
    found: list[_Found] = []
    starts = capitalised_or_quoted(doc)
    i = sentence.start
    while i < sentence.end:
        if i not in starts:
            i += 1  # no name starts here
            continue
        name = _name_at(doc, i, sentence, cues)
        if name is None:
            i += 1
            continue
        if (
            (
                not _can_be_group(name, cues)
                and not _party_by_appositive(doc, name, sentence, cues)
                and not _accused_by_appositive(doc, name, sentence, cues)
                and not _outlet_running(doc, name, sentence, cues, operation_talk)
            )
            or _civic_before(doc, name, sentence, cues)
            or _counted(doc, name, sentence)
        ):
            i = _past_coordinated_name(doc, name, sentence, cues)
            continue
        if (
            name.text not in people
            or _appositive_to_group_noun(doc, name, sentence, cues)
            or _described_and_headed(doc, name, sentence, cues)
            or _named_after_firm_noun(doc, name, sentence, cues)
        ) and _presented_as_group(doc, name, sentence, cues, operation_talk, places, people):
            headed = _party_word_after(doc, name, sentence, cues)
            found.append(_Found([name.text], acronym=glosses.get(name.text), headed=headed))
        elif translated := _translation_gloss(doc, name, sentence, cues):
            headed = _party_word_after(doc, name, sentence, cues)
            found.append(_Found([name.text], extra={translated}, headed=headed))
        i = name.end
    words = token_strings(doc)
    naming = (k for k in range(sentence.start, sentence.end) if words.lemma[k] in cues.naming_verbs)
    for token in (doc[k] for k in naming):
        named, of_firm = _named_by(doc, token, sentence, cues, operation_talk)
        if named is None:
            continue
        # "an operation that researchers call X Press": named as the operation
        if not (_can_be_group(named, cues) or (not of_firm and _outlet_name(named, cues))):
            continue
        if of_firm and found and _renames(token):  # "X, ... formerly known as Y": Y is X
            found[-1].extra.add(named.text)
        else:
            found.append(_Found([named.text], acronym=glosses.get(named.text)))
    return found


def _counted(doc: Doc, name: Span, sentence: Span) -> bool:
    """ "259 accounts, 102 Pages, five Groups": a capitalised noun a number counts is a
    kind of asset, never a group's name (a name is not counted: "the 14 Brigade" needs
    its own words)."""
    if name.start <= sentence.start or len(name) != 1:
        return False
    before = doc[name.start - 1]
    return before.like_num and before.tag_ == "CD" and name[0].tag_ in ("NNS", "NNPS")


def _party_word_after(doc: Doc, name: Span, sentence: Span, cues: GroupCues) -> bool:
    """ "the X movement", "X (its translation) party": a name head after the name."""
    after = _after_gloss(doc, name, sentence)
    return after < sentence.end and doc[after].lower_ in cues.name_heads


def _is_name_word(token: Token) -> bool:
    """A capitalised noun or name ("Instead" or "Besides" opening a sentence is not),
    or a number written against a hyphen ("Cinder-1187")."""
    text = token.text
    if text[:1].isdigit():
        return token.i > 0 and _joined(token)
    if not text[:1].isupper():
        return False
    if token.is_sent_start or token.doc[token.i - 1].text in _QUOTES:
        return token.pos_ == "PROPN"
    return token.pos_ in _NAME_POS


def _says_something(quoted: Span) -> bool:
    """'"This was a commercial operation," X said': quoted words with a verb or a
    comma in them are a quotation, not a name in quotation marks."""
    return any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ":") for t in quoted)


def _joined(token: Token) -> bool:
    """Written against the previous token, with no space ("Cinder-1187")."""
    previous = token.doc[token.i - 1]
    return not previous.whitespace_ and previous.text == "-"


def _name_at(doc: Doc, i: int, sentence: Span, cues: GroupCues) -> Span | None:
    """The proper name starting at token ``i``: capitalised words joined by "of the",
    "'s" or hyphens, an untranslated word between two of them ("Ne davimo Beograd")
    or a native party word after them ("Nova stranka"), or a quoted capitalised
    phrase; leading articles left out."""
    token = doc[i]
    if token.text in _QUOTES and i + 1 < sentence.end and doc[i + 1].text[:1].isupper():
        for j in range(i + 1, min(i + 1 + _MAX_NAME, sentence.end)):
            if doc[j].text in _QUOTES:
                quoted = doc[i + 1 : j]
                return quoted if j > i + 1 and not _says_something(quoted) else None
        return None
    if token.lower_ in _LEADING or not _is_name_word(token) or token.ent_type_ in _NOT_NAME_ENTS:
        return None
    end = i + 1
    while end < sentence.end and end - i < _MAX_NAME:
        nxt = doc[end]
        if _is_name_word(nxt) and nxt.ent_type_ not in _NOT_NAME_ENTS:
            end += 1
            continue
        if nxt.lower_ in cues.native_heads or _untranslated(doc, end, sentence, cues):
            end += 1
            continue
        if (
            nxt.lower_ in _CONNECTORS
            and end + 2 < sentence.end
            and doc[end + 1].text == "-"
            and not nxt.whitespace_
            and not doc[end + 1].whitespace_
            and _is_name_word(doc[end + 2])
        ):
            end += 2  # "Ansar al-Wadi": an article written against the next word
            continue
        if (
            nxt.lower_ in _CONNECTORS
            and end + 1 < sentence.end
            and (_is_name_word(doc[end + 1]) or doc[end + 1].lower_ == "the")
            and (nxt.text != "-" or not doc[end - 1].whitespace_)
            and not (nxt.lower_ == "of" and doc[end - 1].ent_type_ == "PERSON")
            and not _entity_then_another(doc, i, end, sentence)
        ):
            end += 1
            continue
        if joined := _and_party_name(doc, end, sentence, cues):
            end = joined
            break
        break
    while end > i and doc[end - 1].lower_ in _CONNECTORS:
        end -= 1
    owner = next((k for k in range(i, end) if doc[k].lower_ in _POSSESSIVES), None)
    if owner is not None and owner > i and all(t.ent_type_ in _PLACES for t in doc[i:owner]):
        i = owner + 1  # "Pakistan's Inter-Services Public Relations": the country owns it
    elif owner is not None and owner > i and _whole_entity(doc[i:owner]):
        end = owner  # "the Congress's IT cell": a named body owns what follows
    return doc[i:end] if end > i else None


def _entity_then_another(doc: Doc, i: int, end: int, sentence: Span) -> bool:
    """ "Silver Touch for the BJP": the words so far are one entity and the name
    after the connector (and an article) another, so the connector joins two names."""
    k = end + 1
    if k < sentence.end and doc[k].lower_ == "the":
        k += 1
    return (
        k < sentence.end
        and doc[k].ent_iob_ == "B"
        and doc[i].ent_iob_ == "B"
        and all(t.ent_iob_ == "I" for t in doc[i + 1 : end])
    )


def _whole_entity(words: Span) -> bool:
    """The words are one named body's whole entity, which ends before a possessive
    (the People's Party, one entity through its "'s", is not cut)."""
    first, last = words[0], words[-1]
    after = words.doc[last.i + 1] if last.i + 1 < len(words.doc) else None
    return (
        first.ent_iob_ == "B"
        and first.ent_type_ in _BODIES
        and all(t.ent_type_ == first.ent_type_ and t.ent_iob_ == "I" for t in words[1:])
        and (after is None or after.ent_iob_ != "I")
    )


def _and_party_name(doc: Doc, i: int, sentence: Span, cues: GroupCues) -> int:
    """Where a party's name joined by "and" at token ``i`` ends, or 0: "Freedom and
    Progress Party", "the Law and Order party" (the party word in lower case, as news
    often writes it, is then part of the name); the capitalised words after "and" must
    close with a party word, so "Facebook and Instagram" stays two names."""
    if doc[i].lower_ not in ("and", "&") or i + 1 >= sentence.end:
        return 0
    j = i + 1
    while j < sentence.end and j - i <= _MAX_NAME and _is_name_word(doc[j]):
        j += 1
    if j == i + 1:
        return 0
    last = doc[j - 1]
    if last.lower_ in cues.name_heads and last.text[:1].isupper():
        return j
    party_after = j < sentence.end and doc[j].lower_ in cues.party_nouns and doc[j].is_lower
    return j + 1 if party_after else 0


def _past_coordinated_name(doc: Doc, name: Span, sentence: Span, cues: GroupCues) -> int:
    """Where to look next after a name that is no group: past "and" and the rest of the
    same institution's name ("the Ministry of Information and Communications
    Technology")."""
    i = name.end
    if i + 1 < sentence.end and doc[i].lower_ in ("and", "&") and _is_name_word(doc[i + 1]):
        rest = _name_at(doc, i + 1, sentence, cues)
        if rest is not None:
            return rest.end
    return i


def _untranslated(doc: Doc, i: int, sentence: Span, cues: GroupCues) -> bool:
    """A lower-case noun between two capitalised words, not an English function word
    nor a noun that presents a group or firm ("the PR firm X")."""
    token = doc[i]
    return (
        token.is_lower
        and not token.is_stop
        and token.lower_ not in cues.firm_nouns | cues.group_nouns
        and token.tag_ in ("NN", "NNP", "FW")
        and i + 1 < sentence.end
        and _is_name_word(doc[i + 1])
        and not doc[i + 1].is_sent_start
    )


def _can_be_group(name: Span, cues: GroupCues) -> bool:
    words = {t.lower_ for t in name}
    blocked = words & cues.not_group_words
    if name[-1].lower_ in cues.name_heads | cues.native_heads:
        blocked -= cues.party_name_words  # "the Civic Union Party"
    if blocked or name.text.casefold() in cues.not_groups:
        return False
    if any(t.ent_type_ == "PLATFORM" or _compound_ends_in(t, cues.not_group_words) for t in name):
        return False
    return any(t.text[:1].isupper() for t in name)


def _compound_ends_in(token: Token, words: frozenset[str]) -> bool:
    """ "DisinfoLab", "FactCentre", "MediaWatchdog": a name written as one word whose last
    capitalised part is an institution's word."""
    parts = _CAMEL_PART.findall(token.text)
    return len(parts) > 1 and parts[-1].casefold() in words


def _outlet_name(name: Span, cues: GroupCues) -> bool:
    """A name kept from groups only by an outlet's or agency's word ("X Press", "X
    Agency") and by no public body's word ("National", "Federal"); a word that ends a
    masthead as well as a document's title ("X Policy", "X Report") counts as an
    outlet's word only in a name written without an article before it."""
    words = {t.lower_ for t in name}
    blocked = words & cues.not_group_words
    outlet_words = cues.outlet_words
    before = name.doc[name.start - 1].lower_ if name.start > 0 else ""
    if not {before, name[0].lower_} & _ARTICLES:
        outlet_words = outlet_words | cues.title_words
    return (
        bool(blocked)
        and blocked <= outlet_words
        and not words & (cues.public_body_words - cues.outlet_words)
        and name.text.casefold() not in cues.not_groups
    )


def _outlet_running(
    doc: Doc, name: Span, sentence: Span, cues: GroupCues, operation_talk: bool
) -> bool:
    """An outlet or agency the article presents as running the operation: "the X Press
    network", "accounts tied to X Daily", "the sites were run by the X Agency"."""
    if not _outlet_name(name, cues):
        return False
    after = _after_gloss(doc, name, sentence)
    if after < sentence.end and doc[after].is_lower and doc[after].lower_ in cues.group_nouns:
        return _is_head_noun(doc, after, sentence)
    return _tied_to_operation(name, cues, operation_talk)


def _civic_before(doc: Doc, name: Span, sentence: Span, cues: GroupCues) -> bool:
    """ "a coalition of digital rights groups, the X Coalition": the noun phrase the name
    stands in apposition to presents it as civil society."""
    i = name.start - 1
    # "..., the Rights on the Net Coalition": the name's own words the scan left out
    while i > sentence.start and i >= name.start - _MAX_NAME and doc[i].text != ",":
        if not (doc[i].lower_ == "the" or doc[i].pos_ == "ADP" or _is_name_word(doc[i])):
            return False
        i -= 1
    if i < sentence.start or doc[i].text != ",":
        return False
    words = []
    j = i - 1
    while j >= sentence.start and j >= i - _MAX_MODS and not doc[j].is_punct:
        words.append(doc[j].lower_)
        j -= 1
    return bool(set(words) & cues.civic_words) and bool(set(words) & cues.group_nouns)


def _party_by_appositive(doc: Doc, name: Span, sentence: Span, cues: GroupCues) -> bool:
    """ "the Coastal Democratic Union, the largest opposition party", "the International
    Union of Virtual Media, an Iranian operation": an appositive that names a party or a
    group outweighs a word of ``party_name_words`` in the name."""
    blocked = {t.lower_ for t in name} & cues.not_group_words
    if not blocked or not blocked <= cues.party_name_words:
        return False
    after = _after_gloss(doc, name, sentence)
    return _appositive(doc, after, sentence, cues, False) in ("party", "group")


def _accused_by_appositive(doc: Doc, name: Span, sentence: Span, cues: GroupCues) -> bool:
    """ "the X Foundation, a Canada-based group they accuse of pushing separatism": an
    appositive group noun that the sentence accuses, blames or puts behind something
    outweighs a word of ``accusable_words`` in the name (a charity's or an institute's
    word); "the X Foundation, a group that funds schools" stays no group."""
    blocked = {t.lower_ for t in name} & cues.not_group_words
    # "Justice" in "the X Justice Foundation" is a word of group names, not a title.
    if not blocked or not blocked <= (cues.accusable_words | cues.party_name_words):
        return False
    after = _after_gloss(doc, name, sentence)
    if _appositive(doc, after, sentence, cues, False) != "group":
        return False
    words = doc[after + 1 : min(after + 1 + _MAX_ACCUSATION, sentence.end)]
    return any(t.lemma_.casefold() in cues.accusing_words for t in words)


def _is_adjective(name: Span) -> bool:
    """One adjective ("the Islamist party", "the Maoist movement"): a description of
    the group, not its name."""
    return len(name) == 1 and name[0].pos_ == "ADJ"


def _is_place_or_person(name: Span) -> bool:
    return all(t.ent_type_ in _PLACE_OR_PERSON for t in name)


def _presented_as_group(
    doc: Doc,
    name: Span,
    sentence: Span,
    cues: GroupCues,
    operation_talk: bool,
    places: set[str],
    people: frozenset[str] | set[str] = frozenset(),
) -> bool:
    if _is_translation(doc, name, sentence, cues) or _is_attributive(doc, name, sentence, cues):
        return False
    heads = cues.name_heads | cues.native_heads
    if len(name) > 1 and any(t.lower_ in heads for t in name):
        return True
    after = _after_gloss(doc, name, sentence)
    if _acronym_after(doc, name, sentence) and any(t.lower_ in cues.gloss_heads for t in name):
        return True
    if after < sentence.end and doc[after].lower_ in cues.group_nouns and doc[after].is_lower:
        return (
            _is_head_noun(doc, after, sentence)
            and not (
                _is_place(name)
                if _unknown_person(doc, name, after, cues, people)
                else _is_place_or_person(name)
            )
            and not _is_adjective(name)
        )
    # "found links to X, a firm based in Cairo": a firm the findings tie to is presented
    # as behind them even in a sentence with no other word of the operation
    tied = _tied_to_operation(name, cues, operation_talk=True) or _listed_after_tied_firm(
        doc, name, sentence, cues
    )
    if _listed_after_firms(name, cues, operation_talk):
        return True
    appositive = _appositive(doc, after, sentence, cues, operation_talk or tied)
    if appositive in ("firm", "party") or (appositive == "group" and name.text not in places):
        return True  # "X, a loose network of ...": even when NER took X for a person
    if _described_group_noun_before(doc, name, sentence, cues) and not _is_place(name):
        return not _opens_relative_clause(name)  # NER may call X a person
    if _state_outlet_before(doc, name, sentence, cues):
        return True
    if _is_place_or_person(name) and not _named_after_firm_noun(doc, name, sentence, cues):
        return False
    if name.text.casefold() in cues.state_link_words:
        return False
    if _linked_suffix(doc, name, sentence, cues):
        return True
    if _tied_to_operation(name, cues, operation_talk) or _client_of_operation(name, cues):
        return True
    return _noun_before_presents(doc, name, sentence, cues, operation_talk)


def _client_of_operation(name: Span, cues: GroupCues) -> bool:
    """ "a firm that ran fake accounts for X", "created Pages on behalf of X": the client
    the operation's assets were run for is presented as behind it, as the firm is."""
    root = name.root
    if root.dep_ != "pobj":
        return False
    preposition = root.head
    if preposition.lower_ == "of" and preposition.head.lower_ == "behalf":
        preposition = preposition.head.head  # "on behalf of X"
    elif preposition.lower_ != "for":
        return False
    verb = preposition.head
    if verb.lemma_.casefold() not in cues.running_verbs:
        return False
    return any(c.dep_ == "dobj" and c.lower_ in cues.operated_nouns for c in verb.children)


def _listed_after_firms(name: Span, cues: GroupCues, operation_talk: bool) -> bool:
    """ "was run by two marketing firms: X in Egypt and Y in the UAE": a name listed in
    apposition to a plural firm noun that ran the operation (its agent, or any plural
    firm noun in a sentence that speaks of the operation) is one of those firms; the
    walk goes up the list ("Y" is often parsed as coordinated with the place before it)."""
    token = name.root
    if token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPOSITIONS:
        return False  # "X in Egypt": the place the firm is in
    if name.end < len(name.doc) and name.doc[name.end].text == "-":
        return False  # "Cairo-based X"
    noun = _list_noun(name)
    for _ in range(_MAX_MODS):
        if noun is not None or token.head.i == token.i:
            break
        if token.dep_ == "appos":
            noun = token.head
        elif token.dep_ not in ("conj", "pobj", "prep"):
            break
        token = token.head
    if noun is None or noun.tag_ != "NNS" or noun.lemma_.casefold() not in cues.firm_nouns:
        return False
    if operation_talk:
        return True
    agent = noun.head
    return (
        noun.dep_ == "pobj"
        and agent.dep_ == "agent"
        and agent.head.lemma_.casefold() in cues.running_verbs
    )


def _list_noun(name: Span) -> Token | None:
    """The noun a list the name stands in follows, read from the words (the parser often
    loses a list's attachment): a colon list ("two firms: X in Egypt and Y") or a list
    set off by commas after a plural noun ("The firms, Cairo-based X and Y, are ...").
    Only names, places, "and", commas, place prepositions and describing nouns ("outfit")
    stand between the noun and the name."""
    doc = name.doc
    described = False  # a describing noun ("outfit"): only in a list set off by commas
    i = name.start - 1
    while i > name.sent.start and i >= name.start - _MAX_LIST:
        token = doc[i]
        if token.text == ":":
            return None if described else doc[i - 1]
        if token.text == "," and doc[i - 1].tag_ == "NNS" and _list_closes(name):
            return doc[i - 1]
        described = described or _describes(token)
        if not (_in_list(token) or _describes(token)):
            return None
        i -= 1
    return None


def _in_list(token: Token) -> bool:
    return (
        token.text[:1].isupper()
        or token.lower_ in ("and", ",", "the", "-", "based")
        or token.lower_ in _PLACE_PREPOSITIONS
    )


def _describes(token: Token) -> bool:
    return token.tag_ == "NN" and token.is_lower


def _list_closes(name: Span) -> bool:
    """A list set off by commas ends at a comma, not at a verb ("firms, Meta said")."""
    for token in name.doc[name.end : name.sent.end]:
        if token.text == ",":
            return True
        if not (_in_list(token) or _describes(token)):
            return False
    return False


def _listed_after_tied_firm(doc: Doc, name: Span, sentence: Span, cues: GroupCues) -> bool:
    """ "found links to X, a firm based in Cairo, and Y, a company in the UAE": a name
    listed after a firm the findings tie to, the firm's appositive between them, is tied
    to the findings as well (the parser often loses the second name's attachment)."""
    i = name.start - 2
    if i <= sentence.start or doc[i + 1].lower_ not in ("and", "&") or doc[i].text != ",":
        return False
    for comma in range(i - 1, max(sentence.start, i - 2 - _MAX_MODS), -1):
        if doc[comma].text != ",":
            continue
        start = comma
        while start - 1 >= sentence.start and _is_name_word(doc[start - 1]):
            start -= 1
        before = _name_at(doc, start, sentence, cues) if start < comma else None
        return (
            before is not None
            and before.end == comma
            and _appositive(doc, comma, sentence, cues, True) == "firm"
            and _tied_to_operation(before, cues, operation_talk=True)
        )
    return False


def _tied_to_operation(name: Span, cues: GroupCues, operation_talk: bool) -> bool:
    """ "accounts linked to X", "accounts associated with X", "a network run by X" (in a
    sentence that speaks of an operation): the name, or a name it is coordinated with,
    is the object of "to" or "with" after a tying verb, or the agent of a verb of
    running; "the sites were run by X and Y" needs no other word of the operation."""
    root = name.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "run by the X Agency and Y": Y is an agent too
    if root.dep_ != "pobj":
        return False
    preposition = root.head
    verb = preposition.head
    lemma = verb.lemma_.casefold()
    if preposition.lower_ in ("to", "with"):
        return operation_talk and lemma in cues.tied_verbs
    if preposition.dep_ != "agent" or lemma not in cues.running_verbs:
        return False
    if verb.dep_ in ("acl", "relcl") and verb.head.lower_ not in (
        cues.operated_nouns | cues.operation_words
    ):
        return False  # "the party built by X": what X built is the party, not the operation
    if operation_talk:
        return True
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subject is not None and subject.lower_ in cues.operated_nouns


def _is_translation(doc: Doc, name: Span, sentence: Span, cues: GroupCues) -> bool:
    """The name is a bracketed gloss of the name before it ("Nova stranka (New Party)")."""
    i = name.start - 1
    if i - 1 < sentence.start or doc[i].text != "(" or _is_acronym(name.text):
        return False
    before = doc[i - 1]
    return _is_name_word(before) or before.pos_ == "PROPN" or before.lower_ in cues.native_heads


def _is_attributive(doc: Doc, name: Span, sentence: Span, cues: GroupCues) -> bool:
    """The name only qualifies a noun after it ("the Tech Coalition's Lantern program",
    "NRM supporters"), unless that noun presents it as a group."""
    i = name.end
    if i >= sentence.end:
        return False
    after = doc[i]
    return after.is_lower and after.pos_ == "NOUN" and after.lower_ not in cues.group_nouns


def _after_gloss(doc: Doc, name: Span, sentence: Span) -> int:
    """The token after the name and any bracketed gloss that follows it (or after the
    bracket when the name is itself the gloss: "Long Name (ACR), the ..."), past the
    closing quote of a quoted name ('"Bad Grammar", a network ...')."""
    i = name.end
    if _quoted(doc, name, sentence):
        i += 1
    if i < sentence.end and doc[i].text == ")" and name.start > sentence.start:
        return i + 1 if doc[name.start - 1].text == "(" else i
    if i < sentence.end and doc[i].text == "(":
        for j in range(i + 1, min(i + 2 + _MAX_GLOSS, sentence.end)):
            if doc[j].text == ")":
                return j + 1
    return i


def _acronym_after(doc: Doc, name: Span, sentence: Span) -> bool:
    i = name.end
    return (
        i + 2 < sentence.end
        and doc[i].text == "("
        and doc[i + 2].text == ")"
        and _is_acronym(doc[i + 1].text)
    )


def _is_acronym(text: str) -> bool:
    """One word of capitals, mostly: "NUP", "PML-N", "DFRLab"."""
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return 2 <= len(text) <= 10 and " " not in text and upper >= 2 and 2 * upper >= len(letters)


def _is_head_noun(doc: Doc, i: int, sentence: Span) -> bool:
    """The noun heads its phrase: no noun or possessive after it ("a party official")."""
    if i + 1 >= sentence.end:
        return True
    nxt = doc[i + 1]
    return nxt.pos_ not in ("NOUN", "PROPN") and nxt.lower_ not in ("'s", "’s")


def _heads_appositive(doc: Doc, i: int, sentence: Span, cues: GroupCues) -> bool:
    """The noun ends the appositive's modifiers: nothing nominal, hyphenated or
    coordinated follows it, or what follows opens a relative clause ("the network
    Google keeps taking down"); a noun that introduces examples ("groups such as")
    is not an appositive of the name before it."""
    if i + 1 >= sentence.end:
        return True
    nxt = doc[i + 1]
    if nxt.text == "-" or nxt.pos_ == "CCONJ" or nxt.lower_ in ("such", "like", "including"):
        return False
    if nxt.pos_ in ("NOUN", "PROPN"):
        then = doc[i + 2] if i + 2 < sentence.end else None
        opens_clause = nxt.dep_ == "nsubj" or (then is not None and then.pos_ in ("VERB", "AUX"))
        return doc[i].lower_ in cues.group_nouns and opens_clause
    return nxt.lower_ not in ("'s", "’s")


def _state_link(tokens: list[Token], cues: GroupCues) -> bool:
    """ "state-run", "Kremlin-funded": a state word, a hyphen, a link participle."""
    for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if (
            a.lower_ in cues.state_link_words
            and b.text == "-"
            and c.lower_ in cues.state_link_heads
        ):
            return True
    return False


def _state_outlet_before(doc: Doc, name: Span, sentence: Span, cues: GroupCues) -> bool:
    """ "the state broadcaster X", "the Kremlin-funded outlet X": an outlet noun the
    name stands in apposition to, tied to a state, presents it even when NER calls the
    outlet's letters a place."""
    i = name.start - 1
    if i - 1 < sentence.start or doc[i].lower_ not in cues.firm_nouns:
        return False
    if name.root.dep_ != "appos" or name.root.head.i != i:
        return False
    if any(t.ent_type_ == "PERSON" for t in name) or _cut_short(doc, name, sentence):
        return False  # "the state broadcaster Russia Today": "Today" left out of the name
    window = _words_before(doc, i, sentence)
    return _state_link(window, cues) or _state_outlet(window, doc[i], cues)


def _words_before(doc: Doc, i: int, sentence: Span) -> list[Token]:
    """Up to four words before token ``i`` in its own phrase: "four state-backed outlets:
    the TV channel X" ties the list to a state, which says no more of X than that it is
    an outlet, so nothing across a colon or a comma counts."""
    window = list(doc[max(sentence.start, i - 4) : i])
    while any(t.is_punct and t.text not in "-‐" for t in window):
        window = window[1:]
    return window


def _state_outlet(mods: list[Token], noun: Token, cues: GroupCues) -> bool:
    """ "the state broadcaster X", "X, the Russian state broadcaster": a state word right
    before an outlet noun ties the outlet to the state as "state-run" does."""
    if not mods or noun.lower_ not in cues.outlet_nouns:
        return False
    return mods[-1].lower_ in cues.state_link_words


def _appositive(
    doc: Doc, comma: int, sentence: Span, cues: GroupCues, operation_talk: bool
) -> str | None:
    """What an appositive after a name presents it as: "party" ("X, the Islamist
    party", "X, the main opposition bloc": a name word of parties, strong enough to
    outweigh NER taking X for a place), "group" ("X, a spam-heavy influence network",
    "X, Nigerian online fraudsters", "X, a loose collection of cybercriminals") or
    "firm" ("X, a marketing firm", when the sentence speaks of
    the operation or a state link qualifies it); None for anything else."""
    if comma >= sentence.end or doc[comma].text != ",":
        return None
    i = comma + 1
    if i < sentence.end and doc[i].lower_ in ("a", "an", "the"):
        i += 1
    mods: list[Token] = []
    while i < sentence.end and len(mods) < _MAX_MODS:
        token = doc[i]
        word = token.lower_
        if token.pos_ == "NOUN" and _heads_appositive(doc, i, sentence, cues):
            if token.dep_ in ("nsubj", "nsubjpass"):
                return None  # "According to X, the network had ...": a clause of its own
            of = i + 1
            if any(m.lower_ in cues.civic_words for m in mods):
                return None  # "X, a London-based rights group": civil society
            if word in cues.group_nouns or (
                word in cues.collective_nouns
                and of + 1 < sentence.end
                and doc[of].lower_ == "of"
                and doc[of + 1].lower_ in cues.group_nouns
            ):
                return "party" if word in cues.party_nouns else "group"
            if any(m.lower_ in cues.public_body_words for m in mods):
                return None  # "X, the national telecommunications agency"
            if any(m.lower_ in cues.source_firm_words for m in mods):
                return None  # "X, a cybersecurity company": a source, not the operation
            if word in cues.firm_nouns and (
                operation_talk or _state_link(mods, cues) or _state_outlet(mods, token, cues)
            ):
                return "firm"
            return None
        hyphenated = token.tag_ in ("VBN", "VBG") and doc[i - 1].text == "-"
        described = word in cues.descriptors  # "the governing party": a participle
        if token.pos_ not in _MOD_POS and token.text != "-" and not (hyphenated or described):
            return None
        if token.pos_ == "CCONJ" and i + 1 < sentence.end and doc[i + 1].pos_ in ("NUM", "DET"):
            return None  # "74 Pages, 70 accounts and three groups": a list, not an appositive
        mods.append(token)
        i += 1
    return None


def _noun_before_presents(
    doc: Doc, name: Span, sentence: Span, cues: GroupCues, operation_talk: bool
) -> bool:
    """ "militant group X", "the ruling X", "the so-called X" (in a sentence that speaks
    of an operation), "the state-run broadcaster X", "its armed
    wing, the X"; a name followed by a verb is the subject of a relative clause ("the
    network Google keeps taking down") and is not presented so; a name in apposition
    to a group noun is one even when NER took it for a person's."""
    i = name.start - 1
    quoted = _quoted(doc, name, sentence)
    if quoted:
        i -= 1
    if i >= sentence.start and doc[i].lower_ == "the":
        i -= 1
    if i >= sentence.start and doc[i].text == ",":
        i -= 1
    if i < sentence.start:
        return False
    before = doc[i]
    word = before.lower_
    if word in cues.descriptors:
        return not _is_place_or_person(name)
    if _hyphenated_before(doc, i, sentence) in cues.naming_adjectives:
        return operation_talk and not _is_place(name)  # "the so-called X" in an operation
    if _opens_relative_clause(name):
        return False
    if before.pos_ != "NOUN" or not (quoted or _attached(before, name)):
        return False
    modifiers = {t.lower_ for t in doc[max(sentence.start, i - 3) : i]}
    if word in cues.group_nouns and modifiers & cues.civic_words:
        return False  # "the rights group X"
    if word in cues.firm_nouns and modifiers & cues.public_body_words:
        return False  # "the national telecommunications agency, X"
    if word in cues.firm_nouns and modifiers & cues.source_firm_words:
        return False  # "cybersecurity firm X tipped off ...": a source, not the operation
    if word in cues.group_nouns and name.root.dep_ == "appos":
        return not _is_place(name)  # "the militant group X claimed": NER may call X a person
    if word in cues.group_nouns:
        return True
    if word in cues.firm_nouns:
        window = _words_before(doc, i, sentence)
        if _state_link(window, cues) or _state_outlet(window, before, cues):
            return True
        # "the marketing firm X" where the sentence speaks of an operation; an outlet
        # ("the TV channel X") is as often what the operation spoofed or was restricted
        return operation_talk and word not in cues.outlet_nouns
    return False


def _named_after_firm_noun(doc: Doc, name: Span, sentence: Span, cues: GroupCues) -> bool:
    """ "the marketing firm X", "a public relations firm, X,": a name in apposition to
    the firm noun right before it is the firm's name, whatever NER took it for (an
    unfamiliar firm's name is often called a person's)."""
    i = name.start - 1
    if i >= sentence.start and doc[i].text == ",":
        i -= 1
    if i < sentence.start:
        return False
    noun = doc[i]
    return (
        noun.is_lower
        and noun.lower_ in cues.firm_nouns
        and name.root.dep_ == "appos"
        and name.root.head.i == noun.i
        and not _is_place(name)
    )


def _quoted(doc: Doc, name: Span, sentence: Span) -> bool:
    """'the party "X"', 'the agency "X"': the name stands in quotes, as translated news
    writes a name after the noun it names; the quotes tie the two, whatever the parse."""
    return (
        name.start - 1 >= sentence.start
        and name.end < sentence.end
        and doc[name.start - 1].text in _QUOTES
        and doc[name.end].text in _QUOTES
    )


def _hyphenated_before(doc: Doc, i: int, sentence: Span) -> str:
    """The hyphenated word ending at token ``i`` ("so-called"), lower-cased; "" if none."""
    if i - 2 < sentence.start or doc[i - 1].text != "-":
        return ""
    return f"{doc[i - 2].lower_}-{doc[i].lower_}"


def _opens_relative_clause(name: Span) -> bool:
    """ "the network Google keeps taking down": the name is the subject of a relative
    clause on the noun before it, not that noun's name."""
    root = name.root
    return root.dep_ == "nsubj" and root.head.dep_ in ("relcl", "acl")


def _appositive_to_group_noun(doc: Doc, name: Span, sentence: Span, cues: GroupCues) -> bool:
    """ "the militant group X" or "X, a network of ...": a group noun in apposition
    presents X as a group, whatever NER took X for."""
    root = name.root
    if root.dep_ == "appos" and root.head.lower_ in cues.group_nouns:
        return True
    if _described_group_noun_before(doc, name, sentence, cues):
        return True
    after = _after_gloss(doc, name, sentence)
    return _appositive(doc, after, sentence, cues, False) in ("group", "party")


def _described_and_headed(doc: Doc, name: Span, sentence: Span, cues: GroupCues) -> bool:
    """ "the ruling X party", "the opposition X movement": a descriptor before the name
    and a group noun after it present X as a group however the tagger took X elsewhere
    in the article (a party's name of two capitalised words is often called a person's)."""
    i = name.start - 1
    if i >= sentence.start and doc[i].lower_ == "the":
        i -= 1
    if i < sentence.start or doc[i].lower_ not in cues.descriptors:
        return False
    after = name.end
    return (
        after < sentence.end
        and doc[after].is_lower
        and doc[after].lower_ in cues.group_nouns
        and _is_head_noun(doc, after, sentence)
    )


def _described_group_noun_before(doc: Doc, name: Span, sentence: Span, cues: GroupCues) -> bool:
    """ "the militant group X", "the armed movement X": a group noun right before the
    name, itself qualified by a descriptor, presents X as a group however the parser
    attached the two (it often makes both subjects of the verb)."""
    i = name.start - 1
    return (
        i - 1 >= sentence.start
        and doc[i].lower_ in cues.group_nouns
        and doc[i].is_lower
        and doc[i - 1].lower_ in cues.descriptors
    )


def _unknown_person(
    doc: Doc, name: Span, noun: int, cues: GroupCues, people: frozenset[str] | set[str]
) -> bool:
    """ "the X movement", "the X party" where the tagger calls X a person but the article
    names no such person: a one-word name a name head follows, with "the" before it, is
    the body's own name ("the Trump campaign", a person the article names, stays out)."""
    return (
        doc[noun].lower_ in cues.name_heads
        and name.start > 0
        and doc[name.start - 1].lower_ == "the"
        and all(t.ent_type_ == "PERSON" for t in name)
        and name.text not in people
        and name[-1].text not in people
    )


def _is_place(name: Span) -> bool:
    return all(t.ent_type_ in ("GPE", "NORP", "LOC") for t in name)


def _attached(noun: Token, name: Span) -> bool:
    """The noun and the name are one phrase in the parse ("militant group X": the
    noun modifies the name or the name stands in apposition to it)."""
    root = name.root
    return noun.head.i == root.i or root.head.i == noun.i


def _linked_suffix(doc: Doc, name: Span, sentence: Span, cues: GroupCues) -> bool:
    """ "X-linked accounts": a hyphen written against the name, then a link word."""
    i = name.end
    return (
        i + 1 < sentence.end
        and doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and doc[i + 1].lower_ in cues.linked_suffixes
    )


def _translation_gloss(doc: Doc, name: Span, sentence: Span, cues: GroupCues) -> str | None:
    """ "Nova stranka (New Party)", "Ne davimo Beograd (Don't Drown Belgrade) movement":
    a capitalised bracketed gloss naming a party, or a group noun after the bracket."""
    if not _can_be_group(name, cues):
        return None
    i = name.end
    if i >= sentence.end or doc[i].text != "(":
        return None
    close = _after_gloss(doc, name, sentence) - 1
    if close <= i + 1 or doc[close].text != ")":
        return None
    gloss = doc[i + 1 : close]
    if not gloss[0].text[:1].isupper() or _is_acronym(gloss.text):
        return None
    named_party = any(t.lower_ in cues.name_heads for t in gloss)
    noun_after = close + 1 < sentence.end and doc[close + 1].lower_ in cues.group_nouns
    return gloss.text if named_party or noun_after else None


def _named_by(
    doc: Doc, verb: Token, sentence: Span, cues: GroupCues, operation_talk: bool
) -> tuple[Span | None, bool]:
    """The name a naming verb gives an operation, network or group: "an operation
    known as X", "the network, dubbed X", "nicknamed the operation X"; or a firm, in a
    sentence that speaks of the operation ("a marketing company called X"), and
    whether it names a firm."""
    i = verb.i + 1
    if verb.lemma_.casefold() == "know":
        if i >= sentence.end or doc[i].lower_ != "as":
            return None, False
        i += 1
    elif i < sentence.end and doc[i].lower_ == "as":
        i += 1
    window = doc[max(sentence.start, verb.i - 6) : verb.i]
    nearest = next((t for t in reversed(window) if t.pos_ == "NOUN"), None)
    while nearest is not None and nearest.dep_ == "pobj" and nearest.head.lower_ == "of":
        nearest = nearest.head.head  # "a network of fake accounts, dubbed X": the network
    if nearest is not None and nearest.lemma_.casefold() in cues.tool_nouns:
        if not _tool_behind_operation(nearest, sentence, cues, operation_talk):
            return None, False  # "used software called X": a tool, not the operation
        if i < sentence.end and (named := _name_at(doc, i, sentence, cues)) is not None:
            return named, False  # "Pages traced to a site called X": X ran them
    nouns = {t.lower_ for t in window if t.pos_ == "NOUN"}
    names_operation = bool(nouns & cues.group_nouns)
    names_firm = operation_talk and bool(nouns & cues.firm_nouns)
    if i + 1 < sentence.end and doc[i].lower_ in ("the", "it", "this"):
        if doc[i].lower_ == "the" and doc[i + 1].lower_ in cues.group_nouns:
            names_operation = True
            i += 2
        elif doc[i].lower_ in ("it", "this"):
            i += 1
    if not (names_operation or names_firm) or i >= sentence.end:
        return None, False
    named = _name_at(doc, i, sentence, cues)
    if named is not None and not names_operation and _cut_short(doc, named, sentence):
        return None, False  # "formerly known as Russia Today": "Today" is a DATE
    return named, not names_operation


def _tool_behind_operation(
    noun: Token, sentence: Span, cues: GroupCues, operation_talk: bool
) -> bool:
    """ "Pages it had traced to a site called X", "accounts linked to a website called
    X": a site the sentence ties the operation's assets to is what ran them, not a tool
    they used ("the network used a website called X" stays a tool)."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("to", "with"):
        return False
    if noun.head.head.lemma_.casefold() not in cues.tied_verbs:
        return False
    return operation_talk or any(t.lower_ in cues.operated_nouns for t in sentence)


def _cut_short(doc: Doc, name: Span, sentence: Span) -> bool:
    """The name stops before a capitalised word that NER kept out of it."""
    return name.end < sentence.end and doc[name.end].text[:1].isupper()


def _renames(verb: Token) -> bool:
    """ "formerly known as", "also called": the name is another name of a firm already
    named, not a firm of its own."""
    return any(c.dep_ == "advmod" and c.lower_ in _RENAMING for c in verb.children)


def _acronym_glosses(doc: Doc, heads: frozenset[str]) -> dict[str, str]:
    """Every "Long Name (ACR)" of the article, long name to acronym. A party word in
    lower case may end the name and "and" join its words ("the Justice and Progress
    party (JPP)"), as news writes party names; a person's name before the bracket is
    glossed by their party ("Minister X (FDP)"), not named by it, unless the tagger
    took a group's name word for a person's."""
    out: dict[str, str] = {}
    for i in positions(doc, texts=frozenset({"("})):
        token = doc[i]
        if token.i + 2 >= len(doc) or doc[token.i + 2].text != ")":
            continue
        acronym = doc[token.i + 1].text
        if not _is_acronym(acronym):
            continue
        start = token.i - 1
        headed = start >= 0 and doc[start].lower_ in heads
        while start - 1 >= token.sent.start and (
            _is_name_word(doc[start - 1])
            or (
                doc[start - 1].lower_ in _CONNECTORS
                and not (doc[start - 1].lower_ == "of" and doc[start - 2].ent_type_ == "PERSON")
            )
            or (
                headed
                and doc[start - 1].lower_ == "and"
                and start - 2 >= token.sent.start
                and _is_name_word(doc[start - 2])
            )
        ):
            start -= 1
        while start < token.i and (
            doc[start].lower_ in _CONNECTORS or doc[start].lower_ in _LEADING
        ):
            start += 1
        long_name = doc[start : token.i]
        if doc[token.i - 1].ent_type_ == "PERSON" and not any(t.lower_ in heads for t in long_name):
            continue
        if headed and not any(t.text[:1].isupper() for t in long_name):
            continue  # "the party (ACR)": no name before the bracket
        if start < token.i:
            out[long_name.text] = acronym
    return out


def _canonical(
    found: list[_Found],
    glosses: dict[str, str],
    aliases: dict[str, str],
    initialled: frozenset[str],
) -> dict[str, set[str]]:
    """Canonical name to every surface form, groups with a shared form merged: the
    gazetteer's id, else the glossing acronym, else the initials of a long party or
    army name (``_initials``), else the name as first written."""
    out: dict[str, set[str]] = {}
    for group in found:
        surfaces = set(group.surfaces) | group.extra
        acronym = group.acronym
        for long_name, short in glosses.items():
            if long_name in surfaces or short in surfaces:
                surfaces |= {long_name, short}
                acronym = acronym or short
        known = next((aliases[s.casefold()] for s in surfaces if s.casefold() in aliases), None)
        first = group.surfaces[0]
        canonical = known or acronym or _initials(first, initialled, group.headed) or first
        out.setdefault(canonical, set()).update(surfaces)
    return out


def _initials(name: str, initialled: frozenset[str], headed: bool = False) -> str | None:
    """ "NRM" for "National Resistance Movement": a name of three words or more (past
    "of", "the", "'s") with a party, movement or army word ("initialled": name, gloss
    and native heads, not "operation") goes by its initials, as parties and armed
    groups do in news, so that an article that spells the name out and one that
    writes the acronym name one group; ``headed``: the party word follows the name
    ("the Ne davimo Beograd movement")."""
    words = [w for w in re.split(r"[\s]+", re.sub(r"['’]s\b", "", name)) if w]
    heads = [k for k, w in enumerate(words) if w.casefold() in initialled]
    if heads and heads[-1] + 1 < len(words) and words[heads[-1] + 1].casefold() not in _CONNECTORS:
        return None  # "Liberty Front Press": the party word does not head the name
    words = [w for w in words if w.casefold() not in _CONNECTORS]
    lowered = {w.casefold() for w in words}
    if len(words) < 3 or not (headed or lowered & initialled) or "operation" in lowered:
        return None
    if not all(w[0].isalpha() for w in words):
        return None
    return "".join(w[0].upper() for w in words)


def _occurrences(
    text: str, surfaces: set[str], linked_suffixes: frozenset[str]
) -> list[tuple[int, int]]:
    """Every place a form is written: acronyms with their case, names in any case; a
    form written against a hyphen counts only before a link word ("X-linked")."""
    spans: list[tuple[int, int]] = []
    linked = "|".join(re.escape(w) for w in sorted(linked_suffixes))
    for surface in surfaces:
        flags = 0 if _is_acronym(surface) and surface.isupper() else re.IGNORECASE
        pattern = rf"(?<![\w-]){re.escape(surface)}(?!\w|-(?!(?:{linked})\b))"
        spans.extend(m.span() for m in re.finditer(pattern, text, flags))
    return sorted(set(spans))
