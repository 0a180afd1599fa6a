"""One bad file never loses a corpus run (issue 17, item 3, corpus mode).

In corpus mode (`-f jsonl`) over a directory, one empty or binary file after thousands of good
ones made the run exit 2 and write nothing. Now each such file is skipped with a warning naming
it, the run goes on, a final line counts the skipped files and the exit code is 3.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import timeline.parallel
from timeline.cli.app import app
from timeline.cli.common import EXIT_OK, EXIT_SKIPPED, EXIT_USAGE

GOOD = 40  # several batches of 2: the pool is used with --jobs 2


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for n in range(GOOD):
        (folder / f"a{n:03d}.txt").write_text(
            f"The council met on March {n % 28 + 1}, 2016.", encoding="utf-8"
        )
    return folder


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["extract", *args, "--ref-date", "2016-06-01", "--no-progress"])
    return result.exit_code, result.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_empty_and_binary_files_in_a_directory_are_skipped_in_corpus_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    monkeypatch.setattr(timeline.parallel, "BATCH_SIZE", 2)
    corpus = _corpus(tmp_path / "corpus")
    clean = tmp_path / "clean.jsonl"
    assert _run(str(corpus), "-f", "jsonl", "-o", str(clean))[0] == EXIT_OK

    empty = corpus / "z-empty.txt"
    empty.write_bytes(b"")
    binary = corpus / "b-binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "events.jsonl"
    code, stderr = _run(str(corpus), "-f", "jsonl", "-o", str(out), "--jobs", jobs)
    assert code == EXIT_SKIPPED, stderr
    warnings = [line for line in stderr.splitlines() if line.startswith("timeline: warning:")]
    assert warnings == [
        f"timeline: warning: {binary}: looks like a binary file, not text; skipped",
        f"timeline: warning: {empty}: empty file; skipped",
        "timeline: warning: 2 documents skipped (named above)",
    ]
    assert out.read_bytes() == clean.read_bytes()  # the good files' events, all of them


def test_timeline_mode_skips_them_too(tmp_path: Path) -> None:
    """Issue 16: one empty or unreadable file in a directory is skipped and counted in every mode."""
    corpus = _corpus(tmp_path / "corpus")
    clean = tmp_path / "clean.json"
    assert _run(str(corpus), "-f", "json", "-o", str(clean))[0] == EXIT_OK
    (corpus / "z-empty.txt").write_bytes(b"")
    out = tmp_path / "out.json"
    code, stderr = _run(str(corpus), "-f", "json", "-o", str(out))
    assert code == EXIT_SKIPPED, stderr
    assert "z-empty.txt: empty file; skipped" in stderr
    assert "1 document skipped (named above)" in stderr
    assert out.read_bytes() == clean.read_bytes()


def test_a_directory_with_nothing_readable_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"")
    (folder / "b.txt").write_bytes(bytes(range(256)) * 4)
    for fmt in ("json", "jsonl"):
        code, stderr = _run(str(folder), "-f", fmt, "-o", str(tmp_path / f"out.{fmt}"))
        assert code == EXIT_USAGE if fmt == "json" else EXIT_SKIPPED, stderr
        assert not (tmp_path / "out.json").exists()


def test_a_file_named_on_the_command_line_is_still_an_error(tmp_path: Path) -> None:
    # The user asked for that file: failing says so at once.
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, stderr = _run(str(empty), "-f", "jsonl", "-o", str(tmp_path / "out.jsonl"))
    assert code == EXIT_USAGE
    assert stderr.strip() == f"timeline: error: {empty}: empty file"
