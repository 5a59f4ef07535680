"""Traditional Chinese read as Simplified: the word lists, cue words and date grammars are
written in Simplified characters, so a Traditional page is read on a Simplified view of the
same length, and every offset found on the view indexes the page as written."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s.json")


def simplified_view(text: str) -> str:
    """The text in Simplified characters, of the same length, so that every offset found on it
    indexes the original too (網聯 -> 网联). OpenCC converts phrases, which may change the length
    ("乾隆" stays, but a few phrases map to longer or shorter ones): where the whole text would
    move, it is converted one character at a time and a character whose conversion is not one
    character is kept as written."""
    converter = _t2s()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    chars = []
    for char in text:
        one = converter.convert(char)
        chars.append(one if len(one) == 1 else char)
    return "".join(chars)
