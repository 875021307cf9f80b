"""Entity resolution on mentions written for these tests."""

from __future__ import annotations

from graph.aliases import AliasEntry, parse_aliases
from graph.concepts import select_concepts
from graph.records import Definition, DocMentions, Document, Mention
from graph.resolve import normalize_key, resolve


def doc(doc_id: str, names: list[tuple[str, str]], definitions: tuple[tuple[str, str], ...] = (),
        date: str | None = None, roles: dict[str, str] | None = None) -> DocMentions:
    """A document whose sentence i names names[i] (text, label)."""
    mentions = []
    offset = 0
    for i, (text, label) in enumerate(names):
        role = (roles or {}).get(text, "") if i == 0 or (roles or {}) else ""
        mentions.append(Mention(doc_id, offset, offset + len(text), text, label, i, 0, role))
        offset += len(text) + 1
    d = Document(id=doc_id, path=f"{doc_id}.txt", text=" ".join(t for t, _ in names), date=date)
    return DocMentions(d, tuple(mentions), tuple(t for t, _ in names),
                       tuple(range(len(names))), tuple(0 for _ in names),
                       tuple(Definition(doc_id, lf, sf) for lf, sf in definitions))


def labels_of(resolution) -> dict[str, str]:  # noqa: ANN001
    return {e.label: e.type for e in resolution.entities.values()}


def entity_of(resolution, doc_id: str, index: int):  # noqa: ANN001, ANN201
    return resolution.entities[resolution.mention_entity[(doc_id, index)]]


def test_normalised_names_join_but_acronyms_keep_case() -> None:
    r = resolve([doc("a", [("E-Commerce", "CONCEPT"), ("e-commerce", "CONCEPT"),
                           ("MA", "ORG"), ("Ma", "PERSON")])])
    assert len(r.entities) == 3
    assert entity_of(r, "a", 0) is entity_of(r, "a", 1)
    assert entity_of(r, "a", 0).label == "E-Commerce" or entity_of(r, "a", 0).label == "e-commerce"
    assert entity_of(r, "a", 2) is not entity_of(r, "a", 3)


def test_surname_joins_the_only_full_name_in_its_document() -> None:
    r = resolve([doc("a", [("Siti Rahayu", "PERSON"), ("Rahayu", "PERSON")]),
                 doc("b", [("Rahayu", "PERSON")])])
    assert entity_of(r, "a", 1).label == "Siti Rahayu"
    # no full name in document b: it stays its own name there
    assert entity_of(r, "b", 0).label == "Rahayu"
    merge = next(m for m in r.merges if m.surface == "Rahayu")
    assert merge.rule == "partial-name"


def test_shared_surname_of_two_people_is_ambiguous_and_left_out() -> None:
    r = resolve([doc("a", [("Joko Widodo", "PERSON"), ("Bambang Widodo", "PERSON"),
                           ("Widodo", "PERSON")])])
    assert ("a", 2) not in r.mention_entity
    assert sorted(labels_of(r)) == ["Bambang Widodo", "Joko Widodo"]


def test_definition_joins_short_and_long_form_corpus_wide() -> None:
    r = resolve([doc("a", [("Badan Pusat Data", "ORG"), ("BPD", "ORG")],
                     definitions=(("Badan Pusat Data", "BPD"),)),
                 doc("b", [("BPD", "ORG")])])
    assert entity_of(r, "b", 0).label == "Badan Pusat Data"
    assert entity_of(r, "b", 0).aliases == ("Badan Pusat Data", "BPD")


def test_short_form_defined_two_ways_holds_per_document() -> None:
    r = resolve([doc("a", [("Persatuan Sepakbola Medan", "ORG"), ("PSM", "ORG")],
                     definitions=(("Persatuan Sepakbola Medan", "PSM"),)),
                 doc("b", [("Pusat Studi Maritim", "ORG"), ("PSM", "ORG")],
                     definitions=(("Pusat Studi Maritim", "PSM"),))])
    assert entity_of(r, "a", 1).label == "Persatuan Sepakbola Medan"
    assert entity_of(r, "b", 1).label == "Pusat Studi Maritim"


def test_lowercase_long_form_makes_a_concept() -> None:
    r = resolve([doc("a", [("usaha kecil dan menengah", "CONCEPT"), ("UKM", "ORG"),
                           ("UKM", "ORG")], definitions=(("usaha kecil dan menengah", "UKM"),))])
    e = entity_of(r, "a", 1)
    assert (e.label, e.type, e.mentions) == ("usaha kecil dan menengah", "CONCEPT", 3)


def test_alias_table_joins_variants_and_user_entries_win() -> None:
    builtin = [AliasEntry("Kota Satu", ("KS", "Satu City"), "LOC", "test")]
    user = parse_aliases("Klub Satu:\n  type: ORG\n  aliases: [KS]\n", "user.yaml")
    docs = [doc("a", [("Satu City", "LOC"), ("KS", "ORG")])]
    r = resolve(docs, aliases=builtin)
    assert entity_of(r, "a", 1).label == "Kota Satu"
    r = resolve(docs, aliases=builtin + user)
    assert entity_of(r, "a", 1).label == "Klub Satu"
    assert entity_of(r, "a", 0).label == "Kota Satu"


def test_majority_type_and_roles_and_dates() -> None:
    r = resolve([doc("a", [("Arga", "PERSON"), ("Arga", "ORG")], date="2019-01-02",
                     roles={"Arga": "Menkeu"}),
                 doc("b", [("Arga", "PERSON")], date="2020-05-06")])
    e = entity_of(r, "a", 0)
    assert e.type == "PERSON" and e.docs == 2 and e.mentions == 3
    assert (e.first_seen, e.last_seen) == ("2019-01-02", "2020-05-06")
    assert e.roles == ("Menkeu",)
    assert e.id == "person:arga"


def test_no_merge_keeps_exact_strings_apart() -> None:
    r = resolve([doc("a", [("Siti Rahayu", "PERSON"), ("Rahayu", "PERSON"),
                           ("rahayu", "PERSON")])], merge=False)
    assert len(r.entities) == 3


def test_select_concepts_keeps_the_best_and_drops_singletons() -> None:
    docs = [doc("a", [("transaksi digital", "CONCEPT"), ("transaksi digital", "CONCEPT"),
                      ("kerja sama", "CONCEPT"), ("kerja sama", "CONCEPT"),
                      ("pasar modal", "CONCEPT")])]
    r = select_concepts(resolve(docs), 1)
    assert [e.label for e in r.entities.values()] == ["transaksi digital"]
    assert set(r.mention_entity) == {("a", 0), ("a", 1)}


def test_normalize_key_folds_diacritics_and_punctuation() -> None:
    assert normalize_key("Café Ré") == normalize_key("cafe re") == "cafere"


def test_spelling_variant_with_shared_context_joins_and_without_stays_apart() -> None:
    r = resolve([doc("a", [("Yohana Manuputty", "PERSON")],
                     roles={"Yohana Manuputty": "Wali Kota Ambon"}),
                 doc("b", [("Yohana Manupputy", "PERSON")],
                     roles={"Yohana Manupputy": "Wali Kota Ambon"}),
                 doc("c", [("Hartono Wijoyo", "PERSON")]),
                 doc("d", [("Hartono Wijaya", "PERSON")])])
    assert entity_of(r, "a", 0) is entity_of(r, "b", 0)
    assert any(m.rule == "spelling-variant" for m in r.merges)
    assert entity_of(r, "c", 0) is not entity_of(r, "d", 0)
    assert any({n.a, n.b} == {"person:hartono-wijoyo", "person:hartono-wijaya"}
               for n in r.near_misses)


def test_old_spelling_is_a_variant_but_two_names_in_one_sentence_are_two_people() -> None:
    r = resolve([doc("a", [("Soetrisno Hadi", "PERSON")], date="2001-01-01"),
                 doc("b", [("Sutrisno Hadi", "PERSON")], date="2001-02-01"),
                 doc("c", [("Soetrisno Hadi", "PERSON")])])
    assert entity_of(r, "a", 0) is not entity_of(r, "b", 0)  # no shared context: kept apart
    twins = DocMentions(
        Document(id="t", path="t.txt", text="Rina Kusuma dan Rini Kusuma datang."),
        (Mention("t", 0, 11, "Rina Kusuma", "PERSON", 0, 0),
         Mention("t", 16, 27, "Rini Kusuma", "PERSON", 0, 0)),
        ("Rina Kusuma dan Rini Kusuma datang.",), (0,), (0,))
    r = resolve([twins])
    assert len(r.entities) == 2


def test_short_organisation_name_joins_its_long_form_in_the_document() -> None:
    r = resolve([doc("a", [("Persib Bandung", "ORG"), ("Persib", "ORG"), ("Bank", "ORG")])])
    assert entity_of(r, "a", 1).label == "Persib Bandung"
    assert entity_of(r, "a", 2).label == "Bank"


def test_stable_ids_survive_a_new_fuller_name() -> None:
    first = resolve([doc("a", [("Kota Tua", "LOC")])])
    second = resolve([doc("a", [("Kota Tua", "LOC")]), doc("b", [("Kota Tua", "LOC")])],
                     previous_ids=first.key_ids)
    assert entity_of(second, "b", 0).id == entity_of(first, "a", 0).id


def test_misspelt_holder_of_the_same_office_is_one_person() -> None:
    r = resolve([doc("a", [("Hendrawan", "PERSON")], roles={"Hendrawan": "Menteri Pertanian"}),
                 doc("b", [("Hendrawati", "PERSON")], roles={"Hendrawati": "Menteri Pertanian"}),
                 doc("c", [("Hendrawan", "PERSON")], roles={"Hendrawan": "Menteri Pertanian"}),
                 doc("d", [("Hendriyanto", "PERSON")], roles={"Hendriyanto": "Bupati Garut"})])
    assert entity_of(r, "a", 0) is entity_of(r, "b", 0)
    assert entity_of(r, "d", 0) is not entity_of(r, "a", 0)
