"""Command line: `python -m timeline.evaluation.syntax CORPUS...` prints the figure table."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from timeline.evaluation.syntax.conllu import ConlluError, Sentence, read_conllu
from timeline.evaluation.syntax.report import failures, table
from timeline.evaluation.syntax.scoring import Tally, score_sentence

DECISIONS = ("date", "nearest", "subject", "subject.phrase", "clause", "reported", "voice", "voice.title")


def corpus_files(path: Path) -> list[Path]:
    """The files of a corpus: a file as given; in a UD directory its dev split when it has one
    (EWT: never train or test), else its test split (PUD), else every .conllu file (GUM news)."""
    if not path.is_dir():
        return [path]
    files = sorted(path.glob("*.conllu"))
    for split in ("-ud-dev.conllu", "-ud-test.conllu"):
        chosen = [f for f in files if f.name.endswith(split)]
        if chosen:
            return chosen
    return files


def sentences(path: Path) -> Iterator[Sentence]:
    files = corpus_files(path)
    if not files:
        raise ConlluError(f"{path}: no .conllu file")
    for file in files:
        yield from read_conllu(file)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m timeline.evaluation.syntax", description=__doc__)
    parser.add_argument("corpora", nargs="+", type=Path, help="UD .conllu files or directories")
    parser.add_argument(
        "--failures", type=int, default=0, metavar="N", help="list N failing cases per decision"
    )
    parser.add_argument("--decision", action="append", choices=DECISIONS, help="which decisions to list")
    parser.add_argument(
        "--classes",
        choices=("lists", "perceptron", "perceptron-ambiguous"),
        default="lists",
        help="word classes from the engine's word lists, from the EWT perceptron, or from the perceptron "
        "for the words the lists could make a verb, auxiliary or event noun only (measurement only)",
    )
    args = parser.parse_args(argv)
    if args.classes != "lists":
        from timeline.evaluation.syntax.adapter import use_perceptron

        use_perceptron(ambiguous_only=args.classes == "perceptron-ambiguous")
    names: list[str] = []
    tallies: list[Tally] = []
    try:
        for path in args.corpora:
            if not path.exists():
                raise ConlluError(f"{path}: no such file or directory")
            tally = Tally()
            for sentence in sentences(path):
                score_sentence(sentence, tally)
            names.append(path.name.removesuffix(".conllu"))
            tallies.append(tally)
    except ConlluError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(table(names, tallies))
    if args.failures:
        for name, tally in zip(names, tallies, strict=True):
            for decision in args.decision or DECISIONS:
                listed = failures(tally.examples, decision, args.failures)
                if listed:
                    print(f"\n### {name}: {decision} failures\n{listed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
