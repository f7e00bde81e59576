"""Live pages and dated pages: stamps, sign-offs, credits and bylines go, news stays."""

from __future__ import annotations

import pytest

from ingest import clean_text
from ingest.lines import is_date_stamp, is_placed_byline, is_time_only

ENTRY_ONE = (
    "The harbour authority said on Tuesday it had closed 312 accounts that sold fake "
    "mooring permits to visiting yachts."
)
ENTRY_TWO = (
    "At 2.20pm the authority said it would publish the full list of closed accounts "
    "before the end of the week."
)
ENTRY_THREE = (
    "Marina owners told the regional assembly that the fraud had cost them bookings "
    "throughout the spring season."
)


@pytest.mark.parametrize(
    "stamp", ["11:32 a.m. ET", "14:05 GMT", "2.20pm", "3pm BST", "09:05", "1:48 PM EDT"]
)
def test_a_line_that_is_only_a_clock_time_is_cut(rules, ingest_settings, stamp):
    text = f"{stamp}\n{ENTRY_ONE}\n{stamp}\n{ENTRY_TWO}"
    result = clean_text(text, rules, ingest_settings)
    assert result.text == f"{ENTRY_ONE}\n{ENTRY_TWO}"
    assert [c.reason for c in result.cuts] == ["time stamp", "time stamp"]


@pytest.mark.parametrize(
    "stamp",
    [
        "September 4, 2024 at 7:10 p.m. EDT",
        "March 21, 2022 · Updated 9:12 a.m.",
        "Mon 17 Oct 2022 07.45 BST",
        "Updated 2:20 p.m. ET",
        "12 May 2023",
    ],
)
def test_a_date_or_updated_line_is_cut_wherever_it_stands(rules, ingest_settings, stamp):
    text = f"{ENTRY_ONE}\n{stamp}\n{ENTRY_TWO}"
    result = clean_text(text, rules, ingest_settings)
    assert result.text == f"{ENTRY_ONE}\n{ENTRY_TWO}"
    assert [c.text for c in result.cuts] == [stamp]


@pytest.mark.parametrize(
    "line",
    [
        "March 2022",  # a month and a year: a timeline heading
        "At 2.20pm the ministry said it would act.",
        "Ships left on May 5, 2024 at 9 am.",
        "Talks resume at 10:00 in Geneva",
        "2.20 and falling",
    ],
)
def test_a_line_with_a_date_or_time_in_it_is_no_stamp(rules, line):
    assert not is_date_stamp(line, rules.stamp_words, rules.stamp_months)
    assert not is_time_only(line)


def test_a_sign_off_is_cut_from_either_end_of_its_line_and_the_news_between_stays(
    rules, ingest_settings
):
    last = (
        "That's where we'll leave it tonight. The assembly votes on the permit rules "
        "next week, and the authority expects more closures. We'll be back tomorrow."
    )
    result = clean_text(f"{ENTRY_ONE}\n\n{ENTRY_TWO}\n\n{last}", rules, ingest_settings)
    assert result.text.endswith(
        "\n\nThe assembly votes on the permit rules next week, and the authority expects "
        "more closures."
    )
    assert "leave it tonight" not in result.text
    assert "back tomorrow" not in result.text
    assert [(c.line, c.text) for c in result.cuts] == [
        (5, "That's where we'll leave it tonight. We'll be back tomorrow.")
    ]


def test_a_closing_line_of_sign_off_and_credit_goes_whole(rules, ingest_settings):
    closing = (
        "That’s where we’ll leave things tonight. Reporting on this live page was "
        "contributed by Ana Costa, Tom Reid and Lea Park."
    )
    result = clean_text(f"{ENTRY_ONE}\n{ENTRY_TWO}\n{closing}", rules, ingest_settings)
    assert result.text == f"{ENTRY_ONE}\n{ENTRY_TWO}"
    assert [c.text for c in result.cuts] == [closing]


@pytest.mark.parametrize(
    ("closing", "kept"),
    [
        (
            "We are closing this live page for tonight. The vote is on Friday.",
            "The vote is on Friday.",
        ),
        ("That's it for this week. Reply to this email with your tips; we read them all.", ""),
    ],
)
def test_a_live_page_or_newsletter_closing_goes_and_the_news_beside_it_stays(
    rules, ingest_settings, closing, kept
):
    text = clean_text(f"{ENTRY_ONE}\n{ENTRY_TWO}\n{closing}", rules, ingest_settings).text
    assert text == f"{ENTRY_ONE}\n{ENTRY_TWO}" + (f"\n{kept}" if kept else "")


@pytest.mark.parametrize(
    "line",
    [
        '"We\'ll be back tomorrow," the striking dockers told the harbour authority.',
        "Thanks to the new rules, the authority closed 312 accounts in a single week.",
        "The money was contributed by marina owners who lost bookings in the spring.",
    ],
)
def test_a_sentence_that_only_starts_like_a_sign_off_is_kept(rules, ingest_settings, line):
    text = f"{ENTRY_ONE}\n{line}\n{ENTRY_TWO}"
    assert clean_text(text, rules, ingest_settings).text == text


def test_a_read_more_list_after_the_body_is_cut_with_its_explainer_titles(rules, ingest_settings):
    tail = "Read more:\nWho is the harbour commissioner?\nHow mooring permits work, explained"
    body = f"{ENTRY_ONE}\n{ENTRY_TWO}\n{ENTRY_THREE}"
    result = clean_text(f"{body}\n{tail}", rules, ingest_settings)
    assert result.text == body


@pytest.mark.parametrize(
    "byline",
    [
        "Ana Costa in Lisbon",
        "Ana Costa in São Paulo and Tom Reid in Rio de Janeiro",
        "Jean-Luc O'Neill in Paris, Lea Park in Seoul",
        "Marta Silva and Tom Reid in Lisbon",
        "Marta Silva, Tom Reid and Lea Park in Hong Kong",
    ],
)
def test_a_byline_naming_where_its_reporters_are_is_cut_before_the_body(
    rules, ingest_settings, byline
):
    text = f"{byline}\n{ENTRY_ONE}\n{ENTRY_TWO}"
    result = clean_text(text, rules, ingest_settings)
    assert result.text == f"{ENTRY_ONE}\n{ENTRY_TWO}"
    assert is_placed_byline(byline, rules.name_particles)


@pytest.mark.parametrize(
    "line",
    [
        "Protests in Lisbon and Porto",
        "Election fears grow in Lisbon",
        "Staff and agencies",
        "ANA COSTA in LISBON",
        "Marta Silva and Tom Reid",
        "Ana Costa in Lisbon said the permits were fake.",
    ],
)
def test_a_headline_or_a_sentence_is_no_placed_byline(rules, line):
    assert not is_placed_byline(line, rules.name_particles)
