"""Words per second of ``jalin build`` against the trained model alone, the whole spaCy pipeline
(with Jalin's rule components) and the tokenizer alone.

    python bench/build_speed.py [SRC ...] [--repeat N] [--all-cores]

All are measured in the same run on the same texts (default: the built-in seeds, repeated
``--repeat`` times with duplicates kept), one process, so the ratios are meaningful even on a noisy
machine. Prints one line per measurement and the ratios.

The process runs on one core (its CPU affinity set to one CPU, numpy's BLAS to one thread)
unless ``--all-cores`` is given: the figures are words per second on one core.

Each pipeline first reads one document untimed: Jalin's components load their word lists, the
gazetteer and the alias table on first use, a one-off cost (printed on its own line) that would
otherwise be counted as throughput on a short run.
"""

from __future__ import annotations

import argparse
import os
import time

import spacy

import graph
from graph.nlp.pipeline import MODEL_DIR, numpy_matrix_products
from graph.workflow import build_from_documents, default_sources, iter_documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--all-cores", action="store_true",
                        help="do not keep the process to one core")
    args = parser.parse_args()
    if not args.all_cores:
        print(f"one core: {one_core()}")
    sources = args.sources or default_sources()
    docs = [d for d in iter_documents(sources, keep_duplicates=True)] * args.repeat
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    nlp = graph.load_pipeline()

    started = time.perf_counter()
    for _ in nlp.tokenizer.pipe(texts, batch_size=64):
        pass
    tokenizer_s = time.perf_counter() - started

    # the trained components alone, without Jalin's rules: as Jalin loads them (matrix products
    # by numpy) and as spacy.load does by default (by BLIS)
    with numpy_matrix_products():
        model = spacy.load(MODEL_DIR)
    model_s = words_time(model, texts)
    blis_s = words_time(spacy.load(MODEL_DIR), texts)

    started = time.perf_counter()
    nlp(texts[0])  # the components' one-off loading
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    pipeline_s = time.perf_counter() - started

    started = time.perf_counter()
    # the whole build (ingest and cleaning included) on the same documents
    docs_again = [d for _ in range(args.repeat)
                  for d in iter_documents(sources, keep_duplicates=True)]
    result = build_from_documents(docs_again, nlp=nlp)
    build_s = time.perf_counter() - started

    print(f"documents: {len(docs)}, words: {words}")
    print(f"tokenizer only : {words / tokenizer_s:10.0f} words/s")
    print(f"trained model  : {words / model_s:10.0f} words/s  (tok2vec + tagger + ner)")
    print(f"  with BLIS    : {words / blis_s:10.0f} words/s  (spacy.load's default matrix "
          "products)")
    print(f"spaCy pipeline : {words / pipeline_s:10.0f} words/s  (with Jalin's components)")
    print(f"(Jalin's components' one-off loading: {load_s:.2f} s, not counted above)")
    print(f"jalin build    : {words / build_s:10.0f} words/s "
          f"({result.graph.number_of_nodes()} nodes, {result.graph.number_of_edges()} edges)")
    print(f"build / trained model = {model_s / build_s:.2f}; build / pipeline = "
          f"{pipeline_s / build_s:.2f}; build / tokenizer = {tokenizer_s / build_s:.3f}")


def words_time(nlp: spacy.Language, texts: list[str]) -> float:
    """Seconds ``nlp.pipe`` takes over ``texts``, after one untimed text."""
    nlp(texts[0])
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - started


def one_core() -> str:
    """Keeps this process to one CPU and numpy's BLAS to one thread; says which CPU."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    if not hasattr(os, "sched_setaffinity"):
        return "BLAS kept to one thread; CPU affinity not available on this system"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"CPU {cpu}, BLAS kept to one thread"


if __name__ == "__main__":
    main()
