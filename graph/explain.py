"""Why a node is what it is: the merges behind it and the near misses kept apart.

``jalin build`` writes ``resolution.json`` beside the graph: every merge (surface form, node, rule,
evidence), every near miss, and the name -> id table that keeps node ids stable when the same
output folder is built again with more articles. ``jalin explain NAME [DIR]`` reads it back.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from .errors import JalinError
from .fileio import write_text_atomic
from .records import Resolution
from .resolve import normalize_key

RESOLUTION_FILE = "resolution.json"


def resolution_record(resolution: Resolution) -> dict[str, Any]:
    """A JSON-ready record of a resolution's merges, near misses and ids."""
    from . import __version__

    return {
        "jalin_version": __version__,
        "merges": [{"node": m.entity_id, "surface": m.surface, "rule": m.rule,
                    "evidence": m.evidence} for m in resolution.merges],
        "near_misses": [{"a": n.a, "b": n.b, "reason": n.reason}
                        for n in resolution.near_misses],
        "key_ids": dict(sorted(resolution.key_ids.items())),
    }


def write_resolution(resolution: Resolution, path: str | Path) -> Path:
    """Write :func:`resolution_record` as JSON, atomically."""
    write_text_atomic(path, json.dumps(resolution_record(resolution), ensure_ascii=False,
                                       indent=1) + "\n")
    return Path(path)


def write_merge_report(resolution: Resolution, path: str | Path) -> Path:
    """Every merge as JSON lines (``jalin build --resolve-report FILE``), atomically."""
    lines = [json.dumps(merge, ensure_ascii=False)
             for merge in resolution_record(resolution)["merges"]]
    write_text_atomic(path, "".join(line + "\n" for line in lines))
    return Path(path)


def read_resolution(path: str | Path) -> dict[str, Any]:
    """Read a ``resolution.json``; a missing file is an empty record."""
    path = Path(path)
    if not path.exists():
        return {"merges": [], "near_misses": [], "key_ids": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise JalinError(f"cannot read resolution record ({exc})", str(path)) from None
    if not isinstance(data, dict) or not isinstance(data.get("key_ids", {}), dict):
        raise JalinError("not a Jalin resolution record", str(path))
    return data


def find_node(G: nx.Graph, name: str) -> str:
    """The node whose label or alias is ``name`` (case, spacing and punctuation ignored).

    >>> G = nx.Graph(); G.add_node("person:jack-ma", label="Jack Ma", aliases="Jack Ma | Ma")
    >>> find_node(G, "jack ma")
    'person:jack-ma'
    """
    key = normalize_key(name)
    by_label = [n for n, d in G.nodes(data=True) if normalize_key(str(d.get("label", n))) == key]
    if len(by_label) == 1:
        return by_label[0]
    by_alias = [n for n, d in G.nodes(data=True)
                if key in {normalize_key(a) for a in str(d.get("aliases", "")).split(" | ")}]
    found = by_label or by_alias
    if not found:
        raise JalinError(f"no node is called {name!r}")
    if len(found) > 1:
        labels = ", ".join(f"{G.nodes[n].get('label', n)} ({n})" for n in sorted(found))
        raise JalinError(f"{name!r} names several nodes: {labels}")
    return found[0]


def explain(G: nx.Graph, record: Mapping[str, Any], name: str) -> dict[str, Any]:
    """What was merged into the node called ``name``, and what was kept apart from it."""
    node = find_node(G, name)
    data = G.nodes[node]
    merges = [m for m in record.get("merges", []) if m.get("node") == node]
    near = []
    for miss in record.get("near_misses", []):
        if node in (miss.get("a"), miss.get("b")):
            other = miss["b"] if miss.get("a") == node else miss["a"]
            label = G.nodes[other].get("label", other) if other in G else other
            near.append({"node": other, "label": label, "reason": miss.get("reason", "")})
    return {"node": node, "label": data.get("label", node), "type": data.get("type", ""),
            "mentions": data.get("mentions", 0), "docs": data.get("docs", 0),
            "aliases": [a for a in str(data.get("aliases", "")).split(" | ") if a],
            "roles": [r for r in str(data.get("roles", "")).split(" | ") if r],
            "merges": merges, "near_misses": near}


def format_explanation(info: Mapping[str, Any]) -> str:
    """The text ``jalin explain`` prints."""
    lines = [f"{info['label']}  ({info['type']}, {info['node']}): {info['mentions']} mentions "
             f"in {info['docs']} documents"]
    if info["roles"]:
        lines.append("roles: " + " | ".join(info["roles"]))
    lines.append("names merged into it:")
    lines.append(f"  {info['label']}  (label)")
    for m in info["merges"]:
        lines.append(f"  {m['surface']}  [{m['rule']}] {m['evidence']}")
    if len(info["merges"]) == 0 and len(info["aliases"]) <= 1:
        lines.append("  (no other name)")
    lines.append("kept apart:")
    if not info["near_misses"]:
        lines.append("  (no near miss)")
    for n in info["near_misses"]:
        lines.append(f"  {n['label']} ({n['node']}): {n['reason']}")
    return "\n".join(lines)
