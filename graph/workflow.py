"""The whole main path: files -> documents -> mentions -> entities -> graph.

``build(paths)`` is what ``jalin build`` runs. Its steps are the public functions of the stage
modules, so each can also be called alone:

* per document (streamed, cacheable, parallelisable): :func:`graph.ingest.read_documents`,
  :func:`graph.clean.clean_document`, the spaCy pipeline, :func:`graph.mentions.extract_mentions`;
* corpus-wide: :func:`graph.resolve.resolve`, :func:`graph.concepts.select_concepts`,
  :func:`graph.cooccur.cooccurrence_graph`, :func:`graph.analysis.analyze`.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import spacy
from spacy.language import Language
from tqdm import tqdm

from .aliases import AliasEntry, load_aliases
from .analysis import analyze
from .cache import ExtractionCache, file_key
from .clean import clean_document
from .concepts import refine_concept_mentions, select_concepts
from .cooccur import CooccurrenceCounter, parse_window
from .dedup import Deduplicator, Fingerprint, fingerprint
from .engines import ENGINES, BatchFuture, Executor, attach, make_executor
from .engines.local import InlineExecutor
from .errors import JalinError
from .ingest import iter_files, read_documents
from .nlp.pipeline import PipelineSpec, pipeline_version
from .records import DocMentions, Document, Mention, Resolution, content_id
from .resolve import resolve

DEFAULT_MAX_CONCEPTS = 50
FREEZE_EVERY = 512
"""While the corpus's records pile up, the garbage collector is told every this many documents
that what it holds so far is there to stay (:func:`gc.freeze`): otherwise its full collections
walk every record again and again (reading 10,000 articles' records back took three times as
long). Reference counting still frees those records; the freeze is undone when the build ends."""


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Pause automatic garbage collection inside the ``with`` block; on exit, freeze what is
    alive (:func:`gc.freeze`) and restore the collector's setting.

    The corpus-wide stages (resolution, co-occurrence, analysis, export) allocate millions of
    small containers that live until the stage ends; the collector's generation thresholds
    then fire full collections that walk them over and over (1.4 s of the 9.6 s those stages
    take on 10,000 articles). Reference counting still frees everything they drop; only
    reference cycles wait, and these stages make few. The freeze on exit spares the next
    collection one walk over all of it; :func:`build_from_documents` undoes its freezes
    (:func:`gc.unfreeze`) when it returns.

    >>> with collection_paused():
    ...     gc.isenabled()
    False
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # what the block made is not scanned all at once by the next collection either
        gc.freeze()
        if enabled:
            gc.enable()


SEED_FOLDERS = (
    Path(__file__).resolve().parent.parent / "seeds",  # a source checkout or editable install
    Path(sys.prefix) / "share" / "jalin" / "seeds",  # an installed wheel
)


def default_sources() -> list[str]:
    """The built-in demo corpus: the repository's ``seeds/`` folder, installed with Jalin."""
    for folder in SEED_FOLDERS:
        if folder.is_dir():
            return [str(folder)]
    raise JalinError("no SRC given and the built-in seeds are not installed", str(SEED_FOLDERS[1]))


def read_cleaned(sources: Iterable[str | Path], *, strict: bool = False,
                 on_error: Callable[[JalinError], None] | None = None,
                 cache: ExtractionCache | None = None) -> Iterator[Document]:
    """Read and clean every document of the sources, file by file.

    With a ``cache``, a file unchanged since an earlier build (same path, size, modification
    time and reading code) is not read or cleaned again: its cleaned documents, and the warnings
    reading it gave, come from the cache.
    """
    for doc, _ in _read_cleaned(sources, strict=strict, on_error=on_error, cache=cache):
        yield doc


def _read_cleaned(sources: Iterable[str | Path], *, strict: bool,
                  on_error: Callable[[JalinError], None] | None,
                  cache: ExtractionCache | None,
                  ) -> Iterator[tuple[Document, Fingerprint | None]]:
    """:func:`read_cleaned`, with each document's dedup fingerprint when the cache had it."""
    def report(error: JalinError) -> None:
        if on_error is not None:
            on_error(error)

    if cache is None:
        for raw in read_documents(sources, strict=strict, on_error=on_error):
            yield clean_document(raw), None
        return
    fresh: list[tuple[str, list[Document], list[str], list[Fingerprint]]] = []
    try:
        for path in iter_files(sources):
            key = file_key(path)
            stored = cache.get_cleaned(key) if key is not None else None
            if stored is not None:
                docs, warnings, fingerprints = stored
                for warning in warnings:
                    report(JalinError(warning))
                yield from zip(docs, fingerprints, strict=True)
                continue
            said: list[JalinError] = []

            def note(error: JalinError, said: list[JalinError] = said) -> None:
                said.append(error)
                report(error)

            docs = [clean_document(raw)
                    for raw in read_documents([path], strict=strict, on_error=note)]
            fingerprints = [fingerprint(d) for d in docs]
            yield from zip(docs, fingerprints, strict=True)
            if key is not None and file_key(path) == key:  # not changed while read
                fresh.append((key, docs, [str(e) for e in said], fingerprints))
                if len(fresh) >= 200:
                    cache.put_cleaned(fresh)
                    fresh = []
    finally:
        cache.put_cleaned(fresh)


def iter_documents(sources: Iterable[str | Path], *, strict: bool = False,
                   keep_duplicates: bool = False,
                   on_error: Callable[[JalinError], None] | None = None,
                   cache: ExtractionCache | None = None) -> Iterator[Document]:
    """Read and clean documents, skipping duplicates and near-duplicates unless asked.

    Duplicates (see :mod:`graph.dedup`) are counted once: the first copy in corpus order is kept;
    at the end one warning through ``on_error`` says how many were skipped. Documents with no
    text left after cleaning are skipped with a warning. ``cache``: see :func:`read_cleaned`.
    """
    dedup = None if keep_duplicates else Deduplicator()
    example = ""
    for doc, known in _read_cleaned(sources, strict=strict, on_error=on_error, cache=cache):
        if not doc.text.strip():
            if on_error is not None:
                on_error(JalinError("skipped: no article text left after cleaning", doc.path))
            continue
        if dedup is not None:
            duplicate = dedup.check(doc, known)
            if duplicate is not None:
                example = example or f"{doc.path} repeats {duplicate.original}"
                continue
        yield doc
    if dedup is not None and example and on_error is not None:
        on_error(JalinError(
            f"{dedup.exact_count + dedup.near_count} duplicate article(s) counted once "
            f"({dedup.exact_count} exact, {dedup.near_count} near-duplicate; e.g. {example}); "
            "--keep-duplicates keeps them"))


def unique_ids(documents: Iterable[Document]) -> Iterator[Document]:
    """The documents, each with an id no earlier one has.

    Ids key every per-document record downstream; two JSON Lines files that both number their
    records from 1 must not merge their mentions. A repeated id gets a suffix made from the
    path and text, so the result is the same on every run.
    """
    ids: set[str] = set()
    for doc in documents:
        if doc.id in ids:
            doc = doc.replace(id=f"{doc.id}~{content_id(doc.path + chr(0) + doc.text)[:8]}")
        ids.add(doc.id)
        yield doc


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


class _LazyExecutor:
    """Makes the real executor (loading the pipeline, starting workers) on the first batch, so a
    build whose every document is cached never loads a model."""

    def __init__(self, make: Callable[[], Executor]) -> None:
        self._make = make
        self._executor: Executor | None = None

    def submit(self, batch: Sequence[Document]) -> BatchFuture:
        if self._executor is None:
            self._executor = self._make()
        return self._executor.submit(batch)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.close()
            self._executor = None


def extract_corpus(documents: Iterable[Document], nlp: Language | None = None, *,
                   batch_size: int = 32, cache: ExtractionCache | None = None,
                   executor: Executor | None = None,
                   chunk_size: int | None = None,
                   sentences: bool = True) -> Iterator[DocMentions]:
    """Run the NLP over documents as a stream and yield their mentions, in order.

    The documents go through ``executor`` (see :mod:`graph.engines`; default: ``nlp.pipe`` in this
    process) in batches of ``batch_size``, a chunk of ``chunk_size`` documents at a time: while the
    workers run one chunk, this process reads and cleans the next, so at most two chunks are in
    memory. With a ``cache``, documents extracted before by the same pipeline are read from it,
    and only the others are sent to the executor (and then stored). ``sentences=False`` yields
    what resolution needs only (see :func:`without_text`), which a cache reads much faster.
    """
    own = executor is None
    if executor is None:
        if nlp is None:
            raise ValueError("extract_corpus needs nlp or an executor")
        executor = InlineExecutor(nlp, batch_size=batch_size)
    chunk_size = chunk_size or batch_size * 16
    try:
        pending = None
        for chunk in _batches(documents, chunk_size):
            found = cache.get_many(chunk, sentences=sentences) if cache is not None else {}
            missing = [d for d in chunk if cache is None or cache.key(d) not in found]
            futures = [(batch, executor.submit(batch))
                       for batch in _batches(missing, batch_size)]
            if pending is not None:
                yield from _finish(*pending, cache, sentences)
            pending = (chunk, found, futures)
        if pending is not None:
            yield from _finish(*pending, cache, sentences)
    finally:
        if own:
            executor.close()


def _finish(chunk: list[Document], found: dict[str, DocMentions],
            futures: list[tuple[list[Document], BatchFuture]],
            cache: ExtractionCache | None, sentences: bool) -> Iterator[DocMentions]:
    fresh: list[DocMentions] = []
    for batch, future in futures:
        fresh.extend(attach(batch, future.result()))
    if cache is not None:
        cache.put_many((dm.doc, dm) for dm in fresh)
    made = iter(fresh if sentences else map(without_text, fresh))
    for d in chunk:
        stored = found.get(cache.key(d)) if cache is not None and found else None
        if stored is None:
            yield next(made)
        elif sentences:
            yield stored
        else:  # read without sentences, with interned strings: only the document to lighten
            yield DocMentions(_light_document(d), stored.mentions, (), (), (),
                              stored.definitions)


@dataclass
class BuildResult:
    """Everything a build produced: the graph and what explains it."""

    graph: nx.Graph
    resolution: Resolution
    documents: int
    mentions: int
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


def _light_document(doc: Document) -> Document:
    return doc.replace(id=sys.intern(doc.id), text="", meta={})


def without_text(dm: DocMentions) -> DocMentions:
    """What resolution needs of a document: its mentions, definitions and metadata.

    Held for every document of the corpus until the graph is built, so it is kept small: no
    text, no sentences, no cleaning record, and the strings that repeat across documents (names,
    labels, roles) shared through :func:`sys.intern`.
    """
    intern, make = sys.intern, Mention._make
    doc_id = intern(dm.doc.id)
    mentions = tuple(make((doc_id, m.start, m.end, intern(m.text), intern(m.label), m.sent,
                           m.para, intern(m.role))) for m in dm.mentions)
    return DocMentions(_light_document(dm.doc), mentions, (), (), (), dm.definitions)


def build_from_documents(documents: Iterable[Document], *, nlp: Language | None = None,
                         window: str | int = "sentence", evidence: int = 3,
                         max_concepts: int = DEFAULT_MAX_CONCEPTS, merge: bool = True,
                         aliases: Iterable[AliasEntry] = (), progress: bool = False,
                         batch_size: int = 32,
                         previous_ids: Mapping[str, str] | None = None,
                         cache: ExtractionCache | None = None,
                         executor: Executor | None = None) -> BuildResult:
    """The corpus-wide part of a build, from cleaned documents already in hand.

    Two passes keep memory bounded by the graph rather than the corpus: the first streams the
    documents through the NLP (``executor``, default ``nlp.pipe`` here) into the extraction store
    (``cache``, or a temporary one) and keeps only mentions and metadata for resolution; the
    second streams each document's sentences back from the store to count co-occurrences and
    keep evidence. A given ``executor`` is closed once the NLP is done.
    """
    started = time.perf_counter()
    window = parse_window(window)
    with contextlib.ExitStack() as stack:
        stack.callback(gc.unfreeze)
        store = cache
        if store is None:
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="jalin-"))
            store = stack.enter_context(ExtractionCache(Path(folder) / "extractions.db",
                                                        "this build"))
        keys: list[str] = []
        documents = (keys.append(store.key(d)) or d for d in unique_ids(documents))
        stream = extract_corpus(documents, nlp, batch_size=batch_size, cache=store,
                                executor=executor, sentences=False)
        light: list[DocMentions] = []
        for dm in tqdm(stream, desc="reading", unit="doc", disable=not progress,
                       file=sys.stderr, leave=False):
            light.append(dm)
            if len(light) % FREEZE_EVERY == 0:
                gc.freeze()
        if executor is not None:  # the workers' memory is free for the corpus-wide stages
            executor.close()
        stack.enter_context(collection_paused())
        if merge:
            light = refine_concept_mentions(light)
        gc.freeze()
        resolution = resolve(light, aliases=aliases, merge=merge, previous_ids=previous_ids)
        resolution = select_concepts(resolution, max_concepts)
        gc.freeze()
        counter = CooccurrenceCounter(resolution, window, evidence)
        for dm, (texts, starts, paras) in zip(light, store.read_sentences(keys), strict=True):
            counter.add(DocMentions(dm.doc, dm.mentions, texts, starts, paras, dm.definitions))
        g = analyze(counter.graph())
    warnings = []
    if counter.capped_windows:
        warnings.append(f"{counter.capped_windows} {window} window(s) named more than "
                        f"{counter.max_window_entities} entities: only the first "
                        f"{counter.max_window_entities} named in each were linked")
    return BuildResult(graph=g, resolution=resolution, documents=len(light),
                       mentions=sum(len(d.mentions) for d in light),
                       seconds=time.perf_counter() - started, warnings=warnings)


def build_result(sources: Iterable[str | Path] | None = None, *, model: str | Path | None = None,
                 nlp: Language | None = None, window: str | int = "sentence", evidence: int = 3,
                 concepts: bool = True, max_concepts: int = DEFAULT_MAX_CONCEPTS,
                 merge: bool = True, aliases: str | Path | None = None, strict: bool = False,
                 keep_duplicates: bool = False, progress: bool = False,
                 batch_size: int = 32,
                 previous_ids: Mapping[str, str] | None = None,
                 cache: str | Path | None = None, prune_cache: bool = False,
                 jobs: int | None = 1, engine: str = "local",
                 scheduler: str | None = None) -> BuildResult:
    """Like :func:`build`, returning a :class:`BuildResult` with the resolution and counts.

    ``previous_ids`` (the ``key_ids`` of an earlier build's ``resolution.json``) keeps node ids
    stable across builds. ``cache`` is the path of an extraction cache (:mod:`graph.cache`):
    documents already extracted by the same pipeline are not run through spaCy again (and when
    all are, no model is loaded); ``prune_cache`` then removes from it what this build did not
    use (see :meth:`~graph.cache.ExtractionCache.prune`). ``jobs`` worker processes run the
    NLP (``None``: all cores); ``engine="dask"`` runs it on a dask.distributed cluster
    (``scheduler`` address, or a local cluster of ``jobs`` workers). Every engine and number of
    jobs gives the same graph.
    """
    started = time.perf_counter()
    parse_window(window)  # fail on a bad option before loading anything
    if evidence < 0:
        raise JalinError("--evidence must be 0 or more")
    if engine not in ENGINES:
        raise JalinError(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    alias_entries = load_aliases(aliases)
    spec = PipelineSpec(None if model is None else str(model), concepts=concepts)
    version = pipeline_version(nlp) if nlp is not None else spec.version()
    if nlp is None and model is not None and not Path(model).exists() and \
            not spacy.util.is_package(str(model)):  # fail before any file is read
        raise JalinError("no such spaCy pipeline (neither an installed package nor a folder)",
                         str(model))
    problems: list[str] = []

    def report(error: JalinError) -> None:
        problems.append(str(error))
        if progress:
            tqdm.write(f"warning: {error}", file=sys.stderr)

    store = None if cache is None else ExtractionCache(cache, version)
    documents = iter_documents(default_sources() if sources is None else sources, strict=strict,
                               keep_duplicates=keep_duplicates, on_error=report, cache=store)
    def make() -> Executor:
        return make_executor(spec, engine=engine, jobs=jobs, scheduler=scheduler, nlp=nlp,
                             batch_size=batch_size)

    # a cluster is reached at once (a wrong address fails before any file is read); the local
    # engine loads its pipeline only when a document is not in the cache
    executor = make() if engine == "dask" else _LazyExecutor(make)
    try:
        result = build_from_documents(documents, window=window, evidence=evidence,
                                      max_concepts=max_concepts if concepts else 0, merge=merge,
                                      aliases=alias_entries, progress=progress,
                                      batch_size=batch_size, previous_ids=previous_ids,
                                      cache=store, executor=executor)
        if store is not None and prune_cache:
            pruned = store.prune()
            if pruned and progress:
                tqdm.write(f"cache: {pruned} unused row(s) removed", file=sys.stderr)
    finally:
        executor.close()
        if store is not None:
            store.close()
    for warning in result.warnings:
        report(JalinError(warning))
    result.warnings = problems
    result.seconds = time.perf_counter() - started
    return result


def build(sources: Iterable[str | Path] | None = None, **options: object) -> nx.Graph:
    """Build the knowledge graph of the articles in ``sources`` (files, folders or globs).

    ``sources=None`` builds the built-in seeds. Options: ``model`` (spaCy pipeline name or path),
    ``nlp`` (a loaded pipeline), ``window`` (``sentence``, ``paragraph``, ``document`` or a number),
    ``evidence`` (sentences kept per edge), ``concepts`` (bool), ``max_concepts``, ``merge``
    (False: exact strings only), ``aliases`` (a YAML alias file), ``strict``, ``keep_duplicates``,
    ``progress``, ``batch_size``, ``cache`` (path of an extraction cache), ``prune_cache``,
    ``jobs`` (worker
    processes for the NLP; ``None``: all cores), ``engine`` (``local`` or ``dask``) and
    ``scheduler`` (a dask scheduler's address).

    >>> import graph  # doctest: +SKIP
    >>> G = graph.build(["seeds/"])  # doctest: +SKIP
    >>> G.nodes["person:rudiantara"]["type"]  # doctest: +SKIP
    'PERSON'
    """
    return build_result(sources, **options).graph  # type: ignore[arg-type]
