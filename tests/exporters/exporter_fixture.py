"""A small hand-made Timeline that exercises every exporter: all granularities, hostile text.

A plain module (not conftest) so that tests and subprocesses can import it by a unique name.
"""

from __future__ import annotations

from datetime import date

from timeline.models import (
    Anchoring,
    DocumentInfo,
    Event,
    Granularity,
    Mention,
    Mod,
    ReferenceSource,
    Status,
    Timeline,
    TimeValue,
)

HOSTILE_TITLE = '<script>alert(1)</script> =HYPERLINK("http://x"), a;b\r\nsecond line — Zuwārah 🚢'

# Over 200 characters of non-ASCII text: forces several folds in ICS, quoting in CSV.
LONG_SENTENCE = (
    "Près de Zuwārah, « les garde-côtes » ont intercepté 120 personnes; الهجرة عبر البحر "
    "continue, said officials in Tripoli, who added that the boats — some carrying children — "
    "had left before dawn, and that a further 40 people were still missing at sea 🚢."
)


def _mention(document_id: str, start: int, text: str) -> Mention:
    return Mention(document_id=document_id, start=start, end=start + len(text), text=text)


def _value(
    value: str,
    granularity: Granularity,
    start: date | None,
    end: date | None,
    anchoring: Anchoring = Anchoring.EXPLICIT,
    mod: Mod | None = None,
    zone: str | None = None,
) -> TimeValue:
    return TimeValue(
        value=value, granularity=granularity, start=start, end=end, anchoring=anchoring, mod=mod, zone=zone
    )


def build_timeline() -> Timeline:
    documents = (
        DocumentInfo(
            id="libya-migrants",
            source="seeds/libya-migrants.txt",
            title="Migrants, Libya & the EU: a week of rescues",
            publisher="AP",
            url="https://example.org/news/libya?id=1&lang=en",
            reference_date=date(2017, 2, 10),
            reference_source=ReferenceSource.METADATA,
        ),
        DocumentInfo(
            id="zuwara-report",
            source="seeds/zuwara-report.txt",
            title="Zuwārah report",
            reference_date=date(2017, 2, 12),
            reference_source=ReferenceSource.CLI,
        ),
    )
    events = (
        Event(
            id="ev-2014-10-22-airstrike",
            date=_value("2014-10-22", Granularity.DAY, date(2014, 10, 22), date(2014, 10, 22)),
            title="Airstrike by forces loyal to Khalifa Haftar in Benghazi",
            trigger="airstrike",
            sentence="An airstrike by forces loyal to Khalifa Haftar hit Benghazi on Oct. 22, 2014.",
            status=Status.PAST,
            participants=("forces loyal to Khalifa Haftar",),
            place="Benghazi",
            mentions=(
                _mention("libya-migrants", 120, "Oct. 22, 2014"),
                _mention("zuwara-report", 40, "22 October 2014"),
            ),
        ),
        Event(
            id="ev-2015-talks",
            date=_value("2015", Granularity.YEAR, date(2015, 1, 1), date(2015, 12, 31), mod=Mod.MID),
            title="Peace talks began",
            trigger="began",
            sentence="Peace talks began in mid-2015.",
            status=Status.PAST,
            confidence=0.6,
            mentions=(_mention("libya-migrants", 300, "mid-2015"),),
        ),
        Event(
            id="ev-2017-crossed",
            date=_value(
                "2017", Granularity.YEAR, date(2017, 1, 1), date(2017, 12, 31), Anchoring.REFERENCE_DATE
            ),
            title="Close to 9,500 migrants crossed the Mediterranean",
            trigger="crossed",
            sentence="Close to 9,500 migrants have crossed the Mediterranean already this year.",
            status=Status.ONGOING,
            participants=("migrants",),
            place="Mediterranean",
            mentions=(_mention("libya-migrants", 400, "this year"),),
        ),
        Event(
            id="ev-2017-02-eu",
            date=_value(
                "2017-02", Granularity.MONTH, date(2017, 2, 1), date(2017, 2, 28), Anchoring.REFERENCE_DATE
            ),
            title="EU agreed to give the Tripoli government $213 million",
            trigger="agreed",
            sentence="Earlier this month, the EU agreed to give the Tripoli government $213 million.",
            status=Status.PAST,
            participants=("EU", "Tripoli government"),
            mentions=(_mention("libya-migrants", 500, "Earlier this month"),),
        ),
        Event(
            id="ev-2017-w06-rescued",
            date=_value(
                "2017-W06", Granularity.WEEK, date(2017, 2, 6), date(2017, 2, 12), Anchoring.REFERENCE_DATE
            ),
            title="Libyan coast guard rescued more than 100 migrants",
            trigger="rescued",
            sentence="This week the Libyan coast guard rescued more than 100 migrants.",
            status=Status.PAST,
            participants=("Libyan coast guard",),
            mentions=(_mention("libya-migrants", 600, "This week"),),
        ),
        Event(
            id="ev-2017-02-07-hostile",
            date=_value("2017-02-07", Granularity.DAY, date(2017, 2, 7), date(2017, 2, 7)),
            title=HOSTILE_TITLE,
            trigger="=intercepted",
            sentence=LONG_SENTENCE,
            status=Status.PAST,
            negated=True,
            participants=("=cmd|' /C calc'!A0", "garde-côtes"),
            place="Tripoli, Libya",
            confidence=0.75,
            mentions=(_mention("zuwara-report", 10, "7 February"),),
        ),
        Event(
            id="ev-2017-02-10t14-30-meeting",
            date=_value("2017-02-10T14:30", Granularity.MINUTE, date(2017, 2, 10), date(2017, 2, 10)),
            title="UN envoy Kobler met Prime Minister al-Sarraj",
            trigger="met",
            sentence="UN envoy Martin Kobler met al-Sarraj at 2:30 p.m. on Friday.",
            status=Status.PAST,
            participants=("Martin Kobler", "Fayez al-Sarraj"),
            place="Tripoli",
            mentions=(_mention("libya-migrants", 700, "2:30 p.m. on Friday"),),
        ),
        Event(
            id="ev-unresolved-meet",
            date=_value("XXXX-WXX", Granularity.WEEK, None, None, Anchoring.UNRESOLVED),
            title="Alfano due to meet his Russian counterpart",
            trigger="meet",
            sentence="Alfano is due to meet his Russian counterpart next week.",
            status=Status.UNKNOWN,
            participants=("Alfano",),
            place="Germany",
            mentions=(_mention("zuwara-report", 90, "next week"),),
        ),
    )
    return Timeline(documents=documents, events=events, as_of=date(2017, 2, 12))
