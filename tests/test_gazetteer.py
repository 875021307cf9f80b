"""The gazetteer component (``jalin_gazetteer``), on sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy
import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span

from graph.nlp import gazetteer as gazetteer_module
from graph.nlp.gazetteer import DEFAULT_LABELS, LABELS, load_gazetteer

ALL = list(LABELS)


def make(**config) -> Language:  # noqa: ANN003
    nlp = spacy.blank("id")
    nlp.add_pipe("jalin_gazetteer", config=config)
    return nlp


@pytest.fixture(scope="module")
def everything() -> Language:
    return make(labels=ALL)


@pytest.fixture(scope="module")
def default() -> Language:
    return make()


def ents(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def with_ents(nlp: Language, text: str, spans: list[tuple[str, str]]) -> Doc:
    """``text`` tokenised, with ``spans`` (text, label) set as if the NER had found them, then the
    gazetteer run on it."""
    doc = nlp.make_doc(text)
    preset = []
    for part, label in spans:
        i = text.index(part)
        preset.append(doc.char_span(i, i + len(part), label=label))
    doc.ents = preset
    return nlp.get_pipe("jalin_gazetteer")(doc)


def test_a_country_a_province_and_a_ministry_are_tagged(everything: Language) -> None:
    doc = everything("Delegasi Kementerian Perdagangan tiba di Jawa Tengah dari Kanada kemarin.")
    assert ents(doc) == [("Kementerian Perdagangan", "ORG"), ("Jawa Tengah", "LOC"),
                         ("Kanada", "LOC")]


def test_english_names_and_short_names_are_tagged(everything: Language) -> None:
    doc = everything("Pejabat Kemenkeu bertemu investor dari South Korea dan Belgium.")
    assert ents(doc) == [("Kemenkeu", "ORG"), ("South Korea", "LOC"), ("Belgium", "LOC")]


def test_by_default_organisations_and_places_only_after_di_ke_dari_are_tagged(
        default: Language) -> None:
    assert DEFAULT_LABELS == ("ORG", "EVENT")
    doc = default("Delegasi Kementerian Perdagangan Kanada tiba di Jawa Tengah, Jepang menyusul.")
    assert ents(doc) == [("Kementerian Perdagangan", "ORG"), ("Jawa Tengah", "LOC")]


def test_lowercase_common_words_are_not_tagged(everything: Language) -> None:
    doc = everything("Sapi merumput di padang luas, antara sungai dan kebun jambi milik warga.")
    assert ents(doc) == []


def test_common_words_are_not_tagged_at_a_sentence_start(everything: Language) -> None:
    assert ents(everything("Antara dua desa itu ada jembatan.")) == []
    assert ents(everything("Batang pohon itu patah di Batang.")) == [("Batang", "LOC")]
    assert ents(everything("Landak itu lari ke Landak.")) == [("Landak", "LOC")]
    assert ents(everything('"Padang rumput itu luas," katanya.')) == []
    assert ents(everything("Foto itu dirilis kantor berita Antara kemarin.")) == [
        ("Antara", "ORG")]
    assert ents(everything("Ia pindah ke Padang tahun lalu.")) == [("Padang", "LOC")]


def test_camel_case_names_also_match_capitalised_only(default: Language) -> None:
    """News writes "NasDem" and "Nasdem", "SoftBank" and "Softbank"; a word whose inner capital
    starts a one-letter part ("KontraS") has no such variant: "Kontras" is a word."""
    doc = default("Kader Partai Nasdem dan Partai NasDem bertemu investor Softbank.")
    assert ents(doc) == [("Partai Nasdem", "ORG"), ("Partai NasDem", "ORG"), ("Softbank", "ORG")]
    assert ents(default("Kontras dengan itu, harga naik.")) == []
    assert ents(default("Laporan KontraS terbit.")) == [("KontraS", "ORG")]


def test_civil_society_associations_and_clubs_are_tagged(default: Language) -> None:
    doc = default("Peneliti Perludem, IDAI dan Persib Bandung menolak aturan Bappebti.")
    assert ents(doc) == [("Perludem", "ORG"), ("IDAI", "ORG"), ("Persib Bandung", "ORG"),
                         ("Bappebti", "ORG")]
    assert ents(default("BPBD Jawa Tengah mencatat banjir.")) == [("BPBD Jawa Tengah", "ORG")]
    # regencies: their regional bodies; a regency that is also a word, not at a sentence start
    assert ents(default("Data BPBD Demak dan Polres Batang sama.")) == [
        ("BPBD Demak", "ORG"), ("Polres Batang", "ORG")]
    assert ents(default("Pemkab Boven Digoel dan Polres Tojo Una-Una menolak.")) == [
        ("Pemkab Boven Digoel", "ORG"), ("Polres Tojo Una-Una", "ORG")]
    # a police command's headquarters is a building: a place, after "di"
    assert ents(default("Ia diperiksa di Mapolres Kutai Kartanegara, Senin.")) == [
        ("Mapolres Kutai Kartanegara", "LOC")]


def test_place_names_only_lengthen_a_place_the_recogniser_cut_short(default: Language) -> None:
    doc = with_ents(default, "Gubernur Papua Tengah dan warga Jawa Barat datang ke Kota Bandung.",
                    [("Papua", "LOC"), ("Bandung", "LOC")])
    # "Jawa Barat" is not added (LOC is not tagged by default); "Kota" stays out of the name
    assert ents(doc) == [("Papua Tengah", "LOC"), ("Bandung", "LOC")]
    doc = with_ents(default, "Gubernur Papua Tengah datang.", [("Papua", "ORG")])
    assert ents(doc) == [("Papua", "ORG")]


def test_a_place_typed_person_after_a_place_word_is_retyped(default: Language) -> None:
    doc = with_ents(default, "Jalan antara Semarang dan Kudus putus.", [("Kudus", "PERSON")])
    assert ents(doc) == [("Kudus", "LOC")]
    # no word marking a place before it, or part of a person's longer name in the article
    doc = with_ents(default, "Kata Kudus kemarin.", [("Kudus", "PERSON")])
    assert ents(doc) == [("Kudus", "PERSON")]
    doc = default.make_doc("Kudus Santoso datang dan Kudus pulang.")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 4, 5, label="PERSON")]
    assert ents(default.get_pipe("jalin_gazetteer")(doc)) == [
        ("Kudus Santoso", "PERSON"), ("Kudus", "PERSON")]


def test_a_known_place_typed_an_organisation_is_the_place(default: Language) -> None:
    doc = with_ents(default, "Indonesia mendukung keanggotaan penuh Timor-Leste di ASEAN.",
                    [("Timor-Leste", "ORG"), ("ASEAN", "ORG")])
    assert ents(doc) == [("Timor-Leste", "LOC"), ("ASEAN", "ORG")]
    # inside a longer organisation's name it stays: "Pemerintah Kota Batam"
    doc = with_ents(default, "Pemerintah Kota Batam menolak.", [("Pemerintah Kota Batam", "ORG")])
    assert ents(doc) == [("Pemerintah Kota Batam", "ORG")]


def test_the_longest_name_wins(everything: Language) -> None:
    doc = everything("Wartawan Jawa Pos meliput rapat Pemprov Jawa Barat di Bandung.")
    assert ents(doc) == [("Jawa Pos", "ORG"), ("Pemprov Jawa Barat", "ORG"), ("Bandung", "LOC")]


def test_a_longer_ner_entity_containing_a_name_is_kept() -> None:
    for mode in ("fill", "relabel", "extend"):
        nlp = make(mode=mode, labels=ALL)
        doc = with_ents(nlp, "Ketua Fraksi Partai Golkar Dedi Sulaeman hadir di Bali.",
                        [("Fraksi Partai Golkar", "ORG"), ("Dedi Sulaeman", "PERSON")])
        assert ents(doc) == [("Fraksi Partai Golkar", "ORG"), ("Dedi Sulaeman", "PERSON"),
                             ("Bali", "LOC")], mode


def test_fill_adds_only_where_no_entity_is() -> None:
    nlp = make(mode="fill", labels=ALL)
    doc = with_ents(nlp, "Nasabah Bank Rakyat Indonesia di Kupang mengadu ke Kemensos.",
                    [("Indonesia", "LOC"), ("Kemensos", "LOC")])
    assert ents(doc) == [("Indonesia", "LOC"), ("Kupang", "LOC"), ("Kemensos", "LOC")]


def test_relabel_retypes_an_entity_of_exactly_a_names_extent() -> None:
    nlp = make(mode="relabel", labels=ALL)
    doc = with_ents(nlp, "Nasabah Bank Rakyat Indonesia mengadu ke Kemensos.",
                    [("Indonesia", "LOC"), ("Kemensos", "LOC")])
    assert ents(doc) == [("Indonesia", "LOC"), ("Kemensos", "ORG")]


def test_extend_replaces_entities_inside_a_longer_name(default: Language) -> None:
    doc = with_ents(default, "Nasabah Bank Rakyat Indonesia mengadu ke Kemensos.",
                    [("Indonesia", "LOC"), ("Kemensos", "LOC")])
    assert ents(doc) == [("Bank Rakyat Indonesia", "ORG"), ("Kemensos", "ORG")]


def test_preset_entities_guide_a_later_component() -> None:
    nlp = make(mode="preset", labels=ALL)
    doc = nlp("Menteri dari Kementerian Kesehatan terbang ke Jepang.")
    assert ents(doc) == [("Kementerian Kesehatan", "ORG"), ("Jepang", "LOC")]
    # tokens outside the names stay unannotated (missing), for the NER to decide
    assert doc[0].ent_iob_ == ""


def test_place_context_tags_places_only_after_a_place_cue() -> None:
    nlp = make(labels=ALL, place_context=True)
    doc = nlp("Pemerintah Jepang mengirim bantuan ke Filipina dan Vietnam.")
    assert ents(doc) == [("Filipina", "LOC"), ("Vietnam", "LOC")]


def test_names_given_two_types_are_left_out(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "g.yaml"
    path.write_text(yaml.safe_dump({"lists": {
        "a": {"label": "LOC", "source": "test", "names": [["Negeri Kabut", "Kabutania"]]},
        "b": {"label": "ORG", "source": "test", "names": ["Kabutania", "Badan Kabut"]},
    }}), encoding="utf-8")
    names, _ = load_gazetteer(path, aliases=False)
    assert names == {"Negeri Kabut": "LOC", "Badan Kabut": "ORG"}


def test_the_builtin_data_is_well_formed() -> None:
    data = gazetteer_module._read_data(None)
    for name, spec in data["lists"].items():
        assert spec["label"] in LABELS, name
        assert len(spec["source"]) > 20, name
        assert spec["names"], name
    names, not_initial = load_gazetteer()
    assert names["Kementerian Keuangan"] == "ORG"  # from the alias table
    assert names["Pemprov Jawa Barat"] == "ORG" and names["Kota Bandung"] == "LOC"  # prefixes
    assert "Antara" in not_initial
    assert all(any(ch.isupper() or ch.isdigit() for ch in name) for name in names)


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="mode"):
        make(mode="sometimes")


def test_span_labels_are_jalin_types(everything: Language) -> None:
    doc = everything("Rapat APEC di Lima diikuti Kemenlu.")
    assert all(isinstance(e, Span) and e.label_ in LABELS for e in doc.ents)
    assert ("Lima", "LOC") not in ents(doc)  # "lima" is five: left out of the gazetteer


def test_the_shipped_pipeline_runs_the_gazetteer_after_the_label_mapping() -> None:
    from graph.nlp.pipeline import load_pipeline

    nlp = load_pipeline(concepts=False)
    names = nlp.pipe_names
    assert names.index("jalin_gazetteer") == names.index("jalin_entity_labels") + 1
    assert "jalin_gazetteer" not in load_pipeline(concepts=False, gazetteer=False).pipe_names
    doc = nlp("Sekretaris jenderal Kementerian Perindustrian, Rudi Hartono, tiba di Surabaya.")
    assert ("Kementerian Perindustrian", "ORG") in ents(doc)
