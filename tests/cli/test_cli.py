"""The command line through typer's runner: help, outputs, errors and exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli.app import app
from timeline.cli.common import EXIT_USAGE

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "voa-2017-02-10-italy-russia-libya.txt"
SHORT = "The minister resigned on Oct. 22, 2014. Talks will resume next week."


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_help_lists_every_command(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("extract", "schema"):
        assert command in result.output


def test_extract_help_documents_options(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "--help"])
    assert result.exit_code == 0
    for option in ("--ref-date", "--format", "--output", "--day-first", "--encoding"):
        assert option in result.output


def test_schema_prints_the_timeline_json_schema(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Timeline"
    assert {"events", "documents", "schema_version"} <= set(schema["properties"])


def test_extract_writes_every_default_format(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(SEED), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [f"{SEED.stem}.{ext}" for ext in ("csv", "ics", "json")]
    data = json.loads((tmp_path / f"{SEED.stem}.json").read_text())
    assert data["documents"][0]["reference_source"] == "metadata"
    assert data["events"]


def test_extract_stdin_to_stdout(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "-", "--ref-date", "2017-02-10", "-o", "-"], input=SHORT)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [e["date"]["value"] for e in data["events"]] == ["2014-10-22", "2017-W07"]
    assert data["documents"][0]["reference_source"] == "cli"


def test_single_file_output_takes_format_from_extension(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "calendar.ics"
    result = runner.invoke(app, ["extract", "-", "--ref-date", "2017-02-10", "-o", str(target)], input=SHORT)
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["calendar.ics"]


def test_missing_reference_date_warns_once_and_keeps_unresolved(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "-", "-o", "-"], input=SHORT)
    assert result.exit_code == 0
    assert result.stderr.count("--ref-date") == 1
    events = json.loads(result.stdout)["events"]
    unresolved = [e for e in events if e["date"]["anchoring"] == "unresolved"]
    assert unresolved and all(e["date"]["start"] is None for e in unresolved)


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["extract", "{tmp}/missing.txt"], None, "no such file"),
        (["extract", "{seed}", "--ref-date", "10/02/2017"], None, "--ref-date"),
        (["extract", "{seed}", "--ref-date", "2017-02-30"], None, "--ref-date"),
        (["extract", "{seed}", "--format", "pdf"], None, "unknown format"),
        (["extract", "{binary}"], None, "binary"),
        (["extract", "{latin1}"], None, "not valid UTF-8"),
        (["extract", "-"], "", "empty"),
        (["extract", "{seed}", "-o", "-", "--format", "json,csv"], None, "exactly one"),
        (["extract", "{seed}", "-o", "{tmp}/x.txt"], None, "unknown file extension"),
        (["extract", "{seed}", "-o", "{tmp}/file/sub"], None, "cannot write"),
        (["extract", "{seed}", "--encoding", "klingon"], None, "unknown encoding"),
    ],
)
def test_bad_input_gives_one_line_error_and_exit_2(
    runner: CliRunner, tmp_path: Path, args: list[str], stdin: str | None, message: str
) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x00\x00\x01")
    (tmp_path / "latin1.txt").write_bytes("Le 3 février 2017, café.".encode("latin-1"))
    (tmp_path / "file").write_text("a plain file where a directory is needed")
    fill = {"tmp": str(tmp_path), "seed": str(SEED), "binary": str(tmp_path / "binary.txt")}
    fill["latin1"] = str(tmp_path / "latin1.txt")
    before = sorted(os.listdir(tmp_path))
    result = runner.invoke(app, [a.format(**fill) for a in args], input=stdin)
    assert result.exit_code == EXIT_USAGE, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("timeline: error:"), result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.output
    assert sorted(os.listdir(tmp_path)) == before  # nothing written


def test_failed_write_keeps_the_previous_export(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    target.write_text("previous export")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    result = runner.invoke(app, ["extract", str(SEED), "-o", str(target)])
    assert result.exit_code == EXIT_USAGE
    assert "No space left on device" in result.stderr
    assert target.read_text() == "previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]  # temp file cleaned up


def test_runs_are_byte_identical(runner: CliRunner, tmp_path: Path) -> None:
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / run
        assert runner.invoke(app, ["extract", str(SEED), "-o", str(out)]).exit_code == 0
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0] == outputs[1]
