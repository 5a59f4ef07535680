"""kb entities / kb entity and the analysts' judgement log, through the command line."""

import json

from click.testing import CliRunner

from pipeline.cli import cli
from tests.conftest import FOUNDING


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)


def test_cli_entities_json_contract(db_path):
    run("ingest", FOUNDING, "--db", db_path)
    rows = json.loads(run("entities", "--db", db_path, "--type", "clearing_house", "--json").output)
    netsunion = next(r for r in rows if r["id"] == "netsunion")
    assert set(netsunion) >= {"id", "name", "type", "names", "aliases_seen", "mentions", "articles"}
    assert netsunion["names"] == {"en": "NetsUnion Clearing Corporation", "zh": "网联清算有限公司"}
    # Every garble of the founding article is one entity, never UnionPay.
    assert {"Internet Federation", "Internet Union", "network and union platform"} <= set(netsunion["aliases_seen"])
    assert all(r["type"] == "clearing_house" for r in rows)


def test_cli_entity_profile_by_any_name(db_path):
    run("ingest", FOUNDING, "--db", db_path)
    for name in ("Tenpay", "财付通", "Cai Fu Tong", "Tenpya"):
        profile = json.loads(run("entity", name, "--db", db_path, "--json").output)
        assert profile["id"] == "tenpay"
    xue = json.loads(run("entity", "Xue", "--db", db_path, "--json").output)
    assert xue["roles"][0]["role"] == "director"
    assert {"article_id", "sentence", "text_as_written"} <= set(xue["evidence"][0])
    assert run("entity", "China Merchants Bnk of Mars", "--db", db_path).exit_code == 1


def test_cli_judgements_survive_reingest(db_path, write):
    run("ingest", FOUNDING, "--db", db_path)
    assert "split 'Internet Union' off netsunion" in run("entities", "split", "netsunion", "Internet Union", "--as", "Hulian Group", "--db", db_path).output
    assert "merged" in run("entities", "merge", "Tenpay", "WeChat Pay", "--db", db_path).output
    run("ingest", FOUNDING, write("later.txt", "title: later\n\nTenpay and the Internet Union signed a deal in May 2018."), "--db", db_path)
    split_off = json.loads(run("entity", "org:hulian_group", "--db", db_path, "--json").output)
    assert split_off["id"] == "org:hulian_group" and split_off["mentions"] >= 1
    netsunion = json.loads(run("entity", "NetsUnion", "--db", db_path, "--json").output)
    assert "Internet Union" not in netsunion["aliases_seen"]
    tenpay = json.loads(run("entity", "Tenpay", "--db", db_path, "--json").output)
    assert "Wechat payment" in tenpay["aliases_seen"]


def test_cli_entities_split_checks_the_spelling_and_names_the_entity_after_as(db_path):
    run("ingest", FOUNDING, "--db", db_path)
    assert run("entities", "split", "netsunion", "", "--db", db_path).exit_code == 2
    wrong = run("entities", "split", "netsunion", "Alipay", "--db", db_path)
    assert wrong.exit_code == 1 and "netsunion is never written 'Alipay'; its spellings: " in wrong.output
    done = run("entities", "split", "netsunion", "Internet Union", "--as", "Internet Union Co", "--db", db_path)
    assert done.output.startswith("split 'Internet Union' off netsunion as org:internet_union_co (Internet Union Co, judgement 1)")
    split_off = json.loads(run("entity", "Internet Union Co", "--db", db_path, "--json").output)
    assert (split_off["id"], split_off["name"]) == ("org:internet_union_co", "Internet Union Co")


def test_cli_entities_judgements_listed_once_and_undone(db_path):
    run("ingest", FOUNDING, "--db", db_path)
    assert run("entities", "judgements", "--db", db_path).output == "No judgements yet. Record one with: kb entities merge KEEP FOLD\n"
    assert "merged wechat_pay into tenpay (judgement 1)" in run("entities", "merge", "Tenpay", "WeChat Pay", "--db", db_path).output
    again = run("entities", "merge", "Tenpay", "WeChat Pay", "--db", db_path)
    assert again.exit_code == 1 and "already recorded, as judgement 1" in again.output
    [row] = json.loads(run("entities", "judgements", "--db", db_path, "--json").output)
    assert (row["id"], row["action"], row["entity_id"], row["other"], row["problem"]) == (1, "merge", "tenpay", "wechat_pay", None)
    assert "Wechat payment" in json.loads(run("entity", "Tenpay", "--db", db_path, "--json").output)["aliases_seen"]
    undone = run("entities", "undo", "1", "--db", db_path)
    assert undone.output == "undid judgement 1 (merge tenpay wechat_pay); 1 article(s) updated\n"
    assert "Wechat payment" not in json.loads(run("entity", "Tenpay", "--db", db_path, "--json").output)["aliases_seen"]
    # The log keeps both: the judgement, and that it was taken back.
    [row] = json.loads(run("entities", "judgements", "--db", db_path, "--json").output)
    assert (row["id"], row["action"], row["other"]) == (1, "merge", "wechat_pay") and row["undone_at"]
    assert f"merge  wechat_pay into tenpay  [undone {row['undone_at']}]" in run("entities", "judgements", "--db", db_path).output
    twice = run("entities", "undo", "1", "--db", db_path)
    assert twice.exit_code == 1 and "judgement 1 was taken back already" in twice.output
    missing = run("entities", "undo", "2", "--db", db_path)
    assert missing.exit_code == 1 and "no judgement 2" in missing.output
    # The same merge can be made again after it was undone; it is a new row of the log.
    assert "merged wechat_pay into tenpay (judgement 2)" in run("entities", "merge", "Tenpay", "WeChat Pay", "--db", db_path).output
    assert "Wechat payment" in json.loads(run("entity", "Tenpay", "--db", db_path, "--json").output)["aliases_seen"]


def test_cli_entities_split_undone_drops_the_entity_and_keeps_the_row(db_path):
    run("ingest", FOUNDING, "--db", db_path)
    done = run("entities", "split", "netsunion", "Internet Union", "--as", "Internet Union (garble)", "--db", db_path)
    assert "as org:internet_union_garble (Internet Union (garble), judgement 1)" in done.output
    assert json.loads(run("entity", "Internet Union (garble)", "--db", db_path, "--json").output)["id"] == "org:internet_union_garble"
    run("entities", "undo", "1", "--db", db_path)
    assert run("entity", "org:internet_union_garble", "--db", db_path, "--json").exit_code == 1
    assert "Internet Union" in json.loads(run("entity", "NetsUnion", "--db", db_path, "--json").output)["aliases_seen"]
    [row] = json.loads(run("entities", "judgements", "--db", db_path, "--json").output)
    assert (row["action"], row["alias"], row["undone_at"] is not None) == ("split", "Internet Union", True)


def test_judgements_checked_on_write(db_path):
    from pipeline.errors import JudgementRejected
    from pipeline.store import Store

    run("ingest", FOUNDING, "--db", db_path)
    with Store(db_path) as store:
        for args, reason in [
            (("assign", "tenpay", "alipay"), "action 'assign' is not one of merge, split"),
            (("merge", "tenpay", ""), "merge without a source entity"),
            (("merge", "no_such_entity", "tenpay"), "merge into no_such_entity, which the store does not have"),
            (("split", "tenpay", "org:x", None), "split without the spelling to move"),
        ]:
            try:
                store.add_judgement(*args)
            except JudgementRejected as e:
                assert str(e) == reason
            else:
                raise AssertionError(f"{args} was recorded")
        assert store.judgement_log() == []


def test_ingest_skips_and_reports_malformed_judgement_rows(db_path, write):
    import sqlite3

    run("ingest", FOUNDING, "--db", db_path)
    with sqlite3.connect(db_path) as conn:  # rows written by hand, or by an older version
        conn.executemany(
            "INSERT INTO judgement (action, entity_id, other, alias, created_at) VALUES (?, ?, ?, ?, '2026-01-01')",
            [("rename", "tenpay", "alipay", None), ("split", "netsunion", "org:x", None),
             ("merge", "tenpay", "", None), ("merge", "no_such_entity", "tenpay", None),
             ("merge", "tenpay", "wechat_pay", None)],  # fmt: skip
        )
    later = write("later.txt", "title: later\n\nTenpay and WeChat Pay connected to NetsUnion in May 2018.")
    result = run("ingest", later, "--db", db_path, "--json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["ingested"] == 1
    assert report["skipped_judgements"] == [
        {"id": 1, "problem": "action 'rename' is not one of merge, split"},
        {"id": 2, "problem": "split without the spelling to move"},
        {"id": 3, "problem": "merge without a source entity"},
        {"id": 4, "problem": "merge into no_such_entity, which the store does not have"},
    ]
    assert "warning: judgement 4 skipped: merge into no_such_entity" in result.stderr
    listed = run("entities", "judgements", "--db", db_path).output
    assert "[skipped: action 'rename' is not one of merge, split]" in listed
    # The good row is still applied to the new article.
    tenpay = json.loads(run("entity", "Tenpay", "--db", db_path, "--json").output)
    assert "WeChat Pay" in tenpay["aliases_seen"]


def test_cli_entity_never_shows_another_entitys_name_as_seen(db_path):
    import sqlite3

    run("ingest", FOUNDING, "--db", db_path)
    # The garbled "UnionPay and UnionPay" of the founding article, read as NetsUnion by the
    # context: the mention counts for NetsUnion, but UnionPay's name is not NetsUnion's alias.
    with sqlite3.connect(db_path) as conn:
        moved = conn.execute("UPDATE mention SET entity_id = 'netsunion' WHERE id = (SELECT MIN(id) FROM mention WHERE text = 'UnionPay')")
        assert moved.rowcount == 1
    netsunion = json.loads(run("entity", "NetsUnion", "--db", db_path, "--json").output)
    assert "UnionPay" not in netsunion["aliases_seen"] and "Internet Union" in netsunion["aliases_seen"]
    listed = json.loads(run("entities", "--type", "clearing_house", "--db", db_path, "--json").output)
    assert "UnionPay" not in next(r for r in listed if r["id"] == "netsunion")["aliases_seen"]
    assert "UnionPay" in next(r for r in listed if r["id"] == "unionpay")["aliases_seen"]
