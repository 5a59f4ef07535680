"""What one batch of `kb ingest` or `kb fetch` did, source by source: the result of each file
or address, and the timeline entries its articles are sources of. The app's Ingest page
shows these after a batch; they read the batch's report and the store, and change nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.store import Store
from pipeline.views.timeline import Entry, build_entries

# What a source can come to, in the words the page shows: store_articles' outcomes
# (pipeline.ingest.OUTCOMES), then what never became an article.
RESULTS = ("ingested", "updated", "unchanged", "reprocessed", "duplicate", "off topic", "failed")


@dataclass(frozen=True)
class SourceResult:
    source: str  # the file or the address, as the report names it
    result: str  # one of RESULTS
    detail: str = ""  # why it failed, or its on-topic score
    article_id: int | None = None


def source_results(report, asked: list[str] | None = None) -> list[SourceResult]:
    """One row for each article, failure and off-topic page of `report` (an IngestReport or a
    FetchReport), in the order of `asked` when given (the addresses as the user gave them),
    else stored articles first, then off-topic pages, then failures."""
    rows = [SourceResult(a["where"], a["outcome"], "", a["article_id"]) for a in report.articles]
    rows += [SourceResult(_where(o), "off topic", f"on-topic score {o['score']:g}") for o in report.off_topic]
    rows += [SourceResult(_where(f), "failed", f["error"]) for f in report.failed]
    if asked is None:
        return rows
    order = {source: n for n, source in enumerate(asked)}
    return sorted(rows, key=lambda row: order.get(row.source, len(order)))


def _where(item: dict) -> str:
    return item.get("url") or item["path"]  # a FetchReport names addresses, an IngestReport paths


def changed_articles(results: list[SourceResult]) -> list[int]:
    """The ids of the articles the batch wrote (new, updated, reposts, read again), each once."""
    written = ("ingested", "updated", "reprocessed", "duplicate")
    return list(dict.fromkeys(r.article_id for r in results if r.result in written and r.article_id is not None))


def entries_citing(store: Store, article_ids: list[int], before: set[int]) -> list[tuple[Entry, bool]]:
    """The timeline entries that have one of these articles among their sources, in date
    order, each with whether it is new (its id was not in `before`, the entry ids the store
    had before the batch: Store.timeline_entry_ids) or an older entry that gained a source."""
    wanted = set(article_ids)
    return [(entry, entry.id not in before) for entry in build_entries(store) if wanted & {s["article_id"] for s in entry.sources}]
