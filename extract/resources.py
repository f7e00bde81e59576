"""Gazetteers and cue lists, read once from ``extract/data/*.yml`` and validated.

A :class:`Resources` object is built on request and passed explicitly to every
extraction function: no module-level state, nothing loaded at import.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from ingest.datafiles import entry_text, load_mapping, non_empty_list
from ingest.errors import InvalidResource

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class GroupEntry:
    """One organisation of ``groups.yml``."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    context_required: frozenset[str] = frozenset()


@dataclass(frozen=True)
class GroupCues:
    """The words by which an article presents a name as a group (``groups.yml`` ``cues``)."""

    name_heads: frozenset[str]
    native_heads: frozenset[str]
    gloss_heads: frozenset[str]
    group_nouns: frozenset[str]
    collective_nouns: frozenset[str]
    firm_nouns: frozenset[str]
    descriptors: frozenset[str]
    naming_adjectives: frozenset[str]
    state_link_heads: frozenset[str]
    state_link_words: frozenset[str]
    linked_suffixes: frozenset[str]
    operation_words: frozenset[str]
    tied_verbs: frozenset[str]
    running_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    tool_nouns: frozenset[str]
    not_group_words: frozenset[str]
    party_name_words: frozenset[str]
    party_nouns: frozenset[str]
    accusable_words: frozenset[str]
    accusing_words: frozenset[str]
    civic_words: frozenset[str]
    public_body_words: frozenset[str]
    not_groups: frozenset[str]
    source_firm_words: frozenset[str]
    outlet_words: frozenset[str]
    title_words: frozenset[str]
    operated_nouns: frozenset[str]
    outlet_nouns: frozenset[str]
    post_nominals: frozenset[str]
    addressed_verbs: frozenset[str]
    kind_context: dict[str, frozenset[str]]


@dataclass(frozen=True)
class PlatformEntry:
    """One platform of ``platforms.yml``."""

    id: str
    aliases: tuple[str, ...]
    context_required: frozenset[str]


@dataclass(frozen=True)
class OrganisationEntry:
    """One organisation of ``organisations.yml``: its canonical name and written forms."""

    id: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Bound:
    """One side of a modifier's interval: ``factor`` times ``n`` plus ``offset``; None is open.

    A fraction of ``n`` ("nearly 1,000" is at least 900) is only meant for a round
    number; for any other the bound stays open.
    """

    offset: int | None
    factor: float = 1.0

    def apply(self, n: int) -> int | None:
        """The bound for the number ``n``."""
        if self.offset is None:
            return None
        if self.factor != 1.0:
            return round(n * self.factor) + self.offset if _is_round(n) else None
        return n + self.offset


def _is_round(n: int) -> bool:
    """At most two significant digits, and at least two digits: 1,000, 250, 7,500."""
    if n < 10:
        return False
    digits = str(n).rstrip("0")
    return len(digits) <= 2


@dataclass(frozen=True)
class DemandLabel:
    """One label of the demand taxonomy: the verb phrases and nouns that make it, and the
    class of object its verbs must act on (empty: any)."""

    name: str
    verbs: tuple[tuple[str, ...], ...]
    nouns: tuple[tuple[str, ...], ...]
    objects: str

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first word of every verb phrase: a verb that is none of them makes no
        label, and its phrase need not be read."""
        return frozenset(cue[0] for cue in self.verbs)


@dataclass(frozen=True)
class DemandCues:
    """The words by which news writes a demand (``demands.yml``)."""

    ask_verbs: frozenset[str]
    that_clause_verbs: frozenset[str]
    receiving_verbs: frozenset[str]
    call_particles: frozenset[str]
    order_verbs: frozenset[str]
    ask_nouns: frozenset[str]
    obligation_modals: frozenset[str]
    obligation_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    addressees: frozenset[str]
    public: frozenset[str]
    light_verbs: frozenset[str]
    generic: frozenset[str]
    restating_verbs: frozenset[str]
    duty_nouns: frozenset[str]
    idioms: frozenset[str]
    nominal_only_verbs: frozenset[str]
    unasked_objects: frozenset[str]
    askers: frozenset[str]
    powers: frozenset[str]
    dispute_nouns: frozenset[str]
    failure_verbs: frozenset[str]
    sanctions: frozenset[str]
    decision_nouns: frozenset[str]
    participle_verbs: frozenset[str]
    own_rules: frozenset[str]
    law_nouns: frozenset[str]
    no_bare_object_verbs: frozenset[str]
    that_only_verbs: frozenset[str]
    predicting_verbs: frozenset[str]
    effort_words: frozenset[str]
    deliberative_verbs: frozenset[str]
    listing_nouns: frozenset[str]
    about_people: frozenset[str]
    inquiring_verbs: frozenset[str]
    access_providers: frozenset[str]
    lifting_verbs: frozenset[str]
    relief_verbs: frozenset[str]
    publishing_verbs: frozenset[str]
    published_material: frozenset[str]
    research_recipients: frozenset[str]
    limit_nouns: frozenset[str]
    acting_verbs: frozenset[str]
    ceasing_verbs: frozenset[str]
    means_nouns: frozenset[str]
    record_nouns: frozenset[str]
    undetected_objects: frozenset[str]
    sanction_alternatives: frozenset[str]
    contact_people: frozenset[str]
    contact_verbs: frozenset[str]
    objects: dict[str, frozenset[str]]
    labels: tuple[DemandLabel, ...]

    @cached_property
    def trigger_lemmas(self) -> frozenset[str]:
        """Every lemma a rule of ``demands._asks`` starts from, beside obligation modals,
        gerunds (a failure: "not removing") and adverbial clauses (a condition): the
        loop skips the other words without reading their children (a fifth of the
        rules' time went there)."""
        return (
            self.failure_verbs
            | self.listing_nouns
            | self.dispute_nouns
            | self.ask_verbs
            | self.order_verbs
            | self.ask_nouns
            | self.restating_verbs
            | self.obligation_verbs
        )

    @cached_property
    def asking_verbs(self) -> frozenset[str]:
        """Verbs that ask or order."""
        return self.ask_verbs | self.order_verbs


@dataclass(frozen=True)
class Resources:
    """Everything the rules of ``extract`` read, by purpose."""

    groups: tuple[GroupEntry, ...]
    group_cues: GroupCues
    platforms: tuple[PlatformEntry, ...]
    platform_context: frozenset[str]
    title_heads: frozenset[str]
    honorifics: frozenset[str]
    appositive_heads: frozenset[str]  # title heads only in apposition ("X, a fellow at Y")
    courtesy: frozenset[str]
    owner_scopes: frozenset[str]
    ranked_members: frozenset[str]
    member_ranks: frozenset[str]
    state_nouns: frozenset[str]
    military_ranks: frozenset[str]
    informal_heads: frozenset[str]
    portfolios: frozenset[str]
    title_connectors: frozenset[str]
    office_verbs: frozenset[str]
    work_verbs: frozenset[str]  # "who teaches X at <a named body>": a title
    name_particles: frozenset[str]
    speech_verbs: frozenset[str]
    order_speech_verbs: frozenset[str]  # speech only from a person or a public body
    co_writing_verbs: frozenset[str]  # "X wrote with Y": Y is a co-author
    according_to: tuple[tuple[str, ...], ...]
    statistic_sources: frozenset[str]
    acts: tuple[tuple[str, ...], ...]
    unrealised_frames: frozenset[str]
    role_nouns: frozenset[str]
    pronouns: frozenset[str]
    institutions: frozenset[str]
    occasions: frozenset[str]
    statement_nouns: frozenset[str]
    not_speaker_words: frozenset[str]
    organisations: tuple[OrganisationEntry, ...]
    org_generic_nouns: frozenset[str]
    org_named_nouns: frozenset[str]
    voice_nouns: frozenset[str]
    collective_bodies: frozenset[str]
    posted_bodies: frozenset[str]
    offices: dict[str, str]
    portfolio_bodies: frozenset[str]
    body_nouns: frozenset[str]
    news_outlets: frozenset[str]
    outlet_words: frozenset[str]
    number_units: dict[str, int]
    number_scales: dict[str, int]
    modifiers: dict[tuple[str, ...], tuple[Bound, Bound]]
    vague: dict[tuple[str, ...], tuple[int, int]]
    account_nouns: frozenset[str]
    not_account_words: frozenset[str]
    mixed_count_nouns: frozenset[str]
    audience_verbs: frozenset[str]
    holder_nouns: frozenset[str]
    partitive_pronouns: frozenset[str]
    max_gap_tokens: int
    demand_cues: DemandCues
    stance_topics: dict[str, tuple[tuple[str, ...], ...]]
    negations: frozenset[str]
    modals: frozenset[str]
    places: frozenset[str]  # countries and territories, casefolded: never a body

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> Resources:
        """Read and validate every data file under ``data_dir``."""
        groups = load_mapping(data_dir / "groups.yml")
        platforms = load_mapping(data_dir / "platforms.yml")
        titles = load_mapping(data_dir / "titles.yml")
        speech = load_mapping(data_dir / "speech.yml")
        quantities = load_mapping(data_dir / "quantities.yml")
        demands = load_mapping(data_dir / "demands.yml")
        stances = load_mapping(data_dir / "stances.yml")
        places = load_mapping(data_dir / "places.yml")
        orgs_path = data_dir / "organisations.yml"
        orgs = load_mapping(orgs_path)
        references = orgs.get("reference_nouns")
        if not isinstance(references, dict):
            raise InvalidResource(f"{orgs_path}: 'reference_nouns' must be a mapping")
        return cls(
            groups=tuple(
                _group(data_dir / "groups.yml", g)
                for g in non_empty_list(groups, "groups", data_dir / "groups.yml")
            ),
            group_cues=_group_cues(groups, data_dir / "groups.yml"),
            platforms=tuple(
                _platform(data_dir / "platforms.yml", p)
                for p in non_empty_list(platforms, "platforms", data_dir / "platforms.yml")
            ),
            platform_context=_words(platforms, "context_words", data_dir / "platforms.yml"),
            title_heads=_words(titles, "heads", data_dir / "titles.yml")
            | _words(titles, "occupation_heads", data_dir / "titles.yml")
            | _words(titles, "acronym_heads", data_dir / "titles.yml"),
            honorifics=_words(titles, "honorifics", data_dir / "titles.yml"),
            appositive_heads=_words(titles, "appositive_heads", data_dir / "titles.yml"),
            courtesy=_words(titles, "courtesy", data_dir / "titles.yml"),
            owner_scopes=_words(titles, "owner_scopes", data_dir / "titles.yml"),
            ranked_members=_words(titles, "ranked_members", data_dir / "titles.yml"),
            member_ranks=_words(titles, "member_ranks", data_dir / "titles.yml"),
            state_nouns=_words(titles, "state_nouns", data_dir / "titles.yml"),
            military_ranks=_words(titles, "military_ranks", data_dir / "titles.yml"),
            informal_heads=_words(titles, "informal_heads", data_dir / "titles.yml"),
            portfolios=_words(titles, "portfolios", data_dir / "titles.yml"),
            title_connectors=_words(titles, "connectors", data_dir / "titles.yml"),
            office_verbs=_words(titles, "office_verbs", data_dir / "titles.yml"),
            work_verbs=_words(titles, "work_verbs", data_dir / "titles.yml"),
            name_particles=_words(titles, "name_particles", data_dir / "titles.yml"),
            speech_verbs=_words(speech, "verbs", data_dir / "speech.yml"),
            order_speech_verbs=_words(speech, "order_speech_verbs", data_dir / "speech.yml"),
            co_writing_verbs=_words(speech, "co_writing_verbs", data_dir / "speech.yml"),
            according_to=_phrases(speech, "according_to", data_dir / "speech.yml"),
            statistic_sources=_words(speech, "statistic_sources", data_dir / "speech.yml"),
            acts=_phrases(speech, "acts", data_dir / "speech.yml"),
            unrealised_frames=_words(speech, "unrealised_frames", data_dir / "speech.yml"),
            role_nouns=_words(speech, "roles", data_dir / "speech.yml"),
            pronouns=_words(speech, "pronouns", data_dir / "speech.yml"),
            institutions=_words(speech, "institutions", data_dir / "speech.yml"),
            occasions=_words(speech, "occasions", data_dir / "speech.yml"),
            statement_nouns=_words(speech, "statement_nouns", data_dir / "speech.yml"),
            not_speaker_words=_words(speech, "not_speaker_words", data_dir / "speech.yml"),
            organisations=tuple(
                OrganisationEntry(*_entry(orgs_path, o, "organisation")[:2])
                for o in non_empty_list(orgs, "organisations", orgs_path)
            ),
            org_generic_nouns=_words(references, "generic", orgs_path),
            org_named_nouns=_words(references, "named", orgs_path),
            voice_nouns=_words(orgs, "voice_nouns", orgs_path),
            collective_bodies=_words(orgs, "collective_bodies", orgs_path),
            posted_bodies=_words(orgs, "posted_bodies", orgs_path),
            offices=_offices(orgs, orgs_path),
            portfolio_bodies=_words(orgs, "portfolio_bodies", orgs_path),
            body_nouns=_words(orgs, "body_nouns", orgs_path),
            news_outlets=_words(orgs, "news_outlets", orgs_path),
            outlet_words=_words(orgs, "outlet_words", orgs_path),
            number_units=_numbers(quantities, "units", data_dir / "quantities.yml"),
            number_scales=_numbers(quantities, "scales", data_dir / "quantities.yml"),
            modifiers=_modifiers(quantities, data_dir / "quantities.yml"),
            vague=_vague(quantities, data_dir / "quantities.yml"),
            account_nouns=_words(quantities, "account_nouns", data_dir / "quantities.yml"),
            not_account_words=_words(quantities, "not_account_words", data_dir / "quantities.yml"),
            mixed_count_nouns=_words(quantities, "mixed_count_nouns", data_dir / "quantities.yml"),
            audience_verbs=_words(quantities, "audience_verbs", data_dir / "quantities.yml"),
            holder_nouns=_words(quantities, "holder_nouns", data_dir / "quantities.yml"),
            partitive_pronouns=_words(
                quantities, "partitive_pronouns", data_dir / "quantities.yml"
            ),
            max_gap_tokens=int(quantities.get("max_gap_tokens", 5)),
            demand_cues=_demand_cues(demands, data_dir / "demands.yml"),
            stance_topics=_labelled(stances, "topics", data_dir / "stances.yml"),
            negations=_words(stances, "negations", data_dir / "stances.yml"),
            modals=_words(stances, "modals", data_dir / "stances.yml"),
            places=_words(places, "countries", data_dir / "places.yml"),
        )

    @cached_property
    def organisation_words(self) -> frozenset[str]:
        """Catalogued organisations written as one word ("Roskomnadzor", "Ofcom"): the
        tagger may call one a person, but it is never part of a person's name."""
        return frozenset(a for o in self.organisations for a in o.aliases if " " not in a)

    @property
    def title_vocabulary(self) -> frozenset[str]:
        """Every word that belongs to a title, never to a name."""
        return (
            self.title_heads
            | self.title_connectors
            | self.honorifics
            | self.courtesy
            | self.portfolios
        )

    def group_catalogue(self) -> list[dict[str, str]]:
        """Rows for the ``groups`` table."""
        return [{"group_id": g.id, "name": g.name, "kind": g.kind} for g in self.groups]

    def platform_catalogue(self) -> list[dict[str, str]]:
        """Rows for the ``platforms`` table."""
        return [{"platform_id": p.id, "name": p.id} for p in self.platforms]


def _words(data: dict[str, Any], key: str, path: Path) -> frozenset[str]:
    return frozenset(
        entry_text(w, f"'{key}' entry", path).casefold() for w in non_empty_list(data, key, path)
    )


def _offices(data: dict[str, Any], path: Path) -> dict[str, str]:
    """``offices``: the institution noun each title head runs ("ministry": "minister")."""
    offices = data.get("offices", {})
    if not isinstance(offices, dict):
        raise InvalidResource(f"{path}: 'offices' must be a mapping of noun to title head")
    return {
        entry_text(k, "'offices' key", path).casefold(): entry_text(
            v, "'offices' value", path
        ).casefold()
        for k, v in offices.items()
    }


def _phrases(data: dict[str, Any], key: str, path: Path) -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(entry_text(p, f"'{key}' entry", path).casefold().split())
        for p in non_empty_list(data, key, path)
    )


def _entry(path: Path, entry: Any, what: str) -> tuple[str, tuple[str, ...], dict[str, Any]]:
    """The id and aliases of one gazetteer entry (a group or a platform)."""
    if not isinstance(entry, dict):
        raise InvalidResource(f"{path}: each {what} must be a mapping, got {entry!r}")
    entry_id = entry_text(entry.get("id"), f"{what} 'id'", path)
    aliases = entry.get("aliases")
    if not isinstance(aliases, list) or not aliases:
        raise InvalidResource(f"{path}: {what} {entry_id!r} needs a non-empty 'aliases' list")
    return entry_id, tuple(entry_text(a, f"alias of {entry_id!r}", path) for a in aliases), entry


def _group(path: Path, raw: Any) -> GroupEntry:
    gid, aliases, entry = _entry(path, raw, "group")
    name = entry_text(entry.get("name", gid), f"group {gid!r} 'name'", path)
    context = frozenset(str(a) for a in entry.get("context_required", []))
    return GroupEntry(
        id=gid,
        name=name,
        kind=str(entry.get("kind", "")),
        aliases=aliases,
        context_required=context,
    )


def _group_cues(data: dict[str, Any], path: Path) -> GroupCues:
    cues = data.get("cues")
    if not isinstance(cues, dict):
        raise InvalidResource(f"{path}: 'cues' must be a mapping of cue lists")
    kinds = cues.get("kind_context")
    if not isinstance(kinds, dict) or not kinds:
        raise InvalidResource(f"{path}: 'cues.kind_context' must map a group kind to words")
    return GroupCues(
        name_heads=_words(cues, "name_heads", path),
        native_heads=_words(cues, "native_heads", path),
        gloss_heads=_words(cues, "gloss_heads", path),
        group_nouns=_words(cues, "group_nouns", path),
        collective_nouns=_words(cues, "collective_nouns", path),
        firm_nouns=_words(cues, "firm_nouns", path),
        descriptors=_words(cues, "descriptors", path),
        naming_adjectives=_words(cues, "naming_adjectives", path),
        state_link_heads=_words(cues, "state_link_heads", path),
        state_link_words=_words(cues, "state_link_words", path),
        linked_suffixes=_words(cues, "linked_suffixes", path),
        operation_words=_words(cues, "operation_words", path),
        tied_verbs=_words(cues, "tied_verbs", path),
        running_verbs=_words(cues, "running_verbs", path),
        naming_verbs=_words(cues, "naming_verbs", path),
        tool_nouns=_words(cues, "tool_nouns", path),
        not_group_words=_words(cues, "not_group_words", path),
        party_name_words=_words(cues, "party_name_words", path),
        party_nouns=_words(cues, "party_nouns", path),
        accusable_words=_words(cues, "accusable_words", path),
        accusing_words=_words(cues, "accusing_words", path),
        civic_words=_words(cues, "civic_words", path),
        public_body_words=_words(cues, "public_body_words", path),
        not_groups=_words(cues, "not_groups", path),
        source_firm_words=_words(cues, "source_firm_words", path),
        outlet_words=_words(cues, "outlet_words", path),
        title_words=_words(cues, "title_words", path),
        operated_nouns=_words(cues, "operated_nouns", path),
        outlet_nouns=_words(cues, "outlet_nouns", path),
        post_nominals=_words(cues, "post_nominals", path),
        addressed_verbs=_words(cues, "addressed_verbs", path),
        kind_context={str(kind): _words(kinds, kind, path) for kind in kinds},
    )


def _platform(path: Path, raw: Any) -> PlatformEntry:
    pid, aliases, entry = _entry(path, raw, "platform")
    context = frozenset(str(a) for a in entry.get("context_required", []))
    return PlatformEntry(id=pid, aliases=aliases, context_required=context)


def _numbers(data: dict[str, Any], key: str, path: Path) -> dict[str, int]:
    table = data.get(key)
    if not isinstance(table, dict) or not table:
        raise InvalidResource(f"{path}: '{key}' must be a mapping of word to number")
    out = {}
    for word, value in table.items():
        if not isinstance(value, int):
            raise InvalidResource(f"{path}: '{key}.{word}' must be an integer, got {value!r}")
        out[str(word).casefold()] = value
    return out


def _bound(expr: Any, where: str, path: Path) -> Bound:
    if expr is None:
        return Bound(None)
    text = str(expr).replace(" ", "")
    if text == "n":
        return Bound(0)
    if text.startswith("n") and text[1:] and text[1] in "+-" and text[2:].isdigit():
        return Bound(int(text[1:]))
    if text.endswith("n") and text[:-1].replace(".", "", 1).isdigit() and text[:-1] != ".":
        return Bound(0, float(text[:-1]))
    raise InvalidResource(f"{path}: {where} must be null, n, n+K, n-K or F*n (0.9n), got {expr!r}")


def _modifiers(data: dict[str, Any], path: Path) -> dict[tuple[str, ...], tuple[Bound, Bound]]:
    table = data.get("modifiers")
    if not isinstance(table, dict):
        raise InvalidResource(f"{path}: 'modifiers' must be a mapping")
    out = {}
    for phrase, spec in table.items():
        if not isinstance(spec, dict) or "min" not in spec or "max" not in spec:
            raise InvalidResource(f"{path}: modifier {phrase!r} needs 'min' and 'max'")
        out[tuple(str(phrase).casefold().split())] = (
            _bound(spec["min"], f"modifier {phrase!r} min", path),
            _bound(spec["max"], f"modifier {phrase!r} max", path),
        )
    return out


def _vague(data: dict[str, Any], path: Path) -> dict[tuple[str, ...], tuple[int, int]]:
    table = data.get("vague")
    if not isinstance(table, dict):
        raise InvalidResource(f"{path}: 'vague' must be a mapping")
    out = {}
    for phrase, bounds in table.items():
        if not (
            isinstance(bounds, list)
            and len(bounds) == 2
            and all(isinstance(b, int) for b in bounds)
        ):
            raise InvalidResource(f"{path}: vague quantity {phrase!r} needs [min, max] integers")
        out[tuple(str(phrase).casefold().split())] = (bounds[0], bounds[1])
    return out


def _demand_cues(data: dict[str, Any], path: Path) -> DemandCues:
    objects = data.get("objects")
    labels = data.get("labels")
    if not isinstance(objects, dict) or not objects:
        raise InvalidResource(f"{path}: 'objects' must map an object class to nouns")
    if not isinstance(labels, dict) or not labels:
        raise InvalidResource(f"{path}: 'labels' must map each label to its cues")
    classes = {str(name): _words(objects, name, path) for name in objects}
    return DemandCues(
        ask_verbs=_words(data, "ask_verbs", path),
        that_clause_verbs=_words(data, "that_clause_verbs", path),
        receiving_verbs=_words(data, "receiving_verbs", path),
        call_particles=_words(data, "call_particles", path),
        order_verbs=_words(data, "order_verbs", path),
        ask_nouns=_words(data, "ask_nouns", path),
        obligation_modals=_words(data, "obligation_modals", path),
        obligation_verbs=_words(data, "obligation_verbs", path),
        reporting_verbs=_words(data, "reporting_verbs", path),
        addressees=_words(data, "addressees", path),
        public=_words(data, "public", path),
        light_verbs=_words(data, "light_verbs", path),
        generic=_words(data, "generic", path),
        restating_verbs=_words(data, "restating_verbs", path),
        duty_nouns=_words(data, "duty_nouns", path),
        idioms=_words(data, "idioms", path),
        nominal_only_verbs=_words(data, "nominal_only_verbs", path),
        unasked_objects=_words(data, "unasked_objects", path),
        askers=_words(data, "askers", path),
        powers=_words(data, "powers", path),
        dispute_nouns=_words(data, "dispute_nouns", path),
        failure_verbs=_words(data, "failure_verbs", path),
        sanctions=_words(data, "sanctions", path),
        decision_nouns=_words(data, "decision_nouns", path),
        participle_verbs=_words(data, "participle_verbs", path),
        own_rules=_words(data, "own_rules", path),
        law_nouns=_words(data, "law_nouns", path),
        no_bare_object_verbs=_words(data, "no_bare_object_verbs", path),
        that_only_verbs=_words(data, "that_only_verbs", path),
        predicting_verbs=_words(data, "predicting_verbs", path),
        effort_words=_words(data, "effort_words", path),
        deliberative_verbs=_words(data, "deliberative_verbs", path),
        listing_nouns=_words(data, "listing_nouns", path),
        about_people=_words(data, "about_people", path),
        inquiring_verbs=_words(data, "inquiring_verbs", path),
        access_providers=_words(data, "access_providers", path),
        lifting_verbs=_words(data, "lifting_verbs", path),
        relief_verbs=_words(data, "relief_verbs", path),
        publishing_verbs=_words(data, "publishing_verbs", path),
        published_material=_words(data, "published_material", path),
        research_recipients=_words(data, "research_recipients", path),
        limit_nouns=_words(data, "limit_nouns", path),
        acting_verbs=_words(data, "acting_verbs", path),
        ceasing_verbs=_words(data, "ceasing_verbs", path),
        means_nouns=_words(data, "means_nouns", path),
        record_nouns=_words(data, "record_nouns", path),
        undetected_objects=_words(data, "undetected_objects", path),
        sanction_alternatives=_words(data, "sanction_alternatives", path),
        contact_people=_words(data, "contact_people", path),
        contact_verbs=_words(data, "contact_verbs", path),
        objects=classes,
        labels=tuple(
            _demand_label(str(name), spec, classes, path) for name, spec in labels.items()
        ),
    )


def _demand_label(
    name: str, spec: Any, classes: dict[str, frozenset[str]], path: Path
) -> DemandLabel:
    if not isinstance(spec, dict) or not spec.get("verbs"):
        raise InvalidResource(f"{path}: label {name!r} needs a 'verbs' list")
    objects = str(spec.get("objects") or "")
    if objects and objects != "own" and objects not in classes:
        raise InvalidResource(f"{path}: label {name!r} names an unknown object class {objects!r}")
    nouns = _phrases(spec, "nouns", path) if spec.get("nouns") else ()
    return DemandLabel(name, _phrases(spec, "verbs", path), nouns, objects)


def _labelled(data: dict[str, Any], key: str, path: Path) -> dict[str, tuple[tuple[str, ...], ...]]:
    table = data.get(key)
    if not isinstance(table, dict) or not table:
        raise InvalidResource(f"{path}: '{key}' must be a mapping of label to cue phrases")
    out = {}
    for label, cues in table.items():
        if not isinstance(cues, list) or not cues:
            raise InvalidResource(f"{path}: '{key}.{label}' must be a non-empty list")
        out[str(label)] = tuple(
            tuple(entry_text(c, f"cue of {label!r}", path).casefold().split()) for c in cues
        )
    return out
