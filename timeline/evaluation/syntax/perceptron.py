"""An averaged-perceptron UPOS tagger (pure Python), trained on UD English EWT train: a measured
alternative to the word lists, never wired into the engine here.

Greedy left-to-right tagging over a word and its neighbours (forms, suffixes, shape, the two
previous predicted tags), with a tag dictionary for frequent unambiguous words (Collins 2002;
the feature set follows Honnibal's "A good part-of-speech tagger in about 200 lines of Python").

Train (never in CI; about 10 minutes on one core), then measure:

    python -m timeline.evaluation.syntax.perceptron train \
        ../shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu
    python -m timeline.evaluation.syntax.perceptron score \
        ../shared/corpora/ud-english-ewt ../shared/corpora/ud-english-pud

The model (data/upos_perceptron.json.gz) is derived from UD English EWT, CC BY-SA 4.0 (see
data/upos_perceptron.md for the attribution, the config and its scores).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path

CONFIG = {
    "iterations": 6,
    "seed": 1,
    "tagdict_min_count": 20,
    "tagdict_min_share": 0.97,
    "prune_below": 0.5,  # averaged weights of smaller magnitude are dropped from the saved model
}
MODEL = "upos_perceptron.json.gz"
_START, _END = ("-START-", "-START2-"), ("-END-", "-END2-")


def _normalize(word: str) -> str:
    if word.isdigit() and len(word) == 4:
        return "!YEAR"
    if word[:1].isdigit():
        return "!DIGITS"
    return word.lower()


def _shape(word: str) -> str:
    if word[:1].isupper():
        return "X" if word.isupper() and len(word) > 1 else "Xx"
    if any(c.isdigit() for c in word):
        return "d"
    if "-" in word:
        return "x-x"
    return "x" if word[:1].isalpha() else "."


def features(i: int, words: Sequence[str], context: Sequence[str], prev: str, prev2: str) -> list[str]:
    """Features of words[i]; `context` is the normalized words with two pads on each side."""
    word = context[i + 2]
    raw = words[i]
    return [
        "b",
        "s3 " + word[-3:],
        "s2 " + word[-2:],
        "p1 " + word[:1],
        "w " + word,
        "sh " + _shape(raw),
        "t1 " + prev,
        "t2 " + prev2 + " " + prev,
        "t1w " + prev + " " + word,
        "w-1 " + context[i + 1],
        "s-1 " + context[i + 1][-3:],
        "w-2 " + context[i],
        "w+1 " + context[i + 3],
        "s+1 " + context[i + 3][-3:],
        "w+2 " + context[i + 4],
        "first" if i == 0 else "in",
    ]


def _by_score(item: tuple[str, float]) -> tuple[float, str]:
    return item[1], item[0]


class Tagger:
    """The model: weights (feature -> tag -> weight), the tag dictionary and the tag set."""

    def __init__(
        self, weights: dict[str, dict[str, float]], tagdict: dict[str, str], tags: list[str]
    ) -> None:
        self.weights = weights
        self.tagdict = tagdict
        self.tags = tags

    def tag(self, words: Sequence[str], guesses: Sequence[str | None] | None = None) -> list[str]:
        """The words' tags; where `guesses` gives a tag, it is taken without scoring (the word
        lists' cheap answer for words they are sure of: speed)."""
        context = [*_START, *(_normalize(w) for w in words), *_END]
        prev, prev2 = _START
        out: list[str] = []
        for i, word in enumerate(words):
            tag = self.tagdict.get(word)
            if tag is None and guesses is not None:
                tag = guesses[i]
            if tag is None:
                tag = self._best(features(i, words, context, prev, prev2))
            out.append(tag)
            prev2, prev = prev, tag
        return out

    def _best(self, feats: Iterable[str]) -> str:
        """The highest-scoring tag, ties to the greatest tag name; tags no feature weighs score 0."""
        scores: dict[str, float] = {}
        get = self.weights.get
        for feat in feats:
            row = get(feat)
            if row:
                for tag, weight in row.items():
                    scores[tag] = scores.get(tag, 0.0) + weight
        # only when no scored tag is above zero can an unscored one win (speed: usually not)
        if len(scores) < len(self.tags) and (not scores or max(scores.values()) <= 0):
            for tag in self.tags:
                scores.setdefault(tag, 0.0)
        return max(scores.items(), key=_by_score)[0]

    def to_json(self) -> dict[str, object]:
        return {"config": CONFIG, "tags": self.tags, "tagdict": self.tagdict, "weights": self.weights}


@cache
def load() -> Tagger:
    """The committed model."""
    data = json.loads(
        gzip.decompress(files("timeline.evaluation.syntax").joinpath("data", MODEL).read_bytes())
    )
    return Tagger(data["weights"], data["tagdict"], data["tags"])


def train(sentences: list[tuple[list[str], list[str]]], config: dict[str, float] = CONFIG) -> Tagger:
    """An averaged perceptron over (words, tags) sentences; deterministic for a given seed."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for words, tags in sentences:
        for word, tag in zip(words, tags, strict=True):
            counts[word][tag] += 1
    tagdict = {}
    for word, tag_counts in counts.items():
        tag, n = tag_counts.most_common(1)[0]
        total = sum(tag_counts.values())
        if total >= config["tagdict_min_count"] and n / total >= config["tagdict_min_share"]:
            tagdict[word] = tag
    tags = sorted({t for _, ts in sentences for t in ts})
    weights: dict[str, dict[str, float]] = defaultdict(dict)
    totals: dict[tuple[str, str], float] = defaultdict(float)
    stamps: dict[tuple[str, str], int] = defaultdict(int)
    model = Tagger(weights, tagdict, tags)
    step = 0
    order = list(sentences)
    rng = random.Random(config["seed"])

    def update(feat: str, tag: str, delta: float) -> None:
        key = (feat, tag)
        row = weights[feat]
        totals[key] += (step - stamps[key]) * row.get(tag, 0.0)
        stamps[key] = step
        row[tag] = row.get(tag, 0.0) + delta

    for iteration in range(int(config["iterations"])):
        right = seen = 0
        for words, gold in order:
            context = [*_START, *(_normalize(w) for w in words), *_END]
            prev, prev2 = _START
            for i, word in enumerate(words):
                guess = tagdict.get(word)
                if guess is None:
                    feats = features(i, words, context, prev, prev2)
                    guess = model._best(feats)
                    if guess != gold[i]:
                        for feat in feats:
                            update(feat, gold[i], 1.0)
                            update(feat, guess, -1.0)
                step += 1
                right += guess == gold[i]
                seen += 1
                prev2, prev = prev, guess
        print(f"iteration {iteration + 1}: {100 * right / seen:.2f}% on train", file=sys.stderr)
        rng.shuffle(order)
    averaged: dict[str, dict[str, float]] = {}
    for feat, row in weights.items():
        kept = {}
        for tag, weight in row.items():
            key = (feat, tag)
            accumulated = totals[key] + (step - stamps[key]) * weight
            kept[tag] = round(accumulated / step, 3)
        kept = {t: w for t, w in kept.items() if abs(w) >= config["prune_below"]}
        if kept:
            averaged[feat] = kept
    return Tagger(averaged, tagdict, tags)


def _gold(path: Path) -> list[tuple[list[str], list[str]]]:
    from timeline.evaluation.syntax.conllu import read_conllu

    return [([w.form for w in s.words], [w.upos for w in s.words]) for s in read_conllu(path)]


ROUNDS = 3


def _speed(roots: Sequence[Path]) -> int:
    """Extraction MB/s per core (CPU time) over the corpora with the word lists and with the
    perceptron's classes, alternated ROUNDS times (the best round of each: the shared machine's
    load varies), and the tagger alone over every token of the text."""
    import time

    from timeline.evaluation.syntax import adapter
    from timeline.evaluation.title_lint import documents
    from timeline.events.tokens import tokenize
    from timeline.pipeline import document_events

    docs = [d for root in roots for d in documents(root)]
    size = sum(len(d.text.encode()) for d in docs) / 1e6
    tagger = load()
    best = {"word lists": float("inf"), "perceptron kinds": float("inf"), "ambiguous only": float("inf")}
    for _ in range(ROUNDS):
        for variant in best:
            if variant == "word lists":
                adapter.use_word_lists()
            else:
                adapter.use_perceptron(ambiguous_only=variant == "ambiguous only")
            document_events(docs[0])  # warm the caches and lazy imports alike
            start = time.process_time()
            for d in docs:
                document_events(d)
            best[variant] = min(best[variant], time.process_time() - start)
    adapter.use_word_lists()
    start = time.process_time()
    for d in docs:
        tagger.tag([t.text for t in tokenize(d.text)])
    alone = time.process_time() - start
    print(f"{len(docs)} documents, {size:.2f} MB; best of {ROUNDS} alternated rounds, CPU time")
    for variant, seconds in best.items():
        print(f"extraction, {variant + ':':<18} {size / seconds:.3f} MB/s")
    print(f"perceptron alone, every token: {size / alone:.3f} MB/s")
    for variant in ("perceptron kinds", "ambiguous only"):
        print(f"ratio {variant} / word lists: {best['word lists'] / best[variant]:.2f}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m timeline.evaluation.syntax.perceptron", description=__doc__
    )
    sub = parser.add_subparsers(dest="command", required=True)
    trainer = sub.add_parser("train", help="train on a CoNLL-U file and write the model")
    trainer.add_argument("conllu", type=Path)
    trainer.add_argument("--out", type=Path, default=Path(__file__).parent / "data" / MODEL)
    scorer = sub.add_parser("score", help="UPOS accuracy of the model on gold words")
    scorer.add_argument("corpora", nargs="+", type=Path)
    timer = sub.add_parser(
        "speed", help="MB/s (CPU time) of extraction with the word lists, then the perceptron"
    )
    timer.add_argument("corpora", nargs="+", type=Path, help="TimeML / MEANTIME / plain-text directories")
    args = parser.parse_args(argv)
    if args.command == "speed":
        return _speed(args.corpora)
    if args.command == "train":
        model = train(_gold(args.conllu))
        args.out.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps(model.to_json(), sort_keys=True, separators=(",", ":")).encode()
        args.out.write_bytes(gzip.compress(payload, mtime=0))
        print(f"{args.out}: {len(model.weights)} features, {args.out.stat().st_size} bytes")
        return 0
    from timeline.evaluation.syntax.__main__ import corpus_files

    tagger = load()
    for root in args.corpora:
        right = total = 0
        for file in corpus_files(root):
            for words, gold in _gold(file):
                guessed = tagger.tag(words)
                right += sum(g == t for g, t in zip(guessed, gold, strict=True))
                total += len(gold)
        print(f"{root.name}: UPOS accuracy {100 * right / total:.2f} on {total} gold words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
