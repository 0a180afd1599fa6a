"""Render benchmark runs: the one comparison table (Markdown) and the per-category error report."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from timeline.evaluation.benchmark import PeerRun
from timeline.evaluation.corpus import Annotation, CorpusDocument
from timeline.evaluation.scoring import DocumentResult, Pair, scored_gold

COLUMNS = (
    "tagger",
    "version",
    "strict F1",
    "relaxed P",
    "relaxed R",
    "relaxed F1",
    "type F1",
    "value F1",
    "s/MB",
)


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def _row(run: PeerRun) -> list[str]:
    if run.result is None:
        # A peer that could not run has no scores: say so where the scores would be.
        return [run.name, "skipped (see note)", *["-"] * 7]
    s = run.result.scores
    speed = run.seconds_per_mb
    return [
        run.name,
        run.version or "-",
        _pct(s.strict_f1),
        _pct(s.relaxed_precision),
        _pct(s.relaxed_recall),
        _pct(s.relaxed_f1),
        _pct(s.type_f1),
        _pct(s.value_f1),
        f"{speed:.1f}" if speed is not None else "-",
    ]


def table(runs: Sequence[PeerRun]) -> str:
    """A Markdown table, aligned so it also reads well in a terminal."""
    rows = [list(COLUMNS), *(_row(r) for r in runs)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]

    def line(cells: list[str]) -> str:
        return (
            "| "
            + " | ".join(
                c.ljust(w) if i < 2 else c.rjust(w)
                for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            )
            + " |"
        )

    rule = "|" + "|".join("-" * (w + 1) + (":" if i >= 2 else "-") for i, w in enumerate(widths)) + "|"
    return "\n".join([line(rows[0]), rule, *(line(r) for r in rows[1:])])


def notes(runs: Sequence[PeerRun]) -> list[str]:
    """Skipped peers, documents whose text differed, and documents a peer failed on."""
    out: list[str] = []
    for run in runs:
        if run.note:
            out.append(f"{run.name}: skipped: {run.note}")
        if run.result is not None and run.result.cut_tokens:
            out.append(f"{run.name}: {run.result.cut_tokens} timex(es) start or end inside a token")
        if run.result is not None and run.result.mismatched:
            out.append(f"{run.name}: text differs, scored as all missed: {', '.join(run.result.mismatched)}")
        if run.failures:
            shown = "; ".join(run.failures[:3])
            more = f" (+{len(run.failures) - 3} more)" if len(run.failures) > 3 else ""
            out.append(f"{run.name}: {len(run.failures)} document failure(s): {shown}{more}")
    return out


def _context(text: str, a: Annotation, width: int = 40) -> str:
    before = text[max(0, a.start - width) : a.start].replace("\n", " ")
    after = text[a.end : a.end + width].replace("\n", " ")
    return f"…{before}[{a.text}]{after}…"


def _describe(a: Annotation) -> str:
    mod = f" mod={a.mod}" if a.mod else ""
    rule = f" [{a.rule}]" if a.rule else ""
    return f"{a.type} {a.value}{mod}{rule}"


def _pair(p: Pair) -> str:
    return f"gold {p.gold.text!r} {_describe(p.gold)} | system {p.system.text!r} {_describe(p.system)}"


CATEGORIES = ("missed", "spurious", "wrong_span", "wrong_type", "wrong_value", "cut_token")


def by_type(run: PeerRun, documents: Sequence[CorpusDocument]) -> list[str]:
    """Per gold type: how many there are, how many were missed, how many found have a wrong value."""
    gold = Counter(t.type for d in documents for t in scored_gold(d))
    assert run.result is not None
    missed = Counter(a.type for d in run.result.documents for a in d.missed)
    wrong = Counter(p.gold.type for d in run.result.documents for p in d.wrong_value)
    lines = [f"{'type':<10} {'gold':>6} {'missed':>7} {'wrong value':>12}"]
    for kind, total in gold.most_common():
        lines.append(f"{kind:<10} {total:>6} {missed[kind]:>7} {wrong[kind]:>12}")
    return lines


def by_rule(run: PeerRun) -> list[str]:
    """Per tagger rule (when the tagger names them): its spurious, wrong-span, -type and -value timexes."""
    assert run.result is not None
    counts: dict[str, Counter[str]] = {}
    for doc in run.result.documents:
        for a in doc.spurious:
            counts.setdefault(a.rule or "?", Counter())["spurious"] += 1
        for category in ("wrong_span", "wrong_type", "wrong_value"):
            for pair in getattr(doc, category):
                counts.setdefault(pair.system.rule or "?", Counter())[category] += 1
    if set(counts) <= {"?"}:
        return []
    columns = ("spurious", "wrong_span", "wrong_type", "wrong_value")
    width = max(len(r) for r in counts)
    lines = [f"{'rule':<{width}} " + " ".join(f"{c:>11}" for c in columns)]
    for rule, found in sorted(counts.items(), key=lambda item: (-sum(item[1].values()), item[0])):
        lines.append(f"{rule:<{width}} " + " ".join(f"{found[c]:>11}" for c in columns))
    return lines


def error_text(runs: Sequence[PeerRun], documents: Sequence[CorpusDocument]) -> str:
    """Every error of every measured peer, grouped by category, with context from the text."""
    texts = {d.id: d.text for d in documents}
    lines: list[str] = []
    for run in runs:
        if run.result is None:
            continue
        lines.append(f"## {run.name}: by gold type")
        lines.extend([*by_type(run, documents), ""])
        rules = by_rule(run)
        if rules:
            lines.extend([f"## {run.name}: errors by rule", *rules, ""])
        for category in CATEGORIES:
            entries: list[str] = []
            for doc in run.result.documents:
                text = texts.get(doc.document_id, "")
                for item in getattr(doc, category):
                    if isinstance(item, Pair):
                        entries.append(f"{doc.document_id}\t{_pair(item)}\t{_context(text, item.gold)}")
                    else:
                        entries.append(f"{doc.document_id}\t{_describe(item)}\t{_context(text, item)}")
            lines.append(f"## {run.name}: {category} ({len(entries)})")
            lines.extend(entries)
            lines.append("")
    return "\n".join(lines)


def _doc_errors(doc: DocumentResult) -> dict[str, object]:
    return {c: [item.model_dump() for item in getattr(doc, c)] for c in CATEGORIES}


def error_json(runs: Sequence[PeerRun]) -> str:
    """The same errors as JSON: {peer: {document: {category: [...]}}}."""
    payload = {
        run.name: {d.document_id: _doc_errors(d) for d in run.result.documents}
        for run in runs
        if run.result is not None
    }
    return json.dumps(payload, indent=1, ensure_ascii=False)


def summary_json(runs: Sequence[PeerRun], corpus: str, documents: int) -> str:
    """Machine-readable results of a benchmark run (scores, counts, versions, speed)."""
    payload = {
        "corpus": corpus,
        "documents": documents,
        "taggers": [
            {
                "name": r.name,
                "version": r.version,
                "note": r.note,
                "skipped": r.skipped,
                "seconds": r.seconds,
                "megabytes": r.megabytes,
                "seconds_per_mb": r.seconds_per_mb,
                "scores": r.result.scores.model_dump() if r.result else None,
                "counts": r.result.counts.model_dump() if r.result else None,
                "mismatched": list(r.result.mismatched) if r.result else [],
                "failures": list(r.failures),
            }
            for r in runs
        ],
    }
    return json.dumps(payload, indent=1)
