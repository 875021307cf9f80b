"""Entity resolution on mentions written for these tests."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import JaroWinkler, Levenshtein

import graph.resolve as resolve_module
from graph.aliases import AliasEntry, parse_aliases
from graph.concepts import select_concepts
from graph.nlp.titles import GENERIC_ROLES
from graph.records import CONCEPT, Definition, DocMentions, Document, Mention
from graph.resolve import (
    SAME_OFFICE_SIMILARITY,
    _groups,
    _majority_type,
    _State,
    candidate_pairs,
    close_pairs,
    deletion_variants,
    modern_spelling,
    normalize_key,
    resolve,
)
from graph.roles import PERIOD_DAYS, _Holders, _Office, role_key, split_roles


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


def test_a_surname_mistyped_as_a_place_or_organisation_joins_the_person() -> None:
    r = resolve([doc("a", [("Ganjar Pranowo", "PERSON"), ("Pranowo", "LOC"), ("Pranowo", "ORG"),
                           ("Bandung", "LOC"), ("Iwan Bandung", "PERSON")])])
    person = entity_of(r, "a", 0)
    assert entity_of(r, "a", 1) is person and entity_of(r, "a", 2) is person
    assert person.type == "PERSON"
    # a place the gazetteer knows stays the place
    assert entity_of(r, "a", 3).label == "Bandung" and entity_of(r, "a", 3).type == "LOC"


def test_a_two_word_part_of_a_longer_name_joins_it() -> None:
    r = resolve([doc("a", [("Ade Ary Syahputra", "PERSON"), ("Ade Ary", "PERSON"),
                           ("Ade", "PERSON")])])
    assert entity_of(r, "a", 1) is entity_of(r, "a", 0) is entity_of(r, "a", 2)
    assert entity_of(r, "a", 0).label == "Ade Ary Syahputra"


def test_acronyms_vote_on_the_type_only_without_a_written_out_name() -> None:
    r = resolve([doc("a", [("Badan Pangan Daerah", "ORG"), ("BPD", "PERSON"), ("BPD", "PERSON")],
                     definitions=(("Badan Pangan Daerah", "BPD"),)),
                 doc("b", [("KSPI", "PERSON"), ("KSPI", "PERSON"), ("KSPI", "ORG")])])
    assert entity_of(r, "a", 1).type == "ORG"
    assert entity_of(r, "b", 0).type == "PERSON"  # acronyms alone: their majority


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


def test_a_defined_short_form_keeps_its_definition_over_a_longer_name() -> None:
    """"UKM" defined as "usaha kecil dan menengah" in the document is that concept, even where
    a longer name starting with it ("UKM Indonesia") would otherwise claim it as its short name."""
    r = resolve([doc("a", [("usaha kecil dan menengah", CONCEPT), ("UKM", "ORG"),
                           ("UKM Indonesia", "ORG"), ("UKM", "ORG")],
                     definitions=(("usaha kecil dan menengah", "UKM"),))])
    assert entity_of(r, "a", 1) is entity_of(r, "a", 0)
    assert entity_of(r, "a", 3) is entity_of(r, "a", 0)
    assert entity_of(r, "a", 0).label == "usaha kecil dan menengah"
    assert entity_of(r, "a", 2) is not entity_of(r, "a", 0)
    # without the definition the short name still joins the longer one
    r = resolve([doc("b", [("UKM Indonesia", "ORG"), ("UKM", "ORG")])])
    assert entity_of(r, "b", 1) is entity_of(r, "b", 0)


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


# ------------------------------------------------------------------ resolution at scale, unchanged


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("abcd", max_size=9), max_size=40), st.integers(0, 3))
def test_candidate_pairs_hold_every_pair_within_the_distance(strings: list[str], k: int) -> None:
    found = candidate_pairs(strings, k)
    assert all(i < j for i, j in found)
    for j, b in enumerate(strings):
        for i, a in enumerate(strings[:j]):
            if Levenshtein.distance(a, b) <= k:
                assert (i, j) in found, (a, b)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("abcd", max_size=9), max_size=40), st.integers(0, 3))
def test_close_pairs_are_exactly_the_pairs_within_the_distance(strings: list[str], k: int
                                                                ) -> None:
    expected = {(i, j) for j, b in enumerate(strings) for i, a in enumerate(strings[:j])
                if Levenshtein.distance(a, b) <= k}
    assert close_pairs(strings, k) == expected


@given(st.text("abc", max_size=7), st.integers(0, 3))
def test_deletion_variants_are_all_deletions_up_to_k(text: str, k: int) -> None:
    from itertools import combinations

    expected = {"".join(ch for i, ch in enumerate(text) if i not in drop)
                for n in range(min(k, len(text)) + 1)
                for drop in combinations(range(len(text)), n)}
    assert deletion_variants(text, k) == expected


def _all_pairs_spelling_variants(state: _State, docs: Sequence[DocMentions]) -> None:
    """Rule 5 as it was before candidate pairs: every pair of a block compared (the reference)."""
    groups = _groups(state, docs)
    if len(groups) < 2:
        return
    root_of = {(d, i): root for root, group in groups.items() for d, i, _ in group}
    docs_of: dict[str, set[str]] = defaultdict(set)
    neighbours: dict[str, set[str]] = defaultdict(set)
    together: set[frozenset[str]] = set()
    roles_of: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        by_sentence: dict[int, set[str]] = defaultdict(set)
        for i, m in enumerate(doc.mentions):
            root = root_of.get((doc.doc.id, i))
            if root is None:
                continue
            docs_of[root].add(doc.doc.id)
            by_sentence[m.sent].add(root)
            roles_of[root].update(role_key(r) for r in split_roles(m.role))
        for roots in by_sentence.values():
            for root in roots:
                neighbours[root] |= roots - {root}
                together.update(frozenset((root, other)) for other in roots if other != root)
    kind = {root: _majority_type(group) for root, group in groups.items()}
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for root in groups:
        if kind[root] != CONCEPT and not root.startswith("="):
            blocks[(kind[root], root[:2])].append(root)
    for members in blocks.values():
        members.sort()
        for x, a in enumerate(members):
            for b in members[x + 1:]:
                shortest = min(len(a), len(b))
                if abs(len(a) - len(b)) > 2 or shortest < 5:
                    continue
                distance = Levenshtein.distance(modern_spelling(a), modern_spelling(b),
                                                score_cutoff=2)
                limit = 2 if shortest >= 12 else 1
                office = {r for r in roles_of[a] & roles_of[b]
                          if r and r.split()[0] not in GENERIC_ROLES}
                if (distance > limit and office and frozenset((a, b)) not in together
                        and JaroWinkler.similarity(modern_spelling(a), modern_spelling(b))
                        >= SAME_OFFICE_SIMILARITY and state.uf.find(a) != state.uf.find(b)):
                    state.uf.union(a, b, "spelling-variant",
                                   f"similar names holding the same office ({sorted(office)[0]})")
                    continue
                if distance > 2:
                    continue
                shared = (docs_of[a] & docs_of[b] and "a document") or (
                    (neighbours[a] & neighbours[b]) and "a neighbour") or (
                    (roles_of[a] & roles_of[b]) and "a role")
                ra, rb = state.uf.find(a), state.uf.find(b)
                if ra == rb:
                    continue
                conflict = ""
                if frozenset((a, b)) in together:
                    conflict = "named side by side in one sentence"
                elif roles_of[a] and roles_of[b] and not roles_of[a] & roles_of[b]:
                    conflict = "different roles"
                if distance <= limit and shared and not conflict:
                    state.uf.union(a, b, "spelling-variant",
                                   f"edit distance {distance}, shared {shared}")
                else:
                    why = (f"similar (edit distance {distance}) but {conflict}" if conflict else
                           f"similar (edit distance {distance}) but no shared document, "
                           "neighbour or role" if distance <= limit else
                           f"edit distance {distance} is too large for names this short")
                    state.near_misses.append((a, b, why))


def _days_apart(a: str, b: str) -> int:
    """graph.roles' date distance before dates were sorted (the reference)."""
    try:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)
    except ValueError:
        return 0


OFFICES = ["Menteri Pertanian", "Menteri Pertanian dan Kehutanan", "Bupati Garut", "Gubernur DKI",
           "Gubernur DKI Jakarta", "peneliti", "Menkeu", "CEO Maju"]


def _close_names_corpus(seed: int) -> list[DocMentions]:
    """Documents naming people and organisations from a small stock of near-identical names
    (old spellings, doubled letters, shared beginnings), with offices, dates and bare roles."""
    rng = random.Random(seed)
    stems = ["Sutrisno", "Soetrisno", "Sutrisna", "Hendrawan", "Hendrawati", "Rudianto",
             "Rudiantara", "Djoko", "Joko", "Budiman", "Budimann", "Tjahjono", "Cahyono"]
    names = [f"{a} {b}" if rng.random() < 0.5 else a
             for a in stems for b in rng.sample(stems, 3)]
    names += [n[:i] + n[i + 1:] for n in rng.sample(names, 10) for i in [rng.randrange(len(n))]]
    docs = []
    for d in range(rng.randint(1, 25)):
        mentions = []
        for i in range(rng.randint(1, 8)):
            if rng.random() < 0.15:
                office = rng.choice(OFFICES)
                mentions.append(Mention(f"d{d}", i, i + 1, office, "ROLE", i // 2, 0, office))
                continue
            role = rng.choice(OFFICES) if rng.random() < 0.4 else ""
            if rng.random() < 0.1:
                role += "; " + rng.choice(OFFICES)
            mentions.append(Mention(f"d{d}", i, i + 1, rng.choice(names),
                                    rng.choice(["PERSON", "PERSON", "ORG"]), rng.randrange(4),
                                    0, role))
        date = rng.choice([None, "2019-13-01", "kemarin"] + [
            dt.date(2019, 1, 1).fromordinal(737000 + rng.randrange(900)).isoformat()
            for _ in range(5)])
        docs.append(DocMentions(Document(id=f"d{d}", path=f"d{d}", text="x", date=date),
                                tuple(mentions), ("x",) * 4, (0, 1, 2, 3), (0, 0, 0, 0)))
    return docs


@pytest.mark.parametrize("seed", range(60))
def test_candidate_pairs_give_the_same_resolution_as_all_pairs(seed: int) -> None:
    docs = _close_names_corpus(seed)
    new = resolve(docs)  # the distance matrix (close_pairs)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(resolve_module, "MATRIX_MAX_STRINGS", 0)  # symmetric deletion
        assert resolve(docs) == new
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(resolve_module, "_spelling_variants", _all_pairs_spelling_variants)
        old = resolve(docs)
    assert new == old


def _one_holder_by_reading_every_date(held: dict[str, list[str]], date: str | None) -> str | None:
    """graph.roles' corpus rule before its dates were indexed (the reference)."""
    candidates = list(held)
    for window in (PERIOD_DAYS, PERIOD_DAYS // 2):
        if len(candidates) <= 1 or not date:
            break
        candidates = [e for e in candidates if not held[e]
                      or any(_days_apart(date, d) <= window for d in held[e])]
    if len(candidates) == 1 and (not date or not held[candidates[0]] or any(
            _days_apart(date, d) <= PERIOD_DAYS for d in held[candidates[0]])):
        return candidates[0]
    return None


ANCHOR = dt.date(2019, 6, 1)
some_dates = st.one_of(  # anywhere, or just inside or outside a year or half a year of ANCHOR
    st.dates(dt.date(2018, 6, 1), dt.date(2020, 6, 1)).map(str),
    st.sampled_from([0, 1, 181, 182, 183, 364, 365, 366]).flatmap(
        lambda days: st.sampled_from([days, -days])).map(
        lambda days: str(ANCHOR + dt.timedelta(days=days))),
    st.sampled_from(["2019-02-30", "kemarin"]))


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.sampled_from("abcde"), st.lists(some_dates, max_size=5), max_size=5),
       st.one_of(st.none(), st.just(""), st.just(str(ANCHOR)), some_dates))
def test_one_holder_around_a_date_is_found_as_by_reading_every_date(
        held: dict[str, list[str]], date: str | None) -> None:
    assert _Office(held).holder(date) == _one_holder_by_reading_every_date(held, date)


@given(st.lists(st.text("ab ", max_size=6), max_size=12), st.text("ab ", max_size=4))
def test_longer_roles_are_found_as_by_reading_them_all(keys: list[str], key: str) -> None:
    holders = _Holders({k: _Office({}) for k in keys})
    everything = [k for k in holders.offices if k.startswith(key + " ")]
    found = holders.longer(key)
    assert len(found) == min(2, len(everything))
    if len(everything) == 1:
        assert found == everything


def test_names_with_one_slug_take_the_first_free_number() -> None:
    names = ["張三", "李四", "王五", "X 2", "X", "赵六", "孙七", "X 3"]  # slugs: x, x-2, x-3
    docs = [doc(f"d{i}", [(n, "PERSON")] * (1 + i % 2)) for i, n in enumerate(names)]
    r = resolve(docs, previous_ids={"李四": "person:x-5", "孙七": "person:x-9"})
    assert {e.label: e.id for e in r.entities.values()} == {  # as numbered one by one before
        "X 2": "person:x-2", "X 3": "person:x-3", "李四": "person:x-5", "赵六": "person:x",
        "X": "person:x-4", "孙七": "person:x-9", "張三": "person:x-6", "王五": "person:x-7"}


def test_one_holder_at_the_edges_of_a_year_and_half_a_year() -> None:
    edges = [d for days in (0, 181, 182, 183, 364, 365, 366) for d in {days, -days}]
    on = [str(ANCHOR + dt.timedelta(days=d)) for d in edges]
    cases = [{"a": [x]} for x in on] + [{"a": [x], "b": [y]} for x in on for y in on]
    cases += [{"a": [x, y], "b": []} for x in on for y in on[:4]]
    for held in cases:
        assert (_Office(held).holder(str(ANCHOR))
                == _one_holder_by_reading_every_date(held, str(ANCHOR))), held
