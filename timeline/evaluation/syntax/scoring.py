"""Scorers: each decision the titles depend on, ours against gold, counted over gold sentences."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from timeline.evaluation.syntax import adapter, gold
from timeline.evaluation.syntax.conllu import Sentence, Word

Span = tuple[int, int]

# Reference date for sentences whose file gives none: resolution needs one for relative dates
# to be calendar dates at all; which one does not change any decision scored here.
DEFAULT_REFERENCE = dt.date(2010, 6, 15)


@dataclass(frozen=True, slots=True)
class Case:
    """One scored case, kept for the failure listings."""

    decision: str
    sent_id: str
    text: str
    gold: str
    ours: str
    right: bool


@dataclass
class Tally:
    """Counts of one corpus run; `examples` holds every case, right or wrong."""

    counts: Counter[str] = field(default_factory=Counter)
    upos_total: Counter[str] = field(default_factory=Counter)
    upos_right: Counter[str] = field(default_factory=Counter)
    examples: list[Case] = field(default_factory=list)

    def add(self, key: str, value: int = 1) -> None:
        self.counts[key] += value

    def case(self, decision: str, sentence: Sentence, gold_text: str, ours: str, right: bool) -> None:
        self.counts[f"{decision}.n"] += 1
        self.counts[f"{decision}.ok"] += right
        self.examples.append(Case(decision, sentence.sent_id, sentence.text, gold_text, ours, right))


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _text(sentence: Sentence, span: Span | None) -> str:
    return "-" if span is None else sentence.text[span[0] : span[1]]


def _phrase(sentence: Sentence, spans: frozenset[Span] | tuple[Span, ...]) -> str:
    return " ".join(sentence.text[a:b] for a, b in sorted(spans)) or "-"


def reference_of(sentence: Sentence) -> dt.date:
    if sentence.date:
        try:
            return dt.date.fromisoformat(sentence.date[:10])
        except ValueError:
            pass
    return DEFAULT_REFERENCE


def score_parts_of_speech(sentence: Sentence, tally: Tally) -> None:
    """Our implied UPOS against gold, on the gold words our tokenizer cuts the same way."""
    ours = {(t.start, t.end): t for t in adapter.word_classes(sentence.text)}
    spans = Counter((w.start, w.end) for w in sentence.words)
    for word in sentence.words:
        tally.add("pos.gold_words")
        token = ours.get((word.start, word.end))
        if token is None or spans[(word.start, word.end)] > 1:
            continue
        tally.add("pos.aligned")
        tally.upos_total[word.upos] += 1
        tally.upos_right[word.upos] += token.upos == word.upos
        gold_verb, our_verb = word.upos == "VERB", token.kind == "verb"
        tally.add("verb.tp", gold_verb and our_verb)
        tally.add("verb.fp", our_verb and not gold_verb)
        tally.add("verb.fn", gold_verb and not our_verb)
        gold_aux, our_aux = word.upos == "AUX", token.kind == "aux"
        tally.add("aux.tp", gold_aux and our_aux)
        tally.add("aux.fp", our_aux and not gold_aux)
        tally.add("aux.fn", gold_aux and not our_aux)
        if token.kind == "event_noun":
            tally.add("event_noun.n")
            tally.add("event_noun.noun", word.upos == "NOUN")


def score_clauses(sentence: Sentence, tally: Tally) -> None:
    gold_starts = gold.clause_starts(sentence)
    ours = adapter.clause_starts(sentence.text)
    first = min((w.start for w in sentence.words if w.upos != "PUNCT"), default=0)
    ours = ours - {first}
    tally.add("clause.tp", len(gold_starts & ours))
    tally.add("clause.fp", len(ours - gold_starts))
    tally.add("clause.fn", len(gold_starts - ours))
    if gold_starts != ours:
        marks = sorted(
            [(p, "[G]") for p in gold_starts - ours]
            + [(p, "[O]") for p in ours - gold_starts]
            + [(p, "[=]") for p in gold_starts & ours],
            reverse=True,
        )
        marked = sentence.text
        for position, mark in marks:
            marked = marked[:position] + mark + marked[position:]
        tally.examples.append(Case("clause", sentence.sent_id, marked, "[G]/[=]", "[O]/[=]", False))


def score_dates(sentence: Sentence, tally: Tally) -> None:
    """Date -> predicate, the nearest-verb baseline, subject, voice and reported speech."""
    analysis = adapter.analyze(sentence.text, reference_of(sentence))
    for found in analysis.decisions:
        tally.add("date.timexes")
        others = [s for s in analysis.timexes if s != found.timex]
        pred, why = gold.predicate(sentence, found.timex, others)
        if pred is None:
            tally.add(f"date.skipped.{why}")
            continue
        kind = "verb" if pred.upos == "VERB" else "copula" if gold.has_cop(sentence, pred) else "noun"
        targets = gold.predicate_spans(sentence, pred)
        gold_text = f"{pred.form} ({kind}) <- {_text(sentence, found.timex)}"
        right = found.trigger is not None and any(_overlaps(found.trigger, t) for t in targets)
        tally.case("date", sentence, gold_text, _text(sentence, found.trigger), right)
        tally.case(f"date.{kind}", sentence, gold_text, _text(sentence, found.trigger), right)
        covered = any(_overlaps(w, t) for w in found.words for t in targets)
        tally.case("date.words", sentence, gold_text, _phrase(sentence, found.words), covered)
        near = gold.nearest_verb(sentence, found.timex)
        tally.case("nearest", sentence, gold_text, near.form if near else "-", near is pred)
        if kind != "noun":
            tally.case("date.clausal", sentence, gold_text, _text(sentence, found.trigger), right)
            tally.case("nearest.clausal", sentence, gold_text, near.form if near else "-", near is pred)
        _score_reported(sentence, tally, found, pred, right)
        if not right or found.noun or found.trigger is None:
            continue
        subj = gold.subject(sentence, pred)
        if subj is not None:
            phrase = gold.subject_phrase(sentence, subj)
            head_ok = any(_overlaps((subj.start, subj.end), s) for s in found.subject)
            tally.case(
                "subject",
                sentence,
                f"{subj.form} [{_phrase(sentence, phrase)}]",
                _phrase(sentence, found.subject),
                head_ok,
            )
            ours = frozenset(
                s
                for s in found.subject
                if sentence.text[s[0] : s[1]].lower() not in gold.ARTICLES
                and any(c.isalnum() for c in sentence.text[s[0] : s[1]])
            )
            tally.case(
                "subject.phrase", sentence, _phrase(sentence, phrase), _phrase(sentence, ours), ours == phrase
            )
        if pred.upos == "VERB" and found.passive_group is not None:
            is_passive = gold.passive(sentence, pred)
            label = "passive" if is_passive else "active"
            ours_group = "passive" if found.passive_group else "active"
            ours_title = "passive" if found.passive_title else "active"
            tally.case(
                "voice", sentence, f"{pred.form}: {label}", ours_group, found.passive_group == is_passive
            )
            tally.case(
                "voice.title",
                sentence,
                f"{pred.form}: {label}",
                f"{ours_title}: {found.title}",
                found.passive_title == is_passive,
            )
            if is_passive:
                tally.case("voice.passive", sentence, pred.form, ours_group, bool(found.passive_group))
                tally.case("voice.passive_title", sentence, pred.form, found.title, bool(found.passive_title))


def _score_reported(
    sentence: Sentence, tally: Tally, found: adapter.DatedDecision, pred: Word, right: bool
) -> None:
    """A date inside a say-verb's complement dates the reported event, not the saying."""
    inside = gold.reporting_complement(sentence, pred)
    if inside is None:
        return
    say, head = inside
    tree = {(w.start, w.end) for w in gold.subtree(sentence, head)}
    in_complement = found.trigger is not None and any(_overlaps(found.trigger, s) for s in tree)
    gold_text = f"{say.form} -> [{head.form}] ({pred.form})"
    tally.case("reported", sentence, gold_text, _text(sentence, found.trigger), in_complement)
    tally.case("reported.exact", sentence, gold_text, _text(sentence, found.trigger), right)
    on_say = found.trigger is not None and _overlaps(found.trigger, (say.start, say.end))
    tally.add("reported.on_say_verb", on_say)


def score_sentence(sentence: Sentence, tally: Tally) -> None:
    tally.add("sentences")
    score_parts_of_speech(sentence, tally)
    score_clauses(sentence, tally)
    score_dates(sentence, tally)
