"""Every `# example:` line of the event layer's data files runs as a test.

Format: `# example: sentence | date text | event word | status [| negated]`; the date's value is
taken from the test helpers' table for the reference date 2017-02-10.
"""

from __future__ import annotations

from importlib.resources import files

import pytest
from events_helpers import dated, document

from timeline.events import detect_events
from timeline.models import Status


def _examples() -> list[tuple[str, str]]:
    found = []
    data = files("timeline.events").joinpath("data")
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".txt"):
            continue
        for line in entry.read_text(encoding="utf-8").splitlines():
            if line.startswith("# example:"):
                found.append((entry.name, line.removeprefix("# example:").strip()))
    return found


EXAMPLES = _examples()


def test_every_rule_file_has_examples() -> None:
    files_with_examples = {name for name, _ in EXAMPLES}
    for name in ("modality.txt", "light_verbs.txt", "aspectual_verbs.txt", "event_nouns.txt"):
        assert name in files_with_examples


@pytest.mark.parametrize(("source", "example"), EXAMPLES, ids=[f"{s}:{e[:40]}" for s, e in EXAMPLES])
def test_rule_example(source: str, example: str) -> None:
    sentence, date_text, trigger, status, *flags = (part.strip() for part in example.split("|"))
    events = detect_events(document(sentence), dated(sentence, date_text))
    (event,) = [e for e in events if any(m.text == date_text for m in e.mentions)]
    assert event.trigger == trigger, (source, event.title)
    assert event.status is Status(status), (source, event.title)
    assert event.negated is ("negated" in flags)
