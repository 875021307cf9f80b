"""Bare roles: link "Menkominfo", "sang gubernur" or "dubes RI untuk China" to the office holder.

News often names a person by office alone once the name is known ("Kehadiran Menkominfo
diharapkan ..."). The NLP stage marks such titles as ROLE mentions; this module resolves them:

1. **In the document.** If exactly one person in the same document holds that role (a title seen
   before their name, "Menkominfo Rudiantara"), the role is that person. A bare role may be less
   specific than the holder's ("gubernur" for "Gubernur Jawa Tengah"); if two people in the
   document hold roles it could mean ("Presiden" with "Presiden Korea Selatan Moon Jae-in" and
   "Presiden Joko Widodo"), it stays unresolved.
2. **In the corpus.** Otherwise, if exactly one person in the whole corpus holds that role (or,
   when nobody holds it exactly, the one longer role that starts with it) within a year of the
   document's date (any date when the document has none), the role is that person.
3. Otherwise the role stays unresolved and is not a node.

Roles are compared by :func:`role_key`: lower case, office abbreviations expanded with the built-in
table (``graph/data/role_abbreviations.yaml``: "menko" -> "menteri koordinator") and with the
corpus's own definitions ("Menteri Komunikasi dan Informatika (Menkominfo)"), and "RI",
"Republik" and "Indonesia" left out.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources

import yaml

from .records import ROLE, DocMentions, Mention

PERIOD_DAYS = 365
_DROP_ANYWHERE = frozenset({"ri", "republik", "indonesia", "bidang", "sang", "nkri"})
_PUNCT = ",.;:()\"'“”‘’"


@lru_cache(maxsize=1)
def role_abbreviations() -> dict[str, str]:
    """The built-in table of office abbreviations (lower case) and their full forms."""
    path = resources.files("graph.data").joinpath("role_abbreviations.yaml")
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(k).lower(): str(v).lower() for k, v in data.items()}


def role_key(text: str, definitions: Mapping[str, str] | None = None) -> str:
    """A comparable form of a role.

    >>> role_key("Menteri Koordinator Perekonomian Indonesia") == role_key(
    ...     "menko Perekonomian", {"menko": "menteri koordinator"})
    True
    >>> role_key("Duta Besar RI untuk China")
    'duta besar untuk china'
    """
    return _role_key(text, {**role_abbreviations(), **(definitions or {})})


class RoleKeys:
    """:func:`role_key` with one set of definitions, remembered per text: the table of a large
    corpus's definitions is too big to rebuild for every mention.

    >>> RoleKeys({"menko": "menteri koordinator"})("Menko Perekonomian")
    'menteri koordinator perekonomian'
    """

    def __init__(self, definitions: Mapping[str, str] | None) -> None:
        self.table = {**role_abbreviations(), **(definitions or {})}
        self.known: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        key = self.known.get(text)
        if key is None:
            key = self.known[text] = _role_key(text, self.table)
        return key


def _role_key(text: str, table: Mapping[str, str]) -> str:
    text = re.sub(r"\([^()]*\)", " ", text)
    words = [w.strip(_PUNCT) for w in text.lower().split()]
    words = [w for w in words if w]
    whole = " ".join(words)
    if whole in table:
        words = table[whole].split()
    else:
        for size in (2, 1):
            head = " ".join(words[:size])
            if len(words) >= size and head in table:
                words = table[head].split() + words[size:]
                break
    words = [w for w in words if w not in _DROP_ANYWHERE]
    while words and words[-1] in {"dan", "untuk"}:
        words.pop()
    return " ".join(words)


def split_roles(role: str) -> list[str]:
    """The roles in a mention's role string ("CEO Alibaba; Pendiri Alibaba" holds two)."""
    return [r.strip() for r in role.split(";") if r.strip()]


def _ordinal(date: str) -> int | None:
    """The day number of an ISO date, ``None`` when it is not one."""
    try:
        return dt.date.fromisoformat(date).toordinal()
    except ValueError:
        return None


class _Office:
    """The holders of one role in the corpus and the dates of the documents where they hold it,
    indexed to find the one holder around a date without reading every holder and date.

    ``events`` are the ISO dates as day numbers, sorted, with their holder; ``next_other[i]`` is
    the first event after ``i`` of another holder, so that "one holder or more in this window" is
    two binary searches. A holder named only in undated documents, or once in a document whose
    date is not ISO, counts as holding it on any date (0 days apart, as it always has).
    """

    __slots__ = ("always", "days", "holders", "next_other", "owners")

    def __init__(self, held: Mapping[str, list[str]]) -> None:
        self.holders = list(held)
        self.always: list[str] = []
        events: set[tuple[int, str]] = set()
        for entity, dates in held.items():
            days = [_ordinal(d) for d in dates]
            if not days or None in days:
                self.always.append(entity)
            events.update((day, entity) for day in days if day is not None)
        ordered = sorted(events)
        self.days = [day for day, _ in ordered]
        self.owners = [entity for _, entity in ordered]
        self.next_other = [len(ordered)] * len(ordered)
        for i in range(len(ordered) - 2, -1, -1):
            following = self.owners[i + 1]
            self.next_other[i] = i + 1 if following != self.owners[i] else self.next_other[i + 1]

    def _around(self, day: int, window: int) -> list[str]:
        """The holders on dates at most ``window`` days from ``day`` (stops at two)."""
        lo = bisect_left(self.days, day - window)
        hi = bisect_right(self.days, day + window)
        if lo >= hi:
            return []
        if self.next_other[lo] < hi:
            return [self.owners[lo], self.owners[self.next_other[lo]]]
        return [self.owners[lo]]

    def _candidates(self, day: int, window: int) -> set[str]:
        """The holders that may hold it around ``day``: at least two or exactly the ones."""
        if len(self.always) >= 2:
            return set(self.always[:2])
        return set(self.always) | set(self._around(day, window))

    def holder(self, date: str | None) -> str | None:
        """The one holder within a year of ``date`` (within half a year when several hold it in
        the year), the only holder when ``date`` is ``None`` or empty; ``None`` when there is not
        exactly one."""
        if len(self.holders) <= 1 or not date:
            if len(self.holders) != 1:
                return None
            only = self.holders[0]
            day = _ordinal(date) if date else None
            return only if (not date or only in self.always or day is None
                            or self._around(day, PERIOD_DAYS)) else None
        day = _ordinal(date)
        if day is None:  # every holder counts as near a date that is not ISO
            return None
        for window in (PERIOD_DAYS, PERIOD_DAYS // 2):  # within a year; if several, half a year
            candidates = self._candidates(day, window)
            if len(candidates) <= 1:
                return candidates.pop() if candidates else None
        return None


def resolve_roles(docs: Sequence[DocMentions], mention_entity: Mapping[tuple[str, int], str],
                  definitions: Mapping[str, str] | None = None
                  ) -> dict[tuple[str, int], tuple[str, str, str]]:
    """Resolve every ROLE mention of ``docs`` to an entity id, where rules 1-2 allow.

    ``mention_entity`` maps the other mentions to their entities (from the name rules).
    Returns ``{(doc_id, mention index): (entity_id, rule, evidence)}``.
    """
    key_of = RoleKeys(definitions)
    # who holds which role, where and when
    in_doc: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    dates: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for doc in docs:
        for i, m in enumerate(doc.mentions):
            if m.label != "PERSON" or not m.role:
                continue
            entity = mention_entity.get((doc.doc.id, i))
            if entity is None:
                continue
            for role in split_roles(m.role):
                key = key_of(role)
                if not key:
                    continue
                in_doc[doc.doc.id][key].add(entity)
                if doc.doc.date:
                    dates[key][entity].append(doc.doc.date)
                else:
                    dates[key].setdefault(entity, [])
    corpus = _Holders({key: _Office(held) for key, held in dates.items()})

    resolved: dict[tuple[str, int], tuple[str, str, str]] = {}
    by_id = {doc.doc.id: doc for doc in docs}
    for _ in range(2):  # a second pass lets roles resolved in the corpus explain vaguer ones
        for doc in docs:
            for i, m in enumerate(doc.mentions):
                if m.label == ROLE and (doc.doc.id, i) not in resolved:
                    link = _resolve_one(doc, m, key_of, in_doc, corpus)
                    if link is not None:
                        resolved[(doc.doc.id, i)] = link
        for (doc_id, index), (entity, _rule, _evidence) in resolved.items():
            text = by_id[doc_id].mentions[index].text
            in_doc[doc_id][key_of(text)].add(entity)
    return resolved


class _Holders:
    """Who holds each role in the corpus, and when; with the roles sorted, to find the longer
    roles that start with a shorter one without reading them all."""

    def __init__(self, offices: dict[str, _Office]) -> None:
        self.offices = offices
        self.keys = sorted(offices)

    def longer(self, key: str) -> list[str]:
        """Up to two roles that start with ``key`` and a space (enough to tell one from many)."""
        prefix = key + " "
        i = bisect_left(self.keys, prefix)
        return [k for k in self.keys[i:i + 2] if k.startswith(prefix)]


def _resolve_one(doc: DocMentions, m: Mention, key_of: RoleKeys,
                 in_doc: Mapping[str, Mapping[str, set[str]]],
                 corpus: _Holders) -> tuple[str, str, str] | None:
    key = key_of(m.text)
    if not key:
        return None
    doc_id = doc.doc.id
    local = in_doc.get(doc_id, {})
    holders = set(local.get(key, set()))
    holders |= {e for k, ents in local.items() if k.startswith(key + " ") for e in ents}
    if len(holders) == 1:
        return (holders.pop(), "role-in-document",
                f"{m.text}: held by one person in document {doc_id}")
    if holders:
        return None  # two people in the document hold it: ambiguous
    date = doc.doc.date
    office = corpus.offices.get(key)
    if office is None:  # "Gubernur DKI" for the holder of "Gubernur DKI Jakarta"
        longer = corpus.longer(key)
        office = corpus.offices[longer[0]] if len(longer) == 1 else None
    holder = office.holder(date) if office is not None else None
    if holder is not None:
        return (holder, "role-in-corpus",
                f"{m.text}: the one holder in the corpus around {date or 'any date'}")
    return None
