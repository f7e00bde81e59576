"""The Dask engine: the per-input work as a map over partitions.

Reading, cleaning, MinHash signatures and extraction are pure per input, so a
partition of inputs becomes a partition of results on any worker. The LSH banding
and the exact duplicate check, the writes and the linking stay with ``kb.build``,
which merges the results in order. A local cluster is started when no scheduler
address is given; Dask does the scheduling, presskb none of it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

import dask.bag as dask_bag
from distributed import Client, LocalCluster

from extract import Extraction, Extractor, ExtractSettings
from ingest import Article, BoilerplateRules, Failure, IngestSettings, InputItem, read_inputs
from ingest.dedup import signature_bytes
from kb.settings import Settings


@dataclass(frozen=True)
class PartitionResult:
    """What a worker hands back for one input (or one feed entry)."""

    failure: Failure | None = None
    article: Article | None = None
    extraction: Extraction | None = None
    signature: bytes | None = None


@lru_cache(maxsize=2)
def worker_extractor(settings: ExtractSettings) -> Extractor:
    """One pipeline per worker process and settings (``worker_extractor.cache_clear()`` resets)."""
    return Extractor(settings=settings)


def process_partition(
    items: list[InputItem], known: dict[str, str], ingest: IngestSettings, extract: ExtractSettings
) -> list[PartitionResult]:
    """Read, clean, sign and extract one partition of inputs."""
    rules = BoilerplateRules.load()
    outcomes = list(read_inputs(items, rules, ingest, skip=known.__contains__))
    fresh = [o for o in outcomes if isinstance(o, Article) and known.get(o.path) != o.raw_hash]
    extractions = dict(
        zip(
            [a.article_id for a in fresh],
            worker_extractor(extract).extract_many(fresh) if fresh else [],
            strict=True,
        )
    )
    results = []
    for outcome in outcomes:
        if isinstance(outcome, Failure):
            results.append(PartitionResult(failure=outcome))
        else:
            results.append(
                PartitionResult(
                    article=outcome,
                    extraction=extractions.get(outcome.article_id),
                    signature=signature_bytes(outcome.text, ingest)
                    if outcome.article_id in extractions
                    else None,
                )
            )
    return results


def process_with_dask(
    items: list[InputItem], known: dict[str, str], settings: Settings, scheduler: str | None
) -> list[PartitionResult]:
    """Map :func:`process_partition` over ``items`` on a Dask cluster, in input order."""
    if not items:
        return []
    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        workers = os.cpu_count() or 1
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        partitions = max(1, min(len(items), workers * 2))
        bag = dask_bag.from_sequence(items, npartitions=partitions)
        mapped = bag.map_partitions(process_partition, known, settings.ingest, settings.extract)
        return list(mapped.compute())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
