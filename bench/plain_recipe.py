"""Train the issue's "plain recipe" baseline and score it next to Jalin's shipped model.

Issue 3 calibrates Jalin's NER against a recipe anyone can repeat in an afternoon: spaCy's
``init config --optimize efficiency`` NER pipeline trained by ``spacy train`` on NERGrit, NERP
with its case restored and 30% lowercase augmentation, and IDNer 2k train. That recipe scored 0.84
on IDNer 2k's test split and 0.72-0.73 on unseen cased news (figures from the issue; we never read
a test split). This script trains the same recipe here and scores it on the valid/dev splits, with
the same scorer as Jalin's model, so the two can be compared on data we may use:

    OMP_NUM_THREADS=1 python bench/plain_recipe.py ../shared/data/ner --workdir /tmp/plain

Differences from the issue's run, where it says nothing: case is restored with Jalin's
``restore_case`` (casing statistics of nlp-id's kumparan news and the cased corpora); the dev set
``spacy train`` selects on is the three valid/dev files together; the seed is 0. Training stops by
spaCy's own defaults for that config (patience 1,600 steps, at most 20,000 steps), or at
``--max-steps``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy
from spacy.cli.init_config import init_config
from spacy.cli.train import train as spacy_train
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from graph.nlp.conll import read_bio
from graph.nlp.evaluate import evaluate_bio, load_model_alone
from graph.nlp.pipeline import load_pipeline
from graph.nlp.train import DEFAULT_SETTINGS, load_training_data, required_postag_path


def write_docbin(sentences: list[tuple[list[str], list[str]]], path: Path) -> None:
    """Write ``(words, BIO tags)`` sentences as one spaCy ``Doc`` each."""
    vocab = spacy.blank("id").vocab
    docs = DocBin(docs=[Doc(vocab, words=words, ents=tags) for words, tags in sentences])
    docs.to_disk(path)


def f1_per_file(nlp: Language, paths: list[Path]) -> dict[str, dict[str, float]]:
    """F1 per label and micro F1 of ``nlp`` on each BIO file, by Jalin's scorer."""
    results = evaluate_bio(nlp, paths)["files"]
    return {
        f"{Path(path).parent.name}/{Path(path).name}":
            {label: round(scores["f1"], 3) for label, scores in result["labels"].items()}
            | {"micro": round(result["micro"]["f1"], 3)}
        for path, result in results.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder with nergrit/, nerp/, idner2k/")
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--max-steps", type=int, default=20000)
    args = parser.parse_args()
    work: Path = args.workdir
    work.mkdir(parents=True, exist_ok=True)

    settings = DEFAULT_SETTINGS.with_overrides(["restore_case=true", "idner2k.copies=1"])
    train, valid_paths, _, _ = load_training_data(args.data, required_postag_path(), settings)
    dev = [sentence for path in valid_paths for sentence in read_bio(path)]
    write_docbin(train, work / "train.spacy")
    write_docbin(dev, work / "dev.spacy")
    print(f"train sentences {len(train)}, dev sentences {len(dev)}", flush=True)

    config = init_config(lang="id", pipeline=["ner"], optimize="efficiency", gpu=False)
    config["corpora"]["train"]["augmenter"] = {"@augmenters": "spacy.lower_case.v1", "level": 0.3}
    config["training"]["max_steps"] = args.max_steps
    config_path = work / "config.cfg"
    config.to_disk(config_path)
    started = time.perf_counter()
    spacy_train(config_path, work / "out", overrides={
        "paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy"),
        "system.seed": 0})
    minutes = (time.perf_counter() - started) / 60

    pipelines = {
        "plain recipe": spacy.load(work / "out" / "model-best"),
        "Jalin model alone": load_model_alone(),
        "Jalin pipeline (model + rules)": load_pipeline(None, concepts=False),
    }
    rows = {name: f1_per_file(nlp, valid_paths) for name, nlp in pipelines.items()}
    print(f"plain recipe trained in {minutes:.1f} min")
    print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
