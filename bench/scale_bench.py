"""How ``jalin build`` scales: throughput per stage, memory, parallel speed-up, rebuilds, growth.

    python bench/scale_bench.py --sizes 1000,10000 [--workdir DIR] [--words 400] [--seed 0]
                                [--analysis-nodes 100000] [--stage-docs K] [--quick]

For each corpus size N a synthetic corpus of N Indonesian news articles is written by
``bench/make_corpus.py`` (one .txt file per article, about ``--words`` words each) into
``--workdir`` (default: a temporary folder, removed at the end), and then measured. Every
measurement runs in its own subprocess with ``OMP_NUM_THREADS=1`` (and the other BLAS thread
variables), so each has its own peak memory. Prints figures only; nothing is asserted.

Figures, per size:

* *stage table* (one process, ``--stage-docs`` documents, default all): wall seconds, CPU seconds
  (``time.process_time``), documents/s and words/s (wall; words of the cleaned texts, split on
  white space) of each stage of a build, run one after the other with Jalin's public functions:
  ingest + clean (``graph.workflow.iter_documents``, over the whole corpus), the tokenizer alone
  (``nlp.tokenizer.pipe``), the shipped spaCy pipeline alone (``nlp.pipe`` of
  ``graph.load_pipeline()``, batch 32; each of these two on a freshly loaded pipeline, as a build
  meets the texts: a pass over the same texts before fills the vocabulary and the tokenizer's
  cache and makes the next one faster), mention extraction (``graph.mentions.extract_mentions``
  on those spaCy docs), resolution (``refine_concept_mentions`` + ``resolve`` +
  ``select_concepts``), co-occurrence (``CooccurrenceCounter``), analysis
  (``graph.analysis.analyze``: degree, PageRank, Louvain), export (GraphML and node-link JSON)
  and the HTML page (``viz.html.render_html``); also the model load time and the peak RSS of
  that process.
* *build table*: the real command line, ``jalin build CORPUS --out DIR --jobs J --cache DB
  --no-html -q``, as a subprocess: wall seconds, documents/s, words/s, CPU seconds (user + system
  of the process and its workers), *peak RSS* (``ru_maxrss`` from ``os.wait4``: the largest single
  process of the run, workers included) and *peak PSS* (the sum over the process tree of
  ``/proc/PID/smaps_rollup`` Pss, sampled every 0.25 s: the memory the run really holds, shared
  pages of forked workers counted once). Runs: ``--jobs 1`` from an empty cache (the *full
  build*); the same again with nothing changed (every article from the cache); ``--jobs 2`` from
  an empty cache of its own; and ``--jobs 1`` after 1% of the files (every 100th, at least one)
  got a sentence appended (the *incremental rebuild*).
* *ratios*: full build words/s over the spaCy pipeline's and over the tokenizer's (how much of
  the pipeline's speed a whole build keeps), by wall time and by CPU time (the CPU ratio is the
  one to trust when other work shares the machine); ``--jobs 2`` speed-up (wall time of
  ``--jobs 1`` over ``--jobs 2``; at most 2 on two cores) and its CPU cost; incremental rebuild /
  full build and no-change rebuild / full build (wall time).

Across sizes: seconds per 1,000 documents of the full ``--jobs 1`` and ``--jobs 2`` builds and of
each in-process stage, so super-linear stages stand out. Last, graph analysis alone on a
synthetic graph of ``--analysis-nodes`` nodes (Barabási-Albert, 3 edges per new node, integer
weights 1-20 drawn from a Zipf-like law): seconds of ``graph.analysis.pagerank`` and of
``graph.analysis.communities`` (Louvain), and that process's peak RSS (``0`` skips it).

The code measured is a snapshot: ``graph/`` and ``viz/`` are copied into the work folder at the
start and every subprocess imports them from there (``PYTHONPATH``), so edits made to the checkout
while the bench runs (which would also change the extraction cache's key and turn the rebuilds
into full builds) do not mix into the figures; ``--no-snapshot`` uses the live checkout. The
1-minute load average at the end of each run is printed next to it: on a machine shared with
other work, wall times (and the ``--jobs 2`` speed-up) are only as good as that figure.

``--quick``: one corpus of 1,000 articles and a 20,000-node analysis graph (a few minutes).
Needs Linux (``/proc``, ``os.wait4``); run from the repository with Jalin installed (the
``jalin`` command next to this Python).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
               "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS")
STAGES = (
    ("ingest", "ingest + clean"),
    ("tokenizer", "tokenizer only"),
    ("pipeline", "spaCy pipeline (nlp.pipe)"),
    ("mentions", "mention extraction"),
    ("nlp", "NLP extraction (pipe + mentions)"),
    ("resolution", "resolution"),
    ("cooccurrence", "co-occurrence"),
    ("analysis", "analysis"),
    ("export", "export GraphML + JSON"),
    ("html", "render HTML"),
)
SAMPLE_SECONDS = 0.25
MARKER = ".scale-bench"
CODE_PATH: Path | None = None
"""Folder holding the snapshot of ``graph/`` and ``viz/`` that subprocesses import (or None)."""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    for name in THREAD_VARS:
        env[name] = "1"
    env.setdefault("PYTHONHASHSEED", "0")
    if CODE_PATH is not None:
        env["PYTHONPATH"] = os.pathsep.join(
            [str(CODE_PATH), *filter(None, [os.environ.get("PYTHONPATH")])])
    return env


def snapshot_code(root: Path) -> Path:
    """Copy the ``graph`` and ``viz`` packages Python imports into ``root/code``; return it."""
    import graph
    import viz

    target = root / "code"
    if target.exists():
        shutil.rmtree(target)
    for package in (graph, viz):
        source = Path(package.__file__).resolve().parent
        shutil.copytree(source, target / source.name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return target


def _proc_kb(path: str, field: str) -> int | None:
    """The kB figure of ``field`` in a /proc file, ``None`` if the file or field is missing."""
    try:
        with open(path, encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _rss_kb(pid: int) -> int:
    """PSS of one process in kB (RSS where ``smaps_rollup`` is missing), 0 if it is gone."""
    pss = _proc_kb(f"/proc/{pid}/smaps_rollup", "Pss:")
    if pss is None:
        pss = _proc_kb(f"/proc/{pid}/status", "VmRSS:")
    return pss or 0


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (through ``/proc/PID/task/TID/children``)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{current}/task/{tid}/children", encoding="ascii") as fh:
                    todo.extend(int(c) for c in fh.read().split())
            except OSError:
                continue
    return found


@dataclass
class Run:
    """One measured subprocess."""

    command: list[str]
    seconds: float
    cpu_seconds: float
    max_rss_mb: float
    peak_pss_mb: float
    load: float
    returncode: int
    stdout: str
    stderr: str


def run_measured(command: list[str], *, cwd: Path | None = None) -> Run:
    """Run ``command`` with one BLAS thread, wait for it with ``os.wait4`` and sample its tree."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err, env=_env(),
                                cwd=cwd or tempfile.gettempdir())
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, sum(_rss_kb(p) for p in _tree(proc.pid)))
                done.wait(SAMPLE_SECONDS)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(command=command, seconds=seconds, cpu_seconds=usage.ru_utime + usage.ru_stime,
                   max_rss_mb=usage.ru_maxrss / 1024, peak_pss_mb=peak / 1024,
                   load=os.getloadavg()[0], returncode=proc.returncode,
                   stdout=out.read().decode("utf-8", "replace"),
                   stderr=err.read().decode("utf-8", "replace"))


def _check(run: Run, what: str) -> Run:
    if run.returncode != 0:
        print(f"scale_bench: {what} failed (exit {run.returncode}): {' '.join(run.command)}\n"
              f"{run.stderr[-3000:]}", file=sys.stderr)
        raise SystemExit(1)
    return run


# ----------------------------------------------------------------------------- worker modes


class _Clock:
    """Wall and CPU seconds (``time.process_time``) of named stages, added up over calls."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.wall[name] = self.wall.get(name, 0.0) + time.perf_counter() - wall
            self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - cpu


def stage_worker(corpus: str, out: str, limit: int | None) -> dict[str, Any]:
    """Time each stage of a build in this process (the ``--_stages`` mode); a JSON-able dict."""
    import graph
    from graph.aliases import load_aliases
    from graph.analysis import analyze
    from graph.concepts import refine_concept_mentions, select_concepts
    from graph.cooccur import CooccurrenceCounter
    from graph.export import write_outputs
    from graph.mentions import extract_mentions
    from graph.nlp.pipeline import code_version, load_pipeline
    from graph.resolve import resolve
    from graph.subgraph import select_view
    from graph.workflow import DEFAULT_MAX_CONCEPTS, iter_documents, unique_ids
    from viz.html import render_html

    clock = _Clock()
    with clock.stage("ingest"):
        docs = list(unique_ids(iter_documents([corpus])))
    all_docs, all_words = len(docs), sum(len(d.text.split()) for d in docs)
    if limit is not None:
        docs = docs[:limit]
    texts = [d.text for d in docs]
    words = sum(len(x.split()) for x in texts)

    with clock.stage("load"):
        nlp = load_pipeline()
    # the pipeline first, on a freshly loaded pipeline, as a build runs it: a tokenizer pass over
    # the same texts beforehand would fill its vocabulary and caches and flatter the reference
    # (8% less CPU on 400 new articles)
    doc_mentions = []
    stream = nlp.pipe(((d.text, d) for d in docs), as_tuples=True, batch_size=32)
    while True:
        with clock.stage("pipeline"):
            item = next(stream, None)
        if item is None:
            break
        with clock.stage("mentions"):
            doc_mentions.append(extract_mentions(*item))
    for times in (clock.wall, clock.cpu):
        times["nlp"] = times["pipeline"] + times.get("mentions", 0.0)
        times.setdefault("mentions", 0.0)
    tokenizer = load_pipeline().tokenizer  # fresh too, for the same reason
    with clock.stage("tokenizer"):
        for _ in tokenizer.pipe(texts, batch_size=64):
            pass

    with clock.stage("resolution"):
        refined = refine_concept_mentions(doc_mentions)
        resolution = resolve(refined, aliases=load_aliases(None))
        resolution = select_concepts(resolution, DEFAULT_MAX_CONCEPTS)
    with clock.stage("cooccurrence"):
        counter = CooccurrenceCounter(resolution, "sentence", 3)
        for dm in refined:
            counter.add(dm)
        g = counter.graph()
    with clock.stage("analysis"):
        g = analyze(g)
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    with clock.stage("export"):
        write_outputs(g, target, ["graphml", "json"])
    with clock.stage("html"):
        render_html(select_view(g), target / "graph.html")

    return {"docs": len(docs), "words": words, "all_docs": all_docs, "all_words": all_words,
            "load_seconds": clock.wall.pop("load"), "seconds": clock.wall, "cpu": clock.cpu,
            "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
            "code": str(Path(graph.__file__).resolve().parent), "code_version": code_version(),
            "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def analysis_worker(nodes: int, seed: int = 0) -> dict[str, Any]:
    """Time PageRank and Louvain on a weighted Barabási-Albert graph (the ``--_analysis`` mode)."""
    import random

    import networkx as nx

    from graph.analysis import communities, pagerank

    t = time.perf_counter()
    g = nx.barabasi_albert_graph(nodes, 3, seed=seed)
    rng = random.Random(seed)
    for u, v in g.edges():
        g[u][v]["weight"] = min(20, int(rng.paretovariate(1.2)))
    make_s = time.perf_counter() - t
    t = time.perf_counter()
    ranks = pagerank(g)
    pagerank_s = time.perf_counter() - t
    t = time.perf_counter()
    groups = communities(g)
    communities_s = time.perf_counter() - t
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "make_seconds": make_s,
            "pagerank_seconds": pagerank_s, "communities_seconds": communities_s,
            "communities": len(set(groups.values())), "ranked": len(ranks),
            "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


# ----------------------------------------------------------------------------- orchestration


@dataclass
class SizeResult:
    """Everything measured on one corpus size."""

    size: int
    generate_seconds: float
    stages: dict[str, Any] | None = None
    stage_run: Run | None = None
    builds: dict[str, Run] = field(default_factory=dict)
    changed_files: int = 0


def _jalin() -> list[str]:
    script = Path(sys.executable).with_name("jalin")
    if script.exists():
        return [str(script)]
    found = shutil.which("jalin")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from graph.cli import main; sys.exit(main())"]


def jalin_options() -> set[str]:
    """The long options ``jalin build --help`` lists (to use ``--jobs`` only when it exists)."""
    help_text = subprocess.run([*_jalin(), "build", "--help"], capture_output=True, text=True,
                               env=_env(), check=False, cwd=tempfile.gettempdir()).stdout
    return {word.strip(",[]") for word in help_text.split() if word.startswith("--")}


def build_command(corpus: Path, out: Path, *, jobs: int | None, cache: Path | None) -> list[str]:
    """``jalin build CORPUS --out OUT [--jobs J] --cache DB|--no-cache --no-html -q``."""
    command = [*_jalin(), "build", str(corpus), "--out", str(out)]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    command += ["--cache", str(cache)] if cache is not None else ["--no-cache"]
    return [*command, "--no-html", "-q"]


def modify_files(corpus: Path, seed: int, share: float = 0.01) -> int:
    """Append a sentence to every 1/share-th article file (at least one); return how many."""
    sys.path.insert(0, str(BENCH_DIR))
    from make_corpus import extra_sentence

    files = sorted(corpus.rglob("*.txt"))
    step = max(1, round(1 / share))
    chosen = files[::step] or files[:1]
    for i, path in enumerate(chosen):
        with path.open("a", encoding="utf-8") as fh:
            fh.write("\n" + extra_sentence(seed, i) + "\n")
    return len(chosen)


def measure_size(size: int, root: Path, args: argparse.Namespace, options: set[str]) -> SizeResult:
    """Generate one corpus and run every measurement on it."""
    sys.path.insert(0, str(BENCH_DIR))
    from make_corpus import write_corpus

    folder = root / f"n{size}"
    if folder.exists():
        if not (folder / MARKER).exists():
            raise SystemExit(f"scale_bench: {folder} exists and was not made by this bench")
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / MARKER).write_text("made by bench/scale_bench.py\n", encoding="utf-8")
    corpus = folder / "corpus"
    t = time.perf_counter()
    write_corpus(size, corpus, seed=args.seed, words=args.words)
    result = SizeResult(size, time.perf_counter() - t)
    log = _progress(args)
    log(f"n={size}: corpus written in {result.generate_seconds:.1f} s -> {corpus}")

    if not args.no_stages:
        command = [sys.executable, str(Path(__file__).resolve()), "--_stages", str(corpus),
                   str(folder / "stages-out")]
        if args.stage_docs:
            command += ["--stage-docs", str(args.stage_docs)]
        run = _check(run_measured(command), "the stage run")
        result.stage_run = run
        result.stages = json.loads(run.stdout.strip().splitlines()[-1])
        log(f"n={size}: stages done in {run.seconds:.1f} s")

    has_jobs = "--jobs" in options
    cache1, cache2 = folder / "cache-j1.db", folder / "cache-j2.db"
    out1, out2 = folder / "out-j1", folder / "out-j2"
    plan = [("full --jobs 1", out1, 1, cache1), ("no change --jobs 1", out1, 1, cache1)]
    if has_jobs:
        plan.append(("full --jobs 2", out2, 2, cache2))
    for name, out, jobs, cache in plan:
        command = build_command(corpus, out, jobs=jobs if has_jobs else None, cache=cache)
        result.builds[name] = _check(run_measured(command), name)
        log(f"n={size}: {name}: {result.builds[name].seconds:.1f} s")
    result.changed_files = modify_files(corpus, args.seed)
    command = build_command(corpus, out1, jobs=1 if has_jobs else None, cache=cache1)
    result.builds["1% changed --jobs 1"] = _check(run_measured(command), "the rebuild")
    log(f"n={size}: rebuild after {result.changed_files} changed file(s): "
        f"{result.builds['1% changed --jobs 1'].seconds:.1f} s")
    return result


def _progress(args: argparse.Namespace) -> Any:
    def log(message: str) -> None:
        if not args.silent:
            print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
    return log


# ----------------------------------------------------------------------------- report


def _rate(count: float, seconds: float) -> str:
    return f"{count / seconds:,.0f}" if seconds > 0 else "-"


def _ratio(a: float | None, b: float | None, digits: int = 2) -> str:
    return f"{a / b:.{digits}f}" if a and b else "n/a"


def report_size(r: SizeResult) -> None:
    """Print the stage table, the build table and the ratios of one size."""
    s = r.stages
    words = s["all_words"] if s else None
    print(f"\n== corpus of {r.size:,} articles (generated in {r.generate_seconds:.1f} s)"
          + (f": {s['all_docs']:,} documents read, {s['all_words']:,} words after cleaning"
             if s else ""))
    if s:
        sub = "" if s["docs"] == s["all_docs"] else f" (NLP and later on the first {s['docs']:,})"
        print(f"\nstages, one process{sub}:")
        print(f"  {'stage':34} {'seconds':>9} {'CPU s':>8} {'docs/s':>10} {'words/s':>11}")
        for key, label in STAGES:
            sec = s["seconds"][key]
            docs, wds = (s["all_docs"], s["all_words"]) if key == "ingest" else (s["docs"],
                                                                                  s["words"])
            print(f"  {label:34} {sec:9.2f} {s['cpu'][key]:8.2f} {_rate(docs, sec):>10} "
                  f"{_rate(wds, sec):>11}")
        build_stages = ("ingest", "nlp", "resolution", "cooccurrence", "analysis", "export", "html")
        total = sum(s["seconds"][k] for k in build_stages)
        total_cpu = sum(s["cpu"][k] for k in build_stages)
        print(f"  {'sum of build stages':34} {total:9.2f} {total_cpu:8.2f}")
        print(f"  model load {s['load_seconds']:.2f} s; graph {s['nodes']:,} nodes, "
              f"{s['edges']:,} edges; peak RSS of this process {s['max_rss_mb']:,.0f} MB; "
              f"load {r.stage_run.load:.1f}" if r.stage_run else "")
        print(f"  code: {s['code']} (version {s['code_version']})")
    if r.builds:
        print("\njalin build (subprocess, --no-html):")
        print(f"  {'run':24} {'seconds':>9} {'docs/s':>8} {'words/s':>9} {'CPU s':>8} "
              f"{'peak RSS MB':>12} {'peak PSS MB':>12} {'load':>5}")
        for name, run in r.builds.items():
            rate_docs = _rate(r.size, run.seconds)
            rate_words = _rate(words, run.seconds) if words else "-"
            print(f"  {name:24} {run.seconds:9.2f} {rate_docs:>8} {rate_words:>9} "
                  f"{run.cpu_seconds:8.1f} {run.max_rss_mb:12,.0f} {run.peak_pss_mb:12,.0f} "
                  f"{run.load:5.1f}")
        print(f"  (1% changed: {r.changed_files} file(s) with a sentence appended)")
    full = r.builds.get("full --jobs 1")
    print("\nratios:")
    if full and s:
        build_wps = s["all_words"] / full.seconds
        pipe_wps = s["words"] / s["seconds"]["pipeline"]
        tok_wps = s["words"] / s["seconds"]["tokenizer"]
        print(f"  full build --jobs 1 / spaCy pipeline alone (words/s): "
              f"{_ratio(build_wps, pipe_wps)}   ({build_wps:,.0f} vs {pipe_wps:,.0f})")
        print(f"  full build --jobs 1 / tokenizer alone (words/s):      "
              f"{_ratio(build_wps, tok_wps, 4)}   ({build_wps:,.0f} vs {tok_wps:,.0f})")
        build_cpu = s["all_words"] / full.cpu_seconds
        pipe_cpu = s["words"] / s["cpu"]["pipeline"]
        tok_cpu = s["words"] / s["cpu"]["tokenizer"]
        print(f"  same, words per CPU second: build / pipeline {_ratio(build_cpu, pipe_cpu)}, "
              f"build / tokenizer {_ratio(build_cpu, tok_cpu, 4)}   ({build_cpu:,.0f} vs "
              f"{pipe_cpu:,.0f} vs {tok_cpu:,.0f})")
    two = r.builds.get("full --jobs 2")
    if full:
        print(f"  speed-up of --jobs 2 over --jobs 1 (wall):             "
              f"{_ratio(full.seconds, two.seconds) if two else 'n/a (no --jobs option)'}"
              + (f"   (CPU seconds {two.cpu_seconds / full.cpu_seconds:.2f}x)" if two else ""))
        rebuild = r.builds.get("1% changed --jobs 1")
        same = r.builds.get("no change --jobs 1")
        print(f"  rebuild after 1% changed / full build (wall):         "
              f"{_ratio(rebuild.seconds if rebuild else None, full.seconds, 3)}")
        print(f"  rebuild with nothing changed / full build (wall):     "
              f"{_ratio(same.seconds if same else None, full.seconds, 3)}")


def report_growth(results: list[SizeResult]) -> None:
    """Seconds per 1,000 documents at each size."""
    print("\n== growth: seconds per 1,000 documents")
    keys = [k for k, _ in STAGES if k not in ("tokenizer", "pipeline", "mentions")]
    header = f"  {'size':>8} {'build j1':>9} {'build j2':>9} " + " ".join(
        f"{k[:9]:>9}" for k in keys)
    print(header)
    for r in results:
        per = 1000 / r.size

        def cell(run: Run | None, per: float = per) -> str:
            return f"{run.seconds * per:9.2f}" if run else f"{'-':>9}"

        row = f"  {r.size:8,} {cell(r.builds.get('full --jobs 1'))} " \
              f"{cell(r.builds.get('full --jobs 2'))} "
        if r.stages:
            s = r.stages
            row += " ".join(
                f"{s['seconds'][k] * 1000 / (s['all_docs'] if k == 'ingest' else s['docs']):9.2f}"
                for k in keys)
        print(row)


def report_analysis(data: dict[str, Any], run: Run) -> None:
    """Print the synthetic-graph analysis figures."""
    print(f"\n== analysis on a synthetic graph: {data['nodes']:,} nodes, {data['edges']:,} edges "
          f"(Barabási-Albert m=3, made in {data['make_seconds']:.1f} s)")
    print(f"  graph.analysis.pagerank     {data['pagerank_seconds']:8.2f} s")
    print(f"  graph.analysis.communities  {data['communities_seconds']:8.2f} s "
          f"({data['communities']:,} communities)")
    print(f"  peak RSS of that process    {data['max_rss_mb']:8,.0f} MB "
          f"(process wall {run.seconds:.1f} s)")


# ----------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    """Command line (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000",
                        help="comma-separated corpus sizes (default 1000,10000)")
    parser.add_argument("--workdir", help="where corpora and outputs go (default: a temp folder)")
    parser.add_argument("--words", type=int, default=400, help="words per article (about)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--analysis-nodes", type=int, default=100_000,
                        help="nodes of the synthetic analysis graph (0: skip)")
    parser.add_argument("--stage-docs", type=int, default=None,
                        help="run the in-process NLP and later stages on the first K documents")
    parser.add_argument("--no-stages", action="store_true", help="skip the in-process stages")
    parser.add_argument("--quick", action="store_true",
                        help="--sizes 1000 --analysis-nodes 20000")
    parser.add_argument("--json", help="also write every figure to this JSON file")
    parser.add_argument("--silent", action="store_true", help="no progress lines on stderr")
    parser.add_argument("--no-snapshot", action="store_true",
                        help="run the live checkout instead of a copy made at the start")
    parser.add_argument("--_stages", nargs=2, metavar=("CORPUS", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--_analysis", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args._stages:
        print(json.dumps(stage_worker(*args._stages, args.stage_docs)))
        return 0
    if args._analysis:
        print(json.dumps(analysis_worker(args._analysis, args.seed)))
        return 0
    if args.quick:
        args.sizes, args.analysis_nodes = "1000", 20_000
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    if not sizes or min(sizes) < 1:
        parser.error("--sizes needs positive integers")

    own_temp = args.workdir is None
    root = Path(args.workdir or tempfile.mkdtemp(prefix="jalin-scale-"))
    root.mkdir(parents=True, exist_ok=True)
    global CODE_PATH
    if not args.no_snapshot:
        CODE_PATH = snapshot_code(root)
    options = jalin_options()
    print(f"scale_bench: sizes {', '.join(f'{n:,}' for n in sizes)}; ~{args.words} words per "
          f"article; seed {args.seed}; {os.cpu_count()} CPU(s); "
          f"{'--jobs' if '--jobs' in options else 'no --jobs option'} in jalin build; "
          f"OMP_NUM_THREADS=1; load average {os.getloadavg()[0]:.1f}")
    results: list[SizeResult] = []
    analysis: tuple[dict[str, Any], Run] | None = None
    try:
        for size in sizes:
            result = measure_size(size, root, args, options)
            results.append(result)
            report_size(result)
            sys.stdout.flush()
        if results:
            report_growth(results)
        if args.analysis_nodes > 0:
            command = [sys.executable, str(Path(__file__).resolve()), "--_analysis",
                       str(args.analysis_nodes), "--seed", str(args.seed)]
            run = _check(run_measured(command), "the analysis run")
            data = json.loads(run.stdout.strip().splitlines()[-1])
            analysis = (data, run)
            report_analysis(data, run)
    finally:
        if own_temp:
            shutil.rmtree(root, ignore_errors=True)
    if args.json:
        payload = {"sizes": [{**asdict(r), "builds": {k: _run_json(v) for k, v in r.builds.items()},
                              "stage_run": _run_json(r.stage_run) if r.stage_run else None}
                             for r in results],
                   "analysis": analysis[0] if analysis else None}
        Path(args.json).write_text(json.dumps(payload, indent=1), encoding="utf-8")
    return 0


def _run_json(run: Run) -> dict[str, Any]:
    data = asdict(run)
    data.pop("stdout")
    data["stderr"] = data["stderr"][-2000:]
    return data


if __name__ == "__main__":
    raise SystemExit(main())
