"""The event layer: which event each date of a document dates (trigger, title, fields, status).

The steps of the job, one module each:
- sentences.py, tokens.py, lexicon.py: the date's sentence, its words and their classes;
- nonevents.py: dates that date nothing (comparisons, durations read as dates, generic "today",
  datelines);
- anchoring.py: the event word the date attaches to;
- reported.py: reported speech (a saying's content clause, who reported an event);
- fields.py, antecedents.py: the title (subject, predicate with voice and negation, object,
  place), participants, and the person a "he"/"she" subject stands for;
- status.py, tense.py: tense, modality and status; the tense reading offered to date resolution;
- detect.py: the steps put together, one event per date (ranges and a date's time merged).

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
