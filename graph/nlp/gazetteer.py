"""Gazetteer: tag known names of places and organisations by exact, case-sensitive lookup.

The names come from ``graph/data/gazetteer.yaml`` (countries and capitals in Indonesian and
English, Indonesia's provinces, cities and islands, state bodies, large Indonesian and global
companies, news organisations, international organisations, each list with its source) and from the
LOC, ORG and EVENT entries of the alias table ``graph/data/aliases.yaml``. A name listed with two
different types is ambiguous and left out.

The algorithm:

1. Every name is turned into token patterns (the pipeline's own tokenisation, splitting on spaces,
   and splitting punctuation off) and matched with spaCy's ``PhraseMatcher`` on ``ORTH``: the exact
   text, so "Jakarta" matches and "jakarta" does not; a match must hold a capital letter or a digit.
2. Names that are also common Indonesian words (``not_sentence_initial`` in the data: "Padang",
   "Malang", "Antara") are dropped at the start of a sentence, where the capital proves nothing.
3. Overlapping matches: the longest wins (then the earliest), so "Jawa Pos" beats "Jawa" and
   "Pemprov Jawa Barat" beats "Jawa Barat".
4. The matches are merged with the entities already on ``doc.ents`` according to ``mode``:

   ``"fill"``     add a match only where no entity overlaps it: the statistical NER is trusted
                  wherever it found something, the gazetteer fills its gaps;
   ``"relabel"``  as ``fill``, and an entity with exactly a gazetteer name's extent takes the
                  gazetteer's type;
   ``"extend"``   (default) as ``relabel``, and a match that strictly contains entities replaces
                  them ("Bank Rakyat [Indonesia]" -> "[Bank Rakyat Indonesia]");
   ``"preset"``   for use *before* the ``ner`` component (like spaCy's ``entity_ruler``): matches
                  are written as preset entities, and the NER predicts around them.

In every mode an entity that contains a match ("Fraksi Partai Golkar" around "Partai Golkar"),
or crosses one, is kept as it is. Docs without capitalised words
(lower-cased text) get no matches.

Which types are tagged is the ``labels`` setting: by default ORG and EVENT only (see
:data:`DEFAULT_LABELS`); with ``place_context`` LOC names are tagged only after a word that marks
a place (:data:`PLACE_CUES`: "di", "ke", "dari", a comma, ...). In ``extend`` mode the names of
``extend_labels`` (LOC by default) are used only to lengthen an entity of their own type that the
recogniser cut short ("[Papua] Tengah" -> "[Papua Tengah]"), or to retype a person entity of
exactly a place's name after a word that marks a place ("antara Semarang dan [Kudus]", unless
the article has a longer person name holding it, or it is a person's initials), and to add one
only right after "di", "ke" or "dari" (:data:`STRONG_PLACE_CUES`: "dibekuk di [Balikpapan]").
A known place's name standing alone elsewhere, which cased news annotates as no entity when it
modifies or acts ("pemain e-commerce [Tiongkok]", "serangan udara [Israel]"), is kept on
``doc._.place_mentions``: no entity, but the graph links it (:mod:`graph.mentions`).
Jalin's pipeline (:func:`graph.nlp.pipeline.load_pipeline`) runs it right after
``jalin_entity_labels``, with the defaults; ``bench/gazetteer_experiment.py`` measures the
alternatives.

>>> import spacy
>>> nlp = spacy.blank("id")
>>> _ = nlp.add_pipe("jalin_gazetteer")
>>> [(e.text, e.label_) for e in nlp("Menlu bertemu Kemenlu Jepang di Jawa Barat .").ents]
[('Kemenlu', 'ORG'), ('Jawa Barat', 'LOC')]
>>> _ = nlp.replace_pipe("jalin_gazetteer", "jalin_gazetteer",
...                      config={"labels": ["LOC", "ORG", "EVENT"]})
>>> [(e.text, e.label_) for e in nlp("Menlu bertemu Kemenlu Jepang di Jawa Barat .").ents]
[('Kemenlu', 'ORG'), ('Jepang', 'LOC'), ('Jawa Barat', 'LOC')]
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..aliases import YAML_LOADER, builtin_aliases
from ..errors import JalinError
from .labels import (
    ADMINISTRATIVE_HEADS,
    FACILITY_HEADS,
    LIST_JOINERS,
    ORG_HEADS,
    PLACE_NOUNS,
    STRONG_PLACE_CUES,
    common_words,
    extend_to_numeral,
    extend_to_org_tail,
    is_headline_case,
    is_initials,
    names_an_aircraft_type,
)

if not Doc.has_extension("place_mentions"):
    Doc.set_extension("place_mentions", default=None)

LABELS = ("LOC", "ORG", "EVENT")
"""The types a gazetteer name may have."""

MODES = ("fill", "relabel", "extend", "preset")

DEFAULT_LABELS = ("ORG", "EVENT")
"""The types tagged by default. LOC names are left out: on cased news (IDNer 2k dev) they cost
more LOC precision than they bring recall, since a country named as an actor or modifier
("Pemerintah Indonesia", "warga Jepang") is not annotated as a place; see ``docs/ner.md``."""

DEFAULT_EXTEND_LABELS = ("LOC",)
"""Types whose names, in ``extend`` mode, only lengthen an entity of that type the recogniser cut
short ("[Papua] Tengah" -> "[Papua Tengah]", "[Jakarta] Selatan"), retype an organisation entity
of exactly a known place's extent ("mendukung keanggotaan [Timor-Leste]" ORG: the writers tag an
acting country a place), and add one only right after "di", "ke" or "dari"
(:data:`STRONG_PLACE_CUES`)."""

ADMINISTRATIVE_PREFIXES = frozenset({"Provinsi", "Kota", "Kabupaten"})
"""Administrative nouns that Jalin keeps out of a place's name ("Bandung", not "Kota Bandung"),
so a name they open does not lengthen an entity."""


def stands_alone(span: Span, common: bool = False) -> bool:
    """Whether a name (a known place's, an organisation's short name) is a word group of its own,
    not part of a longer name: no capitalised word right before it (unless it opens a sentence)
    or right after it, and not only common words ("Tanah Air"), unless ``common`` allows them
    (a name the article gave a company: "Lintas Harapan").

    >>> import spacy
    >>> doc = spacy.blank("id")("pemain daring Tiongkok yang mendunia dan Bank Tiongkok Raya")
    >>> stands_alone(doc[2:3]), stands_alone(doc[7:8])
    (True, False)
    """
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    return ((before is None or span[0].is_sent_start or not before.text[:1].isupper())
            and (after is None or not after.text[:1].isupper())
            and (common or not all(t.lower_ in common_words() for t in span)))


MAX_ROUTE_END_WORDS = 2
"""Most words of each end of a route ("Padang Panjang-Bukittinggi")."""

ROUTE_NAME_HEADS = PLACE_NOUNS | FACILITY_HEADS | ORG_HEADS | {"tol", "ruas", "rute"}
"""Words that open the name of a road, a facility or a body a route is part of ("Tol
Surabaya-Gresik", "Jalan Yogya-Solo"), which stays whole."""

ROUTE_CUES = frozenset({"rute", "jurusan", "trayek"})
"""Lower-case nouns before two places joined by a hyphen that make them a route's ends ("rute
Paloh-Kuching", "angkot jurusan Cicaheum-Ciroyom")."""

AREA_CUES = frozenset({"di", "karst", "kawasan", "wilayah"})
"""Words before two places joined by a hyphen that make them one area, not a route ("di
Maros-Pangkep", "karst Maros-Pangkep"), as the benchmark's writers tag it."""


def _may_be_route(pair: Span, places: Container[str]) -> bool:
    """Whether two names joined by a hyphen (``pair``) may be a route's two places: the pair is
    no known place ("Timor-Leste"), no road's, facility's or body's word opens it
    (:data:`ROUTE_NAME_HEADS`: "Tol Surabaya-Gresik"), and neither an area's word
    (:data:`AREA_CUES`: "di Maros-Pangkep") nor a capitalised word inside a sentence comes
    before it ("Tol [Surabaya-Gresik]")."""
    doc = pair.doc
    before = doc[pair.start - 1] if pair.start > 0 else None
    return not (pair.text in places or pair[0].lower_ in ROUTE_NAME_HEADS or (
        before is not None and (before.lower_ in AREA_CUES or (
            before.text[:1].isupper() and not pair[0].is_sent_start))))


def split_routes(ents: list[Span], places: Container[str]) -> list[Span]:
    """``ents`` with each entity that is a route, two places joined by a hyphen written without
    spaces ("Bireuen-Takengon", "Perth-Lombok"), cut into its two places, where one end is a
    known place (``places``) and the whole is none ("Timor-Leste") and no capitalised word
    before it or opening it makes it a road's, a facility's or an event's name ("Tol
    Surabaya-Gresik", "Tol [Surabaya-Gresik]" stay as they are, :data:`ROUTE_NAME_HEADS`),
    no acronym is an end ("WWF-Indonesia") and no area's word comes before it ("di
    Maros-Pangkep", :data:`AREA_CUES`): the benchmark's writers tag such a pair's places apart
    66 times and whole 18 times, 9 of them after an area's word.

    >>> import spacy
    >>> doc = spacy.blank("id")("jalan nasional Bireuen-Takengon putus")
    >>> [(e.text, e.label_) for e in split_routes([Span(doc, 2, 5, "ORG")], {"Bireuen"})]
    [('Bireuen', 'LOC'), ('Takengon', 'LOC')]
    """
    result: list[Span] = []
    for ent in ents:
        doc = ent.doc
        hyphens = [k for k in range(ent.start + 1, ent.end - 1) if doc[k].text == "-"]
        if len(hyphens) != 1 or ent.label_ == "EVENT" or not _may_be_route(ent, places):
            result.append(ent)
            continue
        k = hyphens[0]
        first, second = Span(doc, ent.start, k, label="LOC"), Span(doc, k + 1, ent.end, label="LOC")
        if (doc[k - 1].whitespace_ or doc[k].whitespace_
                or not all(len(end) <= MAX_ROUTE_END_WORDS
                           and all(t.is_alpha and t.text[:1].isupper() and not t.is_upper
                                   for t in end)
                           for end in (first, second))
                or not (first.text in places or second.text in places)):
            result.append(ent)
            continue
        result += [first, second]
    return result


def _route_end(doc: Doc, k: int, step: int, taken: set[int]) -> Span | None:
    """The untagged capitalised words (at most :data:`MAX_ROUTE_END_WORDS`) on the far side of
    the hyphen at token ``k`` written without spaces, read forwards (``step`` 1) or backwards
    (-1), ending where the capitalised words end; ``None`` if there are none."""
    if not (0 < k < len(doc) - 1 and doc[k].text == "-" and not doc[k - 1].whitespace_
            and not doc[k].whitespace_):
        return None
    words: list[int] = []
    j = k + step
    while (0 <= j < len(doc) and j not in taken and doc[j].is_alpha and doc[j].text[:1].isupper()
           and not doc[j].is_upper and len(words) < MAX_ROUTE_END_WORDS
           and (step == 1 or not doc[j].is_sent_start or j == k - 1)):
        words.append(j)
        j += step
        if step == -1 and doc[j + 1].is_sent_start:
            break
    if not words or (0 <= j < len(doc) and j not in taken and doc[j].is_alpha
                     and doc[j].text[:1].isupper()):
        return None  # a longer capitalised run: a name, no route's end
    return Span(doc, min(words), max(words) + 1, label="LOC")


def route_ends(ents: list[Span], places: Container[str]) -> list[Span]:
    """``ents`` with the untagged end of a route whose other end is a place entity added as a
    place: "rute perdana [Jakarta]-Dharmasraya", "rute Paloh-[Kuching]" (two places joined by a
    hyphen written without spaces), when one end is a known place (``places``) or a route's
    noun comes before the pair (:data:`ROUTE_CUES`), and the pair may be a route
    (:func:`_may_be_route`, as for :func:`split_routes`).

    >>> import spacy
    >>> doc = spacy.blank("id")("rute perdana Jakarta-Dharmasraya dibuka")
    >>> [(e.text, e.label_) for e in route_ends([Span(doc, 2, 3, "LOC")], {"Jakarta"})]
    [('Jakarta', 'LOC'), ('Dharmasraya', 'LOC')]
    """
    taken = {k for e in ents for k in range(e.start, e.end)}
    found: list[Span] = []
    for ent in ents:
        if ent.label_ != "LOC":
            continue
        doc = ent.doc
        for k, step in ((ent.end, 1), (ent.start - 1, -1)):
            end = _route_end(doc, k, step, taken)
            if end is None:
                continue
            first, second = (ent, end) if step == 1 else (end, ent)
            before = doc[first.start - 1] if first.start > 0 else None
            if not _may_be_route(doc[first.start:second.end], places) or not (
                    first.text in places or second.text in places
                    or (before is not None and before.lower_ in ROUTE_CUES)):
                continue
            found.append(end)
            taken.update(range(end.start, end.end))
    return sorted([*ents, *found], key=lambda span: span.start) if found else ents


def _listed_after_a_place(span: Span, ents: list[Span]) -> bool:
    """Whether ``span`` follows, joined by a comma, "dan", "serta" or "atau", a list of places
    that opens right after "di", "ke" or "dari" or with an area's administrative noun (an
    address): "di Kenya dan [Tanzania]", "ke Roma, Paris, dan [Wina]", "Kecamatan Klego,
    [Boyolali]". The list's places are ``ents``' LOC entities. After a comma alone, punctuation
    must follow the name, not a word: "tiba di Jawa Tengah, Jepang menyusul" is a new clause.

    >>> import spacy
    >>> doc = spacy.blank("id")("membom kedutaan di Kenya dan Tanzania pada 1998")
    >>> _listed_after_a_place(doc[5:6], [Span(doc, 3, 4, label="LOC")])
    True
    """
    doc = span.doc
    if doc[span.start - 1].text == "," and span.end < len(doc) and doc[span.end].is_alpha:
        return False  # a clause's subject after a comma: "tiba di Jawa Tengah, Jepang menyusul"
    ends = {e.end: e for e in ents if e.label_ == "LOC"}
    k = span.start
    while k > 0 and doc[k - 1].lower_ in LIST_JOINERS:
        joiners = k - 1
        while joiners > 0 and doc[joiners - 1].lower_ in LIST_JOINERS:
            joiners -= 1  # ", dan"
        place = ends.get(joiners)
        if place is None:
            return False
        if ((place.start > 0 and doc[place.start - 1].lower_ in STRONG_PLACE_CUES)
                or (place[0].lower_ in ADMINISTRATIVE_HEADS and place[0].text[:1].isupper())):
            return True  # "di Kenya dan [Tanzania]", "Kecamatan Klego, [Boyolali]"
        k = place.start
    return False


def _after_administrative_prefix(span: Span, overlapping: list[Span]) -> Span | None:
    """A known place ``span`` (with or without its administrative noun) lengthening the one
    entity of its type that opens with an administrative noun and ends inside it ("[Kabupaten
    Sumba Barat] Daya"): that noun and the whole name, or None.

    >>> import spacy
    >>> doc = spacy.blank("id")("di Kabupaten Sumba Barat Daya pada")
    >>> _after_administrative_prefix(Span(doc, 2, 5, label="LOC"),
    ...                              [Span(doc, 1, 4, label="LOC")]).text
    'Kabupaten Sumba Barat Daya'
    >>> _after_administrative_prefix(Span(doc, 1, 5, label="LOC"),
    ...                              [Span(doc, 1, 4, label="LOC")]).text
    'Kabupaten Sumba Barat Daya'
    """
    if len(overlapping) != 1:
        return None
    ent = overlapping[0]
    if (ent.label_ == span.label_ and span.start - 1 <= ent.start <= span.start
            and ent.end < span.end and ent[0].text in ADMINISTRATIVE_PREFIXES):
        return Span(span.doc, ent.start, span.end, label=span.label_)
    return None


PLACE_CUES = frozenset({
    "di", "ke", "dari", "menuju", "hingga", "sampai", "sekitar", "seluruh", "penjuru",
    "kota", "kabupaten", "provinsi", "wilayah", "kawasan", "daerah", "pulau", "ibu", "ibukota",
    "negara", "negeri", "benua", "selat", "laut", "in", "at", "from", "to",
    ",", "dan", "serta", "atau", "/",
})
"""Words after which a place name is used as a place ("di Jakarta", "ke Jepang", "Bandung,
Jawa Barat") rather than as a modifier or an actor ("Pemerintah Indonesia", "warga Jepang",
"Iran menyerang"), for ``place_context``."""

_PUNCT_SPLIT = re.compile(r"\w+|[^\w\s]")
_CAMEL_CASE = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")


def _read_data(path: str | Path | None) -> dict[str, Any]:
    """The gazetteer file's data; the built-in file (``None``) is parsed once per process and
    shared, so callers must not change it."""
    if path is None:
        return _builtin_data()
    return _parse_data(path)


@lru_cache(maxsize=1)
def _builtin_data() -> dict[str, Any]:
    return _parse_data(None)


def _parse_data(path: str | Path | None) -> dict[str, Any]:
    if path is None:
        text = resources.files("graph.data").joinpath("gazetteer.yaml").read_text(
            encoding="utf-8")
        origin = "graph/data/gazetteer.yaml"
    else:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise JalinError(f"cannot read gazetteer ({exc.strerror or exc})", str(path)) from None
        origin = str(path)
    try:
        data = yaml.load(text, Loader=YAML_LOADER) or {}
    except yaml.YAMLError:
        raise JalinError("malformed gazetteer file (invalid YAML)", origin) from None
    if not isinstance(data, dict) or not isinstance(data.get("lists", {}), dict):
        raise JalinError("gazetteer file must hold a mapping 'lists'", origin)
    return data


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _capitalised_variant(name: str) -> str | None:
    """``name`` with its camel-case words ("NasDem", "SoftBank") capitalised only ("Nasdem",
    "Softbank"), as much news writes them; ``None`` if it has no such word ("KontraS", with a
    one-letter part, is not one: "Kontras" is a word).

    >>> _capitalised_variant("Partai NasDem"), _capitalised_variant("PT Bank BTPN")
    ('Partai Nasdem', None)
    """
    words = name.split()
    changed = [w.capitalize() if _CAMEL_CASE.fullmatch(w) else w for w in words]
    return " ".join(changed) if changed != words else None


LEVEL_PREFIXES = frozenset({"Pemprov", "Pemkot", "Pemkab", "Pemko", "Pemerintah"})
"""Words of regional governments' names that name the level of government themselves ("Pemkot
Semarang", "Pemerintah Kota Semarang"): no administrative word follows them again."""


def _names_a_level(prefix: str) -> bool:
    """Whether an organisation's prefix names a level of government (:data:`LEVEL_PREFIXES`,
    "DPRD Kota", "Kwarcab Kabupaten") so that no administrative word comes after it."""
    words = prefix.split()
    return words[0] in LEVEL_PREFIXES or words[-1] in ADMINISTRATIVE_PREFIXES


def load_gazetteer(path: str | Path | None = None, *,
                   aliases: bool = True) -> tuple[dict[str, str], frozenset[str]]:
    """``(name -> type, names not matched at a sentence start)`` from the gazetteer file
    (``None``: the built-in one) and, if ``aliases``, the built-in alias table's LOC, ORG and
    EVENT entries. Names given two different types are left out. A name with inner capitals
    ("Partai NasDem") is also matched capitalised only ("Partai Nasdem").

    >>> names, _ = load_gazetteer()
    >>> names["Jepang"], names["Kementerian Keuangan"], names["Pemprov Jawa Barat"]
    ('LOC', 'ORG', 'ORG')
    """
    data = _read_data(path)
    found: dict[str, set[str]] = {}

    def add(name: str, label: str) -> None:
        name = " ".join(name.split())
        if name:
            found.setdefault(name, set()).add(label)
            variant = _capitalised_variant(name)
            if variant:
                found.setdefault(variant, set()).add(label)

    regional: list[str] = []
    with_level: list[str] = []  # "Kota Semarang": a regional list's first names after its level
    for list_name, spec in data["lists"].items():
        label = spec.get("label")
        if label not in LABELS:
            raise JalinError(f"gazetteer list {list_name!r}: label must be one of "
                             f"{', '.join(LABELS)}", str(path or "graph/data/gazetteer.yaml"))
        level = spec.get("regional")
        for item in spec.get("names", []):
            for i, name in enumerate(_names(item)):
                add(name, label)
                if level:
                    regional.append(name)
                    if i == 0 and level in ADMINISTRATIVE_PREFIXES:
                        with_level.append(f"{level} {name}")
    prefixes = data.get("prefixes") or {}
    for label in LABELS:
        for prefix in prefixes.get(label, []):
            for name in regional:
                add(f"{prefix} {name}", label)
            if label == "ORG" and not _names_a_level(prefix):
                for name in with_level:
                    add(f"{prefix} {name}", label)
    if aliases:
        for entry in builtin_aliases():
            if entry.type in LABELS:
                for name in (entry.canonical, *entry.variants):
                    add(name, entry.type)
    names = {name: next(iter(labels)) for name, labels in found.items() if len(labels) == 1}
    return names, frozenset(data.get("not_sentence_initial") or ())


@lru_cache(maxsize=1)
def builtin_names() -> dict[str, str]:
    """``load_gazetteer()``'s names (the built-in gazetteer and alias table), read once per
    process; do not change the dictionary."""
    return load_gazetteer()[0]


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """The LOC names of the built-in gazetteer and alias table, as written.

    >>> "Bandung" in place_names(), "Ganjar" in place_names()
    (True, False)
    """
    return frozenset(name for name, label in builtin_names().items() if label == "LOC")


@lru_cache(maxsize=1)
def regional_names() -> frozenset[str]:
    """Indonesia's provinces, provincial capitals, cities and regencies (the gazetteer's
    ``regional`` lists) with every alias-table name of those ("Jateng", "Sulsel"): the regions
    every national body has a branch in.

    >>> names = regional_names()
    >>> [name in names for name in ("Jawa Tengah", "Jateng", "Wonogiri", "Jepang")]
    [True, True, True, False]
    """
    regional = set(gazetteer_lists("provinces", "provincial_capitals", "cities", "regencies"))
    for entry in builtin_aliases():
        entry_names = (entry.canonical, *entry.variants)
        if entry.type == "LOC" and regional.intersection(entry_names):
            regional.update(entry_names)
    return frozenset(regional)


def gazetteer_lists(*list_names: str, path: str | Path | None = None) -> frozenset[str]:
    """Every name of the named lists of the gazetteer file (``None``: the built-in one).

    >>> names = gazetteer_lists("provinces", "cities")
    >>> "Jawa Barat" in names, "Bandung" in names, "Jepang" in names
    (True, True, False)
    """
    lists = _read_data(path)["lists"]
    missing = [name for name in list_names if name not in lists]
    if missing:
        raise JalinError(f"gazetteer has no list {missing[0]!r}",
                         str(path or "graph/data/gazetteer.yaml"))
    return frozenset(" ".join(name.split()) for list_name in list_names
                     for item in lists[list_name].get("names", []) for name in _names(item))


def _token_variants(nlp: Language, name: str) -> Iterable[list[str]]:
    yield [t.text for t in nlp.make_doc(name)]
    yield name.split()
    yield _PUNCT_SPLIT.findall(name)


def _sentence_initial(doc: Doc, start: int) -> bool:
    """Whether token ``start`` opens its sentence (only punctuation before it)."""
    k = start
    while k > 0 and not doc[k].is_sent_start and doc[k - 1].is_punct:
        k -= 1
    return k == 0 or bool(doc[k].is_sent_start)


class Gazetteer:
    """The ``jalin_gazetteer`` component (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, mode: str = "extend", path: str | None = None,
                 aliases: bool = True, labels: Iterable[str] = DEFAULT_LABELS,
                 place_context: bool = False,
                 extend_labels: Iterable[str] = DEFAULT_EXTEND_LABELS) -> None:
        if mode not in MODES:
            raise ValueError(f"jalin_gazetteer mode must be one of {', '.join(MODES)}")
        self.name = name
        self.mode = mode
        self.place_context = place_context
        names, self.not_sentence_initial = load_gazetteer(path, aliases=aliases)
        self.labels = frozenset(labels)
        self.extend_labels = frozenset(extend_labels) - self.labels if mode == "extend" else set()
        wanted = self.labels | self.extend_labels
        names = {text: label for text, label in names.items() if label in wanted}
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        patterns: dict[str, dict[tuple[str, ...], Doc]] = {label: {} for label in LABELS}
        for text, label in names.items():
            for words in _token_variants(nlp, text):
                key = tuple(words)
                if (key and key not in patterns[label]
                        and any(ch.isupper() or ch.isdigit() for ch in text)):
                    patterns[label][key] = Doc(nlp.vocab, words=words)
        for label, docs in patterns.items():
            if docs:
                self.matcher.add(label, list(docs.values()))
        self.n_names = len(names)

    def matches(self, doc: Doc) -> list[Span]:
        """The gazetteer's names in ``doc``: longest first among overlaps, in text order."""
        candidates = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            if (end - start == 1 and span.text in self.not_sentence_initial
                    and _sentence_initial(doc, start)):
                continue
            if (self.place_context and doc.vocab.strings[match_id] == "LOC"
                    and (start == 0 or doc[start - 1].lower_ not in PLACE_CUES)):
                continue
            candidates.append(Span(doc, start, end, label=match_id))
        candidates.sort(key=lambda s: (-(s.end - s.start), s.start))
        taken = [False] * len(doc)
        kept = []
        for span in candidates:
            if not any(taken[span.start:span.end]):
                kept.append(span)
                for k in range(span.start, span.end):
                    taken[k] = True
        return sorted(kept, key=lambda s: s.start)

    @staticmethod
    def _in_a_longer_person(span: Span, ents: list[Span]) -> bool:
        """Whether ``span``'s words are part of a longer person name among ``ents`` ("Paris"
        after "Paris Hilton")."""
        words = tuple(t.lower_ for t in span)
        size = len(words)
        return any(e.label_ == "PERSON" and len(e) > size and any(
            tuple(t.lower_ for t in e[k:k + size]) == words for k in range(len(e) - size + 1))
            for e in ents)

    @staticmethod
    def _a_region_alone(span: Span) -> bool:
        """Whether ``span`` is one of Indonesia's provinces, cities or regencies
        (:func:`regional_names`) written as a word group of its own after a lower-case word:
        "Tuan rumah [Wonogiri] menempati posisi kedua" (the benchmark's articles never tag
        such a name a person)."""
        before = span.doc[span.start - 1]
        return (span.text in regional_names() and before.is_lower and stands_alone(span)
                and span.label_ == "LOC")

    def __call__(self, doc: Doc) -> Doc:
        found = self.matches(doc)
        if not found:
            return doc
        ents = list(doc.ents)
        if self.mode == "preset":
            occupied = {k for e in ents for k in range(e.start, e.end)}
            new = [s for s in found if not occupied.intersection(range(s.start, s.end))]
            doc.set_ents(new, default="unmodified")
            return doc
        by_extent = {(e.start, e.end): i for i, e in enumerate(ents)}
        place_mentions: list[Span] = []
        for span in found:
            overlapping = [e for e in ents if e.start < span.end and span.start < e.end]
            if span.label_ not in self.labels:  # only to lengthen: "[Papua] Tengah"
                prefixed = _after_administrative_prefix(span, overlapping)
                if prefixed is not None:  # "[Kabupaten Sumba Barat] Daya"
                    ents = [e for e in ents if e not in overlapping] + [prefixed]
                elif (overlapping and len(span) > max(len(e) for e in overlapping)
                        and doc[span.start].text not in ADMINISTRATIVE_PREFIXES
                        and all(e.label_ == span.label_ and span.start <= e.start
                                and e.end <= span.end for e in overlapping)):
                    ents = [e for e in ents if e not in overlapping] + [span]
                elif (len(overlapping) == 1 and overlapping[0].label_ == "PERSON"
                      and (overlapping[0].start, overlapping[0].end) == (span.start, span.end)
                      and span.start > 0 and (doc[span.start - 1].lower_ in PLACE_CUES
                                              or self._a_region_alone(span))
                      and not self._in_a_longer_person(span, ents)
                      and not is_initials(doc, span.start, span.end)):  # "berinisial RH dan AS"
                    ents = [e for e in ents if e not in overlapping] + [span]  # "dan [Kudus]"
                elif (len(overlapping) == 1 and overlapping[0].label_ == "ORG"
                      and (overlapping[0].start, overlapping[0].end) == (span.start, span.end)
                      and span.label_ == "LOC"):
                    ents = [e for e in ents if e not in overlapping] + [span]  # "[Timor-Leste]"
                    # ORG: a known place the recogniser typed an organisation is the place
                elif (not overlapping and span.start > 0
                      and (doc[span.start - 1].lower_ in STRONG_PLACE_CUES
                           or _listed_after_a_place(span, ents))
                      and not all(t.lower_ in common_words() for t in span)):  # "Tanah Air"
                    ents.append(span)  # "dibekuk di [Balikpapan]": the recogniser missed it
                elif not overlapping and stands_alone(span):
                    place_mentions.append(span)  # "pemain e-commerce Tiongkok"
                by_extent = {(e.start, e.end): i for i, e in enumerate(ents)}
                continue
            if is_initials(doc, span.start, span.end):
                continue  # "berinisial [AP]": a person's initials, not the news agency
            if names_an_aircraft_type(doc, span.start, span.end):
                continue  # "pesawat [Airbus] A320": an aircraft type, no organisation
            if not overlapping:  # with its numeral: "[PTPN IV]", unless an entity holds it;
                # an organisation with the tail of its full name: "[Wuling] Motors"
                next_taken = {span.end} if any(e.start <= span.end < e.end for e in ents) else set()
                span = extend_to_numeral(span, next_taken)
                if span.label_ == "ORG":
                    occupied = {k for e in ents for k in range(e.start, e.end)}
                    span = extend_to_org_tail(span, occupied)
                ents.append(span)
            elif self.mode in ("relabel", "extend") and len(overlapping) == 1 and (
                    overlapping[0].start, overlapping[0].end) == (span.start, span.end):
                ents[by_extent[(span.start, span.end)]] = span
            elif self.mode == "extend" and all(
                    span.start <= e.start and e.end <= span.end for e in overlapping):
                ents = [e for e in ents if e not in overlapping] + [span]
            by_extent = {(e.start, e.end): i for i, e in enumerate(ents)}
        doc.ents = route_ends(sorted(split_routes(ents, place_names()), key=lambda s: s.start),
                              place_names())
        if place_mentions and not is_headline_case(doc):
            doc._.place_mentions = place_mentions
        return doc


@Language.factory("jalin_gazetteer",
                  default_config={"mode": "extend", "path": None, "aliases": True,
                                  "labels": list(DEFAULT_LABELS), "place_context": False,
                                  "extend_labels": list(DEFAULT_EXTEND_LABELS)})
def make_gazetteer(nlp: Language, name: str, mode: str, path: str | None, aliases: bool,
                   labels: list[str], place_context: bool,
                   extend_labels: list[str]) -> Gazetteer:
    """spaCy factory: ``mode`` is ``fill``, ``relabel``, ``extend`` or ``preset``; ``path`` a
    gazetteer file in place of the built-in one; ``aliases`` adds the built-in alias table;
    ``labels`` the types tagged; ``place_context`` tags LOC names only after a
    :data:`PLACE_CUES` word; ``extend_labels`` the other types whose names only lengthen an
    entity of their type (``extend`` mode)."""
    return Gazetteer(nlp, name, mode, path, aliases, labels, place_context, extend_labels)
