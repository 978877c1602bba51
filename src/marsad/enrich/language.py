"""Language identification for news text, made to tell Arabic from the languages that share
its script (Persian, Urdu, Kurdish, Pashto) as well as from Latin-script languages.

Whole documents carry plenty of signal: letters that Arabic does not use (Persian پ چ ژ گ
U+067E U+0686 U+0698 U+06AF, ی U+06CC, ک U+06A9; Urdu ٹ ڈ ڑ ں ے ہ ھ U+0679 U+0688 U+0691 U+06BA
U+06D2 U+06C1 U+06BE; Sorani Kurdish ێ ۆ ڵ ڕ ە U+06CE U+06C6 U+06B5 U+0695 U+06D5; Pashto ټ ډ ړ
ښ ږ ځ څ U+067C U+0689 U+0693 U+069A U+0696 U+0681 U+0685) and very frequent function words.
Counts are normalised by length, so one loan word does not flip an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.text.normalize import normalize

_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")

# letters that Arabic text never needs; ی U+06CC, ک U+06A9 and ھ U+06BE are left out because
# some Arabic sites' encoders write them for ي, ك and ه
_LETTERS = {
    "fa": set("\u067e\u0686\u0698\u06af"),
    "ur": set("\u0679\u0688\u0691\u06ba\u06d2"),
    "ckb": set("\u06ce\u06c6\u06b5\u0695"),
    "ps": set("\u067c\u0689\u0693\u069a\u0696\u0681\u0685"),
}
# function words, in normalized form (see marsad.text.normalize), that the other language lacks
_WORDS = {
    "ar": {"في", "من", "علي", "الي", "ان", "التي", "الذي", "عن", "مع", "هذا", "هذه", "كان",
           "قال", "وقال", "بين", "ذلك", "بعد", "كما", "وفي", "لم", "قد", "حيث", "الذين", "او"},
    "fa": {"است", "را", "برای", "های", "شده", "مي", "خواهد", "كند", "شد", "نيز", "بود", "هم",
           "كرده", "ميكند", "اند", "ما", "ايران"},
    "ur": {"ہے", "كے", "ميں", "كي", "كا", "نے", "اور", "سے", "يہ", "ہيں", "كو", "پر", "تھا", "ہے۔"},
    "en": {"the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "was", "said"},
    "fr": {"le", "la", "les", "de", "des", "et", "en", "un", "une", "du", "est", "dans", "pour"},
    "es": {"el", "la", "los", "de", "que", "y", "en", "un", "por", "con", "para", "las"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "ein"},
    "tr": {"ve", "bir", "bu", "için", "ile", "da", "de", "olarak", "olan", "çok"},
}
_WORDS = {k: {normalize(w) for w in v} for k, v in _WORDS.items()}


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    language: str  # ISO 639 code, "und" when there is too little text
    confidence: float


#: languages written in the Arabic script that are not Arabic and that :func:`identify` tells
#: by letters Arabic does not use (ے ں ٹ, ڵ ۆ, ښ ځ): the entity and event stages, made for
#: Arabic, read nothing in them (a tagger run on Urdu took «ابراهيم رئيسي نے شركت», "Raisi
#: took part", for a name). Persian is not among them: an Arabic report quoting Persian names
#: is guessed ``fa`` now and then, and losing its entities would cost more than it saves.
NOT_ARABIC_SCRIPT = frozenset({"ur", "ckb", "ps"})


def read_as_arabic(language: str) -> bool:
    """Whether the Arabic analysers (entities, events) read an article of this guessed language:
    every article but those :data:`NOT_ARABIC_SCRIPT` names (an unknown language included)."""
    return language not in NOT_ARABIC_SCRIPT


def identify(text: str, *, sample: int = 1500) -> LanguageGuess:
    """Guess the language of ``text`` (the first ``sample`` characters are enough)."""
    t = text[:sample]
    n_ar = len(_ARABIC_SCRIPT.findall(t))
    n_lat = len(_LATIN.findall(t))
    n_cyr = len(_CYRILLIC.findall(t))
    total = n_ar + n_lat + n_cyr
    if total < 3:
        return LanguageGuess("und", 0.0)
    if n_ar >= max(n_lat, n_cyr):
        words = normalize(t).split()
        letter_hits = {k: sum(t.count(c) for c in v) for k, v in _LETTERS.items()}
        word_hits = {k: sum(1 for w in words if w in _WORDS[k]) for k in ("ar", "fa", "ur")}
        scores = {
            "ar": word_hits["ar"] * 3.0,
            "fa": word_hits["fa"] * 3.0 + letter_hits["fa"] * 2.0,
            "ur": word_hits["ur"] * 3.0 + letter_hits["ur"] * 2.0,
            "ckb": letter_hits["ckb"] * 3.0,
            "ps": letter_hits["ps"] * 3.0,
        }
        best = max(scores, key=lambda k: scores[k])
        if scores[best] == 0:
            best = "ar"
        tot = sum(scores.values()) or 1.0
        return LanguageGuess(best, round(max(scores[best] / tot, 0.5 if best == "ar" else 0.0), 3))
    words = t.split()
    if n_cyr > n_lat:
        return LanguageGuess("ru", 0.6)
    low = [w.lower() for w in words]
    hits = {k: sum(1 for w in low if w in _WORDS[k]) for k in ("en", "fr", "es", "de", "tr")}
    best = max(hits, key=lambda k: hits[k])
    tot = sum(hits.values())
    if tot == 0:
        return LanguageGuess("und", 0.2)
    return LanguageGuess(best, round(hits[best] / tot, 3))
