"""Reading articles from files, folders and globs (graph.ingest)."""

from __future__ import annotations

import codecs
import gzip
import json
import os
import sys
from pathlib import Path

import pytest

from graph.errors import JalinError
from graph.ingest import decode_bytes, find_files, normalize_text, read_documents
from graph.records import content_id

ARTICLE = ("Jokowi Bertemu Jack Ma di Hangzhou\n\n"
           "Presiden Joko Widodo bertemu pendiri Alibaba, Jack Ma, di Hangzhou.\n\n"
           "Pertemuan itu membahas pengembangan e-commerce di Indonesia.\n")


def read_all(*sources, **kwargs):
    errors: list[JalinError] = []
    docs = list(read_documents(list(sources), on_error=errors.append, **kwargs))
    return docs, errors


# --------------------------------------------------------------------------- plain text


def test_txt_title_and_body(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,), errors = read_all(path)
    assert not errors
    assert doc.title == "Jokowi Bertemu Jack Ma di Hangzhou"
    assert doc.text.startswith("Presiden Joko Widodo bertemu")
    assert doc.id == content_id(doc.text)
    assert doc.path == str(path)


def test_first_line_that_is_a_sentence_is_not_a_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text('"Kami akan terus mendorong ekspor produk UMKM ke pasar global," kata '
                    "Menteri.\nPertemuan itu digelar di Beijing.\n", encoding="utf-8")
    (doc,), _ = read_all(path)
    assert doc.title == ""
    assert doc.text.startswith('"Kami akan terus')


def test_file_without_extension_is_text(tmp_path: Path) -> None:
    path = tmp_path / "artikel_2015"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,), errors = read_all(tmp_path)
    assert not errors and doc.title.startswith("Jokowi")


def test_markdown_front_matter_and_syntax(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Judul Dari Front Matter\ndate: 2021-05-05\nauthor: Budi\n---\n"
                    "# Judul Dari Front Matter\n\nPresiden **Joko Widodo** bertemu "
                    "[Jack Ma](https://example.com) di Hangzhou.\n![foto](x.png)\n",
                    encoding="utf-8")
    (doc,), _ = read_all(path)
    assert doc.title == "Judul Dari Front Matter"
    assert doc.date == "2021-05-05"
    assert doc.author == "Budi"
    assert "Presiden Joko Widodo bertemu Jack Ma di Hangzhou." in doc.text
    assert "**" not in doc.text and "https" not in doc.text and "#" not in doc.text


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),  # with BOM
        lambda s: s.encode("utf-16-le"),  # without BOM
        lambda s: s.encode("utf-16-be"),
        lambda s: s.encode("utf-32"),
        lambda s: s.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16le", "utf16be", "utf32", "cp1252"],
)
def test_encodings(tmp_path: Path, encode) -> None:
    text = ("Menteri “Rudiantara” minum kopi di café — Jakarta\n"
            "Menteri bertemu investor di café itu pada hari Senin untuk membahas résumé proyek.\n")
    path = tmp_path / "a.txt"
    path.write_bytes(encode(text))
    (doc,), errors = read_all(path)
    assert not errors
    assert doc.title == "Menteri “Rudiantara” minum kopi di café — Jakarta"
    assert "résumé" in doc.text


def test_newlines_nul_and_invisible_characters(tmp_path: Path) -> None:
    raw = ("Judul\r\nJack\u200bMa bertemu\u00a0Jokowi.\rKalimat\x00 kedua\u200e di "
           "Jakarta\u202e.\r\n\u200b\r\nPeme\u00adrintah setuju.").encode()
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    (doc,), _ = read_all(path)
    assert doc.text == "Jack Ma bertemu Jokowi.\nKalimat kedua di Jakarta.\n\nPemerintah setuju."


def test_normalize_text_nfc() -> None:
    assert normalize_text("cafe\u0301") == "café"
    assert normalize_text("a\u200b b") == "a b"
    assert normalize_text("a\u200b1") == "a1"


def test_decode_bytes_rejects_binary() -> None:
    with pytest.raises(JalinError, match="PNG"):
        decode_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100), "x.txt")
    with pytest.raises(JalinError, match="binary"):
        decode_bytes(bytes(range(256)) * 20, "x.txt")
    with pytest.raises(JalinError, match="NUL"):
        decode_bytes(b"abc\x00\x00\x00def\x00\x00" * 10, "x.txt")


@pytest.mark.parametrize(
    ("data", "what"),
    [(b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG"), (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "PDF"),
     (b"PK\x03\x04" + bytes(50), "ZIP"), (b"\xff\xd8\xff\xe0" + bytes(50), "JPEG"),
     (bytes(range(256)) * 10, "binary"), (b"teks\x00\x00\x00\x00" * 50, "NUL")],
)
def test_binary_file_reported_and_skipped(tmp_path: Path, data: bytes, what: str) -> None:
    (tmp_path / "a.txt").write_bytes(data)
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    docs, errors = read_all(tmp_path)
    assert [Path(d.path).name for d in docs] == ["b.txt"]
    assert len(errors) == 1
    message = str(errors[0])
    assert "a.txt" in message and what in message and "\n" not in message
    with pytest.raises(JalinError, match=what):
        list(read_documents([tmp_path], strict=True))


def test_empty_file_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("  \n\n", encoding="utf-8")
    docs, errors = read_all(tmp_path)
    assert docs == [] and "empty" in str(errors[0])


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="permissions do not apply")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    try:
        docs, errors = read_all(path)
        assert docs == [] and "cannot read" in str(errors[0])
    finally:
        path.chmod(0o644)


# --------------------------------------------------------------------------- HTML


HTML = """<!doctype html><html><head><meta charset="utf-8">
<title>Jokowi Pilih Jack Ma | Contoh News</title>
<meta property="og:site_name" content="Contoh News">
<meta name="author" content="Ramadhani Prihatini">
<meta property="article:published_time" content="2017-08-27T10:00:00+07:00">
<link rel="canonical" href="https://contoh.co.id/read/2017/08/27/jokowi-jack-ma">
</head><body><nav><a href="/">Home</a> | <a href="/ekonomi">Ekonomi</a></nav>
<article><h1>Jokowi Pilih Jack Ma</h1>
<p>JAKARTA, CONTOH.CO.ID - Presiden Joko Widodo memilih Jack Ma sebagai penasihat e-commerce
Indonesia. Hal itu disampaikan Menteri Komunikasi dan Informatika di Jakarta.</p>
<p>Menurut Rudiantara, Jack Ma akan membantu usaha kecil dan menengah di Indonesia untuk masuk ke
pasar global melalui platform digital.</p>
</article><footer>Copyright 2017 Contoh News. All rights reserved.</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text(HTML, encoding="utf-8")
    (doc,), errors = read_all(path)
    assert not errors
    assert doc.title == "Jokowi Pilih Jack Ma"
    assert doc.date == "2017-08-27"
    assert doc.author == "Ramadhani Prihatini"
    assert doc.source == "Contoh News"
    assert doc.url == "https://contoh.co.id/read/2017/08/27/jokowi-jack-ma"
    assert "Presiden Joko Widodo memilih Jack Ma" in doc.text
    assert "Home" not in doc.text and "Copyright" not in doc.text


def test_html_without_text(tmp_path: Path) -> None:
    (tmp_path / "a.htm").write_text("<html><head><title>Kosong</title></head><body></body></html>",
                                    encoding="utf-8")
    docs, errors = read_all(tmp_path)
    assert docs == [] and "no article text" in str(errors[0])


# --------------------------------------------------------------------------- JSON Lines / JSON


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"text": "Presiden bertemu Jack Ma.", "title": "Satu", "date": "2015-10-20",
                    "url": "https://x.id/1", "source": "X", "author": "Budi",
                    "kategori": "ekonomi"}),
        "{not json",
        json.dumps({"title": "tanpa teks"}),
        "",
        json.dumps({"id": "abc", "text": "Kedua.\r\nBaris dua.", "date": "Selasa, 20 Oct 2015"}),
        json.dumps(["bukan", "objek"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = read_all(path)
    assert [d.path for d in docs] == [f"{path}#1", f"{path}#5"]
    first, second = docs
    assert (first.title, first.date, first.url, first.source, first.author) == (
        "Satu", "2015-10-20", "https://x.id/1", "X", "Budi")
    assert first.id == content_id("Presiden bertemu Jack Ma.")
    assert first.meta["fields"] == {"kategori": "ekonomi"}
    assert second.id == "abc" and second.text == "Kedua.\nBaris dua."
    assert second.date == "2015-10-20"
    messages = [str(e) for e in errors]
    assert len(messages) == 3
    assert all(str(path) in m for m in messages)
    assert "line 2" in messages[0] and "invalid JSON" in messages[0]
    assert "line 3" in messages[1] and "'text'" in messages[1] and "title" in messages[1]
    assert "line 6" in messages[2]
    with pytest.raises(JalinError, match="line 2"):
        list(read_documents([path], strict=True))


def test_jsonl_gzip_and_synonyms(tmp_path: Path) -> None:
    path = tmp_path / "a.ndjson.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"content": "Isi berita.", "headline": "Judul", "link": "u"}) + "\n")
    (doc,), errors = read_all(path)
    assert not errors
    assert (doc.text, doc.title, doc.url) == ("Isi berita.", "Judul", "u")


def test_jsonl_mixed_encoding_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    good = json.dumps({"text": "Baris satu."}, ensure_ascii=False).encode()
    legacy = '{"text": "Caf\u00e9 di Jakarta."}'.encode("cp1252")
    path.write_bytes(good + b"\n" + legacy + b"\n")
    docs, errors = read_all(path)
    assert not errors and docs[1].text == "Café di Jakarta."


def test_json_list(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"text": "Satu."}, {"text": "Dua."}, {"x": 1}]), encoding="utf-8")
    docs, errors = read_all(path)
    assert [d.text for d in docs] == ["Satu.", "Dua."]
    assert docs[1].path == f"{path}#2" and "item 3" in str(errors[0])


# --------------------------------------------------------------------------- CSV / TSV


def test_csv_quoted_newlines_and_rows(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('title,text,date\n"Satu","Paragraf satu.\n\nParagraf dua, ""kutipan"".",'
                    '20/10/2015\nDua,,2015-10-21\nTiga,Isi tiga.,\n', encoding="utf-8")
    docs, errors = read_all(path)
    assert [d.title for d in docs] == ["Satu", "Tiga"]
    assert docs[0].text == 'Paragraf satu.\n\nParagraf dua, "kutipan".'
    assert docs[0].date == "2015-10-20"
    assert docs[0].path == f"{path}#2" and docs[1].path == f"{path}#4"
    assert "row 3" in str(errors[0])


def test_csv_semicolon_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(codecs.BOM_UTF8 + b"Text;Source\nIsi berita, dengan koma.;Kompas.com\n")
    (doc,), errors = read_all(path)
    assert not errors and doc.text == "Isi berita, dengan koma." and doc.source == "Kompas.com"


def test_tsv(tmp_path: Path) -> None:
    path = tmp_path / "a.tsv"
    path.write_text("id\ttext\n7\tIsi, berita; satu.\n", encoding="utf-8")
    (doc,), _ = read_all(path)
    assert doc.id == "7" and doc.text == "Isi, berita; satu."


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("judul,isi_berita\nA,B\n", encoding="utf-8")
    docs, errors = read_all(path)
    assert docs == []
    message = str(errors[0])
    assert str(path) in message and "'text'" in message and "judul, isi_berita" in message


# --------------------------------------------------------------------------- sources


def _tree(root: Path) -> None:
    for rel in ["b.txt", "a.txt", "sub/c.txt", "sub/deep/d.md", ".hidden.txt", ".git/e.txt",
                "z/picture.png"]:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE, encoding="utf-8")


def test_folder_walk_sorted_hidden_skipped(tmp_path: Path) -> None:
    _tree(tmp_path)
    names = [p.relative_to(tmp_path).as_posix() for p in find_files([tmp_path])]
    assert names == ["a.txt", "b.txt", "sub/c.txt", "sub/deep/d.md", "z/picture.png"]


def test_unknown_extension_warned_not_raised(tmp_path: Path) -> None:
    _tree(tmp_path)
    docs, errors = read_all(tmp_path, strict=True)
    assert len(docs) == 4
    assert len(errors) == 1 and "picture.png" in str(errors[0]) and "unsupported" in str(errors[0])


def test_globs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert [p.as_posix() for p in find_files(["*.txt"])] == ["a.txt", "b.txt"]
    assert [p.as_posix() for p in find_files(["**/*.txt"])] == ["a.txt", "b.txt", "sub/c.txt"]
    assert [p.as_posix() for p in find_files(["sub"])] == ["sub/c.txt", "sub/deep/d.md"]


def test_duplicates_listed_once(tmp_path: Path) -> None:
    _tree(tmp_path)
    files = find_files([tmp_path / "a.txt", tmp_path, str(tmp_path / "*.txt")])
    assert len(files) == len(set(files)) == 5


@pytest.mark.parametrize("source", ["missing.txt", "missing/", "nothing*.txt"])
def test_source_that_matches_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     source: str) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(JalinError) as info:
        find_files([source])
    assert source in str(info.value)


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(JalinError, match="empty"):
        list(read_documents([tmp_path / "empty"]))


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_symlink_loop_is_safe(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    files = find_files([tmp_path])
    assert [p.name for p in files] == ["x.txt"]


def test_streams_lazily(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(ARTICLE.replace("Hangzhou", f"kota {i}"),
                                           encoding="utf-8")
    stream = read_documents([tmp_path])
    first = next(stream)
    assert first.path.endswith("0.txt")
    (tmp_path / "2.txt").unlink()  # not read yet
    rest = list(stream)
    assert [Path(d.path).name for d in rest] == ["1.txt"]


def test_seeds_read(tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    if not seeds.is_dir():
        pytest.skip("no seeds folder")
    docs, errors = read_all(seeds, strict=True)
    assert len(docs) == 5 and not errors
    assert all(d.text and d.id == content_id(d.text) for d in docs)
    assert sum(bool(d.title) for d in docs) >= 4
