"""Assemble the spaCy pipeline Jalin runs on news text.

``load_pipeline()`` loads the Indonesian pipeline shipped inside the package (tokenizer of
``spacy.blank("id")`` with news abbreviations such as "Jl." and hyphenated words kept whole,
a tok2vec shared by a POS tagger and an NER model trained by ``jalin ner train``) and adds
Jalin's rule components after it::

    jalin_sentences       sentence boundaries for news (unless the pipeline has its own)
    tok2vec, tagger, ner  the trained model (or any pipeline given with ``model=``)
    jalin_entity_labels   labels mapped onto PERSON / ORG / LOC / EVENT, spans tidied
    jalin_gazetteer       known organisation names tagged where the NER missed or cut them
    jalin_regional_offices  an office and its region joined: "Dinas Kesehatan Kabupaten Sikka",
                          "Bulog Kanwil Sumatera Utara"; a party's board read as the party and
                          its region: "DPD [Partai Golkar] [Bali]"
    jalin_modified_nouns  "UKM Indonesia" dropped where the article uses "UKM" as a plain word
    jalin_abbreviations   "long form (SHORT)" pairs on ``doc._.abbreviations``; the short forms
                          typed as their long forms (before titles, so that "Ketua Umum Aprindo
                          Roy Mandey" finds "Aprindo" an organisation of the article)
    jalin_titles          titles stripped from person names, roles on ``span._.role``
    jalin_person_names    a name's first word the NER left out taken in, a person named
                          again by one of their names found ("kata Hendrawan")
    jalin_organisation_names  an organisation named again by its short name ("Hyundai Motor
                          Company ... Hyundai menambah"), a company introduced by its kind
                          ("startup Ladangku") wherever named, a country's forces
    jalin_concepts        noun-phrase concepts on ``doc._.concepts``

Any installed spaCy pipeline can stand in for the shipped one (``model="en_core_web_sm"`` or a
path); its labels are mapped onto Jalin's types by ``jalin_entity_labels``.
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import NumpyOps, get_current_ops, set_current_ops

from ..errors import JalinError

# importing the component modules registers their factories with spaCy
from . import abbreviations, labels, person_names, regional_offices, sentences, titles  # noqa: F401
from . import concepts as _concepts  # noqa: F401
from . import gazetteer as _gazetteer  # noqa: F401
from . import modified_nouns as _modified_nouns  # noqa: F401
from . import organisation_names as _organisation_names  # noqa: F401
from .tokenization import adapt_tokenizer

MODEL_DIR = Path(__file__).resolve().parent / "model"
"""Where the shipped Indonesian pipeline lives."""

SENTENCE_COMPONENTS = ("parser", "senter", "sentencizer", "jalin_sentences")


@contextmanager
def numpy_matrix_products() -> Iterator[None]:
    """Within the block, thinc models made on the CPU multiply matrices with numpy (its OpenBLAS)
    rather than with BLIS, thinc's default.

    The trained model's time goes mostly to the tok2vec's matrix products. On the machines Jalin
    is measured on (AMD EPYC, AVX-512) numpy's OpenBLAS multiplies the tok2vec's matrices 3.6
    times as fast as BLIS on one thread (100 against 28 GFLOP/s for 8,000 x 288 by 288 x 288),
    and the trained model reads 300 news articles 1.55 times as fast with the same entities and
    tags (``bench/build_speed.py`` measures both). The parser's own inner loop keeps BLIS: thinc
    gives it no other. Nothing changes on a GPU or with other ops already chosen.
    """
    current = get_current_ops()
    if type(current) is not NumpyOps or not current.use_blis:
        yield
        return
    set_current_ops(NumpyOps(use_blis=False))
    try:
        yield
    finally:
        set_current_ops(current)


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of the code and data that turn a processed text into mentions.

    Part of every cache key, so that a changed rule component or word list (a new release, or an
    edit in a source checkout) invalidates extractions made with the old one.
    """
    from ..fileio import digest_files

    package = Path(__file__).resolve().parent.parent
    return digest_files([*package.joinpath("nlp").glob("*.py"), package / "mentions.py",
                         package / "records.py",
                         *(f for f in package.joinpath("data").iterdir() if f.is_file())])


def pipeline_version(nlp: Language) -> str:
    """A string that changes whenever the pipeline's behaviour may change (for caches)."""
    from .. import __version__

    meta = nlp.meta
    return (f"jalin-{__version__}+{code_version()}/{meta.get('name', '')}-"
            f"{meta.get('version', '')}/" + ",".join(nlp.pipe_names))


def load_pipeline(model: str | Path | None = None, *, concepts: bool = True,
                  label_map: dict[str, str] | None = None, gazetteer: bool = True) -> Language:
    """The spaCy ``Language`` Jalin uses for news.

    ``model`` is an installed pipeline's name or a path; ``None`` loads the shipped Indonesian one.
    ``concepts=False`` leaves out concept extraction. ``label_map`` adds to the entity-label
    mapping (for pipelines with unusual labels). ``gazetteer=False`` leaves out the gazetteer of
    known organisation names (``jalin_gazetteer``, see ``docs/ner.md``).

    >>> nlp = load_pipeline()  # doctest: +SKIP
    >>> doc = nlp("Presiden Joko Widodo tiba di Bali.")  # doctest: +SKIP
    >>> [(e.text, e.label_) for e in doc.ents]  # doctest: +SKIP
    [('Joko Widodo', 'PERSON'), ('Bali', 'LOC')]
    """
    source = MODEL_DIR if model is None else model
    if model is None and not (MODEL_DIR / "meta.json").is_file():
        raise JalinError("the shipped model is missing; reinstall Jalin or run 'jalin ner train'",
                         str(MODEL_DIR))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # the shipped tokenizer is spacy.blank("id")'s (tests check it byte for byte):
            # not reading it back halves the loading time (32,000 exceptions built once, not twice)
            with numpy_matrix_products():
                nlp = spacy.load(source, exclude=["tokenizer"] if model is None else [])
    except OSError as exc:
        raise JalinError(f"cannot load spaCy pipeline ({str(exc).splitlines()[0]})",
                         str(source)) from None
    if "ner" not in nlp.pipe_names and not any(
            name.startswith("ner") or "ner" in nlp.get_pipe_meta(name).factory
            for name in nlp.pipe_names):
        raise JalinError("the spaCy pipeline has no named-entity recognizer", str(source))
    if nlp.lang == "id":
        adapt_tokenizer(nlp)  # "Jl.", "PT.", "Rp.", "upaya-upaya", "Jong-un" stay one token
    if not any(name in nlp.pipe_names for name in SENTENCE_COMPONENTS):
        nlp.add_pipe("jalin_sentences", first=True)
    nlp.add_pipe("jalin_entity_labels", config={"label_map": label_map or {}})
    if gazetteer:
        nlp.add_pipe("jalin_gazetteer")
    nlp.add_pipe("jalin_regional_offices")
    nlp.add_pipe("jalin_modified_nouns")
    nlp.add_pipe("jalin_abbreviations")
    nlp.add_pipe("jalin_titles")
    nlp.add_pipe("jalin_person_names")
    nlp.add_pipe("jalin_organisation_names")
    if concepts:
        nlp.add_pipe("jalin_concepts")
    elif "tagger" in nlp.pipe_names:
        nlp.disable_pipe("tagger")
    return nlp


@dataclass(frozen=True)
class PipelineSpec:
    """How to load a pipeline: what worker processes and cluster workers are sent, and what keys
    the extraction cache without loading anything.

    >>> PipelineSpec().version() == PipelineSpec().version()
    True
    >>> PipelineSpec(concepts=False).version() != PipelineSpec().version()
    True
    """

    model: str | None = None
    concepts: bool = True
    label_map: tuple[tuple[str, str], ...] = field(default=())

    def load(self) -> Language:
        """The pipeline, as :func:`load_pipeline` gives it."""
        return load_pipeline(self.model, concepts=self.concepts,
                             label_map=dict(self.label_map) or None)

    def version(self) -> str:
        """What :func:`pipeline_version` of the loaded pipeline would say, read from the model's
        ``meta.json`` (or the installed package's version) without loading it."""
        from .. import __version__

        if self.model is None:
            path: Path | None = MODEL_DIR
        elif Path(self.model).exists():
            path = Path(self.model)
        else:
            path = None
        if path is None:  # an installed package: its name and version say which model it is
            try:
                from importlib.metadata import version

                model = f"{self.model}=={version(str(self.model))}"
            except Exception:  # noqa: BLE001 - not a distribution: load_pipeline will say
                model = str(self.model)
        else:
            try:
                meta = spacy.util.load_meta(path / "meta.json")
            except (OSError, ValueError) as exc:
                raise JalinError(f"cannot read the pipeline's meta.json ({exc})",
                                 str(path)) from None
            model = f"{meta.get('name', '')}-{meta.get('version', '')}"
            if self.model is not None:  # a user's folder: retraining may keep name and version
                model += "@" + _folder_stamp(path)
        options = f"concepts={self.concepts};labels={sorted(self.label_map)}"
        return f"jalin-{__version__}+{code_version()}/{model}/{options}"


def _folder_stamp(path: Path) -> str:
    """Sizes and modification times of a folder's files, digested: changes when they are
    rewritten."""
    digest = hashlib.sha1()
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        stat = f.stat()
        digest.update(f"{f.relative_to(path)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]
