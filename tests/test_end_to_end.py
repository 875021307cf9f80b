"""The whole main path on the built-in seeds, through the real command and the real model."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
TITLE_WORDS = {"presiden", "menteri", "menkominfo", "menko", "ceo", "pendiri", "bos", "dubes",
               "kepala", "gubernur", "direktur"}
NOT_STORY = ["MTVN", "DANU", "REUTERS", "Bobby Yip", "Riandanu", "Ramadhani", "Akulaku",
             "Telegram", "JernihBerkomentar", "img_title", "China Daily", "ABE"]


def run_jalin(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "graph.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"jalin {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed-graph")
    run_jalin("build", "seeds", "--out", str(out), "--format", "gexf,csv",
              "--resolve-report", str(out / "merges.jsonl"))
    return out


@pytest.fixture(scope="module")
def seed_graph(seed_out: Path) -> nx.Graph:
    return nx.read_graphml(seed_out / "graph.graphml")


def node_by_label(g: nx.Graph, pattern: str) -> list[str]:
    rx = re.compile(pattern, re.IGNORECASE)
    return [n for n, d in g.nodes(data=True) if rx.fullmatch(d["label"])]


def evidence(g: nx.Graph, a: str, b: str) -> list[str]:
    return [e["text"] for e in json.loads(g.edges[a, b]["evidence"])]


def test_build_writes_every_format(seed_out: Path) -> None:
    for name in ("graph.graphml", "graph.json", "graph.html", "graph.gexf", "nodes.csv",
                 "edges.csv"):
        assert (seed_out / name).stat().st_size > 0, name
    assert not list(seed_out.glob("*.tmp")) and not list(seed_out.glob(".*.tmp"))


def test_key_story_nodes_are_single_and_typed(seed_graph: nx.Graph) -> None:
    rudiantara = node_by_label(seed_graph, "Rudiantara")
    jack_ma = node_by_label(seed_graph, "Jack Ma")
    assert len(rudiantara) == 1 and len(jack_ma) == 1
    assert seed_graph.nodes[rudiantara[0]]["type"] == "PERSON"
    assert seed_graph.nodes[jack_ma[0]]["type"] == "PERSON"
    assert "Menkominfo" in seed_graph.nodes[rudiantara[0]]["roles"]
    # "Ma" alone, later in the article, is the same person
    assert "Ma" in seed_graph.nodes[jack_ma[0]]["aliases"].split(" | ")
    assert not node_by_label(seed_graph, "Ma")
    jokowi = node_by_label(seed_graph, "Joko Widodo")
    assert len(jokowi) == 1 and "Jokowi" in seed_graph.nodes[jokowi[0]]["aliases"]
    assert not node_by_label(seed_graph, "Jokowi")
    for label, kind in [("Alibaba.*", "ORG"), ("Tokopedia", "ORG"), ("Jakarta", "LOC")]:
        found = node_by_label(seed_graph, label)
        assert found and seed_graph.nodes[found[0]]["type"] == kind, label


def test_rudiantara_jack_ma_roadmap_chain_with_evidence(seed_graph: nx.Graph) -> None:
    rudiantara = node_by_label(seed_graph, "Rudiantara")[0]
    jack_ma = node_by_label(seed_graph, "Jack Ma")[0]
    roadmap = node_by_label(seed_graph, r"peta jalan( \(roadmap\))? e-commerce")
    assert roadmap, "the e-commerce roadmap is a concept node"
    roadmap_node = roadmap[0]
    assert seed_graph.nodes[roadmap_node]["type"] == "CONCEPT"
    assert seed_graph.has_edge(rudiantara, jack_ma)
    assert seed_graph.has_edge(jack_ma, roadmap_node)
    for a, b in [(rudiantara, jack_ma), (jack_ma, roadmap_node)]:
        texts = evidence(seed_graph, a, b)
        assert texts
        for text in texts:  # each sentence names both ends, by one of their names
            for end in (a, b):
                names = seed_graph.nodes[end]["aliases"].split(" | ")
                assert any(name.lower() in text.lower() for name in names), (end, text)
    assert {"peta jalan e-commerce", "roadmap e-commerce"} <= set(
        seed_graph.nodes[roadmap_node]["aliases"].split(" | "))


def test_no_boilerplate_titles_dates_or_numbers_as_nodes(seed_graph: nx.Graph) -> None:
    labels = [d["label"] for _, d in seed_graph.nodes(data=True)]
    for label in labels:
        assert label.lower() not in TITLE_WORDS, label
        assert re.search(r"[A-Za-z]", label), label
        assert not re.fullmatch(r"(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b.*", label), label
        for junk in NOT_STORY:
            assert junk.lower() not in label.lower(), label


def test_stats_and_render_commands(seed_out: Path, tmp_path: Path) -> None:
    stats = run_jalin("stats", str(seed_out / "graph.graphml")).stdout
    assert "PERSON" in stats and "Rudiantara" in stats
    out = tmp_path / "again.html"
    run_jalin("render", str(seed_out), "--out", str(out), "--color", "community")
    assert out.stat().st_size > 10_000


def test_build_without_sources_uses_the_builtin_seeds(tmp_path: Path) -> None:
    proc = run_jalin("build", "--out", str(tmp_path), "--no-html", "--no-concepts")
    assert "5 documents" in proc.stderr
    g = nx.read_graphml(tmp_path / "graph.graphml")
    assert not any(d["type"] == "CONCEPT" for _, d in g.nodes(data=True))


def test_explain_lists_merges_and_errors_on_unknown_names(seed_out: Path) -> None:
    text = run_jalin("explain", "jack ma", str(seed_out)).stdout
    assert "Jack Ma" in text and "partial-name" in text and "kept apart:" in text
    proc = run_jalin("explain", "Tidak Ada Orang Ini", str(seed_out), check=False)
    assert proc.returncode == 2 and "Tidak Ada Orang Ini" in proc.stderr
    report = [json.loads(line) for line in
              (seed_out / "merges.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {"node": "person:jack-ma", "surface": "Ma"}.items() <= next(
        m for m in report if m["surface"] == "Ma").items()
    record = json.loads((seed_out / "resolution.json").read_text(encoding="utf-8"))
    assert record["key_ids"] and any(m["rule"] == "alias" for m in record["merges"])


def test_rebuilding_into_the_same_folder_keeps_node_ids(seed_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "again"
    out.mkdir()
    (out / "resolution.json").write_bytes((seed_out / "resolution.json").read_bytes())
    run_jalin("build", "seeds/000_54b7f0eb99f09137.txt", "--out", str(out), "--no-html")
    before = set(nx.read_graphml(seed_out / "graph.graphml"))
    after = set(nx.read_graphml(out / "graph.graphml"))
    assert after and after <= before
