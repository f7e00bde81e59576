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
  for a place, and "Union" in the name);
- a naming verb: "an operation dubbed X", "nicknamed the operation X", "known as X";
  "Operation X"; "X-linked accounts"; "accounts linked to / associated with X";
- for firms and outlets ("X, a marketing firm", "the state-run broadcaster X", "a
  marketing company called X") only when their sentence speaks of the operation or
  a state link qualifies them; a firm's other name ("formerly known as Y") is a
  form of the same group.

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

from extract.doccache import doc_ents, doc_text, positions
from extract.model import Mention
from extract.pipeline import GROUP
from extract.resources import GroupCues, Resources

_CONNECTORS = frozenset({"of", "the", "for", "'s", "’s", "-", "al", "el", "de", "e", "i", "ul"})
_LEADING = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our"}
)
_NOT_NAME_ENTS = frozenset({"DATE", "TIME", "MONEY", "CARDINAL", "PERCENT", "ORDINAL"})
_PLACE_OR_PERSON = frozenset({"GPE", "NORP", "LOC", "PERSON", "LANGUAGE"})
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "NUM", "X"})
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
_MOD_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM", "ADV", "CCONJ"})
_RENAMING = frozenset({"formerly", "previously", "once", "originally", "also"})
_MAX_NAME = 8
_MAX_GLOSS = 8
_MAX_MODS = 8
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


def find_groups(doc: Doc, resources: Resources, known: list[Mention]) -> list[Mention]:
    """The gazetteer mentions ``known`` plus every mention of a group found from context."""
    # A name holding a title word is a person's styled name ("Pakistan's Interior
    # Minister ..."), never a group.
    cues = replace(
        resources.group_cues,
        not_group_words=resources.group_cues.not_group_words | resources.title_heads,
    )
    glosses = _acronym_glosses(doc)
    people, places = _people_and_places(doc, cues.name_heads | cues.native_heads)
    found: list[_Found] = []
    for sentence in doc.sents:
        found.extend(_from_sentence(doc, sentence, cues, glosses, people, places))
    if not found:
        return known
    text = doc_text(doc)
    aliases = {a.casefold(): g.id for g in resources.groups for a in g.aliases}
    taken = [(m.start, m.end) for m in known]
    out = list(known)
    initialled = cues.name_heads | cues.gloss_heads | cues.native_heads
    for canonical, surfaces in _canonical(found, glosses, aliases, initialled).items():
        for start, end in _occurrences(text, surfaces, cues.linked_suffixes):
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            out.append(Mention(text[start:end], start, end, value=canonical, kind=GROUP))
    return sorted(out, key=lambda m: m.start)


def _people_and_places(doc: Doc, heads: frozenset[str]) -> tuple[set[str], set[str]]:
    """Names of people (a full name and its surname), and names the tagger calls a
    person, place, nationality or language wherever they occur.

    The second set is weaker evidence: the tagger also calls an unknown operation's
    one-word name a person or a place now and then, so an appositive that presents
    the name as a group or a firm outweighs it; a long name in capitals
    ("GREYHERON") is a code name, not a place."""
    labels: dict[str, set[str]] = {}
    people: set[str] = set()
    for ent in doc_ents(doc):
        labels.setdefault(_bare(ent.text), set()).add(ent.label_)
        # "the Tigray People's Liberation Front" tagged a person: a name ending in a
        # group's name word is no one's name.
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_ not in heads:
            people |= {_bare(ent.text), ent[-1].text}
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
) -> list[_Found]:
    found: list[_Found] = []
    operation_talk = any(t.lower_ in cues.operation_words for t in sentence)
    i = sentence.start
    while i < sentence.end:
        name = _name_at(doc, i, sentence, cues)
        if name is None:
            i += 1
            continue
        if (
            not _can_be_group(name, cues)
            and not _party_by_appositive(doc, name, sentence, cues)
            and not _accused_by_appositive(doc, name, sentence, cues)
        ):
            i = _past_coordinated_name(doc, name, sentence, cues)
            continue
        if (
            name.text not in people or _appositive_to_group_noun(doc, name, sentence, cues)
        ) and _presented_as_group(doc, name, sentence, cues, operation_talk, places):
            headed = _party_word_after(doc, name, sentence, cues)
            found.append(_Found([name.text], acronym=glosses.get(name.text), headed=headed))
        elif translated := _translation_gloss(doc, name, sentence, cues):
            headed = _party_word_after(doc, name, sentence, cues)
            found.append(_Found([name.text], extra={translated}, headed=headed))
        i = name.end
    for token in sentence:
        if token.lemma_.casefold() in cues.naming_verbs:
            named, of_firm = _named_by(doc, token, sentence, cues, operation_talk)
            if named is None or not _can_be_group(named, cues):
                continue
            if of_firm and found and _renames(token):  # "X, ... formerly known as Y": Y is X
                found[-1].extra.add(named.text)
            else:
                found.append(_Found([named.text], acronym=glosses.get(named.text)))
    return found


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
                return doc[i + 1 : j] if j > i + 1 else None
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
        ):
            end += 1
            continue
        break
    while end > i and doc[end - 1].lower_ in _CONNECTORS:
        end -= 1
    return doc[i:end] if end > i else None


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
    if any(t.ent_type_ == "PLATFORM" for t in name):
        return False
    return any(t.text[:1].isupper() for t in name)


def _party_by_appositive(doc: Doc, name: Span, sentence: Span, cues: GroupCues) -> bool:
    """ "the Coastal Democratic Union, the largest opposition party": an appositive
    that names a party outweighs a word of ``party_name_words`` in the name."""
    blocked = {t.lower_ for t in name} & cues.not_group_words
    if not blocked or not blocked <= cues.party_name_words:
        return False
    return _appositive(doc, _after_gloss(doc, name, sentence), sentence, cues, False) == "party"


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
    doc: Doc, name: Span, sentence: Span, cues: GroupCues, operation_talk: bool, places: set[str]
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
            and not _is_place_or_person(name)
            and not _is_adjective(name)
        )
    appositive = _appositive(doc, after, sentence, cues, operation_talk)
    if appositive in ("firm", "party") or (appositive == "group" and name.text not in places):
        return True  # "X, a loose network of ...": even when NER took X for a person
    if _described_group_noun_before(doc, name, sentence, cues) and not _is_place(name):
        return not _opens_relative_clause(name)  # NER may call X a person
    if _is_place_or_person(name):
        return False
    if name.text.casefold() in cues.state_link_words:
        return False
    if _linked_suffix(doc, name, sentence, cues):
        return True
    if operation_talk and _tied_to_operation(name, cues):
        return True
    return _noun_before_presents(doc, name, sentence, cues, operation_talk)


def _tied_to_operation(name: Span, cues: GroupCues) -> bool:
    """ "accounts linked to X", "accounts associated with X", "a network run by X":
    the name is the object of "to" or "with" after a tying verb, or the agent of a
    verb of running."""
    root = name.root
    if root.dep_ != "pobj":
        return False
    preposition = root.head
    verb = preposition.head
    lemma = verb.lemma_.casefold()
    if preposition.lower_ in ("to", "with"):
        return lemma in cues.tied_verbs
    return preposition.dep_ == "agent" and lemma in cues.running_verbs


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
    bracket when the name is itself the gloss: "Long Name (ACR), the ...")."""
    i = name.end
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
            if word in cues.firm_nouns and (operation_talk or _state_link(mods, cues)):
                return "firm"
            return None
        hyphenated = token.tag_ in ("VBN", "VBG") and doc[i - 1].text == "-"
        if token.pos_ not in _MOD_POS and token.text != "-" and not hyphenated:
            return None
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
    if before.pos_ != "NOUN" or not _attached(before, name):
        return False
    modifiers = {t.lower_ for t in doc[max(sentence.start, i - 3) : i]}
    if word in cues.group_nouns and modifiers & cues.civic_words:
        return False  # "the rights group X"
    if word in cues.firm_nouns and modifiers & cues.public_body_words:
        return False  # "the national telecommunications agency, X"
    if word in cues.group_nouns and name.root.dep_ == "appos":
        return not _is_place(name)  # "the militant group X claimed": NER may call X a person
    if _is_place_or_person(name):
        return False
    if word in cues.group_nouns:
        return True
    if word in cues.firm_nouns:
        window = list(doc[max(sentence.start, i - 4) : i])
        return operation_talk or _state_link(window, cues)
    return False


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
        return None, False  # "used software called X": a tool, not the operation
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


def _cut_short(doc: Doc, name: Span, sentence: Span) -> bool:
    """The name stops before a capitalised word that NER kept out of it."""
    return name.end < sentence.end and doc[name.end].text[:1].isupper()


def _renames(verb: Token) -> bool:
    """ "formerly known as", "also called": the name is another name of a firm already
    named, not a firm of its own."""
    return any(c.dep_ == "advmod" and c.lower_ in _RENAMING for c in verb.children)


def _acronym_glosses(doc: Doc) -> dict[str, str]:
    """Every "Long Name (ACR)" of the article, long name to acronym."""
    out: dict[str, str] = {}
    for i in positions(doc, texts=("(",)):
        token = doc[i]
        if token.i + 2 >= len(doc) or doc[token.i + 2].text != ")":
            continue
        acronym = doc[token.i + 1].text
        if not _is_acronym(acronym):
            continue
        start = token.i - 1
        while start - 1 >= token.sent.start and (
            _is_name_word(doc[start - 1])
            or (
                doc[start - 1].lower_ in _CONNECTORS
                and not (doc[start - 1].lower_ == "of" and doc[start - 2].ent_type_ == "PERSON")
            )
        ):
            start -= 1
        while start < token.i and (
            doc[start].lower_ in _CONNECTORS or doc[start].lower_ in _LEADING
        ):
            start += 1
        if start < token.i:
            out[doc[start : token.i].text] = acronym
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
