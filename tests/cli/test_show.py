"""`timeline show`: a timeline JSON or articles as a terminal table."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from timeline.cli.app import app
from timeline.models import Timeline

ROOT = Path(__file__).resolve().parents[2]
EXPORT = ROOT / "exports" / "voa-2017-02-10-italy-russia-libya.json"


def test_show_a_timeline_export() -> None:
    result = CliRunner().invoke(app, ["show", str(EXPORT), "--width", "200"])
    assert result.exit_code == 0, result.output
    assert "10 events" in result.stdout
    lines = result.stdout.splitlines()
    dates = [
        line.split("│")[1].strip() for line in lines if line.startswith("│") and line.split("│")[1].strip()
    ]
    assert dates == sorted(dates, key=lambda v: (v[:4], v)) and "2014-10-22" in dates[0]


def test_show_extracts_articles(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Officials met on Oct. 22, 2014.", encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(article), "--width", "200"])
    assert result.exit_code == 0, result.output
    assert "2014-10-22" in result.stdout


def test_show_never_reads_article_text_as_markup(tmp_path: Path) -> None:
    timeline = Timeline.model_validate_json(EXPORT.read_bytes())
    first = timeline.events[0].model_copy(update={"title": "[bold red]Strike[/] on [link=x]"})
    hostile = tmp_path / "hostile.json"
    hostile.write_text(timeline.model_copy(update={"events": (first,)}).model_dump_json())
    result = CliRunner().invoke(app, ["show", str(hostile), "--width", "200"])
    assert result.exit_code == 0, result.output
    assert "[bold red]Strike[/] on [link=x]" in result.stdout


def test_show_rejects_a_json_that_is_not_a_timeline(tmp_path: Path) -> None:
    bad = tmp_path / "x.json"
    bad.write_text('{"a": 1}')
    result = CliRunner().invoke(app, ["show", str(bad)])
    assert result.exit_code == 2
    assert "not a timeline JSON export" in result.stderr


# Escape sequences a hostile JSONL line can carry: colour, clear screen, set the window title,
# an OSC 8 hyperlink, a bidi override, and a C1 control (CSI as one character).
HOSTILE = ["\x1b[31m", "\x1b[2J", "\x1b]0;owned\x07", "\x1b]8;;http://x\x1b\\", "\u202e", "\x9b2J"]


def test_show_and_warnings_never_pass_escape_sequences_to_the_terminal(tmp_path: Path) -> None:
    """Issue 17, item 8: ids and titles reach stderr (warnings) and `show` escaped."""
    import json

    corpus = tmp_path / "c.jsonl"
    lines = [
        {"id": f"doc{n}{seq}", "title": f"T{seq}", "text": f"Talks {seq}ended on Oct. {20 + n}, 2014."}
        for n, seq in enumerate(HOSTILE)
    ]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    for command in (["show", str(corpus), "--width", "300"], ["extract", str(corpus), "-o", "-"]):
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 0, result.output
        shown = result.stdout if command[0] == "show" else result.stderr
        assert "doc0\\x1b[31m" in shown  # still readable, but inert
        for seq in HOSTILE:
            for char in seq:
                if not char.isprintable():
                    assert char not in shown, (command[0], seq)
