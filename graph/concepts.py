"""Corpus-wide concept work: glosses, nested phrases and the choice of the key concepts.

The spaCy component (:mod:`graph.nlp.concepts`) finds maximal noun-phrase candidates one document
at a time. Three decisions need the whole corpus:

1. **Glosses.** A native term explained by its foreign original ("peta jalan (roadmap)",
   "perusahaan rintisan atau startup") makes the two interchangeable inside concepts, so
   "roadmap e-commerce" and "peta jalan e-commerce" are one concept. The gloss itself is dropped
   from a phrase's key ("peta jalan (roadmap) e-commerce" = "peta jalan e-commerce").
2. **Nested phrases.** Indonesian noun phrases are head-first, so a maximal candidate often wraps
   the concept in a governing noun: "penasihat peta jalan e-commerce" (adviser of the roadmap),
   or trails a modifier after it. Following C-value (Frantzi, Ananiadou & Mima 2000, "Automatic
   recognition of multi-word terms: the C-value/NC-value method", IJDL 3(2)), a sub-phrase counts
   its own uses and its uses nested in other candidates, discounted by how many distinct
   candidates hold it; a candidate is read as a sub-phrase (tail, prefix or middle) that is
   independent enough (see :func:`refine_concept_mentions`). A candidate used only once may also be
   read as a one-word tail the corpus uses again ("transaksi e-commerce" -> "e-commerce"); a
   single word named only once is dropped.
3. **Selection.** Concepts named fewer than ``min_mentions`` times (by default growing with the
   corpus, :func:`min_mentions_for`) are dropped and the rest ranked by
   :func:`graph.nlp.concepts.concept_score`; ``limit`` are kept.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from .nlp.concepts import concept_score
from .records import CONCEPT, DocMentions, Entity, Mention, Resolution

_BRACKETED = re.compile(r"\s*\([^()]*\)")
_WORD = re.compile(r"\S+")


def gloss_table(docs: Sequence[DocMentions]) -> dict[str, str]:
    """Foreign term -> native term, from every document's glosses (ambiguous ones left out).

    The native term is the last ``max(2, n)`` words before the gloss, ``n`` being the foreign
    term's length: "penasihat peta jalan (roadmap)" glosses "roadmap" as "peta jalan".
    """
    seen: dict[str, Counter[str]] = {}
    for doc in docs:
        for d in doc.definitions:
            if d.kind != "gloss":
                continue
            foreign = d.short.lower()
            native_words = d.long.lower().split()
            size = min(len(native_words), max(2, len(foreign.split())))
            seen.setdefault(foreign, Counter())[" ".join(native_words[-size:])] += 1
    return {foreign: natives.most_common(1)[0][0] for foreign, natives in seen.items()
            if len(natives) == 1 or natives.most_common(2)[0][1] > natives.most_common(2)[1][1]}


def concept_text(text: str, glosses: Mapping[str, str]) -> str:
    """A concept's text with glosses dropped and foreign terms put in their native form.

    >>> concept_text("peta jalan (roadmap) e-commerce", {})
    'peta jalan e-commerce'
    >>> concept_text("roadmap e-commerce", {"roadmap": "peta jalan"})
    'peta jalan e-commerce'
    >>> concept_text("peta jalan atau roadmap e-commerce", {"roadmap": "peta jalan"})
    'peta jalan e-commerce'
    """
    words = _BRACKETED.sub("", text).split()
    out: list[str] = []
    i = 0
    while i < len(words):
        if words[i].lower() == "atau" and i + 1 < len(words) and out:
            i += 2  # "peta jalan atau roadmap": the gloss adds no meaning
            continue
        out.append(words[i])
        i += 1
    joined = " ".join(out)
    for foreign, native in _glosses_to_try(glosses, joined):
        if native not in joined.lower():
            joined = re.sub(rf"(?<!\S){re.escape(foreign)}(?!\S)", native, joined,
                            flags=re.IGNORECASE)
    return joined


class _GlossIndex:
    """A gloss table indexed by foreign term, so that :func:`concept_text` tries only the glosses
    that can match instead of a regular expression per gloss for every text (a large corpus has
    thousands of glosses, more than the ``re`` module keeps compiled).

    A gloss whose foreign term is one ASCII word (no whitespace) matches only a whole word of the
    text equal to it ignoring ASCII case, when the text is ASCII too. The words of the text while
    glosses are applied are its own words and words of native terms (a replacement starts and ends
    at whitespace, so it never glues words together). So such a gloss can match only when its
    term is a word of the text or of some native term; every other gloss is always tried.
    """

    def __init__(self, glosses: Mapping[str, str]) -> None:
        self.items = tuple(glosses.items())
        # a native term that is not ASCII, or with a backslash (a replacement template: "\t"
        # inserts a tab), could bring other words: then every gloss is tried
        self.ascii = all(native.isascii() and "\\" not in native for _, native in self.items)
        native_words = {w.lower() for _, native in self.items for w in native.split()}
        self.by_word: dict[str, list[int]] = {}
        self.always: list[int] = []
        for i, (foreign, _native) in enumerate(self.items):
            word = foreign.lower()
            if not foreign or not foreign.isascii() or len(foreign.split()) != 1 or (
                    foreign.split()[0] != foreign) or word in native_words:
                self.always.append(i)
            else:
                self.by_word.setdefault(word, []).append(i)

    def to_try(self, joined: str) -> list[tuple[str, str]]:
        if not self.ascii or not joined.isascii():
            return list(self.items)
        hits = list(self.always)
        for word in set(joined.lower().split()):
            hits.extend(self.by_word.get(word, ()))
        return [self.items[i] for i in sorted(hits)]


_last_index: list[_GlossIndex] = []


def _glosses_to_try(glosses: Mapping[str, str], joined: str) -> Sequence[tuple[str, str]]:
    """The glosses that may change ``joined``, in table order (all of a small table)."""
    if len(glosses) <= 8:
        return tuple(glosses.items())
    if not _last_index or _last_index[0].items != tuple(glosses.items()):
        _last_index[:] = [_GlossIndex(glosses)]
    return _last_index[0].to_try(joined)


def _sub_mention(doc: DocMentions, m: Mention, first: int, last: int) -> Mention:
    """The mention cut to its words ``first`` to ``last`` (exclusive; offsets into the text)."""
    if doc.doc.text:
        text, base = doc.doc.text, 0
        words = list(_WORD.finditer(text, m.start, m.end))
    else:  # a record without its text (a build streaming from its store): the mention's own
        text, base = m.text, m.start
        words = list(_WORD.finditer(text))
    if not 0 <= first < last <= len(words) or (first, last) == (0, len(words)):
        return m
    kept = words[first:last]
    return Mention(m.doc_id, base + kept[0].start(), base + kept[-1].end(),
                   " ".join(w.group() for w in kept), m.label, m.sent, m.para, m.role)


def _tail_mention(doc: DocMentions, m: Mention, skip: int) -> Mention:
    """The mention without its first ``skip`` words (offsets into the document's text)."""
    return _sub_mention(doc, m, skip, len(_WORD.findall(m.text)))


def _key(text: str, glosses: Mapping[str, str]) -> str:
    return concept_text(text, glosses).lower()


def _pieces(words: Sequence[str]) -> list[tuple[int, int]]:
    """Proper sub-phrases of a phrase's words, as (first, last) word indices: contiguous,
    neither starting nor ending inside a gloss or on a coordinator or comma."""
    size = len(words)
    out: list[tuple[int, int]] = []
    for first in range(size):
        if words[first].startswith("(") or words[first].lower() in _JOINERS:
            continue
        for last in range(first + 1, size + 1):
            if (first, last) == (0, size):
                continue
            end_word = words[last - 1]
            if (end_word.lower() in _JOINERS or end_word.endswith(",")
                    or (last < size and words[last].startswith(")"))
                    or (end_word.startswith("(") and not end_word.endswith(")"))):
                continue
            out.append((first, last))
    return out


_JOINERS = frozenset({"dan", "atau", "serta", ","})


def refine_concept_mentions(docs: Sequence[DocMentions],
                            glosses: Mapping[str, str] | None = None) -> list[DocMentions]:
    """Read each concept mention as its nested term when the corpus says so (rule 2 above).

    Frequencies follow C-value (Frantzi, Ananiadou & Mima 2000): a phrase ``a`` has its own
    frequency ``f(a)`` (mentions of exactly ``a``) and a nested one ``n(a)`` (mentions of longer
    candidates containing it, from ``|T(a)|`` distinct ones). Its independent frequency
    ``f(a) + n(a) - n(a) / |T(a)|`` discounts the nested uses by the number of contexts, so a
    sub-phrase met inside one longer candidate only is not independent of it, while one met inside
    several ("kenaikan harga pangan", "lonjakan harga pangan") is. A mention of ``b`` is read as its
    sub-phrase ``a`` (a tail, a prefix or a middle, two words or more) when ``a``'s independent
    frequency reaches ``f(b)`` and ``a`` is named at least twice in all; the best such ``a`` by
    independent frequency, then length, then closeness to the phrase's head. A phrase named once
    may also be read as a one-word tail named on its own at least twice ("transaksi e-commerce" ->
    "e-commerce"). A phrase that an article defines ("usaha mikro, kecil dan menengah (UMKM)")
    keeps the boundaries the article gave it. Finally a single lower-case word named only once in
    the corpus is dropped: one word is a concept only when the corpus keeps using it.
    """
    glosses = gloss_table(docs) if glosses is None else glosses
    keys: dict[str, str] = {}

    def key_of(text: str) -> str:  # a corpus repeats its phrases: each text's key once
        key = keys.get(text)
        if key is None:
            key = keys[text] = _key(text, glosses)
        return key

    own: Counter[str] = Counter()
    texts: Counter[str] = Counter()
    for doc in docs:
        for m in doc.mentions:
            if m.label == CONCEPT:
                own[key_of(m.text)] += 1
                texts[m.text.lower()] += 1
    nested: Counter[str] = Counter()
    contexts: dict[str, set[str]] = {}
    pieces_of: dict[str, list[tuple[int, int, str]]] = {}
    for text, count in texts.items():
        words = text.split()
        whole = key_of(text)
        pieces = []
        for first, last in _pieces(words):
            key = key_of(" ".join(words[first:last]))
            if key == whole or " " not in key:
                continue
            pieces.append((first, last, key))
            nested[key] += count
            contexts.setdefault(key, set()).add(whole)
        pieces_of[text] = pieces

    def independent(key: str) -> float:
        uses = nested[key]
        return own[key] + uses - (uses / len(contexts[key]) if uses else 0.0)

    defined = {key_of(d.long) for doc in docs for d in doc.definitions}
    choice: dict[str, tuple[int, int] | None] = {}
    for text, pieces in pieces_of.items():
        words = text.split()
        whole = key_of(text)
        if whole in defined:  # the article itself gave this phrase its boundaries
            choice[text] = None
            continue
        best: tuple[tuple[float, int, int], tuple[int, int]] | None = None
        for first, last, key in pieces:
            # a phrase the corpus repeats is cut only to a sub-phrase repeated on its own as often
            score = independent(key) if own[whole] == 1 else float(own[key])
            if score >= own[whole] and own[key] + nested[key] >= 2:
                rank = (last - first, score, -first)
                if best is None or rank > best[0]:
                    best = (rank, (first, last))
        if best is None and own[whole] == 1:
            for skip in range(len(words) - 1, 0, -1):
                if words[skip].startswith("(") or words[skip] in _JOINERS:
                    continue
                if own[key_of(" ".join(words[skip:]))] >= 2:
                    best = ((0.0, 0, 0), (skip, len(words)))
                    break
        choice[text] = None if best is None else best[1]

    cut: list[list[Mention]] = []
    final: Counter[str] = Counter()
    for doc in docs:
        mentions: list[Mention] = []
        for m in doc.mentions:
            if m.label == CONCEPT:
                span = choice.get(m.text.lower())
                if span is not None:
                    m = _sub_mention(doc, m, *span)
                final[key_of(m.text)] += 1
            mentions.append(m)
        cut.append(mentions)
    refined: list[DocMentions] = []
    for doc, mentions in zip(docs, cut, strict=True):
        kept = tuple(m for m in mentions if m.label != CONCEPT or " " in m.text.strip()
                     or m.text.isupper() or final[key_of(m.text)] >= 2)
        refined.append(doc if kept == doc.mentions else DocMentions(
            doc.doc, kept, doc.sentences, doc.sentence_starts, doc.sentence_paras,
            doc.definitions))
    return refined


def min_mentions_for(documents: int) -> int:
    """How many times a concept must be named to be kept, for a corpus of ``documents``.

    At least 2, and one more per order of magnitude past 100 documents: 2 up to 100, 3 up to
    1,000, 6 for a million. A phrase named once is more often a turn of phrase ("tangan kosong",
    "niat tulus") than a theme, and every node a reader sees should carry the story; in a large
    corpus a phrase named a few times is more likely a tagging accident than a theme. Mentions
    grow linearly with the corpus but the scale is logarithmic so that a rare but real theme of a
    big corpus still passes.

    >>> [min_mentions_for(n) for n in (1, 6, 100, 101, 500, 10**6)]
    [2, 2, 2, 3, 3, 6]
    """
    return max(2, math.ceil(math.log10(max(1, documents)) - 1e-9))


def _enough(e: Entity, min_mentions: int) -> bool:
    """A single common word needs one mention more than a phrase: alone it is rarely a concept
    ("rombongan", "sasaran") unless the corpus keeps coming back to it; acronyms ("UKM") and
    hyphenated terms ("e-commerce") count as phrases."""
    single = " " not in e.label and "-" not in e.label and not e.label.isupper()
    return e.mentions >= min_mentions + (1 if single else 0)


def select_concepts(resolution: Resolution, limit: int, *,
                    min_mentions: int | None = None) -> Resolution:
    """Keep the ``limit`` best CONCEPT entities (rule 3 above) and drop the others' mentions.

    ``min_mentions`` defaults to :func:`min_mentions_for` the number of documents with a
    resolved mention.
    """
    if min_mentions is None:
        min_mentions = min_mentions_for(resolution.mention_entity.documents())
    concepts = [e for e in resolution.entities.values() if e.type == CONCEPT]
    ranked = sorted((e for e in concepts if _enough(e, min_mentions)),
                    key=lambda e: (-concept_score(e.label, e.mentions, e.docs), e.id))
    keep = {e.id for e in ranked[:max(0, limit)]}
    dropped = {e.id for e in concepts} - keep
    if not dropped:
        return resolution
    return dataclasses.replace(
        resolution,
        entities={k: e for k, e in resolution.entities.items() if k not in dropped},
        mention_entity=resolution.mention_entity.without(dropped),
        merges=tuple(m for m in resolution.merges if m.entity_id not in dropped),
        near_misses=tuple(n for n in resolution.near_misses
                          if n.a not in dropped and n.b not in dropped),
        key_ids={k: v for k, v in resolution.key_ids.items() if v not in dropped})
