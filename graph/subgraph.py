"""Smaller views of a big graph for the HTML page: the most central nodes, or one neighbourhood.

Each function returns a new graph (a copy: attributes can be changed without touching ``G``) whose
``G.graph["view"]`` says in one sentence what was kept; the page shows that sentence in its header.
The graph files Jalin writes are never cut: these views are for drawing.

>>> import networkx as nx
>>> G = nx.star_graph(5)
>>> sorted(most_central(G, 2))
[0, 1]
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx

from .analysis import pagerank
from .errors import JalinError
from .paths import find_node

__all__ = ["centrality", "most_central", "neighbourhood", "select_view"]


def _number(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if number == number and abs(number) != float("inf") else None


def centrality(G: nx.Graph) -> tuple[dict[Hashable, float], str]:
    """Return ``(score per node, name of the measure)``.

    The stored ``pagerank`` attribute when every node has one; otherwise PageRank on edge weights
    computed now; degree when PageRank does not converge.

    >>> import networkx as nx
    >>> centrality(nx.path_graph(3))[1]
    'PageRank'
    """
    stored = {n: _number(a.get("pagerank")) for n, a in G.nodes(data=True)}
    if stored and all(v is not None for v in stored.values()):
        return {n: float(v) for n, v in stored.items()}, "PageRank"  # type: ignore[arg-type]
    return pagerank(G), "PageRank"


def _view(G: nx.Graph, keep: list[Hashable], note: str) -> nx.Graph:
    H = G.subgraph(keep).copy()
    previous = str(G.graph.get("view") or "")
    H.graph["view"] = f"{previous} {note}".strip() if previous else note
    return H


def most_central(G: nx.Graph, n: int, *, keep: Hashable | None = None) -> nx.Graph:
    """Return the subgraph of the ``n`` most central nodes of ``G`` (see :func:`centrality`).

    Ties are broken by degree, then by node key. ``keep`` is a node kept whatever its rank (the
    focus of a neighbourhood). When ``G`` has at most ``n`` nodes it is returned as a copy with no
    note.

    >>> import networkx as nx
    >>> H = most_central(nx.star_graph(10), 3)
    >>> H.number_of_nodes(), H.graph["view"]
    (3, 'Showing the 3 most central of 11 entities (by PageRank).')
    """
    if n < 1:
        raise JalinError(f"--max-nodes must be at least 1, not {n}")
    total = G.number_of_nodes()
    if total <= n:
        return G.copy()
    scores, measure = centrality(G)
    degree = dict(G.degree())
    ranked = sorted(G, key=lambda v: (-scores.get(v, 0.0), -degree[v], str(v)))
    chosen = ranked[:n]
    if keep is not None and keep in G and keep not in chosen:
        chosen = [keep, *ranked[:n - 1]]
    return _view(G, chosen, f"Showing the {n:,} most central of {total:,} entities "
                            f"(by {measure}).")


def neighbourhood(G: nx.Graph, name: Hashable, hops: int = 1) -> nx.Graph:
    """Return the subgraph of the nodes at most ``hops`` links away from ``name``.

    ``name`` is a node or a name (key, label or alias: see :func:`graph.paths.find_node`). The
    view's ``G.graph["focus"]`` is the centre node.

    >>> import networkx as nx
    >>> sorted(neighbourhood(nx.path_graph(5), 0, hops=2))
    [0, 1, 2]
    """
    if hops < 0:
        raise JalinError(f"--hops must be 0 or more, not {hops}")
    centre = name if name in G else find_node(G, str(name))
    keep = list(nx.single_source_shortest_path_length(G, centre, cutoff=hops))
    keep_set = set(keep)
    ordered = [v for v in G if v in keep_set]
    label = str(G.nodes[centre].get("label") or centre)
    word = "link" if hops == 1 else "links"
    H = _view(G, ordered, f"Neighbourhood of {label}: {len(ordered):,} of "
                          f"{G.number_of_nodes():,} entities within {hops} {word}.")
    H.graph["focus"] = str(centre)
    return H


def select_view(G: nx.Graph, *, max_nodes: int | None = None, focus: str | None = None,
                hops: int = 1) -> nx.Graph:
    """Apply ``--focus NAME --hops K`` and then ``--max-nodes N``; ``G`` itself when neither.

    >>> import networkx as nx
    >>> select_view(nx.path_graph(9), focus="4", hops=1).number_of_nodes()
    3
    """
    H = G
    focus_node = None
    if focus is not None:
        H = neighbourhood(H, focus, hops)
        focus_node = next(v for v in H if str(v) == H.graph["focus"])
    if max_nodes is not None:
        H = most_central(H, max_nodes, keep=focus_node)
        if focus_node is not None:
            H.graph["focus"] = str(focus_node)
    return H
