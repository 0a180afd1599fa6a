"""Running the per-document pipeline on several cores with bounded memory and ordered results."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

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
    pending: deque[tuple[list[Document], Future[list[tuple[Event, ...]]]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for batch in _batches(documents, BATCH_SIZE):
            pending.append((batch, pool.submit(_run_batch, stage, batch, settings)))
            if len(pending) >= window:
                yield from _drain_one(pending)
        while pending:
            yield from _drain_one(pending)


def _drain_one(
    pending: deque[tuple[list[Document], Future[list[tuple[Event, ...]]]]],
) -> Iterator[Result]:
    batch, future = pending.popleft()
    yield from zip(batch, future.result(), strict=True)
