"""The `timelinejs` and `timelinejs-csv` exporters: Knight Lab TimelineJS JSON and its Sheets template.

TimelineJS shows year-only and month-only dates natively, so a slide gets only the date parts we
know: 2017 → {"year": 2017}; February 2017 → {"year": 2017, "month": 2}. Spans that are not a
single calendar unit (a week, a quarter, a season, a decade) start at their natural resolution
and end on their last day: TimelineJS places a month-only or year-only date at the unit's first
day, so `{"year": 1989}` would end "the 1980s" a year early and `{"month": 9}` a quarter a month
early. Clock times are hour/minute as the text gives them: TimelineJS shows them at that hour
wherever the page is opened, which is what the calendar (floating local time) and vis do; when
the text names a zone, the display date names it too. The title slide says the date statuses
are judged from. Unresolved dates are left out: TimelineJS requires a start date. Headline and
text are rendered by TimelineJS as HTML, so all text is escaped.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
from datetime import date
from typing import Any

from timeline.exporters.base import Exporter, ExportOptions, selected_events, timeline_title
from timeline.exporters.csv_exporter import neutralize
from timeline.exporters.dates import clock_of, clock_time, precision_label
from timeline.exporters.markup import event_documents, line, source, text
from timeline.models import DocumentInfo, Event, Granularity, Timeline

DateParts = dict[str, int]

# The columns of Knight Lab's Google Sheets template, exactly and in this order.
SHEET_COLUMNS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
)

_MONTH_SPANS = frozenset({Granularity.QUARTER, Granularity.HALF, Granularity.SEASON, Granularity.MONTH})
_YEAR_SPANS = frozenset({Granularity.YEAR, Granularity.DECADE, Granularity.CENTURY, Granularity.MILLENNIUM})


def _parts(day: date, resolution: str) -> DateParts:
    parts = {"year": day.year, "month": day.month, "day": day.day}
    keep = {"year": 1, "month": 2, "day": 3}[resolution]
    return dict(list(parts.items())[:keep])


def slide_dates(event: Event) -> tuple[DateParts, DateParts | None] | None:
    """TimelineJS start_date and inclusive end_date (None when one date says it all)."""
    value = event.date
    start, end = value.start, value.end
    if start is None or end is None:
        return None
    found = clock_of(value) if clock_time(value) is not None else None
    if found is not None:
        wall = found.wall  # the hour as written: TimelineJS has no time zones
        clock = {"year": wall.year, "month": wall.month, "day": wall.day, "hour": wall.hour}
        clock["minute"] = wall.minute
        if value.granularity is Granularity.SECOND:
            clock["second"] = wall.second
        return clock, None
    if value.granularity in _YEAR_SPANS:
        resolution = "year"
    elif value.granularity in _MONTH_SPANS:
        resolution = "month"
    else:  # weeks, days, parts of days, clock times we could not read, vague spans
        resolution = "day"
    first, last = _parts(start, resolution), _parts(end, resolution)
    if first != last:
        return first, _parts(end, "day")  # its last day: the whole span is drawn
    if _whole_unit(start, end, resolution):
        return first, None
    # Part of one unit (a resolver-narrowed "early February"): days say it exactly.
    first, last = _parts(start, "day"), _parts(end, "day")
    return (first, None) if first == last else (first, last)


def _whole_unit(start: date, end: date, resolution: str) -> bool:
    if resolution == "year":
        return (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if resolution == "month":
        return start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    return True


def _group(event: Event) -> str:
    return event.status.value.capitalize()


def _body(event: Event, documents: dict[str, DocumentInfo]) -> str:
    paragraphs = [f"<p>{text(event.sentence)}</p>"]
    details = [f"<b>When:</b> {line(precision_label(event.date))}"]
    if event.negated:
        details.append("<b>Negated:</b> the text says this did not happen")
    if event.participants:
        details.append("<b>Who:</b> " + "; ".join(line(p) for p in event.participants))
    if event.place:
        details.append(f"<b>Where:</b> {line(event.place)}")
    paragraphs.append("<p>" + "<br>".join(details) + "</p>")
    sources = [source(info) for info in event_documents(event, documents)]
    if sources:
        paragraphs.append("<p><b>Source:</b> " + "; ".join(sources) + "</p>")
    return "".join(paragraphs)


def _title_text(timeline: Timeline, count: int) -> str:
    noun = "event" if count == 1 else "events"
    sources = "; ".join(source(info) for info in timeline.documents)
    text = f"<p>{count} dated {noun}" + (f" from {sources}" if sources else "") + "</p>"
    if timeline.as_of is not None:
        text += f"<p>Past, ongoing and upcoming as of {timeline.as_of.isoformat()}.</p>"
    return text


def _dated(timeline: Timeline, options: ExportOptions) -> list[tuple[Event, DateParts, DateParts | None]]:
    dated = []
    for event in selected_events(timeline, options):
        dates = slide_dates(event)
        if dates is not None:
            dated.append((event, *dates))
    return dated


class TimelineJsExporter(Exporter):
    """TimelineJS JSON: a title slide and one slide per dated event (see the module docstring)."""

    name = "timelinejs"
    extension = "timelinejs.json"
    media_type = "application/json"
    description = "Knight Lab TimelineJS JSON (title slide, events with only their known date parts)"

    def export(self, timeline: Timeline, options: ExportOptions) -> bytes:
        documents = {info.id: info for info in timeline.documents}
        dated = _dated(timeline, options)
        slides: list[dict[str, Any]] = []
        for event, start, end in dated:
            slide: dict[str, Any] = {"start_date": start}
            if end is not None:
                slide["end_date"] = end
            slide["display_date"] = line(precision_label(event.date))
            slide["text"] = {"headline": line(event.title), "text": _body(event, documents)}
            slide["group"] = _group(event)
            slide["unique_id"] = event.id
            slides.append(slide)
        document = {
            "title": {
                "text": {
                    "headline": line(timeline_title(timeline, options)),
                    "text": _title_text(timeline, len(dated)),
                }
            },
            "events": slides,
        }
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _sheet_date(parts: DateParts | None) -> list[str]:
    if parts is None:
        return ["", "", "", ""]
    clock = ""
    if "hour" in parts:
        clock = f"{parts['hour']:02d}:{parts['minute']:02d}" + (
            f":{parts['second']:02d}" if "second" in parts else ""
        )
    return [str(parts[k]) if k in parts else "" for k in ("year", "month", "day")] + [clock]


class TimelineJsSheetExporter(Exporter):
    """CSV for Knight Lab's Google Sheets template: the 18 template columns, one title row first.

    No BOM whatever `csv_bom` says: Google Sheets would keep it in the "Year" header and
    TimelineJS would then miss the column. Cells are formula-neutralized like the csv export,
    because the file is meant to be imported into a spreadsheet.
    """

    name = "timelinejs-csv"
    extension = "timelinejs.csv"
    media_type = "text/csv; charset=utf-8; header=present"
    description = "Knight Lab TimelineJS Google Sheets template (18 columns)"

    def export(self, timeline: Timeline, options: ExportOptions) -> bytes:
        documents = {info.id: info for info in timeline.documents}
        dated = _dated(timeline, options)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(SHEET_COLUMNS)
        title = ["", "", "", "", "", "", "", "", ""]
        title += [line(timeline_title(timeline, options)), _title_text(timeline, len(dated))]
        title += ["", "", "", "", "title", "", ""]
        rows = [title]
        for event, start, end in dated:
            row = _sheet_date(start) + _sheet_date(end) + [line(precision_label(event.date))]
            row += [line(event.title), _body(event, documents), "", "", "", "", "", _group(event), ""]
            rows.append(row)
        for row in rows:
            writer.writerow([neutralize(cell) for cell in row])
        return buffer.getvalue().encode("utf-8")
