"""The synthetic benchmark corpus (``bench/make_corpus.py``): reproducible, the requested size,
read by Jalin without losses, and made of the generator's own names."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import pytest
from bench_loader import load_bench

from graph.errors import JalinError
from graph.workflow import build_result, iter_documents

corpus = load_bench("make_corpus")


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    for fmt in ("txt", "jsonl"):
        a = corpus.write_corpus(25, tmp_path / f"{fmt}-a", seed=3, words=150, fmt=fmt, per_file=10)
        b = corpus.write_corpus(25, tmp_path / f"{fmt}-b", seed=3, words=150, fmt=fmt, per_file=10)
        assert [p.name for p in a] == [p.name for p in b]
        assert _files(tmp_path / f"{fmt}-a") == _files(tmp_path / f"{fmt}-b")
    corpus.write_corpus(25, tmp_path / "other", seed=4, words=150, per_file=10)
    same_seed, other_seed = _files(tmp_path / "txt-a"), _files(tmp_path / "other")
    assert same_seed.keys() == other_seed.keys()
    assert all(same_seed[k] != other_seed[k] for k in same_seed)


def test_a_smaller_corpus_is_the_start_of_a_larger_one() -> None:
    small = list(corpus.generate_articles(5, seed=1, words=120))
    large = list(corpus.generate_articles(12, seed=1, words=120))
    assert large[:5] == small
    assert list(corpus.generate_articles(3, seed=1, words=120, start=5)) == large[5:8]


def test_file_and_record_counts(tmp_path: Path) -> None:
    txt = corpus.write_corpus(23, tmp_path / "txt", words=100, per_file=10)
    assert len(txt) == 23 and all(p.suffix == ".txt" for p in txt)
    assert len({p.parent for p in txt}) == 3  # 10 files per sub-folder
    jsonl = corpus.write_corpus(23, tmp_path / "jsonl", words=100, fmt="jsonl", per_file=10)
    assert [p.name for p in jsonl] == [f"articles_0000{i}.jsonl" for i in range(3)]
    records = [json.loads(line) for p in jsonl for line in p.read_text("utf-8").splitlines()]
    assert len(records) == 23
    assert len({r["id"] for r in records}) == 23
    assert all(set(r) == {"id", "title", "date", "source", "text"} for r in records)
    with pytest.raises(FileExistsError):
        corpus.write_corpus(1, tmp_path / "txt")


@pytest.mark.parametrize("words", [150, 400])
def test_words_per_article_are_about_the_requested_size(words: int) -> None:
    counts = [len(a["text"].split()) for a in corpus.generate_articles(60, words=words)]
    assert abs(statistics.mean(counts) - words) <= 0.15 * words
    assert all(0.6 * words <= c <= 1.5 * words for c in counts)


def test_jalin_reads_every_article_none_as_a_duplicate(tmp_path: Path) -> None:
    n = 150
    articles = list(corpus.generate_articles(n, seed=0, words=300))
    for fmt in ("txt", "jsonl"):
        root = tmp_path / fmt
        corpus.write_corpus(n, root, seed=0, words=300, fmt=fmt, per_file=40)
        problems: list[JalinError] = []
        docs = list(iter_documents([root], on_error=problems.append))
        assert problems == []
        assert len(docs) == n
        # title, date and outlet are what the generator wrote (txt: from the date line and the
        # dateline, which cleaning removes from the text)
        assert [d.title for d in docs] == [a["title"] for a in articles]
        assert [d.date for d in docs] == [a["date"] for a in articles]
        assert [d.source for d in docs] == [a["source"] for a in articles]
        assert not any(d.text.startswith(a["text"][:20]) for d, a in zip(docs, articles,
                                                                          strict=True))


def test_a_real_build_finds_the_generators_people_and_organisations(tmp_path: Path) -> None:
    corpus.write_corpus(20, tmp_path / "c", seed=0, words=300)
    result = build_result([tmp_path / "c"])
    assert result.documents == 20
    pool = corpus.entity_pool(0)
    person_names = pool.person_names | {p.surname for p in pool.persons}
    labels = {t: [d["label"] for _, d in result.graph.nodes(data=True) if d["type"] == t]
              for t in ("PERSON", "ORG")}
    people = [name for name in labels["PERSON"] if name in person_names]
    orgs = [name for name in labels["ORG"] if name in pool.org_names]
    assert len(people) >= 10 and len(people) >= 0.6 * len(labels["PERSON"])
    assert len(orgs) >= 10 and len(orgs) >= 0.6 * len(labels["ORG"])
