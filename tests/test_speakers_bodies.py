"""Bodies that speak and the names they speak under, on sentences written for these
tests (issue #12): parties glossed by an acronym, a body speaking through its
officer, voices of a body ("researchers at X"), several bodies speaking together,
a person known by one name, an office owned by its minister; and who does not speak
(people a passive speech verb is about, background in a clause of time)."""

from __future__ import annotations

import pytest


def speakers(extraction):
    return {s.name: sorted({t.text for t in s.titles}) for s in extraction.speakers}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The opposition Democratic Alliance (DA) said the decision was unconstitutional.",
            {"DA": []},
        ),
        (
            "The ruling Peoples Unity Party (PUP) said in a statement on Friday that it "
            "welcomed the ban.",
            {"PUP": []},
        ),
        (
            "The Kenya Union of Journalists (KUJ) condemned the shutdown and said it would "
            "go to court.",
            {"Kenya Union of Journalists": []},
        ),
        (
            "The Media Rights Agenda (MRA) said the suspension violated the constitution. "
            "MRA added that it would sue.",
            {"Media Rights Agenda": []},
        ),
    ],
)
def test_a_party_glossed_by_an_acronym_speaks_under_it(extract_text, text, expected):
    assert speakers(extract_text(text)) == expected


def test_the_acronym_written_again_is_the_same_body(extract_text):
    text = (
        "The Media Rights Agenda (MRA) said the suspension violated the constitution. "
        "MRA added that it would sue."
    )
    (body,) = extract_text(text).speakers
    assert [a.text for a in body.aliases] == ["Media Rights Agenda", "MRA", "MRA"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Ghana Bar Association (GBA), through its President, Mr Kwame Boateng, "
            "described the suspension as unlawful and said it would challenge it in court.",
            {"Ghana Bar Association": [], "Kwame Boateng": ["President"]},
        ),
        (
            "The Retail Traders Association, through its spokesman, Kofi Mensah, said shops "
            "would stay shut.",
            {"Retail Traders Association": [], "Kofi Mensah": ["spokesman"]},
        ),
    ],
)
def test_a_body_through_its_officer_credits_both(extract_text, text, expected):
    assert speakers(extract_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Researchers at the Oxford Internet Institute said the network was small.",
            {"Oxford Internet Institute": []},
        ),
        (
            "Lawmakers from the opposition Green Party (GP) said they would appeal the ruling.",
            {"GP": []},
        ),
    ],
)
def test_voices_at_or_from_a_body_credit_it(extract_text, text, expected):
    assert speakers(extract_text(text)) == expected


def test_bodies_of_several_countries_speak_as_one(extract_text):
    text = (
        "The embassies of France, Germany and Italy said in a joint statement that the "
        "ban should be lifted."
    )
    assert speakers(extract_text(text)) == {"Embassies of France, Germany and Italy": []}


def test_the_government_of_several_countries_is_not_a_speaker(extract_text):
    text = "The governments of France and Germany said the ban should be lifted."
    assert speakers(extract_text(text)) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The singer Adele, who has 50 million followers, wrote on Instagram that she "
            "was leaving the platform.",
            {"Adele": ["singer"]},
        ),
        (
            "The actress Zendaya told fans she would quit the app.",
            {"Zendaya": ["actress"]},
        ),
    ],
)
def test_a_one_word_name_after_the_noun_that_describes_it(extract_text, text, expected):
    assert speakers(extract_text(text)) == expected


def test_the_fullest_name_of_a_body_is_its_name(extract_text):
    text = (
        "The Federal Government of Ghana announced the ban on Friday. The Federal "
        "Government said the platform had been used to spread falsehoods."
    )
    assert speakers(extract_text(text)) == {"Federal Government of Ghana": []}


@pytest.mark.parametrize(
    ("text", "office"),
    [
        (
            "The minister for information, Lai Bello, said on Friday that the ban would "
            "stay. On Saturday, Mr Bello's ministry said offenders would be prosecuted.",
            "Ministry of Information",
        ),
    ],
)
def test_a_ministers_ministry_is_the_office_of_his_title(extract_text, text, office):
    assert set(speakers(extract_text(text))) == {"Lai Bello", office}


def test_a_ministry_of_an_untitled_person_is_nobody(extract_text):
    text = "Ahmed Bello's ministry said the order would be enforced."
    assert speakers(extract_text(text)) == {}


def test_the_company_after_a_sentence_that_only_names_it(extract_text):
    text = (
        "X said it would appeal. Where did the users go? Bluesky, mostly. The company "
        "said it had its best weekend ever for sign-ups."
    )
    assert set(speakers(extract_text(text))) == {"X", "Bluesky"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kofi Annan's policy was mentioned by several speakers. Kwame Asante said the "
            "ban was wrong.",
            {"Kwame Asante": []},
        ),
        (
            "A third man, Omar Haddad, was described in the indictment as a go-between. "
            "Twitter said it had suspended his accounts.",
            {"Twitter": []},
        ),
        (
            "Meta began looking into the network after researchers at Graphika published "
            "work on it. Meta said the accounts were run from abroad.",
            {"Meta": []},
        ),
    ],
)
def test_who_is_only_spoken_of_does_not_speak(extract_text, text, expected):
    assert speakers(extract_text(text)) == expected


def test_the_party_is_not_the_one_it_speaks_about(extract_text):
    text = (
        "Twitter removed accounts that promoted the ruling Progressive Party (RPP). "
        "Nova stranka (New Party) said the affair had shamed the country. What the RPP "
        "had spent must be made public, the party said."
    )
    assert "RPP" not in speakers(extract_text(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "X has some 40 million users in the country. The platform's global affairs "
            "account says it will publish the demands.",
            {"X"},
        ),
        (
            "Meta removed the network on Tuesday. The company's spokesman said more "
            "removals would follow.",
            {"Meta"},
        ),
    ],
)
def test_the_voice_of_a_reference_speaks_for_its_organisation(extract_text, text, expected):
    assert set(speakers(extract_text(text))) == expected


def test_a_body_shortened_to_its_first_word_is_the_body(extract_text):
    text = (
        "The data was shared with the Princeton Media Lab. The Princeton team said the "
        "network was small. Princeton said the accounts had few followers."
    )
    assert speakers(extract_text(text)) == {"Princeton Media Lab": []}


def test_a_body_shortened_past_its_country_is_the_body(extract_text):
    # "Treasury" after "the US Treasury Department": the country is no part of the short form
    text = (
        "The US Treasury Department announced sanctions on four Iranian firms on Tuesday. "
        "In its announcement, Treasury said the firms had run fake news sites."
    )
    assert set(speakers(extract_text(text))) == {"US Treasury Department"}


def test_adding_a_thing_to_a_list_is_no_statement(extract_text):
    text = "The Ruritanian Trade Ministry added the two firms to its export blacklist in May."
    assert speakers(extract_text(text)) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Its security chief, Dana Whitfield, left the company last week, and Omar Reyes, "
            "the chief operating officer, is scheduled to testify before the Senate next month.",
            {},
        ),
        (
            "The judge ordered Telegram to inform users of the block. Priya Shah, a lawyer, "
            "said the order was lawful.",
            {"Priya Shah": ["lawyer"]},
        ),
        (
            "According to the court, the company repeatedly failed to answer its letters.",
            {},
        ),
        (
            "The report names a group of aides accused of coordinating the attacks on "
            "critics, led by Tomas Ferreira.",
            {},
        ),
    ],
)
def test_speech_planned_failed_or_ordered_is_not_made(extract_text, text, expected):
    assert speakers(extract_text(text)) == expected


def test_speech_a_court_requires_in_the_subjunctive_is_not_made(extract_text):
    text = (
        "The judge also ordered the removal of a post and determined that Snapchat inform "
        "the court of all the measures it has adopted."
    )
    assert "Snapchat" not in speakers(extract_text(text))


def test_the_indicative_of_the_same_verb_still_reports(extract_text):
    text = "Snapchat informed the court on Monday that it had removed the post."
    assert "Snapchat" in speakers(extract_text(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The foreign ministry said on Monday that the accounts were run from abroad.",
            {"Foreign Ministry": []},
        ),
        (
            "Kenya's interior ministry said on Monday that it had blocked the app. The "
            "ministry added that the company had ignored three letters.",
            {"Kenya's Interior Ministry": []},
        ),
        # an office named by no portfolio, or not made definite, is nobody
        ("A ministry said the app was blocked.", {}),
        ("The ministry said the app was blocked.", {}),
    ],
)
def test_an_office_written_in_lower_case_after_its_portfolio_speaks(extract_text, text, expected):
    assert speakers(extract_text(text)) == expected


def test_a_dateline_names_no_speaker(extract_text):
    """The story after a dateline is a sentence of its own: the place in capitals is not
    the subject of its first verb, nor what "it" refers to later."""
    text = (
        "NAIROBI, March 3, 2023 (KNA) - Kenya's interior ministry has told the High "
        "Court that it blocked the app because the company ignored its requests.\n\n"
        "The company removed 40 accounts that it said were fake."
    )
    assert set(speakers(extract_text(text))) == {"Kenya's Interior Ministry"}


def test_a_body_named_after_the_noun_that_describes_it_whatever_ner_calls_it(extract_text):
    """NER reads "Article 19" as a law; after "the rights group" it is the group's name,
    and the group, not the company named before, is who urged."""
    text = (
        "Google said it had removed the videos. The London-based rights group Article 19 "
        "urged the government to restore the internet."
    )
    assert set(speakers(extract_text(text))) == {"Google", "Article 19"}
