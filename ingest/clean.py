"""Cut boilerplate from scraped article text without losing body paragraphs.

Three general rules, their vocabulary in ``data/boilerplate.yml``:

1. a line repeated right after itself (a headline printed twice) keeps one copy;
2. short lines that start with a furniture cue ("Read more:", "Scroll to Top") or
   consist only of hashtags are dropped wherever they stand;
3. a short line that is exactly a tail marker ("Related Articles") starts the
   trailing furniture, which is cut whole, once enough body precedes it.

Lines are removed whole, so the kept text is a plain join of kept lines: no
character inside a paragraph is rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ingest.datafiles import load_mapping, text_list
from ingest.model import Cut
from ingest.settings import IngestSettings

DATA_FILE = Path(__file__).parent / "data" / "boilerplate.yml"
_HASHTAG_LINE = re.compile(r"^\s*(#\w+[\s,]*)+$")
_BLANK_RUN = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class BoilerplateRules:
    """Cue phrases loaded from a data file, lower-cased once."""

    line_prefixes: tuple[str, ...]
    tail_markers: frozenset[str]
    hashtag_line: bool = True

    @classmethod
    def load(cls, path: Path = DATA_FILE) -> BoilerplateRules:
        """Read and validate the rules; the error names the file and the entry."""
        data = load_mapping(path)
        return cls(
            line_prefixes=tuple(p.casefold() for p in text_list(data, "line_prefixes", path)),
            tail_markers=frozenset(_marker_key(m) for m in text_list(data, "tail_markers", path)),
            hashtag_line=bool(data.get("hashtag_line", True)),
        )


def _marker_key(line: str) -> str:
    return line.strip().rstrip(":").strip().casefold()


@dataclass(frozen=True)
class CleanResult:
    """The kept body and the removed lines with their reasons."""

    text: str
    cuts: tuple[Cut, ...]

    @property
    def removed(self) -> str:
        """The removed lines joined, in order."""
        return "\n".join(cut.text for cut in self.cuts)


def clean_text(text: str, rules: BoilerplateRules, settings: IngestSettings) -> CleanResult:
    """Remove boilerplate lines and the trailing furniture block from ``text``."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    removed: list[Cut] = []
    body_chars = 0
    previous = None
    for index, line in enumerate(lines):
        stripped = line.strip()
        short = len(stripped) <= settings.max_cue_line_chars
        if not stripped:
            kept.append("")
            continue
        if (
            short
            and _marker_key(stripped) in rules.tail_markers
            and body_chars >= settings.min_body_before_tail
        ):
            removed.extend(
                Cut(index + 1, rest.strip(), "trailing block")
                for index, rest in enumerate(lines[index:], start=index)
                if rest.strip()
            )
            break
        if stripped == previous:
            removed.append(Cut(index + 1, stripped, "repeated line"))
            continue
        if short and _is_furniture(stripped, rules):
            removed.append(Cut(index + 1, stripped, "cue"))
            continue
        kept.append(line.rstrip())
        body_chars += len(stripped)
        previous = stripped
    body = _BLANK_RUN.sub("\n\n", "\n".join(kept)).strip()
    return CleanResult(text=body, cuts=tuple(removed))


def _is_furniture(line: str, rules: BoilerplateRules) -> bool:
    folded = line.casefold()
    if folded.startswith(rules.line_prefixes):
        return True
    return rules.hashtag_line and bool(_HASHTAG_LINE.match(line))
