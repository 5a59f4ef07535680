"""Chinese events: trigger words on jieba's word boundaries, roles by position in the clause.

Chinese news puts the actor before the verb and the object after it within a clause
(人民银行在今年1月13日印发《通知》), and 被 turns that round; without a parser for Chinese
here, clause and word order carry the roles.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from pipeline.extract.events.dating import attach_dates, date_of_span, limit_date, point_date
from pipeline.extract.events.taxonomy import FACTUALITY_ORDER, IMPLIED_TARGET, INSTITUTION_TYPES, EntityInfo, EventType, Taxonomy
from pipeline.facts import EventMention, Mention, Sentence, Timex

CLAUSE_BREAKS = "，,；;：:。！？!?"
# A clause naming the members of a group the clause before counted (首批接入4家银行和3家支付机构，
# 分别是支付宝、财付通和网银在线): its names are that clause's too.
_ENUMERATION = re.compile(r"[，,]\s*(?:分别是|分别为|分别有|即|包括|其中包括|其中有)")
_LIST_GOES_ON = re.compile(r"[，,]\s*(?:以及|还有|及|和)")  # the list's next clause
# 首批接入的将是…: those who do the act are named after the copula, and in the list's clauses after it.
_NAMED_BY_COPULA = re.compile(r"的\s*(?:将|将会|会)?\s*(?:是|为|包括)")
COORDINATORS = {"和", "与", "及", "、", "以及", "跟", "同"}
# A parent named before its unit (蚂蚁金服旗下的支付宝, 腾讯的财付通): a modifier of the unit's name,
# no party of its own; a name coordinated before the phrase is coordinated with the unit.
OWNER_LINKS = ("旗下的", "旗下", "下属的", "下属", "的")
# A day between a body and its speech verb (网联3月31日表示, 央行于昨日表示): still the body speaking.
SPEECH_SETTING = re.compile(r"(?:在|于)[^，。；：]{0,24}?(?:会上|会议上|发布会上|记者会上|论坛上|采访时|接受采访时)$")
# An adverb between a body and its speech verb (京东金融也表示, 网联随后表示): still the body speaking.
SPEECH_ADVERBS = re.compile(r"(?:也|亦|还|则|均|都|同样|同时|随后|随即|其后|其後|再次|此前|当时|另外|另)+$")
_NUMERALS = "0-9０-９〇一二三四五六七八九十"
_WRITTEN_DATE_PART = rf"(?:[{_NUMERALS}]+[年月日号])"  # 2018年, 1月, 9日
SPEECH_WHEN = re.compile(rf"(?:于|在)?(?:去年|今年|前年|上个?月|本月|当月|同月)?{_WRITTEN_DATE_PART}*"
                         # 上周五, 昨日, 当晚: a weekday or a day told from the article's
                         r"(?:(?:上|本|这|上个)?(?:周|星期|礼拜)[一二三四五六日天]|昨天|昨日|今天|今日|前天|前日|当天|当日|当晚|日前|近日)?$")
# (not a day that describes the occasion, 在1月9日的发布会上: that is the setting, read whole)
SPEECH_DAY = re.compile(rf"^(?:于|在)?{_WRITTEN_DATE_PART}+(?![{_NUMERALS}年月日号的])|^(?:于|在)?(?:今天|昨天|昨日|今日|当天|当日|当晚|日前|近日)(?!的)")
# A clause opening with these turns from what was reported to what the writer tells: 有媒体报道称…，
# 但银联当晚发布声明 (the statement is no report).
TURN = re.compile(r"[，,；;]\s*(?:但是|但|然而|不过|而)")
# What may stand between a word opening a phrase (对, 向) and the phrase's noun: a count or a
# demonstrative, then a describing phrase ending in 的, then a word of size or kind (中小, 大型).
_NOUN_PHRASE_LEAD = r"(?:[一两多数该这那此各][家个些批]?|\d+[余多]?家)?(?:[^，,；;。：:！？、的]{1,12}的)?[^，,；;。：:！？、的\s]{0,2}"
NOUN_PHRASE_REACH = 24  # characters before a name the longest marker and lead can take
NEGATED_MODIFIER_REACH = 16  # characters after it to the 的 of the noun it describes
NEGATED_MODIFIER_LEAD = 12  # characters before a verb where the negation of a describing phrase may stand
STATEMENT_MODIFIER_CHARS = 3  # 发布[类似]公告, 发布[了一份]声明: words that may describe the statement issued
EXAMPLES_MARKER = "等"  # 财付通、支付宝等支付机构: examples of the group named after them
EXAMPLES_GAP_CHARS = 5  # 等, 等主要, 等多家大型
PARTNER_MARKERS = ("与", "和", "同", "跟")  # X于9月10日与Y签约: Y is X's partner in the act
ACTOR_TYPES_EXCLUDED = {"document", "place", "media"}
# Words between a name and an object noun that make the name the clause's subject, not the
# object's owner (央行将交存比例提高 against 支付机构交存比例提高).
OBJECT_OWNER_BREAK = re.compile(r"将|已|把|于|在|对|向|由|被|拟|要求|决定|计划|宣布|表示|继续|再次|[，,；;：:]")
DEADLINE_NOUN_REACH = 8  # characters between a date and the deadline noun it dates (6月30日“断直连”大限)
SOURCE_SPAN_CHARS = 20  # 从<source>获悉: how far the source's name may run
DISPOSAL_MARKER, PERFECTIVE_MARKER = "将", "已"  # 已将…迁移: a done act's object, no "will"
MOVED_TO_CHARS = 8  # 推迟断直连期限至年底: the words between a postponing verb and its new date
CONTINUING_WORDS = ("并", "且", "同时", "而且")  # a clause that goes on from the one before
AGREEMENT_NAME_CHARS = 12  # 签署条码支付业务合作协议: the agreement's name after the verb
DISPOSAL_OBJECT = re.compile(r"(?:将|把)(?![于会要来近])[^，。；：、]{1,10}$")  # 将 + the object before the verb
# What a rule says: dated by the rule's issue, however the sentence tells that issue.
RULE_CONTENT_TYPES = ("require", "prohibit", "deadline")
OPENING_LIMIT_WORDS = "自从由于起前开始以后之后为止截至截止到 "  # the words of a clause that only says from or until when


def _clauses_of_dated_list(text: str, sentence: Sentence, timexes: list[Timex]) -> str:
    """The sentence with each 、 that a date follows read as a clause break: in 4月1日X上线、5月11日Y
    接入网联之后 each act has its own clause and its own date. Same length as the text."""
    starts = {t.start - sentence.start for t in timexes}
    return "".join("，" if ch == "、" and i + 1 in starts else ch for i, ch in enumerate(text))


def _clause(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(ch, 0, pos) for ch in CLAUSE_BREAKS) + 1
    ends = [i for i in (text.find(ch, pos) for ch in CLAUSE_BREAKS) if i != -1]
    return start, min(ends) if ends else len(text)


def _triggers(doc: Doc, taxonomy: Taxonomy) -> list[tuple[str, int, int]]:
    """(type, start, end) in sentence offsets; a trigger must start and end on word boundaries
    (or be the head word of a compound jieba keeps whole: 行政|处罚, 发布|公告)."""
    starts = {t.idx for t in doc} | _compound_heads(doc)
    ends = {t.idx + len(t.text) for t in doc}
    text = doc.text
    taken: set[int] = set()
    for phrase in taxonomy.not_events.get("zh", ()):
        if phrase not in text:  # most are not: skip the regex
            continue
        for m in re.finditer(re.escape(phrase), text):
            taken |= set(range(m.start(), m.end()))
    found = []
    for word, type_id in taxonomy.zh_triggers():
        if word not in text:
            continue
        for m in re.finditer(re.escape(word), text):
            span = set(range(m.start(), m.end()))
            if m.start() in starts and m.end() in ends and not span & taken:
                taken |= span
                if not _nominal(text, m.start(), m.end(), starts, ends, taxonomy, type_id):
                    found.append((type_id, m.start(), m.end()))
    found += _with_object(text, starts, ends, taken, taxonomy)
    found += _after_their_lead(text, starts, ends, taken, taxonomy)
    found.sort(key=lambda f: f[1])
    return [f for f in found if not _ended(text, f[1], [other[1] for other in found], taxonomy)]


def _after_their_lead(text: str, starts: set[int], ends: set[int], taken: set[int], taxonomy: Taxonomy) -> list[tuple[str, int, int]]:
    """Words of a type only right after their lead word (自4月1日起实施): events.yaml `zh_after`."""
    found = []
    for spec in taxonomy.types.values():
        for lead, words in spec.zh_after.items():
            for word in words:
                for m in re.finditer(re.escape(lead + word), text):
                    start, end = m.start() + len(lead), m.end()
                    if start in starts and end in ends and not taken & set(range(start, end)):
                        taken |= set(range(start, end))
                        found.append((spec.id, start, end))
    return found


def _with_object(text: str, starts: set[int], ends: set[int], taken: set[int], taxonomy: Taxonomy) -> list[tuple[str, int, int]]:
    """Verbs that tell a type only with one of its objects in their clause, before them (交存比例按月
    提高) or right after (提高交存比例): events.yaml `with_object`."""
    found = []
    for spec in taxonomy.types.values():
        verbs, objects = spec.with_object.get("zh", ((), ()))
        for verb in verbs:
            for m in re.finditer(re.escape(verb), text):
                if m.start() not in starts or m.end() not in ends or taken & set(range(m.start(), m.end())):
                    continue
                before = re.search(r"[^，。；：！？]{0,12}$", text[: m.start()]).group(0)
                after = re.match(r"[^，。；：！？]{0,8}", text[m.end() :]).group(0)
                if any(o in before or o in after for o in objects):
                    found.append((spec.id, m.start(), m.end()))
    return found


def _compound_heads(doc: Doc) -> set[int]:
    """Where the second word of a two-word compound starts, for the compounds jieba's dictionary
    keeps as one word (行政处罚, 发布公告). Only the head, the last word, may be a trigger: the
    first word modifies it (监管部门 is a department, no supervision)."""
    import jieba  # loaded by the Chinese pipeline already

    known = jieba.dt.FREQ  # word -> frequency; prefixes of words are in it with 0
    heads = set()
    for token in doc:
        word = token.text
        for cut in range(2, len(word) - 1):
            if known.get(word[:cut], 0) > 0 and known.get(word[cut:], 0) > 0:
                heads.add(token.idx + cut)
    return heads


def _ended(text: str, start: int, trigger_starts: list[int], taxonomy: Taxonomy) -> bool:
    """The act is what a word before it in its clause ends, no other act between them:
    终止直连合作, 终止与第三方支付机构的直连合作 (but not 终止…后，双方签署合作协议)."""
    clause_start, _ = _clause(text, start)
    lead = text[clause_start:start]
    at = max((lead.rfind(word) for word in taxonomy.ending_words.get("zh", ())), default=-1)
    return at != -1 and not any(clause_start + at < other < start for other in trigger_starts)


def _routed_through(doc: Doc, local, triggers, entities: EntityInfo, taxonomy: Taxonomy) -> dict[int, tuple[int, list[str]]]:
    """Verbs of handling right after a marker and clearing houses (通过网联平台或银联处理,
    改经网联或银联清算): start -> (end, the houses). Not one that describes a noun (…处理的交易)
    or stands inside another trigger."""
    routing = taxonomy.routing
    if routing is None:
        return {}
    text = doc.text
    starts = {t.idx for t in doc}
    taken = {i for _, s, e in triggers for i in range(s, e)}
    house_ending_at = {e: (m.entity_id, s) for m, s, e in local if entities.types.get(m.entity_id) in routing.to}
    found = {}
    for verb in routing.zh_verbs:
        for m in re.finditer(re.escape(verb), text):
            if m.start() not in starts or text[m.end() : m.end() + 1] == "的" or taken & set(range(m.start(), m.end())):
                continue
            pos, houses = m.start(), []
            pos -= len("平台") if text.endswith("平台", 0, pos) else 0
            while pos in house_ending_at:
                house, pos = house_ending_at[pos]
                houses.insert(0, house)
                joiner = next((c for c in (*COORDINATORS, "或", "或者") if text.endswith(c, 0, pos)), None)
                if joiner is None or pos - len(joiner) not in house_ending_at:
                    break
                pos -= len(joiner)
            if houses and any(text.endswith(w, 0, pos) for w in routing.zh_markers):
                found[m.start()] = (m.end(), _unique(houses))
    return found


def _nominal(text: str, start: int, end: int, starts: set[int], ends: set[int], taxonomy: Taxonomy, type_id: str) -> bool:
    """A trigger used as a noun: it modifies an abstract head right after it (交存比例), or a
    modifier right before it makes it the head (监管要求). Whole words only: 工作 in 工作要求,
    not the 作 of another word. A verb that takes such a head as its object (下发通知) is a verb."""
    head = type_id not in taxonomy.verb_object_types_zh and any(
        text.startswith(h, end) and end + len(h) in ends for h in taxonomy.nominal_heads_zh
    ) and not _signs_an_agreement(text, end, taxonomy)
    # ...but an adverb after a verbal marker is no modifier: 已基本迁移 (has basically migrated).
    modified = any(
        text.endswith(w, 0, start) and start - len(w) in starts
        and not any(text.endswith(v, 0, start - len(w)) for v in taxonomy.verbal_markers_zh)
        for w in taxonomy.nominal_modifiers_zh
    )  # fmt: skip
    if modified and _moved_by_disposal(text, start):
        modified = False  # 将全部业务迁入网联: 业务 is what is moved, the verb's object
    purpose = any(text.endswith(w, 0, start) and start - len(w) in starts and start in starts for w in taxonomy.purpose_markers_zh)
    if modified and not head and not purpose and _completed(text, start, starts, taxonomy):
        return False  # 完成首批机构的业务切量: the switch-over completed is one done
    return head or modified or purpose or _object_of_a_governor(text, start, end, starts, taxonomy)


def _head_of_the_verbs_phrase(text: str, trigger_end: int, name_start: int) -> bool:
    """成为首批接入的支付机构: the noun right after 的 is what the verb's phrase describes (the
    subjects' kind), not the verb's object."""
    return text[trigger_end:name_start] == "的"


def _rules_of_the_kind_sent(events: list[EventMention]) -> None:
    """下发通知，要求…: what the sentence's rule acts tell is in the notice sent, of its kind."""
    kinds = [e.document_kind for e in events if e.type == "issue" and e.document_kind]
    for event in events:
        if kinds and event.category == "regulatory" and event.document is None and event.document_kind is None:
            event.document_kind = kinds[0]


def _kind_named_after(text: str, end: int, clause_end: int, taxonomy: Taxonomy) -> str | None:
    """下发通知, 印发了一份文件: the kind of document right after the verb, when no name says which."""
    rest = re.sub(r"^(?:了|过)?(?:一份|一则|一个|一项|新的)?", "", text[end:clause_end])
    return next((kind for kind in taxonomy.document_kinds_zh if rest.startswith(kind)), None)


def _signs_an_agreement(text: str, end: int, taxonomy: Taxonomy) -> bool:
    """Whether the words after the trigger, within its clause, name an agreement (签署业务合作协议)."""
    _, clause_end = _clause(text, end)
    return any(noun in text[end : min(clause_end, end + AGREEMENT_NAME_CHARS)] for noun in taxonomy.agreement_nouns_zh)


def _moved_by_disposal(text: str, start: int) -> bool:
    """Whether 将 or 把 (not 将于, 将要: "will") opens the object right before the trigger in its
    clause: 将相关业务迁移, 把全部业务迁入."""
    clause_start, _ = _clause(text, start)
    return re.search(DISPOSAL_OBJECT, text[clause_start:start]) is not None


def _topic_of_a_document(text: str, start: int, end: int, taxonomy: Taxonomy) -> bool:
    """Whether the trigger stands between 关于 and the 的 of a document noun in its clause
    (关于网络支付业务迁移至网联平台的通知): the document's subject matter, no act told."""
    clause_start, clause_end = _clause(text, start)
    if text.rfind("关于", clause_start, start) == -1:
        return False
    rest = re.match(r".*?的(?P<noun>[\u4e00-\u9fff]{1,2})", text[end:clause_end])
    return rest is not None and rest.group("noun") in taxonomy.document_kinds_zh


def _completed(text: str, start: int, starts: set[int], taxonomy: Taxonomy) -> bool:
    """Whether a word of completing (events.yaml's complete: 完成) stands earlier in the trigger's
    clause: what it completes is an act done, however a noun it is written."""
    clause_start, _ = _clause(text, start)
    lead = text[clause_start:start]
    words = taxonomy.types["complete"].zh if "complete" in taxonomy.types else ()
    return any(clause_start + m.start() in starts for w in words for m in re.finditer(re.escape(w), lead))


# The furthest a governing verb may stand before the trigger it makes a noun (违反备付金管理规定).
GOVERNED_OBJECT_CHARS = 12


def _object_of_a_governor(text: str, start: int, end: int, starts: set[int], taxonomy: Taxonomy) -> bool:
    """违反备付金管理规定，…, 根据人民银行要求，…: the trigger ends the object of a verb such as 违反 or
    根据 (nothing of the clause after it): what is broken or followed, a noun."""
    if not re.match(r"\s*(?:[，,。；;：:！!？?）)]|的|$)", text[end:]):
        return False
    before = text[max(0, start - GOVERNED_OBJECT_CHARS):start]
    if text[end : end + 1] == "的" and re.search(r"\d|[年月日]", before):
        return False  # 根据人民银行去年8月下发的通知: a dated issuing describes the noun governed, and is told
    before = re.split(r"[，,。；;：:！!？?（(]", before)[-1]
    offset = start - len(before)
    return any(w in before and offset + before.find(w) in starts for w in taxonomy.governors_zh)


@cache
def _frame_words(taxonomy: Taxonomy) -> tuple[str, ...]:
    """Words that end a clause framing what the next ones tell: a speech verb (表示, 称) or a word
    of showing and learning (显示, 获悉)."""
    return (*_speech_words(taxonomy), *taxonomy.frames_zh)


@cache  # a Taxonomy hashes by identity: read once per loaded taxonomy, not per event
def _speech_words(taxonomy: Taxonomy) -> tuple[str, ...]:
    return tuple(word for t in taxonomy.types.values() if t.speaker_only for word in t.zh)


@cache
def _negations(taxonomy: Taxonomy) -> tuple[str, ...]:
    """Negating words, not verbs of denial (网联否认了推迟上线的说法 denies the postponement)."""
    denials = {word for t in taxonomy.types.values() if t.refers_back for word in t.zh}
    return tuple(n for n in taxonomy.factuality.get("denied", {}).get("zh", ()) if n not in denials)


def _marked_by(before: str, markers: tuple[str, ...], not_markers: tuple[str, ...] = ()) -> bool:
    """Whether a name is the noun of a phrase one of these words opens: 对支付宝, and with what may
    stand between them, a count or a demonstrative (对一家支付机构, 向该机构) and a phrase
    describing the noun (对未按要求完成切量的支付机构); a marker that ends one of not_markers
    (据 of 根据) is none."""
    return bool(markers) and _phrase_opened_by(markers, not_markers).search(before[-NOUN_PHRASE_REACH:]) is not None


@cache
def _phrase_opened_by(markers: tuple[str, ...], not_markers: tuple[str, ...] = ()) -> re.Pattern:
    def marker(word: str) -> str:
        heads = [w[: -len(word)] for w in not_markers if w.endswith(word) and w != word]
        return "".join(f"(?<!{re.escape(h)})" for h in heads) + re.escape(word)

    return re.compile(rf"(?:{'|'.join(map(marker, markers))}){_NOUN_PHRASE_LEAD}$")


def _describes_by_what_was_not_done(text: str, start: int, end: int, taxonomy: Taxonomy) -> bool:
    """A negated verb inside a phrase that modifies a noun (未完成迁移的机构, 尚未接入网联的银行):
    it picks out those not done, and tells of no act done or denied."""
    # (未按要求完成切量的机构: a few words may stand between the negation and the verb)
    lead = re.search(rf"[^，。；：！？、\s]{{0,{NEGATED_MODIFIER_LEAD}}}$", text[:start]).group(0)
    if not any(n in lead for n in _negations(taxonomy)):
        return False
    # (尚未完成备付金集中交存准备工作的支付机构: the object of the negated verb may run long)
    return bool(re.match(rf"[^，。；：！？、\s]{{0,{NEGATED_MODIFIER_REACH}}}?的[^，。；：！？、\s的]", text[end:]))


def without_false_friends(text: str, taxonomy: Taxonomy) -> str:
    """The text with each word that holds a factuality cue and is none (回应, 按要求) blanked,
    offsets kept."""
    for word in taxonomy.false_friends_zh:
        text = text.replace(word, "\0" * len(word))
    return text


def _with_the_modal_carried(text: str, clause_start: int, trigger_start: int, spec: EventType, own: str, taxonomy: Taxonomy) -> str:
    """各机构应于10月15日前完成准备工作，并于明年6月30日前完成业务迁移: a clause that goes on
    from the one before (并, 并且, 同时) shares its "must" or "will" when it has none of its own.
    (Only for what the industry does: a regulator's own acts are the requiring.)"""
    lead = text[clause_start:trigger_start].lstrip()
    if own != "asserted" or spec.category == "regulatory" or clause_start < 2 or text[clause_start - 1] not in "，," \
            or not lead.startswith(CONTINUING_WORDS):
        return own
    previous_start = _clause(text, clause_start - 2)[0]
    carried = _factuality(text, previous_start, clause_start - 1, spec.id, taxonomy)
    return carried if carried in ("required", "planned") else own


def _factuality(text: str, clause_start: int, trigger_start: int, type_id: str, taxonomy: Taxonomy) -> str:
    before_clause = without_false_friends(text[clause_start:trigger_start], taxonomy)
    for family in FACTUALITY_ORDER:
        cues = taxonomy.factuality.get(family, {}).get("zh", ())
        if family == "denied" and type_id in ("deny", "retract"):
            continue
        # Reporting cues reach what _reports says (据悉，… the whole sentence); the others sit
        # right before the verb, in its clause.
        if family == "reported":
            if any(_reports(text, m.start(), m.end(), clause_start) and not TURN.search(text, m.end(), trigger_start)
                   for cue in cues for m in re.finditer(re.escape(cue), text[:trigger_start])):
                return family
        elif family == "denied":
            # 对未按期完成迁移的机构予以处罚: a negation inside a 的 phrase describes a noun, it does
            # not deny the verb after it
            negations = [m for cue in cues for m in re.finditer(re.escape(cue), before_clause) if "的" not in before_clause[m.end():]]
            if negations:
                # 部分机构可能无法按时完成切量: a guess that it will not be done, no denial
                hedges = taxonomy.factuality.get("speculative", {}).get("zh", ())
                first = min(m.start() for m in negations)
                return "speculative" if any(h in before_clause[:first] for h in hedges) else family
        elif any(cue in _without_longer_cues(before_clause, cue, family, taxonomy) for cue in cues if not _disposal(before_clause, cue, family)):
            return family
    return "asserted"


def _disposal(before_clause: str, cue: str, family: str) -> bool:
    """已将全部业务迁移至网联: after 已 (done), 将 marks the object moved, as 把 does; it is no
    "will". (Without 已, 支付机构将业务迁至网联 may be either, and stays a plan.)"""
    return family == "planned" and cue == DISPOSAL_MARKER and before_clause.find(PERFECTIVE_MARKER) != -1 \
        and before_clause.find(PERFECTIVE_MARKER) < before_clause.find(cue)


def _without_longer_cues(text: str, cue: str, family: str, taxonomy: Taxonomy) -> str:
    """The text with the cues of other families that hold this cue blanked out: the 将 of 或将
    ("may") is no plan."""
    for longer in _longer_cues(taxonomy).get((family, cue), ()):
        text = text.replace(longer, "\u3000" * len(longer))
    return text


@cache  # per loaded taxonomy (it hashes by identity), not per trigger
def _longer_cues(taxonomy: Taxonomy) -> dict[tuple[str, str], tuple[str, ...]]:
    """(family, cue) -> the Chinese cues of other families that hold the cue (将 -> 或将)."""
    cues = [(family, cue) for family, words in taxonomy.factuality.items() for cue in words.get("zh", ())]
    return {(family, cue): tuple(longer for other, longer in cues if other != family and cue in longer and cue != longer)
            for family, cue in cues}


START_BEFORE, START_AFTER = ("自", "从", "由"), ("起", "开始")  # 自7月9日起: when a rule starts to apply


def _a_start(timex: Timex, text: str, sentence: Sentence) -> bool:
    """Whether a date is told as a start (自7月9日起, 从1月开始), not as a limit (到…, …前)."""
    s, e = timex.start - sentence.start, timex.end - sentence.start
    return text[:s].endswith(START_BEFORE) or text[e:].startswith(START_AFTER)


def _take_limits_after(event: EventMention, later: list[Timex]) -> bool:
    """The first limit set after the act is its deadline, the others its later ones."""
    if later:
        event.deadline = limit_date(later[0])
        event.later_deadlines = [limit_date(t) for t in later[1:]]
    return bool(later)


def _unnamed_telling(unnamed: list[int], start: int, text: str, taxonomy: Taxonomy) -> str | None:
    """How an unnamed speaker before the act tells it: "reported" (一位业内人士称), "speculative"
    when the speaker only thinks so (分析人士认为); None when nobody unnamed tells it."""
    telling = [p for p in unnamed if p < start and not TURN.search(text, p, start)]
    if not telling:
        return None
    opinions = taxonomy.opinion_verbs.get("zh", ())
    return "speculative" if text.startswith(opinions, telling[-1]) else "reported"


def _heard_from(anonymous: str | None, own: str) -> str:
    """An act told by an unnamed source (一位业内人士称) is reported, or a guess when the source
    only thinks so (anonymous: _unnamed_telling), unless its own words hedge it more (央行…可能予以
    处罚: a possibility, not a reported penalty), put it ahead (业内人士预计，支付宝有望在5月份完成
    对接: not done yet) or deny it."""
    return anonymous if anonymous and own not in ("speculative", "planned", "denied") else own


def _reports(text: str, cue_start: int, cue_end: int, clause_start: int) -> bool:
    """Whether a reporting cue reaches a trigger whose clause starts at clause_start: an opening
    one (据悉，, 据报道：) reaches the whole sentence, one that says (报道称, 消息称) what follows;
    a verb of its own clause (市场传出…的消息，银联当晚发布声明) only that clause."""
    if text[cue_end : cue_end + 1] in ("，", ",", "：", ":") or text.endswith(("称", "说"), 0, cue_end):
        return True
    if text[cue_end : cue_end + 1] in ("称", "说") and text[cue_end + 1 : cue_end + 2] in ("，", ",", "：", ":"):
        return True  # 有传言称，…: the cue says what follows, as 报道称 does
    return cue_start >= clause_start


def find_events(
    doc: Doc,
    sentence: Sentence,
    mentions: list[Mention],
    timexes: list[Timex],
    entities: EntityInfo,
    taxonomy: Taxonomy,
) -> list[EventMention]:
    """The events one Chinese sentence tells."""
    text = sentence.text
    clauses = _clauses_of_dated_list(text, sentence, timexes)  # the text, to find clauses in
    local = [(m, m.start - sentence.start, m.end - sentence.start) for m in mentions if m.entity_id]
    obliques = {id(m) for m, s, _ in local if _marked_by(text[:s], taxonomy.oblique_markers_zh, taxonomy.not_oblique_markers_zh)}
    aimed_at = {id(m) for m, s, _ in local if _marked_by(text[:s], taxonomy.target_markers_zh)}
    # 向各银行和支付机构下发: the names joined to an oblique one (和, 、, 及, 与) are in its phrase too.
    for m, s, _ in sorted(local, key=lambda x: x[1]):
        joined_to = [o for o, _, e in local if e <= s and text[e:s] in COORDINATORS]
        if any(id(o) in obliques for o in joined_to):
            obliques.add(id(m))
        if any(id(o) in aimed_at for o in joined_to):
            aimed_at.add(id(m))
    # 这三家支付机构, 3家支付机构: particular institutions named earlier, not the whole industry.
    local = [(m, s, e) for m, s, e in local if not (m.entity_id in entities.collectives and _particular(text[:s], taxonomy))]
    triggers = _triggers(doc, taxonomy)
    routed = _routed_through(doc, local, triggers, entities, taxonomy)
    triggers = sorted(triggers + [(taxonomy.routing.type, start, end) for start, (end, _) in routed.items()], key=lambda t: t[1])
    # What follows a speech verb is what someone says (某接近央行人士表示，网联是...): claims.
    # A person named before it makes it someone's claim (林峰表示，…: commentary). Without one
    # (有媒体报道称, 某接近央行人士表示) it reports: what follows is reported, as anonymous sources'.
    speakers = {
        start: _speakers(local, text, _clause(clauses, start)[0], start, entities, taxonomy)
        for type_id, start, _ in triggers if taxonomy.types[type_id].speaker_only
    }  # fmt: skip
    # A body speaking for itself (网联表示，已与财付通签署…) tells its acts as fact; people's words stay claims.
    speech = [start for start, named in speakers.items() if named and not entities.are_bodies(named)]
    unnamed = [start for start, named in speakers.items() if not named]
    # 发布声明: issuing a statement is the statement (an announcement), not a rule issued.
    # (发布类似公告, 发布了一份声明: a few words describing the statement may stand between)
    carried = {start for (t1, start, end), (t2, s2, _) in zip(triggers, triggers[1:])
               if t1 == "issue" and t2 == "announce" and re.fullmatch(rf"[\u4e00-\u9fff]{{0,{STATEMENT_MODIFIER_CHARS}}}", text[end:s2])}
    word_starts = {t.idx for t in doc}
    events = []
    said: dict[int, list[EventMention]] = {}  # index -> the comments an undated statement stays
    directives: dict[int, tuple[int, list[str], list[str]]] = {}  # 通知支付机构，须…: verb start -> (end, regulator, told)
    for type_id, start, end in triggers:
        if start in carried:
            continue
        spec = taxonomy.types[type_id]
        if any(s <= start < e for _, s, e in local):
            continue  # inside a name: 网联清算有限公司 is no 清算 event, 《...通知》 no 通知
        if (text[start - 1 : start] == "的" and not spec.clause_may_be_bare and not spec.described_is_event
                and not _completed(text, start, word_starts, taxonomy)):
            continue  # 网联的成立: a noun, the founding spoken of, not told (完成…业务的迁移 tells it done)
        if _clause(clauses, start)[0] == 0 and not text[:start].strip("“”\"'（）() ") and not spec.clause_may_be_bare:
            continue  # 交存备付金无疑是…: a verb opening the sentence is its topic, a gerund
        if text[end : end + 1] == "的" and not spec.attributive_is_event:
            continue  # 交存的大限, 交存的比例: the verb describes a noun
        if re.sub(r"^[了过]", "", text[end:]).startswith(tuple(spec.not_with_objects.get("zh", ()))):
            continue  # 公布数据: figures released, no rule issued (events.yaml not_with_objects)
        if _describes_by_what_was_not_done(text, start, end, taxonomy):
            continue  # 对未完成迁移的机构吊销牌照: those institutions are described, nothing is told
        if _topic_of_a_document(text, start, end, taxonomy):
            continue  # 发布了关于网络支付业务迁移至网联平台的通知: what the notice is about
        if (taxonomy.plan_nouns_zh and text[end : end + 1] != "了" and spec.category != "regulatory"
                and re.match(rf"[^，。；：！？]{{0,12}}?的(?:{'|'.join(taxonomy.plan_nouns_zh)})", text[end:])):
            # 通过了设立网联平台的方案: what the plan proposes is not done (approving or issuing
            # the plan is: 审议通过了…的议案)
            continue
        c_start, c_end = _clause(clauses, start)
        if listed := _ENUMERATION.match(clauses, c_end):
            c_end = _clause(clauses, listed.end())[1]  # 首批接入3家支付机构，分别是支付宝、财付通和网银在线
        copula = _NAMED_BY_COPULA.match(clauses, end)
        if listed or copula:  # 首批接入的将是4家银行，以及支付宝、财付通…
            while more := _LIST_GOES_ON.match(clauses, c_end):
                c_end = _clause(clauses, more.end())[1]  # …，其中包括财付通、支付宝，以及工商银行、农业银行…
        passive = "被" in text[c_start:start]
        before = [m.entity_id for m, s, e in local if c_start <= s and e <= start and _actor_like(m, entities) and id(m) not in obliques]
        # (a verb telling its act only by its object: 比例…提高, 文件…流传)
        told_by_object = text[start:end] in spec.with_object.get("zh", ((), ()))[0]
        owners = _owners_of_object(local, text, c_start, start, spec, entities) if told_by_object else []
        before = [i for i in before if i not in owners]
        described = [m.entity_id for m, s, e in local if before and _head_of_the_verbs_phrase(text, end, s)]
        after = [m.entity_id for m, s, e in local if start <= s and e <= c_end and _actor_like(m, entities)
                 and m.entity_id not in described] + owners
        if start in routed:  # 通过网联或银联处理: the houses it goes through, never its actors
            after = routed[start][1] + after
            before = [i for i in before if i not in routed[start][1]]
        verbal = any(text[max(c_start, start - 2) : start].endswith(w) for w in taxonomy.verbal_markers_zh)
        # 公司成立之后: the bare noun is the whole subject, and stands for the company named before
        bare_subject_text = text[c_start:start].strip("“”\"' \u3000")
        bare_subject = bare_subject_text if bare_subject_text in taxonomy.back_nouns_zh and not before else None
        # …下发114号文，要求按月提高…: a trigger opening a clause after the first is a verb whose
        # subject the sentence already named, not a noun
        opens_clause = c_start > 0 and not text[c_start:start].strip(" \u3000")
        # (a verb telling its act only by its object, 一份名为《…方案》的文件在业内流传: the document
        # named in its clause is that object, enough for an act a document can carry alone)
        # (《规范》明确，自…起…: a document as the clause's subject carries a rule's act alone too,
        # when the sentence goes on to a time it sets; 《指引》明确了交存给谁 describes what it says)
        document_in_clause = any(
            c_start <= s and e <= (c_end if told_by_object else start) and entities.types.get(m.entity_id) == "document" for m, s, e in local)
        named_document = document_in_clause and (
            "actor_or_document" in spec.needs and (told_by_object or any(t.start - sentence.start >= end for t in timexes))
            # 4月1日，《条码支付业务规范（试行）》正式实施: what a rule does itself, the rule named before
            # it in its clause tells (events.yaml positional_actor false: its subject is a rule)
            or not spec.positional_actor and not told_by_object)
        if not (spec.clause_may_be_bare or verbal or before or after or bare_subject or opens_clause or named_document
                or any(c_start <= t.start - sentence.start < c_end for t in timexes)):
            # (通知明确，…: a kind of document alone as the whole subject is the one named before)
            if not any(ref in text[c_start:start] for ref in taxonomy.back_actors_zh + taxonomy.back_documents_zh) \
                    and bare_subject_text not in taxonomy.document_kinds_zh:
                continue  # nothing of its own in the clause: a noun use (集中存管工作要求), no event
        partners = []
        if before and _opens_with_partner(local, text, c_start, before[0]):
            partners, before = before, []  # 网联表示，已与财付通签署…: the partner; the subject is the sentence's
        # 备付金亦会如期于14日全部集中交存: the reserves named as the clause's subject are the
        # institutions', who act on them; not the body the sentence opened with (国新办举行记者会)
        of_the_owner = not before and spec.category != "regulatory" and _of_the_figure_owner(text[c_start:start], taxonomy)
        if not before and not of_the_owner:
            # A clause without a subject shares the sentence's: 董俊峰此前借调到支付司，专门牵头筹备网联.
            # A rule's clause takes it only from a regulator (else the rule speaks: its issuer acts).
            subject = _sentence_subject([x for x in local if id(x[0]) not in obliques], text, c_start, entities,
                                        _frame_words(taxonomy), taxonomy.framing_zh)
            if spec.refers_back:
                # 但银联当晚发布声明，间接否认了这一说法: who answers is who spoke in the clause just before
                subject = _previous_clause_subject([x for x in local if id(x[0]) not in obliques], clauses, c_start, entities) or subject
            if passive or spec.category != "regulatory" or all(entities.types.get(i) == "regulator" for i in subject):
                directive = _told_to_act(local, text, c_start, start, subject, entities, taxonomy)
                if directive:
                    directives[directive[0]] = (directive[1], subject, directive[2])
                before = directive[2] if directive else subject
        if owners and not before and type_id not in RULE_CONTENT_TYPES:
            # (no doer told, 文件…在业内流传 alone: the owners stand as before, the act's only parties;
            # a rule binds those whose ratio must be raised: 支付机构…比例按月提高 is demanded of them,
            # by the issuer of the rule it is under)
            before, after = owners, [i for i in after if i not in owners]
        before = _coordinated_tail(before, [x for x in local if x[2] <= start], text) + partners
        if of_the_owner and not before:
            before = [taxonomy.figure_owner]
        agent = [m for m, s, e in local if c_start <= s and e <= start and text[:s].endswith(tuple(taxonomy.agent_markers_zh))]
        if agent and not after:
            # 网联…，由中国支付清算协会组织发起设立: the association founds what the sentence is about.
            subject = _sentence_subject([x for x in local if x[0] is not agent[-1]], text, c_start, entities, _frame_words(taxonomy))
            after = [i for i in subject if i != agent[-1].entity_id]
        actors, targets = (after, before) if passive and spec.passive == "target" else (before, after)
        bei = text.rfind("被", c_start, start)
        by = [m.entity_id for m, s, e in local if passive and bei < s and e <= start and _actor_like(m, entities)]
        if by and spec.passive == "target":
            # 支付宝将被央行处罚: the name between 被 and the verb acts; the one before 被 undergoes it
            undergoes = [m.entity_id for m, s, e in local if c_start <= s and e <= bei and _actor_like(m, entities) and id(m) not in obliques]
            actors, targets = _unique(by + after), [i for i in _coordinated_tail(undergoes, local, text) if i not in by]
        # (首批接入的支付机构: joined, to the house the passage is about)
        implied_target = bool(described and spec.positional_target and not targets)
        if spec.positional_target and _kinds_reversed(actors, targets, spec.positional_target, entities):
            # 网联首批接入支付宝、财付通: what connects to a clearing house is the institution, however
            # the sentence orders them (events.yaml positional_target: the kinds a target is of)
            actors, targets = targets, actors
        elif spec.positional_target and not actors:
            # 已有20余家机构接入网联平台，其中包括财付通、支付宝…: the clearing house is the target,
            # the institutions listed with it connected
            houses = [i for i in targets if entities.types.get(i) in spec.positional_target]
            if houses and len(houses) < len(targets):
                actors, targets = [i for i in targets if i not in houses], houses
            elif targets and not houses and not passive:
                # 首批接入4家银行和3家支付机构: those listed connected, to the house the passage is about
                actors, targets, implied_target = targets, [], True
        elif spec.positional_target and not targets and not passive:
            # 网银在线已与网联完成对接, 网联与支付宝完成对接: of partners joined in one subject, the
            # house is what the others connected to
            houses = [i for i in actors if entities.types.get(i) in spec.positional_target]
            if houses and len(houses) < len(actors):
                actors, targets = [i for i in actors if i not in houses], houses
        if spec.object_named is not None and not passive and not after and _unnamed_object(text, end, c_end, timexes, sentence, spec, taxonomy):
            continue  # 网联在深圳设立新的数据中心, 成立三周年: no founding of a party
        if text[start:end] in spec.zh_modals and not all(entities.types.get(i) == "regulator" for i in actors):
            # 银行不得再为…提供直连服务: the subject is bound; who binds it is the rule's (its issuer, later)
            actors, targets = [], actors
        aimed = [(m, s, e) for m, s, e in local if c_start <= s and e <= start and id(m) in aimed_at and _actor_like(m, entities)]
        if aimed and not passive and _only_light_verbs(text[aimed[-1][2] : _word_start(doc, start)], taxonomy):
            targets = [m.entity_id for m, _, _ in aimed] + targets  # 向各银行和支付机构下发通知: whom it is aimed at
        if spec.speaker_only:
            actors = speakers[start]
            if not actors:
                continue
            targets = []
            statements = taxonomy.institution_statements
            if statements and entities.are_bodies(actors):
                # 7月31日，中信银行表示…: the bank's announcement (if the day is told), or its denial.
                statement = statements.type_of("zh", text[start:end], text[end:])
                if statement:
                    said[len(events)] = [EventMention(sentence_idx=sentence.idx, type=type_id, category=spec.category,
                                                      trigger=text[start:end], start=sentence.start + start,
                                                      end=sentence.start + end, actors=[speaker]) for speaker in actors]
                    type_id, spec = statement, taxonomy.types[statement]
        elif (taxonomy.institution_statements and type_id == taxonomy.institution_statements.type and entities.are_bodies(actors)
              and taxonomy.institution_statements.calls_untrue("zh", clauses[end : _clause(clauses, min(c_end + 1, len(clauses)))[1]])):
            # 拉卡拉发表声明，指有关报道失实: a body's statement calling what was told untrue is its denial
            type_id = taxonomy.institution_statements.untrue_type
            spec = taxonomy.types[type_id]
        docs_after = [m for m, s, _ in local if start <= s < c_end and entities.types.get(m.entity_id) == "document"]
        docs_before = [m for m, _, e in local if e <= start and entities.types.get(m.entity_id) == "document"]
        document = (docs_after or docs_before[-1:] or [None])[0]
        claimed = not spec.speaker_only and any(p < start for p in speech)
        for speaker in actors[1:] if spec.speaker_only else []:  # 孙爽和郭竞指出: one assessment each
            events.append(EventMention(sentence_idx=sentence.idx, type=type_id, category=spec.category,
                                       trigger=text[start:end], start=sentence.start + start,
                                       end=sentence.start + end, actors=[speaker]))
        actors = actors[:1] if spec.speaker_only else actors
        events.append(
            EventMention(
                sentence_idx=sentence.idx,
                type=type_id,
                category="claim" if claimed else spec.category,
                trigger=text[start:end],
                start=sentence.start + start,
                end=sentence.start + end,
                factuality=_heard_from(_unnamed_telling(unnamed, start, text, taxonomy) if not claimed else None,
                                       _planned_by_copula(copula, _with_the_modal_carried(
                                           text, c_start, start, spec, _factuality(text, c_start, start, type_id, taxonomy), taxonomy))),
                actors=_unique(actors),
                targets=[t for t in _unique(targets) if t not in actors],
                document=document.entity_id if document else None,
                document_kind=None if document else _kind_named_after(text, end, c_end, taxonomy),
                theme=None if actors or targets or bare_subject else _theme(text, start, end, c_end),
                back_reference=None if actors else bare_subject,
                target_back_reference=IMPLIED_TARGET if implied_target else None,
            )
        )
    _regulators_saying_what_must_be_done(events, entities, taxonomy)
    _requirements_of_directives(events, directives, text, sentence, taxonomy)
    _requirements_of_notices_sent(events, entities)
    events += _told_by_source(text, sentence, local, entities, taxonomy)
    _rules_of_the_kind_sent(events)
    _attach_dates(events, sentence, clauses, timexes, taxonomy)
    # Without its day, what an institution says is a comment, as a person's is.
    # (A denial is kept without its day: that the body calls the report untrue is what matters.)
    untrue = taxonomy.institution_statements.untrue_type if taxonomy.institution_statements else None
    return [kept for i, e in enumerate(events) for kept in (said[i] if i in said and not e.date and e.type != untrue else [e])]


def _of_the_figure_owner(subject: str, taxonomy: Taxonomy) -> bool:
    """Whether a clause's words before its verb name a thing of figure_owner's (备付金, 比例)."""
    return any(w in subject for w in taxonomy.figure_owner_words("zh"))


def _planned_by_copula(copula: re.Match | None, factuality: str) -> str:
    """首批接入的将是…: an act whose doers a copula of the future names is planned."""
    return "planned" if factuality == "asserted" and copula and re.search("将|会", copula.group()) else factuality


def _kinds_reversed(actors: list[str], targets: list[str], target_kinds: tuple[str, ...], entities: EntityInfo) -> bool:
    """Whether every actor is of the kinds the type's targets are, and no target is."""
    return bool(actors and targets) and all(entities.types.get(i) in target_kinds for i in actors) \
        and not any(entities.types.get(i) in target_kinds for i in targets)


def _regulators_saying_what_must_be_done(events: list[EventMention], entities: EntityInfo, taxonomy: Taxonomy) -> None:
    """央行去年8月通知称，支付机构须于…前接入网联: what a regulator says must be done, it requires
    of those who must do it; its statement is the requirement (the act required stays its
    content, and gives it its deadline)."""
    statements = taxonomy.institution_statements
    if statements is None:
        return
    for i, event in enumerate(events):
        if event.type != statements.type or not event.actors or any(entities.types.get(a) != "regulator" for a in event.actors):
            continue
        demanded = [later for later in events[i + 1 :] if later.factuality == "required" and later.category != "regulatory"]
        if demanded:
            event.type, event.category = "require", taxonomy.types["require"].category
            event.targets = _unique([a for later in demanded for a in later.actors + later.targets if a not in event.actors])


def _requirements_of_notices_sent(events: list[EventMention], entities: EntityInfo) -> None:
    """人民银行向支付机构下发通知，要求网络支付业务须…迁移至网联平台处理: a requirement naming
    no one but the house things must move to is required of those the notice was sent to."""
    for i, event in enumerate(events):
        if event.type != "require" or not event.targets or any(entities.types.get(t) != "clearing_house" for t in event.targets):
            continue
        sent = next((e for e in reversed(events[:i]) if e.type == "issue" and e.targets and e.actors == event.actors), None)
        if sent is not None:
            event.targets = list(sent.targets)


def _owners_of_object(local, text: str, c_start: int, start: int, spec: EventType, entities: EntityInfo) -> list[str]:
    """支付机构客户备付金集中交存比例将按月提高: for a verb telling its act by its object (events.yaml
    with_object), the names that describe the object before it are whose it is, the act's
    other end; its doer is told elsewhere (the regulator speaking)."""
    at = max((text.rfind(o, c_start, start) for o in spec.with_object["zh"][1]), default=-1)
    if at < 0:
        return []
    return [m.entity_id for m, s, e in local if c_start <= s and e <= at and _actor_like(m, entities)
            and not OBJECT_OWNER_BREAK.search(text, e, at)]


def _unnamed_object(text: str, end: int, c_end: int, timexes: list[Timex], sentence: Sentence, spec: EventType,
                    taxonomy: Taxonomy) -> bool:
    """Words after the verb in its clause that are its object (设立新的数据中心), not a time, a
    place or a joined verb (成立于2017年, 设立在北京, 成立以来, 揭牌成立)."""
    after = text[end:c_end]
    rest = after.lstrip("了 \u3000“”\"'")
    at = end + len(after) - len(rest)  # where the words after the verb start
    if not rest or rest.startswith(spec.object_named) or rest.startswith(taxonomy.zh_trigger_words()):
        return False
    return not any(t.start - sentence.start == at for t in timexes)  # (成立2017年…: a time)


def _told_by_source(text: str, sentence: Sentence, local, entities: EntityInfo, taxonomy: Taxonomy) -> list[EventMention]:
    """记者19日从网联清算有限公司获悉: the organisation named between 从 and the verb told it."""
    out = []
    for verb in taxonomy.learned_from.get("zh", ()):
        for m in re.finditer(re.escape(verb), text):
            opener = text.rfind("从", 0, m.start())
            if opener == -1 or m.start() - opener > SOURCE_SPAN_CHARS:
                continue
            # The source is the organisation itself, named right before the verb (从网联获悉, 从网联
            # 和银联处获悉); in 从接近银联的知情人士处获悉 it is the insiders, not the bank.
            before = [(x, s, e) for x, s, e in local if opener < s and e <= m.start() and _actor_like(x, entities)
                      and x.entity_id not in entities.collectives]  # 从多家支付机构获悉: a group tells as no one does
            end = m.start() - (1 if text[m.start() - 1 : m.start()] == "处" else 0)
            chain = []
            for x, s, e in reversed(before):
                if e != end:
                    break
                chain.insert(0, x.entity_id)
                end = s - (1 if text[s - 1 : s] in ("和", "与", "及", "、") else 0)
            sources = chain
            if sources:
                out.append(EventMention(sentence_idx=sentence.idx, type="announce", category=taxonomy.types["announce"].category,
                                        trigger=verb, start=sentence.start + m.start(), end=sentence.start + m.end(),
                                        actors=_unique(sources)))  # fmt: skip
    return out


def _speakers(local, text: str, c_start: int, start: int, entities: EntityInfo, taxonomy: Taxonomy) -> list[str]:
    """Who speaks: the people named before the speech verb in its clause (孙爽和郭竞指出), or a body
    named right before it (央行表示, 央行有关负责人表示)."""
    before = [(m, s, e) for m, s, e in local if c_start <= s and e <= start]
    people = [(m, s, e) for m, s, e in before if entities.types.get(m.entity_id) == "person"]
    if people:
        tail = [people[-1]]
        for earlier in reversed(people[:-1]):
            if text[earlier[2] : tail[0][1]].strip() in COORDINATORS:
                tail.insert(0, earlier)
            else:
                break
        return [m.entity_id for m, _, _ in tail]
    def speaks_for(gap: str) -> bool:
        # when and where it was said are no one else speaking (有关负责人1月16日在发布会上表示), and
        # neither is the body's answering or notice verb (央行去年8月通知称)
        gap = SPEECH_DAY.sub("", gap.strip())
        for verb in ("", *taxonomy.answering_zh):
            if gap.endswith(verb) and _without_when_and_where(gap[: len(gap) - len(verb)]) in taxonomy.official_speakers_zh:
                return True
        return False

    bodies = [m for m, _, e in before if entities.types.get(m.entity_id) in INSTITUTION_TYPES and speaks_for(text[e:start])]
    return [bodies[-1].entity_id] if bodies else []


def _without_when_and_where(gap: str) -> str:
    """What stands between a body and its speech verb, less the adverbs, the setting and the
    time (网联随后于22日在发布会上): who else would be speaking."""
    for pattern in (SPEECH_ADVERBS, SPEECH_SETTING, SPEECH_WHEN, SPEECH_ADVERBS):
        gap = pattern.sub("", gap)
    return gap


def _word_start(doc: Doc, at: int) -> int:
    """Where the jieba word holding character `at` starts (处罚 of 行政处罚 starts at 行)."""
    return next((t.idx for t in doc if t.idx <= at < t.idx + len(t.text)), at)


def _only_light_verbs(gap: str, taxonomy: Taxonomy) -> bool:
    """Whether nothing but light verbs and adverbs (作出, 进行, 依法) stands in `gap`."""
    gap = gap.strip()
    while gap:
        word = next((w for w in taxonomy.target_verbs_zh if gap.startswith(w)), None)
        if word is None:
            return False
        gap = gap[len(word) :]
    return True


def _opens_with_partner(local, text: str, c_start: int, first: str) -> bool:
    """Whether the clause's first name stands in a partner phrase with nobody before it:
    已与财付通签署 (with Tenpay, signed), not 支付宝与银联签约."""
    start = next(s for m, s, _ in local if m.entity_id == first and s >= c_start)
    return text[c_start:start].strip().endswith(PARTNER_MARKERS)


def _particular(lead: str, taxonomy: Taxonomy) -> bool:
    return bool(re.search(r"\d+\s*家$", lead)) or any(lead.endswith(w) for w in taxonomy.particular_markers_zh)


def _told_to_act(local, text: str, c_start: int, start: int, subject: list[str], entities: EntityInfo,
                 taxonomy: Taxonomy) -> tuple[int, int, list[str]] | None:
    """央行通知支付机构，须于6月30日前接入网联: a clause of what must be done, after a regulator's
    directive verb and the institutions it names, is those institutions' act. The verb's offsets
    and those told, or None."""
    required = taxonomy.factuality.get("required", {}).get("zh", ())
    if not subject or any(entities.types.get(i) != "regulator" for i in subject) or not any(w in text[c_start:start] for w in required):
        return None
    previous_start = _clause(text, max(c_start - 2, 0))[0]
    for verb in taxonomy.directive_verbs_zh:
        at = text.find(verb, previous_start, c_start)
        if at >= 0:
            told = [m.entity_id for m, s, e in local if at < s and e <= c_start and _actor_like(m, entities)]
            told = [i for i in _unique(told) if entities.types.get(i) != "regulator"]
            return (at, at + len(verb), told) if told else None
    return None


def _requirements_of_directives(events: list[EventMention], directives: dict[int, tuple[int, list[str], list[str]]],
                                text: str, sentence: Sentence, taxonomy: Taxonomy) -> None:
    """The regulator's directive (央行通知支付机构，须…) is a requirement of those told, placed before
    the acts it demands (which it takes in as its content), unless the verb is one already."""
    for verb_start, (verb_end, regulator, told) in sorted(directives.items()):
        if any(e.start == sentence.start + verb_start for e in events):
            continue  # 要求 is a requirement trigger of its own
        demanded = [e for e in events if e.start > sentence.start + verb_start]
        at = events.index(demanded[0]) if demanded else len(events)
        targets = _unique(told + [t for e in demanded for t in e.targets if t not in regulator])
        events.insert(at, EventMention(sentence_idx=sentence.idx, type="require", category=taxonomy.types["require"].category,
                                       trigger=text[verb_start:verb_end], start=sentence.start + verb_start,
                                       end=sentence.start + verb_end, actors=list(regulator), targets=targets))


def _sentence_subject(local, text: str, before: int, entities: EntityInfo, frames: tuple[str, ...] = (),
                      framing: tuple[str, ...] = ()) -> list[str]:
    """The subject of the sentence: in its first clause that names a party, the person if it
    names one (中国银行…副总经理董俊峰: the person, not the bank), else the first institution. A
    clause ending in one of `frames` (央行官网公告显示) gives none when a later one names a party;
    one opened by a word of `framing` (根据人民银行下发的通知) gives none at all."""
    start = 0
    while start < before:
        end = _clause(text, start)[1]
        if framing and text[start:end].lstrip("“”\"' \u3000").startswith(framing):
            start = end + 1
            continue
        opening = [(m, s, e) for m, s, e in local if start <= s and e <= end and _actor_like(m, entities)]
        # (a party after it as a partner is none it tells of: 支付宝方面表示，正在与银联沟通，…)
        if opening and frames and text[start:end].rstrip().endswith(frames) and any(
                end < s and e <= before and _actor_like(m, entities) and not text[:s].rstrip().endswith(PARTNER_MARKERS)
                for m, s, e in local):
            start = end + 1  # 央行官网公告显示，易宝支付…被罚款: the clause after the frame names whom it tells of
            continue
        if opening:
            people = [x for x in opening if entities.types.get(x[0].entity_id) == "person"]
            first = (people or opening)[0]
            group = [first]  # 浙江易士…、广东益民…和上海畅购…3家支付机构: the subject is all three
            for nxt in opening[opening.index(first) + 1 :]:
                if text[group[-1][2] : nxt[1]].strip() not in COORDINATORS:
                    break
                group.append(nxt)
            return [m.entity_id for m, _, _ in group]
        start = end + 1
    return []


def _previous_clause_subject(local, clauses: str, c_start: int, entities: EntityInfo) -> list[str]:
    """The party named first in the clause right before `c_start`, if it names one before its end."""
    if c_start <= 1:
        return []
    start, end = _clause(clauses, c_start - 2)
    named = [m.entity_id for m, s, e in local if start <= s and e <= end and _actor_like(m, entities)]
    return named[:1]


def _coordinated_tail(ids: list[str], local, text: str) -> list[str]:
    """The actor right before the verb, with those joined to it by 和/与/及/、 (支付宝和微信支付),
    and the subject of a partner phrase whatever stands before its 与 (支付宝于9月10日与银联签约).
    local: the mentions up to the verb (one named again after it, 接入银联网络, is not where it
    stands in the subject)."""
    if not ids:
        return []
    spans = {m.entity_id: (s, e) for m, s, e in local}  # the last mention of each (local ends at the verb)
    tail = [ids[-1]]
    phrase_start = spans[ids[-1]][0]  # where the phrase naming the first of the tail starts
    for earlier in reversed(ids[:-1]):
        gap = text[spans[earlier][1] : phrase_start]
        if gap.strip() in OWNER_LINKS:
            phrase_start = spans[earlier][0]  # 腾讯旗下的财付通: the parent only names the unit
        elif _examples_gap(gap):
            # 财付通、支付宝等主要支付机构: the group's members named as its examples act with it
            tail.insert(0, earlier)
            phrase_start = spans[earlier][0]
        elif gap.strip() and (gap.strip() in COORDINATORS or gap.endswith(PARTNER_MARKERS)):
            tail.insert(0, earlier)
            phrase_start = spans[earlier][0]
        else:
            break
    return tail


def _examples_gap(gap: str) -> bool:
    """The words between the last example and its group (财付通、支付宝等主要支付机构): 等 and
    at most a few words describing the group, no clause break."""
    gap = gap.strip()
    return gap.startswith(EXAMPLES_MARKER) and len(gap) <= EXAMPLES_GAP_CHARS and not re.search(r"[，。；：,;:]", gap)


def _actor_like(mention: Mention, entities: EntityInfo) -> bool:
    return entities.types.get(mention.entity_id) not in ACTOR_TYPES_EXCLUDED


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def _theme(text: str, start: int, end: int, clause_end: int) -> str | None:
    """The object as written, when no entity names it: 上线测试 (of) 灰度."""
    rest = text[end:clause_end].strip("了的地得 ")
    return rest[:20] or None


def _moved_to(text: str, trigger_end: int, date_start: int, spec: EventType) -> bool:
    """Whether a date after the act's verb is where the act moves a time to (延后至年底)."""
    words = spec.moved_to.get("zh", ())
    between = text[trigger_end:date_start]
    return bool(words) and len(between) <= MOVED_TO_CHARS and not re.search(r"[，。；：,;:]", between) and between.endswith(words)


def _dates_a_modifier(between: str, event_type: str, taxonomy: Taxonomy) -> bool:
    """Whether the words between a date and an act open with a clause describing a noun: a verb
    and then 的 (去年12月下发的《规范》正式实施). 去年8月的通知 has no verb: the date is the
    noun's own. What a rule says is dated by the rule's issue, the date such a clause
    tells (去年8月下发的通知要求…, 根据6月29日下发的114号文，…按月逐步提高)."""
    import jieba.posseg  # loaded by the Chinese pipeline already

    at = between.find("的")
    if event_type in RULE_CONTENT_TYPES or at < 0 or between.startswith("话", at + 1) or re.search(r"[，。；：,;:]", between[:at]):
        return False
    # Only verbs and adverbs between the date and 的: the date opens that clause. (央行9月10日对一家
    # 未…完成切量的机构开出罚单: 对 opens a phrase of the main clause, whose date it is.)
    tags = jieba.posseg.dt.word_tag_tab
    triggers = taxonomy.zh_trigger_words()
    kinds = ["v" if word in triggers else (tags.get(word) or "x")[0] for word in jieba.lcut(between[:at].strip())]
    return "v" in kinds and set(kinds) <= {"v", "d", "a"}


def _attach_dates(events: list[EventMention], sentence: Sentence, clauses: str, timexes: list[Timex], taxonomy: Taxonomy) -> None:
    """The date and deadline of each event, as english._attach_dates, by clauses and cues.
    clauses: the sentence's text as find_events reads its clauses (_clauses_of_dated_list)."""
    attach_dates(events, timexes, lambda some, dated: _attach(some, sentence, clauses, timexes, dated, taxonomy))


def _attach(events: list[EventMention], sentence: Sentence, clauses: str, timexes: list[Timex], dated: list[Timex],
            taxonomy: Taxonomy) -> None:  # fmt: skip
    if not dated:
        return
    text = sentence.text

    def is_deadline(t: Timex) -> bool:
        s, e = t.start - sentence.start, t.end - sentence.start
        follows = text[e : e + 3]
        precedes = text[max(0, s - 4) : s]
        return any(follows.startswith(c) for c in taxonomy.deadline_after_zh) or any(
            precedes.endswith(c) for c in taxonomy.deadline_before_zh) or names_a_deadline(e)

    # 距离6月30日“断直连”大限仅剩5天: the date of a deadline noun is a limit, not the acts' date
    deadline_nouns = "|".join(re.escape(w) for w in (*taxonomy.types["deadline"].zh, *taxonomy.deadline_nouns_zh))

    def names_a_deadline(end: int) -> bool:
        return bool(deadline_nouns) and re.match(rf"[^，。；：,;:]{{0,{DEADLINE_NOUN_REACH}}}?(?:{deadline_nouns})", text[end:]) is not None

    after_cues = taxonomy.after_cues.get("zh", ())
    # A clause of nothing but a start or limit (今年6月30日起，…; 业内人士预计，明年6月底前，…) sets it
    # for the acts after it that have no time of their own.
    def limit_only(t: Timex) -> bool:
        start, end = _clause(clauses, t.start - sentence.start)
        # (the date cut out by its offsets: its text is as written, the sentence read in Simplified)
        lead = text[start : t.start - sentence.start]
        # (这意味着6月30日前，…: a word linking the sentence to the one before says no time)
        lead = next((lead[len(w):] for w in taxonomy.discourse_openers_zh if lead.startswith(w)), lead)
        rest = lead + text[t.end - sentence.start : end]
        return not rest.strip(OPENING_LIMIT_WORDS)

    opening = [t for t in dated if is_deadline(t) and limit_only(t)]
    # 6月29日，即断直连大限前一天，…: a clause opened by 即 restates the date before it in other
    # words (read from another anchor, it may be a day off); the date told first stands.
    restating = [t for t in dated if text[_clause(clauses, t.start - sentence.start)[0] : t.start - sentence.start].lstrip().startswith("即")
                 and any(o.end <= t.start for o in dated if o is not t)]
    dated = [t for t in dated if t not in restating]
    for event in events:
        spec = taxonomy.types[event.type]
        deadlines = [t for t in dated if is_deadline(t)]
        plain = [t for t in dated if not is_deadline(t)]
        if spec.date_from_deadline or event.type in ("deposit",) and not plain:
            plain, deadlines = deadlines or plain, []
        if moved := [t for t in plain if _moved_to(text, event.end - sentence.start, t.start - sentence.start, spec)]:
            plain, deadlines = [t for t in plain if t not in moved], deadlines + moved
        local = event.start - sentence.start
        clause = _clause(clauses, local)
        if any(clause[0] <= t.start - sentence.start < clause[1] and t.type != "SET" for t in timexes) and not any(
            clause[0] <= t.start - sentence.start < clause[1] for t in dated
        ):
            # the clause has its own vague time (日前, 近日): borrow no date from elsewhere, but
            # the limit the clauses after set is still its own (人民银行早前规定，由6月30日起，…)
            # (a frequency, 每月提高, says how often, not when)
            if not spec.speaker_only:
                _take_limits_after(event, [t for t in deadlines if t.start - sentence.start >= local])
            continue
        # 央行去年12月下发的《规范》正式实施: a date in a clause that describes a noun (…下发的) is
        # that clause's; the act after the noun has no date from it.
        plain = [t for t in plain if t.end > event.start or not _dates_a_modifier(text[t.end - sentence.start : local], event.type, taxonomy)]
        in_clause = [t for t in plain if clause[0] <= t.start - sentence.start < clause[1]]
        if text[event.end - sentence.start : event.end - sentence.start + 1] == "的":
            # 4月1日，央行下发的《规范》正式实施: a verb describing a noun is background; only a date
            # of its own phrase, before it in its clause (央行去年12月下发的), is its own
            plain = in_clause = [t for t in in_clause if t.end - sentence.start <= local]
        if spec.speaker_only:
            continue  # what someone says has no date of its own here
        before = [t for t in plain if t.end - sentence.start <= local]
        # 并自2018年6月30日起将相关业务全部迁移至网联平台: a start or limit in the act's own clause is
        # its time; it borrows no date from the clauses before.
        own_limits = [t for t in deadlines if clause[0] <= t.start - sentence.start and t.end - sentence.start <= local]
        if own_limits and not in_clause and spec.category == "industry" and event.factuality in ("asserted", "reported"):
            # 由當天起百分之百集中交存: what the industry did from a day on, it did that day (told
            # as fact or as reported, 据了解，网联平台自去年3月31日启动试运行以来; not as planned).
            in_clause = own_limits[-1:]
        if own_limits and not in_clause:
            before = []
        # 记者19日从网联获悉，…将承担…: the day is the learning's; what was learned has its own time.
        if before and not in_clause and any(text.find(verb, before[-1].end - sentence.start, local) >= 0 for verb in taxonomy.learned_from.get("zh", ())):
            before = []
        # 央行有关负责人1月16日表示，截至1月14日，…已全部完成: what is said with a limit of its own
        # is not dated by the day it was said on.
        limited = own_limits or [t for t in opening if before and before[-1].end <= t.start and t.end - sentence.start <= local]
        if before and not in_clause and limited and any(
                text.find(word, before[-1].end - sentence.start, local) >= 0 for word in _speech_words(taxonomy)):
            before = []
        # A date later in the sentence belongs to a later clause: 明确，…计算公式为上季度… is no Q4 event.
        chosen = (in_clause or before[-1:] or [None])[0]
        # 央行去年12月下发的《规范》昨日（4月1日）正式实施: of two dates in the act's clause, the
        # one nearest before its verb is its own (a Chinese date stands before what it dates).
        in_clause_before = [t for t in in_clause if t.end - sentence.start <= local]
        if in_clause_before:
            chosen = in_clause_before[-1]
        if chosen:
            event.date, event.date_text, event.date_source = point_date(chosen), chosen.text, "sentence"
            if (not in_clause or in_clause_before) and chosen in plain:
                event.date, event.date_text = date_of_span(plain, chosen, text, sentence.start, taxonomy.date_joiners.get("zh", ()))
            between = text[chosen.end - sentence.start : local]
            if any(c in between for c in after_cues):
                event.date_mod = "AFTER"
        later = [t for t in deadlines if t.start - sentence.start >= local]
        starts = [t for t in opening if t.end - sentence.start <= local and _a_start(t, text, sentence)]
        if later and starts:
            # 自7月9日起，…比例按月逐步提高，到明年1月14日实现100%: the start before the act and the
            # end after it are both its steps (as english._attach reads "from July 9 …, until …")
            event.deadline, event.later_deadlines = limit_date(starts[-1]), [limit_date(t) for t in later]
            continue
        if _take_limits_after(event, later) or event.date:
            continue
        if own_limits:
            event.deadline = limit_date(own_limits[-1])
        elif before_it := [t for t in opening if t.end - sentence.start <= local]:
            event.deadline = limit_date(before_it[-1])  # 今年6月30日起，…全部通过网联平台处理
