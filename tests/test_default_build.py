"""``presskb build`` with no input: a first site worth opening."""

from __future__ import annotations

from kb import store
from kb.build import DEV_CORPUS, SAMPLE_CORPUS, build, default_inputs
from kb.settings import Settings


def test_no_input_builds_the_samples_and_the_development_corpus():
    assert default_inputs() == [SAMPLE_CORPUS, DEV_CORPUS]


def test_first_site_shows_multi_outlet_events_disagreements_and_speakers(tmp_path, extractor):
    db = store.open_db(tmp_path / "kb.db")
    build([], db, Settings(), extractor=extractor)
    multi = db.execute("select count(*) from events where article_count >= 2").fetchone()[0]
    disputed = db.execute("select count(*) from events where discrepancy_count > 0").fetchone()[0]
    quoted = db.execute(
        """select count(*) from (select speaker_id from claims where speaker_id is not null
           group by speaker_id having count(distinct article_id) >= 2)"""
    ).fetchone()[0]
    db.close()
    assert multi >= 5 and disputed >= 3 and quoted >= 5
