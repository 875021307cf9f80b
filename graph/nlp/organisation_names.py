"""Organisations named again by their short name: "Auralis Automobile GmbH ... Auralis menggandeng".

News names a company or body in full once and then by its first, distinctive word: "Hyundai Motor
Company" becomes "Hyundai", "PT Daeyang Energy Indonesia" becomes "Daeyang". A recogniser reading
sentence by sentence knows the full name by its legal form or its head word, but a short name it
has never seen is only a capitalised word; across the article it is the organisation again. This
is the one-sense-per-discourse idea (Gale, Church & Yarowsky 1992) that document-level NER uses
to make a name's later mentions agree with its clearest one (Krishnan & Manning 2006), here for
the short name only, as :func:`graph.nlp.person_names.named_again` does for people's surnames;
a short name the recogniser typed a person or a place is retyped when the company's full name
carries its legal form (:func:`retyped_short_names`).

The short name is the organisation's first word (after "PT"/"CV") when it tells the organisation
apart: capitalised, at least three letters, no common Indonesian word ("Bank", "Serikat"), no
organisation or place head ("Kementerian", "Kabupaten"), no known place ("Indonesia" of
"Indonesia Battery Corporation") and no word of a person or place the article names. A mention
is a standing-alone occurrence outside every entity: no capitalised word right before or after
it (that would be another, longer name).

A company the article introduces by its kind ("startup agritech Ladangku", "platform e-commerce
BelanjaKita", "maskapai Citilink") is an organisation wherever its one-word name stands
(:func:`organisations_by_kind`): an invented brand looks like a given name to the recogniser,
which types its mentions as people, places or nothing.

A one-word organisation the recogniser typed ORG more often than anything else in the article is
an organisation at its other mentions too (:func:`majority_organisations`: "CEO [Nalarin]",
"mendirikan [Nalarin]" ORG, "investasi di [Nalarin]" LOC, "Saat ini, [Nalarin] melayani"
PERSON).

A country's armed force or coast guard is one organisation with the country's name ("Penjaga
Pantai China", "Garda Revolusi Iran"; :func:`national_forces`), as ministries are ("Kementerian
Luar Negeri China").

Firms named after their partners are found here too: "Kantor Akuntan Publik Hendrawan, Sutanto &
Rekan", "Sihombing, Tan & Partners", "Bain & Company" (:func:`firm_names`): a recogniser takes
the surnames for people.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from graph.nlp.gazetteer import builtin_names, place_names, stands_alone
from graph.nlp.labels import (
    COMPANY_FORMS,
    COMPANY_HEADS,
    DEPARTMENT_ABBREVIATIONS,
    INSTITUTION_TAILS,
    KIND_NOUNS,
    LEADING_FUNCTION_WORDS,
    MAX_KIND_NAME_WORDS,
    ORG_HEADS,
    ORG_ONLY_TAILS,
    ORIGIN_WORDS,
    PLACE_NOUNS,
    TERM_ACRONYMS,
    common_words,
    is_cased,
    is_headline_case,
    one_word_votes,
    positions_of,
)
from graph.nlp.regional_offices import LIST_ENDS, OFFICE_HEADS, customs_offices
from graph.nlp.titles import (
    ENTERPRISE_HEADS,
    MIN_SHORT_NAME_LETTERS,
    company_names,
    company_openings,
    gazetteer_place_keys,
    known_place_at,
    short_name,
    span_key,
    title_length_at,
    titles_before,
    word_key,
)

FIRM_TAILS = frozenset({"rekan", "partners", "partner", "associates", "company"})
"""Words after "&" that end a firm's name: "& Rekan" (Indonesian law and accounting firms),
"& Partners", "& Associates", "& Company"."""

FIRM_JOINERS = frozenset({"&", "dan"})
"""Words before a firm's word after its partners' names: "& Rekan", "dan Rekan" ("KJPP Hartono
Wibowo dan Rekan", "KAP Purnomo, Susanto dan Rekan")."""

FIRM_SUFFIXES = frozenset({"law", "office", "firm", "lawyers", "consulting"})
"""Capitalised words that may follow a firm's name and belong to it: "& Partners Law Office"."""

MAX_FIRM_WORDS = 10


def firm_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with the firms named after their partners as ORG spans: the capitalised words,
    commas between them, before "&" or "dan" and a firm word (:data:`FIRM_TAILS`), or before "&"
    and a partner's name and
    a legal form ("Castellano & Reyes LLP"), which replace the entities they hold ("[Hendrawan],
    [Sutanto] & Rekan" as people).

    >>> import spacy
    >>> doc = spacy.blank("id")("Kantor Akuntan Publik Hendrawan, Sutanto & Rekan menolak.")
    >>> [e.text for e in firm_names(doc, [Span(doc, 3, 4, label="PERSON")])]
    ['Kantor Akuntan Publik Hendrawan, Sutanto & Rekan']
    """
    firms = []
    n = len(doc)
    for k in positions_of(doc, FIRM_JOINERS):
        if not (0 < k < n - 1 and doc[k + 1].text[:1].isupper() and doc[k - 1].text[:1].isupper()):
            continue
        if doc[k + 1].lower_ in FIRM_TAILS:
            tail = k + 2
        elif doc[k].text != "&":
            continue  # "dan" joins a firm's name only before its firm word: "dan Rekan"
        elif k + 2 < n and doc[k + 1].is_alpha and doc[k + 2].lower_ in COMPANY_FORMS:
            tail = k + 3  # "Castellano & Reyes LLP"
        else:
            continue
        start = k - 1
        while start > 0 and k - start < MAX_FIRM_WORDS and not doc[start].is_sent_start:
            before = doc[start - 1]
            if before.is_alpha and before.text[:1].isupper():
                start -= 1
            elif (before.text == "," and start > 1 and doc[start - 2].is_alpha
                  and doc[start - 2].text[:1].isupper() and not doc[start - 1].is_sent_start):
                start -= 2
            else:
                break
        while start < k - 1 and doc[start].lower_ in LEADING_FUNCTION_WORDS:
            start += 1  # "Sementara [Bain & Company]": the capital is the sentence's
        end = tail
        while (end < n and doc[end].lower_ in FIRM_SUFFIXES and doc[end].text[:1].isupper()):
            end += 1
        # an entity running into the firm from before keeps its words ("Yohanes [Sitorus")
        start = max([start, *(e.end for e in ents if e.start < start < e.end)])
        if start < k and not any(e.start < end < e.end for e in ents):
            firms.append(Span(doc, start, end, label="ORG"))
    if not firms:
        return ents
    kept = [e for e in ents if not any(f.start <= e.start and e.end <= f.end for f in firms)]
    return sorted(kept + firms, key=lambda span: span.start)


def _opens_compound(doc: Doc, k: int) -> bool:
    """Whether token ``k`` opens a hyphenated word, a product's or a model's name after its
    maker ("Cakrawala-1" of PT Cakrawala Satelit Nusantara, "Garuda-2")."""
    return k + 1 < len(doc) and not doc[k].whitespace_ and doc[k + 1].text == "-"


def one_word_company_names(companies: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The one-word keys among the company name keys ``companies`` (:func:`company_names`) that
    name nothing else: the name after a regional enterprise's kind or a legal form ("Perumda Air
    Minum [Tirtanadi]" ... "Direktur Utama [Tirtanadi]"), not a known place's ("PT Bali ..."), a
    common word's ("PT Timah"), a kind's or a legal form's.

    >>> sorted(one_word_company_names({("tirtanadi",), ("timah",), ("perumda",), ("geo", "dipa")}))
    [('tirtanadi',)]
    """
    places = gazetteer_place_keys()
    return {key for key in companies if len(key) == 1 and key not in places
            and key[0] not in common_words() and len(key[0]) >= MIN_SHORT_NAME_LETTERS
            and key not in ENTERPRISE_HEADS and key[0] not in COMPANY_HEADS}


def organisations_named_again(doc: Doc, ents: list[Span]) -> list[Span]:
    """New ORG spans where the article names an organisation again by its short name
    (:func:`short_name`), standing alone outside every entity or between a title and its
    holder.

    >>> import spacy
    >>> doc = spacy.blank("id")("Auralis Automobile GmbH membangun. Auralis menggandeng mitra.")
    >>> [e.text for e in organisations_named_again(doc, [Span(doc, 0, 3, label="ORG")])]
    ['Auralis']
    """
    short = {name for ent in ents if ent.label_ == "ORG" and (name := short_name(ent))}
    companies = company_names(ents)
    whole = {key for key in companies if len(key) >= 2}  # a whole name after its legal form
    # and kind: "PT Asuransi Jiwa Lintas Harapan" ... "manajemen [Lintas Harapan]"
    other = {t.text for ent in ents if ent.label_ in ("PERSON", "LOC") for t in ent}
    single = one_word_company_names(companies)
    whole |= single
    if not short and not whole:
        return []
    short -= other
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    person_starts = {ent.start for ent in ents if ent.label_ == "PERSON"}
    openings = sorted(company_openings(companies) | whole, key=len, reverse=True)
    firsts = {key[0] for key in whole}
    found = []
    for k in positions_of(doc, frozenset(name.lower() for name in short) | firsts):
        if (k in taken or (doc[k].text not in short and word_key(doc[k].text) not in firsts)
                or _opens_compound(doc, k)):
            continue
        end = next((k + len(key) for key in openings  # the longest first
                    if key[0] == word_key(doc[k].text)
                    and span_key(doc[k:k + len(key)]) == key
                    and not taken.intersection(range(k, k + len(key)))), k + 1)
        if end == k + 1 and doc[k].text not in short and (
                (word_key(doc[k].text),) not in single or doc[k].text in other
                or not doc[k].text[:1].isupper()):
            continue  # the first word of a longer name alone
        bounded = (end > k + 1 and span_key(doc[k:end]) in whole
                   and stands_alone(doc[k:end], common=True))  # of common words, capitalised:
        # "manajemen [Lintas Harapan]"
        if bounded or stands_alone(doc[k:end]) or (
                (end in person_starts or (end < len(doc) and doc[end].text == ","))
                and titles_before(doc, k) < k):
            found.append(Span(doc, k, end, label="ORG"))  # also "Presiden Direktur [Sakura]
            # Kenji Morimoto", "[Kanto Mobility] Hiroshi Tanabe", "Direktur Utama [Tirtanadi],
            # Hendra": the holder's company between the title and the holder
    return found


MAX_TAIL_NAME_WORDS = 4
"""Most capitalised words before an organisation's last word that the recogniser missed."""


def organisations_by_tail(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with each run of one to four capitalised words outside every entity that ends
    with a word only organisations' names end with (:data:`~graph.nlp.labels.ORG_ONLY_TAILS`)
    added as an organisation: "induk usaha perusahaan, [Rajang Agro Plantations Berhad] yang",
    "[Haneul Pictures]". A title ends the run ("Managing Partner [Sakura Frontier Capital]"), and
    a run that more capitalised words go on from is left (a longer name). An organisation
    entity that ends with such a word is lengthened over such words left out before it ("[Golden]
    Bay Group").

    >>> import spacy
    >>> doc = spacy.blank("id")("Induk usahanya, Rajang Agro Plantations Berhad, menolak.")
    >>> [e.text for e in organisations_by_tail(doc, [])]
    ['Rajang Agro Plantations Berhad']
    """
    tails = positions_of(doc, ORG_ONLY_TAILS)
    if not tails:
        return ents
    taken = {i for e in ents for i in range(e.start, e.end)}
    ents = _lengthened_to_the_left(doc, ents, set(tails), taken)
    found = []
    for k in tails:
        if (k in taken or not doc[k].text[:1].isupper() or doc[k].is_sent_start
                or (k + 1 < len(doc) and doc[k + 1].text[:1].isupper())):
            continue
        start = k
        while (start > 0 and k - start < MAX_TAIL_NAME_WORDS and start - 1 not in taken
               and doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper()
               and doc[start - 1].lower_ not in LEADING_FUNCTION_WORDS
               and not title_length_at(doc, start - 1)):
            start -= 1
            if doc[start].is_sent_start:
                break
            if (start > 1 and doc[start - 1].text == "&" and start - 2 not in taken
                    and doc[start - 2].text[:1].isupper() and doc[start - 2].is_alpha):
                start -= 1  # "Bill [&] Melinda Gates Foundation": one name
        if k > start and (start == 0 or not doc[start - 1].text[:1].isupper()
                          or title_length_at(doc, start - 1)):
            found.append(Span(doc, start, k + 1, label="ORG"))
            taken.update(range(start, k + 1))
    return sorted(ents + found, key=lambda span: span.start) if found else ents


def _run_start(doc: Doc, k: int, taken: set[int], most: int) -> int:
    """Start of the run of up to ``most`` capitalised words outside ``taken`` (no function word
    that opens a clause, no title) right before token ``k``."""
    start = k
    while (start > 0 and k - start < most and start - 1 not in taken
           and doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper()
           and doc[start - 1].lower_ not in LEADING_FUNCTION_WORDS
           and not title_length_at(doc, start - 1) and not doc[start].is_sent_start):
        start -= 1
    return start


def _lengthened_to_the_left(doc: Doc, ents: list[Span], tails: set[int],
                            taken: set[int]) -> list[Span]:
    """``ents`` with each organisation that ends with one of the words at ``tails`` lengthened
    over the capitalised words the recogniser left out before it, when a lower-case word or
    punctuation (not a title, not the sentence's start) precedes them: "kontraktor asal
    Tiongkok, [Hunan Xinda] Metallurgical Engineering Co Ltd", "milik [Golden] Bay Group". A
    name that opens with a company's legal form ("PT") is whole. ``taken`` is updated."""
    result = []
    for ent in ents:
        start = ent.start
        if (ent.label_ == "ORG" and ent.end - 1 in tails and not ent[0].is_sent_start
                and ent[0].lower_ not in COMPANY_HEADS):
            start = _run_start(doc, ent.start, taken, MAX_TAIL_NAME_WORDS - 1)
            if start < ent.start and (doc[start].is_sent_start or start == 0
                                      or doc[start - 1].text[:1].isupper()):
                start = ent.start  # a title's or a sentence's words before the name:
                # "Direktur Utama [PT ... Tbk]", "Saham [PT ... Tbk] naik"
        if start < ent.start:
            taken.update(range(start, ent.start))
            ent = Span(doc, start, ent.end, label="ORG")
        result.append(ent)
    return result


def retyped_short_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with each one-word person or place that is the short name (:func:`short_name`) of a
    company the article names with its legal form (:data:`~graph.nlp.labels.COMPANY_FORMS`,
    "PT") or a regional enterprise's kind ("Perumda Air Minum Tirtanadi" ... "[Tirtanadi]",
    :func:`one_word_company_names`), or of an institution named "... University", "... College"
    (:data:`~graph.nlp.labels.INSTITUTION_TAILS`: "Kingsmoor University" ... "[Kingsmoor]
    menggandeng"), made that organisation, unless a longer person's or place's name in the
    article holds the word: "Helix DataWorks Pte Ltd ... meminta [Helix] mendaftar" PERSON; so
    is a person or place of two words or more that opens such a company's name, or an entity
    that does so with the word before it: "PT Geo Dipa Energi (Persero) ... [Geo Dipa]
    menargetkan" PERSON, "Direktur Utama Geo [Dipa]" ORG.

    >>> import spacy
    >>> doc = spacy.blank("id")("Helix DataWorks Pte Ltd membangun. Ia meminta Helix mendaftar.")
    >>> ents = [Span(doc, 0, 4, label="ORG"), Span(doc, 8, 9, label="PERSON")]
    >>> [(e.text, e.label_) for e in retyped_short_names(doc, ents)]
    [('Helix DataWorks Pte Ltd', 'ORG'), ('Helix', 'ORG')]
    """
    companies = [ent for ent in ents if ent.label_ == "ORG" and (
        ent[0].lower_ in COMPANY_HEADS or any(t.lower_ in COMPANY_FORMS for t in ent)
        or (len(ent) >= 2 and ent[-1].lower_ in INSTITUTION_TAILS)  # "Kingsmoor University"
        or any(span_key(ent[:len(head)]) == head for head in ENTERPRISE_HEADS
               if len(ent) > len(head)))]  # "Perumda Air Minum Tirtanadi"
    if not companies:
        return ents
    short = {name for ent in companies if (name := short_name(ent))}
    short |= {ent[-1].text for ent in companies  # "Perumda Air Minum [Tirtanadi]"
              if (word_key(ent[-1].text),) in one_word_company_names(company_names([ent]))}
    openings = company_openings(company_names(companies))
    short -= {t.text for ent in ents if ent.label_ in ("PERSON", "LOC") and len(ent) > 1
              for t in ent}
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    result = []
    for e in ents:
        if (e.start and e.start - 1 not in taken and doc[e.start - 1].text[:1].isupper()
                and span_key(doc[e.start - 1:e.end]) in openings):
            e = Span(doc, e.start - 1, e.end, label="ORG")  # "Direktur Utama Geo [Dipa]"
        elif e.label_ in ("PERSON", "LOC") and (
                (len(e) == 1 and e.text in short)
                or (len(e) >= 2 and span_key(e) in openings
                    and not (e.label_ == "LOC" and e[0].lower_ in PLACE_NOUNS))):
            e = Span(doc, e.start, e.end, label="ORG")  # not "PT Teluk Weda Nikel Mandiri ...
            # kawasan [Teluk Weda]"
        result.append(e)
    return result


NOT_MODIFIERS = frozenset({"milik", "pimpinan", "asal", "berbasis", "binaan", "besutan",
                           "garapan", "bentukan", "keluarga", "induk", "mitra", "saingan",
                           "pesaing", "berinisial", "inisial"})
"""Lower-case words after a kind noun that introduce someone else than the company: its owner,
origin or rival ("perusahaan milik [Budi]"), or a person by initials ("pemilik perusahaan
rekanan berinisial [LTH]")."""


MAX_KIND_MODIFIERS = 3
"""Most lower-case words between a kind noun and the name ("perusahaan rintisan kecerdasan
buatan Nalarin")."""


def _active_or_passive_verb(token: Token) -> bool:
    """A meN- or di- verb: the kind noun is a clause's subject or object, not a name's
    introducer ("perusahaan menunda eksekusi PHK")."""
    return token.tag_ == "VB" and token.lower_.startswith(("me", "di"))


def _kind_named(doc: Doc, k: int) -> int:
    """Index of the one-word name a kind noun at token ``k`` introduces, or -1: right after it or
    after lower-case modifiers ("startup agritech Ladangku"), or as an apposition after its
    origin ("Startup agritech asal Indonesia, Panenku, ...")."""
    j = k + 1
    while (j < len(doc) and j - k <= MAX_KIND_MODIFIERS and doc[j].text.islower()
           and (doc[j].is_alpha or doc[j].text == "e-commerce")
           and doc[j].lower_ not in NOT_MODIFIERS and doc[j].lower_ not in LEADING_FUNCTION_WORDS
           and not _active_or_passive_verb(doc[j])):
        j += 1
    apposition = False
    if j < len(doc) and doc[j].lower_ in ORIGIN_WORDS:
        size = known_place_at(doc, j + 1, gazetteer_place_keys())
        if not size or j + size + 1 >= len(doc) or doc[j + size + 1].text != ",":
            return -1
        j, apposition = j + size + 2, True
    if j >= len(doc):
        return -1
    token = doc[j]
    after = doc[j + 1] if j + 1 < len(doc) else None
    if not (token.text[:1].isupper() and token.text.isalnum()
            and sum(ch.isalpha() for ch in token.text) >= MIN_SHORT_NAME_LETTERS):
        return -1  # "Ladangku", "NOVA7"
    if apposition:
        return j if after is not None and after.text == "," else -1
    return j if after is None or not after.text[:1].isupper() else -1


def organisations_by_kind(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with every standing-alone mention of a one-word name that a kind noun introduces
    (:data:`KIND_NOUNS`) made an organisation, whether the recogniser typed it a person or a
    place or missed it: "startup agritech Ladangku ... CEO [Ladangku] ... mendirikan
    [Ladangku]". A known place ("perusahaan Singapura"), a common word and a word of a person's
    name in the article are left.

    >>> import spacy
    >>> doc = spacy.blank("id")("Startup agritech Ladangku tumbuh. Kata Budi, Ladangku untung.")
    >>> [(e.start, e.label_) for e in organisations_by_kind(doc, [Span(doc, 8, 9, "PERSON")])]
    [(2, 'ORG'), (8, 'ORG')]
    """
    names = set()
    for k in positions_of(doc, KIND_NOUNS):
        j = _kind_named(doc, k)
        if j >= 0 and (doc[k].text.islower() or doc[k].is_sent_start):
            names.add(doc[j].text)
    if not names:
        return ents
    person_words = {t.text for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    names = {name for name in names if name not in person_words and name not in place_names()
             and name.lower() not in common_words() and name.lower() not in TERM_ACRONYMS}
    if not names:
        return ents
    kept = [Span(doc, e.start, e.end, label="ORG") if len(e) == 1 and e.text in names else e
            for e in ents]
    taken = {i for e in kept for i in range(e.start, e.end)}
    found = [Span(doc, k, k + 1, label="ORG")
             for k in positions_of(doc, frozenset(name.lower() for name in names))
             if doc[k].text in names and k not in taken and stands_alone(doc[k:k + 1])]
    return sorted(kept + found, key=lambda span: span.start)


def _kind_named_run(doc: Doc, k: int) -> Span | None:
    """The name of two or three capitalised words that a lower-case kind noun at token ``k``
    introduces right after it or after lower-case modifiers, followed by a lower-case word or
    punctuation ("maskapai [Khatulistiwa Air] yang", "band indie [Sora Kalangkang],"), or
    ``None``."""
    j = k + 1
    while (j < len(doc) and j - k <= MAX_KIND_MODIFIERS and doc[j].text.islower()
           and doc[j].is_alpha and doc[j].lower_ not in NOT_MODIFIERS
           and doc[j].lower_ not in LEADING_FUNCTION_WORDS):
        j += 1
    end = j
    while (end < len(doc) and end - j < MAX_KIND_NAME_WORDS + 1 and not doc[end].is_sent_start
           and doc[end].text[:1].isupper() and doc[end].text.isalnum()):
        end += 1
    if not 2 <= end - j <= MAX_KIND_NAME_WORDS or (
            end < len(doc) and doc[end].text[:1].isupper()):
        return None
    return doc[j:end]


def organisations_by_kind_runs(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with a name of two or three words that a lower-case kind noun introduces
    (:data:`KIND_NOUNS`: "maskapai [Khatulistiwa Air]", "band [Sora Kalangkang]") made an
    organisation where no entity or a person's or place's entity of exactly its extent holds it,
    at every mention standing alone. A known place or organisation, a name holding a word of a
    longer person's name in the article, and names of common words only are left.

    >>> import spacy
    >>> doc = spacy.blank("id")("Pesawat maskapai Khatulistiwa Air telat. Khatulistiwa Air rugi.")
    >>> [(e.text, e.label_) for e in organisations_by_kind_runs(doc, [])]
    [('Khatulistiwa Air', 'ORG'), ('Khatulistiwa Air', 'ORG')]
    """
    names: set[tuple[str, ...]] = set()
    introduced: set[int] = set()  # where a kind noun opening a sentence introduces a name
    for k in positions_of(doc, KIND_NOUNS):
        if not (doc[k].text.islower() or doc[k].is_sent_start):
            continue
        run = _kind_named_run(doc, k)
        if run is not None:
            names.add(tuple(t.text for t in run))
            if run.start == k + 1:
                introduced.add(run.start)
    if not names:
        return ents
    person_words = {t.text for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    names = {name for name in names if not person_words.intersection(name)
             and " ".join(name) not in builtin_names()
             and not all(word.lower() in common_words() for word in name)}
    if not names:
        return ents
    firsts = frozenset(name[0].lower() for name in names)
    owner = {i: e for e in ents for i in range(e.start, e.end)}
    result = list(ents)
    for k in positions_of(doc, firsts):
        for name in names:
            end = k + len(name)
            if tuple(t.text for t in doc[k:end]) != name or not (
                    stands_alone(doc[k:end]) or k in introduced or (
                    k > 0 and doc[k - 1].is_sent_start
                    and doc[k - 1].lower_ in LEADING_FUNCTION_WORDS
                    and stands_alone(doc[k - 1:end]))):  # "Selain [Khatulistiwa Air],"
                continue
            held = {owner[i] for i in range(k, end) if i in owner}
            exact = [e for e in held if (e.start, e.end) == (k, end)]
            if held and not (exact and exact[0].label_ in ("PERSON", "LOC")):
                continue
            result = [e for e in result if e not in held] + [Span(doc, k, end, label="ORG")]
    return sorted(result, key=lambda span: span.start)


_FIELD_HEADS = ORG_HEADS | OFFICE_HEADS
"""Head words of names that name fields after them ("Direktorat Jenderal Mineral dan
Batubara", "Kementerian Energi dan Sumber Daya Mineral")."""


def fields_joined_by_dan(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with an office's name the recogniser cut at its "dan" made one ORG: an
    organisation of two words or more opening with an organisation's or an office's head word
    (:data:`_FIELD_HEADS`), "dan", and one capitalised word, an organisation's
    entity or none, that is no acronym, no head word and no known name, before a lower-case word
    or punctuation: "[Direktorat Jenderal Mineral] dan [Batubara]"; after a name that lists its
    fields with commas and no "dan" yet, also ", dan" and the organisation's entity of any
    length that ends the list: "[Dinas Kepemudaan, Olahraga], dan [Pariwisata Kabupaten
    Wonogiri]". The inverse of
    :func:`~graph.nlp.labels.split_coordinated`, which cuts two names the recogniser joined.

    >>> import spacy
    >>> doc = spacy.blank("id")("lapor ke Direktorat Jenderal Mineral dan Batubara kemarin")
    >>> ents = [Span(doc, 2, 5, label="ORG"), Span(doc, 6, 7, label="ORG")]
    >>> [e.text for e in fields_joined_by_dan(doc, ents)]
    ['Direktorat Jenderal Mineral dan Batubara']
    """
    by_start = {e.start: e for e in ents}
    result: list[Span] = []
    skip = -1
    for ent in ents:
        if ent.start == skip:
            continue
        k = ent.end
        listing = (any(t.text == "," for t in ent)  # "[Dinas Kepemudaan, Olahraga], dan ..."
                   and not any(t.lower_ in LIST_ENDS for t in ent))  # its list not yet ended
        if listing and k + 1 < len(doc) and doc[k].text == ",":
            k += 1
        if (ent.label_ == "ORG" and len(ent) >= 2 and ent[0].lower_ in _FIELD_HEADS
                and ent[0].text[:1].isupper() and k + 2 <= len(doc) and doc[k].text == "dan"):
            word = doc[k + 1]
            after = by_start.get(k + 1)
            end = after.end if after is not None and listing else k + 2
            if (word.text[:1].isupper() and word.is_alpha and not word.is_upper
                    and word.lower_ not in ORG_HEADS and word.text not in builtin_names()
                    and (after is None or (after.label_ == "ORG" and (len(after) == 1
                                                                      or listing)))
                    and (end == len(doc) or not doc[end].text[:1].isupper())
                    and not any(e.start <= k + 1 < e.end for e in ents if e is not after)):
                result.append(Span(doc, ent.start, end, label="ORG"))
                skip = k + 1
                continue
        result.append(ent)
    return result


def majority_organisations(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with every one-word PERSON or LOC entity whose word the article's entities type
    ORG more often than PERSON and LOC together made ORG. Words of a longer person's or place's
    name in the article, known places and common words are left.

    >>> import spacy
    >>> doc = spacy.blank("id")("CEO Nalarin hadir. Nalarin tumbuh. Investasi di Nalarin naik.")
    >>> ents = [Span(doc, 1, 2, "ORG"), Span(doc, 4, 5, "ORG"), Span(doc, 9, 10, "LOC")]
    >>> [(e.start, e.label_) for e in majority_organisations(doc, ents)]
    [(1, 'ORG'), (4, 'ORG'), (9, 'ORG')]
    """
    votes = one_word_votes(ents, "ORG")
    names = {name for name, vote in votes.items() if vote > 0}
    if not names or not any(votes[e.text] > 0 and e.label_ != "ORG" for e in ents):
        return ents  # nothing typed otherwise (untagged mentions are the short names' business)
    longer = {t.text for e in ents if len(e) > 1 and e.label_ in ("PERSON", "LOC") for t in e}
    names = {name for name in names if name not in longer and name not in place_names()
             and name.lower() not in common_words()}
    return [Span(doc, e.start, e.end, label="ORG") if len(e) == 1 and e.text in names
            and e.label_ in ("PERSON", "LOC") else e for e in ents]


FORCE_NAMES = frozenset({
    ("penjaga", "pantai"), ("garda", "pantai"), ("angkatan", "laut"), ("angkatan", "darat"),
    ("angkatan", "udara"), ("angkatan", "bersenjata"), ("garda", "revolusi"),
    ("garda", "nasional"), ("pasukan", "pertahanan"), ("pasukan", "bela", "diri"),
    ("korps", "marinir")})
"""Names of a country's armed forces and coast guard, written capitalised before the country
("Angkatan Laut Kerajaan Inggris" is ORG in IDNer 2k train, as are "Angkatan Darat", "Angkatan
Laut")."""

FORCE_HEADS = frozenset(name[0] for name in FORCE_NAMES)

FORCE_COUNTRY_PREFIXES = frozenset({"Kerajaan", "Republik"})


def national_forces(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with each capitalised force's name (:data:`FORCE_NAMES`) and the known place
    after it made one ORG, replacing the entities inside: "kapal Penjaga Pantai [China]",
    "[Garda Revolusi] Iran" -> "Penjaga Pantai China", "Garda Revolusi Iran".

    >>> import spacy
    >>> doc = spacy.blank("id")("kapal Penjaga Pantai China mendekat")
    >>> [(e.text, e.label_) for e in national_forces(doc, [Span(doc, 3, 4, label="LOC")])]
    [('Penjaga Pantai China', 'ORG')]
    """
    places = gazetteer_place_keys()
    result = list(ents)
    for k in positions_of(doc, FORCE_HEADS):
        size = next((len(name) for name in FORCE_NAMES
                     if tuple(t.lower_ for t in doc[k:k + len(name)]) == name
                     and all(t.text[:1].isupper() for t in doc[k:k + len(name)])), 0)
        if not size:
            continue
        end = k + size
        if end < len(doc) and doc[end].text in FORCE_COUNTRY_PREFIXES:
            end += 1
        place = known_place_at(doc, end, places)
        if not place or any(e.start < k < e.end or e.start < end + place < e.end
                            for e in result):
            continue  # no country after it, or part of a longer entity
        result = [e for e in result if not (k <= e.start and e.end <= end + place)]
        result.append(Span(doc, k, end + place, label="ORG"))
    return sorted(result, key=lambda span: span.start)


NATIONAL_SUFFIXES = frozenset({"Indonesia", "Pusat"})
"""Words written after an organisation's name that name its Indonesian branch or body ("WWF
Indonesia", "Google Indonesia") or its central board ("KONI Pusat"): part of the name. Every
annotated source joins them (an organisation of two or three words ending with "Indonesia":
IDNer 2k train 10, NERGrit train 16, Jalin's written news 145; written as an organisation and
the place "Indonesia" after it: 0, 1 and 0)."""


def national_branches(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with each organisation followed by "Indonesia" or "Pusat"
    (:data:`NATIONAL_SUFFIXES`), untagged or a place entity of that word alone, lengthened over
    it: "[WWF] [Indonesia]" -> "WWF Indonesia", "[KONI] Pusat" -> "KONI Pusat". A capitalised
    word after it ends the name unless a person's name starts there, the office's holder ("Kepala
    Misi [IOM] [Indonesia] [Thomas Weissmann]"; not "Kawasan Indonesia Timur").

    >>> import spacy
    >>> doc = spacy.blank("id")("analis WWF Indonesia dan KONI Pusat menolak")
    >>> ents = [Span(doc, 1, 2, label="ORG"), Span(doc, 2, 3, label="LOC"),
    ...         Span(doc, 4, 5, label="ORG")]
    >>> [(e.text, e.label_) for e in national_branches(doc, ents)]
    [('WWF Indonesia', 'ORG'), ('KONI Pusat', 'ORG')]
    """
    starts = {e.start: e for e in ents}
    result = []
    skip = None
    for ent in ents:
        if ent is skip:
            continue
        k = ent.end
        if (ent.label_ == "ORG" and k < len(doc) and doc[k].text in NATIONAL_SUFFIXES
                and ent[-1].text not in NATIONAL_SUFFIXES and doc[k - 1].whitespace_ == " "
                and (k + 1 == len(doc) or not doc[k + 1].text[:1].isupper()
                     or getattr(starts.get(k + 1), "label_", None) == "PERSON")):
            after = starts.get(k)
            if after is None:  # the word is untagged (no entity runs over it: they do not overlap)
                ent = Span(doc, ent.start, k + 1, label="ORG")
            elif after is not None and len(after) == 1 and after.label_ == "LOC":
                ent, skip = Span(doc, ent.start, k + 1, label="ORG"), after
        result.append(ent)
    return result


def without_departments(ents: list[Span]) -> list[Span]:
    """``ents`` with an organisation that opens with a department's abbreviation
    (:data:`~graph.nlp.labels.DEPARTMENT_ABBREVIATIONS`) before a capitalised word cut after it:
    the department belongs to the holder's role, as in "Kepala Humas [Polda Bali]" ("Area Manager
    Communication, Relations & CSR [Pertamina Patra Niaga Regional Sumbagut]"). Run after the
    titles, which read the role with the department and split the holder off.

    >>> import spacy
    >>> doc = spacy.blank("id")("Manajer CSR Pertamina Patra Niaga hadir")
    >>> [e.text for e in without_departments([Span(doc, 1, 5, label="ORG")])]
    ['Pertamina Patra Niaga']
    """
    result = []
    for ent in ents:
        if (ent.label_ == "ORG" and len(ent) >= 2 and ent[0].text[:1].isupper()
                and ent[0].lower_ in DEPARTMENT_ABBREVIATIONS and ent[1].text[:1].isupper()
                and not ent[1].is_sent_start):
            ent = Span(ent.doc, ent.start + 1, ent.end, label="ORG")
        result.append(ent)
    return result


class OrganisationNames:
    """Adds the organisations an article names again by their short name (see the module)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not is_cased(doc) or is_headline_case(doc):
            return doc
        before = list(doc.ents)
        ents = national_branches(doc, national_forces(doc, majority_organisations(
            doc, retyped_short_names(
                doc, organisations_by_kind_runs(doc, organisations_by_kind(
                    doc, organisations_by_tail(doc, fields_joined_by_dan(doc, firm_names(
                        doc, before)))))))))
        found = organisations_named_again(doc, ents)
        if found:
            ents = sorted(ents + found, key=lambda span: span.start)
        ents = without_departments(customs_offices(doc, ents))
        if ents != before:
            doc.ents = ents
        return doc


@Language.factory("jalin_organisation_names")
def make_organisation_names(nlp: Language, name: str) -> OrganisationNames:
    """spaCy factory for :class:`OrganisationNames`."""
    return OrganisationNames(nlp, name)
