"""Graph -> one self-contained HTML page that opens with no network.

The page is Jalin's own Jinja template (``viz/templates/page.html``) with every script and style
inlined: vis-network's JS and CSS are read at render time from the installed ``pyvis`` package
(never copied into this repository), Jalin's own CSS and JS come from ``viz/static``. The graph
itself travels as one JSON document in a ``<script type="application/json">`` block, escaped so
that corpus text can never close the block; the page's script builds every tooltip and panel with
DOM APIs (``textContent``), never ``innerHTML``.

>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_node("person:ani", label="Ani Wijaya", type="PERSON")
>>> "Ani Wijaya" in html_page(G)
True
"""

from __future__ import annotations

import importlib.resources
import json
import math
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx

from graph.analysis import pagerank
from graph.errors import JalinError
from graph.fileio import write_text_atomic

from .layout import spring_positions

__all__ = [
    "COMMUNITY_COLORS",
    "PHYSICS_MAX_NODES",
    "TYPE_STYLES",
    "html_page",
    "render_html",
]

VIS_VERSION = "9.1.2"
"""The vis-network build shipped inside pyvis 0.3.2 that the page inlines."""

PHYSICS_MAX_NODES = 1000
"""Above this many nodes the browser gets Python-computed positions and no physics."""

TYPE_STYLES: dict[str, dict[str, str]] = {
    # Okabe-Ito colours (safe for the common colour-vision deficiencies), plus a distinct shape
    # per type so that the type stays readable without colour (and when colouring by community).
    "PERSON": {"color": "#0072B2", "shape": "dot", "name": "Person"},
    "ORG": {"color": "#E69F00", "shape": "square", "name": "Organisation"},
    "LOC": {"color": "#009E73", "shape": "triangle", "name": "Place"},
    "EVENT": {"color": "#D55E00", "shape": "star", "name": "Event"},
    "CONCEPT": {"color": "#CC79A7", "shape": "diamond", "name": "Concept"},
}
OTHER_STYLE: dict[str, str] = {"color": "#8C8C8C", "shape": "dot", "name": "Other"}

COMMUNITY_COLORS: tuple[str, ...] = (
    # Okabe-Ito followed by Paul Tol's "muted" scheme; communities beyond these reuse the cycle.
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
    "#332288", "#88CCEE", "#117733", "#DDCC77", "#CC6677", "#AA4499", "#44AA99", "#882255",
)

COLOR_BY = ("type", "community")
SIZE_BY = ("degree", "weighted_degree", "mentions", "docs", "pagerank")

NODE_SIZE = (9, 32)
"""Pixel range of node sizes (vis-network ``scaling``)."""
EDGE_WIDTH = (1, 8)
"""Pixel range of edge widths: 1 px for weight 1, growing with log(weight), capped."""
FONT_SIZE = (13, 22)
"""Label font range for small graphs: bigger nodes get bigger labels (the top grows with size)."""

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")
_CLOSE_SCRIPT_RE = re.compile(r"</(script)", re.IGNORECASE)
_CLOSE_STYLE_RE = re.compile(r"</(style)", re.IGNORECASE)


# ----------------------------------------------------------------------------- public API


def render_html(
    G: nx.Graph,
    path: str | Path,
    *,
    color_by: str = "type",
    size_by: str = "degree",
    title: str | None = None,
    physics: bool | None = None,
    seed: int = 0,
) -> Path:
    """Write ``G`` as one self-contained interactive HTML page and return its path.

    The write is atomic (temporary file, then rename). See :func:`html_page` for the options.

    >>> render_html(G, "out/graph.html", color_by="community", size_by="pagerank")  # doctest: +SKIP
    PosixPath('out/graph.html')
    """
    page = html_page(G, color_by=color_by, size_by=size_by, title=title, physics=physics,
                     seed=seed)
    target = Path(path)
    write_text_atomic(target, page)
    return target


def html_page(
    G: nx.Graph,
    *,
    color_by: str = "type",
    size_by: str = "degree",
    title: str | None = None,
    physics: bool | None = None,
    seed: int = 0,
) -> str:
    """Return the HTML page for ``G`` as a string.

    ``color_by`` is ``"type"`` (node type, with a legend) or ``"community"`` (the ``community``
    attribute). ``size_by`` is one of ``degree``, ``weighted_degree``, ``mentions``, ``docs`` or
    ``pagerank``; when the attribute is missing it is computed from the graph (degree, weighted
    degree, PageRank) or taken as 1. ``title`` defaults to ``G.graph["name"]``. ``physics``
    ``None`` means: vis-network physics for up to :data:`PHYSICS_MAX_NODES` nodes (stabilised, then
    switched off), fixed Python positions above that; ``True``/``False`` force either. ``seed``
    makes the layout reproducible.
    """
    if color_by not in COLOR_BY:
        raise JalinError(f"color_by must be one of {', '.join(COLOR_BY)}, not {color_by!r}")
    if size_by not in SIZE_BY:
        raise JalinError(f"size_by must be one of {', '.join(SIZE_BY)}, not {size_by!r}")
    if G.is_directed() or G.is_multigraph():
        G = nx.Graph(G)
    use_physics = G.number_of_nodes() <= PHYSICS_MAX_NODES if physics is None else bool(physics)
    heading = title if title is not None else str(G.graph.get("name") or "Jalin graph")
    data = graph_payload(G, color_by=color_by, size_by=size_by, physics=use_physics, seed=seed,
                         title=heading)
    template = _environment().get_template("page.html")
    return template.render(
        title=heading,
        data_json=_script_json(data),
        vis_css=_inline_css(_pyvis_asset("vis-network.css")),
        vis_js=_inline_js(_pyvis_asset("vis-network.min.js")),
        jalin_css=_inline_css(_static("jalin.css")),
        jalin_js=_inline_js(_static("jalin.js")),
        facts=data["facts"],
        view=data["view"],
        empty=G.number_of_nodes() == 0,
    )


# ----------------------------------------------------------------------------- page data


def graph_payload(
    G: nx.Graph,
    *,
    color_by: str = "type",
    size_by: str = "degree",
    physics: bool = True,
    seed: int = 0,
    title: str = "Jalin graph",
) -> dict[str, Any]:
    """The JSON document the page's script reads: nodes, edges, documents, legend, options.

    Plain data only (str, int, float, list, dict), so it goes through ``json.dumps``.
    """
    keys = list(G.nodes)
    index = {key: i for i, key in enumerate(keys)}
    size_values = _size_values(G, size_by)
    positions = _positions(G, seed) if G.number_of_nodes() else {}
    documents = _documents(G.graph.get("documents"))

    communities: dict[int, int] = {}
    if color_by == "community":
        for _, attrs in G.nodes(data=True):
            c = _int_or_none(attrs.get("community"))
            if c is not None:
                communities[c] = communities.get(c, 0) + 1
    community_order = sorted(communities, key=lambda c: (-communities[c], c))
    community_color = {c: COMMUNITY_COLORS[i % len(COMMUNITY_COLORS)]
                       for i, c in enumerate(community_order)}

    nodes: list[dict[str, Any]] = []
    used_docs: set[str] = set()
    type_counts: dict[str, int] = {}
    for i, key in enumerate(keys):
        attrs = G.nodes[key]
        label = _text(attrs.get("label")) or _text(key)
        ntype = _text(attrs.get("type")).upper() or "OTHER"
        type_counts[ntype] = type_counts.get(ntype, 0) + 1
        style = TYPE_STYLES.get(ntype, OTHER_STYLE)
        community = _int_or_none(attrs.get("community"))
        if color_by == "community":
            color = community_color.get(community, OTHER_STYLE["color"])  # type: ignore[arg-type]
        else:
            color = style["color"]
        doc_ids = [d for d in (_text(x) for x in _json_list(attrs.get("doc_ids"))) if d]
        used_docs.update(doc_ids)
        aliases = _split_list(attrs.get("aliases"))
        node: dict[str, Any] = {
            "id": i,
            "key": _text(key),
            "label": label,
            "type": ntype,
            "shape": style["shape"],
            "color": color,
            "value": size_values[key],
            "aliases": [a for a in aliases if a != label],
            "roles": _split_list(attrs.get("roles")),
            "mentions": _int_or_none(attrs.get("mentions")),
            "docs": _int_or_none(attrs.get("docs")),
            "degree": G.degree(key),
            "pagerank": _float_or_none(attrs.get("pagerank")),
            "community": community,
            "first_seen": _text(attrs.get("first_seen")),
            "last_seen": _text(attrs.get("last_seen")),
            "doc_ids": doc_ids,
        }
        if key in positions:
            node["x"], node["y"] = positions[key]
        nodes.append(node)

    edges: list[dict[str, Any]] = []
    for j, (u, v, attrs) in enumerate(G.edges(data=True)):
        weight = _float_or_none(attrs.get("weight"))
        weight = 1.0 if weight is None or weight <= 0 else weight
        evidence = []
        for item in _json_list(attrs.get("evidence")):
            if isinstance(item, Mapping):
                text = _text(item.get("text"))
                doc_id = _text(item.get("doc_id"))
            else:
                text, doc_id = _text(item), ""
            if text:
                evidence.append({"text": text, "doc_id": doc_id})
                if doc_id:
                    used_docs.add(doc_id)
        edges.append({
            "id": j,
            "from": index[u],
            "to": index[v],
            "width": round(min(EDGE_WIDTH[1], EDGE_WIDTH[0] + 1.5 * math.log(max(weight, 1.0))),
                           2),
            "weight": _number(weight),
            "docs": _int_or_none(attrs.get("docs")),
            "npmi": _float_or_none(attrs.get("npmi")),
            "evidence": evidence,
        })

    legend = _legend(color_by, type_counts, community_order, communities, community_color)
    focus_key = _text(G.graph.get("focus"))
    focus = next((i for i, key in enumerate(keys) if _text(key) == focus_key), None) \
        if focus_key else None
    return {
        "title": title,
        "facts": _facts(G, documents, len(nodes), len(edges)),
        "view": _text(G.graph.get("view")),
        "focus": focus,
        "nodes": nodes,
        "edges": edges,
        "documents": {d: documents[d] for d in sorted(used_docs) if d in documents},
        "legend": legend,
        "colorBy": color_by,
        "sizeBy": size_by,
        "physics": physics,
        "options": _vis_options(len(nodes), physics, seed),
    }


def _legend(color_by: str, type_counts: Mapping[str, int], community_order: list[int],
            communities: Mapping[int, int], community_color: Mapping[int, str]) -> dict[str, Any]:
    """Legend rows: every node type present (each gets a filter checkbox) and community colours."""
    order = [t for t in TYPE_STYLES if t in type_counts]
    order += sorted(t for t in type_counts if t not in TYPE_STYLES)
    types = []
    for t in order:
        style = TYPE_STYLES.get(t, OTHER_STYLE)
        color = style["color"] if color_by == "type" else "#5f6368"
        types.append({"type": t, "name": style["name"] if t in TYPE_STYLES else t.title(),
                      "shape": style["shape"], "color": color, "count": type_counts[t]})
    rows = [{"community": c, "color": community_color[c], "count": communities[c]}
            for c in community_order[:len(COMMUNITY_COLORS)]]
    return {"types": types, "communities": rows,
            "moreCommunities": max(0, len(community_order) - len(COMMUNITY_COLORS))}


def _facts(G: nx.Graph, documents: Mapping[str, Any], n_nodes: int,
           n_edges: int) -> dict[str, Any]:
    """Header figures: documents, date span, entities, links."""
    n_docs = _int_or_none(G.graph.get("n_documents"))
    if n_docs is None:
        n_docs = len(documents)
    date_min = _text(G.graph.get("date_min"))
    date_max = _text(G.graph.get("date_max"))
    if not date_min and not date_max:
        dates = sorted(_text(d.get("date")) for d in documents.values() if _text(d.get("date")))
        if dates:
            date_min, date_max = dates[0], dates[-1]
    return {"documents": n_docs, "date_min": date_min, "date_max": date_max,
            "entities": n_nodes, "edges": n_edges}


def _vis_options(n_nodes: int, physics: bool, seed: int) -> dict[str, Any]:
    """vis-network options for the page (the script switches physics off once stable)."""
    return {
        "autoResize": True,
        "layout": {"randomSeed": seed, "improvedLayout": False},
        "nodes": {
            "borderWidth": 1,
            "borderWidthSelected": 3,
            "color": {"border": "#ffffff"},
            "font": {"face": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
                     "color": "#1f2328", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {
                "min": NODE_SIZE[0], "max": NODE_SIZE[1],
                # bigger graphs are drawn zoomed out: the hubs' labels grow so they stay legible
                "label": {"enabled": True, "min": FONT_SIZE[0],
                          "max": min(48, FONT_SIZE[1] + n_nodes // 20),
                          "maxVisible": 30, "drawThreshold": 6},
            },
        },
        "edges": {
            "color": {"color": "#b8bec6", "highlight": "#3d4450", "hover": "#6b7380",
                      "opacity": 0.8},
            "smooth": False,
            "selectionWidth": 1.5,
            "hoverWidth": 1,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": n_nodes > 300,
                        "multiselect": False, "navigationButtons": False, "keyboard": False},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.008,
                                 "springLength": 110, "springConstant": 0.06, "damping": 0.5,
                                 "avoidOverlap": 0.4},
            "maxVelocity": 60,
            "minVelocity": 0.75,
            "stabilization": {"enabled": physics, "iterations": _stabilization_iterations(n_nodes),
                              "updateInterval": 25, "fit": True},
        },
    }


def _stabilization_iterations(n_nodes: int) -> int:
    """Physics steps before the page is shown: the Python layout is the start, so big graphs
    need only a short polish (each step costs O(n log n) in the browser)."""
    if n_nodes <= 200:
        return 600
    if n_nodes <= 400:
        return 300
    return 120


# ----------------------------------------------------------------------------- sizes, layout


def _size_values(G: nx.Graph, size_by: str) -> dict[Any, float]:
    """A number per node for ``size_by``, square-rooted so areas (not radii) follow the data."""
    raw: dict[Any, float] = {}
    have_attr = any(_float_or_none(a.get(size_by)) is not None for _, a in G.nodes(data=True))
    computed: Mapping[Any, float] = {}
    if not have_attr:
        if size_by == "degree":
            computed = dict(G.degree())
        elif size_by == "weighted_degree":
            computed = dict(G.degree(weight="weight"))
        elif size_by == "pagerank" and G.number_of_edges():
            computed = _pagerank(G)
    for node, attrs in G.nodes(data=True):
        value = _float_or_none(attrs.get(size_by)) if have_attr else computed.get(node)
        raw[node] = max(0.0, float(value)) if value is not None else 1.0
    return {node: round(math.sqrt(v), 6) for node, v in raw.items()}


def _pagerank(G: nx.Graph) -> dict[Any, float]:
    """PageRank on weights, computed when the graph did not bring its own."""
    return pagerank(G)


def _positions(G: nx.Graph, seed: int) -> dict[Any, tuple[float, float]]:
    """Deterministic starting positions in vis-network pixels.

    Used as the start of the physics simulation (so no random start, and vis-network's slow
    "improved layout" is skipped) and as the final layout when physics is off.
    """
    return spring_positions(G, seed=seed, weight="weight")


# ----------------------------------------------------------------------------- attribute parsing


def _text(value: Any) -> str:
    """A display string: ``None`` and NaN become ``""``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _number(value: float) -> int | float:
    """``3.0`` -> ``3``; other floats unchanged."""
    return int(value) if float(value).is_integer() else value


def _float_or_none(value: Any) -> float | None:
    """A finite float from an int, float or numeric string; otherwise ``None``."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _int_or_none(value: Any) -> int | None:
    """An int from an int, integral float or numeric string; otherwise ``None``."""
    number = _float_or_none(value)
    return int(number) if number is not None and number.is_integer() else None


def _split_list(value: Any) -> list[str]:
    """``"a | b"`` (or a list, or a JSON list) -> ``["a", "b"]``, without blanks or repeats."""
    if value is None:
        return []
    if isinstance(value, str):
        stripped = value.strip()
        items: Iterable[Any] = (_json_list(stripped) if stripped.startswith("[")
                                else stripped.split(" | "))
    elif isinstance(value, (list, tuple, set)):
        items = value
    else:
        items = [value]
    out: list[str] = []
    for item in items:
        text = _text(item).strip()
        if text and text not in out:
            out.append(text)
    return out


def _json_list(value: Any) -> list[Any]:
    """A JSON-encoded list attribute (or an actual list) -> list; anything unreadable -> []."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, str):
        try:
            decoded = json.loads(value)
        except ValueError:
            return []
        return decoded if isinstance(decoded, list) else []
    return []


def _documents(value: Any) -> dict[str, dict[str, str]]:
    """``G.graph["documents"]`` (JSON object string or dict) -> ``{doc_id: {title, ...}}``."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    if not isinstance(value, Mapping):
        return {}
    out: dict[str, dict[str, str]] = {}
    for doc_id, meta in value.items():
        if not isinstance(meta, Mapping):
            continue
        out[str(doc_id)] = {k: _text(meta.get(k)) for k in ("title", "source", "date", "url")}
    return out


# ----------------------------------------------------------------------------- page assembly


def _script_json(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: ``<``, ``>``, ``&``, U+2028/9 escaped.

    The result is marked safe for Jinja: it contains no character HTML would interpret.
    """
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


def _inline_js(source: str) -> str:
    """JavaScript safe to place between ``<script>`` tags.

    ``</script`` can only occur inside a JS string, regex or comment, where ``<\\/script`` means
    the same; ``<!--`` would switch the HTML parser into a legacy mode, so the build must not have
    it.
    """
    if "<!--" in source:
        raise JalinError("cannot inline a script containing '<!--'")
    return _CLOSE_SCRIPT_RE.sub(r"<\\/\1", source)


def _inline_css(source: str) -> str:
    """CSS safe to place between ``<style>`` tags."""
    return _CLOSE_STYLE_RE.sub(r"\\3c/\1", source)


def _pyvis_asset(name: str) -> str:
    """Read one vis-network file from the installed pyvis package (not from this repository)."""
    try:
        resource = (importlib.resources.files("pyvis") / "templates" / "lib"
                    / f"vis-{VIS_VERSION}" / name)
        return resource.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        raise JalinError(f"cannot read vis-network {VIS_VERSION} from the installed pyvis "
                         f"package ({exc}); install pyvis==0.3.2") from exc


def _static(name: str) -> str:
    """Read one of Jalin's own page files from ``viz/static``."""
    return (importlib.resources.files("viz") / "static" / name).read_text(encoding="utf-8")


_ENV: jinja2.Environment | None = None


def _environment() -> jinja2.Environment:
    """The Jinja environment for ``viz/templates`` (autoescaping on)."""
    global _ENV
    if _ENV is None:
        _ENV = jinja2.Environment(
            loader=jinja2.PackageLoader("viz", "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
        )
    return _ENV
