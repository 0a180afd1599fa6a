"""A document's working memory is bounded by a section, not by its length (issue 17, item 4).

The tagger's own peak is its result plus a few bytes per input byte (test_tagger_memory.py),
but its result was resolved into Timex models (about 1,250 bytes a date) and read for events
all at once: the whole command peaked at about 460 bytes per input byte on text dense with
dates, so the 10 MB default --max-bytes could take 4.6 GB. A text longer than a section is now
tagged, resolved and read for events a section at a time; what stays is the events. Measured
with tracemalloc, never with a clock.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import temporal
from timeline.events import detect_events
from timeline.models import Event
from timeline.pipeline import document_events, text_document
from timeline.settings import TaggerSettings
from timeline.temporal import annotate, sections

REFERENCE = dt.date(2017, 2, 10)


@pytest.mark.parametrize(
    ("text", "size", "expected"),
    [
        ("short text", 100, [(0, 10)]),
        ("", 100, [(0, 0)]),
        # a line break in the last half wins over a later sentence end
        ("aaaa bbbb\ncc. Dd ee", 14, [(0, 10), (10, 19)]),
        # no line break: after a sentence end, not after the abbreviation's period ("Oct. 22")
        ("We met them. Talks on Oct. 22 went on", 20, [(0, 13), (13, 30), (30, 37)]),
        # a space after a semicolon before any space; never after a comma ("Jan. 3, 2017")
        ("ab cd 2017; 2018 2019 x", 18, [(0, 12), (12, 23)]),
        # nor after a period or a comma, nor before a digit, while another space is there
        ("Jan. 3, 2017 Jan. 3, 2017", 24, [(0, 13), (13, 25)]),
        ("2017 2017 2017", 10, [(0, 10), (10, 14)]),
        # "Mr. Smith" is no sentence end
        ("We met them. Mr. Smith left", 20, [(0, 13), (13, 27)]),
        # no break in the last half: cut at the size
        ("x" * 25, 10, [(0, 10), (10, 20), (20, 25)]),
    ],
)
def test_sections_cut_at_the_best_break(text: str, size: int, expected: list[tuple[int, int]]) -> None:
    assert list(sections(text, size)) == expected


@given(st.text(alphabet="ab .\n,1", max_size=400), st.integers(min_value=2, max_value=60))
def test_sections_tile_the_text_within_the_size(text: str, size: int) -> None:
    cuts = list(sections(text, size))
    assert cuts[0][0] == 0
    assert cuts[-1][1] == len(text)
    assert all(a < b or (a, b) == (0, 0) for a, b in cuts)
    assert all(b - a <= size for a, b in cuts)
    assert all(cuts[i][1] == cuts[i + 1][0] for i in range(len(cuts) - 1))


# Articles in different registers, each line a paragraph; the second section opens on dates
# counted from the previous section's ("The following day", "two days later").
ARTICLES = [
    "Rebels attacked the port of Sirte on March 3, 2016.\n"
    "The following day, the coast guard rescued 100 migrants.\n"
    "Officials said talks would resume next week.",
    "Two days later, the ministry announced new elections for June.\n"
    "Exports fell 4% in January, the ministry said on Tuesday.\n"
    "The minister is due to meet his Russian counterpart on Feb. 20.",
    "The company reported results on Oct. 22, 2014, and said it will raise prices next month.\n"
    "Its chief executive resigned last year.",
]


def _whole(text: str) -> tuple[Event, ...]:
    document = text_document(text, REFERENCE)
    return detect_events(document, annotate(text, REFERENCE))


@pytest.mark.parametrize("size", [180, 300, 700])
def test_a_long_text_read_by_sections_gives_the_events_it_gives_whole(
    size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No line is longer than 90, so a section's last half always holds a line break.
    text = "\n".join(ARTICLES * 3)
    whole = _whole(text)
    assert len(whole) >= 15
    monkeypatch.setattr(temporal, "SECTION_CHARS", size)
    assert len(list(sections(text))) > 1
    assert document_events(text_document(text, REFERENCE)) == whole


def test_the_previous_date_is_carried_into_the_next_section(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Rebels attacked the port on March 3, 2016.\nTwo days later, the navy sank a ship."
    monkeypatch.setattr(temporal, "SECTION_CHARS", 50)
    assert list(sections(text)) == [(0, 43), (43, len(text))]
    events = document_events(text_document(text, REFERENCE))
    assert [e.date.value for e in events] == ["2016-03-03", "2016-03-05"]
    assert [e.mentions[0].text for e in events] == ["March 3, 2016", "Two days later"]
    assert text[events[1].mentions[0].start : events[1].mentions[0].end] == "Two days later"
    sentence = events[1].mentions[0]
    assert (sentence.sentence_start, sentence.sentence_end) == (43, len(text))


# Lines of every kind of date the resolver carries from one to the next (previous date, last
# day, clock times, weekdays, quotes, reported speech), each under 90 characters.
LINES = [
    *(line for article in ARTICLES for line in article.split("\n")),
    "At 9 p.m. the lights went out.",
    "The bridge reopened shortly before 8 a.m.",
    "Schools will stay closed on Thursday, the ministry said.",
    "A week earlier, the council had approved the plan.",
    '"We will decide today," the mayor said on Monday.',
    "The festival runs from March 3 to March 5.",
    "Nothing happened.",
]


@settings(max_examples=int(os.environ.get("TIMELINE_SECTION_EXAMPLES", "40")), deadline=None, database=None)
@given(
    st.lists(st.sampled_from(LINES), min_size=2, max_size=24),
    st.integers(min_value=180, max_value=900),
)
def test_any_text_cut_at_line_breaks_gives_the_events_it_gives_whole(lines: list[str], size: int) -> None:
    # News: whether a text is a narrative is read from its first section only (a documented
    # difference from reading it whole), so the property holds for a fixed document type.
    text = "\n".join(lines)
    news = TaggerSettings(document_type="news")
    document = text_document(text, REFERENCE)
    whole = detect_events(document, annotate(text, REFERENCE, news))
    original = temporal.SECTION_CHARS
    temporal.SECTION_CHARS = size  # monkeypatch is function-scoped; hypothesis calls this many times
    try:
        cut = document_events(document, news)
    finally:
        temporal.SECTION_CHARS = original
    assert cut == whole


SECTION = 10_000


def _peak(text: str) -> int:
    document = text_document(text, REFERENCE)
    gc.collect()
    tracemalloc.start()
    try:
        document_events(document)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("unit", ["2017 ", "Jan. 3, 2017; ", "2014-11-12 ", "10:30 "])
def test_peak_memory_does_not_grow_with_the_text(unit: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(temporal, "SECTION_CHARS", SECTION)
    document_events(text_document(unit * 10, REFERENCE))  # caches warm before measuring
    short = _peak(unit * (2 * SECTION // len(unit)))
    long = _peak(unit * (6 * SECTION // len(unit)))
    # Three times the text: the same section's working memory, plus the events kept (none
    # here: a date with no verb dates nothing) and small per-section state.
    assert long < 1.25 * short, f"{short / 2 / SECTION:.0f} -> {long / 6 / SECTION:.0f} B per byte"
