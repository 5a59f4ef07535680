"""The few exceptions the library raises. Messages say what went wrong and how to fix it."""


class KBError(Exception):
    """Base class: anything the CLI should show as a one-line message, not a traceback."""


class BadInput(KBError):
    """A file (or one item inside it) cannot be ingested. The rest of the batch goes on."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):
        # Sent back from a worker process in place of the article it stands for.
        return BadInput, (self.path, self.reason)


class StoreError(KBError):
    """The store cannot be opened or is of a newer schema than this code knows."""


class JudgementRejected(KBError):
    """An analyst's merge or split that cannot be recorded; the message says why."""
