"""Lines a source repeats across its articles are furniture; body sentences never are."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ingest import clean_text
from ingest.model import Article
from ingest.recurring import count_lines, drop_recurring, line_key
from kb import store
from kb.build import build
from kb.settings import Settings

MOTTO = "The Harbour Lantern, lighting up the coast since 1911"
DESK = "Lantern coastal desk"
QUOTE = '"We will not back down."'
STORIES = [
    (
        "The harbour board said on Tuesday that it would close the north pier for repairs "
        "over the coming winter months.",
        "Fishing crews were told to use the south berths until the work is finished in the "
        "spring, a spokesperson added.",
    ),
    (
        "The town council voted on Wednesday to reopen the old ferry route to the island after "
        "a gap of eleven years.",
        "Councillors said the first crossings would run at weekends only, with a daily service "
        "to follow if demand allowed.",
    ),
    (
        "Lifeboat volunteers rescued two kayakers on Thursday after their boat overturned near "
        "the lighthouse rocks at dusk.",
        "Both were taken to hospital as a precaution and released later that night, the "
        "volunteers said in a statement.",
    ),
    (
        "A new tide gauge installed at the marina will publish readings every ten minutes, the "
        "port authority announced on Friday.",
        "The data will help skippers plan departures on the shallow approach channel, officials "
        "said at the launch.",
    ),
]


def page(lead: str, follow: str, source: str = "Harbour Lantern") -> str:
    return f"---\nsource: {source}\n---\n{MOTTO}\n\n{lead}\n\n{DESK}\n\n{QUOTE}\n\n{follow}\n"


def article(rules, settings, index: int, source: str = "Harbour Lantern") -> Article:
    body = page(*STORIES[index]).split("---\n", 2)[2]
    cleaned = clean_text(body, rules, settings)
    return Article(
        path=f"{index}.txt",
        text=cleaned.text,
        raw_hash=str(index),
        source=source,
        cuts=cleaned.cuts,
        line_numbers=cleaned.line_numbers,
    )


def test_shape_rules_alone_keep_the_outlet_lines(rules, ingest_settings):
    kept = article(rules, ingest_settings, 0).text
    assert MOTTO in kept and DESK in kept


def test_a_line_in_three_articles_of_a_source_is_cut_with_its_reason_and_line(
    rules, ingest_settings
):
    batch = [article(rules, ingest_settings, i) for i in range(3)]
    counts = count_lines(batch, ingest_settings)
    cleaned = drop_recurring(batch[1], counts, ingest_settings)
    assert MOTTO not in cleaned.text and DESK not in cleaned.text
    lead, follow = STORIES[1]
    assert cleaned.text == f"{lead}\n\n{QUOTE}\n\n{follow}"
    recurring = [(c.line, c.text, c.reason) for c in cleaned.cuts]
    assert recurring == [
        (1, MOTTO, "line recurring in 3 articles of the source"),
        (5, DESK, "line recurring in 3 articles of the source"),
    ]


def test_a_short_quote_repeated_in_every_article_is_never_cut(rules, ingest_settings):
    batch = [article(rules, ingest_settings, i) for i in range(4)]
    counts = count_lines(batch, ingest_settings)
    assert line_key(QUOTE, ingest_settings) is None
    assert all(QUOTE in drop_recurring(a, counts, ingest_settings).text for a in batch)


def test_a_one_word_list_entry_is_never_counted(ingest_settings):
    assert line_key("- Telegram", ingest_settings) is None
    assert line_key("Lantern coastal desk", ingest_settings) == "lantern coastal desk"


def test_two_articles_are_not_enough_and_other_sources_do_not_count(rules, ingest_settings):
    batch = [
        article(rules, ingest_settings, 0),
        article(rules, ingest_settings, 1),
        article(rules, ingest_settings, 2, source="Valley Echo"),
        article(rules, ingest_settings, 3, source="Valley Echo"),
    ]
    counts = count_lines(batch, ingest_settings)
    assert [drop_recurring(a, counts, ingest_settings) for a in batch] == batch


def test_cutting_twice_changes_nothing(rules, ingest_settings):
    batch = [article(rules, ingest_settings, i) for i in range(3)]
    counts = count_lines(batch, ingest_settings)
    once = drop_recurring(batch[0], counts, ingest_settings)
    assert drop_recurring(once, counts, ingest_settings) == once


def test_the_rule_can_be_turned_off(rules, ingest_settings):
    settings = replace(ingest_settings, recurring_line_articles=0)
    batch = [article(rules, settings, i) for i in range(4)]
    counts = count_lines(batch, settings)
    assert drop_recurring(batch[0], counts, settings) == batch[0]


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "lantern"
    folder.mkdir()
    for index, (lead, follow) in enumerate(STORIES):
        (folder / f"story{index}.txt").write_text(page(lead, follow), encoding="utf-8")
    return folder


def stored_texts(db) -> dict[str, str]:
    return {row["path"]: row["text"] for row in db.query("select path, text from articles")}


def test_a_later_build_sees_the_counts_stored_before(tmp_path, extractor):
    first, later = tmp_path / "first", tmp_path / "later"
    for folder, indexes in ((first, (0, 1)), (later, (3,))):
        folder.mkdir()
        for index in indexes:
            (folder / f"story{index}.txt").write_text(page(*STORIES[index]), encoding="utf-8")
    db = store.open_db(tmp_path / "kb.db")
    build([str(first)], db, Settings(), extractor=extractor)
    assert all(MOTTO in text for text in stored_texts(db).values())  # two articles: kept
    build([str(later)], db, Settings(), extractor=extractor)
    texts = stored_texts(db)
    assert MOTTO not in texts["story3.txt"] and DESK not in texts["story3.txt"]
    assert QUOTE in texts["story3.txt"]
    reasons = {
        row["reason"]
        for row in db.query(
            "select reason from article_cuts join articles using (article_id) where path = ?",
            ["story3.txt"],
        )
    }
    assert "line recurring in 3 articles of the source" in reasons


def test_one_batch_is_judged_whole_and_a_rebuild_changes_nothing(tmp_path, corpus, extractor):
    db = store.open_db(tmp_path / "kb.db")
    build([str(corpus)], db, Settings(), extractor=extractor)
    texts = stored_texts(db)
    assert len(texts) == 4
    for text in texts.values():
        assert MOTTO not in text and DESK not in text and QUOTE in text
    again = build([str(corpus)], db, Settings(), extractor=extractor)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 4)
    assert stored_texts(db) == texts


def test_a_knowledge_base_built_before_the_rule_gets_its_lines_counted(tmp_path, extractor):
    folder = tmp_path / "two"
    folder.mkdir()
    for index in (0, 1):
        (folder / f"story{index}.txt").write_text(page(*STORIES[index]), encoding="utf-8")
    db = store.open_db(tmp_path / "kb.db")
    build([str(folder)], db, Settings(), extractor=extractor)
    before = store.source_line_counts(db, ["Harbour Lantern"])
    db.execute("DELETE FROM source_lines")
    db.execute("DELETE FROM _migrations WHERE name = '0006_source_lines'")
    assert store.migrate(db) == ["0006_source_lines"]
    assert store.source_line_counts(db, ["Harbour Lantern"]) == before
    assert before[("Harbour Lantern", "lantern coastal desk")] == 2
