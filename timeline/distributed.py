"""The pipeline on a Dask cluster: a bag of Documents in, their events out (the `dask` extra)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from timeline.assemble import assemble
from timeline.models import Document, DocumentInfo, Event, Timeline
from timeline.pipeline import document_events
from timeline.settings import TaggerSettings

# Partitions per worker thread: enough to balance uneven documents without flooding the scheduler.
PARTITIONS_PER_THREAD = 4
# Seconds to wait for a first worker: a cluster still starting gets time, an empty one an error.
WORKER_WAIT_S = 10.0


def _events_of(document: Document, settings: TaggerSettings | None) -> tuple[DocumentInfo, tuple[Event, ...]]:
    return document.info, document_events(document, settings)


# dask ships no type information: its bags are typed Any here.
def events_bag(documents: Any, settings: TaggerSettings | None = None) -> Any:
    """Map a bag of Documents to a bag of (DocumentInfo, events of that document) pairs.

    Each element is independent, so the bag can be as large as the cluster can stream; merge the
    pairs into one timeline with `assemble_pairs`, or write events out per partition.
    """
    return documents.map(_events_of, settings)


def assemble_pairs(pairs: Sequence[tuple[DocumentInfo, tuple[Event, ...]]]) -> Timeline:
    """One timeline from the bag's results: the same as the single-process run."""
    return assemble([info for info, _ in pairs], [event for _, events in pairs for event in events])


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


def timeline_on_cluster(
    documents: Sequence[Document], address: str, settings: TaggerSettings | None = None
) -> Timeline:
    """Run the pipeline on the Dask scheduler at `address` (e.g. tcp://10.0.0.5:8786)."""
    from timeline.errors import OptionError

    try:
        import dask.bag as db
        from distributed import Client
    except ImportError:
        raise OptionError("--dask needs the dask extra: pip install 'timeline[dask]'") from None
    try:
        client: Any = Client(address, timeout="10s", set_as_default=False)
    except OSError as err:
        raise OptionError(f"cannot reach the Dask scheduler at {address} ({err})") from None
    with client:
        try:
            client.wait_for_workers(1, timeout=WORKER_WAIT_S)
        except TimeoutError:
            raise OptionError(
                f"no Dask worker joined the scheduler at {address} within {WORKER_WAIT_S:.0f} s"
            ) from None
        check_workers(client.run(worker_version, on_error="return"), worker_version())
        threads = max(1, sum(client.nthreads().values()))
        bag = db.from_sequence(
            documents, npartitions=max(1, min(len(documents), threads * PARTITIONS_PER_THREAD))
        )
        pairs = client.compute(events_bag(bag, settings)).result()
    return assemble_pairs(pairs)
