"""The SQLite store: schema, migrations and writing; the reading queries are in
store_queries.py (mixed into `Store`, so `from pipeline.store import Store` has them all).

One file, WAL mode so the app reads while a batch writes. Each article is written in one
transaction together with everything derived from it, so a killed ingest leaves either the
whole article or nothing. Child tables hang off `article` with ON DELETE CASCADE, and an
edited article replaces its facts inside the same transaction.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path

from pipeline.errors import JudgementRejected, StoreError
from pipeline.extract.entities.judgements import row_problem
from pipeline.extract.time.calendar import safe_date
from pipeline.facts import ArticleRecord, EventMention, PageCapture, main_participant, same_time
from pipeline.store_queries import Queries

# The date_source of an event (or an article's dateline) whose day the page gives without a
# year, dated by the year the other stored sources give that day.
DATED_BY_OTHER_SOURCES = "other sources"
# A day this close before an undated page's dateline day is the news it reports: its year is the page's.
DATELINE_RECENT_DAYS = 31
# Tables whose rows derive from an article's text; re-extraction clears them first.
FACT_TABLES = ["event", "sentence", "paragraph", "mention", "discovery", "entity_role", "timex"]

# Each OR term names lang and its band, so SQLite answers it from that band's index (a
# MULTI-INDEX OR); with lang outside the OR it scanned every article of the language, a cost
# that grew with the store (22 s of 57 s to ingest 400 articles into a 39k store).
NEAR_DUPLICATE_CANDIDATES = """
    SELECT id, simhash FROM article
    WHERE ((lang = ? AND band0 = ?) OR (lang = ? AND band1 = ?) OR (lang = ? AND band2 = ?) OR (lang = ? AND band3 = ?))
      AND duplicate_of IS NULL AND key != ?
"""

# Names the curated table lacks that become entities: given a role, or named by two originals.
DISCOVERED_ENTITIES = """
    SELECT d.entity_id, MAX(d.name), MAX(d.type),
           MAX(CASE WHEN a.lang = 'en' THEN d.name END), MAX(CASE WHEN a.lang = 'zh' THEN d.name END),
           NULL, '[]', 'discovered'
    FROM discovery d JOIN article a ON a.id = d.article_id AND a.duplicate_of IS NULL
    GROUP BY d.entity_id
    HAVING COUNT(DISTINCT d.article_id) >= 2 OR d.entity_id IN (SELECT entity_id FROM entity_role)
"""

# Schema steps, applied once each and in order; PRAGMA user_version counts the applied ones.
# Never edit a released step: add a new one.
MIGRATIONS: list[tuple[str, str]] = [
    (
        "articles and sentences",
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE article (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,          -- url, else file (and item): identity across re-ingests
            content_hash TEXT NOT NULL,        -- this version's text and metadata
            text_hash TEXT NOT NULL,           -- the words alone, for exact reposts
            simhash INTEGER NOT NULL,
            band0 INTEGER, band1 INTEGER, band2 INTEGER, band3 INTEGER,
            title TEXT, url TEXT, source TEXT, path TEXT,
            lang TEXT NOT NULL,
            date TEXT,                         -- publication date (YYYY-MM-DD or coarser)
            date_source TEXT,                  -- metadata | html | url | dateline | text | inferred | NULL
            date_evidence TEXT,
            text TEXT NOT NULL,
            duplicate_of INTEGER REFERENCES article(id) ON DELETE SET NULL,
            duplicate_score REAL,
            extractor_version TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX article_text_hash ON article(text_hash);
        CREATE INDEX article_band0 ON article(lang, band0);
        CREATE INDEX article_band1 ON article(lang, band1);
        CREATE INDEX article_band2 ON article(lang, band2);
        CREATE INDEX article_band3 ON article(lang, band3);
        CREATE TABLE paragraph (
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            repeat_of INTEGER,
            PRIMARY KEY (article_id, idx)
        );
        CREATE TABLE sentence (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL, paragraph INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            repeat_of INTEGER,                 -- idx of the earlier sentence it repeats
            UNIQUE (article_id, idx)
        );
        """,
    ),
    (
        "entities, mentions and dates",
        """
        CREATE TABLE entity (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL, type TEXT NOT NULL,
            name_en TEXT, name_zh TEXT,
            parent_id TEXT,
            aliases TEXT NOT NULL DEFAULT '[]',  -- JSON: the curated aliases (those seen are in mention)
            origin TEXT NOT NULL                 -- curated | discovered | analyst
        );
        CREATE TABLE mention (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            sentence_idx INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text TEXT NOT NULL, label TEXT NOT NULL,
            extracted_entity_id TEXT,            -- as the pipeline resolved it
            entity_id TEXT,                      -- after the analysts' judgements
            resolved_by TEXT, score REAL
        );
        CREATE INDEX mention_entity ON mention(entity_id);
        CREATE INDEX mention_article ON mention(article_id, sentence_idx);
        CREATE TABLE discovery (                 -- a name the table does not know, as one article has it
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
            PRIMARY KEY (article_id, entity_id)
        );
        CREATE TABLE entity_role (
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL, role TEXT NOT NULL, affiliation TEXT, sentence_idx INTEGER
        );
        CREATE INDEX entity_role_entity ON entity_role(entity_id);
        CREATE TABLE timex (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            sentence_idx INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
            type TEXT NOT NULL, value TEXT NOT NULL,
            granularity TEXT, modifier TEXT, anchor TEXT
        );
        CREATE INDEX timex_article ON timex(article_id, sentence_idx);
        CREATE TABLE judgement (                 -- analysts' merge and split decisions, re-applied forever
            id INTEGER PRIMARY KEY,
            action TEXT NOT NULL,                -- merge: other -> entity_id; split: alias of entity_id -> other
            entity_id TEXT NOT NULL, other TEXT NOT NULL, alias TEXT,
            created_at TEXT NOT NULL
        );
        """,
    ),
    (
        "events and timeline entries",
        """
        CREATE TABLE timeline_entry (              -- one event, however many sentences report it
            id INTEGER PRIMARY KEY,
            type TEXT NOT NULL,
            main TEXT NOT NULL,                    -- main participant: actor, else document, else target
            targets TEXT NOT NULL,                 -- sorted target ids, space-separated
            document TEXT,
            date TEXT                              -- the date of its first report (entries match on it)
        );
        CREATE INDEX timeline_entry_key ON timeline_entry(type, main);
        CREATE TABLE event (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,                  -- order in the article
            sentence_idx INTEGER NOT NULL,
            type TEXT NOT NULL, category TEXT NOT NULL,
            trigger TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            factuality TEXT NOT NULL,
            document TEXT, theme TEXT,
            date TEXT, date_text TEXT, date_source TEXT, date_mod TEXT, deadline TEXT,
            refers_to INTEGER,                     -- idx of the event it denies or retracts
            object_type TEXT,
            entry_id INTEGER REFERENCES timeline_entry(id)
        );
        CREATE INDEX event_entry ON event(entry_id);
        CREATE INDEX event_article ON event(article_id, idx);
        CREATE TABLE event_role (
            event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL,
            role TEXT NOT NULL,                    -- actor | target | document
            position INTEGER NOT NULL
        );
        CREATE INDEX event_role_entity ON event_role(entity_id);
        CREATE INDEX event_role_event ON event_role(event_id);
        """,
    ),
    (
        "full-text search over sentences",
        """
        -- Words of each sentence as the pipeline cut them (jieba for Chinese), for BM25 ranking.
        CREATE VIRTUAL TABLE sentence_search USING fts5(terms, tokenize = 'unicode61 remove_diacritics 2');
        """,
    ),
    (
        "a generation for saved views",
        """
        -- Bumped by every write transaction (Store.atomic); names the views saved beside the store.
        INSERT OR IGNORE INTO meta VALUES ('generation', 0);
        """,
    ),
    (
        "how sure a publication date is",
        """
        -- 1.0 for a file's own date field, less for a URL, a dateline, and least for inference.
        ALTER TABLE article ADD COLUMN date_confidence REAL;
        """,
    ),
    (
        "a content token for saved views",
        # The generation alone named two contents alike: a backup restored and written to as
        # many times, or a row edited by hand (which moves no counter). A random token, drawn
        # again by every kb transaction and by a trigger on any row written by anyone, names
        # one content only.
        "INSERT OR IGNORE INTO meta VALUES ('token', lower(hex(randomblob(8))));\n"
        + "\n".join(
            f"CREATE TRIGGER {table}_{event.lower()}_token AFTER {event} ON {table} BEGIN "
            "UPDATE meta SET value = lower(hex(randomblob(8))) WHERE key = 'token'; END;"
            for table in ("article", "paragraph", "sentence", "entity", "mention", "discovery", "entity_role", "timex",
                          "judgement", "timeline_entry", "event", "event_role")
            for event in ("INSERT", "UPDATE", "DELETE")
        ),  # fmt: skip
    ),
    (
        "web pages beside their articles",
        """
        -- The raw page an article was read from (kb fetch, a web archive), so a better extractor can
        -- read it again without the network, and what a conditional request needs to ask for it again.
        CREATE TABLE page (
            url TEXT PRIMARY KEY,                  -- as asked for: a command line, a feed, a sitemap, an archive
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            final_url TEXT NOT NULL,               -- after redirects
            etag TEXT, last_modified TEXT,         -- validators sent back on the next fetch
            content_type TEXT,
            author TEXT,                           -- the byline trafilatura read
            captured_at TEXT,                      -- an archive's capture date
            fetched_at TEXT NOT NULL,
            html BLOB NOT NULL                     -- zlib-compressed bytes as served
        );
        CREATE INDEX page_article ON page(article_id);
        """,
    ),
    (
        "judgements taken back stay in the log",
        """
        -- An undone judgement is no longer applied, but the log keeps it and says when it was
        -- taken back: what an analyst decided and undid is part of the record.
        ALTER TABLE judgement ADD COLUMN undone_at TEXT;
        """,
    ),
    (
        "days without a year",
        """
        -- An undated page's "June 30" (XXXX-06-30): the event stays undated until other sources
        -- give that day one year for the same parties (Store.date_yearless_events).
        ALTER TABLE event ADD COLUMN yearless TEXT;
        CREATE INDEX event_yearless ON event(yearless) WHERE yearless IS NOT NULL;
        -- and the day an undated page's dateline states without a year ("SHANGHAI, July 1")
        ALTER TABLE article ADD COLUMN date_yearless TEXT;
        -- entries by their day of the year (-06-30), which a yearless day is looked up by
        CREATE INDEX timeline_entry_month_day ON timeline_entry(substr(date, 5));
        """,
    ),
]


def _dateline_years_of_recent_days(dateline: str, days: list[str]) -> set[int]:
    """The years a dateline day without one ("XXXX-07-01") takes from the days, dated by the other
    sources, that fall at most DATELINE_RECENT_DAYS before it: a day of June 30, 2018 puts a
    dateline of July 1 in 2018, one of December 30, 2017 a dateline of January 3 in 2018."""
    month, day = int(dateline[5:7]), int(dateline[8:10])
    years = set()
    for told in days:
        if len(told) < 10:
            continue  # a month says too little of which day came just before
        told_day = date.fromisoformat(told[:10])
        for year in (told_day.year, told_day.year + 1):
            page_day = safe_date(year, month, day)
            if page_day and 0 <= (page_day - told_day).days <= DATELINE_RECENT_DAYS:
                years.add(year)
    return years


def _signed(value: int) -> int:
    """SQLite integers are signed 64-bit; fold an unsigned simhash into that range."""
    return value - (1 << 64) if value >= 1 << 63 else value


class Store(Queries):
    """The knowledge base on disk.

    path (str | Path): the SQLite file; its folder is created. ":memory:" for tests.
    readonly (bool): open without the right to write (the app's pages).
    """

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = str(path)
        if self.path != ":memory:" and not readonly:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        if readonly:
            if not Path(self.path).exists():
                raise StoreError(f"{self.path}: no knowledge base here yet; build it with `kb ingest corpus/`")
            uri = f"file:{Path(self.path).resolve()}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self._memo: dict[str, tuple[tuple[int, int], object]] = {}
        self._depth = 0  # nesting of atomic() blocks
        self.conn.execute("PRAGMA busy_timeout = 30000")
        self.conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        elif self.schema_version() < len(MIGRATIONS):
            raise StoreError(f"{self.path}: the knowledge base is from an older version; run `kb ingest` once to upgrade it")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # -- schema ---------------------------------------------------------------------------

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path}: made by a newer version of this program (schema {version}); upgrade the program"
            )
        for number, (name, sql) in enumerate(MIGRATIONS[version:], start=version + 1):
            # executescript commits on its own, so the step carries its own transaction.
            try:
                self.conn.executescript(
                    f"BEGIN IMMEDIATE; {sql}; PRAGMA user_version = {number}; "
                    f"INSERT OR REPLACE INTO meta VALUES ('migration:{number}', '{name}'); COMMIT;"
                )
            except sqlite3.Error:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    @contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything inside lands together or not at all. Nested, the
        inner blocks join the outer transaction (a judgement and the articles it re-derives)."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self.conn
            # Every write moves the store to a new generation: views saved for an older one are stale.
            self.conn.execute(
                "INSERT INTO meta VALUES ('generation', 1) ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
            )
            self.conn.execute("UPDATE meta SET value = lower(hex(randomblob(8))) WHERE key = 'token'")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        finally:
            self._depth = 0
        self.conn.execute("COMMIT")

    # -- ingest ---------------------------------------------------------------------------

    def article_by_key(self, key: str) -> sqlite3.Row | None:
        return self.conn.execute(
            "SELECT id, content_hash, extractor_version FROM article WHERE key = ?", (key,)
        ).fetchone()

    def original_with_text(self, text_hash: str, *, exclude_key: str) -> int | None:
        """The first stored article (not itself a copy) with exactly these words."""
        row = self.conn.execute(
            "SELECT id FROM article WHERE text_hash = ? AND key != ? AND duplicate_of IS NULL ORDER BY id LIMIT 1",
            (text_hash, exclude_key),
        ).fetchone()
        return row["id"] if row else None

    def near_duplicate_candidates(self, lang: str, simhash: int, *, exclude_key: str) -> list[sqlite3.Row]:
        """Originals sharing at least one 16-bit band of the simhash (locality-sensitive): their
        id and simhash only, so that texts are read just for the few within the bit distance."""
        bands = [(simhash >> (16 * i)) & 0xFFFF for i in range(4)]
        params = (*[value for band in bands for value in (lang, band)], exclude_key)
        return self.conn.execute(NEAR_DUPLICATE_CANDIDATES, params).fetchall()

    def article_text(self, article_id: int) -> str:
        return self.conn.execute("SELECT text FROM article WHERE id = ?", (article_id,)).fetchone()["text"]

    def write_article(self, record: ArticleRecord, *, extractor_version: str, page: PageCapture | None = None) -> int:
        """Insert the article, or replace the stored version with the same key, and its facts;
        with `page`, the raw page it was read from, in the same transaction."""
        a = record.article
        bands = [(record.simhash >> (16 * i)) & 0xFFFF for i in range(4)]
        values = dict(
            key=a.key, content_hash=record.content_hash, text_hash=record.text_hash,
            simhash=_signed(record.simhash), band0=bands[0], band1=bands[1], band2=bands[2], band3=bands[3],
            title=a.title, url=a.url, source=a.source, path=a.path, lang=a.lang,
            date=a.date, date_source=a.date_source, date_evidence=a.date_evidence,
            date_confidence=a.date_confidence, date_yearless=a.date_yearless, text=a.text,
            duplicate_of=record.duplicate_of, duplicate_score=record.duplicate_score,
            extractor_version=extractor_version, ingested_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        )  # fmt: skip
        with self.atomic() as conn:
            old = conn.execute("SELECT id FROM article WHERE key = ?", (a.key,)).fetchone()
            if old:
                article_id = old["id"]
                conn.execute(
                    "DELETE FROM sentence_search WHERE rowid IN (SELECT id FROM sentence WHERE article_id = ?)", (article_id,)
                )
                for table in FACT_TABLES:
                    conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
                sets = ", ".join(f"{k} = :{k}" for k in values)
                conn.execute(f"UPDATE article SET {sets} WHERE id = :id", {**values, "id": article_id})
            else:
                cols = ", ".join(values)
                marks = ", ".join(f":{k}" for k in values)
                article_id = conn.execute(f"INSERT INTO article ({cols}) VALUES ({marks})", values).lastrowid
            conn.executemany(
                'INSERT INTO paragraph (article_id, idx, start, "end", repeat_of) VALUES (?, ?, ?, ?, ?)',
                [(article_id, p.idx, p.start, p.end, p.repeat_of) for p in record.paragraphs],
            )
            conn.executemany(
                'INSERT INTO sentence (article_id, idx, paragraph, start, "end", text, repeat_of) '
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(article_id, s.idx, s.paragraph, s.start, s.end, s.text, s.repeat_of) for s in record.sentences],
            )
            self._write_facts(conn, article_id, record)
            self._index_sentences(conn, article_id, record)
            if old:
                conn.execute("DELETE FROM timeline_entry WHERE id NOT IN (SELECT entry_id FROM event WHERE entry_id IS NOT NULL)")
            if page is not None:
                self._write_page(conn, article_id, page, a.author)
        return article_id

    # -- web pages ------------------------------------------------------------------------

    def _write_page(self, conn: sqlite3.Connection, article_id: int, page: PageCapture, author: str | None = None) -> None:
        conn.execute(
            "INSERT OR REPLACE INTO page (url, article_id, final_url, etag, last_modified, content_type, author, captured_at, "
            "fetched_at, html) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (page.url, article_id, page.final_url, page.etag, page.last_modified, page.content_type, author, page.captured_at,
             datetime.now(timezone.utc).isoformat(timespec="seconds"), zlib.compress(page.body, 6)),
        )  # fmt: skip

    def save_page(self, article_key: str, page: PageCapture, *, author: str | None = None) -> None:
        """Keep a page (and its validators) for the stored article with this key, which it
        did not change: a page asked for by a new address, or served again with new validators."""
        row = self.conn.execute("SELECT id FROM article WHERE key = ?", (article_key,)).fetchone()
        if row is None:
            return
        kept = self.conn.execute("SELECT article_id, etag, last_modified FROM page WHERE url = ?", (page.url,)).fetchone()
        if kept is not None and tuple(kept) == (row["id"], page.etag, page.last_modified):
            return
        with self.atomic() as conn:
            self._write_page(conn, row["id"], page, author)

    def page(self, url: str) -> dict | None:
        """What is stored of the page at this address: validators, its article, its raw bytes."""
        row = self.conn.execute(
            "SELECT p.*, a.key AS article_key, a.extractor_version FROM page p JOIN article a ON a.id = p.article_id "
            "WHERE p.url = ?",
            (url,),
        ).fetchone()
        if row is None:
            return None
        found = dict(row)
        found["html"] = zlib.decompress(found["html"])
        return found

    def page_validators(self, urls: list[str]) -> dict[str, tuple[str | None, str | None, str]]:
        """url -> (etag, last_modified, fetched_at) for the pages stored at these addresses."""
        found: dict[str, tuple[str | None, str | None, str]] = {}
        for start in range(0, len(urls), 500):
            chunk = urls[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            query = f"SELECT url, etag, last_modified, fetched_at FROM page WHERE url IN ({marks})"
            for row in self.conn.execute(query, chunk):
                found[row["url"]] = (row["etag"], row["last_modified"], row["fetched_at"])
        return found

    def _write_facts(self, conn: sqlite3.Connection, article_id: int, record: ArticleRecord) -> None:
        conn.executemany(
            'INSERT INTO mention (article_id, sentence_idx, start, "end", text, label, extracted_entity_id, entity_id, '
            "resolved_by, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, idx, m.start, m.end, m.text, m.label, m.extracted_entity_id or m.entity_id,
                 m.entity_id, m.resolved_by, m.score)
                for idx, m in record.mentions
            ],  # fmt: skip
        )
        conn.executemany(
            "INSERT OR IGNORE INTO discovery (article_id, entity_id, name, type) VALUES (?, ?, ?, ?)",
            [(article_id, d["id"], d["name"], d["type"]) for d in record.discovered],
        )
        conn.executemany(
            "INSERT INTO entity_role (article_id, entity_id, role, affiliation, sentence_idx) VALUES (?, ?, ?, ?, ?)",
            [(article_id, r["entity_id"], r["role"], r.get("affiliation"), r.get("sentence_idx")) for r in record.roles],
        )
        conn.executemany(
            'INSERT INTO timex (article_id, sentence_idx, start, "end", text, type, value, granularity, modifier, anchor) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, idx, t.start, t.end, t.text, t.type, t.value, t.granularity, t.modifier, t.anchor)
                for idx, t in record.timexes
            ],
        )
        # The dated events find or make their entries first: an undated retelling earlier in the
        # article ("Alipay and UnionPay have signed an agreement … The two signed it on Monday")
        # then joins the dated entry instead of making one of its own.
        entry_of = {}
        for idx in sorted(range(len(record.events)), key=lambda i: record.events[i].date is None):
            entry_of[idx] = self._entry_for(conn, record.events[idx], may_create=record.duplicate_of is None)
        for idx, event in enumerate(record.events):
            entry_id = entry_of[idx]
            event_id = conn.execute(
                'INSERT INTO event (article_id, idx, sentence_idx, type, category, trigger, start, "end", factuality, '
                "document, theme, date, date_text, date_source, date_mod, deadline, refers_to, object_type, entry_id, yearless) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id, idx, event.sentence_idx, event.type, event.category, event.trigger, event.start,
                    event.end, event.factuality, event.document, event.theme, event.date, event.date_text,
                    event.date_source, event.date_mod, event.deadline, event.refers_to, event.object_type, entry_id,
                    event.yearless,
                ),  # fmt: skip
            ).lastrowid
            roles = [(event_id, e, "actor", i) for i, e in enumerate(event.actors)]
            roles += [(event_id, e, "target", i) for i, e in enumerate(event.targets)]
            roles += [(event_id, event.document, "document", 0)] if event.document else []
            conn.executemany("INSERT INTO event_role (event_id, entity_id, role, position) VALUES (?, ?, ?, ?)", roles)

    def _index_sentences(self, conn: sqlite3.Connection, article_id: int, record: ArticleRecord) -> None:
        """Reposts and repeated sentences stay out of the index: a search finds each thing once."""
        if record.duplicate_of is not None:
            return
        ids = dict(conn.execute("SELECT idx, id FROM sentence WHERE article_id = ?", (article_id,)).fetchall())
        conn.executemany(
            "INSERT INTO sentence_search (rowid, terms) VALUES (?, ?)",
            [(ids[idx], terms) for idx, terms in record.sentence_terms.items() if idx in ids],
        )

    def _entry_for(self, conn: sqlite3.Connection, event: EventMention, *, may_create: bool) -> int | None:
        """The timeline entry an event mention reports: same type, main participant, partners
        and a compatible date. A repost's events only join entries; they never make new ones."""
        if event.factuality == "speculative" and event.date is None:
            return None  # a guess with no time ("if NetsUnion is set up, institutions may…") has no place on a timeline
        main = main_participant(event)
        targets = " ".join(sorted(event.targets))
        # Partners: the same parties, or one side names none. Only they, and only the dates that
        # may be the same moment, are read: a large store has thousands of entries per type and
        # main participant, and reading them all for every event slowed ingest as it grew.
        partners = "type = ? AND main = ? AND document IS ? AND (targets = ? OR targets = '' OR targets IS NULL OR ? = '')"
        key = (event.type, main, event.document, targets, targets)
        if event.date is None and event.yearless:
            self._date_by_other_sources(conn, event)
        if event.date is None:
            row = conn.execute(f"SELECT id FROM timeline_entry WHERE {partners} AND date IS NULL ORDER BY id LIMIT 1", key).fetchone()
            if row:
                return row["id"]
            # An undated retelling of a dated event ("Alipay had connected to NetsUnion") is that event.
            dated = conn.execute(f"SELECT id FROM timeline_entry WHERE {partners} AND date IS NOT NULL ORDER BY id LIMIT 2", key).fetchall()
            if len(dated) == 1:
                return dated[0]["id"]
        else:
            # Same moment: one date a coarser reading of the other (same_time decides at the digits).
            rows = conn.execute(
                f"""SELECT id, date FROM timeline_entry WHERE {partners}
                    AND (substr(?, 1, length(date)) = date OR substr(date, 1, length(?)) = ?) ORDER BY id""",
                (*key, event.date, event.date, event.date),
            )
            for row in rows:
                if same_time(row["date"], event.date):
                    return row["id"]
        if not may_create:
            return None
        return conn.execute(
            "INSERT INTO timeline_entry (type, main, targets, document, date) VALUES (?, ?, ?, ?, ?)",
            (event.type, main, targets, event.document, event.date),
        ).lastrowid

    def date_yearless_events(self) -> int:
        """Give the events of undated pages the year other sources give their day, or take it
        back when the sources now give two, as the stored pages stand; then the pages' datelines
        without a year the same way. Returns how many events and pages changed. Run after each
        batch, so that the order pages are read in does not change the timeline."""
        waiting = self.conn.execute(
            """SELECT e.id, e.sentence_idx, e.type, e.category, e.trigger, e.start, e."end", e.factuality, e.document,
                      e.theme, e.yearless, e.date, a.duplicate_of
               FROM event e JOIN article a ON a.id = e.article_id
               WHERE e.yearless IS NOT NULL AND (e.date IS NULL OR e.date_source = ?)""",
            (DATED_BY_OTHER_SOURCES,),
        ).fetchall()
        # Their parties in one read (not a query per event: this runs after every batch).
        roles: dict[int, dict[str, list[str]]] = {}
        for event_id, role, entity_id in self.conn.execute(
            "SELECT r.event_id, r.role, r.entity_id FROM event_role r JOIN event e ON e.id = r.event_id "
            "WHERE e.yearless IS NOT NULL AND (e.date IS NULL OR e.date_source = ?) ORDER BY r.event_id, r.position",
            (DATED_BY_OTHER_SOURCES,),
        ):
            roles.setdefault(event_id, {}).setdefault(role, []).append(entity_id)
        changed = []
        for row in waiting:  # read first: a batch that changes nothing writes nothing
            parties = roles.get(row["id"], {})
            event = EventMention(
                sentence_idx=row["sentence_idx"], type=row["type"], category=row["category"], trigger=row["trigger"],
                start=row["start"], end=row["end"], factuality=row["factuality"], document=row["document"],
                theme=row["theme"], yearless=row["yearless"], actors=parties.get("actor", []), targets=parties.get("target", []),
            )  # fmt: skip
            self._date_by_other_sources(self.conn, event)
            if event.date != row["date"]:
                changed.append((row, event))
        if changed:
            with self.atomic() as conn:
                for row, event in changed:
                    entry_id = self._entry_for(conn, event, may_create=row["duplicate_of"] is None)
                    conn.execute(
                        "UPDATE event SET date = ?, date_source = ?, entry_id = ? WHERE id = ?",
                        (event.date, event.date_source, entry_id, row["id"]),
                    )
                conn.execute("DELETE FROM timeline_entry WHERE id NOT IN (SELECT entry_id FROM event WHERE entry_id IS NOT NULL)")
        return len(changed) + self._date_datelines_by_other_sources()

    def _date_datelines_by_other_sources(self) -> int:
        """An undated page whose dateline states a day without its year ("SHANGHAI, July 1"):
        the year the other sources give every day it names that they date, when they give one
        and those days lie within a year of the dateline's; else it stays undated (and a year
        given so is taken back when the sources no longer agree). Returns how many changed."""
        rows = self.conn.execute(
            "SELECT id, date, date_yearless, date_evidence FROM article WHERE date_yearless IS NOT NULL "
            "AND (date IS NULL OR date_source = ?)",
            (DATED_BY_OTHER_SOURCES,),
        ).fetchall()
        updates = []
        for row in rows:
            days = [r[0] for r in self.conn.execute(
                "SELECT date FROM event WHERE article_id = ? AND date_source = ?", (row["id"], DATED_BY_OTHER_SOURCES)
            )]  # fmt: skip
            years = {d[:4] for d in days}
            found = None
            recent = _dateline_years_of_recent_days(row["date_yearless"], days)
            recent_year = next(iter(recent)) if len(recent) == 1 else None
            if recent_year and 2 * sum(d.startswith(str(recent_year)) for d in days) >= len(days):
                # "SHANGHAI, July 1 … after the June 30 deadline": a day just before the dateline
                # tells its year, whatever years the older or later days it names are of (when at
                # least half of the days it names are of that year too)
                found = safe_date(recent_year, int(row["date_yearless"][5:7]), int(row["date_yearless"][8:10]))
                found = found.isoformat() if found else None
            elif len(years) == 1 and not recent:
                year = years.pop()
                day = safe_date(int(year), int(row["date_yearless"][5:7]), int(row["date_yearless"][8:10]))
                if day and all(abs((date.fromisoformat(d[:10]) - day).days) <= 366 for d in days):
                    found = day.isoformat()
            if found != row["date"]:
                undated = "undated: " + (row["date_evidence"] or "").split("; year from", 1)[0].removeprefix("undated: ")
                dated = f"{undated.removeprefix('undated: ')}; year from the other sources that date the days it names ({', '.join(sorted(set(days)))})"
                updates.append((found, DATED_BY_OTHER_SOURCES if found else None, dated if found else undated, 0.6 if found else None, row["id"]))
        if updates:
            with self.atomic() as conn:
                conn.executemany(
                    "UPDATE article SET date = ?, date_source = ?, date_evidence = ?, date_confidence = ? WHERE id = ?", updates
                )
        return len(updates)

    @staticmethod
    def _date_by_other_sources(conn: sqlite3.Connection, event: EventMention) -> None:
        """An undated page's "June 30": the year the other sources give that day for the same
        parties, when they all give one (two years for the day: the page could mean either, so
        the event stays undated). Only entries some source dates itself count: a year given
        this way is no evidence for another."""
        parties = {*event.actors, *event.targets, *([event.document] if event.document else [])}
        rows = conn.execute(
            """SELECT t.type, t.main, t.targets, t.document, t.date,
                      (SELECT group_concat(r.entity_id, ' ') FROM event e JOIN event_role r ON r.event_id = e.id
                       WHERE e.entry_id = t.id) AS parties
               FROM timeline_entry t
               WHERE substr(t.date, 5) = ? AND length(t.date) = ?
               AND EXISTS (SELECT 1 FROM event e WHERE e.entry_id = t.id AND e.date_source IS NOT ?)""",
            (event.yearless[4:], len(event.yearless), DATED_BY_OTHER_SOURCES),
        )
        told = [(row["type"], {row["main"], row["document"], *(row["targets"] or "").split(), *(row["parties"] or "").split()},
                 row["date"][:4]) for row in rows]
        told = [(kind, named, year) for kind, named, year in told if parties & named]
        years = {year for _, _, year in told}
        if len(years) > 1 and len(parties) >= 2:
            # Two years for the day ("March 31": NetsUnion's trial run of 2017, its signing with
            # Tenpay of 2018): the year of the only act of its kind the sources date that day, when
            # it has all of the act's two or more parties (two such acts in two years: either is
            # meant; one party alone, "the June 30 deadline" of payment institutions, tells too little)
            same_kind = [(named, year) for kind, named, year in told if kind == event.type]
            years = {year for _, year in same_kind} if any(parties <= named for named, _ in same_kind) else set()
        if len(years) == 1:
            event.date, event.date_source = years.pop() + event.yearless[4:], DATED_BY_OTHER_SOURCES
        else:
            event.date = event.date_source = None

    def sync_entities(self, curated: list[dict]) -> None:
        """Make the entity table match the curated file and the names found in articles.

        curated: [{"id", "name", "type", "names": {"en", "zh"}, "aliases", "parent"}].
        A name the file does not know becomes an entity when an article gives it a role or
        several articles name it. Writes nothing when the table matches already (a re-run).
        """
        wanted = {
            e["id"]: (e["id"], e["name"], e["type"], e["names"].get("en"), e["names"].get("zh"), e.get("parent"),
                      json.dumps(e.get("aliases", []), ensure_ascii=False), "curated")
            for e in curated
        }  # fmt: skip
        for row in self.conn.execute(DISCOVERED_ENTITIES):
            wanted.setdefault(row[0], tuple(row))
        stored = "SELECT id, name, type, name_en, name_zh, parent_id, aliases, origin FROM entity"
        current = {row[0]: tuple(row) for row in self.conn.execute(stored)}
        analysts = {key for key, row in current.items() if row[-1] == "analyst"}  # kept either way
        if {k: v for k, v in wanted.items() if k not in analysts} == {k: v for k, v in current.items() if k not in analysts}:
            return
        with self.atomic() as conn:
            conn.execute("DELETE FROM entity WHERE origin IN ('curated', 'discovered')")
            conn.executemany("INSERT OR IGNORE INTO entity (id, name, type, name_en, name_zh, parent_id, aliases, origin) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", list(wanted.values()))  # fmt: skip

    # -- judgements -----------------------------------------------------------------------

    def add_judgement(self, action: str, entity_id: str, other: str, alias: str | None = None, *, name: str | None = None) -> int:
        """Record an analyst's decision, checked first (JudgementRejected says what is wrong);
        returns its id. A split makes the entity `other`, called `name` (default: the alias).
        Inside an atomic() block it lands with what else the block writes."""
        row = {"action": action, "entity_id": entity_id, "other": other, "alias": alias}
        known = {r[0] for r in self.conn.execute("SELECT id FROM entity")}
        problem = row_problem(row, known | ({other} if action == "split" else set()), strict=True)
        if problem:
            raise JudgementRejected(problem)
        same = self.conn.execute(
            "SELECT id FROM judgement WHERE action = ? AND entity_id = ? AND other = ? AND alias IS ? AND undone_at IS NULL",
            (action, entity_id, other, alias),
        ).fetchone()
        if same:
            raise JudgementRejected(f"already recorded, as judgement {same['id']}")
        with self.atomic() as conn:
            judgement_id = conn.execute(
                "INSERT INTO judgement (action, entity_id, other, alias, created_at) VALUES (?, ?, ?, ?, ?)",
                (action, entity_id, other, alias, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            ).lastrowid
            if action == "split":
                conn.execute(
                    "INSERT OR IGNORE INTO entity (id, name, type, origin) "
                    "SELECT ?, ?, type, 'analyst' FROM entity WHERE id = ?",
                    (other, name or alias, entity_id),
                )
        return judgement_id

    def undo_judgement(self, judgement_id: int) -> dict | None:
        """Mark a judgement as taken back (it stays in the log, no longer applied) and drop the
        entity a split made, when no judgement still applied names it; returns the row as it
        was, or None when there is no such judgement."""
        with self.atomic() as conn:
            row = conn.execute("SELECT * FROM judgement WHERE id = ?", (judgement_id,)).fetchone()
            if row is None:
                return None
            conn.execute("UPDATE judgement SET undone_at = ? WHERE id = ?", (datetime.now(timezone.utc).isoformat(timespec="seconds"), judgement_id))
            if row["action"] == "split":
                conn.execute(
                    "DELETE FROM entity WHERE id = ? AND origin = 'analyst' AND id NOT IN "
                    "(SELECT entity_id FROM judgement WHERE undone_at IS NULL UNION SELECT other FROM judgement WHERE undone_at IS NULL)",
                    (row["other"],),
                )
        return dict(row)

    def articles_mentioning(self, entity_ids: set[str]) -> list[int]:
        """Articles with a mention of these entities, as resolved or as the pipeline first had it."""
        marks = ", ".join("?" * len(entity_ids))
        rows = self.conn.execute(
            f"SELECT DISTINCT article_id FROM mention WHERE entity_id IN ({marks}) OR extracted_entity_id IN ({marks}) ORDER BY 1",
            [*entity_ids, *entity_ids],
        )
        return [r["article_id"] for r in rows]
