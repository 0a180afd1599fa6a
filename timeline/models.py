"""The frozen pydantic models that every stage of the pipeline passes to the next."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.0"


class Frozen(BaseModel):
    """Base for all contract models: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class TimexType(StrEnum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Granularity(StrEnum):
    """Precision of a time value, coarsest first; order matters for sorting."""

    MILLENNIUM = "millennium"
    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    SEASON = "season"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    PART_OF_DAY = "part_of_day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"
    # PRESENT_REF / PAST_REF / FUTURE_REF have no calendar extent.
    VAGUE = "vague"


class Anchoring(StrEnum):
    """What a value was computed from."""

    EXPLICIT = "explicit"  # fully stated in the text ("Oct. 22, 2014")
    REFERENCE_DATE = "reference_date"  # relative to the document's reference date ("this week")
    PREVIOUS_DATE = "previous_date"  # relative to an earlier date in the text ("two days later")
    UNRESOLVED = "unresolved"  # relative, but no reference date was available


class Mod(StrEnum):
    """TimeML `mod` values."""

    START = "START"
    MID = "MID"
    END = "END"
    APPROX = "APPROX"
    BEFORE = "BEFORE"
    AFTER = "AFTER"
    ON_OR_BEFORE = "ON_OR_BEFORE"
    ON_OR_AFTER = "ON_OR_AFTER"
    LESS_THAN = "LESS_THAN"
    MORE_THAN = "MORE_THAN"
    EQUAL_OR_LESS = "EQUAL_OR_LESS"
    EQUAL_OR_MORE = "EQUAL_OR_MORE"


class TimeValue(Frozen):
    """A normalized point or span of calendar time with its true precision."""

    value: str = Field(description="TimeML value, e.g. 2014-10-22, 2017-W06, 2017-02, 2017, XXXX-WXX")
    granularity: Granularity
    start: date | None = Field(None, description="first day covered (inclusive); None when unresolved")
    end: date | None = Field(None, description="last day covered (inclusive); None when unresolved")
    anchoring: Anchoring
    mod: Mod | None = None
    zone: str | None = Field(
        None,
        description="time zone named in the text (e.g. 'CET', 'UTC', 'ET'); None when the text names none",
    )

    @property
    def resolved(self) -> bool:
        return self.start is not None and self.end is not None

    @model_validator(mode="after")
    def _span_is_ordered(self) -> TimeValue:
        if (self.start is None) != (self.end is None):
            raise ValueError("start and end must both be set or both be None")
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        return self


class Timex(Frozen):
    """A temporal expression found in a text, normalized (TimeML TIMEX3)."""

    start: int = Field(ge=0, description="character offset of the first character")
    end: int = Field(ge=0, description="character offset one past the last character")
    text: str
    type: TimexType
    value: str = Field(description="TimeML value: a date/time, a duration (P3Y) or a set period (P1W)")
    mod: Mod | None = None
    rule: str = Field(description="name of the tagger rule that found it")
    time: TimeValue | None = Field(None, description="calendar value for DATE/TIME; None otherwise")
    anchor_index: int | None = Field(
        None, description="index of the timex this one was anchored to (previous_date anchoring)"
    )

    @model_validator(mode="after")
    def _span_matches(self) -> Timex:
        if self.end < self.start or len(self.text) != self.end - self.start:
            raise ValueError("span does not match text length")
        return self


class ReferenceSource(StrEnum):
    """Where a document's reference date came from (cascade order)."""

    CLI = "cli"
    METADATA = "metadata"
    HTML_METADATA = "html-metadata"
    NONE = "none"


class DocumentInfo(Frozen):
    """What a timeline records about a source document (everything but the text)."""

    id: str
    source: str | None = Field(None, description="path or URL the text was read from")
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    language: str = "en"
    reference_date: date | None = None
    reference_source: ReferenceSource = ReferenceSource.NONE
    reference_note: str | None = None


class Document(Frozen):
    """A source text with its metadata."""

    info: DocumentInfo
    text: str

    @property
    def id(self) -> str:
        return self.info.id


class Status(StrEnum):
    PAST = "past"
    ONGOING = "ongoing"
    UPCOMING = "upcoming"
    UNKNOWN = "unknown"  # no reference date: cannot tell


class Mention(Frozen):
    """One place in one document where a date expression dates an event."""

    document_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(description="surface text of the date expression")
    sentence_start: int | None = Field(None, description="offset of the sentence holding the mention")
    sentence_end: int | None = None


class Event(Frozen):
    """A dated event, possibly reported several times."""

    id: str
    date: TimeValue
    title: str = Field(description="what happened, concisely, without the date")
    trigger: str = Field(description="the event word, e.g. 'rescued', 'airstrike'")
    sentence: str = Field(description="the source sentence of the first mention")
    status: Status
    negated: bool = False
    participants: tuple[str, ...] = ()
    place: str | None = None
    confidence: float = Field(1.0, ge=0.0, le=1.0)
    mentions: tuple[Mention, ...] = Field(min_length=1)
    reported_by: str | None = Field(
        None,
        description="who reported the event when the text gives it as reported speech "
        "('the ministry' in 'The ministry said exports fell 4%'); not part of the title",
    )


class Timeline(Frozen):
    """The product: documents and their dated events in time order."""

    schema_version: str = SCHEMA_VERSION
    documents: tuple[DocumentInfo, ...]
    events: tuple[Event, ...]
    as_of: date | None = Field(
        None,
        description="the date statuses are judged from: the newest reference date of the "
        "documents unless one was given; None when no document has one",
    )
