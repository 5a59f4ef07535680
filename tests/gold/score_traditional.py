"""Traditional Chinese as well read as Simplified: the dev corpus's Chinese articles are scored as
written and again converted to Traditional characters (OpenCC s2t, gold and all), side by side.

    .venv/bin/python tests/gold/score_traditional.py                  # the tuning part's Chinese articles
    .venv/bin/python tests/gold/score_traditional.py --errors         # also what only one script gets wrong

Half our Chinese sources are in Traditional characters, and every word list, cue and grammar is
written in Simplified; a figure that differs between the two columns is a place where a list is
read on the page as written instead of on its Simplified view. The converted copies live in a
temporary folder and are removed afterwards; only the check part's figures may be read, so the
default is the tuning part.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("KB_SHARED") or ROOT.parent / "shared")
DEV = SHARED / "corpus" / "dev"

sys.path.insert(0, str(ROOT))
from pipeline.evaluate import evaluate  # noqa: E402
from pipeline.evaluate.gold import read_ids  # noqa: E402

FIGURES = ["timeline_recall", "timeline_precision", "timeline_wrong_date", "timeline_entries", "questions_right",
           "questions_date_right", "questions_entities_right", "questions_count_right", "questions_yesno_right",
           "unanswerable_refused", "entities_right", "pubdate_right"]


def traditional_copy(ids: list[str], into: Path, dev: Path = DEV) -> None:
    """The articles of `ids` of the gold corpus `dev` and their gold in Traditional characters,
    under `into`."""
    to_traditional = opencc.OpenCC("s2t.json").convert
    (into / "articles").mkdir(parents=True)
    (into / "gold").mkdir()
    for gold_id in ids:
        gold = json.loads((dev / "gold" / f"{gold_id}.json").read_text(encoding="utf-8"))
        article = dev / gold["file"]
        (into / gold["file"]).write_text(to_traditional(article.read_text(encoding="utf-8")), encoding="utf-8")
        gold["lang"] = "zh-hant"
        for entity in gold.get("entities", []):
            entity["surface"] = to_traditional(entity["surface"])
        for fact in gold.get("facts", []):
            fact["evidence"] = to_traditional(fact.get("evidence") or "")
        for question in gold.get("questions", []):
            question["q"] = to_traditional(question["q"])
            if isinstance(question.get("answer"), str):
                question["answer"] = to_traditional(question["answer"])
        (into / "gold" / f"{gold_id}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ids", type=Path, default=ROOT / "tests" / "dev_split" / "tuning.txt",
                        help="the dev ids to take the Simplified Chinese articles of (default: the tuning part)")
    parser.add_argument("--errors", action="store_true", help="print the failures only one of the two readings has")
    args = parser.parse_args()
    simplified = [i for i in read_ids(args.ids)
                  if json.loads((DEV / "gold" / f"{i}.json").read_text(encoding="utf-8")).get("lang") == "zh"]
    if not simplified:
        print(f"{args.ids}: no Simplified Chinese articles to convert", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        converted = Path(tmp) / "traditional"
        traditional_copy(simplified, converted)
        as_written = evaluate(DEV, simplified, db_path=Path(tmp) / "simplified.sqlite")
        as_traditional = evaluate(converted, simplified, db_path=Path(tmp) / "traditional.sqlite")
    a, b = as_written.figures()["all"], as_traditional.figures()["all"]
    print(f"{len(simplified)} articles: {' '.join(simplified)}")
    print(f"{'figure':28} {'Simplified':>10} {'Traditional':>11}")
    for key in FIGURES:
        shown = [("-" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)) for v in (a[key], b[key])]
        print(f"{key:28} {shown[0]:>10} {shown[1]:>11}{'  <-- differs' if a[key] != b[key] else ''}")
    if args.errors:
        to_simplified = opencc.OpenCC("t2s.json").convert

        def failures(report) -> set[tuple]:
            return {(f["kind"], f["article"], to_simplified(f["sentence"])[:90], to_simplified(f["system"] or "")[:160])
                    for kind in report.failures(10_000).values() for f in kind if f["kind"] != "entity"}

        only_a, only_b = failures(as_written), failures(as_traditional)
        for mark, rows in (("only as written", only_a - only_b), ("only in Traditional", only_b - only_a)):
            for row in sorted(rows):
                print(f"{mark}: {row}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
