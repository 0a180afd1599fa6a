"""Corpus mode: documents stream in, one JSON event per line streams out, in constant memory."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from timeline.assemble import assemble
from timeline.models import Document, Event
from timeline.parallel import map_documents
from timeline.pipeline import document_events
from timeline.settings import TaggerSettings


def stream_events(
    documents: Iterable[Document],
    settings: TaggerSettings | None = None,
    jobs: int = 1,
    on_document: Callable[[Document], None] | None = None,
    dask: str | None = None,
) -> Iterator[Event]:
    """Each document's merged, ordered events, document after document, computed on `jobs`
    local processes or on the Dask scheduler at `dask`.

    Mentions are merged within a document only: merging across a corpus would need every event
    in memory, which is what this mode avoids (use `extract` without jsonl for that).
    """
    if dask is not None:
        from timeline.distributed import map_on_cluster

        results = map_on_cluster(documents, dask, settings)
    else:
        results = map_documents(document_events, documents, settings, jobs)
    for document, events in results:
        if on_document is not None:
            on_document(document)
        yield from assemble([document.info], events).events
