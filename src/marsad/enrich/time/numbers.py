"""Number words and ordinals in folded text: ``خمسة وعشرين`` → 25, ``الخامسه والعشرين`` → 25."""

from __future__ import annotations

import re

from marsad.enrich.time import lexicon as lx

_NUM_SPLIT = re.compile(r"\s+و?\s*|\s+")


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


_ORD_UNITS = {"حادي": 1, "اول": 1, "ثاني": 2, "ثالث": 3, "رابع": 4, "خامس": 5, "سادس": 6, "سابع": 7,
              "ثامن": 8, "تاسع": 9, "عاشر": 10}
_ORD_TENS = {"عشرين": 20, "ثلاثين": 30, "اربعين": 40, "خمسين": 50, "ستين": 60, "سبعين": 70,
             "ثمانين": 80, "تسعين": 90}


def ordinal_value(words: str) -> int | None:
    """The value of an ordinal in folded form, either gender: ``الخامسه والعشرين`` → 25."""
    total = 0
    for tok in words.replace("و ال", " ال").replace(" وال", " ال").split():
        w = tok[2:] if tok.startswith("ال") else tok
        if w in ("عشر", "عشره"):
            total += 10
            continue
        if w.endswith("ه") and w[:-1] in _ORD_UNITS:
            w = w[:-1]
        if w in _ORD_UNITS:
            total += _ORD_UNITS[w]
        elif w in _ORD_TENS:
            total += _ORD_TENS[w]
        else:
            return None
    return total or None
