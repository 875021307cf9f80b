"""Attribute coercion shared by every exporter.

GraphML, GEXF, node-link JSON and CSV each accept a narrower set of values than a networkx graph
can hold. :func:`sanitize_graph` returns a copy of a graph in which every node id, attribute name
and attribute value is something all four formats write and read back unchanged:

* node ids and attribute names are ``str``;
* values are ``str``, ``int``, ``float`` or ``bool``;
* lists, tuples and sets of plain scalars become one ``" | "``-joined string (sets are sorted);
  a sequence holding dicts or lists, or a string that itself contains ``" | "``, becomes a JSON
  list instead, so that it can be split again without ambiguity;
* dicts become JSON objects (``ensure_ascii=False``, keys sorted);
* ``None``, NaN and ±inf are dropped (the attribute is absent, as if never set): strict JSON
  has no way to write them;
* numpy scalars become the matching Python value, numpy arrays become lists (then as above);
* dates and datetimes become ISO strings; any other object becomes ``str(value)``;
* every string loses the characters XML 1.0 forbids (C0 controls except tab, newline and carriage
  return, lone surrogates, U+FFFE and U+FFFF), so the XML formats can always be parsed again;
* each attribute name carries ONE type per scope (graph, node, edge): ``bool`` with ``int`` gives
  ``int``, any numbers with a ``float`` give ``float``, anything mixed with ``str`` gives ``str``
  (``str(value)``). networkx would otherwise declare the GraphML key twice.

>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_node(1, aliases=["Jokowi", "Joko Widodo"], score=1)
>>> G.add_node(2, score=0.5, note=None)
>>> H = sanitize_graph(G)
>>> H.nodes["1"]
{'aliases': 'Jokowi | Joko Widodo', 'score': 1.0}
>>> H.nodes["2"]
{'score': 0.5}
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from ..errors import JalinError

__all__ = ["JOIN", "clean_text", "sanitize_value", "sanitize_attrs", "sanitize_graph",
           "is_sanitized", "with_reserved"]

JOIN = " | "
"""Separator for list-valued attributes (``aliases``, ``roles``)."""

Scalar = str | int | float | bool

# Everything outside the XML 1.0 Char production.
_XML_INVALID = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean_text(text: str) -> str:
    """Remove the characters that XML 1.0 cannot carry (and UTF-8 cannot encode).

    >>> clean_text("Jakarta\\x00\\x1b[0m ok\\ufffe")
    'Jakarta[0m ok'
    """
    return _XML_INVALID.sub("", text)


def _plain(value: Any) -> Any:
    """Turn numpy scalars/arrays and dates into plain Python values; leave the rest."""
    if isinstance(value, (_dt.date, _dt.time)):  # datetime is a date
        return value.isoformat()
    module = type(value).__module__
    is_numpy = module == "numpy" or module.startswith("numpy.")
    if is_numpy and hasattr(value, "tolist"):  # ndarray and numpy scalars alike
        return value.tolist()
    return value


def _jsonable(value: Any) -> Any:
    """Recursively convert ``value`` into something :func:`json.dumps` accepts."""
    value = _plain(value)
    if value is None or isinstance(value, (bool, int, str)):
        return clean_text(value) if isinstance(value, str) else value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {clean_text(str(k)): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return [_jsonable(v) for v in sorted(value, key=str)]
    if isinstance(value, Iterable) and not isinstance(value, (bytes, bytearray)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return clean_text(bytes(value).decode("utf-8", errors="replace"))
    return clean_text(str(value))


def _dumps(value: Any) -> str:
    return json.dumps(_jsonable(value), ensure_ascii=False, sort_keys=True)


def sanitize_value(value: Any) -> Scalar | None:
    """Coerce one attribute value to ``str``/``int``/``float``/``bool``, or ``None`` to drop it.

    >>> sanitize_value(("DPR", "MPR"))
    'DPR | MPR'
    >>> sanitize_value({"doc_id": "a1", "text": 'Kata "dia"'})
    '{"doc_id": "a1", "text": "Kata \\\\"dia\\\\""}'
    >>> sanitize_value(float("nan")) is None
    True
    """
    kind = type(value)  # the plain types first: a large graph has millions of values
    if kind is str:
        return clean_text(value)
    if kind is int or kind is bool:
        return value
    if kind is float:
        return value if math.isfinite(value) else None
    value = _plain(value)
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value)  # plain int, also for int subclasses (IntEnum)
    if isinstance(value, float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, (bytes, bytearray)):
        return clean_text(bytes(value).decode("utf-8", errors="replace"))
    if isinstance(value, Mapping):
        return _dumps(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
        items = [_plain(v) for v in items]
        if all(isinstance(v, (str, int, float)) for v in items):
            texts = [clean_text(v) if isinstance(v, str) else str(v) for v in items]
            if not any(JOIN in t for t in texts):
                return JOIN.join(texts)
        return _dumps(items)
    return clean_text(str(value))


_RANKS = {bool: 0, int: 1, float: 2, str: 3}


def _type_rank(value: Scalar) -> int:
    rank = _RANKS.get(type(value))
    if rank is not None:
        return rank
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return 1
    if isinstance(value, float):
        return 2
    return 3


def _convert(value: Scalar, rank: int) -> Scalar:
    if rank == 3:
        return value if isinstance(value, str) else str(value)
    if rank == 2:
        return float(value)
    if rank == 1:
        return int(value)
    return value


def sanitize_attrs(dicts: list[dict[Any, Any]]) -> list[dict[str, Scalar]]:
    """Sanitize a family of attribute dicts (one scope) and give each key a single type.

    >>> sanitize_attrs([{"x": 1}, {"x": 2.5}, {"y": True, "x": None}])
    [{'x': 1.0}, {'x': 2.5}, {'y': True}]
    >>> sanitize_attrs([{"x": 1}, {"x": "satu"}])
    [{'x': '1'}, {'x': 'satu'}]
    """
    out: list[dict[str, Scalar]] = []
    ranks: dict[str, int] = {}  # the widest type of each name's values
    lowest: dict[str, int] = {}  # and the narrowest
    names: dict[Any, str] = {}  # a family repeats the same few names
    invalid = _XML_INVALID.search
    for attrs in dicts:
        clean: dict[str, Scalar] = {}
        for key, raw in attrs.items():
            name = names.get(key)
            if name is None:
                name = names[key] = clean_text(str(key))
            kind = type(raw)
            if kind is str:  # the common case first, without a call per value
                value: Scalar | None = clean_text(raw) if invalid(raw) else raw
            elif kind is int:
                value = raw
            else:
                value = sanitize_value(raw)
            if value is None or not name:
                continue
            clean[name] = value
            rank = _RANKS.get(type(value)) if kind is not str else 3
            if rank is None:
                rank = _type_rank(value)
            if ranks.get(name, -1) < rank:
                ranks[name] = rank
            if lowest.get(name, 4) > rank:
                lowest[name] = rank
        out.append(clean)
    widen = {name for name, rank in ranks.items() if lowest[name] != rank}
    if widen:  # a name with values of two types: all take the wider one
        for clean in out:
            for name, value in clean.items():
                if name in widen and _type_rank(value) != ranks[name]:
                    clean[name] = _convert(value, ranks[name])
    return out


def _node_id(node: Any) -> str:
    node = _plain(node)
    if isinstance(node, str):
        return clean_text(node)
    if isinstance(node, (tuple, list)):
        return JOIN.join(_node_id(part) for part in node)
    return clean_text(str(node))


def sanitize_graph(G: nx.Graph, *, reserved: Mapping[str, Iterable[str]] | None = None
                   ) -> nx.Graph:
    """Return a sanitized copy of ``G`` (same class); ``G`` itself is not changed.

    ``reserved`` maps a scope (``"graph"``, ``"node"``, ``"edge"``) to attribute names that a
    format uses for itself; such attributes are renamed with a trailing underscore (``id`` ->
    ``id_``) instead of silently overwriting the format's field.

    Raises :class:`JalinError` when two node ids become the same string (``1`` and ``"1"``).

    >>> import networkx as nx
    >>> H = sanitize_graph(nx.path_graph(3))
    >>> list(H.nodes), list(H.edges)
    (['0', '1', '2'], [('0', '1'), ('1', '2')])
    """
    reserved = {scope: set(names) for scope, names in (reserved or {}).items()}

    def rename(attrs: dict[str, Scalar], scope: str) -> dict[str, Scalar]:
        names = reserved.get(scope)
        if not names or not names.intersection(attrs):
            return attrs
        renamed: dict[str, Scalar] = {}
        for key, value in attrs.items():
            new = key
            if new in names:
                new += "_"
                while new in names or new in attrs or new in renamed:
                    new += "_"
            renamed[new] = value
        return renamed

    mapping: dict[Any, str] = {}
    seen: dict[str, Any] = {}
    for node in G.nodes:
        new = _node_id(node)
        if new in seen:
            raise JalinError(f"node ids {seen[new]!r} and {node!r} are both written as {new!r}")
        seen[new] = node
        mapping[node] = new

    H = G.__class__()
    (graph_attrs,) = sanitize_attrs([dict(G.graph)])
    H.graph.update(rename(graph_attrs, "graph"))

    nodes = list(G.nodes(data=True))
    for (node, _), attrs in zip(nodes, sanitize_attrs([d for _, d in nodes]), strict=True):
        H.add_node(mapping[node], **rename(attrs, "node"))

    if G.is_multigraph():
        edges = list(G.edges(keys=True, data=True))
        clean = sanitize_attrs([d for *_, d in edges])
        for (u, v, k, _), attrs in zip(edges, clean, strict=True):
            H.add_edge(mapping[u], mapping[v], key=k, **rename(attrs, "edge"))
    else:
        edges = list(G.edges(data=True))
        clean = sanitize_attrs([d for *_, d in edges])
        for (u, v, _), attrs in zip(edges, clean, strict=True):
            H.add_edge(mapping[u], mapping[v], **rename(attrs, "edge"))
    return H


def _clean_family(dicts: Iterable[dict[Any, Any]]) -> bool:
    """Whether :func:`sanitize_attrs` would return these dicts unchanged."""
    invalid = _XML_INVALID.search
    types: dict[Any, type] = {}
    for attrs in dicts:
        for key, value in attrs.items():
            kind = type(value)
            if kind is str:
                if invalid(value):
                    return False
            elif kind is float:
                if not math.isfinite(value):
                    return False
            elif kind is not int and kind is not bool:
                return False
            known = types.get(key)
            if known is None:
                if type(key) is not str or not key or invalid(key):
                    return False
                types[key] = kind
            elif known is not kind:
                return False
    return True


def is_sanitized(G: nx.Graph) -> bool:
    """Whether :func:`sanitize_graph` would return an equal copy of ``G`` (same ids, attributes,
    value types and order), so a writer may read ``G`` itself: every node id a ``str`` XML can
    carry, every value a ``str``, ``int``, finite ``float`` or ``bool`` and each attribute name
    of one type per scope. Not for multigraphs.

    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_edge("a", "b", weight=2)
    >>> is_sanitized(G)
    True
    >>> G.add_edge("b", "c", weight=0.5)  # int and float under one name: written as floats
    >>> is_sanitized(G)
    False
    """
    if G.is_multigraph():
        return False
    invalid = _XML_INVALID.search
    if any(type(node) is not str or invalid(node) for node in G):
        return False
    return (_clean_family([G.graph]) and _clean_family(d for _, d in G.nodes(data=True))
            and _clean_family(d for *_, d in G.edges(data=True)))


def with_reserved(H: nx.Graph, reserved: Mapping[str, Iterable[str]]) -> nx.Graph:
    """``H``, already the result of :func:`sanitize_graph`, with the ``reserved`` attribute names
    of a format renamed as :func:`sanitize_graph` would: ``H`` itself when it uses none of them
    (then nothing is copied), else a renamed copy.

    >>> import networkx as nx
    >>> H = sanitize_graph(nx.path_graph(2))
    >>> with_reserved(H, {"node": ["id"]}) is H
    True
    """
    names = {scope: set(found) for scope, found in reserved.items()}
    if (names.get("graph", set()) & H.graph.keys()
            or any(names.get("node", set()) & d.keys() for _, d in H.nodes(data=True))
            or any(names.get("edge", set()) & d.keys() for *_, d in H.edges(data=True))):
        return sanitize_graph(H, reserved=reserved)
    return H
