"""Read numbers as written: "twenty-four", "2 1/2", "a couple of", 二〇一七, 十二, 两.

The words themselves live in the data files (numbers, digits tables); this module only
knows how number words combine.
"""

from __future__ import annotations

import re

from pipeline.extract.time.resources import Grammar, normalise_key

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_FRACTION = re.compile(r"^(\d+)\s+(\d)/(\d)$")


def to_ascii_digits(text: str) -> str:
    return text.translate(_FULLWIDTH)


def parse_number(text: str | None, grammar: Grammar) -> float | None:
    """A count as a number, None if vague ("several") or unreadable."""
    if text is None:
        return None
    raw = to_ascii_digits(text.strip())
    key = normalise_key(raw)
    if grammar.lookup("vague_numbers", key):
        return None
    if grammar.lang == "zh":
        fixed = grammar.lookup("article_numbers", key)
        return float(fixed) if fixed is not None else parse_chinese(raw, grammar)
    half = 0.0
    for suffix, amount in grammar.vocab.get("number_suffixes", {}).items():
        spaced = key.replace("-", " ")  # "one-and-a-half" as "one and a half"
        if spaced.endswith(" " + suffix):
            half, key = float(amount), spaced[: -len(suffix)].strip()
            break
    m = _FRACTION.match(key)
    if m:
        return int(m.group(1)) + int(m.group(2)) / int(m.group(3))
    digits = key.replace(",", "")
    try:
        return float(digits) + half
    except ValueError:
        pass
    fixed = grammar.lookup("article_numbers", key)
    if fixed is None:
        fixed = grammar.lookup("numbers", key)
    if fixed is not None:
        return float(fixed) + half
    n = _sum_words(re.split(r"[\s-]+", key), grammar)
    return None if n is None else n + half


def _sum_words(words: list[str], grammar: Grammar) -> float | None:
    """twenty four -> 24, two hundred and ten -> 210 (joiners such as "and" are skipped)."""
    total, current = 0.0, 0.0
    joiners = grammar.vocab.get("number_joiners", {})
    for word in words:
        if word in joiners:
            continue
        n = grammar.lookup("numbers", word)
        if n is None:
            return None
        if n in (100, 1000):
            current = max(current, 1) * n
            if n == 1000:
                total, current = total + current, 0.0
        else:
            current += n
    return total + current


def parse_chinese(text: str, grammar: Grammar) -> float | None:
    """Chinese numerals: positional (二〇一七) and multiplicative (二十三, 一百)."""
    text = to_ascii_digits(text)
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        pass
    digits = grammar.vocab.get("digits", {})
    units = grammar.vocab.get("digit_units", {})
    # positional, as in years: every character a digit
    if all(ch in digits or ch.isdigit() for ch in text) and len(text) >= 2:
        return float("".join(str(digits.get(ch, ch)) for ch in text))
    total, current, last = 0, 0, None
    for ch in text:
        if ch.isdigit():
            current = current * 10 + int(ch)
        elif ch in digits:
            current = digits[ch]
        elif ch in units:
            mult = units[ch]
            total += (current or 1) * mult
            current = 0
        else:
            return None
        last = ch
    if last is not None and last in digits and total and text[-2:-1] and text[-2] in units:
        pass  # 二十三: the 三 is units, already in current
    return float(total + current)


ROC_YEAR_ZERO = 1911  # 民國1年 is 1912


def parse_year(text: str, grammar: Grammar, dct_year: int | None) -> int | None:
    """A year as written: 2018, '98, nineteen ninety-six, 二〇一七, 民國107 (the Republic of China's
    107th year, 2018)."""
    raw = to_ascii_digits(text.strip())
    if raw[:2] in ("民國", "民国"):
        count = int(raw[2:]) if raw[2:].isdigit() else parse_chinese(raw[2:], grammar)
        return ROC_YEAR_ZERO + int(count) if count else None
    if raw.startswith("'") and raw[1:].isdigit():
        yy = int(raw[1:])
        base = dct_year if dct_year else 2000
        century = (base // 100) * 100
        year = century + yy
        return year - 100 if year > base + 10 else year
    if raw.isdigit():
        year = int(raw)
        if len(raw) == 2:
            return parse_year("'" + raw, grammar, dct_year)
        return year
    if grammar.lang == "zh":
        n = parse_chinese(raw, grammar)
        return int(n) if n else None
    words = re.split(r"[\s-]+", normalise_key(raw))
    while words and grammar.lookup("numbers", words[0]) is None:
        words = words[1:]  # "the year two thousand"
    if len(words) >= 2 and grammar.lookup("numbers", words[1]) == 1000:
        n = _sum_words(words, grammar)  # two thousand and one
        return int(n) if n else None
    if len(words) >= 2:
        # nineteen ninety-six: hundreds, then the rest
        head = grammar.lookup("numbers", words[0])
        tail = _sum_words(words[1:], grammar)
        if head and tail is not None:
            return int(head) * 100 + int(tail)
    return None
