"""Analyst decisions re-applied to freshly extracted mentions, so a re-ingest never undoes them.

The store keeps the log (an ordered list of plain dicts); after every extraction the ingest
calls apply_judgements on the article's mentions. Judgements name entities and mention texts,
never offsets, so they still hold when an article is re-cleaned or re-split.

    {"action": "merge", "source": "person:xue_hong_yan", "target": "person:xue_hongyan"}
        every mention of source becomes a mention of target (source disappears).
    {"action": "split", "source": "unionpay", "target": "netsunion",
     "text": "UnionPay", "article": "<article key>", "context": "UnionPay and UnionPay",
     "occurrence": 1}
        mentions of source that match every selector given (text as written, article key, a
        substring of their sentence, the n-th such mention in the article, from 0) move to
        target. Without selectors a split moves nothing (it would be a merge).
    {"action": "assign", "text": "Economic Times", "target": "21st_century_business_herald"}
        mentions written exactly so (optionally in one article) resolve to target.
    {"action": "reject", "text": "Hong Kong", "article": "<article key>"}
        mentions written so are not entity mentions (dropped).
Later judgements win over earlier ones: they are applied in log order.

Rows of the store's judgement table (action, entity_id, other, alias) are accepted as they are:
merge = other -> entity_id; split = mentions of entity_id written as alias -> other.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.facts import Mention, Sentence

ACTIONS = ("merge", "split", "assign", "reject")


class JudgementError(ValueError):
    """A judgement record is malformed; the message says which field is missing."""


def from_row(judgement: dict) -> dict:
    """A store row (action, entity_id, other, alias) in this module's terms; other dicts as is."""
    if "entity_id" not in judgement or "other" not in judgement:
        return judgement
    if judgement.get("action") == "merge":
        return {"action": "merge", "source": judgement["other"], "target": judgement["entity_id"]}
    if judgement.get("action") == "split":
        return {"action": "split", "source": judgement["entity_id"], "target": judgement["other"],
                "text": judgement.get("alias"), "article": judgement.get("article")}
    return judgement


def validate_judgement(judgement: dict) -> None:
    judgement = from_row(judgement)
    action = judgement.get("action")
    if action not in ACTIONS:
        raise JudgementError(f"judgement action {action!r} is not one of {', '.join(ACTIONS)}")
    needs = {"merge": ("source", "target"), "split": ("source", "target"), "assign": ("text", "target"),
             "reject": ("text",)}[action]
    missing = [k for k in needs if not judgement.get(k)]
    if missing:
        raise JudgementError(f"{action} judgement needs {', '.join(missing)}: {judgement!r}")
    if action == "split" and not any(judgement.get(k) is not None
                                     for k in ("text", "article", "context", "occurrence")):
        raise JudgementError("a split needs at least one of text, article, context, occurrence; "
                             "to move every mention use a merge")


STORED_ACTIONS = ("merge", "split")


def row_problem(row: dict, known: set[str], *, strict: bool = False) -> str | None:
    """Why a row of the store's judgement log cannot be applied, or None.

    known: the entity ids of the store. A merge into an entity the store does not have, a
    split of one, an empty target or spelling are refused. strict (when a row is written):
    the entity merged away must exist too; read back, it may have left the curated table and
    the merge is harmless.
    """
    action = row.get("action")
    if action not in STORED_ACTIONS:
        return f"action {action!r} is not one of {', '.join(STORED_ACTIONS)}"
    for field in ("entity_id", "other"):
        if not isinstance(row.get(field), str) or not row[field].strip():
            return f"{action} without {'a target' if (field == 'entity_id') == (action == 'merge') else 'a source'} entity"
    if row["entity_id"] == row["other"]:
        return f"{action} of {row['entity_id']} into itself"
    if row["entity_id"] not in known:
        return f"{action} {'into' if action == 'merge' else 'of'} {row['entity_id']}, which the store does not have"
    if action == "merge" and strict and row["other"] not in known:
        return f"merge of {row['other']}, which the store does not have"
    if action == "split" and (not isinstance(row.get("alias"), str) or not row["alias"].strip()):
        return "split without the spelling to move"
    try:
        validate_judgement(row)
    except JudgementError as e:
        return str(e)
    return None


def _sentence_text(mention: Mention, sentences: list[Sentence]) -> str:
    for sentence in sentences:
        if sentence.start <= mention.start < sentence.end:
            return sentence.text
    return ""


def apply_judgements(mentions: list[Mention], judgements: list[dict], *, article: str | None = None,
                     sentences: list[Sentence] | None = None) -> list[Mention]:
    """The mentions with the analyst's judgements applied (resolved_by = "analyst")."""
    result = list(mentions)
    for judgement in map(from_row, judgements):
        validate_judgement(judgement)
        action = judgement["action"]
        if judgement.get("article") and judgement["article"] != article:
            continue
        if action == "merge":
            result = [replace(m, entity_id=judgement["target"], resolved_by="analyst", score=1.0)
                      if m.entity_id == judgement["source"] else m for m in result]
        elif action == "assign":
            result = [replace(m, entity_id=judgement["target"], resolved_by="analyst", score=1.0)
                      if m.text == judgement["text"] else m for m in result]
        elif action == "reject":
            result = [m for m in result if m.text != judgement["text"]]
        else:
            result = _split(result, judgement, sentences or [])
    return result


def _split(mentions: list[Mention], judgement: dict, sentences: list[Sentence]) -> list[Mention]:
    text, context, occurrence = judgement.get("text"), judgement.get("context"), judgement.get("occurrence")
    seen = -1
    out = []
    for mention in mentions:
        chosen = mention.entity_id == judgement["source"] and (text is None or mention.text == text) and (
            context is None or context in _sentence_text(mention, sentences))
        if chosen:
            seen += 1
            chosen = occurrence is None or seen == occurrence
        out.append(replace(mention, entity_id=judgement["target"], resolved_by="analyst", score=1.0)
                   if chosen else mention)
    return out
