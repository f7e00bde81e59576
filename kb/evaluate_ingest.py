"""Ingest figures against the gold: furniture kept, body lines lost, copies, false merges.

Furniture is what the gold lists under ``must_not_appear`` and ``junk_inline``; it is
*kept* when it is found (whitespace folded) in the stored article text or in any of the
article's claims. A body line is every sentence-shaped line of a plain-text file's body,
or ``<p>`` of a saved page (four words or more, ending as a sentence ends), that
overlaps no listed furniture: it is *lost* when neither the stored text nor the title
holds it. Headings and widget labels are left out because a gold file need not list
every one of them (the samples' gold lists only trailing furniture). A copy is found
when the two files are joined by ``duplicate_of`` in either direction; any other
``duplicate_of`` is a false merge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
from sqlite_utils import Database

from ingest.frontmatter import split_front_matter
from kb.gold import Gold, Miss, file_name

_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
MIN_SENTENCE_WORDS = 4


def fold(text: str) -> str:
    """Whitespace folded to single spaces, so a re-wrapped line still matches."""
    return _SPACE.sub(" ", text).strip()


def _furniture(entry: dict[str, Any]) -> list[str]:
    listed = (entry.get("must_not_appear") or []) + (entry.get("junk_inline") or [])
    return [fold(s) for s in listed if fold(s)]


def _claim_texts(db: Database) -> dict[str, str]:
    joined: dict[str, list[str]] = {}
    for row in db.query("SELECT article_id, text FROM claims"):
        joined.setdefault(row["article_id"], []).append(row["text"])
    return {k: fold(" ".join(v)) for k, v in joined.items()}


def body_lines(path: Path) -> Iterator[str]:
    """The lines a reader would call the file's content, furniture included."""
    raw = path.read_bytes()
    if path.suffix.lower() in (".html", ".htm"):
        page = lxml.html.document_fromstring(raw.decode("utf-8", errors="replace"))
        for paragraph in page.xpath("//body//p"):
            text = fold(paragraph.text_content())
            if text:
                yield text
        return
    _, body = split_front_matter(raw.decode("utf-8"))
    for line in body.splitlines():
        if fold(line):
            yield fold(line)


def _is_sentence(line: str) -> bool:
    return len(line.split()) >= MIN_SENTENCE_WORDS and bool(_SENTENCE_END.search(line))


def _overlaps(line: str, furniture: list[str]) -> bool:
    return any(f in line or line in f for f in furniture)


def ingest_figures(
    db: Database, rows: dict[str, dict[str, Any]], gold: Gold, corpus: Path | None
) -> tuple[dict[str, tuple[int, int]], list[Miss]]:
    """``{figure: (count, out of)}`` for the gold's articles, and the misses behind them."""
    claims = _claim_texts(db)
    by_id = {r["article_id"]: name for name, r in rows.items()}
    misses: list[Miss] = []
    kept = due = lost = lines = 0
    for entry in gold.articles:
        name = file_name(entry["file"])
        row = rows.get(name)
        if row is None:
            continue
        text = fold(_stored_text(db, row["article_id"]))
        furniture = _furniture(entry)
        stored = text + " " + claims.get(row["article_id"], "")
        for string in furniture:
            due += 1
            if string in stored:
                kept += 1
                misses.append(Miss(name, "furniture kept", "-", string))
        raw = corpus / entry["file"] if corpus else None
        if raw is None or not raw.is_file():
            continue
        title = fold(row.get("title") or "")
        for line in body_lines(raw):
            if not _is_sentence(line) or _overlaps(line, furniture):
                continue
            lines += 1
            if line not in text and line != title:
                lost += 1
                misses.append(Miss(name, "body line lost", line, "-"))
    copies, false_merges, copy_misses = _copies(rows, by_id, gold)
    figures = {
        "furniture strings kept": (kept, due),
        "body lines lost": (lost, lines),
        "copies found": copies,
        "false merges": false_merges,
    }
    return figures, misses + copy_misses


def _stored_text(db: Database, article_id: str) -> str:
    row = next(db.query("SELECT text FROM articles WHERE article_id = ?", [article_id]), None)
    return row["text"] if row else ""


def _copies(
    rows: dict[str, dict[str, Any]], by_id: dict[str, str], gold: Gold
) -> tuple[tuple[int, int], tuple[int, int], list[Miss]]:
    """Copies found of those due, and false merges of the merges made."""
    files = gold.files
    wanted = {
        frozenset((file_name(a["file"]), file_name(a["duplicate_of"])))
        for a in gold.articles
        if a.get("duplicate_of")
    }
    merged = {
        frozenset((name, by_id.get(row["duplicate_of"], row["duplicate_of"])))
        for name, row in rows.items()
        if row["duplicate_of"] and name in files
    }
    misses = [Miss.of_pair(p, "copy missed", "duplicate", "-") for p in wanted - merged]
    misses += [Miss.of_pair(p, "false merge", "-", "duplicate") for p in merged - wanted]
    return (len(wanted & merged), len(wanted)), (len(merged - wanted), len(merged)), misses
