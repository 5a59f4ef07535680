"""Answers read off sentences, for what the articles tell but no event records: a number
(全国有多少家支付机构?), a yes or no (网联直接开展支付业务吗?), what a sentence names (网联的股东有哪些?),
a date a sentence gives, a definition. Mixed into Knowledge; the reading itself is sentences.py.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.extract.entities.table import has_cjk
from pipeline.views.dates import display, span
from pipeline.views.figures import amounts_at, asked_scale, shown, shown_in_scale
from pipeline.views.questions.model import Answer
from pipeline.views.questions.model import evidence as _evidence
from pipeline.views.questions.model import marked_words as _words
from pipeline.views.questions.model import terms_told
from pipeline.views.questions.sentences import clause_bounds, has, hedged, readable, where
from pipeline.views.questions.understand import Question, grammar


# How much of a question's other words a sentence must tell before the party it names in
# place of the asked one is taken as the answer: nearly all, or it may tell another act.
SUBSTITUTE_SHARE = 0.75
# Acts many parties do each for themselves: another's connecting says nothing of the asked one's
# ("Did Lakala connect to UnionPay?" is no "No" because Tenpay did; a deal with Alipay is no "No"
# to one with Tenpay).
ACTS_OF_MANY = {"connect", "cooperate", "switch_traffic", "complete", "deposit", "launch", "statistic"}
TIED_READINGS = 3  # sentences weighed together for a yes/no read off the text
TIED_SHARE = 0.1  # ... when they tell this nearly as much of the question as the best one
SHARE_READINGS = 20  # sentences whose percentages are weighed for a share question
# ... and whose sums of money are weighed for an amount: more, as "reserve balance" finds every
# sentence on reserves before the few on the balance
AMOUNT_READINGS = 200
# A sum "currently" held: what the sources date within this many days before they were written
# (a monthly figure is published some weeks after its month ends).
PRESENT_DAYS = 62
UNKNOWN_YEAR = 2000  # where a date of an undated article is placed to compare its month with an asked one
# The kinds of entity one can stand in place of another in a question's premise.
_PARTIES = {"person": "person", "place": "place", "document": "document", "product": "product"}


def _broad_kind(entity_type: str | None) -> str | None:
    """person, place, document, product, or organisation (a bank, a regulator, a company...)."""
    if entity_type is None:
        return None
    return _PARTIES.get(entity_type, "organisation")


class SentenceAnswers:
    def _attribute(self, question: Question) -> Answer | None:
        """网联采用什么架构? A sentence naming the entity and telling every other word of the
        question; no such sentence, no answer (Alipay's market share in 2019)."""
        if not question.entities:
            return None
        concepts = self.reader.concepts(question)
        if not [c for c in concepts if c.kind == "word"]:
            return None
        for reading in self.reader.read(question, concepts, min_share=1.0):
            if reading.in_sentence:
                return Answer(reading.sentence["sentence"], "definition", 0.5, [_evidence(reading.sentence, _words(reading))],
                              entities=question.entities[:1])  # fmt: skip
        return None

    def _actors_on(self, question: Question) -> Answer | None:
        """Who did the asked act, in the articles that tell the question's subject: the analysts
        commenting in the articles on reserve deposit, not every analyst of the store."""
        concepts = self.reader.beyond_the_act(question)  # the subject, not the act ("评论")
        entries = self.matching(replace(question, entities=[]), facts_only=False)
        if concepts:
            articles = {r.sentence["article_id"] for r in self.reader.read(question, concepts, min_share=0.5)}
            entries = [e for e in entries if any(s["article_id"] in articles for s in e.sources)]
        if question.asks_for_one:
            # The acts whose own sentences tell most of the question: "which department issued the
            # notice on cancelling the reserve accounts" is not answered by every issuer there.
            told = {e.id: terms_told(e, question.terms) for e in entries}
            most = max(told.values(), default=0)
            entries = [e for e in entries if told[e.id] == most]
        found = list(dict.fromkeys(i for e in entries for i in e.actor_ids if self._is_kind(i, question.kinds) and i not in self.collectives))
        if not found:
            return None
        used = [e for e in entries if set(e.actor_ids) & set(found)]
        return self._from_entries(used, ", ".join(self.name(i) for i in found), "entities", question, entities=found)

    def _named_in_sentences(self, question: Question, min_share: float = 0.5) -> Answer | None:
        """网联在哪些城市建设数据中心? 网联的股东有哪些? The things of the asked kind named in the
        sentences telling the entity and most (min_share) other words of the question."""
        concepts = self.reader.concepts(question)
        if not [c for c in concepts if c.kind == "word"]:
            return None
        ids: list[str] = []
        readings = []
        each: list[set[str]] = []  # what each sentence names
        order_words = grammar().order_words.get(question.order, ()) if question.order else ()
        for reading in self.reader.read(question, concepts, min_share=min_share):
            if self.reader.denies(question, reading):
                continue  # "Lakala has not yet connected" names no one who connected
            if order_words and not any(has(w, readable(reading.sentence["sentence"])) for w in order_words):
                continue  # "the first to connect": a sentence of those connected by October names no first
            names = self.reader.named(reading, question.kinds, question.entities)
            named = [i for i in names if i not in ids]
            if names:
                each.append(set(names))
            if named:  # every sentence telling it may name others ("京、沪、深多个机房", "北京、上海、深圳3地")
                ids += named
                readings.append(reading)
        if not ids:
            return None
        if question.asks_for_one:
            # 由哪个机构牵头组织? One is asked: the one every sentence telling it names, not the
            # bank another of them also mentions ("…正在履行人民银行内部程序"); none such, nothing.
            ids = [i for i in ids if all(i in names for names in each)]
            if not ids:
                return None
        text = ", ".join(self.name(i) for i in ids) + "\n" + readings[0].sentence["sentence"]
        return Answer(text, "entities", 0.6, [_evidence(r.sentence, _words(r)) for r in readings[:4]], entities=ids, count=len(ids))

    def _quantity(self, question: Question) -> Answer | None:
        """How many data centres is NetsUnion building? 首次交存的平均比例是多少? The number a
        sentence gives for the counted thing, in a sentence telling the rest of the question."""
        counted = self.reader.counted(question.counted)
        concepts = self.reader.concepts(question, skip=(question.counted, *counted.variants))
        # "how many licensed payment institutions": a sentence with the modified phrase itself
        # first, before one counting any payment institutions
        modified = counted.label.lower() != counted.variants[0].lower()
        first = None
        for reading in self.reader.read(question, concepts + [counted], min_share=0.5):
            if not self._dated_as_asked(reading, question):
                continue
            if self._named_instead(question, reading, min_share=0.0):
                continue  # "How many did UnionPay clear?": a number the sentence gives of NetsUnion is not it
            found = self.reader.quantity(reading, counted)
            if found and _of_a_longer_time(_date_of_number(reading, found[1], self._dates_of(reading)), question):
                continue  # "How many transactions in June?": the year's total is not June's
            if found and (not modified or has(counted.label, reading.sentence["sentence"])):
                first = (reading, found)
                break
            first = first or ((reading, found) if found and not modified else None)
        if first is None:
            return None
        reading, (number, said, is_value) = first
        # A value of a named entity (网联的注册资本为20亿元) is part of its profile.
        kind = "profile" if is_value and any(e not in self.collectives for e in question.entities) else "count"
        answer = Answer(f"{shown(number)} ({said})\n{reading.sentence['sentence']}", kind, 0.6,
                        [_evidence(reading.sentence, [said, *_words(reading)])], entities=question.entities)  # fmt: skip
        answer.count = int(number) if float(number).is_integer() else None
        return answer

    def _share(self, question: Question) -> Answer | None:
        """What percentage of NetsUnion did the clearing center hold? 网联承担几成交易? The
        percentage a sentence gives, in a sentence telling the rest of the question (the share
        words themselves need not be there: "holds 12%")."""
        share_words = grammar().share_words.get(question.lang, ())
        concepts = self.reader.concepts(question, skip=share_words)
        # a phrase of the glossary that is itself a share ("share of": ratio, 比例) is what is asked
        every_share_word = {w.lower() for words in grammar().share_words.values() for w in words}
        concepts = [c for c in concepts if c.kind != "word" or not every_share_word & {v.lower() for v in c.variants}]
        found = self._number_told(question, concepts, self.reader.percentage, SHARE_READINGS, min_share=0.5)
        if found is None:
            return None
        reading, (number, said, _, _) = found
        answer = Answer(f"{shown(number)}% ({said})\n{reading.sentence['sentence']}", "count", 0.6,
                        [_evidence(reading.sentence, [said, *_words(reading)])], entities=question.entities)  # fmt: skip
        answer.count = int(number) if float(number).is_integer() else None
        return answer

    def _amount(self, question: Question) -> Answer | None:
        """How much registered capital does NetsUnion have? How much did the balance fall in
        January? 注册资本是多少? The sum of money a sentence gives in the clause telling most of
        the question ("down 231.4 billion yuan" for the fall, not the balance beside it), in
        the scale asked ("in billion yuan"), said with the date it holds for. A sum changes with
        time: asked for a date, only one the sources date within it answers."""
        # The words asking for a sum ("total amount") and the currency asked in are what the
        # answer gives, not words the sentence must hold ("balance" is: the sum is of it).
        skip = (*grammar().sum_words.get(question.lang, ()), *((question.counted or "",) if asked_scale(question.counted) else ()))
        concepts = self.reader.concepts(question, skip=skip)
        order_words = grammar().order_words.get(question.order or "", ())

        def dated_sum(reading):
            found = self.reader.amount(reading, question.verb)
            if not found:
                return None
            dates = self._dates_of(reading)
            when = _date_of_number(reading, found[1], dates)
            if not self._sum_holds_when_asked(reading, when, question):
                return None
            if order_words and not _tells_order(reading, found[1], order_words, dates):
                return None  # "deposited on the first day": a sum whose clause does not tell which one is another's
            return (*found, when)

        found = self._number_told(question, concepts, dated_sum, AMOUNT_READINGS, min_share=0.5)
        if found is None:
            return None
        reading, (number, said, _, _, when) = found
        value = number / (asked_scale(question.counted) or 1)
        as_of = f", as of {display(when['value'])}" if when and not when["value"].startswith("X") else ""
        # A sum one named entity has, at no time asked (网联的注册资本, "How much capital does
        # NetsUnion have?"), is part of its profile; any other is a count.
        named = [e for e in question.entities if e not in self.collectives]
        kind = "profile" if len(named) == 1 and not question.dates and question.verb in (None, "have") else "count"
        answer = Answer(f"{shown_in_scale(number, question.counted)} ({said}){as_of}\n{reading.sentence['sentence']}", kind, 0.6,
                        [_evidence(reading.sentence, [said, *_words(reading)])], entities=question.entities,
                        dates=[when["value"]] if as_of else [])  # fmt: skip
        answer.count = int(value) if float(value).is_integer() else None
        return answer

    def _dates_of(self, reading) -> list[dict]:
        """The dates a sentence writes, those its article leaves without a year too."""
        return self.store.written_dates(reading.sentence["article_id"], reading.sentence["idx"], yearless=True)

    def _sum_holds_when_asked(self, reading, when: dict | None, question: Question) -> bool:
        """Whether a sum dated `when` (its _date_of_number) holds for the time asked: its date
        within the asked one (a sum of the whole year is no answer for November, nor January's
        for February); asked of the present, dated at most PRESENT_DAYS before its article (or
        not dated at all); asked of no time, any."""
        if question.dates or question.months:
            if when is None:
                return False
            if question.months and not question.dates:
                return bool(re.fullmatch(r"[\dX]{4}-(\d\d)(?:-\d\d)?", when["value"])) and when["value"][5:7] in question.months
            held = _spans_in_years(when["value"], {t.value[:4] for t in question.dates})
            asked = [span(t.value) for t in question.dates]
            return any(a and a[0] <= h[0] and h[1] <= a[1] for h in held for a in asked)
        if question.present and when is not None:
            written = self.store.article(reading.sentence["article_id"]).get("date") or ""
            held, of_article = span(when["value"]), span(written[:10]) if written else None
            return bool(held and of_article) and (of_article[0] - held[1]).days <= PRESENT_DAYS
        return True

    def _number_told(self, question: Question, concepts, read_number, limit: int, *, min_share: float) -> tuple | None:
        """(reading, what read_number gave: number, its words, fit, parties, …): the number
        `read_number(reading)` finds in the sentences
        telling the question, the one whose own clause tells most of it ("central bank officials
        said … 99 percent of business was processed" tells the bank and the platform, but not
        what the bank holds); a clause naming none of the asked parties in a sentence naming
        others is not of them."""
        best = None
        for reading in self.reader.read(question, concepts, min_share=min_share, limit=limit):
            if not self._dated_as_asked(reading, question):
                continue
            found = read_number(reading)
            if found and not found[3] and self._named_instead(question, reading, min_share=0.0):
                continue
            if found and (best is None or found[2] > best[1][2]):
                best = (reading, found)
        return best

    def _dated_as_asked(self, reading, question: Question) -> bool:
        """A number holds for its date: asked for a day or a month ("on July 1, 2018"), a sentence
        dated only in another period (the first quarter's total) does not answer it. A sentence
        dating nothing, or a period around or inside the asked one, may."""
        asked = [span(t.value) for t in question.dates]
        asked = [a for a in asked if a is not None]
        # "in June", "on April 1": asked without a year, they hold in the sentence's own years.
        unyeared = [*question.months, *(md[:2] for md in question.month_days)]
        if not asked and not unyeared:
            return True
        article_id, idx = reading.sentence["article_id"], reading.sentence["idx"]
        values = [t["value"] or "" for t in self.store.written_dates(article_id, idx, yearless=True)]
        if not values:  # "截至目前，已有115家支付机构接入": as of the day the article was written
            values = [now for now in [self.store.now_of_sentence(article_id, idx)] if now]
        # A date of an undated article (XXXX-Q1: "the first quarter of this year") still tells
        # its part of the year: it is read in each year asked.
        years = {a[0].year for a in asked} or {UNKNOWN_YEAR}
        written = [w for v in values for w in _spans_in_years(v, years)]
        for w in written:
            asked += [span(f"{year}-{month}")[:2] for month in unyeared for year in range(w[0].year, w[1].year + 1)]
        return not written or any(w[0] <= a[1] and a[0] <= w[1] for w in written for a in asked)

    def _dated_sentence(self, question: Question) -> Answer | None:
        """The date of a sentence that names every entity of the question and tells every other
        word of it: nothing less, since a date is easily given to the wrong thing."""
        for reading in self.reader.read(question, self.reader.concepts(question), min_share=1.0):
            text = reading.sentence["sentence"]
            if len(reading.in_sentence) < len(question.entities):
                continue  # every entity named in the sentence itself, none only by its context
            if not set(question.figures) <= {amount for amount, _ in amounts_at(readable(text))}:
                continue  # asked of 100%, a sentence of a 20% deposit tells another act
            timexes = self.store.written_dates(reading.sentence["article_id"], reading.sentence["idx"])
            if timexes:
                dates = [t["value"] for t in timexes]
                answer = Answer(f"{', '.join(t['text'] for t in timexes)} ({', '.join(dates)}), as a source tells it: {text}", "date", 0.5,
                                [_evidence(reading.sentence, _words(reading) + [t["text"] for t in timexes])],
                                entities=question.entities, dates=dates)  # fmt: skip
                return answer
        return None

    def _read_yes_no(self, question: Question, *, min_share: float, min_words: int = 1, instead: bool = True) -> Answer | None:
        """支付宝是网联的股东吗? Yes or no as a sentence tells it: no when a negation stands before
        what the question asks ("并不直接开展支付业务") or the sentence contradicts it ("postponed").
        instead: also no when the sentence names another party in the place of an asked one; not
        where a stored act has every asked party (another party's deal elsewhere denies none)."""
        readings = self.reader.read(question, self.reader.concepts(question), min_share=min_share, min_words=min_words)
        if not readings:
            return None
        best = readings[0]
        # Of the sentences that tell as much of the question, one that denies it decides: a
        # headline ("new rules come: static code … not exceed 500 yuan") may tell as much as
        # the sentence that answers ("the new rules do not prohibit static code").
        # One that says the contrary of the question's own word ("删除" for 保留) is on point however
        # much else the others tell.
        tied = [r for r in readings[:TIED_READINGS] if r.share >= best.share - TIED_SHARE or r.contrary]
        best = next((r for r in tied if self.reader.denies(question, r)), best)
        denied = self.reader.denies(question, best)
        sentence = best.sentence["sentence"]
        evidence = [_evidence(r.sentence, _words(r)) for r in readings[:3]]
        if denied:
            answer = Answer(f"No, as a source tells it: {sentence}", "yes_no", 0.5, evidence, entities=question.entities)
            answer.yes_no = False
            return answer
        # (another party named in a sentence of another time than the asked one denies nothing)
        named_instead = self._named_instead(question, best) if instead and self._dated_as_asked(best, question) else None
        if named_instead:
            asked, others = named_instead
            names = ", ".join(self.name(i) for i in others)
            answer = Answer(f"No: the source names {names}, not {self.name(asked)}: {sentence}", "yes_no", 0.5, evidence,
                            entities=[*question.entities, *others])  # fmt: skip
            answer.yes_no = False
            return answer
        held_by = self._held_by_another(question, best) if instead else None
        if held_by:
            asked, others, word = held_by
            names = ", ".join(self.name(i) for i in others)
            answer = Answer(f"No: the source names {names} as the {word}, not {self.name(asked)}: {sentence}", "yes_no", 0.5,
                            evidence, entities=[*question.entities, *others])  # fmt: skip
            answer.yes_no = False
            return answer
        # Shared words are no proof: a "Yes" needs a stored fact with the asked parties in their
        # roles (answer.py). A sentence that may bear on it is shown, and nothing is affirmed.
        reported = hedged(sentence)
        lead = "Reported, not confirmed" if reported else "The sources do not say so as a fact; a sentence that bears on it"
        answer = Answer(f"{lead}: {sentence}", "yes_no", 0.3, evidence, entities=question.entities)
        answer.yes_no = "reported" if reported else None
        return answer

    def _named_instead(self, question: Question, reading, min_share: float = SUBSTITUTE_SHARE) -> tuple[str, list[str]] | None:
        """"Did Beijing Business Daily issue the guidelines?" against "the central bank issued the
        guidelines": a sentence telling nearly all of the question names every asked party but
        one, and names instead another party of the same kind (an organisation for an
        organisation, a person for a person). (asked party, the ones named instead), or None.
        A party acting for the asked one (the PBOC for its department) is no other party."""
        if reading.share < min_share or not question.entities:
            return None
        if question.shape == "yes_no" and question.types and set(question.types) <= ACTS_OF_MANY and not (question.dates or question.month_days):
            return None  # "Did Tenpay sign with UnionPay?" against Alipay's deal: no "No" (on a day asked, the deal of that day is)
        in_sentence = self.store.entities_at(reading.sentence["article_id"], reading.sentence["idx"])
        named = set(in_sentence) | {c.entity_id for c in reading.in_sentence}
        missing = [e for e in question.entities if not (self.expand(e) & named) and e not in self.collectives]
        if len(missing) > 1:
            # Those the sentence leaves to the one before it or to the title ("审议通过了关于设立该平台
            # 的议案" in an article on NetsUnion) are not the ones it names another for.
            context = {c.entity_id for c in reading.covered if c.kind == "entity"} - {c.entity_id for c in reading.in_sentence}
            missing = [e for e in missing if e not in context] or missing
        if len(missing) == 1:
            return self._named_for(question, reading, missing[0], in_sentence, placed_only=False)
        # Several left unnamed: the one whose place in the question another party holds in the
        # sentence ("是人民银行召开的会员代表大会吗" against "中国支付清算协会日前召开会员代表大会").
        found = [f for asked in missing if (f := self._named_for(question, reading, asked, in_sentence, placed_only=True))]
        return found[0] if len(found) == 1 else None

    def _held_by_another(self, question: Question, reading) -> tuple[str, list[str], str] | None:
        """"Does Wutongshu hold the largest stake in NetsUnion?" against "the largest shareholder is
        the CNCC, 12%; the second is Wutongshu": a role one party alone holds (questions.yaml
        superlatives), which the clause of the sentence that gives it gives another party of the
        asked one's kind, and not the asked one. (asked party, the ones named instead, the word)."""
        sentence = reading.sentence["sentence"]
        words = [(w, at) for w in grammar().superlatives if has(w, question.text) and (at := where(w, sentence)) >= 0]
        if not words:
            return None
        place = (reading.sentence["article_id"], reading.sentence["idx"])
        mentions = self.store.sentence_mentions([place]).get(place, [])
        for word, at in words:
            start, end = clause_bounds(sentence, at)
            named = [m["entity_id"] for m in mentions if m["entity_id"] and m["text"] and m["text"] in sentence[start:end]]
            if any(self.expand(e) & set(named) for e in question.entities):
                continue  # an asked party holds it there ("the largest shareholder is the CNCC")
            for asked in (e for e in question.entities if e not in self.collectives):
                kind = _broad_kind(self.entities.get(asked, {}).get("type"))
                others = [e for e in dict.fromkeys(named) if e not in self.collectives
                          and _broad_kind(self.entities.get(e, {}).get("type")) == kind]
                # (the body a named unit belongs to is no other holder: the CNCC, not the PBOC too)
                others = [e for e in others if not any(o != e and o in self.expand(e) for o in others)]
                if others:
                    return asked, others, word
        return None

    def _named_for(self, question: Question, reading, asked: str, in_sentence: list[str], *,
                   placed_only: bool) -> tuple[str, list[str]] | None:  # fmt: skip
        """The parties a sentence names in place of the asked one: those of its kind standing where
        the question put it, else (unless placed_only) every one of its kind the sentence names."""
        kind = _broad_kind(self.entities.get(asked, {}).get("type"))
        if not kind:
            return None

        def another(e: str) -> bool:
            return (e not in self.collectives and e in self.entities and _broad_kind(self.entities[e].get("type")) == kind
                    and asked not in self.expand(e) and e not in self.expand(asked))  # fmt: skip

        others = [e for e in dict.fromkeys(in_sentence) if e not in question.entities and another(e)]
        placed = self.reader.in_the_asked_place(question, reading, asked, others) if others else []
        if placed or (others and not placed_only):
            return asked, placed or others
        # "是网联发布声明否认了支付宝接入银联的说法吗?" against "银联当晚发布声明，间接否认了…": a
        # party the question names elsewhere stands where the asked one was put.
        named_too = [e for e in question.entities if e != asked and another(e)]
        placed = self.reader.in_the_asked_place(question, reading, asked, named_too) if named_too else []
        return (asked, placed) if placed else None

    def _articles_in(self, question: Question) -> Answer | None:
        """2017年3月发表的文章有几篇? Original articles dated in the asked period."""
        asked = [span(t.value) for t in question.dates if span(t.value)]
        if not asked:
            return None
        # Published then by their date line; a date inferred from the text is no publication date.
        rows = self.store.dated_originals()
        inside = [r for r in rows if (told := span(r["date"])) and any(a[0] <= told[0] and told[1] <= a[1] for a in asked)]
        titles = "\n".join(f"{r['date'][:10]}: {r['title']}" for r in inside)
        answer = Answer(f"{len(inside)} articles dated {', '.join(t.text for t in question.dates)}\n{titles}", "count", 0.9,
                        [{"article_id": r["id"], "title": r["title"], "date": r["date"], "sentence": "", "highlights": []} for r in inside])  # fmt: skip
        answer.count = len(inside)
        return answer

    def _other_terms(self, question: Question) -> list[str]:
        name_words = {w.lower() for e in question.entities for w in re.findall(r"\w+", question.names.get(e, ""))}
        names = [question.names.get(e, "") for e in question.entities]
        return [
            t for t in question.terms
            if t not in name_words and t not in grammar().what_is_words
            # Chinese words of a name are parts of it (网联 in 网联清算); English ones must be whole words.
            and not (question.lang == "zh" and any(t in n or n in t for n in names if n))
            and not any(t in words for words in grammar().type_words.values())
            and len(t) > 1 and not re.fullmatch(r"[?？!！。，,.]+", t)
        ]  # fmt: skip

    def _defining_sentences(self, question: Question, entity_id: str | None = None) -> list[dict]:
        terms = question.terms + question.expansions
        if entity_id:
            terms += [w.lower() for w in self._aliases(entity_id) if w]
        found = [s for s in self.reader.search(terms, limit=60) if s["score"] <= grammar().relevance_floor]
        if entity_id:
            names = [w for w in self._aliases(entity_id) if w]
            found = [s for s in found if any(n in s["sentence"] for n in names)]
        cues = grammar().definition_cues[question.lang] + grammar().definition_cues["en" if question.lang == "zh" else "zh"]
        same_language = lambda t: has_cjk(t) == (question.lang == "zh")  # noqa: E731
        # "客户备付金是…": a sentence opening with the term and "is" defines it better than any cue.
        subjects = [re.escape(t) for t in question.subjects if len(t) > 1]
        defines = re.compile(rf"^.{{0,6}}?(?:{'|'.join(subjects)})\s*(?:是|指|is|are|refers|means)", re.I) if subjects else None
        found.sort(key=lambda s: (not same_language(s["sentence"]), not (defines and defines.search(s["sentence"])),
                                  not any(c in s["sentence"].lower() for c in cues), s["score"]))  # fmt: skip
        return found


def _spans_in_years(value: str, years) -> list:
    """The spans a written date covers; one of an undated article (XXXX-Q1: "the first quarter
    of this year") still tells its part of the year, read in each of `years`."""
    found = [span(f"{year}{value[4:]}") for year in years] if value.startswith("XXXX") else [span(value)]
    return [s for s in found if s is not None]


def _date_of_number(reading, said: str, dates: list[dict]) -> dict | None:
    """The date a number of a sentence holds for, of the `dates` it writes: the last before it
    ("as of the end of January 2019, the balance is 1,398.562 billion yuan"), else the first
    after ("stood at 1.398562 trillion yuan at the end of January"); None when it writes none."""
    at = reading.sentence["sentence"].find(said)
    before = [d for d in dates if d["at"] < at]
    return before[-1] if before else next(iter(dates), None)


def _tells_order(reading, said: str, order_words: tuple[str, ...], dates: list[dict]) -> bool:
    """Whether the clause of a number says which of several it is ("the first deposits"),
    outside the words of the `dates` it writes ("the first quarter" is a time, not the first of
    the acts)."""
    text = reading.sentence["sentence"]
    start, end = clause_bounds(text, text.find(said))
    clause = list(text[start:end])
    for d in dates:
        for i in range(max(d["at"], start), min(d["at"] + len(d["text"]), end)):
            clause[i - start] = " "
    return any(has(w, "".join(clause)) for w in order_words)


def _of_a_longer_time(when: dict | None, question: Question) -> bool:
    """Whether a number's own date (`when`, its _date_of_number) holds the asked time and more
    ("In 2019 it processed 397.542 billion transactions" asked for June): a total of that longer time."""
    held = span(when["value"]) if when and not when["value"].startswith("X") else None
    if held is None:
        return False
    asked = [span(t.value) for t in question.dates] + [span(f"{held[0].year}-{month}") for month in question.months]
    return any(a and held[0] <= a[0] and a[1] <= held[1] and held[1] - held[0] > a[1] - a[0] for a in asked)
