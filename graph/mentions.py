"""From a processed spaCy ``Doc`` to plain :class:`~graph.records.DocMentions`.

This is the last per-document step: everything after it (resolution, co-occurrence) works on plain
records, so it can run from a cache, in worker processes or on a cluster without spaCy objects.
"""

from __future__ import annotations

import bisect
import re

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span

from .clean import canonical_outlet, known_outlets
from .nlp.labels import is_initials
from .records import CONCEPT, ENTITY_TYPES, ROLE, Definition, DocMentions, Document, Mention

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def _squash(text: str) -> str:
    return " ".join(text.split())


def is_outlet_name(text: str, source: str) -> bool:
    """Whether ``text`` names a news outlet: the document's own or a well-known one.

    Taggers often read an outlet quoted in the story ("kata Noor Iza kepada KONTAN") as a person.

    >>> is_outlet_name("KONTAN", "Kontan.co.id"), is_outlet_name("Kompas.com", "")
    (True, True)
    """
    key = text.casefold().strip()
    if source and key in {source.casefold(), source.casefold().split(".")[0]}:
        return True
    return canonical_outlet(text) in known_outlets()


def _sentences(doc: Doc) -> list[Span]:
    """``doc.sents``, read from the sentence-start array (``doc.sents`` builds a ``Token`` object
    per token to check that sentence boundaries are set, which costs more than the rest of this
    module)."""
    if len(doc) == 0:
        return []
    starts = numpy.flatnonzero(doc.to_array([SENT_START]) == 1).tolist()
    bounds = sorted({0, *starts, len(doc)})
    return [doc[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def extract_mentions(doc: Doc, document: Document) -> DocMentions:
    """Entities, concepts, sentences and definitions of one processed document.

    ``doc`` must come from :func:`graph.load_pipeline` run on ``document.text``.

    >>> import graph
    >>> nlp = graph.load_pipeline()
    >>> d = graph.Document(id="x", path="x.txt", text="Presiden Joko Widodo tiba di Bali.")
    >>> [m.text for m in extract_mentions(nlp(d.text), d).mentions]
    ['Joko Widodo', 'Bali']
    """
    text = document.text or doc.text  # the same string; Doc.text rebuilds it token by token
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    sentences: list[str] = []
    starts: list[int] = []
    paras: list[int] = []
    first_tokens: list[int] = []
    for sent in _sentences(doc):
        sent_text = text[sent.start_char:sent.end_char]  # Span.text makes a Token per token
        stripped = sent_text.strip()
        if not stripped:
            continue
        offset = sent.start_char + (len(sent_text) - len(sent_text.lstrip()))
        sentences.append(_squash(stripped))
        starts.append(offset)
        paras.append(bisect.bisect_right(breaks, offset))
        first_tokens.append(sent.start)

    def sentence_of(token_index: int) -> int:
        return max(0, bisect.bisect_right(first_tokens, token_index) - 1)

    mentions: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_TYPES or is_initials(doc, ent.start, ent.end):
            continue  # initials ("tersangka berinisial AS") name no one across documents
        sent = sentence_of(ent.start)
        role = ent._.role if ent.has_extension("role") else ""
        label = "ORG" if is_outlet_name(ent.text, document.source) else ent.label_
        mentions.append(Mention(document.id, ent.start_char, ent.end_char, _squash(ent.text),
                                label, sent, paras[sent] if paras else 0, _squash(role)))
    # places that only name an office ("Duta Besar untuk [Tiongkok] Soegeng Rahardjo") or that
    # modify or act ("pemain e-commerce [Tiongkok]") are no entities by the annotation of cased
    # news, but the graph links them to what the sentence names
    offices = [span for name in ("office_places", "place_mentions") if doc.has_extension(name)
               for span in doc._.get(name) or []]
    if offices:
        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        for span in sorted(offices, key=lambda span: span.start):
            if taken.isdisjoint(range(span.start, span.end)):
                taken.update(range(span.start, span.end))
                sent = sentence_of(span.start)
                mentions.append(Mention(document.id, span.start_char, span.end_char,
                                        _squash(span.text), "LOC", sent,
                                        paras[sent] if paras else 0, ""))
    roles = doc._.roles if doc.has_extension("roles") and doc._.roles else []
    for span in roles:
        sent = sentence_of(span.start)
        mentions.append(Mention(document.id, span.start_char, span.end_char, _squash(span.text),
                                ROLE, sent, paras[sent] if paras else 0, _squash(span.text)))
    concepts = doc._.concepts if doc.has_extension("concepts") and doc._.concepts else []
    for span in concepts:
        sent = sentence_of(span.start)
        mentions.append(Mention(document.id, span.start_char, span.end_char, _squash(span.text),
                                CONCEPT, sent, paras[sent] if paras else 0))
    mentions.sort(key=lambda m: (m.start, m.end))

    definitions: list[Definition] = []
    pairs = doc._.abbreviations if doc.has_extension("abbreviations") else None
    for long_form, short_form in pairs or []:
        definitions.append(Definition(document.id, _squash(long_form.text),
                                      _squash(short_form.text)))
    glosses = doc._.glosses if doc.has_extension("glosses") else None
    for native, foreign in glosses or []:
        definitions.append(Definition(document.id, _squash(native.text), _squash(foreign.text),
                                      "gloss"))
    return DocMentions(doc=document, mentions=tuple(mentions), sentences=tuple(sentences),
                       sentence_starts=tuple(starts), sentence_paras=tuple(paras),
                       definitions=tuple(definitions))
