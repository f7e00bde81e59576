"""Records of the linking stage: article profiles in, events and discrepancies out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any
from urllib.parse import urlparse


def outlet_name(source: str | None, path: str) -> str:
    """What to call an article's outlet: its source; else the URL's host or the file's
    name (used by discrepancy explanations and the side-by-side page alike)."""
    if source:
        return source
    parsed = urlparse(path)
    if parsed.scheme in ("http", "https") and parsed.hostname:
        return parsed.hostname
    return PurePath(path).name


@dataclass(frozen=True)
class Evidence:
    """A value as one article gives it, with its span in that article's text."""

    value: str
    text: str
    start: int | None
    end: int | None


@dataclass(frozen=True)
class Figure:
    """An account figure as an interval."""

    text: str
    min: int | None
    max: int | None
    start: int
    end: int


@dataclass(frozen=True)
class Profile:
    """What linking knows of one article (built by ``kb`` from the stored rows)."""

    article_id: str
    path: str
    source: str | None
    published: str | None
    duplicate_of: str | None
    said_on: str | None
    said_on_text: Evidence | None
    speakers: Mapping[int, str]  # speaker_id -> canonical name
    speaker_spellings: Mapping[int, Evidence]  # first full-name spelling in this article
    speaker_titles: Mapping[int, tuple[Evidence, ...]]
    claim_text: str
    title: str | None
    terms: Mapping[str, int]  # content words of headline and body -> count (link.similarity)
    accounts: tuple[Figure, ...]
    groups: tuple[Evidence, ...]
    platforms: tuple[Evidence, ...]
    demands: tuple[Evidence, ...]
    stances: Mapping[str, tuple[Evidence, ...]]  # topic -> stance evidences (value = stance)

    @property
    def outlet(self) -> str:
        """The source name; else the URL's host or the file's name."""
        return outlet_name(self.source, self.path)

    @classmethod
    def from_rows(
        cls,
        record: Mapping[str, Any],
        speakers: Sequence[Mapping[str, Any]],
        titles: Sequence[Mapping[str, Any]],
        said_on: Mapping[str, Any] | None,
        claims: Sequence[Mapping[str, Any]],
        accounts: Sequence[Mapping[str, Any]],
        groups: Sequence[Mapping[str, Any]],
        platforms: Sequence[Mapping[str, Any]],
        demands: Sequence[Mapping[str, Any]],
        statements: Sequence[Mapping[str, Any]],
        terms: Mapping[str, int],
    ) -> Profile:
        """Assemble a profile from query rows (each a mapping of column to value)."""
        names: dict[int, str] = {}
        spellings: dict[int, Evidence] = {}
        for row in speakers:
            sid = int(row["speaker_id"])
            names.setdefault(sid, str(row["name"]))
            spellings.setdefault(
                sid, Evidence(str(row["alias"]), str(row["alias"]), row["start"], row["end"])
            )
        title_map: dict[int, list[Evidence]] = {}
        for row in titles:
            title_map.setdefault(int(row["speaker_id"]), []).append(
                Evidence(str(row["title"]), str(row["title"]), row["start"], row["end"])
            )
        stances: dict[str, list[Evidence]] = {}
        for row in statements:
            stances.setdefault(str(row["topic"]), []).append(
                Evidence(str(row["stance"]), str(row["text"]), row["start"], row["end"])
            )
        said = None
        if said_on and said_on.get("said_on_text"):
            said = Evidence(
                str(said_on.get("said_on") or ""),
                str(said_on["said_on_text"]),
                said_on["said_on_start"],
                said_on["said_on_end"],
            )
        return cls(
            article_id=str(record["article_id"]),
            path=str(record["path"]),
            source=record.get("source"),
            published=record.get("published"),
            duplicate_of=record.get("duplicate_of"),
            said_on=record.get("said_on"),
            said_on_text=said,
            speakers=names,
            speaker_spellings=spellings,
            speaker_titles={k: tuple(v) for k, v in title_map.items()},
            claim_text=" ".join(str(c["text"]) for c in claims),
            title=record.get("title"),
            terms=terms,
            accounts=tuple(
                Figure(a["text"], a["min"], a["max"], a["start"], a["end"]) for a in accounts
            ),
            groups=_evidence(groups),
            platforms=_evidence(platforms),
            demands=_evidence(demands),
            stances={k: tuple(v) for k, v in stances.items()},
        )


def _evidence(rows: Sequence[Mapping[str, Any]]) -> tuple[Evidence, ...]:
    return tuple(Evidence(str(r["value"]), str(r["text"]), r["start"], r["end"]) for r in rows)


@dataclass(frozen=True)
class Event:
    """One statement or occasion, reported by one or more articles."""

    event_id: str
    label: str
    article_ids: tuple[str, ...]
    said_on: str | None = None
    first_published: str | None = None
    last_published: str | None = None
    outlets: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Discrepancy:
    """One field on which two articles of an event differ, typed and evidenced."""

    event_id: str
    field: str
    kind: str
    article_a: str
    article_b: str
    value_a: str | None
    value_b: str | None
    a_start: int | None
    a_end: int | None
    b_start: int | None
    b_end: int | None
    explanation: str
