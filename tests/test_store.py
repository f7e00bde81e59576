"""The store: the article_profiles contract, transactions, migrations."""

from __future__ import annotations

import json

import pytest
import sqlite_utils

from extract.model import Extraction
from ingest import Article, DuplicateMatch
from kb import store

PROFILE_COLUMNS = [
    "article_id",
    "path",
    "url",
    "source",
    "title",
    "published",
    "said_on",
    "said_on_text",
    "speakers",
    "speaker_titles",
    "accounts",
    "groups",
    "platforms",
    "demands",
    "event_id",
    "duplicate_of",
]


def test_article_profiles_has_exactly_the_contract_columns(sample_kb):
    db = sqlite_utils.Database(sample_kb.path)
    assert [c.name for c in db["article_profiles"].columns] == PROFILE_COLUMNS


def test_samples_have_no_front_matter_and_no_duplicates(sample_kb):
    rows = list(sqlite_utils.Database(sample_kb.path).query("select * from article_profiles"))
    assert len(rows) == 5
    for row in rows:
        assert (row["url"], row["title"], row["published"], row["source"]) == (None,) * 4
        assert row["duplicate_of"] is None
        for column in ("speakers", "speaker_titles", "accounts", "groups", "platforms", "demands"):
            assert isinstance(json.loads(row[column]), list)


def test_a_failed_write_leaves_nothing_half_written(tmp_path, monkeypatch):
    db = store.open_db(tmp_path / "kb.db")
    article = Article(path="a.txt", text="Some text said here.", raw_hash="r")
    verdict = DuplicateMatch(article.article_id, None, None)

    def boom(*_args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "_write_extraction", boom)
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.write_article(
            db,
            article,
            verdict,
            b"sig",
            Extraction(article.article_id),
            store.SpeakerIndex.load(db),
        )
    assert db["articles"].count == 0
    assert db["article_signatures"].count == 0


def test_migrations_run_once(tmp_path):
    db = store.open_db(tmp_path / "kb.db")
    assert store.migrate(db) == []
    assert [r["name"] for r in db.query("select name from _migrations")] == [
        "0001_schema",
        "0002_article_cuts",
        "0003_term_frequencies",
        "0004_site_views",
        "0005_site_covering_indexes",
        "0006_source_lines",
        "0007_site_pages",
        "0008_lead_paragraph_signatures",
        "0009_paragraph_leads_signatures",
    ]


def test_full_text_search_on_articles_and_claims(sample_kb):
    db = sqlite_utils.Database(sample_kb.path)
    hits = list(db["articles"].search("mirror accounts"))
    assert {h["path"].rsplit("/", 1)[-1] for h in hits} == {
        "002_6a1a9c42ac6fb08d.txt",
        "004_c15c41152a26c795.txt",
    }
    claims = list(db["claims"].search("legal proceedings"))
    assert claims and all("legal proceedings" in c["text"] for c in claims)
