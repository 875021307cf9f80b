"""The whole main path: files -> documents -> mentions -> entities -> graph.

``build(paths)`` is what ``jalin build`` runs. Its steps are the public functions of the stage
modules, so each can also be called alone:

* per document (streamed, cacheable, parallelisable): :func:`graph.ingest.read_documents`,
  :func:`graph.clean.clean_document`, the spaCy pipeline, :func:`graph.mentions.extract_mentions`;
* corpus-wide: :func:`graph.resolve.resolve`, :func:`graph.concepts.select_concepts`,
  :func:`graph.cooccur.cooccurrence_graph`, :func:`graph.analysis.analyze`.
"""

from __future__ import annotations

import itertools
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from spacy.language import Language
from tqdm import tqdm

from .aliases import AliasEntry, load_aliases
from .analysis import analyze
from .cache import ExtractionCache
from .clean import clean_document
from .concepts import refine_concept_mentions, select_concepts
from .cooccur import CooccurrenceCounter, parse_window
from .dedup import Deduplicator
from .errors import JalinError
from .ingest import read_documents
from .mentions import extract_mentions
from .nlp.pipeline import load_pipeline, pipeline_version
from .records import DocMentions, Document, Resolution, content_id
from .resolve import resolve

DEFAULT_MAX_CONCEPTS = 50
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


def iter_documents(sources: Iterable[str | Path], *, strict: bool = False,
                   keep_duplicates: bool = False,
                   on_error: Callable[[JalinError], None] | None = None) -> Iterator[Document]:
    """Read and clean documents, skipping duplicates and near-duplicates unless asked.

    Duplicates (see :mod:`graph.dedup`) are counted once: the first copy in corpus order is kept;
    at the end one warning through ``on_error`` says how many were skipped. Documents with no
    text left after cleaning are skipped with a warning.
    """
    dedup = None if keep_duplicates else Deduplicator()
    example = ""
    for raw in read_documents(sources, strict=strict, on_error=on_error):
        doc = clean_document(raw)
        if not doc.text.strip():
            if on_error is not None:
                on_error(JalinError("skipped: no article text left after cleaning", raw.path))
            continue
        if dedup is not None:
            duplicate = dedup.check(doc)
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


def extract_corpus(documents: Iterable[Document], nlp: Language, *, batch_size: int = 32,
                   cache: ExtractionCache | None = None) -> Iterator[DocMentions]:
    """Run the spaCy pipeline over documents as a stream and yield their mentions, in order.

    With a ``cache``, documents extracted before by the same pipeline are read from it and only
    the others go through spaCy (and into the cache).
    """
    if cache is None:
        docs_iter = ((doc.text, doc) for doc in documents)
        for spacy_doc, document in nlp.pipe(docs_iter, as_tuples=True, batch_size=batch_size):
            yield extract_mentions(spacy_doc, document)
        return
    for batch in _batches(documents, batch_size * 8):
        found = cache.get_many(batch)
        missing = [d for d in batch if cache.key(d) not in found]
        fresh = [extract_mentions(spacy_doc, d) for spacy_doc, d in nlp.pipe(
            ((d.text, d) for d in missing), as_tuples=True, batch_size=batch_size)]
        cache.put_many(zip(missing, fresh, strict=True))
        by_key = {cache.key(d): dm for d, dm in zip(missing, fresh, strict=True)}
        by_key.update(found)
        for d in batch:
            yield by_key[cache.key(d)]


@dataclass
class BuildResult:
    """Everything a build produced: the graph and what explains it."""

    graph: nx.Graph
    resolution: Resolution
    documents: int
    mentions: int
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


def build_from_documents(documents: Iterable[Document], *, nlp: Language,
                         window: str | int = "sentence", evidence: int = 3,
                         max_concepts: int = DEFAULT_MAX_CONCEPTS, merge: bool = True,
                         aliases: Iterable[AliasEntry] = (), progress: bool = False,
                         batch_size: int = 32,
                         previous_ids: Mapping[str, str] | None = None,
                         cache: ExtractionCache | None = None) -> BuildResult:
    """The corpus-wide part of a build, from cleaned documents already in hand."""
    started = time.perf_counter()
    window = parse_window(window)
    stream = extract_corpus(unique_ids(documents), nlp, batch_size=batch_size, cache=cache)
    doc_mentions = list(tqdm(stream, desc="reading", unit="doc", disable=not progress,
                             file=sys.stderr, leave=False))
    if merge:
        doc_mentions = refine_concept_mentions(doc_mentions)
    resolution = resolve(doc_mentions, aliases=aliases, merge=merge, previous_ids=previous_ids)
    resolution = select_concepts(resolution, max_concepts)
    counter = CooccurrenceCounter(resolution, window, evidence)
    for dm in doc_mentions:
        counter.add(dm)
    g = analyze(counter.graph())
    warnings = []
    if counter.capped_windows:
        warnings.append(f"{counter.capped_windows} {window} window(s) named more than "
                        f"{counter.max_window_entities} entities: only the first "
                        f"{counter.max_window_entities} named in each were linked")
    return BuildResult(graph=g, resolution=resolution, documents=len(doc_mentions),
                       mentions=sum(len(d.mentions) for d in doc_mentions),
                       seconds=time.perf_counter() - started, warnings=warnings)


def build_result(sources: Iterable[str | Path] | None = None, *, model: str | Path | None = None,
                 nlp: Language | None = None, window: str | int = "sentence", evidence: int = 3,
                 concepts: bool = True, max_concepts: int = DEFAULT_MAX_CONCEPTS,
                 merge: bool = True, aliases: str | Path | None = None, strict: bool = False,
                 keep_duplicates: bool = False, progress: bool = False,
                 batch_size: int = 32,
                 previous_ids: Mapping[str, str] | None = None,
                 cache: str | Path | None = None) -> BuildResult:
    """Like :func:`build`, returning a :class:`BuildResult` with the resolution and counts.

    ``previous_ids`` (the ``key_ids`` of an earlier build's ``resolution.json``) keeps node ids
    stable across builds. ``cache`` is the path of an extraction cache (:mod:`graph.cache`):
    documents already extracted by the same pipeline are not run through spaCy again.
    """
    started = time.perf_counter()
    parse_window(window)  # fail on a bad option before loading anything
    if evidence < 0:
        raise JalinError("--evidence must be 0 or more")
    alias_entries = load_aliases(aliases)
    if nlp is None:
        nlp = load_pipeline(model, concepts=concepts)
    problems: list[str] = []

    def report(error: JalinError) -> None:
        problems.append(str(error))
        if progress:
            tqdm.write(f"warning: {error}", file=sys.stderr)

    documents = iter_documents(default_sources() if sources is None else sources, strict=strict,
                               keep_duplicates=keep_duplicates, on_error=report)
    store = None if cache is None else ExtractionCache(cache, pipeline_version(nlp))
    try:
        result = build_from_documents(documents, nlp=nlp, window=window, evidence=evidence,
                                      max_concepts=max_concepts if concepts else 0, merge=merge,
                                      aliases=alias_entries, progress=progress,
                                      batch_size=batch_size, previous_ids=previous_ids,
                                      cache=store)
    finally:
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
    ``progress``, ``batch_size``, ``cache`` (path of an extraction cache).

    >>> import graph  # doctest: +SKIP
    >>> G = graph.build(["seeds/"])  # doctest: +SKIP
    >>> G.nodes["person:rudiantara"]["type"]  # doctest: +SKIP
    'PERSON'
    """
    return build_result(sources, **options).graph  # type: ignore[arg-type]
