"""Bounds on what one run reads, shared by the readers and the CLI (which must not import them)."""

from __future__ import annotations

# The largest document read (a file, standard input, or one JSONL line): a news article is
# rarely over 200 kB, and the tagger needs up to ~150 bytes of memory per input byte, so 10 MB
# stays within about 1.5 GB. A larger document is skipped with a warning (--max-bytes).
DEFAULT_MAX_BYTES = 10_000_000
