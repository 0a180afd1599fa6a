"""Nothing silently lost or overwritten (issue 17, item 7), and exports get ordinary file modes
(issue 16, item 3): deep HTML is warned about, -o never replaces an input, SIGTERM and SIGKILL
leave no temporary file for long, and files get the mode the umask gives."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from timeline.cli.app import app
from timeline.cli.common import EXIT_OK, EXIT_TERMINATED, EXIT_USAGE
from timeline.output import atomic_write

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / ".venv" / "bin" / "timeline"
ARTICLE = "The minister resigned on Oct. 22, 2014."


def run(*args: str) -> Result:
    return CliRunner().invoke(app, ["extract", *args])


def nested_page(depth: int) -> str:
    return (
        "<html><head><title>Talks</title></head><body><article>"
        "<p>The minister resigned on Oct. 22, 2014, amid protests in the capital.</p>"
        + "<div>" * depth
        + "<p>Deep text on Nov. 3, 2014 was said here by many people.</p>"
        + "</div>" * depth
        + "<p>After the deep part: talks resumed on Dec. 5, 2014, officials said today.</p>"
        "</article></body></html>"
    )


@pytest.mark.parametrize(("depth", "warned"), [(200, False), (300, True), (5000, True)])
def test_html_nested_past_the_parser_limit_is_warned_about(tmp_path: Path, depth: int, warned: bool) -> None:
    page = tmp_path / "page.html"
    page.write_text(nested_page(depth), encoding="utf-8")
    result = run(str(page), "--ref-date", "2017-02-10", "-f", "json", "-o", "-")
    assert result.exit_code == EXIT_OK, result.output
    found = "page.html: HTML nested too deeply to be read whole" in result.stderr
    assert found is warned, result.stderr
    # the warning is true: what it announces is what happened
    values = {event["date"]["value"] for event in json.loads(result.stdout)["events"]}
    assert ("2014-12-05" not in values) is warned


@pytest.mark.parametrize("fmt", ["jsonl", None])
def test_o_naming_an_input_file_is_refused(tmp_path: Path, fmt: str | None) -> None:
    corpus = tmp_path / "corpus.jsonl"
    original = json.dumps({"id": "a", "text": ARTICLE}) + "\n"
    corpus.write_text(original, encoding="utf-8")
    # without -f, the ".jsonl" suffix chooses the jsonl format
    result = run(str(corpus), *(["-f", fmt] if fmt else []), "-o", str(corpus))
    assert result.exit_code == EXIT_USAGE, result.output
    assert "would overwrite the input" in result.stderr
    assert corpus.read_text(encoding="utf-8") == original


def test_o_naming_an_article_inside_an_input_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    corpus = folder / "more.jsonl"
    corpus.write_text(json.dumps({"id": "b", "text": ARTICLE}) + "\n", encoding="utf-8")
    before = corpus.read_bytes()
    result = run(str(folder), "-f", "jsonl", "-o", str(corpus))
    assert result.exit_code == EXIT_USAGE, result.output
    assert "would overwrite the input" in result.stderr
    assert corpus.read_bytes() == before
    # writing beside the inputs, under a new name, is fine
    assert run(str(folder), "-f", "jsonl", "-o", str(folder / "events.jsonl")).exit_code == EXIT_OK


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@contextmanager
def _streaming_run(tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """Corpus mode reading a stdin kept open: its output's temporary file exists until EOF."""
    out = tmp_path / "out"
    process = subprocess.Popen(
        [CLI, "extract", "-", "-f", "jsonl", "-o", str(out / "events.jsonl")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while not (out.is_dir() and _temporaries(out)):
            assert process.poll() is None and time.monotonic() < deadline, process.stderr
            time.sleep(0.05)
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_removes_the_temporary_file(tmp_path: Path) -> None:
    with _streaming_run(tmp_path) as process:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    assert process.returncode == EXIT_TERMINATED, stderr
    assert stderr.decode().strip() == "timeline: terminated; no export was left half-written"
    assert _temporaries(tmp_path / "out") == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_the_next_run_removes_what_sigkill_left(tmp_path: Path) -> None:
    with _streaming_run(tmp_path) as process:
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
    out = tmp_path / "out"
    (left,) = _temporaries(out)
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        # a run still writing (its process alive) and files that are not ours are left alone
        busy = out / f".events.jsonl.{alive.pid}.{'0' * 16}.tmp"
        busy.write_bytes(b"")
        foreign = out / ".notes.tmp"
        foreign.write_bytes(b"")
        article = tmp_path / "a.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        assert run(str(article), "-f", "json", "-o", str(out / "a.json")).exit_code == EXIT_OK
        assert _temporaries(out) == sorted([busy.name, foreign.name])
        assert left not in _temporaries(out)
    finally:
        alive.kill()
        alive.wait()


@contextmanager
def _umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_export_gets_the_mode_the_umask_gives(tmp_path: Path, mask: int, expected: int) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with _umask(mask):
        result = run(str(article), "-f", "all", "-o", str(tmp_path / "out"))
        atomic_write(tmp_path / "single.ics", b"x")
    assert result.exit_code == EXIT_OK, result.output
    written = list((tmp_path / "out").iterdir())
    assert len(written) >= 6  # every format but jsonl
    assert {_mode(path) for path in [*written, tmp_path / "single.ics"]} == {expected}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_an_overwrite_keeps_the_old_mode(tmp_path: Path) -> None:
    target = tmp_path / "calendar.ics"
    target.write_bytes(b"old")
    target.chmod(0o640)
    with _umask(0o022):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"new" and _mode(target) == 0o640


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
def test_sigterm_during_a_parallel_run_ends_it_and_its_workers(tmp_path: Path) -> None:
    """SIGTERM must not unwind into Pool.terminate, which can wait forever on a task pipe the
    dead workers no longer read (seen with --jobs 2): the run ends at once, workers too."""
    folder = tmp_path / "articles"
    folder.mkdir()
    sentence = "The ministers met on Monday, March 3, 2014, and will meet again next week. "
    for n in range(600):
        (folder / f"a{n}.txt").write_text(sentence * 40, encoding="utf-8")
    process = subprocess.Popen(
        [CLI, "extract", str(folder), "--jobs", "2", "--ref-date", "2017-02-10", "-o", str(tmp_path / "o")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while len(workers := _children(process.pid)) < 2:
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        time.sleep(1)  # tasks queued and running
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == EXIT_TERMINATED, stderr
    time.sleep(0.5)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists() and "Z" not in _state(pid)]
    assert not (tmp_path / "o").exists() or _temporaries(tmp_path / "o") == []


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"
