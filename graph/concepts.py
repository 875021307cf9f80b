"""Corpus-wide concept work: glosses, nested phrases and the choice of the key concepts.

The spaCy component (:mod:`graph.nlp.concepts`) finds maximal noun-phrase candidates one document
at a time. Three decisions need the whole corpus:

1. **Glosses.** A native term explained by its foreign original ("peta jalan (roadmap)",
   "perusahaan rintisan atau startup") makes the two interchangeable inside concepts, so
   "roadmap e-commerce" and "peta jalan e-commerce" are one concept. The gloss itself is dropped
   from a phrase's key ("peta jalan (roadmap) e-commerce" = "peta jalan e-commerce").
2. **Nested phrases.** Indonesian noun phrases are head-first, so a maximal candidate often wraps
   the concept in a governing noun: "penasihat peta jalan e-commerce" (adviser of the roadmap).
   Following the nested-term idea of C-value (Frantzi, Ananiadou & Mima 2000, "Automatic
   recognition of multi-word terms: the C-value/NC-value method", IJDL 3(2)), a candidate whose
   multi-word tail occurs on its own elsewhere in the corpus at least as often as the whole is
   read as that tail; a candidate used only once is read as any tail the corpus uses again
   ("transaksi e-commerce" -> "e-commerce").
3. **Selection.** Concepts named fewer than ``min_mentions`` times are dropped and the rest ranked
   by :func:`graph.nlp.concepts.concept_score`; ``limit`` are kept.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from .nlp.concepts import concept_score
from .records import CONCEPT, DocMentions, Mention, Resolution

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
    for foreign, native in glosses.items():
        if native not in joined.lower():
            joined = re.sub(rf"(?<!\S){re.escape(foreign)}(?!\S)", native, joined,
                            flags=re.IGNORECASE)
    return joined


def _tail_mention(doc: DocMentions, m: Mention, skip: int) -> Mention:
    """The mention without its first ``skip`` words (offsets into the document's text)."""
    words = list(_WORD.finditer(doc.doc.text, m.start, m.end))
    if len(words) <= skip:
        return m
    start = words[skip].start()
    return Mention(m.doc_id, start, m.end, " ".join(w.group() for w in words[skip:]), m.label,
                   m.sent, m.para, m.role)


def refine_concept_mentions(docs: Sequence[DocMentions],
                            glosses: Mapping[str, str] | None = None) -> list[DocMentions]:
    """Read each concept mention as its nested tail when the corpus says so (rule 2 above)."""
    glosses = gloss_table(docs) if glosses is None else glosses
    counts: Counter[str] = Counter()
    for doc in docs:
        for m in doc.mentions:
            if m.label == CONCEPT:
                counts[concept_text(m.text, glosses)] += 1
    refined: list[DocMentions] = []
    for doc in docs:
        mentions: list[Mention] = []
        changed = False
        for m in doc.mentions:
            if m.label == CONCEPT:
                words = m.text.split()
                whole = concept_text(m.text, glosses)
                for skip in range(1, len(words)):
                    if words[skip].startswith("(") or words[skip].lower() == "atau":
                        continue
                    tail = concept_text(" ".join(words[skip:]), glosses)
                    # a multi-word tail as frequent as the whole; or, for a phrase used once,
                    # any tail that the corpus uses again ("transaksi e-commerce" -> "e-commerce")
                    if ((len(tail.split()) >= 2 and counts[tail] >= counts[whole])
                            or (counts[whole] == 1 and counts[tail] >= 2)):
                        m = _tail_mention(doc, m, skip)
                        changed = True
                        break
            mentions.append(m)
        refined.append(doc if not changed else DocMentions(
            doc.doc, tuple(mentions), doc.sentences, doc.sentence_starts, doc.sentence_paras,
            doc.definitions))
    return refined


def select_concepts(resolution: Resolution, limit: int, *, min_mentions: int = 2) -> Resolution:
    """Keep the ``limit`` best CONCEPT entities (rule 3 above) and drop the others' mentions."""
    concepts = [e for e in resolution.entities.values() if e.type == CONCEPT]
    ranked = sorted((e for e in concepts if e.mentions >= min_mentions),
                    key=lambda e: (-concept_score(e.label, e.mentions, e.docs), e.id))
    keep = {e.id for e in ranked[:max(0, limit)]}
    dropped = {e.id for e in concepts} - keep
    if not dropped:
        return resolution
    return dataclasses.replace(
        resolution,
        entities={k: e for k, e in resolution.entities.items() if k not in dropped},
        mention_entity={k: v for k, v in resolution.mention_entity.items() if v not in dropped},
        merges=tuple(m for m in resolution.merges if m.entity_id not in dropped),
        near_misses=tuple(n for n in resolution.near_misses
                          if n.a not in dropped and n.b not in dropped),
        key_ids={k: v for k, v in resolution.key_ids.items() if v not in dropped})
