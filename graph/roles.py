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
    table = {**role_abbreviations(), **(definitions or {})}
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


def _days_apart(a: str, b: str) -> int:
    try:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)
    except ValueError:
        return 0


def resolve_roles(docs: Sequence[DocMentions], mention_entity: Mapping[tuple[str, int], str],
                  definitions: Mapping[str, str] | None = None
                  ) -> dict[tuple[str, int], tuple[str, str, str]]:
    """Resolve every ROLE mention of ``docs`` to an entity id, where rules 1-2 allow.

    ``mention_entity`` maps the other mentions to their entities (from the name rules).
    Returns ``{(doc_id, mention index): (entity_id, rule, evidence)}``.
    """
    # who holds which role, where and when
    in_doc: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    when: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for doc in docs:
        for i, m in enumerate(doc.mentions):
            entity = mention_entity.get((doc.doc.id, i))
            if m.label != "PERSON" or not m.role or entity is None:
                continue
            for role in split_roles(m.role):
                key = role_key(role, definitions)
                if not key:
                    continue
                in_doc[doc.doc.id][key].add(entity)
                if doc.doc.date:
                    when[key][entity].append(doc.doc.date)
                else:
                    when[key].setdefault(entity, [])

    resolved: dict[tuple[str, int], tuple[str, str, str]] = {}
    by_id = {doc.doc.id: doc for doc in docs}
    for _ in range(2):  # a second pass lets roles resolved in the corpus explain vaguer ones
        for doc in docs:
            for i, m in enumerate(doc.mentions):
                if m.label == ROLE and (doc.doc.id, i) not in resolved:
                    link = _resolve_one(doc, m, definitions, in_doc, when)
                    if link is not None:
                        resolved[(doc.doc.id, i)] = link
        for (doc_id, index), (entity, _rule, _evidence) in resolved.items():
            text = by_id[doc_id].mentions[index].text
            in_doc[doc_id][role_key(text, definitions)].add(entity)
    return resolved


def _resolve_one(doc: DocMentions, m: Mention, definitions: Mapping[str, str] | None,
                 in_doc: Mapping[str, Mapping[str, set[str]]],
                 when: Mapping[str, Mapping[str, list[str]]]) -> tuple[str, str, str] | None:
    key = role_key(m.text, definitions)
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
    held = when.get(key) or {}
    if not held:  # "Gubernur DKI" for the holder of "Gubernur DKI Jakarta"
        longer = [k for k in when if k.startswith(key + " ")]
        held = when[longer[0]] if len(longer) == 1 else {}
    candidates = list(held)
    for window in (PERIOD_DAYS, PERIOD_DAYS // 2):  # within a year; if several, half a year
        if len(candidates) <= 1 or not date:
            break
        candidates = [e for e in candidates if not held[e]
                      or any(_days_apart(date, d) <= window for d in held[e])]
    if len(candidates) == 1 and (not date or not held[candidates[0]] or any(
            _days_apart(date, d) <= PERIOD_DAYS for d in held[candidates[0]])):
        return (candidates[0], "role-in-corpus",
                f"{m.text}: the one holder in the corpus around {date or 'any date'}")
    return None
