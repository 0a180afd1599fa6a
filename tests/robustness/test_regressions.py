"""Bugs this suite found in other stages, pinned by minimal examples. Each is a strict xfail: it
turns red when the bug is fixed, so the marker is removed then and the test guards the fix."""

from __future__ import annotations

from datetime import date

import pytest

from timeline import extract
from timeline.temporal import annotate

REFERENCE = date(2017, 2, 10)


@pytest.mark.xfail(
    strict=True,
    reason="tagger/resolver: a clock time next to an explicit date is resolved against the reference "
    "date, not that date: 'at 9:15 on Feb. 3, 2017' gives 2017-02-10T09:15 beside 2017-02-03",
)
@pytest.mark.parametrize(
    "text",
    [
        "The army attacked at 9:15 on Feb. 3, 2017.",
        "On Feb. 3, 2017, at 9:15, the army attacked.",
        "The talks ended at 12:30 pm on Feb. 3, 2017.",
    ],
)
def test_a_clock_time_belongs_to_the_date_beside_it(text: str) -> None:
    values = [t.value for t in annotate(text, REFERENCE)]
    assert not [v for v in values if v.startswith("2017-02-10")], values
    events = [e.date.value for e in extract(text, reference_date=REFERENCE).events]
    assert events and all(v.startswith("2017-02-03") for v in events), events
