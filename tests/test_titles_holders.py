"""Who holds a title written before the name, and titles in apposition (issue #12):
sentences written for these tests."""

from __future__ import annotations

import pytest


def speakers(extraction):
    return {s.name: sorted({t.text for t in s.titles}) for s in extraction.speakers}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser hangs the name on the body after "of": the title's holder still speaks
        (
            "The head of Ofcom, Melanie Dawes, said the regulator had written to the firms.",
            {"Melanie Dawes": ["head of Ofcom"]},
        ),
        # the translated agencies' order, no commas; NER missed the name after a gazetteer's
        (
            "The founder of Telegram Omar Haddad on his page in the social network VKontakte "
            "again stated that the block would fail.",
            {"Omar Haddad": ["founder of Telegram"]},
        ),
        (
            "The head of the Freedom Party Anna Berg said the ban was wrong.",
            {"Anna Berg": ["head of the Freedom Party"]},
        ),
        # a catalogued one-word body that NER calls a person stays inside the title
        (
            "The head of Roskomnadzor, Ivan Petrov, has told reporters that the regulator "
            "had written to the app stores.",
            {"Ivan Petrov": ["head of Roskomnadzor"]},
        ),
        # a possessive determiner opens an appositive title like an article
        (
            "Chirpy opened the archive. Omar Haddad, its head of site integrity, said the data "
            "was complete.",
            {"Omar Haddad": ["head of site integrity"]},
        ),
        # heads that are titles only in apposition
        (
            "Priya Nair, a fellow at the institute, said the archive was the fullest yet.",
            {"Priya Nair": ["fellow at the institute"]},
        ),
        (
            "Senator Ron Wyden, the top Democrat on the Senate Finance Committee, said the "
            "companies must publish more data.",
            {"Ron Wyden": ["Senator", "top Democrat on the Senate Finance Committee"]},
        ),
    ],
)
def test_title_holders(extract_text, text, expected):
    assert speakers(extract_text(text, published="2024-03-01")) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A friend of Omar Haddad said the block would fail.",  # a relation, not an office
        "Fellow Republican Tom Reed said the bill was dead.",  # a party before the name
    ],
)
def test_no_title_where_none_is_held(extract_text, text):
    assert all(not titles for titles in speakers(extract_text(text)).values())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Judge Maria Costa ordered the block to take effect immediately.", {"Maria Costa"}),
        ("Justice Alan Reed ordered the platform to hand over the data.", {"Alan Reed"}),
        # a court's or a company's order credits nobody
        ("The Federal Court ordered the platform to hide the videos.", set()),
        ("The company ordered 100 new servers last year.", set()),
    ],
)
def test_an_order_is_the_statement_of_the_person_who_gives_it(extract_text, text, expected):
    assert {s.name for s in extract_text(text).speakers} == expected
