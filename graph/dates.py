"""Dates as Indonesian online news writes them, turned into ISO ``YYYY-MM-DD``.

Formats recognised (Indonesian and English month names and their abbreviations)::

    Selasa, 20 Oct 2015 19:08 WIB        20 Oktober 2015 | 19:08 WIB       5 Mei 2021
    Kamis 8 September 2016               Minggu (27/8/2017)                20/10/2015
    2015-10-20 (also 2015-10-20T19:08:00+07:00)                            Oct 20, 2015

Numeric dates are read day first (``20/10/2015``), as Indonesian writes them. Every result is a
real calendar date between 1900 and 2100, otherwise it is not a date.

:func:`find_date` picks a publication date out of an article: metadata lines (a byline, a date line
on its own near the top or the bottom, a "tayang ... pada <date>" syndication note) win over dates
inside story sentences, and among story dates only one tied to a weekday ("kata X, Kamis
(8/9/2016)"), the way Indonesian reports date their own events, is taken.
"""

from __future__ import annotations

import bisect
import re
from datetime import date

MONTHS: dict[str, int] = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "agst": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}
"""Month names and abbreviations (lower case) -> month number."""

WEEKDAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "jum’at", "sabtu", "minggu",
            "ahad", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
"""Weekday names (lower case), Indonesian then English."""

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(sorted((re.escape(w) for w in WEEKDAYS), key=len, reverse=True))

# "20 Oktober 2015", "20 Oct. 2015", "20-Okt-2015"
_DMY_TEXT = re.compile(
    rf"(?<![\w])(?P<d>\d{{1,2}})(?:\s+|\s*[-/.]\s*)(?P<m>{_MONTH_RE})\.?(?:\s*,?\s+|\s*[-/]\s*)"
    rf"(?P<y>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
# "Oct 20, 2015", "October 20 2015"
_MDY_TEXT = re.compile(
    rf"(?<![\w])(?P<m>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
# "2015-10-20", "2015/10/20", "2015-10-20T19:08"
_ISO = re.compile(r"(?<![\d])(?P<y>(?:19|20|21)\d\d)(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})"
                  r"(?![\d])")
# "20/10/2015", "27/8/17", "20-10-2015", "20.10.2015"
_DMY_NUM = re.compile(r"(?<![\d/.,-])(?P<d>\d{1,2})(?P<s>[/.-])(?P<m>\d{1,2})(?P=s)"
                      r"(?P<y>\d{4}|\d{2})(?![\d/]|[.,]\d)")

_PATTERNS = (_ISO, _DMY_TEXT, _MDY_TEXT, _DMY_NUM)
_DIGIT_PAIR = re.compile(r"\d")

_WEEKDAY_BEFORE = re.compile(rf"(?:{_WEEKDAY_RE})\s*[,(]?\s*\(?\s*$", re.IGNORECASE)
_TIME = re.compile(r"(?:T|\b)\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\.\d+)?\s*(?:WIB|WITA|WIT|GMT|UTC|Z)?"
                   r"(?:\s*[+-]\d{1,2}:?\d{0,2})?"
                   r"|\b(?:WIB|WITA|WIT|GMT|UTC)\b|\b(?:pukul|jam|pkl\.?)\b", re.IGNORECASE)
_WEEKDAY_WORD = re.compile(rf"\b(?:{_WEEKDAY_RE})\b", re.IGNORECASE)
_META_WORDS = re.compile(
    r"\b(?:diperbarui|dipublikasikan|diterbitkan|terbit|tayang|published|updated|posted|"
    r"diunggah|dibuat|created|modified|update|pada|on|tanggal|tgl\.?)\b",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"[\s|•·,:;()\[\]/–—-]+")
_SYNDICATION = re.compile(
    r"\b(?:tayang|dimuat|terbit|diterbitkan|dipublikasikan)\b.*\bpada\b", re.IGNORECASE)
_BYLINE_SEP = re.compile(r"[|•·]")


def _two_digit_year(y: int) -> int:
    return 2000 + y if y < 70 else 1900 + y


def _to_iso(y: int, m: int, d: int) -> str | None:
    if not 1900 <= y <= 2100:
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _match_iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month_text = groups["m"]
    m = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower())
    if m is None:
        return None
    y_text = groups["y"]
    y = int(y_text)
    if len(y_text) == 2:
        y = _two_digit_year(y)
    return _to_iso(y, m, int(groups["d"]))


def iter_dates(text: str) -> list[tuple[int, int, str]]:
    """All dates in ``text`` as ``(start, end, iso)``, in reading order, without overlaps."""
    if not _DIGIT_PAIR.search(text):
        return []
    found: list[tuple[int, int, str]] = []  # sorted by start, never overlapping
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            at = bisect.bisect_left(found, (start,))
            if (at < len(found) and found[at][0] < end) or (at and found[at - 1][1] > start):
                continue
            iso = _match_iso(match)
            if iso is not None:
                found.insert(at, (start, end, iso))
    return found


def parse_indonesian_date(s: str) -> str | None:
    """The first date written in ``s`` as ISO ``YYYY-MM-DD``, or ``None``.

    >>> parse_indonesian_date("Selasa, 20 Oct 2015 19:08 WIB")
    '2015-10-20'
    >>> parse_indonesian_date("Minggu (27/8/2017)")
    '2017-08-27'
    >>> parse_indonesian_date("5 Mei 2021")
    '2021-05-05'
    >>> parse_indonesian_date("31 Februari 2020") is None
    True
    """
    if not s:
        return None
    dates = iter_dates(s)
    return dates[0][2] if dates else None


def _rest_after_removing(line: str, spans: list[tuple[int, int, str]]) -> str:
    parts, last = [], 0
    for start, end, _ in spans:
        parts.append(line[last:start])
        last = end
    parts.append(line[last:])
    rest = " ".join(parts)
    rest = _TIME.sub(" ", rest)
    rest = _WEEKDAY_WORD.sub(" ", rest)
    rest = _META_WORDS.sub(" ", rest)
    return _SEPARATORS.sub(" ", rest).strip()


def date_line_rest(line: str) -> tuple[str | None, str]:
    """If ``line`` carries a date, the date and what is left once date words are removed.

    What is left of a pure date line ("Selasa, 20 Oct 2015 19:08 WIB") is ``""``; of a byline
    ("Riandanu Madi Utomo • Selasa, 20 Oct 2015 19:08 WIB") it is the author's name.

    >>> date_line_rest("Kamis, 20 Oktober 2015 | 19:08 WIB")
    ('2015-10-20', '')
    """
    spans = iter_dates(line)
    if not spans:
        return None, line
    return spans[0][2], _rest_after_removing(line, spans)


def is_date_line(line: str, max_rest_words: int = 0) -> str | None:
    """The date of a line that is only a date (plus weekday, time, zone), else ``None``."""
    iso, rest = date_line_rest(line)
    if iso is None:
        return None
    return iso if len(rest.split()) <= max_rest_words else None


def weekday_dates(text: str) -> list[str]:
    """Dates in ``text`` written right after a weekday name: "Kamis (8/9/2016)", "Senin, 5 Mei"."""
    out = []
    for start, _end, iso in iter_dates(text):
        if _WEEKDAY_BEFORE.search(text[max(0, start - 16):start]):
            out.append(iso)
    return out


def find_date(text: str, *, edge_lines: int = 8) -> str | None:
    """The publication date of an article, or ``None``.

    In order of preference: a date line or byline (a short line that is mostly a date) among the
    first or last ``edge_lines`` non-empty lines; a syndication note ("... tayang di X ... pada
    Minggu (27/8/2017)"); the first date tied to a weekday inside the story.

    >>> find_date("Judul\\nBudi Santoso | Selasa, 20 Oct 2015 19:08 WIB\\nIsi berita 5 Mei 2001.")
    '2015-10-20'
    """
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    edges = lines[:edge_lines] + lines[-edge_lines:] if len(lines) > 2 * edge_lines else lines
    for line in edges:
        iso = metadata_line_date(line)
        if iso:
            return iso
    for line in reversed(lines):
        if _SYNDICATION.search(line):
            iso = parse_indonesian_date(line)
            if iso:
                return iso
    found = weekday_dates(text)
    return found[0] if found else None


def metadata_line_date(line: str) -> str | None:
    """The date of a line that is a date line or a short byline around a date, else ``None``."""
    if len(line) > 120:
        return None
    iso, rest = date_line_rest(line)
    if iso is None:
        return None
    words = rest.split()
    if not words:
        return iso
    if len(words) <= 6 and (_BYLINE_SEP.search(line) or line.rstrip()[-1:] not in ".!?\"”"):
        return iso
    return None
