"""The stylesheet and script inlined into the `html` export, read from `assets/` (no CDN, no network).

Both were written for this page (assets/viewer.css, assets/viewer.js); the exporter inlines them
and allows them by their SHA-256 in the page's Content-Security-Policy.
"""

from __future__ import annotations

from importlib.resources import files

_ASSETS = files("timeline.exporters").joinpath("assets")

STYLE = _ASSETS.joinpath("viewer.css").read_text(encoding="utf-8").strip()
SCRIPT = _ASSETS.joinpath("viewer.js").read_text(encoding="utf-8").strip()
