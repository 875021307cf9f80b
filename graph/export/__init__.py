"""Writers (and readers) for the formats Jalin produces, one module per format.

>>> from graph.export import write_outputs
>>> write_outputs(G, "out", formats=("graphml", "json", "csv"))  # doctest: +SKIP
[PosixPath('out/graph.graphml'), PosixPath('out/graph.json'), PosixPath('out/nodes.csv'),
 PosixPath('out/edges.csv')]
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from ..errors import JalinError
from .csv import write_csv
from .gexf import write_gexf
from .graphml import read_graphml, write_graphml
from .json import read_json, write_json
from .sanitize import is_sanitized, sanitize_graph

__all__ = [
    "FORMATS",
    "read_graphml",
    "read_json",
    "sanitize_graph",
    "write_csv",
    "write_gexf",
    "write_graphml",
    "write_json",
    "write_outputs",
]

FORMATS: dict[str, str] = {
    "graphml": "graph.graphml",
    "json": "graph.json",
    "gexf": "graph.gexf",
    "csv": "nodes.csv, edges.csv",
}
"""Format name -> file name(s) that :func:`write_outputs` writes in the output folder."""


def write_outputs(G: nx.Graph, out_dir: str | os.PathLike[str],
                  formats: Iterable[str] = ("graphml", "json")) -> list[Path]:
    """Write ``G`` into ``out_dir`` in each of ``formats``; return the paths written, in order.

    Formats are ``graphml`` (``graph.graphml``), ``json`` (``graph.json``), ``gexf``
    (``graph.gexf``) and ``csv`` (``nodes.csv`` and ``edges.csv``); names are case-insensitive
    and repeats are ignored. An unknown name raises :class:`JalinError` before anything is
    written.

    >>> write_outputs(G, "out", formats=["graphml", "gexf"])  # doctest: +SKIP
    [PosixPath('out/graph.graphml'), PosixPath('out/graph.gexf')]
    """
    if isinstance(formats, str):
        formats = [formats]
    wanted: list[str] = []
    for fmt in formats:
        name = str(fmt).strip().lower()
        if name not in FORMATS:
            known = ", ".join(FORMATS)
            raise JalinError(f"unknown output format {fmt!r} (choose from {known})")
        if name not in wanted:
            wanted.append(name)
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise JalinError("output path is a file, expected a folder", str(out))
    paths: list[Path] = []
    # once for every format, and not copied when nothing in it needs changing
    H = G if is_sanitized(G) else sanitize_graph(G)
    for name in wanted:
        if name == "graphml":
            paths.append(write_graphml(H, out / "graph.graphml", sanitized=True))
        elif name == "json":
            paths.append(write_json(H, out / "graph.json", sanitized=True))
        elif name == "gexf":
            paths.append(write_gexf(G, out / "graph.gexf"))
        else:
            paths.extend(write_csv(G, out))
    return paths
