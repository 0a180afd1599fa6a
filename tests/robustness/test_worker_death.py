"""A dead worker never hangs the run (issue 17, item 1).

`kill -9` of one worker (what the out-of-memory killer does) left the parent of `--jobs 2`
waiting forever for the batch that worker was running, with no CPU and no message. Now the run
stops, says so in one line, exits 2, stops the other workers and leaves earlier exports intact.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

import timeline.parallel
from timeline.cli.common import EXIT_USAGE
from timeline.pipeline import document_events, text_document

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / ".venv" / "bin" / "timeline"
# Generous: the parent notices a dead worker within a second; a loaded machine may be slow.
EXIT_WAIT_S = 60


def _children(pid: int) -> list[int]:
    found: list[int] = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _busy_corpus(folder: Path) -> Path:
    # Four batches of 16 long articles: both workers are busy for many seconds.
    days = [date(1990, 1, 1) + timedelta(days=i) for i in range(3000)]
    text = "".join(f"On {d:%B} {d.day}, {d.year} the council met.\n" for d in days)
    folder.mkdir()
    for n in range(64):
        (folder / f"a{n:02d}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("mode", ["timeline", "corpus"])
def test_a_worker_killed_with_sigkill_stops_the_run_with_one_line(tmp_path: Path, mode: str) -> None:
    corpus = _busy_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    out.mkdir()
    earlier = out / ("timeline.json" if mode == "timeline" else "events.jsonl")
    earlier.write_bytes(b"an earlier export\n")
    formats = ["-f", "json"] if mode == "timeline" else ["-f", "jsonl"]
    process = subprocess.Popen(
        [
            str(CLI),
            "extract",
            str(corpus),
            "--ref-date",
            "2017-02-10",
            *formats,
            "-o",
            str(out),
            "--jobs",
            "2",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + EXIT_WAIT_S
        while len(workers := _children(process.pid)) < 2 and time.monotonic() < deadline:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            time.sleep(0.1)
        assert len(workers) == 2, f"workers never started: {workers}"
        time.sleep(1)  # both are running a batch
        os.kill(workers[0], signal.SIGKILL)
        try:
            code = process.wait(timeout=EXIT_WAIT_S)
        except subprocess.TimeoutExpired:
            pytest.fail(f"still running {EXIT_WAIT_S} s after a worker was killed")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    stderr = process.stderr.read().decode() if process.stderr else ""
    assert code == EXIT_USAGE, stderr
    assert stderr.strip().splitlines() == [
        "timeline: error: a worker process was killed by SIGKILL (the out-of-memory killer sends "
        "SIGKILL), so the run was stopped: try fewer --jobs"
    ]
    assert earlier.read_bytes() == b"an earlier export\n"
    assert sorted(p.name for p in out.iterdir()) == [earlier.name]  # no temporary file left either
    assert not Path(f"/proc/{workers[1]}").exists() or _is_zombie_or_gone(workers[1])


def _is_zombie_or_gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z")
    except (OSError, IndexError):
        return True


def _kills_itself(document: object, settings: object) -> tuple[()]:
    os.kill(os.getpid(), signal.SIGKILL)
    return ()


def test_the_library_raises_a_worker_error_instead_of_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.errors import WorkerError

    monkeypatch.setattr(timeline.parallel, "BATCH_SIZE", 1)
    documents = [
        text_document(f"Talks resumed on May {n}, 2016.", date(2016, 6, 1), f"d{n}") for n in range(1, 5)
    ]
    monkeypatch.setattr(timeline.parallel, "warm_up", lambda *args, **kwargs: None)
    with pytest.raises(WorkerError, match="killed by SIGKILL"):
        list(timeline.parallel.map_documents(_kills_itself, documents, None, jobs=2))
    # and the next run still works
    assert len(list(timeline.parallel.map_documents(document_events, documents, None, jobs=2))) == 4


def test_jobs_are_bounded_by_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[int] = []
    real = timeline.parallel.ProcessPoolExecutor

    def recording(jobs: int, **kwargs: object) -> object:
        started.append(jobs)
        return real(jobs, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(timeline.parallel, "default_jobs", lambda: 1)
    monkeypatch.setattr(timeline.parallel, "BATCH_SIZE", 1)
    monkeypatch.setattr(timeline.parallel, "ProcessPoolExecutor", recording)
    documents = [
        text_document(f"Talks resumed on May {n}, 2016.", date(2016, 6, 1), f"d{n}") for n in range(1, 4)
    ]
    serial = list(timeline.parallel.map_documents(document_events, documents, None, jobs=1))
    assert list(timeline.parallel.map_documents(document_events, documents, None, jobs=10_000)) == serial
    assert started == [timeline.parallel.MAX_JOBS_PER_CORE]


def test_the_command_warns_and_caps_too_many_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from timeline.cli.app import app

    monkeypatch.setattr(timeline.parallel, "default_jobs", lambda: 2)
    article = tmp_path / "a.txt"
    article.write_text("Talks resumed on May 3, 2016.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(article), "-o", "-", "-f", "json", "--jobs", "100000"])
    assert result.exit_code == 0, result.output
    assert "timeline: warning: --jobs 100000 is more than this machine can use; running 8 workers" in (
        result.stderr.splitlines()
    )
