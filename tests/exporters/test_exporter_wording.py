"""Dates in words read the same in every export: "late 1980s", never "late the 1980s"."""

from __future__ import annotations

from datetime import date

import pytest

from timeline import exporters
from timeline.exporters import ExportOptions
from timeline.models import Anchoring, Granularity, Mod, Timeline, TimeValue


@pytest.mark.parametrize("name", exporters.names())
def test_a_modified_decade_reads_late_1980s_everywhere(name: str, timeline: Timeline) -> None:
    when = TimeValue(
        value="198",
        granularity=Granularity.DECADE,
        start=date(1980, 1, 1),
        end=date(1989, 12, 31),
        anchoring=Anchoring.EXPLICIT,
        mod=Mod.END,
    )
    event = timeline.events[0].model_copy(update={"date": when, "sentence": "It began long ago."})
    data = exporters.get(name).export(timeline.model_copy(update={"events": (event,)}), ExportOptions())
    text = data.decode("utf-8").replace("\r\n ", "")  # unfold ICS lines
    assert "late the 1980s" not in text
    if name != "jsonl" and name != "json":  # the JSON formats hold the value, not words
        assert "late 1980s" in text
