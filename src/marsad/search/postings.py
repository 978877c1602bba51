"""Ranked retrieval from a term → postings index kept beside the FTS5 table.

SQLite's FTS5 finds the matching articles quickly but ranks them slowly: ``ORDER BY rank``
computes BM25 for *every* match from its position lists, about 10–20 µs per article, so a
common word (``الرئيس`` matches a third of a news archive) costs hundreds of milliseconds.
This index stores, for every stemmed term, the sorted rowids of the articles that contain it
and the term's frequency in each (title words count :data:`TITLE_WEIGHT` times), as two
packed arrays per segment. A query then loads a few arrays, intersects them with numpy and
scores BM25 for all matches at once; counts by source or day use per-article columns cached
in memory. Phrases are checked against FTS5, which keeps positions.

Writing: the archive's single writer buffers the terms of stored articles
(:class:`PostingsBuffer`) and flushes a *segment* every :data:`FLUSH_ARTICLES` articles and
at the end of a run, inside the batch's transaction, together with the ``upto`` watermark
(the highest rowid indexed). Segments are merged when there are more than
:data:`MAX_SEGMENTS`. After a crash the articles above the watermark are indexed again from
their stored text (:func:`catch_up`). Readers use the index only when the watermark equals
the highest stored rowid, and fall back to FTS5 ranking otherwise — results are never
missing articles.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

TITLE_WEIGHT = 2
FLUSH_ARTICLES = 8192
MAX_SEGMENTS = 8
K1, B = 1.2, 0.75
_TF_MAX = 65535


def term_counts(title_terms: str, body_terms: str) -> tuple[str, list[int]]:
    """An article's distinct index terms (space-separated) and their frequencies, title words
    counting :data:`TITLE_WEIGHT` times. Computed by the ``index_terms`` stage in the workers,
    so that the single writer only concatenates."""
    tf = Counter(body_terms.split())
    for t in title_terms.split():
        tf[t] += TITLE_WEIGHT
    return " ".join(tf), [n if n < _TF_MAX else _TF_MAX for n in tf.values()]


class PostingsBuffer:
    """Postings of articles stored but not yet flushed, for the archive's writer.

    Per article it keeps the distinct terms as one string and their counts; :meth:`flush`
    turns the whole buffer into per-term arrays with one sort, not per-term Python work."""

    def __init__(self) -> None:
        self.terms: list[str] = []
        self.counts = array("H")
        self.rows = array("i")
        self.n_terms = array("i")
        self.lens = array("i")

    def __len__(self) -> int:
        return len(self.rows)

    def add(self, rowid: int, title_terms: str, body_terms: str) -> None:
        """Add one article from its index terms (space-separated stems, as FTS5 stores them)."""
        self.add_counted(rowid, *term_counts(title_terms, body_terms))

    def add_counted(self, rowid: int, terms: str, counts: list[int]) -> None:
        """Add one article from :func:`term_counts`'s output."""
        self.terms.append(terms)
        self.counts.extend(counts)
        self.rows.append(rowid)
        self.n_terms.append(len(counts))
        self.lens.append(sum(counts))

    def flush(self, con: sqlite3.Connection) -> None:
        """Write the buffer as one new segment; the caller holds the write transaction."""
        if not self.rows:
            return
        # split and dictionary-encode every article's terms in Arrow's C++ (no Python per term)
        enc = pc.split_pattern(pa.array(self.terms, type=pa.large_string()), " ").flatten()
        enc = enc.filter(pc.not_equal(enc, "")).dictionary_encode()
        codes = enc.indices.to_numpy(zero_copy_only=False).astype(np.int64)
        vocab: list[str] = enc.dictionary.to_pylist()
        counts = np.frombuffer(self.counts, dtype=np.uint16)
        if codes.size != counts.size:
            raise ValueError(f"postings buffer out of step: {codes.size} terms, {counts.size} counts")
        order = np.argsort(codes, kind="stable")  # rowids stay ascending inside each term
        docs = np.repeat(np.frombuffer(self.rows, dtype=np.int32), np.frombuffer(self.n_terms, dtype=np.int32))[order]
        tfs = counts[order]
        ends = np.cumsum(np.bincount(codes, minlength=len(vocab))).tolist()
        seg = int(con.execute("SELECT coalesce(max(seg), 0) + 1 FROM postings_docs").fetchone()[0])
        if vocab:  # articles without a single index term still get their length (0) recorded
            con.executemany(
                "INSERT INTO postings (term, seg, docs, tfs) VALUES (?, ?, ?, ?)",
                ((t, seg, docs[s:e].tobytes(), tfs[s:e].tobytes())
                 for t, s, e in zip(vocab, [0, *ends[:-1]], ends, strict=True)))
        con.execute("INSERT INTO postings_docs (seg, docs, lens) VALUES (?, ?, ?)",
                    (seg, self.rows.tobytes(), self.lens.tobytes()))
        con.execute("INSERT OR REPLACE INTO postings_state (key, value) VALUES ('upto', ?)", (max(self.rows),))
        self.__init__()  # type: ignore[misc]


def segments(con: sqlite3.Connection) -> int:
    return int(con.execute("SELECT count(*) FROM postings_docs").fetchone()[0])


def compact(con: sqlite3.Connection) -> None:
    """Merge all segments into one (the caller holds the write transaction).

    Rowids grow with segment numbers, so concatenating a term's segments in order keeps its
    rowids sorted. Streams term by term: memory stays at one term's postings."""
    if segments(con) <= 1:
        return
    con.execute("DROP TABLE IF EXISTS postings_merged")
    con.execute("CREATE TABLE postings_merged (term TEXT NOT NULL, seg INTEGER NOT NULL,"
                " docs BLOB NOT NULL, tfs BLOB NOT NULL)")

    def merged() -> Iterable[tuple[str, int, bytes, bytes]]:
        cur = con.execute("SELECT term, docs, tfs FROM postings ORDER BY term, seg")
        term: str | None = None
        docs: list[bytes] = []
        tfs: list[bytes] = []
        for t, d, f in cur:
            if t != term:
                if term is not None:
                    yield term, 1, b"".join(docs), b"".join(tfs)
                term, docs, tfs = t, [], []
            docs.append(d)
            tfs.append(f)
        if term is not None:
            yield term, 1, b"".join(docs), b"".join(tfs)

    # materialise in chunks: a cursor reading `postings` while inserting elsewhere is fine
    con.executemany("INSERT INTO postings_merged VALUES (?, ?, ?, ?)", merged())
    con.execute("DROP TABLE postings")
    con.execute("ALTER TABLE postings_merged RENAME TO postings")
    con.execute("CREATE UNIQUE INDEX postings_term ON postings(term, seg)")
    rows = con.execute("SELECT docs, lens FROM postings_docs ORDER BY seg").fetchall()
    con.execute("DELETE FROM postings_docs")
    con.execute("INSERT INTO postings_docs (seg, docs, lens) VALUES (1, ?, ?)",
                (b"".join(r[0] for r in rows), b"".join(r[1] for r in rows)))


def watermark(con: sqlite3.Connection) -> int:
    row = con.execute("SELECT value FROM postings_state WHERE key='upto'").fetchone()
    return int(row[0]) if row else 0


def catch_up(con: sqlite3.Connection, terms_of: Callable[[int], tuple[str, str]], buffer: PostingsBuffer) -> int:
    """Index the stored articles above the watermark (after a crash or on an older archive)
    into ``buffer``, flushing full segments as it goes; return how many. ``terms_of(rowid)``
    gives an article's index terms. Call it outside a transaction."""
    upto = max(watermark(con), max(buffer.rows) if buffer.rows else 0)
    rows = [r[0] for r in con.execute("SELECT rowid FROM articles WHERE rowid > ? ORDER BY rowid", (upto,))]
    for rowid in rows:
        buffer.add(rowid, *terms_of(rowid))
        if len(buffer) >= FLUSH_ARTICLES:  # memory stays bounded on a large archive
            con.execute("BEGIN IMMEDIATE")
            try:
                buffer.flush(con)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
    return len(rows)


# --- reading ------------------------------------------------------------------------------------


@dataclass
class Columns:
    """Per-article columns for scoring, filtering and facets, indexed by rowid."""

    n: int  # number of articles
    lens: np.ndarray  # index terms per article (float64), 0 where no article
    avg_len: float
    source: np.ndarray  # int32 code into sources, -1 where no article
    sources: list[str]
    day: np.ndarray  # int32 code into days, -1 unknown
    days: list[str]
    copy_group: np.ndarray  # int64, -rowid where the article is in no copy group
    story: np.ndarray  # int64, -1 where none

    def count_by(self, rows: np.ndarray, by: str) -> dict[str | None, int]:
        """How many of ``rows`` per ``source``, ``day`` or ``month`` (``None``: no known day)."""
        if by == "source":
            n = np.bincount(self.source[rows], minlength=len(self.sources))
            return {self.sources[i]: int(n[i]) for i in np.flatnonzero(n)}
        codes = self.day[rows]
        out: dict[str | None, int] = {}
        unknown = int((codes < 0).sum())
        if unknown:
            out[None] = unknown
        n = np.bincount(codes[codes >= 0], minlength=len(self.days))
        for i in np.flatnonzero(n):
            key = self.days[i] if by == "day" else self.days[i][:7]
            out[key] = out.get(key, 0) + int(n[i])
        return out


_CACHE: dict[str, tuple[tuple, Columns]] = {}
_LOCK = threading.Lock()
_LOADING: dict[str, threading.Lock] = {}


def _db_path(con: sqlite3.Connection) -> str:
    for row in con.execute("PRAGMA database_list"):
        if row[1] == "main":
            return row[2] or ""
    return ""


def _stamp(path: str) -> tuple:
    """Changes whenever a transaction commits (WAL mode appends to -wal; a checkpoint rewrites
    the main file)."""
    out: list[tuple[int, int] | None] = []
    for p in (path, path + "-wal"):
        try:
            st = os.stat(p)
            out.append((st.st_mtime_ns, st.st_size))
        except FileNotFoundError:
            out.append(None)
    return tuple(out)


def ready(con: sqlite3.Connection) -> bool:
    """Whether the postings cover every stored article."""
    try:
        upto = watermark(con)
    except sqlite3.OperationalError:
        return False
    top = con.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0]
    return upto > 0 and upto == top


def columns(con: sqlite3.Connection) -> Columns:
    """The per-article columns, cached per archive file until the next commit."""
    path = _db_path(con)
    if not path:
        return _load_columns(con)
    with _LOCK:
        lock = _LOADING.setdefault(path, threading.Lock())
    with lock:  # one thread loads, the others wait for it (a burst of first searches)
        stamp = _stamp(path)
        hit = _CACHE.get(path)
        if hit and hit[0] == stamp:
            return hit[1]
        cols = _load_columns(con)
        _CACHE[path] = (stamp, cols)
        return cols


def _load_columns(con: sqlite3.Connection) -> Columns:
    top = int(con.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0])
    size = top + 1
    lens = np.zeros(size, dtype=np.float64)
    for docs, ls in con.execute("SELECT docs, lens FROM postings_docs"):
        lens[np.frombuffer(docs, dtype=np.int32)] = np.frombuffer(ls, dtype=np.int32)
    source = np.full(size, -1, dtype=np.int32)
    day = np.full(size, -1, dtype=np.int32)
    copy_group = -np.arange(size, dtype=np.int64)
    story = np.full(size, -1, dtype=np.int64)
    src_codes: dict[str, int] = {}
    day_codes: dict[str, int] = {}
    rows = con.execute("SELECT rowid, source, published_day, copy_group, story FROM articles").fetchall()
    if rows:
        rid = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        source[rid] = [src_codes.setdefault(r[1], len(src_codes)) for r in rows]
        day[rid] = [-1 if r[2] is None else day_codes.setdefault(r[2], len(day_codes)) for r in rows]
        cg = np.fromiter((-1 if r[3] is None else r[3] for r in rows), dtype=np.int64, count=len(rows))
        copy_group[rid] = np.where(cg >= 0, cg, -rid)
        story[rid] = np.fromiter((-1 if r[4] is None else r[4] for r in rows), dtype=np.int64, count=len(rows))
    present = lens[lens > 0]
    return Columns(n=len(rows), lens=lens, avg_len=float(present.mean()) if present.size else 1.0,
                   source=source, sources=list(src_codes), day=day, days=list(day_codes),
                   copy_group=copy_group, story=story)


def postings(con: sqlite3.Connection, term: str) -> tuple[np.ndarray, np.ndarray]:
    """``(rowids, term frequencies)`` of ``term``, rowids ascending."""
    rows = con.execute("SELECT docs, tfs FROM postings WHERE term=? ORDER BY seg", (term,)).fetchall()
    if not rows:
        return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.uint16)
    if len(rows) == 1:
        return np.frombuffer(rows[0][0], dtype=np.int32), np.frombuffer(rows[0][1], dtype=np.uint16)
    return (np.frombuffer(b"".join(r[0] for r in rows), dtype=np.int32),
            np.frombuffer(b"".join(r[1] for r in rows), dtype=np.uint16))


def bm25(matched: np.ndarray, terms: Iterable[tuple[np.ndarray, np.ndarray]], cols: Columns) -> np.ndarray:
    """BM25 scores of the ``matched`` rowids (sorted) for the query's positive terms."""
    score = np.zeros(matched.size, dtype=np.float64)
    if not matched.size:
        return score
    norm = K1 * (1 - B + B * cols.lens[matched] / cols.avg_len)
    n = max(cols.n, 1)
    for docs, tfs in terms:
        if not docs.size:
            continue
        idf = np.log(1 + (n - docs.size + 0.5) / (docs.size + 0.5))
        pos = np.searchsorted(docs, matched)
        pos[pos >= docs.size] = docs.size - 1
        tf = np.where(docs[pos] == matched, tfs[pos], 0).astype(np.float64)
        score += idf * tf * (K1 + 1) / (tf + norm)
    return score
