"""Ask false-premise yes/no questions made from the tuning gold's facts, and count the answers.

    .venv/bin/kb eval ../shared/corpus/dev --ids tests/dev_split/tuning.txt --db /tmp/tuning.db
    .venv/bin/python tests/gold/probe_false_premises.py /tmp/tuning.db          # counts
    .venv/bin/python tests/gold/probe_false_premises.py /tmp/tuning.db --show yes  # the Yes answers

Each asserted, dated act of the gold (an issue, a connection, a launch, ...) is asked twice in
English and in Chinese, each time with one part changed: a year earlier ("Did Tenpay sign with
NetsUnion on March 31, 2017?"), or another party of its kind that its article names in the actor's
place. The sources hold the act as it was, so the engine should answer No (better: say what they
tell instead) and never Yes. Changed questions can be true by accident (NetsUnion launched on
March 31 of two years): a Yes is to be read, not counted as wrong blindly. Only the tuning part
is read; the check part's facts stay unseen.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("KB_SHARED") or ROOT.parent / "shared")
sys.path.insert(0, str(ROOT))
from pipeline.extract.entities import load_entity_table  # noqa: E402
from pipeline.store import Store  # noqa: E402
from pipeline.views.questions import ask  # noqa: E402

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
# How each act is asked: the verb, and whether its target (t) or its document (doc) follows.
ASKED = {
    "issue": ("issue {doc}", "发布《{doc}》"),
    "connect": ("connect to {t}", "接入{t}"),
    "launch": ("launch", "上线"),
    "cooperate": ("sign an agreement with {t}", "与{t}签署合作协议"),
    "approve": ("approve {t}", "批准{t}"),
    "switch_traffic": ("move its traffic to {t}", "将业务迁移至{t}"),
    "found": ("set up {t}", "发起设立{t}"),
    "complete": ("complete", "完成切换"),
}


def when(value: str, lang: str, years_back: int = 0) -> str:
    year = int(value[:4]) - years_back
    month = int(value[5:7]) if len(value) >= 7 else None
    day = int(value[8:10]) if len(value) >= 10 else None
    if lang == "zh":
        return f"{year}年" + (f"{month}月" if month else "") + (f"{day}日" if day else "")
    if day:
        return f"on {MONTHS[month - 1]} {day}, {year}"
    return f"in {MONTHS[month - 1]} {year}" if month else f"in {year}"


def questions(seed: int) -> list[tuple[str, str, str]]:
    """(article id, change, question) for every askable fact of the tuning part."""
    table = load_entity_table()
    rng = random.Random(seed)
    split = ROOT / "tests" / "dev_split" / "tuning.txt"
    ids = [line.split()[0] for line in split.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    found = []
    for article_id in ids:
        gold = json.loads((SHARED / "corpus" / "dev" / "gold" / f"{article_id}.json").read_text(encoding="utf-8"))
        named = {e["id"] for e in gold["entities"] if table.get(e["id"])}
        for fact in gold["facts"]:
            if fact["type"] not in ASKED or fact["factuality"] != "asserted" or not fact["date"]:
                continue
            actor = next((a for a in fact["actors"] if table.get(a)), None)
            target = next((t for t in fact["targets"] if table.get(t)), None)
            document = table.get(fact["document"]) if fact.get("document") else None
            if actor is None:
                continue
            kind = table.get(actor).type
            # another of its kind, not a unit of the actor nor the body it belongs to (the PBOC
            # for its department is no other party)
            others = sorted(e for e in named if e not in fact["actors"] + fact["targets"] and table.get(e).type == kind
                            and e not in table.ancestors(actor) and actor not in table.ancestors(e))
            other = rng.choice(others) if others else None  # the same in both languages
            if "{t}" in ASKED[fact["type"]][0] and target is None or "{doc}" in ASKED[fact["type"]][0] and document is None:
                continue
            for lang, pattern in zip(("en", "zh"), ASKED[fact["type"]]):
                name = lambda i: table.get(i).names.get(lang) or table.get(i).names.get("en")  # noqa: E731
                act = pattern.format(t=name(target) if target else "", doc=document.names.get(lang, "") if document else "")

                def asked(party: str, date: str) -> str:
                    return f"{name(party)}是否于{date}{act}？" if lang == "zh" else f"Did {name(party)} {act} {date}?"

                found.append((article_id, f"{lang} year", asked(actor, when(fact["date"], lang, years_back=1))))
                if other:
                    found.append((article_id, f"{lang} actor", asked(other, when(fact["date"], lang))))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", help="a store of the tuning part, as kb eval --db leaves it")
    parser.add_argument("--show", choices=["yes", "unsaid", "all"], help="print these answers")
    parser.add_argument("--seed", type=int, default=1, help="which other parties are asked")
    args = parser.parse_args()
    store = Store(args.db)
    counts: Counter = Counter()
    verdicts: dict[str, list[str]] = {"en": [], "zh": []}
    for article_id, change, question in questions(args.seed):
        answer = ask(store, question)
        verdict = {True: "Yes", False: "No"}.get(answer.yes_no, "not said" if answer.yes_no is None else str(answer.yes_no))
        counts[change, verdict] += 1
        verdicts[change[:2]].append(verdict)
        show = args.show == "all" or args.show == "yes" and verdict == "Yes" or args.show == "unsaid" and verdict == "not said"
        if show:
            print(f"{article_id} {change:9} {verdict:9} {question}\n    {answer.answer.splitlines()[0][:200]}")
    for change in sorted({c for c, _ in counts}):
        row = {v: n for (c, v), n in counts.items() if c == change}
        total = sum(row.values())
        print(f"{change:9} {total:4} questions: " + ", ".join(f"{v} {n}" for v, n in sorted(row.items(), key=lambda kv: -kv[1])))
    # each question is asked in both languages, in the same order: the same verdict is expected
    agree = sum(a == b for a, b in zip(verdicts["en"], verdicts["zh"]))
    print(f"English and Chinese versions given the same verdict: {agree} of {len(verdicts['en'])}")


if __name__ == "__main__":
    main()
