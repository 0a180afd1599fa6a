"""Expanding input arguments (files, directories, '-') into Documents with their reference date."""

from __future__ import annotations

import os
import sys
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from timeline.errors import InputError, LanguageError
from timeline.limits import DEFAULT_MAX_BYTES
from timeline.models import Document, DocumentInfo, ReferenceSource
from timeline.reading.decoding import check_head, decode_text, is_wide, text_codec
from timeline.reading.html import deeply_nested, looks_like_html, read_html
from timeline.reading.jsonl import TOO_LONG, iter_jsonl, require_documents
from timeline.reading.metadata import read_sidecar
from timeline.reading.reference import parse_published, resolve_reference
from timeline.tagging.resources import supported_language

STDIN = "-"
_HEAD_BYTES = 8192  # read first, to refuse empty and binary inputs before reading the rest
_CHUNK = 1 << 20


class IdSet:
    """An exact set of strings stored as their UTF-8 bytes in one buffer with an open-addressing
    index: about len(id) + 20 bytes per id instead of ~95 for a str in a set, since corpus
    mode must remember every document id it gave out (500,000 ids: 47 -> 14 MB)."""

    def __init__(self) -> None:
        self._data = bytearray()
        self._ends = array("q")  # string k is _data[_ends[k - 1] : _ends[k]] (from 0 for k = 0)
        self._table = array("i", [-1]) * 8  # string index per slot, -1 when free
        self._mask = 7

    def __len__(self) -> int:
        return len(self._ends)

    def _find(self, key: bytes) -> tuple[int, bool]:
        """The slot holding `key`, or the free slot where it belongs."""
        table, ends, data, mask = self._table, self._ends, self._data, self._mask
        slot = hash(key) & mask
        while (k := table[slot]) != -1:
            if data[ends[k - 1] if k else 0 : ends[k]] == key:
                return slot, True
            slot = (slot + 1) & mask
        return slot, False

    def __contains__(self, item: str) -> bool:
        return self._find(_key(item))[1]

    def add(self, item: str) -> None:
        key = _key(item)
        slot, found = self._find(key)
        if found:
            return
        self._data += key
        self._ends.append(len(self._data))
        self._table[slot] = len(self._ends) - 1
        if 2 * len(self._ends) > len(self._table):
            self._grow()

    def _grow(self) -> None:
        size = 2 * len(self._table)
        # int32 indices while they fit (half the index's memory), int64 beyond
        self._table = array("i" if size < 2**31 else "q", [-1]) * size
        self._mask = size - 1
        start = 0
        for k, end in enumerate(self._ends):
            # the ids are distinct, so _find gives the free slot each belongs in
            slot, _ = self._find(bytes(self._data[start:end]))
            self._table[slot] = k
            start = end


def _key(item: str) -> bytes:
    # surrogatepass: a lone surrogate (valid in JSON strings) encodes too, and distinct strings
    # still give distinct bytes
    return item.encode("utf-8", "surrogatepass")


@dataclass
class ReadContext:
    """Options shared by every reader, plus what reading reports besides documents."""

    ref_date: date | None = None
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    taken_ids: IdSet = field(default_factory=IdSet)
    max_bytes: int = DEFAULT_MAX_BYTES
    skipped: int = 0  # documents (files, JSONL lines) left out, each named in `warnings`

    def skip(self, message: str) -> None:
        """Leave one document out of the run, saying which and why."""
        self.warnings.append(message)
        self.skipped += 1

    def unique_id(self, stem: str) -> str:
        candidate, n = stem, 1
        while candidate in self.taken_ids:
            n += 1
            candidate = f"{stem}-{n}"
        self.taken_ids.add(candidate)
        return candidate


Reader = Callable[[Path, ReadContext], Iterator[Document]]


def _read_limited(handle: BinaryIO, name: str, ctx: ReadContext, known_size: int = 0) -> bytes | None:
    """At most `ctx.max_bytes` of `handle`, refused at once when empty or binary, or None
    (skipped, with a warning) when there is more: `< /dev/zero` never fills memory, and a file
    whose size is known to be too large is not read beyond its first bytes."""
    head = handle.read(_HEAD_BYTES)
    if not head:
        raise InputError(f"{name}: empty file" if name != "stdin" else "stdin: empty input")
    check_head(head, name, ctx.encoding)
    parts, size = [head], len(head)
    while size <= ctx.max_bytes and known_size <= ctx.max_bytes:
        part = handle.read(min(_CHUNK, ctx.max_bytes + 1 - size))
        if not part:
            return b"".join(parts)
        parts.append(part)
        size += len(part)
    ctx.skip(f"{name}: skipped: larger than --max-bytes ({ctx.max_bytes:,} bytes)")
    return None


def _read_bytes(path: Path, ctx: ReadContext) -> bytes | None:
    try:
        with path.open("rb") as handle:
            return _read_limited(handle, str(path), ctx, os.fstat(handle.fileno()).st_size)
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None


def _language(declared: str | None, name: str, ctx: ReadContext) -> str | None:
    """The declared language when the tagger has rules for it; else None, and the document is
    skipped with a warning (English rules on other text find nothing worth having)."""
    try:
        supported_language(declared or "en")
    except LanguageError as err:
        ctx.skip(f"{name}: skipped: {err}")
        return None
    return declared or "en"


def _nonempty_text(data: bytes, name: str, encoding: str | None) -> str:
    text = decode_text(data, name, encoding)
    if not text.strip():
        raise InputError(f"{name}: empty file" if name != "stdin" else "stdin: empty input")
    return text


def _text_file(path: Path, ctx: ReadContext) -> Iterator[Document]:
    data = _read_bytes(path, ctx)
    if data is None:
        return
    text = _nonempty_text(data, str(path), ctx.encoding)
    sidecar = read_sidecar(path)
    language = _language(sidecar.language if sidecar else None, str(path), ctx)
    if language is None:
        return
    published = None
    if sidecar is not None and sidecar.published:
        published = parse_published(sidecar.published, f"{path} metadata")
    reference, source = resolve_reference(ctx.ref_date, published)
    yield Document(
        info=DocumentInfo(
            id=ctx.unique_id(path.stem),
            source=str(path),
            title=sidecar.title if sidecar else None,
            publisher=sidecar.publisher if sidecar else None,
            url=sidecar.url if sidecar else None,
            language=language,
            reference_date=reference,
            reference_source=source,
            reference_note=(
                sidecar.published_note if sidecar and source is ReferenceSource.METADATA else None
            ),
        ),
        text=text,
    )


def _html_document(markup: str, name: str, source: str | None, ctx: ReadContext) -> Iterator[Document]:
    article = read_html(markup, name)
    language = _language(article.language, name, ctx)
    if language is None:
        return
    if deeply_nested(markup):
        ctx.warnings.append(
            f"{name}: HTML nested too deeply to be read whole; text after the deepest part may be missing"
        )
    reference, ref_source = resolve_reference(ctx.ref_date, None, article.published)
    yield Document(
        info=DocumentInfo(
            id=ctx.unique_id(Path(name).stem if source is not None else name),
            source=source,
            title=article.title,
            url=article.url,
            language=language,
            reference_date=reference,
            reference_source=ref_source,
        ),
        text=article.text,
    )


def _html_file(path: Path, ctx: ReadContext) -> Iterator[Document]:
    data = _read_bytes(path, ctx)
    if data is None:
        return
    markup = _nonempty_text(data, str(path), ctx.encoding)
    yield from _html_document(markup, str(path), str(path), ctx)


def _bounded_lines(handle: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of `handle`, each read up to `limit` bytes; a longer line is read past in
    chunks and given as TOO_LONG, so one huge line never sits in memory."""
    while line := handle.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := handle.readline(_CHUNK)) and not rest.endswith(b"\n"):
            pass
        yield TOO_LONG


def _jsonl_file(path: Path, ctx: ReadContext) -> Iterator[Document]:
    codec = text_codec(ctx.encoding)
    if is_wide(codec):
        raise InputError(f"{path}: JSONL must be in UTF-8 or another ASCII-compatible encoding, not {codec}")
    count = 0
    before = ctx.skipped
    try:
        with path.open("rb") as handle:
            lines = _bounded_lines(handle, ctx.max_bytes)
            for document in iter_jsonl(
                lines, str(path), ctx.ref_date, ctx.skip, ctx.unique_id, codec, ctx.warnings.append
            ):
                count += 1
                yield document
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None
    if count == 0:
        # every line was bad: the file is one error, not a run of skipped documents
        ctx.skipped = before
    require_documents(count, str(path))


READERS: dict[str, Reader] = {
    ".txt": _text_file,
    ".text": _text_file,
    ".html": _html_file,
    ".htm": _html_file,
    ".jsonl": _jsonl_file,
}


def _iter_paths(arg: str) -> Iterator[Path]:
    path = Path(arg)
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS)
        if not found:
            raise InputError(f"{arg}: no articles ({', '.join(sorted(READERS))}) in this directory")
        yield from found
    elif path.is_file():
        yield path
    elif path.exists():
        raise InputError(f"{arg}: not a regular file")
    else:
        raise InputError(f"{arg}: no such file or directory")


def _stdin_documents(data: bytes | None, ctx: ReadContext) -> Iterator[Document]:
    if data is None:
        return
    if len(data) > ctx.max_bytes:
        ctx.skip(f"stdin: skipped: larger than --max-bytes ({ctx.max_bytes:,} bytes)")
        return
    text = _nonempty_text(data, "stdin", ctx.encoding)
    if looks_like_html(text):
        yield from _html_document(text, "stdin", None, ctx)
        return
    reference, source = resolve_reference(ctx.ref_date, None)
    info = DocumentInfo(id=ctx.unique_id("stdin"), reference_date=reference, reference_source=source)
    yield Document(info=info, text=text)


def iter_documents(
    inputs: Sequence[str], ctx: ReadContext, read_stdin: Callable[[], bytes] | None = None
) -> Iterator[Document]:
    """Stream the documents of every input, in order; '-' reads standard input once."""
    for arg in inputs:
        if arg == STDIN:
            data = read_stdin() if read_stdin else _read_limited(sys.stdin.buffer, "stdin", ctx)
            yield from _stdin_documents(data, ctx)
            continue
        for path in _iter_paths(arg):
            if not _encodable(str(path)):
                # a name that is not UTF-8 could be written into no export (JSON, CSV, ICS...)
                shown = os.fsencode(path).decode("utf-8", "backslashreplace")
                ctx.skip(f"{shown}: skipped: file name is not valid UTF-8")
                continue
            reader = READERS.get(path.suffix.lower(), _text_file)
            yield from reader(path, ctx)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def read_inputs(
    inputs: Sequence[str],
    ref_date: date | None = None,
    encoding: str | None = None,
    read_stdin: Callable[[], bytes] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[list[Document], ReadContext]:
    """Read every input eagerly (errors surface before any work is done)."""
    ctx = ReadContext(ref_date=ref_date, encoding=encoding, max_bytes=max_bytes)
    return list(iter_documents(inputs, ctx, read_stdin)), ctx
