"""``presskb export DIR``: every table and view as CSV and JSON Lines, with a README."""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3

import yaml
from click.testing import CliRunner

from kb.cli import cli
from kb.export import export
from kb.publish import METADATA

DESCRIBED = yaml.safe_load(METADATA.read_text(encoding="utf-8"))["databases"]["kb"]["tables"]


def _counts(path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    names = [
        n for (n,) in conn.execute("select name from sqlite_master where type in ('table', 'view')")
    ]
    counts = {n: conn.execute(f'select count(*) from "{n}"').fetchone()[0] for n in names}
    conn.close()
    return counts


def test_export_writes_every_table_and_view_in_both_formats(sample_kb, tmp_path):
    result = CliRunner().invoke(cli, ["export", str(tmp_path / "out"), "--db", str(sample_kb.path)])
    assert result.exit_code == 0, result.output
    counts = _counts(sample_kb.path)
    shown = sorted(n for n in DESCRIBED if not DESCRIBED[n].get("hidden"))
    assert (
        result.output
        == f"Wrote {len(shown)} tables ({sum(counts[n] for n in shown)} rows) to {tmp_path / 'out'}\n"
    )
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == sorted(
        ["README.md"] + [f"{n}.csv" for n in shown] + [f"{n}.jsonl" for n in shown]
    )
    for name in shown:
        with (tmp_path / "out" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        lines = (tmp_path / "out" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(rows) - 1 == len(lines) == counts[name], name
        if lines:
            assert list(json.loads(lines[0])) == rows[0], name


def test_export_keeps_article_text_whole(sample_kb, tmp_path):
    export(sample_kb.path, tmp_path)
    conn = sqlite3.connect(sample_kb.path)
    stored = dict(conn.execute("select article_id, text from articles").fetchall())
    conn.close()
    with (tmp_path / "articles.csv").open(encoding="utf-8", newline="") as handle:
        from_csv = {r["article_id"]: r["text"] for r in csv.DictReader(handle)}
    from_jsonl = {
        r["article_id"]: r["text"]
        for r in map(
            json.loads, (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        )
    }
    assert from_csv == stored == from_jsonl
    assert any("\n" in t and "," in t and "“" in t for t in stored.values())


def test_export_leaves_out_hidden_and_internal_tables(sample_kb, tmp_path):
    report = export(sample_kb.path, tmp_path)
    names = {t.name for t in report.tables}
    assert "article_signatures" not in names
    assert not [n for n in names if "_fts" in n or n.startswith("_")]
    assert {"articles", "discrepancies", "article_profiles", "event_coverage"} <= names


def test_export_readme_describes_every_column_from_the_metadata(sample_kb, tmp_path):
    report = export(sample_kb.path, tmp_path)
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# presskb — press claims compared across outlets\n")
    assert "Licence: CC BY 4.0" in readme
    for table in report.tables:
        section = readme.split(f"\n## {table.name}\n", 1)[1].split("\n## ", 1)[0]
        assert DESCRIBED[table.name]["description"] in section
        assert f"{table.rows} rows: `{table.name}.csv`, `{table.name}.jsonl`." in section
        for column in table.columns:
            assert f"| `{column}` |" in section, (table.name, column)
    assert "| `min` | Lower bound (null when open). |" in readme
    assert "| `start` | Character offset of the words in the article text. |" in readme
    undescribed = [line for line in readme.splitlines() if line.endswith("|  |")]
    assert undescribed == []


def test_export_only_reads_the_knowledge_base(sample_kb, tmp_path):
    before = hashlib.sha256(sample_kb.path.read_bytes()).hexdigest()
    export(sample_kb.path, tmp_path)
    assert hashlib.sha256(sample_kb.path.read_bytes()).hexdigest() == before


def test_export_without_a_knowledge_base_says_so(tmp_path):
    result = CliRunner().invoke(
        cli, ["export", str(tmp_path / "out"), "--db", str(tmp_path / "no.db")]
    )
    assert result.exit_code == 1
    assert result.output == (
        f"Error: no knowledge base at {tmp_path / 'no.db'}; "
        f"run 'presskb build --db {tmp_path / 'no.db'}' first\n"
    )
    assert not (tmp_path / "out").exists()
