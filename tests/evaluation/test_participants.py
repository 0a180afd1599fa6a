"""Who did what: MEANTIME participants read, head words, and the title recall per role."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.evaluation.meantime import parse_meantime
from timeline.evaluation.participants import Recall, heads, main, names, score_document

TOKENS = ["Police", "arrested", "the", "mayor", "of", "Springfield", "on", "Monday", "."]
DOC = (
    '<?xml version="1.0" ?><Document doc_id="2" doc_name="2_Test" lang="en">\n'
    '<token number="0" sentence="0" t_id="100">May</token>\n'
    '<token number="1" sentence="0" t_id="101">4</token>\n'
    '<token number="2" sentence="0" t_id="102">,</token>\n'
    '<token number="3" sentence="0" t_id="103">2005</token>\n'
    + "".join(f'<token number="{i}" sentence="1" t_id="{i + 1}">{w}</token>\n' for i, w in enumerate(TOKENS))
    + """<Markables>
<EVENT_MENTION m_id="20" pos="VERB"><token_anchor t_id="2"/></EVENT_MENTION>
<ENTITY_MENTION m_id="40" syntactic_type="NAM" head=""><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="41" syntactic_type="NOM" head="">
<token_anchor t_id="3"/><token_anchor t_id="4"/>
<token_anchor t_id="5"/><token_anchor t_id="6"/></ENTITY_MENTION>
<TIMEX3 m_id="30" type="DATE" value="2005-05-02" functionInDocument="NONE"><token_anchor t_id="8"/></TIMEX3>
<TIMEX3 m_id="31" type="DATE" value="2005-05-04" functionInDocument="CREATION_TIME">
<token_anchor t_id="100"/><token_anchor t_id="101"/>
<token_anchor t_id="102"/><token_anchor t_id="103"/></TIMEX3>
</Markables>
<Relations>
<TLINK r_id="1" reltype="IS_INCLUDED"><source m_id="20"/><target m_id="30"/></TLINK>
<HAS_PARTICIPANT r_id="2" sem_role="Arg0"><source m_id="20"/><target m_id="40"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="3" sem_role="Arg1"><source m_id="20"/><target m_id="41"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="4" sem_role="Arg1"><source m_id="20"/><target m_id="30"/></HAS_PARTICIPANT>
</Relations>
</Document>
"""
)


def test_participants_are_read_with_role_and_span() -> None:
    doc = parse_meantime(DOC, Path("2_Test.xml"))
    # the link to a TIMEX3 is no entity participant
    assert [(p.event_id, p.role, p.text) for p in doc.participants] == [
        ("20", "Arg0", "Police"),
        ("20", "Arg1", "the mayor of Springfield"),
    ]


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("the mayor of Springfield", ("mayor",)),
        ("Northrop Grumman and Airbus parent EADS", ("Grumman",)),
        ("Irish low cost airline, Ryanair", ("airline", "Ryanair")),
        ("Japan's (ANA)", ("Japan", "ANA")),
        ("the men who fled", ("men",)),
    ],
)
def test_head_words(mention: str, expected: tuple[str, ...]) -> None:
    assert heads(mention) == expected


@pytest.mark.parametrize(
    ("title", "head", "expected"),
    [
        ("Police arrested the mayor", "mayor", True),
        ("Airbus's chief resigned", "Airbus", True),
        ("Mayors arrested", "mayor", False),
        ("", "mayor", False),
    ],
)
def test_a_title_names_a_head(title: str, head: str, expected: bool) -> None:
    assert names(title, head) is expected


def test_title_recall_per_role() -> None:
    recall = Recall()
    score_document(parse_meantime(DOC, Path("2_Test.xml")), recall)
    assert recall.cases == {"A0": 1, "A1": 1}
    assert recall.found == {"A0": 1, "A1": 1}  # "Police arrested the mayor of Springfield"
    assert recall.anchored == {"A0": 1, "A1": 1}


def test_command_prints_a_row_per_role(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "2_Test.xml").write_text(DOC, encoding="utf-8")
    assert main([str(tmp_path)]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert [r.split()[1:3] for r in rows] == [["A0", "1"], ["A1", "1"]]
