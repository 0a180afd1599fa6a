"""HTML articles and JSONL corpora as inputs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from timeline.errors import InputError
from timeline.models import ReferenceSource
from timeline.reading import read_inputs
from timeline.reading.html import looks_like_html

PARAGRAPH = (
    "The city council voted on Tuesday to approve the new budget after months of debate "
    "among its members, who had disagreed sharply about spending on roads and schools. "
)

HTML = f"""<!DOCTYPE html>
<html lang="en"><head><title>Council approves budget</title>
<meta property="og:title" content="Council approves budget">
<meta property="article:published_time" content="2019-03-14T09:30:00+01:00">
<link rel="canonical" href="https://news.example/budget">
</head><body><nav>Home | World | Sports</nav>
<article><h1>Council approves budget</h1>
<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>
<footer>Copyright</footer></body></html>"""


def test_html_file_gives_text_title_url_and_published_date(tmp_path: Path) -> None:
    path = tmp_path / "budget.html"
    path.write_text(HTML, encoding="utf-8")
    (doc,), _ = read_inputs([str(path)])
    assert "voted on Tuesday" in doc.text
    assert "Home | World" not in doc.text
    assert doc.info.title == "Council approves budget"
    assert doc.info.url == "https://news.example/budget"
    assert (doc.info.reference_date, doc.info.reference_source) == (
        date(2019, 3, 14),
        ReferenceSource.HTML_METADATA,
    )
    (doc,), _ = read_inputs([str(path)], ref_date=date(2020, 1, 1))
    assert doc.info.reference_source is ReferenceSource.CLI


def test_html_on_stdin_is_detected() -> None:
    (doc,), _ = read_inputs(["-"], read_stdin=lambda: HTML.encode())
    assert doc.info.reference_source is ReferenceSource.HTML_METADATA
    assert "voted on Tuesday" in doc.text


def test_html_without_article_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body></body></html>")
    with pytest.raises(InputError, match="no article text"):
        read_inputs([str(path)])


@pytest.mark.parametrize(
    ("text", "expected"),
    [("<!DOCTYPE html><p>x", True), ("  <html>", True), ("Plain <b>text</b>", False), ("", False)],
)
def test_html_sniffing(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def test_jsonl_reads_good_lines_and_reports_bad_ones_by_number(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "First today.", "published": "2017-02-10T08:00:00Z", "url": "u"}),
        "{not json",
        json.dumps({"id": "b"}),
        "",
        json.dumps(["list"]),
        json.dumps({"id": "c", "text": "Third.", "title": "T", "language": "en", "extra": 1}),
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, ctx = read_inputs([str(path)])
    assert [(d.info.id, d.info.reference_date, d.info.source) for d in docs] == [
        ("a", date(2017, 2, 10), f"{path}:1"),
        ("c", None, f"{path}:6"),
    ]
    assert [w.split(": skipped")[0] for w in ctx.warnings] == [f"{path}:2", f"{path}:3", f"{path}:5"]
    assert "text" in ctx.warnings[1]


def test_jsonl_with_no_valid_line_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("{}\n")
    with pytest.raises(InputError, match="no valid documents"):
        read_inputs([str(path)])
