"""The `ics` exporter: an iCalendar file that imports cleanly into Outlook, Google and Apple Calendar.

What the file does, and why (facts in ../shared/FORMATS.md):

- `METHOD:PUBLISH` (REQUEST would make Outlook treat the file as a meeting invitation), a fixed
  PRODID, `X-WR-CALNAME` and `NAME` so clients show a calendar name.
- Dates are all-day `DTSTART;VALUE=DATE` / `DTEND;VALUE=DATE` with an **exclusive** DTEND: a day
  on the 22nd ends on the 23rd, a week spans Monday to the next Monday, a month its first day to
  the first of the next month, a year 1 January to 1 January. iCalendar has no partial dates, so
  the SUMMARY says the precision in words ("February 2017, day unknown").
- Events with a clock time are UTC date-times (`...Z`; no VTIMEZONE, which Outlook mishandles)
  lasting `ExportOptions.timed_event_minutes` (one hour by default). TimeML times without a zone
  are taken as UTC.
- Events whose date is unresolved (no reference date) are left out: a calendar cannot hold them.
- UID = uuid5(source document + TimeML value + normalized title) @ `uid_domain`, so the same
  event keeps its UID across runs and when unrelated text is added to the article; DTSTAMP is
  derived from the documents' reference dates, never from the clock; SEQUENCE is 0.
- News events must not block the user's time: TRANSP:TRANSPARENT and
  X-MICROSOFT-CDO-BUSYSTATUS:FREE.
- CATEGORIES holds the status (no commas: Outlook splits category names on them), LOCATION the
  place, URL the source article, DESCRIPTION the source sentence, the precision and the sources.

Re-importing: UID-aware clients (Google, Apple, subscriptions) update events in place, but
Outlook desktop duplicates one-off PUBLISH events on every import even when the UIDs are the
same. Outlook users should delete the previous import (or subscribe to the file) instead of
importing a new version over it.

icalendar is imported inside `export` so that loading the registry stays cheap.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from datetime import UTC, date, datetime, time, timedelta
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

_NOT_WORD = re.compile(r"[\W_]+")


def normalized_title(title: str) -> str:
    """Case, accents-composition, punctuation and spacing folded away: the identity of a title."""
    return _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", title).casefold()).strip()


def _source_key(event: Event, documents: dict[str, DocumentInfo]) -> str:
    document_id = event.mentions[0].document_id
    info = documents.get(document_id)
    return (info.url if info is not None and info.url else None) or document_id


def event_uid(event: Event, documents: dict[str, DocumentInfo], domain: str) -> str:
    """The stable UID of an event: what it is (source, date, title), not where it was found."""
    name = "\x1f".join((_source_key(event, documents), event.date.value, normalized_title(event.title)))
    return f"{uuid.uuid5(UID_NAMESPACE, name)}@{domain}"


def derived_dtstamp(timeline: Timeline) -> datetime:
    """Midnight UTC of the latest reference date (else latest event date): input-determined."""
    days = [d.reference_date for d in timeline.documents if d.reference_date is not None]
    if not days:
        days = [e.date.end for e in timeline.events if e.date.end is not None]
    return datetime.combine(max(days), time(), tzinfo=UTC) if days else FALLBACK_DTSTAMP


def calendar_name(timeline: Timeline, options: ExportOptions) -> str:
    return clean_line(options.calendar_name or timeline_title(timeline, options)) or "Timeline"


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


def _source_line(info: DocumentInfo) -> str:
    parts = [clean_line(info.title) if info.title else info.id]
    details = [clean_line(p) for p in (info.publisher,) if p]
    if info.reference_date is not None:
        details.append(info.reference_date.isoformat())
    if details:
        parts.append(f"({', '.join(details)})")
    where = info.url or info.source
    if where:
        parts.append(clean_line(where))
    return "Source: " + " ".join(parts)


def _description(event: Event, sources: list[DocumentInfo]) -> str:
    lines = [clean_text(event.sentence).strip(), ""]
    lines.append(f"When: {precision_label(event.date)} [TimeML {event.date.value}]")
    lines.append(f"Status: {event.status.value}")
    if event.negated:
        lines.append("Negated: the text says this did not happen.")
    if event.participants:
        lines.append("Participants: " + "; ".join(clean_line(p) for p in event.participants))
    lines.extend(_source_line(info) for info in sources)
    return "\n".join(lines)


def _add_dates(component: CalendarEvent, event: Event, options: ExportOptions) -> bool:
    moment = clock_time(event.date)
    if moment is not None and moment < datetime.max.replace(tzinfo=UTC) - timedelta(days=1):
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

        documents = {info.id: info for info in timeline.documents}
        dtstamp = options.dtstamp or derived_dtstamp(timeline)
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        name = calendar_name(timeline, options)
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)

        seen: set[str] = set()
        for event in selected_events(timeline, options):
            component = CalendarEvent()
            if not _add_dates(component, event, options):
                continue
            uid = event_uid(event, documents, options.uid_domain)
            if uid in seen:  # same source, date and title twice: tell them apart by event id
                uid = f"{uuid.uuid5(UID_NAMESPACE, uid + chr(0x1F) + event.id)}@{options.uid_domain}"
            seen.add(uid)
            component.add("uid", uid)
            component.add("dtstamp", dtstamp)
            component.add("sequence", 0)
            component.add("summary", _summary(event))
            sources = event_documents(event, documents)
            component.add("description", _description(event, sources))
            categories = [_category(event.status.value)] + (["negated"] if event.negated else [])
            component.add("categories", categories)
            if event.place and clean_line(event.place):
                component.add("location", clean_line(event.place))
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
