"""--document-type on `extract` and `timeml`: news, narrative or auto, and a clear error otherwise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli.app import app

RUNNER = CliRunner()
STORY = "The empire fell in 1453. In May, the city was sacked."
TIMEML = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>story</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2024-05-15" functionInDocument="CREATION_TIME">'
    "2024-05-15</TIMEX3></DCT>\n<TEXT>" + STORY + "</TEXT>\n</TimeML>\n"
)


@pytest.mark.parametrize(
    ("document_type", "month"), [("auto", "1453-05"), ("narrative", "1453-05"), ("news", "2024-05")]
)
def test_extract_document_type(tmp_path: Path, document_type: str, month: str) -> None:
    source = tmp_path / "story.txt"
    source.write_text(STORY, encoding="utf-8")
    out = tmp_path / "out.json"
    args = ["extract", str(source), "--ref-date", "2024-05-15", "-f", "json", "-o", str(out)]
    result = RUNNER.invoke(app, [*args, "--document-type", document_type])
    assert result.exit_code == 0, result.output
    values = [e["date"]["value"] for e in json.loads(out.read_text(encoding="utf-8"))["events"]]
    assert month in values


@pytest.mark.parametrize(("document_type", "month"), [("narrative", "1453-05"), ("news", "2024-05")])
def test_timeml_document_type(tmp_path: Path, document_type: str, month: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.tml").write_text(TIMEML, encoding="utf-8")
    result = RUNNER.invoke(
        app, ["timeml", str(tmp_path / "in"), str(tmp_path / "out"), "--document-type", document_type]
    )
    assert result.exit_code == 0, result.output
    assert f'value="{month}"' in (tmp_path / "out" / "story.tml").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["extract", "timeml"])
def test_unknown_document_type_is_a_one_line_error(tmp_path: Path, command: str) -> None:
    source = tmp_path / "story.txt"
    source.write_text(STORY, encoding="utf-8")
    args = [
        command,
        str(source),
        *(["-o", str(tmp_path / "o.json")] if command == "extract" else [str(tmp_path / "o")]),
    ]
    result = RUNNER.invoke(app, [*args, "--document-type", "essay"])
    assert result.exit_code == 2
    assert "invalid --document-type 'essay'" in result.output
    assert "Traceback" not in result.output


def test_api_document_type() -> None:
    import datetime as dt

    from timeline.api import extract

    reference = dt.date(2024, 5, 15)
    news = {e.date.value for e in extract(STORY, reference, document_type="news").events}
    story = {e.date.value for e in extract(STORY, reference, document_type="narrative").events}
    assert "2024-05" in news and "1453-05" in story


def test_scorer_reports_spans_that_cut_a_token() -> None:
    from timeline.evaluation.corpus import Annotation, CorpusDocument
    from timeline.evaluation.scoring import score_document

    text = "The alarm sounded at 4:12:09 a.m. on Monday."
    gold = CorpusDocument.model_validate(
        {
            "id": "d",
            "path": "d.tml",
            "format": "timeml",
            "text": text,
            "timexes": [{"start": 21, "end": 43, "text": text[21:43], "type": "TIME", "value": "X"}],
        }
    )
    cut = Annotation(start=23, end=43, text=text[23:43], type="TIME", value="X")
    whole = Annotation(start=21, end=43, text=text[21:43], type="TIME", value="X")
    assert [a.text for a in score_document(gold, text, [cut]).cut_token] == ["12:09 a.m. on Monday"]
    assert score_document(gold, text, [whole]).cut_token == ()
