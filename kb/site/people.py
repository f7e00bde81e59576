"""Speaker and group pages: everything one person or organisation said or was named in.

A value (figure, group, platform, demand) is the speaker's when it sits in one of
their claims, or when it sits outside every claim of an article whose main claim
is theirs: the article then reports it on their behalf. Everything is read per
article through the ``article_id`` indexes and the number of articles shown is
bounded, so a much-quoted speaker's page stays fast.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from kb.site.display import outlet
from kb.site.outlets import with_outlets
from kb.site.sql import first, marks, rows

MAX_ARTICLES = 200
MAX_MENTIONS = 200
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")

# The values shown beside a claim: table, the column read as the value, and the
# column that names it canonically (None when the value is the words themselves).
VALUE_TABLES = (
    ("accounts", "account_counts", "text", None),
    ("groups", "group_mentions", "surface", "group_id"),
    ("platforms", "platform_mentions", "surface", "platform_id"),
    ("demands", "demands", "text", "label"),
)


@dataclass
class Claim:
    """One of the speaker's statements, with the values it carries."""

    claim_id: str
    text: str
    start: int
    end: int
    said_on: str | None
    said_on_text: str | None
    values: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


@dataclass
class Report:
    """One article that quotes the speaker: its outlet, its claims by them."""

    article_id: str
    outlet: str
    title: str | None
    published: str | None
    url: str | None
    event_id: str | None
    said_on: str | None
    said_on_text: str | None
    claims: list[Claim] = field(default_factory=list)
    # Values the article reports for the speaker outside any claim sentence.
    values: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def when(self) -> str | None:
        """When it was said where the article says, else when it was published."""
        return self.said_on or self.published


@dataclass
class SpeakerPage:
    """What the speaker page shows."""

    speaker: dict[str, Any]
    names: list[tuple[str, int]]
    titles: list[tuple[str, int]]
    outlets: list[tuple[str, int]]
    reports: list[Report]
    total_articles: int
    figures: list[dict[str, Any]]
    events: list[dict[str, Any]]


def read_speaker_page(conn: sqlite3.Connection, speaker_id: int) -> SpeakerPage | None:
    """Everything the speaker page needs for ``speaker_id``, or None if there is no such
    speaker."""
    speaker = first(
        conn, "select speaker_id, name, kind from speakers where speaker_id = ?", [speaker_id]
    )
    if speaker is None:
        return None
    total = first(
        conn,
        "select count(distinct article_id) as n from claims where speaker_id = ?",
        [speaker_id],
    )
    found = rows(
        conn,
        f"""select a.article_id, a.source, a.url, a.path, a.title, a.published,
                   (select ea.event_id from event_articles ea
                     where ea.article_id = a.article_id) as event_id,
                   m.said_on, m.said_on_text, m.speaker_id as main_speaker
            from articles a
            left join claims m on m.article_id = a.article_id and m.is_main = 1
            where a.article_id in (select distinct article_id from claims where speaker_id = ?)
            order by coalesce(m.said_on, a.published) desc, a.article_id
            limit {MAX_ARTICLES}""",
        [speaker_id],
    )
    reports: dict[str, Report] = {}
    main_of: dict[str, bool] = {}
    for row in found:
        reports[row["article_id"]] = Report(
            article_id=row["article_id"],
            outlet=outlet(row["source"], row["url"], row["path"]),
            title=row["title"],
            published=row["published"],
            url=row["url"],
            event_id=row["event_id"],
            said_on=row["said_on"],
            said_on_text=row["said_on_text"],
        )
        main_of[row["article_id"]] = row["main_speaker"] == speaker_id
    ids = list(reports)
    claims: dict[str, Claim] = {}
    if ids:
        claim_rows = rows(
            conn,
            f"""select claim_id, article_id, text, start, "end", said_on, said_on_text
                from claims where speaker_id = ? and article_id in ({marks(ids)})
                order by article_id, start""",
            [speaker_id, *ids],
        )
        for row in claim_rows:
            claim = Claim(
                row["claim_id"],
                row["text"],
                row["start"],
                row["end"],
                row["said_on"],
                row["said_on_text"],
            )
            claims[claim.claim_id] = claim
            reports[row["article_id"]].claims.append(claim)
        _attach_values(conn, ids, reports, claims, main_of)
    names = _counted(
        conn,
        """select alias as label, count(distinct article_id) as n from speaker_aliases
           where speaker_id = ? and kind = 'name' group by alias order by n desc, alias""",
        speaker_id,
    )
    titles = _counted(
        conn,
        """select title as label, count(distinct article_id) as n from speaker_titles
           where speaker_id = ? group by title order by n desc, title""",
        speaker_id,
    )
    ordered = list(reports.values())
    outlets = Counter(r.outlet for r in ordered).most_common()
    events = _events(conn, [r.event_id for r in ordered if r.event_id])
    return SpeakerPage(
        speaker=dict(speaker),
        names=names,
        titles=titles,
        outlets=outlets,
        reports=ordered,
        total_articles=total["n"] if total else 0,
        figures=_figures(ordered),
        events=events,
    )


def _counted(conn: sqlite3.Connection, sql: str, speaker_id: int) -> list[tuple[str, int]]:
    return [(row["label"], row["n"]) for row in rows(conn, sql, [speaker_id])]


def _attach_values(
    conn: sqlite3.Connection,
    ids: list[str],
    reports: dict[str, Report],
    claims: dict[str, Claim],
    main_of: dict[str, bool],
) -> None:
    """Put each figure, group, platform and demand beside the claim (or article) it is in."""
    for name, table, column, canonical in VALUE_TABLES:
        canonical_sql = f", {canonical} as canonical" if canonical else ""
        found = rows(
            conn,
            f"""select article_id, claim_id, {column} as value, start, "end"{canonical_sql}
                {", min, max" if table == "account_counts" else ""}
                from {table} where article_id in ({marks(ids)}) order by article_id, start""",
            ids,
        )
        for value in found:
            claim = claims.get(value["claim_id"]) if value["claim_id"] else None
            if claim is not None:
                claim.values.setdefault(name, []).append(value)
            elif value["claim_id"] is None and main_of.get(value["article_id"]):
                reports[value["article_id"]].values.setdefault(name, []).append(value)


def _figures(reports: list[Report]) -> list[dict[str, Any]]:
    """The account figures attributed to the speaker, dated, for the timeline chart."""
    figures = []
    for report in reports:
        dates = [d for d in (report.said_on, report.published) if d and FULL_DATE.match(d)]
        if not dates:
            continue
        values = [v for c in report.claims for v in c.values.get("accounts", [])]
        values += report.values.get("accounts", [])
        for value in values:
            figures.append(
                {
                    "date": dates[0][:10],
                    "figure": value["value"],
                    "min": value.get("min"),
                    "max": value.get("max"),
                    "outlet": report.outlet,
                }
            )
    figures.sort(key=lambda f: (f["date"], f["outlet"]))
    return figures


def _events(conn: sqlite3.Connection, event_ids: list[str]) -> list[dict[str, Any]]:
    unique = list(dict.fromkeys(event_ids))
    if not unique:
        return []
    found = rows(
        conn,
        f"""select event_id, label, said_on, last_published, article_count, discrepancy_count
            from events where event_id in ({marks(unique)})
            order by last_published desc, event_id""",
        unique,
    )
    return with_outlets(conn, found)


@dataclass
class GroupPage:
    """What the group page shows: who named the group, when, in which outlets."""

    group: dict[str, Any]
    surfaces: list[tuple[str, int]]
    speakers: list[dict[str, Any]]
    outlets: list[tuple[str, int]]
    mentions: list[dict[str, Any]]
    total_articles: int


def read_group_page(conn: sqlite3.Connection, group_id: str) -> GroupPage | None:
    """Everything the group page needs for ``group_id``, or None if it is neither in the
    gazetteer nor named by any article (at build time: ``kb.site.pages``)."""
    group = first(conn, "select group_id, name, kind from groups where group_id = ?", [group_id])
    total = first(
        conn,
        "select count(distinct article_id) as n from group_mentions where group_id = ?",
        [group_id],
    )
    if group is None and not (total and total["n"]):
        return None
    surfaces = [
        (row["surface"], row["n"])
        for row in rows(
            conn,
            """select surface, count(distinct article_id) as n from group_mentions
               where group_id = ? group by surface order by n desc, surface""",
            [group_id],
        )
    ]
    speakers = rows(
        conn,
        """select s.speaker_id, s.name, count(distinct gm.article_id) as articles
           from group_mentions gm join claims c on c.claim_id = gm.claim_id
           join speakers s on s.speaker_id = c.speaker_id
           where gm.group_id = ? group by s.speaker_id
           order by articles desc, s.name limit 50""",
        [group_id],
    )
    # The latest articles first, read from the covering indexes (articles, mentions).
    mentions = rows(
        conn,
        f"""select gm.article_id, gm.surface, gm.start, gm."end", f.source, f.url, f.path,
                   f.title, f.published, c.speaker_id, s.name as speaker,
                   (select ea.event_id from event_articles ea
                     where ea.article_id = f.article_id) as event_id
            from (select a.article_id, a.published, a.source, a.url, a.path, a.title
                  from articles a where a.article_id in
                    (select article_id from group_mentions where group_id = :g)
                  order by a.published desc, a.article_id limit {MAX_MENTIONS}) f
            join group_mentions gm on gm.id = (
              select min(m.id) from group_mentions m
              where m.group_id = :g and m.article_id = f.article_id)
            left join claims c on c.claim_id = gm.claim_id
            left join speakers s on s.speaker_id = c.speaker_id
            order by f.published desc, f.article_id""",
        {"g": group_id},
    )
    for mention in mentions:
        mention["outlet"] = outlet(mention["source"], mention["url"], mention["path"])
    return GroupPage(
        group=group or {"group_id": group_id, "name": group_id, "kind": None},
        surfaces=surfaces,
        speakers=speakers,
        outlets=_group_outlets(conn, group_id),
        mentions=mentions,
        total_articles=total["n"] if total else 0,
    )


def _group_outlets(conn: sqlite3.Connection, group_id: str) -> list[tuple[str, int]]:
    """Outlets naming the group, most articles first: named sources counted in SQL, the
    few articles without one named by their URL here."""
    named = rows(
        conn,
        """select a.source, count(*) as n from articles a
           where a.source is not null and trim(a.source) != '' and a.article_id in
             (select article_id from group_mentions where group_id = ?)
           group by a.source""",
        [group_id],
    )
    counts: Counter[str] = Counter()
    for row in named:
        counts[outlet(row["source"])] += row["n"]
    unnamed = rows(
        conn,
        """select a.url, a.path from articles a
           where (a.source is null or trim(a.source) = '') and a.article_id in
             (select article_id from group_mentions where group_id = ?)""",
        [group_id],
    )
    counts.update(outlet(None, r["url"], r["path"]) for r in unnamed)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
