"""Readers for token-per-line training files (BIO named-entity files and POS-tagged files).

Both formats hold one token per line with tab-separated columns and a blank line between
sentences. For BIO files the entity tag is in the LAST column (IDNer 2k puts a POS tag in
between); for POS files (nlp-id's ``dataset_postag.txt``) the tag is in the second column.
A line without a tab is split on spaces instead, and ``-DOCSTART-`` lines end a sentence, so
CoNLL-2003-style files (``word POS chunk tag``) read as they are; :func:`document_sizes` tells
which sentences such a line groups into one document (an article). Entity tags may use any of the
usual prefix schemes: IOB1/IOB2 (``B-``, ``I-``), IOBES (``S-``, ``E-``) and BILOU (``U-``,
``L-``).

All functions here are pure: they read a file (or take lists) and return plain Python lists.
Problems a user can cause (missing file, undecodable text, a line that is not ``token<TAB>tag``,
a tag that is not BIO, a label with no mapping) raise :class:`graph.errors.JalinError` naming
the file and the line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from graph.errors import JalinError

#: Jalin's entity labels, in the order they are reported.
JALIN_LABELS: tuple[str, ...] = ("PERSON", "ORG", "LOC", "EVENT")

#: Source-corpus label -> Jalin label. ``"O"`` drops the entity (it becomes outside).
#: Covers NERGrit (PERSON, PLACE, ORGANISATION), NERP (PPL, PLC, IND, EVT, FNB), IDNer 2k (PER,
#: LOC, ORG), CoNLL/WikiNER (PER, ORG, LOC, MISC) and OntoNotes (PERSON, ORG, GPE, LOC, FAC,
#: NORP, EVENT and the number, date and work types, which Jalin does not extract). Jalin's own
#: labels map to themselves. :mod:`graph.nlp.labels` maps a pipeline's predicted labels with the
#: same table, so gold and predictions of any pipeline are compared on the same types.
DEFAULT_LABEL_MAP: dict[str, str] = {
    "PERSON": "PERSON",
    "PPL": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "ORGANISATION": "ORG",
    "ORGANIZATION": "ORG",
    "IND": "ORG",
    "NORP": "ORG",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "PLACE": "LOC",
    "PLC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "EVENT": "EVENT",
    "EVT": "EVENT",
    **dict.fromkeys(
        ("FNB", "MISC", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
         "LAW", "LANGUAGE", "WORK_OF_ART", "PRODUCT"),
        "O",
    ),
}

#: Tag prefixes of the usual schemes -> BIO prefix: IOBES' single-token ``S-`` and BILOU's
#: ``U-`` begin an entity, their last-token ``E-`` and ``L-`` continue one.
_PREFIXES: dict[str, str] = {"B": "B", "I": "I", "S": "B", "U": "B", "E": "I", "L": "I"}

#: The line CoNLL-2003-style files put between documents.
DOCUMENT_START = "-DOCSTART-"

#: A sentence: its words and one tag per word.
TaggedSentence = tuple[list[str], list[str]]


def _read_lines(path: Path) -> list[str]:
    """Return the file's lines (without line endings) or raise a JalinError naming the file."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise JalinError("file not found", str(path)) from None
    except IsADirectoryError:
        raise JalinError("is a directory, expected a token-per-line file", str(path)) from None
    except UnicodeDecodeError as error:
        raise JalinError(
            f"not UTF-8 text ({error.reason} at byte {error.start})", str(path)
        ) from None
    except OSError as error:
        raise JalinError(f"cannot read file: {error.strerror}", str(path)) from None
    return text.splitlines()


def _sentence_blocks(
    path: Path, document_starts: list[int] | None = None
) -> Iterator[list[tuple[int, list[str]]]]:
    """Yield each sentence as a list of ``(line_number, columns)``; blank lines separate them.
    ``document_starts``, if given, receives the index of each sentence that a ``-DOCSTART-``
    line comes before."""
    block: list[tuple[int, list[str]]] = []
    count = 0
    for line_number, line in enumerate(_read_lines(path), start=1):
        columns = line.split("\t") if "\t" in line else line.split()
        if not line.strip() or columns[0] == DOCUMENT_START:
            if block:
                yield block
                block = []
                count += 1
            if document_starts is not None and line.strip():
                document_starts.append(count)
            continue
        block.append((line_number, columns))
    if block:
        yield block


def _map_tag(
    tag: str, label_map: Mapping[str, str] | None, path: Path, line_number: int
) -> tuple[str, str]:
    """Split a tag into (BIO prefix, Jalin label); prefix is ``"O"``, ``"B"`` or ``"I"``."""
    tag = tag.strip()
    if tag == "O":
        return "O", ""
    scheme_prefix, dash, label = tag.partition("-")
    prefix = _PREFIXES.get(scheme_prefix.upper(), "")
    if not dash or not prefix or not label:
        raise JalinError(
            f"line {line_number}: {tag!r} is not an entity tag (O, or B-, I-, S-, E-, U-, L- "
            "and a label)",
            str(path),
        )
    if label_map is not None:
        if label not in label_map:
            known = ", ".join(sorted(label_map))
            raise JalinError(
                f"line {line_number}: label {label!r} has no mapping (known: {known})", str(path)
            )
        label = label_map[label]
    if label == "O":
        return "O", ""
    return prefix, label


def repair_bio(prefixes_and_labels: list[tuple[str, str]]) -> list[str]:
    """Turn (prefix, label) pairs into valid BIO tags.

    An ``I-X`` that does not continue an entity of label X (it follows ``O`` or another label)
    starts a new entity: it becomes ``B-X``. Mapped-away labels are already ``("O", "")``.
    """
    tags: list[str] = []
    previous_label = ""
    for prefix, label in prefixes_and_labels:
        if prefix == "O":
            tags.append("O")
            previous_label = ""
        elif prefix == "I" and previous_label == label:
            tags.append(f"I-{label}")
        else:
            tags.append(f"B-{label}")
            previous_label = label
    return tags


def read_bio(
    path: Path | str,
    label_map: Mapping[str, str] | None = DEFAULT_LABEL_MAP,
    document_starts: list[int] | None = None,
) -> list[TaggedSentence]:
    """Read a token-per-line BIO file into ``[(words, tags), ...]`` with repaired, mapped tags.

    The token is the first column and the BIO tag the last column. Labels are translated with
    ``label_map`` (``None`` keeps them as they are); a label mapped to ``"O"`` is dropped. Malformed
    BIO (``I-`` without a matching ``B-``) is repaired by starting a new entity.
    ``document_starts``, if given, receives the index of every sentence that follows a
    ``-DOCSTART-`` line (see :func:`document_sizes`).

    Raises:
        JalinError: the file is missing or unreadable, a line has fewer than two columns, a
            tag is not BIO, or a label is not in ``label_map``.
    """
    path = Path(path)
    sentences: list[TaggedSentence] = []
    for block in _sentence_blocks(path, document_starts):
        words: list[str] = []
        pairs: list[tuple[str, str]] = []
        for line_number, columns in block:
            if len(columns) < 2 or not columns[0].strip():
                raise JalinError(
                    f"line {line_number}: expected a token and a tag (tab- or space-separated), "
                    f"got {columns[0]!r}",
                    str(path),
                )
            words.append(columns[0].strip())
            pairs.append(_map_tag(columns[-1], label_map, path, line_number))
        sentences.append((words, repair_bio(pairs)))
    return sentences


def document_sizes(n_sentences: int, document_starts: list[int]) -> list[int]:
    """How many sentences each document holds, given where ``-DOCSTART-`` lines start documents
    (:func:`read_bio`'s ``document_starts``). A file without such lines says nothing of its
    documents (IDNer 2k's sentences are shuffled): each sentence is then a document of its own.

    >>> document_sizes(5, [0, 2])
    [2, 3]
    >>> document_sizes(3, [])
    [1, 1, 1]
    >>> document_sizes(4, [2])  # sentences before the first -DOCSTART- form a document too
    [2, 2]
    """
    if not document_starts:
        return [1] * n_sentences
    bounds = sorted({0, *(start for start in document_starts if start < n_sentences),
                     n_sentences})
    return [b - a for a, b in zip(bounds, bounds[1:], strict=False)]


def read_postag(path: Path | str, deduplicate: bool = True) -> list[TaggedSentence]:
    """Read a ``token<TAB>TAG`` file (nlp-id's POS data) into ``[(words, tags), ...]``.

    The tag is the second column (a few nlp-id lines carry a stray third column, ignored) and is
    upper-cased (the data has one ``vb``). With ``deduplicate`` identical sentences, which the
    nlp-id file repeats, are kept once, in first-seen order.

    Raises:
        JalinError: the file is missing or unreadable, or a line has fewer than two columns.
    """
    path = Path(path)
    sentences: list[TaggedSentence] = []
    seen: set[tuple[str, ...]] = set()
    for block in _sentence_blocks(path):
        words: list[str] = []
        tags: list[str] = []
        for line_number, columns in block:
            if len(columns) < 2 or not columns[0].strip() or not columns[1].strip():
                got = " | ".join(columns)
                raise JalinError(
                    f"line {line_number}: expected 'token<TAB>TAG', got {got!r}", str(path)
                )
            words.append(columns[0].strip())
            tags.append(columns[1].strip().upper())
        if deduplicate:
            key = tuple(words)
            if key in seen:
                continue
            seen.add(key)
        sentences.append((words, tags))
    return sentences


def bio_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Return entity spans ``(start, end, label)`` (token offsets, end exclusive) from BIO tags.

    Lenient: an ``I-X`` that does not continue an X entity starts a new one, so the result is the
    same as for :func:`repair_bio`'s output.
    """
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    current = ""
    for index, tag in enumerate(tags):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == current and start is not None
        if continues:
            continue
        if start is not None:
            spans.append((start, index, current))
            start, current = None, ""
        if prefix in ("B", "I") and label:
            start, current = index, label
    if start is not None:
        spans.append((start, len(tags), current))
    return spans
