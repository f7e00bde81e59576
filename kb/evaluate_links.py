"""Linking figures against the gold: event pairs, discrepancies found, agreeing pairs flagged.

Events are scored as pairs of articles (every two articles of one gold event are a
pair), so one split or one merge costs what it breaks. A copy (``duplicate_of``) belongs
to the event of the article it copies. A gold discrepancy is *found* when the knowledge
base has one on the same field between the same two articles (either order; an event of
two articles may leave them out) with the same kind; fields presskb does not type
(``sites_count`` …) are counted apart. An ``agree`` pair is *flagged* when any
discrepancy on its field joins its two articles beyond the discrepancies the gold lists
on that field and pair (a gold file may list a real difference and an apparent one on
the same two articles): those must never be.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from sqlite_utils import Database

from kb.gold import Gold, Miss, Score, file_name

# The fields the linker types; the gold's names for them on the left.
TYPED_FIELDS = {
    "accounts": "accounts",
    "said_on": "said_on",
    "groups": "groups",
    "platforms": "platforms",
    "speaker_name": "speaker_name",
    "person_name": "speaker_name",
    "speaker_title": "speaker_title",
    "speakers": "speakers",
    "demands": "demands",
    "legal_action": "legal_action",  # a stance topic: will / will not take legal action
}
UNTYPED = "(fields presskb does not type)"


@dataclass
class LinkFigures:
    """Event pairs, ``{field: (found with kind, due)}``, and agreeing pairs flagged."""

    pairs: Score
    found: dict[str, tuple[int, int]] = field(default_factory=dict)
    agree_flagged: tuple[int, int] = (0, 0)
    misses: list[Miss] = field(default_factory=list)


Pair = frozenset[str]


def _predicted_events(rows: dict[str, dict[str, Any]]) -> dict[str, str]:
    by_id = {r["article_id"]: r for r in rows.values()}
    events: dict[str, str] = {}
    for name, row in rows.items():
        event = row["event_id"]
        original = by_id.get(row["duplicate_of"] or "")
        if event is None and original is not None:
            event = original["event_id"]
        if event is not None:
            events[name] = event
    return events


def _pairs(assignment: dict[str, str]) -> set[Pair]:
    members: dict[str, list[str]] = {}
    for name, event in assignment.items():
        members.setdefault(event, []).append(name)
    return {frozenset(p) for names in members.values() for p in combinations(sorted(names), 2)}


def _discrepancies(db: Database, rows: dict[str, dict[str, Any]]) -> Counter[tuple[str, Pair, str]]:
    names = {r["article_id"]: name for name, r in rows.items()}
    found: Counter[tuple[str, Pair, str]] = Counter()
    for d in db.query("SELECT field, kind, article_a, article_b FROM discrepancies"):
        pair = frozenset((names.get(d["article_a"], ""), names.get(d["article_b"], "")))
        found[(d["field"], pair, d["kind"])] += 1
    return found


def link_figures(db: Database, rows: dict[str, dict[str, Any]], gold: Gold) -> LinkFigures:
    """Event-pair scores and discrepancy figures for the gold's articles and events."""
    files = gold.files
    wanted = _pairs(
        {file_name(a["file"]): a["event"] for a in gold.articles if a.get("event") is not None}
    )
    got = _pairs({n: e for n, e in _predicted_events(rows).items() if n in files})
    misses = [Miss.of_pair(p, "event pair", "same event", "apart") for p in wanted - got]
    misses += [Miss.of_pair(p, "event pair", "apart", "same event") for p in got - wanted]
    figures = LinkFigures(Score(len(wanted & got), len(got - wanted), len(wanted - got)))
    flagged = _discrepancies(db, rows)
    flagged_any = Counter({(f, p): n for (f, p, _), n in flagged.items()})
    due: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    agree_due = agree_hit = 0
    listed: Counter[tuple[str, Pair]] = Counter()
    for event in gold.events:
        for gd in event.get("discrepancies") or []:
            typed = TYPED_FIELDS.get(gd["field"])
            key = typed or UNTYPED
            due[key] += 1
            pair = frozenset(file_name(f) for f in gd.get("articles") or event["articles"])
            listed[(typed or UNTYPED, pair)] += 1
            if typed and flagged[(typed, pair, gd["kind"])]:
                hit[key] += 1
            elif typed:
                kinds = [k for (f, p, k) in flagged if f == typed and p == pair]
                misses.append(
                    Miss(
                        " + ".join(sorted(pair)),
                        f"discrepancy {typed}",
                        f"{gd['kind']}: {gd.get('what', '')}",
                        ", ".join(kinds) or "-",
                    )
                )
        for agree in event.get("agree") or []:
            typed = TYPED_FIELDS.get(agree["field"])
            if typed is None:
                continue
            agree_due += 1
            pair = frozenset(file_name(f) for f in agree.get("articles") or event["articles"])
            if flagged_any[(typed, pair)] > listed[(typed, pair)]:
                agree_hit += 1
                misses.append(Miss.of_pair(pair, f"agreeing {typed} flagged", "-", agree["what"]))
    figures.found = {key: (hit[key], due[key]) for key in sorted(due)}
    figures.agree_flagged = (agree_hit, agree_due)
    figures.misses = misses
    return figures
