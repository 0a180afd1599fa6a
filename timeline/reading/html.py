"""HTML articles: main text by trafilatura, publication date by htmldate (metadata only)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date

from timeline.errors import InputError
from timeline.reading.reference import parse_published

# htmldate discards dates after `max_date`, which defaults to the machine's today; a fixed
# bound keeps extraction independent of the clock.
_MAX_DATE = "2100-12-31"
_MIN_DATE = "1900-01-01"


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str | None
    url: str | None
    published: date | None
    language: str | None


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<head" in head and "<body" in text.lower())


def deeply_nested(markup: str) -> bool:
    """Whether libxml2, which parses the page for trafilatura, stops at its nesting limit (256
    levels): it then drops the deepest part and everything after it without an error."""
    import lxml.html

    parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True)
    # lxml raises several types on broken markup, which trafilatura copes with
    with contextlib.suppress(Exception):
        lxml.html.document_fromstring(markup.encode("utf-8", "surrogatepass"), parser=parser)
    return any("Excessive depth" in entry.message for entry in parser.error_log)


def read_html(markup: str, name: str) -> HtmlArticle:
    """Extract the article body and its metadata; the body must be non-empty."""
    import htmldate
    import trafilatura

    text = trafilatura.extract(
        markup, include_comments=False, include_tables=False, favor_precision=True, deduplicate=False
    )
    if not text or not text.strip():
        raise InputError(f"{name}: no article text found in this HTML page")
    meta = trafilatura.extract_metadata(markup)
    # original_date: the publication date, not the last update; no free-text guessing, so the
    # provenance stays "html-metadata".
    found = htmldate.find_date(
        markup,
        extensive_search=False,
        original_date=True,
        min_date=_MIN_DATE,
        max_date=_MAX_DATE,
    )
    published = parse_published(found, f"{name} html metadata") if found else None
    title = meta.title if meta is not None else None
    if title and not text.startswith(title):
        # Headlines carry dates and events too; keep the title as the first line of the text.
        text = f"{title}\n\n{text}"
    return HtmlArticle(
        text=text,
        title=title,
        url=meta.url if meta is not None else None,
        published=published,
        language=meta.language if meta is not None else None,
    )
