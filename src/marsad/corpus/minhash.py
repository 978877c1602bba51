"""Vectorised shingling and MinHash for Arabic news, a whole batch of texts at a time.

Shingles
    Word n-grams (``ngram`` words, 3 by default) over the :func:`marsad.text.normalize.normalize`
    view of the text: tashkeel and tatweel dropped, alef/hamza forms, ى/ي, ة/ه folded, Eastern and
    Persian digits made Western, Latin lower-cased, presentation forms unfolded (lam-alef
    ligatures become two letters). A word is a maximal run of letters or digits.
    Why words and why three: an Arabic word already carries its clitics (و، ف، ب، ل، ال and the
    pronoun suffixes), so it holds about as much as two English words; three-word shingles are
    specific enough that two unrelated articles share few of them, and short enough that a
    reprint whose editor changed one word in a sentence keeps most of that sentence's shingles.
    Character shingles would also match the formulaic phrases every Saudi paper repeats
    (``خادم الحرمين الشريفين``), which inflates the similarity of unrelated wire items.

Hashing, once per shingle
    The text of a whole batch is joined and read as a numpy array of code points
    (UTF-32). Folding is a table lookup (the same per-character rules as ``normalize``, built
    from it), a word's hash is a polynomial hash of its code points computed from one prefix
    sum, and a shingle's hash mixes its words' hashes and goes through the 64-bit murmur3
    finaliser (``fmix64``). No Python code runs per word or per shingle. The slow, obvious
    reference (:func:`shingle_hashes_reference`) gives the same numbers and the tests hold the
    two together. Texts holding Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFC; the
    lam-alef ligatures expand to two letters) are folded by ``normalize`` first.

MinHash
    ``num_perm`` permutations ``h_i(x) = (a_i·x + b_i) mod 2^32`` of the shingle hash's high 32
    bits, with odd ``a_i`` (a bijection of 32-bit words) from a fixed seed. They run vectorised
    over every shingle of the batch at once, and ``np.minimum.reduceat`` takes each document's
    minimum. For two shingle sets with Jaccard similarity J, each signature position agrees
    with probability ≈ J, so the share of equal positions estimates J with standard error
    ``sqrt(J(1-J)/num_perm)`` (0.044 at J = 0.5 with 128 permutations).

The signature is stored as bytes (:func:`pack`): a version byte, the number of distinct
shingles (so that containment can be estimated as well as Jaccard), then ``num_perm`` uint32.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from marsad.errors import ConfigError
from marsad.text.normalize import normalize

_M64 = (1 << 64) - 1
_BASE = 0x100000001B3  # the FNV-1a 64-bit prime, odd: invertible mod 2^64
_BASE_INV = pow(_BASE, -1, 1 << 64)
#: odd multipliers that combine the words of a shingle (position-dependent)
_MIX = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
        0xA0761D6478BD642F, 0xE7037ED1A0B428DB, 0x8EBC6AF09C88C6E3)
_VERSION = 1


@dataclass(frozen=True, slots=True)
class MinHashParams:
    """Shingle and MinHash parameters; a signature is only comparable with one of equal params."""

    num_perm: int = 128
    ngram: int = 3
    seed: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.ngram <= len(_MIX):
            raise ConfigError(f"ngram must be between 1 and {len(_MIX)}, not {self.ngram}")
        if not 1 <= self.num_perm <= 1024:
            raise ConfigError(f"num_perm must be between 1 and 1024, not {self.num_perm}")


# --- folding tables (built once from normalize(), constant) ---------------------------------


@cache
def _tables() -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[int, np.ndarray]]:
    """Folding tables built from ``normalize`` one character at a time (constant data).

    ``fold[cp]`` is the folded code point (0 = dropped), ``alnum[cp]`` marks word characters,
    ``width[cp]`` is how many characters ``cp`` folds to, and ``expand`` holds the folded code
    points of the few that fold to more than one (presentation-form ligatures such as lam-alef
    U+FEFB → ل U+0644 + ا U+0627).
    """
    fold = np.zeros(65536, dtype=np.uint32)
    width = np.ones(65536, dtype=np.int64)
    expand: dict[int, np.ndarray] = {}
    for cp in range(65536):
        if 0xD800 <= cp <= 0xDFFF:
            fold[cp] = 0x20
            continue
        f = normalize(chr(cp))
        if len(f) == 0:
            fold[cp] = 0
            width[cp] = 0
        else:
            fold[cp] = ord(f[0])
            if len(f) > 1:
                width[cp] = len(f)
                expand[cp] = np.array([ord(c) for c in f], dtype=np.uint32)
    fold[0] = 0x20  # NUL separates, it is never dropped silently
    width[0] = 1
    alnum = np.array([chr(cp).isalnum() for cp in range(65536)], dtype=bool)
    alnum[0x5F] = False
    return fold, alnum, width, expand


def fmix64(h: np.ndarray) -> np.ndarray:
    """murmur3's 64-bit finaliser, vectorised (uint64 in, uint64 out; wrapping arithmetic)."""
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


def _fmix64_int(h: int) -> int:
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & _M64
    h ^= h >> 33
    h = (h * 0xC4CEB9FE1A85EC53) & _M64
    return h ^ (h >> 33)


#: the table of :func:`_powers`, grown when a longer batch needs it (constant data)
_POWERS: list[tuple[np.ndarray, np.ndarray]] = []


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """BASE^i and BASE^-i mod 2^64 for i < n at least (n rounded up to a power of two by the
    caller): one table, kept and grown when a batch needs more, each half from the one before
    it (``p[m + i] = p[m] * p[i]``: the same numbers as a running product, a few vector
    multiplications instead of one pass per entry)."""
    if _POWERS and len(_POWERS[0][0]) >= n:
        return _POWERS[0]
    out = []
    for base in (_BASE, _BASE_INV):
        p = np.empty(n, dtype=np.uint64)
        p[0] = 1
        m = 1
        with np.errstate(over="ignore"):
            while m < n:
                k = min(m, n - m)
                np.multiply(p[:k], np.uint64(pow(base, m, 1 << 64)), out=p[m : m + k])
                m += k
        out.append(p)
    _POWERS[:] = [(out[0], out[1])]
    return _POWERS[0]


def _folded(cps: np.ndarray, bounds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Fold code points (BMP, ``<= 0xFFFF``) and map the text ``bounds`` (exclusive ends) to the
    folded array (:func:`_placed`)."""
    return _placed(_tables()[0][cps], _widths()[cps], cps, bounds)


def _placed(f: np.ndarray, w: np.ndarray, cps: np.ndarray, bounds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The folds ``f`` of code points ``cps`` (BMP) put in place by their widths ``w``, and the
    text ``bounds`` (exclusive ends) mapped to the result: the characters ``normalize`` drops
    (width 0: tashkeel, tatweel, format characters) removed, the few that fold to several
    (ligatures) expanded.

    Dropping is the common case (a vocalised word, a tatweel): a boolean mask, the bounds moved
    back by the characters dropped before them. The characters that expand are few (about one
    batch of 2,000 texts in three holds none) and are expanded where they stand, their extra
    characters inserted after them (``np.insert``), the bounds moved on by the extra characters
    before them: the same arrays as repeating every character by its width, which took a pass
    over the whole batch per distinct ligature."""
    big = np.flatnonzero(w > 1)
    if not len(big) and w.all():
        return f, bounds
    b = np.minimum(bounds, len(cps))
    gone = np.flatnonzero(w == 0)
    if len(gone):
        bounds = b - np.searchsorted(gone, b, side="left")
        f = f[w != 0]
    else:
        bounds = b
    if len(big):
        expand = _tables()[3]
        exps = [expand[cp] for cp in cps[big].tolist()]
        at = big - np.searchsorted(gone, big, side="left")  # where each stands once the dropped are gone
        f[at] = [e[0] for e in exps]
        extra = w[big].astype(np.int64) - 1
        f = np.insert(f, np.repeat(at + 1, extra), np.concatenate([e[1:] for e in exps]))
        bounds = bounds + np.concatenate((np.zeros(1, dtype=np.int64), np.cumsum(extra)))[
            np.searchsorted(big, b, side="left")]
    return f, bounds


@cache
def _widths() -> np.ndarray:
    """``width`` of :func:`_tables` as uint8 (a smaller gather, the same numbers)."""
    width = _tables()[2]
    if width.max() > 255:  # pragma: no cover - no code point folds to so many
        raise ValueError("a code point folds to more than 255 characters")
    return width.astype(np.uint8)


def _word_hashes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Hash every word of every text: ``(hashes uint64, doc index int64)``, in text order."""
    h, doc, _ends, _at = _words(texts, np.zeros(0, dtype=np.int64))
    return h, doc


def _words(texts: Sequence[str], marks: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Hash every word of every text: ``(hashes uint64, doc index int64, ends, marks)`` in text
    order, with each word's end (exclusive) and the code point positions ``marks`` of the
    texts joined by a newline placed in the folded text (what :func:`_placed` does to bounds)."""
    alnum = _tables()[1]
    cps = np.frombuffer("\n".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    cps = np.minimum(cps, 0xFFFF)  # beyond the BMP: U+FFFF, a noncharacter, i.e. a separator
    # where each text ends (exclusive) in code point coordinates
    bounds = np.cumsum(np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts)))
    f, placed = _folded(cps, np.concatenate((bounds, marks)))
    bounds, marks = placed[: len(texts)], placed[len(texts) :]
    n = len(f)
    # word starts and ends: where the word-character flag flips (outside the text: no word)
    a = alnum[f]
    edge = np.empty(n + 1, dtype=bool)
    if n:
        edge[0], edge[n] = a[0], a[-1]
        np.not_equal(a[1:], a[:-1], out=edge[1:n])
    else:
        edge[0] = False
    flips = np.flatnonzero(edge)
    starts, ends = flips[0::2], flips[1::2]
    if len(starts) == 0:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), marks
    pw, pinv = _powers(max(1 << 22, 1 << int(n).bit_length()))
    with np.errstate(over="ignore"):
        prefix = np.empty(n + 1, dtype=np.uint64)
        prefix[0] = 0
        np.multiply(f, pw[:n], out=prefix[1:])  # uint32 × uint64 in uint64, no copy of f
        np.cumsum(prefix[1:], out=prefix[1:])
        h = (prefix[ends] - prefix[starts]) * pinv[starts]
        h = fmix64(h ^ (ends - starts).astype(np.uint64))
    return h, np.searchsorted(bounds, starts, side="right"), ends, marks


def word_hashes(texts: Sequence[str], *, limit: int | None = None) -> list[np.ndarray]:
    """64-bit hashes of the words of each text in order (its first ``limit`` words when given):
    the same word hashes the shingles are built from, for a whole batch in one pass."""
    if not texts:
        return []
    h, doc = _word_hashes(texts)
    cuts = np.searchsorted(doc, np.arange(len(texts) + 1))
    if limit is None:
        return [h[cuts[i] : cuts[i + 1]] for i in range(len(texts))]
    return [h[cuts[i] : min(cuts[i + 1], cuts[i] + limit)] for i in range(len(texts))]


def fold_many(texts: Sequence[str]) -> list[str]:
    """:func:`marsad.text.normalize.normalize` of many texts in one vectorised pass.

    The same per-character folding tables as the shingler (code points beyond the BMP are
    kept as they are). Texts holding U+0001, which joins them here, are folded one by one.
    """
    if any("\x01" in t for t in texts):
        return [normalize(t) for t in texts]
    cps = np.frombuffer("\x01".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    big = cps > 0xFFFF
    low = np.minimum(cps, 0xFFFF)
    f = _tables()[0][low]
    f[big] = cps[big]
    w = _widths()[low]
    w[big] = 1  # (U+FFFF, where they stand in ``low``, is no ligature)
    f[cps == 0] = 0  # NUL stays NUL (normalize keeps it)
    w[cps == 0] = 1
    f, _ = _placed(f, w, low, np.zeros(0, dtype=np.int64))
    return f.astype("<u4").tobytes().decode("utf-32-le", "surrogatepass").split("\x01")


def shingle_hashes(texts: Sequence[str], *, ngram: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """64-bit hashes of every word n-gram of every text, and the offsets of each text's run.

    Returns ``(hashes, offsets)`` with ``hashes[offsets[i]:offsets[i+1]]`` the shingles of
    ``texts[i]`` in order (duplicates kept). A text with fewer than ``ngram`` words but at least
    one gets one shingle: all its words.
    """
    words, doc = _word_hashes(texts)
    return _shingles(words, doc, len(texts), ngram)


def shingle_and_lead_hashes(texts: Sequence[str], *, ngram: int, lead_chars: int,
                            lead_words: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """:func:`shingle_hashes` of the texts and, from the same words, each text's lead: the word
    hashes :func:`word_hashes` gives its first ``lead_chars`` characters, ``lead_words`` at most.

    Returns ``(hashes, offsets, lead hashes, lead offsets, whole)``. A lead is read from the
    whole text's words where the prefix cuts none of them: where its first ``lead_words``
    words all end inside the prefix, or the text is no longer than it (``whole``); elsewhere
    (the prefix cuts a word, or ends before ``lead_words`` words) the lead given is ``whole``
    False and holds the words that end inside the prefix only.
    """
    lens = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    first_cp = np.concatenate((np.zeros(1, dtype=np.int64), np.cumsum(lens + 1)[:-1]))
    words, doc, ends, cut = _words(texts, first_cp + np.minimum(lens, lead_chars))
    sh, off = _shingles(words, doc, len(texts), ngram)
    first = np.searchsorted(doc, np.arange(len(texts)))  # each text's first word
    rank = np.arange(len(doc)) - first[doc]
    sel = (rank < lead_words) & (ends <= cut[doc])
    lead_off = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(np.bincount(doc[sel], minlength=len(texts)), out=lead_off[1:])
    whole = (np.diff(lead_off) == lead_words) | (lens <= lead_chars)
    return sh, off, words[sel], lead_off, whole


def _shingles(words: np.ndarray, doc: np.ndarray, n_docs: int, ngram: int) -> tuple[np.ndarray, np.ndarray]:
    """The shingles of :func:`shingle_hashes` from the texts' word hashes and their doc index."""
    if len(words) == 0:
        return np.zeros(0, dtype=np.uint64), np.zeros(n_docs + 1, dtype=np.int64)
    with np.errstate(over="ignore"):
        if ngram == 1:
            sh = fmix64(words * np.uint64(_MIX[0]))
            sh_doc = doc
        else:
            m = max(len(words) - ngram + 1, 0)
            acc = words[:m] * np.uint64(_MIX[0])
            for k in range(1, ngram):
                acc = acc + words[k : k + m] * np.uint64(_MIX[k])
            valid = doc[:m] == doc[ngram - 1 : ngram - 1 + m]
            sh = fmix64(acc[valid])
            sh_doc = doc[:m][valid]
            # texts shorter than ngram words: one shingle of all their words
            counts = np.bincount(doc, minlength=n_docs)
            short = np.flatnonzero((counts > 0) & (counts < ngram))
            if len(short):
                extra_h, extra_d = [], []
                first = np.searchsorted(doc, short)
                for d, s in zip(short.tolist(), first.tolist(), strict=True):
                    acc1 = np.uint64(0)
                    for k in range(int(counts[d])):
                        acc1 = acc1 + words[s + k] * np.uint64(_MIX[k])
                    extra_h.append(acc1)
                    extra_d.append(d)
                sh = np.concatenate((sh, fmix64(np.array(extra_h, dtype=np.uint64))))
                sh_doc = np.concatenate((sh_doc, np.array(extra_d, dtype=np.int64)))
                order = np.argsort(sh_doc, kind="stable")
                sh, sh_doc = sh[order], sh_doc[order]
    offsets = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(np.bincount(sh_doc, minlength=n_docs), out=offsets[1:])
    return sh, offsets


def shingle_hashes_reference(text: str, *, ngram: int = 3) -> list[int]:
    """The same shingle hashes as :func:`shingle_hashes`, one word at a time (for tests)."""
    norm = normalize(text)
    words: list[int] = []
    buf: list[int] = []

    def flush() -> None:
        if buf:
            h = 0
            for i, c in enumerate(buf):
                h = (h + c * pow(_BASE, i, 1 << 64)) & _M64
            words.append(_fmix64_int(h ^ len(buf)))
            buf.clear()

    for ch in norm:
        cp = ord(ch)
        if cp <= 0xFFFF and ch.isalnum() and ch != "_":
            buf.append(cp)
        else:
            flush()
    flush()
    if not words:
        return []
    n = ngram if len(words) >= ngram else len(words)
    out = []
    for i in range(len(words) - n + 1):
        acc = 0
        for k in range(n):
            acc = (acc + words[i + k] * _MIX[k]) & _M64
        out.append(_fmix64_int(acc))
    return out


# --- MinHash --------------------------------------------------------------------------------


@cache
def _perm_coefficients(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.Generator(np.random.PCG64(seed))
    a = rng.integers(1, 1 << 32, size=num_perm, dtype=np.uint64).astype(np.uint32) | np.uint32(1)
    b = rng.integers(0, 1 << 32, size=num_perm, dtype=np.uint64).astype(np.uint32)
    return a, b


EMPTY = np.uint32(0xFFFFFFFF)


def minhash_from_hashes(hashes: np.ndarray, offsets: np.ndarray, params: MinHashParams) -> np.ndarray:
    """Signatures ``(n_docs, num_perm)`` uint32 of the shingle runs ``hashes[offsets[i]:offsets[i+1]]``.

    Every permutation is applied to all shingles of the batch in one vectorised step; the
    per-document minimum is one ``reduceat``. A document without shingles gets all ``0xFFFFFFFF``.
    """
    n_docs = len(offsets) - 1
    sig = np.full((n_docs, params.num_perm), EMPTY, dtype=np.uint32)
    if len(hashes) == 0 or n_docs == 0:
        return sig
    x = (hashes >> np.uint64(32)).astype(np.uint32)
    a, b = _perm_coefficients(params.num_perm, params.seed)
    nonempty = np.flatnonzero(offsets[1:] > offsets[:-1])
    starts = offsets[:-1][nonempty]
    buf = np.empty_like(x)
    for i in range(params.num_perm):
        np.multiply(x, a[i], out=buf)
        np.add(buf, b[i], out=buf)
        sig[nonempty, i] = np.minimum.reduceat(buf, starts)
    return sig


def distinct_counts(hashes: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """The number of distinct shingles of each document (for containment estimates).

    Counts distinct ``(document, top 44 bits of the hash)`` keys: a collision inside one document
    needs two of its shingles to agree on 44 bits (chance about n²/2^45).
    """
    n_docs = len(offsets) - 1
    if len(hashes) == 0:
        return np.zeros(n_docs, dtype=np.int64)
    doc = np.repeat(np.arange(n_docs, dtype=np.uint64), np.diff(offsets))
    key = np.sort((doc << np.uint64(44)) | (hashes >> np.uint64(20)))
    new = np.ones(len(key), dtype=bool)
    new[1:] = key[1:] != key[:-1]
    return np.bincount((key[new] >> np.uint64(44)).astype(np.int64), minlength=n_docs)


def signatures(texts: Sequence[str], params: MinHashParams = MinHashParams()) -> tuple[np.ndarray, np.ndarray]:
    """Shingle, hash and MinHash a batch of texts: ``(signatures, distinct shingle counts)``."""
    hashes, offsets = shingle_hashes(texts, ngram=params.ngram)
    return minhash_from_hashes(hashes, offsets, params), distinct_counts(hashes, offsets)


# --- storage --------------------------------------------------------------------------------

_HEADER = struct.Struct("<BBHI")  # version, ngram, num_perm, distinct shingles


def pack(sig: np.ndarray, n_shingles: int, params: MinHashParams) -> bytes:
    """Signature bytes as stored in ``articles.fingerprint``."""
    return _HEADER.pack(_VERSION, params.ngram, params.num_perm, int(n_shingles)) + sig.astype("<u4").tobytes()


def unpack(blob: bytes, params: MinHashParams) -> tuple[np.ndarray, int] | None:
    """``(signature, distinct shingles)`` from stored bytes, or ``None`` when made with other params."""
    if not blob or len(blob) < _HEADER.size:
        return None
    ver, ngram, num_perm, n = _HEADER.unpack_from(blob)
    if ver != _VERSION or ngram != params.ngram or num_perm != params.num_perm:
        return None
    if len(blob) != _HEADER.size + 4 * num_perm:
        return None
    return np.frombuffer(blob, dtype="<u4", offset=_HEADER.size).astype(np.uint32), int(n)


def jaccard_estimate(s1: np.ndarray, s2: np.ndarray) -> float:
    """Share of equal signature positions: an unbiased estimate of the shingle Jaccard."""
    return float(np.mean(s1 == s2))


class MinHashFingerprinter:
    """Pipeline stage ``fingerprint.v1``: the MinHash signature of the clean text.

    Reads ``doc.masked`` (debris, dateline, byline and credit already blanked), writes
    ``article.fingerprint`` (see :func:`pack`). Pure and deterministic.
    """

    name = "fingerprint"
    requires = ("clean",)
    provides = ("fingerprint",)

    def __init__(self, params: MinHashParams | None = None) -> None:
        self.params = params or MinHashParams()

    def run(self, doc: object) -> None:
        art = doc.article  # type: ignore[attr-defined]
        sig, counts = signatures([doc.masked], self.params)  # type: ignore[attr-defined]
        art.fingerprint = pack(sig[0], int(counts[0]), self.params)
