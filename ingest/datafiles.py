"""Reading the YAML data files (gazetteers, cue lists) with errors that name the entry.

Shared by ``ingest`` (boilerplate cues) and ``extract`` (gazetteers): a newsroom that
edits a data file and breaks it reads which file and which entry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ingest.errors import InvalidResource

# libyaml's safe loader when PyYAML was built with it: the same documents, parsed ~10x
# faster (the gazetteers and cue lists are read at the start of every build).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_mapping(path: Path) -> dict[str, Any]:
    """The top-level mapping of a YAML file."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise InvalidResource(f"{path}: cannot be read as YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise InvalidResource(f"{path}: expected a mapping at the top level")
    return data


def non_empty_list(data: dict[str, Any], key: str, path: Path) -> list[Any]:
    """``data[key]``, which must be a non-empty list."""
    value = data.get(key)
    if not isinstance(value, list) or not value:
        raise InvalidResource(f"{path}: '{key}' must be a non-empty list")
    return value


def entry_text(value: Any, where: str, path: Path) -> str:
    """A non-empty text entry, stripped."""
    if not isinstance(value, str | int) or not str(value).strip():
        raise InvalidResource(f"{path}: {where} must be non-empty text, got {value!r}")
    return str(value).strip()


def text_list(data: dict[str, Any], key: str, path: Path) -> list[str]:
    """``data[key]`` as a non-empty list of non-empty texts."""
    return [entry_text(entry, f"'{key}' entry", path) for entry in non_empty_list(data, key, path)]
