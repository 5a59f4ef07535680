"""Bringing news in from the web: download speed from a local server on several hosts, kb fetch
against kb ingest of the same texts as files, and a web archive (mostly off topic) against
kb ingest of its on-topic texts. Only 127.0.0.x addresses are used; nothing leaves the machine.

    .venv/bin/python benchmarks/bench_fetch.py                          # quick: 400 pages, 60 articles, 2,000-page archive
    .venv/bin/python benchmarks/bench_fetch.py --archive-pages 10000    # the issue's archive size

Goals (issue 19): downloads scale with hosts (one request at a time per host); the archive
path costs < 1.2x plain kb ingest of the on-topic texts. Pages are synthetic (synthetic.py for
the on-topic ones, a made-up sports and weather desk for the rest), generated in memory and in
a temporary folder. Skips when ../shared is absent (the on-topic sentences come from there).
"""

from __future__ import annotations

import argparse
import html
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import shared_dir, write_corpus  # noqa: E402

HOSTS = ["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4"]
OFF_TOPIC = {
    "who": ["The home side", "The visiting team", "The coach", "The weather service", "The city orchestra", "Local farmers",
            "The marathon organisers", "The museum", "Forecasters", "The league"],
    "did": ["announced", "celebrated", "postponed", "opened", "praised", "expected", "reported", "welcomed", "described"],
    "what": ["a late winner in the derby", "heavy rain over the weekend", "a new season of concerts", "the harvest festival",
             "a record crowd at the stadium", "the spring exhibition of paintings", "strong winds along the coast",
             "the final of the cup", "a quiet week of sunshine", "the opening of the summer pool"],
    "when": ["on Saturday evening", "this week", "after a long delay", "in front of a full house", "before the holiday"],
}  # fmt: skip


def on_topic_articles(count: int, shared: Path, folder: Path) -> list[dict]:
    write_corpus(folder, count, shared, seed=19)
    return [json.loads(line) for path in sorted(folder.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()]


def off_topic_text(rng: random.Random) -> str:
    return " ".join(
        f"{rng.choice(OFF_TOPIC['who'])} {rng.choice(OFF_TOPIC['did'])} {rng.choice(OFF_TOPIC['what'])} {rng.choice(OFF_TOPIC['when'])}."
        for _ in range(10)
    )


def page_html(title: str, text: str, lang: str, date: str | None = None) -> str:
    head = f"<title>{html.escape(title)}</title>" + (f'<meta property="article:published_time" content="{date}">' if date else "")
    sentences = text.split(". ") if lang == "en" else text.split("。")
    joiner = ". " if lang == "en" else "。"
    paragraphs = [joiner.join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p.strip())
    return (f'<html lang="{lang}"><head><meta charset="utf-8">{head}</head><body><nav>Home | News</nav>'
            f"<article><h1>{html.escape(title)}</h1>{body}</article><footer>Synthetic benchmark page</footer></body></html>")  # fmt: skip


def bench_downloads(pages: int, latency: float) -> None:
    """Pages/second of download + extraction (no NLP), one host at a time vs four at once."""
    from pipeline.ingest.crawl import Target, _download
    from pipeline.ingest.fetch import Fetcher, FetchSettings
    from pipeline.ingest.webpage import article_from_page
    from tests.web_server import Page, serve

    rng = random.Random(19)
    routes = {f"/news/{n}": Page(page_html(f"Page {n}", off_topic_text(rng), "en"), delay=latency) for n in range(pages // len(HOSTS))}
    sites = [serve(dict(routes), host=host) for host in HOSTS]
    entered = [site.__enter__() for site in sites]
    try:
        targets = [Target(site.base + path) for path in routes for site in entered]
        rates = {}
        for hosts in (1, 4):
            with Fetcher(FetchSettings(delay=0), trust_env=False) as fetcher:
                started = time.perf_counter()
                for _, result in _download(targets, fetcher, {}, hosts_at_once=hosts):
                    article_from_page(result.page)
                rates[hosts] = len(targets) / (time.perf_counter() - started)
        print(f"download + extraction, {len(targets)} pages on {len(HOSTS)} hosts, --delay 0, server latency {latency * 1000:g} ms:")
        print(f"  one host at a time {rates[1]:.0f} pages/s; four at once {rates[4]:.0f} pages/s ({rates[4] / rates[1]:.2f}x)")
    finally:
        for site in sites:
            site.__exit__(None, None, None)


def bench_fetch_vs_files(articles: list[dict], folder: Path) -> None:
    """kb fetch of pages (download, extraction, NLP, store) against kb ingest of the same texts."""
    from pipeline.ingest import ingest
    from pipeline.ingest.crawl import fetch
    from pipeline.ingest.fetch import FetchSettings
    from pipeline.store import Store
    from tests.web_server import Page, serve

    jsonl = folder / "files" / "articles.jsonl"
    jsonl.parent.mkdir()
    jsonl.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    with Store(folder / "warm.sqlite") as store:  # load the models once, outside both timings
        ingest([ROOT / "corpus"], store)
    with Store(folder / "files.sqlite") as store:
        started = time.perf_counter()
        ingest([jsonl], store)
        files_seconds = time.perf_counter() - started
    routes = {f"/a/{n}": Page(page_html(a["title"], a["text"], a["lang"], a["date"])) for n, a in enumerate(articles)}
    with serve(routes) as site, Store(folder / "web.sqlite") as store:
        started = time.perf_counter()
        report = fetch([site.base + path for path in routes], store, settings=FetchSettings(delay=0), trust_env=False)
        fetch_seconds = time.perf_counter() - started
    print(f"kb fetch of {len(articles)} on-topic pages: {fetch_seconds:.1f} s ({report.ingested} ingested, "
          f"{len(report.failed)} failed); kb ingest of the same texts: {files_seconds:.1f} s; "
          f"ratio {fetch_seconds / files_seconds:.2f}x")  # fmt: skip


def bench_archive(pages: int, on_topic: list[dict], folder: Path) -> None:
    """kb ingest of a WARC (on-topic pages among many off-topic ones) against kb ingest of the on-topic texts."""
    from pipeline.ingest import ingest
    from pipeline.store import Store
    from tests.web_pages import write_warc

    rng = random.Random(7)
    records, on = [], iter(on_topic)
    share = len(on_topic) / pages
    for n in range(pages):
        article = next(on, None) if rng.random() < share * 1.05 else None
        if article is not None:
            records.append((f"http://archive.test/story/{n}", "200 OK", "text/html; charset=utf-8",
                            page_html(article["title"], article["text"], article["lang"], article["date"])))  # fmt: skip
        else:
            records.append((f"http://archive.test/desk/{n}", "200 OK", "text/html; charset=utf-8",
                            page_html(f"Desk {n}", off_topic_text(rng), "en")))  # fmt: skip
    kept = [a for a in on_topic if any(r[3].find(html.escape(a["title"])) > 0 for r in records if "/story/" in r[0])]
    archive = folder / "archive.warc.gz"
    write_warc(archive, records)
    jsonl = folder / "on_topic" / "articles.jsonl"
    jsonl.parent.mkdir()
    jsonl.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in kept), encoding="utf-8")
    with Store(folder / "plain.sqlite") as store:
        started = time.perf_counter()
        ingest([jsonl], store)
        plain = time.perf_counter() - started
    with Store(folder / "warc.sqlite") as store:
        started = time.perf_counter()
        report = ingest([archive], store)
        warc = time.perf_counter() - started
    print(f"web archive of {pages} pages ({archive.stat().st_size / 1e6:.1f} MB, {len(kept)} on topic): kb ingest {warc:.1f} s "
          f"({report.ingested} ingested, {len(report.off_topic)} off topic, {len(report.failed)} failed); "
          f"the on-topic texts alone {plain:.1f} s; ratio {warc / plain:.2f}x (goal < 1.2x)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=400, help="pages for the download benchmark")
    parser.add_argument("--latency", type=float, default=0.02, help="seconds the local server waits before each answer")
    parser.add_argument("--articles", type=int, default=60, help="on-topic pages for kb fetch against kb ingest")
    parser.add_argument("--archive-pages", type=int, default=2000, help="pages in the generated web archive")
    parser.add_argument("--on-topic-share", type=float, default=0.05, help="share of the archive's pages on the story")
    args = parser.parse_args()
    shared = shared_dir()
    if shared is None:
        return
    bench_downloads(args.pages, 0.0)
    bench_downloads(args.pages, args.latency)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        on_topic = on_topic_articles(max(args.articles, int(args.archive_pages * args.on_topic_share)), shared, folder / "synthetic")
        bench_fetch_vs_files(on_topic[: args.articles], folder)
        bench_archive(args.archive_pages, on_topic[: int(args.archive_pages * args.on_topic_share)], folder)


if __name__ == "__main__":
    main()
