"""The public Python API: `extract` a timeline, `export` it to any registered format."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from os import PathLike

from timeline import pipeline
from timeline.exporters import ExportOptions, get
from timeline.models import Document, Timeline
from timeline.settings import DocumentType, TaggerSettings

__all__ = ["export", "extract"]


def extract(
    source: str | PathLike[str] | Document | Sequence[Document | PathLike[str]],
    reference_date: date | datetime | None = None,
    settings: TaggerSettings | None = None,
    as_of: date | datetime | None = None,
    document_type: DocumentType | None = None,
) -> Timeline:
    """The timeline of a text, of files, or of Documents.

    A `str` is the article's text. A path (`pathlib.Path`) is read as the command line reads it:
    `.txt` with its `.meta.json` sidecar, `.html` pages, `.jsonl` corpora, feeds, directories.
    `reference_date` (a date, or a datetime whose calendar day is taken) is what "today" means
    for a text, and overrides the files' own publication dates, like `--ref-date`; Documents
    carry their own. Statuses are judged from one date for the whole story, `as_of` (default: the
    newest reference date). `document_type` (news, narrative, auto) says what year-less dates
    count from (see `pipeline.extract`). Input problems raise `timeline.errors.InputError`.
    """
    day = _day(reference_date)
    now = _day(as_of)
    if isinstance(source, str | Document):
        return pipeline.extract(source, day, settings, as_of=now, document_type=document_type)
    items: Sequence[Document | PathLike[str]] = [source] if isinstance(source, PathLike) else source
    documents = _documents(items, day)
    return pipeline.extract(documents, None, settings, as_of=now, document_type=document_type)


def _day(moment: date | datetime | None) -> date | None:
    return moment.date() if isinstance(moment, datetime) else moment


def _documents(items: Sequence[Document | PathLike[str]], day: date | None) -> list[Document]:
    from timeline.reading.sources import ReadContext, iter_documents

    ctx = ReadContext(ref_date=day)
    documents: list[Document] = []
    for item in items:
        if isinstance(item, Document):
            documents.append(item)
        else:
            documents.extend(iter_documents([str(item)], ctx))
    return documents


def export(timeline: Timeline, format: str, options: ExportOptions | None = None) -> str | bytes:
    """Render `timeline` in `format` (json, csv, ics, ...).

    Text formats (media type text/* or JSON) come back as str, without the CSV byte order mark
    that only matters in files; anything else as bytes.
    """
    exporter = get(format)
    data = exporter.export(timeline, options or ExportOptions())
    media = exporter.media_type.split(";")[0].strip()
    if media.startswith("text/") or media.endswith("json"):
        return data.decode("utf-8-sig")
    return data
