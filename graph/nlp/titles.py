"""Titles and roles in front of person names, as a spaCy component.

Indonesian news names people with their office or title first: "Menkominfo Rudiantara",
"Presiden RI Joko Widodo", "CEO Tokopedia William Tanuwijaya", "Menteri Koordinator Perekonomian
Indonesia, Darmin Nasution". The title is not part of the name. This component

1. strips title words from the front of PERSON spans ("Presiden Joko Widodo" -> "Joko Widodo");
2. reads the role phrase that stands before a PERSON span: it starts at a title word and runs to the
   name over capitalised words and the connectors "dan", "untuk", "RI", with at most a comma before
   the name; capitalised words right before the title word belong to it too ("Pelaksana Tugas Kepala
   Informasi dan Humas"); the phrase goes to ``span._.role``;
3. drops entity spans that are nothing but titles ("Menkominfo", "Presiden"): a bare title is not a
   name; titles standing for an office holder ("Kehadiran Menkominfo diharapkan") go to
   ``doc._.roles`` instead, for the resolver to link to the person who holds the office.

The title list (``graph/data/titles.txt``) is general Indonesian usage, not drawn from any corpus.
This is the usual honorific-stripping step of rule-based name normalisation (e.g. Wacholder,
Ravin & Choi 1997, "Disambiguation of proper names in text", ANLP).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..dates import MONTHS, WEEKDAYS
from .gazetteer import PLACE_CUES, builtin_names, gazetteer_lists, place_names
from .labels import (
    ADMINISTRATIVE_HEADS,
    BALINESE_NAME_WORDS,
    BRANCH_HEADS,
    COMMAND_HEADS,
    COMPANY_FORMS,
    COMPANY_HEADS,
    DIRECTIONS,
    FACILITY_HEADS,
    HOSPITAL_HEADS,
    KIND_ACRONYMS,
    LEADING_FUNCTION_WORDS,
    NAME_PARTICLES,
    OFFICE_HEADS,
    ORDINAL_NUMERAL,
    ORG_HEADS,
    ORGANISATION_WORDS,
    PLACE_HEADS,
    PLACE_NOUNS,
    UNIT_ABBREVIATIONS,
    after_place_preposition,
    common_words,
    is_initials,
    is_org_only_tail,
    one_word_votes,
    positions_of,
)
from .token_lists import per_document, span_lowers, span_texts, token_lowers, token_texts

if not Span.has_extension("role"):
    Span.set_extension("role", default="")
if not Doc.has_extension("roles"):
    Doc.set_extension("roles", default=None)
if not Doc.has_extension("office_places"):
    Doc.set_extension("office_places", default=None)

HONORIFICS = frozenset("""
bapak pak ibu bu kak mbak sang saudara sdr sdr. tuan nyonya ny ny. nona mr mr. mrs mrs. ms ms. dr
dr. drs drs. prof prof. ir ir. h h. hj hj. kh kh. k.h. habib ustaz ustadz kyai kiai buya romo
pastor pendeta pdt pdt. phra bhante bhikkhu haji hajjah letjen mayjen brigjen laksma laksda laksdya
marsma marsda marsdya jenderal jendral laksamana marsekal kolonel letkol mayor letnan kapten kombes
komjen akbp kompol akp iptu ipda aiptu aipda bripka brigadir briptu bripda brigpol bharada bharatu
bharaka peltu pelda serma serka sertu serda sersan kopka koptu kopda kopral praka pratu prada
commodore commander admiral colonel gkr kgpaa krt kph gph kaicil ajengan datuk datuak seri
teungku tgk mama
""".split())
"""Titles of address and rank (also the palaces' court titles: "GKR", "KGPAA", Ternate's
"Kaicil"; West Java's clerics' "Ajengan"; the Malay and Minangkabau customary title "Datuk",
"Datuak", and Malaysia's "Datuk Seri"; Aceh's "Teungku", "Tgk"; Papua's "Mama" before a
woman's name): never a role mention by themselves."""

RANKS = frozenset("""
letjen mayjen brigjen laksma laksda laksdya marsma marsda marsdya marsekal kolonel letkol mayor
kombes komjen akbp kompol akp iptu ipda aiptu aipda bripka brigadir briptu bripda brigpol bharada
bharatu bharaka peltu pelda serma serka sertu serda kopka koptu kopda praka pratu prada commodore
commander
""".split())
"""Military and police ranks (TNI, Polri) written before a name, which they always precede:
a capitalised word after one is a person's name ("Kombes Pol Trunoyudo mengatakan"). "Jenderal"
and "Irjen" are left out: they also end or start offices ("Sekretaris Jenderal", "Irjen
Kemenkeu"); so is "Laksamana", also a given name."""

NAME_HONORIFICS = frozenset("""
kh kh. k.h. kyai kiai habib ustaz ustadz gus buya prof prof. dr dr. drs drs. dra dra. ir ir. h h.
hj hj. pdt pdt. phra bhante datuk datuak teungku tgk
""".split())
"""Honorifics that stand right before a name, religious ("KH", "Habib", "Gus"), academic ("Prof.",
"Dr.", "dr."), clergy's ("Pdt." pendeta, the Thai and Buddhist "Phra", "Bhante"), customary
("Datuk", Aceh's "Teungku") and "H."/"Hj." (haji, hajjah): the capitalised words after them
begin a person's name ("KH [Asrorun] Niam Sholeh", the model's span starting one word late)."""

_NAME_CUES = RANKS | NAME_HONORIFICS

INNER_HONORIFICS = NAME_HONORIFICS - {"h", "h."}
"""Honorifics never written inside a person's name (the train splits' person spans have none;
"H" is, as an initial), so inside a person span they end the role phrase before the name."""

RANK_COMPLEMENTS = frozenset("""
pol pol. tni purn purn. ( ) jenderal madya muda pertama utama inf kav arh czi cpl cku chb caj ckm
cpm mar pnb tek adm kes sus psk laut udara
""".split())
"""Words between a rank and the name: the force ("Pol", "TNI", the navy's and air force's "Laut",
"Udara"), the second word of a star rank ("Brigadir Jenderal", "Laksamana Muda"), the corps
("Kolonel Inf"), "(Purn)" for retired."""

CORPS_LETTERS = frozenset({"p", "t", "e", "s", "m", "kh"})
"""The navy's corps, one or two letters in brackets after the rank ("Kolonel Laut (P)": pelaut,
teknik, elektronika, suplai, marinir, kesehatan); outside brackets such a letter is a name's
initial ("Kompol M Syahrir")."""


def _rank_complement(doc: Doc, k: int) -> bool:
    """Whether token ``k`` is a word between a rank and the name (:data:`RANK_COMPLEMENTS`, or
    :data:`CORPS_LETTERS` in brackets)."""
    return doc[k].lower_ in RANK_COMPLEMENTS or (
        doc[k].lower_ in CORPS_LETTERS and k > 0 and doc[k - 1].text == "(")

PERSON_ROLES = frozenset("""
hakim jaksa anggota pengamat ekonom analis peneliti tersangka terdakwa terpidana saksi korban
""".split())
"""Roles whose last word stands before a person's name and never an organisation's ("hakim
anggota Sahlan Mahmud", "pengamat Budi Santoso"; not "pebalap Ducati Lenovo Team", "pemilik
Horas Guesthouse")."""

RELATIVES = frozenset("""
ayah ayahanda ibunda kakak adik paman bibi nenek kakek suami istri mertua sepupu keponakan cucu
""".split())
"""Relatives' nouns before a name (``titles.txt``): "Ayah [Nadia]" names Nadia's father, so the
noun is no part of Nadia's name and no role of hers."""

GENERIC_ROLES = RELATIVES | frozenset("""
anggota pengamat ekonom analis peneliti pemilik owner pimpinan pemimpin manajer manager hakim jaksa
senator legislator pendiri founder co-founder bos vp pelatih petenis pebulu pebalap pegolf pesepak
tersangka terdakwa terpidana almarhum almarhumah mendiang jenazah atlet pembalap pelari sprinter
lifter perenang petinju pegulat pemanah pesepeda peselancar pevoli pebasket pecatur pesenam
""".split())
"""Roles that many people hold at once: never resolved to one person; a place after one is the
holder's country, not an office's ("sprinter [China] Chen Haoran")."""

NEEDS_COMPLEMENT = frozenset("""
menteri menko ketua ketum sekretaris bendahara kepala kabag kabiro kadis ceo cfo cto coo chairman
presdir direktur dirut komisaris sekjen dirjen irjen jubir dubes konsul konjen plt plt. pj pj.
penjabat camat lurah kades wakil koordinator
""".split())
"""First words of titles that name an office only with what follows ("Menteri Keuangan")."""

COMPLETE_TITLES = frozenset({
    ("presiden",), ("wapres",), ("wakil", "presiden"), ("perdana", "menteri"), ("pm",),
    ("kanselir",), ("kapolri",), ("panglima", "tni"), ("jaksa", "agung")})
"""Titles of one office that need no complement, so the word right after them may begin the
holder's name ("Wakil Presiden [Ma'ruf Amin]"); so do the ministers' short titles
(:func:`_is_complete_title`)."""


def _is_complete_title(words: tuple[str, ...]) -> bool:
    """Whether the lower-cased title ``words`` name one office by themselves:
    :data:`COMPLETE_TITLES` and ministers' titles other than "Menteri" and "Menko" alone
    ("Menkeu", "Menteri BUMN", "Menko Polhukam")."""
    return words in COMPLETE_TITLES or (
        words[0].startswith("men") and words not in (("menteri",), ("menko",)))


CONNECTORS = frozenset({"dan", "untuk", "&", "RI", "-", "/", "di", "pada", "bidang", "urusan"})
MAX_ROLE_TOKENS = 10
MAX_PLACE_WORDS = 4


@lru_cache(maxsize=1)
def title_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The title list: first word -> the phrases it starts (lower-cased words), longest first."""
    text = resources.files("graph.data").joinpath("titles.txt").read_text(encoding="utf-8")
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words = tuple(line.lower().split())
            by_first.setdefault(words[0], set()).add(words)
    return {first: tuple(sorted(phrases, key=len, reverse=True))
            for first, phrases in by_first.items()}


@lru_cache(maxsize=1)
def _longest_title() -> int:
    return max(len(phrase) for phrases in title_phrases().values() for phrase in phrases)


def title_length_at(doc: Doc, i: int, end: int | None = None) -> int:
    """Number of tokens of the longest title phrase starting at token ``i`` (0 if none), ending
    before token ``end`` if given."""
    size = title_lengths(doc)[i]
    if not size or end is None or i + size <= end:
        return size
    return _title_length(token_lowers(doc), i, end)


@per_document
def title_lengths(doc: Doc) -> list[int]:
    """:func:`title_length_at` of every token of ``doc``, read once per document (the rules ask
    for each token's title many times over)."""
    lowers = token_lowers(doc)
    phrases = title_phrases()
    return [_title_length(lowers, i, len(lowers)) if word in phrases else 0
            for i, word in enumerate(lowers)]


def _title_length(lowers: list[str], i: int, limit: int) -> int:
    """Number of the words ``lowers`` from ``i`` on (before ``limit``) that are the longest title
    phrase starting there (0 if none)."""
    candidates = title_phrases().get(lowers[i])
    if not candidates:
        return 0
    for phrase in candidates:
        size = len(phrase)
        if i + size <= limit and all(lowers[i + k] == phrase[k] for k in range(1, size)):
            return size
    return 0


def _is_capitalised(text: str) -> bool:
    return text[:1].isupper() or (text[:1].isdigit() and any(c.isalpha() for c in text))


def crossing_title(span: Span) -> tuple[int, int]:
    """Start and end of a title phrase that starts before ``span`` and ends inside it ("Irjen
    [Pol Karyoto]", "Wali [Kota Ambon ...]"); ``(span.start, span.start)`` if there is none.

    >>> import spacy
    >>> doc = spacy.blank("id")("Wali Kota Ambon datang")
    >>> crossing_title(Span(doc, 1, 3, label="LOC"))
    (0, 2)
    """
    doc = span.doc
    for before in range(span.start - 1, max(0, span.start - _longest_title() + 1) - 1, -1):
        end = before + title_length_at(doc, before, span.end)
        if end > span.start:
            return before, end
    return span.start, span.start


def crossing_title_end(span: Span) -> int:
    """Where a title phrase that starts before ``span`` and ends inside it ends
    (:func:`crossing_title`); ``span.start`` if there is none."""
    return crossing_title(span)[1]


def strip_titles(span: Span) -> tuple[Span | None, str]:
    """Split a PERSON span into (name without leading titles, the titles stripped).

    Returns ``(None, titles)`` when the span is titles only.

    >>> import spacy
    >>> doc = spacy.blank("id")("Presiden Joko Widodo datang")
    >>> name, role = strip_titles(Span(doc, 0, 3, label="PERSON"))
    >>> (name.text, role)
    ('Joko Widodo', 'Presiden')

    A title phrase that begins before the span and ends inside it is stripped too:

    >>> doc = spacy.blank("id")("Kapolda Irjen Pol Karyoto datang")
    >>> name, role = strip_titles(Span(doc, 2, 4, label="PERSON"))
    >>> (name.text, role)
    ('Karyoto', 'Pol')

    So is what comes before an honorific inside the span:

    >>> doc = spacy.blank("id")("Camat Bontomarannu Hj. Sitti Rahmatia datang")
    >>> name, role = strip_titles(Span(doc, 1, 5, label="PERSON"))
    >>> (name.text, role)
    ('Sitti Rahmatia', 'Bontomarannu Hj.')
    """
    doc = span.doc
    i = crossing_title_end(span)
    while i < span.end:
        size = title_length_at(doc, i, span.end)
        if size == 0:
            break
        i += size
    role = doc[span.start:i].text if i > span.start else ""
    while i > span.start and i < span.end and doc[i].text in CONNECTORS:
        i += 1  # "Presiden RI Joko Widodo"
    # an honorific inside the span ends the role phrase before the name: "Kepala Puskesmas
    # [Bontomarannu Hj. Sitti Rahmatia]" (a middle "H" is an initial: "Yasonna H Laoly")
    inside = next((j for j in range(span.end - 2, i, -1)
                   if doc[j].lower_ in INNER_HONORIFICS and _is_capitalised(doc[j + 1].text)), 0)
    if inside:
        i = inside + 1
    if i > span.start:
        role = doc[span.start:i].text
    if i >= span.end:
        return None, role
    return Span(doc, i, span.end, label=span.label_), role


@lru_cache(maxsize=1)
def _title_first_words() -> frozenset[str]:
    return frozenset(title_phrases())


@lru_cache(maxsize=1)
def _title_last_words() -> frozenset[str]:
    """The last words of the title phrases of two words or more ("bicara" of "juru bicara")."""
    return frozenset(phrase[-1] for phrases in title_phrases().values() for phrase in phrases
                     if len(phrase) > 1)


def _title_start_ending_at(doc: Doc, k: int, lowest: int) -> int:
    """Start of a title phrase of two words or more that ends at token ``k`` ("juru [bicara]"),
    not before ``lowest``; -1 if there is none."""
    if token_lowers(doc)[k] not in _title_last_words():
        return -1
    for start in range(k - 1, max(lowest, k - _longest_title() + 1) - 1, -1):
        if title_length_at(doc, start, k + 1) == k + 1 - start:
            return start
    return -1


def role_before(span: Span, taken: set[int] | None = None) -> str:
    """The role phrase standing right before a person's name, or ``""`` (the text of
    :func:`role_span`).

    ``taken`` holds token indices inside other entities; they may be part of the role ("CEO Go-Jek
    Nadiem Makarim": Go-Jek stays an ORG entity and is also named in the role).

    >>> import spacy
    >>> doc = spacy.blank("id")("kata Menteri Komunikasi dan Informatika, Rudiantara, kemarin")
    >>> role_before(Span(doc, 6, 7, label="PERSON"))
    'Menteri Komunikasi dan Informatika'
    >>> doc = spacy.blank("id")("kata Deputi Gubernur BI Ratna Lubis")  # title "Gubernur BI"
    >>> role_before(Span(doc, 3, 6, label="ORG"))
    'Deputi Gubernur'
    >>> doc = spacy.blank("id")("menurut juru bicara Kemlu Lalu Muhamad Iqbal")
    >>> role_before(Span(doc, 3, 4, label="ORG"))
    'juru bicara'
    """
    role = role_span(span, taken)
    return role.text if role is not None else ""


def role_span(span: Span, taken: set[int] | None = None) -> Span | None:
    """The tokens of the role phrase standing right before ``span`` (see :func:`role_before`),
    or ``None``."""
    doc = span.doc
    texts = token_texts(doc)
    j = span.start - 1
    if j >= 0 and texts[j] == ",":
        j -= 1
    lowest = max(0, span.start - MAX_ROLE_TOKENS - 1)
    title_start = -1
    k = j
    while k >= lowest:  # walk left to the nearest title word
        text = texts[k]
        if text.isspace():
            break
        if text == ")":  # "Menteri Komunikasi dan Informatika (Menkominfo) Rudiantara"
            opening = next((x for x in range(k - 1, max(lowest, k - 8) - 1, -1)
                            if texts[x] == "("), None)
            if opening is None:
                break
            k = opening - 1
            continue
        size = title_length_at(doc, k)
        if size:  # a title may run into the span: "Deputi Gubernur [BI Ratna Sari Lubis]"
            title_start = k
            break
        ending = _title_start_ending_at(doc, k, lowest)
        if ending >= 0:  # a title written in lower case: "juru bicara [Kemlu]"
            title_start = ending
            break
        if not (_is_capitalised(text) or text in CONNECTORS
                or (taken is not None and k in taken)):
            break
        if doc[k].is_sent_start:
            break
        k -= 1
    if title_start < 0:
        return None
    # capitalised words glued to the front of the title belong to it ("Pelaksana Tugas Kepala")
    start = title_start
    lowers = token_lowers(doc)
    while start - 1 >= lowest and not doc[start].is_sent_start:
        prev = texts[start - 1]
        # not a function word: "Kata Ketua ...", "Menurut Kepala"
        if (prev.isspace() or not _is_capitalised(prev) or prev in CONNECTORS
                or lowers[start - 1] in LEADING_FUNCTION_WORDS):
            break
        start -= 1
    end = j + 1
    while end > start and texts[end - 1] in CONNECTORS and texts[end - 1] != "RI":
        end -= 1
    return doc[start:end] if end > start else None


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """How a word of a name is compared: lower case, except short all-capital acronyms
    ("KAI" is not "Kai"). Cached: a document asks for the same words again and again."""
    return word if word.isupper() and len(word) <= 4 else word.lower()


def name_key(words: Iterable[str]) -> tuple[str, ...]:
    """A name as a tuple of :func:`word_key` words."""
    return tuple(map(word_key, words))


def span_key(span: Span) -> tuple[str, ...]:
    """:func:`name_key` of the words of ``span`` (read from
    :func:`~graph.nlp.token_lists.token_texts`, no Token object made per word)."""
    return tuple(map(word_key, span_texts(span)))


_SPLIT_HYPHEN = re.compile(r"((?<![a-z])-|-(?![a-z]))")


def name_words(name: str) -> list[str]:
    """A known name's words as the pipeline's tokenizer splits them: at spaces, and at a hyphen
    next to anything but a lower-case letter ("Timor-Leste" -> "Timor", "-", "Leste"; "Kim
    Jong-un" stays two words, :mod:`graph.nlp.tokenization`).

    >>> name_words("Timor-Leste"), name_words("Kim Jong-un")
    (['Timor', '-', 'Leste'], ['Kim', 'Jong-un'])
    """
    return [part for word in name.split() for part in _SPLIT_HYPHEN.split(word) if part]


def name_keys(name: str) -> set[tuple[str, ...]]:
    """The :func:`name_key` tuples a known name matches tokens as: split at spaces, and also at
    the hyphens the tokenizer splits ("Timor-Leste" -> "Timor", "-", "Leste"), since its
    exceptions keep some hyphenated words whole ("Go-Jek")."""
    return {name_key(name.split()), name_key(name_words(name))}


@lru_cache(maxsize=1)
def known_names() -> dict[tuple[str, ...], str]:
    """Names of the built-in alias table as :func:`name_key` tuples, with their type."""
    from ..aliases import builtin_aliases

    names: dict[tuple[str, ...], str] = {}
    for entry in builtin_aliases():
        for name in (entry.canonical, *entry.variants):
            if entry.type:
                for key in name_keys(name):
                    names.setdefault(key, entry.type)
    return names


@lru_cache(maxsize=8)
def known_names_of(label: str, gazetteer: bool = True) -> frozenset[tuple[str, ...]]:
    """The alias table's and (with ``gazetteer``) the gazetteer's names of type ``label``, as
    name keys."""
    names = [name for name, kind in known_names().items() if kind == label]
    if gazetteer:
        names += [key for name, kind in builtin_names().items() if kind == label
                  for key in name_keys(name)]
    return frozenset(names)


@lru_cache(maxsize=1)
def _longer_known_organisations() -> frozenset[tuple[str, ...]]:
    """The alias table's and the gazetteer's organisations' names of two words or more ("Morgan
    Stanley", "Bank Dunia"): unlike one-word company names ("Sony", "Tesla"), no given name."""
    return frozenset(name for name in known_names_of("ORG") if sum(w != "-" for w in name) >= 2)


NameKeys = Container[tuple[str, ...]]
"""Names as :func:`name_key` tuples: anything ``in`` works on."""


class _AnyOf:
    """Membership in any of several collections of name keys, without copying them into one
    (the gazetteer's places are thousands; a document's own names a handful)."""

    __slots__ = ("collections",)

    def __init__(self, *collections: NameKeys) -> None:
        self.collections = collections

    def __contains__(self, key: object) -> bool:
        return any(key in c for c in self.collections)


def _names_in_doc(ents: Iterable[Span], label: str, gazetteer: bool = True) -> _AnyOf:
    """The names of the ``label`` entities ``ents`` and of the alias table's (and with
    ``gazetteer`` the gazetteer's) ``label`` entries."""
    found = {span_key(ent) for ent in ents if ent.label_ == label}
    return _AnyOf(found, known_names_of(label, gazetteer))


MIN_SHORT_NAME_LETTERS = 3


@lru_cache(maxsize=1)
def _east_asian_regions() -> frozenset[str]:
    return gazetteer_lists("east_asian_regions")


def short_name(ent: Span) -> str | None:
    """The word an organisation's name may be shortened to, or ``None``.

    >>> import spacy
    >>> doc = spacy.blank("id")("PT Daeyang Energy Indonesia dan Bank Sentosa Makmur")
    >>> short_name(doc[0:4]), short_name(doc[5:8])
    ('Daeyang', None)
    >>> short_name(spacy.blank("id")("Hunan Xinrui Power Technology Co Ltd")[:])
    'Xinrui'
    """
    words = list(ent)
    if any(t.text == "&" for t in words):
        return None  # a firm named after its partners: "Sihombing" alone is the partner
    if words and (words[0].lower_ in COMPANY_HEADS or words[0].lower_ in KIND_ACRONYMS):
        words = words[1 + _business_kind_size([t.lower_ for t in words[1:]]):]  # "PT", "PT
        # Asuransi Jiwa", "Gapoktan": a kind, no name
    if len(words) < 2:
        return None  # a one-word name is its own short name: the recogniser found it
    if len(words) >= 3 and words[0].text in _east_asian_regions():
        words = words[1:]  # "Hunan Xinrui Power Technology Co Ltd" -> "Xinrui": a Chinese,
        # Japanese or Korean firm named after its home province or city first; not "Indonesia
        # Battery Corporation", "Paris Hilton Ltd"
    first = words[0]
    text, lower = first.text, first.lower_
    if not (text[:1].isupper() and first.is_alpha and len(text) >= MIN_SHORT_NAME_LETTERS
            and sum(ch.isupper() for ch in text) == 1):
        return None  # an acronym opens a longer name by chance ("BRI Agro", "BUMKal Sumber")
    if (lower in common_words() or lower in LEADING_FUNCTION_WORDS or lower in ORGANISATION_WORDS
            or lower in PLACE_NOUNS or text in place_names()):
        return None
    return text


ENTERPRISE_HEADS = (
    ("perusahaan", "umum", "daerah", "air", "minum"), ("perumda", "air", "minum"), ("perumda",),
    ("pdam",), *((acronym,) for acronym in sorted(KIND_ACRONYMS)),
)
"""Kinds of regional and village enterprises written before their names, longest first, which
news drops when it names one again: "Perumda Air Minum Tirta Sasando" ... "Direktur Utama
Tirta Sasando", "BUMDes Lurik Sejahtera" ... "Lurik Sejahtera"."""


BUSINESS_KINDS = (
    ("asuransi", "jiwa"), ("asuransi", "umum"), ("asuransi", "kerugian"), ("asuransi", "syariah"),
    ("bank", "perkreditan", "rakyat"), ("asuransi",), ("reasuransi",), ("bpr",),
)
"""Kinds of licensed financial businesses written after "PT" before the company's own name,
longest first (OJK's licence names: "PT Asuransi Jiwa Lintas Harapan", "PT BPR Arta Mulia"),
which news drops when it names the company again ("manajemen Lintas Harapan")."""


def _business_kind_size(words: list[str]) -> int:
    """Number of lower-cased ``words`` (after "PT") that are a business kind
    (:data:`BUSINESS_KINDS`) with a name after it, or 0."""
    return next((len(kind) for kind in BUSINESS_KINDS
                 if len(words) > len(kind) and tuple(words[:len(kind)]) == kind), 0)


def company_names(ents: Iterable[Span]) -> set[tuple[str, ...]]:
    """Name keys of the companies among ``ents`` (names with a legal form: :data:`COMPANY_FORMS`
    after the name, "PT"/"CV" or a regional enterprise's kind (:data:`ENTERPRISE_HEADS`) before
    it) without their legal forms and by their short name (:func:`short_name`), as news names
    them again: "Helix DataWorks Pte Ltd" -> "Helix DataWorks", "Helix"; "PT Daeyang Energy
    Indonesia" -> "Daeyang Energy Indonesia", "Daeyang"; "Perumda Air Minum Tirta Sasando" ->
    "Tirta Sasando".

    >>> import spacy
    >>> doc = spacy.blank("id")("Helix DataWorks Pte Ltd membangun")
    >>> sorted(company_names([Span(doc, 0, 4, label="ORG")]))
    [('helix',), ('helix', 'dataworks')]
    """
    names = set()
    for ent in ents:
        if ent.label_ != "ORG":
            continue
        words = span_texts(ent)
        start, end = 0, len(words)
        if words[0].lower() in COMPANY_HEADS:
            start = 1
        else:
            start = next((len(head) for head in ENTERPRISE_HEADS if len(words) > len(head)
                          and tuple(w.lower() for w in words[:len(head)]) == head), 0)
        while end > start and (words[end - 1].lower() in COMPANY_FORMS or words[end - 1] in "()"):
            end -= 1
        if end > start and (start, end) != (0, len(words)):
            names.add(name_key(words[start:end]))
            if words[0].lower() in COMPANY_HEADS:  # "PT Asuransi Jiwa [Lintas Harapan]"
                kind = _business_kind_size([w.lower() for w in words[start:end]])
                if kind:
                    names.add(name_key(words[start + kind:end]))
            short = short_name(ent)
            if short:
                names.add(name_key([short]))
    return names


def company_openings(companies: Iterable[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The first two words or more, short of the whole, of the company name keys ``companies``
    (:func:`company_names`), as news names a company again: "PT Geo Dipa Energi (Persero)" ->
    "Geo Dipa".

    >>> sorted(company_openings({("geo", "dipa", "energi")}))
    [('geo', 'dipa')]
    """
    return {key[:size] for key in companies for size in range(2, len(key))}


def named_in_doc(ents: Iterable[Span]) -> _AnyOf:
    """The organisations' and places' names of ``ents``, the alias table and the gazetteer, and
    the short names of the companies among ``ents`` (:func:`company_names`: "Northbridge" of
    "Northbridge Micro Devices Inc"): words that are not a person's name."""
    ents = list(ents)
    return _AnyOf(_names_in_doc(ents, "ORG"), _names_in_doc(ents, "LOC"), company_names(ents))


def _ends_a_name(doc: Doc, end: int, full_stop: bool = False) -> bool:
    """Whether token ``end`` can follow a person's name written after an office: a comma, a
    lower-case word (the verb), or, with ``full_stop``, a full stop or the end of the text."""
    if end >= len(doc):
        return full_stop
    follower = doc[end].text
    return (follower == "," or (full_stop and follower == ".")
            or (follower.isalpha() and follower == follower.lower()))


@lru_cache(maxsize=1)
def gazetteer_place_keys() -> frozenset[tuple[str, ...]]:
    return frozenset(key for name in place_names() for key in name_keys(name))


def area_words(ents: Iterable[Span]) -> set[str]:
    """The words (:func:`word_key`) that the place and organisation entities among ``ents`` name
    an area or a facility with, after its administrative or facility noun: "(Pemerintah)
    Prefektur Aichi" -> "aichi", "Pelabuhan Belawan" -> "belawan", "Stadion Teladan" ->
    "teladan"."""
    return {word_key(ent[-1].text) for ent in ents if ent.label_ in ("LOC", "ORG")
            and len(ent) >= 2 and ent[-2].text[:1].isupper() and (
                ent[-2].lower_ in ADMINISTRATIVE_HEADS or (
                    ent.label_ == "LOC" and len(ent) == 2 and ent[0].lower_ in FACILITY_HEADS))}


def known_place_words(ents: Iterable[Span]) -> set[str]:
    """The words (:func:`word_key`) of the one-word place entities among ``ents`` that are
    places the gazetteer knows ("Turki", "Ankara")."""
    known = gazetteer_place_keys()
    return {word_key(ent.text) for ent in ents
            if ent.label_ == "LOC" and len(ent) == 1 and (word_key(ent.text),) in known}


def document_place_words(ents: Iterable[Span]) -> set[str]:
    """The one-word places the gazetteer knows that ``ents`` tag as places, and their areas'
    words (:func:`known_place_words`, :func:`area_words`)."""
    ents = list(ents)
    return known_place_words(ents) | area_words(ents)


def leading_name(span: Span, names: NameKeys) -> int:
    """Length of the longest name of ``names`` that ``span`` starts with, leaving a rest."""
    texts = span_texts(span)
    return _leading_size(texts, tuple(map(word_key, texts)), names)


def _leading_size(texts: list[str], keys: tuple[str, ...], names: NameKeys) -> int:
    """:func:`leading_name` of words ``texts`` with name keys ``keys``."""
    for size in range(len(keys) - 1, 0, -1):
        if keys[:size] in names and texts[size][:1].isupper():
            return size
    return 0


def _holder_start(span: Span, people: NameKeys, names: NameKeys) -> int:
    """Where the name of a person that ends ``span`` (an organisation or place span) starts, or 0.

    The span ends in a run of plain capitalised words, back to an acronym ("BPN"), an
    organisation's head word ("PT", "Universitas") or a word of a known name (``names``:
    "Gojek", "Sumatera Utara"). The person's name is that run when its last word is a person the
    document names alone ("... Nugroho menambahkan"), or the run from its first word that is
    one ("Institut Pertanian Bogor Bambang Hero Saharjo ... Bambang"), or, in an organisation's
    span, when the run follows a known name and has no common word ("Dinas ESDM Provinsi Riau
    Syahrial Effendi"); two or three words long, with something left in front.

    >>> import spacy
    >>> doc = spacy.blank("id")("Juru bicara BPN Cahyo Nugroho hadir")
    >>> _holder_start(doc[2:5], {("nugroho",)}, set())
    1
    >>> doc = spacy.blank("id")("dari Universitas Andalas Feri Amsari")
    >>> _holder_start(doc[1:5], {("feri",)}, set())
    2
    """
    if len(span) < 3 or is_org_only_tail(span[-1]):
        return 0  # no name ends "... Nickel Industry"
    texts, lowers = span_texts(span), span_lowers(span)
    keys = tuple(map(word_key, texts))
    known = [False] * len(span)
    for i in range(len(span)):
        size = _leading_size(texts[i:], keys[i:], names) or int(keys[i:i + 1] in names)
        for k in range(i, i + size):
            known[k] = True
    k = len(span) - 1
    while k > 0:
        word = texts[k - 1]
        if (known[k - 1] or not word[:1].isupper() or (word.isupper() and len(word) > 1)
                or word.lower() in ORG_HEADS):
            break
        k -= 1
    if span.label_ == "ORG" and k > 0 and known[k - 1] and len(span) - k <= 3:
        after_region = _after_region_with_level(span, known, k, names)
        if (len(span) - k >= 2 and (after_region or not any(
                lower in common_words() and lower not in BALINESE_NAME_WORDS
                for lower in lowers[k:]))) or (after_region and keys[-1:] in people):
            return k  # after a known name, words that are no common words: "Dinas ESDM
            # Provinsi Riau Syahrial Effendi" (the caller asks for a title before the span), any
            # words after a region written with its level ("... Provinsi Riau Teguh Santoso"),
            # where the office's name ends, also one the document names alone as a person
            # ("... Provinsi Sumatera Selatan Hendriansyah ... kata Hendriansyah"); not in a
            # place's name, which may end with its namesake ("Stadion Utama Gelora Bung Karno")
    if keys[-1:] not in people:
        k = next((j for j in range(max(k, 1), len(span) - 1) if keys[j:j + 1] in people), 0)
    if k > 0 and lowers[k - 1] in COMPANY_HEADS:
        return 0  # a company's name follows its legal form: "PT [Hanseong Energi Indonesia]"
    return k if 2 <= len(span) - k <= 3 and k > 0 else 0


REGION_LEVELS = frozenset({"provinsi", "kabupaten", "kota"})
"""Words of a region's level that end a regional office's name with the region after them
("Dinas Koperasi dan UKM Provinsi Riau")."""


def _after_region_with_level(span: Span, known: list[bool], k: int, names: NameKeys) -> bool:
    """Whether a known name that ends right before ``span[k]`` is a region after its level word
    ("Provinsi Riau"), the level word not opening ``span``, and no known name goes on from the
    region into ``span``'s last words ("Kabupaten [Timor Tengah Selatan]")."""
    level = next((j for j in range(k - 2, 0, -1) if span[j].lower_ in REGION_LEVELS
                  and span[j].text[:1].isupper()
                  and span_key(span[j + 1:k]) in names), 0)
    return level > 0 and not any(span_key(span[j:]) in names
                                 for j in range(level + 1, k))


def _with_country_suffix(span: Span, size: int) -> int:
    """``size`` (the length of an organisation's name that opens ``span``) lengthened over the
    "RI" (Republik Indonesia) written after it, which belongs to the name ("Kementerian Luar
    Negeri RI", I-ORG in IDNer 2k train), when a name follows.

    >>> import spacy
    >>> doc = spacy.blank("id")("Kementerian Luar Negeri RI Hanafi Rachmat")
    >>> _with_country_suffix(doc[:], 3)
    4
    """
    while size < len(span) - 1 and span[size].text == "RI":
        size += 1
    return size


BRANCH_WORDS = frozenset({"cabang", "perwakilan", "kanwil", "wilayah", "regional", "area", "divre",
                          "daops"})
"""Words that name an organisation's regional branch after its name and before the region
("BPJS Kesehatan Cabang Sleman", "BPKP Perwakilan DIY", "Pertamina Regional Jawa Timur",
"Manggala Agni Daops Pontianak", its area of operations)."""


def _with_branch(span: Span, size: int, places: NameKeys) -> int:
    """``size`` (the length of an organisation's name that opens ``span``) lengthened over a
    branch word (:data:`BRANCH_WORDS`) and the known place after it, which belong to the
    organisation, when a name follows ("BPJS Kesehatan [Cabang Sleman] Yulia Kusumaningrum").

    >>> import spacy
    >>> doc = spacy.blank("id")("BPJS Kesehatan Cabang Sleman Yulia Kusumaningrum")
    >>> _with_branch(doc[:], 2, {("sleman",)})
    4
    """
    doc = span.doc
    k = span.start + size
    if k + 1 >= span.end or doc[k].lower_ not in BRANCH_WORDS or not doc[k].text[:1].isupper():
        return size
    place = known_place_at(doc, k + 1, places, span.end - 1)
    return size + 1 + place if place else size


def _with_place(span: Span, size: int, places: NameKeys) -> int:
    """``size`` (the length of an organisation's name that opens ``span``) lengthened over the
    known place written right after it, the office's ("KBRI [Den Haag] Firman Syahputra"), when
    two or three words are left for its holder's name.

    >>> import spacy
    >>> doc = spacy.blank("id")("KBRI Den Haag Firman Syahputra")
    >>> _with_place(doc[:], 1, {("den", "haag")})
    3
    """
    place = known_place_at(span.doc, span.start + size, places, span.end - 2)
    return size + place if place and 2 <= len(span) - size - place <= 3 else size


def _is_office(ent: Span, taken: set[int], places: NameKeys) -> bool:
    """Whether a PERSON span is a title before a place, an office rather than its holder:
    "Kapolsek [Ciputat] mengatakan", where ``places`` (name keys) has Ciputat."""
    if ent.label_ != "PERSON":
        return False
    name, stripped = strip_titles(ent)
    if stripped and only_honorifics(stripped):
        return False  # a rank stands before a person: "Ipda [Yohanes]", though "di Yohanes"
    return bool(name is not None and (stripped or role_before(ent, taken))
                and span_key(name) in places)


def only_honorifics(title: str) -> bool:
    """Whether every word of ``title`` is an honorific or a rank (:data:`HONORIFICS`)."""
    return all(word.lower() in HONORIFICS for word in title.split())


@dataclass(frozen=True)
class DocumentNames:
    """What :func:`apply_titles` reads from a whole document before it looks at one entity."""

    taken: set[int]
    """Positions inside organisation and place entities."""
    occupied: set[int]
    """Positions inside any entity."""
    orgs: NameKeys
    """Organisations of the document, the alias table and the gazetteer."""
    companies: set[tuple[str, ...]]
    """Companies the document names with a legal form (:func:`company_names`)."""
    person_orgs: NameKeys
    """Organisations a person span may open with: the document's, its companies, the alias
    table's longer names (the gazetteer's company names include given names: "Sony")."""
    places: NameKeys
    """Places of the document, the alias table and the gazetteer."""
    office_places: NameKeys
    """Places for the office test: the gazetteer's and the document's places after "di", "ke",
    "dari" ... (a surname the model once typed as a place is not enough)."""
    named: NameKeys
    """Organisations and places."""
    org_heads: set[str]
    """First words of the document's organisations of two words or more."""
    offices: set[int]
    """Starts of person spans that are a title before a place (:func:`_is_office`)."""
    person_starts: set[int]
    org_then_person: set[int]
    """Starts of organisations right before a person."""
    place_words: set[str]
    """One-word places the document or the gazetteer knows, and areas of the document."""
    people: NameKeys
    """Persons of the document (not offices, initials or one-word known places) and of the
    alias table."""
    person_votes: Counter[str]
    """How many more times each one-word entity is typed PERSON than otherwise."""


def document_names(doc: Doc) -> DocumentNames:
    """The names, places and people of ``doc`` that :func:`apply_titles` reads.

    >>> import spacy
    >>> doc = spacy.blank("id")("Bos Alibaba Jack Ma datang")
    >>> doc.ents = [Span(doc, 1, 2, "ORG"), Span(doc, 2, 4, "PERSON")]
    >>> names = document_names(doc)
    >>> ("jack", "ma") in names.people, names.org_then_person
    (True, {1})
    """
    ents = doc.ents  # a property that builds the spans anew on every read
    taken = {i for ent in ents if ent.label_ != "PERSON" for i in range(ent.start, ent.end)}
    orgs = _names_in_doc(ents, "ORG")
    companies = company_names(ents)
    places = _names_in_doc(ents, "LOC")
    cued = {span_key(ent) for ent in ents if ent.label_ == "LOC"
            and ent.start > 0 and doc[ent.start - 1].lower_ in PLACE_CUES}
    office_places = _AnyOf(cued, gazetteer_place_keys())
    offices = {ent.start for ent in ents if _is_office(ent, taken, office_places)}
    person_starts = {ent.start for ent in ents if ent.label_ == "PERSON"}
    # a one-word "person" that is a known place the document tags as a place is no evidence
    # of a person ("di Istanbul, Turki ... menyatakan [Turki] siap")
    place_words = document_place_words(ents)
    people = _AnyOf({span_key(ent) for ent in ents
                     if ent.label_ == "PERSON" and ent.start not in offices
                     and not is_initials(doc, ent.start, ent.end)
                     and not (len(ent) == 1 and word_key(ent.text) in place_words)},
                    known_names_of("PERSON"))
    return DocumentNames(
        taken=taken,
        occupied={i for ent in ents for i in range(ent.start, ent.end)},
        orgs=orgs,
        companies=companies,
        person_orgs=_AnyOf(_names_in_doc(ents, "ORG", gazetteer=False), companies,
                           company_openings(companies), _longer_known_organisations()),
        places=places,
        office_places=office_places,
        named=_AnyOf(orgs, places),
        org_heads={word_key(ent[0].text) for ent in ents if ent.label_ == "ORG" and len(ent) > 1},
        offices=offices,
        person_starts=person_starts,
        org_then_person={ent.start for ent in ents
                         if ent.label_ == "ORG" and ent.end in person_starts},
        place_words=place_words,
        people=people,
        person_votes=one_word_votes(ents, "PERSON"),
    )


def apply_titles(doc: Doc) -> list[tuple[Span, str]]:
    """New entity list for ``doc``: names without titles, each person with its role phrase.

    Besides stripping titles from PERSON spans, tagger slips around titles are mended: an
    organisation or place span that a title opens or runs into (:func:`split_titled_name`) and a
    person span that opens with an organisation, a place or an acronym
    (:func:`split_titled_person`).
    """
    names = document_names(doc)
    result: list[tuple[Span, str]] = []
    for ent in doc.ents:
        if is_initials(doc, ent.start, ent.end):
            result.append((ent, ""))  # "berinisial HS, MR dan AD": "MR" is no title here
        elif title_length_at(doc, ent.start) >= len(ent):
            continue  # the span is (part of) a title: "Duta" of "Duta Besar", "CEO"
        elif ent.label_ != "PERSON":
            if ent.end in names.person_starts:
                ent = _without_trailing_title(ent)  # "[UNIFIL Letnan Jenderal] Alessandro ..."
            result += split_titled_name(ent, names)
        else:
            ent = split_at_rank(ent, result)
            if ent is None:
                continue
            ent = without_office_place_end(ent, names.occupied)
            pairs = split_titled_person(ent, names)
            if (len(pairs) >= 2 and pairs[0][0].label_ == "LOC" and result
                    and _is_branch_before(result[-1][0], pairs[0][0])):
                # the branch's region: "Kepala Bidang Haji [Kanwil Kemenag] [Jatim Sugianto
                # Wibisono]" -> "Kanwil Kemenag Jatim", "Sugianto Wibisono"; "Kepala [Dinas
                # ESDM] [Jateng Rina Kusumawardani]" -> "Dinas ESDM Jateng", "Rina ..."
                branch = result.pop()[0]
                region, (person, role) = pairs[0][0], pairs[1]
                org = Span(doc, branch.start, region.end, label="ORG")
                pairs = [(org, ""), (person, f"{role.removesuffix(region.text)}{org.text}")]
            result += pairs
    return streets_named_after_people(join_adjacent_people(result))


MAX_PLACE_WORDS_BEFORE = 2
"""Most words of an office's place written before a person span that took in the place's
last words."""


def without_office_place_end(ent: Span, occupied: set[int]) -> Span:
    """``ent`` (a person span) without its first words when they end the name of a place the
    gazetteer knows whose first words stand right before it, after a title: the office's place,
    which the recogniser ran into the holder's name ("Bupati Kuantan [Singingi Yulizar
    Hamdani]" -> "Yulizar Hamdani", "Bupati Sabu [Raijua Krisantus Lado Hili]"); two words or
    more are left.

    >>> import spacy
    >>> doc = spacy.blank("id")("Bupati Kuantan Singingi Yulizar Hamdani mengatakan")
    >>> without_office_place_end(Span(doc, 2, 5, label="PERSON"), set()).text
    'Yulizar Hamdani'
    """
    doc = ent.doc
    places = gazetteer_place_keys()
    for before in range(1, MAX_PLACE_WORDS_BEFORE + 1):
        start = ent.start - before
        if start < 1 or start in occupied or not (
                doc[start].text[:1].isupper() and doc[start].is_alpha):
            break
        size = next((j for j in range(len(ent) - 2, 0, -1)
                     if span_key(doc[start:ent.start + j]) in places), 0)
        if size and any(title_length_at(doc, k, start) == start - k
                        for k in range(start - 1, max(-1, start - _longest_title() - 1), -1)):
            return Span(doc, ent.start + size, ent.end, label=ent.label_)
    return ent


MAX_WORDS_BEFORE_RANK = 3
"""Most capitalised words before a rank inside a person span (:func:`rank_inside`)."""


def rank_inside(ent: Span) -> int:
    """Position in ``ent`` (a person span) of a rank (:data:`RANKS`) after one to
    :data:`MAX_WORDS_BEFORE_RANK` capitalised words, a name following it in the span or right
    after it; 0 if there is none. Ranks precede names, so the words before one are no part of
    the holder's name: they end the command or the office before it ("Kasat Reskrim [Polres]
    [Sanggau AKP] Rivaldo Simanjuntak", "Kapolsek [Astambul Iptu Rahmadi]").

    >>> import spacy
    >>> doc = spacy.blank("id")("Kapolsek Astambul Iptu Rahmadi menyampaikan")
    >>> rank_inside(Span(doc, 1, 4, label="PERSON"))
    1
    """
    doc = ent.doc
    for j in range(1, min(len(ent), MAX_WORDS_BEFORE_RANK + 1)):
        if ent[j].lower_ in RANKS:
            named = j + 1 < len(ent) or (ent.end < len(doc) and doc[ent.end].text[:1].isupper())
            return j if named and all(t.text[:1].isupper() and t.is_alpha for t in ent[:j]) else 0
        if not ent[j].is_alpha:
            return 0
    return 0


def split_at_rank(ent: Span, result: list[tuple[Span, str]]) -> Span | None:
    """``ent`` (a person span) from the rank inside it (:func:`rank_inside`) on, or ``None``
    when the rank ends it; the words before the rank complete a command's short name that ends
    right before them in ``result`` (:data:`~graph.nlp.labels.COMMAND_HEADS`: "[Polres]
    [Sanggau AKP]" -> "Polres Sanggau", replaced in ``result``) or are the office's place and
    no entity ("Kapolsek [Astambul] Iptu Rahmadi"). ``ent`` is returned as it is when no rank
    is inside it.

    >>> import spacy
    >>> doc = spacy.blank("id")("Kasat Reskrim Polres Sanggau AKP Rivaldo Simanjuntak berkata")
    >>> result = [(Span(doc, 2, 3, label="ORG"), "")]
    >>> split_at_rank(Span(doc, 3, 5, label="PERSON"), result), [s.text for s, _ in result]
    (None, ['Polres Sanggau'])
    """
    j = rank_inside(ent)
    if not j:
        return ent
    doc = ent.doc
    if result and result[-1][0].end == ent.start and result[-1][0].label_ == "ORG" and (
            result[-1][0][-1].lower_ in COMMAND_HEADS):
        command = result.pop()[0]
        result.append((Span(doc, command.start, ent.start + j, label="ORG"), ""))
    if j == len(ent) - 1:
        return None
    return Span(doc, ent.start + j, ent.end, label="PERSON")


def _is_branch_before(branch: Span, region: Span) -> bool:
    """Whether ``branch`` is an organisation's regional branch ("Kanwil Kemenag") or a regional
    office ("Dinas ESDM", :data:`OFFICE_HEADS`) right before ``region``."""
    return (branch.label_ == "ORG" and branch.end == region.start
            and (branch[0].lower_ in BRANCH_HEADS or (
                branch[0].lower_ in OFFICE_HEADS and branch[0].text[:1].isupper())))


def _title_size(ent: Span, names: DocumentNames) -> tuple[int, bool]:
    """How many words of ``ent`` (an organisation or place span) open it as a title, and
    whether the first title started before the span ("Irjen [Pol ...]").

    A title whose end is a name ("Gubernur [BI ...]", "Wali [Kota Ambon ...]"), that heads the
    organisation ("Kepala [Dinas Perdagangan]") or whose organisation is the whole span and a
    known one ("Panglima [TNI]", but not a minister's field: "Menteri ESDM") counts none of the
    span's words."""
    doc = ent.doc
    title_start, title_end = crossing_title(ent)
    size = title_end - ent.start
    if size and leading_name(ent, names.named) >= size:
        size = 0
    if (size == len(ent) and ent.label_ == "ORG" and not doc[title_start].lower_.startswith("men")
            and span_key(ent) in known_names_of("ORG")):
        size = 0
    if size and len(ent) > size and ent[size - 1].lower_ in ORG_HEADS:
        size = 0
    crossing = bool(size)
    while ent.start + size < ent.end and title_length_at(doc, ent.start + size, ent.end):
        size += title_length_at(doc, ent.start + size, ent.end)
    return size, crossing


def split_titled_name(ent: Span, names: DocumentNames) -> list[tuple[Span, str]]:
    """``ent`` (an organisation or place span) without the title that opens it or runs into it
    ("Menkominfo Rudiantara", "Bos Alibaba", "Wali [Kota Ambon ...]"), each part with its role.

    What is left is a person named elsewhere in the document (or in the alias table), possibly
    after an organisation's or place's name ("Alibaba Jack Ma"): that PERSON (and that ORG or
    LOC), the title as role. So is a span ending in two or three capitalised words whose last
    one the document names alone as a person ("BPN Cahyo Nugroho ... Nugroho"), and an
    organisation's name followed by capitalised words after a title ("Presiden Bank Dunia
    David Malpass"). A bare title gives nothing.
    """
    doc = ent.doc
    size, crossing = _title_size(ent, names)
    if size == len(ent) or (size and ent[size:].text.lower() in UNIT_ABBREVIATIONS):
        return []  # a bare title tagged as an organisation or place; "Kepala Biro [Humas]"
    rest = Span(doc, ent.start + size, ent.end, label=ent.label_)
    title = doc[ent.start:ent.start + size].text if size else ""
    if not size or crossing:
        title = f"{role_before(ent, names.taken)} {title}".strip()
    if (size and only_honorifics(doc[ent.start:ent.start + size].text) and len(rest) == 1
            and rest[0].is_upper and rest[0].is_alpha and 2 <= len(rest[0]) <= 4):
        return [(Span(doc, rest.start, rest.end, label="PERSON"), title)]  # "Bripda [MFS]":
        # a person's initials after a rank
    honorific = _inner_honorific(rest) if title else 0
    if honorific:  # "Ketua [Baznas Jatim K.H. Abdul Mun'im Syakur]"
        lead = Span(doc, rest.start, rest.start + honorific, label=ent.label_)
        return [(lead, ""), (Span(doc, lead.end + 1, rest.end, label="PERSON"),
                             f"{title} {lead.text}")]
    org_size = leading_name(rest, names.orgs)
    lead_label = "ORG"
    if not org_size and (title or ent.label_ == "LOC"):
        org_size, lead_label = leading_name(rest, names.places), "LOC"
    if not org_size:  # "Juru bicara [BPN Cahyo Nugroho] ... Nugroho menambahkan"
        org_size, lead_label = _holder_start(rest, names.people, names.named), ent.label_
    elif lead_label == "LOC":
        holder = _holder_start(rest, names.people, names.named)
        if holder > org_size:  # a place's name goes on to the person the document names again:
            # "Kepala Desa [Sembalun Bumbung Sahrul Anwar] ... kata Sahrul"
            org_size, lead_label = holder, ent.label_
    if org_size and lead_label == "ORG":
        org_size = _with_place(rest, _with_branch(
            rest, _with_country_suffix(rest, org_size), names.places), names.office_places)
    person = rest[org_size:]
    capitalised = len(person) >= 2 and _is_capitalised_name(person)
    # after a title, an organisation's name followed by capitalised words is the office and its
    # holder: "Presiden Bank Dunia David Malpass"; a place's name, which also opens names of
    # things ("Jakarta Convention Center"), only with a person the document names again by
    # surname: "Wali Kota Ambon Yohana Manuputty ... Manuputty", "asal Sumatera Utara Maria
    # Pasaribu ... Pasaribu", or a known place followed by what can only be a name: "pelatih
    # Vietnam Philippe Troussier"
    titled_holder = bool(org_size and title and capitalised and not _org_words(person)
                         and not _is_place_name(person, names.places)  # "KPU [Pulau Taliabu]"
                         and (lead_label == "ORG" or _place_holder(rest[:org_size], person)))
    if titled_holder and _holder_follows(ent, names.person_starts):
        titled_holder = False  # the holder follows the whole name: "Direktur Utama [PT
        # Pertamina Patra Niaga], Riva Siahaan, mengatakan"
    if org_size and title and lead_label == "ORG" and len(person) == 1:
        # one word that is no common word: "Kepala [BNPB Suharyanto]", not "Direktur [Bank
        # Mandiri Syariah]"
        titled_holder = _holder_word(doc, person.start, names.named) and word_key(
            person[0].text) not in area_words(e for e in doc.ents if e.start != ent.start)
        # not "Kepala [SD Negeri 2] Kalikotes" after "Kecamatan Kalikotes"
    if (ent.label_ == "ORG" and not org_size and not size and title
            and title.split()[-1].lower() in PERSON_ROLES and 2 <= len(person) <= 3
            and capitalised and not _org_words(person) and all(
                _holder_word(doc, k, names.named) or doc[k].lower_ in BALINESE_NAME_WORDS
                for k in range(person.start, person.end))):
        # a name only, typed an organisation after a role only people hold: "hakim anggota
        # [Sahlan Mahmud]", "Ketua majelis hakim [Putu Gede Arsana]"
        titled_holder = True
    if person and person[0].lower_ in ADMINISTRATIVE_HEADS:
        titled_holder = capitalised = False  # "Pemerintah [Prefektur Aichi]"
    named_again = bool(org_size and capitalised and (
        name_key([person[-1].text]) in names.people or name_key([person[0].text]) in names.people))
    # a whole one-word span with no title near it is a person if the recogniser typed the word
    # so more often than not: not "Nalarin", tagged ORG thrice, PERSON once; nor a one-word
    # place right after "di" or "ke"
    alone = (not org_size and not title and len(person) == 1
             and (names.person_votes[person.text] < 0 or after_place_preposition(ent)))
    if (span_key(person) in names.people and not alone) or titled_holder \
            or named_again:
        pairs: list[tuple[Span, str]] = []
        if org_size:
            lead = Span(doc, rest.start, rest.start + org_size, label=lead_label)
            pairs.append((lead, ""))
            if title:
                title = f"{title} {lead.text}"
        return pairs + [(Span(doc, person.start, person.end, label="PERSON"), title)]
    numbered = rest[:-1] if len(rest) > 1 and ORDINAL_NUMERAL.match(rest[-1].text) else rest
    opening = doc[ent.start:ent.start + size].text
    if (size and len(rest) <= 3 and (
            (ent.label_ == "ORG" and only_honorifics(opening))
            or (ent.label_ == "LOC" and all(word.lower() in RANKS for word in opening.split())
                and not any(_rank_complement(doc, k) for k in range(rest.start, rest.end))))
            and _is_capitalised_name(rest)
            and not leading_name(rest, names.named) and span_key(rest)
            not in names.named and not _org_words(numbered)):  # "Paku Alam X"
        return [(Span(doc, rest.start, rest.end, label="PERSON"), title)]  # "GKR
        # [Mangkubumi]" tagged ORG, "Marsma [Fajar Nugroho Santoso]" LOC (not "Mayor [Laut]",
        # the rank's corps): a court title or rank stands before a person
    if size and (ent.label_ == "ORG" or span_key(rest) in names.orgs):
        # a title before an organisation's name, also one tagged as a place ("Bos Alibaba"); a
        # place that starts with a title word ("Raja Ampat") stays whole
        return [(Span(doc, rest.start, rest.end, label="ORG"), "")]
    return [(ent, "")]


def _holder_follows(ent: Span, person_starts: set[int]) -> bool:
    """Whether a person's name follows ``ent`` right after it or after a comma."""
    doc = ent.doc
    return ent.end in person_starts or (
        ent.end + 1 < len(doc) and doc[ent.end].text == "," and ent.end + 1 in person_starts)


def split_titled_person(ent: Span, names: DocumentNames) -> list[tuple[Span, str]]:
    """``ent`` (a person span) without its titles, with its role, split where it is not one
    person's name.

    * a person span that starts with an organisation's name after a title ("CEO Alibaba Jack
      Ma") is split into the organisation and the person, the organisation joining the role;
      so is one after a title that opens with a place's name, the office's place and its holder
      ("Bupati [Cianjur Herman Suherman]");
    * a person span that is a title before a place is that place ("Kapolsek [Ciputat]");
    * a person span that is a title and more, right before an organisation and a person, is the
      title's unit, part of the holder's role ("SEVP [Wholesale Risk] Bank Mandiri Gunawan");
    * a person span that opens with an acronym is an organisation ("[BPBD Jawa Barat]
      mencatat"), or an organisation and its head after a title ("Ketua [PWNU Abdul Hakim]"); so
      is a one-word acronym person that opens an organisation's name in the document ("[RANS]
      membuka" after "RANS Entertainment").
    """
    doc = ent.doc
    if any(is_org_only_tail(t) for t in ent[:-2]):
        parts = org_tail_before_person(ent, names.occupied)
        if len(parts) == 2:  # "CEO Haneul [Pictures Yoon Sang-woo]"
            role = role_before(parts[0], names.taken)
            return [(parts[0], ""), (parts[1], f"{role} {parts[0].text}".strip())]
    name, stripped = strip_titles(ent)
    if name is None:
        return []
    if stripped and ent.end in names.org_then_person:
        return []  # the title's unit, before the office and its holder: "SEVP [Wholesale
        # Risk] Bank Mandiri Gunawan Setiadi"
    if ent.start in names.offices:
        return [(Span(doc, name.start, name.end, label="LOC"), "")]
    if span_key(name) in names.companies:
        return [(Span(doc, name.start, name.end, label="ORG"), "")]  # "[Helix DataWorks]"
        # after "Helix DataWorks Pte Ltd"
    outer = role_before(ent, names.taken)
    role = f"{outer} {stripped}".strip()
    lead_label = "ORG"
    org_size = leading_name(name, names.person_orgs)
    if org_size and ent.start > 0 and doc[ent.start - 1].text == ",":
        org_size = 0  # a name in apposition after the role and its organisation: "Peneliti
        # IESR, [Citra Ayuningtyas]", though the document once tags "Citra" an organisation
    if not org_size and role and len(name) >= 3:  # "Bupati [Cianjur Herman Suherman]"
        org_size, lead_label = leading_name(name, names.places), "LOC"
        if not all(t.text[:1].isupper() for t in name[org_size:]):
            org_size = 0
    if len(name) == 1 and _is_acronym(name[0].text) and word_key(name[0].text) in names.org_heads:
        return [(Span(doc, name.start, name.end, label="ORG"), "")]  # "RANS juga membuka ..."
        # after "RANS Entertainment"
    rest = name[1:]
    if (not org_size and len(name) >= 2 and _is_acronym(name[0].text)
            and not all(t.text.isupper() for t in rest)):
        if _is_place_name(rest, names.places) or (
                len(rest) == 1 and name_key([rest[0].text]) not in names.people) or (
                not role and span_key(rest) not in names.people):
            # "[BPBD Jawa Barat] mencatat", "klub [KMSK Deinze]", "[LPK Sakura Nusantara] di
            # Malang" (train splits: no person of three words or more opens with one)
            return [(Span(doc, name.start, name.end, label="ORG"), "")]
        if role and len(rest) >= 2:
            org_size, lead_label = 1, "ORG"  # "Ketua [PWNU Abdul Hakim]"
    if org_size and lead_label == "ORG":
        org_size = _with_branch(name, _with_country_suffix(name, org_size), names.places)
        if (org_size < len(name) - 1 and name[org_size].lower_ in BRANCH_WORDS
                and known_place_at(doc, name.start + org_size + 1, names.places)
                == len(name) - org_size - 1):
            # an organisation and its branch, no one's name: "Kepala [Manggala Agni Daops
            # Pontianak] Yosef Alexander Tamba"
            return [(Span(doc, name.start, name.end, label="ORG"), "")]
    if org_size and (role or span_key(name[org_size:]) in names.people):
        org = Span(doc, name.start, name.start + org_size, label=lead_label)
        pairs = [(org, "")]
        name = Span(doc, org.end, name.end, label="PERSON")
        role = f"{role} {org.text}".strip()
        place_size = leading_name(name, names.places) if lead_label == "ORG" else 0
        if place_size and len(name) - place_size >= 2 and all(
                t.text[:1].isupper() for t in name[place_size:]):
            # the organisation's regional branch: "Koordinator Jatam [Maluku Utara] Nurlaela
            # Tuanany"
            place = Span(doc, name.start, name.start + place_size, label="LOC")
            pairs.append((place, ""))
            name = Span(doc, place.end, name.end, label="PERSON")
            role = f"{role} {place.text}"
        return pairs + [(name, role)]
    if (org_size and lead_label == "ORG" and not role
            and {word_key(t.text) for t in name[org_size:]} <= names.place_words):
        # an organisation's office named by its area, no one's name: "[KSOP Belawan]" PERSON
        # after "Pelabuhan Belawan"
        return [(Span(doc, name.start, name.end, label="ORG"), "")]
    return [(name, role)]


MAX_ORG_WORDS_BEFORE_TAIL = 2


def org_tail_before_person(span: Span, taken: set[int]) -> list[Span]:
    """``span`` split when it is a person that holds a word only organisations' names end with
    (:data:`~graph.nlp.labels.ORG_ONLY_TAILS`) before two words or more, with capitalised words
    before the tail in the span or (up to two, outside every entity and no title) before it: the
    company, the recogniser's left-out words and the tail, and its head after it ("CEO Haneul
    [Pictures Yoon Sang-woo]" -> "Haneul Pictures", "Yoon Sang-woo"; "Direktur Sapudi [Offshore
    Ltd Kim Jae-won]" -> "Sapudi Offshore Ltd", "Kim Jae-won").

    >>> import spacy
    >>> doc = spacy.blank("id")("CEO Haneul Pictures Yoon Sangwoo mengatakan")
    >>> [(s.text, s.label_) for s in org_tail_before_person(Span(doc, 2, 5, "PERSON"), set())]
    [('Haneul Pictures', 'ORG'), ('Yoon Sangwoo', 'PERSON')]
    """
    doc = span.doc
    if span.label_ != "PERSON" or len(span) < 3:
        return [span]
    tail = next((i for i in range(len(span) - 2) if is_org_only_tail(span[i])
                 and span[i].text[:1].isupper() and not span[i].is_sent_start
                 and span[i + 1].text[:1].isupper()  # not "Les Films du Large"
                 and all(t.text[:1].isupper() for t in span[:i])), -1)
    if tail < 0:
        return [span]
    start = span.start
    places = gazetteer_place_keys()
    while (start > 0 and span.start - start < MAX_ORG_WORDS_BEFORE_TAIL and start - 1 not in taken
           and doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper()
           and doc[start - 1].lower_ not in common_words() and not title_length_at(doc, start - 1)
           and not any(j + known_place_at(doc, j, places, start) == start
                       for j in range(max(0, start - MAX_PLACE_WORDS), start))):
        start -= 1  # not a known place's word: "Vice President Asia Pasifik [Albrecht Pharma]"
        if doc[start].is_sent_start:
            break
    if start == span.start and tail == 0:
        return [span]
    return [Span(doc, start, span.start + tail + 1, label="ORG"),
            Span(doc, span.start + tail + 1, span.end, label="PERSON")]


def _without_trailing_title(ent: Span) -> Span:
    """``ent`` (an organisation or place span right before a person) without the rank or
    honorific (:data:`HONORIFICS`, :data:`RANKS`, "Letnan Jenderal") it ends with: the holder's,
    not part of the name ("[UNIFIL] Letnan Jenderal Alessandro Ferraresi"). An office is left,
    as names end with some ("Kantor Staf Presiden").

    >>> import spacy
    >>> doc = spacy.blank("id")("Komandan UNIFIL Letnan Jenderal Aroldo Lazaro")
    >>> _without_trailing_title(Span(doc, 1, 4, label="ORG")).text
    'UNIFIL'
    """
    doc = ent.doc
    for k in range(ent.start + 1, ent.end):
        if ((doc[k].lower_ in HONORIFICS or doc[k].lower_ in RANKS)
                and title_length_at(doc, k, ent.end) == ent.end - k):
            return Span(doc, ent.start, k, label=ent.label_)
    return ent


def join_adjacent_people(pairs: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Person spans that touch, one space between them, are one person's name cut in two
    ("Sekretaris Jenderal ASEAN [Kao] [Kim Hourn]"): a list of names is written with commas or
    "dan". The joined span keeps the first one's role.

    >>> import spacy
    >>> doc = spacy.blank("id")("Kao Kim Hourn berkata")
    >>> pairs = [(Span(doc, 0, 1, label="PERSON"), "Sekjen"), (Span(doc, 1, 3, label="PERSON"), "")]
    >>> [(s.text, role) for s, role in join_adjacent_people(pairs)]
    [('Kao Kim Hourn', 'Sekjen')]
    """
    joined: list[tuple[Span, str]] = []
    for span, role in pairs:
        if joined:
            last, last_role = joined[-1]
            if (last.label_ == span.label_ == "PERSON" and last.end == span.start
                    and span.doc[last.end - 1].whitespace_ == " " and not span[0].is_sent_start
                    and span[0].text[:1].isupper() and last[-1].text[-1:].isalpha()
                    and len(last) + len(span) <= 5):
                doc = span.doc
                joined[-1] = (Span(doc, last.start, span.end, label="PERSON"), last_role or role)
                continue
        joined.append((span, role))
    return joined


STREET_HEADS = frozenset({"jalan", "jl", "jl.", "jln", "jln.", "gang"})
"""Words that open a street's name, which may be a person's with any title: "Jalan Mayjen
Sungkono", "Jalan Gubernur Suryo"."""


def titles_before(doc: Doc, start: int) -> int:
    """Where the titles written right before token ``start`` begin ("Jalan [Mayjen Prof. Dr.]
    Moestopo"), over initials after them ("Jl. [Letjen S.] Parman"); ``start`` if there are no
    titles."""
    name_start = start
    while name_start > 0 and _INITIAL.match(doc[name_start - 1].text):
        name_start -= 1
    for k in range(max(0, name_start - _longest_title() * 3), name_start):
        j = k
        while j < name_start and title_length_at(doc, j, name_start):
            j += title_length_at(doc, j, name_start)
        if j == name_start:
            return k
    return start


_INITIAL = re.compile(r"^[A-Z]\.$")


def streets_named_after_people(pairs: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """A street's or facility's head and the titled person named after it are one place:
    "[Jalan] Mayjen [Sungkono]" -> "Jalan Mayjen Sungkono", as streets and facilities are named
    after heroes with their rank or degree ("Jalan Jenderal Sudirman", "Bandara Letkol Wisnu").
    A street takes any title ("Jalan Gubernur Suryo"), a facility (:data:`FACILITY_HEADS`)
    ranks and honorifics only. :func:`~graph.nlp.labels.join_facility_and_namesake` joins
    facilities and namesakes with honorifics before titles are read; this reads the ranks.

    >>> import spacy
    >>> doc = spacy.blank("id")("di ruas Jalan Mayjen Sungkono .")
    >>> pairs = [(Span(doc, 2, 3, label="LOC"), ""), (Span(doc, 4, 5, label="PERSON"), "Mayjen")]
    >>> [(s.text, s.label_) for s, _ in streets_named_after_people(pairs)]
    [('Jalan Mayjen Sungkono', 'LOC')]
    """
    result: list[tuple[Span, str]] = []
    for span, role in pairs:
        doc = span.doc
        first = titles_before(doc, span.start) if span.label_ != "ORG" else span.start
        head = doc[first - 1] if 0 < first < span.start else None
        if head is not None and head.text[:1].isupper() and (
                head.lower_ in STREET_HEADS or (head.lower_ in FACILITY_HEADS and only_honorifics(
                    " ".join(t.text for t in doc[first:span.start] if t.text[:1].isupper())))):
            start = first - 1
            if result and result[-1][0].label_ == "LOC" and result[-1][0].end == first:
                start = result.pop()[0].start  # the street's head tagged alone: "[Jalan]"
            elif result and result[-1][0].end > start:
                result.append((span, role))
                continue
            result.append((Span(doc, start, span.end, label="LOC"), ""))
            continue
        result.append((span, role))
    return result


def _inner_honorific(span: Span) -> int:
    """Position in ``span`` (an organisation's or place's span after a title) of an honorific
    (:data:`INNER_HONORIFICS`) followed by one to four capitalised words to the span's end, the
    office's holder: "Ketua [Baznas Jatim] K.H. [Abdul Mun'im Syakur]"; 0 if there is none, or if
    the span is a hospital's name, which may hold its namesake's ("RSUD dr. Soetomo")."""
    if span[0].lower_ in HOSPITAL_HEADS:
        return 0
    for j in range(1, len(span) - 1):
        if span[j].lower_ in INNER_HONORIFICS:
            rest = span[j + 1:]
            if len(rest) <= 4 and all(t.text[:1].isupper() for t in rest):
                return j
            return 0
    return 0


def _is_capitalised_name(words: Span) -> bool:
    """Whether every word of ``words`` is capitalised, but for surname particles between two
    capitalised words ("Bendito [dos] Santos", "Ursula [von der] Leyen")."""
    return (words[0].text[:1].isupper() and words[-1].text[:1].isupper()
            and all(t.text[:1].isupper() or t.text in SURNAME_PARTICLES for t in words[1:-1]))


def _is_place_name(words: Span, places: NameKeys) -> bool:
    """Whether ``words`` are a place's name: a known one, or one opening with a place's head word
    ("Pulau Taliabu", "Provinsi Jawa Tengah"), which opens no person's name, or a common word
    before a known one, which is the office's region ("Ombudsman RI [Perwakilan Sulawesi
    Selatan]")."""
    return (span_key(words) in places or words[0].lower_ in PLACE_HEADS
            or (len(words) >= 2 and words[0].lower_ in common_words()
                and span_key(words[1:]) in places))


def _org_words(words: Span) -> bool:
    """Whether ``words`` hold an organisation's word or an acronym, so they are no person's name
    ("Honda [Prospect Motor]", "Jakarta [Convention Center]")."""
    return any(t.lower_ in ORGANISATION_WORDS or t.text.isupper() for t in words)


def _place_holder(place: Span, person: Span) -> bool:
    """Whether ``place`` is a place the gazetteer knows and ``person`` two or three words that can
    be a person's name (no organisation's word, no acronym): "pelatih [Vietnam] [Philippe
    Troussier]", "petenis [Denmark] [Holger Rune]", but not "Direktur [Jakarta] [Convention
    Center]"."""
    words = sum(t.text not in SURNAME_PARTICLES for t in person)  # "Bendito dos Santos Freitas"
    return (2 <= words <= 3 and span_key(place) in gazetteer_place_keys()
            and not _org_words(person))


def _is_acronym(text: str) -> bool:
    """An all-capitals word of three letters or more that is not a title ("BPBD", "KMSK"): in the
    cased training corpora (train splits) one person's name opens with one, in a line written all
    in capitals."""
    return (len(text) >= 3 and text.isalpha() and text.isupper()
            and text.lower() not in title_phrases())


def _extent_after(doc: Doc, k: int, person_starts: set[int]) -> tuple[int, bool]:
    """Where a title's complement ending at ``k`` stops, and whether a person's name follows."""
    end = k
    while end < len(doc):
        token = doc[end]
        if end in person_starts:
            return end, True
        if token.text == "," and end + 1 in person_starts:
            return end, True
        if token.text == "(":  # an abbreviation inside the role: "Menteri ... (Menkominfo)"
            closing = next((x for x in range(end + 1, min(len(doc), end + 8))
                            if doc[x].text == ")"), None)
            if closing is not None and (closing + 1 in person_starts or (
                    closing + 2 in person_starts and doc[closing + 1].text == ",")):
                return closing + 1, True
            break
        if token.is_space or not (_is_capitalised(token.text) or token.text in CONNECTORS):
            break
        if token.is_sent_start and end != k:
            break
        end += 1
    while end > k and doc[end - 1].text in CONNECTORS and doc[end - 1].text != "RI":
        end -= 1
    return end, False


APPOSITION = frozenset({"selaku", "sebagai", ","})
"""Words that put a role after a name: "Rudianto selaku Menteri ...", "Jack Ma, CEO Alibaba"."""


def bare_roles(doc: Doc) -> tuple[list[Span], list[tuple[Span, str]]]:
    """Titles that stand for a person without naming them ("menkominfo mendatangi Jack Ma",
    "Kehadiran Menkominfo diharapkan", "sang gubernur", "dubes RI untuk China").

    A title followed by a person's name is that person's role, not a bare one. Honorifics and roles
    many people hold ("anggota", "pengamat") are never bare roles; titles such as "Menteri" or
    "Ketua" need the office they head ("Menteri Keuangan"); a lower-case title counts only when
    it names its office, either with a capitalised complement or by itself ("menkeu").

    Returns the bare roles, and the roles that follow a name in apposition ("Jack Ma, CEO
    Alibaba, ...", "Rudianto selaku Menteri ...") as (person, role) pairs.
    """
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    person_starts = {e.start for e in people}
    person_ending = {e.end: e for e in people}
    appositions: list[tuple[Span, str]] = []
    taken = {i for e in people for i in range(e.start, e.end)}
    roles: list[Span] = []
    lowers, phrases = token_lowers(doc), title_phrases()
    i, n = 0, len(doc)
    while i < n:
        size = title_length_at(doc, i) if lowers[i] in phrases and i not in taken else 0
        if not size:
            i += 1
            continue
        words = tuple(lowers[i:i + size])
        end, attached = _extent_after(doc, i + size, person_starts)
        complement = end > i + size
        lowercase = not doc[i].text[:1].isupper()
        first = words[0]
        bare = not attached and words[-1] not in HONORIFICS and first not in GENERIC_ROLES
        if bare and first in NEEDS_COMPLEMENT and not complement and len(words) == 1:
            bare = False
        after_sang = i > 0 and doc[i - 1].lower_ == "sang"
        if bare and lowercase and not complement and not first.startswith("men") and not after_sang:
            bare = False
        if bare and i >= 2 and doc[i - 1].lower_ in APPOSITION and i - 1 in person_ending:
            appositions.append((person_ending[i - 1], doc[i:end].text))
        elif bare:
            roles.append(Span(doc, i, end, label="ROLE"))
        i = max(end, i + size)
    return roles, appositions


def _name_word(doc: Doc, k: int, names: NameKeys) -> bool:
    """Whether token ``k`` can be a word of a person's name: a capitalised word of letters (not an
    acronym), not a title, an organisation head or a known place or organisation."""
    token = doc[k]
    text = token.text
    return (text[:1].isupper() and not text.isupper()
            and all(ch.isalpha() or ch in "-'" for ch in text)
            and text.lower() not in ORG_HEADS and not title_length_at(doc, k)
            and (word_key(text),) not in names)


_DATE_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
"""Months and weekdays: alone after a place or an organisation they are a date, no holder's
name ("di Kuala Lumpur [Oktober] mendatang"; but "Menteri Kehutanan Raja [Juli] Antoni")."""


@lru_cache(maxsize=1)
def _gazetteer_place_first_words() -> frozenset[str]:
    return frozenset(key[0].lower() for key in gazetteer_place_keys())


def _untagged_known_places(doc: Doc, taken: set[int]) -> list[Span]:
    """Known places (the gazetteer's) that no entity holds, as LOC spans: the place of an office
    the recogniser left untagged ("Menteri Pertahanan Nasional [Turki] Kemal Arslanoğlu")."""
    places = gazetteer_place_keys()
    firsts = _gazetteer_place_first_words()
    found = []
    end = 0
    for k in positions_of(doc, firsts):
        if k < end or k in taken or not doc[k].text[:1].isupper():
            continue
        size = known_place_at(doc, k, places)
        if size and not taken.intersection(range(k, k + size)):
            found.append(Span(doc, k, k + size, label="LOC"))
            end = k + size
    return found


def missed_holders(doc: Doc) -> list[Span]:
    """People the recogniser missed in "TITLE ORGANISATION Name Name verb": two or three
    capitalised name words right after an organisation or place entity that a title stands before,
    followed by a lower-case word or a comma, or two or three by a full stop ("Ketua Umum [PB
    IDI] Adib Khumaidi mengatakan", "Menteri Luar Negeri [Thailand] Chaiwat Sirisombat.", also
    after a known place no entity holds: "Menteri Pertahanan Nasional Turki Kemal Arslanoğlu",
    "Direktur Utama [Pertamina] Nicke Widyawati, ..."); with the surname the recogniser typed a
    place that is no known one or an organisation ("Kepala Kantor SAR Ambon Mustari
    [Latuconsina] mengatakan", "Wakil Bupati Kutai Timur Samsul [Bahri]" ORG); or the whole
    name typed a place or an organisation, when none of its words is a common word, an
    organisation's or a known name ("Bupati Mamasa [Welem Sambolangi]" LOC).
    Returns new PERSON spans.

    >>> import spacy
    >>> doc = spacy.blank("id")("Ketua Umum PB IDI Adib Khumaidi mengatakan itu.")
    >>> doc.ents = [Span(doc, 2, 4, label="ORG")]
    >>> [s.text for s in missed_holders(doc)]
    ['Adib Khumaidi']
    """
    ents = doc.ents
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    names = named_in_doc(ents)
    people = {ent.start: ent for ent in ents if ent.label_ == "PERSON"}
    places = gazetteer_place_keys()
    surnames_as_places = {ent.start: ent for ent in ents if len(ent) == 1 and (
        (ent.label_ == "LOC" and (word_key(ent.text),) not in places)
        or (ent.label_ == "ORG" and _mistyped_name_word(doc, ent.start)))}
    mistyped_names = {ent.start: ent for ent in ents if ent.label_ in ("LOC", "ORG")
                      and 2 <= len(ent) <= 3 and ent.text not in builtin_names()
                      and all(_mistyped_name_word(doc, k) for k in range(ent.start, ent.end))}
    found = []
    for ent in [*ents, *_untagged_known_places(doc, taken)]:
        if ent.label_ not in ("ORG", "LOC") or not role_before(ent, taken):
            continue
        # after the whole place the document names, not the recogniser's cut: "[Nagari Pandai]
        # Sikek Afrizal Syukri" after "Nagari Pandai Sikek"
        name_start = max(ent.end, ent.start + known_place_at(doc, ent.start, names))
        end = name_start
        while (end < len(doc) and end - name_start < 4 and end not in taken
               and not doc[end].is_sent_start and _name_word(doc, end, names)):
            end += 1
        size = end - name_start
        if size and all(doc[j].lower_ in _DATE_WORDS for j in range(name_start, end)):
            continue  # a date: "di Kuala Lumpur Oktober mendatang"
        whole = mistyped_names.get(name_start)
        if not size and whole is not None and _ends_a_name(doc, whole.end):
            found.append(Span(doc, whole.start, whole.end, label="PERSON"))
            continue  # "Bupati Mamasa [Welem Sambolangi]" LOC
        person = people.get(end)
        surname = surnames_as_places.get(end)
        if person is None and surname is not None and size and _ends_a_name(doc, end + 1):
            person = surname  # "Kepala Kantor SAR Ambon Mustari [Latuconsina]" LOC, "Wakil
            # Bupati Kutai Timur Samsul [Bahri]" ORG
        if person is not None and size and len(person) <= 2 and size + len(person) <= 4 and all(
                _holder_word(doc, k, names) for k in range(name_start, end)):
            # "Direktur Utama PLN Darmawan [Prasodjo]": the name's first word, left out
            found.append(Span(doc, name_start, person.end, label="PERSON"))
            continue
        if not 1 <= size <= 3 or (size == 1 and not _holder_word(doc, name_start, names)):
            continue
        surname_end = _with_particles(doc, end, taken, names)  # "Ursula [von der Leyen]"
        if surname_end > end and _ends_a_name(doc, surname_end, full_stop=True):
            found.append(Span(doc, name_start, surname_end, label="PERSON"))
        elif _ends_a_name(doc, end, full_stop=size >= 2 and len(doc[end - 1]) >= 3):
            # "Menteri Luar Negeri Thailand [Chaiwat Sirisombat].", not "[Iksan Hi]. Mahmud"
            found.append(Span(doc, name_start, end, label="PERSON"))
    return found


SURNAME_PARTICLES = NAME_PARTICLES - {"dan", "di"}
"""Lower-case particles that open a surname ("von der Leyen", "van Gaal", "bin Salman"), but
not the Indonesian words "dan" and "di"."""


def _with_particles(doc: Doc, end: int, taken: set[int], names: NameKeys) -> int:
    """``end`` (just past a person's given name) lengthened over a surname that opens with
    particles (:data:`SURNAME_PARTICLES`): "Ursula [von der Leyen]"."""
    k = end
    while k < len(doc) and k not in taken and doc[k].text in SURNAME_PARTICLES:
        k += 1
    if k == end or k >= len(doc) or k in taken or not _name_word(doc, k, names):
        return end
    return k + 1


_PLACE_PARTS = DIRECTIONS | {"pusat", "raya", "kota"}

_NAME_HEADS = ORG_HEADS | PLACE_NOUNS
"""Head nouns whose following capitalised words are their name, not a person's ("Bandara Sam
Ratulangi", "Universitas Gadjah Mada")."""


@lru_cache(maxsize=1)
def organisation_name_words() -> frozenset[str]:
    """The lower-cased words of the alias table's and the gazetteer's organisation names
    ("perhubungan", "informatika"): words of offices, which news writes capitalised only."""
    return frozenset(word for name in known_names_of("ORG") for word in name
                     if word.islower()) | _PLACE_PARTS


@lru_cache(maxsize=1)
def _builtin_name_keys() -> frozenset[tuple[str, ...]]:
    """The name keys of every name the gazetteer and the alias table know."""
    return frozenset(key for name in builtin_names() for key in name_keys(name))


def _mistyped_name_word(doc: Doc, k: int) -> bool:
    """Whether token ``k``, inside a place or organisation entity, can still be a word of a
    person's name the recogniser mistyped: a :func:`_holder_word` that is no name the
    gazetteer or the alias table knows (the article's own places and organisations are the
    recogniser's, which may be the mistake)."""
    return _holder_word(doc, k, _builtin_name_keys())


def _holder_word(doc: Doc, k: int, names: NameKeys) -> bool:
    """Whether token ``k`` can be a word of a person's name at the end of an office's name: a
    :func:`_name_word` that is no common word ("Energi", "Mineral", :func:`common_words`), no
    word of a known organisation's name ("Perhubungan") and no part of a place's name
    ("Pusat", "Timur")."""
    lower = doc[k].lower_
    return (_name_word(doc, k, names) and lower not in common_words()
            and lower not in organisation_name_words())


def role_holders(doc: Doc) -> list[Span]:
    """People the recogniser missed or cut short at the end of a long role phrase, where the
    office's name ends is not written: "Menteri Energi dan Sumber Daya Mineral Bahlil Lahadalia
    menyatakan", "Menteri Agama Yaqut Cholil [Qoumas]". The run of capitalised words after a
    title (outside entities, up to a lower-case word, a comma, a full stop or a person entity)
    ends in the person's name, which starts

    * at a word the document names as a person elsewhere ("... Luhut Binsar Pandjaitan
      mengatakan ... kata Luhut"), or
    * where the run's last words stop being common words (:func:`common_words`), but not at
      the word right after the title, which is the office's complement ("Kapolres Toba
      [Hendra Siregar]"): two to four words, or one or more before a person entity of one or
      two words, which the name then takes in (a longer one the recogniser found whole).

    Returns PERSON spans, which may contain a person entity they replace.

    >>> import spacy
    >>> doc = spacy.blank("id")("Kepala Badan Gizi Nasional Dadan Hindayana berkata. Kata Dadan.")
    >>> doc.ents = [Span(doc, 9, 10, label="PERSON")]
    >>> [s.text for s in role_holders(doc)]
    ['Dadan Hindayana']
    >>> doc = spacy.blank("id")("Menteri Energi dan Sumber Daya Mineral Bahlil Lahadalia kata")
    >>> [s.text for s in role_holders(doc)]
    ['Bahlil Lahadalia']
    """
    starts = positions_of(doc, _title_first_words())
    if not starts:
        return []
    ents = doc.ents
    place_words = document_place_words(ents)
    person_words = {word_key(t.text) for ent in ents if ent.label_ == "PERSON"
                    and not is_initials(doc, ent.start, ent.end) for t in ent} - place_words
    # not a place's word that a person span wrongly holds: "Bupati Samosir [Rudolf Manurung]"
    # after "Satpolairud Polres Samosir" PERSON and "Kabupaten Samosir"
    people = {ent.start: ent for ent in ents if ent.label_ == "PERSON"}
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    names = named_in_doc(ents)
    found = []
    n, resume = len(doc), 0
    for i in starts:
        size = title_length_at(doc, i) if i >= resume and i not in taken else 0
        if not size:
            continue
        end = i + size  # the capitalised run after the title, up to the role phrase's end
        while (end < n and end not in taken and not doc[end].is_sent_start
               and (_is_capitalised(doc[end].text) or doc[end].text in CONNECTORS)):
            if doc[end].text in CONNECTORS and end + 1 < n and title_length_at(doc, end + 1):
                break  # another role begins: "Bupati Samosir Parulian Sidabutar dan Direktur"
            end += 1
        resume = end
        person = people.get(end)
        if person is not None and len(person) > 2:
            person = None  # a name the recogniser found whole: "BPBD Demak [Agus Nugroho Luhur]"
        if person is None and (end in taken or not _ends_a_name(doc, end, full_stop=True)):
            continue
        start = next((k for k in range(max(i + size, end - 4), end)
                      if word_key(doc[k].text) in person_words
                      and all(_name_word(doc, j, names) for j in range(k, end))), None)
        complete = _is_complete_title(tuple(t.lower_ for t in doc[i:i + size]))
        if start is None:  # the word right after the title is its complement: "Kapolres Toba"
            start = end
            lowest = i + size + (0 if complete else 1)  # unless it needs none: "Wapres [Ma'ruf]"
            while (start > lowest and end - start < 4 and _holder_word(doc, start - 1, names)
                   and not _rank_complement(doc, start - 1)):  # "Kapten Inf [Hendrik ...]"
                start -= 1
            if (person is None and end - start < (1 if complete else 2)) or (
                    doc[start - 1].lower_ in _NAME_HEADS):
                start = end  # "General Manager Bandara [Sam Ratulangi]": the place's name
            start = _after_crossing_place(doc, i + size, start, end)
        stop = person.end if person is not None else end
        if start < end and stop - start <= 4 and not is_org_only_tail(doc[stop - 1]):
            found.append(Span(doc, start, stop, label="PERSON"))  # not "Partner Merlion
            # [Harvest Partners]": a company's name ends there
    return found


def _after_crossing_place(doc: Doc, first: int, start: int, end: int) -> int:
    """``start`` (where a holder's name after a role starts, between ``first`` and ``end``)
    moved past a known place that begins before it and ends after it: "Duta Besar RI untuk
    Timor-[Leste Antonius Lelo Bere]" -> "[Antonius Lelo Bere]"."""
    places = gazetteer_place_keys()
    for k in range(max(first, start - MAX_PLACE_WORDS + 1), start):
        size = known_place_at(doc, k, places, end)
        if k + size > start:
            return k + size
    return start


def apply_ranks(doc: Doc) -> list[Span]:
    """New entity list for ``doc``: a military or police rank (:data:`RANKS`, then perhaps
    "Pol", "TNI", a corps or "(Purn)") is followed by a person's name, so the capitalised words
    there are a PERSON: found where the recogniser missed them ("Kombes Pol [Trunoyudo]
    mengatakan"), given the name's first word it left out ("AKBP Ade [Ary Syam Indradi]"), or
    retyped ("Briptu [Rina]" LOC), or without the corps ("Kolonel [Inf Ariful Hidayat]"); a rank
    that ends an organisation's span is cut from it ("[Bareskrim Polri Brigjen]"). Up to
    three name words found (four with the recogniser's), ended by a lower-case word, a comma or a
    full stop. An honorific (:data:`NAME_HONORIFICS`) does the same, except retyping, and not
    inside a place's name ("Jalan Ir. H. Juanda").

    >>> import spacy
    >>> doc = spacy.blank("id")("Kombes Pol Trunoyudo, Senin. AKBP Ade Ary Indradi dan Briptu Rina")
    >>> doc.ents = [Span(doc, 8, 10, label="PERSON"), Span(doc, 12, 13, label="LOC")]
    >>> [(e.text, e.label_) for e in apply_ranks(doc)]
    [('Trunoyudo', 'PERSON'), ('Ade Ary Indradi', 'PERSON'), ('Rina', 'PERSON')]
    """
    cues = [i for i in positions_of(doc, _NAME_CUES) if i < len(doc) - 1]
    if not cues:
        return list(doc.ents)
    ents = list(doc.ents)
    by_start = {ent.start: ent for ent in ents}
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    names = named_in_doc(ents)
    changed = False
    for i in cues:
        token = doc[i]
        rank = token.lower_ in RANKS
        ending = next((e for e in ents if e.start < i < e.end and all(
            _rank_complement(doc, j) for j in range(i + 1, e.end))), None) if rank else None
        if ending is not None and ending.label_ != "PERSON":  # "[Bareskrim Polri Brigjen] Pol"
            trimmed = Span(doc, ending.start, i, label=ending.label_)  # "[Lanal Lhokseumawe
            ents[ents.index(ending)] = by_start[ending.start] = trimmed  # Kolonel Laut] (P)"
            taken.difference_update(range(i, ending.end))
            changed = True
        if i in taken or not (token.text[:1].isupper() or token.lower_ in ("dr", "dr.")):
            continue
        start = i + 1
        while start < len(doc) - 1 and (_rank_complement(doc, start)
                                        or doc[start].lower_ in NAME_HONORIFICS
                                        or (doc[start].text == "Seri"
                                            and doc[start - 1].lower_ == "datuk")):
            start += 1  # "Kombes Pol", "Prof. Dr. H.", "Datuk Seri"
        if not rank and (start - 1 in taken or (i > 0 and doc[i - 1].lower_ in PLACE_NOUNS)):
            continue  # "Jalan Ir. H. Juanda", "RSUD Dr. Soetomo"
        crossing = next((e for e in ents if i < e.start < start < e.end), None)
        if crossing is not None:  # "Kolonel [Inf Ariful Hidayat]": the corps is not the name
            ents[ents.index(crossing)] = Span(doc, start, crossing.end, label="PERSON")
            changed = True
            continue
        end = start
        while (end < len(doc) and end - start < 4 and end not in taken
               and not doc[end].is_sent_start and _name_word(doc, end, names)):
            end += 1
        ent = by_start.pop(end, None)
        if ent is not None and (ent.label_ == "PERSON" or (rank and end == start)) and len(
                ent) <= 4 - (end - start) and all(_is_capitalised(t.text) for t in ent):
            ents.remove(ent)  # "AKBP Ade [Ary Syam Indradi]", "Briptu [Rina]" typed LOC
            taken.difference_update(range(ent.start, ent.end))
            end = ent.end
        elif not 1 <= end - start <= 3:
            continue
        if _ends_a_name(doc, end, full_stop=True):
            ents.append(Span(doc, start, end, label="PERSON"))
            taken.update(range(start, end))
            changed = True
        elif ent is not None and ent not in ents:
            ents.append(ent)
    return sorted(ents, key=lambda span: span.start) if changed else list(doc.ents)


def _is_place_not_organisation(span: Span) -> bool:
    """Whether ``span``'s words are a place's name the gazetteer knows and no organisation's."""
    key = span_key(span)
    return key in gazetteer_place_keys() and key not in known_names_of("ORG")


def office_places(doc: Doc) -> list[Span]:
    """Place entities that only name an office: the place right after a title and the
    office's own words ("Gubernur [Jawa Tengah] Ahmad Luthfi", "Menteri Luar Negeri [Jepang]
    Kenji Morita", "Duta Besar RI untuk [Jepang]", "kunjungan Perdana Menteri [Jepang] ke
    Jakarta"), also where the recogniser typed the place an organisation ("Kapolres [Kutai
    Kartanegara]"). Cased news annotates them as no entity (IDNer 2k train: "Gubernur DKI Jakarta",
    "Menteri Inggris Tony Blair", "Gubernur New Mexico AS Bill ..." all O); the role phrase keeps
    the place. A place after an organisation's word is the organisation's ("Kepala Dinas
    Kesehatan [Kabupaten Sikka]") and stays. The component keeps them on ``doc._.office_places``,
    so that the graph still links the holder to the place ("Soegeng Rahardjo", ambassador to
    "Tiongkok").

    >>> import spacy
    >>> doc = spacy.blank("id")("Gubernur Jawa Tengah Ahmad Luthfi tiba di Semarang.")
    >>> doc.ents = [Span(doc, 1, 3, label="LOC"), Span(doc, 3, 5, label="PERSON"),
    ...             Span(doc, 7, 8, label="LOC")]
    >>> [e.text for e in office_places(doc)]
    ['Jawa Tengah']
    """
    ents = doc.ents
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    found = []
    for ent in ents:
        if ent.start == 0 or not (ent.label_ == "LOC" or (
                ent.label_ == "ORG" and _is_place_not_organisation(ent))):
            continue  # an organisation tagged on a place's name: "Kapolres [Kutai Kartanegara]"
        if ent[0].lower_ in HOSPITAL_HEADS:
            continue  # the institution its director heads (tagged a place by the written news,
            # 4 of 4), not a place naming an office: "Direktur [RSUD Pangeran Wiranata]"
        if (doc[ent.start - 1].lower_ == "di" and ent.start > 1
                and doc[ent.start - 2].text not in ("RI", "Indonesia")):
            continue  # "bertemu Menteri Pertahanan di [Jakarta]", "camat dan lurah di [Ujung]":
            # where they met, not the office; but "Konsul Jenderal RI di Jeddah"
        if _names_office(role_span(ent, taken), ent.start, taken):
            found.append(ent)
    # the same places the recogniser left untagged, known to the gazetteer, in a holder's role
    # phrase: "Duta Besar RI untuk Jepang Bambang Suryo Atmojo"
    places = gazetteer_place_keys()
    for ent in ents:
        role = role_span(ent, taken) if ent.label_ == "PERSON" else None
        k = ent.start if role is None else role.start + 1
        while k < ent.start:
            size = known_place_at(doc, k, places, ent.start)
            if (size and not taken.intersection(range(k, k + size))
                    and _names_office(role, k, taken)):
                found.append(Span(doc, k, k + size, label="LOC"))
            k += size or 1
    return sorted(found, key=lambda span: span.start)


def _names_office(role: Span | None, place_start: int, taken: set[int]) -> bool:
    """Whether a place starting at token ``place_start`` after the role phrase ``role`` only
    names the role's office: a role many hold names none ("tersangka di [Jakarta Barat]"), and a
    place after an organisation's word or entity is the organisation's ("Kepala Dinas Kesehatan
    [Kabupaten Sikka]", "Koordinator [Jatam] [Maluku Utara]")."""
    return role is not None and not any(t.lower_ in GENERIC_ROLES for t in role) and not any(
        t.lower_ in ORGANISATION_WORDS or t.i in taken
        for t in role.doc[role.start:place_start])


def known_place_at(doc: Doc, k: int, places: NameKeys, end: int | None = None) -> int:
    """Length of the longest known place's name (``places``, capitalised) that starts at token
    ``k`` and ends before ``end``, or 0.

    >>> import spacy
    >>> doc = spacy.blank("id")("Kepala Dinas Halmahera Tengah hadir")
    >>> known_place_at(doc, 2, {("halmahera", "tengah")})
    2
    """
    texts = token_texts(doc)
    last = len(texts) if end is None else end
    for size in range(min(MAX_PLACE_WORDS, last - k), 0, -1):
        words = texts[k:k + size]
        if (all(text[:1].isupper() or text == "-" for text in words)  # "Timor-Leste"
                and tuple(map(word_key, words)) in places):
            return size
    return 0


class TitleStripper:
    """Strips titles off PERSON entities and stores the role in ``span._.role``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        known_names()  # read the alias table and the gazetteer now, not on the first document
        gazetteer_place_keys()

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = apply_ranks(doc)
        found = sorted(missed_holders(doc) + role_holders(doc), key=lambda s: s.start - s.end)
        if found:
            kept: list[Span] = []
            for span in found:  # longest first; a person entity inside one is replaced by it
                if not any(k.start < span.end and span.start < k.end for k in kept):
                    kept.append(span)
            covered = {i for span in kept for i in range(span.start, span.end)}
            doc.ents = sorted([e for e in doc.ents if not covered.intersection(
                range(e.start, e.end))] + kept, key=lambda span: span.start)
        pairs = apply_titles(doc)
        doc.ents = [span for span, _ in pairs]
        offices = office_places(doc)
        doc._.office_places = [Span(doc, s.start, s.end, label="LOC") for s in offices]
        if offices:
            pairs = [(span, role) for span, role in pairs if span not in offices]
            doc.ents = [span for span, _ in pairs]
        for span, role in pairs:
            if role and not set(role.lower().split()) <= RELATIVES:  # "Ayah [Nadia]": her
                # father's noun, no role of hers
                doc.char_span(span.start_char, span.end_char, label=span.label_)._.role = role
        roles, appositions = bare_roles(doc)
        doc._.roles = roles
        for person, role in appositions:
            span = doc.char_span(person.start_char, person.end_char, label=person.label_)
            span._.role = f"{span._.role}; {role}" if span._.role else role
        return doc


@Language.factory("jalin_titles")
def make_title_stripper(nlp: Language, name: str) -> TitleStripper:
    """spaCy factory for :class:`TitleStripper`."""
    return TitleStripper(nlp, name)
