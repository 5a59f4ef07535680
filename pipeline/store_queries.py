"""The store's reading side: every query the views, the app and the CLI read the knowledge
base with, and the per-state memo they share. Mixed into `Store` (pipeline/store.py, which
holds the schema and the writing); import `Store` from there.
"""

from __future__ import annotations

import json
import sqlite3

from pipeline import saved_views


class Queries:
    """Read-only queries over `self.conn` (a sqlite3 connection with `sqlite3.Row` rows)."""

    conn: sqlite3.Connection
    _memo: dict[str, tuple[tuple[int, int], object]]

    def articles(self) -> list[dict]:
        rows = self.conn.execute(
            """SELECT a.id, a.title, a.date, a.date_source, a.date_evidence, a.date_confidence, a.lang, a.source, a.url, a.path, a.duplicate_of,
                      (SELECT COUNT(*) FROM sentence s WHERE s.article_id = a.id) AS sentences
               FROM article a ORDER BY a.date IS NULL, a.date, a.id"""
        )
        return [dict(r) for r in rows]

    def article_origins(self) -> list[str]:
        """Where each stored article was read from: its file (as the key names it, resolved at
        ingest) or, for an article known by its url, the path it was given as."""
        rows = self.conn.execute("SELECT key, path FROM article")
        return [r["key"][5:].split("#")[0] if r["key"].startswith("file:") else (r["path"] or "") for r in rows]

    def article(self, article_id: int) -> dict | None:
        row = self.conn.execute("SELECT * FROM article WHERE id = ?", (article_id,)).fetchone()
        return dict(row) if row else None

    def sentences(self, article_id: int) -> list[dict]:
        rows = self.conn.execute(
            'SELECT id, idx, paragraph, start, "end", text, repeat_of FROM sentence WHERE article_id = ? ORDER BY idx',
            (article_id,),
        )
        return [dict(r) for r in rows]

    def mentions(self, article_id: int) -> list[dict]:
        """The article's entity mentions (offsets into its text) with their entities' types."""
        rows = self.conn.execute(
            """SELECT m.sentence_idx, m.start, m."end", m.text, m.label, m.entity_id, m.resolved_by, e.name, e.type, e.name_en
               FROM mention m LEFT JOIN entity e ON e.id = m.entity_id
               WHERE m.article_id = ? ORDER BY m.start""",
            (article_id,),
        )
        return [dict(r) for r in rows]

    def timexes(self, article_id: int) -> list[dict]:
        rows = self.conn.execute(
            'SELECT sentence_idx, start, "end", text, type, value, granularity, modifier, anchor FROM timex '
            "WHERE article_id = ? ORDER BY start",
            (article_id,),
        )
        return [dict(r) for r in rows]

    def counts(self) -> dict[str, int]:
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "articles": one("SELECT COUNT(*) FROM article"),
            "originals": one("SELECT COUNT(*) FROM article WHERE duplicate_of IS NULL"),
            "sentences": one("SELECT COUNT(*) FROM sentence"),
            "entities": one("SELECT COUNT(*) FROM entity"),
            "mentions": one("SELECT COUNT(*) FROM mention"),
            "events": one("SELECT COUNT(*) FROM event WHERE entry_id IS NOT NULL"),
            "timeline_entries": one("SELECT COUNT(*) FROM timeline_entry"),
        }

    def timeline_entry_ids(self) -> set[int]:
        """The ids of the timeline entries (what a batch of ingest is compared against)."""
        return {row[0] for row in self.conn.execute("SELECT id FROM timeline_entry")}

    def event_rows(self) -> list[dict]:
        """Every event mention that belongs to a timeline entry, with its sentence and article
        and its number of roles (`n_roles`), ordered by entry, then originals before reposts,
        article date (undated first), article and order in it.

        The events are read in storage order (NOT INDEXED: through the entry index every event,
        article and sentence would be a jump), then sorted. The rows hold plain values only,
        so the garbage collector leaves them alone (tens of thousands on a large store); the
        roles themselves are read for the events that need them (event_roles)."""
        cursor = self.conn.cursor()
        cursor.row_factory = None
        cursor.execute(
            """SELECT e.id, e.entry_id, e.article_id, e.idx, e.sentence_idx, e.type, e.category, e.trigger,
                      e.start, e."end", e.factuality, e.theme, e.date, e.date_source, e.date_mod, e.deadline, e.refers_to,
                      e.object_type, a.title, a.date AS article_date, a.duplicate_of, a.url,
                      s.text AS sentence, s.start AS sentence_start,
                      (SELECT COUNT(*) FROM event_role r WHERE r.event_id = e.id) AS n_roles
               FROM event e NOT INDEXED
               JOIN article a ON a.id = e.article_id
               JOIN sentence s ON s.article_id = e.article_id AND s.idx = e.sentence_idx
               WHERE e.entry_id IS NOT NULL
               ORDER BY e.entry_id, a.duplicate_of IS NOT NULL, a.date, e.article_id, e.idx"""
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, values, strict=True)) for values in cursor]

    def event_roles(self, event_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
        """event id -> [(role, entity id), ...] by role, then position, for these events."""
        roles: dict[int, list[tuple[str, str]]] = {}
        for event_id, role, entity_id in self.conn.execute(
            """SELECT r.event_id, r.role, r.entity_id FROM json_each(?) j JOIN event_role r ON r.event_id = j.value
               ORDER BY r.event_id, r.role, r.position""",
            (json.dumps(event_ids),),
        ):
            roles.setdefault(event_id, []).append((role, entity_id))
        return roles

    def entity_names(self) -> dict[str, dict]:
        """id -> {"name", "type", "parent_id", "name_en", "name_zh"}: entities, and names only
        discovered once (which are no entity yet but still need a name in a summary). Once per
        state of the store (every profile asks; the discoveries of 100k articles take 0.13 s):
        shared, so read it, never change it."""

        def compute():
            names = {
                r["entity_id"]: {"name": r["name"], "type": r["type"], "parent_id": None, "name_en": None, "name_zh": None}
                for r in self.conn.execute("SELECT entity_id, MAX(name) AS name, MAX(type) AS type FROM discovery GROUP BY entity_id")
            }
            for r in self.conn.execute("SELECT id, name, type, parent_id, name_en, name_zh FROM entity"):
                names[r["id"]] = dict(r)
            return names

        return self.memo("entity_names", compute)

    def state(self) -> tuple[int, int]:
        """Changes whenever what the store holds may have changed: a commit by another
        connection (PRAGMA data_version) or a row written by this one (total_changes)."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes

    def generation(self) -> int | None:
        """Counts the write transactions the store has seen: a name for what it holds, the
        same in every process (None for a store in memory before its first write)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else None

    def content_key(self) -> str | None:
        """Names what the store holds, the same in every process: the generation and a random
        token drawn again whenever a row changes (a backup restored, a row edited by hand),
        so that no two contents share it. None for a store in memory before its first write."""
        rows = dict(self.conn.execute("SELECT key, value FROM meta WHERE key IN ('generation', 'token')").fetchall())
        if "generation" not in rows:
            return None
        return f"{rows['generation']}.{rows.get('token', '')}"

    def memo(self, key: str, compute, *, encode=None, decode=None):
        """`compute()`, once per state of the store: the views share what several of them
        read (the entities' counts, the reports), and any write makes it be read again.
        Callers get the same object each time: keep what is memoised out of their reach
        (tuples, or copied before it is handed out).

        With `encode` (value -> JSON-able) and `decode` (its inverse), the value is also saved
        beside the store for the next process (saved_views): for what takes long to build."""
        state = self.state()
        hit = self._memo.get(key)
        if hit is not None and hit[0] == state:
            return hit[1]
        value = compute() if encode is None else saved_views.cached(self, key, compute, encode=encode, decode=decode)
        self._memo[key] = (state, value)
        return value

    def entity_stats(self) -> dict[str, tuple[int, int, str, str | None, str | None]]:
        """entity id -> (mentions, articles, JSON array of the spellings seen, first and last
        article date), over original articles; once per state of the store.

        One pass over the mention table in storage order (NOT INDEXED: walking the entity
        index would visit the table, and the articles, in random order)."""

        def compute():
            rows = self.conn.execute(
                """SELECT m.entity_id, COUNT(*) AS mentions, COUNT(DISTINCT m.article_id) AS articles,
                          json_group_array(DISTINCT m.text) AS seen, MIN(a.date) AS first, MAX(a.date) AS last
                   FROM mention m NOT INDEXED JOIN article a ON a.id = m.article_id
                   WHERE m.entity_id IS NOT NULL AND a.duplicate_of IS NULL
                   GROUP BY m.entity_id"""
            )
            return {r["entity_id"]: (r["mentions"], r["articles"], r["seen"], r["first"], r["last"]) for r in rows}

        return dict(self.memo("entity_stats", compute, encode=lambda stats: list(stats.items()), decode=lambda saved: {k: tuple(v) for k, v in saved}))

    def entity_rows(self, entity_type: str | None = None) -> list[dict]:
        """Entities with the names seen for them and their counts in original articles,
        most mentioned first (then by name)."""
        stats = self.entity_stats()
        rows = self.conn.execute(
            """SELECT e.* FROM entity e
               WHERE e.id NOT IN (SELECT value FROM json_each(:merged))
                 AND (:type IS NULL OR e.type = :type)
               ORDER BY e.id""",
            {"type": entity_type, "merged": self._merged_away()},
        )
        out = []
        for r in rows:
            mentions, articles, seen, _, _ = stats.get(r["id"], (0, 0, "[null]", None, None))
            out.append({**dict(r), "mentions": mentions, "articles": articles, "seen": seen})
        # SQLite's BINARY order of names is Python's order of str; the sort is stable (by id on ties).
        out.sort(key=lambda row: (-row["mentions"], row["name"]))
        return out

    def entity_labels(self) -> dict[str, str]:
        """id -> name of the entities entity_rows lists (none merged into another), without the
        counts it reads every mention for."""
        rows = self.conn.execute("SELECT id, name FROM entity WHERE id NOT IN (SELECT value FROM json_each(?))", (self._merged_away(),))
        return {r["id"]: r["name"] for r in rows}

    def spellings(self) -> list[tuple[str, str]]:
        """(text, entity id) of every resolved mention, each pair once, ordered by entity id
        and then by where the pair first occurs (the order the entity index gives)."""

        def compute():
            # In storage order DISTINCT yields each pair at its first mention; a stable sort by
            # entity then gives the entity index's order without walking the table through it.
            rows = self.conn.execute("SELECT DISTINCT text, entity_id FROM mention NOT INDEXED WHERE entity_id IS NOT NULL")
            return tuple(sorted(((r["text"], r["entity_id"]) for r in rows), key=lambda pair: pair[1]))

        return list(self.memo("spellings", compute))

    def media_reports(self) -> list[tuple]:
        """(media entity id, article id, title, date): each original article a medium is named in."""

        def compute():
            rows = self.conn.execute(
                """SELECT DISTINCT m.entity_id, a.id AS article_id, a.title, a.date FROM mention m
                   JOIN article a ON a.id = m.article_id AND a.duplicate_of IS NULL
                   WHERE m.entity_id IN (SELECT id FROM entity WHERE type = 'media')"""
            )
            return tuple(tuple(r) for r in rows)

        return list(self.memo("media_reports", compute, encode=list, decode=lambda saved: tuple(map(tuple, saved))))

    def entity_evidence(self, entity_id: str, limit: int = 50) -> list[dict]:
        rows = self.conn.execute(
            """SELECT m.article_id, a.title, a.date, s.text AS sentence, m.text AS text_as_written,
                      m.start - s.start AS start, m."end" - s.start AS "end", m.resolved_by
               FROM mention m JOIN sentence s ON s.article_id = m.article_id AND s.idx = m.sentence_idx
               JOIN article a ON a.id = m.article_id
               WHERE m.entity_id = ? AND a.duplicate_of IS NULL
               ORDER BY a.date, m.article_id, m.start LIMIT ?""",
            (entity_id, limit),
        )
        return [dict(r) for r in rows]

    def entity_roles(self, entity_id: str) -> list[dict]:
        rows = self.conn.execute(
            """SELECT DISTINCT r.role, r.affiliation, r.article_id FROM entity_role r
               WHERE r.entity_id = ? ORDER BY r.article_id""",
            (entity_id,),
        )
        return [dict(r) for r in rows]

    def search_sentences(self, terms: list[str], limit: int = 10) -> list[dict]:
        """Sentences ranked by BM25 against any of the terms (best first)."""
        words = [t.replace('"', "") for t in terms if t.strip()]
        if not words:
            return []
        return self.match_sentences(" OR ".join(f'"{w}"' for w in words), limit)

    def match_sentences(self, query: str, limit: int = 10) -> list[dict]:
        """Sentences matching an FTS5 query, ranked by BM25 (best first). The index holds the
        sentences of original articles only (reposts stay out of it when stored).

        Ranked in the full-text index alone, and only the best then read with their sentence and
        article: joining every match first (33k sentences with a common word on 10k articles)
        took twice as long."""
        top = self.conn.execute(
            "SELECT rowid, bm25(sentence_search) FROM sentence_search WHERE sentence_search MATCH ? ORDER BY 2 LIMIT ?",
            (query, limit),
        ).fetchall()
        rows = self.conn.execute(
            """SELECT s.id, s.article_id, s.idx, s.text AS sentence, a.title, a.date, json_extract(t.value, '$[1]') AS score
               FROM json_each(?) t JOIN sentence s ON s.id = json_extract(t.value, '$[0]')
               JOIN article a ON a.id = s.article_id ORDER BY t.key""",
            (json.dumps([list(row) for row in top]),),
        )
        return [dict(r) for r in rows]

    def judgements(self) -> list[dict]:
        """The judgement log that is applied: rows taken back, and rows that fail the checks
        (written by hand, or by an older version) are left out; judgement_log() shows them,
        with the reason."""
        return [row for row in self.judgement_log() if row["problem"] is None and row.get("undone_at") is None]

    def _merged_away(self) -> str:
        """JSON list of the entities an applied merge folded into another (a skipped row hides none)."""
        return json.dumps([row["other"] for row in self.judgements() if row["action"] == "merge"])

    def judgement_log(self) -> list[dict]:
        """Every row of the judgement log, each with "problem": None, or why it is skipped.
        Checked once per state of the store (the entity list and profiles ask for it often);
        each call gets its own copies of the rows."""
        from pipeline.extract.entities.judgements import row_problem

        def compute():
            known = {r[0] for r in self.conn.execute("SELECT id FROM entity")}
            rows = [dict(r) for r in self.conn.execute("SELECT * FROM judgement ORDER BY id")]
            return tuple({**row, "problem": row_problem(row, known)} for row in rows)

        return [dict(row) for row in self.memo("judgement_log", compute)]

    # -- what the views and the question engine read besides facts and entries -------------

    def entity_ids_and_names(self) -> list[tuple[str, str | None]]:
        """(id, name) of every entity row, in storage order."""
        return [(r["id"], r["name"]) for r in self.conn.execute("SELECT id, name FROM entity")]

    def discovered_names(self) -> dict[str, str]:
        """Name as one article gives it -> the id of the discovered entity it stands for."""
        return {r["name"]: r["entity_id"] for r in self.conn.execute("SELECT DISTINCT name, entity_id FROM discovery")}

    def discovered_type(self, entity_id: str) -> str | None:
        """The type an article gave a name that is no entity of the table (yet)."""
        row = self.conn.execute("SELECT type FROM discovery WHERE entity_id = ? LIMIT 1", (entity_id,)).fetchone()
        return row["type"] if row else None

    def parent_links(self) -> list[tuple[str, str]]:
        """(parent id, child id) of every entity with a parent."""
        return [(r["parent_id"], r["id"]) for r in self.conn.execute("SELECT parent_id, id FROM entity WHERE parent_id IS NOT NULL")]

    def entities_in_sentence(self, sentence_id: int) -> list[str]:
        """The distinct entities a stored sentence (by its row id) names."""
        rows = self.conn.execute(
            "SELECT DISTINCT m.entity_id FROM mention m JOIN sentence s ON s.article_id = m.article_id AND s.idx = m.sentence_idx "
            "WHERE s.id = ? AND m.entity_id IS NOT NULL",
            (sentence_id,),
        )
        return [r["entity_id"] for r in rows]

    def entities_at(self, article_id: int, idx: int) -> list[str]:
        """The entities sentence idx of an article names, in text order (repeats kept)."""
        rows = self.conn.execute(
            "SELECT entity_id FROM mention WHERE article_id = ? AND sentence_idx = ? AND entity_id IS NOT NULL ORDER BY start",
            (article_id, idx),
        )
        return [r["entity_id"] for r in rows]

    def sentence_mentions(self, sentences: list[tuple[int, int]]) -> dict[tuple[int, int], list[dict]]:
        """The resolved mentions of these sentences ((article id, sentence index) each), in text
        order, with their entities' names: {"text", "entity_id", "name", "name_en", "type"}. One query
        for all of them: a timeline entry of a large store cites hundreds of sentences."""
        out: dict[tuple[int, int], list[dict]] = {tuple(key): [] for key in sentences}
        if not sentences:
            return out
        rows = self.conn.execute(
            """SELECT m.article_id, m.sentence_idx, m.text, m.entity_id, e.name, e.name_en, e.type
               FROM json_each(?) j
               JOIN mention m ON m.article_id = json_extract(j.value, '$[0]') AND m.sentence_idx = json_extract(j.value, '$[1]')
               LEFT JOIN entity e ON e.id = m.entity_id
               WHERE m.entity_id IS NOT NULL ORDER BY m.article_id, m.sentence_idx, m.start""",
            (json.dumps(sorted(set(out))),),
        )
        for r in rows:
            out[(r["article_id"], r["sentence_idx"])].append(
                {"text": r["text"], "entity_id": r["entity_id"], "name": r["name"], "name_en": r["name_en"], "type": r["type"]}
            )
        return out

    def sentence_text(self, article_id: int, idx: int) -> str | None:
        row = self.conn.execute("SELECT text FROM sentence WHERE article_id = ? AND idx = ?", (article_id, idx)).fetchone()
        return row["text"] if row else None

    def written_dates(self, article_id: int, idx: int, *, yearless: bool = False) -> list[dict]:
        """The dates with a year that sentence idx of an article writes: {"text", "value", "at"
        (where it starts in the sentence)}; with `yearless`, also those whose year the article
        leaves open (XXXX-Q1)."""
        pattern = "[1-9X][0-9X][0-9X][0-9X]*" if yearless else "[12][0-9][0-9][0-9]*"
        rows = self.conn.execute(
            "SELECT t.text, t.value, t.start - s.start AS at FROM timex t JOIN sentence s ON s.article_id = t.article_id "
            "AND s.idx = t.sentence_idx WHERE t.article_id = ? AND t.sentence_idx = ? AND t.type = 'DATE' AND t.value GLOB ? "
            "ORDER BY t.start",
            (article_id, idx, pattern),
        )
        return [dict(r) for r in rows]

    def now_of_sentence(self, article_id: int, idx: int) -> str | None:
        """The article's date when sentence idx tells the present ("so far", 截至目前): what it
        says holds on the day the article was written. None when it does not (or is undated)."""
        row = self.conn.execute(
            "SELECT a.date FROM article a WHERE a.id = ? AND EXISTS (SELECT 1 FROM timex t WHERE t.article_id = a.id "
            "AND t.sentence_idx = ? AND t.value = 'PRESENT_REF')",
            (article_id, idx),
        ).fetchone()
        return row[0] if row else None

    def dated_originals(self) -> list[dict]:
        """Original articles with a publication date the page states (not one inferred from the text)."""
        rows = self.conn.execute(
            "SELECT id, title, date FROM article WHERE duplicate_of IS NULL AND date IS NOT NULL AND date_source != 'inferred'"
        )
        return [dict(r) for r in rows]

    def people_roles(self) -> list[dict]:
        """Every distinct (person, role, organisation, article) the articles state."""
        return [dict(r) for r in self.conn.execute("SELECT DISTINCT entity_id, role, affiliation, article_id FROM entity_role")]

    def affiliations(self) -> list[dict]:
        """Roles with an organisation, with the article and sentence that state them."""
        rows = self.conn.execute(
            """SELECT r.entity_id, r.role, r.affiliation, r.article_id, a.title, a.date, s.text AS sentence
               FROM entity_role r JOIN article a ON a.id = r.article_id
               LEFT JOIN sentence s ON s.article_id = r.article_id AND s.idx = r.sentence_idx
               WHERE r.affiliation IS NOT NULL"""
        )
        return [dict(r) for r in rows]

    def sentences_naming_both(self, first: list[str], second: list[str], limit: int = 12) -> list[dict]:
        """Sentences of original articles that name one of `first` and one of `second`."""
        rows = self.conn.execute(
            f"""SELECT DISTINCT s.article_id, s.text AS sentence, ar.title, ar.date FROM mention m1
                JOIN mention m2 ON m2.article_id = m1.article_id AND m2.sentence_idx = m1.sentence_idx
                JOIN sentence s ON s.article_id = m1.article_id AND s.idx = m1.sentence_idx
                JOIN article ar ON ar.id = m1.article_id AND ar.duplicate_of IS NULL
                WHERE m1.entity_id IN ({",".join("?" * len(first))}) AND m2.entity_id IN ({",".join("?" * len(second))})
                LIMIT ?""",
            (*first, *second, limit),
        )
        return [dict(r) for r in rows]
