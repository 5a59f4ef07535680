"""An answer of the question engine as a reader takes it: a short headline, the details, how
sure it is in words and why, and a Markdown file of it with its citations.

    explain(answer, entries, reposts)  # "Well supported: 2 independent sources (1 repost not counted); ..."

A view: it reads the engine's answer (Answer.to_dict()), the timeline entries it names and the
ids of the articles that are reposts; it never asks the engine again.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote

from pipeline.views.timeline import Entry, sources_phrase

# The engine's confidence in words, highest first: (at least, words).
CONFIDENCE_WORDS = [(0.85, "Well supported"), (0.6, "Fairly well supported"), (0.0001, "Weakly supported")]
# A conflict reason "deny by China UnionPay (2018-04-27 evening)" in words.
ANSWERING = {"deny": "denied", "retract": "retracted"}


def headline(answer: Mapping) -> tuple[str, list[str]]:
    """The first line of the engine's answer, and the lines after it; what the first line adds
    after a dash ("— conflicting: ...") leads the details."""
    first, *more = (answer.get("answer") or "No answer found").splitlines() or ["No answer found"]
    first, _, aside = first.partition(" — ")
    return first.strip(), [line.strip() for line in [aside, *more] if line.strip()]


def cited_articles(answer: Mapping, entries: Mapping[int, Entry]) -> list[int]:
    """The articles the answer rests on: its evidence sentences' and its timeline entries', in order."""
    ids = [item.get("article_id") for item in answer.get("evidence") or []]
    ids += [s["article_id"] for i in answer.get("events") or [] if i in entries for s in entries[i].sources]
    return list(dict.fromkeys(i for i in ids if i is not None))


def explain(answer: Mapping, entries: Mapping[int, Entry], reposts: set[int]) -> str:
    """How sure the answer is, in words, and why: the independent sources (reposts not
    counted) and any denial or disagreement among them."""
    if answer.get("answer_type") == "refused":
        if answer.get("evidence"):
            return "Not answered: no stored fact answers this; the sentences below are only the closest the articles have."
        return "Not answered: nothing in the knowledge base is close to this question."
    confidence = float(answer.get("confidence") or 0)
    level = next((words for floor, words in CONFIDENCE_WORDS if confidence >= floor), "Weakly supported")
    articles = cited_articles(answer, entries)
    copies = sum(1 for a in articles if a in reposts)
    independent = len(articles) - copies
    if independent <= 1 and level == CONFIDENCE_WORDS[0][1]:
        level = CONFIDENCE_WORDS[1][1]  # one article, however sure of itself, is one voice
    reasons = [("only " if independent == 1 else "") + f"{independent} independent source{'' if independent == 1 else 's'}" + (
        f" ({copies} repost{'' if copies == 1 else 's'} not counted)" if copies else ""
    )]  # fmt: skip
    related = [entries[i] for i in answer.get("events") or [] if i in entries]
    for entry in related:
        for reason in entry.conflict_reasons:
            reasons.append(_conflict_words(reason))
    if answer.get("factuality") == "reported":
        reasons.append("the sources report it rather than state it")
    elif answer.get("factuality") in ("planned", "speculative"):
        reasons.append(f"the sources give it as {answer['factuality']}")
    return f"{level}: " + "; ".join(dict.fromkeys(reasons)) + "."


def _conflict_words(reason: str) -> str:
    verb, _, rest = reason.partition(" by ")
    if verb in ANSWERING and rest:
        return f"{ANSWERING[verb]} by {rest}"
    return f"the sources disagree ({reason})"


def share_link(question: str, page: str = "ask") -> str:
    """The app's relative address that asks `question` when opened."""
    return f"{page}?q={quote(question, safe='')}"


def answer_markdown(
    question: str, answer: Mapping, entries: Mapping[int, Entry], reposts: set[int], articles: Mapping[int, Mapping] | None = None
) -> str:
    """The answer as a Markdown file: the question, the headline, the details, how sure it is,
    and every evidence sentence and timeline entry with its article (title, date, address)."""
    articles = articles or {}
    first, details = headline(answer)
    lines = [f"# {_md(question)}", "", f"**{_md(first)}**", ""]
    lines += [f"- {_md(line)}" for line in details] + ([""] if details else [])
    lines += [f"*{_md(explain(answer, entries, reposts))}*", ""]
    evidence = answer.get("evidence") or []
    if evidence:
        lines += [f"## Evidence ({len(evidence)})", ""]
        for n, item in enumerate(evidence, 1):
            lines.append(f"{n}. “{_md(item.get('sentence') or '')}”  ")
            lines.append(f"   — {_citation(item.get('article_id'), item.get('title'), item.get('date'), articles, reposts)}")
        lines.append("")
    related = [entries[i] for i in answer.get("events") or [] if i in entries]
    if related:
        lines += [f"## Timeline entries ({len(related)})", ""]
        for entry in related:
            lines.append(f"- **{_md(entry.display_date)}** {_md(entry.summary)} ({entry.factuality}; {sources_phrase(entry.sources)})")
            for s in entry.sources:
                lines.append(f"  - “{_md(s['sentence'])}” — {_citation(s['article_id'], s['title'], s['date'], articles, reposts)}")
        lines.append("")
    return "\n".join(lines)


def _citation(article_id: int | None, title: str | None, when: str | None, articles: Mapping[int, Mapping], reposts: set[int]) -> str:
    row = articles.get(article_id) or {}
    parts = [f"*{_md(title or row.get('title') or 'untitled article')}*", _md(when or row.get('date') or "undated")]
    if row.get("source"):
        parts.append(_md(row["source"]))
    if row.get("url"):
        parts.append(f"<{row['url']}>")
    if article_id is not None:
        parts.append(f"article {article_id}" + (" (a repost)" if article_id in reposts else ""))
    return ", ".join(parts)


def _md(text: str) -> str:
    """Source text inside Markdown: the characters that would act as markup are escaped."""
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in (text or "").replace("\n", " "))
