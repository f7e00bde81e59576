"""Speech cues of news English the first rules missed (issue #12), on sentences
written for these tests: a relative clause that reports what was said, verbs of
mockery and promise, "called X Y", "did not rule out", a hyphenated title
before a name, a pronoun that is its own sentence's subject ("X set the tone, when
he said ..."); and the look-alikes that report nothing. ``None`` means the person
must not be a speaker."""

from __future__ import annotations

import pytest


def speakers(extraction):
    return {s.name: sorted({t.text for t in s.titles}) for s in extraction.speakers}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The regulator's chief, Jan Holm, spoke first. He was followed by Deputy AG "
            "Tomas Reyes, who said the network took orders from Tehran directly.",
            {"Tomas Reyes": ["Deputy AG"]},
            id="relative_clause_reports",
        ),
        pytest.param(
            "Finance Minister Ruth Okello, who has lately posted her speeches on a local app, "
            "is expected to address the senate on Thursday.",
            {"Ruth Okello": None},
            id="relative_clause_describes",
        ),
        pytest.param(
            "NTV editor-in-chief Oleg Markov mocked the sanctions on his channel.",
            {"Oleg Markov": ["NTV editor-in-chief"]},
            id="mocked_hyphenated_title",
        ),
        pytest.param(
            "The Chinese Foreign Ministry's spokeswoman, Lucia Vargas, promised a response "
            "but did not say what it would be.",
            {"Lucia Vargas": ["Chinese Foreign Ministry's spokeswoman"]},
            id="promised",
        ),
        pytest.param(
            'President Ruiz, who uses the app to reach voters, called the decision "absurd".',
            {"Ruiz": ["President"]},
            id="called_quoted",
        ),
        pytest.param(
            "Mayor Tom Hale called a meeting on Friday.",
            {"Tom Hale": None},
            id="called_a_meeting",
        ),
        pytest.param(
            "Interior Minister Jan Berg (SPD) had in May not ruled out closing the service "
            "if it kept refusing to cooperate.",
            {"Jan Berg": ["Interior Minister"]},
            id="did_not_rule_out",
        ),
        pytest.param(
            "Judge Maria Costa said on Friday the app had ignored her orders. Arvid Lund, "
            "Spotify's founder, had set the tone a day earlier, when he apologised to the court "
            "and said the firm had missed its letters.",
            {"Arvid Lund": ["Spotify's founder"], "Maria Costa": ["Judge"]},
            id="pronoun_of_the_sentence_subject",
        ),
        pytest.param(
            "Attorney General Jan Kos said the sites were fake. Lars Eng, the Oslo professor "
            "who studies propaganda, made a related point in a column this week: the reach is "
            "inflated, he said, and the real audience was small.",
            {
                "Jan Kos": ["Attorney General"],
                "Lars Eng": ["Oslo professor who studies propaganda"],
            },
            id="pronoun_after_a_framing_colon",
        ),
        pytest.param(
            '"The rules are clear," Anna Berg, the agency\'s chief counsel, and Omar Haddad, '
            "its head of policy, wrote in a letter.",
            {"Anna Berg": ["the agency's chief counsel"], "Omar Haddad": ["head of policy"]},
            id="two_titled_writers",
        ),
        pytest.param(
            "Acme is installed on about 41% of phones in the country, according to a survey by "
            "Datafolha Research.",
            {"Datafolha Research": None},
            id="survey_firm_cited_for_a_figure",
        ),
        pytest.param(
            "The app has been installed 20 million times in the country, according to the app "
            "analytics firm Appmeter Labs.",
            {"Appmeter Labs": None},
            id="analytics_firm_cited_for_a_figure",
        ),
        pytest.param(
            "According to the rights group Access Now, the shutdown was illegal.",
            {"Access Now": []},
            id="a_group_described_by_its_cause_still_speaks",
        ),
        pytest.param(
            "The app broke the rules, according to a statement by the Lusaka Media Council.",
            {"Lusaka Media Council": []},
            id="statement_by_still_credits",
        ),
        pytest.param(
            "Expect this line again the next time Snapchat or Reddit publishes a Russia set.",
            {"Snapchat": None, "Reddit": None},
            id="next_time_publishes",
        ),
        pytest.param(
            "Still to watch: whether Reddit publishes anything on the same network.",
            {"Reddit": None},
            id="whether_publishes",
        ),
        pytest.param(
            "Reddit says it removed 30 accounts.",
            {"Reddit": []},
            id="present_tense_report",
        ),
        pytest.param(
            'Snapchat on Monday released 900 posts from 40 accounts. "We are sharing the data '
            'for research," the company said in its announcement, which was written by Ken Ito, '
            "Snapchat's head of integrity, and Maria Ortiz, its top legal and policy executive.",
            {
                "Ken Ito": ["head of integrity"],
                "Maria Ortiz": ["top legal and policy executive"],
                "Snapchat": [],
            },
            id="authors_of_the_statement_credited_beside_the_firm",
        ),
        pytest.param(
            "The Lusaka Media Council issued a statement on Monday denying the report.",
            {"Lusaka Media Council": []},
            id="issued_a_statement",
        ),
        pytest.param(
            "The Lusaka Media Council issued 40 licences on Monday.",
            {"Lusaka Media Council": None},
            id="issued_no_statement",
        ),
        pytest.param(
            "NTV editor-in-chief Oleg Markov, who was among those sanctioned, mocked the "
            "measures on his channel; the Acme Group's press office had earlier put out a "
            'sarcastic statement listing "meddling" alongside the weather.',
            {"Oleg Markov": ["NTV editor-in-chief"]},
            id="clause_before_put_out_is_no_content",
        ),
    ],
)
def test_speech_cues(extract_text, text, expected):
    got = speakers(extract_text(text))
    for name, titles in expected.items():
        if titles is None:
            assert name not in got
        else:
            assert got.get(name) == sorted(titles)
