"""The corpus store: rowids at offsets count from the next article; the template counts of an
archive made before the article counts (migration 0006) load, and count articles from then on;
band rows are stored once each, whatever their order."""

from __future__ import annotations

from importlib import resources

import marsad
from marsad.runners.local import IngestOptions
from marsad.store.corpus_store import CorpusStore

#: a few articles of the bundled sample (any will do: only their rowids are read)
NEWS = resources.files("marsad") / "data" / "sample" / "news.jsonl"


def test_rowids_at_offsets_count_from_the_next_article(tmp_path) -> None:
    a = marsad.open(tmp_path / "off.db")
    a.ingest([str(NEWS)], options=IngestOptions(workers=1, corpus=False))
    cs = CorpusStore(a)
    rowids = [int(r[0]) for r in a._writer.execute("SELECT rowid FROM articles ORDER BY rowid")]
    assert cs.rowids_at_offsets(rowids[0], [0, 1, len(rowids) - 2, len(rowids) - 1]) == [
        rowids[1], rowids[2], rowids[-1], None]
    a.close()


def test_template_counts_of_an_archive_made_before_article_counts_load(tmp_path) -> None:
    """An archive whose template counts hold days only (before migration 0006) gains the
    article column at 0: it loads, and counts articles from its next update on."""
    import sqlite3

    from marsad.store.archive import migrate
    from marsad.store.schema import MIGRATIONS

    con = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    old = [m for m in MIGRATIONS if m[0] != "0006_template_articles"]
    migrate(con, old)
    con.executemany("INSERT INTO source_term_days VALUES (?, ?, ?)",
                    [("paper", "#days", 10), ("paper", "كاريكاتير", 9), ("paper", "نادر", 1)])
    assert migrate(con) == ["0006_template_articles"]

    class _Archive:
        _writer = con

    cs = CorpusStore(_Archive())
    assert cs.load_template_counts(floor=0.3) == {"paper": (10, 0, {"كاريكاتير": 9}, {})}
    cs.add_template_counts({"paper": ({"#days": 1, "كاريكاتير": 1}, {"#days": 12, "كاريكاتير": 1})})
    assert cs.load_template_counts(floor=0.3) == {"paper": (11, 12, {"كاريكاتير": 10}, {"كاريكاتير": 1})}


def test_band_rows_are_stored_as_given_whatever_their_order_and_repeats(tmp_path) -> None:
    """``add_band_array`` stores each ``(key, article)`` row once: keys over the whole int64
    range (the JSON array of keys and the temporary table of articles line up by position),
    a key's articles in any order, rows repeated within a call and across calls."""
    import numpy as np

    a = marsad.open(tmp_path / "bands.db")
    cs = CorpusStore(a)
    rng = np.random.default_rng(3)
    keys = np.concatenate((rng.integers(-(2**63), 2**63 - 1, size=300, dtype=np.int64),
                           np.array([-(2**63), 2**63 - 1, 0, 1, -1], dtype=np.int64)))
    rows = np.stack((keys, rng.integers(1, 50, size=len(keys), dtype=np.int64)), axis=1)
    shuffled = np.concatenate((rows, rows[::7]))[rng.permutation(len(rows) + len(rows[::7]))]
    cs.add_band_array(shuffled[:200])
    cs.add_band_array(shuffled[150:])
    cs.add_band_array(shuffled[:0])
    cs.commit()
    got = sorted((int(k), int(x)) for k, x in a._writer.execute("SELECT key, article FROM lsh_bands"))
    assert got == sorted({(int(k), int(x)) for k, x in rows.tolist()})
    a.close()
