"""The exporter registry: format name -> `Exporter`; formats load on first use."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from timeline.errors import OptionError
from timeline.exporters.base import Exporter, ExportOptions

__all__ = ["ExportOptions", "Exporter", "get", "names", "register"]

# name -> "module:Class". Modules are imported only by `get`, so listing the formats (CLI --help,
# argument validation) costs nothing; the ICS exporter additionally imports icalendar only when
# it renders.
_BUILTIN: dict[str, str] = {
    "json": "timeline.exporters.json_exporter:JsonExporter",
    "csv": "timeline.exporters.csv_exporter:CsvExporter",
    "ics": "timeline.exporters.ics_exporter:IcsExporter",
    "timelinejs": "timeline.exporters.timelinejs_exporter:TimelineJsExporter",
    "timelinejs-csv": "timeline.exporters.timelinejs_exporter:TimelineJsSheetExporter",
    "vis": "timeline.exporters.vis_exporter:VisExporter",
    "html": "timeline.exporters.html_exporter:HtmlExporter",
    "jsonl": "timeline.exporters.jsonl_exporter:JsonlExporter",
}

_factories: dict[str, Callable[[], Exporter]] = {}
_instances: dict[str, Exporter] = {}


def _load(target: str) -> Callable[[], Exporter]:
    def factory() -> Exporter:
        module_name, _, attribute = target.partition(":")
        exporter_class: type[Exporter] = getattr(importlib.import_module(module_name), attribute)
        return exporter_class()

    return factory


for _name, _target in _BUILTIN.items():
    _factories[_name] = _load(_target)


def register(name: str, factory: Callable[[], Exporter]) -> None:
    """Add (or replace) a format; `factory` is called once, on the first `get(name)`."""
    _factories[name] = factory
    _instances.pop(name, None)


def names() -> list[str]:
    """The registered format names, in registration order (built-ins first)."""
    return list(_factories)


def get(name: str) -> Exporter:
    """The exporter for `name`; an unknown name is the user's error (OptionError)."""
    exporter = _instances.get(name)
    if exporter is None:
        factory = _factories.get(name)
        if factory is None:
            raise OptionError(f"unknown format {name!r}; choose from {', '.join(names())}")
        exporter = _instances[name] = factory()
    return exporter
