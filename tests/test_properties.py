"""Property tests (hypothesis): cleaning, decoding, resolution and graph building on any input.

* decoding and cleaning never raise on any text or bytes (other than a one-line JalinError) and
  cleaning never adds text;
* on random articles run through the real pipeline, resolution and co-occurrence give a graph
  whose edges join existing nodes, whose weights and counts are positive integers and whose
  evidence sentences name both ends;
* building the same input twice gives byte-identical files.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph
from graph.clean import clean_document, clean_text
from graph.cooccur import cooccurrence_graph
from graph.dedup import Deduplicator
from graph.errors import JalinError
from graph.export import write_outputs
from graph.ingest import decode_bytes, normalize_text
from graph.records import DocMentions, Document, Entity, Mention, Resolution
from graph.resolve import resolve
from graph.workflow import build_from_documents, iter_documents

FAST = settings(max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(max_examples=30, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

# Text that looks like scraped news: lines of words, names, boilerplate, odd characters.
NEWS_BITS = [
    "Presiden Joko Widodo", "Jokowi", "Jack Ma", "Alibaba", "Menkominfo Rudiantara", "Jakarta",
    "Baca juga: Harga cabai naik", "JAKARTA, KOMPAS.com -", "Jakarta (ANTARA) -", "(ant/bud)",
    "Editor: Budi", "Foto: Antara", "bertemu", "di", "pada", "Senin (3/6/2019).", "kata dia.",
    "\n", "\n\n", "\r\n", "\u200b", "\u202e", "\x00", "\u00a0", "“", "”", ".", ",", "  ",
    "Artikel ini telah tayang di Kompas.com", "ADVERTISEMENT", "Halaman 1 2 3", "#", "**",
]
news_text = st.lists(st.one_of(st.sampled_from(NEWS_BITS), st.text(max_size=12)),
                     max_size=60).map(" ".join)
any_text = st.one_of(news_text, st.text(max_size=400))


def _squash(text: str) -> str:
    return "".join(text.split())


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


# --------------------------------------------------------------------------- decoding, cleaning


@FAST
@given(st.binary(max_size=600))
def test_decode_bytes_never_raises_anything_but_a_jalin_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, "x.txt")
    except JalinError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("x.txt: ")
        return
    assert "\x00" not in text and "\r" not in text
    assert "\u200b" not in text and "\u202e" not in text


@FAST
@given(any_text)
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@FAST
@given(any_text, st.one_of(st.just(""), news_text))
def test_cleaning_never_raises_and_never_adds_text(text: str, title: str) -> None:
    text = normalize_text(text)
    result = clean_text(text, title=normalize_text(title))
    assert isinstance(result.text, str)
    # cleaning only removes: the kept characters appear in the input, in the same order
    assert _is_subsequence(_squash(result.text), _squash(text))
    for dropped, reason in result.dropped:
        assert isinstance(dropped, str) and reason


@FAST
@given(any_text)
def test_clean_document_keeps_identity(text: str) -> None:
    doc = Document(id="d", path="d.txt", text=normalize_text(text))
    cleaned = clean_document(doc)
    assert cleaned.path == "d.txt"
    assert len(_squash(cleaned.text)) <= len(_squash(doc.text))


@FAST
@given(st.lists(news_text, min_size=1, max_size=8))
def test_deduplicator_keeps_first_of_each_text(texts: list[str]) -> None:
    dedup = Deduplicator()
    kept = [t for i, t in enumerate(texts)
            if dedup.check(Document(id=str(i), path=f"{i}.txt", text=t)) is None]
    assert kept and kept[0] == texts[0]
    again = Deduplicator()
    assert kept == [t for i, t in enumerate(texts)
                    if again.check(Document(id=str(i), path=f"{i}.txt", text=t)) is None]


# --------------------------------------------------------------------------- graph invariants


def check_graph(g: nx.Graph) -> None:
    """Every edge joins existing nodes, counts are positive ints, evidence names both ends."""
    for node, data in g.nodes(data=True):
        assert data["label"] and data["type"]
        for key in ("mentions", "docs"):
            assert isinstance(data[key], int) and data[key] >= 1, (node, key, data[key])
    for a, b, data in g.edges(data=True):
        assert a in g.nodes and b in g.nodes and a != b
        for key in ("weight", "docs"):
            assert isinstance(data[key], int) and data[key] >= 1, (a, b, key, data[key])
        assert data["docs"] <= data["weight"]
        for item in json.loads(data["evidence"]):
            text = item["text"].casefold()
            for end in (a, b):
                names = [n for n in (g.nodes[end]["aliases"].split(" | ") +
                                     g.nodes[end]["roles"].split(" | ")) if n]
                assert any(n.casefold() in text for n in names), (end, names, item["text"])


FIRST = ["Joko", "Sri", "Budi", "Ridwan", "Jack", "Retno", "Basuki", "Susi"]
LAST = ["Widodo", "Mulyani", "Santoso", "Kamil", "Ma", "Marsudi", "Purnama", "Pudjiastuti"]
ORGS = ["Bank Indonesia", "Alibaba", "Kementerian Keuangan", "Tokopedia", "DPR", "Pertamina"]
PLACES = ["Jakarta", "Bandung", "Surabaya", "Hangzhou", "Bali", "Medan"]
VERBS = ["bertemu", "mengunjungi", "berbicara dengan", "menyambut", "mengkritik"]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    person = f"{draw(st.sampled_from(FIRST))} {draw(st.sampled_from(LAST))}"
    other = draw(st.one_of(st.sampled_from(ORGS),
                           st.builds(lambda f, s: f"{f} {s}", st.sampled_from(FIRST),
                                     st.sampled_from(LAST))))
    place = draw(st.sampled_from(PLACES))
    verb = draw(st.sampled_from(VERBS))
    form = draw(st.integers(0, 2))
    if form == 0:
        return f"{person} {verb} {other} di {place}."
    if form == 1:
        return f"Di {place}, {other} {verb} {person} pada hari Senin."
    return f"Menurut {person}, {other} akan datang ke {place} bulan depan."


articles = st.lists(st.lists(sentences(), min_size=1, max_size=6).map(" ".join),
                    min_size=1, max_size=4)


@pytest.fixture(scope="module")
def nlp():
    return graph.load_pipeline()


def _documents(texts: list[str]) -> list[Document]:
    return [Document(id=f"d{i}", path=f"a{i}.txt", text=t) for i, t in enumerate(texts)]


@SLOW
@given(articles, st.sampled_from(["sentence", "paragraph", "document", 2]))
def test_built_graph_invariants_on_random_articles(nlp, texts: list[str], window) -> None:
    result = build_from_documents(_documents(texts), nlp=nlp, window=window, evidence=3)
    check_graph(result.graph)
    for (doc_id, _), entity in result.resolution.mention_entity.items():
        assert doc_id.startswith("d")
        assert entity in result.resolution.entities


@SLOW
@given(articles)
def test_building_twice_gives_identical_files(nlp, tmp_path_factory, texts: list[str]) -> None:
    contents = []
    for _ in range(2):
        out = tmp_path_factory.mktemp("out")
        result = build_from_documents(_documents(texts), nlp=nlp)
        write_outputs(result.graph, out, ["graphml", "json", "gexf", "csv"])
        contents.append({p.name: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert contents[0] == contents[1]


# Synthetic mentions straight into resolution and co-occurrence (no NLP), many more cases.
NAMES = [("Joko Widodo", "PERSON"), ("Widodo", "PERSON"), ("Jokowi", "PERSON"),
         ("Jack Ma", "PERSON"), ("Ma", "PERSON"), ("Alibaba", "ORG"), ("Alibaba Group", "ORG"),
         ("Bank Indonesia", "ORG"), ("BI", "ORG"), ("Jakarta", "LOC"), ("DKI Jakarta", "LOC"),
         ("e-commerce", "CONCEPT"), ("peta jalan", "CONCEPT"), ("Menkominfo", "ROLE")]
FILLER = ["dan", "di", "bertemu", "kata", "yang", "pada"]


@st.composite
def doc_mentions(draw: st.DrawFn, index: int) -> DocMentions:
    doc_id = f"doc{index}"
    sents: list[str] = []
    starts: list[int] = []
    mentions: list[Mention] = []
    offset = 0
    n_sents = draw(st.integers(1, 5))
    for s in range(n_sents):
        parts: list[str] = []
        pos = offset
        for _ in range(draw(st.integers(1, 6))):
            if draw(st.booleans()):
                name, label = draw(st.sampled_from(NAMES))
                mentions.append(Mention(doc_id, pos, pos + len(name), name, label, s, s // 2,
                                        name if label == "ROLE" else ""))
                parts.append(name)
            else:
                parts.append(draw(st.sampled_from(FILLER)))
            pos += len(parts[-1]) + 1
        sentence = " ".join(parts) + "."
        sents.append(sentence)
        starts.append(offset)
        offset += len(sentence) + 1
    text = " ".join(sents)
    doc = Document(id=doc_id, path=f"{doc_id}.txt", text=text)
    return DocMentions(doc, tuple(mentions), tuple(sents), tuple(starts),
                       tuple(i // 2 for i in range(n_sents)))


corpora = st.integers(1, 5).flatmap(
    lambda n: st.tuples(*[doc_mentions(i) for i in range(n)]).map(list))


@FAST
@given(corpora, st.booleans(), st.sampled_from(["sentence", "paragraph", "document", 3]))
def test_resolution_and_cooccurrence_on_random_mentions(docs: list[DocMentions], merge: bool,
                                                        window) -> None:
    resolution = resolve(docs, merge=merge)
    for (doc_id, index), entity_id in resolution.mention_entity.items():
        assert entity_id in resolution.entities
        assert any(d.doc.id == doc_id and 0 <= index < len(d.mentions) for d in docs)
    for entity in resolution.entities.values():
        assert isinstance(entity.mentions, int) and entity.mentions >= 1
        assert entity.aliases and entity.label
    check_graph(cooccurrence_graph(docs, resolution, window=window, evidence=2))


def test_check_graph_catches_a_bad_edge() -> None:
    """The invariant checker itself fails on a graph that breaks the rules."""
    resolution = Resolution({"a": Entity("a", "Ani", "PERSON", ("Ani",), mentions=1, docs=1)}, {})
    g = cooccurrence_graph([], resolution)
    g.add_node("a", label="Ani", type="PERSON", aliases="Ani", roles="", mentions=1, docs=1)
    g.add_node("b", label="Budi", type="PERSON", aliases="Budi", roles="", mentions=1, docs=1)
    g.add_edge("a", "b", weight=1, docs=1,
               evidence=json.dumps([{"doc_id": "x", "text": "Ani pergi."}]))
    with pytest.raises(AssertionError):
        check_graph(g)
    g.edges["a", "b"]["evidence"] = json.dumps([{"doc_id": "x", "text": "Ani dan Budi."}])
    g.edges["a", "b"]["weight"] = 0
    with pytest.raises(AssertionError):
        check_graph(g)


def test_same_record_id_in_two_files_names_two_documents(nlp, tmp_path: Path) -> None:
    """Two JSON Lines files numbering their records alike: ids stay unique, evidence is right."""
    texts = ["Joko Widodo bertemu Jack Ma di Hangzhou.", "Sri Mulyani bertemu Ridwan Kamil."]
    for name, text in zip(("a", "b"), texts, strict=True):
        (tmp_path / f"{name}.jsonl").write_text(json.dumps({"id": "1", "text": text}) + "\n",
                                                encoding="utf-8")
    read = list(iter_documents([tmp_path]))
    result = build_from_documents(read, nlp=nlp)
    check_graph(result.graph)
    documents = json.loads(result.graph.graph["documents"])
    assert len(documents) == 2
    text_of = {d.path: d.text for d in read}
    by_id = {doc_id: text_of[info["path"]] for doc_id, info in documents.items()}
    for *_, data in result.graph.edges(data=True):
        for item in json.loads(data["evidence"]):
            assert item["text"] in by_id[item["doc_id"]]
    # the library path too: documents built by hand with the same id
    same = [Document(id="1", path=f"{i}.txt", text=t) for i, t in enumerate(texts)]
    g = build_from_documents(same, nlp=nlp).graph
    check_graph(g)
    assert not g.has_edge("loc:hangzhou", "person:ridwan-kamil")
