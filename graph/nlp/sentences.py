"""Sentence boundaries for news text, as a spaCy component.

A rule-based splitter in the spirit of spaCy's ``sentencizer`` with two additions that news needs:

* a paragraph break (a whitespace token holding a newline) always ends a sentence, so a caption or a
  subheading never runs into the next paragraph's first sentence;
* a full stop, question or exclamation mark ends a sentence only when the next word can start one
  (capitalised, a digit, or an opening quote or bracket), so "Rp13,2 triliun. dan" or a lower-case
  continuation does not split. Abbreviations such as "Dr." or "S.H." are single tokens in spaCy's
  Indonesian tokenizer and never end a sentence by themselves.

The rule is the classic one of Grefenstette & Tapanainen (1994), "What is a word, what is a
sentence? Problems of tokenization": a period followed by a capitalised word is a boundary unless
the period belongs to a known abbreviation.

One abbreviation's period is both: a name or a list closed by "Tbk.", "Ltd." or "dll." at the end
of a sentence carries one full stop for the abbreviation and the sentence (haplology; Kiss &
Strunk 2006, "Unsupervised multilingual sentence boundary detection", treat such
periods as both an abbreviation's and a sentence's). :func:`closing_abbreviation_stops` finds
them and the component splits the period off into its own token, so that the sentence ends there
and the name ("PT Astra International Tbk") ends without it, as annotated news writes it.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_PUNCT, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from .labels import COMPANY_FORMS
from .token_lists import token_texts

SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSING = frozenset({'"', "'", "”", "’", ")", "]", "»"})
OPENING = frozenset({'"', "“", "'", "‘", "(", "[", "«", "-", "–", "—", "•"})
MAX_SENTENCE_TOKENS = 200
"""A "sentence" longer than this (a table, a list without stops, scraped junk) is split: after a
comma or semicolon once it has 3/4 of this many tokens, or else right at the limit. Nothing is
dropped; windows and evidence sentences simply stay of a readable size, and the cost of the
rule components that look around a name stays bounded."""
_SOFT_BREAK = frozenset({",", ";", ":"})

CLOSING_ABBREVIATIONS = frozenset(
    form
    for entry in ("Tbk.", "Ltd.", "Inc.", "Corp.", "Co.", "Bhd.", "Plc.", "GmbH.", "AG.", "Pte.",
                  "LLC.", "LLP.", "Jr.", "Sr.")
    for form in (entry, entry.upper())
) | frozenset({"dll.", "dsb.", "dst.", "dkk."})
"""Abbreviations that close what they belong to: legal forms after a company's name, "Jr."/"Sr."
after a person's, "dll." (and so on), "dsb.", "dst.", "dkk." (et al.) after a list. Their full
stop can also end the sentence (:func:`closing_abbreviation_stops`); abbreviations before a name
("Dr.", "Jl.", "PT.") never end one."""
_OPENING_QUOTES = frozenset({'"', "“", "'", "‘", "«"})


def _can_start_sentence(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or text in OPENING


def closing_abbreviation_stops(doc: Doc) -> list[int]:
    """Indices of the tokens of ``doc`` that are a :data:`CLOSING_ABBREVIATIONS` entry whose
    full stop also ends the sentence: the text ends after it, a line break follows, or the next
    word is capitalised or an opening quote (and not a further legal form,
    :data:`~graph.nlp.labels.COMPANY_FORMS`, as in "Co. Ltd").

    >>> import spacy
    >>> from graph.nlp.tokenization import adapt_tokenizer
    >>> nlp = spacy.blank("id")
    >>> adapt_tokenizer(nlp)
    >>> doc = nlp("Sahamnya milik Acme Ltd. Harganya naik, dll. dan Acme Ltd. (AL) Corp.")
    >>> [(i, doc[i].text) for i in closing_abbreviation_stops(doc)]
    [(3, 'Ltd.'), (14, 'Corp.')]
    """
    stops: list[int] = []
    n = len(doc)
    for i, text in enumerate(token_texts(doc)):
        if text not in CLOSING_ABBREVIATIONS:
            continue
        token = doc[i]
        k = token.i + 1
        while k < n and doc[k].is_space and "\n" not in doc[k].text:
            k += 1
        if k == n or doc[k].is_space or "\n" in token.whitespace_:
            stops.append(token.i)
            continue
        after = doc[k].text
        if token.whitespace_ and (after in _OPENING_QUOTES or (
                after[0].isupper() and after.lower().rstrip(".") not in COMPANY_FORMS)):
            stops.append(token.i)
    return stops


def sentence_starts(doc: Doc, max_tokens: int = MAX_SENTENCE_TOKENS) -> list[bool]:
    """Whether each token of ``doc`` starts a sentence (pure function, no side effects).

    Sentences are at most ``max_tokens`` tokens long (see :data:`MAX_SENTENCE_TOKENS`).

    >>> import spacy
    >>> nlp = spacy.blank("id")
    >>> starts = sentence_starts(nlp("Ia datang. Dr. Budi pulang.\\n\\nBaru"))
    >>> [t.text for t, s in zip(nlp("Ia datang. Dr. Budi pulang.\\n\\nBaru"), starts) if s]
    ['Ia', 'Dr.', 'Baru']
    """
    n = len(doc)
    starts = [False] * n
    if n == 0:
        return starts
    # read from the doc's arrays once, no Token object per token ("whitespace_" is " " or "")
    texts = token_texts(doc)
    spaced, punct = zip(*doc.to_array([SPACY, IS_PUNCT]).tolist(), strict=True)
    boundary = True  # the first real token starts a sentence
    i = 0
    while i < n:
        text = texts[i]
        if text.isspace():
            if "\n" in text:
                boundary = True
            i += 1
            continue
        if boundary:
            starts[i] = True
            boundary = False
        if text in SENTENCE_END or (text.endswith((".", "!", "?")) and punct[i]):
            j = i + 1
            # closing quotes and brackets stick to the mark; after a space a quote opens the next
            while j < n and not spaced[j - 1] and (
                texts[j] in CLOSING or texts[j] in SENTENCE_END
            ):
                j += 1
            k = j
            while k < n and texts[k].isspace() and "\n" not in texts[k]:
                k += 1
            if k < n and (texts[k].isspace() or _can_start_sentence(texts[k])):
                boundary = True
            i = j
            continue
        i += 1
    return _cap_lengths(doc, starts, max_tokens)


def _cap_lengths(doc: Doc, starts: list[bool], max_tokens: int) -> list[bool]:
    """Split sentences longer than ``max_tokens``, preferably after a comma or semicolon."""
    soft = max(1, max_tokens * 3 // 4)
    length = 0
    texts = token_texts(doc)
    for i, text in enumerate(texts):
        if starts[i]:
            length = 0
        elif not text.isspace() and (
                length >= max_tokens or (length >= soft and texts[i - 1] in _SOFT_BREAK)):
            starts[i] = True
            length = 0
        length += 1
    return starts


class NewsSentencizer:
    """Splits the full stop off a closing abbreviation that ends a sentence
    (:func:`closing_abbreviation_stops`), then sets ``token.is_sent_start`` from
    :func:`sentence_starts`."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        stops = closing_abbreviation_stops(doc)
        if stops:
            with doc.retokenize() as retokenizer:
                for i in stops:
                    token = doc[i]
                    retokenizer.split(token, [token.text[:-1], "."], heads=[token, token],
                                      attrs={"NORM": [token.norm_.rstrip("."), "."]})
        # one array write: setting ``token.is_sent_start`` token by token is quadratic in spaCy
        # (each assignment re-checks the whole document for a parse)
        values = numpy.array([1 if start else -1 for start in sentence_starts(doc)],
                             dtype="int64").view("uint64").reshape(-1, 1)
        doc.from_array([SENT_START], values)
        return doc


@Language.factory("jalin_sentences")
def make_news_sentencizer(nlp: Language, name: str) -> NewsSentencizer:
    """spaCy factory for :class:`NewsSentencizer`."""
    return NewsSentencizer(nlp, name)
