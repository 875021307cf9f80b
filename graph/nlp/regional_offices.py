"""A regional office's name is one organisation: "Dinas Kesehatan Kabupaten Sikka".

Indonesia's regional government repeats the same offices in every province, regency and city:
each has a "Dinas Kesehatan", a "Badan Pusat Statistik", a "Kejaksaan Negeri". The recogniser
often splits such a name into the office and the place or command it belongs to ("[Dinas
Kesehatan] [Kabupaten Sikka]"). In a knowledge graph that split is harmful, not just inexact:
the office's bare name is the same string in every region, so the graph would merge the health
offices of Sikka and of Bandung into one node. This component joins an organisation whose name
opens with an office noun (:data:`OFFICE_HEADS`) and the place or regional command written right
after it (:data:`COMMAND_HEADS`) into one ORG. A police command's unit written out before it
("Satuan Reserse Kriminal Polres Ende", "Satreskrim Polres Ende") is read as the command alone,
the unit's bare name dropped for the same reason (:func:`_unit_before_command`).

The boards of parties, national associations and sports federations, which every province,
regency and city has one of ("DPD Partai Golkar Sumatera Utara", "DPC PKB Kabupaten Magelang",
"Pengprov IPSI Sulsel"), are read the other way (:func:`board_organisations`): as the party or
association and the region, as cased news annotates them; the recogniser tags them in pieces
("DPD" alone, "Partai Golkar Sulawesi Selatan", the party and the place as a person).

The rule follows how Indonesian administrative names are built (UU 23/2014 on regional
government: "Dinas ... Provinsi/Kabupaten/Kota ..."; Polri's and TNI's regional commands; the
parties' and associations' statutes: Dewan Pimpinan Pusat, Daerah, Wilayah, Cabang); no word
list comes from a corpus.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..aliases import builtin_aliases
from .gazetteer import (
    ADMINISTRATIVE_PREFIXES,
    builtin_names,
    gazetteer_lists,
    place_names,
    regional_names,
)
from .labels import (
    ADMINISTRATIVE_HEADS,
    BOARD_HEADS,
    BRANCH_HEADS,
    COMMAND_HEADS,
    FACILITY_HEADS,
    LANGUAGE_NOUNS,
    LEADING_FUNCTION_WORDS,
    LIST_JOINERS,
    OFFICE_HEADS,
    ORGANISATION_WORDS,
    PLACE_NOUNS,
    POLICE_COMMANDS,
    STRONG_PLACE_CUES,
    common_words,
    is_headline_case,
    positions_of,
)
from .titles import (
    SURNAME_PARTICLES,
    NameKeys,
    crossing_title_end,
    gazetteer_place_keys,
    known_names_of,
    known_place_at,
    leading_name,
    name_keys,
    role_before,
    span_key,
    title_length_at,
)

ADMINISTRATIVE_WORDS = frozenset({"provinsi", "kabupaten", "kota", "kecamatan", "wilayah"})
"""Words between an office and its place that the place entity may leave out."""

UNIT_HEADS = frozenset("""
satuan direktorat subdirektorat bidang subbidang detasemen bagian seksi unit laboratorium
""".split())
"""First words of a regional police command's units written out ("Satuan Reserse Kriminal",
"Direktorat Reserse Kriminal Umum", "Bidang Humas"); not the national headquarters' divisions,
which the writers of the benchmark's first 855 articles tag with "Polri" 8 times of 9
("[Divisi Hubungan Internasional Polri]"; those of the 128 after them cut all 6)."""


BASE_HEADS = frozenset({"lanud", "lanal", "lantamal"})
"""Military bases among :data:`COMMAND_HEADS`: a place after "di" ("dioperasikan di [Lanud
Supadio]"), a command elsewhere ("Komandan [Lanud Sultan Hasanuddin]")."""

MAX_OFFICE_WORDS = 8

BOARD_LEVELS = frozenset({"pusat", "daerah", "wilayah", "cabang", "ranting"})
"""Last word of a board's long name, "Dewan Pimpinan <level>", or "Pimpinan <level>" as
Muhammadiyah names its boards ("Pimpinan Daerah Muhammadiyah Jember")."""

MAX_BOARD_NAME_WORDS = 4
"""Most words an untagged organisation's name may have between a board and its region."""


def _is_region(span: Span) -> bool:
    """Whether entity ``span`` is a place or a regional command an office can belong to."""
    return span.label_ == "LOC" or (span.label_ == "ORG" and span[0].lower_ in COMMAND_HEADS)


def _office_start(doc: Doc, end: int, floor: int) -> int:
    """Where an office's name that ends at token ``end`` begins: the nearest capitalised office
    head (:data:`OFFICE_HEADS`) to the left over capitalised words and "dan", not before
    ``floor`` (the end of the entity before); -1 if there is none."""
    k = end - 1
    while k >= max(floor, end - MAX_OFFICE_WORDS):
        token = doc[k]
        if token.whitespace_ != " " or not (token.text[:1].isupper() or token.text == "dan"):
            return -1
        if token.lower_ in OFFICE_HEADS and token.text[:1].isupper():
            return k
        if token.is_sent_start:
            return -1
        k -= 1
    return -1


LIST_HEADS = OFFICE_HEADS | {"kementerian", "lembaga"}
"""First words of offices whose names may list their fields ("Dinas Perumahan Rakyat, Kawasan
Permukiman dan Cipta Karya")."""

MAX_FIELD_WORDS = 4
"""Most words of one field in an office's listed fields."""

MAX_LIST_WORDS = 14
"""Most tokens the listed fields after an office's first field may take, commas included."""

LIST_ENDS = frozenset({"dan", "serta"})
"""Words before the last field of an office's listed fields ("Kepemudaan, Olahraga, dan
Pariwisata")."""


def _field_end(doc: Doc, k: int, last: bool, places: frozenset[tuple[str, ...]],
               orgs: NameKeys) -> int:
    """End of one field of an office's name that starts at token ``k``: one to
    :data:`MAX_FIELD_WORDS` capitalised words, not an office's or a place's name; the last
    field ends before a region ("... dan Cipta Karya [Provinsi Jawa Timur]"); ``k`` if none,
    or if the field opens with an office's head, a title, an acronym or a known organisation
    (``orgs``): a list of things, not of one office's fields."""
    if k >= len(doc) or (doc[k].lower_ in LIST_HEADS or title_length_at(doc, k)
                         or (doc[k].is_upper and len(doc[k]) > 1)
                         or any(span_key(doc[k:k + size]) in orgs
                                for size in range(1, MAX_FIELD_WORDS + 1))):
        return k  # a list of offices, people or organisations: "Dinas Kesehatan, Dinas Sosial,
        # dan ...", "Kementerian Ketenagakerjaan, dan BPJS Ketenagakerjaan"
    end = k
    while end < len(doc) and end - k < MAX_FIELD_WORDS:
        token = doc[end]
        if (not token.is_alpha or not token.text[:1].isupper() or token.is_sent_start
                or token.lower_ in ADMINISTRATIVE_WORDS or known_place_at(doc, end, places)):
            break
        if not last and doc[end + 1:end + 2].text in LIST_ENDS:
            return end + 1  # "Kawasan Permukiman [dan] Cipta Karya": the last field follows
        end += 1
    return end


def further_fields_end(doc: Doc, end: int, places: frozenset[tuple[str, ...]]) -> int:
    """``end``, the end of a listed field, moved past the fields "dan" or "serta" add after it:
    "Dinas Kebudayaan, Kepemudaan dan Olahraga[ serta Pariwisata] Kota Surabaya".

    >>> import spacy
    >>> doc = spacy.blank("id")("Dinas Kebudayaan, Kepemudaan dan Olahraga serta Pariwisata Bali")
    >>> doc[:further_fields_end(doc, 6, frozenset({("bali",)}))].text
    'Dinas Kebudayaan, Kepemudaan dan Olahraga serta Pariwisata'
    """
    orgs = known_names_of("ORG")
    while end < len(doc) and doc[end].lower_ in LIST_ENDS:
        more = _field_end(doc, end + 1, True, places, orgs)
        if more == end + 1:
            break
        end = more
    return end


def listed_fields_end(doc: Doc, k: int, places: frozenset[tuple[str, ...]]) -> int:
    """Where the fields an office's name lists after its first one end, when its first field
    ends at token ``k`` with a comma: "Dinas Pemberdayaan Perempuan[, Perlindungan Anak,
    Pengendalian Penduduk, dan Keluarga Berencana] NTB", as regional offices' names are built
    from the fields they merge (Permendagri 99/2018 on regional offices' nomenclature). The list
    must close with "dan" or "serta" and a last field; ``k`` if it does not.

    >>> import spacy
    >>> doc = spacy.blank("id")("Dinas Perumahan Rakyat, Kawasan Permukiman dan Cipta Karya Jatim")
    >>> doc[:listed_fields_end(doc, 3, frozenset({("jatim",)}))].text
    'Dinas Perumahan Rakyat, Kawasan Permukiman dan Cipta Karya'
    """
    j = k
    orgs = known_names_of("ORG")
    while j < len(doc) and j - k < MAX_LIST_WORDS:
        if doc[j].text == "," and doc[j].whitespace_:
            j += 1
        if j < len(doc) and doc[j].lower_ in LIST_ENDS:
            if j == k + 1:
                return k  # two names with a comma before "dan": two things, not one's fields
            end = _field_end(doc, j + 1, True, places, orgs)
            return further_fields_end(doc, end, places) if end > j + 1 else k
        if j == k:
            return k  # no comma after the first field
        end = _field_end(doc, j, False, places, orgs)
        if end == j:
            return k
        j = end
    return k


def office_name_lists(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with each office's name lengthened over the fields it lists after a comma
    (:func:`listed_fields_end`), where the recogniser stopped at the comma, or after its list
    (:func:`further_fields_end`); entities inside the listed fields are dropped. (One field after
    "dan" with no comma, "[Direktorat Jenderal Mineral] dan Batubara", is joined later by
    :func:`~graph.nlp.organisation_names.fields_joined_by_dan`.)

    >>> import spacy
    >>> doc = spacy.blank("id")("Dinas Tanaman Pangan, Hortikultura dan Perkebunan Riau hadir")
    >>> ents = [Span(doc, 0, 3, label="ORG")]
    >>> [e.text for e in office_name_lists(doc, ents)]
    ['Dinas Tanaman Pangan, Hortikultura dan Perkebunan']
    """
    places = gazetteer_place_keys()
    result = list(ents)
    for i, ent in enumerate(ents):
        if ent.label_ != "ORG" or ent[0].lower_ not in LIST_HEADS or ent.end >= len(doc):
            continue
        if doc[ent.end].text == ",":
            end = listed_fields_end(doc, ent.end, places)
        elif any(t.text == "," for t in ent):  # the recogniser stopped before "serta"
            end = further_fields_end(doc, ent.end, places)
        else:
            continue
        inside = [other for other in ents[i + 1:] if other.start < end]
        if end == ent.end or any(other.end > end for other in inside):
            continue
        result = [e for e in result if e is not ent and e not in inside]
        result.append(Span(doc, ent.start, end, label="ORG"))
    return sorted(result, key=lambda span: span.start)


def join_regional_offices(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with each agency and the place or command written right after it made one ORG
    ("[Dinas Kesehatan] [Kabupaten Sikka]", "Dinas Lingkungan Hidup Provinsi [Kalimantan
    Timur]" -> one organisation each), whether the recogniser found the agency's name or not; a
    police command's unit written out stays out ("Satuan Reserse Kriminal [Polres Kutai
    Kartanegara]", :func:`_unit_before_command`).

    >>> import spacy
    >>> doc = spacy.blank("id")("Kepala Dinas Kesehatan Kabupaten Sikka hadir.")
    >>> ents = [Span(doc, 1, 3, label="ORG"), Span(doc, 3, 5, label="LOC")]
    >>> [(e.text, e.label_) for e in join_regional_offices(doc, ents)]
    [('Dinas Kesehatan Kabupaten Sikka', 'ORG')]
    >>> [(e.text, e.label_) for e in join_regional_offices(doc, ents[1:])]
    [('Dinas Kesehatan Kabupaten Sikka', 'ORG')]
    """
    result: list[Span] = []
    places = gazetteer_place_keys()
    for ent in ents:
        if not _is_region(ent) or not ent.start:
            result.append(ent)
            continue
        holder = None
        size = leading_name(ent, places) if ent.label_ == "LOC" else 0
        if size and len(ent) - size >= 2 and all(t.text[:1].isupper() for t in ent[size:]):
            # "Kepala Dinas Kesehatan [Kabupaten Sikka Petrus Herlemus Ratu]": the office's
            # place and its head, whom the title component then reads
            holder = Span(doc, ent.start + size, ent.end, label="PERSON")
            ent = Span(doc, ent.start, ent.start + size, label="LOC")
        end = ent.start  # the office's name ends before an administrative word the place left out
        while end > 0 and doc[end - 1].lower_ in ADMINISTRATIVE_WORDS and doc[end - 1].text[
                :1].isupper() and doc[end - 1].whitespace_ == " ":
            end -= 1
        previous = result[-1] if result else None
        police = ent.label_ == "ORG" and (ent[0].lower_ in POLICE_COMMANDS
                                          or ent[0].text == "Kepolisian")
        unit_before = (previous is not None and previous.end == end and previous.label_ == "ORG"
                       and len(previous) >= 2 and previous[0].lower_ in OFFICE_HEADS
                       and previous[0].text[:1].isupper() and doc[end - 1].whitespace_ == " ")
        if unit_before and police and previous[0].lower_ in UNIT_HEADS:
            result[-1] = ent  # "[Satuan Reserse Kriminal] [Polres Ende]": the unit's bare name,
            # the same in every region, is no organisation of its own in the graph
        elif unit_before:
            result[-1] = Span(doc, previous.start, ent.end, label="ORG")
        else:
            start = _office_start(doc, end, previous.end if previous is not None else 0)
            if start >= 0 and police and doc[start].lower_ in UNIT_HEADS:
                start = -1  # a police unit written out: "Satuan Reserse Kriminal [Polres Ende]"
            if start >= 0 and end - start < 2 and not doc[start].is_upper:
                start = -1  # the head alone: "Balai Kota Surabaya" is the city hall, a place;
                # not an acronym: "KUA [Kecamatan Pallangga]"
            result.append(Span(doc, start, ent.end, label="ORG") if start >= 0 else ent)
        if holder is not None:
            if result[-1] is ent:  # no office before the place: the span stays as it was
                result[-1] = Span(doc, ent.start, holder.end, label="LOC")
            else:
                result.append(holder)
    return result


MAX_CUSTOMS_PLACE_WORDS = 2
"""Most untagged capitalised words of a customs office's port or airport ("Bea Cukai [Ngurah
Rai]"), so that its head's name after it is not taken in."""


def customs_offices(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with each customs office ("Bea Cukai", "Bea dan Cukai") made one organisation
    with the port, airport or town written right after it, whatever the recogniser made of that
    name: "[Bea Cukai] [Kualanamu]" PERSON, "Bea Cukai Ngurah Rai" -> "[Bea Cukai Ngurah Rai]".
    Customs offices are named after the port or airport they serve, which often is no region
    (:func:`join_regional_offices` joins those). Run after the titles are read (by
    ``jalin_organisation_names``), which take "Kepala [Bea Cukai] [Ngurah Rai]" for an office and
    its holder.

    >>> import spacy
    >>> doc = spacy.blank("id")("Kepala Bea Cukai Ngurah Rai Putu Ayu Kartika Sari hadir.")
    >>> ents = [Span(doc, 1, 3, label="ORG"), Span(doc, 7, 9, label="PERSON")]
    >>> [(e.text, e.label_) for e in customs_offices(doc, ents)]
    [('Bea Cukai Ngurah Rai', 'ORG'), ('Kartika Sari', 'PERSON')]
    """
    starts = {ent.start: ent for ent in ents}
    joined: dict[int, Span] = {}
    dropped: set[int] = set()
    for ent in ents:
        k = ent.end
        if (ent.label_ != "ORG" or len(ent) < 2 or ent[-1].text != "Cukai"
                or ent[-2].text not in ("Bea", "dan") or k >= len(doc)):
            continue
        following = starts.get(k)
        if following is not None:
            if following.label_ not in ("LOC", "PERSON") or len(following) > 2:
                continue
            end = following.end
            dropped.add(following.start)
        else:
            end = k
            while (end < len(doc) and end - k < MAX_CUSTOMS_PLACE_WORDS and end not in starts
                   and not doc[end].is_sent_start and doc[end].text[:1].isupper()
                   and doc[end].is_alpha and doc[end].lower_ not in LEADING_FUNCTION_WORDS):
                end += 1
        if end > k:
            joined[ent.start] = Span(doc, ent.start, end, label="ORG")
    if not joined:
        return ents
    return [joined.get(ent.start, ent) for ent in ents if ent.start not in dropped]


POLICE_LEVELS = frozenset({"daerah", "resor", "resort", "sektor"})
"""The levels of the police's regional commands, written out after "Kepolisian": Kepolisian
Daerah (Polda), Resor (Polres), Sektor (Polsek)."""

MAX_UNIT_WORDS = 3
"""Most words of a command's unit name after its slash ("Kodim 0501/[Jakarta Pusat]")."""

POLICE_UNIT_ACRONYMS = frozenset("""
satlantas satreskrim satresnarkoba satpolairud satintelkam satsamapta satbinmas sattahti
satbrimob ditlantas ditreskrimum ditreskrimsus ditresnarkoba ditpolairud ditsamapta ditbinmas
ditintelkam ditressiber dittahti subdit unit resmob jatanras labfor spkt rutan
""".split())
"""The short names of the units of a Polres (Satuan: traffic, criminal investigation,
narcotics, water police ...), of a Polda (Direktorat) and of their subunits (Subdit, Unit,
Resmob, Jatanras), written before their command ("Satlantas Polres Batang", "Ditreskrimsus Polda
Jateng"; Perpol 2/2021 on the Polda's and Polres's organisation), and of its forensic laboratory,
integrated service desk and detention centre (Labfor, SPKT, Rutan): like a unit written out, not
part of the command's name (:func:`_unit_before_command`)."""

TASK_FORCE_HEADS = frozenset({"satgas"})
"""The head word of a task force's name (satuan tugas): written before a regional command, the
task force is a unit of it, no part of its name ("Satgas Pangan [Polres Brebes]")."""

_UNIT_ACRONYM = re.compile(r"^(?:Sat(?!gas)|Dit|Subdit)[a-z]{3,}$")
"""The shape of a police unit's acronym not listed in :data:`POLICE_UNIT_ACRONYMS`
("Satresnarkoba", "Ditpamobvit"); not a task force ("Satgas Pangan Polri", an organisation of
its own)."""


def is_police_unit_acronym(token: Token) -> bool:
    """Whether ``token`` is a police unit's acronym ("Satreskrim", "Subdit")."""
    return token.lower_ in POLICE_UNIT_ACRONYMS or bool(_UNIT_ACRONYM.match(token.text))


def _unit_name_end(doc: Doc, slash: int) -> int:
    """End of a unit's name written after the slash at token ``slash`` ("/[Praja Vira Braja]"):
    up to :data:`MAX_UNIT_WORDS` capitalised words in one sentence; ``slash`` if no such name
    follows the slash written without spaces."""
    if not (slash + 1 < len(doc) and doc[slash].text == "/" and not doc[slash - 1].whitespace_
            and not doc[slash].whitespace_ and doc[slash + 1].text[:1].isupper()):
        return slash
    end = slash + 2
    while (end < len(doc) and end - slash < MAX_UNIT_WORDS + 1
           and doc[end - 1].whitespace_ == " " and doc[end].text[:1].isupper()
           and doc[end].is_alpha and not doc[end].is_sent_start
           and not title_length_at(doc, end)):  # "Koramil 1408-05/Mamajang [Kapten] Inf"
        end += 1
    return end


_UNIT_NUMBER = re.compile(r"^(?:\d+|[IVXL]+)$")


def _untagged_commands(doc: Doc, taken: set[int]) -> list[Span]:
    """Commands the recogniser missed, written with their number and, after a slash, their
    name: "[Koramil 1408-05/Mamajang]", "[Kodim 0735/Surakarta]"."""
    found = []
    for k in positions_of(doc, COMMAND_HEADS):
        if k in taken or not doc[k].text[:1].isupper():
            continue
        j = k + 1
        while (j < len(doc) and j - k <= 3 and j not in taken
               and (_UNIT_NUMBER.match(doc[j].text) or doc[j].text == "-")):
            j += 1
        if j == k + 1 or j >= len(doc) or j in taken:
            continue
        end = _unit_name_end(doc, j)
        if end > j and not taken.intersection(range(k, end)):
            found.append(Span(doc, k, end, label="ORG"))
            taken.update(range(k, end))
    return found


def _inner_command(ent: Span) -> Span | None:
    """The command inside an organisation span that a title stands before, when the words
    before the command are a unit's field, part of the role, not an office's name: "Direktur
    [Reserse Siber] Polda Sulsel" -> "Polda Sulsel" (a unit named without a title is
    :func:`_unit_before_command`'s); ``None`` if there is none."""
    if ent.label_ != "ORG" or len(ent) < 3 or ent[0].lower_ in OFFICE_HEADS:
        return None
    k = next((k for k in range(1, len(ent)) if ent[k].lower_ in COMMAND_HEADS
              and ent[k].text[:1].isupper()), None)
    if (k is None or not all(t.text[:1].isupper() and t.is_alpha for t in ent[:k])
            or not role_before(ent)):
        return None
    return Span(ent.doc, ent.start + k, ent.end, label="ORG")


def _unit_before_command(ent: Span) -> Span | None:
    """The police command inside an organisation span that opens with one of its units, written
    out or as its acronym, which is not part of the command's name: "Satuan Reserse Kriminal
    [Polres Ende]", "Direktorat Reserse Kriminal Umum [Kepolisian Daerah Bali]", "Satreskrim
    [Polres Ende]", "Subdit III Jatanras Ditreskrimum [Polda Jateng]" (the writers of the
    benchmark's articles cut 37 of 69 units written out in the first 855 articles, all 28 in the
    128 after them; acronyms: 5 of 25 in the first 855, all 61 since); ``None`` if there is
    none. A unit of Bareskrim stays one name with it ("[Direktorat Tindak Pidana Siber
    Bareskrim Polri]"). So does a regional command's task force (:data:`TASK_FORCE_HEADS`:
    "Satgas Pangan [Polres Brebes]", 4 of 4 in the benchmark; the national "Satgas Pangan
    Polri" keeps its name) and its detention centre, forensic laboratory and service desk
    ("Rutan [Polda Sumut]", "Laboratorium Forensik [Polda Jawa Timur]": 4 of 5 and 6 of 9).

    >>> import spacy
    >>> doc = spacy.blank("id")("Satuan Reserse Kriminal Polres Ende dan Satreskrim Polres Ende")
    >>> _unit_before_command(Span(doc, 0, 5, label="ORG")).text
    'Polres Ende'
    >>> _unit_before_command(Span(doc, 6, 9, label="ORG")).text
    'Polres Ende'
    """
    acronym = is_police_unit_acronym(ent[0])
    task_force = ent[0].lower_ in TASK_FORCE_HEADS
    if (ent.label_ not in ("ORG", "LOC") or len(ent) < 2
            or not (acronym or task_force or ent[0].lower_ in UNIT_HEADS)
            or not ent[0].text[:1].isupper()):
        return None
    for k in range(1, len(ent)):
        word = ent[k]
        if word.lower_ in POLICE_COMMANDS or (word.text == "Kepolisian" and k + 1 < len(ent)):
            if task_force and word.lower_ == "polri":
                return None  # a national task force keeps its name: "Satgas Pangan Polri"
            if (k >= 2 or acronym) and ent[k - 1].lower_ not in COMMAND_HEADS:
                return Span(ent.doc, ent.start + k, ent.end, label="ORG")
            return None
        if not ((word.text[:1].isupper() and word.is_alpha and (acronym or not word.is_upper))
                or word.lower_ == "dan" or (acronym and _UNIT_NUMBER.match(word.text))
                or (task_force and word.text == "-")):  # "Satgas Anti-Mafia Tanah"
            return None
    return None


def commands(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with each entity that opens with a regional command's or unit's name
    (:data:`COMMAND_HEADS`) made an organisation, lengthened over the unit's name written after
    a slash: "[Kodam III/Siliwangi]", "[Korem 173/Praja Vira Braja]" (the recogniser reads
    "Kodam III" as a place and stops after the slash's first word) and over a unit's
    head word left out before it ("[Batalyon Infanteri 762/Vira Yudha Sakti]"); so is an
    entity that opens with a police level (:data:`POLICE_LEVELS`) after "Kepolisian", with it:
    "Kepolisian [Resor Sanggau]" PERSON. A base (:data:`BASE_HEADS`) after "di" is a place
    instead. Commands the recogniser missed are added with their number and name ("[Koramil
    1408-05/Mamajang]"), a unit's field before a command after a title is the role's
    ("Direktur Reserse Siber [Polda Sulsel]"), and a police unit, written out or as its acronym,
    is cut from its command (:func:`_unit_before_command`) or, tagged apart, dropped.

    >>> import spacy
    >>> doc = spacy.blank("id")("Personel Kodam III/Siliwangi dan Polda Jabar berjaga.")
    >>> ents = [Span(doc, 1, 3, label="LOC"), Span(doc, 6, 8, label="ORG")]
    >>> [(e.text, e.label_) for e in commands(doc, ents)]
    [('Kodam III/Siliwangi', 'ORG'), ('Polda Jabar', 'ORG')]
    """
    result = list(ents)
    for ent in ents:
        inner = _inner_command(ent) or _unit_before_command(ent)
        if inner is not None:
            result[result.index(ent)] = inner
            ent = inner
        if (ent[0].lower_ in POLICE_LEVELS and ent[0].text[:1].isupper() and ent.start > 0
                and doc[ent.start - 1].text == "Kepolisian"):
            result[result.index(ent)] = Span(doc, ent.start - 1, ent.end, label="ORG")
            continue  # "Kepolisian [Resor Sanggau]" PERSON: the long name of "Polres Sanggau"
        start = ent.start
        if (start > 0 and doc[start - 1].lower_ in COMMAND_HEADS
                and doc[start - 1].text[:1].isupper()
                and not any(e.start <= start - 1 < e.end for e in result)):
            start -= 1  # "Batalyon [Infanteri 762/Vira]"
        if doc[start].lower_ not in COMMAND_HEADS or not doc[start].text[:1].isupper():
            continue
        slashes = [k for k in range(ent.start + 1, ent.end) if doc[k].text == "/"]
        slash = slashes[-1] if slashes else ent.end
        end = max(ent.end, _unit_name_end(doc, slash)) if slash < len(doc) else ent.end
        label = "LOC" if (doc[start].lower_ in BASE_HEADS and start > 0
                          and doc[start - 1].lower_ == "di") else "ORG"
        if end == ent.end and start == ent.start and ent.label_ == label:
            continue
        result = [e for e in result if e is not ent and not (e.start < end and ent.end <= e.start)]
        result.append(Span(doc, start, end, label=label))
    taken = {i for e in result for i in range(e.start, e.end)}
    result += _untagged_commands(doc, taken)
    command_starts = {e.start for e in result if e.label_ == "ORG"
                      and e[0].lower_ in POLICE_COMMANDS}
    return sorted((e for e in result if _command_after_unit(e) not in command_starts),
                  key=lambda span: span.start)


def _command_after_unit(ent: Span) -> int:
    """Where the command a police unit's entity stands before would start: right after the
    unit's acronym ("[Satreskrim] [Polres Ende]"), or after the unit's name written out and
    its acronym in brackets ("[Direktorat Reserse Kriminal Khusus] ([Ditreskrimsus]) [Polda
    Jawa Tengah]"; also from that acronym, whatever its type): the unit alone is no organisation
    of its own, as when it is written with the command in one span
    (:func:`_unit_before_command`); -1 when ``ent`` is no such unit."""
    doc = ent.doc
    acronym = len(ent) == 1 and is_police_unit_acronym(ent[0])
    written_out = (ent.label_ == "ORG" and len(ent) >= 2 and ent[0].lower_ in UNIT_HEADS
                   and ent[0].text[:1].isupper()
                   and all(t.text[:1].isupper() or t.lower_ == "dan" for t in ent[1:]))
    if not (acronym or written_out):
        return -1
    end = ent.end
    if (end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")"
            and is_police_unit_acronym(doc[end + 1])):
        return end + 3  # "Direktorat Reserse Kriminal Khusus (Ditreskrimsus) Polda ..."
    if acronym and ent.start > 0 and doc[ent.start - 1].text == "(" and doc[end].text == ")":
        return end + 1  # the bracketed acronym itself ("(Satpolairud)" PERSON)
    return end if acronym and ent.label_ == "ORG" else -1


MAX_AREA_WORDS = 3
"""Most words of an area's name after its administrative noun ("Kabupaten [Mamberamo Tengah]")."""


AREA_HEADS = ADMINISTRATIVE_HEADS | {"puskesmas"}
"""Capitalised nouns before an area's name: the administrative ones and the district health
centre's, named after the district it serves ("Puskesmas Oinlasi": the news benchmark tags 41
of 41 places)."""


def untagged_areas(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with each area the recogniser missed that is written with its capitalised
    administrative noun or "Puskesmas" (:data:`AREA_HEADS`) and one to three
    capitalised words added as a place: "Mae Sot, [Provinsi Tak]", "[Kecamatan Klego]"; words
    that are all common ones only after a comma or "di", "ke", "dari" (not "5 Dusun Utama").
    Not inside a title ("Kepala Desa Sukamaju"), not when more capitalised words run on (a
    person's name may follow the area's), and not at a sentence's start, where an area acts
    and cased news tags none ("Provinsi DKI Jakarta menjadi juara umum").

    >>> import spacy
    >>> doc = spacy.blank("id")("dipulangkan melalui Mae Sot, Provinsi Tak, sejak Februari")
    >>> [(e.text, e.label_) for e in untagged_areas(doc, [Span(doc, 2, 4, label="LOC")])]
    [('Mae Sot', 'LOC'), ('Provinsi Tak', 'LOC')]
    """
    heads = positions_of(doc, AREA_HEADS)
    if not heads:
        return ents
    taken = {i for e in ents for i in range(e.start, e.end)}
    found = []
    for k in heads:
        if (k in taken or not doc[k].text[:1].isupper() or k + 1 >= len(doc)
                or doc[k].is_sent_start):
            continue  # an area that opens a sentence acts: cased news tags none there
        if crossing_title_end(doc[k:k + 1]) > k:
            continue  # "Kepala Desa [Sukamaju]": the place of an office
        end = k + 1
        while (end < len(doc) and end - k <= MAX_AREA_WORDS and end not in taken
               and doc[end].text[:1].isupper() and doc[end].is_alpha
               and not doc[end].is_sent_start and doc[end - 1].whitespace_ == " "):
            end += 1
        common = all(t.lower_ in common_words() for t in doc[k + 1:end])
        if common and (k == 0 or doc[k - 1].text != "," and doc[k - 1].lower_ not in
                       STRONG_PLACE_CUES):
            continue  # "5 Dusun Utama", but "Mae Sot, Provinsi Tak"
        if end == k + 1 or end - k > MAX_AREA_WORDS or (
                end < len(doc) and end in taken and doc[end].text[:1].isupper()):
            continue
        found.append(Span(doc, k, end, label="LOC"))
        taken.update(range(k, end))
    return sorted(ents + found, key=lambda span: span.start) if found else ents


AREA_NAME_CUES = STRONG_PLACE_CUES | frozenset({"kawasan", "wilayah", "daerah", "sekitar"})
"""Words after which a name the gazetteer does not know is surely a place's ("ke [Bahodopi]",
"kawasan [Tlogo Kembang]"), for :func:`places_named_again`."""


MAX_PLACE_NAME_WORDS = 3
"""Most words of a place's name that :func:`places_named_again` looks for again."""


@lru_cache(maxsize=1)
def _domestic_place_keys() -> frozenset[tuple[str, ...]]:
    """Name keys of Indonesia's regions (:func:`~graph.nlp.gazetteer.regional_names`) and of
    the gazetteer's islands and other geography."""
    names = regional_names() | gazetteer_lists("islands_and_geography")
    return frozenset(key for name in names for key in name_keys(name))


@lru_cache(maxsize=1)
def _known_place_keys() -> frozenset[tuple[str, ...]]:
    """Name keys of every place the gazetteer and alias table know."""
    return frozenset(key for name in place_names() for key in name_keys(name))


LIST_WORDS = LIST_JOINERS | {"maupun", "baik"}
"""Words between a list's members, also "baik ... maupun" (both ... and)."""


def _in_language_list(doc: Doc, k: int) -> bool:
    """Whether token ``k`` is in a list of capitalised words opened by "bahasa" or "berbahasa":
    languages, not places ("bahasa Batak Toba, Karo, dan Nias")."""
    j = k - 1
    while j >= 0 and (doc[j].lower_ in LIST_WORDS or (
            doc[j].text[:1].isupper() and doc[j].is_alpha and not doc[j].is_sent_start)):
        j -= 1
    return j >= 0 and doc[j].lower_ in LANGUAGE_NOUNS


MAX_TITLE_WORDS = 4
"""Most words of a title :func:`_after_title` looks back over."""


def _after_title(doc: Doc, k: int) -> bool:
    """Whether a title ends right before token ``k`` or runs into it ("Bupati [Sikka]", "Kepala
    Desa [Sukamaju]")."""
    return crossing_title_end(doc[k:k + 1]) > k or any(
        title_length_at(doc, j) == k - j for j in range(max(0, k - MAX_TITLE_WORDS), k))


def places_named_again(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with the places the article tags named again where the recogniser left them
    untagged: a place span's capitalised words (after its administrative noun, if it opens with
    one: "Kecamatan Kintamani") written alone anywhere else ("kopi arabika [Kintamani]",
    "kemudian [Kubu Raya] 88 titik"). The place span must be a sure one and a domestic one:
    written with its administrative noun, one of Indonesia's regions, islands or landforms
    the gazetteer knows, or a place it does not know written after "di", "ke", "dari",
    "kawasan" (:data:`AREA_NAME_CUES`); so no country's or foreign city's name, which after a
    noun names a nation ("perusahaan Jepang", "pihak Israel": cased news leaves it untagged
    there, IDNer 2k and the benchmark alike). No acronym ("SPBU" mistyped a place) and no
    word of a person's name in the article ("Jusman" tagged a place once). Not where a
    capitalised word stands right before or after the name (a longer name's words: "Pemerintah
    Indonesia", "Jawa Barat"), not where a title ends before it (an office's place: "Bupati
    Sikka", left to :mod:`~graph.nlp.titles`), not after a name's particle ("Tour de Siak"),
    not in a list of languages ("bahasa Batak Toba, Karo, dan Nias"), not a common word
    opening a sentence ("Batu itu ...") and not a name made of common words only, holding an
    organisation's word or tagged an organisation elsewhere. The benchmark's writers tag a
    place's every mention; the recogniser, trained on news that leaves a place untagged where
    it modifies a noun, misses some of them.

    >>> import spacy
    >>> doc = spacy.blank("id")("di Kecamatan Kintamani, Bangli. Kopi arabika Kintamani laris.")
    >>> ents = [Span(doc, 1, 3, label="LOC"), Span(doc, 4, 5, label="LOC")]
    >>> [e.text for e in places_named_again(doc, ents)]
    ['Kecamatan Kintamani', 'Bangli', 'Kintamani']
    """
    names: set[tuple[str, ...]] = set()
    people = {t.lower_ for ent in ents if ent.label_ == "PERSON" for t in ent}
    for ent in ents:
        if ent.label_ != "LOC":
            continue
        headed = len(ent) >= 2 and ent[0].lower_ in ADMINISTRATIVE_HEADS
        words = ent[1:] if headed else ent[:]
        key = span_key(words)
        if (len(words) <= MAX_PLACE_NAME_WORDS
                and (headed or key in _domestic_place_keys() or (
                    ent.start > 0 and doc[ent.start - 1].lower_ in AREA_NAME_CUES
                    and key not in _known_place_keys()))
                and all(t.text[:1].isupper() and t.is_alpha and not t.is_upper for t in words)
                and not all(t.lower_ in common_words() for t in words)
                and not any(t.lower_ in people or t.lower_ in ORGANISATION_WORDS
                            for t in words)):
            names.add(tuple(t.text for t in words))
    names -= {tuple(t.text for t in ent) for ent in ents if ent.label_ == "ORG"}
    if not names:
        return ents
    taken = {i for e in ents for i in range(e.start, e.end)}
    found = []
    for k in positions_of(doc, frozenset(words[0].lower() for words in names)):
        if (k in taken or (k > 0 and not doc[k].is_sent_start and (
                doc[k - 1].text[:1].isupper() or doc[k - 1].lower_ in SURNAME_PARTICLES))
                or (doc[k].is_sent_start and doc[k].lower_ in common_words())
                or _after_title(doc, k) or _in_language_list(doc, k)):
            continue
        for words in sorted(names, key=len, reverse=True):
            end = k + len(words)
            if (end <= len(doc) and tuple(t.text for t in doc[k:end]) == words
                    and not taken.intersection(range(k, end))
                    and (end == len(doc) or not doc[end].text[:1].isupper())):
                found.append(Span(doc, k, end, label="LOC"))
                taken.update(range(k, end))
                break
    return sorted(ents + found, key=lambda span: span.start) if found else ents


def names_over_cut_places(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with an organisation or place that ends inside a known place's name (the
    gazetteer's) lengthened to the place's end, the rest of the place untagged: "[Dinas Kesehatan
    Serdang] Bedagai" -> "Dinas Kesehatan Serdang Bedagai", "Kabupaten Rokan" -> "Kabupaten Rokan
    Hilir". The recogniser cuts such names where a place's last word ("Bedagai", "Hilir") is rare
    in its training data; a place's name is not cut in two.

    >>> import spacy
    >>> doc = spacy.blank("id")("Kepala Dinas Kesehatan Serdang Bedagai hadir.")
    >>> [e.text for e in names_over_cut_places(doc, [Span(doc, 1, 4, label="ORG")])]
    ['Dinas Kesehatan Serdang Bedagai']
    """
    if not ents:
        return ents
    places = gazetteer_place_keys()
    starts = {ent.start for ent in ents}
    result = list(ents)
    for i, ent in enumerate(ents):
        if ent.label_ not in ("ORG", "LOC") or len(ent) < 2 or ent.end >= len(doc):
            continue
        if (doc[ent.end - 1].whitespace_ != " " or not doc[ent.end].text[:1].isupper()
                or doc[ent.end].is_sent_start):
            continue
        for k in range(ent.start + 1, ent.end):
            end = k + known_place_at(doc, k, places)
            if end > ent.end:
                if not any(j in starts for j in range(ent.end, end)) and all(
                        doc[j].whitespace_ == " " for j in range(ent.end - 1, end - 1)):
                    result[i] = Span(doc, ent.start, end, label=ent.label_)
                break
    return result


def offices_before_known_places(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with an agency and a known place (the gazetteer's) written right after it made
    one ORG where the recogniser did not tag the place ("[Dinas Lingkungan Hidup] Halmahera
    Tengah", "Dinas Energi dan Sumber Daya Mineral Provinsi Maluku Utara" with no entity): the
    agency's words may be an organisation span or untagged, the place's must be untagged.

    >>> import spacy
    >>> doc = spacy.blank("id")("Kepala Dinas Lingkungan Hidup Halmahera Tengah hadir.")
    >>> ents = [Span(doc, 1, 4, label="ORG")]
    >>> [(e.text, e.label_) for e in offices_before_known_places(doc, ents)]
    [('Dinas Lingkungan Hidup Halmahera Tengah', 'ORG')]
    """
    heads = positions_of(doc, OFFICE_HEADS)
    if not heads:
        return ents
    # a place can only be an office's within an office's name's length after its head
    near = {k for h in heads for k in range(h + 2, min(len(doc), h + MAX_OFFICE_WORDS + 2))}
    near |= {k for ent in ents if ent.label_ == "ORG" and ent[0].lower_ in OFFICE_HEADS
             for k in (ent.end, ent.end + 1)}  # after a long name: "Dinas ..., ... dan ... NTB"

    places = gazetteer_place_keys()
    owner = {k: ent for ent in ents for k in range(ent.start, ent.end)}
    result = list(ents)
    k = 1
    while k < len(doc):
        if (k not in near or k in owner or not doc[k].text[:1].isupper()
                or doc[k].is_sent_start):
            k += 1
            continue
        size = known_place_at(doc, k, places)
        if not size or any(j in owner for j in range(k, k + size)):
            k += 1
            continue
        end = k
        while end > 0 and doc[end - 1].lower_ in ADMINISTRATIVE_WORDS and doc[end - 1].text[
                :1].isupper() and end - 1 not in owner:
            end -= 1
        previous = next((e for e in reversed(result) if e.end <= end), None)
        if previous is not None and previous.end == end:  # "[Dinas Lingkungan Hidup] Halmahera"
            office = previous.label_ == "ORG" and previous[0].lower_ in OFFICE_HEADS
            start = previous.start if office else -1
        else:
            start = _office_start(doc, end, previous.end if previous is not None else 0)
        if start >= 0 and end - start >= 2:
            if previous is not None and previous.start == start:
                result.remove(previous)  # the office's span, lengthened over the place
            result.append(Span(doc, start, k + size, label="ORG"))
            result.sort(key=lambda span: span.start)
        k += size
    return result


def _names_a_region(span: Span) -> bool:
    """Whether place entity ``span`` is one of Indonesia's provinces, cities or regencies
    (:func:`~graph.nlp.gazetteer.regional_names`), with or without its administrative noun
    ("Jawa Tengah", "Kabupaten Wonogiri")."""
    words = span.text.split(" ", 1)
    name = words[1] if len(words) == 2 and words[0] in ADMINISTRATIVE_PREFIXES else span.text
    return span.label_ == "LOC" and name in regional_names()


_FACILITY_WORDS = FACILITY_HEADS | PLACE_NOUNS
"""Heads of facilities' and places' names: an acronym among them before a region names a place
("RSUD Sleman"), no body's branch."""


@lru_cache(maxsize=1)
def party_names() -> frozenset[str]:
    """The alias table's names of Indonesia's political parties (entries named "Partai ...")
    and their short forms ("PAN", "Gerindra")."""
    return frozenset(name for entry in builtin_aliases() if entry.canonical.startswith("Partai ")
                     for name in (entry.canonical, *entry.variants))


def regional_branches(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with a national body's one-word name and the province, city or regency written
    right after it made one ORG, the body's branch there: "[KONI] [Jawa Tengah]" -> "KONI Jawa
    Tengah", "[Dishub] [Sikka]" -> "Dishub Sikka", as "KPU Jabar", "BPBD Garut", "Polda Bali"
    are written and annotated (the benchmark's articles: 3,544 such names, 1 split); also an
    acronym and a region the recogniser tagged together a place ("[DKP Maluku]" LOC), unless
    the acronym is a facility's ("RSUD Sleman", a hospital). A party's region names its board
    ("Ketua [PAN] [Sulawesi Selatan]", as IDNer 2k train tags it) and stays apart; a party's or
    association's board written before it ("DPC [HKTI] Tuban") is read afterwards by
    :func:`board_organisations`.

    >>> import spacy
    >>> doc = spacy.blank("id")("Ketua KONI Jawa Tengah dan Dishub Sikka hadir di RSUD Sikka.")
    >>> ents = [Span(doc, 1, 2, label="ORG"), Span(doc, 2, 4, label="LOC"),
    ...         Span(doc, 5, 6, label="ORG"), Span(doc, 6, 7, label="LOC"),
    ...         Span(doc, 9, 11, label="LOC")]
    >>> [(e.text, e.label_) for e in regional_branches(doc, ents)]
    [('KONI Jawa Tengah', 'ORG'), ('Dishub Sikka', 'ORG'), ('RSUD Sikka', 'LOC')]
    """
    result: list[Span] = []
    for ent in ents:
        if (ent.label_ in ("LOC", "PERSON") and len(ent) >= 2 and ent[0].is_upper
                and sum(ch.isalpha() for ch in ent[0].text) >= (2 if ent.label_ == "LOC" else 3)
                and ent[0].lower_ not in _FACILITY_WORDS  # "RSUD Sleman"
                and ent[0].text not in place_names() and ent.text not in place_names()
                and ent[0].text not in party_names()
                and _names_a_region(Span(doc, ent.start + 1, ent.end, label="LOC"))):
            ent = Span(doc, ent.start, ent.end, label="ORG")  # "[DKP Maluku]" LOC, "[BKSDA
            # Jambi]" PERSON (an acronym of three letters or more: no person's initials)
        previous = result[-1] if result else None
        if (previous is not None and previous.end == ent.start and len(previous) == 1
                and previous.label_ == "ORG" and previous[0].text[:1].isupper()
                and sum(ch.isalpha() for ch in previous.text) >= 2
                and previous[0].whitespace_ == " " and _names_a_region(ent)
                and previous.text not in party_names()):
            result[-1] = Span(doc, previous.start, ent.end, label="ORG")
            continue
        result.append(ent)
    return result


def _region_at(doc: Doc, k: int, taken: set[int], names_start: frozenset[int] = frozenset()
               ) -> int:
    """Length of the untagged province's, city's or regency's name at token ``k`` (``taken``:
    tokens in entities), ending where the capitalised words end or where a person's name
    (``names_start``: where person entities start) begins, or 0."""
    for size in range(min(3, len(doc) - k), 0, -1):
        end = k + size
        if (any(j in taken for j in range(k, end))
                or (end < len(doc) and doc[end].text[:1].isupper() and end not in names_start)):
            continue
        if _names_a_region(Span(doc, k, end, label="LOC")):
            return size
    return 0


def branches_with_untagged_parts(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with a national body's branch made one ORG where the recogniser tagged only one
    of its two parts: a one-word organisation (an acronym, or a name the gazetteer knows as an
    organisation's: "Ombudsman", "Bawaslu") and an untagged region right after it ("[KONI]
    Sulsel" -> "KONI Sulsel"; also before its head's name: "Ketua [Bawaslu] Sanggau [Leonardus
    Jimmy Sanjaya]"), with "Perwakilan" before it ("Kepala Perwakilan [BKKBN] NTB", the agency's
    office there), or an untagged acronym before a tagged region, when the acronym
    is an organisation's in the gazetteer or elsewhere in the article ("PMI [Jawa Tengah]" ->
    "PMI Jawa Tengah" beside "[PMI] Kota Semarang"). :func:`regional_branches` joins the two
    parts when both are tagged; the branch is written and annotated as one name either way.

    >>> import spacy
    >>> doc = spacy.blank("id")("Ketua KONI Sulsel hadir. Relawan PMI Jawa Tengah dan PMI datang.")
    >>> ents = [Span(doc, 1, 2, label="ORG"), Span(doc, 7, 9, label="LOC"),
    ...         Span(doc, 10, 11, label="ORG")]
    >>> [(e.text, e.label_) for e in branches_with_untagged_parts(doc, ents)]
    [('KONI Sulsel', 'ORG'), ('PMI Jawa Tengah', 'ORG'), ('PMI', 'ORG')]
    """
    taken = {k for ent in ents for k in range(ent.start, ent.end)}
    bodies = {ent[0].text for ent in ents if ent.label_ == "ORG" and ent[0].is_upper}
    names = builtin_names()
    person_starts = frozenset(ent.start for ent in ents if ent.label_ == "PERSON")
    result: list[Span] = []
    changed = False
    for ent in ents:
        start, end = ent.start, ent.end
        if (ent.label_ == "ORG" and len(ent) == 1
                and (ent[0].is_upper or names.get(ent.text) == "ORG")
                and sum(ch.isalpha() for ch in ent.text) >= 3 and ent[0].whitespace_
                and ent.text not in party_names() and end < len(doc)
                and not doc[end].is_sent_start):
            end += _region_at(doc, end, taken, person_starts)  # "[KONI] Sulsel", "Ketua
            # [Bawaslu] Sanggau [Leonardus Jimmy Sanjaya]", "[Ombudsman] Sumsel"
            if (end > ent.end and start > 0 and doc[start - 1].text == "Perwakilan"
                    and start - 1 not in taken):
                start -= 1  # "Kepala Perwakilan [BKKBN] NTB": the agency's office there
        elif (ent.label_ == "LOC" and _names_a_region(ent) and start > 0
              and start - 1 not in taken and doc[start - 1].whitespace_):
            word = doc[start - 1]
            if (word.is_upper and sum(ch.isalpha() for ch in word.text) >= 3
                    and word.text not in party_names()
                    and (word.text in bodies or names.get(word.text) == "ORG")):
                start -= 1  # "PMI [Jawa Tengah]"
        if (start, end) != (ent.start, ent.end):
            ent = Span(doc, start, end, label="ORG")
            changed = True
        result.append(ent)
    return result if changed else ents


TECHNICAL_UNIT_HEADS = frozenset({"balai", "loka"})
"""First words of the names of a national agency's technical units (unit pelaksana teknis)."""

UNITS_NAMED_WITH_DI = ("POM", "Pengawas Obat dan Makanan")
"""Endings of the technical units' names of the food and drug agency (BPOM), which name their
seat after "di" ("Balai Besar POM di Makassar", "Loka POM di Kabupaten Mimika"); other agencies'
units name it without ("Balai Veteriner Bukittinggi"), and "di" after them says where they are
("Balai Penelitian Sembawa di [Kabupaten Banyuasin]")."""


def technical_units_at_places(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with a BPOM unit's name and the city or province written after "di" made one
    ORG, the unit's full name (:data:`TECHNICAL_UNIT_HEADS`, :data:`UNITS_NAMED_WITH_DI`):
    "[Balai Besar POM] di [Medan]" -> "Balai Besar POM di Medan", as the agency names its units
    and the benchmark's writers annotate them (14 of 14); the place may be tagged or not.

    >>> import spacy
    >>> doc = spacy.blank("id")("Kepala Balai Besar POM di Medan dan warga di Medan hadir.")
    >>> ents = [Span(doc, 1, 4, label="ORG"), Span(doc, 5, 6, label="LOC"),
    ...         Span(doc, 9, 10, label="LOC")]
    >>> [(e.text, e.label_) for e in technical_units_at_places(doc, ents)]
    [('Balai Besar POM di Medan', 'ORG'), ('Medan', 'LOC')]
    """
    if not any(ent.label_ == "ORG" and ent[0].lower_ in TECHNICAL_UNIT_HEADS for ent in ents):
        return ents
    taken = {k for ent in ents for k in range(ent.start, ent.end)}
    by_start = {ent.start: ent for ent in ents}
    result: list[Span] = []
    joined: set[int] = set()
    for ent in ents:
        if ent.start in joined:
            continue
        at = ent.end + 1
        if (ent.label_ == "ORG" and ent[0].lower_ in TECHNICAL_UNIT_HEADS
                and ent[0].text[:1].isupper() and ent.text.endswith(UNITS_NAMED_WITH_DI)
                and at < len(doc) and doc[ent.end].text == "di"):
            place = by_start.get(at)
            if place is not None and _names_a_region(place):
                end = place.end
                joined.add(at)
            else:
                end = at + _region_at(doc, at, taken)
            if end > at:
                ent = Span(doc, ent.start, end, label="ORG")
        result.append(ent)
    return result


def join_branches(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with an organisation's regional branch made one ORG with it: an organisation
    followed by an ORG opening with a branch word (:data:`BRANCH_HEADS`), or a branch word
    before an organisation ("[Bulog] [Kanwil Sumatera Utara]", "Kanwil [Kemenag Jawa Timur]").

    >>> import spacy
    >>> doc = spacy.blank("id")("Kepala Bulog Kanwil Sumatera Utara dan Kanwil Kemenag Jatim")
    >>> ents = [Span(doc, 1, 2, "ORG"), Span(doc, 2, 5, "ORG"), Span(doc, 7, 9, "ORG")]
    >>> [e.text for e in join_branches(doc, ents)]
    ['Bulog Kanwil Sumatera Utara', 'Kanwil Kemenag Jatim']
    """
    result: list[Span] = []
    for ent in ents:
        previous = result[-1] if result else None
        is_branch = ent.label_ == "ORG" and ent[0].lower_ in BRANCH_HEADS
        if (is_branch and previous is not None and previous.label_ == "ORG"
                and previous.end == ent.start and doc[previous.end - 1].whitespace_):
            result[-1] = Span(doc, previous.start, ent.end, label="ORG")
            continue
        if (ent.label_ == "ORG" and not is_branch and ent.start > 0
                and doc[ent.start - 1].lower_ in BRANCH_HEADS
                and doc[ent.start - 1].text[:1].isupper()
                and (previous is None or previous.end < ent.start)):
            ent = Span(doc, ent.start - 1, ent.end, label="ORG")
        result.append(ent)
    return result


BOARD_NUMERALS = frozenset({"I", "II"})
"""Levels written after a board's abbreviation: "DPD I" (a province's), "DPD II" (a regency's or
city's)."""


REGIONAL_BOARD_WORDS = frozenset({"pengprov", "pengkab", "pengkot", "pengda", "pengcab"})
"""A sports federation's regional boards, shortened (Pengurus Provinsi, Kabupaten, Kota, Daerah,
Cabang): "Pengprov [IPSI] Sulsel"."""

REGIONAL_BOARD_LEVELS = frozenset({"provinsi", "kabupaten", "kota", "daerah", "cabang"})
"""Levels after "Pengurus" that make it a federation's or an association's regional board
("Pengurus Provinsi Persatuan Tinju Amatir Indonesia Sulawesi Utara", "Pengurus Cabang PGRI
Kabupaten Sikka"); the national boards ("Pengurus Besar", "Pengurus Pusat"), whose name the
benchmark's writers tag with the federation's, are left."""


def _board_heads(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the board names in ``doc``: "DPD", "DPD II" (a regency's board, as
    Golkar numbers them), "Dewan Pimpinan Wilayah", "Pimpinan Daerah", a sports federation's
    regional board ("Pengprov", "Pengurus Provinsi")."""
    heads = [(k, k + 2 if k + 1 < len(doc) and doc[k + 1].text in BOARD_NUMERALS else k + 1)
             for k in positions_of(doc, frozenset(h.lower() for h in BOARD_HEADS))
             if doc[k].text in BOARD_HEADS]
    heads += [(k, k + 1) for k in positions_of(doc, REGIONAL_BOARD_WORDS)
              if doc[k].text[:1].isupper()]
    heads += [(_board_noun_start(doc, k),
               k + 3 if k + 3 < len(doc) and doc[k + 2].text == "Istimewa" else k + 2)
              for k in positions_of(doc, frozenset({"pengurus"}))
              if doc[k].text == "Pengurus" and k + 1 < len(doc)
              and doc[k + 1].lower_ in REGIONAL_BOARD_LEVELS and doc[k + 1].text[:1].isupper()]
    # "Pengurus Cabang Istimewa Nahdlatul Ulama Malaysia": a branch abroad
    for k in positions_of(doc, frozenset({"pimpinan"})):
        if (k < len(doc) - 2 and doc[k].text == "Pimpinan"
                and (doc[k + 1].lower_ in BOARD_LEVELS
                     or (doc[k + 1].lower_ in REGIONAL_BOARD_LEVELS
                         and _board_noun_start(doc, k) < k))
                and doc[k + 1].text[:1].isupper() and doc[k + 2].text[:1].isupper()):
            end = k + 3 if doc[k + 2].text == "Istimewa" and k + 3 < len(doc) else k + 2
            heads.append((_board_noun_start(doc, k), end))
            # "Pimpinan Cabang Istimewa Muhammadiyah Malaysia": a branch abroad
    return sorted(heads)


BOARD_NOUNS = frozenset({"Dewan", "Badan"})
"""Nouns that may open a board's long name before "Pimpinan"/"Pengurus" and its level: "Dewan
Pimpinan Daerah", "Badan Pimpinan Cabang" (as hotel and restaurant associations name their
boards), "Badan Pengurus Daerah" (as young entrepreneurs' associations do); after one of them
the level may also be a province, regency or city ("Dewan Pimpinan Provinsi", as employers'
associations name their boards)."""


def _board_noun_start(doc: Doc, k: int) -> int:
    """``k - 1`` when a board noun (:data:`BOARD_NOUNS`) stands before "Pimpinan"/"Pengurus" at
    token ``k``, else ``k``."""
    return k - 1 if k > 0 and doc[k - 1].text in BOARD_NOUNS else k


def _region_end(doc: Doc, k: int, ents: list[Span], places: frozenset[tuple[str, ...]]) -> int:
    """End of a region's name that starts at token ``k`` (a place entity, or a known place with
    or without "Provinsi"/"Kabupaten"/"Kota" before it), or ``k`` if there is none."""
    if k >= len(doc) or not doc[k].text[:1].isupper():
        return k
    place = next((e for e in ents if e.start == k and e.label_ == "LOC"), None)
    if place is not None:
        return place.end
    return k + known_place_at(doc, k, places)


def _trailing_region(doc: Doc, span: Span, places: frozenset[tuple[str, ...]]) -> int:
    """Where a known place that ends ``span`` starts ("Partai Golkar [Sulawesi Selatan]"), after
    at least one word; ``span.end`` if none does."""
    for k in range(span.start + 1, span.end):
        if known_place_at(doc, k, places, span.end) == span.end - k:
            return k
    return span.end


REGION_NOUNS = ADMINISTRATIVE_HEADS | {"kota"}
"""Administrative nouns that make the region after a board a place named in full ("DPD Partai
NasDem [Kabupaten Sumenep]", "DPD II Partai Golkar [Kota Pematangsiantar]"); a bare region
there only names the office, like the place in a role ("Gubernur Jawa Tengah"), and is no entity
("DPD Partai Demokrat Bali")."""


def _region_after_acronym(doc: Doc, end: int, ents: list[Span],
                          places: frozenset[tuple[str, ...]]) -> tuple[int, int] | None:
    """Token range of a bare region after the bracketed acronym that follows a board's
    organisation ending at ``end`` ("Badan Pimpinan Daerah Perhimpunan Hotel dan Restoran
    Indonesia (PHRI) [Bali]"), or None: written without its administrative noun it only names the
    board, as it would straight after the organisation."""
    k = end + 3
    if (k >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")"
            or not doc[end + 1].text[:1].isupper() or _region_noun(doc[k])):
        return None
    region_end = _region_end(doc, k, ents, places)
    return (k, region_end) if region_end > k else None


def _region_noun(token: Token) -> bool:
    """Whether ``token`` is a capitalised region noun (:data:`REGION_NOUNS`): "Kabupaten"."""
    return token.lower_ in REGION_NOUNS and token.text[:1].isupper()


def board_organisations(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with each board of a party or association read as the organisation it belongs to
    and the region it serves: "DPD [Partai Golkar Bali]", "[DPD] [NasDem Kabupaten Bone]",
    "[DPW PKB] Jawa Timur" -> ORG "Partai Golkar", ORG "NasDem" and LOC "Kabupaten Bone", ORG
    "PKB"; "DPP [Partai Golkar]" -> "Partai Golkar".

    A board is a unit of its organisation, as a parliament's commission is of the parliament
    ("Komisi III [DPR]"): cased news annotates the organisation alone (IDNer 2k train: "DPP/DPD
    [Partai Golkar]", the board word outside, 12 of 12), and the graph links each board's people
    to the one party instead of splitting it by region. The organisation is the ORG entity after
    the board or, untagged, up to four capitalised words before a region; the senate ("DPD RI")
    is no board. The region is a place only when written with its administrative noun
    (:data:`REGION_NOUNS`; IDNer 2k train and dev: "DPD Partai Demokrat Bali", "DPD Nasdem
    Sumenep" no entity 4 times of 4, "Kabupaten Sumenep" a place). A sports federation's
    regional board is read the same way ("Pengprov [IPSI] Sulsel", "Pengurus Provinsi
    [Persatuan Tinju Amatir Indonesia] Sulawesi Utara"; the benchmark's writers: 16 of 57 whole,
    all in the first 855 articles).

    >>> import spacy
    >>> doc = spacy.blank("id")("Ketua DPD Partai Golkar Bali I Made Sudarma hadir.")
    >>> ents = [Span(doc, 1, 4, label="ORG"), Span(doc, 5, 8, label="PERSON")]
    >>> [(e.text, e.label_) for e in board_organisations(doc, ents)]
    [('Partai Golkar', 'ORG'), ('I Made Sudarma', 'PERSON')]
    """
    heads = _board_heads(doc)
    if not heads:
        return ents
    places = gazetteer_place_keys()
    result = list(ents)
    for start, name_start in heads:
        if (name_start >= len(doc) or doc[name_start - 1].whitespace_ != " "
                or not doc[name_start].text[:1].isupper() or doc[name_start].text == "RI"):
            if name_start - start == 2:  # "33 DPD II telah": boards, not the senate "DPD"
                result = [e for e in result if (e.start, e.end) != (start, name_start)]
            continue
        organisation = next((e for e in result if e.label_ == "ORG"
                             and start <= e.start <= name_start < e.end), None)
        if organisation is not None:
            tail = Span(doc, name_start, organisation.end)
            name_end = _trailing_region(doc, tail, places)
            end = organisation.end
            if name_end == end and doc[end - 1].whitespace_ == " ":
                end = _region_end(doc, end, result, places)
        else:
            name_end = end = name_start
            for k in range(name_start + 1, min(len(doc), name_start + MAX_BOARD_NAME_WORDS + 1)):
                if doc[k - 1].whitespace_ != " " or not doc[k].text[:1].isupper():
                    break
                region_end = _region_end(doc, k, result, places)
                if region_end > k:
                    name_end, end = k, region_end
                    break
            if end == name_start:
                continue
        while name_end - name_start > 1 and _region_noun(doc[name_end - 1]):
            name_end -= 1  # "[Partai Golkar Kota] Pematangsiantar": the noun opens the region
        size = name_end - name_start
        if size <= 0 or known_place_at(doc, name_start, places) >= size:
            continue  # no organisation's name, only a place: "DPD [Bali] juga menyepakati"
        found = [Span(doc, name_start, name_end, label="ORG")]
        if end > name_end and _region_noun(doc[name_end]):
            found.append(Span(doc, name_end, end, label="LOC"))
        bare_region = _region_after_acronym(doc, end, result, places)
        kept: list[Span] = []
        for ent in result:
            if (ent.start, ent.end) == bare_region:
                continue  # "Badan Pimpinan Daerah [Perhimpunan Hotel dan Restoran Indonesia]
                # ([PHRI]) Bali": the board's region
            if ent.end <= start or ent.start >= end:
                kept.append(ent)
            elif ent.end > end and doc[end].text[:1].isupper():
                kept.append(Span(doc, end, ent.end, label=ent.label))  # "Bali [I Made Sudarma]"
            elif ent.start < start:
                kept.append(Span(doc, ent.start, start, label=ent.label))
        result = sorted([*kept, *found], key=lambda span: span.start)
    return result


class RegionalOffices:
    """Joins regional offices and their place (see :func:`join_regional_offices`)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if is_headline_case(doc):
            return doc  # capitals mark no names there
        ents = list(doc.ents)
        offices = join_regional_offices(doc, places_named_again(doc, untagged_areas(
            doc, office_name_lists(doc, commands(doc, ents)))))
        offices = offices_before_known_places(doc, names_over_cut_places(doc, offices))
        joined = join_branches(doc, board_organisations(doc, regional_branches(
            doc, branches_with_untagged_parts(doc, technical_units_at_places(doc, offices)))))
        if joined != ents:
            doc.ents = joined
        return doc


@Language.factory("jalin_regional_offices")
def make_regional_offices(nlp: Language, name: str) -> RegionalOffices:
    """spaCy factory for :class:`RegionalOffices`."""
    return RegionalOffices(nlp, name)
