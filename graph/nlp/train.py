"""Train Jalin's shipped Indonesian pipeline (tok2vec + tagger + ner) from token-per-line data.

The data folder has the layout of ``/work/shared/data/ner`` (see docs/ner.md)::

    nergrit/train.tsv  nergrit/valid.tsv      Wikipedia, cased       PERSON PLACE ORGANISATION
    nerp/train.tsv     nerp/valid.tsv         news, lowercased      PPL PLC IND EVT FNB
    idner2k/train.tsv  idner2k/dev.tsv        online news, cased    PER LOC ORG

Jalin's own annotated articles (``graph/nlp/corpus/written_news/train.jsonl``, character
offsets, read by :mod:`graph.nlp.offsets`) are added from the package. Missing corpora are
skipped (at least one train file is needed). POS data (nlp-id's cased kumparan
news, ``token<TAB>TAG``) trains the tagger and gives the casing statistics for the optional (off by
default) case restoration of NERP.

NER and tagger share one tok2vec and are updated together: NER-only examples carry no tags and
POS-only examples carry no entity annotation (``doc.ents`` never set, so every token's ``ent_iob``
is 0 = missing, and spaCy's NER skips the example), so neither task teaches the other "no
annotation". Model selection uses the valid/dev splits only (a corpus can also train on its
valid split, which then selects nothing); no test split is read.

The architecture is in ``train.cfg`` next to this file; the training settings are
:class:`TrainSettings` below (its defaults are what ships). Runs are reproducible for a given seed
(fixed random seed, deterministic data order, one thread).
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import compounding, fix_random_seed, minibatch
from thinc.api import Adam, Config

from graph.errors import JalinError
from graph.nlp.casing import CaseTable, change_case, restore_case
from graph.nlp.conll import JALIN_LABELS, TaggedSentence, bio_to_spans, read_bio, read_postag
from graph.nlp.evaluate import evaluate_bio
from graph.nlp.offsets import read_offsets_jsonl
from graph.nlp.pretrain import pretrain_tok2vec, pretraining_texts

#: Name and version written to the trained pipeline's meta.json (a weights digest is appended).
MODEL_NAME = "jalin_id_news"
MODEL_VERSION = "0.1.0"

#: Jalin's own annotated corpora (whole articles written for Jalin, see graph/nlp/corpus/README.md).
WRITTEN_CORPUS_DIR = Path(__file__).with_name("corpus")

#: spaCy architecture config (tok2vec, tagger, ner) for the shipped pipeline.
CONFIG_PATH = Path(__file__).with_name("train.cfg")


@dataclass(frozen=True)
class CorpusSettings:
    """How one corpus folder is used."""

    folder: str
    #: its train file; several joined by "+" ("train.tsv+dev.tsv") are read one after another
    train_file: str
    #: its valid file, scored after each epoch to select the model; "" for none
    valid_file: str
    #: copies of its train split per epoch (oversampling)
    copies: int
    #: weight of its valid micro F1 in the model-selection score
    selection_weight: float
    #: its text is lowercased (NERP): restore case before training
    lowercased: bool
    #: comma-separated labels whose entities in this corpus are left unannotated (missing, not
    #: "outside") in training: the corpus teaches the other labels without imposing its
    #: conventions for these (see :func:`mask_labels`)
    unknown_labels: str = ""
    #: the folder is in Jalin's own corpus folder (:data:`WRITTEN_CORPUS_DIR`), not the data folder
    builtin: bool = False


@dataclass(frozen=True)
class TrainSettings:
    """Every training setting of the shipped model; the defaults are what ships."""

    #: IDNer 2k is the closest to real input (cased online news): oversampled, weighs most.
    #: ``--set idner2k.train_file=train.tsv+dev.tsv --set idner2k.valid_file=`` trains on its dev
    #: split too (then NERGrit and NERP valid select the model): about +1 point on IDNer 2k in
    #: a two-fold estimate, but lower on whole articles, NERP, concepts and resolution in our
    #: runs, so not the default (docs/ner.md, eleventh session).
    #: ``written_news`` is Jalin's own cased news (graph/nlp/corpus), oversampled like IDNer 2k;
    #: it has no valid split (the whole-article benchmark scores text of its kind).
    #: ``written_news_more`` (48 more such articles) is off: with it, NERP valid fell by 1.4-1.9
    #: points in four runs while text written to the same prompt gained (docs/ner.md, runs 36-39).
    corpora: tuple[CorpusSettings, ...] = (
        CorpusSettings("nergrit", "train.tsv", "valid.tsv", 1, 0.25, False),
        CorpusSettings("nerp", "train.tsv", "valid.tsv", 1, 0.25, True),
        CorpusSettings("idner2k", "train.tsv", "dev.tsv", 3, 0.50, False),
        CorpusSettings("written_news", "train.jsonl", "", 3, 0.0, False, builtin=True),
        CorpusSettings("written_news_more", "train.jsonl", "", 0, 0.0, False, builtin=True),
    )
    #: restore case in lowercased corpora (NERP) from casing statistics of cased news; off by
    #: default: it cost 3-6 F1 points on IDNer 2k dev (ORG most) in our runs (docs/ner.md)
    restore_case: bool = False
    #: share of a lowercased corpus's sentences that are re-cased (the rest stay lowercased,
    #: which keeps the model working on lowercased text); which ones is fixed by a hash of the
    #: sentence, so it does not depend on the seed
    restore_case_fraction: float = 1.0
    #: per NER example and epoch: chance of training on a lowercased / upper-cased /
    #: title-cased copy instead (the rest are kept as they are)
    augment_lower: float = 0.10
    augment_upper: float = 0.04
    augment_title: float = 0.04
    #: mention replacement (Dai & Adel 2020, "An analysis of simple data augmentation for named
    #: entity recognition"): per NER example and epoch, the chance that its entities are each
    #: replaced, with probability 0.5, by a random entity of the same label from the cased
    #: training corpora, so the model learns names from their context rather than by heart
    augment_mentions: float = 0.0
    #: POS sentences mixed into each epoch (a different slice each epoch)
    pos_sentences_per_epoch: int = 6000
    #: the POS data's last sentences held out to measure tagger accuracy
    pos_held_out: int = 1000
    #: batches grow from batch_start to batch_stop sentences (spaCy's compounding schedule)
    batch_start: float = 8.0
    batch_stop: float = 32.0
    batch_compound: float = 1.001
    dropout: float = 0.1
    learn_rate: float = 0.001
    #: Adam's L2 weight decay (spaCy's default training config uses 0.01)
    l2: float = 0.0
    #: evaluate and save the running average of the weights that the optimiser keeps
    #: (Polyak averaging, as ``spacy train`` does) instead of the last step's weights
    average_parameters: bool = True
    max_epochs: int = 12
    #: stop after this many epochs without a better model-selection score
    patience: int = 3
    #: changes to ``train.cfg`` (the architecture), as (dotted config path, value) pairs
    architecture: tuple[tuple[str, Any], ...] = ()
    #: self-training: a pipeline (path) whose entities, with Jalin's rule components, annotate
    #: the POS sentences (cased news) as "silver" NER data (see :func:`silver_annotations`);
    #: empty: the POS sentences carry no entity annotation
    silver_teacher: str = ""
    #: pretrained tok2vec weights (``model*.bin`` of ``spacy pretrain`` on this config, see
    #: :func:`pretrain_tok2vec`) loaded before training; empty: random initialisation
    init_tok2vec: str = ""
    #: epochs of pretraining the tok2vec on the training text before training (see
    #: graph/nlp/pretrain.py); 0: none. Ignored when ``init_tok2vec`` gives weights.
    pretrain_epochs: int = 0
    #: domain fine-tuning: after the main epochs, the best model trains up to this many more
    #: epochs on the ``finetune_corpora`` only (comma-separated folders; their ``copies`` apply),
    #: at ``finetune_learn_rate``, with POS sentences in the main phase's proportion; an epoch
    #: is kept only if it raises the model-selection score
    finetune_epochs: int = 0
    finetune_corpora: str = "idner2k"
    finetune_learn_rate: float = 0.0005

    def with_overrides(self, overrides: list[str]) -> TrainSettings:
        """A copy with ``name=value`` overrides (``idner2k.copies=1`` sets a corpus field;
        ``components.tok2vec.model.encode.width=128`` a value of ``train.cfg``, read as JSON)."""
        changes: dict[str, Any] = {}
        corpora = {corpus.folder: corpus for corpus in self.corpora}
        architecture = dict(self.architecture)
        for override in overrides:
            name, equals, value = override.partition("=")
            if equals and name.split(".")[0] in ("components", "nlp"):
                try:
                    architecture[name] = json.loads(value)
                except ValueError:
                    architecture[name] = value
                changes["architecture"] = tuple(architecture.items())
                continue
            folder, dot, field_name = name.partition(".")
            if dot and folder in corpora:
                target: Any = corpora[folder]
            else:
                target, field_name = self, name
            known = {f.name: f for f in fields(target)}
            if not equals or field_name not in known or field_name == "corpora":
                raise JalinError(f"unknown training setting {override!r}")
            current = getattr(target, field_name)
            parsed = (
                value.lower() in ("1", "true", "yes")
                if isinstance(current, bool)
                else (type(current)(value))
            )
            if target is self:
                changes[field_name] = parsed
            else:
                corpora[folder] = replace(corpora[folder], **{field_name: parsed})
        return replace(self, corpora=tuple(corpora.values()), **changes)


DEFAULT_SETTINGS = TrainSettings()


def default_postag_path() -> Path | None:
    """nlp-id's POS data file if the ``nlp-id`` package is installed, else ``None``."""
    try:
        import nlp_id  # noqa: PLC0415 (optional training dependency)
    except ImportError:
        return None
    path = Path(nlp_id.__file__).parent / "data" / "dataset_postag.txt"
    return path if path.is_file() else None


def required_postag_path() -> Path:
    """:func:`default_postag_path`, or a :class:`JalinError` saying how to get it: the shipped
    pipeline's tagger (which the concept extractor needs) is trained on nlp-id's data, so a
    training run without it would silently make a pipeline with no tagger."""
    path = default_postag_path()
    if path is None:
        raise JalinError("nlp-id's POS data is missing, so no tagger could be trained "
                         "(install the training extra: pip install -e '.[train]')")
    return path


def load_config(overrides: dict[str, Any] | None = None) -> Config:
    """The pipeline's spaCy config from :data:`CONFIG_PATH`, with dotted-path ``overrides``."""
    return Config().from_disk(CONFIG_PATH, overrides=overrides or {})


def _log(progress: bool, message: str) -> None:
    if progress:
        print(message, file=sys.stderr, flush=True)


def _ner_example(nlp: Language, words: list[str], tags: list[str]) -> Example:
    """An example annotated with entities only (tags missing)."""
    reference = Doc(nlp.vocab, words=words, ents=tags)
    return Example(Doc(nlp.vocab, words=words), reference)


def _pos_example(nlp: Language, words: list[str], tags: list[str],
                 ents: list[str | None] | None = None) -> Example:
    """An example annotated with POS tags (entities missing, not "all outside", unless
    ``ents`` gives silver ones: IOB tags, ``None`` where unknown)."""
    reference = Doc(nlp.vocab, words=words, tags=tags, ents=ents)
    return Example(Doc(nlp.vocab, words=words), reference)


def silver_annotations(teacher: Language,
                       sentences: list[TaggedSentence]) -> list[list[str | None]]:
    """IOB entity tags that ``teacher`` (a pipeline with Jalin's rule components) gives the
    POS-tagged ``sentences``, as partial annotation: a token in an entity gets its tag, a proper
    noun (``NNP``) outside every entity is left unknown (``None``: the teacher may have missed a
    name there), every other token is outside (``O``).

    Self-training (Yarowsky 1995; for NER, e.g. Jie et al. 2019 on partial annotation): the
    student learns from more cased news than the gold corpora hold, and from the gazetteer and
    rules that the teacher runs after its model.
    """
    docs: Iterable[Doc] = (Doc(teacher.vocab, words=words) for words, _ in sentences)
    for _name, component in teacher.pipeline:
        docs = component.pipe(docs) if hasattr(component, "pipe") else map(component, docs)
    annotations: list[list[str | None]] = []
    for doc, (_, tags) in zip(docs, sentences, strict=True):
        annotations.append([
            f"{token.ent_iob_}-{token.ent_type_}" if token.ent_iob_ in ("B", "I")
            else None if tag == "NNP" else "O"
            for token, tag in zip(doc, tags, strict=True)])
    return annotations


def _augment(words: list[str], rng: random.Random, settings: TrainSettings) -> list[str]:
    """Maybe replace ``words`` by a re-cased copy (``settings.augment_*`` chances)."""
    draw = rng.random()
    chances = {
        "lower": settings.augment_lower,
        "upper": settings.augment_upper,
        "title": settings.augment_title,
    }
    for mode, chance in chances.items():
        if draw < chance:
            return change_case(words, mode)
        draw -= chance
    return words


MIN_POOL_NAMES = 100
"""Mention replacement draws only from labels with at least this many distinct names."""

MentionPool = dict[str, list[tuple[str, ...]]]
"""Entity label -> the distinct entity surfaces (as word tuples) of that label."""


def mention_pool(sentences: list[TaggedSentence]) -> MentionPool:
    """The distinct entities of ``sentences`` by label, in first-seen order.

    >>> mention_pool([(["Budi", "ke", "Jakarta"], ["B-PERSON", "O", "B-LOC"]),
    ...               (["Budi", "Santoso"], ["B-PERSON", "I-PERSON"])])
    {'PERSON': [('Budi',), ('Budi', 'Santoso')], 'LOC': [('Jakarta',)]}
    """
    pool: dict[str, dict[tuple[str, ...], None]] = {}
    for words, tags in sentences:
        for start, end, label in bio_to_spans(tags):
            pool.setdefault(label, {})[tuple(words[start:end])] = None
    return {label: list(names) for label, names in pool.items()}


def replace_mentions(words: list[str], tags: list[str], pool: MentionPool,
                     rng: random.Random, chance: float = 0.5) -> tuple[list[str], list[str]]:
    """``words`` and ``tags`` with each entity replaced, with probability ``chance``, by a random
    entity of the same label from ``pool`` (lower-cased when the sentence is all lower case).

    >>> rng = random.Random(0)
    >>> replace_mentions(["Budi", "ke", "Jakarta"], ["B-PERSON", "O", "B-LOC"],
    ...                  {"PERSON": [("Siti", "Aminah")]}, rng, chance=1.0)
    (['Siti', 'Aminah', 'ke', 'Jakarta'], ['B-PERSON', 'I-PERSON', 'O', 'B-LOC'])
    """
    lowercased = all(word == word.lower() for word in words)
    new_words: list[str] = []
    new_tags: list[str] = []
    position = 0
    for start, end, label in bio_to_spans(tags):
        new_words += words[position:start]
        new_tags += tags[position:start]
        names = pool.get(label)
        if names and rng.random() < chance:
            name = list(rng.choice(names))
            if lowercased:
                name = [word.lower() for word in name]
            new_words += name
            new_tags += [f"B-{label}"] + [f"I-{label}"] * (len(name) - 1)
        else:
            new_words += words[start:end]
            new_tags += tags[start:end]
        position = end
    return new_words + words[position:], new_tags + tags[position:]


def mask_labels(tags: list[str], labels: set[str]) -> list[str]:
    """``tags`` with every token of an entity of one of ``labels`` made missing (``""``): the
    model is neither taught that the words are such an entity nor that they are outside one
    (partial annotation, as in Jie et al. 2019, "Better modeling of incomplete annotations for
    named entity recognition").

    >>> mask_labels(["B-LOC", "O", "B-PERSON", "I-PERSON"], {"LOC"})
    ['', 'O', 'B-PERSON', 'I-PERSON']
    """
    return ["" if tag[2:] in labels else tag for tag in tags]


def _stable_fraction(words: list[str]) -> float:
    """A number in [0, 1) that depends only on the sentence (the same in every run)."""
    digest = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def load_training_data(
    data_dir: Path,
    postag_path: Path | None,
    settings: TrainSettings = DEFAULT_SETTINGS,
    progress: bool = True,
) -> tuple[list[TaggedSentence], list[Path], dict[str, float], list[TaggedSentence]]:
    """Read and prepare the NER train sentences (case-restored, oversampled) and the POS data.

    Returns ``(ner_train, valid_paths, valid_weights, pos_sentences)``.
    """
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise JalinError("training data folder not found", str(data_dir))
    pos_sentences = read_postag(postag_path) if postag_path is not None else []
    cased_corpora: list[list[TaggedSentence]] = []
    lowercased_corpora: list[tuple[list[TaggedSentence], int]] = []
    valid_paths: list[Path] = []
    valid_weights: dict[str, float] = {}
    copies_of: list[tuple[list[TaggedSentence], int]] = []
    for corpus in settings.corpora:
        copies, lowercased = corpus.copies, corpus.lowercased
        if copies == 0 and not corpus.valid_file:
            continue  # neither trained on nor scored
        folder = (WRITTEN_CORPUS_DIR if corpus.builtin else data_dir) / corpus.folder
        train_paths = [folder / name for name in corpus.train_file.split("+")]
        if not train_paths[0].is_file():
            _log(progress, f"skipping {train_paths[0]}: not found")
            continue
        if corpus.valid_file in corpus.train_file.split("+"):
            raise JalinError(f"{corpus.folder}: {corpus.valid_file} is trained on, so it cannot "
                             "select the model (set its valid_file to nothing)")
        sentences = [sentence for path in train_paths for sentence in (
            read_offsets_jsonl(path) if path.suffix == ".jsonl" else read_bio(path))]
        if corpus.unknown_labels:
            unknown = {label.strip() for label in corpus.unknown_labels.split(",")} - {""}
            if unknown - set(JALIN_LABELS):
                raise JalinError(f"{corpus.folder}.unknown_labels: not a Jalin label: "
                                 f"{sorted(unknown - set(JALIN_LABELS))[0]!r}")
            sentences = [(words, mask_labels(tags, unknown)) for words, tags in sentences]
        if lowercased:
            lowercased_corpora.append((sentences, copies))
        else:
            cased_corpora.append(sentences)
            copies_of.append((sentences, copies))
        valid_path = folder / corpus.valid_file
        if corpus.valid_file and valid_path.is_file():
            valid_paths.append(valid_path)
            valid_weights[str(valid_path)] = corpus.selection_weight
    if not cased_corpora and not lowercased_corpora:
        raise JalinError("no train.tsv found in nergrit/, nerp/ or idner2k/", str(data_dir))
    if lowercased_corpora and settings.restore_case:
        table = CaseTable.from_sentences(
            [words for words, _ in pos_sentences]
            + [words for corpus in cased_corpora for words, _ in corpus]
        )
        _log(progress, f"case table: {len(table)} word types")
        for sentences, copies in lowercased_corpora:
            restored = [
                (restore_case(words, tags, table), tags)
                if _stable_fraction(words) < settings.restore_case_fraction
                else (words, tags)
                for words, tags in sentences
            ]
            copies_of.append((restored, copies))
    else:
        copies_of.extend(lowercased_corpora)
    ner_train = [
        sentence for sentences, copies in copies_of for _ in range(copies) for sentence in sentences
    ]
    return ner_train, valid_paths, valid_weights, pos_sentences


def finetune_sentences(data_dir: Path, settings: TrainSettings) -> list[TaggedSentence]:
    """The train sentences of ``settings.finetune_corpora`` (each corpus ``copies`` times) for
    the fine-tuning epochs; empty when fine-tuning is off or none of them is in ``data_dir``."""
    if settings.finetune_epochs <= 0:
        return []
    wanted = {name.strip() for name in settings.finetune_corpora.split(",") if name.strip()}
    unknown = wanted - {corpus.folder for corpus in settings.corpora}
    if unknown:
        raise JalinError(f"unknown fine-tuning corpus {sorted(unknown)[0]!r}")
    sentences: list[TaggedSentence] = []
    for corpus in settings.corpora:
        paths = [data_dir / corpus.folder / name for name in corpus.train_file.split("+")]
        if corpus.folder in wanted and paths[0].is_file():
            sentences += [s for path in paths for s in read_bio(path)] * corpus.copies
    return sentences


def initial_tok2vec(data_dir: Path, settings: TrainSettings, postag_path: Path | None,
                    seed: int, progress: bool = True) -> bytes | None:
    """The tok2vec weights training starts from: the file ``settings.init_tok2vec``, or
    ``settings.pretrain_epochs`` epochs of pretraining on the training text
    (:mod:`graph.nlp.pretrain`), or ``None`` (random initialisation)."""
    if settings.init_tok2vec:
        path = Path(settings.init_tok2vec)
        if not path.is_file():
            raise JalinError("pretrained tok2vec weights not found", str(path))
        _log(progress, f"tok2vec initialised from {path}")
        return path.read_bytes()
    if settings.pretrain_epochs <= 0:
        return None
    texts = pretraining_texts(data_dir, [f"{c.folder}/{name}" for c in settings.corpora
                                         for name in c.train_file.split("+")],
                              postag_path, settings.pos_held_out)
    _log(progress, f"pretraining the tok2vec: {len(texts)} sentences, "
         f"{settings.pretrain_epochs} epochs")
    with tempfile.TemporaryDirectory(prefix="jalin-train-") as work:
        path = pretrain_tok2vec(load_config(dict(settings.architecture)), texts,
                                Path(work) / "tok2vec.bin", epochs=settings.pretrain_epochs,
                                seed=seed, progress=progress)
        return path.read_bytes()


def build_pipeline(
    ner_train: list[TaggedSentence], pos_train: list[TaggedSentence], seed: int,
    architecture: dict[str, Any] | None = None,
) -> Language:
    """Create the untrained pipeline from the config (with ``architecture`` overrides) and
    initialise it on a data sample."""
    fix_random_seed(seed)
    nlp = spacy.util.load_model_from_config(load_config(architecture), auto_fill=True,
                                            validate=True)
    if not pos_train:
        nlp.remove_pipe("tagger")
    ner = nlp.get_pipe("ner")
    for label in JALIN_LABELS:
        ner.add_label(label)  # type: ignore[attr-defined]
    sample = [_ner_example(nlp, w, t) for w, t in ner_train[:2000]]
    sample += [_pos_example(nlp, w, t) for w, t in pos_train]
    nlp.initialize(get_examples=lambda: sample)
    return nlp


def tagger_accuracy(nlp: Language, sentences: list[TaggedSentence]) -> float:
    """Token accuracy of the tagger on pre-tokenised ``sentences`` (0.0 without a tagger)."""
    if "tagger" not in nlp.pipe_names or not sentences:
        return 0.0
    docs: Iterable[Doc] = (Doc(nlp.vocab, words=words) for words, _ in sentences)
    for name in ("tok2vec", "tagger"):
        if name in nlp.pipe_names:
            docs = nlp.get_pipe(name).pipe(docs)  # type: ignore[attr-defined]
    correct = total = 0
    for doc, (_, tags) in zip(docs, sentences, strict=True):
        correct += sum(token.tag_ == tag for token, tag in zip(doc, tags, strict=True))
        total += len(tags)
    return correct / total


def _selection_score(results: dict[str, Any], weights: dict[str, float]) -> float:
    """Weighted mean of the valid files' micro F1 (``selection_weight`` of each corpus)."""
    total_weight = sum(weights.get(name, 0.0) for name in results["files"]) or 1.0
    return (
        sum(
            weights.get(name, 0.0) * scores["micro"]["f1"]
            for name, scores in results["files"].items()
        )
        / total_weight
    )


def _summarise(results: dict[str, Any]) -> dict[str, dict[str, float]]:
    """``{file: {label: f1, ..., "micro": f1}}`` from :func:`evaluate_bio`'s result."""
    summary: dict[str, dict[str, float]] = {}
    for name, scores in results["files"].items():
        row = {label: round(s["f1"], 4) for label, s in scores["labels"].items()}
        row["micro"] = round(scores["micro"]["f1"], 4)
        summary[Path(name).parent.name + "/" + Path(name).name] = row
    return summary


def prune_strings(nlp: Language, out_dir: Path) -> int:
    """Keep in the saved ``vocab/strings.json`` only what a blank Indonesian pipeline has plus the
    components' labels.

    spaCy saves every string it met in training, a word list of the training text. The models
    do not need it (the tok2vec hashes word features; strings are added again as text is read),
    and the training data is not ours to distribute in any form, so it is dropped. Returns the
    number of strings kept. Predictions are unchanged (checked on the valid splits).
    """
    keep = set(spacy.blank(nlp.lang).vocab.strings)
    for _name, component in nlp.pipeline:
        keep.update(getattr(component, "labels", ()))
    path = out_dir / "vocab" / "strings.json"
    strings = [s for s in srsly.read_json(path) if s in keep]
    srsly.write_json(path, strings)
    return len(strings)


def train_pipeline(
    data_dir: Path,
    out_dir: Path,
    *,
    seed: int = 0,
    max_epochs: int | None = None,
    max_steps: int | None = None,
    postag_path: Path | None = default_postag_path(),  # noqa: B008 (computed once, on purpose)
    progress: bool = True,
    settings: TrainSettings = DEFAULT_SETTINGS,
) -> dict[str, Any]:
    """Train the tok2vec + tagger + ner pipeline and write the best one with ``nlp.to_disk``.

    Args:
        data_dir: folder with ``nergrit/``, ``nerp/`` and ``idner2k/`` (see the module docstring).
        out_dir: where the trained pipeline is written (created; its contents are replaced).
        seed: random seed; the same seed and data give the same model.
        max_epochs: passes over the NER training data (default ``settings.max_epochs``);
            training also stops after ``settings.patience`` epochs without improvement.
        max_steps: stop after this many updates (for quick runs and tests).
        postag_path: POS data for the tagger and for case restoration; ``None`` trains no tagger.
        progress: print progress to stderr.
        settings: data mix, augmentation and optimiser settings (defaults are what ships).

    Returns:
        Scores of the selected model: ``valid`` (per file, per label F1 and micro F1),
        ``selection_score``, ``tagger_accuracy`` (held-out POS sentences), ``best_epoch``,
        ``epochs``, ``steps``, ``train_seconds``, ``model_bytes`` and the data sizes.

    Raises:
        JalinError: the data folder or a file in it is missing or malformed.
    """
    started = time.perf_counter()
    rng = random.Random(seed)
    ner_train, valid_paths, valid_weights, pos_sentences = load_training_data(
        Path(data_dir), postag_path, settings, progress
    )
    held_out = min(settings.pos_held_out, len(pos_sentences) // 5)
    pos_train = pos_sentences[: len(pos_sentences) - held_out]
    pos_dev = pos_sentences[len(pos_sentences) - held_out :]
    # before the pipeline is built: building it seeds the random state that training uses
    tok2vec_weights = initial_tok2vec(Path(data_dir), settings, postag_path, seed, progress)
    nlp = build_pipeline(ner_train, pos_train, seed, dict(settings.architecture))
    _log(progress, f"NER sentences/epoch: {len(ner_train)}; POS sentences: {len(pos_train)}")
    silver: list[list[str | None]] | None = None
    if settings.silver_teacher:
        from graph.nlp.pipeline import load_pipeline  # noqa: PLC0415 (only for self-training)

        teacher = load_pipeline(settings.silver_teacher, concepts=False)
        silver = silver_annotations(teacher, pos_train)
        found = sum(tag is not None and tag.startswith("B-") for tags in silver for tag in tags)
        _log(progress, f"silver entities from {settings.silver_teacher}: {found}")

    if tok2vec_weights is not None:
        nlp.get_pipe("tok2vec").model.from_bytes(tok2vec_weights)

    pool: MentionPool = {}
    if settings.augment_mentions > 0:  # names of the cased corpora (NERP is lower-cased)
        pool = mention_pool([(w, t) for w, t in ner_train if any(x != x.lower() for x in w)])
        # a label with few names in the cased corpora (EVENT) keeps its own mentions
        pool = {label: names for label, names in pool.items() if len(names) >= MIN_POOL_NAMES}
        _log(progress, "mention pool: " + ", ".join(f"{k} {len(v)}" for k, v in pool.items()))

    def augmented(words: list[str], tags: list[str]) -> Example:
        if pool and rng.random() < settings.augment_mentions:
            words, tags = replace_mentions(words, tags, pool, rng)
        return _ner_example(nlp, _augment(words, rng, settings), tags)

    optimizer = Adam(learn_rate=settings.learn_rate, L2=settings.l2, use_averages=True)
    epochs = max_epochs if max_epochs is not None else settings.max_epochs
    batch_sizes = compounding(settings.batch_start, settings.batch_stop, settings.batch_compound)
    pos_order = list(range(len(pos_train)))
    rng.shuffle(pos_order)
    pos_cursor = 0
    best: tuple[float, int, bytes, dict[str, Any], float] | None = None
    step = 0
    epochs_done = 0
    phase_start = 1

    def run_epoch(epoch: int, sentences: list[TaggedSentence], pos_take: int) -> bool:
        """Train one epoch, evaluate, keep the model if it is the best so far; False once
        training should stop (``patience`` epochs of this phase without a better model, or
        ``max_steps`` reached)."""
        nonlocal pos_cursor, best, step, epochs_done
        examples = [augmented(words, tags) for words, tags in sentences]
        for _ in range(min(pos_take, len(pos_train))):
            index = pos_order[pos_cursor % len(pos_order)]
            words, tags = pos_train[index]
            pos_cursor += 1
            examples.append(_pos_example(nlp, words, tags, silver[index] if silver else None))
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=batch_sizes):
            nlp.update(batch, drop=settings.dropout, sgd=optimizer, losses=losses)
            step += 1
            if max_steps is not None and step >= max_steps:
                break
        epochs_done = epoch
        with nlp.use_params(optimizer.averages if settings.average_parameters else {}):
            results = evaluate_bio(nlp, valid_paths) if valid_paths else {"files": {}}
            score = _selection_score(results, valid_weights)
            accuracy = tagger_accuracy(nlp, pos_dev)
            improved = best is None or score > best[0]
            if improved:  # the weights evaluated, kept while they are the best
                best = (score, epoch, nlp.to_bytes(exclude=["tokenizer"]), results, accuracy)
        loss_text = " ".join(f"{name}={value:.0f}" for name, value in losses.items())
        _log(
            progress,
            f"epoch {epoch} step {step} {time.perf_counter() - started:.0f}s {loss_text} "
            f"select={score:.4f} tag_acc={accuracy:.4f} {_summarise(results)}",
        )
        if not improved and epoch - max(best[1], phase_start - 1) >= settings.patience:
            return False
        return max_steps is None or step < max_steps

    for epoch in range(1, epochs + 1):
        if not run_epoch(epoch, ner_train, settings.pos_sentences_per_epoch):
            break

    finetune = finetune_sentences(Path(data_dir), settings)
    steps_left = max_steps is None or step < max_steps
    if finetune and best is not None and steps_left:
        nlp.from_bytes(best[2], exclude=["tokenizer"])
        optimizer.learn_rate = settings.finetune_learn_rate
        pos_take = round(settings.pos_sentences_per_epoch * len(finetune) / len(ner_train))
        _log(progress, f"fine-tuning: {len(finetune)} sentences/epoch from "
             f"{settings.finetune_corpora}, learn rate {settings.finetune_learn_rate}")
        phase_start = epochs_done + 1
        for epoch in range(phase_start, phase_start + settings.finetune_epochs):
            if not run_epoch(epoch, finetune, pos_take):
                break

    assert best is not None
    score, best_epoch, best_bytes, results, accuracy = best
    nlp.from_bytes(best_bytes, exclude=["tokenizer"])
    weights_digest = hashlib.blake2b(best_bytes, digest_size=4).hexdigest()
    nlp.meta.update(
        {
            "name": MODEL_NAME,
            # the digest changes with every retrained model, so caches keyed on it are renewed
            "version": f"{MODEL_VERSION}+{weights_digest}",
            "description": "Jalin's Indonesian news pipeline: tok2vec, POS tagger (nlp-id "
            "tag set), NER (PERSON, ORG, LOC, EVENT). Trained by graph/nlp/train.py.",
            "license": "Apache-2.0 (model weights); training data credited in NOTICE",
            "sources": [
                {
                    "name": "IndoNLU NERGrit and NERP",
                    "url": "https://github.com/IndoNLP/indonlu",
                    "license": "Apache-2.0",
                },
                {
                    "name": "IDNer news 2k",
                    "url": "https://github.com/khairunnisaor/idner-news-2k",
                    "license": "MIT",
                },
                {
                    "name": "nlp-id POS data (kumparan)",
                    "url": "https://github.com/kumparan/NLP-ID",
                    "license": "MIT",
                },
            ],
        }
    )
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir)
    prune_strings(nlp, out_dir)
    model_bytes = sum(path.stat().st_size for path in out_dir.rglob("*") if path.is_file())
    return {
        "valid": _summarise(results),
        "selection_score": round(score, 4),
        "tagger_accuracy": round(accuracy, 4),
        "best_epoch": best_epoch,
        "epochs": epochs_done,
        "steps": step,
        "train_seconds": round(time.perf_counter() - started, 1),
        "model_bytes": model_bytes,
        "ner_sentences_per_epoch": len(ner_train),
        "pos_sentences": len(pos_train),
        "seed": seed,
        "settings": {name: value for name, value in asdict(settings).items() if name != "corpora"}
        | {f"{c.folder}.copies": c.copies for c in settings.corpora}
        | {f"{c.folder}.unknown_labels": c.unknown_labels
           for c in settings.corpora if c.unknown_labels},
    }


def main(argv: list[str] | None = None, log: Callable[[str], None] = print) -> int:
    """``python -m graph.nlp.train DATA_DIR OUT_DIR [--seed N] [--max-epochs N] [--set K=V ...]``.

    ``--set`` overrides a :class:`TrainSettings` field (``--set restore_case=false``) or a corpus
    field (``--set idner2k.copies=1``); the scores are printed as JSON on stdout.
    """
    import argparse  # noqa: PLC0415
    import json  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-epochs", type=int, default=None)
    parser.add_argument("--max-steps", type=int, default=None)
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args(argv)
    try:
        settings = DEFAULT_SETTINGS.with_overrides(args.set)
        scores = train_pipeline(
            args.data_dir,
            args.out_dir,
            seed=args.seed,
            max_epochs=args.max_epochs,
            max_steps=args.max_steps,
            postag_path=required_postag_path(),
            settings=settings,
        )
    except JalinError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    log(json.dumps(scores, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
