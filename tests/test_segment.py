"""Sentences and paragraphs with offsets that point exactly into the stored text."""

import pytest

from pipeline.ingest.clean import normalise_text
from pipeline.ingest.segment import split


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Alipay joined. Tenpay followed (Editor: Ma) later.", "en", ["Alipay joined.", "Tenpay followed (Editor: Ma) later."]),
        ("It is possible. (Editor: Ma Chun Yuan)", "en", ["It is possible.", "(Editor: Ma Chun Yuan)"]),
        ("网联上线。“备付金存管就要来了。”一位人士说。", "zh", ["网联上线。", "“备付金存管就要来了。”", "一位人士说。"]),
        ("Mr. Xue said the U.S. market differs. He left.", "en", ["Mr. Xue said the U.S. market differs.", "He left."]),
    ],
)
def test_split_sentences(text, lang, expected):
    _, sentences = split(text, lang)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_split_paragraph_index():
    paras, sentences = split("One. Two.\n\nThree.", "en")
    assert [(p.start, p.end) for p in paras] == [(0, 9), (11, 17)]
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_normalise_joins_chinese_line_wraps_but_keeps_headings():
    raw = "记者获悉，网联将采用一地一中心一个系统，京、沪、\n深多个机房的分布式架构。\n交存细节进一步明确\n根据一家支付机构提供的内容显示。"
    assert normalise_text(raw, "zh").split("\n\n") == [
        "记者获悉，网联将采用一地一中心一个系统，京、沪、深多个机房的分布式架构。",
        "交存细节进一步明确",
        "根据一家支付机构提供的内容显示。",
    ]


def test_normalise_joins_english_wraps_with_a_space():
    raw = "NetsUnion asked payment institutions to move all\nbank-account payments to its platform.\nA new paragraph."
    assert normalise_text(raw, "en") == (
        "NetsUnion asked payment institutions to move all bank-account payments to its platform.\n\nA new paragraph."
    )


def test_normalise_drops_rule_lines_and_keeps_the_section_heading_apart():
    # A newsletter sets its sections off with lines of dashes: the heading between them is no
    # part of the first sentence after it ("... TAKE EFFECT The rules, published last year, ...").
    raw = ("-" * 60 + "\n2 | RESERVE RULES TAKE EFFECT\n" + "=" * 40 + "\n"
           "The rules, published at the end of last year, came into force yesterday.\n* * *\nMore next week.")
    assert normalise_text(raw, "en").split("\n\n") == [
        "2 | RESERVE RULES TAKE EFFECT",
        "The rules, published at the end of last year, came into force yesterday.",
        "More next week.",
    ]
