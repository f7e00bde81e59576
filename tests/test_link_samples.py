"""The sample corpus links as the gold says: events and their typed discrepancies."""

from __future__ import annotations

from pathlib import PurePath

import sqlite_utils


def names(db, ids):
    paths = {
        r["article_id"]: PurePath(r["path"]).name
        for r in db.query("select article_id, path from articles")
    }
    return sorted(paths[i] for i in ids)


def test_events_match_the_gold(sample_kb, gold):
    db = sqlite_utils.Database(sample_kb.path)
    events = {}
    for row in db.query("select event_id, article_id from event_articles"):
        events.setdefault(row["event_id"], []).append(row["article_id"])
    found = sorted(names(db, ids) for ids in events.values())
    expected = sorted(sorted(e["articles"]) for e in gold["events"])
    assert found == expected


def test_every_gold_discrepancy_is_found_with_its_kind(sample_kb, gold):
    db = sqlite_utils.Database(sample_kb.path)
    rows = list(
        db.query("select d.*, e.event_id from discrepancies d join events e using (event_id)")
    )
    for event in gold["events"]:
        members = set(event["articles"])
        here = [r for r in rows if set(names(db, [r["article_a"], r["article_b"]])) == members]
        for wanted in event["discrepancies"]:
            matches = [r for r in here if r["field"] == wanted["field"]]
            assert matches, wanted
            assert {m["kind"] for m in matches} == {wanted["kind"]}, wanted


def test_weekday_and_yearless_date_are_not_a_discrepancy(sample_kb):
    db = sqlite_utils.Database(sample_kb.path)
    rows = list(
        db.query("select * from discrepancies where field = 'said_on' and kind = 'conflict'")
    )
    assert rows == []


def test_discrepancy_values_and_evidence(sample_kb):
    db = sqlite_utils.Database(sample_kb.path)
    texts = {r["article_id"]: r["text"] for r in db.query("select article_id, text from articles")}
    row = next(db.query("select * from discrepancies where field = 'accounts'"))
    assert {row["value_a"], row["value_b"]} == {"at least 481", "hundreds"}
    assert row["kind"] == "precision"
    assert texts[row["article_a"]][row["a_start"] : row["a_end"]] == row["value_a"]
    assert texts[row["article_b"]][row["b_start"] : row["b_end"]] == row["value_b"]
    conflict = next(db.query("select * from discrepancies where field = 'legal_action'"))
    assert "did not want to initiate criminal or legal proceedings" in conflict["value_a"]
    assert "could face legal action" in conflict["value_b"]
    assert conflict["explanation"].startswith(
        "On legal action, 000_70963a3f0c533157.txt rules it out"
    )
