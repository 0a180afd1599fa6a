"""The `json` exporter: the Timeline model itself, the canonical and complete export."""

from __future__ import annotations

from timeline.exporters.base import Exporter, ExportOptions, selected_events
from timeline.models import Timeline


class JsonExporter(Exporter):
    """Pydantic's JSON of the Timeline (schema: `timeline schema`), indented, with a final newline.

    Keys follow the models' field order, which pydantic keeps, so the bytes are stable; non-ASCII
    text stays readable UTF-8 rather than \\u escapes.
    """

    name = "json"
    extension = "json"
    media_type = "application/json"
    description = "the timeline with every field (schema: `timeline schema`)"

    def export(self, timeline: Timeline, options: ExportOptions) -> bytes:
        events = selected_events(timeline, options)
        if events != timeline.events:
            timeline = timeline.model_copy(update={"events": events})
        return (timeline.model_dump_json(indent=2) + "\n").encode("utf-8")
