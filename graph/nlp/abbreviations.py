"""Abbreviation definitions ("long form (SHORT)" and "SHORT (long form)"), as a spaCy component.

The algorithm is Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation
definitions in biomedical text", PSB 8:451-462: every character of the short form must appear in the
long form, in order, scanning right to left, and the first character of the short form must start a
word of the long form. The long form is looked for among at most ``min(|A| + 5, 2|A|)`` words before
the parenthesis, where ``|A|`` is the short form's length in characters.

Indonesian builds many acronyms from syllables rather than initials ("Kementerian Komunikasi dan
Informatika" -> "Kemenkominfo", "Badan Usaha Milik Negara" -> "BUMN", "usaha mikro, kecil dan
menengah" -> "UMKM"). Character-in-order matching handles syllable acronyms without change, which is
why the method is used as is; two adaptations follow Indonesian usage: function words ("dan",
"di", "untuk", "yang") may sit inside a long form without contributing letters, and a long form may
not start with one of them.

Results go to ``doc._.abbreviations``: a list of ``(long_form_span, short_form_span)`` pairs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

if not Doc.has_extension("abbreviations"):
    Doc.set_extension("abbreviations", default=None)

FUNCTION_WORDS = frozenset({"dan", "di", "ke", "dari", "untuk", "yang", "atau", "serta", "the",
                            "of", "and", "for", "in", "on", "to", "a", "an"})
MAX_INNER_TOKENS = 12


def is_short_form(text: str) -> bool:
    """Whether ``text`` can be an abbreviation: 2-12 characters, a letter first, few words.

    >>> is_short_form("UKM"), is_short_form("roadmap yang baru"), is_short_form("2016")
    (True, False, False)
    """
    if not 2 <= len(text) <= 12 or len(text.split()) > 2:
        return False
    if not text[0].isalpha():
        return False
    return any(ch.isupper() for ch in text) or text.isupper()


def match_long_form(short: str, long: str) -> str | None:
    """The shortest suffix of ``long`` that ``short`` abbreviates, or ``None``.

    Characters of ``short`` are matched right to left in ``long``; the first one must begin a word.

    >>> match_long_form("UKM", "pengelolaan usaha kecil dan menengah")
    'usaha kecil dan menengah'
    >>> match_long_form("Kemenkominfo", "Kementerian Komunikasi dan Informatika")
    'Kementerian Komunikasi dan Informatika'
    >>> match_long_form("BI", "kata pejabat itu") is None
    True
    """
    s = len(short) - 1
    pos = len(long) - 1
    while s >= 0:
        ch = short[s].lower()
        if not ch.isalnum():
            s -= 1
            continue
        while pos >= 0 and (long[pos].lower() != ch
                            or (s == 0 and pos > 0 and long[pos - 1].isalnum())):
            pos -= 1
        if pos < 0:
            return None
        pos -= 1
        s -= 1
    start = long.rfind(" ", 0, pos + 1) + 1
    return long[start:]


def _long_form_span(doc: Doc, candidates: Span, short: str) -> Span | None:
    text = candidates.text
    found = match_long_form(short, text)
    if not found or len(found) <= len(short) or short.lower() in found.lower().split():
        return None
    span = doc.char_span(candidates.end_char - len(found), candidates.end_char,
                         alignment_mode="expand")
    if span is None:
        return None
    words = [t for t in span if not t.is_punct]
    if not words or words[0].lower_ in FUNCTION_WORDS:
        return None
    content = [t for t in words if t.lower_ not in FUNCTION_WORDS]
    if len(content) < 2 and len(short) > 2:
        return None
    if len(words) > min(len(short) + 5, 2 * len(short)):
        return None
    return span


def find_abbreviations(doc: Doc) -> list[tuple[Span, Span]]:
    """All (long form, short form) definitions in ``doc``.

    >>> import spacy
    >>> doc = spacy.blank("id")("Ia membina usaha kecil dan menengah (UKM) di desa.")
    >>> [(lf.text, sf.text) for lf, sf in find_abbreviations(doc)]
    [('usaha kecil dan menengah', 'UKM')]
    """
    pairs: list[tuple[Span, Span]] = []
    n = len(doc)
    for i, token in enumerate(doc):
        if token.text != "(":
            continue
        close = next((k for k in range(i + 1, min(n, i + MAX_INNER_TOKENS + 2))
                      if doc[k].text in {")", "("} or "\n" in doc[k].text), None)
        if close is None or doc[close].text != ")" or close == i + 1:
            continue
        inner = doc[i + 1:close]
        sent_start = doc[i].sent.start if doc.has_annotation("SENT_START") else 0
        if is_short_form(inner.text):
            window_start = max(sent_start, i - min(len(inner.text) + 5, 2 * len(inner.text)) - 2)
            candidates = doc[window_start:i]
            if len(candidates) and candidates[-1].text == ",":
                candidates = doc[window_start:i - 1]
            long_span = _long_form_span(doc, candidates, inner.text) if len(candidates) else None
            if long_span is not None:
                pairs.append((long_span, inner))
        elif i > sent_start and is_short_form(doc[i - 1].text) and len(inner) > 1:
            short_span = doc[i - 1:i]
            long_span = _long_form_span(doc, inner, short_span.text)
            if long_span is not None and long_span.start == inner.start:
                pairs.append((long_span, short_span))
    return pairs


class AbbreviationDetector:
    """Sets ``doc._.abbreviations`` with :func:`find_abbreviations`."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.abbreviations = find_abbreviations(doc)
        return doc


@Language.factory("jalin_abbreviations")
def make_abbreviation_detector(nlp: Language, name: str) -> AbbreviationDetector:
    """spaCy factory for :class:`AbbreviationDetector`."""
    return AbbreviationDetector(nlp, name)
