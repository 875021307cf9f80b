"""Does the gazetteer (``jalin_gazetteer``) improve entity F1? One row per placement variant.

Runs the shipped pipeline without the gazetteer and with it in each mode, on the valid/dev splits
only (never a test split), and prints F1 per label and file plus the pipeline's speed::

    OMP_NUM_THREADS=1 python bench/gazetteer_experiment.py /work/shared/data/ner [--json OUT]

Variants: ``none`` (no gazetteer), ``shipped`` (``load_pipeline``'s default: ``extend-org``),
``preset`` (before ``ner``, as spaCy's entity_ruler), ``fill``
(after the NER and label mapping, only where no entity overlaps), ``relabel`` (also retypes
entities of exactly a gazetteer name's extent), ``extend`` (also replaces entities that a longer
gazetteer name contains), ``fill-no-aliases`` (``fill`` without the alias table's names);
``fill-org`` and ``extend-org`` tag only ORG (and EVENT) names; ``fill-org-place`` and
``extend-org-place`` tag ORG names everywhere and LOC names only after a place cue ("di", "ke",
"dari", a comma, ...: ``place_context``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.nlp.conll import read_bio  # noqa: E402
from graph.nlp.evaluate import evaluate_bio, measure_speed  # noqa: E402
from graph.nlp.pipeline import load_pipeline  # noqa: E402

FILES = ("idner2k/dev.tsv", "nergrit/valid.tsv", "nerp/valid.tsv")
VARIANTS = ("none", "shipped", "preset", "fill", "relabel", "extend", "fill-no-aliases",
            "fill-org", "extend-org", "fill-org-place", "extend-org-place")


def build(variant: str):
    """The shipped pipeline (no concepts, as ``jalin ner eval``) with the variant's gazetteer."""
    if variant == "shipped":
        return load_pipeline(concepts=False)
    nlp = load_pipeline(concepts=False, gazetteer=False)
    everything = ["LOC", "ORG", "EVENT"]
    after = {"after": "jalin_entity_labels"}
    if variant == "none":
        return nlp
    if variant == "preset":
        nlp.add_pipe("jalin_gazetteer", before="ner",
                     config={"mode": "preset", "labels": everything})
    elif variant == "fill-no-aliases":
        nlp.add_pipe("jalin_gazetteer", **after,
                     config={"mode": "fill", "aliases": False, "labels": everything})
    elif variant.endswith("-org"):
        nlp.add_pipe("jalin_gazetteer", **after,
                     config={"mode": variant.split("-")[0], "labels": ["ORG", "EVENT"]})
    elif variant.endswith("-org-place"):
        nlp.add_pipe("jalin_gazetteer", **after,
                     config={"mode": variant.split("-")[0], "labels": everything,
                             "place_context": True})
    else:
        nlp.add_pipe("jalin_gazetteer", **after, config={"mode": variant, "labels": everything})
    return nlp


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder with idner2k/, nergrit/, nerp/")
    parser.add_argument("--variants", nargs="*", default=list(VARIANTS), choices=VARIANTS)
    parser.add_argument("--json", type=Path, help="write all scores here")
    args = parser.parse_args(argv)
    paths = [args.data / name for name in FILES]
    texts = [" ".join(words) for path in paths for words, _ in read_bio(path)]
    results = {}
    for variant in args.variants:
        nlp = build(variant)
        scores = evaluate_bio(nlp, paths)
        speed = measure_speed(nlp, texts)
        results[variant] = {"scores": scores, "speed": speed, "pipe_names": nlp.pipe_names}
        cells = []
        for path in paths:
            s = scores["files"][str(path)]
            per_label = " ".join(f"{lab[:3]} {v['f1']:.3f}" for lab, v in s["labels"].items())
            cells.append(f"{path.parent.name}: {per_label} micro {s['micro']['f1']:.3f}")
        print(f"{variant:<16} " + " | ".join(cells)
              + f" | {speed['pipeline_words_per_second']:,.0f} words/s", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
