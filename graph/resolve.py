"""Entity resolution: one node per real-world thing, with the reason for every merge.

Input: the mentions of every document (:class:`~graph.records.DocMentions`). Output: a
:class:`~graph.records.Resolution` (entities, each mention's entity, and merges). The rules, in the
order they apply:

1. **Same normalised name.** Names that differ only in case, punctuation, spacing or diacritics are
   one name ("E-Commerce", "e-commerce"; "Go-Jek", "GoJek"). Short all-capital acronyms keep their
   case ("MA" is not "Ma").
2. **Partial person names within a document.** A person mention that is part of exactly one longer
   person name in the same document ("Ma" after "Jack Ma", "Widodo" after "Joko Widodo", "Ade Ary"
   after "Ade Ary Syam Indradi") joins it, as does a one-word organisation or place mention that is
   (a surname the recogniser mistyped: "Pranowo" LOC), unless the gazetteer knows the place.
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
   CONCEPT), unless an alias entry names it; acronyms vote only when the node has no written-out
   name.

The canonical label is the alias table's name, else the most frequent long form of a definition,
else the longest person name, else the most frequent surface form. Ids are ``type:slug-of-label``.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from rapidfuzz.distance import JaroWinkler, Levenshtein
from rapidfuzz.process import cdist

from .aliases import AliasEntry
from .concepts import concept_text, gloss_table
from .nlp.gazetteer import place_names
from .nlp.labels import ORG_HEADS
from .nlp.titles import GENERIC_ROLES
from .records import (
    CONCEPT,
    NODE_TYPES,
    ROLE,
    Definition,
    DocMentions,
    Entity,
    Mention,
    MentionEntities,
    Merge,
    NearMiss,
    Resolution,
)
from .roles import RoleKeys, resolve_roles, split_roles

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
        parent = self.parent.get(key)
        if parent is None:
            self.parent[key] = key
            return key
        if parent == key:
            return key
        root = parent
        while (up := self.parent[root]) != root:
            root = up
        while key != root:  # path compression
            self.parent[key], key = root, self.parent[key]
        return root

    def roots(self) -> dict[str, str]:
        """Every key's root, as of now."""
        return {key: self.find(key) for key in self.parent}

    def union(self, a: str, b: str, rule: str, evidence: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
        self.reason.setdefault(a, (rule, evidence))
        self.reason.setdefault(b, (rule, evidence))


_normalized = lru_cache(maxsize=1 << 17)(normalize_key)
""":func:`normalize_key`, remembered for the frequent names (a corpus repeats most of them)."""


@lru_cache(maxsize=1 << 16)
def _person_tokens(text: str) -> tuple[str, ...]:
    return tuple(key for key in map(_normalized, text.split()) if key)


def _contains(whole: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return any(whole[i:i + n] == part for i in range(len(whole) - n + 1))


def partial_name_targets(doc: DocMentions) -> dict[int, str | None]:
    """For each mention that is part of a longer person name in the same document, that name.

    Maps mention index to the full name's text, or to ``None`` when two different people in the
    document share the part (ambiguous). Besides person mentions, a one-word organisation or place
    mention counts: the recogniser sometimes types a surname used alone as one ("Pranowo
    menambahkan" after "Ganjar Pranowo"), except a place the gazetteer knows.
    """
    full_names: dict[tuple[str, ...], str] = {}
    for m in doc.mentions:
        if m.label == "PERSON":
            tokens = _person_tokens(m.text)
            if len(tokens) >= 2:
                full_names.setdefault(tokens, m.text)
    targets: dict[int, str | None] = {}
    if not full_names:
        targets.update(short_org_targets(doc))
        return targets
    longest = max(map(len, full_names))
    places = place_names()
    for i, m in enumerate(doc.mentions):
        if m.label not in ("PERSON", "ORG", "LOC"):
            continue
        tokens = _person_tokens(m.text)
        if not tokens or len(tokens) >= longest:
            continue
        if m.label != "PERSON" and len(tokens) != 1:
            continue
        if m.label == "LOC" and m.text in places:
            continue  # "Bandung" stays the city in a story about a man named "Iwan Bandung"
        owners = {full for full in full_names
                  if len(full) > len(tokens) and _contains(full, tokens)}
        # a longer owner that contains every other owner is the same person ("Joko Widodo" and
        # "Ir. Joko Widodo")
        owners = {o for o in owners if not any(o != p and _contains(p, o) for p in owners)}
        if len(owners) == 1:
            targets[i] = full_names[owners.pop()]
        elif len(owners) > 1:
            targets[i] = None
    targets.update(short_org_targets(doc))
    return targets


def short_org_targets(doc: DocMentions) -> dict[int, str]:
    """Short organisation names that are the first word of exactly one longer organisation name
    in the same document ("Garuda" after "Garuda Indonesia", "Persib" after "Persib Bandung").

    A short form the document defines ("usaha kecil dan menengah (UKM)") is left to its
    definition (rule 3), whatever longer name starts with it ("UKM Indonesia").
    """
    defined = {_normalized(d.short) for d in abbreviations(doc)}
    long_names: dict[str, set[str]] = defaultdict(set)
    for m in doc.mentions:
        if m.label != "ORG":
            continue
        words = m.text.split()
        if len(words) >= 2:
            long_names[_normalized(words[0])].add(m.text)
    targets: dict[int, str] = {}
    for i, m in enumerate(doc.mentions):
        if m.label != "ORG":
            continue
        words = m.text.split()
        if len(words) != 1 or words[0].lower() in ORG_HEADS or _normalized(words[0]) in defined:
            continue
        owners = long_names.get(_normalized(words[0]), set())
        if len({_normalized(o) for o in owners}) == 1:
            targets[i] = sorted(owners)[0]
    return targets


def _choose_label(surfaces: Counter[str], canonical: str | None,
                  long_forms: Counter[str], kind: str) -> str:
    """The label of a group whose names (not bare roles) have these ``surfaces`` (counts)."""
    if canonical:
        return canonical
    if long_forms:
        return long_forms.most_common(1)[0][0]
    if kind == "PERSON":
        return max(surfaces, key=lambda s: (len(s.split()), surfaces[s], s))
    if kind == CONCEPT:  # lower case, no gloss: "peta jalan", not "Peta jalan (roadmap)"
        plain = Counter({s: c for s, c in surfaces.items()
                         if _is_lower_phrase(s) and "(" not in s})
        if plain:
            surfaces = plain
    return max(surfaces, key=lambda s: (surfaces[s], len(s), s))


def abbreviations(doc: DocMentions) -> list[Definition]:
    """The document's "long form (SHORT)" definitions (not its glosses)."""
    return [d for d in doc.definitions if d.kind == "abbreviation"]


Located = tuple[str, int, Mention]
"""A mention with its document id and index."""


@dataclass
class _State:
    """Working state of one resolution run."""

    merge: bool
    glosses: dict[str, str]
    uf: _UnionFind = field(default_factory=_UnionFind)
    #: each document's mentions' keys, by index (``None``: a role, or an ambiguous part of a name)
    mention_key: dict[str, list[str | None]] = field(default_factory=dict)
    partial_of: dict[tuple[str, int], str] = field(default_factory=dict)
    long_text: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    lower_long: set[str] = field(default_factory=set)
    alias_of_key: dict[str, AliasEntry] = field(default_factory=dict)
    role_links: dict[tuple[str, int], tuple[str, str, str]] = field(default_factory=dict)
    near_misses: list[tuple[str, str, str]] = field(default_factory=list)

    concept_keys: dict[str, str] = field(default_factory=dict)

    def key_of(self, text: str) -> str:
        return _normalized(text) if self.merge else text

    def mention_key_of(self, m: Mention) -> str:
        if self.merge and m.label == CONCEPT:
            key = self.concept_keys.get(m.text)
            if key is None:  # concept_text reads the whole gloss table: once per text
                key = self.concept_keys[m.text] = _normalized(concept_text(m.text, self.glosses))
            return key
        return self.key_of(m.text)


def _assign_keys(state: _State, docs: Sequence[DocMentions]) -> None:
    """Rules 1-2: every name mention gets a key; partial person names take the full name's."""
    register = state.uf.parent.setdefault  # a new key is its own set (no union has been made)
    for doc in docs:
        targets = partial_name_targets(doc) if state.merge else {}
        keys: list[str | None] = [None] * len(doc.mentions)
        for i, m in enumerate(doc.mentions):
            if m.label == ROLE:
                continue
            if i in targets:
                full = targets[i]
                if full is None:
                    continue  # ambiguous part of two people's names: not a node
                key = state.key_of(full)
                state.partial_of[(doc.doc.id, i)] = full
            else:
                key = state.mention_key_of(m)
            keys[i] = key
            register(key, key)
        state.mention_key[doc.doc.id] = keys


def _apply_definitions(state: _State, docs: Sequence[DocMentions]) -> None:
    """Rule 3: "long form (SHORT)" joins both, corpus-wide unless defined two ways."""
    longs_of_short: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        for d in abbreviations(doc):
            longs_of_short[state.key_of(d.short)].add(state.key_of(d.long))
            state.long_text[state.key_of(d.long)][d.long] += 1
    for doc in docs:
        for d in abbreviations(doc):
            short, long = state.key_of(d.short), state.key_of(d.long)
            if len(longs_of_short[short]) == 1:
                state.uf.union(long, short, "definition",
                               f"{d.long} ({d.short}) in document {d.doc_id}")
                if _is_lower_phrase(d.long):
                    state.lower_long.add(long)
                continue
            keys = state.mention_key[doc.doc.id]
            for i, key in enumerate(keys):  # defined two ways: this document's meaning
                if key == short:
                    keys[i] = long
                    state.uf.find(long)


def _apply_aliases(state: _State, aliases: Iterable[AliasEntry]) -> None:
    """Rule 4: alias tables; later entries (the user's file) win over earlier (built-in) ones."""
    claimed: dict[str, AliasEntry] = {}
    for entry in aliases:
        for name in (entry.canonical, *entry.variants):
            claimed[state.key_of(name)] = entry
    present = set(state.uf.parent)
    for key, entry in claimed.items():
        canon = state.key_of(entry.canonical)
        if claimed.get(canon) is not entry or not (key in present or canon in present):
            continue
        state.uf.union(canon, key, "alias", f"{entry.canonical} ({entry.source or 'alias table'})")
        state.alias_of_key[canon] = entry


class _Roots(MentionEntities):
    """(doc id, mention index) -> the mention's group root, as of now: the per-document key lists
    read through the union-find on lookup, rather than a second table with an entry per mention
    of the corpus. Only lookups go through the union-find: ``of`` gives a document's keys."""

    __slots__ = ("uf",)

    def __init__(self, state: _State) -> None:
        super().__init__(state.mention_key)
        self.uf = state.uf

    def __getitem__(self, pair: tuple[str, int]) -> str:
        return self.uf.find(super().__getitem__(pair))


def _groups(state: _State, docs: Sequence[DocMentions]) -> dict[str, list[Located]]:
    """The mentions of each group, by root, in corpus order."""
    roots = state.uf.roots()
    mention_key = state.mention_key
    groups: dict[str, list[Located]] = defaultdict(list)
    for doc in docs:
        doc_id = doc.doc.id
        for i, (key, m) in enumerate(zip(mention_key.get(doc_id, ()), doc.mentions, strict=False)):
            if key is not None:
                groups[roots[key]].append((doc_id, i, m))
    return groups


def _regroup(state: _State, docs: Sequence[DocMentions],
             earlier: dict[str, list[Located]]) -> dict[str, list[Located]]:
    """:func:`_groups` again after more unions, from the groups ``earlier`` (all mentions, in
    corpus order): groups that joined are merged in corpus order, the others kept as they are."""
    parts: dict[str, list[list[Located]]] = defaultdict(list)
    for root, group in earlier.items():
        parts[state.uf.find(root)].append(group)
    position: dict[str, int] = {}
    groups: dict[str, list[Located]] = defaultdict(list)
    for root, lists in parts.items():
        if len(lists) == 1:
            groups[root] = lists[0]
            continue
        if not position:
            position = {doc.doc.id: n for n, doc in enumerate(docs)}
        groups[root] = list(heapq.merge(*lists, key=lambda x: (position[x[0]], x[1])))
    return groups


def _majority_type(group: list[Located]) -> str:
    """The most frequent label of the group's mentions (ties: :data:`TYPE_PRIORITY`); acronyms
    vote only when the group has no written-out name, since the recogniser types a bare acronym
    less reliably than the name it stands for ("BPBD" tagged PERSON twice, "Badan Penanggulangan
    Bencana Daerah" ORG once: an ORG)."""
    labels = Counter([m.label for _, _, m in group])
    labels.pop(ROLE, None)
    if len(labels) > 1:  # the labels disagree (rare): count the written-out names only
        written_out = Counter([m.label for _, _, m in group if m.label != ROLE
                               and not (len(m.text) > 1 and m.text.isupper())])
        labels = written_out or labels
    return min(labels, key=lambda t: (-labels[t], TYPE_PRIORITY.get(t, 99)))


SAME_OFFICE_SIMILARITY = 0.9
"""Jaro-Winkler similarity from which two holders of the same office are one person."""

_OLD_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("nj", "ny"), ("sj", "sy"), ("ch", "kh"))


def modern_spelling(key: str) -> str:
    """A normalised name in today's Indonesian spelling (EYD, 1972): "soetrisno" -> "sutrisno".

    >>> modern_spelling("soeharto"), modern_spelling("djakarta")
    ('suharto', 'jakarta')
    """
    for old, new in _OLD_SPELLING:
        key = key.replace(old, new)
    return key


def deletion_variants(text: str, k: int) -> set[str]:
    """``text`` and every string made by deleting up to ``k`` of its characters.

    >>> sorted(deletion_variants("abc", 1))
    ['ab', 'abc', 'ac', 'bc']
    """
    out = {text}
    level = [(text, 0)]
    for depth in range(k):
        if depth == k - 1:  # the last level needs no positions
            out.update(t[:i] + t[i + 1:] for t, start in level for i in range(start, len(t)))
        else:  # deleting from left to right makes each set of positions once
            level = [(t[:i] + t[i + 1:], i) for t, start in level for i in range(start, len(t))]
            out.update(t for t, _ in level)
    return out


def candidate_pairs(strings: Sequence[str], k: int) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of ``strings`` that may be within Levenshtein distance
    ``k``: every pair that is, and a few that are not (check them with the exact distance).

    Symmetric deletion (Garbe 2012, SymSpell; Mor & Fraenkel 1982): two strings within distance
    ``k`` become the same string when up to ``k`` characters are deleted from each (the
    substituted ones from both, the inserted ones from the string that has them), so they share
    a variant of :func:`deletion_variants`. Strings are looked up by their variants in a hash
    table instead of being compared with every other string; unlike a partition filter, names
    that share a long beginning ("Muhammad ...", "Kabupaten ...") do not all become candidates.

    >>> sorted(candidate_pairs(["sutrisno", "sutrisna", "hartono", "sutrisnoo"], 1))
    [(0, 1), (0, 3)]
    """
    owner: dict[str, int] = {}
    sharers: dict[str, list[int]] = {}
    pairs: set[tuple[int, int]] = set()
    for j, text in enumerate(strings):
        variants = deletion_variants(text, k)
        for v in owner.keys() & variants:
            others = sharers.get(v)
            if others is None:
                others = sharers[v] = [owner[v]]
            pairs.update((i, j) for i in others)
            others.append(j)
        owner.update(dict.fromkeys(variants, j))
    return pairs


MATRIX_MAX_STRINGS = 4000
"""Up to this many strings, :func:`close_pairs` computes the whole distance matrix."""


def close_pairs(strings: Sequence[str], k: int) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of ``strings`` within Levenshtein distance ``k``,
    and for more than :data:`MATRIX_MAX_STRINGS` strings possibly a few more.

    Up to :data:`MATRIX_MAX_STRINGS` strings, every distance is computed by rapidfuzz's
    ``cdist`` (a bit-parallel algorithm in C that stops at ``k``), which is 20 times faster than
    symmetric deletion on a few thousand names; beyond, its cost grows with the square of the
    count and :func:`candidate_pairs` (a superset, to be checked) takes over.

    >>> sorted(close_pairs(["sutrisno", "sutrisna", "hartono", "sutrisnoo"], 1))
    [(0, 1), (0, 3)]
    """
    if len(strings) > MATRIX_MAX_STRINGS:
        return candidate_pairs(strings, k)
    if len(strings) < 2:
        return set()
    # distances past k are written as k + 1, so a byte holds each: 16 MB for 4,000 strings
    distances = cdist(strings, strings, scorer=Levenshtein.distance, score_cutoff=k,
                      dtype=np.int8 if k < 127 else np.int32)
    first, second = np.nonzero(np.triu(distances <= k, 1))
    return set(zip(first.tolist(), second.tolist(), strict=True))


MIN_VARIANT_LENGTH = 5
"""Names shorter than this (normalised) are never spelling variants."""
MAX_VARIANT_DISTANCE = 2


def _variant_candidates(members: Sequence[str], modern: Mapping[str, str],
                        offices: Mapping[str, set[str]]) -> list[tuple[int, int]]:
    """The pairs of positions in ``members`` (sorted) that rule 5 has to look at, in order.

    Pairs further apart than edit distance 2 (in today's spelling) that hold no specific office
    in common lead nowhere, so only the others are listed; :func:`close_pairs` finds the close
    ones without a comparison per pair in Python."""
    eligible = [x for x, a in enumerate(members) if len(a) >= MIN_VARIANT_LENGTH]
    pairs = {(eligible[i], eligible[j]) for i, j in close_pairs(
        [modern[members[x]] for x in eligible], MAX_VARIANT_DISTANCE)}
    holders: dict[str, list[int]] = defaultdict(list)
    for x in eligible:
        for office in offices.get(members[x], ()):
            holders[office].append(x)
    for positions in holders.values():
        pairs.update((x, y) for i, x in enumerate(positions) for y in positions[i + 1:])
    return sorted((x, y) for x, y in pairs
                  if abs(len(members[x]) - len(members[y])) <= MAX_VARIANT_DISTANCE)


def _spelling_variants(state: _State, docs: Sequence[DocMentions]) -> dict[str, list[Located]]:
    """Rule 5: near-identical names of one type join when they also share context.

    Near-identical: Levenshtein distance 1 between normalised names of at least 5 characters
    (2 from 12 characters), as for a doubled or dropped letter, after putting old Indonesian
    spellings in today's form ("Soetrisno", "Sutrisno"); spacing, hyphens, case and diacritics
    are already equal after normalisation. Shared context: a document, a neighbour (an entity
    named in the same sentence) or a role. Names further apart still join when both hold the same
    specific office and are close by Jaro-Winkler similarity (Winkler 1990), which favours a
    shared beginning ("Rudianto", "Rudiantara"): one office has one holder. Two names in one
    sentence ("Rina dan Rini Kusuma") are two people, and so are two names with different roles
    and none in common. Similar names kept apart are reported as near misses. Returns the
    groups as they were before these unions (for :func:`_regroup`).
    """
    groups = _groups(state, docs)
    if len(groups) < 2:
        return groups
    roots = state.uf.roots()  # read before any union below
    mention_key = state.mention_key
    kind = {root: _majority_type(group) for root, group in groups.items()}
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for root in groups:
        if kind[root] != CONCEPT and not root.startswith("="):
            blocks[(kind[root], root[:2])].append(root)
    # the context below is read for block members only (concepts and acronyms are never compared,
    # though they count as neighbours of the names beside them)
    compared = {root for members in blocks.values() for root in members}
    docs_of: dict[str, set[str]] = defaultdict(set)
    neighbours: dict[str, set[str]] = defaultdict(set)
    together: set[frozenset[str]] = set()
    roles_of: dict[str, set[str]] = defaultdict(set)
    role_key = RoleKeys(None)
    for doc in docs:
        by_sentence: dict[int, set[str]] = defaultdict(set)
        doc_id = doc.doc.id
        for key, m in zip(mention_key.get(doc_id, ()), doc.mentions, strict=False):
            if key is None:
                continue
            root = roots[key]
            by_sentence[m.sent].add(root)
            if root in compared:
                docs_of[root].add(doc_id)
                if m.role:
                    roles_of[root].update(role_key(r) for r in split_roles(m.role))
        for named in by_sentence.values():
            for root in named:
                if root not in compared:
                    continue
                neighbours[root] |= named - {root}
                # only pairs that can be compared below: same block, lengths 2 apart at most
                together.update(frozenset((root, other)) for other in named if other != root
                                and other in compared and other[:2] == root[:2]
                                and abs(len(other) - len(root)) <= 2)
    modern = {root: modern_spelling(root) for root in compared}
    offices = {root: {r for r in roles if r and r.split()[0] not in GENERIC_ROLES}
               for root, roles in roles_of.items()}
    for members in blocks.values():
        members.sort()
        for x, y in _variant_candidates(members, modern, offices):
            a, b = members[x], members[y]
            shortest = min(len(a), len(b))
            if abs(len(a) - len(b)) > 2 or shortest < MIN_VARIANT_LENGTH:
                continue
            distance = Levenshtein.distance(modern[a], modern[b], score_cutoff=2)
            limit = 2 if shortest >= 12 else 1
            office = offices.get(a, set()) & offices.get(b, set())
            if (distance > limit and office and frozenset((a, b)) not in together
                    and JaroWinkler.similarity(modern[a], modern[b])
                    >= SAME_OFFICE_SIMILARITY and state.uf.find(a) != state.uf.find(b)):
                # one office, one holder: "Rudianto selaku Menteri Komunikasi dan
                # Informatika" is Rudiantara misspelt
                state.uf.union(a, b, "spelling-variant",
                               f"similar names holding the same office ({sorted(office)[0]})")
                continue
            if distance > 2:
                continue
            shared = (docs_of[a] & docs_of[b] and "a document") or (
                (neighbours[a] & neighbours[b]) and "a neighbour") or (
                (roles_of[a] & roles_of[b]) and "a role")
            ra, rb = state.uf.find(a), state.uf.find(b)
            if ra == rb:
                continue
            conflict = ""
            if frozenset((a, b)) in together:
                conflict = "named side by side in one sentence"
            elif roles_of[a] and roles_of[b] and not roles_of[a] & roles_of[b]:
                conflict = "different roles"
            if distance <= limit and shared and not conflict:
                state.uf.union(a, b, "spelling-variant",
                               f"edit distance {distance}, shared {shared}")
            else:
                why = (f"similar (edit distance {distance}) but {conflict}" if conflict else
                       f"similar (edit distance {distance}) but no shared document, "
                       "neighbour or role" if distance <= limit else
                       f"edit distance {distance} is too large for names this short")
                state.near_misses.append((a, b, why))
    return groups


def _link_roles(state: _State, docs: Sequence[DocMentions]) -> None:
    """Bare roles ("Menkominfo") join the office holder (see :mod:`graph.roles`)."""
    definitions = {d.short.lower(): d.long.lower() for doc in docs for d in abbreviations(doc)}
    state.role_links = resolve_roles(docs, _Roots(state), definitions)


def _build(state: _State, docs: Sequence[DocMentions], previous_ids: Mapping[str, str],
           earlier: dict[str, list[Located]] | None = None) -> Resolution:
    groups = _groups(state, docs) if earlier is None else _regroup(state, docs, earlier)
    by_id = {doc.doc.id: doc for doc in docs}
    with_roles: set[str] = set()  # the groups that hold bare roles besides names
    for (doc_id, i), (root, _rule, _evidence) in state.role_links.items():
        groups[root].append((doc_id, i, by_id[doc_id].mentions[i]))
        with_roles.add(root)
    dates = {doc.doc.id: doc.doc.date for doc in docs}
    alias_of_root = {state.uf.find(k): e for k, e in state.alias_of_key.items()}
    entities: dict[str, Entity] = {}
    mention_key = state.mention_key
    entity_of: dict[str, list[str | None]] = {
        doc_id: [None] * len(keys) for doc_id, keys in mention_key.items()}
    merges: list[Merge] = []
    key_ids: dict[str, str] = {}
    used_ids: set[str] = set()
    next_suffix: dict[str, int] = {}
    entity_of_root: dict[str, str] = {}
    for root in sorted(groups, key=lambda r: (-len(groups[r]), r)):
        group = groups[root]
        names = [x for x in group if x[2].label != ROLE] if root in with_roles else group
        entry = alias_of_root.get(root)
        keys = {mention_key[d][i] for d, i, _ in names}
        if entry is not None and entry.type:
            kind = entry.type
        elif keys & state.lower_long:
            kind = CONCEPT
        else:
            kind = _majority_type(names)
        long_forms: Counter[str] = Counter()
        for k in keys:
            long_forms.update(state.long_text.get(k, Counter()))
        surfaces = Counter([m.text for _, _, m in group])
        name_surfaces = surfaces if names is group else Counter([m.text for _, _, m in names])
        label = _choose_label(name_surfaces, entry.canonical if entry else None, long_forms,
                              kind)
        earlier = {previous_ids[k] for k in keys if k in previous_ids} - used_ids
        if len(earlier) == 1:
            entity_id = earlier.pop()
        else:
            base = f"{kind.lower()}:{slugify(label)}"
            # the first free "-n": the ones before the last taken stay taken
            entity_id, n = base, next_suffix.get(base, 2)
            while entity_id in used_ids:
                entity_id, n = f"{base}-{n}", n + 1
            if entity_id != base:
                next_suffix[base] = n
        used_ids.add(entity_id)
        entity_of_root[root] = entity_id
        for k in keys:
            key_ids[k] = entity_id

        aliases_sorted = [label] + [s for s, _ in surfaces.most_common() if s != label]
        roles = Counter(r for _, _, m in names if m.role for r in split_roles(m.role))
        if names is not group:
            roles.update(m.text for _, _, m in group if m.label == ROLE)
        by_case: dict[str, str] = {}
        for role, _ in roles.most_common():  # one spelling per role, the most frequent
            by_case.setdefault(role.casefold(), role)
        doc_ids = {d for d, _, _ in group}
        seen = sorted(dates[d] for d in doc_ids if dates.get(d))
        entities[entity_id] = Entity(
            id=entity_id, label=label, type=kind, aliases=tuple(aliases_sorted),
            roles=tuple(by_case.values()), mentions=len(group),
            docs=len(doc_ids), first_seen=seen[0] if seen else None,
            last_seen=seen[-1] if seen else None)
        explained: set[str] = set()
        for d, i, m in group:
            entity_of[d][i] = entity_id
            if m.text == label or m.text in explained:
                continue
            explained.add(m.text)
            if m.label == ROLE:
                _, rule, evidence = state.role_links[(d, i)]
            elif (d, i) in state.partial_of:
                rule, evidence = "partial-name", f"part of {state.partial_of[(d, i)]} in {d}"
            elif mention_key[d][i] == state.key_of(label):
                rule, evidence = "same-normalised-name", f"{m.text} ~ {label}"
            else:
                rule, evidence = state.uf.reason.get(mention_key[d][i],
                                                     ("same-group", label))
            merges.append(Merge(entity_id, m.text, rule, evidence))
    near = tuple(NearMiss(entity_of_root[state.uf.find(a)], entity_of_root[state.uf.find(b)],
                          why) for a, b, why in state.near_misses
                 if state.uf.find(a) in entity_of_root and state.uf.find(b) in entity_of_root
                 and state.uf.find(a) != state.uf.find(b))
    return Resolution(entities=entities, mention_entity=MentionEntities(entity_of),
                      merges=tuple(merges),
                      near_misses=near, key_ids=key_ids)


def resolve(docs: Sequence[DocMentions], *, aliases: Iterable[AliasEntry] = (),
            merge: bool = True, previous_ids: Mapping[str, str] | None = None) -> Resolution:
    """Group the mentions of ``docs`` into entities.

    With ``merge=False`` only identical surface strings join (for comparison with the rules).
    ``previous_ids`` (``Resolution.key_ids`` of an earlier build) keeps node ids stable when
    articles are added: a node that holds a name seen before keeps that name's id.

    >>> from graph.records import Document, DocMentions, Mention
    >>> d = Document(id="d1", path="a.txt", text="Jack Ma bertemu Jokowi. Ma senang.")
    >>> ms = (Mention("d1", 0, 7, "Jack Ma", "PERSON", 0, 0),
    ...       Mention("d1", 16, 22, "Jokowi", "PERSON", 0, 0),
    ...       Mention("d1", 24, 26, "Ma", "PERSON", 1, 0))
    >>> r = resolve([DocMentions(d, ms, (), (), ())])
    >>> sorted(e.label for e in r.entities.values())
    ['Jack Ma', 'Jokowi']
    """
    state = _State(merge=merge, glosses=gloss_table(docs) if merge else {})
    _assign_keys(state, docs)
    earlier = None
    if merge:
        _apply_definitions(state, docs)
        _apply_aliases(state, aliases)
        earlier = _spelling_variants(state, docs)
        _link_roles(state, docs)
    return _build(state, docs, previous_ids or {}, earlier)
