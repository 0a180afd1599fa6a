"""The dispatch only skips rules that cannot match: at every word start it finds what trying all
rules in file order finds, with its subsets by first word and by longer samples alike."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.tagging import compiler
from timeline.tagging.compiler import Dispatch
from timeline.tagging.resources import load_language

LANGUAGE = load_language("en")
_WORD_START = re.compile(r"(?<!\w)\S")


@pytest.fixture(scope="module")
def dispatch() -> Iterator[Dispatch]:
    # A fresh dispatch that refines at the first sighting, so every longer sample is tested.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(compiler, "_REFINE_AFTER", 1)
        yield Dispatch(LANGUAGE.rules, LANGUAGE.patterns)


def _first_rule(dispatch: Dispatch, text: str, start: int) -> tuple[int, tuple[int, int]] | None:
    for index, pattern in enumerate(dispatch.compiled):
        found = pattern.match(text, start)
        if found is not None and found.end() > start:
            return index, found.span()
    return None


def _check(dispatch: Dispatch, text: str) -> None:
    for word in _WORD_START.finditer(text):
        start = word.start()
        found = dispatch.match(text, start)
        assert (None if found is None else (found[0], found[1].span())) == _first_rule(dispatch, text, start)


def test_rule_examples(dispatch: Dispatch) -> None:
    for rule in LANGUAGE.rules:
        for example in rule.examples:
            _check(dispatch, example.text)
            _check(dispatch, example.text.upper())
    assert dispatch._by_sample, "no position was told apart by a longer sample"


WORDS = st.sampled_from(
    [
        "the",
        "The",
        "last",
        "past",
        "several",
        "third",
        "quarter",
        "third-quarter",
        "year",
        "year-ago",
        "Friday",
        "morning",
        "Oct.",
        "22",
        "1990",
        "1990s",
        "5",
        "10:30",
        "a.m.",
        "a",
        "an",
        "per",
        "of",
        "in",
        "May",
        "summer",
        "early",
        "mid-",
        "two",
        "days",
        "ago",
        "later",
        "fiscal",
        "century",
        ",",
        "-",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(WORDS, min_size=1, max_size=12), separator=st.sampled_from([" ", "  ", ", ", "-", "\n"])
)
def test_generated_texts(dispatch: Dispatch, words: list[str], separator: str) -> None:
    _check(dispatch, separator.join(words))
