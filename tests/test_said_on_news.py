"""When it was said, in short articles written for these tests: a past perfect that
steps back to an earlier order, and a reaction asked about the takedown, do not date
the main statement; a past perfect in reported speech leaves the announcement's day."""

from __future__ import annotations

import pytest

from extract.dates import dateline_date


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


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "LIMA, May 6, 2022 (Andes Press) - Judge Ana Ruiz of the electoral court said this "
            "Friday that the platform had ignored three of her orders.",
            "2022-05-06",
        ),
        (
            "Vienna, 14 November 2023 (APA) - The media regulator fined the operator of the "
            "app. The regulator announced the decision in Vienna on Tuesday, its head Eva "
            "Kranz said.",
            "2023-11-14",
        ),
    ],
)
def test_a_dateline_anchors_a_weekday_when_the_article_has_no_date(extract_text, text, date):
    said = extract_text(text, published=None).said_on
    assert said is not None
    assert said.value == date


def test_a_dateline_is_read_only_at_the_head_of_the_body():
    assert dateline_date("QUITO, March 2, 2021 - The ministry said") == "2021-03-02"
    assert dateline_date("Oslo, 9 June 2020 (NTB) - Police said") == "2020-06-09"
    assert dateline_date("NEW DELHI, June 29 (PTI) - The ministry said") is None  # no year
    assert dateline_date("On March 3, 2022, the ministry said") is None


def test_a_day_beats_a_week_in_the_same_sentence(extract_text):
    text = (
        "Hello again. This week the letter is mostly about the platform report last Tuesday,"
        " since most of the coverage never went past the first figure it gave for Peru.\n"
        "The company said it had closed 40 accounts in Peru, its spokesperson Ana Ortiz said."
    )
    said = extract_text(text, published="2021-02-11").said_on
    assert said is not None
    assert (said.text, said.value) == ("last Tuesday", "2021-02-09")
    assert text[said.start : said.end] == said.text


def test_a_takedown_the_act_followed_is_background(extract_text):
    text = (
        "The information minister, Rosa Quispe, said on Friday that the government was"
        " acting against the persistent use of the service for activities that threatened"
        " Peru's existence as a country.\n\n"
        "The decision followed the removal by Twitter, on Tuesday night, of a post by"
        " President Luis Arce about the country's civil war."
    )
    said = extract_text(text, published="2021-02-13").said_on
    assert said is not None
    assert (said.text, said.value) == ("on Friday", "2021-02-12")
    assert text[said.start : said.end] == said.text
