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


def build_common_words(postag_path: Path, out_path: Path, *, min_count: int = 2,
                       max_proper: float = 0.5) -> int:
    """Write the lower-cased words that the tagged corpus uses as ordinary words: seen at least
    ``min_count`` times, and either written in lower case at least ``min_count`` times (names
    never are, in cased news) or tagged a proper noun (``NNP``) in less than ``max_proper`` of
    them. One word a line, sorted; returns the number written. A capitalised word that is not on
    the list (a word the corpus never saw, or one it saw only as a name: "Suhartoyo", "Agus")
    can be a person's name; one that is ("Energi", "Keuangan", "Bidang") is a word of an
    office's or an organisation's name (see :func:`graph.nlp.titles.role_holders`)."""
    sentences = read_postag(postag_path)
    seen: Counter[str] = Counter()
    proper: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for words, tags in sentences:
        for word, tag in zip(words, tags, strict=True):
            if any(c.isalpha() for c in word):
                key = word.lower()
                seen[key] += 1
                proper[key] += tag == "NNP"
                lower[key] += word[:1].islower()
    common = sorted(w for w, n in seen.items() if n >= min_count and (
        lower[w] >= min_count or proper[w] / n < max_proper))
    with atomic_open(out_path) as fh:
        fh.write("".join(f"{word}\n" for word in common))
    return len(common)


def main(argv: list[str] | None = None) -> int:
    """``python -m graph.nlp.background [POSTAG_FILE]``: rewrite both tables in ``graph/data``
    from nlp-id's tagged news (default: the installed ``nlp-id`` package's file)."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if args:
        postag = Path(args[0])
    else:
        import nlp_id  # the training extra: pip install -e ".[train]"

        postag = Path(nlp_id.__file__).parent / "data" / "dataset_postag.txt"
    data = Path(__file__).resolve().parent.parent / "data"
    sentences = build_background_table(postag, data / "background_df.tsv")
    words = build_common_words(postag, data / "common_words.txt")
    print(f"{sentences} sentences counted; {words} common words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
