"""``presskb build``: summary lines, exit codes, idempotence, bad inputs."""

from __future__ import annotations

import json
import shutil

import sqlite_utils
from click.testing import CliRunner

from kb.cli import cli


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_build_twice_is_idempotent(tmp_path, sample_files):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sample_files:
        shutil.copy(path, corpus / path.name)
    db = str(tmp_path / "kb.db")
    first = invoke("build", str(corpus), "--db", db)
    assert first.exit_code == 0
    assert "5 new, 0 updated, 0 unchanged, 0 duplicates, 0 errors" in first.output
    before = (
        sqlite_utils.Database(db)
        .execute("select * from article_profiles order by article_id")
        .fetchall()
    )
    second = invoke("build", str(corpus), "--db", db)
    assert second.exit_code == 0
    assert "0 new, 0 updated, 5 unchanged, 0 duplicates, 0 errors" in second.output
    assert "Nothing changed." in second.output
    after = (
        sqlite_utils.Database(db)
        .execute("select * from article_profiles order by article_id")
        .fetchall()
    )
    assert before == after


def test_bad_inputs_are_recorded_and_the_build_goes_on(tmp_path, sample_files):
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(sample_files[0], corpus / sample_files[0].name)
    (corpus / "empty.txt").write_text("")
    (corpus / "binary.txt").write_bytes(b"\x00\xff\x00\xfe")
    (corpus / "broken.txt").write_text("---\ntitle: never closed\nBody text here.\n")
    db = str(tmp_path / "kb.db")
    result = invoke("build", str(corpus), str(tmp_path / "notes.pdf"), "--db", db)
    assert result.exit_code == 0
    assert "1 new, 0 updated, 0 unchanged, 0 duplicates, 4 errors" in result.output
    rows = list(
        sqlite_utils.Database(db).query(
            "select path, reason, code from ingest_errors order by path"
        )
    )
    reasons = {row["path"].rsplit("/", 1)[-1]: row["reason"] for row in rows}
    assert (
        reasons["empty.txt"]
        == "the article has no text once whitespace and boilerplate are removed"
    )
    assert reasons["binary.txt"].startswith("the file holds binary data")
    assert reasons["broken.txt"] == "the front-matter block opened with '---' is never closed"
    assert reasons["notes.pdf"].startswith("unsupported file type '.pdf'")
    assert all(row["reason"] and row["code"] for row in rows)


def test_all_inputs_bad_exits_1(tmp_path):
    bad = tmp_path / "x.txt"
    bad.write_text("")
    result = invoke("build", str(bad), "--db", str(tmp_path / "kb.db"))
    assert result.exit_code == 1
    assert "Error: no input could be read; see the errors above" in result.output


def test_changed_file_replaces_its_old_version(tmp_path, sample_files):
    path = tmp_path / "a.txt"
    shutil.copy(sample_files[3], path)
    db = str(tmp_path / "kb.db")
    invoke("build", str(path), "--db", db)
    path.write_text(path.read_text() + "\nA late paragraph was added by the editors.\n")
    result = invoke("build", str(path), "--db", db)
    assert "0 new, 1 updated, 0 unchanged" in result.output
    rows = list(sqlite_utils.Database(db).query("select text from articles"))
    assert len(rows) == 1
    assert rows[0]["text"].endswith("A late paragraph was added by the editors.")


def test_an_undated_wire_story_is_dated_by_its_dateline_and_stays_the_original(tmp_path):
    """The wire story carries no front matter; the paper that re-ran it a day later
    does. The dateline dates the story, so the re-run is the copy, not the original."""
    body = (
        "The regulator said on Monday it had ordered the removal of 120 accounts that "
        "spread false claims about the vote, and gave the platform two days to comply.\n\n"
        "The accounts posted the same messages within minutes of one another, the "
        "regulator said, and many used photographs taken from other profiles.\n\n"
        "The company said it was reviewing the order and would respond within the deadline."
    )
    (tmp_path / "b_paper.txt").write_text(
        "---\ntitle: Regulator orders accounts removed\npublished: 2024-03-05\n---\n" + body
    )
    (tmp_path / "a_wire.txt").write_text("OSLO, March 4, 2024 (NWA) - " + body)
    db = str(tmp_path / "kb.db")
    invoke("build", str(tmp_path / "b_paper.txt"), str(tmp_path / "a_wire.txt"), "--db", db)
    rows = {
        r["path"]: r["duplicate_of"]
        for r in sqlite_utils.Database(db).query("select * from articles")
    }
    ids = {
        r["path"]: r["article_id"]
        for r in sqlite_utils.Database(db).query("select * from articles")
    }
    assert rows["a_wire.txt"] is None
    assert rows["b_paper.txt"] == ids["a_wire.txt"]


def test_duplicate_file_is_marked(tmp_path, sample_files):
    (tmp_path / "a.txt").write_text(sample_files[2].read_text())
    (tmp_path / "b.txt").write_text("Syndicated copy\n\n" + sample_files[2].read_text())
    db = str(tmp_path / "kb.db")
    result = invoke("build", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", db)
    assert "2 new, 0 updated, 0 unchanged, 1 duplicates, 0 errors" in result.output
    profiles = {
        r["path"].rsplit("/", 1)[-1]: r
        for r in sqlite_utils.Database(db).query("select * from article_profiles")
    }
    assert profiles["b.txt"]["duplicate_of"] == profiles["a.txt"]["article_id"]
    assert profiles["b.txt"]["event_id"] == profiles["a.txt"]["event_id"]
    assert json.loads(profiles["b.txt"]["accounts"]) == json.loads(profiles["a.txt"]["accounts"])


def test_unknown_setting_is_a_clean_error(tmp_path):
    result = invoke("build", "--db", str(tmp_path / "kb.db"), "--setting", "nope", "1")
    assert result.exit_code == 1
    assert result.output.startswith("Error: unknown setting 'nope'; known settings: max_file_bytes")


def test_bad_setting_value_is_a_clean_error(tmp_path):
    result = invoke("build", "--db", str(tmp_path / "kb.db"), "--setting", "batch_size", "many")
    assert result.exit_code == 1
    assert result.output == "Error: setting 'batch_size' takes a int, not 'many'\n"
