"""The rule components of the NLP stage, on texts written for these tests (blank pipelines, and
the shipped pipeline where a rule needs the trained model's entities)."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Span

from graph.nlp.abbreviations import find_abbreviations, match_long_form
from graph.nlp.labels import (
    extend_school_over_place,
    initials_spans,
    join_facility_and_namesake,
    map_entities,
    split_coordinated,
    tidy_span,
)
from graph.nlp.organisation_names import national_branches, retyped_short_names
from graph.nlp.person_names import appositions
from graph.nlp.regional_offices import names_over_cut_places
from graph.nlp.sentences import sentence_starts
from graph.nlp.titles import apply_titles, missed_holders, strip_titles
from graph.nlp.tokenization import abbreviations, add_abbreviations

nlp = spacy.blank("id")


@lru_cache(maxsize=1)
def _shipped() -> Language:
    """The shipped pipeline without concepts, loaded once for the tests that read whole texts."""
    from graph.nlp.pipeline import load_pipeline

    return load_pipeline(concepts=False)


def _shipped_entities(text: str) -> list[tuple[str, str]]:
    """The shipped pipeline's entities of ``text`` as (text, label) pairs."""
    return [(e.text, e.label_) for e in _shipped()(text).ents]


def sentences(text: str) -> list[str]:
    doc = nlp(text)
    starts = [i for i, s in enumerate(sentence_starts(doc)) if s] + [len(doc)]
    return [doc[a:b].text.strip() for a, b in zip(starts, starts[1:], strict=False)]


def test_sentences_split_on_full_stops_before_capitals_and_on_paragraphs() -> None:
    text = ('Gubernur Budi Santoso meresmikan pasar baru di Medan. "Pasar ini untuk warga," '
            'katanya. Dr. Siti hadir pukul 10.00 WIB.\n\nSubjudul Tanpa Titik\nIsi paragraf.')
    assert sentences(text) == [
        "Gubernur Budi Santoso meresmikan pasar baru di Medan.",
        '"Pasar ini untuk warga," katanya.',
        "Dr. Siti hadir pukul 10.00 WIB.",
        "Subjudul Tanpa Titik",
        "Isi paragraf.",
    ]


def test_sentences_do_not_split_before_lowercase_or_inside_numbers() -> None:
    assert sentences("Nilainya Rp13,2 triliun. dan naik 3.5 persen.") == [
        "Nilainya Rp13,2 triliun. dan naik 3.5 persen."]


def test_news_abbreviations_with_a_full_stop_do_not_end_a_sentence() -> None:
    text = ("Kantor PT. Bank Sentosa Tbk. di Jl. Melati No. 5, Kab. Bogor, tutup. "
            "Harganya Rp. 5.000 per lembar. Dr. Siti hadir.")
    blank = spacy.blank("id")
    assert len(sentences(text)) > 3  # spaCy's own tokenizer splits "PT." "Jl." "Kab." "Rp."
    assert add_abbreviations(blank.tokenizer) == len(abbreviations()) - sum(
        form in nlp.tokenizer.rules for form in abbreviations())
    doc = blank(text)
    starts = [i for i, s in enumerate(sentence_starts(doc)) if s] + [len(doc)]
    assert [doc[a:b].text.strip() for a, b in zip(starts, starts[1:], strict=False)] == [
        "Kantor PT. Bank Sentosa Tbk. di Jl. Melati No. 5, Kab. Bogor, tutup.",
        "Harganya Rp. 5.000 per lembar.",
        "Dr. Siti hadir.",
    ]
    tokens = {t.text: t.norm_ for t in doc}
    assert tokens["PT."] == "pt" and tokens["Jl."] == "jl" and tokens["Dr."] == nlp("Dr.")[0].norm_
    assert [t.text for t in blank("KANTOR DI KOMP. MELATI")][-2:] == ["KOMP.", "MELATI"]
    # a short abbreviation in capitals is as often initials ending a sentence
    assert [t.text for t in blank("pria berinisial DS. Ia")][-3:] == ["DS", ".", "Ia"]


def test_the_shipped_pipeline_keeps_news_abbreviations_and_hyphenated_words_whole() -> None:
    from graph.nlp.pipeline import load_pipeline

    nlp = load_pipeline(concepts=False)
    doc = nlp("Ia pindah ke Jl. Melati, Bogor. Kantornya di PT. Sentosa.")
    assert [s.text for s in doc.sents] == ["Ia pindah ke Jl. Melati, Bogor.",
                                           "Kantornya di PT. Sentosa."]
    words = [t.text for t in nlp("Upaya-upaya Kim Jong-un ditolak pihak non-pemerintah, "
                                 "kata Jokowi-JK soal perang dagang AS-China di Jakarta-Bandung.")]
    assert words[:3] == ["Upaya-upaya", "Kim", "Jong-un"] and "non-pemerintah" in words
    for joined in ("Jokowi-JK", "AS-China", "Jakarta-Bandung"):  # a capital: two names
        assert joined not in words and joined.split("-")[1] in words
    assert [t.text for t in nlp("ke-50 dan U-19")] == ["ke", "-", "50", "dan", "U", "-", "19"]


def test_a_closing_abbreviation_at_a_sentence_end_gives_its_full_stop_to_the_sentence() -> None:
    from graph.nlp.pipeline import load_pipeline

    nlp = load_pipeline(concepts=False)
    doc = nlp("Saham itu milik PT Sentosa Makmur Tbk. Harganya naik. Ia memimpin Acme Co. Ltd. "
              '"Kami tumbuh," katanya. Ada beras, gula, dll.\n\nLaba PT Sentosa Makmur Tbk. '
              "(SMT) naik, kata Budi Santoso Jr. kemarin.")
    assert [s.text.strip() for s in doc.sents] == [
        "Saham itu milik PT Sentosa Makmur Tbk.", "Harganya naik.", "Ia memimpin Acme Co. Ltd.",
        '"Kami tumbuh," katanya.', "Ada beras, gula, dll.", "Laba PT Sentosa Makmur Tbk. (SMT) "
        "naik, kata Budi Santoso Jr. kemarin."]
    words = [t.text for t in doc]
    assert words[:8] == ["Saham", "itu", "milik", "PT", "Sentosa", "Makmur", "Tbk", "."]
    assert words[words.index("Acme") + 1: words.index("Acme") + 4] == ["Co.", "Ltd", "."]
    assert words[words.index("gula") + 2: words.index("gula") + 4] == ["dll", "."]
    assert words.count("Tbk.") == 1 and "Jr." in words  # inside a sentence: one token
    names = [e.text for e in doc.ents if e.label_ == "ORG"]
    assert "PT Sentosa Makmur Tbk" in names and "Acme Co. Ltd" in names
    assert doc.text == nlp.make_doc(doc.text).text  # the text is unchanged, only cut


def person(doc, text: str) -> Span:  # noqa: ANN001
    start = doc.text.index(text)
    return doc.char_span(start, start + len(text), label="PERSON")


def roles(text: str, names: list[str], orgs: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    doc = nlp(text)
    spans = [person(doc, n) for n in names]
    for org in orgs:
        i = text.index(org)
        spans.append(doc.char_span(i, i + len(org), label="ORG"))
    doc.ents = sorted(spans, key=lambda s: s.start)
    return [(s.text, r) for s, r in apply_titles(doc) if s.label_ == "PERSON"]


def test_titles_before_names_become_roles() -> None:
    assert roles("Hal itu disampaikan Menkeu Ani Wulandari di Jakarta.", ["Ani Wulandari"]) == [
        ("Ani Wulandari", "Menkeu")]
    assert roles("Ia ditemani Wakil Presiden Hasan Basri kemarin.", ["Hasan Basri"]) == [
        ("Hasan Basri", "Wakil Presiden")]
    assert roles("kata Menteri Pertanian dan Kehutanan, Joni Saputra, di Bogor.",
                 ["Joni Saputra"]) == [("Joni Saputra", "Menteri Pertanian dan Kehutanan")]


def test_a_title_that_ends_inside_the_name_span_is_stripped() -> None:
    # the model tags "Pol Karyono": "Irjen Pol" is one rank, begun before the span
    assert roles("Kapolda Riau Irjen Pol Karyono memimpin apel.", ["Pol Karyono"]) == [
        ("Karyono", "Kapolda Riau Irjen Pol")]
    assert roles("Kapolda Riau Irjen Karyono memimpin apel.", ["Karyono"]) == [
        ("Karyono", "Kapolda Riau Irjen")]


def test_role_stops_at_the_nearest_title_and_keeps_the_organisation() -> None:
    text = "hadir pula CEO Warungku Rina Hartono dan Direktur Bank Sentosa Tommy Lim."
    assert roles(text, ["Rina Hartono", "Tommy Lim"], orgs=("Warungku", "Bank Sentosa")) == [
        ("Rina Hartono", "CEO Warungku"), ("Tommy Lim", "Direktur Bank Sentosa")]


def test_titles_inside_a_person_span_are_stripped_and_bare_titles_dropped() -> None:
    doc = nlp("Presiden RI Andi Wijaya dan Menkominfo datang.")
    name, role = strip_titles(Span(doc, 0, 4, label="PERSON"))
    assert (name.text, role) == ("Andi Wijaya", "Presiden RI")
    bare, role = strip_titles(Span(doc, 5, 6, label="PERSON"))
    assert bare is None and role == "Menkominfo"


def test_label_mapping_and_span_tidying() -> None:
    doc = nlp('"Hasan Basri," kata warga Bandung tentang PT Maju pada 2019.')
    doc.ents = [Span(doc, 0, 4, label="PER"), Span(doc, 7, 8, label="GPE"),
                Span(doc, 9, 11, label="ORG"), Span(doc, 12, 13, label="DATE")]
    assert [(e.text, e.label_) for e in map_entities(doc, {"PER": "PERSON", "GPE": "LOC",
                                                           "ORG": "ORG"})] == [
        ("Hasan Basri", "PERSON"), ("Bandung", "LOC"), ("PT Maju", "ORG")]


def test_a_place_after_a_currency_name_is_part_of_the_currency() -> None:
    doc = nlp("Harga minyak 80 dolar AS per barel, kata pejabat AS di Singapura; "
              "5 DOLAR SINGAPURA.")
    doc.ents = [Span(doc, 4, 5, label="GPE"), Span(doc, 10, 11, label="GPE"),
                Span(doc, 12, 13, label="GPE"), Span(doc, 16, 17, label="GPE")]
    assert [e.text for e in map_entities(doc, {"GPE": "LOC"})] == ["AS", "Singapura"]
    assert [e.start for e in map_entities(doc, {"GPE": "LOC"})] == [10, 12]


def test_a_legal_form_alone_is_no_company_and_a_summit_is_an_event() -> None:
    text = "Saham PT Bank Sentosa (Persero) Tbk. naik menjelang KTT ASEAN di Bali."
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index(t), text.index(t) + len(t), label=label) for t, label in
                [("PT Bank Sentosa", "ORG"), ("Persero", "ORG"), ("Tbk", "ORG"),
                 ("KTT ASEAN", "ORG"), ("Bali", "LOC")]]
    assert [(e.text, e.label_) for e in map_entities(doc, {"ORG": "ORG", "LOC": "LOC"})] == [
        ("PT Bank Sentosa (Persero) Tbk", "ORG"), ("KTT ASEAN", "EVENT"), ("Bali", "LOC")]


def _mapped(text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """map_entities on ``text`` with ``ents`` (text, source label) at their first occurrences."""
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index(t), text.index(t) + len(t), label=label)
                for t, label in ents]
    label_map = {"LOC": "LOC", "PER": "PERSON", "ORG": "ORG"}
    return [(e.text, e.label_) for e in map_entities(doc, label_map)]


def test_a_name_opening_with_an_organisation_only_head_is_an_organisation() -> None:
    text = ("Massa Aliansi Rakyat Peduli dan Partai Sejahtera datang ke Lembaga Pemasyarakatan "
            "Cipinang.")
    assert _mapped(text, [("Aliansi Rakyat Peduli", "LOC"), ("Partai Sejahtera", "PER"),
                          ("Lembaga Pemasyarakatan Cipinang", "LOC")]) == [
        ("Aliansi Rakyat Peduli", "ORG"), ("Partai Sejahtera", "ORG"),
        ("Lembaga Pemasyarakatan Cipinang", "LOC")]


def test_a_name_ending_with_an_organisation_only_word_is_an_organisation() -> None:
    text = "Mitsubishi Corporation dan Gunung Agency Ridge serta Bima Sakti hadir."
    assert _mapped(text, [("Mitsubishi Corporation", "PER"), ("Gunung Agency Ridge", "LOC"),
                          ("Bima Sakti", "PER")]) == [
        ("Mitsubishi Corporation", "ORG"), ("Gunung Agency Ridge", "LOC"),
        ("Bima Sakti", "PERSON")]


def test_a_company_name_cut_at_a_common_word_is_lengthened() -> None:
    from graph.nlp.labels import extend_company

    doc = nlp("Hakim menghukum PT Borneo Prima Energi membayar denda. PT Sinar Budi Santoso hadir.")
    taken: set[int] = set()
    assert extend_company(Span(doc, 2, 5, label="ORG"), taken).text == "PT Borneo Prima Energi"
    # a person's name after the company is no common word: not taken in
    assert extend_company(Span(doc, 9, 11, label="ORG"), taken).text == "PT Sinar"
    # nor a word of another entity, nor anything after a name that is not a company's
    assert extend_company(Span(doc, 2, 5, label="ORG"), {5}).text == "PT Borneo Prima"
    assert extend_company(Span(doc, 3, 5, label="ORG"), taken).text == "Borneo Prima"


def test_initials_after_berinisial_are_people_not_places() -> None:
    """"berinisial AS dan RH": initials, not the place AS (Amerika Serikat); the ones the
    recogniser missed are added; "AS" elsewhere stays a place."""
    doc = nlp("Polisi menangkap tersangka berinisial AS dan RH, yang pernah tinggal di AS.")
    doc.ents = [Span(doc, 4, 5, label="LOC"), Span(doc, 12, 13, label="LOC")]
    assert [(e.text, e.label_, e.start) for e in map_entities(doc, {"LOC": "LOC"})] == [
        ("AS", "PERSON", 4), ("RH", "PERSON", 6), ("AS", "LOC", 12)]


def test_initials_that_are_also_titles_stay_initials() -> None:
    assert _titled("Tersangka berinisial HS, MR dan AD ditahan.",
                   [("HS", "PERSON"), ("MR", "PERSON"), ("AD", "PERSON")]) == [
        ("HS", "PERSON", ""), ("MR", "PERSON", ""), ("AD", "PERSON", "")]
    assert _titled("Kata MR Smith kemarin.", [("MR Smith", "PERSON")]) == [
        ("Smith", "PERSON", "MR")]


def test_a_person_at_the_end_of_a_long_role_is_found() -> None:
    from graph.nlp.titles import role_holders

    def holders(text: str, people: tuple[str, ...] = ()) -> list[str]:
        doc = nlp(text)
        doc.ents = [doc.char_span(text.rindex(p), text.rindex(p) + len(p), label="PERSON")
                    for p in people]
        return [s.text for s in role_holders(doc)]

    # named again by one word elsewhere in the article
    text = "Menteri Koordinator Bidang Pangan Tono Susilo mengatakan stok cukup. Kata Tono."
    assert holders(text, ("Tono",)) == ["Tono Susilo"]
    # where the office's common words end: "Energi", "Mineral" are words, the rest a name
    assert holders("Menteri Energi dan Sumber Daya Mineral Bahlil Lahadalia menyatakan.") == [
        "Bahlil Lahadalia"]
    # the first words of a name the recogniser cut short
    assert holders("Menteri Agama Yaqut Cholil Qoumas melepas jemaah.", ("Qoumas",)) == [
        "Yaqut Cholil Qoumas"]
    # an office's name alone, or a place part, or a place's name before the person: nothing
    assert holders("Menteri Energi dan Sumber Daya Mineral menyatakan.") == []
    assert holders("General Manager Bandara Sam Ratulangi Minggus Gandeguai menyebut.",
                   ("Minggus Gandeguai",)) == []
    assert holders("Kepala Dinas Pendidikan Jakarta Pusat mengatakan.") == []


def test_a_title_that_names_one_office_may_be_followed_directly_by_the_name() -> None:
    from graph.nlp.titles import role_holders

    def holders(text: str) -> list[str]:
        return [s.text for s in role_holders(nlp(text))]

    # "Wakil Presiden", "Wapres", "Menkeu" need no complement: the next word starts the name
    assert holders("Wakil Presiden Ma'ruf Amin membuka acara itu.") == ["Ma'ruf Amin"]
    assert holders("Wapres Ma'ruf Amin membuka acara itu.") == ["Ma'ruf Amin"]
    assert holders("Menkeu Purbaya mengatakan itu.") == ["Purbaya"]
    # a common word after such a title is not a name; other titles keep their complement
    assert holders("Presiden Terpilih Prabowo Subianto membuka acara itu.") == [
        "Prabowo Subianto"]
    assert holders("Kapolres Toba Hendra Siregar membuka acara itu.") == ["Hendra Siregar"]
    assert holders("Menteri Perdagangan mengatakan itu.") == []


def test_person_spans_that_touch_are_one_name() -> None:
    from graph.nlp.titles import join_adjacent_people

    doc = nlp("Sekjen ASEAN Kao Kim Hourn berkata, Joko Widodo (Jokowi) juga.")
    pairs = [(Span(doc, 2, 3, label="PERSON"), "Sekjen ASEAN"),
             (Span(doc, 3, 5, label="PERSON"), ""),
             (Span(doc, 7, 9, label="PERSON"), ""), (Span(doc, 9, 12, label="PERSON"), "")]
    assert [(s.text, r) for s, r in join_adjacent_people(pairs)] == [
        ("Kao Kim Hourn", "Sekjen ASEAN"), ("Joko Widodo", ""), ("(Jokowi)", "")]


def test_a_one_word_holder_after_title_and_organisation_is_found() -> None:
    from graph.nlp.titles import missed_holders

    def holders(text: str, ents: list[tuple[str, str]]) -> list[str]:
        doc = nlp(text)
        doc.ents = [doc.char_span(text.index(t), text.index(t) + len(t), label=label)
                    for t, label in ents]
        return [s.text for s in missed_holders(doc)]

    assert holders("Ketua MK Suhartoyo membacakan putusan.", [("MK", "ORG")]) == ["Suhartoyo"]
    assert holders("Direktur Utama PLN Darmawan Prasodjo mengatakan.",
                   [("PLN", "ORG"), ("Prasodjo", "PERSON")]) == ["Darmawan Prasodjo"]
    # a common word after the organisation is part of its name, not a person
    assert holders("Direktur Bank Mandiri Syariah mengatakan.", [("Bank Mandiri", "ORG")]) == []
    # the same when the recogniser made organisation and holder one span
    assert _titled("Kepala BNPB Suharyanto mengatakan.", [("BNPB Suharyanto", "LOC")]) == [
        ("BNPB", "ORG", ""), ("Suharyanto", "PERSON", "Kepala BNPB")]
    assert _titled("Direktur Bank Mandiri Syariah mengatakan.",
                   [("Bank Mandiri Syariah", "ORG")]) == [("Bank Mandiri Syariah", "ORG", "")]


def test_initials_are_kept_out_of_the_graph() -> None:
    from graph.mentions import extract_mentions
    from graph.records import Document

    text = "Polisi menahan pria berinisial AS di Surabaya."
    doc = nlp(text)
    doc.ents = [Span(doc, 4, 5, label="PERSON"), Span(doc, 6, 7, label="LOC")]
    document = Document(id="d", path="d.txt", text=text)
    assert [m.text for m in extract_mentions(doc, document).mentions] == ["Surabaya"]


def test_a_name_opening_with_a_landform_or_building_noun_is_a_place() -> None:
    doc = nlp("Warga bantaran Kali Pesanggrahan, Pulau Tidung dan Museum Bahari protes di "
              "Sirkuit Sentul.")
    doc.ents = [Span(doc, 2, 4, label="ORG"), Span(doc, 5, 7, label="PER"),
                Span(doc, 8, 10, label="ORG"), Span(doc, 12, 14, label="PER")]
    assert [(e.text, e.label_) for e in map_entities(doc, {"PER": "PERSON", "ORG": "ORG"})] == [
        ("Kali Pesanggrahan", "LOC"), ("Pulau Tidung", "LOC"), ("Museum Bahari", "ORG"),
        ("Sirkuit Sentul", "LOC")]


def test_a_place_named_after_a_person_is_a_place() -> None:
    text = "Bandara Sam Ratulangi ditutup; warga Jalan Ahmad Yani dan Ahmad Yani sendiri pergi."
    doc = nlp(text)
    doc.ents = [doc.char_span(i, i + len(name), label="PER")
                for name, i in [("Sam Ratulangi", 8), ("Ahmad Yani", 43), ("Ahmad Yani", 58)]]
    assert [(e.text, e.label_) for e in map_entities(doc, {"PER": "PERSON"})] == [
        ("Bandara Sam Ratulangi", "LOC"), ("Jalan Ahmad Yani", "LOC"), ("Ahmad Yani", "PERSON")]


def test_landform_and_building_nouns_stay_in_place_names_administrative_ones_do_not() -> None:
    doc = nlp("Kapal dari kota Medan melintasi selat Karimata lalu berlabuh dekat Tanjung Emas, "
              "kata warga (Sutomo) di gedung Sate.")
    doc.ents = [Span(doc, 2, 4, label="LOC"), Span(doc, 5, 7, label="LOC"),
                Span(doc, 10, 12, label="LOC"), Span(doc, 15, 18, label="PER"),
                Span(doc, 20, 21, label="LOC")]
    # a lower-case noun the recogniser left out stays out, as the benchmark's writers tag it
    assert [(e.text, e.label_) for e in map_entities(doc, {"PER": "PERSON", "LOC": "LOC"})] == [
        ("Medan", "LOC"), ("selat Karimata", "LOC"), ("Tanjung Emas", "LOC"),
        ("Sutomo", "PERSON"), ("Sate", "LOC")]


def test_abbreviations_indonesian_syllable_acronyms() -> None:
    doc = nlp("Rapat Badan Pengawas Obat dan Makanan (BPOM) membahas usaha mikro, kecil dan "
              "menengah (UMKM) bersama Kementerian Pariwisata (Kemenpar) dan OJK (Otoritas Jasa "
              "Keuangan) pada Senin (5/3/2018).")
    pairs = [(lf.text, sf.text) for lf, sf in find_abbreviations(doc)]
    assert pairs == [("Badan Pengawas Obat dan Makanan", "BPOM"),
                     ("usaha mikro, kecil dan menengah", "UMKM"),
                     ("Kementerian Pariwisata", "Kemenpar"),
                     ("Otoritas Jasa Keuangan", "OJK")]


def test_abbreviation_needs_its_first_letter_at_a_word_start() -> None:
    assert match_long_form("Kemenpar", "Menteri Pariwisata") is None
    doc = nlp("Ia menyebut peta jalan (roadmap) dan harga (Rp5.000) naik.")
    assert find_abbreviations(doc) == []


def test_a_definition_types_its_short_form_and_finds_a_missed_organisation() -> None:
    from graph.nlp.abbreviations import entities_with_definitions

    text = ("Ikatan Perawat Bahari (IPB) dan Dewi Sartika Wijaya (DSW) hadir. IPB menolak, "
            "kata DSW.")
    doc = nlp(text)
    spans = [("Dewi Sartika Wijaya", "PERSON", 32), ("IPB", "LOC", text.rindex("IPB"))]
    doc.ents = [doc.char_span(i, i + len(t), label=label) for t, label, i in spans]
    ents = entities_with_definitions(doc, find_abbreviations(doc))
    assert [(e.text, e.label_) for e in ents] == [
        ("Ikatan Perawat Bahari", "ORG"), ("IPB", "ORG"), ("Dewi Sartika Wijaya", "PERSON"),
        ("DSW", "PERSON"), ("IPB", "ORG"), ("DSW", "PERSON")]
    # a long form the recogniser missed that opens with no organisation's word: left alone
    doc = nlp("Sistem Informasi Terpadu (SIT) diluncurkan.")
    assert entities_with_definitions(doc, find_abbreviations(doc)) == []
    # a long form ending with a word only organisations' names end with is an organisation,
    # whatever the recogniser made of its first word
    text = "Dana dari Japan International Cooperation Agency (JICA) cair. JICA puas."
    doc = nlp(text)
    doc.ents = [doc.char_span(10, 15, label="LOC")]
    ents = entities_with_definitions(doc, find_abbreviations(doc))
    assert [(e.text, e.label_) for e in ents] == [
        ("Japan International Cooperation Agency", "ORG"), ("JICA", "ORG"), ("JICA", "ORG")]


def test_a_word_of_an_organisations_name_in_parentheses_is_its_short_name() -> None:
    from graph.nlp.abbreviations import entities_with_definitions, short_names

    text = "PT KitaPay Teknologi Indonesia (KitaPay) bocor. Manajemen KitaPay dipanggil."
    doc = nlp(text)
    doc.ents = [doc.char_span(0, 30, label="ORG")]
    pairs = short_names(doc)
    assert [(name.text, short.text) for name, short in pairs] == [
        ("PT KitaPay Teknologi Indonesia", "KitaPay")]
    assert [(e.text, e.label_) for e in entities_with_definitions(doc, pairs)] == [
        ("PT KitaPay Teknologi Indonesia", "ORG"), ("KitaPay", "ORG"), ("KitaPay", "ORG")]
    # a person's name, or a word that is not one of the name's, is no short name
    doc = nlp("Joko Widodo (Jokowi) dan PT Sinar Abadi (Grup Lima) hadir.")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 6, 9, label="ORG")]
    assert short_names(doc) == []


def test_office_and_holder_tagged_as_one_organisation_are_split() -> None:
    text = "Ia bertemu Direktur Bank Sentosa Tommy Lim kemarin. Bank Sentosa untung."
    doc = nlp(text)
    start = text.index("Bank Sentosa Tommy Lim")
    later = text.rindex("Bank Sentosa")
    doc.ents = [doc.char_span(start, start + len("Bank Sentosa Tommy Lim"), label="ORG"),
                doc.char_span(later, later + len("Bank Sentosa"), label="ORG")]
    assert [(s.text, s.label_, r) for s, r in apply_titles(doc)] == [
        ("Bank Sentosa", "ORG", ""), ("Tommy Lim", "PERSON", "Direktur Bank Sentosa"),
        ("Bank Sentosa", "ORG", "")]


def _titled(text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """apply_titles on ``text`` with ``ents`` (text, label; each at its first occurrence after
    the previous one)."""
    doc = nlp(text)
    spans, at = [], 0
    for name, label in ents:
        start = text.index(name, at)
        spans.append(doc.char_span(start, start + len(name), label=label))
        at = start + len(name)
    doc.ents = spans
    return [(s.text, s.label_, r) for s, r in apply_titles(doc)]


def test_a_title_running_into_an_office_and_holder_span_is_the_role() -> None:
    # "Gubernur BI" is a title phrase; its last word is also the organisation's name
    assert _titled("Deputi Gubernur BI Ratna Sari Lubis berkata.",
                   [("BI Ratna Sari Lubis", "ORG")]) == [
        ("BI", "ORG", ""), ("Ratna Sari Lubis", "PERSON", "Deputi Gubernur BI")]


def test_place_and_person_tagged_as_one_place_split_when_the_person_is_named_again() -> None:
    text = "Wali Kota Ambon Paulus Latuheru datang. Latuheru meminta nelayan membentuk koperasi."
    assert _titled(text, [("Kota Ambon Paulus Latuheru", "LOC"), ("Latuheru", "PERSON")]) == [
        ("Kota Ambon", "LOC", ""), ("Paulus Latuheru", "PERSON", "Wali Kota Ambon"),
        ("Latuheru", "PERSON", "")]
    text = "Atlet asal Papua Barat Yosina Wamafma menang. Wamafma senang."
    assert _titled(text, [("Papua Barat Yosina Wamafma", "LOC"), ("Wamafma", "PERSON")])[:2] == [
        ("Papua Barat", "LOC", ""), ("Yosina Wamafma", "PERSON", "")]
    # a place opening the name of a thing, no person named again: left whole
    text = "Direktur Jakarta Convention Center berkata gedung itu penuh."
    assert _titled(text, [("Jakarta Convention Center", "LOC")]) == [
        ("Jakarta Convention Center", "LOC", "")]


def test_an_organisation_span_ending_in_a_person_named_again_is_split() -> None:
    text = "Kepala Divisi Hukum Grab Andi Prasetyo berkata. Prasetyo menambahkan data itu aman."
    ents = [("Divisi Hukum Grab Andi Prasetyo", "ORG"), ("Prasetyo", "PERSON")]
    assert _titled(text, ents) == [
        ("Divisi Hukum Grab", "ORG", ""),
        ("Andi Prasetyo", "PERSON", "Kepala Divisi Hukum Grab"), ("Prasetyo", "PERSON", "")]
    # not named again, but after a title and a known organisation ("Grab"), two words that are
    # no common words: the holder; after an unknown name the run is too long to tell
    assert _titled(text, ents[:1]) == [
        ("Divisi Hukum Grab", "ORG", ""), ("Andi Prasetyo", "PERSON", "Kepala Divisi Hukum Grab")]
    text = "Kepala Divisi Hukum Grabindo Andi Prasetyo berkata."
    assert _titled(text, [("Divisi Hukum Grabindo Andi Prasetyo", "ORG")]) == [
        ("Divisi Hukum Grabindo Andi Prasetyo", "ORG", "")]
    text = "Kata PT Sinar Baru Andi Prasetyo. Prasetyo menambahkan data itu aman."
    assert _titled(text, [("PT Sinar Baru Andi Prasetyo", "ORG"), ("Prasetyo", "PERSON")])[0] == (
        "PT Sinar Baru Andi Prasetyo", "ORG", "")


def test_a_holder_the_recogniser_missed_after_title_and_organisation_is_found() -> None:
    from graph.nlp.titles import TitleStripper

    stripper = TitleStripper(nlp, "jalin_titles")

    def people(text: str, org: str) -> list[tuple[str, str]]:
        doc = nlp(text)
        start = text.index(org)
        doc.ents = [doc.char_span(start, start + len(org), label="ORG")]
        return [(e.text, e._.role) for e in stripper(doc).ents if e.label_ == "PERSON"]

    assert people("Kata Ketua Umum PB Persada Rina Wulandari kemarin.", "PB Persada") == [
        ("Rina Wulandari", "Ketua Umum PB Persada")]
    assert people("Direktur PT Sentosa Adi Nugraha, yang baru dilantik, hadir.", "PT Sentosa") == [
        ("Adi Nugraha", "Direktur PT Sentosa")]
    # no title before the organisation; a capitalised word after the run; a known place
    assert people("Kata PB Persada Rina Wulandari kemarin.", "PB Persada") == []
    assert people("Ketua Umum PB Persada Rina Wulandari Jakarta.", "PB Persada") == []
    assert people("Kepala Badan Pangan Papua Barat menyatakan siap.", "Badan Pangan") == []


def test_a_lower_case_title_before_an_organisation_is_a_role() -> None:
    from graph.nlp.titles import TitleStripper

    doc = nlp("Menurut juru bicara PB Persada Rina Wulandari, rapat ditunda.")
    doc.ents = [Span(doc, 3, 5, label="ORG")]
    assert [(e.text, e.label_, e._.role) for e in TitleStripper(nlp, "t")(doc).ents] == [
        ("PB Persada", "ORG", ""), ("Rina Wulandari", "PERSON", "juru bicara PB Persada")]


def test_a_military_or_police_rank_is_followed_by_a_person() -> None:
    from graph.nlp.titles import apply_ranks

    text = ("Kata Kombes Pol Rudi Santoso, Senin. AKBP Made Ary Wijaya dan Briptu Sari datang "
            "bersama Kolonel Inf Bambang Hartono. Laksamana Sukardi dan Mayor tim hadir.")
    doc = nlp(text)
    preset = [("Ary Wijaya", "PERSON"), ("Sari", "LOC"), ("Inf Bambang Hartono", "PERSON"),
              ("Laksamana Sukardi", "PERSON")]
    doc.ents = [doc.char_span(text.index(t), text.index(t) + len(t), label=label)
                for t, label in preset]
    assert [(e.text, e.label_) for e in apply_ranks(doc)] == [
        ("Rudi Santoso", "PERSON"), ("Made Ary Wijaya", "PERSON"), ("Sari", "PERSON"),
        ("Bambang Hartono", "PERSON"), ("Laksamana Sukardi", "PERSON")]


def test_a_known_place_and_a_name_after_a_title_are_place_and_person() -> None:
    assert _titled("Kata pelatih Vietnam Pierre Lemaire kemarin.",
                   [("Vietnam Pierre Lemaire", "ORG")]) == [
        ("Vietnam", "LOC", ""), ("Pierre Lemaire", "PERSON", "pelatih Vietnam")]
    # words of an organisation's name, or no title: left whole
    assert _titled("Kata Direktur Vietnam Airlines Group kemarin.",
                   [("Vietnam Airlines Group", "ORG")]) == [("Vietnam Airlines Group", "ORG", "")]
    assert _titled("Kata Vietnam Pierre Lemaire kemarin.", [("Vietnam Pierre Lemaire", "ORG")]) == [
        ("Vietnam Pierre Lemaire", "ORG", "")]


def test_an_honorific_begins_a_name_except_inside_a_place() -> None:
    from graph.nlp.titles import apply_ranks

    text = ("Kata KH Ahmad Fauzi Rahman dan Prof. Dr. Lina Wati di Jalan Ir. H. Sutami "
            "kemarin.")
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index(t), text.index(t) + len(t), label=label)
                for t, label in [("Fauzi Rahman", "PERSON"), ("Sutami", "LOC")]]
    assert [(e.text, e.label_) for e in apply_ranks(doc)] == [
        ("Ahmad Fauzi Rahman", "PERSON"), ("Lina Wati", "PERSON"), ("Sutami", "LOC")]


def test_a_medical_specialty_after_a_name_is_no_entity() -> None:
    news = spacy.blank("id")
    add_abbreviations(news.tokenizer)  # "Sp." stays one token, as in Jalin's pipeline
    text = "Kata dr. Rina Wulan, Sp.A, kemarin."
    doc = news(text)
    doc.ents = [doc.char_span(text.index(t), text.index(t) + len(t), label=label)
                for t, label in [("Rina Wulan", "PERSON"), ("A", "ORG")]]
    assert [e.text for e in map_entities(doc, {"PERSON": "PERSON", "ORG": "ORG"})] == [
        "Rina Wulan"]


def test_an_acronym_person_that_opens_an_organisations_name_is_that_organisation() -> None:
    assert _titled("Grup KMBT Media membuka kantor. KMBT juga membuka gerai.",
                   [("KMBT Media", "ORG"), ("KMBT", "PERSON")]) == [
        ("KMBT Media", "ORG", ""), ("KMBT", "ORG", "")]
    # a known organisation's name (the gazetteer's too) before a person after a title
    assert _titled("Kata ekonom Bank Permata Rudi Hartono kemarin.",
                   [("Bank Permata Rudi Hartono", "ORG")]) == [
        ("Bank Permata", "ORG", ""), ("Rudi Hartono", "PERSON", "ekonom Bank Permata")]


def test_an_organisation_span_ending_in_a_person_named_again_by_first_name_is_split() -> None:
    text = "Ahli dari Institut Tani Bogor Bambang Hero Saharjo berkata. Menurut Bambang, rusak."
    assert _titled(text, [("Institut Tani Bogor Bambang Hero Saharjo", "ORG"),
                          ("Bambang", "PERSON")])[:2] == [
        ("Institut Tani Bogor", "ORG", ""), ("Bambang Hero Saharjo", "PERSON", "")]


def test_a_rank_ending_an_organisation_span_is_cut_from_it() -> None:
    from graph.nlp.titles import apply_ranks

    text = "Kata Direktur Siber Polri Brigjen Pol Rudi Santoso kemarin."
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index(t), text.index(t) + len(t), label=label)
                for t, label in [("Polri Brigjen", "ORG"), ("Rudi Santoso", "PERSON")]]
    assert [(e.text, e.label_) for e in apply_ranks(doc)] == [
        ("Polri", "ORG"), ("Rudi Santoso", "PERSON")]


def test_a_gazetteer_company_that_is_also_a_given_name_does_not_split_a_person() -> None:
    # "Sony" and "Honda" are gazetteer companies; a person's given name, a company's own words
    assert _titled("Kata pengamat Sony Wirawan kemarin.", [("Sony Wirawan", "PERSON")]) == [
        ("Sony Wirawan", "PERSON", "pengamat")]
    assert _titled("Kata Direktur Honda Prospect Motor kemarin.",
                   [("Honda Prospect Motor", "ORG")]) == [("Honda Prospect Motor", "ORG", "")]


def test_a_person_span_opening_with_a_place_after_a_title_is_office_and_holder() -> None:
    assert _titled("Bupati Garut Herman Suryadi menetapkan status darurat.",
                   [("Garut Herman Suryadi", "PERSON")]) == [
        ("Garut", "LOC", ""), ("Herman Suryadi", "PERSON", "Bupati Garut")]
    # no title before it: left as the recogniser had it
    assert _titled("Kata Garut Herman Suryadi kemarin.", [("Garut Herman Suryadi", "PERSON")]) == [
        ("Garut Herman Suryadi", "PERSON", "")]


def test_a_person_span_opening_with_an_acronym_is_an_organisation() -> None:
    assert _titled("Data BPBD Jawa Tengah mencatat banjir.", [("BPBD Jawa Tengah", "PERSON")]) == [
        ("BPBD Jawa Tengah", "ORG", "")]
    assert _titled("Ia bermain untuk klub KVSK Lommel.", [("KVSK Lommel", "PERSON")]) == [
        ("KVSK Lommel", "ORG", "")]
    assert _titled("Ketua PWNU Abdul Hakim hadir.", [("PWNU Abdul Hakim", "PERSON")]) == [
        ("PWNU", "ORG", ""), ("Abdul Hakim", "PERSON", "Ketua PWNU")]
    # an all-capitals line is no evidence: every word is in capitals there
    assert _titled("KATA JOKO SANTOSO KEMARIN", [("JOKO SANTOSO", "PERSON")]) == [
        ("JOKO SANTOSO", "PERSON", "")]


def test_a_title_before_a_place_tagged_as_a_person_is_an_office() -> None:
    text = "Dua pencopet ditangkap di Pamulang. Kapolsek Pamulang mengatakan pelaku sudah ditahan."
    assert _titled(text, [("Pamulang", "LOC"), ("Pamulang", "PERSON")]) == [
        ("Pamulang", "LOC", ""), ("Pamulang", "LOC", "")]
    # a place the gazetteer knows needs no other mention; a name that is no place stays a person
    assert _titled("Hal itu kata Bupati Garut.", [("Garut", "PERSON")]) == [("Garut", "LOC", "")]
    assert _titled("Hal itu kata Bupati Rudy Gunawan.", [("Rudy Gunawan", "PERSON")]) == [
        ("Rudy Gunawan", "PERSON", "Bupati")]


def test_title_before_an_organisation_tagged_as_a_place_is_dropped() -> None:
    """"Bos Sentosa" tagged LOC, where Sentosa is an organisation of the document, is that
    organisation; a place whose name starts with a title word ("Raja Ampat") stays as it is."""
    text = "Ia menemui Bos Sentosa, Tommy Lim, di Raja Ampat. Sentosa untung."
    doc = nlp(text)
    spans = [("Bos Sentosa", "LOC", text.index("Bos Sentosa")),
             ("Tommy Lim", "PERSON", text.index("Tommy Lim")),
             ("Raja Ampat", "LOC", text.index("Raja Ampat")),
             ("Sentosa", "ORG", text.rindex("Sentosa"))]
    doc.ents = [doc.char_span(i, i + len(t), label=label) for t, label, i in spans]
    assert [(s.text, s.label_, r) for s, r in apply_titles(doc)] == [
        ("Sentosa", "ORG", ""), ("Tommy Lim", "PERSON", "Bos Sentosa"),
        ("Raja Ampat", "LOC", ""), ("Sentosa", "ORG", "")]


def test_mentions_read_the_same_sentences_as_doc_sents() -> None:
    from graph.mentions import _sentences

    blank = spacy.blank("id")
    blank.add_pipe("jalin_sentences")
    for text in ["Ani ke Bali. Budi ke Solo.\n\nIa pulang!", "", "Satu kalimat saja"]:
        doc = blank(text)
        assert [s.text for s in _sentences(doc)] == [s.text for s in doc.sents]


def _orgs_dropped(text: str, orgs: list[str]) -> list[str]:
    """The ORG entities that jalin_modified_nouns drops; ``orgs`` are tagged at every occurrence
    that does not overlap an earlier one (list longer names first)."""
    from graph.nlp.gazetteer import builtin_names
    from graph.nlp.modified_nouns import modified_common_nouns, qualifying_places

    known = frozenset(n for n, label in builtin_names().items() if label == "ORG")
    doc = nlp(text)
    spans = []
    for org in orgs:
        start = text.find(org)
        while start != -1:
            span = doc.char_span(start, start + len(org), label="ORG")
            if not any(s.start < span.end and span.start < s.end for s in spans):
                spans.append(span)
            start = text.find(org, start + len(org))
    doc.ents = sorted(spans, key=lambda s: s.start)
    return [e.text for e in modified_common_nouns(doc, qualifying_places(), known)]


def test_a_common_noun_qualified_by_a_country_is_not_an_organisation() -> None:
    plain_use = "Jumlah UKM naik tajam dan banyak UKM berjualan daring. "
    assert _orgs_dropped(plain_use + "Produk UKM Indonesia laku di Eropa.", ["UKM Indonesia"]) == [
        "UKM Indonesia"]
    assert _orgs_dropped("Pemain eCommerce bertambah. Pasar eCommerce Asia tumbuh.",
                         ["eCommerce Asia"]) == ["eCommerce Asia"]
    # no plain use of the word in the document: left to the model
    assert _orgs_dropped("Produk UKM Indonesia laku di Eropa.", ["UKM Indonesia"]) == []
    # the document uses the word as a name more often than as a plain word
    text = "AIM menetapkan jadwal. Kata AIM, lomba dimulai. Menurut AIM Indonesia, kami siap."
    assert _orgs_dropped(text, ["AIM Indonesia", "AIM"]) == []
    assert _orgs_dropped(text, ["AIM Indonesia"]) == ["AIM Indonesia"]  # the same, AIM untagged
    # a capitalised word, an organisation head, a known organisation, a province or a city
    for org, first in (("Garuda Indonesia", "Garuda"), ("PT Indonesia", "PT"),
                       ("BRI Indonesia", "BRI"), ("BPD Riau", "BPD"), ("DPRD Bandung", "DPRD")):
        text = f"Kata {first} lain, soal {first.lower()} dan {first} itu. Lalu {org} setuju."
        assert _orgs_dropped(text, [org]) == [], org
    # lower-case text gives no casing signal
    assert _orgs_dropped("jumlah ukm naik. produk ukm indonesia laku.", ["ukm indonesia"]) == []


def test_the_shipped_pipeline_drops_a_common_noun_qualified_by_a_country() -> None:
    from graph.nlp.pipeline import load_pipeline

    text = ("Jumlah UKM di daerah itu mencapai dua juta, tetapi baru sedikit UKM yang berjualan "
            "daring. Asosiasi menilai UKM Indonesia perlu pelatihan.")
    nlp = load_pipeline(concepts=False)
    doc = nlp.make_doc(text)  # as a recogniser that took it for an organisation would tag it
    start = text.index("UKM Indonesia")
    doc.ents = [doc.char_span(start, start + len("UKM Indonesia"), label="ORG")]
    assert [e.text for e in nlp.get_pipe("jalin_modified_nouns")(doc).ents] == []
    assert "UKM Indonesia" not in [e.text for e in nlp(text).ents]
    kept = nlp("Garuda Indonesia menambah rute. Direktur Garuda berkata pesawat Garuda Indonesia "
               "tiba pagi ini.")
    assert [e.text for e in kept.ents if e.label_ == "ORG"].count("Garuda Indonesia") == 2


def test_a_name_the_recogniser_cut_or_missed_is_completed_from_the_article() -> None:
    from graph.nlp.person_names import extend_left, named_again

    def spans(text: str, ents: list[tuple[str, str]]) -> list[Span]:
        doc = nlp(text)
        for token, start in zip(doc, sentence_starts(doc), strict=True):
            token.is_sent_start = bool(start)
        return [doc.char_span(text.index(t), text.index(t) + len(t), label=label)
                for t, label in ents]

    text = ("Direktur PT Borneo, Hendrawan Tjahjadi, membantah. Jaksa meminta Hendrawan "
            "dihukum. Menurut Tjahjadi, kantor hukum Tjahjadi & Partners siap.")
    ents = spans(text, [("PT Borneo", "ORG"), ("Tjahjadi", "PERSON")])
    doc = ents[0].doc
    ents = extend_left(doc, ents)
    assert [e.text for e in ents] == ["PT Borneo", "Hendrawan Tjahjadi"]
    # named again by first or last name, not inside a firm's name "X & Partners"
    assert [(e.text, e.start_char) for e in named_again(doc, ents)] == [
        ("Hendrawan", text.index("Hendrawan dihukum")), ("Tjahjadi", text.index("Tjahjadi,", 60))]
    # a common word, a word after another capitalised word or a place word is not taken
    text = ("Pendiri Toko Wibisono, Hartono Wibisono hadir di desa Hartono. Kata Wibisono, Bank "
            "Hartono tutup.")
    ents = spans(text, [("Wibisono", "PERSON")])
    doc = ents[0].doc
    assert [e.text for e in extend_left(doc, ents)] == ["Wibisono"]
    people = [Span(doc, 4, 6, label="PERSON")]  # "Hartono Wibisono"
    assert [e.start for e in named_again(doc, people)] == [12]  # "Kata [Wibisono]"


def test_a_name_between_commas_before_a_verb_is_a_person() -> None:
    from graph.nlp.person_names import appositions

    text = ("Ketua tim, Nadia Prameswari, mengatakan alat itu murah. Ketua lembaga itu, Haryo "
            "Pamungkas, menyebut data dijual. Warga Desa Nebe, Kecamatan Talibura, meninggal. "
            "Ia ke Bandung, Jawa Barat, kemarin.")
    doc = nlp(text)
    ents = [doc.char_span(text.index(t), text.index(t) + len(t), label=label) for t, label in
            [("Nadia Prameswari", "LOC"), ("Jawa Barat", "LOC")]]
    assert [(e.text, e.label_) for e in appositions(doc, ents)] == [
        ("Nadia Prameswari", "PERSON"), ("Haryo Pamungkas", "PERSON"), ("Jawa Barat", "LOC")]


def test_a_place_that_only_names_an_office_is_no_entity_but_stays_a_place_mention() -> None:
    from graph.nlp.titles import office_places

    text = ("Menteri Luar Negeri Jepang Kenji Morita tiba di Jakarta. Kepala Dinas Kesehatan "
            "Kabupaten Sikka Petrus Ratu hadir.")
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index(t), text.index(t) + len(t), label=label) for t, label in
                [("Jepang", "LOC"), ("Kenji Morita", "PERSON"), ("Jakarta", "LOC"),
                 ("Kabupaten Sikka", "LOC"), ("Petrus Ratu", "PERSON")]]
    # after the office's own words, the place names the office; after "Dinas", the organisation
    assert [e.text for e in office_places(doc)] == ["Jepang"]


def test_the_pipeline_keeps_an_office_place_out_of_the_entities_and_in_the_mentions() -> None:
    from graph import Document, load_pipeline
    from graph.mentions import extract_mentions

    text = "Duta Besar RI untuk Jepang Bambang Suryo Atmojo bertemu investor di Tokyo."
    doc = load_pipeline(concepts=False)(text)
    assert ("Jepang", "LOC") not in [(e.text, e.label_) for e in doc.ents]
    mentions = extract_mentions(doc, Document(id="x", path="x.txt", text=text)).mentions
    assert ("Jepang", "LOC") in [(m.text, m.label) for m in mentions]
    assert ("Bambang Suryo Atmojo", "PERSON") in [(m.text, m.label) for m in mentions]


def test_a_missed_name_opening_with_an_organisation_only_head_is_found() -> None:
    from graph.nlp.labels import missed_organisations

    doc = nlp("Koalisi Petani Sawit dan Karet menolak. Komisi III memanggil Partai Buruh dan "
              "Pemerintah Indonesia, kata Dewan Pers. Konfederasi Serikat Pekerja Maju hadir.")
    assert [s.text for s in missed_organisations(doc, set())] == [
        "Koalisi Petani Sawit dan Karet", "Partai Buruh", "Dewan Pers",
        "Konfederasi Serikat Pekerja Maju"]
    # a name running into another entity is the recogniser's to find
    assert [s.text for s in missed_organisations(doc, {17})][:2] == [
        "Koalisi Petani Sawit dan Karet", "Partai Buruh"]
    assert "Dewan Pers" not in [s.text for s in missed_organisations(doc, {17})]


def test_initials_listed_once_are_the_same_person_later_but_not_after_di_or_a_currency() -> None:
    doc = nlp("Tersangka berinisial RH (27) dan AS (31) ditangkap. AS berperan mengawasi, kata "
              "polisi. Uang 500 dolar AS dikirim dari AS.")
    spans = [(s.text, s.start) for s in initials_spans(doc)]
    assert spans == [("RH", 2), ("AS", 7), ("AS", 13)]


def test_a_name_cut_before_group_or_corporation_is_an_organisation() -> None:
    from graph.nlp.labels import extend_to_org_tail

    doc = nlp("Mitra asal China, Fujian Hengrui Metal Group, dan Budi Santoso Grup Musik datang.")
    assert extend_to_org_tail(Span(doc, 4, 6, label="PERSON"), set()).text == (
        "Fujian Hengrui Metal Group")
    # three words away, or a word of another entity between: left alone
    assert extend_to_org_tail(Span(doc, 10, 12, label="PERSON"), set()).text == "Budi Santoso"
    assert extend_to_org_tail(Span(doc, 4, 6, label="PERSON"), {6}).text == "Fujian Hengrui"


def test_an_organisation_place_and_holder_after_a_title_are_split_in_three() -> None:
    assert _titled("Koordinator Jatam Maluku Utara Nurlaela Tuanany meminta izin dicabut. "
                   "Jatam menolak.",
                   [("Jatam Maluku Utara Nurlaela Tuanany", "PERSON"), ("Jatam", "ORG")]) == [
        ("Jatam", "ORG", ""), ("Maluku Utara", "LOC", ""),
        ("Nurlaela Tuanany", "PERSON", "Koordinator Jatam Maluku Utara"), ("Jatam", "ORG", "")]


def test_the_i_or_ni_that_opens_a_balinese_name_is_part_of_it() -> None:
    from graph.nlp.person_names import extend_left

    doc = nlp("Gubernur I Wayan Koster bertemu Ni Luh Putu Ariani dan I Budi di Denpasar.")
    ents = [Span(doc, 2, 4, label="PERSON"), Span(doc, 6, 9, label="PERSON"),
            Span(doc, 11, 12, label="PERSON")]
    assert [e.text for e in extend_left(doc, ents)] == [
        "I Wayan Koster", "Ni Luh Putu Ariani", "Budi"]


def test_a_place_typed_as_an_organisation_after_a_title_is_an_office_place() -> None:
    from graph.nlp.titles import office_places

    text = "Kapolres Kutai Kartanegara AKBP Yusuf Halim berkata. Kapolres Polda Jatim hadir."
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index(t), text.index(t) + len(t), label=label) for t, label in
                [("Kutai Kartanegara", "ORG"), ("Yusuf Halim", "PERSON"),
                 ("Polda Jatim", "ORG")]]
    assert [e.text for e in office_places(doc)] == ["Kutai Kartanegara"]


def test_a_regional_office_and_its_place_or_command_are_one_organisation() -> None:
    from graph.nlp.regional_offices import join_regional_offices

    def joined(text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str]]:
        doc = nlp(text)
        spans = [doc.char_span(text.index(t), text.index(t) + len(t), label=label)
                 for t, label in ents]
        return [(e.text, e.label_) for e in join_regional_offices(doc, spans)]

    # the office found or not, the administrative word inside the place or not
    assert joined("Izin dari Dinas Lingkungan Hidup Provinsi Kalimantan Timur terbit.",
                  [("Kalimantan Timur", "LOC")]) == [
        ("Dinas Lingkungan Hidup Provinsi Kalimantan Timur", "ORG")]
    assert joined("Dinas Kesehatan Kabupaten Sikka menangkap dua orang.",
                  [("Kabupaten Sikka", "LOC")]) == [("Dinas Kesehatan Kabupaten Sikka", "ORG")]
    # a police command's unit written out is not the command's name
    assert joined("Satuan Reserse Kriminal Polres Demak menangkap dua orang.",
                  [("Polres Demak", "ORG")]) == [("Polres Demak", "ORG")]
    # a place and the head of the office tagged as one place: office, then the person
    assert joined("Kepala Dinas Kesehatan Kabupaten Sikka Petrus Herlemus Ratu berkata.",
                  [("Kabupaten Sikka Petrus Herlemus Ratu", "LOC")]) == [
        ("Dinas Kesehatan Kabupaten Sikka", "ORG"), ("Petrus Herlemus Ratu", "PERSON")]
    # a unit inside an agency after a title is part of the role; a place after "di" stays one
    assert joined("Kepala Bidang Humas Polda Jatim berkata di Balai Kota Surabaya.",
                  [("Polda Jatim", "ORG"), ("Surabaya", "LOC")]) == [
        ("Polda Jatim", "ORG"), ("Surabaya", "LOC")]


def test_a_title_ending_in_an_organisations_head_leaves_the_organisation_whole() -> None:
    # "Kepala Dinas" is a title, but "Dinas" also heads the office's name
    assert _titled("Kepala Dinas Perdagangan Aceh Teuku Faisal melepas ekspor kopi.",
                   [("Dinas Perdagangan Aceh", "ORG"), ("Teuku Faisal", "PERSON")]) == [
        ("Dinas Perdagangan Aceh", "ORG", ""),
        ("Teuku Faisal", "PERSON", "Kepala Dinas Perdagangan Aceh")]


def test_two_person_spans_around_one_name_word_are_one_name() -> None:
    from graph.nlp.person_names import extend_right

    doc = nlp("Ketua Umum Apindo Shinta Widjaja Kamdani meminta, kata Budi Senin Rudi.")
    ents = [Span(doc, 3, 4, label="PERSON"), Span(doc, 5, 6, label="PERSON"),
            Span(doc, 9, 10, label="PERSON"), Span(doc, 11, 12, label="PERSON")]
    # a day between two names joins nothing
    assert [e.text for e in extend_right(doc, ents)] == ["Shinta Widjaja Kamdani", "Budi", "Rudi"]


def test_a_name_opening_or_ending_with_festival_is_an_event() -> None:
    text = "Film itu ke Festival Film Busan lalu Jogja Asian Film Festival dan Taman Festival Bali."
    assert _mapped(text, [(t, "LOC") for t in ("Festival Film Busan", "Jogja Asian Film Festival",
                                               "Taman Festival Bali")]) == [
        ("Festival Film Busan", "EVENT"), ("Jogja Asian Film Festival", "EVENT"),
        ("Taman Festival Bali", "LOC")]


def test_tournaments_cups_and_elections_are_events() -> None:
    text = "Atlet itu ke SEA Games 2025, lalu Piala Dunia Antarklub dan Pilkada Gowa."
    assert _mapped(text, [("SEA Games 2025", "LOC"), ("Piala Dunia Antarklub", "ORG"),
                          ("Pilkada Gowa", "LOC")]) == [
        ("SEA Games 2025", "EVENT"), ("Piala Dunia Antarklub", "EVENT"),
        ("Pilkada Gowa", "EVENT")]


def test_a_facility_named_after_a_person_is_one_place() -> None:
    text = ("korban yang mengalami mual dan muntah dibawa ke Rumah Sakit Umum Daerah Syekh Yusuf "
            "pada malam itu, sedangkan pagu anggaran dari Kementerian Keuangan Sri Mulyani tidak "
            "berubah sama sekali menurut keterangan yang diterima.")
    assert _mapped(text, [("Rumah Sakit Umum Daerah", "LOC"), ("Syekh Yusuf", "PER"),
                          ("Kementerian Keuangan", "ORG"), ("Sri Mulyani", "PER")]) == [
        ("Rumah Sakit Umum Daerah Syekh Yusuf", "LOC"),
        ("Kementerian Keuangan", "ORG"), ("Sri Mulyani", "PERSON")]


def test_an_honorific_inside_a_person_span_ends_the_role() -> None:
    doc = nlp("Kepala Puskesmas Bontomarannu Hj. Sitti Rahmatia dan Menkumham Yasonna H Laoly.")
    name, role = strip_titles(Span(doc, 2, 6, label="PERSON"))
    assert (name.text, role) == ("Sitti Rahmatia", "Bontomarannu Hj.")
    name, role = strip_titles(Span(doc, 7, 11, label="PERSON"))  # a middle "H" is an initial
    assert (name.text, role) == ("Yasonna H Laoly", "Menkumham")


def test_ri_after_a_ministry_belongs_to_its_name() -> None:
    assert _titled("Juru Bicara Kementerian Luar Negeri RI Hanafi Rachmat mengatakan.",
                   [("Kementerian Luar Negeri RI Hanafi", "ORG"), ("Rachmat", "PERSON")]) == [
        ("Kementerian Luar Negeri RI", "ORG", ""),
        ("Hanafi Rachmat", "PERSON", "Juru Bicara Kementerian Luar Negeri RI")]


def test_an_abbreviated_given_name_is_part_of_the_name() -> None:
    from graph.nlp.person_names import abbreviated_given_names

    shipped = spacy.blank("id")
    add_abbreviations(shipped.tokenizer)
    doc = shipped("Menurut Muh. Ilham Tajuddin dan Moh. Rizal, Mhd. Yusuf hadir.")
    assert "Muh." in [t.text for t in doc] and "Mhd." in [t.text for t in doc]
    ents = [Span(doc, 2, 4, label="PERSON"), Span(doc, 5, 7, label="PERSON"),
            Span(doc, 8, 10, label="ORG")]
    assert [(e.text, e.label_) for e in abbreviated_given_names(doc, ents)] == [
        ("Muh. Ilham Tajuddin", "PERSON"), ("Moh. Rizal", "PERSON"), ("Mhd. Yusuf", "PERSON")]


def test_a_person_coordinated_with_a_place_after_di_is_a_place() -> None:
    from graph.nlp.person_names import coordinated_places

    text = "Warga di Khan Younis dan Deir Balah mengungsi, lalu Budi Deir dan Deir Balah bicara."
    doc = nlp(text)
    ents = [doc.char_span(text.index(t), text.index(t) + len(t), label=label)
            for t, label in [("Khan Younis", "LOC"), ("Deir Balah", "PERSON")]]
    assert [(e.text, e.label_) for e in coordinated_places(doc, ents)] == [
        ("Khan Younis", "LOC"), ("Deir Balah", "LOC")]
    # a word of it names a person elsewhere in the article: kept
    ents.append(doc.char_span(text.index("Budi Deir"), text.index("Budi Deir") + 9,
                              label="PERSON"))
    assert [e.label_ for e in coordinated_places(doc, ents)] == ["LOC", "PERSON", "PERSON"]


def test_an_office_before_a_known_place_the_recogniser_missed_is_one_organisation() -> None:
    from graph.nlp.regional_offices import offices_before_known_places

    text = ("Kepala Dinas Lingkungan Hidup Halmahera Tengah hadir. Dinas Energi dan Sumber Daya "
            "Mineral Provinsi Maluku Utara menolak. Ia ke Balai Kota Surabaya.")
    doc = nlp(text)
    ents = [doc.char_span(text.index(t), text.index(t) + len(t), label="ORG")
            for t in ("Dinas Lingkungan Hidup",)]
    assert [(e.text, e.label_) for e in offices_before_known_places(doc, ents)] == [
        ("Dinas Lingkungan Hidup Halmahera Tengah", "ORG"),
        ("Dinas Energi dan Sumber Daya Mineral Provinsi Maluku Utara", "ORG")]


def test_a_department_abbreviation_left_after_a_title_is_no_organisation() -> None:
    titled = _titled("Kepala Biro Humas, Kementerian Sosial Noor Iza menyatakan hal itu.",
                     [("Biro Humas", "ORG"), ("Kementerian Sosial", "ORG"), ("Noor Iza", "PERSON")])
    assert [(text, label) for text, label, _ in titled] == [
        ("Kementerian Sosial", "ORG"), ("Noor Iza", "PERSON")]


def test_a_known_place_that_modifies_is_no_entity_but_a_graph_mention() -> None:
    from graph import Document, load_pipeline
    from graph.mentions import extract_mentions

    text = ("Alibaba dikenal sebagai pemain dagang daring Tiongkok yang mendunia, dan produk "
            "Bank Tiongkok Raya tidak dijual di sini.")
    doc = load_pipeline(concepts=False)(text)
    assert "Tiongkok" not in [e.text for e in doc.ents]
    mentions = extract_mentions(doc, Document(id="x", path="x.txt", text=text)).mentions
    places = [(m.text, m.start) for m in mentions if m.label == "LOC"]
    # the place standing alone is linked; the one inside a longer capitalised name is not
    assert places == [("Tiongkok", text.index("Tiongkok"))]


def test_a_pair_of_candidates_is_two_people_a_double_surname_one() -> None:
    from graph.nlp.person_names import split_pairs

    text = "Pasangan Ridwan Kamil-Suswono melawan Dharma; juru bicara Ines Fournier-Haddad hadir."
    doc = nlp(text)
    ents = [doc.char_span(text.index(t), text.index(t) + len(t), label="PERSON")
            for t in ("Ridwan Kamil-Suswono", "Dharma", "Ines Fournier-Haddad")]
    assert [e.text for e in split_pairs(doc, ents)] == [
        "Ridwan Kamil", "Suswono", "Dharma", "Ines Fournier-Haddad"]


def test_a_bracketed_legal_form_stays_in_a_company_name() -> None:
    from graph.nlp.labels import extend_company

    doc = nlp("Saham PT Angkasa Pura II (Persero) dan Komisi Pemberantasan Korupsi (KPK) naik.")
    doc.ents = [Span(doc, 1, 8, label="ORG"), Span(doc, 9, 15, label="ORG")]
    assert [e.text for e in map_entities(doc, {"ORG": "ORG"})] == [
        "PT Angkasa Pura II (Persero)", "Komisi Pemberantasan Korupsi"]  # a short form is not
    doc = nlp("Direktur PT Sarana Jaya (Perseroda) Tbk dan PT Maju (KPK) hadir.")
    assert extend_company(Span(doc, 1, 4, label="ORG"), set()).text == (
        "PT Sarana Jaya (Perseroda) Tbk")
    assert extend_company(Span(doc, 9, 11, label="ORG"), set()).text == "PT Maju"


def test_firms_named_after_their_partners_are_organisations() -> None:
    from graph.nlp.organisation_names import firm_names

    doc = nlp("Kuasa hukum Yohanes Sitorus dari kantor hukum Sitorus, Tan & Partners Law Office "
              "menolak. Sementara Bain & Company dan Budi & Rekannya hadir.")
    ents = [Span(doc, 2, 4, label="PERSON"), Span(doc, 7, 8, label="PERSON"),
            Span(doc, 9, 10, label="PERSON")]
    assert [(e.text, e.label_) for e in firm_names(doc, ents)] == [
        ("Yohanes Sitorus", "PERSON"), ("Sitorus, Tan & Partners Law Office", "ORG"),
        ("Bain & Company", "ORG")]  # "& Rekannya" is no firm word


def test_an_organisation_named_again_by_its_short_name() -> None:
    from graph.nlp.organisation_names import organisations_named_again, short_name

    doc = nlp("Hyundai Motor Company dan Indonesia Battery Corporation bermitra dengan Budi "
              "Santoso. Hyundai menambah modal di Indonesia. Kata Budi, Hyundai Group Asia "
              "belum. Santoso Motor Works tidak.")
    ents = [Span(doc, 0, 3, label="ORG"), Span(doc, 4, 7, label="ORG"),
            Span(doc, 9, 11, label="PERSON"), Span(doc, 26, 29, label="ORG")]
    assert [short_name(e) for e in ents if e.label_ == "ORG"] == ["Hyundai", None, "Santoso"]
    doc2 = nlp("BUMKal Sumber Rejeki dan BRI Agro")
    # a word of two capitals or more opens a longer name by chance: a kind of body, an acronym
    assert short_name(doc2[0:3]) is None and short_name(doc2[4:6]) is None
    found = organisations_named_again(doc, ents)
    # "Indonesia" is a known place, "Santoso" a person's name, "Hyundai Group Asia" a longer name
    assert [(e.text, e.start) for e in found] == [("Hyundai", 12)]


def test_a_capitalised_function_word_inside_a_sentence_is_part_of_a_name() -> None:
    doc = nlp("Suami almarhumah, Lalu Sahnan, menangis. Lalu Budi Santoso pergi.")
    doc.ents = [Span(doc, 3, 5, label="PERSON"), Span(doc, 8, 11, label="PERSON")]
    assert [e.text for e in map_entities(doc, {"PERSON": "PERSON"})] == [
        "Lalu Sahnan", "Budi Santoso"]  # "Lalu" (then) opening a sentence is no name's


def test_an_office_with_its_place_after_a_title_is_not_an_office_and_a_person() -> None:
    doc = nlp("Ketua KPU Pulau Taliabu mengaku akan berkonsultasi dengan KPU RI hari ini. "
              "Kepala OJK Provinsi Jawa Tengah menambahkan.")
    doc.ents = [Span(doc, 1, 4, label="ORG"), Span(doc, 8, 10, label="ORG"),
                Span(doc, 14, 18, label="ORG")]
    assert [(e.text, e.label_) for e, _ in apply_titles(doc)] == [
        ("KPU Pulau Taliabu", "ORG"), ("KPU RI", "ORG"), ("OJK Provinsi Jawa Tengah", "ORG")]


def test_two_organisations_joined_by_dan_are_split() -> None:
    doc = nlp("Kementerian Kebudayaan dan Pemerintah Kabupaten Klaten menolak, kata Partai "
              "Keadilan dan Persatuan Indonesia.")
    doc.ents = [Span(doc, 0, 6, label="ORG"), Span(doc, 9, 14, label="ORG")]
    assert [e.text for e in map_entities(doc, {"ORG": "ORG"})] == [
        "Kementerian Kebudayaan", "Pemerintah Kabupaten Klaten",
        "Partai Keadilan dan Persatuan Indonesia"]


def test_an_institution_named_after_a_person_is_no_person() -> None:
    doc = nlp("Peneliti Charles Darwin University dan Budi Santoso tiba di Lehigh University.")
    doc.ents = [Span(doc, 1, 4, label="PERSON"), Span(doc, 5, 7, label="PERSON"),
                Span(doc, 9, 11, label="LOC")]
    assert [(e.text, e.label_) for e in map_entities(doc, {"PERSON": "PERSON", "LOC": "LOC"})] == [
        ("Charles Darwin University", "ORG"), ("Budi Santoso", "PERSON"),
        ("Lehigh University", "ORG")]  # a place tagged on one too: the graph has one type


def test_a_list_of_companies_with_bracketed_legal_forms_stays_apart() -> None:
    from graph.nlp.abbreviations import entities_with_definitions, short_names

    text = ("Krediturnya PT Bank Sentosa (Persero) Tbk, PT Bank Rakyat Makmur (Persero) Tbk "
            "(BRM) dan PT Bank Niaga Utama (Persero) Tbk (BNU) setuju.")
    doc = nlp(text)
    names = ("PT Bank Sentosa (Persero) Tbk", "PT Bank Rakyat Makmur (Persero) Tbk", "BRM",
             "PT Bank Niaga Utama (Persero) Tbk", "BNU")
    doc.ents = [doc.char_span(text.index(n), text.index(n) + len(n), label="ORG") for n in names]
    pairs = find_abbreviations(doc) + short_names(doc)
    # "(Persero)" is a legal form, not a short form, and no long form holds its short form
    assert [(lf.text, sf.text) for lf, sf in pairs] == [
        ("Bank Rakyat Makmur (Persero) Tbk", "BRM"), ("Bank Niaga Utama (Persero) Tbk", "BNU")]
    assert [e.text for e in entities_with_definitions(doc, pairs)] == list(names)


def test_an_abbreviation_defined_in_lower_case_names_nothing() -> None:
    from graph.nlp.abbreviations import entities_with_definitions

    text = ("Kapal berbobot 35 gross tonnage (GT) milik Koperasi Nelayan Sejahtera (KNS) itu "
            "tenggelam. Kapal 35 GT lain selamat, kata KNS.")
    doc = nlp(text)
    spans = [("GT", 0), ("Koperasi Nelayan Sejahtera", 0), ("KNS", 0), ("GT", 1), ("KNS", 1)]
    ents = []
    for name, nth in spans:
        at = [i for i in range(len(text)) if text.startswith(name, i)][nth]
        ents.append(doc.char_span(at, at + len(name), label="ORG"))
    doc.ents = ents
    assert [e.text for e in entities_with_definitions(doc, find_abbreviations(doc))] == [
        "Koperasi Nelayan Sejahtera", "KNS", "KNS"]


def test_a_school_is_an_organisation_and_a_roman_numeral_ends_a_name() -> None:
    text = ("Para siswa dari SMP Negeri 2 Mamuju dan SMAN 5 Mamuju kemarin mendatangi kebun "
            "milik PTPN XIV yang berada di Luwu. Sementara itu Hamengku Buwono X hadir di daerah "
            "pemilihan Jawa Tengah V bersama warga.")
    doc = nlp(text)
    names = [("SMP Negeri 2 Mamuju", "LOC"), ("SMAN 5 Mamuju", "LOC"), ("PTPN", "ORG"),
             ("Luwu", "LOC"), ("Hamengku Buwono", "PERSON"), ("Jawa Tengah", "LOC")]
    doc.ents = [doc.char_span(text.index(n), text.index(n) + len(n), label=label)
                for n, label in names]
    labels = {"ORG": "ORG", "LOC": "LOC", "PERSON": "PERSON"}
    assert [(e.text, e.label_) for e in map_entities(doc, labels)] == [
        ("SMP Negeri 2 Mamuju", "ORG"), ("SMAN 5 Mamuju", "ORG"), ("PTPN XIV", "ORG"),
        ("Luwu", "LOC"), ("Hamengku Buwono X", "PERSON"),
        ("Jawa Tengah", "LOC")]  # a place's numeral may be an electoral district's


def test_a_title_unit_before_an_office_and_its_holder_is_part_of_the_role() -> None:
    doc = nlp("SEVP Treasury Risk Bank Sentosa Gunawan Hadi menilai, sementara VP Rina Wati diam.")
    doc.ents = [Span(doc, 0, 3, label="PERSON"), Span(doc, 3, 5, label="ORG"),
                Span(doc, 5, 7, label="PERSON"), Span(doc, 11, 13, label="PERSON")]
    assert [(e.text, e.label_, role) for e, role in apply_titles(doc)] == [
        ("Bank Sentosa", "ORG", ""), ("Gunawan Hadi", "PERSON", "SEVP Treasury Risk Bank Sentosa"),
        ("Rina Wati", "PERSON", "VP")]


def test_the_shipped_pipeline_keeps_a_representative_office_whole() -> None:
    from graph.nlp.pipeline import load_pipeline

    nlp = load_pipeline(concepts=False)
    doc = nlp("Kepala Ombudsman RI Perwakilan Sulawesi Tengah Nurul Hidayah mengatakan aduan "
              "warga meningkat, sementara Komnas HAM Perwakilan Provinsi Bali belum menerima "
              "laporan.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Ombudsman RI Perwakilan Sulawesi Tengah", "ORG"), ("Nurul Hidayah", "PERSON"),
        ("Komnas HAM Perwakilan Provinsi Bali", "ORG")]


def test_a_common_word_before_a_known_place_after_an_office_is_no_holder() -> None:
    doc = nlp("Kepala Ombudsman RI Perwakilan Sulawesi Selatan Nurul Hidayah hadir.")
    doc.ents = [Span(doc, 1, 6, label="ORG"), Span(doc, 6, 8, label="PERSON")]
    assert [(e.text, e.label_) for e, _ in apply_titles(doc)] == [
        ("Ombudsman RI Perwakilan Sulawesi Selatan", "ORG"), ("Nurul Hidayah", "PERSON")]


def test_a_surname_the_recogniser_typed_as_an_organisation_is_the_person() -> None:
    from graph.nlp.person_names import retyped_names

    text = ("Penyerang asal Brasil, Lucas Moreira, mencetak gol. Tembakan Moreira lalu ditepis "
            "kiper. Warga Jakarta dan Bank Moreira Utama menonton.")
    doc = nlp(text)
    names = [("Lucas Moreira", "PERSON", 0), ("Moreira", "ORG", 1), ("Jakarta", "LOC", 0),
             ("Bank Moreira Utama", "ORG", 0)]
    ents = []
    for name, label, nth in names:
        at = [i for i in range(len(text)) if text.startswith(name, i)][nth]
        ents.append(doc.char_span(at, at + len(name), label=label))
    assert [(e.text, e.label_) for e in retyped_names(doc, ents)] == [
        ("Lucas Moreira", "PERSON"), ("Moreira", "PERSON"), ("Jakarta", "LOC"),
        ("Bank Moreira Utama", "ORG")]  # only a one-word entity is retyped


def test_a_sports_designation_before_a_country_and_a_player_is_a_role() -> None:
    doc = nlp("Tunggal putra Denmark Viktor Axelsen menang, sementara Sheikh Hamad Al Thani hadir.")
    doc.ents = [Span(doc, 2, 5, label="PERSON"), Span(doc, 8, 12, label="PERSON")]
    assert [(e.text, e.label_, role) for e, role in apply_titles(doc)] == [
        ("Denmark", "LOC", ""), ("Viktor Axelsen", "PERSON", "Tunggal putra Denmark"),
        ("Hamad Al Thani", "PERSON", "Sheikh")]


def test_the_shipped_pipeline_keeps_a_list_of_state_companies_apart() -> None:
    from graph.nlp.pipeline import load_pipeline

    nlp = load_pipeline(concepts=False)
    doc = nlp("Kreditur perseroan adalah PT Bank Sentosa Raya (Persero) Tbk, PT Bank Rakyat "
              "Makmur (Persero) Tbk (BRM), dan PT Bank Niaga Utama (Persero) Tbk (BNU). Direktur "
              "Keuangan perseroan mengatakan restrukturisasi utang selesai pekan depan.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("PT Bank Sentosa Raya (Persero) Tbk", "ORG"),
        ("PT Bank Rakyat Makmur (Persero) Tbk", "ORG"), ("BRM", "ORG"),
        ("PT Bank Niaga Utama (Persero) Tbk", "ORG"), ("BNU", "ORG")]


def test_a_party_board_is_read_as_its_party_and_a_region_named_in_full() -> None:
    from graph.nlp.regional_offices import board_organisations

    doc = nlp("Ketua DPD Partai Golkar Bali I Made Sudarma, Ketua DPD Nasdem Kabupaten Bone, "
              "Sekretaris DPW PKB Jawa Timur, Ketua DPP Partai Demokrat dan Ketua DPD RI hadir.")
    ents = [Span(doc, 1, 4, label="ORG"), Span(doc, 5, 8, label="PERSON"),
            Span(doc, 10, 11, label="ORG"), Span(doc, 11, 14, label="PERSON"),
            Span(doc, 16, 18, label="ORG"), Span(doc, 23, 25, label="ORG"),
            Span(doc, 27, 29, label="ORG")]
    assert [(e.text, e.label_) for e in board_organisations(doc, ents)] == [
        ("Partai Golkar", "ORG"), ("I Made Sudarma", "PERSON"),
        ("Nasdem", "ORG"), ("Kabupaten Bone", "LOC"), ("PKB", "ORG"),
        ("Partai Demokrat", "ORG"), ("DPD RI", "ORG")]
    doc = nlp("Sekretaris DPD Partai Gerindra Sumatera Utara hadir.")
    ents = [Span(doc, 1, 2, label="ORG"), Span(doc, 2, 6, label="ORG")]
    assert [(e.text, e.label_) for e in board_organisations(doc, ents)] == [
        ("Partai Gerindra", "ORG")]


def test_a_known_place_the_article_tags_as_a_place_is_no_person_elsewhere() -> None:
    from graph.nlp.person_names import places_tagged_as_people

    doc = nlp("Delegasi bertemu di Ankara. Ankara menjaga hubungan baik. Paris Hilton dan "
              "Paris tiba di Paris.")
    ents = [Span(doc, 3, 4, label="LOC"), Span(doc, 5, 6, label="PERSON"),
            Span(doc, 10, 12, label="PERSON"), Span(doc, 13, 14, label="PERSON"),
            Span(doc, 16, 17, label="LOC")]
    assert [(e.text, e.label_) for e in places_tagged_as_people(doc, ents)] == [
        ("Ankara", "LOC"), ("Ankara", "LOC"), ("Paris Hilton", "PERSON"), ("Paris", "PERSON"),
        ("Paris", "LOC")]
    # nor is such a one-word "person" evidence that makes the place a person in a title's span
    doc = nlp("Mereka bertemu di Istanbul, Turki. Presiden Turki Recep Tayyip Erdogan menyatakan "
              "Turki siap.")
    doc.ents = [Span(doc, 3, 4, label="LOC"), Span(doc, 5, 6, label="LOC"),
                Span(doc, 8, 12, label="PERSON"), Span(doc, 13, 14, label="PERSON")]
    assert [(e.text, e.label_) for e, _ in apply_titles(doc)][:4] == [
        ("Istanbul", "LOC"), ("Turki", "LOC"), ("Turki", "LOC"),
        ("Recep Tayyip Erdogan", "PERSON")]  # the office's place is dropped later


def test_a_one_word_organisation_is_no_person_for_one_person_mention() -> None:
    doc = nlp("Startup Nalarin menggalang dana. Investor menyukai Nalarin. Kini Nalarin "
              "melayani klien.")
    doc.ents = [Span(doc, 1, 2, label="ORG"), Span(doc, 7, 8, label="ORG"),
                Span(doc, 10, 11, label="PERSON")]
    assert [(e.text, e.label_) for e, _ in apply_titles(doc)] == [
        ("Nalarin", "ORG"), ("Nalarin", "ORG"), ("Nalarin", "PERSON")]
    doc.ents = [Span(doc, 1, 2, label="ORG"), Span(doc, 7, 8, label="PERSON"),
                Span(doc, 10, 11, label="PERSON")]  # typed a person more often: a person
    assert [e.label_ for e, _ in apply_titles(doc)] == ["PERSON"] * 3


def test_two_word_military_ranks_are_titles() -> None:
    for text, name in [("Laksamana Madya Hendra Gunawan", "Hendra Gunawan"),
                       ("Komodor Ramon Villanueva", "Ramon Villanueva"),
                       ("Letnan Kolonel Budi Hartono", "Budi Hartono"),
                       ("Marsekal Muda Andi Kurnia", "Andi Kurnia")]:
        doc = nlp(text)
        stripped, _ = strip_titles(doc[:])
        assert stripped is not None and stripped.text == name


def test_firms_words_and_building_heads_fix_the_type_of_a_name() -> None:
    doc = nlp("Dana dari Meridian Bay Capital dan Kaito Ventures masuk ke Menara Radius Prawiro "
              "dan Hoshino Films.")
    doc.ents = [Span(doc, 2, 5, label="PERSON"), Span(doc, 6, 8, label="LOC"),
                Span(doc, 10, 13, label="PERSON"), Span(doc, 14, 16, label="PERSON")]
    assert [(e.text, e.label_) for e in map_entities(doc, {"PERSON": "PERSON", "LOC": "LOC"})] == [
        ("Meridian Bay Capital", "ORG"), ("Kaito Ventures", "ORG"),
        ("Menara Radius Prawiro", "LOC"), ("Hoshino Films", "ORG")]


def test_initials_given_with_an_age_are_people_and_model_numbers_no_entity() -> None:
    doc = nlp("Polisi menangkap MZ (41) dan DS (38) di pelabuhan. MZ adalah bandar, sementara "
              "satelit Cakrawala-1 milik PT Cakrawala Nusantara meluncur dari AS (kemarin).")
    assert [e.text for e in initials_spans(doc)] == ["MZ", "DS", "MZ"]
    assert [e.text for e in initials_spans(nlp("anaknya, KAH (8) dan NRH (5)."))] == [
        "KAH", "NRH"]  # spaCy keeps "8)" one token
    doc.ents = [Span(doc, 20, 21, label="ORG"), Span(doc, 24, 27, label="ORG")]
    assert [e.text for e in map_entities(doc, {"ORG": "ORG"}) if e.label_ == "ORG"] == [
        "PT Cakrawala Nusantara"]  # "Cakrawala-1" is the satellite


def test_a_hospital_after_a_title_is_no_place_that_names_an_office() -> None:
    from graph.nlp.titles import office_places

    doc = nlp("Direktur RSUD Pangeran Wiranata Hendra Kusuma dan Gubernur Jawa Barat Dedi Putra "
              "hadir.")
    doc.ents = [Span(doc, 1, 4, label="LOC"), Span(doc, 4, 6, label="PERSON"),
                Span(doc, 8, 10, label="LOC"), Span(doc, 10, 12, label="PERSON")]
    assert [e.text for e in office_places(doc)] == ["Jawa Barat"]


def test_a_company_introduced_by_its_kind_is_an_organisation_wherever_named() -> None:
    from graph.nlp.organisation_names import organisations_by_kind

    doc = nlp("Platform e-commerce BelanjaKita diretas. Data pengguna BelanjaKita bocor. "
              "Perusahaan milik Hartono dan perusahaan Singapura diam. Kata Hartono, BelanjaKita "
              "aman.")
    ents = [Span(doc, 12, 13, label="PERSON"), Span(doc, 19, 20, label="PERSON")]
    assert [(e.start, e.label_) for e in organisations_by_kind(doc, ents)] == [
        (2, "ORG"), (7, "ORG"), (12, "PERSON"), (19, "PERSON"), (21, "ORG")]
    doc = nlp("Startup agritech asal Indonesia, Panenku, tumbuh, dan grup idola NOVA7 tampil. "
              "CEO Panenku Budi Santoso dan jaringan minimarket Serbamart hadir.")
    ents = [Span(doc, 12, 13, label="PERSON"), Span(doc, 16, 17, label="LOC"),
            Span(doc, 17, 19, label="PERSON")]
    assert [(e.text, e.label_) for e in organisations_by_kind(doc, ents)] == [
        ("Panenku", "ORG"), ("NOVA7", "ORG"), ("Panenku", "ORG"), ("Budi Santoso", "PERSON"),
        ("Serbamart", "ORG")]


def test_a_countrys_force_and_a_majority_organisation_are_organisations() -> None:
    from graph.nlp.organisation_names import majority_organisations, national_forces

    doc = nlp("Kapal Penjaga Pantai China dan Angkatan Laut Kerajaan Inggris berpatroli, "
              "sementara Angkatan Laut bersiaga.")
    ents = [Span(doc, 3, 4, label="LOC"), Span(doc, 5, 7, label="ORG")]
    assert [(e.text, e.label_) for e in national_forces(doc, ents)] == [
        ("Penjaga Pantai China", "ORG"), ("Angkatan Laut Kerajaan Inggris", "ORG")]
    doc = nlp("CEO Nalarin hadir. Nalarin tumbuh. Dana di Nalarin naik. Kata Nalarin Putra, "
              "Kaleo menang. Kaleo dan Kaleo kalah.")
    ents = [Span(doc, 1, 2, label="ORG"), Span(doc, 4, 5, label="ORG"),
            Span(doc, 9, 10, label="LOC"), Span(doc, 13, 15, label="PERSON"),
            Span(doc, 16, 17, label="ORG"), Span(doc, 19, 20, label="PERSON"),
            Span(doc, 21, 22, label="PERSON")]
    # "Nalarin" is also a word of a person's name here: left; "Kaleo" is more often a person
    assert majority_organisations(doc, ents) == ents
    del ents[3]
    assert [e.label_ for e in majority_organisations(doc, ents)][:3] == ["ORG", "ORG", "ORG"]


def test_a_street_named_after_a_titled_person_is_one_place() -> None:
    from graph.nlp.labels import join_facility_and_namesake

    doc = nlp("Massa bergerak ke Jalan H. Agus Salim dan Jalan Melati Utara. Budi Santoso hadir.")
    ents = [Span(doc, 3, 5, label="LOC"), Span(doc, 5, 7, label="PERSON"),
            Span(doc, 8, 11, label="LOC"), Span(doc, 12, 14, label="PERSON")]
    assert [(e.text, e.label_) for e in join_facility_and_namesake(ents)] == [
        ("Jalan H. Agus Salim", "LOC"), ("Jalan Melati Utara", "LOC"), ("Budi Santoso", "PERSON")]


def test_a_road_between_two_places_and_a_branch_are_one_name() -> None:
    from graph.nlp.labels import join_route_names
    from graph.nlp.regional_offices import join_branches

    doc = nlp("Ruas Jalan Tol Yogyakarta–Bawen dan Jalan Raya Semarang–Magelang macet, "
              "sedangkan Semarang-Jakarta lancar.")
    ents = [Span(doc, 1, 4, label="LOC"), Span(doc, 5, 6, label="LOC"),
            Span(doc, 7, 10, label="LOC"), Span(doc, 15, 16, label="LOC"),
            Span(doc, 17, 18, label="LOC")]
    assert [e.text for e in join_route_names(ents)] == [
        "Jalan Tol Yogyakarta–Bawen", "Jalan Raya Semarang–Magelang", "Semarang", "Jakarta"]
    doc = nlp("Pemimpin Bulog Kanwil Sumatera Utara dan Kepala Kanwil Kemenag Jawa Timur hadir.")
    ents = [Span(doc, 1, 2, label="ORG"), Span(doc, 2, 5, label="ORG"),
            Span(doc, 8, 11, label="ORG")]
    assert [e.text for e in join_branches(doc, ents)] == [
        "Bulog Kanwil Sumatera Utara", "Kanwil Kemenag Jawa Timur"]


def test_a_holder_after_an_offices_known_place_is_split_off_after_a_title() -> None:
    doc = nlp("Kepala Dinas Energi Provinsi Riau Syahrial Effendi dan pengelola Stadion Utama "
              "Gelora Bung Karno di kawasan Gelora hadir bersama tim Ratchaburi FC.")
    doc.ents = [Span(doc, 1, 7, label="ORG"), Span(doc, 9, 14, label="LOC"),
                Span(doc, 16, 17, label="LOC"), Span(doc, 20, 22, label="LOC")]
    assert [(e.text, e.label_) for e, _ in apply_titles(doc)][:3] == [
        ("Dinas Energi Provinsi Riau", "ORG"), ("Syahrial Effendi", "PERSON"),
        ("Stadion Utama Gelora Bung Karno", "LOC")]
    assert [(e.text, e.label_) for e in map_entities(doc, {"LOC": "LOC", "ORG": "ORG"})][-1] == (
        "Ratchaburi FC", "ORG")


def test_a_doubles_pair_and_a_player_after_an_origin_are_people() -> None:
    from graph.nlp.person_names import origin_appositions, slash_pairs

    doc = nlp("Ganda campuran Galih Pramudya/Meilani Hartono menang di markas Kodam III/Siliwangi.")
    ents = [Span(doc, 2, 4, label="ORG"), Span(doc, 6, 7, label="PERSON"),
            Span(doc, 10, 14, label="ORG")]
    assert [(e.text, e.label_) for e in slash_pairs(doc, ents)] == [
        ("Galih Pramudya", "PERSON"), ("Meilani Hartono", "PERSON"), ("Kodam III/Siliwangi", "ORG")]
    doc = nlp("Pebalap asal Swedia, Jonas Lindqvist, yang memimpin jatuh, sementara produsen mobil "
              "asal Jerman, Auralis Automobile GmbH, dan grup musik asal Bali, Navicula Bumi, "
              "tampil.")
    ents = [Span(doc, 2, 3, label="LOC"), Span(doc, 4, 6, label="ORG")]
    names = [(e.text, e.label_) for e in origin_appositions(doc, ents)]
    assert names == [("Swedia", "LOC"), ("Jonas Lindqvist", "PERSON")]


def test_the_shipped_pipeline_reads_a_lone_sentence_dense_with_names_as_cased_text() -> None:
    from graph.nlp.labels import is_headline_case
    from graph.nlp.pipeline import load_pipeline

    nlp = load_pipeline(concepts=False)
    text = "Ketua DPD Partai Golkar Bali I Made Sudarma mengatakan kader Golkar siap."
    doc = nlp(text)
    assert not is_headline_case(doc)
    assert [(e.text, e.label_) for e in doc.ents][:3] == [
        ("Partai Golkar", "ORG"), ("I Made Sudarma", "PERSON"), ("Golkar", "ORG")]
    assert is_headline_case(nlp("Ketua DPD Partai Golkar Bali Nyatakan Kader Siap Menang"))


def test_names_between_people_of_a_list_are_people() -> None:
    from graph.nlp.person_names import listed_people

    doc = nlp("Mereka adalah Rahmad Dwi Ardhiansyah, Riefky Pradipta Baihaqie, dan Aprilia "
              "Maharani. Yakni Jakarta, Bandung, dan Aprilia Maharani.")
    ents = [Span(doc, 2, 5, label="PERSON"), Span(doc, 11, 13, label="PERSON"),
            Span(doc, 20, 22, label="PERSON")]
    assert [e.text for e in listed_people(doc, ents)] == [
        "Rahmad Dwi Ardhiansyah", "Riefky Pradipta Baihaqie", "Aprilia Maharani",
        "Aprilia Maharani"]
    # an organisation in a list of people is one of them; two names a comma alone joins are not
    doc = nlp("Film itu dibintangi Laras Ayuningtyas, Bima Satria Nugroho, dan Dimas Anggara. "
              "Pebalap Ducati Lenovo Team, Alejandro Ferran, menang.")
    ents = [Span(doc, 3, 5, label="ORG"), Span(doc, 6, 9, label="PERSON"),
            Span(doc, 11, 13, label="PERSON"), Span(doc, 15, 18, label="ORG"),
            Span(doc, 19, 21, label="PERSON")]
    assert [(e.text, e.label_) for e in listed_people(doc, ents)] == [
        ("Laras Ayuningtyas", "PERSON"), ("Bima Satria Nugroho", "PERSON"),
        ("Dimas Anggara", "PERSON"), ("Ducati Lenovo Team", "ORG"), ("Alejandro Ferran", "PERSON")]


def test_names_listed_with_a_place_after_a_place_word_are_places() -> None:
    from graph.nlp.person_names import coordinated_places

    doc = nlp("Serangan meluas ke kota Tyre, Nabatieh, dan Bint Jbeil. Produsen terbesar di "
              "Eropa, Bernard Matthews. Warga negara Malaysia, serta Ahmad Sofyan (26) ditahan.")
    ents = [Span(doc, 4, 5, label="LOC"), Span(doc, 6, 7, label="PERSON"),
            Span(doc, 9, 11, label="ORG"), Span(doc, 15, 16, label="LOC"),
            Span(doc, 17, 19, label="PERSON"), Span(doc, 22, 23, label="LOC"),
            Span(doc, 25, 27, label="PERSON")]
    assert [(e.text, e.label_) for e in coordinated_places(doc, ents)] == [
        ("Tyre", "LOC"), ("Nabatieh", "LOC"), ("Bint Jbeil", "LOC"), ("Eropa", "LOC"),
        ("Bernard Matthews", "PERSON"), ("Malaysia", "LOC"), ("Ahmad Sofyan", "PERSON")]


def test_a_known_place_listed_after_a_place_or_in_an_address_is_tagged() -> None:
    from graph.nlp.pipeline import load_pipeline

    nlp = load_pipeline(concepts=False)
    doc = nlp("Kelompok itu membom kedutaan di Kenya dan Tanzania pada 1998. Seorang jemaah asal "
              "Kecamatan Klego, Boyolali, dirawat selama tiga hari.")
    places = [e.text for e in doc.ents if e.label_ == "LOC"]
    assert places == ["Kenya", "Tanzania", "Kecamatan Klego", "Boyolali"]


def test_commands_and_the_police_written_out_are_organisations() -> None:
    from graph.nlp.regional_offices import commands

    doc = nlp("Personel Kodam III/Siliwangi dan Kepolisian Resor Sanggau berjaga di Polda Jabar.")
    ents = [Span(doc, 1, 3, label="LOC"), Span(doc, 7, 9, label="PERSON"),
            Span(doc, 11, 13, label="ORG")]
    assert [(e.text, e.label_) for e in commands(doc, ents)] == [
        ("Kodam III/Siliwangi", "ORG"), ("Kepolisian Resor Sanggau", "ORG"),
        ("Polda Jabar", "ORG")]


def test_an_area_written_with_its_administrative_noun_is_a_place() -> None:
    from graph.nlp.regional_offices import untagged_areas

    doc = nlp("Mereka pulang lewat Mae Sot, Provinsi Tak, lalu Kepala Desa Sukamaju Ahmad Yani "
              "datang di 5 Dusun Utama.")
    ents = [Span(doc, 3, 5, label="LOC")]
    assert [(e.text, e.label_) for e in untagged_areas(doc, ents)] == [
        ("Mae Sot", "LOC"), ("Provinsi Tak", "LOC")]
    doc = nlp("Provinsi Jawa Barat juara umum.")  # an area that opens a sentence acts
    assert untagged_areas(doc, []) == []


def test_the_organisation_a_title_heads_is_kept_but_not_a_ministers_field() -> None:
    doc = nlp("Panglima TNI Jenderal Agus Subiyanto dan Menteri ESDM Bahlil Lahadalia hadir.")
    doc.ents = [Span(doc, 1, 2, label="ORG"), Span(doc, 3, 5, label="PERSON"),
                Span(doc, 7, 8, label="ORG"), Span(doc, 8, 10, label="PERSON")]
    assert [(e.text, e.label_) for e, _ in apply_titles(doc)] == [
        ("TNI", "ORG"), ("Agus Subiyanto", "PERSON"), ("Bahlil Lahadalia", "PERSON")]


def test_a_rank_a_branch_and_a_company_tail_are_split_from_the_holder() -> None:
    doc = nlp("Komandan UNIFIL Letnan Jenderal Aroldo Lazaro, Kepala BPJS Kesehatan Cabang Sleman "
              "Yulia Kusumaningrum dan CEO Haneul Pictures Yoon Sangwoo hadir di Kantor Staf "
              "Presiden.")
    doc.ents = [Span(doc, 1, 4, label="ORG"), Span(doc, 4, 6, label="PERSON"),
                Span(doc, 8, 14, label="ORG"), Span(doc, 17, 20, label="PERSON"),
                Span(doc, 22, 25, label="ORG")]
    assert [(e.text, e.label_) for e, _ in apply_titles(doc)] == [
        ("UNIFIL", "ORG"), ("Aroldo Lazaro", "PERSON"), ("BPJS Kesehatan Cabang Sleman", "ORG"),
        ("Yulia Kusumaningrum", "PERSON"), ("Haneul Pictures", "ORG"), ("Yoon Sangwoo", "PERSON"),
        ("Kantor Staf Presiden", "ORG")]


def test_a_surname_with_particles_and_a_person_opening_with_an_acronym() -> None:
    from graph.nlp.titles import missed_holders

    doc = nlp("Dokumen itu disaksikan Presiden Komisi Eropa Ursula von der Leyen. Ia datang.")
    doc.ents = [Span(doc, 4, 6, label="ORG")]
    assert [s.text for s in missed_holders(doc)] == ["Ursula von der Leyen"]
    doc = nlp("Salah satunya LPK Sakura Nusantara di Kecamatan Lawang.")
    doc.ents = [Span(doc, 2, 5, label="PERSON"), Span(doc, 6, 8, label="LOC")]
    assert [(e.text, e.label_) for e, _ in apply_titles(doc)] == [
        ("LPK Sakura Nusantara", "ORG"), ("Kecamatan Lawang", "LOC")]


def test_two_definitions_in_a_row_do_not_run_into_one_long_form() -> None:
    doc = nlp("Kesepakatan antara Persatuan Sepak Bola Seluruh Indonesia (PSSI), dan Kepolisian "
              "Daerah Jawa Barat (Polda Jabar) serta PT Telkom Indonesia (Persero) Tbk (TLKM).")
    pairs = [(long.text, short.text) for long, short in find_abbreviations(doc)]
    assert ("Persatuan Sepak Bola Seluruh Indonesia", "PSSI") in pairs
    assert ("Telkom Indonesia (Persero) Tbk", "TLKM") in pairs
    assert all("PSSI" not in long for long, _ in pairs)


def test_two_organisations_joined_by_dan_and_an_area_named_by_its_noun() -> None:
    doc = nlp("Audit bersama BPJS Kesehatan dan BPKP Perwakilan DIY, Kementerian Koperasi dan UKM "
              "dan warga Kalurahan Sardonoharjo.")
    doc.ents = [Span(doc, 2, 8, label="ORG"), Span(doc, 9, 13, label="ORG"),
                Span(doc, 15, 17, label="PERSON")]
    assert [(e.text, e.label_) for e in map_entities(doc, {"ORG": "ORG", "PERSON": "PERSON"})
            ] == [("BPJS Kesehatan", "ORG"), ("BPKP Perwakilan DIY", "ORG"),
                  ("Kementerian Koperasi dan UKM", "ORG"), ("Kalurahan Sardonoharjo", "LOC")]


def test_a_companys_name_without_its_legal_form_and_its_first_word_name_it_again() -> None:
    from graph.nlp.organisation_names import retyped_short_names
    from graph.nlp.titles import company_names

    doc = nlp("Helix DataWorks Pte Ltd membangun pusat data. Chief Executive Officer Helix "
              "DataWorks Lim Wei Jie mengatakan Helix siap. Paris Hilton Ltd dan Paris Hilton.")
    ents = [Span(doc, 0, 4, label="ORG"), Span(doc, 11, 13, label="PERSON"),
            Span(doc, 13, 16, label="PERSON"), Span(doc, 17, 18, label="PERSON"),
            Span(doc, 20, 23, label="ORG"), Span(doc, 24, 26, label="PERSON")]
    assert company_names(ents) == {("helix", "dataworks"), ("helix",), ("paris", "hilton")}
    doc.ents = ents
    assert [(e.text, e.label_) for e, _ in apply_titles(doc)][1:4] == [
        ("Helix DataWorks", "ORG"), ("Lim Wei Jie", "PERSON"), ("Helix", "ORG")]
    # the one-word mention follows the company, unless a longer person's name holds the word
    ents[1] = Span(doc, 11, 13, label="ORG")
    assert [(e.text, e.label_) for e in retyped_short_names(doc, ents)] == [
        ("Helix DataWorks Pte Ltd", "ORG"), ("Helix DataWorks", "ORG"),
        ("Lim Wei Jie", "PERSON"), ("Helix", "ORG"), ("Paris Hilton Ltd", "ORG"),
        ("Paris Hilton", "PERSON")]
    ents[1] = Span(doc, 11, 13, label="PERSON")  # a person "Helix DataWorks": the word is a name
    assert retyped_short_names(doc, ents)[3].label_ == "PERSON"


def test_a_holder_after_a_place_office_a_numeral_and_an_association_the_model_called_an_event(
        ) -> None:
    from graph.nlp.pipeline import load_pipeline

    shipped = load_pipeline(concepts=False)
    doc = shipped("Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Thailand Chaiwat "
                  "Sirisombat. Kepala Bagian Sekretariat Perusahaan PTPN IV Dedi Pranoto hadir. "
                  "Massa dari Paguyuban Driver Online Jawa Timur (PDOJ) datang.")
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ("Chaiwat Sirisombat", "PERSON") in ents
    assert ("PTPN IV", "ORG") in ents
    assert ("Paguyuban Driver Online Jawa Timur", "ORG") in ents and ("PDOJ", "ORG") in ents


def test_a_surname_the_recogniser_called_a_place_after_an_office() -> None:
    from graph.nlp.titles import missed_holders

    doc = nlp("Kepala Kantor SAR Ambon Mustari Latuconsina mengatakan, tim menyisir perairan "
              "Ambon.")
    doc.ents = [Span(doc, 1, 4, label="ORG"), Span(doc, 5, 6, label="LOC"),
                Span(doc, 12, 13, label="LOC")]
    assert [s.text for s in missed_holders(doc)] == ["Mustari Latuconsina"]


def test_a_regency_board_numbered_ii_is_its_party_and_no_senate() -> None:
    from graph.nlp.regional_offices import board_organisations

    doc = nlp("Ketua DPD II Partai Golkar Kota Pematangsiantar Benny Manurung lega. Sebanyak 21 "
              "dari 33 DPD II telah mendukung.")
    ents = [Span(doc, 1, 3, label="ORG"), Span(doc, 3, 6, label="ORG"),
            Span(doc, 7, 9, label="PERSON"), Span(doc, 15, 17, label="ORG")]
    assert [(e.text, e.label_) for e in board_organisations(doc, ents)] == [
        ("Partai Golkar", "ORG"), ("Kota Pematangsiantar", "LOC"), ("Benny Manurung", "PERSON")]


def test_firms_by_tail_and_partners_and_a_holder_never_right_after_pt() -> None:
    from graph.nlp.organisation_names import firm_names, organisations_by_tail

    doc = nlp("Firma hukum Castellano & Reyes LLP membantu. Partner Merlion Harvest Partners, "
              "Rachel Ong, hadir.")
    found = organisations_by_tail(doc, firm_names(doc, [Span(doc, 4, 6, label="PERSON")]))
    assert [(e.text, e.label_) for e in found] == [
        ("Castellano & Reyes LLP", "ORG"), ("Merlion Harvest Partners", "ORG")]
    doc = nlp("Presiden Direktur PT Hanseong Energi Indonesia Park Jihoon hadir. Hanseong untung.")
    doc.ents = [Span(doc, 2, 6, label="ORG"), Span(doc, 6, 8, label="PERSON"),
                Span(doc, 10, 11, label="PERSON")]
    assert [(e.text, e.label_) for e, _ in apply_titles(doc)][:2] == [
        ("PT Hanseong Energi Indonesia", "ORG"), ("Park Jihoon", "PERSON")]


def test_a_known_organisation_of_two_words_opens_a_holders_span() -> None:
    doc = nlp("Analis Morgan Stanley Priya Raghunathan menilai investor senang. Dra. Endang Sri "
              "Rahayuningsih dituntut.")
    doc.ents = [Span(doc, 1, 5, label="PERSON"), Span(doc, 9, 13, label="PERSON")]
    assert [(e.text, e.label_) for e, _ in apply_titles(doc)] == [
        ("Morgan Stanley", "ORG"), ("Priya Raghunathan", "PERSON"),
        ("Endang Sri Rahayuningsih", "PERSON")]


def test_a_known_place_after_an_area_and_a_comma_is_its_place() -> None:
    from graph.nlp.pipeline import load_pipeline

    shipped = load_pipeline(concepts=False)  # the clause: tests/test_gazetteer.py
    doc = shipped("Tim menyisir Desa Ngawen, Blora, sejak pagi.")
    assert ("Blora", "LOC") in [(e.text, e.label_) for e in doc.ents]


def test_a_role_ends_where_another_begins_and_names_joined_by_an_ampersand_are_one() -> None:
    from graph.nlp.organisation_names import organisations_by_tail
    from graph.nlp.titles import role_holders

    doc = nlp("Festival dibuka Bupati Samosir Parulian Sidabutar dan Direktur Utama BPODT.")
    assert [s.text for s in role_holders(doc)] == ["Parulian Sidabutar"]
    doc = nlp("Uji klinis itu didanai Bill & Melinda Gates Foundation.")
    assert [e.text for e in organisations_by_tail(doc, [])] == ["Bill & Melinda Gates Foundation"]


def test_a_german_legal_form_closes_its_sentence() -> None:
    from graph.nlp.pipeline import load_pipeline

    shipped = load_pipeline(concepts=False)
    doc = shipped("Obat itu dikembangkan Albrecht Pharma GmbH. Uji klinis dipusatkan di Surabaya.")
    assert [s[0].text for s in doc.sents] == ["Obat", "Uji"]
    assert ("Albrecht Pharma GmbH", "ORG") in [(e.text, e.label_) for e in doc.ents]


def test_units_numbered_with_a_slash_and_bases_are_organisations_or_places() -> None:
    from graph.nlp.regional_offices import commands

    doc = nlp("Prajurit Batalyon Infanteri 762/Vira Yudha Sakti dan Komandan Korem 173/Praja Vira "
              "Braja Brigjen Frans hadir. Komandan Koramil 1408-05/Mamajang Kapten Inf Syamsul "
              "Rijal dan drone di Lanud Supadio.")
    ents = [Span(doc, 2, 6, label="ORG"), Span(doc, 10, 14, label="ORG"),
            Span(doc, 34, 36, label="ORG")]
    assert [(e.text, e.label_) for e in commands(doc, ents)] == [
        ("Batalyon Infanteri 762/Vira Yudha Sakti", "ORG"),
        ("Korem 173/Praja Vira Braja", "ORG"), ("Koramil 1408-05/Mamajang", "ORG"),
        ("Lanud Supadio", "LOC")]


def test_a_units_field_after_a_title_is_the_roles_not_the_commands() -> None:
    from graph.nlp.regional_offices import commands

    doc = nlp("Direktur Reserse Siber Polda Sulsel Kombes Andi. Direktorat Reserse Siber Polda "
              "Sulsel menangkap dua orang.")
    ents = [Span(doc, 1, 5, label="ORG"), Span(doc, 8, 13, label="ORG")]
    assert [e.text for e in commands(doc, ents)] == ["Polda Sulsel", "Polda Sulsel"]


def test_an_area_named_again_without_its_noun_is_a_place() -> None:
    from graph.nlp.regional_offices import places_named_again

    doc = nlp("Smelter di Kecamatan Bahodopi meledak. Pengawas dikirim ke Bahodopi. Bahodopi "
              "Raya tutup.")
    ents = [Span(doc, 2, 4, label="LOC")]
    assert [e.text for e in places_named_again(doc, ents)] == ["Kecamatan Bahodopi", "Bahodopi"]


def test_a_company_tail_lengthens_its_name_over_the_words_left_out_before_it() -> None:
    from graph.nlp.organisation_names import organisations_by_tail

    doc = nlp("Mereka bekerja di kompleks milik Golden Bay Group. Direktur Utama PT Baja Tbk "
              "hadir.")
    ents = [Span(doc, 6, 8, label="ORG"), Span(doc, 11, 14, label="ORG")]
    assert [e.text for e in organisations_by_tail(doc, ents)] == [
        "Golden Bay Group", "PT Baja Tbk"]


def test_a_short_form_keeping_the_long_forms_last_words_is_one_name_wherever_written() -> None:
    from graph.nlp.abbreviations import entities_with_definitions

    doc = nlp("Guru di Yayasan Pendidikan Islam Nurul Ilmi (YPI Nurul Ilmi) protes. Ketua YPI "
              "Nurul Ilmi Andi Syahrir hadir.")
    pairs = find_abbreviations(doc)
    assert [(lf.text, sf.text) for lf, sf in pairs] == [
        ("Yayasan Pendidikan Islam Nurul Ilmi", "YPI Nurul Ilmi")]
    doc.ents = [Span(doc, 2, 7, label="ORG"), Span(doc, 8, 9, label="ORG"),
                Span(doc, 9, 11, label="PERSON"), Span(doc, 15, 16, label="ORG"),
                Span(doc, 16, 20, label="PERSON")]
    assert [(e.text, e.label_) for e in entities_with_definitions(doc, pairs)] == [
        ("Yayasan Pendidikan Islam Nurul Ilmi", "ORG"), ("YPI Nurul Ilmi", "ORG"),
        ("YPI Nurul Ilmi", "ORG"), ("Andi Syahrir", "PERSON")]


def test_a_holders_first_name_left_at_the_end_of_the_office_joins_the_holder() -> None:
    from graph.nlp.person_names import first_names_in_offices

    doc = nlp("Kepala SMA Negeri 3 Semarang Sri Endah Lestari menyatakan siap. Rektor Universitas "
              "Gadjah Mada Ova Emilia hadir.")
    ents = [Span(doc, 1, 6, label="ORG"), Span(doc, 6, 8, label="LOC"),
            Span(doc, 12, 15, label="ORG"), Span(doc, 15, 17, label="PERSON")]
    assert [(e.text, e.label_) for e in first_names_in_offices(doc, ents, set())] == [
        ("SMA Negeri 3 Semarang", "ORG"), ("Sri Endah Lestari", "PERSON"),
        ("Universitas Gadjah Mada", "ORG"), ("Ova Emilia", "PERSON")]


def test_ranks_offices_places_and_holders_in_the_shipped_pipeline() -> None:
    from graph.nlp.pipeline import load_pipeline

    shipped = load_pipeline(concepts=False)

    def ents(text: str) -> list[tuple[str, str]]:
        return [(e.text, e.label_) for e in shipped(text).ents]

    assert ("Rizky Aditya Pratama", "PERSON") in ents(
        "Seorang rekannya, Prada Rizky Aditya Pratama, mengalami luka tembak di lengan kiri.")
    assert ("Matthew Hollingsworth", "PERSON") in ents(
        "Delegasi Australia dipimpin Commodore Matthew Hollingsworth, komandan gugus tugas.")
    found = ents("Acara itu dihadiri Komandan Lanud Sultan Hasanuddin Marsma Eko Yulianto, dan "
                 "Komandan Pangkalan Utama TNI AL VI (Lantamal VI) Laksamana Pertama Hendra "
                 "Gunawan.")
    assert ("Eko Yulianto", "PERSON") in found and not any("," in text for text, _ in found)
    assert ("Kemal Arslanoğlu", "PERSON") in ents(
        "Sjafrie menerima Menteri Pertahanan Nasional Turki Kemal Arslanoğlu di Jakarta.")
    assert ("Jakarta", "LOC") in ents("Ia bertemu Menteri Pertahanan di Jakarta pekan lalu.")
    assert ("Jeddah", "LOC") not in ents(
        "Konsul Jenderal RI di Jeddah, Muhammad Hafizh, mengatakan jemaah aman.")
    assert ents("Sering hujan mungkin itu penyebab orang malas kemari.") == []
    found = ents("Puluhan guru mendatangi Kantor Wilayah Kementerian Agama Sulawesi Selatan. "
                 "Kami bertemu pengelola hunian di Universiteit Leiden dan Universiteit Utrecht.")
    assert ("Kantor Wilayah Kementerian Agama Sulawesi Selatan", "ORG") in found
    assert ("Universiteit Leiden", "ORG") in found and ("Universiteit Utrecht", "ORG") in found


def test_an_organisations_indonesian_branch_and_a_departments_english_name() -> None:
    from graph.nlp.labels import tidy_span
    from graph.nlp.organisation_names import national_branches

    doc = nlp("Area Manager Communication, Relations & CSR Pertamina hadir.")
    assert tidy_span(Span(doc, 2, 3, label="ORG")) is None
    assert tidy_span(Span(doc, 4, 5, label="ORG")) is None
    doc = nlp("Kajian WWF Indonesia dan KONI Pusat serta Bank Indonesia Jakarta.")
    ents = [Span(doc, 1, 2, label="ORG"), Span(doc, 2, 3, label="LOC"),
            Span(doc, 4, 5, label="ORG"), Span(doc, 7, 9, label="ORG"),
            Span(doc, 9, 10, label="LOC")]
    assert [(e.text, e.label_) for e in national_branches(doc, ents)] == [
        ("WWF Indonesia", "ORG"), ("KONI Pusat", "ORG"), ("Bank Indonesia", "ORG"),
        ("Jakarta", "LOC")]


def test_foreign_ranks_honorifics_and_institutions_defined_by_their_short_form() -> None:
    found = _shipped_entities(
        "Juru bicara Australian Border Force (ABF) Commander Nathan Briggs menyebut perahu itu "
        "ditahan. Bersama Rebecca Thornton dari Australian National University (ANU) di "
        "Canberra, ia meneliti hutan. \"Saya mau seperti Kak Kevin,\" ucap Yosua.")
    assert ("Nathan Briggs", "PERSON") in found and ("Kevin", "PERSON") in found
    assert ("Australian National University", "ORG") in found and ("ANU", "ORG") in found


def test_a_month_after_a_place_is_a_date_not_a_name() -> None:
    found = _shipped_entities(
        "Timor-Leste resmi menjadi anggota ASEAN pada KTT ASEAN ke-47 di Kuala Lumpur Oktober "
        "mendatang. Menteri Kehutanan Raja Juli Antoni menegaskan izin itu dicabut.")
    assert ("Kuala Lumpur", "LOC") in found
    assert not any("Oktober" in text for text, _ in found)
    assert any(label == "PERSON" and "Juli Antoni" in text for text, label in found)


def test_holders_after_a_hyphenated_country_and_with_surname_particles() -> None:
    from graph.nlp.titles import name_keys, name_words

    assert name_words("Timor-Leste") == ["Timor", "-", "Leste"]
    assert name_words("Kim Jong-un") == ["Kim", "Jong-un"]
    assert name_keys("Go-Jek") == {("go-jek",), ("go", "-", "jek")}  # a token, or three
    found = _shipped_entities(
        "Menteri Luar Negeri dan Kerja Sama Timor-Leste Bendito dos Santos Freitas akan hadir. "
        "Duta Besar RI untuk Timor-Leste Antonius Lelo Bere menilai, peluang terbuka. Hal itu "
        "disampaikan CEO Go-Jek Nadiem Makarim di Jakarta.")
    assert ("Go-Jek", "ORG") in found and ("Nadiem Makarim", "PERSON") in found
    assert ("Bendito dos Santos Freitas", "PERSON") in found
    assert ("Antonius Lelo Bere", "PERSON") in found
    assert not any("Leste" in text and label == "PERSON" for text, label in found)


def test_lower_case_words_between_dan_and_a_second_name_split_the_span() -> None:
    from graph.nlp.labels import split_coordinated

    doc = nlp("dari Kementerian Keuangan dan alokasi dana desa Pemerintah Kabupaten Ogan Komering "
              "Ilir tahun ini")
    parts = split_coordinated(Span(doc, 1, 12, label="ORG"))
    assert [p.text for p in parts] == ["Kementerian Keuangan",
                                       "Pemerintah Kabupaten Ogan Komering Ilir"]
    doc = nlp("Dinas Pendidikan dan kebudayaan Kota Kupang")  # one small word: left whole
    assert len(split_coordinated(Span(doc, 0, 6, label="ORG"))) == 1


def test_branch_regions_honorifics_and_ranks_inside_an_office_span() -> None:
    found = _shipped_entities(
        "Kepala Bidang Penyelenggaraan Haji dan Umrah Kanwil Kemenag Jatim Sugianto Wibisono "
        "menyebut jemaah sehat. Ketua Baznas Jatim K.H. Abdul Mun'im Syakur mengatakan, dana "
        "cair. Komandan Lanal Lhokseumawe Kolonel Laut (P) Teuku Fadhil Mahmud menyebutkan, "
        "kapal dikerahkan. JPU Rahmawati Lubis menuntut terdakwa.")
    assert ("Kanwil Kemenag Jatim", "ORG") in found and ("Sugianto Wibisono", "PERSON") in found
    assert ("Baznas Jatim", "ORG") in found and ("Abdul Mun'im Syakur", "PERSON") in found
    assert ("Lanal Lhokseumawe", "ORG") in found and ("Teuku Fadhil Mahmud", "PERSON") in found
    assert ("Rahmawati Lubis", "PERSON") in found


def test_a_language_is_no_place_and_a_unit_number_no_balinese_name() -> None:
    from graph.nlp.labels import tidy_span, without_languages

    doc = nlp("Ia mengajar bahasa Inggris. Ketua Komisi I Natan Logo dan I Wayan Koster hadir.")
    assert without_languages([Span(doc, 3, 4, label="LOC")]) == []
    assert tidy_span(Span(doc, 7, 10, label="PERSON")).text == "Natan Logo"
    assert tidy_span(Span(doc, 11, 14, label="PERSON")).text == "I Wayan Koster"


def test_names_the_article_completes_elsewhere() -> None:
    found = _shipped_entities(
        "Ketua DPRD dari Fraksi Partai Demokrasi Indonesia Perjuangan Theresia Maria Kamuyen "
        "menambahkan, kapal itu kosong. \"Itu janji,\" ujar Theresia. Ketua Sinode Pendeta "
        "Yakobus Magai berharap beasiswa berlanjut. Salah satu penonton, Putri Maharani (22), "
        "datang dari Bekasi. PSMS ingin bermarkas di Stadion Teladan. \"Kami berharap renovasi "
        "Teladan selesai,\" kata Fadli.")
    assert ("Theresia Maria Kamuyen", "PERSON") in found
    assert ("Yakobus Magai", "PERSON") in found and ("Putri Maharani", "PERSON") in found
    assert [label for text, label in found if text == "Teladan"] == ["LOC"]


def test_one_sense_per_article_for_people_and_places() -> None:
    from graph.nlp.person_names import (
        common_words_opening_sentences,
        places_tagged_as_people,
        retyped_names,
    )

    doc = nlp("Tendangan Bruno Tavares masuk. Bruno dan kawan-kawan senang.")
    ents = [Span(doc, 1, 3, label="ORG"), Span(doc, 5, 6, label="PERSON")]
    assert [(e.text, e.label_) for e in retyped_names(doc, ents)] == [
        ("Bruno Tavares", "PERSON"), ("Bruno", "PERSON")]
    doc = nlp("Pos itu berbatasan dengan Oecusse. Jalur darat ke Oecusse pendek.")
    ents = [Span(doc, 4, 5, label="PERSON"), Span(doc, 9, 10, label="LOC")]
    assert [e.label_ for e in places_tagged_as_people(doc, ents)] == ["LOC", "LOC"]
    doc = nlp("Trauma pada anak tidak kelihatan. Akbar mengatakan itu.")
    ents = [Span(doc, 0, 1, label="PERSON"), Span(doc, 6, 7, label="PERSON")]
    assert [e.text for e in common_words_opening_sentences(doc, ents)] == ["Akbar"]


def test_defined_church_bodies_customs_offices_and_kind_named_companies() -> None:
    found = _shipped_entities(
        "Ketua Sinode Gereja Protestan Maluku (GPM) hadir di Ambon. Sengketa dibawa ke Lembaga "
        "Alternatif Penyelesaian Sengketa Sektor Jasa Keuangan (LAPS SJK). Kapal patroli Bea "
        "Cukai Dumai membayangi speedboat itu. Penerbangan maskapai Khatulistiwa Air yang "
        "dijadwalkan pagi tertunda. Selain Khatulistiwa Air, penerbangan lain juga telat.")
    assert ("Gereja Protestan Maluku", "ORG") in found and ("GPM", "ORG") in found
    assert ("LAPS SJK", "ORG") in found and ("Bea Cukai Dumai", "ORG") in found
    assert [label for text, label in found if text == "Khatulistiwa Air"] == ["ORG", "ORG"]


def test_commissions_river_places_origins_and_programme_acronyms() -> None:
    text = ("Rapat Komisi VI Dewan Perwakilan Rakyat membahas Embaloh Hilir dan warga asal "
            "Utrecht, dana BLT serta APBD Perubahan 2025 dan Papua Defence Force.")
    assert _mapped(text, [("Komisi VI Dewan Perwakilan Rakyat", "ORG"),
                          ("Embaloh Hilir", "PER"), ("Utrecht", "ORG"), ("BLT", "ORG"),
                          ("APBD Perubahan 2025", "ORG"), ("Papua Defence Force", "LOC")]) == [
        ("Dewan Perwakilan Rakyat", "ORG"), ("Embaloh Hilir", "LOC"), ("Utrecht", "LOC"),
        ("Papua Defence Force", "ORG")]


def test_rivals_from_countries_roles_only_people_hold_and_clergy() -> None:
    found = _shipped_entities(
        "Nomor itu dimenangi atlet Jepang Mizuki Tanabe, disusul Wu Yanting dari China dan Olga "
        "Petrenko dari Kazakhstan. Medali perunggu jatuh ke sprinter China, Chen Haoran. Di "
        "belakangnya ada Andrés Felipe Mosquera dari Kolombia. Ketua majelis hakim Putu Gede "
        "Arsana membacakan putusan. Ketua Sinode Pdt Robinson Simanjuntak mengatakan umat siap. "
        "Perusahaan itu mengantongi HGU sejak 2010.")
    for name in ("Mizuki Tanabe", "Wu Yanting", "Olga Petrenko", "Chen Haoran",
                 "Andrés Felipe Mosquera", "Putu Gede Arsana", "Robinson Simanjuntak"):
        assert (name, "PERSON") in found
    assert ("Jepang", "LOC") in found and ("China", "LOC") in found  # a rival's country
    assert not any(text == "HGU" for text, _ in found)


def test_foreign_parties_are_known_and_religious_holidays_no_entities() -> None:
    found = _shipped_entities(
        "Merz memimpin koalisi yang unggul atas AfD dan SPD di Bundestag. Di Malaysia, Pakatan "
        "Harapan bersaing dengan Barisan Nasional. Umat Hindu merayakan Nyepi dengan tenang.")
    for name in ("AfD", "SPD", "Bundestag", "Pakatan Harapan", "Barisan Nasional"):
        assert (name, "ORG") in found
    assert not any(text == "Nyepi" for text, _ in found)  # a holiday: no entity


def test_firms_with_dan_rekan_offices_cut_at_dan_and_areas_named_by_facilities() -> None:
    found = _shipped_entities(
        "Laporan keuangan diaudit KAP Purnomo, Susanto dan Rekan. Perusahaan melapor ke Polda "
        "Kalbar dan Direktorat Jenderal Mineral dan Batubara. Antrean kapal di Pelabuhan "
        "Belawan, Kecamatan Medan Belawan, memanjang. Menurut Rudolf, KSOP Belawan telah "
        "menyurati Pelindo. Ia mengingatkan, Belawan merupakan gerbang ekspor.")
    assert ("KAP Purnomo, Susanto dan Rekan", "ORG") in found
    assert ("Direktorat Jenderal Mineral dan Batubara", "ORG") in found
    assert ("KSOP Belawan", "ORG") in found and ("Belawan", "LOC") in found
    assert not any(label == "PERSON" and "Belawan" in text for text, label in found)


def test_regional_short_forms_village_heads_and_initials_named_like_agencies() -> None:
    found = _shipped_entities(
        "Kepala Dinas Pemuda dan Olahraga Provinsi Jawa Barat (Dispora Jabar) Asep Sukmana "
        "mengatakan dana itu cukup. Dinas Perhubungan Kabupaten Batang (Dishub Batang) memeriksa "
        "bus itu. Kepala Dishub Batang Tri Haryanto menjelaskan hasilnya. Polisi menetapkan "
        "koordinator juru parkir berinisial AP sebagai tersangka.")
    assert ("Dispora Jabar", "ORG") in found and ("Asep Sukmana", "PERSON") in found
    assert found.count(("Dishub Batang", "ORG")) == 2 and ("Tri Haryanto", "PERSON") in found
    assert ("AP", "PERSON") in found  # initials, not the news agency


def test_a_village_head_named_again_is_split_from_the_village() -> None:
    from spacy.tokens import Span

    doc = spacy.blank("id")("Kepala Desa Sembalun Bumbung Sahrul Anwar menambahkan. Sembalun "
                            "sejuk. Kata Sahrul.")
    doc.ents = [Span(doc, 1, 6, "LOC"), Span(doc, 8, 9, "LOC"), Span(doc, 12, 13, "PERSON")]
    pairs = [(s.text, s.label_, r) for s, r in apply_titles(doc)]
    assert ("Sahrul Anwar", "PERSON", "Kepala Desa Sembalun Bumbung") in pairs
    assert not any("Sahrul" in text and label == "LOC" for text, label, _ in pairs)


def test_terms_commissions_sport_weeks_and_road_points_are_no_organisations() -> None:
    found = _shipped_entities(
        "BPK memberikan opini WTP kepada Pemkab Sidoarjo. Sertifikat Indonesian Sustainable Palm "
        "Oil (ISPO) wajib bagi kebun. Anggota Komisi E dari Fraksi Partai NasDem, Andi Nurul, "
        "menolak. Atlet itu meraih medali di Porprov Jatim 2025. Bus terguling di Tol "
        "Batang-Semarang Kilometer 342, Desa Kenconorejo.")
    texts = {text for text, _ in found}
    assert not texts & {"WTP", "ISPO", "Indonesian Sustainable Palm Oil", "Komisi E"}
    assert ("Porprov Jatim 2025", "EVENT") in found
    assert ("Tol Batang-Semarang", "LOC") in found


def test_outlet_desks_carmakers_and_facilities_named_after_honoured_people() -> None:
    found = _shipped_entities(
        '"Kami siap," kata Budi kepada detikJatim, Senin. Wuling Motors meluncurkan mobil di '
        "Jakarta. Korban dibawa ke RSUD Tgk. Chik Ditiro di Sigli.")
    assert ("detikJatim", "ORG") in found and ("Wuling Motors", "ORG") in found
    assert ("RSUD Tgk. Chik Ditiro", "LOC") in found


def test_a_village_enterprise_acronym_names_one_only_with_its_name() -> None:
    found = _shipped_entities(
        "Sejak dikelola BUMDes Lurik Sejahtera, kain itu rutin dikirim ke Jepang. Sekarang "
        "BUMDes yang membeli kain secara tunai dari perajin.")
    assert ("BUMDes Lurik Sejahtera", "ORG") in found
    assert not any(text == "BUMDes" for text, _ in found)


def test_a_defined_name_does_not_take_the_common_words_before_it() -> None:
    found = _shipped_entities(
        "Rapat paripurna Dewan Perwakilan Rakyat Daerah Sulawesi Selatan (DPRD Sulsel) digelar "
        "Senin. Menurut PT Bank Negara Indonesia (BNI), laba naik.")
    assert ("Dewan Perwakilan Rakyat Daerah Sulawesi Selatan", "ORG") in found
    assert ("PT Bank Negara Indonesia", "ORG") in found
    assert not any(text.startswith("Rapat") for text, _ in found)


def test_initials_and_names_after_a_rank_are_people() -> None:
    found = _shipped_entities(
        "Ketiganya, yakni Briptu AR, Bripda MFS, dan Bripda RH, dinyatakan bersalah. Polda NTT "
        "memberhentikan seorang perwira, Ipda Yohanes Benu Seran, kemarin. Yohanes menerima "
        'dana itu. "Jangan berhenti di Yohanes," kata pengacara korban.')
    for initials in ("AR", "MFS", "RH"):
        assert (initials, "PERSON") in found
    assert ("Yohanes Benu Seran", "PERSON") in found
    assert ("Yohanes", "PERSON") in found  # a rank stands before a person, not a place


def test_units_couriers_shops_and_social_security_terms() -> None:
    found = _shipped_entities(
        "Manajer PLN Unit Induk Distribusi Sulselrabar Andi Rahman mengatakan listrik padam. "
        "Pesanan lewat TikTok Shop dan KCN Express naik. Klaim JHT melonjak sejak Januari.")
    assert ("PLN Unit Induk Distribusi Sulselrabar", "ORG") in found
    assert ("Andi Rahman", "PERSON") in found
    assert ("TikTok Shop", "ORG") in found and ("KCN Express", "ORG") in found
    assert not any(text == "JHT" for text, _ in found)


def test_a_holder_after_a_village_the_recogniser_cut_keeps_his_name() -> None:
    found = _shipped_entities(
        "Salah satu sentra adalah Nagari Pandai Sikek, Kecamatan X Koto. Wali Nagari Pandai "
        "Sikek Afrizal Syukri menuturkan, koperasi itu mendapat modal.")
    assert ("Afrizal Syukri", "PERSON") in found
    assert not any(label == "PERSON" and "Sikek" in text for text, label in found)


def test_muhammadiyah_boards_agencies_and_livestock_diseases() -> None:
    found = _shipped_entities(
        "Ketua Pimpinan Daerah Muhammadiyah Jember Ahmad Zaki menolak. Sekretaris Pimpinan "
        "Daerah Muhammadiyah Kabupaten Bekasi hadir. Sampel dikirim ke Balai Besar Veteriner "
        "Wates (BBVet Wates). Wabah ASF dan PMK meluas.")
    assert found.count(("Muhammadiyah", "ORG")) == 2 and ("Kabupaten Bekasi", "LOC") in found
    assert ("Ahmad Zaki", "PERSON") in found
    assert ("Balai Besar Veteriner Wates", "ORG") in found and ("BBVet Wates", "ORG") in found
    assert not {text for text, _ in found} & {"ASF", "PMK", "Jember"}


def test_detention_centres_are_agencies_and_ranked_names_take_their_surnames() -> None:
    found = _shipped_entities(
        "Mereka ditahan di Rumah Detensi Imigrasi Denpasar (Rudenim Denpasar) di Jimbaran. "
        "Kepala Rudenim Denpasar Gede Suryawan Putra menyebut biaya tiket mahal. Polda NTT "
        "memberhentikan seorang perwira pertama, Ipda Yohanes Benu Seran, setelah sidang.")
    assert ("Rumah Detensi Imigrasi Denpasar", "ORG") in found
    assert found.count(("Rudenim Denpasar", "ORG")) == 2
    assert ("Gede Suryawan Putra", "PERSON") in found
    assert ("Yohanes Benu Seran", "PERSON") in found


def test_an_office_name_listing_its_fields_is_one_organisation() -> None:
    found = _shipped_entities(
        "Menurut dia, hal itu sudah dibahas dengan pihak terkait. Kepala Dinas Pemberdayaan "
        "Perempuan, Perlindungan Anak, Pengendalian Penduduk, dan Keluarga Berencana NTB "
        "(DP3AP2KB NTB) Rahmawati Ningsih mengatakan data itu benar. Kepala Dinas Perumahan "
        "Rakyat, Kawasan Permukiman dan Cipta Karya Provinsi Jawa Timur Budi Santoso mengatakan "
        "rumah itu akan segera diperbaiki oleh pemerintah.")
    assert ("Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk, dan "
            "Keluarga Berencana NTB", "ORG") in found
    assert ("DP3AP2KB NTB", "ORG") in found and ("Rahmawati Ningsih", "PERSON") in found
    assert ("Dinas Perumahan Rakyat, Kawasan Permukiman dan Cipta Karya Provinsi Jawa Timur",
            "ORG") in found
    assert ("Budi Santoso", "PERSON") in found


def test_a_list_of_organisations_is_not_one_office() -> None:
    found = _shipped_entities(
        "Rapat itu dihadiri Kementerian Ketenagakerjaan, dan BPJS Ketenagakerjaan, serta wakil "
        "buruh dari berbagai daerah, kata dia kepada wartawan.")
    assert not any("," in text for text, _ in found)


def test_streets_named_after_ranked_people_and_foreign_legal_forms() -> None:
    found = _shipped_entities(
        "Kamera baru dipasang di dekat terminal dan di ruas Jalan Mayjen Sungkono, Surabaya, "
        "kata dia kepada wartawan. Koperasi itu menjalin kontrak dengan produsen cokelat asal "
        "Swiss, Chocolaterie Brunner SA. Biji kakao dikirim ke Belanda untuk Van Houtem Cacao "
        "BV, pembeli yang mereka temui. Nelayan berlayar ke Kepulauan Hoang Sa tahun lalu.")
    assert ("Jalan Mayjen Sungkono", "LOC") in found
    assert ("Chocolaterie Brunner SA", "ORG") in found
    assert ("Van Houtem Cacao BV", "ORG") in found
    assert ("Kepulauan Hoang Sa", "LOC") in found


def test_a_company_before_its_head_and_a_holder_after_a_comma() -> None:
    found = _shipped_entities(
        "Presiden Direktur Sapudi Offshore Ltd Kim Jae-won mengatakan pengeboran dimulai tahun "
        "depan. Direktur Utama PT Pertamina Patra Niaga, Riva Siahaan, mengatakan stok aman. "
        "Hal itu disampaikan dalam rapat kemarin. Direktur Utama PT Sumekar Migas Abadi Moh. "
        "Ramli Hasbullah menambahkan, pihaknya meminta operator membuka data.")
    assert ("Sapudi Offshore Ltd", "ORG") in found and ("Kim Jae-won", "PERSON") in found
    assert ("PT Pertamina Patra Niaga", "ORG") in found and ("Riva Siahaan", "PERSON") in found
    assert ("PT Sumekar Migas Abadi", "ORG") in found
    assert ("Moh. Ramli Hasbullah", "PERSON") in found


def test_a_person_named_by_her_own_name_after_her_father_s() -> None:
    found = _shipped_entities(
        "Keluarga Siti Maryam binti Muhammad Saleh (38), pekerja migran asal Lombok Timur, masih "
        "menunggu kabar. Maryam berangkat ke Jeddah pada 2016. Setiap pekan staf kami menjenguk "
        "Maryam di penjara.")
    assert found.count(("Maryam", "PERSON")) == 2


def test_units_terms_broadcasters_and_regional_agencies() -> None:
    found = _shipped_entities(
        "Suhu mencapai 34 derajat Celsius di kota itu. Pedagang dibayar lewat QRIS. Cadangan "
        "gas 2,1 TCF. Lembaga penyiaran Butta TV dievaluasi. Petugas Damkar Binjai tiba pukul "
        "03.00 WIB. "
        "Kepala BKPSDM Solok Selatan Desmawati hadir di Sumsel Digital Fest 2025.")
    assert not {text for text, _ in found} & {"Celsius", "QRIS", "TCF"}
    assert ("Butta TV", "ORG") in found and ("Damkar Binjai", "ORG") in found
    assert ("BKPSDM Solok Selatan", "ORG") in found and ("Desmawati", "PERSON") in found
    assert ("Sumsel Digital Fest 2025", "EVENT") in found


def test_a_sentence_tagged_as_a_person_is_dropped() -> None:
    from graph.nlp.labels import tidy_span
    doc = nlp.make_doc('"Now we need to bring in new inventory from Busan," kata Budi bin Salman.')
    sentence = Span(doc, 1, 11, label="PERSON")
    assert sentence.text == "Now we need to bring in new inventory from Busan"
    assert tidy_span(sentence) is None
    assert tidy_span(Span(doc, 14, 17, label="PERSON")).text == "Budi bin Salman"


def test_observatories_are_places_and_a_regency_s_coast_is_the_regency() -> None:
    found = _shipped_entities(
        "Teleskop itu dipasang di Observatorium Nasional Timau, Kabupaten Kupang, kata dia. Sumur "
        "itu berada di lepas pantai Kabupaten Kutai Kartanegara dan dekat selat Sunda.")
    assert ("Observatorium Nasional Timau", "LOC") in found
    assert ("Kabupaten Kutai Kartanegara", "LOC") in found and ("selat Sunda", "LOC") in found


def test_a_tax_defined_in_the_article_is_no_organisation() -> None:
    found = _shipped_entities(
        "Warga memprotes kenaikan Pajak Bumi dan Bangunan Perdesaan dan Perkotaan (PBB-P2) hingga "
        "300 persen. Tagihan PBB warga melonjak, kata koordinator aksi. Bupati berjanji merevisi "
        "PBB-P2 tahun ini. Koperasi menggandeng PT Jaminan Kredit Indonesia (Jamkrindo) untuk "
        "penjaminan kredit anggota.")
    assert not any("PBB" in text or "Pajak" in text for text, _ in found)
    assert ("Jamkrindo", "ORG") in found


def test_weather_stations_farmer_groups_and_climate_patterns() -> None:
    found = _shipped_entities(
        "Cuaca buruk mengganggu penerbangan. Stasiun Meteorologi Kualanamu mencatat jarak pandang "
        "turun akibat La Nina. Kereta tiba di Stasiun Gambir. Pupuk dibagikan kepada Gapoktan "
        "Maju Bersama di Desa Sei Rotan, kata ketua Gapoktan itu.")
    assert ("Stasiun Meteorologi Kualanamu", "ORG") in found
    assert ("Stasiun Gambir", "LOC") in found
    assert ("Gapoktan Maju Bersama", "ORG") in found
    assert not {text for text, _ in found} & {"La Nina", "Gapoktan"}


def test_court_titles_corps_and_a_place_inside_a_complex() -> None:
    found = _shipped_entities(
        "Gunungan dibawa dari Keraton Yogyakarta. Sri Sultan Hamengku Buwono X hadir bersama GKR "
        "Mangkubumi dan KGPAA Paku Alam X. Warga mendirikan pos darurat. Danramil Lolayan Kapten "
        "Inf Hendrik Mamonto menyebut prajurit membuka jalur. Acara digelar di kompleks RSUD dr. "
        "Soetomo, Surabaya.")
    assert ("Hamengku Buwono X", "PERSON") in found and ("Mangkubumi", "PERSON") in found
    assert ("Hendrik Mamonto", "PERSON") in found
    assert ("RSUD dr. Soetomo", "LOC") in found


def test_a_branch_abroad_is_its_organisation() -> None:
    found = _shipped_entities(
        "Musyawarah itu dihadiri Pimpinan Cabang Istimewa Muhammadiyah Malaysia dan Pimpinan "
        "Wilayah Muhammadiyah Sulawesi Selatan, kata panitia kepada wartawan.")
    assert found.count(("Muhammadiyah", "ORG")) == 2
    assert not any("Istimewa" in text for text, _ in found)


def test_a_regency_s_agency_keeps_its_regency() -> None:
    found = _shipped_entities(
        "Bupati Solok Selatan melantik pejabat baru di Padang Aro. Hendra mengakui telah meminta "
        "BKPSDM Solok Selatan menyiapkan peta kinerja pejabat. Kepala BKPSDM Zulkarnain Rasyid "
        "menyebut 23 jabatan kosong.")
    assert ("BKPSDM Solok Selatan", "ORG") in found


def test_degrees_wards_and_district_offices() -> None:
    found = _shipped_entities(
        "Direktur RSUD itu, dr. Andi Rahman, MARS, mengatakan ruang ICU penuh dan pasien dirawat "
        "di IGD. Kejari Gowa menahan seorang penghulu di KUA Kecamatan Pallangga, Kabupaten Gowa. "
        "Laporan itu diterima Panwascam Somba Opu pada pekan lalu, kata dia. Ia datang ke KUA "
        "Senin (12/5/2025).")
    assert ("Andi Rahman", "PERSON") in found
    assert not {text for text, _ in found} & {"MARS", "ICU", "IGD"}
    assert ("KUA Kecamatan Pallangga", "ORG") in found
    assert ("Panwascam Somba Opu", "ORG") in found
    assert not any(text.startswith("KUA Senin") for text, _ in found)


def test_branches_buildings_and_slashed_ministries() -> None:
    found = _shipped_entities(
        "Api dipadamkan, kata Kepala Manggala Agni Daops Pontianak Yosef Alexander Tamba kepada "
        "wartawan. Menurut Kementerian Investasi dan Hilirisasi/Badan Koordinasi Penanaman "
        "Modal (BKPM), investasi naik. Kantor pindah dari Gedung Cyber 2 di Jalan Rasuna Said.")
    assert ("Manggala Agni Daops Pontianak", "ORG") in found
    assert ("Yosef Alexander Tamba", "PERSON") in found
    assert ("Gedung Cyber 2", "LOC") in found
    assert ("Kementerian Investasi dan Hilirisasi", "ORG") in found
    assert ("Badan Koordinasi Penanaman Modal", "ORG") in found and ("BKPM", "ORG") in found


def test_amounts_after_places_and_a_balinese_name_after_an_office() -> None:
    found = _shipped_entities(
        "Luas lahan terbakar di Siak 312 hektar, disusul Bengkalis 276 hektar dan Kepulauan "
        "Meranti 198 hektar. Ia alumnus ITS angkatan 2018 yang kini bekerja. Produk itu "
        "diminati. Kepala Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Bali I Wayan "
        "Suarjana Putra mengatakan kopi paling laku.")
    assert ("Siak", "LOC") in found and ("Kepulauan Meranti", "LOC") in found
    assert ("ITS", "ORG") in found
    assert ("Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Bali", "ORG") in found
    assert ("I Wayan Suarjana Putra", "PERSON") in found


def test_a_verb_after_a_kind_noun_and_layoffs_name_no_company() -> None:
    found = _shipped_entities(
        "Ribuan buruh pabrik garmen itu terkena pemutusan hubungan kerja (PHK). \"Kami minta "
        "perusahaan menunda eksekusi PHK sampai mediasi selesai,\" kata Hendra. Startup agritech "
        "Ladangku tumbuh pesat, kata Budi.")
    assert "PHK" not in {text for text, _ in found}
    assert ("Ladangku", "ORG") in found


def test_national_names_institutes_and_firms_tails_are_organisations() -> None:
    found = _shipped_entities(
        "Laporan diajukan Yayasan Karya Cipta Indonesia (KCI) ke polisi, kata Budi. Ia dirawat di "
        "Klinik Kesehatan Haji Indonesia di Mekkah. Mahasiswa Institut Teknologi Sepuluh Nopember "
        "dan Imperial College London bekerja sama dengan Rheinland Zoological Society serta "
        "Hoshino Turbine Works, kata Budi.")
    assert ("Yayasan Karya Cipta Indonesia", "ORG") in found and ("KCI", "ORG") in found
    assert ("Klinik Kesehatan Haji Indonesia", "LOC") in found
    assert ("Institut Teknologi Sepuluh Nopember", "ORG") in found
    assert ("Imperial College London", "ORG") in found
    assert ("Rheinland Zoological Society", "ORG") in found
    assert ("Hoshino Turbine Works", "ORG") in found


def test_scouts_youth_red_cross_and_city_governments_with_their_region() -> None:
    found = _shipped_entities(
        "Jambore diikuti anggota Kwartir Daerah Gerakan Pramuka Jawa Tengah dan Kwarcab Gowa. "
        "Karang Taruna Kota Surabaya berpatroli, sedangkan Pemko Medan dan PMI Kota Bandung "
        "membuka posko. Ketua PMI Provinsi Jawa Barat Iwan Setiawan hadir. Warga datang ke "
        "kantor PMI di Jalan Aceh.")
    for name in ("Kwartir Daerah Gerakan Pramuka Jawa Tengah", "Kwarcab Gowa",
                 "Karang Taruna Kota Surabaya", "Pemko Medan", "PMI Kota Bandung",
                 "PMI Provinsi Jawa Barat"):
        assert (name, "ORG") in found, name


def test_a_company_short_name_before_its_head_and_a_village_before_its_head() -> None:
    found = _shipped_entities(
        "PT Pertamina Geothermal Energy Tbk menggandeng perusahaan asal Jepang, Sakura Renewables "
        "Corporation, untuk proyek baru. Sakura membawa teknologi. Presiden Direktur Sakura Kenji "
        "Morimoto menyebut Indonesia pasar penting. Warga Desa Timbulsloko, Kecamatan Sayung, "
        "menanam mangrove di desa Timbulsloko dan Sriwulan. Kepala Desa Timbulsloko Muhammad "
        "Rofiq mengatakan abrasi parah. \"Air masuk sampai dapur,\" kata Rofiq.")
    assert ("Sakura Renewables Corporation", "ORG") in found and ("Sakura", "ORG") in found
    assert ("Kenji Morimoto", "PERSON") in found
    assert ("Muhammad Rofiq", "PERSON") in found
    assert not any(text.startswith("Timbulsloko ") for text, _ in found)


def test_pious_formulas_board_members_and_chess_titles() -> None:
    found = _shipped_entities(
        "\"Insyaallah selesai tahun ini,\" kata Budi. Pengurus Persatuan Wredatama Republik "
        "Indonesia (PWRI) datang bersama Pengurus Harian YLKI Dewi Anggraini dan Pengurus Besar "
        "Ikatan Pencak Silat Indonesia. Gelar juara diraih Grandmaster Susanto Megaranto, "
        "mengungguli Woman International Master Maria Cristina Dela Cruz di Denpasar.")
    assert "Insyaallah" not in {text for text, _ in found}
    assert ("Persatuan Wredatama Republik Indonesia", "ORG") in found
    assert ("YLKI", "ORG") in found
    assert ("Pengurus Besar Ikatan Pencak Silat Indonesia", "ORG") in found
    assert ("Susanto Megaranto", "PERSON") in found
    assert ("Maria Cristina Dela Cruz", "PERSON") in found


def test_customs_offices_amounts_languages_cemeteries_and_listed_fields() -> None:
    found = _shipped_entities(
        "Laba PT Indosat Tbk Rp 1,2 triliun. Kepala Bea Cukai Ngurah Rai mengatakan ekspor tuna "
        "naik. Petugas Bea Cukai Kualanamu memeriksa kargo di Jalan Harsono RM, kata Budi. Ia "
        "berpidato dalam bahasa Batak Toba, Karo, Simalungun, dan Nias di Medan. Jenazah "
        "dimakamkan di TPU Karet Bivak, Jakarta. Botol PET dan kemasan HDPE dikumpulkan. Kepala "
        "Dinas Kebudayaan, Kepemudaan dan Olahraga serta Pariwisata Kota Surabaya Wiwiek Widayati "
        "hadir.")
    texts = {text for text, _ in found}
    assert ("PT Indosat Tbk", "ORG") in found
    assert ("Bea Cukai Ngurah Rai", "ORG") in found and ("Bea Cukai Kualanamu", "ORG") in found
    assert ("Jalan Harsono RM", "LOC") in found
    assert not texts & {"Batak Toba", "Karo", "Simalungun", "Nias", "PET", "HDPE"}
    assert ("Medan", "LOC") in found and ("TPU Karet Bivak", "LOC") in found
    assert ("Dinas Kebudayaan, Kepemudaan dan Olahraga serta Pariwisata Kota Surabaya",
            "ORG") in found


def test_a_company_named_again_by_its_first_words_and_an_institution_defined() -> None:
    found = _shipped_entities(
        "PT Geo Dipa Energi (Persero) menargetkan unit 2 rampung tahun depan. Direktur Utama Geo "
        "Dipa Hendra Wirawan mengatakan Geo Dipa telah menggandeng tim hidrogeologi. \"Kami tetap "
        "memantau,\" kata Hendra. Mahasiswa Wageningen University & Research (WUR) di Belanda "
        "hadir. Rektor WUR menyambut mereka, kata Budi.")
    assert found.count(("Geo Dipa", "ORG")) == 2
    assert ("Hendra Wirawan", "PERSON") in found
    assert ("Wageningen University & Research", "ORG") in found
    assert found.count(("WUR", "ORG")) == 2


def test_games_ranks_military_units_and_units_before_an_office() -> None:
    found = _shipped_entities(
        "Atlet itu meraih emas di Peparnas dan menunggu bonus Peparnas dari pemerintah. Upacara "
        "dipimpin Marsma Fajar Nugroho Santoso di Kupang. Drone itu akan dioperasikan Skadron "
        "Udara 51 di Lanud Supadio, kata Budi. Komando Armada I menggelar latihan. Kepala Unit "
        "Donor Darah PMI Kota Bandung dr. Ratna Kusumawardhani mengatakan stok menipis. Kepala "
        "Bidang Bina Marga Dinas PUPR Buton Tengah hadir.")
    assert found.count(("Peparnas", "EVENT")) == 2
    assert ("Fajar Nugroho Santoso", "PERSON") in found
    assert ("Skadron Udara 51", "ORG") in found and ("Komando Armada I", "ORG") in found
    assert ("PMI Kota Bandung", "ORG") in found
    assert ("Dinas PUPR Buton Tengah", "ORG") in found


def test_a_company_named_again_between_a_title_and_its_holder() -> None:
    found = _shipped_entities(
        "Proyek dikerjakan kontraktor asal Korea Selatan, Hanbit Power Engineering Corporation. "
        "Konsorsium kontraktor, yakni Hanbit dan PT Wijaya Karya (Persero) Tbk, mempekerjakan "
        "warga. Project Director Hanbit Park Ji-hoon mengakui cuaca menjadi kendala. Profesor "
        "bahasa Indonesia Osaka University, Kenji Morimoto, mengatakan minat naik.")
    assert ("Hanbit Power Engineering Corporation", "ORG") in found
    assert found.count(("Hanbit", "ORG")) == 2
    assert ("Park Ji-hoon", "PERSON") in found
    assert ("Osaka University", "ORG") in found and ("Kenji Morimoto", "PERSON") in found


def test_last_place_of_a_list_and_a_given_name_after_an_office() -> None:
    found = _shipped_entities(
        "Polisi memeriksa vila yang disewakan kepada orang asing, terutama di kawasan Canggu, "
        "Seminyak, dan Ubud. Kepala Dinas Peternakan dan Perikanan Kabupaten Boyolali Sri "
        "Wahyuni Lestari mengatakan setiap peternak akan menerima bantuan. Anggota DPRD "
        "Karanganyar Sri Wahyuni Lestari meminta klub dibina. Kampus itu bekerja sama dengan "
        "Universiti Teknologi MARA di Shah Alam dan Prince of Songkla University di Hat Yai.")
    assert ("Ubud", "LOC") in found
    assert ("Dinas Peternakan dan Perikanan Kabupaten Boyolali", "ORG") in found
    assert ("DPRD Karanganyar", "ORG") in found
    assert found.count(("Sri Wahyuni Lestari", "PERSON")) == 2
    assert ("Prince", "LOC") not in found


def test_firms_tails_an_island_word_and_a_clause_after_a_company() -> None:
    found = _shipped_entities(
        "Program itu menggandeng perusahaan galangan kapal asal Korea Selatan, Daeseong Heavy "
        "Industries. Mereka bekerja di pabrik Marufuji Seiko Kogyo di Kota Toyohashi. Pabrik itu "
        "meraih sertifikat Marine Stewardship Council (MSC). Penyelam berkumpul di Crystal "
        "Bay, lalu menyeberang ke Nusa Penida. Perangkat meter dipasok konsorsium PT Sinar "
        "Tirta Teknologi dan perusahaan asal Korea Selatan, Hanul Metering.")
    assert ("Daeseong Heavy Industries", "ORG") in found
    assert ("Marufuji Seiko Kogyo", "ORG") in found
    assert ("Marine Stewardship Council", "ORG") in found and ("MSC", "ORG") in found
    assert ("Crystal Bay", "LOC") in found and ("Nusa Penida", "LOC") in found
    assert ("PT Sinar Tirta Teknologi", "ORG") in found


def test_a_comma_between_two_organisations_ends_a_long_form() -> None:
    found = _shipped_entities(
        "Rapat itu dihadiri Balai Pengelola Transportasi Darat Kelas II Lampung (BPTD Lampung), "
        "Polres Lampung Selatan, Pangkalan TNI AL Lampung (Lanal Lampung), serta manajemen PT "
        "ASDP.")
    assert ("Polres Lampung Selatan", "ORG") in found
    assert ("Pangkalan TNI AL Lampung", "ORG") in found
    assert ("Lanal Lampung", "ORG") in found


def test_trading_businesses_insurers_named_again_and_a_firm_after_its_province() -> None:
    found = _shipped_entities(
        "Harga ditekan, kata Burhanuddin Ismail, pemilik UD Lampulo Jaya Fishery, saat ditemui. "
        "Ia juga pemilik UD Hasan Basri. Ratusan pemegang polis PT Asuransi Jiwa Lintas Harapan "
        "menggelar aksi damai. Menurut dia, manajemen Lintas Harapan berulang kali menunda. Mitra "
        "teknologi asal China, Hunan Xinrui Power Technology Co Ltd, ikut. Porsi saham Xinrui "
        "sebesar 45 persen.")
    assert ("UD Lampulo Jaya Fishery", "ORG") in found
    assert ("UD Hasan Basri", "ORG") in found
    assert ("Lintas Harapan", "ORG") in found
    assert ("Xinrui", "ORG") in found


def test_regional_offices_with_their_level_police_units_and_clubs() -> None:
    found = _shipped_entities(
        "Kepala Dishub Kota Semarang Danang Setiaji menyatakan pihaknya menindak pelanggar. "
        "Kepala BPJS Kesehatan Cabang Purwokerto Yudha Pratama Aji hadir. Petugas Satlantas "
        "Polres Batang berjaga. Ketua Asprov PSSI Sumatera Barat Budi Santoso hadir. Perangkat "
        "itu dipasok. "
        "Klub Makassar Phinisi Basketball resmi diterima sebagai peserta baru Indonesian "
        "Basketball League (IBL). Siswa Medan Global Academy belajar. Bendahara yayasan, Lestari "
        "Br Ginting, mengatakan tanah itu dijual.")
    assert ("Dishub Kota Semarang", "ORG") in found
    assert ("Yudha Pratama Aji", "PERSON") in found
    assert ("Polres Batang", "ORG") in found
    assert not any("Satlantas" in text for text, _ in found)
    assert ("Asprov PSSI Sumatera Barat", "ORG") in found
    assert ("Makassar Phinisi Basketball", "ORG") in found
    assert ("Indonesian Basketball League", "ORG") in found
    assert ("Medan Global Academy", "ORG") in found
    assert ("Lestari Br Ginting", "PERSON") in found


def test_holders_after_a_region_with_its_level_an_office_place_and_customary_titles() -> None:
    found = _shipped_entities(
        "Kepala Dinas Koperasi dan UKM Provinsi Riau Teguh Santoso mengatakan pihaknya "
        "memfasilitasi uji mutu. Bupati Kuantan Singingi Yulizar Hamdani mengatakan festival "
        "diikuti 196 jalur. \"Kami bangga,\" ujar Yulizar. Pemimpin tim jalur Pulau Aro, Datuk "
        "Syamsir Effendi, menerima piala. Tiga terdakwa lain, yakni Daniel Tarigan, 24 tahun, "
        "Putri Lubis, 23 tahun, dan Rizky Harahap, 25 tahun, merupakan lulusan kampus di Medan.")
    assert ("Dinas Koperasi dan UKM Provinsi Riau", "ORG") in found
    assert ("Teguh Santoso", "PERSON") in found
    assert ("Yulizar Hamdani", "PERSON") in found
    assert ("Syamsir Effendi", "PERSON") in found
    assert ("Putri Lubis", "PERSON") in found
    assert not any("Singingi" in text for text, _ in found)


def test_police_units_stay_out_of_their_command() -> None:
    found = _shipped_entities(
        "Penyidik Satuan Reserse Kriminal Polres Ende memeriksa 14 saksi. Kasus itu kini "
        "ditangani Direktorat Reserse Kriminal Umum Polda Bali, sedangkan Divisi Hubungan "
        "Internasional Polri menghubungi Interpol. Petugas Satreskrim Polres Sikka ikut "
        "berjaga di lokasi. Tim Subdit III Jatanras Ditreskrimum Polda Jateng menangkap lima "
        "tersangka di Grobogan.")
    assert ("Polres Ende", "ORG") in found
    assert ("Polda Bali", "ORG") in found
    assert ("Divisi Hubungan Internasional Polri", "ORG") in found
    assert ("Polres Sikka", "ORG") in found
    assert ("Polda Jateng", "ORG") in found
    assert not any(word in text for text, _ in found
                   for word in ("Satreskrim", "Jatanras", "Ditreskrimum", "Reserse"))


def test_venues_posts_estates_stations_and_places_with_generic_heads() -> None:
    found = _shipped_entities(
        "Turnamen digelar di Bali Nusa Dua Convention Center, Kabupaten Badung, pekan lalu. "
        "Pameran berlangsung di Jakarta International Expo, Kemayoran. Vaksinasi diprioritaskan "
        "di desa-desa sepanjang perbatasan dengan Sarawak, Malaysia, seperti di sekitar Pos "
        "Lintas Batas Negara Entikong dan Badau di Kabupaten Kapuas Hulu. Prakirawan Stasiun "
        "Meteorologi Maritim Bitung mengeluarkan peringatan. Sebanyak 214 konsumen melaporkan "
        "proyek Perumahan Griya Cikarang Asri ke polisi. Kami mendorong agar ada paket wisata "
        "yang menghubungkan pacu jalur dengan Candi Muara Takus di Kabupaten Kampar. Rombongan "
        "singgah di kawasan Taman Nasional Way Kambas sebelum menyeberangi Way Seputih. Skema "
        "tersebut melanjutkan kerja sama Indonesia dan Jepang dalam konservasi pantai Bali yang "
        "dimulai sejak awal 2000-an.")
    for place in ("Bali Nusa Dua Convention Center", "Jakarta International Expo",
                  "Pos Lintas Batas Negara Entikong", "Perumahan Griya Cikarang Asri",
                  "Candi Muara Takus", "Taman Nasional Way Kambas", "Way Seputih", "Bali"):
        assert (place, "LOC") in found
    assert ("Stasiun Meteorologi Maritim Bitung", "ORG") in found
    assert ("pantai Bali", "LOC") not in found


def test_dated_event_names_a_month_after_a_numeral_and_initials_ending_a_sentence() -> None:
    found = _shipped_entities(
        "Para investor datang ke Kepri Investment Forum 2025 yang digelar di Batam pekan ini. "
        "Mahasiswa Universitas Sebelas Maret ikut. Polisi memburu pemilik perusahaan itu, "
        "seorang pengusaha berinisial DS. Manajer Humas PT KAI Divre II Sumbar Yuliani Safitri "
        "membenarkan.")
    assert ("Kepri Investment Forum 2025", "EVENT") in found
    assert ("Universitas Sebelas Maret", "ORG") in found
    assert ("DS", "PERSON") in found
    assert "DS." not in abbreviations() and "Ds." in abbreviations()


def test_an_office_joins_its_region_after_the_titles_and_a_name_in_apposition_stays_whole() -> None:
    found = _shipped_entities(
        "Dinas Energi dan Sumber Daya Mineral Provinsi Jawa Tengah (Dinas ESDM Jateng) rutin "
        "memantau sungai. Dihubungi terpisah, Kepala Dinas ESDM Jateng Rina Kusumawardani "
        "mengatakan, hanya tiga badan usaha yang berizin. Peneliti Institute for Essential "
        "Services Reform (IESR), Citra Ayuningtyas, mengingatkan agar pasar tidak rusak. Menurut "
        "Citra, momentum COP30 di Belem, Brasil, penting. \"Reputasi pasar karbon Indonesia,\" "
        "kata Citra.")
    assert found.count(("Dinas ESDM Jateng", "ORG")) == 2
    assert ("Rina Kusumawardani", "PERSON") in found
    assert ("Citra Ayuningtyas", "PERSON") in found
    assert ("Jateng", "LOC") not in found and ("Ayuningtyas", "PERSON") not in found


def test_branches_after_acronyms_governments_of_countries_and_office_lists() -> None:
    found = _shipped_entities(
        "Ketua KONI Jawa Tengah Bona Ventura mengatakan bonus atlet akan cair pekan depan, "
        "sementara Ketua PAN Sulawesi Selatan Ashabul Kahfi hadir di arena. Visa itu "
        "dikeluarkan oleh Pemerintah Arab Saudi untuk jemaah. Menurut dia, di "
        "wilayah Daop 4 Semarang terdapat 384 perlintasan sebidang. Kepala Dinas Kepemudaan, "
        "Olahraga, dan Pariwisata Kabupaten Wonogiri, Haryanto Setiawan, menambahkan bahwa "
        "hotel penuh. Tuan rumah Wonogiri menempati posisi kedua dengan lima emas. Festival "
        "itu digelar pada Oktober di Wangi-Wangi. Sebanyak 23 anak dievakuasi dari Panti Asuhan "
        "Darul Hikmah di Gowa. Petugas Disnav Surabaya memasang rambu baru di alur pelayaran. "
        "Penerbangan langsung Perth-Lombok kembali dibuka pekan ini, sedangkan Tol "
        "Surabaya-Gresik ditutup.")
    assert ("KONI Jawa Tengah", "ORG") in found
    assert ("PAN", "ORG") in found
    assert ("Arab Saudi", "LOC") in found
    assert ("Daop 4 Semarang", "ORG") in found
    assert ("Dinas Kepemudaan, Olahraga, dan Pariwisata Kabupaten Wonogiri", "ORG") in found
    assert ("Wonogiri", "LOC") in found
    assert ("Wangi-Wangi", "LOC") in found
    assert ("Panti Asuhan Darul Hikmah", "ORG") in found
    assert ("Disnav Surabaya", "ORG") in found
    assert ("Perth", "LOC") in found and ("Lombok", "LOC") in found
    assert not any("Perth-Lombok" in text for text, _ in found)


def test_common_nouns_opening_sentences_and_area_nouns_tagged_alone() -> None:
    # a common noun opening a sentence is no name when the article writes it in lower case too
    found = _shipped_entities(
        "Produksi mutiara di Kabupaten Dompu meningkat tahun ini. Mutiara laut selatan dari "
        "teluk itu dijual ke Jepang dan Hong Kong, kata Kepala Dinas Kelautan Dompu, "
        "Syarifuddin. Mutiara berukuran besar dihargai hingga Rp 5 juta per butir.")
    assert not any(text == "Mutiara" for text, _ in found)
    assert ("Syarifuddin", "PERSON") in found and ("Jepang", "LOC") in found
    assert ("Dinas Kelautan Dompu", "ORG") in found
    # an area's noun the recogniser tagged alone goes on to its name
    found = _shipped_entities(
        "Sirene itu dipasang di Kapanewon Srandakan, Kabupaten Bantul. Warga Kapanewon "
        "Srandakan mengikuti simulasi.")
    assert found.count(("Kapanewon Srandakan", "LOC")) == 2 and ("Kapanewon", "LOC") not in found
    # a name the gazetteer knows stays, at a sentence's start too
    found = _shipped_entities(
        "Warga antre di depan kantor desa sejak pagi. Jakarta mengirim bantuan beras, dan "
        "truk dari jakarta tiba siang.")
    assert ("Jakarta", "LOC") in found


def test_branches_tagged_in_one_part_and_relatives_before_names() -> None:
    # a national body's branch whose region (or acronym) the recogniser left out is one name
    found = _shipped_entities(
        "Ketua Umum KONI Sulbar, Ahmad Rivai, menyerahkan bonus atlet. BKSDA Bengkulu memasang "
        "kamera jebak di Desa Air Teramang. Kepala BKSDA Bengkulu, Heru Santoso, mengimbau warga "
        "tidak memasang jerat.")
    assert ("KONI Sulbar", "ORG") in found and ("KONI", "ORG") not in found
    assert found.count(("BKSDA Bengkulu", "ORG")) == 2
    assert ("Ahmad Rivai", "PERSON") in found and ("Heru Santoso", "PERSON") in found
    # a relative's noun before a name is no part of it, nor a role of the one named
    doc = _shipped()(
        "Rina Maharani meraih medali emas di kelas 49 kg. Ayah Rina, Darmawan Saputra, menonton "
        "dari tribun bersama keluarga.")
    roles = {(ent.text, ent.label_): ent._.role for ent in doc.ents}
    assert roles[("Rina", "PERSON")] == "" and ("Darmawan Saputra", "PERSON") in roles
    assert not any(text.startswith("Ayah") for text, _ in roles)


def test_holders_the_recogniser_typed_a_place_and_names_after_di_or_asal() -> None:
    # a holder's name after an office's place, its surname or the whole name mistyped
    doc = nlp("Wakil Bupati Kutai Timur Rudi Bahri mengatakan itu. Bupati Mamasa Daud Palimbong, "
              "hadir. Bupati Mamasa Tanah Toraja, hadir.")
    doc.ents = [Span(doc, 2, 4, label="LOC"), Span(doc, 5, 6, label="ORG"),
                Span(doc, 11, 13, label="LOC"), Span(doc, 18, 20, label="LOC")]
    assert [(s.text, s.label_) for s in missed_holders(doc)] == [
        ("Rudi Bahri", "PERSON"), ("Daud Palimbong", "PERSON")]
    # a name right after "asal" or "di" is a place, wherever else the article names it
    found = _shipped_entities("Kios asal Kesawan itu tutup sejak Senin, kata Budi Santoso.")
    assert ("Kesawan", "LOC") in found and ("Budi Santoso", "PERSON") in found
    assert not any(label == "PERSON" and text == "Kesawan" for text, label in found)


def test_a_full_stop_after_a_code_ends_the_sentence() -> None:
    doc = _shipped()("Rekaman itu diambil kamera milik BPK2L. Petugas lalu memeriksanya.")
    assert [t.text for t in doc][5:7] == ["BPK2L", "."]
    assert len(list(doc.sents)) == 2


def test_food_and_drug_units_professors_institutions_and_branch_boards() -> None:
    # a BPOM unit names its seat after "di"; another agency's unit does not
    found = _shipped_entities(
        "Petugas Balai Besar POM di Pontianak menyita 300 botol jamu. Peneliti Balai Penelitian "
        "Tanaman Jeruk di Kabupaten Karo ikut memeriksa.")
    assert ("Balai Besar POM di Pontianak", "ORG") in found
    assert ("Kabupaten Karo", "LOC") in found
    # a professor's title ends no organisation; the institution is named again by its first word
    doc = nlp("Wakil Rektor Ashworth University Profesor Alan Marsh hadir. Ashworth menggandeng "
              "mitra.")
    assert tidy_span(Span(doc, 2, 5, label="ORG")).text == "Ashworth University"
    ents = [Span(doc, 2, 4, label="ORG"), Span(doc, 5, 7, label="PERSON"),
            Span(doc, 9, 10, label="PERSON")]
    assert [(e.text, e.label_) for e in retyped_short_names(doc, ents)] == [
        ("Ashworth University", "ORG"), ("Alan Marsh", "PERSON"), ("Ashworth", "ORG")]
    # a branch's board is no part of its association's name
    found = _shipped_entities(
        "Ketua Pengurus Cabang Persatuan Guru Republik Indonesia Kabupaten Ende, Yosef Wangge, "
        "menilai honor guru belum layak.")
    assert ("Persatuan Guru Republik Indonesia", "ORG") in found
    assert not any(text.startswith("Pengurus") for text, _ in found)


def test_police_units_task_forces_and_parliament_bodies_are_their_command_or_parliament() -> None:
    # a police unit written out with its acronym in brackets, a regional task force, a forensic
    # laboratory and a detention centre are no organisations of their own: only the command is
    found = _shipped_entities(
        "Penyidik Direktorat Reserse Narkoba (Ditresnarkoba) Polda Riau menyita 20 kilogram sabu "
        "dari sebuah gudang. Kepala Subdirektorat II Ditresnarkoba Polda Riau AKBP Hendra Saputra "
        "mengatakan pemasoknya masih diburu.")
    assert found.count(("Polda Riau", "ORG")) == 2
    assert not any(text.startswith(("Direktorat", "Ditres")) for text, _ in found)
    found = _shipped_entities(
        "Satgas Pangan Polres Kudus memeriksa tiga gudang beras di pinggir kota. Temuan itu "
        "dilaporkan ke Satgas Pangan Polri di Jakarta. Hasil uji Laboratorium Forensik Polda Jawa "
        "Tengah keluar pekan depan, sementara tersangka ditahan di Rutan Polres Kudus.")
    assert found.count(("Polres Kudus", "ORG")) == 2 and ("Polda Jawa Tengah", "ORG") in found
    assert ("Satgas Pangan Polri", "ORG") in found  # a national task force keeps its name
    # a parliament's standing body is its parliament; "dan" before a command splits two names
    found = _shipped_entities(
        "Usulan itu dibahas Badan Anggaran DPRD Jambi pekan ini. Rapat Badan Anggaran berlangsung "
        "tertutup, dan hasilnya akan dibawa ke Kementerian Pertanian dan Polres Tebo untuk "
        "ditindaklanjuti.")
    assert ("DPRD Jambi", "ORG") in found and not any(t.startswith("Badan") for t, _ in found)
    assert ("Kementerian Pertanian", "ORG") in found and ("Polres Tebo", "ORG") in found


def test_kind_acronyms_alone_initials_after_kind_nouns_offices_and_branches() -> None:
    # a kind's acronym alone names the kind, no organisation
    found = _shipped_entities(
        "Kinerja bank itu memburuk sejak 2023. Laba BPR tersebut turun tajam, kata pengamat. "
        "Pemkab juga menyiapkan tambahan modal untuk BUMD lain.")
    assert found == []
    # initials after "berinisial" are a person's, even after a company's kind noun
    found = _shipped_entities(
        "Kejaksaan menetapkan pemilik perusahaan rekanan berinisial RDK (52) sebagai tersangka. "
        "Uang mengalir ke rekening perusahaan milik tersangka RDK di Jambi.")
    assert found.count(("RDK", "PERSON")) == 2
    # "Kantor" opens an office's name; "Sekda" is a title; "Perwakilan" opens a branch's name
    found = _shipped_entities(
        "Petugas dari Kantor Kemenag Kabupaten Klaten mendata calon jemaah. Sekda Blora Yuli "
        "Hartono mengatakan pendataan selesai bulan depan. Kepala Perwakilan BKKBN Sulteng Nuryadi "
        "Hamzah mengatakan target tahun ini tercapai.")
    assert ("Kantor Kemenag Kabupaten Klaten", "ORG") in found
    assert ("Yuli Hartono", "PERSON") in found and ("Nuryadi Hamzah", "PERSON") in found
    assert ("Perwakilan BKKBN Sulteng", "ORG") in found


def test_markets_of_countries_vehicle_offices_namesakes_and_appositions() -> None:
    # a capitalised common noun opening a sentence before a foreign country is no part of it
    found = _shipped_entities(
        'Eksportir kopi mencari pasar baru di luar negeri. "Pasar Korea Selatan sangat '
        'menjanjikan," kata Budi. Ia menambahkan, pasar dalam negeri juga tumbuh.')
    assert ("Korea Selatan", "LOC") in found
    assert ("Samsat Kota Bekasi", "ORG") in _shipped_entities(
        "Warga mengurus pajak kendaraan di Samsat Kota Bekasi sejak pagi.")
    # an institution named after a ruler keeps the ruler's title and name
    doc = nlp("dosen Sekolah Tinggi Raja Haji Fisabilillah, Tanjungpinang")
    ents = [Span(doc, 1, 4, label="ORG"), Span(doc, 4, 6, label="PERSON")]
    assert [(e.text, e.label_) for e in join_facility_and_namesake(ents)] == [
        ("Sekolah Tinggi Raja Haji Fisabilillah", "ORG")]
    # an apposition's middle name word may also be a word of an organisation's name
    doc = nlp("Kepala dinas itu, Wulan Sri Rahayu, mengatakan sekolah dibuka.")
    assert [(e.text, e.label_) for e in appositions(doc, [])] == [("Wulan Sri Rahayu", "PERSON")]
    # a route's untagged end is a place; an aircraft type is no organisation; "dan" before a
    # village group's acronym splits two names
    found = _shipped_entities(
        "Maskapai itu membuka rute perdana Surabaya-Mamuju dengan pesawat ATR 72-600 mulai "
        "Senin.")
    assert ("Surabaya", "LOC") in found and ("Mamuju", "LOC") in found
    assert not any(text.startswith("ATR") for text, _ in found)
    doc = nlp("dikelola Pokdarwis Tirta Mulya dan BUMDes Ngawen Makmur setiap pekan")
    assert [s.text for s in split_coordinated(Span(doc, 1, 8, label="ORG"))] == [
        "Pokdarwis Tirta Mulya", "BUMDes Ngawen Makmur"]


def test_boards_regulations_schools_enterprises_and_cut_places() -> None:
    # a board written out with "Badan" is its association's; the bare region after the
    # association's bracketed acronym only names the board
    found = _shipped_entities(
        "Sekretaris Badan Pimpinan Cabang Perhimpunan Hotel dan Restoran Indonesia (PHRI) Lombok "
        "Barat mengatakan tingkat hunian turun. Ketua Dewan Pimpinan Provinsi Asosiasi Pengusaha "
        "Indonesia (Apindo) Sulawesi Utara Hendra Tumbel meminta pemerintah turun tangan.")
    assert ("Perhimpunan Hotel dan Restoran Indonesia", "ORG") in found
    assert ("Asosiasi Pengusaha Indonesia", "ORG") in found and ("Hendra Tumbel", "PERSON") in found
    assert not any(label == "LOC" or text.startswith(("Badan", "Dewan")) for text, label in found)
    # a regulation's shortened kind is no entity
    found = _shipped_entities(
        "Aturan itu tertuang dalam Perpres Nomor 12 Tahun 2024, sedangkan Perda yang baru "
        "disahkan DPRD Kota Kupang belum berlaku.")
    assert found == [("DPRD Kota Kupang", "ORG")]
    # a sub-agency and a holding company are organisations; the place after a numbered school's
    # number is part of its name
    found = _shipped_entities(
        "Laporan warga diteruskan ke Suku Dinas Bina Marga Jakarta Barat. Saham perusahaan itu "
        "dimiliki Nusantara Sejahtera Holding asal Singapura.")
    assert ("Suku Dinas Bina Marga Jakarta Barat", "ORG") in found
    assert ("Nusantara Sejahtera Holding", "ORG") in found
    doc = nlp("Vaksinasi digelar di SMP Negeri 3 Cikalongwetan Hilir pada Selasa.")
    assert extend_school_over_place(Span(doc, 3, 6, label="ORG"), set()).text == (
        "SMP Negeri 3 Cikalongwetan Hilir")
    # a regional enterprise named again by its one-word name, alone or after a title
    found = _shipped_entities(
        "Ratusan pelanggan Perumda Air Minum Tirtawening mengeluhkan air yang keruh sejak pekan "
        "lalu. Direktur Utama Tirtawening, Andri Kusnadi, mengatakan perbaikan pipa selesai "
        "Jumat. Tirtawening juga menyiapkan truk tangki untuk warga.")
    assert found.count(("Tirtawening", "ORG")) == 2 and ("Andri Kusnadi", "PERSON") in found
    # a name that ends inside a known place's name runs to the place's end
    doc = nlp("Kepala Dinas Sosial Rokan Hilir hadir.")
    assert [e.text for e in names_over_cut_places(doc, [Span(doc, 1, 4, label="ORG")])] == [
        "Dinas Sosial Rokan Hilir"]
    # an organisation's national office, "Indonesia" after it, before its holder's name
    doc = nlp("Kepala Misi IOM Indonesia Louis Hoffmann hadir.")
    ents = [Span(doc, 2, 3, label="ORG"), Span(doc, 3, 4, label="LOC"),
            Span(doc, 4, 6, label="PERSON")]
    assert [(e.text, e.label_) for e in national_branches(doc, ents)] == [
        ("IOM Indonesia", "ORG"), ("Louis Hoffmann", "PERSON")]


def test_ages_ranks_place_lists_routes_hospitals_and_places_named_again() -> None:
    # the name words before an age in brackets are a person's, where the recogniser missed
    # them or made them a place
    from graph.nlp.person_names import people_before_ages

    doc = nlp("Warga mulai mengikat anjingnya. Servasius Bheda (52), tokoh adat, mengaku takut. "
              "Korban Hasnah (61) dirawat, kata Markus Tandi Rapa (47), kerabatnya.")
    ents = [Span(doc, 25, 28, label="LOC")]
    assert [(e.text, e.label_) for e in people_before_ages(doc, ents)] == [
        ("Servasius Bheda", "PERSON"), ("Hasnah", "PERSON"), ("Markus Tandi Rapa", "PERSON")]
    # a rank inside a person span ends the office's place or the command before the name
    found = _shipped_entities("Kapolsek Mataraman Iptu Syahrani menyampaikan patroli ditambah.")
    assert found == [("Syahrani", "PERSON")]
    doc = nlp("Kasat Reskrim Polres Sanggau AKP Rivaldo Simanjuntak berkata.")
    ents = [Span(doc, 2, 3, label="ORG"), Span(doc, 3, 5, label="PERSON"),
            Span(doc, 5, 7, label="PERSON")]
    doc.ents = ents
    assert [(s.text, s.label_) for s, _ in apply_titles(doc)] == [
        ("Polres Sanggau", "ORG"), ("Rivaldo Simanjuntak", "PERSON")]
    # a list of places holds places only (a tie with persons goes to the places, one with
    # organisations does not); a route's two ends are places
    from graph.nlp.person_names import place_lists

    doc = nlp("Tiga desa terdampak, yakni Ngemplak, Karangasem, Jatirejo, dan Wonokerto.")
    ents = [Span(doc, 5, 6, label="PERSON"), Span(doc, 7, 8, label="LOC"),
            Span(doc, 9, 10, label="LOC"), Span(doc, 12, 13, label="PERSON")]
    assert [e.label_ for e in place_lists(doc, ents)] == ["LOC"] * 4
    ents[0], ents[3] = Span(doc, 5, 6, label="ORG"), Span(doc, 12, 13, label="ORG")
    assert [e.label_ for e in place_lists(doc, ents)] == ["ORG", "LOC", "LOC", "ORG"]
    found = _shipped_entities(
        "Perbaikan diprioritaskan untuk ruas Pondowan–Tayu sepanjang 12 kilometer.")
    assert found == [("Pondowan", "LOC"), ("Tayu", "LOC")]
    # a hospital named after a person keeps the namesake's titles and initials; an English
    # body's "X of Y" name is an organisation's; a sugar mill is an organisation
    found = _shipped_entities(
        "Pasien dirujuk ke RSUP Prof Dr RD Kandou di Manado. Izin itu diterbitkan oleh otoritas "
        "kepabeanan China, General Administration of Customs of China (GACC), pekan lalu. Petani "
        "tebu mendatangi kantor PG Madukismo Baru.")
    assert ("RSUP Prof Dr RD Kandou", "LOC") in found
    assert ("General Administration of Customs of China", "ORG") in found
    assert ("PG Madukismo Baru", "ORG") in found
    # a place the article introduced is a place where it is named again alone
    found = _shipped_entities(
        "Festival itu digelar di Kecamatan Sembalun, Kabupaten Lombok Timur. Wisatawan menyukai "
        "sayur Sembalun yang segar.")
    assert found.count(("Sembalun", "LOC")) == 1 and ("Kecamatan Sembalun", "LOC") in found
    # a score after a name is no part of it; a semicolon ends a name
    found = _shipped_entities(
        "Nilai tertinggi diraih Togar Siregar dengan 84,6, disusul Nurlela 82,1 dan Fikri "
        "80,9. Tersangka ialah AS (52), pegawai Dinas Perumahan Kabupaten Banyuasin; RA (44), "
        "kontraktor.")
    assert ("Nurlela", "PERSON") in found
    assert ("Dinas Perumahan Kabupaten Banyuasin", "ORG") in found
