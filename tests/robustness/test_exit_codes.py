"""Exit codes as the README documents them (issue 7, part 4): 0 success, 1 internal error (a bug,
reported in one line), 2 usage or input error (one line)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import timeline.cli
import timeline.pipeline
from timeline.cli.common import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / ".venv" / "bin" / "timeline"
ARTICLE = "The minister resigned on Oct. 22, 2014. Talks will resume next week."


def main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["timeline", *args])
    with pytest.raises(SystemExit) as exit_info:
        timeline.cli.main()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 0 if code is None else 1), capsys.readouterr().err


@pytest.fixture
def article(tmp_path: Path) -> Path:
    source = tmp_path / "article.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    return source


def test_success_is_0(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path
) -> None:
    code, _ = main(
        monkeypatch, capsys, "extract", str(article), "--ref-date", "2017-02-10", "-o", str(tmp_path / "o")
    )
    assert code == EXIT_OK
    assert sorted(p.suffix for p in (tmp_path / "o").iterdir()) == [".csv", ".ics", ".json"]


def test_success_with_a_warning_is_still_0(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path
) -> None:
    code, stderr = main(monkeypatch, capsys, "extract", str(article), "-o", str(tmp_path / "o"))
    assert code == EXIT_OK
    assert "timeline: warning: no reference date" in stderr


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["extract", "{missing}"], "no such file"),
        (["extract", "{article}", "--ref-date", "2017-02-30"], "invalid --ref-date"),
        (["extract", "{article}", "--ref-date", "10/02/2017"], "invalid --ref-date"),
        (["extract", "{article}", "-f", "pdf"], "unknown format"),
        (["extract", "{article}", "-o", "-", "-f", "json,csv"], "exactly one"),
        (["extract", "{article}", "--encoding", "klingon"], "unknown encoding"),
        (["extract", "{article}", "-o", "{article}/x.json"], "cannot write"),
        (["extract", "{article}", "-f", "jsonl,json"], "cannot be combined"),
    ],
)
def test_user_errors_are_2_in_one_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    article: Path,
    tmp_path: Path,
    args: list[str],
    fragment: str,
) -> None:
    fill = {"article": str(article), "missing": str(tmp_path / "missing.txt")}
    code, stderr = main(monkeypatch, capsys, *(a.format(**fill) for a in args))
    assert code == EXIT_USAGE
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("timeline: error: ") and fragment in lines[0], stderr


@pytest.mark.parametrize("args", [["extract"], ["extract", "a.txt", "--jobs", "0"], ["no-such-command"]])
def test_bad_usage_is_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    code, stderr = main(monkeypatch, capsys, *args)
    assert code == EXIT_USAGE
    assert "Traceback" not in stderr


def test_an_internal_error_is_1_in_one_line_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path
) -> None:
    def bug(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(timeline.pipeline, "build_timeline", bug)
    out = tmp_path / "o"
    code, stderr = main(
        monkeypatch, capsys, "extract", str(article), "--ref-date", "2017-02-10", "-o", str(out)
    )
    assert code == EXIT_INTERNAL
    assert stderr.strip().splitlines() == [
        "timeline: internal error: RuntimeError: simulated bug (please report this bug)"
    ]
    assert not out.exists()


def test_exit_codes_of_the_installed_command(article: Path, tmp_path: Path) -> None:
    """The console script itself, in a fresh process: 0, then 2 with one line."""
    ok = subprocess.run(
        [str(CLI), "extract", str(article), "--ref-date", "2017-02-10", "-o", "-"],
        capture_output=True,
        check=False,
    )
    assert ok.returncode == EXIT_OK, ok.stderr
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    bad = subprocess.run([str(CLI), "extract", str(empty), "-o", "-"], capture_output=True, check=False)
    assert bad.returncode == EXIT_USAGE
    assert bad.stderr.decode().strip().splitlines() == [f"timeline: error: {empty}: empty file"]


def test_ctrl_c_with_workers_stops_promptly(tmp_path: Path) -> None:
    import contextlib
    import os
    import signal
    from datetime import date, timedelta

    days = [date(1990, 1, 1) + timedelta(days=i) for i in range(3000)]
    text = "".join(f"On {d:%B} {d.day}, {d.year} the council met.\n" for d in days)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(64):  # four batches of 16: two run, two wait in the queue
        (corpus / f"a{n:02d}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [str(CLI), "extract", str(corpus), "--ref-date", "2017-02-10", "-o", str(out), "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, which Ctrl-C in a terminal signals whole
    )
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=3)
    os.killpg(process.pid, signal.SIGINT)
    try:
        code = process.wait(timeout=8)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        pytest.fail("still running 8 s after Ctrl-C")
    assert code == 130
    assert not out.exists()
