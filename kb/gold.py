"""The annotation files: articles, events and held-out events, and the score types.

``gold/NAME.yml`` annotates ``corpus/NAME/`` (the format of ``gold/seeds.yml``); a
``held_out.yml`` beside it names events kept aside so rules are measured on articles
nobody tuned them on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

import yaml

from ingest.errors import PresskbError

HELD_OUT_FILE = "held_out.yml"


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

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class Miss:
    """One disagreement with the gold, for ``presskb eval --misses``."""

    file: str
    field: str
    expected: str
    got: str

    @classmethod
    def of_pair(cls, pair: Iterable[str], field: str, expected: str, got: str) -> Miss:
        """A miss between two articles, named ``a + b`` in a stable order."""
        return cls(" + ".join(sorted(pair)), field, expected, got)


@dataclass(frozen=True)
class Gold:
    """An annotation file: its articles, its events, and the events held out."""

    articles: tuple[dict[str, Any], ...]
    events: tuple[dict[str, Any], ...] = ()
    held_out: frozenset[str] = frozenset()
    path: Path | None = None

    def split(self, held_out: bool) -> Gold:
        """The working set (``held_out=False``) or the held-out events' part of the gold."""
        articles = tuple(a for a in self.articles if (a.get("event") in self.held_out) == held_out)
        events = tuple(e for e in self.events if (e.get("id") in self.held_out) == held_out)
        return Gold(articles, events, self.held_out, self.path)

    @property
    def files(self) -> frozenset[str]:
        """File names of the annotated articles."""
        return frozenset(file_name(a.get("file", "")) for a in self.articles)


def file_name(path: str) -> str:
    """The name an article is matched on: its file name (the folder may differ)."""
    return PurePath(str(path)).name


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GoldFileError(f"cannot read the gold file {path}: {exc}") from exc


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The ``articles`` list of an annotation file."""
    return list(load_gold_file(path).articles)


def load_gold_file(path: Path, held_out: Iterable[str] | None = None) -> Gold:
    """An annotation file with its events; ``held_out`` defaults to ``held_out.yml``
    beside it (``events: [...]``), so a clone scores the same split everywhere."""
    data = _read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise GoldFileError(f"{path}: expected a mapping with an 'articles' list")
    events = data.get("events") or []
    if not isinstance(events, list):
        raise GoldFileError(f"{path}: 'events' must be a list")
    if held_out is None:
        held_out = _default_held_out(path)
    return Gold(tuple(data["articles"]), tuple(events), frozenset(held_out), path)


def _default_held_out(path: Path) -> list[str]:
    beside = path.parent / HELD_OUT_FILE
    if not beside.is_file():
        return []
    data = _read_yaml(beside) or {}
    listed = data.get(path.stem, []) if isinstance(data, dict) else []
    if not isinstance(listed, list):
        raise GoldFileError(f"{beside}: '{path.stem}' must be a list of event ids")
    return [str(e) for e in listed]


def default_corpus(gold_path: Path) -> Path:
    """``gold/NAME.yml`` annotates ``corpus/NAME/``: the layout of a clone."""
    return gold_path.resolve().parent.parent / "corpus" / gold_path.stem
