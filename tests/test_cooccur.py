"""Co-occurrence windows, weights, NPMI and evidence."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.cooccur import (
    cooccurrence_graph,
    document_windows,
    evidence_json,
    npmi,
    parse_window,
)
from graph.errors import JalinError
from graph.records import DocMentions, Document, Mention
from graph.resolve import resolve


def make_doc(doc_id: str, sentences: list[list[tuple[str, str]]],
             paras: list[int] | None = None) -> DocMentions:
    """A document; sentence i names the (text, label) pairs in sentences[i]."""
    texts, mentions, starts = [], [], []
    offset = 0
    for i, names in enumerate(sentences):
        text = " dan ".join(n for n, _ in names) + " bertemu."
        starts.append(offset)
        pos = offset
        for name, label in names:
            mentions.append(Mention(doc_id, pos, pos + len(name), name, label, i,
                                    (paras or [0] * len(sentences))[i]))
            pos += len(name) + 5
        texts.append(text)
        offset += len(text) + 1
    d = Document(id=doc_id, path=f"{doc_id}.txt", text=" ".join(texts), title=f"Judul {doc_id}")
    return DocMentions(d, tuple(mentions), tuple(texts), tuple(starts),
                       tuple(paras or [0] * len(sentences)))


A, B, C = ("Ani", "PERSON"), ("Bank Sentosa", "ORG"), ("Bali", "LOC")


def build(docs: list[DocMentions], **kw):  # noqa: ANN003, ANN201
    return cooccurrence_graph(docs, resolve(docs), **kw)


def test_sentence_window_counts_and_evidence() -> None:
    docs = [make_doc("d1", [[A, B], [A, C], [B]]), make_doc("d2", [[A, B]])]
    g = build(docs)
    ab = g.edges["person:ani", "org:bank-sentosa"]
    assert ab["weight"] == 2 and ab["docs"] == 2
    evidence = json.loads(ab["evidence"])
    assert {e["doc_id"] for e in evidence} == {"d1", "d2"}
    assert all("Ani" in e["text"] and "Bank Sentosa" in e["text"] for e in evidence)
    assert not g.has_edge("org:bank-sentosa", "loc:bali")
    assert g.nodes["person:ani"]["mentions"] == 3 and g.nodes["person:ani"]["docs"] == 2
    assert json.loads(g.graph["documents"])["d1"]["title"] == "Judul d1"


def test_wider_windows_link_neighbouring_sentences() -> None:
    docs = [make_doc("d1", [[A], [B], [C]], paras=[0, 0, 1])]
    assert build(docs).number_of_edges() == 0
    g2 = build(docs, window=2)
    assert g2.has_edge("person:ani", "org:bank-sentosa") and not g2.has_edge("person:ani",
                                                                             "loc:bali")
    gp = build(docs, window="paragraph")
    assert set(map(frozenset, gp.edges)) == {frozenset({"person:ani", "org:bank-sentosa"})}
    gd = build(docs, window="document")
    assert gd.number_of_edges() == 3
    ev = json.loads(g2.edges["person:ani", "org:bank-sentosa"]["evidence"])[0]["text"]
    assert "Ani" in ev and "Bank Sentosa" in ev


def test_evidence_is_capped_and_prefers_different_documents() -> None:
    docs = [make_doc("d1", [[A, B]] * 5), make_doc("d2", [[A, B]]), make_doc("d3", [[A, B]])]
    g = build(docs, evidence=3)
    ev = json.loads(g.edges["person:ani", "org:bank-sentosa"]["evidence"])
    assert len(ev) == 3 and {e["doc_id"] for e in ev} == {"d1", "d2", "d3"}
    g0 = build(docs, evidence=0)
    assert json.loads(g0.edges["person:ani", "org:bank-sentosa"]["evidence"]) == []


def test_npmi_bounds() -> None:
    assert npmi(3, 3, 3, 10) == 1.0
    assert -1.0 <= npmi(1, 9, 9, 10) < 0
    assert npmi(0, 1, 1, 10) == -1.0


def test_windows_and_bad_window_option() -> None:
    d = make_doc("d1", [[A], [B], [C]], paras=[0, 1, 1])
    assert document_windows(d, "paragraph") == [(0, 1), (1, 3)]
    assert document_windows(d, 5) == [(0, 5)]
    with pytest.raises(JalinError):
        parse_window("chapter")
    with pytest.raises(JalinError):
        parse_window("0")


@given(st.lists(st.tuples(st.text(max_size=5), st.text()), max_size=4))
def test_evidence_json_is_what_json_dumps_writes(items: list[tuple[str, str]]) -> None:
    evidence = [{"doc_id": doc_id, "text": text} for doc_id, text in items]  # as the counter has
    assert evidence_json(evidence) == json.dumps(evidence, ensure_ascii=False)
