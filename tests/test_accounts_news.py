"""Account figures as news writes them, in sentences written for these tests: a bare
number that adds to the figures before it ("and 271 more"), past a place's name."""

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
