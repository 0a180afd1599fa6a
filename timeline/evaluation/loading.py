"""Load a corpus directory: TimeML .tml files and/or MEANTIME CAT .xml files, found recursively."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from timeline.evaluation.corpus import CorpusDocument
from timeline.evaluation.meantime import read_meantime
from timeline.evaluation.timeml import CorpusError, read_timeml


def _is_meantime(path: Path) -> bool:
    # CAT files start with <Document ...>; other XML (schemas, READMEs) is not a corpus document.
    with path.open("rb") as handle:
        head = handle.read(512)
    return b"<Document" in head


def corpus_files(root: Path) -> list[Path]:
    """The corpus documents under `root` (or `root` itself), in a stable order."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise CorpusError(f"{root}: no such corpus directory")
    files = [p for p in root.rglob("*") if p.is_file() and p.suffix in {".tml", ".xml"}]
    return sorted(p for p in files if p.suffix == ".tml" or _is_meantime(p))


def read_document(path: Path) -> CorpusDocument:
    return read_timeml(path) if path.suffix == ".tml" else read_meantime(path)


def iter_corpus(root: Path, limit: int | None = None) -> Iterator[CorpusDocument]:
    files = corpus_files(root)
    if not files:
        raise CorpusError(f"{root}: no .tml or MEANTIME .xml documents found")
    for path in files[:limit]:
        yield read_document(path)


def load_corpus(root: Path, limit: int | None = None) -> list[CorpusDocument]:
    """Every document under `root` (the first `limit` in path order when given)."""
    return list(iter_corpus(root, limit))
