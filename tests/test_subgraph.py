"""graph.subgraph: the most central nodes, one entity's neighbourhood, and the CLI options."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from graph.cli import main
from graph.errors import JalinError
from graph.subgraph import centrality, most_central, neighbourhood, select_view


def labelled(G: nx.Graph) -> nx.Graph:
    for n in G:
        G.nodes[n]["label"] = f"Node {n}"
        G.nodes[n]["aliases"] = f"Node {n} | N{n}"
    return G


def test_most_central_uses_stored_pagerank() -> None:
    G = nx.path_graph(5)
    for n, pr in zip(G, [0.5, 0.1, 0.05, 0.2, 0.15], strict=True):
        G.nodes[n]["pagerank"] = pr
    H = most_central(G, 3)
    assert sorted(H) == [0, 3, 4]
    assert H.graph["view"] == "Showing the 3 most central of 5 entities (by PageRank)."
    assert G.number_of_nodes() == 5 and "view" not in G.graph  # G untouched


def test_most_central_computes_pagerank_and_keeps_attributes() -> None:
    G = nx.star_graph(6)
    G.nodes[0]["label"] = "hub"
    G.add_edge(1, 2, weight=9)
    H = most_central(G, 3)
    assert 0 in H and H.nodes[0]["label"] == "hub"
    assert sorted(H) == [0, 1, 2]
    assert H.edges[1, 2]["weight"] == 9
    assert centrality(nx.Graph())[1] == "PageRank"


def test_most_central_no_cut_and_bad_n() -> None:
    G = nx.path_graph(3)
    H = most_central(G, 10)
    assert sorted(H) == [0, 1, 2] and "view" not in H.graph and H is not G
    with pytest.raises(JalinError):
        most_central(G, 0)


def test_neighbourhood_by_name_and_hops() -> None:
    G = labelled(nx.path_graph(7))
    H = neighbourhood(G, "n3", hops=2)
    assert sorted(H) == [1, 2, 3, 4, 5]
    assert H.graph["focus"] == "3"
    assert H.graph["view"] == "Neighbourhood of Node 3: 5 of 7 entities within 2 links."
    assert sorted(neighbourhood(G, "Node 0", hops=0)) == [0]
    with pytest.raises(JalinError, match="no entity named"):
        neighbourhood(G, "Budi")


def test_select_view_focus_then_max_nodes_keeps_focus() -> None:
    G = labelled(nx.star_graph(8))
    G.add_edges_from([(1, 9), (9, 10), (10, 11)])
    labelled(G)
    H = select_view(G, focus="Node 9", hops=1, max_nodes=2)
    assert 9 in H and H.number_of_nodes() == 2
    assert H.graph["focus"] == "9"
    assert "Neighbourhood of Node 9" in H.graph["view"] and "2 most central" in H.graph["view"]
    assert select_view(G) is G


def test_cli_render_and_build_options(tmp_path) -> None:  # noqa: ANN001
    G = labelled(nx.star_graph(30))
    G.graph["documents"] = json.dumps({})
    for n in G:
        G.nodes[n]["type"] = "PERSON"
    nx.write_graphml(G, tmp_path / "graph.graphml")
    out = tmp_path / "small.html"
    assert main(["render", str(tmp_path), "--out", str(out), "--max-nodes", "5"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Showing the 5 most central of 31 entities" in page
    assert main(["render", str(tmp_path), "--out", str(out), "--focus", "N7", "--hops",
                 "1"]) == 0
    assert "Neighbourhood of Node 7: 2 of 31 entities within 1 link." in out.read_text("utf-8")
    assert main(["render", str(tmp_path), "--out", str(out), "--focus", "nobody"]) == 2
    assert "graph.html" not in {p.name for p in tmp_path.iterdir()}
