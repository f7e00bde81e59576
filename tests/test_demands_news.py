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
