"""Entity-level evaluation of a spaCy pipeline on token-per-line BIO files.

Entities are scored on the files' own words. Each word is first cut by the pipeline's tokenizer
(a whitespace-tokenised file glues punctuation to words: "Jakarta,", "(MK)") and every pipeline
component is run on the result; entities are mapped back onto whole words
(:func:`predict_word_spans`) and fitted to the file's glued brackets
(:func:`align_to_glued_brackets`). For a file whose punctuation stands apart, as in the NER
corpora, the model reads the file's tokens as they are. A predicted entity counts as correct only
if its start, end and label all match a gold entity (exact match).

A ``.jsonl`` file holds whole annotated articles instead, one JSON object a line with its text
and character offsets (:func:`graph.nlp.offsets.read_articles`; doccano's JSONL export reads
too): each text goes through the whole pipeline as ``jalin build`` reads an article, and spans are
compared by their characters.

Only labels that the file annotates are scored: NERGrit and IDNer 2k have no EVENT annotation, so
EVENT predictions on them are neither right nor wrong; they are counted in
``unscored_predictions``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from itertools import accumulate
from pathlib import Path
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from graph.errors import JalinError
from graph.nlp.casing import change_case
from graph.nlp.conll import (
    DEFAULT_LABEL_MAP,
    JALIN_LABELS,
    bio_to_spans,
    document_sizes,
    read_bio,
)
from graph.nlp.offsets import read_articles

Span = tuple[int, int, str]


def _prf(true_positives: int, false_positives: int, false_negatives: int) -> dict[str, float]:
    """Precision, recall, F1 (0.0 when undefined) and the raw counts."""
    predicted = true_positives + false_positives
    gold = true_positives + false_negatives
    precision = true_positives / predicted if predicted else 0.0
    recall = true_positives / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tp": true_positives,
        "fp": false_positives,
        "fn": false_negatives,
    }


def score_spans(
    gold_sentences: Iterable[list[Span]],
    predicted_sentences: Iterable[list[Span]],
    labels: Iterable[str] | None = None,
) -> dict[str, Any]:
    """Exact-match scores per label and micro-averaged over ``labels``.

    ``labels`` defaults to the labels occurring in the gold spans; predicted spans with any other
    label are counted in ``unscored_predictions`` and not held against the model.
    """
    true_positives: Counter[str] = Counter()
    false_positives: Counter[str] = Counter()
    false_negatives: Counter[str] = Counter()
    gold_label_set: set[str] = set()
    for gold, predicted in zip(gold_sentences, predicted_sentences, strict=True):
        gold_set, predicted_set = set(gold), set(predicted)
        gold_label_set.update(label for _, _, label in gold)
        for span in gold_set & predicted_set:
            true_positives[span[2]] += 1
        for span in predicted_set - gold_set:
            false_positives[span[2]] += 1
        for span in gold_set - predicted_set:
            false_negatives[span[2]] += 1
    scored = list(labels) if labels is not None else _ordered(gold_label_set)
    per_label = {
        label: _prf(true_positives[label], false_positives[label], false_negatives[label])
        for label in scored
    }
    micro = _prf(
        sum(true_positives[label] for label in scored),
        sum(false_positives[label] for label in scored),
        sum(false_negatives[label] for label in scored),
    )
    unscored = sum(count for label, count in false_positives.items() if label not in scored)
    return {"labels": per_label, "micro": micro, "unscored_predictions": unscored}


def _ordered(labels: Iterable[str]) -> list[str]:
    """Jalin's labels first in their usual order, then any others alphabetically."""
    label_set = set(labels)
    return [label for label in JALIN_LABELS if label in label_set] + sorted(
        label_set - set(JALIN_LABELS)
    )


def _split_words(nlp: Language, sentences: list[list[str]]) -> tuple[Doc, list[list[int]]]:
    """One doc of ``sentences``' words, each cut by ``nlp``'s tokenizer ("Jakarta," -> "Jakarta"
    ","), sentences apart by a line break, and for each sentence where each of its words starts
    in the doc's text (and one past its last word)."""
    tokens: list[str] = []
    spaces: list[bool] = []
    starts: list[list[int]] = []
    offset = 0
    for words in sentences:
        if tokens:  # a line break instead of the space after the last word: always a
            spaces[-1] = False  # sentence boundary for Jalin's sentence splitter
            tokens.append("\n")
            spaces.append(False)
        sentence_starts: list[int] = []
        for word in words:
            pieces = [token.text for token in nlp.tokenizer(word) if not token.is_space] or [word]
            sentence_starts.append(offset)
            offset += sum(map(len, pieces)) + 1  # a word with a space inside loses it
            tokens += pieces
            spaces += [False] * (len(pieces) - 1) + [True]
        starts.append([*sentence_starts, offset])
    return Doc(nlp.vocab, words=tokens, spaces=spaces), starts


def predict_word_spans(
    nlp: Language,
    sentences: list[list[str]],
    batch_size: int = 256,
    document_sizes: list[int] | None = None,
) -> list[list[Span]]:
    """Entities of pre-tokenised sentences in word indices, each word first cut by the
    pipeline's own tokenizer.

    Files tokenised on whitespace glue punctuation to words ("Jakarta,", "(MK)", "Widodo."),
    forms a model trained on separated punctuation rarely sees: a name followed by a comma would
    be missed. The pipeline reads the words as its tokenizer cuts them; an entity is then mapped
    back onto the whole words it touches ("Jakarta" -> "Jakarta,"), the first of two entities
    in one word kept. For a file whose punctuation is already separate this changes nothing.

    ``document_sizes`` (see :func:`graph.nlp.conll.document_sizes`) groups consecutive
    sentences into one document, read as one text with a line break after each sentence, as
    Jalin reads an article: rules that look back over the article ("Budi" after "Budi Santoso",
    a short name defined earlier) then work as they do on articles. By default each sentence
    is read alone.
    """
    sizes = document_sizes if document_sizes is not None else [1] * len(sentences)
    if sum(sizes) != len(sentences):
        raise ValueError(f"document sizes sum to {sum(sizes)}, not {len(sentences)} sentences")
    ends = list(accumulate(sizes))
    split = [_split_words(nlp, sentences[end - size : end]) for size, end in zip(sizes, ends,
                                                                                strict=True)]
    docs: Iterable[Doc] = (doc for doc, _ in split)
    for _, component in nlp.pipeline:
        if hasattr(component, "pipe"):
            docs = component.pipe(docs, batch_size=batch_size)  # type: ignore[union-attr]
        else:  # a plain callable component (Jalin's rule components)
            docs = map(component, docs)
    predicted: list[list[Span]] = []
    for doc, (_, starts) in zip(docs, split, strict=True):
        firsts = [sentence[0] for sentence in starts]
        spans: list[list[Span]] = [[] for _ in starts]
        for ent in doc.ents:  # by characters: a component may cut a token further ("Tbk.")
            index = bisect_right(firsts, ent.start_char) - 1
            words_at = starts[index]
            start = bisect_right(words_at, ent.start_char) - 1
            end = min(bisect_right(words_at, ent.end_char - 1), len(words_at) - 1)
            sentence_spans = spans[index]
            if not sentence_spans or start >= sentence_spans[-1][1]:
                sentence_spans.append((start, end, ent.label_))
        predicted += spans
    return predicted


def word_offsets(words: list[str]) -> list[int]:
    """Where each of ``words`` starts in ``" ".join(words)``, and one past the text's end.

    >>> word_offsets(["di", "Jl.", "Melati"])
    [0, 3, 7, 14]
    """
    offsets = [0]
    for word in words:
        offsets.append(offsets[-1] + len(word) + 1)
    return offsets


def text_pieces(
    words: list[str], doc: Doc
) -> tuple[list[str], Callable[[int, int], tuple[int, int]]]:
    """The pieces of ``doc``'s text (``words`` joined by single spaces, tokenised by a pipeline)
    cut at every boundary of the file's words and of the doc's tokens, and a function mapping a
    character range that starts and ends on such boundaries to its ``(start, end)`` piece range.

    Gold spans (file words) and predicted spans (pipeline tokens) can then be compared as spans
    of the same units, and printed as text.

    >>> import spacy
    >>> nlp = spacy.blank("id")
    >>> pieces, to_pieces = text_pieces(["Jl.", "Coca-Cola"], nlp("Jl. Coca-Cola"))
    >>> pieces, to_pieces(4, 13)
    (['Jl', '.', 'Coca', '-', 'Cola'], (2, 5))
    """
    offsets = word_offsets(words)
    boundaries = set(offsets[:-1]) | {
        start + len(word) for start, word in zip(offsets, words, strict=False)}
    return cut_pieces(doc, boundaries)


def cut_pieces(
    doc: Doc, boundaries: Iterable[int]
) -> tuple[list[str], Callable[[int, int], tuple[int, int]]]:
    """The non-blank pieces of ``doc``'s text cut at every token boundary and at
    ``boundaries`` (a file's word or gold-span boundaries), and a function mapping a character
    range that starts and ends on such cuts to its ``(start, end)`` piece range."""
    boundaries = set(boundaries) | {0, len(doc.text)}
    for token in doc:
        boundaries.update((token.idx, token.idx + len(token.text)))
    cuts = sorted(boundaries)
    text = doc.text
    pieces: list[str] = []
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    for a, b in zip(cuts, cuts[1:], strict=False):
        if text[a:b].strip():
            starts[a] = len(pieces)
            pieces.append(text[a:b])
            ends[b] = len(pieces)
    return pieces, lambda start, end: (starts[start], ends[end])


def _opens_bracket(word: str) -> bool:
    return word.startswith("(") and ")" not in word


def _closes_bracket(word: str) -> bool:
    return "(" not in word and word.rstrip(".,;:").endswith(")")


def _is_bracketed_name(word: str) -> bool:
    """``"(MK)"``: one word that is a name or short form in brackets."""
    return (len(word) > 2 and word[0] == "(" and word[-1] == ")" and word[1].isalpha()
            and "(" not in word[1:] and ")" not in word[:-1])


def align_to_glued_brackets(words: list[str], spans: list[Span]) -> list[Span]:
    """Predicted entities fitted to a file whose words carry their brackets: "(BPH", "Migas)".

    Whitespace-tokenised corpora glue brackets to the words inside them, and a pipeline run on
    such words sees "(BPH" as one token. Two conventions of those files, counted in IDNer 2k's
    train split, are applied to the predictions:

    * an entity that opens a bracket runs to the word that closes it when every word up to it is
      capitalised ("[(BPH Migas)]", "[(Gus Dur)]"; "(Demokrat dan PAN)," stays two names);
    * a one-word bracketed name right after an organisation or a place belongs to it
      ("[Mahkamah Konstitusi (MK)]": 34 of the 39 such words after an organisation, 3 of 3 after
      a place), while after a person it is its own entity ("[Joko Widodo] [(Jokowi)]", "[Andi]
      [(Nigeria)]").

    Jalin's own tokenizer splits brackets off, so this only concerns files' own words.

    >>> align_to_glued_brackets(["Mahkamah", "Konstitusi", "(MK)", "dan", "(BPH", "Migas)"],
    ...                         [(0, 2, "ORG"), (2, 3, "ORG"), (4, 5, "ORG")])
    [(0, 3, 'ORG'), (4, 6, 'ORG')]
    """
    one_word = {start for start, end, _ in spans if end == start + 1}
    taken = {k for start, end, _ in spans for k in range(start, end)}
    aligned: list[Span] = []
    for start, end, label in sorted(spans):
        if aligned and start < aligned[-1][1]:
            continue  # absorbed by the entity before
        if _opens_bracket(words[end - 1]):
            close = end
            while (close < len(words) and close - end < 5 and close not in taken
                   and words[close][:1].isupper()):
                if _closes_bracket(words[close]):
                    end = close + 1
                    break
                if ")" in words[close] or "(" in words[close]:
                    break
                close += 1
        elif (label in ("ORG", "LOC") and end < len(words) and _is_bracketed_name(words[end])
              and (end not in taken or end in one_word)):
            end += 1
        aligned.append((start, end, label))
    return aligned


class _Scored(NamedTuple):
    """A BIO file read and tagged: per sentence its units (the words, or :func:`text_pieces`
    with ``tokenize``), gold and predicted spans counted in those units; and its word count."""

    units: list[list[str]]
    gold: list[list[Span]]
    predicted: list[list[Span]]
    n_words: int


def _articles_gold_and_predicted(
    nlp: Language, path: Path, label_map: Mapping[str, str] | None, batch_size: int
) -> _Scored:
    """Read annotated articles (JSON lines, character offsets: :func:`read_articles`) and tag
    each whole text; gold and predicted spans are counted in the pieces of the text that the
    pipeline's tokens and the gold spans cut (:func:`cut_pieces`). An uncertain gold span
    ("LOC?") is neither scored nor held against a prediction that overlaps it."""
    articles = read_articles(path, label_map)
    units: list[list[str]] = []
    gold: list[list[Span]] = []
    predicted: list[list[Span]] = []
    n_words = 0
    docs = nlp.pipe((text for text, _ in articles), batch_size=batch_size)
    for (_, spans), doc in zip(articles, docs, strict=True):
        uncertain = [(start, end) for start, end, label in spans if label.endswith("?")]
        found = [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents
                 if not any(start < ent.end_char and ent.start_char < end
                            for start, end in uncertain)]
        pieces, to_pieces = cut_pieces(doc, (k for start, end, _ in spans for k in (start, end)))
        units.append(pieces)
        gold.append([(*to_pieces(start, end), label) for start, end, label in spans
                     if not label.endswith("?")])
        predicted.append([(*to_pieces(start, end), label) for start, end, label in found])
        n_words += sum(not token.is_space for token in doc)
    return _Scored(units, gold, predicted, n_words)


def _gold_and_predicted(
    nlp: Language,
    path: Path,
    label_map: Mapping[str, str] | None,
    batch_size: int,
    casing: str | None,
    tokenize: bool,
) -> _Scored:
    """Read a BIO file, re-case its words (``casing``) and tag them: on the file's words, or with
    ``tokenize`` on each sentence's words joined by spaces, through the whole pipeline. The
    sentences of one document (``-DOCSTART-`` lines, see :func:`graph.nlp.conll.document_sizes`)
    are read as one text, a line break after each. A ``.jsonl`` file holds whole articles
    (:func:`_articles_gold_and_predicted`)."""
    if path.suffix.lower() == ".jsonl":
        if casing is not None:
            raise JalinError("--case re-cases the words of token-per-line files, not articles "
                             "(.jsonl)", str(path))
        return _articles_gold_and_predicted(nlp, path, label_map, batch_size)
    document_starts: list[int] = []
    sentences = read_bio(path, label_map=label_map, document_starts=document_starts)
    sizes = document_sizes(len(sentences), document_starts)
    words_list = [words if casing is None else change_case(words, casing) for words, _ in sentences]
    gold = [bio_to_spans(tags) for _, tags in sentences]
    n_words = sum(len(words) for words in words_list)
    if not tokenize:
        predicted = [
            align_to_glued_brackets(words, spans)
            for words, spans in zip(words_list,
                                    predict_word_spans(nlp, words_list, batch_size=batch_size,
                                                       document_sizes=sizes),
                                    strict=True)
        ]
        return _Scored(words_list, gold, predicted, n_words)
    ends = list(accumulate(sizes))
    groups = [words_list[end - size : end] for size, end in zip(sizes, ends, strict=True)]
    texts = ("\n".join(" ".join(words) for words in group) for group in groups)
    units: list[list[str]] = []
    piece_gold: list[list[Span]] = []
    piece_predicted: list[list[Span]] = []
    sentence_index = 0
    for group, doc in zip(groups, nlp.pipe(texts, batch_size=batch_size), strict=True):
        offset = 0
        for words in group:
            length = len(" ".join(words))
            sentence = doc.char_span(offset, offset + length)
            assert sentence is not None  # a line break or the text's ends on both sides
            pieces, to_pieces = text_pieces(words, sentence.as_doc())
            word_starts = word_offsets(words)
            units.append(pieces)
            piece_gold.append([
                (*to_pieces(word_starts[start], word_starts[end] - 1), label)
                for start, end, label in gold[sentence_index]
            ])
            piece_predicted.append([
                (*to_pieces(ent.start_char - offset, ent.end_char - offset), ent.label_)
                for ent in doc.ents
                if ent.start_char >= offset and ent.end_char <= offset + length
            ])
            offset += length + 1
            sentence_index += 1
    return _Scored(units, piece_gold, piece_predicted, n_words)


def evaluate_bio(
    nlp: Language,
    paths: list[Path],
    *,
    label_map: Mapping[str, str] | None = DEFAULT_LABEL_MAP,
    batch_size: int = 256,
    casing: str | None = None,
    tokenize: bool = False,
) -> dict[str, Any]:
    """Entity-level exact-match precision/recall/F1 of ``nlp`` on each BIO file and on all of them.

    ``casing`` (``"lower"``, ``"upper"`` or ``"title"``, see
    :func:`graph.nlp.casing.change_case`) re-cases every word before the pipeline sees it, the
    gold entities staying where they are: how well the model holds up on lowercased text,
    all-caps or title-cased headlines. ``None`` scores the text as it is.

    ``tokenize``: instead of the file's words, each sentence's text (the words joined by spaces)
    goes through the pipeline's own tokenizer, as an article does; spans are compared by their
    characters. This scores tokenizer and model together, as Jalin runs them on real text.

    Returns ``{"files": {path: scores}, "all": scores}`` where each ``scores`` holds
    ``labels`` (per label: precision, recall, f1, tp, fp, fn), ``micro`` (the same, summed over
    the scored labels), ``unscored_predictions``, ``n_sentences`` and ``n_words``. A file's scored
    labels are those it annotates; ``all`` sums the per-file counts.

    Raises:
        JalinError: a file is missing or malformed (see :func:`graph.nlp.conll.read_bio`).
    """
    files: dict[str, dict[str, Any]] = {}
    totals: dict[str, Counter[str]] = {}
    total_sentences = total_words = total_unscored = 0
    for path in paths:
        tagged = _gold_and_predicted(nlp, path, label_map, batch_size, casing, tokenize)
        scores = score_spans(tagged.gold, tagged.predicted)
        scores["n_sentences"] = len(tagged.units)
        scores["n_words"] = tagged.n_words
        files[str(path)] = scores
        total_sentences += scores["n_sentences"]
        total_words += scores["n_words"]
        total_unscored += scores["unscored_predictions"]
        for label, label_scores in scores["labels"].items():
            counts = totals.setdefault(label, Counter())
            for key in ("tp", "fp", "fn"):
                counts[key] += label_scores[key]
    all_labels = {
        label: _prf(counts["tp"], counts["fp"], counts["fn"])
        for label, counts in ((label, totals[label]) for label in _ordered(totals))
    }
    all_micro = _prf(
        sum(c["tp"] for c in totals.values()),
        sum(c["fp"] for c in totals.values()),
        sum(c["fn"] for c in totals.values()),
    )
    return {
        "files": files,
        "all": {
            "labels": all_labels,
            "micro": all_micro,
            "unscored_predictions": total_unscored,
            "n_sentences": total_sentences,
            "n_words": total_words,
        },
    }


def format_report(results: Mapping[str, Any]) -> str:
    """Render :func:`evaluate_bio`'s result as a fixed-width text table (one row per label)."""
    header = f"{'file':<28} {'label':<8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"
    lines = [header, "-" * len(header)]
    sections = [
        (Path(name).parent.name + "/" + Path(name).name, scores)
        for name, scores in results["files"].items()
    ]
    sections.append(("ALL", results["all"]))
    for name, scores in sections:
        rows = [*scores["labels"].items(), ("micro", scores["micro"])]
        for label, s in rows:
            gold = s["tp"] + s["fn"]
            lines.append(
                f"{name[-28:]:<28} {label:<8} {s['precision']:>6.3f} {s['recall']:>6.3f} "
                f"{s['f1']:>6.3f} {gold:>6d}"
            )
    return "\n".join(lines)


def measure_speed(nlp: Language, texts: list[str], batch_size: int = 256) -> dict[str, float]:
    """Words/s of the whole pipeline (``nlp.pipe``) and of the tokenizer alone on ``texts``.

    Timed in CPU time of this process (``time.process_time``), so the figures are per core and
    hold up on a busy machine; run with ``OMP_NUM_THREADS=1`` to keep it to one core. Each is
    timed once after a short warm-up; pass texts new to this ``nlp`` for a cold tokenizer cache.
    """
    import time  # noqa: PLC0415

    list(nlp.pipe(texts[:20]))
    # the tokenizer first: it caches the words it has seen, so timing it after the pipeline
    # would flatter it
    started = time.process_time()
    for text in texts:
        nlp.tokenizer(text)
    tokenizer_seconds = max(time.process_time() - started, 1e-9)
    started = time.process_time()
    n_words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    pipeline_seconds = max(time.process_time() - started, 1e-9)
    return {
        "words": n_words,
        "pipeline_words_per_second": n_words / pipeline_seconds,
        "tokenizer_words_per_second": n_words / tokenizer_seconds,
    }


# --- error analysis ------------------------------------------------------------------------------

ERROR_CATEGORIES: tuple[str, ...] = ("type", "boundary", "boundary+type", "missed", "spurious")
"""The error categories of :func:`error_categories`, in report order."""


class SpanError(NamedTuple):
    """One error of :func:`classify_errors`.

    ``side`` says which exact-match errors it accounts for: ``"both"`` (a false negative and a
    false positive: type, boundary and boundary+type pairs), ``"gold"`` (a false negative: missed,
    or a further gold span overlapped by an already paired prediction) or ``"predicted"`` (a false
    positive: spurious, or a further prediction overlapping an already paired gold span).
    """

    category: str
    gold: Span | None
    predicted: Span | None
    side: str

    @property
    def label(self) -> str:
        """The gold span's label, or the predicted one's when there is no gold span (spurious)."""
        span = self.gold if self.gold is not None else self.predicted
        assert span is not None
        return span[2]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _overlap_category(gold: Span, predicted: Span) -> str:
    if (gold[0], gold[1]) == (predicted[0], predicted[1]):
        return "type"
    return "boundary" if gold[2] == predicted[2] else "boundary+type"


def classify_errors(gold: Iterable[Span], predicted: Iterable[Span]) -> list[SpanError]:
    """The errors of one sentence's predicted spans against its gold spans, each classified once.

    Exact matches are correct and left out. The rest are paired one to one, greedily: first spans
    with the same boundaries (``type``: wrong label), then overlapping spans, the same label first
    and then the larger overlap (``boundary`` when the labels agree, ``boundary+type`` when they
    do not). A gold span that overlaps no prediction is ``missed``, a prediction that overlaps no
    gold span ``spurious``. A span left over that overlaps an already paired span of the other
    side (one prediction covering two gold names, or two predictions splitting one) is a boundary
    (or boundary+type) error of its own, with ``side`` telling which span it counts.
    """
    gold_set, predicted_set = set(gold), set(predicted)
    gold_left = sorted(gold_set - predicted_set)
    predicted_left = sorted(predicted_set - gold_set)
    candidates = sorted(
        (
            (g[0], g[1]) != (p[0], p[1]),
            g[2] != p[2],
            -_overlap(g, p),
            g,
            p,
        )
        for g in gold_left
        for p in predicted_left
        if _overlap(g, p)
    )
    paired_gold: dict[Span, Span] = {}
    paired_predicted: dict[Span, Span] = {}
    errors: list[SpanError] = []
    for *_, g, p in candidates:
        if g not in paired_gold and p not in paired_predicted:
            paired_gold[g], paired_predicted[p] = p, g
            errors.append(SpanError(_overlap_category(g, p), g, p, "both"))
    for g in gold_left:
        if g in paired_gold:
            continue
        partners = [p for p in predicted_left if _overlap(g, p)]
        if partners:
            p = max(partners, key=lambda p: (_overlap(g, p), p[2] == g[2]))
            errors.append(SpanError(_overlap_category(g, p), g, p, "gold"))
        else:
            errors.append(SpanError("missed", g, None, "gold"))
    for p in predicted_left:
        if p in paired_predicted:
            continue
        partners = [g for g in gold_left if _overlap(g, p)]
        if partners:
            g = max(partners, key=lambda g: (_overlap(g, p), p[2] == g[2]))
            errors.append(SpanError(_overlap_category(g, p), g, p, "predicted"))
        else:
            errors.append(SpanError("spurious", None, p, "predicted"))
    return sorted(errors, key=lambda e: min(s[0] for s in (e.gold, e.predicted) if s is not None))


def error_categories(
    gold_sentences: Iterable[list[Span]],
    predicted_sentences: Iterable[list[Span]],
    labels: Iterable[str] | None = None,
) -> dict[str, Any]:
    """Count the errors of ``predicted_sentences`` against ``gold_sentences`` by category.

    Every exact-match error (false negative or false positive of :func:`score_spans`) is classified
    exactly once (see :func:`classify_errors`), in the categories of the MUC evaluations (Chinchor
    & Sundheim 1993, "MUC-5 evaluation metrics": incorrect, partial, missing, spurious) as spelt out
    for entity-level NER error analysis by Nejadgholi et al. 2020 ("Extensive error analysis and a
    learning-based evaluation of medical entity recognition systems", arXiv:2005.01908) and
    Batista's nervaluate (SemEval-2013 task 9.1): ``type`` (same boundaries, wrong label),
    ``boundary`` (overlapping, same label, different boundaries), ``boundary+type`` (overlapping,
    both wrong), ``missed`` (a gold span overlapping no prediction) and ``spurious`` (a prediction
    overlapping no gold span).

    Errors are counted under the gold span's label, spurious ones under the predicted label.
    As in :func:`score_spans`, ``labels`` defaults to the gold labels, and predictions with other
    labels are left out (counted in ``unscored_predictions``).

    Returns ``{"labels": {label: {category: n}}, "total": {category: n}, "errors": [(sentence
    index, SpanError), ...], "unscored_predictions": n}``.

    >>> gold = [[(0, 2, "LOC"), (4, 5, "ORG"), (7, 8, "PERSON"), (9, 10, "ORG")]]
    >>> predicted = [[(1, 2, "LOC"), (4, 5, "LOC"), (9, 10, "ORG"), (11, 12, "ORG")]]
    >>> result = error_categories(gold, predicted)
    >>> result["total"]
    {'type': 1, 'boundary': 1, 'boundary+type': 0, 'missed': 1, 'spurious': 1}
    >>> result["labels"]["ORG"]
    {'type': 1, 'boundary': 0, 'boundary+type': 0, 'missed': 0, 'spurious': 1}
    """
    gold_list = [list(sentence) for sentence in gold_sentences]
    predicted_list = [list(sentence) for sentence in predicted_sentences]
    if len(gold_list) != len(predicted_list):
        raise ValueError("gold and predicted sentences differ in number")
    scored = (
        list(labels)
        if labels is not None
        else _ordered({span[2] for sentence in gold_list for span in sentence})
    )
    scored_set = set(scored)
    per_label: dict[str, Counter[str]] = {label: Counter() for label in scored}
    errors: list[tuple[int, SpanError]] = []
    unscored = 0
    for index, (gold, predicted) in enumerate(zip(gold_list, predicted_list, strict=True)):
        kept = [span for span in predicted if span[2] in scored_set]
        unscored += len(predicted) - len(kept)
        for error in classify_errors(gold, kept):
            per_label[error.label][error.category] += 1
            errors.append((index, error))
    return {
        "labels": {
            label: {category: counts[category] for category in ERROR_CATEGORIES}
            for label, counts in per_label.items()
        },
        "total": {
            category: sum(counts[category] for counts in per_label.values())
            for category in ERROR_CATEGORIES
        },
        "errors": errors,
        "unscored_predictions": unscored,
    }


def _mark(words: list[str], gold: Span | None, predicted: Span | None, context: int) -> str:
    """``words`` around the two spans, gold in ``[ ]`` and the prediction in ``{ }``."""
    spans = [s for s in (gold, predicted) if s is not None]
    first = max(0, min(s[0] for s in spans) - context)
    last = min(len(words), max(s[1] for s in spans) + context)
    out = ["..."] if first > 0 else []
    for k in range(first, last):
        word = words[k]
        if predicted is not None and k == predicted[0]:
            word = "{" + word
        if gold is not None and k == gold[0]:
            word = "[" + word
        if predicted is not None and k == predicted[1] - 1:
            word += "}"
        if gold is not None and k == gold[1] - 1:
            word += "]"
        out.append(word)
    if last < len(words):
        out.append("...")
    return " ".join(out)


def describe_error(words: list[str], error: SpanError, context: int = 6) -> str:
    """One line for reading: the gold and predicted span with labels, then the words around them.

    >>> words = "Warga kota Bandung menolak".split()
    >>> print(describe_error(words, SpanError("boundary", (1, 3, "LOC"), (2, 3, "LOC"), "both")))
    LOC "kota Bandung" -> LOC "Bandung" | Warga [kota {Bandung}] menolak
    """

    def show(span: Span | None) -> str:
        return "-" if span is None else f'{span[2]} "{" ".join(words[span[0]:span[1]])}"'

    return f"{show(error.gold)} -> {show(error.predicted)} | " + _mark(
        words, error.gold, error.predicted, context
    )


def _spread(items: list[Any], n: int) -> list[Any]:
    """``n`` items spread evenly over ``items`` (all of them if there are no more than ``n``)."""
    if len(items) <= n:
        return items
    return [items[k * len(items) // n] for k in range(n)]


def error_analysis(
    nlp: Language,
    paths: list[Path],
    *,
    label_map: Mapping[str, str] | None = DEFAULT_LABEL_MAP,
    batch_size: int = 256,
    examples: int = 0,
    casing: str | None = None,
    tokenize: bool = False,
) -> dict[str, Any]:
    """:func:`error_categories` of ``nlp`` on each BIO file and summed over all of them
    (``casing`` and ``tokenize`` as in :func:`evaluate_bio`; the examples show the re-cased words,
    or the text's pieces with ``tokenize``).

    Returns ``{"files": {path: result}, "all": result}``; each ``result`` has ``labels``, ``total``
    and ``unscored_predictions`` as in :func:`error_categories`, and each file's result has
    ``examples``: up to ``examples`` lines per category (see :func:`describe_error`), spread
    evenly over the file.

    Raises:
        JalinError: a file is missing or malformed (see :func:`graph.nlp.conll.read_bio`).
    """
    files: dict[str, dict[str, Any]] = {}
    totals: dict[str, Counter[str]] = {}
    total_unscored = 0
    for path in paths:
        tagged = _gold_and_predicted(nlp, path, label_map, batch_size, casing, tokenize)
        result = error_categories(tagged.gold, tagged.predicted)
        errors = result.pop("errors")
        result["examples"] = {
            category: [
                describe_error(tagged.units[index], error)
                for index, error in _spread(
                    [(i, e) for i, e in errors if e.category == category], examples
                )
            ]
            for category in ERROR_CATEGORIES
        } if examples else {}
        files[str(path)] = result
        total_unscored += result["unscored_predictions"]
        for label, counts in result["labels"].items():
            totals.setdefault(label, Counter()).update(counts)
    all_labels = {
        label: {category: totals[label][category] for category in ERROR_CATEGORIES}
        for label in _ordered(totals)
    }
    return {
        "files": files,
        "all": {
            "labels": all_labels,
            "total": {
                category: sum(counts[category] for counts in all_labels.values())
                for category in ERROR_CATEGORIES
            },
            "unscored_predictions": total_unscored,
        },
    }


def format_errors(results: Mapping[str, Any]) -> str:
    """Render :func:`error_analysis`'s result as a table (one row per label) and its examples."""
    columns = [*ERROR_CATEGORIES, "errors"]
    header = f"{'file':<28} {'label':<8} " + " ".join(f"{c:>13}" for c in columns)
    lines = [header, "-" * len(header)]
    sections = [
        (Path(name).parent.name + "/" + Path(name).name, result)
        for name, result in results["files"].items()
    ]
    sections.append(("ALL", results["all"]))
    for name, result in sections:
        for label, counts in [*result["labels"].items(), ("all", result["total"])]:
            values = [counts[c] for c in ERROR_CATEGORIES]
            lines.append(
                f"{name[-28:]:<28} {label:<8} "
                + " ".join(f"{v:>13d}" for v in [*values, sum(values)])
            )
    for name, result in sections:
        for category, found in result.get("examples", {}).items():
            if found:
                lines.append("")
                lines.append(f"{name}: {category} (gold [ ], predicted {{ }})")
                lines.extend(f"  {line}" for line in found)
    return "\n".join(lines)


def load_model_alone(model: str | Path | None = None) -> Language:
    """The trained pipeline as saved, without Jalin's rule components (label mapping and span
    tidying, title stripping, abbreviations): to tell the model's errors from the rules'.

    ``model`` is a name or path; ``None`` loads the shipped model. The tagger is disabled.

    Raises:
        JalinError: the pipeline cannot be loaded.
    """
    import warnings  # noqa: PLC0415

    import spacy  # noqa: PLC0415

    from graph.errors import JalinError  # noqa: PLC0415
    from graph.nlp.pipeline import MODEL_DIR  # noqa: PLC0415

    source = MODEL_DIR if model is None else model
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nlp = spacy.load(source)
    except OSError as exc:
        raise JalinError(
            f"cannot load spaCy pipeline ({str(exc).splitlines()[0]})", str(source)
        ) from None
    if "tagger" in nlp.pipe_names:
        nlp.disable_pipe("tagger")
    return nlp
