"""Time to a usable page and page memory of ``graph.html`` at 1k, 10k and 50k nodes.

    python bench/render_bench.py [--sizes 1000,10000,50000] [--keep DIR] [--runs N]

For each size it builds a synthetic graph with the attributes of docs/graph-schema.md (clustered,
power-law degrees, every node type, aliases, roles, dated documents, one to three evidence
sentences per edge; fixed seed), renders it with ``viz.html.render_html`` (timed: layout + page),
opens the file in headless Debian chromium with every network request blocked, and measures:

- ``ready``: seconds from navigation start until ``body[data-ready=true]`` (the network is drawn
  and stable: the page can be clicked, searched and filtered);
- ``heap``: the page's used JS heap once ready (CDP ``Performance.getMetrics``, JSHeapUsedSize);
- ``search``: seconds for ``jalin.focusNode`` on a hub (select, highlight neighbours, dim rest).

Prints a table; ``--runs`` > 1 reports the median of the ready times.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from viz.html import render_html  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
TYPES = ["PERSON", "ORG", "LOC", "EVENT", "CONCEPT"]
TYPE_SHARE = [0.35, 0.25, 0.2, 0.05, 0.15]
FIRST = ["Ani", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hadi", "Indra", "Joko",
         "Kartika", "Lestari", "Made", "Nur", "Putri", "Rudi", "Sari", "Teguh", "Wahyu", "Yudi"]
LAST = ["Wijaya", "Santoso", "Pratama", "Siregar", "Nasution", "Hidayat", "Saputra", "Kusuma",
        "Lubis", "Halim", "Gunawan", "Sembiring", "Tanjung", "Harahap", "Setiawan"]
ORG_HEAD = ["Bank", "PT", "Kementerian", "Badan", "Komisi", "Yayasan", "Universitas"]
WORDS = ["Nusantara", "Sentosa", "Digital", "Mandiri", "Karya", "Niaga", "Sejahtera", "Maju",
         "Bersama", "Pangan", "Energi", "Logistik", "Perdagangan", "Keuangan", "Informatika"]
PLACES = ["Surabaya", "Medan", "Bandung", "Makassar", "Semarang", "Palembang", "Denpasar",
          "Balikpapan", "Pontianak", "Manado", "Kupang", "Ambon", "Jayapura", "Padang"]
CONCEPTS = ["ekonomi digital", "peta jalan", "pajak", "investasi", "infrastruktur", "ekspor",
            "pasar modal", "usaha kecil", "transaksi daring", "logistik", "subsidi", "inflasi"]
OUTLETS = ["Kabar Timur", "Warta Niaga", "Suara Pagi", "Harian Kota", "Berita Satu Nusa"]


def synthetic_graph(n: int, seed: int = 42) -> nx.Graph:
    """A corpus-like graph of ``n`` nodes and about ``2.5 n`` edges with the documented schema."""
    rng = random.Random(seed)
    base = nx.powerlaw_cluster_graph(n, 2, 0.4, seed=seed)
    extra = int(n * 0.5)  # a few long-range links
    for _ in range(extra):
        u, v = rng.randrange(n), rng.randrange(n)
        if u != v:
            base.add_edge(u, v)
    n_docs = max(5, n // 4)
    documents = {}
    for d in range(n_docs):
        day = 1 + rng.randrange(365 * 6)
        date = f"{2016 + day // 365}-{1 + (day % 365) // 31:02d}-{1 + day % 28:02d}"
        documents[f"doc{d:06d}"] = {"title": f"{rng.choice(WORDS)} {rng.choice(PLACES)}: "
                                             f"{rng.choice(CONCEPTS)} dibahas",
                                    "source": rng.choice(OUTLETS), "date": date, "url": "",
                                    "path": f"corpus/{d:06d}.txt"}
    doc_ids = list(documents)
    dates = sorted(d["date"] for d in documents.values())
    G = nx.Graph(name=f"Synthetic corpus ({n:,} entities)", documents=json.dumps(documents),
                 n_documents=n_docs, date_min=dates[0], date_max=dates[-1], window="sentence",
                 jalin_version="bench")
    labels: dict[int, str] = {}
    used: set[str] = set()
    for v in base:
        ntype = rng.choices(TYPES, TYPE_SHARE)[0]
        if ntype == "PERSON":
            label = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        elif ntype == "ORG":
            label = f"{rng.choice(ORG_HEAD)} {rng.choice(WORDS)} {rng.choice(WORDS)}"
        elif ntype == "LOC":
            label = rng.choice(PLACES)
        elif ntype == "EVENT":
            label = f"Forum {rng.choice(WORDS)} {2016 + v % 6}"
        else:
            label = f"{rng.choice(CONCEPTS)} {rng.choice(WORDS).lower()}"
        if label in used:
            label = f"{label} {v}"
        used.add(label)
        labels[v] = label
        aliases = [label] + ([label.split()[0]] if ntype == "PERSON" and v % 3 == 0 else [])
        docs = sorted(rng.sample(doc_ids, k=min(len(doc_ids), 1 + int(rng.paretovariate(1.5)))))
        seen = sorted(documents[d]["date"] for d in docs)
        G.add_node(f"{ntype.lower()}:{v}", label=label, type=ntype, aliases=" | ".join(aliases),
                   roles="Direktur Utama" if ntype == "PERSON" and v % 7 == 0 else "",
                   mentions=len(docs) + rng.randrange(5), docs=len(docs),
                   doc_ids=json.dumps(docs[:50]), first_seen=seen[0], last_seen=seen[-1],
                   community=v % 40)
    keys = list(G)
    for u, v in base.edges:
        weight = 1 + int(rng.paretovariate(2.0)) - 1 + (1 if rng.random() < 0.3 else 0)
        evidence = [{"doc_id": rng.choice(doc_ids),
                     "text": f"{labels[u]} bertemu {labels[v]} untuk membahas "
                             f"{rng.choice(CONCEPTS)} di {rng.choice(PLACES)} pekan lalu."}
                    for _ in range(min(3, weight))]
        G.add_edge(keys[u], keys[v], weight=weight, docs=len(evidence),
                   npmi=round(rng.uniform(-0.3, 0.9), 4), evidence=json.dumps(evidence))
    pagerank = nx.pagerank(G, weight="weight")
    for node in G:
        G.nodes[node]["degree"] = G.degree(node)
        G.nodes[node]["weighted_degree"] = int(G.degree(node, weight="weight"))
        G.nodes[node]["pagerank"] = round(pagerank[node], 8)
    return G


def measure(path: Path, browser, hub: int) -> dict[str, float]:  # noqa: ANN001
    """Open ``path`` offline, wait for ``data-ready``, read timings and the JS heap."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    attempted: list[str] = []

    def block(route) -> None:  # noqa: ANN001
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            attempted.append(route.request.url)
            route.abort()

    context.route("**/*", block)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    started = time.perf_counter()
    page.goto(path.resolve().as_uri(), timeout=180_000, wait_until="commit")
    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=180_000)
    wall = time.perf_counter() - started
    # the page's own clock: navigation start -> ready, as the page recorded it
    ready_ms = page.evaluate("window.jalin.readyAt")
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    t0 = time.perf_counter()
    page.evaluate(f"window.jalin.focusNode({hub})")
    page.evaluate("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")
    search = time.perf_counter() - t0
    drawn = page.evaluate("window.jalin.network.body.data.nodes.length")
    context.close()
    if errors or attempted:
        raise RuntimeError(f"page errors {errors[:3]} or requests {attempted[:3]}")
    return {"ready": (ready_ms / 1000.0) if ready_ms else wall, "wall": wall,
            "heap_mb": metrics.get("JSHeapUsedSize", math.nan) / 2**20, "search": search,
            "drawn": drawn}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--keep", metavar="DIR", help="keep the pages in DIR")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    from playwright.sync_api import sync_playwright

    out = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="jalin-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--enable-precise-memory-info"])
        for n in sizes:
            t = time.perf_counter()
            G = synthetic_graph(n)
            gen = time.perf_counter() - t
            t = time.perf_counter()
            path = render_html(G, out / f"graph-{n}.html")
            render = time.perf_counter() - t
            hub = list(G).index(max(G, key=G.degree))
            runs = [measure(path, browser, hub) for _ in range(max(1, args.runs))]
            m = runs[0]
            m["ready"] = statistics.median(r["ready"] for r in runs)
            rows.append((n, G.number_of_edges(), gen, render, path.stat().st_size / 2**20, m))
            print(f"  {n:>6} nodes done: ready {m['ready']:.2f} s", file=sys.stderr)
        browser.close()

    print(f"{'nodes':>7} {'edges':>7} {'render s':>9} {'page MB':>8} {'ready s':>8} "
          f"{'wall s':>7} {'heap MB':>8} {'focus s':>8} {'drawn':>7}")
    for n, e, _gen, render, size, m in rows:
        print(f"{n:>7} {e:>7} {render:>9.2f} {size:>8.1f} {m['ready']:>8.2f} {m['wall']:>7.2f} "
              f"{m['heap_mb']:>8.1f} {m['search']:>8.2f} {m['drawn']:>7}")
    print(f"pages in {out}")


if __name__ == "__main__":
    main()
