"""Demands in the ways news writes them, labelled by the asked action and its object."""

from __future__ import annotations

import pytest


def demands_of(extract_text, text):
    found = extract_text(text).demands
    for demand in found:
        assert text[demand.start : demand.end] == demand.text
    return [d.value for d in found]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "The regulator ordered the platform to delete the livestream footage by Friday.",
            ["remove_content"],
        ),
        (
            "A magistrate issued an injunction requiring the app to hide the clips nationwide.",
            ["remove_content"],
        ),
        ("Broadcasters were asked to take down the videos within a day.", ["remove_content"]),
        (
            "Minister Lena Hart urged the companies to suspend the fake profiles.",
            ["remove_accounts"],
        ),
        (
            "Lena Hart called on the firm to restore the pages it had frozen.",
            ["restore"],
        ),
        (
            "The telecom authority directed providers to cut access to all messaging apps.",
            ["block_access"],
        ),
        (
            "A court warrant required the company to hand over records on the profiles.",
            ["share_account_holder_data"],
        ),
        (
            "Lena Hart urged the companies to use the list to find and disable copycat accounts.",
            ["detect_and_report"],
        ),
        (
            "Lena Hart gave the platform 48 hours to explain how it handles illegal content.",
            ["explain_or_respond"],
        ),
        (
            "Lena Hart asked the firm to stay in touch with the police and to answer quickly.",
            ["cooperate_with_authorities", "explain_or_respond"],
        ),
        (
            "A senator, Omar Diaz, urged the government to open an inquiry into the network.",
            ["investigate"],
        ),
        (
            "Omar Diaz said the case should be examined and the organisers prosecuted.",
            ["investigate", "legal_action"],
        ),
        (
            "The agency sent the company a formal request for information on Tuesday.",
            ["explain_or_respond"],
        ),
        (
            "Lena Hart told him the service must make sure harmful content is not amplified.",
            ["remove_content"],
        ),
        (
            "Lena Hart demanded that the operators be arrested.",
            ["legal_action"],
        ),
        (
            '"Platforms must track down these profiles and close them quickly," said Mira Osei.',
            ["remove_accounts"],
        ),
        (
            "The regulator told the companies they should find those bots and delete them.",
            ["remove_accounts"],
        ),
        (
            "The ministry ordered the platform to withhold 90 accounts inside the country.",
            ["remove_accounts"],
        ),
        (
            "Operators received a directive from the Harbour Telecoms Authority to suspend "
            "access to the messaging service.",
            ["block_access"],
        ),
        (
            "Mira Osei said the platforms should share the complete dataset so that "
            "researchers can check the figures.",
            ["explain_or_respond"],
        ),
        (
            "Mira Osei urged the firms to release their evidence on the network.",
            ["explain_or_respond"],
        ),
        (
            "Mira Osei urged the site to share details of the account holders with the police.",
            ["share_account_holder_data"],
        ),
        (
            "Mira Osei urged the networks to hand over everything they know to the police.",
            ["share_account_holder_data"],
        ),
        (
            "Mira Osei called on the sites to turn over what they had found to investigators.",
            ["share_account_holder_data"],
        ),
        ("The court ordered Telegram suspended across the country.", ["block_access"]),
        ("The judge ordered the accounts blocked.", ["remove_accounts"]),
        ("Mira Osei said the firm will have to explain its decision.", ["explain_or_respond"]),
        ("The court ordered the posts removed within a day.", ["remove_content"]),
    ],
)
def test_demand_forms_and_labels(extract_text, text, labels):
    assert demands_of(extract_text, text) == labels


def test_what_is_asked_for_not_who_is_asked(extract_text):
    text = "Lena Hart asked the companies for an investigation into the campaign."
    assert demands_of(extract_text, text) == ["investigate"]


def test_an_ask_outside_the_taxonomy_keeps_its_words(extract_text):
    text = "Lena Hart urged the platform to hire more moderators."
    assert demands_of(extract_text, text) == ["other: the platform to hire more moderators"]


@pytest.mark.parametrize(
    "text",
    [
        "Do you think platforms should remove violent videos?",
        "Police urged users to report suspicious profiles to the hotline.",
        "Lena Hart told reporters that the accounts had been removed.",
        "The firm could be fined up to $500,000 a day if it fails to comply.",
        "Lena Hart did not ask the company to remove the posts.",
        "We will keep helping the police by answering valid requests for information.",
        "She argued that no single country should be able to decide what people see.",
        "Lena Hart urged the platforms to investigate and take action against the accounts.",
        "Lena Hart asked the platforms for help in the matter.",
        "The agency advised users to change their passwords.",
        "The minister threatened to fine the company if it did not comply.",
        "The police warned that anyone sharing the clip could face a fine.",
        "Operators received a directive to cut costs from the head office.",
        "The platform handed over its findings to the police, Mira Osei said.",
        "The minister said the firm would have to pay a heavy fine if it failed to act.",
        "The government could order operators to cut access, Mira Osei said.",
        "Under the law, platforms can be ordered to remove posts.",
    ],
)
def test_not_demands_or_not_these_labels(extract_text, text):
    found = demands_of(extract_text, text)
    assert "investigate" not in found
    assert [d for d in found if not d.startswith("other: ")] in ([], ["remove_accounts"])
    if "investigate and take action" not in text:
        assert found == []


def test_partners_referred_back_to_can_ask(extract_text):
    text = (
        "The FBI worked with police in three countries. "
        "The partners urged platforms to find and remove accounts built the same way."
    )
    assert demands_of(extract_text, text) != []


@pytest.mark.parametrize(
    ("text", "wording"),
    [
        (
            "Judge Ada Moor ordered the app on Friday to delete the clips.",
            "ordered the app on Friday to delete",
        ),
        ("The broadcasters were asked to take down the videos.", "asked to take down"),
        ("Lena Hart told the firm it must reply within two days.", "must reply"),
        ("The agency sent the firm a request for information.", "request for information"),
    ],
)
def test_a_demand_keeps_the_words_from_the_ask_to_the_action(extract_text, text, wording):
    (demand,) = extract_text(text).demands
    assert demand.text == wording
    assert text[demand.start : demand.end] == wording


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "Lena Hart said the firm had a legal duty under the new law. "
            "She said this meant deleting violent clips quickly and protecting free speech.",
            ["remove_content"],
        ),
        (
            "Omar Diaz said the obligation meant taking steps to limit harmful content.",
            ["remove_content"],
        ),
        ("Omar Diaz said this meant deleting violent clips quickly.", []),
        ("Omar Diaz said the delay meant losing the clips.", []),
    ],
)
def test_a_duty_spelled_out_asks_for_what_it_means(extract_text, text, labels):
    assert demands_of(extract_text, text) == labels


def test_a_duty_spelled_out_keeps_its_while_clause(extract_text):
    text = (
        "Lena Hart said the firm had a duty under the charter. She said this meant "
        "protecting free speech, press freedom included, while also taking firm steps "
        "to limit the spread of violent content."
    )
    assert "remove_content" in demands_of(extract_text, text)


def test_in_order_to_asks_nothing(extract_text):
    text = "Lena Hart said the operators used stolen photos in order to hide who they were."
    assert demands_of(extract_text, text) == []


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # A Facebook Page is an account, also capitalised.
        (
            "Maria Lopez urged Facebook to take down the Pages that were still online.",
            ["remove_accounts"],
        ),
        # Lifting a limit on accounts restores them.
        (
            "Maria Lopez demanded that Meta lift restrictions it had imposed on the accounts "
            "of three broadcasters.",
            ["restore"],
        ),
        (
            "Maria Lopez asked the company to remove the limits on the official accounts of "
            "two newspapers.",
            ["restore"],
        ),
        # An inquiry into who did something is investigate.
        (
            "Maria Lopez urged the auditors to investigate who had paid for the adverts.",
            ["investigate"],
        ),
        (
            "According to Maria Lopez, the prosecutors must study who funded the pages and "
            "with what money.",
            ["investigate"],
        ),
        # Contact lines with officials are cooperation; disclosure by an authority is an
        # explanation.
        (
            "Maria Lopez said the ministry would ask the firm to open a direct line to "
            "officials, to remove hateful posts within hours and to explain its delays.",
            ["cooperate_with_authorities", "explain_or_respond", "remove_content"],
        ),
        (
            "Maria Lopez called on the regulator to make public the rules it applied to "
            "the videos.",
            ["explain_or_respond"],
        ),
        # A person asked for as someone to reach is a contact with the authorities.
        (
            "Maria Lopez urged the app to name a person the regulator can call at night.",
            ["cooperate_with_authorities"],
        ),
        # An asker in an apposition the parse hangs the verb on.
        (
            "Jane Doe, its director, called on platforms to take down the network's accounts "
            "faster.",
            ["remove_accounts"],
        ),
        (
            "Pierre Martin, its executive director, called on platforms to take down the "
            "network's accounts faster and urged the regulator to act.",
            ["remove_accounts"],
        ),
        # "It" takes up the speaker of the sentence before.
        (
            "The prosecutor's office said the posts were unlawful. It also demanded that "
            "the regulator restrict access to Instagram.",
            ["block_access"],
        ),
        # A document that asks.
        (
            "Last week a new directive told platforms to open offices in the capital.",
            ["cooperate_with_authorities"],
        ),
        # Talks with the government, resumed.
        (
            "The treasurer, Karl Webber, urged the company to move back to the negotiating table.",
            ["cooperate_with_authorities"],
        ),
        (
            "Webber said the platform should return to the table and resume talks.",
            ["cooperate_with_authorities"],
        ),
        # Access to content cut hides the content; the service stays.
        (
            "The company said the government had instructed it to restrict access to content "
            "the government deems illegal.",
            ["remove_content"],
        ),
        (
            "The regulator instructed the operators to restrict access to the platform.",
            ["block_access"],
        ),
    ],
)
def test_asks_in_newer_coverage(extract_text, text, labels):
    assert (
        sorted(v for v in demands_of(extract_text, text) if not v.startswith("other: ")) == labels
    )


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # Asking to cease a removal is no removal.
        ("Maria Lopez urged Facebook to stop taking down pages that back the party.", []),
        # Lifting a block on a service restores no accounts.
        ("Maria Lopez urged the government to lift the block.", []),
        # Weighing a solution asks no inquiry.
        ("Maria Lopez urged the ministry to study a solution to restore access.", []),
        # A means asked for is the ask, not what it is for.
        (
            "Maria Lopez said the app had to agree to a complaints procedure for taking down "
            "unlawful videos.",
            [],
        ),
        # A record of a platform's removals, asked of a platform, is outside the taxonomy;
        # asked of the authority that acted, it is an explanation.
        (
            "Maria Lopez called on the company to publish the full list of the Pages it had "
            "removed.",
            [],
        ),
        (
            "Maria Lopez urged the ministry to publish the list of channels it had blocked.",
            ["explain_or_respond"],
        ),
        # Detection in the taxonomy is of accounts.
        (
            "The firm has been pressed by senators to do more to detect foreign influence "
            "campaigns.",
            [],
        ),
    ],
)
def test_asks_that_are_not_their_action(extract_text, text, labels):
    assert [v for v in demands_of(extract_text, text) if not v.startswith("other: ")] == labels


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minister said the platforms had ignored government requests to remove"
            " inflammatory content.",
            ["remove_content"],
        ),
        (
            "Access would be restored once the companies cooperated with the authorities,"
            " the minister said.",
            ["cooperate_with_authorities"],
        ),
        (
            "Access was restored once the companies cooperated with the authorities, the"
            " minister said.",
            [],
        ),
    ],
)
def test_asks_invitations_and_conditions_of_relief(extract_text, text, expected):
    assert [d.value for d in extract_text(text).demands] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Senator Ana Ruiz has urged social media companies to share such data more"
            " quickly with researchers and with Congress.",
            ["other"],
        ),
        ("Ana Ruiz said other developers should publish similar reports every quarter.", ["other"]),
        (
            "Ana Ruiz called on Facebook to publish its criteria for removing accounts.",
            ["explain_or_respond"],
        ),
        (
            "Ana Ruiz urged the company to share the data of the account holders with the police.",
            ["share_account_holder_data"],
        ),
        (
            "Ana Ruiz, who directs the Lumen Votes group, urged the state election office to look"
            " into whether any of the work was paid for with campaign money.",
            ["investigate"],
        ),
    ],
)
def test_publishing_material_is_no_explanation(extract_text, text, expected):
    assert [d.value.split(":")[0] for d in extract_text(text).demands] == expected
