"""The extraction cache: unchanged articles skip the NLP pipeline, and results stay identical."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import graph
from graph.cache import ExtractionCache
from graph.engines import local
from graph.errors import JalinError
from graph.workflow import build_result

ROOT = Path(__file__).resolve().parent.parent
STORIES = [
    "Gubernur Jawa Tengah Hadi Prasetyo meresmikan pasar digital di Semarang. Hadi mengatakan "
    "pasar digital membantu pedagang kecil di {place}.",
    "Bupati Klaten Sri Mulat membuka festival kopi yang dihadiri ribuan pengunjung dari {place}. "
    "Ia berharap petani kopi lokal mendapat pembeli baru.",
    "Kepolisian Daerah Jawa Tengah menangkap dua pelaku penipuan daring di {place}. Kerugian "
    "korban mencapai ratusan juta rupiah menurut penyidik.",
]


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201
    return graph.load_pipeline()


def corpus(folder: Path, places: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, place in enumerate(places):
        write_story(folder, i, place)
    return folder


def write_story(folder: Path, i: int, place: str) -> None:
    text = f"Berita {i}\n\n" + STORIES[i % len(STORIES)].format(place=place)
    (folder / f"{i}.txt").write_text(text, encoding="utf-8")


def counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the documents that come out of the spaCy pipeline (not out of the cache)."""
    seen = [0]
    original = local.extract_mentions

    def extract(doc, document):  # noqa: ANN001, ANN202
        seen[0] += 1
        return original(doc, document)

    monkeypatch.setattr(local, "extract_mentions", extract)
    return seen


def test_rebuild_reads_unchanged_articles_from_the_cache(tmp_path: Path, nlp,  # noqa: ANN001
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    src = corpus(tmp_path / "src", ["Solo", "Klaten", "Boyolali"])
    db = tmp_path / "jalin.db"
    first = build_result([src], nlp=nlp, cache=db)
    seen = counting(monkeypatch)
    second = build_result([src], nlp=nlp, cache=db)
    assert seen[0] == 0
    assert nx.utils.graphs_equal(first.graph, second.graph)
    write_story(src, 1, "Sragen")
    third = build_result([src], nlp=nlp, cache=db)
    assert seen[0] == 1  # only the changed article
    uncached = build_result([src], nlp=nlp)
    assert nx.utils.graphs_equal(third.graph, uncached.graph)
    assert gc.isenabled() and not gc.get_freeze_count()  # as it was before the builds


def test_garbage_collection_is_restored_when_a_build_fails(tmp_path: Path, nlp,  # noqa: ANN001
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    import graph.workflow as workflow

    def fail(*args: object, **kwargs: object) -> None:
        assert not gc.isenabled()  # paused for the corpus-wide stages
        raise JalinError("resolution failed")

    monkeypatch.setattr(workflow, "resolve", fail)
    src = corpus(tmp_path / "src", ["Solo"])
    with pytest.raises(JalinError, match="resolution failed"):
        build_result([src], nlp=nlp, cache=tmp_path / "jalin.db")
    assert gc.isenabled() and not gc.get_freeze_count()


def test_prune_keeps_what_the_build_used(tmp_path: Path, nlp,  # noqa: ANN001
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    src = corpus(tmp_path / "src", ["Solo", "Klaten", "Boyolali"])
    db = tmp_path / "jalin.db"
    build_result([src], nlp=nlp, cache=db)
    write_story(src, 1, "Sragen")  # a new version of one file
    (src / "2.txt").unlink()  # and one file gone
    build_result([src], nlp=nlp, cache=db)

    def rows() -> tuple[int, int]:
        with sqlite3.connect(db) as con:
            return (con.execute("SELECT COUNT(*) FROM extractions").fetchone()[0],
                    con.execute("SELECT COUNT(*) FROM cleaned").fetchone()[0])

    assert rows() == (4, 4)  # without pruning, the old version and the removed file stay
    pruned = build_result([src], nlp=nlp, cache=db, prune_cache=True)
    assert rows() == (2, 2)
    seen = counting(monkeypatch)
    again = build_result([src], nlp=nlp, cache=db)
    assert seen[0] == 0  # what the corpus needs is all still there
    assert nx.utils.graphs_equal(pruned.graph, again.graph)


def test_another_pipeline_version_misses(tmp_path: Path) -> None:
    from graph.records import DocMentions, Document

    d = Document(id="d", path="d.txt", text="Ani ke Bali.")
    with ExtractionCache(tmp_path / "c.db", "model-a") as cache:
        cache.put_many([(d, DocMentions(d, (), ("Ani ke Bali.",), (0,), (0,)))])
        assert len(cache.get_many([d])) == 1
    with ExtractionCache(tmp_path / "c.db", "model-b") as cache:
        assert cache.get_many([d]) == {}


def test_a_damaged_cache_is_a_one_line_error(tmp_path: Path) -> None:
    db = tmp_path / "jalin.db"
    db.write_bytes(b"this is not a database" * 100)
    with pytest.raises(JalinError, match="cache"):
        len(ExtractionCache(db, "v"))
    src = corpus(tmp_path / "src", ["Solo"])
    proc = subprocess.run([sys.executable, "-m", "graph.cli", "build", str(src), "--out",
                           str(tmp_path / "out"), "--cache", str(db)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and "jalin.db" in proc.stderr and "Traceback" not in proc.stderr


def test_unchanged_files_are_not_read_or_cleaned_again(tmp_path: Path, nlp,  # noqa: ANN001
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from graph import workflow

    src = corpus(tmp_path / "src", ["Solo", "Klaten", "Boyolali"])
    (src / "notes.docx").write_bytes(b"PK\x03\x04 not read")
    db = tmp_path / "jalin.db"
    first = build_result([src], nlp=nlp, cache=db)
    cleaned: list[str] = []
    original = workflow.clean_document

    def clean(doc):  # noqa: ANN001, ANN202
        cleaned.append(doc.path)
        return original(doc)

    monkeypatch.setattr(workflow, "clean_document", clean)
    second = build_result([src], nlp=nlp, cache=db)
    assert cleaned == []
    assert second.warnings == first.warnings and any("unsupported" in w for w in first.warnings)
    assert nx.utils.graphs_equal(first.graph, second.graph)
    write_story(src, 2, "Sragen")
    third = build_result([src], nlp=nlp, cache=db)
    assert cleaned == [str(src / "2.txt")]
    assert nx.utils.graphs_equal(third.graph, build_result([src], nlp=nlp).graph)
