"""The ics export as subscribers see it: more parsers, and UIDs that survive edits of the article."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from exporter_fixture import build_timeline

from timeline import export, extract
from timeline.models import Document, DocumentInfo, ReferenceSource, Timeline


def _with_zones(timeline: Timeline) -> Timeline:
    """The fixture plus a time in CET and one in ET, beside its floating 2:30 p.m."""
    meeting = next(e for e in timeline.events if e.id == "ev-2017-02-10t14-30-meeting")
    extra = []
    for n, zone in enumerate(("CET", "ET")):
        when = meeting.date.model_copy(update={"value": "2017-02-11T20:00", "zone": zone})
        extra.append(
            meeting.model_copy(update={"id": f"ev-zoned-{n}", "date": when, "title": f"Briefing {zone}"})
        )
    return timeline.model_copy(update={"events": (*timeline.events, *extra)})


def _data() -> str:
    data = export(_with_zones(build_timeline()), "ics")
    assert isinstance(data, str)
    return data


def test_vobject_reads_every_event_with_its_time() -> None:
    vobject = pytest.importorskip("vobject")
    calendar = vobject.readOne(_data())
    starts = {e.summary.value.split(" [")[0]: e.dtstart.value for e in calendar.vevent_list}
    assert len(starts) == len([e for e in build_timeline().events if e.date.resolved]) + 2
    assert starts["UN envoy Kobler met Prime Minister al-Sarraj"] == datetime(2017, 2, 10, 14, 30)  # floating
    assert starts["Briefing CET"].utcoffset().total_seconds() == 0
    assert starts["Briefing CET"].replace(tzinfo=None) == datetime(2017, 2, 11, 19)
    assert starts["Briefing ET"].replace(tzinfo=None) == datetime(2017, 2, 12, 1)
    assert calendar.x_wr_calname.value == "Timeline"


def test_ics_py_reads_every_event_with_a_unique_uid() -> None:
    ics = pytest.importorskip("ics")
    calendar = ics.Calendar(_data())
    uids = [e.uid for e in calendar.events]
    assert len(uids) == len(set(uids)) == len([e for e in build_timeline().events if e.date.resolved]) + 2
    assert all(e.end > e.begin for e in calendar.events)


ORIGINAL = (
    "The Senate approved the budget bill on Tuesday, Feb. 7, 2017. "
    "The president vetoed it on Feb. 9, 2017, and lawmakers will vote again on Feb. 14, 2017."
)
# A one-word correction in one title, and unrelated text (one piece of it dated) before and after.
EDITED = (
    "Markets were calm on Feb. 6, 2017, and analysts expected little. "
    "The US Senate approved the budget bill on Tuesday, Feb. 7, 2017. "
    "The president vetoed it on Feb. 9, 2017, and lawmakers will vote again on Feb. 14, 2017. "
    "Shares rose as traders digested the news."
)


def _uids(text: str) -> dict[str, str]:
    info = DocumentInfo(
        id="senate",
        url="https://example.org/senate",
        reference_date=date(2017, 2, 10),
        reference_source=ReferenceSource.CLI,
    )
    data = export(extract(Document(info=info, text=text)), "ics")
    assert isinstance(data, str)
    unfolded = data.replace("\r\n ", "")
    found = re.findall(r"BEGIN:VEVENT\r\n(?:.*\r\n)*?END:VEVENT", unfolded)
    out = {}
    for block in found:
        start = re.search(r"DTSTART[^:]*:(\S+)", block)
        uid = re.search(r"UID:(\S+)", block)
        assert start and uid
        out[start[1]] = uid[1]
    return out


def test_a_reworded_title_and_added_text_keep_every_uid() -> None:
    before, after = _uids(ORIGINAL), _uids(EDITED)
    assert len(before) == 3
    assert set(after) - set(before) == {"20170206"}  # the unrelated dated sentence
    assert {day: after[day] for day in before} == before
