"""Ranges: both ends are dates of their own, and the second is read from the first."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.temporal import annotate

REFERENCE = dt.date(2017, 2, 10)  # a Friday

RANGES = [
    ("The conference runs March 3-5.", [("March 3", "2017-03-03"), ("5", "2017-03-05")]),
    ("It ran from March 3 to 5.", [("March 3", "2017-03-03"), ("5", "2017-03-05")]),
    ("The summit is on April 24 and 25.", [("April 24", "2017-04-24"), ("25", "2017-04-25")]),
    ("He was mayor in 1994-97.", [("1994", "1994"), ("97", "1997")]),
    ("He was mayor 1999-2001.", [("1999", "1999"), ("2001", "2001")]),
    ("The show runs from December to February.", [("December", "2016-12"), ("February", "2017-02")]),
    ("The store is open Monday through Friday.", [("Monday", "2017-02-06"), ("Friday", "2017-02-10")]),
    ("Between Saturday and Tuesday, prices rose.", [("Saturday", "2017-02-04"), ("Tuesday", "2017-02-07")]),
    ("It will receive aircraft from 2009 to 2011.", [("2009", "2009"), ("2011", "2011")]),
]


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_range_ends(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in annotate(text, REFERENCE)] == expected


NOT_RANGES = [
    ("He met her on March 3 and 4 people died.", [("March 3", "2017-03-03")]),
    ("The vote was 3-5 on March 3.", [("March 3", "2017-03-03")]),
    ("The report covers 2014-10 only.", []),
    ("He left Monday and returned Friday.", [("Monday", "2017-02-06"), ("Friday", "2017-02-10")]),
]


@pytest.mark.parametrize(("text", "expected"), NOT_RANGES)
def test_numbers_and_lists_are_no_ranges(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in annotate(text, REFERENCE)] == expected
