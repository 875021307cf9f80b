"""How the shipped pipeline is loaded for speed: numpy's matrix products instead of BLIS, token
lists read once per document, one BLAS thread per worker process."""

from __future__ import annotations

import os
import subprocess
import sys

import spacy
from thinc.api import NumpyOps, get_current_ops

from graph.nlp.pipeline import MODEL_DIR, load_pipeline, numpy_matrix_products
from graph.nlp.token_lists import span_lowers, span_texts, token_lowers, token_texts
from graph.workflow import default_sources, iter_documents


def _seed_texts() -> list[str]:
    return [document.text for document in iter_documents(default_sources())]


def test_the_shipped_pipeline_multiplies_with_numpy_and_leaves_the_default_ops_alone() -> None:
    before = get_current_ops()
    nlp = load_pipeline(concepts=False)
    tok2vec_ops = {(type(node.ops), node.ops.use_blis)
                   for node in nlp.get_pipe("tok2vec").model.walk()}
    assert tok2vec_ops == {(NumpyOps, False)}
    assert get_current_ops() is before


def test_numpy_products_find_the_same_entities_and_tags_as_blis() -> None:
    texts = _seed_texts()
    assert len(texts) == 5
    with numpy_matrix_products():
        numpy_model = spacy.load(MODEL_DIR)
    blis_model = spacy.load(MODEL_DIR)
    assert blis_model.get_pipe("tok2vec").model.ops.use_blis
    for numpy_doc, blis_doc in zip(numpy_model.pipe(texts), blis_model.pipe(texts), strict=True):
        assert [(e.start, e.end, e.label_) for e in numpy_doc.ents] == [
            (e.start, e.end, e.label_) for e in blis_doc.ents]
        assert [t.tag_ for t in numpy_doc] == [t.tag_ for t in blis_doc]
        assert len(numpy_doc.ents) > 5


def test_token_lists_match_the_tokens_and_are_read_again_after_retokenizing() -> None:
    nlp = load_pipeline(concepts=False)
    doc = nlp("Menteri Komunikasi dan Informatika Rudiantara bertemu Jack Ma di Hangzhou.")
    assert token_texts(doc) == [t.text for t in doc]
    assert token_lowers(doc) == [t.lower_ for t in doc]
    ent = doc.ents[0]
    assert span_texts(ent) == [t.text for t in ent]
    assert span_lowers(ent) == [t.lower_ for t in ent]
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[6:8])
    assert token_texts(doc)[6] == "Jack Ma"
    assert token_lowers(doc) == [t.lower_ for t in doc]


def test_a_worker_process_keeps_numpy_to_one_blas_thread() -> None:
    code = ("import numpy\n"
            "from threadpoolctl import threadpool_info\n"
            "from graph.engines.local import _init_worker\n"
            "_init_worker(None)\n"
            "print(sorted({pool['num_threads'] for pool in threadpool_info()\n"
            "              if pool['user_api'] == 'blas'}))")
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "2", "OMP_NUM_THREADS": "2"}
    before = subprocess.run([sys.executable, "-c", code.replace("_init_worker(None)", "")],
                            capture_output=True, text=True, check=True, env=env)
    assert before.stdout.strip() == "[2]"  # two threads unless the worker sets one
    after = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env=env)
    assert after.stdout.strip() == "[1]"
