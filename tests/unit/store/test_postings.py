"""The postings index ranks and counts exactly the articles FTS5 matches, survives a crash
(articles stored but not flushed are indexed again), and merges its segments."""

from __future__ import annotations

from importlib import resources

import pytest

import marsad
from marsad.search import fts, postings
from marsad.search.fts import Filters

SAMPLE = [str(resources.files("marsad") / "data" / "sample" / n) for n in ("news.jsonl", "news.csv", "txt")]
FOUNDATION = ("language.v1", "debris.v6", "dateline.v8", "pubdate.v4", "index_terms.v2")
QUERIES = ["روسيا", "إيران", "الرئيس", '"الرئيس الروسي"', "روسيا OR إيران", "النفط -السعودية",
           "سوق الأسهم", "الأمم المتحدة", "زلزال OR فيضان OR أمطار", '"وزارة الخارجية" -روسيا', "غير_موجود"]
FILTERS = [Filters(), Filters(date_from="2021-01-01"), Filters(date_to="2020-12-31"),
           Filters(language="ar"), Filters(mentions_date="2021")]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    arc = marsad.open(tmp_path_factory.mktemp("p") / "a.db")
    arc.ingest(SAMPLE, options=marsad.api.IngestOptions(workers=1, spec=FOUNDATION + ("timex.v6",)))
    yield arc
    arc.close()


def _via_fts(monkeypatch, fn):
    with monkeypatch.context() as m:
        m.setattr(fts.postings, "ready", lambda con: False)
        return fn()


def test_the_index_covers_the_archive(archive):
    assert postings.ready(archive.con)
    cols = postings.columns(archive.con)
    assert cols.n == archive.count() and (cols.lens[1:] > 0).all()


@pytest.mark.parametrize("q", QUERIES)
def test_matches_and_counts_equal_fts5(archive, monkeypatch, q):
    sources = sorted({h.source for h in archive.search("في", limit=500)[0]})
    for f in [*FILTERS, Filters(sources=tuple(sources[:2]))]:
        hits, total = archive.search(q, filters=f, limit=500)
        fhits, ftotal = _via_fts(monkeypatch, lambda f=f: archive.search(q, filters=f, limit=500))
        assert total == ftotal, (q, f)
        assert {h.id for h in hits} == {h.id for h in fhits}, (q, f)
        for by in ("source", "day", "month"):
            mine = archive.counts(q, by=by, filters=f)
            theirs = _via_fts(monkeypatch, lambda by=by, f=f: archive.counts(q, by=by, filters=f))
            assert sorted(mine) == sorted(theirs), (q, by, f)


def test_ranking_prefers_articles_about_the_query(archive):
    hits, total = archive.search("الرئيس", limit=total_hits(archive, "الرئيس"))
    assert total > 1 and all(a.score >= b.score for a, b in zip(hits, hits[1:], strict=False))
    top = archive.get(hits[0].id)
    bottom = archive.get(hits[-1].id)
    count = lambda art: marsad.text.normalize.normalize(art.title + " " + art.text).count("رييس")  # noqa: E731
    assert count(top) > count(bottom)


def total_hits(archive, q):
    return archive.search(q, limit=1)[1]


def test_pagination_is_a_partition(archive):
    total = total_hits(archive, "في")
    seen = []
    for off in range(0, total, 7):
        seen += [h.id for h in archive.search("في", limit=7, offset=off)[0]]
    assert len(seen) == len(set(seen)) == total


def test_collapse_copies_keeps_one_hit_per_copy_group(archive):
    hits, total = archive.search("في", limit=500, collapse_copies=True)
    groups = [h.copy_group for h in hits if h.copy_group is not None]
    assert len(groups) == len(set(groups)) and total == len(hits)
    assert sum(h.copies for h in hits) == total_hits(archive, "في")


def test_a_crash_before_the_flush_is_caught_up(tmp_path, monkeypatch):
    db = tmp_path / "c.db"
    with monkeypatch.context() as m:
        # the process dies before any segment is written: articles are stored, postings are not
        m.setattr(marsad.store.archive.Archive, "flush_postings", lambda self, compact=False: None)
        arc = marsad.open(db)
        arc.ingest(SAMPLE, options=marsad.api.IngestOptions(workers=1, spec=FOUNDATION))
        want = {h.id for h in arc.search("في", limit=500)[0]}
        arc.close()
    monkeypatch.setattr(postings, "FLUSH_ARTICLES", 10)  # the catch-up flushes segments as it goes
    arc = marsad.open(db)
    assert arc.count() > 20 and not postings.ready(arc.con)
    assert {h.id for h in arc.search("في", limit=500)[0]} == want  # FTS5 answers meanwhile
    s = arc.ingest(SAMPLE, options=marsad.api.IngestOptions(workers=1, spec=FOUNDATION))
    assert s.stored == 0 and postings.ready(arc.con)
    assert postings.segments(arc._writer) >= 2
    assert {h.id for h in arc.search("في", limit=500)[0]} == want
    arc.close()


def test_segments_merge_without_changing_results(tmp_path, monkeypatch):
    monkeypatch.setattr(postings, "FLUSH_ARTICLES", 5)
    monkeypatch.setattr(postings, "MAX_SEGMENTS", 1000)
    arc = marsad.open(tmp_path / "s.db")
    arc.ingest(SAMPLE, options=marsad.api.IngestOptions(workers=1, batch_size=5, spec=FOUNDATION))
    assert postings.segments(arc._writer) > 3
    before = [(h.id, h.score) for h in arc.search("الرئيس OR الحكومة", limit=500)[0]]
    con = arc._writer
    con.execute("BEGIN IMMEDIATE")
    postings.compact(con)
    con.execute("COMMIT")
    assert postings.segments(con) == 1
    assert [(h.id, h.score) for h in arc.search("الرئيس OR الحكومة", limit=500)[0]] == before
    arc.close()


@pytest.mark.parametrize("q", ["الرئيس", "روسيا OR إيران", '"وزارة الخارجية"'])
def test_facets_equal_the_sql_path(archive, monkeypatch, q):
    from marsad.search import analytics

    for f in FILTERS:
        mine = analytics.facets(archive.con, q, filters=f)
        with monkeypatch.context() as m:
            m.setattr(analytics.postings, "ready", lambda con: False)
            theirs = analytics.facets(archive.con, q, filters=f)
        assert mine == theirs, (q, f)
