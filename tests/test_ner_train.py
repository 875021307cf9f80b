"""Tests for NER training, evaluation and the shipped model (no shared data needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from graph.nlp.casing import CaseTable, change_case, restore_case
from graph.nlp.evaluate import evaluate_bio, format_report, measure_speed
from graph.nlp.train import DEFAULT_SETTINGS, silver_annotations, train_pipeline

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
    from graph.errors import JalinError

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
