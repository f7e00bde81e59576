"""Demands as news about governments and platforms writes them, in sentences written
for these tests: orders to block a platform, nominal orders, directives received,
prosecutions ordered, and words that only look like asks."""

from __future__ import annotations

import pytest


def labels_of(extract_text, text):
    found = extract_text(text).demands
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
    return sorted(m.value for m in found if not m.value.startswith("other: "))


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "A judge on Monday ordered the suspension of Telegram across the country.",
            ["block_access"],
        ),
        ("The court ordered internet providers to block Telegram nationwide.", ["block_access"]),
        (
            "The minister directed the communications commission to suspend Twitter's "
            "operations indefinitely.",
            ["block_access"],
        ),
        (
            "The attorney general ordered the immediate prosecution of anyone who used the "
            "platform.",
            ["legal_action"],
        ),
        (
            "The minister directed the chief prosecutor to begin without delay the "
            "prosecution of anyone who broke the ban.",
            ["legal_action"],
        ),
        (
            "The senator called on the company to investigate whether the accounts were "
            "linked to the government.",
            ["investigate"],
        ),
        (
            "The judge also ordered the platform to name a new representative.",
            ["cooperate_with_authorities"],
        ),
        (
            "Operators said they had received a directive from the Communications Authority "
            "to suspend access to the app.",
            ["block_access"],
        ),
        (
            "The court suspended the app after the company missed a deadline to name a "
            "legal representative.",
            ["cooperate_with_authorities"],
        ),
        # "one" stands for the object noun before it.
        (
            "The platform had no representative in the country, and the judge had given it "
            "24 hours to appoint one.",
            ["cooperate_with_authorities"],
        ),
        # An order to block accounts is a removal, not a block of the platform.
        ("The government ordered Twitter to block more than 1,100 accounts.", ["remove_accounts"]),
    ],
)
def test_government_orders_to_platforms(extract_text, text, labels):
    assert labels_of(extract_text, text) == labels


@pytest.mark.parametrize(
    "text",
    [
        # A word of a proper name is no label noun ("Information").
        "The company said it had asked for talks with Information Minister Jane Doe.",
        # A relative clause describes the fine; it asks for no description.
        "The judge asked the full bench to review the fine, which he described as steep.",
        # Requests dealt with, from nobody named, are not demands.
        "Operators received a request for information from users, the firm said.",
    ],
)
def test_words_that_only_look_like_asks(extract_text, text):
    assert labels_of(extract_text, text) == []


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # Whatever an order to those who carry traffic blocks, it cuts access to a service.
        (
            "The regulator said the cabinet had ordered mobile carriers to block them.",
            ["block_access"],
        ),
        (
            "The ministry told internet service providers to block nine web addresses used "
            "by the messaging app.",
            ["block_access"],
        ),
        (
            "The agency asked the providers to terminate access to four domains owned by the "
            "video app.",
            ["block_access"],
        ),
        # A state's own block, decided or announced, is its order.
        (
            "The council of ministers decided on Friday to ban Snapchat, citing public morals.",
            ["block_access"],
        ),
        (
            "The telecoms regulator said on Monday it would restrict access to YouTube.",
            ["block_access"],
        ),
        (
            "The watchdog this week began the procedure of restricting access to the "
            "messenger across the country.",
            ["block_access"],
        ),
    ],
)
def test_blocks_of_a_service(extract_text, text, labels):
    assert labels_of(extract_text, text) == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # The asked infinitive hung on the phrase that describes who is asked.
        (
            "The rules came a week after the ministry issued a directive requiring video "
            "apps operating in Peru to open a local office within six months.",
            ["cooperate_with_authorities"],
        ),
        # An obligation whose alternative is a sanction is an order, told by anyone.
        (
            "Apps now have to set up a local office within 60 days, or risk being blocked.",
            ["cooperate_with_authorities"],
        ),
        ("Apps must remove the clips within a day or face heavy fines.", ["remove_content"]),
        # restoring access to a service lifts a block: no restore of accounts or content
        (
            "The court ordered the platform to restore access to the newspaper's accounts.",
            ["restore"],
        ),
        # disclosing who people are is handing over their data, not an explanation
        (
            "The court directed the platform to disclose the identities of the users "
            "behind the handles.",
            ["share_account_holder_data"],
        ),
    ],
)
def test_directives_to_platforms(extract_text, text, labels):
    assert labels_of(extract_text, text) == labels


@pytest.mark.parametrize(
    "text",
    [
        # Asking that access be restored asks to lift a block, which the taxonomy has not.
        "The petitioners asked the court to order that access to the app be restored.",
        # A block threatened, prepared or possible is no order.
        "The ministry threatened to block the messaging app.",
        "The regulator is preparing to block the video app.",
        "The commission could block the app within days.",
        # A block told as a deed done reports the sanction, not an order.
        "The Media Regulatory Authority on Tuesday blocked the messaging app nationwide.",
        # A platform's own block is no state's order.
        "Snapchat blocked the app's web version in the country.",
    ],
)
def test_blocks_that_are_no_order(extract_text, text):
    assert labels_of(extract_text, text) == []
