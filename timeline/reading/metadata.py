"""The JSON metadata sidecar (`<article>.meta.json`) that travels with a text article."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ConfigDict, ValidationError

from timeline.errors import InputError
from timeline.models import Frozen

SIDECAR_SUFFIX = ".meta.json"


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
        return Sidecar.model_validate(raw)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValidationError) as err:
        first = str(err).splitlines()[0]
        raise InputError(f"{path}: unreadable metadata sidecar ({first})") from None
