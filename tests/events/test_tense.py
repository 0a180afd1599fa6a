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
    # The news idiom of an attempt already made: the negated modal says nothing of the side.
    ("He could not be reached Wednesday.", "Wednesday", "present", "none", "reached"),
    ("The mayor would not comment on Monday.", "Monday", "future", "none", "comment"),
    ("She could face trial in March.", "March", "present", "future", "face"),
    ("He won't attend on Friday.", "Friday", "future", "future", "attend"),
]


@pytest.mark.parametrize(("sentence", "when", "tense", "direction", "trigger"), READINGS)
def test_time_reading(sentence: str, when: str, tense: str, direction: str, trigger: str) -> None:
    start = sentence.index(when)
    reading = time_reading(sentence, start, start + len(when))
    assert (reading.tense, reading.direction, reading.trigger) == (tense, direction, trigger)


def test_a_span_outside_every_token_reads_nothing() -> None:
    assert time_reading("He left.", 20, 25).direction == "none"


# The pipeline resolves the open dates of these sentences in the direction their verb gives
# (issue 15, item 1, with the event layer's reading wired into resolution: temporal.annotate).
# sentence, reference date, expected value
RESOLVED = [
    ("The mayor was arrested in June.", "2024-03-20", "2023-06"),
    ("The airline will launch the route in March.", "2024-05-15", "2025-03"),
    ("She will be tried on February 12.", "2024-05-15", "2025-02-12"),
    ("The hearing opens on Monday.", "2024-05-15", "2024-05-20"),
    ("The firm lowered its prices in January and will raise them next month.", "2017-02-10", "2017-01"),
    ("The summit in Rome on May 3 ended without a deal.", "2017-02-10", "2016-05-03"),
    ("He could not be reached Wednesday.", "2017-02-10", "2017-02-08"),
    ("The company said it would cut 300 jobs in April.", "2017-02-10", "2017-04"),
    ("Ministers met in December to discuss the budget.", "2017-02-10", "2016-12"),
]


@pytest.mark.parametrize(("sentence", "reference", "value"), RESOLVED)
def test_open_dates_resolve_in_the_verbs_direction(sentence: str, reference: str, value: str) -> None:
    from datetime import date

    from timeline.temporal import annotate

    (first, *_) = annotate(sentence, date.fromisoformat(reference))
    assert first.value == value
