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


def _picked(text: str, positions: list[int], spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """What the event layer used to do: split everything, join, bisect each position."""
    from bisect import bisect_right

    from timeline.events.sentences import join_across

    sentences = join_across(split_sentences(text), sorted(spans))
    if not sentences:
        return ()
    starts = [s for s, _ in sentences]
    return tuple(sorted({sentences[max(0, bisect_right(starts, p) - 1)] for p in positions}))


@given(
    st.text(alphabet=st.sampled_from(list("ab .?!\n\u201c\u201dAU")), max_size=120),
    st.lists(st.tuples(st.integers(0, 119), st.integers(1, 30)), max_size=6),
    st.lists(st.integers(0, 119), min_size=1, max_size=4),
)
def test_sentences_around_picks_what_splitting_everything_picks(
    text: str, raw_spans: list[tuple[int, int]], raw_positions: list[int]
) -> None:
    from timeline.events.sentences import sentences_around

    size = max(1, len(text))
    spans = [(a % size, a % size + n) for a, n in raw_spans]
    positions = [p % size for p in raw_positions]
    assert sentences_around(text, positions, spans) == _picked(text, positions, spans)


def test_sentences_around_joins_across_lines_and_skips_dateless_lines() -> None:
    from timeline.events.sentences import sentences_around

    text = "Nothing here. Nor here.\n\nThey meet next\nJanuary. Then they leave.\n\nLater."
    date = (text.index("next"), text.index("January") + len("January"))
    found = sentences_around(text, [date[0]], [date])
    assert [text[s:e] for s, e in found] == ["They meet next\nJanuary."]
    assert found == _picked(text, [date[0]], [date])
