"""Score the timeline against tests/gold/timeline_gold.yaml.

    .venv/bin/python tests/gold/score_timeline.py            # precision, recall, F1 by language
    .venv/bin/python tests/gold/score_timeline.py --errors   # also the misses and the extras

The gold articles are ingested into a fresh store with the real pipeline. For each article,
the system's entries are those with a source in that article; one matches a gold entry when
type, date value and main participant agree (one-to-one). Commentary (assessment) entries and
gold entries marked doubtful are scored apart from the facts.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("KB_SHARED") or ROOT.parent / "shared")
GOLD = Path(__file__).with_name("timeline_gold.yaml")

sys.path.insert(0, str(ROOT))
from pipeline.ingest import ingest  # noqa: E402
from pipeline.store import Store  # noqa: E402
from pipeline.views.timeline import build_entries  # noqa: E402


def gold_path(file: str) -> Path:
    return SHARED / file.removeprefix("shared/") if file.startswith("shared/") else ROOT / file


def load_gold() -> list[dict]:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))["articles"]


def system_entries(paths: list[Path]) -> dict[str, list[dict]]:
    """path -> the timeline entries with a source in that article, as (type, date, main) dicts."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "kb.sqlite") as store:
        report = ingest(paths, store)
        if report.failed:
            raise RuntimeError(f"gold articles failed to ingest: {report.failed}")
        path_of = {row["id"]: row["path"] for row in store.articles()}
        out: dict[str, list[dict]] = defaultdict(list)
        for entry in build_entries(store):
            main = (entry.actor_ids or [entry.document_id] if entry.actor_ids or entry.document_id else entry.target_ids or [None])[0]
            for article_id in {s["article_id"] for s in entry.sources}:
                where = ",".join(f"s{s['sentence_idx']}" for s in entry.sources if s["article_id"] == article_id)
                item = {"type": entry.type, "date": entry.value, "main": main, "category": entry.category,
                        "summary": f"[{where}] {entry.summary}"}
                out[str(Path(path_of[article_id]).resolve())].append(item)
        return out


def match(gold: list[dict], found: list[dict]) -> tuple[list[dict], list[dict], int]:
    """One-to-one matching on (type, date, main); returns (misses, extras, matched)."""
    left = list(found)
    misses = []
    for g in gold:
        key = (g["type"], _day(g.get("date")), g.get("main"))
        hit = next((f for f in left if (f["type"], _day(f["date"]), f["main"]) == key), None)
        if hit:
            left.remove(hit)
        else:
            misses.append(g)
    return misses, left, len(gold) - len(misses)


def _str(value) -> str | None:
    return None if value is None else str(value)


def _day(value) -> str | None:
    """The date without a part of day: "2018-04-27TEV" (evening) is the day 2018-04-27."""
    return None if value is None else str(value).split("T")[0]


def score(show_errors: bool = False) -> dict[str, dict[str, float]]:
    articles = load_gold()
    paths = [gold_path(a["file"]) for a in articles]
    found = system_entries(paths)
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for article, path in zip(articles, paths):
        system = found.get(str(path.resolve()), [])
        for part in ("facts", "commentary"):
            is_part = (lambda e: e.get("category") == "commentary") if part == "commentary" else (lambda e: e.get("category") != "commentary")
            gold = [e for e in article["entries"] if is_part(e) and not e.get("doubtful")]
            doubtful = [e for e in article["entries"] if is_part(e) and e.get("doubtful")]
            mine = [e for e in system if is_part(e)]
            misses, extras, matched = match(gold, mine)
            _, extras, _ = match(doubtful, extras)  # a doubtful entry found is no false alarm
            key = f"{article['lang']} {part}"
            totals[key]["gold"] += len(gold)
            totals[key]["found"] += matched + len(extras)
            totals[key]["matched"] += matched
            if show_errors:
                for g in misses:
                    print(f"MISS  {article['file'].split('/')[-1][:28]:28} {g['type']:14} {str(_str(g.get('date'))):12} {g.get('main')}  ({g.get('trigger')})")
                for e in extras:
                    print(f"EXTRA {article['file'].split('/')[-1][:28]:28} {e['type']:14} {str(_str(e['date'])):12} {e['main']}  {e['summary'][:90]}")
    results = {}
    for key, t in sorted(totals.items()):
        p = t["matched"] / t["found"] if t["found"] else 0.0
        r = t["matched"] / t["gold"] if t["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        results[key] = {"precision": p, "recall": r, "f1": f, **t}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    if not (SHARED / "corpus").is_dir():
        sys.exit(f"needs the shared folder at {SHARED} (set KB_SHARED)")
    for key, r in score(args.errors).items():
        print(f"{key:15} P {r['precision']:.2f}  R {r['recall']:.2f}  F1 {r['f1']:.2f}   (gold {r['gold']}, found {r['found']}, matched {r['matched']})")


if __name__ == "__main__":
    main()
