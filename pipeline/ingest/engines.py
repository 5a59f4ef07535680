"""Where the NLP stages run: in this process, in a pool of worker processes, or on a Dask
cluster. Only the extraction moves; results come back here, in order, to the one writer.

Work is sent in windows, so a batch of any size holds only a few hundred articles in memory.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import TypeVar

from pipeline.errors import BadInput
from pipeline.facts import Article, ArticleRecord

T = TypeVar("T")
BATCH = 16  # articles parsed together: spaCy is fastest on long streams of sentences
PER_WORKER = 4  # batches in flight per worker: enough to keep it busy, little to hold


def extract_many(
    items: Iterable[tuple[Article, T]],
    judgements: list[dict],
    *,
    workers: int = 1,
    scheduler: str | None = None,
) -> Iterator[tuple[ArticleRecord | BadInput, T]]:
    """Extract each (article, tag) and yield (record, tag) in the order given; an article
    that cannot be processed yields (BadInput, tag)."""
    from pipeline.ingest import process_batch

    if scheduler:
        yield from _on_dask(items, judgements, scheduler)
    elif workers > 1:
        yield from _in_pool(items, judgements, workers)
    else:
        for window in _windows(items, BATCH):
            yield from zip(process_batch([a for a, _ in window], judgements), (tag for _, tag in window))


def _windows(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while window := list(islice(iterator, size)):
        yield window


def _in_pool(items, judgements, workers: int):
    from pipeline.ingest import process_batch

    # fork: workers start without re-importing; each loads the spaCy models once, on first use.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_die_with_parent, initargs=(os.getpid(),)) as pool:
        # A rolling queue: a new batch goes out as soon as the oldest comes back, so no worker
        # waits for the slowest batch of a window.
        in_flight: deque = deque()
        for chunk in _windows(items, BATCH):
            in_flight.append((pool.submit(process_batch, [a for a, _ in chunk], judgements), [t for _, t in chunk]))
            if len(in_flight) >= workers * PER_WORKER:
                future, tags = in_flight.popleft()
                yield from zip(future.result(), tags)
        while in_flight:
            future, tags = in_flight.popleft()
            yield from zip(future.result(), tags)


def _die_with_parent(parent: int) -> None:
    """A worker ends when the process that started it does: killed, the parent left its
    workers (300 MB each) waiting forever on a queue whose other end they hold themselves.
    Linux says so at once (PR_SET_PDEATHSIG); elsewhere a thread looks every second."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the call above
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()


def _on_dask(items, judgements, scheduler: str):
    try:
        from dask.distributed import Client
    except ImportError as e:
        raise RuntimeError("the Dask engine needs dask[distributed]: pip install 'duanzhilian-kb[dask]'") from e
    from pipeline.ingest import process_one

    with Client(scheduler) as client:
        for window in _windows(items, 64):
            # The judgement log is small: it travels with each task.
            futures = client.map(process_one, [article for article, _ in window], judgements=judgements, pure=False)
            yield from zip(client.gather(futures), (tag for _, tag in window))
