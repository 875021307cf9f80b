"""Round trips for every export format, sanitizing rules and atomic replacement."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import graph.export.csv as csv_mod
import graph.export.graphml as graphml_mod
import graph.export.json as json_mod
from graph.errors import JalinError
from graph.export import (
    read_graphml,
    read_json,
    sanitize_graph,
    write_csv,
    write_gexf,
    write_graphml,
    write_json,
    write_outputs,
)
from graph.export.sanitize import clean_text, is_sanitized, sanitize_value

EVIDENCE = json.dumps(
    [
        {"doc_id": "d1", "text": 'Rudiantara berkata "kami siap"\nbaris kedua'},
        {"doc_id": "d2", "text": "<script>alert('x')</script> & </data> ]]>"},
    ],
    ensure_ascii=False,
)


def schema_graph() -> nx.Graph:
    """A graph with every attribute kind of docs/graph-schema.md."""
    G = nx.Graph()
    G.graph.update(
        name="Jalin graph",
        documents=json.dumps(
            {"d1": {"title": "Menkominfo: \"Internet\" untuk desa", "source": "kompas.com",
                    "date": "2024-02-01", "url": "https://x.id/a?b=1&c=2", "path": "a.txt"},
             "d2": {"title": "Pemilu 2024", "source": "", "date": "", "url": "", "path": "b.txt"}},
            ensure_ascii=False),
        n_documents=2,
        date_min="2024-02-01",
        date_max="2024-02-01",
        window="sentence",
        jalin_version="0.1.0",
    )
    G.add_node("person:rudiantara", label="Rudiantara", type="PERSON",
               aliases="Rudiantara | Chief RA | Pak Rudi", roles="Menkominfo", mentions=7,
               docs=2, doc_ids='["d1", "d2"]', first_seen="2024-02-01", last_seen="2024-02-01")
    G.add_node("org:kementerian-komunikasi-dan-informatika",
               label="Kementerian Komunikasi dan Informatika", type="ORG",
               aliases="Kementerian Komunikasi dan Informatika | Kominfo", roles="", mentions=3,
               docs=1, doc_ids='["d1"]', first_seen="2024-02-01", last_seen="2024-02-01")
    G.add_node("loc:sulawesi-tenggara", label="Sulawesi Tenggara — Kendari ñ ê 日本",
               type="LOC", aliases="Sulawesi Tenggara | Sultra", roles="", mentions=1, docs=1,
               doc_ids='["d2"]', first_seen="", last_seen="", note="hanya di satu simpul")
    G.add_node("concept:pemilu", label="pemilu", type="CONCEPT", aliases="pemilu", roles="",
               mentions=2, docs=1, doc_ids='["d2"]', first_seen="", last_seen="")
    G.add_edge("person:rudiantara", "org:kementerian-komunikasi-dan-informatika", weight=3,
               docs=2, npmi=0.6125, evidence=EVIDENCE)
    G.add_edge("person:rudiantara", "loc:sulawesi-tenggara", weight=1, docs=1, npmi=-0.25,
               evidence="[]")
    G.add_edge("loc:sulawesi-tenggara", "concept:pemilu", weight=2, docs=1, npmi=1.0,
               evidence=EVIDENCE)
    for node, d in G.nodes(data=True):
        d.update(degree=G.degree(node), weighted_degree=G.degree(node, weight="weight"),
                 pagerank=0.25, community=0)
    return G


def hostile_graph() -> nx.Graph:
    """Raw values networkx cannot write, XML-invalid text and very long strings."""
    long_text = ("Panjang sekali ]]> <x/> " * 5000) + "akhir"
    G = nx.Graph(name="bad\x00name\x1b", meta={"k": [1, 2]}, id="graph-id", nothing=None)
    G.add_node("a\x01b", label="ctrl \x00\x07\x0b\x0c\x1f chars\ufffe\ud800 ok\ttab\r\nline",
               aliases=["A", "B", "C"], tags={"z", "y"}, info={"b": 1, "a": [None, 2.5]},
               mixed=1, num=2, flag=True, arr=np.array([1, 2]), npf=np.float64(0.5),
               npi=np.int64(7), gone=None, nan=float("nan"), long=long_text, cdata="]]>",
               pipes=["a | b", "c"], nested=[["x"], {"y": 1}])
    G.add_node(42, label="]]><![CDATA[", mixed="dua", num=2.5, flag=False, id="my-id")
    G.add_node(("tuple", 1), label="tuple id")
    G.add_edge("a\x01b", 42, weight=np.int32(2), evidence=[{"text": "a\x00b"}], npmi=0.5)
    G.add_edge(42, ("tuple", 1), weight=3, source="reserved name", npmi=None)
    return G


def attrs_equal(actual: dict[str, Any], expected: dict[str, Any]) -> None:
    assert actual == expected
    for key, value in expected.items():
        assert type(actual[key]) is type(value), (key, actual[key], value)


def assert_same_graph(H: nx.Graph, S: nx.Graph, graph_attrs: bool = True) -> None:
    """Same node ids (in order), edges, attribute values AND types."""
    assert list(H.nodes) == list(S.nodes)
    for node in S:
        attrs_equal(H.nodes[node], S.nodes[node])
    assert {frozenset(e) for e in H.edges} == {frozenset(e) for e in S.edges}
    for u, v, d in S.edges(data=True):
        attrs_equal(H.edges[u, v], d)
    if graph_attrs:
        attrs_equal(H.graph, S.graph)


# --- sanitize -----------------------------------------------------------------------------------

def test_schema_graph_is_already_clean() -> None:
    G = schema_graph()
    assert_same_graph(sanitize_graph(G), G)


def test_sanitize_rules() -> None:
    S = sanitize_graph(hostile_graph(), reserved={"node": ("id",), "edge": ("source",)})
    a = S.nodes["ab"]
    assert a["label"] == "ctrl  chars ok\ttab\r\nline"
    assert a["aliases"] == "A | B | C"
    assert a["tags"] == "y | z"
    assert json.loads(a["info"]) == {"a": [None, 2.5], "b": 1}
    assert a["arr"] == "1 | 2"
    assert a["npf"] == 0.5 and type(a["npf"]) is float
    assert a["npi"] == 7 and type(a["npi"]) is int
    assert a["flag"] is True and S.nodes["42"]["flag"] is False
    assert "gone" not in a and "nan" not in a
    assert json.loads(a["pipes"]) == ["a | b", "c"]  # JSON when joining would be ambiguous
    assert json.loads(a["nested"]) == [["x"], {"y": 1}]
    # one type per key: int + str -> str, int + float -> float
    assert (a["mixed"], S.nodes["42"]["mixed"]) == ("1", "dua")
    assert (a["num"], S.nodes["42"]["num"]) == (2.0, 2.5) and type(a["num"]) is float
    assert S.nodes["42"]["id_"] == "my-id" and "id" not in S.nodes["42"]
    assert list(S.nodes) == ["ab", "42", "tuple | 1"]
    assert S.edges["ab", "42"]["weight"] == 2 and type(S.edges["ab", "42"]["weight"]) is int
    assert json.loads(S.edges["ab", "42"]["evidence"]) == [{"text": "ab"}]
    assert S.edges["42", "tuple | 1"]["source_"] == "reserved name"
    assert S.graph == {"name": "badname", "meta": '{"k": [1, 2]}', "id": "graph-id"}


def test_sanitize_value_scalars() -> None:
    assert sanitize_value(None) is None
    assert sanitize_value(float("inf")) is None
    assert sanitize_value(b"bytes\x00") == "bytes"
    assert sanitize_value([]) == ""
    assert sanitize_value(np.bool_(True)) is True
    assert clean_text("\U0001F600 emoji\x7f") == "\U0001F600 emoji\x7f"


def test_node_id_collision_is_an_error() -> None:
    G = nx.Graph()
    G.add_nodes_from([1, "1"])
    with pytest.raises(JalinError, match="both written"):
        sanitize_graph(G)


def test_writers_do_not_modify_the_graph(tmp_path: Path) -> None:
    G = hostile_graph()
    before = (dict(G.graph), [(n, dict(d)) for n, d in G.nodes(data=True)])
    write_outputs(G, tmp_path, formats=("graphml", "json", "gexf", "csv"))
    after = (dict(G.graph), [(n, dict(d)) for n, d in G.nodes(data=True)])
    assert repr(before) == repr(after)


# --- GraphML ------------------------------------------------------------------------------------

def test_graphml_round_trip_schema_graph(tmp_path: Path) -> None:
    G = schema_graph()
    path = write_graphml(G, tmp_path / "graph.graphml")
    assert path == tmp_path / "graph.graphml"
    assert_same_graph(read_graphml(path), G)
    # and networkx alone reads the same values
    assert_same_graph(read_graphml(path), nx.read_graphml(path), graph_attrs=False)


def test_graphml_declares_each_key_once_with_its_type(tmp_path: Path) -> None:
    path = write_graphml(hostile_graph(), tmp_path / "g.graphml")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = ET.parse(path).getroot().findall("g:key", ns)
    names = [(k.get("for"), k.get("attr.name")) for k in keys]
    assert len(names) == len(set(names))
    types = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in keys}
    assert types["node", "mixed"] == "string"
    assert types["node", "num"] == "double"
    assert types["node", "npi"] == "long"
    assert types["node", "flag"] == "boolean"
    assert types["edge", "weight"] == "long"


def test_graphml_round_trip_hostile_graph(tmp_path: Path) -> None:
    G = hostile_graph()
    path = write_graphml(G, tmp_path / "g.graphml")
    ET.parse(path)  # well-formed for a strict parser too
    H = read_graphml(path)
    expected = sanitize_graph(G, reserved={"graph": ("id", "node_default", "edge_default")})
    assert_same_graph(H, expected)
    assert H.nodes["ab"]["long"].endswith("akhir") and len(H.nodes["ab"]["long"]) > 100_000
    assert H.nodes["42"]["label"] == "]]><![CDATA["
    assert H.nodes["ab"]["label"].endswith("\r\nline")


def test_graphml_analyzed_ints_stay_ints(tmp_path: Path) -> None:
    H = read_graphml(write_graphml(schema_graph(), tmp_path / "g.graphml"))
    d = H.nodes["person:rudiantara"]
    assert type(d["degree"]) is int and type(d["community"]) is int
    assert type(d["pagerank"]) is float and type(H.graph["n_documents"]) is int
    assert "node_default" not in H.graph


def test_read_graphml_errors(tmp_path: Path) -> None:
    with pytest.raises(JalinError, match="no such file"):
        read_graphml(tmp_path / "missing.graphml")
    bad = tmp_path / "bad.graphml"
    bad.write_text("<graphml><graph>", encoding="utf-8")
    with pytest.raises(JalinError, match="not a readable GraphML"):
        read_graphml(bad)
    with pytest.raises(JalinError, match="not a file"):
        read_graphml(tmp_path)


# --- GEXF ---------------------------------------------------------------------------------------

def _gexf_expected(S: nx.Graph) -> nx.Graph:
    """What nx.read_gexf gives back for sanitized S: label defaults, float weights, edge ids."""
    E = S.copy()
    for node, d in E.nodes(data=True):
        d.setdefault("label", node)
    for i, (_, _, d) in enumerate(E.edges(data=True)):
        if "weight" in d:
            d["weight"] = float(d["weight"])
        d["id"] = str(i)
    return E


def test_gexf_round_trip_schema_graph(tmp_path: Path) -> None:
    G = schema_graph()
    path = write_gexf(G, tmp_path / "graph.gexf")
    H = nx.read_gexf(path)
    assert H.graph["name"] == "Jalin graph"
    assert_same_graph(H, _gexf_expected(G), graph_attrs=False)


def test_gexf_round_trip_hostile_graph(tmp_path: Path) -> None:
    G = hostile_graph()
    path = write_gexf(G, tmp_path / "g.gexf")
    H = nx.read_gexf(path)
    S = sanitize_graph(G, reserved={"node": ("id",)})
    assert_same_graph(H, _gexf_expected(S), graph_attrs=False)
    assert H.graph["name"] == "badname"


def test_gexf_non_numeric_weight_is_renamed(tmp_path: Path) -> None:
    G = nx.Graph()
    G.add_edge("a", "b", weight="berat", type="x")
    H = nx.read_gexf(write_gexf(G, tmp_path / "g.gexf"))
    d = H.edges["a", "b"]
    assert d["weight_"] == "berat" and d["type_"] == "x" and "weight" not in d


# --- JSON ---------------------------------------------------------------------------------------

def test_json_round_trip_schema_graph(tmp_path: Path) -> None:
    G = schema_graph()
    path = write_json(G, tmp_path / "graph.json")
    text = path.read_text(encoding="utf-8")
    assert "Sulawesi Tenggara — Kendari ñ ê 日本" in text  # not ASCII-escaped
    data = json.loads(text)
    assert set(data) >= {"nodes", "edges", "graph"} and "links" not in data
    assert_same_graph(read_json(path), G)


def test_json_round_trip_hostile_graph(tmp_path: Path) -> None:
    G = hostile_graph()
    H = read_json(write_json(G, tmp_path / "g.json"))
    S = sanitize_graph(G, reserved={"node": ("id",), "edge": ("source", "target", "key")})
    assert_same_graph(H, S)
    assert H.nodes["42"]["id_"] == "my-id"


def test_read_json_legacy_links_and_errors(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.json"
    legacy.write_text(json.dumps({"directed": False, "multigraph": False, "graph": {},
                                  "nodes": [{"id": "a"}, {"id": "b"}],
                                  "links": [{"source": "a", "target": "b", "weight": 2}]}))
    assert read_json(legacy).edges["a", "b"]["weight"] == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(JalinError, match="not valid"):
        read_json(bad)
    bad.write_text("[1, 2]")
    with pytest.raises(JalinError, match="node-link"):
        read_json(bad)
    with pytest.raises(JalinError, match="no such file"):
        read_json(tmp_path / "nope.json")


# --- CSV ----------------------------------------------------------------------------------------

def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, strict=True)
        header = next(reader)
        return header, [dict(zip(header, row, strict=True)) for row in reader]


def _as_cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, float) else str(value)


def _check_csv(G: nx.Graph, tmp_path: Path) -> None:
    nodes_path, edges_path = write_csv(G, tmp_path)
    assert (nodes_path, edges_path) == (tmp_path / "nodes.csv", tmp_path / "edges.csv")
    S = sanitize_graph(G, reserved={"node": ("id",), "edge": ("source", "target")})
    header, rows = _read_csv(nodes_path)
    assert header[:3] == ["id", "label", "type"] and header[3:] == sorted(header[3:])
    assert [row["id"] for row in rows] == list(S.nodes)
    for row in rows:
        expected = {k: _as_cell(v) for k, v in S.nodes[row["id"]].items()}
        assert {k: v for k, v in row.items() if k != "id" and v != ""} == \
            {k: v for k, v in expected.items() if v != ""}
    header, rows = _read_csv(edges_path)
    assert header[:3] == ["source", "target", "weight"]
    assert len(rows) == S.number_of_edges()
    for row in rows:
        expected = {k: _as_cell(v) for k, v in S.edges[row["source"], row["target"]].items()}
        got = {k: v for k, v in row.items() if k not in ("source", "target") and v != ""}
        assert got == {k: v for k, v in expected.items() if v != ""}
    raw = nodes_path.read_bytes()
    assert raw.endswith(b"\r\n") and not raw.startswith(b"\xef\xbb\xbf")


def test_csv_round_trip_schema_graph(tmp_path: Path) -> None:
    G = schema_graph()
    _check_csv(G, tmp_path)
    _, rows = _read_csv(tmp_path / "edges.csv")
    evidences = [json.loads(row["evidence"]) for row in rows]
    assert json.loads(EVIDENCE) in evidences  # quotes and newlines survive RFC 4180 quoting
    _, rows = _read_csv(tmp_path / "nodes.csv")
    assert [row["note"] for row in rows] == ["", "", "hanya di satu simpul", ""]


def test_csv_round_trip_hostile_graph(tmp_path: Path) -> None:
    _check_csv(hostile_graph(), tmp_path)


def test_csv_neo4j_header_types_round_trip(tmp_path: Path) -> None:
    G = schema_graph()
    nodes_path, edges_path = write_csv(G, tmp_path, neo4j=True)
    header, rows = _read_csv(nodes_path)
    assert header[0] == "id:ID" and header[-1] == ":LABEL"
    assert "mentions:long" in header and "pagerank:double" in header and "label" in header
    casts = {"long": int, "double": float, "boolean": lambda s: s == "true"}
    for row in rows:
        assert row[":LABEL"] == "Entity;" + G.nodes[row["id:ID"]]["type"]
        for col, text in row.items():
            name, _, kind = col.partition(":")
            if name in ("", "id") or text == "":
                continue
            value = casts.get(kind, str)(text)
            expected = G.nodes[row["id:ID"]][name]
            assert value == expected and type(value) is type(expected)
    header, rows = _read_csv(edges_path)
    assert header[:3] == [":START_ID", ":END_ID", "weight:long"] and header[-1] == ":TYPE"
    assert {row[":TYPE"] for row in rows} == {"CO_OCCURS"}


def test_csv_empty_graph(tmp_path: Path) -> None:
    nodes_path, edges_path = write_csv(nx.Graph(), tmp_path)
    assert nodes_path.read_bytes() == b"id,label,type\r\n"
    assert edges_path.read_bytes() == b"source,target,weight\r\n"


# --- write_outputs and atomicity ----------------------------------------------------------------

def test_write_outputs_all_formats(tmp_path: Path) -> None:
    G = schema_graph()
    paths = write_outputs(G, tmp_path / "out", formats=["GraphML", "json", "gexf", "csv", "json"])
    names = [p.name for p in paths]
    assert names == ["graph.graphml", "graph.json", "graph.gexf", "nodes.csv", "edges.csv"]
    assert all(p.is_file() for p in paths)
    assert [p.name for p in write_outputs(G, tmp_path / "d")] == ["graph.graphml", "graph.json"]
    assert_same_graph(read_graphml(paths[0]), read_json(paths[1]))


def test_write_outputs_unknown_format_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(JalinError, match="unknown output format 'xlsx'"):
        write_outputs(schema_graph(), tmp_path / "out", formats=("graphml", "xlsx"))
    assert not (tmp_path / "out").exists()
    (tmp_path / "file").write_text("x")
    with pytest.raises(JalinError, match="is a file"):
        write_outputs(schema_graph(), tmp_path / "file")


def _boom(*args: Any, **kwargs: Any) -> None:
    # write something first, like a writer that fails half-way
    for arg in args:
        if hasattr(arg, "write"):
            arg.write(b"<partial" if "b" in getattr(arg, "mode", "") else "partial")
    raise RuntimeError("disk on fire")


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv"])
def test_failed_write_leaves_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      fmt: str) -> None:
    G = schema_graph()
    paths = write_outputs(G, tmp_path, formats=[fmt])
    before = {p: p.read_bytes() for p in paths}
    G.add_node("person:baru", label="Baru")
    if fmt == "graphml":
        escapes = iter(range(10_000))

        def text(value: str) -> str:
            if next(escapes) > 5:  # fail after some elements are made
                raise RuntimeError("disk on fire")
            return value

        monkeypatch.setattr(graphml_mod, "_text", text)
    elif fmt == "gexf":
        monkeypatch.setattr(nx, "write_gexf", _boom)
    elif fmt == "json":
        def lines(data: Any) -> Any:
            yield "partial"
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(json_mod, "node_link_lines", lines)
    else:
        calls = iter(range(10_000))

        def cell(value: Any) -> str:
            if next(calls) > 20:  # fail after some rows are written
                raise RuntimeError("disk on fire")
            return str(value)

        monkeypatch.setattr(csv_mod, "_cell", cell)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write_outputs(G, tmp_path, formats=[fmt])
    assert {p: p.read_bytes() for p in paths} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)


def test_failed_sanitize_leaves_old_file(tmp_path: Path) -> None:
    path = write_graphml(schema_graph(), tmp_path / "g.graphml")
    before = path.read_bytes()
    G = nx.Graph()
    G.add_nodes_from([1, "1"])
    with pytest.raises(JalinError):
        write_graphml(G, path)
    assert path.read_bytes() == before


def test_graphml_stream_writes_the_bytes_networkx_writes(tmp_path: Path) -> None:
    """Jalin writes GraphML by string formatting (graph.export.graphml._stream_graphml); its
    bytes must be those of networkx's own (lxml) writer, escaping included."""
    G = nx.Graph(name='a "<b> & c"\r', n=3, ok=True, ratio=0.5)
    G.add_node('x"<>&\n\t\r y', label="", flag=False, score=1.5,
               note="t<>&\"\n\t\r é \U0001F600 '")
    G.add_node("bare")
    G.add_node("n2", score=2.0, flag=True)
    G.add_edge("bare", 'x"<>&\n\t\r y')
    G.add_edge("bare", "n2", weight=2, evidence='[{"text": "A & B <i>x</i>"}]')
    for graph in (G, G.to_directed(), nx.Graph()):
        ours = tmp_path / "ours.graphml"
        write_graphml(graph, ours, sanitized=True)
        theirs = tmp_path / "theirs.graphml"
        with theirs.open("wb") as fh:
            nx.write_graphml(graph, fh, encoding="utf-8", prettyprint=True)
        assert ours.read_bytes() == theirs.read_bytes()
        assert nx.utils.graphs_equal(read_graphml(ours), read_graphml(theirs))


def test_graphml_of_a_multigraph_reads_back(tmp_path: Path) -> None:
    M = nx.MultiGraph()
    M.add_edge("a", "b", weight=1)
    M.add_edge("a", "b", weight=2)
    back = read_graphml(write_graphml(M, tmp_path / "m.graphml"))
    assert sorted(w for _, _, w in back.edges(data="weight")) == [1, 2]


# ------------------------------------------------------------ graphs that need no sanitized copy

_values = st.one_of(st.integers(-3, 3), st.booleans(), st.floats(allow_nan=True),
                    st.text("ab\x00\t|", max_size=3), st.none(),
                    st.lists(st.text("ab", max_size=2), max_size=2))
_names = st.sampled_from(["weight", "label", "x", "", "id"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c\x01", 1]),
                          st.sampled_from(["a", "b", "d"]),
                          st.dictionaries(_names, _values, max_size=3)), max_size=6),
       st.dictionaries(_names, _values, max_size=2))
def test_is_sanitized_says_when_the_sanitized_copy_is_the_same(
        edges: list[tuple[Any, Any, dict[str, Any]]], node_attrs: dict[str, Any]) -> None:
    G = nx.Graph()
    G.add_node("a", **node_attrs)
    for u, v, attrs in edges:
        G.add_edge(u, v, **attrs)
    H = sanitize_graph(G)

    def typed(graph: nx.Graph) -> tuple[object, ...]:
        return (list(graph.graph.items()),
                [(n, [(k, type(v), v) for k, v in d.items()]) for n, d in graph.nodes(data=True)],
                [(u, v, [(k, type(x), x) for k, x in d.items()])
                 for u, v, d in graph.edges(data=True)])

    if is_sanitized(G):
        assert typed(G) == typed(H)  # so writing G itself writes the same bytes
    assert is_sanitized(H)
    assert not is_sanitized(nx.MultiGraph(H))
