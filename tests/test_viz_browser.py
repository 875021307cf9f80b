"""viz.html in a real browser (Debian chromium via Playwright), fully offline.

Every request that is not a ``file://`` URL is aborted and recorded; a test fails on any such
request, any console error, any page error or any dialog (an ``alert`` from injected markup).
One browser is shared by the module; each test gets a fresh context.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest

from viz.html import render_html

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="needs Debian chromium at /usr/bin/chromium")

from playwright.sync_api import Browser, Page, Route, sync_playwright  # noqa: E402
from test_viz_html import HOSTILE_IMG, HOSTILE_SCRIPT, hostile_graph, toy_graph  # noqa: E402

SCREENSHOT = Path("/tmp/jalin_viz.png")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Opened:
    """A loaded page and everything it did that a self-contained page must not do."""

    page: Page
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.console_errors == []
        assert self.page_errors == []
        assert self.external_requests == []
        assert self.dialogs == []


@pytest.fixture()
def open_graph(browser: Browser, tmp_path: Path) -> Iterator:
    """``open_graph(G, **options) -> Opened``: render, load from file://, wait until ready."""
    contexts = []

    def _open(G: nx.Graph, name: str = "graph.html", **options: object) -> Opened:
        path = render_html(G, tmp_path / name, **options)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)

        def block(route: Route) -> None:
            if route.request.url.startswith("file:"):
                route.continue_()
            else:
                opened.external_requests.append(route.request.url)
                route.abort()

        context.route("**/*", block)
        page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "about:"))
                else opened.external_requests.append(r.url))
        page.on("console", lambda m: opened.console_errors.append(m.text)
                if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.page_errors.append(str(e)))

        def on_dialog(dialog) -> None:  # noqa: ANN001
            opened.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(path.resolve().as_uri())
        # a selector, not wait_for_function: the page's CSP forbids the eval that polling uses
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=15_000)
        assert page.evaluate("window.jalin.ready") is True
        return opened

    yield _open
    for context in contexts:
        context.close()


def node_id(opened: Opened, label: str) -> int:
    return opened.page.evaluate(
        "(label) => jalin.data.nodes.find((n) => n.label === label).id", label)


def screen_point(opened: Opened, expr: str) -> tuple[float, float]:
    """Viewport coordinates of a canvas point given as a JS expression yielding {x, y}."""
    point = opened.page.evaluate(f"jalin.network.canvasToDOM({expr})")
    box = opened.page.locator("#jalin-network canvas").bounding_box()
    assert box is not None
    return box["x"] + point["x"], box["y"] + point["y"]


def node_point(opened: Opened, nid: int) -> tuple[float, float]:
    return screen_point(opened, f"jalin.network.getPosition({nid})")


def test_toy_graph_draws_offline(open_graph) -> None:
    opened = open_graph(toy_graph())
    page = opened.page
    assert page.evaluate("jalin.network.body.data.nodes.length") == 4
    assert page.evaluate("jalin.network.body.data.edges.length") == 3
    assert page.evaluate("Object.keys(jalin.network.getPositions()).length") == 4
    assert page.evaluate("jalin.network.physics.options.enabled") is False  # stabilised, stopped
    assert page.locator("#jalin-network canvas").count() == 1
    assert page.locator("#jalin-title").text_content() == "Berita ekonomi"
    facts = page.locator("#jalin-facts").inner_text()
    assert "2 documents" in facts and "4 entities" in facts and "3 links" in facts
    assert "2024-03-01 – 2024-03-09" in facts
    assert page.locator("#jalin-legend input[data-type]").count() == 4
    # vis-network gets only what it draws; tooltips and evidence stay in the JSON data
    assert page.evaluate("Object.keys(jalin.edges.get(0)).sort()") == [
        "from", "id", "to", "width"]
    opened.assert_clean()


def test_click_node_shows_panel(open_graph) -> None:
    opened = open_graph(toy_graph())
    page = opened.page
    page.mouse.click(*node_point(opened, node_id(opened, "Ani Wijaya")))
    panel = page.locator("#jalin-panel")
    assert panel.locator("h2").text_content() == "Ani Wijaya"
    text = panel.inner_text()
    assert "Person" in text and "Ani" in text and "Direktur Utama" in text
    assert "Bank Sentosa" in text  # strongest link
    assert "Bank Sentosa buka cabang di Surabaya" in text and "Kabar Timur" in text
    assert "Transaksi digital naik" in text and "Warta Niaga" in text
    # the link to the strongest neighbour opens the edge's evidence
    panel.get_by_role("button", name="Bank Sentosa").click()
    assert panel.locator(".jalin-evidence li").count() == 2
    opened.assert_clean()


def test_click_edge_shows_evidence(open_graph) -> None:
    opened = open_graph(toy_graph())
    page = opened.page
    a = node_id(opened, "Ani Wijaya")
    b = node_id(opened, "Bank Sentosa")
    middle = (f"(() => {{ const p = jalin.network.getPosition({a}), "
              f"q = jalin.network.getPosition({b}); return {{x: (p.x + q.x) / 2, "
              f"y: (p.y + q.y) / 2}}; }})()")
    page.mouse.click(*screen_point(opened, middle))
    panel = page.locator("#jalin-panel")
    assert page.evaluate("jalin.network.getSelectedEdges().length") == 1
    quotes = panel.locator(".jalin-evidence blockquote")
    assert quotes.count() == 2
    assert quotes.nth(0).text_content() == (
        "Ani Wijaya meresmikan kantor Bank Sentosa di Surabaya.")
    marks = panel.locator(".jalin-evidence mark").all_text_contents()
    assert marks[:2] == ["Ani Wijaya", "Bank Sentosa"]
    assert "Ani" in marks and "BS" in marks  # aliases highlighted too
    meta = panel.locator(".jalin-evidence .jalin-meta").all_inner_texts()
    assert "Kabar Timur" in meta[0] and "2024-03-01" in meta[0]
    assert "Warta Niaga" in meta[1]
    page.screenshot(path=str(SCREENSHOT))
    opened.assert_clean()


def test_type_filter_hides_and_shows(open_graph) -> None:
    opened = open_graph(toy_graph())
    page = opened.page
    org = node_id(opened, "Bank Sentosa")
    assert len(page.evaluate("jalin.visibleNodeIds()")) == 4
    box = page.locator('#jalin-legend input[data-type="ORG"]')
    box.uncheck()
    assert page.evaluate("jalin.visibleNodeIds()") == [
        n for n in range(4) if n != org]
    assert page.evaluate(f"jalin.network.body.nodes[{org}].options.hidden") is True
    # a hidden node cannot be clicked: its place is empty canvas now
    page.mouse.click(*node_point(opened, org))
    assert page.evaluate("jalin.network.getSelectedNodes()") == []
    box.check()
    assert len(page.evaluate("jalin.visibleNodeIds()")) == 4
    assert page.evaluate(f"jalin.network.body.nodes[{org}].options.hidden") is False
    opened.assert_clean()


def test_hover_tooltip_is_structured(open_graph) -> None:
    opened = open_graph(toy_graph())
    page = opened.page
    page.mouse.move(*node_point(opened, node_id(opened, "Bank Sentosa")))
    tip = page.locator("#jalin-tooltip .jalin-tip")
    tip.wait_for(state="visible", timeout=3_000)
    text = tip.inner_text()
    assert "Bank Sentosa" in text and "Organisation" in text and "4 mentions" in text
    opened.assert_clean()


def test_hostile_text_stays_text(open_graph) -> None:
    opened = open_graph(hostile_graph(), name="hostile.html")
    page = opened.page
    assert page.title() == HOSTILE_SCRIPT
    assert page.locator("#jalin-title").text_content() == HOSTILE_SCRIPT
    page.mouse.click(*node_point(opened, 0))
    panel = page.locator("#jalin-panel")
    assert panel.locator("h2").text_content() == HOSTILE_SCRIPT
    assert HOSTILE_IMG in panel.inner_text()  # alias, role, document title: shown as text
    page.evaluate("jalin.selectEdge(0)")
    quote = panel.locator(".jalin-evidence blockquote").text_content()
    assert quote == f"{HOSTILE_SCRIPT} met {HOSTILE_IMG} here"
    assert panel.locator(".jalin-evidence mark").count() >= 2
    page.mouse.move(*node_point(opened, 1))
    tip = page.locator("#jalin-tooltip .jalin-tip")
    tip.wait_for(state="visible", timeout=3_000)
    assert HOSTILE_IMG in tip.inner_text()
    # nothing was parsed as markup, and the javascript: URL did not become a link
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 3
    assert page.locator("#jalin-panel a").count() == 0
    page.wait_for_timeout(200)
    opened.assert_clean()


def test_empty_graph_says_so(open_graph) -> None:
    opened = open_graph(nx.Graph(), name="empty.html")
    assert opened.page.locator("#jalin-empty").inner_text() == "No entities found"
    opened.assert_clean()


def test_graphml_round_trip_page(open_graph, tmp_path: Path) -> None:
    G = toy_graph()
    nx.write_graphml(G, tmp_path / "g.graphml")
    opened = open_graph(nx.read_graphml(tmp_path / "g.graphml"), color_by="community",
                        size_by="pagerank")
    assert opened.page.evaluate("jalin.network.body.data.nodes.length") == 4
    assert opened.page.locator("#jalin-legend .community").count() == 2
    opened.assert_clean()


def medium_graph(n: int, seed: int = 7) -> nx.Graph:
    """A synthetic corpus-like graph: clustered, with every node type and evidence."""
    rng = random.Random(seed)
    base = nx.powerlaw_cluster_graph(n, 2, 0.3, seed=seed)
    types = ["PERSON", "ORG", "LOC", "EVENT", "CONCEPT"]
    G = nx.Graph(name=f"Synthetic {n}", n_documents=3, documents=json.dumps(
        {f"d{i}": {"title": f"Artikel {i}", "source": "Uji", "date": f"2024-05-0{i + 1}"}
         for i in range(3)}))
    for v in base:
        G.add_node(f"n{v}", label=f"Entitas {v}", type=rng.choice(types), mentions=1 + v % 9,
                   docs=1, doc_ids=json.dumps([f"d{v % 3}"]), community=v % 6)
    for u, v in base.edges:
        G.add_edge(f"n{u}", f"n{v}", weight=rng.randint(1, 6), docs=1, evidence=json.dumps(
            [{"doc_id": f"d{u % 3}", "text": f"Entitas {u} bertemu Entitas {v} di kantor."}]))
    return G


def test_medium_graph_screenshot(open_graph) -> None:
    opened = open_graph(medium_graph(40), name="medium.html")
    page = opened.page
    page.evaluate("jalin.selectNode(0)")
    page.screenshot(path="/tmp/jalin_viz_medium.png")
    opened.assert_clean()


def test_large_graph_uses_python_layout(open_graph) -> None:
    opened = open_graph(medium_graph(1200), name="large.html")
    page = opened.page
    assert page.evaluate("jalin.data.physics") is False
    assert page.evaluate("jalin.network.physics.options.enabled") is False
    assert page.evaluate("jalin.network.body.data.nodes.length") == 1200
    # nodes stay where Python put them (vis-network reports whole pixels)
    moved = page.evaluate("""Math.max(...jalin.data.nodes.map((n) => {
        const p = jalin.network.getPosition(n.id);
        return Math.hypot(p.x - n.x, p.y - n.y); }))""")
    assert moved < 2
    page.screenshot(path="/tmp/jalin_viz_large.png")
    opened.assert_clean()


# ----------------------------------------------------------------------------- explorer features


def type_and_pick(page: Page, selector: str, text: str) -> None:
    """Type into a combobox like a user and press Enter (picks the first suggestion)."""
    box = page.locator(selector)
    box.click()
    box.fill("")
    box.type(text, delay=5)
    page.locator(f"#{page.get_attribute(selector, 'aria-controls')} li").first.wait_for()
    box.press("Enter")


def test_search_suggests_aliases_and_highlights_neighbours(open_graph) -> None:
    opened = open_graph(toy_graph())
    page = opened.page
    box = page.locator("#jalin-search-input")
    box.click()
    box.type("bs", delay=5)
    first = page.locator("#jalin-search-list li").first
    first.wait_for()
    assert "BS" in first.inner_text() and "Bank Sentosa" in first.inner_text()  # via its alias
    box.press("Enter")
    bank = node_id(opened, "Bank Sentosa")
    ani = node_id(opened, "Ani Wijaya")
    assert page.evaluate("jalin.network.getSelectedNodes()") == [bank]
    assert page.locator("#jalin-panel h2").text_content() == "Bank Sentosa"
    assert page.evaluate("jalin.dimmedNodeIds()") == []  # every node is a neighbour of the bank
    type_and_pick(page, "#jalin-search-input", "Surabaya")
    dimmed = page.evaluate("jalin.dimmedNodeIds()")
    assert ani in dimmed and bank not in dimmed and node_id(opened, "Surabaya") not in dimmed
    assert sorted(page.evaluate("jalin.emphasis.nodeList")) == sorted(
        [bank, node_id(opened, "Surabaya")])
    page.locator("#jalin-clear").click()
    assert page.evaluate("jalin.dimmedNodeIds()") == []
    assert page.evaluate("jalin.emphasis") is None
    assert page.locator("#jalin-clear").is_disabled()
    opened.assert_clean()


def test_weight_npmi_and_date_filters(open_graph) -> None:
    opened = open_graph(toy_graph())
    page = opened.page
    assert len(page.evaluate("jalin.visibleEdgeIds()")) == 3
    slider = page.locator("#jalin-weight")
    slider.fill("1")  # the second distinct weight: 2
    assert page.locator("#jalin-weight-value").text_content() == "≥ 2"
    assert page.evaluate("jalin.visibleEdgeIds()") == [0]  # only Ani - Bank (weight 2)
    assert page.evaluate("jalin.network.body.edges[1].options.hidden") is True
    assert len(page.evaluate("jalin.visibleNodeIds()")) == 4  # nodes stay
    slider.fill("0")
    assert len(page.evaluate("jalin.visibleEdgeIds()")) == 3
    page.locator("#jalin-npmi").fill("0.45")
    assert page.evaluate("jalin.visibleEdgeIds()") == [0, 1]  # npmi 0.8 and 0.5, not 0.4
    page.evaluate("jalin.setMinNpmi(null)")
    # dates: toy nodes are all mentioned in d1 (2024-03-01) or d2 (2024-03-09)
    page.locator("#jalin-date-from").fill("1")
    assert page.evaluate("jalin.filters.dateFrom") == "2024-03-09"
    visible = page.evaluate("jalin.visibleNodeIds()")
    assert node_id(opened, "Surabaya") not in visible  # only in d1
    assert node_id(opened, "transaksi digital") in visible
    page.evaluate("jalin.setDateRange(null, null)")
    assert len(page.evaluate("jalin.visibleNodeIds()")) == 4
    opened.assert_clean()


def test_path_finder_on_crafted_graph(open_graph) -> None:
    opened = open_graph(toy_graph())
    page = opened.page
    type_and_pick(page, "#jalin-path-from", "Ani")
    type_and_pick(page, "#jalin-path-to", "Surabaya")
    panel = page.locator("#jalin-panel")
    chain = panel.locator(".jalin-chain button").all_text_contents()
    assert chain == ["Ani Wijaya", "Bank Sentosa", "Surabaya"]
    hops = panel.locator(".jalin-hops > li")
    assert hops.count() == 2
    assert hops.nth(0).locator("blockquote").text_content() == (
        "Ani Wijaya meresmikan kantor Bank Sentosa di Surabaya.")
    assert "Kabar Timur" in hops.nth(0).inner_text()
    path_ids = [node_id(opened, label) for label in chain]
    assert page.evaluate("jalin.network.getSelectedNodes()") == path_ids
    dimmed = page.evaluate("jalin.dimmedNodeIds()")
    assert dimmed == [node_id(opened, "transaksi digital")]
    # the path stays when a filter would hide one of its nodes
    page.locator('#jalin-legend input[data-type="ORG"]').uncheck()
    assert node_id(opened, "Bank Sentosa") in page.evaluate("jalin.visibleNodeIds()")
    page.keyboard.press("Escape")
    assert node_id(opened, "Bank Sentosa") not in page.evaluate("jalin.visibleNodeIds()")
    opened.assert_clean()


def test_hostile_text_in_search_and_path(open_graph) -> None:
    opened = open_graph(hostile_graph(), name="hostile.html")
    page = opened.page
    box = page.locator("#jalin-search-input")
    box.click()
    box.type("<img", delay=5)
    page.locator("#jalin-search-list li").first.wait_for()
    assert HOSTILE_IMG in page.locator("#jalin-search-list").inner_text()
    box.press("Enter")
    page.evaluate("jalin.showPath(0, 1)")
    assert page.locator("#jalin-panel .jalin-hops blockquote").text_content() == (
        f"{HOSTILE_SCRIPT} met {HOSTILE_IMG} here")
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    page.wait_for_timeout(200)
    opened.assert_clean()


def test_path_finder_matches_python(open_graph) -> None:
    """The page and graph.paths agree on every pair of a graph full of ties."""
    from graph.paths import strongest_path

    G = medium_graph(120, seed=3)
    opened = open_graph(G, name="ties.html")
    keys = list(G)
    pairs = [(a, b) for a in range(0, 120, 7) for b in range(3, 120, 11) if a != b]
    js = opened.page.evaluate("(pairs) => pairs.map(([a, b]) => jalin.strongestPath(a, b))",
                              pairs)
    for (a, b), page_path in zip(pairs, js, strict=True):
        assert [keys[i] for i in page_path] == strongest_path(G, keys[a], keys[b]), (a, b)
    opened.assert_clean()


def test_view_note_and_focus(open_graph) -> None:
    from graph.subgraph import select_view

    G = select_view(medium_graph(60), focus="Entitas 0", hops=1, max_nodes=5)
    opened = open_graph(G, name="focus.html")
    page = opened.page
    assert page.evaluate("jalin.network.body.data.nodes.length") == 5
    note = page.locator("#jalin-view").inner_text()
    assert "Neighbourhood of Entitas 0" in note and "5 most central" in note
    assert page.locator("#jalin-panel h2").text_content() == "Entitas 0"
    opened.assert_clean()


# ----------------------------------------------------------------------------- the seed graph


@pytest.fixture(scope="module")
def seed_graph() -> nx.Graph:
    import graph

    return graph.build([Path(__file__).resolve().parent.parent / "seeds"])


def roadmap_label(G: nx.Graph) -> str:
    hits = [a["label"] for _, a in G.nodes(data=True)
            if "roadmap e-commerce" in a.get("aliases", "").split(" | ")]
    assert len(hits) == 1
    return hits[0]


def test_seed_graph_page(open_graph, seed_graph: nx.Graph) -> None:
    opened = open_graph(seed_graph, name="seed.html")
    page = opened.page
    assert page.evaluate("jalin.network.body.data.nodes.length") == seed_graph.number_of_nodes()
    assert page.evaluate("Object.keys(jalin.network.getPositions()).length") == (
        seed_graph.number_of_nodes())
    assert page.evaluate("jalin.network.body.data.edges.length") == seed_graph.number_of_edges()
    # search: "Jack Ma" selects that node; clicking it shows its links and documents
    type_and_pick(page, "#jalin-search-input", "Jack Ma")
    jack = node_id(opened, "Jack Ma")
    assert page.evaluate("jalin.network.getSelectedNodes()") == [jack]
    page.locator("#jalin-panel").evaluate("(p) => p.textContent = ''")
    page.wait_for_timeout(600)  # the camera glides to the node in 400 ms
    page.mouse.click(*node_point(opened, jack))
    panel = page.locator("#jalin-panel")
    assert panel.locator("h2").text_content() == "Jack Ma"
    assert "Ma" in panel.inner_text() and "Mendunia Melalui Alibaba" in panel.inner_text()
    # its link to Rudiantara shows the evidence with both names highlighted
    panel.locator(".jalin-links").get_by_role("button", name="Rudiantara").click()
    quotes = panel.locator(".jalin-evidence blockquote").all_text_contents()
    assert any("Rudiantara" in q and "Jack Ma" in q for q in quotes)
    marks = panel.locator(".jalin-evidence mark").all_text_contents()
    assert "Rudiantara" in marks and "Jack Ma" in marks
    assert "VIVA.co.id" in panel.inner_text()
    # the type filter hides and shows the people
    people = sum(1 for _, a in seed_graph.nodes(data=True) if a["type"] == "PERSON")
    page.locator('#jalin-legend input[data-type="PERSON"]').uncheck()
    assert len(page.evaluate("jalin.visibleNodeIds()")) == seed_graph.number_of_nodes() - people
    page.locator('#jalin-legend input[data-type="PERSON"]').check()
    assert len(page.evaluate("jalin.visibleNodeIds()")) == seed_graph.number_of_nodes()
    # the weight slider hides weak edges
    page.locator("#jalin-weight").fill("1")
    strong = sum(1 for *_, w in seed_graph.edges(data="weight") if w >= 2)
    assert len(page.evaluate("jalin.visibleEdgeIds()")) == strong < seed_graph.number_of_edges()
    opened.assert_clean()


def test_seed_path_finder(open_graph, seed_graph: nx.Graph) -> None:
    from graph.paths import strongest_path

    opened = open_graph(seed_graph, name="seed.html")
    page = opened.page
    roadmap = roadmap_label(seed_graph)
    type_and_pick(page, "#jalin-path-from", "Rudiantara")
    type_and_pick(page, "#jalin-path-to", "roadmap e-commerce")  # an alias
    panel = page.locator("#jalin-panel")
    chain = panel.locator(".jalin-chain button").all_text_contents()
    assert chain == ["Rudiantara", "Jack Ma", roadmap]
    hops = panel.locator(".jalin-hops > li")
    assert hops.count() == 2
    for i, (a, b) in enumerate(zip(chain, chain[1:], strict=False)):
        quote = hops.nth(i).locator("blockquote").text_content()
        assert quote
        assert len(hops.nth(i).locator("mark").all_text_contents()) >= 2, (a, b)
        assert hops.nth(i).locator(".jalin-meta").count() == 1
    # the page and the library agree on every pair of the seed graph
    keys = list(seed_graph)
    js = page.evaluate("""() => { const out = [];
        for (let a = 0; a < jalin.data.nodes.length; a++)
          for (let b = 0; b < jalin.data.nodes.length; b++) out.push(jalin.strongestPath(a, b));
        return out; }""")
    n = len(keys)
    for a in range(n):
        for b in range(n):
            page_path = js[a * n + b]
            try:
                expected = strongest_path(seed_graph, keys[a], keys[b])
            except Exception:  # noqa: BLE001 - different components
                expected = None
            assert (None if page_path is None else [keys[i] for i in page_path]) == expected
    opened.assert_clean()
