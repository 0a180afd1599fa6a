"""The Python API: text, files and Documents in; dates and datetimes as reference dates."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

import timeline
from timeline.cli import app
from timeline.errors import InputError
from timeline.models import ReferenceSource, Status
from timeline.reading.sources import first_line_title

SEED = Path(__file__).resolve().parents[1] / "seeds" / "voa-2017-02-10-italy-russia-libya.txt"


def test_a_path_is_read_as_the_cli_reads_it_with_its_sidecar() -> None:
    tl = timeline.extract(SEED)
    (doc,) = tl.documents
    assert doc.reference_date == date(2017, 2, 10)
    assert doc.reference_source is ReferenceSource.METADATA
    assert doc.title == "Italy Seeks Russia's Help to Stabilize Libya, End Migrant Crisis"
    assert timeline.export(tl, "json") == timeline.export(timeline.extract([SEED]), "json")
    assert tl.events


def test_a_path_to_an_html_page_is_extracted(tmp_path: Path) -> None:
    body = "<p>The city council voted on Tuesday to approve the budget after a long debate. </p>" * 4
    page = tmp_path / "budget.html"
    page.write_text(
        '<html><head><title>Budget</title><meta property="article:published_time" '
        f'content="2019-03-14"></head><body><article>{body}</article></body></html>'
    )
    tl = timeline.extract(page)
    assert tl.documents[0].reference_source is ReferenceSource.HTML_METADATA
    assert [e.date.value for e in tl.events] == ["2019-03-12"]


def test_a_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        timeline.extract(tmp_path / "nope.txt")


@pytest.mark.parametrize(
    "reference", [date(2017, 2, 10), datetime(2017, 2, 10, 18, 30), datetime(2017, 2, 10, 0, 0)]
)
def test_a_datetime_reference_date_is_its_calendar_day(reference: date) -> None:
    tl = timeline.extract("The council met on Tuesday and will vote next week.", reference_date=reference)
    assert [(e.date.value, e.status) for e in tl.events] == [
        ("2017-02-07", Status.PAST),
        ("2017-W07", Status.UPCOMING),
    ]


def test_a_reference_date_overrides_a_files_own_date() -> None:
    tl = timeline.extract(SEED, reference_date=datetime(2018, 1, 1, 12))
    assert tl.documents[0].reference_date == date(2018, 1, 1)
    assert tl.documents[0].reference_source is ReferenceSource.CLI


def test_no_reference_date_gives_unknown_status() -> None:
    tl = timeline.extract("The council will vote next week.")
    assert [e.status for e in tl.events] == [Status.UNKNOWN]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Council approves budget\n\nThe council voted on Tuesday.", "Council approves budget"),
        ("Council approves budget\nThe council voted on Tuesday.", "Council approves budget"),
        ("Storms hit coast.\n\nStorms hit the coast on Friday.", "Storms hit coast."),
        ("The council voted on Tuesday.\nIt meets again next week.", None),
        ("The council voted on Tuesday.", None),
        ("Council approves budget\n\n   \n", None),
        ("x" * 201 + "\n\nBody.", None),
    ],
)
def test_a_text_articles_first_line_is_its_title(text: str, title: str | None) -> None:
    assert first_line_title(text) == title


def test_a_sidecar_title_wins_over_the_first_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Headline here\n\nThe council voted on Tuesday.")
    assert timeline.extract(article).documents[0].title == "Headline here"
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "From the sidecar"}))
    assert timeline.extract(article).documents[0].title == "From the sidecar"


def test_the_json_schema_names_its_dialect_and_id() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "urn:timeline:schema:timeline:1.0"
    assert schema["title"] == "Timeline"
