"""Every error class has a unique code, a docstring, and a row in the README."""

from __future__ import annotations

from pathlib import Path

import ingest.errors
import kb.build
import kb.evaluate
import kb.publish
import kb.settings
from ingest.errors import PresskbError

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def all_errors():
    seen = {}
    for module in (ingest.errors, kb.build, kb.evaluate, kb.publish, kb.settings):
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, PresskbError)
                and value is not PresskbError
            ):
                seen[value.__name__] = value
    return seen


def test_codes_are_unique_and_documented():
    errors = all_errors()
    codes = [e.code for e in errors.values()]
    assert len(codes) == len(set(codes))
    for name, error in errors.items():
        assert error.__doc__, name
        if name not in ("IngestError",):
            assert f"| {error.code} | `{name}` |" in README, name
