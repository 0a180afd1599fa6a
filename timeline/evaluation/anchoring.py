"""Measurement of event-time anchoring against gold TLINKs (MEANTIME, TimeBank/AQUAINT).

A gold link (event E, timex T) counts as found when our event for T covers E's word (the event
word, a verb coordinated with it, or the light verb of "held talks"). Precision is over our events
for timexes that have at least one gold event link (unlinked timexes say nothing); recall is over
gold links of calendar DATE/TIME timexes (durations, sets and PRESENT_REF-style values are not
events' dates by design). Gold timexes are given to the event layer, so the figures measure
anchoring alone; `--tagger` measures tagger + anchoring end to end.

Columns: P/R/F1 count a link found when the gold event word overlaps our event word(s);
"ext" counts it found when it overlaps any word of our event's title (subject, verb phrase,
object); "R max" is the recall one event per date can reach at all (TimeBank/AQUAINT often link
one date to several events), and "R sent" the recall any method that looks only at the date's own
sentence can reach (AQUAINT links dates to events up to a dozen sentences away); "R in sent" is
the recall over those same-sentence links alone.

    python -m timeline.evaluation.anchoring ../shared/corpora/meantime-en ../shared/corpora/te3-tbaq
"""

from __future__ import annotations

import argparse
import re
import sys
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from timeline.evaluation.corpus import Annotation, CorpusDocument
from timeline.evaluation.loading import iter_corpus
from timeline.events.anchoring import hard_segment
from timeline.events.detect import DatedEvent, dated_events, is_calendar_date, span_tokens
from timeline.events.sentences import join_across, split_sentences
from timeline.events.tokens import Kind, classify, tokenize
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
    """Counts of one corpus, for the event word (strict) and for the words of the title (extent)."""

    name: str
    documents: int = 0
    gold_links: int = 0
    timexes: int = 0  # linked calendar timexes: the most links one event per date can find
    same_sentence: int = 0  # gold links whose event word is in the date's sentence
    found_same_sentence: int = 0
    found: int = 0
    found_extent: int = 0
    predictions: int = 0
    correct: int = 0
    correct_extent: int = 0
    misses: list[str] = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return 100 * a / b if b else 0.0

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def precision(self) -> float:
        return self._ratio(self.correct, self.predictions)

    @property
    def recall(self) -> float:
        return self._ratio(self.found, self.gold_links)

    @property
    def f1(self) -> float:
        return self._f1(self.precision, self.recall)

    @property
    def precision_extent(self) -> float:
        return self._ratio(self.correct_extent, self.predictions)

    @property
    def recall_extent(self) -> float:
        return self._ratio(self.found_extent, self.gold_links)

    @property
    def f1_extent(self) -> float:
        return self._f1(self.precision_extent, self.recall_extent)

    @property
    def ceiling(self) -> float:
        """Recall reachable with one event word per date (AQUAINT links one date to many events)."""
        return self._ratio(self.timexes, self.gold_links)

    @property
    def recall_in_sentence(self) -> float:
        """Recall over the gold links whose event is in the date's own sentence."""
        return self._ratio(self.found_same_sentence, self.same_sentence)

    @property
    def sentence_ceiling(self) -> float:
        """Recall reachable by any method that dates only events of the date's own sentence."""
        return self._ratio(self.same_sentence, self.gold_links)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def is_gold_calendar_date(annotation: Annotation) -> bool:
    """Whether a gold TIMEX3 is a date the event layer would make an event of."""
    as_input = gold_timex(annotation)
    return as_input is not None and is_calendar_date(as_input)


def event_over(
    ours: Sequence[tuple[tuple[int, int], DatedEvent]], span: tuple[int, int]
) -> DatedEvent | None:
    """Our first event whose date overlaps `span` (`ours`: (date span, event) pairs)."""
    return next((dated for at, dated in ours if overlaps(at, span)), None)


def _covers(spans: tuple[tuple[int, int], ...] | None, target: tuple[int, int]) -> bool:
    return bool(spans) and any(overlaps(s, target) for s in spans or ())


def _system_timexes(doc: CorpusDocument, tagger: bool) -> list[Timex]:
    if not tagger:
        return [t for t in (gold_timex(a) for a in doc.timexes) if t is not None]
    from timeline.settings import TaggerSettings
    from timeline.temporal import annotate

    return list(annotate(doc.text, doc.reference_date, TaggerSettings()))


def clause_words(
    text: str, sentence: tuple[int, int], spans: list[tuple[int, int]], date: tuple[int, int]
) -> tuple[tuple[int, int], ...]:
    """Every verb and event noun between the hard boundaries around the date: what a design
    giving each date all the events of its clause would answer (an upper bound on recall)."""
    tokens = tokenize(text, *sentence)
    ends = [t.end for t in tokens]
    dates = span_tokens(tokens, ends, spans, *sentence)
    covered = span_tokens(tokens, ends, [date], *sentence)
    if not covered:
        return ()
    kinds = classify(tokens, dates)
    lo, hi = hard_segment(tokens, min(covered), max(covered) + 1)
    eventish = (Kind.VERB, Kind.EVENT_NOUN)
    return tuple(
        (tokens[i].start, tokens[i].end) for i in range(lo, hi) if kinds[i] in eventish and i not in dates
    )


def score_document(doc: CorpusDocument, score: Score, tagger: bool = False, clause: bool = False) -> None:
    """Add one document's anchoring counts to `score`; with `clause`, each date's event words are
    all the event words of its clause and precision is counted per word."""
    events = {e.id: (e.start, e.end) for e in doc.events}
    linked: dict[str, set[str]] = {}
    for link in doc.links:
        if not link.to_creation_time and link.event_id in events:
            linked.setdefault(link.timex_id, set()).add(link.event_id)
    gold = {a.tid: a for a in doc.timexes if a.tid}
    info = DocumentInfo(
        id=doc.id, reference_date=doc.reference_date, reference_source=ReferenceSource.METADATA
    )
    timexes = _system_timexes(doc, tagger)
    found = dated_events(Document(info=info, text=doc.text), timexes)
    spans = sorted((t.start, t.end) for t in timexes)
    sentences = join_across(split_sentences(doc.text), sorted((a.start, a.end) for a in doc.timexes))
    sentence_starts = [start for start, _ in sentences]

    def sentence_of(offset: int) -> int:
        return bisect_right(sentence_starts, offset)

    ours: list[tuple[tuple[int, int], DatedEvent]] = [
        ((timex.start, timex.end), dated) for dated in found for timex in dated.timexes
    ]
    score.documents += 1
    for tid, event_ids in sorted(linked.items()):
        annotation = gold.get(tid)
        if annotation is None:
            continue
        if not is_gold_calendar_date(annotation):
            continue
        span = (annotation.start, annotation.end)
        mine = event_over(ours, span)
        score.timexes += 1
        words = mine.words if mine else None
        extent = mine.extent if mine else None
        if clause:
            words = clause_words(doc.text, sentences[sentence_of(annotation.start) - 1], spans, span)
        for event_id in sorted(event_ids):
            score.gold_links += 1
            local = sentence_of(events[event_id][0]) == sentence_of(annotation.start)
            score.same_sentence += local
            score.found_extent += _covers(extent, events[event_id])
            if _covers(words, events[event_id]):
                score.found += 1
                score.found_same_sentence += local
            elif len(score.misses) < 2000:
                said = ", ".join(doc.text[a:b] for a, b in words) if words else "-"
                gold_word = doc.text[events[event_id][0] : events[event_id][1]]
                score.misses.append(f"{doc.id}: {annotation.text!r} gold={gold_word!r} ours={said}")
        if clause:
            score.predictions += len(words or ())
            score.correct += sum(any(overlaps(w, events[e]) for e in event_ids) for w in words or ())
        elif mine is not None:
            score.predictions += 1
            score.correct += any(_covers(words, events[e]) for e in event_ids)
            score.correct_extent += any(_covers(extent, events[e]) for e in event_ids)


def measure(
    name: str, documents: Iterable[CorpusDocument], tagger: bool = False, clause: bool = False
) -> Score:
    score = Score(name)
    for doc in documents:
        score_document(doc, score, tagger, clause)
    return score


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Event-time anchoring against gold TLINKs.")
    parser.add_argument("corpora", nargs="+", type=Path, help="corpus directories (MEANTIME, TimeML)")
    parser.add_argument("--tagger", action="store_true", help="use our temporal tagger, not gold timexes")
    parser.add_argument(
        "--clause-words",
        action="store_true",
        help="score every verb and event noun of the date's clause as its event (P per word): "
        "the recall a many-events-per-date design could reach",
    )
    parser.add_argument("--misses", type=int, default=0, help="print this many missed links per corpus")
    args = parser.parse_args(argv)
    print(
        f"{'corpus':<14} {'docs':>4} {'links':>5} {'P':>5} {'R':>5} {'F1':>5}   "
        f"{'P ext':>5} {'R ext':>5} {'F1 ext':>6}   {'R max':>5} {'R sent':>6} {'R in sent':>9}"
    )
    for root in args.corpora:
        s = measure(root.name, iter_corpus(root), args.tagger, args.clause_words)
        print(
            f"{s.name:<14} {s.documents:>4} {s.gold_links:>5} "
            f"{s.precision:>5.1f} {s.recall:>5.1f} {s.f1:>5.1f}   "
            f"{s.precision_extent:>5.1f} {s.recall_extent:>5.1f} {s.f1_extent:>6.1f}   "
            f"{s.ceiling:>5.1f} {s.sentence_ceiling:>6.1f} {s.recall_in_sentence:>9.1f}"
        )
        for miss in s.misses[: args.misses]:
            print("   ", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
