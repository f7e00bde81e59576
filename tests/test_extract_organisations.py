"""Organisations and platforms as speakers, their later references, and who is not one."""

from __future__ import annotations

import pytest

from extract.organisations import organisation_mentions


def names(extraction):
    return sorted(s.name for s in extraction.speakers)


def claim_speakers(extraction):
    return [c.speaker for c in extraction.claims]


def test_a_platform_speaks_and_the_company_refers_back(extract_text):
    text = (
        "Facebook said on Friday it had removed a ring of fake profiles aimed at voters. "
        "The profiles posed as students and shared cartoons. "
        '"We acted as soon as we found it," the company said.'
    )
    extraction = extract_text(text)
    assert names(extraction) == ["Facebook"]
    assert claim_speakers(extraction) == ["Facebook", "Facebook"]
    [speaker] = extraction.speakers
    assert ("company", "role") in {(a.text, a.kind) for a in speaker.aliases}


def test_it_said_refers_to_the_organisation_last_credited(extract_text):
    text = (
        "OpenAI announced that it had banned a cluster of chatbot users. "
        "It said the cluster wrote posts about a distant election."
    )
    assert claim_speakers(extract_text(text)) == ["OpenAI", "OpenAI"]


def test_an_organisation_voice_credits_the_organisation(extract_text):
    text = (
        "A Meta spokesperson said the pages had been taken down. "
        "Microsoft's report said the group had rented servers abroad."
    )
    assert claim_speakers(extract_text(text)) == ["Meta", "Microsoft"]


def test_a_team_of_a_platform_speaks_for_the_platform(extract_text):
    text = "X's Global Government Affairs team said the posts had been hidden in the region."
    assert names(extract_text(text)) == ["X"]


def test_a_spokesperson_for_a_person_is_not_that_person(extract_text):
    text = "A spokesman for Omar Delacroix said the senator would not comment."
    assert extract_text(text).speakers == ()


def test_the_catalogue_gives_one_name_to_many_spellings(extract_text):
    text = (
        "Google's Threat Analysis Group said it had closed hundreds of channels. "
        "TAG added that the channels drew few views."
    )
    extraction = extract_text(text)
    assert names(extraction) == ["Google Threat Analysis Group"]
    [speaker] = extraction.speakers
    written = {(a.text, a.kind) for a in speaker.aliases}
    assert ("Google's Threat Analysis Group", "alias") in written
    for alias in speaker.aliases:
        assert text[alias.start : alias.end] == alias.text


def test_a_bare_name_word_refers_to_the_full_organisation_named_before(extract_text):
    text = (
        "The European Commission opened an inquiry into the app in March. "
        "The Commission said the app had ignored two warnings."
    )
    assert names(extract_text(text)) == ["European Commission"]


def test_the_ministry_resolves_to_the_ministry_named_before(extract_text):
    text = (
        "Analysts traced the pages to the Ministry of Transport and Harbours. "
        "The ministry said the pages were run by volunteers."
    )
    assert names(extract_text(text)) == ["Ministry of Transport and Harbours"]


def test_news_outlets_credited_for_a_quote_are_not_speakers(extract_text):
    text = "Reuters reported that the channels had been closed."
    assert extract_text(text).speakers == ()


def test_a_surname_after_an_introduction_is_the_person_introduced(extract_text):
    text = (
        "The reply came from the chief executive, Sofia Lindqvist. "
        "Lindqvist said the firm had removed the posts."
    )
    assert names(extract_text(text)) == ["Sofia Lindqvist"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Senator Wilma Trask went further, deleting her own profile and saying the firm "
            "should be fined.",
            "Wilma Trask",
        ),
        (
            "Premier Ellis Vantongeren weighed in on Tuesday, calling the owner of the app arrogant.",
            "Ellis Vantongeren",
        ),
    ],
)
def test_a_participle_reports_the_statement_of_the_main_verbs_subject(extract_text, text, speaker):
    assert names(extract_text(text)) == [speaker]


def test_a_pronoun_after_an_introduction_is_the_person_introduced(extract_text):
    text = (
        "Commissioner Pieter Van Hal wrote to the company on Monday. "
        "The company's answer came from its chief executive, Nadia Sorensen. "
        "She said the company had removed the posts."
    )
    assert claim_speakers(extract_text(text)) == ["Pieter Van Hal", "Nadia Sorensen"]


def test_both_speakers_of_a_joint_statement_are_credited(extract_text):
    text = "Meta and OpenAI said they had removed the network."
    assert names(extract_text(text)) == ["Meta", "OpenAI"]


def test_a_dateline_is_not_the_speaker(extract_text):
    text = "LISBON (Coastal Wire) - Meta said on Monday it had removed the network."
    extraction = extract_text(text)
    assert names(extraction) == ["Meta"]
    assert extraction.claims[0].cue.text == "said"


def test_a_verb_inside_what_is_reported_does_not_attribute(extract_text):
    text = "One post claimed that Senator Odile Marchand had declared herself queen."
    assert extract_text(text).speakers == ()


def test_an_appositive_description_lets_a_later_noun_refer_back(extract_text):
    text = (
        "The analysis comes from the Baltic Cyber Agency, the national watchdog on online fraud. "
        "The sites, the watchdog found, copy each other."
    )
    assert claim_speakers(extract_text(text)) == ["Baltic Cyber Agency"]


def test_a_second_clause_with_its_own_speaker_credits_it(extract_text):
    text = "Commissioner Lena Hartmann said the pages were fake, and Meta rejected the claim."
    assert names(extract_text(text)) == ["Lena Hartmann", "Meta"]


def test_an_organisation_named_after_a_person_is_not_the_person(extract_text):
    text = (
        "Senator Paul Okafor spoke first. Okafor's campaign said the posts were forged. "
        "A campaign spokesperson added that lawyers were involved."
    )
    extraction = extract_text(text)
    assert names(extraction) == ["Okafor campaign"]
    assert claim_speakers(extraction) == ["Okafor campaign", "Okafor campaign"]


def test_a_title_ner_took_for_an_organisation_is_not_a_speaker(extract_text):
    text = "Meta's Global Head of Safety, Priya Raman, explained that the scams were crude."
    assert names(extract_text(text)) == ["Priya Raman"]


def test_an_organisation_name_is_whole_across_and(nlp, resources):
    doc = nlp("Ruritania's Ministry of Culture and Heritage Protection has denied paying for it.")
    labels = {m.label for m in organisation_mentions(doc, resources)}
    assert "Ministry of Culture and Heritage Protection" in labels


def test_two_companies_joined_by_and_stay_two(nlp, resources):
    doc = nlp("Acme Robotics and Globex Systems said the accounts had been removed.")
    labels = {m.label for m in organisation_mentions(doc, resources)}
    assert not any(" and " in label for label in labels)


def test_he_after_an_organisation_is_not_a_person_only_mentioned(extract_text):
    text = (
        "The Ministry of Ports said the report was false. "
        "The report named Senator Hal Brooks among its targets. "
        "The ministry does not run such campaigns, he said."
    )
    assert names(extract_text(text)) == ["Ministry of Ports"]


def test_a_surname_goes_to_the_one_credited_of_two_namesakes(extract_text):
    text = (
        "President Aurelio Santos told the company to talk to his government. "
        "He praised his daughter Maria Santos. "
        "Mr Santos accused the platform of bias."
    )
    assert names(extract_text(text)) == ["Aurelio Santos"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The regulator Ofcom said on Monday that two video apps had ignored its notices. "
            "Ofcom added that it would publish the notices.",
            "Ofcom",
        ),
        (
            "Researchers at the ISD found that a ring of 40 pages had pushed the same cartoons. "
            "The Institute for Strategic Dialogue said the pages were run from one office.",
            "Institute for Strategic Dialogue",
        ),
        (
            "The U.S. State Department said on Thursday that the outlets were fronts. "
            "A State Department spokesperson declined to name the officials involved.",
            "US State Department",
        ),
    ],
)
def test_catalogued_bodies_speak_under_one_name(extract_text, text, expected):
    """Every written form of a catalogued body, acronym included, credits one canonical name."""
    extraction = extract_text(text)
    assert names(extraction) == [expected]
    assert set(claim_speakers(extraction)) == {expected}


def test_a_posted_body_is_named_with_its_place(extract_text):
    text = "The Iranian Embassy in Ottawa said on Monday that the accusations were baseless."
    names = {s.name for s in extract_text(text).speakers}
    assert names == {"Iranian Embassy in Ottawa"}


def test_a_body_not_posted_stops_at_its_name(extract_text):
    text = "The Iranian Embassy said on Monday that the visas were valid."
    assert {s.name for s in extract_text(text).speakers} == {"Iranian Embassy"}


def test_a_catalogued_ministry_speaks_under_its_formal_name(extract_text):
    # canonical names of ministries are the formal "Ministry of ..." (gold convention)
    text = "China's foreign ministry said on Friday that the accounts were run by students."
    assert {s.name for s in extract_text(text).speakers} == {"Chinese Ministry of Foreign Affairs"}
