"""The cheap first pass: which sentences the full pipeline parses, and that parsing
only those changes nothing that is extracted or stored."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, fields, replace
from pathlib import Path

import pytest
from spacy.language import Language

from extract import Extractor, ExtractSettings, Resources
from extract.candidates import CandidateFilter
from ingest import Article, read_inputs
from kb import store
from kb.build import SAMPLE_CORPUS, build
from kb.settings import Settings, UnknownSetting

LEDE = (
    "Minister for Digital Affairs Ayesha Farooq said on Tuesday that 120 accounts spreading"
    " false flood warnings had been blocked after a week of complaints from residents."
)
QUIET = "Nothing of the sort had happened before. It rained all day and the roads were shut."
LATER = "Farooq toured the flooded district later."
TEXT = f"{LEDE}\n\n{QUIET}\n\n{LATER}\n"


@pytest.fixture(scope="module")
def candidates(nlp: Language, resources: Resources) -> CandidateFilter:
    return CandidateFilter(nlp, resources)


def _sentence(nlp: Language, text: str):
    return nlp.make_doc(text)[:]


def test_sentences_without_cue_or_name_are_masked_to_the_same_length(candidates):
    selection = candidates.select(TEXT)
    assert (selection.sentences, selection.kept) == (4, 2)
    masked = selection.parse.text
    assert len(masked) == len(TEXT)
    quiet = TEXT.index(QUIET)
    assert masked[quiet : quiet + len(QUIET)] == " " * len(QUIET)
    assert masked[: len(LEDE)] == LEDE
    assert masked[TEXT.index(LATER) :] == f"{LATER}\n"
    assert [i for i, c in enumerate(masked) if c == "\n"] == [
        i for i, c in enumerate(TEXT) if c == "\n"
    ]


def test_a_text_kept_whole_is_parsed_as_it_is(candidates, nlp):
    selection = candidates.select(LEDE)
    fresh = nlp.make_doc(LEDE)
    assert selection.parse.text == LEDE
    assert [t.text for t in selection.parse] == [t.text for t in fresh]
    assert [t.is_sent_start for t in selection.parse] == [t.is_sent_start for t in fresh]
    assert selection.kept == selection.sentences == 1


def test_masked_extraction_equals_the_whole_parse(nlp, resources):
    article = Article(path="a.txt", text=TEXT, raw_hash="x", published="2025-03-04")
    whole = Extractor(resources, ExtractSettings(parse="all"), nlp).extract(article)
    masked = Extractor(resources, ExtractSettings(parse="candidates"), nlp).extract(article)
    assert masked == whole
    assert [s.name for s in masked.speakers] == ["Ayesha Farooq"]
    assert [(a.text, a.min, a.max) for a in masked.accounts] == [("120", 120, 120)]
    for account in masked.accounts:
        assert TEXT[account.start : account.end] == account.text


def test_a_cue_keeps_the_sentence_before_it(candidates):
    text = f"{LEDE}\n\n{QUIET} That is the whole of it, a resident added.\n"
    selection = candidates.select(text)
    assert (selection.sentences, selection.kept) == (4, 3)
    assert "It rained all day" in selection.parse.text  # the one right before "added"
    assert "Nothing of the sort" not in selection.parse.text


def test_speech_cues_match_inflected_forms_through_the_lemmatizer_rules(nlp, candidates):
    assert candidates.is_cue(_sentence(nlp, "the decision was announced at noon."))
    assert candidates.is_cue(_sentence(nlp, "a resident told the crowd to go home."))
    assert not candidates.is_cue(_sentence(nlp, "the roads were shut at noon."))


def test_a_word_added_to_a_cue_list_makes_its_sentences_candidates(nlp, resources):
    sentence = _sentence(nlp, "the verdict was whispered to the waiting crowd.")
    assert not CandidateFilter(nlp, resources).is_cue(sentence)
    extended = replace(resources, speech_verbs=resources.speech_verbs | {"whisper"})
    assert CandidateFilter(nlp, extended).is_cue(sentence)


def test_a_cue_list_added_to_resources_is_read_without_naming_it(nlp, resources):
    @dataclass(frozen=True)
    class WithRumours(Resources):
        rumour_words: frozenset[str] = frozenset({"rumour"})

    extended = WithRumours(**{f.name: getattr(resources, f.name) for f in fields(resources)})
    sentence = _sentence(nlp, "the rumour spread quickly through the market.")
    assert not CandidateFilter(nlp, resources).is_cue(sentence)
    assert CandidateFilter(nlp, extended).is_cue(sentence)


def test_figures_count_only_beside_an_account_noun_or_partitive(nlp, candidates):
    assert candidates.is_cue(_sentence(nlp, "some 40 accounts were still online."))
    assert candidates.is_cue(_sentence(nlp, "only 40 of them were still online."))
    assert not candidates.is_cue(_sentence(nlp, "some 40 people were still waiting."))


def test_gazetteer_names_make_a_sentence_a_candidate(nlp, candidates):
    sentence = "a clip praising the balochistan liberation army spread within hours."
    assert candidates.is_cue(_sentence(nlp, sentence))
    assert not candidates.is_cue(_sentence(nlp, "a clip praising the weather spread within hours."))


def test_parse_setting_takes_only_its_choices(resources, nlp):
    assert Settings().override([("parse", "all")]).extract.parse == "all"
    with pytest.raises(UnknownSetting, match="parse"):
        Settings().override([("parse", "everything")])
    assert Extractor(resources, ExtractSettings(parse="all"), nlp).candidates is None


def test_sample_extractions_are_identical_both_ways(
    resources, nlp, sample_files, rules, ingest_settings
):
    inputs = [str(p) for p in sample_files]
    articles = [a for a in read_inputs(inputs, rules, ingest_settings) if isinstance(a, Article)]
    assert len(articles) == 5
    whole = Extractor(resources, ExtractSettings(parse="all"), nlp)
    masked = Extractor(resources, ExtractSettings(parse="candidates"), nlp)
    assert list(masked.extract_many(articles)) == list(whole.extract_many(articles))


def _profiles(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("select * from article_profiles order by article_id").fetchall()


def test_sample_article_profiles_are_identical_both_ways(tmp_path, resources, nlp):
    paths = {}
    for parse in ("all", "candidates"):
        paths[parse] = tmp_path / f"{parse}.db"
        settings = Settings().override([("parse", parse)])
        db = store.open_db(paths[parse])
        build(
            [SAMPLE_CORPUS],
            db,
            settings,
            extractor=Extractor(resources, settings.extract, nlp),
        )
        db.close()
    assert _profiles(paths["candidates"]) == _profiles(paths["all"])
    assert len(_profiles(paths["all"])) == 5
