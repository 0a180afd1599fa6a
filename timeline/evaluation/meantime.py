"""Reader of MEANTIME CAT XML: text rebuilt from tokens, token-anchored TIMEX3, events, TLINKs.

Joining rule (the text a tagger sees, and the offsets of every annotation in it):
- one line per sentence (token attribute `sentence`), lines joined by a newline;
- within a sentence tokens are joined by one space, except no space before closing punctuation
  and clitics (`, . ; : ! ? % ) ] '' 's n't ...` and closing curly quotes), none after opening
  brackets, quotes and currency signs (`( [ `` $ US$ £ €`), and a straight double quote alternates
  opening/closing.
The dateline carries the creation time (functionInDocument="CREATION_TIME"): it is the DCT, so, as
in TempEval-3 where the DCT sits outside TEXT, its span is not scored (`CorpusDocument.unscored`).
MEANTIME annotates only the first sentences of each article (title, dateline and four sentences):
the tagger sees the whole article, but the sentences after the last one holding any markable are
not scored either — there, every found timex would otherwise count as spurious.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from timeline.evaluation.corpus import (
    Annotation,
    CorpusDocument,
    CorpusFormat,
    CreationTime,
    EventMention,
    EventTimeLink,
    Participant,
)
from timeline.evaluation.relations import inverse
from timeline.evaluation.timeml import CorpusError

# Tokens written without a space before / after them (curly quotes written as escapes: ruff RUF001).
PUNCTUATION_CLOSING = (",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "''", "\u201d", "\u2019", "'", "...")
CLITICS = ("'s", "'S", "n't", "'ve", "'re", "'ll", "'d", "'m")
NO_SPACE_BEFORE = frozenset((*PUNCTUATION_CLOSING, *CLITICS))
NO_SPACE_AFTER = frozenset(["(", "[", "{", "``", "\u201c", "\u2018", "$", "US$", "\u00a3", "\u20ac", "#"])


def join_tokens(tokens: list[tuple[str, str, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Text of (t_id, sentence, word) tokens by the module's joining rule, and each token's span."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    length = 0
    sentence: str | None = None
    glue = True  # no separator before the next token
    open_quote = False
    for t_id, sent, word in tokens:
        if sentence is not None and sent != sentence:
            separator = "\n"
        elif glue or word in NO_SPACE_BEFORE or (word == '"' and open_quote):
            separator = ""
        else:
            separator = " "
        if sentence is None:
            separator = ""
        sentence = sent
        parts.append(separator)
        length += len(separator)
        spans[t_id] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        if word == '"':
            open_quote = not open_quote
            glue = open_quote
        else:
            glue = word in NO_SPACE_AFTER
    return "".join(parts), spans


def _anchored_span(
    element: ET.Element, spans: dict[str, tuple[int, int]], path: Path
) -> tuple[int, int] | None:
    ids = [anchor.get("t_id", "") for anchor in element.findall("token_anchor")]
    if not ids:
        return None  # a non-textual annotation (e.g. an implicit date)
    try:
        offsets = [spans[i] for i in ids]
    except KeyError as err:
        raise CorpusError(f"{path}: token_anchor to unknown token {err}") from err
    return min(s for s, _ in offsets), max(e for _, e in offsets)


def _unannotated_tail(
    tokens: list[tuple[str, str, str]], spans: dict[str, tuple[int, int]], markables: ET.Element
) -> int | None:
    """Offset where the sentences after the last annotated one begin (None: all are annotated)."""
    sentence_of = {t_id: int(sentence) for t_id, sentence, _ in tokens if sentence.isdigit()}
    anchored = [sentence_of.get(a.get("t_id", ""), -1) for a in markables.iter("token_anchor")]
    if not anchored:
        return None
    last = max(anchored)
    after = [spans[t_id][0] for t_id, sentence, _ in tokens if sentence.isdigit() and int(sentence) > last]
    return min(after) if after else None


def parse_meantime(content: str, path: Path) -> CorpusDocument:
    """Parse the content of one MEANTIME CAT XML file."""
    try:
        root = ET.fromstring(content)
    except ET.ParseError as err:
        raise CorpusError(f"{path}: not well-formed XML: {err}") from err
    tokens = [(t.get("t_id", ""), t.get("sentence", ""), t.text or "") for t in root.iter("token")]
    text, spans = join_tokens(tokens)
    markables = root.find("Markables")
    if markables is None:
        raise CorpusError(f"{path}: no <Markables>")
    timexes: list[Annotation] = []
    creation: CreationTime | None = None
    unscored: list[tuple[int, int]] = []
    tail = _unannotated_tail(tokens, spans, markables)
    if tail is not None:
        unscored.append((tail, len(text)))
    for timex in markables.findall("TIMEX3"):
        span = _anchored_span(timex, spans, path)
        if span is None:
            continue
        annotation = Annotation(
            start=span[0],
            end=span[1],
            text=text[span[0] : span[1]],
            type=timex.get("type", ""),
            value=timex.get("value", ""),
            mod=timex.get("mod") or None,
            tid=timex.get("m_id"),
            anchor_tid=timex.get("anchorTimeID") or None,
        )
        if timex.get("functionInDocument") == "CREATION_TIME":
            creation = CreationTime(
                value=annotation.value, text=annotation.text, type=annotation.type, tid=annotation.tid or ""
            )
            unscored.append(span)
        else:
            timexes.append(annotation)
    events: list[EventMention] = []
    for mention in markables.findall("EVENT_MENTION"):
        span = _anchored_span(mention, spans, path)
        if span is not None:
            events.append(
                EventMention(
                    id=mention.get("m_id", ""),
                    start=span[0],
                    end=span[1],
                    text=text[span[0] : span[1]],
                    event_class=mention.get("pos") or None,
                )
            )
    event_ids = {e.id for e in events}
    timex_ids = {t.tid for t in timexes} | ({creation.tid} if creation else set())
    links: list[EventTimeLink] = []
    for link in root.iter("TLINK"):
        source_el, target_el = link.find("source"), link.find("target")
        if source_el is None or target_el is None:
            continue
        source, target = source_el.get("m_id", ""), target_el.get("m_id", "")
        rel = link.get("reltype", "")
        if source in timex_ids and target in event_ids:
            source, target, rel = target, source, inverse(rel)
        if source in event_ids and target in timex_ids:
            links.append(
                EventTimeLink(
                    id=link.get("r_id", ""),
                    event_id=source,
                    timex_id=target,
                    rel_type=rel,
                    to_creation_time=creation is not None and target == creation.tid,
                )
            )
    return CorpusDocument(
        participants=_participants(root, markables, spans, text, event_ids, path),
        id=root.get("doc_name") or path.stem,
        path=str(path),
        format=CorpusFormat.MEANTIME,
        text=text,
        title=text.split("\n", 1)[0],
        creation_time=creation,
        timexes=tuple(sorted(timexes, key=lambda t: (t.start, -t.end))),
        events=tuple(sorted(events, key=lambda e: (e.start, e.end))),
        links=tuple(links),
        unscored=tuple(sorted(unscored)),
    )


def _participants(
    root: ET.Element,
    markables: ET.Element,
    spans: dict[str, tuple[int, int]],
    text: str,
    event_ids: set[str],
    path: Path,
) -> tuple[Participant, ...]:
    """HAS_PARTICIPANT links from an event mention to an entity mention, with its span and role."""
    entities: dict[str, tuple[int, int]] = {}
    for mention in markables.findall("ENTITY_MENTION"):
        span = _anchored_span(mention, spans, path)
        if span is not None:
            entities[mention.get("m_id", "")] = span
    found: list[Participant] = []
    for link in root.iter("HAS_PARTICIPANT"):
        source_el, target_el = link.find("source"), link.find("target")
        if source_el is None or target_el is None:
            continue
        source, target = source_el.get("m_id", ""), target_el.get("m_id", "")
        if source in event_ids and target in entities:
            start, end = entities[target]
            role = link.get("sem_role", "")
            found.append(Participant(event_id=source, role=role, start=start, end=end, text=text[start:end]))
    return tuple(sorted(found, key=lambda p: (p.start, p.end, p.event_id, p.role)))


def read_meantime(path: Path) -> CorpusDocument:
    """Read one MEANTIME CAT XML file."""
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise CorpusError(f"{path}: cannot read: {err}") from err
    return parse_meantime(content, path)
