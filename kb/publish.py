"""Serve the knowledge base with Datasette, locally or as a read-only public site.

Behaviour comes from ``metadata.yml`` (descriptions, facets, canned queries,
dashboards); this module only adapts it to the database's name and chooses the
Datasette options. Public mode is read-only by construction: the database is opened
immutable with a pre-computed inspect file, arbitrary SQL is refused
(``allow_sql: false`` and ``default_allow_sql off``; canned queries still run),
queries have a time limit, and ``datasette-block-robots`` serves a robots policy.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from ingest.errors import PresskbError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
METADATA = PROJECT_ROOT / "metadata.yml"
TEMPLATE_DB = "kb"
PUBLIC_SETTINGS = {
    "default_allow_sql": "off",
    "sql_time_limit_ms": "1500",
    "facet_time_limit_ms": "500",
    "max_returned_rows": "1000",
    "allow_download": "off",
    "allow_csv_stream": "off",
    "suggest_facets": "off",
}


def public_datasette_settings() -> dict[str, bool | int]:
    """``PUBLIC_SETTINGS`` typed as ``Datasette(settings=...)`` takes them in-process."""
    return {k: v != "off" if v in ("on", "off") else int(v) for k, v in PUBLIC_SETTINGS.items()}


class PublishError(PresskbError):
    """The site cannot be served as asked (no database, bad metadata)."""

    code = "E500"


def metadata_for(
    db_path: Path, metadata_path: Path = METADATA, public: bool = False
) -> dict[str, Any]:
    """``metadata.yml`` with its database key renamed to the file's stem.

    Datasette names a database after its file, so ``news.db`` is ``news``; the
    descriptions and queries written for ``kb`` follow it. Outside
    public mode the owner may also run arbitrary SQL.
    """
    try:
        data = yaml.safe_load(metadata_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PublishError(f"cannot read {metadata_path}: {exc}") from exc
    meta = {k: v for k, v in copy.deepcopy(data).items() if not k.startswith("x-")}
    name = db_path.stem
    databases = meta.get("databases", {})
    if TEMPLATE_DB in databases and name != TEMPLATE_DB:
        databases[name] = databases.pop(TEMPLATE_DB)
    if not public:
        meta.pop("allow_sql", None)
    return meta


def write_inspect_file(db_path: Path) -> Path:
    """Run ``datasette inspect`` so an immutable database serves without counting rows."""
    target = db_path.with_suffix(".inspect.json")
    subprocess.run(
        [sys.executable, "-m", "datasette", "inspect", str(db_path), "--inspect-file", str(target)],
        check=True,
        capture_output=True,
    )
    return target


def datasette_args(
    db_path: Path,
    metadata_file: Path,
    *,
    public: bool,
    host: str = "127.0.0.1",
    port: int = 8001,
    inspect_file: Path | None = None,
) -> list[str]:
    """The ``datasette serve`` arguments for a local or a public site."""
    args = ["serve", "-m", str(metadata_file), "-h", host, "-p", str(port)]
    if public:
        args += ["-i", str(db_path)]
        if inspect_file is not None:
            args += ["--inspect-file", str(inspect_file)]
        for name, value in PUBLIC_SETTINGS.items():
            args += ["--setting", name, value]
    else:
        args += [str(db_path)]
    return args


def serve(db_path: Path, *, public: bool, host: str, port: int) -> int:
    """Start Datasette in the foreground; returns its exit code."""
    if not db_path.exists():
        raise PublishError(
            f"no knowledge base at {db_path}; run 'presskb build --db {db_path}' first"
        )
    metadata_file = db_path.with_suffix(".metadata.json")
    metadata_file.write_text(
        json.dumps(metadata_for(db_path, public=public), indent=2), encoding="utf-8"
    )
    inspect_file = write_inspect_file(db_path) if public else None
    args = datasette_args(
        db_path, metadata_file, public=public, host=host, port=port, inspect_file=inspect_file
    )
    return subprocess.call([sys.executable, "-m", "datasette", *args])
