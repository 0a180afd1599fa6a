"""The evaluation commands through the CLI: the table, notes for skipped peers, error report, timeml."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from timeline.cli.app import app
from timeline.evaluation.timeml import read_timeml

RUNNER = CliRunner()


def test_evaluate_prints_one_table_with_baselines_and_writes_reports(tbaq: Path, tmp_path: Path) -> None:
    errors, summary = tmp_path / "errors.txt", tmp_path / "summary.json"
    result = RUNNER.invoke(
        app,
        [
            "evaluate",
            str(tbaq),
            "--peers",
            "nothing,years",
            "--limit",
            "5",
            "--errors",
            str(errors),
            "--json",
            str(summary),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "| tagger" in result.output and "| nothing" in result.output and "| years" in result.output
    report = errors.read_text(encoding="utf-8")
    assert "## nothing: missed" in report and "## nothing: by gold type" in report
    payload = json.loads(summary.read_text(encoding="utf-8"))
    assert payload["documents"] == 5 and [t["name"] for t in payload["taggers"]] == ["nothing", "years"]


def test_unknown_peer_is_a_usage_error(tbaq: Path) -> None:
    result = RUNNER.invoke(app, ["evaluate", str(tbaq), "--peers", "nope"])
    assert result.exit_code == 2 and "unknown tagger" in result.output


def test_missing_corpus_is_a_usage_error(tmp_path: Path) -> None:
    result = RUNNER.invoke(app, ["evaluate", str(tmp_path / "none"), "--peers", "nothing"])
    assert result.exit_code == 2


def test_timeml_command_writes_same_text_files(tbaq: Path, tmp_path: Path) -> None:
    source = sorted((tbaq / "TimeBank").glob("*.tml"))[:3]
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    for path in source:
        (in_dir / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    out_dir = tmp_path / "out"
    result = RUNNER.invoke(app, ["timeml", str(in_dir), str(out_dir)])
    assert result.exit_code == 0, result.output
    for path in source:
        written = read_timeml(out_dir / path.name)
        gold = read_timeml(path)
        assert written.text == gold.text and written.creation_time == gold.creation_time


def test_system_files_gold_scores_100_and_a_changed_text_is_reported(tbaq: Path, tmp_path: Path) -> None:
    gold_dir, system_dir = tmp_path / "gold", tmp_path / "system"
    gold_dir.mkdir()
    system_dir.mkdir()
    sources = sorted((tbaq / "AQUAINT").glob("*.tml"))[:2]
    for path in sources:
        content = path.read_text(encoding="utf-8")
        (gold_dir / path.name).write_text(content, encoding="utf-8")
        (system_dir / path.name).write_text(content, encoding="utf-8")
    result = RUNNER.invoke(app, ["evaluate", str(gold_dir), "--system", str(system_dir)])
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.startswith("| files:system"))
    assert [cell.strip() for cell in row.split("|")[3:9]] == ["100.0"] * 6
    changed = system_dir / sources[0].name
    changed.write_text(changed.read_text(encoding="utf-8").replace("<TEXT>", "<TEXT>X", 1), encoding="utf-8")
    result = RUNNER.invoke(app, ["evaluate", str(gold_dir), "--system", str(system_dir)])
    assert f"text differs, scored as all missed: {sources[0].stem}" in result.output


def test_report_in_a_missing_folder_fails_before_any_work(tbaq: Path, tmp_path: Path) -> None:
    result = RUNNER.invoke(
        app, ["evaluate", str(tbaq), "--peers", "nothing", "--json", str(tmp_path / "no" / "x")]
    )
    assert result.exit_code == 2 and "running" not in result.output
