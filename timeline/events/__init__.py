"""The event layer: which event each date of a document dates (trigger, title, fields, status)."""

from __future__ import annotations

from timeline.events.detect import detect_events, is_calendar_date, trigger_lemma

__all__ = ["detect_events", "is_calendar_date", "trigger_lemma"]
