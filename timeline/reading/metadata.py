"""The JSON metadata sidecar (`<article>.meta.json`) that travels with a text article."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ConfigDict, ValidationError
from pydantic_core import PydanticSerializationError

from timeline.errors import InputError
from timeline.models import Frozen

SIDECAR_SUFFIX = ".meta.json"
_UNREADABLE = (
    OSError,
    UnicodeDecodeError,
    json.JSONDecodeError,
    ValidationError,
    PydanticSerializationError,  # a lone surrogate
    RecursionError,  # JSON nested too deeply
)


class Sidecar(Frozen):
    """Publisher metadata of an article; unknown keys are kept out of the contract but tolerated."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    published_note: str | None = None
    language: str | None = None
    url: str | None = None


def sidecar_path(article: Path) -> Path:
    return article.with_name(article.stem + SIDECAR_SUFFIX)


def read_sidecar(article: Path) -> Sidecar | None:
    path = sidecar_path(article)
    if not path.is_file():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
        sidecar = Sidecar.model_validate(raw)
        # a lone surrogate ("\ud800" is valid JSON) could be written into no export
        sidecar.model_dump_json()
        return sidecar
    except (
        OSError,
        UnicodeDecodeError,
        json.JSONDecodeError,
        ValidationError,
        PydanticSerializationError,
        RecursionError,
    ) as err:
        first = str(err).splitlines()[0]
        raise InputError(f"{path}: unreadable metadata sidecar ({first})") from None
