"""What a newcomer meets in the first minutes: file names, help, usage errors, summaries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import timeline.cli
from timeline import exporters
from timeline.cli.app import app
from timeline.cli.common import EXIT_USAGE
from timeline.cli.extract import _input_bytes, stream_basename
from timeline.errors import OptionError
from timeline.evaluation.benchmark import PeerRun
from timeline.evaluation.report import table
from timeline.output import format_of_file, plan_outputs

ROOT = Path(__file__).resolve().parents[2]
SHORT = "The minister resigned on Oct. 22, 2014. Talks will resume next week."
ONE = "The minister resigned on Oct. 22, 2014."
EXTENSIONS = {name: exporters.get(name).extension for name in exporters.names()}


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("t.json", "json"),
        ("t.vis.json", "vis"),
        ("t.timelinejs.json", "timelinejs"),
        ("t.timelinejs.csv", "timelinejs-csv"),
        ("t.csv", "csv"),
        ("T.ICS", "ics"),
        ("t.jsonl", "jsonl"),
        ("t.html", "html"),
        ("t.txt", None),
        ("my.vis.backup.json", "json"),
    ],
)
def test_a_file_name_says_its_format_by_its_longest_known_extension(name: str, fmt: str | None) -> None:
    assert format_of_file(name, EXTENSIONS) == fmt


def test_o_file_infers_every_exports_format(tmp_path: Path) -> None:
    for name, fmt in [("a.vis.json", "vis"), ("a.timelinejs.csv", "timelinejs-csv"), ("a.jsonl", "jsonl")]:
        assert plan_outputs(str(tmp_path / name), None, EXTENSIONS, "x", ["json"]) == [(fmt, tmp_path / name)]


@pytest.mark.parametrize(
    ("name", "formats", "message"),
    [
        ("a.ics", ["json"], "the file name says ics but --format json was given"),
        ("a.vis.json", ["json"], "the file name says vis but --format json was given"),
        ("a.txt", None, "unknown file extension (known: "),
    ],
)
def test_o_file_and_format_that_disagree_are_an_error(
    tmp_path: Path, name: str, formats: list[str] | None, message: str
) -> None:
    with pytest.raises(OptionError) as err:
        plan_outputs(str(tmp_path / name), formats, EXTENSIONS, "x", ["json"])
    assert message in str(err.value)


def test_o_file_with_an_unknown_suffix_and_a_format_is_allowed(tmp_path: Path) -> None:
    assert plan_outputs(str(tmp_path / "a.txt"), ["json"], EXTENSIONS, "x", ["json"]) == [
        ("json", tmp_path / "a.txt")
    ]


def test_the_cli_refuses_a_contradicting_format_in_one_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SHORT)
    result = CliRunner().invoke(app, ["extract", str(article), "-f", "json", "-o", str(tmp_path / "a.ics")])
    assert result.exit_code == EXIT_USAGE
    assert result.stderr.count("\n") == 1 and "says ics" in result.stderr
    assert not (tmp_path / "a.ics").exists()


def test_a_directory_run_never_reads_our_own_exports(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SHORT)
    runner = CliRunner()
    first = runner.invoke(app, ["extract", str(tmp_path), "-f", "all", "-o", str(tmp_path / "out")])
    assert first.exit_code == 0, first.output
    stream = runner.invoke(app, ["extract", str(tmp_path), "-f", "jsonl", "-o", str(tmp_path / "out")])
    assert stream.exit_code == 0, stream.output
    assert (tmp_path / "out" / "a.html").exists() and (
        tmp_path / "out" / f"{tmp_path.name}.events.jsonl"
    ).exists()
    again = runner.invoke(app, ["extract", str(tmp_path), "-f", "json", "-o", "-"])
    assert again.exit_code == 0, again.output
    assert [d["id"] for d in json.loads(again.stdout)["documents"]] == ["a"]


def test_an_html_page_that_is_not_ours_is_still_read(tmp_path: Path) -> None:
    body = "<p>The city council voted on Tuesday to approve the budget after a long debate.</p>" * 4
    (tmp_path / "page.html").write_text(
        f'<html><head><meta name="generator" content="WordPress"></head><body>{body}</body></html>'
    )
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--ref-date", "2019-03-14", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert [d["id"] for d in json.loads(result.stdout)["documents"]] == ["page"]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["extract"], "Missing argument 'INPUT...'"),
        (["extract", "a.txt", "--jobs", "0"], "Invalid value for '--jobs'"),
        (["extract", "a.txt", "--no-such-option"], "No such option: --no-such-option"),
        (["no-such-command"], "No such command 'no-such-command'"),
        (["show"], "Missing argument"),
    ],
)
def test_usage_errors_are_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str], fragment: str
) -> None:
    monkeypatch.setattr(sys, "argv", ["timeline", *args])
    with pytest.raises(SystemExit) as exit_info:
        timeline.cli.main()
    assert exit_info.value.code == EXIT_USAGE
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("timeline: error: ") and fragment in lines[0] and "--help" in lines[0]


def test_python_dash_m_timeline_works() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "--version"], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("timeline ")


@pytest.mark.parametrize("command", ["extract", "show", "timeml", "evaluate", "schema"])
def test_help_has_readable_placeholders(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    for unreadable in ("<list[", "<str>", "<int", "<path>", "{"):
        assert unreadable not in result.output, (unreadable, result.output)


def test_extract_help_names_every_input_kind() -> None:
    help_text = " ".join(CliRunner().invoke(app, ["extract", "--help"]).output.split())
    for kind in (
        ".txt",
        ".meta.json",
        ".html",
        ".jsonl",
        "RSS/Atom",
        "http(s)://",
        "directories",
        "standard input",
    ):
        assert kind in help_text, kind


@pytest.mark.parametrize(("text", "summary"), [(ONE, "1 event"), (SHORT, "2 events")])
def test_the_summary_counts_in_good_english(tmp_path: Path, text: str, summary: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text(text)
    result = CliRunner().invoke(app, ["extract", str(article), "--ref-date", "2017-02-10", "-o", "-"])
    assert result.exit_code == 0
    assert result.stderr.strip().splitlines()[-1] == summary


def test_skipped_peers_are_reported_as_skipped() -> None:
    rendered = table([PeerRun(name="datefinder", note="datefinder is not installed")])
    assert "skipped (see note)" in rendered.splitlines()[-1]


@pytest.mark.parametrize(
    ("inputs", "name"),
    [
        (["corpus.jsonl"], "corpus.events"),
        (["-"], "events"),
        (["a.jsonl", "b.jsonl"], "events"),
        (["https://news.example/feeds/world.rss"], "world.events"),
    ],
)
def test_corpus_mode_output_is_named_after_its_input(inputs: list[str], name: str) -> None:
    assert stream_basename(inputs) == name


def test_corpus_mode_file_beside_its_input(tmp_path: Path) -> None:
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": SHORT, "published": "2017-02-10"}) + "\n")
    result = CliRunner().invoke(app, ["extract", str(corpus), "-f", "jsonl", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "wire.events.jsonl").read_text().count("\n") == 2
    assert json.loads(corpus.read_text())["id"] == "a"  # the input is untouched


def test_the_progress_total_counts_only_what_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x" * 100)
    (tmp_path / "a.meta.json").write_text("{}" * 50)
    (tmp_path / "photo.jpg").write_bytes(b"\0" * 1000)
    assert _input_bytes([str(tmp_path)]) == 100
    assert _input_bytes(["-"]) is None
