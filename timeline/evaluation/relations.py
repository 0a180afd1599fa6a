"""TimeML TLINK relation types and their inverses (to read every link with the event as source)."""

from __future__ import annotations

_PAIRS = {
    "BEFORE": "AFTER",
    "IBEFORE": "IAFTER",
    "INCLUDES": "IS_INCLUDED",
    "BEGINS": "BEGUN_BY",
    "ENDS": "ENDED_BY",
    "DURING": "DURING_INV",
}
INVERSE: dict[str, str] = {**_PAIRS, **{b: a for a, b in _PAIRS.items()}}


def inverse(rel_type: str) -> str:
    """The relation read the other way round; symmetric ones (SIMULTANEOUS, IDENTITY) are their own."""
    return INVERSE.get(rel_type, rel_type)
