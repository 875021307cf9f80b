"""A document's token attributes as plain Python lists, read once per document.

Jalin's rule components ask the same document's tokens the same questions again and again ("is the
word before this one a title?"). ``doc[i].lower_`` makes a new :class:`~spacy.tokens.Token`
object each time, which costs more than the question: on news articles the rules made over three
million of them per 150 articles, a large share of the rules' time (cProfile, ``bench/``). The
lists here are read from the document's arrays once (:meth:`~spacy.tokens.Doc.to_array`, no Token
object made per token), kept on ``doc.user_data`` and shared by all components.

The tokens must not change between components: Jalin's only retokenizer
(:mod:`graph.nlp.sentences`) runs before the trained model, and a kept list whose length no longer
matches the document's is read again.

>>> import spacy
>>> doc = spacy.blank("id")("Kata Menteri BUMN")
>>> token_lowers(doc), token_texts(doc)
(['kata', 'menteri', 'bumn'], ['Kata', 'Menteri', 'BUMN'])
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span

T = TypeVar("T")


def per_document(function: Callable[[Doc], T]) -> Callable[[Doc], T]:
    """``function`` of a document, computed once per document: the result is kept on
    ``doc.user_data`` (the text does not change between components, which ask again)."""
    key = f"jalin.{function.__name__}"

    @wraps(function)
    def once(doc: Doc) -> T:
        kept = doc.user_data.get(key)
        if kept is not None and kept[0] == len(doc):
            return kept[1]
        value = function(doc)
        doc.user_data[key] = (len(doc), value)
        return value

    return once


def _strings(doc: Doc, attr: int) -> list[str]:
    strings = doc.vocab.strings
    return [strings[value] for value in doc.to_array(attr).tolist()] if len(doc) else []


@per_document
def token_texts(doc: Doc) -> list[str]:
    """``[token.text for token in doc]``, read once per document."""
    return _strings(doc, ORTH)


@per_document
def token_lowers(doc: Doc) -> list[str]:
    """``[token.lower_ for token in doc]``, read once per document."""
    return _strings(doc, LOWER)


def span_texts(span: Span) -> list[str]:
    """``[token.text for token in span]`` from :func:`token_texts`."""
    return token_texts(span.doc)[span.start:span.end]


def span_lowers(span: Span) -> list[str]:
    """``[token.lower_ for token in span]`` from :func:`token_lowers`."""
    return token_lowers(span.doc)[span.start:span.end]
