"""People's names the recogniser cut short or missed, completed from the rest of the article.

A news article names a person in full once ("Direktur Utama PT Borneo Prima Energi, Hendrawan
Tjahjadi") and then by one of their names ("kata Hendrawan", "Menurut Petrus"). The recogniser
reads a window of a few words, so it sometimes misses the short mention, or the first word of a
full name after a comma or a long role. This component mends these, on cased text only (not in
text written in capitals or title case, where capitals mark no names):

1. :func:`abbreviated_given_names`: "Muh." or "Moh." before a person is part of the name.
   :func:`extend_left`, :func:`extend_right`: a person span next to a capitalised word that can
   only be a name (no common word, no title, no organisation's or place's word, not part of a
   longer run of capitalised words) takes that word in ("Hendrawan [Tjahjadi]", "[Sri Wahyuni]
   Tamrin", "[Shinta] Widjaja [Kamdani]"), and the "I"/"Ni" of a Balinese name ("I [Wayan
   Koster]").
2. :func:`appositions`: two or three such words between commas before an active verb are the
   person a role introduces ("Ketua tim, [Nadia Prameswari], mengatakan").
3. :func:`split_pairs`: "pasangan [Ridwan Kamil]-[Suswono]" are two people;
   :func:`coordinated_places`: a "person" coordinated with a place after "di" is a place ("di
   Khan Younis dan [Deir al-Balah]").
4. :func:`named_again`: a run of capitalised words outside every entity that is a person's full
   name in the article, or one word that is the first or last word of one (and no common word,
   title, place or organisation), is that person; :func:`retyped_names`: so is such a word the
   recogniser tagged as an organisation or a place ("Anthony Albanese ... [Albanese]" ORG).
5. :func:`places_tagged_as_people`: the other way round, a one-word "person" that is a known
   place the article tags as a place elsewhere, and no word of a person's name there, is that
   place ("di Ankara ... karena [Ankara] menjaga hubungan").

(4) is the one-sense-per-discourse heuristic for names (Gale, Church & Yarowsky 1992, "One sense
per discourse"), used for NER as document-level label consistency (Krishnan & Manning 2006, "An
effective two-stage model for exploiting non-local dependencies in named entity recognition",
ACL): a string the article uses as a person's name keeps that sense throughout.
"""

from __future__ import annotations

from collections.abc import Container, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..dates import MONTHS, WEEKDAYS
from .labels import (
    ADMINISTRATIVE_HEADS,
    BALINESE_NAME_WORDS,
    DASHES,
    KIND_NOUNS,
    LEADING_FUNCTION_WORDS,
    LIST_JOINERS,
    ORGANISATION_WORDS,
    ORIGIN_WORDS,
    PLACE_NOUNS,
    ROUTE_HEADS,
    STRONG_PLACE_CUES,
    after_place_preposition,
    age_at,
    common_words,
    is_cased,
    is_headline_case,
    is_initials,
    is_name_like,
    is_org_only_tail,
    opens_clause,
    positions_of,
)
from .titles import (
    HONORIFICS,
    SURNAME_PARTICLES,
    area_words,
    gazetteer_place_keys,
    known_place_at,
    known_place_words,
    named_in_doc,
    only_honorifics,
    organisation_name_words,
    role_before,
    span_key,
    title_length_at,
    word_key,
)
from .token_lists import token_texts

MAX_NAME_WORDS = 4

NameSet = Container[tuple[str, ...]]
"""Name keys of the article's places and organisations (:func:`~graph.nlp.titles.named_in_doc`),
which the functions below compute when not given."""

GIVEN_NAME_OPENERS = frozenset("""
muhammad muhamad mohammad mohamad ahmad abdul siti sri nur nurul dewi andi agus dwi tri eka
""".split())
"""The commonest first words of Indonesian people's names, Arabic ("Muhammad", "Abdul", "Siti",
"Nur"), Javanese ("Sri", "Dwi", "Tri", "Eka": ordinal birth names) and Bugis ("Andi"); after an
office's name they open its holder's ("Kepala Dinas Peternakan Kabupaten Boyolali [Sri Wahyuni
Lestari]")."""

ABBREVIATED_GIVEN_NAMES = frozenset("muh. moh. moch. mochd. mhd. muhd. abd.".split())
"""Given names written short with a full stop, kept one token by the tokenizer
(graph/data/abbreviations.txt): "Moh. Mahfud", "Muh. Ilham Tajuddin", "Abd. Rahman". They are
part of the name (NERGrit train: "Muh Badri", "Abd al-..." inside the person), not a title, but
rare in the training data, so the recogniser leaves them out or mistypes the name."""

DATE_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
"""Day and month names, always capitalised, often right after a name ("kata Budi Senin")."""

PLACE_WORDS_BEFORE = PLACE_NOUNS | STRONG_PLACE_CUES | ADMINISTRATIVE_HEADS | frozenset("""
menuju kota kabupaten provinsi wilayah kawasan daerah distrik desa kecamatan kelurahan dusun
kampung negara negeri
""".split())
"""Words after which a name is a place's, not a person's ("distrik Isa", "Desa Sumber"): a first
name may also name a place."""


def _only_a_name(doc: Doc, k: int, names: NameSet, inner: bool = False) -> bool:
    """Whether token ``k`` can only be a word of a person's name: name-like, no common word or
    function word, no title, no word of an organisation's name ("Informatika" of "Menteri
    Komunikasi dan Informatika Budi Arie"; not checked for an ``inner`` word, between two
    words that are only names: "Endang [Sri] Hastuti") and no name of a place or
    organisation of the article, the alias table or the gazetteer (``names``)."""
    token = doc[k]
    lower = token.lower_
    return (is_name_like(token.text) and lower not in common_words()
            and lower not in LEADING_FUNCTION_WORDS and lower not in ORGANISATION_WORDS
            and (inner or lower not in organisation_name_words())
            and lower not in PLACE_WORDS_BEFORE
            and lower not in HONORIFICS  # "Datuk [Syamsir Effendi]"
            and not title_length_at(doc, k) and (word_key(token.text),) not in names)


def _ends_hyphenated_name(doc: Doc, k: int, names: NameSet) -> bool:
    """Whether token ``k`` ends a known name written with a hyphen ("Timor-[Leste]")."""
    return (k >= 2 and doc[k - 1].text == "-"
            and span_key(doc[k - 2:k + 1]) in names)


def extend_left(doc: Doc, ents: list[Span], names: NameSet | None = None) -> list[Span]:
    """``ents`` with each person span of up to three words extended over the one name word the
    recogniser left out before it (also a common word when an age in brackets follows the name:
    ", [Putri] Maharani (22),"), when the word before that is no capitalised word or the
    article names the person by that word alone ("Fraksi PDI Perjuangan [Theresia] Maria
    Kamuyen ... ujar Theresia"); or over the "I" or "Ni" that opens a Balinese name
    (:data:`BALINESE_NAME_WORDS`).

    >>> import spacy
    >>> doc = spacy.blank("id")("Direktur Utama PT Borneo, Hendrawan Tjahjadi, membantah.")
    >>> ents = [Span(doc, 2, 4, label="ORG"), Span(doc, 6, 7, label="PERSON")]
    >>> [e.text for e in extend_left(doc, ents)]
    ['PT Borneo', 'Hendrawan Tjahjadi']
    """
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    names = named_in_doc(ents) if names is None else names
    alone = {word_key(ent.text) for ent in ents if ent.label_ == "PERSON" and len(ent) == 1}
    areas = area_words(ents)  # "Desa Timbulsloko" ... "Kepala Desa Timbulsloko [Muhammad Rofiq]"
    result = []
    for ent in ents:
        k = ent.start - 1
        if (ent.label_ == "PERSON" and k >= 0 and k not in taken and doc[k].text in ("I", "Ni")
                and ent[0].lower_ in BALINESE_NAME_WORDS):
            ent = Span(doc, k, ent.end, label="PERSON")  # "I [Wayan Koster]"
            taken.add(k)
        elif (ent.label_ == "PERSON" and result and result[-1].end == ent.start
              and len(result[-1]) >= 2 and doc[k].text in ("I", "Ni")
              and ent[0].lower_ in BALINESE_NAME_WORDS):
            # "[Dinas Koperasi ... Provinsi Bali I] [Wayan Suarjana Putra]"
            before = result.pop()
            result.append(Span(doc, before.start, k, label=before.label_))
            ent = Span(doc, k, ent.end, label="PERSON")
        elif (ent.label_ == "PERSON" and len(ent) < MAX_NAME_WORDS and k >= 0 and k not in taken
                and not ent[0].is_sent_start and (_only_a_name(doc, k, names) or (
                    age_at(doc, ent.end) and is_name_like(doc[k].text)
                    and doc[k].lower_ not in LEADING_FUNCTION_WORDS
                    and not title_length_at(doc, k) and (word_key(doc[k].text),) not in names))
                and (k == 0 or doc[k].is_sent_start or not doc[k - 1].text[:1].isupper()
                     or word_key(doc[k].text) in alone)
                and not is_initials(doc, ent.start, ent.end)
                and not _ends_hyphenated_name(doc, k, names)
                and word_key(doc[k].text) not in areas):
            ent = Span(doc, k, ent.end, label="PERSON")
            taken.add(k)
        result.append(ent)
    return result


def first_names_in_offices(doc: Doc, ents: list[Span], names: NameSet) -> list[Span]:
    """``ents`` with a holder's first name that the recogniser put at the end of the office
    before it moved into the holder's name: "Kepala [SMA Negeri 3 Semarang Sri] [Endah
    Lestari]" -> "SMA Negeri 3 Semarang", "Sri Endah Lestari"; "CEO [Kartal Savunma
    Teknolojileri Murat] [Özkan]". The office is an organisation of four words or more that a
    title stands before; the holder, right after it, a person of one word or a place no one
    knows (a surname typed LOC) of one or two words; the moved word can only be a name's, or is
    one of the commonest first words of names (:data:`GIVEN_NAME_OPENERS`, before a person of
    two words too and after an office of two words: "Kepala Dinas Peternakan Kabupaten
    Boyolali [Sri Wahyuni Lestari]", "Anggota DPRD Karanganyar [Sri Wahyuni Lestari]").

    >>> import spacy
    >>> doc = spacy.blank("id")("kata CEO Kartal Savunma Teknolojileri Murat Ozkan kemarin")
    >>> ents = [Span(doc, 2, 6, label="ORG"), Span(doc, 6, 7, label="PERSON")]
    >>> [(e.text, e.label_) for e in first_names_in_offices(doc, ents, set())]
    [('Kartal Savunma Teknolojileri', 'ORG'), ('Murat Ozkan', 'PERSON')]
    """
    by_start = {ent.start: ent for ent in ents}
    places = gazetteer_place_keys()
    result = list(ents)
    for org in ents:
        holder = by_start.get(org.end)
        if (org.label_ != "ORG" or holder is None or len(holder) > 2
                or len(org) < (3 if org[-1].lower_ in GIVEN_NAME_OPENERS else 4)
                or is_org_only_tail(doc[org.end - 1])
                or holder.label_ not in ("PERSON", "LOC")):
            continue
        if holder.label_ == "LOC" and span_key(holder) in places:
            continue
        k = org.end - 1
        if holder.label_ == "LOC":  # the recogniser's slip is plain: a word of an
            # organisation's name may also be a given name ("Sri")
            moved = (is_name_like(doc[k].text) and doc[k].lower_ not in common_words()
                     and doc[k].lower_ not in ORGANISATION_WORDS and not title_length_at(doc, k)
                     and (word_key(doc[k].text),) not in names)
        else:  # a lone surname: not "Rektor Universitas Gadjah [Mada] [Ova Emilia]", "Direktur
            # Utama PT Farmasindo Prima [Lestari] [Leonardus Halim]"
            moved = ((len(holder) == 1 and _only_a_name(doc, k, names))
                     or (doc[k].lower_ in GIVEN_NAME_OPENERS and doc[k].is_title))
        if not moved or not role_before(org):
            continue
        result = [e for e in result if e is not org and e is not holder] + [
            Span(doc, org.start, k, label="ORG"), Span(doc, k, holder.end, label="PERSON")]
    return sorted(result, key=lambda span: span.start)


def abbreviated_given_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with a person span lengthened over an abbreviated given name written just before
    it (:data:`ABBREVIATED_GIVEN_NAMES`), and any span that opens with one typed PERSON.

    >>> import spacy
    >>> from graph.nlp.tokenization import add_abbreviations
    >>> nlp = spacy.blank("id")
    >>> _ = add_abbreviations(nlp.tokenizer)
    >>> doc = nlp("Menurut Muh. Ilham Tajuddin dan Mhd. Yusuf, jalan itu rusak.")
    >>> ents = [Span(doc, 2, 4, label="PERSON"), Span(doc, 5, 7, label="ORG")]
    >>> [(e.text, e.label_) for e in abbreviated_given_names(doc, ents)]
    [('Muh. Ilham Tajuddin', 'PERSON'), ('Mhd. Yusuf', 'PERSON')]
    """
    abbreviated = set(positions_of(doc, ABBREVIATED_GIVEN_NAMES))
    if not abbreviated:
        return ents
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    result = []
    for ent in ents:
        k = ent.start - 1
        if ent.start in abbreviated and len(ent) > 1:
            ent = Span(doc, ent.start, ent.end, label="PERSON")
        elif ent.label_ == "PERSON" and k in abbreviated and k not in taken:
            ent = Span(doc, k, ent.end, label="PERSON")
        result.append(ent)
    return result


def extend_right(doc: Doc, ents: list[Span], names: NameSet | None = None) -> list[Span]:
    """``ents`` with each person span of two or three words extended over one name word the
    recogniser left out after it ("[Sri Wahyuni] Tamrin menyarankan"), and one of one word after
    a title over one or two ("Pendeta [Yakobus] Magai berharap", "Ipda [Yohanes] Benu Seran,"),
    when a lower-case word or punctuation follows them and they are no day or month; two person
    spans with one such word between them are one name ("[Shinta] Widjaja [Kamdani]").

    >>> import spacy
    >>> doc = spacy.blank("id")("Pengamat Sri Wahyuni Tamrin menyarankan itu.")
    >>> [e.text for e in extend_right(doc, [Span(doc, 1, 3, label="PERSON")])]
    ['Sri Wahyuni Tamrin']
    """
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    names = named_in_doc(ents) if names is None else names
    people = {ent.start: ent for ent in ents if ent.label_ == "PERSON"}
    result: list[Span] = []
    skip = -1
    for ent in ents:
        if ent.start == skip:
            continue  # joined to the person before it
        k = ent.end
        after = people.get(k + 1)
        if (ent.label_ == "PERSON" and after is not None and k not in taken
                and len(ent) + 1 + len(after) <= MAX_NAME_WORDS + 1
                and doc[k - 1].whitespace_ == " " and doc[k].whitespace_ == " "
                and not doc[k].is_sent_start and not after[0].is_sent_start
                and doc[k].lower_ not in DATE_WORDS and _only_a_name(doc, k, names)):
            # "[Shinta] Widjaja [Kamdani]": one name the recogniser broke at its middle word
            result.append(Span(doc, ent.start, after.end, label="PERSON"))
            skip = after.start
            continue
        end = k  # over one name word, two after a one-word name with a title
        while (ent.label_ == "PERSON" and end - k < (2 if len(ent) == 1 else 1)
               and len(ent) + end - k < MAX_NAME_WORDS and end + 1 < len(doc)
               and end not in taken and not doc[end].is_sent_start
               and doc[end - 1].whitespace_ == " " and doc[end].lower_ not in DATE_WORDS
               and _only_a_name(doc, end, names)):
            end += 1
        if (end > k and not doc[end].text[:1].isupper() and not is_initials(doc, ent.start, ent.end)
                and (len(ent) >= 2 or role_before(ent, taken))):
            ent = Span(doc, ent.start, end, label="PERSON")  # "Ipda [Yohanes] Benu Seran,"
            taken.update(range(k, end))
        result.append(ent)
    return result


PATRONYMIC_WORDS = frozenset({"bin", "binti"})
"""Words between a person's own name and the father's ("Siti Maryam binti Muhammad Saleh"),
after which news names the person by the own name only ("Maryam")."""


def own_names(ents: Iterable[Span]) -> list[Span]:
    """The PERSON spans of ``ents``, each cut before its patronymic (:data:`PATRONYMIC_WORDS`).

    >>> import spacy
    >>> doc = spacy.blank("id")("Siti Maryam binti Muhammad Saleh")
    >>> [e.text for e in own_names([Span(doc, 0, 5, label="PERSON")])]
    ['Siti Maryam']
    """
    result = []
    for ent in ents:
        if ent.label_ == "PERSON":
            cut = next((i for i in range(1, len(ent)) if ent[i].lower_ in PATRONYMIC_WORDS), 0)
            result.append(ent[:cut] if cut else ent)
    return result


def named_again(doc: Doc, ents: list[Span], names: NameSet | None = None) -> list[Span]:
    """New PERSON spans where the article names again a person it names elsewhere: a run of
    capitalised words outside every entity that is the person's full name, or one word that is
    a two-to-four-word name's first or last word or a one-word name, and only a name
    (:func:`_only_a_name`). A run opening a sentence may begin with a capitalised function word
    ("Menurut Petrus").

    >>> import spacy
    >>> doc = spacy.blank("id")("Kepala dinas Petrus Ratu hadir. Kasus turun, kata Petrus.")
    >>> [e.text for e in named_again(doc, [Span(doc, 2, 4, label="PERSON")])]
    ['Petrus']
    """
    people = [ent for ent in own_names(ents) if len(ent) <= MAX_NAME_WORDS
              and not is_initials(doc, ent.start, ent.end)]
    if not people:
        return []
    full = {tuple(word_key(t.text) for t in ent) for ent in people}
    parts = {word_key(ent[i].text) for ent in people for i in {0, len(ent) - 1}}
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    names = named_in_doc(ents) if names is None else names
    found = []
    n = len(doc)
    seen: set[int] = set()
    words = frozenset(t.lower_ for ent in people for t in ent)
    for k in positions_of(doc, words):  # only runs holding a word of a person's name
        if k in taken or not is_name_like(doc[k].text):
            continue
        start = end = k
        while (start > 0 and start - 1 not in taken and is_name_like(doc[start - 1].text)
               and not doc[start].is_sent_start):
            start -= 1
        if start in seen:
            continue
        seen.add(start)
        while end < n and end not in taken and is_name_like(doc[end].text) and (
                end == start or not doc[end].is_sent_start):
            end += 1
        opening = doc[start].lower_
        if doc[start].is_sent_start and (opening in LEADING_FUNCTION_WORDS
                                         or opening in common_words()):
            start += 1  # "Menurut [Petrus]": the capital is the sentence's
        if start == end or end - start > MAX_NAME_WORDS or "&" in (
                doc[start - 1].text if start else "", doc[end].text if end < n else ""):
            continue  # "kantor hukum Sitorus & Partners": a firm's name
        keys = tuple(word_key(t.text) for t in doc[start:end])
        if (keys in full or (len(keys) == 1 and keys[0] in parts)) and all(
                _only_a_name(doc, j, names) for j in range(start, end)) and not (
                start and doc[start - 1].lower_ in PLACE_WORDS_BEFORE):
            found.append(Span(doc, start, end, label="PERSON"))
    return found


def retyped_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with a one-word organisation or place that is the first or last word of a
    person's two-to-four-word name in the article, and only a name (:func:`_only_a_name`, with
    the article's other places and organisations), made that person: "Perdana Menteri Australia
    Anthony Albanese ... [Albanese] juga mengonfirmasi" with "Albanese" tagged ORG; so is an
    organisation or place of two or three such words whose first or last word the article names
    alone as a person ("tendangan bebas [Bruno Tavares]" ORG ... "Bruno dan kawan-kawan"). The
    same one-sense-per-discourse reading as :func:`named_again`, for words the recogniser typed.

    >>> import spacy
    >>> doc = spacy.blank("id")("Pelatih Lucas Moreira hadir. Tembakan Moreira ditepis.")
    >>> ents = [Span(doc, 1, 3, label="PERSON"), Span(doc, 6, 7, label="LOC")]
    >>> [(e.text, e.label_) for e in retyped_names(doc, ents)]
    [('Lucas Moreira', 'PERSON'), ('Moreira', 'PERSON')]
    """
    people = [ent for ent in own_names(ents) if 2 <= len(ent) <= MAX_NAME_WORDS
              and not is_initials(doc, ent.start, ent.end)]
    parts = {word_key(ent[i].text) for ent in people for i in (0, len(ent) - 1)}
    alone = {word_key(ent.text) for ent in ents if ent.label_ == "PERSON" and len(ent) == 1
             and not is_initials(doc, ent.start, ent.end)}
    candidates = [ent for ent in ents if ent.label_ in ("ORG", "LOC") and (
        (len(ent) == 1 and word_key(ent[0].text) in parts) or (
            2 <= len(ent) <= 3 and {word_key(ent[0].text), word_key(ent[-1].text)} & alone
            and not is_org_only_tail(ent[-1])))]  # not "Hanbit Pictures" ... "[Hanbit]"
    if not candidates:
        return ents
    names = named_in_doc([ent for ent in ents if ent not in candidates])
    retyped = {ent.start for ent in candidates if all(
        _only_a_name(doc, k, names) for k in range(ent.start, ent.end)) and not (
        ent.start and doc[ent.start - 1].lower_ in PLACE_WORDS_BEFORE)}
    return [Span(doc, ent.start, ent.end, label="PERSON") if ent.start in retyped
            and ent in candidates else ent for ent in ents]


NOUN_FOLLOWERS = frozenset({"pada", "bagi", "terhadap", "ini", "itu", "tersebut"})
"""Words that follow a common noun opening a sentence ("Trauma pada anak", "Sabu itu
dikemas"), not a person who acts ("Akbar mengatakan"); word lists rather than the tagger's tags,
which a pipeline without concepts does not compute."""


def _function_word_follows(doc: Doc, k: int) -> bool:
    """Whether token ``k`` is one of :data:`NOUN_FOLLOWERS`, written in lower case."""
    return k < len(doc) and doc[k].text in NOUN_FOLLOWERS


def common_words_opening_sentences(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` without a one-word person that opens a sentence or a quotation, is a common word
    (:func:`~graph.nlp.labels.common_words`) no other person's name in the article holds, and
    is followed by a function word: "[Trauma] pada anak sering tidak kelihatan", where the
    capital is the sentence's; not "Akbar mengatakan", a person who acts.

    >>> import spacy
    >>> doc = spacy.blank("id")("Trauma pada anak tidak kelihatan.")
    >>> common_words_opening_sentences(doc, [Span(doc, 0, 1, label="PERSON")])
    []
    """
    openers = [ent for ent in ents if ent.label_ == "PERSON" and len(ent) == 1
               and opens_clause(doc, ent.start) and ent[0].lower_ in common_words()
               and _function_word_follows(doc, ent.end)]
    if not openers:
        return ents
    named = {t.lower_ for ent in ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
    dropped = {ent.start for ent in openers if ent[0].lower_ not in named
               and not is_initials(doc, ent.start, ent.end)}
    return [ent for ent in ents if ent.start not in dropped]


def places_tagged_as_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with a one-word person that is a known place (the gazetteer's) the article
    tags as a place elsewhere, or the name of a facility the article names with its head word
    ("Stadion Teladan" ... "renovasi [Teladan]"), or a word the article tags as a place right
    after "di" or "ke"
    (:data:`~graph.nlp.labels.PLACE_PREPOSITIONS`: "berbatasan dengan [Oecusse]" ... "jalur darat
    ke Oecusse"), or the name of an area the article writes after its administrative
    noun in a place or an organisation (:data:`~graph.nlp.labels.ADMINISTRATIVE_HEADS`:
    "Pemerintah Prefektur Aichi" ... "[Aichi]"), and that no other person's name in the article
    contains nor a rank or honorific stands before ("Ipda [Yohanes]" ... "berhenti di [Yohanes]";
    an office's title does not count: "Kapolsek [Benowo]"), made that
    place: "di Ankara ... karena [Ankara] menjaga hubungan", "bertemu di
    Istanbul, Turki ... menyatakan [Turki] siap". The one-sense-per-discourse reading of
    :func:`retyped_names`, for places; a person's name that is also a place's ("Paris Hilton
    ... Paris") stays a person.

    >>> import spacy
    >>> doc = spacy.blank("id")("Ia tiba di Ankara. Ankara menolak.")
    >>> ents = [Span(doc, 3, 4, label="LOC"), Span(doc, 5, 6, label="PERSON")]
    >>> [(e.text, e.label_) for e in places_tagged_as_people(doc, ents)]
    [('Ankara', 'LOC'), ('Ankara', 'LOC')]
    """
    candidates = [ent for ent in ents if len(ent) == 1 and ent.label_ == "PERSON"
                  and not is_initials(doc, ent.start, ent.end)]
    if not candidates:
        return ents
    areas = area_words(ents)  # "(Pemerintah) Prefektur Aichi", "Stadion Teladan"
    cued = {word_key(ent.text) for ent in ents
            if len(ent) == 1 and after_place_preposition(ent)}  # "ke [Oecusse]"
    places = (known_place_words(ents) | areas | cued) - {
        word_key(t.text) for ent in ents if ent.label_ == "PERSON"
        and (len(ent) > 1 or (ent._.role and only_honorifics(ent._.role))) for t in ent}
    # "Ipda [Yohanes]": a person by rank; not "Kapolsek [Benowo]", an office's place
    retyped = {ent.start for ent in candidates if word_key(ent.text) in places}
    if not retyped:
        return ents
    return [Span(doc, ent.start, ent.end, label="LOC") if ent.start in retyped else ent
            for ent in ents]


PERSONLESS_CUES = frozenset({"di", "asal", "air"})
"""Lower-case words that do not stand right before a person's name: of the benchmark's gold
entities, 1 person among 7,628 entities after "di" and 1 among 818 after "asal"; IDNer 2k train
none among 247 and 3 ("di" is a place's or an organisation's preposition, "asal" an origin's);
"air" ends a spring's or a waterfall's noun ("mata air [Oe Naek]", "air terjun"): no person
after it in the benchmark, IDNer 2k train or NERGrit train."""


def places_after_place_cues(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with a name the recogniser typed a person made a place wherever it is typed a
    person, when one of its mentions stands right after "di" or "asal"
    (:data:`PERSONLESS_CUES`): "tikungan [Sitinjau Lauik]" ... "jalan layang di [Sitinjau
    Lauik]", "pedagang asal [Lubok Antu]"; not when the article gives it a rank or an
    honorific, or writes it in a longer person's name ("Ipda Yohanes" ... "berhenti di
    [Yohanes]"), nor initials. :func:`places_tagged_as_people` reads the place the recogniser
    did tag after "di" or "ke".

    >>> import spacy
    >>> doc = spacy.blank("id")("Truk terguling di Sitinjau Lauik. Ruas Sitinjau Lauik rawan.")
    >>> ents = [Span(doc, 3, 5, label="PERSON"), Span(doc, 7, 9, label="PERSON")]
    >>> [(e.text, e.label_) for e in places_after_place_cues(doc, ents)]
    [('Sitinjau Lauik', 'LOC'), ('Sitinjau Lauik', 'LOC')]
    """
    texts = token_texts(doc)
    cued = {ent.text for ent in ents if ent.label_ == "PERSON" and ent.start > 0
            and texts[ent.start - 1] in PERSONLESS_CUES
            and not is_initials(doc, ent.start, ent.end)}
    if not cued:
        return ents
    people = [ent for ent in ents if ent.label_ == "PERSON"]
    cued -= {ent.text for ent in people if ent._.role and only_honorifics(ent._.role)}
    cued = {name for name in cued if not any(
        ent.text != name and f" {name} " in f" {ent.text} " for ent in people)}
    if not cued:
        return ents
    return [Span(doc, ent.start, ent.end, label="LOC")
            if ent.label_ == "PERSON" and ent.text in cued else ent for ent in ents]


_COMMA = frozenset({","})


def _verb_follows(doc: Doc, k: int) -> bool:
    """Whether token ``k`` is a lower-case active verb ("mengatakan", "menilai", "berharap")."""
    return k < len(doc) and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_.startswith(
        ("me", "ber"))


def appositions(doc: Doc, ents: list[Span]) -> list[Span]:
    """New entity list: two or three name words between commas before a verb are the person
    a role phrase introduces ("Ketua tim, [Nadia Prameswari], mengatakan", "... (CISSReC),
    [Haryo Pamungkas], menyebut"), found where the recogniser missed them or retyped where it
    made them a place the article does not otherwise know. Words that are not only names
    (:func:`_only_a_name`) are left alone.

    >>> import spacy
    >>> doc = spacy.blank("id")("Ketua tim, Nadia Prameswari, mengatakan alat itu murah.")
    >>> [(e.text, e.label_) for e in appositions(doc, [Span(doc, 3, 5, label="LOC")])]
    [('Nadia Prameswari', 'PERSON')]
    """
    names = named_in_doc([ent for ent in ents if ent.label_ != "LOC" or len(ent) != 2])
    by_start = {ent.start: ent for ent in ents}
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    result = list(ents)
    for comma in positions_of(doc, _COMMA):
        k = comma + 1
        if k > len(doc) - 3:
            continue
        ent = by_start.get(k)
        if ent is not None:
            if ent.label_ != "LOC" or not 2 <= len(ent) <= 3:
                continue
            end = ent.end
        else:
            end = k
            while end < len(doc) and end - k < 3 and end not in taken and is_name_like(
                    doc[end].text):
                end += 1
            if end - k < 2:
                continue
        if (end + 1 < len(doc) and doc[end].text == "," and _verb_follows(doc, end + 1)
                and _only_a_name(doc, k, names) and _only_a_name(doc, end - 1, names)
                and all(_only_a_name(doc, j, names, inner=True) for j in range(k + 1, end - 1))):
            if ent is not None:
                result.remove(ent)
            result.append(Span(doc, k, end, label="PERSON"))
    return sorted(result, key=lambda span: span.start)


MAX_AGED_NAME_WORDS = 3
"""Longest span of another type retyped a person's name before an age in brackets."""


def people_before_ages(doc: Doc, ents: list[Span]) -> list[Span]:
    """New entity list: the name words right before an age in brackets are a person's name
    ("[Kristoforus Bheda] (52), tokoh masyarakat", "istri almarhum, [Deysi Kalangi] (51)"),
    found where the recogniser missed them, or retyped where it made them a place or an
    organisation of up to :data:`MAX_AGED_NAME_WORDS` words that the article does not otherwise
    name ("[Markus Tandi Rapa] (47)" tagged a place). News gives ages in brackets to people
    only: in the benchmark's 1,399 articles every one of 1,604 capitalised words before such an
    age ends a person's name. Words that are not only names (:func:`_only_a_name`: a title, a
    common word opening the sentence, "Korban Hasnah (69)") are left out, and so is an age
    after a comma (", 23 tahun"), which also follows places and organisations' ages.

    >>> import spacy
    >>> doc = spacy.blank("id")("Warga desa, Sunarsih Rahayu (52), mengaku takut.")
    >>> [(e.text, e.label_) for e in people_before_ages(doc, [])]
    [('Sunarsih Rahayu', 'PERSON')]
    """
    ages = [k for k in positions_of(doc, frozenset({"("})) if k and age_at(doc, k)]
    if not ages:
        return ents
    by_end = {ent.end: ent for ent in ents}
    names = named_in_doc([ent for ent in ents if ent.end not in ages])
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    result = list(ents)
    for k in ages:
        ent = by_end.get(k)
        if ent is not None:
            if ent.label_ == "PERSON" or len(ent) > MAX_AGED_NAME_WORDS:
                continue
            start = ent.start
        else:
            start = k
            while (start > 0 and k - start < MAX_NAME_WORDS and start - 1 not in taken
                   and is_name_like(doc[start - 1].text) and not doc[start].is_sent_start):
                start -= 1
            while start < k and not _only_a_name(doc, start, names):
                start += 1  # "Korban [Hasnah] (69)", "Pak [Darto] (60)"
            if start == k:
                continue
        if not (_only_a_name(doc, start, names) and _only_a_name(doc, k - 1, names)
                and all(_only_a_name(doc, j, names, inner=True) for j in range(start + 1, k - 1))):
            continue
        if ent is not None:
            result.remove(ent)
        result.append(Span(doc, start, k, label="PERSON"))
    return sorted(result, key=lambda span: span.start)


def _place_like(ent: Span, ents: list[Span]) -> bool:
    """Whether a person or organisation span can be a place a list of places holds: no word of
    it in another person span of the article (the name is a person's there), and, for an
    organisation, at most two words, no organisation's word and no acronym ("Bint Jbeil", not
    "Polda Jabar", "Koperasi Serba Usaha Sinar Tani")."""
    words = {t.lower_ for t in ent}
    if any(other.label_ == "PERSON" and other is not ent and words & {t.lower_ for t in other}
           for other in ents):
        return False
    if ent.label_ == "ORG":
        return len(ent) <= 2 and not any(
            t.lower_ in ORGANISATION_WORDS or is_org_only_tail(t)
            or (t.is_upper and len(t) >= 2) for t in ent)
    return ent.label_ == "PERSON"


def coordinated_places(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with a person or organisation span that a list joins (by a comma, "dan", "serta"
    or "atau") to a place written after "di", "ke", "dari" or a place noun retyped as a place:
    "di Khan Younis dan [Deir al-Balah]", "kota Tyre, [Nabatieh], dan [Bint Jbeil]", "di West
    Allis, [Wisconsin], di pinggir" (:func:`_place_like`: not a name the article gives a
    person, not an organisation's). After a comma only, a name of more than one word that is no
    known place, or one that no joiner follows, is an apposition, not a list's member
    ("terbesar di Eropa, Bernard Matthews.", "mitranya dari Yordania, Ayman Safadi, di Amman").
    A last member the recogniser missed is added (:func:`_unnamed_last_place`: "di kawasan
    Canggu, Seminyak, dan [Ubud].").

    In IDNer 2k and NERGrit train, the entity after "di/ke/dari [place] dan" is a place 19 times,
    a person once, an organisation once.

    >>> import spacy
    >>> doc = spacy.blank("id")("tewas di Khan Younis dan Deir al-Balah pekan lalu")
    >>> ents = [Span(doc, 2, 4, label="LOC"), Span(doc, 5, 9, label="PERSON")]
    >>> [(e.text, e.label_) for e in coordinated_places(doc, ents)]
    [('Khan Younis', 'LOC'), ('Deir al-Balah', 'LOC')]
    """
    result = list(ents)
    added: list[Span] = []
    by_start = {ent.start: i for i, ent in enumerate(ents)}
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    places = gazetteer_place_keys()
    for ent in ents:
        if (ent.label_ != "LOC" or ent.start == 0
                or doc[ent.start - 1].lower_ not in LIST_PLACE_CUES):
            continue
        end = ent.end
        while True:
            k = end
            while k < len(doc) and doc[k].lower_ in LIST_JOINERS:
                k += 1
            j = by_start.get(k)
            if k > end and j is None:
                last = _unnamed_last_place(doc, end, k, taken)
                if last is not None:
                    added.append(last)
                break
            if k == end:
                break
            member = result[j]
            if member.label_ != "LOC":
                closes_list = any(doc[x].text != "," for x in range(end, k))
                listed_on = member.end < len(doc) and doc[member.end].lower_ in LIST_JOINERS
                if not (closes_list or (listed_on and (
                        len(member) == 1 or span_key(member) in places))):
                    break  # apposition: "di Eropa, [Bernard Matthews].", "dari Yordania,
                    # [Ayman Safadi], di Amman"
                if not _place_like(member, ents):
                    break
                result[j] = Span(doc, member.start, member.end, label="LOC")
            end = member.end
    if added:
        return sorted(result + added, key=lambda span: span.start)
    return result


MIN_LISTED_PLACES = 2
"""Fewest places a list must hold, and no fewer than persons and more than organisations, for
:func:`place_lists`."""


_LAST_JOINERS = LIST_JOINERS - {","}


def _lists(doc: Doc, ents: list[Span]) -> list[list[int]]:
    """Indices in ``ents`` of the members of each list of three or more entities: entities one
    after another with only commas between them and "dan", "serta" or "atau" (after a comma or
    not) before the last ("Timbulsloko, Bedono, Sriwulan, dan Surodadi")."""
    lists: list[list[int]] = []
    run: list[int] = []
    closed = False
    for i, ent in enumerate(ents):
        if run and not closed:
            between = [t.lower_ for t in doc[ents[run[-1]].end:ent.start]]
            if between == [","]:
                run.append(i)
                continue
            if between[-1:] and between[-1] in _LAST_JOINERS and between[:-1] in ([], [","]):
                run.append(i)
                closed = True
                continue
        if closed and len(run) >= 3:
            lists.append(run)
        run, closed = [i], False
    if closed and len(run) >= 3:
        lists.append(run)
    return lists


def place_lists(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with the person and organisation spans of a list of places retyped as places: a
    list of three or more names (:func:`_lists`) of which at least :data:`MIN_LISTED_PLACES`, no
    fewer than persons and more than organisations, are places holds places only ("Empat desa
    ... adalah Timbulsloko, [Bedono], Sriwulan, dan [Surodadi]"), where no place cue opens it
    (:func:`coordinated_places`). A member must be place-like (:func:`_place_like`: no word of
    another person's name of the article, no organisation's word or acronym) and no initials
    ("RT (38), warga Kelurahan Oesapa, Kota Kupang, dan [LW] (45)").

    >>> import spacy
    >>> doc = spacy.blank("id")("yakni Timbulsloko, Bedono, Sriwulan, dan Surodadi.")
    >>> ents = [Span(doc, 1, 2, label="PERSON"), Span(doc, 3, 4, label="LOC"),
    ...         Span(doc, 5, 6, label="LOC"), Span(doc, 8, 9, label="PERSON")]
    >>> [e.label_ for e in place_lists(doc, ents)]
    ['LOC', 'LOC', 'LOC', 'LOC']
    """
    retyped: set[int] = set()
    for members in _lists(doc, ents):
        labels = [ents[i].label_ for i in members]
        places = labels.count("LOC")
        if (places < MIN_LISTED_PLACES or places < labels.count("PERSON")
                or places <= labels.count("ORG")):
            continue
        for i in members:
            ent = ents[i]
            if ent.label_ in ("PERSON", "ORG") and not ent.text.isupper() and _place_like(
                    ent, [other for other in ents if other.text != ent.text or other is ent]):
                retyped.add(i)  # and the name's other person spans: "[Surodadi] ... pesisir
                retyped |= {j for j, other in enumerate(ents)  # [Surodadi]"
                            if other.label_ == "PERSON" and other.text == ent.text}
    if not retyped:
        return ents
    return [Span(doc, ent.start, ent.end, label="LOC") if i in retyped else ent
            for i, ent in enumerate(ents)]


ROUTE_NOUNS = frozenset({"ruas", "rute", "jalur", "trayek", "lintasan", "koridor"})
"""Lower-case nouns of a road's section or a route, written before the two places it joins with
a dash ("ruas Pondidaha–Morosi", "rute Medan–Sibolga"): the benchmark's gold tags the two ends
as two places 62 times, never a person; a road's own name after the noun ("ruas Tol
Batang-Semarang", 14 times) opens with a route head (:data:`~graph.nlp.labels.ROUTE_HEADS`)."""

MAX_ROUTE_END_WORDS = 3


def _route_end(doc: Doc, start: int) -> int:
    """Index past the run of up to :data:`MAX_ROUTE_END_WORDS` capitalised words from token
    ``start``."""
    k = start
    while (k < len(doc) and k - start < MAX_ROUTE_END_WORDS and doc[k].text[:1].isupper()
           and doc[k].is_alpha):
        k += 1
    return k


def route_ends(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with the two places a route noun's dash joins (:data:`ROUTE_NOUNS`: "ruas
    [Pondidaha]–[Morosi]") made places: each end that no entity holds is added, and one tagged
    a person or an organisation, exactly, retyped; an end that another entity only overlaps is
    left alone, and so is a road's own name ("ruas Tol Cipali", opening with a route head).

    >>> import spacy
    >>> doc = spacy.blank("id")("untuk ruas Wawotobi–Bondoala sepanjang 9 kilometer")
    >>> [(e.text, e.label_) for e in route_ends(doc, [Span(doc, 2, 3, label="PERSON")])]
    [('Wawotobi', 'LOC'), ('Bondoala', 'LOC')]
    """
    texts = token_texts(doc)
    cues = [k for k, text in enumerate(texts) if text in ROUTE_NOUNS]
    if not cues:
        return ents
    by_span = {(ent.start, ent.end): i for i, ent in enumerate(ents)}
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    result = list(ents)
    added: list[Span] = []
    for cue in cues:
        first_end = _route_end(doc, cue + 1)
        if (first_end == cue + 1 or first_end + 1 >= len(doc)
                or texts[first_end] not in DASHES
                or doc[first_end - 1].whitespace_ or doc[first_end].whitespace_
                or doc[cue + 1].lower_ in ROUTE_HEADS):
            continue
        second_end = _route_end(doc, first_end + 1)
        if second_end == first_end + 1:
            continue
        for start, end in ((cue + 1, first_end), (first_end + 1, second_end)):
            i = by_span.get((start, end))
            if i is not None:
                if result[i].label_ in ("PERSON", "ORG"):
                    result[i] = Span(doc, start, end, label="LOC")
            elif not any(k in taken for k in range(start, end)):
                added.append(Span(doc, start, end, label="LOC"))
                taken |= set(range(start, end))
    if added:
        return sorted(result + added, key=lambda span: span.start)
    return result


def _unnamed_last_place(doc: Doc, end: int, k: int, taken: set[int]) -> Span | None:
    """The last member of a list of places that the recogniser left out, if tokens ``end`` to
    ``k`` join it to the list with "dan", "serta" or "atau": one or two name-like words outside
    every entity that end the clause ("di kawasan Canggu, Seminyak, dan [Ubud]."), none a date's
    word, a common or function word; what follows is punctuation or a lower-case word, not one
    inside a foreign name (:data:`FOREIGN_NAME_PARTICLES`).

    >>> import spacy
    >>> doc = spacy.blank("id")("di Canggu dan Ubud.")
    >>> _unnamed_last_place(doc, 2, 3, set()).text
    'Ubud'
    """
    if not any(doc[x].lower_ in ("dan", "serta", "atau") for x in range(end, k)):
        return None
    stop = k
    while (stop < len(doc) and stop - k < 2 and stop not in taken
           and is_name_like(doc[stop].text) and doc[stop].text not in DATE_WORDS
           and doc[stop].lower_ not in common_words()
           and doc[stop].lower_ not in LEADING_FUNCTION_WORDS
           and doc[stop].lower_ not in ORGANISATION_WORDS
           and doc[stop].lower_ not in PLACE_WORDS_BEFORE):
        stop += 1
    if stop == k or (stop < len(doc) and (
            stop in taken or doc[stop].is_title or doc[stop].is_upper
            or doc[stop].lower_ in FOREIGN_NAME_PARTICLES)):  # "[Prince of Songkla University]"
        return None
    return Span(doc, k, stop, label="LOC")


FOREIGN_NAME_PARTICLES = SURNAME_PARTICLES | {"of", "the", "and", "for"}
"""Lower-case words inside a foreign name (the surnames' particles and the English function
words: "Prince of Songkla University", "Rio de Janeiro"): the name goes on after them."""

LIST_PLACE_CUES = PLACE_WORDS_BEFORE - {"negara", "negeri", "daerah"}
"""Words after which a list is one of places: those of :data:`PLACE_WORDS_BEFORE` but the words
of a nationality or origin ("warga negara Malaysia, serta Ahmad Sofyan")."""


PEOPLE_JOINERS = LIST_JOINERS - {"atau"}
"""Words that join a list of people: a comma, "dan", "serta" ("atau" offers alternatives)."""
LIST_OPENERS = frozenset({"yakni", "yaitu", "ialah", "adalah", ":"})
"""Words that open a list ("empat mahasiswa lainnya, yakni Riefky Pradipta Baihaqie, ...")."""


def particle_joined_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with two person spans that a surname's particle joins (:data:`SURNAME_PARTICLES`:
    "da", "dos", "van", "von") made one name, as the recogniser sometimes cuts a Portuguese,
    Dutch or German name at its particle: "[Joaquim] da [Costa]" -> "Joaquim da Costa"; also
    over a given name left untagged before the particle ("Joaquim da [Costa]").

    >>> import spacy
    >>> doc = spacy.blank("id")("pembeli Joaquim da Costa mengaku")
    >>> ents = [Span(doc, 1, 2, label="PERSON"), Span(doc, 3, 4, label="PERSON")]
    >>> [e.text for e in particle_joined_names(doc, ents)]
    ['Joaquim da Costa']
    """
    result: list[Span] = []
    for ent in ents:
        previous = result[-1] if result else None
        k = ent.start
        while k > 0 and ent.start - k < 2 and doc[k - 1].text in SURNAME_PARTICLES:
            k -= 1
        if ent.label_ != "PERSON" or k == ent.start or k == 0:
            result.append(ent)
        elif previous is not None and previous.label_ == "PERSON" and previous.end == k:
            result[-1] = Span(doc, previous.start, ent.end, label="PERSON")
        elif ((previous is None or previous.end < k) and is_name_like(doc[k - 1].text)
              and not doc[k - 1].is_sent_start and doc[k - 1].lower_ not in common_words()):
            result.append(Span(doc, k - 1, ent.end, label="PERSON"))  # "Joaquim da [Costa]"
        else:
            result.append(ent)
    return result


def listed_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with two to four name words that stand, outside every entity, before a person of a
    list and after another or after a word that opens the list (:data:`LIST_OPENERS`) made that
    person: "Rahmad Dwi Ardhiansyah, [Riefky Pradipta Baihaqie], Muhammad Nuri Nuha Naufal dan
    Aprilia Maharani", "yakni [Riefky Pradipta Baihaqie], Muhammad Nuri"; so are such words the
    recogniser typed an organisation (:func:`_listed_as_people`). A list's members
    are alike (coordination joins constituents of one kind); words that are not only names
    (:func:`_only_a_name`: "Jakarta", "Polda") are left.

    >>> import spacy
    >>> doc = spacy.blank("id")("yakni Rahmad Dwi, Riefky Pradipta Baihaqie, dan Aprilia Maharani.")
    >>> ents = [Span(doc, 1, 3, label="PERSON"), Span(doc, 9, 11, label="PERSON")]
    >>> [e.text for e in listed_people(doc, ents)]
    ['Rahmad Dwi', 'Riefky Pradipta Baihaqie', 'Aprilia Maharani']
    """
    people = [e for e in ents if e.label_ == "PERSON"]
    if not people:
        return ents
    person_starts = {e.start for e in people}
    taken = {i for e in ents for i in range(e.start, e.end)}
    names = named_in_doc([e for e in ents if e.label_ != "PERSON"])
    found = []
    openers = [k + 1 for k in positions_of(doc, LIST_OPENERS)]
    after_a_person = [e.end + 1 for e in people if e.end < len(doc) and doc[e.end].text == ","]
    for start in sorted(set(openers + after_a_person)):
        end = start
        while (end < len(doc) and end - start < MAX_NAME_WORDS and end not in taken
               and _only_a_name(doc, end, names)):
            end += 1
        joiner = end
        while joiner < len(doc) and doc[joiner].lower_ in PEOPLE_JOINERS:
            joiner += 1
        if end - start >= 2 and joiner > end and joiner in person_starts:
            found.append(Span(doc, start, end, label="PERSON"))
    retyped = _listed_as_people(doc, ents, names)
    if not found and not retyped:
        return ents
    kept = [Span(doc, e.start, e.end, label="PERSON") if e.start in retyped else e for e in ents]
    return sorted(kept + found, key=lambda span: span.start)


def _joiners(doc: Doc, left: Span | None, right: Span | None) -> set[str] | None:
    """The list joiners (:data:`PEOPLE_JOINERS`) that stand between two spans, all there is
    between them, or ``None`` if something else does or nothing does."""
    if left is None or right is None or left.end >= right.start:
        return None
    words = {doc[k].lower_ for k in range(left.end, right.start)}
    return words if words <= PEOPLE_JOINERS else None


def _listed_as_people(doc: Doc, ents: list[Span], names: NameSet) -> set[int]:
    """Starts of the organisation spans of two to four words that are only names
    (:func:`_only_a_name`, no organisation's last word) and that a list joins to a person:
    "dibintangi [Laras Ayuningtyas] ORG, Bima Satria Nugroho, dan [Citra Kirana] ORG", when that
    person's name has two words or more, all name-like. The list has three members or more, or
    "dan"/"serta" joins the two; two names a comma alone joins are a name and its apposition
    ("Pebalap Ducati Lenovo Team, Alejandro Ferran,")."""
    retyped = set()
    for i, ent in enumerate(ents):
        if ent.label_ != "ORG" or not 2 <= len(ent) <= MAX_NAME_WORDS:
            continue
        neighbours = [ents[j] if 0 <= j < len(ents) else None for j in range(i - 2, i + 3)]
        far_before, before, _, after, far_after = neighbours
        listed = False
        for near, far, joined in ((before, far_before, _joiners(doc, before, ent)),
                                  (after, far_after, _joiners(doc, ent, after))):
            if (joined is None or near is None or near.label_ != "PERSON" or len(near) < 2
                    or not all(is_name_like(t.text) for t in near)):
                continue  # weak evidence: "Tyre, [Nabatieh], dan Bint Jbeil", "[Karlsruher
                # Institut für Technologie]" PERSON
            further = (_joiners(doc, far, near) if near is before
                       else _joiners(doc, near, far))
            listed = listed or joined != {","} or further is not None
        if listed and all(_only_a_name(doc, k, names) and not is_org_only_tail(doc[k])
                          for k in range(ent.start, ent.end)):
            retyped.add(ent.start)
    return retyped


PAIR_WORDS = frozenset({"pasangan", "paslon", "duet", "duo", "pemenangan"})
"""Words before two names joined by a hyphen that make them two people, a ticket of candidates
("pasangan Ridwan Kamil-Suswono", "Tim Pemenangan Benny-Zulkarnain"): IDNer 2k train writes
such pairs as two people every time (16 of 16), while a double surname is one ("Ines
Fournier-Haddad")."""


def split_pairs(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with a person span made of two names joined by a hyphen after a word for a pair
    (:data:`PAIR_WORDS`) split into the two people.

    >>> import spacy
    >>> doc = spacy.blank("id")("pasangan Ridwan Kamil-Suswono diusung koalisi")
    >>> [e.text for e in split_pairs(doc, [Span(doc, 1, 5, label="PERSON")])]
    ['Ridwan Kamil', 'Suswono']
    """
    after_pair_word = {k + 1 for k in positions_of(doc, PAIR_WORDS)}
    if not after_pair_word:
        return ents
    result = []
    for ent in ents:
        hyphen = None
        if ent.label_ == "PERSON" and ent.start in after_pair_word:
            hyphen = next((t.i for t in ent[1:-1] if t.text == "-" and not doc[t.i - 1].whitespace_
                           and not t.whitespace_ and doc[t.i + 1].text[:1].isupper()), None)
        if hyphen is not None:
            result += [Span(doc, ent.start, hyphen, label="PERSON"),
                       Span(doc, hyphen + 1, ent.end, label="PERSON")]
        else:
            result.append(ent)
    return result


_SLASHES = frozenset({"/"})
MAX_PAIR_NAME_WORDS = 3


def _name_run(doc: Doc, k: int, step: int) -> int:
    """The index just past the run of up to :data:`MAX_PAIR_NAME_WORDS` name-like words from
    token ``k`` in direction ``step`` (+1 or -1); going left, the run ends at a sentence's
    first word."""
    j = k
    while 0 <= j < len(doc) and abs(j - k) < MAX_PAIR_NAME_WORDS and is_name_like(doc[j].text):
        if step < 0 and doc[j].is_sent_start:
            return j - 1
        j += step
    return j


def slash_pairs(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with two names joined by a slash, a doubles pair in sports news ("ganda campuran
    Galih Pramudya/Meilani Hartono"), made two people when the recogniser typed a person on
    either side: it often types the first name an organisation. Words that are not only names
    (:func:`_only_a_name`: "Kodam III/Siliwangi") are left.

    >>> import spacy
    >>> doc = spacy.blank("id")("ganda putra Fajar Alfian/Rian Ardianto menang")
    >>> ents = [Span(doc, 2, 4, label="ORG"), Span(doc, 5, 7, label="PERSON")]
    >>> [(e.text, e.label_) for e in slash_pairs(doc, ents)]
    [('Fajar Alfian', 'PERSON'), ('Rian Ardianto', 'PERSON')]
    """
    slashes = [k for k in positions_of(doc, _SLASHES) if 0 < k < len(doc) - 1
               and not doc[k - 1].whitespace_ and not doc[k].whitespace_]
    if not slashes:
        return ents
    names = named_in_doc([ent for ent in ents if ent.label_ != "PERSON"])
    result = list(ents)
    for k in slashes:
        left, right = _name_run(doc, k - 1, -1) + 1, _name_run(doc, k + 1, 1)
        if left >= k or right <= k + 1:
            continue
        touching = [e for e in result if e.start < right and left < e.end]
        if (not any(e.label_ == "PERSON" for e in touching)
                or any(e.start < left or e.end > right for e in touching)
                or not all(_only_a_name(doc, j, names) for j in (*range(left, k),
                                                                 *range(k + 1, right)))):
            continue
        result = [e for e in result if e not in touching] + [
            Span(doc, left, k, label="PERSON"), Span(doc, k + 1, right, label="PERSON")]
    return sorted(result, key=lambda span: span.start)


MAX_KIND_DISTANCE = 5
"""How far before "asal" a company's kind is looked for ("produsen mobil listrik asal Jerman")."""


def _after_a_kind(doc: Doc, k: int) -> bool:
    """Whether a company's or a group's kind noun or an organisation's word stands shortly
    before token ``k`` ("perusahaan asal Jepang, ...", "perusahaan Tokai Tunnel dari Jepang")."""
    return any(t.lower_ in KIND_NOUNS or t.lower_ in ORGANISATION_WORDS
               for t in doc[max(0, k - MAX_KIND_DISTANCE):k])


def origin_appositions(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with the two or three name words in apposition after a person's origin made
    that person, whatever the recogniser typed: "penyerang asal Brasil, [Rafael Bittencourt],",
    "pebalap asal Swedia, [Jonas Lindqvist] ORG, yang memimpin". Not after a company's or a
    group's kind ("perusahaan asal Jepang, Tokai Tunnel Engineering"), and only words that are
    only names (:func:`_only_a_name`).

    >>> import spacy
    >>> doc = spacy.blank("id")("penyerang asal Brasil, Rafael Bittencourt, mencetak gol")
    >>> ents = [Span(doc, 2, 3, label="LOC"), Span(doc, 4, 6, label="ORG")]
    >>> [(e.text, e.label_) for e in origin_appositions(doc, ents)]
    [('Brasil', 'LOC'), ('Rafael Bittencourt', 'PERSON')]
    """
    cues = positions_of(doc, ORIGIN_WORDS)
    if not cues:
        return ents
    places = gazetteer_place_keys()
    names = named_in_doc([ent for ent in ents if ent.label_ != "PERSON"])
    result = list(ents)
    for cue in cues:
        if _after_a_kind(doc, cue):
            continue  # a company's or a group's origin
        size = known_place_at(doc, cue + 1, places)
        comma = cue + 1 + size
        if not size or comma + 2 >= len(doc) or doc[comma].text != ",":
            continue
        start = comma + 1
        end = _name_run(doc, start, 1)
        if not 2 <= end - start <= 3 or (end < len(doc) and doc[end].text[:1].isupper()):
            continue
        if known_place_at(doc, start, places) or not all(
                _only_a_name(doc, j, names) and not is_org_only_tail(doc[j])
                for j in range(start, end)):
            continue  # "Auralis Automobile GmbH"
        touching = [e for e in result if e.start < end and start < e.end]
        if any(e.start < start or e.end > end for e in touching):
            continue
        result = [e for e in result if e not in touching] + [
            Span(doc, start, end, label="PERSON")]
    return sorted(result, key=lambda span: span.start)


_FROM = frozenset({"dari"})


def people_from_countries(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with a place or organisation of two or three words that are only names
    (:func:`_only_a_name`), followed by "dari" and a country or a place the gazetteer knows,
    made a person, and such words untagged after a lower-case word or a comma added as one: how
    sports news lists rivals ("disusul [Wu Yanting] dari China dan [Olga
    Petrenko] LOC dari Kazakhstan"). Not a known name, no organisation's last word ("Toyota
    Motor Corporation dari Jepang"), not after a company's or a group's kind.

    >>> import spacy
    >>> doc = spacy.blank("id")("disusul Wu Yanting dari China dan Olga Petrenko dari Kazakhstan")
    >>> ents = [Span(doc, 1, 3, label="ORG"), Span(doc, 4, 5, label="LOC"),
    ...         Span(doc, 6, 8, label="LOC"), Span(doc, 9, 10, label="LOC")]
    >>> [(e.text, e.label_) for e in people_from_countries(doc, ents)][::2]
    [('Wu Yanting', 'PERSON'), ('Olga Petrenko', 'PERSON')]
    """
    cues = [k for k in positions_of(doc, _FROM) if doc[k].text == "dari"]
    if not cues:
        return ents
    places = gazetteer_place_keys()
    before = {ent.end: ent for ent in ents if ent.label_ in ("ORG", "LOC") and 2 <= len(ent) <= 3}
    taken = {i for e in ents for i in range(e.start, e.end)}
    retyped: set[int] = set()
    found: list[Span] = []
    names = None
    for cue in cues:
        if not known_place_at(doc, cue + 1, places):
            continue
        ent = before.get(cue)
        if ent is not None:
            start = ent.start
        elif cue - 1 not in taken:  # untagged: ", [Andrés Felipe Mosquera] dari Kolombia"
            start = cue
            while start > 0 and cue - start < 3 and start - 1 not in taken and is_name_like(
                    doc[start - 1].text) and not doc[start - 1].is_sent_start:
                start -= 1
            if not 2 <= cue - start <= 3 or start == 0 or doc[start - 1].text[:1].isupper():
                continue
        else:
            continue
        if _after_a_kind(doc, start):
            continue  # "perusahaan Tokai Tunnel dari Jepang"
        if names is None:
            others = set(before.values())
            names = named_in_doc([e for e in ents if e.label_ != "PERSON" and e not in others])
        if (span_key(doc[start:cue]) in places
                or is_org_only_tail(doc[cue - 1])
                or not all(_only_a_name(doc, j, names) for j in range(start, cue))):
            continue
        if ent is not None:
            retyped.add(start)
        else:
            found.append(Span(doc, start, cue, label="PERSON"))
    if not retyped and not found:
        return ents
    return sorted([Span(doc, e.start, e.end, label="PERSON") if e.start in retyped else e
                   for e in ents] + found, key=lambda span: span.start)


class PersonNames:
    """Completes person spans cut short and finds people named again (see the module's text)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not is_cased(doc) or is_headline_case(doc):
            return doc
        before = list(doc.ents)
        names = named_in_doc(before)  # the recogniser's places and organisations: left as they are
        extended = extend_right(doc, extend_left(doc, first_names_in_offices(
            doc, abbreviated_given_names(doc, before), names), names), names)
        roles: dict[tuple[int, int], str] = {}  # kept by the lengthened or joined name
        for old in before:
            if old._.role:
                new = next(e for e in extended if e.start <= old.start and old.end <= e.end)
                roles.setdefault((new.start_char, new.end_char), old._.role)
        ents = extended
        for step in (particle_joined_names, listed_people, split_pairs, slash_pairs,
                     coordinated_places, appositions, people_before_ages, origin_appositions,
                     people_from_countries):
            ents = step(doc, ents)
        retyped = retyped_names(doc, ents)
        if retyped != ents:  # a name the recogniser typed an organisation or place is named
            # again as the person: "Siti Maryam binti ... [Maryam] ORG ... menjenguk Maryam"
            people = {(e.start, e.end) for e in retyped if e.label_ == "PERSON"}
            names = named_in_doc([e for e in before if (e.start, e.end) not in people])
            ents = retyped
        ents = sorted(ents + named_again(doc, ents, names), key=lambda span: span.start)
        ents = common_words_opening_sentences(doc, route_ends(doc, place_lists(
            doc, places_after_place_cues(doc, places_tagged_as_people(
                doc, retyped_names(doc, ents))))))
        if ents == before:
            return doc
        doc.ents = ents
        for (start, end), role in roles.items():
            span = doc.char_span(start, end, label="PERSON")
            if span is not None:
                span._.role = role
        return doc


@Language.factory("jalin_person_names")
def make_person_names(nlp: Language, name: str) -> PersonNames:
    """spaCy factory for :class:`PersonNames`."""
    return PersonNames(nlp, name)
