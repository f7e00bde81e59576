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
        ("on 20.12.2019", None, "2019-12-20"),
        ("31.02.2019", None, "2019"),  # no such day: only the year is sure
        ("this afternoon", "2022-03-11", "2022-03-11"),
        ("this morning", None, None),
        # the day named wins over the weekday once the article is more than a week later
        ("last Wednesday, March 7", "2018-03-20", "2018-03-07"),
        ("last Wednesday", "2018-03-12", "2018-03-07"),
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


@pytest.mark.parametrize(
    ("words", "published", "expected"),
    [
        # a weekday is the most recent such day on or before publication ...
        ("on Thursday", "2025-06-12", "2025-06-12"),
        ("on Friday", "2025-06-12", "2025-06-06"),
        ("last Thursday", "2025-06-12", "2025-06-05"),
        ("last Wednesday", "2025-06-12", "2025-06-11"),
        # ... unless the text says it is to come
        ("next Thursday", "2025-06-12", "2025-06-19"),
        ("next Saturday", "2025-06-12", "2025-06-14"),
        ("next Saturday", None, None),
    ],
)
def test_weekdays_resolve_against_the_publication_date(words, published, expected):
    assert resolve(date_parts(words), published) == expected


@pytest.mark.parametrize(
    ("text", "published", "words", "value"),
    [
        (
            "Minister Ines Duval said she wrote to the forum the day after the March 3 riot.",
            "2025-03-10",
            "the day after the March 3",
            "2025-03-04",
        ),
        (
            "Two days before the 9 June vote, Senator Tomas Berg said the network had to act.",
            "2024-06-20",
            "Two days before the 9 June",
            "2024-06-07",
        ),
        (
            "A week after the May 30, 2023 election, Mayor Lia Horn said the pages were fake.",
            None,
            "A week after the May 30, 2023",
            "2023-06-06",
        ),
        (
            "The day after the October 2 storm, Mayor Lia Horn said the rumours were false.",
            None,
            "The day after the October 2",
            "--10-03",
        ),
    ],
)
def test_a_day_told_from_another_dated_event(extract_text, text, published, words, value):
    said = extract_text(text, published).said_on
    assert (said.text, said.value) == (words, value)
    assert text[said.start : said.end] == words


def test_a_weekday_without_a_publication_date_stays_unresolved(extract_text):
    said = extract_text("Minister Ines Duval said on Monday that the pages were fake.").said_on
    assert (said.text, said.value) == ("on Monday", "")


@pytest.mark.parametrize(
    ("text", "published", "words", "value"),
    [
        (
            # the lede dates a later court step; the order to remove is the statement
            "The watchdog took the forum to court on Friday over posts it would not hide.\n"
            "The commissioner, Ruth Okafor, ordered the forum last Monday to remove the "
            "posts. Minister Ines Duval said the forum would have to obey the order.",
            "2025-09-19",
            "last Monday",
            "2025-09-15",
        ),
        (
            # the main claim is a reaction; the takedown was announced on its own day
            "Governor Ian Welk said on Thursday that the network had no right to police "
            "his officials.\nThe network announced the takedown on August 4.",
            "2025-08-08",
            "on August 4",
            "2025-08-04",
        ),
        (
            "Minister Ines Duval denied the report on Tuesday. It all began with the platform's "
            "quarterly review on April 2, in which the company said it had deleted 300 "
            "accounts.",
            "2025-04-10",
            "on April 2",
            "2025-04-02",
        ),
    ],
)
def test_the_takedown_dates_the_statement_before_reactions(
    extract_text, text, published, words, value
):
    said = extract_text(text, published).said_on
    assert (said.text, said.value) == (words, value)
    assert text[said.start : said.end] == words


def test_a_court_date_beside_an_order_to_remove_is_not_the_takedown(extract_text):
    text = (
        "Minister Ines Duval said the forum was taken to court on Friday, arguing it had "
        "ignored an order to remove the clips."
    )
    said = extract_text(text, "2025-09-19").said_on
    assert (said.text, said.value) == ("on Friday", "2025-09-19")


def test_an_earlier_takedown_in_the_background_does_not_date_the_statement(extract_text):
    text = (
        "Minister Ines Duval said on Tuesday that the forum must do more.\n"
        "The forum had removed a similar network on March 3, 2023, she recalled."
    )
    said = extract_text(text, "2025-06-11").said_on
    assert (said.text, said.value) == ("on Tuesday", "2025-06-10")
