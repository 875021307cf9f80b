"""Key concepts: the noun phrases that carry a story, as a spaCy component plus a ranking function.

Candidates come from part-of-speech patterns, the approach of Justeson & Katz (1995), "Technical
terminology: some linguistic properties and an algorithm for identification in text" (Natural
Language Engineering 1(1)), adapted to Indonesian, whose noun phrases are head-first: a noun (or a
foreign word such as "e-commerce") followed by nouns, foreign words and adjectives, with adjectives
optionally coordinated ("usaha kecil dan menengah", "usaha mikro, kecil dan menengah")::

    NP  := HEAD MOD* [(, ADJ)* (dan|atau) ADJ]
    HEAD := NN | FW          MOD := NN | FW | JJ

Single words count only when they are foreign terms (FW: "e-commerce", "startup"), since single
Indonesian nouns ("pemerintah", "pertemuan") rarely name a concept by themselves. Phrases
overlapping a named entity, starting or ending with a function word, or headed by a generic noun
("hal tersebut", "waktu dekat", "kesempatan ini") are not candidates.

Tags are the shipped tagger's (nlp-id's tag set: NN, NNP, JJ, FW, CC, ...); with another pipeline
the universal ``pos_`` is mapped onto them. Candidates go to ``doc._.concepts``; foreign-term
glosses found inside them ("peta jalan (roadmap)") to ``doc._.glosses`` as (native, foreign) pairs.

Ranking (:func:`concept_score`) is corpus-wide: a phrase scores by how often the corpus uses it,
times how specific its words are in general news (mean inverse document frequency from a background
table of word frequencies), with a bonus for multi-word phrases, as in TF-IDF keyphrase ranking
(Salton & Buckley 1988).
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

if not Doc.has_extension("concepts"):
    Doc.set_extension("concepts", default=None)
if not Doc.has_extension("glosses"):
    Doc.set_extension("glosses", default=None)

UPOS_TO_TAG = {"NOUN": "NN", "PROPN": "NNP", "ADJ": "JJ", "CCONJ": "CC", "X": "FW",
               "VERB": "VB", "ADP": "IN", "DET": "DT", "PRON": "PR", "NUM": "NUM",
               "PUNCT": "SYM", "ADV": "ADV", "SCONJ": "SC", "PART": "RP"}
HEAD_TAGS = frozenset({"NN", "FW"})
MODIFIER_TAGS = frozenset({"NN", "FW", "JJ"})
COORDINATORS = frozenset({"dan", "atau", "serta"})
MAX_PHRASE_TOKENS = 6

GENERIC_HEADS = frozenset("""
hal waktu kesempatan pihak cara kali tahun bulan hari minggu jam menit detik orang saat tempat
bagian jumlah angka kata kabar berita informasi masalah soal sisi segi kondisi keadaan upaya
langkah tujuan alasan contoh acara kegiatan proses rangka awal akhir tengah atas bawah depan
belakang dalam luar antara lain macam jenis hasil nilai data pertemuan kunjungan pernyataan
keterangan kesempatan kemungkinan lanjut lanjutan kali pekan rp persen ribu juta miliar triliun
salah satu sebagian beberapa banyak para semua seluruh tiap setiap sang si pak bu ibu bapak
sumber foto ilustrasi video artikel judul halaman penulis editor reporter
""".split())
"""Nouns too general to head a concept (time, quantity, discourse and page words)."""

STOP_MODIFIERS = frozenset("""
tersebut ini itu sana sini lain sama baru lalu depan mendatang tadi nanti kemarin dulu saja pun
juga lagi sendiri tertentu berbagai sejumlah
""".split())
"""Words that never end or sit inside a concept (demonstratives, deictic time words)."""


def coarse_tag(token: Token) -> str:
    """The token's nlp-id-style tag, from ``tag_`` when the tagger uses that set, else ``pos_``."""
    tag = token.tag_
    if tag in HEAD_TAGS or tag in MODIFIER_TAGS or tag in {"NNP", "CC", "SYM", "VB", "NUM"}:
        return tag
    return UPOS_TO_TAG.get(token.pos_, tag or "")


def _usable(token: Token, taken: set[int]) -> bool:
    text = token.text
    return (token.i not in taken and not token.is_space and any(c.isalpha() for c in text)
            and not token.like_url and not token.like_email and len(text) <= 40)


def _gloss_at(doc: Doc, k: int, tags: list[str], taken: set[int]) -> int:
    """Length of a foreign-term gloss starting at token ``k`` ("(roadmap)", "atau roadmap"), or 0.

    Indonesian journalists explain a native term with its English original in brackets or after
    "atau": "peta jalan (roadmap)", "perusahaan rintisan atau startup".
    """
    n = len(doc)

    def foreign(t: int) -> bool:
        return (t < n and tags[t] in {"FW", "NN"} and doc[t].text.islower()
                and _usable(doc[t], taken))

    if doc[k].text == "(":
        for size in (1, 2):
            if (all(foreign(k + 1 + x) for x in range(size)) and k + size + 1 < n
                    and doc[k + size + 1].text == ")"):
                return size + 2
        return 0
    if doc[k].lower_ == "atau" and k + 1 < n and tags[k + 1] == "FW" and foreign(k + 1):
        return 2
    return 0


def candidate_phrases(doc: Doc) -> tuple[list[Span], list[tuple[Span, Span]]]:
    """Noun-phrase concept candidates of ``doc``, and the glosses found inside them.

    See the module docstring for the pattern. A gloss ("(roadmap)", "atau roadmap") may sit inside
    a phrase ("peta jalan (roadmap) e-commerce"); it is returned as (native term, foreign term).
    """
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    tags = [coarse_tag(t) for t in doc]
    found: list[Span] = []
    glosses: list[tuple[Span, Span]] = []
    i, n = 0, len(doc)

    def modifier(k: int) -> bool:
        return (k < n and tags[k] in MODIFIER_TAGS and _usable(doc[k], taken)
                and doc[k].lower_ not in STOP_MODIFIERS and not doc[k].is_sent_start)

    while i < n:
        token = doc[i]
        lower = token.lower_
        if (tags[i] not in HEAD_TAGS or not _usable(token, taken) or lower in GENERIC_HEADS
                or lower in STOP_MODIFIERS or token.text[:1].isupper()
                and tags[i] != "FW" and not token.is_sent_start):
            i += 1
            continue
        end = i + 1
        while end < n and end - i < MAX_PHRASE_TOKENS:
            if modifier(end):
                end += 1
                continue
            gloss = _gloss_at(doc, end, tags, taken)
            if gloss:
                bracketed = doc[end].text == "("
                inner = doc[end + 1:end + gloss - 1] if bracketed else doc[end + 1:end + 2]
                glosses.append((doc[i:end], inner))
                if modifier(end + gloss):
                    end += gloss
                    continue
            break
        # coordinated adjectives: "kecil dan menengah", "mikro, kecil dan menengah"
        if end > i + 1 and tags[end - 1] == "JJ":
            k = end
            while (k + 1 < n and doc[k].text == "," and tags[k + 1] == "JJ"
                   and _usable(doc[k + 1], taken)):
                k += 2
            if (k + 1 < n and doc[k].lower_ in COORDINATORS and tags[k + 1] == "JJ"
                    and _usable(doc[k + 1], taken) and doc[k + 1].lower_ not in STOP_MODIFIERS):
                end = k + 2
        while end > i + 1 and doc[end - 1].lower_ in STOP_MODIFIERS:
            end -= 1
        if end - i >= 2 or tags[i] == "FW":
            found.append(doc[i:end])
        i = end
    return found, glosses


def concepts_with_definitions(doc: Doc, candidates: list[Span],
                              pairs: list[tuple[Span, Span]]) -> list[Span]:
    """Candidates mended with lower-case abbreviation definitions.

    A long form written in lower case ("usaha kecil dan menengah (UKM)") is a concept with exactly
    those boundaries, and every later use of its short form ("UKM") outside an entity is a mention
    of the same concept.
    """
    from .abbreviations import is_proper_name

    spans = list(candidates)
    taken_by_entities = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    for long_span, short_span in pairs:
        if is_proper_name(long_span) or any(t.i in taken_by_entities for t in long_span):
            continue
        spans = [c for c in spans if c.end <= long_span.start or c.start >= long_span.end]
        spans.append(long_span)
        words = [t.text for t in short_span]
        size = len(words)
        for k in range(long_span.end, len(doc) - size + 1):
            if [t.text for t in doc[k:k + size]] != words:
                continue
            if any(j in taken_by_entities for j in range(k, k + size)):
                continue
            if any(c.start < k + size and k < c.end for c in spans):
                continue
            spans.append(doc[k:k + size])
    return sorted(spans, key=lambda c: c.start)


@lru_cache(maxsize=1)
def background_idf() -> tuple[dict[str, float], float]:
    """Inverse document frequency of words in general Indonesian news, and the default for unseen
    words, from ``graph/data/background_df.tsv`` (word, sentence frequency; first line: total)."""
    path = resources.files("graph.data").joinpath("background_df.tsv")
    if not path.is_file():
        return {}, 1.0
    lines = path.read_text(encoding="utf-8").splitlines()
    total = int(lines[0].split("\t")[1])
    idf: dict[str, float] = {}
    for line in lines[1:]:
        word, _, count = line.partition("\t")
        idf[word] = math.log((total + 1) / (int(count) + 1))
    return idf, math.log(total + 1)


def concept_score(phrase: str, mentions: int, docs: int) -> float:
    """How strongly a phrase stands out as a concept of the corpus (higher is better).

    >>> concept_score("peta jalan e-commerce", 6, 3) > concept_score("kerja sama", 6, 3)
    True
    """
    idf, unseen = background_idf()
    words = [w for w in phrase.lower().split() if w not in COORDINATORS]
    if not words:
        return 0.0
    specificity = sum(idf.get(w.strip(","), unseen) for w in words) / len(words)
    length_bonus = 1.0 + 0.25 * min(len(words) - 1, 3)
    return (math.log1p(mentions) + math.log1p(docs)) * specificity * length_bonus


class ConceptExtractor:
    """Sets ``doc._.concepts`` with :func:`candidate_phrases`."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        candidates, glosses = candidate_phrases(doc)
        pairs = doc._.abbreviations if doc.has_extension("abbreviations") else None
        doc._.concepts = concepts_with_definitions(doc, candidates, pairs or [])
        doc._.glosses = glosses
        return doc


@Language.factory("jalin_concepts")
def make_concept_extractor(nlp: Language, name: str) -> ConceptExtractor:
    """spaCy factory for :class:`ConceptExtractor`."""
    return ConceptExtractor(nlp, name)
