"""The html export of the small fixture in a real headless Chromium: rendered, ordered, script-safe.

Needs Debian's `chromium` (/usr/bin/chromium); skipped with a message where it is not installed
(`.ci/run` installs it under CI). The screenshot and the DOM land in test-artifacts/. The viewer
on a real 30-article story is tested in test_html_viewer.py.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from cdp import FLAGS, chromium_binary
from exporter_fixture import HOSTILE_TITLE, build_timeline
from exporter_html_dom import Page, read

from timeline import exporters
from timeline.exporters import ExportOptions
from timeline.exporters.text import clean_line
from timeline.models import Timeline

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = pytest.mark.skipif(
    chromium_binary() is None,
    reason="Chromium is not installed (apt-get install chromium): browser test of the HTML export skipped",
)


def chromium(tmp_path: Path, page: Path, *action: str) -> str:
    done = subprocess.run(
        [
            str(chromium_binary()),
            *FLAGS,
            "--window-size=1280,1400",
            f"--user-data-dir={tmp_path / 'profile'}",
            *action,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=tmp_path,
    )
    return done.stdout


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Page:
    # Rendered once for the module (each Chromium start costs seconds on a loaded machine).
    tmp_path = tmp_path_factory.mktemp("browser")
    page = tmp_path / "timeline.html"
    page.write_bytes(exporters.get("html").export(build_timeline(), ExportOptions()))
    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / "html-export.png"
    screenshot.unlink(missing_ok=True)
    chromium(tmp_path, page, f"--screenshot={screenshot}")
    assert screenshot.stat().st_size > 10_000, "Chromium wrote no screenshot"
    dom = chromium(tmp_path, page, "--dump-dom")
    (ARTIFACTS / "html-export.dom.html").write_text(dom, encoding="utf-8")
    return read(dom)


def test_every_event_rendered_in_date_order(rendered: Page, timeline: Timeline) -> None:
    assert [c.attrs["data-event-id"] for c in rendered.cards] == [e.id for e in timeline.events]
    starts = [c.attrs["data-start"] for c in rendered.cards if "data-start" in c.attrs]
    assert starts == sorted(starts)
    # Every dated event is on the axis: its own marker, or counted in a cluster.
    on_axis = [m["data-show"] for m in rendered.markers] + [
        member for c in rendered.clusters for member in c["data-members"].split()
    ]
    assert sorted(on_axis) == sorted(c.attrs["id"] for c in rendered.cards if "data-start" in c.attrs)


def test_script_ran_and_headline_stayed_text(rendered: Page) -> None:
    # Our script revealed the filters and counted the events; the hostile headline added no script.
    assert rendered.filters_hidden is False
    assert rendered.shown == "8 of 8 events shown"
    assert rendered.scripts == 1
    headlines = [c.headline for c in rendered.cards]
    assert clean_line(HOSTILE_TITLE) in headlines
    hostile = [m for m in rendered.markers if "<script>" in m.get("aria-label", "")]
    assert rendered.markers and len(hostile) <= 1  # the title as text in the label, not as markup
