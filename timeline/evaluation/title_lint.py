"""Title lint: the share of event titles that break a rule a person writing titles never breaks.

Rules and their words are data (timeline/evaluation/data/title_lint.toml, each with examples the
tests run): one-word titles, a bad first word (clitic, relative pronoun, auxiliary,
demonstrative, conjunction), a dangling last word (preposition, determiner, conjunction,
auxiliary, or a phrase that needs its complement), a bare reporting verb ("Ministry said", "X told
CNN"). A title counts once per rule it breaks, and once overall however many it breaks.

Titles are those `timeline extract` gives (our tagger, then the event layer) for every document of
each corpus (TimeML / MEANTIME directories) or of each directory of plain-text articles (the seed):

    python -m timeline.evaluation.title_lint ../shared/corpora/te3-tbaq ../shared/corpora/meantime-en \\
        ../shared/corpora/wikiwars-train seeds
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from timeline.errors import TimelineError
from timeline.evaluation.loading import corpus_files, iter_corpus
from timeline.evaluation.timeml import CorpusError
from timeline.models import Document, DocumentInfo, ReferenceSource
from timeline.pipeline import document_events

RULES = ("one_word", "bad_first_word", "dangling_last_word", "bare_reporting_verb")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019.\-][A-Za-z0-9]+)*|['\u2019][a-z]+|\S")


@cache
def rules() -> dict[str, Any]:
    """The rule data, read once."""
    text = files("timeline.evaluation").joinpath("data").joinpath("title_lint.toml").read_text("utf-8")
    return tomllib.loads(text)


def words(title: str) -> list[str]:
    """The title's words, lowercased, punctuation dropped ("'s" and "n't" kept as words)."""
    found = [w.lower().replace("\u2019", "'") for w in _WORD.findall(title)]
    return [w for w in found if w[0].isalnum() or (w.startswith("'") and len(w) > 1)]


def broken(title: str) -> tuple[str, ...]:
    """The names of the rules a title breaks, in RULES order."""
    data = rules()
    said = words(title)
    out: list[str] = []
    if len(said) <= 1:
        out.append("one_word")
    if said and said[0] in data["bad_first_word"]["words"]:
        out.append("bad_first_word")
    dangling = data["dangling_last_word"]
    if len(said) > 1 and (
        said[-1] in dangling["words"] or any(" ".join(said).endswith(" " + p) for p in dangling["phrases"])
    ):
        out.append("dangling_last_word")
    if _bare_reporting(said, data["bare_reporting_verb"]):
        out.append("bare_reporting_verb")
    return tuple(out)


def _bare_reporting(said: list[str], rule: dict[str, Any]) -> bool:
    for i, word in enumerate(said):
        after = said[i + 1 :]
        if word in rule["speech"] and len(after) <= rule["max_after"] and "that" not in after:
            return True
        if word in rule["final"] and not after:
            return True
    return False


@dataclass
class Lint:
    """Counts of one corpus: titles, titles breaking each rule, titles breaking any."""

    name: str
    titles: int = 0
    failing: int = 0
    by_rule: Counter[str] | None = None
    examples: dict[str, list[str]] | None = None

    def add(self, title: str) -> None:
        if self.by_rule is None or self.examples is None:
            self.by_rule, self.examples = Counter(), {rule: [] for rule in RULES}
        self.titles += 1
        found = broken(title)
        self.failing += bool(found)
        for rule in found:
            self.by_rule[rule] += 1
            self.examples[rule].append(title)


def _plain_documents(root: Path) -> Iterator[Document]:
    from timeline.reading import read_inputs

    documents, _ = read_inputs([str(root)])
    yield from documents


def documents(root: Path) -> Iterator[Document]:
    """The documents of a corpus directory, or of a directory of plain-text articles."""
    if root.is_dir() and not corpus_files(root):
        yield from _plain_documents(root)
        return
    for doc in iter_corpus(root):
        info = DocumentInfo(
            id=doc.id, reference_date=doc.reference_date, reference_source=ReferenceSource.METADATA
        )
        yield Document(info=info, text=doc.text)


def lint(name: str, docs: Iterable[Document]) -> Lint:
    result = Lint(name)
    for document in docs:
        for event in document_events(document):
            result.add(event.title)
    return result


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}" if b else "    -"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m timeline.evaluation.title_lint", description=__doc__)
    parser.add_argument("corpora", nargs="+", type=Path, help="corpus or plain-text article directories")
    parser.add_argument("--examples", type=int, default=0, help="print this many failing titles per rule")
    args = parser.parse_args(argv)
    print(f"{'corpus':<16} {'titles':>6} " + " ".join(f"{r[:12]:>12}" for r in RULES) + f" {'any':>6}")
    totals = Lint("all")
    for root in args.corpora:
        try:
            result = lint(root.name, documents(root))
        except (CorpusError, TimelineError, OSError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        by_rule = result.by_rule or Counter()
        cells = " ".join(f"{_pct(by_rule[r], result.titles):>12}" for r in RULES)
        print(f"{root.name:<16} {result.titles:>6} {cells} {_pct(result.failing, result.titles):>6}")
        totals.titles += result.titles
        totals.failing += result.failing
        totals.by_rule = (totals.by_rule or Counter()) + by_rule
        for rule in RULES if args.examples else ():
            for title in (result.examples or {}).get(rule, [])[: args.examples]:
                print(f"    {rule}: {title}")
    by_rule = totals.by_rule or Counter()
    cells = " ".join(f"{_pct(by_rule[r], totals.titles):>12}" for r in RULES)
    print(f"{'all':<16} {totals.titles:>6} {cells} {_pct(totals.failing, totals.titles):>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
