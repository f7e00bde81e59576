"""Linking and discrepancy rules on generated pairs: every kind, and what must not be flagged."""

from __future__ import annotations

import pytest

from link import LinkSettings, Profile, link
from link.dates import compare, compatible
from link.discrepancies import event_discrepancies, pair_discrepancies
from link.model import Evidence, Figure
from link.similarity import content_words

CLAIM = (
    "Interior Minister Mohsin Naqvi said the regulator had blocked accounts run by the BLA "
    "and urged platforms to stop mirror accounts and share data on the account holders."
)
OTHER_CLAIM = (
    "Interior Minister Mohsin Naqvi said the new cricket stadium in Lahore would open in March "
    "and that ticket sales for the tournament had broken records."
)


def ev(value: str, start: int = 0, text: str | None = None) -> Evidence:
    return Evidence(value, text or value, start, start + len(text or value))


def profile(article_id: str, **fields) -> Profile:
    base = {
        "article_id": article_id,
        "path": f"{article_id}.txt",
        "source": f"Outlet {article_id}",
        "published": None,
        "duplicate_of": None,
        "said_on": None,
        "said_on_text": None,
        "speakers": {1: "Mohsin Naqvi"},
        "speaker_spellings": {1: ev("Mohsin Naqvi")},
        "speaker_titles": {1: (ev("Interior Minister"),)},
        "claim_text": CLAIM,
        "title": None,
        "terms": content_words(CLAIM),
        "accounts": (),
        "groups": (),
        "platforms": (),
        "demands": (),
        "stances": {},
    }
    base.update(fields)
    if "claim_text" in fields and "terms" not in fields:
        base["terms"] = content_words(fields["claim_text"])
    return Profile(**base)


def kinds(a: Profile, b: Profile) -> dict[str, str]:
    return {d.field: d.kind for d in pair_discrepancies("ev", a, b)}


def test_identical_reports_have_no_discrepancies():
    assert kinds(profile("a"), profile("b")) == {}


def test_spelling_variant_of_a_name():
    b = profile("b", speaker_spellings={1: ev("Mohsen Naqvi")})
    assert kinds(profile("a"), b) == {"speaker_name": "variant"}


def test_title_wording_is_a_variant_and_a_missing_title_is_not_compared():
    assert kinds(
        profile("a"), profile("b", speaker_titles={1: (ev("Minister for Interior"),)})
    ) == {"speaker_title": "variant"}
    assert kinds(profile("a"), profile("b", speaker_titles={})) == {}


def test_one_post_in_charge_of_other_things_is_a_title_conflict():
    a = profile("a", speaker_titles={1: (ev("chief of harbour police"),)})
    b = profile("b", speaker_titles={1: (ev("Chief of Harbour Customs"),)})
    found = [d for d in pair_discrepancies("ev", a, b) if d.field == "speaker_title"]
    assert [d.kind for d in found] == ["conflict"]
    assert "both cannot be right" in found[0].explanation
    # the same post in other words stays a variant
    c = profile("c", speaker_titles={1: (ev("harbour police chief"),)})
    d = profile("d", speaker_titles={1: (ev("chief of the harbour police"),)})
    assert kinds(a, c) == {"speaker_title": "variant"}
    assert kinds(a, d) == {"speaker_title": "variant"}


def test_title_in_other_case_is_not_flagged():
    b = profile("b", speaker_titles={1: (ev("interior minister"),)})
    assert kinds(profile("a"), b) == {}


def test_account_intervals():
    hundreds = Figure("hundreds", 200, 999, 0, 8)
    at_least = Figure("at least 481", 481, None, 0, 12)
    exact_481 = Figure("481", 481, 481, 0, 3)
    exact_500 = Figure("500", 500, 500, 0, 3)
    assert kinds(profile("a", accounts=(at_least,)), profile("b", accounts=(hundreds,))) == {
        "accounts": "precision"
    }
    assert kinds(profile("a", accounts=(exact_481,)), profile("b", accounts=(exact_500,))) == {
        "accounts": "conflict"
    }
    assert kinds(profile("a", accounts=(exact_481,)), profile("b", accounts=(exact_481,))) == {}
    assert kinds(profile("a", accounts=(exact_481,)), profile("b")) == {"accounts": "omission"}


def test_sets_named_by_one_side_are_omissions():
    a = profile(
        "a", groups=(ev("TTP"), ev("BLA")), platforms=(ev("X"),), demands=(ev("remove_accounts"),)
    )
    b = profile(
        "b", groups=(), platforms=(ev("X"),), demands=(ev("remove_accounts"), ev("legal_action"))
    )
    found = {d.field: d for d in pair_discrepancies("ev", a, b)}
    assert {f: d.kind for f, d in found.items()} == {"groups": "omission", "demands": "omission"}
    assert (found["groups"].value_a, found["groups"].value_b) == ('["BLA", "TTP"]', "[]")


def test_opposite_polarity_is_a_conflict_and_agreement_is_not():
    negative = {
        "legal_action": (ev("negative:asserted", 0, "did not want to initiate legal proceedings"),)
    }
    positive = {"legal_action": (ev("positive:possible", 0, "could face legal action"),)}
    both = {"legal_action": (*negative["legal_action"], *positive["legal_action"])}
    assert kinds(profile("a", stances=negative), profile("b", stances=positive)) == {
        "legal_action": "conflict"
    }
    assert kinds(profile("a", stances=negative), profile("b", stances=both)) == {
        "legal_action": "conflict"
    }
    assert kinds(profile("a", stances=negative), profile("b", stances=negative)) == {}
    assert kinds(profile("a", stances=both), profile("b", stances=both)) == {}


def test_dates_compared_after_resolution():
    # "on Monday" (unresolved, no publication date) and "On December 15": undecidable, not flagged.
    assert compare(None, "on Monday", "--12-15", "On December 15") is None
    # Monday 2025-12-15 agrees with a December 15 that carries the year.
    assert compare("2025-12-15", "on Monday", "2025-12-15", "On December 15") is None
    assert compare("2025-12-15", "on Monday", "2025-12-16", "on Tuesday") == "conflict"
    assert compare("2025-12", "in December", "2025-12-15", "on Monday") == "precision"
    # A full date against a yearless or unresolvable one of the same day: less precise.
    assert compare("2025-12-15", "on Monday", "--12-15", "On 15 December") == "precision"
    assert compare("2025-12-15", "on Monday", None, "on Monday") == "precision"
    # Month and day differ: a conflict even without a year; never from unresolved words.
    assert compare("2025-12-15", "on Monday", "--12-17", "on December 17") == "conflict"
    assert compare("2025-12-15", "on Monday", None, "on Friday") is None
    assert compare("2025-12-15", "on Monday", None, "in June") is None
    # Two coarse values at different precision are not flagged; no date is no claim.
    assert compare("2022", "in 2022", "2022-07", "in July 2022") is None
    assert compare(None, None, "2025-12-15", "on Monday") is None
    assert not compatible(None, "on Monday", None, "on Friday")
    assert compatible(None, "on Monday", "--12-15", "December 15")


def test_a_copy_is_compared_with_its_original_and_every_other_article():
    """The copy added a figure its original lacks and kept its original's title: it
    differs from its original on accounts, and from another outlet on the title too."""
    figure = Figure("5", 5, 5, 0, 1)
    a = profile("a")
    copy = profile("b", duplicate_of="a", accounts=(figure,))
    events, discrepancies = link([a, copy], LinkSettings())
    assert [sorted(e.article_ids) for e in events] == [["a", "b"]]
    assert [(d.field, d.kind, d.article_a, d.article_b) for d in discrepancies] == [
        ("accounts", "omission", "a", "b")
    ]
    retitled = profile("c", accounts=(figure,), speaker_titles={1: (ev("Minister for Trade"),)})
    wider = type(events[0])(events[0].event_id, "", ("a", "b", "c"))
    found = {
        (d.field, d.article_a, d.article_b)
        for d in event_discrepancies(wider, {p.article_id: p for p in (a, copy, retitled)})
    }
    assert ("accounts", "a", "b") in found
    assert ("speaker_title", "b", "c") in found or ("speaker_title", "c", "b") in found
    assert not any(field == "accounts" and {x, y} == {"b", "c"} for field, x, y in found)


def test_figures_are_set_against_the_figure_of_their_size():
    exact = Figure("8,558", 8558, 8558, 10, 15)
    rounder = Figure("more than 8,500", 8501, None, 3, 18)
    total = Figure("more than 20,000", 20001, None, 40, 56)
    other_network = Figure("5,350", 5350, 5350, 60, 65)
    found = pair_discrepancies(
        "ev",
        profile("a", accounts=(exact,)),
        profile("b", accounts=(rounder, total, other_network)),
    )
    assert [(d.kind, d.value_a, d.value_b, d.a_start, d.b_start) for d in found] == [
        ("precision", "8,558", "more than 8,500", 10, 3)
    ]
    assert found[0].explanation == (
        "Outlet a reports “8,558” accounts, Outlet b “more than 8,500”: "
        "both can be true, at different precision."
    )
    # 5,350 is near "more than 8,000" in size, but that figure already has its
    # counterpart ("more than 8,500"): 5,350 counts something else, no conflict.
    over = Figure("more than 8,000", 8001, None, 0, 15)
    found = pair_discrepancies(
        "ev", profile("a", accounts=(over,)), profile("b", accounts=(rounder, other_network))
    )
    assert [(d.kind, d.value_a, d.value_b) for d in found] == [
        ("precision", "more than 8,000", "more than 8,500")
    ]
    close = Figure("8,120", 8120, 8120, 0, 5)
    assert kinds(profile("a", accounts=(exact,)), profile("b", accounts=(close,))) == {
        "accounts": "conflict"
    }


def test_several_wordings_of_one_count_are_one_difference_of_precision():
    exact = Figure("4,312", 4312, 4312, 10, 15)
    vague = Figure("thousands", 2000, 9999, 0, 9)
    rounder = Figure("more than 4,300", 4301, None, 30, 45)
    for b_side in ((vague, rounder), (rounder, vague)):
        found = pair_discrepancies(
            "ev", profile("a", accounts=(exact,)), profile("b", accounts=b_side)
        )
        assert [(d.kind, d.value_a, d.value_b) for d in found] == [
            ("precision", "4,312", "more than 4,300")
        ]


def _on(platform: str, figure: Figure) -> Evidence:
    """A platform named right after ``figure`` ("4,100 Telegram accounts")."""
    return Evidence(platform, platform, figure.end + 1, figure.end + 1 + len(platform))


def test_one_figure_on_two_platforms_is_a_conflict():
    fig_a = Figure("about 4,100", 4100, 4100, 20, 31)
    fig_b = Figure("around 4,100", 4100, 4100, 50, 62)
    a = profile("a", accounts=(fig_a,), platforms=(_on("Telegram", fig_a),))
    b = profile("b", accounts=(fig_b,), platforms=(_on("Viber", fig_b),))
    found = [d for d in pair_discrepancies("ev", a, b) if d.field == "accounts"]
    assert [(d.kind, d.value_a, d.value_b) for d in found] == [
        ("conflict", "about 4,100", "around 4,100")
    ]
    assert "on different platforms" in found[0].explanation
    same = profile("b", accounts=(fig_b,), platforms=(_on("Telegram", fig_b),))
    assert "accounts" not in kinds(a, same)


def test_a_figure_for_another_platform_is_not_set_against_this_one():
    # 700 Viber accounts and 820 Telegram accounts count different things
    viber, telegram = Figure("700", 700, 700, 5, 8), Figure("820", 820, 820, 5, 8)
    wide = Figure("hundreds", 200, 999, 40, 48)  # no platform: every platform together
    a = profile("a", accounts=(viber,), platforms=(_on("Viber", viber),))
    b = profile("b", accounts=(telegram, wide), platforms=(_on("Telegram", telegram),))
    found = [(d.kind, d.value_a, d.value_b) for d in pair_discrepancies("ev", a, b)]
    assert ("conflict", "700", "820") not in found
    assert ("precision", "700", "hundreds") in found
    assert ("omission", "700", "820") in found  # each gives a platform the other does not


def test_names_match_across_articles_without_accents_or_hyphens():
    a = profile("a", speakers={1: "Mira Kovač"}, speaker_spellings={1: ev("Mira Kovač")})
    b = profile("b", speakers={7: "Mira Kovac"}, speaker_spellings={7: ev("Mira Kovac")})
    found = pair_discrepancies("ev", a, b)
    assert [(d.field, d.kind, d.value_a, d.value_b) for d in found] == [
        ("speaker_name", "variant", "Mira Kovač", "Mira Kovac")
    ]


def test_a_group_never_written_alike_is_a_variant():
    a = profile("a", groups=(Evidence("ACME", "ACME", 4, 8),))
    b = profile("b", groups=(Evidence("ACME", "Acme", 9, 13),))
    found = pair_discrepancies("ev", a, b)
    assert [(d.field, d.kind, d.value_a, d.value_b, d.b_start) for d in found] == [
        ("groups", "variant", "ACME", "Acme", 9)
    ]
    both = profile("c", groups=(Evidence("ACME", "Acme", 0, 4), Evidence("ACME", "ACME", 9, 13)))
    assert kinds(a, both) == {}


def test_a_group_spelled_out_differently_is_a_variant_beside_its_abbreviation():
    def league(*forms: tuple[str, int]) -> tuple[Evidence, ...]:
        return tuple(Evidence("NFL", text, at, at + len(text)) for text, at in forms)

    a = profile("a", groups=league(("Northern Farmers' League", 0), ("NFL", 30)))
    b = profile("b", groups=league(("Farmers' League", 5), ("NFL", 40)))
    found = pair_discrepancies("ev", a, b)
    assert [(d.field, d.kind, d.value_a, d.value_b) for d in found] == [
        ("groups", "variant", "Northern Farmers' League", "Farmers' League")
    ]
    only_short = profile("c", groups=league(("NFL", 3)))
    assert kinds(a, only_short) == {}


def test_one_demand_worded_without_a_common_cue_is_a_variant():
    a = profile("a", demands=(Evidence("remove_accounts", "take down", 0, 9),))
    b = profile("b", demands=(Evidence("remove_accounts", "suspend", 5, 12),))
    assert kinds(a, b) == {"demands": "variant"}
    c = profile("c", demands=(Evidence("other: explain the criteria", "explain", 0, 7),))
    d = profile("d", demands=(Evidence("other: explain its criteria", "publish", 3, 10),))
    (row,) = pair_discrepancies("ev", c, d)
    assert (row.kind, row.value_a, row.value_b, row.b_start) == ("variant", "explain", "publish", 3)
    assert row.explanation.startswith("Both report a demand outside the taxonomy")
    same = profile("e", demands=(Evidence("other: explain the criteria", "Explain", 0, 7),))
    assert kinds(c, same) == {}


def test_one_demand_ordered_in_one_outlet_and_asked_in_another_is_a_variant():
    a = profile("a", demands=(Evidence("remove_content", "ordered the app to delete", 10, 35),))
    b = profile("b", demands=(Evidence("remove_content", "had asked the app to delete", 4, 31),))
    (row,) = pair_discrepancies("ev", a, b)
    assert (row.field, row.kind) == ("demands", "variant")
    assert "“ordered the app to delete”" in row.explanation
    same = profile(
        "c", demands=(Evidence("remove_content", "Ordered the company to delete", 0, 29),)
    )
    assert kinds(a, same) == {}


def test_a_demand_label_on_one_side_only_is_an_omission_not_a_variant():
    asked = Evidence("explain_or_respond", "gave the firm two days to explain", 0, 33)
    a = profile("a", demands=(asked, Evidence("restore", "urged it to restore", 40, 59)))
    b = profile("b", demands=(asked,))
    assert kinds(a, b) == {"demands": "omission"}


def test_asks_outside_the_taxonomy_are_matched_by_what_they_ask():
    hire = Evidence("other: hire more moderators", "urged it to hire", 0, 16)
    a = profile("a", demands=(hire,))
    b = profile("b", demands=(Evidence("other: fund a helpline", "asked it to fund", 0, 16),))
    (row,) = pair_discrepancies("ev", a, b)
    assert row.kind == "omission"  # two different asks, each reported by one side
    c = profile(
        "c", demands=(Evidence("other: hire more Sinhala moderators", "asked it to hire", 5, 21),)
    )
    (row,) = pair_discrepancies("ev", a, c)
    assert (row.kind, row.value_a, row.value_b) == (
        "variant",
        "urged it to hire",
        "asked it to hire",
    )


@pytest.mark.parametrize(
    ("rounded", "exact", "kind"),
    [
        (Figure("roughly 420", 420, 420, 0, 11), Figure("417", 417, 417, 0, 3), "precision"),
        (Figure("about 5,600", 5600, 5600, 0, 11), Figure("5,642", 5642, 5642, 0, 5), "precision"),
        # the rounding allows one unit of its last digit, at most a tenth of the figure
        (Figure("about 1,000", 1000, 1000, 0, 11), Figure("1,400", 1400, 1400, 0, 5), "conflict"),
        (Figure("roughly 420", 420, 420, 0, 11), Figure("455", 455, 455, 0, 3), "conflict"),
        # an exact figure written without an approximation is not widened
        (Figure("420", 420, 420, 0, 3), Figure("417", 417, 417, 0, 3), "conflict"),
    ],
)
def test_an_approximate_round_figure_is_another_precision_of_a_near_exact_one(rounded, exact, kind):
    assert kinds(profile("a", accounts=(rounded,)), profile("b", accounts=(exact,))) == {
        "accounts": kind
    }
