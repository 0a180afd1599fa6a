"""The pipeline on a Dask cluster: documents stream to the workers, their events come back in order."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

from timeline.assemble import assemble
from timeline.models import Document, DocumentInfo, Event, Timeline
from timeline.parallel import DocumentStage, T, batches, run_batch
from timeline.pipeline import document_events, timeline_of
from timeline.settings import TaggerSettings

# Documents per task: a task costs the scheduler about a millisecond, a news article ten.
BATCH_SIZE = 16
# Batches in flight per worker thread: every worker stays busy while the client holds only a
# bounded slice of the input, however large the archive (the task graph never holds it all).
BATCHES_PER_THREAD = 4
# Seconds to wait for the scheduler to answer, then for a first worker: a cluster still
# starting gets time, an empty one an error.
CONNECT_WAIT_S = 10.0
WORKER_WAIT_S = 10.0


def _events_of(document: Document, settings: TaggerSettings | None) -> tuple[DocumentInfo, tuple[Event, ...]]:
    return document.info, document_events(document, settings)


# dask ships no type information: its bags and clients are typed Any here.
def events_bag(documents: Any, settings: TaggerSettings | None = None) -> Any:
    """Map a bag of Documents to a bag of (DocumentInfo, events of that document) pairs.

    Each element is independent, so the bag can be as large as the cluster can stream; merge the
    pairs into one timeline with `assemble_pairs`, or write events out per partition.
    """
    return documents.map(_events_of, settings)


def assemble_pairs(
    pairs: Sequence[tuple[DocumentInfo, tuple[Event, ...]]], as_of: date | None = None
) -> Timeline:
    """One timeline from the bag's results: the same as the single-process run (which lists
    the documents its events come from, and judges statuses from the newest reference date of
    all documents read)."""
    newest = max((info.reference_date for info, _ in pairs if info.reference_date), default=None)
    return assemble(
        [info for info, events in pairs if events],
        [event for _, events in pairs for event in events],
        as_of or newest,
    )


def worker_version() -> str:
    """Run on each worker: the timeline version it would compute with."""
    import timeline

    return timeline.__version__


def check_workers(answers: dict[str, Any], expected: str) -> None:
    """Refuse a cluster whose workers lack timeline or run another version.

    Without this check a worker that cannot import timeline never runs its tasks and the client
    waits forever; a worker on another version would silently compute different events.
    """
    from timeline.errors import OptionError

    wrong = {worker: answer for worker, answer in sorted(answers.items()) if answer != expected}
    if wrong:
        shown = "; ".join(
            f"{worker}: {f'timeline {answer}' if isinstance(answer, str) else repr(answer)}"
            for worker, answer in list(wrong.items())[:3]
        )
        more = f" and {len(wrong) - 3} more" if len(wrong) > 3 else ""
        raise OptionError(
            f"Dask workers must run timeline {expected} (pip install 'timeline[dask]' on every worker): "
            f"{shown}{more}"
        )


_ADDRESS = re.compile(
    r"(?:(?P<scheme>tcp|tls|ws|wss|ucx)://)?(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):(?P<port>\d{1,5})"
)


def check_address(address: str) -> None:
    """Refuse a scheduler address that cannot be one at once: Dask would spend its whole
    connection timeout on it and end in a traceback."""
    from timeline.errors import OptionError

    match = _ADDRESS.fullmatch(address.strip())
    if match is None or not 0 < int(match["port"]) < 65536:
        raise OptionError(
            f"--dask {address!r} is not a scheduler address; expected [tcp://]HOST:PORT, e.g. tcp://10.0.0.5:8786"
        )


@contextmanager
def connect(address: str) -> Iterator[Any]:
    """A client of the scheduler at `address` whose workers are known to run this timeline."""
    from timeline.errors import OptionError

    try:
        from distributed import Client
    except ImportError:
        raise OptionError("--dask needs the dask extra: pip install 'timeline[dask]'") from None
    try:
        client: Any = Client(address, timeout=f"{CONNECT_WAIT_S}s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        raise OptionError(f"cannot reach the Dask scheduler at {address} ({err})") from None
    with client:
        try:
            client.wait_for_workers(1, timeout=WORKER_WAIT_S)
        except TimeoutError:
            raise OptionError(
                f"no Dask worker joined the scheduler at {address} within {WORKER_WAIT_S:.0f} s"
            ) from None
        check_workers(client.run(worker_version, on_error="return"), worker_version())
        yield client


def map_on_client(
    client: Any,
    stage: DocumentStage[T],
    documents: Iterable[Document],
    settings: TaggerSettings | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[tuple[Document, T]]:
    """Yield (document, what `stage` made of it) in input order, computed by the client's
    workers (`stage` is e.g. `pipeline.document_events`).

    Input is read lazily, a bounded number of batches ahead of the results, so an archive of any
    size streams through the client in constant memory; stopping early cancels the work in flight.
    """
    threads = max(1, sum(client.nthreads().values()))
    window = threads * BATCHES_PER_THREAD
    chunks = batches(documents, batch_size)
    pending: deque[tuple[list[Document], Any]] = deque()
    try:
        while True:
            while len(pending) < window and (batch := next(chunks, None)):
                # pure=False: hashing every document to name its task would cost the client
                # more than the task itself; results are keyed by position, not by name.
                task = client.submit(run_batch, stage, batch, settings, pure=False)
                pending.append((batch, task))
            if not pending:
                return
            batch, future = pending.popleft()
            yield from zip(batch, future.result(), strict=True)
    finally:
        if pending:
            client.cancel([future for _, future in pending])


def map_on_cluster(
    stage: DocumentStage[T],
    documents: Iterable[Document],
    address: str,
    settings: TaggerSettings | None = None,
) -> Iterator[tuple[Document, T]]:
    """`map_on_client` on the scheduler at `address` (e.g. tcp://10.0.0.5:8786)."""
    with connect(address) as client:
        yield from map_on_client(client, stage, documents, settings)


def timeline_on_cluster(
    documents: Iterable[Document],
    address: str,
    settings: TaggerSettings | None = None,
    on_document: Callable[[Document], None] | None = None,
    as_of: date | None = None,
) -> Timeline:
    """One timeline of all documents, computed on the scheduler at `address`: the same timeline
    as the single-process run."""
    return timeline_of(map_on_cluster(document_events, documents, address, settings), on_document, as_of)
