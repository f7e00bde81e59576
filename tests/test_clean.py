"""Boilerplate removal: cut the furniture, keep every body paragraph."""

from __future__ import annotations

import pytest

from ingest import clean_text, read_file


def test_sample_boilerplate_is_gone_and_body_kept(gold, sample_files, rules, ingest_settings):
    by_name = {p.name: p for p in sample_files}
    for entry in gold["articles"]:
        path = by_name[entry["file"]]
        article = read_file(path, rules, ingest_settings)
        for marker in entry["must_not_appear"]:
            assert marker not in article.text, (entry["file"], marker)
        raw_paragraphs = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        boilerplate = article.boilerplate.splitlines()
        for paragraph in raw_paragraphs:
            if len(paragraph) > 120 and paragraph not in boilerplate:
                assert paragraph in article.text, (entry["file"], paragraph[:60])


def test_last_body_paragraph_of_truncated_sample_survives(sample_files, rules, ingest_settings):
    article = read_file(sample_files[4], rules, ingest_settings)
    assert article.text.endswith("against security forces and civilians in Pakistan.")
    assert article.boilerplate.startswith("Hashtags")


def test_headline_printed_twice_keeps_one_copy(rules, ingest_settings):
    text = "Big headline about accounts\n\nBig headline about accounts\n\nBody paragraph one."
    result = clean_text(text, rules, ingest_settings)
    assert result.text == "Big headline about accounts\n\nBody paragraph one."


BODY = (
    "The ministry said it had asked platforms to remove 200 accounts.\n\n"
    "A spokesperson added that the review would continue into next month, and that "
    "further requests would follow once the investigation was complete.\n\n"
    "Officials declined to name the companies involved in the operation."
)


@pytest.mark.parametrize(
    ("tail", "gone"),
    [
        ("\n\nYou may also like\nCricket: team wins series\nMarkets close higher", "Cricket"),
        ("\n\nRELATED STORIES:\nFloods hit the north", "Floods"),
        ("\n\n#Pakistan #SocialMedia #Breaking", "#Pakistan"),
        ("\n\nFollow us on Twitter and Facebook for the latest updates", "Follow us"),
        ("\n\nSubscribe to our newsletter", "newsletter"),
        ("\n\nComments\nNo comments yet. Be the first!", "Be the first"),
        ("\n\nAdvertisement\n\nMost Read\n1. Celebrity wedding photos", "Celebrity"),
    ],
)
def test_other_shapes_of_trailing_furniture(rules, ingest_settings, tail, gone):
    result = clean_text(BODY + tail, rules, ingest_settings)
    assert gone not in result.text
    assert result.text == BODY


def test_read_more_teaser_inside_the_body_is_dropped_alone(rules, ingest_settings):
    text = BODY.replace("\n\nOfficials", "\n\nRead more: Unrelated story headline\n\nOfficials")
    result = clean_text(text, rules, ingest_settings)
    assert "Unrelated story" not in result.text
    assert result.text == BODY


def test_body_line_starting_like_a_cue_but_long_is_kept(rules, ingest_settings):
    long_line = "Follow us on this story: " + "the minister spoke at length about accounts. " * 6
    result = clean_text(long_line + "\n\n" + BODY, rules, ingest_settings)
    assert long_line.strip() in result.text


def test_early_marker_does_not_cut_the_body(rules, ingest_settings):
    text = "Tags\n\n" + BODY
    result = clean_text(text, rules, ingest_settings)
    assert BODY in result.text


LEDE = (
    "The electoral commission said on Thursday it had asked two platforms to suspend 340 "
    "accounts that posed as local observers."
)
MIDDLE = (
    "Officials told a briefing in the capital that the accounts had shared forged tally "
    "sheets in the hours after polls closed."
)
CLOSE = (
    "The commission said it would publish the full list of accounts once both companies "
    "had answered its letter."
)


def cleaned(*lines: str, title: str | None = None, rules=None, settings=None):
    return clean_text("\n\n".join(lines), rules, settings, title=title)


@pytest.mark.parametrize(
    "junk",
    [
        "By Amira Haddad, Elections Correspondent",
        "Updated March 3, 2025, 7:40 a.m. EST",
        "Published: 03.03.2025, 07:40 | Last updated: 03.03.2025, 09:15",
        "Voters queue outside a school in the north. Photo: Example Agency / R. Doe",
        "A polling station in the capital on Sunday. (File photo)",
        "xy-pol/ab-cd",
        "Home › Politics › Elections",
        "News · Politics · Business · Sport · Weather",
        "11:45 GMT",
        "— A Voter (@somevoter) March 2, 2025",
        "pic.example.com/AbC123",
        "Comments (31)",
        "ADVERTISEMENT",
        "— Sponsored — Try our poll tracker free for a month.",
        "RELATED: Five things to know about the new voting law",
        "Listen to this article 4 min",
        "5 min read",
    ],
)
def test_inline_furniture_is_cut_inside_the_body(rules, ingest_settings, junk):
    result = cleaned(LEDE, junk, MIDDLE, CLOSE, rules=rules, settings=ingest_settings)
    assert junk not in result.text
    assert result.text == "\n\n".join((LEDE, MIDDLE, CLOSE))
    [cut] = result.cuts
    assert (cut.line, cut.text) == (3, junk)
    assert cut.reason


def test_short_quotes_subheadings_and_cue_words_in_the_body_survive(rules, ingest_settings):
    body = (
        LEDE,
        '"We will not be intimidated," she said.',
        "What happens next",
        "Updated figures released later showed the total had risen to 360 accounts.",
        "By Friday the companies had removed most of them, the commission said.",
        "The commission's own newsletter had warned subscribers about the forgeries.",
        MIDDLE,
        CLOSE,
        "Neither company commented.",
    )
    result = cleaned(*body, rules=rules, settings=ingest_settings)
    assert result.text == "\n\n".join(body)
    assert result.cuts == ()


def test_headline_is_kept_and_menus_before_the_body_are_cut(rules, ingest_settings):
    headline = "Commission asks platforms to suspend accounts posing as observers"
    result = cleaned(
        "Skip to main content",
        "NEWS WORLD",
        "Politics Business Sport Culture",
        headline,
        "Elections",
        LEDE,
        CLOSE,
        rules=rules,
        settings=ingest_settings,
    )
    assert result.text == "\n\n".join((headline, LEDE, CLOSE))


def test_headline_repeated_from_the_metadata_is_cut(rules, ingest_settings):
    headline = "Commission asks platforms to suspend accounts posing as observers"
    result = cleaned(headline, LEDE, CLOSE, title=headline, rules=rules, settings=ingest_settings)
    assert result.text == "\n\n".join((LEDE, CLOSE))
    assert [c.reason for c in result.cuts] == ["headline repeated"]


def test_trailing_prompts_notes_and_related_headlines_are_cut(rules, ingest_settings):
    tail = (
        "Amira Haddad is our elections correspondent and has covered three national votes.",
        "Enjoyed this story? Get our morning newsletter in your inbox.",
        "Please keep comments civil: we remove posts that break the rules.",
        "Opposition rally draws thousands to the capital",
        "Court sets date for ballot challenge",
        "1. Turnout figures by region",
        "Follow The Example Times on social media for live results.",
        "This article will be updated as the hearing goes on.",
        "(The dispatch was translated from Portuguese.)",
        "The Weekly Byte is a reader-supported letter. © 2021 Dana Okafor.",
        "© 2025 The Example Times",
        "That's all from me. Hit reply and tell me what you saw in your comment threads.",
        "-- Dana",
        "The Weekly Byte is written in Porto and supported by its readers.",
    )
    result = cleaned(LEDE, MIDDLE, CLOSE, *tail, rules=rules, settings=ingest_settings)
    assert result.text == "\n\n".join((LEDE, MIDDLE, CLOSE))
    assert [c.text for c in result.cuts] == list(tail)


def test_a_heading_that_opens_related_stories_cuts_even_their_sentences(rules, ingest_settings):
    teaser = "The opposition said on Friday it would challenge the results in court next week."
    result = cleaned(
        LEDE, MIDDLE, CLOSE, "More from Politics", teaser, rules=rules, settings=ingest_settings
    )
    assert result.text == "\n\n".join((LEDE, MIDDLE, CLOSE))
    assert result.cuts[-1].reason.startswith("trailing block")


def test_a_label_naming_a_story_does_not_open_the_tail(rules, ingest_settings):
    result = cleaned(
        LEDE,
        MIDDLE,
        "Related: How the new voting law changes counting",
        CLOSE,
        rules=rules,
        settings=ingest_settings,
    )
    assert result.text == "\n\n".join((LEDE, MIDDLE, CLOSE))


def test_a_related_box_inside_the_body_is_cut_and_the_body_goes_on(rules, ingest_settings):
    more = (
        "Observers from three parties said they had reported the forged sheets to the police "
        "on the night of the count.",
        "A court is due to hear the first complaints about the accounts on Monday next week.",
    )
    result = cleaned(
        LEDE,
        MIDDLE,
        "Related stories",
        "Opposition rally draws thousands to the capital",
        "Court sets date for ballot challenge",
        *more,
        CLOSE,
        rules=rules,
        settings=ingest_settings,
    )
    assert result.text == "\n\n".join((LEDE, MIDDLE, *more, CLOSE))
    assert {c.reason for c in result.cuts} == {"related box under 'Related stories'"}


def test_a_body_sentence_about_updates_inside_the_body_stays(rules, ingest_settings):
    inside = (
        "The regulator said its list of banned sites will be updated as more information arrives."
    )
    result = cleaned(LEDE, inside, CLOSE, rules=rules, settings=ingest_settings)
    assert result.text == "\n\n".join((LEDE, inside, CLOSE))


def test_a_closing_paragraph_that_ends_with_an_update_note_is_body(rules, ingest_settings):
    closing = "The ministry said talks would resume on Monday. This story will be updated."
    result = cleaned(LEDE, MIDDLE, closing, rules=rules, settings=ingest_settings)
    assert result.text == "\n\n".join((LEDE, MIDDLE, closing))


@pytest.mark.parametrize(
    "sentence",
    [
        "Norway's Data Protection Authority has fined Grindr 65 million crowns for sharing "
        "users' data with advertisers.",
        "The regulator said the app broke its own terms of service by selling location data.",
        "Critics said the company's new privacy policy gave it the right to read messages.",
        "Nobody claims the app was harmless. But the ban tells us more about the cabinet "
        "than about the platform.",
    ],
)
def test_legal_page_words_in_a_news_sentence_are_body(rules, ingest_settings, sentence):
    """The words of an outlet's legal links ("Data protection", "Terms of use") are
    furniture as a link line, never in a sentence of a story about platforms."""
    text = "\n".join(
        [
            sentence,
            "The company said it would appeal against the decision in the coming weeks.",
            "Imprint · Contact · Data protection · Terms of use",
        ]
    )
    result = clean_text(text, rules, ingest_settings)
    assert result.text.splitlines() == text.splitlines()[:2]


@pytest.mark.parametrize("label", ["Sponsored", "ADVERTISEMENT", "— Related —", "Watch"])
def test_a_line_that_is_a_label_alone_is_cut_inside_the_body(rules, ingest_settings, label):
    lines = [
        "The regulator said on Monday it had blocked the app after a final notice.",
        label,
        "The company said it would appeal against the decision in the coming weeks.",
    ]
    result = clean_text("\n".join(lines), rules, ingest_settings)
    assert result.text.splitlines() == [lines[0], lines[2]]
