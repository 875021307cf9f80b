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
from collections.abc import Mapping
from functools import cache
from pathlib import Path

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
    previous_end = -1
    for start, end, label in sorted((int(s), int(e), str(lab)) for s, e, lab in entities):
        if not 0 <= start < end <= len(text):
            raise ValueError(f"span [{start}, {end}] outside the text ({len(text)} characters)")
        if start < previous_end:
            raise ValueError(f"span [{start}, {end}] {text[start:end]!r} overlaps the one before")
        previous_end = end
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


def read_offsets_jsonl(
    path: Path | str, label_map: Mapping[str, str] = DEFAULT_LABEL_MAP
) -> list[TaggedSentence]:
    """Every sentence of the annotated articles in a JSON-lines file (see the module docstring).

    Raises:
        JalinError: the file is missing or unreadable, a line is not an article object, or
            an article's spans do not fit its text (naming the line).
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise JalinError(f"cannot read annotated articles ({exc.__class__.__name__})",
                         str(path)) from None
    sentences: list[TaggedSentence] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            article = json.loads(line)
            text, entities = article["text"], article["entities"]
            if not isinstance(text, str) or not isinstance(entities, list):
                raise TypeError("'text' must be a string and 'entities' a list")
            sentences += article_sentences(text, entities, label_map)
        except (ValueError, KeyError, TypeError) as exc:
            message = f"missing key {exc}" if isinstance(exc, KeyError) else str(exc)
            raise JalinError(f"line {number}: {message}", str(path)) from None
    return sentences
