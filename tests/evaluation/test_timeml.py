"""TimeML reading (full and bare TE3input) and writing: offsets, DCT, links, and the round trip."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.evaluation.corpus import CorpusDocument, CorpusFormat, CreationTime
from timeline.evaluation.loading import load_corpus
from timeline.evaluation.timeml import CorpusError, parse_timeml
from timeline.evaluation.timeml_writer import non_overlapping, timeml
from timeline.models import Anchoring, Granularity, TimeValue, Timex, TimexType

DCT = (
    '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" temporalFunction="false" '
    'functionInDocument="CREATION_TIME">08/07/1998</TIMEX3></DCT>'
)
BODY = (
    'Bombs <EVENT eid="e1" class="OCCURRENCE">exploded</EVENT> '
    '<TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> at AT&amp;T &lt;HQ&gt;, '
    '<SIGNAL sid="s1">for</SIGNAL> '
    '<TIMEX3 tid="t2" type="DURATION" value="P3Y" mod="MORE_THAN">more than three years</TIMEX3>.'
)
FULL = f"""<?xml version="1.0" ?>
<TimeML>
<DOCID>D1</DOCID>
{DCT}
<TITLE>Title</TITLE>
<TEXT>
{BODY}
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="AFTER" timeID="t0" relatedToEventInstance="ei1"/>
<TLINK lid="l3" relType="BEFORE" timeID="t1" relatedToTime="t0"/>
</TimeML>
"""

BARE = f"""<?xml version="1.0" ?>
<TimeML>
<DOCID>D2</DOCID>
{DCT.replace("1998-08-07", "2013-03-22")}
<TITLE>Bare</TITLE>
<TEXT>Nothing happened yesterday.</TEXT>
</TimeML>
"""


def test_full_timeml_text_offsets_dct_and_links() -> None:
    doc = parse_timeml(FULL, "x")
    assert doc.id == "D1" and doc.title == "Title"
    assert doc.text == "\nBombs exploded Friday at AT&T <HQ>, for more than three years.\n"
    assert [(t.tid, doc.text[t.start : t.end], t.type, t.value, t.mod) for t in doc.timexes] == [
        ("t1", "Friday", "DATE", "1998-08-07", None),
        ("t2", "more than three years", "DURATION", "P3Y", "MORE_THAN"),
    ]
    assert doc.creation_time == CreationTime(value="1998-08-07", text="08/07/1998", type="DATE", tid="t0")
    assert doc.reference_date == date(1998, 8, 7)
    assert [(e.id, e.text, e.instance_ids) for e in doc.events] == [("e1", "exploded", ("ei1",))]
    # timex-timex links are not event anchoring; timex->event links are read event-first (inverted).
    assert [(link.event_id, link.timex_id, link.rel_type, link.to_creation_time) for link in doc.links] == [
        ("e1", "t1", "IS_INCLUDED", False),
        ("e1", "t0", "BEFORE", True),
    ]


def test_bare_te3input_form() -> None:
    doc = parse_timeml(BARE, "x")
    assert (
        doc.text == "Nothing happened yesterday."
        and doc.timexes == ()
        and doc.reference_date == date(2013, 3, 22)
    )


def test_malformed_and_textless_files_are_corpus_errors() -> None:
    with pytest.raises(CorpusError, match="well-formed"):
        parse_timeml("<TimeML><TEXT>", "x")
    with pytest.raises(CorpusError, match="TEXT"):
        parse_timeml("<TimeML><DOCID>a</DOCID></TimeML>", "x")


def _timex(text: str, needle: str, type_: TimexType, value: str, **extra: object) -> Timex:
    start = text.index(needle)
    return Timex(
        start=start, end=start + len(needle), text=needle, type=type_, value=value, rule="test", **extra
    )


def _strip_tags(xml: str) -> str:
    inner = xml.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
    return "".join(ET.fromstring(f"<TEXT>{inner}</TEXT>").itertext())


def test_writer_round_trip_keeps_text_char_for_char() -> None:
    text = '\nOn Friday, AT&T said "<prices> rose" 5% >\r\n in the last three months & two days later.\n'
    doc = CorpusDocument(
        id="R&D",
        path="",
        format=CorpusFormat.TIMEML,
        text=text,
        title="A < B",
        creation_time=CreationTime(value="1998-08-07", text="08/07/1998"),
    )
    friday_time = TimeValue(
        value="1998-08-07",
        granularity=Granularity.DAY,
        start=date(1998, 8, 7),
        end=date(1998, 8, 7),
        anchoring=Anchoring.REFERENCE_DATE,
    )
    timexes = [
        _timex(text, "two days later", TimexType.DATE, "1998-08-09", anchor_index=1),
        _timex(text, "Friday", TimexType.DATE, "1998-08-07", time=friday_time),
        _timex(text, "the last three months", TimexType.DURATION, "P3M"),
        _timex(text, "three months", TimexType.DURATION, "P3M"),  # nested: XML cannot hold both
    ]
    content, dropped = timeml(doc, timexes)
    assert dropped == 1
    ET.fromstring(content)  # well-formed
    assert _strip_tags(content) == text
    back = parse_timeml(content, "x")
    assert back.text == text and back.id == "R&D" and back.title == "A < B"
    assert back.creation_time == doc.creation_time
    assert [(t.text, t.value, t.tid, t.anchor_tid) for t in back.timexes] == [
        ("Friday", "1998-08-07", "t1", "t0"),
        ("the last three months", "P3M", "t2", None),
        ("two days later", "1998-08-09", "t3", "t1"),
    ]
    tids = re.findall(r'tid="(t\d+)"', content)
    assert len(tids) == len(set(tids))


def test_writer_tids_never_clash_with_the_dct() -> None:
    text = "Monday and Tuesday."
    doc = CorpusDocument(
        id="d",
        path="",
        format=CorpusFormat.TIMEML,
        text=text,
        creation_time=CreationTime(value="2000", tid="t1"),
    )
    content, _ = timeml(
        doc, [_timex(text, "Monday", TimexType.DATE, "X"), _timex(text, "Tuesday", TimexType.DATE, "Y")]
    )
    assert re.findall(r'tid="(t\d+)"', content) == ["t1", "t2", "t3"]


def test_tbaq_reads_every_document_with_offsets_matching(tbaq: Path) -> None:
    docs = load_corpus(tbaq)
    assert len(docs) == 256
    assert sum(len(d.timexes) for d in docs) == 1822  # as the corpus README counts TIMEX3 in TEXT
    assert all(d.reference_date is not None for d in docs)


def _as_timexes(doc: CorpusDocument) -> list[Timex]:
    return [
        Timex(
            start=t.start,
            end=t.end,
            text=t.text,
            type=TimexType(t.type),
            value=t.value,
            rule="gold",
            mod=t.mod,
        )
        for t in doc.timexes
    ]


@pytest.mark.parametrize("name", ["tbaq", "meantime"])
def test_gold_written_as_timeml_reads_back_and_scores_100(name: str, request: pytest.FixtureRequest) -> None:
    """Every gold document through the writer and back: same text, same timexes (MEANTIME nests
    a few dates inside ranges, "from 2009 to 2011": XML keeps the outer one only)."""
    dropped_total = 0
    for doc in load_corpus(request.getfixturevalue(name)):
        timexes = _as_timexes(doc)
        content, dropped = timeml(doc, timexes)
        back = parse_timeml(content, doc.id)
        assert back.text == doc.text
        kept, _ = non_overlapping(timexes)
        expected = sorted((timexes[i].start, timexes[i].end, timexes[i].value, timexes[i].mod) for i in kept)
        assert [(t.start, t.end, t.value, t.mod) for t in back.timexes] == expected
        dropped_total += dropped
    assert dropped_total == (0 if name == "tbaq" else 4)


SPAN_TEXT = st.text(alphabet=st.sampled_from(list("ab &<>\"'\r\n\t\u00e9\u2019;]]>")), max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.lists(SPAN_TEXT, min_size=1, max_size=7))
def test_writer_round_trip_on_any_text(pieces: list[str]) -> None:
    """Text between and inside timexes, whatever its characters, survives writing and reading."""
    text = "".join(pieces)
    timexes: list[Timex] = []
    offset = 0
    for i, piece in enumerate(pieces):
        if i % 2 and piece:
            end = offset + len(piece)
            timexes.append(Timex(start=offset, end=end, text=piece, type=TimexType.DATE, value="X", rule="p"))
        offset += len(piece)
    doc = CorpusDocument(id="p", path="", format=CorpusFormat.TIMEML, text=text)
    content, dropped = timeml(doc, timexes)
    back = parse_timeml(content, "p")
    assert dropped == 0 and back.text == text
    assert [(t.start, t.end) for t in back.timexes] == [(t.start, t.end) for t in timexes]
