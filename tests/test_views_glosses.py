"""English names beside Chinese evidence (views.glosses), read from the stored mentions."""

from pipeline.ingest import ingest
from pipeline.store import Store
from pipeline.views.glosses import english_names, is_chinese


def test_english_names_only_for_chinese_text_once_each():
    mentions = [
        {"text": "网联", "entity_id": "netsunion", "name": "NetsUnion Clearing Corporation", "name_en": "NetsUnion Clearing Corporation"},
        {"text": "网联平台", "entity_id": "netsunion", "name": "NetsUnion Clearing Corporation", "name_en": None},
        {"text": "赵鹞", "entity_id": "person:zhao_yao", "name": "赵鹞", "name_en": None, "type": "person"},  # written in pinyin
        {"text": "支付宝", "entity_id": "alipay", "name": "Alipay", "name_en": None},  # its name is English
    ]
    assert english_names("网联与支付宝合作，赵鹞说。", mentions) == [
        {"written": "网联", "english": "NetsUnion Clearing Corporation", "entity_id": "netsunion"},
        {"written": "赵鹞", "english": "Zhao Yao", "entity_id": "person:zhao_yao"},
        {"written": "支付宝", "english": "Alipay", "entity_id": "alipay"},
    ]
    assert english_names("NetsUnion and Alipay", mentions) == []  # English needs no gloss
    assert is_chinese("断直连") and not is_chinese("Tenpay") and not is_chinese(None)


def test_english_names_come_from_the_stored_entity_facts(tmp_path):
    article = tmp_path / "zh.txt"
    article.write_text("title: 网联\nlang: zh\n\n2018年6月30日，支付宝和财付通的网络支付业务全部接入网联平台。\n", encoding="utf-8")
    path = tmp_path / "kb.sqlite"
    with Store(path) as store:
        ingest([article], store)
        [row] = store.articles()
        [sentence] = [s for s in store.sentences(row["id"]) if "网联" in s["text"]]
        key = (row["id"], sentence["idx"])

        def names():
            return {n["entity_id"]: n["english"] for n in english_names(sentence["text"], store.sentence_mentions([key])[key])}

        assert names()["netsunion"] == "NetsUnion Clearing Corporation" and names()["tenpay"] == "Tenpay"
        # An edited fact changes what is shown: the name is read from the store, not made up.
        store.conn.execute("UPDATE entity SET name_en = 'NUCC (edited)' WHERE id = 'netsunion'")
        assert names()["netsunion"] == "NUCC (edited)"
