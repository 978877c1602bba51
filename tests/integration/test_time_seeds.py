"""The seeds' publication dates and time expressions, as ../shared/seeds/EXPECTED.md lists them."""

from __future__ import annotations

import marsad


def _values(text, art):  # type: ignore[no-untyped-def]
    return [(text[s.start:s.end], s.label, s.value, s.attrs.get("mod", "")) for s in art.layer("timex")]


def test_seed_000_date_line_and_expressions(seeds):
    text = (seeds / "000_fb5f7343a8c5efbe.txt").read_text(encoding="utf-8")
    art = marsad.analyze_text(text)
    assert (art.published_at, art.published_at_source) == ("2020-05-21", "text")
    assert _values(text, art) == [
        ("٢١ مايو ٢٠٢٠", "DATE", "2020-05-21", ""),
        ("عام 2020", "DATE", "2020", ""),  # في عام 2020: the preposition is not part of the span
        ("آب/ أغسطس 2018", "DATE", "2018-08", ""),
        ("أكثر من 20 عاما", "DURATION", "P20Y", "MORE_THAN"),
        ("العام 1996", "DATE", "1996", ""),  # منذ العام 1996
    ]
    assert all(s.start >= 0 and text[s.start:s.end].strip() == text[s.start:s.end] for s in art.layer("timex"))


EXPECTED_001 = [
    ("اليوم الثلاثاء", "DATE", "2021-09-14", ""),
    ("يوم 17 سبتمبر", "DATE", "2021-09-17", ""),
    ("حاليا", "DATE", "PRESENT_REF", ""),
    ("في أقرب فرصة", "DATE", "FUTURE_REF", ""),
    ("في وقت سابق", "DATE", "PAST_REF", ""),
    ("يوم 17 أيلول/ سبتمبر الجاري", "DATE", "2021-09-17", ""),
    ("اليوم الثلاثاء", "DATE", "2021-09-14", ""),
    ("أمس الاثنين", "DATE", "2021-09-13", ""),
    ("منتصف الشهر الجاري", "DATE", "2021-09", "MID"),
]


def test_seed_001_with_a_supplied_date(seeds):
    text = (seeds / "001_679cebe4c01a82f2.txt").read_text(encoding="utf-8")
    art = marsad.analyze_text(text, published_at="2021-09-14")
    assert (art.published_at, art.published_at_source) == ("2021-09-14", "metadata")
    assert _values(text, art) == EXPECTED_001


def test_seed_001_without_metadata_leaves_the_year_unknown(seeds):
    text = (seeds / "001_679cebe4c01a82f2.txt").read_text(encoding="utf-8")
    art = marsad.analyze_text(text)
    assert art.published_at == "XXXX-09" and art.published_at_source == "inferred"
    assert art.published_at_confidence < 0.5
    got = {(t, v) for t, _, v, _ in _values(text, art)}
    assert ("يوم 17 سبتمبر", "XXXX-09-17") in got
    assert ("يوم 17 أيلول/ سبتمبر الجاري", "XXXX-09-17") in got
    assert ("اليوم الثلاثاء", "XXXX-WXX-2") in got
    assert ("منتصف الشهر الجاري", "XXXX-09") in got
    assert not any(v.startswith("20") for _, v in got)  # no year invented
