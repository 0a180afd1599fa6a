"""Properties of extraction over arbitrary and adversarial text (issue 7, part 1).

Every example checks all invariants at once, so the fuzz budget buys the most coverage:
extraction never raises; every timex and mention span indexes its exact surface text;
start <= end; every value is valid TimeML and agrees with its calendar span; the order of
events is total and stable, and assembling a timeline again changes nothing.
"""

from __future__ import annotations

import calendar
import os
import re
from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from robustness_timeml import PIECES, PUNCTUATION, valid_timeml

from timeline.assemble import assemble
from timeline.models import Granularity, Timeline, TimexType
from timeline.pipeline import build_timeline, text_document
from timeline.temporal import annotate

REFERENCE = date(2017, 2, 10)
# The fuzz profile when TIMELINE_FUZZ_EXAMPLES is set (see conftest.py), the CI budget otherwise.
BUDGET = settings.get_profile(
    "robustness-fuzz" if os.environ.get("TIMELINE_FUZZ_EXAMPLES") else "robustness-ci"
)

# Arbitrary Unicode, including surrogates-free astral characters, combining marks, RTL text,
# NUL and other controls that scraped text does contain.
unicode_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)
# Date-like text assembled from the pieces a date finder keys on.
date_like_text = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(PUNCTUATION)), max_size=60).map(
    lambda pairs: "".join(piece + sep for piece, sep in pairs)
)
mixed_text = st.lists(st.one_of(date_like_text, unicode_text), min_size=1, max_size=4).map("".join)
reference_dates = st.one_of(st.none(), st.dates(date(1, 1, 1), date(9999, 12, 31)), st.just(REFERENCE))

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")


def _check_value_against_span(value: str, start: date | None, end: date | None) -> None:
    """A fully specified day, month or year value must name exactly the span it carries."""
    if start is None or end is None:
        return
    if day := _DAY.fullmatch(value):
        y, m, d = map(int, day.groups())
        assert start == end == date(y, m, d), (value, start, end)
    elif month := _MONTH.fullmatch(value):
        y, m = map(int, month.groups())
        last = calendar.monthrange(y, m)[1]
        assert (start, end) == (date(y, m, 1), date(y, m, last)), (value, start, end)
    elif _YEAR.fullmatch(value):
        y = int(value)
        assert (start, end) == (date(y, 1, 1), date(y, 12, 31)), (value, start, end)


def check_timexes(text: str, reference: date | None) -> None:
    timexes = annotate(text, reference)
    previous_end = 0
    for timex in timexes:
        assert 0 <= timex.start <= timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.start >= previous_end, "timexes overlap or are out of order"
        previous_end = timex.end
        assert valid_timeml(timex.value, timex.type.value), (timex.text, timex.type, timex.value)
        if timex.time is not None:
            assert timex.type in (TimexType.DATE, TimexType.TIME)
            if timex.time.resolved:
                assert timex.time.start <= timex.time.end  # type: ignore[operator]
            assert valid_timeml(timex.time.value, timex.type.value), timex.time.value
            _check_value_against_span(timex.time.value, timex.time.start, timex.time.end)


def _sort_key(timeline: Timeline, index: int) -> tuple[object, ...]:
    order = {info.id: i for i, info in enumerate(timeline.documents)}
    event = timeline.events[index]
    first = min((order[m.document_id], m.start, m.end) for m in event.mentions)
    return (
        event.date.start is None,
        event.date.start or date.max,
        event.date.end or date.max,
        first,
    )


def check_timeline(text: str, reference: date | None, second: str | None = None) -> None:
    texts = {"doc": text} if second is None else {"doc": text, "other": second}
    documents = [text_document(t, reference, doc_id=doc_id) for doc_id, t in texts.items()]
    timeline = build_timeline(documents)
    ids = [event.id for event in timeline.events]
    assert len(ids) == len(set(ids)), "event ids are not unique"
    for event in timeline.events:
        assert event.date.granularity in Granularity
        assert valid_timeml(event.date.value, "DATE"), event.date.value
        if event.date.resolved:
            assert event.date.start <= event.date.end  # type: ignore[operator]
        _check_value_against_span(event.date.value, event.date.start, event.date.end)
        for mention in event.mentions:
            source = texts[mention.document_id]
            assert 0 <= mention.start <= mention.end <= len(source)
            assert source[mention.start : mention.end] == mention.text
    # Total order: by (start, end, first position), unresolved last, ties broken by the unique id.
    keys = [(*_sort_key(timeline, i), e.id) for i, e in enumerate(timeline.events)]
    assert keys == sorted(keys), "events are not ordered by (start, end, position)"
    # Idempotent and stable: assembling the result again, or its events in reverse, changes nothing.
    assert assemble(timeline.documents, timeline.events, timeline.as_of) == timeline
    assert assemble(timeline.documents, tuple(reversed(timeline.events)), timeline.as_of) == timeline


@pytest.mark.fuzz
@BUDGET
@given(text=mixed_text, reference=reference_dates)
@example(text="On Feb. 30, 2017 and 2017-13-01 and in 99999.", reference=REFERENCE)
@example(
    text="\u05d1-3 \u05d1\u05de\u05e8\u05e5 2017 \u0645\u0627\u0631\u0633 on March 3, 2017.",
    reference=REFERENCE,
)
@example(text="Dec. 31, 9999 and next year", reference=date(9999, 12, 31))
@example(text="Jan. 1, 0001 and last year", reference=date(1, 1, 1))
def test_timexes_hold_their_invariants(text: str, reference: date | None) -> None:
    check_timexes(text, reference)


@pytest.mark.fuzz
@BUDGET
@given(text=mixed_text, reference=reference_dates)
@example(
    text="The army attacked on Monday. On Tuesday it withdrew. It will return next week.", reference=REFERENCE
)
def test_timelines_hold_their_invariants(text: str, reference: date | None) -> None:
    check_timeline(text, reference)


@pytest.mark.fuzz
@BUDGET
@given(text=date_like_text, second=mixed_text, reference=reference_dates)
def test_two_document_timelines_hold_their_invariants(text: str, second: str, reference: date | None) -> None:
    """Mentions index their own document; merging across documents keeps order and idempotence."""
    check_timeline(text, reference, second=text + second)


# Found by this suite, fixed in the event layer by 12807d3 (sentences split inside a date expression).
@pytest.mark.fuzz
@BUDGET
@given(text=mixed_text, reference=reference_dates)
@example(text="The strike began next\nJanuary in Rome.", reference=REFERENCE)
@example(text="May,Jan. 1 ", reference=None)
def test_mentions_lie_inside_their_sentence(text: str, reference: date | None) -> None:
    timeline = build_timeline([text_document(text, reference, doc_id="doc")])
    for event in timeline.events:
        for mention in event.mentions:
            if mention.sentence_start is not None and mention.sentence_end is not None:
                assert mention.sentence_start <= mention.start <= mention.end <= mention.sentence_end


@pytest.mark.fuzz
@BUDGET
@given(text=date_like_text, reference=reference_dates)
@example(text="at 24:00 on Dec. 31, 9999 and next year", reference=date(9999, 12, 31))
def test_every_exporter_takes_any_extraction(text: str, reference: date | None) -> None:
    """Real extractions (not hand-made models) through every format, calendar edges included."""
    from timeline import exporters
    from timeline.exporters import ExportOptions

    timeline = build_timeline([text_document(text, reference, doc_id="doc")])
    for name in exporters.names():
        assert isinstance(exporters.get(name).export(timeline, ExportOptions()), bytes)
