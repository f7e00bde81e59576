"""Account figures as intervals; numbers that count anything else are left alone."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Pakistan has identified at least 481 social media accounts linked to banned groups.",
            [("at least 481", 481, None)],
        ),
        (
            "Officials traced hundreds of social media accounts linked to terrorism.",
            [("hundreds", 200, 999)],
        ),
        ("The regulator blocked over 1,000 X accounts last month.", [("over 1,000", 1001, None)]),
        ("The company removed 481 accounts.", [("481", 481, 481)]),
        (
            "Nearly 500 fake profiles were taken down, according to the FIA.",
            [("Nearly 500", None, 499)],
        ),
        ("Three hundred accounts were suspended on Friday.", [("Three hundred", 300, 300)]),
        ("Two hundred and fifty handles were blocked.", [("Two hundred and fifty", 250, 250)]),
        (
            "The platform removed between 200 and 300 accounts linked to the network.",
            [("between 200 and 300", 200, 300)],
        ),
        ("Some 2.5 million accounts were reviewed.", [("Some 2.5 million", 2500000, 2500000)]),
        ("Up to 150 Telegram channels were used.", [("Up to 150", None, 150)]),
        (
            "Dozens of pages and thousands of accounts were flagged.",
            [("Dozens", 24, 99), ("thousands", 2000, 9999)],
        ),
        (
            "More than 300 Facebook pages and 45 YouTube channels went dark.",
            [("More than 300", 301, None), ("45", 45, 45)],
        ),
        ("Fewer than 20 accounts were restored.", [("Fewer than 20", None, 19)]),
        ("The firm removed 1.2m accounts last year.", [("1.2m", 1200000, 1200000)]),
        ("They flagged 481 X (formerly Twitter) accounts.", [("481", 481, 481)]),
        ("Nearly two dozen accounts were restored.", [("Nearly two dozen", None, 23)]),
        ("Over 12k handles were suspended.", [("Over 12k", 12001, None)]),
    ],
)
def test_account_figures(extract_text, sentence, expected):
    found = extract_text(sentence).accounts
    assert [(a.text, a.min, a.max) for a in found] == expected
    for figure in found:
        assert sentence[figure.start : figure.end] == figure.text


@pytest.mark.parametrize(
    "sentence",
    [
        "A single message could be retweeted between 50 and 500 times.",
        "More than 90,000 people have lost their lives to terrorism.",
        "He outlined three specific demands to social media platforms.",
        "The Taliban takeover in 2021 emboldened the group, which has 5,000 fighters.",
        "Police froze 20 bank accounts belonging to the suspects.",
        "Social media platforms had taken action against several accounts.",
        "US goods trade with Pakistan was an estimated $7.3 billion in 2024.",
        "He said account holders would be identified.",
    ],
)
def test_numbers_that_count_something_else(extract_text, sentence):
    assert extract_text(sentence).accounts == ()
