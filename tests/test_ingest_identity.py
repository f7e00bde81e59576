"""Ids, paths, sources and dates that do not depend on where the builder keeps files."""

from __future__ import annotations

import shutil

import sqlite_utils

from ingest import InputItem, discover, read_file
from kb import store
from kb.build import SAMPLE_CORPUS, build
from kb.settings import Settings

PROFILES = "select * from article_profiles order by article_id"

BODY = (
    "The regulator said on Monday it had asked the platform to remove 120 accounts.\n\n"
    "A spokesperson said the review would continue, and that further requests could follow "
    "once the investigation was complete.\n"
)


def page(head: str) -> str:
    return (
        f"<html><head>{head}</head><body><article><h1>Regulator asks for removals</h1>"
        f"<p>{BODY.splitlines()[0]}</p><p>{BODY.splitlines()[2]}</p>"
        "<footer><p>&copy; 2024 The Example Outlet</p></footer></article></body></html>"
    )


def build_copy(root, extractor) -> list[tuple]:
    corpus = root / "nested" / "seeds"
    shutil.copytree(SAMPLE_CORPUS, corpus)
    db = store.open_db(root / "kb.db")
    build([str(corpus)], db, Settings(), extractor=extractor)
    rows = db.execute(PROFILES).fetchall()
    db.close()
    return rows


def test_same_corpus_in_two_folders_gives_identical_profiles(tmp_path, extractor):
    first = build_copy(tmp_path / "one", extractor)
    second = build_copy(tmp_path / "two" / "deeper", extractor)
    assert first == second
    assert len(first) == 5


def test_no_builder_directory_is_stored(tmp_path, extractor):
    build_copy(tmp_path, extractor)
    db = sqlite_utils.Database(tmp_path / "kb.db")
    for table in ("articles", "article_profiles", "ingest_errors"):
        for row in db[table].rows:
            for value in row.values():
                assert str(tmp_path) not in str(value), table
    paths = sorted(row["path"] for row in db.query("select path from articles"))
    assert paths == sorted(p.name for p in SAMPLE_CORPUS.glob("*.txt"))


def test_folder_inputs_are_named_relative_to_the_folder(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(BODY)
    (tmp_path / "b.html").write_text(page(""))
    items = list(discover([tmp_path, tmp_path / "sub" / "a.txt", "https://news.test/x"]))
    assert items == [
        InputItem(str(tmp_path / "b.html"), "b.html"),
        InputItem(str(tmp_path / "sub" / "a.txt"), "sub/a.txt"),
        InputItem(str(tmp_path / "sub" / "a.txt"), "a.txt"),
        InputItem("https://news.test/x", "https://news.test/x"),
    ]


def test_article_id_depends_on_name_and_content_only(tmp_path, rules, ingest_settings):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    (one / "a.txt").write_text(BODY)
    (two / "a.txt").write_text(BODY)
    first = read_file(one / "a.txt", rules, ingest_settings)
    second = read_file(two / "a.txt", rules, ingest_settings)
    assert first.path == second.path == "a.txt"
    assert first.article_id == second.article_id
    renamed = read_file(one / "a.txt", rules, ingest_settings, name="other.txt")
    assert renamed.article_id != first.article_id


def test_page_without_a_date_of_its_own_has_no_published_date(tmp_path, rules, ingest_settings):
    path = tmp_path / "undated.html"
    path.write_text(page("<title>Regulator asks for removals</title>"))
    article = read_file(path, rules, ingest_settings)
    assert article.published is None
    assert "120 accounts" in article.text


def test_page_metadata_date_is_kept(tmp_path, rules, ingest_settings):
    path = tmp_path / "dated.html"
    meta = '<meta property="article:published_time" content="2024-03-05T09:00:00+01:00">'
    path.write_text(page(meta))
    assert read_file(path, rules, ingest_settings).published == "2024-03-05"


def test_source_falls_back_to_the_site_name_then_the_host(tmp_path, rules, ingest_settings):
    named = tmp_path / "named.html"
    named.write_text(page('<meta property="og:site_name" content="The Example Outlet">'))
    assert read_file(named, rules, ingest_settings).source == "The Example Outlet"
    hosted = tmp_path / "hosted.txt"
    hosted.write_text("---\nurl: https://www.outlet.test/news/1\n---\n" + BODY)
    assert read_file(hosted, rules, ingest_settings).source == "outlet.test"
    bare = tmp_path / "2024-03-05_outlet.txt"
    bare.write_text(BODY)
    assert read_file(bare, rules, ingest_settings).source is None
