"""Which organisations an article names, and the one name each goes by.

Decides the organisations that may speak, before any attribution, from these cues:

- the catalogue ``organisations.yml``: its written forms ("Google's Threat Analysis
  Group", "TAG") map to one canonical name;
- PLATFORM entities of the gazetteer, named as written ("Twitter said" in 2020 is
  Twitter speaking, whatever the platform is called today);
- GROUP entities, by their canonical id;
- a bare institution word ("the Commission") with no fuller name before it: the
  catalogue organisation whose name ends in that word and whose other words the
  article writes ("European", "EU"), when exactly one fits best;
- ORG entities, without a leading article or country ("the Ministry of Information"),
  and extended over an "and ..." that NER cut off, after the name ("Ministry of X and
  Y") or before it ("Trust and Safety Council"); news outlets (``news_outlets``, or
  a name ending in one of ``outlet_words``), documents (``not_speaker_words`` in
  ``speech.yml``) and titles NER took for a name ("Global Head of Security") are
  left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from extract.doccache import doc_datelines, doc_ents, positions
from extract.resources import OrganisationEntry, Resources

_ALIAS_TOKENS = re.compile(r"[’']s\b|\w+(?:[.\-]\w+)*\.?|[^\w\s]")
_POSSESSIVE = frozenset({"'s", "’s"})
# Entity labels NER gives bodies' names it misreads ("Article 19" as a law).
_MISREAD_NAMES = frozenset({"LAW", "PRODUCT", "WORK_OF_ART", "FAC"})


@dataclass(frozen=True)
class OrganisationMention:
    """Tokens ``start``..``end`` of the document name the organisation ``label``."""

    start: int
    end: int
    label: str
    kind: str  # catalogue, platform, group or org
    # Named in passing, as a modifier of a thing or as a venue ("the YouTube channel of
    # the programme", "continued on Facebook"), not as an actor: no later "the company"
    # refers to it.
    incidental: bool = False

    @property
    def catalogued(self) -> bool:
        """True when ``label`` is a canonical name from a gazetteer, not the words written."""
        return self.kind in ("catalogue", "group")


@lru_cache(maxsize=4)  # one gazetteer a build: made once, not once an article
def _catalogue_index(
    organisations: tuple[OrganisationEntry, ...],
) -> dict[str, list[tuple[tuple[str, ...], str, bool]]]:
    index: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
    for entry in organisations:
        for alias in entry.aliases:
            words = tuple(_ALIAS_TOKENS.findall(alias))
            exact = alias.isupper()
            key = words[0] if exact else words[0].casefold()
            index.setdefault(key, []).append((words, entry.id, exact))
    for candidates in index.values():
        candidates.sort(key=lambda c: -len(c[0]))
    return index


def _catalogue_mentions(doc: Doc, resources: Resources) -> list[OrganisationMention]:
    index = _catalogue_index(resources.organisations)
    keys = frozenset(index)
    found = []
    after = 0  # a name found covers its words: the next starts after it
    for i in positions(doc, texts=keys, lowers=keys):
        if i < after:
            continue
        candidates = index.get(doc[i].text, []) + index.get(doc[i].lower_, [])
        for words, label, exact in candidates:
            tokens = doc[i : i + len(words)]
            written = [t.text if exact else t.lower_ for t in tokens]
            if written == [w if exact else w.casefold() for w in words]:
                found.append(OrganisationMention(i, i + len(words), label, "catalogue"))
                after = i + len(words)
                break
    return found


def _extend_over_and(doc: Doc, end: int, limit: int) -> int:
    """ "Ministry of Diaspora Affairs and Combating Antisemitism": NER often stops at "and"."""
    if end + 1 >= limit or doc[end].lower_ not in ("and", "&"):
        return end
    stop = end + 1
    while stop < limit and doc[stop].is_title and doc[stop].ent_type_ in ("", "ORG"):
        stop += 1
    if stop > end + 1 and (
        stop == limit or doc[stop].is_punct or doc[stop].pos_ in ("VERB", "AUX")
    ):
        return stop
    return end


def _extend_over_post(doc: Doc, end: int, limit: int, resources: Resources) -> int:
    """ "the Russian Embassy in Washington", "the Kenyan Mission to the African Union":
    a body a state keeps in a place (``posted_bodies``) is named with the place or
    body it is posted to, which NER leaves out."""
    if end + 1 >= limit or doc[end - 1].lower_ not in resources.posted_bodies:
        return end
    if doc[end].lower_ not in ("in", "to"):
        return end
    first = end + 1
    if doc[first].lower_ == "the" and first + 1 < limit:
        first += 1
    if doc[first].ent_type_ not in ("GPE", "ORG") or doc[first].ent_iob_ != "B":
        return end
    stop = first + 1
    while stop < limit and doc[stop].ent_iob_ == "I":
        stop += 1
    return stop


def _extend_back_over_and(doc: Doc, start: int, floor: int) -> int:
    """ "Trust and Safety Council", "Oversight and Ethics Board": NER often starts the
    name after "and"; the capitalised words before it, still untagged, belong to it."""
    if start - 2 < floor or doc[start - 1].lower_ not in ("and", "&"):
        return start
    begin = start - 1
    while (
        begin - 1 >= floor
        and doc[begin - 1].pos_ == "PROPN"
        and doc[begin - 1].is_title
        and not doc[begin - 1].ent_type_
    ):
        begin -= 1
    return begin if begin < start - 1 else start


def organisation_mentions(
    doc: Doc, resources: Resources, ents: tuple[Span, ...] | None = None
) -> list[OrganisationMention]:
    """Every organisation named in the document, in text order (``ents``: the
    document's entities when the caller already holds them)."""
    found = _catalogue_mentions(doc, resources)
    taken = {i for m in found for i in range(m.start, m.end)}
    # a dateline's place and agency ("KAMPALA -", "LAGOS (Reuters) -") speak for no one
    taken.update(
        t.i
        for start, end in doc_datelines(doc)
        for t in doc.char_span(start, end, alignment_mode="expand") or ()
    )
    for ent in doc_ents(doc) if ents is None else ents:
        if any(i in taken for i in range(ent.start, ent.end)):
            continue  # in a catalogue name, or in an organisation extended over "and"
        if ent.label_ == "PLATFORM":
            found.append(OrganisationMention(ent.start, ent.end, ent.text, "platform"))
        elif ent.label_ == "GROUP":
            found.append(OrganisationMention(ent.start, ent.end, ent.ent_id_ or ent.text, "group"))
        elif ent.label_ in _MISREAD_NAMES and named_as_organisation(doc, ent.start, resources):
            # "the rights group Article 19": a name after the noun that describes it
            found.append(OrganisationMention(ent.start, ent.end, ent.text, "org"))
        elif ent.label_ == "ORG":
            start = ent.start
            while start < ent.end - 1 and (
                doc[start].pos_ == "DET"
                or doc[start].ent_type_ in ("GPE", "NORP")
                or doc[start].text in _POSSESSIVE
            ):
                start += 1
            if start == ent.start:
                start = _extend_back_over_and(doc, start, ent.sent.start)
            end = next((t.i for t in doc[start : ent.end] if t.text == "("), ent.end)
            if doc[end - 1].text in _POSSESSIVE:
                end -= 1
            if any(t.lower_ in ("of", "for") for t in doc[start:end]):  # "Ministry of X and Y"
                end = _extend_over_and(doc, end, ent.sent.end)
            end = _extend_over_post(doc, end, ent.sent.end, resources)
            span = doc[start:end]
            lowered = {t.lower_ for t in span}
            if (
                not span
                or is_news_outlet(span, resources)
                or lowered & resources.not_speaker_words
                or (lowered & resources.title_heads and not lowered & resources.institutions)
                or lowered <= resources.account_nouns | resources.mixed_count_nouns
            ):
                continue  # an outlet, a document, a title or "the Pages" NER took for a name
            found.append(OrganisationMention(start, end, span.text, "org"))
            taken.update(range(start, end))
    return sorted(found, key=lambda m: m.start)


def portfolio_office(noun: Token, resources: Resources) -> tuple[int, str] | None:
    """ "the interior ministry said", "the federal council said": a public body's noun
    (``portfolio_bodies``) written in lower case after its portfolio names one body as
    surely as "the Ministry of Interior" does, when an article makes it definite ("a
    ministry" or "ministries" name none); so does a country's possessive before an
    office ("Pakistan's interior ministry"), while "Russia's communications regulator"
    describes a body the article names after it. Where its name starts, and the name:
    as written, capitalised, with the country that owns it ("Pakistan's Interior
    Ministry")."""
    doc = noun.doc
    if not noun.is_lower or noun.tag_ != "NN" or noun.lower_ not in resources.portfolio_bodies:
        return None
    start = noun.i
    while start > noun.sent.start and _portfolio_word(doc[start - 1], noun, resources):
        start -= 1
    if start == noun.i or doc[start].lower_ == "and" or start == noun.sent.start:
        return None
    owner = _country_owner(doc, start)
    if owner is not None and noun.lower_ not in resources.offices:
        return None  # "Russia's communications regulator" describes a body named after it
    if owner is None and doc[start - 1].lower_ not in ("the", "this"):
        return None
    words = [t.text if t.is_upper else t.text.capitalize() for t in doc[start : noun.i + 1]]
    name = " ".join(words).replace(" And ", " and ")
    if owner is None:
        return start, name
    return owner, f"{doc[owner : start - 1].text}'s {name}"


def _portfolio_word(token: Token, noun: Token, resources: Resources) -> bool:
    """A word of the office's portfolio before it: "foreign", "interior", "IT",
    "electronics and IT"."""
    if token.lower_ == "and":
        return True
    return (
        token.dep_ in ("amod", "compound", "cc", "conj")
        and token.i < noun.i
        and token.lower_ in resources.portfolios
        and token.lower_ not in resources.title_heads
        and (token.is_lower or token.is_upper)
    )


def _country_owner(doc: Doc, start: int) -> int | None:
    """Where the country owning the words at ``start`` begins ("Pakistan's ..."), if any."""
    possessive = start - 1
    if possessive < 1 or doc[possessive].text not in _POSSESSIVE:
        return None
    first = possessive
    while first > 0 and doc[first - 1].ent_type_ == "GPE":
        first -= 1
    return first if first < possessive else None


def named_as_organisation(doc: Doc, start: int, resources: Resources) -> bool:
    """ "the advocacy group Bolo Bhi", "the firm Archimedes": a name NER called a person
    right after a common noun for an organisation (the reference nouns of
    ``organisations.yml``) is that organisation's name."""
    if start == doc[start].sent.start:
        return False
    before = doc[start - 1]
    return (
        before.is_lower
        and before.pos_ == "NOUN"
        and before.lower_ in resources.org_generic_nouns | resources.org_named_nouns
    )


def is_news_outlet(name: Span, resources: Resources) -> bool:
    """A newspaper, agency or broadcaster: listed (``news_outlets``), or a name of two or
    more capitalised words ending in an outlet word (``outlet_words``: "Kyiv
    Independent")."""
    text = name.text.casefold().removeprefix("the ")
    if text in resources.news_outlets:
        return True
    words = [t for t in name if t.lower_ != "the"]
    return (
        len(words) >= 2
        and all(t.text[:1].isupper() for t in words)
        and words[-1].lower_ in resources.outlet_words
    )


def acronym_gloss(name: Span) -> Span | None:
    """The acronym in brackets right after a name: "the Kenya Union of Journalists
    (KUJ)"; the article goes on to use it for the same body."""
    doc = name.doc
    end = name.end
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return None
    word = doc[end + 1]
    letters = [c for c in word.text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    # "(KUJ)", and the mixed case of "(SAFEnet)" or "(CeMAS)": capitals first and at
    # least half the letters, so that a bracketed "(McCain)" is no acronym
    if not 2 <= len(letters) <= 10 or not letters[0].isupper() or 2 * capitals < len(letters):
        return None
    return None if word.ent_type_ == "GPE" else doc[end + 1 : end + 2]


def goes_by_acronym(name: Span, resources: Resources) -> bool:
    """A party or movement goes by its short name, as groups do (TTP, PTI): its
    name ends in one of the groups' name heads ("the Democratic Alliance (DA)",
    "Samyukt Kisan Morcha (SKM)"), a group descriptor stands before it ("the banned
    ..."), or a group noun describes it after the gloss ("X (XYZ), a separatist
    group"); a court, a union or an association glossed so keeps its full name
    ("Supreme Federal Court (STF)"). Cues from ``groups.yml``."""
    cues = resources.group_cues
    if name[-1].lower_ in cues.name_heads | cues.native_heads | cues.gloss_heads:
        return True
    doc = name.doc
    if name.start > 0 and doc[name.start - 1].lower_ in cues.descriptors:
        return True
    after = name.end + 3  # past "(XYZ)"
    if after >= len(doc) or doc[after].text != ",":
        return False
    for token in doc[after + 1 : min(after + 8, name.sent.end)]:
        if token.is_punct:
            break
        if token.pos_ == "NOUN" and token.lemma_.casefold() in cues.group_nouns:
            return True
    return False


_FILLER = frozenset({"of", "the", "for", "and", "to", "on", "in", "'s", "’s"})


def catalogue_for_bare(word: str, article_words: set[str], resources: Resources) -> str | None:
    """The catalogue organisation a bare "Commission" names in an article that writes
    the rest of one catalogue name's words ("EU", "European"): the entry with the most
    such words, when it is the only one with that many."""
    folded = word.casefold()
    scores: dict[str, int] = {}
    for entry in resources.organisations:
        for alias in entry.aliases:
            words = [w.casefold() for w in _ALIAS_TOKENS.findall(alias)]
            if len(words) < 2 or words[-1] != folded:
                continue
            others = {w for w in words[:-1] if w not in _FILLER}
            score = len(others & article_words)
            scores[entry.id] = max(scores.get(entry.id, 0), score)
    best = max(scores.values(), default=0)
    winners = [name for name, score in scores.items() if score == best]
    return winners[0] if best > 0 and len(winners) == 1 else None
