"""Text clean-up shared by every reader: headers, markdown residue, line wraps, language.

The cleaned text is what the store keeps and what every offset points into, so the rules
here are conservative: they remove layout, never words.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from email.utils import parsedate_to_datetime
from html import unescape

from pipeline.extract.chinese_script import simplified_view

HEADER_KEYS = {"title", "date", "published", "source", "url", "lang", "language", "author"}
_HEADER_LINE = re.compile(r"^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$")
# The translation site of the founding article puts "category:Internet click:1073" under the title.
_SITE_HEADER = re.compile(r"^\s*category:.*\bclick:\s*\d+\s*$", re.IGNORECASE)
_TERMINAL = tuple("。！？!?；;：:…”’\"'）)】」』") + (".",)
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)

_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_MD_BULLET = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+", re.MULTILINE)
_MD_ESCAPE = re.compile(r"\\([\[\]()*_#`>\\])")
_MD_CITATION = re.compile(r"\\\[\d+\\\]")  # wiki footnote marks: \[1\]
_MD_CATEGORY = re.compile(r"^\s*\[?Category:.*$", re.MULTILINE)


def split_header(raw: str) -> tuple[dict[str, str], str]:
    """Take a `key: value` header block or the translation-site header off the top.

    Returns (metadata, body). Without a recognisable header, metadata is empty and the body
    is the whole text.
    """
    lines = raw.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return {}, ""
    meta: dict[str, str] = {}
    i = first
    while i < len(lines):
        m = _HEADER_LINE.match(lines[i])
        if not m or m.group(1).lower() not in HEADER_KEYS:
            break
        meta[m.group(1).lower()] = m.group(2)
        i += 1
    if meta and (i == len(lines) or not lines[i].strip()):
        return _canonical_keys(meta), "\n".join(lines[i:])
    # A title line, then "category:... click:N" a line or two below it.
    for j in range(first + 1, min(first + 4, len(lines))):
        if _SITE_HEADER.match(lines[j]):
            title = lines[first].strip()
            body = "\n".join(lines[j + 1 :])
            return {"title": title}, _drop_repeated_title(body, title)
        if lines[j].strip():
            break
    return {}, raw


def with_header(meta: dict[str, str | None], body: str) -> str:
    """The text of a .txt file that split_header reads back as (meta, body): a `key: value`
    line for each field given, a blank line, the body. A field's line breaks become spaces
    (a header field is one line); with no field, the body alone."""
    lines = []
    for key, value in meta.items():
        if key not in HEADER_KEYS:
            raise ValueError(f"{key!r} is not a header field; use one of {', '.join(sorted(HEADER_KEYS))}")
        if value and value.strip():
            lines.append(f"{key}: {' '.join(value.split())}")
    return "\n".join(lines) + "\n\n" + body if lines else body


def _canonical_keys(meta: dict[str, str]) -> dict[str, str]:
    aliases = {"published": "date", "language": "lang"}
    out = {aliases.get(k, k): v for k, v in meta.items() if v}
    return out


def _drop_repeated_title(body: str, title: str) -> str:
    """Sites print the title again as the first line of the body; keep it once."""
    stripped = body.lstrip()
    if title and stripped.startswith(title):
        return stripped[len(title) :]
    return body


def looks_like_markdown(text: str) -> bool:
    return len(_MD_LINK.findall(text)) >= 2 or bool(re.search(r"^#{1,6}\s", text, re.MULTILINE))


def strip_markdown(text: str) -> str:
    """Keep the words of markdown, drop its markup (links keep their text)."""
    text = _MD_CITATION.sub("", text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_BULLET.sub("", text)
    text = _MD_CATEGORY.sub("", text)
    return _MD_ESCAPE.sub(r"\1", text)


def detect_lang(text: str) -> str:
    """"zh" when Han characters dominate the letters, else "en"."""
    han = latin = 0
    for ch in text[:20000]:
        if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
            han += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
    # A Han character carries about as much as a Latin word: weigh letters down.
    return "zh" if han * 4 >= latin else "en"


# Cells of a row of a table laid out in text: apart by a tab or by three spaces or more.
_TABLE_ROW = re.compile(r"\S(?:\t| {3,}|\u3000{2,})\S")
# A line drawn to set sections apart (----, ====, * * *): no text, but the end of a paragraph.
_RULE_LINE = re.compile(r"^[-=_*~#.·•—–─━ ]{3,}$")


def blocks_of(extracted: str) -> str:
    """trafilatura's text with its blocks as paragraphs: it puts each block (a paragraph, a
    heading, a list item) on a line of its own, which normalise_text would read as a wrap and
    join ("Banks close the old doors Lenders have started...")."""
    return "\n\n".join(line.strip() for line in extracted.split("\n") if line.strip())


def normalise_text(text: str, lang: str, *, min_wrapped_line: int = 20) -> str:
    """Unify line endings and spaces, and undo hard line wraps.

    Paragraphs come out separated by one blank line. Inside a block, a line break is kept as
    a paragraph break when the line before ends a sentence or is short (a heading);
    otherwise it is a wrap and the lines are joined (with a space in English, without one
    in Chinese, where wraps fall mid-word). A line drawn with dashes or stars ends the
    paragraph and is dropped.
    """
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        current = ""
        for line in block.split("\n"):
            row = _TABLE_ROW.search(line) is not None
            line = re.sub(r"[ \t\u00a0]+", " ", line).strip()
            if not line:
                continue
            if _RULE_LINE.match(line):
                if current:
                    paragraphs.append(current)
                current = ""
                continue
            if row:
                # A row of a table laid out in text ("中信银行    7月31日    关闭…") is a paragraph of
                # its own: rows run together would make one sentence of every bank and date.
                paragraphs += [current, line] if current else [line]
                current = ""
            elif not current:
                current = line
            elif current.endswith(_TERMINAL) or len(current.split("\n")[-1]) < min_wrapped_line:
                paragraphs.append(current)
                current = line
            else:
                joiner = "" if lang == "zh" and not current[-1].isascii() else " "
                current = current + joiner + line
        if current:
            paragraphs.append(current)
    return "\n\n".join(paragraphs)


_RFC822 = re.compile(r"^(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}")
_DATE_FORMS = [
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T|\s|$)"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日"),
    re.compile(r"^(\d{4})[-/.年](\d{1,2})月?$"),
    re.compile(r"^(\d{4})年?$"),
]


def normalise_date(value: str | None) -> str | None:
    """A metadata date as ISO (YYYY-MM-DD, YYYY-MM or YYYY); None when it is not a date."""
    if not value:
        return None
    value = value.strip()
    for form in _DATE_FORMS:
        m = form.match(value)
        if not m:
            continue
        parts = [int(g) for g in m.groups()]
        if not 1000 <= parts[0] <= 2999 or (len(parts) > 1 and not 1 <= parts[1] <= 12):
            return None
        # A day the month does not have (2018-02-30, 2018-04-31) is no date either.
        if len(parts) > 2 and not 1 <= parts[2] <= calendar.monthrange(parts[0], parts[1])[1]:
            return None
        return "-".join([f"{parts[0]:04d}"] + [f"{p:02d}" for p in parts[1:]])
    return _spelled_date(value)


def _spelled_date(value: str) -> str | None:
    """A feed's RFC 822 date ("Sat, 30 Jun 2018 10:15:00 +0800") or a date in words ("30 June
    2018", "June 30, 2018"), read by the temporal tagger when it is the whole field."""
    if _RFC822.match(value):
        try:
            return parsedate_to_datetime(value).date().isoformat()
        except (TypeError, ValueError):
            return None
    from pipeline.extract.time import tag  # the tagger loads its grammar on first use

    found = [t for t in tag(value, None, "en") if t.anchor == "absolute" and t.type in ("DATE", "TIME")]
    if len(found) == 1 and len(value) - len(found[0].text) <= 12 and found[0].value[:4].isdigit():
        return found[0].value[:10]
    return None


# What a login wall, paywall or cookie page says instead of the article. A page whose whole
# text is short and says this is not news: it was stored as an article (and its "sign in"
# sentence searched and answered from).
_WALL_PHRASES = re.compile(
    r"sign in|log ?in|subscribe|subscription|create an account|register to|to continue reading|"
    # Chinese: the gate's own words, not 注册 or 会员 alone (a company's 工商注册, an association's
    # 会员代表大会 are news of this story)
    r"members only|paywall|enable javascript|accept cookies|登录|登陆|立即注册|免费注册|注册账号|订阅|"
    r"成为会员|开通会员|会员专享|会员登录|阅读全文|付费阅读",
    re.IGNORECASE,
)
_WALL_MAX_CHARS = 400


def looks_like_a_wall(text: str) -> bool:
    """A short text that asks the reader to log in or subscribe: two such phrases, or one in
    a text too short to be an article."""
    if len(text) > _WALL_MAX_CHARS:
        return False
    found = {m.group().lower() for m in _WALL_PHRASES.finditer(text)}
    return len(found) >= 2 or (len(found) == 1 and len(text) < 60)


# Words of a byline: who wrote the story and for which outlet ("来源：金融早报 作者：吴静怡",
# "本报记者 陈嘉言 上海报道", "By Helen Zhao").
_BYLINE = re.compile(r"来源[:：]|作者[:：]|记者|编辑[:：]|^By\s+[A-Z]|\b(?:Reporter|Source|Writer)s?\s*[:：]")
MAX_BYLINE_LINES, MAX_BYLINE_CHARS = 3, 120


def with_byline(page: str, title: str | None, body: str) -> str:
    """The main text of a page with the byline its extraction left out as its first paragraph:
    short lines with a byline's words between the page's title and the first words of the body
    (`page`: its page_lines). The entity stage reads the author and the outlet there as it does
    in a text file's byline."""
    return "\n\n".join([*_byline_lines(page, title, body), body])


def _byline_lines(page: str, title: str | None, body: str) -> list[str]:
    lines = page.splitlines()
    start = next((i + 1 for i, line in enumerate(lines) if title and line.strip() == title.strip()), None)
    opening = body.strip()[:20]
    if start is None or not opening:
        return []
    found = []
    for line in lines[start:]:
        if opening in line or len(found) >= MAX_BYLINE_LINES:
            break
        # (read in Simplified: 來源：金融早報 作者：吳靜怡 is a byline too)
        if len(line) <= MAX_BYLINE_CHARS and _BYLINE.search(simplified_view(line)) and line not in body:
            found.append(line)
    return found


def page_lines(html: str) -> str:
    """A page's visible text, one line per block element (a byline stays a line of its own)."""
    html = re.sub(r"(?is)<(script|style|noscript|head)\b.*?</\1\s*>", " ", html)
    html = re.sub(r"(?i)<(?:/?(?:div|p|h[1-6]|li|ul|ol|br|tr|td|section|header|footer|article|aside|nav|time|span)\b)[^>]*>", "\n", html)
    text = unescape(re.sub(r"<[^>]*>", " ", html))
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
