"""The seed article (issue 2 acceptance) as the tagger sees it, reference date 2017-02-10."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from timeline.models import Granularity, TimexType
from timeline.temporal import annotate

SEED = Path(__file__).parents[2] / "seeds" / "voa-2017-02-10-italy-russia-libya.txt"


def test_seed_dates() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = annotate(text, dt.date(2017, 2, 10))
    dated = [
        (t.text, t.value, t.time.granularity)
        for t in found
        if t.time is not None and t.time.granularity is not Granularity.VAGUE
    ]
    assert dated == [
        ("Friday, Jan. 27, 2017", "2017-01-27", Granularity.DAY),
        ("this year", "2017", Granularity.YEAR),
        ("this week", "2017-W06", Granularity.WEEK),
        ("this year", "2017", Granularity.YEAR),
        ("2017", "2017", Granularity.YEAR),
        ("this month", "2017-02", Granularity.MONTH),
        ("Oct. 22, 2014", "2014-10-22", Granularity.DAY),
        ("Oct. 22, 2014", "2014-10-22", Granularity.DAY),
        ("this week", "2017-W06", Granularity.WEEK),
        ("this week", "2017-W06", Granularity.WEEK),
        ("this month", "2017-02", Granularity.MONTH),
        ("next week", "2017-W07", Granularity.WEEK),
    ]
    others = {t.text: (t.type, t.value) for t in found if t.time is None or t.value.endswith("_REF")}
    assert others["now"] == (TimexType.DATE, "PRESENT_REF")
    # Ages are not temporal expressions in TimeML news annotation (TBAQ tags 2 of 40).
    assert "a few weeks" not in {t.text for t in found}
    assert others["one day"] == (TimexType.DURATION, "P1D")
    assert "so far" not in {t.text for t in found}


def test_seed_without_reference_date_stays_unresolved() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = {t.text: t for t in annotate(text, None)}
    assert found["this week"].value == "XXXX-WXX"
    assert found["this week"].time is not None and found["this week"].time.start is None
    assert found["Oct. 22, 2014"].value == "2014-10-22"
