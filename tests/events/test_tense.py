"""time_reading: the governing verb's tense and the direction it gives an underspecified date."""

from __future__ import annotations

import pytest

from timeline.events.tense import time_reading

# sentence, date text, tense, direction, trigger
READINGS = [
    ("He was arrested in June.", "June", "past", "past", "arrested"),
    ("He will be tried on February 12.", "February 12", "future", "future", "tried"),
    ("The company said it would cut jobs next year.", "next year", "future", "future", "cut"),
    ("The team is travelling on Saturday.", "Saturday", "present", "future", "travelling"),
    ("The team travels on Saturday.", "Saturday", "present", "none", "travels"),
    ("Prices have risen since June.", "June", "perfect", "past", "risen"),
    ("The summit is expected to open on Monday.", "Monday", "present", "future", "summit"),
    ("The minister plans to visit Paris next month.", "next month", "future", "future", "visit"),
    ("Police did not arrest anyone on Tuesday.", "Tuesday", "past", "past", "arrest"),
]


@pytest.mark.parametrize(("sentence", "when", "tense", "direction", "trigger"), READINGS)
def test_time_reading(sentence: str, when: str, tense: str, direction: str, trigger: str) -> None:
    start = sentence.index(when)
    reading = time_reading(sentence, start, start + len(when))
    assert (reading.tense, reading.direction, reading.trigger) == (tense, direction, trigger)


def test_a_span_outside_every_token_reads_nothing() -> None:
    assert time_reading("He left.", 20, 25).direction == "none"
