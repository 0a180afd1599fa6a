"""A small reader of the HTML export's DOM (ours or Chromium's --dump-dom), for the html tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Card:
    attrs: dict[str, str]
    headline: str = ""


@dataclass
class Page(HTMLParser):
    cards: list[Card] = field(default_factory=list)
    markers: list[dict[str, str]] = field(default_factory=list)  # drawn by the script: in a dumped DOM
    clusters: list[dict[str, str]] = field(default_factory=list)
    sources: list[dict[str, str]] = field(default_factory=list)  # the <li> of the sources list
    scripts: int = 0
    urls: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attribute, value)
    filters_hidden: bool | None = None
    shown: str = ""
    csp: str = ""
    _in_headline: bool = False
    _in_shown: bool = False

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        attrs = {k: v or "" for k, v in attributes}
        classes = attrs.get("class", "").split()
        for name in ("src", "href", "action", "srcset", "poster", "data"):
            if name in attrs:
                self.urls.append((tag, name, attrs[name]))
        if tag == "script":
            self.scripts += 1
        elif tag == "li" and "event" in classes:
            self.cards.append(Card(attrs))
        elif tag == "button" and "marker" in classes:
            self.markers.append(attrs)
        elif tag == "button" and "cluster" in classes:
            self.clusters.append(attrs)
        elif tag == "li" and attrs.get("id", "").startswith("s"):
            self.sources.append(attrs)
        elif tag == "span" and "headline" in classes:
            self._in_headline = True
        elif tag == "form" and attrs.get("id") == "filters":
            self.filters_hidden = "hidden" in attrs
        elif tag == "output" and attrs.get("id") == "shown":
            self._in_shown = True
        elif tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy":
            self.csp = attrs.get("content", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self._in_headline = False
        if tag == "output":
            self._in_shown = False

    def handle_data(self, data: str) -> None:
        if self._in_headline:
            self.cards[-1].headline += data
        if self._in_shown:
            self.shown += data


def read(markup: str) -> Page:
    page = Page()
    page.feed(markup)
    page.close()
    return page
