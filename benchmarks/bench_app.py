"""App page renders: every page of the Streamlit app driven headless with AppTest, the first
render after the store changed (every cache cold, no view saved beside the store), the first
render of a new process on an unchanged store (views read back from saved_views) and a second,
cached render, against a trivial page rendered by AppTest in the same process; and the library
calls behind the pages (no view saved), so the output shows where the time goes.

    .venv/bin/python benchmarks/bench_app.py                        # shipped corpus + 1,000 synthetic articles
    .venv/bin/python benchmarks/bench_app.py --size 10000           # the issue's 10k store (see below)
    .venv/bin/python benchmarks/bench_app.py --size 10000 --store big.sqlite   # build it there once, reuse it after
    .venv/bin/python benchmarks/bench_app.py --size 10000 --many-events --store /tmp/kb-10k-events.sqlite

Goal (issue 8): every page under 1 s on the shipped store and under 2 s on 10,000 articles.
Stores up to --ingest-limit articles (default 1000) are ingested from a synthetic corpus
(synthetic.py) with 2 workers. Larger ones are made by ingesting --ingest-limit synthetic
articles and then copying those articles with all their facts in SQL (new ids and keys, same
text, every copy an original) until --size is reached, which the output says: the copies
report the same events, so the timeline has as many entries as the ingested part, with more
sources each. Ingesting 10,000 articles takes many minutes; copying takes seconds.
--many-events ingests every article with the real pipeline instead (--ingest-limit = --size):
10,000 synthetic articles give about 67,000 events in 3,900 timeline entries, in about ten
minutes on two cores; keep the store (--store, under /tmp: never commit one) and reuse it.
Skips when ../shared is absent (the synthetic corpus is made from its Chinese articles).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import write_corpus  # noqa: E402

from pipeline.store import Store  # noqa: E402

QUESTION = "When did Tenpay connect to UnionPay and NetsUnion?"
PAGES = ["timeline", "graph", "entities", "articles", "ingest"]
TRIVIAL = """
import streamlit as st
st.header("Trivial")
st.write("A page with a header, some text and a table.")
st.dataframe([{"a": i, "b": str(i)} for i in range(20)])
"""


# -- stores -------------------------------------------------------------------------------


def shipped_store(folder: Path, shared: Path) -> Path:
    from pipeline.ingest import ingest

    path = folder / "shipped.sqlite"
    sources = [ROOT / "corpus"] + ([shared / "corpus" / "zh"] if (shared / "corpus" / "zh").is_dir() else [])
    with Store(path) as store:
        ingest(sources, store)
    return path


def synthetic_store(path: Path, folder: Path, shared: Path, size: int, ingest_limit: int, workers: int) -> tuple[Path, str]:
    """A store of `size` articles at `path`: ingested up to `ingest_limit`, copied in SQL beyond."""
    from pipeline.ingest import ingest

    ingested = min(size, ingest_limit)
    started = time.perf_counter()
    with Store(path) as store:
        report = ingest([write_corpus(folder / "corpus", ingested, shared)], store, workers=workers)
    how = f"{report.ingested} synthetic articles ingested in {time.perf_counter() - started:.0f} s"
    if size > ingested:
        started = time.perf_counter()
        copy_articles(path, size)
        how += f", then copied in SQL to {size} articles ({time.perf_counter() - started:.0f} s; copies repeat the ingested articles' text and facts)"
    return path, how


# Tables copied with each article: (table, columns, id column or None, columns offset besides article_id)
_COPIED = [
    ("paragraph", ["article_id", "idx", "start", '"end"', "repeat_of"], None),
    ("sentence", ["id", "article_id", "idx", "paragraph", "start", '"end"', "text", "repeat_of"], "id"),
    ("mention", ["id", "article_id", "sentence_idx", "start", '"end"', "text", "label", "extracted_entity_id",
                 "entity_id", "resolved_by", "score"], "id"),
    ("discovery", ["article_id", "entity_id", "name", "type"], None),
    ("entity_role", ["article_id", "entity_id", "role", "affiliation", "sentence_idx"], None),
    ("timex", ["id", "article_id", "sentence_idx", "start", '"end"', "text", "type", "value", "granularity",
               "modifier", "anchor"], "id"),
    ("event", ["id", "article_id", "idx", "sentence_idx", "type", "category", "trigger", "start", '"end"',
               "factuality", "document", "theme", "date", "date_text", "date_source", "date_mod", "deadline",
               "refers_to", "object_type", "entry_id"], "id"),
]  # fmt: skip


def copy_articles(path: Path, size: int) -> None:
    """Copy the stored articles, with every fact derived from them, until there are `size`."""
    conn = sqlite3.connect(path, isolation_level=None)
    base = conn.execute("SELECT MAX(id), COUNT(*) FROM article").fetchone()
    max_article, count = base
    top = {t: conn.execute(f"SELECT COALESCE(MAX({col}), 0) FROM {t}").fetchone()[0] for t, _, col in _COPIED if col}
    top["event_role"] = 0
    article_cols = [r[1] for r in conn.execute("PRAGMA table_info(article)") if r[1] != "id"]
    copy = 0
    conn.execute("BEGIN")
    while count < size:
        copy += 1
        take = min(max_article, size - count)
        a_off = copy * max_article
        values = ", ".join(
            f"key || '#copy{copy}'" if c == "key" else "duplicate_of + :a" if c == "duplicate_of" else c for c in article_cols
        )
        conn.execute(
            f"INSERT INTO article (id, {', '.join(article_cols)}) SELECT id + :a, {values} FROM article WHERE id <= :take",
            {"a": a_off, "take": take},
        )
        for table, cols, id_col in _COPIED:
            exprs = []
            for c in cols:
                if c == "article_id":
                    exprs.append("article_id + :a")
                elif c == id_col:
                    exprs.append(f"{c} + {copy * top[table]}")
                else:
                    exprs.append(c)
            conn.execute(
                f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(exprs)} FROM {table} WHERE article_id <= :take",
                {"a": a_off, "take": take},
            )
        conn.execute(
            "INSERT INTO event_role (event_id, entity_id, role, position) SELECT r.event_id + :e, r.entity_id, r.role, r.position "
            "FROM event_role r JOIN event e ON e.id = r.event_id WHERE e.article_id <= :take",
            {"e": copy * top["event"], "take": take},
        )
        conn.execute(
            "INSERT INTO sentence_search (rowid, terms) SELECT f.rowid + :s, f.terms FROM sentence_search f "
            "JOIN sentence s ON s.id = f.rowid WHERE s.article_id <= :take",
            {"s": copy * top["sentence"], "take": take},
        )
        count += take
    conn.execute("COMMIT")
    conn.close()


# -- timing -------------------------------------------------------------------------------


def cold() -> None:
    """What a change of the store does: every cached query goes, and with the cached store
    everything memoised on it (the question engine's facts among them)."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def trivial_seconds(repeat: int = 5) -> float:
    from streamlit.testing.v1 import AppTest

    samples = []
    for _ in range(repeat):
        at = AppTest.from_string(TRIVIAL, default_timeout=60)
        samples.append(timed(at.run))
    return statistics.median(samples)


def forget_saved_views(db: Path) -> None:
    """What a write does to the views saved beside the store: they no longer count."""
    from pipeline import saved_views

    saved_views.wait()
    shutil.rmtree(f"{db}.views", ignore_errors=True)


def page_seconds(db: Path, page: str) -> tuple[float, float, float]:
    """One page of app.py: (first render after the store changed: every cache cold and no saved
    view; first render of a new process on an unchanged store: saved views read back; a second,
    cached render)."""
    from streamlit.testing.v1 import AppTest

    from pipeline import saved_views

    os.environ["KB_DB"] = str(db)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()  # the default page (Ask) with no question: the app's imports and the sidebar
    if page != "ask":
        at.switch_page(f"pipeline/app_pages/{page}.py")
    renders = []
    for forget in (True, False):
        if forget:
            forget_saved_views(db)
        saved_views.wait()
        cold()
        if page == "ask":
            at.session_state["ask_question"] = ""
            at.run()
            renders.append(timed(lambda: at.text_input(key="ask_question").input(QUESTION).run()))
        else:
            renders.append(timed(at.run))
        assert not at.exception, at.exception
    renders.append(timed(at.run))
    assert not at.exception, at.exception
    return tuple(renders)


def library_seconds(db: Path) -> list[tuple[str, float]]:
    """The library calls behind the pages, each on a fresh connection (nothing computed yet),
    then the question engine's facts on a connection where the pages' calls already ran."""
    from pipeline.views import questions
    from pipeline.views.entities import entity_list, entity_profile
    from pipeline.views.graph import build_graph
    from pipeline.views.relations import relations
    from pipeline.views.timeline import build_entries

    calls = [
        ("entity_list", entity_list),
        ("build_entries", build_entries),
        ("relations", relations),
        ("build_graph", build_graph),
        ("entity_profile(first)", lambda s: entity_profile(s, entity_list(s)[0]["id"])),
        ("questions.knowledge", questions.knowledge),
    ]
    out = []
    for name, call in calls:
        forget_saved_views(db)
        with Store(db, readonly=True) as store:
            out.append((name, timed(lambda: call(store))))  # noqa: B023
    with Store(db, readonly=True) as store:
        entity_list(store), build_graph(store)
        out.append(("knowledge after pages", timed(lambda: questions.knowledge(store))))
    return out


def report(label: str, db: Path, base: float, repeat: int) -> None:
    with Store(db, readonly=True) as store:
        counts = store.counts()
    print(f"\n{label}: {counts['articles']} articles, {counts['mentions']} mentions, {counts['events']} events, "
          f"{counts['timeline_entries']} timeline entries")  # fmt: skip
    print("  library calls (s, fresh connection):")
    for name, seconds in library_seconds(db):
        print(f"    {name:24s} {seconds:6.3f}")
    print(f"  pages (s; ratio to the trivial page; best and worst of {repeat}):")
    print("    first after a write (nothing cached or saved) | first of a new process (views saved) | cached")
    for page in ["ask", *PAGES]:
        columns = zip(*(page_seconds(db, page) for _ in range(repeat)), strict=True)
        cells = [f"{min(times):5.2f}-{max(times):5.2f} ({min(times) / base:4.1f}x)" for times in columns]
        print(f"    {page:10s} " + "   ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000, help="articles in the synthetic store")
    parser.add_argument("--store", type=Path, help="measure this store if it exists (as it is); else build the synthetic one there and keep it")
    parser.add_argument("--ingest-limit", type=int, default=1000, help="ingest at most this many; copy in SQL beyond")
    parser.add_argument("--many-events", action="store_true", help="ingest every article (no copies): many distinct events and entries")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=2, help="renders of each page")
    parser.add_argument("--no-shipped", action="store_true", help="skip the shipped store")
    args = parser.parse_args()
    if args.many_events:
        args.ingest_limit = args.size
    shared = Path(os.environ.get("KB_SHARED") or ROOT.parent / "shared")
    logging_quiet()
    base = trivial_seconds()
    print(f"baseline: AppTest of a trivial page {base:.3f} s (median of 5)")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if not args.no_shipped:
            report("shipped corpus" + (" + ../shared Chinese articles" if shared.is_dir() else ""), shipped_store(tmp, shared), base, args.repeat)
        if args.store and args.store.exists():
            report(f"store {args.store}", args.store, base, args.repeat)
            return
        if not (shared / "corpus").is_dir():
            print(f"synthetic store skipped: needs the shared folder at {shared} (set KB_SHARED)")
            return
        path = args.store or tmp / f"synthetic-{args.size}.sqlite"
        path, how = synthetic_store(path, tmp, shared, args.size, args.ingest_limit, args.workers)
        report(f"synthetic store ({how}{'; kept at ' + str(path) if args.store else ''})", path, base, args.repeat)


def logging_quiet() -> None:
    import logging

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")


if __name__ == "__main__":
    main()
