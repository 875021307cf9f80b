"""Per-document extraction cache: an embedded SQLite store of :class:`~graph.records.DocMentions`.

Each document's extraction is stored under a key made of the pipeline's version
(:func:`graph.nlp.pipeline.pipeline_version`), the document id and its cleaned text, so a rebuild
re-runs the NLP only for documents that are new or changed, and a different model or set of
components misses the cache entirely. Writes are transactions (a crash leaves the store as it was
before the batch) and the store runs in write-ahead-log mode, so it can be read while a build
writes. Resolution and graph building always run on the full set of extractions.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from .errors import JalinError
from .records import DocMentions, Document, doc_mentions_from_json, doc_mentions_to_json

SCHEMA = "CREATE TABLE IF NOT EXISTS extraction (key TEXT PRIMARY KEY, data TEXT NOT NULL)"


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

    @property
    def db(self) -> sqlite3.Connection:
        """The connection, opened on first use (a build that reads nothing creates no file)."""
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=30)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute(SCHEMA)
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

    def get_many(self, docs: Iterable[Document]) -> dict[str, DocMentions]:
        """Cached extractions of ``docs`` by key, with each document's current metadata."""
        by_key = {self.key(d): d for d in docs}
        found: dict[str, DocMentions] = {}
        keys = list(by_key)
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT key, data FROM extraction WHERE key IN ({marks})",
                                   chunk).fetchall()
            for key, data in rows:
                found[key] = doc_mentions_from_json(data, by_key[key])
        return found

    def put_many(self, items: Iterable[tuple[Document, DocMentions]]) -> None:
        """Store extractions, all in one transaction."""
        rows = [(self.key(d), doc_mentions_to_json(dm)) for d, dm in items]
        if rows:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO extraction VALUES (?, ?)", rows)

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM extraction").fetchone()[0]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

