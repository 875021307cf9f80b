"""Entity-level evaluation of a spaCy pipeline on token-per-line BIO files.

The files' own tokenisation is used (``Doc(nlp.vocab, words=...)``) and every pipeline component is
run on those docs, so scores measure the model, not the tokenizer. A predicted entity counts as
correct only if its start, end and label all match a gold entity (exact match).

Only labels that the file annotates are scored: NERGrit and IDNer 2k have no EVENT annotation, so
EVENT predictions on them are neither right nor wrong; they are counted in
``unscored_predictions``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from graph.nlp.conll import DEFAULT_LABEL_MAP, JALIN_LABELS, bio_to_spans, read_bio

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


def predict_spans(
    nlp: Language, sentences: list[list[str]], batch_size: int = 256
) -> list[list[Span]]:
    """Run all of ``nlp``'s components on pre-tokenised sentences and return their entities."""
    docs: Iterable[Doc] = (Doc(nlp.vocab, words=words) for words in sentences)
    for _, component in nlp.pipeline:
        if hasattr(component, "pipe"):
            docs = component.pipe(docs, batch_size=batch_size)  # type: ignore[union-attr]
        else:  # a plain callable component (Jalin's rule components)
            docs = map(component, docs)
    return [[(ent.start, ent.end, ent.label_) for ent in doc.ents] for doc in docs]


def evaluate_bio(
    nlp: Language,
    paths: list[Path],
    *,
    label_map: Mapping[str, str] | None = DEFAULT_LABEL_MAP,
    batch_size: int = 256,
) -> dict[str, Any]:
    """Entity-level exact-match precision/recall/F1 of ``nlp`` on each BIO file and on all of them.

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
        sentences = read_bio(path, label_map=label_map)
        gold = [bio_to_spans(tags) for _, tags in sentences]
        predicted = predict_spans(nlp, [words for words, _ in sentences], batch_size=batch_size)
        scores = score_spans(gold, predicted)
        scores["n_sentences"] = len(sentences)
        scores["n_words"] = sum(len(words) for words, _ in sentences)
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
