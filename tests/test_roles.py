"""Bare roles linked to the people who hold them."""

from __future__ import annotations

from graph.records import DocMentions, Document, Mention
from graph.resolve import resolve
from graph.roles import role_key


def make(doc_id: str, date: str | None, items: list[tuple[str, str, str]]) -> DocMentions:
    """items: (text, label, role); one sentence per item."""
    mentions, offset = [], 0
    for i, (text, label, role) in enumerate(items):
        mentions.append(Mention(doc_id, offset, offset + len(text), text, label, i, 0,
                                role if label != "ROLE" else text))
        offset += len(text) + 1
    texts = tuple(t for t, _, _ in items)
    return DocMentions(Document(id=doc_id, path=doc_id, text=" ".join(texts), date=date),
                       tuple(mentions), texts, tuple(range(len(texts))), tuple(0 for _ in texts))


def holder(r, doc_id: str, index: int) -> str | None:  # noqa: ANN001
    entity = r.mention_entity.get((doc_id, index))
    return r.entities[entity].label if entity else None


def test_role_keys_expand_office_abbreviations() -> None:
    assert role_key("Menkeu") == role_key("Menteri Keuangan RI")
    assert role_key("Menko Perekonomian") == role_key("Menteri Koordinator Perekonomian")
    assert role_key("Dubes RI untuk Jepang") == role_key("Duta Besar Indonesia untuk Jepang")


def test_bare_role_joins_the_holder_in_its_document() -> None:
    r = resolve([make("a", "2020-01-01", [("Dewi Lestari", "PERSON", "Gubernur Jawa Timur"),
                                          ("gubernur", "ROLE", "")])])
    assert holder(r, "a", 1) == "Dewi Lestari"
    assert "gubernur" in r.entities[r.mention_entity[("a", 1)]].aliases


def test_bare_role_in_a_document_with_two_holders_stays_unresolved() -> None:
    r = resolve([make("a", "2020-01-01", [("Arif Nugroho", "PERSON", "Presiden"),
                                          ("Kim Sung", "PERSON", "Presiden Korea Selatan"),
                                          ("Presiden", "ROLE", "")])])
    assert holder(r, "a", 2) is None


def test_bare_role_resolved_in_the_corpus_by_period() -> None:
    docs = [make("a", "2016-03-01", [("Bambang Sudarmo", "PERSON", "Menteri Keuangan")]),
            make("b", "2019-06-01", [("Ratna Dewi", "PERSON", "Menteri Keuangan")]),
            make("c", "2016-05-01", [("Menkeu", "ROLE", "")]),
            make("d", "2019-09-01", [("Menkeu", "ROLE", "")]),
            make("e", None, [("Menkeu", "ROLE", "")])]
    r = resolve(docs)
    assert holder(r, "c", 0) == "Bambang Sudarmo"
    assert holder(r, "d", 0) == "Ratna Dewi"
    assert holder(r, "e", 0) is None  # no date and two holders: unresolved
    assert not any(e.label == "Menkeu" for e in r.entities.values())
