"""Running the per-document pipeline on several cores with bounded memory and ordered results."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult

from timeline.models import Document, Event
from timeline.settings import TaggerSettings

# Documents per task: large enough to amortize pickling, small enough to balance the cores.
BATCH_SIZE = 16
# Batches in flight per worker: keeps every core busy while bounding memory on huge corpora.
WINDOW_PER_WORKER = 4

Result = tuple[Document, tuple[Event, ...]]
DocumentStage = Callable[[Document, TaggerSettings | None], tuple[Event, ...]]


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _ignore_interrupts() -> None:
    # Ctrl-C signals the whole process group: the parent alone handles it (and terminates the
    # workers), so no worker prints a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_batch(
    stage: DocumentStage, batch: list[Document], settings: TaggerSettings | None
) -> list[tuple[Event, ...]]:
    return [stage(document, settings) for document in batch]


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch


def map_documents(
    stage: DocumentStage,
    documents: Iterable[Document],
    settings: TaggerSettings | None = None,
    jobs: int = 1,
) -> Iterator[Result]:
    """Yield (document, its events) in input order; identical results whatever `jobs` is.

    Input is consumed lazily, a bounded number of batches ahead, so a corpus of any size
    streams through in constant memory.
    """
    if jobs <= 1:
        for document in documents:
            yield document, stage(document, settings)
        return
    window = jobs * WINDOW_PER_WORKER
    pending: deque[tuple[list[Document], AsyncResult[list[tuple[Event, ...]]]]] = deque()
    # Leaving the `with` block terminates the pool: on Ctrl-C, an error or an abandoned generator,
    # queued and running batches are dropped at once instead of being waited for.
    with multiprocessing.Pool(jobs, initializer=_ignore_interrupts) as pool:
        for batch in _batches(documents, BATCH_SIZE):
            pending.append((batch, pool.apply_async(_run_batch, (stage, batch, settings))))
            if len(pending) >= window:
                yield from _drain_one(pending)
        while pending:
            yield from _drain_one(pending)


def _drain_one(
    pending: deque[tuple[list[Document], AsyncResult[list[tuple[Event, ...]]]]],
) -> Iterator[Result]:
    batch, result = pending.popleft()
    yield from zip(batch, result.get(), strict=True)
