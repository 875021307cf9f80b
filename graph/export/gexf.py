"""GEXF 1.2: Gephi's native format, written with networkx.

networkx's GEXF writer treats list values as time-stamped ("dynamic") attributes, so the graph is
sanitized first (:mod:`graph.export.sanitize`): lists become ``" | "``-joined strings, dicts JSON,
and every attribute has one type. What GEXF itself changes on the way back through
``nx.read_gexf``:

* the node ``label`` is the GEXF node label (a node without one gets its id as label);
* the edge ``weight`` is the GEXF edge weight and comes back as ``float``; a non-numeric
  ``weight`` attribute is written as ``weight_`` instead;
* each edge gets an ``id`` attribute (its position) on reading;
* of the graph attributes only ``name`` is carried (GEXF has no graph-level attribute values);
  use GraphML or JSON when ``G.graph`` matters.

Node attributes GEXF reserves for itself (``id``, ``pid``, ``start``, ``end``, ``viz``,
``parents``, ``slices``, ``spells``) and edge attributes ``id``, ``type``, ``start``, ``end``,
``slices``, ``spells``, ``networkx_key`` are written with a trailing underscore (``type_``).

>>> import networkx as nx
>>> G = nx.Graph(name="Jalin graph")
>>> G.add_edge("org:kominfo", "person:rudiantara", weight=4, npmi=0.61)
>>> write_gexf(G, "out/graph.gexf")  # doctest: +SKIP
>>> nx.read_gexf("out/graph.gexf")["org:kominfo"]["person:rudiantara"]["npmi"]  # doctest: +SKIP
0.61
"""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx

from ..fileio import atomic_open
from .sanitize import sanitize_graph

__all__ = ["write_gexf"]

_RESERVED = {
    "node": ("id", "pid", "start", "end", "viz", "parents", "slices", "spells"),
    "edge": ("id", "type", "start", "end", "slices", "spells", "networkx_key"),
}


def _fix_weight(H: nx.Graph) -> None:
    """GEXF edge weights are numbers: move a non-numeric ``weight`` to ``weight_``."""
    weights = [d["weight"] for *_, d in H.edges(data=True) if "weight" in d]
    bad = any(isinstance(w, bool) or not isinstance(w, (int, float)) for w in weights)
    if not bad:
        return
    new = "weight_"
    while any(new in d for *_, d in H.edges(data=True)):
        new += "_"
    for *_, d in H.edges(data=True):
        if "weight" in d:
            d[new] = d.pop("weight")


def write_gexf(G: nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write ``G`` to ``path`` as GEXF 1.2 (readable by Gephi and ``nx.read_gexf``), atomically.

    ``G`` is not modified. Returns the path written.

    >>> write_gexf(G, "out/graph.gexf")  # doctest: +SKIP
    PosixPath('out/graph.gexf')
    """
    H = sanitize_graph(G, reserved=_RESERVED)
    _fix_weight(H)
    # Keep only the graph name: the GEXF writer ignores other graph attributes except "mode"
    # (dynamic graphs), which must not be triggered by a stray attribute.
    name = H.graph.get("name")
    H.graph.clear()
    if name is not None:
        H.graph["name"] = str(name)
    target = Path(path)
    with atomic_open(target, "wb") as fh:
        nx.write_gexf(H, fh, encoding="utf-8", prettyprint=True, version="1.2draft")
    return target
