"""One speaker decision per press style, on sentences written for these tests
(issue #12): the verbs, orders and phrasings news uses to attribute a statement,
and the look-alikes that attribute nothing."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We will not back down," Maria Lopez, the interior minister, told reporters.',
            {"Maria Lopez"},
        ),
        (
            "Interior Minister Maria Lopez said on Tuesday that the platform ignored three warnings.",
            {"Maria Lopez"},
        ),
        (
            "According to Maria Lopez, the interior minister, the platform ignored three warnings.",
            {"Maria Lopez"},
        ),
        (
            '"This is censorship," said Jorge Almeida, a lawyer who represents the company.',
            {"Jorge Almeida"},
        ),
        ("Elena Marsh wrote on X that the ruling was a victory for free speech.", {"Elena Marsh"}),
        ("A spokesperson for Meta said the company had removed the accounts.", {"Meta"}),
        ("Meta's spokesperson, Andy Stone, said the network was small.", {"Andy Stone"}),
        (
            "Facebook said in a statement on Friday that it had removed 200 accounts. "
            "The company added that the network was run from abroad.",
            {"Facebook"},
        ),
        (
            "TikTok said it was reviewing the order. It said it would comply with local law.",
            {"TikTok"},
        ),
        ("Mastodon said on Sunday it had gained 200,000 new users in a day.", {"Mastodon"}),
        (
            "Truecaller, a Swedish caller-ID app, said it had seen a surge in downloads.",
            {"Truecaller"},
        ),
        (
            "Rashid Khan, the minister's spokesman, said the ministry would respond.",
            {"Rashid Khan"},
        ),
        (
            "Jonas Berg accused the company of censorship in a post that Meta later removed. "
            "Meta said the post violated its rules.",
            {"Jonas Berg", "Meta"},
        ),
    ],
)
def test_who_speaks(extract_text, text, expected):
    assert {s.name for s in extract_text(text).speakers} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Telegram did not respond to a request for comment.",
        "Officials said the ban would remain in place.",
        "The government said the ban would remain in place.",
        "Sources told Reuters that the decision had been taken last week.",
        "The Daily Courier reported that the accounts were deleted.",
        "By Amina Yusuf, Senior Correspondent",
        '"We are disappointed," the company said in a blog post. "We will appeal."',
        "Priya Nair, who founded the startup in 2019, was arrested on Monday. Her lawyer "
        "said she was innocent.",
    ],
)
def test_nobody_speaks(extract_text, text):
    assert extract_text(text).speakers == ()
