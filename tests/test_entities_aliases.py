"""Every name of the curated table is found in a sentence, and resolves to its own entity: an
alias that nothing can match (a list glued into one string, a typo) fails here."""

from __future__ import annotations

import pytest

from pipeline.extract.entities import extract_entities, load_entity_table
from pipeline.extract.entities.table import has_cjk
from pipeline.extract.chinese_script import simplified_view
from pipeline.extract.nlp import get_nlp
from pipeline.ingest import segment

TABLE = load_entity_table()
NAMES = [(entity.id, name) for entity in TABLE for name in entity.all_names()]


@pytest.fixture(scope="module")
def pipelines():
    return {"en": get_nlp("en"), "zh": get_nlp("zh")}


@pytest.mark.parametrize("entity_id, name", NAMES, ids=[f"{e}:{n}" for e, n in NAMES])
def test_entities_every_alias_in_the_table_is_matched(pipelines, entity_id, name):
    lang = "zh" if has_cjk(name) else "en"
    text = f"他们昨天提到{name}。" if lang == "zh" else f"On Monday they wrote about {name} again."
    sentences = segment.split(text, lang)[1]
    docs = list(pipelines[lang].pipe([simplified_view(s.text) if lang == "zh" else s.text for s in sentences]))
    result = extract_entities(docs, sentences, lang)
    found = {(m.text, m.entity_id) for m in result.mentions}
    assert any(entity_id == eid and name.strip("《》") in text_ for text_, eid in found), found
