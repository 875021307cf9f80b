"""GraphML: the main Jalin output, read by networkx, Gephi, Cytoscape and yEd.

Before writing, the graph goes through :func:`graph.export.sanitize.sanitize_graph`, so each
attribute is declared once with one GraphML type (``string``, ``long``, ``double``, ``boolean``)
and the file can always be parsed again. :func:`read_graphml` gives back string node ids and
``str``/``int``/``float``/``bool`` values equal to the sanitized graph.

>>> import networkx as nx
>>> G = nx.Graph(name="Jalin graph", n_documents=2)
>>> G.add_node("person:rudiantara", label="Rudiantara", type="PERSON", mentions=3)
>>> write_graphml(G, "out/graph.graphml")   # doctest: +SKIP
>>> read_graphml("out/graph.graphml").nodes["person:rudiantara"]["mentions"]  # doctest: +SKIP
3
"""

from __future__ import annotations

import os
from pathlib import Path
from xml.etree.ElementTree import ParseError

import networkx as nx

from ..errors import JalinError
from ..fileio import atomic_open
from .sanitize import sanitize_graph, with_reserved

__all__ = ["write_graphml", "read_graphml"]

# G.graph["id"] becomes the <graph id="..."> XML attribute and is not read back as data.
_RESERVED = {"graph": ("id", "node_default", "edge_default")}


def write_graphml(G: nx.Graph, path: str | os.PathLike[str], *, sanitized: bool = False) -> Path:
    """Write ``G`` (graph, node and edge attributes) to ``path`` as GraphML, atomically.

    ``G`` is not modified. Returns the path written. ``sanitized``: ``G`` is already the result
    of :func:`~graph.export.sanitize.sanitize_graph` (not done again).

    >>> write_graphml(G, "out/graph.graphml")  # doctest: +SKIP
    PosixPath('out/graph.graphml')
    """
    H = with_reserved(G, _RESERVED) if sanitized else sanitize_graph(G, reserved=_RESERVED)
    target = Path(path)
    with atomic_open(target, "wb") as fh:
        # Python ints are declared attr.type="long", floats "double"; networkx reads both back.
        nx.write_graphml(H, fh, encoding="utf-8", prettyprint=True)
    return target


def read_graphml(path: str | os.PathLike[str]) -> nx.Graph:
    """Read a GraphML file written by :func:`write_graphml` (or by another tool).

    Node ids stay strings; attribute values come back as ``str``, ``int``, ``float`` or ``bool``
    according to the declared GraphML types. Raises :class:`JalinError` if the file is missing
    or is not GraphML.

    >>> G = read_graphml("out/graph.graphml")  # doctest: +SKIP
    """
    source = Path(path)
    if not source.is_file():
        raise JalinError("no such file" if not source.exists() else "not a file", str(source))
    try:
        G = nx.read_graphml(source, node_type=str)
    except (ParseError, nx.NetworkXError, ValueError, KeyError) as exc:
        raise JalinError(f"not a readable GraphML file ({exc})", str(source)) from exc
    except OSError as exc:
        raise JalinError(f"cannot read ({exc.strerror})", str(source)) from exc
    # networkx adds empty dicts for GraphML <default> values; keep G.graph flat (str/int/float).
    for key in ("node_default", "edge_default"):
        if not G.graph.get(key):
            G.graph.pop(key, None)
    return G
