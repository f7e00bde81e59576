"""Random text, HTML and front-matter through ingest and extract: nothing escapes."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest import Article, read_inputs
from ingest.readers import Failure
from kb import store
from kb.build import build
from kb.settings import Settings

FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

front_matter = st.one_of(
    st.just(""),
    st.builds(lambda body: f"---\n{body}\n---\n", st.text(max_size=80)),
    st.builds(lambda body: f"---\n{body}\n", st.text(max_size=80)),
    st.builds(
        lambda k, v: f"---\n{k}: {v}\n---\n",
        st.sampled_from(["url", "title", "published", "source", "other"]),
        st.text(max_size=30),
    ),
)
html = st.builds(
    lambda tags, text: "".join(f"<{t}>{text}" for t in tags),
    st.lists(
        st.sampled_from(
            ["html", "body", "p", "div", "script", "article", "/p", "nav", "h1", "!--"]
        ),
        max_size=12,
    ),
    st.text(max_size=200),
)


def run_inputs(files: dict[str, bytes], rules, ingest_settings):
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name, data in files.items():
            path = Path(tmp) / name
            path.write_bytes(data)
            paths.append(str(path))
        return list(read_inputs(paths, rules, ingest_settings))


@FUZZ
@given(head=front_matter, body=st.text(max_size=400))
def test_random_text_files(rules, ingest_settings, head, body):
    outcomes = run_inputs(
        {"a.txt": (head + body).encode("utf-8", "surrogatepass")}, rules, ingest_settings
    )
    assert len(outcomes) == 1
    assert isinstance(outcomes[0], Failure | Article)
    if isinstance(outcomes[0], Failure):
        assert outcomes[0].reason and outcomes[0].code.startswith("E1")


@FUZZ
@given(data=st.binary(max_size=600))
def test_random_bytes(rules, ingest_settings, data):
    outcomes = run_inputs({"a.txt": data, "b.html": data}, rules, ingest_settings)
    assert len(outcomes) == 2
    assert all(isinstance(o, Failure | Article) for o in outcomes)


@FUZZ
@given(page=html)
def test_random_html(rules, ingest_settings, page):
    [outcome] = run_inputs(
        {"p.html": page.encode("utf-8", "surrogatepass")}, rules, ingest_settings
    )
    assert isinstance(outcome, Failure | Article)


@FUZZ
@given(
    text=st.lists(
        st.text(alphabet="abcdefghij ABCDEF.,;:“”\"'()-0123456789\n", max_size=8)
        | st.sampled_from(
            [
                "said ",
                "Minister ",
                "accounts ",
                "at least ",
                "hundreds of ",
                "on Monday ",
                "X ",
                "TTP ",
            ]
        ),
        max_size=40,
    ).map("".join),
    published=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
)
def test_random_text_through_extraction(extractor, text, published):
    extraction = extractor.extract(
        Article(path="f.txt", text=text, raw_hash="x", published=published)
    )
    for figure in extraction.accounts:
        assert text[figure.start : figure.end] == figure.text
    for claim in extraction.claims:
        assert text[claim.start : claim.end] == claim.text


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    files=st.lists(
        st.tuples(front_matter, st.text(max_size=200) | st.binary(max_size=200).map(str)),
        min_size=1,
        max_size=5,
    )
)
def test_every_random_input_is_an_article_or_an_error_row(extractor, files):
    with tempfile.TemporaryDirectory() as tmp:
        for i, (head, body) in enumerate(files):
            (Path(tmp) / f"{i}.txt").write_bytes((head + body).encode("utf-8", "surrogatepass"))
        db = store.open_db(Path(tmp) / "kb.db")
        report = build([tmp], db, Settings(), extractor=extractor)
        stored = db["articles"].count + db["ingest_errors"].count
        assert stored == len(files) == report.new + len(report.errors)
        assert not [e for e in report.errors if e.code == "E999"]
        db.close()
