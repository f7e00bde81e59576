"""Scores against the sample gold, through the same command a user runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlite_utils
import yaml
from click.testing import CliRunner

from kb.build import SAMPLE_CORPUS, SAMPLE_GOLD
from kb.cli import cli
from kb.evaluate import (
    FIELDS,
    _aliased_score,
    _title_score,
    evaluate,
    load_gold,
    load_gold_file,
    reports,
)
from kb.gold import Gold


@pytest.fixture
def sample_db(sample_kb) -> sqlite_utils.Database:
    return sqlite_utils.Database(sample_kb.path)


def _gold_copy(tmp_path: Path, edit=None, held_out: list[str] | None = None) -> Path:
    """The sample gold written beside a held_out.yml, optionally edited first."""
    data = yaml.safe_load(SAMPLE_GOLD.read_text(encoding="utf-8"))
    if edit:
        edit(data)
    path = tmp_path / "gold" / "seeds.yml"
    path.parent.mkdir()
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    if held_out is not None:
        (path.parent / "held_out.yml").write_text(yaml.safe_dump({"seeds": held_out}))
    return path


def test_every_field_scores_at_least_095_on_the_samples(sample_db):
    scores = evaluate(sample_db, load_gold(SAMPLE_GOLD))
    assert set(scores) == set(FIELDS)
    for field, score in scores.items():
        assert score.f1 >= 0.95, (field, score)


def test_samples_events_copies_and_furniture_are_exact(sample_db):
    (result,) = reports(sample_db, load_gold_file(SAMPLE_GOLD), SAMPLE_CORPUS)
    assert result.name == "all articles"
    assert result.event_pairs.f1 == 1.0
    assert result.event_pairs.tp == 2  # {000, 001} and {002, 004}
    assert result.ingest["furniture strings kept"][0] == 0
    assert result.ingest["body lines lost"] == (0, result.ingest["body lines lost"][1])
    assert result.ingest["body lines lost"][1] > 20
    assert result.ingest["false merges"] == (0, 0)
    assert result.agree_flagged[0] == 0


def test_eval_command_prints_a_row_per_field(sample_kb):
    result = CliRunner().invoke(
        cli, ["eval", "--gold", str(SAMPLE_GOLD), "--db", str(sample_kb.path)]
    )
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "== all articles: 5 articles, 3 events"
    assert lines[1].split() == ["field", "precision", "recall", "F1", "tp", "fp", "fn"]
    for field in (*FIELDS, "event pairs"):
        row = next(line for line in lines if line.startswith(field + " "))
        assert re.match(rf"{field}\s+\d\.\d{{3}}\s+\d\.\d{{3}}\s+\d\.\d{{3}}", row)
    for figure in ("furniture strings kept", "body lines lost", "copies found", "false merges"):
        assert re.search(rf"^{figure}\s+\d+ of \d+$", result.output, re.M), figure
    assert re.search(r"^discrepancies found with kind\s+\d+ of \d+$", result.output, re.M)
    assert re.search(r"^agreeing pairs flagged\s+0 of \d+$", result.output, re.M)
    assert lines[-1].startswith("macro F1")


def test_held_out_events_are_scored_apart_and_their_misses_hidden(sample_kb, tmp_path):
    def drop_said_on(data):
        for entry in data["articles"]:
            entry["said_on"] = {"text": "never said", "date": None}

    gold = _gold_copy(tmp_path, drop_said_on, held_out=["pk-481-accounts-presser"])
    loaded = load_gold_file(gold)
    assert loaded.held_out == {"pk-481-accounts-presser"}
    working, held = loaded.split(held_out=False), loaded.split(held_out=True)
    assert len(working.articles) + len(held.articles) == 5
    assert {a["event"] for a in held.articles} == {"pk-481-accounts-presser"}

    args = ["eval", "--gold", str(gold), "--db", str(sample_kb.path), "--misses"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0
    assert "== working set: 3 articles, 2 events" in result.output
    assert "== held out: 2 articles, 1 events" in result.output
    held_files = {a["file"] for a in held.articles}
    listed = [line for line in result.output.splitlines() if " | said_on | never said | " in line]
    assert len(listed) == 3
    assert not any(line.split(" | ")[0] in held_files for line in listed)

    shown = CliRunner().invoke(cli, [*args, "--include-held-out"])
    assert sum(" | said_on | never said | " in line for line in shown.output.splitlines()) == 5


def test_furniture_found_in_the_stored_text_is_counted_and_listed(sample_db, tmp_path):
    text = next(sample_db.query("SELECT text FROM articles ORDER BY path LIMIT 1"))["text"]
    sentence = text.split("\n")[-1].strip()

    def mark_furniture(data):
        data["articles"][0]["must_not_appear"] = [sentence, "a string nobody printed"]

    gold = load_gold_file(_gold_copy(tmp_path, mark_furniture))
    (result,) = reports(sample_db, gold, SAMPLE_CORPUS)
    kept, due = result.ingest["furniture strings kept"]
    assert kept == 1
    assert due >= 2
    assert [m.got for m in result.misses if m.field == "furniture kept"] == [sentence]


def test_a_gold_copy_not_merged_is_a_miss_and_a_merge_not_in_gold_is_false(sample_db):
    articles = yaml.safe_load(SAMPLE_GOLD.read_text(encoding="utf-8"))["articles"]
    articles[1]["duplicate_of"] = articles[0]["file"]
    result = next(reports(sample_db, Gold(tuple(articles)), None))
    assert result.ingest["copies found"] == (0, 1)
    missed = [m for m in result.misses if m.field == "copy missed"]
    assert [m.file for m in missed] == [f"{articles[0]['file']} + {articles[1]['file']}"]


def test_agreeing_pairs_and_discrepancies_are_matched_on_field_pair_and_kind(sample_db):
    data = yaml.safe_load(SAMPLE_GOLD.read_text(encoding="utf-8"))
    event = data["events"][0]
    first, second = event["articles"][:2]
    event["agree"] = [{"field": "speaker_title", "articles": [second, first], "what": "test"}]
    event["discrepancies"] = [
        {"field": "speaker_title", "kind": "variant", "articles": [second, first]},
        {"field": "speaker_title", "kind": "conflict", "articles": [first, second]},
        {"field": "sites_count", "kind": "precision", "articles": [first, second]},
    ]
    result = next(reports(sample_db, Gold(tuple(data["articles"]), (event,)), None))
    assert result.discrepancies["speaker_title"] == (1, 2)
    assert result.discrepancies["(fields presskb does not type)"] == (0, 1)
    # the one title row stands for a listed discrepancy: the agreeing pair is not flagged
    assert result.agree_flagged == (0, 1)

    event["discrepancies"] = []
    result = next(reports(sample_db, Gold(tuple(data["articles"]), (event,)), None))
    assert result.agree_flagged == (1, 1)
    flagged = [m for m in result.misses if m.field == "agreeing speaker_title flagged"]
    assert [m.file for m in flagged] == [" + ".join(sorted((first, second)))]


def test_eval_without_a_database_is_a_clean_error(tmp_path):
    result = CliRunner().invoke(cli, ["eval", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert (
        result.output
        == f"Error: no knowledge base at {tmp_path / 'none.db'}; run 'presskb build' first\n"
    )


def test_gold_naming_an_unknown_file_is_a_clean_error(sample_kb, tmp_path):
    gold = tmp_path / "gold.yml"
    gold.write_text("articles:\n  - file: missing.txt\n")
    result = CliRunner().invoke(cli, ["eval", "--gold", str(gold), "--db", str(sample_kb.path)])
    assert result.exit_code == 1
    assert result.output == "Error: the gold file names 'missing.txt', not in the database\n"


def test_a_speaker_is_matched_by_any_spelling_the_gold_lists_but_only_once():
    entry = {
        "speakers": [
            {"name": "Justice Department", "as_written": ["the US Justice Department"]},
            {"name": "Kirsten Lund", "as_written": ["Kirsten Lund", "Lund"]},
        ]
    }
    # The canonical name chosen differently is still the gold's entity.
    score, missed, extra = _aliased_score(
        entry, "speakers", {"US Justice Department", "Kirsten Lund"}, {}
    )
    assert (score.tp, score.fp, score.fn, missed, extra) == (2, 0, 0, [], [])
    # Two predicted speakers for one entity: the second is an error, not a second hit.
    score, missed, extra = _aliased_score(
        entry, "speakers", {"Justice Department", "US Justice Department"}, {}
    )
    assert (score.tp, score.fp, score.fn) == (1, 1, 1)
    assert (missed, extra) == (["Kirsten Lund"], ["US Justice Department"])
    # A spelling the gold gives no entity is false.
    score, _, extra = _aliased_score(entry, "speakers", {"Lund Associates"}, {})
    assert (score.tp, score.fp, extra) == (0, 1, ["Lund Associates"])


def test_a_name_spelled_with_or_without_its_accents_is_one_spelling():
    """Outlets drop accents: the knowledge base's "Selçuk Aydın" is the gold's "Selcuk
    Aydin"; a different name is still false."""
    entry = {"speakers": [{"name": "Selcuk Aydin", "as_written": ["Selcuk Aydin"]}]}
    score, _, _ = _aliased_score(entry, "speakers", {"Selçuk Aydın"}, {})
    assert (score.tp, score.fp, score.fn) == (1, 0, 0)
    score, _, _ = _aliased_score(entry, "speakers", {"Selim Aydın"}, {})
    assert (score.tp, score.fp, score.fn) == (0, 1, 1)


def test_a_catalogued_name_matches_by_the_spelling_the_article_wrote():
    """The knowledge base stores a catalogue's name ("CRL") where the article wrote the
    full one: the gold's entity under that written spelling, with or without an owner
    before it; a name with no written spelling of the gold's is still false."""
    entry = {"speakers": [{"name": "Civic Research Lab", "as_written": ["Civic Research Lab"]}]}
    written = {"CRL": ["the Northgate Institute's Civic Research Lab"]}
    score, _, _ = _aliased_score(entry, "speakers", {"CRL"}, written)
    assert (score.tp, score.fp, score.fn) == (1, 0, 0)
    score, _, extra = _aliased_score(entry, "speakers", {"CRL"}, {"CRL": ["CRL"]})
    assert (score.tp, score.fp, extra) == (0, 1, ["CRL"])


def test_a_title_matches_with_or_without_its_article_and_owner_but_not_cut_otherwise():
    want = {"Facebook's head of security policy", "the information minister"}
    score, _, _ = _title_score(want, {"head of security policy", "information minister"})
    assert (score.tp, score.fp, score.fn) == (2, 0, 0)
    # A title cut short or run on is still wrong.
    score, missed, extra = _title_score(want, {"head of security", "information minister of"})
    assert (score.tp, score.fp, score.fn) == (0, 2, 2)
    assert missed == sorted(want)
    assert extra == ["head of security", "information minister of"]
