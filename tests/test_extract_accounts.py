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
            [("Nearly 500", 450, 499)],
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
            [("thousands", 2000, 9999)],
        ),
        (
            "More than 300 Facebook pages and 45 YouTube channels went dark.",
            [("45", 45, 45)],
        ),
        ("It closed hundreds of accounts and pages.", [("hundreds", 200, 999)]),
        ("The platform deleted 170.000 accounts.", [("170.000", 170000, 170000)]),
        ("It deleted 1.5 million accounts.", [("1.5 million", 1500000, 1500000)]),
        ("It deleted 1.250 million accounts.", [("1.250 million", 1250000, 1250000)]),
        ("Close to 2,000 handles were frozen.", [("Close to 2,000", 1800, 1999)]),
        ("Almost 1,234 profiles were frozen.", [("Almost 1,234", None, 1233)]),
        (
            "Moderators closed more than 4,000 of the group's accounts.",
            [("more than 4,000", 4001, None)],
        ),
        (
            "The agency traced 75 fake accounts. Fewer than 20 of them were active.",
            [("75", 75, 75), ("Fewer than 20", None, 19)],
        ),
        (
            "It suspended nine accounts on Reddit and one on Tumblr.",
            [("nine", 9, 9), ("one", 1, 1)],
        ),
        (
            "It closed 40 channels in March, 55 in April and 61 in May.",
            [("40", 40, 40), ("55", 55, 55), ("61", 61, 61)],
        ),
        ("Its posts came from a single Telegram account and one TikTok profile.", [("one", 1, 1)]),
        (
            "The profiles formed part of a cluster of 3,100 that was run from one office.",
            [("3,100", 3100, 3100)],
        ),
        ("Fewer than 20 accounts were restored.", [("Fewer than 20", None, 19)]),
        ("The firm removed 1.2m accounts last year.", [("1.2m", 1200000, 1200000)]),
        ("They flagged 481 X (formerly Twitter) accounts.", [("481", 481, 481)]),
        ("Nearly two dozen accounts were restored.", [("Nearly two dozen", 22, 23)]),
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
        "Investigators found two clusters of fake accounts run from abroad.",
        "Over 9,000 accounts, pages and groups were removed in the sweep.",
        "Roughly 45,000 accounts followed the network's pages.",
        "By one account, the operators were paid monthly.",
        "Accounts in the network spent $4,300 on ads, and 38% of them had no followers.",
        "The accounts were graded on a scale from one to ten.",
        "The accounts posted 1,200 times in 2019 and 2020.",
        "The accounts had posted about the election. Most of the 300 officers were cleared.",
        "The accounts were created on March 3 and deleted on 14 May.",
        'The accounts mocked the "Ten Thousand" marches.',
    ],
)
def test_numbers_that_count_something_else(extract_text, sentence):
    assert extract_text(sentence).accounts == ()


def test_dots_are_decimals_where_the_text_writes_commas_for_thousands(extract_text):
    found = extract_text("It removed 12,000 posts and 2.500 accounts.").accounts
    assert [(a.text, a.min) for a in found] == [("2.500", 2)]


def test_add_up_to_is_a_total_not_a_bound(extract_text):
    text = "Counted together the personas add up to 312 Facebook accounts and 88 on Instagram."
    found = extract_text(text).accounts
    assert [(a.text, a.min, a.max) for a in found] == [("312", 312, 312), ("88", 88, 88)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The sets held 95 accounts, and more than 61,000 followed the Instagram accounts.",
            [("95", 95, 95)],
        ),
        (
            "Governor Okafor, who uses Telegram as one of his main channels for voters, objected.",
            [],
        ),
        (
            "In March it removed 51 channels, including one run by a radio host turned preacher.",
            [("51", 51, 51)],
        ),
        (
            "The service shut 12 profiles, among them one that posted forged ballots.",
            [("12", 12, 12)],
        ),
    ],
)
def test_an_audience_or_one_item_singled_out_is_no_further_figure(extract_text, sentence, expected):
    found = extract_text(sentence).accounts
    assert [(a.text, a.min, a.max) for a in found] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            'The split: 8,410 "seed" accounts in Peru and 310 others.',
            [("8,410", 8410, 8410), ("310", 310, 310)],
        ),
        (
            "Meta took down 61 fake or recycled profiles on Facebook and Instagram.",
            [("61", 61, 61)],
        ),
        (
            "It described a network of more than 40 Facebook and Instagram accounts in Chile.",
            [("more than 40", 41, None)],
        ),
        ("It removed 300 pages and accounts run from Chile.", []),
    ],
)
def test_quoted_and_coordinated_modifiers_between_figure_and_noun(extract_text, sentence, expected):
    found = extract_text(sentence).accounts
    assert [(a.text, a.min, a.max) for a in found] == expected


def test_a_given_noun_before_a_bare_number_is_what_it_had(extract_text):
    text = (
        "It removed 22 Facebook accounts and 19 Instagram accounts. The Pages drew some"
        " 41,000 followers and the Instagram profiles about 56,000."
    )
    found = extract_text(text).accounts
    assert [(a.text, a.min) for a in found] == [("22", 22), ("19", 19)]
