"""Per-document extraction cache: an embedded SQLite store of :class:`~graph.records.DocMentions`.

Each document's extraction is stored under a key made of the pipeline's version
(:func:`graph.nlp.pipeline.pipeline_version`), the document id and its cleaned text, so a rebuild
re-runs the NLP only for documents that are new or changed, and a different model or set of
components misses the cache entirely. Writes are transactions (a crash leaves the store as it was
before the batch) and the store runs in write-ahead-log mode, so it can be read while a build
writes. Resolution and graph building always run on the full set of extractions.

Tables: ``extractions`` (key, mentions and definitions as one JSON text, sentences as another:
resolution reads only the first, co-occurrence only the second) and ``cleaned`` (a file's key,
its cleaned documents, reading warnings and dedup fingerprints). :meth:`ExtractionCache.prune`
drops what a build did not use.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from types import TracebackType

from .dedup import Fingerprint
from .errors import JalinError
from .fileio import digest_files
from .records import (
    DocMentions,
    Document,
    doc_mentions_from_json,
    doc_mentions_to_json,
    document_from_dict,
    document_to_dict,
    sentences_from_json,
)

SCHEMA = ("DROP TABLE IF EXISTS extraction;"  # the one-column layout of Jalin 0.1's stores
          "CREATE TABLE IF NOT EXISTS extractions (key TEXT PRIMARY KEY, mentions TEXT NOT NULL,"
          " sentences TEXT NOT NULL);"
          "CREATE TABLE IF NOT EXISTS cleaned (key TEXT PRIMARY KEY, data TEXT NOT NULL)")


@lru_cache(maxsize=1)
def reading_version() -> str:
    """A digest of the code and word lists that read and clean files (part of file keys)."""
    from . import __version__

    package = Path(__file__).resolve().parent
    return __version__ + "+" + digest_files(
        [package / name for name in ("ingest.py", "clean.py", "dates.py", "dedup.py",
                                     "records.py")]
        + [package / "data" / "boilerplate.yaml"])


def file_key(path: Path) -> str | None:
    """The key of a file's cleaned documents: its path, size, modification time and the reading
    code's version; ``None`` if it cannot be read."""
    try:
        stat = path.stat()
    except OSError:
        return None
    text = (f"{reading_version()}\0{os.path.abspath(path)}\0{stat.st_size}\0"
            f"{stat.st_mtime_ns}\0{stat.st_ino}")
    return hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()


class ExtractionCache:
    """A store of extractions for one pipeline version.

    >>> import tempfile, os
    >>> from graph.records import Document, DocMentions
    >>> path = os.path.join(tempfile.mkdtemp(), "jalin.db")
    >>> d = Document(id="d1", path="a.txt", text="Ani ke Bali.")
    >>> with ExtractionCache(path, "v1") as cache:
    ...     cache.put_many([(d, DocMentions(d, (), ("Ani ke Bali.",), (0,), (0,)))])
    ...     cache.get_many([d])[cache.key(d)].sentences
    ('Ani ke Bali.',)
    """

    def __init__(self, path: str | Path, version: str) -> None:
        self.path = Path(path)
        self.version = version
        self._db: sqlite3.Connection | None = None
        self.used: dict[str, set[str]] = {"extractions": set(), "cleaned": set()}
        """The keys of each table read or written through this object (see :meth:`prune`)."""

    @property
    def db(self) -> sqlite3.Connection:
        """The connection, opened on first use (a build that reads nothing creates no file)."""
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=30)
                db.execute("PRAGMA journal_mode=WAL")
                db.executescript(SCHEMA)
                db.commit()
            except (sqlite3.Error, OSError) as exc:
                raise JalinError(f"cannot open the extraction cache ({exc})",
                                 str(self.path)) from None
            self._db = db
        return self._db

    def key(self, doc: Document) -> str:
        """The cache key of a cleaned document."""
        digest = hashlib.sha1()
        for part in (self.version, doc.id, doc.text):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()

    def get_many(self, docs: Iterable[Document], *,
                 sentences: bool = True) -> dict[str, DocMentions]:
        """Cached extractions of ``docs`` by key, with each document's current metadata;
        ``sentences=False`` reads only the mentions and definitions (see
        :func:`graph.records.doc_mentions_from_json`)."""
        by_key = {self.key(d): d for d in docs}
        found: dict[str, DocMentions] = {}
        keys = list(by_key)
        self.used["extractions"].update(keys)
        columns = "mentions, sentences" if sentences else "mentions, NULL"
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT key, {columns} FROM extractions WHERE key IN ({marks})", chunk)
            for key, mentions, texts in rows:
                found[key] = doc_mentions_from_json(mentions, texts, by_key[key])
        return found

    def put_many(self, items: Iterable[tuple[Document, DocMentions]]) -> None:
        """Store extractions, all in one transaction."""
        rows = [(self.key(d), *doc_mentions_to_json(dm)) for d, dm in items]
        self.used["extractions"].update(row[0] for row in rows)
        if rows:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO extractions VALUES (?, ?, ?)", rows)

    def read_sentences(self, keys: Iterable[str], chunk: int = 500,
                       ) -> Iterator[tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]]:
        """Stream the sentences, sentence starts and sentence paragraphs stored under ``keys``,
        in the order given.

        A key that is not in the store is an error: the caller put it there in this build.
        """
        iterator = iter(keys)
        while part := list(itertools.islice(iterator, chunk)):
            wanted = sorted(set(part))
            marks = ",".join("?" * len(wanted))
            rows = dict(self.db.execute(
                f"SELECT key, sentences FROM extractions WHERE key IN ({marks})", wanted))
            for key in part:
                if key not in rows:
                    raise JalinError("an extraction went missing from the cache during the build",
                                     str(self.path))
                yield sentences_from_json(rows[key])

    def get_cleaned(self, key: str) -> tuple[list[Document], list[str],
                                             list[Fingerprint]] | None:
        """The cleaned documents, reading warnings and documents' dedup fingerprints of a file
        stored under ``key``."""
        self.used["cleaned"].add(key)
        row = self.db.execute("SELECT data FROM cleaned WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        raw = json.loads(row[0])
        return ([document_from_dict(d) for d in raw["documents"]], raw["warnings"],
                [Fingerprint.from_json(f) for f in raw["fingerprints"]])

    def put_cleaned(self, rows: Iterable[tuple[str, list[Document], list[str],
                                               list[Fingerprint]]]) -> None:
        """Store files' cleaned documents, warnings and fingerprints, all in one transaction."""
        data = [(key, json.dumps({"documents": [document_to_dict(d) for d in docs],
                                  "warnings": warnings,
                                  "fingerprints": [f.to_json() for f in fingerprints]},
                                 ensure_ascii=False))
                for key, docs, warnings, fingerprints in rows]
        self.used["cleaned"].update(key for key, _ in data)
        if data:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO cleaned VALUES (?, ?)", data)

    def prune(self) -> int:
        """Delete every stored row this object did not read or write; return how many.

        Run at the end of a build, this keeps only what the build used: not the extractions of
        earlier versions of changed files, of removed files, or of another pipeline, nor the
        cleaned documents of files that changed or went away. One transaction; the file keeps
        its size (SQLite reuses the freed pages).

        >>> import tempfile, os
        >>> from graph.records import Document, DocMentions
        >>> path = os.path.join(tempfile.mkdtemp(), "jalin.db")
        >>> old, new = (Document(id="d", path="a.txt", text=t) for t in ("Ani.", "Ani ke Bali."))
        >>> with ExtractionCache(path, "v1") as cache:
        ...     cache.put_many([(old, DocMentions(old, (), (), (), ()))])
        >>> with ExtractionCache(path, "v1") as cache:
        ...     cache.put_many([(new, DocMentions(new, (), (), (), ()))])
        ...     cache.prune(), len(cache)
        (1, 1)
        """
        removed = 0
        with self.db:
            self.db.execute("CREATE TEMP TABLE kept (key TEXT PRIMARY KEY)")
            for table, keys in self.used.items():
                self.db.execute("DELETE FROM kept")
                self.db.executemany("INSERT OR IGNORE INTO kept VALUES (?)",
                                    ((key,) for key in keys))
                removed += self.db.execute(
                    f"DELETE FROM {table} WHERE key NOT IN (SELECT key FROM kept)").rowcount
            self.db.execute("DROP TABLE kept")
        return removed

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM extractions").fetchone()[0]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

