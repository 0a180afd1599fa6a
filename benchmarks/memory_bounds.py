"""What could make corpus mode's memory grow with the corpus, measured one by one (issue 6).

    .venv/bin/python benchmarks/memory_bounds.py

Corpus mode streams documents, so its memory can grow only through state kept across documents:
(1) caches keyed by words or strings — a real archive keeps bringing new words, which the TBAQ-made
test corpora do not — and (2) per-document bookkeeping while reading (document ids kept to make
them unique). This script feeds each of them far more distinct input than a benchmark corpus
would and reports the resident memory it costs, so the 1 GB extrapolation rests on measurements.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import string
import time
from collections.abc import Iterator
from datetime import date

MB = 1_000_000


def rss() -> int:
    import psutil

    return int(psutil.Process().memory_info().rss)


def nonsense_words(count: int, rng: random.Random) -> list[str]:
    """Distinct made-up words, half capitalised (names), so every word-keyed cache misses."""
    seen: set[str] = set()
    while len(seen) < count:
        word = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(5, 10)))
        seen.add(word.capitalize() if rng.random() < 0.5 else word)
    return sorted(seen)


def documents_with(words: list[str], per_document: int) -> Iterator[str]:
    """News-like sentences (a date, a verb) around the new words, so every stage sees them."""
    for start in range(0, len(words), per_document):
        chunk = words[start : start + per_document]
        sentences = [
            f"On March {1 + n % 28}, 2014, {' '.join(chunk[n : n + 6])} announced the merger."
            for n in range(0, len(chunk), 6)
        ]
        yield " ".join(sentences)


def probe_word_caches(steps: list[int]) -> list[tuple[int, float, float]]:
    """(distinct words seen, RSS MB, seconds) after each step of ever more new vocabulary."""
    from timeline.pipeline import document_events, text_document

    rng = random.Random(6)
    words = nonsense_words(max(steps), rng)
    document_events(text_document("On March 3, 2014, the ministers met.", date(2014, 3, 6)))
    rows = [(0, rss() / MB, 0.0)]
    done = 0
    started = time.perf_counter()
    for step in steps:
        for text in documents_with(words[done:step], 600):
            document_events(text_document(text, date(2014, 3, 6)))
        done = step
        gc.collect()
        rows.append((step, rss() / MB, time.perf_counter() - started))
    return rows


def probe_document_ids(count: int) -> tuple[float, float]:
    """RSS MB kept by reading `count` JSONL documents (whose Documents are dropped at once)."""
    import tempfile
    from pathlib import Path

    from timeline.reading.sources import ReadContext, _jsonl_file  # the reader corpus mode uses

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ids.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for n in range(count):
                out.write(
                    json.dumps({"id": f"article-{n:09d}", "text": "x", "published": "2014-03-06"}) + "\n"
                )
        gc.collect()
        before = rss()
        ctx = ReadContext()
        for document in _jsonl_file(path, ctx):
            del document
        gc.collect()
        after = rss()
        return (after - before) / MB, len(ctx.taken_ids)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--words", default="25000,50000,100000,200000,400000")
    parser.add_argument("--documents", type=int, default=500_000)
    args = parser.parse_args()
    steps = [int(s) for s in args.words.split(",")]

    print("## Word-keyed caches: RSS of one process after ever more distinct new words")
    print("| distinct new words | RSS MB | seconds |")
    print("|---|---|---|")
    for words, resident, seconds in probe_word_caches(steps):
        print(f"| {words:,} | {resident:.1f} | {seconds:.1f} |", flush=True)

    print(f"\n## Reading {args.documents:,} JSONL documents (ids of the form article-000000001)")
    kept, ids = probe_document_ids(args.documents)
    each = kept * MB / max(ids, 1)
    print(f"RSS kept after reading: {kept:.1f} MB ({ids:,} ids remembered; {each:.0f} bytes each)")


if __name__ == "__main__":
    main()
