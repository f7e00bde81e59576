"""The ``presskb`` command: a thin skin over ``kb.build``, ``kb.publish`` and ``kb.evaluate``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ingest.errors import PresskbError
from kb import store
from kb.build import SAMPLE_GOLD, default_inputs, iter_failures
from kb.build import build as run_build
from kb.evaluate import Report, macro_f1, reports
from kb.evaluate_links import UNTYPED
from kb.gold import default_corpus, load_gold_file
from kb.settings import SETTINGS, Settings

DEFAULT_DB = "kb.db"


class _ProgressBar:
    """A click progress bar over the articles a build extracts and stores."""

    def __init__(self) -> None:
        self.bar: Any = None

    def start(self, total: int) -> None:
        self.bar = click.progressbar(
            length=total, label="Extracting and storing", file=sys.stderr, show_pos=True
        )
        self.bar.__enter__()

    def advance(self, path: str) -> None:
        self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def run_serve(db_path: Path, **options: Any) -> int:
    """``kb.publish.serve``, imported only when a server starts: Datasette's import
    (half a second) is no part of a build or an eval."""
    from kb.publish import serve  # noqa: PLC0415 - keeps Datasette out of build and eval

    return serve(db_path, **options)


def run_export(db_path: Path, folder: Path) -> Any:
    """``kb.export.export``, imported only when asked for (it imports Datasette's settings)."""
    from kb.export import export  # noqa: PLC0415 - keeps Datasette out of build and eval

    return export(db_path, folder)


def _settings(pairs: tuple[tuple[str, str], ...]) -> Settings:
    try:
        return Settings().override(list(pairs))
    except PresskbError as exc:
        raise click.ClickException(str(exc)) from exc


setting_option = click.option(
    "--setting",
    "settings",
    type=(str, str),
    multiple=True,
    metavar="NAME VALUE",
    help="Override a setting (see 'presskb settings'); repeatable.",
)


@click.group()
@click.version_option(package_name="presskb")
def cli() -> None:
    """presskb: a press-claim tracking and source-comparison knowledge base."""


@cli.command()
@click.argument("inputs", nargs=-1)
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="Knowledge base file.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: one process; dask: map reading and extraction over a Dask cluster.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="dask.distributed scheduler (tcp://host:8786); default: a local cluster.",
)
@setting_option
def build(
    inputs: tuple[str, ...],
    db_path: str,
    engine: str,
    scheduler: str | None,
    settings: tuple[tuple[str, str], ...],
) -> None:
    """Build or update a knowledge base from INPUTS.

    INPUTS are .txt or .html files, folders of them, http(s) URLs or RSS/Atom feed
    URLs. With none, the bundled samples and the development corpus are used
    (corpus/seeds and corpus/dev). Inputs whose content has not changed since
    the last build are skipped.

    Example:

        presskb build corpus/seeds https://example.com/feed.xml --db kb.db

        presskb build big-corpus/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    config = _settings(settings)
    db = store.open_db(db_path)
    shown = inputs or tuple(str(folder) for folder in default_inputs())
    click.echo(f"Building {db_path} from {', '.join(shown)}", err=True)
    bar = _ProgressBar()
    try:
        report = run_build(
            list(inputs), db, config, progress=bar, engine=engine, scheduler=scheduler
        )
    except PresskbError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        bar.close()
    click.echo(
        f"{report.new} new, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.duplicates} duplicates, {len(report.errors)} errors"
    )
    if report.changed:
        click.echo(f"{report.events} events re-linked, {report.discrepancies} discrepancies")
    else:
        click.echo("Nothing changed.")
    for line in iter_failures(report):
        click.echo(f"  error: {line}")
    good = report.new + report.updated + report.unchanged
    if report.errors and not good:
        raise click.ClickException("no input could be read; see the errors above")


@cli.command(name="eval")
@click.option(
    "--gold",
    "gold_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=str(SAMPLE_GOLD),
    show_default=True,
    help="Annotation file (the format of gold/seeds.yml).",
)
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="Knowledge base file.")
@click.option(
    "--corpus",
    "corpus_path",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of the annotated files, for body lines lost [default: corpus/NAME].",
)
@click.option(
    "--held-out",
    "held_out",
    multiple=True,
    metavar="EVENT",
    help="Score this gold event apart; repeatable [default: gold/held_out.yml].",
)
@click.option("--misses", is_flag=True, help="List every miss: file, field, expected, got.")
@click.option(
    "--include-held-out",
    is_flag=True,
    help="With --misses, list the held-out events' misses too (for a final review only).",
)
def evaluate_command(
    gold_path: Path,
    db_path: str,
    corpus_path: Path | None,
    held_out: tuple[str, ...],
    misses: bool,
    include_held_out: bool,
) -> None:
    """Score a knowledge base against hand annotations.

    Prints precision, recall and F1 per claim field, the ingest figures (furniture
    kept, body lines lost, copies found, false merges) and the linking figures (event
    pairs, gold discrepancies found with their kind, agreeing pairs flagged), for the
    working set and, apart, for the events held out.

    Example:

        presskb eval --gold gold/dev.yml --db dev.db --misses
    """
    if not Path(db_path).exists():
        raise click.ClickException(f"no knowledge base at {db_path}; run 'presskb build' first")
    try:
        gold = load_gold_file(gold_path, held_out or None)
        corpus = corpus_path or default_corpus(gold_path)
        results = list(reports(store.open_db(db_path), gold, corpus))
    except PresskbError as exc:
        raise click.ClickException(str(exc)) from exc
    for index, result in enumerate(results):
        if index:
            click.echo("")
        _print_report(result)
    if misses:
        for result in results:
            if result.name == "held out" and not include_held_out:
                continue
            click.echo(f"\nMisses, {result.name}: file | field | expected | got")
            for miss in result.misses:
                click.echo(f"{miss.file} | {miss.field} | {miss.expected} | {miss.got}")


def _print_report(result: Report) -> None:
    click.echo(f"== {result.name}: {result.articles} articles, {result.events} events")
    click.echo(f"{'field':16} {'precision':>9} {'recall':>7} {'F1':>6}   tp  fp  fn")
    for name, score in [*result.claims.items(), ("event pairs", result.event_pairs)]:
        click.echo(
            f"{name:16} {score.precision:9.3f} {score.recall:7.3f} {score.f1:6.3f}"
            f" {score.tp:4d}{score.fp:4d}{score.fn:4d}"
        )
    for name, (count, total) in result.ingest.items():
        click.echo(f"{name:32} {count:5d} of {total}")
    found = sum(hit for key, (hit, _) in result.discrepancies.items() if key != UNTYPED)
    due = sum(n for key, (_, n) in result.discrepancies.items() if key != UNTYPED)
    click.echo(f"{'discrepancies found with kind':32} {found:5d} of {due}")
    for key, (hit, total) in result.discrepancies.items():
        click.echo(f"  {key:30} {hit:5d} of {total}")
    flagged, agreeing = result.agree_flagged
    click.echo(f"{'agreeing pairs flagged':32} {flagged:5d} of {agreeing}")
    click.echo(f"{'macro F1':16} {'':9} {'':7} {macro_f1(result.claims):6.3f}")


db_file_option = click.option(
    "--db",
    "db_path",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(path_type=Path),
    help="Knowledge base file.",
)


def _serve_options(function):
    for option in reversed(
        (
            db_file_option,
            click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind."),
            click.option("--port", default=8001, show_default=True, type=int, help="Port to bind."),
        )
    ):
        function = option(function)
    return function


@cli.command()
@_serve_options
@click.option("--public", is_flag=True, help="Read-only public mode (see 'presskb publish').")
def serve(db_path: Path, host: str, port: int, public: bool) -> None:
    """Browse a knowledge base with Datasette, described by metadata.yml.

    Example:

        presskb serve --db kb.db --port 8001
    """
    try:
        code = run_serve(db_path, public=public, host=host, port=port)
    except PresskbError as exc:
        raise click.ClickException(str(exc)) from exc
    sys.exit(code)


@cli.command()
@_serve_options
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Server processes sharing the port  [default: one per core]",
)
def publish(db_path: Path, host: str, port: int, workers: int | None) -> None:
    """Serve a knowledge base as a read-only public site.

    The database is opened immutable (with a 'datasette inspect' file), arbitrary
    SQL is refused to everyone (canned queries still run), queries are time-limited,
    downloads are off and robots.txt asks crawlers to stay away.

    Example:

        presskb publish --db kb.db --host 0.0.0.0 --port 8080
    """
    try:
        code = run_serve(db_path, public=True, host=host, port=port, workers=workers)
    except PresskbError as exc:
        raise click.ClickException(str(exc)) from exc
    sys.exit(code)


@cli.command(name="export")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@db_file_option
def export_command(folder: Path, db_path: Path) -> None:
    """Write every table and view as CSV and JSON Lines into FOLDER.

    FOLDER also gets a README.md describing every column (from metadata.yml).
    The knowledge base is only read.

    Example:

        presskb export kb-data --db kb.db
    """
    try:
        report = run_export(db_path, folder)
    except PresskbError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Wrote {len(report.tables)} tables ({report.rows} rows) to {folder}")


@cli.command(name="settings")
def list_settings() -> None:
    """List every setting with its default and what it does.

    Example:

        presskb settings
    """
    for info in SETTINGS:
        click.echo(f"{info.name:24} {info.default!s:>12}  [{info.stage}] {info.help}")


def main() -> None:
    """Entry point for ``python -m kb.cli``."""
    cli()


if __name__ == "__main__":
    main()
