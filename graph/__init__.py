"""Jalin: knowledge graphs from news text.

The public API, loaded lazily so that ``import graph`` stays fast::

    import graph
    nlp = graph.load_pipeline()              # spaCy Language for Indonesian news
    G = graph.build(["seeds/"])              # networkx.Graph
    graph.write_graphml(G, "out/graph.graphml")
    graph.render_html(G, "out/graph.html")
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "JalinError": "graph.errors",
    "Document": "graph.records",
    "Mention": "graph.records",
    "DocMentions": "graph.records",
    "Entity": "graph.records",
    "Merge": "graph.records",
    "read_documents": "graph.ingest",
    "clean_document": "graph.clean",
    "load_pipeline": "graph.nlp.pipeline",
    "extract_mentions": "graph.mentions",
    "resolve": "graph.resolve",
    "cooccurrence_graph": "graph.cooccur",
    "analyze": "graph.analysis",
    "top_entities": "graph.analysis",
    "backbone": "graph.analysis",
    "format_stats": "graph.stats",
    "write_outputs": "graph.export",
    "build": "graph.workflow",
    "write_graphml": "graph.export.graphml",
    "read_graphml": "graph.export.graphml",
    "write_gexf": "graph.export.gexf",
    "write_json": "graph.export.json",
    "read_json": "graph.export.json",
    "write_csv": "graph.export.csv",
    "render_html": "viz.html",
    "strongest_path": "graph.paths",
    "describe_path": "graph.paths",
    "select_view": "graph.subgraph",
    "explain": "graph.explain",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'graph' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
