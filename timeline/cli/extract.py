"""CLI commands that build timelines: `extract` and `schema`."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from timeline.cli.app import app
from timeline.cli.common import user_errors, warn
from timeline.errors import OptionError

DEFAULT_FORMATS = ["json", "csv", "ics"]


def _parse_formats(value: str | None, known: list[str]) -> list[str] | None:
    if value is None:
        return None
    formats = [part.strip().lower() for part in value.split(",") if part.strip()]
    unknown = [f for f in formats if f not in known]
    if unknown or not formats:
        raise OptionError(f"unknown format {', '.join(unknown) or value!r}; choose from {', '.join(known)}")
    return list(dict.fromkeys(formats))


@app.command()
@user_errors
def extract(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT...",
            help="Article files (.txt, with an optional <name>.meta.json sidecar), directories "
            "(searched recursively), or - for standard input. Several inputs make one timeline.",
            show_default=False,
        ),
    ],
    ref_date: Annotated[
        str | None,
        typer.Option(
            "--ref-date",
            metavar="YYYY-MM-DD",
            help="Reference (publication) date that 'this week', 'yesterday'... resolve against. "
            "Overrides the sidecar's 'published'.",
        ),
    ] = None,
    formats: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMATS",
            help="Comma-separated export formats, e.g. json,csv,ics. "
            "Default: json,csv,ics (json alone for -o -).",
        ),
    ] = None,
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="DIR|FILE|-",
            help="Output directory, a single file (its extension picks the format), or - for stdout.",
        ),
    ] = "exports",
    name: Annotated[
        str | None,
        typer.Option(
            help="Base name of the files written to a directory. Default: the article's name, "
            "or 'timeline' for several articles."
        ),
    ] = None,
    day_first: Annotated[
        bool, typer.Option("--day-first", help="Read numeric dates like 10/11/2014 as day/month/year.")
    ] = False,
    encoding: Annotated[
        str | None, typer.Option(help="Encoding of the inputs when not UTF-8, e.g. cp1252.")
    ] = None,
    bom: Annotated[
        bool, typer.Option("--bom/--no-bom", help="Start CSV with a UTF-8 BOM so Excel detects UTF-8.")
    ] = True,
    calendar_name: Annotated[
        str | None, typer.Option(help="Calendar name shown by Outlook/Google/Apple (default: the title).")
    ] = None,
) -> None:
    """Extract the dated events of news articles and export them as a timeline.

    Example: timeline extract seeds/ -o exports/
    """
    from timeline import exporters
    from timeline.output import atomic_write, plan_outputs
    from timeline.pipeline import build_timeline
    from timeline.reading import parse_date_option, read_inputs
    from timeline.settings import TaggerSettings

    known = exporters.names()
    chosen = _parse_formats(formats, known)
    reference = parse_date_option(ref_date) if ref_date is not None else None
    documents, report = read_inputs(inputs, reference, encoding)
    basename = name or (documents[0].info.id if len(documents) == 1 else "timeline")
    extensions = {n: exporters.get(n).extension for n in known}
    plan = plan_outputs(output, chosen, extensions, basename, DEFAULT_FORMATS)

    settings = TaggerSettings(day_first=day_first)
    timeline = build_timeline(documents, settings)
    for message in report.warnings:
        warn(message)
    undated = [d.id for d in documents if d.info.reference_date is None]
    if undated:
        warn(
            f"no reference date for {', '.join(undated)}: relative dates stay unresolved and are left "
            "out of the calendar; pass --ref-date YYYY-MM-DD"
        )
    options = exporters.ExportOptions(csv_bom=bom, calendar_name=calendar_name)
    # Render everything before writing anything: a failing exporter leaves no partial export set.
    rendered = [(path, exporters.get(fmt).export(timeline, options)) for fmt, path in plan]
    for path, data in rendered:
        if path is None:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            atomic_write(path, data)
            typer.echo(f"wrote {path}", err=True)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the timeline JSON export."""
    from timeline.models import Timeline

    typer.echo(json.dumps(Timeline.model_json_schema(), indent=2, sort_keys=True))
