"""The event layer: which event each date of a document dates (trigger, title, fields, status)."""

from __future__ import annotations

from timeline.events.detect import DatedEvent, dated_events, detect_events, is_calendar_date, trigger_lemma
from timeline.events.tokens import looks_like_name

__all__ = [
    "DatedEvent",
    "dated_events",
    "detect_events",
    "is_calendar_date",
    "looks_like_name",
    "trigger_lemma",
]
