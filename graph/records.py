"""Plain data passed between Jalin's stages.

Every record is a small frozen dataclass made of strings, numbers and tuples, so it can be cached
(JSON), sent to worker processes (pickle) and compared in tests. The flow is one way::

    files --ingest--> Document --clean--> Document --nlp+mentions--> DocMentions
          --resolve--> Resolution (Entity, Merge) --cooccur--> networkx.Graph --> outputs
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any, NamedTuple

ENTITY_TYPES = ("PERSON", "ORG", "LOC", "EVENT")
"""Named-entity types Jalin keeps. Other pipelines' labels are mapped onto these."""

CONCEPT = "CONCEPT"
"""Type of key-concept nodes (noun phrases that carry the story)."""

NODE_TYPES = (*ENTITY_TYPES, CONCEPT)

ROLE = "ROLE"
"""Label of a mention that is a bare title standing for a person ("Menkominfo"); the resolver links
it to the office holder or leaves it out. Never a node type."""


def content_id(text: str) -> str:
    """A document id: the first 16 hex digits of the SHA-1 of its text.

    >>> content_id("Jalin")
    'f19400455ea20a6e'
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Document:
    """One article.

    ``text`` is the body: raw after ingest, cleaned after :func:`graph.clean.clean_document`.
    ``date`` is an ISO date (``YYYY-MM-DD``) when known. ``meta`` holds anything else worth keeping
    (for instance ``dropped``: how many lines cleaning removed).
    """

    id: str
    path: str
    text: str
    title: str = ""
    source: str = ""
    date: str | None = None
    url: str = ""
    author: str = ""
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    def replace(self, **changes: Any) -> Document:
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)

    def info(self) -> dict[str, str]:
        """What the graph keeps of a document: title, source, date, url, path."""
        return {"title": self.title, "source": self.source, "date": self.date or "",
                "url": self.url, "path": self.path}


class Mention(NamedTuple):
    """One span of a document that names an entity or a concept.

    Offsets are character offsets into the cleaned body. ``sent`` and ``para`` are the indices of
    the sentence and paragraph holding the span. ``role`` is a title or role stripped from the
    front of a person's name ("Menkominfo" in "Menkominfo Rudiantara") or set after it in
    apposition ("Jack Ma, CEO Alibaba"), several joined with "; ", or ``""``. A ROLE mention
    (a bare title standing for a person) carries its own text as role.

    A named tuple rather than a frozen dataclass: a corpus holds hundreds of thousands of them
    and the tuple is made twice as fast (reading a large cache back is mostly making mentions).
    """

    doc_id: str
    start: int
    end: int
    text: str
    label: str
    sent: int
    para: int
    role: str = ""


@dataclass(frozen=True, slots=True)
class Definition:
    """Two names a document gives for one thing.

    ``kind`` is ``"abbreviation"`` for "long form (SHORT)" pairs, e.g. ("usaha kecil dan menengah",
    "UKM"), or ``"gloss"`` for a native term explained by its foreign original, e.g. ("peta jalan",
    "roadmap").
    """

    doc_id: str
    long: str
    short: str
    kind: str = "abbreviation"


@dataclass(frozen=True, slots=True)
class DocMentions:
    """Everything the corpus-wide stages need from one document after NLP.

    ``sentences`` are the sentence texts and ``sentence_paras`` the paragraph index of each, so that
    windows and evidence can be computed without the spaCy ``Doc``.
    """

    doc: Document
    mentions: tuple[Mention, ...]
    sentences: tuple[str, ...]
    sentence_starts: tuple[int, ...]
    sentence_paras: tuple[int, ...]
    definitions: tuple[Definition, ...] = ()


@dataclass(frozen=True, slots=True)
class Merge:
    """Why a surface form was joined to an entity: the rule and its evidence."""

    entity_id: str
    surface: str
    rule: str
    evidence: str


@dataclass(frozen=True, slots=True)
class Entity:
    """One node: a real-world thing with all its names merged."""

    id: str
    label: str
    type: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...] = ()
    mentions: int = 0
    docs: int = 0
    first_seen: str | None = None
    last_seen: str | None = None


@dataclass(frozen=True, slots=True)
class NearMiss:
    """Two nodes with similar names that resolution kept apart, and why."""

    a: str
    b: str
    reason: str


class MentionEntities(Mapping[tuple[str, int], str]):
    """``(doc_id, mention index)`` -> entity id, held as one list per document (``None`` for a
    mention of no entity): a corpus has millions of mentions, and a list entry costs 8 bytes and
    no hashing where a dict entry keyed by a tuple costs about 150.

    >>> me = MentionEntities({"d1": ["person:ani", None, "loc:bali"]})
    >>> me[("d1", 2)], ("d1", 1) in me, len(me), list(me)
    ('loc:bali', False, 2, [('d1', 0), ('d1', 2)])
    >>> me == {("d1", 0): "person:ani", ("d1", 2): "loc:bali"}
    True
    """

    __slots__ = ("by_doc",)

    def __init__(self, by_doc: dict[str, list[str | None]] | None = None) -> None:
        self.by_doc: dict[str, list[str | None]] = {} if by_doc is None else by_doc

    @classmethod
    def from_pairs(cls, pairs: Mapping[tuple[str, int], str]) -> MentionEntities:
        """The same mapping from a ``{(doc_id, index): entity_id}`` dict."""
        by_doc: dict[str, list[str | None]] = {}
        for (doc_id, index), entity in pairs.items():
            entities = by_doc.setdefault(doc_id, [])
            if index >= len(entities):
                entities.extend([None] * (index + 1 - len(entities)))
            entities[index] = entity
        return cls(by_doc)

    def of(self, doc_id: str) -> Sequence[str | None]:
        """The entity of each mention of a document, by index (shorter than its mentions when
        the last ones resolved to nothing; empty for an unknown document)."""
        return self.by_doc.get(doc_id, ())

    def documents(self) -> int:
        """How many documents have a mention of an entity."""
        return sum(1 for entities in self.by_doc.values()
                   if any(e is not None for e in entities))

    def without(self, dropped: Iterable[str]) -> MentionEntities:
        """A copy in which the mentions of the ``dropped`` entities resolve to nothing."""
        dropped = set(dropped)
        return MentionEntities({
            doc_id: [None if e in dropped else e for e in entities]
            for doc_id, entities in self.by_doc.items()})

    def __getitem__(self, pair: tuple[str, int]) -> str:
        doc_id, index = pair
        entities = self.by_doc.get(doc_id, ())
        entity = entities[index] if 0 <= index < len(entities) else None
        if entity is None:
            raise KeyError(pair)
        return entity

    def __iter__(self) -> Iterator[tuple[str, int]]:
        for doc_id, entities in self.by_doc.items():
            for index, entity in enumerate(entities):
                if entity is not None:
                    yield doc_id, index

    def __len__(self) -> int:
        return sum(len(entities) - entities.count(None) for entities in self.by_doc.values())

    def __repr__(self) -> str:
        return f"MentionEntities({dict(self.items())!r})"


@dataclass(frozen=True, slots=True)
class Resolution:
    """The output of resolution: entities, each mention's entity, and the merges that explain them.

    ``mention_entity`` maps ``(doc_id, mention index)`` to an entity id; a mention that resolved to
    nothing (a bare role with no holder, an ambiguous surname) is absent. A plain dict given here
    becomes a :class:`MentionEntities`.
    """

    entities: dict[str, Entity]
    mention_entity: MentionEntities
    merges: tuple[Merge, ...] = ()
    near_misses: tuple[NearMiss, ...] = ()
    key_ids: dict[str, str] = field(default_factory=dict)
    """Normalised name -> entity id, so a later build can keep the same ids."""

    def __post_init__(self) -> None:
        if not isinstance(self.mention_entity, MentionEntities):
            object.__setattr__(self, "mention_entity",
                               MentionEntities.from_pairs(self.mention_entity))


def doc_mentions_to_json(dm: DocMentions) -> tuple[str, str]:
    """The extraction of a document as two JSON texts (the document itself is not stored): its
    mentions and definitions, which resolution reads for every document, and its sentences, which
    only co-occurrence reads; kept apart so that neither has to parse the other.

    Mentions are stored by column, their strings (text, label, role) as indices into a table of
    the document's distinct strings: a cache of a large corpus is read back mostly for its
    mentions, and this form parses five times faster than one list per mention.
    """
    table: dict[str, int] = {}
    index = table.setdefault
    columns: list[list[int]] = [[], [], [], [], [], [], []]
    starts, ends, texts, labels, sents, paras, roles = columns
    for m in dm.mentions:
        starts.append(m.start)
        ends.append(m.end)
        texts.append(index(m.text, len(table)))
        labels.append(index(m.label, len(table)))
        sents.append(m.sent)
        paras.append(m.para)
        roles.append(index(m.role, len(table)))
    mentions = json.dumps({
        "strings": list(table), "mentions": columns,
        "definitions": [(d.doc_id, d.long, d.short, d.kind) for d in dm.definitions],
    }, ensure_ascii=False)
    sentences = json.dumps([dm.sentences, dm.sentence_starts, dm.sentence_paras],
                           ensure_ascii=False)
    return mentions, sentences


def doc_mentions_from_json(mentions: str, sentences: str | None, doc: Document) -> DocMentions:
    """The inverse of :func:`doc_mentions_to_json`, for ``doc``; with ``sentences=None``, a record
    without them (what resolution needs), its strings shared through :func:`sys.intern` (a
    corpus repeats its names and labels).

    >>> d = Document(id="d1", path="a.txt", text="Ani ke Bali.")
    >>> dm = DocMentions(d, (Mention("d1", 0, 3, "Ani", "PERSON", 0, 0),), ("Ani ke Bali.",),
    ...                  (0,), (0,), (Definition("d1", "Badan X", "BX"),))
    >>> doc_mentions_from_json(*doc_mentions_to_json(dm), d) == dm
    True
    >>> doc_mentions_from_json(doc_mentions_to_json(dm)[0], None, d).sentences
    ()
    """
    raw = json.loads(mentions)
    definitions = tuple(Definition(*d) for d in raw["definitions"])
    strings = raw["strings"]
    doc_id = doc.id
    if sentences is None:
        strings = list(map(sys.intern, strings))
        doc_id = sys.intern(doc_id)
    text = strings.__getitem__
    starts, ends, texts, labels, sents, paras, roles = raw["mentions"]
    found = tuple(map(Mention._make, zip(repeat(doc_id), starts, ends, map(text, texts),
                                         map(text, labels), sents, paras, map(text, roles))))
    if sentences is None:
        return DocMentions(doc, found, (), (), (), definitions)
    texts, starts, paras = json.loads(sentences)
    return DocMentions(doc=doc, mentions=found, sentences=tuple(texts),
                       sentence_starts=tuple(starts), sentence_paras=tuple(paras),
                       definitions=definitions)


def sentences_from_json(sentences: str) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    """The sentences, sentence starts and sentence paragraphs of a stored extraction."""
    texts, starts, paras = json.loads(sentences)
    return tuple(texts), tuple(starts), tuple(paras)


def document_to_dict(doc: Document) -> dict[str, Any]:
    """A document as a JSON-ready dict (``meta`` included)."""
    return {f.name: getattr(doc, f.name) for f in dataclasses.fields(doc)}


def document_from_dict(data: dict[str, Any]) -> Document:
    """The inverse of :func:`document_to_dict`.

    >>> d = Document(id="d1", path="a.txt", text="Ani.", date="2020-01-02", meta={"x": 1})
    >>> document_from_dict(json.loads(json.dumps(document_to_dict(d)))) == d
    True
    """
    return Document(**data)
