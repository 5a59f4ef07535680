"""Resolution without a model: the table, find_entity's lookups and traps, the judgement log;
and the measured gate on the gold file (which runs both pipelines)."""

from __future__ import annotations

import json

import pytest

from entities_helpers import load_article, shared_dir
from pipeline.extract.entities import (
    EntityTableError,
    JudgementError,
    apply_judgements,
    discovered_id,
    extract_entities,
    find_entity,
    load_entity_table,
)

# Pinned floors for tests/gold/entities_gold.jsonl. Raise them when the scores improve; lowering
# one is a decision to write down in the commit message.
RESOLUTION_F1_FLOOR = {"en": 0.91, "zh": 0.97}
RECOGNITION_F1_FLOOR = {"en": 0.93, "zh": 0.97}


@pytest.fixture(scope="module")
def table():
    return load_entity_table()


def test_entities_table_has_the_cast_and_parents(table):
    for entity_id in ("pboc", "netsunion", "unionpay", "alipay", "tenpay", "wechat_pay", "tencent",
                      "ant_financial", "pboc_payment_dept", "pcac", "doc_209", "doc_296_barcode_rules"):
        assert entity_id in table
    assert table.get("alipay").parent == "ant_financial"
    assert table.ancestors("wechat_pay") == ["tenpay", "tencent"]
    assert table.get("pboc_payment_dept").parent == "pboc"
    assert table.get("netsunion").names == {"en": "NetsUnion Clearing Corporation", "zh": "网联清算有限公司"}


def test_entities_a_unit_named_after_its_parent_takes_the_parents_other_names(tmp_path):
    path = tmp_path / "entities.yaml"
    path.write_text("entities:\n"
                    "  - {id: bank, type: regulator, names: {en: People's Bank of China}, aliases: {en: [central bank, PBOC]}}\n"
                    "  - {id: office, type: regulator, parent: bank, names: {en: General Office of the PBOC},\n"
                    "     aliases: {en: [People's Bank of China office hall]}}\n", encoding="utf-8")
    office = load_entity_table(path).get("office")
    assert {"central bank office hall", "PBOC office hall"} <= set(office.aliases["en"])
    # ... and with the bank as its owner
    assert {"central bank's office hall", "PBOC's office hall", "People's Bank of China's office hall"} <= set(office.aliases["en"])
    # after "of", the bank is a mention of its own: no "General Office of the central bank"
    assert not any(name.startswith("General Office of the") and name != "General Office of the PBOC" for name in office.all_names())


def test_entities_table_rejects_unknown_parent(tmp_path):
    path = tmp_path / "entities.yaml"
    path.write_text("entities:\n  - {id: a, type: bank, names: {en: A Bank}, parent: nowhere}\n")
    with pytest.raises(EntityTableError, match="parent 'nowhere'"):
        load_entity_table(path)


def test_entities_table_rejects_unknown_type(tmp_path):
    path = tmp_path / "entities.yaml"
    path.write_text("entities:\n  - {id: a, type: bakery, names: {en: A}}\n")
    with pytest.raises(EntityTableError, match="type 'bakery'"):
        load_entity_table(path)


@pytest.mark.parametrize("name, entity_id", [
    ("NetsUnion", "netsunion"), ("网联", "netsunion"), ("网联清算有限公司", "netsunion"),
    ("Internet Federation", "netsunion"), ("nets union", "netsunion"), ("NETSUNION", "netsunion"),
    ("Nets-Union Clearing Corp", "netsunion"), ("Nets Unoin", "netsunion"),
    ("Peoples' Bank of China", "pboc"), ("Peoples Bank of Chinas", "pboc"), ("人行", "pboc"),
    ("央行", "pboc"), ("central bank", "pboc"), ("Cai Fu Tongs", "tenpay"), ("财付通", "tenpay"),
    ("Alipey", "alipay"), ("支付宝", "alipay"), ("China Union Pay", "unionpay"), ("银联", "unionpay"),
    ("Union Pay", "unionpay"), ("Construction Bank", "ccb"), ("Document 209", "doc_209"),
    ("银支付〔2017〕209号", "doc_209"), ("Payment and Clearing Association", "pcac"),
    ("wechat_pay", "wechat_pay"),
    # An outlet cited in either language is the same outlet.
    ("Caixin", "caixin"), ("财新", "caixin"), ("Securities Times", "securities_times"), ("证券时报", "securities_times"),
    ("路透社", "reuters"),
])
def test_entities_find_entity_any_alias_either_language_or_near_spelling(table, name, entity_id):
    found = find_entity(name, table)
    assert found is not None and found[0] == entity_id
    assert 0.8 <= found[1] <= 1.0


@pytest.mark.parametrize("name", [
    "Agricultural Development Bank of China", "China Minsheng Bank", "Bank of Communications",
    "China Everbright Bank", "Industrial Bank", "UnionPay Intl", "Union", "Bank", "Chinese Bank",
    "Economic Times", "Financial Times", "网银", "银行", "中国银", "Xue",
])
def test_entities_find_entity_must_not_resolve(table, name):
    # "Bank" / 银行 alone may name the banks as a group (the collective entity), never one bank.
    found = find_entity(name, table)
    assert found is None or table.get(found[0]).collective, found


@pytest.mark.parametrize("name, not_this", [
    ("NetsUnion", "unionpay"), ("UnionPay", "netsunion"), ("网联", "unionpay"), ("银联", "netsunion"),
    ("Bank of China", "pboc"), ("People's Bank of China", "bank_of_china"),
    ("Agricultural Bank of China", "bank_of_china"), ("China Merchants Bank", "bank_of_china"),
    ("UnionPay International", "unionpay"),
])
def test_entities_distinct_institutions_never_merge(table, name, not_this):
    found = find_entity(name, table)
    assert found is not None and found[0] != not_this


def test_entities_find_entity_uses_extra_names(table):
    extra = {"Xue Hongyan": "person:xue_hongyan", "薛洪言": "person:xue_hongyan"}
    assert find_entity("Xue Hong Yan", table, extra)[0] == "person:xue_hongyan"
    assert find_entity("薛洪言", table, extra) == ("person:xue_hongyan", 1.0)
    assert find_entity("person:xue_hongyan", table, extra) == ("person:xue_hongyan", 1.0)
    assert find_entity("Xue Hongyan", table) is None


def test_entities_discovered_ids_are_stable():
    assert discovered_id("person", "Xue Hongyan") == "person:xue_hongyan"
    assert discovered_id("person", "薛洪言") == "person:薛洪言"
    assert discovered_id("bank", "Bank of Beijing") == "org:bank_of_beijing"
    assert discovered_id("document", "银办发〔2018〕99号") == "doc:银办发_2018_99号"


# --- judgement log -------------------------------------------------------------------------
FOUNDING = "en/alipay-unionpay-netsunion-clearing-2018-09.txt"

needs_shared = pytest.mark.skipif(not (shared_dir() / "corpus").is_dir(),
                                  reason="../shared corpus not found (set KB_SHARED)")


def _extract(relative: str):
    from pipeline.extract.nlp import get_nlp

    text, sentences, lang = load_article(relative)
    docs = list(get_nlp(lang).pipe([s.text for s in sentences]))
    return text, sentences, extract_entities(docs, sentences, lang)


@needs_shared
def test_entities_judgement_log_survives_reingest():
    log = [
        {"action": "assign", "text": "Economic Times", "target": "21st_century_business_herald"},
        {"action": "merge", "source": "person:xie_shui_wang", "target": "person:xie_shuiwang"},
        {"action": "split", "source": "pboc", "target": "pboc_payment_dept", "text": "Central Bank",
         "article": FOUNDING, "occurrence": 0},
        {"action": "reject", "text": "Hong Kong", "article": FOUNDING},
    ]
    snapshots = []
    for _ in range(2):  # ingest, then re-ingest from scratch: the log is re-applied each time
        text, sentences, result = _extract(FOUNDING)
        judged = apply_judgements(result.mentions, log, article=FOUNDING, sentences=sentences)
        snapshots.append([(m.start, m.end, m.entity_id, m.resolved_by) for m in judged])
        ids = {m.text: set() for m in judged}
        for m in judged:
            ids[m.text].add(m.entity_id)
        assert "Hong Kong" not in ids
        assert ids["Xie Shui Wang"] == {"person:xie_shuiwang"}
        central = [m for m in judged if m.text == "Central Bank"]
        assert central[0].entity_id == "pboc_payment_dept" and central[0].resolved_by == "analyst"
        assert {m.entity_id for m in central[1:]} == {"pboc"}
    assert snapshots[0] == snapshots[1]


def test_entities_judgement_other_article_untouched():
    from pipeline.facts import Mention

    mentions = [Mention(0, 6, "Alipay", "payment_institution", "alipay", "alias", 1.0)]
    log = [{"action": "reject", "text": "Alipay", "article": "somewhere-else"}]
    assert apply_judgements(mentions, log, article="here") == mentions


@pytest.mark.parametrize("judgement", [
    {"action": "merge", "source": "a"}, {"action": "explode"},
    {"action": "split", "source": "a", "target": "b"},
])
def test_entities_judgement_malformed_is_refused(judgement):
    with pytest.raises(JudgementError):
        apply_judgements([], [judgement])


# --- the measured gate --------------------------------------------------------------------
def _ingest_available() -> bool:
    try:
        from pipeline.ingest import prepare, read_articles  # noqa: F401
    except ImportError:
        return False
    return True


@needs_shared
@pytest.mark.parametrize("use_ingest", [False, True], ids=["stand-in reader", "pipeline.ingest"])
def test_entities_gold_f1_floors(use_ingest, monkeypatch):
    import score_entities
    from score_entities import GOLD, score

    if use_ingest and not _ingest_available():
        pytest.skip("pipeline.ingest is not importable")
    monkeypatch.setattr(score_entities, "USE_INGEST", use_ingest)
    assert all(json.loads(line)["file"] for line in GOLD.read_text(encoding="utf-8").splitlines())
    results = score()
    for lang, tallies in results.items():
        assert tallies["resolution"].score()[2] >= RESOLUTION_F1_FLOOR[lang], (lang, tallies["resolution"].lines())
        assert tallies["recognition"].score()[2] >= RECOGNITION_F1_FLOOR[lang], (lang, tallies["recognition"].lines())


def test_entities_judgement_store_rows_are_accepted():
    from pipeline.facts import Mention

    mentions = [Mention(0, 8, "UnionPay", "clearing_house", "unionpay", "alias", 1.0),
                Mention(13, 21, "UnionPay", "clearing_house", "unionpay", "alias", 1.0),
                Mention(30, 42, "Xie Shuiwang", "person", "person:xie_shuiwang", "new", None)]
    rows = [{"action": "split", "entity_id": "unionpay", "other": "netsunion", "alias": "UnionPay"},
            {"action": "merge", "entity_id": "person:xie_shui_wang", "other": "person:xie_shuiwang",
             "alias": None}]
    judged = apply_judgements(mentions, rows)
    assert [m.entity_id for m in judged] == ["netsunion", "netsunion", "person:xie_shui_wang"]


# Our own passages (tests/gold/heldout_entities.jsonl). Each batch was scored blind once before
# any change it prompted (batch 1: en 0.900, zh 1.000 resolution F1; batch 2: en 0.667, zh 0.889);
# since then they guard against regressions like the gold file.
HELDOUT_RESOLUTION_F1_FLOOR = {"en": 0.95, "zh": 0.95}


def test_entities_heldout_f1_floors():
    from score_entities import score

    for lang, tallies in score(heldout=True).items():
        assert tallies["resolution"].score()[2] >= HELDOUT_RESOLUTION_F1_FLOOR[lang], (lang, tallies["resolution"].lines())
