"""Anchoring: turning what an expression says into a TIMEX3 value, given the publication date.

The tagger describes each expression as an :class:`Expr` — an operation and its fields
(``("md", month, day)`` for ``17 سبتمبر``, ``("shift", -1)`` for ``أمس``) — and
:func:`resolve` computes the value against an :class:`Anchor`. An anchor may be partial
(year unknown, or only the month known): whatever the anchor lacks stays ``X`` in the value
(``XXXX-09-17``), it is never guessed.

Conventions (TIMEX3): dates ``2021-09-14``, months ``2021-09``, years ``2021``, ISO weeks
``2021-W37``, decades ``199``, centuries ``19``, seasons ``2018-SU``, parts of day
``2021-09-13TEV``, times ``2021-09-14T10:00``, durations ``P20Y``/``PT24H``/``PXD``, sets
``P1W``/``XXXX-WXX-5``, references ``PAST_REF``/``PRESENT_REF``/``FUTURE_REF``, and
``XXXX-WXX-2`` for a weekday that cannot be placed.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from hijridate import Gregorian, Hijri

UNIT_DAYS = {"D": 1, "W": 7}


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date relative expressions resolve against; any part may be unknown."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    #: the full date, computed once (every relative expression of an article reads it)
    _date: dt.date | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.year and self.month and self.day:
            try:
                object.__setattr__(self, "_date", dt.date(self.year, self.month, self.day))
            except ValueError:
                pass

    @property
    def date(self) -> dt.date | None:
        return self._date

    @classmethod
    def parse(cls, value: str | None) -> Anchor | None:
        """``2021-09-14``, ``2021-09-14T02:51:00+03:00``, ``XXXX-09``, ``2021`` → an anchor."""
        if not value:
            return None
        a = _PARSED.get(value, False)
        if a is False:
            if len(_PARSED) > 4096:
                _PARSED.clear()
            a = _PARSED[value] = cls._parse(value)
        return a  # type: ignore[return-value]

    @classmethod
    def _parse(cls, value: str) -> Anchor | None:
        parts = value[:10].replace("/", "-").split("-")

        def num(i: int) -> int | None:
            if i < len(parts) and parts[i][:2].isdigit():
                try:
                    return int(parts[i][: 4 if i == 0 else 2])
                except ValueError:
                    return None
            return None

        a = cls(num(0), num(1), num(2))
        return a if (a.year or a.month) else None

    def iso(self) -> str:
        y = f"{self.year:04d}" if self.year else "XXXX"
        if not self.month:
            return y
        s = f"{y}-{self.month:02d}"
        return s + (f"-{self.day:02d}" if self.day else "")


#: anchors by the string they were parsed from (an article's date: a few thousand at most)
_PARSED: dict[str, Anchor | None] = {}
_NO_ANCHOR = Anchor()


class Expr(NamedTuple):
    """A time expression as found: original offsets, TIMEX3 type, and how to value it.

    A named tuple (immutable, and built several times faster than a frozen dataclass: the
    tagger makes one per expression). ``f`` is always given: a shared default dict could leak
    fields between expressions.
    """

    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    op: str
    f: dict[str, Any]
    mod: str = ""


def ymd(y: int | None, m: int | None = None, d: int | None = None) -> str:
    s = f"{y:04d}" if y else "XXXX"
    if m:
        s += f"-{m:02d}"
        if d:
            s += f"-{d:02d}"
    elif d:
        s += f"-XX-{d:02d}"
    return s


def _date(d: dt.date) -> str:
    return d.isoformat()


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


#: how far ahead a month with no year and no cue may lie (further ahead: the past one)
FUTURE_MONTHS = 4
#: a month this close behind the anchor stays in the past even after a future verb
LATER_GRACE = 2


def _nearest_year(a: Anchor, m: int, d: int | None, rel: str) -> int | None:
    """The year of month ``m`` (day ``d``) as said on the anchor date; ``rel`` past/future/current,
    ``earlier`` (after منذ) or ``later`` (after بحلول or a future verb)."""
    if not a.year:
        return None
    am, ad = a.month or 6, a.day or 15
    if rel == "current":
        return a.year
    if rel == "past":
        before = m < am if d is None else (m, d) < (am, ad)
        return a.year if before else a.year - 1
    if rel == "future":
        after = m > am if d is None else (m, d) > (am, ad)
        return a.year if after else a.year + 1
    if rel == "earlier":  # منذ يناير: this month or before
        before = m <= am if d is None else (m, d) <= (am, ad)
        return a.year if before else a.year - 1
    if rel == "later":  # a future verb in the sentence (سيزور … في ديسمبر): this month or after,
        # unless the month is one of the last LATER_GRACE (the verb is then another clause's:
        # سيتم إغلاق مساجد بعد صور نشرت في أبريل, said in June)
        after = m >= am if d is None else (m, d) >= (am, ad)
        return a.year if after or (am - m) % 12 <= LATER_GRACE else a.year + 1
    # no cue: news speaks of the recent past more than of the near future, so a month up to
    # FUTURE_MONTHS ahead is the coming one and one further ahead is last year's (December
    # said in July is last December: 7 months back, not 5 ahead)
    ahead = (m - am) % 12
    if ahead == 0:
        return a.year
    if ahead <= FUTURE_MONTHS:
        return a.year + 1 if m < am else a.year
    return a.year - 1 if m > am else a.year


def _year_of(a: Anchor, f: dict[str, Any], d: int | None) -> int | None:
    if "yshift" in f:  # سبتمبر من العام الماضي
        return a.year + f["yshift"] if a.year else None
    return _nearest_year(a, f["month"], d, f.get("rel", ""))


def _weekday(a: Anchor, wd: int, direction: str) -> str:
    d = a.date
    if d is None:
        return f"XXXX-WXX-{wd}"
    delta = wd - d.isoweekday()
    if direction == "future":
        delta = delta % 7
    elif direction == "next":
        delta = delta % 7 or 7
    elif direction == "next2":  # الأربعاء بعد القادم: a week after the next one
        delta = (delta % 7 or 7) + 7
    elif direction == "last":
        delta = -((-delta) % 7 or 7)
    elif direction == "last2":
        delta = -((-delta) % 7 or 7) - 7
    else:  # the past week, today included
        delta = -((-delta) % 7)
    return _date(d + dt.timedelta(days=delta))


def hijri_to_iso(hy: int, hm: int, hd: int | None) -> tuple[str, dict[str, Any]]:
    """Umm al-Qura Hijri → Gregorian value: a day, or the Gregorian month holding the 15th."""
    v, attrs = _hijri_to_iso(hy, hm, hd)
    return v, dict(attrs)  # a copy: the cached attributes stay as computed


@functools.lru_cache(maxsize=4096)
def _hijri_to_iso(hy: int, hm: int, hd: int | None) -> tuple[str, dict[str, Any]]:
    attrs: dict[str, Any] = {"calendar": "hijri",
                             "hijri": f"{hy:04d}-{hm:02d}" + (f"-{hd:02d}" if hd else "")}
    try:
        if hd:
            try:
                g = Hijri(hy, hm, hd).to_gregorian()
            except ValueError:
                g = Hijri(hy, hm, min(hd, 29)).to_gregorian()
            return f"{g.year:04d}-{g.month:02d}-{g.day:02d}", attrs
        first = Hijri(hy, hm, 1).to_gregorian()
        last = Hijri(hy, hm, Hijri(hy, hm, 1).month_length()).to_gregorian()
        mid = Hijri(hy, hm, 15).to_gregorian()
        attrs["start"], attrs["end"] = str(first), str(last)
        return f"{mid.year:04d}-{mid.month:02d}", attrs
    except (ValueError, OverflowError):
        return "XXXX", attrs


def hijri_year_to_iso(hy: int) -> tuple[str, dict[str, Any]]:
    attrs: dict[str, Any] = {"calendar": "hijri", "hijri": f"{hy:04d}"}
    try:
        mid = Hijri(hy, 6, 15).to_gregorian()
        attrs["start"] = str(Hijri(hy, 1, 1).to_gregorian())
        attrs["end"] = str(Hijri(hy, 12, 29).to_gregorian())
        return f"{mid.year:04d}", attrs
    except (ValueError, OverflowError):
        return "XXXX", attrs


def _hijri_anchor(a: Anchor) -> tuple[int, int, int] | None:
    d = a.date
    if d is None:
        return None
    try:
        h = Gregorian(d.year, d.month, d.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return h.year, h.month, h.day


def _duration(n: float | int | None, unit: str) -> str:
    """``P20Y``, ``PT24H``, ``P3D``, ``PXD`` (unknown count), decades ``P2DE``."""
    if n is None:
        c = "X"
    elif isinstance(n, float) and not n.is_integer():
        c = f"{n:g}"
    else:
        c = str(int(n))
    if unit in ("H", "MIN", "S"):
        return f"PT{c}{'M' if unit == 'MIN' else unit}"
    return f"P{c}{unit}"


def _shift(a: Anchor, n: float | None, unit: str, sign: int) -> str | None:
    """The date ``n`` units before (sign -1) or after (+1) the anchor, at the unit's grain."""
    if n is None or unit in ("H", "MIN", "S"):
        return None
    n = int(n)
    if unit in UNIT_DAYS:
        d = a.date
        if d is None:
            return None
        t = d + dt.timedelta(days=sign * n * UNIT_DAYS[unit])
        return _date(t)
    if unit == "M":
        if not (a.year and a.month):
            return None
        y, m = _add_months(a.year, a.month, sign * n)
        return ymd(y, m)
    if not a.year:
        return None
    mult = {"Y": 1, "DE": 10, "CE": 100}[unit]
    return f"{a.year + sign * n * mult:04d}"


def resolve(e: Expr, anchor: Anchor | None) -> tuple[str, dict[str, Any]]:
    """The TIMEX3 value of ``e`` against ``anchor`` (``None``: nothing is known)."""
    a = anchor or _NO_ANCHOR
    f = e.f
    op = e.op
    attrs: dict[str, Any] = {}
    if op == "abs":
        v = f["value"]
        if f.get("pod") and len(v) == 10:
            v += "T" + f["pod"]
        return v, dict(f.get("attrs", {}))
    if op == "ymd":  # day and month known; year given, or placed by the anchor
        y = f.get("year") or _year_of(a, f, f.get("day"))
        return ymd(y, f["month"], f.get("day")) + (_tod(f) if f.get("day") else ""), attrs
    if op == "hijri":
        hy = f.get("year")
        if not hy:
            h = _hijri_anchor(a)
            if h is None:
                return "XXXX", {"calendar": "hijri", "hijri": "XXXX-" + f"{f['month']:02d}"}
            cy, cm, cd = h
            rel = f.get("rel", "")
            key, akey = (f["month"], f.get("day") or 15), (cm, cd)
            if rel == "past":
                hy = cy if key < akey else cy - 1
            elif rel == "future":
                hy = cy if key > akey else cy + 1
            else:
                hy = cy
        v, attrs = hijri_to_iso(hy, f["month"], f.get("day"))
        if f.get("pod") and len(v) == 10:  # مساء الجمعة 8/10/1436 (timex.v6)
            v += "T" + f["pod"]
        return v, attrs
    if op == "hyear":
        return hijri_year_to_iso(f["year"])
    if op == "dom":  # يوم 17 (this month, or the month the shift says)
        if a.month:
            y, m = (a.year, a.month)
            if y:
                y, m = _add_months(y, m, f.get("shift", 0))
            return ymd(y, m, f["day"]), attrs
        return f"XXXX-XX-{f['day']:02d}", attrs
    if op == "shift":  # اليوم / أمس / غدا, with a part of the day or a clock time
        d = a.date
        n = f["n"]
        if d is None:
            if "wd" in f:  # اليوم الثلاثاء with no full anchor: the weekday is what is known
                return f"XXXX-WXX-{f['wd']}", attrs
            if n == 0 and a.month:
                base = ymd(a.year, a.month, a.day)
            else:
                return ("PRESENT_REF" if n == 0 else ("PAST_REF" if n < 0 else "FUTURE_REF")), attrs
        else:
            t = d + dt.timedelta(days=n)
            if "wd" in f and t.isoweekday() != f["wd"]:
                # أمس (الأربعاء) said of a Friday: the named weekday wins. أمس looks back from the
                # day before the anchor, غدا forward from the anchor itself (written the evening
                # before), اليوم back, or one day forward (a story stamped before local midnight)
                if n > 0:
                    t = d
                delta = (f["wd"] - t.isoweekday()) % 7
                if n < 0 or (n == 0 and delta != 1):
                    delta = delta - 7 if delta else 0
                t = t + dt.timedelta(days=delta)
            base = _date(t)
        return base + _tod(f), attrs
    if op == "weekday":
        v = _weekday(a, f["wd"], f.get("dir", "past"))
        return v + (_tod(f) if not v.startswith("XXXX-W") else ""), attrs
    if op == "time":  # a clock time: on the day it names, else on the anchor date
        if "n" in f and "wd" in f:  # الثامنة من مساء اليوم الثلاثاء: as اليوم الثلاثاء (timex.v6)
            day = resolve(Expr(e.start, e.end, "DATE", "shift", {"n": f["n"], "wd": f["wd"]}), anchor)[0]
            if not day[:4].isdigit():
                day = "XXXX-XX-XX"
        elif "n" in f:
            day = _date(a.date + dt.timedelta(days=f["n"])) if a.date else "XXXX-XX-XX"
        elif "wd" in f:
            day = _weekday(a, f["wd"], f.get("dir", "past"))
            if day.startswith("XXXX-W"):
                day = "XXXX-XX-XX"
        elif "ref" in f:  # يوم السبت 6 أوت بداية من الساعة السابعة: the day just named
            day = resolve(f["ref"], anchor)[0][:10]
        else:
            day = _date(a.date) if a.date else "XXXX-XX-XX"
        return f"{day}T{f['hh']:02d}:{f['mm']:02d}", attrs
    if op == "period":  # الأسبوع الماضي / الشهر الجاري / العام المقبل
        unit, n = f["unit"], f["n"]
        if unit == "W":
            d = a.date
            if d is None:
                return "XXXX-WXX", attrs
            if d.isoweekday() == 7 and n == 0 and not f.get("we"):
                # the Arab working week runs Sunday to Thursday: said on a Sunday, "this week" is
                # the ISO week that starts the next day (the ISO week ending today is spent)
                d = d + dt.timedelta(days=1)
            iy, iw, _ = (d + dt.timedelta(weeks=n)).isocalendar()
            return f"{iy:04d}-W{iw:02d}" + ("-WE" if f.get("we") else ""), attrs
        if unit == "M":
            if not a.month:
                return "XXXX-XX", attrs
            if not a.year:
                return ymd(None, (a.month - 1 + n) % 12 + 1), attrs
            y, m = _add_months(a.year, a.month, n)
            return ymd(y, m), attrs
        if unit == "Y":
            return (f"{a.year + n:04d}" if a.year else "XXXX"), attrs
        if unit in ("SU", "WI", "SP", "FA"):
            return (f"{_season_year(a, unit, n):04d}-{unit}" if a.year else f"XXXX-{unit}"), attrs
        if unit == "CE":
            return (f"{(a.year // 100) + n:02d}" if a.year else "XX"), attrs
        if unit == "DE":
            return (f"{(a.year // 10) + n:03d}" if a.year else "XXX"), attrs
    if op == "month":  # a month alone, or with الماضي/الجاري/المقبل
        y = f.get("year") or _year_of(a, f, None)
        return ymd(y, f["month"]), attrs
    if op == "ago":  # منذ ثلاثة أيام / قبل أسبوعين / بعد يومين
        sv = _shift(a, f.get("n"), f["unit"], f["sign"])
        if sv is None:
            return ("PAST_REF" if f["sign"] < 0 else "FUTURE_REF"), attrs
        return sv, attrs
    if op == "quarter":  # الربع الأول من 2015 / الثلاثي السابق
        if "shift" in f:
            if not (a.year and a.month):
                return "XXXX-QX", attrs
            k = a.year * 4 + (a.month - 1) // 3 + f["shift"]
            return f"{k // 4:04d}-Q{k % 4 + 1}", attrs
        y = f.get("year") or (a.year + f.get("yshift", 0) if a.year else None)
        q = f"H{f['q']}" if f.get("half") else f"Q{f['q']}"
        return f"{y:04d}-{q}" if y else f"XXXX-{q}", attrs
    if op == "duration":
        return _duration(f.get("n"), f["unit"]), attrs
    if op == "set":
        return f["value"], attrs
    raise ValueError(f"unknown op {op!r}")


#: the months a season starts and ends in (winter is named by the year of its December)
_SEASON_SPAN = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _season_year(a: Anchor, unit: str, n: int) -> int:
    """The year of this (n=0), the next (1) or the last (-1) season of that name from the anchor."""
    assert a.year
    m = a.month or 6
    first, last = _SEASON_SPAN[unit]
    if unit == "WI" and m <= 2:
        m += 12  # January is in the winter of the year before
        y0 = a.year - 1
    else:
        y0 = a.year
    if n == 0:
        return y0
    if n > 0:  # the next one that has not begun
        return y0 if m < first else y0 + 1
    return y0 if m > last else y0 - 1  # the last one that has ended


def _tod(f: dict[str, Any]) -> str:
    if f.get("hh") is not None:
        return f"T{f['hh']:02d}:{f.get('mm', 0):02d}"
    if f.get("pod"):
        return "T" + f["pod"]
    return ""
