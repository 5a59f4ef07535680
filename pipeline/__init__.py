"""A sourced knowledge base of China's payment disconnection (断直连), built from the news.

The library underneath the `kb` command line and the Streamlit app:

    from pipeline import Store, ingest
    with Store(".kb/kb.sqlite") as store:
        report = ingest(["corpus/"], store)
"""

from pipeline.errors import BadInput, KBError, StoreError
from pipeline.ingest import IngestReport, ingest
from pipeline.store import Store

__all__ = ["BadInput", "IngestReport", "KBError", "Store", "StoreError", "ingest"]
