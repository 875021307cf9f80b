"""The dask engine: the NLP on the workers of a dask.distributed cluster.

``--engine dask --scheduler tcp://HOST:8786`` sends batches of cleaned documents to an existing
cluster (every worker needs Jalin installed, with the same version and model); without
``--scheduler`` a :class:`distributed.LocalCluster` of ``--jobs`` single-threaded worker processes
is started for the build and stopped after it. Each worker loads the pipeline once (kept in the
worker process) and sends back plain :class:`~graph.records.DocMentions`; reading, cleaning,
resolution and the graph stay on the client, so the result is the graph the local engine builds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import JalinError
from ..nlp.pipeline import PipelineSpec
from ..records import DocMentions, Document

CONNECT_TIMEOUT = 10
"""Seconds to wait for a scheduler given with ``--scheduler``."""

_loaded: dict[PipelineSpec, Any] = {}
"""Pipelines loaded in this worker process, by spec."""


def _run(spec: PipelineSpec, batch: Sequence[Document], batch_size: int) -> list[DocMentions]:
    from .local import extract_batch

    nlp = _loaded.get(spec)
    if nlp is None:
        nlp = _loaded[spec] = spec.load()
    return extract_batch(nlp, batch, batch_size, keep_text=False)


class DaskExecutor:
    """Submits batches to a dask.distributed cluster."""

    def __init__(self, spec: PipelineSpec, *, jobs: int, scheduler: str | None = None,
                 batch_size: int = 32) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise JalinError("--engine dask needs dask.distributed: "
                             "pip install 'jalin[dask]'") from None
        self.spec = spec
        self.batch_size = batch_size
        self.cluster = None
        try:
            if scheduler is None:
                self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                            dashboard_address=None)
                self.client = Client(self.cluster)
            else:
                self.client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise JalinError(f"cannot reach the dask scheduler ({exc})",
                             scheduler or "local cluster") from None

    def submit(self, batch: Sequence[Document]) -> Any:
        return self.client.submit(_run, self.spec, list(batch), self.batch_size, pure=False)

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None
