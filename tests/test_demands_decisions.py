"""Demands in how news reports a court's or regulator's decision, in sentences written
for these tests: what it "determined", the conditions set for lifting a ban, a list of
items after a ruling, a duty restated; and what only looks like an ask: a law's standing
duty, a platform's own plans, a prediction, a nominal phrase, a reporting verb's object."""

from __future__ import annotations

import pytest


def labels_of(extract_text, text):
    found = extract_text(text).demands
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
    return sorted(m.value for m in found if not m.value.startswith("other: "))


def all_of(extract_text, text):
    return sorted(m.value for m in extract_text(text).demands)


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "The regulator determined that the company inform the tribunal of every step it "
            "has taken against fake news.",
            ["explain_or_respond"],
        ),
        (
            "The suspension will stay until the firm pays the fines, and indicates to the "
            "tribunal its legal representative in Peru.",
            ["cooperate_with_authorities"],
        ),
        (
            "The agency said the firm remained obliged to set up a complaints channel that "
            "meets the law and to name an authorised recipient in Austria.",
            ["cooperate_with_authorities"],
        ),
        (
            "The judge ordered the removal of a video published on the channel of the mayor.",
            ["remove_content"],
        ),
        (
            "The court sent requests for information on the users behind the profiles.",
            ["share_account_holder_data"],
        ),
        (
            "In a new ruling, the judge gave the company two days to comply with his orders. "
            "The list: name a legal representative in Chile; remove a video on the "
            "minister's channel; and report what it is doing to fight fake news.",
            ["cooperate_with_authorities", "explain_or_respond", "remove_content"],
        ),
    ],
)
def test_what_a_decision_orders(extract_text, text, labels):
    assert labels_of(extract_text, text) == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "Senator Ada Olsen said the platforms had to do more to find and remove posts "
            "from the network before it spread.",
            ["remove_content"],
        ),
        (
            "She said the platform should instead deal with the accounts of officials who "
            "spread lies.",
            ["remove_accounts"],
        ),
        (
            "Kofi Mensah called on rival platforms to check their own services for accounts "
            "linked to the same servers.",
            ["investigate"],
        ),
        (
            "Kofi Mensah said he asked Meta to release a sample of the data.",
            ["explain_or_respond"],
        ),
    ],
)
def test_calls_of_officials_and_critics(extract_text, text, labels):
    assert labels_of(extract_text, text) == labels


@pytest.mark.parametrize(
    "text",
    [
        "The Online Safety Act requires platforms to remove illegal posts within a day.",
        "Under the Act, sites are required to remove illegal posts within a day.",
        "In accordance with the legislation, the operators of messaging services are obliged "
        "to provide such information to the security services.",
        "The statute took effect in 2019. It obliges them to delete illegal videos within a day.",
        "The firm's chief said it expected to keep finding such networks.",
        "The tribunal is now expected to invite the company to sign the pact.",
        "Mr Sato said the firm expected the networks to adapt once they were exposed.",
        "The outlet, which the company described as a website pushing state-backed "
        "propaganda, was removed.",
        "The company's security chief told reporters on a call that analysts had found the "
        "network while looking into a militia.",
        "We expect announcements targeting Iranian influence efforts ahead of the vote.",
        "The minister wrote that she had determined that her team study a solution to "
        "restore access to the app.",
    ],
)
def test_what_only_looks_like_an_ask(extract_text, text):
    assert all_of(extract_text, text) == []


def test_detection_of_accounts_still_absorbs_their_removal(extract_text):
    text = "Ada Olsen urged the firms to find and disable copycat accounts."
    assert labels_of(extract_text, text) == ["detect_and_report"]


def test_urging_to_share_what_is_found_is_no_detection(extract_text):
    text = "The senator urged the companies to share more of what they find with each other."
    assert "detect_and_report" not in labels_of(extract_text, text)


def test_a_law_invoked_by_a_speaker_still_asks(extract_text):
    text = (
        "The commissioner reminded Rossi that the Online Safety Act obliges the site to "
        "take down illegal videos swiftly."
    )
    assert labels_of(extract_text, text) == ["remove_content"]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "Senator Lena Brandt called on the companies to share more data about such "
            "campaigns with academics and the public.",
            [],
        ),
        (
            "Senator Lena Brandt called on the companies to share data about the users behind "
            "the campaigns.",
            ["share_account_holder_data"],
        ),
        (
            "Mr Sato said the firm expected the networks to adapt and that outside scrutiny "
            "would help it spot new ones faster.",
            [],
        ),
    ],
)
def test_data_about_things_and_foreseen_actions(extract_text, text, labels):
    assert labels_of(extract_text, text) == labels


def test_a_law_a_speaker_cites_still_asks(extract_text):
    text = "The commissioner said that under the Act, sites are required to remove illegal posts."
    assert labels_of(extract_text, text) == ["remove_content"]


def test_what_is_expected_of_a_company_is_asked(extract_text):
    text = "The commissioner said she expected the company to answer within a day."
    assert labels_of(extract_text, text) == ["explain_or_respond"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # an asking noun as the passive subject of a verb whose "for" phrase is the action
        (
            '"Directions have been issued for blocking the Chirpy application," the '
            "regulator said.",
            "block_access",
        ),
        ("Orders were issued for the removal of 40 videos, the ministry said.", "remove_content"),
        # domains and applications are what access is blocked to
        (
            "The ministry asked internet providers to block nine domains used by Chirpy.",
            "block_access",
        ),
    ],
)
def test_orders_issued_for_an_action_and_blocked_domains(extract_text, text, label):
    assert label in {d.value for d in extract_text(text).demands}


def test_a_passive_noun_with_a_for_phrase_of_cause_asks_nothing(extract_text):
    text = "The request was made for reasons of security, the minister said."
    assert not extract_text(text).demands


@pytest.mark.parametrize(
    "text",
    [
        "The minister asked the management of Chirpy to open communication with the government.",
        "The regulator urged Chirpy to communicate with the authorities.",
    ],
)
def test_opening_communication_with_a_government_is_cooperation(extract_text, text):
    assert {d.value for d in extract_text(text).demands} == {"cooperate_with_authorities"}
