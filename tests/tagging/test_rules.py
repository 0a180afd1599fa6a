"""Every rule's own examples, the negative texts, and the issue-2 coverage table."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.models import Anchoring, Granularity, TimexType
from timeline.settings import TaggerSettings
from timeline.tagging.resources import Example, Rule, load_language
from timeline.temporal import annotate

REFERENCE = dt.date(2017, 2, 10)  # a Friday; the examples in rules.toml are written against it
LANGUAGE = load_language("en")
EXAMPLES = [
    pytest.param(rule, example, id=f"{rule.name}:{example.text}")
    for rule in LANGUAGE.rules
    for example in rule.examples
]


def test_every_rule_has_an_example() -> None:
    assert [rule.name for rule in LANGUAGE.rules if not rule.examples] == []


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_rule_example(rule: Rule, example: Example) -> None:
    expected_text = example.span or example.text
    found = [t for t in annotate(example.text, REFERENCE) if t.text == expected_text]
    assert found, f"{expected_text!r} not found in {annotate(example.text, REFERENCE)}"
    timex = found[0]
    assert timex.rule == rule.name
    assert timex.value == example.value
    assert timex.type == (example.type or rule.type)
    if example.mod is not None:
        assert timex.mod is not None and timex.mod.value == example.mod


@pytest.mark.parametrize("text", LANGUAGE.negatives)
def test_ordinary_words_are_not_dates(text: str) -> None:
    dates = [t for t in annotate(text, REFERENCE) if t.type in (TimexType.DATE, TimexType.TIME)]
    assert dates == []


COVERAGE = [
    ("Oct. 22, 2014", TimexType.DATE, "2014-10-22", Granularity.DAY),
    ("Friday, Jan. 27, 2017", TimexType.DATE, "2017-01-27", Granularity.DAY),
    ("22 October 2014", TimexType.DATE, "2014-10-22", Granularity.DAY),
    ("2014-10-22", TimexType.DATE, "2014-10-22", Granularity.DAY),
    ("10/22/2014", TimexType.DATE, "2014-10-22", Granularity.DAY),
    ("October 2014", TimexType.DATE, "2014-10", Granularity.MONTH),
    ("2014", TimexType.DATE, "2014", Granularity.YEAR),
    ("mid-2015", TimexType.DATE, "2015", Granularity.YEAR),
    ("the 1990s", TimexType.DATE, "199", Granularity.DECADE),
    ("early December", TimexType.DATE, "2016-12", Granularity.MONTH),
    ("today", TimexType.DATE, "2017-02-10", Granularity.DAY),
    ("yesterday", TimexType.DATE, "2017-02-09", Granularity.DAY),
    ("Friday", TimexType.DATE, "2017-02-10", Granularity.DAY),
    ("last week", TimexType.DATE, "2017-W05", Granularity.WEEK),
    ("this week", TimexType.DATE, "2017-W06", Granularity.WEEK),
    ("next week", TimexType.DATE, "2017-W07", Granularity.WEEK),
    ("this month", TimexType.DATE, "2017-02", Granularity.MONTH),
    ("earlier this month", TimexType.DATE, "2017-02", Granularity.MONTH),
    ("this year", TimexType.DATE, "2017", Granularity.YEAR),
    ("last year", TimexType.DATE, "2016", Granularity.YEAR),
    ("two days ago", TimexType.DATE, "2017-02-08", Granularity.DAY),
    ("in three weeks", TimexType.DATE, "2017-W09", Granularity.WEEK),
    ("next Tuesday", TimexType.DATE, "2017-02-14", Granularity.DAY),
    ("the end of the year", TimexType.DATE, "2017", Granularity.YEAR),
    ("the summer of 2012", TimexType.DATE, "2012-SU", Granularity.SEASON),
    ("the first quarter of 2013", TimexType.DATE, "2013-Q1", Granularity.QUARTER),
    ("a month", TimexType.DURATION, "P1M", None),
    ("three years", TimexType.DURATION, "P3Y", None),
    ("the past several months", TimexType.DURATION, "PXM", None),
    ("every week", TimexType.SET, "P1W", None),
    ("now", TimexType.DATE, "PRESENT_REF", Granularity.VAGUE),
]


@pytest.mark.parametrize(("text", "kind", "value", "granularity"), COVERAGE)
def test_issue_coverage(text: str, kind: TimexType, value: str, granularity: Granularity | None) -> None:
    found = annotate(text, REFERENCE)
    assert len(found) == 1, found
    timex = found[0]
    assert (timex.type, timex.value) == (kind, value)
    if granularity is None:
        assert timex.time is None
    else:
        assert timex.time is not None and timex.time.granularity is granularity


def test_this_month_keeps_its_granularity() -> None:
    (timex,) = annotate("The EU agreed this month to pay.", REFERENCE)
    assert timex.time is not None
    assert (timex.time.start, timex.time.end) == (dt.date(2017, 2, 1), dt.date(2017, 2, 28))
    assert timex.time.anchoring is Anchoring.REFERENCE_DATE


def test_day_first_setting_reads_numeric_dates_day_first() -> None:
    (timex,) = annotate("On 10/11/2014 it rained.", REFERENCE, TaggerSettings(day_first=True))
    assert timex.value == "2014-11-10"
    (timex,) = annotate("On 10/11/2014 it rained.", REFERENCE, TaggerSettings(day_first=False))
    assert timex.value == "2014-10-11"


def test_impossible_dates_are_dropped() -> None:
    assert [t.value for t in annotate("on 2/30/2014", REFERENCE)] == []
