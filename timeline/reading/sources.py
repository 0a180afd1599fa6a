"""Expanding input arguments (files, directories, '-') into Documents with their reference date."""

from __future__ import annotations

import os
import re
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
from timeline.reading.feeds import FEED_SUFFIXES, FeedItem, looks_like_feed, parse_feed
from timeline.reading.html import deeply_nested, looks_like_html, read_html
from timeline.reading.jsonl import TOO_LONG, iter_jsonl, require_documents
from timeline.reading.metadata import read_sidecar
from timeline.reading.reference import parse_published, resolve_reference
from timeline.reading.web import FetchSettings, Page, fetch, is_url, url_stem
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
    fetch: FetchSettings = field(default_factory=FetchSettings)
    warnings: list[str] = field(default_factory=list)
    taken_ids: IdSet = field(default_factory=IdSet)
    # The last suffix given to each stem that was taken more than once: ids are only ever
    # added, so the next free suffix is never below it, and the search resumes there instead
    # of trying stem-2, stem-3... again (10,000 */index.html took 58 s, now linear).
    last_suffix: dict[str, int] = field(default_factory=dict)
    # A file found in a directory that cannot be read (empty, binary...) is skipped with a
    # warning instead of failing a run over thousands of good ones; counted here.
    skip_bad_files: bool = False
    skipped_files: int = 0
    walked_files: int = 0
    max_bytes: int = DEFAULT_MAX_BYTES
    skipped: int = 0  # documents (files, JSONL lines, feed items) left out, each named in `warnings`

    def skip(self, message: str) -> None:
        """Leave one document out of the run, saying which and why."""
        self.warnings.append(message)
        self.skipped += 1

    def unique_id(self, stem: str) -> str:
        """`stem`, or the first of stem-2, stem-3... not given out yet: the same ids as trying
        them all from 2, in linear time overall."""
        if stem not in self.taken_ids:
            self.taken_ids.add(stem)
            return stem
        n = self.last_suffix.get(stem, 1)
        while (candidate := f"{stem}-{n + 1}") in self.taken_ids:
            n += 1
        self.last_suffix[stem] = n + 1
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


# A first line this short, followed by more text, is the article's headline.
_MAX_HEADLINE = 200


def first_line_title(text: str) -> str | None:
    """The headline of a plain-text article: a short first line that stands apart from the body,
    set off by a blank line or not ending like a sentence (headlines drop the full stop)."""
    lines = text.strip().splitlines()
    if len(lines) < 2:
        return None
    first = lines[0].strip()
    if not first or len(first) > _MAX_HEADLINE or not any(line.strip() for line in lines[1:]):
        return None
    if lines[1].strip() == "" or not first.endswith("."):
        return first
    return None


def _text_file(path: Path, ctx: ReadContext) -> Iterator[Document]:
    data = _read_bytes(path, ctx)
    if data is None:
        return
    if path.suffix.lower() not in READERS and looks_like_feed(data[:4096]):
        # an explicitly named .xml (or suffix-less) file that is a feed
        yield from _feed_documents(data, str(path), ctx)
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
            title=(sidecar.title if sidecar and sidecar.title else first_line_title(text)),
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


def _html_document(
    markup: str,
    name: str,
    source: str | None,
    ctx: ReadContext,
    stem: str | None = None,
    url: str | None = None,
    listed: FeedItem | None = None,
) -> Iterator[Document]:
    article = read_html(markup, name)
    language = _language(article.language, name, ctx)
    if language is None:
        return
    if deeply_nested(markup):
        ctx.warnings.append(
            f"{name}: HTML nested too deeply to be read whole; text after the deepest part may be missing"
        )
    feed_day = listed.published if listed is not None else None
    reference, ref_source = resolve_reference(ctx.ref_date, feed_day, article.published)
    title = (listed.title if listed is not None else None) or article.title
    if stem is None:
        stem = Path(name).stem if source is not None else name
    yield Document(
        info=DocumentInfo(
            id=ctx.unique_id(stem),
            source=source,
            title=title,
            url=article.url or url,
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


def _feed_file(path: Path, ctx: ReadContext) -> Iterator[Document]:
    data = _read_bytes(path, ctx)
    if data is not None:
        yield from _feed_documents(data, str(path), ctx)


def _decoded_page(page: Page, ctx: ReadContext) -> str:
    return _nonempty_text(page.data, page.url, ctx.encoding)


def _url_documents(url: str, ctx: ReadContext) -> Iterator[Document]:
    page = fetch(url, ctx.fetch)
    if looks_like_feed(page.data, page.content_type):
        yield from _feed_documents(page.data, url, ctx)
        return
    markup = _decoded_page(page, ctx)
    yield from _html_document(markup, url, url, ctx, stem=url_stem(page.final_url), url=page.final_url)


def _feed_documents(data: bytes, name: str, ctx: ReadContext) -> Iterator[Document]:
    """Each item of a feed as an article: its page when it links one, else the text it carries.
    An item that gives neither is skipped with a warning; the feed's date is the item's
    reference date unless --ref-date overrides it."""
    for number, item in enumerate(parse_feed(data, name), start=1):
        where = f"{name}: item {number}" + (f" ({item.link})" if item.link else "")
        if item.link is not None and is_url(item.link):
            try:
                page = fetch(item.link, ctx.fetch)
                markup = _decoded_page(page, ctx)
                stem = url_stem(page.final_url)
                yield from _html_document(markup, item.link, item.link, ctx, stem, page.final_url, item)
                continue
            except InputError as err:
                if not item.text:
                    ctx.skip(f"{err}; item skipped")
                    continue
                ctx.warnings.append(f"{err}; using the text the feed gives")
        if not item.text:
            ctx.skip(f"{where}: no link to fetch and no text; item skipped")
            continue
        yield _feed_item_document(item, name, ctx)


def _feed_item_document(item: FeedItem, name: str, ctx: ReadContext) -> Document:
    reference, source = resolve_reference(ctx.ref_date, item.published)
    text = item.text or ""
    if item.title and not text.startswith(item.title):
        text = f"{item.title}\n\n{text}"  # the headline dates and names things too
    stem = url_stem(item.link) if item.link else Path(name).stem or "item"
    return Document(
        info=DocumentInfo(
            id=ctx.unique_id(stem),
            source=item.link or name,
            title=item.title,
            url=item.link,
            reference_date=reference,
            reference_source=source,
        ),
        text=text,
    )


READERS: dict[str, Reader] = {
    ".txt": _text_file,
    ".text": _text_file,
    ".html": _html_file,
    ".htm": _html_file,
    ".jsonl": _jsonl_file,
    **dict.fromkeys(sorted(FEED_SUFFIXES), _feed_file),
}


# What our own exports start with: the HTML page's generator tag, and corpus mode's event lines
# (an Event object: an "id" then a "date"; input lines carry "text" instead).
_OWN_HTML = b'<meta name="generator" content="timeline'
_OWN_EVENT_LINE = re.compile(rb'\A\s*\{"id":\s*"[^"]*",\s*"date":\s*\{')


def is_own_output(path: Path) -> bool:
    """Whether a file found in a directory is one of our exports, which a run over that
    directory must not read back as an article (an exports/ folder beside the articles)."""
    suffix = path.suffix.lower()
    if suffix not in (".html", ".htm", ".jsonl"):
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False  # reading it will report the problem
    if suffix == ".jsonl":
        return _OWN_EVENT_LINE.match(head) is not None
    return _OWN_HTML in head


def article_files(folder: Path) -> list[Path]:
    """The articles a run over `folder` reads, in path order: files the readers take, found
    recursively, our own exports left out."""
    return sorted(
        p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in READERS and not is_own_output(p)
    )


def _iter_paths(arg: str) -> Iterator[Path]:
    path = Path(arg)
    if path.is_dir():
        found = article_files(path)
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
    if looks_like_feed(data[:4096]):
        yield from _feed_documents(data, "stdin", ctx)
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
        if is_url(arg):
            yield from _url_documents(arg, ctx)
            continue
        walked = ctx.skip_bad_files and Path(arg).is_dir()
        for path in _iter_paths(arg):
            if not _encodable(str(path)):
                # a name that is not UTF-8 could be written into no export (JSON, CSV, ICS...)
                shown = os.fsencode(path).decode("utf-8", "backslashreplace")
                ctx.skip(f"{shown}: skipped: file name is not valid UTF-8")
                continue
            reader = READERS.get(path.suffix.lower(), _text_file)
            if walked:
                yield from _or_skipped(reader(path, ctx), ctx)
            else:
                yield from reader(path, ctx)


def _or_skipped(documents: Iterator[Document], ctx: ReadContext) -> Iterator[Document]:
    ctx.walked_files += 1
    try:
        yield from documents
    except InputError as err:
        ctx.skipped_files += 1
        ctx.skip(f"{err}; skipped")


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
