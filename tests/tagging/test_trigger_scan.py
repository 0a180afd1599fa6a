"""The trigger scan finds where trigger words start exactly as the plain word-start regex does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.tagging.compiler import TriggerScan, trigger_pattern
from timeline.tagging.resources import load_language

PATTERN = trigger_pattern(load_language("en").alternatives["trigger"])
SCAN = TriggerScan(PATTERN)
REFERENCE = re.compile(rf"(?<!\w){PATTERN}")
SEED = Path(__file__).resolve().parents[2] / "seeds" / "voa-2017-02-10-italy-russia-libya.txt"


def reference_starts(text: str) -> list[int]:
    return [m.start() for m in REFERENCE.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Monday",
        "on Monday, March 3",
        "mid-2015 and the 1990s",
        "Tuesday-Wednesday talks",  # adjacent triggers across a hyphen
        "yesterday.Today",
        "Mar.Monday",  # an abbreviation run into the next word
        "Wed.Thu. 2014",
        "Mondays monday MONDAY",
        "\u00e9t\u00e9 2014 \u2014 \u00abJune\u00bb",
    ],
)
def test_same_starts_as_the_lookbehind_regex(text: str) -> None:
    assert list(SCAN.starts(text)) == reference_starts(text)


def test_same_starts_on_the_seed_article() -> None:
    text = SEED.read_text(encoding="utf-8")
    starts = list(SCAN.starts(text))
    assert starts  # the article names dates
    assert starts == reference_starts(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Monday", "week", "2014", "mid", "-", " ", ".", ",", "a", "Jan", "Mar.", "\n", "years", "x"]
        ),
        max_size=30,
    ).map("".join)
)
def test_same_starts_on_generated_text(text: str) -> None:
    assert list(SCAN.starts(text)) == reference_starts(text)
