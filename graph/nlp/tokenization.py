"""Tokenizer exceptions for Indonesian news: abbreviations written with a full stop.

spaCy's Indonesian tokenizer keeps "Dr.", "No." or "dll." as one token but splits "Jl.", "PT.",
"Tbk." or "Rp." into a word and a full stop. A full stop token before a capitalised word ends a
sentence (:mod:`graph.nlp.sentences`), so "Kantor PT. Bank Mandiri Tbk. di Jl. Sudirman" fell apart
into three sentences, cutting names and co-occurrence windows. Keeping a known abbreviation as one
token is the standard remedy (Grefenstette & Tapanainen 1994, "What is a word, what is a
sentence?"; Kiss & Strunk 2006, "Unsupervised multilingual sentence boundary detection", whose
Punkt system learns such lists from text): the period of an abbreviation is not a sentence end.

The list is ``graph/data/abbreviations.txt`` (general usage and PUEBI's rules, not drawn from any
corpus); :func:`add_abbreviations` adds each entry and its upper-case form as a special case of a
tokenizer, leaving the tokenizer's own special cases as they are.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.symbols import NORM, ORTH
from spacy.tokenizer import Tokenizer


@lru_cache(maxsize=1)
def abbreviations() -> tuple[str, ...]:
    """The abbreviations of ``graph/data/abbreviations.txt`` and their upper-case forms.

    >>> "Jl." in abbreviations() and "JL." in abbreviations()
    True
    """
    text = resources.files("graph.data").joinpath("abbreviations.txt").read_text(encoding="utf-8")
    entries = [line.strip() for line in text.splitlines()
               if line.strip() and not line.startswith("#")]
    return tuple(dict.fromkeys(form for entry in entries for form in (entry, entry.upper())))


def add_abbreviations(tokenizer: Tokenizer) -> int:
    """Make every abbreviation of :func:`abbreviations` one token of ``tokenizer``; its own
    special cases are kept. Returns how many were added.

    The token's norm is the abbreviation without its full stop, lower-cased ("PT." -> "pt"), the
    norm of the same word written without one: news mostly writes "PT", "Jl", "Tbk" bare, so that
    is the form a model has learnt.

    >>> import spacy
    >>> nlp = spacy.blank("id")
    >>> [t.text for t in nlp("di Jl. Sudirman")]
    ['di', 'Jl', '.', 'Sudirman']
    >>> add_abbreviations(nlp.tokenizer) > 0
    True
    >>> [t.text for t in nlp("di Jl. Sudirman")]
    ['di', 'Jl.', 'Sudirman']
    """
    rules = tokenizer.rules or {}
    added = 0
    for form in abbreviations():
        if form not in rules:
            tokenizer.add_special_case(form, [{ORTH: form, NORM: form.rstrip(".").lower()}])
            added += 1
    return added
