"""Title lint: every rule's own examples fail it and its counter-examples pass, and the counts add up."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.evaluation.title_lint import RULES, Lint, broken, lint, main, rules, words
from timeline.models import Document, DocumentInfo


def _examples(kind: str) -> list[tuple[str, str]]:
    return [(rule, title) for rule in RULES for title in rules()[rule][kind]]


def test_every_rule_has_data_and_examples() -> None:
    assert set(rules()) == set(RULES)
    for rule in RULES:
        assert rules()[rule]["fails"] and rules()[rule]["passes"], rule


@pytest.mark.parametrize(("rule", "title"), _examples("fails"))
def test_failing_example_breaks_its_rule(rule: str, title: str) -> None:
    assert rule in broken(title)


@pytest.mark.parametrize(("rule", "title"), _examples("passes"))
def test_passing_example_keeps_its_rule(rule: str, title: str) -> None:
    assert rule not in broken(title)


def test_words_keep_clitics_and_drop_punctuation() -> None:
    assert words("\u2019s email, sent.") == ["'s", "email", "sent"]


def test_a_title_counts_once_overall_and_once_per_rule() -> None:
    result = Lint("x")
    for title in ("Said", "Rebels took the town", "Was arrested in"):
        result.add(title)
    assert (result.titles, result.failing) == (3, 2)
    assert result.by_rule is not None
    assert result.by_rule["one_word"] == 1 and result.by_rule["bare_reporting_verb"] == 1
    assert result.by_rule["bad_first_word"] == result.by_rule["dangling_last_word"] == 1


def test_lint_reads_the_titles_the_pipeline_gives() -> None:
    text = "Rebels seized the airport on March 3, 2015."
    result = lint("x", [Document(info=DocumentInfo(id="d"), text=text)])
    assert result.titles == 1 and result.failing == 0


def test_command_lints_a_directory_of_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Rebels seized the airport on March 3, 2015.\n", encoding="utf-8")
    assert main([str(tmp_path)]) == 0
    last = capsys.readouterr().out.splitlines()[-1].split()
    assert last[:2] == ["all", "1"] and last[-1] == "0.0"


def test_command_reports_a_missing_directory_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["/nonexistent/corpus"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
