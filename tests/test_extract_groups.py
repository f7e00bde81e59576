"""Groups the gazetteer does not list, found from how the article presents them (party,
militant and firm names with the cue around them), and the things that are not groups."""

from __future__ import annotations

import pytest
import sqlite_utils
from spacy.tokens import Span

from extract import extraction_from_doc
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


def _store(db, name, text, groups):
    """Store ``text`` as article ``name`` with the group mentions ``(value, surface)``."""
    article = Article(path=f"{name}.txt", text=text, raw_hash=name)
    mentions = tuple(
        Mention(surface, text.index(surface), text.index(surface) + len(surface), value=value)
        for value, surface in groups
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
    _store(db, "k1", "Posts by KESTREL spread fast.", [("KESTREL", "KESTREL")])
    _store(db, "k2", "KESTREL was blamed again.", [("KESTREL", "KESTREL")])
    _store(db, "k3", "Kestrel denied it.", [("Kestrel", "Kestrel")])
    _store(db, "b1", "The Blue Hand Front was named.", [("Blue Hand Front", "Blue Hand Front")])
    both = [("BHF", "Blue Hand Front"), ("BHF", "BHF")]
    _store(db, "bhf", "The Blue Hand Front (BHF) denied it.", both)
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
        # a firm's name right after the firm noun, even when NER calls it a person's
        (
            "The Pages were run by the Lagos-based marketing firm Tolani.",
            [("Tolani", "Tolani")],
        ),
        (
            "The profiles were managed by a public relations firm, Okeke, the report said.",
            [("Okeke", "Okeke")],
        ),
        # what the agent of "built" built is the party, not the operation: he is no group
        (
            "The Unity Front, the party built by Tamar Okonjo, denied running the Pages.",
            [("Unity Front", "Unity Front")],
        ),
        # a named party owns its unit; a connector does not join two names
        (
            "The pages were linked to the Bharatiya Janata Party's IT cell, researchers said.",
            [("BJP", "Bharatiya Janata Party")],
        ),
        (
            "A smaller network was run by Silverline Media for the BJP, the report said.",
            [("Silverline Media", "Silverline Media"), ("BJP", "BJP")],
        ),
        # a country that owns the body is not part of its name
        (
            "The accounts were tied to Kenya's Directorate of Public Messaging.",
            [("Directorate of Public Messaging", "Directorate of Public Messaging")],
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The militant group Bayt al-Sahil claimed the ambush on Tuesday.",
            [("Bayt al-Sahil", "Bayt al-Sahil")],
        ),
        (
            "Dozens of Quillfeather-affiliated accounts reposted the clip within an hour.",
            [("Quillfeather", "Quillfeather")],
        ),
        (
            "The pages praised Nahdat al-Fajr, the Islamist party, and mocked its critics.",
            [("Nahdat al-Fajr", "Nahdat al-Fajr")],
        ),
        (
            "A spokeswoman for the Lakeside Civic Union, the largest opposition party, said "
            "the posts were lies.",
            [("Lakeside Civic Union", "Lakeside Civic Union")],
        ),
        (
            "Investigators said the fake profiles were run by a marketing company called "
            "Tessaline Digital.",
            [("Tessaline Digital", "Tessaline Digital")],
        ),
        (
            "The takedown hit Lisbon-based PR firm Corvanta, which had bought ads for clients.",
            [("Corvanta", "Corvanta")],
        ),
        (
            "Twitter suspended 5,000 accounts and traced the operation to a Riyadh "
            "social-media marketing company called Quorvia.",
            [("Quorvia", "Quorvia")],
        ),
        (
            "Meta said the accounts were associated with the Northern Fleet Command Army.",
            [("NFCA", "Northern Fleet Command Army")],
        ),
    ],
)
def test_groups_news_introduces(extract_text, text, expected):
    assert sorted(set(groups_of(extract_text, text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An adjective before "party" describes the party, it does not name it.
        ("Voters turned to the Islamist party after the floods.", []),
        # Civil society and public bodies are not groups, whatever the sentence is about.
        ("The London-based rights group Fairwatch said the fake accounts came too late.", []),
        ("Fairwatch, a Berlin advocacy group, said the bot accounts had harassed activists.", []),
        (
            "The judge gave the national telecommunications agency, Telnova, a day to act "
            "against the fake accounts.",
            [],
        ),
        ("The news agency Globex Wire reported that the bot network had been dismantled.", []),
        # A firm named after a group in the same sentence is a firm of its own.
        (
            "Facebook said the network was linked to the Eastern Guard Army and a marketing "
            "company called Orbis Digital.",
            [("EGA", "Eastern Guard Army"), ("Orbis Digital", "Orbis Digital")],
        ),
        # A firm's former name is another form of the firm, not a group of its own.
        (
            "Prosecutors said the bot network was built at Kappa-TV, the state-funded "
            "broadcaster formerly known as Ruritania Today.",
            [("Kappa-TV", "Kappa-TV"), ("Kappa-TV", "Ruritania Today")],
        ),
    ],
)
def test_groups_news_describes_or_renames(extract_text, text, expected):
    assert sorted(set(groups_of(extract_text, text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A long party or army name goes by its initials, as a later story's acronym does.
        (
            "The accounts linked to the Royal Coast Army attacked the People's Dawn Alliance.",
            [("PDA", "People's Dawn Alliance"), ("RCA", "Royal Coast Army")],
        ),
        # The movement word may follow the name and its translation.
        (
            "Members of the Ne damo Kraljevo (We Won't Give Kraljevo) movement said the "
            "accounts targeted them.",
            [("NDK", "Ne damo Kraljevo")],
        ),
        # Two words, or an operation's name, keep the name as written.
        ("The accounts backed the Harmony Party.", [("Harmony Party", "Harmony Party")]),
        (
            "Meta removed dozens of accounts tied to Operation Dry Creek Basin last week.",
            [("Operation Dry Creek Basin", "Operation Dry Creek Basin")],
        ),
    ],
)
def test_canonical_name_of_a_long_party_name(extract_text, text, expected):
    assert sorted(set(groups_of(extract_text, text))) == expected


def test_a_name_against_a_hyphen_counts_only_before_a_link_word(extract_text):
    text = "Dozens of Quillfeather-affiliated accounts spread it. Quillfeather-3 did not."
    found = [(g.text, g.start) for g in extract_text(text).groups]
    assert found == [("Quillfeather", 10)]


def test_an_acronym_glossed_in_one_article_is_a_mention_in_another(tmp_path):
    db = store.open_db(tmp_path / "kb.db")
    glossed = "The Green Unity Movement (GUM) won the vote."
    _store(db, "a", glossed, [("GUM", "Green Unity Movement"), ("GUM", "GUM")])
    _store(db, "b", "A network smeared the GUM for weeks, and GUMMY bears too.", [])
    _store(db, "c", "The PGUM-N list and the GUM-N faction are others.", [])
    store.refresh_group_names(db)
    store.refresh_group_names(db)  # idempotent
    rows = sqlite_utils.Database(db.conn).query(
        "SELECT a.path, m.group_id, m.surface FROM group_mentions m JOIN articles a"
        " USING (article_id) ORDER BY a.path, m.start"
    )
    assert [(r["path"], r["group_id"], r["surface"]) for r in rows] == [
        ("a.txt", "GUM", "Green Unity Movement"),
        ("a.txt", "GUM", "GUM"),
        ("b.txt", "GUM", "GUM"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police said the leaflet was drafted with help from the Harmony Justice Trust, a "
            "Toronto-based group they accuse of promoting separatism.",
            [("Harmony Justice Trust", "Harmony Justice Trust")],
        ),
        (
            "The Northern Light Foundation, a group officials blame for the campaign, denied "
            "the claims.",
            [("Northern Light Foundation", "Northern Light Foundation")],
        ),
    ],
)
def test_an_accusing_appositive_outweighs_a_charity_word(extract_text, text, expected):
    assert groups_of(extract_text, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Bright Futures Foundation, a group that funds schools in the north, praised the "
        "decision.",
        "The Ministry of Justice, a body accused of delays, said the case was closed.",
    ],
)
def test_a_charity_or_a_ministry_described_otherwise_is_no_group(extract_text, text):
    assert groups_of(extract_text, text) == []


def test_a_party_name_the_tagger_calls_a_person_is_a_group(extract_text):
    text = "The site suspended accounts tied to the Delta People's Liberation Front (DPLF)."
    assert ("DPLF", "Delta People's Liberation Front") in groups_of(extract_text, text)


@pytest.mark.parametrize(
    "text",
    [
        "The network used software called Skyloom to create the fake profiles.",
        "The operation used an AI tool known as Skyloom to write comments.",
    ],
)
def test_a_tool_a_naming_verb_names_is_no_group(extract_text, text):
    assert groups_of(extract_text, text) == []


def test_a_network_of_accounts_a_naming_verb_names_is_a_group(extract_text):
    text = "The network of fake accounts, dubbed Grey Lantern, targeted voters in the north."
    assert ("Grey Lantern", "Grey Lantern") in groups_of(extract_text, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Economy Minister Lena Hartwig (GLP) said the fine was overdue.",
            [("GLP", "GLP")],
        ),
        (
            "Regional premier Karl Obst (BVP) criticised the platform on Friday.",
            [("BVP", "BVP")],
        ),
        (
            "The bill was drafted by senator Paulo Mendes (Avante-SP) and backed by the cabinet.",
            [("Avante", "Avante")],
        ),
        (
            "Deputy Clara Nunes (PDV-MG) asked the company to hand over its records.",
            [("PDV", "PDV")],
        ),
    ],
)
def test_a_party_in_brackets_after_a_politician(extract_text, text, expected):
    assert groups_of(extract_text, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Karl Obst (62) criticised the platform on Friday.",
        "Nathan Price (Reuters) contributed reporting.",
        "The Attorney-General, Bola Adeyemi (SAN), directed prosecutors to act.",
        "Opposition lawmaker Imran Qadir (MNA) walked out of the session.",
        "Davao City, 4 March 2023 (NPA) - The regulator fined the company on Monday.",
    ],
)
def test_an_age_a_credit_an_honour_or_a_dateline_agency_is_no_party(extract_text, text):
    assert groups_of(extract_text, text) == []


def test_a_gazetteer_acronym_outside_a_dateline_still_counts(extract_text):
    text = "The NPA, the armed wing of the Communist Party, claimed the ambush."
    assert ("NPA", "NPA") in groups_of(extract_text, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The accounts were tied to the youth wing of the Freedom and Progress Party (FPP), "
            "Twitter said.",
            [("FPP", "Freedom and Progress Party"), ("FPP", "FPP")],
        ),
        (
            "Supporters of the Peace and Unity party (PUP) rallied in the capital on Sunday.",
            [("PUP", "Peace and Unity party"), ("PUP", "PUP")],
        ),
        (
            "The accounts were tied to the youth wing of the FPP, the governing party.",
            [("FPP", "FPP")],
        ),
        (
            "The posts praised the ruling Civic Renewal party and mocked its rivals.",
            [("Civic Renewal", "Civic Renewal")],
        ),
    ],
)
def test_party_names_joined_by_and_or_described_by_a_participle(extract_text, text, expected):
    assert groups_of(extract_text, text) == expected


def test_and_between_two_names_is_no_party_name(extract_text):
    assert groups_of(extract_text, "Facebook and Instagram removed the accounts on Friday.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Twitter removed 900 accounts linked to Daily Pulse, a media website that pushed "
            "state-backed propaganda.",
            [("Daily Pulse", "Daily Pulse")],
        ),
        (
            "Meta removed a cluster of Pages tied to the Harbor Press network last year.",
            [("Harbor Press", "Harbor Press")],
        ),
        (
            "The fake sites were run by the Northern Media Agency and Kestrel Digital Solutions, "
            "two firms in Minsk.",
            [
                ("Northern Media Agency", "Northern Media Agency"),
                ("Kestrel Digital Solutions", "Kestrel Digital Solutions"),
            ],
        ),
        (
            "The fake accounts were run by the Kremlin-funded channel Orbita.",
            [("Orbita", "Orbita")],
        ),
        (
            "Two employees of the state broadcaster NTK were charged with money laundering.",
            [("NTK", "NTK")],
        ),
        (
            "Prosecutors say the personas were created by staff of NTK, the Russian state "
            "broadcaster.",
            [("NTK", "NTK")],
        ),
    ],
)
def test_outlets_and_agencies_presented_as_running_the_operation(extract_text, text, expected):
    assert groups_of(extract_text, text) == expected


def test_an_outlet_word_in_a_name_that_heads_the_name_gives_no_initials(extract_text):
    text = "Meta removed a cluster of Pages tied to the Harbor Front Press network last year."
    assert groups_of(extract_text, text) == [("Harbor Front Press", "Harbor Front Press")]


@pytest.mark.parametrize(
    "text",
    [
        "Facebook removed 40 Pages, 12 accounts and two groups tied to the campaign.",
        "The operation came to light after cybersecurity firm Redline Labs Inc alerted the "
        "company to a network of fake accounts.",
        "Meta said Brightcrest, a cybersecurity company in Austin, had flagged the network of "
        "fake accounts.",
        "SignalLab, the Berlin group that first named the campaign, said the operators would "
        "return.",
        "A coalition of digital rights groups, the Open Net Coalition, said the ban was "
        "disproportionate.",
        "A coalition of digital rights groups, the Rights on the Net Coalition, said the ban "
        "was wrong.",
        "Our investigation linked this network to Mr. Vance and his associates, the company said.",
        "The Daily Ledger reported that the accounts had been removed.",
        "The posts were shared by the state broadcaster Russia Today.",
        # the outlets whose accounts were restricted: the state link is the list's
        "The regulator asked the platform to lift the limits it had put on the accounts of "
        "three state-funded outlets: the TV channel Korvet, the Novaya Vest agency and a "
        "radio station.",
    ],
)
def test_lists_sources_civil_society_labs_and_people_are_not_groups(extract_text, text):
    assert groups_of(extract_text, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The posts praised United Russia and attacked the Kremlin's critics.",
            [("United Russia", "United Russia")],
        ),
        (
            "The justice minister, of the liberal Free Democrats, welcomed the fine.",
            [("FDP", "Free Democrats")],
        ),
        (
            "Microsoft said the domains were set up by Fancy Bear, a hacking group.",
            [("APT28", "Fancy Bear")],
        ),
    ],
)
def test_major_parties_and_named_actors_of_the_gazetteer(extract_text, text, expected):
    assert groups_of(extract_text, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It removed 904 accounts that it said were linked to Steady Policy, a Belarusian"
            " media website that was engaged in state-backed propaganda.",
            [("Steady Policy", "Steady Policy")],
        ),
        (
            "The 2,310 accounts were tied to Fresh Report, which the company described as a"
            " media website pushing propaganda.",
            [("Fresh Report", "Fresh Report")],
        ),
    ],
)
def test_a_masthead_tied_to_the_operation_is_a_group(extract_text, text, expected):
    assert groups_of(extract_text, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The 640 accounts were tied to the Mueller Report, which they shared widely.",
        "Steady Policy, a Belarusian media website, covered the election.",
    ],
)
def test_a_document_or_an_outlet_not_tied_to_the_operation_is_no_group(extract_text, text):
    assert groups_of(extract_text, text) == []


def test_a_plural_name_written_with_the_is_no_person(extract_text):
    text = (
        "Fake personas, Loyal Sons links and a lot of book promotion: what the report says.\n"
        "The company said it had removed 31 accounts that it tied to the Loyal Sons."
    )
    assert ("Loyal Sons", "Loyal Sons") in groups_of(extract_text, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A security firm told Meta about a set of Pages it had traced to a site called"
            " Harbour Front News.",
            [("Harbour Front News", "Harbour Front News")],
        ),
        ("The network used a website called Harbour Front News to post its articles.", []),
    ],
)
def test_a_site_called_x_that_the_assets_are_traced_to(extract_text, text, expected):
    assert groups_of(extract_text, text) == expected


def test_the_x_movement_though_the_tagger_calls_x_a_person(extract_text):
    text = (
        'It became the favoured tool of the Lautdenken ("clear thinking") movement that'
        " organised protests against lockdowns."
    )
    assert groups_of(extract_text, text) == [("Lautdenken", "Lautdenken")]


def test_a_counted_capitalised_noun_is_no_group(extract_text):
    text = (
        "The company said the Peru operation used 140 Facebook accounts, 61 Pages, three"
        " Groups and 12 Instagram accounts."
    )
    assert groups_of(extract_text, text) == []


def test_a_firm_the_findings_are_linked_to(extract_text):
    text = (
        "Although its operators hid who they were, Meta said its investigation found links"
        " to Andes Wave, a firm based in Lima."
    )
    assert groups_of(extract_text, text) == [("Andes Wave", "Andes Wave")]
    assert groups_of(extract_text, "Andes Wave, a firm based in Lima, sponsored the match.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ordinary-word alias at the end of a longer name is that name's, not its group
        (
            "The vote was won by President Ade of the All Progressives Congress (APC), who "
            "beat the opposition candidate.",
            {"APC"},
        ),
        ("The opposition Congress party said the election was rigged.", {"Congress"}),
        ("Asha Rao of the Congress said the ruling party had lost the election.", {"Congress"}),
    ],
)
def test_an_alias_ending_a_longer_name_is_not_its_group(extract_text, text, expected):
    assert {g.value for g in extract_text(text).groups} == expected


def test_a_longer_name_holds_the_group_written_inside_it(extract_text):
    text = (
        "Meta linked the network to the Youth League of the Harbour Progress Party. The"
        " Harbour Progress Party did not comment."
    )
    assert groups_of(extract_text, text) == [
        ("YLHPP", "Youth League of the Harbour Progress Party"),
        ("HPP", "Harbour Progress Party"),
    ]


def test_a_name_holding_a_gazetteer_alias_is_its_own_group(extract_text):
    text = "Ana Sato, leader of the Coastal Farmers Congress (CFC), urged calm in the party."
    assert {g.value for g in extract_text(text).groups} == {"CFC"}


def test_a_described_party_is_a_group_where_the_tagger_calls_it_a_person(extract_text):
    text = (
        "The accounts praised the government led by the ruling Silver Harbour party. Silver"
        " Harbour, founded by a banker, has governed since 2012. Silver Harbour said in a"
        " statement that it had no contract with the agency."
    )
    assert {g.value for g in extract_text(text).groups} == {"Silver Harbour"}
    spans = [g.text for g in extract_text(text).groups]
    assert spans.count("Silver Harbour") == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'The spokeswoman of the party "Bright Morning" said the party had no relation'
            " with the pages.",
            {"Bright Morning"},
        ),
        (
            'The network of fake accounts was connected with the advertising agency "Kestrel".',
            {"Kestrel"},
        ),
        # a quoted name after a news agency's noun is an outlet, not a group
        ('The network of fake accounts was reported by the news agency "Kestrel".', set()),
    ],
)
def test_a_quoted_name_after_the_noun_it_names(extract_text, text, expected):
    assert {g.value for g in extract_text(text).groups} == expected


def test_a_courtesy_word_opening_a_country_name_does_not_block_a_party(extract_text):
    text = "Hassan Ali, leader of the Sri Lanka Fishers Congress (SLFC), called for calm."
    assert {g.value for g in extract_text(text).groups} == {"SLFC"}


def test_a_firm_listed_after_a_firm_the_findings_tie_to(extract_text):
    text = (
        "Although its operators hid who they were, Meta said its investigation found links"
        " to Andes Wave, a firm based in Lima, and Pacific Reach, a company in Chile."
    )
    assert {g.value for g in extract_text(text).groups} == {"Andes Wave", "Pacific Reach"}
    listed = "The minister met Sony, a company in Japan, and Cordillera Media, a firm in Chile."
    assert groups_of(extract_text, listed) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Meta banned Blue Ridge Digital, a marketing firm that ran fake accounts for"
            " Citizens First Action.",
            {"Citizens First Action"},
        ),
        (
            "The agency created Pages on behalf of Lakeside Values Project.",
            {"Lakeside Values Project"},
        ),
        # a person the accounts were run for is not a group, nor a client of other work
        ("She ran the accounts for Jane Smith.", set()),
        ("The firm ran a survey for Lakeside Values Project.", set()),
    ],
)
def test_the_client_an_operation_ran_assets_for(extract_text, text, expected):
    assert {g.value for g in extract_text(text).groups} - {"Blue Ridge Digital"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gagan Rai, general secretary of the Nepali Congress, said the ban was wrong.",
            {"Nepali Congress"},
        ),
        (
            "The opposition CPN-UML and the CPN (Maoist Centre) objected.",
            {"CPN-UML", "CPN (Maoist Centre)"},
        ),
    ],
)
def test_nepal_parties_are_not_the_indian_congress(extract_text, text, expected):
    assert {g.value for g in extract_text(text).groups} == expected


def test_names_listed_after_the_firms_that_ran_the_operation(extract_text):
    text = (
        "Meta said the network began in Peru and was run by two marketing firms: Andes Wave"
        " in Peru and Pacific Reach in Chile."
    )
    assert {g.value for g in extract_text(text).groups} == {"Andes Wave", "Pacific Reach"}
    # firms a sentence only lists, and people listed after a running verb, are not groups
    assert (
        groups_of(extract_text, "The report praised two firms: Acme Plastics and Bolt Tools.") == []
    )
    assert (
        groups_of(extract_text, "The ministry was run by two officials: Ana Ruiz and Pedro Gil.")
        == []
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a legislature addressed is not the party of the same word
        (
            "In May the platform told Congress it had found 200 accounts tied to the election.",
            set(),
        ),
        ("Its chief testified before Congress about the election.", set()),
        # "the Congress", or a sentence that names another party, keeps the party
        (
            "The posts attacked the BJP and praised the Congress before the election.",
            {"BJP", "Congress"},
        ),
        ("The BJP told Congress to apologise for the election posts.", {"BJP", "Congress"}),
    ],
)
def test_a_legislature_addressed_is_not_the_congress_party(extract_text, text, expected):
    assert {g.value for g in extract_text(text).groups} == expected


def test_the_firms_banned_from_the_platform_are_the_operators(extract_text):
    text = (
        "Meta said it had removed 80 accounts. The firms, Cairo-based Nile Reach and Emirati "
        "outfit Gulfstar, are banned from the platform."
    )
    assert {g.value for g in extract_text(text).groups} == {"Nile Reach", "Gulfstar"}
    for other in (
        "The firms, Acme Plastics and Bolt Tools, sell in Lisbon.",
        "The accounts were run by two firms, Meta said, and spread fake news.",
    ):
        assert groups_of(extract_text, other) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"This was a paid operation," the researcher said of the network.', []),
        (
            'Researchers said the network, dubbed "Silent Harbour", ran 300 accounts.',
            [("Silent Harbour", "Silent Harbour")],
        ),
    ],
)
def test_a_quotation_is_no_quoted_name(extract_text, text, expected):
    assert groups_of(extract_text, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Lumenia\'s "Broken Compass", a network OpenAI says nobody had reported before,'
            " built a bot that posted comments on Telegram.",
            [("Broken Compass", "Broken Compass")],
        ),
        (
            "The Lumen Union of Free Media, an Iranian operation, had the models write articles.",
            [("Lumen Union of Free Media", "Lumen Union of Free Media")],
        ),
        ("The Lumen Union of Free Media held its congress in May.", []),
    ],
)
def test_an_appositive_presents_a_quoted_or_union_name_as_a_group(extract_text, text, expected):
    assert groups_of(extract_text, text) == expected


def test_a_name_the_tagger_also_calls_an_organisation_is_no_persons(nlp, resources):
    text = (
        "Facebook banned Rally Forge, a digital marketing firm, saying it ran a network of"
        " fake accounts. Jake Hoffman, president of Rally Forge, denied it."
    )
    doc = nlp(text)
    first, second = (i for i, t in enumerate(doc) if t.text == "Rally")
    people = [e for e in doc.ents if e.label_ == "PERSON" and "Hoffman" in e.text]
    doc.ents = [
        Span(doc, 0, 1, "PLATFORM"),
        Span(doc, first, first + 2, "PERSON"),  # as the tagger read it in one place
        *people,
        Span(doc, second, second + 2, "ORG"),
    ]
    found = extraction_from_doc(doc, "a.txt", "2020-10-08", resources)
    assert {g.value for g in found.groups} == {"Rally Forge"}
