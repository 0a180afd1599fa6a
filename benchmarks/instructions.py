"""Instructions one pass over unseen news costs, counted by valgrind: speed comparisons immune to load.

    .venv/bin/python benchmarks/instructions.py                      # the working tree
    .venv/bin/python benchmarks/instructions.py --rev HEAD --rev 2903264   # committed versions
    .venv/bin/python benchmarks/instructions.py --rev HEAD --compiled      # the mypyc build of HEAD
    .venv/bin/python benchmarks/instructions.py --tree /path/to/a/copy     # any other tree

Wall and CPU times on this shared 2-core machine swing by ±10-20% with other work; instruction
counts do not. Each version runs twice under `valgrind --tool=cachegrind`: once warming up on
MEANTIME only (imports, rule compilation, word lists, the first texts), once doing the same and
then one pass over TBAQ (tag, resolve, events, assembly, one JSON line per event). The difference
is the cost of TBAQ's 0.53 MB to a process that has never seen that text: caches keyed by text
cannot flatter it. Needs valgrind (Debian: `apt install valgrind`); a run takes a few minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def one_pass(shared: Path, with_tbaq: bool) -> None:
    """What runs under valgrind: the warm-up on MEANTIME, then (with_tbaq) one pass over TBAQ."""
    from timeline.assemble import assemble
    from timeline.evaluation.loading import load_corpus
    from timeline.events import detect_events
    from timeline.exporters.jsonl_exporter import event_line
    from timeline.pipeline import text_document
    from timeline.settings import TaggerSettings
    from timeline.temporal import annotate

    meantime = load_corpus(shared / "meantime-en")
    tbaq = load_corpus(shared / "te3-tbaq")  # read in both runs, so only the pass differs
    for corpus in (meantime, tbaq) if with_tbaq else (meantime,):
        for doc in corpus:
            document = text_document(doc.text, doc.reference_date, doc_id=doc.id)
            settings = TaggerSettings(language=document.info.language)
            timexes = annotate(document.text, document.info.reference_date, settings)
            for event in assemble([document.info], detect_events(document, timexes)).events:
                event_line(event)


def count(tree: Path, shared: Path, with_tbaq: bool) -> int:
    """Instructions of one `one_pass` run of the package in `tree`."""
    mode = "tbaq" if with_tbaq else "warm-only"
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        str(Path(__file__).resolve()),
        "--run",
        mode,
        "--shared",
        str(shared),
    ]
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    found = _REFS.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"valgrind run failed ({' '.join(command)}): {done.stderr.strip()[-500:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rev", action="append", default=[], help="a committed version (repeatable)")
    parser.add_argument(
        "--tree", action="append", type=Path, default=[], help="a directory holding `timeline/`"
    )
    parser.add_argument(
        "--compiled", action="store_true", help="build each --rev as TIMELINE_COMPILE=1 does (mypyc)"
    )
    parser.add_argument("--shared", type=Path, default=SHARED, help="the corpora directory")
    parser.add_argument("--run", choices=("tbaq", "warm-only"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run is not None:  # inside valgrind
        one_pass(args.shared, args.run == "tbaq")
        return
    if not (args.shared / "te3-tbaq").is_dir() or not (args.shared / "meantime-en").is_dir():
        raise SystemExit(f"TBAQ and MEANTIME are needed under {args.shared}")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from throughput import snapshot  # the same `git archive` snapshots as the throughput benchmark

    versions: list[tuple[str, Path | None]] = [(str(tree), tree) for tree in args.tree]
    versions += [(rev, None) for rev in args.rev]
    if not versions:
        versions = [("working tree", ROOT)]
    print("| version | warm-up only (M) | warm-up + TBAQ (M) | one unseen TBAQ pass (M) |")
    print("|---|--:|--:|--:|")
    for name, tree in versions:
        if tree is None:
            with snapshot(name, args.compiled) as copy:
                warm, full = count(copy, args.shared, False), count(copy, args.shared, True)
        else:
            warm, full = count(tree, args.shared, False), count(tree, args.shared, True)
        name += " (compiled)" if args.compiled and tree is None else ""
        print(f"| {name} | {warm / 1e6:,.0f} | {full / 1e6:,.0f} | {(full - warm) / 1e6:,.0f} |", flush=True)


if __name__ == "__main__":
    main()
