"""benchmarks/judged.py: carrying judgments over, the summary's arithmetic, and the completeness check."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("judged", ROOT / "benchmarks" / "judged.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["judged"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


judged = _load()


def event(doc: str, start: int, title: str = "Quake hits", **extra: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "doc": doc,
        "start": start,
        "end": start + 6,
        "value": "2025-10-18",
        "granularity": "day",
        "status": "past",
        "title": title,
        "trigger": "hits",
        "participants": ["Rasna"],
        "place": None,
    }
    record.update(extra)
    return record


def judgment(
    doc: str, start: int, d: bool = True, e: bool = True, t: bool = True, s: bool = True, **extra: Any
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "doc": doc,
        "start": start,
        "end": start + 6,
        "D": d,
        "E": e,
        "T": t,
        "S": s,
        "P": True,
        "spurious": None,
        "note": "",
    }
    record.update(extra)
    return record


class TestCarry:
    def test_unchanged_events_carry_and_changed_ones_are_left(self) -> None:
        run_a = [event("a", 0), event("a", 10), event("b", 0)]
        marks = [judgment("a", 0), judgment("a", 10, t=False), judgment("b", 0, s=False)]
        run_b = [event("a", 0), event("a", 10, title="Quake hits Rasna"), event("b", 0, status="future")]
        carried, left = judged.carry(run_a, marks, run_b)
        assert carried == [marks[0]]
        assert [(r["doc"], r["start"]) for r in left] == [("a", 10), ("b", 0)]

    @pytest.mark.parametrize(
        "change",
        [
            {"value": "2025-10"},
            {"participants": ["Rasna", "EU"]},
            {"place": "Rasna"},
            {"trigger": "struck"},
            {"end": 20},
            {"date_end": "2025-10-20"},
            {"mod": "START"},
        ],
    )
    def test_any_identity_field_change_blocks_the_carry(self, change: dict[str, Any]) -> None:
        carried, left = judged.carry([event("a", 0)], [judgment("a", 0)], [event("a", 0, **change)])
        assert carried == [] and len(left) == 1

    def test_fields_outside_the_identity_do_not_block_it(self) -> None:
        carried, left = judged.carry(
            [event("a", 0)], [judgment("a", 0)], [event("a", 0, confidence=0.5, reported_by="Army")]
        )
        assert len(carried) == 1 and left == []

    def test_an_unjudged_event_of_the_old_run_carries_nothing(self) -> None:
        carried, left = judged.carry([event("a", 0)], [], [event("a", 0)])
        assert carried == [] and len(left) == 1


class TestSummary:
    def test_arithmetic(self) -> None:
        run = [event("a", 0), event("a", 10), event("a", 20), event("b", 0)]
        marks = [
            judgment("a", 0),  # ready
            judgment("a", 10, t=False),  # bad title
            judgment("a", 20, e=False, spurious="S2"),  # comparison dated
            judgment("b", 0, d=False, s=False),
        ]
        missed = [{"doc": "b", "expression": "June", "value": "2025-06", "what": "no event"}]
        total, per_doc = judged.summarize(["a", "b"], run, marks, missed)
        assert (total.events, total.ready, total.titles, total.dates, total.statuses) == (4, 1, 3, 3, 3)
        assert total.spurious == {"S2": 1} and total.missed == 1
        assert (per_doc["a"].events, per_doc["a"].ready, per_doc["b"].missed) == (3, 1, 1)
        text = judged.format_summary("x", total, per_doc)
        assert "calendar-ready        1 (25%)" in text
        assert "spurious              1 (25%): S1 0, S2 1" in text

    def test_a_spurious_event_is_never_calendar_ready(self) -> None:
        assert not judged.calendar_ready(judgment("a", 0, spurious="S4"))
        assert judged.calendar_ready(judgment("a", 0))

    def test_an_unjudged_event_stops_the_summary(self) -> None:
        with pytest.raises(judged.JudgedError, match="no judgment"):
            judged.summarize(["a"], [event("a", 0)], [], [])


class TestCheck:
    def test_complete(self) -> None:
        assert judged.check([event("a", 0)], [judgment("a", 0)]) == []

    def test_missing_judgment(self) -> None:
        problems = judged.check([event("a", 0), event("a", 10)], [judgment("a", 0)])
        assert problems == ["('a', 10, 16): event with no judgment"]

    def test_judgment_of_no_event_and_bad_marks(self) -> None:
        problems = judged.check([], [judgment("a", 0, spurious="S9") | {"D": "yes"}])
        assert problems == [
            "('a', 0, 6): judgment of no event in the run",
            "('a', 0, 6): mark D is not true/false",
            "('a', 0, 6): spurious must be null or one of S1, S2, S3, S4, S5",
        ]

    def test_two_judgments_of_one_event(self) -> None:
        with pytest.raises(judged.JudgedError, match="two judgments"):
            judged.check([event("a", 0)], [judgment("a", 0), judgment("a", 0)])

    def test_command_exit_codes(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(judged, "JUDGED", tmp_path)
        judged.write_jsonl(tmp_path / "runs" / "x.jsonl", [event("a", 0)])
        judged.write_jsonl(tmp_path / "judgments" / "x.jsonl", [])
        assert judged.main(["check", "x"]) == 1
        judged.write_jsonl(tmp_path / "judgments" / "x.jsonl", [judgment("a", 0)])
        assert judged.main(["check", "x"]) == 0
        assert judged.main(["check", "nope"]) == 2


def test_missed_entries_need_every_field(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text('[[missed]]\ndoc = "a"\nexpression = "June"\nvalue = "2025-06"\n', encoding="utf-8")
    with pytest.raises(judged.JudgedError, match="'what'"):
        judged.load_missed(path)


SET_DOCS = judged.load_set(judged.JUDGED / "set.toml")


def test_the_set_has_the_documents_the_issue_asks_for() -> None:
    kinds = [d.kind for d in SET_DOCS]
    assert kinds.count("meantime-apple") >= 3 and kinds.count("meantime-airbus") >= 3
    assert kinds.count("tbaq") >= 2 and "seed" in kinds
    own = {k for k in kinds if k.startswith("own-")}
    assert own >= {"own-sports", "own-court", "own-earnings", "own-disaster"}


@pytest.mark.parametrize("doc", [d for d in SET_DOCS if not d.corpus], ids=lambda d: d.id)
def test_own_texts_are_dated(doc: Any) -> None:
    document = judged.read_set_document(doc)
    assert document.info.reference_date is not None and document.info.id == doc.id


@pytest.mark.skipif(not judged.CORPORA.is_dir(), reason="../shared/corpora absent")
@pytest.mark.parametrize("doc", [d for d in SET_DOCS if d.corpus], ids=lambda d: d.id)
def test_corpus_documents_load_with_their_creation_time(doc: Any) -> None:
    document = judged.read_set_document(doc)
    assert document.info.reference_date is not None and document.text.strip()


@pytest.mark.skipif(not judged.CORPORA.is_dir(), reason="../shared/corpora absent")
def test_run_records_keep_no_corpus_sentence_text() -> None:
    records = judged.run_set([d for d in SET_DOCS if d.kind == "tbaq"][:1])
    assert records and all("sentence" not in r for r in records)
    needed = {"doc", "start", "end", "value", "granularity", "status", "title", "participants", "place"}
    assert needed <= set(records[0])


def test_summary_counts_failure_patterns() -> None:
    run = [event("a", 0), event("a", 10)]
    marks = [
        judgment("a", 0, t=False, patterns=["t-no-subject", "p-actor-missing"]),
        judgment("a", 10, t=False, patterns=["t-no-subject"]),
    ]
    total, _ = judged.summarize(["a"], run, marks, [])
    assert total.patterns == {"t-no-subject": 2, "p-actor-missing": 1}
    text = judged.format_summary("x", total, {})
    assert text.index("t-no-subject") < text.index("p-actor-missing")
    assert judged.check(run[:1], [judgment("a", 0, patterns="t-no-subject")]) == [
        "('a', 0, 6): patterns must be a list of tags"
    ]


class TestGroups:
    def test_a_document_without_group_is_dev(self, tmp_path: Path) -> None:
        path = tmp_path / "set.toml"
        path.write_text(
            '[[doc]]\nid = "a"\nkind = "own-x"\ntext = "a.txt"\n\n'
            '[[doc]]\nid = "b"\nkind = "heldout-y"\ngroup = "heldout"\ntext = "b.txt"\n',
            encoding="utf-8",
        )
        assert [(d.id, d.group) for d in judged.load_set(path)] == [("a", "dev"), ("b", "heldout")]

    def test_group_tallies_sum_their_documents(self) -> None:
        docs = [
            judged.SetDocument("a", "own-x", "a.txt", corpus=False),
            judged.SetDocument("b", "heldout-y", "b.txt", corpus=False, group="heldout"),
            judged.SetDocument("c", "heldout-z", "c.txt", corpus=False, group="heldout"),
        ]
        run = [event("a", 0), event("b", 0), event("b", 10), event("c", 0)]
        marks = [
            judgment("a", 0, t=False),
            judgment("b", 0),
            judgment("b", 10, spurious="S1", patterns=["s1-duration"]),
            judgment("c", 0),
        ]
        missed = [{"doc": "c", "expression": "May", "value": "2025-05", "what": "no event"}]
        _, per_doc = judged.summarize(["a", "b", "c"], run, marks, missed)
        groups = judged.group_tallies(docs, per_doc)
        assert list(groups) == ["dev", "heldout"]
        dev, held = groups["dev"], groups["heldout"]
        assert (dev.events, dev.ready, dev.titles, dev.missed) == (1, 0, 0, 0)
        assert (held.events, held.ready, held.titles, held.missed) == (3, 2, 3, 1)
        assert held.spurious == {"S1": 1} and held.patterns == {"s1-duration": 1}
        table = judged.format_groups(groups)
        assert table.splitlines()[2].split() == ["heldout", "3", "67%", "100%", "33%", "100%", "100%", "1"]

    def test_summary_of_one_group_leaves_the_others_out(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setattr(judged, "JUDGED", tmp_path)
        (tmp_path / "set.toml").write_text(
            '[[doc]]\nid = "a"\nkind = "own-x"\ntext = "a.txt"\n\n'
            '[[doc]]\nid = "b"\nkind = "heldout-y"\ngroup = "heldout"\ntext = "b.txt"\n',
            encoding="utf-8",
        )
        judged.write_jsonl(tmp_path / "runs" / "x.jsonl", [event("a", 0), event("b", 0), event("b", 10)])
        judged.write_jsonl(
            tmp_path / "judgments" / "x.jsonl",
            [judgment("a", 0), judgment("b", 0, t=False), judgment("b", 10)],
        )
        assert judged.main(["summary", "x", "--group", "heldout"]) == 0
        out = capsys.readouterr().out
        assert "group heldout" in out and "events                2" in out
        assert "calendar-ready        1 (50%)" in out and "\na " not in out
        assert judged.main(["summary", "x"]) == 0
        out = capsys.readouterr().out
        assert "events                3" in out and "by group" in out
        assert judged.main(["summary", "x", "--group", "nope"]) == 2


def test_the_set_has_a_held_out_group_in_styles_the_dev_documents_lack() -> None:
    held = [d for d in SET_DOCS if d.group == "heldout"]
    dev_kinds = {d.kind.split("-")[-1] for d in SET_DOCS if d.group == "dev"}
    assert len(held) >= 5 and all(d.id.startswith("heldout-") and not d.corpus for d in held)
    assert not {d.kind.split("-")[-1] for d in held} & dev_kinds
