"""Co-occurrence: entities named in the same window become weighted edges, with their evidence.

A window is a sentence (the default), a paragraph, a whole document, or ``N`` consecutive sentences
(every run of N sentences counts as one window, so neighbours one sentence apart co-occur when
N >= 2). Each edge carries:

* ``weight``: the number of windows holding both ends;
* ``docs``: the number of documents in which they co-occur;
* ``npmi``: normalised pointwise mutual information over windows (Bouma 2009, "Normalized
  (pointwise) mutual information in collocation extraction", GSCL), which corrects raw counts for
  how often each end appears at all: 1 when two entities only ever appear together, 0 when they
  co-occur as often as chance predicts;
* ``evidence``: up to K sentences (with their document ids) in which both are named, preferring
  sentences from different documents.

Memory is bounded by the graph, not the corpus: counts are aggregated per edge as documents stream
through, and evidence is capped per edge.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from json.encoder import encode_basestring

import networkx as nx

from . import __version__
from .errors import JalinError
from .records import DocMentions, Resolution

WINDOWS = ("sentence", "paragraph", "document")
MAX_DOC_IDS = 50
MAX_WINDOW_ENTITIES = 150
"""A window naming more entities than this (a list of names, a whole long document as one
window) links only the first this many it names: N entities make N(N-1)/2 edges, and ten thousand
would make fifty million. Every entity still counts as present in the window."""


def parse_window(window: str | int) -> str | int:
    """Validate a window option: ``sentence``, ``paragraph``, ``document`` or a positive integer.

    >>> parse_window("3"), parse_window("sentence")
    (3, 'sentence')
    """
    if isinstance(window, int) or (isinstance(window, str) and window.isdigit()):
        size = int(window)
        if size < 1:
            raise JalinError("--window: a window of sentences must be at least 1")
        return "sentence" if size == 1 else size
    if window not in WINDOWS:
        raise JalinError(f"--window must be one of {', '.join(WINDOWS)} or a number, "
                         f"not {window!r}")
    return window


def document_windows(doc: DocMentions, window: str | int) -> list[tuple[int, int]]:
    """The windows of one document as half-open ranges of sentence indices."""
    n = len(doc.sentences)
    if n == 0:
        return []
    if window == "sentence":
        return [(i, i + 1) for i in range(n)]
    if window == "document":
        return [(0, n)]
    if window == "paragraph":
        ranges: list[tuple[int, int]] = []
        start = 0
        for i in range(1, n + 1):
            if i == n or doc.sentence_paras[i] != doc.sentence_paras[start]:
                ranges.append((start, i))
                start = i
        return ranges
    size = int(window)
    return [(i, i + size) for i in range(max(1, n - size + 1))]


@dataclass
class _EdgeStats:
    weight: int = 0
    docs: int = 0
    last_doc: str = ""
    evidence: list[dict[str, str]] = field(default_factory=list)
    evidence_docs: set[str] = field(default_factory=set)


@dataclass
class CooccurrenceCounter:
    """Streams documents in and aggregates window counts; :meth:`graph` returns the result."""

    resolution: Resolution
    window: str | int = "sentence"
    evidence: int = 3
    windows_total: int = 0
    node_windows: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    edges: dict[tuple[str, str], _EdgeStats] = field(default_factory=dict)
    node_docs: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    documents: dict[str, dict[str, str]] = field(default_factory=dict)
    max_window_entities: int = MAX_WINDOW_ENTITIES
    capped_windows: int = 0
    """How many windows named more than ``max_window_entities`` entities (and were capped)."""

    def add(self, doc: DocMentions) -> None:
        """Count one document's windows."""
        doc_id = doc.doc.id
        self.documents[doc_id] = doc.doc.info()
        by_sentence: dict[int, set[str]] = defaultdict(set)
        # the entity list may be shorter: the last mentions resolved to nothing
        entities = self.resolution.mention_entity.of(doc_id)
        for m, entity in zip(doc.mentions, entities, strict=False):
            if entity is not None:
                by_sentence[m.sent].add(entity)
        for entity in set().union(*by_sentence.values()) if by_sentence else ():
            ids = self.node_docs[entity]
            if len(ids) < MAX_DOC_IDS:
                ids.append(doc_id)
        edges, evidence = self.edges, self.evidence
        for start, end in document_windows(doc, self.window):
            if end - start == 1:
                present = by_sentence.get(start, set())  # read, never changed
            else:
                present = set()
                for s in range(start, end):
                    present |= by_sentence.get(s, set())
            self.windows_total += 1
            for entity in present:
                self.node_windows[entity] += 1
            if len(present) > self.max_window_entities:
                present = self._first_named(doc, doc_id, start, end)
                self.capped_windows += 1
            for pair in combinations(sorted(present), 2):
                stats = edges.get(pair)
                if stats is None:
                    stats = edges[pair] = _EdgeStats()
                stats.weight += 1
                if stats.last_doc != doc_id:
                    stats.docs += 1
                    stats.last_doc = doc_id
                # evidence is full when it holds `evidence` items and either comes from as many
                # documents or already has this one (most pairs of a large corpus)
                if evidence > 0 and not (len(stats.evidence) >= evidence and (
                        doc_id in stats.evidence_docs or len(stats.evidence_docs) >= evidence)):
                    self._add_evidence(stats, doc, doc_id, *pair, start, end, by_sentence)

    def _first_named(self, doc: DocMentions, doc_id: str, start: int, end: int) -> set[str]:
        """The first ``max_window_entities`` entities named in sentences ``start``..``end``."""
        order: dict[str, None] = {}
        entities = self.resolution.mention_entity.of(doc_id)
        for m, entity in zip(doc.mentions, entities, strict=False):
            if start <= m.sent < end and entity is not None:
                order.setdefault(entity, None)
                if len(order) >= self.max_window_entities:
                    break
        return set(order)

    def _add_evidence(self, stats: _EdgeStats, doc: DocMentions, doc_id: str, a: str, b: str,
                      start: int, end: int, by_sentence: dict[int, set[str]]) -> None:
        """Keep this window's sentence as evidence of edge ``a``-``b`` if there is room, or if it
        can replace an item of a document that gave two (:meth:`add` calls it only then)."""
        full = len(stats.evidence) >= self.evidence
        if end - start == 1:  # a one-sentence window (the default)
            best = (start, start)
        else:  # the shortest run of sentences in the window that names both ends
            holding_a = [s for s in range(start, end) if a in by_sentence.get(s, ())]
            holding_b = [s for s in range(start, end) if b in by_sentence.get(s, ())]
            best = min(((min(x, y), max(x, y)) for x in holding_a for y in holding_b),
                       key=lambda r: (r[1] - r[0], r[0]))
        if best[1] - best[0] <= 1:
            text = " ".join(doc.sentences[best[0]:best[1] + 1])
        else:  # far apart in a paragraph or document window: the two sentences, not all between
            text = f"{doc.sentences[best[0]]} … {doc.sentences[best[1]]}"
        item = {"doc_id": doc_id, "text": text}
        if item in stats.evidence:
            return
        if full:
            # replace an item from a document that already has another, for variety
            counts: dict[str, int] = defaultdict(int)
            for e in stats.evidence:
                counts[e["doc_id"]] += 1
            victim = next((k for k in range(len(stats.evidence) - 1, -1, -1)
                           if counts[stats.evidence[k]["doc_id"]] > 1), None)
            if victim is None:
                return
            stats.evidence[victim] = item
            stats.evidence_docs = {e["doc_id"] for e in stats.evidence}
        else:
            stats.evidence.append(item)
            stats.evidence_docs.add(doc_id)

    def graph(self) -> nx.Graph:
        """The co-occurrence graph of everything added so far (schema: docs/graph-schema.md)."""
        g = nx.Graph()
        dates = sorted(d["date"] for d in self.documents.values() if d.get("date"))
        g.graph.update({
            "name": "Jalin graph",
            "documents": json.dumps(self.documents, ensure_ascii=False, sort_keys=True),
            "n_documents": len(self.documents),
            "date_min": dates[0] if dates else "",
            "date_max": dates[-1] if dates else "",
            "window": str(self.window),
            "jalin_version": __version__,
        })
        for entity_id in sorted(self.resolution.entities):
            e = self.resolution.entities[entity_id]
            if e.id not in self.node_windows and e.id not in self.node_docs:
                continue
            g.add_node(e.id, label=e.label, type=e.type, aliases=" | ".join(e.aliases),
                       roles=" | ".join(e.roles), mentions=e.mentions, docs=e.docs,
                       doc_ids=json.dumps(self.node_docs.get(e.id, [])),
                       first_seen=e.first_seen or "", last_seen=e.last_seen or "")
        total = max(self.windows_total, 1)
        for (a, b), stats in sorted(self.edges.items()):
            g.add_edge(a, b, weight=stats.weight, docs=stats.docs,
                       npmi=round(npmi(stats.weight, self.node_windows[a], self.node_windows[b],
                                       total), 4),
                       evidence=evidence_json(stats.evidence))
        return g


def evidence_json(evidence: list[dict[str, str]]) -> str:
    """``json.dumps(evidence, ensure_ascii=False)`` for a list of ``{"doc_id", "text"}`` items,
    with only the strings escaped by the json module's own C escaper: a graph of 10,000 articles
    has 80,000 such lists and a ``json.dumps`` call apiece costs more than the text it writes.

    >>> items = [{"doc_id": "a1", "text": 'Kata "dia" <b>'}]
    >>> evidence_json(items) == json.dumps(items, ensure_ascii=False)
    True
    >>> evidence_json([])
    '[]'
    """
    escape = encode_basestring
    return "[" + ", ".join(f'{{"doc_id": {escape(e["doc_id"])}, "text": {escape(e["text"])}}}'
                           for e in evidence) + "]"


def npmi(joint: int, count_a: int, count_b: int, total: int) -> float:
    """Normalised PMI of two events from counts over ``total`` windows, in [-1, 1].

    >>> npmi(5, 5, 5, 100)
    1.0
    >>> round(npmi(2, 10, 10, 100), 3)
    0.177
    """
    if joint <= 0:
        return -1.0
    p_ab = joint / total
    if p_ab >= 1.0:
        return 1.0
    pmi = math.log(p_ab / ((count_a / total) * (count_b / total)))
    return max(-1.0, min(1.0, pmi / -math.log(p_ab)))


def cooccurrence_graph(docs: Iterable[DocMentions], resolution: Resolution, *,
                       window: str | int = "sentence", evidence: int = 3) -> nx.Graph:
    """Build the weighted co-occurrence graph of resolved entities.

    >>> from graph.records import Document, DocMentions, Mention, Entity, Resolution
    >>> d = Document(id="d1", path="a.txt", text="Ani ke Bali.")
    >>> ms = (Mention("d1", 0, 3, "Ani", "PERSON", 0, 0), Mention("d1", 7, 11, "Bali", "LOC", 0, 0))
    >>> r = Resolution({"person:ani": Entity("person:ani", "Ani", "PERSON", ("Ani",)),
    ...                 "loc:bali": Entity("loc:bali", "Bali", "LOC", ("Bali",))},
    ...                {("d1", 0): "person:ani", ("d1", 1): "loc:bali"})
    >>> g = cooccurrence_graph([DocMentions(d, ms, ("Ani ke Bali.",), (0,), (0,))], r)
    >>> g.edges["person:ani", "loc:bali"]["weight"]
    1
    """
    counter = CooccurrenceCounter(resolution, parse_window(window), evidence)
    for doc in docs:
        counter.add(doc)
    return counter.graph()
