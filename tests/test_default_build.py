"""``presskb build`` with no input: a first site worth opening."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb import store
from kb.build import DEV_CORPUS, SAMPLE_CORPUS, build, default_inputs
from kb.settings import Settings


def test_no_input_builds_the_samples_and_the_development_corpus():
    assert default_inputs() == [SAMPLE_CORPUS, DEV_CORPUS]


@pytest.fixture(scope="module")
def default_kb(tmp_path_factory: pytest.TempPathFactory, extractor) -> Path:
    path = tmp_path_factory.mktemp("default") / "kb.db"
    db = store.open_db(path)
    build([], db, Settings(), extractor=extractor)
    db.close()
    return path


def test_first_site_shows_multi_outlet_events_disagreements_and_speakers(default_kb):
    db = store.open_db(default_kb)
    multi = db.execute("select count(*) from events where article_count >= 2").fetchone()[0]
    disputed = db.execute("select count(*) from events where discrepancy_count > 0").fetchone()[0]
    quoted = db.execute(
        """select count(*) from (select speaker_id from claims where speaker_id is not null
           group by speaker_id having count(distinct article_id) >= 2)"""
    ).fetchone()[0]
    db.close()
    assert multi >= 5 and disputed >= 3 and quoted >= 5


def test_the_samples_keep_their_own_events_beside_the_development_corpus(default_kb, gold):
    db = store.open_db(default_kb)
    rows = db.execute(
        """select a.path, ea.event_id from articles a
           join event_articles ea using (article_id)"""
    ).fetchall()
    db.close()
    sample_names = {Path(a["file"]).name for a in gold["articles"]}
    event_of = {Path(path).name: event for path, event in rows if Path(path).name in sample_names}
    assert event_of.keys() == sample_names
    got = {frozenset(n for n, e in event_of.items() if e == event) for event in event_of.values()}
    wanted: dict[str, set[str]] = {}
    for a in gold["articles"]:
        wanted.setdefault(a["event"], set()).add(Path(a["file"]).name)
    assert got == {frozenset(names) for names in wanted.values()}
