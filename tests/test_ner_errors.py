"""Tests for the NER error analysis by category (graph.nlp.evaluate.error_categories)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc
from test_ner_train import TINY_BIO as TRAIN_SAMPLE

from graph.cli import main
from graph.nlp.conll import document_sizes, read_bio
from graph.nlp.evaluate import (
    ERROR_CATEGORIES,
    SpanError,
    align_to_glued_brackets,
    classify_errors,
    describe_error,
    error_analysis,
    error_categories,
    evaluate_bio,
    format_errors,
    predict_word_spans,
    score_spans,
)


def counts(**found: int) -> dict[str, int]:
    return {category: found.get(category.replace("+", "_"), 0) for category in ERROR_CATEGORIES}


def test_exact_matches_are_no_errors() -> None:
    spans = [[(0, 2, "PERSON"), (4, 5, "LOC")]]
    result = error_categories(spans, spans)
    assert result["total"] == counts()
    assert result["errors"] == []


def test_type_error() -> None:
    result = error_categories([[(3, 5, "ORG")]], [[(3, 5, "LOC")]], labels=["ORG", "LOC"])
    assert result["labels"]["ORG"] == counts(type=1)
    [(index, error)] = result["errors"]
    assert index == 0
    assert error == SpanError("type", (3, 5, "ORG"), (3, 5, "LOC"), "both")


@pytest.mark.parametrize("predicted", [(1, 3, "LOC"), (0, 2, "LOC"), (2, 4, "LOC"), (0, 4, "LOC")])
def test_boundary_error(predicted: tuple[int, int, str]) -> None:
    # shorter on either side, overlapping across one end, longer on both sides
    result = error_categories([[(1, 3, "LOC")] if predicted != (1, 3, "LOC") else [(1, 2, "LOC")]],
                              [[predicted]])
    assert result["total"] == counts(boundary=1)


def test_boundary_and_type_error() -> None:
    result = error_categories([[(0, 3, "ORG")]], [[(1, 3, "LOC")]], labels=["ORG", "LOC"])
    assert result["labels"] == {"ORG": counts(boundary_type=1), "LOC": counts()}


def test_missed_and_spurious_are_counted_under_their_own_label() -> None:
    result = error_categories(
        [[(0, 1, "PERSON"), (5, 6, "LOC")]], [[(2, 3, "ORG"), (5, 6, "LOC")]],
        labels=["PERSON", "ORG", "LOC"],
    )
    assert result["labels"]["PERSON"] == counts(missed=1)
    assert result["labels"]["ORG"] == counts(spurious=1)
    assert result["labels"]["LOC"] == counts()


def test_every_category_in_one_sentence() -> None:
    gold = [(0, 2, "LOC"), (3, 4, "ORG"), (5, 8, "ORG"), (9, 10, "PERSON"), (11, 12, "PERSON")]
    predicted = [(1, 2, "LOC"), (3, 4, "LOC"), (6, 8, "LOC"), (11, 12, "PERSON"), (13, 14, "ORG")]
    result = error_categories([gold], [predicted])
    assert result["labels"] == {
        "PERSON": counts(missed=1),
        "ORG": counts(type=1, boundary_type=1, spurious=1),
        "LOC": counts(boundary=1),
    }
    assert [e.category for _, e in result["errors"]] == [
        "boundary", "type", "boundary+type", "missed", "spurious"
    ]  # fmt: skip


def test_merged_and_split_names_count_each_span_once() -> None:
    # one prediction covering two gold names: two boundary errors, the second counting the gold
    merged = classify_errors([(0, 2, "PERSON"), (3, 5, "PERSON")], [(0, 5, "PERSON")])
    assert [(e.category, e.side) for e in merged] == [("boundary", "both"), ("boundary", "gold")]
    # two predictions splitting one gold name
    split = classify_errors([(0, 4, "ORG")], [(0, 2, "ORG"), (2, 4, "LOC")])
    assert [(e.category, e.side) for e in split] == [
        ("boundary", "both"), ("boundary+type", "predicted")
    ]  # fmt: skip


def test_pairing_prefers_same_boundaries_then_same_label() -> None:
    errors = classify_errors([(0, 2, "ORG"), (3, 5, "LOC")], [(1, 4, "LOC")])
    assert errors == [
        SpanError("boundary+type", (0, 2, "ORG"), (1, 4, "LOC"), "gold"),
        SpanError("boundary", (3, 5, "LOC"), (1, 4, "LOC"), "both"),
    ]
    errors = classify_errors([(0, 2, "ORG")], [(0, 2, "LOC"), (1, 2, "ORG")])
    assert [(e.category, e.predicted) for e in errors] == [
        ("type", (0, 2, "LOC")), ("boundary", (1, 2, "ORG"))
    ]  # fmt: skip


def test_unscored_labels_are_left_out() -> None:
    # no EVENT in the gold: an EVENT prediction is neither right nor wrong, as in score_spans
    result = error_categories([[(0, 2, "ORG")]], [[(0, 3, "EVENT"), (5, 6, "EVENT")]])
    assert result["unscored_predictions"] == 2
    assert result["labels"] == {"ORG": counts(missed=1)}


def _random_spans(rng: random.Random, labels: list[str]) -> list[tuple[int, int, str]]:
    spans, position = [], 0
    while True:
        position += rng.randint(0, 3)
        length = rng.randint(1, 4)
        if position + length > 20:
            return spans
        spans.append((position, position + length, rng.choice(labels)))
        position += length


def test_every_exact_match_error_is_classified_exactly_once() -> None:
    rng = random.Random(7)
    labels = ["PERSON", "ORG", "LOC"]
    gold = [_random_spans(rng, labels) for _ in range(300)]
    predicted = [_random_spans(rng, labels) for _ in range(300)]
    result = error_categories(gold, predicted, labels=labels)
    scores = score_spans(gold, predicted, labels=labels)
    errors = [e for _, e in result["errors"]]
    assert sum(e.side in ("both", "gold") for e in errors) == scores["micro"]["fn"]
    assert sum(e.side in ("both", "predicted") for e in errors) == scores["micro"]["fp"]
    assert sum(result["total"].values()) == len(errors)
    assert {e.category for e in errors} == set(ERROR_CATEGORIES)
    for index, error in result["errors"]:
        others = predicted[index] if error.gold is not None else gold[index]
        own = error.gold if error.gold is not None else error.predicted
        assert own is not None
        overlaps = any(min(own[1], o[1]) > max(own[0], o[0]) for o in others)
        assert overlaps == (error.category not in ("missed", "spurious"))
        if error.side == "both":
            assert error.gold is not None and error.predicted is not None


def test_describe_error_marks_both_spans() -> None:
    words = "Ia tinggal di kota Bandung sejak 2010 .".split()
    line = describe_error(words, SpanError("boundary", (3, 5, "LOC"), (4, 5, "LOC"), "both"), 1)
    assert line == 'LOC "kota Bandung" -> LOC "Bandung" | ... di [kota {Bandung}] sejak ...'
    line = describe_error(words, SpanError("missed", (3, 5, "LOC"), None, "gold"))
    assert line.startswith('LOC "kota Bandung" -> - | Ia tinggal di [kota Bandung] sejak')


GLUED = "Ketua Mahkamah Konstitusi (MK) Rina , Joko Widodo (Jokowi) dan (BPH Migas) hadir".split()


@pytest.mark.parametrize(("predicted", "aligned"), [
    ([(1, 3, "ORG"), (3, 4, "ORG")], [(1, 4, "ORG")]),  # the short form belongs to the name
    ([(1, 3, "ORG")], [(1, 4, "ORG")]),  # also when the recogniser missed it
    ([(1, 3, "LOC")], [(1, 4, "LOC")]),
    ([(6, 8, "PERSON"), (8, 9, "PERSON")], [(6, 8, "PERSON"), (8, 9, "PERSON")]),  # a nickname
    ([(10, 11, "ORG")], [(10, 12, "ORG")]),  # a bracket opened in an entity is closed
    ([(1, 3, "ORG"), (3, 5, "PERSON")], [(1, 3, "ORG"), (3, 5, "PERSON")]),  # not taken over
])
def test_align_to_glued_brackets(predicted: list[tuple[int, int, str]],
                                 aligned: list[tuple[int, int, str]]) -> None:
    assert align_to_glued_brackets(GLUED, predicted) == aligned


def test_a_bracket_is_not_closed_across_lower_case_words() -> None:
    words = "koalisi (Demokrat dan PAN), kata Rudi".split()
    assert align_to_glued_brackets(words, [(1, 2, "ORG"), (3, 4, "ORG")]) == [
        (1, 2, "ORG"), (3, 4, "ORG")]


# Invented sentences, IDNer 2k style (token, UPOS, tag): one with a place noun, then the training
# test's sample.
TINY_BIO = """\
Warga\tNOUN\tO
kota\tNOUN\tB-LOC
Bandung\tPROPN\tI-LOC
menolak\tVERB\tO
.\tPUNCT\tO

""" + TRAIN_SAMPLE

# What the stand-in model finds: one error of each category.
PATTERNS = [
    {"label": "LOC", "pattern": "Bandung"},  # boundary (gold: kota Bandung)
    {"label": "PERSON", "pattern": "Dewi Lestari"},  # correct
    {"label": "LOC", "pattern": "Bank Sentosa"},  # type (gold: ORG)
    {"label": "LOC", "pattern": "Makassar"},  # correct; Rudi is missed
    {"label": "LOC", "pattern": "Tani Makmur"},  # boundary+type (gold: ORG Koperasi Tani Makmur)
    {"label": "ORG", "pattern": "cabang"},  # spurious
    {"label": "LOC", "pattern": "Kupang"},  # correct
]


@pytest.fixture()
def rule_model(tmp_path: Path) -> Path:
    """A stand-in 'model': an entity ruler (named ner) in a blank pipeline, so results are fixed."""
    nlp = spacy.blank("xx")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns(PATTERNS)  # type: ignore[attr-defined]
    path = tmp_path / "rule_model"
    nlp.to_disk(path)
    return path


@pytest.fixture()
def tiny_bio(tmp_path: Path) -> Path:
    path = tmp_path / "idner2k" / "dev.tsv"
    path.parent.mkdir()
    path.write_text(TINY_BIO, encoding="utf-8")
    return path


def test_error_analysis_on_a_bio_file(rule_model: Path, tiny_bio: Path) -> None:
    result = error_analysis(spacy.load(rule_model), [tiny_bio], examples=3)
    expected = {
        "PERSON": counts(missed=1),
        "ORG": counts(type=1, boundary_type=1, spurious=1),
        "LOC": counts(boundary=1),
    }
    assert result["files"][str(tiny_bio)]["labels"] == expected
    assert result["all"]["labels"] == expected
    assert result["all"]["total"] == counts(type=1, boundary=1, boundary_type=1, missed=1,
                                            spurious=1)
    examples = result["files"][str(tiny_bio)]["examples"]
    assert examples["boundary"] == ['LOC "kota Bandung" -> LOC "Bandung" | '
                                    "Warga [kota {Bandung}] menolak ."]
    assert examples["missed"] == ['PERSON "Rudi" -> - | [Rudi] pindah ke Makassar .']
    table = format_errors(result)
    assert "boundary+type" in table and "idner2k/dev.tsv" in table
    assert "Koperasi {Tani Makmur}]" in table


def test_cli_ner_eval_errors(rule_model: Path, tiny_bio: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["ner", "eval", str(tiny_bio), "--model", str(rule_model), "--model-alone",
                 "--errors", "--examples", "2"])
    out = capsys.readouterr().out
    assert code == 0
    rows = {tuple(line.split()[:2]): line.split()[2:] for line in out.splitlines()
            if line.startswith(("idner2k/dev.tsv", "ALL"))}
    # P/R/F1 table first, then the error table: type boundary boundary+type missed spurious errors
    assert rows[("ALL", "all")] == ["1", "1", "1", "1", "1", "5"]
    assert rows[("idner2k/dev.tsv", "ORG")] == ["1", "0", "1", "0", "1", "3"]
    assert "idner2k/dev.tsv: spurious" in out
    assert '- -> ORG "cabang"' in out


def test_cli_ner_eval_errors_with_the_rules(rule_model: Path, tiny_bio: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    # Jalin's span tidying drops the lower-case "cabang": no spurious error left; "Bank
    # Sentosa" tagged LOC becomes an ORG ("Bank" opens only organisations' names): no type error
    code = main(["ner", "eval", str(tiny_bio), "--model", str(rule_model), "--errors"])
    out = capsys.readouterr().out
    assert code == 0
    rows = {tuple(line.split()[:2]): line.split()[2:] for line in out.splitlines()
            if line.startswith("ALL")}
    assert rows[("ALL", "all")] == ["0", "1", "1", "1", "0", "3"]
    assert "(gold [ ], predicted { })" not in out  # no --examples


def test_cli_ner_eval_recases_the_words_not_the_gold(rule_model: Path, tiny_bio: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    # The stand-in model matches case-sensitively: on the upper-cased words it finds nothing, so
    # every gold entity (7, kept where it is) is missed and the examples show the re-cased words.
    code = main(["ner", "eval", str(tiny_bio), "--model", str(rule_model), "--model-alone",
                 "--case", "upper", "--examples", "1"])
    out = capsys.readouterr().out
    assert code == 0
    rows = {tuple(line.split()[:2]): line.split()[2:] for line in out.splitlines()
            if line.startswith("ALL")}
    assert rows[("ALL", "micro")] == ["0.000", "0.000", "0.000", "7"]
    assert rows[("ALL", "all")] == ["0", "0", "0", "7", "0", "7"]
    assert "WARGA [KOTA BANDUNG] MENOLAK" in out
    # title case: "cabang" becomes "Cabang", which the stand-in no longer finds
    assert main(["ner", "eval", str(tiny_bio), "--model", str(rule_model), "--model-alone",
                 "--case", "title", "--errors"]) == 0
    rows = {tuple(line.split()[:2]): line.split()[2:] for line in capsys.readouterr().out
            .splitlines() if line.startswith("ALL")}
    assert rows[("ALL", "all")] == ["1", "1", "1", "1", "0", "4"]


GLUED_BIO = """\
Saham\tO
Bursa\tB-ORG
Efek\tI-ORG
Indonesia\tI-ORG
(BEI)\tI-ORG
naik\tO

Kantor\tO
BEI\tB-ORG
di\tO
Jakarta\tB-LOC
.\tO
"""


def test_ner_eval_tokenize_runs_the_pipelines_own_tokenizer(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A file that glues brackets to a word, as IDNer 2k does. The stand-in model (exact "BEI",
    # "Jakarta") finds "BEI" inside the word "(BEI)" once the word is cut by the tokenizer, and
    # scored on the file's words that is the word "(BEI)", where the gold has the whole
    # "Name (SHORT)"; with --tokenize spans are compared by their characters.
    nlp = spacy.blank("xx")
    nlp.add_pipe("entity_ruler", name="ner").add_patterns(  # type: ignore[attr-defined]
        [{"label": "ORG", "pattern": "BEI"}, {"label": "LOC", "pattern": "Jakarta"}])
    model = tmp_path / "model"
    nlp.to_disk(model)
    path = tmp_path / "glued.tsv"
    path.write_text(GLUED_BIO, encoding="utf-8")

    as_given = error_analysis(spacy.load(model), [path], examples=1)["all"]["labels"]["ORG"]
    assert as_given == counts(boundary=1)
    result = error_analysis(spacy.load(model), [path], examples=1, tokenize=True)
    assert result["all"]["labels"]["ORG"] == counts(boundary=1)
    [example] = result["files"][str(path)]["examples"]["boundary"]
    assert example == ('ORG "Bursa Efek Indonesia ( BEI )" -> ORG "BEI" | '
                       "Saham [Bursa Efek Indonesia ( {BEI} )] naik")

    assert main(["ner", "eval", str(path), "--model", str(model), "--model-alone",
                 "--tokenize"]) == 0
    rows = {tuple(line.split()[:2]): line.split()[2:] for line in capsys.readouterr().out
            .splitlines() if line.startswith("ALL")}
    # 2 of 3 gold entities found (BEI, Jakarta), 3 predicted: P 0.667, R 0.667
    assert rows[("ALL", "micro")] == ["0.667", "0.667", "0.667", "3"]


def test_words_with_glued_punctuation_are_read_as_the_tokenizer_cuts_them(
        rule_model: Path, tmp_path: Path) -> None:
    nlp = spacy.load(rule_model)
    words = "Dewi Lestari pindah ke Kupang, lalu (Makassar).".split()
    assert predict_word_spans(nlp, [words]) == [[(0, 2, "PERSON"), (4, 5, "LOC"), (6, 7, "LOC")]]
    # On the words as they are, the stand-in model, like a trained one, does not know "Kupang,".
    assert [e.text for e in nlp(Doc(nlp.vocab, words=words)).ents] == ["Dewi Lestari"]
    bio = tmp_path / "glued.tsv"
    bio.write_text("Dewi\tB-PER\nLestari\tI-PER\npindah\tO\nke\tO\nKupang,\tB-LOC\n"
                   "lalu\tO\n(Makassar).\tB-LOC\n\n", encoding="utf-8")
    scores = evaluate_bio(nlp, [bio])["all"]["micro"]
    assert (scores["tp"], scores["fp"], scores["fn"]) == (3, 0, 0)


def test_a_word_cut_further_by_a_component_maps_back_onto_the_file_word() -> None:
    from graph.nlp.pipeline import load_pipeline

    nlp = load_pipeline(concepts=False)
    # the sentence splitter cuts "Tbk." into "Tbk" and "." (a sentence end): one token more
    words = "Saham milik PT Sentosa Makmur Tbk. Budi Santoso menjualnya .".split()
    assert [t.text for t in nlp(" ".join(words))][5:8] == ["Tbk", ".", "Budi"]
    assert predict_word_spans(nlp, [words]) == [[(2, 6, "ORG"), (6, 8, "PERSON")]]
    # NERP's files hold words with a space inside ("ketua umum"): the words after it stay put
    words = ["Kata", "ketua umum", "Budi", "Santoso", "di", "Bandung", "."]
    assert predict_word_spans(nlp, [words]) == [[(2, 4, "PERSON"), (5, 6, "LOC")]]


def test_sentences_of_one_document_are_read_together(tmp_path: Path) -> None:
    from graph.nlp.pipeline import load_pipeline

    nlp = load_pipeline(concepts=False)
    article = [("Produsen mobil Jerman , Auralis Automobile GmbH , membuka pabrik di Karawang .",
                "O O O O B-ORG I-ORG I-ORG O O O O B-LOC O"),
               ("Auralis menggandeng mitra lokal .", "B-ORG O O O O")]
    other = [("Kata Rudi Hartono di Bekasi .", "O B-PER I-PER O B-LOC O")]

    def write(name: str, documents: list[list[tuple[str, str]]], marked: bool) -> Path:
        lines = []
        for document in documents:
            lines += ["-DOCSTART- O", ""] if marked else []
            for words, tags in document:
                lines += [f"{w}\t{t}" for w, t in zip(words.split(), tags.split(), strict=True)]
                lines.append("")
        path = tmp_path / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    marked = write("marked.tsv", [article, other], marked=True)
    document_starts: list[int] = []
    assert len(read_bio(marked, document_starts=document_starts)) == 3
    assert document_sizes(3, document_starts) == [2, 1]
    # alone, "Auralis" in the second sentence is no name; after the first, it is the company
    sentences = [words.split() for words, _ in [*article, *other]]
    assert predict_word_spans(nlp, sentences)[1] == []
    grouped = predict_word_spans(nlp, sentences, document_sizes=[2, 1])
    assert grouped == [[(4, 7, "ORG"), (11, 12, "LOC")], [(0, 1, "ORG")],
                       [(1, 3, "PERSON"), (4, 5, "LOC")]]
    scores = evaluate_bio(nlp, [marked])["all"]["micro"]
    assert (scores["tp"], scores["fp"], scores["fn"]) == (5, 0, 0)
    unmarked = evaluate_bio(nlp, [write("unmarked.tsv", [article, other], marked=False)])
    assert unmarked["all"]["micro"]["fn"] == 1
    tokenized = evaluate_bio(nlp, [marked], tokenize=True)["all"]["micro"]
    assert (tokenized["tp"], tokenized["fp"], tokenized["fn"]) == (5, 0, 0)


def test_whole_articles_with_character_offsets_are_scored(
        rule_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    path = tmp_path / "articles.jsonl"
    rows = [
        {"id": "a", "text": "Dewi Lestari menabung di Bank Sentosa, Bandung.",
         "entities": [[0, 12, "PERSON"], [25, 37, "ORG"], [39, 46, "LOC"]]},
        # doccano's JSONL export; "LOC?" is uncertain: neither scored nor held against "Kupang"
        {"text": "Rudi pindah ke Makassar dan Kupang.",
         "label": [{"start_offset": 0, "end_offset": 4, "label": "PER"},
                   {"start_offset": 15, "end_offset": 23, "label": "LOC"},
                   {"start_offset": 28, "end_offset": 34, "label": "LOC?"}]},
    ]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    nlp = spacy.load(rule_model)
    labels = evaluate_bio(nlp, [path])["all"]["labels"]
    assert {label: (s["tp"], s["fp"], s["fn"]) for label, s in labels.items()} == {
        "PERSON": (1, 0, 1), "ORG": (0, 0, 1), "LOC": (2, 1, 0)}
    result = error_analysis(nlp, [path], examples=1)
    assert result["all"]["labels"]["ORG"] == counts(type=1)
    assert result["all"]["labels"]["PERSON"] == counts(missed=1)
    assert result["files"][str(path)]["examples"]["type"] == [
        'ORG "Bank Sentosa" -> LOC "Bank Sentosa" | Dewi Lestari menabung di [{Bank Sentosa}] , '
        "Bandung ."]

    rows[1]["label"][0]["end_offset"] = 40
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    assert main(["ner", "eval", str(path), "--model", str(rule_model)]) == 2
    error = capsys.readouterr().err.strip()
    assert error == (f"jalin: error: {path}: line 2: span [0, 40] outside the text "
                     "(35 characters)")
    path.write_text(json.dumps(rows[0]) + "\n{not json\n", encoding="utf-8")
    assert main(["ner", "eval", str(path), "--model", str(rule_model)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"jalin: error: {path}: line 2: not JSON (Expecting property name enclosed in double "
        "quotes, column 2)")
    missing = tmp_path / "missing.jsonl"
    assert main(["ner", "eval", str(missing), "--model", str(rule_model)]) == 2
    assert capsys.readouterr().err.strip() == f"jalin: error: {missing}: file not found"
