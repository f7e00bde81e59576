"""Every stored value reproduces from its span; awkward articles do not crash."""

from __future__ import annotations

import pytest
import sqlite_utils

from extract import Extractor, ExtractSettings
from ingest import Article
from kb.site import EVIDENCE_COLUMNS as EVIDENCE


@pytest.mark.parametrize("table", sorted(EVIDENCE))
def test_text_start_end_reproduces_every_value(sample_kb, table):
    db = sqlite_utils.Database(sample_kb.path)
    texts = {r["article_id"]: r["text"] for r in db.query("select article_id, text from articles")}
    rows = list(
        db.query(f'select article_id, {EVIDENCE[table]} as value, start, "end" from {table}')
    )
    assert rows, table
    for row in rows:
        assert texts[row["article_id"]][row["start"] : row["end"]] == row["value"]


def test_said_on_and_cue_spans(sample_kb):
    db = sqlite_utils.Database(sample_kb.path)
    sql = """select a.text, c.cue, c.cue_start, c.cue_end, c.said_on_text, c.said_on_start, c.said_on_end
             from claims c join articles a using (article_id)"""
    for row in db.query(sql):
        assert row["text"][row["cue_start"] : row["cue_end"]] == row["cue"]
        if row["said_on_text"]:
            assert row["text"][row["said_on_start"] : row["said_on_end"]] == row["said_on_text"]


def test_article_without_speaker_date_or_numbers(extract_text):
    extraction = extract_text("The weather was pleasant and the markets were calm all week long.")
    assert (extraction.speakers, extraction.claims, extraction.accounts) == ((), (), ())
    assert extraction.said_on is None
    assert extraction.notes == ("no attributed statement was found",)


def test_non_english_text_is_noted_not_parsed(extract_text):
    extraction = extract_text("وزیر داخلہ نے کہا کہ سوشل میڈیا اکاؤنٹس بند کیے جائیں گے۔ " * 20)
    assert extraction.claims == ()
    assert "the text does not look like English; nothing was extracted" in extraction.notes


def test_very_long_article_is_analysed_in_part(resources, nlp):
    extractor = Extractor(resources, ExtractSettings(max_chars=20_000), nlp=nlp)
    paragraph = "Interior Minister Mohsin Naqvi said 300 accounts were blocked on Monday. " * 15000
    assert len(paragraph) > 1_000_000
    extraction = extractor.extract(Article(path="long.txt", text=paragraph, raw_hash="x"))
    assert "only the first 20,000 of 1,095,000 characters were analysed" in extraction.notes
    assert extraction.claims and extraction.claims[-1].end <= 20_000
