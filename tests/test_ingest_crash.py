"""A batch killed at any point leaves whole articles only, and re-running completes it.

Also shows that a reader (the app) queries the store while a batch is writing to it.
"""

import json
import os
import signal
import subprocess
import sys
import time

from pipeline.store import Store

ARTICLES = 400
SENTENCES_EACH = 3


def _make_batch(folder):
    actors = ["Alipay", "Tenpay", "JD Pay", "UnionPay", "NetsUnion", "Lakala", "Yeepay"]
    with open(folder / "batch.jsonl", "w") as f:
        for i in range(ARTICLES):
            a, b = actors[i % 7], actors[(i * 3 + 1) % 7]
            text = (
                f"Report {i}: {a} switched {i * 37 % 1000} million yuan of traffic to {b} on day {i}. "
                f"The move number {i} was confirmed by {b} in statement {i * 11}. "
                f"Analyst {i % 97} expects volume {i * 13} to follow."
            )
            f.write(json.dumps({"title": f"report {i}", "text": text, "url": f"https://example.com/{i}"}) + "\n")


def _kb(*args):
    return [sys.executable, "-m", "pipeline", *args]


def test_ingest_killed_mid_batch_then_rerun_completes(tmp_path):
    _make_batch(tmp_path)
    db = tmp_path / "kb.sqlite"
    Store(db).close()  # create the schema so the reader can open it at once
    writer = subprocess.Popen(_kb("ingest", str(tmp_path / "batch.jsonl"), "--db", str(db), "--quiet"), start_new_session=True)
    reader = Store(db, readonly=True)
    reads = 0
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            stored = reader.counts()["articles"]  # a read while the batch writes: must not block or fail
            reads += 1
            if stored >= 20:
                break
            time.sleep(0.01)
        os.killpg(writer.pid, signal.SIGKILL)
        writer.wait()
    finally:
        reader.close()
    with Store(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        killed_at = store.counts()["articles"]
        assert 20 <= killed_at < ARTICLES, "the batch finished before it could be killed"
        # No half-written article: every stored article has all of its sentences.
        partial = store.conn.execute(
            "SELECT COUNT(*) FROM article a WHERE (SELECT COUNT(*) FROM sentence s WHERE s.article_id = a.id) != ?",
            (SENTENCES_EACH,),
        ).fetchone()[0]
        assert partial == 0
    assert reads >= 2

    rerun = subprocess.run(_kb("ingest", str(tmp_path / "batch.jsonl"), "--db", str(db), "--json"), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout)
    assert report["unchanged"] == killed_at and report["ingested"] + report["duplicates"] == ARTICLES - killed_at
    with Store(db) as store:
        assert store.counts()["articles"] == ARTICLES


def _merge_state(db) -> tuple[int, int]:
    """(judgement rows, mentions still resolved to WeChat Pay)."""
    with Store(db, readonly=True) as store:
        rows = store.conn.execute("SELECT COUNT(*) FROM judgement").fetchone()[0]
        left = store.conn.execute("SELECT COUNT(*) FROM mention WHERE entity_id = 'wechat_pay'").fetchone()[0]
    return rows, left


def test_merge_killed_part_way_leaves_all_or_nothing(tmp_path):
    import shutil

    from pipeline.ingest import ingest

    lines = [json.dumps({"title": f"n{i}", "url": f"https://example.com/m{i}",
                         "text": f"Item {i}: WeChat Pay and Tenpay moved {i * 7} million yuan to NetsUnion on day {i}."})
             for i in range(120)]  # fmt: skip
    (tmp_path / "many.jsonl").write_text("\n".join(lines))
    db = tmp_path / "kb.sqlite"
    with Store(db) as store:
        assert not ingest([tmp_path / "many.jsonl"], store).failed
    _, before = _merge_state(db)
    assert before >= 100

    # The whole merge once, on a copy, to know how long one takes.
    full = tmp_path / "full.sqlite"
    shutil.copy(db, full)
    started = time.time()
    done = subprocess.run(_kb("entities", "merge", "Tenpay", "WeChat Pay", "--db", str(full)), capture_output=True, text=True)
    took = time.time() - started
    assert done.returncode == 0, done.stderr
    assert _merge_state(full) == (1, 0)

    killed_running = 0
    # Later runs start warmer than the timed one: the early fractions are the ones sure to land mid-way.
    for fraction in (0.4, 0.55, 0.7, 0.85):
        copy = tmp_path / f"killed-{fraction}.sqlite"
        shutil.copy(db, copy)
        merge = subprocess.Popen(_kb("entities", "merge", "Tenpay", "WeChat Pay", "--db", str(copy)), start_new_session=True)
        time.sleep(took * fraction)
        if merge.poll() is None:
            killed_running += 1
            os.killpg(merge.pid, signal.SIGKILL)
        merge.wait()
        # Either nothing happened or everything did; never the log row with half the articles.
        assert _merge_state(copy) in {(0, before), (1, 0)}
    assert killed_running >= 2, "the merges finished before they could be killed"
    # Run again: it completes, and the log holds the merge once.
    again = subprocess.run(_kb("entities", "merge", "Tenpay", "WeChat Pay", "--db", str(copy)), capture_output=True, text=True)
    assert again.returncode == 0 or "already recorded" in again.stderr
    assert _merge_state(copy) == (1, 0)
