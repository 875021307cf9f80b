"""Node-link JSON: for JavaScript (d3, sigma.js, the Jalin page) and for reading back exactly.

The file is ``nx.node_link_data(G, edges="edges")`` of the sanitized graph
(:mod:`graph.export.sanitize`), UTF-8 with ``ensure_ascii=False``::

    {"directed": false, "multigraph": false, "graph": {...},
     "nodes": [{"id": "person:rudiantara", "label": "Rudiantara", ...}, ...],
     "edges": [{"source": "person:rudiantara", "target": "org:kominfo", "weight": 4, ...}, ...]}

A node attribute named ``id`` or an edge attribute named ``source``, ``target`` or ``key`` is
written with a trailing underscore (``id_``) so it cannot overwrite the structure.
:func:`read_json` also reads files that use the older ``"links"`` key.

>>> import networkx as nx
>>> G = nx.Graph(name="Jalin graph")
>>> G.add_edge("org:kominfo", "person:rudiantara", weight=4)
>>> write_json(G, "out/graph.json")  # doctest: +SKIP
>>> read_json("out/graph.json").edges["org:kominfo", "person:rudiantara"]  # doctest: +SKIP
{'weight': 4}
"""

from __future__ import annotations

import inspect
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import JalinError
from ..fileio import atomic_open
from .sanitize import sanitize_graph, with_reserved

__all__ = ["write_json", "read_json", "to_node_link", "node_link_lines"]

_RESERVED = {"node": ("id",), "edge": ("source", "target", "key")}

# networkx >= 3.4 names the edge-list key parameter ``edges``; 3.2 and 3.3 call it ``link``.
_EDGES_KW = "edges" if "edges" in inspect.signature(nx.node_link_data).parameters else "link"


def to_node_link(G: nx.Graph, *, sanitized: bool = False) -> dict[str, Any]:
    """Return the node-link dict of the sanitized ``G`` (edges under ``"edges"``).

    >>> import networkx as nx
    >>> sorted(to_node_link(nx.path_graph(2)))
    ['directed', 'edges', 'graph', 'multigraph', 'nodes']
    """
    H = with_reserved(G, _RESERVED) if sanitized else sanitize_graph(G, reserved=_RESERVED)
    return nx.node_link_data(H, **{_EDGES_KW: "edges"})


def write_json(G: nx.Graph, path: str | os.PathLike[str], *, sanitized: bool = False) -> Path:
    """Write ``G`` to ``path`` as node-link JSON (UTF-8, not ASCII-escaped), atomically.

    One node or edge per line, so the file can be read (and diffed) line by line, and written
    by the C encoder: ``json.dump`` with an indent runs in pure Python, three times slower on a
    large graph. ``G`` is not modified. Returns the path written. ``sanitized``: ``G`` is already
    the result of :func:`~graph.export.sanitize.sanitize_graph` (not done again).

    >>> write_json(G, "out/graph.json")  # doctest: +SKIP
    PosixPath('out/graph.json')
    """
    data = to_node_link(G, sanitized=sanitized)
    target = Path(path)
    with atomic_open(target, "w", encoding="utf-8") as fh:
        fh.writelines(node_link_lines(data))
    return target


_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False)


def node_link_lines(data: dict[str, Any]) -> Iterator[str]:
    """The text of a node-link dict, line by line: one top-level field per line, and one item per
    line for the lists (nodes and edges).

    >>> print("".join(node_link_lines({"directed": False, "nodes": [{"id": "a"}, {"id": "b"}]})))
    {
    "directed": false,
    "nodes": [
    {"id": "a"},
    {"id": "b"}
    ]
    }
    <BLANKLINE>
    """
    encode = _ENCODER.encode
    yield "{\n"
    last = len(data) - 1
    for n, (key, value) in enumerate(data.items()):
        end = "\n" if n == last else ",\n"
        if isinstance(value, list) and value:
            yield f"{encode(key)}: [\n"
            for i, item in enumerate(value):
                yield encode(item) + (",\n" if i < len(value) - 1 else "\n")
            yield "]" + end
        else:
            yield f"{encode(key)}: {encode(value)}{end}"
    yield "}\n"


def read_json(path: str | os.PathLike[str]) -> nx.Graph:
    """Read a node-link JSON file (as written by :func:`write_json`) into a networkx graph.

    Raises :class:`JalinError` if the file is missing or is not node-link JSON.

    >>> G = read_json("out/graph.json")  # doctest: +SKIP
    """
    source = Path(path)
    if not source.is_file():
        raise JalinError("no such file" if not source.exists() else "not a file", str(source))
    try:
        with open(source, encoding="utf-8") as fh:
            data = json.load(fh)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise JalinError(f"not valid UTF-8 JSON ({exc})", str(source)) from exc
    except OSError as exc:
        raise JalinError(f"cannot read ({exc.strerror})", str(source)) from exc
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise JalinError("not node-link JSON (no \"nodes\" list)", str(source))
    key = "links" if "links" in data and "edges" not in data else "edges"
    data.setdefault(key, [])
    data.setdefault("multigraph", False)
    try:
        return nx.node_link_graph(data, **{_EDGES_KW: key})
    except (KeyError, TypeError, ValueError, AttributeError, nx.NetworkXError) as exc:
        raise JalinError(f"not node-link JSON ({exc!r})", str(source)) from exc
