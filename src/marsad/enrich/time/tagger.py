"""DateTagger: every temporal expression of an Arabic text, with TIMEX3 type and value.

The text is folded once (:func:`marsad.enrich.time.fold.fold_with_map`, the same view as
:func:`marsad.text.normalize.normalize`: Eastern Arabic U+0660–U+0669 and Persian
U+06F0–U+06F9 digits → 0–9, alef forms → ا U+0627, ة U+0629 → ه U+0647, tashkeel and tatweel
U+0640 dropped). A trigger scan finds where an expression may open (a set lookup of the words,
plus every number); the compiled pattern of each kind that can open with that word
(:func:`marsad.enrich.time.patterns.kinds_for`) is matched there in order, and the handler
for the kind that matched (:mod:`marsad.enrich.time.handlers`,
:mod:`marsad.enrich.time.durations`) turns it into an :class:`~marsad.enrich.time.resolve.Expr`. Offsets are mapped back to the original text, so
every span indexes the text as given. Values are computed by
:func:`marsad.enrich.time.resolve.resolve` against an anchor.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

import regex

from marsad.enrich.time.durations import DurationHandlers
from marsad.enrich.time.fold import DropMap, fold_with_map
from marsad.enrich.time.handlers import _X, Handlers
from marsad.enrich.time.numbers import ordinal_value
from marsad.enrich.time.patterns import (
    DATE_NEXT,
    DIGIT_NEXT,
    DIGIT_OK,
    DIGIT_SEP,
    DIGIT_YEAR,
    FIRST_WORDS,
    GATES,
    KINDS,
    LOOKBACK,
    SHORT_KINDS,
    TRIGGERS,
    WINDOW,
    Groups,
    group_index,
    kinds_for,
    pattern_for_kinds,
)
from marsad.enrich.time.resolve import Anchor, Expr, resolve
from marsad.enrich.time.respell import ShiftMap, respell
from marsad.model import Span
from marsad.text.normalize import normalize

#: tashkeel U+064B–U+065F, superscript alef U+0670, Quranic marks U+06D6–U+06ED, tatweel U+0640
_MARKS = frozenset([chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0640"]
                   + [chr(c) for c in range(0x06D6, 0x06EE)])
_NEXT_WORD = re.compile(r"[\s()«»\"“”،,]*(\w+)")
#: punctuation that may stick to a word (الخميس، «اليوم») and is cut off before the word lookup
_PUNCT = tuple("،,.:;()«»\"“”‘’'!?؟؛/\\-–—…[]{}<>#@*_+=|~^&%$٪")
_AFTER_DIGITS = re.compile(r"([0-9]+)(?:\s*([/.:\-–])\s*[0-9]|[\s(]*(\w*))")
_TRIGGER_SET = frozenset(TRIGGERS)
_IS_TRIGGER = _TRIGGER_SET.__contains__
#: per trigger form: (offset, the word there, its lookback leads, whether it opens expressions)
_TRIGGER_INFO: dict[str, tuple[tuple[int, str, tuple[tuple[str, str], ...], bool], ...]] = {
    h: tuple((off, h[off:], tuple((lead, lead.split()[0]) for lead in LOOKBACK.get(h[off:], ())),
              h[off:] in FIRST_WORDS) for off in offs)
    for h, offs in TRIGGERS.items()
}
#: the forms with one opening word and no lookback: (offset, the word there)
_TRIGGER_SIMPLE = {h: (info[0][0], info[0][1]) for h, info in _TRIGGER_INFO.items()
                   if len(info) == 1 and not info[0][2] and info[0][3]}


#: per gated or short word, everything the scan looks up before matching, in one dict lookup:
#: (its gate, its short kinds, whether a number passes the gate, kinds by next word)
_ROUTES: dict[str, tuple[frozenset[str] | None, tuple[str, ...] | None, bool, dict[str, tuple[str, ...]] | None]] = {
    w: (GATES.get(w), SHORT_KINDS.get(w), w in DIGIT_OK,
        {"من": ("K_dur",)} if w == "يوم" else None)
    for w in set(GATES) | set(SHORT_KINDS)
}


def _digit_kinds(sep: str | None, word: str | None, four: bool) -> tuple[str, ...] | None:
    """The kinds a number may open: by the separator after it, else the word."""
    if sep:
        kinds: tuple[str, ...] | None = DIGIT_SEP[sep]
    else:
        w = word or ""
        kinds = DIGIT_NEXT.get(w)
        if kinds is None and w[:1] in "وبل":
            kinds = DIGIT_NEXT.get(w[1:]) or (("K_drange", "K_byear") if w[1:2].isdigit() else None)
    if four:
        kinds = tuple(k for k in KINDS if k in set(kinds or ()) | set(DIGIT_YEAR))
    return kinds or None


#: (separator, cue word, four digits) → kinds (bounded: the cue words are DIGIT_NEXT's)
_DIGIT_KINDS: dict[tuple[str | None, str | None, bool], tuple[str, ...] | None] = {}


#: kind → (its own compiled pattern, its group index). Each kind is matched alone, in order:
#: the first kind that matches is what the alternation of those kinds would match (its
#: alternatives are tried in order and nothing follows them), and the 21 small patterns are
#: shared by every trigger, where alternations per set of kinds (45 of them on 112 articles,
#: 1 MB of compiled code) fought for the processor's cache.
_KIND_PATTERNS: dict[str, tuple[Any, dict[str, Any]]] = {}
for _k in KINDS:
    _p = pattern_for_kinds((_k,))
    _KIND_PATTERNS[_k] = (_p, group_index(_p))
_new_tuple = tuple.__new__
#: a kind's position in KINDS
_KIND_ORDER = {k: i for i, k in enumerate(KINDS)}
#: word → the kinds it may open, in order (``kinds_for``, looked up once per word)
_WORD_KINDS: dict[str, tuple[str, ...]] = {}


class DateTagger(Handlers, DurationHandlers):
    """Finds time expressions (``find``) and values them against an anchor (``tag``)."""

    def __init__(self) -> None:
        self._handlers: dict[str, Callable[[Any, str], list[tuple[int, int, _X]]]] = {
            k: getattr(self, "_h_" + ("date" if k.startswith("K_date") else k[2:])) for k in KINDS
        }

    # --- the public side ----------------------------------------------------------------------

    def find(self, text: str) -> list[Expr]:
        """Every expression in ``text``; offsets index ``text`` itself.

        The trigger scan is C work: the words of the folded text (punctuation cut off, one
        ``str.split``), filtered against the trigger forms, located with ``str.find`` from the
        previous one, plus every run of digits (:meth:`_starts`); a trigger's next word is looked up before any
        pattern is tried (``GATES``, ``SHORT_KINDS``, the kinds a number may open), and then
        only the kinds that can open with that word are matched, each with its own pattern, in
        order, on a short window of the text.
        """
        norm, omap = fold_with_map(text)
        norm, reps = respell(norm)  # تشرين الثاني/نوفمير 2017: the month as the lexicon spells it
        if reps:
            omap = ShiftMap(reps, omap)
        # nothing dropped or respelt (most texts): folded offsets are the original ones
        same = omap.__class__ is DropMap and not omap.drops
        starts = self._starts(norm)
        out: list[Expr] = []
        done = 0
        for s, word in starts:
            if s < done:
                continue
            if not word:  # a number: what follows says which kinds it may open
                seq = self._digit_kinds(norm, s)
                if seq is None:
                    continue
            else:
                route = _ROUTES.get(word)
                if route is None:
                    seq = _WORD_KINDS.get(word) or _word_kinds(word)
                else:
                    gate, short, digit_ok, by_next = route
                    e = s + len(word)
                    nx = _NEXT_WORD.match(norm, e, e + 40)
                    nw = nx.group(1) if nx is not None else ""
                    if gate is not None and nw not in gate and not (
                            digit_ok and (nw[:1].isdigit() or (nw[:2] == "ال" and nw[2:3].isdigit()))):
                        continue
                    if by_next is not None and nw in by_next:
                        seq = by_next[nw]  # يوم من: only a duration can follow (بعد يوم من)
                    elif short is not None and not (nw in DATE_NEXT or nw[:1].isdigit()):
                        seq = short  # الثلاثاء الماضي: no date follows, a weekday alone
                    else:
                        seq = _WORD_KINDS.get(word) or _word_kinds(word)
            found = None
            # match in place, bounded to a window (``endpos``: no slice is copied; lookbehinds
            # still see the text before ``s``)
            lim = s + WINDOW
            i = 0
            while i < len(seq):
                kind = seq[i]
                i += 1
                pat, gi = _KIND_PATTERNS[kind]
                m = pat.match(norm, s, lim)
                if m is None:
                    continue
                if m.end() <= s:
                    break
                found = self._handlers[kind](Groups(m, gi), norm)
                if found:
                    break
                # the handler said no (مارس the verb, العام in الأمين العام): try the kinds after
                # it (in KINDS order, as the alternation of the kinds left would)
                rest = sorted(seq, key=_KIND_ORDER.__getitem__)
                seq = tuple(rest[rest.index(kind) + 1:])
                i = 0
            if not found:
                continue
            done = m.end()  # type: ignore[union-attr]
            for fs, fe, ex in found:
                if ex is None:
                    continue
                if same:
                    os_, oe = fs, fe
                else:
                    os_, oe = omap.span(fs, fe)
                while oe < len(text) and text[oe] in _MARKS:  # عاماً، 1436هـ: the marks belong
                    oe += 1
                out.append(_new_tuple(Expr, (os_, oe, *ex)))  # Expr(os_, oe, *ex), without a Python frame
        if " من العمر" in norm or " من عمر" in norm:
            out = self._ages(norm, omap, out)
        return _clock_days(out, text)

    @staticmethod
    def _ages(norm: str, omap: Any, out: list[Expr]) -> list[Expr]:
        """Ages as ordinals: ``الخامسة والعشرين من العمر``، ``الـ25 من العمر``، ``في الخمسين من
        عمره`` (``timex.v4``: من عمره، عمرها، عمرهم … too) → P25Y, P50Y. Not a decade, a month, a
        year of a life (العقد الثالث من العمر، الشهر الرابع من عمره، في عامها الأول من العمر)."""
        taken = [(e.start, e.end) for e in out]
        for cue in _AGE_CUE_RE.finditer(norm):
            i = cue.start()
            m = _AGE_BACK.search(norm, max(0, i - 40), i)
            if m is not None:
                age = int(m.group("n")) if m.group("n") else ordinal_value(m.group("w"))
                before = norm[max(0, m.start() - 8):m.start()].split()
                if before and before[-1].lstrip("وبل").startswith(_LIFE_UNITS):
                    age = None  # العقد الثالث من العمر، الشهر الرابع من عمره: not an age in years
                if age and 0 < age < 130:
                    os_, oe = omap.span(m.start(), cue.end())
                    if not any(s < oe and os_ < e for s, e in taken):
                        out.append(Expr(os_, oe, "DURATION", "abs", {"value": f"P{age}Y"}))
        out.sort(key=lambda e: e.start)
        return out

    @staticmethod
    def _digit_kinds(norm: str, s: int) -> tuple[str, ...] | None:
        """The kinds a number at ``s`` may open, chosen by what follows it (or ``None``)."""
        nx = _AFTER_DIGITS.match(norm, s, s + 40)
        if nx is None:
            return None
        digits, sep, w = nx.groups()
        w = w or ""
        if sep or w in DIGIT_NEXT:
            pass
        elif w[:1] in "وبل" and w[1:] in DIGIT_NEXT:
            pass
        elif w[:1] in "وبل" and w[1:2].isdigit():
            w = w[:1] + "0"  # و2018: the key stays small (one per proclitic)
        else:
            w = ""  # no cue after the number: the key space stays bounded
        key = (sep, w, len(digits) == 4)
        kinds = _DIGIT_KINDS.get(key, False)
        if kinds is False:
            kinds = _DIGIT_KINDS[key] = _digit_kinds(*key)
        return kinds  # type: ignore[return-value]

    @staticmethod
    def _starts(norm: str) -> list[tuple[int, str]]:
        """Where an expression may open: ``(offset, opening word)``, ``""`` for a number.

        The words of the folded text (punctuation cut off, one ``str.split``) are filtered
        against the trigger forms in C (``filter`` over the set's ``__contains__``), in text
        order; each is then located by one ``str.find`` from the end of the previous one, so
        the text is scanned about once whatever the number of triggers.
        """
        tok = norm
        for c in _PUNCT:
            if c in tok:
                tok = tok.replace(c, " ")  # one for one: offsets in tok are offsets in norm
        starts: list[tuple[int, str]] = []
        n = len(norm)
        pos = 0
        for h in filter(_IS_TRIGGER, tok.split()):
            ln = len(h)
            i = tok.find(h, pos)
            # the word itself, not the same letters inside a longer word before it (طعام for عام)
            while (i > 0 and not tok[i - 1].isspace()) or (i + ln < n and not tok[i + ln].isspace()):
                i = tok.find(h, i + 1)
            pos = i + ln
            simple = _TRIGGER_SIMPLE.get(h)
            if simple is not None:  # most forms: one opening word, no lookback
                starts.append((i + simple[0], simple[1]))
                continue
            for off, core, back, first in _TRIGGER_INFO[h]:
                if back:
                    j = i + off
                    for lead, lead_word in back:
                        k = j - len(lead)
                        if k >= 0 and norm.startswith(lead, k) and (
                                k == 0 or not norm[k - 1].isalnum()
                                # وفي وقت سابق: a proclitic before the lead stays outside
                                or (norm[k - 1] in "وف" and (k == 1 or not norm[k - 2].isalnum()))):
                            starts.append((k, lead_word))
                if first:
                    starts.append((i + off, core))
        for d in "0123456789":  # the start of every run of digits (gated in find())
            i = norm.find(d)
            while i >= 0:
                if i == 0 or not ("0" <= norm[i - 1] <= "9"):
                    starts.append((i, ""))
                i = norm.find(d, i + 1)
        starts.sort()
        return starts

    def tag(self, text: str, *, anchor: str | Anchor | None = None) -> list[Span]:
        a = Anchor.parse(anchor) if isinstance(anchor, str) else anchor
        return [to_span(e, a) for e in self.find(text)]

    # --- helpers ------------------------------------------------------------------------------

#: the cue of an age: من العمر، من عمره، من عمرها …
_AGE_CUE_RE = re.compile(r" من (?:العمر|عمر(?:ه|ها|هم|هما|هن))(?![\u0621-\u064a])")
#: before an ordinal with من العمر: a unit of a life that is no year of age
#: (not اليوم: «تبلغ اليوم الـ17 من العمر» is today)
_LIFE_UNITS = ("العقد", "عقد", "الشهر", "شهر", "الاسبوع", "اسبوع", "العام", "عام", "السنه", "سنه", "الاسابيع",
               "الاشهر", "الايام")
_AGE_BACK = regex.compile(r"(?:(?<![\p{L}\p{N}])(?:ال)?(?P<n>[0-9]{1,3})|(?<![\p{L}])(?P<w>ال\p{L}+(?:\s+(?:عشر|عشره)|\s+و\s*ال\p{L}+)?))\s*$")
#: the days a clock time may borrow (a date at day grain)
_DAY_OPS = frozenset({"weekday", "shift"})
#: what joins the two ends of a range of hours (folded): إلى، حتى، وحتى، إلى غاية، إلى حدود، -
_TO = re.compile(r"\s*(?:و?(?:الي|حتي)(?:\s+(?:غايه|حدود))?|-|–)\s*\Z")
#: the dates a part of the day may stand before (a day named by its date, not by a shift)
_DATE_OPS = frozenset({"ymd", "hijri", "abs"})


def _day_grain(e: Expr) -> bool:
    # a date with its part of the day is a TIME on the date's day (مساء الأحد 26 مارس: timex.v6)
    if e.type != "DATE" and not (e.type == "TIME" and e.op in _DATE_OPS and "pod" in e.f):
        return False
    if e.op in _DAY_OPS:
        return True
    if e.op in ("ymd", "hijri"):
        return bool(e.f.get("day"))
    return e.op == "abs" and len(e.f.get("value", "")) == 10


def _clock_days(out: list[Expr], text: str) -> list[Expr]:
    """A clock time with no day of its own takes the day named just before it in the sentence.

    ``يوم السبت 6 أوت بداية من الساعة السابعة صباحا`` → 6 August at 07:00, not the anchor's day.
    """
    for k in range(1, len(out)):
        e, p = out[k], out[k - 1]
        if e.op != "time" or "n" in e.f or "wd" in e.f or "ref" in e.f:
            continue
        gap = text[p.end:e.start]
        if _day_grain(p):
            day = {"ref": p}
        elif p.op == "time" and _TO.match(normalize(gap)):
            # من الثامنة صباحا وحتى الساعة العاشرة ليلا: the end of a range of hours is on the day
            # of its start (timex.v6)
            day = {key: p.f[key] for key in ("ref", "n", "wd", "dir") if key in p.f}
        else:
            continue
        if day and len(gap) <= 40 and not any(c in gap for c in ".\n؛;!?؟"):
            out[k] = Expr(e.start, e.end, e.type, e.op, {**e.f, **day}, e.mod)
    return out


def _timex_span_maker() -> Callable[[int, int, str, str, dict[str, Any]], Span]:
    """``(start, end, label, value, attrs) → Span("timex", …)``, built through the slots.

    :class:`~marsad.model.Span` is a frozen dataclass, whose ``__init__`` sets each field
    through ``object.__setattr__``: half the cost of valuing a simple expression. Setting the
    slots directly gives the same object for half the price; if ``Span`` ever stops being a
    plain slotted dataclass of these six fields, or the result differs, the constructor is used.
    """
    names = tuple(f.name for f in dataclasses.fields(Span))

    def plain(start: int, end: int, label: str, value: str, attrs: dict[str, Any]) -> Span:
        return Span("timex", start, end, label, value, attrs)

    if (names != ("layer", "start", "end", "label", "value", "attrs") or "__post_init__" in vars(Span)
            or not hasattr(Span, "__slots__")):
        return plain
    set_layer, set_start, set_end, set_label, set_value, set_attrs = (
        getattr(Span, nm).__set__ for nm in names)
    new = object.__new__

    def fast(start: int, end: int, label: str, value: str, attrs: dict[str, Any]) -> Span:
        sp = new(Span)
        set_layer(sp, "timex")
        set_start(sp, start)
        set_end(sp, end)
        set_label(sp, label)
        set_value(sp, value)
        set_attrs(sp, attrs)
        return sp  # type: ignore[no-any-return]

    probe = (3, 9, "DATE", "2021-09-14", {"mod": "START"})
    return fast if fast(*probe) == plain(*probe) and repr(fast(*probe)) == repr(plain(*probe)) else plain


_TIMEX_SPAN = _timex_span_maker()


def to_span(e: Expr, anchor: Anchor | None) -> Span:
    """The ``timex`` span of a found expression, valued against ``anchor``."""
    value, attrs = resolve(e, anchor)
    if e.mod:
        attrs = {"mod": e.mod, **attrs}
    return _TIMEX_SPAN(e.start, e.end, e.type, value, attrs)


def _word_kinds(word: str) -> tuple[str, ...]:
    k = _WORD_KINDS[word] = kinds_for(word)
    return k


_TAGGER: DateTagger | None = None


def tagger() -> DateTagger:
    """The shared tagger (the compiled pattern is built once per process)."""
    global _TAGGER
    if _TAGGER is None:
        _TAGGER = DateTagger()
    return _TAGGER
