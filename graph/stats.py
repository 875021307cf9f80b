"""A plain-text summary of a Jalin graph (``jalin stats out/graph.graphml``).

>>> import networkx as nx
>>> G = nx.Graph(n_documents=1)
>>> G.add_node("person:rudiantara", label="Rudiantara", type="PERSON")
>>> G.add_node("org:kominfo", label="Kominfo", type="ORG")
>>> G.add_edge("person:rudiantara", "org:kominfo", weight=2, npmi=0.5)
>>> print(format_stats(G))  # doctest: +ELLIPSIS
Jalin graph
  nodes        2
  edges        1
  documents    1
...
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx

from .analysis import add_centrality, counts_by_type, top_entities

__all__ = ["format_stats"]

_MAX_LABEL = 40


def _label(G: nx.Graph, node: Any) -> str:
    text = str(G.nodes[node].get("label") or node)
    text = " ".join(text.split())  # no line breaks or tabs in a table cell
    return text if len(text) <= _MAX_LABEL else text[: _MAX_LABEL - 1] + "…"


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return None if isinstance(value, float) and math.isnan(value) else value


def _fmt_float(value: Any, digits: int = 4) -> str:
    number = _number(value)
    return "-" if number is None else f"{number:.{digits}f}"


def _date_span(G: nx.Graph) -> str:
    lo, hi = G.graph.get("date_min") or "", G.graph.get("date_max") or ""
    if not lo and not hi:
        firsts = [str(d["first_seen"]) for _, d in G.nodes(data=True) if d.get("first_seen")]
        lasts = [str(d["last_seen"]) for _, d in G.nodes(data=True) if d.get("last_seen")]
        lo, hi = min(firsts, default=""), max(lasts, default="")
    if not lo and not hi:
        return "unknown"
    return f"{lo or '?'} .. {hi or '?'}"


def _table(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        parts = [c.rjust(w) if i in right else c.ljust(w)
                 for i, (c, w) in enumerate(zip(cells, widths, strict=True))]
        return ("  " + "  ".join(parts)).rstrip()

    return [line(header), *(line(row) for row in rows)]


def format_stats(G: nx.Graph, top: int = 15) -> str:
    """Return a text report: sizes, documents, date span, counts by type, top entities, top edges.

    Works on a graph straight from :func:`graph.build`, on one read back with
    :func:`graph.read_graphml` and on an empty graph. Centrality missing from the graph is
    computed on a copy; ``G`` is not changed. ``top`` limits both rankings.

    >>> print(format_stats(nx.Graph()))  # doctest: +ELLIPSIS
    Jalin graph
      nodes        0
      edges        0
    ...
    """
    top = max(int(top), 0)
    source = G  # the graph with centrality attributes (a copy if G lacks them)
    if any("pagerank" not in d or "degree" not in d or "community" not in d
           for _, d in G.nodes(data=True)):
        source = add_centrality(G.copy())
    name = str(G.graph.get("name") or "Jalin graph")
    lines = [name]
    facts: list[tuple[str, str]] = [
        ("nodes", str(G.number_of_nodes())),
        ("edges", str(G.number_of_edges())),
    ]
    if "n_documents" in G.graph:
        facts.append(("documents", str(G.graph["n_documents"])))
    facts.append(("dates", _date_span(G)))
    if G.graph.get("window"):
        facts.append(("window", str(G.graph["window"])))
    if len(G):
        components = (nx.number_weakly_connected_components(G) if G.is_directed()
                      else nx.number_connected_components(G))
        facts.append(("components", str(components)))
        facts.append(("density", f"{nx.density(G):.4f}"))
        groups = {d["community"] for _, d in source.nodes(data=True) if "community" in d}
        facts.append(("communities", str(len(groups))))
    width = 13  # len("communities") + 2
    lines += [f"  {key.ljust(width)}{value}" for key, value in facts]

    lines += ["", "Entities by type"]
    counts = counts_by_type(G)
    if counts:
        lines += _table(["type", "count"], [[t, str(c)] for t, c in counts.items()], {1})
    else:
        lines.append("  (none)")

    lines += ["", "Most central entities (by PageRank)"]
    ranked = top_entities(source, n=top, by="pagerank")
    if ranked:
        rows = []
        for i, (node, value) in enumerate(ranked, 1):
            d = source.nodes[node]
            rows.append([str(i), _label(source, node), str(d.get("type", "")),
                         str(d.get("degree", "")), _fmt_float(value)])
        lines += _table(["#", "label", "type", "degree", "pagerank"], rows, {0, 3, 4})
    else:
        lines.append("  (none)")

    lines += ["", "Strongest edges (by weight, then NPMI)"]

    def edge_key(edge: tuple[Any, Any, dict[str, Any]]) -> tuple[float, float, str, str]:
        u, v, d = edge
        weight = _number(d.get("weight", 1))
        npmi = _number(d.get("npmi"))
        return (-(weight if weight is not None else 0), -(npmi if npmi is not None else -2),
                _label(G, u), _label(G, v))

    edges = sorted(G.edges(data=True), key=edge_key)[:top]
    if edges:
        rows = []
        for i, (u, v, d) in enumerate(edges, 1):
            weight = d.get("weight", 1)
            weight_text = (f"{weight:g}" if isinstance(weight, float) else str(weight))
            rows.append([str(i), f"{_label(G, u)} - {_label(G, v)}", weight_text,
                         _fmt_float(d.get("npmi"), 3)])
        lines += _table(["#", "edge", "weight", "npmi"], rows, {0, 2, 3})
    else:
        lines.append("  (none)")
    return "\n".join(lines)
