"""Plain-text inputs: front-matter, encodings, and every kind of bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import read_file, read_inputs
from ingest.errors import (
    BinaryFile,
    BrokenFrontMatter,
    EmptyArticle,
    FileTooLarge,
    UndecodableText,
    UnreadableFile,
    UnsupportedInput,
)
from ingest.readers import Failure

BODY = "Officials said on Monday that 300 accounts had been suspended after a review.\n"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_front_matter_gives_metadata(tmp_path, rules, ingest_settings):
    path = write(
        tmp_path,
        "a.txt",
        "---\nurl: https://example.com/news/1\ntitle: Headline here\npublished: 2025-12-16\n"
        "source: Example Times\n---\n" + BODY,
    )
    article = read_file(path, rules, ingest_settings)
    assert (article.url, article.title, article.published, article.source) == (
        "https://example.com/news/1",
        "Headline here",
        "2025-12-16",
        "Example Times",
    )
    assert article.text == BODY.strip()


def test_without_front_matter_nothing_is_guessed(tmp_path, rules, ingest_settings):
    article = read_file(write(tmp_path, "2025-12-16_dawn.txt", BODY), rules, ingest_settings)
    assert (article.url, article.title, article.published, article.source) == (None,) * 4


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: x\n" + BODY, "never closed"),
        ("---\ntitle: [unclosed\n---\n" + BODY, "not valid YAML"),
        ("---\n- a list\n---\n" + BODY, "'key: value'"),
        ("---\npublished: next tuesday\n---\n" + BODY, "'published' must be a date"),
    ],
)
def test_broken_front_matter_is_reported(tmp_path, rules, ingest_settings, text, message):
    with pytest.raises(BrokenFrontMatter, match=message):
        read_file(write(tmp_path, "a.txt", text), rules, ingest_settings)


def test_cp1252_and_latin1_are_decoded(tmp_path, rules, ingest_settings):
    cp = write(tmp_path, "cp.txt", "The minister’s “remarks” on Monday.".encode("cp1252"))
    latin = write(tmp_path, "latin.txt", "Café owners in Zürich said so.".encode("latin-1"))
    assert read_file(cp, rules, ingest_settings).text == "The minister’s “remarks” on Monday."
    assert read_file(cp, rules, ingest_settings).encoding == "cp1252"
    assert read_file(latin, rules, ingest_settings).text == "Café owners in Zürich said so."


def test_undecodable_bytes_are_reported(tmp_path, rules, ingest_settings):
    # 0x81 is undefined in cp1252 and a C1 control in Latin-1: no safe decoding.
    path = write(tmp_path, "bad.txt", b"Officials said \x81\x8d the figure was wrong.")
    with pytest.raises(UndecodableText, match="not UTF-8"):
        read_file(path, rules, ingest_settings)


def test_binary_file_is_reported(tmp_path, rules, ingest_settings):
    path = write(tmp_path, "img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(BinaryFile, match="binary data"):
        read_file(path, rules, ingest_settings)


def test_empty_and_whitespace_files_are_reported(tmp_path, rules, ingest_settings):
    for name, data in (("empty.txt", ""), ("blank.txt", "  \n\n\t\n")):
        with pytest.raises(EmptyArticle, match="no text"):
            read_file(write(tmp_path, name, data), rules, ingest_settings)


def test_huge_file_is_refused_without_reading_it(tmp_path, rules, ingest_settings):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper, nothing written
    with pytest.raises(FileTooLarge, match=r"104\.9 MB, over the 20 MB limit"):
        read_file(path, rules, ingest_settings)


def test_unsupported_extension_and_missing_file(tmp_path, rules, ingest_settings):
    with pytest.raises(UnsupportedInput, match=r"unsupported file type '\.pdf'"):
        read_file(write(tmp_path, "a.pdf", b"%PDF-1.4"), rules, ingest_settings)
    with pytest.raises(UnreadableFile, match="no such file"):
        read_file(tmp_path / "missing.txt", rules, ingest_settings)


def test_batch_goes_on_after_bad_inputs(tmp_path, rules, ingest_settings):
    good = write(tmp_path, "good.txt", BODY)
    bad = write(tmp_path, "bad.txt", b"\x00\x01\x02")
    outcomes = list(read_inputs([str(bad), str(good)], rules, ingest_settings))
    assert isinstance(outcomes[0], Failure)
    assert outcomes[0].code == "E104"
    assert outcomes[1].text == BODY.strip()
