"""Pydantic models of an annotated corpus document: text, DCT, TIMEX3, events and event-time links."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field, model_validator

from timeline.models import Frozen


class CorpusFormat(StrEnum):
    TIMEML = "timeml"  # TempEval-3 .tml (full or bare TE3input)
    MEANTIME = "meantime"  # NewsReader CAT XML


class Annotation(Frozen):
    """One TIMEX3 over the document text; gold or system, compared as plain strings (TE3)."""

    start: int = Field(ge=0, description="character offset of the first character in the text")
    end: int = Field(ge=0, description="character offset one past the last character")
    text: str
    type: str = Field(description="DATE, TIME, DURATION or SET as written (TE3 compares strings)")
    value: str
    mod: str | None = None
    tid: str | None = Field(None, description="TIMEX3 id (tid in TimeML, m_id in MEANTIME)")
    anchor_tid: str | None = Field(None, description="anchorTimeID, when annotated")
    rule: str | None = Field(None, description="system side: the tagger rule that produced it, when known")

    @model_validator(mode="after")
    def _span_matches(self) -> Annotation:
        if self.end < self.start or len(self.text) != self.end - self.start:
            raise ValueError(f"span {self.start}:{self.end} does not match text {self.text!r}")
        return self


class CreationTime(Frozen):
    """The document creation time (TimeML DCT; MEANTIME's CREATION_TIME timex)."""

    value: str = Field(description="TimeML value as annotated, e.g. 1998-08-07 or 1998-08-07T06:18:00")
    text: str = ""
    type: str = "DATE"
    tid: str = "t0"

    @property
    def day(self) -> date | None:
        """The calendar day of the DCT, the reference date the tagger is given."""
        try:
            return date.fromisoformat(self.value[:10])
        except ValueError:
            return None


class EventMention(Frozen):
    """An annotated event (TimeML EVENT, MEANTIME EVENT_MENTION) with its span in the text."""

    id: str = Field(description="eid in TimeML, m_id in MEANTIME")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    event_class: str | None = Field(None, description="TimeML class / MEANTIME pos when present")
    instance_ids: tuple[str, ...] = Field((), description="TimeML MAKEINSTANCE eiids of this event")


class EventTimeLink(Frozen):
    """A TLINK between an event and a time expression (the DCT or a TIMEX3 in the text)."""

    id: str
    event_id: str = Field(description="id of the EventMention (eid / m_id)")
    timex_id: str = Field(description="tid of the timex; the DCT's tid for links to the creation time")
    rel_type: str = Field(description="relation as annotated, read with the event as source")
    to_creation_time: bool = False


class Participant(Frozen):
    """A participant of a gold event (MEANTIME HAS_PARTICIPANT to an entity mention)."""

    event_id: str = Field(description="id of the EventMention")
    role: str = Field(description="semantic role as annotated: Arg0 (agent), Arg1 (patient), ...")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(description="the entity mention's text")


class CorpusDocument(Frozen):
    """A gold document: the text a tagger sees, its DCT and its annotations (offsets into `text`)."""

    id: str
    path: str
    format: CorpusFormat
    text: str
    title: str | None = None
    creation_time: CreationTime | None = None
    timexes: tuple[Annotation, ...] = ()
    events: tuple[EventMention, ...] = ()
    links: tuple[EventTimeLink, ...] = ()
    unscored: tuple[tuple[int, int], ...] = Field(
        (),
        description="spans not scored on either side: MEANTIME's creation-time dateline, which TE3 keeps "
        "outside TEXT",
    )
    participants: tuple[Participant, ...] = Field(
        (), description="MEANTIME's HAS_PARTICIPANT links from events to entity mentions"
    )

    @property
    def reference_date(self) -> date | None:
        return self.creation_time.day if self.creation_time else None

    @model_validator(mode="after")
    def _offsets_in_text(self) -> CorpusDocument:
        spans = [(a.start, a.end, a.text) for a in self.timexes] + [
            (e.start, e.end, e.text) for e in self.events
        ]
        for start, end, covered in spans:
            if self.text[start:end] != covered:
                raise ValueError(f"{self.id}: {covered!r} is not at {start}:{end}")
        return self
