"""The NLP stages can run in worker processes or on a Dask cluster: the facts stored are the
same as a single process stores."""

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
