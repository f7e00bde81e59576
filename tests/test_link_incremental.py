"""Adding articles re-links only the events they touch, and ends where a full build ends."""

from __future__ import annotations

import shutil

import sqlite_utils

from kb import store
from kb.build import build
from kb.settings import Settings


def event_sets(path):
    db = sqlite_utils.Database(path)
    groups = {}
    for row in db.query(
        "select e.event_id, a.path from event_articles e join articles a using (article_id)"
    ):
        groups.setdefault(row["event_id"], set()).add(row["path"].rsplit("/", 1)[-1])
    return sorted(sorted(g) for g in groups.values())


def test_incremental_build_matches_full_build(tmp_path, sample_files, extractor, sample_kb):
    corpus = tmp_path / "c"
    corpus.mkdir()
    db = store.open_db(tmp_path / "kb.db")
    for batch in ([0, 2], [1, 3], [4]):
        for i in batch:
            shutil.copy(sample_files[i], corpus / sample_files[i].name)
        build([str(corpus)], db, Settings(), extractor=extractor)
    assert event_sets(tmp_path / "kb.db") == event_sets(sample_kb.path)
    full = sqlite_utils.Database(sample_kb.path)
    count = "select field, kind from discrepancies order by field, kind"
    assert list(db.query(count)) == list(full.query(count))


def linked(db):
    """Events (members, label) and discrepancies, named by file so that builds compare."""
    names = {
        r["article_id"]: r["path"].rsplit("/", 1)[-1] for r in db.query("select * from articles")
    }
    events = sorted(
        (
            r["label"],
            r["said_on"],
            r["outlets"],
            tuple(sorted(names[a] for a in members.split(","))),
        )
        for r in db.query(
            """select e.label, e.said_on, e.outlets, group_concat(ea.article_id) as members
               from events e join event_articles ea using (event_id) group by e.event_id"""
        )
        for members in [r["members"]]
    )
    discrepancies = sorted(
        (
            d["field"],
            d["kind"],
            names[d["article_a"]],
            names[d["article_b"]],
            d["value_a"],
            d["value_b"],
            d["a_start"],
            d["a_end"],
            d["b_start"],
            d["b_end"],
            d["explanation"],
        )
        for d in db.query("select * from discrepancies")
    )
    return events, discrepancies


def test_two_batches_give_the_events_and_discrepancies_of_one_build(
    tmp_path, sample_files, extractor
):
    corpus = tmp_path / "c"
    corpus.mkdir()
    db = store.open_db(tmp_path / "kb.db")
    for batch in (sample_files[::2], sample_files[1::2]):
        for path in batch:
            shutil.copy(path, corpus / path.name)
        build([str(corpus)], db, Settings(), extractor=extractor)
    full = store.open_db(tmp_path / "full.db")
    build([str(corpus)], full, Settings(), extractor=extractor)
    events, discrepancies = linked(db)
    assert (events, discrepancies) == linked(full)
    assert len(events) == 3
    assert discrepancies
    assert store.document_frequencies(db) == store.document_frequencies(full)
    assert store.document_frequencies(db).documents == 5


def test_unrelated_article_leaves_other_events_untouched(tmp_path, sample_files, extractor):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for path in sample_files:
        shutil.copy(path, corpus / path.name)
    db = store.open_db(tmp_path / "kb.db")
    build([str(corpus)], db, Settings(), extractor=extractor)
    before = list(db.query("select rowid, * from events order by event_id"))
    (corpus / "new.txt").write_text(
        "Foreign Office spokesperson Shafqat Ali Khan said on Thursday that talks with Kabul would resume.\n"
    )
    report = build([str(corpus)], db, Settings(), extractor=extractor)
    assert (report.new, report.unchanged, report.events) == (1, 5, 1)
    after = list(db.query("select rowid, * from events order by event_id"))
    assert [e for e in after if e["article_count"] > 0 and e in before] == before
    assert len(after) == len(before) + 1
