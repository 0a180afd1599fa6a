"""Running the per-document pipeline on several cores with bounded memory and ordered results."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import chain, islice
from multiprocessing.pool import AsyncResult
from typing import TypeVar

from timeline.models import Document, DocumentInfo, ReferenceSource
from timeline.settings import TaggerSettings

# Documents per task: large enough to amortize pickling, small enough to balance the cores.
BATCH_SIZE = 16
# Batches in flight per worker: keeps every core busy while bounding memory on huge corpora.
WINDOW_PER_WORKER = 4

# What a stage makes of one document: its events, or (corpus mode) their JSON lines.
T = TypeVar("T")
DocumentStage = Callable[[Document, TaggerSettings | None], T]


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


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
    window = jobs * WINDOW_PER_WORKER
    pending: deque[tuple[list[Document], AsyncResult[list[T]]]] = deque()
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
    forking = multiprocessing.get_start_method() == "fork"
    if forking:
        warm_up(stage, settings, first[0].info.language)
        # Long-lived objects loaded so far move out of the collector's sight in the workers:
        # their collections neither scan them nor write to their pages (copy-on-write).
        gc.freeze()
    # Leaving the `with` block terminates the pool: on Ctrl-C, an error or an abandoned generator,
    # queued and running batches are dropped at once instead of being waited for.
    with multiprocessing.Pool(jobs, initializer=_ignore_interrupts) as pool:
        if forking:
            gc.unfreeze()  # the workers are forked: the parent collects as before
        for batch in chain([first, second], chunks):
            pending.append((batch, pool.apply_async(run_batch, (stage, batch, settings))))
            if len(pending) >= window:
                yield from _drain_one(pending)
        while pending:
            yield from _drain_one(pending)


def _in_process(
    stage: DocumentStage[T], documents: Iterable[Document], settings: TaggerSettings | None
) -> Iterator[tuple[Document, T]]:
    for document in documents:
        yield document, stage(document, settings)


def _drain_one(pending: deque[tuple[list[Document], AsyncResult[list[T]]]]) -> Iterator[tuple[Document, T]]:
    batch, result = pending.popleft()
    yield from zip(batch, result.get(), strict=True)
