"""Tokenizer adjustments for Indonesian news: abbreviations written with a full stop, and words
joined by a hyphen.

spaCy's Indonesian tokenizer keeps "Dr.", "No." or "dll." as one token but splits "Jl.", "PT.",
"Tbk." or "Rp." into a word and a full stop. A full stop token before a capitalised word ends a
sentence (:mod:`graph.nlp.sentences`), so "Kantor PT. Bank Mandiri Tbk. di Jl. Sudirman" fell apart
into three sentences, cutting names and co-occurrence windows. Keeping a known abbreviation as one
token is the standard remedy (Grefenstette & Tapanainen 1994, "What is a word, what is a
sentence?"; Kiss & Strunk 2006, "Unsupervised multilingual sentence boundary detection", whose
Punkt system learns such lists from text): the period of an abbreviation is not a sentence end.

The list is ``graph/data/abbreviations.txt`` (general usage and PUEBI's rules, not drawn from any
corpus); :func:`add_abbreviations` adds each entry (and its upper-case form, when it has four
letters or more) as a special case of a tokenizer, leaving the tokenizer's own special cases as
they are.

A hyphen between two lower-case letters joins one word in Indonesian: reduplication ("upaya-upaya",
"bertanya-tanya", "anak-anaknya"), prefixes ("non-pemerintah", "pasca-pandemi") and romanised
names ("Kim Jong-un", "Moon Jae-in"). spaCy's infix rules split every hyphen between letters and
keep only the ~16,000 reduplications of its exception list whole, so "upaya-upaya" became three
tokens and "Kim Jong-un" the name "Kim Jong". The cased news the model and tagger learnt from
writes such words as one token (nlp-id's kumparan news: 4,458 hyphenated tokens, 332 free-standing
hyphens between words). :func:`keep_hyphenated_words` stops the infix rules from splitting there;
a hyphen next to a capital still splits, so "AS-China", "Jokowi-JK" or "Jakarta-Bandung" stay two
names, as a graph needs them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from spacy.lang.char_classes import ALPHA_LOWER, ALPHA_UPPER
from spacy.language import Language
from spacy.symbols import NORM, ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_suffix_regex

WORD_HYPHEN = rf"(?<=[{ALPHA_LOWER}])-(?=[{ALPHA_LOWER}])"
"""A hyphen between two lower-case letters, inside one word."""


@lru_cache(maxsize=1)
def abbreviations() -> tuple[str, ...]:
    """The abbreviations of ``graph/data/abbreviations.txt`` and the upper-case forms of those of
    four letters or more (headlines); a shorter one in capitals is a person's initials at a
    sentence's end as often ("pria berinisial DS." is no "Ds." of a village's name).

    >>> "Jl." in abbreviations() and "KOMP." in abbreviations() and "JL." not in abbreviations()
    True
    """
    text = resources.files("graph.data").joinpath("abbreviations.txt").read_text(encoding="utf-8")
    entries = [line.strip() for line in text.splitlines()
               if line.strip() and not line.startswith("#")]
    return tuple(dict.fromkeys(
        form for entry in entries
        for form in ((entry, entry.upper()) if len(_letters(entry)) >= MIN_UPPER_FORM_LETTERS
                     else (entry,))))


MIN_UPPER_FORM_LETTERS = 4
"""Fewest letters of an abbreviation whose upper-case form is kept one token too."""


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


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


HONORIFIC_HYPHEN = r"(?<=[a-z])-(?=(?:san|sama|kun|chan|sensei|ssi|nim)(?![a-z]))"
"""A hyphen before a Japanese or Korean honorific written after a name ("Watanabe-san",
"Park-ssi"): the name stands alone, as "Pak Budi" does."""


def keep_hyphenated_words(tokenizer: Tokenizer, infixes: Sequence[str]) -> None:
    """Give ``tokenizer`` the infix rules ``infixes`` (its language's ``Defaults.infixes``), none
    of which may split at a hyphen between two lower-case letters (:data:`WORD_HYPHEN`), but for
    one before an honorific (:data:`HONORIFIC_HYPHEN`: "Watanabe-san").

    >>> import spacy
    >>> nlp = spacy.blank("id")
    >>> text = "upaya-upaya Kim Jong-un, perang dagang AS-China, Tanaka-san"
    >>> [t.text for t in nlp(text)][:5]
    ['upaya', '-', 'upaya', 'Kim', 'Jong']
    >>> keep_hyphenated_words(nlp.tokenizer, nlp.Defaults.infixes)
    >>> [t.text for t in nlp(text)]
    ['upaya-upaya', 'Kim', 'Jong-un', ',', 'perang', 'dagang', 'AS', '-', 'China', ',', \
'Tanaka', '-', 'san']
    """
    guarded = [rf"(?!{WORD_HYPHEN})(?:{pattern})" for pattern in infixes]
    tokenizer.infix_finditer = compile_infix_regex([HONORIFIC_HYPHEN, *guarded]).finditer


CODE_FULL_STOP = rf"(?<=[0-9][{ALPHA_UPPER}])\."
"""A full stop after a code of capitals and digits that ends in a capital ("milik BPK2L."):
the sentence's, which spaCy's suffix rules split off only after two capitals or after a digit
or a lower-case letter."""


def split_full_stops_after_codes(tokenizer: Tokenizer, suffixes: Sequence[str]) -> None:
    """Give ``tokenizer`` the suffix rules ``suffixes`` (its language's ``Defaults.suffixes``)
    and :data:`CODE_FULL_STOP`.

    >>> import spacy
    >>> nlp = spacy.blank("id")
    >>> [t.text for t in nlp("dikelola BPK2L. Ia")]
    ['dikelola', 'BPK2L.', 'Ia']
    >>> split_full_stops_after_codes(nlp.tokenizer, nlp.Defaults.suffixes)
    >>> [t.text for t in nlp("dikelola BPK2L. Ia")]
    ['dikelola', 'BPK2L', '.', 'Ia']
    """
    tokenizer.suffix_search = compile_suffix_regex([*suffixes, CODE_FULL_STOP]).search


def adapt_tokenizer(nlp: Language) -> None:
    """Give an Indonesian pipeline's tokenizer Jalin's changes: news abbreviations with a full
    stop stay one token (:func:`add_abbreviations`), and so do words joined by a hyphen between
    lower-case letters (:func:`keep_hyphenated_words`) and a capitalised word said twice
    (:data:`CAPITALISED_REDUPLICATION`); a sentence's full stop after a code is split off
    (:func:`split_full_stops_after_codes`).

    >>> import spacy
    >>> nlp = spacy.blank("id")
    >>> adapt_tokenizer(nlp)
    >>> [t.text for t in nlp("Jl. Sudirman, upaya-upaya di Wangi-Wangi milik BPK2L.")]
    ['Jl.', 'Sudirman', ',', 'upaya-upaya', 'di', 'Wangi-Wangi', 'milik', 'BPK2L', '.']
    """
    add_abbreviations(nlp.tokenizer)
    keep_hyphenated_words(nlp.tokenizer, nlp.Defaults.infixes)
    split_full_stops_after_codes(nlp.tokenizer, nlp.Defaults.suffixes)
    if nlp.tokenizer.token_match is None:
        nlp.tokenizer.token_match = CAPITALISED_REDUPLICATION.match


CAPITALISED_REDUPLICATION = re.compile(rf"^([{ALPHA_UPPER}][{ALPHA_LOWER}]+)-\1$")
"""A capitalised word said twice ("Wangi-Wangi", an island; "Kupu-Kupu" opening a sentence):
one word, as the lower-case reduplications are (:data:`WORD_HYPHEN`), not two names."""
