"""What a later reference points back to: "he", "the minister", "the company".

Decides which already-named speaker a pronoun or a role noun refers to, from the
order of attributions in the article: a pronoun ("he", "she") is the last person
credited, "it" the last organisation credited; "the company" (``reference_nouns``
in ``organisations.yml``) is the last company or platform named, "the ministry" the
last organisation named whose name holds the word, else the organisation the
sentence before is about ("Ofcom opened an inquiry. The regulator said"); a role
noun from ``speech.yml`` (``roles``) is the speaker whose title holds that word,
else the last person; a plural role ("officials") or "they" after one is a plural
subject, never a named speaker.
"""

from __future__ import annotations

from collections.abc import KeysView
from itertools import pairwise

from spacy.tokens import Token

from extract.model import Mention
from extract.organisations import OrganisationMention, portfolio_office
from extract.registry import Entity, Registry
from extract.resources import Resources

_COMPANIES = frozenset({"platform", "company", "catalogue"})
_SPEAKING_FIRMS = frozenset({"platform", "company"})


class References:
    """The speakers a following reference may point to, updated as sentences are read."""

    def __init__(self, registry: Registry, resources: Resources) -> None:
        self.registry = registry
        self.resources = resources
        self.last: Entity | None = None
        self.last_person: Entity | None = None
        self.last_org: Entity | None = None
        self.last_plural = False
        self.credited_sentences: set[int] = set()  # start tokens of attributed sentences

    def remember(self, entity: Entity) -> None:
        """The speaker that a following pronoun or role noun may refer to."""
        self.last = entity
        if entity.kind == "person":
            self.last_person = entity
        else:
            self.last_org = entity

    def resolve(self, subject: Token) -> tuple[Entity | None, str] | None:
        """The entity a reference word stands for and its category; None when the
        word is not a reference."""
        lowered = subject.lower_
        if lowered in self.resources.pronouns:
            return self._person_for_pronoun(subject), "pronoun"
        if lowered == "they":
            return None, "plural" if self.last_plural else "other"
        lemma = subject.lemma_.casefold()
        if lowered == "it":
            own = self._subject_of_own_sentence(subject, "organisation") or self._statement_owner(
                subject
            )
            if own is not None:  # "X has been under pressure since it acknowledged ..."
                return own, "role"
            introduced = self._subject_of_previous(subject, "organisation")
            if introduced is not None:  # "Google does not expect ... It said ..."
                return introduced, "role"
            if self.last is not None and self.last.kind == "organisation":
                return self.last, "role"
        owner = self._person_owner(subject)
        if owner is not None and lemma in self.resources.offices:
            office = self._office_of_titled(subject, owner)  # "Mr X's ministry said"
            return (office, "role") if office else (None, "state")
        owned = _owned_by_country(subject) and lemma in self.resources.org_named_nouns
        if subject.tag_ not in ("NNS", "NNPS") and (definite(subject) or owned):
            if lemma in self.resources.org_generic_nouns:
                found = (
                    self._company_in_sentence(subject)
                    or self._firm(self._subject_of_previous(subject, "organisation"))
                    or self._credited_company()
                    or self.registry.organisation_before(subject.i, None)
                )
                return (found, "role") if found else (None, "state")
            if lemma in self.resources.org_named_nouns:
                limit = _antecedent_limit(subject)
                bodies = self.resources.body_nouns
                found = (
                    (self._portfolio_office(subject) if owned else None)
                    or self.registry.organisation_before(limit, lemma, bodies)
                    or self._office_of_titled(subject)
                    or self._portfolio_office(subject)
                    or self._subject_of_previous(subject, "organisation")
                    or self.registry.organisation_named_with(limit, lemma, bodies)
                )  # "Ofcom opened an inquiry. The regulator said ..."
                return (found, "role") if found else (None, "state")
        if lemma in self.resources.role_nouns:
            if subject.tag_ in ("NNS", "NNPS"):
                return None, "plural"
            if _indefinite(subject):
                return None  # "a spokesperson said": someone new, not the last speaker
            found = self.by_role(lemma, subject.i)
            if found is not None and found.kind == "person":
                title = _described_role(subject, self.registry.by_token.keys())
                if title is not None:
                    found.titles.append(title)
            return found, "role"
        return None

    def _person_owner(self, noun: Token) -> Entity | None:
        """The person a noun belongs to: "Mr Mohammed's ministry"."""
        for child in noun.children:
            entity = self.registry.by_token.get(child.i)
            if child.dep_ == "poss" and entity is not None and entity.kind == "person":
                return entity
        return None

    def _office_of_titled(self, noun: Token, owner: Entity | None = None) -> Entity | None:
        """ "The foreign ministry said", no ministry named before: the office run by a
        person whose title has the head ("minister") and the noun's modifiers
        ("foreign"), named from that title: "minister for Europe and foreign affairs"
        runs the "Ministry for Europe and Foreign Affairs"; a bare "the ministry", the
        office of the one person so titled named before it. With ``owner`` ("Mr X's
        ministry"), the office of that person's title, whatever its modifiers. A
        portfolio written "minister for X" names an uncatalogued "Ministry of X", the
        usual form of a ministry's name."""
        head = self.resources.offices.get(noun.lemma_.casefold())
        modifiers = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
        if head is None:
            return None
        people = [owner] if owner else list(reversed(self.registry.entities))
        if not (modifiers or owner):
            # bare "the ministry": the office of the one person named before it whose
            # title gives the portfolio after its head ("The Minister of X, Y, ...")
            people = [
                e
                for e in people
                if e.kind == "person"
                and any(a.start < noun.idx for a in e.aliases)
                and any(_portfolio_after(t.text, head) for t in e.titles)
            ]
            if len(people) != 1:
                return None
        for entity in people:
            if entity.kind != "person":
                continue
            for title in entity.titles:
                words = title.text.split()
                folded = [w.casefold() for w in words]
                if head in folded and modifiers <= set(folded):
                    name = _office_name(words, folded.index(head), noun.text, self.resources)
                    catalogued = _catalogued(name, self.resources)
                    if catalogued is None:
                        name = name.replace(" for ", " of ", 1)
                        catalogued = _catalogued(name, self.resources)
                    office = self.registry.full(catalogued or name, "organisation")
                    phrase = noun.doc[min(t.i for t in noun.subtree) : noun.i + 1]
                    office.aliases.append(
                        Mention(phrase.text, phrase.start_char, phrase.end_char, kind="role")
                    )
                    return office
        return None

    def _portfolio_office(self, noun: Token) -> Entity | None:
        """ "The interior ministry said", no ministry named before and no minister whose
        title names it: the office its portfolio names (:func:`portfolio_office`),
        registered so that "the ministry" later refers to it."""
        found = portfolio_office(noun, self.resources)
        if found is None:
            return None
        start, label = found
        span = noun.doc[start : noun.i + 1]
        entity = self.registry.add(span, label, "organisation")
        mention = OrganisationMention(start, noun.i + 1, label, "org")
        self.registry.organisations.append((mention, entity))
        return entity

    def _company_in_sentence(self, noun: Token) -> Entity | None:
        """The first company or platform named earlier in the noun's own sentence
        ("Meta's report, in which the company said ..."): nearer than any credited
        before; the first, since those after it are what it speaks about ("Meta found
        the network on YouTube and X, the company said")."""
        for mention, entity in self.registry.organisations:
            if noun.sent.start <= mention.start < noun.i and mention.kind in _SPEAKING_FIRMS:
                return entity
        return None

    def _firm(self, entity: Entity | None) -> Entity | None:
        """``entity`` when it is a company or a platform."""
        firms = {id(e) for m, e in self.registry.organisations if m.kind in _SPEAKING_FIRMS}
        return entity if entity is not None and id(entity) in firms else None

    def _credited_company(self) -> Entity | None:
        """The last organisation credited, when it is a company or a platform."""
        companies = {id(e) for m, e in self.registry.organisations if m.kind in _COMPANIES}
        return self.last_org if self.last_org and id(self.last_org) in companies else None

    def _person_for_pronoun(self, pronoun: Token) -> Entity | None:
        """The last person credited, unless a person spoke last and the sentence before
        credits nobody and introduces someone ("The reply came from its chief executive,
        X. She said ..."); after an organisation, never someone only named; with nobody
        credited yet, the last person named."""
        introduced = self._subject_of_previous(pronoun, "person")
        if introduced is not None:  # "President X answered that night. He said ..."
            return introduced
        own = self._subject_of_own_sentence(pronoun, "person")
        if own is not None:  # "X set the tone on Saturday, when he said ..."
            return own
        sentence = pronoun.sent
        previous = pronoun.doc[sentence.start - 1].sent if sentence.start > 0 else None
        if self.last is not None and self.last.kind == "organisation":
            return self.last_person  # after an organisation speaks, not someone it names
        introduced = None
        if previous is not None and previous.start not in self.credited_sentences:
            introduced = self._person_between(previous.start, pronoun.i)
        else:
            introduced = self._person_between(sentence.start, pronoun.i)
        if introduced is not None:
            return introduced
        if self.last_person is not None or self.last is not None:
            return self.last_person  # after an organisation, "he" is its unnamed voice
        return self._person_between(0, pronoun.i)

    def _statement_owner(self, pronoun: Token) -> Entity | None:
        """ "The news followed X Corp's disclosure that it had seized six domains, which
        it said ...": "it" inside what a statement noun (``statement_nouns``) reports
        is the organisation that owns the statement."""
        node = pronoun
        while node.head.i != node.i:
            node = node.head
            if node.lemma_.casefold() in self.resources.statement_nouns:
                for owner in (c for c in node.children if c.dep_ == "poss"):
                    for word in owner.subtree:  # "X Corp's": the name may leave out "Corp"
                        entity = self.registry.by_token.get(word.i)
                        if entity is not None and entity.kind == "organisation":
                            return entity
                return None
        return None

    def _subject_of_own_sentence(self, pronoun: Token, kind: str) -> Entity | None:
        """The person (or organisation, ``kind``) named as the subject of the pronoun's
        own sentence, before it:
        "X, the founder, had set the tone on Saturday, when he apologised and said
        ...", "X made a related point in an essay: the figures are inflated, he said".
        A pronoun in a clause of a sentence whose subject is a person named before it
        is that person, whoever spoke in the sentence before."""
        root: Token | None = pronoun.sent.root
        if root is not None and pronoun.head.i == root.i and pronoun.dep_ == "nsubj":
            root = _framing_clause(root, pronoun)  # "X made a point: ..., he said"
        if root is None:
            return None  # the pronoun is the sentence's own subject
        for subject in (c for c in root.children if c.dep_ == "nsubj" and c.i < pronoun.i):
            entity = self.registry.by_token.get(subject.i)
            if entity is not None and entity.kind == kind and not _dateline(subject):
                return entity
        return None

    def _subject_of_previous(self, pronoun: Token, kind: str) -> Entity | None:
        """The person or organisation (``kind``) that is the subject of the main verb
        of the sentence before ``pronoun``'s, when that sentence credits nobody and
        the pronoun opens its own sentence's subject."""
        sentence = pronoun.sent
        if sentence.start == 0:
            return None
        previous = pronoun.doc[sentence.start - 1].sent
        if previous.start in self.credited_sentences:
            return None
        root = self.registry.by_token.get(previous.root.i)
        if root is not None and root.kind == kind and previous.root.pos_ == "PROPN":
            return root  # a sentence without a verb: "Where did they go? Bluesky, mostly."
        for subject in (c for c in previous.root.children if c.dep_ == "nsubj"):
            owners = [c for c in subject.children if c.dep_ == "poss"]  # "X's answer was ..."
            for token in (subject, *owners):
                entity = self.registry.by_token.get(token.i)
                if entity is not None and entity.kind == kind:
                    return entity
        return None

    def _person_between(self, start: int, end: int) -> Entity | None:
        for i in range(end - 1, start - 1, -1):
            entity = self.registry.by_token.get(i)
            if entity is not None and entity.kind == "person":
                return entity
        return None

    def by_role(self, role: str, before: int) -> Entity | None:
        """The speaker whose title holds ``role``: the last person first; with nobody
        credited yet, the last person named before token ``before``."""
        last = self.last_person
        if last is not None and any(role in t.text.casefold() for t in last.titles):
            return last
        for entity in reversed(self.registry.entities):
            if any(role in t.text.casefold() for t in entity.titles):
                return entity
        if role in self.resources.voice_nouns:
            for entity in reversed(self.registry.entities):
                if entity.kind == "organisation" and any(
                    a.kind == "role" and a.text.casefold() == role for a in entity.aliases
                ):
                    return entity  # "a Commission spokesperson told ... the spokesperson said"
        if last is None and self.last is None:
            return self._person_between(0, before)
        return last


def _described_role(noun: Token, names: KeysView[int]) -> Mention | None:
    """The role noun's phrase as a title when words describe the office ("the European
    commissioner responsible for the internal market said"); None for a bare "the
    minister" or a phrase that holds a name."""
    parts = [noun]
    for child in noun.children:
        if child.dep_ == "det":
            continue
        if child.i < noun.i or child.dep_ in ("amod", "prep", "acl", "compound"):
            parts.extend(child.subtree)
    if len(parts) == 1 or any(t.ent_type_ in ("PERSON", "DATE") or t.i in names for t in parts):
        return None
    first, last = min(t.i for t in parts), max(t.i for t in parts)
    if last - first + 1 != len(parts) or any(t.is_punct for t in parts):
        return None
    span = noun.doc[first : last + 1]
    return Mention(span.text, span.start_char, span.end_char, kind="title")


def _antecedent_limit(noun: Token) -> int:
    """Where the antecedent of "the party" may end: before its sentence when the
    sentence's reported words come first ("... what the SNS had spent must be made
    public, the party said": the party is not one it speaks about), else before the noun."""
    verb = noun.head
    reported_first = any(c.dep_ == "ccomp" and c.i < noun.i for c in verb.children)
    return noun.sent.start if noun.dep_ == "nsubj" and reported_first else noun.i


def _owned_by_country(noun: Token) -> bool:
    """ "Pakistan's interior ministry": a country's possessive makes the noun definite."""
    return any(c.dep_ == "poss" and c.ent_type_ == "GPE" for c in noun.children)


def definite(noun: Token) -> bool:
    """True for "the company" or "the ministry", not "a company" or "companies"."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in noun.children)


def _portfolio_after(title: str, head: str) -> bool:
    """Whether the title names its portfolio after its head ("Minister of X")."""
    words = title.casefold().split()
    return any(w == head and n in ("of", "for") for w, n in pairwise(words))


def _office_name(words: list[str], head: int, noun: str, resources: Resources) -> str:
    """The office's name from the title's words: the head turned into ``noun``, the
    portfolio capitalised ("Foreign Minister" -> "Foreign Ministry")."""
    kept = [w for w in words if "'" not in w and "’" not in w]
    head = kept.index(words[head])
    named = [
        w if w.casefold() in resources.title_connectors else w[:1].upper() + w[1:]
        for w in kept[head + 1 :]
    ]
    before = [w[:1].upper() + w[1:] for w in kept[:head] if w[:1].isalpha()]
    return " ".join([*before, noun.capitalize(), *named])


def _catalogued(name: str, resources: Resources) -> str | None:
    """The catalogue's canonical name for ``name`` when one of its forms is written so."""
    folded = name.casefold()
    for entry in resources.organisations:
        if any(alias.casefold() == folded for alias in entry.aliases):
            return entry.id
    return None


def _indefinite(noun: Token) -> bool:
    """True for "a spokesperson" or "another official"."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children)


def _dateline(token: Token) -> bool:
    """ "KAMPALA — Uganda's government has ...": the parser may make a dateline's place
    the sentence's subject; a word in capitals before a dash names no one."""
    doc = token.doc
    return (
        token.text.isupper()
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text in ("-", "—", "–", ":")
    )


def _framing_clause(verb: Token, pronoun: Token) -> Token | None:
    """ "X made a related point in an essay: the figures are inflated, he said": the
    parser hangs the clause that introduces the words (closed by a colon) under the
    "said" of the parenthetical; that clause, not the words, names the speaker. Words
    said without such a frame ("X lied, he said") are content and give no one."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i < pronoun.i):
        if any(c.text == ":" and c.i > clause.i for c in clause.children):
            return clause
    return None


def via_preposition(token: Token, top: Token) -> bool:
    """True when ``token`` hangs from ``top`` through a preposition ("spokesman for X")."""
    node = token
    while node.i not in (top.i, node.head.i):
        if node.dep_ in ("pobj", "prep", "relcl", "acl") and not _inside_hyphens(node):
            return True
        node = node.head
    return False


def _inside_hyphens(node: Token) -> bool:
    """ "editor-in-chief X": the parser reads the "in" of a hyphenated title as a
    preposition and the name after it as its object; a preposition written between
    hyphens is part of a word, and the name is the title's holder."""
    prep = node if node.dep_ == "prep" else node.head
    doc = node.doc
    return (
        prep.dep_ == "prep"
        and 0 < prep.i < len(doc) - 1
        and doc[prep.i - 1].text == "-"
        and doc[prep.i + 1].text == "-"
        and not doc[prep.i - 1].whitespace_
        and not doc[prep.i].whitespace_
    )
