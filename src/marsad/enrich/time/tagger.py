"""DateTagger: every temporal expression of an Arabic text, with TIMEX3 type and value.

The text is folded once (:func:`marsad.text.normalize.normalize_with_map`: Eastern Arabic
U+0660–U+0669 and Persian U+06F0–U+06F9 digits → 0–9, alef forms → ا U+0627, ة U+0629 → ه
U+0647, tashkeel and tatweel U+0640 dropped), one compiled ``regex`` alternation
(:data:`marsad.enrich.time.patterns.PATTERN`) is run over it, and each match is turned into
an :class:`~marsad.enrich.time.resolve.Expr` by the handler for its kind. Offsets are mapped
back to the original text through the offset map, so every span indexes the text as given.
Values are computed by :func:`marsad.enrich.time.resolve.resolve` against an anchor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import re

import regex

from marsad.enrich.time import lexicon as lx
from marsad.enrich.time.fold import fold_with_map
from marsad.enrich.time.patterns import (
    DIGIT_NEXT,
    DIGIT_OK,
    DIGIT_SEP,
    DIGIT_YEAR,
    DATE_NEXT,
    NAME_HEADS,
    SHORT_KINDS,
    FIRST_WORDS,
    GATES,
    KINDS,
    LOOKBACK,
    TRIGGERS,
    WINDOW,
    kinds_for,
    pattern_for_kinds,
    pattern_for_word,
)
from marsad.enrich.time.resolve import Anchor, Expr, resolve, ymd
from marsad.model import Span
from marsad.text.normalize import normalize

REL_DIR = {w: "past" for w in ("الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفايت", "الفايته",
                                "السابق", "المنقضي")}
REL_DIR |= {w: "current" for w in ("الجاري", "الجاريه", "الحالي", "الحاليه", "الراهن")}
REL_DIR |= {w: "future" for w in ("المقبل", "المقبله", "القادم", "القادمه")}
REL_N = {"past": -1, "current": 0, "future": 1}

MODS = {w: "START" for w in ("مطلع", "اوايل", "بدايه", "بدايات", "مستهل", "اول", "اول ايام")}
MODS |= {w: "MID" for w in ("منتصف", "اواسط", "وسط")}
MODS |= {w: "END" for w in ("اواخر", "نهايه", "اخر", "ختام", "اخر ايام", "نهايات", "اواخر ايام", "موفي")}

QMODS = {"اكثر من": "MORE_THAN", "ازيد من": "MORE_THAN", "ما يزيد عن": "MORE_THAN",
         "ما يزيد علي": "MORE_THAN", "اقل من": "LESS_THAN", "ما لا يقل عن": "EQUAL_OR_MORE"}
RD_SHIFT = {"اليوم": 0, "امس": -1, "البارحه": -1, "اول من امس": -2, "اول امس": -2,
            "امس الاول": -2, "غدا": 1, "غد": 1, "الغد": 1, "بعد غد": 2, "بعد الغد": 2}
HIJRI_ERA = ("ه", "هجري", "هجريه")
SEASONS = {"صيف": "SU", "شتاء": "WI", "ربيع": "SP", "خريف": "FA",
           "الصيف": "SU", "الشتاء": "WI", "الربيع": "SP", "الخريف": "FA"}
PERIOD_UNIT = {"الاسبوع": "W", "الشهر": "M", "العام": "Y", "السنه": "Y", "القرن": "CE",
               "العقد": "DE"} | {k: v for k, v in SEASONS.items() if k.startswith("ال")}
PL_UNIT = {"الايام": "D", "الاسابيع": "W", "الاشهر": "M", "الشهور": "M", "الاعوام": "Y",
           "السنوات": "Y", "السنين": "Y", "الساعات": "H", "العقود": "DE", "الدقايق": "MIN",
           "الفتره": "", "الاونه": "", "الاسبوعين": "W", "الشهرين": "M", "العامين": "Y", "السنتين": "Y",
           "اليومين": "D"}
SET_ADV = {"يوميا": "P1D", "اسبوعيا": "P1W", "شهريا": "P1M", "سنويا": "P1Y", "ساعيا": "PT1H"}
POD_AMPM = {"MO": "am", "MI": "pm", "AF": "pm", "EV": "pm", "NI": "night"}

#: words before a month/weekday/اليوم that make it something else
TEMPORAL_PREPS = frozenset(normalize(w) for w in (
    "في", "وفي", "منذ", "خلال", "حتى", "وحتى", "قبل", "بعد", "مطلع", "منتصف", "أواخر", "نهاية",
    "بداية", "أوائل", "طيلة", "طوال", "بحلول", "إلى", "من", "ومنذ", "وخلال", "شهر", "شهري"))
NOT_PAIR = frozenset(normalize(w) for w in ("بين", "كلا", "كلتا", "هذين", "وبين"))
NOT_FRIDAY = frozenset(normalize(w) for w in ("صلاة", "خطبة", "صلوات", "خطيب", "لصلاة", "بصلاة"))
OUTLETS = frozenset(normalize(w) for w in ("صحيفة", "جريدة", "لصحيفة", "لجريدة", "موقع", "قناة",
                                           "حزب", "بحزب", "لحزب", "عين", "تيار", "برنامج",
                                           "وصحيفة", "بصحيفة", "ذلك", "تلك", "يومية", "مجلة"))
NOUN_ADJ_HEADS = ("ال",)  # الأمين العام السابق: العام is "general" after a definite noun
NOT_ADJ_AFTER = frozenset(normalize(w) for w in ("اليوم", "العام", "الشهر", "السنة", "الأسبوع"))

_WORD = re.compile(r"\w+")
_NUM_SPLIT = re.compile(r"\s+و?\s*|\s+")
#: tashkeel U+064B–U+065F, superscript alef U+0670, Quranic marks U+06D6–U+06ED, tatweel U+0640
_MARKS = frozenset([chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0640"]
                   + [chr(c) for c in range(0x06D6, 0x06EE)])
_NEXT_WORD = re.compile(r"[\s()«»\"“”،,]*(\w+)")
_DIGIT = re.compile(r"[0-9]+")
#: punctuation that may stick to a word (الخميس، «اليوم») and is cut off before the word lookup
_PUNCT = tuple("،,.:;()«»\"“”‘’'!?؟؛/\\-–—…[]{}<>#@*_+=|~^&%$٪")
_AFTER_DIGITS = re.compile(r"([0-9]+)(?:\s*([/.:\-–])\s*[0-9]|[\s(]*(\w*))")
_TRIGGER_SET = frozenset(TRIGGERS)


class _KindsOf(dict):  # type: ignore[type-arg]
    """pattern → (the kinds it holds in order, its group index), read once."""

    def __missing__(self, pat: Any) -> tuple[tuple[str, ...], dict[str, int]]:
        gi = dict(pat.groupindex)
        v = self[pat] = (tuple(k for k in KINDS if k in gi), gi)
        return v


_PATTERN_KINDS = _KindsOf()

#: a future verb (سيزور، ستعقد، سنلعب) or a future cue; nouns that begin like one are excluded
_FUTURE = regex.compile(r"(?:^|\s)[وف]?(?:سوف|المقرر|يعتزم|تعتزم|يرتقب|المرتقب|المنتظر|"
                        r"(?!سياس|سيار|سيطر|سيد|سين|سيول|سيف|سير|سياد|سياق|سياح|سيبر|سيي|ستار|"
                        r"ستين|سته|ستو|ستر|سنه|سنو|سنغ|سند|سنت|سنين|سنا)س[يتن][\p{L}]{2,})(?=\s)")
_SENT_END = regex.compile(r"[.!?؟\n]")


class _X(NamedTuple):
    """An expression before its offsets are mapped back (the fields of :class:`Expr`)."""

    type: str
    op: str
    f: dict[str, Any]
    mod: str = ""


class _Groups:
    """A match whose absent groups read as ``None`` (each kind's pattern has its own groups)."""

    __slots__ = ("_gi", "_m", "_v")

    def __init__(self, m: Any, gi: dict[str, int]) -> None:
        self._m = m
        self._gi = gi
        self._v = m.groups()

    def group(self, name: str) -> str | None:
        i = self._gi.get(name)
        return None if i is None else self._v[i - 1]

    def start(self, name: str | int = 0) -> int:
        return self._m.start(name) if name == 0 or name in self._gi else -1

    def end(self, name: str | int = 0) -> int:
        return self._m.end(name) if name == 0 or name in self._gi else -1


def number_value(words: str) -> float | None:
    """The value of number words (``خمسة وعشرين`` → 25, ``ثلاث عشرة`` → 13) or digits."""
    w = words.strip()
    if not w:
        return None
    if w[0].isdigit():
        return float(w.replace(",", "."))
    total = 0
    for tok in _NUM_SPLIT.split(w):
        tok = tok.strip()
        if tok.startswith("و") and tok[1:] in lx.NUMBER_WORDS:
            tok = tok[1:]
        if not tok:
            continue
        v = lx.NUMBER_WORDS.get(tok)
        if v is None:
            return None
        total += v
    return float(total) if total else None


def _unit(word: str) -> tuple[str, int]:
    return lx.UNITS.get(" ".join(word.split()), ("", 0))


def _k(s: str | None) -> str:
    return " ".join(s.split()) if s else ""


class DateTagger:
    """Finds time expressions (``find``) and values them against an anchor (``tag``)."""

    def __init__(self) -> None:
        self._handlers: dict[str, Callable[[Any, str], list[tuple[int, int, _X]]]] = {
            k: getattr(self, "_h_" + ("date" if k.startswith("K_date") else k[2:])) for k in KINDS
        }

    # --- the public side ----------------------------------------------------------------------

    def find(self, text: str) -> list[Expr]:
        """Every expression in ``text``; offsets index ``text`` itself.

        The trigger scan is C work: the words of the folded text (one ``re`` findall),
        intersected with the trigger forms (a set operation), located with ``str.find``, plus
        every run of digits; the full pattern is then tried only where a trigger opens a word.
        """
        norm, omap = fold_with_map(text)
        starts = self._starts(norm)
        out: list[Expr] = []
        done = 0
        n_len = len(norm)
        for s, word in starts:
            if s < done:
                continue
            if not word:  # a number: what follows says which kinds it may open
                pat = self._digit_pattern(norm, s, n_len)
                if pat is None:
                    continue
            else:
                gate = GATES.get(word)
                short = SHORT_KINDS.get(word)
                nw = ""
                if gate is not None or short is not None:
                    nx = _NEXT_WORD.match(norm, s + len(word), min(n_len, s + len(word) + 40))
                    nw = nx.group(1) if nx is not None else ""
                if gate is not None and nw not in gate and not (nw[:1].isdigit() and word in DIGIT_OK):
                    continue
                if short is not None and not (nw in DATE_NEXT or nw[:1].isdigit()):
                    pat = pattern_for_kinds(short)  # الثلاثاء الماضي: no date follows, a weekday alone
                else:
                    pat = pattern_for_word(word)
            found = None
            while pat is not None:
                m = pat.match(norm, s, min(n_len, s + WINDOW))
                if m is None or m.end() <= s:
                    break
                kinds, gi = _PATTERN_KINDS[pat]
                g = _Groups(m, gi)
                kind = next(k for k in kinds if g._v[gi[k] - 1] is not None)
                found = self._handlers[kind](g, norm)
                if found:
                    break
                # the handler said no (مارس the verb, العام in الأمين العام): try the kinds after it
                rest = _PATTERN_KINDS[pat][0]
                pat = pattern_for_kinds(rest[rest.index(kind) + 1:])
            if not found:
                continue
            done = m.end()
            for fs, fe, ex in found:
                if ex is None:
                    continue
                os_, oe = omap.span(fs, fe)
                while oe < len(text) and text[oe] in _MARKS:  # عاماً، 1436هـ: the marks belong
                    oe += 1
                out.append(Expr(os_, oe, *ex))
        return out

    @staticmethod
    def _digit_pattern(norm: str, s: int, n_len: int) -> Any:
        """The alternation for a number at ``s``, chosen by what follows it (or ``None``)."""
        nx = _AFTER_DIGITS.match(norm, s, min(n_len, s + 40))
        sep = nx.group(2)
        if sep:
            kinds: tuple[str, ...] | None = DIGIT_SEP[sep]
        else:
            w = nx.group(3) or ""
            kinds = DIGIT_NEXT.get(w)
            if kinds is None and w[:1] in "وبل":
                kinds = DIGIT_NEXT.get(w[1:]) or (("K_drange", "K_byear") if w[1:2].isdigit() else None)
        if len(nx.group(1)) == 4:
            kinds = tuple(k for k in KINDS if k in set(kinds or ()) | set(DIGIT_YEAR))
        return pattern_for_kinds(kinds) if kinds else None

    @staticmethod
    def _starts(norm: str) -> list[tuple[int, str]]:
        tok = norm
        for c in _PUNCT:
            if c in tok:
                tok = tok.replace(c, " ")
        hits = _TRIGGER_SET.intersection(tok.split())
        starts: list[tuple[int, str]] = []
        n = len(norm)
        for h in hits:
            offs, ln = TRIGGERS[h], len(h)
            i = norm.find(h)
            while i >= 0:
                if (i == 0 or not norm[i - 1].isalnum()) and (i + ln == n or not norm[i + ln].isalnum()):
                    for off in offs:
                        core = h[off:]
                        back = LOOKBACK.get(core)
                        if back is not None:
                            j = i + off
                            for lead in back:
                                k = j - len(lead)
                                if k >= 0 and norm.startswith(lead, k) and (k == 0 or not norm[k - 1].isalnum()):
                                    starts.append((k, lead.split()[0]))
                            if core not in FIRST_WORDS:
                                continue
                        starts.append((i + off, core))
                i = norm.find(h, i + ln)
        starts.extend([(m.start(), "") for m in _DIGIT.finditer(norm)])  # gated in find()
        starts.sort()
        return starts

    def tag(self, text: str, *, anchor: str | Anchor | None = None) -> list[Span]:
        a = Anchor.parse(anchor) if isinstance(anchor, str) else anchor
        return [to_span(e, a) for e in self.find(text)]

    # --- helpers ------------------------------------------------------------------------------

    @staticmethod
    def _prev_word(n: str, i: int) -> str:
        j = i
        while j > 0 and n[j - 1] in " \t\u00a0(«\"“":
            j -= 1
        k = j
        while k > 0 and not n[k - 1].isspace():
            k -= 1
        return n[k:j].strip("\"“”«»()'")

    @staticmethod
    def _is_future(n: str, i: int) -> bool:
        lo = max(0, i - 80)
        window = n[lo:i]
        cut = max((mm.end() for mm in _SENT_END.finditer(window)), default=0)
        return bool(_FUTURE.search(window[cut:]))

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
        if m.group("hw"):
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
        if m.group("rd"):
            f["n"] = RD_SHIFT[_k(m.group("rd"))]
        elif m.group("wd"):
            f["wd"] = lx.WEEKDAYS[m.group("wd")]
        return [(m.start(), m.end(), _X("TIME", "time", f))]

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
            if year:
                f["year"] = year
            return _X("DATE", "hijri", f)
        if year:
            if not 1000 <= year <= 2100:
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
        if era in HIJRI_ERA or 1300 <= y < 1500:
            return [(m.start(), m.end(), _X("DATE", "hijri", {"year": y, "month": mo, "day": d, **f}))]
        if not 1800 <= y <= 2100:
            return []
        import datetime as dt

        try:
            dt.date(y, mo, d)
        except ValueError:
            return []
        return [(m.start(), m.end(), _X("DATE", "abs", {"value": ymd(y, mo, d), **f}))]

    def _h_date(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        day = int(m.group("day")) if m.group("day") else None
        if day and self._prev_word(n, m.start()) in NAME_HEADS:
            return [(m.start(), m.end(), None)]  # جامعة 6 أكتوبر، ثورة 25 يناير: a name, skipped
        if m.group("oday"):
            day = lx.ORDINAL_DAYS[_k(m.group("oday"))]
        mod_word = _k(m.group("mod"))
        if mod_word == "اول" and not day and not m.group("year"):
            day, mod_word = 1, ""  # أول مايو = 1 May
        month, cal = self._month(m)
        word = _k(m.group("mh") or m.group("mg"))
        cued = bool(day or m.group("year") or m.group("yrel") or m.group("rel") or m.group("shahr") or m.group("mod")
                    or m.group("mg2") or m.group("hkw") or m.group("wd"))
        if not cued:
            prev = self._prev_word(n, m.start())
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
        if m.group("wd"):
            f["wd"] = lx.WEEKDAYS[m.group("wd")]
        if m.group("rd"):
            f["rdn"] = RD_SHIFT[m.group("rd")]
        mod = MODS.get(mod_word, "")
        yrel = _k(m.group("yrel"))
        if yrel and ex.op in ("ymd", "month"):
            f["yshift"] = -2 if yrel == "قبل الماضي" else REL_N[REL_DIR[yrel]]
        return [(m.start(), m.end(), _X("DATE", ex.op, f, mod))]

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
        out = [(m.start("year"), m.end("year"), _X("DATE", "abs", {"value": m.group("year")}))]
        if m.group("year2"):
            out.append((m.start("year2"), m.end("year2"),
                        _X("DATE", "abs", {"value": m.group("year2")})))
        return out

    def _count(self, m: Any) -> tuple[float | None, str]:
        unit, inherent = _unit(m.group("unit") or m.group("bare") or m.group("one") or "")
        if m.group("half"):
            frac = 0.5 if m.group("half") == "نصف" else 0.25
            conv = {"H": (60, "MIN"), "Y": (12, "M"), "CE": (100, "Y"), "M": (None, "M"),
                    "D": (24, "H"), "DE": (5, "Y"), "W": (None, "W"), "MIN": (60, "S")}
            mult, u2 = conv.get(unit, (None, unit))
            return (frac * mult, u2) if mult else (frac, unit)
        if m.group("num"):
            return float(m.group("num").replace(",", ".")), unit
        if m.group("numw"):
            v = number_value(m.group("numw"))
            if v is not None and inherent == 1 and v > 10:
                return v, unit
            return v, unit
        if m.group("few") or m.group("bare"):
            return None, unit
        return float(inherent or 1), unit

    def _h_ago(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        n_, unit = self._count(m)
        if not unit:
            return []
        sign = 1 if m.group("ago") == "بعد" else -1
        q = QMODS.get(_k(m.group("qmod")), "APPROX" if m.group("qmod") else "")
        mod = {"MORE_THAN": "BEFORE", "LESS_THAN": "AFTER"}.get(q, q) if sign < 0 else \
            {"MORE_THAN": "AFTER", "LESS_THAN": "BEFORE"}.get(q, q)
        return [(m.start(), m.end(), _X("DATE", "ago", {"n": n_, "unit": unit, "sign": sign}, mod))]

    def _h_dur(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        n_, unit = self._count(m)
        if not unit:
            return []
        q = QMODS.get(_k(m.group("qmod")), "APPROX" if m.group("qmod") else "")
        return [(m.start(), m.end(), _X("DURATION", "duration", {"n": n_, "unit": unit}, q))]

    def _h_day(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        rd = _k(m.group("rd"))
        prev = self._prev_word(n, m.start())
        if rd in ("اليوم", "الغد") and prev in OUTLETS and not m.group("wd"):
            return []
        f: dict[str, Any] = {"n": RD_SHIFT[rd]}
        typ = "DATE"
        if m.group("pod"):
            f["pod"] = lx.PARTS_OF_DAY[_k(m.group("pod"))]
            typ = "TIME"
        if m.group("wd"):
            f["wd"] = lx.WEEKDAYS[m.group("wd")]
        return [(m.start(), m.end(), _X(typ, "shift", f))]

    def _h_night(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        if m.group("dawn"):
            return [(m.start(), m.end(), _X("TIME", "shift", {"n": 0, "pod": "MO"}))]
        nrel = m.group("nrel") or ""
        shift = -1 if nrel in ("الماضيه", "الفايته") else 0
        return [(m.start(), m.end(), _X("TIME", "shift", {"n": shift, "pod": "NI"}))]

    def _h_wd(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        w = m.group("wd")
        wd = lx.WEEKDAYS[w]
        prev = self._prev_word(n, m.start())
        if wd == 1 and prev in NOT_PAIR:
            return []
        if wd == 5 and prev in NOT_FRIDAY:
            return []
        if w == "الاحد" and n[m.end():m.end() + 12].lstrip().startswith(("عشر", "منهم", "من ")):
            return []  # الأحد عشر، الأحد منهم: "the one", not Sunday
        wrel = _k(m.group("wrel"))
        if wrel == "قبل الماضي":
            d = "last2"
        elif wrel:
            d = {"past": "last", "future": "next", "current": "future"}[REL_DIR[wrel]]
        else:
            d = "future" if self._is_future(n, m.start()) else "past"
        f: dict[str, Any] = {"wd": wd, "dir": d}
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
        if pu in ("العام", "السنه") and not m.group("this") and not mod:
            prev = self._prev_word(n, m.start())
            if prev.startswith("ال") and prev not in NOT_ADJ_AFTER:
                return []  # الأمين العام السابق
        if prel == "الماضي القريب":
            return [(m.start(), m.end(), _X("DATE", "abs", {"value": "PAST_REF"}))]
        k = -2 if prel == "قبل الماضي" else REL_N[REL_DIR[prel]] if prel else 0
        unit = PERIOD_UNIT[pu if pu.startswith("ال") else "ا" + pu]
        return [(m.start(), m.end(), _X("DATE", "period", {"unit": unit, "n": k}, mod))]

    def _h_pl(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        plu = m.group("plu")
        plu = plu if plu.startswith("ال") else "ا" + plu
        unit = PL_UNIT[plu]
        rel = m.group("plrel")
        future = any(w in rel for w in ("المقبل", "القادم"))
        num = m.group("plnum")
        count = None
        if num:
            count = number_value(num[2:] if num.startswith("ال") else num)
        elif plu in ("الاسبوعين", "الشهرين", "العامين", "السنتين", "اليومين"):
            count = 2.0
        if count and unit:
            return [(m.start(), m.end(), _X("DURATION", "duration", {"n": count, "unit": unit}))]
        return [(m.start(), m.end(), _X("DATE", "abs",
                                          {"value": "FUTURE_REF" if future else "PAST_REF"}))]

    def _h_ref(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        v = "PAST_REF" if m.group("past") else "PRESENT_REF" if m.group("present") else "FUTURE_REF"
        return [(m.start(), m.end(), _X("DATE", "abs", {"value": v}))]

    def _h_set(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        if m.group("freq"):
            unit = {"يوم": "P1D", "اسبوع": "P1W", "شهر": "P1M", "عام": "P1Y", "سنه": "P1Y",
                    "ساعه": "PT1H"}[m.group("unit")]
            return [(m.start(), m.end(), _X("SET", "set", {"value": unit}))]
        if m.group("adv"):
            v = SET_ADV[m.group("adv")]
        elif m.group("wd"):
            w = m.group("wd")
            v = f"XXXX-WXX-{lx.WEEKDAYS.get(w) or lx.WEEKDAYS['ال' + w]}"
        else:
            unit, inherent = _unit(m.group("unit"))
            if m.group("num"):
                c = int(m.group("num"))
            elif m.group("numw"):
                c = int(number_value(m.group("numw")) or 1)
            else:
                c = inherent or 1
            if unit in ("H", "MIN", "S"):
                v = f"PT{c}{'M' if unit == 'MIN' else unit}"
            else:
                v = f"P{c}{unit}"
        return [(m.start(), m.end(), _X("SET", "set", {"value": v}))]

    def _h_dec(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        mod = MODS.get(_k(m.group("mod")), "")
        cent = _k(m.group("cent"))
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


def to_span(e: Expr, anchor: Anchor | None) -> Span:
    """The ``timex`` span of a found expression, valued against ``anchor``."""
    value, attrs = resolve(e, anchor)
    if e.mod:
        attrs = {"mod": e.mod, **attrs}
    return Span("timex", e.start, e.end, e.type, value, attrs)


_TAGGER: DateTagger | None = None


def tagger() -> DateTagger:
    """The shared tagger (the compiled pattern is built once per process)."""
    global _TAGGER
    if _TAGGER is None:
        _TAGGER = DateTagger()
    return _TAGGER
