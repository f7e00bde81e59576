"""Which names an article holds, and which mentions are one entity.

Decides the people and organisations a sentence may be attributed to, before any
attribution is made, from these cues:

- PERSON entities, with title words NER swallowed stripped ("Barrister Ayesha Khan");
- names that follow a title ("Minister for Information Attaullah Tarar"), which the
  statistical NER often misses;
- ORG entities whose name carries an institution word from ``speech.yml``
  ("Ministry of Information");
- later repeats of a full name NER did not tag, and lone surnames, folded into the
  full name they belong to (:func:`extract.names.same_person`).

Titles written beside each full-name mention are collected here too
(:mod:`extract.titles`), since they hang from the name as written.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from extract.doccache import doc_ents, positions, token_strings
from extract.model import Mention, Speaker
from extract.names import same_organisation, same_person
from extract.organisations import (
    OrganisationMention,
    acronym_gloss,
    catalogue_for_bare,
    goes_by_acronym,
    named_as_organisation,
    organisation_mentions,
)
from extract.resources import Resources
from extract.titles import (
    strip_title_words,
    titles_after,
    titles_before,
    titles_in_coordinated_relative,
    titles_in_relative,
    whole_at_hyphens,
)


@dataclass
class Entity:
    """One person or organisation of the article while attribution runs."""

    name: str
    kind: str
    aliases: list[Mention] = field(default_factory=list)
    titles: list[Mention] = field(default_factory=list)
    claims: int = 0

    def freeze(self) -> Speaker:
        """The record kept: aliases in text order, each title span once."""
        seen: set[tuple[int, int]] = set()
        titles = []
        for title in sorted(self.titles, key=lambda m: m.start):
            if (title.start, title.end) not in seen:
                seen.add((title.start, title.end))
                titles.append(title)
        return Speaker(
            name=self.name,
            kind=self.kind,
            aliases=tuple(sorted(self.aliases, key=lambda m: m.start)),
            titles=tuple(titles),
        )


class Registry:
    """Names in one article, with surname and variant folding."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.by_token: dict[int, Entity] = {}
        self.organisations: list[tuple[OrganisationMention, Entity]] = []
        self.described: dict[int, set[str]] = {}  # id(entity) -> nouns in its appositives
        self.ents: tuple[Span, ...] = ()
        self._indexed = 0
        self._surname_set: set[str] = set()

    def full(self, name: str, kind: str) -> Entity:
        """The entity ``name`` spells, created when none does yet."""
        same = same_person if kind == "person" else same_organisation
        for entity in self.entities:
            if entity.kind == kind and same(entity.name, name):
                return entity
        if kind == "organisation":
            for entity in self.entities:
                if entity.kind == kind and _qualified(entity.name, name):
                    entity.name = max(entity.name, name, key=len)  # the fullest name used
                    return entity
        entity = Entity(name, kind)
        self.entities.append(entity)
        return entity

    def by_surname(self, surname: str, credited: bool = False) -> Entity | None:
        """The one person whose full name ends in ``surname``; None when several do,
        unless ``credited`` and exactly one of them has been credited with a statement
        ("Mr Duterte" after President Duterte spoke, with his daughter only mentioned)."""
        folded = surname.casefold()
        if folded not in self._surnames():
            return None
        matches = [
            e
            for e in self.entities
            if e.kind == "person"
            and len(e.name.split()) > 1
            and e.name.split()[-1].casefold() == folded
        ]
        if credited and len(matches) > 1:
            matches = [e for e in matches if e.claims]
        return matches[0] if len(matches) == 1 else None

    def by_family_name_first(self, word: str) -> Entity | None:
        """The one person of two names whose first is ``word``, when no full name ends
        in it: "Mr Geng" after "Geng Shuang" (a name written family name first)."""
        if word.casefold() in self._surnames():
            return None
        matches = [
            e
            for e in self.entities
            if e.kind == "person"
            and len(e.name.split()) == 2
            and e.name.split()[0].casefold() == word.casefold()
        ]
        return matches[0] if len(matches) == 1 else None

    def _surnames(self) -> set[str]:
        """Last words of the full names registered so far (entities are only added)."""
        if self._indexed != len(self.entities):
            self._indexed = len(self.entities)
            self._surname_set = {
                e.name.split()[-1].casefold()
                for e in self.entities
                if e.kind == "person" and len(e.name.split()) > 1
            }
        return self._surname_set

    def person_tokens(self) -> set[int]:
        """Token indices of every person's mentions."""
        return {i for i, e in self.by_token.items() if e.kind == "person"}

    def mark(self, span: Span, entity: Entity) -> None:
        """Record that every token of ``span`` names ``entity``."""
        for token in span:
            self.by_token[token.i] = entity

    def add(self, span: Span, label: str, kind: str, alias_kind: str = "name") -> Entity:
        """Register ``span`` as a full-name mention of the entity called ``label``.

        ``alias_kind`` is "alias" when ``label`` is a canonical name the words written
        only stand for, so the knowledge base keeps the canonical name.
        """
        entity = self.full(label, kind)
        entity.aliases.append(Mention(span.text, span.start_char, span.end_char, kind=alias_kind))
        self.mark(span, entity)
        return entity

    def organisation_before(
        self, token: int, noun: str | None, synonyms: frozenset[str] = frozenset()
    ) -> Entity | None:
        """The organisation named last before ``token``: whose name holds ``noun``, or
        which the article described by ``noun`` or, when ``noun`` is one of
        ``synonyms``, by another of them ("a government service ... the agency"); with
        ``noun`` None, the last company or platform (not a public body)."""
        for mention, entity in reversed(self.organisations):
            if mention.start >= token:
                continue
            if noun is None and mention.kind in ("platform", "company") and not mention.incidental:
                return entity
            if noun is None:
                continue
            described = self.described.get(id(entity), set())
            written = {w.casefold() for a in entity.aliases for w in a.text.split()}
            if noun in entity.name.casefold().split() or noun in described | written:
                return entity
            if noun in synonyms and described & synonyms:
                return entity
        return None

    def organisation_named_with(
        self, token: int, noun: str, synonyms: frozenset[str]
    ) -> Entity | None:
        """When ``noun`` is one of ``synonyms``, the organisation named last before
        ``token`` with one of them in its name as written ("the Federal Security Service
        ... the agency"): a weaker sign than :meth:`organisation_before`'s, which callers
        try first."""
        if noun not in synonyms:
            return None
        for mention, entity in reversed(self.organisations):
            written = {w.casefold() for a in entity.aliases for w in a.text.split()}
            if mention.start < token and written & synonyms:
                return entity
        return None


def _qualified(a: str, b: str) -> bool:
    """ "Federal Government" and "Federal Government of Ghana", "Supreme Court" and
    "Supreme Court of India": a body's name of two or more words and the same name
    qualified by "of" and a capitalised place or body are one body in one article."""
    short, long = sorted((a, b), key=len)
    rest = long[len(short) :]
    return (
        len(short.split()) >= 2
        and long.startswith(short)
        and rest.startswith(" of ")
        and rest[4:5].isupper()
    )


def name_run(
    doc: Doc,
    start: int,
    limit: int,
    vocabulary: frozenset[str],
    particles: frozenset[str] = frozenset(),
) -> Span | None:
    """Two to four capitalised proper nouns from ``start``, none a title word; a
    hyphenated part ("Jean-Luc") counts as one word, and a lower-case particle between
    two of them ("Pieter de Vries") belongs to the name."""
    end = start
    words = 0
    while end < limit and words < 4:
        if (
            words
            and doc[end].lower_ in particles
            and doc[end].is_lower
            and end + 1 < limit
            and _name_word(doc[end + 1], vocabulary)
        ):
            end += 1
        if not _name_word(doc[end], vocabulary):
            if words and _headed_by_nationality(doc, end, vocabulary):
                end, words = end + 1, words + 1  # the head ends the name
            break
        end = whole_at_hyphens(doc, end + 1, limit)
        words += 1
    if words < 2:
        return None
    return doc[start:end]


def _headed_by_nationality(doc: Doc, i: int, vocabulary: frozenset[str]) -> bool:
    """ "Omer Fatih Sayan" with "Sayan" tagged a nationality: a proper noun the name's
    words before it modify is the name's head, whatever NER called it."""
    token = doc[i]
    return (
        token.ent_type_ == "NORP"
        and token.pos_ == "PROPN"
        and capitalised(token)
        and token.lower_ not in vocabulary
        and doc[i - 1].dep_ == "compound"
        and doc[i - 1].head.i == i
    )


def _name_word(token: Token, vocabulary: frozenset[str]) -> bool:
    return (
        token.pos_ == "PROPN"
        and capitalised(token)
        and token.lower_ not in vocabulary
        and token.ent_type_ not in ("GPE", "GROUP", "PLATFORM", "DATE", "NORP")
    )


def capitalised(token: Token) -> bool:
    """A name-shaped word: "Moreau", "DeLaune", "McKay" (not "NATO", not "said")."""
    text = token.text
    return text[:1].isupper() and any(c.islower() for c in text[1:])


def name_start(doc: Doc, i: int, floor: int, particles: frozenset[str] = frozenset()) -> int:
    """Where the proper-noun name ending at token ``i`` starts, reading left over
    capitalised words, the hyphens inside them ("Jean-Luc Moreau") and a lower-case
    particle between two of them ("Pieter de Vries")."""
    start = i
    while start - 1 >= floor:
        before = doc[start - 1]
        if before.pos_ == "PROPN" and capitalised(before):
            start -= 1
        elif (
            before.lower_ in particles
            and before.is_lower
            and start - 2 >= floor
            and doc[start - 2].pos_ == "PROPN"
            and capitalised(doc[start - 2])
        ) or (
            before.text in ("-", "‐")
            and start - 2 >= floor
            and not before.whitespace_
            and not doc[start - 2].whitespace_
            and capitalised(doc[start - 2])
        ):
            start -= 2
        else:
            break
    return start


def _title_led_names(doc: Doc, resources: Resources) -> list[Span]:
    """Names that follow a title ("Minister for Information Attaullah Tarar")."""
    vocabulary = resources.title_vocabulary
    names = []
    for at in positions(doc, lowers=resources.title_heads):
        token = doc[at]
        if not token.is_title:
            continue
        i = token.i + 1
        limit = token.sent.end
        while i < limit and (doc[i].lower_ in vocabulary and (doc[i].is_title or doc[i].is_lower)):
            i += 1
        if i < limit and doc[i].text == ",":
            i += 1
        span = name_run(doc, i, limit, vocabulary, resources.name_particles)
        if span is None:
            continue
        official = _official_after_state(span, resources)
        if official is None and _title_object(span, resources):
            continue  # "Director of the International Society X": the title's object
        names.append(official or span)
    return names


def _title_object(span: Span, resources: Resources) -> bool:
    """A run of name words after "of the" or "for" that NER tags an organisation
    throughout is what the title is of, not the person holding it."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return (
        before is not None
        and (before.pos_ == "DET" or before.lower_ in resources.title_connectors)
        and all(t.ent_type_ == "ORG" for t in span)
    )


def _official_after_state(ent: Span, resources: Resources) -> Span | None:
    """ "the press secretary of the President of the Russian Federation Ivan X said":
    NER runs a state's formal name into the official's after it and calls the whole
    an organisation or a person. Capitalised words ending on a noun that names a state
    (``state_nouns``: "Federation", "Republic") are the state; two to four name-shaped
    words after it, none a title word, are the person."""
    if ent.label_ not in ("ORG", "PERSON", "GPE", ""):
        return None  # "": a run of name words read after a title
    doc = ent.doc
    words = [t for t in ent if t.pos_ != "DET"]
    for k, token in enumerate(words[:-2]):
        if token.lower_ not in resources.state_nouns:
            if not token.is_title:
                return None
            continue
        name = words[k + 1 :]
        vocabulary = resources.title_vocabulary
        if 2 <= len(name) <= 4 and all(
            t.is_title and t.pos_ == "PROPN" and t.lower_ not in vocabulary for t in name
        ):
            return doc[name[0].i : ent.end]
        return None
    return None


def _person_called_organisation(ent: Span, resources: Resources) -> bool:
    """ "Oleksandr Kovalenko, a spokesman for the police," or "Jean-Baptiste Okonkwo,
    61,": a name NER called an organisation that the article describes as a person,
    by an appositive title word or an age; two to four name-shaped words, none a title,
    institution or organisation word."""
    words = [t for t in ent if t.text not in ("-", "‐")]
    if not 2 <= len(words) <= 4 or not all(capitalised(t) for t in words):
        return False
    vocabulary = resources.title_vocabulary | resources.institutions | resources.org_named_nouns
    if any(t.lower_ in vocabulary or t.ent_type_ != "ORG" for t in words):
        return False
    for child in ent.root.children:
        if child.dep_ != "appos" or child.i < ent.end:
            continue
        if child.like_num or child.lemma_.casefold() in resources.title_heads:
            return True
    return _titled_before(ent, resources)


def _titled_before(ent: Span, resources: Resources) -> bool:
    """ "police spokesman Jane Doe", "the country's president, Jane Doe,": a title head
    right before the name (past a comma, when the name is in apposition to it) or an
    acronym rank between them ("spokesman SP Jane Doe") says the name is a person's."""
    doc = ent.doc
    root = ent.root
    if root.dep_ == "appos" and root.head.i < ent.start:
        return root.head.lemma_.casefold() in resources.title_heads
    i = ent.start - 1
    while i >= ent.sent.start and doc[i].is_upper and doc[i].lower_ in resources.title_heads:
        i -= 1
    return i >= ent.sent.start and doc[i].lower_ in resources.title_heads and doc[i].head == root


def _whole_given_names(name: Span, resources: Resources) -> Span:
    """ "Ravi Kumar Menon" when NER tagged only "Kumar Menon": capitalised proper nouns
    right before the name that modify it, up to a title or courtesy word ("Shri"); and
    the proper noun after it that the name's words modify."""
    doc = name.doc
    start = name.start
    vocabulary = resources.title_vocabulary
    while (
        start - 1 >= name.sent.start
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].dep_ == "compound"
        and name.start <= doc[start - 1].head.i < name.end
        and capitalised(doc[start - 1])
        and doc[start - 1].lower_ not in vocabulary
        and not doc[start - 1].ent_type_
    ):
        start -= 1
    end = name.end
    # "Ömer Fatih Sayan" when NER tagged "Ömer Fatih" a person and "Sayan" a nationality:
    # the name's words modify the proper noun after them, which heads the name
    while (
        end < name.sent.end
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i == end
        and doc[end].pos_ == "PROPN"
        and capitalised(doc[end])
        and doc[end].ent_type_ in ("", "NORP")
        and doc[end].lower_ not in vocabulary
    ):
        end += 1
    return doc[start:end]


def _name_spans(doc: Doc, ents: tuple[Span, ...], resources: Resources) -> list[tuple[Span, str]]:
    spans: list[tuple[Span, str]] = []
    taken: set[int] = set()
    for name in _title_led_names(doc, resources):
        spans.append((name, "person"))
        taken.update(range(name.start, name.end))
    for ent in ents:
        official = _official_after_state(ent, resources)
        if official is not None and not any(t.i in taken for t in official):
            spans.append((official, "person"))
            taken.update(range(ent.start, ent.end))
            continue
        if ent.label_ == "ORG" and _person_called_organisation(ent, resources):
            spans.append((ent, "person"))
            taken.update(range(ent.start, ent.end))
        if ent.label_ == "PERSON":
            name = _whole_given_names(strip_title_words(ent, resources), resources)
            if any(t.i in taken for t in name) or named_as_organisation(doc, name.start, resources):
                continue
            if goes_by_acronym(name, resources) and acronym_gloss(name) is not None:
                spans.append((name, "party"))  # "Samyukt Kisan Morcha (SKM)": NER said PERSON
                continue
            if any(t.is_alpha for t in name) and not name.text.isupper():
                spans.append((name, "person"))
    return spans


def register_names(doc: Doc, resources: Resources) -> Registry:
    """Every name of the article, with surnames folded and titles collected."""
    registry = Registry()
    registry.ents = doc_ents(doc)
    spans = _name_spans(doc, registry.ents, resources)
    for span, kind in spans:
        if kind == "party":
            _register_glossed_party(span, registry)
        elif len(span) > 1:
            registry.add(span, span.text, "person")
    _register_organisations(doc, resources, registry)
    _mark_repeats(doc, registry)
    for span, kind in spans:
        if kind == "person" and len(span) == 1 and span.start not in registry.by_token:
            if _mark_surname(doc[span.start], registry):
                continue
            if span[0].lower_ not in resources.courtesy and titles_before(span, resources, set()):
                # known by one name, with a title: "Prime Minister Sheikh Hasina's"
                registry.add(span, span.text, "person")
    words = token_strings(doc)
    for token in (doc[k] for k, pos in enumerate(words.pos) if pos == "PROPN"):
        if token.i not in registry.by_token and token.is_title:
            _mark_surname(token, registry)
    _register_person_owned(doc, resources, registry)
    names = registry.person_tokens()
    for entity in registry.entities:
        if entity.kind == "person":
            for alias in entity.aliases:
                collect_titles(entity, alias, doc, resources, names)
    return registry


def collect_titles(
    entity: Entity, alias: Mention, doc: Doc, resources: Resources, names: set[int]
) -> None:
    """The titles written beside one mention of a person (``names``: every person's
    tokens, which a title never crosses)."""
    written = doc.char_span(alias.start, alias.end)
    if written is None:
        return
    if alias.kind in ("name", "surname"):  # "President Bolsonaro", "Haldane, the commissioner"
        entity.titles.extend(titles_before(written, resources, names))
        entity.titles.extend(titles_after(written, resources, names))
        entity.titles.extend(titles_in_relative(written, resources))
        entity.titles.extend(titles_in_coordinated_relative(written, resources))


def _register_organisations(doc: Doc, resources: Resources, registry: Registry) -> None:
    """Every organisation named; a bare "Commission" after "European Commission" is it."""
    taken = set(registry.by_token)
    article_words: set[str] = set()
    glossed: dict[str, Entity] = {}  # an acronym glossed in brackets -> its body
    # A country by name, or a name-shaped word NER tags as a place somewhere ("Moldova"),
    # not an acronym it does ("RT").
    places = {e.text for e in registry.ents if e.label_ in ("GPE", "LOC") and capitalised(e[0])}
    for mention in organisation_mentions(doc, resources, registry.ents):
        if any(i in taken or i in registry.by_token for i in range(mention.start, mention.end)):
            continue
        span = doc[mention.start : mention.end]
        if len(span) == 1 and mention.kind == "org" and registry.by_surname(span.text):
            continue  # "Yaccarino said": NER took a surname for an organisation
        if mention.kind == "org" and (
            span.text in places or span.text.casefold() in resources.places
        ):
            continue  # "Moldova's election": NER took a place it tags GPE elsewhere for a body
        words = mention.label.casefold().split()
        entity = None
        label = mention.label
        if len(words) == 1 and words[0] in resources.org_named_nouns:
            entity = registry.organisation_before(mention.start, words[0])
            if entity is None and mention.kind == "org":
                article_words = article_words or set(token_strings(doc).lower)
                label = catalogue_for_bare(words[0], article_words, resources) or label
        if entity is not None:
            entity.aliases.append(Mention(span.text, span.start_char, span.end_char, kind="role"))
            registry.mark(span, entity)
        elif span.text in glossed:  # "MRA added" after "Media Rights Agenda (MRA)"
            entity = glossed[span.text]
            registry.add(span, entity.name, "organisation")
        elif mention.kind == "org" and (
            shortened := _shortened(span.text, registry, resources.places)
        ):
            entity = shortened  # "Stanford said" after "the Stanford Internet Observatory"
            entity.aliases.append(Mention(span.text, span.start_char, span.end_char, kind="role"))
            registry.mark(span, entity)
        else:
            # A catalogued body glossed in brackets keeps its catalogue's name and the
            # acronym is the same body ("the Pakistan Telecommunication Authority (PTA)").
            gloss = acronym_gloss(span) if mention.kind in ("org", "catalogue") else None
            if gloss is not None and gloss[0].ent_type_ == "GROUP":
                label = gloss[0].ent_id_ or gloss.text  # a group the gazetteer knows
            elif gloss is not None and mention.kind == "org" and goes_by_acronym(span, resources):
                label = gloss.text  # "the Samyukt Kisan Morcha (SKM)" speaks as SKM
            catalogued = mention.catalogued or label != mention.label
            alias_kind = "alias" if catalogued and label != span.text else "name"
            entity = registry.add(span, label, "organisation", alias_kind)
            if gloss is not None:
                registry.add(gloss, label, "organisation")
                glossed[gloss.text] = entity
        kind = mention.kind
        cues = resources.group_cues
        bodies = resources.institutions | cues.name_heads | cues.native_heads
        if kind in ("org", "catalogue") and not {t.lower_ for t in span} & bodies:
            kind = "company"  # not a public body, nor a party or movement
        registry.organisations.append(
            (replace(mention, kind=kind, incidental=_incidental(span)), entity)
        )
        registry.described.setdefault(id(entity), set()).update(_appositive_nouns(span))


def _shortened(word: str, registry: Registry, places: frozenset[str]) -> Entity | None:
    """The one organisation named before whose name of several words opens with the
    uncatalogued one-word name ``word``: news shortens "the Stanford Internet
    Observatory" to "Stanford" ("Stanford said", "the Stanford team"), and "the US
    Treasury Department" to "Treasury" (a country before the name is no part of the
    short form; the name as written counts as well as the catalogue's)."""
    if " " in word:
        return None
    found = {
        id(e): e
        for m, e in registry.organisations
        if m.kind in ("org", "company", "catalogue")
        and any(_opens_with(name, word, places) for name in (e.name, *(a.text for a in e.aliases)))
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _opens_with(name: str, word: str, places: frozenset[str]) -> bool:
    """True when ``name``, past an article and a country ("the US ..."), has several
    words and opens with ``word``."""
    words = name.split()
    while words and (words[0].casefold() == "the" or words[0].casefold() in places):
        words = words[1:]
    return len(words) > 1 and words[0] == word


def _register_glossed_party(name: Span, registry: Registry) -> None:
    """A party or movement NER took for a person, glossed with its acronym: it speaks
    under the acronym (:func:`extract.organisations.goes_by_acronym`)."""
    gloss = acronym_gloss(name)
    if gloss is None:
        return
    entity = registry.add(name, gloss.text, "organisation", "alias")
    registry.add(gloss, gloss.text, "organisation")
    mention = OrganisationMention(name.start, name.end, entity.name, "org")
    registry.organisations.append((mention, entity))


def _register_person_owned(doc: Doc, resources: Resources, registry: Registry) -> None:
    """ "The Trump campaign" or "Trump's campaign" is an organisation named after a
    person, not the person; "a campaign spokesperson" later is that organisation."""
    words = token_strings(doc)
    candidates = (
        doc[k]
        for k, lemma in enumerate(words.lemma)
        if lemma in resources.org_named_nouns
        and lemma not in resources.offices  # "Mr X's ministry" is his office
        and words.tag[k] in ("NN", "NNP")
    )
    for noun in candidates:
        if noun.i in registry.by_token:
            continue

        def is_person(token: Token) -> bool:
            known = registry.by_token.get(token.i)
            return token.ent_type_ == "PERSON" or (known is not None and known.kind == "person")

        owner = next(
            (
                c
                for c in noun.children
                if c.dep_ in ("poss", "compound") and is_person(c) and c.i < noun.i
            ),
            None,
        )
        if owner is None:
            continue
        start = min(t.i for t in owner.subtree if is_person(t))
        name = doc[start : owner.i + 1].text
        span = doc[start : noun.i + 1]
        entity = registry.add(span, f"{name} {noun.text}", "organisation", "alias")
        mention = OrganisationMention(start, noun.i + 1, entity.name, "org")
        registry.organisations.append((mention, entity))
    registry.organisations.sort(key=lambda pair: pair[0].start)


def _appositive_nouns(span: Span) -> set[str]:
    """Head nouns that describe an organisation in apposition: "Ofkom, the national
    watchdog on broadcasting" lets "the watchdog" refer back to it."""
    return {
        child.lemma_.casefold()
        for token in span
        for child in token.children
        if child.dep_ == "appos" and child.pos_ == "NOUN"
    }


def _mark_repeats(doc: Doc, registry: Registry) -> None:
    """Mark occurrences of known full names that NER did not tag, and of an
    organisation's name as written elsewhere in the article ("an RT spokesperson"
    where the sentence alone did not make "RT" a name); one-letter names only where
    tagged."""
    names = {
        tuple(alias.text.split()): (entity, alias.kind)
        for entity in registry.entities
        for alias in entity.aliases
        if entity.kind == "person" or (alias.kind in ("name", "alias") and len(alias.text) > 1)
    }
    kinds = {id(e): m.kind for m, e in registry.organisations}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for parts in names:
        by_first.setdefault(parts[0], []).append(parts)
    words = token_strings(doc).text
    for i, word in enumerate(words):
        for parts in by_first.get(word, ()):
            if tuple(words[i : i + len(parts)]) == parts and i not in registry.by_token:
                span = doc[i : i + len(parts)]
                entity, kind = names[parts]
                entity.aliases.append(
                    Mention(
                        span.text,
                        span.start_char,
                        span.end_char,
                        kind="name" if entity.kind == "person" else kind,
                    )
                )
                registry.mark(span, entity)
                if entity.kind == "organisation":
                    mention = OrganisationMention(
                        span.start, span.end, entity.name, kinds.get(id(entity), "org")
                    )
                    registry.organisations.append((mention, entity))
    registry.organisations.sort(key=lambda pair: pair[0].start)


_VENUE_PREPOSITIONS = frozenset({"on", "via", "across", "through"})


def _incidental(span: Span) -> bool:
    """Whether an organisation is named in passing: as a modifier of a thing ("the
    YouTube channel") or as the venue of something ("continued on Facebook")."""
    root = span.root
    if root.dep_ == "compound":
        return root.head.pos_ == "NOUN"
    return root.dep_ == "pobj" and root.head.lower_ in _VENUE_PREPOSITIONS


def _mark_surname(token: Token, registry: Registry) -> bool:
    """Whether the token is the surname of one person named in full, marked as theirs."""
    entity = registry.by_surname(token.text)
    if entity is None:
        return False
    entity.aliases.append(
        Mention(token.text, token.idx, token.idx + len(token.text), kind="surname")
    )
    registry.by_token[token.i] = entity
    return True
