"""The text report of ``jalin stats``."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from graph.analysis import analyze
from graph.export import read_graphml, write_graphml
from graph.stats import format_stats


def small_graph() -> nx.Graph:
    G = nx.Graph(name="Jalin graph", n_documents=4, date_min="2024-01-05", date_max="2024-03-01",
                 window="sentence")
    G.add_node("person:rudiantara", label="Rudiantara", type="PERSON")
    G.add_node("org:kominfo", label="Kementerian Komunikasi dan Informatika", type="ORG")
    G.add_node("loc:jakarta", label="Jakarta", type="LOC")
    G.add_node("concept:lelang", label="lelang\nfrekuensi", type="CONCEPT")
    G.add_edge("person:rudiantara", "org:kominfo", weight=5, docs=3, npmi=0.62)
    G.add_edge("person:rudiantara", "loc:jakarta", weight=2, docs=2, npmi=0.1)
    G.add_edge("org:kominfo", "concept:lelang", weight=2, docs=1, npmi=0.4)
    return G


def test_report_contents() -> None:
    text = format_stats(analyze(small_graph()))
    lines = text.splitlines()
    assert lines[0] == "Jalin graph"
    assert "  nodes        4" in lines and "  edges        3" in lines
    assert "  documents    4" in lines
    assert "  dates        2024-01-05 .. 2024-03-01" in lines
    assert "  window       sentence" in lines
    assert any(line.split() == ["PERSON", "1"] for line in lines)
    central = lines[lines.index("Most central entities (by PageRank)") + 2]
    assert "Rudiantara" in central or "Kementerian" in central
    strongest = lines[lines.index("Strongest edges (by weight, then NPMI)") + 2]
    assert "Rudiantara - Kementerian Komunikasi dan Informatika" in strongest
    assert strongest.split()[-2:] == ["5", "0.620"]
    # ties in weight are ordered by npmi
    after = lines[lines.index("Strongest edges (by weight, then NPMI)") + 3]
    assert "lelang frekuensi" in after  # line breaks in labels are flattened


def test_report_same_after_graphml_round_trip(tmp_path: Path) -> None:
    G = analyze(small_graph())
    H = read_graphml(write_graphml(G, tmp_path / "graph.graphml"))
    assert format_stats(H) == format_stats(G)


def test_report_on_unanalyzed_graph_does_not_modify_it() -> None:
    G = small_graph()
    text = format_stats(G)
    assert "pagerank" not in G.nodes["person:rudiantara"]
    assert text == format_stats(analyze(small_graph()))


def test_report_on_empty_graph() -> None:
    text = format_stats(nx.Graph())
    assert "  nodes        0" in text and "  edges        0" in text
    assert "  dates        unknown" in text
    assert text.count("(none)") == 3


def test_top_limits_rows_and_dates_from_nodes() -> None:
    G = nx.path_graph(30)
    for node in G:
        G.nodes[node].update(label=f"N{node}" * 20, first_seen=f"2024-01-{node % 28 + 1:02d}",
                             last_seen="2024-02-01")
    text = format_stats(G, top=3)
    lines = text.splitlines()
    start = lines.index("Most central entities (by PageRank)")
    assert lines[start + 5] == "" and lines[start + 4].startswith("  3")  # header, 3 rows
    assert "  dates        2024-01-01 .. 2024-02-01" in lines
    assert all(len(line) < 140 for line in lines)  # long labels are cut
    assert format_stats(G, top=0).count("(none)") == 2
