"""Exact and near-duplicate detection with MinHash LSH and an exact check."""

from __future__ import annotations

import random

from ingest import Article, Deduplicator, IngestSettings, read_file
from ingest.dedup import jaccard, shingles

WORDS = (
    "minister said accounts platforms government blocked pages network campaign officials "
    "court ruled statement press conference province police army election party leader "
    "report foreign media companies evidence trends warned urged security forces attack"
).split()


def make_text(seed: int, n: int = 400) -> str:
    rng = random.Random(seed)
    sentences = []
    for _ in range(n // 12):
        sentences.append(" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + ".")
    return "\n\n".join(" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4))


def article(path: str, text: str) -> Article:
    return Article(path=path, text=text, raw_hash=path)


def run(articles: list[Article]):
    dedup = Deduplicator(IngestSettings())
    texts = {a.article_id: a.text for a in articles}
    return [dedup.check(a, texts.__getitem__)[0] for a in articles]


def test_exact_copy_points_to_first():
    text = make_text(1)
    first, copy = article("a.txt", text), article("b.txt", text.upper())
    verdicts = run([first, copy])
    assert verdicts[0].duplicate_of is None
    assert (verdicts[1].duplicate_of, verdicts[1].similarity) == (first.article_id, 1.0)


def test_syndicated_copy_with_new_headline_and_edits_is_a_near_duplicate():
    text = make_text(2)
    words = text.split(" ")
    edited = words[:]
    for i in range(0, len(edited), 97):  # about one word in a hundred changed
        edited[i] = "changed"
    copy = (
        "A different headline for the syndicated copy\n\n"
        + " ".join(edited)
        + "\n\nRead the full story."
    )
    first, second = article("wire.txt", text), article("outlet.txt", copy)
    verdicts = run([first, second])
    assert verdicts[1].duplicate_of == first.article_id
    assert 0.8 <= verdicts[1].similarity < 1.0


def test_distinct_articles_on_one_topic_are_not_duplicates(sample_files, rules, ingest_settings):
    articles = [read_file(p, rules, ingest_settings) for p in sample_files]
    verdicts = run(articles)
    assert [v.duplicate_of for v in verdicts] == [None] * len(articles)


def test_copy_of_a_copy_points_to_the_root():
    text = make_text(3)
    a, b, c = article("a.txt", text), article("b.txt", text + " Extra."), article("c.txt", text)
    verdicts = run([a, b, c])
    assert verdicts[1].duplicate_of == a.article_id
    assert verdicts[2].duplicate_of == a.article_id


def test_many_distinct_articles_produce_no_false_duplicates():
    articles = [article(f"{i}.txt", make_text(100 + i, 300)) for i in range(60)]
    assert all(v.duplicate_of is None for v in run(articles))


def test_shingles_and_jaccard():
    assert shingles("One two three", 5) == {"one two three"}
    assert len(shingles("a b c d e f", 5)) == 2
    assert jaccard({"a", "b"}, {"b", "c"}) == 1 / 3
    assert jaccard(set(), set()) == 0.0
