"""RSS and Atom feeds: recognizing one and listing its items with the dates the feed gives."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from timeline.errors import InputError

FEED_MEDIA_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+xml",
    }
)
FEED_SUFFIXES = frozenset({".rss", ".atom"})
# The root element after the XML declaration, comments and processing instructions.
_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?P<tag>[A-Za-z_:][\w:.-]*)",
    re.DOTALL,
)
_FEED_ROOTS = frozenset({b"rss", b"feed", b"rdf:rdf"})
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class FeedItem:
    """One article a feed announces: its link, title, the day the feed dates it, and any text."""

    title: str | None
    link: str | None
    published: date | None
    text: str | None


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """A feed by media type, or by its root element (servers often send feeds as text/xml)."""
    if content_type in FEED_MEDIA_TYPES:
        return True
    match = _ROOT.match(data[:4096])
    return match is not None and match["tag"].lower() in _FEED_ROOTS


def _day(raw: str | None) -> date | None:
    """The calendar day as the feed wrote it (local to the publisher, like a page's own date)."""
    if not raw:
        return None
    text = raw.strip()
    iso = _ISO_DAY.match(text)
    if iso is not None:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    try:
        parsed: datetime = parsedate_to_datetime(text)  # RSS's RFC 822 dates
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date()


def _plain(html: str | None) -> str | None:
    if not html or not html.strip():
        return None
    import lxml.html

    try:
        text: str = lxml.html.fromstring(html).text_content()
    except (ValueError, lxml.etree.ParserError):
        return None
    cleaned = re.sub(r"[ \t]+", " ", text).strip()
    return cleaned or None


def _entry_text(entry: Any) -> str | None:
    for content in entry.get("content") or ():
        text = _plain(content.get("value"))
        if text:
            return text
    return _plain(entry.get("summary"))


def parse_feed(data: bytes, name: str) -> list[FeedItem]:
    """The items of an RSS/Atom feed, in feed order; a feed without items is an input error."""
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        why = f" ({str(problem).splitlines()[0]})" if problem else ""
        raise InputError(f"{name}: a feed with no items{why}")
    items = []
    for entry in entries:
        published = _day(entry.get("published")) or _day(entry.get("updated")) or _day(entry.get("created"))
        link = entry.get("link")
        items.append(
            FeedItem(
                title=(entry.get("title") or "").strip() or None,
                link=link.strip() if isinstance(link, str) and link.strip() else None,
                published=published,
                text=_entry_text(entry),
            )
        )
    return items
