"""The local engine: the NLP in this process (``--jobs 1``) or in N worker processes.

spaCy's own ``nlp.pipe(n_process=N)`` sends spaCy ``Doc`` objects back to the parent, which needs
every custom attribute to be serialisable and repeats the pickling of each ``Doc``; Jalin's workers
instead return the plain :class:`~graph.records.DocMentions` of each document, which are small.
Workers are forked where the platform allows it, so they share the parent's loaded pipeline
(copy-on-write) instead of loading their own; elsewhere each loads it once.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from spacy.language import Language

from ..mentions import extract_mentions
from ..nlp.pipeline import PipelineSpec
from ..records import DocMentions, Document


def extract_batch(nlp: Language, batch: Sequence[Document], batch_size: int = 32,
                  keep_text: bool = True) -> list[DocMentions]:
    """Run ``nlp.pipe`` over a batch of documents and return their mentions, in order.

    ``keep_text=False`` leaves the document text out of the result (for sending it back to the
    parent process, which has it).
    """
    docs = ((d.text, d) for d in batch)
    out = []
    for spacy_doc, document in nlp.pipe(docs, as_tuples=True, batch_size=batch_size):
        dm = extract_mentions(spacy_doc, document)
        if not keep_text:
            dm = DocMentions(document.replace(text=""), dm.mentions, dm.sentences,
                             dm.sentence_starts, dm.sentence_paras, dm.definitions)
        out.append(dm)
    return out


class InlineExecutor:
    """Runs each batch in this process when its result is asked for (``--jobs 1``)."""

    def __init__(self, nlp: Language, batch_size: int = 32) -> None:
        self.nlp = nlp
        self.batch_size = batch_size

    def submit(self, batch: Sequence[Document]) -> _Deferred:
        return _Deferred(self, batch)

    def close(self) -> None:
        pass


class _Deferred:
    """A future computed on demand, so reading the next chunk and the NLP interleave as they do
    with workers."""

    def __init__(self, executor: InlineExecutor, batch: Sequence[Document]) -> None:
        self.executor = executor
        self.batch = batch

    def result(self, timeout: float | None = None) -> list[DocMentions]:
        return extract_batch(self.executor.nlp, self.batch, self.executor.batch_size)


_worker_nlp: Language | None = None
"""The pipeline of this worker process: inherited from the parent when forked, else loaded."""


def _one_blas_thread() -> None:
    """Keeps this worker's matrix products (numpy's BLAS:
    :func:`graph.nlp.pipeline.numpy_matrix_products`) to one thread: with a worker per core, more
    threads only contend for the same cores."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")


def _init_worker(spec: PipelineSpec | None) -> None:
    global _worker_nlp
    _one_blas_thread()
    if _worker_nlp is None and spec is not None:
        _worker_nlp = spec.load()


def _run(batch: Sequence[Document], batch_size: int) -> list[DocMentions]:
    assert _worker_nlp is not None, "worker started without a pipeline"
    return extract_batch(_worker_nlp, batch, batch_size, keep_text=False)


class ProcessExecutor:
    """N worker processes, each running the whole pipeline on the batches it is sent."""

    def __init__(self, spec: PipelineSpec, *, jobs: int, nlp: Language | None = None,
                 batch_size: int = 32) -> None:
        global _worker_nlp
        self.batch_size = batch_size
        methods = multiprocessing.get_all_start_methods()
        if "fork" in methods:
            # the children inherit the loaded pipeline; nothing is loaded twice
            _worker_nlp = nlp if nlp is not None else spec.load()
            context = multiprocessing.get_context("fork")
            self.pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker,
                                            initargs=(None,))
        else:
            context = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker,
                                            initargs=(spec,))

    def submit(self, batch: Sequence[Document]) -> Future[list[DocMentions]]:
        return self.pool.submit(_run, list(batch), self.batch_size)

    def close(self) -> None:
        global _worker_nlp
        self.pool.shutdown(wait=True, cancel_futures=True)
        _worker_nlp = None
