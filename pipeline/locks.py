"""One writer per store at a time: `kb ingest` (and a judgement) holds `<store>.lock`.

SQLite serialises the transactions, but two batches into one store would both extract the
same new articles (minutes of NLP each) and write them twice. The second writer is refused at
once with a message naming the first. The lock is the kernel's (flock): it goes with the
process that held it, however that process ends, so a killed ingest never leaves it behind.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import KBError

try:
    import fcntl
except ImportError:  # not on Windows: SQLite's own locking is all there is
    fcntl = None  # type: ignore[assignment]


class StoreBusy(KBError):
    """Another process is writing a batch into the store."""


@contextmanager
def writer_lock(store_path: str) -> Iterator[None]:
    if store_path == ":memory:" or fcntl is None:
        yield
        return
    path = Path(f"{store_path}.lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
            raise StoreBusy(
                f"{store_path}: another kb ingest or judgement (process {holder}) is writing to it; "
                "run this again when it has finished"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the file releases the lock
