"""Roles and affiliations of people, read from the words around their names.

English: "Our reporter Xie Shui Wang", "(Editor: Ma Chun Yuan)", "Xue Hongyan, director of the
Internet Financial Research Center of Suning Financial Research Institute".
Chinese: "中国银行网络金融部副总经理董俊峰", "零壹财经财经分析师孙爽和郭竞".
The affiliation is the nearest organisation mention on the role's side of the name. Role words
come from entity_rules_en.yaml and entity_patterns_zh.yaml.
"""

from __future__ import annotations

import re

from .model import ORG_TYPES, WorkingMention
from .table import load_rules

# How far (characters) an affiliation may sit from its role word.
EN_AFFILIATION_WINDOW = 60
ZH_AFFILIATION_WINDOW = 30
OFFICE_LOOK_BACK = 2  # sentences back to the organisation an office is held at
OFFICE_ORG_TYPES = ORG_TYPES - {"media"}  # where offices are held when the words do not say: no newspaper
_ZH_CLAUSE_BREAK = re.compile(r"[，。；！？：]")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class RoleFinder:
    def __init__(self) -> None:
        en_roles = _alternation(load_rules("entity_rules_en").get("roles", []))
        zh = load_rules("entity_patterns_zh")
        self.en_before = re.compile(rf"(?i)\b(?P<role>{en_roles})\s*[:：]?\s*$")
        self.en_after = re.compile(
            rf"(?i)^\s*,\s*(?:the\s+|a\s+|an\s+)?(?P<role>(?:[a-z-]+\s+){{0,2}}?(?:{en_roles}))\b")
        # "Dong Junfeng serves as the legal representative", "Cai Hongbo (chairman)": an office
        post_verbs = _alternation(load_rules("entity_rules_en").get("post_verbs", []))
        self.en_office = re.compile(
            rf"(?i)^(?:\s+(?:{post_verbs})\s+(?:the\s+|a\s+|an\s+)?|\s*\(\s*)(?P<role>{en_roles})\b")
        self.zh_before = re.compile(rf"(?P<role>{_alternation(zh.get('roles', []))}){zh.get('role_name_gap', '')}$")
        self.zh_joiner = re.compile(rf"(?:{_alternation(zh.get('name_joiners', []))})$")
        self.zh_post = re.compile(
            rf"^(?P<hedge>{_alternation(zh.get('post_hedges', []))})?(?P<verb>{_alternation(zh.get('post_verbs', []))})"
            rf"(?P<between>[^，。；！？]{{0,20}}?)(?P<role>{_alternation(zh.get('roles', []))})")

    def _org_before(self, mentions: list[WorkingMention], person: WorkingMention, limit: int,
                    text_of) -> WorkingMention | None:
        candidates = [m for m in mentions if m.sentence_idx == person.sentence_idx
                      and m.type in ORG_TYPES and m.end <= limit and limit - m.end <= ZH_AFFILIATION_WINDOW
                      and not _ZH_CLAUSE_BREAK.search(text_of(m.end, limit))]
        return max(candidates, key=lambda m: m.end) if candidates else None

    def _org_earlier(self, mentions: list[WorkingMention], person: WorkingMention) -> WorkingMention | None:
        """The organisation an office is held at when the words do not say: the last one named
        before the person, in the sentence or the two before (a company's register lists its
        officers after naming it)."""
        candidates = [m for m in mentions if m.type in OFFICE_ORG_TYPES and m.end <= person.start
                      and 0 <= person.sentence_idx - m.sentence_idx <= OFFICE_LOOK_BACK]
        return max(candidates, key=lambda m: m.end) if candidates else None

    @staticmethod
    def _sentence_topic(mentions: list[WorkingMention], person: WorkingMention) -> WorkingMention | None:
        """The organisation a Chinese sentence opens with, whose officers it lists (网联清算有限公司
        董事长由…出任，法定代表人为董俊峰): the first named in it, before the person."""
        candidates = [m for m in mentions if m.sentence_idx == person.sentence_idx and m.type in OFFICE_ORG_TYPES
                      and m.end <= person.start]
        return min(candidates, key=lambda m: m.start) if candidates else None

    def _org_after(self, mentions: list[WorkingMention], person: WorkingMention, start: int
                   ) -> WorkingMention | None:
        candidates = [m for m in mentions if m.sentence_idx == person.sentence_idx
                      and m.type in ORG_TYPES and start <= m.start <= start + EN_AFFILIATION_WINDOW]
        return min(candidates, key=lambda m: m.start) if candidates else None

    def find(self, mentions: list[WorkingMention], text_of, lang: str, sentence_ends: dict[int, int]
             ) -> dict[str, list[dict]]:
        """entity id -> [{"role", "affiliation", "sentence_idx"}] for the people mentioned.

        text_of(start, end) reads the article text; sentence_ends maps sentence idx -> end offset.
        """
        roles: dict[str, list[dict]] = {}
        previous: dict | None = None
        previous_end = -1
        for person in mentions:
            if person.type != "person" or not person.entity_id:
                continue
            found: dict | None = None
            before = text_of(max(person.sent_start, person.start - 40), person.start)
            if lang == "zh":
                match = self.zh_before.search(before)
                if match:
                    role_start = person.start - len(match.group(0))
                    org = self._org_before(mentions, person, role_start, text_of)
                    if org is None and match.group("copula"):
                        org = self._sentence_topic(mentions, person) or self._org_earlier(mentions, person)
                    found = {"role": match.group("role"), "affiliation": _name(org)}
                elif previous and self.zh_joiner.fullmatch(text_of(previous_end, person.start)):
                    found = dict(previous)  # 分析师孙爽和郭竞: 郭竞 shares the role
                post = self.zh_post.match(text_of(person.end, sentence_ends.get(person.sentence_idx, person.end + 40)))
                if post:  # 董有望担任网联总裁: a second role, after the name
                    at = person.end + post.start("between")
                    org = self._org_after(mentions, person, at)
                    entry = {"role": (post.group("hedge") or "") + post.group("verb") + post.group("role"),
                             "affiliation": _name(org) if org and org.end <= person.end + post.start("role") else None,
                             "sentence_idx": person.sentence_idx}  # fmt: skip
                    if entry not in roles.setdefault(person.entity_id, []):
                        roles[person.entity_id].append(entry)
            else:
                match = self.en_before.search(before)
                if match:
                    found = {"role": match.group("role").lower(), "affiliation": None}
                else:
                    limit = sentence_ends.get(person.sentence_idx, person.end + 120)
                    after = text_of(person.end, min(person.end + 120, limit))
                    match = self.en_after.match(after)
                    office = None if match else self.en_office.match(after)
                    if match:
                        org = self._org_after(mentions, person, person.end + match.end())
                        found = {"role": match.group("role").lower(), "affiliation": _name(org)}
                    elif office:
                        org = self._org_after(mentions, person, person.end + office.end())
                        if org is not None and not re.match(r"\s*(?:of|at)\b", text_of(person.end + office.end(), org.start)):
                            org = None  # the next name is no "of"/"at" of the office
                        found = {"role": office.group("role").lower(), "affiliation": _name(org or self._org_earlier(mentions, person))}
            if found:
                entry = {**found, "sentence_idx": person.sentence_idx}
                if entry not in roles.setdefault(person.entity_id, []):
                    roles[person.entity_id].append(entry)
                previous, previous_end = found, person.end
            else:
                previous, previous_end = None, -1
        return roles


def _name(mention: WorkingMention | None) -> str | None:
    if mention is None:
        return None
    return mention.entity_id or mention.text
