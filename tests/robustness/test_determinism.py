"""Determinism (issue 7, part 3): byte-identical JSON/CSV/ICS across runs, hash seeds and worker
counts; event ids and ICS UIDs that do not move when unrelated text is added to an article."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from timeline import export, extract

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / ".venv" / "bin" / "timeline"
SEED = ROOT / "seeds" / "voa-2017-02-10-italy-russia-libya.txt"
SENTENCES = [
    "The council met on Feb. {d}, 2017 and approved the budget.",
    "Rebels attacked the port on March {d}, 2016, officials said.",
    "The minister will visit Rome next week.",
    "Talks resumed on Tuesday after a pause.",
    "Protesters gathered in the square on Jan. {d}, 2017.",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 articles: more than one batch per worker, so --jobs 2 really splits the work."""
    folder = tmp_path_factory.mktemp("corpus")
    for n in range(40):
        text = " ".join(s.format(d=1 + (n + i) % 27) for i, s in enumerate(SENTENCES[n % 3 :]))
        (folder / f"article-{n:02d}.txt").write_text(text, encoding="utf-8")
        (folder / f"article-{n:02d}.meta.json").write_text('{"published": "2017-02-10"}', encoding="utf-8")
    return folder


def run_cli(corpus: Path, out: Path, seed: str, jobs: int) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [str(CLI), "extract", str(corpus), str(SEED), "-o", str(out), "--jobs", str(jobs), "--no-progress"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_identical_bytes_across_runs_hash_seeds_and_jobs(corpus: Path, tmp_path: Path) -> None:
    runs = {
        (seed, jobs): run_cli(corpus, tmp_path / f"{seed}-{jobs}", seed, jobs)
        for seed, jobs in [("0", 1), ("12345", 1), ("12345", 2), ("0", 2)]
    }
    first = runs[("0", 1)]
    assert sorted(first) == ["timeline.csv", "timeline.ics", "timeline.json"]
    assert len(first["timeline.json"]) > 1000
    for key, files in runs.items():
        assert files == first, f"PYTHONHASHSEED={key[0]} --jobs {key[1]} differs"


def test_identical_bytes_in_one_process() -> None:
    text = SEED.read_text(encoding="utf-8")
    renders = [
        {fmt: export(extract(text, reference_date=date(2017, 2, 10)), fmt) for fmt in ("json", "csv", "ics")}
        for _ in range(2)
    ]
    assert renders[0] == renders[1]


UNRELATED = (
    "Analysts say the region remains tense, and diplomats continue to discuss the situation "
    "with their partners."
)


def ids_and_uids(text: str) -> tuple[dict[str, str], set[str]]:
    timeline = extract(text, reference_date=date(2017, 2, 10))
    ids = {event.id: event.date.value for event in timeline.events}
    ics = str(export(timeline, "ics"))
    uids = set(re.findall(r"^UID:(.+?)\r?$", re.sub(r"\r\n[ \t]", "", ics), re.M))
    return ids, uids


@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_ids_and_uids_survive_unrelated_text(where: str) -> None:
    article = SEED.read_text(encoding="utf-8")
    paragraphs = article.split("\n\n")
    position = {"start": 1, "middle": len(paragraphs) // 2, "end": len(paragraphs)}[where]
    edited = "\n\n".join([*paragraphs[:position], UNRELATED, *paragraphs[position:]])
    before_ids, before_uids = ids_and_uids(article)
    after_ids, after_uids = ids_and_uids(edited)
    assert len(before_ids) >= 5
    assert after_ids == before_ids
    assert after_uids == before_uids and before_uids


def test_streamed_jsonl_is_identical_with_any_jobs(corpus: Path, tmp_path: Path) -> None:
    outputs = []
    for seed, jobs in [("0", 1), ("12345", 3)]:
        target = tmp_path / f"events-{jobs}.jsonl"
        result = subprocess.run(
            [str(CLI), "extract", str(corpus), "-f", "jsonl", "-o", str(target), "--jobs", str(jobs)],
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=False,
        )
        assert result.returncode == 0, result.stderr.decode()
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0].count(b"\n") >= 40
