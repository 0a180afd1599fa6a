"""One story, one "now": statuses of a several-article timeline are judged from one as-of date."""

from __future__ import annotations

from datetime import date

import pytest

from timeline import extract
from timeline.assemble import assemble
from timeline.models import Document, DocumentInfo, ReferenceSource, Status, Timeline

MONDAY = date(2017, 2, 6)
NEXT_MONDAY = date(2017, 2, 13)


def _doc(doc_id: str, text: str, reference: date) -> Document:
    info = DocumentInfo(id=doc_id, reference_date=reference, reference_source=ReferenceSource.CLI)
    return Document(info=info, text=text)


EARLY = _doc("early", "The finance ministers will meet in Brussels on Friday.", MONDAY)
LATE = _doc("late", "The central bank raised interest rates on Monday.", NEXT_MONDAY)


def _status(timeline: Timeline, trigger: str) -> Status:
    (event,) = [e for e in timeline.events if e.trigger == trigger]
    return event.status


def test_a_single_article_judges_from_its_own_date() -> None:
    timeline = extract([EARLY])
    assert timeline.as_of == MONDAY
    assert _status(timeline, "meet") is Status.UPCOMING


def test_an_upcoming_event_of_an_older_article_is_past_by_the_newest_article_date() -> None:
    timeline = extract([EARLY, LATE])
    assert timeline.as_of == NEXT_MONDAY
    assert _status(timeline, "meet") is Status.PAST  # Friday 10 February, before the 13th
    assert _status(timeline, "raised") is Status.PAST  # its own reading, made on the 13th


@pytest.mark.parametrize(
    ("as_of", "meet", "raised"),
    [
        (date(2017, 2, 8), Status.UPCOMING, Status.UPCOMING),
        # Friday itself, seen from Friday by no article: the span contains it, so ongoing.
        (date(2017, 2, 10), Status.ONGOING, Status.UPCOMING),
        (date(2017, 3, 1), Status.PAST, Status.PAST),
    ],
)
def test_as_of_overrides_the_default(as_of: date, meet: Status, raised: Status) -> None:
    timeline = extract([EARLY, LATE], as_of=as_of)
    assert timeline.as_of == as_of
    assert (_status(timeline, "meet"), _status(timeline, "raised")) == (meet, raised)


def test_no_reference_date_anywhere_means_no_as_of() -> None:
    timeline = extract("The ministers met on 3 March 2015.")
    assert timeline.as_of is None
    assert timeline.events[0].status is Status.UNKNOWN


def test_an_article_without_reference_date_is_judged_from_the_story_date() -> None:
    undated = Document(
        info=DocumentInfo(id="undated"),
        text="The ministers met in Rome on 3 March 2015. They will meet next week.",
    )
    timeline = extract([undated, LATE])
    assert timeline.as_of == NEXT_MONDAY
    by_trigger = {e.trigger: e for e in timeline.events}
    assert by_trigger["met"].status is Status.PAST  # an explicit date: the span decides
    assert by_trigger["meet"].status is Status.UNKNOWN  # "next week" of no known week stays unknown


def test_assembling_again_with_the_same_as_of_changes_nothing() -> None:
    timeline = extract([EARLY, LATE], as_of=date(2017, 2, 10))
    assert assemble(timeline.documents, timeline.events, as_of=date(2017, 2, 10)) == timeline
