"""viz.html without a browser: page content, offline inlining, escaping, atomic writes."""

from __future__ import annotations

import html.parser
import json
import os
import re
from pathlib import Path

import networkx as nx
import pytest

from graph.errors import JalinError
from viz import html as vizhtml
from viz.html import html_page, render_html

HOSTILE_SCRIPT = "</script><script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"

DOCS = {
    "d1": {"title": "Bank Sentosa buka cabang di Surabaya", "source": "Kabar Timur",
           "date": "2024-03-01", "url": "https://example.invalid/a", "path": "a.txt"},
    "d2": {"title": "Transaksi digital naik", "source": "Warta Niaga", "date": "2024-03-09",
           "url": "", "path": "b.txt"},
}


def toy_graph() -> nx.Graph:
    """Four nodes of the documented schema (every attribute str/int/float)."""
    G = nx.Graph(name="Berita ekonomi", documents=json.dumps(DOCS), n_documents=2,
                 date_min="2024-03-01", date_max="2024-03-09", window="sentence",
                 jalin_version="0.1.0")
    nodes = [
        ("person:ani-wijaya", "Ani Wijaya", "PERSON", "Ani Wijaya | Ani", "Direktur Utama",
         5, 2, ["d1", "d2"], 0.31, 0),
        ("org:bank-sentosa", "Bank Sentosa", "ORG", "Bank Sentosa | BS", "", 4, 2,
         ["d1", "d2"], 0.29, 0),
        ("loc:surabaya", "Surabaya", "LOC", "Surabaya", "", 2, 1, ["d1"], 0.2, 1),
        ("concept:transaksi-digital", "transaksi digital", "CONCEPT", "transaksi digital", "",
         3, 1, ["d2"], 0.2, 1),
    ]
    for key, label, ntype, aliases, roles, mentions, docs, doc_ids, pr, comm in nodes:
        G.add_node(key, label=label, type=ntype, aliases=aliases, roles=roles,
                   mentions=mentions, docs=docs, doc_ids=json.dumps(doc_ids),
                   first_seen="2024-03-01", last_seen="2024-03-09", pagerank=pr,
                   community=comm)
    ev = [
        {"doc_id": "d1", "text": "Ani Wijaya meresmikan kantor Bank Sentosa di Surabaya."},
        {"doc_id": "d2", "text": "Menurut Ani, BS akan memperluas layanan."},
    ]
    G.add_edge("person:ani-wijaya", "org:bank-sentosa", weight=2, docs=2, npmi=0.8,
               evidence=json.dumps(ev))
    G.add_edge("org:bank-sentosa", "loc:surabaya", weight=1, docs=1, npmi=0.5,
               evidence=json.dumps([ev[0]]))
    G.add_edge("org:bank-sentosa", "concept:transaksi-digital", weight=1, docs=1, npmi=0.4,
               evidence=json.dumps([{"doc_id": "d2",
                                     "text": "Bank Sentosa mencatat transaksi digital naik."}]))
    for n in G:
        G.nodes[n]["degree"] = G.degree(n)
    return G


def hostile_graph() -> nx.Graph:
    """Hostile text in every corpus-derived field."""
    docs = {"d1": {"title": HOSTILE_IMG, "source": HOSTILE_SCRIPT, "date": "2024-01-01",
                   "url": "javascript:alert(1)", "path": "x"}}
    G = nx.Graph(name=HOSTILE_SCRIPT, documents=json.dumps(docs), n_documents=1)
    G.add_node("a", label=HOSTILE_SCRIPT, type="PERSON", aliases=f"{HOSTILE_IMG} | x",
               roles=HOSTILE_IMG, mentions=1, docs=1, doc_ids='["d1"]')
    G.add_node("b", label=HOSTILE_IMG, type="ORG", aliases="a\u2028<b>&amp;", mentions=1,
               docs=1, doc_ids='["d1"]')
    G.add_edge("a", "b", weight=1, docs=1,
               evidence=json.dumps([{"doc_id": "d1",
                                     "text": f"{HOSTILE_SCRIPT} met {HOSTILE_IMG} here"}]))
    return G


def embedded_data(page: str) -> dict:
    """The JSON document of the page, parsed like the browser does."""
    m = re.search(r'<script type="application/json" id="jalin-data">(.*?)</script>', page,
                  re.DOTALL)
    assert m, "no data block"
    return json.loads(m.group(1))


class _Resources(html.parser.HTMLParser):
    """Collects script src, link href and any other resource URL the page would load."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.urls.append(value)


def test_page_embeds_labels_and_attributes() -> None:
    data = embedded_data(html_page(toy_graph()))
    labels = {n["label"] for n in data["nodes"]}
    assert labels == {"Ani Wijaya", "Bank Sentosa", "Surabaya", "transaksi digital"}
    ani = next(n for n in data["nodes"] if n["label"] == "Ani Wijaya")
    assert ani["type"] == "PERSON" and ani["aliases"] == ["Ani"]
    assert ani["roles"] == ["Direktur Utama"] and ani["doc_ids"] == ["d1", "d2"]
    assert ani["color"] == vizhtml.TYPE_STYLES["PERSON"]["color"]
    assert len(data["edges"]) == 3
    assert data["edges"][0]["evidence"][0]["doc_id"] == "d1"
    assert set(data["documents"]) == {"d1", "d2"}
    assert data["facts"] == {"documents": 2, "date_min": "2024-03-01",
                             "date_max": "2024-03-09", "entities": 4, "edges": 3}
    assert [t["type"] for t in data["legend"]["types"]] == ["PERSON", "ORG", "LOC", "CONCEPT"]


def test_no_external_resources() -> None:
    page = html_page(toy_graph())
    parser = _Resources()
    parser.feed(page)
    assert not [u for u in parser.urls if re.match(r"(?i)\s*(https?:)?//", u)]
    for tag in re.findall(r"(?is)<(?:script|link)\b[^>]*>", page):
        assert "http://" not in tag and "https://" not in tag, tag
    # everything is inline: no script src, no stylesheet link at all
    assert not re.search(r"(?i)<script[^>]*\bsrc=", page)
    assert not re.search(r"(?i)<link[^>]*stylesheet", page)
    # vis-network really is inlined (read from the installed pyvis package)
    assert "vis-network" in page and len(page) > 400_000
    assert "Content-Security-Policy" in page


def test_hostile_text_is_escaped() -> None:
    page = html_page(hostile_graph())
    assert HOSTILE_SCRIPT not in page
    assert HOSTILE_IMG not in page
    assert "<img" not in page.lower()
    assert "alert(1)</script>" not in page
    parser = _Resources()
    parser.feed(page)
    assert "img" not in parser.tags
    # three script elements: data, vis-network, Jalin; the hostile label opened none
    assert parser.tags.count("script") == 3
    data = embedded_data(page)
    assert data["nodes"][0]["label"] == HOSTILE_SCRIPT
    assert data["nodes"][1]["aliases"] == ["a\u2028<b>&amp;"]
    assert data["edges"][0]["evidence"][0]["text"].startswith(HOSTILE_SCRIPT)
    assert data["documents"]["d1"]["title"] == HOSTILE_IMG
    block = page.split('id="jalin-data">', 1)[1].split("</script>", 1)[0]
    assert not re.search("[<>&\u2028\u2029]", block)
    # the title (a corpus name) is HTML-escaped in <title> and <h1>
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page


def test_render_html_writes_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out" / "graph.html"
    result = render_html(toy_graph(), target, title="Uji")
    assert result == target and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "<title>Uji</title>" in target.read_text(encoding="utf-8")
    assert [p.name for p in target.parent.iterdir()] == ["graph.html"]

    # a failing write leaves the old page in place and no temporary file behind
    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        render_html(nx.Graph(), target)
    assert "<title>Uji</title>" in target.read_text(encoding="utf-8")
    assert [p.name for p in target.parent.iterdir()] == ["graph.html"]


def test_empty_graph(tmp_path: Path) -> None:
    page = render_html(nx.Graph(), tmp_path / "empty.html").read_text(encoding="utf-8")
    assert "No entities found" in page
    data = embedded_data(page)
    assert data["nodes"] == [] and data["edges"] == []


def test_missing_optional_attributes() -> None:
    G = nx.Graph()
    G.add_node("x", label="Surabaya")  # no type, counts, pagerank, community, doc_ids
    G.add_node(7)  # no attributes at all, non-string key
    G.add_edge("x", 7)  # no weight, no evidence
    for size_by in vizhtml.SIZE_BY:
        for color_by in vizhtml.COLOR_BY:
            data = embedded_data(html_page(G, size_by=size_by, color_by=color_by))
            assert [n["label"] for n in data["nodes"]] == ["Surabaya", "7"]
            assert data["nodes"][1]["type"] == "OTHER"
            assert data["edges"][0]["evidence"] == [] and data["edges"][0]["weight"] == 1


def test_malformed_json_attributes_are_tolerated() -> None:
    G = toy_graph()
    G.graph["documents"] = "{not json"
    G.nodes["loc:surabaya"]["doc_ids"] = "oops"
    G.edges["org:bank-sentosa", "loc:surabaya"]["evidence"] = "[1, {\"text\": 5}"
    G.nodes["person:ani-wijaya"]["pagerank"] = float("nan")
    data = embedded_data(html_page(G, size_by="pagerank"))
    assert data["documents"] == {}
    assert next(n for n in data["nodes"] if n["label"] == "Surabaya")["doc_ids"] == []


def test_graphml_round_trip(tmp_path: Path) -> None:
    G = toy_graph()
    path = tmp_path / "g.graphml"
    nx.write_graphml(G, path)
    H = nx.read_graphml(path)
    assert embedded_data(html_page(H))["nodes"] == embedded_data(html_page(G))["nodes"]
    assert embedded_data(html_page(H))["edges"] == embedded_data(html_page(G))["edges"]


def test_colour_and_size_options() -> None:
    G = toy_graph()
    by_comm = embedded_data(html_page(G, color_by="community", size_by="mentions"))
    colours = {n["community"]: n["color"] for n in by_comm["nodes"]}
    assert len(set(colours.values())) == 2
    assert [c["count"] for c in by_comm["legend"]["communities"]] == [2, 2]
    sizes = {n["label"]: n["value"] for n in by_comm["nodes"]}
    assert sizes["Ani Wijaya"] > sizes["Surabaya"]
    by_degree = embedded_data(html_page(G))
    widths = [e["width"] for e in by_degree["edges"]]
    assert widths[0] > widths[1] == vizhtml.EDGE_WIDTH[0]
    with pytest.raises(JalinError):
        html_page(G, color_by="colour")
    with pytest.raises(JalinError):
        html_page(G, size_by="size")


def test_physics_switch_and_positions() -> None:
    G = toy_graph()
    small = embedded_data(html_page(G))
    assert small["physics"] is True and small["options"]["physics"]["enabled"] is True
    forced = embedded_data(html_page(G, physics=False, seed=3))
    assert forced["physics"] is False
    assert all("x" in n and "y" in n for n in forced["nodes"])
    assert embedded_data(html_page(G, physics=False, seed=3))["nodes"] == forced["nodes"]


def test_large_graph_starts_without_physics() -> None:
    G = nx.barabasi_albert_graph(vizhtml.PHYSICS_MAX_NODES + 50, 2, seed=1)
    nx.set_node_attributes(G, "CONCEPT", "type")
    data = embedded_data(html_page(G))
    assert data["physics"] is False and data["options"]["physics"]["enabled"] is False
    xs = [n["x"] for n in data["nodes"]]
    assert max(xs) - min(xs) > 1000  # spread out in pixels, not squashed into [-1, 1]


def test_view_note_and_focus_travel_with_the_graph() -> None:
    from graph.subgraph import neighbourhood

    G = neighbourhood(toy_graph(), "Surabaya", hops=1)
    data = embedded_data(html_page(G))
    assert data["view"] == "Neighbourhood of Surabaya: 2 of 4 entities within 1 link."
    assert data["nodes"][data["focus"]]["label"] == "Surabaya"
    page = html_page(G)
    assert '<p class="jalin-view" id="jalin-view">Neighbourhood of Surabaya' in page
    plain = embedded_data(html_page(toy_graph()))
    assert plain["view"] == "" and plain["focus"] is None
    assert 'id="jalin-view"' not in html_page(toy_graph())


def test_stabilisation_is_short_for_bigger_graphs() -> None:
    assert vizhtml._vis_options(50, True, 0)["physics"]["stabilization"]["iterations"] == 600
    assert vizhtml._vis_options(900, True, 0)["physics"]["stabilization"]["iterations"] == 120
    assert vizhtml._vis_options(5000, False, 0)["physics"]["stabilization"]["enabled"] is False
