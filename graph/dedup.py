"""Duplicate and near-duplicate articles: the same story counted once.

News is syndicated: one agency story appears on many outlets, each with its own dateline, byline,
"Baca juga" links and footer. Cleaning strips most of that, so what remains of two copies is
(nearly) the same text. A corpus should count such a story once, or every link in it is counted
once per outlet.

:class:`Deduplicator` looks at cleaned documents one at a time, in corpus order, and says whether
each repeats one seen before:

* an *exact copy*: the same words in the same order (letter case, punctuation and spacing aside);
* a *near-duplicate*: a Jaccard similarity of at least :data:`THRESHOLD` (0.6) between the sets of
  word 4-grams ("shingles") of the two texts, estimated with MinHash signatures (Broder 1997, "On
  the resemblance and containment of documents") and found with locality-sensitive hashing over
  bands of the signature (Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3), so
  a new document is compared with a handful of candidates, never with every document seen.

Cost per document: one pass over its words and a small matrix operation (numpy); memory per kept
document: one signature (64 x 4 bytes) and :data:`BANDS` index entries. Texts shorter than
:data:`MIN_WORDS` words are only checked for exact copies: on a few words one changed name is a
large Jaccard difference and the estimate says little.

Everything is deterministic: the hash functions are fixed, so the same corpus in the same order
always keeps the same documents (the first of each group).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass, field

import numpy as np

from .records import Document

__all__ = ["Deduplicator", "Duplicate", "Fingerprint", "fingerprint", "shingle_hashes", "minhash",
           "jaccard_estimate",
           "SHINGLE", "NUM_PERM", "BANDS", "THRESHOLD", "MIN_WORDS"]

SHINGLE = 4
"""Words per shingle."""
NUM_PERM = 64
"""Hash functions in a MinHash signature (estimate error about 0.06 at a similarity of 0.7)."""
BANDS = 16
"""LSH bands of ``NUM_PERM // BANDS`` rows: pairs above a similarity of about 0.5 become
candidates (with probability 0.99 at 0.7)."""
THRESHOLD = 0.6
"""Estimated Jaccard similarity of shingle sets at or above which two articles are one story.
Copies of one agency story with a changed sentence or a trimmed last paragraph score 0.6-0.95;
two outlets' own reports of the same event score below 0.2."""
MIN_WORDS = 25
"""Shorter texts are compared for exact copies only."""

_WORD = re.compile(r"\w+")
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_SHINGLE_MULT = np.uint64(0x9E3779B97F4A7C15)


def _seeds(count: int) -> np.ndarray:
    """Fixed 64-bit seeds for the hash functions (from SHA-256, so no RNG state is involved)."""
    digest = b"".join(hashlib.sha256(f"jalin-minhash-{i}".encode()).digest()
                      for i in range(count * 8 // 32 + 1))
    return np.frombuffer(digest[:count * 8], dtype=np.uint64).copy()


_PERM_MULT = (_seeds(NUM_PERM) | np.uint64(1)).reshape(-1, 1)
_PERM_ADD = _seeds(2 * NUM_PERM)[NUM_PERM:].reshape(-1, 1)


def _mix(values: np.ndarray) -> np.ndarray:
    """The splitmix64 finaliser, element-wise on uint64 (wraps modulo 2**64)."""
    with np.errstate(over="ignore"):
        z = values ^ (values >> np.uint64(30))
        z = z * _MIX1
        z = z ^ (z >> np.uint64(27))
        z = z * _MIX2
        return z ^ (z >> np.uint64(31))


def words_of(text: str) -> list[str]:
    """The words of a text, lower-cased, punctuation dropped.

    >>> words_of("JAKARTA - Jokowi, kata-nya.")
    ['jakarta', 'jokowi', 'kata', 'nya']
    """
    return _WORD.findall(text.casefold())


def shingle_hashes(words: list[str], size: int = SHINGLE) -> np.ndarray:
    """64-bit hashes of the runs of ``size`` consecutive words (one run if fewer; a run that
    occurs twice is hashed twice, which changes no minimum)."""
    ids = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64,
                      count=len(words))
    if len(ids) < size:
        ids = np.concatenate([ids, np.zeros(size - len(ids), dtype=np.uint64)])
    n = len(ids) - size + 1
    with np.errstate(over="ignore"):
        acc = ids[:n].copy()
        for k in range(1, size):
            acc = acc * _SHINGLE_MULT + ids[k:k + n]
    return _mix(acc)


def minhash(hashes: np.ndarray) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` uint32 values) of a set of 64-bit shingle hashes.

    Hash function ``i`` is multiply-add modulo 2**64 with an odd multiplier (a bijection of
    the already well-mixed shingle hashes), keeping the high 32 bits.
    """
    with np.errstate(over="ignore"):
        values = hashes.reshape(1, -1) * _PERM_MULT + _PERM_ADD  # (NUM_PERM, shingles)
    return (values.min(axis=1) >> np.uint64(32)).astype(np.uint32)


def jaccard_estimate(a: np.ndarray, b: np.ndarray) -> float:
    """The share of equal positions of two signatures: an estimate of the Jaccard similarity."""
    return float(np.count_nonzero(a == b)) / len(a)


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A document found to repeat an earlier one."""

    kind: str
    """``"exact"`` or ``"near"``."""
    original: str
    """The path (or id) of the document kept."""
    similarity: float = 1.0


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What :class:`Deduplicator` compares of a document: a digest of its words (exact copies),
    how many words it has and its MinHash signature. Computed once per text; a build's cache
    keeps it with the cleaned document, so a rebuild does not shingle unchanged texts again."""

    exact: bytes
    words: int
    signature: np.ndarray

    def to_json(self) -> list[object]:
        """A JSON-ready form (see :meth:`from_json`)."""
        return [self.exact.hex(), self.words, self.signature.astype("<u4").tobytes().hex()]

    @classmethod
    def from_json(cls, data: list[object]) -> Fingerprint:
        """The inverse of :meth:`to_json`.

        >>> f = fingerprint(Document(id="a", path="a.txt", text="Ani ke Bali."))
        >>> g = Fingerprint.from_json(f.to_json())
        >>> g.exact == f.exact and g.words == f.words and bool((g.signature == f.signature).all())
        True
        """
        exact, words, signature = data
        return cls(bytes.fromhex(str(exact)), int(str(words)),
                   np.frombuffer(bytes.fromhex(str(signature)), dtype="<u4").astype(np.uint32))


def fingerprint(doc: Document) -> Fingerprint:
    """The :class:`Fingerprint` of a cleaned document."""
    words = words_of(doc.text)
    exact = hashlib.blake2b("\x1f".join(words).encode("utf-8"), digest_size=16).digest()
    return Fingerprint(exact, len(words), minhash(shingle_hashes(words)))


@dataclass
class Deduplicator:
    """Streams documents in corpus order; :meth:`check` says whether one repeats an earlier one.

    >>> d = Deduplicator()
    >>> a = Document(id="a", path="a.txt", text="Presiden Joko Widodo tiba di Bali.")
    >>> b = Document(id="b", path="b.txt", text="presiden joko widodo TIBA di bali")
    >>> d.check(a) is None, d.check(b).kind
    (True, 'exact')
    """

    threshold: float = THRESHOLD
    min_words: int = MIN_WORDS
    exact_count: int = 0
    near_count: int = 0
    _exact: dict[bytes, str] = field(default_factory=dict, repr=False)
    _signatures: list[np.ndarray] = field(default_factory=list, repr=False)
    _names: list[str] = field(default_factory=list, repr=False)
    _bands: dict[int, int] = field(default_factory=dict, repr=False)

    def check(self, doc: Document, known: Fingerprint | None = None) -> Duplicate | None:
        """``None`` for a new story (now remembered), else what it duplicates. ``known``: the
        document's :func:`fingerprint`, if computed before."""
        found = known if known is not None else fingerprint(doc)
        name = doc.path or doc.id
        original = self._exact.get(found.exact)
        if original is not None:
            self.exact_count += 1
            return Duplicate("exact", original)
        self._exact[found.exact] = name
        if found.words < self.min_words:
            return None
        signature = found.signature
        band_keys = self._band_keys(signature)
        best: tuple[float, int] | None = None
        for candidate in dict.fromkeys(self._bands[k] for k in band_keys if k in self._bands):
            score = jaccard_estimate(signature, self._signatures[candidate])
            if score >= self.threshold and (best is None or score > best[0]):
                best = (score, candidate)
        if best is not None:
            self.near_count += 1
            return Duplicate("near", self._names[best[1]], round(best[0], 3))
        index = len(self._signatures)
        self._signatures.append(signature)
        self._names.append(name)
        for k in band_keys:
            self._bands.setdefault(k, index)
        return None

    @staticmethod
    def _band_keys(signature: np.ndarray) -> list[int]:
        rows = len(signature) // BANDS
        values = signature.tolist()  # Python ints: a loop over numpy scalars is 5 times slower
        keys = []
        for band in range(BANDS):
            value = band
            for v in values[band * rows:(band + 1) * rows]:
                value = (value << 32) | v
            keys.append(value)
        return keys
