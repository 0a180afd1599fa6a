"""The public Python API: `extract` a timeline, `export` it to any registered format."""

from __future__ import annotations

from timeline.exporters import ExportOptions, get
from timeline.models import Timeline
from timeline.pipeline import extract

__all__ = ["export", "extract"]


def export(timeline: Timeline, format: str, options: ExportOptions | None = None) -> str | bytes:
    """Render `timeline` in `format` (json, csv, ics, ...): text formats as str, others as bytes."""
    exporter = get(format)
    data = exporter.export(timeline, options or ExportOptions())
    if exporter.media_type.startswith(("text/", "application/json")) or exporter.extension in {
        "json",
        "csv",
        "ics",
        "html",
    }:
        return data.decode("utf-8-sig") if exporter.extension == "csv" else data.decode("utf-8")
    return data
