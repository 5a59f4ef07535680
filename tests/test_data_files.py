"""The data files analysts edit are YAML, where a bare `on`, `no` or `yes` reads as a boolean:
a stop word "on" or a negation "no" would silently vanish from a word list."""

from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "pipeline" / "data"


def _list_items(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _list_items(value, f"{path}/{key}")
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, (dict, list)):
                yield from _list_items(item, path)
            else:
                yield path, item


@pytest.mark.parametrize("data_file", sorted(DATA.rglob("*.yaml")), ids=lambda p: p.name)
def test_word_lists_hold_no_accidental_booleans(data_file):
    booleans = [path for path, item in _list_items(yaml.safe_load(data_file.read_text(encoding="utf-8"))) if isinstance(item, bool)]
    assert not booleans, f"{data_file.name}: quote the words read as booleans in {booleans}"
