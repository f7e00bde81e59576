"""The Dask engine and the local engine build the same knowledge base."""

from __future__ import annotations

import shutil

import pytest

from benchmarks.corpus import write_corpus
from kb import store
from kb.build import UnknownEngine, build
from kb.settings import Settings

TABLES = (
    "select * from article_profiles order by article_id",
    "select event_id, field, kind, article_a, article_b, value_a, value_b from discrepancies "
    "order by event_id, field, article_a, article_b, value_a",
)


def snapshot(db):
    return [db.execute(sql).fetchall() for sql in TABLES]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, sample_files):
    folder = tmp_path_factory.mktemp("engines")
    for path in sample_files:
        shutil.copy(path, folder / path.name)
    generated = write_corpus(folder / "generated", 36, seed=5)
    assert any(g.duplicate_of for g in generated)
    return folder


def test_dask_and_local_give_identical_profiles(tmp_path, corpus, extractor):
    local = store.open_db(tmp_path / "local.db")
    build([str(corpus)], local, Settings(), extractor=extractor)
    distributed = store.open_db(tmp_path / "dask.db")
    report = build([str(corpus)], distributed, Settings(), engine="dask")
    assert report.new == 41 and not report.errors
    assert snapshot(distributed) == snapshot(local)
    assert report.duplicates >= 1


def test_unknown_engine_is_a_clean_error(tmp_path):
    with pytest.raises(UnknownEngine, match="unknown engine 'spark'"):
        build([], store.open_db(tmp_path / "x.db"), engine="spark")
