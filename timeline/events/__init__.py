"""The event layer: which event each date of a document dates (trigger, title, fields, status).

Decisions (rule-based, pure Python, word lists in timeline/events/data with runnable examples):
- one event per calendar DATE/TIME mention; durations, sets and PRESENT_REF-style values date
  nothing, nor does a line holding only a date (a dateline); unresolved dates keep an event with
  status "unknown";
- two dates of one sentence with the same value date one event when the second hangs on the same
  word or on a participle afterthought ("... this year — putting 2017 on course");
- one date for coordinated verbs ("trek across deserts and board boats this year") is ONE event:
  the first verb is the trigger, the title spans the coordination;
- status: the date's span against the reference date first; a span containing it is decided by
  tense and modality (past -> past; will / is due to / plans to -> upcoming; present, perfect,
  progressive and predictions like "is expected to" -> ongoing).
"""

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
