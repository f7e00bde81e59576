"""Account figures as news writes them, in sentences written for these tests: a bare
number that adds to the figures before it ("and 271 more"), past a place's name; the
accounts of a counted group of people; accounts that are an audience."""

from __future__ import annotations

import pytest


def figures_of(extract_text, text):
    found = extract_text(text).accounts
    for figure in found:
        assert text[figure.start : figure.end] == figure.text
    return [(f.min, f.max) for f in found]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (
            "Twitter said it had removed 4,258 accounts run from the United Arab Emirates "
            "and 271 more tied to a network in Egypt.",
            [(4258, 4258), (271, 271)],
        ),
        (
            "The company took down 120 accounts in March and 45 others in April.",
            [(120, 120), (45, 45)],
        ),
        # "more" before a noun of its own counts that noun, not accounts.
        (
            "The agency said 500 accounts had been suspended and 3 more people were arrested.",
            [(500, 500)],
        ),
    ],
)
def test_figures_that_add_to_the_ones_before(extract_text, text, figures):
    assert figures_of(extract_text, text) == figures


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (
            "The platform said it had suspended the accounts of dozens of Belarusian army "
            "officers and television presenters.",
            [(24, 99)],
        ),
        ("Police said the profiles of 30 local journalists were hijacked.", [(30, 30)]),
        ("Meta removed the accounts of more than 1,200 users.", [(1201, None)]),
        # Accounts of people with no figure give nothing to count.
        ("The firm said the accounts of several officials were hacked last week.", []),
    ],
)
def test_a_figure_of_the_people_the_accounts_belong_to_counts_them(extract_text, text, figures):
    assert figures_of(extract_text, text) == figures


@pytest.mark.parametrize(
    "text",
    [
        "The agency said a channel followed by more than 20,000 accounts was blocked.",
        "Investigators said 90,000 accounts followed the network's pages.",
    ],
)
def test_accounts_that_are_an_audience_are_not_counted(extract_text, text):
    assert figures_of(extract_text, text) == []


def test_a_bare_figure_after_a_sentence_of_account_figures_counts_accounts(extract_text):
    """The noun stands in the sentence before, with a figure of its own: the bare
    figures after it count the same accounts; a figure with a noun of its own does not."""
    text = (
        "The largest share came from Ruritania, with more than 3,100 accounts. "
        "Borduria accounted for nearly 1,000, and Syldavia for 212."
    )
    assert figures_of(extract_text, text) == [(3101, None), (900, 999), (212, 212)]
    text = (
        "The platform removed 900 accounts. It has more than 700 million monthly active "
        "users worldwide."
    )
    assert figures_of(extract_text, text) == [(900, 900)]
