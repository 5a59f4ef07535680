"""Bytes -> text: refuse binaries early, then find the encoding.

Our sources are UTF-8 (with or without BOM), GB18030/GBK from Chinese sites, UTF-16 from
Windows tools, and the odd Windows-1252 English page. Anything else is reported, not guessed.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

# File signatures of the binaries people most often misname as text.
_MAGIC = [
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "a program (ELF binary)"),
]
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Encodings a guess may land on; a wider list lets charset-normalizer pick exotic code
# pages for short files (measured: "café" came back as cp775).
_CANDIDATES = ["utf_8", "gb18030", "big5", "cp1252"]
_CONTROL_LIMIT = 0.01


class DecodeError(ValueError):
    """The bytes are not text we can read; the message says why."""


def sniff_binary(raw: bytes) -> str | None:
    """Name the binary format `raw` starts with, if it is a known one."""
    for magic, name in _MAGIC:
        if raw.startswith(magic):
            return name
    return None


def _utf16_without_bom(raw: bytes) -> str | None:
    """ASCII-heavy UTF-16 shows NULs in every other byte; return the codec that fits."""
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def decode(raw: bytes) -> tuple[str, str]:
    """Return (text, encoding) or raise DecodeError saying what the bytes are."""
    binary = sniff_binary(raw)
    if binary:
        raise DecodeError(f"this is {binary}, not text; convert it to .txt, .html or .json first")
    encoding = next((name for bom, name in _BOMS if raw.startswith(bom)), None)
    encoding = encoding or _utf16_without_bom(raw)
    if encoding is None and b"\x00" in raw:
        raise DecodeError("binary data (NUL bytes) in a text file")
    if encoding is None:
        try:
            return _checked(raw.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            pass
        guess = from_bytes(raw, cp_isolation=_CANDIDATES).best()
        if guess is None:
            raise DecodeError(
                "undecodable bytes: not UTF-8, UTF-16, GB18030/GBK, Big5 or Windows-1252; "
                "re-save the file as UTF-8"
            )
        return _checked(str(guess), guess.encoding)
    try:
        return _checked(raw.decode(encoding), encoding)
    except UnicodeDecodeError as e:
        raise DecodeError(f"undecodable bytes for {encoding} at byte {e.start}; re-save as UTF-8") from e


def _checked(text: str, encoding: str) -> tuple[str, str]:
    text = text.lstrip("\ufeff")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if text and controls / len(text) > _CONTROL_LIMIT:
        raise DecodeError(f"binary data: {controls} control characters after decoding as {encoding}")
    return text, encoding
