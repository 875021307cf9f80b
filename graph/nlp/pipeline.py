"""Assemble the spaCy pipeline Jalin runs on news text.

``load_pipeline()`` loads the Indonesian pipeline shipped inside the package (tokenizer of
``spacy.blank("id")``, a tok2vec shared by a POS tagger and an NER model trained by
``jalin ner train``) and adds Jalin's rule components after it::

    jalin_sentences       sentence boundaries for news (unless the pipeline has its own)
    tok2vec, tagger, ner  the trained model (or any pipeline given with ``model=``)
    jalin_entity_labels   labels mapped onto PERSON / ORG / LOC / EVENT, spans tidied
    jalin_titles          titles stripped from person names, roles on ``span._.role``
    jalin_abbreviations   "long form (SHORT)" pairs on ``doc._.abbreviations``
    jalin_concepts        noun-phrase concepts on ``doc._.concepts``

Any installed spaCy pipeline can stand in for the shipped one (``model="en_core_web_sm"`` or a
path); its labels are mapped onto Jalin's types by ``jalin_entity_labels``.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import spacy
from spacy.language import Language

from ..errors import JalinError

# importing the component modules registers their factories with spaCy
from . import abbreviations, labels, sentences, titles  # noqa: F401
from . import concepts as _concepts  # noqa: F401

MODEL_DIR = Path(__file__).resolve().parent / "model"
"""Where the shipped Indonesian pipeline lives."""

SENTENCE_COMPONENTS = ("parser", "senter", "sentencizer", "jalin_sentences")


def pipeline_version(nlp: Language) -> str:
    """A string that changes whenever the pipeline's behaviour may change (for caches)."""
    from .. import __version__

    meta = nlp.meta
    return f"jalin-{__version__}/{meta.get('name', '')}-{meta.get('version', '')}/" + ",".join(
        nlp.pipe_names)


def load_pipeline(model: str | Path | None = None, *, concepts: bool = True,
                  label_map: dict[str, str] | None = None) -> Language:
    """The spaCy ``Language`` Jalin uses for news.

    ``model`` is an installed pipeline's name or a path; ``None`` loads the shipped Indonesian one.
    ``concepts=False`` leaves out concept extraction. ``label_map`` adds to the entity-label
    mapping (for pipelines with unusual labels).

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
            nlp = spacy.load(source)
    except OSError as exc:
        raise JalinError(f"cannot load spaCy pipeline ({str(exc).splitlines()[0]})",
                         str(source)) from None
    if "ner" not in nlp.pipe_names and not any(
            name.startswith("ner") or "ner" in nlp.get_pipe_meta(name).factory
            for name in nlp.pipe_names):
        raise JalinError("the spaCy pipeline has no named-entity recognizer", str(source))
    if not any(name in nlp.pipe_names for name in SENTENCE_COMPONENTS):
        nlp.add_pipe("jalin_sentences", first=True)
    nlp.add_pipe("jalin_entity_labels", config={"label_map": label_map or {}})
    nlp.add_pipe("jalin_titles")
    nlp.add_pipe("jalin_abbreviations")
    if concepts:
        nlp.add_pipe("jalin_concepts")
    elif "tagger" in nlp.pipe_names:
        nlp.disable_pipe("tagger")
    return nlp
