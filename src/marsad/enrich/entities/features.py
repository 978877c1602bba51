"""Tokens, clitics and the features of the entity sequence tagger.

Tokens are whitespace/punctuation tokens as ANERcorp has them: a word keeps its attached
proclitics (وروسيا is one token). The features look through the clitics instead of splitting
them: every word yields its normalized form, its *core* (one proclitic group و ف ب ل ك, alone
or stacked, stripped) and the core without the article ال, so a model trained on unsegmented
text and run on unsegmented text sees روسيا in وروسيا and بروسيا. The span of a name starts
after the proclitic (see :func:`split_proclitic`).

Every feature is a function of *one* token (and the gazetteer mark of its position) seen at a
relative offset −2 … +2. That makes the emission score of a position a sum of five per-(token,
offset) vectors, which the fast tagger (``crf.py``) caches per distinct token: the cost of an
article is then a few dictionary look-ups per token plus a Viterbi pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress, count, repeat
from typing import NamedTuple

from marsad.enrich.entities import lexicon as lx
from marsad.text.normalize import normalize

#: a token: a run of letters/digits (any script) with tashkeel (U+064B–U+065F, U+0670,
#: U+06D6–U+06ED) inside it, or one other visible character
TOKEN_RE = re.compile(
    r"[^\W_](?:[^\W_]|[\u064b-\u065f\u0670\u06d6-\u06ed])*(?:[.,][0-9]+)*|[^\w\s]", re.UNICODE)

#: the same tokens when the text holds no ``_`` (``\w`` then never meets one): a single
#: character class in the loop instead of an alternation, a quarter faster
_TOKEN_FAST_RE = re.compile(
    r"[^\W_][\w\u064b-\u065f\u0670\u06d6-\u06ed]*(?:[.,][0-9]+)*|[^\w\s]", re.UNICODE)

_SPLIT_RE = re.compile("(" + TOKEN_RE.pattern + ")", re.UNICODE)
_SPLIT_FAST_RE = re.compile("(" + _TOKEN_FAST_RE.pattern + ")", re.UNICODE)

#: sentence ends: . ! ? ؟ (U+061F) and line breaks
_SENT_END = frozenset({".", "!", "?", "\u061f", "\n"})

OFFSETS = (-2, -1, 0, 1, 2)


class Token(NamedTuple):
    """A token: offsets into the text, the surface form and its normalized form."""

    start: int
    end: int
    text: str
    norm: str


_norm = lru_cache(maxsize=300_000)(normalize)


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` with their offsets (into ``text``) and normalized form.

    Between two tokens there is only whitespace or ``_`` (every other character is a token), so
    each token's offset is the first occurrence of its text after the previous token."""
    out = []
    pos = 0
    find = text.find
    new = tuple.__new__
    norm = _norm
    for w in (TOKEN_RE if "_" in text else _TOKEN_FAST_RE).findall(text):
        s = find(w, pos)
        pos = s + len(w)
        out.append(new(Token, (s, pos, w, norm(w))))
    return out


class TokenList(Sequence[Token]):
    """The tokens of a text as four parallel lists (offsets, surface, normalized form): an
    article's hundreds of tokens are not built as objects until one is asked for (a
    :class:`Token`, made on access). Read-only."""

    __slots__ = ("starts", "ends", "texts", "norms")

    def __init__(self, starts: list[int], ends: list[int], texts: list[str], norms: list[str]) -> None:
        self.starts, self.ends, self.texts, self.norms = starts, ends, texts, norms

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i):  # type: ignore[no-untyped-def, override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.texts)))]
        return tuple.__new__(Token, (self.starts[i], self.ends[i], self.texts[i], self.norms[i]))

    def __iter__(self):  # type: ignore[no-untyped-def, override]
        return map(tuple.__new__, repeat(Token), zip(self.starts, self.ends, self.texts, self.norms, strict=True))


def token_list(text: str) -> TokenList:
    """:func:`tokenize` as a :class:`TokenList` (the same tokens). One ``split`` keeps the gaps
    between tokens, and a running sum of the pieces' lengths gives every offset (all in C)."""
    parts = (_SPLIT_RE if "_" in text else _SPLIT_FAST_RE).split(text)
    acc = list(accumulate(map(len, parts)))  # parts alternate: gap, token, gap, …, gap
    words = parts[1::2]
    return TokenList(acc[0::2][:-1], acc[1::2], words, _norms(words))


_NORMS: dict[str, str] = {}  # token → normalize(token): a pure function, bounded


def _norms(words: list[str]) -> list[str]:
    """``normalize`` of every token through a plain dict (a hit is one C-level look-up; most
    tokens of an article have been seen before). The new ones are normalized together: one
    ``normalize`` of them joined by line breaks (it folds character by character, and no token
    holds or becomes a line break)."""
    try:
        return list(map(_NORMS.__getitem__, words))
    except KeyError:
        if len(_NORMS) > 300_000:
            _NORMS.clear()
        new = [w for w in dict.fromkeys(words) if w not in _NORMS]
        _NORMS.update(zip(new, normalize("\n".join(new)).split("\n"), strict=True))
        return list(map(_NORMS.__getitem__, words))


def sentences(text: str, toks: Sequence[Token]) -> list[tuple[int, int]]:
    """Token index ranges ``[a, b)`` of the sentences: split at . ! ? ؟ and at line breaks."""
    n = len(toks)
    texts = toks.texts if isinstance(toks, TokenList) else [t.text for t in toks]
    ends = list(compress(count(), map(_SENT_END.__contains__, texts)))
    nl = text.find("\n")
    if nl != -1:
        from bisect import bisect_left

        starts = toks.starts if isinstance(toks, TokenList) else [t.start for t in toks]
        while nl != -1:
            i = bisect_left(starts, nl) - 1  # the token before the line break
            if 0 <= i < n - 1:
                ends.append(i)
            nl = text.find("\n", nl + 1)
        ends = sorted(set(ends))
    out = []
    a = 0
    for i in ends:
        if i + 1 > a:
            out.append((a, i + 1))
            a = i + 1
    if a < n:
        out.append((a, n))
    return out


# --- clitics ----------------------------------------------------------------------------------


#: each proclitic group followed by the article (وال، بال، …), in :data:`lexicon.PROCLITICS` order
_PRO_AL = tuple(p + "ال" for p in lx.PROCLITICS)


@lru_cache(maxsize=300_000)
def strip_proclitic(n: str) -> tuple[str, str]:
    """``(proclitic, core)`` of a normalized word, by a fixed preference:

    1. a proclitic group before the article: وال، بال، فبال، وبال، كال … (longest first), and لل
       (ل + ال with the alef dropped: للكرملين → ل + الكرملين);
    2. else the conjunction و or ف alone (وكازاخستان → و + كازاخستان, not وك + ازاخستان);
    3. else a preposition ب ل ك before five letters or more (بروسيا → ب + روسيا).

    The core keeps at least three letters. Names that begin with these letters (بوتين، لبنان،
    كازاخستان) get a wrong core from rule 3 only when long; lookups try every split anyway
    (:func:`proclitic_splits`).
    """
    if len(n) >= 5 and n.startswith("لل"):
        return "ل", "ا" + n[1:]
    if n.startswith(_PRO_AL):  # some proclitic + ال (one C-level test; most words have none)
        for p, pal in zip(lx.PROCLITICS, _PRO_AL, strict=True):
            if n.startswith(pal) and len(n) - len(p) >= 4:
                return p, n[len(p) :]
    if n[:1] in ("و", "ف") and len(n) >= 4:
        return n[0], n[1:]
    if n[:1] in ("ب", "ل", "ك") and len(n) >= 6:
        return n[0], n[1:]
    return "", n


#: the proclitic groups' lengths, longest first (:data:`lexicon.PROCLITICS` is in that order;
#: at most one group of each length starts a word)
_PRO_LENS = tuple(sorted({len(p) for p in lx.PROCLITICS}, reverse=True))
_PRO_SET = frozenset(lx.PROCLITICS)


@lru_cache(maxsize=300_000)
def proclitic_splits(n: str) -> tuple[tuple[str, str], ...]:
    """Every ``(proclitic, core)`` reading of a normalized word, the whole word first, longer
    proclitics before shorter (cached: a pure function of the word)."""
    if not n.startswith(lx.PROCLITICS):
        return (("", n),)
    out = [("", n)]
    if len(n) >= 5 and n.startswith("لل"):
        out.append(("ل", "ا" + n[1:]))
        out.append(("ل", n[1:]))
    for k in _PRO_LENS:
        if len(n) - k >= 3 and n[:k] in _PRO_SET:
            out.append((n[:k], n[k:]))
    return tuple(out)


def strip_article(n: str) -> str:
    """The word without the article ال (U+0627 U+0644) when three letters or more remain."""
    if n.startswith("ال") and len(n) >= 5:
        return n[2:]
    return n


def split_proclitic(surface: str, *, known: Iterable[str] = (), norm: str | None = None) -> int:
    """How many leading characters of a name token are a proclitic to leave out of the span.

    A proclitic is split off when what remains is a name we know (``known``, normalized) or
    starts with the article (والرئيس → الرئيس, بالكرملين → الكرملين), and the whole token is not
    itself a known name (واشنطن, فرنسا, بريطانيا, لبنان stay whole).
    """
    n = norm if norm is not None else normalize(surface)
    known_set = known if isinstance(known, (set, frozenset, dict)) else set(known)
    if n in known_set or strip_article(n) in known_set:
        return 0
    if n.startswith("لل") and len(n) >= 5:
        return 1
    for p, rest in proclitic_splits(n)[1:]:
        if rest.startswith("ال") or rest in known_set or strip_article(rest) in known_set:
            return _orig_prefix_len(surface, len(p))
    return 0


def _orig_prefix_len(surface: str, k: int) -> int:
    """Original characters covering the first ``k`` normalized letters (skips tashkeel)."""
    seen = 0
    for i, ch in enumerate(surface):
        if normalize(ch):
            seen += 1
            if seen == k:
                return i + 1
    return k


# --- word attributes --------------------------------------------------------------------------


def case_mark(surface: str) -> str:
    """``U`` for an all-capitals Latin token (CNN), ``C`` for a capitalised one (Apple), else ``""``
    (normalization lower-cases Latin letters, so the case travels in the token's mark)."""
    if not surface[:1].isascii() or not surface[:1].isalpha():
        return ""
    if len(surface) > 1 and surface.isupper():
        return "U"
    return "C" if surface[:1].isupper() else ""


def keys(surfaces: Sequence[str], norms: Sequence[str], marks: Sequence[str]) -> list[tuple[str, str]]:
    """The tagger's token keys: normalized form and gazetteer mark (+ Latin case)."""
    return [(n, m + case_mark(s) if s[:1].isascii() else m)
            for s, n, m in zip(surfaces, norms, marks, strict=True)]


_LATIN_LETTER = re.compile("[A-Za-z]")


def fast_keys(surfaces: Sequence[str], norms: Sequence[str], marks: Sequence[str]) -> list[tuple[str, str] | str]:
    """:func:`keys` for the decoder's cache: the bare normalized token where the key has no
    mark (most tokens), else the ``(token, mark)`` pair."""
    if len(norms) != len(marks):
        raise ValueError("norms and marks differ in length")
    out: list[tuple[str, str] | str] = list(norms)
    for i in compress(count(), marks):  # the few marked tokens
        out[i] = (norms[i], marks[i])
    if not _LATIN_LETTER.search(" ".join(surfaces)):
        return out  # no Latin letter: no case marks
    for i in [i for i, s in enumerate(surfaces) if s[:1].isascii()]:
        m = marks[i] + case_mark(surfaces[i])
        out[i] = (norms[i], m) if m else norms[i]
    return out


_ARABIC_ONLY = re.compile("[\u0600-\u06ff]*")


def _shape(t: str) -> str:
    if t.isdigit():
        return "D"
    if _ARABIC_ONLY.fullmatch(t):
        return "A"
    if t.isascii() and t.isalpha():
        return "L"
    if len(t) == 1 and not t.isalnum():
        return "P"
    return "M"


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Single-word lexicon look-ups used as features (all normalized)."""

    words: dict[str, str]  # word → flags, e.g. "CT" (country, city)
    clusters: dict[str, tuple[str, ...]]  # word → cluster ids at several granularities
    names: dict[str, str] = field(default_factory=dict)  # word → its usual tag in training data


#: values that take few forms, made once
_BOOL = ("False", "True")
_DIGITS = tuple(str(i) for i in range(9))

#: document features of a token (stage 2): its own stage-1 type, the majority stage-1 type of
#: its core's occurrences in the document, and an entity type some other occurrence has
Doc = tuple[str | None, str | None, str | None]

#: slots of :func:`attr_slots`: ``(template, one value per key or None)``
Slots = list[tuple[str, Sequence[str | None]]]


_NO_AFFIX = (None,) * 7
_NO_DOC = (None,) * 3


def _columns(rows: Sequence[Sequence[str]], width: int) -> list[tuple[str | None, ...]]:
    """The first ``width`` columns of rows of different lengths (``None`` past a row's end):
    a transposition in C (``zip``), not a comprehension per column."""
    if not width:
        return []
    pad = (None,) * width
    return list(zip(*[r if len(r) == width else (*r, *pad[len(r):]) for r in rows], strict=True))


def word_attrs(n: str, mark: str, lex: Lexicons, doc: Doc | None = None) -> tuple[list[str], list[str], list[str]]:
    """Attributes of one normalized token: (centre, near ±1, far ±2); each attribute is
    ``template=value`` (``w=روسيا``, ``s2=يا``, ``k0=31`` …), made from :func:`attr_slots`
    (``doc``: its document features, stage 2)."""
    slots, groups = attr_slots([(n, mark) if doc is None else (n, mark, doc)], lex)
    made = [None if v is None else t + "=" + v for t, (v,) in slots]
    centre, near, far = ([a for a in map(made.__getitem__, g) if a is not None] for g in groups)
    return centre, near, far


def attr_slots(keys: Sequence[tuple[str, str] | tuple[str, str, Doc] | str], lex: Lexicons) -> tuple[Slots, tuple[list[int], ...]]:
    """The attributes of many token keys at once (``(normalized token, mark)``, or the token
    alone when it has no mark), by slot: ``slots`` is a list of ``(template, values)`` with one
    value per key (``None``: the key has no attribute in that slot), and the three groups
    (centre, near ±1, far ±2) list the slots of their attributes in order. A key's attributes
    in a group are the non-``None`` values of the group's slots, in that order.

    Everything is computed a slot at a time over all the keys (list comprehensions, not a
    function call per attribute): the decoder looks each slot's values up in the model's
    per-template table (:meth:`crf.Decoder._blocks`) without building attribute strings."""
    ns = [k if type(k) is str else k[0] for k in keys]
    marks = [("" if type(k) is str else k[1]) or None for k in keys]
    splits = list(map(strip_proclitic, ns))
    ps = [p for p, _c in splits]
    cores = [c for _p, c in splits]
    noals = [c[2:] if c.startswith("ال") and len(c) >= 5 else c for c in cores]  # strip_article
    shapes = list(map(_shape, ns))
    words, cls, names = lex.words, lex.clusters, lex.names
    fls = [words.get(n) or words.get(c) or words.get(a) or "" for n, c, a in zip(ns, cores, noals, strict=True)]
    cl = [cls.get(n) or cls.get(c) or cls.get(a) or () for n, c, a in zip(ns, cores, noals, strict=True)]
    qs = [() if a == n else cls.get(a) or cls.get(c) or ()  # the bare word's clusters: وروسيا → روسيا
          for n, c, a in zip(ns, cores, noals, strict=True)]
    affixes = [(a[-1:], a[-2:], a[-3:], a[-4:], a[:2], a[:3], n[-2:]) if s == "A" else _NO_AFFIX
               for n, a, s in zip(ns, noals, shapes, strict=True)]
    slots: Slots = [
        ("w", ns), ("c", noals), ("s", shapes), ("p", ps),
        ("al", [_BOOL[c != a] for c, a in zip(cores, noals, strict=True)]),
        ("L", [_DIGITS[len(a) if len(a) < 8 else 8] for a in noals]),
        *zip(("s1", "s2", "s3", "s4", "b2", "b3", "ws2"), zip(*affixes, strict=True), strict=False),  # no keys: none
    ]
    g = list(range(len(slots), len(slots) + max(map(len, fls), default=0)))
    slots += zip(repeat("g"), _columns(fls, len(g)))
    m = len(slots)
    slots.append(("m", marks))
    slots.append(("case", [k[-1] if k and k.endswith(("U", "C")) else None for k in marks]))
    kw, qw = max(map(len, cl), default=0), max(map(len, qs), default=0)
    slots += zip((f"k{i}" for i in range(kw)), _columns(cl, kw), strict=True)
    slots += zip((f"q{i}" for i in range(qw)), _columns(qs, qw), strict=True)
    doc: list[int] = []
    if any(type(k) is not str and len(k) > 2 for k in keys):  # document features (stage 2)
        ds = [k[2] if type(k) is not str and len(k) > 2 and k[2] else _NO_DOC for k in keys]
        doc = list(range(len(slots), len(slots) + 3))
        slots += zip(("y", "dm", "da"), zip(*ds, strict=True), strict=True)
    nm = len(slots)
    slots.append(("n", [names.get(n) or names.get(a) or None for n, a in zip(ns, noals, strict=True)]))
    slots.append(("k1", [c[1 if len(c) > 1 else 0] if c else None for c in cl]))  # near's cluster
    centre = list(range(nm + 1))
    near = [0, 1, 2, nm, *g, m, nm + 1, *doc[:2]]
    far = [1, *g[:1], m]
    return slots, (centre, near, far)


#: the attribute groups by offset: 0 → centre, ±1 → near, ±2 → far
_GROUP = {-2: 2, -1: 1, 0: 0, 1: 1, 2: 2}


def name_lexicon(sents: Iterable[Sequence[tuple[str, str]]], *, min_ratio: float = 0.5) -> dict[str, str]:
    """``word → usual tag`` (``PERS-B``, ``LOC-I`` …) of words tagged as entities in training
    sentences at least ``min_ratio`` of the times they occur (normalized, and without ال)."""
    from collections import Counter

    tagged: dict[str, Counter[str]] = {}
    for s in sents:
        for w, t in s:
            n = normalize(w)
            for k in {n, strip_article(strip_proclitic(n)[1])}:
                c = tagged.setdefault(k, Counter())
                c[t if t == "O" else t[2:] + "-" + t[0]] += 1
    out = {}
    for w, c in tagged.items():
        tot = sum(c.values())
        best, times = max(((t, v) for t, v in c.items() if t != "O"), key=lambda x: x[1], default=("", 0))
        if best and times / tot >= min_ratio:
            out[w] = best
    return out


def sequence_features(norms: Sequence[str], marks: Sequence[str], lex: Lexicons,
                      docs: Sequence[Doc | None] | None = None) -> list[list[str]]:
    """crfsuite item features for a sentence (used for training; the fast tagger sums the same
    attributes' weights per (token, offset)). ``marks`` are the key marks of :func:`keys`;
    ``docs`` the document features of :func:`doc_features` (stage 2)."""
    cache: dict[tuple[str, str, Doc | None], tuple[list[str], list[str], list[str]]] = {}
    attrs = []
    for i, (n, m) in enumerate(zip(norms, marks, strict=True)):
        k = (n, m, None if docs is None else docs[i])
        if k not in cache:
            cache[k] = word_attrs(n, m, lex, k[2])
        attrs.append(cache[k])
    out = []
    L = len(norms)
    for i in range(L):
        feats: list[str] = []
        for o in OFFSETS:
            j = i + o
            if j < 0:
                feats.append(f"{o}:BOS")
                continue
            if j >= L:
                feats.append(f"{o}:EOS")
                continue
            feats.extend(f"{o}:{a}" for a in attrs[j][_GROUP[o]])
        out.append(feats)
    return out


#: sentences either side that make a token's document where no article bounds are known
#: (ANERcorp's CoNLL files): about an article of news
DOC_WINDOW = 10


def doc_features(norms: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
                 window: int | None = DOC_WINDOW) -> list[list[Doc]]:
    """Document features of every token from stage-1 tags (Krishnan and Manning 2006): a word
    tagged a person once is likely one wherever it recurs. Per token ``(own, majority, other)``:
    its own stage-1 type (``O`` or PERS/LOC/ORG/MISC); for a word whose core (without its
    proclitic) occurs twice or more in the document, the commonest type of those occurrences,
    and the commonest entity type among them when that differs (else ``None``). The document is
    the sentences within ``window`` of the token's (all of them when ``None``)."""
    from bisect import bisect_left, bisect_right
    from collections import Counter

    types = [[t[2:] if len(t) > 2 else "O" for t in ts] for ts in tags]
    cores = [[strip_proclitic(n)[1] if len(n) > 1 and n[0].isalpha() else None for n in ns] for ns in norms]
    occ: dict[str, tuple[list[int], list[str]]] = {}
    for k, (cs, ts) in enumerate(zip(cores, types, strict=True)):
        for c, t in zip(cs, ts, strict=True):
            if c is not None:
                e = occ.setdefault(c, ([], []))
                e[0].append(k)
                e[1].append(t)
    memo: dict[tuple[str, int, int], tuple[str | None, str | None]] = {}
    out = []
    for k, (cs, ts) in enumerate(zip(cores, types, strict=True)):
        row: list[Doc] = []
        for c, t in zip(cs, ts, strict=True):
            if c is None:
                row.append((t, None, None))
                continue
            at, ty = occ[c]
            lo, hi = (0, len(at)) if window is None else (bisect_left(at, k - window), bisect_right(at, k + window))
            if hi - lo < 2:
                row.append((t, None, None))
                continue
            got = memo.get((c, lo, hi))
            if got is None:
                cnt = Counter(ty[lo:hi])
                major = max(cnt.items(), key=lambda x: (x[1], x[0] != "O", x[0]))[0]
                ents = [(v, x) for x, v in cnt.items() if x != "O" and x != major]
                got = memo[c, lo, hi] = (major, max(ents)[1] if ents else None)
            row.append((t, *got))
        out.append(row)
    return out


def chunk(ranges: Sequence[tuple[int, int]], toks: Sequence[Token], *, limit: int = 48) -> list[tuple[int, int]]:
    """Split sentences longer than ``limit`` tokens at their last comma (، or ,) before the
    limit, else at the limit: decoding costs one step per token of the longest piece, and the
    tagger's features reach only two tokens either side."""
    out: list[tuple[int, int]] = []
    texts = toks.texts if isinstance(toks, TokenList) else [t.text for t in toks]
    for a, b in ranges:
        while b - a > limit:
            cut = next((k + 1 for k in range(a + limit - 1, a + limit // 2, -1)
                        if texts[k] in ("\u060c", ",")), a + limit)
            out.append((a, cut))
            a = cut
        out.append((a, b))
    return out
