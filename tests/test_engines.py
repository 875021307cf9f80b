"""Engines: the NLP in worker processes or on a dask cluster gives the graph of one process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import graph
from graph.engines import default_jobs, make_executor
from graph.errors import JalinError
from graph.nlp.pipeline import PipelineSpec, pipeline_version
from graph.workflow import build_result, extract_corpus, iter_documents

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = ["Hadi Prasetyo", "Sri Mulat", "Bambang Wiratmo", "Dewi Kartika", "Rina Susanti"]
PLACES = ["Semarang", "Klaten", "Boyolali", "Sragen", "Magelang", "Kudus"]
AGENCIES = ["Badan Pusat Statistik", "Bank Indonesia", "Kementerian Perdagangan"]


def write_corpus(folder: Path, n: int) -> Path:
    """``n`` short invented articles, each naming two people, a place and an agency."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        a, b = PEOPLE[i % len(PEOPLE)], PEOPLE[(i * 2 + 1) % len(PEOPLE)]
        place, agency = PLACES[i % len(PLACES)], AGENCIES[i % len(AGENCIES)]
        text = (f"Laporan {i} dari {place}\n\n"
                f"{a} bertemu {b} di {place} pada hari ke-{i} untuk membahas data {agency}. "
                f"Menurut {a}, pasar digital tumbuh {i % 9 + 2} persen di {place}.\n\n"
                f"{b} mengatakan {agency} akan membuka kantor baru tahun depan.")
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("engines") / "src", 40)


@pytest.fixture(scope="module")
def one_process(corpus: Path) -> nx.Graph:
    return build_result([corpus], jobs=1, batch_size=4).graph


def test_worker_processes_give_the_same_graph(corpus: Path, one_process: nx.Graph) -> None:
    two = build_result([corpus], jobs=2, batch_size=4).graph
    assert one_process.number_of_nodes() > 5 and one_process.number_of_edges() > 5
    assert nx.utils.graphs_equal(one_process, two)
    assert dict(one_process.nodes(data=True)) == dict(two.nodes(data=True))
    assert list(one_process.edges(data=True)) == list(two.edges(data=True))


def test_dask_engine_gives_the_same_graph(corpus: Path, one_process: nx.Graph) -> None:
    pytest.importorskip("distributed")
    on_dask = build_result([corpus], engine="dask", jobs=2, batch_size=4).graph
    assert dict(one_process.nodes(data=True)) == dict(on_dask.nodes(data=True))
    assert list(one_process.edges(data=True)) == list(on_dask.edges(data=True))
    assert one_process.graph == on_dask.graph


def test_extraction_keeps_document_order_across_workers(corpus: Path) -> None:
    docs = list(iter_documents([corpus]))
    spec = PipelineSpec()
    executor = make_executor(spec, jobs=2, batch_size=3)
    try:
        out = list(extract_corpus(docs, executor=executor, batch_size=3, chunk_size=7))
    finally:
        executor.close()
    assert [dm.doc.id for dm in out] == [d.id for d in docs]
    assert all(dm.doc.text == d.text for dm, d in zip(out, docs, strict=True))
    assert sum(len(dm.mentions) for dm in out) > len(docs)


def test_a_fully_cached_rebuild_loads_no_model(corpus: Path, tmp_path: Path,
                                               one_process: nx.Graph,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "jalin.db"
    build_result([corpus], cache=db, jobs=1)

    def refuse(self: PipelineSpec) -> None:
        raise AssertionError("the pipeline was loaded")

    monkeypatch.setattr(PipelineSpec, "load", refuse)
    again = build_result([corpus], cache=db, jobs=2)
    assert dict(again.graph.nodes(data=True)) == dict(one_process.nodes(data=True))


def test_spec_version_changes_with_options_not_with_loading() -> None:
    assert PipelineSpec().version() == PipelineSpec(None, True).version()
    assert PipelineSpec(concepts=False).version() != PipelineSpec().version()
    nlp = graph.load_pipeline()
    assert pipeline_version(nlp).split("/")[0] == PipelineSpec().version().split("/")[0]


def test_bad_engine_options_are_one_line_errors(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(JalinError, match="--engine"):
        build_result([corpus], engine="spark")
    with pytest.raises(JalinError, match="--scheduler needs --engine dask"):
        make_executor(PipelineSpec(), jobs=1, scheduler="tcp://127.0.0.1:9")
    assert default_jobs() >= 1


def test_unreachable_scheduler_fails_before_reading(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")

    proc = subprocess.run(
        [sys.executable, "-c",
         "import sys; from graph.engines import dask as d; d.CONNECT_TIMEOUT = 2; "
         "from graph.cli import main; sys.exit(main(sys.argv[1:]))",
         "build", str(corpus), "--out", str(tmp_path / "out"), "--engine", "dask",
         "--scheduler", "tcp://127.0.0.1:9"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert "cannot reach the dask scheduler" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "out" / "graph.graphml").exists()


def test_cli_jobs_option_builds_the_same_files(corpus: Path, tmp_path: Path) -> None:
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}"
        proc = subprocess.run([sys.executable, "-m", "graph.cli", "build", str(corpus), "--out",
                               str(out), "--jobs", jobs, "--no-html", "--no-cache", "-q"],
                              cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        outs.append(out)
    for name in ("graph.graphml", "graph.json", "resolution.json"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
