"""The report: the Markdown table and the error report's per-type and per-rule summaries."""

from __future__ import annotations

from timeline.evaluation.benchmark import PeerRun
from timeline.evaluation.corpus import Annotation, CorpusDocument, CorpusFormat
from timeline.evaluation.report import by_rule, error_text, table
from timeline.evaluation.scoring import CorpusResult, score_document

TEXT = "Friday and last week and every day."


def _at(text: str, type_: str, value: str, rule: str | None = None) -> Annotation:
    start = TEXT.index(text)
    return Annotation(start=start, end=start + len(text), text=text, type=type_, value=value, rule=rule)


GOLD = CorpusDocument(
    id="d",
    path="d.tml",
    format=CorpusFormat.TIMEML,
    text=TEXT,
    timexes=(_at("Friday", "DATE", "2014-03-07"), _at("last week", "DATE", "2014-W09")),
)
SYSTEM = [
    _at("Friday", "DATE", "2014-03-14", "weekday"),
    _at("last week", "DATE", "2014-W09", "direction"),
    _at("every day", "SET", "P1D", "frequency"),
]
RUN = PeerRun(
    name="t",
    version="1",
    seconds=1.0,
    megabytes=2.0,
    result=CorpusResult(documents=(score_document(GOLD, TEXT, SYSTEM),)),
)


def test_table_has_one_row_per_run_with_percentages_and_speed() -> None:
    lines = table([RUN]).splitlines()
    assert lines[0].startswith("| tagger") and lines[1].startswith("|---")
    cells = [c.strip() for c in lines[2].split("|")[1:-1]]
    assert cells == ["t", "1", "80.0", "66.7", "100.0", "80.0", "80.0", "40.0", "0.5"]


def test_errors_are_attributed_to_rules_and_listed_with_context() -> None:
    assert [line.split() for line in by_rule(RUN)[1:]] == [
        ["frequency", "1", "0", "0", "0"],
        ["weekday", "0", "0", "0", "1"],
    ]
    report = error_text([RUN], [GOLD])
    assert "## t: wrong_value (1)" in report and "[weekday]" in report and "[Friday]" in report
