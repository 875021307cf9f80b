"""Tests for graph.nlp.conll: BIO and POS readers, label mapping, malformed input."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import JalinError
from graph.nlp.conll import (
    DEFAULT_LABEL_MAP,
    bio_to_spans,
    read_bio,
    read_postag,
    repair_bio,
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_read_bio_maps_labels_and_uses_last_column(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.tsv",
        "Budi\tPROPN\tB-PER\nke\tADP\tO\nBandung\tPROPN\tB-LOC\n\n"
        "toko\tO\nroti\tB-FNB\nmaju\tB-IND\njaya\tI-IND\n\nfestival\tB-EVT\n",
    )
    sentences = read_bio(path)
    assert sentences == [
        (["Budi", "ke", "Bandung"], ["B-PERSON", "O", "B-LOC"]),
        (["toko", "roti", "maju", "jaya"], ["O", "O", "B-ORG", "I-ORG"]),
        (["festival"], ["B-EVENT"]),
    ]


def test_default_label_map_covers_all_corpora() -> None:
    for label in ("PERSON", "PLACE", "ORGANISATION", "PPL", "PLC", "IND", "EVT", "PER", "LOC"):
        assert DEFAULT_LABEL_MAP[label] in {"PERSON", "ORG", "LOC", "EVENT"}
    assert DEFAULT_LABEL_MAP["FNB"] == "O"


def test_malformed_bio_is_repaired(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "b.tsv",
        "Kata\tO\nAni\tI-PPL\nSari\tI-PPL\ndi\tO\nUI\tB-PLACE\nDepok\tI-PLC\n",
    )
    [(words, tags)] = read_bio(path)
    assert tags == ["O", "B-PERSON", "I-PERSON", "O", "B-LOC", "I-LOC"]
    # I- after a different label starts a new entity.
    assert repair_bio([("B", "ORG"), ("I", "LOC")]) == ["B-ORG", "B-LOC"]


def test_bio_to_spans_is_lenient() -> None:
    tags = ["I-PERSON", "I-PERSON", "O", "B-LOC", "I-ORG", "B-ORG", "I-ORG"]
    assert bio_to_spans(tags) == [(0, 2, "PERSON"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 7, "ORG")]
    assert bio_to_spans([]) == []


def test_label_map_none_keeps_labels(tmp_path: Path) -> None:
    path = write(tmp_path, "c.tsv", "Rina\tB-PPL\n")
    assert read_bio(path, label_map=None) == [(["Rina"], ["B-PPL"])]


def test_missing_file_raises_jalin_error(tmp_path: Path) -> None:
    with pytest.raises(JalinError, match="not found") as info:
        read_bio(tmp_path / "nope.tsv")
    assert "nope.tsv" in str(info.value)
    with pytest.raises(JalinError):
        read_postag(tmp_path / "nope.txt")


def test_bad_tag_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "d.tsv", "Budi\tB-PER\n\nAndi\tX-PER\n")
    with pytest.raises(JalinError, match="line 3") as info:
        read_bio(path)
    assert "d.tsv" in str(info.value)


def test_unknown_label_and_missing_column(tmp_path: Path) -> None:
    with pytest.raises(JalinError, match="no mapping"):
        read_bio(write(tmp_path, "e.tsv", "Budi\tB-ALIEN\n"))
    with pytest.raises(JalinError, match="line 2"):
        read_bio(write(tmp_path, "f.tsv", "Budi\tO\ntanpa-tab\n"))


def test_non_utf8_raises_jalin_error(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_bytes(b"caf\xe9\tO\n")
    with pytest.raises(JalinError, match="UTF-8"):
        read_bio(path)


def test_read_postag_uppercases_and_deduplicates(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "pos.txt",
        "Kucing\tNN\nlari\tvb\n\nKucing\tNN\nlari\tVB\n\nrumah\tNN\nnya\tPR\tNN\n",
    )
    assert read_postag(path) == [
        (["Kucing", "lari"], ["NN", "VB"]),
        (["rumah", "nya"], ["NN", "PR"]),
    ]
    assert len(read_postag(path, deduplicate=False)) == 3
    with pytest.raises(JalinError, match="line 1"):
        read_postag(write(tmp_path, "bad.txt", "sendiri\n"))


def test_conll2003_style_files_read_as_they_are(tmp_path: Path) -> None:
    """Space-separated columns, ``-DOCSTART-`` lines between documents, MISC and number labels."""
    path = write(
        tmp_path,
        "conll.txt",
        "-DOCSTART- -X- -X- O\n\nJoko NNP B-NP B-PER\nWidodo NNP I-NP I-PER\nke IN O O\n"
        "Uni NNP B-NP B-MISC\nEropa NNP I-NP I-MISC\n-DOCSTART- -X- -X- O\n"
        "Rp NNP B-NP B-MONEY\n5 CD I-NP I-MONEY\ndi IN O O\nBandara NNP B-NP B-FAC\n",
    )
    assert read_bio(path) == [
        (["Joko", "Widodo", "ke", "Uni", "Eropa"], ["B-PERSON", "I-PERSON", "O", "O", "O"]),
        (["Rp", "5", "di", "Bandara"], ["O", "O", "O", "B-LOC"]),
    ]


def test_iobes_and_bilou_tags_become_bio(tmp_path: Path) -> None:
    iobes = write(tmp_path, "iobes.tsv", "Ani\tS-PER\nBank\tB-ORG\nPermata\tI-ORG\nTbk\tE-ORG\n")
    bilou = write(tmp_path, "bilou.tsv", "Ani\tU-PER\nBank\tB-ORG\nPermata\tL-ORG\nDepok\tU-LOC\n")
    assert read_bio(iobes) == [
        (["Ani", "Bank", "Permata", "Tbk"], ["B-PERSON", "B-ORG", "I-ORG", "I-ORG"])
    ]
    assert read_bio(bilou) == [
        (["Ani", "Bank", "Permata", "Depok"], ["B-PERSON", "B-ORG", "I-ORG", "B-LOC"])
    ]
    # Two single-token entities in a row stay two entities.
    assert bio_to_spans(read_bio(write(tmp_path, "s.tsv", "Ani\tS-PER\nBudi\tS-PER\n"))[0][1]) == [
        (0, 1, "PERSON"),
        (1, 2, "PERSON"),
    ]


def test_a_byte_order_mark_is_not_part_of_the_first_word(tmp_path: Path) -> None:
    path = tmp_path / "bom.tsv"
    path.write_text("\ufeffJokowi\tB-PER\ntiba\tO\n", encoding="utf-8")
    assert read_bio(path) == [(["Jokowi", "tiba"], ["B-PERSON", "O"])]
