"""A build killed with SIGKILL at any point, then re-run, ends where an uninterrupted
build ends; a reader can read while a build writes (WAL)."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from benchmarks.corpus import write_corpus

SNAPSHOT = (
    "select article_id, path, text, duplicate_of, similarity from articles order by article_id",
    "select * from article_profiles order by article_id",
    "select event_id, field, kind, article_a, article_b, value_a, value_b from discrepancies "
    "order by event_id, field, article_a, article_b, value_a",
    "select name, kind from speakers order by name",
)


def build_command(corpus, db):
    return [sys.executable, "-m", "kb.cli", "build", str(corpus), "--db", str(db)]


def snapshot(db):
    conn = sqlite3.connect(db)
    try:
        return [conn.execute(sql).fetchall() for sql in SNAPSHOT]
    finally:
        conn.close()


def count(db, sql):
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return -1  # the schema is not there yet


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crash")
    write_corpus(folder, 40, seed=9)
    return folder


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("ref") / "kb.db"
    subprocess.run(build_command(corpus, db), check=True, capture_output=True)
    return snapshot(db)


@pytest.mark.parametrize(
    "kill_when",
    [
        "select count(*) from _migrations",  # schema just created
        "select count(*) >= 3 from articles",  # a few articles written
        "select count(*) >= 30 from articles",  # most articles written
        "select count(*) >= 40 from articles",  # all written, linking not yet done
        "select count(*) >= 1 from events",  # linking under way or done
    ],
)
def test_killed_build_rerun_matches_uninterrupted(corpus, reference, tmp_path, kill_when):
    db = tmp_path / "kb.db"
    process = subprocess.Popen(
        build_command(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while count(db, kill_when) < 1 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    result = subprocess.run(build_command(corpus, db), capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert snapshot(db) == reference


def test_reader_can_read_while_a_build_writes(corpus, tmp_path):
    db = tmp_path / "kb.db"
    process = subprocess.Popen(
        build_command(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    seen = set()
    while process.poll() is None:
        seen.add(count(db, "select count(*) from articles"))
        time.sleep(0.02)
    assert process.returncode == 0
    assert len({n for n in seen if n > 0}) >= 2  # counts read mid-build, never blocked
    conn = sqlite3.connect(db)
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
