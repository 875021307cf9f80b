"""The background word-frequency table used to rank concepts by how specific they are.

``build_background_table`` counts, for every lower-cased word, the number of sentences of a cased,
tagged Indonesian news corpus that contain it (by default nlp-id's kumparan POS data, MIT, read from
the installed ``nlp-id`` package at training time). Only the counts are kept, in
``graph/data/background_df.tsv``: ``#total<TAB>N`` on the first line, then ``word<TAB>count`` for
words seen at least ``min_count`` times.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..fileio import atomic_open
from .conll import read_postag


def build_background_table(postag_path: Path, out_path: Path, *, min_count: int = 2) -> int:
    """Write the table and return the number of sentences counted."""
    sentences = read_postag(postag_path)
    counts: Counter[str] = Counter()
    for words, _tags in sentences:
        counts.update({w.lower() for w in words if any(c.isalpha() for c in w)})
    with atomic_open(out_path) as fh:
        fh.write(f"#total\t{len(sentences)}\n")
        for word, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            if count >= min_count:
                fh.write(f"{word}\t{count}\n")
    return len(sentences)
