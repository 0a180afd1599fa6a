"""Measurement of event-time anchoring against gold TLINKs (MEANTIME, TimeBank/AQUAINT).

A gold link (event E, timex T) counts as found when our event for T covers E's word (the event
word, a verb coordinated with it, or the light verb of "held talks"). Precision is over our events
for timexes that have at least one gold event link (unlinked timexes say nothing); recall is over
gold links of calendar DATE/TIME timexes (durations, sets and PRESENT_REF-style values are not
events' dates by design). Gold timexes are given to the event layer, so the figures measure
anchoring alone; `--tagger` measures tagger + anchoring end to end.

    python -m timeline.events.measure ../shared/corpora/meantime-en ../shared/corpora/te3-tbaq
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from timeline.evaluation.corpus import Annotation, CorpusDocument
from timeline.evaluation.loading import iter_corpus
from timeline.events.detect import dated_events, is_calendar_date
from timeline.models import (
    Anchoring,
    Document,
    DocumentInfo,
    Granularity,
    ReferenceSource,
    TimeValue,
    Timex,
    TimexType,
)

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def value_span(value: str) -> TimeValue:
    """A gold TimeML value as a calendar span (day, week, month, year); others unresolved."""
    if m := _DAY.match(value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        granularity = Granularity.DAY if len(value) == 10 else Granularity.MINUTE
        return TimeValue(
            value=value, granularity=granularity, start=day, end=day, anchoring=Anchoring.EXPLICIT
        )
    if m := _MONTH.match(value):
        first = date(int(m[1]), int(m[2]), 1)
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return TimeValue(
            value=value, granularity=Granularity.MONTH, start=first, end=last, anchoring=Anchoring.EXPLICIT
        )
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return TimeValue(
            value=value,
            granularity=Granularity.WEEK,
            start=monday,
            end=monday + timedelta(days=6),
            anchoring=Anchoring.EXPLICIT,
        )
    if m := _YEAR.match(value):
        year = int(m[1])
        return TimeValue(
            value=value,
            granularity=Granularity.YEAR,
            start=date(year, 1, 1),
            end=date(year, 12, 31),
            anchoring=Anchoring.EXPLICIT,
        )
    granularity = Granularity.VAGUE if "REF" in value else Granularity.DAY
    return TimeValue(value=value, granularity=granularity, anchoring=Anchoring.UNRESOLVED)


def gold_timex(annotation: Annotation) -> Timex | None:
    """A gold TIMEX3 as the event layer's input; None for durations and sets."""
    if annotation.type not in ("DATE", "TIME"):
        return None
    try:
        time = value_span(annotation.value)
    except ValueError:
        time = TimeValue(value=annotation.value, granularity=Granularity.DAY, anchoring=Anchoring.UNRESOLVED)
    return Timex(
        start=annotation.start,
        end=annotation.end,
        text=annotation.text,
        type=TimexType(annotation.type),
        value=annotation.value,
        rule="gold",
        time=time,
    )


@dataclass
class Score:
    """Counts of one corpus."""

    name: str
    documents: int = 0
    gold_links: int = 0
    found_links: int = 0
    predictions: int = 0
    correct: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return 100 * self.correct / self.predictions if self.predictions else 0.0

    @property
    def recall(self) -> float:
        return 100 * self.found_links / self.gold_links if self.gold_links else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _system_timexes(doc: CorpusDocument, tagger: bool) -> list[Timex]:
    if not tagger:
        return [t for t in (gold_timex(a) for a in doc.timexes) if t is not None]
    from timeline.settings import TaggerSettings
    from timeline.temporal import annotate

    return list(annotate(doc.text, doc.reference_date, TaggerSettings()))


def score_document(doc: CorpusDocument, score: Score, tagger: bool = False) -> None:
    """Add one document's anchoring counts to `score`."""
    events = {e.id: (e.start, e.end) for e in doc.events}
    linked: dict[str, set[str]] = {}
    for link in doc.links:
        if not link.to_creation_time and link.event_id in events:
            linked.setdefault(link.timex_id, set()).add(link.event_id)
    gold = {a.tid: a for a in doc.timexes if a.tid}
    info = DocumentInfo(
        id=doc.id, reference_date=doc.reference_date, reference_source=ReferenceSource.METADATA
    )
    found = dated_events(Document(info=info, text=doc.text), _system_timexes(doc, tagger))
    words_at: dict[tuple[int, int], tuple[tuple[int, int], ...]] = {}
    for dated in found:
        for timex in dated.timexes:
            words_at[(timex.start, timex.end)] = dated.words
    score.documents += 1
    for tid, event_ids in sorted(linked.items()):
        annotation = gold.get(tid)
        if annotation is None:
            continue
        as_input = gold_timex(annotation)
        if as_input is None or not is_calendar_date(as_input):
            continue
        span = (annotation.start, annotation.end)
        ours = next((w for s, w in words_at.items() if _overlaps(s, span)), None)
        for event_id in sorted(event_ids):
            score.gold_links += 1
            if ours and any(_overlaps(w, events[event_id]) for w in ours):
                score.found_links += 1
            elif len(score.misses) < 2000:
                said = ", ".join(doc.text[a:b] for a, b in ours) if ours else "-"
                gold_word = doc.text[events[event_id][0] : events[event_id][1]]
                score.misses.append(f"{doc.id}: {annotation.text!r} gold={gold_word!r} ours={said}")
        if ours is not None:
            score.predictions += 1
            if any(_overlaps(w, events[e]) for w in ours for e in event_ids):
                score.correct += 1


def measure(name: str, documents: Iterable[CorpusDocument], tagger: bool = False) -> Score:
    score = Score(name)
    for doc in documents:
        score_document(doc, score, tagger)
    return score


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Event-time anchoring against gold TLINKs.")
    parser.add_argument("corpora", nargs="+", type=Path, help="corpus directories (MEANTIME, TimeML)")
    parser.add_argument("--tagger", action="store_true", help="use our temporal tagger, not gold timexes")
    parser.add_argument("--misses", type=int, default=0, help="print this many missed links per corpus")
    args = parser.parse_args(argv)
    print(f"{'corpus':<28} {'docs':>5} {'links':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for root in args.corpora:
        score = measure(root.name, iter_corpus(root), args.tagger)
        print(
            f"{score.name:<28} {score.documents:>5} {score.gold_links:>6} "
            f"{score.precision:>6.1f} {score.recall:>6.1f} {score.f1:>6.1f}"
        )
        for miss in score.misses[: args.misses]:
            print("   ", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
