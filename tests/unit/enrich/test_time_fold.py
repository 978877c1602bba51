"""The tagger's fast fold gives exactly normalize(), with offsets that map back."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.enrich.time.fold import fold_with_map
from marsad.text.normalize import normalize, normalize_with_map

ALPHABET = ("عامٌ أإآٱؤئىة ١٢٣۴ ـ\u064b\u064e\u0651\u0670\u200f\u00a0 ﻻ 2020 ABC، .")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_fold_equals_normalize_and_maps_like_normalize_with_map(text):
    folded, fmap = fold_with_map(text)
    ref, rmap = normalize_with_map(text)
    assert folded == normalize(text) == ref
    for i in range(len(folded)):
        for j in (i + 1, min(len(folded), i + 4)):
            assert fmap.span(i, j) == rmap.span(i, j)


def test_marks_are_dropped_and_offsets_skip_them():
    text = "عاماً ١٤٣٦هـ"
    folded, fmap = fold_with_map(text)
    assert folded == "عاما 1436ه"
    s, e = fmap.span(5, 10)
    assert text[s:e] == "١٤٣٦هـ"[:-1]
