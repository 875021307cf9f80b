"""graph.paths: name lookup, the strongest short path, its description and ``jalin path``."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from graph.cli import main
from graph.errors import JalinError
from graph.paths import HOP_COST, describe_path, find_node, format_path, strongest_path

DOCS = {"d1": {"title": "Kunjungan ke Hangzhou", "source": "Warta", "date": "2016-09-08"}}


def story_graph() -> nx.Graph:
    """The seed story in miniature: a weak direct link, a strong two-step chain, a hub."""
    G = nx.Graph(documents=json.dumps(DOCS))
    G.add_node("person:rudiantara", label="Rudiantara", type="PERSON",
               aliases="Rudiantara | Chief RA")
    G.add_node("person:jack-ma", label="Jack Ma", type="PERSON", aliases="Jack Ma | Ma")
    G.add_node("concept:peta-jalan", label="peta jalan e-commerce", type="CONCEPT",
               aliases="peta jalan e-commerce | roadmap e-commerce")
    G.add_node("concept:e-commerce", label="e-commerce", type="CONCEPT", aliases="e-commerce")
    G.add_node("loc:hangzhou", label="Hangzhou", type="LOC", aliases="Hangzhou")

    def ev(text: str) -> str:
        return json.dumps([{"doc_id": "d1", "text": text}, {"doc_id": "d1", "text": "Lagi."}])

    G.add_edge("person:rudiantara", "concept:peta-jalan", weight=1, evidence=ev("R peta."))
    G.add_edge("person:rudiantara", "person:jack-ma", weight=2, evidence=ev("R bertemu Ma."))
    G.add_edge("person:jack-ma", "concept:peta-jalan", weight=3, evidence=ev("Ma peta jalan."))
    G.add_edge("person:rudiantara", "concept:e-commerce", weight=5, evidence=ev("R e-com."))
    G.add_edge("concept:e-commerce", "person:jack-ma", weight=4, evidence=ev("Ma e-com."))
    return G


def test_find_node_by_key_label_alias_case_insensitive() -> None:
    G = story_graph()
    assert find_node(G, "person:jack-ma") == "person:jack-ma"
    assert find_node(G, "JACK  ma") == "person:jack-ma"
    assert find_node(G, "ma") == "person:jack-ma"
    assert find_node(G, "Roadmap E-Commerce") == "concept:peta-jalan"


def test_find_node_errors() -> None:
    G = story_graph()
    with pytest.raises(JalinError, match="no entity named 'Budi'"):
        find_node(G, "Budi")
    with pytest.raises(JalinError, match="empty"):
        find_node(G, "  ")
    G.add_node("org:ma", label="MA", type="ORG", aliases="MA | Mahkamah Agung")
    # a label beats an alias: "Ma" is the label of the court, an alias of Jack Ma
    assert find_node(G, "ma") == "org:ma"
    G.add_node("loc:ma", label="Ma", type="LOC")
    with pytest.raises(JalinError, match="ambiguous: Ma \\(LOC\\), MA \\(ORG\\)"):
        find_node(G, "ma")


def test_strong_chain_beats_weak_direct_link() -> None:
    G = story_graph()
    assert strongest_path(G, "Rudiantara", "roadmap e-commerce") == [
        "person:rudiantara", "person:jack-ma", "concept:peta-jalan"]


def test_direct_link_beats_hub_detour() -> None:
    # 1/2 + 0.1 = 0.6 < (1/5 + 0.1) + (1/4 + 0.1) = 0.65
    assert strongest_path(story_graph(), "Rudiantara", "Jack Ma") == [
        "person:rudiantara", "person:jack-ma"]


def test_never_more_than_one_extra_hop() -> None:
    G = nx.Graph()
    nx.add_path(G, ["a", "x1", "x2", "x3", "b"], weight=1000)
    G.add_edge("a", "b", weight=1)
    assert strongest_path(G, "a", "b") == ["a", "b"]
    G.add_edge("a", "y", weight=1000)
    G.add_edge("y", "b", weight=1000)
    assert strongest_path(G, "a", "b") == ["a", "y", "b"]


def test_ties_go_to_fewer_hops_then_graph_order() -> None:
    G = nx.Graph()
    G.add_edge("a", "m2", weight=1)
    G.add_edge("a", "m1", weight=1)
    G.add_edge("m1", "b", weight=1)
    G.add_edge("m2", "b", weight=1)
    assert strongest_path(G, "a", "b") == ["a", "m2", "b"]  # m2 comes first in G
    # equal cost at 1 and 2 hops: with w=1 direct costs 1.1, a 2-hop chain of weight w costs
    # 2 (1/w + 0.1); w = 2/0.9 makes them equal up to rounding, so use exact weights instead
    H = nx.Graph()
    H.add_edge("a", "b", weight=1 / (2 * (0.25 + HOP_COST) - HOP_COST))
    H.add_edge("a", "c", weight=4)
    H.add_edge("c", "b", weight=4)
    assert len(strongest_path(H, "a", "b")) in (2, 3)


def test_missing_or_bad_weights_count_as_one() -> None:
    G = nx.Graph()
    G.add_edge("a", "b")
    G.add_edge("b", "c", weight="x")
    G.add_edge("c", "d", weight=-3)
    assert strongest_path(G, "a", "d") == ["a", "b", "c", "d"]
    assert strongest_path(G, "a", "a") == ["a"]


def test_no_path_is_an_error() -> None:
    G = story_graph()
    with pytest.raises(JalinError, match="no path between 'Rudiantara' and 'Hangzhou'"):
        strongest_path(G, "Rudiantara", "Hangzhou")


def test_agrees_with_brute_force() -> None:
    G = nx.gnm_random_graph(40, 90, seed=5)
    rng = __import__("random").Random(5)
    for u, v in G.edges:
        G.edges[u, v]["weight"] = rng.randint(1, 6)
    for a in range(0, 40, 3):
        for b in range(1, 40, 4):
            if a == b or not nx.has_path(G, a, b):
                continue
            d = nx.shortest_path_length(G, a, b)
            best = min(
                (sum(1 / G.edges[p[i], p[i + 1]]["weight"] + HOP_COST
                     for i in range(len(p) - 1)), len(p))
                for p in nx.all_simple_paths(G, a, b, cutoff=d + 1))
            got = strongest_path(G, a, b)
            cost = sum(1 / G.edges[got[i], got[i + 1]]["weight"] + HOP_COST
                       for i in range(len(got) - 1))
            assert (cost, len(got)) == pytest.approx(best), (a, b)


def test_describe_and_format_path() -> None:
    G = story_graph()
    path = strongest_path(G, "Rudiantara", "peta jalan e-commerce")
    hops = describe_path(G, path)
    assert [(h["source_label"], h["target_label"], h["weight"]) for h in hops] == [
        ("Rudiantara", "Jack Ma", 2), ("Jack Ma", "peta jalan e-commerce", 3)]
    assert hops[0]["evidence"] == "R bertemu Ma."
    assert hops[0]["title"] == "Kunjungan ke Hangzhou" and hops[0]["outlet"] == "Warta"
    text = format_path(G, path)
    assert text.splitlines()[0] == "Rudiantara -> Jack Ma -> peta jalan e-commerce"
    assert "“R bertemu Ma.”" in text and "Kunjungan ke Hangzhou · Warta · 2016-09-08" in text
    with pytest.raises(JalinError, match="not linked"):
        describe_path(G, ["person:rudiantara", "loc:hangzhou"])


def test_cli_path(tmp_path, capsys) -> None:  # noqa: ANN001
    nx.write_graphml(story_graph(), tmp_path / "graph.graphml")
    assert main(["path", "rudiantara", "roadmap e-commerce", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Rudiantara -> Jack Ma -> peta jalan e-commerce"
    assert "“Ma peta jalan.”" in out
    assert main(["path", "Rudiantara", "Budi", str(tmp_path)]) == 2
    assert "no entity named 'Budi'" in capsys.readouterr().err
