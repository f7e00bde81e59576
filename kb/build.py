"""The build loop: inputs in, a consistent knowledge base out.

Errors are values here: each failed input becomes one ``ingest_errors`` row and
the loop goes on. Articles are committed in batches, each article in its own
savepoint, so a build that is killed leaves whole articles, and a re-run picks up
where it stopped (inputs whose bytes are unchanged are skipped).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from sqlite_utils import Database

from extract import Extraction, Extractor, Resources
from extract.dates import dateline_date
from ingest import (
    Article,
    BoilerplateRules,
    Deduplicator,
    Failure,
    PresskbError,
    count_lines,
    discover,
    drop_recurring,
    is_url,
    read_inputs,
)
from kb import store
from kb.settings import Settings
from kb.site.pages import refresh_site_pages
from link import link

LOGGER = logging.getLogger(__name__)
PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = PROJECT_ROOT / "corpus" / "seeds"
SAMPLE_GOLD = PROJECT_ROOT / "gold" / "seeds.yml"
# Built with the samples when no input is named, so a first site already shows
# multi-outlet events, their disagreements and speakers with several claims.
DEV_CORPUS = PROJECT_ROOT / "corpus" / "dev"
INTERNAL = "E999"
# Articles stored per commit: a commit per article cost more CPU than most of its
# writes. A killed build still leaves whole articles (each batch commits whole, and a
# re-run stores what the last batch held).
ARTICLES_PER_COMMIT = 32


class Progress(Protocol):
    """Told how many articles will be extracted and stored, then of each one done."""

    def start(self, total: int) -> None:
        """Called once, before the first article."""

    def advance(self, path: str) -> None:
        """Called after each article is stored."""


class UnknownEngine(PresskbError):
    """``--engine`` names no engine presskb has."""

    code = "E301"


class NoSampleCorpus(PresskbError):
    """No input was named and the bundled sample corpus is not where a clone keeps it."""

    code = "E302"


@dataclass
class BuildReport:
    """What one build did, for the CLI summary and for tests."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    errors: list[Failure] = field(default_factory=list)
    events: int = 0
    discrepancies: int = 0

    @property
    def changed(self) -> bool:
        """True when the knowledge base was written to."""
        return bool(self.new or self.updated)


def default_inputs() -> list[Path]:
    """What ``presskb build`` reads when no input is named: the samples, and the
    development corpus where the clone has it."""
    return [folder for folder in (SAMPLE_CORPUS, DEV_CORPUS) if folder.is_dir()]


def build(
    inputs: Sequence[str | Path],
    db: Database,
    settings: Settings | None = None,
    extractor: Extractor | None = None,
    progress: Progress | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> BuildReport:
    """Ingest, extract, store and link ``inputs`` into ``db`` incrementally.

    ``engine="local"`` streams articles through one spaCy pipeline in this process;
    ``engine="dask"`` maps reading, cleaning, MinHash signatures and extraction over
    partitions on a Dask cluster (a local one, or the scheduler at ``scheduler``).
    Either way deduplication decisions, writes and linking happen here, in order.
    """
    settings = settings or Settings()
    report = BuildReport()
    if not inputs and not SAMPLE_CORPUS.is_dir():
        raise NoSampleCorpus(
            f"no INPUT given and the sample corpus is not at {SAMPLE_CORPUS} "
            "(install presskb from a clone with 'pip install -e .', or name the inputs)"
        )
    known = store.known_inputs(db)
    items = list(discover(inputs or default_inputs()))
    report.unchanged += sum(1 for item in items if is_url(item.name) and item.name in known)
    computed: dict[str, tuple[Extraction, bytes | None]] = {}
    outcomes: list[Article | Failure] = []
    if engine == "dask":
        for result in _dask_engine()(items, known, settings, scheduler):
            if result.article is not None and result.extraction is not None:
                computed[result.article.article_id] = (result.extraction, result.signature)
            outcomes.append(result.failure or result.article)
    elif engine == "local":
        rules = BoilerplateRules.load()
        outcomes = list(read_inputs(items, rules, settings.ingest, skip=known.__contains__))
    else:
        raise UnknownEngine(f"unknown engine {engine!r}; use 'local' or 'dask'")
    fresh: list[Article] = []
    for outcome in outcomes:
        if isinstance(outcome, Failure):
            store.record_error(db, outcome.path, outcome.reason, outcome.code)
            report.errors.append(outcome)
        elif known.get(outcome.path) == outcome.raw_hash:
            report.unchanged += 1
        else:
            fresh.append(outcome)
    fresh = _without_recurring_lines(db, fresh, settings)
    if not fresh:
        if store.unlinked_articles(db):  # a killed build stored them but did not link them
            store.refresh_speaker_names(db)
            store.refresh_group_names(db)
            relink(db, settings, report)
        return report
    catalogue = extractor.resources if extractor else Resources.load()
    store.upsert_catalogue(db, "groups", catalogue.group_catalogue(), "group_id")
    store.upsert_catalogue(db, "platforms", catalogue.platform_catalogue(), "platform_id")
    ordered = _earliest_first(fresh)
    if computed:
        # Articles whose text lost recurring lines no longer match what the workers read.
        redo = [a for a in ordered if a.article_id not in computed]
        if redo:
            extractor = extractor or Extractor(resources=catalogue, settings=settings.extract)
            for article, extraction in zip(redo, extractor.extract_many(redo), strict=True):
                computed[article.article_id] = (extraction, None)
        stream: Iterable[tuple[Extraction, bytes | None]] = (
            computed[a.article_id] for a in ordered
        )
    else:
        extractor = extractor or Extractor(resources=catalogue, settings=settings.extract)
        stream = ((e, None) for e in extractor.extract_many(ordered))
    _store_articles(db, ordered, stream, known, settings, report, progress)
    store.refresh_speaker_names(db)
    store.refresh_group_names(db)
    relink(db, settings, report)
    return report


def _dask_engine() -> Callable[..., list[Any]]:
    """``kb.distributed.process_with_dask``, imported only when asked for: Dask is an
    optional extra and the local engine should not pay for importing it."""
    try:
        from kb.distributed import process_with_dask  # noqa: PLC0415 - optional extra
    except ImportError as exc:
        raise UnknownEngine(
            f"the dask engine needs Dask installed: pip install 'presskb[dask]' ({exc})"
        ) from exc
    return process_with_dask


def _without_recurring_lines(
    db: Database, fresh: list[Article], settings: Settings
) -> list[Article]:
    """Cut the lines each source repeats across its articles, counted over this batch
    and every stored article of the source (not the stored versions this batch replaces):
    a batch is judged whole, whatever the order of its files, and a later build sees what
    earlier ones stored (articles already stored keep their text)."""
    if not fresh or settings.ingest.recurring_line_articles <= 0:
        return fresh
    stale = store.article_ids_for_paths(db, [a.path for a in fresh])
    replaced = {article_id for ids in stale.values() for article_id in ids}
    sources = {a.source for a in fresh if a.source}
    counts = store.source_line_counts(db, sources, replaced)
    counts.update(count_lines(fresh, settings.ingest))
    return [drop_recurring(article, counts, settings.ingest) for article in fresh]


def _earliest_first(articles: Iterable[Article]) -> list[Article]:
    """Order in which copies count as earlier: by publication date (a wire story with no
    front matter is dated by its dateline: the paper that re-ran it the next day is the
    copy), then input order."""
    indexed = list(enumerate(articles))
    indexed.sort(
        key=lambda pair: (pair[1].published or dateline_date(pair[1].text) or "9999", pair[0])
    )
    return [article for _, article in indexed]


def _store_articles(
    db: Database,
    ordered: list[Article],
    computed: Iterable[tuple[Extraction, bytes | None]],
    known: dict[str, str],
    settings: Settings,
    report: BuildReport,
    progress: Progress | None,
) -> None:
    if progress is not None:
        progress.start(len(ordered))
    stale = store.article_ids_for_paths(db, [a.path for a in ordered])
    superseded = {article_id for ids in stale.values() for article_id in ids}
    dedup = Deduplicator(settings.ingest)
    for article_id, content_hash, signature, duplicate_of in store.stored_signatures(db):
        if article_id not in superseded:  # an old version is no original of its update
            dedup.add_known(article_id, content_hash, signature, duplicate_of)
    speakers = store.SpeakerIndex.load(db)
    pending = zip(ordered, computed, strict=True)
    while batch := list(islice(pending, ARTICLES_PER_COMMIT)):
        with db.atomic():  # one commit per batch; each article is a savepoint inside it
            speakers = _store_batch(
                db, batch, dedup, speakers, stale, known, settings, report, progress
            )


def _store_batch(
    db: Database,
    batch: list[tuple[Article, tuple[Extraction, bytes | None]]],
    dedup: Deduplicator,
    speakers: store.SpeakerIndex,
    stale: dict[str, list[str]],
    known: dict[str, str],
    settings: Settings,
    report: BuildReport,
    progress: Progress | None,
) -> store.SpeakerIndex:
    """Store a batch in the caller's transaction, each article in its own savepoint (one
    that fails is rolled back alone); returns the speaker index as it now stands."""
    for article, (extraction, precomputed) in batch:
        try:
            verdict, signature = dedup.check(
                article, lambda aid: store.article_text(db, aid), precomputed
            )
            store.write_article(
                db,
                article,
                verdict,
                signature,
                extraction,
                speakers,
                replaces=stale.get(article.path, ()),
                ingest=settings.ingest,
            )
        except Exception as exc:
            LOGGER.debug("internal error on %s", article.path, exc_info=True)
            speakers = store.SpeakerIndex.load(db)  # the rolled-back article may have added some
            store.record_error(
                db, article.path, f"internal error: {type(exc).__name__}: {exc}", INTERNAL
            )
            report.errors.append(Failure(article.path, str(exc), INTERNAL))
            continue
        if progress is not None:
            progress.advance(article.path)
        if article.path in known:
            report.updated += 1
        else:
            report.new += 1
        if verdict.duplicate_of is not None:
            report.duplicates += 1
    return speakers


def relink(db: Database, settings: Settings, report: BuildReport) -> None:
    """Re-link the whole knowledge base with its stored document frequencies.

    Linking is a function of every stored article, so an incremental build ends
    with the events a full build would make; only the events that changed are
    rewritten, and the report counts those and their discrepancies.
    """
    profiles = store.load_profiles(db, store.article_ids(db))
    events, discrepancies = link(profiles, settings.link, store.document_frequencies(db))
    changed = set(store.write_events(db, events, discrepancies))
    report.events = len(changed)
    report.discrepancies = sum(1 for d in discrepancies if d.event_id in changed)
    refresh_site_pages(db.conn)  # the reader pages' aggregates, now that events are final


def iter_failures(report: BuildReport) -> Iterator[str]:
    """One line per failed input, for the summary."""
    for failure in report.errors:
        yield f"{failure.path}: {failure.reason}"
