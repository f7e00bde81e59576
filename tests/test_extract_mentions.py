"""Groups and platforms from the gazetteer; demands labelled with the taxonomy."""

from __future__ import annotations

import pytest

from extract.mentions import gazetteer_mentions


def groups_in(blank_nlp, resources, text):
    groups, _ = gazetteer_mentions(blank_nlp(text), resources)
    return [(g.value, g.text) for g in groups]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pakistan Tehreek-e-Insaf (PTI) denied it.",
            [("PTI", "Pakistan Tehreek-e-Insaf"), ("PTI", "PTI")],
        ),
        (
            "the Tehreek-e-Taliban Pakistan (TTP) claimed it",
            [("TTP", "Tehreek-e-Taliban Pakistan"), ("TTP", "TTP")],
        ),
        (
            "The Pakistani Taliban and the Baloch Liberation Army",
            [("TTP", "Pakistani Taliban"), ("BLA", "Baloch Liberation Army")],
        ),
        (
            "the Daesh group and the Afghan Taliban",
            [("Daesh", "Daesh"), ("Afghan Taliban", "Afghan Taliban")],
        ),
        (
            "Lashkar-e-Taiba and Jaish-e-Mohammed, and ISIS-K",
            [("LeT", "Lashkar-e-Taiba"), ("JeM", "Jaish-e-Mohammed"), ("ISKP", "ISIS-K")],
        ),
        ("The PML-N and PPP formed a coalition.", [("PML-N", "PML-N"), ("PPP", "PPP")]),
    ],
)
def test_groups_by_canonical_name(blank_nlp, resources, text, expected):
    assert groups_in(blank_nlp, resources, text) == expected


def test_insaf_is_not_taliban(blank_nlp, resources):
    found = groups_in(
        blank_nlp, resources, "Tehreek-e-Insaf and Tehreek-e-Taliban Pakistan are different."
    )
    assert found == [("PTI", "Tehreek-e-Insaf"), ("TTP", "Tehreek-e-Taliban Pakistan")]


def test_acronyms_are_case_sensitive(blank_nlp, resources):
    assert groups_in(blank_nlp, resources, "This is a ttp test and the bla bla.") == []


def platforms_in(blank_nlp, resources, text):
    _, platforms = gazetteer_mentions(blank_nlp(text), resources)
    return [p.value for p in platforms]


def test_platforms_and_twitter_is_x(blank_nlp, resources):
    text = "He named X (formerly Twitter), Facebook, Instagram, WhatsApp, Telegram and TikTok."
    assert platforms_in(blank_nlp, resources, text) == [
        "X",
        "X",
        "Facebook",
        "Instagram",
        "WhatsApp",
        "Telegram",
        "TikTok",
    ]


def test_letter_x_needs_social_media_context(blank_nlp, resources):
    assert (
        platforms_in(blank_nlp, resources, "Generation X voters and Malcolm X were mentioned.")
        == []
    )
    assert platforms_in(blank_nlp, resources, "The posts on X were removed.") == ["X"]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "Interior Minister Mohsin Naqvi urged the companies to remove or disable these accounts.",
            ["remove_accounts"],
        ),
        (
            "The minister, Mohsin Naqvi, laid out three requests: first, to block the accounts; second, to stop mirror "
            "accounts from reappearing; and third, to share information on account holders.",
            ["remove_accounts", "prevent_mirror_accounts", "share_account_holder_data"],
        ),
        (
            "Mohsin Naqvi called on tech firms to set up systems to detect and report such accounts.",
            ["detect_and_report"],
        ),
        ("Mohsin Naqvi demanded that those behind the campaign be prosecuted.", ["legal_action"]),
        (
            "Mohsin Naqvi urged the platforms to open offices in Pakistan.",
            ["cooperate_with_authorities"],
        ),
        ("Mohsin Naqvi urged full cooperation from all platforms.", []),
        ("Mohsin Naqvi said the government did not want to initiate legal proceedings.", []),
        ("Asked about the ban, Mohsin Naqvi said the matter was under review.", []),
        ("Experts call for stronger cooperation to curb harmful content.", []),
    ],
)
def test_demand_labels(extract_text, text, labels):
    demands = extract_text(text).demands
    assert [d.value for d in demands] == labels
    for demand in demands:
        assert text[demand.start : demand.end] == demand.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Their posts ran on Tumblr, Substack and 4chan.", ["Tumblr", "Substack", "4chan"]),
        ("The videos were shared on YouTube and Blogger.", ["YouTube", "Blogger"]),
        ("Blogger Ana Ruiz wrote about the trial.", []),
        ("A medium-sized firm and a Medium essay were cited.", []),
    ],
)
def test_blogging_forums_and_video(blank_nlp, resources, text, expected):
    assert platforms_in(blank_nlp, resources, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The firm shut 40 blogs and 17 Google+ accounts.", ["Google+"]),
        (
            "Researchers tracked the clips on BitChute, Odysee and Rumble.",
            ["BitChute", "Odysee", "Rumble"],
        ),
        ("The rumour spread on the forum Pikabu and on Threema chats.", ["Pikabu", "Threema"]),
        (
            "India blocked Chingari, Roposo and Vigo Video alongside other apps.",
            ["Chingari", "Roposo", "Vigo Video"],
        ),
        ("Kick the ball, said the coach.", []),
        (
            "The regulator blocked the dating apps Tinder, Grindr and SayHi last year.",
            ["Tinder", "Grindr", "SayHi"],
        ),
        ("The door had a loose hinge and a broken lock.", []),
    ],
)
def test_platforms_with_symbols_forums_and_messaging(blank_nlp, resources, text, expected):
    assert platforms_in(blank_nlp, resources, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Where did the users go? Mastodon, mostly. The firm said it had a record week of"
            " sign-ups, and Threads is chasing the same crowd.",
            ["Mastodon", "Threads"],
        ),
        ("The tailor sold buttons. His Threads were famous.", []),
        ("The suit named Viber Messenger LLC and its owner.", ["Viber"]),
        ("Welcome back to Signal & Noise, a letter about Reddit and its moderators.", ["Reddit"]),
    ],
)
def test_word_names_take_context_from_the_paragraph_not_from_a_company_name(
    blank_nlp, resources, text, expected
):
    assert platforms_in(blank_nlp, resources, text) == expected
