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
import pytest_asyncio
import yaml
from datasette.app import Datasette
from spacy.lang.en import English
from spacy.language import Language

from extract import Extractor, Resources, build_nlp
from extract.pipeline import add_gazetteer
from ingest import Article, BoilerplateRules, IngestSettings
from kb import store
from kb.build import SAMPLE_CORPUS, SAMPLE_GOLD, BuildReport, build
from kb.publish import metadata_for, public_datasette_settings
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


# Four short articles written for the site tests: one event told by three outlets
# (named by front-matter, by URL only, and not at all) and one article whose scraped
# text and outlet name carry markup.
READER_CORPUS = {
    "northern.txt": """---
url: https://www.northernledger.example/news/varga-accounts
title: Minister says 350 extremist accounts suspended
published: 2026-03-02
source: Northern Ledger
---
Digital Affairs Minister Ilse Varga said on Monday that at least 350 social media accounts \
linked to Boko Haram had been suspended on Telegram.
Varga urged the platforms to remove the remaining accounts and to share the identities of \
the people running them.
The minister said the accounts had spread recruitment videos for months.
""",
    "south.txt": """---
url: https://www.southgazette.example/2026/03/03/varga
title: Hundreds of accounts removed, minister says
published: 2026-03-03
---
Digital Affairs Minister Ilse Varga said on Monday that hundreds of accounts run by \
Boko Haram were removed from Telegram and Facebook.
Varga urged the platforms to remove the remaining accounts.
She said the removed accounts had spread recruitment videos.
""",
    "plain-copy.txt": """---
title: Varga on extremist accounts
published: 2026-03-03
---
Digital Affairs Minister Ilse Varga said on Monday that about 400 accounts tied to \
Boko Haram were taken down on Telegram.
Varga urged platforms to remove the remaining accounts quickly.
""",
    "tagged.txt": """---
url: https://tagtest.example/a
source: Tag <b>Test</b> Weekly
published: 2026-04-10
---
Interior Minister Piet Olsen said on Friday that <script>alert('owned')</script> 120 \
accounts were blocked on X.
Olsen urged X to detect and report the accounts behind the campaign.
""",
}


@pytest.fixture(scope="session")
def reader_kb(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> SampleKB:
    """``READER_CORPUS`` built once into a knowledge base (read-only for tests)."""
    folder = tmp_path_factory.mktemp("reader")
    corpus = folder / "corpus"
    corpus.mkdir()
    for name, text in READER_CORPUS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    db = store.open_db(folder / "kb.db")
    report = build([str(corpus)], db, Settings(), extractor=extractor)
    db.close()
    return SampleKB(folder / "kb.db", report)


async def make_site(path: Path, public: bool) -> Datasette:
    """A Datasette over one knowledge base, as ``presskb serve`` or ``publish`` runs it."""
    ds = Datasette(
        [str(path)] if not public else [],
        immutables=[str(path)] if public else [],
        metadata=metadata_for(path, public=public),
        settings=public_datasette_settings() if public else {},
    )
    await ds.invoke_startup()
    return ds


@pytest.fixture(scope="session")
def site_factory():
    """``make_site`` for tests that build their own knowledge base."""
    return make_site


@pytest_asyncio.fixture(scope="session")
async def ds(sample_kb: SampleKB) -> Datasette:
    """The samples served as ``presskb serve`` does."""
    return await make_site(sample_kb.path, public=False)


@pytest_asyncio.fixture(scope="session")
async def public_ds(sample_kb: SampleKB) -> Datasette:
    """The samples served as ``presskb publish`` does."""
    return await make_site(sample_kb.path, public=True)


@pytest_asyncio.fixture(scope="session")
async def reader_site(reader_kb: SampleKB) -> Datasette:
    """``READER_CORPUS`` served as ``presskb publish`` does."""
    return await make_site(reader_kb.path, public=True)


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
