"""Groups the gazetteer does not list, found from how the article presents them."""

from __future__ import annotations

import pytest
import sqlite_utils

from extract.model import Extraction, Mention
from ingest import Article, DuplicateMatch
from kb import store


def groups_of(extract_text, text):
    found = extract_text(text).groups
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
    return [(g.value, g.text) for g in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Supporters of the ruling Green Unity Movement (GUM) marched on Sunday.",
            [("GUM", "Green Unity Movement"), ("GUM", "GUM")],
        ),
        (
            "The Liberal Reform Party said it would appeal the ruling.",
            [("LRP", "Liberal Reform Party")],
        ),
        (
            "Zeleni pokret (Green Movement) said the vote had been rigged.",
            [("Zeleni pokret", "Zeleni pokret")],
        ),
        (
            "Researchers tied the posts to Silverpine, a covert influence network linked to "
            "Moscow. Silverpine posted in four languages.",
            [("Silverpine", "Silverpine"), ("Silverpine", "Silverpine")],
        ),
        (
            'Investigators have code-named the campaign "Paper Lantern" after its logo.',
            [("Paper Lantern", "Paper Lantern")],
        ),
        (
            "The posts came from an operation known as Ember-77, the report said.",
            [("Ember-77", "Ember-77")],
        ),
        (
            "The fake accounts were run by Brightwave, a Lisbon marketing firm.",
            [("Brightwave", "Brightwave")],
        ),
        (
            "Prosecutors said the bot network had been built inside the state-run broadcaster NTV.",
            [("NTV", "NTV")],
        ),
        (
            "Meta removed dozens of accounts tied to Operation Dry Creek last week.",
            [("Operation Dry Creek", "Operation Dry Creek")],
        ),
        (
            "Much of the fraud came from the Lagoon Lads, a loose collection of scammers.",
            [("Lagoon Lads", "Lagoon Lads")],
        ),
        (
            "The ruling BJP accused the Congress of spreading the posts.",
            [("BJP", "BJP"), ("Congress", "Congress")],
        ),
    ],
)
def test_groups_presented_by_the_text(extract_text, text, expected):
    assert groups_of(extract_text, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Brightwave, a Lisbon marketing firm, opened a new office in the spring.",
        "Officials at the Digital Research Lab (DRL) said the study was not finished.",
        "The sites fed stories to readers across Europe, an operation researchers tracked.",
        "Facebook, the social network, said it had removed the posts.",
        "Meta, the company behind Instagram, said it removed the fake accounts.",
        "Members of Congress asked the platform to explain its rules.",
        "The Ministry of Information and Communications Technology denied running the accounts.",
        "Donald Harlow spoke at a rally, and the Harlow campaign praised the turnout.",
        "Investigators call the tool Mockingjay; it wrote the fake profiles.",
        "Officials said the network's posts were traced to the Kremlin.",
    ],
)
def test_names_that_are_not_groups(extract_text, text):
    assert groups_of(extract_text, text) == []


def test_known_operations_need_their_context(extract_text):
    found = groups_of(extract_text, "Meta tied the fake accounts to the Doppelganger campaign.")
    assert found == [("Doppelganger", "Doppelganger")]
    assert groups_of(extract_text, "The novel is about a man who meets his doppelganger.") == []


def _store(db, text, groups):
    article = Article(path=f"{text[:8]}.txt", text=text, raw_hash=text)
    mentions = tuple(
        Mention(value, text.index(value), text.index(value) + len(value), value=value, kind="GROUP")
        for value in groups
    )
    store.write_article(
        db,
        article,
        DuplicateMatch(article.article_id, None, None),
        b"sig",
        Extraction(article.article_id, groups=mentions),
        store.SpeakerIndex.load(db),
    )


def test_case_variants_and_glossed_names_become_one_group(tmp_path):
    db = store.open_db(tmp_path / "kb.db")
    _store(db, "Posts by KESTREL spread fast.", ["KESTREL"])
    _store(db, "KESTREL was blamed again.", ["KESTREL"])
    _store(db, "Kestrel denied it.", ["Kestrel"])
    _store(db, "The Blue Hand Front was named.", ["Blue Hand Front"])
    text = "The Blue Hand Front (BHF) denied it."
    article = Article(path="bhf.txt", text=text, raw_hash="bhf")
    both = (
        Mention("Blue Hand Front", 4, 19, value="BHF", kind="GROUP"),
        Mention("BHF", 21, 24, value="BHF", kind="GROUP"),
    )
    store.write_article(
        db,
        article,
        DuplicateMatch(article.article_id, None, None),
        b"sig",
        Extraction(article.article_id, groups=both),
        store.SpeakerIndex.load(db),
    )
    store.refresh_group_names(db)
    rows = sqlite_utils.Database(db.conn).query("SELECT DISTINCT group_id FROM group_mentions")
    assert sorted(r["group_id"] for r in rows) == ["BHF", "KESTREL"]
    assert not list(
        db.query("SELECT * FROM groups WHERE group_id IN ('Kestrel', 'Blue Hand Front')")
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The militant group Hizb al-Wadi claimed the attack.",
            [("Hizb al-Wadi", "Hizb al-Wadi")],
        ),
        (
            "Accounts praising the ruling Civic Union Party were removed.",
            [("CUP", "Civic Union Party")],
        ),
        (
            "Researchers named Nightjar, a shadowy group of paid commentators, as the source.",
            [("Nightjar", "Nightjar")],
        ),
        (
            "The fake accounts were run by the so-called Night Owls, researchers said.",
            [("Night Owls", "Night Owls")],
        ),
        (
            "The state-linked outlet Radio Meridian shared the posts as part of the operation.",
            [("Radio Meridian", "Radio Meridian")],
        ),
    ],
)
def test_groups_presented_by_the_words_around_them(extract_text, text, expected):
    assert groups_of(extract_text, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The so-called Great Firewall blocks many sites.",
        "It is the network Google keeps taking down, researchers said.",
        "Besides the United States, the campaign targeted audiences in Spain.",
        "The European Union said it was worried about the accounts.",
    ],
)
def test_names_presented_otherwise_are_not_groups(extract_text, text):
    assert groups_of(extract_text, text) == []
