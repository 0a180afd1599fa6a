"""Gold decisions read off a UD tree: a date's predicate, that predicate's subject, clause starts, voice.

The rules, exactly:

- Expression head: of the gold words overlapping a date expression, the one whose head lies
  outside the expression (the highest one when several do).
- A date whose expression head hangs on a word of another time expression of the sentence
  ("June" in "from April to June") continues from that expression: its head is X.
- Predicate of a date: look at the head H of the expression head X.
  - X is the root or has a `cop` child: the date is itself the predicate ("The vote is on
    Monday"); no predicate (counted apart as "date is the predicate").
  - H is a VERB, or has a `cop` child (a copular predicate: "was president in 2009"), or is a
    NOUN/PROPN (X is then its nmod / nmod:tmod / compound / amod: "the attack on Monday", "the
    2009 election"): H is the predicate.
  - otherwise (H is an ADJ, ADV, NUM, AUX, ...: "earlier this year", "the biggest drop since
    2008"), climb from H to its head by the same test, up to the root; reaching it without a
    predicate gives none.
- Subject of a predicate P: its nsubj / nsubj:pass / nsubj:outer / csubj / csubj:pass child; a
  relative pronoun subject (PronType=Rel) of an acl:relcl stands for the noun the clause
  modifies. With no such child, following UD's enhanced conventions: an xcomp takes its
  controller (the head's obj or iobj when it has one, else the head's subject) and a conj takes
  the subject of the conjunct it hangs on; both recursively.
- Subject phrase: the subject head's subtree without punctuation, the articles a/an/the, and
  the subtrees of its appos, acl, acl:relcl, parataxis, advcl and dep dependents (what a title
  drops by design).
- Clause starts: for each word heading advcl, ccomp, xcomp, acl:relcl, parataxis, or conj of a
  VERB (itself a VERB or copular), the first non-punctuation word of its subtree, and the first
  non-punctuation word after the subtree when one follows; the sentence's first word is never one.
- Voice: a predicate is passive when it has Voice=Pass, an aux:pass child or an nsubj:pass /
  csubj:pass child.
- Reporting verbs: the say-type lemmas in SAY_LEMMAS; their complement is a ccomp or parataxis child.
"""

from __future__ import annotations

from collections.abc import Sequence

from timeline.evaluation.syntax.conllu import Sentence, Word

Span = tuple[int, int]

NOMINAL = frozenset({"NOUN", "PROPN"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubj:outer", "csubj", "csubj:pass"})
DROPPED_FROM_PHRASE = frozenset({"appos", "acl", "acl:relcl", "parataxis", "advcl", "dep", "punct"})
CLAUSE_RELATIONS = frozenset({"advcl", "ccomp", "xcomp", "acl:relcl", "parataxis"})
SAY_LEMMAS = frozenset(
    {"say", "tell", "report", "announce", "state", "add", "claim", "confirm", "deny", "explain"}
    | {"note", "warn", "insist", "argue", "write", "declare", "reveal", "admit", "acknowledge"}
)
ARTICLES = frozenset({"a", "an", "the"})


def overlapping(sentence: Sentence, span: Span) -> list[Word]:
    return [w for w in sentence.words if w.start < span[1] and span[0] < w.end]


def _depth(sentence: Sentence, word: Word) -> int:
    depth, seen = 0, set()
    while word.head and word.id not in seen:
        seen.add(word.id)
        word = sentence.word(word.head)
        depth += 1
    return depth


def expression_head(sentence: Sentence, span: Span) -> Word | None:
    inside = overlapping(sentence, span)
    ids = {w.id for w in inside}
    outside = [w for w in inside if w.head not in ids]
    return min(outside, key=lambda w: _depth(sentence, w)) if outside else None


def has_cop(sentence: Sentence, word: Word) -> bool:
    return any(c.deprel == "cop" for c in sentence.children(word.id))


def _is_predicate(sentence: Sentence, word: Word) -> bool:
    return word.upos == "VERB" or has_cop(sentence, word) or word.upos in NOMINAL


def predicate(sentence: Sentence, span: Span, others: Sequence[Span] = ()) -> tuple[Word | None, str]:
    """The gold predicate of a date expression and why there is none ("" when found); `others`
    are the sentence's other time expressions, which a date that hangs on one joins ("from April
    to June", "Saturday, 10 June", "2013-2014")."""
    x = expression_head(sentence, span)
    if x is None:
        return None, "no words"
    seen_dates: set[int] = set()
    while x.head and x.id not in seen_dates:
        seen_dates.add(x.id)
        h = sentence.word(x.head)
        if not any(h.start < b and a < h.end for a, b in others):
            break
        x = h
    if x.head == 0 or has_cop(sentence, x):
        return None, "date is the predicate"
    h = sentence.word(x.head)
    seen: set[int] = set()
    while h.id not in seen:
        seen.add(h.id)
        if _is_predicate(sentence, h):
            return h, ""
        if h.head == 0:
            return None, "no predicate up to the root"
        h = sentence.word(h.head)
    return None, "cycle"


def predicate_spans(sentence: Sentence, word: Word) -> list[Span]:
    """The predicate word and, for a copular predicate, its copula."""
    spans = [(word.start, word.end)]
    spans += [(c.start, c.end) for c in sentence.children(word.id) if c.deprel == "cop"]
    return spans


def nearest_verb(sentence: Sentence, span: Span) -> Word | None:
    """The gold VERB nearest the expression (in words; ties go left), outside it."""
    inside = overlapping(sentence, span)
    if not inside:
        return None
    first, last = min(w.id for w in inside), max(w.id for w in inside)
    verbs = [w for w in sentence.words if w.upos == "VERB" and not first <= w.id <= last]
    if not verbs:
        return None
    return min(verbs, key=lambda w: (first - w.id if w.id < first else w.id - last, w.id > last))


def subject(sentence: Sentence, word: Word, depth: int = 0) -> Word | None:
    if depth > 8:
        return None
    children = sentence.children(word.id)
    own = [c for c in children if c.deprel in SUBJECTS]
    if own:
        found = own[0]
        if found.feats.get("PronType") == "Rel" and word.deprel.startswith("acl") and word.head:
            return sentence.word(word.head)
        return found
    if not word.head:
        return None
    head = sentence.word(word.head)
    if word.deprel == "xcomp":
        objects = [c for c in sentence.children(head.id) if c.deprel in ("obj", "iobj")]
        return objects[0] if objects else subject(sentence, head, depth + 1)
    if word.deprel == "conj":
        return subject(sentence, head, depth + 1)
    return None


def subtree(sentence: Sentence, word: Word, dropped: frozenset[str] = frozenset()) -> list[Word]:
    out = [word]
    for child in sentence.children(word.id):
        if child.deprel not in dropped:
            out.extend(subtree(sentence, child, dropped))
    return sorted(out, key=lambda w: w.id)


def subject_phrase(sentence: Sentence, word: Word) -> frozenset[Span]:
    words = subtree(sentence, word, DROPPED_FROM_PHRASE)
    return frozenset((w.start, w.end) for w in words if w.upos != "PUNCT" and w.form.lower() not in ARTICLES)


def clause_starts(sentence: Sentence) -> frozenset[int]:
    words = [w for w in sentence.words if w.upos != "PUNCT"]
    if not words:
        return frozenset()
    first = words[0].start
    starts: set[int] = set()
    for w in sentence.words:
        clause = w.deprel in CLAUSE_RELATIONS
        if w.deprel == "conj" and w.head:
            head = sentence.word(w.head)
            clause = head.upos == "VERB" and (w.upos == "VERB" or has_cop(sentence, w))
        if not clause:
            continue
        tree = [t for t in subtree(sentence, w) if t.upos != "PUNCT"]
        if not tree:
            continue
        starts.add(tree[0].start)
        after = [t for t in words if t.id > tree[-1].id]
        if after:
            starts.add(after[0].start)
    starts.discard(first)
    return frozenset(starts)


def passive(sentence: Sentence, word: Word) -> bool:
    if word.feats.get("Voice") == "Pass":
        return True
    return any(c.deprel in ("aux:pass", "nsubj:pass", "csubj:pass") for c in sentence.children(word.id))


def reporting_complement(sentence: Sentence, word: Word) -> tuple[Word, Word] | None:
    """(say-verb, complement head) when `word` lies in the complement of a say-type verb."""
    current = word
    seen: set[int] = set()
    while current.head and current.id not in seen:
        seen.add(current.id)
        head = sentence.word(current.head)
        if current.deprel in ("ccomp", "parataxis") and head.lemma.lower() in SAY_LEMMAS:
            return head, current
        if current.deprel in ("ccomp", "parataxis", "advcl", "acl:relcl"):
            return None  # an intervening clause: not this verb's reported content
        current = head
    return None
