"""The only module that writes SQLite: schema, migrations, per-article upserts.

Each article and every row derived from it are written in one ``db.atomic()``
block, so a build killed at any point leaves whole articles or none.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from extract.model import Claim, Extraction, Mention
from ingest.dedup import signature_bytes
from ingest.model import Article, Cut, DuplicateMatch
from ingest.recurring import line_keys
from ingest.settings import IngestSettings
from kb.schema import (
    ARTICLE_CHILD_TABLES,
    INDEXES,
    SITE_COVERING_INDEXES,
    SITE_INDEXES,
    SITE_PAGE_INDEXES,
    SITE_PAGES,
    TABLES,
    VIEWS,
)
from link.model import Discrepancy, Event, Profile
from link.similarity import DocumentFrequencies, article_terms
from link.speakers import KnownSpeaker, match_speaker


def now() -> str:
    """UTC timestamp in ISO 8601, seconds precision."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def insert_rows(
    db: Database, table: str, rows: Iterable[dict[str, Any]], ignore: bool = False
) -> int:
    """Insert rows that share their keys into an existing table in one ``executemany``;
    the id of the last row inserted.

    The write path of a build: ``Table.insert_all`` re-reads the table's columns and
    opens a transaction per call, which cost more than the rows themselves when each
    article writes a dozen small batches.
    """
    rows = list(rows)
    if not rows:
        return 0
    columns = list(rows[0])
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    sql = (
        f"{verb} INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
        f"VALUES ({', '.join('?' * len(columns))})"
    )
    if len(rows) == 1:
        return int(db.conn.execute(sql, [rows[0][c] for c in columns]).lastrowid or 0)
    cursor = db.conn.executemany(sql, [[row[c] for c in columns] for row in rows])
    return int(cursor.lastrowid or 0)


def _create_schema(db: Database) -> None:
    for sql in TABLES.values():
        db.execute(sql)
    for sql in INDEXES:
        db.execute(sql)
    for name, sql in VIEWS.items():
        db.execute(f"DROP VIEW IF EXISTS {name}")
        db.execute(sql)
    db.table("articles").enable_fts(["title", "text"], create_triggers=True, replace=True)
    db.table("claims").enable_fts(["text"], create_triggers=True, replace=True)


def _add_article_cuts(db: Database) -> None:
    """What cleaning removed from each article, line by line with its reason."""
    db.execute(TABLES["article_cuts"])
    db.execute("CREATE INDEX IF NOT EXISTS idx_article_cuts_article ON article_cuts(article_id)")


def _add_term_frequencies(db: Database) -> None:
    """Linking's stored vocabulary: each article's terms and each term's document count."""
    db.execute(TABLES["article_terms"])
    db.execute(TABLES["term_frequencies"])
    for article_id, title, text in db.execute(
        "SELECT article_id, title, text FROM articles WHERE article_id NOT IN "
        "(SELECT article_id FROM article_terms)"
    ).fetchall():
        _write_terms(db, article_id, article_terms(title, text))


def _add_source_lines(db: Database) -> None:
    """Each article's short non-sentence lines, by source, so that a later build counts
    the lines a source repeats across every article stored (``ingest.recurring``)."""
    db.execute(TABLES["source_lines"])
    db.execute("CREATE INDEX IF NOT EXISTS idx_source_lines_article ON source_lines(article_id)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_source_lines_line ON source_lines(source, line)")
    settings = IngestSettings()
    for article_id, source, text in db.execute(
        "SELECT article_id, source, text FROM articles WHERE source IS NOT NULL"
    ).fetchall():
        cuts = tuple(
            Cut(0, row[0], "")
            for row in db.execute(
                "SELECT text FROM article_cuts WHERE article_id = ?", [article_id]
            )
        )
        stored = Article(path="", text=text, raw_hash="", source=source, cuts=cuts)
        _write_source_lines(db, article_id, source, line_keys(stored, settings))


def _signatures_made_again(db: Database) -> None:
    """Signatures made again from the stored text when what they cover changes (0008:
    the lead covers the first paragraph that reads as a sentence, not a window of words
    across paragraphs; 0009: the leads of the first paragraphs, not of the first alone):
    an old signature would not match the new one of a copy added later."""
    settings = IngestSettings()
    rows = db.execute(
        "SELECT a.article_id, a.text FROM articles a JOIN article_signatures s USING (article_id)"
    ).fetchall()
    db.conn.executemany(
        "UPDATE article_signatures SET signature = ? WHERE article_id = ?",
        [(signature_bytes(text, settings), article_id) for article_id, text in rows],
    )


def _write_source_lines(db: Database, article_id: str, source: str, keys: Iterable[str]) -> None:
    db.conn.executemany(
        "INSERT OR IGNORE INTO source_lines (article_id, source, line) VALUES (?, ?, ?)",
        [(article_id, source, key) for key in keys],
    )


def source_line_counts(
    db: Database, sources: Iterable[str], excluded: Iterable[str] = ()
) -> Counter[tuple[str, str]]:
    """How many stored articles of each of ``sources`` hold each candidate line,
    leaving out the articles ``excluded`` (versions a build is about to replace)."""
    counts: Counter[tuple[str, str]] = Counter()
    skip = set(excluded)
    for chunk in _chunks(sorted(set(sources))):
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT source, line, article_id FROM source_lines WHERE source IN ({marks})"
        for source, line, article_id in db.execute(sql, chunk).fetchall():
            if article_id not in skip:
                counts[(source, line)] += 1
    return counts


def _site_views(db: Database) -> None:
    """Outlets by name in the views (never a file name) and the reader pages' indexes."""
    for name, sql in VIEWS.items():
        db.execute(f"DROP VIEW IF EXISTS {name}")
        db.execute(sql)
    for sql in SITE_INDEXES:
        db.execute(sql)


def _site_covering_indexes(db: Database) -> None:
    """Indexes that let group and outlet pages read only indexes on a large knowledge base."""
    for sql in SITE_COVERING_INDEXES:
        db.execute(sql)


def _site_pages(db: Database) -> None:
    """The reader pages' build-time table (filled by each build) and the speaker page's index."""
    db.execute(SITE_PAGES)
    for sql in SITE_PAGE_INDEXES:
        db.execute(sql)


MIGRATIONS: tuple[tuple[str, Callable[[Database], None]], ...] = (
    ("0001_schema", _create_schema),
    ("0002_article_cuts", _add_article_cuts),
    ("0003_term_frequencies", _add_term_frequencies),
    ("0004_site_views", _site_views),
    ("0005_site_covering_indexes", _site_covering_indexes),
    ("0006_source_lines", _add_source_lines),
    ("0007_site_pages", _site_pages),
    ("0008_lead_paragraph_signatures", _signatures_made_again),
    ("0009_paragraph_leads_signatures", _signatures_made_again),
)


def open_db(path: str | Path) -> Database:
    """Open (creating if needed) a knowledge base and bring its schema up to date."""
    db = Database(path)
    if str(path) != ":memory:":
        db.enable_wal()
        # In WAL mode NORMAL still commits each article whole (a killed build keeps whole
        # articles) but skips the fsync of every commit, which cost ~3.6 ms an article
        # here (1.1 s of wall time on 300); only a power cut may lose the last commits.
        db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    migrate(db)
    return db


def migrate(db: Database) -> list[str]:
    """Apply the migrations not yet recorded; return the names applied."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row["name"] for row in db.query("SELECT name FROM _migrations")}
    applied = []
    for name, step in MIGRATIONS:
        if name in done:
            continue
        with db.atomic():
            step(db)
            db.table("_migrations").insert({"name": name, "applied_at": now()})
        applied.append(name)
    return applied


def known_inputs(db: Database) -> dict[str, str]:
    """``path -> raw_hash`` of every stored article: what a build may skip."""
    return {row["path"]: row["raw_hash"] for row in db.query("SELECT path, raw_hash FROM articles")}


def stored_signatures(db: Database) -> Iterator[tuple[str, str, bytes, str | None]]:
    """Every stored article's id, content hash, MinHash signature and duplicate_of."""
    sql = """SELECT a.article_id, a.content_hash, s.signature, a.duplicate_of
             FROM articles a JOIN article_signatures s USING (article_id)
             ORDER BY a.rowid"""
    for row in db.execute(sql).fetchall():
        yield row[0], row[1], row[2], row[3]


def article_text(db: Database, article_id: str) -> str:
    """The stored text of one article."""
    row = db.execute("SELECT text FROM articles WHERE article_id = ?", [article_id]).fetchone()
    return row[0] if row else ""


def record_error(db: Database, path: str, reason: str, code: str | None = None) -> None:
    """Add one ``ingest_errors`` row."""
    with db.atomic():
        db.table("ingest_errors").insert(
            {"path": path, "reason": reason, "code": code, "at": now()}
        )


def _delete_article_rows(db: Database, article_ids: Sequence[str]) -> None:
    """Remove stored articles with every row derived from them. Ids not stored are
    skipped first: every derived row references its article (foreign keys are on), so
    a new article, most of a build's, costs one lookup instead of seventeen statements."""
    if not article_ids:
        return
    marks = ",".join("?" * len(article_ids))
    sql = f"SELECT article_id FROM articles WHERE article_id IN ({marks})"
    article_ids = [row[0] for row in db.execute(sql, list(article_ids)).fetchall()]
    if not article_ids:
        return
    marks = ",".join("?" * len(article_ids))
    for table in ARTICLE_CHILD_TABLES:
        db.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", list(article_ids))
    db.execute(
        f"UPDATE articles SET duplicate_of = NULL WHERE duplicate_of IN ({marks})",
        list(article_ids),
    )
    _drop_events_of(db, article_ids)
    _forget_terms(db, article_ids)
    db.execute(f"DELETE FROM article_signatures WHERE article_id IN ({marks})", list(article_ids))
    db.execute(f"DELETE FROM articles WHERE article_id IN ({marks})", list(article_ids))


def _write_terms(db: Database, article_id: str, terms: Counter[str]) -> None:
    """Store an article's terms and count it in each term's document frequency."""
    insert_rows(db, "article_terms", [{"article_id": article_id, "terms": json.dumps(terms)}])
    db.conn.executemany(
        "INSERT INTO term_frequencies (term, documents) VALUES (?, 1) "
        "ON CONFLICT(term) DO UPDATE SET documents = documents + 1",
        [(term,) for term in terms],
    )


def _forget_terms(db: Database, article_ids: Sequence[str]) -> None:
    """Take removed articles out of the document frequencies."""
    marks = ",".join("?" * len(article_ids))
    removed: Counter[str] = Counter()
    for (terms,) in db.execute(
        f"SELECT terms FROM article_terms WHERE article_id IN ({marks})", list(article_ids)
    ).fetchall():
        removed.update(json.loads(terms).keys())
    db.conn.executemany(
        "UPDATE term_frequencies SET documents = documents - ? WHERE term = ?",
        [(n, term) for term, n in removed.items()],
    )
    db.execute("DELETE FROM term_frequencies WHERE documents <= 0")
    db.execute(f"DELETE FROM article_terms WHERE article_id IN ({marks})", list(article_ids))


def document_frequencies(db: Database) -> DocumentFrequencies:
    """The stored document frequencies of every term over every stored article."""
    total = db.execute("SELECT count(*) FROM article_terms").fetchone()[0]
    counts = dict(db.execute("SELECT term, documents FROM term_frequencies").fetchall())
    return DocumentFrequencies(int(total), counts)


def _drop_events_of(db: Database, article_ids: Sequence[str]) -> None:
    delete_events(db, events_of(db, article_ids))


def delete_events(db: Database, event_ids: Sequence[str]) -> None:
    """Remove events with their memberships and discrepancies."""
    for chunk in _chunks(list(event_ids)):
        marks = ",".join("?" * len(chunk))
        for table in ("discrepancies", "event_articles", "events"):
            db.execute(f"DELETE FROM {table} WHERE event_id IN ({marks})", chunk)


@dataclass
class SpeakerIndex:
    """Speakers already in the knowledge base, for cross-article resolution."""

    known: list[KnownSpeaker]

    @classmethod
    def load(cls, db: Database) -> SpeakerIndex:
        """Read every speaker with the full names it was written as."""
        names: dict[int, set[str]] = {}
        kinds: dict[int, str] = {}
        for row in db.query("SELECT speaker_id, name, kind FROM speakers"):
            names.setdefault(row["speaker_id"], set()).add(row["name"])
            kinds[row["speaker_id"]] = row["kind"]
        for row in db.query(
            "SELECT DISTINCT speaker_id, alias FROM speaker_aliases WHERE kind = 'name'"
        ):
            names.setdefault(row["speaker_id"], set()).add(row["alias"])
        return cls([KnownSpeaker(sid, kinds[sid], frozenset(n)) for sid, n in names.items()])

    def resolve(self, db: Database, name: str, kind: str) -> int:
        """The id of the known speaker ``name`` refers to, creating one if none fits."""
        found = match_speaker(name, kind, self.known)
        if found is not None:
            speaker = next(s for s in self.known if s.speaker_id == found)
            if name not in speaker.names:
                self.known.remove(speaker)
                self.known.append(KnownSpeaker(found, kind, speaker.names | {name}))
            return found
        speaker_id = insert_rows(db, "speakers", [{"name": name, "kind": kind}])
        self.known.append(KnownSpeaker(int(speaker_id), kind, frozenset({name})))
        return int(speaker_id)


def write_article(
    db: Database,
    article: Article,
    verdict: DuplicateMatch,
    signature: bytes,
    extraction: Extraction,
    speakers: SpeakerIndex,
    replaces: Sequence[str] = (),
    ingest: IngestSettings | None = None,
) -> None:
    """Store one article and everything extracted from it, atomically.

    ``replaces`` names stored articles from the same input that this version supersedes;
    ``ingest`` says which of its lines are counted as candidates for recurring furniture.
    """
    with db.atomic():
        _delete_article_rows(db, [a for a in replaces if a != article.article_id])
        _delete_article_rows(db, [article.article_id])
        insert_rows(
            db,
            "articles",
            [
                {
                    "article_id": article.article_id,
                    "path": article.path,
                    "url": article.url,
                    "source": article.source,
                    "title": article.title,
                    "published": article.published,
                    "text": article.text,
                    "raw_hash": article.raw_hash,
                    "content_hash": article.content_hash,
                    "encoding": article.encoding,
                    "boilerplate": article.boilerplate or None,
                    "duplicate_of": verdict.duplicate_of,
                    "similarity": verdict.similarity,
                    "extraction_notes": "; ".join(extraction.notes) or None,
                    "ingested_at": now(),
                }
            ],
        )
        insert_rows(
            db, "article_signatures", [{"article_id": article.article_id, "signature": signature}]
        )
        insert_rows(
            db,
            "article_cuts",
            [
                {
                    "article_id": article.article_id,
                    "line": c.line,
                    "text": c.text,
                    "reason": c.reason,
                }
                for c in article.cuts
            ],
        )
        if article.source:
            keys = line_keys(article, ingest or IngestSettings())
            _write_source_lines(db, article.article_id, article.source, keys)
        _write_terms(db, article.article_id, article_terms(article.title, article.text))
        _write_extraction(db, article.article_id, extraction, speakers)


def _claim_at(claims: Sequence[tuple[str, int, int]], mention_start: int) -> str | None:
    for claim_id, start, end in claims:
        if start <= mention_start < end:
            return claim_id
    return None


def _write_extraction(
    db: Database, article_id: str, extraction: Extraction, speakers: SpeakerIndex
) -> None:
    speaker_ids = {s.name: speakers.resolve(db, s.name, s.kind) for s in extraction.speakers}
    # One statement per table, not per speaker or per claim: the rows, and so their
    # ids, come in the order the per-item inserts gave them.
    insert_rows(
        db,
        "speaker_aliases",
        [
            {
                "speaker_id": speaker_ids[speaker.name],
                "article_id": article_id,
                "alias": m.text,
                "kind": m.kind,
                "start": m.start,
                "end": m.end,
            }
            for speaker in extraction.speakers
            for m in speaker.aliases
        ],
    )
    insert_rows(
        db,
        "speaker_titles",
        [
            {
                "speaker_id": speaker_ids[speaker.name],
                "article_id": article_id,
                "title": m.text,
                "start": m.start,
                "end": m.end,
            }
            for speaker in extraction.speakers
            for m in speaker.titles
        ],
    )
    said = extraction.said_on
    spans = [(f"{article_id}-{c.index}", c.start, c.end) for c in extraction.claims]
    insert_rows(
        db,
        "claims",
        [
            _claim_row(article_id, claim_id, claim, said, speaker_ids)
            for (claim_id, _, _), claim in zip(spans, extraction.claims, strict=True)
        ],
    )
    insert_rows(
        db,
        "account_counts",
        [
            {
                "article_id": article_id,
                "claim_id": _claim_at(spans, a.start),
                "text": a.text,
                "min": a.min,
                "max": a.max,
                "start": a.start,
                "end": a.end,
            }
            for a in extraction.accounts
        ],
    )
    # Groups found from the text itself are not in the gazetteer catalogue: give each
    # a catalogue row (its canonical name) so that the mention's foreign key holds.
    insert_rows(
        db,
        "groups",
        ({"group_id": m.value, "name": m.value, "kind": None} for m in extraction.groups),
        ignore=True,
    )
    _write_mentions(db, "group_mentions", "group_id", article_id, extraction.groups, spans)
    _write_mentions(db, "platform_mentions", "platform_id", article_id, extraction.platforms, spans)
    insert_rows(
        db,
        "demands",
        [
            {
                "article_id": article_id,
                "claim_id": _claim_at(spans, m.start),
                "label": m.value,
                "text": m.text,
                "start": m.start,
                "end": m.end,
            }
            for m in extraction.demands
        ],
    )
    insert_rows(
        db,
        "statements",
        [
            {
                "article_id": article_id,
                "topic": m.kind,
                "stance": m.value,
                "text": m.text,
                "start": m.start,
                "end": m.end,
            }
            for m in extraction.statements
        ],
    )


def _claim_row(
    article_id: str,
    claim_id: str,
    claim: Claim,
    said: Mention | None,
    speaker_ids: dict[str, int],
) -> dict[str, Any]:
    """A ``claims`` row; the article's statement date goes on its main claim."""
    main = claim.is_main and said is not None
    return {
        "claim_id": claim_id,
        "article_id": article_id,
        "speaker_id": speaker_ids.get(claim.speaker) if claim.speaker else None,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "cue": claim.cue.text,
        "cue_start": claim.cue.start,
        "cue_end": claim.cue.end,
        "is_main": int(claim.is_main),
        "said_on": (said.value or None) if main and said else None,
        "said_on_text": said.text if main and said else None,
        "said_on_start": said.start if main and said else None,
        "said_on_end": said.end if main and said else None,
    }


def _write_mentions(
    db: Database,
    table: str,
    key: str,
    article_id: str,
    mentions: Iterable[Mention],
    spans: Sequence[tuple[str, int, int]],
) -> None:
    insert_rows(
        db,
        table,
        [
            {
                "article_id": article_id,
                "claim_id": _claim_at(spans, m.start),
                key: m.value,
                "surface": m.text,
                "start": m.start,
                "end": m.end,
            }
            for m in mentions
        ],
    )


def upsert_catalogue(db: Database, table: str, rows: Iterable[dict[str, Any]], pk: str) -> None:
    """Insert or refresh the gazetteer tables (groups, platforms) that mentions point to."""
    with db.atomic():
        db.table(table).upsert_all(list(rows), pk=pk)


def refresh_speaker_names(db: Database) -> None:
    """Name each speaker by the full-name spelling most articles use (ties: longest)."""
    counts: dict[int, Counter[str]] = {}
    sql = "SELECT speaker_id, alias, count(DISTINCT article_id) AS n FROM speaker_aliases "
    sql += "WHERE kind = 'name' GROUP BY speaker_id, alias"
    for row in db.query(sql):
        counts.setdefault(row["speaker_id"], Counter())[row["alias"]] = row["n"]
    with db.atomic():
        for speaker_id, counter in counts.items():
            best = max(counter.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
            db.execute("UPDATE speakers SET name = ? WHERE speaker_id = ?", [best, speaker_id])
        db.execute(
            "DELETE FROM speakers WHERE speaker_id NOT IN (SELECT speaker_id FROM speaker_aliases)"
            " AND speaker_id NOT IN (SELECT speaker_id FROM claims WHERE speaker_id IS NOT NULL)"
        )


def refresh_group_names(db: Database) -> None:
    """One canonical id per group across the knowledge base.

    First, an acronym one article glosses for a group it found from the text ("the
    Green Unity Movement (GUM)") is a mention of that group wherever another article
    writes it alone ("a network that smeared the GUM"): news spells a party out once
    per story at most, and a follow-up story not at all.

    Extraction names a group found in the text by the forms one article uses, so two
    articles may name one group differently: a case variant ("Nexo", "NEXO") or a
    long name that another article glosses with its acronym. A group whose id another
    group writes as one of its forms is folded into it; of groups that name each other,
    the gazetteer's wins, then the one more articles use, then the form in capitals.
    """
    _add_glossed_acronyms(db)
    forms: dict[str, set[str]] = {}
    for row in db.query("SELECT DISTINCT group_id, surface FROM group_mentions"):
        forms.setdefault(row["group_id"], set()).add(row["surface"].casefold())
    if len(forms) < 2:
        return
    sql = "SELECT group_id, count(DISTINCT article_id) AS n FROM group_mentions GROUP BY group_id"
    articles = {row["group_id"]: row["n"] for row in db.query(sql)}
    listed = {
        row["group_id"] for row in db.query("SELECT group_id FROM groups WHERE kind IS NOT NULL")
    }

    def rank(group_id: str) -> tuple[bool, int, bool, str]:
        return (group_id in listed, articles.get(group_id, 0), group_id.isupper(), group_id)

    merges = {}
    for group_id in forms:
        if group_id in listed:
            continue
        named_by = [g for g, seen in forms.items() if g != group_id and group_id.casefold() in seen]
        best = max([group_id, *named_by], key=rank)
        if best != group_id:
            merges[group_id] = best
    with db.atomic():
        for group_id, first in merges.items():
            target = first
            while target in merges and merges[target] != group_id:
                target = merges[target]
            db.execute(
                "UPDATE group_mentions SET group_id = ? WHERE group_id = ?", [target, group_id]
            )
        db.execute(
            "DELETE FROM groups WHERE kind IS NULL"
            " AND group_id NOT IN (SELECT group_id FROM group_mentions)"
        )


# An acronym worth looking for in other articles: capitals (digits, one hyphen) of at
# least three characters, so that two-letter forms that are also words ("IS") are not.
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)?")
_MIN_ACRONYM = 3


def _add_glossed_acronyms(db: Database) -> None:
    """Mentions of found groups' glossed acronyms in articles that write only those."""
    forms: dict[str, set[str]] = {}
    sql = "SELECT DISTINCT m.group_id, m.surface FROM group_mentions m"
    sql += " JOIN groups g USING (group_id) WHERE g.kind IS NULL"
    for row in db.query(sql):
        forms.setdefault(row["group_id"], set()).add(row["surface"])
    acronyms = {
        surface: group_id
        for group_id, surfaces in forms.items()
        if len(surfaces) > 1
        for surface in surfaces
        if len(surface) >= _MIN_ACRONYM and _ACRONYM.fullmatch(surface)
    }
    if not acronyms:
        return
    taken: dict[str, list[tuple[int, int]]] = {}
    for row in db.query('SELECT article_id, start, "end" FROM group_mentions'):
        taken.setdefault(row["article_id"], []).append((row["start"], row["end"]))
    claims: dict[str, list[tuple[str, int, int]]] = {}
    for row in db.query('SELECT claim_id, article_id, start, "end" FROM claims'):
        claims.setdefault(row["article_id"], []).append((row["claim_id"], row["start"], row["end"]))
    pattern = re.compile(
        r"(?<![\w-])("
        + "|".join(re.escape(a) for a in sorted(acronyms, key=len, reverse=True))
        + r")(?!\w|-\w)"
    )
    rows = []
    for article in db.query("SELECT article_id, text FROM articles"):
        article_id = article["article_id"]
        spans = taken.get(article_id, [])
        for match in pattern.finditer(article["text"]):
            start, end = match.span()
            if any(start < e and s < end for s, e in spans):
                continue
            rows.append(
                {
                    "article_id": article_id,
                    "claim_id": _claim_at(claims.get(article_id, []), start),
                    "group_id": acronyms[match.group(1)],
                    "surface": match.group(1),
                    "start": start,
                    "end": end,
                }
            )
    if rows:
        with db.atomic():
            insert_rows(db, "group_mentions", rows)


def article_ids_for_paths(db: Database, paths: Sequence[str]) -> dict[str, list[str]]:
    """Stored article ids per input path (an input that changed is replaced whole)."""
    out: dict[str, list[str]] = {}
    for chunk in _chunks(list(paths)):
        marks = ",".join("?" * len(chunk))
        for row in db.execute(
            f"SELECT path, article_id FROM articles WHERE path IN ({marks})", chunk
        ).fetchall():
            out.setdefault(row[0], []).append(row[1])
    return out


def _chunks(values: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def unlinked_articles(db: Database) -> list[str]:
    """Articles in no event: stored by a build that was killed before it linked them."""
    sql = """SELECT article_id FROM articles
             WHERE article_id NOT IN (SELECT article_id FROM event_articles)"""
    return [row[0] for row in db.execute(sql).fetchall()]


def article_ids(db: Database) -> list[str]:
    """Every stored article's id."""
    return [row[0] for row in db.execute("SELECT article_id FROM articles ORDER BY article_id")]


def events_of(db: Database, article_ids: Sequence[str]) -> list[str]:
    """Ids of the events the given articles belong to."""
    events: set[str] = set()
    for chunk in _chunks(list(article_ids)):
        marks = ",".join("?" * len(chunk))
        events.update(
            row[0]
            for row in db.execute(
                f"SELECT DISTINCT event_id FROM event_articles WHERE article_id IN ({marks})", chunk
            ).fetchall()
        )
    return sorted(events)


_PROFILE_PARTS = {
    "speakers": """SELECT a.article_id, s.speaker_id, s.name, a.alias, a.start, a."end" AS end
                   FROM speaker_aliases a JOIN speakers s USING (speaker_id)
                   WHERE a.kind IN ('name', 'alias') AND a.article_id IN ({marks})
                   ORDER BY a.start""",
    "titles": """SELECT article_id, speaker_id, title, start, "end" AS end FROM speaker_titles
                 WHERE article_id IN ({marks}) ORDER BY start""",
    "said_on": """SELECT article_id, said_on, said_on_text, said_on_start, said_on_end FROM claims
                  WHERE is_main = 1 AND article_id IN ({marks})""",
    "claims": """SELECT article_id, text, start, "end" AS end FROM claims
                 WHERE article_id IN ({marks}) ORDER BY start""",
    "accounts": """SELECT article_id, text, min, max, start, "end" AS end FROM account_counts
                   WHERE article_id IN ({marks}) ORDER BY start""",
    "groups": """SELECT article_id, group_id AS value, surface AS text, start, "end" AS end
                 FROM group_mentions WHERE article_id IN ({marks}) ORDER BY start""",
    "platforms": """SELECT article_id, platform_id AS value, surface AS text, start, "end" AS end
                    FROM platform_mentions WHERE article_id IN ({marks}) ORDER BY start""",
    "demands": """SELECT article_id, label AS value, text, start, "end" AS end FROM demands
                  WHERE article_id IN ({marks}) ORDER BY start""",
    "statements": """SELECT article_id, topic, stance, text, start, "end" AS end FROM statements
                     WHERE article_id IN ({marks}) ORDER BY start""",
    "terms": "SELECT article_id, terms FROM article_terms WHERE article_id IN ({marks})",
}


def load_profiles(db: Database, article_ids: Sequence[str]) -> list[Profile]:
    """Linking input: each article's profile with the evidence spans behind it."""
    profiles = []
    for chunk in _chunks(list(article_ids)):
        marks = ",".join("?" * len(chunk))
        records = list(
            db.query(f"SELECT * FROM article_profiles WHERE article_id IN ({marks})", chunk)
        )
        parts: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for name, sql in _PROFILE_PARTS.items():
            grouped: dict[str, list[dict[str, Any]]] = {}
            for row in db.query(sql.format(marks=marks), chunk):
                grouped.setdefault(row["article_id"], []).append(row)
            parts[name] = grouped
        for record in records:
            aid = record["article_id"]
            said = parts["said_on"].get(aid)
            profiles.append(
                Profile.from_rows(
                    record=record,
                    speakers=parts["speakers"].get(aid, []),
                    titles=parts["titles"].get(aid, []),
                    said_on=said[0] if said else None,
                    claims=parts["claims"].get(aid, []),
                    accounts=parts["accounts"].get(aid, []),
                    groups=parts["groups"].get(aid, []),
                    platforms=parts["platforms"].get(aid, []),
                    demands=parts["demands"].get(aid, []),
                    statements=parts["statements"].get(aid, []),
                    terms=json.loads(terms[0]["terms"])
                    if (terms := parts["terms"].get(aid))
                    else {},
                )
            )
    return sorted(profiles, key=lambda p: p.article_id)


def _event_row(event: Event, discrepancy_count: int) -> dict[str, Any]:
    return {
        "event_id": event.event_id,
        "label": event.label,
        "said_on": event.said_on,
        "first_published": event.first_published,
        "last_published": event.last_published,
        "outlets": json.dumps(list(event.outlets)),
        "article_count": len(event.article_ids),
        "discrepancy_count": discrepancy_count,
    }


def _discrepancy_row(d: Discrepancy) -> dict[str, Any]:
    return {
        "event_id": d.event_id,
        "field": d.field,
        "kind": d.kind,
        "article_a": d.article_a,
        "article_b": d.article_b,
        "value_a": d.value_a,
        "value_b": d.value_b,
        "a_start": d.a_start,
        "a_end": d.a_end,
        "b_start": d.b_start,
        "b_end": d.b_end,
        "explanation": d.explanation,
    }


def _stored_events(db: Database) -> dict[str, tuple[Any, ...]]:
    """Each stored event's row, members and discrepancies, to tell what a re-link changed."""
    members: dict[str, list[str]] = {}
    for event_id, article_id in db.execute(
        "SELECT event_id, article_id FROM event_articles ORDER BY event_id, article_id"
    ).fetchall():
        members.setdefault(event_id, []).append(article_id)
    found: dict[str, list[tuple[Any, ...]]] = {}
    columns = ", ".join(f'"{c}"' for c in _DISCREPANCY_COLUMNS)
    for row in db.execute(f"SELECT {columns} FROM discrepancies ORDER BY id").fetchall():
        found.setdefault(row[0], []).append(tuple(row))
    out = {}
    for row in db.query("SELECT * FROM events"):
        event_id = row["event_id"]
        out[event_id] = (
            tuple(row.values()),
            tuple(members.get(event_id, ())),
            tuple(found.get(event_id, ())),
        )
    return out


_DISCREPANCY_COLUMNS = tuple(
    _discrepancy_row(Discrepancy("", "", "", "", "", None, None, None, None, None, None, ""))
)


def write_events(
    db: Database, events: Sequence[Event], discrepancies: Sequence[Discrepancy]
) -> list[str]:
    """Make the stored events those of a re-link of the whole knowledge base, atomically.

    Only events whose membership, label or discrepancies changed are rewritten (an
    event nothing touched keeps its rows); events no longer formed are removed.
    Returns the ids of the events written.
    """
    per_event: dict[str, list[Discrepancy]] = {}
    for d in discrepancies:
        per_event.setdefault(d.event_id, []).append(d)
    stored = _stored_events(db)
    changed = []
    for event in events:
        mine = per_event.get(event.event_id, [])
        row = _event_row(event, len(mine))
        wanted = (
            tuple(row.values()),
            tuple(event.article_ids),
            tuple(tuple(_discrepancy_row(d).values()) for d in mine),
        )
        if stored.get(event.event_id) != wanted:
            changed.append((row, event, mine))
    formed = {e.event_id for e in events}
    with db.atomic():
        delete_events(
            db, [e for e in stored if e not in formed] + [r["event_id"] for r, _, _ in changed]
        )
        for row, event, mine in changed:
            insert_rows(db, "events", [row])
            insert_rows(
                db,
                "event_articles",
                [{"event_id": event.event_id, "article_id": a} for a in event.article_ids],
            )
            insert_rows(db, "discrepancies", [_discrepancy_row(d) for d in mine])
    return [row["event_id"] for row, _, _ in changed]
