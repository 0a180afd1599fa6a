"""Reader of TempEval-3 TimeML (.tml): TEXT with char offsets of TIMEX3/EVENT, the DCT, TLINKs."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from timeline.errors import TimelineError
from timeline.evaluation.corpus import (
    Annotation,
    CorpusDocument,
    CorpusFormat,
    CreationTime,
    EventMention,
    EventTimeLink,
)
from timeline.evaluation.relations import inverse


class CorpusError(TimelineError):
    """A corpus file that cannot be read."""


@dataclass
class _Flattened:
    """The TEXT element as plain text, with the offsets of the elements we keep."""

    pieces: list[str] = field(default_factory=list)
    length: int = 0
    timexes: list[Annotation] = field(default_factory=list)
    events: list[tuple[str, int, int, str | None]] = field(default_factory=list)

    def add(self, text: str | None) -> None:
        if text:
            self.pieces.append(text)
            self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.pieces)


def _flatten(element: ET.Element, out: _Flattened) -> None:
    """Append the element's content; every tag but TIMEX3/EVENT is dropped, its text kept."""
    start = out.length
    out.add(element.text)
    for child in element:
        _flatten(child, out)
        out.add(child.tail)
    end = out.length
    covered = out.text[start:end]
    if element.tag == "TIMEX3":
        out.timexes.append(
            Annotation(
                start=start,
                end=end,
                text=covered,
                type=element.get("type", ""),
                value=element.get("value", ""),
                mod=element.get("mod") or None,
                tid=element.get("tid"),
                anchor_tid=element.get("anchorTimeID") or None,
            )
        )
    elif element.tag == "EVENT":
        out.events.append((element.get("eid", ""), start, end, element.get("class")))


def _creation_time(root: ET.Element) -> CreationTime | None:
    timex = root.find("DCT/TIMEX3")
    if timex is None:
        return None
    return CreationTime(
        value=timex.get("value", ""),
        text="".join(timex.itertext()),
        type=timex.get("type", "DATE"),
        tid=timex.get("tid", "t0"),
    )


def _links(root: ET.Element, dct_tid: str | None, instance_of: dict[str, str]) -> list[EventTimeLink]:
    """Event-timex TLINKs, each read with the event as source (inverting timex→event links)."""
    links = []
    for link in root.iter("TLINK"):
        event, timex = link.get("eventInstanceID"), link.get("relatedToTime")
        rel = link.get("relType", "")
        if event is None or timex is None:
            event, timex = link.get("relatedToEventInstance"), link.get("timeID")
            rel = inverse(rel)
        if event is None or timex is None or event not in instance_of:
            continue
        links.append(
            EventTimeLink(
                id=link.get("lid", ""),
                event_id=instance_of[event],
                timex_id=timex,
                rel_type=rel,
                to_creation_time=timex == dct_tid,
            )
        )
    return links


def parse_timeml(content: str, doc_id: str, path: str = "") -> CorpusDocument:
    """Parse the text of a .tml file (full TimeML or bare TE3input)."""
    try:
        root = ET.fromstring(content)
    except ET.ParseError as err:
        raise CorpusError(f"{path or doc_id}: not well-formed XML: {err}") from err
    text_element = root.find("TEXT")
    if text_element is None:
        raise CorpusError(f"{path or doc_id}: no <TEXT> element")
    flat = _Flattened()
    _flatten(text_element, flat)
    text = flat.text
    # TEXT itself is not a TIMEX3/EVENT, so every collected element lies strictly inside it.
    instances: dict[str, list[str]] = {}
    instance_of: dict[str, str] = {}
    for made in root.iter("MAKEINSTANCE"):
        eid, eiid = made.get("eventID", ""), made.get("eiid", "")
        instances.setdefault(eid, []).append(eiid)
        instance_of[eiid] = eid
    events = tuple(
        EventMention(
            id=eid,
            start=s,
            end=e,
            text=text[s:e],
            event_class=cls,
            instance_ids=tuple(instances.get(eid, ())),
        )
        for eid, s, e, cls in flat.events
    )
    dct = _creation_time(root)
    docid = root.findtext("DOCID")
    return CorpusDocument(
        id=(docid or doc_id).strip(),
        path=path,
        format=CorpusFormat.TIMEML,
        text=text,
        title=root.findtext("TITLE"),
        creation_time=dct,
        timexes=tuple(sorted(flat.timexes, key=lambda t: (t.start, -t.end))),
        events=events,
        links=tuple(_links(root, dct.tid if dct else None, instance_of)),
    )


def read_timeml(path: Path) -> CorpusDocument:
    """Read one .tml file; the document id is its DOCID, else the file name without .tml."""
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise CorpusError(f"{path}: cannot read: {err}") from err
    return parse_timeml(content, path.stem, str(path))
