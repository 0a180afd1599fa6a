"""Sentence segmentation of news text: abbreviations, initials, captions, datelines, headlines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.events.sentences import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.N. envoy met Gen. Haftar on Oct. 22. He left.",
            ["The U.N. envoy met Gen. Haftar on Oct. 22.", "He left."],
        ),
        (
            "John F. Kennedy spoke in the U.S. Senate. It rained.",
            ["John F. Kennedy spoke in the U.S. Senate.", "It rained."],
        ),
        ("Troops left the U.S. They flew home.", ["Troops left the U.S.", "They flew home."]),
        ("Mr. Smith arrived at 10 a.m. Friday.", ["Mr. Smith arrived at 10 a.m. Friday."]),
        (
            "NAIROBI, Kenya (AP) _ Bombs exploded Friday. Dozens died.",
            ["NAIROBI, Kenya (AP) _", "Bombs exploded Friday.", "Dozens died."],
        ),
        (
            "Italy Seeks Russia's Help\n\nThe EU agreed this month. It paid.",
            ["Italy Seeks Russia's Help", "The EU agreed this month.", "It paid."],
        ),
        (
            "Migrants are rescued on Friday. (AP Photo/Emilio Morenatti)\n"
            "From a dinghy, guards rescued them.",
            [
                "Migrants are rescued on Friday.",
                "(AP Photo/Emilio Morenatti)",
                "From a dinghy, guards rescued them.",
            ],
        ),
        (
            "\u201cWe will win,\u201d he said. \u201cThey lost.\u201d",
            ["\u201cWe will win,\u201d he said.", "\u201cThey lost.\u201d"],
        ),
        ("The talks were\nheld in Geneva on Monday.", ["The talks were\nheld in Geneva on Monday."]),
        ("Did they meet? Yes! They did.", ["Did they meet?", "Yes!", "They did."]),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


@given(st.text(alphabet=st.sampled_from(list("ab .?!\n\u201c\u201dAU")), max_size=80))
def test_spans_are_ordered_trimmed_and_inside(text: str) -> None:
    previous_end = 0
    for start, end in split_sentences(text):
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end


def test_a_date_expression_is_never_split_between_sentences() -> None:
    from timeline.events.sentences import join_across

    text = "They meet next\nJanuary. Then they leave."
    sentences = split_sentences(text)
    assert len(sentences) == 3
    date = (text.index("next"), text.index("January") + len("January"))
    joined = join_across(sentences, [date])
    assert [text[s:e] for s, e in joined] == ["They meet next\nJanuary.", "Then they leave."]
