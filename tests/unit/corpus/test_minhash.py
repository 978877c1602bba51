"""MinHash: the vectorised shingler equals the slow reference; estimates track true Jaccard."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.corpus.lsh import LSHParams, band_keys, bucket_pairs
from marsad.corpus.minhash import (
    MinHashParams,
    distinct_counts,
    jaccard_estimate,
    pack,
    shingle_hashes,
    shingle_hashes_reference,
    signatures,
    unpack,
)

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة"
_alphabet = st.sampled_from(list(ARABIC) + [" ", "\n", "،", ".", "\u064e", "\u0640", "\u0663", "7",
                                            "A", "b", "\ufefb", "\u00a0", "_", "\U0001F600"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(_alphabet, max_size=80), min_size=1, max_size=6), st.sampled_from([1, 3, 5]))
def test_vectorised_shingles_equal_reference(texts: list[str], ngram: int) -> None:
    h, off = shingle_hashes(texts, ngram=ngram)
    for i, t in enumerate(texts):
        assert [int(x) for x in h[off[i] : off[i + 1]]] == shingle_hashes_reference(t, ngram=ngram)


#: no ligature: a batch whose folding only drops characters (tashkeel, tatweel), the shingler's
#: masked path (with the ligatures above and below, its expanding path)
_dropping = st.sampled_from(list(ARABIC) + [" ", "\n", "\u064e", "\u0651", "\u0640", "\u200f", "7", "\U0001F600"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(_dropping, max_size=80), min_size=1, max_size=6))
def test_dropped_characters_shingle_as_the_reference(texts: list[str]) -> None:
    h, off = shingle_hashes(texts)
    for i, t in enumerate(texts):
        assert [int(x) for x in h[off[i] : off[i + 1]]] == shingle_hashes_reference(t)


#: ligatures of 2, 3, 4 and 15 letters (U+FEFB, U+FD50, U+FDF2, U+FDFA) beside dropped
#: characters, one text after another: the expanding path places each ligature's letters where it
#: stands and moves the texts' bounds on by them
_expanding = st.sampled_from(list(ARABIC[:8]) + [" ", "\n", "\u064e", "\u0640", "\ufefb", "\ufd50",
                                                 "\ufdf2", "\ufdfa", "\U0001F600"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(_expanding, max_size=40), min_size=1, max_size=8), st.sampled_from([1, 3]))
def test_expanded_ligatures_shingle_as_the_reference(texts: list[str], ngram: int) -> None:
    from marsad.corpus.minhash import fold_many
    from marsad.text.normalize import normalize

    h, off = shingle_hashes(texts, ngram=ngram)
    for i, t in enumerate(texts):
        assert [int(x) for x in h[off[i] : off[i + 1]]] == shingle_hashes_reference(t, ngram=ngram)
    assert fold_many(texts) == [normalize(t) for t in texts]


def test_folding_makes_spelling_variants_equal() -> None:
    a = "أعلنت وزارة الخارجيّة الروسيّة يوم ٢١ مايو أن روسيا وإيران ستنسقان"
    b = "اعلنت وزارة الخارجية الروسية يوم 21 مايو ان روسيا وايران ستنسقان"
    ha, _ = shingle_hashes([a])
    hb, _ = shingle_hashes([b])
    assert list(ha) == list(hb)


def test_lam_alef_ligature_equals_two_letters() -> None:
    ha, _ = shingle_hashes(["قال \ufefb أحد هنا"], ngram=1)
    hb, _ = shingle_hashes(["قال لا أحد هنا"], ngram=1)
    assert list(ha) == list(hb)


def _words(n: int, seed: int) -> list[str]:
    rng = np.random.default_rng(seed)
    return ["".join(rng.choice(list(ARABIC), size=int(rng.integers(3, 8)))) for _ in range(n)]


def test_estimate_tracks_true_jaccard() -> None:
    p = MinHashParams(num_perm=128)
    base = _words(400, 1)
    errs = []
    for keep in (100, 200, 300, 400):
        a = " ".join(base)
        b = " ".join(base[:keep])
        sig, counts = signatures([a, b], p)
        ha, oa = shingle_hashes([a])
        hb, ob = shingle_hashes([b])
        sa, sb = set(ha.tolist()), set(hb.tolist())
        true = len(sa & sb) / len(sa | sb)
        errs.append(abs(jaccard_estimate(sig[0], sig[1]) - true))
        assert counts[0] == len(sa) and counts[1] == len(sb)
    # standard error at 128 permutations is ≤ 0.045; allow about three of them
    assert max(errs) < 0.14
    assert np.mean(errs) < 0.07


def test_signatures_deterministic_and_packed() -> None:
    p = MinHashParams()
    t = "وصل وزير الخارجية إلى الرياض في زيارة رسمية تستغرق يومين"
    s1, c1 = signatures([t], p)
    s2, c2 = signatures(["نص آخر تماما", t], p)
    assert np.array_equal(s1[0], s2[1])
    blob = pack(s1[0], int(c1[0]), p)
    got = unpack(blob, p)
    assert got is not None and np.array_equal(got[0], s1[0]) and got[1] == c1[0]
    assert unpack(blob, MinHashParams(ngram=5)) is None


def test_empty_documents_never_become_candidates() -> None:
    p = MinHashParams()
    sig, counts = signatures(["", "  ", "...", "كلمة واحدة فقط هنا"], p)
    assert list(counts[:3]) == [0, 0, 0]
    pairs = bucket_pairs(band_keys(sig, LSHParams()))
    assert len(pairs) == 0


def test_distinct_counts_ignore_repeats() -> None:
    h, off = shingle_hashes(["أ ب ج أ ب ج أ ب ج"], ngram=3)
    assert len(h) == 7 and distinct_counts(h, off)[0] == 3


def test_lsh_probability_curve() -> None:
    lp = LSHParams(bands=42, rows=3)
    assert lp.probability(0.5) > 0.99
    assert lp.probability(0.1) < 0.05


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(_alphabet, max_size=60), min_size=1, max_size=5))
def test_fold_many_equals_normalize(texts: list[str]) -> None:
    from marsad.corpus.minhash import fold_many
    from marsad.text.normalize import normalize

    assert fold_many(texts) == [normalize(t) for t in texts]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(_dropping, max_size=60), min_size=1, max_size=5))
def test_fold_many_drops_as_normalize(texts: list[str]) -> None:
    from marsad.corpus.minhash import fold_many
    from marsad.text.normalize import normalize

    assert fold_many(texts) == [normalize(t) for t in texts]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(_expanding, max_size=60), min_size=1, max_size=6), st.integers(1, 30), st.integers(1, 6))
def test_leads_from_the_shingles_words_equal_the_prefix_words(texts: list[str], chars: int, words: int) -> None:
    from marsad.corpus.minhash import shingle_and_lead_hashes, word_hashes

    h, off, lh, lo, whole = shingle_and_lead_hashes(texts, ngram=3, lead_chars=chars, lead_words=words)
    want_h, want_off = shingle_hashes(texts)
    assert np.array_equal(h, want_h) and np.array_equal(off, want_off)
    prefix = word_hashes([t[:chars] for t in texts], limit=words)
    for i, t in enumerate(texts):
        got = lh[lo[i] : lo[i + 1]].tolist()
        if whole[i]:
            assert got == prefix[i].tolist()
        else:  # the prefix cuts a word, or ends before the lead: the words that end inside it
            assert len(t) > chars and len(got) < words
            assert got == prefix[i].tolist()[: len(got)]
