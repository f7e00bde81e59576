"""Scores against the sample gold, through the same command a user runs."""

from __future__ import annotations

import re

import sqlite_utils
from click.testing import CliRunner

from kb.build import SAMPLE_GOLD
from kb.cli import cli
from kb.evaluate import FIELDS, evaluate, load_gold


def test_every_field_scores_at_least_095_on_the_samples(sample_kb):
    scores = evaluate(sqlite_utils.Database(sample_kb.path), load_gold(SAMPLE_GOLD))
    assert set(scores) == set(FIELDS)
    for field, score in scores.items():
        assert score.f1 >= 0.95, (field, score)


def test_eval_command_prints_a_row_per_field(sample_kb):
    result = CliRunner().invoke(
        cli, ["eval", "--gold", str(SAMPLE_GOLD), "--db", str(sample_kb.path)]
    )
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["field", "precision", "recall", "F1", "tp", "fp", "fn"]
    for field in FIELDS:
        row = next(line for line in lines if line.startswith(field + " "))
        assert re.match(rf"{field}\s+\d\.\d{{3}}\s+\d\.\d{{3}}\s+\d\.\d{{3}}", row)
    assert lines[-1].startswith("macro F1")


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
