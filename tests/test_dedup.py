"""Exact and near-duplicate detection with MinHash LSH and an exact check."""

from __future__ import annotations

import random
import sqlite3

import pytest
from datasketch import MinHashLSH

from benchmarks.corpus import COPY_KINDS, write_corpus
from benchmarks.run import copy_figures
from ingest import Article, Deduplicator, IngestSettings, discover, read_file, read_inputs
from ingest.dedup import (
    LSH_PARAMS,
    containment,
    copy_score,
    jaccard,
    lead,
    shingles,
    signature_bytes,
)
from ingest.recurring import count_lines, drop_recurring
from ingest.wire import wire_credit, without_dateline
from kb import store

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


PARAGRAPHS = [
    "The regulator said on Tuesday that it had ordered a video platform to take down 75 "
    "accounts that had posted doctored clips of the budget speech.",
    "Its chair told a news conference that the clips had been viewed more than two million "
    "times before the first complaints reached the agency.",
    "Lawyers for the platform said the company had removed most of the material within a day "
    "and would contest the order in the high court.",
    "A spokesperson for the finance ministry said the doctored clips misrepresented the figures "
    "the minister had given parliament.",
    "The agency said a second group of accounts was under review and that it expected to "
    "decide on them before the end of the month.",
]
ORIGINAL = "\n\n".join(PARAGRAPHS)


def verdict_for(copy: str):
    first, second = article("wire.txt", ORIGINAL), article("site.txt", copy)
    return run([first, second])[1], first


@pytest.mark.parametrize(
    "copy",
    [
        "\n\n".join(PARAGRAPHS[:2]),  # cut short
        "\n\n".join(PARAGRAPHS[:2] + PARAGRAPHS[3:]),  # a paragraph dropped
        "\n\n".join(
            [*PARAGRAPHS[:3], "Our reporter could not reach the platform.", *PARAGRAPHS[3:]]
        ),
        "\n\n".join([PARAGRAPHS[0], PARAGRAPHS[4], *PARAGRAPHS[1:4]]),  # a paragraph moved
    ],
    ids=["cut short", "dropped", "added", "moved"],
)
def test_copies_that_syndication_makes_are_found_by_containment(copy):
    verdict, first = verdict_for(copy)
    assert verdict.duplicate_of == first.article_id
    assert verdict.similarity == 1.0


def test_a_copy_cut_short_is_found_though_its_jaccard_is_low():
    copy = "\n\n".join(PARAGRAPHS[:2])
    assert jaccard(shingles(copy, 5), shingles(ORIGINAL, 5)) < 0.5
    assert verdict_for(copy)[0].similarity == 1.0


def test_a_reworded_version_is_not_a_copy():
    reworded = "\n\n".join(
        p.replace("said", "stated").replace("accounts", "profiles").replace("the", "its", 1)
        for p in PARAGRAPHS
    )
    verdict, _ = verdict_for(reworded)
    assert verdict.duplicate_of is None


def test_containment_and_the_short_text_rule():
    long, short = {"a", "b", "c", "d"}, {"a", "b"}
    assert containment(long, short) == 1.0
    assert copy_score(long, short, min_shingles=2) == 1.0
    assert copy_score(long, short, min_shingles=3) == 0.5  # too short: Jaccard


def test_generated_copies_are_all_found_and_nothing_else_is_merged(tmp_path, rules):
    """As a build does: the outlets' recurring lines cut over the batch, then dedup."""
    generated = write_corpus(tmp_path, 400)
    settings = IngestSettings()
    read = list(read_inputs(discover([tmp_path]), rules, settings))
    counts = count_lines(read, settings)
    articles = sorted(
        (drop_recurring(a, counts, settings) for a in read),
        key=lambda a: a.published or "9999",
    )
    names = {a.article_id: a.path for a in articles}
    merges = [
        (a.path, names[v.duplicate_of])
        for a, v in zip(articles, run(articles), strict=True)
        if v.duplicate_of
    ]
    figures = copy_figures(generated, merges)
    assert figures["due"] > 20
    assert figures["found"] == figures["due"]
    assert figures["false"] == 0
    kinds = {g.copy_kind for g in generated if g.copy_kind}
    assert kinds == set(COPY_KINDS)


def test_the_lead_is_the_first_sentence_paragraph_and_only_it():
    text = (
        "Ferry service returns to the island\n\n"
        "The council said on Monday that the island ferry would run again from the first "
        "week of May, after a gap of eleven years.\n\n"
        "Tickets will go on sale at the harbour office next week."
    )
    assert lead(text, 40) == (
        "The council said on Monday that the island ferry would run again from the first "
        "week of May after a gap of eleven years"
    )
    assert lead(text, 5) == "The council said on Monday"


@pytest.mark.parametrize(
    "migration", ["0008_lead_paragraph_signatures", "0009_paragraph_leads_signatures"]
)
def test_stored_signatures_are_made_again_with_the_paragraph_leads(sample_kb, tmp_path, migration):
    copy = tmp_path / "kb.db"
    with sqlite3.connect(sample_kb.path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    db = store.open_db(copy)
    settings = IngestSettings()
    wanted = {
        row["article_id"]: signature_bytes(row["text"], settings)
        for row in db.query("select article_id, text from articles")
    }
    db.execute("UPDATE article_signatures SET signature = zeroblob(2048)")
    db.execute("DELETE FROM _migrations WHERE name = ?", [migration])
    assert store.migrate(db) == [migration]
    stored = {r["article_id"]: r["signature"] for r in db.query("select * from article_signatures")}
    assert stored == wanted


def _agency_story_and_portal_edit(credit: str) -> tuple[str, str]:
    """An agency story and a portal's house-style edit of it: the date dropped from the
    dateline, one word changed in the lead and in every third paragraph."""
    paragraphs = make_text(7).split("\n\n")

    def edit(paragraph: str) -> str:
        words = paragraph.split()
        words[len(words) // 2] = "harbour"
        return " ".join(words)

    story = [f"PORTHAVEN, 3 March 2025 {credit}- {paragraphs[0]}", *paragraphs[1:]]
    carried = [f"PORTHAVEN {credit}- {edit(paragraphs[0])}"]
    carried += [edit(p) if i % 3 == 0 else p for i, p in enumerate(paragraphs[1:])]
    return "\n\n".join(story), "\n\n".join(carried)


def test_an_edited_copy_of_an_agency_story_is_a_copy_when_both_credit_the_agency():
    story, carried = _agency_story_and_portal_edit("(Coast Wire) ")
    assert 0.9 < containment(shingles(story, 5), shingles(carried, 5)) < 0.95
    first, copy = article("wire.txt", story), article("portal.html", carried)
    verdicts = run([first, copy])
    assert verdicts[1].duplicate_of == first.article_id


def test_the_same_edits_without_an_agency_credit_are_an_edited_republication():
    story, carried = _agency_story_and_portal_edit("")
    first, copy = article("a.txt", story), article("b.html", carried)
    assert run([first, copy])[1].duplicate_of == first.article_id


def test_two_words_changed_in_every_paragraph_leave_two_articles():
    """Below ``duplicate_threshold`` (0.85) a text that shares most of its words with
    another is the other outlet's own write-up, not a copy."""
    paragraphs = make_text(7).split("\n\n")

    def reworded(paragraph: str) -> str:
        words = paragraph.split()
        words[len(words) // 3] = words[2 * len(words) // 3] = "harbour"
        return " ".join(words)

    story, other = "\n\n".join(paragraphs), "\n\n".join(map(reworded, paragraphs))
    assert 0.7 < containment(shingles(story, 5), shingles(other, 5)) < 0.85
    assert run([article("a.txt", story), article("b.html", other)])[1].duplicate_of is None


@pytest.mark.parametrize(
    ("lead", "credit"),
    [
        ("LONDON (Reuters) - The regulator said on Monday it had fined the app.", "reuters"),
        ("Bonn, 17 October 2022 (dpa) - The office fined the operator.", "dpa"),
        ("PARIS (AFP) — Police said they had closed the accounts.", "afp"),
        ("The office (BfJ) said it had fined the operator on Monday.", None),
        ("The regulator said on Monday it had fined the app.", None),
    ],
)
def test_the_agency_a_dateline_credits(lead, credit):
    assert wire_credit(lead) == credit


def test_an_edited_copy_that_drops_the_agency_dateline_is_a_copy():
    """A site carries the agency story without its dateline and rewords the subject of
    the lead: the lead is compared without the dateline, and one text crediting an
    agency against one crediting none needs the wire copies' containment."""
    story, carried = _agency_story_and_portal_edit("(Coast Wire) ")
    lead, rest = carried.split("\n\n", 1)
    words = lead.removeprefix("PORTHAVEN (Coast Wire) - ").split()
    words[0] = "Officials"
    carried = " ".join(words) + "\n\n" + rest
    assert containment(shingles(story, 5), shingles(carried, 5)) < 0.95
    first, copy = article("wire.txt", story), article("site.html", carried)
    assert run([first, copy])[1].duplicate_of == first.article_id


@pytest.mark.parametrize(
    ("lead", "kept"),
    [
        ("PORTHAVEN (Coast Wire) - The port authority said ...", "The port authority said ..."),
        ("NEW HARBOUR, June 3 — The port authority said ...", "The port authority said ..."),
        ("Porthaven, 3 March 2025 (Coast Wire) - The authority", "The authority"),
        ("The port authority said on Monday ...", "The port authority said on Monday ..."),
    ],
)
def test_a_lead_without_its_dateline(lead, kept):
    assert without_dateline(lead) == kept


def test_a_rerun_under_a_rewritten_lede_is_a_copy():
    """A paper re-runs the agency story with its own headline and lede, a sentence added
    to the second paragraph and the last paragraphs cut: neither the lead nor the whole
    text is close enough for LSH, but the third paragraph is kept whole."""
    story, _ = _agency_story_and_portal_edit("(Coast Wire) ")
    paragraphs = story.split("\n\n")
    rerun = [
        "Harbour paper's own headline",
        "The harbour board has a new plan for the ferries, the agency reported on Monday.",
        "In all, the board named three new routes. " + paragraphs[1],
        *paragraphs[2:-3],
    ]
    carried = "\n\n".join(rerun)
    first, copy = article("wire.txt", story), article("paper.html", carried)
    assert run([first, copy])[1].duplicate_of == first.article_id


def test_one_shared_paragraph_does_not_make_a_copy():
    """Two outlets quote the same statement paragraph, the rest their own."""
    shared = make_text(8).split("\n\n")[0]
    one = "\n\n".join([*make_text(9).split("\n\n")[:2], shared, *make_text(10).split("\n\n")])
    two = "\n\n".join([*make_text(11).split("\n\n")[:2], shared, *make_text(12).split("\n\n")])
    assert run([article("a.txt", one), article("b.txt", two)])[1].duplicate_of is None


@pytest.mark.parametrize("key", sorted(LSH_PARAMS))
def test_the_pinned_lsh_bands_are_the_ones_datasketch_would_choose(key):
    threshold, num_perm = key
    chosen = MinHashLSH(threshold=threshold, num_perm=num_perm)
    assert LSH_PARAMS[key] == (chosen.b, chosen.r)


def test_the_default_thresholds_use_the_pinned_bands():
    settings = IngestSettings()
    for threshold in (settings.lsh_threshold, settings.lead_lsh_threshold):
        assert (threshold, settings.minhash_perm) in LSH_PARAMS


def test_a_candidate_read_once_is_scored_as_when_read_each_time():
    texts = {}
    articles = [
        article(f"c{i}.txt", make_text(70) + f"\n\nEnding number {i} differs.") for i in range(6)
    ]
    texts.update({a.article_id: a.text for a in articles})
    reads = []

    def load(article_id):
        reads.append(article_id)
        return texts[article_id]

    dedup = Deduplicator(IngestSettings())
    verdicts = [dedup.check(a, load)[0] for a in articles]
    root = articles[0].article_id
    assert [v.duplicate_of for v in verdicts] == [None] + [root] * 5
    assert len(reads) == len(set(reads))
