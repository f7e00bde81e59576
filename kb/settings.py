"""One table of every tunable, assembled from the stages' own settings.

Like Datasette's ``SETTINGS``: each has a name, a default and a help line; the CLI
takes ``--setting NAME VALUE`` and the README lists them (a test keeps it in step).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any, NamedTuple

from extract.settings import ExtractSettings
from ingest.errors import PresskbError
from ingest.settings import IngestSettings
from link.settings import LinkSettings


class UnknownSetting(PresskbError):
    """A ``--setting`` name that no stage defines, or a value of the wrong type."""

    code = "E300"


class SettingInfo(NamedTuple):
    """One row of the settings table."""

    name: str
    stage: str
    default: Any
    help: str


@dataclass(frozen=True)
class Settings:
    """All stages' settings, passed explicitly to the build."""

    ingest: IngestSettings = field(default_factory=IngestSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    link: LinkSettings = field(default_factory=LinkSettings)

    def override(self, pairs: list[tuple[str, str]]) -> Settings:
        """A copy with ``(name, value)`` pairs applied, each converted to its default's type."""
        result = self
        for name, raw in pairs:
            info = next((s for s in SETTINGS if s.name == name), None)
            if info is None:
                known = ", ".join(s.name for s in SETTINGS)
                raise UnknownSetting(f"unknown setting {name!r}; known settings: {known}")
            value = _convert(info, raw)
            stage = getattr(result, info.stage)
            try:
                changed = replace(stage, **{name: value})
            except ValueError as exc:  # a stage's own check of the value
                raise UnknownSetting(str(exc)) from None
            result = replace(result, **{info.stage: changed})
        return result


def _convert(info: SettingInfo, raw: str) -> Any:
    kind = type(info.default)
    try:
        if kind is bool:
            if raw.lower() not in ("1", "0", "true", "false", "on", "off", "yes", "no"):
                raise ValueError(raw)
            return raw.lower() in ("1", "true", "on", "yes")
        return kind(raw)
    except ValueError:
        raise UnknownSetting(
            f"setting {info.name!r} takes a {kind.__name__}, not {raw!r}"
        ) from None


SETTINGS: tuple[SettingInfo, ...] = tuple(
    SettingInfo(f.name, stage, f.default, f.metadata["help"])
    for stage, cls in (
        ("ingest", IngestSettings),
        ("extract", ExtractSettings),
        ("link", LinkSettings),
    )
    for f in fields(cls)
)
