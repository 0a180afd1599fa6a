"""An HTML copy of the seed article dates itself: same events as the text with its sidecar."""

from __future__ import annotations

import html
from pathlib import Path

from timeline.models import ReferenceSource, Timeline
from timeline.pipeline import build_timeline
from timeline.reading import read_inputs

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "voa-2017-02-10-italy-russia-libya.txt"


def _as_html(text: str) -> str:
    title, *paragraphs = [p for p in text.split("\n") if p.strip()]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)}</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="article:published_time" content="2017-02-10T14:02:00Z">
</head><body><header><a href="/">Home</a> | <a href="/world">World</a></header>
<article><h1>{html.escape(title)}</h1>
{body}
</article><footer>All rights reserved.</footer></body></html>"""


def _signature(timeline: Timeline) -> list[tuple[str, str, str, str, int]]:
    return [
        (e.date.value, e.date.granularity.value, e.status.value, e.trigger, len(e.mentions))
        for e in timeline.events
    ]


def test_html_copy_of_the_seed_gives_the_same_events_without_ref_date(tmp_path: Path) -> None:
    page = tmp_path / "seed.html"
    page.write_text(_as_html(SEED.read_text(encoding="utf-8")), encoding="utf-8")
    (html_doc,), _ = read_inputs([str(page)])
    (text_doc,), _ = read_inputs([str(SEED)])
    assert html_doc.info.reference_source is ReferenceSource.HTML_METADATA
    assert html_doc.info.reference_date == text_doc.info.reference_date
    assert _signature(build_timeline([html_doc])) == _signature(build_timeline([text_doc]))
