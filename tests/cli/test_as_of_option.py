"""`extract --as-of`: the one date a whole timeline's statuses are judged from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli.app import app
from timeline.cli.common import EXIT_USAGE

EARLY = "The finance ministers will meet in Brussels on Friday, Feb. 10, 2017."
LATE = "The central bank raised interest rates on Monday."


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    for name, text, published in (("early", EARLY, "2017-02-06"), ("late", LATE, "2017-02-13")):
        (tmp_path / f"{name}.txt").write_text(text)
        (tmp_path / f"{name}.meta.json").write_text(json.dumps({"published": published}))
    return tmp_path


def _statuses(output: str) -> tuple[str | None, dict[str, str]]:
    data = json.loads(output)
    return data["as_of"], {e["trigger"]: e["status"] for e in data["events"]}


def test_default_is_the_newest_reference_date(articles: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(articles), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert _statuses(result.stdout) == ("2017-02-13", {"meet": "past", "raised": "past"})


def test_as_of_judges_every_article_from_that_date(articles: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(articles), "--as-of", "2017-02-08", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert _statuses(result.stdout) == ("2017-02-08", {"meet": "upcoming", "raised": "upcoming"})


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--as-of", "13/02/2017"], "invalid --as-of"), (["--as-of", "2017-02-13", "-f", "jsonl"], "--as-of")],
)
def test_bad_as_of_is_a_one_line_error(articles: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["extract", str(articles), *args, "-o", "-"])
    assert result.exit_code == EXIT_USAGE, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
