"""Alias tables: canonical names and the other names the same thing goes by.

The built-in table (``graph/data/aliases.yaml``) holds general Indonesian public knowledge, each
entry with its source. Users add their own with ``--aliases FILE``; their entries win over the
built-in ones. The file format (YAML)::

    Joko Widodo:                 # canonical name
      type: PERSON               # optional: PERSON, ORG, LOC, EVENT or CONCEPT
      aliases: [Jokowi]          # the other names
      source: "..."              # optional, where the fact comes from
    Gojek: [Go-Jek, GoJek]       # short form: canonical -> list of variants

Only YAML's safe loader is used.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from .errors import JalinError
from .records import NODE_TYPES

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""``yaml.safe_load``'s loader with libyaml's C parser when PyYAML has one (the built-in alias
table parses in 9 ms instead of 85)."""


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """One canonical name with its variants."""

    canonical: str
    variants: tuple[str, ...]
    type: str | None = None
    source: str = ""


def parse_aliases(text: str, origin: str) -> list[AliasEntry]:
    """Parse an alias table from YAML text; ``origin`` names the file in error messages.

    >>> parse_aliases("Gojek: [Go-Jek]", "x.yaml")[0].variants
    ('Go-Jek',)
    """
    try:
        data = yaml.load(text, Loader=YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise JalinError(f"malformed alias file{where}: {problem}", origin) from None
    if data is None:
        return []
    if not isinstance(data, dict):
        raise JalinError("alias file must map canonical names to lists of variants", origin)
    entries: list[AliasEntry] = []
    for canonical, value in data.items():
        if not isinstance(canonical, str) or not canonical.strip():
            raise JalinError(f"alias entry {canonical!r} is not a name", origin)
        kind: str | None = None
        source = ""
        if isinstance(value, dict):
            variants = value.get("aliases", [])
            kind = value.get("type")
            source = str(value.get("source", ""))
        else:
            variants = value if value is not None else []
        if isinstance(variants, str):
            variants = [variants]
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            raise JalinError(f"aliases of {canonical!r} must be a list of names", origin)
        if kind is not None and kind not in NODE_TYPES:
            raise JalinError(f"type of {canonical!r} must be one of {', '.join(NODE_TYPES)}",
                             origin)
        names = tuple(v.strip() for v in variants if v.strip())
        entries.append(AliasEntry(canonical.strip(), names, kind, source))
    return entries


def builtin_aliases() -> list[AliasEntry]:
    """The built-in alias table (a new list; the file is read once per process)."""
    return list(_builtin_alias_entries())


@lru_cache(maxsize=1)
def _builtin_alias_entries() -> tuple[AliasEntry, ...]:
    text = resources.files("graph.data").joinpath("aliases.yaml").read_text(encoding="utf-8")
    return tuple(parse_aliases(text, "graph/data/aliases.yaml"))


def load_aliases(path: str | Path | None = None, *, builtin: bool = True) -> list[AliasEntry]:
    """The built-in table (unless ``builtin=False``) followed by the user's file, which wins."""
    entries = builtin_aliases() if builtin else []
    if path is not None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise JalinError("alias file not found", str(path)) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise JalinError(f"cannot read alias file ({exc})", str(path)) from None
        entries += parse_aliases(text, str(path))
    return entries
