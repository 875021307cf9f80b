"""The concept benchmark: its gold set is well-formed and its scoring is right (no NLP run)."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from bench_loader import load_bench

ISSUE_GENERICS = {"hal tersebut", "waktu dekat", "kesempatan ini", "pihak terkait"}


bench = load_bench("concepts_bench")


@pytest.fixture(scope="module")
def gold() -> list:
    return bench.load_gold(bench.DEFAULT_GOLD)


def test_gold_lines_have_the_fields() -> None:
    for line in bench.DEFAULT_GOLD.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        assert {"id", "corpus", "title", "date", "text", "concepts", "not_concepts"} <= set(row)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["date"])


def test_gold_phrases_occur_in_their_text(gold: list) -> None:
    assert 40 <= len(gold) <= 60
    assert len({d.id for d in gold}) == len(gold)
    for d in gold:
        assert d.concepts, d.id
        assert len(set(d.concepts)) == len(d.concepts), d.id
        for phrase in (*d.concepts, *d.not_concepts):
            assert phrase == phrase.lower() and phrase == " ".join(phrase.split()), phrase
            assert bench.occurs(phrase, d.text), (d.id, phrase)
        assert not set(d.concepts) & set(d.not_concepts), d.id
        for concept, forms in d.aliases.items():
            assert concept in d.concepts, (d.id, concept)
            assert all(bench.occurs(f, d.text) for f in forms), (d.id, forms)


def test_gold_corpora(gold: list) -> None:
    sizes = Counter(d.corpus for d in gold)
    assert 6 <= len(sizes) <= 10
    assert min(sizes.values()) >= bench.MIN_DOCS_PER_CORPUS
    assert max(sizes.values()) <= 8
    generics = {g for d in gold for g in d.not_concepts}
    assert generics >= ISSUE_GENERICS
    # concept ranking is corpus-wide: every corpus names some of its concepts in several documents
    for corpus, docs in bench.corpora(gold).items():
        shared = Counter(c for d in docs for c in set(d.concepts))
        assert sum(n >= 2 for n in shared.values()) >= 2, corpus


def test_normalise_and_helpers() -> None:
    assert bench.normalise("  Peta jalan (roadmap)\n E-Commerce ") == "peta jalan e-commerce"
    assert bench.normalise("perusahaan rintisan atau startup") == "perusahaan rintisan"
    assert bench.normalise("Startup", {"startup": "perusahaan rintisan"}) == "perusahaan rintisan"
    assert bench.occurs("batu bara", "Batu bara, batu baranya dan BATU BARA.") == 2
    assert bench.contains("kenaikan harga beras", "harga beras")
    assert not bench.contains("harga beras", "harga beras")
    assert bench.extra_side("ketahanan pangan nasional", "ketahanan pangan") == "end"


def _doc(concepts: list[str], text: str, aliases: dict | None = None,
         not_concepts: tuple[str, ...] = ()):
    return bench.GoldDocument(id="x", corpus="c", title="", date="", text=text,
                              concepts=tuple(concepts), not_concepts=not_concepts,
                              aliases={k: tuple(v) for k, v in (aliases or {}).items()})


def test_match_on_a_hand_made_example() -> None:
    doc = _doc(["usaha mikro, kecil dan menengah", "transaksi digital", "harga beras"],
               "usaha mikro, kecil dan menengah (UMKM) ... transaksi digital ... harga beras",
               {"usaha mikro, kecil dan menengah": ["umkm"]})
    gold = bench.gold_forms(doc)
    assert gold["usaha mikro, kecil dan menengah"] == {"usaha mikro, kecil dan menengah", "umkm"}
    predicted = {"umkm", "transaksi digital", "kenaikan harga beras", "hal tersebut"}
    m = bench.match(predicted, gold)
    # right: umkm, transaksi digital (2 of 4); found: the umkm concept, transaksi digital (2 of 3)
    assert (m.counts.pred_right, m.counts.pred, m.counts.gold_found, m.counts.gold) == (2, 4, 2, 3)
    assert m.counts.precision == 0.5
    assert m.counts.recall == pytest.approx(2 / 3)
    assert m.counts.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert m.false_positives == ["hal tersebut", "kenaikan harga beras"]
    assert m.misses == ["harga beras"]
    assert bench.miss_kind("harga beras", predicted) == "too-long (front)"
    assert bench.false_positive_kind("kenaikan harga beras", {"harga beras"}, set()) == \
        "contains-gold (front)"
    assert bench.false_positive_kind("hal tersebut", set(), {"hal tersebut"}) == "generic"
    # both forms of one concept predicted: two right predictions, one concept found
    both = bench.match({"umkm", "usaha mikro, kecil dan menengah"}, gold)
    assert (both.counts.pred_right, both.counts.gold_found) == (2, 1)


def test_counts_edge_cases() -> None:
    empty = bench.Counts()
    assert (empty.precision, empty.recall) == (1.0, 1.0)
    total = bench.Counts(1, 2, 1, 4)
    total.add(bench.Counts(1, 2, 3, 4))
    assert (total.precision, total.recall) == (0.5, 0.5)
    assert bench.Counts(0, 3, 0, 3).f1 == 0.0


def test_generic_slips() -> None:
    exact, inside = bench.generic_slips({"hal tersebut", "rapat waktu dekat"},
                                        {"hal tersebut", "waktu dekat", "kesempatan ini"})
    assert (exact, inside) == (["hal tersebut"], ["waktu dekat"])


def test_score_selected_on_a_hand_made_corpus() -> None:
    docs = [_doc(["bank sampah", "sampah plastik"], "bank sampah dan sampah plastik",
                 not_concepts=()),
            _doc(["bank sampah", "kompos"], "bank sampah membuat kompos")]
    nodes = [("bank sampah", frozenset({"bank sampah"})),
             ("pembuangan akhir", frozenset({"pembuangan akhir"}))]
    counts, wrong, missed = bench.score_selected(docs, nodes)
    assert (counts.pred_right, counts.pred, counts.gold_found, counts.gold) == (1, 2, 1, 3)
    assert wrong == ["pembuangan akhir"]
    assert missed == ["kompos", "sampah plastik"]
    # only "bank sampah" is named twice in the corpus
    reach, _, missed2 = bench.score_selected(docs, nodes, min_mentions=2)
    assert (reach.gold_found, reach.gold, missed2) == (1, 1, [])


def test_score_corpus_counts_slips_and_kinds() -> None:
    doc = _doc(["harga beras", "inflasi"], "Hal tersebut: kenaikan harga beras picu inflasi.",
               not_concepts=("hal tersebut",))
    run = bench.CorpusRun(
        name="c", docs=[doc], glosses={}, raw={"x": {"hal tersebut"}},
        refined={"x": {"hal tersebut", "kenaikan harga beras"}},
        nodes=[("kenaikan harga beras", frozenset({"kenaikan harga beras"}))])
    s = bench.score_corpus(run)
    assert (s.raw.pred_right, s.raw.pred, s.raw.gold_found) == (0, 1, 0)
    assert (s.refined.pred, s.refined.gold) == (2, 2)
    assert s.slips_candidates == (1, 0)
    assert s.miss_kinds == Counter({"too-long (front)": 1, "one-word": 1})
    assert s.fp_kinds == Counter({"generic": 1, "contains-gold (front)": 1})
    assert s.selected_fps == ["kenaikan harga beras"]
    report = bench.format_report([s], limit=1)
    assert "ALL (micro)" in report and "... (+1)" in report
