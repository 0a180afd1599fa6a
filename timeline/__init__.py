"""timeline: news articles in, ordered timelines of dated events out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Document", "DocumentInfo", "Event", "TimeValue", "Timeline", "export", "extract"]

if TYPE_CHECKING:
    from timeline.api import export, extract
    from timeline.models import Document, DocumentInfo, Event, Timeline, TimeValue

# Heavy dependencies (dateparser, icalendar) load on first use so `timeline --help` stays fast.
_LAZY = {
    "extract": "timeline.api",
    "export": "timeline.api",
    "Document": "timeline.models",
    "DocumentInfo": "timeline.models",
    "Event": "timeline.models",
    "Timeline": "timeline.models",
    "TimeValue": "timeline.models",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'timeline' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
