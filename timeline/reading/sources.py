"""Expanding input arguments (files, directories, '-') into Documents with their reference date."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from timeline.errors import InputError
from timeline.models import Document, DocumentInfo
from timeline.reading.decoding import decode_text
from timeline.reading.metadata import read_sidecar
from timeline.reading.reference import parse_published, resolve_reference

STDIN = "-"
TEXT_SUFFIXES = frozenset({".txt", ".text"})


@dataclass
class ReadReport:
    """What reading produced besides documents: warnings the CLI prints once each."""

    warnings: list[str] = field(default_factory=list)


def _iter_paths(arg: str, report: ReadReport) -> Iterator[Path]:
    path = Path(arg)
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        if not found:
            raise InputError(f"{arg}: no articles ({', '.join(sorted(TEXT_SUFFIXES))}) in this directory")
        yield from found
    elif path.is_file():
        yield path
    elif path.exists():
        raise InputError(f"{arg}: not a regular file")
    else:
        raise InputError(f"{arg}: no such file or directory")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None


def _unique_id(stem: str, taken: set[str]) -> str:
    candidate, n = stem, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}"
    taken.add(candidate)
    return candidate


def _text_document(path: Path, doc_id: str, ref_date: date | None, encoding: str | None) -> Document:
    text = decode_text(_read_bytes(path), str(path), encoding)
    if not text.strip():
        raise InputError(f"{path}: empty file")
    sidecar = read_sidecar(path)
    published = None
    if sidecar is not None and sidecar.published:
        published = parse_published(sidecar.published, f"{path} metadata")
    reference, source = resolve_reference(ref_date, published)
    info = DocumentInfo(
        id=doc_id,
        source=str(path),
        title=sidecar.title if sidecar else None,
        publisher=sidecar.publisher if sidecar else None,
        url=sidecar.url if sidecar else None,
        language=(sidecar.language if sidecar and sidecar.language else "en"),
        reference_date=reference,
        reference_source=source,
        reference_note=sidecar.published_note if sidecar and reference == published else None,
    )
    return Document(info=info, text=text)


def read_inputs(
    inputs: Sequence[str],
    ref_date: date | None = None,
    encoding: str | None = None,
    read_stdin: Callable[[], bytes] | None = None,
) -> tuple[list[Document], ReadReport]:
    """Read every input in order; '-' reads standard input once."""
    report = ReadReport()
    documents: list[Document] = []
    taken: set[str] = set()
    for arg in inputs:
        if arg == STDIN:
            data = (read_stdin or sys.stdin.buffer.read)()
            text = decode_text(data, "stdin", encoding)
            if not text.strip():
                raise InputError("stdin: empty input")
            reference, source = resolve_reference(ref_date, None)
            info = DocumentInfo(
                id=_unique_id("stdin", taken), reference_date=reference, reference_source=source
            )
            documents.append(Document(info=info, text=text))
            continue
        for path in _iter_paths(arg, report):
            documents.append(_text_document(path, _unique_id(path.stem, taken), ref_date, encoding))
    return documents, report
