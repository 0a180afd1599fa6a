"""Output that cannot be written (issue 7, part 2): an unwritable path, a full disk, Ctrl-C while
writing. One line and exit code 2, the previous export intact, no temporary file left."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli.app import app
from timeline.cli.common import EXIT_PIPE, EXIT_USAGE
from timeline.errors import OutputError
from timeline.output import atomic_write

ARTICLE = "The minister resigned on Oct. 22, 2014. Talks will resume next week."


@pytest.fixture
def article(tmp_path: Path) -> Path:
    source = tmp_path / "in" / "article.txt"
    source.parent.mkdir()
    source.write_text(ARTICLE, encoding="utf-8")
    return source


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    """An earlier export that a failed run must leave exactly as it was."""
    out = tmp_path / "out"
    out.mkdir()
    for ext in ("json", "csv", "ics"):
        (out / f"article.{ext}").write_bytes(f"previous {ext}".encode())
    return out


def assert_untouched(out: Path) -> None:
    assert sorted(p.name for p in out.iterdir()) == ["article.csv", "article.ics", "article.json"]
    for ext in ("json", "csv", "ics"):
        assert (out / f"article.{ext}").read_bytes() == f"previous {ext}".encode()


def extract(article: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["extract", str(article), "--ref-date", "2017-02-10", *args])
    return result.exit_code, result.stderr


@pytest.mark.parametrize(
    "target",
    ["{file}/sub/out.json", "{file}/out/", "/proc/timeline-robustness/out.json", "{file}"],
    ids=["below a file", "directory below a file", "unwritable filesystem", "directory is a file"],
)
def test_unwritable_paths_fail_before_any_work(tmp_path: Path, article: Path, target: str) -> None:
    blocker = tmp_path / "file.json"
    blocker.write_text("a file, not a directory")
    code, stderr = extract(article, "-o", target.format(file=blocker), "-f", "json,csv")
    assert code == EXIT_USAGE
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("timeline: error: "), stderr
    assert blocker.read_text() == "a file, not a directory"


def test_a_full_disk_keeps_the_previous_export(
    article: Path, previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync
    calls = []

    def disk_full_on_second_file(fd: int) -> None:
        # The first file lands; the disk fills up while the second is written.
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", disk_full_on_second_file)
    code, stderr = extract(article, "-o", str(previous))
    assert code == EXIT_USAGE
    error = [line for line in stderr.splitlines() if line.startswith("timeline: error:")]
    assert len(error) == 1 and "No space left on device" in error[0], stderr
    assert "Traceback" not in stderr
    # No temporary files, and the set is replaced as a set (issue 17, item 7): every file is
    # written before any is renamed, so a failure on the second leaves all three old ones.
    names = sorted(p.name for p in previous.iterdir())
    assert names == ["article.csv", "article.ics", "article.json"]
    assert (previous / "article.csv").read_bytes() == b"previous csv"
    assert (previous / "article.ics").read_bytes() == b"previous ics"
    assert (previous / "article.json").read_bytes() == b"previous json"


@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
def test_ctrl_c_while_writing_keeps_the_previous_export(
    article: Path, previous: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    if where == "write":
        monkeypatch.setattr("timeline.output.os.fdopen", lambda fd, mode: _InterruptingFile(fd))
    else:
        monkeypatch.setattr(os, where, interrupted)
    code, _ = extract(article, "-o", str(previous))
    assert code != 0
    assert_untouched(previous)


class _InterruptingFile:
    """A file object whose write is interrupted by Ctrl-C (after the temp file exists)."""

    def __init__(self, fd: int) -> None:
        self._file = os.fdopen(fd, "wb")

    def __enter__(self) -> _InterruptingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._file.close()

    def write(self, data: bytes) -> int:
        self._file.write(data[: len(data) // 2])
        raise KeyboardInterrupt


def test_atomic_write_removes_its_temp_file_on_any_interruption(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"previous")
    for error in (KeyboardInterrupt(), SystemExit(1), OSError(errno.ENOSPC, "No space left on device")):

        def fail(fd: int, error: BaseException = error) -> None:
            raise error

        monkeypatch.setattr(os, "fsync", fail)
        expected = OutputError if isinstance(error, OSError) else type(error)
        with pytest.raises(expected):
            atomic_write(target, b"new")
        assert os.listdir(tmp_path) == ["out.json"]
        assert target.read_bytes() == b"previous"


def test_streaming_output_is_interrupted_cleanly(
    article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "events.jsonl"
    target.write_bytes(b"previous")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    code, _ = extract(article, "-f", "jsonl", "-o", str(target), "--jobs", "1")
    assert code != 0
    assert sorted(os.listdir(tmp_path)) == ["events.jsonl", "in"]
    assert target.read_bytes() == b"previous"


@pytest.mark.parametrize(
    ("record_id", "written"),
    [
        ("../escaped", "_escaped.json"),
        ("{tmp}/absolute", "_absolute.json"),
        ("..", "timeline.json"),
        ("nul\x00byte", "nul_byte.json"),
        ("2017/02/article", "2017_02_article.json"),
    ],
)
def test_input_data_never_chooses_where_files_go(tmp_path: Path, record_id: str, written: str) -> None:
    """A JSONL line's id names the export of a one-document corpus: it must stay one file name
    inside -o (it used to write out/../escaped.json, or any absolute path)."""
    import json

    corpus = tmp_path / "in" / "corpus.jsonl"
    corpus.parent.mkdir()
    # An absolute id points into this test's directory, so even a regression writes nowhere else.
    record_id = record_id.format(tmp=tmp_path)
    record = {"id": record_id, "text": "The council met on Feb. 3, 2017.", "published": "2017-02-10"}
    corpus.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(out), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]
    assert [p.name for p in out.iterdir() if p.name.endswith(written)] == [p.name for p in out.iterdir()]
    assert len(list(out.iterdir())) == 1


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_reader_that_goes_away_ends_the_command_quietly(tmp_path: Path, fmt: str) -> None:
    """`timeline extract ... -o - | head -c 10`: the reader chose to stop, so nothing is printed
    (issue 16), but the exit code is SIGPIPE's 141, not 0: the export did not arrive whole."""
    import subprocess
    from datetime import date, timedelta

    days = [date(1990, 1, 1) + timedelta(days=i) for i in range(1500)]
    source = tmp_path / "many.txt"
    source.write_text("".join(f"On {d:%B} {d.day}, {d.year} the council met.\n" for d in days))
    cli = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "timeline"
    process = subprocess.Popen(
        [str(cli), "extract", str(source), "--ref-date", "2017-02-10", "-f", fmt, "-o", "-"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert len(process.stdout.read(10)) == 10
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait() == EXIT_PIPE
    assert stderr == ""


def test_show_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`timeline show big.json | head -1`: the table stops quietly, no 'Exception ignored'."""
    import subprocess

    from timeline.models import Timeline

    timeline_json = Path(__file__).resolve().parents[2] / "exports" / "voa-2017-02-10-italy-russia-libya.json"
    Timeline.model_validate_json(timeline_json.read_bytes())  # a real export
    cli = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "timeline"
    process = subprocess.Popen(
        [str(cli), "show", str(timeline_json), "--width", "200"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait() in (0, EXIT_PIPE)  # 0 when the table fit in the pipe's buffer
    assert stderr == ""
