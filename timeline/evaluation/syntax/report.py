"""The table of figures per corpus, beside the nearest-verb baseline and the issue's probe figures."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.evaluation.syntax.scoring import Case, Tally

# The trained spaCy-on-EWT probe of issue 14 (GUM news unless said): not re-measured here.
PROBE = {
    "date.pct": "79 (GUM news)",
    "nearest.pct": "80 (GUM news)",
    "subject.pct": "83 (OntoNotes pipeline: 93)",
    "uas": "83.2 EWT test, 80.5 GUM news",
}
UPOS_ORDER = (
    "NOUN",
    "PROPN",
    "VERB",
    "AUX",
    "ADJ",
    "ADV",
    "ADP",
    "DET",
    "PRON",
    "NUM",
    "CCONJ",
    "SCONJ",
    "PART",
    "PUNCT",
)


def pct(right: int, total: int) -> str:
    return "-" if total == 0 else f"{100 * right / total:.1f}"


def prf(tally: Tally, key: str) -> tuple[str, str, str]:
    tp, fp, fn = (tally.counts[f"{key}.{k}"] for k in ("tp", "fp", "fn"))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{100 * p:.1f}", f"{100 * r:.1f}", f"{100 * f:.1f}"


def rate(tally: Tally, decision: str) -> str:
    n = tally.counts[f"{decision}.n"]
    return f"{pct(tally.counts[f'{decision}.ok'], n)} (n={n})"


def rows(tally: Tally) -> list[tuple[str, str, str]]:
    """(figure, value, probe) rows of one corpus."""
    c = tally.counts
    aligned = sum(tally.upos_total.values())
    right = sum(tally.upos_right.values())
    out: list[tuple[str, str, str]] = [
        ("sentences", str(c["sentences"]), ""),
        ("gold words cut as ours (% aligned)", pct(c["pos.aligned"], c["pos.gold_words"]), ""),
        ("UPOS accuracy implied by our classes", pct(right, aligned), ""),
    ]
    for upos in UPOS_ORDER:
        total = tally.upos_total[upos]
        out.append((f"  UPOS {upos}", f"{pct(tally.upos_right[upos], total)} (n={total})", ""))
    out += [
        ("VERB P / R / F1 (Kind.VERB)", " / ".join(prf(tally, "verb")), ""),
        ("AUX P / R / F1 (Kind.AUX)", " / ".join(prf(tally, "aux")), ""),
        ("event nouns that are gold NOUN", pct(c["event_noun.noun"], c["event_noun.n"]), ""),
        ("date expressions (calendar DATE/TIME found by our tagger)", str(c["date.timexes"]), ""),
        ("  skipped: date is the predicate", str(c["date.skipped.date is the predicate"]), ""),
        ("  skipped: no predicate up to the root", str(c["date.skipped.no predicate up to the root"]), ""),
        ("date -> predicate: our trigger", rate(tally, "date"), ""),
        ("  gold predicate a VERB", rate(tally, "date.verb"), ""),
        ("  gold predicate copular", rate(tally, "date.copula"), ""),
        ("  gold predicate a noun", rate(tally, "date.noun"), ""),
        ("date -> predicate: any of our event words", rate(tally, "date.words"), ""),
        ("date -> predicate: nearest gold VERB baseline", rate(tally, "nearest"), ""),
        ("date -> verb or copular predicate: our trigger", rate(tally, "date.clausal"), PROBE["date.pct"]),
        (
            "date -> verb or copular predicate: nearest gold VERB",
            rate(tally, "nearest.clausal"),
            PROBE["nearest.pct"],
        ),
        ("subject head (right predicate, verb trigger)", rate(tally, "subject"), PROBE["subject.pct"]),
        ("subject full phrase", rate(tally, "subject.phrase"), ""),
        ("clause starts P / R / F1", " / ".join(prf(tally, "clause")), ""),
        ("reported speech: date in a say-verb complement, trigger inside it", rate(tally, "reported"), ""),
        ("  trigger is the gold predicate", rate(tally, "reported.exact"), ""),
        ("  trigger is the say verb", str(c["reported.on_say_verb.n"] or c["reported.on_say_verb"]), ""),
        ("  complement span / speaker field", "0 (not modelled)", ""),
        ("voice of our verb group", rate(tally, "voice"), ""),
        ("  gold passives read passive", rate(tally, "voice.passive"), ""),
        ("voice the title says", rate(tally, "voice.title"), ""),
        ("  gold passives the title keeps passive", rate(tally, "voice.passive_title"), ""),
    ]
    return out


def table(names: Sequence[str], tallies: Sequence[Tally]) -> str:
    """One Markdown table: a row per figure, a column per corpus, the probe's figure last."""
    per = [rows(t) for t in tallies]
    header = "| figure | " + " | ".join(names) + " | probe (issue 14) |"
    lines = [header, "|" + "---|" * (len(names) + 2)]
    for i, (label, _, probe) in enumerate(per[0]):
        lines.append(f"| {label} | " + " | ".join(p[i][1] for p in per) + f" | {probe} |")
    lines.append(f"\nUAS of the probe parser (ours does not parse): {PROBE['uas']}.")
    return "\n".join(lines)


def failures(cases: Sequence[Case], decision: str, limit: int) -> str:
    """Up to `limit` failing cases of one decision, gold beside ours."""
    wrong = [c for c in cases if c.decision == decision and not c.right][:limit]
    return "\n".join(f"- [{c.sent_id}] {c.text}\n  gold: {c.gold} | ours: {c.ours}" for c in wrong)
