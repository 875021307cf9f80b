"""Read whole annotated articles (text + character offsets) as tagged sentences for training.

A JSON-lines file holds one article a line::

    {"id": "t1_1", "text": "...", "entities": [[start, end, "ORG"], ...]}

``start``/``end`` are character offsets into ``text`` (end exclusive); a label is one of Jalin's
(``PERSON``, ``ORG``, ``LOC``, ``EVENT``) or any label :data:`graph.nlp.conll.DEFAULT_LABEL_MAP`
knows. A label ending in ``?`` ("LOC?") marks a span whose annotation is uncertain (corpora
disagree on it, e.g. a country named as an actor: "[Israel] menolak"): its tokens are left
unannotated (missing, not outside) in training, as partial annotation (Jie et al. 2019).

The text is split into words by Jalin's tokenizer (spaCy's Indonesian one with Jalin's
abbreviations and hyphenated words, as :func:`graph.nlp.pipeline.load_pipeline` uses) and into
sentences by Jalin's news sentencizer, so training sees the tokens the pipeline will see.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from graph.errors import JalinError
from graph.nlp.conll import DEFAULT_LABEL_MAP, TaggedSentence

#: Tag of a token whose annotation is unknown (neither in an entity nor outside).
MISSING = ""


@cache
def _tokenizing_pipeline() -> Language:
    """spaCy's Indonesian tokenizer with Jalin's changes, and Jalin's sentencizer."""
    import graph.nlp.sentences  # noqa: F401, PLC0415 (registers jalin_sentences)
    from graph.nlp.tokenization import adapt_tokenizer  # noqa: PLC0415

    nlp = spacy.blank("id")
    adapt_tokenizer(nlp)
    nlp.add_pipe("jalin_sentences")
    return nlp


def checked_spans(text: str, entities: Iterable[Sequence[Any]]) -> list[tuple[int, int, str]]:
    """``entities`` (``[start, end, label]`` each) sorted, after checking that each lies in
    ``text`` and overlaps none of the others.

    Raises:
        ValueError: a span is out of range or overlaps the one before it.

    >>> checked_spans("Budi ke Bali.", [[8, 12, "LOC"], [0, 4, "PERSON"]])
    [(0, 4, 'PERSON'), (8, 12, 'LOC')]
    """
    spans = sorted((int(s), int(e), str(label)) for s, e, label in entities)
    previous_end = -1
    for start, end, _ in spans:
        if not 0 <= start < end <= len(text):
            raise ValueError(f"span [{start}, {end}] outside the text ({len(text)} characters)")
        if start < previous_end:
            raise ValueError(f"span [{start}, {end}] {text[start:end]!r} overlaps the one before")
        previous_end = end
    return spans


def article_sentences(
    text: str,
    entities: list[tuple[int, int, str]],
    label_map: Mapping[str, str] = DEFAULT_LABEL_MAP,
) -> list[TaggedSentence]:
    """The sentences of one article as ``(words, BIO tags)``; uncertain spans' tokens get
    :data:`MISSING`.

    Raises:
        ValueError: a span is out of range, overlaps another, or does not start and end at
            token boundaries; a label is unknown.

    >>> article_sentences("Menlu Retno Marsudi tiba di Kairo. Mesir menyambutnya.",
    ...                   [[6, 19, "PERSON"], [28, 33, "LOC"], [35, 40, "LOC?"]])
    [(['Menlu', 'Retno', 'Marsudi', 'tiba', 'di', 'Kairo', '.'], ['O', 'B-PERSON', 'I-PERSON', \
'O', 'O', 'B-LOC', 'O']), (['Mesir', 'menyambutnya', '.'], ['', 'O', 'O'])]
    """
    doc = _tokenizing_pipeline()(text)
    tags = ["O"] * len(doc)
    for start, end, label in checked_spans(text, entities):
        span = doc.char_span(start, end)
        if span is None:  # a sentence's full stop kept in an abbreviation's token: "Tbk."
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and (text[span.start_char:start] + text[end:span.end_char]
                                     ).strip(".") != "":
                span = None
        if span is None:
            raise ValueError(f"span [{start}, {end}] {text[start:end]!r} does not start and end "
                             "at token boundaries")
        uncertain = label.endswith("?")
        name = label.rstrip("?")
        mapped = label_map.get(name)
        if mapped is None:
            raise ValueError(f"unknown label {label!r}")
        for i in range(span.start, span.end):
            if uncertain:
                tags[i] = MISSING
            elif mapped == "O":
                tags[i] = "O"
            else:
                tags[i] = ("B-" if i == span.start else "I-") + mapped
    sentences: list[TaggedSentence] = []
    for sentence in doc.sents:
        kept = [t.i for t in sentence if not t.is_space]
        if kept:
            sentence_tags = [tags[i] for i in kept]
            if sentence_tags[0].startswith("I-"):  # the sentencizer split an entity
                sentence_tags[0] = "B-" + sentence_tags[0][2:]
            sentences.append(([doc[i].text for i in kept], sentence_tags))
    return sentences


Entity = tuple[int, int, str]
"""A span of an article's text: start and end character offsets (end exclusive) and a label."""


def _entity(item: Any) -> Entity:
    """``[start, end, label]`` (Jalin's form), or doccano's ``{"start_offset": ..., "end_offset":
    ..., "label": ...}``, as a tuple."""
    if isinstance(item, dict):
        item = [item.get("start_offset", item.get("start")), item.get("end_offset",
                item.get("end")), item.get("label")]
    if (not isinstance(item, list | tuple) or len(item) != 3
            or not all(isinstance(x, int) for x in item[:2]) or not isinstance(item[2], str)):
        raise TypeError(f"an entity must be [start, end, label], got {json.dumps(item)[:60]}")
    return item[0], item[1], item[2]


def _article_rows(path: Path) -> Iterator[tuple[int, str, list[Entity]]]:
    """``(line number, text, entities)`` of each article of a JSON-lines file: Jalin's
    ``"entities"`` or doccano's ``"label"`` (its JSONL export) holds the spans."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise JalinError("file not found", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise JalinError(f"cannot read annotated articles ({exc.__class__.__name__})",
                         str(path)) from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            try:
                article = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"not JSON ({exc.msg}, column {exc.colno})") from None
            if not isinstance(article, dict):
                raise TypeError("not a JSON object")
            text = article["text"]
            entities = article.get("entities", article.get("label"))
            if entities is None:
                raise KeyError("entities")
            if not isinstance(text, str) or not isinstance(entities, list):
                raise TypeError("'text' must be a string and 'entities' a list")
            spans = [_entity(item) for item in entities]
        except (ValueError, KeyError, TypeError) as exc:
            message = f"missing key {exc}" if isinstance(exc, KeyError) else str(exc)
            raise JalinError(f"line {number}: {message}", str(path)) from None
        yield number, text, spans


def read_offsets_jsonl(
    path: Path | str, label_map: Mapping[str, str] = DEFAULT_LABEL_MAP
) -> list[TaggedSentence]:
    """Every sentence of the annotated articles in a JSON-lines file (see the module docstring).

    Raises:
        JalinError: the file is missing or unreadable, a line is not an article object, or
            an article's spans do not fit its text (naming the line).
    """
    path = Path(path)
    sentences: list[TaggedSentence] = []
    for number, text, entities in _article_rows(path):
        try:
            sentences += article_sentences(text, entities, label_map)
        except ValueError as exc:
            raise JalinError(f"line {number}: {exc}", str(path)) from None
    return sentences


def read_articles(
    path: Path | str, label_map: Mapping[str, str] | None = DEFAULT_LABEL_MAP
) -> list[tuple[str, list[Entity]]]:
    """The annotated articles of a JSON-lines file (see the module docstring; doccano's JSONL
    export reads too) as their text and entities, for scoring whole articles.

    Labels are mapped with ``label_map`` (``None`` keeps them); a label mapped to ``"O"`` is
    dropped; an uncertain label keeps its ``"?"`` ("LOC?"). Spaces at a span's ends are left
    out of it.

    Raises:
        JalinError: the file is missing or unreadable, a line is not an article object, a span
            is out of range or overlaps another, or a label is unknown (naming the line).
    """
    path = Path(path)
    articles: list[tuple[str, list[Entity]]] = []
    for number, text, entities in _article_rows(path):
        spans: list[Entity] = []
        try:
            for start, end, label in checked_spans(text, entities):
                name = label.rstrip("?")
                mapped = name if label_map is None else label_map.get(name)
                if mapped is None:
                    raise ValueError(f"unknown label {label!r}")
                while start < end and text[start].isspace():
                    start += 1
                while end > start and text[end - 1].isspace():
                    end -= 1
                if mapped != "O" and start < end:
                    spans.append((start, end, mapped + "?" * label.endswith("?")))
        except ValueError as exc:
            raise JalinError(f"line {number}: {exc}", str(path)) from None
        articles.append((text, spans))
    return articles
