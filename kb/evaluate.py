"""Score a knowledge base against hand annotations (the format of ``gold/seeds.yml``).

Precision, recall and F1 per claim field, micro-averaged over the annotated articles,
so the numbers a journalist reads in ``presskb eval`` are the ones tests assert. The
ingest figures (furniture kept, body lines lost, copies, false merges) live in
``kb.evaluate_ingest`` and the linking figures (event pairs, discrepancies) in
``kb.evaluate_links``; :func:`report` assembles all three for one split of the gold.

Events can be *held out*: their articles are scored apart, so that rules written
while looking at the working set can be measured on articles nobody tuned them on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from extract.names import plain_letters
from kb.evaluate_ingest import ingest_figures
from kb.evaluate_links import link_figures
from kb.gold import Gold, GoldFileError, Miss, Score, file_name, load_gold, load_gold_file

__all__ = [
    "FIELDS",
    "Gold",
    "Report",
    "Score",
    "evaluate",
    "load_gold",
    "load_gold_file",
    "reports",
]

FIELDS = (
    "speakers",
    "speaker_titles",
    "said_on",
    "accounts",
    "groups",
    "platforms",
    "demands",
)
OTHER_DEMAND = "other:"


# --- claim fields -------------------------------------------------------------------

Bounds = tuple[int | None, int | None]


def _bounds(value: Sequence[Any]) -> Bounds:
    return (value[0], value[1])


def _said_item(date: str | None, text: str | None) -> set[Any]:
    if date:
        return {("date", date)}
    if text:
        return {("text", text.casefold())}
    return set()


def _is_scored_demand(label: str) -> bool:
    return not label.startswith(OTHER_DEMAND)


def _gold_items(entry: dict[str, Any], field: str) -> set[Any]:
    if field == "speakers":
        return {s["name"] for s in entry.get("speakers") or []}
    if field == "speaker_titles":
        return {t for s in entry.get("speakers") or [] for t in s.get("titles") or []}
    if field == "said_on":
        said = entry.get("said_on") or {}
        return _said_item(said.get("date"), said.get("text"))
    if field == "groups":
        return {g["name"] if isinstance(g, dict) else g for g in entry.get(field) or []}
    if field == "demands":
        return {d for d in entry.get(field) or [] if _is_scored_demand(d)}
    return set(entry.get(field) or [])


# Fields whose gold entries list every spelling of a name (``as_written``) beside the canonical
# one: a predicted name is the gold's entity when it is any of those spellings.
ALIASED_FIELDS = ("speakers", "groups")
WRITTEN = "_written"  # the key of a profile row's spellings (see ``profiles_by_file``)
_DETERMINERS = ("the ", "a ", "an ")


def _spelling(text: str) -> str:
    """A name as compared: case and accents folded (outlets drop accents: "Erdoğan" and
    "Erdogan" are one spelling), without a leading article ("The Justice Department")."""
    folded = " ".join(plain_letters(text).split())
    for word in _DETERMINERS:
        if folded.startswith(word):
            return folded[len(word) :]
    return folded


def _aliases(entry: dict[str, Any], field: str) -> dict[str, str]:
    """Every spelling the gold gives an entity of ``field``, to its canonical name."""
    out: dict[str, str] = {}
    for item in entry.get(field) or []:
        if not isinstance(item, dict):
            out.setdefault(_spelling(item), item)
            continue
        for text in (item["name"], *(item.get("as_written") or [])):
            out.setdefault(_spelling(text), item["name"])
    return out


def _aliased_score(
    entry: dict[str, Any], field: str, got: set[str], written: dict[str, list[str]]
) -> tuple[Score, list[str], list[str]]:
    """Predicted names against the gold's entities, one to one: a name matches the entity
    whose canonical name or any ``as_written`` spelling it is, or one of whose spellings
    the article writes where the knowledge base found the name (``written``), so an
    annotator's choice between "US Justice Department" and "Justice Department", or
    between "DFRLab" and "Digital Forensic Research Lab", as the canonical name is not an
    extraction error; two predicted names for one entity still count the second as false
    (a speaker split in two is an error)."""
    want = _gold_items(entry, field)
    aliases = _aliases(entry, field)
    matched: set[str] = set()
    extra: list[str] = []

    def entity_of(name: str) -> str | None:
        if name in want:
            return name
        for text in (name, *written.get(name, ())):
            found = aliases.get(_spelling(text)) or aliases.get(_spelling(_unowned(text)))
            if found is not None:
                return found
        return None

    for name in sorted(got, key=lambda n: (n not in want, n)):
        entity = entity_of(name)
        if entity is None or entity in matched:
            extra.append(name)
        else:
            matched.add(entity)
    missed = sorted(want - matched)
    return Score(len(matched), len(extra), len(missed)), missed, sorted(extra)


# A title is compared without its leading article or possessive determiner and without an
# owner written before it ("Facebook's head of security policy" / "head of security policy",
# "the presidency's communications director" / "presidency's communications director"): the
# gold files differ on both (dev drops a company owner before a formal title in 9 of 13
# cases, dev2 and dev3 keep it), and either way the title is found and cut the same.
_TITLE_DETERMINERS = re.compile(r"^(?:the|a|an|its|his|her|their)\s+")
_TITLE_OWNER = re.compile(r"^(?:[\w.&-]+\s+){0,3}[\w.&-]+(?:'s|\u2019s)\s+(?=\S)")


def _title_form(title: str) -> str:
    folded = _TITLE_DETERMINERS.sub("", " ".join(title.casefold().split()))
    return _TITLE_OWNER.sub("", folded, count=1)


def _unowned(name: str) -> str:
    """A name without an owner written before it: "Atlantic Council's Digital Forensic
    Research Lab" is also written "Digital Forensic Research Lab"."""
    return _TITLE_OWNER.sub("", name, count=1)


def _title_score(want: set[str], got: set[str]) -> tuple[Score, list[str], list[str]]:
    """Titles matched on :func:`_title_form`; misses are listed as written."""
    wanted = {_title_form(t): t for t in sorted(want)}
    found = {_title_form(t): t for t in sorted(got)}
    missed = sorted(wanted[k] for k in wanted.keys() - found.keys())
    extra = sorted(found[k] for k in found.keys() - wanted.keys())
    return Score(len(wanted.keys() & found.keys()), len(extra), len(missed)), missed, extra


def _predicted_items(row: dict[str, Any], field: str) -> set[Any]:
    if field == "said_on":
        return _said_item(row.get("said_on"), row.get("said_on_text"))
    values = json.loads(row.get(field) or "[]")
    if field == "demands":
        return {d for d in values if _is_scored_demand(d)}
    return set(values)


def _score_accounts(entry: dict[str, Any], row: dict[str, Any]) -> tuple[Score, list[Any]]:
    """Each gold figure matches one predicted interval, its own bounds or an ``alt``;
    predictions equal to an ``accounts_ignore`` figure (Pages, Groups) count neither way."""
    predicted = [_bounds((a.get("min"), a.get("max"))) for a in json.loads(row["accounts"] or "[]")]
    left = list(dict.fromkeys(predicted))
    missed: list[Any] = []
    tp = 0
    for figure in entry.get("accounts") or []:
        accepted = {_bounds((figure.get("min"), figure.get("max")))}
        accepted |= {_bounds(alt) for alt in figure.get("alt") or []}
        hit = next((p for p in left if p in accepted), None)
        if hit is None:
            missed.append(figure.get("text") or (figure.get("min"), figure.get("max")))
        else:
            tp += 1
            left.remove(hit)
    ignored = {_bounds(b) for b in entry.get("accounts_ignore") or []}
    extra = [p for p in left if p not in ignored]
    return Score(tp, len(extra), len(missed)), [missed, extra]


def profiles_by_file(db: Database) -> dict[str, dict[str, Any]]:
    """``article_profiles`` rows keyed by file name (URLs by their last path segment), each
    with ``WRITTEN``: for speakers and groups, the spellings the article uses for each
    name the profile lists under a catalogue's name (``speaker_aliases`` of kind
    ``alias``, ``group_mentions``): a name found under its own spelling is scored as
    found, so a name cut wrong stays wrong."""
    rows = {r["article_id"]: r for r in db.query("SELECT * FROM article_profiles")}
    for row in rows.values():
        row[WRITTEN] = {"speakers": {}, "groups": {}}
    spellings = (
        (
            "speakers",
            "speaker_aliases",
            "SELECT a.article_id, s.name, a.alias FROM speaker_aliases a"
            " JOIN speakers s ON s.speaker_id = a.speaker_id WHERE a.kind = 'alias'",
        ),
        (
            "groups",
            "group_mentions",
            "SELECT article_id, group_id, surface FROM group_mentions",
        ),
    )
    for field, table, sql in spellings:
        if not db[table].exists():
            continue
        for article_id, name, text in db.execute(sql).fetchall():
            if article_id in rows:
                rows[article_id][WRITTEN][field].setdefault(name, []).append(text)
    return {file_name(r["path"]): r for r in rows.values()}


def _row_for(rows: dict[str, dict[str, Any]], entry: dict[str, Any]) -> dict[str, Any]:
    row = rows.get(file_name(entry.get("file", "")))
    if row is None:
        raise GoldFileError(f"the gold file names {entry.get('file')!r}, not in the database")
    return row


def _claim_scores(
    rows: dict[str, dict[str, Any]], gold: Iterable[dict[str, Any]]
) -> tuple[dict[str, Score], list[Miss]]:
    totals = {f: Score(0, 0, 0) for f in FIELDS}
    misses: list[Miss] = []
    for entry in gold:
        row = _row_for(rows, entry)
        name = file_name(entry["file"])
        for column in FIELDS:
            if column == "accounts":
                score, (missed, extra) = _score_accounts(entry, row)
            elif column == "speaker_titles":
                score, missed, extra = _title_score(
                    _gold_items(entry, column), _predicted_items(row, column)
                )
            elif column in ALIASED_FIELDS:
                score, missed, extra = _aliased_score(
                    entry, column, _predicted_items(row, column), row[WRITTEN][column]
                )
            else:
                want, got = _gold_items(entry, column), _predicted_items(row, column)
                score = Score(len(want & got), len(got - want), len(want - got))
                missed, extra = sorted(want - got, key=str), sorted(got - want, key=str)
            totals[column] = totals[column] + score
            if missed or extra:
                misses.append(Miss(name, column, _show(missed), _show(extra)))
        others = [d for d in json.loads(row["demands"] or "[]") if not _is_scored_demand(d)]
        wanted = [d for d in entry.get("demands") or [] if not _is_scored_demand(d)]
        if others or wanted:
            misses.append(Miss(name, "demands (other, not scored)", _show(wanted), _show(others)))
    return totals, misses


def _plain(value: Any) -> Any:
    """A said_on item shows its date or its words only."""
    if isinstance(value, tuple) and value[:1] in (("date",), ("text",)):
        return value[1]
    return value


def _show(values: Iterable[Any]) -> str:
    return "; ".join(str(_plain(v)) for v in values) or "-"


def evaluate(db: Database, gold: Iterable[dict[str, Any]]) -> dict[str, Score]:
    """Per-field scores of the profiles whose file name matches a gold entry."""
    return _claim_scores(profiles_by_file(db), gold)[0]


def macro_f1(scores: dict[str, Score]) -> float:
    """The mean of the fields' F1: every field counts the same, however many items it has."""
    return sum(s.f1 for s in scores.values()) / len(scores)


# --- the whole report -----------------------------------------------------------------


@dataclass
class Report:
    """Every figure ``presskb eval`` prints for one split of the gold."""

    name: str
    articles: int
    events: int
    claims: dict[str, Score]
    ingest: dict[str, tuple[int, int]]
    event_pairs: Score
    discrepancies: dict[str, tuple[int, int]]
    agree_flagged: tuple[int, int]
    misses: list[Miss]


def report(db: Database, gold: Gold, name: str, corpus: Path | None = None) -> Report:
    """Claims, ingest and linking figures for ``gold`` (already split)."""
    rows = profiles_by_file(db)
    claims, misses = _claim_scores(rows, gold.articles)
    ingest, ingest_misses = ingest_figures(db, rows, gold, corpus)
    links = link_figures(db, rows, gold)
    return Report(
        name=name,
        articles=len(gold.articles),
        events=len(gold.events) or len({a.get("event") for a in gold.articles}),
        claims=claims,
        ingest=ingest,
        event_pairs=links.pairs,
        discrepancies=links.found,
        agree_flagged=links.agree_flagged,
        misses=misses + ingest_misses + links.misses,
    )


def reports(db: Database, gold: Gold, corpus: Path | None = None) -> Iterator[Report]:
    """One report for the working set and, when events are held out, one for them."""
    if not gold.held_out:
        yield report(db, gold, "all articles", corpus)
        return
    yield report(db, gold.split(held_out=False), "working set", corpus)
    yield report(db, gold.split(held_out=True), "held out", corpus)
