"""Write a tagged document as TempEval-3 TimeML: the TEXT char for char, our TIMEX3 in it, the DCT kept."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from timeline.evaluation.corpus import CorpusDocument
from timeline.models import Anchoring, Timex

RELATIVE = (Anchoring.REFERENCE_DATE, Anchoring.PREVIOUS_DATE)
HEADER = (
    '<?xml version="1.0" ?>\n'
    '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n'
)


def non_overlapping(timexes: Sequence[Timex]) -> tuple[list[int], list[int]]:
    """Indexes of the timexes XML can hold (no overlaps: earlier first, longer first), and the dropped."""
    order = sorted(range(len(timexes)), key=lambda i: (timexes[i].start, -timexes[i].end))
    kept: list[int] = []
    dropped: list[int] = []
    last_end = -1
    for i in order:
        t = timexes[i]
        if t.end <= t.start or t.start < last_end:
            dropped.append(i)
        else:
            kept.append(i)
            last_end = t.end
    return kept, dropped


def _text(raw: str) -> str:
    # A raw carriage return is read back as a newline (XML end-of-line handling): write a reference.
    return escape(raw, {"\r": "&#13;"})


def _attributes(pairs: Sequence[tuple[str, str | None]]) -> str:
    return "".join(f" {name}={quoteattr(value)}" for name, value in pairs if value is not None)


def _tids(count: int, taken: str | None) -> list[str]:
    """t1, t2, ... skipping the DCT's tid so every tid in the file is unique."""
    tids: list[str] = []
    n = 1
    while len(tids) < count:
        if f"t{n}" != taken:
            tids.append(f"t{n}")
        n += 1
    return tids


def timeml(document: CorpusDocument, timexes: Sequence[Timex]) -> tuple[str, int]:
    """The TimeML file content, and how many overlapping timexes had to be left out."""
    dct = document.creation_time
    kept, dropped = non_overlapping(timexes)
    tid_of = dict(zip(kept, _tids(len(kept), dct.tid if dct else None), strict=True))
    parts = [HEADER, f"\n<DOCID>{_text(document.id)}</DOCID>\n"]
    if dct is not None:
        dct_attributes = _attributes(
            [
                ("tid", dct.tid),
                ("type", dct.type),
                ("value", dct.value),
                ("temporalFunction", "false"),
                ("functionInDocument", "CREATION_TIME"),
            ]
        )
        parts.append(f"\n<DCT><TIMEX3{dct_attributes}>{_text(dct.text)}</TIMEX3></DCT>\n")
    if document.title is not None:
        parts.append(f"\n<TITLE>{_text(document.title)}</TITLE>\n")
    parts.append("\n<TEXT>")
    cursor = 0
    text = document.text
    for i in kept:
        t = timexes[i]
        anchor: str | None = None
        if t.anchor_index is not None and t.anchor_index in tid_of:
            anchor = tid_of[t.anchor_index]
        elif t.time is not None and t.time.anchoring is Anchoring.REFERENCE_DATE and dct is not None:
            anchor = dct.tid
        relative = t.time is not None and t.time.anchoring in RELATIVE
        attributes = _attributes(
            [
                ("tid", tid_of[i]),
                ("type", str(t.type)),
                ("value", t.value),
                ("mod", str(t.mod) if t.mod else None),
                ("anchorTimeID", anchor),
                ("temporalFunction", "true" if relative else "false"),
                ("functionInDocument", "NONE"),
            ]
        )
        parts.append(_text(text[cursor : t.start]))
        parts.append(f"<TIMEX3{attributes}>{_text(text[t.start : t.end])}</TIMEX3>")
        cursor = t.end
    parts.append(_text(text[cursor:]))
    parts.append("</TEXT>\n\n</TimeML>\n")
    return "".join(parts), len(dropped)
