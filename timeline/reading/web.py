"""Web inputs: pages fetched over HTTP(S) with trafilatura's downloader, bounded in time and size."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from configparser import ConfigParser
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from timeline.errors import InputError

DEFAULT_TIMEOUT = 30  # seconds per request, trafilatura's own default
DEFAULT_MAX_PAGE_BYTES = 20_000_000  # decompressed bytes; trafilatura's own default cap
_SCHEMES = ("http://", "https://")
_STEM = re.compile(r"[^A-Za-z0-9._-]+")
# Index pages say nothing about the article: name it after the folder that holds it.
_INDEX_NAMES = frozenset({"", "index", "default", "home", "article", "story"})


@dataclass(frozen=True)
class FetchSettings:
    """How pages are fetched. Private and loopback hosts are refused unless allowed, since a
    timeline service fed untrusted URLs must not become a way into the machine's own network."""

    timeout: int = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_PAGE_BYTES
    allow_private_hosts: bool = False


@dataclass(frozen=True)
class Page:
    """A fetched resource: the URL asked for, where it ended up, its bytes and media type."""

    url: str
    final_url: str
    data: bytes
    content_type: str


def is_url(arg: str) -> bool:
    return arg.lower().startswith(_SCHEMES)


def url_stem(url: str) -> str:
    """A document id for a URL: its last meaningful path segment, else its host."""
    parts = urlsplit(url)
    segments = [unquote(s) for s in parts.path.split("/") if s]
    while segments:
        stem = segments[-1].rsplit(".", 1)[0] if "." in segments[-1] else segments[-1]
        if stem.lower() not in _INDEX_NAMES:
            cleaned = _STEM.sub("-", stem).strip("-.")
            if cleaned:
                return cleaned[:100]
        segments.pop()
    return _STEM.sub("-", parts.hostname or "page").strip("-.") or "page"


def _config(settings: FetchSettings) -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(settings.timeout))
    config.set("DEFAULT", "MAX_FILE_SIZE", str(settings.max_bytes))
    config.set("DEFAULT", "SSRF_PROTECTION", "off" if settings.allow_private_hosts else "on")
    # A certificate error is an answer, not a reason to retry without verification.
    config.set("DEFAULT", "INSECURE_SSL_FALLBACK", "off")
    # One request per page: the pause between requests is for crawlers.
    config.set("DEFAULT", "SLEEP_TIME", "0")
    return config


class _LastError(logging.Handler):
    """Keeps the downloader's last error message: it logs the reason and returns None."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.message: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        self.message = record.getMessage()


@contextmanager
def _captured(logger_name: str) -> Iterator[_LastError]:
    logger = logging.getLogger(logger_name)
    handler = _LastError()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False  # the reason becomes our one-line error, not a log line
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _reason(logged: str | None, url: str) -> str:
    if not logged:
        return "no answer"
    text = logged.replace(url, "").strip(" :")
    if "exceeds MAX_FILE_SIZE" in text:
        return "the page is larger than the size limit"
    if "SSRF protection" in text:
        return "private or loopback address refused (pass --allow-private-hosts to fetch it)"
    if "timed out" in text.lower() or "timeout" in text.lower():
        return "timed out"
    if "Connection refused" in text or "NewConnectionError" in text:
        return "connection refused"
    if "Name or service not known" in text or "NameResolutionError" in text or "getaddrinfo" in text:
        return "host not found"
    first = text.splitlines()[0] if text else "no answer"
    return first[:200]


def fetch(url: str, settings: FetchSettings) -> Page:
    """Download `url`; any failure is one InputError naming the URL and the reason."""
    from trafilatura.downloads import fetch_response

    with _captured("trafilatura.downloads") as log:
        response = fetch_response(url, config=_config(settings))
    if response is None or response.data is None:
        raise InputError(f"{url}: cannot fetch the page ({_reason(log.message, url)})")
    if response.status != 200:
        raise InputError(f"{url}: cannot fetch the page (HTTP status {response.status})")
    if not response.data:
        raise InputError(f"{url}: the server sent an empty page")
    headers = response.headers or {}
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    return Page(
        url=url, final_url=str(response.url or url), data=bytes(response.data), content_type=content_type
    )
