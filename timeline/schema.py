"""The JSON Schema of the timeline JSON export, named by its dialect and an id of its version."""

from __future__ import annotations

from typing import Any

from timeline.models import SCHEMA_VERSION, Timeline

# pydantic writes JSON Schema draft 2020-12; validators pick the dialect from $schema.
DIALECT = "https://json-schema.org/draft/2020-12/schema"
# A URN, not a URL: the schema is shipped with the tool, never fetched, and a URN cannot dangle.
SCHEMA_ID = f"urn:timeline:schema:timeline:{SCHEMA_VERSION}"


def timeline_schema() -> dict[str, Any]:
    schema = Timeline.model_json_schema()
    return {"$schema": DIALECT, "$id": SCHEMA_ID, **schema}
