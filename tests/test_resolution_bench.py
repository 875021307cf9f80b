"""The resolution benchmark: its gold set is well-formed and its scoring is right (no NLP run)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from bench_loader import load_bench

REQUIRED_RULES = {
    "exact", "partial-name", "ambiguous-part", "trap-widodo", "surname-cross-doc", "definition",
    "definition-conflict", "trap-place-in-org", "title", "role", "role-corpus", "role-unresolved",
    "alias", "spelling", "spelling-trap", "type-conflict", "short-name",
}


bench = load_bench("resolution_bench")


@pytest.fixture(scope="module")
def gold() -> list:
    return bench.load_gold(bench.DEFAULT_GOLD)


def test_gold_offsets_and_size(gold: list) -> None:
    mentions = [m for d in gold for m in d.mentions]
    for d in gold:
        for m in d.mentions:
            assert d.text[m.start:m.end] == m.text
    clusters = Counter(m.cluster for m in mentions)
    assert len(clusters) >= 150
    assert sum(n >= 2 for n in clusters.values()) > len(clusters) / 2
    assert {m.rule for m in mentions} >= REQUIRED_RULES
    assert all(clusters[m.cluster] == 1 for m in mentions if m.ambiguous)


def test_gold_has_the_issue_traps(gold: list) -> None:
    mentions = [m for d in gold for m in d.mentions]
    # two (and more) different people called "Widodo"
    widodos = {m.cluster for m in mentions if m.type == "PERSON" and "Widodo" in m.text}
    assert len(widodos) >= 3
    # one short form defined two different ways, in different documents
    by_short: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.rule == "definition-conflict" and m.text.isupper():
            by_short[m.text].add(m.cluster)
    assert any(len(c) >= 2 for c in by_short.values())
    # "Indonesia" the place apart from "Bank Indonesia" the organisation
    clusters = {m.text: m.cluster for m in mentions if m.text in ("Indonesia", "Bank Indonesia")}
    assert clusters["Indonesia"] != clusters["Bank Indonesia"]


def test_gold_file_is_valid_json_lines() -> None:
    for line in bench.DEFAULT_GOLD.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert {"id", "title", "date", "source", "text", "mentions"} <= set(record)
        assert len(record["date"]) == 10


def _mention(name: str, cluster: str, doc: str = "d1", rule: str = "exact") -> object:
    start = int(name[1:]) * 10 + ord(name[0])
    return bench.GoldMention(doc, start, start + 2, name, "PERSON", cluster, rule)


def test_pairwise_scores_by_hand() -> None:
    # gold:      A = {a1, a2, a3}, B = {b1, b2}, C = {c1}  -> gold pairs: 3 + 1 = 4
    # predicted: X = {a1, a2, a3, b1}, Y = {b2}, Z = {c1}  -> predicted pairs: 6
    # correct: a1a2, a1a3, a2a3 = 3  -> P = 3/6 = 0.5, R = 3/4 = 0.75
    a1, a2, a3 = (_mention(f"a{i}", "A") for i in (1, 2, 3))
    b1 = _mention("b1", "B", doc="d2", rule="alias")
    b2 = _mention("b2", "B", doc="d2")
    c1 = _mention("c1", "C")
    items = [bench.Scored(a1, "X"), bench.Scored(a2, "X"), bench.Scored(a3, "X"),
             bench.Scored(b1, "X"), bench.Scored(b2, "Y"), bench.Scored(c1, "Z")]
    report = bench.score(items)
    o = report.overall
    assert (o.gold, o.predicted, o.correct) == (4, 6, 3)
    assert o.precision == pytest.approx(0.5)
    assert o.recall == pytest.approx(0.75)
    assert len(report.false_merges) == 3  # a1-b1, a2-b1, a3-b1
    assert len(report.missed_merges) == 1  # b1-b2
    alias = report.by_rule["alias"]  # the pairs touching b1
    assert (alias.gold, alias.predicted, alias.correct) == (1, 3, 0)
    exact = report.by_rule["exact"]  # the pairs among a1, a2, a3, b2, c1
    assert (exact.gold, exact.predicted, exact.correct) == (3, 3, 3)
    within, cross = report.by_scope["within-doc"], report.by_scope["cross-doc"]
    assert (within.gold, within.predicted, within.correct) == (4, 3, 3)
    assert (cross.gold, cross.predicted, cross.correct) == (0, 3, 0)


def test_empty_denominators_score_one() -> None:
    report = bench.score([bench.Scored(_mention("a1", "A"), "X"),
                          bench.Scored(_mention("b1", "B"), "Y")])
    assert report.overall.precision == report.overall.recall == 1.0


def test_load_gold_rejects_bad_offsets(tmp_path: Path) -> None:
    bad = {"id": "x", "title": "", "date": "2020-01-01", "source": "", "text": "Ani datang.",
           "mentions": [{"start": 0, "end": 4, "text": "Ani", "type": "PERSON", "cluster": "p"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(bench.GoldError):
        bench.load_gold(path)
