"""The handlers of durations and frequencies: what a count of units says and how to value it.

``_h_ago`` (منذ ثلاثة أيام، بعد عامين: a point a count before or after the anchor, or in a
story told in the past only the duration), ``_h_dur`` (لمدة عامين وستة أشهر، ثلاث ساعات),
``_h_durrange`` (من 5 إلى 10 سنوات) and ``_h_set`` (كل يوم، أسبوعيا، كل ثلاثة أشهر) read the
groups of a match as :mod:`marsad.enrich.time.handlers` describes, on the folded text, and are
mixed into :class:`~marsad.enrich.time.tagger.DateTagger` beside
:class:`~marsad.enrich.time.handlers.Handlers`. A count is a number, a number word, a half or a
quarter, or the unit's own (عامين: 2); a compound duration (عامان وستة أشهر) is valued
``P2Y6M``.
"""

from __future__ import annotations

from typing import Any

from marsad.enrich.time import lexicon as lx
from marsad.enrich.time.handlers import _X, _k, prev_word
from marsad.enrich.time.numbers import number_value
from marsad.enrich.time.tense import future_before
from marsad.text.normalize import normalize

#: what qualifies a count: more than, less than, at least (أكثر من عامين)
QMODS = {"اكثر من": "MORE_THAN", "ازيد من": "MORE_THAN", "ما يزيد عن": "MORE_THAN",
         "ما يزيد علي": "MORE_THAN", "اقل من": "LESS_THAN", "ما لا يقل عن": "EQUAL_OR_MORE"}
#: adverbs of a frequency (يوميا: every day)
SET_ADV = {"يوميا": "P1D", "اسبوعيا": "P1W", "شهريا": "P1M", "سنويا": "P1Y", "ساعيا": "PT1H"}

#: words before a bare plural unit (أيام، سنوات) or a lone singular one (عام، يوم) that make it a
#: duration: لمدة عام، في غضون أشهر، على بعد أيام، بعد سنوات من …
DUR_PREV = frozenset(normalize(w) for w in ("لمدة", "مدة", "غضون", "طيلة", "طوال", "طول", "بعد", "وبعد",
                                            "لبعد", "لمده"))


def _unit(word: str) -> tuple[str, int]:
    """The unit a word names and the count it holds itself (:data:`lexicon.UNITS`: عامين → Y, 2),
    else ``("", 0)``."""
    w = " ".join(word.split())
    got = lx.UNITS.get(w)
    if got is None and w.endswith("ا"):  # اياما، شهورا، اعواما: the accusative of the plural
        got = lx.UNITS.get(w[:-1])
    return got or ("", 0)


class DurationHandlers:
    """The handlers of durations and frequencies and their helpers."""

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
            return number_value(m.group("numw")), unit
        if m.group("few") or m.group("bare"):
            return None, unit
        return float(inherent or 1), unit

    def _tail(self, m: Any) -> tuple[float | None, str]:
        """The second count of a compound duration (وستة شهور، ونصف السنة), or ``(None, "")``."""
        if m.group("half2"):
            n_, unit = self._count(m)
            conv = {"H": (30, "MIN"), "Y": (6, "M"), "D": (12, "H"), "MIN": (30, "S"), "M": (15, "D"),
                    "W": (3.5, "D"), "CE": (50, "Y"), "DE": (5, "Y")}
            v, u = conv.get(unit, (None, ""))
            if m.group("half2") == "ربع" and v:
                v = v / 2
            return v, u
        u2 = m.group("unit2")
        if not u2:
            return None, ""
        unit, inherent = _unit(u2)
        if m.group("num2"):
            return float(m.group("num2")), unit
        if m.group("numw2"):
            return number_value(m.group("numw2")), unit
        return float(inherent or 1), unit

    @staticmethod
    def _compound(parts: list[tuple[float | None, str]]) -> str | None:
        """``P2Y6M``, ``PT1H30M`` from (count, unit) parts in any order, or ``None``."""
        got: dict[str, float] = {}
        for v, u in parts:
            if v is None or not u or u in got:
                return None
            got[u] = v
        date = "".join(f"{got[u]:g}{u}" for u in ("CE", "DE", "Y", "M", "W", "D") if u in got)
        time = "".join(f"{got[u]:g}{'M' if u == 'MIN' else u}" for u in ("H", "MIN", "S") if u in got)
        return "P" + date + ("T" + time if time else "")

    def _h_ago(self, m: Any, n: str) -> list[tuple[int, int, _X | None]]:
        n_, unit = self._count(m)
        if not unit:
            return []
        v2, u2 = self._tail(m)
        if u2 and n_ is not None and v2 is not None and (unit, u2) == ("Y", "M"):
            n_, unit = n_ * 12 + v2, "M"  # منذ عامين وستة أشهر
        sign = 1 if m.group("ago") == "بعد" else -1
        q = QMODS.get(_k(m.group("qmod")), "APPROX" if m.group("qmod") else "")
        if sign > 0 and n_ is not None and not future_before(n, m.start()):
            # بعد ثلاثة أشهر أسقطت طائرته: in a story told in the past, "after" counts from the
            # event just told, not from the anchor; only the duration is marked (§2). A future
            # verb or cue (سيعود بعد يومين) keeps the point after the anchor.
            prev = prev_word(n, m.start())
            if prev and _unit(prev)[0] == unit:
                return [(m.start(), m.end(), None)]  # يوما بعد يوم، سنة بعد سنة: an idiom
            ds = min(i for i in (m.start(g) for g in ("qmod", "num", "numw", "half", "unit", "one")) if i >= 0)
            if u2:
                val = self._compound([self._count(m), (v2, u2)])
                if val:
                    return [(ds, m.end(), _X("DURATION", "abs", {"value": val}, q))]
            return [(ds, m.end(), _X("DURATION", "duration", {"n": n_, "unit": unit}, q))]
        mod = {"MORE_THAN": "BEFORE", "LESS_THAN": "AFTER"}.get(q, q) if sign < 0 else \
            {"MORE_THAN": "AFTER", "LESS_THAN": "BEFORE"}.get(q, q)
        return [(m.start(), m.end(), _X("DATE", "ago", {"n": n_, "unit": unit, "sign": sign}, mod))]

    def _h_dur(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        n_, unit = self._count(m)
        if not unit:
            return []
        q = QMODS.get(_k(m.group("qmod")), "APPROX" if m.group("qmod") else "")
        if (m.group("bare") or m.group("one")) and not q:
            # أيام، عام alone are durations only where the context says so: لمدة عام، في غضون
            # أشهر، على بعد أيام، بعد عام من …، فكر أياما (the accusative of an indefinite span)
            word = m.group("bare") or m.group("one")
            prev = prev_word(n, m.start())
            nxt = n[m.end():m.end() + 5].lstrip()
            ok = prev in DUR_PREV and (prev != "بعد" and prev != "وبعد" or nxt.startswith(("من ", "من\n")))
            ok = ok or (prev in ("بعد", "وبعد") and m.group("bare") is not None)
            if m.group("bare") and word.endswith("ا") and word != "اعوام":
                ok = True
            if m.group("one") and prev in ("بعد", "وبعد") and not nxt.startswith("من "):
                ok = False
            if m.group("wahid"):
                ok = True  # سنة واحدة، يوما واحدا: the count is said (timex.v6)
            if not ok:
                return []
        if m.group("bare"):
            n_ = None
        v2, u2 = self._tail(m)
        if u2:
            parts = [(n_, unit), (v2, u2)]
            if m.group("unit3"):
                u3, inh3 = _unit(m.group("unit3"))
                v3 = float(m.group("num3")) if m.group("num3") else (
                    number_value(m.group("numw3")) if m.group("numw3") else float(inh3 or 1))
                parts.append((v3, u3))
            val = self._compound(parts)
            if val:
                return [(m.start(), m.end(), _X("DURATION", "abs", {"value": val}, q))]
        return [(m.start(), m.end(), _X("DURATION", "duration", {"n": n_, "unit": unit}, q))]

    def _h_durrange(self, m: Any, n: str) -> list[tuple[int, int, _X]]:
        unit, inherent = _unit(m.group("unit"))
        r1, r2 = float(m.group("r1")), float(m.group("num"))
        if not unit or inherent == 2 or r1 >= r2 or (inherent == 1 and r2 < 11):
            # من 5 إلى 10 سنوات، 20 إلى 30 ساعة: the first count takes the second's unit; a
            # singular unit counts only after 11 and more (Arabic's tamyiz): 1 - 2 يوم is a score
            return []
        return [(m.start("r1"), m.end("r1"), _X("DURATION", "duration", {"n": r1, "unit": unit})),
                (m.start("num"), m.end(), _X("DURATION", "duration", {"n": r2, "unit": unit}))]

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
