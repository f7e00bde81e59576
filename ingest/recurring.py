"""Lines a source prints on page after page: furniture found by recurrence, not shape.

A site's own furniture (a slogan under its masthead, a desk label, a standing promo)
often has no cue word and no tell-tale shape, but it recurs: the same short line in
article after article of one source, where a body line appears once. A line counts
as a candidate only when it is short (``max_cue_line_chars``) and not shaped like a
sentence, so a body sentence, even a short quote, is never counted and never cut.

Counting is done per source over the lines an article had before cleaning (its kept
lines and its cut ones), each article counting a line once. The counts of a batch are
added to those stored in the knowledge base (``kb`` keeps each article's candidate
lines), so an article built later is judged against every earlier article of its
source, and a batch is judged as a whole, whatever the order of its files. Cutting
is a pure function of the article and the counts: the same counts give the same text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace

from ingest import lines as shape
from ingest.clean import join_kept
from ingest.model import Article, Cut, normalise_for_hash
from ingest.settings import IngestSettings

# (source, folded line) -> number of articles of that source holding the line.
LineCounts = Mapping[tuple[str, str], int]
MIN_WORDS = 2


def line_key(line: str, settings: IngestSettings) -> str | None:
    """The folded form under which a line is counted, or None when it is no candidate
    (blank, long, shaped like a sentence, or a single word: a one-word line that
    recurs is as often a list entry naming a platform or a country as a widget, and
    the widgets of one word have cue rules)."""
    text = line.strip()
    if not text or len(text) > settings.max_cue_line_chars or shape.is_sentence(text):
        return None
    folded = normalise_for_hash(text)
    return folded if len(folded.split()) >= MIN_WORDS else None


def line_keys(article: Article, settings: IngestSettings) -> frozenset[str]:
    """The candidate lines of an article as read: its kept lines and the lines cut."""
    found = (line_key(line, settings) for line in article.text.splitlines())
    cut = (line_key(c.text, settings) for c in article.cuts)
    return frozenset(key for key in (*found, *cut) if key is not None)


def count_lines(articles: Iterable[Article], settings: IngestSettings) -> Counter[tuple[str, str]]:
    """How many of ``articles`` hold each candidate line, per source."""
    counts: Counter[tuple[str, str]] = Counter()
    for article in articles:
        if article.source:
            counts.update((article.source, key) for key in line_keys(article, settings))
    return counts


def drop_recurring(article: Article, counts: LineCounts, settings: IngestSettings) -> Article:
    """The article without the lines its source prints in at least
    ``recurring_line_articles`` articles, each cut kept with its reason."""
    threshold = settings.recurring_line_articles
    if not article.source or threshold <= 0:
        return article
    lines = article.text.split("\n")
    numbers = article.line_numbers if len(article.line_numbers) == len(lines) else (0,) * len(lines)
    kept: list[tuple[int, str]] = []
    cuts: list[Cut] = []
    for number, line in zip(numbers, lines, strict=True):
        key = line_key(line, settings)
        seen = counts.get((article.source, key), 0) if key is not None else 0
        if seen >= threshold:
            cuts.append(
                Cut(number, line.strip(), f"line recurring in {seen} articles of the source")
            )
        else:
            kept.append((number, line))
    if not cuts or not any(line.strip() for _, line in kept):
        return article  # a page of nothing but recurring lines is left for a reader to judge
    text, kept_numbers = join_kept(kept)
    merged = tuple(sorted((*article.cuts, *cuts), key=lambda cut: cut.line))
    return replace(article, text=text, cuts=merged, line_numbers=kept_numbers)
