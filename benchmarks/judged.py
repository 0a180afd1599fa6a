"""The judged read: run the pipeline over a fixed set of articles and score a person's judgments of it.

    .venv/bin/python benchmarks/judged.py run --label base-520425c    # runs/<label>.jsonl
    .venv/bin/python benchmarks/judged.py show base-520425c [--doc D]  # each event with its sentence
    .venv/bin/python benchmarks/judged.py carry --from A --to B       # reuse A's marks where B is unchanged
    .venv/bin/python benchmarks/judged.py summary base-520425c        # the figures for BENCHMARKS.md
    .venv/bin/python benchmarks/judged.py summary base-520425c --group heldout   # one group alone
    .venv/bin/python benchmarks/judged.py check base-520425c          # fails when an event is unjudged

The set (benchmarks/judged/set.toml) lists MEANTIME and TBAQ documents by their path under
../shared/corpora (their text is read from there, never copied into the repo: runs keep offsets,
and `show` reads the sentences live), the seed article and texts written for the set
(benchmarks/judged/texts/). Each event is judged with the rubric in ../shared/EVENT_QUALITY.md:
marks D (date), E (event), T (title), S (status), P (participants and place), a spurious kind
(S1-S5) or null, a note saying why each wrong mark is wrong, and optionally `patterns`: tags
naming the failure patterns (t-no-subject, d-range, p-actor-missing, ...) that `summary` counts.
Judgments are keyed by (doc, first mention start, end), so a later run whose event there is
unchanged carries the marks over and only what changed is judged again. Missed events (dated
events a reader would put on the timeline that the tool did not emit) are listed per label in
missed/<label>.toml. Each document belongs to a group (`group` in set.toml, "dev" when absent):
the held-out group holds texts the event layer was never tuned on, and `summary` reports every
group apart as well as the whole set.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
JUDGED = ROOT / "benchmarks" / "judged"
CORPORA = ROOT.parent / "shared" / "corpora"
MARKS = ("D", "E", "T", "S", "P")
SPURIOUS_KINDS = ("S1", "S2", "S3", "S4", "S5")
DEFAULT_GROUP = "dev"
# The output fields that make two runs' events "the same event" for carrying a judgment over. The
# span and modifier count: a range read as one end and the same range kept whole share a value.
IDENTITY_FIELDS = (
    "doc",
    "start",
    "end",
    "value",
    "date_start",
    "date_end",
    "mod",
    "status",
    "title",
    "trigger",
    "participants",
    "place",
)

Record = dict[str, Any]
Key = tuple[str, int, int]


class JudgedError(Exception):
    """A problem with the set, a run or the judgments, reported as one line."""


# ----------------------------------------------------------------------------- the set


@dataclass(frozen=True)
class SetDocument:
    id: str
    kind: str
    path: str
    corpus: bool  # True: path is under ../shared/corpora; False: under the repo
    group: str = DEFAULT_GROUP  # "dev" (tuned on) or "heldout" (never tuned on)


def load_set(path: Path) -> list[SetDocument]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    docs = []
    for entry in data.get("doc", []):
        group = str(entry.get("group", DEFAULT_GROUP))
        if "corpus" in entry:
            docs.append(SetDocument(entry["id"], entry["kind"], entry["corpus"], corpus=True, group=group))
        else:
            docs.append(SetDocument(entry["id"], entry["kind"], entry["text"], corpus=False, group=group))
    ids = [d.id for d in docs]
    if len(set(ids)) != len(ids):
        raise JudgedError(f"{path}: duplicate document ids")
    return docs


def read_set_document(doc: SetDocument, corpora: Path = CORPORA) -> Any:
    """The timeline Document of a set entry, dated like the CLI dates it (DCT or sidecar)."""
    from timeline.evaluation.loading import iter_corpus
    from timeline.models import Document, DocumentInfo, ReferenceSource
    from timeline.reading.sources import ReadContext, iter_documents

    if doc.corpus:
        source = corpora / doc.path
        if not source.exists():
            raise JudgedError(f"{source}: corpus document not found (../shared absent?)")
        gold = next(iter_corpus(source))
        info = DocumentInfo(
            id=doc.id,
            source=doc.path,
            reference_date=gold.reference_date,
            reference_source=ReferenceSource.METADATA,
        )
        return Document(info=info, text=gold.text)
    (document,) = list(iter_documents([str(ROOT / doc.path)], ReadContext()))
    return document.model_copy(update={"info": document.info.model_copy(update={"id": doc.id})})


# ----------------------------------------------------------------------------- runs


def event_record(doc: SetDocument, event: Any) -> Record:
    """One run line: every field of the Event model (read generically, so new fields show up),
    the date flattened, and no corpus sentence text."""
    data: Record = event.model_dump(mode="json")
    date = data.pop("date")
    mentions = data.pop("mentions")
    first = mentions[0]
    record: Record = {
        "doc": doc.id,
        "start": first["start"],
        "end": first["end"],
        "value": date["value"],
        "granularity": date["granularity"],
        "date_start": date.get("start"),
        "date_end": date.get("end"),
        "mod": date.get("mod"),
    }
    sentence = data.pop("sentence", None)
    record.update(data)
    record["mentions"] = [
        {
            "start": m["start"],
            "end": m["end"],
            "text": m["text"],
            "sentence_start": m.get("sentence_start"),
            "sentence_end": m.get("sentence_end"),
        }
        for m in mentions
    ]
    if not doc.corpus:
        record["sentence"] = sentence
    return record


def run_set(docs: Sequence[SetDocument], corpora: Path = CORPORA) -> list[Record]:
    from timeline.pipeline import extract

    records: list[Record] = []
    for doc in docs:
        # one document per timeline, as `timeline extract FILE` does: no pooling across the set
        timeline = extract(read_set_document(doc, corpora))
        records.extend(event_record(doc, event) for event in timeline.events)
    return records


def key_of(record: Record) -> Key:
    return (str(record["doc"]), int(record["start"]), int(record["end"]))


def identity(record: Record) -> tuple[Any, ...]:
    return tuple(
        tuple(record[f]) if isinstance(record.get(f), list) else record.get(f) for f in IDENTITY_FIELDS
    )


def read_jsonl(path: Path) -> list[Record]:
    if not path.exists():
        raise JudgedError(f"{path}: no such file")
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise JudgedError(f"{path}:{n}: not JSON ({err.msg})") from None
    return out


def write_jsonl(path: Path, records: Iterable[Record]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    path.write_text(text, encoding="utf-8")


# ----------------------------------------------------------------------------- judgments


def judgment_index(judgments: Iterable[Record]) -> dict[Key, Record]:
    index: dict[Key, Record] = {}
    for j in judgments:
        key = key_of(j)
        if key in index:
            raise JudgedError(f"two judgments for {key}")
        index[key] = j
    return index


def validate_judgment(j: Record) -> list[str]:
    problems = [f"{key_of(j)}: mark {m} is not true/false" for m in MARKS if not isinstance(j.get(m), bool)]
    if j.get("spurious") not in (None, *SPURIOUS_KINDS):
        problems.append(f"{key_of(j)}: spurious must be null or one of {', '.join(SPURIOUS_KINDS)}")
    patterns = j.get("patterns", [])
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        problems.append(f"{key_of(j)}: patterns must be a list of tags")
    return problems


def check(run: Sequence[Record], judgments: Sequence[Record]) -> list[str]:
    """Every problem that keeps the judgments of a run from being summed; empty when complete."""
    index = judgment_index(judgments)
    keys = [key_of(r) for r in run]
    problems = [f"{k}: event with no judgment" for k in keys if k not in index]
    problems += [f"{k}: judgment of no event in the run" for k in index if k not in set(keys)]
    for j in judgments:
        problems += validate_judgment(j)
    return problems


def carry(
    run_from: Sequence[Record], judged_from: Sequence[Record], run_to: Sequence[Record]
) -> tuple[list[Record], list[Record]]:
    """(judgments carried to run_to, events of run_to left to judge).

    A judgment carries when run_to holds an event with the same identity (same doc, first mention
    span, value, status, title, trigger, participants, place) as a judged event of run_from.
    """
    index = judgment_index(judged_from)
    judged_by_identity: dict[tuple[Any, ...], Record] = {}
    for r in run_from:
        j = index.get(key_of(r))
        if j is not None:
            judged_by_identity[identity(r)] = j
    carried: list[Record] = []
    left: list[Record] = []
    for r in run_to:
        j = judged_by_identity.get(identity(r))
        if j is None:
            left.append(r)
        else:
            carried.append(dict(j))
    return carried, left


# ----------------------------------------------------------------------------- summary


@dataclass
class Tally:
    events: int = 0
    ready: int = 0
    titles: int = 0
    dates: int = 0
    statuses: int = 0
    participants: int = 0
    spurious: Counter[str] = field(default_factory=Counter)
    patterns: Counter[str] = field(default_factory=Counter)
    missed: int = 0

    def add(self, j: Record) -> None:
        self.events += 1
        self.ready += calendar_ready(j)
        self.titles += bool(j["T"])
        self.dates += bool(j["D"])
        self.statuses += bool(j["S"])
        self.participants += bool(j["P"])
        if j.get("spurious"):
            self.spurious[j["spurious"]] += 1
        self.patterns.update(j.get("patterns") or ())

    def merge(self, other: Tally) -> None:
        self.events += other.events
        self.ready += other.ready
        self.titles += other.titles
        self.dates += other.dates
        self.statuses += other.statuses
        self.participants += other.participants
        self.spurious.update(other.spurious)
        self.patterns.update(other.patterns)
        self.missed += other.missed


def calendar_ready(j: Record) -> bool:
    """D, E, T and S all right (a spurious event is never ready: it has no place on a calendar)."""
    return all(bool(j[m]) for m in ("D", "E", "T", "S")) and not j.get("spurious")


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def summarize(
    docs: Sequence[str], run: Sequence[Record], judgments: Sequence[Record], missed: Sequence[Record]
) -> tuple[Tally, dict[str, Tally]]:
    index = judgment_index(judgments)
    total = Tally()
    per_doc = {d: Tally() for d in docs}
    for r in run:
        j = index.get(key_of(r))
        if j is None:
            raise JudgedError(f"{key_of(r)}: event with no judgment (run `check`)")
        total.add(j)
        per_doc.setdefault(r["doc"], Tally()).add(j)
    for m in missed:
        total.missed += 1
        per_doc.setdefault(m["doc"], Tally()).missed += 1
    return total, per_doc


def group_tallies(docs: Sequence[SetDocument], per_doc: dict[str, Tally]) -> dict[str, Tally]:
    """The per-document tallies summed by group, groups in the order they first appear in the set."""
    groups: dict[str, Tally] = {}
    for doc in docs:
        tally = groups.setdefault(doc.group, Tally())
        if doc.id in per_doc:
            tally.merge(per_doc[doc.id])
    return groups


def format_groups(groups: dict[str, Tally]) -> str:
    columns = ("events", "ready", "titles", "spur.", "dates", "status", "missed")
    lines = [f"{'group':<12} " + " ".join(f"{c:>6}" for c in columns)]
    for name, t in groups.items():
        spur = sum(t.spurious.values())
        cells = [pct(x, t.events) for x in (t.ready, t.titles, spur, t.dates, t.statuses)]
        lines.append(f"{name:<12} {t.events:>6} " + " ".join(f"{c:>6}" for c in cells) + f" {t.missed:>6}")
    return "\n".join(lines)


def format_summary(label: str, total: Tally, per_doc: dict[str, Tally]) -> str:
    n = total.events
    kinds = ", ".join(f"{k} {total.spurious[k]}" for k in SPURIOUS_KINDS)
    spurious = sum(total.spurious.values())
    lines = [
        f"judged read of run {label}",
        f"events                {n}",
        f"calendar-ready        {total.ready} ({pct(total.ready, n)})",
        f"good titles           {total.titles} ({pct(total.titles, n)})",
        f"spurious              {spurious} ({pct(spurious, n)}): {kinds}",
        f"dates right           {total.dates} ({pct(total.dates, n)})",
        f"status right          {total.statuses} ({pct(total.statuses, n)})",
        f"participants right    {total.participants} ({pct(total.participants, n)})",
        f"missed events         {total.missed}",
        "",
        f"{'document':<34} {'events':>6} {'ready':>6} {'titles':>6} {'spur.':>6} {'missed':>6}",
    ]
    for doc, t in per_doc.items():
        spur = sum(t.spurious.values())
        lines.append(f"{doc:<34} {t.events:>6} {t.ready:>6} {t.titles:>6} {spur:>6} {t.missed:>6}")
    if total.patterns:
        lines += ["", "failure patterns (events tagged; one event can carry several)"]
        ranked = sorted(total.patterns.items(), key=lambda item: (-item[1], item[0]))
        lines += [f"{tag:<34} {count:>6} ({pct(count, n)})" for tag, count in ranked]
    return "\n".join(lines)


def load_missed(path: Path) -> list[Record]:
    if not path.exists():
        return []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    missed: list[Record] = data.get("missed", [])
    for m in missed:
        for name in ("doc", "expression", "value", "what"):
            if name not in m:
                raise JudgedError(f"{path}: a missed entry has no {name!r}")
    return missed


# ----------------------------------------------------------------------------- commands


def run_path(label: str) -> Path:
    return JUDGED / "runs" / f"{label}.jsonl"


def judgments_path(label: str) -> Path:
    return JUDGED / "judgments" / f"{label}.jsonl"


def missed_path(label: str) -> Path:
    return JUDGED / "missed" / f"{label}.toml"


def describe(r: Record) -> str:
    people = ", ".join(r.get("participants") or []) or "-"
    return (
        f"[{r['doc']} {r['start']}-{r['end']}] {r['value']} ({r['granularity']}) {r['status']}\n"
        f"    title: {r['title']!r}  trigger: {r['trigger']!r}\n"
        f"    participants: {people}  place: {r.get('place') or '-'}"
    )


def sentence_texts(docs: Sequence[SetDocument], corpora: Path) -> Iterator[tuple[str, str]]:
    for doc in docs:
        yield doc.id, read_set_document(doc, corpora).text


def cmd_run(args: argparse.Namespace) -> int:
    docs = load_set(JUDGED / "set.toml")
    records = run_set(docs, args.corpora)
    write_jsonl(run_path(args.label), records)
    print(f"{len(records)} events from {len(docs)} documents -> {run_path(args.label).relative_to(ROOT)}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    docs = [d for d in load_set(JUDGED / "set.toml") if args.doc in (None, d.id)]
    run = read_jsonl(run_path(args.label))
    index = (
        judgment_index(read_jsonl(judgments_path(args.label))) if judgments_path(args.label).exists() else {}
    )
    for doc_id, text in sentence_texts(docs, args.corpora):
        for r in sorted((r for r in run if r["doc"] == doc_id), key=key_of):
            m = r["mentions"][0]
            lo, hi = m.get("sentence_start"), m.get("sentence_end")
            sentence = text[lo:hi] if lo is not None and hi is not None else "?"
            print(describe(r))
            print(f"    date: {m['text']!r}  sentence: {' '.join(sentence.split())}")
            j = index.get(key_of(r))
            if j is not None:
                marks = " ".join(f"{k}={'y' if j[k] else 'n'}" for k in MARKS)
                print(f"    judged: {marks} spurious={j.get('spurious')} {j.get('note', '')}")
            print()
    return 0


def cmd_carry(args: argparse.Namespace) -> int:
    carried, left = carry(
        read_jsonl(run_path(args.source)),
        read_jsonl(judgments_path(args.source)),
        read_jsonl(run_path(args.to)),
    )
    target = judgments_path(args.to)
    if target.exists():
        existing = judgment_index(read_jsonl(target))
        carried = [j for j in carried if key_of(j) not in existing] + list(existing.values())
    write_jsonl(target, sorted(carried, key=key_of))
    print(
        f"carried {len(carried)} judgments to {target.relative_to(ROOT)}; {len(left)} events left to judge:"
    )
    for r in left:
        print(describe(r))
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    docs = load_set(JUDGED / "set.toml")
    if args.group is not None:
        docs = [d for d in docs if d.group == args.group]
        if not docs:
            raise JudgedError(f"no document of the set is in group {args.group!r}")
    ids = {d.id for d in docs}
    total, per_doc = summarize(
        [d.id for d in docs],
        [r for r in read_jsonl(run_path(args.label)) if r["doc"] in ids],
        [j for j in read_jsonl(judgments_path(args.label)) if j["doc"] in ids],
        [m for m in load_missed(missed_path(args.label)) if m["doc"] in ids],
    )
    label = args.label if args.group is None else f"{args.label}, group {args.group}"
    print(format_summary(label, total, per_doc))
    groups = group_tallies(docs, per_doc)
    if len(groups) > 1:
        print("\nby group (percentages of the group's events)")
        print(format_groups(groups))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    problems = check(read_jsonl(run_path(args.label)), read_jsonl(judgments_path(args.label)))
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problems in the judgments of {args.label}", file=sys.stderr)
        return 1
    print(f"every event of {args.label} is judged")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="the shared corpora folder")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("run", help="run the pipeline over the set")
    p.add_argument("--label", required=True)
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("show", help="print a run's events with their sentences")
    p.add_argument("label")
    p.add_argument("--doc")
    p.set_defaults(func=cmd_show)
    p = sub.add_parser("carry", help="carry judgments over to a new run where its events are unchanged")
    p.add_argument("--from", dest="source", required=True)
    p.add_argument("--to", required=True)
    p.set_defaults(func=cmd_carry)
    p = sub.add_parser("summary", help="the judged figures of a run")
    p.add_argument("label")
    p.add_argument("--group", help="only the documents of this group of the set (dev, heldout)")
    p.set_defaults(func=cmd_summary)
    p = sub.add_parser("check", help="fail when an event of the run has no judgment")
    p.add_argument("label")
    p.set_defaults(func=cmd_check)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except (JudgedError, tomllib.TOMLDecodeError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
