"""kb fetch: bring in the news from the web (addresses, RSS/Atom feeds, sitemaps)."""

from __future__ import annotations

import os
from pathlib import Path

import click
from tqdm import tqdm

from pipeline.cli.options import db_option, json_option, open_store, print_json, progress_enabled
from pipeline.ingest.clean import normalise_date


def _date(ctx, param, value: str | None) -> str | None:
    if value is None:
        return None
    day = normalise_date(value)
    if not day:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD")
    return day


@click.command()
@click.argument("urls", nargs=-1)
@click.option("--urls", "urls_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A file of addresses, one a line (blank lines and # comments ignored).")
@click.option("--feed", "feeds", multiple=True, help="An RSS or Atom feed; its articles are fetched (repeatable).")
@click.option("--sitemap", "sitemaps", multiple=True, help="A sitemap or sitemap index; its pages are fetched (repeatable).")
@click.option("--since", callback=_date,
              help="Skip the feeds' and sitemaps' articles dated before this day (YYYY-MM-DD).")
@click.option("--max", "max_pages", type=click.IntRange(min=1), help="Fetch at most this many pages.")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between two requests to the same host (robots.txt's Crawl-delay may ask for more).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=20.0, show_default=True,
              help="Seconds to wait for a server before giving up on a page.")
@click.option("--retries", type=click.IntRange(min=0), default=3, show_default=True,
              help="Further attempts after a 429 or 5xx answer, waiting 2 s, 4 s, 8 s... (or what Retry-After asks).")
@click.option("--hosts", "hosts_at_once", type=click.IntRange(min=1), default=None,
              help="Hosts downloaded from at once (always one request at a time per host). Default: 4.")
@click.option("--all-topics", is_flag=True, help="Keep every page of the feeds and sitemaps, on the story or not.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes that run the NLP stages (one writer stores the results).")
@db_option
@json_option
@click.option("--quiet", is_flag=True, help="No progress bar and no summary line (errors still go to stderr).")
def fetch(urls, urls_file, feeds, sitemaps, since, max_pages, delay, timeout, retries, hosts_at_once, all_topics, workers, db_path,
          as_json, quiet):  # fmt: skip
    """Fetch news pages from the web and ingest them like files.

    Pages named on the command line (or in --urls FILE) are always kept; pages listed by a
    --feed or a --sitemap are kept only when they are about the story (pipeline/data/relevance.yaml),
    the others are counted as off topic. robots.txt is obeyed. A re-run asks the servers
    whether stored pages changed and downloads only those: an interrupted fetch resumes by
    running it again.

    \b
    Examples:
        kb fetch https://example.com/news/netsunion.html
        kb fetch --feed https://example.com/rss.xml --since 2018-01-01 --max 200 --json
        kb fetch --sitemap https://example.com/sitemap.xml --delay 2

    Exit status: 0 when every page came in (or was off topic), 1 when some failed.
    """
    addresses = list(urls) + (_read_list(urls_file) if urls_file else [])
    if not (addresses or feeds or sitemaps):
        raise click.UsageError("name pages to fetch: URL..., --urls FILE, --feed URL or --sitemap URL")
    # The downloading modules (httpx, trafilatura, feedparser) load when a fetch runs: `kb --help` never pays for them.
    from pipeline.ingest.crawl import HOSTS_AT_ONCE, fetch as fetch_pages
    from pipeline.ingest.fetch import FetchSettings

    settings = FetchSettings(delay=delay, timeout=timeout, retries=retries)
    bar = None
    if progress_enabled(quiet or as_json) and not os.environ.get("CI"):
        bar = tqdm(unit="page", desc="fetch", leave=False)
    with open_store(db_path) as store:
        report = fetch_pages(
            addresses, store, feeds=feeds, sitemaps=sitemaps, since=since, max_pages=max_pages, settings=settings,
            hosts_at_once=hosts_at_once or HOSTS_AT_ONCE, progress=(lambda _: bar.update()) if bar else None, workers=workers,
            on_topic_only=not all_topics,
        )  # fmt: skip
    if bar:
        bar.close()
    for failure in report.failed:
        click.echo(f"error: {failure['url']}: {failure['error']}", err=True)
    if as_json:
        print_json(report.to_dict())
    elif not quiet:
        for skipped in report.off_topic:
            click.echo(f"off topic: {skipped['url']} (score {skipped['score']:g})", err=True)
        click.echo(summary(report))
    raise SystemExit(1 if report.failed else 0)


def summary(report) -> str:
    """One line of counts from a FetchReport."""
    counts = report.to_dict()
    return (f"{counts['fetched']} fetched, {counts['ingested']} ingested, {counts['unchanged']} unchanged, "
            f"{counts['updated']} updated, {counts['duplicates']} duplicates, {len(counts['off_topic'])} off topic, "
            f"{len(counts['failed'])} failed")  # fmt: skip


def _read_list(path: Path) -> list[str]:
    from pipeline.ingest.crawl import address_lines

    return address_lines(path.read_text(encoding="utf-8-sig"))
