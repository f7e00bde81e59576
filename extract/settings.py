"""Tunables of the extraction stage (see ``kb.settings`` for the assembled table)."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.settings import setting

PARSE_CHOICES = ("candidates", "all")


@dataclass(frozen=True)
class ExtractSettings:
    """How articles are streamed through spaCy."""

    batch_size: int = setting(32, "Articles per spaCy batch (Language.pipe batch_size)")
    n_process: int = setting(1, "spaCy worker processes for extraction")
    max_chars: int = setting(
        200_000, "Only this many leading characters of an article are analysed"
    )
    min_english_ratio: float = setting(
        0.08, "Share of English stop words below which a text is not analysed as English"
    )
    parse: str = setting(
        "candidates",
        "What the full pipeline parses: candidates (sentences a rule can read, found by a"
        " cheap first pass) or all",
    )

    def __post_init__(self) -> None:
        if self.parse not in PARSE_CHOICES:
            raise ValueError(
                f"setting 'parse' takes one of {', '.join(PARSE_CHOICES)}, not {self.parse!r}"
            )
