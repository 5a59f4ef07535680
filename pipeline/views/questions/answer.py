"""Answers by the question's shape, each from stored facts: timeline entries, entity profiles,
relations, and full-text search for definitions and for what a refusal can still show."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from functools import cache, lru_cache

from rapidfuzz import fuzz

from pipeline.extract.entities.english_names import displayed
from pipeline.extract.entities.table import has_cjk
from pipeline.extract.events.figures import date_distance
from pipeline.extract.events.taxonomy import load_taxonomy
from pipeline.extract.chinese_script import simplified_view
from pipeline.facts import same_time
from pipeline.store import Store
from pipeline.views.dates import span
from pipeline.views.entities import entity_list, entity_profile
from pipeline.views.figures import amounts_at, asked_scale, figures, shown_in_scale
from pipeline.views.questions.from_sentences import ACTS_OF_MANY, SUBSTITUTE_SHARE, SentenceAnswers
from pipeline.views.questions.model import Answer
from pipeline.views.questions.model import evidence as _evidence
from pipeline.views.questions.model import marked_words as _words
from pipeline.views.questions.model import terms_told
from pipeline.views.questions.sentences import SentenceReader, clause_around, has, hedged, readable
from pipeline.views.questions.understand import Question, has_word, grammar, understand
from pipeline.views.relations import relations
from pipeline.views.timeline import Entry, build_entries, whole_groups

SPEECH_TYPES = {"announce", "deny", "retract", "assessment"}
ANSWERING_TYPES = {"deny", "retract"}  # what a statement may be: asked with one, the statement is it
# A figure answers a count when its sentence tells at least this share of the question's other words.
MIN_FIGURE_COVERAGE = 0.5
# What an organisation's profile dates: how it came to be ("What is NetsUnion?").
MILESTONE_TYPES = {"approve", "found", "launch"}
MAX_MILESTONES = 4
# Acts with no direction: each party did it with the others.
SYMMETRIC_TYPES = {"cooperate"}
MAX_LISTED = 8
OBLIGATIONS = {"require", "deadline", "prohibit", "take_effect"}  # types whose targets are bound by them
# Acts on another act whose object, found, says nothing of them: a deadline set is no deadline
# postponed, a launch no launch approved. Asked of one ("Did the central bank postpone the
# deadline?"), only entries of the act itself may answer.
ACTS_NOT_TOLD_BY_THEIR_OBJECT = {"postpone", "approve", "penalise"}
MAX_EVIDENCE = 12  # sentences an answer shows; an entry told by thousands of articles shows its first


class Knowledge(SentenceAnswers):
    """The store's facts, indexed for questions."""

    def __init__(self, store: Store):
        self.store = store
        self.entries = build_entries(store)
        self.by_id = {e.id: e for e in self.entries}
        self.entities = {e["id"]: e for e in entity_list(store)}
        self.collectives = {e for e in whole_groups() if e in self.entities}
        self.known_names = {
            name: e["id"] for e in self.entities.values() for name in [e["name"], *e["aliases_seen"]] if name
        }
        self.relations = relations(store)
        # entity id -> the entries it takes part in, so a question looks at its entities' entries only
        self.by_entity: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.entries:
            for entity_id in {*entry.actor_ids, *entry.target_ids, entry.document_id} - {None}:
                self.by_entity[entity_id].append(entry)
        children: dict[str, set[str]] = defaultdict(set)
        for e in self.entities.values():
            if e["parent"]:
                children[e["parent"]].add(e["id"])
        self.children = children
        self.reader = SentenceReader(self)
        self._chinese: tuple[re.Pattern, dict[str, str]] | None = None  # built on the first Chinese question

    # -- reading ------------------------------------------------------------------------

    def ask(self, text: str) -> Answer:
        # 國務院新聞辦 is read as 国务院新闻办: the articles are indexed by their Simplified view.
        question = understand(simplified_view(text), self.known_names)
        unheard = [name for name in question.unknown_names if not self.reader.search([name.lower()], 1)]
        if unheard:
            # "What is the capital of France?": no source names France, so none answers it.
            answer = Answer(f"The sources in the knowledge base do not answer that. None of them mentions {', '.join(unheard)}.",
                            "refused", 0.0)
        else:
            handler = getattr(self, f"_{question.shape}", self._search)
            answer = handler(question) or self._refuse(question)
        if question.lang == "zh" and answer.answer_type != "refused":
            quoted = [e["sentence"] for e in answer.evidence]
            answer.answer = self.in_chinese(self._summaries_in_chinese(answer.answer, answer.events), quoted=quoted)
        answer.question = {
            "shape": question.shape, "lang": question.lang, "entities": question.entities, "types": question.types,
            "kinds": question.kinds, "dates": [t.value for t in question.dates],
        }  # fmt: skip
        return answer

    def _summaries_in_chinese(self, text: str, entry_ids: list[int]) -> str:
        """The entries an answer to a Chinese question tells, told in Chinese (支付结算司要求…)."""
        phrases = grammar().chinese_phrases
        for entry in (self.by_id[i] for i in entry_ids if i in self.by_id):
            if not entry.summary_zh:
                continue
            note = _factuality_note(entry)
            told = entry.summary_zh + _in_phrases(note, phrases)
            # ("April 2018: …" is "2018年4月：…")
            text = text.replace(f"{entry.display_date}: {entry.summary}{note}", f"{entry.display_date_zh or entry.display_date}：{told}")
            text = text.replace(entry.summary + note, told)
        return text

    def in_chinese(self, text: str, quoted: Sequence[str] = ()) -> str:
        """An answer to a Chinese question names the entities in Chinese: each English name the
        store has a Chinese name for (People's Bank of China -> 中国人民银行), and "Guangda Bank
        (光大银行)" as written (光大银行). Longest names first ("Bank of China" before "China").
        A source sentence the answer quotes stays as its source wrote it."""
        pattern, chinese = self._chinese_names()
        if not chinese:
            return text
        kept = [q for q in quoted if q and q in text]
        if not kept:
            return pattern.sub(lambda m: chinese[m.group(0)], text)
        pieces = re.split("(" + "|".join(map(re.escape, sorted(set(kept), key=len, reverse=True))) + ")", text)
        return "".join(piece if piece in kept else pattern.sub(lambda m: chinese[m.group(0)], piece) for piece in pieces)

    def _chinese_names(self) -> tuple[re.Pattern, dict[str, str]]:
        if self._chinese is None:
            chinese: dict[str, str] = {}
            for entity in self.entities.values():
                zh = entity["names"].get("zh") or (entity["name"] if has_cjk(entity["name"]) else None)
                if not zh:
                    continue
                # Its English name, and the way summaries write it ("Guangda Bank (光大银行)"): from
                # the stored English name when there is one, as the timeline's summaries do.
                shown = displayed({**entity, "name_en": entity["names"].get("en")})
                for english in {shown, entity["name"], entity["names"].get("en") or ""}:
                    if english and english != zh:
                        chinese[english] = zh
            names = sorted(chinese, key=len, reverse=True)
            pattern = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, names)) + r")(?![\w])") if names else re.compile(r"(?!)")
            self._chinese = (pattern, chinese)
        return self._chinese

    def expand(self, entity_id: str) -> set[str]:
        """An entity and what acts in its name: the PBOC's departments; for a collective
        ("payment institutions"), every institution of its type."""
        out, todo = set(), [entity_id]
        while todo:
            current = todo.pop()
            if current not in out:
                out.add(current)
                todo.extend(self.children.get(current, ()))
        return out

    def involves(self, entry: Entry, entity_id: str, roles=("actor", "target", "document")) -> bool:
        ids = set()
        if "actor" in roles:
            ids |= set(entry.actor_ids)
        if "target" in roles:
            ids |= set(entry.target_ids)
        if "document" in roles and entry.document_id:
            ids.add(entry.document_id)
        if ids & self.expand(entity_id):
            return True
        # A question about Alipay reaches a rule addressed to payment institutions as a whole (not
        # what the group did: "banks announced …" does not say when CITIC did); one about payment
        # institutions (哪些支付机构…) reaches each of them.
        kind = self.entities.get(entity_id, {}).get("type")
        if entity_id in self.collectives:
            return any(self.entities.get(i, {}).get("type") == kind for i in ids)
        return entry.category == "regulatory" and any(i in self.collectives and self.entities.get(i, {}).get("type") == kind for i in ids)

    def matching(self, question: Question, *, types: list[str] | None = None, facts_only: bool = True) -> list[Entry]:
        """Entries of the asked types that involve every entity of the question, best first."""
        if types is None:
            # "When did UnionPay deny …", "When did NetsUnion and Alipay announce …": the speech act itself.
            speech = [t for t in question.types if t in SPEECH_TYPES]
            types = speech or question.types
        either = self._either_of(question)
        parties = [e for e in self._asked_parties(question) if e not in either]
        found = []
        for entry in self._candidates(question):
            if facts_only and entry.category == "commentary":
                continue
            if types and entry.type not in types:
                continue
            if not all(self.involves(entry, e) for e in parties) or either and not any(self.involves(entry, e) for e in either):
                continue
            if question.dates and not any(_within(entry, t.value, loose=question.shape == "when")
                                          or _beyond(entry, t.value, question.date_side) for t in question.dates):
                continue
            found.append(entry)
        return sorted(found, key=lambda e: self._rank(e, question), reverse=True)

    @staticmethod
    def _either_of(question: Question) -> set[str]:
        """Entities the question names as alternatives ("with NetsUnion or UnionPay", 网联或银联):
        an entry need involve one of them, not all."""
        either = set()
        named = sorted((at, e, n) for e, n in question.names.items() if n and (at := question.text.find(n)) >= 0)
        for (at, first, name), (next_at, second, _) in zip(named, named[1:]):
            if EITHER_OR.fullmatch(question.text[at + len(name) : next_at]):
                either |= {first, second}
        return either

    def _asked_parties(self, question: Question) -> list[str]:
        """The question's entities an entry must involve: a product asked beside the company that
        owns it ("the WeChat Pay agreement with Tenpay") is that company's, not a party of its own."""
        def owned_product(e: str) -> bool:
            entity = self.entities.get(e, {})
            return entity.get("type") == "product" and entity.get("parent") in question.entities

        # (A department asked beside its bank stays asked: "Did the PBOC's department approve it?")
        return [e for e in question.entities if not owned_product(e)]

    def _candidates(self, question: Question) -> list[Entry]:
        if not question.entities:
            return self.entries
        first = question.entities[0]
        if first in self.collectives:
            return self.entries  # 哪些支付机构…: each institution's entries, not the group's only
        ids = self.expand(first) | {c for c in self.collectives if self.entities[c]["type"] == self.entities.get(first, {}).get("type")}
        seen: dict[int, Entry] = {}
        for entity_id in ids:
            for entry in self.by_entity.get(entity_id, ()):
                seen[entry.id] = entry
        return list(seen.values())

    def _rank(self, entry: Entry, question: Question) -> tuple:
        first = question.entities[:1]
        # "By which date must payment institutions close their accounts?": whom a requirement
        # binds is asked as its subject, whether the entry has them as actor or target.
        asked_as = [*entry.actor_ids, *(entry.target_ids if entry.type in OBLIGATIONS else [])]
        return (
            bool(first and asked_as and set(asked_as) & self.expand(first[0])),
            entry.type in question.types,
            # "The first deposit", "when did it start": the earliest dated entry (the latest for "the last").
            entry.date is not None or not question.order,
            _in_order(entry, question.order),
            # "By what date must …": a limit written as the end ("by Jan 14"), before a start ("from July 9").
            self._written_as_end_limit(entry) if question.asks_end_limit else 0,
            # "the notice on the centralized deposit of customer reserves": of two documents whose
            # titles hold the question's words, the one whose title holds least else (not the
            # "Notice on Matters Relating to the Full Centralised Deposit …")
            _title_fit(entry.document, question.terms) if entry.document and question.lang == "en" else 0.0,
            # Asked when: the entry whose own date stands in the clause telling most of the
            # question ("114号文要求在哪一天实现100%集中交存": 明年1月14日实现100%集中交存, not 自7月9日起…).
            self._date_clause_tells(entry, question) if question.shape == "when" else 0,
            # Among entries of the same parties and type, the one whose sources say what is asked
            # ("by which date must 100% be deposited": the entry told with "100%").
            terms_told(entry, question.terms),
            entry.date is not None,
            entry.factuality == "asserted",
            len(entry.sources),
        )

    def _written_as_end_limit(self, entry: Entry) -> int:
        """1 when a source writes the entry's date right after an end cue (by, before, until, 到,
        or 前 after it), -1 after a start cue (from, since, 自, 起 after it), else 0."""
        for sentence, at, end in self._where_written(entry, entry.deadline or entry.value):
            lead, tail = sentence[max(0, at - 14) : at].lower(), sentence[end : end + 3]
            if _END_CUE.search(lead) or tail.startswith(("前", "之前", "以前")):
                return 1
            if _START_CUE.search(lead) or tail.startswith(("起", "开始")):
                return -1
        return 0

    def _where_written(self, entry: Entry, value: str | None) -> Iterator[tuple[str, int, int]]:
        """(sentence, start, end) of each place a source of the entry writes the date `value`."""
        if not value:
            return
        for source in entry.sources[:MAX_EVIDENCE]:
            sentence = readable(source["sentence"])
            for written in self.store.written_dates(source["article_id"], source["sentence_idx"]):
                text = readable(written["text"])
                at = sentence.find(text)
                if at != -1 and same_time(written["value"], value):
                    yield sentence, at, at + len(text)

    def _figures_untold(self, entry: Entry, question: Question) -> bool:
        """The question names an amount ("Is the registered capital 3 billion yuan?", "Did they
        deposit 50% in 2017?") that none of the entry's sentences writes beside the entry's own
        date (in the clause of that date; anywhere in the sentence for an undated entry): the act
        is stored, the figure is not, or is another time's."""
        if not question.figures:
            return False
        told: set[float] = set()
        for source in entry.sources[:MAX_EVIDENCE]:
            sentence = readable(source["sentence"])
            if not entry.value:
                told |= {amount for amount, _ in amounts_at(sentence)}
                continue
            dates = [(written["value"], at) for written in self.store.written_dates(source["article_id"], source["sentence_idx"])
                     if (at := sentence.find(readable(written["text"]))) != -1]
            for amount, at in amounts_at(sentence):
                # each figure is of the date that governs it, as the timeline reads figures
                governing = min(dates, key=lambda d: date_distance(sentence, d[1], at), default=None)
                if governing is None or same_time(governing[0], entry.value):
                    told.add(amount)
        return any(figure not in told for figure in question.figures)

    def _date_clause_tells(self, entry: Entry, question: Question) -> int:
        """How many of the question's words the clause around the entry's date holds, in the best
        of its sources (the dates each sentence writes, as stored)."""
        wanted = {t.lower() for t in question.terms}
        clauses = (clause_around(sentence, at).lower() for sentence, at, _ in self._where_written(entry, entry.value or entry.deadline))
        return max((sum(1 for term in wanted if term in clause) for clause in clauses), default=0)

    # -- shapes -------------------------------------------------------------------------

    def _when(self, question: Question) -> Answer | None:
        # "最晚什么时候要完成…", 在什么时间前完成: a question about a deadline, or asking by when,
        # asks for the deadline, not the act.
        matched = self.matching(question, types=["deadline"]) if "deadline" in question.types or question.asks_end_limit else []
        matched = matched or (self.matching(question) if question.types else [])
        if not matched:
            # 三家支付机构挪用备付金是什么时候被查出的? No event, but one sentence may tell all of it with a date.
            return self._dated_sentence(question)
        dated = [e for e in matched if e.date]
        if question.figures and dated:
            # "When will payment institutions deposit 100% of client reserves?": an act whose
            # sentences write another figure (the first deposit, of 20%) is not the one asked of
            told = [e for e in dated if not self._figures_untold(e, question)]
            if not told and "deadline" not in question.types:
                # "114号文要求在哪一天实现100%集中交存?": the figure is what must be reached, by a
                # limit of the same parties whose clause tells it
                told = [e for e in self.matching(question, types=["deadline"]) if e.value and not self._figures_untold(e, question)]
            if not told:
                return self._dated_sentence(question)
            dated = told
        if not dated and matched:
            return self._undated(matched, question)
        if not dated:
            return None
        best = dated[:1] + [e for e in dated[1:3] if e.type == dated[0].type and e.value != dated[0].value]
        lines = [f"{e.display_date}: {e.summary}" + _factuality_note(e) for e in best]
        dates = [d for e in best for d in (e.value, e.deadline) if d]
        return self._from_entries(best, "\n".join(lines), "date", question, dates=dates)

    def _undated(self, matched: list[Entry], question: Question) -> Answer:
        """支付宝什么时候接入网联? The sources tell it without a date: say so, and give the dated
        events between the same parties that bound it."""
        related = [e for e in self.matching(question, types=[]) if e.date and e not in matched][:2]
        lines = [f"The sources do not date it: {e.summary}" + _factuality_note(e) for e in matched[:2]]
        lines += [f"Related: {e.display_date}: {e.summary}" + _factuality_note(e) for e in related]
        answer = self._from_entries(matched[:2] + related, "\n".join(lines), "date", question,
                                    dates=[e.value for e in related if e.value])  # fmt: skip
        answer.confidence = 0.5
        return answer

    def _who(self, question: Question) -> Answer | None:
        people = [e for e in question.entities if self.entities.get(e, {}).get("type") == "person"]
        if people and not question.types:
            return self._profile(people[0])
        if not question.entities and question.roles and not question.types:
            # "Who is the legal representative of the company?": whoever the sources name in that
            # office, each with the organisation they hold it at.
            return self._by_role(question)
        if not question.entities:
            # "who" with nobody named: only who did a named act on a named subject (谁对备付金存管发表了看法?)
            return self._actors_on(question) if question.types else None
        if not question.types and all(e in self.collectives for e in question.entities):
            # "Which payment institutons are named?": the group stands for its members.
            kinds = question.kinds or [self.entities[e]["type"] for e in question.entities]
            return self._list(replace(question, entities=[], kinds=kinds))
        if question.roles and question.entities:
            return self._by_role(question)
        asked_documents = [e for e in question.entities if self.entities.get(e, {}).get("type") == "document"]
        if not question.types and not asked_documents:
            # "who … NetsUnion?" with no act named: every party of every event would be a guess;
            # a sentence telling every word of the question may name it (网联平台的筹建工作由哪个机构
            # 牵头组织? "由中国支付清算协会牵头组织的…筹建工作").
            return self._named_in_sentences(question, min_share=1.0)
        # Of several acts named, who did the main verb's ("Who issued the notice on migrating
        # payments to NetsUnion?" asks who issued it, not who migrated).
        main = question.types[:1] if question.lang == "en" and len(question.types) > 1 else None
        entries = self.matching(question, types=main) if main else self.matching(question)
        core = [t for t in question.types if t not in SPEECH_TYPES]
        if not entries and core and len(core) < len(question.types):
            # 与网联同时宣布签署合作协议的是哪家? No announcement stored: the act announced answers.
            entries = self.matching(question, types=core)
        if question.month_days:
            # Asked of a day without its year ("5月11日与网联…"): the acts of that day, when any.
            entries = [e for e in entries if self._on_the_asked_day(e, question)] or entries
        if not entries and question.types and asked_documents:
            # "Who issued Document 209?": whoever acted under that document, if no issue is told.
            # (Asked of an institution, "Who fined Lakala?", another act on it tells no fine.)
            entries = [e for e in self.matching(question, types=[]) if e.category == "regulatory" and e.actor_ids]
        # "Lakala has not yet connected": an act the sources tell as not done names no one who did it
        entries = [e for e in entries if e.factuality != "denied"]
        asked = {i for e in question.entities for i in self.expand(e)}
        found: list[str] = []
        if question.part_of:
            # "Which unit of the central bank issued the notice?": those of its parts that did it.
            parts = self.expand(question.part_of) - {question.part_of}
            found = list(dict.fromkeys(a for e in entries for a in e.actor_ids if a in parts))
            if not found:
                return None
            entries = [e for e in entries if set(e.actor_ids) & set(found)]
        for entry in () if question.part_of else entries:
            # Who acted on what was asked about; or, asked about the actor, whom it acted on.
            side = entry.target_ids if asked & set(entry.actor_ids) else entry.actor_ids
            for entity_id in side:
                if entity_id not in found and entity_id not in asked and self._names_one_of(entity_id, question.kinds):
                    found.append(entity_id)
        found += [i for i in self._acting_on_each(question) if i not in found]
        if "document" in question.kinds and question.types:
            # "Which document requires 100% of reserves to be deposited?": the rule the act is under.
            found = list(dict.fromkeys([e.document_id for e in entries if e.document_id and e.document_id not in asked] + found))
        if not found:
            # "Who denied the report that Alipay had access to UnionPay?": both parties are named;
            # whoever acted in the asked act answers it.
            # (Of one party asked, "Who launched NetsUnion?", that party itself is no answer.)
            found = [i for e in entries for i in e.actor_ids if self._names_one_of(i, question.kinds)
                     and (len(question.entities) > 1 or i not in asked)]
            found = list(dict.fromkeys(found))
        if not found:
            return None
        names = [self.name(i) for i in found[:MAX_LISTED]]
        # What the sources say of the whole group ("most payment institutions chose both") goes along.
        groups = [i for e in entries for i in e.actor_ids if i in self.collectives and self._is_kind(i, question.kinds)]
        used = [e for e in entries if set(e.actor_ids + e.target_ids) & set(found + groups)]
        lines = [f"{e.display_date}: {e.summary}" + _factuality_note(e) for e in used[:4]]
        return self._from_entries(used, f"{', '.join(names)}\n" + "\n".join(lines), "entities", question,
                                  entities=list(dict.fromkeys(found + groups)))  # fmt: skip

    def _unless_a_sentence_tells_more(self, question: Question, answer: Answer) -> Answer | None:
        """"Which payment institutions were in the first batch connected?": the connections stored
        tell nothing of a batch; the sentence naming the batch's members does. The parties a
        sentence names answer instead, when a sentence tells more of what the question asks beyond
        its act than any sentence the answer rests on, and at least half of it."""
        beyond = self.reader.beyond_the_act(question)
        if not beyond:
            return answer
        # Only the sentences of the entries that name the listed parties tell what is asked of
        # them: a group's entry ("the first batch of access is 4 banks …") tells nothing of which
        # banks another entry names.
        named = {i for i in answer.entities if i not in self.collectives and i not in question.entities}
        naming = [e for e in self.entries if e.id in answer.events and named & {*e.actor_ids, *e.target_ids}]
        if named and not naming:
            # (the answer shows the group's acts first: the listed parties' own are further down)
            naming = [e for e in self.entries if e.type in question.types and named & {*e.actor_ids, *e.target_ids}]
        sentences = [s["sentence"] for e in naming for s in e.sources] if naming else [ev["sentence"] for ev in answer.evidence]
        told = max((self.reader.coverage(beyond, sentence) for sentence in sentences), default=0.0)
        telling = [e for e in naming if any(self.reader.coverage(beyond, s["sentence"]) >= 0.5 for s in e.sources)]
        untold = named - {i for e in telling for i in (*e.actor_ids, *e.target_ids)}
        if told >= 0.5 and untold:
            # "Which banks are in the first batch?": CCB's connection is told as the first batch's,
            # ICBC's of July is not; the answer names only those the sentences put in it
            return self._named_in_sentences(question) or answer
        best = next(iter(self.reader.read(question, beyond, min_share=0.5, limit=20)), None)
        better = best is not None and best.share > told and self._named_in_sentences(question)
        if not better and told < 0.5 and question.entities and all(e in self.collectives for e in question.entities):
            # "Which four banks are in the first batch of access?": members of the group did the act
            # somewhere, but no sentence of the answer tells the batch; naming them would be a guess.
            return None
        return better or answer

    def _acting_on_each(self, question: Question) -> list[str]:
        """哪些支付机构同时接入了银联和网联? Those of the asked kind that did the act with each named
        party, though the sources tell each time apart (Alipay to UnionPay in April, to NetsUnion later)."""
        parties = [e for e in question.entities if e not in self.collectives and not self._is_kind(e, question.kinds)]
        if not question.kinds or not question.types or len(parties) < 2:
            return []
        entries = [e for e in self.entries if e.type in question.types and e.category != "commentary"]
        actors = {i for e in entries for i in e.actor_ids if self._is_kind(i, question.kinds) and i not in self.collectives}
        return sorted(a for a in actors if all(any(a in e.actor_ids and self.involves(e, p) for e in entries) for p in parties))

    def _list(self, question: Question) -> Answer | None:
        if question.entities and question.types:
            answer = self._who(question)
            if answer:
                return self._unless_a_sentence_tells_more(question, answer)
        if question.types and not [e for e in question.entities if e not in self.collectives]:
            answer = self._actors_on(question)  # 哪些专家评论了备付金集中存管?
            if answer:
                return answer
        words = [c for c in self.reader.concepts(question) if c.kind == "word"]
        named_entity = [e for e in question.entities if e not in self.collectives]
        if words and (named_entity or not question.kinds or len(words) >= 2):
            # 网联的股东有哪些? 哪三家支付机构被吊销牌照? Told in a sentence, not as an event.
            # ("Which regulatory documents are cited?" asks for a kind, not for a sentence.)
            named = self._named_in_sentences(question)
            if named or "place" in question.kinds or named_entity:
                return named
        # The kind asked, else the kind of a group it names (银行…几家: banks), else payment institutions.
        grouped = [self.entities[c]["type"] for c in question.entities if c in self.collectives and c in self.entities]
        kinds = question.kinds or grouped or ["payment_institution"]
        listed = [
            e for e in self.entities.values()
            if e["type"] in kinds and e["mentions"] and e["id"] not in self.collectives
        ]  # fmt: skip
        if not listed:
            return None
        listed.sort(key=lambda e: -e["mentions"])
        text = ", ".join(f"{e['name']} ({e['mentions']} mentions)" for e in listed)
        if question.types:
            # "Which banks closed their direct channels?" with no such act stored: the ones the
            # sources name, said as that, never as those who did it
            text = f"Named in the sources (which of them did it, no stored fact tells): {text}"
        evidence = list({ev["sentence"]: ev for e in listed[:3] for ev in self.store.entity_evidence(e["id"], limit=1)}.values())
        return Answer(text, "entities", 0.8, [_evidence(ev, [ev["text_as_written"]]) for ev in evidence],
                      entities=[e["id"] for e in listed], count=len(listed))  # fmt: skip

    def _count(self, question: Question) -> Answer | None:
        if question.asks_share:
            # "What percentage …", 持股比例是多少: a percentage a sentence gives, or the dated figure
            # of the share when the question names what it is of (首次交存的平均比例).
            return self._share(question) or (self._figure(question) if question.counted else None)
        if question.asks_amount:
            # "How much did the balance fall?", 注册资本是多少: the sum the clause telling the
            # question gives; else a dated figure of the counted thing, a number a sentence gives it.
            return self._amount(question) or (self._figure(question) or self._quantity(question) if question.counted else None)
        lowered = question.text.lower()
        targets = grammar().count_targets
        # What is counted decides: 截至报道时，共有多少家银行… counts banks, though 报道 is an article word.
        where = (question.counted or "").lower() or lowered
        asks = {kind for kind, words in targets.items() if any(w in where for w in words)}
        if not asks and question.counted and not any(has_word(lowered, w) for w in grammar().mention_words):
            # 全国有多少家支付机构? A dated figure the sources give of the counted thing; else a
            # number a sentence gives, when one tells it of the counted thing.
            answer = self._figure(question) or self._quantity(question)
            if answer or not question.kinds:
                return answer
        if "articles" in asks and question.dates and not question.entities:
            return self._articles_in(question)
        if question.entities and "articles" in asks:
            entity = self.entities.get(question.entities[0])
            if entity is None:
                return None
            return Answer(f"{entity['articles']} articles mention {entity['name']}.", "count", 0.9,
                          entities=[entity["id"]], count=entity["articles"])  # fmt: skip
        if question.entities and "events" in asks:
            entries = self.matching(question, types=question.types)
            if not entries:
                return None
            text = f"{len(entries)} timeline entries involve {', '.join(self.name(e) for e in question.entities)}."
            answer = self._from_entries(entries, text, "count", question)
            answer.count = len(entries)
            return answer
        listed = self._list(question)
        if listed:
            # The count, then who: the names alone, as a count's line holds no other number.
            names = ", ".join(self.name(i) for i in listed.entities)
            rest = listed.answer.split("\n", 1)[1:]
            listed.answer_type, listed.answer = "count", "\n".join([f"{listed.count}: {names}", *rest])
        return listed

    def _figure(self, question: Question) -> Answer | None:
        """"How many banks had connected to NetsUnion by June 30?" The stored figure of the counted
        thing whose entry takes part of the question's parties and date and whose sentence tells
        most of the rest of it; said with its date, as of which it holds."""
        counted = self.reader.counted(question.counted)
        # 多少家支付机构 asked of English sources: the counted group's names in both languages.
        named = [e for e in question.entities if e in self.collectives and question.names.get(e, "") in question.counted]
        variants = [*counted.variants, *(n for e in named for n in self._aliases(e))]
        concepts = [c for c in self.reader.concepts(question, skip=(question.counted, *counted.variants)) if c.kind == "word"]
        planned = any(has_word(question.text.lower(), w) for w in grammar().hedges)
        best, best_key = None, None
        for entry in self.entries:
            if entry.type != "statistic":
                continue
            # A figure holds for its date: asked for a day or a month, one of a quarter is not it;
            # one of a month ("截至目前" in a June article, "at the end of June") answers a day of it.
            if question.dates and not any(_within(entry, t.value, loose=entry.granularity == "month") for t in question.dates):
                continue
            if (question.month_days or question.months) and not self._in_asked_months(entry, question):
                continue
            if not all(self.involves(entry, e) for e in question.entities if e not in self.collectives):
                continue
            if planned and entry.factuality not in ("planned", "speculative"):
                continue  # "How many banks are expected to …": a figure already reached is not the one asked
            told = max(self.reader.coverage(concepts, s["sentence"]) for s in entry.sources)
            for figure in figures(entry):
                if not any(has(v, figure.context) for v in variants) and not _in_the_asked_measure(figure, entry, question, variants):
                    continue
                phrase = has(counted.label, figure.context)  # "large banks" itself, not only "banks"
                key = (phrase, told, entry.factuality == "asserted", entry.value is not None)
                if best_key is None or key > best_key:
                    best, best_key = figure, key
        if best is None or best_key[1] < MIN_FIGURE_COVERAGE:
            return None
        entry = best.entry
        text = f"{shown_in_scale(best.value, question.counted)} ({best.said}), as of {entry.display_date}: {entry.summary}" + _factuality_note(entry)
        answer = self._from_entries([entry], text, "count", question, dates=[entry.value] if entry.value else [])
        asked = best.value / (asked_scale(question.counted) or 1)
        answer.count = int(asked) if float(asked).is_integer() else None
        return answer

    def _what_happened(self, question: Question) -> Answer | None:
        if not question.dates and not question.entities:
            return None
        entries = self.matching(question, types=[t for t in question.types] or [])
        if question.dates:
            entries.sort(key=lambda e: (e.date or "", e.id))
        if not entries:
            return None
        lines = [f"{e.display_date}: {e.summary}" + _factuality_note(e) for e in entries[:MAX_LISTED]]
        return self._from_entries(entries[:MAX_LISTED], "\n".join(lines), "events", question,
                                  dates=[e.value for e in entries[:MAX_LISTED] if e.value])  # fmt: skip

    def _requires(self, question: Question) -> Answer | None:
        undated = replace(question, dates=[])
        entries = [e for e in self.matching(undated, types=["require", "prohibit", "deadline"]) if e.actor_ids or e.document_id]
        if question.dates:  # "in August 2017", "from 30 June 2018": when it was required, or its deadline
            entries = [e for e in entries if any(_within(e, t.value, loose=True) or _deadline_in(e, t.value) for t in question.dates)]
        if not entries:
            # "What do the Bar Code Payment Business Standards require?": what the sources tell of the rule.
            documents = [e for e in question.entities if self.entities.get(e, {}).get("type") == "document"]
            entries = [e for e in self.matching(undated, types=[]) if e.category == "regulatory" and e.document_id in documents]
        if not entries:
            return None
        entries.sort(key=lambda e: (e.type != "require", e.date or ""))
        lines = [f"{e.display_date}: {e.summary}" + _factuality_note(e) for e in entries[:MAX_LISTED]]
        dates = [d for e in entries[:MAX_LISTED] for d in (e.value, e.deadline) if d]
        return self._from_entries(entries[:MAX_LISTED], "\n".join(lines), "events", question, dates=dates)

    def _what_is(self, question: Question) -> Answer | None:
        if question.entities:
            entity = self.entities.get(question.entities[0])
            if entity is None:
                return None
            if not self._only_about(question):
                return self._attribute(question)
            if entity["type"] in ("person", "document"):
                return self._profile(entity["id"])
            found = self._defining_sentences(question, entity_id=entity["id"])
            kind = entity["type"].replace("_", " ")
            names = " / ".join(n for n in (entity["names"]["en"], entity["names"]["zh"]) if n) or entity["name"]
            text = f"{names}: {kind}" + (f", part of {self.name(entity['parent'])}" if entity["parent"] else "")
            if found:
                text += f". {found[0]['sentence']}"
            milestones = self._milestones(entity["id"])
            if milestones:
                text += "\nKey dates: " + "; ".join(f"{e.display_date} {e.summary}" for e in milestones)
            evidence = [_evidence(s, self._aliases(entity["id"])) for s in found[:3]]
            evidence += [_evidence(e.sources[0], self._aliases(entity["id"])) for e in milestones]
            return Answer(text, "definition", 0.8, evidence, events=[e.id for e in milestones], entities=[entity["id"]],
                          dates=[e.value for e in milestones if e.value])  # fmt: skip
        found = self._defining_sentences(question)
        if question.defined and question.defined not in grammar().what_is_words and not question.subjects:
            # "What is the registered address of the company?": a sentence that never names an
            # address defines none, however many of the other words it holds.
            found = [s for s in found if _names_word(s["sentence"], question.defined)]
        if not found:
            return None
        named = self.store.entities_in_sentence(found[0]["id"])
        text = found[0]["sentence"] + (f" ({', '.join(self.name(e) for e in named)})" if named else "")
        return Answer(text, "definition", 0.6, [_evidence(s, question.terms) for s in found[:3]], entities=named)

    def _milestones(self, entity_id: str) -> list[Entry]:
        """An organisation's dated beginnings as the stored facts tell them, each with its source:
        approved, founded, launched, by date (asserted facts of original articles only)."""
        entries = [
            e for e in self.by_entity.get(entity_id, ())
            if e.type in MILESTONE_TYPES and e.date and e.factuality == "asserted" and not e.conflict
            and self._began(e, entity_id) and any(not s.get("repost") for s in e.sources)
        ]  # fmt: skip
        return sorted(entries, key=lambda e: e.date)[:MAX_MILESTONES]

    @staticmethod
    def _began(entry: Entry, entity_id: str) -> bool:
        """The entry tells the entity's own beginning: it was approved, it was founded (it
        registered, or someone founded it), it launched (or was launched, by nobody named)."""
        if entry.type == "approve":
            return entity_id in entry.target_ids
        if entry.type == "found":
            return entity_id in (*entry.actor_ids, *entry.target_ids)
        return entity_id in entry.actor_ids or (entity_id in entry.target_ids and not entry.actor_ids)

    def _relation(self, question: Question) -> Answer | None:
        if len(question.entities) == 1:
            # 网联和备付金集中存管有什么关系? An entity and a notion: the sentences that tell both.
            readings = self.reader.read(question, self.reader.concepts(question), min_share=0.5)
            if not readings:
                return None
            return Answer(readings[0].sentence["sentence"], "relation", 0.5, [_evidence(r.sentence, _words(r)) for r in readings[:3]],
                          entities=question.entities)  # fmt: skip
        if len(question.entities) < 2:
            return None
        a, b = (self.expand(question.entities[0]), self.expand(question.entities[1]))
        found = [r for r in self.relations if (r.subject in a and r.object in b) or (r.subject in b and r.object in a)]
        together = self._together(question.entities[0], question.entities[1])
        if not found and not together:
            return None
        if not found:
            text = f"No relation between {self.name(question.entities[0])} and {self.name(question.entities[1])} is told as an event; the sources name them together here:"
            hl = self._aliases(question.entities[0]) + self._aliases(question.entities[1])
            return Answer(text + "\n" + together[0]["sentence"], "relation", 0.5, [_evidence(s, hl) for s in together[:10]],
                          entities=question.entities[:2])  # fmt: skip
        seen, lines, entry_ids, evidence = set(), [], [], []
        for r in found:
            line = r.summary or f"{self.name(r.subject)} {r.predicate.replace('_', ' ')} {self.name(r.object)}"
            line += f" ({r.display_date})" if r.display_date and r.display_date != "undated" else ""
            line += f" [{r.factuality}]" if r.factuality not in ("asserted", None) else ""
            if line in seen:
                continue
            seen.add(line)
            lines.append(line)
            entry_ids += [r.entry_id] if r.entry_id else []
            evidence += [s for s in r.sources if s.get("sentence")][:1]
        hl = self._aliases(question.entities[0]) + self._aliases(question.entities[1])
        evidence += [s for s in together if s["sentence"] not in {e.get("sentence") for e in evidence}]
        dates = [self.by_id[i].value for i in entry_ids if i in self.by_id and self.by_id[i].value]
        return Answer("\n".join(lines), "relation", 0.85, [_evidence(s, hl) for s in evidence[:8]], events=entry_ids,
                      entities=question.entities[:2], dates=list(dict.fromkeys(dates)))  # fmt: skip

    def _yes_no(self, question: Question) -> Answer | None:
        person = next((e for e in question.entities if self.entities.get(e, {}).get("type") == "person"), None)
        if person and question.roles:
            answer = self._office_yes_no(question, person)  # "Is Zhang Xuyang the chairman of the board?"
            if answer:
                return answer
        if not question.entities:
            # "Did the ratio reach 50% in April 2018?": a stored figure of that time telling it
            figure = self._figure_held_then(question) if question.figures and question.dates else None
            if figure is not None:
                return figure
            # 集中存管的备付金有利息吗? About nobody in particular: only a sentence telling most of it.
            return self._read_yes_no(question, min_share=0.6, min_words=2)
        if not question.types:
            return self._read_yes_no(question, min_share=0.5)  # 网联采用三地三中心的架构吗? Only a sentence can tell.
        core = [t for t in question.types if t not in SPEECH_TYPES]
        speech = [t for t in question.types if t in SPEECH_TYPES]
        # 发布声明否认…, "issued a statement denying …": the statement is the denial asked
        speech = [t for t in speech if t in ANSWERING_TYPES] or speech
        told_alone = [t for t in core if t in ACTS_NOT_TOLD_BY_THEIR_OBJECT]
        if told_alone:
            core = told_alone[:1]  # (央行是否推迟了…最后期限: the postponing, whatever order the words came in)
        # "Did UnionPay deny Alipay's access?": the asked speaker's own word first, then the act it is about.
        entries = [e for e in self.matching(question, types=speech)
                   if self._acted_by(e, question.actor) and self._tells_the_act(e, core)] if speech else []
        entries = entries or self._answers_naming_the_rest(question, speech)
        entries = entries or self.matching(question, types=core or speech)
        # The act first, what it acts on after ("retract the announcement", "Did WeChat Pay's
        # barcode cooperation with UnionPay go live?": the launch, then the cooperation).
        entries.sort(key=lambda e: question.types.index(e.type))
        other_days = not entries and bool(question.dates)
        if other_days:
            # "Did Tenpay sign with UnionPay on May 11, 2018?": the act between those parties,
            # told on another day only, is a No said with its day (checked below), never a Yes.
            entries = self.matching(replace(question, dates=[]), types=core or speech)
        if not entries and core and speech:
            # "Did UnionPay confirm Alipay's access?": the speaker need not be a party of the access.
            others = [e for e in question.entities if self._acts(e, speech)]
            entries = self.matching(_without(question, others), types=core)
        if not entries and (len(question.entities) > 1 or question.dates or question.month_days):
            # "Did the association issue the January 13 notice?": the act, on what was asked, by
            # someone else is a No (said with who did it); the asked actor is left out to find it.
            by_another = self._done_by_another(question, core or speech)
            entries = [by_another] if by_another else []
        if not entries:
            other = self._told_of_another(question, core)
            if other:
                return self._not_by_the_asked(other, question)
            return self._read_yes_no(question, min_share=0.6, min_words=2)
        best = max(entries, key=lambda e: self._acted_by(e, question.actor))  # stable: the best ranked of those
        if not best.value:
            # an undated report of an act the sources date elsewhere is answered by the dated one
            best = next((e for e in entries if e.value and _retells(best, e) and self._acted_by(e, question.actor)), best)
        # 网联试运行期间怎么收费已经确定了吗? The launch is an event, but the question asks about its
        # fees: a sentence telling more of the question than the event's own sentences answers it.
        beyond = self.reader.beyond_the_act(question)
        told = self.reader.coverage(beyond, " ".join(s["sentence"] for s in best.sources))
        if self._dated_elsewhere(entries, best, question, tells_the_act=(not beyond or told >= 0.5) and not self._figures_untold(best, question)):
            # "Was the August 4, 2017 notice issued by UnionPay?": another did the act of that
            # day, which says more than the day of UnionPay's own notice
            on_the_day = self._done_by_another(question, core or speech) if other_days else None
            if on_the_day is not None:
                return self._not_by_the_asked(on_the_day, question)
            text = f"No: the sources date it {best.display_date}. {best.display_date}: {best.summary}" + _factuality_note(best)
            answer = self._from_entries([best], text, "yes_no", question, dates=[best.value] if best.value else [])
            answer.yes_no, answer.factuality = False, best.factuality
            return answer
        if beyond and told < 0.5 and not speech:
            # "Did NetsUnion issue the notice on the centralized deposit?": NetsUnion issued
            # something else; the act those words tell was another's.
            other = self._told_of_another(question, core)
            if other:
                return self._not_by_the_asked(other, question)
        sentence = self._read_yes_no(question, min_share=0.75, instead=False) if beyond and told < 0.5 else None
        if sentence and sentence.yes_no is not None:
            return sentence  # (a sentence that only bears on it tells less than the stored act: that is shown below)
        denials = [reason for reason in best.conflict_reasons if reason.startswith(("deny", "retract"))]
        disputed = best.conflict and any("denied" in reason for reason in best.conflict_reasons)
        told_by_speaker = bool(speech) and best.type not in SPEECH_TYPES and self._told_by_the_asked_speaker(best, question)
        said_by_speaker = not speech or best.type in SPEECH_TYPES or told_by_speaker
        # Asked of a speaker ("Did NetsUnion deny Alipay's access?"), the entry is the act spoken of:
        # who did that act is no answer; who spoke of it is (and a speaker telling of others' act
        # is no actor of it).
        other = None if told_by_speaker else (self._contrary(best, question) if said_by_speaker
                                              else self._other_speaker(best, question, speech))
        if self._within_the_asked_limit(best, question):
            # "Did Alipay sign with UnionPay before September 2018?", told of September 10: before
            # it or by it, the words allow both; the sources tell the day, not the answer
            verdict, yes_no = "The sources do not say so; what they tell of it", None
        elif "announce" in speech and (denials or disputed or best.factuality == "reported"):
            # "Did UnionPay confirm it?": no, whatever else was said of the event itself.
            verdict, yes_no = "No", False
        elif other:
            verdict, yes_no = f"No: {other}", False
        elif best.factuality == "denied" or denials:
            verdict, yes_no = "No", "denied"
        elif disputed:
            verdict, yes_no = "The sources disagree", "disputed"
        elif best.factuality == "reported":
            verdict, yes_no = "Reported, not confirmed", "reported"
        elif best.factuality in ("planned", "required", "speculative"):
            verdict, yes_no = f"Not as a fact: it was {best.factuality}", best.factuality
        elif self._date_unconfirmed(best, question) and (on_the_day := self._done_that_day_by_another(question, core or speech)):
            # "Did Bank of China announce it on July 31?": the sources date the bank's announcement
            # less exactly, and tell that another bank announced on that day.
            return self._not_by_the_asked(on_the_day, question)
        elif (not said_by_speaker or (beyond and told < 0.5) or self._date_unconfirmed(best, question) or question.ends
              or self._unnamed_product(best, question) or self._figures_untold(best, question)
              or self._by_the_whole_group(best, question) or self._asked_word_untold(best, question)):
            # The act is stored, but not all that was asked of it: who said it, the thing it was
            # about, the day. What is stored is shown; nothing is affirmed, unless a sentence
            # telling most of the question says No (网联是否保留了…公告? "网联随后又删除了相关公告").
            said_no = self._read_yes_no(question, min_share=0.6, min_words=2)
            if said_no is not None and said_no.yes_no is False:
                return said_no
            verdict, yes_no = "The sources do not say so; what they tell of it", None
        elif contrary := [w for s in best.sources[:MAX_EVIDENCE] for w in self.reader.contrary_words(question, s["sentence"])]:
            # "Did CITIC Bank announce it would open a new interface?": its announcement said close
            verdict, yes_no = f"No: the sources say {contrary[0]!r}", False
        else:
            verdict, yes_no = "Yes", True
        if other_days and yes_no is not False:
            # Found only on other days than the asked one: a No (another party did it) stands,
            # nothing else does; what a sentence tells is the answer, unless the act the
            # question's words tell was another party's at the asked time ("Did the department
            # issue the January 2017 notice…?").
            other = self._told_of_another(question, core)
            if other is None:
                # "Was the August 4, 2017 notice issued by UnionPay?": UnionPay issued other things
                # on other days; the act of the asked day was another's.
                other = self._done_by_another(question, core or speech)
            return self._not_by_the_asked(other, question) if other else self._read_yes_no(question, min_share=0.6, min_words=2)
        text = f"{verdict}. {best.display_date}: {best.summary}" + _factuality_note(best)
        answer = self._from_entries([best], text, "yes_no", question, dates=[best.value] if best.value else [])
        answer.yes_no, answer.factuality = yes_no, best.factuality
        return answer

    def _figure_held_then(self, question: Question) -> Answer | None:
        """Yes when a stored figure (a statistic) dated within the asked time gives the asked
        amount beside that date, and its sentences tell every other word of the question ("the
        ratio … reached about 50% in April" for "Did the ratio reach 50% in April 2018?"; not
        for "the share of transactions"). Nothing otherwise: the sentences are read instead."""
        words = [c for c in self.reader.concepts(question) if c.kind == "word" and not re.fullmatch(r"[\d.,%]+", c.label)]
        held = [e for e in self.entries if e.type == "statistic" and e.value and e.factuality == "asserted"
                and any(_within(e, t.value) for t in question.dates) and not self._figures_untold(e, question)
                and self.reader.coverage(words, " ".join(s["sentence"] for s in e.sources)) == 1.0]
        if not held:
            return None
        best = held[0]
        answer = self._from_entries([best], f"Yes. {best.display_date}: {best.summary}", "yes_no", question, dates=[best.value])
        answer.yes_no, answer.factuality = True, best.factuality
        return answer

    def _unnamed_product(self, entry: Entry, question: Question) -> bool:
        """A product asked beside its owner ("the WeChat Pay agreement with Tenpay") that the
        entry's sources never name: the act is the owner's, but not told as the product's."""
        asked = self._asked_parties(question)
        dropped = [e for e in question.entities if e not in asked and not self.involves(entry, e)]
        if not dropped:
            return False
        named = {i for s in entry.sources for i in self.store.entities_at(s["article_id"], s["sentence_idx"])}
        return any(e not in named for e in dropped)

    def _told_of_another(self, question: Question, types: list[str]) -> Entry | None:
        """The asked act, as the question's own words tell it (the notice on the centralized
        deposit), done by another party than the one asked: an entry of the asked type whose
        sentences tell nearly all those words, that the asked party is no actor of, on the asked
        day if one was asked. None when no such entry, or when the asked party did it too."""
        # What the act is about, in the question's words: not the names of its parties.
        name_words = {w.lower() for name in question.names.values() for w in re.findall(r"\w+", name)}
        beyond = [c for c in self.reader.beyond_the_act(question) if c.label.lower() not in name_words]
        types = [t for t in types if t not in ACTS_OF_MANY]  # (JD's switch-over is no "No" to Tenpay's)
        if not question.actor or not types or len(beyond) < 2:
            return None
        best, best_key = None, None
        for entry in self.matching(self._without_the_asked(question), types=types):
            told = self.reader.coverage(beyond, " ".join(s["sentence"] for s in entry.sources))
            if told < SUBSTITUTE_SHARE or not entry.actor_ids or not self._on_the_asked_day(entry, question):
                continue
            if self._for_the_asked(entry, question):
                continue  # the central bank acting may be its department acting: no other party
            if self._acted_by(entry, question.actor):
                return None  # the asked party did the act those words tell
            key = (-types.index(entry.type), told)  # the act the question asks first ("issue … the deposit")
            if best_key is None or key > best_key:
                best, best_key = entry, key
        return best

    def _office_yes_no(self, question: Question, person: str) -> Answer | None:
        """"Is Zhang Xuyang the chairman of the board?" from the stored roles: Yes when the person
        holds an office of the asked family (at the asked organisation, if one is asked); No when
        the sources name someone else in that office at the organisation asked, or at the
        person's own; else nothing is said here."""
        # The office is what is asked only when it is said of the person, after the name ("Is Zhang
        # Xuyang the chairman…?", 张旭阳是网联的董事长吗?); "网联监事长张旭阳是否来自支付宝?" only
        # names him by it and asks something else.
        named_at = question.text.find(question.names.get(person, "\0"))
        family = _role_family(question.text[named_at:]) if named_at >= 0 else None
        if family is None or family != _role_family(question.text[named_at + len(question.names.get(person, "")):]):
            return None
        rows = self.store.people_roles()
        asked = {i for e in question.entities if e != person for i in self.expand(e)}
        own = {r["affiliation"] for r in rows if r["entity_id"] == person and r["affiliation"]}
        where = asked or own
        held = [r for r in rows if r["entity_id"] == person and _role_family(r["role"]) == family and (not asked or r["affiliation"] in asked)]
        others = [r for r in rows if r["entity_id"] != person and _role_family(r["role"]) == family and r["affiliation"] in where]
        if held and not hedged(held[0]["role"]):
            verdict, yes_no, row = "Yes", True, held[0]
        elif others and not held:
            verdict, yes_no, row = f"No: the sources name {self.name(others[0]['entity_id'])} as {others[0]['role']}", False, others[0]
        else:
            return None
        line = f"{self.name(row['entity_id'])}: {row['role']}" + (f", {self.name(row['affiliation'])}" if row["affiliation"] else "")
        evidence = self.store.entity_evidence(row["entity_id"], limit=2)
        answer = Answer(f"{verdict}. {line}", "yes_no", 0.7, [_evidence(ev, [ev["text_as_written"]]) for ev in evidence],
                        entities=[person, row["entity_id"]])  # fmt: skip
        answer.yes_no = yes_no
        return answer

    def _done_that_day_by_another(self, question: Question, types: list[str]) -> Entry | None:
        """The asked act on the asked day (a day asked, not a month), done by another party than
        the asked one, and by nobody the asked party stands for."""
        if not question.actor or not question.month_days or question.date_side:
            return None  # (before or after a day, another's act tells nothing of the asked one's)
        return next((e for e in self._done_by_others(question, types) if not self._for_the_asked(e, question)), None)

    def _done_by_another(self, question: Question, types: list[str]) -> Entry | None:
        """The best ranked entry of the asked act done by another than the asked actor; none when
        no actor is asked, or the day is asked as a side (before, after) rather than as the day."""
        if not question.actor or question.date_side:
            return None
        return next(self._done_by_others(question, types), None)

    def _done_by_others(self, question: Question, types: list[str]) -> Iterator[Entry]:
        """Entries of the asked act, on the asked day if one was asked, that the question's other
        parties take part in and someone other than the asked actor did; best ranked first."""
        one_doer = [t for t in types if t not in ACTS_OF_MANY]
        if not one_doer:
            return
        for entry in self.matching(self._without_the_asked(question), types=one_doer):
            # (the PBOC's act, asked of its department, may be the department's: no other party)
            if entry.actor_ids and not self._acted_by(entry, question.actor) and self._on_the_asked_day(entry, question) \
                    and not self._by_a_body_of_the_asked(entry, question):
                yield entry

    def _without_the_asked(self, question: Question) -> Question:
        """The question without its actor, nor the body the actor is named as part of ("the PBOC's
        Payment and Settlement Department": the PBOC says whose unit acted, no other party)."""
        wholes = [e for e in question.entities if e != question.actor and question.actor in self.expand(e)]
        return _without(question, [question.actor, *wholes])

    def _for_the_asked(self, entry: Entry, question: Question) -> bool:
        """An actor of the entry the asked one is part of (the PBOC, asked of its department), or
        the whole group of its kind (payment institutions, asked of Tenpay): no other party."""
        return self._by_a_body_of_the_asked(entry, question) or self._by_the_whole_group(entry, question)

    def _by_a_body_of_the_asked(self, entry: Entry, question: Question) -> bool:
        """An actor of the entry is a body the asked one is part of (the PBOC, asked of its department)."""
        return any(question.actor in self.expand(a) for a in entry.actor_ids)

    def _answers_naming_the_rest(self, question: Question, speech: list[str]) -> list[Entry]:
        """"Did UnionPay deny Alipay's access on the night of April 27?": UnionPay's denial whose
        object the store did not link (no target) is the one asked when its own sentences name
        every other asked party; on the asked day, if one was asked."""
        answering = [t for t in speech if t in ANSWERING_TYPES]
        if not answering or not question.actor:
            return []
        rest = [e for e in self._asked_parties(question) if e != question.actor]
        found = []
        for entry in self.matching(_without(question, rest), types=answering):
            if entry.target_ids or not self._acted_by(entry, question.actor):
                continue
            named = {i for s in entry.sources for i in self.store.entities_at(s["article_id"], s["sentence_idx"])}
            if all(any(e in named for e in self.expand(r)) for r in rest):
                found.append(entry)
        return found

    @staticmethod
    def _tells_the_act(entry: Entry, types: list[str]) -> bool:
        """Whether the sentences of a statement tell an act of these types (網聯是否宣佈大限將推遲:
        NetsUnion's announcement of its Tenpay deal tells no postponement), by the articles' own
        words for those acts in either language. No types asked: any statement."""
        if not types:
            return True
        taxonomy = load_taxonomy()
        zh = [w for w, t in taxonomy.zh_triggers() if t in types]
        en = [w for t in types for w in (*taxonomy.types[t].en_lemmas, *taxonomy.types[t].en_phrases)]
        for source in entry.sources:
            sentence = readable(source["sentence"]).lower()
            if any(w in sentence for w in zh) or any(re.search(rf"\b{re.escape(w)}", sentence) for w in en):
                return True
        return False

    def _asked_word_untold(self, entry: Entry, question: Question) -> bool:
        """A Chinese question's own word for the act (试运行, a trial run) that none of the entry's
        Chinese sentences writes: another act of the same type was told (网联与财付通…上线 is no
        trial run of the platform). Entries told only in English are read by their type."""
        if question.lang != "zh":
            return False
        # (the type's own word, 上线 for a launch, 接入 for a connection, says no more than the
        # type: a trial run is a launch, as "Did NetsUnion launch …?" is answered in English)
        taxonomy = load_taxonomy()
        generic = {taxonomy.types[t].summary_zh.get("noun") for t in question.types}
        asked = [w for w, t in taxonomy.zh_triggers() if t in question.types and w in question.text and w not in generic]
        chinese = [readable(s["sentence"]) for s in entry.sources if has_cjk(s["sentence"])]
        return bool(asked and chinese) and not any(w in sentence for w in asked for sentence in chinese)

    def _by_the_whole_group(self, entry: Entry, question: Question) -> bool:
        """The act is told of the whole group the asked party belongs to ("payment institutions
        connected", asked of Lakala): neither another party's act nor the asked one's own."""
        kind = self.entities.get(question.actor, {}).get("type")
        return bool(question.actor and entry.actor_ids and question.actor not in self.collectives) and not self._acted_by(entry, question.actor) and all(
            a in self.collectives and self.entities.get(a, {}).get("type") == kind for a in entry.actor_ids)

    def _asked_name(self, question: Question) -> str:
        """The asked actor's name: the store's, or the question's own for a party no source names."""
        return self.name(question.actor) if question.actor in self.entities else question.names.get(question.actor, question.actor)

    def _not_by_the_asked(self, entry: Entry, question: Question) -> Answer:
        other = ", ".join(self.name(i) for i in entry.actor_ids)
        asked = self._asked_name(question)
        text = (f"No: the sources name {other} as the one who did it, not {asked}. "
                f"{entry.display_date}: {entry.summary}" + _factuality_note(entry))
        answer = self._from_entries([entry], text, "yes_no", question, dates=[entry.value] if entry.value else [])
        answer.yes_no, answer.factuality = False, entry.factuality
        return answer

    def _dated_elsewhere(self, entries: list[Entry], best: Entry, question: Question, *, tells_the_act: bool) -> bool:
        """A day was asked, the asked actor did the act, the sources date it to the day, and no
        report of it falls on the asked day: the premise's day is wrong. A year or a month asked
        is wrong the same way when the entry's sentences tell the act the question words
        (tells_the_act), as below."""
        if not self._acted_by(best, question.actor) or _limit_asked_of_an_obligation(best, question):
            return False
        asked_days = [t.value for t in question.dates if len(t.value) == 10]
        if not (asked_days or question.month_days):
            return tells_the_act and self._dated_in_another_period(entries, best, question)
        found = span(best.value) if best.value else None
        if found is None or best.factuality not in ("asserted", "reported"):
            return False
        # dated to the month, only when its sentences tell the act the question words (December
        # 2017 is against December 25, 2016, and holds December 25, 2017)
        if found[2] != "day" and not (found[2] == "month" and tells_the_act):
            return False

        def on_asked_day(entry: Entry) -> bool:
            day = span(entry.value) if entry.value else None
            if day is None:
                return False
            if day[2] == "month" and not question.date_side:
                month = day[0].strftime("%m")
                return any(day[0] <= date.fromisoformat(d) <= day[1] for d in asked_days) or any(md[:2] == month for md in question.month_days)
            if question.date_side:  # "before June 30": any day not beyond the limit
                if question.month_days:
                    return _on_the_side(day, question) is not False
                limits = [date.fromisoformat(d) for d in asked_days]
                return any(day[1] <= limit if question.date_side == "before" else day[0] >= limit for limit in limits)
            return day[0].isoformat() in asked_days or day[0].strftime("%m-%d") in question.month_days

        return not any(on_asked_day(e) for e in entries)

    def _dated_in_another_period(self, entries: list[Entry], best: Entry, question: Question) -> bool:
        """A year or a month was asked ("in 2017"), the sources date the act to the day or the month
        outside that period, and no report of it falls inside it. (The act must be the one the
        question tells: "the January 2017 notice on reserves" is not the department's notice 209.)"""
        asked = [a for a in (span(t.value) for t in question.dates) if a is not None]
        found = span(best.value) if best.value else None
        if not asked or found is None or found[2] not in ("day", "month") or best.factuality not in ("asserted", "reported"):
            return False

        def inside(entry: Entry) -> bool:
            told = span(entry.value) if entry.value else None
            if told is None and any(_retells(entry, other) for other in entries if other.value):
                return False  # an undated retelling of a dated report is that report
            if told is not None and question.date_side == "before":
                return any(told[1] <= a[1] for a in asked)  # "before 2018": any time up to its end
            if told is not None and question.date_side == "after":
                return any(told[0] >= a[0] for a in asked)
            return told is None or any(told[0] <= a[1] and a[0] <= told[1] for a in asked)

        return not any(inside(e) for e in entries)

    def _acted_by(self, entry: Entry, actor: str | None) -> bool:
        """The asked actor did it: an actor of the entry, or any party of an act done together
        (cooperating has no direction: "Did UnionPay sign with Tenpay" is Tenpay's signing too)."""
        if actor is None:
            return True
        parties = [*entry.actor_ids, *entry.target_ids] if entry.type in SYMMETRIC_TYPES else list(entry.actor_ids)
        if self.entities.get(actor, {}).get("type") == "document" and entry.document_id:
            parties.append(entry.document_id)  # "Did the barcode rules take effect on March 1?": the rules act
        return bool(set(parties) & self.expand(actor))

    def _contrary(self, entry: Entry, question: Question) -> str | None:
        """What the sources hold against the question's premise: the act done by someone else,
        or on another day than the one asked. None when the entry agrees."""
        if entry.actor_ids and not self._acted_by(entry, question.actor) and not self._by_the_whole_group(entry, question):
            return f"the sources name {', '.join(self.name(i) for i in entry.actor_ids)} as the one who did it, not {self._asked_name(question)}"
        found = span(entry.value) if entry.value else None
        if _limit_asked_of_an_obligation(entry, question):
            return None  # "required … by June 30": the requirement's deadline is asked, not its date
        if found and question.month_days and question.date_side:
            # "before June 30": the act on the other side of the limit is against it, in its year
            return f"the sources date it {entry.display_date}" if _on_the_side(found, question) is False else None
        if found and question.month_days and found[2] in ("day", "month"):
            months = {md[:2] for md in question.month_days}
            if found[0].strftime("%m") not in months or found[2] == "day" and found[0].strftime("%m-%d") not in question.month_days:
                return f"the sources date it {entry.display_date}"
        if found and question.months and not question.date_side and found[2] in ("day", "month") and found[0].strftime("%m") not in question.months:
            return f"the sources date it {entry.display_date}"  # "in April", told of May
        if found and found[2] == "day" and question.weekdays and found[0].weekday() not in question.weekdays:
            return f"the sources date it {entry.display_date}, a {found[0].strftime('%A')}"
        return None

    def _told_by_the_asked_speaker(self, entry: Entry, question: Question) -> bool:
        """"Did NetsUnion say 462 banks had connected?" against "NetsUnion said on Monday that 462
        banks had connected": a source sentence names the asked speaker, a party of the act, as
        the subject of a speech verb before the act's words (a body speaking for itself tells
        its facts, and no separate statement is stored)."""
        speaker = question.actor or next(iter(question.entities), None)
        if speaker is None or not self.involves(entry, speaker):
            return False
        names = [n for n in self._aliases(speaker) if n]
        verbs = _speech_verbs()
        for source in entry.sources[:MAX_EVIDENCE]:
            sentence = readable(source["sentence"])
            said = [m.start() for m in verbs.finditer(sentence)]
            named = [sentence.find(n) for n in names if n in sentence]
            if said and named and min(named) < said[0] and not re.search(r"[.;。；]", sentence[min(named) : said[0]]):
                return True
        return False

    def _other_speaker(self, entry: Entry, question: Question, speech: list[str]) -> str | None:
        """Another party said what was asked of the speaker: "deny by China UnionPay" against
        "Did NetsUnion deny it?"."""
        said = [r for r in entry.conflict_reasons if r.startswith(tuple(speech))]
        asked = self._asked_name(question) if question.actor else ""
        if said and asked and not any(asked in reason for reason in said):
            return f"the sources tell of {said[0]}, not by {asked}"
        return None

    def _in_asked_months(self, entry: Entry, question: Question) -> bool:
        """The entry lies inside a day or month asked without a year ("on April 1", "in June")."""
        found = span(entry.value) if entry.value else None
        if found is None or found[2] not in ("day", "month"):
            return False
        day, month = found[0].strftime("%m-%d"), found[0].strftime("%m")
        return (found[2] == "day" and day in question.month_days) or month in question.months

    def _on_the_asked_day(self, entry: Entry, question: Question) -> bool:
        """No day asked, or the entry is dated on it ("on April 27" and 2018-04-27), or on its
        side when it is asked as a limit ("before June 30")."""
        if not question.month_days:
            return True
        found = span(entry.value) if entry.value else None
        if found and question.date_side:
            return _on_the_side(found, question) is True
        return bool(found) and found[2] == "day" and found[0].strftime("%m-%d") in question.month_days

    @staticmethod
    def _within_the_asked_limit(entry: Entry, question: Question) -> bool:
        """A month or a year asked as a limit ("before September 2018") and the act told inside it."""
        if not question.date_side or question.month_days or not entry.value:
            return False
        found = span(entry.value)
        asked = [a for a in (span(t.value) for t in question.dates) if a is not None and a[2] in ("month", "year")]
        return found is not None and any(a[0] <= found[0] and found[1] <= a[1] for a in asked)

    def _date_unconfirmed(self, entry: Entry, question: Question) -> bool:
        """A day was asked ("on July 31", "on Saturday") and the sources date the act less exactly
        (or, asked as a limit, across it)."""
        found = span(entry.value) if entry.value else None
        if _limit_asked_of_an_obligation(entry, question):
            return not _limit_asked_is_its_deadline(entry, question)
        if found and question.month_days and question.date_side:
            return _on_the_side(found, question) is not True
        return bool(question.month_days or question.weekdays) and (found is None or found[2] != "day")

    def _search(self, question: Question) -> Answer | None:
        """A question of no known shape about an entity (网联采用什么架构?): a sentence that tells it.
        One that names an event ("How much did Alipay pay to connect?") asks more than a sentence
        with the same words can be trusted to say."""
        return None if question.types else self._attribute(question)

    # -- helpers ------------------------------------------------------------------------

    def _profile(self, entity_id: str) -> Answer | None:
        """Who someone is (roles and where), or what a document did (its events and dates)."""
        profile = entity_profile(self.store, entity_id)
        if profile is None:
            return None
        named = [entity_id]
        for role in profile["roles"]:
            org = role.get("affiliation_id")
            while org and org not in named:  # the centre, and the institute it belongs to
                named.append(org)
                org = self.entities.get(org, {}).get("parent")
        roles = "; ".join(
            r["role"] + (f", {r['affiliation']}" if r["affiliation"] else "")
            + (f" ({self.name(self.entities[r['affiliation_id']]['parent'])})" if r.get("affiliation_id") in self.entities and self.entities[r["affiliation_id"]]["parent"] else "")
            for r in profile["roles"]
        )  # fmt: skip
        text = f"{profile['name']}: {profile['type']}" + (f" — {roles}" if roles else "")
        entries = [e for e in self.entries if e.document_id == entity_id] if profile["type"] == "document" else []
        for entry in entries[:MAX_LISTED]:
            text += f"\n{entry.display_date}: {entry.summary}"
            named += [i for i in entry.actor_ids + entry.target_ids if i not in named]
        text += f"\nNamed {profile['mentions']} times in {profile['articles']} article(s)."
        evidence = [_evidence(ev, [ev["text_as_written"]]) for ev in profile["evidence"][:3]]
        answer = self._from_entries(entries, text, "profile", Question(text="", lang="en", shape="profile"), entities=named,
                                    dates=[d for e in entries for d in (e.value, e.deadline) if d]) if entries else Answer(text, "profile", 0.9, evidence, entities=named)  # fmt: skip
        answer.evidence = answer.evidence or evidence
        return answer

    def _by_role(self, question: Question) -> Answer | None:
        """Who is the CEO of NetsUnion? The people whose stored role is of the asked family at one
        of the named organisations (at any, when none is named), with the role as the source words
        it (有望担任总裁: expected)."""
        organisations = {eid for e in question.entities for eid in self.expand(e)}
        rows = [
            r for r in self.store.people_roles()
            if r["affiliation"] and (not organisations or r["affiliation"] in organisations)
            and _role_family(r["role"]) in question.roles
        ]  # fmt: skip
        if not rows:
            return None
        people = list(dict.fromkeys(r["entity_id"] for r in rows))
        lines = [f"{self.name(r['entity_id'])}: {r['role']}, {self.name(r['affiliation'])}"
                 + (" (expected, not yet held)" if hedged(r["role"]) else "") for r in rows]  # fmt: skip
        evidence = [ev for p in people for ev in self.store.entity_evidence(p, limit=3)]
        return Answer("\n".join(dict.fromkeys(lines)), "entities", 0.8,
                      [_evidence(ev, [ev["text_as_written"]]) for ev in evidence[:3]], entities=people + [r["affiliation"] for r in rows])  # fmt: skip

    def _together(self, first: str, second: str) -> list[dict]:
        """Sentences of original articles that name both entities (or parts of them)."""
        a, b = sorted(self.expand(first)), sorted(self.expand(second))
        return self.store.sentences_naming_both(a, b)

    def _only_about(self, question: Question) -> bool:
        """A "what is X" question asks about X alone, not X's market share in 2019."""
        name_words = {w.lower() for e in question.entities for w in re.findall(r"\w+", question.names.get(e, ""))}
        rest = [t for t in question.terms if t not in name_words and not any(t in n for n in name_words) and re.search(r"\w\w", t)]
        return all(t in grammar().what_is_words for t in rest)

    def _is_kind(self, entity_id: str, kinds: list[str]) -> bool:
        return not kinds or self.entities.get(entity_id, {}).get("type") in kinds

    def _names_one_of(self, entity_id: str, kinds: list[str]) -> bool:
        """An answer to "which bank(s)": an entity of the kind, not the group of them all (商业银行
        restates the question)."""
        return self._is_kind(entity_id, kinds) and not (kinds and entity_id in self.collectives)

    def _acts(self, entity_id: str, types: list[str]) -> bool:
        return any(entity_id in e.actor_ids for e in self.entries if e.type in types)

    def name(self, entity_id: str) -> str:
        """An entity's name; for a name one article discovered (no entity yet), that name. A
        Chinese name goes with its English, as summaries write it ("China CITIC Bank (中信银行)");
        a Chinese answer gives it back in Chinese (in_chinese)."""
        entity = self.entities.get(entity_id, {})
        if entity.get("name") and not has_cjk(entity["name"]):
            return entity["name"]
        stored = self.store.entity_names().get(entity_id, {})  # a discovered name, or the English of a Chinese one
        name = entity.get("name") or stored.get("name") or entity_id
        if not has_cjk(name):
            return name
        english = (entity.get("names") or {}).get("en") or stored.get("name_en")
        return displayed({"name": name, "type": entity.get("type") or stored.get("type"), "name_en": english})

    def _aliases(self, entity_id: str) -> list[str]:
        entity = self.entities.get(entity_id, {})
        return [entity.get("name", "")] + entity.get("aliases_seen", [])

    def _from_entries(self, entries: list[Entry], text: str, kind: str, question: Question, *,
                      dates: list[str] | None = None, entities: list[str] | None = None) -> Answer:  # fmt: skip
        words = [w for e in question.entities for w in self._aliases(e)]
        evidence, seen = [], set()
        for entry in entries[:MAX_LISTED]:
            for source in entry.sources:
                key = source["sentence"]  # the same words in many articles are shown once
                if key in seen or source.get("repost") or len(evidence) >= MAX_EVIDENCE:
                    continue
                seen.add(key)
                item = _evidence(source, words)
                item["highlights"] = sorted(item["highlights"] + [[source["trigger_start"], source["trigger_end"]]])
                item["factuality"] = source["factuality"]
                evidence.append(item)
        facts = {e.factuality for e in entries[:3]}
        confidence = 0.9 if question.entities or question.dates else 0.6
        if entities is None:  # the answer names the asked entities and the parties of what it lists
            entities = list(dict.fromkeys(question.entities + [
                i for e in entries[:MAX_LISTED] for i in (*e.actor_ids, *e.target_ids, e.document_id) if i
            ]))  # fmt: skip
        return Answer(
            text, kind, confidence, evidence, events=[e.id for e in entries[:MAX_LISTED]],
            entities=entities, factuality=facts.pop() if len(facts) == 1 else None,
            dates=list(dict.fromkeys(dates or [])),
        )  # fmt: skip

    def _refuse(self, question: Question) -> Answer:
        words = [(t,) for t in question.terms + question.expansions if len(t) > 1]
        found = [s for s in self.reader.search_all(words, limit=5) if s["score"] <= grammar().relevance_floor]
        text = "The sources in the knowledge base do not answer that."
        if found:
            text += " The most relevant sentences are shown below."
        return Answer(text, "refused", 0.0, [_evidence(s, question.terms) for s in found[:3]])


TITLE_WORD_PREFIX = 6  # letters that make two title words one ("centralised", "centralized")


def _title_word(word: str) -> str:
    """A title word as compared: singular, its first letters ("Rules", "centralised")."""
    word = word.lower()
    return (word[:-1] if word.endswith("s") and len(word) > 3 else word)[:TITLE_WORD_PREFIX]


def _title_fit(title: str, terms: list[str]) -> float:
    """The share of a document title's words the question's words hold, when the question names
    the title's kind of document ("the notice on …") and two words more, or another kind ("the
    notice on channel access" for a letter: reporters call a rule by any kind) and three words
    more; else 0 (the question does not describe the title: "payment institutions" is in most).
    Words from questions.yaml."""
    words = [_title_word(w) for w in re.findall(r"[a-z]+", title.lower().split(" (")[0]) if w not in grammar().title_stop_words]
    asked = {_title_word(t) for t in terms}
    held = [w for w in words if w in asked]
    described = [w for w in held if w not in _title_kinds()]
    same_kind = len(described) < len(held)  # the question names the title's own kind
    if not (same_kind or asked & _title_kinds()) or len(described) < (2 if same_kind else 3):
        return 0.0
    return round(len(held) / len(words), 2)


@cache
def _title_kinds() -> frozenset[str]:
    """questions.yaml's title kinds as title words compare (read once: _title_fit ranks every entry)."""
    return frozenset(_title_word(k) for k in grammar().title_kinds)


_END_CUE = re.compile(r"(?:\bby|\bbefore|\buntil|\btill|no later than|到|至)\s*(?:the\s+)?(?:end of\s+)?$")
_START_CUE = re.compile(r"(?:\bfrom|\bsince|\bstarting|\bas of|\beffective|自|从)\s*(?:the\s+)?$")


@cache
def _speech_verbs() -> re.Pattern:
    """The words of saying (events.yaml's assessment triggers, in their English past forms too)."""
    spec = load_taxonomy().types["assessment"]
    english = [f"{w}s?|{w}e?d" for w in spec.en_lemmas] + ["said", "told", "thought"]
    chinese = [w for w in spec.zh if len(w) > 1]
    return re.compile(rf"\b(?:{'|'.join(english)})\b|{'|'.join(map(re.escape, chinese))}", re.I)


def _limit_asked_of_an_obligation(entry: Entry, question: Question) -> bool:
    """"Did the central bank require banks to close them by June 30?": a limit asked of an
    obligation asks its deadline, not the day it was set (that day is no "No")."""
    return entry.type in OBLIGATIONS and question.date_side == "before"


def _limit_asked_is_its_deadline(entry: Entry, question: Question) -> bool:
    """... and the obligation's deadline is the limit asked."""
    asked = [t.value for t in question.dates]
    deadline = entry.deadline or ""
    return bool(deadline) and (deadline[5:10] in question.month_days or any(deadline.startswith(a) or a.startswith(deadline) for a in asked))


def _on_the_side(found: tuple, question: Question) -> bool | None:
    """Whether a dated span lies wholly on the asked side of the limit asked without a year
    ("before June 30": in that span's year), wholly on the other side (False), or across it (None)."""
    limits = [date(found[0].year, int(md[:2]), int(md[3:])) for md in question.month_days if _real_day(found[0].year, md)]
    if not limits:
        return None
    limit = limits[0]
    before, after = found[1] <= limit, found[0] > limit
    if question.date_side == "after":
        before, after = found[1] < limit, found[0] >= limit
        return True if after else (False if before else None)
    return True if before else (False if after else None)


def _real_day(year: int, month_day: str) -> bool:
    """Whether "MM-DD" is a day of that year (02-29 is not always)."""
    try:
        date(year, int(month_day[:2]), int(month_day[3:]))
    except ValueError:
        return False
    return True


@lru_cache(maxsize=4096)  # a store's roles repeat ("analyst", "reporter"), and every question reads them all
def _role_family(role: str) -> str | None:
    """The family of a role as written, by its head word: the last family word before any "of"
    ("chief analyst" an analyst, "chairman of the board of directors" a chairman), except that
    any word of the supervisors' board makes it theirs ("chairman of the board of supervisors",
    监事长)."""
    lowered = role.lower()
    found = sorted((m.end(), len(w), family) for family, words in grammar().role_words.items() for w in words
                   for m in re.finditer(rf"(?<![a-z]){re.escape(w.lower())}(?![a-z])", lowered))  # fmt: skip
    if any(family == "supervise" for _, _, family in found):
        return "supervise"
    head = lowered.find(" of ")
    before = [f for f in found if head < 0 or f[0] <= head]
    return (before or found)[-1][2] if found else None


# What stands between two names asked as alternatives: "NetsUnion or UnionPay", 网联或银联.
EITHER_OR = re.compile(r"\s*(?:,\s*)?(?:or|或|或者)\s*", re.I)


def _without(question: Question, entity_ids: list[str]) -> Question:
    return replace(question, entities=[e for e in question.entities if e not in entity_ids])


# A document is issued once and takes effect once: any report of that act on it is the same act.
ONCE_PER_DOCUMENT = {"issue", "take_effect"}


def _retells(entry: Entry, other: Entry) -> bool:
    """The same act told again: by the same parties or some of them (an undated "Alipay and
    UnionPay signed" of their September 10 deal with NetsUnion named too), or the one-time act on
    the same document."""
    if entry.type in ONCE_PER_DOCUMENT and entry.document_id and entry.document_id == other.document_id:
        return True
    parties = {*other.actor_ids, *other.target_ids}
    return bool(entry.actor_ids) and set(entry.actor_ids) <= parties and set(entry.target_ids) <= parties


def _within(entry: Entry, value: str, *, loose: bool = False) -> bool:
    """The entry happened in the asked period: inside it ("in May 2018": May 11 is), or, when
    loose, merely overlapping it ("April 2018" overlaps April 27)."""
    asked = span(value)
    if asked is None or entry.date is None:
        return False
    start, end = date.fromisoformat(entry.date), date.fromisoformat(entry.date_end or entry.date)
    if loose:
        return start <= asked[1] and asked[0] <= end
    return asked[0] <= start and end <= asked[1]


def _beyond(entry: Entry, value: str, side: str | None) -> bool:
    """The entry lies wholly on the asked side of a limit ("before October 2018": any time before
    October begins)."""
    asked = span(value)
    if side is None or asked is None or entry.date is None:
        return False
    start, end = date.fromisoformat(entry.date), date.fromisoformat(entry.date_end or entry.date)
    return end < asked[0] if side == "before" else start > asked[1]


def _in_order(entry: Entry, order: str | None) -> tuple:
    """A key that ranks the earliest entry first for "the first …", the latest for "the last …"
    (ranks sort in reverse). An entry is earlier only when it surely is: by the last day it may
    fall on ("March 2017" is no earlier than "2017-03-31"), and of two that end alike the finer."""
    found = span(entry.value) if order and entry.date else None
    if found is None:
        return ()
    first, last, _ = found
    finer = -(last - first).days
    return (last.toordinal(), finer) if order == "last" else (-last.toordinal(), finer)


def _deadline_in(entry: Entry, value: str) -> bool:
    asked = span(value)
    deadline = span(entry.deadline) if entry.deadline else None
    return bool(asked and deadline and asked[0] <= deadline[0] <= asked[1])


def _in_phrases(text: str, phrases: tuple[tuple[str, str], ...]) -> str:
    """An answer's own English words in Chinese (questions.yaml: chinese_phrases)."""
    for english, chinese in phrases:
        text = text.replace(english, chinese)
    return text


def _factuality_note(entry: Entry) -> str:
    note = f" ({entry.factuality})" if entry.factuality != "asserted" else ""
    if entry.conflict:
        note += f" — conflicting: {'; '.join(entry.conflict_reasons)}"
    return note


# rapidfuzz ratio from which a word of a sentence is the asked word misspelt ("disconection" for
# disconnection, 96); "addressed" is not "address" (88).
SAME_WORD_RATIO = 90


def _names_word(sentence: str, word: str) -> bool:
    """Whether an English sentence writes `word` (a lemma), inflected or misspelt a little."""
    written = re.findall(r"[a-z]+", sentence.lower())
    return any(w in (word, word + "s", word + "es") or fuzz.ratio(w, word) >= SAME_WORD_RATIO for w in written)


def _in_the_asked_measure(figure, entry: Entry, question: Question, variants: list[str]) -> bool:
    """多少笔业务 asked of 网联平台共处理业务量超过3亿笔: a figure in the measure word the question
    counts in, whose sentence names the counted thing elsewhere than after the number."""
    return bool(question.measure) and figure.said.endswith(question.measure) and any(
        has(v, source["sentence"]) for source in entry.sources for v in variants)
