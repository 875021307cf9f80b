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

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .labels import (
    BOARD_HEADS,
    COMPANY_FORMS,
    COMPANY_HEADS,
    EVENT_WORDS,
    INSTITUTION_TAILS,
    ORG_ONLY_HEADS,
    ORG_ONLY_TAILS,
    ORGANISATION_WORDS,
    POLICE_COMMANDS,
    TERM_ACRONYMS,
    TERM_HEADS,
    common_words,
    holds_institution_word,
    is_cased,
)
from .token_lists import token_lowers, token_texts

if not Doc.has_extension("abbreviations"):
    Doc.set_extension("abbreviations", default=None)

FUNCTION_WORDS = frozenset({"dan", "di", "ke", "dari", "untuk", "yang", "atau", "serta", "the",
                            "of", "and", "for", "in", "on", "to", "a", "an"})
MAX_INNER_TOKENS = 12
BRACKETS = frozenset("()[]")


MAX_SHORT_FORM_CHARS = 12
MAX_REGIONAL_SHORT_FORM_CHARS = 24


def is_short_form(text: str) -> bool:
    """Whether ``text`` can be an abbreviation: 2-12 characters, a letter first, one or two
    words, no company's legal form (the "(Persero)" of "PT Bank Mandiri (Persero) Tbk" is part
    of the name); or a regional office's short form, up to 24 characters: an abbreviation that
    is no common word followed by one or two capitalised words, its region ("Dispora Jabar",
    "Bapenda Kota Malang").

    >>> is_short_form("UKM"), is_short_form("roadmap yang baru"), is_short_form("2016")
    (True, False, False)
    >>> is_short_form("Persero")
    False
    >>> is_short_form("Dishub Batang"), is_short_form("Kantor Gubernur Sumatera")
    (True, False)
    """
    words = text.split()
    if not 2 <= len(text) <= MAX_REGIONAL_SHORT_FORM_CHARS or text.lower() in COMPANY_FORMS:
        return False
    if not text[0].isalpha():
        return False
    if len(text) > MAX_SHORT_FORM_CHARS or len(words) > 2:
        return (len(words) <= 3 and words[0][:1].isupper() and words[0].isalpha()
                and words[0].lower() not in common_words() and words[0] not in BOARD_HEADS
                and all(w[:1].isupper() for w in words[1:]))  # not a party's board, which
        # is read as its party: "DPW NasDem Sulsel"
    return any(ch.isupper() for ch in text) or text.isupper()


COUNTED_LETTER = re.compile(r"([A-Za-z])([2-9])")
"""A letter and how many words it stands for, as Indonesian short forms count repeated initials
("P3A": Pemberdayaan Perempuan dan Perlindungan Anak; "P2": Pengendalian Penduduk)."""


def expand_counted_letters(short: str) -> str:
    """``short`` with each counted letter written out (:data:`COUNTED_LETTER`).

    >>> expand_counted_letters("DP3AP2KB")
    'DPPPAPPKB'
    """
    return COUNTED_LETTER.sub(lambda m: m.group(1) * int(m.group(2)), short)


def match_long_form(short: str, long: str) -> str | None:
    """The shortest suffix of ``long`` that ``short`` abbreviates, or ``None``.

    Characters of ``short`` are matched right to left in ``long``; the first one must begin a word.
    A short form that counts its letters ("DP3AP2KB") is matched written out when it does not
    match as written.

    >>> match_long_form("UKM", "pengelolaan usaha kecil dan menengah")
    'usaha kecil dan menengah'
    >>> match_long_form("Kemenkominfo", "Kementerian Komunikasi dan Informatika")
    'Kementerian Komunikasi dan Informatika'
    >>> match_long_form("BI", "kata pejabat itu") is None
    True
    >>> match_long_form("P2KB", "Pengendalian Penduduk dan Keluarga Berencana")
    'Pengendalian Penduduk dan Keluarga Berencana'
    """
    found = _match_long_form(short, long)
    if found is None and COUNTED_LETTER.search(short):
        return _match_long_form(expand_counted_letters(short), long)
    return found


def _match_long_form(short: str, long: str) -> str | None:
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
    start = max(long.rfind(" ", 0, pos + 1), long.rfind("/", 0, pos + 1)) + 1
    return long[start:]  # from the word's start, also after a slash: "Hilirisasi/[Badan ...]"


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
    if any(t.lower_ == short.lower() for t in words):
        return None  # a long form holds no word that is its own short form
    if not words or words[0].lower_ in FUNCTION_WORDS:
        return None
    content = [t for t in words if t.lower_ not in FUNCTION_WORDS]
    if len(content) < 2 and len(short) > 2:
        return None
    if len(words) > min(len(short) + 5, 2 * len(short)):
        return None
    if _holds_an_office_holder(span):
        return None
    return span


def _holds_an_office_holder(span: Span) -> bool:
    """Whether a person entity with a title or rank right before it stands inside ``span``
    ("Komandan Lanud Sultan Hasanuddin Marsma [Eko Yulianto], dan Komandan Pangkalan Utama TNI
    AL VI (Lantamal VI)"): a role and its holder end one name and begin the next, so no long form
    runs over them (a syllabic abbreviation such as "Lantamal" has no long form by letters)."""
    from .titles import title_length_at

    doc = span.doc
    for ent in doc.ents:
        if ent.label_ != "PERSON" or not span.start < ent.start < span.end:
            continue
        for j in range(max(span.start, ent.start - 4), ent.start):
            if title_length_at(doc, j, ent.start) == ent.start - j:
                return True
    return False


def _legal_form_bracket(doc: Doc, k: int) -> bool:
    """Whether bracket token ``k`` encloses a company's legal form: "(Persero)"."""
    if doc[k].text == "(":
        return k + 2 < len(doc) and doc[k + 1].lower_ in COMPANY_FORMS and doc[k + 2].text == ")"
    return k >= 2 and doc[k - 1].lower_ in COMPANY_FORMS and doc[k - 2].text == "("


def _commas_between_organisations(doc: Doc) -> frozenset[int]:
    """Commas that end one organisation the recogniser found and begin another ("Polres Lampung
    Selatan, Pangkalan TNI AL Lampung")."""
    orgs = [(ent.start, ent.end) for ent in doc.ents if ent.label_ == "ORG"]
    starts = {start for start, _ in orgs}
    return frozenset(end for _, end in orgs
                     if end < len(doc) and doc[end].text == "," and end + 1 in starts)


def _long_before(doc: Doc, i: int, short: str, org_commas: frozenset[int]) -> Span | None:
    """The long form that ``short`` abbreviates among the words before token ``i``, not running
    over ``org_commas`` (:func:`_commas_between_organisations`)."""
    sent_start = doc[i].sent.start if doc.has_annotation("SENT_START") else 0
    window_start = max(sent_start, i - min(len(short) + 5, 2 * len(short)) - 2)
    end = i - 1 if i > window_start and doc[i - 1].text == "," else i
    # a long form holds no bracket but a company's legal form's ("PT Telkom Indonesia (Persero)
    # Tbk (TLKM)"): it starts after another definition's short form ("Persatuan Sepak Bola
    # Seluruh Indonesia (PSSI), dan Kepolisian Daerah Jawa Barat (Polda Jabar)")
    window_start = max([window_start, *(k + 1 for k in range(window_start, end)
                                        if doc[k].text in BRACKETS and not _legal_form_bracket(
                                            doc, k))])
    # nor does it run over a comma between two organisations the recogniser found ("Polres
    # Lampung Selatan, Pangkalan TNI AL Lampung (Lanal Lampung)"); a comma inside one name stays
    # ("Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan (Kemenko Polhukam)", "SKK
    # Migas Perwakilan Jawa, Bali, dan Nusa Tenggara (SKK Migas Jabanusa)")
    window_start = max([window_start, *(k + 1 for k in org_commas if window_start <= k < end)])
    if end <= window_start:
        return None
    return _long_form_span(doc, doc[window_start:end], short)


def _shared_tail(doc: Doc, i: int, inner: Span) -> int:
    """Number of words a bracketed short form (``inner``, after the bracket at token ``i``)
    shares with the end of the name before the bracket, after its acronym: "Yayasan Pendidikan
    Islam Nurul Ilmi (YPI Nurul Ilmi)", "Universitas Islam Negeri Sunan Kalijaga (UIN Sunan
    Kalijaga)" (2); 0 if it is no such short form."""
    size = len(inner) - 1
    if (not 1 <= size <= 4 or i - size < 1 or not inner[0].is_alpha or not inner[0].is_upper
            or not 2 <= len(inner[0]) <= 8):
        return 0
    tail = doc[i - size:i]
    if [t.text for t in tail] != [t.text for t in inner[1:]] or not all(
            t.text[:1].isupper() for t in tail):
        return 0
    return size


def find_abbreviations(doc: Doc) -> list[tuple[Span, Span]]:
    """All (long form, short form) definitions in ``doc``.

    Three patterns: "long form (SHORT)", "SHORT (long form)" and, common in Indonesian news,
    "long form atau SHORT" ("usaha kecil dan menengah atau UKM"); a short form may keep the
    long form's last words after its acronym ("Yayasan Pendidikan Islam Nurul Ilmi (YPI Nurul
    Ilmi)").

    >>> import spacy
    >>> doc = spacy.blank("id")("Ia membina usaha kecil dan menengah (UKM) di desa.")
    >>> [(lf.text, sf.text) for lf, sf in find_abbreviations(doc)]
    [('usaha kecil dan menengah', 'UKM')]
    """
    pairs: list[tuple[Span, Span]] = []
    n = len(doc)
    org_commas = _commas_between_organisations(doc)
    texts, lowers = token_texts(doc), token_lowers(doc)
    for i, text in enumerate(texts):
        if lowers[i] == "atau" and i + 1 < n and i > 0:
            short = doc[i + 1]
            if is_short_form(short.text) and short.text.isupper() and short.is_alpha:
                long_span = _long_before(doc, i, short.text, org_commas)
                if long_span is not None:
                    pairs.append((long_span, doc[i + 1:i + 2]))
            continue
        if text != "(":
            continue
        close = next((k for k in range(i + 1, min(n, i + MAX_INNER_TOKENS + 2))
                      if texts[k] in {")", "("} or "\n" in texts[k]), None)
        if close is None or texts[close] != ")" or close == i + 1:
            continue
        inner = doc[i + 1:close]
        sent_start = doc[i].sent.start if doc.has_annotation("SENT_START") else 0
        shared = _shared_tail(doc, i, inner)
        if shared:  # "Yayasan Pendidikan Islam Nurul Ilmi (YPI Nurul Ilmi)"
            long_span = _long_before(doc, i - shared, inner[0].text, org_commas)
            if long_span is not None:
                pairs.append((doc[long_span.start:i], inner))
        elif is_short_form(inner.text) and (
                long_span := _long_before(doc, i, inner.text, org_commas)) is not None:
            pairs.append((long_span, inner))
        elif i > sent_start and is_short_form(doc[i - 1].text) and len(inner) > 1:
            short_span = doc[i - 1:i]
            long_span = _long_form_span(doc, inner, short_span.text)
            if long_span is not None and long_span.start == inner.start:
                pairs.append((long_span, short_span))
    return pairs


def short_names(doc: Doc) -> list[tuple[Span, Span]]:
    """(name, short name) pairs where an organisation's full name is followed by one of its own
    words in parentheses, the name the article then uses: "PT KitaPay Teknologi Indonesia
    (KitaPay)", "PT Gojek Tokopedia Tbk (Gojek)". Schwartz & Hearst's matching leaves these out
    (a short form that is a word of the long form is no abbreviation), but the parentheses define
    the short name the same way. Needs the organisation entities of ``doc``.

    >>> import spacy
    >>> doc = spacy.blank("id")("PT KitaPay Teknologi Indonesia (KitaPay) bocor.")
    >>> doc.ents = [Span(doc, 0, 4, label="ORG")]
    >>> [(name.text, short.text) for name, short in short_names(doc)]
    [('PT KitaPay Teknologi Indonesia', 'KitaPay')]
    """
    pairs = []
    for ent in doc.ents:
        k = ent.end
        if (ent.label_ == "ORG" and len(ent) >= 2 and k + 2 < len(doc) and doc[k].text == "("
                and doc[k + 2].text == ")" and doc[k + 1].text[:1].isupper()
                and doc[k + 1].text in {t.text for t in ent[1:]}):
            pairs.append((ent, doc[k + 1:k + 2]))
    return pairs


def is_proper_name(span: Span) -> bool:
    """Whether every content word of ``span`` is capitalised (a name, not a common noun phrase)."""
    words = [t for t in span if t.is_alpha and t.lower_ not in FUNCTION_WORDS]
    return bool(words) and all(t.text[:1].isupper() for t in words)


def is_common_noun_phrase(span: Span) -> bool:
    """Whether every word of ``span`` is written in lower case ("hak guna usaha", "gross
    tonnage"): in cased text such a long form defines a common noun's abbreviation, no name."""
    words = [t for t in span if t.is_alpha]
    return bool(words) and all(t.text.islower() for t in words)


_NAME_TAILS = ORG_ONLY_TAILS | INSTITUTION_TAILS
"""Last words that make a long form an organisation's name ("Agency", "University")."""

ORGANISATION_HEADS = ORGANISATION_WORDS - {"the", "tim"}
"""First words that make a defined long form an organisation's name even where the recogniser
found nothing in it: "Ikatan Dokter Anak Indonesia (IDAI)", "Institute for Development of
Economics and Finance (Indef)"."""


DEFINED_ORG_HEADS = frozenset({"gereja", "lembaga"})
"""First words of names of buildings or institutions ("Gereja", "Lembaga") that, defined with an
acronym, name an organisation: a church body ("Gereja Protestan Maluku (GPM)"), an institution
("Lembaga Alternatif Penyelesaian Sengketa Sektor Jasa Keuangan (LAPS SJK)"); a church building
or a prison ("Lembaga Pemasyarakatan") gets no acronym of its own."""


def _defined_organisation(long_span: Span) -> bool:
    """Whether a defined long form that the recogniser typed is an organisation by its words:
    it opens or ends with a word only organisations' names open or end with, or opens with one
    of :data:`DEFINED_ORG_HEADS` (not a prison: "Lembaga Pemasyarakatan")."""
    first = long_span[0]
    if not first.text[:1].isupper():
        return False
    return (long_span[-1].lower_ in _NAME_TAILS or first.lower_ in ORG_ONLY_HEADS or (
        first.lower_ in DEFINED_ORG_HEADS and len(long_span) >= 2
        and long_span[1].lower_ != "pemasyarakatan"))


def entities_with_definitions(doc: Doc, pairs: list[tuple[Span, Span]]) -> list[Span]:
    """``doc.ents`` mended with the definitions of ``pairs``.

    When a long form that is a proper name overlaps an entity, the entity takes exactly the long
    form's boundaries (the tagger often stops at "dan": "Kementerian Komunikasi" for
    "Kementerian Komunikasi dan Informatika"); a long form the recogniser missed becomes an ORG
    when it opens with an organisation's head word (:data:`ORGANISATION_HEADS`) or ends with a
    word only organisations' or institutions' names end with ("Australian National University
    (ANU)") or holds an institution's word ("Wageningen University & Research (WUR)"). Every
    occurrence of the short form in the document then has the long form's label: one not yet
    part of an entity is added, an entity of exactly its extent is retyped ("IDAI" tagged LOC
    after "Ikatan Dokter Anak Indonesia (IDAI)"). An abbreviation defined by a phrase
    in lower case in cased text ("hak guna usaha (HGU)", "gross tonnage (GT)") is a common
    noun's, so no entity is just that abbreviation anywhere in the document. A long form opening
    or ending with a word that only organisations' names open or end with
    (:data:`~graph.nlp.labels.ORG_ONLY_HEADS`, ``ORG_ONLY_TAILS``, ``INSTITUTION_TAILS``: "Japan
    International Cooperation Agency (JICA)", the recogniser's "Japan" a place) is an ORG, and
    so is one opening with "Gereja" or "Lembaga" (:data:`DEFINED_ORG_HEADS`). The long form of a
    common noun's acronym (:data:`~graph.nlp.labels.TERM_ACRONYMS`: "Indonesian Sustainable Palm
    Oil (ISPO)", a certificate) or opening with a tax's, aid's or card's word
    (:data:`~graph.nlp.labels.TERM_HEADS`: "Pajak Bumi dan Bangunan (PBB)") names nothing, nor
    does the acronym (nor, for a hyphenated one, its first part: "PBB" of "PBB-P2").
    """
    from .regional_offices import is_police_unit_acronym
    from .titles import title_length_at

    ents = list(doc.ents)
    texts: list[str] | None = None  # the tokens' texts, read once when a short form is sought
    common = {short_span.text for long_span, short_span in pairs
              if is_common_noun_phrase(long_span)} if is_cased(doc) else set()
    if common:  # "hak guna usaha (HGU)": no "HGU" names anything in the article
        ents = [e for e in ents if e.text not in common]
    for long_span, short_span in pairs:
        if ((short_span.text.lower() in TERM_ACRONYMS or long_span[0].lower_ in TERM_HEADS)
                and not _defined_organisation(long_span)
                and long_span[0].lower_ not in ORGANISATION_HEADS
                and not (long_span.start and doc[long_span.start - 1].lower_ in COMPANY_HEADS)):
            # not a company's name: "PT [Jaminan Kredit Indonesia] (Jamkrindo)"
            # "Indonesian Sustainable Palm Oil (ISPO)": a certificate; "Pajak Bumi dan Bangunan
            # Perdesaan dan Perkotaan (PBB-P2)", a tax, written "PBB" too
            terms = {short_span.text, short_span.text.split("-")[0]}
            ents = [e for e in ents if e.text not in terms and not (
                long_span.start <= e.start and e.end <= long_span.end)]
            continue
        if not is_proper_name(long_span) or title_length_at(doc, short_span.start) or \
                title_length_at(doc, long_span.start) >= len(long_span):
            continue  # a title and its short form ("Chief Executive Officer (CEO)") name no one
        if (len(short_span) == 1 and is_police_unit_acronym(short_span[0])
                and short_span.end + 1 < len(doc) and doc[short_span.end].text == ")"
                and doc[short_span.end + 1].lower_ in POLICE_COMMANDS):
            continue  # a police unit before its command: "Direktorat Reserse Kriminal Khusus
            # (Ditreskrimsus) [Polda Jateng]", no organisation of its own (regional_offices)
        overlapping = [e for e in ents if e.start < long_span.end and long_span.start < e.end]
        if overlapping:
            label = overlapping[0].label_
            if _defined_organisation(long_span):
                label = "ORG"  # "[Japan] International Cooperation Agency (JICA)", "[Gereja
                # Protestan Maluku] (GPM)" LOC
            if long_span[0].lower_ in EVENT_WORDS or long_span[-1].lower_ in EVENT_WORDS:
                label = "EVENT"  # "[Jogja]-NETPAC Asian Film Festival (JAFF)"
        elif long_span[0].lower_ in ORGANISATION_HEADS or (
                long_span[-1].lower_ in _NAME_TAILS
                and long_span[-1].text[:1].isupper()) or holds_institution_word(long_span[1:]):
            label = "ORG"  # "Australian National University (ANU)", missed by the recogniser;
            # "Wageningen University & Research (WUR)"
        else:
            continue
        start = min([long_span.start] + [e.start for e in overlapping
                                         if is_proper_name(doc[e.start:long_span.start])
                                         or e.start >= long_span.start])
        # not over an event's common words before the name: "[Rapat paripurna] Dewan ..."
        end = max([long_span.end] + [e.end for e in overlapping])
        ents = [e for e in ents if e not in overlapping]
        ents.append(Span(doc, start, end, label=label))
        taken = {i for e in ents for i in range(e.start, e.end)}
        short_words = [t.text for t in short_span]
        size = len(short_words)
        if texts is None:
            texts = token_texts(doc)
        for k in range(len(doc) - size + 1):
            if texts[k] != short_words[0] or texts[k:k + size] != short_words:
                continue
            inside = [e for e in ents if e.start < k + size and k < e.end]
            if not inside or (size > 1 and all(
                    k < e.start or (k == e.start and e.end <= k + size) for e in inside)):
                # a short form of several words the recogniser cut in pieces or ran on into the
                # next name: "[YPI] [Nurul Ilmi]", "Ketua YPI [Nurul Ilmi Andi Syahrir]"
                ents = [e for e in ents if e not in inside] + [
                    Span(doc, k + size, e.end, label=e.label_) for e in inside if e.end > k + size]
                ents.append(Span(doc, k, k + size, label=label))
                taken.update(range(k, k + size))
            else:
                ents = [Span(doc, k, k + size, label=label)
                        if (e.start, e.end) == (k, k + size) else e for e in ents]
    return sorted(ents, key=lambda e: e.start)


class AbbreviationDetector:
    """Sets ``doc._.abbreviations`` and mends entities with them (see
    :func:`entities_with_definitions`)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        pairs = find_abbreviations(doc) + short_names(doc)
        doc._.abbreviations = pairs
        if pairs and doc.ents:
            roles = {(e.start_char, e.end_char): e._.role for e in doc.ents
                     if e.has_extension("role") and e._.role}
            doc.ents = entities_with_definitions(doc, pairs)
            for e in doc.ents:
                if (e.start_char, e.end_char) in roles:
                    e._.role = roles[(e.start_char, e.end_char)]
        return doc


@Language.factory("jalin_abbreviations")
def make_abbreviation_detector(nlp: Language, name: str) -> AbbreviationDetector:
    """spaCy factory for :class:`AbbreviationDetector`."""
    return AbbreviationDetector(nlp, name)
