"""The clean view: masking from stored span bounds is :func:`marsad.clean.debris.mask`."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.clean.debris import mask
from marsad.corpus.clean_view import mask_bounds
from marsad.model import Span


@given(st.text(alphabet="اب \nج1", max_size=60),
       st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=5))
def test_mask_bounds_is_mask(text: str, raw: list[tuple[int, int]]) -> None:
    bounds = [(a, min(a + n, len(text))) for a, n in raw if a <= len(text)]
    spans = [Span("debris", a, b, "", "") for a, b in bounds]
    assert mask_bounds(text, bounds) == mask(text, spans)
