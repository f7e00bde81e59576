"""Events from several signals: paraphrased reports join, other occasions stay apart."""

from __future__ import annotations

from link import LinkSettings, Profile, link
from link.dates import days_apart
from link.events import candidate_pairs, event_label
from link.model import Evidence, Figure
from link.similarity import DocumentFrequencies, article_terms

# Two write-ups of one briefing, in different words, and a few unrelated stories that
# fill the knowledge base so that document frequencies mean something.
BRIEFING_A = (
    "The coastal regulator said on Monday it had suspended 4,217 accounts that posed as "
    "fishing cooperatives to sell counterfeit permits. Harbour commissioner Lena Marsh "
    "told reporters the network used Telegram channels and a cloned payment portal. "
    "Investigators traced the payments to a shell company registered in a free port, and "
    "trawler crews who bought the fake permits will not be fined, the regulator added."
)
BRIEFING_B = (
    "Lena Marsh, the harbour commissioner, announced that 4,217 profiles impersonating "
    "fishing cooperatives were taken down. The operators sold counterfeit permits through "
    "Telegram and a cloned payment portal, her office said. Payments went to a shell "
    "company in a free port, according to investigators, and trawler crews who were "
    "duped into buying the permits face no fines."
)
SAME_SPEAKER_LATER = (
    "Harbour commissioner Lena Marsh said the regulator would hire forty inspectors for the "
    "summer season and open a second office at the northern marina next year. The budget "
    "for the expansion comes from mooring fees, which rise by six percent in April. Yacht "
    "owners' associations welcomed the extra patrols but questioned the fee increase."
)
FILLER = (
    "The city council approved a budget for repairing the tram depot, its spokesman said.",
    "A heatwave pushed electricity demand to a record, the grid operator said on Tuesday.",
    "The football club said it had signed a young goalkeeper on a four-year contract.",
    "Farmers said the apple harvest came early this year after a mild spring.",
    "The university said its new library wing would open with a rare maps collection.",
    "A bakery chain raised bread prices and said flour and fuel had become dearer.",
    "Police said the coastal road would close overnight for resurfacing next week.",
    "The museum said a donated painting had been restored by its conservation office.",
)


def ev(value: str, start: int = 0) -> Evidence:
    return Evidence(value, value, start, start + len(value))


def article(article_id: str, body: str, **fields: object) -> Profile:
    base: dict[str, object] = {
        "article_id": article_id,
        "path": f"{article_id}.txt",
        "source": f"Outlet {article_id}",
        "published": None,
        "duplicate_of": None,
        "said_on": None,
        "said_on_text": None,
        "speakers": {},
        "speaker_spellings": {},
        "speaker_titles": {},
        "claim_text": body,
        "title": None,
        "terms": article_terms(None, body),
        "accounts": (),
        "groups": (),
        "platforms": (),
        "demands": (),
        "stances": {},
    }
    base.update(fields)
    return Profile(**base)  # type: ignore[arg-type]


def fillers() -> list[Profile]:
    return [article(f"z{i}", body) for i, body in enumerate(FILLER)]


def grouped(profiles: list[Profile]) -> list[list[str]]:
    events, _ = link(profiles, LinkSettings())
    return sorted(sorted(e.article_ids) for e in events if len(e.article_ids) > 1)


def test_paraphrased_reports_join_even_when_one_misses_the_speaker():
    marsh = {1: "Lena Marsh"}
    a = article("a", BRIEFING_A, speakers=marsh, published="2025-03-03")
    b = article("b", BRIEFING_B, published="2025-03-04")  # speaker missed on this side
    assert grouped([a, b, *fillers()]) == [["a", "b"]]


def test_same_speaker_on_another_occasion_is_another_event():
    marsh = {1: "Lena Marsh"}
    a = article("a", BRIEFING_A, speakers=marsh, published="2025-03-03")
    b = article("b", BRIEFING_B, speakers=marsh, published="2025-03-04")
    later = article("c", SAME_SPEAKER_LATER, speakers=marsh, published="2025-03-05")
    assert grouped([a, b, later, *fillers()]) == [["a", "b"]]


def test_the_same_words_months_apart_are_two_events():
    a = article("a", BRIEFING_A, published="2025-03-03")
    b = article("b", BRIEFING_B, published="2025-06-20")
    assert grouped([a, b, *fillers()]) == []


def test_a_wrong_statement_date_on_one_side_does_not_part_two_reports():
    a = article("a", BRIEFING_A, published="2025-03-03", said_on="2025-03-03")
    b = article("b", BRIEFING_B, published="2025-03-04", said_on="2024-11-02")
    assert grouped([a, b, *fillers()]) == [["a", "b"]]


def test_one_article_resembling_two_events_does_not_chain_them():
    first = "Regional airline grounded turboprop fleet after cracked propeller blades found."
    second = "Orchestra cancelled winter tour because principal cellist broke wrist skiing."
    bridge = f"{first} {second}"
    profiles = [
        article("a", first + " Engineers inspected every turboprop overnight."),
        article("b", second + " Ticket holders will be refunded in full."),
        article("c", bridge),
        *fillers(),
    ]
    assert not any({"a", "b"} <= set(pair) for pair in grouped(profiles))


def test_duplicates_join_their_originals_event():
    a = article("a", BRIEFING_A, published="2025-03-03")
    copy = article("b", BRIEFING_A, duplicate_of="a", published="2025-03-03")
    assert grouped([a, copy, *fillers()]) == [["a", "b"]]


def test_stored_frequencies_weigh_words_as_the_whole_base_does():
    profiles = [article("a", BRIEFING_A), article("b", BRIEFING_B), *fillers()]
    counted = DocumentFrequencies.of(p.terms for p in profiles)
    assert counted.documents == 10
    assert counted.counts["counterfeit"] == 2
    assert counted.idf("counterfeit") > counted.idf("4217") - 1e-9 > 0
    assert counted.idf("never-seen") > counted.idf("counterfeit")


def test_days_apart_uses_the_closest_dates_at_their_precision():
    assert days_apart(("2025-03-03", None), ("2025-03-05T10:00:00", None)) == 2
    assert days_apart(("2025-03-03", "2025-03-03"), (None, "2025-03")) == 0
    assert days_apart(("2025-03-03", None), (None, "--03-10")) == 7
    assert days_apart(("2025-12-30", None), (None, "--01-02")) == 3
    assert days_apart((None, None), ("2025-03-03", None)) is None


def test_label_names_speaker_date_figure_and_headline():
    figure = Figure("4,217", 4217, 4217, 10, 15)
    a = article(
        "a",
        BRIEFING_A,
        speakers={1: "Lena Marsh"},
        accounts=(figure,),
        title="Regulator suspends fake cooperative accounts",
        published="2025-03-03",
    )
    b = article("b", BRIEFING_B, speakers={1: "Lena Marsh"}, accounts=(figure,))
    label = event_label([a, b], "2025-03-03")
    assert label == (
        "Lena Marsh · 2025-03-03 · 4,217 accounts · Regulator suspends fake cooperative accounts"
    )
    assert event_label([article("c", "x")], None) == "Unattributed · date unknown"


def test_each_article_is_scored_against_a_bounded_number_of_candidates():
    crowd = [
        article(
            f"n{i:02d}",
            f"Storm warning for the northern coast, bulletin {i}.",
            published="2025-03-03",
        )
        for i in range(30)
    ]
    pairs = candidate_pairs(crowd, LinkSettings(candidates=4))
    assert pairs
    assert len(pairs) <= 30 * 4
    assert all(i < j for i, j in pairs)


def test_one_shared_word_pairs_nothing_when_both_have_partners_sharing_more():
    # a and b share a speaker and their particulars, so do c and d; a and c share one word
    strike = "Dockworkers strike over cranes at the quay of Pellmouth, union chief Ada Voss said."
    choir = "The Pellmouth choir sings psalms at the harvest fair, conductor Ivo Lenz announced."
    a = article("a", strike, speakers={1: "Ada Voss"}, published="2025-05-05")
    b = article("b", strike, speakers={1: "Ada Voss"}, published="2025-05-06")
    c = article("c", choir, speakers={2: "Ivo Lenz"}, published="2025-05-05")
    d = article("d", choir, speakers={2: "Ivo Lenz"}, published="2025-05-06")
    fill = [article(f"f{i}", text, published="2025-05-05") for i, text in enumerate(FILLER)]
    profiles = [a, b, c, d, *fill]
    pairs = candidate_pairs(profiles, LinkSettings())
    assert {(0, 1), (2, 3)} <= pairs
    assert not {(0, 2), (0, 3), (1, 2), (1, 3)} & pairs
    # the word is a key: counted as a tie, only the share of keys shared sets it aside
    assert (0, 2) not in candidate_pairs(profiles, LinkSettings(tied_words=1))
    assert (0, 2) in candidate_pairs(profiles, LinkSettings(tied_words=1, partner_share=0.0))


def test_an_article_tied_to_nothing_still_meets_its_lone_word_partners():
    a = article("a", "Pellmouth choir sings at the harvest fair.", published="2025-05-05")
    b = article("b", "Pellmouth ferry timetable changes for winter.", published="2025-05-06")
    fill = [article(f"f{i}", text, published="2025-05-05") for i, text in enumerate(FILLER)]
    assert (0, 1) in candidate_pairs([a, b, *fill], LinkSettings())


# A third outlet's own, shorter report of the briefing: fewer shared words (it scores
# about 0.3 against either page of BRIEFING_A, as reports of one event do).
BRIEFING_OWN = (
    "Fishing communities were targeted by fraudsters selling bogus licences, officials "
    "said on Monday. Commissioner Lena Marsh said 4,217 accounts had been removed and "
    "warned skippers to buy permits only at harbour offices. Most of the sellers used "
    "Telegram, she said, and the money ended up abroad."
)


def test_a_copy_the_copy_check_missed_does_not_keep_a_third_report_out():
    """Two pages of one text score about 1.0 together; a third outlet's own report of
    the occasion joins them as it would join either page alone."""
    marsh = {1: "Lena Marsh"}
    wire = article("a", BRIEFING_A, speakers=marsh, published="2025-03-03")
    edited = BRIEFING_A.replace("told reporters", "said").replace("trawler crews", "crews")
    carried = article("b", edited, speakers=marsh, published="2025-03-04")
    own = article("c", BRIEFING_OWN, speakers=marsh, published="2025-03-04")
    assert grouped([wire, own, *fillers()]) == [["a", "c"]]
    assert grouped([wire, carried, own, *fillers()]) == [["a", "b", "c"]]
    events, _ = link([wire, carried, own, *fillers()], LinkSettings(max_cohesion=10.0))
    assert sorted(sorted(e.article_ids) for e in events if len(e.article_ids) > 1) == [["a", "b"]]
