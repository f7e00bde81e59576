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
