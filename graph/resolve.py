"""Entity resolution: one node per real-world thing, with the reason for every merge.

Input: the mentions of every document (:class:`~graph.records.DocMentions`). Output: a
:class:`~graph.records.Resolution` (entities, each mention's entity, and merges). The rules, in the
order they apply:

1. **Same normalised name.** Names that differ only in case, punctuation, spacing or diacritics are
   one name ("E-Commerce", "e-commerce"; "Go-Jek", "GoJek"). Short all-capital acronyms keep their
   case ("MA" is not "Ma").
2. **Partial person names within a document.** A person mention that is part of exactly one longer
   person name in the same document ("Ma" after "Jack Ma", "Widodo" after "Joko Widodo") joins it.
   If two people in the document share that part it is ambiguous and left out of the graph. This is
   the cheap, usually right within-document coreference of news; it does not resolve pronouns and
   does not guess across documents.
3. **Definitions.** "long form (SHORT)" pairs found by Schwartz & Hearst's algorithm join both
   names for the whole corpus, unless documents define the short form differently: then each
   definition holds in its own document only. A definition whose long form is written in lower case
   (a common noun phrase, "usaha kecil dan menengah (UKM)") makes the node a CONCEPT.
4. **Alias tables.** The built-in table of general knowledge and the user's ``--aliases`` file
   (which wins) join the variants of a canonical name, which becomes the label.
5. **Type.** A node's type is the majority of its mentions' labels (ties: PERSON, ORG, LOC, EVENT,
   CONCEPT), unless an alias entry names it.

The canonical label is the alias table's name, else the most frequent long form of a definition,
else the longest person name, else the most frequent surface form. Ids are ``type:slug-of-label``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .aliases import AliasEntry
from .concepts import concept_text, gloss_table
from .records import (
    CONCEPT,
    NODE_TYPES,
    Definition,
    DocMentions,
    Entity,
    Mention,
    Merge,
    Resolution,
)

TYPE_PRIORITY = {t: i for i, t in enumerate(NODE_TYPES)}
MAX_ACRONYM_LENGTH = 4


def normalize_key(text: str) -> str:
    """The key under which two surface forms count as the same name.

    >>> normalize_key("Go-Jek") == normalize_key("GoJek") == normalize_key("gojek")
    True
    >>> normalize_key("MA") == normalize_key("Ma")
    False
    """
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(ch for ch in decomposed if ch.isalnum())
    if letters.isupper() and len(letters) <= MAX_ACRONYM_LENGTH and letters.isalpha():
        return "=" + letters
    return letters.casefold()


def slugify(text: str) -> str:
    """A lower-case ASCII slug.

    >>> slugify("Kementerian Komunikasi dan Informatika")
    'kementerian-komunikasi-dan-informatika'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "x"


def _is_lower_phrase(text: str) -> bool:
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    return bool(words) and all(w == w.lower() for w in words)


class _UnionFind:
    """Disjoint sets of keys, remembering why each key joined."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.reason: dict[str, tuple[str, str]] = {}

    def find(self, key: str) -> str:
        parent = self.parent.setdefault(key, key)
        if parent != key:
            root = self.find(parent)
            self.parent[key] = root
            return root
        return key

    def union(self, a: str, b: str, rule: str, evidence: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
        self.reason.setdefault(a, (rule, evidence))
        self.reason.setdefault(b, (rule, evidence))


@dataclass
class _Group:
    mentions: list[tuple[str, int, Mention]] = field(default_factory=list)


def _person_tokens(text: str) -> tuple[str, ...]:
    return tuple(normalize_key(w) for w in text.split() if normalize_key(w))


def _contains(whole: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return any(whole[i:i + n] == part for i in range(len(whole) - n + 1))


def partial_name_targets(doc: DocMentions) -> dict[int, str | None]:
    """For each mention that is part of a longer person name in the same document, that name.

    Maps mention index to the full name's text, or to ``None`` when two different people in the
    document share the part (ambiguous).
    """
    full_names: dict[tuple[str, ...], str] = {}
    for m in doc.mentions:
        if m.label == "PERSON":
            tokens = _person_tokens(m.text)
            if len(tokens) >= 2:
                full_names.setdefault(tokens, m.text)
    targets: dict[int, str | None] = {}
    if not full_names:
        return targets
    for i, m in enumerate(doc.mentions):
        if m.label not in ("PERSON", "ORG"):
            continue
        tokens = _person_tokens(m.text)
        if not tokens or tokens in full_names:
            continue
        if m.label == "ORG" and len(tokens) != 1:
            continue
        owners = {full for full in full_names
                  if len(full) > len(tokens) and _contains(full, tokens)}
        # a longer owner that contains every other owner is the same person ("Joko Widodo" and
        # "Ir. Joko Widodo")
        owners = {o for o in owners if not any(o != p and _contains(p, o) for p in owners)}
        if len(owners) == 1:
            targets[i] = full_names[owners.pop()]
        elif len(owners) > 1:
            targets[i] = None
    return targets


def _choose_label(group: list[tuple[str, int, Mention]], canonical: str | None,
                  long_forms: Counter[str], kind: str) -> str:
    if canonical:
        return canonical
    surfaces = Counter(m.text for _, _, m in group)
    if long_forms:
        return long_forms.most_common(1)[0][0]
    if kind == "PERSON":
        return max(surfaces, key=lambda s: (len(s.split()), surfaces[s], s))
    if kind == CONCEPT:
        lower = Counter({s: c for s, c in surfaces.items() if _is_lower_phrase(s)})
        if lower:
            surfaces = lower
    return max(surfaces, key=lambda s: (surfaces[s], len(s), s))


def abbreviations(doc: DocMentions) -> list[Definition]:
    """The document's "long form (SHORT)" definitions (not its glosses)."""
    return [d for d in doc.definitions if d.kind == "abbreviation"]


def resolve(docs: Sequence[DocMentions], *, aliases: Iterable[AliasEntry] = (),
            merge: bool = True) -> Resolution:
    """Group the mentions of ``docs`` into entities.

    With ``merge=False`` only identical surface strings join (for comparison with the rules).

    >>> from graph.records import Document, DocMentions, Mention
    >>> d = Document(id="d1", path="a.txt", text="Jack Ma bertemu Jokowi. Ma senang.")
    >>> ms = (Mention("d1", 0, 7, "Jack Ma", "PERSON", 0, 0),
    ...       Mention("d1", 16, 22, "Jokowi", "PERSON", 0, 0),
    ...       Mention("d1", 24, 26, "Ma", "PERSON", 1, 0))
    >>> r = resolve([DocMentions(d, ms, (), (), ())])
    >>> sorted(e.label for e in r.entities.values())
    ['Jack Ma', 'Jokowi']
    """
    uf = _UnionFind()
    mention_key: dict[tuple[str, int], str] = {}
    merges_partial: dict[tuple[str, int], str] = {}
    definitions_by_short: dict[str, set[str]] = defaultdict(set)
    long_text: dict[str, Counter[str]] = defaultdict(Counter)
    lower_long: set[str] = set()

    glosses = gloss_table(docs) if merge else {}

    def key_of(text: str) -> str:
        return normalize_key(text) if merge else text

    def mention_key_of(m: Mention) -> str:
        if merge and m.label == CONCEPT:
            return normalize_key(concept_text(m.text, glosses))
        return key_of(m.text)

    for doc in docs:
        targets = partial_name_targets(doc) if merge else {}
        for i, m in enumerate(doc.mentions):
            if i in targets:
                full = targets[i]
                if full is None:
                    continue  # ambiguous part of two people's names: not a node
                mention_key[(doc.doc.id, i)] = key_of(full)
                merges_partial[(doc.doc.id, i)] = full
            else:
                mention_key[(doc.doc.id, i)] = mention_key_of(m)
            uf.find(mention_key[(doc.doc.id, i)])
        if merge:
            for d in abbreviations(doc):
                definitions_by_short[key_of(d.short)].add(key_of(d.long))
                long_text[key_of(d.long)][d.long] += 1

    if merge:
        # definitions: corpus-wide when every document agrees, else per document
        for doc in docs:
            for d in abbreviations(doc):
                short, long = key_of(d.short), key_of(d.long)
                evidence = f"{d.long} ({d.short}) in document {d.doc_id}"
                if len(definitions_by_short[short]) == 1:
                    uf.union(long, short, "definition", evidence)
                    if _is_lower_phrase(d.long):
                        lower_long.add(long)
                else:
                    for i in range(len(doc.mentions)):
                        if mention_key.get((doc.doc.id, i)) == short:
                            mention_key[(doc.doc.id, i)] = long
                            uf.find(long)
        # alias tables: later entries (the user's) win over earlier ones (built-in)
        claimed: dict[str, AliasEntry] = {}
        for entry in aliases:
            for name in (entry.canonical, *entry.variants):
                claimed[key_of(name)] = entry
        present = set(uf.parent)
        for k, entry in claimed.items():
            canon = key_of(entry.canonical)
            if claimed.get(canon) is entry and (k in present or canon in present):
                source = entry.source or "alias table"
                uf.union(canon, k, "alias", f"{entry.canonical} ({source})")

    groups: dict[str, list[tuple[str, int, Mention]]] = defaultdict(list)
    for doc in docs:
        for i, m in enumerate(doc.mentions):
            k = mention_key.get((doc.doc.id, i))
            if k is not None:
                groups[uf.find(k)].append((doc.doc.id, i, m))

    dates = {doc.doc.id: doc.doc.date for doc in docs}
    alias_of_root: dict[str, AliasEntry] = {}
    if merge:
        for k, entry in claimed.items():
            if key_of(entry.canonical) == k and k in uf.parent:
                alias_of_root[uf.find(k)] = entry

    entities: dict[str, Entity] = {}
    mention_entity: dict[tuple[str, int], str] = {}
    merges: list[Merge] = []
    used_ids: set[str] = set()
    for root in sorted(groups, key=lambda r: (-len(groups[r]), r)):
        group = groups[root]
        entry = alias_of_root.get(root)
        labels = Counter(m.label for _, _, m in group)
        keys = {mention_key[(d, i)] for d, i, _ in group}
        if entry is not None and entry.type:
            kind = entry.type
        elif any(k in lower_long for k in keys):
            kind = CONCEPT
        else:
            kind = min(labels, key=lambda t: (-labels[t], TYPE_PRIORITY.get(t, 99)))
        long_forms = Counter()
        for k in keys:
            long_forms.update(long_text.get(k, Counter()))
        label = _choose_label(group, entry.canonical if entry else None, long_forms, kind)
        base = f"{kind.lower()}:{slugify(label)}"
        entity_id, n = base, 2
        while entity_id in used_ids:
            entity_id, n = f"{base}-{n}", n + 1
        used_ids.add(entity_id)

        surfaces = Counter(m.text for _, _, m in group)
        aliases_sorted = [label] + [s for s, _ in surfaces.most_common() if s != label]
        roles = Counter(m.role for _, _, m in group if m.role)
        doc_ids = {d for d, _, _ in group}
        seen = sorted(dates[d] for d in doc_ids if dates.get(d))
        entities[entity_id] = Entity(
            id=entity_id, label=label, type=kind, aliases=tuple(aliases_sorted),
            roles=tuple(r for r, _ in roles.most_common()), mentions=len(group),
            docs=len(doc_ids), first_seen=seen[0] if seen else None,
            last_seen=seen[-1] if seen else None)
        explained: set[str] = set()
        for d, i, m in group:
            mention_entity[(d, i)] = entity_id
            if m.text == label or m.text in explained:
                continue
            explained.add(m.text)
            if (d, i) in merges_partial:
                rule, evidence = "partial-name", f"part of {merges_partial[(d, i)]} in document {d}"
            elif mention_key[(d, i)] == key_of(label):
                rule, evidence = "same-normalised-name", f"{m.text} ~ {label}"
            else:
                rule, evidence = uf.reason.get(mention_key[(d, i)], ("same-group", label))
            merges.append(Merge(entity_id, m.text, rule, evidence))
    return Resolution(entities=entities, mention_entity=mention_entity, merges=tuple(merges))

