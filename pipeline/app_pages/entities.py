"""Entities: a searchable list and a profile page; the analysts' merge and split, recorded in
the judgement log."""

from __future__ import annotations

import streamlit as st

from pipeline.app_pages import common
from pipeline.app_pages.timeline import chart

LIST_ROWS = 18  # entities the list shows before it scrolls
ROW_PIXELS = 35  # a row of st.dataframe
from pipeline.extract.entities import discovered_id
from pipeline import judge as judgements_log
from pipeline.errors import JudgementRejected
from pipeline.store import Store


def list_height(rows: int) -> int:
    """The list's height in pixels: every row up to LIST_ROWS, then a scroll bar."""
    return ROW_PIXELS * (min(max(rows, 1), LIST_ROWS) + 1) + 3


def matches(entity: dict, query: str) -> bool:
    query = query.strip().lower()
    names = [entity["id"], entity["name"], entity["names"]["en"], entity["names"]["zh"], *entity["aliases_seen"]]
    return not query or any(query in (n or "").lower() for n in names)


def judge(path: str, action: str, entity_id: str, other: str, alias: str | None = None, name: str | None = None) -> int:
    """Record a merge or split with a writable store, re-derive the articles it touches (all
    in one transaction). JudgementRejected says why one cannot be recorded."""
    with Store(path) as store:
        _, changed = judgements_log.record(store, action, entity_id, other, alias=alias, name=name)
    common.refresh()
    return changed


def profile(path: str, stamp: tuple, entity: dict, entities: dict[str, dict]) -> None:
    found = common.cached_profile(path, stamp, entity["name"])
    if found is None or found["id"] != entity["id"]:
        found = common.cached_profile(path, stamp, entity["id"])
    if found is None or found["id"] != entity["id"]:
        # A name that resolves to another entity: show what the list knows.
        found = {**entity, "parent": None, "children": [], "roles": [], "evidence": []}
    names = " / ".join(common.esc(n) for n in (found["names"]["en"], found["names"]["zh"]) if n) or common.esc(found["name"])
    st.markdown(f"### {names}", unsafe_allow_html=True)
    st.caption(f"{found['type']} · id `{found['id']}` · {found['origin']}")
    c1, c2 = st.columns(2)
    c1.metric("Mentions", found["mentions"])
    c2.metric("Articles", found["articles"])
    if found["parent"]:
        parent = found["parent"]
        st.markdown(f"**Part of**: [{common.esc(parent['name'] or parent['id'])}](entities?entity={parent['id']})", unsafe_allow_html=True)
    if found["children"]:
        links = [f"[{common.esc(entities[c]['name'] if c in entities else c)}](entities?entity={c})" for c in found["children"]]
        st.markdown("**Parts**: " + ", ".join(links), unsafe_allow_html=True)
    for role in found["roles"]:
        st.markdown(f"**Role**: {common.esc(role['role'])}" + (f", {common.esc(role['affiliation'])}" if role["affiliation"] else ""), unsafe_allow_html=True)
    st.markdown("**Seen as**: " + (", ".join(common.esc(a) for a in found["aliases_seen"]) or "-"), unsafe_allow_html=True)

    entries = common.cached_timeline(path, stamp, frozenset({found["id"]}))
    st.markdown(f"#### Events ({len(entries)})")
    if entries:
        chart(entries, height=160, key=f"ent_chart_{found['id']}")
        for e in entries[:30]:
            st.markdown(f"- {common.esc(e.display_date)}: {common.esc(e.summary)} {common.badge(e.factuality)}", unsafe_allow_html=True)

    linked = [r for r in common.cached_relations(path, stamp, found["id"]) if r["predicate"] != "reports"]
    st.markdown(f"#### Relations ({len(linked)})")
    if linked:
        name = lambda i: entities[i]["name"] if i in entities else i  # noqa: E731
        st.dataframe(
            [
                {"subject": name(r["subject"]), "relation": r["predicate"], "object": name(r["object"]),
                 "date": r["display_date"] or "", "factuality": r["factuality"], "sources": len(r["sources"])}
                for r in linked
            ],  # fmt: skip
            hide_index=True,
            width="stretch",
        )

    st.markdown("#### Best sentences")
    evidence = sorted(found["evidence"], key=lambda ev: (ev["resolved_by"] != "alias", -len(ev["sentence"]) if len(ev["sentence"]) < 300 else 0))
    unique = list({(ev["article_id"], ev["sentence"]): ev for ev in reversed(evidence)}.values())[::-1]
    for ev in unique[:8]:
        spans = [{"start": ev["start"], "end": ev["end"], "kind": "entity", "title": ev["text_as_written"], "colour": common.ANSWER_COLOUR}]
        common.html_block(f"{common.source_line(ev['title'], ev['date'], article_id=ev['article_id'], sentence=common.sentence_index(path, stamp, ev['article_id'], ev['sentence']))}<br>“{common.highlight(ev['sentence'], spans)}”")
    if not evidence:
        st.caption("No sentence names it in an original article.")

    judgements(path, stamp, found, entities)


def judgements(path: str, stamp: tuple, found: dict, entities: dict[str, dict]) -> None:
    """The merge, split and undo forms. Each proposes its judgement, which is carried out only
    once confirmed: a judgement re-derives every article that names the entities."""
    st.markdown("#### Merge and split")
    done = st.session_state.pop("ent_done", None)
    if done:
        st.success(done)
    pending = st.session_state.get("ent_pending")
    if pending and pending["profile"] == found["id"]:
        confirm(path, pending)
    label = lambda i: f"{entities[i]['name']} ({entities[i]['type']})" if i in entities else i  # noqa: E731
    c1, c2 = st.columns(2)
    with c1.form("merge"):
        others = [i for i in entities if i != found["id"] and entities[i]["type"] == found["type"]] + [
            i for i in entities if i != found["id"] and entities[i]["type"] != found["type"]
        ]
        # No entity chosen beforehand: a merge made by mistake should take a choice, not a click.
        fold = st.selectbox("Fold this entity into the profile's", others, index=None, format_func=label, placeholder="Choose an entity")
        if st.form_submit_button("Merge"):
            if fold is None:
                st.warning("Choose the entity to fold into this one first.")
            else:
                propose(found["id"], {"action": "merge", "entity_id": found["id"], "other": fold},
                        f"Fold {label(fold)} into {label(found['id'])}? Its mentions become {found['name']}'s in every article.")  # fmt: skip
    with c2.form("split"):
        spelling = st.selectbox("Spelling to move to an entity of its own", found["aliases_seen"], index=None, placeholder="Choose a spelling")
        new_name = st.text_input("Name of the new entity (default: the spelling)", key="ent_split_name")
        if st.form_submit_button("Split"):
            if spelling is None:
                st.warning("Choose the spelling to move first.")
            else:
                name = new_name.strip() or spelling
                new_id = discovered_id(found["type"], name)
                propose(found["id"], {"action": "split", "entity_id": found["id"], "other": new_id, "alias": spelling, "name": name},
                        f"Move the mentions of {label(found['id'])} written {spelling!r} to a new entity, {name} ({new_id})?")  # fmt: skip
    log = common.cached_judgements(path, stamp)  # every row, with when it was undone or why it is skipped
    st.markdown(f"**Judgement log ({len(log)})**")
    if log:
        st.dataframe(log, hide_index=True, width="stretch")
    standing = {row["id"]: row for row in log if not row["undone_at"]}
    if standing:
        with st.form("undo"):
            chosen = st.selectbox("Judgement to take back", list(standing), index=None, key="ent_undo_id", placeholder="Choose a judgement",
                                  format_func=lambda i: f"{i}: {judgement_text(standing[i])}")  # fmt: skip
            if st.form_submit_button("Undo") and chosen is not None:
                propose(found["id"], {"action": "undo", "judgement": chosen},
                        f"Take back judgement {chosen} ({judgement_text(standing[chosen])})? The log keeps it, marked undone.")  # fmt: skip


def judgement_text(row: dict) -> str:
    if row["action"] == "merge":
        return f"merge {row['other']} into {row['entity_id']}"
    return f"split {row['alias']!r} of {row['entity_id']} to {row['other']}"


def propose(profile_id: str, judgement: dict, question: str) -> None:
    """Keep the judgement until it is confirmed (or cancelled) and draw the page again with the question."""
    st.session_state["ent_pending"] = {"profile": profile_id, "judgement": judgement, "question": question}
    st.rerun()


def confirm(path: str, pending: dict) -> None:
    with st.container(border=True):
        st.warning(pending["question"])
        c1, c2, _ = st.columns([1, 1, 4])
        if c1.button("Confirm", type="primary", key="ent_confirm"):
            st.session_state.pop("ent_pending", None)
            try:
                st.session_state["ent_done"] = carry_out(path, pending["judgement"])
            except JudgementRejected as e:
                st.error(str(e))
                return
            st.rerun()
        if c2.button("Cancel", key="ent_cancel"):
            st.session_state.pop("ent_pending", None)
            st.rerun()


def carry_out(path: str, judgement: dict) -> str:
    """Record (or take back) a judgement with a writable store; what was done, in words."""
    if judgement["action"] == "undo":
        with Store(path) as store:
            row, changed = judgements_log.undo(store, judgement["judgement"])
        common.refresh()
        return f"Took back judgement {judgement['judgement']} ({row['action']}); {changed} article(s) updated. The log keeps it, marked undone."
    changed = judge(path, judgement["action"], judgement["entity_id"], judgement["other"], alias=judgement.get("alias"), name=judgement.get("name"))
    if judgement["action"] == "merge":
        return f"Merged {judgement['other']} into {judgement['entity_id']}; {changed} article(s) updated."
    return f"Split {judgement['alias']!r} off {judgement['entity_id']} as {judgement['other']} ({judgement['name']}); {changed} article(s) updated."


def render() -> None:
    st.header("Entities")
    opened = common.require_store()
    if opened is None:
        return
    path, _, stamp = opened
    rows = common.cached_entities(path, stamp)
    entities = {e["id"]: e for e in rows}
    c1, c2 = st.columns([2, 1])
    query = c1.text_input("Search names and aliases, in English or Chinese", key="ent_search")
    types = c2.multiselect("Type", sorted({e["type"] for e in rows}), key="ent_types", placeholder="all types")
    shown = [e for e in rows if matches(e, query) and (not types or e["type"] in types)]
    st.dataframe(
        [
            {"name": e["name"], "中文": e["names"]["zh"] or "", "type": e["type"], "mentions": e["mentions"],
             "articles": e["articles"], "aliases seen": ", ".join(e["aliases_seen"]), "id": e["id"]}
            for e in shown
        ],  # fmt: skip
        hide_index=True,
        width="stretch",
        height=list_height(len(shown)),
    )
    if not shown:
        st.info("No entity matches.")
        return
    ids = [e["id"] for e in shown]
    wanted = st.query_params.get("entity")
    index = ids.index(wanted) if wanted in ids else 0
    entity_id = st.selectbox("Profile", ids, index=index, format_func=lambda i: f"{entities[i]['name']} ({entities[i]['type']})", key=f"ent_pick_{wanted}")
    profile(path, stamp, entities[entity_id], entities)


if __name__ == "__main__":
    render()
