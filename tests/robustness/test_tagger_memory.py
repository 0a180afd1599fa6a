"""The tagger's working memory is bounded by what it finds (issue 17, item 4).

Measured with tracemalloc, never with a clock. The tagger kept a list of every rule match (each
holding the offsets of all the rules' groups) and a set of every start it tried: on dense digits
and punctuation its peak was 86 bytes per input byte where its result took 43, and 17 where it
found nothing. Now its peak is its result plus a few bytes per input byte (the text it scans
with a space in front).
"""

from __future__ import annotations

import gc
import tracemalloc

import pytest

from timeline.settings import TaggerSettings
from timeline.tagging import tag

SIZE = 100_000
# What the tagger may use beyond its result: per input byte, a padded copy of the text (1 per
# ASCII character) and small bounded state; per expression found, the lists it is gathered in.
PER_BYTE = 2
PER_FOUND = 32

DENSE = {
    "slashes": "1/1/1/1 ",
    "dots": "1.1.1.1.",
    "years": "2017 ",
    "times": "10:30 ",
    "full dates": "Jan. 3, 2017; ",
    "numeric dates": "2014-11-12 ",
    "digits and commas": "1, 2, 3, ",
}


def repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


@pytest.mark.parametrize("unit", DENSE.values(), ids=DENSE.keys())
def test_tagger_peak_memory_is_its_result_plus_a_few_bytes_per_input_byte(unit: str) -> None:
    settings = TaggerSettings()
    tag(repeat(unit, 1_000), settings)  # rules compiled and caches warm before measuring
    text = repeat(unit, SIZE)
    gc.collect()
    tracemalloc.start()
    try:
        found = tag(text, settings)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak - kept <= PER_BYTE * SIZE + PER_FOUND * len(found), (
        f"peak {peak / SIZE:.1f} B/byte, result {kept / SIZE:.1f} B/byte ({len(found)} expressions)"
    )
