"""Score stored publication dates against the dev corpus gold (../shared/corpus/dev).

    .venv/bin/python tests/gold/score_pubdate.py --ids tests/dev_split/tuning.txt [--details]
    .venv/bin/python tests/gold/score_pubdate.py --ids tests/dev_split/check.txt

Every listed article is ingested into a new store (the whole pipeline, as `kb ingest` runs it)
and its stored date is compared to gold "published": right when equal, coarse when a month or
year holds the true date, undated when none, wrong otherwise. "stated" counts the articles whose
gold says the date is stated somewhere (header, html-meta, url, text).

--details prints one line per article; it is refused for the check part, whose articles and
errors are never looked at (only its summary figures are read).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def dev_dir() -> Path:
    return Path(os.environ.get("KB_SHARED") or ROOT.parent / "shared") / "corpus" / "dev"


def read_ids(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def grade(found: str | None, gold: str) -> str:
    """right / coarse / undated / wrong, as the dev corpus README defines them."""
    if not found:
        return "undated"
    if found == gold:
        return "right"
    if len(found) < len(gold) and gold.startswith(found):
        return "coarse"
    return "wrong"


def stored_dates(files: list[Path]) -> dict[str, dict]:
    """Ingest the files into a fresh store; {file stem: article row}."""
    from pipeline.ingest import ingest
    from pipeline.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "kb.sqlite") as store:
            ingest(files, store)
            rows = store.conn.execute("SELECT path, date, date_source, date_evidence FROM article").fetchall()
    return {Path(r["path"]).stem: dict(r) for r in rows}


def score(ids: list[str], *, details: bool = False) -> dict:
    base = dev_dir()
    files, golds = [], {}
    for id_ in ids:
        golds[id_] = json.loads((base / "gold" / f"{id_}.json").read_text(encoding="utf-8"))
        files.append(base / golds[id_]["file"])
    rows = stored_dates(files)
    counts: Counter = Counter()
    stated: Counter = Counter()
    for id_ in ids:
        row = rows.get(id_, {})
        result = grade(row.get("date"), golds[id_]["published"])
        counts[result] += 1
        if golds[id_]["published_stated"] != "none":
            stated[result] += 1
        if details:
            print(f"{id_}  {result:<8} gold {golds[id_]['published']} ({golds[id_]['published_stated']:<9}) "
                  f"got {row.get('date') or '-':<10} [{row.get('date_source')}] {row.get('date_evidence') or ''}")
    return {"articles": len(ids), **{k: counts[k] for k in ("right", "coarse", "undated", "wrong")},
            "stated": sum(stated.values()), "stated_right_or_coarse": stated["right"] + stated["coarse"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ids", type=Path, required=True, help="a file of article ids, one a line")
    parser.add_argument("--details", action="store_true", help="one line per article (tuning part only)")
    args = parser.parse_args(argv)
    if args.details and args.ids.name == "check.txt":
        parser.error("--details is refused for the check part: read only its summary figures")
    if not (dev_dir() / "gold").is_dir():
        print(f"skipped: no dev corpus at {dev_dir()}")
        return 0
    print(json.dumps(score(read_ids(args.ids), details=args.details)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
