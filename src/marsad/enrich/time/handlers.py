"""The handlers that turn one match of the time pattern into expressions (what and how to value).

Each ``_h_<kind>`` method reads the groups of a match of its kind (see
:mod:`marsad.enrich.time.patterns`) on the folded text ``n`` and returns
``[(start, end, _X)]`` in folded offsets; ``[]`` means "not a time after all" (مارس the
verb), ``[(start, end, None)]`` means "a name, skip it" (جامعة 6 أكتوبر). The words here are in
folded form (ة U+0629 written ه U+0647, أ/إ/آ written ا U+0627, ى U+0649 written ي U+064A).
:class:`Handlers` holds the points and periods (dates, days, weekdays, years, quarters …);
the durations and frequencies are :class:`marsad.enrich.time.durations.DurationHandlers`'.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple

from marsad.enrich.time import lexicon as lx
from marsad.enrich.time.numbers import number_value
from marsad.enrich.time.patterns import MG, NAME_HEADS, YEAR, compile_fast
from marsad.enrich.time.resolve import Expr, ymd
from marsad.enrich.time.tense import future_before, nowadays, weekday_ahead
from marsad.text.normalize import normalize

REL_DIR = {w: "past" for w in ("الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفايت", "الفايته",
                                "السابق", "المنقضي")}
REL_DIR |= {w: "current" for w in ("الجاري", "الجاريه", "الحالي", "الحاليه", "الراهن")}
REL_DIR |= {w: "future" for w in ("المقبل", "المقبله", "القادم", "القادمه")}
REL_N = {"past": -1, "current": 0, "future": 1}

MODS = {w: "START" for w in ("مطلع", "اوايل", "بدايه", "بدايات", "مستهل", "اول", "اول ايام")}
MODS |= {w: "MID" for w in ("منتصف", "اواسط", "وسط")}
MODS |= {w: "END" for w in ("اواخر", "نهايه", "اخر", "ختام", "اخر ايام", "نهايات", "اواخر ايام", "موفي")}

RD_SHIFT = {"اليوم": 0, "امس": -1, "البارحه": -1, "اول من امس": -2, "اول امس": -2, "قبل امس": -2,
            "امس الاول": -2, "غدا": 1, "غد": 1, "الغد": 1, "بعد غد": 2, "بعد الغد": 2}
HIJRI_ERA = ("ه", "هجري", "هجريه")
SEASONS = {"صيف": "SU", "شتاء": "WI", "ربيع": "SP", "خريف": "FA",
           "الصيف": "SU", "الشتاء": "WI", "الربيع": "SP", "الخريف": "FA"}
PERIOD_UNIT = {"الاسبوع": "W", "الشهر": "M", "العام": "Y", "السنه": "Y", "القرن": "CE",
               "العقد": "DE"} | {k: v for k, v in SEASONS.items() if k.startswith("ال")}
PL_UNIT = {"الايام": "D", "الاسابيع": "W", "الاشهر": "M", "الشهور": "M", "الاعوام": "Y",
           "السنوات": "Y", "السنين": "Y", "الساعات": "H", "العقود": "DE", "الدقايق": "MIN",
           "الفتره": "", "المده": "", "الاونه": "", "الاسبوعين": "W", "الشهرين": "M", "العامين": "Y", "السنتين": "Y",
           "اليومين": "D"}
POD_AMPM = {"MO": "am", "MI": "pm", "AF": "pm", "EV": "pm", "NI": "night"}

#: words before a month/weekday/اليوم that make it something else
TEMPORAL_PREPS = frozenset(normalize(w) for w in (
    "في", "وفي", "منذ", "خلال", "حتى", "وحتى", "قبل", "بعد", "مطلع", "منتصف", "أواخر", "نهاية",
    "بداية", "أوائل", "طيلة", "طوال", "بحلول", "إلى", "من", "ومنذ", "وخلال", "شهر", "شهري"))
#: after العام/السنة: a school or academic year, which no calendar year values (as a season)
SCHOOL_YEAR = frozenset(("الدراسي", "الدراسيه", "الجامعي", "الجامعيه"))
#: the words a bare hour word may follow to be a clock time (في تمام السادسة مساءً، عند الثانية ظهرا)
HOUR_PREV = frozenset(p + w for w in ("تمام", "في", "عند", "حتي", "منذ", "من", "الي", "بعد", "قبل", "بين", "حوالي",
                                      "حوالى", "نحو", "قرابه")
                      for p in ("", "و", "ف"))
#: before a month with no year: منذ يناير lies behind, بحلول ديسمبر ahead
SINCE = frozenset(normalize(w) for w in ("منذ", "ومنذ"))
BY = frozenset(normalize(w) for w in ("بحلول", "وبحلول"))
NOT_PAIR = frozenset(normalize(w) for w in ("بين", "كلا", "كلتا", "هذين", "وبين"))
NOT_FRIDAY = frozenset(normalize(w) for w in ("صلاة", "خطبة", "صلوات", "خطيب", "لصلاة", "بصلاة"))
OUTLETS = frozenset(normalize(w) for w in ("صحيفة", "جريدة", "لصحيفة", "لجريدة", "موقع", "قناة",
                                           "حزب", "بحزب", "لحزب", "عين", "تيار", "برنامج",
                                           "وصحيفة", "بصحيفة", "ذلك", "تلك", "يومية", "مجلة"))
THIS = frozenset(normalize(w) for w in ("هذا", "بهذا", "لهذا", "وهذا", "فهذا"))
NOUN_ADJ_HEADS = ("ال",)  # الأمين العام السابق: العام is "general" after a definite noun
NOT_ADJ_AFTER = frozenset(normalize(w) for w in ("اليوم", "العام", "الشهر", "السنة", "الأسبوع"))

#: what must stand right before a bare year (في 2018، ومنذ 1996)
_BYEAR_PREV = re.compile(r"(?<![^\W_])[وف]?(?:في|منذ|حتي|خلال|قبل|بعد|بحلول|الي|بين)\s+\Z")
#: after a month: "and <month> <year>", whose year the first month shares
_COORD_YEAR = compile_fast(rf"\s*و\s*(?:[0-9]{{1,2}}\s*)?(?:شهر\s+)?{MG}(?:\s*[/\-(]?\s*{MG}\s*\)?)?\s*[،,]?\s*"
                            rf"(?:من\s+)?(?:عام\s*|العام\s*)?({YEAR})", verbose=False)
_MONTH_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


class _X(NamedTuple):
    """An expression before its offsets are mapped back (the fields of :class:`Expr`)."""

    type: str
    op: str
    f: dict[str, Any]
    mod: str = ""


#: what makes a decade one of a life (الثلاثينيات من عمرها، الخمسينات من العمر، سبعينيات عمره)
#: (a definite decade needs its من/في: «الثمانينيات عمرها الجيل» is "the eighties, a generation
#: peopled it")
#: (a second decade may come between: الثلاثينيات والأربعينيات من العمر)
_OF_AGE = re.compile(r"(?:\s+(?:و\s*|او\s+)[\u0621-\u064a]{3,9}(?:ينيات|ينات))?\s*(?P<p>(?:من|في)\s+)?(?:العمر|عمر(?:ه|ها|هم|هما|هن|ي|ك|نا))(?![\u0621-\u064a])")


def _k(s: str | None) -> str:
    return " ".join(s.split()) if s else ""


def prev_word(n: str, i: int) -> str:
    """The word before folded offset ``i`` (over spaces, brackets and quotes before it; a line
    break counts only after the line's last space), without its quotes and brackets."""
    j = i
    while j > 0 and n[j - 1] in " \t(«\"“":
        j -= 1
    k = n.rfind(" ", 0, j)
    k = max(k, n.rfind("\n", k + 1, j)) + 1  # a line break only counts after the last space
    return n[k:j].strip("\"“”«»()'")


class Handlers:
    """The handlers of points and periods and their helpers (mixed into
    :class:`~marsad.enrich.time.tagger.DateTagger`, beside
    :class:`~marsad.enrich.time.durations.DurationHandlers`)."""

    @staticmethod
    def _tense(n: str, i: int) -> str:
        """Which way a month with no year lies, by what the sentence says before it: ``earlier``
        after منذ (منذ يناير), ``later`` after بحلول or a future verb or cue (ستعقد القمة في
        ديسمبر), else ``""`` (the resolver's window decides)."""
        prev = prev_word(n, i)
        if prev in SINCE:
            return "earlier"
        if prev in BY or future_before(n, i):
            return "later"
        return ""

    @staticmethod
    def _month(m: Any) -> tuple[int, str]:
        if m.group("mh"):
            return lx.HIJRI_MONTHS[_k(m.group("mh"))], "hijri"
        return lx.GREGORIAN_MONTHS[_k(m.group("mg"))], "gregorian"

    @staticmethod
    def _year(m: Any, *, hijri_month: bool) -> tuple[int | None, bool]:
        y = m.group("year")
        if not y:
            return None, hijri_month
        era = m.group("era") or ""
        yi = int(y)
        hij = era in HIJRI_ERA or hijri_month or (1300 <= yi < 1500 and era not in ("م", "ميلادي", "ميلاديه"))
        return yi, hij

    # --- handlers: each returns [(norm_start, norm_end, _X)] ----------------------------------

    def _h_time(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        if m.group("bhw"):
            # a bare hour word (timex.v6): after a word that puts a time (في تمام السادسة مساءً،
            # عند الثانية ظهرا, نحو الخامسة صباحا), never an ordinal of a count (للمرة الثانية مساء أمس)
            if not m.group("qmod") and prev_word(n, m.start()) not in HOUR_PREV:
                return []
            hh = lx.HOUR_WORDS[_k(m.group("bhw"))]
        elif m.group("hw"):
            hh = lx.HOUR_WORDS[_k(m.group("hw"))]
        else:
            hh = int(m.group("hh"))
        mm = int(m.group("mm") or 0)
        frac = m.group("frac")
        if frac:
            mm = {"النصف": 30, "نصف": 30, "الربع": 15, "ربع": 15, "الثلث": 20, "ثلث": 20}[frac]
        elif m.group("fm"):
            v = number_value(m.group("fm"))
            mm = int(v or 0)
        if m.group("minus"):
            hh, mm = hh - 1, 60 - (15 if m.group("minus").startswith("ربع") else 20)
        ampm = lx.AMPM.get(_k(m.group("ampm")), "") if m.group("ampm") else ""
        f: dict[str, Any] = {}
        if m.group("pod"):
            ampm = POD_AMPM[lx.PARTS_OF_DAY[_k(m.group("pod"))]]
        if ampm == "pm" and hh < 12:
            hh += 12
        elif ampm == "night" and 6 <= hh < 12:
            hh += 12
        if hh > 24 or mm > 59 or hh < 0:
            return []
        f.update(hh=hh % 24 if hh == 24 else hh, mm=mm)
        mod = "APPROX" if m.group("qmod") else ""
        # الساعة السابعة من صباح الجمعة 12 جوان 2015، الساعة 23:03 من مساء اليوم الخميس 15/10/1436:
        # the date names the day, the weekday and the deictic day only check it (timex.v6)
        ref = self._time_date(m)
        if ref is not None:
            f["ref"] = ref
        elif m.group("rd"):
            f["n"] = RD_SHIFT[_k(m.group("rd"))]
            if m.group("rwd"):  # الثامنة من مساء اليوم الثلاثاء: valued as اليوم الثلاثاء is
                f["wd"] = lx.WEEKDAYS[m.group("rwd")]
        elif m.group("wd"):
            f["wd"] = lx.WEEKDAYS[m.group("wd")]
            f["dir"] = self._weekday_dir(m, n)
        return [(m.start(), m.end(), _X("TIME", "time", f, mod))]

    def _time_date(self, m: Any) -> Expr | None:
        """The date after a clock time's day (``_TDATE``), as an expression to value, or ``None``."""
        if m.group("day"):
            ex = self._date_expr(m, int(m.group("day")))
            if ex is None or ex.op not in ("abs", "ymd", "hijri"):
                return None
            return Expr(m.start("day"), m.end(), "DATE", ex.op, ex.f)
        if not m.group("tnd"):
            return None
        d, mo, y = int(m.group("tnd")), int(m.group("tnm")), int(m.group("tny"))
        if (m.group("tera") or "") in HIJRI_ERA or 1300 <= y < 1500:
            return Expr(m.start("tnd"), m.end(), "DATE", "hijri", {"year": y, "month": mo, "day": d})
        try:
            dt.date(y, mo, d)
        except ValueError:
            return None
        return Expr(m.start("tnd"), m.end(), "DATE", "abs", {"value": ymd(y, mo, d)})

    @staticmethod
    def _weekday_dir(m: Any, n: str) -> str:
        """Which way a weekday lies: by its الماضي/المقبل …, else by its clause (timex.v5's
        :func:`~marsad.enrich.time.tense.weekday_ahead`)."""
        wrel = _k(m.group("wrel"))
        if wrel == "قبل الماضي":
            return "last2"
        if wrel.startswith("بعد"):
            return "next2"  # الأربعاء بعد القادم: the Wednesday after the next
        if wrel:
            return {"past": "last", "future": "next", "current": "future"}[REL_DIR[wrel]]
        # the clause's own verb (timex.v5, tense.weekday_ahead): يلتقي الوزير نظيره الأربعاء,
        # ستعقد … في إطار جولة … الأربعاء; timex.v4 read only a future verb within 80 characters
        return "future" if weekday_ahead(n, m.start()) else "past"

    def _date_expr(self, m: Any, day: int | None) -> _X | None:
        month, cal = self._month(m)
        year, hij = self._year(m, hijri_month=cal == "hijri")
        rel = REL_DIR.get(m.group("rel") or "", "")
        f: dict[str, Any] = {"month": month}
        if day:
            f["day"] = day
        if rel:
            f["rel"] = rel
        if hij:
            if day and day > 30:
                return None
            if year:
                f["year"] = year
            return _X("DATE", "hijri", f)
        if day and day > _MONTH_DAYS[month]:
            return None  # 31 فبراير: not a date
        if year:
            if not 1000 <= year <= 2100:
                return None
            if day:
                try:
                    dt.date(year, month, day)
                except ValueError:
                    return None
            return _X("DATE", "abs", {"value": ymd(year, month, day)})
        return _X("DATE", "ymd" if day else "month", f)

    def _h_drange(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        d1, d2 = int(m.group("d1")), int(m.group("day"))
        if d1 >= d2 or d2 > 31:
            return []
        second = self._date_expr(m, d2)
        if second is None:
            return []
        f1 = dict(second.f)
        if second.op == "abs":
            first = _X("DATE", "abs", {"value": second.f["value"][:-2] + f"{d1:02d}"})
        else:
            f1["day"] = d1
            first = _X("DATE", second.op, f1)
        return [(m.start("d1"), m.end("d1"), first), (m.start("day"), m.end(), second)]

    def _h_num(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        d, mo, ys = int(m.group("nd")), int(m.group("nm")), m.group("ny")
        if mo > 12 and d <= 12:
            d, mo = mo, d
        if mo > 12 or d > 31:
            return []
        if len(ys) == 2:
            if m.group("sep") != "/":
                return []
            y = 2000 + int(ys) if int(ys) < 50 else 1900 + int(ys)
        else:
            y = int(ys)
        era = m.group("era") or ""
        f: dict[str, Any] = {}
        if m.group("wd"):
            f["wd"] = lx.WEEKDAYS[m.group("wd")]
        if m.group("rd"):
            f["rdn"] = RD_SHIFT[_k(m.group("rd"))]
        # مساء الجمعة 8/10/1436: the part of the day goes with the date (timex.v6)
        typ = "TIME" if m.group("pod") else "DATE"
        if typ == "TIME":
            f["pod"] = lx.PARTS_OF_DAY[_k(m.group("pod"))]
        if era in HIJRI_ERA or 1300 <= y < 1500:
            return [(m.start(), m.end(), _X(typ, "hijri", {"year": y, "month": mo, "day": d, **f}))]
        if not 1800 <= y <= 2100:
            return []

        try:
            dt.date(y, mo, d)
        except ValueError:
            return []
        return [(m.start(), m.end(), _X(typ, "abs", {"value": ymd(y, mo, d), **f}))]

    def _h_date(self, m: Any, n: str) -> list[tuple[int, int, _X | None]]:
        g = m.group  # each group is read once (this handler runs for every month name)
        day_s, year_s, mh, mg, mod_s = g("day"), g("year"), g("mh"), g("mg"), g("mod")
        day = int(day_s) if day_s else None
        if day and prev_word(n, m.start()) in NAME_HEADS:
            return [(m.start(), m.end(), None)]  # جامعة 6 أكتوبر، ثورة 25 يناير: a name, skipped
        oday = g("oday")
        if oday:
            day = lx.ORDINAL_DAYS[_k(oday)]
        mod_word = _k(mod_s)
        if mod_word == "اول" and not day and not year_s:
            day, mod_word = 1, ""  # أول مايو = 1 May
        month, cal = self._month(m)
        word = _k(mh or mg)
        yrel_s, rel_s, wd, rd = g("yrel"), g("rel"), g("wd"), g("rd")
        cued = bool(day or year_s or yrel_s or rel_s or g("shahr") or mod_s
                    or g("mg2") or g("hkw") or wd)
        if not cued:
            prev = prev_word(n, m.start())
            if cal == "hijri" and word in lx.AMBIGUOUS_HIJRI:
                if not (word == "رمضان" and prev in TEMPORAL_PREPS):
                    return []
            elif word in lx.STRICT_MONTHS:
                return []
            elif word in lx.AMBIGUOUS_MONTHS and prev not in TEMPORAL_PREPS:
                return []
        ex = self._date_expr(m, day)
        if ex is None:
            return []
        f = dict(ex.f)
        if wd:
            f["wd"] = lx.WEEKDAYS[wd]
        if rd:
            f["rdn"] = RD_SHIFT[_k(rd)]
        mod = MODS.get(mod_word, "")
        yrel = _k(yrel_s)
        if yrel and ex.op in ("ymd", "month"):
            f["yshift"] = -2 if yrel == "قبل الماضي" else REL_N[REL_DIR[yrel]]
        if year_s is None and ex.op in ("ymd", "month", "hijri"):
            y = self._shared_year(n, m.end())
            if y:
                f["year"] = y
            elif ex.op != "hijri" and not f.get("rel") and "yshift" not in f:
                tense = self._tense(n, m.start())
                if tense:
                    f["rel"] = tense
        pod = g("pod")
        if pod:
            if not day:
                return []
            f["pod"] = lx.PARTS_OF_DAY[_k(pod)]
            return [(m.start(), m.end(), _X("TIME", ex.op, f, mod))]
        return [(m.start(), m.end(), _X("DATE", ex.op, f, mod))]

    @staticmethod
    def _shared_year(n: str, i: int) -> int | None:
        """The year of a coordinated month that follows (مايو أيار ويونيو حزيران 1999 → 1999)."""
        if n[i:i + 3].lstrip()[:1] != "و":
            return None
        mt = _COORD_YEAR.match(n, i, i + 60)
        return int(mt.group(1)) if mt else None

    def _h_dom(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        day = int(m.group("day")) if m.group("day") else lx.ORDINAL_DAYS[_k(m.group("oday"))]
        rel = REL_DIR[_k(m.group("rel"))]
        return [(m.start(), m.end(), _X("DATE", "dom", {"day": day, "shift": REL_N[rel]}))]

    def _h_year(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        y = int(m.group("year"))
        era = m.group("era") or ""
        mod = MODS.get(_k(m.group("mod")), "")
        out = []
        end1 = m.end("era") if m.group("era") else m.end("year")
        rest = n[end1:m.end()]
        if rest.lstrip().startswith(")"):
            end1 = end1 + rest.index(")") + 1
        if not m.group("year2"):
            end1 = m.end()
        if m.group("season"):
            out.append((m.start(), end1, _X("DATE", "abs", {"value": f"{y:04d}-{SEASONS[m.group('season')]}"}, mod)))
        else:
            out.append((m.start(), end1, self._year_expr(y, era, mod)))
        if m.group("year2"):
            y2 = int(m.group("year2"))
            era2 = m.group("era2") or era
            out.append((m.start("year2"), m.end(), self._year_expr(y2, era2, "")))
        return out

    @staticmethod
    def _year_expr(y: int, era: str, mod: str) -> _X:
        if era in HIJRI_ERA or (1300 <= y < 1500 and era not in ("م", "ميلادي", "ميلاديه")):
            return _X("DATE", "hyear", {"year": y}, mod)
        return _X("DATE", "abs", {"value": f"{y:04d}"}, mod)

    def _h_byear(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        st = m.start()
        if _BYEAR_PREV.search(n, max(0, st - 24), st) is None:
            return []  # a bare year counts only right after في، منذ، حتى، خلال، قبل، بعد …
        out = [(m.start("year"), m.end("year"), _X("DATE", "abs", {"value": m.group("year")}))]
        if m.group("year2"):
            out.append((m.start("year2"), m.end("year2"),
                        _X("DATE", "abs", {"value": m.group("year2")})))
        return out

    def _h_day(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        rd = _k(m.group("rd"))
        prev = prev_word(n, m.start())
        if rd in ("اليوم", "الغد") and prev in OUTLETS and not m.group("wd"):
            return []
        if rd == "اليوم" and prev in THIS and not m.group("pod") and not m.group("wd"):
            return []  # بهذا اليوم: the day just named (anaphoric), not today
        if rd == "اليوم" and not m.group("pod") and not m.group("wd") and nowadays(n, m.start()):
            # عالم اليوم، شباب اليوم: nowadays, not the day (timex.v5; «منذ عام 1948 حتى اليوم», the end
            # of a lasting state, stays the day)
            return [(m.start(), m.end(), _X("DATE", "abs", {"value": "PRESENT_REF"}))]
        f: dict[str, Any] = {"n": RD_SHIFT[rd]}
        typ = "DATE"
        if m.group("pod"):
            f["pod"] = lx.PARTS_OF_DAY[_k(m.group("pod"))]
            typ = "TIME"
        if m.group("wd"):
            f["wd"] = lx.WEEKDAYS[m.group("wd")]
        return [(m.start(), m.end(), _X(typ, "shift", f))]

    def _h_night(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        if m.group("tpod"):  # هذا الصباح ، هذا المساء
            pod = "MO" if m.group("tpod") == "الصباح" else "EV"
            return [(m.start(), m.end(), _X("TIME", "shift", {"n": 0, "pod": pod}))]
        if m.group("dawn"):
            return [(m.start(), m.end(), _X("TIME", "shift", {"n": 0, "pod": "MO"}))]
        nrel = m.group("nrel") or ""
        shift = -1 if nrel in ("الماضيه", "الفايته") else 0
        return [(m.start(), m.end(), _X("TIME", "shift", {"n": shift, "pod": "NI"}))]

    def _h_wd(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        w = m.group("wd")
        wd = lx.WEEKDAYS[w]
        prev = prev_word(n, m.start())
        if wd == 1 and prev in NOT_PAIR:
            return []
        if wd == 5 and prev in NOT_FRIDAY:
            return []
        if w == "الاحد" and n[m.end():m.end() + 12].lstrip().startswith(("عشر", "منهم", "من ")):
            return []  # الأحد عشر، الأحد منهم: "the one", not Sunday
        f: dict[str, Any] = {"wd": wd, "dir": self._weekday_dir(m, n)}
        typ = "DATE"
        if m.group("pod"):
            f["pod"] = lx.PARTS_OF_DAY[_k(m.group("pod"))]
            typ = "TIME"
        return [(m.start(), m.end(), _X(typ, "weekday", f))]

    def _h_per(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        pu = m.group("pu")
        prel = _k(m.group("prel"))
        mod = MODS.get(_k(m.group("mod")), "")
        if not (m.group("this") or prel or mod):
            return []
        nxt = n[m.end("pu"):m.end("pu") + 12].split()
        if pu in ("العام", "السنه", "لعام", "لسنه") and nxt and nxt[0] in SCHOOL_YEAR:
            return []  # بداية العام الدراسي، موفى السنة الدراسية: a school year, not the calendar's (timex.v6)
        if pu in ("العام", "السنه") and not m.group("this") and not mod:
            prev = prev_word(n, m.start())
            if prev.startswith("ال") and prev not in NOT_ADJ_AFTER:
                return []  # الأمين العام السابق
        if prel == "الماضي القريب":
            return [(m.start(), m.end(), _X("DATE", "abs", {"value": "PAST_REF"}))]
        k = -2 if prel == "قبل الماضي" else REL_N[REL_DIR[prel]] if prel else 0
        unit = PERIOD_UNIT[pu if pu.startswith("ال") else "ا" + pu]
        if unit == "W" and _k(m.group("mod")) == "نهايه":  # نهاية الأسبوع: the weekend
            return [(m.start(), m.end(), _X("DATE", "period", {"unit": "W", "n": k, "we": True}))]
        return [(m.start(), m.end(), _X("DATE", "period", {"unit": unit, "n": k}, mod))]

    def _h_quarter(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        qord = m.group("qord")
        mod = MODS.get(_k(m.group("mod")), "")
        if qord:
            q = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الثلاث": 3, "الرابع": 4, "الاخير": 4}[qord]
            f: dict[str, Any] = {"q": q}
            if m.group("qw").endswith("نصف"):
                f["half"] = True  # النصف الثاني من العام → 2018-H2
            if m.group("year"):
                f["year"] = int(m.group("year"))
            elif m.group("yrel"):
                f["yshift"] = REL_N[REL_DIR[_k(m.group("yrel"))]]
            return [(m.start(), m.end(), _X("DATE", "quarter", f, mod))]
        if mod:
            return []
        rel = _k(m.group("qrel"))
        n_ = -1 if rel == "السابق" else REL_N[REL_DIR[rel]]
        return [(m.start(), m.end(), _X("DATE", "quarter", {"shift": n_}))]

    def _h_pl(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        plu = m.group("plu")
        plu = plu if plu.startswith("ال") else "ا" + plu
        unit = PL_UNIT[plu]
        rel = m.group("plrel") or ""
        future = any(w in rel for w in ("المقبل", "القادم"))
        num = m.group("plnum")
        count = None
        if num:
            count = number_value(num[2:] if num.startswith("ال") else num)
        elif plu in ("الاسبوعين", "الشهرين", "العامين", "السنتين", "اليومين"):
            count = 2.0
        if count and unit:  # الأشهر الستة الماضية، الأشهر الثلاثة، الأشهر العشرة الأولى
            return [(m.start(), m.end(), _X("DURATION", "duration", {"n": count, "unit": unit}))]
        if not rel or rel == "الاولي":
            return []
        return [(m.start(), m.end(), _X("DATE", "abs",
                                          {"value": "FUTURE_REF" if future else "PAST_REF"}))]

    def _h_ref(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        v = "PAST_REF" if m.group("past") else "PRESENT_REF" if m.group("present") else "FUTURE_REF"
        return [(m.start(), m.end(), _X("DATE", "abs", {"value": v}))]

    def _h_dec(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        mod = MODS.get(_k(m.group("mod")), "")
        cent = _k(m.group("cent"))
        age = m.group("dec") and not cent and _OF_AGE.match(n, m.end(), m.end() + 36)
        if age and (age.group("p") or not m.group("dec").startswith("ال")):
            return []  # في الثلاثينيات من عمرها: a decade of her life, not the 1930s
        if m.group("dec"):
            d = lx.DECADES[m.group("dec")]
            c = lx.CENTURIES.get(cent, 19)
            if cent in ("الماضي", "المنصرم"):
                return [(m.start(), m.end(), _X("DATE", "abs", {"value": f"19{d}"}, mod))]
            return [(m.start(), m.end(), _X("DATE", "abs", {"value": f"{c:02d}{d}"}, mod))]
        if cent in lx.CENTURIES:
            return [(m.start(), m.end(), _X("DATE", "abs", {"value": f"{lx.CENTURIES[cent]:02d}"}, mod))]
        k = -1 if cent in ("الماضي", "المنصرم") else 0
        return [(m.start(), m.end(), _X("DATE", "period", {"unit": "CE", "n": k}, mod))]
