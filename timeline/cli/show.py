"""CLI command `show`: a timeline as a table in the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from timeline.cli.app import app
from timeline.cli.common import EXIT_SKIPPED, counted, terminal_safe, user_errors, warn

if TYPE_CHECKING:
    from timeline.models import Timeline

STATUS_STYLE = {"past": "dim", "ongoing": "green", "upcoming": "bold cyan", "unknown": "yellow"}


def _load_timeline(path: Path) -> Timeline | None:
    """A timeline JSON export, or None when `path` is not one (then it is an article)."""
    from pydantic import ValidationError

    from timeline.errors import InputError
    from timeline.models import Timeline

    if path.suffix.lower() != ".json":
        return None
    try:
        return Timeline.model_validate_json(path.read_bytes())
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None
    except ValidationError:
        raise InputError(f"{path}: not a timeline JSON export (see `timeline schema`)") from None


@app.command()
@user_errors
def show(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE|INPUT...",
            help="A timeline JSON export, or articles (as for `extract`) to extract on the fly.",
            show_default=False,
        ),
    ],
    ref_date: Annotated[
        str | None, typer.Option("--ref-date", metavar="YYYY-MM-DD", help="Reference date for articles.")
    ] = None,
    width: Annotated[
        int | None, typer.Option(metavar="COLUMNS", help="Table width (default: the terminal's).")
    ] = None,
) -> None:
    """Print the events of a timeline as a table: date, precision, status, title, source."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from timeline.pipeline import build_timeline
    from timeline.reading import parse_date_option, read_inputs

    loaded = _load_timeline(Path(inputs[0])) if len(inputs) == 1 else None
    skipped = 0
    if loaded is None:
        reference = parse_date_option(ref_date) if ref_date is not None else None
        documents, ctx = read_inputs(inputs, reference)
        for message in ctx.warnings:
            warn(message)
        skipped = ctx.skipped
        if not documents:
            from timeline.errors import InputError

            raise InputError("no document left to read: every input was skipped")
        loaded = build_timeline(documents)
    several = len(loaded.documents) > 1  # a source column only says something for several
    table = Table(title=counted(len(loaded.events), "event"), show_lines=False, expand=False)
    for column in ("Date", "Precision", "Status", "Event", *(["Source"] if several else [])):
        table.add_column(column, overflow="fold")
    for event in loaded.events:
        # Text() cells: article text must never be read as rich markup ("[bold]" in a headline),
        # and terminal_safe: nor as escape sequences (a JSONL id or title can hold any).
        cells = [
            Text(terminal_safe(event.date.value)),
            Text(event.date.granularity.value),
            Text(event.status.value, style=STATUS_STYLE.get(event.status.value, "")),
            Text(terminal_safe(event.title)),
        ]
        if several:
            cells.append(Text(terminal_safe(", ".join(sorted({m.document_id for m in event.mentions})))))
        table.add_row(*cells)
    Console(width=width, highlight=False).print(table)
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)
