"""Key concepts: the noun phrases that carry a story, as a spaCy component plus a ranking function.

Candidates come from part-of-speech patterns, the approach of Justeson & Katz (1995), "Technical
terminology: some linguistic properties and an algorithm for identification in text" (Natural
Language Engineering 1(1)), adapted to Indonesian, whose noun phrases are head-first: a noun (or a
foreign word such as "e-commerce") followed by nouns, foreign words and adjectives, with adjectives
optionally coordinated ("usaha kecil dan menengah", "usaha mikro, kecil dan menengah")::

    NP  := HEAD MOD* [(, ADJ)* (dan|atau) ADJ]
    HEAD := NN | FW          MOD := NN | FW | JJ

Rules on top of the pattern, each general Indonesian news grammar:

1. **Governing nouns.** A change-of-quantity, delivery or container noun (:data:`WRAPPER_NOUNS`:
   "kenaikan", "penyaluran", "kasus", "skema") in front of a phrase of two words or more is cut
   off ("kenaikan harga beras" -> "harga beras"); other governors are left to the corpus-wide
   nested-term step (:func:`graph.concepts.refine_concept_mentions`).
2. **Nominal words tagged as verbs.** A verb tag on a word with noun morphology (peN- or -an:
   "pembangkit", "pengolahan") is read as a noun. In a phrase that is a verb's object or a
   preposition's complement, where the predicate is already behind, a ber-/ter- participle
   ("energi terbarukan", "bensin bersubsidi") or an affix-less verb ("daya beli", "nilai tukar")
   after the noun modifies it, and an affix-less verb before a noun heads the phrase ("emisi
   karbon" tagged VB NN); only verbs rarer than :data:`VERB_MIN_IDF` in general news qualify,
   frequent ones ("masuk", "terkait") being predicates. At a clause start the verb is the
   predicate ("Harga bensin bertahan").
3. **Sentence-initial capitals.** A capitalised word starting a sentence, outside an entity and
   followed by a lower-case word, is a common noun ("Kabut asap").
4. **Drift words.** A phrase stops before calendar nouns (:data:`TIME_NOUNS`: "pemilu tahun 2024"),
   stop words (:data:`STOP_MODIFIERS`: demonstratives, deictic time words, measure words such as
   "senilai", superlatives) and clitic -nya forms ("rencananya").
5. **Generic heads.** A phrase headed by a generic noun ("hal tersebut", "kesempatan ini"), a
   lower-case institution ("pemerintah daerah", "dinas sosial") or a person's role (the title
   list: "kepala dinas", "pengamat hukum") is rejected whole, so no tail of it is emitted
   ("tempat pembuangan akhir" never yields "pembuangan akhir"). Weak heads (:data:`WEAK_HEADS`:
   "data", "tempat", "nilai") are rejected only alone ("waktu dekat" stops at "dekat"); quantifiers
   and honorifics before a phrase are skipped ("sebagian besar titik api" -> "titik api").
6. **Single words.** A foreign term ("e-commerce", "startup") or an Indonesian noun rare in general
   news (background IDF of at least :data:`SINGLE_NOUN_MIN_IDF`: "tuberkulosis", "deforestasi")
   is a candidate alone when written in lower case (a capitalised word standing alone is more
   likely a name the tagger missed); the corpus-wide step keeps a single word only when the corpus
   keeps naming it.

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
SINGLE_NOUN_MIN_IDF = 8.0
"""A single Indonesian noun is a candidate only when this rare in general news (see rule 6)."""

GENERIC_HEADS = frozenset("""
hal kesempatan pihak cara kali tahun bulan hari minggu jam menit detik orang saat bagian kata
kabar berita informasi masalah soal sisi segi keadaan upaya langkah tujuan alasan contoh acara
rangka awal akhir tengah atas bawah depan belakang dalam luar antara lain macam jenis pertemuan
kunjungan pernyataan keterangan kemungkinan lanjut lanjutan pekan sumber foto ilustrasi video
artikel judul halaman penulis editor reporter kalangan hitungan
""".split())
"""Nouns too general to head a concept (time, discourse and page words): the whole phrase they
head is rejected, so no tail of it is emitted either ("tempat" aside, see WEAK_HEADS)."""

WEAK_HEADS = frozenset("""
data tempat nilai ibu angka waktu proses hasil kondisi kegiatan jumlah
""".split())
"""General nouns that head real terms only with a modifier ("data pribadi", "nilai tukar",
"tempat pembuangan akhir"): rejected alone or followed by a stop word ("waktu dekat")."""

DETERMINER_NOUNS = frozenset("""
salah satu sebagian beberapa banyak para semua seluruh tiap setiap sang si pak bu bapak rp persen
ribu juta miliar triliun
""".split())
"""Quantifiers, honorifics and units standing before a noun phrase: skipped, the phrase after them
is read ("sebagian besar titik api" -> "titik api")."""

INSTITUTION_HEADS = frozenset("""
pemerintah pemkot pemkab pemprov dinas satuan badan kementerian lembaga komisi dewan majelis
pengadilan kejaksaan kepolisian direktorat balai aparat pegawai petugas tim panitia
""".split())
"""Heads of lower-case institution names ("pemerintah daerah", "dinas sosial", "satuan tugas"):
actors, not concepts."""

WRAPPER_NOUNS = frozenset("""
kenaikan penurunan peningkatan lonjakan penambahan pengurangan penyaluran pemasangan pemberian
penggunaan pemanfaatan pencapaian penerapan pelaksanaan kasus skema aplikasi akses pelaku unit
target program total jumlah laju dampak dugaan stabilitas keandalan kepastian penekanan
penjualan pasokan anggaran pengusaha campuran cakupan alat kelompok
""".split())
"""Governing nouns (change of quantity or pace, delivery, container, effect, suspicion, state)
that wrap a concept: cut off the front when at least two words remain ("kenaikan harga beras" ->
"harga beras", "dampak perubahan iklim" -> "perubahan iklim"), or one word that is a concept
alone (a rare noun: "kasus tuberkulosis" -> "tuberkulosis")."""

TIME_NOUNS = frozenset("""
tahun bulan pekan minggu hari jam menit detik semester kuartal triwulan dekade abad
""".split())
"""Calendar nouns: a noun phrase stops before them ("pemilu tahun 2024" -> "pemilu")."""

STOP_MODIFIERS = frozenset("""
tersebut ini itu sana sini lain sama baru lalu depan mendatang tadi nanti kemarin dulu saja pun
juga lagi sendiri tertentu berbagai sejumlah sepanjang senilai sebesar sebanyak setara seluas
selama sekitar kini jauh dekat berikutnya akibat adanya serupa terakhir terbesar tertinggi
terendah terbaru terbanyak terkecil terbaik terburuk terparah terdekat terjauh termahal termurah
terlama tercepat utama pesat tajam lewat
""".split())
"""Words that never end or sit inside a concept (demonstratives, deictic time words, measure
prepositions such as "senilai", superlatives)."""

VERB_PREFIXES = ("me", "di", "ber", "ter", "se")
PARTICIPLE_PREFIXES = ("ber", "ter")
NOUN_PREFIXES = ("pem", "pen", "peng", "peny")
OPENING_TAGS = frozenset({"VB", "IN"})
VERB_MIN_IDF = 6.3
"""A verb form joins a noun phrase only when at least this rare in general news: frequent verbs
("masuk", "mulai", "terkait") are predicates, rarer ones often compound parts ("tukar", "tunai")."""


def coarse_tag(token: Token) -> str:
    """The token's nlp-id-style tag, from ``tag_`` when the tagger uses that set, else ``pos_``."""
    tag = token.tag_
    if tag in HEAD_TAGS or tag in MODIFIER_TAGS or tag in {"NNP", "CC", "SYM", "VB", "NUM"}:
        return tag
    return UPOS_TO_TAG.get(token.pos_, tag or "")


def noun_shaped(word: str) -> bool:
    """Whether a word tagged as a verb has noun morphology: a peN- agent or instrument noun or an
    -an noun ("pembangkit", "penuntut", "pungutan"), not a -kan verb or a ke-/ber-/ter- form.

    >>> noun_shaped("pungutan"), noun_shaped("pembangkit"), noun_shaped("menambahkan")
    (True, True, False)
    """
    if word.endswith("kan"):
        return False
    return word.startswith(NOUN_PREFIXES) or (
        word.endswith("an") and not word.startswith(("ke", *VERB_PREFIXES)))


def participle(word: str) -> bool:
    """A ber-/ter- form, which after a noun often modifies it ("energi terbarukan",
    "bensin bersubsidi", "kendaraan bermotor")."""
    return len(word) > 5 and word.startswith(PARTICIPLE_PREFIXES)


def bare_verb(word: str) -> bool:
    """A verb without verbal affixes ("beli", "tukar", "tangkap"): after a noun, often a compound
    modifier ("daya beli", "nilai tukar"); tagged verb at a phrase start, often a noun."""
    return not word.startswith(VERB_PREFIXES) and not word.endswith("kan")


def phrase_tags(doc: Doc, taken: set[int]) -> list[str]:
    """Tags with two repairs of the tagger's systematic errors (rules 2 and 3 of the module doc).

    A sentence-initial capitalised word outside an entity and followed by a lower-case word is
    read as a common noun ("Kabut asap"); a verb with noun morphology as a noun.
    """
    tokens = list(doc)
    tags = [coarse_tag(t) for t in tokens]
    n = len(doc)
    for k, token in enumerate(tokens):
        tag = tags[k]
        if tag == "NNP":
            if (token.is_sent_start and k not in taken and k + 1 < n
                    and tokens[k + 1].text[:1].islower()):
                tags[k] = "NN"
        elif tag == "VB" and token.is_lower and noun_shaped(token.text):
            tags[k] = "NN"
    return tags


def _rare_noun(token: Token, tag: str, idf: dict[str, float], unseen: float) -> bool:
    """Whether ``token`` is a lower-case noun rare enough in general news to be a concept alone
    (background IDF of at least :data:`SINGLE_NOUN_MIN_IDF`: "tuberkulosis")."""
    lower = token.lower_
    return (tag == "NN" and token.text.islower() and lower not in WEAK_HEADS
            and lower not in WRAPPER_NOUNS and idf.get(lower, unseen) >= SINGLE_NOUN_MIN_IDF)


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


def _stop_word(token: Token) -> bool:
    lower = token.lower_
    return (lower in STOP_MODIFIERS or lower in TIME_NOUNS
            or (len(lower) > 5 and lower.endswith("nya")))


def candidate_phrases(doc: Doc) -> tuple[list[Span], list[tuple[Span, Span]]]:
    """Noun-phrase concept candidates of ``doc``, and the glosses found inside them.

    See the module docstring for the pattern and rules. A gloss ("(roadmap)", "atau roadmap") may
    sit inside a phrase ("peta jalan (roadmap) e-commerce"); it is returned as (native term,
    foreign term).
    """
    from .titles import HONORIFICS, title_length_at

    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    tags = phrase_tags(doc, taken)
    tokens = list(doc)  # one Token object per token, not one per look
    idf, unseen = background_idf()
    found: list[Span] = []
    glosses: list[tuple[Span, Span]] = []
    i, n = 0, len(doc)

    def opening(k: int) -> bool:
        """Whether a phrase at ``k`` is a verb's object or a preposition's complement, where a
        following verb form cannot be the clause's predicate."""
        return k > 0 and not tokens[k].is_sent_start and tags[k - 1] in OPENING_TAGS

    def modifier(k: int, opened: bool) -> bool:
        if k >= n:
            return False
        token = tokens[k]
        if not _usable(token, taken) or token.is_sent_start or _stop_word(token):
            return False
        if tags[k] in MODIFIER_TAGS:
            return True
        word = tokens[k].text
        return (tags[k] == "VB" and opened and tokens[k].is_lower
                and (participle(word) or bare_verb(word))
                and idf.get(word, unseen) >= VERB_MIN_IDF)

    while i < n:
        token = tokens[i]
        lower = token.lower_
        opened = opening(i)
        verb_head = (tags[i] == "VB" and opened and token.is_lower and bare_verb(token.text)
                     and idf.get(token.text, unseen) >= VERB_MIN_IDF and i + 1 < n
                     and tags[i + 1] in HEAD_TAGS and token.i not in taken
                     and not _stop_word(tokens[i + 1]))
        if (not (tags[i] in HEAD_TAGS or verb_head) or not _usable(token, taken)
                or _stop_word(token) or lower in DETERMINER_NOUNS
                or token.text[:1].isupper() and tags[i] != "FW" and not token.is_sent_start):
            i += 1
            continue
        end = i + 1
        while end < n and end - i < MAX_PHRASE_TOKENS:
            if modifier(end, opened):
                end += 1
                continue
            gloss = _gloss_at(doc, end, tags, taken)
            if gloss:
                bracketed = tokens[end].text == "("
                inner = doc[end + 1:end + gloss - 1] if bracketed else doc[end + 1:end + 2]
                glosses.append((doc[i:end], inner))
                if modifier(end + gloss, opened):
                    end += gloss
                    continue
            break
        # coordinated adjectives: "kecil dan menengah", "mikro, kecil dan menengah"
        if end > i + 1 and tags[end - 1] == "JJ":
            k = end
            while (k + 1 < n and tokens[k].text == "," and tags[k + 1] == "JJ"
                   and _usable(tokens[k + 1], taken)):
                k += 2
            if (k + 1 < n and tokens[k].lower_ in COORDINATORS and tags[k + 1] == "JJ"
                    and _usable(tokens[k + 1], taken) and not _stop_word(tokens[k + 1])):
                end = k + 2
        # a generic, institution or role head rejects its whole phrase, tail included
        title = title_length_at(doc, i, end)
        if (lower in GENERIC_HEADS or lower in INSTITUTION_HEADS
                or (title and " ".join(t.lower_ for t in doc[i:i + title]) not in HONORIFICS)
                or (lower in WEAK_HEADS and end == i + 1)):
            i = end
            continue
        start = i
        while (tokens[start].lower_ in WRAPPER_NOUNS
               and tokens[start + 1].lower_ not in GENERIC_HEADS
               and (end - start >= 3 or (end - start == 2 and _rare_noun(tokens[start + 1], tags[
                   start + 1], idf, unseen)))):
            start += 1
        if end - start >= 2 or tags[start] == "FW" or _rare_noun(tokens[start], tags[start], idf,
                                                                  unseen):
            found.append(doc[start:end])
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

