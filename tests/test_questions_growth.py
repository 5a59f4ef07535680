"""Answers that do not depend on what else the store holds (issue 18): the gold questions right
on the four gold articles are asked again once the tuning part of the dev corpus (35 articles,
never its check part) is in the same store. Questions about the corpus itself (how many articles
mention X) are left out: their right answer grows with it.

    .venv/bin/python tests/gold/score_questions.py --growth    # which answers change, and how
"""

from __future__ import annotations

import sys

from tests.conftest import ROOT

# Measured: 191 of the 208 answers right on the gold articles stay right (session 30); 189 of 204
# in session 29, once a list
# is read off the sentence telling what the stored acts do not; 187 of 203 in session 27, 186 before
# a refusal the added articles rightly end, every source of the answer one of them, was counted
# kept: "Who is the chairman of NetsUnion?" once a register is stored; 185 of 204 before "Aprl"
# was read as April). The ones lost pick another event of the asked type once more sources tell
# of it (Alipay's requirement to use NetsUnion) or another defining sentence.
KEPT_FLOOR = 191


def test_answers_right_on_the_gold_articles_stay_right_as_the_store_grows(shared):
    sys.path.insert(0, str(ROOT / "tests" / "gold"))
    from score_questions import growth, tuning_articles

    result = growth(tuning_articles())
    lost = "\n".join(f"{qid}: {text} -> {after}" for qid, text, _, after in result["lost"])
    assert result["kept"] >= KEPT_FLOOR, lost
    # A question that must be refused is never answered because more articles came in.
    assert not [qid for qid, *_ in result["lost"] if "-refuse-" in qid], lost
