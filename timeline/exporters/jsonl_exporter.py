"""The `jsonl` exporter: one event per line, the unit of corpus mode and of line-based tools."""

from __future__ import annotations

from timeline.exporters.base import Exporter, ExportOptions, selected_events
from timeline.models import Event, Timeline


def event_line(event: Event) -> bytes:
    """One event as one line of compact JSON; corpus mode streams exactly these lines."""
    # The serializer's own UTF-8 bytes: what model_dump_json returns decoded, without the
    # decode and encode of every line (speed).
    return event.__pydantic_serializer__.to_json(event) + b"\n"


class JsonlExporter(Exporter):
    """Each event as one compact JSON object per line (the Event schema), in timeline order."""

    name = "jsonl"
    extension = "jsonl"
    media_type = "application/jsonl"
    description = "one event per line; with `extract -f jsonl` streamed document by document"

    def export(self, timeline: Timeline, options: ExportOptions) -> bytes:
        return b"".join(event_line(event) for event in selected_events(timeline, options))
