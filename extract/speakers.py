"""Who is speaking: each attributed sentence's speaker, and the article's speakers.

A readable cascade, in the spirit of GenderGapTracker's quote extractor but with
every offset kept:

1. names (:mod:`extract.registry`): the people and organisations of the article;
2. statements (:mod:`extract.statements`): the cues of each sentence, framing verb
   first, then a statement's author in the passive ("issued by X"), a question put
   to the subject ("Asked about ..., X"), then an "according to" phrase;
3. speaker: the cue's subject when it is a name (a person, an organisation, a
   platform or a named group), a name the subject itself brings
   (:mod:`extract.subjects`: a bracketed gloss, a bare catalogue word, an office
   named by its country, an untagged full name), or a reference resolved by
   :mod:`extract.references` ("he", "the minister", "the company"); countries,
   governments and plural subjects ("officials") are recorded as such and are not
   speakers; outlets that report ("Reuters reported") are neither.

Several speakers of one sentence ("A and B said", "X said ..., and Y accused ...",
"..., a day after Y said ...") each get a claim on it. The first attributed sentence
is the main claim.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extract.model import QUOTE_MARKS, Claim, Mention, Speaker
from extract.organisations import is_news_outlet
from extract.references import References, definite, via_preposition
from extract.registry import (
    Entity,
    Registry,
    capitalised,
    collect_titles,
    name_run,
    name_start,
    register_names,
)
from extract.resources import Resources
from extract.statements import (
    according_to,
    answered_question,
    formal_act,
    passive_authors,
    speech_verbs,
    subject_of,
)
from extract.subjects import (
    catalogued_bare,
    full_name_elsewhere,
    glossed_name,
    unnamed_office_holder,
)
from extract.titles import strip_title_words

_DATELINE_DASHES = frozenset({"-", "—", "–", ":"})
# The prepositions by which a voice noun names the body it speaks for.
_VOICE_PREPOSITIONS = frozenset({"for", "of", "at", "from"})


@dataclass
class Attribution:
    """The speakers of one article, its attributed sentences, and a subject classifier."""

    speakers: list[Speaker]
    claims: list[Claim]
    subjects: dict[int, str]  # sentence start token -> category of its attributed subject
    classify: Callable[[Token], str]  # category of any subject token, for demands


_COURT_WORDS = frozenset({"court", "tribunal"})


def _is_court(entity: Entity) -> bool:
    return bool(set(entity.name.casefold().split()) & _COURT_WORDS)


class _Attributor:
    def __init__(self, doc: Doc, resources: Resources, registry: Registry) -> None:
        self.doc = doc
        self.resources = resources
        self.registry = registry
        self.references = References(registry, resources)
        self.co_speakers: list[tuple[Entity, Mention]] = []  # of the sentence just read

    def _named(self, subject: Token) -> Entity | None:
        """The registered name a subject is or holds ("Minister ... Mohsin Naqvi said",
        "Meta's policy team said", "X's lawyer, Jane Doe, said" is Jane Doe), not one it
        hangs from through a preposition ("a spokesman for X said") or a person who owns
        it ("X's lawyer said" is not X) unless an organisation's voice speaks for it ("a
        spokesperson for the ministry said")."""
        entity = self.registry.by_token.get(subject.i)
        if entity is not None:
            return entity
        tokens = self.registry.by_token
        found = [
            (t, tokens[t.i])
            for t in subject.subtree
            if t.i in tokens
            and not (
                subject.lower_ not in self.resources.title_vocabulary
                and _through_conjunct(t, subject)
            )
        ]
        glossed = glossed_name(subject, found, self.registry)
        if glossed is not None:
            return glossed
        people = [(t, e) for t, e in found if e.kind == "person"]
        for token, entity in people:
            if token.dep_ == "appos" and token.head.i == subject.i:
                return entity  # "Mr X's lawyer, Jane Doe, told": the lawyer is Jane Doe
            if token.dep_ == "appos" and self._holds_office_of(subject, token.head):
                return entity  # "The head of Ofcom, Jane Doe, said": hung on "Ofcom"
        holder = self._holder_after_office(subject, named_only=bool(people))
        if holder is not None:
            return holder  # "The head of Ofcom Jane Doe said" (no commas)
        for token, entity in people:
            head = token
            while head.dep_ == "compound" and tokens.get(head.head.i) is entity:
                head = head.head  # "Ama" in "President Ama Owusu's government"
            owner = head.dep_ == "poss" and head.head.i == subject.i
            if not owner and not via_preposition(token, subject):
                return entity
        voice = bool({subject.lemma_.casefold(), subject.lower_} & self.resources.voice_nouns)
        said = voice or subject.lemma_.casefold() in self.resources.statement_nouns
        for token, entity in found:
            if entity.kind == "person" and token.dep_ == "poss" and not said:
                continue  # "President X's government said" is not X; "X's reply was" is
            owner = token.head.i == subject.i and token.dep_ in ("poss", "compound", "appos")
            spoken_for = voice and entity.kind == "organisation" and _speaks_for_all(subject)
            if owner or (spoken_for and _owner_via_preposition(token, subject)):
                return entity
        if voice:  # "a campaign spokesperson", "a Commission spokesperson"
            for child in subject.children:
                noun = child.lemma_.casefold()
                if child.dep_ == "compound" and noun in self.resources.org_named_nouns:
                    return self.registry.organisation_before(subject.i, noun) or catalogued_bare(
                        child, self.registry, self.resources
                    )
        return None

    def _holds_office_of(self, subject: Token, body: Token) -> bool:
        """``subject`` is a title word whose object is the organisation or the place
        ``body`` ("the head of Ofcom", "a party spokesperson in Lagos"): a person in
        apposition to a body or a place names the title's holder, as neither is a
        person."""
        owner = self.registry.by_token.get(body.i)
        return (
            subject.lemma_.casefold() in self.resources.title_heads
            and (
                (owner is not None and owner.kind == "organisation")
                or body.ent_type_ in ("GPE", "LOC")
            )
            and body.dep_ == "pobj"
            and body.head.head.i == subject.i
        )

    def _holder_after_office(self, subject: Token, named_only: bool) -> Entity | None:
        """The holder of ``subject``'s title when their name follows its object's name
        with no comma ("The founder of Chirpy Omar Haddad stated", the translated
        agencies' order): the parser makes the name the object of "of", but a name right
        after an organisation's, platform's or place's name is the holder's. A person
        already named is returned; with ``named_only`` false, so are two to four
        name-shaped words NER left out after a gazetteer's name, as a new person."""
        if subject.lemma_.casefold() not in self.resources.title_heads:
            return None
        tokens = self.registry.by_token
        for prep in (c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"):
            for last in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
                entity = tokens.get(last.i)
                if entity is None and (named_only or last.ent_type_):
                    continue
                if entity is not None and entity.kind != "person":
                    continue
                first = last.i
                while first > prep.i + 1 and (
                    tokens.get(first - 1) is entity
                    if entity is not None
                    else self.doc[first - 1].pos_ == "PROPN" and not self.doc[first - 1].ent_type_
                ):
                    first -= 1
                before = self.doc[first - 1]
                if before.i == prep.i or before.ent_type_ not in ("ORG", "GPE", "PLATFORM"):
                    continue
                if entity is not None:
                    return entity
                words = self.doc[first : last.i + 1]
                if 2 <= len(words) <= 4 and all(capitalised(t) for t in words):
                    return self._add_person(words)
        return None

    def _is_state(self, subject: Token) -> bool:
        return subject.ent_type_ in ("GPE", "ORG", "NORP") or subject.lemma_.casefold() in (
            self.resources.institutions | {"authority"}
        )

    def resolve(self, subject: Token) -> tuple[Entity | None, str]:
        """The entity a subject token refers to, and its category."""
        entity = self._named(subject) or unnamed_office_holder(
            subject, self.registry, self.resources
        )
        if entity is not None:
            return entity, "speaker"
        entity = (
            self._one_name_after_role(subject)
            or self._collective(subject)
            or self._posted_body(subject)
        )
        if entity is not None:
            return entity, "speaker"
        owner = self._voice_of_reference(subject)
        if owner is not None:
            return owner, "role"
        reference = self.references.resolve(subject)
        if reference is not None:
            return reference
        if subject.ent_type_ in ("PERSON", "ORG", "GROUP") or subject.pos_ == "PROPN":
            entity = self._register_subject(subject)
            if entity is not None:
                return entity, "speaker"
        if self._is_state(subject):
            return None, "state"
        return None, "other"

    def category(self, subject: Token) -> str:
        """What kind of subject a token is, without changing who was last mentioned."""
        if subject.i in self.registry.by_token or any(
            t.i in self.registry.by_token and not via_preposition(t, subject)
            for t in subject.subtree
        ):
            return "speaker"
        lowered = subject.lower_
        if lowered in self.resources.pronouns:
            return "pronoun" if self.registry.entities else "other"
        if subject.lemma_.casefold() in self.resources.role_nouns:
            return "plural" if subject.tag_ in ("NNS", "NNPS") else "role"
        if subject.ent_type_ == "GROUP" or self._is_state(subject):
            return "state"
        return "other"

    def _one_name_after_role(self, subject: Token) -> Entity | None:
        """ "The pop star Rihanna wrote ...", "the singer Adele said": a person known
        by one name, written after the noun that describes them; the words of that
        noun ("pop star") are the title. NER tags the name PERSON; a surname of
        someone named in full is that person, handled as a surname elsewhere."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
            return None
        name: Token | None
        if subject.pos_ == "PROPN":  # the parse may hang the noun on the name instead
            nouns = [c for c in subject.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
            if subject.ent_type_ != "PERSON" or not nouns or nouns[-1].i != subject.i - 1:
                return None
            name, role_head = subject, nouns[-1]
        elif subject.pos_ == "NOUN":
            name = next(
                (
                    c
                    for c in subject.rights
                    if c.dep_ == "appos" and c.i == subject.i + 1 and c.ent_type_ == "PERSON"
                ),
                None,
            )
            role_head = subject
        else:
            return None
        if (
            name is None
            or name.ent_iob_ != "B"
            or (name.i + 1 < len(self.doc) and self.doc[name.i + 1].ent_iob_ == "I")
        ):
            return None  # a longer name is registered in full already
        if self.registry.by_surname(name.text) is not None:
            return None
        entity = self._add_person(self.doc[name.i : name.i + 1])
        words = [t for t in subject.lefts if t.dep_ in ("compound", "amod")]
        first = min([role_head.i, *(t.i for t in words)])
        role = self.doc[first : role_head.i + 1]
        entity.titles.append(Mention(role.text, role.start_char, role.end_char, kind="title"))
        return entity

    def _voice_of_reference(self, subject: Token) -> Entity | None:
        """ "The platform's global affairs account says ...", "the ministry's
        spokesman said", "the press service of the department reported": a voice noun
        owned by a reference to an organisation speaks for the organisation the
        reference resolves to."""
        if not {subject.lemma_.casefold(), subject.lower_} & self.resources.voice_nouns:
            return None
        nouns = self.resources.org_generic_nouns | self.resources.org_named_nouns
        owners = [c for c in subject.children if c.dep_ == "poss"] + [
            o
            for p in subject.children
            if p.dep_ == "prep" and p.lower_ in _VOICE_PREPOSITIONS
            for o in p.children
            if o.dep_ == "pobj" and definite(o)
        ]
        for owner in owners:
            if owner.lemma_.casefold() in nouns:
                found = self.references.resolve(owner)
                entity = found[0] if found else None
                if entity is not None and entity.kind == "organisation":
                    return entity
        return None

    def _collective(self, subject: Token) -> Entity | None:
        """ "The diplomatic missions of the United States, the EU and Canada said":
        bodies (``collective_bodies``) of two or more named countries or organisations
        speak as one, under the phrase written (its article dropped)."""
        bodies = self.resources.collective_bodies
        if subject.tag_ != "NNS" or subject.lemma_.casefold() not in bodies:
            return None
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        first = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if of is None or first is None:
            return None
        members = [first, *first.conjuncts]
        if len(members) < 2 or not all(m.ent_type_ in ("GPE", "ORG", "NORP") for m in members):
            return None
        words = self._body_phrase(subject, max(t.i for t in of.subtree) + 1)
        if any(t.text in ("(", ")", ";", ":") for t in words):
            return None
        return self._add_body(words)

    def _body_phrase(self, subject: Token, end: int) -> Span:
        """The words naming an unnamed body: from the first of the subject's modifiers
        (its article dropped) to ``end``."""
        start = min(t.i for t in subject.subtree if t.i <= subject.i and t.dep_ != "det")
        return self.doc[start:end]

    def _add_body(self, words: Span) -> Entity:
        """A body that speaks under the words written, capitalised as a name."""
        label = words.text[:1].upper() + words.text[1:]
        return self.registry.add(words, label, "organisation", "alias")

    def _gives_orders(self, entity: Entity | None) -> bool:
        """Whose order is their statement: a person's ("Judge X ordered"), or a public
        body's that is no court ("the regulator instructed operators to block"); a
        court's order is its decision and a firm's an act, and neither speaks."""
        if entity is None:
            return False
        if entity.kind == "person":
            return True
        words = set(entity.name.casefold().split())
        return bool(words & self.resources.institutions) and not _is_court(entity)

    def _ruling(self, entity: Entity | None, verb: Token) -> bool:
        """ "The court declared the agreement invalid", "dismissed the petition": a
        court's verb with a thing for its object and nothing said (no clause, no
        quotation) is its decision, no statement; "the court said that ..." is one."""
        if entity is None or entity.kind != "organisation" or not _is_court(entity):
            return False
        children = list(verb.children)
        clauses = [c for c in children if c.dep_ in ("ccomp", "xcomp")]
        if any(c.pos_ in ("VERB", "AUX") for c in clauses):
            return False  # what it said
        # a thing, or a thing and what it now is ("declared the law invalid")
        if not any(c.dep_ == "dobj" for c in children) and not clauses:
            return False
        return not any(t.text in QUOTE_MARKS for t in verb.subtree)

    def _posted_body(self, subject: Token) -> Entity | None:
        """ "Russia's embassy in Washington said", "the Chinese consulate in Lagos
        said": a body a state keeps in a place (``posted_bodies``), owned by a named
        state and placed in a named city or country, is named by those words, whatever
        their case. Without the place ("the embassy said") it stays unnamed."""
        if (
            subject.tag_ not in ("NN", "NNP")
            or subject.lemma_.casefold() not in self.resources.posted_bodies
        ):
            return None
        children = list(subject.children)
        states = [  # "Russia's embassy", "the Russian embassy", "the Embassy of Russia"
            c
            for c in children
            if (c.dep_ == "poss" and c.ent_type_ == "GPE")
            or (c.dep_ == "amod" and c.ent_type_ == "NORP")
        ] + [
            p
            for c in children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj" and p.ent_type_ == "GPE"
        ]
        place = next(
            (
                p
                for holder in (subject, *states)
                for c in holder.children
                if c.dep_ == "prep" and c.lower_ in ("in", "to")
                for p in c.children
                if p.dep_ == "pobj" and p.ent_type_ in ("GPE", "ORG")
            ),
            None,
        )
        owned = bool(states)
        if not owned or place is None:
            return None
        return self._add_body(self._body_phrase(subject, place.right_edge.i + 1))

    def _register_subject(self, subject: Token) -> Entity | None:
        """A speaker first met as a subject: a full name NER missed or mislabelled
        ("Bilawal Bhutto Zardari said"), an organisation or a named group."""
        if subject.pos_ == "PROPN" and subject.ent_type_ not in ("GROUP", "GPE"):
            particles = self.resources.name_particles
            start = name_start(self.doc, subject.i, subject.sent.start, particles)
            if start < subject.i:
                vocabulary = self.resources.title_vocabulary
                run = name_run(self.doc, start, subject.i + 1, vocabulary, particles)
                if run is not None and is_news_outlet(run, self.resources):
                    return None  # "The Washington Post reported": an outlet, not a source
                if run is not None and run.end == subject.i + 1:
                    return self._add_person(run)
                if (
                    run is None
                    and not subject.ent_type_
                    and _described_as_person(subject, self.resources)
                ):  # "Marta Ruiz, 47, a senior adviser ...": NER took "Marta" for a place
                    words = self.doc[start : subject.i + 1]
                    if len(words) <= 4 and all(t.lower_ not in vocabulary for t in words):
                        return self._add_person(words)
        span = next((e for e in self.registry.ents if e.start <= subject.i < e.end), None)
        if span is None or span.label_ not in ("PERSON", "ORG", "GROUP"):
            return None
        if any(t.lower_ in self.resources.not_speaker_words for t in span):
            return None
        if is_news_outlet(span, self.resources):
            return None  # "Reuters reported": the outlet reports, it is not a source
        if span.label_ == "PERSON":
            name = strip_title_words(span, self.resources)
            known = self.registry.by_surname(name.text, credited=True) if len(name) == 1 else None
            if known is None and len(name) == 1 and self._after_courtesy(name):
                known = self.registry.by_family_name_first(name.text)  # "Mr Geng"
            if known is not None:
                known.aliases.append(
                    Mention(name.text, name.start_char, name.end_char, kind="surname")
                )
                self.registry.mark(name, known)
                return known
            full = full_name_elsewhere(name, self.resources) if len(name) == 1 else None
            if full is not None:  # "... on Elon Musk." untagged, then "Musk said"
                entity = self.registry.add(full, full.text, "person")
                entity.aliases.append(
                    Mention(name.text, name.start_char, name.end_char, kind="surname")
                )
                self.registry.mark(name, entity)
                return entity
            kind = "person"
        else:
            start = span.start
            while start < span.end - 1 and self.doc[start].pos_ == "DET":
                start += 1
            name = self.doc[start : span.end]
            kind = "organisation"
        if kind == "person":
            return self._add_person(name)
        label = span.ent_id_ if span.label_ == "GROUP" and span.ent_id_ else name.text
        return self.registry.add(name, label, kind)

    def _after_courtesy(self, name: Span) -> bool:
        return name.start > 0 and self.doc[name.start - 1].lower_ in self.resources.courtesy

    def _add_person(self, name: Span) -> Entity:
        """A person first met as a speaker, with the titles written beside the name."""
        entity = self.registry.add(name, name.text, "person")
        names = self.registry.person_tokens()
        collect_titles(entity, entity.aliases[-1], self.doc, self.resources, names)
        return entity

    def _past_dateline(self, subject: Token, verb: Token) -> Token:
        """ "SAN FRANCISCO (Wire) - OpenAI said": the parser may take the dateline for
        the subject; the speaker is the name between the dash and the verb it heads
        ("X - Sri Lanka ordered providers to block A and B, saying ...": not B)."""
        dash = next((t for t in self.doc[subject.i + 1 : verb.i] if _dateline_dash(t)), None)
        if dash is None:
            return subject
        # up to the verb the dateline is the subject of: for "..., saying ..." that is
        # the main verb, and the names after it are its objects
        end = min(verb.i, subject.head.i) if subject.head.i > dash.i else verb.i
        named = [t for t in self.doc[dash.i + 1 : end] if t.i in self.registry.by_token]
        return named[-1] if named else subject

    def _credit_others(self, verbs: list[Token], verb: Token, entity: Entity, body: Entity) -> None:
        """Other speakers of the sentence: "X said ..., and Y accused ..." (a clause of
        its own), "..., a week after Y said ..." (a speech verb outside what the framing
        one reports), "X said in a statement, which was written by Y and Z" (the authors
        of a statement in the passive), each credited when its subject is a name of the
        article other than the body the speaker speaks through (:meth:`_mouthpiece`)."""
        for other_verb in verbs:
            if other_verb.i == verb.i:
                continue
            subject = subject_of(other_verb)
            if subject is None or subject_of(verb) is subject:
                continue
            other = self._named(subject)
            if other is not None and other is not entity and other is not body:
                self._credit(other, other_verb)
                self._credit_conjuncts(subject, other, other_verb)
        sentence = verb.sent
        for passive_verb, author in passive_authors(sentence, self.resources):
            other = self._named(author)  # "X said in its statement, which was written by Y"
            if other is not None and other is not entity and other is not body:
                self._credit(other, passive_verb)
                self._credit_conjuncts(author, other, passive_verb)

    def _credit_conjuncts(self, subject: Token, entity: Entity, verb: Token) -> None:
        """ "A and B said": B speaks too; so does a person the parser joined to A's
        title ("A, the agency's counsel, and B, its head of policy, wrote")."""
        for conjunct in subject.conjuncts:
            other = self._named(conjunct)
            if other is not None and other is not entity:
                self._credit(other, verb)
        for title in (c for c in subject.children if c.dep_ == "appos"):
            for conjunct in title.conjuncts:
                other = self.registry.by_token.get(conjunct.i)
                if other is not None and other.kind == "person" and other is not entity:
                    self._credit(other, verb)

    def _credit_companions(self, subject: Token, entity: Entity, verb: Token) -> None:
        """ "A wrote with B that ...", "declared A, together with B": B speaks too. A
        plain "with" makes a co-author only after a verb of writing (``co_writing_verbs``:
        "spoke with B" names whom A spoke to); "together with" after any speech verb. The
        companion is a person named as the object or in apposition to it ("with the
        company's top lawyer B")."""
        writing = verb.lemma_.casefold() in self.resources.co_writing_verbs
        for head in (verb, subject):
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ != "with":
                    continue
                together = any(c.lower_ == "together" for c in prep.children)
                if not (together or (writing and head is verb)):
                    continue
                for noun in (c for c in prep.children if c.dep_ == "pobj"):
                    for other in self._named_as(noun):
                        if other.kind == "person" and other is not entity:
                            self._credit(other, verb)

    def _named_as(self, noun: Token) -> list[Entity]:
        """Who a noun names: itself, an appositive in its phrase, or the name set off by a
        comma right after the phrase, which the parser hangs on a word inside it or
        elsewhere ("with the chief lawyer of the group, B")."""
        doc = self.doc
        after = noun.right_edge.i + 2
        tokens = [noun, *(t for t in noun.subtree if t.dep_ == "appos")]
        if after < noun.sent.end and doc[after - 1].text == ",":
            tokens.append(doc[after])
        found = (self.registry.by_token.get(t.i) for t in tokens)
        return [e for e in found if e is not None]

    def _mouthpiece(self, subject: Token, verb: Token) -> Entity | None:
        """ "The union, through its chairman, X, said": the words are the person's, the
        first person named after "through" between the subject and the verb (read
        along the text: the parser often hangs the name on the body as an appositive).
        The body speaks too, by their mouth: the caller credits it beside them."""
        window = self.doc[subject.i + 1 : verb.i]
        through = next((t for t in window if t.lower_ == "through" and t.dep_ == "prep"), None)
        if through is None:
            return None
        for i in range(through.i + 1, verb.i):
            other = self.registry.by_token.get(i)
            if other is not None and other.kind == "person":
                return other
        return None

    def _officer_through(self, subject: Token, verb: Token, entity: Entity) -> Entity | None:
        """ "The X Association, through its Chairman, Mr Y Z, said ..." where NER did not
        make "Y Z" a person: the appositive of the noun after "its" is one when that
        noun is a title word, which becomes their title."""
        for head in (subject, verb):
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ != "through":
                    continue
                for noun in (c for c in prep.children if c.dep_ == "pobj"):
                    owners = {c.lower_ for c in noun.children if c.dep_ == "poss"}
                    if not owners & {"its", "their"}:
                        continue
                    if noun.lemma_.casefold() not in self.resources.title_heads:
                        continue
                    for appos in (c for c in noun.children if c.dep_ == "appos"):
                        person = self.registry.by_token.get(appos.i)
                        if person is None or person.kind != "person":
                            person = self._titled_name(appos)  # NER took it for an ORG
                        if person is None or person is entity:
                            continue
                        person.titles.append(_cue(noun, "title"))
                        return person
        return None

    def _titled_name(self, last: Token) -> Entity | None:
        """The person whose name ends at ``last`` in "through its President, Mr X Y":
        two to four name-shaped words after any courtesy word, the title before them
        saying it is a person whatever NER called it."""
        if last.pos_ != "PROPN" or last.ent_type_ in ("GPE", "NORP", "DATE"):
            return None
        particles = self.resources.name_particles
        start = name_start(self.doc, last.i, last.sent.start, particles)
        while start < last.i and self.doc[start].lower_.rstrip(".") in self.resources.courtesy:
            start += 1
        words = self.doc[start : last.i + 1]
        vocabulary = self.resources.title_vocabulary
        if not 2 <= len(words) <= 4 or any(t.lower_ in vocabulary for t in words):
            return None
        return self._add_person(words)

    def _credit(self, entity: Entity, verb: Token) -> None:
        if all(e is not entity for e, _ in self.co_speakers):
            cue = Mention(verb.text, verb.idx, verb.idx + len(verb.text), kind="verb")
            self.co_speakers.append((entity, cue))

    def nearest_before(self, sentence: Span, token: Token) -> Token | None:
        for i in range(token.i - 1, sentence.start - 1, -1):
            entity = self.registry.by_token.get(i)
            if entity is not None and entity.kind == "person":
                return self.doc[i]
            if self.doc[i].lower_ in self.resources.pronouns:
                return self.doc[i]
        return None

    def _first_source(self, start: int, end: int) -> Token | None:
        """The source named after "according to": a person in the phrase wins over the
        organisation they speak for ("according to Foreign Office spokesperson X")."""
        candidates = []
        for i in range(start, end):
            token = self.doc[i]
            if token.text == "," and self._title_then_name(i):
                continue  # "at the request of the X Commissioner, Jane Doe,"
            if token.is_punct and token.text != "'s":
                break
            if token.lower_ in ("him", "her"):
                return token
            if i in self.registry.by_token:
                candidates.append(token)
        people = [t for t in candidates if self.registry.by_token[t.i].kind == "person"]
        ranked = people or candidates
        return ranked[0] if ranked else None

    def _maker_of_statement(self, start: int, end: int) -> Token | None:
        """ "according to the statement of the company", "according to the information
        published by the ministry", "according to the department": a reference word
        ("the company") that the statement named first comes from, when no name does."""
        stop = next((i for i in range(start, end) if self.doc[i].is_punct), end)
        if stop <= start:
            return None
        for token in self.doc[start:stop]:
            if (
                token.dep_ == "pobj"
                and token.head.lower_ in ("of", "by", "to")
                and token.tag_ in ("NN", "NNP")
                and self.references.resolve(token) is not None
            ):
                return token
        return None

    def _referred(self, token: Token) -> Entity | None:
        """The organisation a reference word outside the registry stands for."""
        if token.i in self.registry.by_token or token.lower_ in ("him", "her"):
            return None
        resolved = self.references.resolve(token)
        return resolved[0] if resolved is not None else None

    def _title_then_name(self, comma: int) -> bool:
        """A title word before the comma and a person's name right after it."""
        if comma < 1 or comma + 1 >= len(self.doc):
            return False
        after = self.registry.by_token.get(comma + 1)
        return (
            self.doc[comma - 1].lower_ in self.resources.title_heads
            and after is not None
            and after.kind == "person"
        )

    def sentence(self, sentence: Span) -> tuple[Entity | None, str, Mention | None]:
        category = "none"
        self.co_speakers = []
        verbs = [v for v in speech_verbs(sentence, self.resources) if not _in_fragment(v)]
        unnamed: tuple[str, Mention] | None = None  # "Officials said ..., and X told ..."
        for token in verbs:
            subject = subject_of(token) or (
                self.nearest_before(sentence, token)
                if _finite(token) and not _passive(token)
                else None
            )
            if subject is None:
                continue
            subject = self._past_dateline(subject, token)
            entity, category = self.resolve(subject)
            if (
                token.lemma_.casefold() in self.resources.order_speech_verbs
                and not self._gives_orders(entity)
            ):
                continue  # a court's or a firm's order is no one's statement
            if self._ruling(entity, token):
                continue
            cue = Mention(token.text, token.idx, token.idx + len(token.text), kind="verb")
            if entity is not None:
                self.references.last_plural = False
                self.references.remember(entity)
                body = entity
                if entity.kind == "organisation":
                    entity = (
                        self._mouthpiece(subject, token)
                        or self._officer_through(subject, token, body)
                        or entity
                    )
                self._credit_conjuncts(subject, entity, token)
                self._credit_companions(subject, entity, token)
                if entity is not body:
                    self._credit(body, token)  # "X, through its chairman, Y, said": both
                self._credit_others(verbs, token, entity, body)
                return entity, category, cue
            if category in ("plural", "state") and unnamed is None:
                self.references.last_plural = category == "plural"
                unnamed = (category, cue)
        if unnamed is not None:
            return None, unnamed[0], unnamed[1]
        for verb, author in passive_authors(sentence, self.resources):
            entity = self._named(author)
            if entity is not None:
                self.references.remember(entity)
                return entity, "speaker", _cue(verb, "verb")
        answered = answered_question(sentence)
        if answered is not None:
            cue_token, subject = answered
            entity, category = self.resolve(subject)
            if entity is not None:
                self.references.remember(entity)
                return entity, category, _cue(cue_token, "verb")
        for cue_token, source_start in according_to(sentence, self.resources):
            end = min(source_start + 11, sentence.end)
            target = self._first_source(source_start, end)
            if target is None:
                target = self._maker_of_statement(source_start, end)
            if target is None:
                continue
            entity = (
                self.registry.by_token.get(target.i)
                or self._referred(target)
                or self.references.last_person
            )
            if entity is not None:
                self.references.remember(entity)
                cue = Mention(
                    cue_token.text,
                    cue_token.idx,
                    cue_token.idx + len(cue_token.text),
                    kind="according_to",
                )
                return entity, "speaker", cue
            break
        return None, category, None


def attribute(doc: Doc, resources: Resources) -> Attribution:
    """Speakers and attributed sentences of one parsed article."""
    registry = register_names(doc, resources)
    attributor = _Attributor(doc, resources, registry)
    claims: list[Claim] = []
    subjects: dict[int, str] = {}
    for sentence in doc.sents:
        entity, category, cue = attributor.sentence(sentence)
        subjects[sentence.start] = category
        if cue is None or entity is None:
            continue
        attributor.references.credited_sentences.add(sentence.start)
        entity.claims += 1
        if cue.kind == "verb" and not any(a.start <= cue.start < a.end for a in entity.aliases):
            subject = subject_of(doc[_token_at(doc, cue.start)])
            if subject is not None and subject.i not in registry.by_token:
                entity.aliases.append(
                    Mention(
                        subject.text,
                        subject.idx,
                        subject.idx + len(subject.text),
                        kind="pronoun" if subject.lower_ in resources.pronouns else "role",
                    )
                )
        text = sentence.text
        others = [(e, c) for e, c in attributor.co_speakers if e is not entity]
        for speaker, speaker_cue in [(entity, cue), *others]:
            if speaker is not entity:
                speaker.claims += 1
            claims.append(
                Claim(
                    index=len(claims),
                    speaker=speaker.name,
                    text=text,
                    start=sentence.start_char,
                    end=sentence.start_char + len(text),
                    cue=speaker_cue,
                    is_main=not claims,
                )
            )
    if not claims:
        claims = _formal_act_claims(doc, attributor)
    speakers = [e.freeze() for e in registry.entities if e.claims]

    def classify(token: Token) -> str:
        if token.lower_ == "they":
            previous = [c for s, c in subjects.items() if s < token.sent.start]
            return "plural" if previous and previous[-1] in ("plural", "speaker") else "other"
        if token.lower_ == "it":
            # "The ministry said ... . It has also demanded that ...": "it" takes up the
            # speaker or state of an earlier sentence, else it is no asker ("It is time").
            previous = [c for s, c in subjects.items() if s < token.sent.start]
            return "pronoun" if previous and previous[-1] in ("state", "speaker") else "other"
        return attributor.category(token)

    return Attribution(speakers=speakers, claims=claims, subjects=subjects, classify=classify)


def _formal_act_claims(doc: Doc, attributor: _Attributor) -> list[Claim]:
    """A brief that quotes nobody ("X went to court on Monday after ..."): the first
    named subject of a formal act is its speaker, so the article keeps who acted and
    when; a pronoun or a role noun is not enough on its own."""
    for sentence in doc.sents:
        act = formal_act(sentence, attributor.resources)
        if act is None:
            continue
        verb, subject = act
        entity = attributor._named(subject)
        if entity is None:
            continue
        entity.claims += 1
        return [
            Claim(
                index=0,
                speaker=entity.name,
                text=sentence.text,
                start=sentence.start_char,
                end=sentence.end_char,
                cue=_cue(verb, "verb"),
                is_main=True,
            )
        ]
    return []


def _speaks_for_all(voice: Token) -> bool:
    """A singular voice ("a spokesperson for X") always speaks for its body; plural
    ones ("researchers at X", "lawmakers from X") only in the sentence's main
    clause: "Meta began looking into it after researchers at X published work" gives
    the background of the story, not a statement of X's."""
    if voice.tag_ not in ("NNS", "NNPS"):
        return True
    verb = voice.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _through_conjunct(token: Token, subject: Token) -> bool:
    """ "A, her title, and B, his title, wrote": B hangs from A as a conjunct; a name
    in a conjunct is a co-speaker of its own (credited beside the subject), never the
    name the subject itself holds, whatever NER made of A. (A title word as subject,
    "Deputy Prime Minister and Foreign Minister X said", is checked by the caller: its
    conjunct holds the name.)"""
    node = token
    while node.i not in (subject.i, node.head.i):
        if node.dep_ == "conj":
            return True
        node = node.head
    return False


def _owner_via_preposition(token: Token, subject: Token) -> bool:
    """True for the organisation in "a spokesperson for the ministry", "of the ministry",
    "researchers at the institute" or "lawmakers from the party"."""
    prep = token.head
    while prep.dep_ in {"compound", "poss"}:
        prep = prep.head
    return (
        token.dep_ in ("pobj", "poss", "compound")
        and prep.dep_ == "pobj"
        and prep.head.dep_ == "prep"
        and prep.head.lower_ in _VOICE_PREPOSITIONS
        and prep.head.head.i == subject.i
    ) or (
        token.dep_ == "pobj"
        and token.head.dep_ == "prep"
        and token.head.lower_ in _VOICE_PREPOSITIONS
        and token.head.head.i == subject.i
    )


def _described_as_person(subject: Token, resources: Resources) -> bool:
    """The subject has an age or a title word in apposition ("X, 47, a senior adviser")."""
    return any(
        c.dep_ == "appos" and (c.like_num or c.lemma_.casefold() in resources.title_heads)
        for c in subject.rights
    )


def _in_fragment(verb: Token) -> bool:
    """ "About $3M: the fines the court says X owes": a speech verb describing a noun of
    a sentence with no verb of its own (a list item, a caption) glosses a figure; it
    reports no statement of the speaker's."""
    return verb.dep_ == "relcl" and verb.sent.root.pos_ not in ("VERB", "AUX")


def _finite(verb: Token) -> bool:
    """A verb that may have a subject of its own; "... set up camps to demand X" (an
    infinitive of purpose) never credits a person named earlier in the sentence."""
    return verb.tag_ in ("VBD", "VBZ", "VBP", "VBN")


def _passive(verb: Token) -> bool:
    """ "X was described in the complaint as ...", "he was questioned by the company":
    the person a passive speech verb is about is spoken of, not speaking, so the verb
    never falls back on a name before it."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True  # "a group of aides accused of coordinating attacks"
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _dateline_dash(token: Token) -> bool:
    """A dash that ends a dateline, spaced off ("LAGOS -"), not one inside a word or a
    bracket ("Mark Warner (D-Va.)")."""
    if token.text not in _DATELINE_DASHES:
        return False
    doc = token.doc
    return token.i > 0 and bool(doc[token.i - 1].whitespace_) and token.text != ")"


def _cue(token: Token, kind: str) -> Mention:
    return Mention(token.text, token.idx, token.idx + len(token.text), kind=kind)


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0
