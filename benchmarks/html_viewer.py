"""The HTML page on a real story, measured in headless Chromium (issue 16): overlaps, cut-offs, axe.

    .venv/bin/python benchmarks/html_viewer.py                    # the page the checked-out code writes
    mkdir -p /tmp/before && git archive 520425c timeline | tar -x -C /tmp/before && \\
      PYTHONPATH=/tmp/before .venv/bin/python benchmarks/html_viewer.py   # the page before issue 16

Builds one timeline of the 30 MEANTIME Apple articles (../shared/corpora), exports it with the
`timeline` package on the path, opens it at 1400x900 and 390x844 and prints, for each size: boxes
drawn on the axis, pairs of them that overlap, boxes cut off by the axis's frame, and axe-core's
WCAG 2.1 A/AA violations (rules and elements). Needs Debian's chromium; nothing is fetched.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "exporters"))

from cdp import Browser, chromium_binary  # noqa: E402
from html_viewer_checks import AXE, overlaps  # noqa: E402

from timeline import exporters  # noqa: E402
from timeline.evaluation.loading import iter_corpus  # noqa: E402
from timeline.exporters import ExportOptions  # noqa: E402
from timeline.models import Document, DocumentInfo, ReferenceSource  # noqa: E402
from timeline.pipeline import build_timeline  # noqa: E402

APPLE = ROOT.parent / "shared" / "corpora" / "meantime-en" / "intra-doc_annotation" / "corpus_apple"

# Both page generations put their markers in `.lanes`, whose parent is the axis's frame.
MEASURE = """
(function () {
  var lanes = document.querySelector('.lanes');
  if (!lanes) { return {boxes: [], frame: null}; }
  var f = lanes.parentElement.getBoundingClientRect();
  var boxes = Array.from(lanes.querySelectorAll('.marker, .cluster')).filter(function (el) {
    return !el.hidden && el.offsetParent !== null;
  }).map(function (el) {
    var r = el.getBoundingClientRect();
    return {id: el.getAttribute('href') || el.getAttribute('data-show') || el.textContent,
            left: r.left, right: r.right, top: r.top, bottom: r.bottom};
  });
  return {boxes: boxes, frame: {left: f.left, right: f.right, bottom: f.bottom}};
}())
"""


def main() -> None:
    if chromium_binary() is None or not APPLE.is_dir():
        sys.exit("needs /usr/bin/chromium and ../shared/corpora/meantime-en")
    documents = [
        Document(
            info=DocumentInfo(
                id=d.id,
                title=d.title,
                reference_date=d.reference_date,
                reference_source=ReferenceSource.METADATA,
            ),
            text=d.text,
        )
        for d in iter_corpus(APPLE)
    ]
    story = build_timeline(documents)
    print(f"timeline from {exporters.__file__}: {len(story.events)} events, {len(story.documents)} sources")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "apple.html"
        page.write_bytes(exporters.get("html").export(story, ExportOptions()))
        print(f"page: {page.stat().st_size:,} bytes")
        browser = Browser(Path(tmp) / "profile")
        try:
            for width, height, mobile in ((1400, 900, False), (390, 844, True)):
                browser.open(page.as_uri(), width, height, mobile)
                found = browser.evaluate(MEASURE)
                frame = found["frame"]
                cut = [
                    b
                    for b in found["boxes"]
                    if frame and (b["left"] < frame["left"] - 0.5 or b["right"] > frame["right"] + 0.5)
                ]
                browser.evaluate(AXE.read_text(encoding="utf-8"))
                violations = browser.evaluate(
                    "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a',"
                    " 'wcag21aa']}, resultTypes: ['violations']}).then(function (r) {"
                    " return r.violations.map(function (v) { return [v.id, v.nodes.length]; }); })"
                )
                rules = ", ".join(f"{rule} ({count})" for rule, count in violations) or "none"
                pairs = len(overlaps(found["boxes"]))
                print(
                    f"{width}x{height}: {len(found['boxes'])} boxes, {pairs} overlapping pairs, "
                    f"{len(cut)} cut off; axe WCAG 2.1 AA violations: {rules}"
                )
        finally:
            browser.close()


if __name__ == "__main__":
    main()
