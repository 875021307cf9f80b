"""Pretrain the shared tok2vec of Jalin's pipeline on raw text before it learns NER and POS tags.

Language-model-style pretraining of the token encoder (Peters et al. 2018, "Deep contextualized
word representations"; in spaCy, ``spacy pretrain``): 15% of the words of each sentence are
hidden and the tok2vec predicts their first and last characters from the context (spaCy's
``PretrainCharacters`` objective, the masked-word task of Devlin et al. 2019, BERT, with
characters as the target).
It learns what the context says about a word, from text that needs no annotation, and the NER
and tagger start from those weights instead of random ones.

The raw text is the sentences of the training splits (NER train files and the POS sentences the
tagger trains on; never a valid, dev or test split), so pretraining adds no data that training
does not already read: it changes what the encoder learns from it first. The architecture is
``train.cfg``'s, so the weights load straight into the pipeline's ``tok2vec``.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

import spacy
import srsly
from spacy.training.pretrain import pretrain
from thinc.api import Config

from graph.errors import JalinError
from graph.nlp.conll import read_bio, read_postag

#: spaCy's defaults for pretraining (objective, optimiser, batcher), shipped with spaCy.
PRETRAINING_DEFAULTS = Path(spacy.__file__).with_name("default_config_pretraining.cfg")


def pretraining_texts(
    data_dir: Path, train_files: list[str], postag_path: Path | None, pos_held_out: int
) -> list[str]:
    """The raw text for pretraining, one sentence per item: each NER train file of
    ``train_files`` (paths under ``data_dir``; missing ones are skipped) in order, then the POS
    sentences without the last ``pos_held_out`` (kept for measuring the tagger)."""
    texts: list[str] = []
    for name in train_files:
        path = Path(data_dir) / name
        if path.is_file():
            texts += [" ".join(words) for words, _ in read_bio(path)]
    if postag_path is not None:
        sentences = read_postag(postag_path)
        held_out = min(pos_held_out, len(sentences) // 5)
        texts += [" ".join(words) for words, _ in sentences[: len(sentences) - held_out]]
    return texts


def pretraining_config(config: Config, raw_text: Path, epochs: int, seed: int) -> Config:
    """``config`` (the pipeline's, as ``train.cfg`` gives it) completed with spaCy's pretraining
    defaults, reading ``raw_text`` (JSON lines with a ``text`` field) for ``epochs`` epochs."""
    defaults = Config().from_disk(PRETRAINING_DEFAULTS)
    nlp = spacy.util.load_model_from_config(config.merge(defaults), auto_fill=True,
                                            validate=False)
    full = nlp.config.merge(defaults)
    full["paths"]["raw_text"] = str(raw_text)
    full["corpora"]["pretrain"] = defaults["corpora"]["pretrain"] | {"path": str(raw_text)}
    full["pretraining"]["max_epochs"] = epochs
    full["training"]["seed"] = seed
    return full


def pretrain_tok2vec(config: Config, texts: list[str], out_path: Path, *, epochs: int,
                     seed: int = 0, progress: bool = True) -> Path:
    """Pretrain the tok2vec of ``config`` on ``texts`` for ``epochs`` epochs and write its
    weights (the optimiser's averaged ones, as ``spacy pretrain`` saves them) to ``out_path``.

    The same texts, epochs and seed give the same weights (one thread). spaCy's progress table
    goes to stderr when ``progress`` is set.
    """
    if epochs < 1:
        raise JalinError(f"pretraining needs at least one epoch, not {epochs}")
    if not texts:
        raise JalinError("no text to pretrain on")
    with tempfile.TemporaryDirectory(prefix="jalin-pretrain-") as work:
        raw_text = Path(work) / "raw.jsonl"
        srsly.write_jsonl(raw_text, [{"text": text} for text in texts])
        full = pretraining_config(config, raw_text, epochs, seed)
        with contextlib.redirect_stdout(sys.stderr):
            pretrain(full, Path(work), silent=not progress, skip_last=True)
        weights = Path(work) / f"model{epochs - 1}.bin"
        out_path = Path(out_path)
        out_path.parent.mkdir(parents=True, exist_ok=True)
        partial = out_path.with_name(out_path.name + ".partial")
        partial.write_bytes(weights.read_bytes())
        partial.replace(out_path)
    return out_path
