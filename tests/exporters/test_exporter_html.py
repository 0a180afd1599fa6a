"""The html exporter without a browser: offline, escaped, ordered, one script allowed by hash."""

from __future__ import annotations

import base64
import hashlib
import re

from exporter_fixture import HOSTILE_TITLE
from exporter_html_dom import read

from timeline import exporters
from timeline.exporters import ExportOptions
from timeline.exporters.html_assets import SCRIPT
from timeline.exporters.text import clean_line
from timeline.models import Timeline


def page_of(timeline: Timeline, **options: object) -> str:
    return exporters.get("html").export(timeline, ExportOptions.model_validate(options)).decode("utf-8")


def test_every_event_is_listed_in_timeline_order(timeline: Timeline) -> None:
    page = read(page_of(timeline))
    assert [c.attrs["data-event-id"] for c in page.cards] == [e.id for e in timeline.events]
    starts = [c.attrs["data-start"] for c in page.cards if "data-start" in c.attrs]
    assert starts == sorted(starts) and len(starts) == len(timeline.events) - 1


def test_resolved_events_are_on_the_axis(timeline: Timeline) -> None:
    page = read(page_of(timeline))
    assert [m["href"] for m in page.markers] == [f"#e{n}" for n in range(1, 8)]
    lefts = [float(re.search(r"left:([\d.]+)%", m["style"])[1]) for m in page.markers]  # type: ignore[index]
    assert lefts == sorted(lefts) and lefts[0] > 0 and lefts[-1] < 100
    kinds = {m["href"]: m["class"].split()[1] for m in page.markers}
    assert kinds["#e1"] == "point" and kinds["#e5"] == "range" and kinds["#e7"] == "point"


def test_hostile_headline_is_text(timeline: Timeline) -> None:
    markup = page_of(timeline)
    page = read(markup)
    assert page.scripts == 1
    assert "<script>alert" not in markup
    (card,) = [c for c in page.cards if c.attrs["data-event-id"] == "ev-2017-02-07-hostile"]
    assert card.headline == clean_line(HOSTILE_TITLE)


def test_needs_no_network(timeline: Timeline) -> None:
    markup = page_of(timeline)
    page = read(markup)
    for tag, attribute, url in page.urls:
        # The only URLs are in-page anchors and links to the source articles, followed on click.
        assert (tag, attribute) == ("a", "href") and (
            url.startswith("#") or url.startswith("https://example.org/")
        )
    assert "<link" not in markup and "@import" not in markup and "url(" not in markup


def test_content_security_policy_allows_only_our_script(timeline: Timeline) -> None:
    page = read(page_of(timeline))
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    assert page.csp.startswith("default-src 'none';")
    assert f"script-src 'sha256-{digest}'" in page.csp


def test_filters_list_statuses_and_participants(timeline: Timeline) -> None:
    markup = page_of(timeline)
    assert read(markup).filters_hidden is True  # revealed by the script
    for status in ("past", "ongoing", "unknown"):
        assert f'name="status" value="{status}" checked' in markup
    assert 'name="status" value="upcoming"' not in markup
    assert '<option value="=cmd|&#x27; /C calc&#x27;!A0">' in markup
    assert 'data-participants="[&quot;EU&quot;, &quot;Tripoli government&quot;]"' in markup


def ticks(markup: str) -> list[str]:
    return re.findall(r'<div class="tick" style="left:[\d.]+%">([^<]+)</div>', markup)


def test_axis_ticks_are_years_over_years(timeline: Timeline) -> None:
    assert ticks(page_of(timeline)) == ["2015", "2016", "2017", "2018"]


def test_axis_ticks_are_days_over_weeks(timeline: Timeline) -> None:
    february = timeline.model_copy(update={"events": timeline.events[3:7]})
    found = ticks(page_of(february))
    assert 3 <= len(found) <= 12 and all(re.fullmatch(r"\d{1,2} (Jan|Feb|Mar)", t) for t in found)


def test_empty_timeline(timeline: Timeline) -> None:
    page = read(page_of(Timeline(documents=(), events=())))
    assert page.cards == [] and page.markers == []


def test_title_option_is_escaped(timeline: Timeline) -> None:
    assert "<title>Libya &lt;b&gt;</title>" in page_of(timeline, title="Libya <b>")
