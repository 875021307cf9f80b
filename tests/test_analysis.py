"""Centrality, communities, rankings and the backbone."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

import graph
from graph.analysis import (
    _pagerank_python,
    add_centrality,
    analyze,
    backbone,
    communities,
    counts_by_type,
    pagerank,
    top_entities,
)
from graph.errors import JalinError
from graph.export import read_graphml, write_graphml


def news_graph() -> nx.Graph:
    """Two clusters (politics, football) joined by one weak edge, plus an isolated node."""
    G = nx.Graph(name="Jalin graph", n_documents=3)
    people = [
        ("person:jokowi", "Joko Widodo", "PERSON"),
        ("person:prabowo", "Prabowo Subianto", "PERSON"),
        ("org:dpr", "Dewan Perwakilan Rakyat", "ORG"),
        ("loc:jakarta", "Jakarta", "LOC"),
        ("org:pssi", "PSSI", "ORG"),
        ("person:shin", "Shin Tae-yong", "PERSON"),
        ("loc:bandung", "Bandung", "LOC"),
        ("concept:piala-asia", "Piala Asia", "CONCEPT"),
        ("event:pemilu-2024", "Pemilu 2024", "EVENT"),
    ]
    for node, label, kind in people:
        G.add_node(node, label=label, type=kind, mentions=len(label))
    edges = [
        ("person:jokowi", "person:prabowo", 5, 0.7),
        ("person:jokowi", "org:dpr", 3, 0.4),
        ("person:prabowo", "org:dpr", 2, 0.3),
        ("person:jokowi", "loc:jakarta", 4, 0.2),
        ("org:pssi", "person:shin", 6, 0.8),
        ("person:shin", "concept:piala-asia", 2, 0.5),
        ("org:pssi", "concept:piala-asia", 2, 0.45),
        ("org:pssi", "loc:bandung", 1, -0.1),
        ("loc:jakarta", "org:pssi", 1, None),
    ]
    for u, v, w, npmi in edges:
        attrs = {"weight": w, "docs": 1}
        if npmi is not None:
            attrs["npmi"] = npmi
        G.add_edge(u, v, **attrs)
    return G


def test_add_centrality_sets_typed_attributes() -> None:
    G = news_graph()
    assert add_centrality(G) is G
    for node, d in G.nodes(data=True):
        assert type(d["degree"]) is int and d["degree"] == G.degree(node)
        assert type(d["weighted_degree"]) is int
        assert type(d["pagerank"]) is float and 0 < d["pagerank"] < 1
        assert type(d["community"]) is int
    assert G.nodes["person:jokowi"]["weighted_degree"] == 5 + 3 + 4
    assert G.nodes["event:pemilu-2024"]["degree"] == 0
    assert sum(d["pagerank"] for _, d in G.nodes(data=True)) == pytest.approx(1.0)
    assert max(G.nodes, key=lambda n: G.nodes[n]["pagerank"]) in {"person:jokowi", "org:pssi"}


def test_communities_numbered_by_size_and_deterministic() -> None:
    G = news_graph()
    first = communities(G)
    assert first == communities(news_graph())
    sizes = [sum(1 for c in first.values() if c == k) for k in range(max(first.values()) + 1)]
    assert sizes == sorted(sizes, reverse=True)
    assert first["person:jokowi"] == first["person:prabowo"] == first["org:dpr"]
    assert first["org:pssi"] == first["person:shin"] != first["person:jokowi"]
    assert first["event:pemilu-2024"] == max(first.values())  # the singleton comes last


def test_analyze_is_public_and_in_place() -> None:
    G = news_graph()
    assert graph.analyze(G) is G and analyze(G) is G
    assert all("pagerank" in d for _, d in G.nodes(data=True))


def test_empty_and_edgeless_graphs() -> None:
    assert analyze(nx.Graph()).number_of_nodes() == 0
    G = analyze(nx.empty_graph(3))
    assert [d["community"] for _, d in G.nodes(data=True)] == [0, 1, 2]
    assert all(d["pagerank"] == pytest.approx(1 / 3) for _, d in G.nodes(data=True))
    assert top_entities(nx.Graph()) == [] and counts_by_type(nx.Graph()) == {}


@pytest.mark.parametrize("make", [
    news_graph,
    lambda: nx.karate_club_graph(),
    lambda: nx.gnp_random_graph(30, 0.1, seed=1, directed=True),
])
def test_pure_python_pagerank_matches_networkx(make) -> None:
    G = make()
    expected = nx.pagerank(G, weight="weight")
    got = _pagerank_python(G, weight="weight")
    assert got.keys() == expected.keys()
    for node in G:
        assert got[node] == pytest.approx(expected[node], abs=1e-5)


def test_pagerank_falls_back_without_scipy(monkeypatch: pytest.MonkeyPatch) -> None:
    G = news_graph()
    expected = pagerank(G)

    def no_scipy(*args, **kwargs):
        raise ModuleNotFoundError("No module named 'scipy'")

    monkeypatch.setattr(nx, "pagerank", no_scipy)
    got = pagerank(G)
    for node in G:
        assert got[node] == pytest.approx(expected[node], abs=1e-5)
    add_centrality(G)
    assert G.nodes["person:jokowi"]["pagerank"] == pytest.approx(expected["person:jokowi"],
                                                                 abs=1e-5)


def test_top_entities() -> None:
    G = news_graph()
    before = [dict(d) for _, d in G.nodes(data=True)]
    top = top_entities(G, n=3)  # computed on a copy: G has no pagerank yet
    assert [dict(d) for _, d in G.nodes(data=True)] == before
    assert len(top) == 3 and top[0][1] >= top[1][1] >= top[2][1]
    assert top_entities(G, n=2, by="degree") == [("org:pssi", 4), ("person:jokowi", 3)]
    assert top_entities(G, n=0) == []
    assert len(top_entities(G, n=None, by="mentions")) == G.number_of_nodes()
    assert top_entities(G, n=1, by="mentions") == [("org:dpr", len("Dewan Perwakilan Rakyat"))]
    assert top_entities(G, by="no-such-attribute") == []
    analyze(G)
    assert top_entities(G, n=3) == top


def test_counts_by_type() -> None:
    G = news_graph()
    G.add_node("mystery")
    assert counts_by_type(G) == {"PERSON": 3, "LOC": 2, "ORG": 2, "CONCEPT": 1, "EVENT": 1,
                                 "UNKNOWN": 1}


def test_backbone() -> None:
    G = analyze(news_graph())
    B = backbone(G, min_weight=3)
    assert {frozenset(e) for e in B.edges} == {
        frozenset(("person:jokowi", "person:prabowo")), frozenset(("person:jokowi", "org:dpr")),
        frozenset(("person:jokowi", "loc:jakarta")), frozenset(("org:pssi", "person:shin"))}
    assert "event:pemilu-2024" not in B and "loc:bandung" not in B
    assert B.nodes["person:jokowi"] == G.nodes["person:jokowi"]
    assert B.edges["person:jokowi", "org:dpr"] == G.edges["person:jokowi", "org:dpr"]
    assert B.graph == G.graph
    B.nodes["person:jokowi"]["label"] = "changed"
    B.graph["name"] = "changed"
    assert G.nodes["person:jokowi"]["label"] == "Joko Widodo" and G.graph["name"] != "changed"

    N = backbone(G, min_npmi=0.45)
    assert N.number_of_edges() == 4  # 0.7, 0.8, 0.5, 0.45; the edge without npmi is dropped
    assert backbone(G).number_of_edges() == G.number_of_edges()
    assert backbone(G, min_weight=100).number_of_nodes() == 0
    K = backbone(G, min_weight=100, keep_isolates=True)
    assert list(K.nodes) == list(G.nodes) and K.number_of_edges() == 0
    with pytest.raises(JalinError, match="min_npmi"):
        backbone(G, min_npmi=2)


def test_backbone_multigraph() -> None:
    M = nx.MultiGraph()
    M.add_edge("a", "b", key="x", weight=5)
    M.add_edge("a", "b", key="y", weight=1)
    B = backbone(M, min_weight=2)
    assert isinstance(B, nx.MultiGraph) and list(B.edges(keys=True)) == [("a", "b", "x")]


def test_analyzed_graph_round_trips_through_graphml(tmp_path: Path) -> None:
    G = analyze(news_graph())
    H = read_graphml(write_graphml(G, tmp_path / "g.graphml"))
    for node, d in G.nodes(data=True):
        assert H.nodes[node] == d
        assert type(H.nodes[node]["community"]) is int
