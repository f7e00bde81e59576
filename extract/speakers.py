"""Who says what: speaker mentions, attribution of sentences, titles.

A readable cascade, in the spirit of GenderGapTracker's quote extractor but with
every offset kept:

1. names: PERSON entities (title words NER swallowed are stripped), and
   organisations whose name carries an institution word ("Ministry of Information");
   surnames and spelling variants are folded into the full name they belong to;
2. attribution: for each sentence, the first speech verb whose subject is a name,
   a pronoun, or a role noun ("the minister") that refers back to a speaker, or an
   "according to X" phrase;
3. titles: written before or in apposition after each full-name mention.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from extract.model import Claim, Mention, Speaker
from extract.names import same_organisation, same_person
from extract.resources import Resources
from extract.titles import strip_title_words, titles_after, titles_before

_SUBJECT_DEPS = frozenset({"nsubj"})
_PARTICLE_REQUIRED = {"point": "out", "lay": "out"}
_PREP_REQUIRED = {"call": frozenset({"on", "upon", "for"})}


@dataclass
class _Entity:
    name: str
    kind: str
    aliases: list[Mention] = field(default_factory=list)
    titles: list[Mention] = field(default_factory=list)
    claims: int = 0

    def freeze(self) -> Speaker:
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


@dataclass
class Attribution:
    """The speakers of one article, its attributed sentences, and a subject classifier."""

    speakers: list[Speaker]
    claims: list[Claim]
    subjects: dict[int, str]  # sentence start token -> category of its attributed subject
    classify: Callable[[Token], str]  # category of any subject token, for demands


class _Registry:
    """Names in one article, with surname and variant folding."""

    def __init__(self) -> None:
        self.entities: list[_Entity] = []
        self.by_token: dict[int, _Entity] = {}

    def full(self, name: str, kind: str) -> _Entity:
        same = same_person if kind == "person" else same_organisation
        for entity in self.entities:
            if entity.kind == kind and same(entity.name, name):
                return entity
        entity = _Entity(name, kind)
        self.entities.append(entity)
        return entity

    def by_surname(self, surname: str) -> _Entity | None:
        folded = surname.casefold()
        matches = [
            e
            for e in self.entities
            if e.kind == "person"
            and len(e.name.split()) > 1
            and e.name.split()[-1].casefold() == folded
        ]
        return matches[0] if len(matches) == 1 else None

    def mark(self, span: Span, entity: _Entity) -> None:
        for token in span:
            self.by_token[token.i] = entity


def _name_run(doc: Doc, start: int, limit: int, vocabulary: frozenset[str]) -> Span | None:
    """Two to four capitalised proper nouns from ``start``, none a title word."""
    end = start
    while (
        end < limit
        and end - start < 4
        and doc[end].pos_ == "PROPN"
        and doc[end].is_title
        and doc[end].lower_ not in vocabulary
        and doc[end].ent_type_ not in ("GPE", "GROUP", "PLATFORM", "DATE", "NORP")
    ):
        end += 1
    return doc[start:end] if end - start >= 2 else None


def _title_led_names(doc: Doc, resources: Resources) -> list[Span]:
    """Names that follow a title ("Minister for Information Attaullah Tarar"), which the
    statistical NER often misses for South Asian names."""
    vocabulary = resources.title_vocabulary
    names = []
    for token in doc:
        if token.lower_ not in resources.title_heads or not token.is_title:
            continue
        i = token.i + 1
        limit = token.sent.end
        while i < limit and (doc[i].lower_ in vocabulary and (doc[i].is_title or doc[i].is_lower)):
            i += 1
        if i < limit and doc[i].text == ",":
            i += 1
        span = _name_run(doc, i, limit, vocabulary)
        if span is not None:
            names.append(span)
    return names


def _name_spans(doc: Doc, resources: Resources) -> list[tuple[Span, str]]:
    spans: list[tuple[Span, str]] = []
    taken: set[int] = set()
    for name in _title_led_names(doc, resources):
        spans.append((name, "person"))
        taken.update(range(name.start, name.end))
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            name = strip_title_words(ent, resources)
            if any(t.i in taken for t in name):
                continue
            if any(t.is_alpha for t in name) and not name.text.isupper():
                spans.append((name, "person"))
        elif ent.label_ == "ORG" and any(t.lower_ in resources.institutions for t in ent):
            start = ent.start
            while start < ent.end and (
                doc[start].pos_ == "DET"
                or doc[start].ent_type_ == "GPE"
                or doc[start].text in ("'s", "’s")
            ):
                start += 1
            if start < ent.end:
                spans.append((doc[start : ent.end], "organisation"))
    return spans


def _register_names(doc: Doc, resources: Resources, registry: _Registry) -> None:
    spans = _name_spans(doc, resources)
    for span, kind in spans:
        if kind == "organisation" or len(span) > 1:
            entity = registry.full(span.text, kind)
            entity.aliases.append(Mention(span.text, span.start_char, span.end_char, kind="name"))
            registry.mark(span, entity)
    _mark_repeats(doc, registry)
    for span, kind in spans:
        if kind == "person" and len(span) == 1 and span.start not in registry.by_token:
            _mark_surname(doc[span.start], registry)
    for token in doc:
        if token.pos_ == "PROPN" and token.i not in registry.by_token and token.is_title:
            _mark_surname(token, registry)
    names = {i for i, e in registry.by_token.items() if e.kind == "person"}
    for entity in registry.entities:
        if entity.kind != "person":
            continue
        for alias in entity.aliases:
            if alias.kind == "name":
                written = doc.char_span(alias.start, alias.end)
                if written is not None:
                    entity.titles.extend(titles_before(written, resources, names))
                    entity.titles.extend(titles_after(written, resources, names))


def _mark_repeats(doc: Doc, registry: _Registry) -> None:
    """Mark occurrences of known full names that NER did not tag."""
    names = {
        tuple(alias.text.split()): entity
        for entity in registry.entities
        if entity.kind == "person"
        for alias in entity.aliases
    }
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for parts in names:
        by_first.setdefault(parts[0], []).append(parts)
    words = [t.text for t in doc]
    for i, word in enumerate(words):
        for parts in by_first.get(word, ()):
            if tuple(words[i : i + len(parts)]) == parts and i not in registry.by_token:
                span = doc[i : i + len(parts)]
                entity = names[parts]
                entity.aliases.append(
                    Mention(span.text, span.start_char, span.end_char, kind="name")
                )
                registry.mark(span, entity)


def _mark_surname(token: Token, registry: _Registry) -> None:
    entity = registry.by_surname(token.text)
    if entity is not None:
        entity.aliases.append(
            Mention(token.text, token.idx, token.idx + len(token.text), kind="surname")
        )
        registry.by_token[token.i] = entity


def _is_speech_verb(token: Token, resources: Resources) -> bool:
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.casefold() not in resources.speech_verbs:
        return False
    lemma = token.lemma_.casefold()
    if lemma in _PARTICLE_REQUIRED:
        return any(c.lower_ == _PARTICLE_REQUIRED[lemma] for c in token.children)
    if lemma in _PREP_REQUIRED:
        return any(c.lower_ in _PREP_REQUIRED[lemma] for c in token.children)
    return True


def _subject(token: Token) -> Token | None:
    """The verb's subject: the one nearest the verb when the parser found several."""
    subjects = [c for c in token.children if c.dep_ in _SUBJECT_DEPS]
    if subjects:
        return min(subjects, key=lambda c: abs(token.i - c.i))
    if token.dep_ in ("conj", "xcomp") and token.head.i != token.i:
        return _subject(token.head)
    return None


def _via_preposition(token: Token, top: Token) -> bool:
    """True when ``token`` hangs from ``top`` through a preposition ("spokesman for X")."""
    node = token
    while node.i not in (top.i, node.head.i):
        if node.dep_ in ("pobj", "prep", "relcl", "acl"):
            return True
        node = node.head
    return False


class _Attributor:
    def __init__(self, doc: Doc, resources: Resources, registry: _Registry) -> None:
        self.doc = doc
        self.resources = resources
        self.registry = registry
        self.last: _Entity | None = None
        self.last_person: _Entity | None = None
        self.last_plural = False

    def remember(self, entity: _Entity) -> None:
        """The speaker that a following pronoun or role noun may refer to."""
        self.last = entity
        if entity.kind == "person":
            self.last_person = entity

    def resolve(self, subject: Token) -> tuple[_Entity | None, str]:
        """The entity a subject token refers to, and its category."""
        entity = self.registry.by_token.get(subject.i)
        if entity is None:
            entity = next(
                (
                    self.registry.by_token[t.i]
                    for t in subject.subtree
                    if t.i in self.registry.by_token and not _via_preposition(t, subject)
                ),
                None,
            )  # "Minister ... Mohsin Naqvi said"; not "a spokesman for X said"
        if entity is not None:
            return entity, "speaker"
        lowered = subject.lower_
        if lowered in self.resources.pronouns:
            return self.last_person, "pronoun"
        if lowered == "they":
            return None, "plural" if self.last_plural else "other"
        if subject.lemma_.casefold() in self.resources.role_nouns:
            if subject.tag_ in ("NNS", "NNPS"):
                return None, "plural"
            return self._by_role(subject.lemma_.casefold()), "role"
        if subject.ent_type_ in ("PERSON", "ORG", "GROUP") or subject.pos_ == "PROPN":
            entity = self._register_subject(subject)
            if entity is not None:
                return entity, "speaker"
        if subject.ent_type_ in ("GPE", "ORG", "NORP") or subject.lemma_.casefold() in (
            self.resources.institutions | {"authority"}
        ):
            return None, "state"
        return None, "other"

    def category(self, subject: Token) -> str:
        """What kind of subject a token is, without changing who was last mentioned."""
        if subject.i in self.registry.by_token or any(
            t.i in self.registry.by_token and not _via_preposition(t, subject)
            for t in subject.subtree
        ):
            return "speaker"
        lowered = subject.lower_
        if lowered in self.resources.pronouns:
            return "pronoun" if self.registry.entities else "other"
        if subject.lemma_.casefold() in self.resources.role_nouns:
            return "plural" if subject.tag_ in ("NNS", "NNPS") else "role"
        if subject.ent_type_ in ("GPE", "ORG", "NORP", "GROUP") or subject.lemma_.casefold() in (
            self.resources.institutions | {"authority"}
        ):
            return "state"
        return "other"

    def _register_subject(self, subject: Token) -> _Entity | None:
        """A speaker first met as a subject: a full name NER missed or mislabelled
        ("Bilawal Bhutto Zardari said"), a lone surname, an organisation or a named
        group ("Meta said", "the TTP claimed")."""
        if subject.pos_ == "PROPN" and subject.ent_type_ not in ("GROUP", "GPE"):
            chain = [c for c in subject.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if chain and chain[-1].i == subject.i - 1:
                start = subject.i - len(chain)
                run = _name_run(self.doc, start, subject.i + 1, self.resources.title_vocabulary)
                if run is not None and run.end == subject.i + 1:
                    return self._add_name(run, run.text, "person")
        span = next((e for e in self.doc.ents if e.start <= subject.i < e.end), None)
        if span is None or span.label_ not in ("PERSON", "ORG", "GROUP"):
            return None
        if any(t.lower_ in self.resources.not_speaker_words for t in span):
            return None
        if span.label_ == "PERSON":
            name = strip_title_words(span, self.resources)
            kind = "person"
        else:
            start = span.start
            while start < span.end - 1 and self.doc[start].pos_ == "DET":
                start += 1
            name = self.doc[start : span.end]
            kind = "organisation"
        label = span.ent_id_ if span.label_ == "GROUP" and span.ent_id_ else name.text
        return self._add_name(name, label, kind)

    def _add_name(self, span: Span, label: str, kind: str) -> _Entity:
        entity = self.registry.full(label, kind)
        entity.aliases.append(Mention(span.text, span.start_char, span.end_char, kind="name"))
        self.registry.mark(span, entity)
        return entity

    def _by_role(self, role: str) -> _Entity | None:
        last = self.last_person
        if last is not None and any(role in t.text.casefold() for t in last.titles):
            return last
        for entity in reversed(self.registry.entities):
            if any(role in t.text.casefold() for t in entity.titles):
                return entity
        return last

    def nearest_before(self, sentence: Span, token: Token) -> Token | None:
        for i in range(token.i - 1, sentence.start - 1, -1):
            if i in self.registry.by_token:
                return self.doc[i]
            if self.doc[i].lower_ in self.resources.pronouns:
                return self.doc[i]
        return None

    def according_to(self, sentence: Span) -> tuple[Token, Token] | None:
        words = [t.lower_ for t in sentence]
        for phrase in self.resources.according_to:
            for offset in range(len(words) - len(phrase)):
                if tuple(words[offset : offset + len(phrase)]) == phrase:
                    cue = sentence[offset + len(phrase) - 1]
                    found = self._first_source(cue.i + 1, min(cue.i + 12, sentence.end))
                    if found is not None:
                        return sentence[offset], found
        return None

    def _first_source(self, start: int, end: int) -> Token | None:
        """The source named after "according to": a person in the phrase wins over the
        organisation they speak for ("according to Foreign Office spokesperson X")."""
        candidates = []
        for i in range(start, end):
            token = self.doc[i]
            if token.is_punct and token.text != "'s":
                break
            if token.lower_ in ("him", "her"):
                return token
            if i in self.registry.by_token:
                candidates.append(token)
        people = [t for t in candidates if self.registry.by_token[t.i].kind == "person"]
        ranked = people or candidates
        return ranked[0] if ranked else None

    def sentence(self, sentence: Span) -> tuple[_Entity | None, str, Mention | None]:
        category = "none"
        verbs = [t for t in sentence if _is_speech_verb(t, self.resources)]
        # The verb that frames the sentence first: in "The PTA has asked platforms to …,
        # Rehman added", what the PTA asked is what Rehman said.
        framing = {v.i for v in verbs}
        verbs.sort(key=lambda t: any(a.i in framing for a in t.ancestors))
        for token in verbs:
            subject = _subject(token) or self.nearest_before(sentence, token)
            if subject is None:
                continue
            entity, category = self.resolve(subject)
            cue = Mention(token.text, token.idx, token.idx + len(token.text), kind="verb")
            if entity is not None or category in ("plural", "state"):
                self.last_plural = category == "plural"
                if entity is not None:
                    self.remember(entity)
                return entity, category, cue
        found = self.according_to(sentence)
        if found is not None:
            cue_token, target = found
            entity = self.registry.by_token.get(target.i) or self.last_person
            cue = Mention(
                cue_token.text,
                cue_token.idx,
                cue_token.idx + len(cue_token.text),
                kind="according_to",
            )
            if entity is not None:
                self.remember(entity)
                return entity, "speaker", cue
        return None, category, None


def attribute(doc: Doc, resources: Resources) -> Attribution:
    """Speakers and attributed sentences of one parsed article."""
    registry = _Registry()
    _register_names(doc, resources, registry)
    attributor = _Attributor(doc, resources, registry)
    claims: list[Claim] = []
    subjects: dict[int, str] = {}
    for sentence in doc.sents:
        entity, category, cue = attributor.sentence(sentence)
        subjects[sentence.start] = category
        if cue is None or entity is None:
            continue
        entity.claims += 1
        if cue.kind == "verb" and not any(a.start <= cue.start < a.end for a in entity.aliases):
            subject = _subject(doc[_token_at(doc, cue.start)])
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
        claims.append(
            Claim(
                index=len(claims),
                speaker=entity.name,
                text=text,
                start=sentence.start_char,
                end=sentence.start_char + len(text),
                cue=cue,
                is_main=not claims,
            )
        )
    speakers = [e.freeze() for e in registry.entities if e.claims]

    def classify(token: Token) -> str:
        if token.lower_ == "they":
            previous = [c for s, c in subjects.items() if s < token.sent.start]
            return "plural" if previous and previous[-1] in ("plural", "speaker") else "other"
        return attributor.category(token)

    return Attribution(speakers=speakers, claims=claims, subjects=subjects, classify=classify)


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0
