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
