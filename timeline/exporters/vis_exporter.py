"""The `vis` exporter: vis-timeline `items` and `groups` as one JSON document.

Load it with `new vis.Timeline(el, new vis.DataSet(data.items), new vis.DataSet(data.groups))`.
A day is a `point`; a week, month, year or other span is a `range` whose `end` is the midnight
after its last day (vis dates are moments, so an inclusive last day ends there), so a quarter, a
season or a decade is drawn over its whole span. A clock time is a `point`: a floating local time
(no zone: "20:00" shows at 20:00 wherever the page is opened, as in the calendar and TimelineJS)
unless the text names the zone, then that UTC moment. Groups are the statuses; the tooltip
(`title`) gives the date in words, the sentence and the sources; `as_of` is the date the statuses
are judged from. vis renders `content` and `title` as HTML, so both are escaped. Unresolved
dates are left out: vis needs a start.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from timeline.exporters.base import Exporter, ExportOptions, selected_events
from timeline.exporters.dates import clock_time, iso_moment, precision_label
from timeline.exporters.markup import event_documents, line, source, text
from timeline.models import DocumentInfo, Event, Granularity, Status, Timeline

# The end of a span reaching 9999-12-31, whose following midnight has no ISO date.
_LAST_MOMENT = "9999-12-31T23:59:59.999Z"
_SINGLE_DAY = frozenset({Granularity.DAY, Granularity.PART_OF_DAY})


def item(event: Event, documents: dict[str, DocumentInfo] | None = None) -> dict[str, Any] | None:
    """The vis-timeline item of an event, or None when its date is unresolved; `documents` (by
    id) name the sources in the tooltip."""
    value = event.date
    if value.start is None or value.end is None:
        return None
    entry: dict[str, Any] = {"id": event.id, "content": line(event.title)}
    moment = clock_time(value)
    if moment is not None:
        entry["start"] = iso_moment(moment)
        entry["type"] = "point"
    elif value.start == value.end and value.granularity in _SINGLE_DAY:
        entry["start"] = value.start.isoformat()
        entry["type"] = "point"
    else:
        entry["start"] = value.start.isoformat()
        entry["end"] = (value.end + timedelta(days=1)).isoformat() if value.end < date.max else _LAST_MOMENT
        entry["type"] = "range"
    entry["group"] = event.status.value
    tooltip = f"{line(precision_label(value))}<br>{text(event.sentence)}"
    sources = [source(info) for info in event_documents(event, documents or {})]
    if sources:
        tooltip += "<br>Source: " + "; ".join(sources)
    entry["title"] = tooltip
    classes = [f"status-{event.status.value}", f"granularity-{value.granularity.value}"]
    entry["className"] = " ".join([*classes, "negated"] if event.negated else classes)
    return entry


class VisExporter(Exporter):
    """{"items": [...], "groups": [...]} for vis-timeline (see the module docstring)."""

    name = "vis"
    extension = "vis.json"
    media_type = "application/json"
    description = "vis-timeline items and groups (points for days, ranges for longer spans)"

    def export(self, timeline: Timeline, options: ExportOptions) -> bytes:
        documents = {info.id: info for info in timeline.documents}
        events = selected_events(timeline, options)
        items = [entry for event in events if (entry := item(event, documents))]
        present = {entry["group"] for entry in items}
        # Groups in a fixed order (the Status enum's), so the rows never reshuffle between runs.
        groups = [
            {"id": status.value, "content": status.value.capitalize(), "order": order}
            for order, status in enumerate(Status)
            if status.value in present
        ]
        as_of = timeline.as_of.isoformat() if timeline.as_of else None
        document = {"items": items, "groups": groups, "as_of": as_of}
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
