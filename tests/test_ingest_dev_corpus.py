"""The development corpus line by line: every furniture line its gold lists is cut, and
every other line of the page survives into the stored text.

The held-out events' files are checked too, but a failure there reports only a count:
their text must never be printed while rules are being written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
import yaml

from ingest import (
    Article,
    BoilerplateRules,
    IngestSettings,
    count_lines,
    drop_recurring,
    read_file,
)
from ingest.frontmatter import split_front_matter

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "dev"
GOLD = ROOT / "gold" / "dev.yml"
HELD_OUT = ROOT / "gold" / "held_out.yml"
_SPACE = re.compile(r"\s+")
# Leaf blocks a reader sees as lines of a saved page.
_PAGE_LINES = (
    "//body//*[self::p or self::li or self::h1 or self::h2 or self::h3 or self::h4"
    " or self::figcaption or self::nav or self::div[not(*)] or self::aside[not(*)]"
    " or self::footer[not(*)] or self::header[not(*)]]"
)

pytestmark = pytest.mark.skipif(not GOLD.is_file(), reason="no development corpus")


def fold(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def page_lines(path: Path) -> Iterator[str]:
    """Every line of the input as a reader sees it: the body of a text file, the leaf
    blocks of a page."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        for element in lxml.html.document_fromstring(raw).xpath(_PAGE_LINES):
            if fold(element.text_content()):
                yield fold(element.text_content())
        return
    _, body = split_front_matter(raw)
    yield from (fold(line) for line in body.splitlines() if fold(line))


def entries() -> list[tuple[dict, bool]]:
    if not GOLD.is_file():
        return []
    held = set(yaml.safe_load(HELD_OUT.read_text(encoding="utf-8")).get("dev", []))
    articles = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["articles"]
    return [(entry, entry.get("event") in held) for entry in articles]


def check(entry: dict, article: Article | None = None) -> tuple[list[str], list[str]]:
    """The listed furniture that survived, and the unlisted lines that were lost, of the
    entry's file as read (or of ``article``, the file as a later step left it)."""
    path = CORPUS / entry["file"]
    if article is None:
        article = read_file(path, BoilerplateRules.load(), IngestSettings())
    text = fold(article.text)
    listed = (entry.get("must_not_appear") or []) + (entry.get("junk_inline") or [])
    furniture = [fold(s) for s in listed]
    kept = [s for s in furniture if s in text]
    title = fold(article.title or "")
    lost = [
        line
        for line in page_lines(path)
        if not any(f in line or line in f for f in furniture) and line not in text and line != title
    ]
    return kept, lost


@pytest.mark.parametrize(
    ("entry", "held_out"), entries(), ids=[e["file"][:3] for e, _ in entries()]
)
def test_furniture_is_cut_and_every_other_line_survives(entry, held_out):
    kept, lost = check(entry)
    if held_out:  # never show held-out text
        assert (len(kept), len(lost)) == (0, 0), "held-out file: counts only"
    else:
        assert kept == []
        assert lost == []


def test_lines_recurring_in_two_articles_of_a_source_are_furniture_only():
    """At the lowest threshold that means anything (2), recurrence across the working
    set cuts only listed furniture: the one source with two articles shares 8 lines."""
    settings = IngestSettings(recurring_line_articles=2)
    working = [entry for entry, held_out in entries() if not held_out]
    rules = BoilerplateRules.load()
    read = [read_file(CORPUS / entry["file"], rules, settings) for entry in working]
    counts = count_lines(read, settings)
    assert max(counts.values()) >= 2
    for entry, article in zip(working, read, strict=True):
        assert check(entry, drop_recurring(article, counts, settings)) == ([], [])


def test_cuts_are_kept_with_their_reasons():
    entry, _ = next((e, h) for e, h in entries() if not h and e.get("junk_inline"))
    article = read_file(CORPUS / entry["file"], BoilerplateRules.load(), IngestSettings())
    cut_text = [cut.text for cut in article.cuts]
    assert all(cut.reason for cut in article.cuts)
    for junk in entry["junk_inline"]:
        assert any(fold(junk) in fold(text) for text in cut_text), junk
    raw_lines = split_front_matter((CORPUS / entry["file"]).read_text(encoding="utf-8"))[
        1
    ].splitlines()
    for cut in article.cuts:
        if entry["file"].endswith(".txt"):
            assert raw_lines[cut.line - 1].strip() == cut.text
