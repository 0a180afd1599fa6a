"""Measure the tagger on the shared corpora and raise benchmarks/floors.json (never lowers it silently).

.venv/bin/python benchmarks/update_floors.py                # raise floors to measured - tolerance
.venv/bin/python benchmarks/update_floors.py --allow-lower  # also lower: say why in the commit

Measure committed code: floors taken from a working tree with uncommitted tagger changes fail CI.
From a clean export of HEAD: git archive HEAD | tar -x -C /tmp/head, then run this script with
PYTHONPATH=/tmp/head and --floors pointing at the repository's benchmarks/floors.json.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from timeline.evaluation.floors import measure, raised, read_floors, write_floors

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "floors.json"
CORPORA = HERE.parent.parent / "shared" / "corpora"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--allow-lower", action="store_true", help="let floors go down (explain why in the commit)"
    )
    parser.add_argument("--corpora", type=Path, default=CORPORA, help=f"default: {CORPORA}")
    parser.add_argument("--floors", type=Path, default=FLOORS, help=f"default: {FLOORS}")
    args = parser.parse_args()
    current = read_floors(args.floors)
    measured = {name: measure(args.corpora / name) for name in current.corpora}
    for name, scores in measured.items():
        print(name, scores)
    updated, changes = raised(current, measured, args.allow_lower)
    write_floors(args.floors, updated)
    print("\n".join(changes) if changes else "floors unchanged")


if __name__ == "__main__":
    main()
