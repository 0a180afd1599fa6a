"""Scale without surprises: --jobs, corpus mode and Dask give exactly the single-process results.

Speed is measured by benchmarks/throughput.py, never here: these tests assert equality only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import timeline.parallel
from timeline.cli.app import app
from timeline.models import Document, DocumentInfo, Event, Timeline
from timeline.pipeline import build_timeline, document_events, text_document

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "voa-2017-02-10-italy-russia-libya.txt"

# Hand-written news-like articles (never corpus text): explicit, relative and repeated dates,
# so merging, ordering and the reference date all matter.
ARTICLES = [
    ("2014-10-24", "The minister resigned on Oct. 22, 2014. Talks will resume next week in Geneva."),
    ("2015-03-06", "Protesters marched on Monday. The vote, held on March 1, 2015, was annulled yesterday."),
    ("2016-07-15", "The bridge opened in June 2016. A second bridge will open in 2018, officials said."),
    ("2013-01-10", "Floods hit the region on January 3. Rescue teams arrived two days later."),
    ("2017-02-10", "Italy signed the deal on Feb. 2, 2017. Libya rejected it on Thursday."),
    ("2012-11-07", "Voters went to the polls on Tuesday. The results were announced this morning."),
    ("2019-05-20", "The company was founded in 1998. It filed for bankruptcy last month."),
    ("2014-10-24", "On Oct. 22, 2014, the minister resigned. The summit is planned for December."),
]


def _write_articles(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, (published, text) in enumerate(ARTICLES):
        path = folder / f"a{n:02d}.txt"
        path.write_text(text, encoding="utf-8")
        (folder / f"a{n:02d}.meta.json").write_text(json.dumps({"published": published}), encoding="utf-8")
        paths.append(path)
    return paths


def _write_jsonl(path: Path) -> Path:
    lines = [
        json.dumps({"id": f"d{n}", "text": text, "published": day}) for n, (day, text) in enumerate(ARTICLES)
    ]
    lines.append(
        json.dumps({"id": "seed", "text": SEED.read_text(encoding="utf-8"), "published": "2017-02-10"})
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _documents() -> list[Document]:
    docs = [
        text_document(text, date.fromisoformat(day), doc_id=f"d{n}") for n, (day, text) in enumerate(ARTICLES)
    ]
    return [*docs, text_document(SEED.read_text(encoding="utf-8"), date(2017, 2, 10), doc_id="seed")]


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    # Batches of 2 documents: a handful of articles then spans several batches and both workers,
    # so results arriving out of order would show.
    monkeypatch.setattr(timeline.parallel, "BATCH_SIZE", 2)


def _extract(args: list[str]) -> str:
    result = CliRunner().invoke(app, ["extract", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.usefixtures("small_batches")
def test_jobs_two_writes_the_same_bytes_as_jobs_one(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    _write_articles(articles)
    outputs = {}
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        _extract([str(articles), str(SEED), "-f", "json,csv,ics", "-o", str(out), "--jobs", str(jobs)])
        outputs[jobs] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert sorted(outputs[1]) == ["timeline.csv", "timeline.ics", "timeline.json"]
    assert outputs[1] == outputs[2]
    assert len(Timeline.model_validate_json(outputs[1]["timeline.json"]).documents) == len(ARTICLES) + 1


@pytest.mark.usefixtures("small_batches")
def test_jsonl_streams_one_event_per_line_the_events_of_each_document(tmp_path: Path) -> None:
    corpus = _write_jsonl(tmp_path / "corpus.jsonl")
    streamed = {}
    for jobs in (1, 2):
        target = tmp_path / f"events{jobs}.jsonl"
        _extract([str(corpus), "-f", "jsonl", "-o", str(target), "--jobs", str(jobs)])
        streamed[jobs] = target.read_bytes()
    assert streamed[1] == streamed[2]
    lines = streamed[1].decode("utf-8").splitlines()
    events = [Event.model_validate_json(line) for line in lines]  # every line is a whole Event
    assert events

    # Corpus mode merges within a document only: it equals each document's own timeline, in order.
    expected: list[Event] = []
    for n, (day, text) in enumerate(ARTICLES):
        single = tmp_path / f"single{n}.txt"
        single.write_text(text, encoding="utf-8")
        alone = Timeline.model_validate_json(
            _extract([str(single), "--ref-date", day, "-f", "json", "-o", "-"])
        )
        expected.extend(_renamed(alone.events, f"single{n}", f"d{n}"))
    seed = Timeline.model_validate_json(
        _extract([str(SEED), "--ref-date", "2017-02-10", "-f", "json", "-o", "-"])
    )
    expected.extend(_renamed(seed.events, SEED.stem, "seed"))
    assert [_comparable(e) for e in events] == [_comparable(e) for e in expected]


def _renamed(events: tuple[Event, ...], old: str, new: str) -> Iterator[Event]:
    # The same text read from a .txt file and from a JSONL line differs only in the document id.
    for event in events:
        mentions = tuple(
            m.model_copy(update={"document_id": new}) for m in event.mentions if m.document_id == old
        )
        assert len(mentions) == len(event.mentions)
        yield event.model_copy(update={"mentions": mentions})


def _comparable(event: Event) -> str:
    # Event ids may hash the document id; everything else must be identical.
    return event.model_copy(update={"id": ""}).model_dump_json()


# --- Dask ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scheduler_address() -> Iterator[str]:
    # dashboard_address=None still binds :8787 (and warns when it is taken): ":0" picks a free port.
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


def test_timeline_on_cluster_equals_the_single_process_timeline(scheduler_address: str) -> None:
    from timeline.distributed import timeline_on_cluster

    documents = _documents()
    assert timeline_on_cluster(documents, scheduler_address) == build_timeline(documents)


def test_cli_dask_writes_the_same_json_as_one_process(scheduler_address: str, tmp_path: Path) -> None:
    corpus = _write_jsonl(tmp_path / "corpus.jsonl")
    local = _extract([str(corpus), "-f", "json", "-o", "-", "--jobs", "1"])
    on_cluster = _extract([str(corpus), "-f", "json", "-o", "-", "--dask", scheduler_address])
    assert on_cluster == local
    assert Timeline.model_validate_json(on_cluster).events


def test_cli_dask_streams_the_same_jsonl_as_one_process(scheduler_address: str, tmp_path: Path) -> None:
    corpus = _write_jsonl(tmp_path / "corpus.jsonl")
    local = _extract([str(corpus), "-f", "jsonl", "-o", "-", "--jobs", "1"])
    on_cluster = _extract([str(corpus), "-f", "jsonl", "-o", "-", "--dask", scheduler_address])
    assert on_cluster == local
    assert len(on_cluster.splitlines()) > len(ARTICLES)


def test_map_on_client_keeps_input_order_and_a_bounded_window(scheduler_address: str) -> None:
    from distributed import Client

    from timeline.distributed import map_on_client

    documents = _documents() * 3
    taken: list[int] = []

    def counted() -> Iterator[Document]:
        for n, document in enumerate(documents):
            taken.append(n)
            yield document

    with Client(scheduler_address, set_as_default=False) as client:
        results = map_on_client(client, document_events, counted(), batch_size=2)
        first = next(results)
        # Two single-threaded workers, 4 batches each, 2 documents a batch: 16 read ahead at most.
        assert len(taken) <= 16 < len(documents)
        rest = list(results)
    assert [d.id for d, _ in [first, *rest]] == [d.id for d in documents]
    assert [events for _, events in [first, *rest]] == [document_events(d, None) for d in documents]


def test_events_bag_pairs_assemble_into_the_single_process_timeline() -> None:
    bag = pytest.importorskip("dask.bag")
    from timeline.distributed import assemble_pairs, events_bag

    documents = _documents()
    pairs = events_bag(bag.from_sequence(documents, npartitions=3)).compute(scheduler="sync")
    assert [info.id for info, _ in pairs] == [d.id for d in documents]
    assert assemble_pairs(pairs) == build_timeline(documents)


def test_documented_cluster_recipe_writes_what_corpus_mode_writes(
    scheduler_address: str, tmp_path: Path
) -> None:
    """The cluster recipe of BENCHMARKS.md ("Running on a Dask cluster"), but for the paths."""
    import dask.bag as db
    from distributed import Client

    from timeline.distributed import events_bag

    # Defined here, not at module level: workers cannot import this test module, so the functions
    # must travel by value — as those of a user's script (__main__) do.
    def documents(lines: Iterator[str]) -> list[Document]:
        from timeline.reading.jsonl import iter_jsonl

        return list(iter_jsonl((line.encode() for line in lines), "archive", None, lambda message: None))

    def event_lines(pair: tuple[DocumentInfo, tuple[Event, ...]]) -> list[str]:
        from timeline.assemble import assemble

        info, events = pair
        return [event.model_dump_json() for event in assemble([info], events).events]

    archive, events_dir = tmp_path / "archive", tmp_path / "events"
    archive.mkdir()
    lines = _write_jsonl(tmp_path / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    (archive / "part-0.jsonl").write_text("\n".join(lines[:5]) + "\n", encoding="utf-8")
    (archive / "part-1.jsonl").write_text("\n".join(lines[5:]) + "\n", encoding="utf-8")

    with Client(scheduler_address, set_as_default=False) as client:
        docs = db.read_text(str(archive / "*.jsonl"), blocksize="64MiB").map_partitions(documents)
        pairs = events_bag(docs)
        writes = pairs.map(event_lines).flatten()
        writes = writes.to_textfiles(str(events_dir / "*.jsonl"), last_endline=True, compute=False)
        for future in client.compute(writes):
            future.result(timeout=60)  # a task that cannot run must fail the test, not hang it
    on_cluster = b"".join(p.read_bytes() for p in sorted(events_dir.iterdir(), key=lambda p: int(p.stem)))

    local = tmp_path / "local.jsonl"
    _extract([str(archive / "part-0.jsonl"), str(archive / "part-1.jsonl"), "-f", "jsonl", "-o", str(local)])
    assert on_cluster == local.read_bytes()


def test_workers_without_timeline_are_refused_not_waited_for() -> None:
    # Regression: a worker that cannot import timeline never runs its tasks: the client hung forever.
    from timeline.distributed import check_workers
    from timeline.errors import OptionError

    check_workers({"tcp://a:1": "0.1.0", "tcp://b:1": "0.1.0"}, "0.1.0")
    missing = ModuleNotFoundError("No module named 'timeline'")
    with pytest.raises(OptionError, match=r"tcp://b:1: ModuleNotFoundError"):
        check_workers({"tcp://a:1": "0.1.0", "tcp://b:1": missing}, "0.1.0")
    with pytest.raises(OptionError, match=r"tcp://a:1: timeline 0.0.9"):
        check_workers({"tcp://a:1": "0.0.9"}, "0.1.0")


def test_a_scheduler_without_workers_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    import timeline.distributed
    from timeline.errors import OptionError

    monkeypatch.setattr(timeline.distributed, "WORKER_WAIT_S", 0.5)
    with (
        distributed.LocalCluster(n_workers=0, dashboard_address=":0") as cluster,
        pytest.raises(OptionError, match="no Dask worker joined"),
    ):
        timeline.distributed.timeline_on_cluster(_documents(), cluster.scheduler_address)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_an_unreachable_scheduler_is_one_line_and_no_file(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    import timeline.distributed

    monkeypatch.setattr(timeline.distributed, "CONNECT_WAIT_S", 0.5)
    target = tmp_path / "out" / f"t.{fmt}"
    result = CliRunner().invoke(
        app, ["extract", str(SEED), "-f", fmt, "-o", str(target), "--dask", "tcp://127.0.0.1:1"]
    )
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "cannot reach the Dask scheduler" in result.stderr
    assert not target.exists()


def _fails_on_warm_up(document: Document, settings: object) -> tuple[Event, ...]:
    if document.info.id == "warm-up":
        raise ValueError("a stage that cannot take the warm-up text")
    return ()


@pytest.mark.usefixtures("small_batches")
def test_the_parent_warms_up_once_before_forking_and_a_failing_warm_up_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warmed: list[str] = []
    real = timeline.parallel.warm_up

    def recording(stage: timeline.parallel.DocumentStage, settings: object, language: str = "en") -> None:
        warmed.append(language)
        real(stage, None, language)

    monkeypatch.setattr(timeline.parallel, "warm_up", recording)
    documents = _documents()
    results = list(timeline.parallel.map_documents(_fails_on_warm_up, documents, None, jobs=2))
    assert [d.info.id for d, _ in results] == [d.info.id for d in documents]
    assert all(found == () for _, found in results)
    assert warmed == ["en"]
    assert list(timeline.parallel.map_documents(_fails_on_warm_up, [], None, jobs=2)) == []


def test_a_single_batch_runs_in_process_without_a_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    # One batch would go to one worker anyway: starting a pool for it only costs start-up time.
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started for a single batch")

    documents = _documents()[:3]
    serial = list(timeline.parallel.map_documents(document_events, documents, None, jobs=1))
    monkeypatch.setattr(timeline.parallel, "ProcessPoolExecutor", no_pool)
    assert list(timeline.parallel.map_documents(document_events, documents, None, jobs=2)) == serial
    monkeypatch.setattr(timeline.parallel, "BATCH_SIZE", 2)
    with pytest.raises(AssertionError, match="pool was started"):
        list(timeline.parallel.map_documents(document_events, documents, None, jobs=2))
