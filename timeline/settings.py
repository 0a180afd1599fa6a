"""All user-tunable options, validated once and passed explicitly to every stage."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from timeline.errors import OptionError
from timeline.models import Frozen

DocumentType = Literal["news", "narrative", "auto"]
DOCUMENT_TYPES: tuple[DocumentType, ...] = ("news", "narrative", "auto")


def parse_document_type(text: str) -> DocumentType:
    """A --document-type value, checked."""
    value = text.strip().lower()
    if value not in DOCUMENT_TYPES:
        raise OptionError(f"invalid --document-type {text!r}: expected news, narrative or auto")
    return value


class TaggerSettings(Frozen):
    """Options of the temporal tagger and resolver."""

    language: str = Field("en", description="ISO 639-1 language of the text")
    day_first: bool = Field(False, description="read 10/11/2014 as 10 November (day first)")
    anchor_to_previous: bool = Field(
        True, description="anchor 'two days later'-style expressions to the previous date in the text"
    )

    @field_validator("language")
    @classmethod
    def _shipped_language(cls, tag: str) -> str:
        # "en-US" means "en"; an unknown language fails here, never as a path to rule files
        from timeline.tagging.resources import supported_language

        return supported_language(tag)

    document_type: DocumentType = Field(
        "auto",
        description="news: year-less and relative dates resolve against the reference date; "
        "narrative (history, biography): against the last date the text mentioned; auto: detected",
    )
