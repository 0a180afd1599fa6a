"""The html exporter without a browser: offline, escaped, ordered, one script allowed by hash."""

from __future__ import annotations

import base64
import hashlib

import pytest
from exporter_fixture import HOSTILE_TITLE
from exporter_html_dom import read

from timeline import exporters
from timeline.exporters import ExportOptions
from timeline.exporters.html_assets import SCRIPT, STYLE
from timeline.exporters.html_exporter import _names
from timeline.exporters.text import clean_line
from timeline.models import Timeline


def page_of(timeline: Timeline, **options: object) -> str:
    return exporters.get("html").export(timeline, ExportOptions.model_validate(options)).decode("utf-8")


def test_every_event_is_listed_in_timeline_order(timeline: Timeline) -> None:
    page = read(page_of(timeline))
    assert [c.attrs["data-event-id"] for c in page.cards] == [e.id for e in timeline.events]
    starts = [c.attrs["data-start"] for c in page.cards if "data-start" in c.attrs]
    assert starts == sorted(starts) and len(starts) == len(timeline.events) - 1


def test_resolved_events_carry_their_span_for_the_axis(timeline: Timeline) -> None:
    # The script draws the axis from these: day ordinals, the end exclusive, and the kind.
    cards = {c.attrs["id"]: c.attrs for c in read(page_of(timeline)).cards}
    spans = {k: (int(a["data-from"]), int(a["data-to"])) for k, a in cards.items() if "data-from" in a}
    assert list(spans) == [f"e{n}" for n in range(1, 8)] and "data-from" not in cards["e8"]
    airstrike = timeline.events[0].date
    assert spans["e1"] == (airstrike.start.toordinal(), airstrike.start.toordinal() + 1)  # type: ignore[union-attr]
    assert all(a < b for a, b in spans.values()) and [a for a, _ in spans.values()] == sorted(
        a for a, _ in spans.values()
    )
    kinds = {k: a["data-kind"] for k, a in cards.items() if "data-kind" in a}
    assert kinds["e1"] == "point" and kinds["e5"] == "range" and kinds["e7"] == "point"


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


def test_content_security_policy_allows_only_our_script_and_style(timeline: Timeline) -> None:
    page = read(page_of(timeline))
    for kind, asset in (("script", SCRIPT), ("style", STYLE)):
        digest = base64.b64encode(hashlib.sha256(asset.encode()).digest()).decode()
        assert f"{kind}-src 'sha256-{digest}'" in page.csp
    assert page.csp.startswith("default-src 'none';") and "unsafe" not in page.csp
    assert ' style="' not in page_of(timeline)  # the CSP would block it: positions go through the CSSOM


def test_filters_list_statuses_and_participants(timeline: Timeline) -> None:
    markup = page_of(timeline)
    assert read(markup).filters_hidden is True  # revealed by the script
    for status in ("past", "ongoing", "unknown"):
        assert f'name="status" value="{status}" checked' in markup
    assert 'name="status" value="upcoming"' not in markup
    assert '<input type="search" name="q"' in markup
    assert '<option value="=cmd|&#x27; /C calc&#x27;!A0">' in markup
    assert 'data-participants="[&quot;EU&quot;, &quot;Tripoli government&quot;]"' in markup


def test_filters_offer_every_source_by_name(timeline: Timeline) -> None:
    markup = page_of(timeline)
    assert '<select name="source"><option value="">any source</option>' in markup
    assert '<option value="s1">Migrants, Libya &amp; the EU: a week of rescues</option>' in markup
    cards = {c.attrs["data-event-id"]: c.attrs for c in read(markup).cards}
    assert cards["ev-2014-10-22-airstrike"]["data-sources"] == "s1 s2"


def test_sources_sit_in_a_collapsed_list_linked_to_their_urls(timeline: Timeline) -> None:
    markup = page_of(timeline)
    page = read(markup)
    assert [s["id"] for s in page.sources] == ["s1", "s2"]
    assert '<details class="sources"><summary>2 sources, 1 linked</summary>' in markup  # closed
    assert '<li id="s1"><a href="https://example.org/news/libya?id=1&amp;lang=en">' in markup


def test_who_reported_an_event_is_shown_when_the_event_says(timeline: Timeline) -> None:
    first = timeline.events[0]
    reported = first.model_copy(update={"reported_by": "<b>UNHCR</b> spokesman"})
    markup = page_of(timeline.model_copy(update={"events": (reported, *timeline.events[1:])}))
    assert "<dt>Reported by</dt><dd>&lt;b&gt;UNHCR&lt;/b&gt; spokesman</dd>" in markup
    assert "Reported by" not in page_of(timeline)


@pytest.mark.parametrize(
    ("value", "names"),
    [
        (None, []),
        ("Reuters", ["Reuters"]),
        (["AP", "AP", " "], ["AP"]),
        ([{"name": "BBC"}, 3], ["BBC"]),
    ],
)
def test_reporters_are_read_from_any_plausible_shape(value: object, names: list[str]) -> None:
    assert _names(value) == names


def test_empty_timeline(timeline: Timeline) -> None:
    page = read(page_of(Timeline(documents=(), events=())))
    assert page.cards == [] and page.markers == []


def test_title_option_is_escaped(timeline: Timeline) -> None:
    assert "<title>Libya &lt;b&gt;</title>" in page_of(timeline, title="Libya <b>")


def test_the_page_states_the_as_of_date_of_its_statuses() -> None:
    from exporter_fixture import build_timeline

    from timeline import exporters
    from timeline.exporters import ExportOptions

    tl = build_timeline()
    page = exporters.get("html").export(tl, ExportOptions()).decode()
    assert tl.as_of is not None
    assert f"statuses as of {tl.as_of.isoformat()}" in page
    undated = exporters.get("html").export(tl.model_copy(update={"as_of": None}), ExportOptions()).decode()
    assert "statuses as of" not in undated
