"""When it was said: the words found, resolved at the precision the text supports."""

from __future__ import annotations

import pytest

from extract.dates import date_parts, resolve


@pytest.mark.parametrize(
    ("words", "published", "expected"),
    [
        ("on Monday", None, None),
        ("on Monday", "2025-12-16", "2025-12-15"),
        ("on Tuesday", "2025-12-16", "2025-12-16"),
        ("On December 15", None, "--12-15"),
        ("On December 15", "2026-01-03", "2025-12-15"),
        ("on 15 December", "2025-12-20", "2025-12-15"),
        ("February 2026", None, "2026-02"),
        ("on 3 March 2025", None, "2025-03-03"),
        ("Dec. 5, 2024", "2025-01-01", "2024-12-05"),
        ("yesterday", "2024-10-10", "2024-10-09"),
        ("yesterday", None, None),
        ("2025", None, "2025"),
        ("2025-07-01", None, "2025-07-01"),
    ],
)
def test_resolution(words, published, expected):
    assert resolve(date_parts(words), published) == expected


def test_durations_are_not_dates():
    assert not date_parts("two decades").specific
    assert not date_parts("recent weeks").specific


@pytest.mark.parametrize(
    ("text", "published", "words", "value"),
    [
        (
            "Interior Minister Mohsin Naqvi said on Wednesday that the accounts were fake.",
            "2025-05-09",
            "on Wednesday",
            "2025-05-07",
        ),
        (
            "On December 15, Interior Minister Mohsin Naqvi said the accounts were fake.",
            None,
            "On December 15",
            "--12-15",
        ),
        (
            "Islamabad, February 2026 — The Ministry of Information has urged platforms to act.",
            None,
            "February 2026",
            "2026-02",
        ),
        (
            "Minister Aqeel Malik said the accounts were fake. The announcement was made at a press conference on Friday.",
            None,
            "on Friday",
            "",
        ),
    ],
)
def test_said_on_of_the_main_claim(extract_text, text, published, words, value):
    said = extract_text(text, published).said_on
    assert (said.text, said.value) == (words, value)
    assert text[said.start : said.end] == words


def test_a_date_in_backstory_is_not_when_it_was_said(extract_text):
    text = (
        "Interior Minister Mohsin Naqvi said militants were using social media. "
        "The Taliban takeover of Afghanistan in 2021 emboldened the group."
    )
    assert extract_text(text).said_on is None


@pytest.mark.parametrize(
    ("words", "published", "expected"),
    [
        ("last Tuesday", "2024-03-11", "2024-03-05"),  # a Monday: the Tuesday before
        ("last Monday", "2024-03-11", "2024-03-04"),  # never the publication day itself
        ("last Tuesday", None, None),
        ("last week", "2024-03-13", "2024-03"),
        ("last week", "2024-03-06", "2024"),  # the week before ran over two months: the year
        ("last week", None, None),
        ("earlier this month", "2024-03-20", "2024-03"),
        ("last month", "2024-01-09", "2023-12"),
    ],
)
def test_relative_weekdays_and_periods(words, published, expected):
    assert resolve(date_parts(words), published) == expected


def test_a_period_is_a_date_and_not_coarse():
    parts = date_parts("last week")
    assert parts.specific
    assert not parts.coarse
    assert date_parts("June").coarse


def test_a_deadline_is_not_when_it_was_said(extract_text):
    text = "Commissioner Ilse Brandauer said on Thursday that the firm must reply by March 30."
    said = extract_text(text, "2024-03-15").said_on
    assert (said.text, said.value) == ("on Thursday", "2024-03-14")


def test_a_timestamp_line_is_not_when_it_was_said(extract_text):
    text = (
        "By Staff Writer\n"
        "March 15, 2024 10:45\n"
        "Commissioner Ilse Brandauer said on Thursday that the firm had failed to act."
    )
    said = extract_text(text, "2024-03-15").said_on
    assert (said.text, said.value) == ("on Thursday", "2024-03-14")


def test_a_bare_month_in_the_main_claim_is_not_the_date(extract_text):
    text = (
        "Ruritania on Monday accused its neighbour of running fake news sites. "
        "Foreign Minister Ilse Brandauer said the sites aimed at the elections in June."
    )
    said = extract_text(text, "2024-02-14").said_on
    assert (said.text, said.value) == ("on Monday", "2024-02-12")


def test_last_week_in_the_lede_without_a_publication_date(extract_text):
    text = (
        "Officials last week put a figure on the network of look-alike sites run from abroad, "
        "a problem researchers have described for years in reports and testimony to lawmakers.\n"
        "Foreign Minister Ilse Brandauer said the sites would be blocked."
    )
    said = extract_text(text).said_on
    assert (said.text, said.value) == ("last week", "")
