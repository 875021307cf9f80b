"""Where does ``jalin_modified_nouns`` fire on annotated news, and is it right there?

Cuts each token-per-line BIO file into documents of ``--sentences`` consecutive sentences (the
rule reads the whole document), runs the shipped pipeline without the component, and prints every
ORG entity the rule would drop with the gold annotation of the same words, then a count per
file::

    OMP_NUM_THREADS=1 python bench/modified_nouns_experiment.py DATA/idner2k/train.tsv \
        DATA/idner2k/dev.tsv DATA/nergrit/train.tsv DATA/nergrit/valid.tsv

Use train and valid/dev splits only, never a test split.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from spacy.tokens import Doc  # noqa: E402

from graph.nlp.conll import bio_to_spans, read_bio  # noqa: E402
from graph.nlp.modified_nouns import modified_common_nouns  # noqa: E402
from graph.nlp.pipeline import load_pipeline  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--sentences", type=int, default=30,
                        help="sentences per document (default 30)")
    args = parser.parse_args()
    nlp = load_pipeline(concepts=False)
    component = nlp.get_pipe("jalin_modified_nouns")
    nlp.disable_pipe("jalin_modified_nouns")
    for path in args.files:
        sentences = read_bio(path)
        fired = right = organisations = 0
        for first in range(0, len(sentences), args.sentences):
            chunk = sentences[first:first + args.sentences]
            words = [w for sentence_words, _ in chunk for w in sentence_words]
            starts = [i == 0 for sentence_words, _ in chunk for i in range(len(sentence_words))]
            gold: dict[tuple[int, int], str] = {}
            offset = 0
            for sentence_words, tags in chunk:
                for start, end, label in bio_to_spans(tags):
                    gold[(start + offset, end + offset)] = label
                offset += len(sentence_words)
            doc = nlp(Doc(nlp.vocab, words=words, sent_starts=starts))
            organisations += sum(e.label_ == "ORG" for e in doc.ents)
            for ent in modified_common_nouns(doc, component.places, component.known_names):
                fired += 1
                overlapping = [(doc[a:b].text, label) for (a, b), label in gold.items()
                               if a < ent.end and ent.start < b]
                right += (ent.start, ent.end) not in gold  # right: no gold entity there
                print(f"{path}: {ent.text!r} in {ent.sent.text[:120]!r}; gold: {overlapping}")
        print(f"{path}: fires on {fired} of {organisations} ORG predictions; "
              f"{right} of them are not a gold entity of the same extent")


if __name__ == "__main__":
    main()
