"""The timeline against the gold written from the articles (tests/gold/timeline_gold.yaml).

Floors are pinned at the measured scores: a change that loses entries or adds false ones
fails here. The goal is 0.85 for both precision and recall in each language.
"""

import sys

import pytest

from tests.conftest import ROOT

FLOORS = {
    # 0.88: "it shall be handled through … clearing institution, which shall take effect from April
    # 1, 2018" is now a requirement with its deadline (a verb under "shall"), as the dev corpus's
    # gold annotates such sentences; this older gold has no entry for it.
    # 0.65 / 0.70 since issue 15: "Fiscal" (财付通) and the second "UnionPay" of "UnionPay and
    # UnionPay" (网联) were Tenpay and NetsUnion only through rules written for those sentences.
    # 0.88 / 0.93 in session 30: "Fiscal" is Tenpay again, now as an exact alias that the check
    # part of the dev corpus confirmed (its garbles rose 76% -> 79%), and a month's year follows
    # the tense of its verb in the parse.
    # 0.875 / 0.933 pinned again in session 44 (the floors had stayed at 0.80 / 0.85 since a
    # session that lowered them for a while).
    "en facts": {"precision": 0.87, "recall": 0.93},
    "zh facts": {"precision": 0.85, "recall": 0.85},
    "zh commentary": {"precision": 0.85, "recall": 0.75},
}


@pytest.fixture(scope="module")
def scores(shared):
    sys.path.insert(0, str(ROOT / "tests" / "gold"))
    from score_timeline import score

    return score()


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_timeline_gold_floors(scores, part):
    for measure, floor in FLOORS[part].items():
        assert scores[part][measure] >= floor, f"{part} {measure} {scores[part][measure]:.2f} < {floor}"
