"""kb ingest, kb articles, kb build: getting articles into the store and listing them."""

from __future__ import annotations

import os
from pathlib import Path

import click

from pipeline.cli.options import db_option, json_option, open_store, print_json, progress_enabled, say
from pipeline.errors import KBError
from pipeline.settings import SETTINGS

CORPUS = Path("corpus")
EXPORTS = Path("graph_exports")


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@json_option
@click.option("--quiet", is_flag=True, help="No progress bar and no summary line (errors still go to stderr).")
@click.option(
    "--max-size",
    "max_mb",
    type=click.FloatRange(min=0, min_open=True),
    default=SETTINGS["max_file_mb"].default,
    show_default=True,
    help=SETTINGS["max_file_mb"].help,
)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes that run the NLP stages (one writer stores the results).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run the NLP stages here, or on a Dask cluster (with --scheduler).")
@click.option("--scheduler", help="Address of the Dask scheduler, e.g. tcp://10.0.0.5:8786 (with --engine dask).")
def ingest(paths, db_path, as_json, quiet, max_mb, workers, engine, scheduler):
    """Ingest articles from files and folders (recursively) into the knowledge base.

    Reads .txt/.md (optional "key: value" header), .html/.htm (main text only),
    .json/.jsonl (objects with "text" or "content") and web archives (.warc, .warc.gz,
    .arc, .arc.gz: the HTML pages with status 200, those on the story's topic). Safe to
    re-run: unchanged articles are skipped, edited ones replace their old version.

    \b
    Example:
        kb ingest corpus/ ~/news/2018/ --json

    Exit status: 0 when everything went in, 1 when some files failed.
    """
    if engine == "dask" and not scheduler:
        raise click.UsageError("--engine dask needs --scheduler ADDRESS (start one with: dask scheduler)")
    report = _run(paths, db_path, quiet=quiet or as_json, max_mb=max_mb, workers=workers,
                  scheduler=scheduler if engine == "dask" else None)  # fmt: skip
    if as_json:
        print_json(report.to_dict())
    elif not quiet:
        say(_summary(report))
    raise SystemExit(1 if report.failed else 0)


@click.command()
@db_option
@click.option("--corpus", "corpus", type=click.Path(file_okay=False, path_type=Path), default=CORPUS, show_default=True)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--exports", "exports_dir", type=click.Path(file_okay=False, path_type=Path), default=EXPORTS,
              show_default=True, help="Where the graph and timeline exports of the corpus are written.")
def build(db_path, corpus, quiet, exports_dir):
    """Bring the knowledge base up to date with the shipped corpus (what `make app` runs),
    and write its exports for journalists into graph_exports/.

    Only new, edited or re-extracted articles cost time: a fresh store is built, a
    current one is left as it is. The exports are of the corpus alone: when the store also
    holds articles from elsewhere, they are left as they are (write yours with kb export --out).
    """
    from pipeline.export import export_all
    from pipeline.views.graph import build_graph
    from pipeline.views.timeline import build_entries

    report = _run([corpus], db_path, quiet=quiet, max_mb=SETTINGS["max_file_mb"].default)
    say(_summary(report))
    with open_store(db_path, readonly=True) as store:
        # graph_exports/ is tracked: a user's own articles in the store must not rewrite it.
        foreign = [p for p in store.article_origins() if not _inside(p, corpus)]
        if foreign:
            say(
                f"exports: not written, the store holds {len(foreign)} article(s) from outside {corpus}/ "
                f"({foreign[0]}{', ...' if len(foreign) > 1 else ''}); {exports_dir}/ keeps the corpus's. "
                "Write yours with: kb export --out DIR"
            )
        else:
            written = export_all(build_graph(store), build_entries(store), exports_dir)
            say(f"exports: {len(written)} files in {exports_dir}")
    raise SystemExit(1 if report.failed else 0)


def _inside(path: str, folder: Path) -> bool:
    return bool(path) and Path(path).resolve().is_relative_to(folder.resolve())


@click.command()
@db_option
@json_option
def articles(db_path, as_json):
    """List the stored articles: id, date and where it came from, language, title.

    \b
    Where a date comes from: metadata (the file's header or a JSON field), html (the page's
    metadata or byline), url, dateline (a dateline, release line or byline in the text), text
    (a relative day tied to its date: "yesterday (April 27)"), inferred (~, from the dates the
    text tells). --json gives the words or the field in date_evidence, or why it is undated.
    """
    with open_store(db_path, readonly=True) as store:
        rows = store.articles()
    keys = ["id", "title", "date", "date_source", "date_evidence", "date_confidence", "lang", "source", "url", "path",
            "sentences", "duplicate_of"]
    if as_json:
        print_json([{k: row[k] for k in keys} for row in rows])
        return
    if not rows:
        say("No articles yet. Add some with: kb ingest corpus/")
    for row in rows:
        date = row["date"] or "undated"
        if row["date_source"] == "inferred":
            date += "~"
        dup = f"  (copy of {row['duplicate_of']})" if row["duplicate_of"] else ""
        say(f"{row['id']:>4}  {date:<11} {row['date_source'] or '-':<13} {row['lang']}  "
            f"{row['sentences']:>4} sent.  {row['title'] or row['path']}{dup}")


def _run(paths, db_path, *, quiet: bool, max_mb: float, workers: int = 1, scheduler: str | None = None):
    from pipeline.ingest import ingest as ingest_paths  # spaCy only when there is something to read

    bar = None
    if progress_enabled(quiet) and not os.environ.get("CI"):
        from tqdm import tqdm

        bar = tqdm(unit="article", desc="ingest", leave=False)
    with open_store(db_path) as store:
        try:
            report = ingest_paths(
                paths, store, max_mb=max_mb, progress=(lambda _: bar.update()) if bar else None,
                workers=workers, scheduler=scheduler,
            )  # fmt: skip
        except KBError as e:  # another batch holds the store
            raise click.ClickException(str(e)) from e
    if bar:
        bar.close()
    for failure in report.failed:
        say(f"error: {failure['path']}: {failure['error']}", err=True)
    for warning in report.warnings:
        say(f"warning: {warning['path']}: {warning['warning']}", err=True)
    for skipped in report.skipped_judgements:
        say(f"warning: judgement {skipped['id']} skipped: {skipped['problem']} (see kb entities judgements)", err=True)
    return report


def _summary(report) -> str:
    parts = [f"{report.ingested} ingested", f"{report.unchanged} unchanged", f"{report.updated} updated"]
    if report.reprocessed:
        parts.append(f"{report.reprocessed} re-extracted")
    parts.append(f"{report.duplicates} duplicates")
    if report.off_topic:
        parts.append(f"{len(report.off_topic)} off topic")
    parts.append(f"{len(report.failed)} failed")
    return ", ".join(parts)
