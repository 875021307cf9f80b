"""Two CSV files, ``nodes.csv`` and ``edges.csv``, for spreadsheets and graph-database bulk import.

Both are UTF-8 (no BOM), comma-separated, with a header row and RFC 4180 quoting (fields holding a
comma, quote, CR or LF are quoted; quotes are doubled; lines end in CRLF). Columns:

* ``nodes.csv``: ``id``, ``label``, ``type``, then every other node attribute (sorted by name);
* ``edges.csv``: ``source``, ``target``, ``weight``, then every other edge attribute (sorted).

A missing value is an empty field; booleans are ``true``/``false``; floats are written with full
precision (``repr``). Values are sanitized first (:mod:`graph.export.sanitize`), so ``aliases`` is
a ``" | "``-joined string and ``evidence`` a JSON list. A node attribute named ``id`` or an edge
attribute named ``source``/``target`` is written as ``id_``/``source_``/``target_``.

Neo4j, online (``LOAD CSV``; copy both files into the database's ``import`` folder)::

    CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
    LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
    MERGE (e:Entity {id: row.id})
    SET e.label = row.label, e.type = row.type, e.aliases = row.aliases,
        e.mentions = toInteger(row.mentions), e.pagerank = toFloat(row.pagerank),
        e.community = toInteger(row.community);
    LOAD CSV WITH HEADERS FROM 'file:///edges.csv' AS row
    MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
    MERGE (a)-[r:CO_OCCURS]-(b)
    SET r.weight = toInteger(row.weight), r.npmi = toFloat(row.npmi), r.evidence = row.evidence;

Neo4j, offline bulk import: write with ``write_csv(G, "out", neo4j=True)``, which types the header
(``id:ID``, ``mentions:long``, ``pagerank:double``, ``:START_ID``, ``:END_ID``, ...) and adds a
``:LABEL`` column (``Entity;PERSON``) and a ``:TYPE`` column (``CO_OCCURS``), then::

    neo4j-admin database import full --nodes=import/nodes.csv \\
        --relationships=import/edges.csv --multiline-fields=true neo4j

(``--multiline-fields`` only matters if a value contains a line break.)

>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_node("org:kominfo", label="Kominfo", type="ORG")
>>> G.add_node("person:rudiantara", label="Rudiantara", type="PERSON", roles="Menkominfo")
>>> G.add_edge("org:kominfo", "person:rudiantara", weight=4)
>>> write_csv(G, "out")  # doctest: +SKIP
(PosixPath('out/nodes.csv'), PosixPath('out/edges.csv'))
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any

import networkx as nx

from ..fileio import atomic_open
from .sanitize import Scalar, sanitize_graph

__all__ = ["write_csv", "NODE_COLUMNS", "EDGE_COLUMNS"]

NODE_COLUMNS = ("id", "label", "type")
"""The first columns of ``nodes.csv``, always present."""
EDGE_COLUMNS = ("source", "target", "weight")
"""The first columns of ``edges.csv``, always present."""

_RESERVED = {"node": ("id",), "edge": ("source", "target")}
_NEO4J_TYPES = {bool: "boolean", int: "long", float: "double"}


def _cell(value: Scalar | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _columns(first: tuple[str, ...], rows: list[dict[str, Any]]) -> list[str]:
    extra = sorted({key for row in rows for key in row} - set(first))
    return [*first, *extra]


def _neo4j_header(columns: list[str], rows: list[dict[str, Any]],
                  special: dict[str, str]) -> list[str]:
    header = []
    for col in columns:
        if col in special:
            header.append(special[col])
            continue
        kind = next((type(row[col]) for row in rows if col in row), str)
        suffix = _NEO4J_TYPES.get(kind)
        header.append(f"{col}:{suffix}" if suffix else col)
    return header


def write_csv(G: nx.Graph, out_dir: str | os.PathLike[str], *, neo4j: bool = False
              ) -> tuple[Path, Path]:
    """Write ``out_dir/nodes.csv`` and ``out_dir/edges.csv``; return their paths.

    Both files are replaced atomically: if an error occurs while writing, neither file
    changes. With ``neo4j=True`` the headers use ``neo4j-admin database import`` syntax (see the
    module docstring). ``G`` is not modified.

    >>> nodes_csv, edges_csv = write_csv(G, "out")  # doctest: +SKIP
    """
    H = sanitize_graph(G, reserved=_RESERVED)
    out = Path(out_dir)
    nodes_path, edges_path = out / "nodes.csv", out / "edges.csv"

    node_rows = [{"id": n, **d} for n, d in H.nodes(data=True)]
    edge_rows = [{"source": u, "target": v, **d} for u, v, d in H.edges(data=True)]
    node_cols = _columns(NODE_COLUMNS, node_rows)
    edge_cols = _columns(EDGE_COLUMNS, edge_rows)
    if neo4j:
        node_header = [*_neo4j_header(node_cols, node_rows, {"id": "id:ID"}), ":LABEL"]
        edge_header = [*_neo4j_header(edge_cols, edge_rows,
                                      {"source": ":START_ID", "target": ":END_ID"}), ":TYPE"]
    else:
        node_header, edge_header = node_cols, edge_cols

    with atomic_open(nodes_path, "w", encoding="utf-8", newline="") as nfh, \
            atomic_open(edges_path, "w", encoding="utf-8", newline="") as efh:
        writer = csv.writer(nfh, lineterminator="\r\n")
        writer.writerow(node_header)
        for row in node_rows:
            cells = [_cell(row.get(col)) for col in node_cols]
            if neo4j:
                kind = str(row.get("type") or "").replace(";", "_")
                cells.append(f"Entity;{kind}" if kind else "Entity")
            writer.writerow(cells)
        writer = csv.writer(efh, lineterminator="\r\n")
        writer.writerow(edge_header)
        for row in edge_rows:
            cells = [_cell(row.get(col)) for col in edge_cols]
            if neo4j:
                cells.append("CO_OCCURS")
            writer.writerow(cells)
    return nodes_path, edges_path
