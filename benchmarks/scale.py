"""Archive-scale runs of the installed command (issue 17): wall time, peak memory, exit code.

    .venv/bin/python benchmarks/scale.py tiny --documents 100000          # timeline mode
    .venv/bin/python benchmarks/scale.py tiny --documents 1000000 --jobs 2
    .venv/bin/python benchmarks/scale.py index-html --files 10000         # same-named files
    .venv/bin/python benchmarks/scale.py index-html --files 10000 --distinct
    .venv/bin/python benchmarks/scale.py killed-worker                    # --jobs 2, kill -9
    .venv/bin/python benchmarks/scale.py dense --mb 2 --unit '1/1/1/1 '   # memory per input byte
    .venv/bin/python benchmarks/scale.py dense --mb 20 --unit '2017 ' --max-bytes 30000000
    .venv/bin/python benchmarks/scale.py tagger                           # tag() alone, tracemalloc

`--rev REV` runs the code of a git revision instead (extracted with `git archive` to a temporary
directory put first on PYTHONPATH, with this checkout's installed dependencies), for before/after
figures. Peak memory is sampled every 0.2 s over the whole process tree (sum of RSS), and the
largest single process is read from getrusage; inputs are generated, never corpus text.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = ROOT / ".venv" / "bin" / "timeline"
MB = 1_000_000


@contextlib.contextmanager
def code_of(rev: str | None) -> Iterator[dict[str, str]]:
    """The environment that runs `rev`'s timeline (None: this checkout)."""
    env = dict(os.environ)
    if rev is None:
        yield env
        return
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "archive", rev, "timeline"], cwd=ROOT, check=True, capture_output=True
        )
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        env["PYTHONPATH"] = tmp
        yield env


def tree_rss(pid: int) -> int:
    import psutil

    try:
        parent = psutil.Process(pid)
        processes = [parent, *parent.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for process in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += process.memory_info().rss
    return total


def measure(
    command: list[str], env: dict[str, str], on_start: object = None, give_up: float | None = None
) -> dict[str, object]:
    """Run `command`; wall seconds, exit code, peak tree RSS, largest process, stderr's tail.
    After `give_up` seconds its whole process group is killed (exit -9)."""
    began = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(process.pid))
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    if callable(on_start):
        on_start(process)
    try:
        _, stderr = process.communicate(timeout=give_up)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the workers too, which hold stderr open
        _, stderr = process.communicate()
    seconds = time.perf_counter() - began
    done.set()
    sampler.join()
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # kB on Linux
    return {
        "exit": process.returncode,
        "seconds": round(seconds, 1),
        "peak_tree_rss_mb": round(peak / MB),
        "largest_process_mb (max over runs so far)": round(largest / MB),
        "stderr": stderr.decode(errors="replace").strip().splitlines()[-3:],
    }


def tiny(args: argparse.Namespace, work: Path, env: dict[str, str]) -> dict[str, object]:
    """N tiny JSONL documents, one in `dated_every` with a date, in timeline mode (-f json)."""
    corpus = work / "tiny.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for n in range(args.documents):
            dated = n % args.dated_every == 0
            text = f"The council met on March {n % 28 + 1}, 2016." if dated else "Nothing happened here."
            out.write(json.dumps({"id": f"d{n}", "text": text, "published": "2016-06-01"}) + "\n")
    target = work / "timeline.json"
    command = [str(CLI), "extract", str(corpus), "-f", "json", "-o", str(target), "-j", str(args.jobs)]
    result = measure(command, env)
    if target.exists():
        timeline = json.loads(target.read_bytes())
        result["events"] = len(timeline["events"])
        result["documents_listed"] = len(timeline["documents"])
    return {
        "command": f"timeline extract tiny.jsonl ({args.documents:,} lines) -f json -j {args.jobs}",
        **result,
    }


def index_html(args: argparse.Namespace, work: Path, env: dict[str, str]) -> dict[str, object]:
    """N files named index.html in N folders (or distinct names), corpus mode, one worker."""
    folder = work / "site"
    for n in range(args.files):
        page = folder / f"p{n:05d}" / (f"page{n:05d}.html" if args.distinct else "index.html")
        page.parent.mkdir(parents=True)
        page.write_text(f"<html><body><p>Nothing happened on page {n}.</p></body></html>", encoding="utf-8")
    command = [str(CLI), "extract", str(folder), "-f", "jsonl", "-o", str(work / "e.jsonl"), "-j", "1"]
    names = "distinct names" if args.distinct else "*/index.html"
    return {
        "command": f"timeline extract site/ ({args.files:,} files, {names}) -f jsonl -j 1",
        **measure(command, env),
    }


def killed_worker(args: argparse.Namespace, work: Path, env: dict[str, str]) -> dict[str, object]:
    """--jobs 2 on long articles; one worker is killed with SIGKILL once both are busy."""
    corpus = work / "corpus"
    corpus.mkdir()
    text = "".join(f"On March {d % 28 + 1}, {1990 + d % 30} the council met.\n" for d in range(3000))
    for n in range(64):
        (corpus / f"a{n:02d}.txt").write_text(text, encoding="utf-8")
    killed_at: list[float] = []

    def kill_one(process: subprocess.Popen[bytes]) -> None:
        import psutil

        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            children = psutil.Process(process.pid).children()
            if len(children) >= 2:
                time.sleep(1)
                os.kill(children[0].pid, signal.SIGKILL)
                killed_at.append(time.perf_counter())
                return
            time.sleep(0.1)

    command = [
        str(CLI),
        "extract",
        str(corpus),
        "--ref-date",
        "2017-02-10",
        "-o",
        str(work / "out"),
        "-j",
        "2",
    ]
    # the old code waits forever after the kill: it is stopped after --give-up seconds
    result = measure(command, env, kill_one, args.give_up)
    if killed_at:
        result["seconds_after_kill"] = round(time.perf_counter() - killed_at[0], 1)
    return {"command": "timeline extract corpus/ (64 long articles) -j 2, kill -9 of one worker", **result}


def dense(args: argparse.Namespace, work: Path, env: dict[str, str]) -> dict[str, object]:
    """One article of `unit` repeated (dense digits and punctuation): peak RSS per input byte."""
    article = work / "dense.txt"
    size = int(args.mb * MB)
    article.write_text((args.unit * (size // len(args.unit) + 1))[:size], encoding="utf-8")
    command = [
        str(CLI),
        "extract",
        str(article),
        "--ref-date",
        "2017-02-10",
        "-f",
        "json",
        "-o",
        str(work / "o.json"),
    ]
    if args.max_bytes is not None:
        command += ["--max-bytes", str(args.max_bytes)]
    baseline = measure([str(CLI), "--version"], env)["peak_tree_rss_mb"]
    result = measure(command, env)
    peak = result["peak_tree_rss_mb"]
    assert isinstance(peak, int) and isinstance(baseline, int)
    result["bytes_per_input_byte_above_start_up"] = round((peak - baseline) * MB / size)
    return {"command": f"timeline extract dense.txt ({args.mb} MB of {args.unit!r}) -f json", **result}


TAGGER_UNITS = ("1/1/1/1 ", "1.1.1.1.", "10:30 ", "2017 ", "2014-11-12 ", "Jan. 3, 2017; ")
TAGGER_PROBE = """
import gc, json, sys, tracemalloc
from timeline.settings import TaggerSettings
from timeline.tagging import tag
unit, size = sys.argv[1], int(sys.argv[2])
text = (unit * (size // len(unit) + 1))[:size]
tag(text[:1000], TaggerSettings())
gc.collect()
tracemalloc.start()
found = tag(text, TaggerSettings())
kept, peak = tracemalloc.get_traced_memory()
print(json.dumps([len(found), round(kept / size, 1), round(peak / size, 1)]))
"""


def tagger(args: argparse.Namespace, work: Path, env: dict[str, str]) -> dict[str, object]:
    """tracemalloc peak of tag() alone per input byte, next to what its result keeps."""
    rows = {}
    for unit in TAGGER_UNITS:
        probe = [sys.executable, "-c", TAGGER_PROBE, unit, str(args.size)]
        # run from elsewhere: "-c" puts the current directory (a checkout) before PYTHONPATH
        ran = subprocess.run(probe, env=env, cwd=work, check=True, capture_output=True)
        found, kept, peak = json.loads(ran.stdout)
        rows[unit] = f"{found} expressions, result {kept} B/byte, peak {peak} B/byte"
    return {"command": f"tag() on {args.size:,} characters of each unit", **rows}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rev", help="git revision to measure instead of this checkout")
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("tiny")
    p.add_argument("--documents", type=int, default=100_000)
    p.add_argument("--dated-every", type=int, default=100)
    p.add_argument("--jobs", type=int, default=2)
    p = sub.add_parser("index-html")
    p.add_argument("--files", type=int, default=10_000)
    p.add_argument("--distinct", action="store_true")
    p = sub.add_parser("killed-worker")
    p.add_argument("--give-up", type=float, default=300.0)
    p = sub.add_parser("dense")
    p.add_argument("--mb", type=float, default=2.0)
    p.add_argument("--unit", default="1/1/1/1 ")
    p.add_argument("--max-bytes", type=int, default=None, help="passed on (the default limit is 10 MB)")
    p = sub.add_parser("tagger")
    p.add_argument("--size", type=int, default=200_000)
    args = parser.parse_args()
    runs = {
        "tiny": tiny,
        "index-html": index_html,
        "killed-worker": killed_worker,
        "dense": dense,
        "tagger": tagger,
    }
    with tempfile.TemporaryDirectory() as tmp, code_of(args.rev) as env:
        result = runs[args.what](args, Path(tmp), env)
    print(json.dumps({"rev": args.rev or "working tree", **result}, indent=1))


if __name__ == "__main__":
    sys.exit(main())
