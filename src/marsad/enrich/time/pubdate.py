"""PublicationDater: when was an article published, where that came from, how sure it is.

Evidence, strongest first:

1. the input's own metadata (``RawRecord.date`` with kind ``metadata``/``feed``/``html``/
   ``url``): used as given;
2. a date line in the text: a full date standing on a line of its own near the top or the
   bottom (``٢١ مايو ٢٠٢٠``, ``نشر في: 2020-05-21``) → ``text``;
3. a full date in the dateline (``القاهرة في 5 مايو 2020 (أ ش أ) -``) → ``dateline``, with the
   time a wire closes its item with in Mecca time (the Saudi Press Agency's ``// انتهى //`` then
   ``16:02 ت م`` on the last line: ``…T16:02:00+03:00``);
4. the URL (``/2018/02/27/``, ``-20180227``, CNN Arabic's ``/2013/middle_east/8/3/``) → ``url``;
5. inference: ``اليوم الثلاثاء`` / ``أمس الاثنين`` / ``غدا الأربعاء`` say which weekday the
   article is from; with a crawl time (a hint, not the truth) the article is the last such
   weekday on or before it; without one, a full date of the text that falls on the weekday
   named (``اليوم الثلاثاء … 7 مارس 2017``, a Tuesday; ``أمس الاثنين`` and Monday's date) is
   the day — a full date on another weekday is another day the text cites (an agreement of
   last September, an anniversary), which says nothing of the year the article is from;
   with only ``17 سبتمبر الجاري`` the month is known and the year stays unknown
   (``XXXX-09``) → ``inferred``;
6. the crawl time alone → ``crawl``.

Nothing here guesses a year: with no metadata and no full date, the value stays
underspecified.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from marsad.enrich.time.resolve import Anchor, Expr, resolve

_URL_YMD = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12][0-9]|3[01])(?![0-9])")
_URL_YM = re.compile(r"/((?:19|20)[0-9]{2})/(0[1-9]|1[0-2])/")
#: year, section, month, day as path segments, the last two unpadded (/2013/middle_east/8/3/)
_URL_Y_SECTION_MD = re.compile(r"/((?:19|20)[0-9]{2})/[A-Za-z][A-Za-z_-]*/(1[0-2]|0?[1-9])/(3[01]|[12][0-9]|0?[1-9])/")
#: a wire's closing time in Mecca time (توقيت مكة, UTC+3) on the last line: 16:02 ت م
_MECCA_TIME = re.compile(r"(?:^|\n)[ \t]*([01]?[0-9]|2[0-3]):([0-5][0-9])[ \t]*ت[ \t]*م[ \t]*$")
_FULL = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
#: words a date line may carry besides the date (نشر في، آخر تحديث، a weekday, a time)
_LINE_WORDS = re.compile(
    r"(?:نشر|نُشر|تاريخ|النشر|آخر|اخر|تحديث|التحديث|في|بتاريخ|الموافق|ميلادي|هجري|م|هـ|ص|"
    r"بتوقيت|مكة|المكرمة|غرينتش|جرينتش|GMT|UTC|AM|PM|am|pm|"
    r"الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|[0-9٠-٩:|،,./\-–—()\s])+"
)
LINE_CHARS = 400  # how far into the text (and from its end) a date line is looked for


@dataclass(frozen=True, slots=True)
class PubDate:
    value: str | None
    source: str = ""
    confidence: float = 0.0

    @property
    def anchor(self) -> Anchor | None:
        return Anchor.parse(self.value)


def _closing_time(text: str) -> str:
    """``THH:MM:00+03:00`` when the text's last line is a wire's closing time in Mecca time
    (``16:02 ت م``, after the Saudi Press Agency's ``// انتهى //``), else ``""``."""
    m = _MECCA_TIME.search(text.rstrip()[-40:])
    return f"T{int(m[1]):02d}:{m[2]}:00+03:00" if m else ""


def _line_of(text: str, s: int, e: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    return ls, (len(text) if le < 0 else le)


def _full_value(e: Expr) -> str | None:
    v, _ = resolve(e, None)
    return v if _FULL.match(v) else None


def _named_day(e: Expr) -> tuple[int, int] | None:
    """``(the weekday named, its days from the publication day)`` of ``اليوم الثلاثاء`` (3, 0) /
    ``أمس الاثنين`` (1, -1); ``None`` for an expression naming no deictic weekday."""
    wd = e.f.get("wd")
    if wd is None:
        return None
    if e.op == "shift" or (e.op == "time" and "n" in e.f):  # اليوم الثلاثاء، الثامنة من مساء اليوم الثلاثاء
        return wd, e.f["n"]
    if "rdn" in e.f:
        return wd, e.f["rdn"]
    return None


def _publication_weekday(named: tuple[int, int]) -> int:
    """The ISO weekday of the publication day that a named day (:func:`_named_day`) implies:
    ``أمس الاثنين`` → Tuesday."""
    wd, n = named
    return (wd - 1 - n) % 7 + 1


class PublicationDater:
    """Chooses the publication date of one article from its metadata, text and URL."""

    def date(
        self,
        *,
        text: str,
        exprs: Sequence[Expr],
        record_date: str = "",
        record_kind: str = "",
        url: str = "",
        dateline: tuple[int, int] | None = None,
    ) -> PubDate:
        if record_date and record_kind != "crawl":
            return PubDate(record_date, record_kind or "metadata", 0.85 if record_kind == "url" else 0.95)
        ca = Anchor.parse(record_date) if record_date else None
        crawl = ca.date if ca else None

        line = self._date_line(text, exprs)
        if line and self._plausible(line, crawl):
            return PubDate(line, "text", 0.9)
        if dateline:
            for e in exprs:
                if dateline[0] <= e.start and e.end <= dateline[1] + 60:
                    v = _full_value(e)
                    if v and self._plausible(v, crawl):
                        return PubDate(v + _closing_time(text), "dateline", 0.85)
        u = self._from_url(url)
        if u and self._plausible(u, crawl):
            return PubDate(u, "url", 0.85)
        inferred = self._infer(exprs, crawl)
        if inferred:
            return inferred
        if crawl:
            return PubDate(record_date, "crawl", 0.5)
        return PubDate(None)

    @staticmethod
    def _plausible(value: str, crawl: dt.date | None) -> bool:
        """A text date is believed unless a crawl time says it is impossible (after the crawl)."""
        if crawl is None:
            return True
        a = Anchor.parse(value)
        d = a.date if a else None
        if d is None:
            return True
        return crawl - dt.timedelta(days=366) <= d <= crawl + dt.timedelta(days=1)

    @staticmethod
    def _date_line(text: str, exprs: Sequence[Expr]) -> str | None:
        n = len(text)
        for e in exprs:
            if not (e.start < LINE_CHARS or e.end > n - LINE_CHARS):
                continue
            v = _full_value(e)
            if not v:
                continue
            ls, le = _line_of(text, e.start, e.end)
            rest = text[ls:e.start] + " " + text[e.end:le]
            if len(_LINE_WORDS.sub("", rest).strip()) <= 3:
                return v
        return None

    @staticmethod
    def _from_url(url: str) -> str | None:
        if not url:
            return None
        path = url.split("?", 1)[0]
        m = _URL_YMD.search(path) or _URL_Y_SECTION_MD.search(path)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                return None
        return None

    @staticmethod
    def _infer(exprs: Sequence[Expr], crawl: dt.date | None) -> PubDate | None:
        named = [nd for e in exprs if (nd := _named_day(e))]
        weekdays = [_publication_weekday(nd) for nd in named]
        wd = max(set(weekdays), key=weekdays.count) if weekdays else None
        if crawl is not None:
            if wd is None:
                return None
            back = (crawl.isoweekday() - wd) % 7
            return PubDate((crawl - dt.timedelta(days=back)).isoformat(), "inferred", 0.8)
        fulls: list[tuple[dt.date, Expr]] = []
        months: list[int] = []
        for e in exprs:
            v = _full_value(e)
            if v:
                fulls.append((dt.date.fromisoformat(v), e))
            elif e.f.get("rel") == "current" and e.op in ("ymd", "month"):
                months.append(e.f["month"])
        if wd is not None and fulls:
            # a full date on the weekday named is that day; on another weekday it is a day the
            # text cites, and the nearest such weekday to it was a year off as often as not
            days = {d - dt.timedelta(days=n) for d, _ in fulls for w, n in named
                    if d.isoweekday() == w and _publication_weekday((w, n)) == wd}
            if days:
                return PubDate(max(days).isoformat(), "inferred", 0.5)
        if months:
            m = max(set(months), key=months.count)
            return PubDate(f"XXXX-{m:02d}", "inferred", 0.3)
        return None
