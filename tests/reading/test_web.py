"""URLs and RSS/Atom feeds as inputs, fetched from a local HTTP server on 127.0.0.1 only."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.errors import InputError
from timeline.models import Document, ReferenceSource
from timeline.reading.feeds import looks_like_feed, parse_feed
from timeline.reading.sources import ReadContext, iter_documents
from timeline.reading.web import FetchSettings, url_stem

PARAGRAPH = (
    "The harbour authority said on Tuesday that the new ferry terminal would open on March 3, "
    "after two years of building work that residents had long complained about. "
)


def _page(title: str, published: str, sentence: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><title>{title}</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}">
</head><body><nav>Home | Local | Sport</nav>
<article><h1>{title}</h1><p>{sentence}</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>
<footer>Copyright</footer></body></html>"""


ARTICLE = _page("Ferry terminal to open", "2019-02-12T08:00:00+01:00", "Crews finished the roof on Monday.")
SECOND = _page("Mayor resigns", "2019-02-14T10:00:00Z", "The mayor resigned on Wednesday after a vote.")

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour news</title><link>http://127.0.0.1/</link>
<description>Local news</description>
<item><title>Ferry terminal to open</title><link>{base}/news/ferry-terminal.html</link>
<pubDate>Mon, 11 Feb 2019 23:30:00 -0500</pubDate></item>
<item><title>Mayor resigns</title><link>{base}/news/mayor/index.html</link>
<pubDate>Thu, 14 Feb 2019 10:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>{base}/missing.html</link>
<pubDate>Fri, 15 Feb 2019 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The bridge closed on Friday for repairs lasting until next week.&lt;/p&gt;
</description></item>
<item><title>Nothing at all</title><link>{base}/missing2.html</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour</title><id>urn:x</id>
<updated>2019-02-15T00:00:00Z</updated>
<entry><title>Storm warning</title><id>urn:1</id><updated>2019-02-15T07:00:00+01:00</updated>
<content type="html">&lt;p&gt;Forecasters said a storm would reach the coast on Saturday.&lt;/p&gt;</content>
</entry></feed>"""


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, str, bytes]]] = {}

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(3)
        status, kind, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (the timeout test)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output clean


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    _Handler.routes = {
        "/news/ferry-terminal.html": (200, "text/html; charset=utf-8", ARTICLE.encode()),
        "/news/mayor/index.html": (200, "text/html", SECOND.encode()),
        "/feed.rss": (200, "application/rss+xml", RSS.format(base=base).encode()),
        "/feed.xml": (200, "text/xml", RSS.format(base=base).encode()),
        "/atom": (200, "application/atom+xml", ATOM.encode()),
        "/big.html": (200, "text/html", (ARTICLE + "<!--" + "x" * 50_000 + "-->").encode()),
        "/empty.html": (200, "text/html", b""),
        "/slow": (200, "text/html", ARTICLE.encode()),
    }
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()


def _read(*inputs: str, **fetch: object) -> tuple[list[Document], ReadContext]:
    settings = FetchSettings(allow_private_hosts=True, **fetch)  # type: ignore[arg-type]
    ctx = ReadContext(fetch=settings)
    return list(iter_documents(list(inputs), ctx)), ctx


def test_a_page_url_gives_its_text_title_and_publication_date(server: str) -> None:
    (doc,), _ = _read(f"{server}/news/ferry-terminal.html")
    assert "Crews finished the roof on Monday" in doc.text
    assert "Home | Local" not in doc.text
    assert doc.info.id == "ferry-terminal"
    assert doc.info.title == "Ferry terminal to open"
    assert doc.info.source == f"{server}/news/ferry-terminal.html"
    assert doc.info.url == f"{server}/news/ferry-terminal.html"
    assert (doc.info.reference_date, doc.info.reference_source) == (
        date(2019, 2, 12),
        ReferenceSource.HTML_METADATA,
    )


@pytest.mark.parametrize("path", ["/feed.rss", "/feed.xml"])
def test_a_feed_url_expands_into_its_articles_with_the_feed_dates(server: str, path: str) -> None:
    docs, ctx = _read(server + path)
    assert [d.info.id for d in docs] == ["ferry-terminal", "mayor", "missing"]
    # the feed's own day, as the publisher wrote it (23:30 -05:00 is still the 11th there)
    assert [d.info.reference_date for d in docs] == [date(2019, 2, 11), date(2019, 2, 14), date(2019, 2, 15)]
    assert {d.info.reference_source for d in docs} == {ReferenceSource.METADATA}
    assert "resigned on Wednesday" in docs[1].text
    # an item whose page cannot be had falls back to the text the feed carries
    assert docs[2].text.startswith("Gone\n\nThe bridge closed on Friday")
    assert any("missing.html" in w and "HTTP status 404" in w and "feed gives" in w for w in ctx.warnings)
    assert any("missing2.html" in w and "item skipped" in w for w in ctx.warnings)


def test_an_atom_feed_without_links_uses_its_content(server: str) -> None:
    (doc,), _ = _read(f"{server}/atom")
    assert doc.info.title == "Storm warning"
    assert doc.info.reference_date == date(2019, 2, 15)
    assert "storm would reach the coast on Saturday" in doc.text


def test_a_feed_file_expands_too(tmp_path: Path, server: str) -> None:
    for name in ("harbour.rss", "harbour.xml"):
        path = tmp_path / name
        path.write_text(RSS.format(base=server), encoding="utf-8")
        docs, _ = _read(str(path))
        assert [d.info.id for d in docs] == ["ferry-terminal", "mayor", "missing"]


@pytest.mark.parametrize(
    ("path", "settings", "reason"),
    [
        ("/nowhere.html", {}, "HTTP status 404"),
        ("/big.html", {"max_bytes": 10_000}, "larger than the size limit"),
        ("/empty.html", {}, "empty page"),
        ("/slow", {"timeout": 1}, "timed out"),
    ],
)
def test_a_page_that_cannot_be_had_is_one_clear_error(
    server: str, path: str, settings: dict[str, int], reason: str
) -> None:
    with pytest.raises(InputError, match=reason) as err:
        _read(server + path, **settings)
    assert str(err.value).startswith(server + path + ":")
    assert "\n" not in str(err.value)


def test_loopback_is_refused_unless_allowed(server: str) -> None:
    ctx = ReadContext()  # default settings: private hosts refused
    with pytest.raises(InputError, match="private or loopback address refused"):
        list(iter_documents([f"{server}/news/ferry-terminal.html"], ctx))


def test_a_closed_port_is_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(InputError, match="cannot fetch the page"):
        _read(f"http://127.0.0.1:{port}/a.html", timeout=2)


def test_extract_a_url_through_the_cli(server: str) -> None:
    result = CliRunner().invoke(
        app,
        ["extract", f"{server}/news/ferry-terminal.html", "--allow-private-hosts", "-f", "json", "-o", "-"],
    )
    assert result.exit_code == 0, result.output
    timeline = json.loads(result.stdout)
    assert timeline["documents"][0]["reference_date"] == "2019-02-12"
    assert any(e["date"]["value"] == "2019-03-03" for e in timeline["events"])


def test_the_cli_reports_an_unfetchable_url_in_one_line(server: str) -> None:
    args = ["extract", f"{server}/nowhere.html", "--allow-private-hosts", "-o", "-"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert "HTTP status 404" in result.stderr


@pytest.mark.parametrize(
    ("url", "stem"),
    [
        ("https://news.example/2019/02/ferry-terminal.html", "ferry-terminal"),
        ("https://news.example/world/libya/index.html", "libya"),
        ("https://news.example/world/libya/", "libya"),
        ("https://news.example/", "news.example"),
        ("https://news.example/a%20b?x=1", "a-b"),
    ],
)
def test_url_stems(url: str, stem: str) -> None:
    assert url_stem(url) == stem


@pytest.mark.parametrize(
    ("data", "kind", "feed"),
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0">', "", True),
        (b"\xef\xbb\xbf<?xml version='1.0'?><!-- c --><feed xmlns='x'>", "text/xml", True),
        (b"<rdf:RDF xmlns:rdf='x'>", "", True),
        (b"<html><body>rss</body></html>", "text/html", False),
        (b"anything", "application/atom+xml", True),
        (b'<?xml version="1.0"?><TimeML>', "", False),
    ],
)
def test_feed_detection(data: bytes, kind: str, feed: bool) -> None:
    assert looks_like_feed(data, kind) is feed


def test_a_feed_with_no_items_is_an_input_error() -> None:
    with pytest.raises(InputError, match="a feed with no items"):
        parse_feed(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', "f")
