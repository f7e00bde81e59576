"""Score ``article_profiles`` against hand annotations (the format of ``gold/seeds.yml``).

Precision, recall and F1 per field, micro-averaged over the annotated articles, so
the numbers a journalist reads in ``presskb eval`` are the ones tests assert.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

import yaml
from sqlite_utils import Database

from ingest.errors import PresskbError

FIELDS = (
    "speakers",
    "speaker_titles",
    "said_on",
    "accounts",
    "groups",
    "platforms",
    "demands",
)


class GoldFileError(PresskbError):
    """The annotation file cannot be read or does not have the expected shape."""

    code = "E400"


@dataclass(frozen=True)
class Score:
    """Counts and rates for one field."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """Share of predicted items that are right (1.0 when nothing was predicted or due)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(not self.fn)

    @property
    def recall(self) -> float:
        """Share of annotated items that were found (1.0 when nothing was due)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _gold_items(entry: dict[str, Any], field: str) -> set[Any]:
    if field == "speakers":
        return {s["name"] for s in entry.get("speakers") or []}
    if field == "speaker_titles":
        return {t for s in entry.get("speakers") or [] for t in s.get("titles") or []}
    if field == "said_on":
        said = entry.get("said_on") or {}
        return _said_item(said.get("date"), said.get("text"))
    if field == "accounts":
        return {(a.get("min"), a.get("max")) for a in entry.get("accounts") or []}
    if field in ("groups",):
        return {g["name"] if isinstance(g, dict) else g for g in entry.get(field) or []}
    return set(entry.get(field) or [])


def _said_item(date: str | None, text: str | None) -> set[Any]:
    if date:
        return {("date", date)}
    if text:
        return {("text", text.casefold())}
    return set()


def _predicted_items(row: dict[str, Any], field: str) -> set[Any]:
    if field == "said_on":
        return _said_item(row.get("said_on"), row.get("said_on_text"))
    values = json.loads(row.get(field) or "[]")
    if field == "accounts":
        return {(a.get("min"), a.get("max")) for a in values}
    return set(values)


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The ``articles`` list of an annotation file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GoldFileError(f"cannot read the gold file {path}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise GoldFileError(f"{path}: expected a mapping with an 'articles' list")
    return data["articles"]


def evaluate(db: Database, gold: Iterable[dict[str, Any]]) -> dict[str, Score]:
    """Per-field scores of the profiles whose file name matches a gold entry."""
    rows = {PurePath(r["path"]).name: r for r in db.query("SELECT * FROM article_profiles")}
    counts = {f: [0, 0, 0] for f in FIELDS}
    for entry in gold:
        row = rows.get(PurePath(str(entry.get("file", ""))).name)
        if row is None:
            raise GoldFileError(f"the gold file names {entry.get('file')!r}, not in the database")
        for field in FIELDS:
            want, got = _gold_items(entry, field), _predicted_items(row, field)
            counts[field][0] += len(want & got)
            counts[field][1] += len(got - want)
            counts[field][2] += len(want - got)
    return {f: Score(*c) for f, c in counts.items()}
