"""Checks run inside the HTML export in Chromium (JavaScript sent over DevTools), for the viewer tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cdp import Browser

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"

# Every drawn box of the axis (event markers and counts), as page rectangles.
BOXES = """
Array.from(document.querySelectorAll('#viewport .marker, #viewport .cluster')).map(function (el) {
  var r = el.getBoundingClientRect();
  return {id: el.getAttribute('data-show') || el.getAttribute('data-members'), left: r.left, right: r.right,
          top: r.top, bottom: r.bottom};
})
"""

VIEWPORT = """
(function () { var r = document.getElementById('viewport').getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }())
"""

# For each event: from the whole-story view, follow the counts that hold it (each click zooms in,
# or at the closest zoom lists its events) until the event has its own marker or list entry.
REACH = """
(function () {
  var axis = window.timelineAxis, report = {};
  Array.from(document.querySelectorAll('li.event[data-from]')).forEach(function (card) {
    var id = card.id, steps = 0, how = null;
    axis.fit();
    document.getElementById('detail').hidden = true;
    while (steps < 40 && how === null) {
      if (document.querySelector('#viewport .marker[data-show="' + id + '"]')) { how = 'marker'; break; }
      var listed = document.querySelector('#detail:not([hidden]) button[data-show="' + id + '"]');
      if (listed) { how = 'list'; break; }
      var cluster = Array.from(document.querySelectorAll('#viewport .cluster')).filter(function (c) {
        return c.getAttribute('data-members').split(' ').indexOf(id) !== -1;
      })[0];
      if (!cluster) { break; }
      cluster.click();
      steps += 1;
    }
    report[id] = [how, steps];
  });
  axis.fit();
  return report;
}())
"""


def boxes(browser: Browser) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = browser.evaluate(BOXES)
    return found


def overlaps(found: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Pairs of boxes sharing more than a hairline (half a pixel of rounding is allowed)."""
    pairs = []
    for n, a in enumerate(found):
        for b in found[n + 1 :]:
            width = min(a["right"], b["right"]) - max(a["left"], b["left"])
            height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            if width > 0.5 and height > 0.5:
                pairs.append((a["id"], b["id"]))
    return pairs


def frame(browser: Browser) -> dict[str, float]:
    found: dict[str, float] = browser.evaluate(VIEWPORT)
    return found


def cut_off(frame: dict[str, float], found: list[dict[str, Any]]) -> list[str]:
    """Boxes reaching outside the axis's frame (the issue counted 16 cut off at phone width)."""
    return [
        box["id"]
        for box in found
        if box["left"] < frame["left"] - 0.5
        or box["right"] > frame["right"] + 0.5
        or box["bottom"] > frame["bottom"] + 0.5
    ]


def axe_violations(browser: Browser) -> list[str]:
    if not browser.evaluate("typeof window.axe === 'object'"):
        browser.evaluate(AXE.read_text(encoding="utf-8"))
    results: list[dict[str, Any]] = browser.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
        " resultTypes: ['violations']}).then(function (r) { return r.violations.map(function (v) {"
        " return {id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(function (n) {"
        " return n.target.join(' ') + ': ' + n.failureSummary; }), count: v.nodes.length}; }); })"
    )
    return [f"{v['id']} ({v['impact']}, {v['count']} elements): {v['nodes']}" for v in results]


def reach(browser: Browser) -> dict[str, tuple[str | None, int]]:
    report: dict[str, list[Any]] = browser.evaluate(REACH)
    return {k: (v[0], v[1]) for k, v in report.items()}
