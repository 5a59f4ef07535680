"""The NLP stages can run in worker processes or on a Dask cluster: the facts stored are the
same as a single process stores."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.ingest import ingest
from pipeline.store import Store
from tests.conftest import FOUNDING


def facts(store: Store) -> dict:
    q = lambda sql: sorted(tuple(r) for r in store.conn.execute(sql))  # noqa: E731
    return {
        "articles": q("SELECT key, date, date_source, lang, duplicate_of FROM article"),
        "mentions": q('SELECT a.key, m.start, m."end", m.entity_id FROM mention m JOIN article a ON a.id = m.article_id'),
        "timexes": q('SELECT a.key, t.start, t.value FROM timex t JOIN article a ON a.id = t.article_id'),
        "events": q("SELECT a.key, e.idx, e.type, e.date, e.factuality FROM event e JOIN article a ON a.id = e.article_id"),
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, shared):
    return [FOUNDING, shared / "corpus" / "zh"]


@pytest.fixture(scope="module")
def single(tmp_path_factory, corpus):
    with Store(tmp_path_factory.mktemp("one") / "kb.sqlite") as store:
        ingest(corpus, store)
        return facts(store)


def test_ingest_workers_store_the_same_facts(tmp_path, corpus, single):
    with Store(tmp_path / "kb.sqlite") as store:
        report = ingest(corpus, store, workers=2)
        assert report.ingested == 4
        assert facts(store) == single


def test_ingest_on_a_dask_cluster_stores_the_same_facts(tmp_path, corpus, single):
    distributed = pytest.importorskip("dask.distributed", reason="the Dask engine needs dask[distributed]")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Store(tmp_path / "kb.sqlite") as store:
            report = ingest(corpus, store, scheduler=cluster.scheduler_address)
            assert report.ingested == 4
            assert facts(store) == single


def _children(pid: int) -> set[int]:
    out = set()
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            if f"\nPPid:\t{pid}\n" in status.read_text():
                out.add(int(status.parent.name))
        except OSError:
            pass
    return out


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("\nState:\t")[1][0] != "Z"
    except (OSError, IndexError):
        return False


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the process table from /proc")
def test_ingest_workers_exit_when_the_parent_is_killed(tmp_path):
    lines = [json.dumps({"url": f"https://example.com/w{i}", "text": f"Alipay moved {i} yuan to NetsUnion on day {i}. " * 3})
             for i in range(3_000)]  # fmt: skip
    (tmp_path / "big.jsonl").write_text("\n".join(lines))
    parent = subprocess.Popen([sys.executable, "-m", "pipeline", "ingest", str(tmp_path / "big.jsonl"), "--db",
                               str(tmp_path / "kb.sqlite"), "--workers", "2", "--quiet"], start_new_session=True)  # fmt: skip
    workers: set[int] = set()
    try:
        deadline = time.time() + 120
        while len(workers) < 2 and time.time() < deadline and parent.poll() is None:
            workers = _children(parent.pid)
            time.sleep(0.2)
        assert len(workers) >= 2, "the workers never started"
        os.kill(parent.pid, signal.SIGKILL)  # the parent alone, as an OOM killer would
        parent.wait()
        deadline = time.time() + 10
        while any(_alive(w) for w in workers) and time.time() < deadline:
            time.sleep(0.2)
        assert not any(_alive(w) for w in workers), "workers outlived their parent"
    finally:
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
