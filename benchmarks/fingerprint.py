"""One hash of everything the pipeline outputs over the corpora: proof that a speed change changed nothing.

    .venv/bin/python benchmarks/fingerprint.py                 # TBAQ + MEANTIME from ../shared
    .venv/bin/python benchmarks/fingerprint.py --dump out.jsonl  # also write the lines hashed

Per document it hashes the tagged time expressions (span, type, value, mod, anchor, rule) and the
corpus-mode JSON line of every assembled event, so tagger, resolver, event layer, assembly and the
JSON exporter are all covered. Run it before and after a change meant to be a pure speed-up: the
two hashes must be equal. The corpora are read from ../shared and never copied.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = (
    ROOT.parent / "shared" / "corpora" / "te3-tbaq",
    ROOT.parent / "shared" / "corpora" / "meantime-en",
)


def lines_of(corpus: Path) -> list[str]:
    from timeline.assemble import assemble
    from timeline.evaluation.loading import iter_corpus
    from timeline.events import detect_events
    from timeline.exporters.jsonl_exporter import event_line
    from timeline.pipeline import text_document
    from timeline.settings import TaggerSettings
    from timeline.temporal import annotate

    out: list[str] = []
    for doc in iter_corpus(corpus):
        document = text_document(doc.text, doc.reference_date, doc_id=doc.id)
        settings = TaggerSettings(language=document.info.language)
        timexes = annotate(document.text, document.info.reference_date, settings)
        out.append(f"# {corpus.name}/{doc.id}")
        out.extend(t.model_dump_json() for t in timexes)
        events = detect_events(document, timexes)
        out.extend(
            event_line(e).decode("utf-8").rstrip("\n") for e in assemble([document.info], events).events
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpora", nargs="*", type=Path, default=list(DEFAULT_CORPORA))
    parser.add_argument("--dump", type=Path, help="also write the hashed lines to this file")
    args = parser.parse_args()
    missing = [str(c) for c in args.corpora if not c.is_dir()]
    if missing:
        print(f"fingerprint: corpus not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    lines = [line for corpus in args.corpora for line in lines_of(corpus)]
    blob = "\n".join(lines) + "\n"
    if args.dump:
        args.dump.write_text(blob, encoding="utf-8")
    print(f"{hashlib.sha256(blob.encode('utf-8')).hexdigest()}  {len(lines)} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
