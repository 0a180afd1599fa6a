"""A document's language picks rule files: only the shipped languages may (issue 17, item 9).

An unknown language is an error (LanguageError, a ValueError) in the Python API, never a path;
the CLI skips such a document with a warning. A tag with a region ("en-US") means its language.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import timeline
from timeline.cli.app import app
from timeline.cli.common import EXIT_SKIPPED
from timeline.errors import LanguageError
from timeline.models import Document, DocumentInfo
from timeline.tagging.resources import load_language, shipped_languages, supported_language

TEXT = "The minister resigned on Oct. 22, 2014."


@pytest.mark.parametrize("tag", ["en", "EN", "en-US", "en_GB", " en "])
def test_a_tag_of_a_shipped_language_loads_it(tag: str) -> None:
    assert supported_language(tag) == "en"
    assert load_language(tag) is load_language("en")
    document = Document(info=DocumentInfo(id="d", language=tag), text=TEXT)
    assert [event.date.value for event in timeline.extract(document).events] == ["2014-10-22"]


@pytest.mark.parametrize("tag", ["de", "fr-FR", "../../x", "..", "en/../en", "/etc", "", "english"])
def test_any_other_language_is_a_clear_error_not_a_path(tag: str) -> None:
    with pytest.raises(LanguageError, match=r"is not supported \(supported: en\)"):
        load_language(tag)
    document = Document(info=DocumentInfo(id="d", language=tag), text=TEXT)
    with pytest.raises(ValueError, match="is not supported"):
        timeline.extract(document)


def test_the_shipped_languages_are_the_resource_directories() -> None:
    root = Path(timeline.__file__).parent / "tagging" / "resources"
    assert shipped_languages() == tuple(
        sorted(p.name for p in root.iterdir() if (p / "rules.toml").is_file())
    )
    assert "en" in shipped_languages()


def test_the_cli_skips_a_document_in_an_unknown_language(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    lines = [{"id": "de", "text": TEXT, "language": "de"}, {"id": "us", "text": TEXT, "language": "en-US"}]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"language": "../../x"}), encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(corpus), str(article), "-f", "json", "-o", "-"])
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert [d["id"] for d in json.loads(result.stdout)["documents"]] == ["us"]
    assert "c.jsonl:1: skipped bad line (language: language 'de' is not supported" in result.stderr
    assert "a.txt: skipped: language '../../x' is not supported" in result.stderr
    assert "2 documents skipped" in result.stderr
