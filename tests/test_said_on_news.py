"""When it was said, in short articles written for these tests: a past perfect that
steps back to an earlier order, and a reaction asked about the takedown, do not date
the main statement; a past perfect in reported speech leaves the announcement's day."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "words", "date"),
    [
        (
            "NEW DELHI: The ministry on Wednesday voiced its anger to the platform's "
            "executives over its failure to comply with orders to block accounts, its "
            "secretary Anil Verma said.\n"
            "The ministry had on February 4 directed the company to block 1,178 accounts.",
            "on Wednesday",
            "2021-02-10",
        ),
        (
            "Facebook and Twitter said on Monday that the accounts had spread false content "
            "about the protests.\n"
            "A foreign ministry spokesman, Li Wen, asked about the removals at a briefing on "
            "Tuesday, said he was not aware of them.",
            "on Monday",
            "2021-02-08",
        ),
        (
            "Facebook said on Thursday it had removed 300 accounts on Tuesday that targeted "
            "voters, its security chief Dana Reyes said.",
            "on Thursday",
            "2021-02-11",
        ),
    ],
)
def test_the_main_statement_not_its_background(extract_text, text, words, date):
    said = extract_text(text, published="2021-02-11").said_on
    assert said is not None
    assert (said.text, said.value) == (words, date)
    assert text[said.start : said.end] == said.text
