"""`kb eval`: how true the knowledge base is on annotated articles it was not built from.

    report = evaluate(Path("../shared/corpus/dev"), read_ids(Path("tests/dev_split/check.txt")))
    print(report.text())

The articles are ingested with the real pipeline (into a scratch store, or a given one), then
publication dates, entity mentions, the timeline and the gold questions are scored by the
matching rules of the corpus README (score.py). A product feature as much as a test: an
analyst who annotates a dozen of their own articles in the same format gets the same figures.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipeline.evaluate import score
from pipeline.evaluate.gold import GoldCorpus, GoldError, load, read_ids
from pipeline.store import Store

__all__ = ["EvalReport", "GoldError", "evaluate", "read_ids"]

LANGS = ["en", "en-mt", "zh", "zh-hant"]


@dataclass
class EvalReport:
    corpus: GoldCorpus
    ingest_failures: list[dict]
    dates: score.Scored
    entities: score.Scored
    timeline: score.Scored
    questions: score.Scored

    def langs(self) -> list[str]:
        present = {a.lang for a in self.corpus.articles}
        return [lang for lang in LANGS if lang in present] + sorted(present - set(LANGS)) + ["all"]

    def figures(self) -> dict[str, dict[str, float | int | None]]:
        """The headline figures per language and overall: shares in [0, 1] (None where nothing
        was there to count) and counts."""
        out = {}
        for lang in self.langs():
            d, e, t, q = (s.counts.get(lang, Counter()) for s in (self.dates, self.entities, self.timeline, self.questions))
            answerable = [k for k in ("date", "entities", "count", "yesno")]
            out[lang] = {
                "articles": sum(1 for a in self.corpus.articles if lang in ("all", a.lang)),
                "pubdate_right": _share(d["right"], _total(d, "right", "coarse", "undated", "wrong")),
                "pubdate_right_or_coarse": _share(d["right"] + d["coarse"], _total(d, "right", "coarse", "undated", "wrong")),
                "pubdate_wrong": _share(d["wrong"], _total(d, "right", "coarse", "undated", "wrong")),
                "pubdate_undated": _share(d["undated"], _total(d, "right", "coarse", "undated", "wrong")),
                "pubdate_stated_right_or_coarse": _share(
                    d["stated right"] + d["stated coarse"], _total(d, "stated right", "stated coarse", "stated undated", "stated wrong")),
                "entities_right": _share(e["right"], _total(e, "right", "wrong", "unlinked", "missed")),
                "entities_wrong": _share(e["wrong"], _total(e, "right", "wrong", "unlinked", "missed")),
                "entities_unlinked": _share(e["unlinked"], _total(e, "right", "wrong", "unlinked", "missed")),
                "entities_missed": _share(e["missed"], _total(e, "right", "wrong", "unlinked", "missed")),
                "garbles_right": _share(e["garble right"], _total(e, "garble right", "garble wrong", "garble unlinked", "garble missed")),
                "timeline_recall": _share(t["recalled"], _total(t, "recalled", "missed")),
                "timeline_precision": _share(t["entry right"], t["entries"]),
                "timeline_wrong_date": _share(t["entry wrong date"], t["dated entries"]),
                "timeline_entries": t["entries"],
                "questions_right": _share(sum(q[f"{k} right"] for k in answerable), sum(q[f"{k} asked"] for k in answerable)),
                **{f"questions_{k}_right": _share(q[f"{k} right"], q[f"{k} asked"]) for k in answerable},
                "unanswerable_refused": _share(q["unanswerable refused"], q["unanswerable asked"]),
                "false_yes": q["yesno false yes"],
            }
            if lang == "all":
                out[lang].update({
                    "new_split": e["new split"], "known_merged": e["known merged"],
                    "discovered_entities": e["discovered"], "junk_share": _share(e["junk"], e["discovered"]),
                    "ingest_failures": len(self.ingest_failures),
                })  # fmt: skip
        return out

    def failures(self, n: int) -> dict[str, list[dict]]:
        """The n worst failures of each kind."""
        out = {}
        for scored in (self.dates, self.entities, self.timeline, self.questions):
            for failure in sorted(scored.failures, key=lambda f: f.severity):
                kind = out.setdefault(failure.kind, [])
                if len(kind) < n:
                    kind.append(failure.to_dict())
        return out

    def to_dict(self, errors: int = 0) -> dict:
        data = {
            "articles": [a.id for a in self.corpus.articles],
            "figures": self.figures(),
            "counts": {name: {lang: dict(c) for lang, c in s.counts.items()}
                       for name, s in (("dates", self.dates), ("entities", self.entities),
                                       ("timeline", self.timeline), ("questions", self.questions))},
            "ingest_failures": self.ingest_failures,
        }  # fmt: skip
        if errors:
            data["errors"] = self.failures(errors)
        return data


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _total(counts: Counter, *keys: str) -> int:
    return sum(counts[k] for k in keys)


def evaluate(root: Path, ids: list[str] | None = None, *, db_path: Path | None = None, workers: int = 1) -> EvalReport:
    """Ingest the gold articles of `root` (or those in `ids`) and score the store.

    db_path: the store to ingest into and score (articles already there are skipped when
    unchanged); by default a scratch store in memory, gone afterwards."""
    corpus = load(root, ids)
    with Store(db_path or ":memory:") as store:
        return _evaluate(corpus, store, workers)


def _evaluate(corpus: GoldCorpus, store: Store, workers: int) -> EvalReport:
    from pipeline.ingest import ingest
    from pipeline.views.questions import ask
    from pipeline.views.timeline import timeline

    report = ingest([a.path for a in corpus.articles], store, workers=workers)
    by_path = corpus.by_path()
    rows = [r for r in store.articles() if r["path"] and str(Path(r["path"]).resolve()) in by_path]
    article_of = {r["id"]: by_path[str(Path(r["path"]).resolve())] for r in rows}
    stored = {article_of[r["id"]].id: store.article(r["id"]) for r in rows}
    run = score.Run(corpus, store, article_of, stored, store.entity_names())
    resolved = score.resolutions(run)
    return EvalReport(
        corpus=corpus,
        ingest_failures=report.failed,
        dates=score.score_dates(run),
        entities=score.score_entities(run, resolved),
        timeline=score.score_timeline(run, timeline(store), resolved),  # the timeline a user sees
        questions=score.score_questions(run, lambda q: ask(store, q)),
    )
