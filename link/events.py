"""Group articles that report the same statement or occasion into events.

Three steps, each near-linear in the number of articles:

1. **Candidates.** Every article is indexed under its strongest signals: its most
   particular words (highest TF-IDF), its speakers and the groups it names. Two
   articles become a candidate pair when they share one of these keys and their
   dates (publication or statement, at their precision) are within the window; each
   article meets at most ``neighbours`` others per key, nearest by date first.
2. **Score.** A candidate pair scores the cosine of the two whole-body TF-IDF
   vectors, plus a little for each shared speaker and group, minus a little when
   the statement dates cannot be the same day: names and dates are already partly
   in the words, so these only break near-ties, and a speaker missed or a date
   misread on one side costs a report little.
3. **Clusters.** Average-link agglomeration: two clusters merge only when the mean
   score over *all* their cross pairs clears the threshold, no cross pair scores
   below a floor, none is too far apart in time, and the mean is not far below how
   alike each side is inside (an article on another occasion of the same topic
   resembles a tight pair less than its two reports resemble each other, though no pair
   sets a bar above what two reports reach: copies are alike past that). One shared word, or one
   article that resembles two events, cannot chain them together, and the same
   speaker on another occasion (another date, other particulars) stays apart.

Duplicates (``duplicate_of`` set) join their original's event.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from link.dates import compatible, day_span, days_apart, is_full_date
from link.model import Event, Profile
from link.settings import LinkSettings
from link.similarity import DocumentFrequencies, Vector, cosine, tfidf_vector, top_terms

FAR = float("-inf")
SMALL_FIGURE = 10  # "six accounts" is a detail of an event, not what it is known by


@dataclass(frozen=True)
class _Article:
    """What the linker works with for one original article."""

    profile: Profile
    vector: Vector
    dates: tuple[str | None, ...]
    anchor: int | None  # the day it is dated to (published, else said on), for candidates

    @classmethod
    def of(cls, profile: Profile, frequencies: DocumentFrequencies) -> _Article:
        dates = (profile.published, profile.said_on)
        days = [s[0] for s in (day_span(d) for d in dates) if s and s[0] == s[1]]
        return cls(
            profile,
            tfidf_vector(profile.terms, frequencies),
            dates,
            days[0] if days else None,
        )


def _keys(article: _Article, settings: LinkSettings) -> set[str]:
    profile = article.profile
    keys = {f"w:{t}" for t in top_terms(article.vector, settings.key_terms)}
    keys.update(f"s:{s}" for s in profile.speakers)
    keys.update(f"g:{g.value}" for g in profile.groups)
    return keys


def candidate_pairs(
    profiles: Sequence[Profile],
    settings: LinkSettings,
    frequencies: DocumentFrequencies | None = None,
) -> set[tuple[int, int]]:
    """Index pairs of ``profiles`` (originals) that linking scores (for benchmarks)."""
    frequencies = frequencies or DocumentFrequencies.of(p.terms for p in profiles)
    return _candidates([_Article.of(p, frequencies) for p in profiles], settings)


def _candidates(articles: Sequence[_Article], settings: LinkSettings) -> set[tuple[int, int]]:
    """Index pairs that share a key and may be dated to the same occasion.

    Every pair is counted by the keys it shares. A pair is *tied* when it shares a
    speaker or a group, or two of the rarest words: one shared word alone happens
    by chance more often the more articles a week holds (it made the pairs scored
    per article grow with the size of the base), so an article meets its lone-word
    partners only when it has no tied one, and then only the ``loose_candidates``
    whose shared word is rarest; with tied ones, it keeps those sharing at least
    ``partner_share`` of the keys its best partner shares (a chance tie, one popular
    speaker or two words, beside a partner sharing ten). Each article keeps at most
    ``candidates`` partners,
    those that share the most, so the pairs scored grow with the number of articles,
    not with how crowded a week or a word is.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for index, article in enumerate(articles):
        for key in _keys(article, settings):
            postings[key].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    named: set[tuple[int, int]] = set()  # pairs sharing a speaker or a group
    weight: dict[tuple[int, int], float] = {}  # the most a shared word adds to their cosine
    for key, members in postings.items():
        if len(members) < 2:  # a key on one article pairs nothing
            continue
        found: list[tuple[int, int]] = []
        dated = sorted((a, i) for i in members if (a := articles[i].anchor) is not None)
        for position, (day, i) in enumerate(dated):
            for earlier, j in reversed(dated[max(0, position - settings.neighbours) : position]):
                if day - earlier > settings.max_days_apart:
                    break  # sorted by date: every earlier article is further away
                found.append((min(i, j), max(i, j)))
        if len(members) <= settings.neighbours:  # undated articles meet a rare key's holders
            for i in members:
                if articles[i].anchor is None:
                    found.extend((min(i, j), max(i, j)) for j in members if j != i)
        shared.update(found)
        if not key.startswith("w:"):
            named.update(found)
            continue
        term = key[2:]
        for pair in found:
            w = articles[pair[0]].vector[term] * articles[pair[1]].vector[term]
            if w > weight.get(pair, 0.0):
                weight[pair] = w
    partners: dict[int, list[tuple[bool, int, float, int]]] = defaultdict(list)
    for (i, j), count in shared.items():
        loose = (i, j) not in named and count < settings.tied_words
        # tied partners first, then by keys shared, then by the rarest word shared
        partners[i].append((loose, -count, -weight.get((i, j), 0.0), j))
        partners[j].append((loose, -count, -weight.get((i, j), 0.0), i))
    kept: set[tuple[int, int]] = set()
    for i, found_partners in partners.items():
        ranked = sorted(found_partners)
        if ranked[0][0]:  # tied to nothing: it meets its likeliest lone-word partners
            ranked = ranked[: settings.loose_candidates]
        else:  # some partner is tied: lone words and far fewer keys than the best do not count
            floor = settings.partner_share * -ranked[0][1]
            ranked = [r for r in ranked if not r[0] and -r[1] >= floor]
        for *_rank, j in ranked[: settings.candidates]:
            kept.add((min(i, j), max(i, j)))
    return kept


def _said_text(profile: Profile) -> str | None:
    return profile.said_on_text.text if profile.said_on_text else None


def pair_score(a: _Article, b: _Article, settings: LinkSettings) -> float:
    """How strongly two articles look like reports of one occasion (``FAR``: never)."""
    gap = days_apart(a.dates, b.dates)
    if gap is not None and gap > settings.max_days_apart:
        return FAR
    pa, pb = a.profile, b.profile
    score = cosine(a.vector, b.vector)
    if not compatible(pa.said_on, _said_text(pa), pb.said_on, _said_text(pb)):
        score -= settings.date_conflict_penalty
    shared_speakers = set(pa.speakers) & set(pb.speakers)
    shared_groups = {g.value for g in pa.groups} & {g.value for g in pb.groups}
    score += settings.speaker_weight * min(len(shared_speakers), 2)
    score += settings.group_weight * min(len(shared_groups), 2)
    return score


def link_events(
    profiles: Sequence[Profile],
    settings: LinkSettings,
    frequencies: DocumentFrequencies | None = None,
) -> list[Event]:
    """Events over ``profiles``; every profile ends in exactly one event."""
    originals = [p for p in profiles if p.duplicate_of is None]
    frequencies = frequencies or DocumentFrequencies.of(p.terms for p in profiles)
    articles = [_Article.of(p, frequencies) for p in originals]
    scores: dict[tuple[int, int], float] = {}

    def score(i: int, j: int) -> float:
        key = (min(i, j), max(i, j))
        if key not in scores:
            scores[key] = pair_score(articles[key[0]], articles[key[1]], settings)
        return scores[key]

    edges = [
        (s, i, j)
        for i, j in _candidates(articles, settings)
        if (s := score(i, j)) >= settings.min_similarity
    ]

    root = list(range(len(articles)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(articles))}
    inside: dict[int, float] = dict.fromkeys(range(len(articles)), 0.0)  # sum of scores within

    def cohesion(r: int) -> float:
        """Mean score inside a cluster (0 for one article), kept as clusters merge, at most
        ``max_cohesion``: two pages of one text (a copy the copy check missed, a wire story
        carried twice) are more alike than any two reports are, and must not raise the
        bar a third outlet's report has to clear."""
        n = len(members[r])
        mean = inside[r] / (n * (n - 1) / 2) if n > 1 else 0.0
        return min(mean, settings.max_cohesion)

    for _s, i, j in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        ri, rj = root[i], root[j]
        if ri == rj:
            continue
        cross = [score(x, y) for x in members[ri] for y in members[rj]]
        mean = sum(cross) / len(cross)
        if min(cross) < settings.min_pair_score or mean < settings.min_similarity:
            continue
        ci, cj = cohesion(ri), cohesion(rj)
        if mean < settings.cohesion * min(ci, cj) or mean < settings.join_share * max(ci, cj):
            continue
        keep, gone = min(ri, rj), max(ri, rj)
        inside[keep] += inside.pop(gone) + sum(cross)
        members[keep].extend(members.pop(gone))
        for x in members[keep]:
            root[x] = keep
    groups: dict[str, list[Profile]] = {}
    root_of: dict[str, str] = {}
    for index, article in enumerate(articles):
        key = originals[root[index]].article_id
        groups.setdefault(key, []).append(article.profile)
        root_of[article.profile.article_id] = key
    for profile in profiles:
        if profile.duplicate_of is not None:
            # a duplicate whose original is not being linked keys a group of its own
            key = root_of.get(profile.duplicate_of, profile.duplicate_of)
            groups.setdefault(key, []).append(profile)
    return [_event(group) for group in groups.values()]


def _event(group: list[Profile]) -> Event:
    ids = tuple(sorted(p.article_id for p in group))
    ordered = sorted(group, key=lambda p: (p.published or "9999", p.article_id))
    published = sorted(p.published for p in group if p.published)
    days = [p.said_on for p in ordered if p.said_on and is_full_date(p.said_on)]
    when = _most_told(days) or (published[0][:10] if published else None)
    return Event(
        event_id="ev-" + hashlib.sha256(ids[0].encode()).hexdigest()[:10],
        label=event_label(ordered, when),
        article_ids=ids,
        said_on=when,
        first_published=published[0] if published else None,
        last_published=published[-1] if published else None,
        outlets=tuple(sorted({p.outlet for p in group})),
    )


def _most_told(values: Sequence[str]) -> str | None:
    """The value most outlets give; on a tie, the one the earliest outlet gives."""
    counts = Counter(values)
    return max(counts, key=lambda v: (counts[v], -values.index(v)), default=None)


def event_label(group: Sequence[Profile], when: str | None) -> str:
    """What a reader recognises an event by: who spoke, when, the key figure, a headline.

    ``group`` comes earliest outlet first. The lead speaker is the one most outlets
    quote; the key figure is the exact account count most outlets give, the larger on
    a tie (in the earliest outlet's words); the headline is the earliest outlet's.
    """
    speakers = _most_told([name for p in group for name in dict.fromkeys(p.speakers.values())])
    wording: dict[int, str] = {}
    counts: list[int] = []
    for profile in group:
        exact = {f.min: f.text for f in profile.accounts if f.min is not None and f.min == f.max}
        for value, text in exact.items():
            if value >= SMALL_FIGURE:
                wording.setdefault(value, text)
                counts.append(value)
    tally = Counter(counts)
    figure = max(tally, key=lambda v: (tally[v], v), default=None)
    headline = next((p.title for p in group if p.title), None)
    parts = [speakers or "Unattributed", when or "date unknown"]
    if figure is not None:
        parts.append(f"{wording[figure]} accounts")
    if headline:
        parts.append(headline if len(headline) <= 90 else headline[:89].rsplit(" ", 1)[0] + "…")
    return " · ".join(parts)
