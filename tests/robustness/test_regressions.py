"""Bugs this suite found in other stages, pinned by minimal examples. An open bug is a strict
xfail, which turns red when the bug is fixed; the marker is removed then and the test guards the fix."""

from __future__ import annotations

from datetime import date

import pytest

from timeline import extract
from timeline.temporal import annotate

REFERENCE = date(2017, 2, 10)


# Found by this suite (2017-02-10T09:15 beside 2017-02-03: the clock time was resolved against
# the reference date), fixed in the tagger by 03a4e1d; kept as its regression test.
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
