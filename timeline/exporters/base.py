"""The exporter contract: the `Exporter` base class and the `ExportOptions` every exporter reads."""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import UTC, datetime
from typing import ClassVar, Literal

from pydantic import Field, field_validator

from timeline.models import Event, Frozen, Timeline


class ExportOptions(Frozen):
    """Every export option in one validated, immutable object; each exporter reads what it needs.

    Defaults give the output that FORMATS.md asks for, so `ExportOptions()` is always right for
    a first export; the fields exist for users whose tools need something else.
    """

    title: str | None = Field(
        None,
        description="Title of the timeline (TimelineJS title slide, HTML heading, calendar name "
        "fallback). Default: the title of the only document, else 'Timeline'.",
    )
    min_confidence: float = Field(
        0.0, ge=0.0, le=1.0, description="Leave out events whose confidence is below this (all formats)."
    )
    include_negated: bool = Field(
        True,
        description="Keep events the text says did not happen ('no strike on Monday'); they are "
        "flagged as negated in every format. False leaves them out of every format.",
    )
    csv_bom: bool = Field(
        True, description="Start CSV with a UTF-8 byte order mark so Excel reads non-ASCII text correctly."
    )
    csv_delimiter: Literal[",", ";", "\t"] = Field(
        ",",
        description="CSV field separator; ';' suits Excel in locales whose decimal mark is a comma.",
    )
    calendar_name: str | None = Field(
        None, description="ICS calendar name (X-WR-CALNAME and NAME). Default: `title`'s default."
    )
    uid_domain: str = Field(
        "timeline.invalid",
        description="Domain suffix of ICS UIDs (uuid@domain). The default is reserved (RFC 2606) "
        "and so never collides with real calendars; set your own domain if you publish calendars.",
        pattern=r"^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$",
    )
    dtstamp: datetime | None = Field(
        None,
        description="ICS DTSTAMP of every event (timezone-aware). Default: midnight UTC of the "
        "latest document reference date (else of the latest event date, else 2000-01-01), so "
        "the same input always gives the same bytes; the clock is never read.",
    )
    timed_event_minutes: int = Field(
        60,
        ge=1,
        le=24 * 60,
        description="Length given to events with a clock time (ICS DTEND, vis end): news reports "
        "a moment, calendars need a duration.",
    )

    @field_validator("dtstamp")
    @classmethod
    def _aware_utc(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("dtstamp must be timezone-aware (e.g. 2017-02-10T00:00:00Z)")
        return value.astimezone(UTC)


class Exporter(ABC):
    """One output format: a pure function from a `Timeline` to the bytes of a file."""

    name: ClassVar[str]
    """Registry key and --format value, e.g. "ics"."""
    extension: ClassVar[str]
    """File name extension without the dot, e.g. "ics"."""
    media_type: ClassVar[str]
    """IANA media type with charset where it applies, e.g. "text/calendar; charset=utf-8"."""
    description: ClassVar[str]
    """One line for --help and docs."""

    @abstractmethod
    def export(self, timeline: Timeline, options: ExportOptions) -> bytes:
        """Render `timeline`; the same input and options always give the same bytes."""


def selected_events(timeline: Timeline, options: ExportOptions) -> tuple[Event, ...]:
    """The events `options` keep, in the timeline's order (which is already the time order)."""
    return tuple(
        event
        for event in timeline.events
        if event.confidence >= options.min_confidence and (options.include_negated or not event.negated)
    )


def timeline_title(timeline: Timeline, options: ExportOptions) -> str:
    """The title a user sees: the option, else the only document's title, else 'Timeline'."""
    if options.title:
        return options.title
    titles = [d.title for d in timeline.documents if d.title]
    return titles[0] if len(timeline.documents) == 1 and titles else "Timeline"
