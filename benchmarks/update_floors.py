"""Measure the tagger on the shared corpora and raise benchmarks/floors.json (never lowers it silently).

.venv/bin/python benchmarks/update_floors.py               # raise floors to measured - tolerance
.venv/bin/python benchmarks/update_floors.py --allow-lower # also lower: say why in the commit
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
        "--allow-lower", action="store_true", help="let a floor go down (explain in the commit)"
    )
    parser.add_argument("--corpora", type=Path, default=CORPORA, help=f"default: {CORPORA}")
    args = parser.parse_args()
    current = read_floors(FLOORS)
    measured = {name: measure(args.corpora / name) for name in current.corpora}
    for name, scores in measured.items():
        print(name, scores)
    updated, changes = raised(current, measured, args.allow_lower)
    write_floors(FLOORS, updated)
    print("\n".join(changes) if changes else "floors unchanged")


if __name__ == "__main__":
    main()
