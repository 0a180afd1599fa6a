"""The TempEval-3 Task A scorer: strict/relaxed span match, type and value on relaxed matches, micro-averaged.

Rules (TE3 Task A, on character spans):
- only TIMEX3 in the document text count; the DCT does not (MEANTIME's dateline: `unscored`);
- relaxed match: the spans overlap; strict match: identical spans;
- precision counts system timexes that match some gold one, recall gold timexes matched by some
  system one (so a long system span over two gold ones is one correct system timex and two found gold);
- type and value are compared as exact strings on relaxed-matched pairs; each gold timex is paired
  with its same-span system timex, else the one overlapping it most (the first on a tie);
- attribute accuracy = correct / relaxed-matched gold; attribute F1 = accuracy * relaxed F1;
- counts are summed over the corpus before dividing (micro average);
- a document whose system text differs from the gold text scores nothing: its gold timexes all
  count as missed, its system timexes are not aligned, and it is reported.
Zero-width timexes (none in TBAQ or MEANTIME) can never overlap and are ignored; a system span
tagged twice counts once (the first).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pydantic import Field

from timeline.evaluation.corpus import Annotation, CorpusDocument
from timeline.models import Frozen


class Counts(Frozen):
    """What the scores are computed from; adds up over documents."""

    gold: int = 0
    system: int = 0
    strict_gold: int = 0  # gold timexes with a same-span system timex
    strict_system: int = 0
    relaxed_gold: int = 0  # gold timexes overlapped by a system timex
    relaxed_system: int = 0
    type_correct: int = 0  # among relaxed-matched gold timexes
    value_correct: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(**{name: getattr(self, name) + getattr(other, name) for name in Counts.model_fields})


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


class Scores(Frozen):
    """TE3 Task A figures as fractions in [0, 1]."""

    strict_precision: float
    strict_recall: float
    strict_f1: float
    relaxed_precision: float
    relaxed_recall: float
    relaxed_f1: float
    type_accuracy: float
    type_f1: float
    value_accuracy: float
    value_f1: float

    @classmethod
    def of(cls, c: Counts) -> Scores:
        sp, sr = _ratio(c.strict_system, c.system), _ratio(c.strict_gold, c.gold)
        rp, rr = _ratio(c.relaxed_system, c.system), _ratio(c.relaxed_gold, c.gold)
        rf = _f1(rp, rr)
        type_acc, value_acc = _ratio(c.type_correct, c.relaxed_gold), _ratio(c.value_correct, c.relaxed_gold)
        return cls(
            strict_precision=sp,
            strict_recall=sr,
            strict_f1=_f1(sp, sr),
            relaxed_precision=rp,
            relaxed_recall=rr,
            relaxed_f1=rf,
            type_accuracy=type_acc,
            type_f1=type_acc * rf,
            value_accuracy=value_acc,
            value_f1=value_acc * rf,
        )


class Pair(Frozen):
    gold: Annotation
    system: Annotation


class DocumentResult(Frozen):
    """One document's counts and the individual errors behind them."""

    document_id: str
    counts: Counts
    text_mismatch: bool = False
    missed: tuple[Annotation, ...] = Field((), description="gold timexes no system timex overlaps")
    spurious: tuple[Annotation, ...] = Field((), description="system timexes overlapping no gold one")
    wrong_span: tuple[Pair, ...] = Field((), description="relaxed but not strict matches")
    wrong_type: tuple[Pair, ...] = ()
    wrong_value: tuple[Pair, ...] = ()
    cut_token: tuple[Annotation, ...] = Field(
        (), description="system timexes that start or end inside a token (the TE3 scorer reports them)"
    )


class CorpusResult(Frozen):
    documents: tuple[DocumentResult, ...]

    @property
    def counts(self) -> Counts:
        return sum((d.counts for d in self.documents), Counts())

    @property
    def scores(self) -> Scores:
        return Scores.of(self.counts)

    @property
    def mismatched(self) -> tuple[str, ...]:
        return tuple(d.document_id for d in self.documents if d.text_mismatch)

    @property
    def cut_tokens(self) -> int:
        return sum(len(d.cut_token) for d in self.documents)


def cuts_token(text: str, start: int, end: int) -> bool:
    """Whether [start, end) begins or ends between two letters or digits of one token ("4:1[2:09"
    is cut inside "4:12:09" too: a digit after a colon or point that follows a digit)."""

    def inside(left: int) -> bool:
        if left <= 0 or left >= len(text):
            return False
        a, b = text[left - 1], text[left]
        if a.isalnum() and b.isalnum():
            return True
        joined = a in ":.," and b.isdigit() and left > 1 and text[left - 2].isdigit()
        return joined or (b in ":.," and a.isdigit() and left + 1 < len(text) and text[left + 1].isdigit())

    return inside(start) or inside(end)


def _overlap(a: Annotation, b: Annotation) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def _same_span(a: Annotation, b: Annotation) -> bool:
    return a.start == b.start and a.end == b.end


def _scored(annotations: Iterable[Annotation], unscored: Sequence[tuple[int, int]]) -> list[Annotation]:
    return [
        a
        for a in annotations
        if a.end > a.start and not any(a.start < end and start < a.end for start, end in unscored)
    ]


def _distinct(annotations: list[Annotation]) -> list[Annotation]:
    """One annotation per span (the first): a span tagged twice is one TIMEX3 in TimeML, and
    counting it twice would inflate precision."""
    seen: set[tuple[int, int]] = set()
    kept = []
    for a in annotations:
        if (a.start, a.end) not in seen:
            seen.add((a.start, a.end))
            kept.append(a)
    return kept


def scored_gold(document: CorpusDocument) -> list[Annotation]:
    """The gold timexes that count: non-empty and outside the document's unscored spans."""
    return _scored(document.timexes, document.unscored)


def _partner(gold: Annotation, system: Sequence[Annotation]) -> Annotation | None:
    """The system timex whose attributes are compared with `gold`: same span, else largest overlap."""
    best: Annotation | None = None
    for candidate in system:
        if _same_span(gold, candidate):
            return candidate
        if _overlap(gold, candidate) > 0 and (
            best is None or _overlap(gold, candidate) > _overlap(gold, best)
        ):
            best = candidate
    return best


def score_document(gold: CorpusDocument, system_text: str, system: Sequence[Annotation]) -> DocumentResult:
    """Score one document's system timexes (offsets into `system_text`) against its gold ones."""
    gold_timexes = scored_gold(gold)
    if system_text != gold.text:
        return DocumentResult(
            document_id=gold.id,
            counts=Counts(gold=len(gold_timexes)),
            text_mismatch=True,
            missed=tuple(gold_timexes),
        )
    system_timexes = _distinct(_scored(system, gold.unscored))
    missed: list[Annotation] = []
    wrong_span: list[Pair] = []
    wrong_type: list[Pair] = []
    wrong_value: list[Pair] = []
    strict_gold = relaxed_gold = type_correct = value_correct = 0
    for g in gold_timexes:
        partner = _partner(g, system_timexes)
        if partner is None:
            missed.append(g)
            continue
        relaxed_gold += 1
        if any(_same_span(g, s) for s in system_timexes):
            strict_gold += 1
        else:
            wrong_span.append(Pair(gold=g, system=partner))
        if partner.type == g.type:
            type_correct += 1
        else:
            wrong_type.append(Pair(gold=g, system=partner))
        if partner.value == g.value:
            value_correct += 1
        else:
            wrong_value.append(Pair(gold=g, system=partner))
    spurious = [s for s in system_timexes if not any(_overlap(s, g) > 0 for g in gold_timexes)]
    strict_system = sum(1 for s in system_timexes if any(_same_span(s, g) for g in gold_timexes))
    return DocumentResult(
        document_id=gold.id,
        counts=Counts(
            gold=len(gold_timexes),
            system=len(system_timexes),
            strict_gold=strict_gold,
            strict_system=strict_system,
            relaxed_gold=relaxed_gold,
            relaxed_system=len(system_timexes) - len(spurious),
            type_correct=type_correct,
            value_correct=value_correct,
        ),
        missed=tuple(missed),
        spurious=tuple(spurious),
        wrong_span=tuple(wrong_span),
        wrong_type=tuple(wrong_type),
        wrong_value=tuple(wrong_value),
        cut_token=tuple(s for s in system_timexes if cuts_token(system_text, s.start, s.end)),
    )
