"""`-f jsonl --dask` against `--jobs N` on one machine: wall time and identical bytes.

Builds a JSONL corpus of about --mb megabytes from the TBAQ texts (in a temporary directory that
is deleted: the corpus text is never committed), starts a local Dask cluster of --workers
single-threaded worker processes, and times `timeline extract corpus.jsonl -f jsonl` with
`--jobs N` and with `--dask ADDRESS`, alternated, --runs times each.

    .venv/bin/python benchmarks/dask_stream.py --mb 5 --workers 2 --runs 2
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TBAQ = ROOT.parent / "shared" / "corpora" / "te3-tbaq"


def write_corpus(path: Path, megabytes: float) -> float:
    from timeline.evaluation.loading import iter_corpus

    documents = list(iter_corpus(TBAQ))
    size, round_ = 0, 0
    with path.open("w", encoding="utf-8") as out:
        while size < megabytes * 1e6:
            for doc in documents:
                day = doc.reference_date.isoformat() if doc.reference_date else None
                line = json.dumps({"id": f"{doc.id}-{round_}", "text": doc.text, "published": day}) + "\n"
                size += out.write(line)
            round_ += 1
    return size / 1e6


def run(corpus: Path, target: Path, extra: list[str]) -> float:
    timeline = str(Path(sys.executable).with_name("timeline"))
    began = time.perf_counter()
    subprocess.run([timeline, "extract", str(corpus), "-f", "jsonl", "-o", str(target), *extra], check=True)
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    if not TBAQ.is_dir():
        print(f"skipped: {TBAQ} is absent")
        return 0
    from distributed import LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus.jsonl"
        size = write_corpus(corpus, args.mb)
        with LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster:
            ways = {
                f"--jobs {args.workers}": ["--jobs", str(args.workers)],
                f"--dask ({args.workers} local workers)": ["--dask", cluster.scheduler_address],
            }
            times: dict[str, list[float]] = {name: [] for name in ways}
            for _ in range(args.runs):
                for n, (name, extra) in enumerate(ways.items()):
                    times[name].append(run(corpus, folder / f"out{n}.jsonl", extra))
        same = (folder / "out0.jsonl").read_bytes() == (folder / "out1.jsonl").read_bytes()
    print(f"corpus: {size:.1f} MB of TBAQ text as JSONL; load average {os.getloadavg()[0]:.1f}")
    for name, walls in times.items():
        best = min(walls)
        print(f"{name:<28} wall s: {', '.join(f'{w:.1f}' for w in walls)}  ({size / best:.2f} MB/s best)")
    print(f"outputs byte-identical: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
