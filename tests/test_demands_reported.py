"""Demands that news reports around the ask rather than as one, in sentences written for
these tests: orders named by their action ("blocking orders", "a takedown notice"), with
what they covered in the next sentence; asks sought as a noun; a dispute over an ask; a
failure sanctioned; and the powers, threats and failures that ask nothing."""

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
        ("The ministry issued blocking orders for more than 250 accounts.", ["remove_accounts"]),
        (
            "The ministry issued blocking orders to the company.\n\n"
            "The orders covered about 250 accounts that had used the slogan.",
            ["remove_accounts"],
        ),
        (
            "The state issued two blocking orders. The first, sent in January, listed 40 "
            "channels run by the rebels.",
            ["remove_accounts"],
        ),
        ("The telecom authority issued a takedown notice for the channel.", ["remove_accounts"]),
        (
            "The ministry sought the removal of 1,178 accounts it said were run by separatists.",
            ["remove_accounts"],
        ),
        (
            "The watchdog told Telegram to appoint a local representative.",
            ["cooperate_with_authorities"],
        ),
        ("Prosecutors called for the people behind the network to be charged.", ["legal_action"]),
        (
            "Moraes, who has been locked in a dispute with the company over the removal of "
            "accounts, ordered the ban.",
            ["remove_accounts"],
        ),
        (
            "The government had been in a standoff with the firm over the blocking of "
            "hundreds of accounts.",
            ["remove_accounts"],
        ),
        (
            "The watchdog slowed the service down for failing to remove banned content.",
            ["remove_content"],
        ),
        (
            "The agency fined the platform for failing to delete posts it said were illegal.",
            ["remove_content"],
        ),
        (
            "The regulator accused the company of failing to remove content about drugs.",
            ["remove_content"],
        ),
        # Subjunctive that-clauses, decisions, conditions for lifting a sanction.
        ("The watchdog has demanded the company remove the posts.", ["remove_content"]),
        ("The court ruled that the company must remove the videos.", ["remove_content"]),
        ("Under the ruling, the company must restore the channel.", ["restore"]),
        (
            "The court suspended the platform until it names a legal representative.",
            ["cooperate_with_authorities"],
        ),
        (
            "The regulator said it would slow the service until the company removed all "
            "banned content.",
            ["remove_content"],
        ),
        (
            "The government threatened to ban the service if it did not remove the content.",
            ["remove_content"],
        ),
        (
            "The government blocked the site after it refused to remove the posts.",
            ["remove_content"],
        ),
        # A bare participle after "wanted"; a "for" phrase or a named asker the parse
        # hangs elsewhere.
        ("The government wanted the accounts taken down.", ["remove_accounts"]),
        (
            "The regulator made a request to Telegram for the removal of 64 channels.",
            ["remove_accounts"],
        ),
        (
            "The company received a request from the government to block the channels.",
            ["remove_accounts"],
        ),
        ("The commissioner issued a removal notice to X for 65 tweets.", ["remove_content"]),
    ],
)
def test_asks_reported_around_the_ask(extract_text, text, labels):
    assert labels_of(extract_text, text) == labels


@pytest.mark.parametrize(
    "text",
    [
        # Powers describe what someone may do.
        "The law gives the regulator the power to order platforms to remove content.",
        "The regulator has the power to order the removal of posts.",
        "The new rules allow the authority to order the blocking of websites.",
        "The regulator has the right to demand information from any platform.",
        # Threats, consequences and failures that are no one's ask.
        "The regulator warned it could block the service entirely if it did not comply.",
        "Platforms that fail to remove illegal content face fines of up to 10% of turnover.",
        "The company was criticised for failing to attract young users.",
        "A row over the removal of the statue divided the town.",
        # "sought to" is trying; comment sought is the reporter's.
        "The network sought to sway voters before the election.",
        "The newspaper sought comment from the company.",
        "The government was seeking information from operators to help find the networks.",
        "Officials urged users to report suspicious accounts.",
        # Conditions and reasons that ask nothing of the taxonomy, and a law's duty.
        "The ban will stay in place until the election is over.",
        "The site was blocked until further notice.",
        "The government blocked the site after protesters used it to organise.",
        "The team was fined after it failed to turn up for the match.",
        "The company said it would restrict the feature until it removed the bug.",
        "Under the law, platforms must remove illegal content within 24 hours.",
        # A platform's own rules state a policy.
        "Meta said its policies require the removal of such content.",
        "The company said it would challenge the order in court.",
    ],
)
def test_what_asks_nothing(extract_text, text):
    assert labels_of(extract_text, text) == []
