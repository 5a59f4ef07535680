"""Timeline: the entries over time (partial dates drawn as spans), filters, and one entry's
summary, sources and conflicts."""

from __future__ import annotations

import functools
from datetime import date, timedelta

import altair as alt
import pandas as pd
import streamlit as st

from pipeline.app_pages import common
from pipeline.views.glosses import english_names
from pipeline.views.timeline import Entry, default_period, entries_csv, entries_timelinejs, labelled, search, short_summary, sources_phrase

# Every mark of the time axis carries its year ("Apr 2018"), whatever the span drawn.
AXIS = alt.Axis(format="%b %Y", labelOverlap=True)
LABELS = 10  # entries labelled with their short summary on the chart


def chart(entries: list[Entry], *, colour: str = "factuality", height: int = 320, key: str | None = None):
    """Bars from the first to the last day of a partial date, points for days; returns the
    id of the entry picked on the chart, if any."""
    labels = labelled(entries, LABELS)
    rows = [
        {
            "id": e.id,
            "label": short_summary(e.summary) if e.id in labels else "",
            "start": e.date,
            "end": (date.fromisoformat(e.date_end or e.date) + timedelta(days=1)).isoformat(),
            "shape": "day" if e.granularity == "day" else "span",
            "when": e.display_date,
            "summary": e.summary,
            "type": e.type,
            "category": e.category,
            "factuality": e.factuality,
            "sources": len(e.sources),
            "conflict": "conflicting reports" if e.conflict else "",
        }
        for e in entries
        if e.date
    ]
    if not rows:
        st.caption("No dated entries to draw.")
        return None
    frame = pd.DataFrame(rows)
    pick = alt.selection_point(fields=["id"], name="pick", on="click")
    scale = alt.Scale(domain=list(common.FACT_COLOURS), range=list(common.FACT_COLOURS.values())) if colour == "factuality" else alt.Undefined
    base = alt.Chart(frame).encode(
        y=alt.Y("type:N", title=None),
        color=alt.Color(f"{colour}:N", scale=scale, legend=alt.Legend(orient="bottom")),
        tooltip=["when", "summary", "type", "factuality", "sources", "conflict"],
        opacity=alt.condition(pick, alt.value(0.95), alt.value(0.35)),
    )
    # The axis runs a little beyond the first and the last day: a dot on the last day was cut in
    # half by the edge, and the labels need room on the right.
    first, last = pd.to_datetime(frame["start"]).min(), pd.to_datetime(frame["end"]).max()
    pad = max((last - first) * 0.04, pd.Timedelta(days=2))
    x_scale = alt.Scale(domain=[(first - pad).floor("D").date().isoformat(), (last + pad * 3).ceil("D").date().isoformat()])
    spans = base.transform_filter(alt.datum.shape == "span").mark_bar(height=12, cornerRadius=3).encode(
        x=alt.X("start:T", title=None, axis=AXIS, scale=x_scale), x2="end:T"
    )
    days = base.transform_filter(alt.datum.shape == "day").mark_point(size=110, filled=True).encode(
        x=alt.X("start:T", title=None, axis=AXIS, scale=x_scale)
    )
    # The important entries' short summaries, just above their marks.
    names = alt.Chart(frame).transform_filter(alt.datum.label != "").mark_text(align="left", baseline="bottom", dx=4, dy=-6, fontSize=11, limit=220).encode(
        x=alt.X("start:T", scale=x_scale), y=alt.Y("type:N", title=None), text="label:N"
    )
    rows_needed = frame["type"].nunique()
    tall = max(height, 30 * rows_needed)
    layered = alt.layer(spans, days, names).add_params(pick).properties(height=tall)
    try:
        event = st.altair_chart(layered, on_select="rerun", selection_mode="pick", key=key, width="stretch", height=tall + 80)
    except Exception:  # noqa: BLE001 — a Streamlit without chart selections still draws the chart
        st.altair_chart(layered, width="stretch", height=tall + 80)
        return None
    picked = (event or {}).get("selection", {}).get("pick") if isinstance(event, dict) else getattr(getattr(event, "selection", None), "pick", None)
    if picked:
        first = picked[0]
        return first.get("id") if isinstance(first, dict) else None
    return None


def show_entry(entry: Entry, mentions: dict[tuple[int, int], list[dict]] | None = None) -> None:
    """Summary, type, factuality, conflicts, and every source with its sentence; beside a
    Chinese sentence, the English names of the entities `mentions` (by (article id, index)) give it."""
    with st.container(border=True):
        st.markdown(f"#### {common.esc(entry.summary)}", unsafe_allow_html=True)
        if entry.summary_zh:
            st.markdown(f"{common.esc(entry.summary_zh)}", unsafe_allow_html=True)
        st.markdown(
            f"{common.esc(entry.display_date)} · `{entry.type}` · {entry.category} · {common.badge(entry.factuality)}"
            + (" · :red-badge[conflict]" if entry.conflict else ""),
            unsafe_allow_html=True,
        )
        for reason in entry.conflict_reasons:
            st.warning(f"Conflicting reports: {common.esc(reason)}")
        parties = [("Actors", entry.actors), ("Targets", entry.targets), ("Document", [entry.document] if entry.document else [])]
        st.markdown(" · ".join(f"**{label}**: {common.esc(', '.join(names))}" for label, names in parties if names), unsafe_allow_html=True)
        st.markdown(f"**{common.esc(sources_phrase(entry.sources))}**", unsafe_allow_html=True)
        blocks = []  # one block for all the sources: an entry of a large store has hundreds
        for s in entry.sources:
            spans = [{"start": s["trigger_start"], "end": s["trigger_end"], "kind": "trigger", "title": entry.type, "colour": common.ANSWER_COLOUR}]
            meta = common.source_line(s["title"], s["date"], s["url"], s["article_id"], s.get("sentence_idx"))
            repost = " · repost" if s["repost"] else ""
            repost += " · year from the other sources" if s.get("year_from_other_sources") else ""
            english = english_names(s["sentence"], (mentions or {}).get((s["article_id"], s.get("sentence_idx")), []))
            blocks.append(f"<p>{meta}{repost} · {common.badge_html(s['factuality'])}<br>“{common.highlight(s['sentence'], spans)}”"
                          f"{common.english_names_html(english)}</p>")  # fmt: skip
        common.html_block("".join(blocks))


def linked_entry(everything: list[Entry]) -> Entry | None:
    """The entry named by the page's address (?entry=ID), if there is one by that id."""
    given = st.query_params.get("entry", "")
    return next((e for e in everything if str(e.id) == given.strip()), None) if given else None


def render() -> None:
    st.header("Timeline")
    opened = common.require_store()
    if opened is None:
        return
    path, _, stamp = opened
    everything = common.cached_timeline(path, stamp)
    names = common.cached_entity_labels(path, stamp)
    involved = sorted({i for e in everything for i in (*e.actor_ids, *e.target_ids, e.document_id) if i in names}, key=lambda i: names[i].lower())
    dated = [date.fromisoformat(e.date) for e in everything if e.date] + [date.fromisoformat(e.date_end) for e in everything if e.date_end]
    with st.expander("Filters", expanded=True):
        c1, c2, c3 = st.columns(3)
        chosen_entities = c1.multiselect("Entities", involved, format_func=names.__getitem__, key="tl_entities")
        chosen_types = c2.multiselect("Event types", sorted({e.type for e in everything}), key="tl_types")
        chosen_facts = c3.multiselect("Factuality", common.fact_order({e.factuality for e in everything}), key="tl_facts")
        c4, c5, c6 = st.columns([2, 2, 1])
        period = None
        if dated:
            # The years that hold most entries, not the oldest entry's year: the rest is a widening away.
            period = c4.date_input("Date range", value=default_period(everything), min_value=min(dated), max_value=max(dated), key="tl_period",
                                   help="Starts on the years that hold most entries; widen it to see the others.")  # fmt: skip
        text = c5.text_input("Search summaries and sources", key="tl_search", placeholder="UnionPay, 网联, a site's address…")
        undated_too = c6.checkbox("Undated entries", value=True, key="tl_undated", help="List the entries no source dates, below the chart.")
        colour = st.radio("Colour by", ["factuality", "type", "category"], horizontal=True, key="tl_colour")
    date_from = date_to = None
    if isinstance(period, (tuple, list)) and len(period) == 2 and (period[0], period[1]) != (min(dated), max(dated)):
        date_from, date_to = period
    entries = common.cached_timeline(
        path, stamp, frozenset(chosen_entities) or None, frozenset(chosen_types) or None,
        frozenset(chosen_facts) or None, date_from, date_to, undated_too,
    )  # fmt: skip
    if not undated_too:
        entries = [e for e in entries if e.date]
    entries = search(entries, text)
    undated = sum(1 for e in entries if not e.date)
    outside = len(everything) - len(common.cached_timeline(path, stamp, None, None, None, date_from, date_to, True)) if date_from else 0
    notes = [f"{undated} undated, listed below the chart"] if undated else []
    if outside:
        notes.append(f"{outside} outside the date range")
    st.caption(f"{len(entries)} of {len(everything)} entries" + (f" ({'; '.join(notes)})" if notes else ""))
    # ?entry=ID (the Ingest page links the entries a batch added): that entry is the one shown,
    # and shown even when the filters leave it out.
    linked = linked_entry(everything)
    if linked is not None and linked not in entries:
        st.info("The linked entry is outside these filters:")
        show_entry(linked)
    if not entries:
        st.info("No entry matches these filters.")
        return
    # The files are made when downloaded (a callable): a large store's view takes a while to write.
    # on_click="ignore": a click that also reran the page would register the callable anew and
    # drop the one the browser is asking for ("Deferred file ... not found", seen under load).
    d1, d2, _ = st.columns([1, 1, 3])
    d1.download_button("Download CSV", data=functools.partial(entries_csv, entries), file_name="timeline.csv", mime="text/csv",
                       key="tl_csv", on_click="ignore")  # fmt: skip
    d2.download_button("Download TimelineJS", data=functools.partial(entries_timelinejs, entries), file_name="timeline.json",
                       mime="application/json", key="tl_timelinejs", on_click="ignore",
                       help="Undated entries are left out: TimelineJS needs a year.")  # fmt: skip
    picked = chart(entries, colour=colour, key="tl_chart")
    ids = [e.id for e in entries]
    by_id = {e.id: e for e in entries}
    shown = picked if picked in by_id else linked.id if linked is not None and linked.id in by_id else ids[0]
    index = ids.index(shown)
    entry_id = st.selectbox("Entry", ids, index=index, format_func=lambda i: common.entry_label(by_id[i]), key=f"tl_entry_{picked}")
    cited = tuple((s["article_id"], s["sentence_idx"]) for s in by_id[entry_id].sources if s.get("sentence_idx") is not None)
    show_entry(by_id[entry_id], common.cached_sentence_mentions(path, stamp, cited))
    st.dataframe(
        [
            {"id": e.id, "date": e.display_date, "type": e.type, "summary": e.summary, "in Chinese": e.summary_zh, "factuality": e.factuality,
             "conflict": e.conflict, "sources": sources_phrase(e.sources)}
            for e in entries
        ],  # fmt: skip
        hide_index=True,
        width="stretch",
    )


if __name__ == "__main__":
    render()
