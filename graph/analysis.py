"""Graph analysis: centrality, communities, rankings and the strong-edge backbone.

Every function takes a networkx graph. :func:`add_centrality` and :func:`analyze` add node
attributes in place (``degree``, ``weighted_degree``, ``pagerank``, ``community``; see
``docs/graph-schema.md``) and return the same graph; the others return a value or a new graph.

>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_edge("person:rudiantara", "org:kominfo", weight=3)
>>> G.add_edge("person:rudiantara", "loc:jakarta", weight=1)
>>> G = analyze(G)
>>> G.nodes["person:rudiantara"]["degree"], G.nodes["person:rudiantara"]["weighted_degree"]
(2, 4)
>>> top_entities(G, n=1)[0][0]
'person:rudiantara'
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Hashable
from typing import Any

import igraph
import networkx as nx

from .errors import JalinError

__all__ = [
    "CENTRALITY_ATTRS",
    "add_centrality",
    "analyze",
    "backbone",
    "communities",
    "counts_by_type",
    "pagerank",
    "top_entities",
]

CENTRALITY_ATTRS = ("degree", "weighted_degree", "pagerank", "community")
"""Node attributes set by :func:`add_centrality`."""

UNKNOWN_TYPE = "UNKNOWN"
"""What :func:`counts_by_type` calls nodes without a ``type``."""


def _pagerank_python(G: nx.Graph, alpha: float = 0.85, weight: str = "weight",
                     max_iter: int = 100, tol: float = 1.0e-6) -> dict[Hashable, float]:
    """PageRank by power iteration in plain Python (same model and stopping rule as networkx).

    Used when scipy, which ``nx.pagerank`` needs in networkx 3.x, is not installed. Dangling
    nodes (no edges) spread their rank uniformly; a missing ``weight`` counts as 1.
    """
    n = len(G)
    if n == 0:
        return {}
    D = G.to_directed() if not G.is_directed() else G
    out_weight = {u: 0.0 for u in D}
    links: dict[Hashable, list[tuple[Hashable, float]]] = {u: [] for u in D}
    for u, v, w in D.edges(data=weight, default=1):
        w = float(w)
        out_weight[u] += w
        links[u].append((v, w))
    dangling = [u for u in D if out_weight[u] == 0]
    p = 1.0 / n
    x = dict.fromkeys(D, p)
    for _ in range(max_iter):
        last = x
        x = dict.fromkeys(last, 0.0)
        dangle = alpha * sum(last[u] for u in dangling) * p
        for u, nbrs in links.items():
            if out_weight[u] == 0:
                continue
            share = alpha * last[u] / out_weight[u]
            for v, w in nbrs:
                x[v] += share * w
        for u in x:
            x[u] += dangle + (1.0 - alpha) * p
        if sum(abs(x[u] - last[u]) for u in x) < n * tol:
            return x
    raise nx.PowerIterationFailedConvergence(max_iter)


def _positive_weights(G: nx.Graph, weight: str) -> nx.Graph:
    """An undirected graph of ``G``'s structure whose every edge has a positive, finite number
    as ``weight``: ``G`` itself when it already is one (the graph a build makes), else a copy
    with float weights, 1.0 where ``G``'s is missing, unreadable or not positive (a graph read
    back from a file may carry anything). Read only, never changed."""
    if not G.is_directed() and not G.is_multigraph() and all(
            (type(w) is int or type(w) is float) and 0 < w < math.inf
            for _, _, w in G.edges(data=weight)):
        return G
    H = nx.Graph()
    H.add_nodes_from(G)
    for u, v, attrs in G.edges(data=True):
        try:
            w = float(attrs.get(weight, 1.0))
        except (TypeError, ValueError):
            w = 1.0
        H.add_edge(u, v, **{weight: w if w > 0 and math.isfinite(w) else 1.0})
    return H


def pagerank(G: nx.Graph, weight: str = "weight", alpha: float = 0.85) -> dict[Hashable, float]:
    """PageRank of every node on edge ``weight``: ``nx.pagerank`` or, without scipy, pure Python.

    Missing or unreadable weights count as 1; if the power iteration does not converge the
    degree (normalised to sum 1) stands in.

    >>> import networkx as nx
    >>> round(sum(pagerank(nx.path_graph(3)).values()), 6)
    1.0
    """
    return _pagerank(_positive_weights(G, weight), weight, alpha) if len(G) else {}


def _pagerank(H: nx.Graph, weight: str, alpha: float) -> dict[Hashable, float]:
    """:func:`pagerank` of a graph made by :func:`_positive_weights`."""
    try:
        try:
            ranks = nx.pagerank(H, alpha=alpha, weight=weight)
        except ImportError:  # networkx 3.x computes PageRank with scipy
            ranks = _pagerank_python(H, alpha=alpha, weight=weight)
    except nx.PowerIterationFailedConvergence:
        total = sum(d for _, d in H.degree()) or 1
        ranks = {node: d / total for node, d in H.degree()}
    return {node: float(value) for node, value in ranks.items()}


def communities(G: nx.Graph, weight: str = "weight", seed: int = 0) -> dict[Hashable, int]:
    """Louvain community of every node, numbered 0, 1, ... from the largest community down.

    Louvain (Blondel, Guillaume, Lambiotte & Lefebvre 2008) as igraph implements it in C
    (``community_multilevel``: 8x faster than networkx's pure-Python ``louvain_communities`` on
    the graph of 10,000 articles, with the same modularity to 0.001), on edge ``weight`` (1 when
    missing, unreadable or not positive); a directed graph counts as undirected. Deterministic:
    igraph draws from a ``random.Random(seed)`` during the call (its generator is then set back
    to Python's ``random`` module, igraph's default), and ties in size are broken by the
    smallest node id (as a string) in each community.

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])
    >>> communities(G)
    {'a': 0, 'b': 0, 'c': 0, 'x': 1, 'y': 1}
    """
    return _communities(_positive_weights(G, weight), weight, seed) if len(G) else {}


def _communities(H: nx.Graph, weight: str, seed: int) -> dict[Hashable, int]:
    """:func:`communities` of a graph made by :func:`_positive_weights`."""
    nodes = list(H)
    index = {node: i for i, node in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in H.edges()]
    weights = [w for _, _, w in H.edges(data=weight)]
    g = igraph.Graph(n=len(nodes), edges=edges)
    igraph.set_random_number_generator(random.Random(seed))
    try:
        membership = g.community_multilevel(weights=weights).membership
    finally:
        igraph.set_random_number_generator(random)
    members: dict[int, list[Hashable]] = {}
    for node, part in zip(nodes, membership, strict=True):
        members.setdefault(part, []).append(node)
    parts = sorted(members.values(),
                   key=lambda part: (-len(part), min(str(node) for node in part)))
    number = {node: i for i, part in enumerate(parts) for node in part}
    return {node: number[node] for node in H}


def add_centrality(G: nx.Graph) -> nx.Graph:
    """Set node attributes ``degree``, ``weighted_degree``, ``pagerank``, ``community``; return G.

    ``degree`` is the number of incident edges (int), ``weighted_degree`` the sum of their
    ``weight`` (int, a missing weight counts 1), ``pagerank`` PageRank on ``weight`` (float) and
    ``community`` the Louvain community number (int, largest first; see :func:`communities`).

    >>> import networkx as nx
    >>> G = add_centrality(nx.Graph([("a", "b", {"weight": 2})]))
    >>> G.nodes["a"]["degree"], G.nodes["a"]["weighted_degree"], G.nodes["a"]["community"]
    (1, 2, 0)
    """
    if len(G) == 0:
        return G
    H = _positive_weights(G, "weight")  # once for both
    ranks = _pagerank(H, "weight", alpha=0.85)
    groups = _communities(H, "weight", seed=0)
    weighted = dict(G.degree(weight="weight"))
    for node, degree in G.degree():
        attrs = G.nodes[node]
        attrs["degree"] = int(degree)
        attrs["weighted_degree"] = int(round(weighted[node]))
        attrs["pagerank"] = ranks[node]
        attrs["community"] = groups[node]
    return G


def analyze(G: nx.Graph) -> nx.Graph:
    """Run every analysis step on ``G`` in place and return it (``graph.analyze``).

    >>> import networkx as nx
    >>> sorted(analyze(nx.Graph([("a", "b")])).nodes["a"])
    ['community', 'degree', 'pagerank', 'weighted_degree']
    """
    return add_centrality(G)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and not (
        isinstance(value, float) and math.isnan(value))


def top_entities(G: nx.Graph, n: int | None = 10, by: str = "pagerank"
                 ) -> list[tuple[Hashable, float]]:
    """The ``n`` nodes with the highest numeric attribute ``by``, as ``(node, value)`` pairs.

    Highest first; ties go to the smaller node id. Nodes without a numeric ``by`` are skipped.
    For a centrality attribute (``degree``, ``weighted_degree``, ``pagerank``) that the graph
    lacks, it is computed on a copy, so ``G`` is not changed. ``n=None`` returns every node.

    >>> import networkx as nx
    >>> top_entities(nx.star_graph(3), n=2, by="degree")
    [(0, 3), (1, 1)]
    """
    if n is not None and n <= 0:
        return []
    source = G
    if by in CENTRALITY_ATTRS and any(by not in d for _, d in G.nodes(data=True)):
        source = add_centrality(G.copy())
    pairs = [(node, d[by]) for node, d in source.nodes(data=True) if _is_number(d.get(by))]
    pairs.sort(key=lambda pair: (-pair[1], str(pair[0])))
    return pairs if n is None else pairs[:n]


def counts_by_type(G: nx.Graph) -> dict[str, int]:
    """Number of nodes of each ``type``, most common first (ties by name).

    Nodes without a type are counted as ``"UNKNOWN"``.

    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_nodes_from([(1, {"type": "PERSON"}), (2, {"type": "ORG"}), (3, {"type": "PERSON"})])
    >>> counts_by_type(G)
    {'PERSON': 2, 'ORG': 1}
    """
    counts = Counter(str(d.get("type") or UNKNOWN_TYPE) for _, d in G.nodes(data=True))
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def backbone(G: nx.Graph, min_weight: float = 1, min_npmi: float | None = None, *,
             keep_isolates: bool = False) -> nx.Graph:
    """A new graph keeping only strong edges: ``weight >= min_weight`` and ``npmi >= min_npmi``.

    A missing ``weight`` counts as 1; when ``min_npmi`` is given, edges without a numeric
    ``npmi`` are dropped. Nodes left without edges are dropped unless ``keep_isolates``. Node,
    edge and graph attributes are copied (``G`` is unchanged); centrality attributes describe
    the original graph, so run :func:`analyze` on the result to refresh them.

    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_edge("a", "b", weight=5, npmi=0.4)
    >>> G.add_edge("b", "c", weight=1, npmi=0.9)
    >>> list(backbone(G, min_weight=2).edges)
    [('a', 'b')]
    >>> list(backbone(G, min_npmi=0.5).edges)
    [('b', 'c')]
    """
    if min_npmi is not None and not -1.0 <= min_npmi <= 1.0:
        raise JalinError(f"min_npmi must be between -1 and 1, got {min_npmi}")

    def strong(d: dict[str, Any]) -> bool:
        weight = d.get("weight", 1)
        if not _is_number(weight) or weight < min_weight:
            return False
        if min_npmi is None:
            return True
        npmi = d.get("npmi")
        return _is_number(npmi) and npmi >= min_npmi

    H = G.__class__()
    H.graph.update(G.graph)
    if keep_isolates:
        H.add_nodes_from((node, dict(d)) for node, d in G.nodes(data=True))
    if G.is_multigraph():
        kept = [(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if strong(d)]
    else:
        kept = [(u, v, d) for u, v, d in G.edges(data=True) if strong(d)]
    ends = {node for edge in kept for node in edge[:2]}
    # Add nodes in G's order so that the result is deterministic.
    H.add_nodes_from((node, dict(d)) for node, d in G.nodes(data=True) if node in ends)
    for edge in kept:
        H.add_edge(*edge[:-1], **dict(edge[-1]))
    return H
