"""The whole knowledge base to take away: every table and view as CSV and JSON Lines.

``presskb export DIR`` writes ``NAME.csv`` and ``NAME.jsonl`` for each table and
view a reader sees on the site (hidden tables, full-text indexes and migration
records stay out), and a ``README.md`` describing each file's columns in the words
of ``metadata.yml``. Rows are streamed, so a large knowledge base exports in
constant memory. Values are written as stored: JSON arrays in the views stay JSON
text, in CSV and in JSON Lines alike.
"""

from __future__ import annotations

import base64
import csv
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ingest.errors import PresskbError
from kb.publish import METADATA, TEMPLATE_DB


class ExportError(PresskbError):
    """The knowledge base cannot be exported as asked (no database, unwritable folder)."""

    code = "E501"


@dataclass(frozen=True)
class Exported:
    """One table or view written out."""

    name: str
    rows: int
    columns: tuple[str, ...]


@dataclass
class ExportReport:
    """What an export wrote, for the CLI summary and tests."""

    folder: Path
    tables: list[Exported] = field(default_factory=list)

    @property
    def rows(self) -> int:
        """Rows written over all tables."""
        return sum(t.rows for t in self.tables)


def _described(metadata_path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The top-level metadata and the knowledge base's table descriptions."""
    try:
        meta = yaml.safe_load(metadata_path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ExportError(f"cannot read {metadata_path}: {exc}") from exc
    tables = meta.get("databases", {}).get(TEMPLATE_DB, {}).get("tables", {})
    return meta, tables


def exported_names(conn: sqlite3.Connection, described: dict[str, Any]) -> list[str]:
    """Tables and views a reader sees: not hidden, not full-text internals, not bookkeeping."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY rowid"
    ).fetchall()
    names = []
    for (name,) in rows:
        if name.startswith(("sqlite_", "_")) or "_fts" in name:
            continue
        if (described.get(name) or {}).get("hidden"):
            continue
        names.append(name)
    return names


def _plain(value: Any) -> Any:
    """A value CSV and JSON can carry (blobs as base64 text)."""
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def _rows(conn: sqlite3.Connection, name: str) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    cursor = conn.execute(f'SELECT * FROM "{name}"')
    columns = [d[0] for d in cursor.description]
    return columns, iter(cursor)


def _write_table(conn: sqlite3.Connection, name: str, folder: Path) -> Exported:
    columns, rows = _rows(conn, name)
    count = 0
    with (
        (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as csv_file,
        (folder / f"{name}.jsonl").open("w", encoding="utf-8") as jsonl_file,
    ):
        writer = csv.writer(csv_file)
        writer.writerow(columns)
        for row in rows:
            values = [_plain(v) for v in row]
            writer.writerow(values)
            record = dict(zip(columns, values, strict=True))
            jsonl_file.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return Exported(name, count, tuple(columns))


def _readme(meta: dict[str, Any], described: dict[str, Any], tables: list[Exported]) -> str:
    lines = [f"# {meta.get('title', 'presskb knowledge base')}", ""]
    lines += [
        "Every table and view of the knowledge base, written by `presskb export`:",
        "`NAME.csv` (UTF-8, a header row) and `NAME.jsonl` (one JSON object per line)",
        "hold the same rows. Character offsets (`start`, `end`, `*_start`, `*_end`) point",
        "into `articles.text`; JSON arrays in the views are JSON text, as stored.",
        "",
    ]
    if meta.get("license"):
        link = f" ({meta['license_url']})" if meta.get("license_url") else ""
        lines += [f"Licence: {meta['license']}{link}", ""]
    if meta.get("source"):
        lines += [f"Source: {meta['source']}", ""]
    for table in tables:
        info = described.get(table.name) or {}
        lines += [f"## {table.name}", ""]
        if info.get("description"):
            lines += [str(info["description"]), ""]
        lines += [f"{table.rows} rows: `{table.name}.csv`, `{table.name}.jsonl`.", ""]
        lines += ["| column | meaning |", "|---|---|"]
        columns = info.get("columns") or {}
        for column in table.columns:
            meaning = str(columns.get(column, "")).replace("|", "\\|").replace("\n", " ")
            lines.append(f"| `{column}` | {meaning} |")
        lines.append("")
    return "\n".join(lines)


def export(db_path: Path, folder: Path, metadata_path: Path = METADATA) -> ExportReport:
    """Write every table and view of ``db_path`` into ``folder`` with a README of the columns.

    The database is opened read-only: an export never changes the knowledge base.
    """
    if not db_path.is_file():
        raise ExportError(
            f"no knowledge base at {db_path}; run 'presskb build --db {db_path}' first"
        )
    meta, described = _described(metadata_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create {folder}: {exc}") from exc
    report = ExportReport(folder)
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        for name in exported_names(conn, described):
            report.tables.append(_write_table(conn, name, folder))
    except OSError as exc:
        raise ExportError(f"cannot write into {folder}: {exc}") from exc
    finally:
        conn.close()
    (folder / "README.md").write_text(_readme(meta, described, report.tables), encoding="utf-8")
    return report
