"""The public Python API: `extract` a timeline, `export` it to any registered format."""

from __future__ import annotations

from timeline.exporters import ExportOptions, get
from timeline.models import Timeline
from timeline.pipeline import extract

__all__ = ["export", "extract"]


def export(timeline: Timeline, format: str, options: ExportOptions | None = None) -> str | bytes:
    """Render `timeline` in `format` (json, csv, ics, ...).

    Text formats (media type text/* or JSON) come back as str, without the CSV byte order mark
    that only matters in files; anything else as bytes.
    """
    exporter = get(format)
    data = exporter.export(timeline, options or ExportOptions())
    media = exporter.media_type.split(";")[0].strip()
    if media.startswith("text/") or media.endswith("json"):
        return data.decode("utf-8-sig")
    return data
