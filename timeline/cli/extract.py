"""CLI commands that build timelines: `extract` and `schema`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from timeline.cli.app import app
from timeline.cli.common import DOCUMENT_TYPE_HELP, user_errors, warn
from timeline.cli.progress import progress
from timeline.cli.writing import write_output, write_stream
from timeline.errors import OptionError

if TYPE_CHECKING:
    from timeline.cli.progress import Tracker
    from timeline.models import Document
    from timeline.reading.sources import ReadContext

DEFAULT_FORMATS = ["json", "csv", "ics"]
# One event per line, streamed document by document: the corpus mode.
STREAMING_FORMAT = "jsonl"
ALL_FORMATS = "all"


def _parse_formats(value: str | None, known: list[str]) -> list[str] | None:
    if value is None:
        return None
    formats = [part.strip().lower() for part in value.split(",") if part.strip()]
    if formats == [ALL_FORMATS]:
        return [name for name in known if name != STREAMING_FORMAT]
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
            help="Comma-separated export formats: json, csv, ics, timelinejs, timelinejs-csv, vis, html, "
            "jsonl (corpus mode: one event per line, streamed), or 'all' (every format but jsonl). "
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
    document_type: Annotated[str, typer.Option(help=DOCUMENT_TYPE_HELP)] = "auto",
    encoding: Annotated[
        str | None, typer.Option(help="Encoding of the inputs when not UTF-8, e.g. cp1252.")
    ] = None,
    bom: Annotated[
        bool, typer.Option("--bom/--no-bom", help="Start CSV with a UTF-8 BOM so Excel detects UTF-8.")
    ] = True,
    calendar_name: Annotated[
        str | None, typer.Option(help="Calendar name shown by Outlook/Google/Apple (default: the title).")
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="Worker processes (default: all cores). Output is identical."
        ),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="ADDRESS",
            help="Run on the Dask scheduler at ADDRESS (e.g. tcp://host:8786); needs timeline[dask].",
        ),
    ] = None,
    show_progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress", help="Progress bar on stderr (default: when it is a terminal)."
        ),
    ] = None,
) -> None:
    """Extract the dated events of news articles and export them as a timeline.

    Example: timeline extract seeds/ -o exports/
    """
    from timeline import exporters
    from timeline.corpus import stream_lines
    from timeline.output import plan_outputs
    from timeline.parallel import default_jobs
    from timeline.pipeline import build_timeline
    from timeline.reading import parse_date_option
    from timeline.reading.sources import ReadContext, iter_documents
    from timeline.settings import TaggerSettings, parse_document_type

    known = exporters.names()
    chosen = _parse_formats(formats, known)
    reference = parse_date_option(ref_date) if ref_date is not None else None
    ctx = ReadContext(ref_date=reference, encoding=encoding)
    settings = TaggerSettings(day_first=day_first, document_type=parse_document_type(document_type))
    workers = jobs or default_jobs()
    extensions = {n: exporters.get(n).extension for n in known}

    if chosen == [STREAMING_FORMAT]:
        (_, target), *_ = plan_outputs(output, chosen, extensions, name or "events", DEFAULT_FORMATS)
        documents = iter_documents(inputs, ctx)
        with progress(_input_bytes(inputs), show_progress) as tracker:
            seen = _Seen(tracker)
            count = write_stream(stream_lines(documents, settings, workers, seen, dask), target)
        _report(ctx, seen.undated, count)
        return
    if STREAMING_FORMAT in (chosen or []):
        raise OptionError(f"--format {STREAMING_FORMAT} streams events and cannot be combined with others")

    docs = list(iter_documents(inputs, ctx))  # all input errors surface before any work is done
    basename = name or (docs[0].info.id if len(docs) == 1 else "timeline")
    plan = plan_outputs(output, chosen, extensions, basename, DEFAULT_FORMATS)
    with progress(sum(len(d.text.encode("utf-8")) for d in docs), show_progress) as tracker:
        seen = _Seen(tracker)
        if dask is not None:
            from timeline.distributed import timeline_on_cluster

            timeline = timeline_on_cluster(docs, dask, settings, seen)
        else:
            timeline = build_timeline(docs, settings, workers, seen)
    undated = seen.undated
    options = exporters.ExportOptions(csv_bom=bom, calendar_name=calendar_name)
    # Render everything before writing anything: a failing exporter leaves no partial export set.
    rendered = [(path, exporters.get(fmt).export(timeline, options)) for fmt, path in plan]
    for path, data in rendered:
        write_output(path, data)
    _report(ctx, undated, len(timeline.events))


def _input_bytes(inputs: list[str]) -> int | None:
    total = 0
    for arg in inputs:
        path = Path(arg)
        if arg == "-" or not path.exists():
            return None
        files = path.rglob("*") if path.is_dir() else [path]
        total += sum(p.stat().st_size for p in files if p.is_file())
    return total


class _Seen:
    """Per-document callback: advances the progress bar and notes documents with no reference date."""

    def __init__(self, tracker: Tracker) -> None:
        self.tracker = tracker
        self.undated: list[str] = []

    def __call__(self, document: Document) -> None:
        if document.info.reference_date is None:
            self.undated.append(document.id)
        self.tracker(document)


def _report(ctx: ReadContext, undated: list[str], count: int) -> None:
    """After the writes (a failed run says only why): bad JSONL lines, missing reference dates."""
    for message in ctx.warnings:
        warn(message)
    if undated:
        more = f" and {len(undated) - 5} more" if len(undated) > 5 else ""
        shown = ", ".join(undated[:5]) + more
        warn(
            f"no reference date for {shown}: relative dates stay unresolved and are left "
            "out of the calendar; pass --ref-date YYYY-MM-DD"
        )
    typer.echo(f"{count} events", err=True)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the timeline JSON export."""
    from timeline.models import Timeline

    typer.echo(json.dumps(Timeline.model_json_schema(), indent=2, sort_keys=True))
