"""Documentation is tested against the code, as sqlite-utils does."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.cli import cli
from kb.settings import SETTINGS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_is_documented_with_an_example(name):
    command = cli.commands[name]
    assert command.help, f"{name} has no help"
    assert "Example:" in command.help, f"{name}'s help has no example"
    assert f"presskb {name}" in README, f"README does not mention 'presskb {name}'"


@pytest.mark.parametrize("info", SETTINGS, ids=[s.name for s in SETTINGS])
def test_every_setting_is_in_the_readme_table(info):
    row = f"| `{info.name}` | {info.default} | {info.stage} | {info.help} |"
    assert row in README


def test_readme_starts_with_the_two_commands():
    blocks = README.split("```bash\n")
    assert blocks[1].startswith(
        "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/presskb build"
    )
    test_command = blocks[2].split("\n", 1)[0]
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci
