"""JSONL corpora: one article per line; bad lines are reported by number and skipped."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from pydantic import ConfigDict, Field, ValidationError

from timeline.errors import InputError
from timeline.models import Document, DocumentInfo, Frozen
from timeline.reading.reference import resolve_reference


class JsonlRecord(Frozen):
    """The fields a corpus line may carry; other keys are ignored."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    published: date | None = None
    url: str | None = None
    title: str | None = None
    language: str = "en"


def _published_day(raw: object) -> object:
    # Accept full timestamps ("2017-02-10T14:03:00Z") and keep the publication day.
    if isinstance(raw, str) and len(raw) > 10 and raw[10] in "T ":
        return raw[:10]
    return raw


def iter_jsonl(
    lines: Iterable[bytes],
    name: str,
    ref_date: date | None,
    warn: Callable[[str], None],
    make_id: Callable[[str], str] = lambda s: s,
) -> Iterator[Document]:
    """Yield one Document per valid line, streaming; `warn` receives one message per bad line."""
    for number, raw_line in enumerate(lines, start=1):
        if not raw_line.strip():
            continue
        try:
            data = json.loads(raw_line)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            if "published" in data:
                data["published"] = _published_day(data["published"])
            record = JsonlRecord.model_validate(data)
        except (ValueError, ValidationError) as err:
            first = str(err).splitlines()[0] if str(err) else type(err).__name__
            if isinstance(err, ValidationError):
                first = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors())
            warn(f"{name}:{number}: skipped bad line ({first})")
            continue
        reference, source = resolve_reference(ref_date, record.published)
        info = DocumentInfo(
            id=make_id(record.id),
            source=f"{name}:{number}",
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
