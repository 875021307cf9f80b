"""Name lookup and the strongest short path between two entities.

**Strongest short path.** An edge's *cost* is ``1 / weight + HOP_COST`` (``weight`` = number of
windows in which both ends are named; a missing, invalid or non-positive weight counts as 1;
``HOP_COST = 0.1``), so a link named often is "short" and every hop costs a little. Let ``d`` be
the fewest hops between the two nodes. Among all paths of at most ``d + SLACK`` hops
(``SLACK = 1``), the strongest short path is the one with the least total cost; ties go to fewer
hops, then to the first path found when nodes are visited in graph order and each node's edges in
the order of ``G.edges()``.

So a direct link wins unless it is much weaker than a two-step chain: Rudiantara and *peta jalan
e-commerce* are named together once (cost 1.1), Rudiantara and Jack Ma twice, Jack Ma and the
roadmap three times (0.6 + 0.433 = 1.033), so the chain Rudiantara -> Jack Ma -> *peta jalan
e-commerce* wins; Rudiantara and Jack Ma stay directly linked (0.6) rather than through the hub
*e-commerce* (0.3 + 0.35 = 0.65). No chain is ever longer than one hop more than the fewest.

The HTML page's path finder (``viz/static/jalin.js``) implements the same definition, in the same
visiting order, so the page and ``jalin path`` print the same chain.

>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_edge("a", "b", weight=1)
>>> G.add_edge("a", "c", weight=3)
>>> G.add_edge("c", "b", weight=3)
>>> strongest_path(G, "a", "b")
['a', 'c', 'b']
"""

from __future__ import annotations

import json
import math
from collections import deque
from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx

from .errors import JalinError

__all__ = ["HOP_COST", "SLACK", "describe_path", "find_node", "format_path", "strongest_path"]

SLACK = 1
"""How many hops more than the fewest a strongest short path may take."""
HOP_COST = 0.1
"""Added to every edge's ``1 / weight``: with equal strength, fewer hops win."""


# ----------------------------------------------------------------------------- names


def _split(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [part.strip() for part in str(value).split(" | ") if part.strip()]


def _label(G: nx.Graph, node: Hashable) -> str:
    return str(G.nodes[node].get("label") or node)


def find_node(G: nx.Graph, name: str) -> Hashable:
    """Return the node whose key, label or alias is ``name`` (case-insensitive).

    An exact node key wins, then a label, then an alias. Raises :class:`JalinError` when no node
    or more than one node matches (the message lists the candidates).

    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("person:jack-ma", label="Jack Ma", aliases="Jack Ma | Ma")
    >>> find_node(G, "ma")
    'person:jack-ma'
    """
    wanted = " ".join(str(name).split()).casefold()
    if not wanted:
        raise JalinError("empty entity name")
    if name in G:
        return name
    by_key = [n for n in G if str(n).casefold() == wanted]
    if len(by_key) == 1:
        return by_key[0]
    for field in ("label", "aliases"):
        hits = [n for n, attrs in G.nodes(data=True)
                if any(" ".join(v.split()).casefold() == wanted
                       for v in _split(attrs.get(field)))]
        if field == "label" and not hits:
            continue
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            shown = ", ".join(f"{_label(G, n)} ({G.nodes[n].get('type') or n})"
                              for n in sorted(hits, key=str)[:6])
            more = f" and {len(hits) - 6} more" if len(hits) > 6 else ""
            raise JalinError(f"{name!r} is ambiguous: {shown}{more}; use a node id such as "
                             f"{sorted(hits, key=str)[0]!r}")
    raise JalinError(f"no entity named {name!r} (searched labels and aliases)")


# ----------------------------------------------------------------------------- path


def edge_cost(weight: Any) -> float:
    """``1 / weight + HOP_COST``; a missing, invalid or non-positive weight counts as 1."""
    try:
        w = float(weight)
    except (TypeError, ValueError):
        w = 1.0
    if not math.isfinite(w) or w <= 0:
        w = 1.0
    return 1.0 / w + HOP_COST


def _bfs(adj: Mapping[Hashable, list[tuple[Hashable, float]]], source: Hashable,
         limit: int | None = None) -> dict[Hashable, int]:
    dist = {source: 0}
    queue = deque([source])
    while queue:
        u = queue.popleft()
        if limit is not None and dist[u] >= limit:
            continue
        for v, _ in adj[u]:
            if v not in dist:
                dist[v] = dist[u] + 1
                queue.append(v)
    return dist


def strongest_path(G: nx.Graph, source: Hashable, target: Hashable, *,
                   weight: str = "weight") -> list[Hashable]:
    """Return the strongest short path from ``source`` to ``target`` as a list of nodes.

    ``source`` and ``target`` are nodes or names (key, label or alias, see :func:`find_node`).
    See the module docstring for the definition. Raises :class:`JalinError` when a name is
    unknown or ambiguous, or when no path exists.

    >>> import networkx as nx
    >>> G = nx.path_graph(3)
    >>> strongest_path(G, 0, 2)
    [0, 1, 2]
    """
    a = source if source in G else find_node(G, str(source))
    b = target if target in G else find_node(G, str(target))
    if a == b:
        return [a]
    # adjacency in the order of G.edges(), as the page builds it
    adj: dict[Hashable, list[tuple[Hashable, float]]] = {n: [] for n in G}
    for u, v, attrs in G.edges(data=True):
        if u == v:
            continue
        c = edge_cost(attrs.get(weight))
        adj[u].append((v, c))
        adj[v].append((u, c))
    from_a = _bfs(adj, a)
    if b not in from_a:
        raise JalinError(f"no path between {_label(G, a)!r} and {_label(G, b)!r}: they are in "
                         "different parts of the graph")
    limit = from_a[b] + SLACK
    from_b = _bfs(adj, b, limit)
    order = [n for n in G if n in from_a and n in from_b and from_a[n] + from_b[n] <= limit]

    # layered relaxation: best[k][v] = least cost of a walk a -> v of exactly k hops
    inf = math.inf
    best: list[dict[Hashable, float]] = [{a: 0.0}]
    back: list[dict[Hashable, Hashable]] = [{}]
    for k in range(1, limit + 1):
        prev = best[k - 1]
        cur: dict[Hashable, float] = {}
        via: dict[Hashable, Hashable] = {}
        for u in order:
            cu = prev.get(u, inf)
            if cu == inf:
                continue
            for v, c in adj[u]:
                if v not in from_b or k + from_b[v] > limit:
                    continue
                total = cu + c
                if total < cur.get(v, inf):
                    cur[v] = total
                    via[v] = u
        best.append(cur)
        back.append(via)
    hops = min((k for k in range(1, limit + 1) if b in best[k]),
               key=lambda k: (best[k][b], k))
    path = [b]
    node = b
    for k in range(hops, 0, -1):
        node = back[k][node]
        path.append(node)
    path.reverse()
    return path


# ----------------------------------------------------------------------------- description


def _documents(G: nx.Graph) -> dict[str, Mapping[str, Any]]:
    docs = G.graph.get("documents")
    if isinstance(docs, str):
        try:
            docs = json.loads(docs)
        except ValueError:
            return {}
    return dict(docs) if isinstance(docs, Mapping) else {}


def _evidence(value: Any) -> list[dict[str, str]]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return []
    out = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, Mapping) and item.get("text"):
            out.append({"text": str(item["text"]), "doc_id": str(item.get("doc_id") or "")})
        elif isinstance(item, str) and item:
            out.append({"text": item, "doc_id": ""})
    return out


def describe_path(G: nx.Graph, path: list[Hashable]) -> list[dict[str, Any]]:
    """One dict per hop of ``path``: both ends, the link's weight and one evidence sentence.

    Keys: ``source``, ``target`` (nodes), ``source_label``, ``target_label``, ``weight``,
    ``evidence`` (the first stored sentence, ``""`` when none), ``doc_id``, ``title``,
    ``outlet`` and ``date`` of the sentence's document (``""`` when unknown).

    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_edge("a", "b", weight=2, evidence='[{"doc_id": "d", "text": "A met B."}]')
    >>> describe_path(G, ["a", "b"])[0]["evidence"]
    'A met B.'
    """
    documents = _documents(G)
    hops = []
    for u, v in zip(path, path[1:], strict=False):
        if not G.has_edge(u, v):
            raise JalinError(f"{_label(G, u)!r} and {_label(G, v)!r} are not linked")
        attrs = G.edges[u, v]
        evidence = _evidence(attrs.get("evidence"))
        first = evidence[0] if evidence else {"text": "", "doc_id": ""}
        doc = documents.get(first["doc_id"]) or {}
        weight = attrs.get("weight", 1)
        hops.append({
            "source": u, "target": v,
            "source_label": _label(G, u), "target_label": _label(G, v),
            "weight": weight,
            "evidence": first["text"], "doc_id": first["doc_id"],
            "title": str(doc.get("title") or ""), "outlet": str(doc.get("source") or ""),
            "date": str(doc.get("date") or ""),
        })
    return hops


def format_path(G: nx.Graph, path: list[Hashable]) -> str:
    """The chain on one line, then one indented evidence sentence (and its source) per hop."""
    lines = [" -> ".join(_label(G, n) for n in path)]
    for i, hop in enumerate(describe_path(G, path), 1):
        times = "time" if str(hop["weight"]) == "1" else "times"
        lines.append(f"{i}. {hop['source_label']} -- {hop['target_label']} "
                     f"({hop['weight']} {times})")
        if hop["evidence"]:
            lines.append(f"   \u201c{hop['evidence']}\u201d")
            where = " · ".join(x for x in (hop["title"], hop["outlet"], hop["date"]) if x)
            if where:
                lines.append(f"   {where}")
        else:
            lines.append("   (no sentence stored for this link)")
    return "\n".join(lines)
