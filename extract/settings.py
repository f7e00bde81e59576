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
    # "all" by default: on news the first pass keeps nearly every sentence (3842 of 3891 of
    # the dev-corpus variants), so it only adds its own cost; build-vs-plain on a quiet
    # machine, 2026-12-02: 300 generated articles 10.3 s all, 12.3 s candidates; 294 dev
    # variants 32.0 s and 31.9 s, eval identical. "candidates" pays on texts where few
    # sentences name anyone or hold a cue.
    parse: str = setting(
        "all",
        "What the full pipeline parses: all, or candidates (sentences a rule can read, found"
        " by a cheap first pass; for long texts with few claims)",
    )

    def __post_init__(self) -> None:
        if self.parse not in PARSE_CHOICES:
            raise ValueError(
                f"setting 'parse' takes one of {', '.join(PARSE_CHOICES)}, not {self.parse!r}"
            )
