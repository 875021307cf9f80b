"""The command line: help, errors users can cause, and the commands that need no model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """Warga Kota Lama Sambut Pasar Digital

Jakarta, Kabarkota.id - Gubernur Jawa Tengah Hadi Prasetyo meresmikan pasar digital di Semarang
pada Senin (3/6/2019). Hadi mengatakan pasar digital membantu pedagang kecil.

Baca juga: Harga Cabai Naik di Pasar Induk

"Pedagang bisa menjual lewat aplikasi," kata Hadi.
"""


def jalin(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


def assert_user_error(proc: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("jalin: error: ")
    assert "Traceback" not in proc.stderr
    for needle in needles:
        assert needle in lines[0]


def test_help_lists_every_command() -> None:
    proc = jalin("--help")
    assert proc.returncode == 0
    for command in ("build", "clean", "extract", "stats", "render", "ner"):
        assert command in proc.stdout
    for command in ("build", "clean", "extract", "stats", "render"):
        sub = jalin(command, "--help")
        assert sub.returncode == 0 and "usage: jalin" in sub.stdout


def test_missing_source_is_a_one_line_error(tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada"
    assert_user_error(jalin("build", str(missing), "--out", str(tmp_path / "o")), str(missing))


def test_out_pointing_at_a_file_is_refused_and_the_file_kept(tmp_path: Path) -> None:
    target = tmp_path / "graph.graphml"
    target.write_text("precious", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert_user_error(jalin("build", str(article), "--out", str(target)), str(target))
    assert target.read_text(encoding="utf-8") == "precious"


def test_bad_window_and_format_are_one_line_errors(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert_user_error(jalin("build", str(article), "--out", str(tmp_path / "o"), "--window",
                            "bab"), "window")
    assert_user_error(jalin("build", str(article), "--out", str(tmp_path / "o"), "--format",
                            "pdf"), "pdf")


def test_stats_on_missing_or_broken_graph(tmp_path: Path) -> None:
    assert_user_error(jalin("stats", str(tmp_path / "none.graphml")), "none.graphml")
    broken = tmp_path / "broken.graphml"
    broken.write_text("<graphml><oops", encoding="utf-8")
    assert_user_error(jalin("stats", str(broken)), "broken.graphml")


def test_clean_prints_metadata_and_body_without_boilerplate(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    proc = jalin("clean", str(article))
    assert proc.returncode == 0, proc.stderr
    assert "2019-06-03" in proc.stdout
    assert "meresmikan pasar digital" in proc.stdout
    assert "Baca juga" not in proc.stdout


def test_build_and_extract_on_a_new_article(tmp_path: Path) -> None:
    article = tmp_path / "berita.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    proc = jalin("build", str(article), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "1 documents" in proc.stderr
    g = nx.read_graphml(out / "graph.graphml")
    labels = {d["label"] for _, d in g.nodes(data=True)}
    assert "Hadi Prasetyo" in labels
    assert "Hadi" not in labels  # joined to the full name in the same article
    extracted = jalin("extract", str(article))
    assert extracted.returncode == 0, extracted.stderr
    record = json.loads(extracted.stdout.splitlines()[0])
    names = {e["text"] for e in record["entities"]}
    assert "Hadi Prasetyo" in names
    for e in record["entities"]:
        assert record and e["end"] > e["start"]


def test_ner_eval_scores_a_bio_file_with_the_real_pipeline(tmp_path: Path) -> None:
    bio = tmp_path / "mini.tsv"
    rows = [("Gubernur", "O"), ("Hadi", "B-PER"), ("Prasetyo", "I-PER"), ("meresmikan", "O"),
            ("pasar", "O"), ("di", "O"), ("Semarang", "B-LOC"), (".", "O")]
    bio.write_text("\n".join(f"{w}\t{t}" for w, t in rows) + "\n", encoding="utf-8")
    proc = jalin("ner", "eval", str(bio))
    assert proc.returncode == 0, proc.stderr
    assert "PERSON" in proc.stdout and "micro" in proc.stdout
    assert_user_error(jalin("ner", "eval", str(tmp_path / "none.tsv")), "none.tsv")
