"""Concept candidates and their corpus-wide refinement, on sentences written for these tests.

The documents are built by hand with the shipped tagger's tag set (NN, NNP, JJ, VB, ...), so each
rule is tested alone, without the statistical model.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from graph.concepts import min_mentions_for, refine_concept_mentions, select_concepts
from graph.nlp.concepts import candidate_phrases, noun_shaped
from graph.records import DocMentions, Document, Mention
from graph.resolve import resolve

nlp = spacy.blank("id")


def tagged(text: str, ents: tuple[tuple[int, int, str], ...] = ()) -> Doc:
    """A one-sentence document from "word/TAG word/TAG ..." with entities as token ranges."""
    pairs = [item.rsplit("/", 1) for item in text.split()]
    words = [w for w, _ in pairs]
    doc = Doc(nlp.vocab, words=words, tags=[t for _, t in pairs],
              sent_starts=[k == 0 for k in range(len(words))])
    doc.ents = [doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=label)
                for s, e, label in ents]
    return doc


def phrases(text: str, ents: tuple[tuple[int, int, str], ...] = ()) -> list[str]:
    return [span.text for span in candidate_phrases(tagged(text, ents))[0]]


def corpus(*docs: list[str]) -> list[DocMentions]:
    """Documents whose sentence i names the concept docs[d][i]."""
    out = []
    for d, names in enumerate(docs):
        doc_id = f"d{d}"
        text = " . ".join(names)
        mentions, offset = [], 0
        for i, name in enumerate(names):
            mentions.append(Mention(doc_id, offset, offset + len(name), name, "CONCEPT", i, 0, ""))
            offset += len(name) + 3
        out.append(DocMentions(Document(id=doc_id, path=f"{doc_id}.txt", text=text),
                               tuple(mentions), tuple(names), tuple(range(len(names))),
                               tuple(0 for _ in names)))
    return out


def refined(*docs: list[str]) -> list[list[str]]:
    return [[m.text for m in dm.mentions] for dm in refine_concept_mentions(corpus(*docs), {})]


# rule 1: governing nouns at the front


def test_wrapper_noun_is_cut_when_a_phrase_remains() -> None:
    assert phrases("Warga/NN mengeluhkan/VB kenaikan/NN harga/NN gula/NN pasir/NN ./SYM") == [
        "harga gula pasir"]
    # one word left: the wrapper stays, the phrase is the concept
    assert phrases("Pemerintah/NN menunda/VB penyaluran/NN bantuan/NN ./SYM") == [
        "penyaluran bantuan"]
    # unless the word is a concept alone, a noun rare in general news
    assert phrases("Dinas/NN mencatat/VB kasus/NN tuberkulosis/NN ./SYM") == ["tuberkulosis"]
    assert phrases("Pemerintah/NN menunda/VB penyaluran/NN beasiswa/NN ./SYM") == ["beasiswa"]
    assert phrases("Warga/NN merasakan/VB dampak/NN perubahan/NN iklim/NN ./SYM") == [
        "perubahan iklim"]


def test_nested_phrase_met_in_several_contexts_is_the_concept() -> None:
    # "minyak goreng" never stands alone but sits inside two different candidates (C-value)
    assert refined(["kelangkaan minyak goreng"], ["distribusi minyak goreng"]) == [
        ["minyak goreng"], ["minyak goreng"]]
    # inside one candidate only, it is not independent of it
    assert refined(["kelangkaan minyak goreng"], ["harga cabai rawit"]) == [
        ["kelangkaan minyak goreng"], ["harga cabai rawit"]]


def test_prefix_named_on_its_own_is_read_and_repeated_phrases_stay_whole() -> None:
    assert refined(["ketahanan energi daerah"], ["ketahanan energi"]) == [
        ["ketahanan energi"], ["ketahanan energi"]]
    # a phrase the corpus repeats keeps its words even when a part of it is used elsewhere
    assert refined(["pembangkit listrik tenaga angin", "pembangkit listrik tenaga angin"],
                   ["pembangkit listrik"]) == [
        ["pembangkit listrik tenaga angin", "pembangkit listrik tenaga angin"],
        ["pembangkit listrik"]]


# rule 2: nominal words tagged as verbs


def test_noun_morphology_reads_a_verb_tag_as_a_noun() -> None:
    assert noun_shaped("pengolahan") and noun_shaped("penuntut") and noun_shaped("pungutan")
    assert not noun_shaped("menyalurkan") and not noun_shaped("berjalan")
    assert phrases("Bidan/NN mencatat/VB keterlambatan/NN pungutan/VB retribusi/NN ./SYM") == [
        "keterlambatan pungutan retribusi"]


def test_participle_and_bare_verb_modify_an_object_but_not_a_subject() -> None:
    assert phrases("Warga/NN membeli/VB bensin/NN bersubsidi/VB di/IN kota/NN ./SYM") == [
        "bensin bersubsidi"]
    assert phrases("Kenaikan/NN itu/DT menggerus/VB daya/NN beli/VB petani/NN ./SYM") == [
        "daya beli petani"]
    # at the start of the clause the ber- form is the predicate
    assert phrases("Harga/NN bensin/NN bertahan/VB di/IN level/NN itu/DT ./SYM") == [
        "Harga bensin"]
    # frequent verbs are predicates even after an object
    assert phrases("Ia/PR melihat/VB harga/NN kedelai/NN masuk/VB pasar/NN ./SYM") == [
        "harga kedelai"]


# rule 3: capitalised common nouns at a sentence start


def test_sentence_initial_capitalised_noun_outside_an_entity_is_common() -> None:
    assert phrases("Kabut/NNP asap/NN menyelimuti/VB permukiman/NN warga/NN ./SYM") == [
        "Kabut asap", "permukiman warga"]
    assert phrases("Kabut/NNP Asap/NNP menyelimuti/VB permukiman/NN warga/NN ./SYM",
                   ((0, 2, "ORG"),)) == ["permukiman warga"]


# rule 4: time nouns and drift words


def test_phrase_stops_before_time_nouns_and_drift_words() -> None:
    assert phrases("DPR/NN membahas/VB anggaran/NN pendidikan/NN tahun/NN depan/ADV ./SYM") == [
        "anggaran pendidikan"]
    assert phrases("Warga/NN menggarap/VB proyek/NN jalan/NN tol/NN senilai/JJ Rp/SYM "
                   "5/NUM triliun/NUM ./SYM") == ["proyek jalan tol"]
    assert phrases("Ia/PR menemui/VB perajin/NN tenun/NN rencananya/NN ./SYM") == [
        "perajin tenun"]


# rule 5: weak heads, and no tails of rejected phrases


def test_weak_heads_need_a_modifier_and_rejected_phrases_leave_no_tail() -> None:
    assert phrases("Truk/NN menuju/VB tempat/NN pembuangan/NN sampah/NN ./SYM") == [
        "tempat pembuangan sampah"]
    assert phrases("Gedung/NN itu/DT dibuka/VB dalam/IN waktu/NN dekat/JJ ./SYM") == []
    assert phrases("Ia/PR menjelaskan/VB hal/NN teknis/JJ pengadaan/NN ./SYM") == []
    # a quantifier is skipped, the phrase after it is read
    assert phrases("Polisi/NN memadamkan/VB sebagian/NN besar/JJ titik/NN panas/JJ ./SYM") == [
        "titik panas"]


# rule 6: rare single nouns


def test_rare_single_noun_is_a_candidate_and_needs_two_mentions() -> None:
    assert phrases("Warga/NN terserang/VB malaria/NN ./SYM") == ["malaria"]
    assert phrases("Warga/NN mendatangi/VB pemerintah/NN ./SYM") == []
    assert refined(["malaria"], ["malaria", "UKM"], ["leptospirosis"]) == [
        ["malaria"], ["malaria", "UKM"], []]


# rule 7: institutions and roles


def test_institutions_and_roles_are_not_concepts() -> None:
    assert phrases("Warga/NN mendatangi/VB dinas/NN kesehatan/NN ./SYM") == []
    assert phrases("Ia/PR menemui/VB kepala/NN sekolah/NN ./SYM") == []
    assert phrases("Bidan/NN memeriksa/VB ibu/NN hamil/NN ./SYM") == ["ibu hamil"]


# rule 8: selection scaled with the corpus


def test_min_mentions_grows_with_the_corpus() -> None:
    assert [min_mentions_for(n) for n in (0, 5, 10, 11, 100, 101, 5000)] == [2, 2, 2, 2, 2, 3, 4]
    small = resolve(corpus(["sistem zonasi", "sistem zonasi"], ["guru honorer"]))
    assert [e.label for e in select_concepts(small, 10).entities.values()] == ["sistem zonasi"]
    assert sorted(e.label for e in select_concepts(small, 10, min_mentions=1).entities.values()) \
        == ["guru honorer", "sistem zonasi"]


def test_a_single_common_word_needs_one_mention_more_than_a_phrase() -> None:
    docs = resolve(corpus(["rombongan", "rombongan"], ["UKM", "UKM"]))
    assert [e.label for e in select_concepts(docs, 10).entities.values()] == ["UKM"]


def test_gloss_index_gives_what_trying_every_gloss_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    """concept_text tries only the glosses that can match (a large corpus has thousands)."""
    import random

    from graph import concepts as corpus_concepts

    rng = random.Random(0)
    words = ["roadmap", "startup", "e-commerce", "peta", "jalan", "rintisan", "Roadmap",
             "STARTUP", "x", "y", "atau", "(roadmap)", "Ékspor", "ekspor"]
    cases = []
    for _ in range(1500):
        table = {}
        for _ in range(rng.randint(9, 30)):
            foreign = " ".join(rng.choice(words) for _ in range(rng.choice([1, 1, 1, 2])))
            table[foreign.lower() if rng.random() < .8 else foreign] = " ".join(
                rng.choice(words) for _ in range(rng.choice([1, 2])))
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 7)))
        cases.append((text, table, corpus_concepts.concept_text(text, table)))
    monkeypatch.setattr(corpus_concepts, "_glosses_to_try",
                        lambda glosses, joined: tuple(glosses.items()))
    for text, table, fast in cases:
        assert corpus_concepts.concept_text(text, table) == fast, (text, table)
