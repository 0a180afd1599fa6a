"""A small CoNLL-U reader: sentences of gold words with character offsets in the rebuilt text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


class ConlluError(ValueError):
    """A CoNLL-U file this reader cannot read (one line, with the file and line number)."""


@dataclass(frozen=True, slots=True)
class Word:
    """One syntactic word; `start`/`end` are offsets in its sentence's rebuilt text. The words
    of a multi-word token ("don't" = do + n't) share the token's span."""

    id: int
    form: str
    lemma: str
    upos: str
    feats: dict[str, str]
    head: int  # 0 for the root
    deprel: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A gold sentence: its text rebuilt from the forms and SpaceAfter=No, and its words."""

    sent_id: str
    document: str
    text: str
    words: tuple[Word, ...]
    date: str | None = None  # the document's creation date when the file gives one
    by_id: dict[int, Word] = field(default_factory=dict, compare=False, repr=False)

    def word(self, id_: int) -> Word:
        return self.by_id[id_]

    def children(self, id_: int) -> list[Word]:
        return [w for w in self.words if w.head == id_]


def _feats(column: str) -> dict[str, str]:
    if column == "_":
        return {}
    return dict(item.split("=", 1) for item in column.split("|") if "=" in item)


def _space_after(misc: str) -> bool:
    return "SpaceAfter=No" not in misc.split("|")


def parse_conllu(content: str, source: str = "<string>") -> Iterator[Sentence]:
    """Sentences of a CoNLL-U text in order; the document id comes from `# newdoc id`."""
    document = source
    date: str | None = None
    comments: dict[str, str] = {}
    rows: list[tuple[int, list[str]]] = []
    for number, line in enumerate([*content.splitlines(), ""], start=1):
        line = line.rstrip("\r")
        if not line.strip():
            if rows:
                yield _sentence(rows, comments, document, date, source)
            rows, comments = [], {}
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition("=")
            key, value = key.strip(), value.strip()
            if key == "newdoc id":
                document, date = value, None
            elif key == "meta::dateCreated":
                date = value
            comments[key] = value
            continue
        columns = line.split("\t")
        if len(columns) != 10:
            raise ConlluError(f"{source}:{number}: expected 10 tab-separated columns, found {len(columns)}")
        rows.append((number, columns))


def _sentence(
    rows: list[tuple[int, list[str]]], comments: dict[str, str], document: str, date: str | None, source: str
) -> Sentence:
    text: list[str] = []
    position = 0
    words: list[Word] = []
    span_until = 0  # last word id covered by the current multi-word token
    span: tuple[int, int] = (0, 0)
    for number, c in rows:
        id_ = c[0]
        if "." in id_:
            continue  # empty nodes of enhanced graphs have no surface form
        if "-" in id_:
            last = id_.split("-")[1]
            start = position
            text.append(c[1])
            position += len(c[1])
            span, span_until = (start, position), int(last)
            if _space_after(c[9]):
                text.append(" ")
                position += 1
            continue
        try:
            number_id, head = int(id_), int(c[6]) if c[6] != "_" else 0
        except ValueError:
            raise ConlluError(f"{source}:{number}: bad word id or head") from None
        if number_id <= span_until:
            start, end = span
        else:
            start = position
            text.append(c[1])
            position += len(c[1])
            end = position
            if _space_after(c[9]):
                text.append(" ")
                position += 1
        words.append(Word(number_id, c[1], c[2], c[3], _feats(c[5]), head, c[7], start, end))
    rebuilt = "".join(text).rstrip(" ")
    sent_id = comments.get("sent_id", f"{document}-{len(words)}")
    return Sentence(sent_id, document, rebuilt, tuple(words), date, {w.id: w for w in words})


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Sentences of a .conllu file, or of every .conllu file in a directory (sorted by name)."""
    files = sorted(path.glob("*.conllu")) if path.is_dir() else [path]
    if not files:
        raise ConlluError(f"{path}: no .conllu file")
    for file in files:
        try:
            content = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ConlluError(f"{file}: cannot read ({error})") from None
        yield from parse_conllu(content, str(file))
