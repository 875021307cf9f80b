"""Files, folders and globs in; :class:`~graph.records.Document` objects out, one at a time.

Sources are files, folders (walked recursively in sorted order, hidden files and folders skipped,
symlink loops safe) or glob patterns (``seeds/*.txt``, ``corpus/**/*.jsonl``). Formats go by
extension:

``.txt``, ``.text``, ``.md``, ``.markdown`` and files without an extension
    Plain text. The first non-empty line is the title, unless it reads as a story sentence (a
    quotation, or a long line ending in a full stop), in which case there is no title. Markdown
    heading marks, emphasis and links are reduced to their text; a YAML front matter block gives
    title/date/author/source/url.
``.html``, ``.htm``, ``.xhtml``
    Main text and metadata (title, date, author, site name, url) via trafilatura, offline.
``.jsonl``, ``.ndjson`` (one JSON object a line) and ``.json`` (an object or a list of objects)
    ``text`` is required; ``title``, ``date``, ``url``, ``source``, ``id``, ``author`` are optional.
    Common synonyms are accepted (``content``/``body``/``article`` for text, ``headline``/``judul``
    for title, ``published``/``published_at``/``tanggal`` for date, ``link`` for url,
    ``outlet``/``sitename``/``media`` for source, ``penulis``/``byline`` for author).
``.csv`` and ``.tsv``
    A header row with a ``text`` column (same optional columns); the delimiter is sniffed;
    quoted fields may hold newlines.
``.gz``
    Any of the above compressed with gzip (``articles.jsonl.gz``).

Other extensions (images, PDFs, office files...) are skipped with a warning through ``on_error``
(never raised, even with ``strict``): a folder of articles often holds a stray picture. A file
that cannot be read as the format its name promises (binary content, an encoding that cannot be
decoded, a bad JSON line, a CSV without a ``text`` column, an empty file) is a
:class:`~graph.errors.JalinError`: reported through ``on_error`` and skipped, or raised when
``strict`` is true. Without ``on_error`` problems are logged on the ``jalin.ingest`` logger.

Size limits keep memory and time bounded whatever the input: an article's text is cut to
:data:`MAX_DOCUMENT_CHARS` characters (at a paragraph or sentence break, with a warning); a plain
text file is read only as far as that needs and an HTML page up to :data:`MAX_HTML_BYTES`.
JSON Lines and CSV files stream record by record, whatever their size.

Text is decoded (UTF-8, UTF-8/16/32 with a byte order mark, UTF-16 without one, UTF-8 with a few
corrupt bytes (replaced by U+FFFD, with a warning), otherwise the legacy code page
charset-normalizer finds, Windows-1252 for Latin-script text), newlines are
normalised, NUL and control characters, zero-width and bidi marks are removed (a zero-width space
between two letters becomes a space: "Jack\\u200bMa" is "Jack Ma"), odd spaces become plain
spaces, and the text is put in Unicode NFC.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import glob
import gzip
import io
import json
import logging
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .dates import parse_indonesian_date
from .errors import JalinError
from .records import Document, content_id

__all__ = ["read_documents", "find_files", "decode_bytes", "normalize_text", "FORMATS",
           "MAX_DOCUMENT_CHARS", "MAX_HTML_BYTES"]

log = logging.getLogger("jalin.ingest")

ErrorHandler = Callable[[JalinError], None]

FORMATS: dict[str, str] = {
    ".txt": "text", ".text": "text", "": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "csv",
}
"""File extension -> reader. ``""`` is a file without an extension."""

FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "isi"),
    "title": ("title", "headline", "judul"),
    "date": ("date", "published", "published_at", "publish_date", "pubdate", "datetime",
             "tanggal"),
    "url": ("url", "link"),
    "source": ("source", "outlet", "sitename", "site", "media"),
    "id": ("id", "doc_id", "uid"),
    "author": ("author", "penulis", "byline"),
}
"""Document field -> record keys that fill it (first present wins, keys compared lower-case)."""

MAX_DOCUMENT_CHARS = 100_000
"""Characters of one article's text kept (about 14,000 words, five times a long feature story).
A longer text (a book, a log, a whole site dumped into one file) is cut at the last paragraph
or sentence break before the limit, with a warning, so that one file cannot take the memory
and hours a spaCy pipeline needs for millions of characters. Plain-text files are read only as
far as the limit needs."""
MAX_HTML_BYTES = 8 << 20
"""Bytes of an HTML page parsed (markup, scripts and inline images included); the rest is cut."""
_MAX_TEXT_BYTES = 4 * MAX_DOCUMENT_CHARS + 4
"""Bytes of a plain-text file read: enough for the character limit in any encoding."""
_INVALID_UTF8_SHARE = 0.01
"""Mostly valid UTF-8 with at most this share of bad bytes is read as UTF-8, bad bytes replaced."""

_GLOB_CHARS = re.compile(r"[*?\[]")
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x1f\x8b", "gzip-compressed data"), (b"7z\xbc\xaf", "a 7z archive"),
    (b"Rar!", "a RAR archive"), (b"\x7fELF", "a program"),
    (b"\xd0\xcf\x11\xe0", "an old office document"), (b"SQLite format 3", "an SQLite database"),
    (b"ID3", "an MP3 file"), (b"OggS", "an Ogg media file"),
    (b"\x00\x00\x01\x00", "an icon"), (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"
_LATIN_PAGES = re.compile(r"^(?:cp125\d|cp850|cp437|cp775|cp858|iso8859_\d+|latin_1|mac_\w+|"
                          r"cp1006|kz1048|ptcp154|hp_roman8|cp86\d)$")

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_ZW_BETWEEN_LETTERS = re.compile(r"(?<=[^\W\d_])\u200b+(?=[^\W\d_])")
_INVISIBLE = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c"
    "\u180e\x00-\x08\x0e-\x1f\x7f]")
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


# --------------------------------------------------------------------------- text decoding


def normalize_text(text: str) -> str:
    """Newlines to ``\\n``; invisible and control characters out; odd spaces to ``" "``; NFC.

    >>> normalize_text("Jack\\u200bMa\\r\\nbertemu\\u00a0Jokowi\\u200e")
    'Jack Ma\\nbertemu Jokowi'
    """
    text = _NEWLINES.sub("\n", text)
    text = _ZW_BETWEEN_LETTERS.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def _binary_kind(data: bytes) -> str | None:
    """What a binary file is, or ``None`` when it may be text."""
    head = data[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic) and what:
            return what
    if head.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "a RIFF media file"
    if data[4:8] == b"ftyp":
        return "an MP4/MOV media file"
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NUL bytes sit on every other byte, as in ASCII-range UTF-16."""
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def detect_encoding(data: bytes, path: str = "") -> str:
    """The encoding of ``data`` (a whole file or a large enough sample of its start).

    Raises :class:`JalinError` for binary data or data no encoding can explain.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    what = _binary_kind(data)
    if what:
        raise JalinError(f"not a text file (looks like {what})", path)
    sample = data[:65536]
    utf16 = _utf16_without_bom(sample)
    if utf16:
        return utf16
    if sample.count(0) > max(8, len(sample) // 100):  # a few stray NULs do not make binary
        raise JalinError("not a text file (binary data: many NUL bytes)", path)
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > max(8, len(sample) // 20):
        raise JalinError("not a text file (binary data: many control bytes)", path)
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if len(data) > len(sample) and exc.start >= len(data) - 4:
            return "utf-8"  # a sample cut in the middle of a character
    if _mostly_utf8(data):
        return "utf-8-lenient"
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        raise JalinError("cannot decode the file: unknown text encoding", path)
    encoding = best.encoding
    # Indonesian is written in Latin script, where Windows-1252 is the legacy code page that
    # matters; charset-normalizer cannot tell the single-byte Latin pages apart on short texts.
    if _LATIN_PAGES.match(encoding):
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return encoding


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 text with a few corrupt bytes: valid multi-byte sequences and few invalid bytes.

    Legacy code pages (Windows-1252) almost never form valid multi-byte UTF-8 sequences, so
    valid ones next to a few invalid bytes mean a damaged UTF-8 file, not another encoding.
    """
    text = data.decode("utf-8", errors="replace")
    bad = invalid_bytes(data)
    multibyte = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    return bad < multibyte and bad <= max(8, int(len(data) * _INVALID_UTF8_SHARE))


def invalid_bytes(data: bytes) -> int:
    """How many bytes of ``data`` are not valid UTF-8 (runs count as replaced by one U+FFFD)."""
    text = data.decode("utf-8", errors="replace")
    return text.count("\ufffd") - data.count(b"\xef\xbf\xbd")


def decode_bytes(data: bytes, path: str = "", *, partial: bool = False) -> str:
    """Bytes of a text file -> normalised text (see :func:`normalize_text`).

    ``partial``: ``data`` is the start of a longer file, possibly cut inside a character (the
    incomplete character at the end is dropped). UTF-8 with a few corrupt bytes is decoded with
    U+FFFD for each bad sequence (see :func:`invalid_bytes`).

    >>> decode_bytes("Caf\\u00e9 \\u201cJakarta\\u201d".encode("cp1252"))
    'Café “Jakarta”'
    """
    encoding = detect_encoding(data, path)
    errors = "strict"
    if encoding == "utf-8-lenient":
        encoding, errors = "utf-8", "replace"
    try:
        decoder = codecs.getincrementaldecoder(encoding)(errors=errors)
        text = decoder.decode(data, final=not partial)
    except (UnicodeDecodeError, LookupError) as exc:
        raise JalinError(f"cannot decode the file as {encoding}", path) from exc
    return normalize_text(text)


# --------------------------------------------------------------------------- finding files


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path]:
    """Files under ``folder`` in sorted order; hidden entries skipped; each real folder once."""
    try:
        st = folder.stat()
    except OSError:
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:
        return
    seen.add(key)
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        raise JalinError(f"cannot list the folder ({exc.strerror})", str(folder)) from exc
    for entry in entries:
        if _is_hidden(entry.name):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir():
                yield from _walk(path, seen)
            elif entry.is_file():
                yield path
        except OSError:
            continue


def iter_files(sources: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Like :func:`find_files`, lazily: files are listed as they are reached."""
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    emitted: set[str] = set()
    for source in sources:
        text = os.fspath(source)
        path = Path(text).expanduser()
        if path.exists():
            matches: Iterable[str | Path] = [path]
        elif _GLOB_CHARS.search(text):
            matches = sorted(glob.iglob(os.path.expanduser(text), recursive=True))
        else:
            raise JalinError("no such file or folder", text)
        count = 0
        seen: set[tuple[int, int]] = set()
        for match in matches:
            match_path = Path(match)
            candidates = _walk(match_path, seen) if match_path.is_dir() else [match_path]
            for candidate in candidates:
                if not candidate.is_file():
                    if candidate is match_path and matches == [path]:  # named, not walked
                        raise JalinError("not a regular file (a named pipe, socket or device)",
                                         text)
                    continue
                count += 1
                key = os.path.normcase(os.path.abspath(candidate))
                if key not in emitted:
                    emitted.add(key)
                    yield candidate
        if count == 0:
            what = "folder has no files" if path.is_dir() else "no files match this pattern"
            raise JalinError(what, text)


def find_files(sources: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Every file the sources name, in order, each once.

    Folders are walked recursively in sorted order (hidden files and folders skipped, symlinked
    folders followed once); glob patterns are expanded (``**`` included). A source that matches
    nothing raises :class:`JalinError` naming it. All files are listed, whatever their extension.
    """
    return list(iter_files(sources))


# --------------------------------------------------------------------------- readers


def _format_of(path: Path) -> tuple[str | None, bool]:
    """(reader name or ``None``, gzip-compressed?) for a file name."""
    name = path.name.lower()
    compressed = name.endswith(".gz")
    if compressed:
        name = name[:-3]
    suffix = os.path.splitext(name)[1]
    if suffix and not re.fullmatch(r"\.[a-z][a-z0-9]{0,9}", suffix):
        suffix = ""  # "Jokowi bertemu Jack Ma. 2015" is not an extension
    return FORMATS.get(suffix), compressed


def _read_bytes(path: Path, compressed: bool, limit: int | None = None) -> tuple[bytes, bool]:
    """The file's bytes (at most ``limit``) and whether there were more."""
    try:
        with (gzip.open(path, "rb") if compressed else open(path, "rb")) as fh:  # noqa: SIM115
            if limit is None:
                return fh.read(), False
            data = fh.read(limit + 1)
            return data[:limit], len(data) > limit
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise JalinError(f"cannot read the file ({reason})", str(path)) from exc


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)


def _looks_like_title(line: str) -> bool:
    """A first line is a title unless it reads as a story sentence."""
    words = len(line.split())
    if line[:1] in "\"“'‘" and words >= 6:
        return False
    return not (_SENTENCE_END.search(line) and words > 12) and words <= 40


def _split_title(text: str) -> tuple[str, str]:
    stripped = text.lstrip("\n")
    first, _, rest = stripped.partition("\n")
    first = first.strip()
    if first and _looks_like_title(first):
        return first, rest.strip("\n")
    return "", stripped.strip("\n")


def _iso_date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    text = str(value).strip()
    return parse_indonesian_date(text)


def truncate_text(text: str, limit: int = MAX_DOCUMENT_CHARS) -> str:
    """``text`` if it has at most ``limit`` characters, else its start cut at the last paragraph,
    line, sentence or word break before the limit.

    >>> truncate_text("Satu dua. Tiga empat.", 15)
    'Satu dua.'
    """
    if len(text) <= limit:
        return text
    floor = limit // 2
    for sep in ("\n\n", "\n", ". ", " "):
        cut = text.rfind(sep, floor, limit)
        if cut >= 0:
            return text[:cut + (1 if sep == ". " else 0)].rstrip()
    return text[:limit]


def _make_document(path: str, text: str, fields: dict[str, Any], meta: dict[str, Any]) -> Document:
    if len(text) > MAX_DOCUMENT_CHARS:
        meta["truncated"] = f"of {len(text):,}"
        text = truncate_text(text)
    title = normalize_text(str(fields.get("title") or "")).strip()
    date_raw = fields.get("date")
    date = _iso_date(date_raw) if not hasattr(date_raw, "isoformat") else date_raw.isoformat()[:10]
    if date_raw not in (None, "") and date is None:
        meta["date_raw"] = str(date_raw)
    record_id = fields.get("id")
    return Document(
        id=str(record_id) if record_id not in (None, "") else content_id(text),
        path=path,
        text=text,
        title=title,
        source=normalize_text(str(fields.get("source") or "")).strip(),
        date=date,
        url=str(fields.get("url") or "").strip(),
        author=normalize_text(str(fields.get("author") or "")).strip(),
        meta=meta,
    )


def _read_text(path: Path, data: bytes, markdown: bool) -> Iterator[Document]:
    text = decode_bytes(data, str(path), partial=True)
    fields: dict[str, Any] = {}
    if markdown:
        front = _FRONT_MATTER.match(text)
        if front:
            import yaml

            try:
                loaded = yaml.safe_load(front.group(1))
            except yaml.YAMLError:
                loaded = None
            if isinstance(loaded, dict):
                fields = _pick_fields({str(k): v for k, v in loaded.items()})
                text = text[front.end():]
        text = _MD_HEADING.sub("", text)
        text = _MD_IMAGE.sub("", text)
        text = _MD_LINK.sub(r"\1", text)
        text = _MD_EMPHASIS.sub(r"\2", text)
    if not text.strip():
        raise JalinError("empty file", str(path))
    if fields.get("title"):
        body = text.strip("\n")
    else:
        title, body = _split_title(text)
        fields["title"] = title
    if not body.strip():
        body = fields["title"]
    fields.pop("text", None)
    yield _make_document(str(path), body, fields, {"format": "markdown" if markdown else "text"})


def _read_html(path: Path, data: bytes) -> Iterator[Document]:
    import trafilatura

    html = decode_bytes(data, str(path), partial=True)
    try:
        result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                             include_tables=False)
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many kinds on broken markup
        raise JalinError(f"cannot parse the HTML ({type(exc).__name__})", str(path)) from exc
    if result is None:
        raise JalinError("no article text found in the HTML", str(path))
    info = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = normalize_text(info.get("text") or "").strip()
    if not text:
        raise JalinError("no article text found in the HTML", str(path))
    fields = {"title": info.get("title"), "date": info.get("date"), "url": info.get("url"),
              "source": info.get("sitename") or info.get("hostname"), "author": info.get("author")}
    yield _make_document(str(path), text, fields, {"format": "html"})


def _pick_fields(record: dict[str, Any]) -> dict[str, Any]:
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    out: dict[str, Any] = {}
    for name, keys in FIELDS.items():
        for key in keys:
            value = lowered.get(key)
            if value not in (None, ""):
                out[name] = value
                break
    return out


def _record_document(path: str, record: Any, where: str) -> Document:
    if not isinstance(record, dict):
        raise JalinError(f"{where}: expected a JSON object, got {type(record).__name__}", path)
    fields = _pick_fields(record)
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        keys = ", ".join(sorted(map(str, record))) or "none"
        raise JalinError(f"{where}: no 'text' field (fields: {keys})", path)
    body = normalize_text(text).strip("\n")
    used = {k for name in FIELDS for k in FIELDS[name]}
    extra = {str(k): v for k, v in record.items()
             if str(k).strip().lower() not in used and isinstance(v, (str, int, float, bool))}
    meta: dict[str, Any] = {"format": "record"}
    if extra:
        meta["fields"] = extra
    return _make_document(f"{path}#{where.split()[-1]}", body, fields, meta)


def _binary_lines(fh: IO[bytes]) -> Iterator[bytes]:
    yield from fh


def _open_binary(path: Path, compressed: bool) -> IO[bytes]:
    try:
        return gzip.open(path, "rb") if compressed else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        raise JalinError(f"cannot read the file ({exc.strerror})", str(path)) from exc


def _sniff(path: Path, compressed: bool) -> tuple[str, bytes]:
    with _open_binary(path, compressed) as fh:
        try:
            sample = fh.read(1 << 20)
        except (OSError, EOFError) as exc:
            raise JalinError(f"cannot read the file ({exc})", str(path)) from exc
    if not sample.strip():
        raise JalinError("empty file", str(path))
    return detect_encoding(sample, str(path)), sample


def _read_jsonl(path: Path, compressed: bool, report: ErrorHandler) -> Iterator[Document]:
    encoding, _ = _sniff(path, compressed)
    where = str(path)
    if encoding.startswith(("utf-16", "utf-32")):
        with _open_binary(path, compressed) as raw:
            lines: Iterable[str | bytes] = io.TextIOWrapper(raw, encoding=encoding, newline="\n")
            yield from _jsonl_records(where, lines, encoding, report)
        return
    with _open_binary(path, compressed) as raw:
        yield from _jsonl_records(where, _binary_lines(raw), encoding, report)


def _jsonl_records(where: str, lines: Iterable[str | bytes], encoding: str,
                   report: ErrorHandler) -> Iterator[Document]:
    for number, line in enumerate(lines, 1):
        if isinstance(line, bytes):
            try:
                line = line.decode(encoding)
            except UnicodeDecodeError:
                lenient = _mostly_utf8(line)
                line = line.decode("utf-8" if lenient else "cp1252", errors="replace")
        line = line.strip().lstrip("\ufeff")
        if not line:
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            report(JalinError(f"line {number}: invalid JSON ({exc.msg})", where))
            continue
        try:
            yield _record_document(where, record, f"line {number}")
        except JalinError as exc:
            report(exc)


def _read_json(path: Path, data: bytes, report: ErrorHandler) -> Iterator[Document]:
    text = decode_bytes(data, str(path))
    if not text.strip():
        raise JalinError("empty file", str(path))
    try:
        loaded = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # JSON Lines saved as .json
            yield from _jsonl_records(str(path), text.splitlines(), "utf-8", report)
            return
        raise JalinError(f"invalid JSON at line {exc.lineno} ({exc.msg})", str(path)) from exc
    if isinstance(loaded, dict):
        for key in ("articles", "documents", "data", "items", "records"):
            if isinstance(loaded.get(key), list):
                loaded = loaded[key]
                break
    records = loaded if isinstance(loaded, list) else [loaded]
    for number, record in enumerate(records, 1):
        try:
            yield _record_document(str(path), record, f"item {number}")
        except JalinError as exc:
            report(exc)


def _read_csv(path: Path, compressed: bool, report: ErrorHandler) -> Iterator[Document]:
    encoding, sample = _sniff(path, compressed)
    head = sample[:65536].decode(encoding, errors="replace").lstrip("\ufeff")
    name = path.name.lower().removesuffix(".gz")
    delimiter = "\t" if name.endswith(".tsv") else ","
    with contextlib.suppress(csv.Error):
        delimiter = csv.Sniffer().sniff(head[:8192], delimiters=",;\t|").delimiter
    csv.field_size_limit(1 << 30)
    where = str(path)
    with _open_binary(path, compressed) as raw:
        stream = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
        reader = csv.reader(stream, delimiter=delimiter)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            raise JalinError(f"cannot read the CSV header ({exc})", where) from exc
        if not header:
            raise JalinError("empty file", where)
        header = [h.strip().lstrip("\ufeff") for h in header]
        if not any(h.lower() in FIELDS["text"] for h in header):
            raise JalinError(
                f"no 'text' column (columns: {', '.join(header) or 'none'})", where)
        row_number = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                report(JalinError(f"row {row_number + 1}: {exc}", where))
                break
            row_number += 1
            if not any(cell.strip() for cell in row):
                continue
            record = dict(zip(header, row, strict=False))
            try:
                yield _record_document(where, record, f"row {row_number}")
            except JalinError as exc:
                report(exc)


def _read_file(path: Path, report: ErrorHandler,
               warn: ErrorHandler | None = None) -> Iterator[Document]:
    kind, compressed = _format_of(path)
    if kind is None:
        raise AssertionError("unsupported files are filtered before")
    if kind == "jsonl":
        yield from _read_jsonl(path, compressed, report)
    elif kind == "csv":
        yield from _read_csv(path, compressed, report)
    else:
        limit = {"html": MAX_HTML_BYTES, "json": None}.get(kind, _MAX_TEXT_BYTES)
        data, cut = _read_bytes(path, compressed, limit)
        if not data.strip():
            raise JalinError("empty file", str(path))
        if warn is not None and not data.isascii() and (
                detect_encoding(data, str(path)) == "utf-8-lenient"):
            warn(JalinError(f"{invalid_bytes(data)} invalid UTF-8 byte sequence(s) replaced "
                            "by U+FFFD", str(path)))
        if kind == "html":
            docs = _read_html(path, data)
        elif kind == "json":
            docs = _read_json(path, data, report)
        else:
            docs = _read_text(path, data, markdown=kind == "markdown")
        for doc in docs:
            if cut:
                size = path.stat().st_size
                doc.meta["truncated"] = (f"of a {size:,}-byte file" if not compressed else
                                         f"of a file over {limit:,} bytes uncompressed")
            yield doc


def _truncation_warning(doc: Document) -> JalinError:
    return JalinError(f"too long: only the first {len(doc.text):,} characters "
                      f"({doc.meta['truncated']}) are used; Jalin reads at most "
                      f"{MAX_DOCUMENT_CHARS:,} characters per article", doc.path)


def read_documents(
    sources: Iterable[str | os.PathLike[str]],
    *,
    strict: bool = False,
    on_error: ErrorHandler | None = None,
) -> Iterator[Document]:
    """Read every article the sources hold, one :class:`Document` at a time (raw, not cleaned).

    Problems with one file or one record are reported through ``on_error`` (default: a log
    warning) and skipped, or raised when ``strict`` is true. Files with an unsupported extension
    are always only reported. A source that matches nothing raises :class:`JalinError`.
    ``Document.id`` is the record's ``id`` or :func:`~graph.records.content_id` of the body;
    ``Document.path`` is the file, with ``#line`` (JSON Lines), ``#row`` (CSV, the header is row
    1) or ``#item`` (a JSON list) for one record of many.
    """

    def warn(warning: JalinError) -> None:
        if on_error is not None:
            on_error(warning)
        else:
            log.warning("%s", warning)

    def report(error: JalinError) -> None:
        if strict:
            raise error
        warn(error)

    for path in iter_files(sources):
        kind, _ = _format_of(path)
        if kind is None:
            warn(JalinError(
                f"skipped: unsupported file type '{path.suffix or path.name}' "
                f"(readable: {', '.join(sorted({k for k in FORMATS if k}))})", str(path)))
            continue
        try:
            for doc in _read_file(path, report, warn):
                if "truncated" in doc.meta:
                    warn(_truncation_warning(doc))
                yield doc
        except JalinError as exc:
            report(exc)
        except OSError as exc:
            report(JalinError(f"cannot read the file ({exc.strerror or exc})", str(path)))
