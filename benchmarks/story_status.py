"""How many "upcoming" events of a several-article story had already happened by its newest article.

    .venv/bin/python benchmarks/story_status.py                      # the MEANTIME apple story
    .venv/bin/python benchmarks/story_status.py DIR                  # another story: a directory

Every article of the corpus directory goes into one timeline, as `timeline extract DIR` would
build it. Printed: the events, those judged upcoming, and of those the ones whose whole span ends
before the newest reference date (already past when the story is read): the count issue 16 found
at 20 of 24 when each article judged its own events. Uses only `assemble(documents, events)`, so
it runs unchanged against older revisions (PYTHONPATH=<exported tree>). The corpus is read from
../shared and never copied.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "meantime-en" / "intra-doc_annotation" / "corpus_apple"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"{args.corpus}: not found (the shared corpora are not here)", file=sys.stderr)
        return 1

    from timeline.assemble import assemble
    from timeline.evaluation.loading import iter_corpus
    from timeline.models import Status
    from timeline.pipeline import document_events, text_document

    infos, events = [], []
    for doc in iter_corpus(args.corpus):
        document = text_document(doc.text, doc.reference_date, doc_id=doc.id)
        infos.append(document.info)
        events.extend(document_events(document))
    timeline = assemble(infos, events)
    newest = max(info.reference_date for info in infos if info.reference_date is not None)
    upcoming = [e for e in timeline.events if e.status is Status.UPCOMING]
    already = [e for e in upcoming if e.date.end is not None and e.date.end < newest]
    print(f"{len(infos)} documents, {len(timeline.events)} events, newest reference date {newest}")
    print(f"upcoming: {len(upcoming)}, of which ended before {newest}: {len(already)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
