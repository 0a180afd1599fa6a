"""CLI commands that build timelines: `extract` and `schema`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from timeline.cli.app import app
from timeline.cli.common import DOCUMENT_TYPE_HELP, EXIT_SKIPPED, counted, user_errors, warn
from timeline.cli.progress import progress
from timeline.cli.writing import write_outputs, write_stream
from timeline.errors import InputError, OptionError, TimelineError
from timeline.limits import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from timeline.cli.progress import Tracker
    from timeline.models import Document
    from timeline.reading.sources import ReadContext
    from timeline.settings import DocumentType

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
            help="Articles: .txt files (with an optional <name>.meta.json sidecar; otherwise a "
            "headline on the first line is the title), .html pages, .jsonl corpora, RSS/Atom feeds "
            "(.rss, .atom, .xml), http(s):// URLs of pages or feeds, directories (searched "
            "recursively), or - for standard input. Several inputs make one timeline.",
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
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="The date that decides whether events are past, ongoing or upcoming, for the whole "
            "timeline. Default: the newest reference date of the articles.",
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
            metavar="NAME",
            help="Base name of the files written to a directory. Default: the article's name, "
            "or 'timeline' for several articles.",
        ),
    ] = None,
    day_first: Annotated[
        bool, typer.Option("--day-first", help="Read numeric dates like 10/11/2014 as day/month/year.")
    ] = False,
    document_type: Annotated[str, typer.Option(metavar="TYPE", help=DOCUMENT_TYPE_HELP)] = "auto",
    encoding: Annotated[
        str | None,
        typer.Option(metavar="CODEC", help="Encoding of the inputs when not UTF-8, e.g. cp1252."),
    ] = None,
    bom: Annotated[
        bool, typer.Option("--bom/--no-bom", help="Start CSV with a UTF-8 BOM so Excel detects UTF-8.")
    ] = True,
    calendar_name: Annotated[
        str | None,
        typer.Option(
            metavar="NAME", help="Calendar name shown by Outlook/Google/Apple (default: the title)."
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help="Worker processes (default: all cores). Output is identical.",
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
    timeout: Annotated[
        int,
        typer.Option(
            "--timeout", metavar="SECONDS", min=1, help="Give up on a URL that takes longer than this."
        ),
    ] = 30,
    allow_private_hosts: Annotated[
        bool,
        typer.Option(
            "--allow-private-hosts",
            help="Fetch URLs on loopback or private addresses (refused by default).",
        ),
    ] = False,
    show_progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress", help="Progress bar on stderr (default: when it is a terminal)."
        ),
    ] = None,
    max_bytes: Annotated[
        int,
        typer.Option(
            "--max-bytes",
            min=1,
            metavar="BYTES",
            help="Largest document read (a file, stdin, or one JSONL line); a larger one is "
            "skipped with a warning.",
        ),
    ] = DEFAULT_MAX_BYTES,
) -> None:
    """Extract the dated events of news articles and export them as a timeline.

    Example: timeline extract seeds/ -o exports/
    """
    from timeline import exporters
    from timeline.reading import parse_date_option
    from timeline.reading.decoding import text_codec
    from timeline.reading.sources import ReadContext
    from timeline.reading.web import FetchSettings
    from timeline.settings import parse_document_type

    known = exporters.names()
    chosen = _parse_formats(formats, known)
    reference = parse_date_option(ref_date) if ref_date is not None else None
    now = parse_date_option(as_of, "--as-of") if as_of is not None else None
    kind = parse_document_type(document_type)
    text_codec(encoding)  # a bad --encoding fails before anything is read
    if dask is not None:
        from timeline.distributed import check_address

        check_address(dask)
    fetching = FetchSettings(timeout=timeout, max_bytes=max_bytes, allow_private_hosts=allow_private_hosts)
    ctx = ReadContext(ref_date=reference, encoding=encoding, max_bytes=max_bytes, fetch=fetching)
    # A file found in a directory that cannot be read is skipped and counted, not the run's end.
    ctx.skip_bad_files = True
    run = _Run(
        inputs, chosen, output, name, day_first, jobs, dask, show_progress, bom, calendar_name, now, kind
    )
    try:
        _extract(run, ctx)
    except TimelineError:
        _flush_warnings(ctx)  # the lines skipped before the error are part of why it failed
        raise
    if ctx.skipped:
        raise typer.Exit(EXIT_SKIPPED)


@dataclass(frozen=True)
class _Run:
    """The options of one `extract` run that reading does not need."""

    inputs: list[str]
    chosen: list[str] | None
    output: str
    name: str | None
    day_first: bool
    jobs: int | None
    dask: str | None
    show_progress: bool | None
    bom: bool
    calendar_name: str | None
    as_of: date | None
    document_type: DocumentType


def _extract(run: _Run, ctx: ReadContext) -> None:
    from timeline import exporters
    from timeline.corpus import stream_lines
    from timeline.output import plan_outputs
    from timeline.parallel import default_jobs, max_jobs
    from timeline.pipeline import build_timeline
    from timeline.reading.sources import iter_documents
    from timeline.settings import TaggerSettings

    known = exporters.names()
    settings = TaggerSettings(day_first=run.day_first, document_type=run.document_type)
    workers = run.jobs or default_jobs()
    if workers > max_jobs():
        warn(f"--jobs {workers} is more than this machine can use; running {max_jobs()} workers")
        workers = max_jobs()
    extensions = {n: exporters.get(n).extension for n in known}
    inputs, chosen, output = run.inputs, run.chosen, run.output

    if chosen == [STREAMING_FORMAT]:
        if run.as_of is not None:
            raise OptionError(
                f"--as-of judges a whole timeline; --format {STREAMING_FORMAT} streams each article "
                "with its own reference date"
            )
        stream_name = run.name or stream_basename(inputs)
        (_, target), *_ = plan_outputs(output, chosen, extensions, stream_name, DEFAULT_FORMATS)
        _refuse_overwriting_inputs([target], inputs)
        documents = iter_documents(inputs, ctx)
        with progress(_input_bytes(inputs), run.show_progress) as tracker:
            seen = _Seen(tracker)
            count = write_stream(stream_lines(documents, settings, workers, seen, run.dask), target)
        _report(ctx, seen, count)
        return
    if STREAMING_FORMAT in (chosen or []):
        raise OptionError(f"--format {STREAMING_FORMAT} streams events and cannot be combined with others")

    # Documents stream through the pipeline: holding them all made memory grow with the archive
    # (1,000,000 tiny documents: 7.3 GB). An input error met halfway still fails the run before
    # anything is written. The first two tell whether there is a single article to name the files.
    documents = iter_documents(inputs, ctx)
    head = list(islice(documents, 2))
    basename = run.name or (head[0].info.id if len(head) == 1 else "timeline")
    plan = plan_outputs(output, chosen, extensions, basename, DEFAULT_FORMATS)
    _refuse_overwriting_inputs([path for _, path in plan], inputs)
    docs = chain(head, documents)
    with progress(_input_bytes(inputs), run.show_progress) as tracker:
        seen = _Seen(tracker)
        if run.dask is not None:
            from timeline.distributed import timeline_on_cluster

            timeline = timeline_on_cluster(docs, run.dask, settings, seen, run.as_of)
        else:
            timeline = build_timeline(docs, settings, workers, seen, run.as_of)
    if seen.documents == 0:
        raise InputError("no document left to read: every input was skipped")
    options = exporters.ExportOptions(csv_bom=run.bom, calendar_name=run.calendar_name)
    # Render everything before writing anything: a failing exporter leaves no partial export set.
    rendered = [(path, exporters.get(fmt).export(timeline, options)) for fmt, path in plan]
    write_outputs(rendered)
    _report(ctx, seen, len(timeline.events))


def _refuse_overwriting_inputs(targets: list[Path | None], inputs: list[str]) -> None:
    """An export must never replace an input: `-o corpus.jsonl` would swap the corpus for its
    events. An input is a file named on the command line, or an article file inside a
    directory named there."""
    from timeline.reading.sources import READERS

    for target in targets:
        if target is None or not target.is_file():
            continue
        for arg in inputs:
            source = Path(arg)
            if arg == "-" or not source.exists():
                continue
            same = source.is_file() and source.samefile(target)
            inside = (
                source.is_dir()
                and target.suffix.lower() in READERS
                and target.resolve().is_relative_to(source.resolve())
            )
            if same or inside:
                raise OptionError(f"-o {target} would overwrite the input {arg}; choose another output")


def stream_basename(inputs: list[str]) -> str:
    """Corpus mode's file name: after its one input ('corpus.jsonl' -> 'corpus.events'), so
    that it never overwrites that input when written beside it; 'events' for several inputs."""
    from timeline.reading.sources import READERS
    from timeline.reading.web import is_url, url_stem

    if len(inputs) != 1 or inputs[0] == "-":
        return "events"
    arg = inputs[0]
    path = Path(arg.rstrip("/\\"))
    stem = url_stem(arg) if is_url(arg) else (path.stem if path.suffix.lower() in READERS else path.name)
    return f"{stem}.events" if stem else "events"


def _input_bytes(inputs: list[str]) -> int | None:
    """The bytes the readers will take: article files only (not sidecars, not our own exports,
    not other files of a directory); None when unknown (stdin, URLs)."""
    from timeline.reading.sources import article_files

    total = 0
    for arg in inputs:
        path = Path(arg)
        if arg == "-" or not path.exists():
            return None
        if path.is_dir():
            total += sum(p.stat().st_size for p in article_files(path))
        elif path.is_file():
            total += path.stat().st_size
    return total


# Documents without a reference date named in the warning; the others are only counted, so
# that an archive of undated documents does not keep all their ids.
UNDATED_SHOWN = 5


class _Seen:
    """Per-document callback: advances the progress bar and notes documents with no reference date."""

    def __init__(self, tracker: Tracker) -> None:
        self.tracker = tracker
        self.undated: list[str] = []
        self.undated_count = 0
        self.documents = 0

    def __call__(self, document: Document) -> None:
        self.documents += 1
        if document.info.reference_date is None:
            self.undated_count += 1
            if len(self.undated) < UNDATED_SHOWN:
                self.undated.append(document.id)
        self.tracker(document)


def _flush_warnings(ctx: ReadContext) -> None:
    for message in ctx.warnings:
        warn(message)
    ctx.warnings.clear()


def _report(ctx: ReadContext, seen: _Seen, count: int) -> None:
    """After the writes: skipped inputs and their count, missing reference dates."""
    _flush_warnings(ctx)
    if ctx.skipped:
        warn(f"{counted(ctx.skipped, 'document')} skipped (named above)")
    undated = seen.undated
    if undated:
        hidden = seen.undated_count - len(undated)
        more = f" and {hidden} more" if hidden else ""
        shown = ", ".join(undated) + more
        warn(
            f"no reference date for {shown}: relative dates stay unresolved and are left "
            "out of the calendar; pass --ref-date YYYY-MM-DD"
        )
    typer.echo(counted(count, "event"), err=True)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the timeline JSON export."""
    from timeline.schema import timeline_schema

    typer.echo(json.dumps(timeline_schema(), indent=2, sort_keys=True))
