"""Load the tagger's vocabularies and grammar from pipeline/data/time/<lang>.yaml.

The data files are what an analyst edits; this module only turns them into compiled
regexes, once per language and process (a cached loader, not import-time work).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "time"
LANGS = ("en", "zh")

_MACRO_REF = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


class GrammarError(ValueError):
    """A data file names a macro, vocabulary or kind that does not exist."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One grammar rule: a compiled pattern and what the normaliser should do with it."""

    name: str
    kind: str
    regex: re.Pattern
    type: str | None = None
    value: str | None = None
    span: str | None = None  # named group that is the extent
    require: re.Pattern | None = None  # the matched text must contain this
    vague: bool = False
    attrs: tuple = ()  # extra fixed attributes from the rule, as (key, value) pairs


@dataclass(frozen=True, slots=True)
class Grammar:
    lang: str
    vocab: dict  # table name -> {normalised key: meaning}
    rules: tuple[Rule, ...]
    case_sensitive: frozenset[str]
    future_cues: re.Pattern | None
    past_cues: re.Pattern | None
    future_cues_before_only: re.Pattern | None  # future only before the expression (要求…6月30日前)
    boundary_before: re.Pattern | None  # a boundary word just before an expression
    boundary_after: re.Pattern | None  # a boundary word just after it (Chinese 起, 前)
    prefix: re.Pattern | None  # modifiers/approximators glued before an expression
    suffix: re.Pattern | None  # modifiers glued after an expression (Chinese 底, 左右)
    raw_names: frozenset[str] = frozenset()  # names_not_dates, case kept
    lead_future: re.Pattern | None = None  # a word just before that points ahead ("by", "until")
    lead_past: re.Pattern | None = None  # a word just before that points back ("since")
    perfect: re.Pattern | None = None  # a completed past in the clause ("had connected by June 30")
    perfect_turns: re.Pattern | None = None  # the words just before that a completed past turns back ("by")

    def lookup(self, table: str, text: str | None):
        """The meaning of `text` in vocabulary `table`, or None."""
        if text is None:
            return None
        return self.vocab.get(table, {}).get(normalise_key(text))


def normalise_key(text: str) -> str:
    """Vocabulary keys are compared lower-cased, with single spaces and no final dot."""
    key = " ".join(text.lower().replace("\u2019", "'").split())
    return key[:-1] if key.endswith(".") and len(key) > 2 else key


def _alternation(words, lang: str) -> str:
    """A regex alternation of words, longest first so that the longest form wins."""
    parts = []
    for word in sorted({str(w) for w in words}, key=len, reverse=True):
        escaped = re.escape(word)
        if lang == "en":
            escaped = escaped.replace(r"\ ", r"\s+").replace("'", "['\u2019]")  # "New Year’s" too
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")"


def _vocab_words(table) -> list[str]:
    if isinstance(table, dict):
        words = []
        for key, meaning in table.items():
            if isinstance(meaning, dict) and "forms" in meaning:
                words.extend(meaning["forms"])
                words.extend(meaning.get("plural") or [])
            else:
                words.append(key)
        return words
    return list(table)


def _build_macros(spec: dict, raw: dict, lang: str) -> dict[str, str]:
    macros: dict[str, str] = {}

    def expand(name: str, stack: tuple[str, ...] = ()) -> str:
        if name in macros:
            return macros[name]
        if name not in spec or name in stack:
            raise GrammarError(f"{lang}.yaml: unknown or recursive macro {{{name}}}")
        entry = spec[name]
        if "vocab" in entry:
            if entry["vocab"] not in raw:
                raise GrammarError(f"{lang}.yaml: macro {name} names no vocabulary {entry['vocab']!r}")
            words = _vocab_words(raw[entry["vocab"]])
            body = _alternation(words, lang)
            extra = entry.get("extra") or []
            if extra:
                body = "(?:" + "|".join(extra) + "|" + body + ")"
            body += entry.get("suffix", "")
        else:
            body = entry["regex"]
        body = _MACRO_REF.sub(lambda m: expand(m.group(1), stack + (name,)), body)
        macros[name] = "(?:" + body + ")"
        return macros[name]

    for name in spec:
        expand(name)
    return macros


def _expand(pattern: str, macros: dict[str, str], lang: str) -> str:
    def sub(m: re.Match) -> str:
        if m.group(1) not in macros:
            raise GrammarError(f"{lang}.yaml: unknown macro {{{m.group(1)}}} in a rule")
        return macros[m.group(1)]

    return _MACRO_REF.sub(sub, pattern)


def _cue_regex(words, lang: str, where: str = "any") -> re.Pattern | None:
    if not words:
        return None
    body = _alternation(words, lang)
    if lang == "en":
        body = r"(?<![\w'])" + body + r"(?![\w'])"
    if where == "end":
        body += r"[\s,]*$"
    elif where == "start":
        body = "^" + body
    return re.compile(body, re.IGNORECASE)


def _normalised_vocab(raw: dict) -> dict:
    vocab = {}
    for name, table in raw.items():
        if isinstance(table, dict):
            vocab[name] = {normalise_key(str(k)): v for k, v in table.items()}
            # unit forms map to their unit record as well
            for meaning in table.values():
                if isinstance(meaning, dict) and "forms" in meaning:
                    for form in meaning["forms"]:
                        vocab[name][normalise_key(str(form))] = meaning
                    for form in meaning.get("plural") or []:
                        vocab[name][normalise_key(str(form))] = dict(meaning, is_plural=True)
        elif isinstance(table, list):
            vocab[name] = {normalise_key(str(k)): True for k in table}
    # relative_year, relative_month...: split for the grammar's macros, one table to look up
    merged = vocab.setdefault("relative", {})
    for name in list(vocab):
        if name.startswith("relative_") and name != "relative_implicit":
            merged.update(vocab[name])
    return vocab


@cache
def load_grammar(lang: str) -> Grammar:
    """Read and compile <lang>.yaml once per process."""
    if lang not in LANGS:
        raise GrammarError(f"no temporal grammar for language {lang!r}; use one of {', '.join(LANGS)}")
    raw = yaml.safe_load((DATA_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))
    macros = _build_macros(raw.get("macros", {}), raw, lang)
    flags = re.IGNORECASE if lang == "en" else 0
    # English words must not start or end inside another word; Chinese has no such edges.
    left, right = (r"(?<![\w'])", r"(?![\w])") if lang == "en" else ("", "")
    rules = []
    for spec in raw["rules"]:
        body = _expand(spec["pattern"], macros, lang)
        regex = re.compile(left + "(?:" + body + ")" + right, flags)
        require = spec.get("require")
        known = {"name", "kind", "pattern", "type", "value", "span", "require", "vague"}
        rules.append(
            Rule(
                name=spec["name"],
                kind=spec["kind"],
                regex=regex,
                type=spec.get("type"),
                value=spec.get("value"),
                span=spec.get("span"),
                require=re.compile(require, re.IGNORECASE) if require else None,
                vague=bool(spec.get("vague")),
                attrs=tuple((k, v) for k, v in spec.items() if k not in known),
            )
        )
    # which vocabularies may be folded in before an expression ("early", "about"): English
    # modifiers precede, Chinese ones (底, 左右) follow, so each language names its own
    prefix_words = [w for table in raw.get("prefix_tables", []) for w in (raw.get(table) or {})]
    prefix = None
    if prefix_words:
        sep = r"[\s-]*" if lang == "en" else ""
        prefix = re.compile(r"(?<![\w'])" * (lang == "en") + "(" + _alternation(prefix_words, lang) + ")" + sep + "$", flags)
    suffix_words = list((raw.get("suffix_modifiers") or {}).keys())
    suffix = re.compile("^(" + _alternation(suffix_words, lang) + ")") if suffix_words else None
    return Grammar(
        lang=lang,
        vocab=_normalised_vocab({k: v for k, v in raw.items() if k not in ("macros", "rules")}),
        rules=tuple(rules),
        case_sensitive=frozenset(str(w).lower() for w in raw.get("case_sensitive", [])),
        future_cues=_cue_regex(raw.get("future_cues"), lang),
        past_cues=_cue_regex(raw.get("past_cues"), lang),
        future_cues_before_only=_cue_regex(raw.get("future_cues_before_only"), lang),
        boundary_before=_cue_regex(raw.get("boundary_cues"), lang, where="end"),
        boundary_after=_cue_regex(raw.get("boundary_after"), lang, where="start"),
        prefix=prefix,
        suffix=suffix,
        raw_names=frozenset(raw.get("names_not_dates") or ()),
        lead_future=_cue_regex(raw.get("lead_future_cues"), lang, where="end"),
        lead_past=_cue_regex(raw.get("lead_past_cues"), lang, where="end"),
        perfect=_cue_regex(raw.get("perfect_cues"), lang),
        perfect_turns=_cue_regex(raw.get("perfect_turns"), lang, where="end"),
    )
