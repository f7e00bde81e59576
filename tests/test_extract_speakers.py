"""Speakers, their titles as written, and attribution in many phrasings."""

from __future__ import annotations

import pytest

from extract.names import same_person


def speakers(extraction):
    return {s.name: sorted({t.text for t in s.titles}) for s in extraction.speakers}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Interior Minister Mohsin Naqvi said the accounts were run from abroad.",
            {"Mohsin Naqvi": ["Interior Minister"]},
        ),
        (
            "“The campaign was run from abroad,” said Interior Minister Mohsin Naqvi.",
            {"Mohsin Naqvi": ["Interior Minister"]},
        ),
        ("“The campaign was run from abroad,” Mohsin Naqvi told reporters.", {"Mohsin Naqvi": []}),
        (
            "Fawad Hussain, the federal information minister, said 350 accounts were blocked.",
            {"Fawad Hussain": ["federal information minister"]},
        ),
        (
            "Federal Minister for Information Attaullah Tarar claimed that the accounts were fake.",
            {"Attaullah Tarar": ["Federal Minister for Information"]},
        ),
        (
            "Pakistan's Deputy Interior Minister Talal Chaudhry urged platforms to act.",
            {"Talal Chaudhry": ["Deputy Interior Minister"]},
        ),
        (
            "Minister of State for Law and Justice Barrister Aqeel Malik said the groups were banned.",
            {"Aqeel Malik": ["Barrister", "Minister of State for Law and Justice"]},
        ),
        (
            "According to Foreign Office spokesperson Shafqat Ali Khan, the matter is under review.",
            {"Shafqat Ali Khan": ["Foreign Office spokesperson"]},
        ),
        (
            "Bilawal Bhutto Zardari demanded that the government unblock the platform.",
            {"Bilawal Bhutto Zardari": []},
        ),
        (
            "Pakistan’s Ministry of Information has urged technology companies to act.",
            {"Ministry of Information": []},
        ),
        ("Meta said in a statement that it had removed the network.", {"Meta": []}),
    ],
)
def test_speaker_and_titles(extract_text, text, expected):
    assert speakers(extract_text(text)) == expected


def test_surname_role_and_pronoun_resolve_to_the_full_speaker(extract_text):
    text = (
        "Minister of State for Interior Talal Chaudhry on Monday alleged that a party ran paid campaigns. "
        "Chaudhry said the accounts were fake. The minister said the evidence came from X. "
        "He added that payments were made in dollars."
    )
    extraction = extract_text(text)
    assert [s.name for s in extraction.speakers] == ["Talal Chaudhry"]
    assert [c.speaker for c in extraction.claims] == ["Talal Chaudhry"] * 4
    kinds = {(a.text, a.kind) for a in extraction.speakers[0].aliases}
    assert {("Chaudhry", "surname"), ("minister", "role"), ("He", "pronoun")} <= kinds
    assert extraction.claims[0].is_main


def test_two_speakers_and_pronouns_follow_the_latest(extract_text):
    text = (
        "Interior Minister Mohsin Naqvi said the accounts were fake. "
        "Law Minister Azam Nazeer Tarar said new rules were coming. He added that courts would decide."
    )
    claims = extract_text(text).claims
    assert [c.speaker for c in claims] == ["Mohsin Naqvi", "Azam Nazeer Tarar", "Azam Nazeer Tarar"]


def test_non_speakers_are_not_speakers(extract_text):
    text = (
        "Pakistan urged platforms to block the accounts. Analysts said the trend was worrying. "
        "A spokesman for Imran Khan said the party would appeal. The National Action Plan called for action."
    )
    assert extract_text(text).speakers == ()


def test_claim_spans_point_into_the_text(extract_text):
    text = "Officials met on Sunday. Interior Minister Mohsin Naqvi said the accounts were fake."
    extraction = extract_text(text)
    for claim in extraction.claims:
        assert text[claim.start : claim.end] == claim.text
        assert text[claim.cue.start : claim.cue.end] == claim.cue.text
    for speaker in extraction.speakers:
        for mention in (*speaker.aliases, *speaker.titles):
            assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Tallal Chaudhry", "Talal Chaudhry", True),
        ("Shehbaz Sharif", "Shahbaz Sharif", True),
        ("Asif Ali Zardari", "Asif Zardari", True),
        ("Talal Chaudhry", "Fawad Chaudhry", False),
        ("Nawaz Sharif", "Shehbaz Sharif", False),
        ("Maryam Nawaz", "Maryam Aurangzeb", False),
    ],
)
def test_spelling_variants_are_one_person_and_shared_surnames_are_not(a, b, same):
    assert same_person(a, b) is same


def test_the_framing_verb_attributes_the_sentence(extract_text):
    text = (
        "Hafeez Ur Rehman, chairman of the Pakistan Telecommunication Authority (PTA), told a committee "
        "that 2,500 accounts were blocked. The PTA has asked TikTok to remove another 300 channels, Rehman added."
    )
    extraction = extract_text(text)
    assert [c.speaker for c in extraction.claims] == ["Hafeez Ur Rehman", "Hafeez Ur Rehman"]
    assert speakers(extraction) == {
        "Hafeez Ur Rehman": ["chairman of the Pakistan Telecommunication Authority (PTA)"]
    }


def test_a_headline_line_is_its_own_sentence(extract_text):
    text = (
        "Pakistan urges platforms to block accounts run by banned groups\n"
        "Interior Minister Mohsin Naqvi said on Monday that 300 accounts had been traced."
    )
    [claim] = extract_text(text).claims
    assert (
        claim.text
        == "Interior Minister Mohsin Naqvi said on Monday that 300 accounts had been traced."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Attorney General Rosa Villanueva said the servers had been seized.",
            {"Rosa Villanueva": ["Attorney General"]},
        ),
        (
            "The navy chief, Vice Admiral Tomas Ekdahl, said the patrols would continue.",
            {"Tomas Ekdahl": ["Vice Admiral", "navy chief"]},
        ),
        (
            "Canada's top diplomat, Helene Fortier, said the embassy had been warned.",
            {"Helene Fortier": ["Canada's top diplomat"]},
        ),
        (
            "Canada's Deputy Trade Minister Helene Fortier said the tariffs would stay.",
            {"Helene Fortier": ["Deputy Trade Minister"]},
        ),
        (
            "Independent senator Marcus Hale said the law went too far.",
            {"Marcus Hale": ["Independent senator"]},
        ),
        (
            "Ines Albrecht, a principal investigator on the agency's fraud and abuse team, "
            "said the accounts were linked.",
            {"Ines Albrecht": ["principal investigator on the agency's fraud and abuse team"]},
        ),
        (
            "Ravi Menon, the deputy press secretary to President Ana Duarte, said the posts were false.",
            {"Ravi Menon": ["deputy press secretary"]},
        ),
        (
            "The company's reply came from its chief executive, Lena Marsh. "
            "Marsh said the posts had been removed.",
            {"Lena Marsh": ["chief executive"]},
        ),
    ],
)
def test_titles_are_whole_and_as_written(extract_text, text, expected):
    assert speakers(extract_text(text)) == expected


def test_a_title_in_apposition_to_a_surname_is_kept(extract_text):
    text = (
        "Commissioner Ottavio Brandt wrote to the firm on Monday. "
        "Brandt, the Commissioner for Digital Markets, said the firm had a week to answer."
    )
    assert speakers(extract_text(text)) == {
        "Ottavio Brandt": ["Commissioner", "Commissioner for Digital Markets"]
    }
