"""Boilerplate removal for Indonesian online news, and the metadata the text carries.

Scraped articles carry more than the story: bylines, photo captions and credits, the title again,
datelines ("JAKARTA, KOMPAS.com - "), links to other articles ("Baca juga: ..."), headlines of other
articles inserted between paragraphs, syndication notes, share/comment/subscribe footers and editor
initials. :func:`clean_text` removes them line by line and says why (``dropped``), keeps every
story sentence, and returns the outlet, date and author it found on the way.

The rules are general patterns of the genre; the word lists live in ``graph/data/boilerplate.yaml``.
They work on lines (a scraped article has one paragraph a line; hard-wrapped text is re-joined) in
three passes:

1. each line on its own: page widgets, related links, captions and credits, bylines, date lines,
   outlet names, syndication notes, footers, the repeated title;
2. position: the story starts at the first real paragraph (a dateline, or a sentence of eight words
   or more); short lines above it are labels and captions. Short lines without a final full stop
   are headlines or subheadings, never sentences. A footer near the end takes everything after it;
3. inside the kept lines: the dateline, an inline "(Baca: ...)", and editor initials or an author
   in brackets at the very end.

Cleaning never adds text: the output is made of (stripped) input lines joined by blank lines.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from .dates import date_line_rest, iter_dates, parse_indonesian_date, weekday_dates
from .records import Document

__all__ = ["CleanResult", "clean_document", "clean_text", "canonical_outlet", "format_cleaned"]


def _load_rules() -> dict[str, Any]:
    text = resources.files("graph").joinpath("data/boilerplate.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


_RULES = _load_rules()


def _prefix_regex(prefixes: list[str]) -> re.Pattern[str]:
    """One anchored alternation; one-word prefixes must not run on into another letter."""
    parts = []
    for prefix in sorted(prefixes, key=len, reverse=True):
        part = re.escape(prefix)
        if re.fullmatch(r"\w+", prefix):
            part += r"(?![^\W\d_])"
        parts.append(part)
    return re.compile(rf"^[\s\[(*•·>#–—-]*(?:{'|'.join(parts)})", re.IGNORECASE)


_EXACT: dict[str, str] = {}
for _kind, _words in _RULES["exact_lines"].items():
    for _word in _words:
        _EXACT[_word.casefold()] = _kind
_RELATED = _prefix_regex(_RULES["related_prefixes"])
_FOOTER = _prefix_regex(_RULES["footer_prefixes"])
_CAPTION = _prefix_regex(_RULES["caption_prefixes"])
_SYNDICATION = _prefix_regex(_RULES["syndication_prefixes"])
_SOURCE_NOTE = re.compile(r"^[\s(\[]*(?:sumber|source)\b", re.IGNORECASE)
_AGENCIES = frozenset(a.casefold() for a in _RULES["agencies"])
_CREDIT_WORD = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in _RULES["credit_words"]) + r")\b", re.IGNORECASE)
_AUTHOR_LABELS = _RULES["byline_labels"]["author"]
_OTHER_LABELS = _RULES["byline_labels"]["other"]
_BYLINE = re.compile(
    r"^[\s*•·-]*(?P<label>"
    + "|".join(re.escape(w) for w in sorted(_AUTHOR_LABELS + _OTHER_LABELS, key=len, reverse=True))
    + r")(?![^\W\d_])\s*(?P<colon>[:|])?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_OUTLETS: dict[str, str] = {k.casefold(): v for k, v in _RULES["outlets"].items()}

_TLD = r"(?i:co\.id|or\.id|web\.id|my\.id|ac\.id|go\.id|com|co|id|net|org|news|tv|info|asia)"
_DOMAIN = rf"(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*?\.{_TLD}(?![\w.])"
_NAMES = "|".join(re.escape(n) for n in sorted(_RULES["dateline_names"], key=len, reverse=True))
_OUTLET = rf"(?:{_DOMAIN}|(?:{_NAMES})(?![\w.]))"
_PLACE = r"[A-Z][A-Za-z'’.]*(?:[ -][A-Z][A-Za-z'’.]*){0,3}"
_SEP = r"\s*(?:--|[-–—:|])\s*"
_DATELINES = (
    # Metrotvnews.com, Jakarta: ... | TEMPO.CO, Jakarta - ... | TRIBUNNEWS.COM, JAKARTA - ...
    re.compile(rf"^(?P<outlet>{_OUTLET})\s*,\s*(?P<place>{_PLACE})(?:\s*\([^()]{{1,40}}\))?{_SEP}"),
    # JAKARTA, KOMPAS.com - ... | Jakarta, CNN Indonesia -- ...
    re.compile(rf"^(?P<place>{_PLACE})\s*,\s*(?P<outlet>{_OUTLET}){_SEP}"),
    # Jakarta (ANTARA) - ...
    re.compile(rf"^(?P<place>{_PLACE})\s*\((?P<outlet>{_OUTLET})\){_SEP}"),
    # VIVA.co.id – ... | KONTAN.CO.ID - JAKARTA. ...
    re.compile(rf"^(?P<outlet>{_OUTLET}){_SEP}(?:(?P<place>[A-Z]{{3,}}(?: [A-Z]{{3,}})?)\.\s+)?"),
    # Nusantarapost.com Beberapa waktu ... (a domain and no separator)
    re.compile(rf"^(?P<outlet>{_DOMAIN})\s+(?=[A-Z\"“])"),
    # Jakarta - ... (detik, Okezone: the place only)
    re.compile(r"^(?P<place>[A-Z][A-Za-z'’.]*(?: [A-Z][A-Za-z'’.]*){0,2})\s+(?:--|[-–—])\s+"
               r"(?=[A-Z\"“'‘])"),
)

_WS = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_QUOTE_START = re.compile(r"^[\"'“”‘’«]")
_LIST_ITEM = re.compile(r"^(?:[-•*·▪●►]|\d{1,2}[.)]|[a-z][.)])\s+")
_URL_ONLY = re.compile(rf"^(?:https?://|www\.)\S+$|^{_DOMAIN}(?:/\S*)?$")
_DOMAIN_LINE = re.compile(rf"^{_DOMAIN}$")
_PAGINATION = re.compile(
    r"^(?:halaman|page|hal\.?)?[\s\d|»«<>./-]*\d[\s\d|»«<>./-]*(?:(?:dari|of)\s*\d+\s*)?"
    r"(?:selanjutnya|berikutnya|next|sebelumnya|prev)?$", re.IGNORECASE)
_ILLUSTRATION = re.compile(r"^[\s(\[]*ilustrasi(?![^\W\d_])", re.IGNORECASE)
_CREDIT_LEAD = re.compile(r"^(?:[\s•·*–—-]+|(?:sumber|foto|photo)\s*:\s*)+", re.IGNORECASE)
_CREDIT_SLASH = re.compile(r"^[A-Za-z][\w.&'’ -]{0,40}/\s?[\w.&'’ /-]{1,60}$")
_PAREN_END = re.compile(r"\s*\(([^()]{1,80})\)\s*$")
_INITIALS = re.compile(
    r"^(?:[A-Za-z]{2,6}(?:\s*[/,]\s*[A-Za-z]{2,6}){0,3}|\*{1,3}|[A-Za-z]{1,4}/\*)$")
_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,4}$")
_NAME_OUTLET = re.compile(
    rf"^(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){{1,4}})\s*(?:[-–—|•·,/]|\s-\s)\s*"
    rf"(?P<outlet>{_OUTLET}|detik[A-Za-z]+)$")
_INLINE_RELATED = re.compile(
    r"\s*[(\[]\s*(?:baca|simak|lihat|tonton)(?:\s+juga)?\s*:[^()\[\]]{0,300}[)\]]", re.IGNORECASE)
_INLINE_WIDGET = re.compile(r"\s*\b(?:ADVERTISEMENT|SCROLL TO CONTINUE WITH CONTENT)\b\s*")
_SYNDICATED_OUTLET = re.compile(
    rf"\b(?:tayang|dimuat|terbit|diterbitkan|dipublikasikan)\s+(?:di|pada|dalam|oleh)\s+"
    rf"(?P<outlet>{_DOMAIN}|[A-Z][\w.]*(?: [A-Z][\w.]*){{0,2}})", re.IGNORECASE)
_FUNCTION_WORDS = frozenset(
    "di ke dari dan yang untuk pada dengan atau dalam jadi ini itu akan bagi oleh soal usai jelang "
    "saat vs versus the of and in to for a an on at by".split())
_STRIP_KEY = " .:!*[]()|–—-"

_MAX_HEADER_WORDS = 20
_MAX_HEADLINE_WORDS = 20
_MAX_FRAGMENT_WORDS = 10
_MAX_LIST_ITEM_WORDS = 12


@dataclass(frozen=True, slots=True)
class CleanResult:
    """The cleaned body and what cleaning learnt.

    ``dropped`` lists ``(text, reason)`` for every line or piece of a line that was removed.
    """

    text: str
    dropped: tuple[tuple[str, str], ...] = ()
    title: str = ""
    source: str = ""
    date: str | None = None
    author: str = ""
    meta: dict[str, str] = field(default_factory=dict, compare=False)


@dataclass(slots=True)
class _Unit:
    text: str
    reason: str | None = None
    kind: str = ""
    date: str | None = None
    cuts: list[tuple[str, str]] = field(default_factory=list)

    @property
    def kept(self) -> bool:
        return self.reason is None

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(slots=True)
class _Found:
    """Metadata candidates: the lowest rank wins."""

    values: dict[str, tuple[int, str]] = field(default_factory=dict)

    def offer(self, key: str, value: str, rank: int) -> None:
        value = value.strip(" ,;:|-–—")
        if value and (key not in self.values or rank < self.values[key][0]):
            self.values[key] = (rank, value)

    def get(self, key: str) -> str:
        return self.values.get(key, (0, ""))[1]


@functools.lru_cache(maxsize=1)
def known_outlets() -> frozenset[str]:
    """Display names of the outlets Jalin knows (``outlets`` in ``data/boilerplate.yaml``)."""
    return frozenset(_OUTLETS.values())


def canonical_outlet(name: str) -> str:
    """The display name of an outlet as a dateline writes it.

    >>> canonical_outlet("KOMPAS.com"), canonical_outlet("NUSANTARAPOST.COM")
    ('Kompas.com', 'Nusantarapost.com')
    """
    name = name.strip(" ,.:;-–—()")
    key = name.casefold()
    if key.startswith("www."):
        key, name = key[4:], name[4:]
    if key in _OUTLETS:
        return _OUTLETS[key]
    labels = key.split(".")
    for n in (3, 2):  # money.kompas.com -> kompas.com
        if len(labels) > n and ".".join(labels[-n:]) in _OUTLETS:
            return _OUTLETS[".".join(labels[-n:])]
    if "." in name and name.upper() == name:
        return name[:1] + name[1:].lower()
    return name


def _norm(text: str) -> str:
    return "".join(filter(str.isalnum, text.casefold()))


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def _title_case_ratio(text: str) -> float:
    content = 0
    capital = 0
    for word in text.split():
        core = word.strip("\"'“”‘’()[],.:;!?-–—")
        if not core or core.casefold() in _FUNCTION_WORDS:
            continue
        content += 1
        if core[0].isupper() or core[0].isdigit():
            capital += 1
    return capital / content if content else 0.0


def _exact_kind(text: str) -> str | None:
    key = " ".join(text.strip(_STRIP_KEY).casefold().split())
    return _EXACT.get(key)


def _unwrap(block: list[str]) -> list[str]:
    """Re-join a hard-wrapped block: a line is broken where the next word would not have fit."""
    if len(block) < 3:
        return block
    width = max(len(line) for line in block)
    if not 50 <= width <= 100:
        return block
    breaks = [len(line) + 1 + len(nxt.split()[0]) > width
              for line, nxt in zip(block, block[1:], strict=False)]
    open_lines = [b for line, b in zip(block, breaks, strict=False) if not _ends_sentence(line)]
    if sum(breaks) < 2 or sum(open_lines) < 0.8 * len(open_lines):
        return block
    out, current = [], block[0]
    for line, broken in zip(block[1:], breaks, strict=True):
        if broken:
            current += " " + line
        else:
            out.append(current)
            current = line
    out.append(current)
    return out


def _units(text: str) -> list[_Unit]:
    blocks: list[list[str]] = [[]]
    for raw in text.splitlines():
        line = _WS.sub(" ", raw).strip()
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [_Unit(line) for block in blocks for line in _unwrap(block)]


_ROLE_WORDS = frozenset("jurnalis wartawan reporter kontributor koresponden editor penulis "
                        "redaksi tim".split())
_NAME_PARTICLES = frozenset("bin binti van von de der da al el di".split())
_LEADING_OUTLET = re.compile(rf"^(?:{_OUTLET})\s*[,:]?\s+")


def _name_from(rest: str) -> str:
    """A person's name at the start of a byline remainder, or ``""``."""
    rest = _LEADING_OUTLET.sub("", rest.strip(" :"))
    name = re.split(r"\s*(?:[|•·/,;(]|\s-\s|\beditor\b|\bpenyunting\b)", rest, maxsplit=1,
                    flags=re.IGNORECASE)[0].strip(" .:-")
    words = name.split()
    if not words or len(words) > 6 or any(ch.isdigit() for ch in name):
        return ""
    if _DOMAIN_LINE.match(name) or name.casefold() in _OUTLETS:
        return ""
    while words and words[-1].casefold().strip(".") in _ROLE_WORDS:
        words.pop()
    if not words or not all(w[0].isupper() or w.casefold() in _NAME_PARTICLES for w in words):
        return ""
    return " ".join(words)


def _is_credit_paren(inner: str) -> bool:
    if "/" in inner:
        left, _, right = inner.partition("/")
        return any(c.isalpha() for c in left) and any(c.isalpha() for c in right)
    return bool(_CREDIT_WORD.search(inner))


def _classify(unit: _Unit, title_key: str, found: _Found) -> None:
    """Pass 1: rules that look at one line alone. Sets ``unit.reason`` and ``unit.kind``."""
    text = unit.text
    words = unit.words
    kind = _exact_kind(text)
    if kind == "widget":
        unit.reason = "page widget"
        return
    if kind == "footer":
        unit.reason, unit.kind = "share/comment footer", "footer"
        return
    if kind == "credit":
        unit.reason, unit.kind = "photo credit", "credit"
        return
    if title_key and len(text) >= len(title_key) and _norm(text) == title_key:
        unit.reason = "repeated title"
        return
    if _URL_ONLY.match(text):
        if text.casefold().strip("/").count("/") == 0 and (
                text.casefold() in _OUTLETS or _DOMAIN_LINE.match(text)):
            unit.reason, unit.kind = "outlet name", "outlet"
            found.offer("source", canonical_outlet(text), 3)
        else:
            unit.reason, unit.kind = "link", "credit"
        return
    if text.casefold() in _OUTLETS:
        unit.reason, unit.kind = "outlet name", "outlet"
        found.offer("source", canonical_outlet(text), 3)
        return
    if _PAGINATION.match(text):
        unit.reason = "pagination"
        return
    if _RELATED.match(text):
        unit.reason = "link to another article"
        return
    if _SYNDICATION.match(text) and (words <= 15 or not _SOURCE_NOTE.match(text)):
        unit.reason, unit.kind = "syndication or source note", "syndication"
        match = _SYNDICATED_OUTLET.search(text)
        if match:
            found.offer("source", canonical_outlet(match.group("outlet")), 1)
        unit.date = parse_indonesian_date(text)
        return
    if _FOOTER.match(text):
        unit.reason, unit.kind = "share/comment/subscribe footer", "footer"
        return
    if _CAPTION.match(text) or (_ILLUSTRATION.match(text) and words <= 15):
        unit.reason, unit.kind = "photo caption or credit", "credit"
        return
    if words <= 10:
        bare = _CREDIT_LEAD.sub("", text).strip()
        if bare and (bare.casefold() in _AGENCIES or _CREDIT_SLASH.match(bare)
                     and not _ends_sentence(bare)):
            unit.reason, unit.kind = "photo credit", "credit"
            return
    paren = _PAREN_END.search(text)
    if paren and _is_credit_paren(paren.group(1)) and words <= 40:
        before = text[:paren.start()]
        if not before.strip():
            pass
        elif not _ends_sentence(before) and words <= 30 or _CREDIT_WORD.search(paren.group(1)):
            unit.reason, unit.kind = "photo caption with credit", "credit"
            return
        else:
            unit.kind = "credited"  # a caption, unless it is the last paragraph (see clean_text)
    if text.startswith("(") and text.endswith(")"):
        inner = text[1:-1].strip()
        if _INITIALS.match(inner):
            unit.reason = "editor initials"
            return
        if _NAME.match(inner):
            unit.reason = "author in brackets"
            found.offer("author", inner, 2)
            return
        if _is_credit_paren(inner):
            unit.reason, unit.kind = "credit", "credit"
            return
    byline = _BYLINE.match(text)
    if byline and len(byline.group("label")) <= 3 and not byline.group("colon"):
        byline = None  # "Red: ..." and "Rep: ..." need their colon
    if byline and words <= 16 and (byline.group("colon") or words <= 8):
        label = byline.group("label").casefold()
        rest = byline.group("rest")
        name = _name_from(rest)
        # "Oleh karena itu, ..." is a sentence, not a byline: bare labels need a name after them.
        if byline.group("colon") or (name and not _ends_sentence(text)):
            unit.reason, unit.kind = "byline", "byline"
            if name:
                found.offer("author" if label in _AUTHOR_LABELS else "editor", name, 0)
            for other in re.finditer(r"\b(penulis|reporter|editor|penyunting)\s*:?\s*([^|•·]+)",
                                     rest, re.IGNORECASE):
                other_name = _name_from(other.group(2))
                is_editor = other.group(1).casefold() in ("editor", "penyunting")
                key = "editor" if is_editor else "author"
                if other_name:
                    found.offer(key, other_name, 0)
            unit.date = parse_indonesian_date(text)
            return
    name_outlet = _NAME_OUTLET.match(text)
    if name_outlet and not _ends_sentence(text):
        unit.reason, unit.kind = "byline", "byline"
        found.offer("author", name_outlet.group("name"), 1)
        found.offer("source", canonical_outlet(name_outlet.group("outlet")), 2)
        return
    if len(text) <= 120:
        iso, rest = date_line_rest(text)
        if iso is not None:
            rest_words = rest.split()
            if not rest_words:
                unit.reason, unit.kind, unit.date = "date line", "date", iso
                return
            if len(rest_words) <= 6 and (re.search(r"[|•·]", text) or not _ends_sentence(text)):
                unit.reason, unit.kind, unit.date = "byline with date", "date", iso
                before = text[:iter_dates(text)[0][0]].strip(" ,|•·-–—")
                if _DOMAIN_LINE.match(before) or before.casefold() in _OUTLETS:
                    found.offer("source", canonical_outlet(before), 2)
                elif re.search(r"[|•·]", text) and len(_name_from(before).split()) >= 2:
                    found.offer("author", _name_from(before), 1)  # not "Jakarta, 3 Mei 2022"
                return


def _is_story(unit: _Unit) -> bool:
    if not unit.kept or unit.kind == "credited":
        return False
    text = unit.text
    if _dateline(text):
        return True
    words = unit.words
    if text.endswith(":"):
        return words >= 8
    ends = _ends_sentence(text)
    return ends and (words >= 8 or (words >= 6 and bool(_QUOTE_START.match(text))))


def _headline_reason(unit: _Unit) -> str | None:
    """Why a kept line is a headline/subheading rather than a sentence, or ``None``."""
    text = unit.text
    words = unit.words
    if (unit.kind == "credited" or _LIST_ITEM.match(text) or _QUOTE_START.match(text)
            or text[:1].islower() or text[-1:] in ":,;"):
        return None
    # the capitalised share of the words only where it decides (most lines are sentences)
    if not _ends_sentence(text):
        if words <= _MAX_FRAGMENT_WORDS or (
                words <= _MAX_HEADLINE_WORDS and _title_case_ratio(text) >= 0.5):
            return "headline or subheading (not a sentence)"
        return None
    if (text.endswith(("?", "!")) and 4 <= words <= 16 and not re.search(r"[\"“”]", text)
            and _title_case_ratio(text) >= 0.75):
        return "headline or subheading (not a sentence)"
    return None


def _strip_prefix_by_norm(text: str, key: str) -> int:
    """Length of the shortest prefix of ``text`` whose :func:`_norm` is ``key`` (0 if none)."""
    if not key or not _norm(text[: len(key) * 3 + 10]).startswith(key):
        return 0
    for match in re.finditer(r"\s", text):
        end = match.start()
        if _norm(text[:end]) == key:
            return end
        if len(_norm(text[:end])) > len(key):
            break
    return 0


def _gap(match: re.Match[str]) -> str:
    """What replaces an inline removal: a space, or nothing before punctuation."""
    following = match.string[match.end():match.end() + 1]
    return "" if not following or following in ".,;:!?)]" else " "


def _dateline(text: str) -> re.Match[str] | None:
    for pattern in _DATELINES:
        match = pattern.match(text)
        if match and match.end() < len(text):
            return match
    return None


def clean_text(text: str, title: str = "") -> CleanResult:
    """Remove news boilerplate from ``text``; ``title`` helps find the title repeated in the body.

    >>> r = clean_text("Budi Santoso | Selasa, 20 Oct 2015 19:08 WIB\\n"
    ...                "JAKARTA, KOMPAS.com - Presiden meresmikan jalan tol baru di Jawa Barat.\\n"
    ...                "Baca juga: Tol Baru Dibuka\\n(ant)")
    >>> r.text
    'Presiden meresmikan jalan tol baru di Jawa Barat.'
    >>> r.source, r.date, r.author
    ('Kompas.com', '2015-10-20', 'Budi Santoso')
    """
    units = _units(text)
    found = _Found()
    title_key = _norm(title)
    for unit in units:
        _classify(unit, title_key, found)

    # A short line right above a photo credit is its caption.
    for unit, nxt in zip(units, units[1:], strict=False):
        if (unit.kept and nxt.kind == "credit" and unit.words <= 15
                and not _QUOTE_START.match(unit.text)):
            unit.reason = "photo caption"

    story = [i for i, u in enumerate(units) if _is_story(u)]
    first = story[0] if story else len(units)
    last = story[-1] if story else -1
    title_candidate = ""
    if story:
        for unit in units[:first]:
            if unit.kept and unit.words <= _MAX_HEADER_WORDS and not _ends_sentence(unit.text):
                if not title and not title_candidate and unit.words >= 3:
                    title_candidate = unit.text
                    unit.reason = "title"
                else:
                    unit.reason = "label or caption above the story"
        # A footer near the end takes everything after it.
        kept_before = 0
        after = sum(len(u.text) for u in units)
        for i, unit in enumerate(units):
            after -= len(unit.text)
            if unit.kind == "footer" and i > first and after < kept_before:
                for later in units[i + 1:]:
                    if later.kept:
                        later.reason = "after the footer"
                break
            if unit.kept:
                kept_before += len(unit.text)
        in_list = False  # short lines after a kept "..., yaitu:" are list items, not headlines
        for i, unit in enumerate(units):
            if not unit.kept:
                in_list = False
                continue
            if unit.kind == "credited" and i < last:
                unit.reason = "photo caption with credit"
                continue
            if in_list and i > first and unit.words <= _MAX_LIST_ITEM_WORDS:
                if _ends_sentence(unit.text):
                    in_list = False
                continue
            if i != first:
                reason = _headline_reason(unit)
                if reason:
                    unit.reason = "label after the story" if i > last else reason
                    continue
            in_list = unit.text.endswith(":")

    kept = [u for u in units if u.kept]
    # The title again at the start of the first paragraph, then the dateline.
    for unit in kept[:3]:
        cut = _strip_prefix_by_norm(unit.text, title_key)
        if cut:
            unit.cuts.append((unit.text[:cut], "repeated title"))
            unit.text = unit.text[cut:].lstrip()
        match = _dateline(unit.text)
        if match:
            groups = match.groupdict()
            if groups.get("outlet"):
                found.offer("source", canonical_outlet(groups["outlet"]), 0)
            if groups.get("place"):
                found.offer("place", groups["place"], 0)
            unit.cuts.append((match.group(0).strip(), "dateline"))
            unit.text = unit.text[match.end():]
            break
        if _is_story(unit):
            break
    for unit in kept:
        for pattern, reason in ((_INLINE_RELATED, "link to another article"),
                                (_INLINE_WIDGET, "page widget")):
            matches = list(pattern.finditer(unit.text))
            if matches:  # (most lines have none: one scan of them, not two)
                unit.cuts.extend((match.group(0).strip(), reason) for match in matches)
                unit.text = pattern.sub(_gap, unit.text)
            unit.text = unit.text.strip()
        if not unit.text:
            unit.reason = "page widget"
    kept = [u for u in kept if u.kept]
    # Editor initials, an author or a credit in brackets at the very end.
    if kept:
        tail = kept[-1]
        while True:
            match = _PAREN_END.search(tail.text)
            if not match or not _ends_sentence(tail.text[:match.start()]):
                break
            inner = match.group(1).strip()
            if _INITIALS.match(inner):
                reason = "editor initials"
            elif _NAME.match(inner) and inner.casefold() not in _OUTLETS:
                reason = "author in brackets"
                found.offer("author", inner, 2)
            elif _is_credit_paren(inner) or _SOURCE_NOTE.match(inner):
                reason = "credit"
            else:
                break
            tail.cuts.append((match.group(0).strip(), reason))
            tail.text = tail.text[:match.start()].rstrip()

    dropped: list[tuple[str, str]] = []
    for unit in units:
        dropped.extend(unit.cuts)
        if not unit.kept:
            dropped.append((unit.text, unit.reason or ""))
    for i, unit in enumerate(units):
        if unit.date and unit.kind in ("date", "byline"):
            found.offer("date", unit.date, 0 if i < first else 1 if i > last else 2)
        elif unit.date and unit.kind == "syndication":
            found.offer("date", unit.date, 3)
    body = "\n\n".join(u.text for u in units if u.kept)
    if "date" not in found.values:
        story_dates = weekday_dates(body)
        if story_dates:
            found.offer("date", story_dates[0], 4)
    meta = {k: found.get(k) for k in ("editor", "place") if found.get(k)}
    return CleanResult(text=body, dropped=tuple(dropped), title=title_candidate,
                       source=found.get("source"), date=found.get("date") or None,
                       author=found.get("author"), meta=meta)


def clean_document(doc: Document) -> Document:
    """``doc`` with its body cleaned and missing metadata (title, source, date, author) filled in.

    Metadata the document already has (from HTML, JSONL or CSV fields) is kept. ``meta["dropped"]``
    lists ``(text, reason)`` for everything removed.
    """
    result = clean_text(doc.text, doc.title)
    meta = dict(doc.meta)
    meta["dropped"] = list(result.dropped)
    for key, value in result.meta.items():
        meta.setdefault(key, value)
    return doc.replace(
        text=result.text,
        title=doc.title or result.title,
        source=doc.source or result.source,
        date=doc.date or result.date,
        author=doc.author or result.author,
        meta=meta,
    )


def format_cleaned(doc: Document, *, show_dropped: bool = False) -> str:
    """A cleaned document as text: ``Key: value`` header lines, a blank line, then the body.

    With ``show_dropped`` the removed lines follow the body, one ``- [reason] text`` a line.
    """
    lines = [f"Title: {doc.title}", f"Source: {doc.source}", f"Date: {doc.date or ''}",
             f"Author: {doc.author}"]
    if doc.url:
        lines.append(f"URL: {doc.url}")
    lines += [f"Path: {doc.path}", f"Id: {doc.id}"]
    dropped = doc.meta.get("dropped") or []
    lines.append(f"Dropped: {len(dropped)}")
    out = "\n".join(lines) + "\n\n" + doc.text + "\n"
    if show_dropped and dropped:
        out += "\n--- dropped ---\n" + "".join(f"- [{reason}] {text}\n" for text, reason in dropped)
    return out
