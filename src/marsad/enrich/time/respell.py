"""Misspelt Gregorian month names, read as the month where the text leaves no doubt.

A month name one edit away from a name the lexicon knows (a letter dropped, added, changed, or
two swapped: rapidfuzz's optimal-string-alignment distance 1) is taken for that month only in
two places where a month is certain:

* **the double form**, beside a correctly spelt name of the same month across ``/`` ``\\`` or
  in brackets: «تشرين الثاني/نوفمير 2017»، «حزيرن/يونيو»، «ابريل/نيسلن»، «كانون الاول/دسيمبر»;
* **before a year**: «ديسمير 2014»، «سبتمر 1998» when the name is of six letters or more, or
  after a day number when it has five: «10 يوينو 2015»، «22 فيفيري 2017» (never a name that
  is a word too, :data:`~marsad.enrich.time.lexicon.AMBIGUOUS_MONTHS`: «5 دينار 2017»).

Everywhere else one edit turns too many words into months (أيام → أيار، دينار → ينار، مدارس →
مارس، جبريل → أبريل, and before a year «قميص بيليه 1970» → يوليه), so nothing else is read.
On the 72,716 corpus articles the two places find 48 misspellings, all of them months.

:func:`respell` rewrites the folded text with the months' known spellings (proclitics kept) and
returns the replacements, so that :class:`ShiftMap` can take offsets of the rewritten text back
to the folded text the tagger was given.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import OSA

from marsad.enrich.time.lexicon import AMBIGUOUS_MONTHS, GREGORIAN_MONTHS, HIJRI_MONTHS

_KNOWN = frozenset(GREGORIAN_MONTHS) | frozenset(HIJRI_MONTHS)
#: one-word Gregorian names, by length (a candidate is compared with names one letter longer,
#: shorter or as long)
_BY_LEN: dict[int, tuple[str, ...]] = {}
for _n in GREGORIAN_MONTHS:
    if " " not in _n:
        _BY_LEN[len(_n)] = (*_BY_LEN.get(len(_n), ()), _n)
_L = "\u0621-\u064a"
#: the word before a separator, the word after one, the word before a year (matched where a
#: separator or a year is: a regex scan of every position for them cost five times as much)
_WORD_BEFORE = re.compile(rf"(?<![{_L}])([{_L}]{{2,10}})\s*$")
_WORD_AFTER = re.compile(rf"\s*([{_L}]{{2,10}})(?![{_L}])")
_WORD_BEFORE_YEAR = re.compile(rf"(?<![{_L}])([{_L}]{{3,10}})\s+$")
_DAY_BEFORE = re.compile(r"(?<![0-9])(?:3[01]|[12][0-9]|0?[1-9])\s*$")
_PROCLITICS = ("و", "ب", "ل", "ف")
#: a name of this many letters or more is read before a year alone
_LONG = 6


@lru_cache(maxsize=4096)
def near_months(word: str) -> tuple[str, ...]:
    """The one-word Gregorian names one edit from ``word`` (none when it is a name)."""
    if word in _KNOWN:
        return ()
    n = len(word)
    return tuple(name for ln in (n - 1, n, n + 1) for name in _BY_LEN.get(ln, ())
                 if OSA.distance(name, word, score_cutoff=1) <= 1)


def _known_month(word: str) -> int | None:
    """The Gregorian month a correctly spelt word (a proclitic allowed) names."""
    m = GREGORIAN_MONTHS.get(word)
    if m is None and word[:1] in _PROCLITICS:
        m = GREGORIAN_MONTHS.get(word[1:])
    return m


def _split(word: str) -> list[tuple[str, str]]:
    """(proclitic, stem) readings of a word: itself, and without a leading و ب ل ف."""
    out = [("", word)]
    if word[:1] in _PROCLITICS and len(word) > 3:
        out.append((word[0], word[1:]))
    return out


def _fix(word: str, month: int | None, *, min_len: int = 0) -> str | None:
    """``word`` respelt as a name of ``month``, or when ``month`` is ``None`` as any month's
    name of ``min_len`` letters or more that is no word too (not :data:`AMBIGUOUS_MONTHS`:
    دينار is one edit from ينار); else ``None``."""
    if _known_month(word) is not None:
        return None
    for pro, stem in _split(word):
        for name in near_months(stem):
            if month is not None and GREGORIAN_MONTHS[name] == month:
                return pro + name
            if month is None and len(name) >= min_len and name not in AMBIGUOUS_MONTHS:
                return pro + name
    return None


def _named_month(phrases: Iterable[str]) -> int | None:
    """The month the first of ``phrases`` that is a correct name names."""
    return next((m for p in phrases if (m := _known_month(p)) is not None), None)


def _pair_partner_before(norm: str, end: int) -> int | None:
    """The month a correct name (one or two words) ending at ``end`` names."""
    words = norm[max(0, end - 24):end].split()
    return _named_month(" ".join(words[-k:]) for k in (2, 1) if len(words) >= k)


def _pair_partner_after(norm: str, start: int) -> int | None:
    """The month a correct name (one or two words) starting at ``start`` names."""
    words = re.split(r"[\s)]+", norm[start:start + 24].strip())
    return _named_month(" ".join(words[:k]) for k in (2, 1) if len(words) >= k)


def _year_starts(norm: str) -> list[int]:
    """Where a year 1900–2099 of four digits starts (``str.find``: a regex scan of every
    position for them took six times as long)."""
    out = []
    n = len(norm)
    for lead in ("19", "20"):
        i = norm.find(lead)
        while i >= 0:
            if (i + 4 <= n and "0" <= norm[i + 2] <= "9" and "0" <= norm[i + 3] <= "9"
                    and (i == 0 or not "0" <= norm[i - 1] <= "9")
                    and (i + 4 == n or not "0" <= norm[i + 4] <= "9")):
                out.append(i)
            i = norm.find(lead, i + 1)
    return out


def respell(norm: str) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    """``norm`` with its misspelt months written as the lexicon spells them, and the
    replacements as ``(start, end, new word)`` in ``norm``'s offsets, in order."""
    reps: dict[int, tuple[int, int, str]] = {}
    for sep in "/\\(":
        i = norm.find(sep)
        while i >= 0:
            left = _WORD_BEFORE.search(norm, max(0, i - 14), i)
            right = _WORD_AFTER.match(norm, i + 1, i + 16)
            i = norm.find(sep, i + 1)
            if left is None or right is None:
                continue
            month = _pair_partner_before(norm, left.end(1))
            if month is not None:
                fix = _fix(right.group(1), month)
                if fix is not None:
                    reps[right.start(1)] = (right.start(1), right.end(1), fix)
                continue
            month = _pair_partner_after(norm, right.start(1))
            if month is not None:
                fix = _fix(left.group(1), month)
                if fix is not None:
                    reps[left.start(1)] = (left.start(1), left.end(1), fix)
    for y in _year_starts(norm):
        m = _WORD_BEFORE_YEAR.search(norm, max(0, y - 14), y)
        if m is None or m.start(1) in reps:
            continue
        day = _DAY_BEFORE.search(norm, max(0, m.start(1) - 6), m.start(1)) is not None
        fix = _fix(m.group(1), None, min_len=5 if day else _LONG)
        if fix is not None:
            reps[m.start(1)] = (m.start(1), m.end(1), fix)
    if not reps:
        return norm, ()
    out: list[str] = []
    pos = 0
    ordered = tuple(reps[k] for k in sorted(reps))
    for s, e, w in ordered:
        out.append(norm[pos:s])
        out.append(w)
        pos = e
    out.append(norm[pos:])
    return "".join(out), ordered


class ShiftMap:
    """Offsets of the respelt text → offsets of the original text, through the folded text's
    map ``inner`` (a replaced word maps to the whole word it replaced)."""

    def __init__(self, reps: tuple[tuple[int, int, str], ...], inner: Any) -> None:
        self.inner = inner
        self._new: list[tuple[int, int, int, int]] = []  # (new start, new end, old start, old end)
        delta = 0
        for s, e, w in reps:
            self._new.append((s + delta, s + delta + len(w), s, e))
            delta += len(w) - (e - s)
        self._starts = [r[0] for r in self._new]

    def _to_norm(self, p: int, *, end: bool) -> int:
        k = bisect.bisect_right(self._starts, p) - 1
        if k < 0:
            return p
        ns, ne, os_, oe = self._new[k]
        if p >= ne:
            return p - ne + oe
        if p == ns:
            return os_
        return oe if end else os_

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.inner.span(self._to_norm(start, end=False), self._to_norm(end, end=True))
