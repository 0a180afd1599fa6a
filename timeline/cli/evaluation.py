"""CLI commands of the evaluation harness (timeml, evaluate)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from timeline.cli.app import app
from timeline.cli.common import DOCUMENT_TYPE_HELP, user_errors, warn

DEFAULT_PEERS = "timeline,dateparser,datefinder,heideltime"


@app.command()
@user_errors
def timeml(
    in_dir: Annotated[
        Path, typer.Argument(metavar="IN_DIR", help="TempEval-3 .tml files (or MEANTIME CAT XML), recursive.")
    ],
    out_dir: Annotated[Path, typer.Argument(metavar="OUT_DIR", help="Where the tagged .tml files go.")],
    document_type: Annotated[str, typer.Option(metavar="TYPE", help=DOCUMENT_TYPE_HELP)] = "auto",
) -> None:
    """Tag the TEXT of every .tml file and write OUT_DIR/<same name>.tml (TE3 scorer input).

    The text is kept char for char, the DCT is kept and every other annotation of the input is
    dropped; sub-folders are mirrored.
    """
    from timeline.errors import OutputError
    from timeline.evaluation.loading import corpus_files, read_document
    from timeline.evaluation.timeml_writer import timeml as to_timeml
    from timeline.settings import TaggerSettings, parse_document_type
    from timeline.temporal import annotate

    settings = TaggerSettings(document_type=parse_document_type(document_type))
    files = corpus_files(in_dir)
    if not files:
        warn(f"{in_dir}: no .tml (or MEANTIME .xml) files")
    for path in files:
        document = read_document(path)
        content, dropped = to_timeml(document, annotate(document.text, document.reference_date, settings))
        if dropped:
            warn(f"{path.name}: {dropped} overlapping timex(es) left out (TimeML cannot nest them)")
        relative = path.relative_to(in_dir) if in_dir.is_dir() else Path(path.name)
        target = out_dir / relative.with_suffix(".tml")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        except OSError as err:
            raise OutputError(f"{target}: cannot write ({err.strerror or err})") from None
    typer.echo(f"{len(files)} file(s) written to {out_dir}", err=True)


@app.command()
@user_errors
def evaluate(
    corpus_dir: Annotated[
        Path,
        typer.Argument(metavar="CORPUS_DIR", help="TempEval-3 .tml files or MEANTIME CAT XML (recursive)."),
    ],
    peers: Annotated[
        str | None,
        typer.Option(
            metavar="NAMES",
            help=f"Comma-separated taggers to run (default: {DEFAULT_PEERS}; none with --system).",
        ),
    ] = None,
    system: Annotated[
        Path | None,
        typer.Option(metavar="DIR", help="Also score the .tml files in DIR (same names as the gold files)."),
    ] = None,
    limit: Annotated[
        int | None, typer.Option(min=1, metavar="N", help="Only the first N documents (path order).")
    ] = None,
    errors: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE", help="Write missed/spurious/wrong span, type, value lists (.json: JSON)."
        ),
    ] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", metavar="FILE", help="Write scores, counts and versions as JSON.")
    ] = None,
) -> None:
    """Score taggers on a corpus with the TempEval-3 Task A rules and print one table.

    Taggers: timeline, dateparser, datefinder, heideltime, and the baselines nothing and years.
    `--system DIR` scores TimeML output written earlier (`timeline timeml`, or any TE3 system).
    """
    from timeline.errors import OptionError
    from timeline.evaluation.benchmark import make_peer, run_peer, score_files
    from timeline.evaluation.loading import load_corpus
    from timeline.evaluation.peers import PEERS
    from timeline.evaluation.report import error_json, error_text, notes, summary_json, table

    chosen = peers if peers is not None else ("" if system is not None else DEFAULT_PEERS)
    names = [n.strip() for n in chosen.split(",") if n.strip()]
    unknown = [n for n in names if n not in PEERS]
    if unknown or (not names and system is None):
        raise OptionError(f"unknown tagger {', '.join(unknown) or chosen!r}; choose from {', '.join(PEERS)}")
    if system is not None and not system.is_dir():
        raise OptionError(f"--system {system}: not a directory")
    for report in (errors, json_out):
        if report is not None and not report.resolve().parent.is_dir():
            raise OptionError(f"{report}: its folder does not exist")
    documents = load_corpus(corpus_dir, limit)
    runs = []
    for name in names:
        typer.echo(f"running {name} on {len(documents)} documents...", err=True)
        run = run_peer(make_peer(name), documents)
        if run.skipped:
            typer.echo(f"{name}: skipped ({run.note})", err=True)
        runs.append(run)
    if system is not None:
        runs.append(score_files(documents, system, corpus_dir))
    gold = sum(len(d.timexes) for d in documents)
    typer.echo(f"{corpus_dir}: {len(documents)} documents, {gold} gold TIMEX3 (TE3 Task A, scores in %)\n")
    typer.echo(table(runs))
    remarks = notes(runs)
    if remarks:
        typer.echo("")
    for remark in remarks:
        typer.echo(f"note: {remark}")
    if errors is not None:
        content = error_json(runs) if errors.suffix == ".json" else error_text(runs, documents)
        _write(errors, content)
    if json_out is not None:
        _write(json_out, summary_json(runs, str(corpus_dir), len(documents)))


def _write(path: Path, content: str) -> None:
    from timeline.errors import OutputError

    try:
        path.write_text(content, encoding="utf-8")
    except OSError as err:
        raise OutputError(f"{path}: cannot write ({err.strerror or err})") from None
