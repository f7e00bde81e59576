"""Which names are one body (issue #12): a place the tagger calls an organisation once is
still a place, never the company a later "the company said" points back to; a catalogued
body glossed by its acronym and the acronym written later are one speaker."""

from __future__ import annotations


def test_place_tagged_as_organisation_is_not_the_company(extract_text):
    text = (
        "Meta said on Friday it had removed about 200 Facebook accounts that targeted "
        "Moldova's voters before the referendum.\n\n"
        "The accounts were run from Moldova and Belarus, the company said in its report."
    )
    extraction = extract_text(text, published="2024-10-18")
    assert {s.name for s in extraction.speakers} == {"Meta"}
    assert [c.speaker for c in extraction.claims] == ["Meta", "Meta"]


def test_acronym_tagged_as_place_elsewhere_still_speaks(extract_text):
    text = (
        "Prosecutors charged two employees of the broadcaster RT on Monday. "
        "In a statement, RT said the charges were absurd."
    )
    extraction = extract_text(text, published="2024-09-05")
    assert "RT" in {s.name for s in extraction.speakers}


def test_a_catalogued_body_and_its_acronym_are_one_speaker(extract_text):
    text = (
        "The Pakistan Telecommunication Authority (PTA) on Friday blocked the app, saying "
        "it had ignored a final notice.\n\n"
        '"Directions have been issued for blocking the application," the PTA said.'
    )
    extraction = extract_text(text, published="2020-10-09")
    assert [s.name for s in extraction.speakers] == ["Pakistan Telecommunication Authority"]
