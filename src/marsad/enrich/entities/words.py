"""Word tests the mention steps and the head rules share: the readings of a word without its
proclitic (و ف ب ل ك) or article, title words, common nouns, words whose clusters hold no
names, the direction word that goes with a nationality adjective (الكورية الشمالية), and the
flags the head rules look words up by.

Every word here is normalized (:mod:`marsad.text.normalize`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Mapping
from functools import lru_cache
from operator import itemgetter

from marsad.enrich.entities import lexicon as lx
from marsad.enrich.entities import org_words as ow
from marsad.enrich.entities import place_words as pw
from marsad.enrich.entities.clusters import freq_class
from marsad.enrich.entities.features import (
    _orig_prefix_len,
    proclitic_splits,
    split_proclitic,
    strip_article,
    strip_proclitic,
)

#: quotation marks (a quoted name, a product's name after من طراز "…")
_QUOTES = frozenset('"“”«»\'')

#: head words that are whole words, not a proclitic + a word (وزارة، وكالة، ولاية)
_WHOLE_HEADS = ow.ORG_HEADS | ow.ORG_RULE_HEADS | pw.LOC_HEADS | pw.GPE_HEADS | pw.STATE_HEADS | ow.MEDIA_HEADS


def _definite(norm: str) -> str:
    """The word as it would stand after its proclitic: لرئاسه/للرئاسه/بالرئاسه → الرئاسه
    (وزاره stays: a head, not و + زاره)."""
    if norm in _WHOLE_HEADS:
        return norm
    for _p, c in proclitic_splits(norm):
        if c.startswith("ال"):
            return c
    return strip_proclitic(norm)[1]


def _core(norm: str) -> str:
    return strip_proclitic(norm)[1]


@lru_cache(maxsize=300_000)
def _in(norm: str, words: frozenset[str]) -> bool:
    """Whether the word, or the word without a proclitic (any reading) or ال, is in ``words``."""
    return any(c in words or strip_article(c) in words for _p, c in proclitic_splits(norm))


def _is_title(norm: str) -> bool:
    """Whether a reading of the word is a title (:data:`lexicon.RULE_TITLES`); a head word is
    whole, no proclitic + a title (ولاية is no و + ل + آية: ولاية لوغار is a province)."""
    return norm not in _WHOLE_HEADS and _in(norm, lx.RULE_TITLES)


def _title_cut(surface: str, norm: str) -> tuple[int, str]:
    """How many leading characters of a role's first word are proclitics, and the letter to
    restore: للرئيس → (1, "ا") reads الرئيس, ولوزير → (2, "") reads وزير, والسفير → (1, "")."""
    for p, c in proclitic_splits(norm):
        if p and len(c) < 4 and not c.startswith("ال"):
            continue  # ولاية is no و + ل + آية
        if c in lx.RULE_TITLES or strip_article(c) in lx.RULE_TITLES:
            if not p:
                return 0, ""
            return _orig_prefix_len(surface, len(p)), ("" if norm[len(p) :] == c else "ا")
    return split_proclitic(surface, known=(), norm=norm), ""


def future_verb(w: str, common: set[str] | frozenset[str], names: dict[str, str]) -> bool:
    """سـ + an imperfect verb the corpus uses often (ستعمل، سيزور، سنواصل): never a name's
    word (سيرغي، ستيفن: the word without سـ is no common word)."""
    return len(w) >= 5 and w[0] == "س" and w[1] in "يتنا" and w[1:] in common \
        and w not in lx.FIRST_NAMES and not names.get(w, "").startswith("PERS")


#: possessive suffixes (حظه، موقفهم): a noun they follow is no surname (not ي: حبيبي، حسني
#: are family names as often)
_POSSESSIVES = ("هما", "هم", "ها", "نا", "ه", "ك")


def common_noun(w: str, vocab: Container[str]) -> bool:
    """Whether the corpus writes ``w``, or ``w`` less a possessive suffix, with ال at least one
    time in seven (the word clusters' ``a2``/``a3``: جوار، ندرة، مختلفين; حظه → حظ): a common
    noun, not a surname (قاووق، بلماضي are never or seldom definite). Not for a word with ال
    (الصماد: the rate says nothing of it) nor for a nisba (حامدي: written الحامدي as often)."""
    get = getattr(vocab, "get", None)
    if get is None or w.startswith("ال") or w.endswith("ي"):
        return False
    for s in ("", *_POSSESSIVES):
        if s and not (w.endswith(s) and len(w) - len(s) >= 2):
            continue
        st = get(w[: len(w) - len(s)])
        if st and st[-1] in ("a2", "a3"):
            return True
    return False


def hamza_clitic(surface: str) -> int:
    """How many letters of a word are a proclitic before a hamza on alef (وإنترناسيونالي،
    لأستون، وبأوروبا): no Arabic word begins with one of و ف ب ل ك and then أ or إ, so the
    letters are proclitics; 0 when the word does not look so."""
    if len(surface) >= 5 and surface[0] in "وفبلك":
        if surface[1] in "أإ":
            return 1
        if surface[1] in "بلك" and surface[0] in "وف" and surface[2] in "أإ":
            return 2
    return 0


def _direction(nxt: str) -> str:
    """A direction adjective's base form (الشمالية، شمالي، جنوبيين → شمالي، جنوبي), or ``""``."""
    if nxt not in pw.DIRECTION_ADJECTIVES:
        return ""
    w = nxt[2:] if nxt.startswith("ال") else nxt
    w = w.removesuffix("ه")
    for plural in ("يين", "يون"):
        if w.endswith(plural):
            return w[: -len(plural)] + "ي"
    return w


def nat_direction(country: str, nxt: str) -> str:
    """The country a nationality adjective names with the direction word after it
    (الكورية الشمالية، كوري شمالي → KP, السوداني الجنوبي → SS); else its own."""
    d = _direction(nxt)
    return pw.NAT_DIRECTION.get((country, d), country) if d else country


def with_direction(country: str, nxt: str) -> bool:
    """Whether a nationality adjective of ``country`` and the next word are one adjective
    (الكورية | الشمالية، كوري | شمالي، الكوري | الجنوبي: a country that a direction splits)."""
    d = _direction(nxt)
    return bool(d) and (country, d) in pw.NAT_DIRECTION


#: a cluster where fewer than this share of the words are known names (the training name
#: lexicon, the first names) holds verbs, adverbs and common nouns (أعطت، بهدوء، معسكر)
NAMELESS_SHARE = 0.04
#: … judged only for words frequent enough (log2 of the corpus count) to be clustered reliably
NAMELESS_MIN_FREQ = 5


def _nameless_clusters(vocab: object, names: Mapping[str, str]) -> frozenset[tuple[int, str]]:
    """``(level, cluster)`` of the word clusters (256, 1,024 and 4,096 clusters: levels 1–3) in
    which fewer than :data:`NAMELESS_SHARE` of the words are known names."""
    if not isinstance(vocab, Mapping):
        return frozenset()
    rows = [st for st in vocab.values() if len(st) >= 4]
    known = [st for w, st in vocab.items() if len(st) >= 4
             and (names.get(w, "").startswith("PERS") or w in lx.FIRST_NAMES)]
    out = []
    for lvl in (1, 2, 3):
        total = Counter(map(itemgetter(lvl), rows))
        named = Counter(map(itemgetter(lvl), known))
        out += [(lvl, c) for c, n in total.items() if named[c] < NAMELESS_SHARE * n]
    return frozenset(out)


def nameless_word(w: str, vocab: object, nameless: Container[tuple[int, str]]) -> bool:
    """Whether ``w`` is frequent in the corpus and every one of its word clusters is nameless
    (:func:`_nameless_clusters`): a verb, an adverb, a common noun or adjective."""
    if not nameless or not isinstance(vocab, Mapping):
        return False
    st = vocab.get(w)
    if freq_class(st) < NAMELESS_MIN_FREQ:
        return False
    return all((lvl, st[lvl]) in nameless for lvl in (1, 2, 3))


#: the flags of :meth:`.rules.HeadRules.flags`: which kind of head a word is
_TITLE, _ORG, _GPE, _HOOD, _GOD = 1, 2, 4, 8, 16

#: opening quote → its closing quote (a quoted name after an organisation head)
_QUOTE_PAIRS = {"«": "»", '"': '"', "“": "”", "„": "“"}

_CLOSING_QUOTES = frozenset(_QUOTE_PAIRS.values())

#: direction words that open a place's name (محافظة شمال سيناء) and never a person's
_DIRECTIONS = lx.word_set("شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي")


def _is_definite(w: str) -> bool:
    """Whether a reading of ``w`` is ال + two letters or more (الحزب، والمجلس، بالمدينة)."""
    return any(c.startswith("ال") and len(c) > 3 for _p, c in proclitic_splits(w))


def _plain(w: str) -> bool:
    """A word that can stand in a name: a letter first, no function word, no title."""
    return w[:1].isalpha() and w not in lx.STOPWORDS and w not in lx.RULE_TITLES
