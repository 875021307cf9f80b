"""Hostile and broken input (issue 7): the real ``jalin`` command on a generated bad-input corpus.

Every corpus here is written by the tests into temporary folders; nothing big is committed. The
end-to-end runs use the real command (``python -m graph.cli``) in a subprocess; the runs that
need the spaCy model are few and shared through module-scoped fixtures.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import random
import signal
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import networkx as nx
import pytest

import graph
from graph.cooccur import MAX_WINDOW_ENTITIES, CooccurrenceCounter
from graph.dedup import Deduplicator
from graph.errors import JalinError
from graph.ingest import MAX_DOCUMENT_CHARS, read_documents
from graph.records import DocMentions, Document, Mention
from graph.resolve import resolve
from graph.workflow import iter_documents

ROOT = Path(__file__).resolve().parent.parent
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths, signals and FIFOs")


def jalin(*args: str | Path, env: dict[str, str] | None = None,
          timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run the real command line."""
    return subprocess.run([sys.executable, "-m", "graph.cli", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def assert_user_error(proc: subprocess.CompletedProcess[str], *needles: str) -> str:
    """Exit 2, the last stderr line is ``jalin: error: ...`` naming the needles, no traceback;
    any line before it is a warning."""
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines and lines[-1].startswith("jalin: error: "), proc.stderr
    assert all(line.startswith("jalin: warning: ") for line in lines[:-1]), proc.stderr
    for needle in needles:
        assert needle in lines[-1], (needle, lines[-1])
    return lines[-1]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every output under ``folder`` (hidden files too) with its bytes.

    The extraction cache (``jalin.db`` and its write-ahead log) is not an output: an interrupted
    build keeps the extractions it finished there, by design; :func:`assert_cache_consistent`
    checks it instead.
    """
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith("jalin.db")}


def assert_cache_consistent(folder: Path) -> None:
    """The extraction cache in ``folder``, if any, opens and passes SQLite's integrity check."""
    import sqlite3

    db = folder / "jalin.db"
    if db.exists():
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def article(person: str, other: str, place: str, extra: str = "") -> str:
    """A short news article (title line first) naming ``person``, ``other`` and ``place``."""
    return (f"{person} Bertemu {other} di {place}\n\n"
            f"Menteri {person} bertemu {other} di {place} pada hari Senin untuk membahas "
            f"kerja sama ekonomi digital. {extra}\n\n"
            f"\"Pertemuan ini sangat penting bagi usaha kecil,\" kata {person} kepada wartawan "
            f"di {place}.\n")


STORY = (
    "Menteri Keuangan Sri Mulyani Indrawati mengatakan Bank Indonesia dan pemerintah sepakat "
    "menjaga stabilitas harga pangan menjelang Lebaran. Kesepakatan itu dicapai dalam rapat "
    "koordinasi di Jakarta pada hari Selasa yang juga dihadiri Gubernur Bank Indonesia Perry "
    "Warjiyo.\n\n"
    "Menurut Sri Mulyani, inflasi bahan pangan bergejolak masih menjadi perhatian utama karena "
    "pasokan cabai dan bawang merah terganggu cuaca buruk di sejumlah daerah penghasil. "
    "Pemerintah akan memperluas operasi pasar dan mempercepat distribusi dari daerah surplus.\n\n"
    "Perry Warjiyo menambahkan bahwa Bank Indonesia siap memperkuat koordinasi dengan "
    "pemerintah daerah melalui tim pengendalian inflasi di seluruh provinsi.")


def syndicated(outlet_line: str, footer: str, story: str = STORY) -> str:
    return (f"Pemerintah dan BI Sepakat Jaga Harga Pangan\n\n{outlet_line}{story}\n\n"
            f"Baca juga: Harga Cabai Naik Jelang Lebaran\n\n{footer}\n")


PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(200)


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("berita.txt", article("Joko Widodo", "Jack Ma", "Hangzhou"))
    return buffer.getvalue()


def write_bad_corpus(root: Path) -> Path:
    """The bad-input corpus: one folder with every kind of trouble, and good articles among it."""
    corpus = root / "korpus berita ü"
    (corpus / "sub").mkdir(parents=True)
    # empty, whitespace only, binary with a text extension, an unsupported type, a hidden file
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.txt").write_bytes(b"  \n\t\r\n \n")
    (corpus / "image.txt").write_bytes(PNG)
    (corpus / "archive.txt").write_bytes(_zip_bytes())
    (corpus / "scan.txt").write_bytes(PDF)
    (corpus / "photo.png").write_bytes(PNG)
    (corpus / ".hidden.txt").write_text(article("Hidden Person", "Nobody", "Nowhere"),
                                        encoding="utf-8")
    # encodings and invisible characters
    (corpus / "utf16.txt").write_bytes(
        article("Ridwan Kamil", "Tokopedia", "Bandung").encode("utf-16"))
    (corpus / "cp1252.txt").write_bytes(article(
        "Anies Baswedan", "Gojek", "Jakarta",
        "Ia minum kopi di café “Tugu” — katanya — bersama wartawan.").encode("cp1252"))
    (corpus / "crlf.txt").write_bytes(
        article("Retno Marsudi", "ASEAN", "Singapura").replace("\n", "\r\n").encode())
    (corpus / "cr.txt").write_bytes(
        article("Ganjar Pranowo", "Pertamina", "Semarang").replace("\n", "\r").encode())
    (corpus / "nul.txt").write_bytes(
        article("Erick Thohir", "Garuda Indonesia", "Surabaya").replace("Erick", "Er\x00ick")
        .encode())
    (corpus / "zero-width.txt").write_text(
        article("Jack\u200bMa", "Alibaba", "Hangzhou",
                "Ia juga bertemu \u202eNadiem\u202c Makarim\u200f dan Wis\u00adnu\u2066tama."),
        encoding="utf-8")
    (corpus / "bad-utf8.txt").write_bytes(
        article("Tri Rismaharini", "Kementerian Sosial", "Surabaya",
                "“Kami bekerja keras,” ujarnya — seperti biasa.").encode()
        .replace(b"bekerja", b"beker\xff\xfeja"))
    # structured formats
    (corpus / "broken.jsonl").write_text(
        json.dumps({"title": "Satu", "text": article("Prabowo Subianto", "TNI", "Magelang")})
        + "\n{\"title\": \"Dua\", \"text\": \"Kalimat terpotong\n"
        + json.dumps({"title": "Tiga", "text": article("Susi Pudjiastuti", "KKP", "Pangandaran")})
        + "\n", encoding="utf-8")
    (corpus / "notext.csv").write_text("judul,tanggal\nSatu,2020-01-01\n", encoding="utf-8")
    (corpus / "quoted.csv").write_text(
        'title,text\n"Luhut","' + article("Luhut Pandjaitan", "Tesla", "Batang").replace('"', '""')
        + '"\n', encoding="utf-8")
    (corpus / "semicolon.csv").write_text(
        "judul;isi\nAhok;" + article("Basuki Purnama", "Pertamina", "Jakarta").replace("\n", " ")
        + "\n", encoding="utf-8")
    (corpus / "page.html").write_text(
        "<!doctype html><html><head><title>Budi Karya di Medan</title>"
        "<style>.Megawati{color:red} body:after{content:'Puan Maharani'}</style>"
        "<script>var tokoh = 'Megawati Soekarnoputri'; document.write('Puan Maharani');</script>"
        "</head><body><!-- komentar: Megawati Soekarnoputri bertemu Puan Maharani -->"
        "<article><h1>Budi Karya di Medan</h1><p>Menteri Perhubungan Budi Karya Sumadi "
        "meresmikan bandara baru di Medan pada hari Rabu bersama Gubernur Edy Rahmayadi.</p>"
        "<script>alert('Megawati Soekarnoputri')</script><p>Budi Karya Sumadi mengatakan bandara "
        "itu akan melayani dua juta penumpang setiap tahun.</p></article></body></html>",
        encoding="utf-8")
    # the same story from two outlets (different boilerplate), and a lightly edited copy
    (corpus / "kompas.txt").write_text(syndicated(
        "JAKARTA, KOMPAS.com - ", "Artikel ini telah tayang di Kompas.com dengan judul lain."),
        encoding="utf-8")
    (corpus / "z-antara.txt").write_text(syndicated(
        "Jakarta (ANTARA) - ", "(ant/bud)"), encoding="utf-8")
    (corpus / "z-edited.txt").write_text(syndicated(
        "Jakarta, Detik - ", "Editor: Budi",
        STORY.replace("pada hari Selasa", "pada Selasa siang").rsplit("\n\n", 1)[0]),
        encoding="utf-8")
    # hostile markup inside the text of an article: must be shown as text, never run
    (corpus / "hostile.txt").write_text(
        "Berita <script>alert('judul')</script>\n\n"
        "Presiden Joko Widodo bertemu Jack Ma <script>alert('xss')</script> di Hangzhou pada "
        "hari Senin. Joko Widodo dan Jack Ma <img src=x onerror=alert(1)> membahas e-commerce "
        "di Hangzhou bersama Rudiantara \"><svg onload=alert(2)>.\n", encoding="utf-8")
    # names with spaces and non-ASCII characters, a symlink loop, an unreadable file, a FIFO
    (corpus / "sub" / "berita dengan spasi – ü.txt").write_text(
        article("Rudiantara", "Google", "Silicon Valley"), encoding="utf-8")
    if sys.platform != "win32":
        (corpus / "sub" / "loop").symlink_to(corpus, target_is_directory=True)
        if Path("/proc/self/mem").exists():  # the OS refuses to read it, even to root
            (corpus / "unreadable.txt").symlink_to("/proc/self/mem")
        os.mkfifo(corpus / "fifo.txt")
    return corpus


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory: pytest.TempPathFactory):
    """One real ``jalin build`` over the bad-input corpus (``--out`` with spaces and ü)."""
    root = tmp_path_factory.mktemp("bad")
    corpus = write_bad_corpus(root)
    out = root / "keluaran hasil ü"
    started = time.perf_counter()
    proc = jalin("build", corpus, "--out", out, "--format", "gexf,csv", timeout=300)
    return corpus, out, proc, time.perf_counter() - started


def warnings_of(proc: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in proc.stderr.splitlines() if line.startswith("jalin: warning: ")]


def node_names(g: nx.Graph) -> set[str]:
    names: set[str] = set()
    for _, data in g.nodes(data=True):
        names.add(data["label"])
        names.update(a for a in str(data.get("aliases", "")).split(" | ") if a)
    return names


# --------------------------------------------------------------------------- the bad corpus


def test_bad_corpus_builds_with_one_warning_per_bad_file(bad_build) -> None:
    corpus, out, proc, _ = bad_build
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    warnings = warnings_of(proc)
    expected = {
        "empty.txt": "empty file", "blank.txt": "empty file", "image.txt": "PNG image",
        "archive.txt": "ZIP archive", "scan.txt": "PDF document",
        "photo.png": "unsupported file type", "bad-utf8.txt": "invalid UTF-8",
        "broken.jsonl": "line 2: invalid JSON", "notext.csv": "no 'text' column (columns: judul",
    }
    if (corpus / "unreadable.txt").is_symlink():
        expected["unreadable.txt"] = "cannot read the file"
    for name, problem in expected.items():
        hits = [w for w in warnings if f"{corpus / name}:" in w and problem in w]
        assert len(hits) == 1, (name, problem, warnings)
    assert not any("hidden" in w or "fifo" in w or "loop" in w for w in warnings), warnings
    summary = proc.stderr.strip().splitlines()[-1]
    assert summary.startswith("jalin: ") and "documents" in summary


def test_bad_corpus_outputs_are_valid(bad_build) -> None:
    _, out, proc, _ = bad_build
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith("resolution")) == [
        "edges.csv", "graph.gexf", "graph.graphml", "graph.html", "graph.json", "jalin.db",
        "nodes.csv"]
    assert_cache_consistent(out)
    g = graph.read_graphml(out / "graph.graphml")
    assert nx.is_isomorphic(g, graph.read_json(out / "graph.json"))
    assert not [p for p in out.rglob("*") if p.name.startswith(".") or p.suffix == ".tmp"]


def test_every_readable_encoding_and_format_is_read(bad_build) -> None:
    _, out, proc, _ = bad_build
    g = graph.read_graphml(out / "graph.graphml")
    names = node_names(g)
    for name in ("Ridwan Kamil",  # UTF-16 with BOM
                 "Anies Baswedan",  # Windows-1252
                 "Retno Marsudi",  # CRLF
                 "Ganjar Pranowo",  # lone CR
                 "Erick Thohir",  # a NUL inside the name
                 "Jack Ma",  # a zero-width space inside the name
                 "Tri Rismaharini",  # UTF-8 with corrupt bytes
                 "Prabowo Subianto", "Susi Pudjiastuti",  # JSON Lines around a broken line
                 "Luhut Pandjaitan",  # CSV, quoted newlines
                 "Basuki Purnama",  # CSV with ';'
                 "Budi Karya Sumadi",  # HTML
                 "Rudiantara",  # a file name with spaces and ü, inside a symlink loop
                 "Sri Mulyani Indrawati"):  # syndicated
        assert name in names, (name, sorted(names))
    assert not any("\u200b" in n or "\x00" in n or "\u202e" in n or "\ufffd" in n
                   for n in names)
    documents = json.loads(g.graph["documents"])
    texts = " ".join(d["title"] for d in documents.values())
    assert "café" not in texts or "Ã" not in texts


def test_html_scripts_styles_and_comments_are_not_read(bad_build) -> None:
    _, out, _, _ = bad_build
    g = graph.read_graphml(out / "graph.graphml")
    names = " ".join(node_names(g))
    assert "Megawati" not in names and "Puan" not in names
    for *_, data in g.edges(data=True):
        assert "alert('Megawati" not in data["evidence"]


def test_duplicates_and_near_duplicates_counted_once(bad_build) -> None:
    corpus, out, proc, _ = bad_build
    g = graph.read_graphml(out / "graph.graphml")
    paths = [d["path"] for d in json.loads(g.graph["documents"]).values()]
    copies = [p for p in paths if Path(p).name in ("kompas.txt", "z-antara.txt", "z-edited.txt")]
    assert copies == [str(corpus / "kompas.txt")]  # the first in corpus order is kept
    assert any("2 duplicate article(s) counted once (1 exact, 1 near-duplicate" in w
               and "--keep-duplicates" in w for w in warnings_of(proc)), proc.stderr


def test_keep_duplicates_keeps_every_copy(bad_build, tmp_path: Path) -> None:
    corpus, _, _, _ = bad_build
    copies = tmp_path / "copies"
    copies.mkdir()
    for name in ("kompas.txt", "z-antara.txt", "z-edited.txt"):
        (copies / name).write_bytes((corpus / name).read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    (out / "resolution.json").write_text("{not json", encoding="utf-8")  # a damaged record
    proc = jalin("build", copies, "--out", out, "--keep-duplicates", "--no-html")
    assert proc.returncode == 0, proc.stderr
    assert "3 documents" in proc.stderr and "duplicate article" not in proc.stderr
    g = graph.read_graphml(out / "graph.graphml")
    assert g.graph["n_documents"] == 3
    # the damaged record of an earlier run is a warning, and is replaced by a good one
    assert any("resolution.json" in w for w in warnings_of(proc)) and "Traceback" not in proc.stderr
    json.loads((out / "resolution.json").read_text(encoding="utf-8"))


def test_hostile_article_is_escaped_in_the_page(bad_build) -> None:
    _, out, _, _ = bad_build
    g = graph.read_graphml(out / "graph.graphml")
    evidence = " ".join(d["evidence"] for *_, d in g.edges(data=True))
    assert "<script>alert('xss')</script>" in evidence  # the text is kept as text...
    page = (out / "graph.html").read_text(encoding="utf-8")
    for raw in ("<script>alert('xss')", "<script>alert('judul')", "<img src=x onerror",
                "<svg onload", "onerror=alert(1)>"):
        assert raw not in page, raw  # ...and never markup in the page


# --------------------------------------------------------------------------- nothing to read


def test_folder_without_articles_is_a_user_error_and_keeps_old_outputs(tmp_path: Path) -> None:
    corpus = tmp_path / "kosong"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.md").write_text(" \n\n\t\n", encoding="utf-8")
    (corpus / "photo.png").write_bytes(PNG)
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.graphml").write_text("earlier build", encoding="utf-8")
    before = snapshot(out)
    proc = jalin("build", corpus, "--out", out)
    assert_user_error(proc, str(corpus), "no article could be read")
    assert len(warnings_of(proc)) == 3
    assert snapshot(out) == before


def test_corpus_without_entities_gives_valid_empty_outputs(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("catatan harian\n\nhari ini hujan turun sejak pagi dan "
                                  "jalanan sepi sekali.\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = jalin("build", corpus, "--out", out, "--no-concepts")
    assert proc.returncode == 0, proc.stderr
    assert "1 documents, 0 nodes, 0 edges" in proc.stderr
    g = graph.read_graphml(out / "graph.graphml")
    assert g.number_of_nodes() == 0 and g.graph["n_documents"] == 1
    assert nx.read_graphml(out / "graph.graphml").number_of_nodes() == 0  # plain networkx too
    assert "No entities found" in (out / "graph.html").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- very large inputs


def _names(rng: random.Random, count: int) -> list[str]:
    syllables = "ba bu di har jo ko ma ni ra san su ti wan wi ya yo go nu ke la".split()

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(3)).capitalize()

    return [f"{word()} {word()}" for _ in range(count)]


def test_very_large_inputs_are_bounded_and_warned(tmp_path: Path) -> None:
    """A 50 MB file, a 1 MB line, a 10,000-token sentence and 10,000 names in one document."""
    rng = random.Random(7)
    words = ("pemerintah akan membangun jalan tol baru di Jawa Tengah dan Sumatra tahun depan "
             "kata Menteri Basuki Hadimuljono kepada wartawan").split()
    corpus = tmp_path / "besar"
    corpus.mkdir()
    paragraph = " ".join(words) + ". "
    with open(corpus / "50mb.txt", "w", encoding="utf-8") as fh:
        fh.write("Judul Besar\n\n")
        chunk = (paragraph * 8 + "\n\n") * 1000
        while fh.tell() < 50 << 20:
            fh.write(chunk)
    (corpus / "line.txt").write_text(
        "Satu Baris\n\n" + " ".join(rng.choice(words) for _ in range(150_000)), encoding="utf-8")
    (corpus / "sentence.txt").write_text(
        "Kalimat Panjang\n\n" + " dan ".join(_names(rng, 3_400)) + ".", encoding="utf-8")
    (corpus / "names.jsonl").write_text(
        json.dumps({"title": "Daftar", "text": ", ".join(_names(rng, 10_000)) + "."}) + "\n",
        encoding="utf-8")
    out = tmp_path / "out"
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "graph.cli", "build", str(corpus), "--out",
                              str(out), "--window", "document", "--no-html"], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        stdout, stderr = child.communicate(timeout=600)
    finally:
        child.kill()
    seconds = time.perf_counter() - started
    rss_mb = _child_max_rss_mb()
    assert child.returncode == 0, stderr
    assert "Traceback" not in stderr
    limit = f"{MAX_DOCUMENT_CHARS:,} characters per article"
    for name in ("50mb.txt", "line.txt", "names.jsonl#1"):
        assert any(f"{corpus / name}: too long" in w and limit in w for w in stderr.splitlines()
                   ), (name, stderr)
    assert "window(s) named more than" in stderr  # the 10,000 names: links capped
    g = graph.read_graphml(out / "graph.graphml")
    assert g.graph["n_documents"] == 4
    longest = max((len(item["text"]) for *_, d in g.edges(data=True)
                   for item in json.loads(d["evidence"])), default=0)
    assert longest < 2 * 200 * 30  # two sentences of at most 200 tokens: a readable size
    # loose bounds: real figures belong to bench/, these only catch a blow-up
    assert seconds < 400, seconds
    if rss_mb is not None:
        assert rss_mb < 3000, rss_mb


def _child_max_rss_mb() -> float | None:
    """Peak memory of the largest child process waited for so far (an upper bound), in MB."""
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024


def test_ten_thousand_entities_in_one_window_stay_bounded() -> None:
    """Resolution and co-occurrence on 10,000 distinct entities in one document window.

    Sentences hold 40 names each, as the sentence splitter caps sentences at 200 tokens.
    """
    rng = random.Random(3)
    names = sorted(set(_names(rng, 12_000)))[:10_000]
    mentions, sentences, starts, offset = [], [], [], 0
    for s in range(0, len(names), 40):
        chunk = names[s:s + 40]
        starts.append(offset)
        for name in chunk:
            mentions.append(Mention("big", offset, offset + len(name), name, "PERSON",
                                    len(sentences), 0))
            offset += len(name) + 2
        sentences.append(", ".join(chunk) + ".")
    text = " ".join(sentences)
    doc = DocMentions(Document(id="big", path="big.txt", text=text), tuple(mentions),
                      tuple(sentences), tuple(starts), (0,) * len(sentences))
    started = time.perf_counter()
    resolution = resolve([doc])
    counter = CooccurrenceCounter(resolution, "document", evidence=1)
    counter.add(doc)
    g = counter.graph()
    assert time.perf_counter() - started < 60
    assert g.number_of_nodes() >= 9_000
    assert counter.capped_windows == 1
    cap = MAX_WINDOW_ENTITIES
    assert g.number_of_edges() == cap * (cap - 1) // 2


# --------------------------------------------------------------------------- interrupted runs


def _write_jsonl_corpus(path: Path, records: int) -> None:
    rng = random.Random(11)
    vocab = [f"kata{i}" for i in range(5000)]
    names = _names(rng, 400)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(records):
            body = " ".join(rng.choice(vocab) for _ in range(60))
            text = (f"Menteri {rng.choice(names)} bertemu {rng.choice(names)} di Jakarta. "
                    f"{body}. Hal itu disampaikan {rng.choice(names)} pada hari Senin.")
            fh.write(json.dumps({"id": f"r{i}", "title": f"Berita {i}", "text": text}) + "\n")


def _reading(pid: int, path: Path) -> bool:
    """Whether process ``pid`` has ``path`` open (Linux: /proc/PID/fd)."""
    fds = Path(f"/proc/{pid}/fd")
    try:
        return any(os.readlink(fd) == str(path) for fd in fds.iterdir())
    except OSError:
        return False


@pytest.fixture(scope="module")
def previous_outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The outputs of a real earlier build (a small corpus), to be protected."""
    root = tmp_path_factory.mktemp("previous")
    (root / "a.txt").write_text(article("Joko Widodo", "Jack Ma", "Hangzhou"), encoding="utf-8")
    proc = jalin("build", root / "a.txt", "--out", root / "out", "--format", "csv,gexf",
                 env={"PYTHONHASHSEED": "1"})
    assert proc.returncode == 0, proc.stderr
    corpus = root / "corpus.jsonl"
    _write_jsonl_corpus(corpus, 3000)
    return root


@POSIX
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see the run")
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL],
                         ids=["SIGINT", "SIGTERM", "SIGKILL"])
def test_interrupted_build_leaves_previous_outputs_untouched(previous_outputs: Path, tmp_path: Path,
                                                             signum: int) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for p in (previous_outputs / "out").iterdir():
        (out / p.name).write_bytes(p.read_bytes())
    before = snapshot(out)
    corpus = previous_outputs / "corpus.jsonl"
    # as run in a terminal's foreground: a shell starting a job in the background (no job
    # control, as CI scripts may) ignores SIGINT for it, and Python keeps it ignored
    child = subprocess.Popen([sys.executable, "-m", "graph.cli", "build", str(corpus), "--out",
                              str(out), "--format", "csv,gexf"], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 120
        while not _reading(child.pid, corpus):
            assert child.poll() is None, child.communicate()
            assert time.monotonic() < deadline, "the build never started reading"
            time.sleep(0.05)
        time.sleep(1.0)  # well into the corpus (3,000 articles take minutes)
        assert child.poll() is None, "finished before it could be interrupted"
        child.send_signal(signum)
        _, stderr = child.communicate(timeout=60)
    finally:
        child.kill()
    if signum == signal.SIGKILL:
        assert child.returncode == -signal.SIGKILL
    else:
        assert child.returncode == 130, stderr
        assert "interrupted" in stderr and "Traceback" not in stderr
        assert len(stderr.strip().splitlines()) == 1
    assert snapshot(out) == before  # same files, same bytes, no temporary files left
    assert_cache_consistent(out)


# --------------------------------------------------------------------------- paths and --out


def test_out_under_a_file_is_a_user_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    (tmp_path / "a.txt").write_text(article("Joko Widodo", "Jack Ma", "Hangzhou"),
                                    encoding="utf-8")
    assert_user_error(jalin("build", tmp_path / "a.txt", "--out", blocker / "out"),
                      str(blocker / "out"), "Not a directory")
    assert blocker.read_text(encoding="utf-8") == "x"


@POSIX
@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders anyway; "
                    "test_out_on_a_folder_nobody_can_write covers root")
def test_out_in_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        (tmp_path / "a.txt").write_text("x y z", encoding="utf-8")
        assert_user_error(jalin("build", tmp_path / "a.txt", "--out", folder), str(folder),
                          "not writable")
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc")
def test_out_on_a_folder_nobody_can_write(tmp_path: Path) -> None:
    """/proc refuses new files even to root: the error comes before any article is read."""
    (tmp_path / "a.txt").write_text(article("Joko Widodo", "Jack Ma", "Hangzhou"),
                                    encoding="utf-8")
    started = time.perf_counter()
    assert_user_error(jalin("build", tmp_path / "a.txt", "--out", "/proc"), "/proc",
                      "not writable")
    assert time.perf_counter() - started < 60


@POSIX
def test_a_named_fifo_is_refused_and_a_walked_one_skipped(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(JalinError, match="not a regular file"):
        list(read_documents([fifo]))
    (tmp_path / "a.txt").write_text(article("Joko Widodo", "Jack Ma", "Hangzhou"),
                                    encoding="utf-8")
    errors: list[JalinError] = []
    docs = list(read_documents([tmp_path], on_error=errors.append))  # would hang if opened
    assert [Path(d.path).name for d in docs] == ["a.txt"] and not errors


@POSIX
@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file; the /proc/self/mem "
                    "file of the bad corpus is the unreadable file for root")
def test_unreadable_file_with_strict(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(article("Joko Widodo", "Jack Ma", "Hangzhou"), encoding="utf-8")
    path.chmod(0)
    try:
        assert_user_error(jalin("build", path, "--out", tmp_path / "out", "--strict"),
                          str(path), "cannot read")
    finally:
        path.chmod(0o644)


# --------------------------------------------------------------------------- alias files


def test_malformed_alias_file_names_the_line(tmp_path: Path) -> None:
    aliases = tmp_path / "alias.yaml"
    aliases.write_text("Joko Widodo:\n  - Jokowi\nGojek: [Go-Jek\nOVO: [Ovo]\n",
                       encoding="utf-8")
    assert_user_error(jalin("build", "--aliases", aliases, "--out", tmp_path / "out"),
                      str(aliases), "line 4")


def test_alias_file_cannot_run_code(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    aliases = tmp_path / "evil.yaml"
    aliases.write_text(f"x: !!python/object/apply:os.system ['touch {marker}']\n"
                       "y: !!python/object:graph.aliases.AliasEntry {canonical: a}\n",
                       encoding="utf-8")
    assert_user_error(jalin("build", "--aliases", aliases, "--out", tmp_path / "out"),
                      str(aliases), "line 1")
    assert not marker.exists()
    assert not (tmp_path / "out" / "graph.graphml").exists()


def test_alias_file_in_a_legacy_encoding_or_binary(tmp_path: Path) -> None:
    aliases = tmp_path / "alias.yaml"
    aliases.write_bytes("Café Tugu: [Kafe Tugu]\n".encode("cp1252"))
    assert_user_error(jalin("build", "--aliases", aliases, "--out", tmp_path / "out"),
                      str(aliases), "cannot read alias file")


# --------------------------------------------------------------------------- internal errors


def _crashing_stats(*args: str) -> subprocess.CompletedProcess[str]:
    """The real ``main`` with a bug planted in the stats code (an internal error)."""
    code = ("import sys, graph.stats\n"
            "def broken(*a, **k):\n    return 1 / 0\n"
            "graph.stats.format_stats = broken\n"
            "from graph.cli import main\nsys.exit(main(sys.argv[1:]))\n")
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_internal_error_says_where_to_report_and_hides_the_traceback(tmp_path: Path) -> None:
    g = nx.Graph()
    g.add_node("a", label="A", type="PERSON")
    graph.write_graphml(g, tmp_path / "graph.graphml")
    proc = _crashing_stats("stats", str(tmp_path / "graph.graphml"))
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "internal error" in lines[0] and "report" in lines[0]
    assert "ZeroDivisionError" in lines[0] and "Traceback" not in proc.stderr
    debug = _crashing_stats("--debug", "stats", str(tmp_path / "graph.graphml"))
    assert debug.returncode == 1 and "Traceback" in debug.stderr


# --------------------------------------------------------------------------- same input, same bytes


def test_two_runs_give_byte_identical_files(previous_outputs: Path, tmp_path: Path) -> None:
    """A second process with another hash seed, on the same input: the same bytes."""
    out = tmp_path / "again"
    proc = jalin("build", previous_outputs / "a.txt", "--out", out, "--format", "csv,gexf",
                 env={"PYTHONHASHSEED": "2"})
    assert proc.returncode == 0, proc.stderr
    assert snapshot(out) == snapshot(previous_outputs / "out")


# --------------------------------------------------------------------------- library level


def test_gzip_truncated_and_utf16_jsonl(tmp_path: Path) -> None:
    good = json.dumps({"text": article("Joko Widodo", "Jack Ma", "Hangzhou")}).encode()
    with gzip.open(tmp_path / "a.jsonl.gz", "wb") as fh:
        fh.write(good + b"\n")
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(good + b"\n")[:-12])  # cut short
    (tmp_path / "c.jsonl").write_bytes(codecs.BOM_UTF16_LE + (good.decode() + "\n")
                                       .replace("Joko", "Jokowi").encode("utf-16-le"))
    errors: list[JalinError] = []
    docs = list(read_documents([tmp_path], on_error=errors.append))
    assert [Path(d.path.split("#")[0]).name for d in docs][0] == "a.jsonl.gz"
    assert any(Path(d.path.split("#")[0]).name == "c.jsonl" for d in docs)
    assert all("\n" not in str(e) for e in errors)


def test_syndicated_copies_found_without_comparing_all_pairs() -> None:
    """5,000 distinct articles and a few copies: found, and fast (no all-pairs comparison)."""
    rng = random.Random(5)
    vocab = [f"kata{i}" for i in range(3000)]
    texts = [" ".join(rng.choice(vocab) for _ in range(120)) for _ in range(5000)]
    copies = [texts[10] + " Editor: Budi", texts[20].replace("kata1 ", "kata2 ", 2)]
    dedup = Deduplicator()
    started = time.perf_counter()
    found = [dedup.check(Document(id=str(i), path=str(i), text=t))
             for i, t in enumerate(texts + copies)]
    assert time.perf_counter() - started < 60
    assert sum(f is not None for f in found[:5000]) == 0
    assert [f.original for f in found[5000:] if f] == ["10", "20"]


def test_iter_documents_reports_duplicates_once(tmp_path: Path) -> None:
    for name, outlet in (("a.txt", "JAKARTA, KOMPAS.com - "), ("b.txt", "Jakarta (ANTARA) - ")):
        (tmp_path / name).write_text(syndicated(outlet, "(ant)"), encoding="utf-8")
    errors: list[JalinError] = []
    docs = list(iter_documents([tmp_path], on_error=errors.append))
    assert [Path(d.path).name for d in docs] == ["a.txt"]
    assert len(errors) == 1 and "1 duplicate" in str(errors[0])
    assert len(list(iter_documents([tmp_path], keep_duplicates=True))) == 2
