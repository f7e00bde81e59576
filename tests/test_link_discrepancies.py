"""Linking and discrepancy rules on generated pairs: every kind, and what must not be flagged."""

from __future__ import annotations

from link import LinkSettings, Profile, link
from link.dates import compare, compatible
from link.discrepancies import pair_discrepancies
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


def test_title_wording_is_a_variant_and_missing_title_an_omission():
    assert kinds(
        profile("a"), profile("b", speaker_titles={1: (ev("Minister for Interior"),)})
    ) == {"speaker_title": "variant"}
    assert kinds(profile("a"), profile("b", speaker_titles={})) == {"speaker_title": "omission"}


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
    # Monday 2025-12-15 resolved from a publication date agrees with December 15.
    assert compare("2025-12-15", "on Monday", "--12-15", "On December 15") is None
    assert compare("2025-12-15", "on Monday", "2025-12-16", "on Tuesday") == "conflict"
    assert compare("2025-12", "in December", "2025-12-15", "on Monday") == "precision"
    assert compare(None, None, "2025-12-15", "on Monday") == "omission"
    assert not compatible(None, "on Monday", None, "on Friday")
    assert compatible(None, "on Monday", "--12-15", "December 15")


def test_duplicates_join_their_originals_event_and_are_not_compared():
    a, b = profile("a"), profile("b", duplicate_of="a", accounts=(Figure("5", 5, 5, 0, 1),))
    events, discrepancies = link([a, b], LinkSettings())
    assert [sorted(e.article_ids) for e in events] == [["a", "b"]]
    assert discrepancies == []
