"""Words per second of ``jalin build`` against the spaCy pipeline alone and the tokenizer alone.

    python bench/build_speed.py [SRC ...] [--repeat N]

All three are measured in the same run on the same texts (default: the built-in seeds, repeated
``--repeat`` times with duplicates kept), one process, so the ratios are meaningful even on a noisy
machine. Prints one line per measurement and the ratios.
"""

from __future__ import annotations

import argparse
import time

import graph
from graph.workflow import build_from_documents, default_sources, iter_documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    sources = args.sources or default_sources()
    docs = [d for d in iter_documents(sources, keep_duplicates=True)] * args.repeat
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    nlp = graph.load_pipeline()

    started = time.perf_counter()
    for _ in nlp.tokenizer.pipe(texts, batch_size=64):
        pass
    tokenizer_s = time.perf_counter() - started

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
    print(f"spaCy pipeline : {words / pipeline_s:10.0f} words/s")
    print(f"jalin build    : {words / build_s:10.0f} words/s "
          f"({result.graph.number_of_nodes()} nodes, {result.graph.number_of_edges()} edges)")
    print(f"build / pipeline = {pipeline_s / build_s:.2f}; "
          f"build / tokenizer = {tokenizer_s / build_s:.3f}")


if __name__ == "__main__":
    main()
