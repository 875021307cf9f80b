"""Tests for NER training, evaluation and the shipped model (no shared data needed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy

from graph.errors import JalinError
from graph.nlp.casing import CaseTable, change_case, restore_case
from graph.nlp.conll import read_bio, read_postag
from graph.nlp.evaluate import evaluate_bio, format_report, measure_speed
from graph.nlp.pretrain import pretrain_tok2vec, pretraining_texts
from graph.nlp.train import (
    DEFAULT_SETTINGS,
    build_pipeline,
    finetune_sentences,
    load_config,
    load_training_data,
    mention_pool,
    replace_mentions,
    silver_annotations,
    train_pipeline,
)

SHIPPED_MODEL = Path(__file__).resolve().parents[1] / "graph" / "nlp" / "model"

# Invented sentences (not from any corpus), IDNer 2k style: token, UPOS, tag.
TINY_BIO = """\
Dewi\tPROPN\tB-PER
Lestari\tPROPN\tI-PER
bekerja\tVERB\tO
di\tADP\tO
Bank\tPROPN\tB-ORG
Sentosa\tPROPN\tI-ORG
.\tPUNCT\tO

Rudi\tPROPN\tB-PER
pindah\tVERB\tO
ke\tADP\tO
Makassar\tPROPN\tB-LOC
.\tPUNCT\tO

Koperasi\tPROPN\tB-ORG
Tani\tPROPN\tI-ORG
Makmur\tPROPN\tI-ORG
membuka\tVERB\tO
cabang\tNOUN\tO
di\tADP\tO
Kupang\tPROPN\tB-LOC
.\tPUNCT\tO
"""

# Lowercased NERP-style sample with an event.
TINY_NERP = """\
pekan\tO
raya\tO
lampung\tB-PLC
dibuka\tO
oleh\tO
sinta\tB-PPL
.\tO

festival\tB-EVT
danau\tI-EVT
toba\tI-EVT
ramai\tO
.\tO
"""

TINY_POS = """\
Dewi\tNNP
membeli\tVB
buku\tNN
baru\tJJ
.\tSYM

Mereka\tPR
tidak\tNEG
datang\tVB
ke\tIN
Kupang\tNNP
.\tSYM
"""


@pytest.fixture()
def tiny_data(tmp_path: Path) -> tuple[Path, Path]:
    data_dir = tmp_path / "ner"
    (data_dir / "idner2k").mkdir(parents=True)
    (data_dir / "idner2k" / "train.tsv").write_text(TINY_BIO, encoding="utf-8")
    (data_dir / "idner2k" / "dev.tsv").write_text(TINY_BIO, encoding="utf-8")
    (data_dir / "nerp").mkdir()
    (data_dir / "nerp" / "train.tsv").write_text(TINY_NERP, encoding="utf-8")
    (data_dir / "nerp" / "valid.tsv").write_text(TINY_NERP, encoding="utf-8")
    pos_path = tmp_path / "pos.txt"
    pos_path.write_text(TINY_POS, encoding="utf-8")
    return data_dir, pos_path


def test_train_pipeline_tiny(tiny_data: tuple[Path, Path], tmp_path: Path) -> None:
    data_dir, pos_path = tiny_data
    out_dir = tmp_path / "model"
    scores = train_pipeline(
        data_dir, out_dir, seed=1, max_epochs=2, max_steps=4, postag_path=pos_path, progress=False
    )
    assert scores["steps"] <= 4
    assert 0.0 <= scores["selection_score"] <= 1.0
    nlp = spacy.load(out_dir)
    assert nlp.pipe_names == ["tok2vec", "tagger", "ner"]
    assert set(nlp.get_pipe("ner").labels) == {"PERSON", "ORG", "LOC", "EVENT"}
    assert set(nlp.get_pipe("tagger").labels) == {"NNP", "VB", "NN", "JJ", "SYM", "PR", "NEG", "IN"}
    results = evaluate_bio(nlp, [data_dir / "idner2k" / "dev.tsv", data_dir / "nerp" / "valid.tsv"])
    for file_scores in [*results["files"].values(), results["all"]]:
        for label_scores in [*file_scores["labels"].values(), file_scores["micro"]]:
            for key in ("precision", "recall", "f1"):
                assert 0.0 <= label_scores[key] <= 1.0
    assert results["all"]["n_sentences"] == 5
    assert "micro" in format_report(results)


def test_a_corpus_can_leave_labels_unannotated(tiny_data: tuple[Path, Path],
                                               tmp_path: Path) -> None:
    data_dir, pos_path = tiny_data
    plain, *_ = load_training_data(data_dir, pos_path, DEFAULT_SETTINGS, progress=False)
    settings = DEFAULT_SETTINGS.with_overrides(["idner2k.unknown_labels=LOC, ORG"])
    masked, *_ = load_training_data(data_dir, pos_path, settings, progress=False)
    with pytest.raises(JalinError, match="not a Jalin label: 'LOCATION'"):
        load_training_data(data_dir, pos_path, progress=False,
                           settings=DEFAULT_SETTINGS.with_overrides(["idner2k.unknown_labels=LOCATION"]))
    n_idner = 3 * len(read_bio(data_dir / "idner2k" / "train.tsv"))  # cased corpora come first
    assert any(tag[2:] == "LOC" for _, tags in plain[:n_idner] for tag in tags)
    assert masked[n_idner:] == plain[n_idner:]  # NERP keeps its places and organisations
    for (words, before), (same_words, after) in zip(plain[:n_idner], masked[:n_idner],
                                                    strict=True):
        assert same_words == words
        assert after == ["" if tag[2:] in ("LOC", "ORG") else tag for tag in before]
    # the missing tags train (spaCy's partial annotation) and the setting is recorded
    scores = train_pipeline(data_dir, tmp_path / "model", max_epochs=1, max_steps=2,
                            postag_path=pos_path, progress=False, settings=settings)
    assert scores["settings"]["idner2k.unknown_labels"] == "LOC, ORG"


def test_a_corpus_can_train_on_several_files(tiny_data: tuple[Path, Path],
                                             tmp_path: Path) -> None:
    data_dir, pos_path = tiny_data
    (data_dir / "idner2k" / "extra.tsv").write_text("Budi\tB-PER\ntiba\tO\n", encoding="utf-8")
    both = DEFAULT_SETTINGS.with_overrides(["idner2k.train_file=train.tsv+extra.tsv",
                                            "idner2k.valid_file="])
    ner_train, valid_paths, _, _ = load_training_data(data_dir, pos_path, both, progress=False)
    n_train = len(read_bio(data_dir / "idner2k" / "train.tsv"))
    assert ner_train[: n_train + 1] == [*read_bio(data_dir / "idner2k" / "train.tsv"),
                                        (["Budi", "tiba"], ["B-PERSON", "O"])]
    assert data_dir / "idner2k" / "dev.tsv" not in valid_paths  # it selects no model now
    assert data_dir / "nerp" / "valid.tsv" in valid_paths
    with pytest.raises(JalinError, match="dev.tsv is trained on, so it cannot select the model"):
        load_training_data(data_dir, pos_path, DEFAULT_SETTINGS.with_overrides(
            ["idner2k.train_file=train.tsv+dev.tsv", "idner2k.valid_file=dev.tsv"]),
            progress=False)


def test_mention_replacement_keeps_labels_context_and_casing(tiny_data: tuple[Path, Path]) -> None:
    import random

    from graph.nlp.conll import bio_to_spans

    data_dir, _ = tiny_data
    sentences = read_bio(data_dir / "idner2k" / "train.tsv")
    pool = mention_pool(sentences)
    assert ("Dewi", "Lestari") in pool["PERSON"] and ("Bank", "Sentosa") in pool["ORG"]
    rng = random.Random(3)
    replaced = 0
    for words, tags in sentences * 20:
        new_words, new_tags = replace_mentions(words, tags, pool, rng)
        old_spans, new_spans = bio_to_spans(tags), bio_to_spans(new_tags)
        assert [label for *_, label in new_spans] == [label for *_, label in old_spans]
        assert [w for w, t in zip(new_words, new_tags, strict=True) if t == "O"] == [
            w for w, t in zip(words, tags, strict=True) if t == "O"]
        for start, end, label in new_spans:
            assert tuple(new_words[start:end]) in pool[label]
        replaced += new_words != words
    assert replaced > 0
    lower = ["dewi", "lestari", "pindah"]
    new_words, _ = replace_mentions(lower, ["B-PERSON", "I-PERSON", "O"],
                                    {"PERSON": [("Rudi",)]}, rng, chance=1.0)
    assert new_words == ["rudi", "pindah"]  # a lower-cased sentence gets a lower-cased name


def _ruler_teacher() -> spacy.language.Language:
    """A stand-in teacher: a blank Indonesian pipeline whose "ner" is an entity ruler."""
    teacher = spacy.blank("id")
    ruler = teacher.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Dewi Lestari"},  # type: ignore[attr-defined]
                        {"label": "LOC", "pattern": "Kupang"}])
    return teacher


def test_silver_annotations_are_partial() -> None:
    sentences = [(["Dewi", "Lestari", "membeli", "buku", "di", "Ende", "."],
                  ["NNP", "NNP", "VB", "NN", "IN", "NNP", "SYM"]),
                 (["Mereka", "datang", "ke", "Kupang", "."], ["PR", "VB", "IN", "NNP", "SYM"])]
    silver = silver_annotations(_ruler_teacher(), sentences)
    # entities as the teacher found them; a proper noun it did not tag ("Ende") is unknown,
    # not "outside"; every other token is outside
    assert silver == [["B-PERSON", "I-PERSON", "O", "O", "O", None, "O"],
                      ["O", "O", "O", "B-LOC", "O"]]


def test_train_pipeline_with_silver_teacher(tiny_data: tuple[Path, Path], tmp_path: Path) -> None:
    data_dir, pos_path = tiny_data
    teacher_dir = tmp_path / "teacher"
    _ruler_teacher().to_disk(teacher_dir)
    settings = DEFAULT_SETTINGS.with_overrides([f"silver_teacher={teacher_dir}"])
    assert settings.silver_teacher == str(teacher_dir)
    scores = train_pipeline(data_dir, tmp_path / "student", max_steps=3, postag_path=pos_path,
                            progress=False, settings=settings)
    assert scores["settings"]["silver_teacher"] == str(teacher_dir)
    assert spacy.load(tmp_path / "student").pipe_names == ["tok2vec", "tagger", "ner"]


def test_fine_tuning_epochs_follow_the_main_ones(tiny_data: tuple[Path, Path],
                                                tmp_path: Path) -> None:
    data_dir, pos_path = tiny_data
    settings = DEFAULT_SETTINGS.with_overrides(["finetune_epochs=2", "patience=5"])
    idner = read_bio(data_dir / "idner2k" / "train.tsv")
    assert finetune_sentences(data_dir, settings) == idner * 3  # idner2k.copies
    both = settings.with_overrides(["idner2k.train_file=train.tsv+dev.tsv"])
    assert finetune_sentences(data_dir, both) == [
        *idner, *read_bio(data_dir / "idner2k" / "dev.tsv")] * 3
    scores = train_pipeline(data_dir, tmp_path / "m", max_epochs=1, postag_path=pos_path,
                            progress=False, settings=settings)
    assert scores["epochs"] == 3  # one main epoch, then two on IDNer 2k only
    assert finetune_sentences(data_dir, DEFAULT_SETTINGS) == []  # off by default
    with pytest.raises(JalinError, match="fine-tuning corpus 'news'"):
        finetune_sentences(data_dir, settings.with_overrides(["finetune_corpora=idner2k,news"]))


def test_tok2vec_starts_from_given_weights(tiny_data: tuple[Path, Path], tmp_path: Path) -> None:
    """With ``init_tok2vec`` the tok2vec starts from the file's weights: at learning rate 0
    it ends with exactly those weights."""
    data_dir, pos_path = tiny_data
    train_pipeline(data_dir, tmp_path / "a", max_steps=2, postag_path=pos_path, progress=False)
    weights = tmp_path / "tok2vec.bin"
    weights.write_bytes(spacy.load(tmp_path / "a").get_pipe("tok2vec").model.to_bytes())
    # the raw weights: averages start from zero and take many steps to reach the weights
    settings = DEFAULT_SETTINGS.with_overrides([f"init_tok2vec={weights}", "learn_rate=0",
                                                "average_parameters=false"])
    train_pipeline(data_dir, tmp_path / "b", seed=7, max_steps=2, postag_path=pos_path,
                   progress=False, settings=settings)
    trained = spacy.load(tmp_path / "b").get_pipe("tok2vec").model.to_bytes()
    assert trained == weights.read_bytes()
    fresh = DEFAULT_SETTINGS.with_overrides(["learn_rate=0", "average_parameters=false"])
    train_pipeline(data_dir, tmp_path / "c", seed=7, max_steps=2, postag_path=pos_path,
                   progress=False, settings=fresh)
    assert spacy.load(tmp_path / "c").get_pipe("tok2vec").model.to_bytes() != trained
    missing = DEFAULT_SETTINGS.with_overrides([f"init_tok2vec={tmp_path / 'absent.bin'}"])
    with pytest.raises(JalinError, match="pretrained tok2vec weights not found"):
        train_pipeline(data_dir, tmp_path / "d", max_steps=1, postag_path=pos_path,
                       progress=False, settings=missing)


def test_averaged_parameters_are_what_is_saved(tiny_data: tuple[Path, Path],
                                               tmp_path: Path) -> None:
    """``average_parameters`` saves the optimiser's running average, not the last weights:
    the same run (same seed, same steps) saves a different model with it than without it."""
    data_dir, pos_path = tiny_data
    saved = {}
    for average in ("false", "true"):
        settings = DEFAULT_SETTINGS.with_overrides([f"average_parameters={average}"])
        train_pipeline(data_dir, tmp_path / average, seed=3, max_steps=3, postag_path=pos_path,
                       progress=False, settings=settings)
        saved[average] = spacy.load(tmp_path / average).get_pipe("ner").model.to_bytes()
    again = tmp_path / "again"
    train_pipeline(data_dir, again, seed=3, max_steps=3, postag_path=pos_path, progress=False)
    # the default (what ships) averages; and a run is reproducible
    assert spacy.load(again).get_pipe("ner").model.to_bytes() == saved["true"]
    assert saved["true"] != saved["false"]


def _weights(model: Any) -> list[bytes]:
    """Every parameter array of a thinc model, as bytes."""
    return [node.get_param(name).tobytes() for node in model.walk()
            for name in node.param_names if node.has_param(name)]


def test_pretrained_tok2vec_is_reproducible_and_loads(tiny_data: tuple[Path, Path],
                                                      tmp_path: Path) -> None:
    data_dir, pos_path = tiny_data
    texts = pretraining_texts(data_dir, ["nergrit/train.tsv", "idner2k/train.tsv"], pos_path, 1)
    # IDNer 2k's three sentences (no NERGrit here), then the POS sentences (with fewer than five
    # none is held out, as in training)
    assert texts == [" ".join(words) for words, _ in read_bio(data_dir / "idner2k" / "train.tsv")
                     ] + ["Dewi membeli buku baru .", "Mereka tidak datang ke Kupang ."]
    first = pretrain_tok2vec(load_config(), texts, tmp_path / "one.bin", epochs=2, progress=False)
    second = pretrain_tok2vec(load_config(), texts, tmp_path / "two.bin", epochs=2,
                              progress=False)
    assert first.read_bytes() == second.read_bytes()
    assert not list(tmp_path.glob("*.partial"))
    nlp = build_pipeline(read_bio(data_dir / "idner2k" / "train.tsv"), read_postag(pos_path), 0)
    tok2vec = nlp.get_pipe("tok2vec").model
    random_weights = tok2vec.to_bytes()
    tok2vec.from_bytes(first.read_bytes())
    assert tok2vec.to_bytes() == first.read_bytes() != random_weights
    with pytest.raises(JalinError, match="at least one epoch"):
        pretrain_tok2vec(load_config(), texts, tmp_path / "none.bin", epochs=0, progress=False)


def test_train_pipeline_pretrains_first(tiny_data: tuple[Path, Path], tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    data_dir, pos_path = tiny_data
    settings = DEFAULT_SETTINGS.with_overrides(["pretrain_epochs=1", "learn_rate=0",
                                                "average_parameters=false",
                                                "idner2k.train_file=train.tsv+dev.tsv",
                                                "idner2k.valid_file="])
    train_pipeline(data_dir, tmp_path / "m", max_steps=1, postag_path=pos_path, settings=settings)
    texts = pretraining_texts(data_dir, ["nergrit/train.tsv", "nerp/train.tsv",
                                         "idner2k/train.tsv", "idner2k/dev.tsv"], pos_path, 1000)
    assert len(texts) == 10  # NERP 2, IDNer 2k train 3 and dev 3, POS 2 (nergrit/ is missing)
    assert "pretraining the tok2vec: 10 sentences, 1 epochs" in capsys.readouterr().err
    expected = pretrain_tok2vec(load_config(), texts, tmp_path / "w.bin", epochs=1,
                                progress=False)
    # learning rate 0: the saved tok2vec has the pretrained weights (the bytes also hold the
    # dropout rate, which training sets)
    saved = spacy.load(tmp_path / "m").get_pipe("tok2vec").model
    pretrained = saved.copy().from_bytes(expected.read_bytes())
    assert _weights(saved) == _weights(pretrained)
    assert _weights(saved) != _weights(saved.copy().initialize())


def test_train_pipeline_without_pos_data(tiny_data: tuple[Path, Path], tmp_path: Path) -> None:
    data_dir, _ = tiny_data
    train_pipeline(data_dir, tmp_path / "m", max_steps=2, postag_path=None, progress=False)
    assert spacy.load(tmp_path / "m").pipe_names == ["tok2vec", "ner"]


def test_ner_train_command_needs_pos_data(tiny_data: tuple[Path, Path], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Without nlp-id the command stops with a one-line error instead of training a pipeline
    that has no tagger (which the concept extractor needs)."""
    from graph import cli
    from graph.nlp import train

    data_dir, _ = tiny_data
    monkeypatch.setattr(train, "default_postag_path", lambda: None)
    code = cli.main(["ner", "train", "--data", str(data_dir), "--out", str(tmp_path / "m")])
    assert code == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("jalin: error: nlp-id's POS data is missing")
    assert "pip install" in error and "\n" not in error
    assert not (tmp_path / "m").exists()


def test_train_pipeline_missing_data_dir(tmp_path: Path) -> None:
    with pytest.raises(JalinError):
        train_pipeline(tmp_path / "absent", tmp_path / "m", max_steps=1, progress=False)


def test_restore_case() -> None:
    table = CaseTable.from_sentences([["Di", "kantor", "KPK", "dan", "kantor", "Polri"]])
    words = ["kemarin", "pegawai", "kpk", "dan", "bea", "dan", "cukai", "ke", "kantor"]
    tags = ["O", "O", "B-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]
    assert restore_case(words, tags, table) == [
        "Kemarin", "pegawai", "KPK", "dan", "Bea", "dan", "Cukai", "ke", "kantor"
    ]  # fmt: skip
    assert change_case(["Kota", "Bogor"], "upper") == ["KOTA", "BOGOR"]
    assert change_case(["kota", "bogor"], "title") == ["Kota", "Bogor"]


@pytest.mark.skipif(not (SHIPPED_MODEL / "meta.json").is_file(), reason="model not trained yet")
def test_shipped_model_finds_person_and_org() -> None:
    nlp = spacy.load(SHIPPED_MODEL)
    assert {"tagger", "ner"} <= set(nlp.pipe_names)
    text = (
        "Menteri Keuangan Sri Mulyani Indrawati bertemu pimpinan Bank Indonesia "
        "di Jakarta pada hari Senin untuk membahas inflasi."
    )
    doc = nlp(text)
    entities = {(ent.text, ent.label_) for ent in doc.ents}
    assert any(label == "PERSON" and "Mulyani" in ent for ent, label in entities), entities
    assert any(label == "ORG" and "Bank Indonesia" in ent for ent, label in entities), entities
    assert {token.tag_ for token in doc} & {"NN", "NNP", "VB"}
    speed = measure_speed(nlp, [text] * 5)
    assert speed["words"] > 0


def test_shipped_tokenizer_is_the_default_one() -> None:
    """load_pipeline skips reading the shipped tokenizer back: it must be blank("id")'s."""
    import spacy

    from graph.nlp.pipeline import MODEL_DIR

    shipped = spacy.blank("id").tokenizer.from_disk(MODEL_DIR / "tokenizer", exclude=["vocab"])
    default = spacy.blank("id").tokenizer
    assert shipped.to_bytes(exclude=["vocab"]) == default.to_bytes(exclude=["vocab"])


# An invented article (not from any corpus) with character offsets, as graph/nlp/corpus holds.
WRITTEN_ARTICLE = {
    "id": "x1",
    "text": "Direktur PT Sinar Kupang Abadi, Maria Goreti, tiba di Kupang.\n\n"
            "Australia menolak usulan itu dalam KTT Iklim 2030.",
    "entities": [[9, 30, "ORG"], [32, 44, "PERSON"], [54, 60, "LOC"], [63, 72, "LOC?"],
                 [98, 112, "EVENT"]],
}


def test_articles_with_offsets_become_tagged_sentences(tmp_path: Path) -> None:
    from graph.nlp.offsets import read_offsets_jsonl

    path = tmp_path / "train.jsonl"
    path.write_text(json.dumps(WRITTEN_ARTICLE) + "\n\n", encoding="utf-8")
    assert read_offsets_jsonl(path) == [
        (["Direktur", "PT", "Sinar", "Kupang", "Abadi", ",", "Maria", "Goreti", ",", "tiba", "di",
          "Kupang", "."],
         ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O", "O", "O",
          "B-LOC", "O"]),
        # the uncertain place is missing (neither LOC nor outside); paragraph breaks are dropped
        (["Australia", "menolak", "usulan", "itu", "dalam", "KTT", "Iklim", "2030", "."],
         ["", "O", "O", "O", "O", "B-EVENT", "I-EVENT", "I-EVENT", "O"]),
    ]


@pytest.mark.parametrize(("entities", "message"), [
    ([[9, 28, "ORG"]], r"line 2: span \[9, 28\] 'PT Sinar Kupang Aba' does not start and end at"),
    ([[9, 30, "ORG"], [12, 17, "LOC"]], r"line 2: span \[12, 17\] 'Sinar' overlaps"),
    ([[9, 30, "COMPANY"]], r"line 2: unknown label 'COMPANY'"),
    ([[9, 300, "ORG"]], r"line 2: span \[9, 300\] outside the text"),
])
def test_articles_with_bad_offsets_name_the_line(tmp_path: Path, entities: list[Any],
                                                 message: str) -> None:
    from graph.nlp.offsets import read_offsets_jsonl

    path = tmp_path / "train.jsonl"
    good = json.dumps(WRITTEN_ARTICLE)
    path.write_text(good + "\n" + json.dumps(WRITTEN_ARTICLE | {"entities": entities}) + "\n",
                    encoding="utf-8")
    with pytest.raises(JalinError, match=message) as error:
        read_offsets_jsonl(path)
    assert str(path) in str(error.value)
    path.write_text(good + "\n" + '{"text": "Halo"}\n', encoding="utf-8")
    with pytest.raises(JalinError, match="line 2: missing key 'entities'"):
        read_offsets_jsonl(path)


def test_written_corpus_trains_its_copies(tiny_data: tuple[Path, Path], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import graph.nlp.train as train
    from graph.nlp.offsets import read_offsets_jsonl

    data_dir, pos_path = tiny_data
    corpus_dir = tmp_path / "corpus"
    (corpus_dir / "written_news").mkdir(parents=True)
    (corpus_dir / "written_news" / "train.jsonl").write_text(json.dumps(WRITTEN_ARTICLE) + "\n",
                                                             encoding="utf-8")
    monkeypatch.setattr(train, "WRITTEN_CORPUS_DIR", corpus_dir)
    written = read_offsets_jsonl(corpus_dir / "written_news" / "train.jsonl")
    without, *_ = load_training_data(data_dir, pos_path, progress=False,
                                     settings=DEFAULT_SETTINGS.with_overrides(
                                         ["written_news.copies=0"]))
    assert not any(sentence in without for sentence in written)
    settings = DEFAULT_SETTINGS.with_overrides(["written_news.copies=2"])
    with_written, *_ = load_training_data(data_dir, pos_path, settings, progress=False)
    # with copies=2, each of its sentences twice, the other corpora unchanged
    assert [s for s in with_written if s not in written] == without
    assert sorted(s for s in with_written if s in written) == sorted(written * 2)
    scores = train_pipeline(data_dir, tmp_path / "model", max_epochs=1, max_steps=2,
                            postag_path=pos_path, progress=False, settings=settings)
    assert scores["settings"]["written_news.copies"] == 2


def test_the_shipped_written_corpus_reads_and_is_trained_by_default() -> None:
    import graph.nlp.train as train
    from graph.nlp.offsets import read_offsets_jsonl

    corpus = next(c for c in DEFAULT_SETTINGS.corpora if c.folder == "written_news")
    assert corpus.builtin and corpus.copies > 0
    sentences = read_offsets_jsonl(train.WRITTEN_CORPUS_DIR / "written_news" / corpus.train_file)
    labels = {tag[2:] for _, tags in sentences for tag in tags if tag.startswith("B-")}
    assert len(sentences) > 2000 and labels == {"PERSON", "ORG", "LOC", "EVENT"}
    assert any("" in tags for _, tags in sentences)  # the uncertain places are missing
    more = next(c for c in DEFAULT_SETTINGS.corpora if c.folder == "written_news_more")
    assert more.builtin and more.copies == 0  # off by default (docs/ner.md, runs 36-39)
    extra = read_offsets_jsonl(train.WRITTEN_CORPUS_DIR / "written_news_more" / more.train_file)
    assert len(extra) > 800
    texts = [{json.loads(line)["text"] for line in (train.WRITTEN_CORPUS_DIR / folder
                                                    / "train.jsonl").open(encoding="utf-8")}
             for folder in ("written_news", "written_news_more")]
    assert len(texts[1]) == 48 and not texts[0] & texts[1]
