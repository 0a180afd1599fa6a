"""MEANTIME CAT XML: text rebuilt from tokens, offsets of timexes and events, DCT, event-time links."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from timeline.evaluation.loading import corpus_files, load_corpus
from timeline.evaluation.meantime import join_tokens, parse_meantime

SMALL = """<?xml version="1.0" ?><Document doc_id="1" doc_name="1_Test" lang="en">
<token number="0" sentence="0" t_id="1">Apple</token>
<token number="1" sentence="0" t_id="2">'s</token>
<token number="2" sentence="0" t_id="3">news</token>
<token number="3" sentence="1" t_id="4">May</token>
<token number="4" sentence="1" t_id="5">7</token>
<token number="5" sentence="1" t_id="6">,</token>
<token number="6" sentence="1" t_id="7">2005</token>
<token number="7" sentence="2" t_id="8">It</token>
<token number="8" sentence="2" t_id="9">shipped</token>
<token number="9" sentence="2" t_id="10">(</token>
<token number="10" sentence="2" t_id="11">&quot;</token>
<token number="11" sentence="2" t_id="12">finally</token>
<token number="12" sentence="2" t_id="13">&quot;</token>
<token number="13" sentence="2" t_id="14">)</token>
<token number="14" sentence="2" t_id="15">last</token>
<token number="15" sentence="2" t_id="16">week</token>
<token number="16" sentence="2" t_id="17">.</token>
<Markables>
<EVENT_MENTION m_id="20" pos="VERB"><token_anchor t_id="9"/></EVENT_MENTION>
<TIMEX3 m_id="30" type="DATE" value="2005-W17" anchorTimeID="31" functionInDocument="NONE">
<token_anchor t_id="15"/><token_anchor t_id="16"/></TIMEX3>
<TIMEX3 m_id="31" type="DATE" value="2005-05-07" functionInDocument="CREATION_TIME">
<token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/><token_anchor t_id="7"/></TIMEX3>
<TIMEX3 m_id="32" type="DATE" value="2005-04-30" functionInDocument="NONE"/>
</Markables>
<Relations>
<TLINK r_id="1" reltype="IS_INCLUDED"><source m_id="20"/><target m_id="30"/></TLINK>
<TLINK r_id="2" reltype="AFTER"><source m_id="31"/><target m_id="20"/></TLINK>
</Relations>
</Document>
"""


def test_joining_rule() -> None:
    text, spans = join_tokens([("1", "0", "a"), ("2", "0", ","), ("3", "0", "b"), ("4", "1", "c")])
    assert text == "a, b\nc"
    assert spans["3"] == (3, 4)


def test_small_document_text_offsets_dct_links() -> None:
    doc = parse_meantime(SMALL, Path("1_Test.xml"))
    assert doc.text == 'Apple\'s news\nMay 7, 2005\nIt shipped ("finally") last week.'
    assert doc.id == "1_Test" and doc.title == "Apple's news"
    assert [(t.tid, t.text, t.value, t.anchor_tid) for t in doc.timexes] == [
        ("30", "last week", "2005-W17", "31")
    ]
    assert doc.creation_time is not None and doc.creation_time.value == "2005-05-07"
    assert doc.creation_time.text == "May 7, 2005"
    assert [doc.text[s:e] for s, e in doc.unscored] == ["May 7, 2005"]  # the DCT, as in TE3, is not scored
    assert [(e.id, e.text) for e in doc.events] == [("20", "shipped")]
    assert [(k.event_id, k.timex_id, k.rel_type, k.to_creation_time) for k in doc.links] == [
        ("20", "30", "IS_INCLUDED", False),
        ("20", "31", "BEFORE", True),
    ]


def test_meantime_offsets_hold_exactly_the_anchored_tokens(meantime: Path) -> None:
    """For every TIMEX3: the text at its offsets starts with its first token and ends with its last,
    and holds its tokens in order."""
    checked = 0
    for path in corpus_files(meantime):
        doc = parse_meantime(path.read_text(encoding="utf-8"), path)
        root = ET.parse(path).getroot()
        words = {t.get("t_id"): t.text or "" for t in root.iter("token")}
        by_id = {t.tid: t for t in doc.timexes}
        for element in root.iter("TIMEX3"):
            anchored = [words[a.get("t_id")] for a in element.findall("token_anchor")]
            if element.get("m_id") not in by_id:
                continue
            span = by_id[element.get("m_id")]
            covered = doc.text[span.start : span.end]
            assert covered.startswith(anchored[0]) and covered.endswith(anchored[-1])
            assert covered.replace(" ", "") == "".join(anchored).replace(" ", "")
            checked += 1
    assert checked == 145


def test_meantime_corpus_counts(meantime: Path) -> None:
    docs = load_corpus(meantime)
    assert len(docs) == 60
    assert sum(1 for d in docs if d.creation_time) == 58
    assert sum(len(d.events) for d in docs) > 900 and sum(len(d.links) for d in docs) > 400


def test_sentences_after_the_annotated_ones_are_not_scored() -> None:
    extra = '<token number="17" sentence="3" t_id="18">Today</token>\n<Markables>'
    doc = parse_meantime(SMALL.replace("<Markables>", extra, 1), Path("1_Test.xml"))
    assert doc.text.endswith("last week.\nToday")
    assert [doc.text[s:e] for s, e in doc.unscored] == ["May 7, 2005", "Today"]
