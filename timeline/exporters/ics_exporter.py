"""The `ics` exporter: an iCalendar file that imports cleanly into Outlook, Google and Apple Calendar.

What the file does, and why (facts in ../shared/FORMATS.md):

- `METHOD:PUBLISH` (REQUEST would make Outlook treat the file as a meeting invitation), a fixed
  PRODID, `X-WR-CALNAME` and `NAME` so clients show a calendar name (TEXT-escaped: icalendar
  leaves properties it does not know unescaped), `X-WR-CALDESC` saying the date statuses are
  judged from (the timeline's as-of date).
- Dates are all-day `DTSTART;VALUE=DATE` / `DTEND;VALUE=DATE` with an **exclusive** DTEND: a day
  on the 22nd ends on the 23rd, a week spans Monday to the next Monday, a month its first day to
  the first of the next month, a year 1 January to 1 January. iCalendar has no partial dates, so
  the SUMMARY says the precision in words ("February 2017, day unknown").
- Events with a clock time last `ExportOptions.timed_event_minutes` (one hour by default). When
  the text names the zone ("8 p.m. CET", "20:00 GMT", "8 p.m. ET") they are UTC date-times
  (`...Z`, converted with that day's offset; no VTIMEZONE, which Outlook mishandles). Otherwise
  they are floating local times (no `Z`, no TZID): "8 p.m." in a New York story shows as 8 p.m.,
  where a guessed UTC would show 3 p.m. there.
- Events whose date is unresolved (no reference date) are left out: a calendar cannot hold them.
- UID = uuid5(event id) @ `uid_domain`. The event id is made from what identifies the event
  (the document's URL or id, the date value, the event word and the ordinal of that pair in the
  document; see `timeline.assemble.event_key`), never from the title's wording, so the same event
  keeps its UID across runs, when its title is corrected and when unrelated text is added to the
  article. DTSTAMP is derived from the documents' reference dates, never from the clock;
  SEQUENCE is 0.
- News events must not block the user's time: TRANSP:TRANSPARENT and
  X-MICROSOFT-CDO-BUSYSTATUS:FREE.
- CATEGORIES holds the status (no commas: Outlook splits category names on them), LOCATION the
  place, URL the source article, DESCRIPTION the source sentence, the precision and the sources
  (each by its URL, else its file name: a served calendar must not reveal local paths).

Re-importing: UID-aware clients (Google, Apple, subscriptions) update events in place, but
Outlook desktop duplicates one-off PUBLISH events on every import even when the UIDs are the
same. Outlook users should delete the previous import (or subscribe to the file) instead of
importing a new version over it.

icalendar is imported inside `export` so that loading the registry stays cheap.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING

from timeline.exporters.base import Exporter, ExportOptions, selected_events, timeline_title
from timeline.exporters.dates import COARSER_THAN_DAY, clock_time, precision_label
from timeline.exporters.markup import event_documents, safe_url
from timeline.exporters.text import clean_line, clean_text
from timeline.models import DocumentInfo, Event, Granularity, Timeline

if TYPE_CHECKING:
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

PRODID = "-//timeline//Timeline of dated news events//EN"

# Namespace of our UIDs: uuid5(NAMESPACE_URL, "https://timeline.invalid/ics-uid"). Fixed forever:
# changing it would change every UID and make clients see every event as new.
UID_NAMESPACE = uuid.UUID("7da36241-5162-5d9c-a0f1-252ad42d3db2")

# When nothing in the input carries a date, DTSTAMP still has to be a constant.
FALLBACK_DTSTAMP = datetime(2000, 1, 1, tzinfo=UTC)


def event_uid(event: Event, domain: str) -> str:
    """The stable UID of an event, from its id: what identifies it, never its title's wording."""
    return f"{uuid.uuid5(UID_NAMESPACE, event.id)}@{domain}"


def derived_dtstamp(timeline: Timeline) -> datetime:
    """Midnight UTC of the latest reference date (else latest event date): input-determined."""
    days = [d.reference_date for d in timeline.documents if d.reference_date is not None]
    if not days:
        days = [e.date.end for e in timeline.events if e.date.end is not None]
    return datetime.combine(max(days), time(), tzinfo=UTC) if days else FALLBACK_DTSTAMP


def calendar_name(timeline: Timeline, options: ExportOptions) -> str:
    return clean_line(options.calendar_name or timeline_title(timeline, options)) or "Timeline"


def calendar_description(timeline: Timeline) -> str:
    """X-WR-CALDESC: what the calendar is, and the date its statuses are judged from."""
    count = len(timeline.documents)
    text = f"Dated events from {count} {'document' if count == 1 else 'documents'}"
    if timeline.as_of is None:
        return text + "; no reference date, so no event is judged past or upcoming."
    return text + f"; statuses (past, ongoing, upcoming) as of {timeline.as_of.isoformat()}."


def rfc5545_text(text: str) -> str:
    """TEXT escaping (RFC 5545, 3.3.11): backslash first, then ; and , and line breaks."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _summary(event: Event) -> str:
    title = clean_line(event.title) or clean_line(event.trigger) or "Event"
    value = event.date
    says_precision = (
        value.granularity in COARSER_THAN_DAY
        or value.granularity is Granularity.PART_OF_DAY
        or value.mod is not None
        or (value.granularity is not Granularity.DAY and clock_time(value) is None)
    )
    # Square brackets: the precision label itself may hold parentheses ("week 6 of 2017 (6\u201312 ...)").
    return f"{title} [{precision_label(value)}]" if says_precision else title


def _category(name: str) -> str:
    return clean_line(name).replace(",", " ").strip()


def _file_name(source: str) -> str:
    """The last part of a path, whichever system wrote it."""
    path: PurePath = PureWindowsPath(source) if "\\" in source else PurePosixPath(source)
    return path.name or source


def _source_line(info: DocumentInfo) -> str:
    parts = [clean_line(info.title) if info.title else info.id]
    details = [clean_line(p) for p in (info.publisher,) if p]
    if info.reference_date is not None:
        details.append(info.reference_date.isoformat())
    if details:
        parts.append(f"({', '.join(details)})")
    # A served calendar must not reveal where its maker keeps files: the URL, else the file name.
    where = info.url or (_file_name(info.source) if info.source else None)
    if where:
        parts.append(clean_line(where))
    return "Source: " + " ".join(parts)


def _description(event: Event, sources: list[DocumentInfo], as_of: date | None) -> str:
    lines = [clean_text(event.sentence).strip(), ""]
    lines.append(f"When: {precision_label(event.date)} [TimeML {event.date.value}]")
    lines.append(f"Status: {event.status.value}" + (f" (as of {as_of.isoformat()})" if as_of else ""))
    if event.negated:
        lines.append("Negated: the text says this did not happen.")
    if event.participants:
        lines.append("Participants: " + "; ".join(clean_line(p) for p in event.participants))
    lines.extend(_source_line(info) for info in sources)
    return "\n".join(lines)


def _add_dates(component: CalendarEvent, event: Event, options: ExportOptions) -> bool:
    moment = clock_time(event.date)  # aware UTC when the zone is known, else floating (naive)
    if moment is not None and moment.replace(tzinfo=None) < datetime.max - timedelta(days=1):
        component.add("dtstart", moment)
        component.add("dtend", moment + timedelta(minutes=options.timed_event_minutes))
        return True
    start, end = event.date.start, event.date.end
    if start is None or end is None or end >= date.max:  # unresolved, or no exclusive end exists
        return False
    component.add("dtstart", start)
    component.add("dtend", end + timedelta(days=1))  # DTEND of all-day events is exclusive
    return True


class IcsExporter(Exporter):
    """iCalendar (RFC 5545) for calendar apps; see the module docstring for every choice."""

    name = "ics"
    extension = "ics"
    media_type = "text/calendar; charset=utf-8; method=PUBLISH"
    description = "iCalendar for Outlook, Google and Apple Calendar (unresolved dates left out)"

    def build(self, timeline: Timeline, options: ExportOptions) -> Calendar:
        """The icalendar object, for callers that want to add to it before serializing."""
        from icalendar import Calendar
        from icalendar import Event as CalendarEvent
        from icalendar.prop import vText

        class Text(vText):
            """TEXT escaped by RFC 5545 alone: icalendar first turns a literal backslash-N into a
            line break, so a title "\\N" came back from every client as a new line."""

            def to_ical(self) -> bytes:
                return rfc5545_text(str(self)).encode("utf-8")

        documents = {info.id: info for info in timeline.documents}
        dtstamp = options.dtstamp or derived_dtstamp(timeline)
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        # vText: icalendar would write these properties, unknown to it, without TEXT escaping.
        name = calendar_name(timeline, options)
        calendar.add("name", Text(name))
        calendar.add("x-wr-calname", Text(name))
        calendar.add("x-wr-caldesc", Text(calendar_description(timeline)))

        seen: set[str] = set()
        for event in selected_events(timeline, options):
            component = CalendarEvent()
            if not _add_dates(component, event, options):
                continue
            uid = event_uid(event, options.uid_domain)
            if uid in seen:  # only when a caller gives two events one id: keep UIDs unique anyway
                uid = f"{uuid.uuid5(UID_NAMESPACE, uid + chr(0x1F) + str(len(seen)))}@{options.uid_domain}"
            seen.add(uid)
            component.add("uid", uid)
            component.add("dtstamp", dtstamp)
            component.add("sequence", 0)
            component.add("summary", Text(_summary(event)))
            sources = event_documents(event, documents)
            component.add("description", Text(_description(event, sources, timeline.as_of)))
            categories = [_category(event.status.value)] + (["negated"] if event.negated else [])
            component.add("categories", categories)
            if event.place and clean_line(event.place):
                component.add("location", Text(clean_line(event.place)))
            # Only http(s): a javascript: or file: URL from scraped metadata must not become a link.
            url = next((safe_url(info.url) for info in sources if safe_url(info.url)), None)
            if url:
                component.add("url", url)
            component.add("transp", "TRANSPARENT")
            component.add("x-microsoft-cdo-busystatus", "FREE")
            calendar.add_component(component)
        return calendar

    def export(self, timeline: Timeline, options: ExportOptions) -> bytes:
        data: bytes = self.build(timeline, options).to_ical()
        return data
