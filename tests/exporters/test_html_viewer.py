"""The HTML viewer on a real story in headless Chromium: the MEANTIME Apple articles (issue 16).

One timeline of the 30 Wikinews articles on Apple in MEANTIME (../shared/corpora; skipped when
absent), rendered at a desktop (1400x900) and a phone (390x844) size: no two boxes on the axis
overlap or are cut off, axe-core finds no WCAG 2.1 A/AA violation, every event can be reached by
following the counts, and the keyboard moves and zooms the axis. Screenshots at both sizes go to
test-artifacts/ for people to judge readability.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cdp import Browser, chromium_binary
from html_viewer_checks import axe_violations, boxes, cut_off, frame, overlaps, reach

from timeline import exporters
from timeline.evaluation.loading import iter_corpus
from timeline.exporters import ExportOptions
from timeline.models import Document, DocumentInfo, ReferenceSource, Timeline
from timeline.pipeline import build_timeline

ROOT = Path(__file__).resolve().parents[2]
APPLE = ROOT.parent / "shared" / "corpora" / "meantime-en" / "intra-doc_annotation" / "corpus_apple"
ARTIFACTS = ROOT / "test-artifacts"
SIZES = {"desktop": (1400, 900, False), "phone": (390, 844, True)}

pytestmark = [
    pytest.mark.skipif(
        chromium_binary() is None, reason="Chromium is not installed (apt-get install chromium)"
    ),
    pytest.mark.skipif(not APPLE.is_dir(), reason=f"MEANTIME Apple corpus not found at {APPLE}"),
]


@pytest.fixture(scope="module")
def story() -> Timeline:
    documents = [
        Document(
            info=DocumentInfo(
                id=doc.id,
                title=doc.title,
                reference_date=doc.reference_date,
                reference_source=ReferenceSource.METADATA,
            ),
            text=doc.text,
        )
        for doc in iter_corpus(APPLE)
    ]
    return build_timeline(documents)


@pytest.fixture(scope="module")
def page(story: Timeline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("viewer") / "apple.html"
    path.write_bytes(exporters.get("html").export(story, ExportOptions()))
    return path


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    chromium = Browser(tmp_path_factory.mktemp("profile"))
    yield chromium
    chromium.close()


@pytest.fixture(params=list(SIZES), scope="module")
def opened(request: pytest.FixtureRequest, browser: Browser, page: Path) -> Iterator[tuple[Browser, str]]:
    width, height, mobile = SIZES[request.param]
    browser.open(page.as_uri(), width, height, mobile)
    name = f"{width}x{height}"
    ARTIFACTS.mkdir(exist_ok=True)
    browser.screenshot(ARTIFACTS / f"html-viewer-{name}.png")
    yield browser, name


def test_the_story_is_of_the_size_the_issue_names(story: Timeline) -> None:
    # Issue 16 counts 140 events from 30 articles; the pipeline's count may move a little, and
    # a timeline lists only the articles its events come from (issue 17: memory grows with the
    # events kept, not the documents read).
    assert 25 <= len(story.documents) <= 30
    assert 100 <= len(story.events) <= 200


def test_no_two_boxes_overlap_or_are_cut_off(opened: tuple[Browser, str]) -> None:
    browser, name = opened
    browser.evaluate("window.timelineAxis.fit()")
    views = {"whole story": (boxes(browser), frame(browser))}
    # The densest count, expanded; then a quarter of the story, at its middle.
    browser.evaluate(
        "Array.from(document.querySelectorAll('#viewport .cluster')).sort(function (a, b) {"
        " return b.members.length - a.members.length; })[0].click()"
    )
    views["densest count expanded"] = (boxes(browser), frame(browser))
    browser.evaluate("document.getElementById('axis').scrollIntoView()")
    browser.screenshot(ARTIFACTS / f"html-viewer-{name}-expanded.png")
    browser.evaluate("window.timelineAxis.fit(); window.timelineAxis.zoom(0.25)")
    views["zoomed in"] = (boxes(browser), frame(browser))
    for view, (found, box) in views.items():
        assert len(found) >= (8 if view == "whole story" else 1), f"{name}, {view}: {len(found)} boxes"
        assert overlaps(found) == [], f"{name}, {view}: overlapping boxes"
        assert cut_off(box, found) == [], f"{name}, {view}: boxes cut off"


def test_axe_finds_no_wcag_aa_violation(opened: tuple[Browser, str]) -> None:
    browser, name = opened
    # One run (axe takes seconds here) over the whole page with an event open in the detail
    # panel, so that the panel and the expanded card are checked too.
    browser.evaluate("window.timelineAxis.fit(); document.querySelector('#viewport .marker').click()")
    assert browser.evaluate("document.getElementById('detail').hidden") is False
    assert axe_violations(browser) == [], name


def test_every_event_is_reachable_from_the_axis(opened: tuple[Browser, str], story: Timeline) -> None:
    browser, name = opened
    report = reach(browser)
    assert len(report) == sum(1 for e in story.events if e.date.start is not None)
    unreachable = sorted(k for k, (how, _) in report.items() if how is None)
    assert unreachable == [], f"{name}: events no count leads to"
    assert max(steps for _, steps in report.values()) <= 5, f"{name}: an event needs too many zooms"


def test_clicking_an_event_shows_its_sentence_and_sources(opened: tuple[Browser, str]) -> None:
    browser, _ = opened
    browser.evaluate("window.timelineAxis.fit(); document.querySelector('#viewport .marker').click()")
    shown = browser.evaluate(
        "(function () { var d = document.getElementById('detail'), id = document.querySelector("
        "'#viewport .marker.selected').getAttribute('data-show'), card = document.getElementById(id);"
        " return [d.querySelector('blockquote').textContent, card.querySelector('blockquote').textContent,"
        " d.querySelector('dl').textContent, card.querySelector('details').open]; }())"
    )
    sentence, card_sentence, rows, card_open = shown
    assert sentence == card_sentence and len(sentence) > 20
    assert "Source" in rows and card_open is True


def test_the_keyboard_moves_and_zooms_the_axis(opened: tuple[Browser, str]) -> None:
    browser, name = opened
    range_text = "document.getElementById('range').textContent"
    browser.evaluate("window.timelineAxis.fit(); document.getElementById('viewport').focus()")
    whole = browser.evaluate(range_text)
    browser.key("+", "Equal", 187, "+")
    zoomed = browser.evaluate(range_text)
    browser.key("ArrowRight", "ArrowRight", 39)
    moved = browser.evaluate(range_text)
    browser.key("0", "Digit0", 48, "0")
    assert len({whole, zoomed, moved}) == 3, (name, whole, zoomed, moved)
    assert browser.evaluate(range_text) == whole
    # A count is a button: Enter on the largest zooms in.
    browser.evaluate(
        "Array.from(document.querySelectorAll('#viewport .cluster')).sort(function (a, b) {"
        " return b.members.length - a.members.length; })[0].focus()"
    )
    browser.key("Enter", "Enter", 13, "\r")
    assert browser.evaluate(range_text) != whole
    tags = browser.evaluate(
        "Array.from(document.querySelectorAll('#viewport .marker, #viewport .cluster'))"
        ".map(function (el) { return el.tagName + el.tabIndex; })"
    )
    assert set(tags) == {"BUTTON0"}


def test_search_and_filters_narrow_the_axis(opened: tuple[Browser, str]) -> None:
    browser, _ = opened
    counted = (
        "(function () { var f = document.getElementById('filters'); window.timelineAxis.fit();"
        " return [document.getElementById('shown').textContent,"
        " document.querySelectorAll('#viewport .marker').length +"
        " Array.from(document.querySelectorAll('#viewport .cluster')).reduce(function (n, c) {"
        " return n + c.members.length; }, 0)]; }())"
    )
    total = browser.evaluate(counted)
    browser.evaluate(
        "var q = document.querySelector('#filters input[name=q]'); q.value = 'iPhone';"
        " q.dispatchEvent(new Event('input', {bubbles: true}))"
    )
    searched = browser.evaluate(counted)
    browser.evaluate(
        "var q = document.querySelector('#filters input[name=q]'); q.value = '';"
        " q.dispatchEvent(new Event('input', {bubbles: true}));"
        " var s = document.querySelector('#filters select[name=source]'); s.value = 's1';"
        " s.dispatchEvent(new Event('change', {bubbles: true}))"
    )
    by_source = browser.evaluate(counted)
    browser.evaluate(
        "var s = document.querySelector('#filters select[name=source]'); s.value = '';"
        " s.dispatchEvent(new Event('change', {bubbles: true}))"
    )
    assert browser.evaluate(counted) == total
    for narrowed in (searched, by_source):
        shown = int(narrowed[0].split()[0])
        assert 0 < shown < int(total[0].split()[0]) and narrowed[1] == shown


def test_axe_finds_no_violation_in_the_dark_scheme(page: Path, tmp_path: Path) -> None:
    # A browser of its own: the emulated scheme must not leak into the other tests' page.
    browser = Browser(tmp_path / "profile")
    try:
        dark = [{"name": "prefers-color-scheme", "value": "dark"}]
        browser.send("Emulation.setEmulatedMedia", features=dark)
        browser.open(page.as_uri(), 1400, 900)
        assert browser.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") is True
        browser.evaluate("document.querySelector('#viewport .marker').click()")
        assert axe_violations(browser) == []
    finally:
        browser.close()


def test_mouse_and_touch_move_and_zoom_the_axis(opened: tuple[Browser, str]) -> None:
    browser, name = opened
    shown = "window.timelineAxis.window()"
    browser.evaluate(
        "window.timelineAxis.fit(); window.timelineAxis.zoom(0.5);"
        " document.getElementById('detail').hidden = true"
    )
    x, y = browser.evaluate(
        "(function () { var v = document.getElementById('viewport'); v.scrollIntoView();"
        " var r = v.getBoundingClientRect(); return [r.left + r.width / 2, r.top + 12]; }())"
    )
    before = browser.evaluate(shown)
    points = [x + 60, x + 20, x - 20, x - 60]  # to the left: later dates come into view
    if name == "390x844":
        browser.send("Input.dispatchTouchEvent", type="touchStart", touchPoints=[{"x": points[0], "y": y}])
        for point in points[1:]:
            browser.send("Input.dispatchTouchEvent", type="touchMove", touchPoints=[{"x": point, "y": y}])
        browser.send("Input.dispatchTouchEvent", type="touchEnd", touchPoints=[])
    else:
        browser.send(
            "Input.dispatchMouseEvent", type="mousePressed", x=points[0], y=y, button="left", clickCount=1
        )
        for point in points[1:]:
            browser.send(
                "Input.dispatchMouseEvent", type="mouseMoved", x=point, y=y, button="left", buttons=1
            )
        browser.send(
            "Input.dispatchMouseEvent", type="mouseReleased", x=points[-1], y=y, button="left", clickCount=1
        )
    dragged = browser.evaluate(shown)
    assert dragged[0] > before[0], f"{name}: the drag did not move the axis to later dates"
    assert dragged[1] - dragged[0] == pytest.approx(before[1] - before[0])
    assert browser.evaluate("document.getElementById('detail').hidden") is True, "the drag also clicked"
    if name == "390x844":  # two fingers spreading apart zoom in
        touch = "Input.dispatchTouchEvent"
        browser.send(
            touch,
            type="touchStart",
            touchPoints=[{"x": x - 20, "y": y, "id": 0}, {"x": x + 20, "y": y, "id": 1}],
        )
        for spread in (40, 60, 80):
            fingers = [{"x": x - spread, "y": y, "id": 0}, {"x": x + spread, "y": y, "id": 1}]
            browser.send(touch, type="touchMove", touchPoints=fingers)
        browser.send(touch, type="touchEnd", touchPoints=[])
        pinched = browser.evaluate(shown)
        assert pinched[1] - pinched[0] < (dragged[1] - dragged[0]) / 2, "the pinch did not zoom in"
        dragged = pinched
    # Ctrl + wheel (which is also what a trackpad pinch sends) zooms in at the pointer.
    browser.send("Input.dispatchMouseEvent", type="mouseWheel", x=x, y=y, deltaX=0, deltaY=-400, modifiers=2)
    zoomed = browser.evaluate(shown)
    assert zoomed[1] - zoomed[0] < dragged[1] - dragged[0], f"{name}: Ctrl + wheel did not zoom in"
