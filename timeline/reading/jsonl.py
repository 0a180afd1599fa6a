"""JSONL corpora: one article per line; bad lines are reported by number and skipped."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from pydantic import ConfigDict, Field, ValidationError

from timeline.errors import InputError, LanguageError
from timeline.models import Document, DocumentInfo, Frozen
from timeline.reading.reference import parse_published, resolve_reference
from timeline.tagging.resources import supported_language

# What a line too long to read is replaced by (see `iter_jsonl`).
TOO_LONG = None


class JsonlRecord(Frozen):
    """The fields a corpus line may carry; other keys are ignored."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    url: str | None = None
    title: str | None = None
    language: str = "en"


def _published(raw: object, where: str, warn: Callable[[str], None]) -> date | None:
    """The publication day of a line; a bad value drops this field only, with a warning."""
    if raw is None:
        return None
    try:
        if not isinstance(raw, str):
            raise InputError(f"{where}: published date {raw!r} is not a string")
        return parse_published(raw, where)
    except InputError as err:
        warn(f"{err}; ignored")
        return None


def _unencodable_field(record: JsonlRecord) -> str | None:
    """The first field holding a lone surrogate ("\\ud800" is valid JSON, not valid text): no
    export could write it."""
    for name in ("id", "title", "url", "language", "text"):
        value = getattr(record, name)
        if value is None:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return name
    return None


def _decoded(raw_line: bytes | str, codec: str) -> str:
    if isinstance(raw_line, str):
        return raw_line
    try:
        return raw_line.decode(codec)
    except UnicodeDecodeError as err:
        raise ValueError(
            f"not valid {codec} (byte 0x{raw_line[err.start]:02x} at offset {err.start}); pass --encoding"
        ) from None


def iter_jsonl(
    lines: Iterable[bytes | str | None],
    name: str,
    ref_date: date | None,
    warn: Callable[[str], None],
    make_id: Callable[[str], str] = lambda s: s,
    codec: str = "utf-8-sig",
    note: Callable[[str], None] | None = None,
) -> Iterator[Document]:
    """Yield one Document per valid line, streaming.

    `warn` receives one message per skipped line (`TOO_LONG` stands for a line the reader
    would not hold in memory), `note` (default: `warn`) one per dropped field.
    """
    note = note or warn
    for number, raw_line in enumerate(lines, start=1):
        where = f"{name}:{number}"
        if raw_line is TOO_LONG:
            warn(f"{where}: skipped line longer than --max-bytes")
            continue
        if not raw_line.strip():
            continue
        try:
            data = json.loads(_decoded(raw_line, codec))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            record = JsonlRecord.model_validate(data)
            bad_field = _unencodable_field(record)
            if bad_field is not None:
                raise ValueError(f"{bad_field}: lone surrogate, not text")
            supported_language(record.language)
        except RecursionError:
            warn(f"{where}: skipped bad line (JSON nested too deeply)")
            continue
        except (ValueError, ValidationError) as err:
            first = str(err).splitlines()[0] if str(err) else type(err).__name__
            if isinstance(err, ValidationError):
                first = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors())
            elif isinstance(err, LanguageError):
                first = f"language: {err}"
            warn(f"{where}: skipped bad line ({first})")
            continue
        published = _published(data.get("published"), where, note)
        reference, source = resolve_reference(ref_date, published)
        info = DocumentInfo(
            id=make_id(record.id),
            source=where,
            title=record.title,
            url=record.url,
            language=record.language,
            reference_date=reference,
            reference_source=source,
        )
        yield Document(info=info, text=record.text)


def require_documents(count: int, name: str) -> None:
    if count == 0:
        raise InputError(f"{name}: no valid documents in this JSONL file")
