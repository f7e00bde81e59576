"""When it was said, in short articles written for these tests: a past perfect that
steps back to an earlier order, and a reaction asked about the takedown, do not date
the main statement; a past perfect in reported speech leaves the announcement's day."""

from __future__ import annotations

import pytest

from extract.dates import dateline_date


def said_on(extract_text, text, published):
    """The statement's date as (words, ISO value), its span checked against the text."""
    said = extract_text(text, published=published).said_on
    assert said is not None
    assert text[said.start : said.end] == said.text
    return said.text, said.value


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
    assert said_on(extract_text, text, "2021-02-11") == (words, date)


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
    assert said_on(extract_text, text, "2021-02-11") == ("last Tuesday", "2021-02-09")


def test_a_takedown_the_act_followed_is_background(extract_text):
    text = (
        "The information minister, Rosa Quispe, said on Friday that the government was"
        " acting against the persistent use of the service for activities that threatened"
        " Peru's existence as a country.\n\n"
        "The decision followed the removal by Twitter, on Tuesday night, of a post by"
        " President Luis Arce about the country's civil war."
    )
    assert said_on(extract_text, text, "2021-02-13") == ("on Friday", "2021-02-12")


def test_a_day_month_year_dateline_anchors_yesterday():
    assert dateline_date("Riga, 04.05.2021 (LETA). The ministry said") == "2021-05-04"
    assert dateline_date("BERN, 4.5.2021 - The council said") == "2021-05-04"


@pytest.mark.parametrize(
    ("text", "words", "date"),
    [
        (
            # the statement's own day.month.year, not the dateline's filing day
            "Riga, 04.05.2021 (LETA). The regulator on 03.05.2021 deleted 20 accounts from "
            "the network, its chairman Juris Ozols said.",
            "on 03.05.2021",
            "2021-05-03",
        ),
        (
            # "yesterday" reads against the dateline; the dateline's day is not the date
            "BERN, 4 May 2021 (SDA) - The federal council said yesterday that the platform "
            "had ignored its requests.",
            "yesterday",
            "2021-05-03",
        ),
        (
            # the main claim undated: the filing day, not another speaker's dated sentence
            "LIMA, June 9, 2022 (APN) - The communications regulator has told a court "
            "that it blocked the app on security grounds.\n\nThe app went dark on May 2, "
            "hours after Senator Ana Ruiz said the vote had been rigged.",
            "June 9, 2022",
            "2022-06-09",
        ),
        (
            # no time word in the body: the dateline's day is the date, as written
            "Riga, 04.05.2021 (LETA). The State Regulator begins to restrict access to the "
            "network. According to the State Regulator, the restriction will be completed "
            "on 07.05.2021, spokeswoman Ilze Berzina said.",
            "04.05.2021",
            "2021-05-04",
        ),
    ],
)
def test_a_dated_dateline_is_the_filing_day(extract_text, text, words, date):
    assert said_on(extract_text, text, None) == (words, date)


def test_a_day_after_the_article_is_not_when_it_was_said(extract_text):
    text = (
        "The regulator said access to the app would be cut off on 20.06.2024, its "
        "spokeswoman Ilze Berzina said."
    )
    said = extract_text(text, published="2024-06-12").said_on
    assert said is None or said.value != "2024-06-20"


# Cases of later coverage: a restriction lifted, a live page's "this afternoon", a ban
# lifted after an earlier block, an order's day, a restriction announced in the lede, a
# takedown recalled as background.
LATER_COVERAGE = [
    pytest.param(
        (
            "The regulator said on Friday it would restrict the app, its head Ilze Berzina "
            "said.\nLet us recall that on 02.06.2024 the regulator demanded that the company "
            "remove the restrictions on the accounts of two state channels."
        ),
        "2024-06-14",
        "on Friday",
        "2024-06-14",
        id="lifting_a_restriction_is_no_takedown",
    ),
    pytest.param(
        "Live: the regulator, Ilze Berzina's agency, said this afternoon that the app will be blocked.",
        "2024-06-14T21:30:00+00:00",
        "this afternoon",
        "2024-06-14",
        id="this_afternoon_on_a_live_page_is_its_day",
    ),
    pytest.param(
        (
            "Chile lifted its ban on the app on Monday, a week after the regulator blocked it "
            "over indecent content.\nWhen the regulator ordered the block on May 2, it said the "
            "app had ignored its notices. Ana Ruiz, the regulator's head, said the app would be "
            "watched."
        ),
        "2025-05-13",
        "on May 2",
        "2025-05-02",
        id="a_lifted_ban_is_no_takedown_and_an_earlier_block_dates_it",
    ),
    pytest.param(
        (
            "Six days into the island's block on the apps, nobody in the capital knows how long "
            "the government can keep it up, or what it will cost the shops that sell online.\n"
            "The order went out last Tuesday, June 3. The regulator told operators to block "
            "the apps.\n"
            "Minister Ana Ruiz said the apps had ignored the government's reports for months.\n"
            "Her deputy, Ines Duval, said a team from the company was due in the capital this week."
        ),
        "2025-06-09",
        "last Tuesday, June 3",
        "2025-06-03",
        id="the_day_an_order_went_out_dates_it_over_a_later_visit",
    ),
    pytest.param(
        (
            "MINSK, May 9 (Wire) - The media regulator said on Friday it would restrict access "
            "to the app. Ana Ruiz, the regulator's head, said the app had ignored its notices.\n"
            "The regulator blocked another network on May 2, saying it had ignored its notices."
        ),
        "2025-05-09",
        "on Friday",
        "2025-05-09",
        id="a_restriction_in_the_lede_dates_it_over_an_earlier_block",
    ),
    pytest.param(
        (
            "Riga, 09.05.2025 (LETA). The regulator begins to restrict access to the app. Ana "
            "Ruiz, the regulator's head, said the app had ignored its notices.\n"
            "Let us recall that access to another network was restricted on 02.05.2025."
        ),
        None,
        "09.05.2025",
        "2025-05-09",
        id="a_takedown_recalled_is_background",
    ),
]


@pytest.mark.parametrize(("text", "published", "words", "date"), LATER_COVERAGE)
def test_the_main_statement_in_later_coverage(extract_text, text, published, words, date):
    assert said_on(extract_text, text, published) == (words, date)


def test_a_standfirst_above_the_lede_leaves_the_lede_its_date(extract_text):
    text = (
        "Publishing the records is a welcome step for researchers, but it also shows how little "
        "the other large platforms have chosen to disclose so far.\n"
        "On March 4, Chirper put online the records of two state-backed networks it had "
        "taken down, with more than 9 million posts from 2,000 accounts.\n"
        '"We want outside researchers to study this," the company said in its announcement. '
        "Rival firms were asked this week whether they would follow."
    )
    assert said_on(extract_text, text, "2021-03-07") == ("On March 4", "2021-03-04")


def test_a_date_of_what_is_to_be_done_is_not_when_it_was_said(extract_text):
    """The meeting on Monday is what the companies were asked to attend: the statement
    itself is dated by the dateline."""
    text = (
        "ACCRA, July 28, 2024 (GNA) - The communications minister, Ama Mensah, told "
        "reporters the companies had been asked to send representatives to a meeting on "
        "Monday."
    )
    assert said_on(extract_text, text, None) == ("July 28, 2024", "2024-07-28")


def test_a_day_the_speaker_names_inside_the_week_dates_the_statement(extract_text):
    text = (
        "Telegram said this week that it had shut 90 channels run from"
        " abroad, after a month of complaints from election officials.\n\n"
        "The channels had posted the same clips hundreds of times. The company confirmed"
        " on Monday that it had closed them, in a short note on its blog."
    )
    assert said_on(extract_text, text, "2023-06-09") == ("on Monday", "2023-06-05")


def test_a_day_outside_the_week_leaves_the_week(extract_text):
    text = (
        "Telegram said this week that it had shut 90 channels run from"
        " abroad, after a month of complaints from election officials.\n\n"
        "The company said on May 12 that it was reviewing the channels."
    )
    assert said_on(extract_text, text, "2023-06-09") == ("this week", "2023-06")


def test_another_speakers_day_leaves_the_week(extract_text):
    text = (
        "Telegram said this week that it had shut 90 channels run from"
        " abroad.\n\n"
        "Marta Ruiz, who chairs the election board, said on Monday that the closures"
        " came too late."
    )
    assert said_on(extract_text, text, "2023-06-09") == ("this week", "2023-06")
