"""Shared fixtures: resources and spaCy built once per run, a sample KB built once,
a Datasette client over it, and a local HTTP server with canned responses."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
import yaml
from spacy.lang.en import English
from spacy.language import Language

from extract import Extractor, Resources, build_nlp
from extract.pipeline import add_gazetteer
from ingest import Article, BoilerplateRules, IngestSettings
from kb import store
from kb.build import SAMPLE_CORPUS, SAMPLE_GOLD, BuildReport, build
from kb.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources.load()


@pytest.fixture(scope="session")
def nlp(resources: Resources) -> Language:
    return build_nlp(resources)


@pytest.fixture(scope="session")
def blank_nlp(resources: Resources) -> Language:
    """A blank English pipeline with a sentencizer and the gazetteer: for pattern tests."""
    blank = English()
    blank.add_pipe("sentencizer")
    return add_gazetteer(blank, resources)


@pytest.fixture(scope="session")
def extractor(resources: Resources, nlp: Language) -> Extractor:
    return Extractor(resources=resources, nlp=nlp)


@pytest.fixture(scope="session")
def rules() -> BoilerplateRules:
    return BoilerplateRules.load()


@pytest.fixture
def ingest_settings() -> IngestSettings:
    return IngestSettings()


@pytest.fixture(scope="session")
def gold() -> dict:
    return yaml.safe_load(SAMPLE_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def sample_files() -> list[Path]:
    return sorted(SAMPLE_CORPUS.glob("*.txt"))


@dataclass
class SampleKB:
    path: Path
    report: BuildReport


@pytest.fixture(scope="session")
def sample_kb(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> SampleKB:
    """The bundled samples built once into a knowledge base (read-only for tests)."""
    path = tmp_path_factory.mktemp("kb") / "kb.db"
    db = store.open_db(path)
    report = build([str(SAMPLE_CORPUS)], db, Settings(), extractor=extractor)
    db.close()
    return SampleKB(path, report)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def extract_text(extractor: Extractor):
    """Extract a snippet of text as an article (optionally with a publication date)."""

    def run(text: str, published: str | None = None):
        return extractor.extract(
            Article(path="snippet.txt", text=text, raw_hash="x", published=published)
        )

    return run


@dataclass
class Page:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0


class _Handler(BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, Page]] = {}

    def do_GET(self) -> None:
        page = self.pages.get(self.path)
        if page is None:
            page = Page(b"not found", 404, "text/plain")
        if page.delay:
            time.sleep(page.delay)
        try:
            self.send_response(page.status)
            self.send_header("Content-Type", page.content_type)
            self.send_header("Content-Length", str(len(page.body)))
            self.end_headers()
            self.wfile.write(page.body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args: object) -> None:
        pass


@dataclass
class LocalServer:
    base: str
    pages: dict[str, Page]

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def http_server() -> Iterator[LocalServer]:
    """Serve canned pages on 127.0.0.1 (no other network is reachable here)."""
    pages: dict[str, Page] = {}
    handler = type("Handler", (_Handler,), {"pages": pages})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LocalServer(f"http://127.0.0.1:{server.server_address[1]}", pages)
    finally:
        server.shutdown()
        server.server_close()
