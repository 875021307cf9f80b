"""A common noun qualified by a place is not an organisation: "UKM Indonesia", "BUMN Indonesia".

News writes a sector, a group of people or a product category followed by a country or region to
say whose it is: "UKM Indonesia sulit mendapat kredit" (Indonesia's small businesses), "pasar
eCommerce Indonesia" (Indonesian e-commerce), "UMKM Indonesia", "fintech Asia". The model tags
many of these as an organisation, because "Noun Indonesia" is also the shape of real names
("Garuda Indonesia", "Bank Indonesia", "Telkom Indonesia"). The difference is how the same article
uses the first word on its own: a real name's short form is itself a name ("Garuda", "Telkom"),
while a common noun is used on its own as a plain word ("jumlah UKM", "pemain eCommerce").

The rule (one algorithm, one function: :func:`modified_common_nouns`): an ORG entity of two or
more tokens is dropped when

* its last words name a place that is not one of Indonesia's provinces, cities or regencies (a
  country, a world region or city, an island: :func:`qualifying_places`): an acronym before a
  province, a city or a regency is how the regional branch of an institution is named ("DPRD
  Riau", "BPD Riau", "KPU Jabar", "BKPSDM Solok Selatan"), an organisation;
* what comes before is one word written as a common noun or a term is written, not as a name: an
  acronym (all capitals: "UKM", "BUMN") or a word that starts with a lower-case letter
  ("eCommerce", "e-Commerce"); a capitalised word ("Garuda", "Semen", "Timnas") never is, since in
  cased text that is how names are written;
* that word is not an organisation's head ("Bank", "PT", ...) and not a known organisation's name
  or short form (the gazetteer and the alias table: "BRI", "PLN", "KPK");
* the document uses the word on its own (not inside a longer entity) at least once, and more often
  as a plain word than as an entity of its own: the document's own usage, as in the
  "one sense per discourse" observation (Gale, Church & Yarowsky 1992), here applied to whether a
  word is a name.

The place words are left untagged too, as the NER corpora do for a place that modifies a noun
("warga Jepang", "UKM Indonesia"). Documents in lower case (no casing signal) are left as
they are.

A country's government written with its name ("Pemerintah Arab Saudi", tagged an organisation by
the recogniser) is the country, a place (:func:`governed_places`); a region's government
("Pemerintah Aceh", "Pemerintah Kota Bandung") stays an organisation.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from .gazetteer import ADMINISTRATIVE_PREFIXES, builtin_names, place_names, regional_names
from .labels import ORG_HEADS, is_cased

MAX_PLACE_WORDS = 3
"""The longest place name looked for at the end of an entity ("Papua Nugini", "Nusa Tenggara
Barat")."""


def qualifying_places() -> frozenset[str]:
    """The gazetteer's and the alias table's place names
    (:func:`~graph.nlp.gazetteer.place_names`) except Indonesia's provinces, cities and regencies
    (the gazetteer's ``regional`` lists), every alias-table name of those and those names after
    an administrative prefix ("Provinsi Jawa Barat": "PMI Provinsi Jawa Barat" is a branch).

    >>> places = qualifying_places()
    >>> [name in places for name in ("Indonesia", "Asia", "Riau", "Jabar", "Bandung")]
    [True, True, False, False, False]
    >>> "Provinsi Jawa Barat" in places, "Kota Bandung" in places
    (False, False)
    """
    regional = regional_names()
    return frozenset(name for name in place_names() - regional
                     if not (name.partition(" ")[0] in ADMINISTRATIVE_PREFIXES
                             and name.partition(" ")[2] in regional))  # "Provinsi Jawa Barat"


def _looks_like_common_noun(word: str) -> bool:
    """An acronym in capitals ("UKM") or a word starting in lower case ("eCommerce").

    >>> [_looks_like_common_noun(w) for w in ("UKM", "eCommerce", "Garuda", "G20", "A")]
    [True, True, False, False, False]
    """
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) < 2 or not all(ch.isalpha() or ch in "-&" for ch in word):
        return False
    return word.isupper() or word[0].islower()


def _place_length(span: Span, places: frozenset[str] | set[str]) -> int:
    """How many tokens at the end of ``span`` (leaving at least one) name a place; 0 if none."""
    for n in range(min(MAX_PLACE_WORDS, len(span) - 1), 0, -1):
        if span[len(span) - n:].text in places:
            return n
    return 0


def _own_usage(doc: Doc, word: str, skip: Iterable[Span]) -> tuple[int, int]:
    """``(plain, named)``: how often ``word`` stands in ``doc`` outside any entity, and as an
    entity of its own, not counting the tokens of the ``skip`` spans."""
    skipped = {k for span in skip for k in range(span.start, span.end)}
    plain = named = 0
    for token in doc:
        if token.text != word or token.i in skipped:
            continue
        if not token.ent_type_:
            plain += 1
        elif token.ent_iob_ == "B" and (token.i + 1 == len(doc)
                                         or doc[token.i + 1].ent_iob_ != "I"):
            named += 1
    return plain, named


def modified_common_nouns(doc: Doc, places: frozenset[str] | set[str],
                          known_names: frozenset[str] | set[str]) -> list[Span]:
    """The ORG entities of ``doc`` that are a common noun qualified by a place (see the module
    docstring). ``places`` are the place names that qualify a noun (:func:`qualifying_places`),
    ``known_names`` names and short forms of known organisations, both as written.

    >>> import spacy
    >>> nlp = spacy.blank("id")
    >>> doc = nlp("Jumlah UKM naik. Produk UKM Indonesia dan Garuda Indonesia laku. Garuda terbang")
    >>> doc.ents = [Span(doc, 5, 7, "ORG"), Span(doc, 8, 10, "ORG"), Span(doc, 12, 13, "ORG")]
    >>> [e.text for e in modified_common_nouns(doc, {"Indonesia"}, set())]
    ['UKM Indonesia']
    """
    candidates = []
    for ent in doc.ents:
        if ent.label_ != "ORG" or len(ent) < 2:
            continue
        n = _place_length(ent, places)
        if n == 0 or len(ent) - n != 1:
            continue
        word = ent[0].text
        if (not _looks_like_common_noun(word) or word.lower() in ORG_HEADS
                or word in known_names):
            continue
        candidates.append((ent, word))
    if not candidates or not is_cased(doc):
        return []
    found = []
    for ent, word in candidates:
        same = [e for e, w in candidates if w == word]
        plain, named = _own_usage(doc, word, same)
        if plain >= 1 and plain >= named:
            found.append(ent)
    return found


GOVERNMENT_WORDS = frozenset({"Pemerintah", "Pemerintahan"})
"""Words for a country's government written before the country's name ("Pemerintah Arab
Saudi")."""


def governed_places(doc: Doc, places: frozenset[str] | set[str]) -> list[tuple[Span, Span]]:
    """The ORG entities of ``doc`` that are a government word (:data:`GOVERNMENT_WORDS`) and a
    place that qualifies a noun (``places``: a country, not one of Indonesia's regions, whose
    governments are organisations: "Pemerintah Aceh", "Pemerintah Kota Bandung"), each with the
    place as a LOC span: the writers of the benchmark's articles tag the country alone
    ("Pemerintah [Arab Saudi]", 38 times of 38; the whole name never), and the graph links the
    story to the country.

    >>> import spacy
    >>> doc = spacy.blank("id")("visa dari Pemerintah Arab Saudi dan Pemerintah Aceh")
    >>> doc.ents = [Span(doc, 2, 5, "ORG"), Span(doc, 6, 8, "ORG")]
    >>> [(e.text, place.text) for e, place in governed_places(doc, {"Arab Saudi"})]
    [('Pemerintah Arab Saudi', 'Arab Saudi')]
    """
    return [(ent, Span(doc, ent.start + 1, ent.end, label="LOC")) for ent in doc.ents
            if ent.label_ == "ORG" and len(ent) >= 2 and ent[0].text in GOVERNMENT_WORDS
            and ent[1:].text in places]


class ModifiedNouns:
    """The ``jalin_modified_nouns`` component: drops the entities :func:`modified_common_nouns`
    finds and cuts a government's word from a country's name (:func:`governed_places`)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.places = qualifying_places()
        self.known_names = frozenset(
            name for name, label in builtin_names().items() if label == "ORG")

    def __call__(self, doc: Doc) -> Doc:
        dropped = modified_common_nouns(doc, self.places, self.known_names)
        governed = dict(governed_places(doc, self.places))
        if dropped or governed:
            doc.ents = [governed.get(e, e) for e in doc.ents if e not in dropped]
        return doc


@Language.factory("jalin_modified_nouns")
def make_modified_nouns(nlp: Language, name: str) -> ModifiedNouns:
    """spaCy factory for :class:`ModifiedNouns`."""
    return ModifiedNouns(nlp, name)
