"""Score the temporal tagger on the Chinese gold set, tests/gold/timex_zh.jsonl.

    .venv/bin/python tests/gold/score_timex_zh.py [--errors]

Each line is a document: either one of the Chinese corpus articles (by file name under the
shared corpus; offsets index its body, the text after the `key: value` header block, and the
text itself is read from there, never stored here) or a sentence written for this set.
Value accuracy = gold expressions found (a prediction overlapping them) with the exact gold
value / all gold expressions; a missed expression counts as wrong.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).with_name("timex_zh.jsonl")


def shared_dir() -> Path:
    return Path(os.environ.get("KB_SHARED") or ROOT.parent / "shared")


def article_body(relative: str) -> str | None:
    """The text after the header block of a shared corpus article, or None if absent."""
    path = shared_dir() / "corpus" / relative
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    return text.split("\n\n", 1)[1] if "\n\n" in text else text


def load_gold(path: Path = GOLD) -> list[dict]:
    """Gold documents with their text; corpus articles absent from this machine are left out."""
    docs = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            if "corpus" in doc:
                body = article_body(doc["corpus"])
                if body is None:
                    continue
                doc["text"] = body
            docs.append(doc)
    return docs


def _match(gold: list[dict], pred: list) -> dict[int, object]:
    """One-to-one: exact extents first, then the largest overlap (as the TE3 scorer does)."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g["end"], p.end) - max(g["start"], p.start)
            if overlap > 0:
                exact = (g["start"], g["end"]) == (p.start, p.end)
                cands.append((not exact, -overlap, gi, pi))
    cands.sort()
    used_g, used_p, out = set(), set(), {}
    for _, _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out[gi] = pred[pi]
    return out


def score(docs: list[dict]) -> dict:
    from pipeline.extract.time import tag

    total = correct = found = 0
    errors = []
    for doc in docs:
        pred = tag(doc["text"], doc.get("dct"), "zh")
        matched = _match(doc["timexes"], pred)
        for gi, g in enumerate(doc["timexes"]):
            total += 1
            p = matched.get(gi)
            if p is not None:
                found += 1
            if p is not None and p.value == g["value"]:
                correct += 1
            else:
                errors.append((doc["doc_id"], g["text"], g["value"], None if p is None else (p.text, p.value)))
    return {"total": total, "found": found, "correct": correct,
            "accuracy": correct / total if total else 0.0, "errors": errors}


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    result = score(load_gold())
    print(f"value accuracy {result['accuracy']:.3f} ({result['correct']}/{result['total']}), "
          f"found {result['found']}/{result['total']}")
    if "--errors" in argv:
        for doc_id, text, value, got in result["errors"]:
            print(f"  {doc_id}: {text!r} gold {value}, got {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
