"""Words per second of ``jalin build`` against the trained model alone, the whole spaCy pipeline
(with Jalin's rule components) and the tokenizer alone.

    python bench/build_speed.py [SRC ...] [--repeat N]

All are measured in the same run on the same texts (default: the built-in seeds, repeated
``--repeat`` times with duplicates kept), one process, so the ratios are meaningful even on a noisy
machine. Prints one line per measurement and the ratios.
"""

from __future__ import annotations

import argparse
import time

import spacy

import graph
from graph.nlp.pipeline import MODEL_DIR
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

    model = spacy.load(MODEL_DIR)  # the trained components alone, without Jalin's rules
    started = time.perf_counter()
    for _ in model.pipe(texts, batch_size=32):
        pass
    model_s = time.perf_counter() - started

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
    print(f"spaCy pipeline : {words / pipeline_s:10.0f} words/s  (with Jalin's components)")
    print(f"jalin build    : {words / build_s:10.0f} words/s "
          f"({result.graph.number_of_nodes()} nodes, {result.graph.number_of_edges()} edges)")
    print(f"build / trained model = {model_s / build_s:.2f}; build / pipeline = "
          f"{pipeline_s / build_s:.2f}; build / tokenizer = {tokenizer_s / build_s:.3f}")


if __name__ == "__main__":
    main()
