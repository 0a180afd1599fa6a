"""HTML fragments for the formats that render HTML (TimelineJS, vis-timeline, the HTML page).

Every piece of article text goes through `text`/`attribute` here: a headline holding
`<script>` must reach the reader as those characters, never as markup.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from timeline.exporters.text import clean_line, clean_text
from timeline.models import DocumentInfo, Event


def text(value: str) -> str:
    """Article text as HTML text: escaped, line breaks as <br>."""
    return html.escape(clean_text(value).strip(), quote=True).replace("\n", "<br>")


def line(value: str) -> str:
    """A title or name as one escaped line."""
    return html.escape(clean_line(value), quote=True)


def safe_url(url: str | None) -> str | None:
    """The URL if it is an http(s) link with a host, else None: no javascript:, data: or file: links."""
    if not url:
        return None
    url = clean_line(url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        return None
    return url


def event_documents(event: Event, documents: dict[str, DocumentInfo]) -> list[DocumentInfo]:
    """The distinct documents that mention `event`, in mention order."""
    ids = dict.fromkeys(m.document_id for m in event.mentions)
    return [documents[i] for i in ids if i in documents]


def source(info: DocumentInfo) -> str:
    """A document as HTML: its title, linked when it has a safe URL, with publisher and date."""
    name = line(info.title or info.id)
    url = safe_url(info.url)
    linked = f'<a href="{html.escape(url, quote=True)}">{name}</a>' if url else name
    details = [line(info.publisher)] if info.publisher else []
    if info.reference_date is not None:
        details.append(info.reference_date.isoformat())
    return f"{linked} ({', '.join(details)})" if details else linked
