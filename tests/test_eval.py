"""kb eval: a gold corpus written here (our own words) scored through the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.evaluate import evaluate, read_ids
from pipeline.evaluate.score import date_outcome, is_garble
from pipeline.views.figures import numbers_in

TEXT = """title: Alipay joins UnionPay network
date: 2018-04-28

On April 27, 2018, Alipay connected to China UnionPay, according to people familiar with the matter.
The People's Bank of China had issued a notice in August 2017 requiring payment institutions to route online payments through NetsUnion.
"""


def gold(**changes) -> dict:
    record = {
        "id": "t1", "file": "articles/t1.txt", "lang": "en", "published": "2018-04-28", "published_stated": "header",
        "duplicate_of": None,
        "entities": [
            {"surface": "Alipay", "id": "alipay"}, {"surface": "China UnionPay", "id": "unionpay"},
            {"surface": "People's Bank of China", "id": "pboc"}, {"surface": "NetsUnion", "id": "netsunion"},
        ],
        "facts": [{"date": "2018-04-27", "date_end": None, "type": "connect", "actors": ["alipay"], "targets": ["unionpay"],
                   "document": None, "factuality": "reported", "evidence": "Alipay connected to China UnionPay"}],
        "questions": [
            {"q": "When did Alipay connect to China UnionPay?", "kind": "date", "answer": "2018-04-27"},
            {"q": "Who is the chairman of NetsUnion?", "kind": "unanswerable"},
        ],
    }  # fmt: skip
    record.update(changes)
    return record


def write_corpus(root: Path, record: dict, text: str = TEXT) -> Path:
    (root / "articles").mkdir(parents=True, exist_ok=True)
    (root / "gold").mkdir(exist_ok=True)
    (root / "articles" / "t1.txt").write_text(text, encoding="utf-8")
    (root / "gold" / "t1.json").write_text(json.dumps(record), encoding="utf-8")
    return root


def test_eval_scores_a_corpus_the_system_gets_right(tmp_path):
    figures = evaluate(write_corpus(tmp_path, gold())).figures()["all"]
    assert figures["pubdate_right"] == 1.0
    assert figures["entities_right"] == 1.0
    assert figures["timeline_recall"] == 1.0
    assert figures["questions_date_right"] == 1.0
    assert figures["unanswerable_refused"] == 1.0
    assert figures["false_yes"] == 0


def test_eval_sees_a_changed_date_in_the_article(tmp_path):
    # The article now says April 26: the entry moves, and neither recall nor the date question holds.
    changed = TEXT.replace("April 27, 2018", "April 26, 2018")
    report = evaluate(write_corpus(tmp_path, gold(), text=changed))
    figures = report.figures()["all"]
    assert figures["timeline_recall"] == 0.0
    assert figures["timeline_wrong_date"] > 0
    assert figures["questions_date_right"] == 0.0
    miss = report.failures(5)["timeline miss"][0]
    assert miss["what"] == "wrong date" and "2018-04-26" in miss["system"]
    # the counts say which types were missed and how, for a part whose errors are not read
    by_type = report.to_dict()["counts"]["timeline"]["all"]
    assert any(k.startswith("missed ") and k.endswith("(wrong date)") for k in by_type) and not any(k.startswith("recalled ") for k in by_type), by_type


def test_eval_counts_a_wrong_publication_date_and_a_false_yes(tmp_path):
    questions = [{"q": "Did Alipay connect to China UnionPay?", "kind": "yesno", "answer": "no"}]
    # told as fact (not "according to people familiar with the matter"), the system answers Yes
    told = TEXT.replace(", according to people familiar with the matter", "")
    report = evaluate(write_corpus(tmp_path, gold(published="2018-05-02", questions=questions), text=told))
    figures = report.figures()["all"]
    assert figures["pubdate_wrong"] == 1.0
    assert figures["false_yes"] == 1
    worst = report.failures(1)
    assert worst["publication date"][0]["what"] == "wrong"
    assert worst["question"][0]["what"] == "yesno: false yes"


def test_eval_entity_outcomes(tmp_path):
    entities = [
        {"surface": "Alipay", "id": "tenpay"},  # the system says alipay: wrong
        {"surface": "Acme Clearing Works", "id": "new:acme"},  # not in the text: missed
        {"surface": "China UnionPay", "id": "unionpay"},
        {"surface": "People's Bank of China", "id": "bank_of_china"},  # resolved to the PBOC: a merge of two known banks
    ]
    report = evaluate(write_corpus(tmp_path, gold(entities=entities)))
    counts = report.entities.counts["all"]
    assert (counts["right"], counts["wrong"], counts["missed"]) == (1, 2, 1)
    assert counts["garble wrong"] == 1  # "Alipay" shares no word with Tenpay
    assert report.figures()["all"]["known_merged"] == 1  # a name sharing a word with Bank of China, given to the PBOC


def test_garbles_are_names_that_share_no_word_with_the_real_one():
    names = {"netsunion": {"name": "NetsUnion Clearing Corporation", "name_en": "NetsUnion Clearing Corporation"},
             "pboc": {"name": "People's Bank of China", "name_en": "People's Bank of China"}}  # fmt: skip
    assert is_garble("Internet alliance", "netsunion", "en-mt", names)
    assert is_garble("Net Union Clearing Co., Ltd.", "netsunion", "en-mt", names)
    assert not is_garble("NetsUnion", "netsunion", "en", names)
    assert not is_garble("central bank", "pboc", "en", names)
    assert not is_garble("PBOC", "pboc", "en", names)
    assert not is_garble("网联", "netsunion", "zh", names)


def test_numbers_and_dates_as_answers_state_them():
    assert 5.775e9 in numbers_in("NetsUnion processed 5.775 billion transactions")
    assert 5.775e9 in numbers_in("处理业务57.75亿笔")
    assert 1398.562 in numbers_in("1,398.562 billion yuan") or 1.398562e12 in numbers_in("1,398.562 billion yuan")
    assert date_outcome("2018-04", "2018-04-27") == "coarse"
    assert date_outcome("2018-04-27", "2018-04-27") == "right"
    assert date_outcome("2017-04-27", "2018-04-27") == "wrong"
    assert date_outcome(None, "2018-04-27") == "undated"


def test_kb_eval_command_text_json_and_errors(tmp_path):
    root = write_corpus(tmp_path / "gold", gold(published="2018-05-02"))
    ids = tmp_path / "ids.txt"
    ids.write_text("# one article\nt1\n", encoding="utf-8")
    runner = CliRunner()
    text = runner.invoke(cli, ["eval", str(root), "--ids", str(ids), "--errors", "3"], catch_exceptions=False)
    assert text.exit_code == 0
    assert "publication date right" in text.output and "== publication date" in text.output
    data = json.loads(runner.invoke(cli, ["eval", str(root), "--json"], catch_exceptions=False).output)
    assert data["articles"] == ["t1"] and data["figures"]["all"]["pubdate_wrong"] == 1.0
    ids.write_text("t1\nt9\n", encoding="utf-8")
    missing = runner.invoke(cli, ["eval", str(root), "--ids", str(ids)])
    assert missing.exit_code == 1 and "no gold for t9" in missing.output
    (tmp_path / "plain").mkdir()
    not_gold = runner.invoke(cli, ["eval", str(tmp_path / "plain")])
    assert not_gold.exit_code == 1 and "not a gold corpus" in not_gold.output


def test_the_dev_split_covers_the_corpus_once(shared):
    split = Path(__file__).parent / "dev_split"
    check, tuning = read_ids(split / "check.txt"), read_ids(split / "tuning.txt")
    assert not set(check) & set(tuning)
    assert sorted(check + tuning) == sorted(p.stem for p in (shared / "corpus/dev/gold").glob("*.json"))
    assert len(check) >= 12 and {i[:2] for i in check} == {"dA", "dB", "dC", "dD", "dE"}


@pytest.fixture(scope="module")
def check_figures(shared):
    split = Path(__file__).parent / "dev_split"
    return evaluate(shared / "corpus/dev", read_ids(split / "check.txt")).figures()


# Floors on the check part, a little under what it measures (tests/dev_split/check.txt; see the
# README's Measured table). They move up as extraction improves; never tune on the check texts.
CHECK_FLOORS = {  # measured at the end of the session that built kb eval, and before it (in brackets)
    "pubdate_right": 0.82,  # 0.87; 0.80 before field rows and bare labels dated pages (session 30)
    "pubdate_right_or_coarse": 0.82,  # 0.87 (0.80)
    "entities_right": 0.87,  # 0.89; 0.88 before 'Fiscal', 'Networking' and the platform's full names (session 30), 0.87 before bracketed Chinese and quoted titles (session 28), 0.86 before the groups' English words (session 27), 0.84 before Latin-letter names in Chinese text (0.61)
    "garbles_right": 0.80,  # 0.84; 0.76 before 'Fiscal', 'Networking' and the platform's full names (session 30), 0.74 before the groups' English words (session 27) (0.34)
    "timeline_recall": 0.74,  # 0.768 after session 53's starts (由…起), approvals in a reporter's words and raisings' steps; 0.748 after session 52's agreements to found read as foundings; 0.742 after session 50's English probes (切 as "cut", sayings without a subject); 0.710 after session 47's Chinese rules (自…起实施, a short name defined after a document's number, a document as the subject of a dated requirement), 0.665 before; 0.619 at the session that built kb eval; 0.594 before session 35's probes (year ends, routing in translations, the deposit ratio's raise, copulas naming who acted, speech days), 0.587 before session 34's Traditional sentences read as Simplified, 0.555 before session 32's statements of institutions and anonymous sources, deadlines and orders in other words and Chinese approvals, 0.535 before session 31's figures dated each by its own date and "at present", 0.52 before routing through a clearing house and quoted titles (session 28), 0.50 before the English anaphors, launch words and 下发通知 of session 26, 0.49 and 0.47 before the verb before a Chinese document number stopped being part of it, 0.41 before an issue needed only an actor or a document (0.23)
    "timeline_precision": 0.70,  # 0.736 (session 53); 0.728 (session 52); 0.714 after session 50; 0.675; 0.658 before session 35's probes, 0.63 before session 32's undated acts of whole groups left off the timeline, Chinese targets and denials and "no longer", 0.62 before session 31's dated figures, 0.61 before dated field rows (session 30), 0.58 before session 28's routing, statements and quoted titles, 0.56 before quoted titles and "centralized deposit" stopped being events (session 26), 0.55 and 0.54 before "the same day" found its day past a month read since, 0.52 before generic trigger words were dropped (0.47)
    "questions_right": 0.66,  # 0.709; 0.698 before session 35's Chinese coordinations and completions, 0.66 before session 33's sums of money ("how much", "the balance"), 0.59 before session 29's places, Traditional sentences and batch lists, 0.56 before session 27's Nos from the act done by another, 0.42 before the sixth session's question work (0.28)
    "questions_yesno_right": 0.63,  # 0.68; 0.59 before the asked party's place and Traditional sentences (session 29), 0.50 before session 27's Nos from the act done by another (its words, its day); 0.32 before another party named in the asked one's place became a No (0.14, with 11 false Yes)
    "unanswerable_refused": 0.80,  # 0.87 (0.87)
    "questions_date_right": 0.62,  # 0.70; 0.67 before session 35, 0.64 before dated field rows (session 30), 0.61 before Traditional sentences were read (session 29), 0.58 before notice 42 was NetsUnion's (session 27), 0.48 before irregular verb forms and issues by an actor alone
    "questions_count_right": 0.64,  # 0.714; 0.50 before session 33's sums of money, each dated within the asked time (0.57 before session 31's present figures: one answer now from such a figure); 0.36 before the counted thing of 多少家 was read by jieba's words
    "questions_entities_right": 0.70,  # 0.76; 0.59 before session 29's lists read off the sentence telling the batch, who-questions read off a sentence and plain words no longer taken for names; 0.47 before issues by an actor alone
}
CHECK_CEILINGS = {
    "false_yes": 0,  # 0 (11): a Yes needs a stored fact with the asked parties in their roles
    "pubdate_wrong": 0.0,  # 0 (0.20): undated rather than a wrong year
    "timeline_wrong_date": 0.18,  # 0.168; 0.183 before session 35's probes, 0.211 before session 34's days named after a coarser date, 0.217 before session 32, 0.23 before session 31's dated figures, 0.26 before session 28, 0.28 at the start of session 26, 0.29 before "the same day" found its day (0.23 before figures became entries)
    "known_merged": 0,  # 0 (1): two known entities are never merged
}


@pytest.mark.parametrize("figure", sorted(CHECK_FLOORS))
def test_check_part_floor(check_figures, figure):
    assert check_figures["all"][figure] >= CHECK_FLOORS[figure], check_figures["all"]


@pytest.mark.parametrize("figure", sorted(CHECK_CEILINGS))
def test_check_part_ceiling(check_figures, figure):
    assert check_figures["all"][figure] <= CHECK_CEILINGS[figure], check_figures["all"]


def test_traditional_pages_score_as_their_simplified_twins(shared, tmp_path):
    """The tuning part's Chinese articles converted to Traditional characters (gold and all) are
    read as they are in Simplified: every word list is written in Simplified, and a list read on
    the page as written shows here (tests/gold/score_traditional.py prints the figures)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_traditional", Path(__file__).parent / "gold" / "score_traditional.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    dev = shared / "corpus/dev"
    simplified = [i for i in read_ids(Path(__file__).parent / "dev_split" / "tuning.txt")
                  if json.loads((dev / "gold" / f"{i}.json").read_text(encoding="utf-8"))["lang"] == "zh"]
    script.traditional_copy(simplified, tmp_path / "traditional", dev)
    as_written = evaluate(dev, simplified, db_path=tmp_path / "simplified.sqlite").figures()["all"]
    as_traditional = evaluate(tmp_path / "traditional", simplified, db_path=tmp_path / "traditional.sqlite").figures()["all"]
    assert len(simplified) >= 6
    assert {k: as_traditional[k] for k in script.FIGURES} == {k: as_written[k] for k in script.FIGURES}


def test_dates_agree_leniently_between_a_month_and_its_days():
    from pipeline.evaluate.score import dates_agree

    assert dates_agree("2018-03", "2018-03-31") and dates_agree("2018-03-31", "2018-03")
    assert not dates_agree("2018-04", "2018-03-31")
    assert not dates_agree("2018", "2018-03-31") and not dates_agree("2018-Q1", "2018-03")
    # a period is the month the gold writes for it, its first: the first quarter is 2018-01
    assert dates_agree("2018-Q1", "2018-01") and dates_agree("2018-H2", "2018-07") and not dates_agree("2018-Q1", "2018-01-15")
