"""Timeline mode keeps what the timeline needs, not every document read (issue 17, item 5).

1,000,000 tiny documents took 7.3 GB in timeline mode: the CLI read every Document (text
included) before starting, and the pipeline kept every DocumentInfo. Documents now stream through
and the timeline lists the documents its events come from. Memory is measured with tracemalloc,
never with a clock; benchmarks/scale.py measures the real runs.
"""

from __future__ import annotations

import gc
import json
import tracemalloc
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from timeline.cli.app import app
from timeline.models import Document, Timeline
from timeline.pipeline import build_timeline, text_document

# Bytes a document without events may still cost when read: its id, kept to make later ids
# unique (about its length plus 20), and the overallocation of that index.
PER_DOCUMENT = 120


def _undated(count: int, dated_every: int = 0) -> Iterator[Document]:
    for n in range(count):
        dated = dated_every and n % dated_every == 0
        text = f"The council met on March {n % 28 + 1}, 2016." if dated else "Nothing happened here."
        yield text_document(text, date(2016, 6, 1), doc_id=f"doc{n}")


def _peak(run: object) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        run()  # type: ignore[operator]
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_timeline_lists_only_the_documents_its_events_come_from() -> None:
    timeline = build_timeline(_undated(30, dated_every=10))
    assert [info.id for info in timeline.documents] == ["doc0", "doc10", "doc20"]
    assert {m.document_id for e in timeline.events for m in e.mentions} == {"doc0", "doc10", "doc20"}


def test_documents_without_events_cost_no_memory_in_the_pipeline() -> None:
    build_timeline(_undated(10, dated_every=5))  # warm
    small = _peak(lambda: build_timeline(_undated(1_000, dated_every=500)))
    large = _peak(lambda: build_timeline(_undated(5_000, dated_every=2_500)))
    assert large - small <= PER_DOCUMENT * 4_000, f"1,000 documents: {small:,} B, 5,000: {large:,} B"


def _jsonl(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            text = "The council met on March 3, 2016." if n == 0 else "Nothing happened here."
            out.write(json.dumps({"id": f"doc{n}", "text": text, "published": "2016-06-01"}) + "\n")
    return path


def test_the_extract_command_streams_documents_in_timeline_mode(tmp_path: Path) -> None:
    runner = CliRunner()

    def extract(corpus: Path) -> None:
        result = runner.invoke(app, ["extract", str(corpus), "-f", "json", "-o", str(tmp_path / "out.json")])
        assert result.exit_code == 0, result.output

    extract(_jsonl(tmp_path / "warm.jsonl", 10))
    small = _peak(lambda: extract(_jsonl(tmp_path / "small.jsonl", 1_000)))
    large = _peak(lambda: extract(_jsonl(tmp_path / "large.jsonl", 5_000)))
    assert large - small <= PER_DOCUMENT * 4_000, f"1,000 documents: {small:,} B, 5,000: {large:,} B"
    written = Timeline.model_validate_json((tmp_path / "out.json").read_bytes())
    assert [info.id for info in written.documents] == ["doc0"]
