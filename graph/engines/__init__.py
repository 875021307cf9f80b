"""Where the per-document NLP runs: in this process, in worker processes, or on a dask cluster.

Every engine does the same thing: documents go in, in batches, and their
:class:`~graph.records.DocMentions` come back in the same order. Only this step is distributed;
resolution and graph building are corpus-wide and run afterwards on the plain records, so every
engine yields the same graph. An engine is an *executor*: ``submit(batch)`` returns a future whose
``result()`` is the batch's extractions (the interface of :mod:`concurrent.futures`, which dask's
futures share).

* ``local`` with ``jobs=1``: :class:`~graph.engines.local.InlineExecutor`, ``nlp.pipe`` in this
  process;
* ``local`` with ``jobs=N``: :class:`~graph.engines.local.ProcessExecutor`, N worker processes;
* ``dask``: :class:`~graph.engines.dask.DaskExecutor`, the workers of a dask.distributed cluster
  (a scheduler address, or a local cluster of ``jobs`` processes).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, Protocol

from spacy.language import Language

from ..errors import JalinError
from ..nlp.pipeline import PipelineSpec
from ..records import DocMentions, Document

ENGINES = ("local", "dask")


class BatchFuture(Protocol):
    """What ``submit`` returns: :class:`concurrent.futures.Future` or a dask future."""

    def result(self, timeout: float | None = None) -> Any: ...


class Executor(Protocol):
    """Runs batches of documents through the NLP pipeline."""

    def submit(self, batch: Sequence[Document]) -> BatchFuture: ...

    def close(self) -> None: ...


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def make_executor(spec: PipelineSpec, *, engine: str = "local", jobs: int | None = None,
                  scheduler: str | None = None, nlp: Language | None = None,
                  batch_size: int = 32) -> Executor:
    """The executor for ``engine`` with ``jobs`` workers (default: all cores).

    ``nlp`` is a pipeline already loaded in this process (used as it is by the inline executor and
    inherited by forked workers); the others load ``spec`` once per worker.
    """
    if engine not in ENGINES:
        raise JalinError(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    jobs = default_jobs() if jobs is None or jobs == 0 else jobs
    if jobs < 1:
        raise JalinError("--jobs must be 1 or more")
    if engine == "dask":
        from .dask import DaskExecutor

        return DaskExecutor(spec, jobs=jobs, scheduler=scheduler, batch_size=batch_size)
    if scheduler is not None:
        raise JalinError("--scheduler needs --engine dask")
    from .local import InlineExecutor, ProcessExecutor

    if jobs == 1:
        return InlineExecutor(nlp if nlp is not None else spec.load(), batch_size=batch_size)
    return ProcessExecutor(spec, jobs=jobs, nlp=nlp, batch_size=batch_size)


def attach(batch: Sequence[Document], extracted: Sequence[DocMentions]) -> list[DocMentions]:
    """Put each batch document back into its extraction (workers send back no document text)."""
    return [DocMentions(doc, dm.mentions, dm.sentences, dm.sentence_starts, dm.sentence_paras,
                        dm.definitions) for doc, dm in zip(batch, extracted, strict=True)]
