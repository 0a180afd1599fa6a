"""Properties of the finder on any text: never raises, exact spans, sorted, non-overlapping, linear."""

from __future__ import annotations

import datetime as dt
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal import annotate

WORDS = st.sampled_from(
    [
        "the",
        "last",
        "week",
        "Friday",
        "Oct.",
        "22,",
        "2014",
        "in",
        "three",
        "days",
        "ago",
        "May",
        "early",
        "mid-",
        "1990s",
        "every",
        "a",
        "year",
        "now",
        "10/22/2014",
        "12:30",
        "p.m.",
        "\n",
        ",",
        "quarter",
        "first",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, with_reference=st.booleans())
def test_spans_are_exact_sorted_and_disjoint(text: str, with_reference: bool) -> None:
    found = annotate(text, dt.date(2017, 2, 10) if with_reference else None)
    previous_end = 0
    for timex in found:
        assert text[timex.start : timex.end] == timex.text
        assert timex.start >= previous_end
        previous_end = timex.end


def test_deterministic() -> None:
    text = "Last week, on Friday, Jan. 27, 2017, and two days later, prices rose 5% a year."
    assert annotate(text, dt.date(2017, 2, 10)) == annotate(text, dt.date(2017, 2, 10))


def _seconds(text: str) -> float:
    began = time.perf_counter()
    annotate(text, dt.date(2017, 2, 10))
    return time.perf_counter() - began


def test_pathological_inputs_are_linear() -> None:
    # 1 MB of "1 1 1 ..." and a 100k-digit run must not backtrack catastrophically.
    assert _seconds("1 " * 500_000) < 20
    assert _seconds("1" * 100_000) < 2
    assert _seconds("2014 " * 10_000) < 20
