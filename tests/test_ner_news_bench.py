"""The whole-article NER benchmark: its gold set is well-formed and its scoring is right."""

from __future__ import annotations

from collections import Counter

from bench_loader import load_bench

bench = load_bench("ner_news_bench")


def test_gold_offsets_labels_and_size() -> None:
    articles = bench.load_gold(bench.DEFAULT_GOLD)
    assert len(articles) == 1399 and len({a.id for a in articles}) == 1399
    labels = Counter(label for a in articles for _, _, label in a.entities)
    assert min(labels[label] for label in bench.SCORED) >= 30
    for article in articles:
        previous_end = 0
        for start, end, _ in sorted(article.entities):
            text = article.text[start:end]
            assert text == text.strip() and text[:1].isalnum() and start >= previous_end
            previous_end = end


def test_score_and_errors_count_exact_spans_of_the_scored_labels() -> None:
    article = bench.Article("a", "Kata Budi di Bandung, KTT di Bali.",
                            [(5, 9, "PERSON"), (13, 20, "LOC"), (22, 25, "EVENT"), (29, 33, "LOC")])
    predicted = [[(5, 9, "PERSON"), (10, 20, "LOC"), (22, 25, "ORG"), (29, 33, "LOC")]]
    result = bench.score([article], predicted)
    assert (result["micro"]["tp"], result["micro"]["fp"], result["micro"]["fn"]) == (2, 2, 1)
    assert result["labels"]["LOC"]["recall"] == 0.5
    assert bench.errors([article], predicted) == [
        "a FN LOC    Bandung", "a FP LOC    di Bandung", "a FP ORG    KTT"]


def test_articles_written_as_bio_sentences(tmp_path) -> None:  # noqa: ANN001
    article = bench.Article("a", "Kata Budi di Bandung. KTT di Bali, kata PT Maju.",
                            [(5, 9, "PERSON"), (13, 20, "LOC"), (22, 25, "EVENT"), (29, 33, "LOC"),
                             (40, 47, "ORG")])
    path = tmp_path / "a.tsv"
    bench.write_bio([article], path)
    assert path.read_text(encoding="utf-8").split("\n\n")[:2] == [
        "Kata\tO\nBudi\tB-PERSON\ndi\tO\nBandung\tB-LOC\n.\tO",
        "KTT\tO\ndi\tO\nBali\tB-LOC\n,\tO\nkata\tO\nPT\tB-ORG\nMaju\tI-ORG\n.\tO"]
