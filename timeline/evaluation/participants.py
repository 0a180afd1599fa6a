"""Who did what: how often an event's title names the gold agent (Arg0) and patient (Arg1) (MEANTIME).

For each gold TLINK from an event to a calendar DATE/TIME timex (not the creation time), each of
the event's HAS_PARTICIPANT links with role Arg0 or Arg1 to an entity mention is one case; it is
found when the title of our event for that timex contains the head word of the mention. Gold
timexes are given to the event layer (as `python -m timeline.evaluation.anchoring` does), so the
figure measures anchoring and titles, not the tagger.

Head words of a mention (MEANTIME leaves its `head` attribute empty): the mention is split at
commas and brackets into its phrase and its appositions ("Irish low cost airline, Ryanair");
each part is cut before its first preposition, relative pronoun or coordinator ("Northrop
Grumman and Airbus parent EADS" -> "Northrop Grumman"), and its head is the last word of what
remains, a possessive "'s" dropped. A title names the participant when one of its words equals
one of these heads, case aside.

Columns: n (cases), R (found / n), R anchored (found / cases where our event's words cover the gold
event word: titles alone, given the right event).

    python -m timeline.evaluation.participants ../shared/corpora/meantime-en
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from timeline.evaluation.anchoring import event_over, gold_timex, is_gold_calendar_date, overlaps
from timeline.evaluation.corpus import CorpusDocument
from timeline.evaluation.loading import iter_corpus
from timeline.evaluation.timeml import CorpusError
from timeline.events.detect import dated_events
from timeline.models import Document, DocumentInfo, ReferenceSource

ROLES = {"Arg0": "A0", "Arg1": "A1"}
_WORD = re.compile(r"[\w$%.'\u2019-]+")
_CUT = frozenset(
    {"of", "in", "for", "from", "at", "with", "on", "to", "by", "about", "over", "under", "between"}
    | {"who", "which", "that", "whose", "and", "or", "but"}
)


def heads(mention: str) -> tuple[str, ...]:
    """The head words of an entity mention and of its appositions, by the module's rule."""
    found = [head_word(part) for part in re.split(r"[,()\[\];:]|\s--?\s", mention)]
    return tuple(h for h in found if h)


def head_word(mention: str) -> str:
    """The head word of a phrase by the module's rule ("" when it has no word)."""
    words: list[str] = []
    for word in mention.split():
        if word.lower() in _CUT:
            break
        words.append(word)
    for word in reversed(words):
        word = re.sub(r"['\u2019]s$", "", word)
        if any(c.isalnum() for c in word):
            return word
    return ""


def names(title: str, head: str) -> bool:
    """Whether a title contains the head word (case aside, a possessive 's aside)."""
    wanted = head.lower().strip(".")
    return any(re.sub(r"['\u2019]s$", "", w).lower().strip(".") == wanted for w in _WORD.findall(title))


@dataclass
class Recall:
    """Counts per role: cases, found, and the same over cases whose event we anchored right."""

    cases: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES.values(), 0))
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES.values(), 0))
    anchored: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES.values(), 0))
    anchored_found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES.values(), 0))
    misses: list[str] = field(default_factory=list)


def score_document(doc: CorpusDocument, recall: Recall) -> None:
    """Add one document's cases to `recall`."""
    events = {e.id: (e.start, e.end) for e in doc.events}
    timexes = {a.tid: a for a in doc.timexes if a.tid}
    inputs = [t for t in (gold_timex(a) for a in doc.timexes) if t is not None]
    info = DocumentInfo(
        id=doc.id, reference_date=doc.reference_date, reference_source=ReferenceSource.METADATA
    )
    found = dated_events(Document(info=info, text=doc.text), inputs)
    ours = [((t.start, t.end), d) for d in found for t in d.timexes]
    roles: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
    for participant in doc.participants:
        role = ROLES.get(participant.role)
        if role is not None:
            entry = (role, participant.text, heads(participant.text))
            roles.setdefault(participant.event_id, []).append(entry)
    for link in doc.links:
        annotation = timexes.get(link.timex_id)
        if link.to_creation_time or annotation is None or link.event_id not in events:
            continue
        if not is_gold_calendar_date(annotation):
            continue
        mine = event_over(ours, (annotation.start, annotation.end))
        title = mine.event.title if mine else ""
        right = mine is not None and any(overlaps(w, events[link.event_id]) for w in mine.words)
        for role, text, head in roles.get(link.event_id, []):
            if not head:
                continue
            hit = any(names(title, h) for h in head)
            recall.cases[role] += 1
            recall.found[role] += hit
            recall.anchored[role] += right
            recall.anchored_found[role] += hit and right
            if not hit and len(recall.misses) < 2000:
                event_word = doc.text[slice(*events[link.event_id])]
                recall.misses.append(
                    f"{doc.id}: {role} {text!r} (head {head!r}) of {event_word!r}: {title!r}"
                )


def measure(documents: Iterable[CorpusDocument]) -> Recall:
    recall = Recall()
    for doc in documents:
        score_document(doc, recall)
    return recall


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}" if b else "    -"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m timeline.evaluation.participants", description=__doc__)
    parser.add_argument("corpora", nargs="+", type=Path, help="MEANTIME corpus directories")
    parser.add_argument("--misses", type=int, default=0, help="print this many missed participants")
    args = parser.parse_args(argv)
    print(f"{'corpus':<14} {'role':<4} {'n':>4} {'R':>5} {'n anch':>6} {'R anch':>6}")
    for root in args.corpora:
        try:
            recall = measure(iter_corpus(root))
        except (CorpusError, OSError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        for role in ROLES.values():
            n, hit = recall.cases[role], recall.found[role]
            a, a_hit = recall.anchored[role], recall.anchored_found[role]
            print(f"{root.name:<14} {role:<4} {n:>4} {_pct(hit, n)} {a:>6} {_pct(a_hit, a):>6}")
        for miss in recall.misses[: args.misses]:
            print("   ", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
