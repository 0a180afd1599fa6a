"""Running the per-document pipeline on several cores with bounded memory and ordered results."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from itertools import chain, islice
from multiprocessing.process import BaseProcess
from typing import TypeVar

from timeline.errors import WorkerError
from timeline.models import Document, DocumentInfo, ReferenceSource
from timeline.settings import TaggerSettings

# Documents per task: large enough to amortize pickling, small enough to balance the cores.
BATCH_SIZE = 16
# Batches in flight per worker: keeps every core busy while bounding memory on huge corpora.
WINDOW_PER_WORKER = 4
# Most worker processes per core. The work is CPU-bound: beyond one process per core more only
# add memory (each worker holds its own rule tables and dateparser's) and switching; a few per
# core still let a small machine run --jobs 3 or 4 (the determinism tests do). --jobs 10000 would
# fork ten thousand processes and exhaust memory or the process table before any work is done.
MAX_JOBS_PER_CORE = 4

# What a stage makes of one document: its events, or (corpus mode) their JSON lines.
T = TypeVar("T")
DocumentStage = Callable[[Document, TaggerSettings | None], T]


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def max_jobs() -> int:
    """The most worker processes a run starts, whatever it asks for."""
    return MAX_JOBS_PER_CORE * default_jobs()


def _ignore_interrupts() -> None:
    # Ctrl-C signals the whole process group: the parent alone handles it (and terminates the
    # workers), so no worker prints a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_batch(stage: DocumentStage[T], batch: list[Document], settings: TaggerSettings | None) -> list[T]:
    """The stage over one batch of documents: the unit of work a worker process (or a Dask
    worker) runs."""
    return [stage(document, settings) for document in batch]


# A short text that reaches every lazily loaded part of the stage (rules, lexicons, patterns,
# dateparser's tables): a full date, a time, numeric dates, relative and event words.
WARM_UP_TEXT = (
    "On Monday, March 3, 2014, at 10:30 a.m., the ministers met in Paris; on 10/11/2014 and "
    "2014-11-12 they met again. Talks will resume next week, three days after the vote of "
    "Feb. 2, 2015, and last until 2016."
)


def warm_up(stage: DocumentStage[T], settings: TaggerSettings | None, language: str = "en") -> None:
    """Run the stage once on a short text, so that what it loads lazily is loaded here: workers
    forked afterwards inherit it instead of each loading it again (about 0.8 s apiece)."""
    info = DocumentInfo(
        id="warm-up", language=language, reference_date=date(2014, 3, 6), reference_source=ReferenceSource.CLI
    )
    # Only a head start: a real document that fails reports its own error.
    with contextlib.suppress(Exception):
        stage(Document(info=info, text=WARM_UP_TEXT), settings)


def batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Lists of `size` documents (the last may be shorter), read lazily."""
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch


def map_documents(
    stage: DocumentStage[T],
    documents: Iterable[Document],
    settings: TaggerSettings | None = None,
    jobs: int = 1,
) -> Iterator[tuple[Document, T]]:
    """Yield (document, what the stage made of it) in input order; identical results whatever
    `jobs` is.

    Input is consumed lazily, a bounded number of batches ahead, so a corpus of any size
    streams through in constant memory.
    """
    if jobs <= 1:
        yield from _in_process(stage, documents, settings)
        return
    jobs = min(jobs, max_jobs())
    window = jobs * WINDOW_PER_WORKER
    pending: deque[tuple[list[Document], Future[list[T]]]] = deque()
    chunks = batches(documents, BATCH_SIZE)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if second is None:
        # One batch would go to one worker: a pool would only add its start-up (fork, warm-up,
        # pickling) to, say, a one-article extract.
        yield from _in_process(stage, first, settings)
        return
    context = multiprocessing.get_context()
    forking = context.get_start_method() == "fork"
    if forking:
        warm_up(stage, settings, first[0].info.language)
        # Long-lived objects loaded so far move out of the collector's sight in the workers:
        # their collections neither scan them nor write to their pages (copy-on-write).
        gc.freeze()
    # An executor rather than multiprocessing.Pool: a Pool replaces a worker that dies (kill -9,
    # the out-of-memory killer) and waits forever for the batch it was running; the executor
    # watches its workers and fails every pending batch with BrokenProcessPool.
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_ignore_interrupts)
    workers: list[BaseProcess] = []
    try:
        for batch in chain([first, second], chunks):
            pending.append((batch, pool.submit(run_batch, stage, batch, settings)))
            if not workers:
                # the first submit forked the workers
                workers = list(pool._processes.values())
                if forking:
                    gc.unfreeze()  # the parent collects as before
            if len(pending) >= window:
                yield from _drain_one(pending, workers)
        while pending:
            yield from _drain_one(pending, workers)
    finally:
        # On Ctrl-C, an error, a dead worker or an abandoned generator, queued and running
        # batches are dropped at once instead of being waited for.
        _stop(pool, workers)


def _stop(pool: ProcessPoolExecutor, workers: list[BaseProcess]) -> None:
    pool.shutdown(wait=False, cancel_futures=True)
    for process in workers:
        if process.is_alive():
            process.terminate()
    for process in workers:
        process.join()


def _in_process(
    stage: DocumentStage[T], documents: Iterable[Document], settings: TaggerSettings | None
) -> Iterator[tuple[Document, T]]:
    for document in documents:
        yield document, stage(document, settings)


def _drain_one(
    pending: deque[tuple[list[Document], Future[list[T]]]], workers: list[BaseProcess]
) -> Iterator[tuple[Document, T]]:
    batch, result = pending.popleft()
    try:
        found = result.result()
    except BrokenProcessPool:
        raise WorkerError(_death_of(workers)) from None
    yield from zip(batch, found, strict=True)


def _death_of(workers: list[BaseProcess]) -> str:
    """One line on how a worker died (the executor stops the others with SIGTERM)."""
    for process in workers:
        # The executor's own thread reaps the dead worker and is terminating the others: this
        # waits for that, so that every exit code is known (a second or so at most).
        process.join(timeout=2)
    codes = [p.exitcode for p in workers]
    how = "died"
    for code in codes:
        if code is not None and code < 0 and code != -signal.SIGTERM:
            how = f"was killed by {signal.Signals(-code).name}"
            break
        if code is not None and code > 0:
            how = f"exited with code {code}"
            break
    return (
        f"a worker process {how} (the out-of-memory killer sends SIGKILL), so the run was stopped: "
        "try fewer --jobs"
    )
