"""SQL for the corpus stages that own copies, stories and threads (migration 0003).

The stages in :mod:`marsad.corpus.stages` keep their logic free of SQL; everything they read
or write goes through :class:`CorpusStore`. Writes use the archive's single writer connection
and one transaction per call that changes several tables.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import orjson

from marsad.corpus.template_terms import DAYS
from marsad.model import Span
from marsad.store.schema import SPANS_BY_ARTICLE
from marsad.store.sql import execute_in, placeholders, select_in


class CorpusStore:
    """Reads and writes of the copy/story/thread tables of one archive."""

    def __init__(self, archive: Any) -> None:
        self.archive = archive
        self.w: sqlite3.Connection = archive._writer

    # --- state ------------------------------------------------------------------------------

    def state(self, name: str) -> dict[str, Any]:
        r = self.w.execute("SELECT value FROM corpus_state WHERE name=?", (name,)).fetchone()
        return orjson.loads(r[0]) if r else {}

    def set_state(self, name: str, value: dict[str, Any]) -> None:
        self.w.execute("INSERT INTO corpus_state VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value=excluded.value",
                       (name, orjson.dumps(value).decode()))

    def commit(self) -> None:
        self.w.commit()

    # --- articles ---------------------------------------------------------------------------

    def max_rowid(self) -> int:
        return int(self.w.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0])

    def rows(self, rowids: Sequence[int], columns: Sequence[str]) -> dict[int, dict[str, Any]]:
        cols = ", ".join(columns)
        return {int(r["rowid"]): dict(r) for r in select_in(
            self.w, f"SELECT rowid AS rowid, {cols} FROM articles WHERE rowid IN", rowids)}

    def fingerprints_after(self, rowid: int, *, limit: int) -> list[tuple[int, str | None, bytes | None]]:
        """``(rowid, published_at, fingerprint)`` of the next ``limit`` articles after ``rowid``."""
        return [(int(r[0]), r[1], r[2]) for r in self.w.execute(
            "SELECT rowid, published_at, fingerprint FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?",
            (rowid, limit))]

    def fingerprints(self, rowids: Sequence[int]) -> dict[int, bytes | None]:
        return {int(r[0]): r[1] for r in select_in(
            self.w, "SELECT rowid, fingerprint FROM articles WHERE rowid IN", rowids)}

    def texts(self, rowids: Sequence[int], *, prefix: int | None = None) -> dict[int, str]:
        """The stored text of each article (its first ``prefix`` characters when given)."""
        col = "text" if prefix is None else f"substr(text, 1, {int(prefix)})"
        return {int(r[0]): r[1] for r in select_in(self.w, f"SELECT rowid, {col} FROM articles WHERE rowid IN", rowids)}

    def span_bounds(self, rowids: Sequence[int], layers: Iterable[str], *,
                    before: int | None = None) -> dict[int, list[tuple[int, int]]]:
        """``(start, end)`` of the spans of ``layers`` of each article (those starting before
        ``before`` when given): what masking needs, without building span records."""
        ls = list(layers)
        cut = "" if before is None else f" AND start < {int(before)}"
        out: dict[int, list[tuple[int, int]]] = {}
        for a, s, e in select_in(self.w, f'SELECT article, start, "end" FROM {SPANS_BY_ARTICLE} WHERE article IN',
                                 rowids, after=f" AND layer IN ({placeholders(len(ls))}){cut}", args=ls):
            out.setdefault(int(a), []).append((int(s), int(e)))
        return out

    def rowids_at_offsets(self, rowid: int, offsets: Sequence[int]) -> list[int | None]:
        """The rowid of the article ``offset`` places after ``rowid`` (0: the next one), for
        each offset; ``None`` past the last article."""
        out: list[int | None] = []
        for off in offsets:
            r = self.w.execute("SELECT rowid FROM articles WHERE rowid > ? ORDER BY rowid LIMIT 1 OFFSET ?",
                               (rowid, int(off))).fetchone()
            out.append(None if r is None else int(r[0]))
        return out

    def story_inputs_after(self, rowid: int, *, limit: int, prefix: int) -> list[tuple[Any, ...]]:
        """``(rowid, title, source, published_day, dateline_place, copy_group, text prefix)`` of
        the next ``limit`` articles after ``rowid``: the story features need only the lead."""
        return [tuple(r) for r in self.w.execute(
            f"SELECT rowid, title, source, published_day, dateline_place, copy_group, substr(text, 1, {int(prefix)}) "
            "FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?", (rowid, limit))]

    def span_rows_between(self, lo: int, hi: int, layers: Iterable[str], *,
                          before: int | None = None) -> list[tuple[int, str, int, int, str]]:
        """``(article, layer, start, end, value)`` of the spans of ``layers`` of the articles with
        ``lo <= rowid <= hi`` (starting before ``before`` when given), in one range scan."""
        ls = list(layers)
        cut = "" if before is None else f" AND start < {int(before)}"
        return [tuple(r) for r in self.w.execute(  # type: ignore[misc]
            f'SELECT article, layer, start, "end", value FROM {SPANS_BY_ARTICLE} WHERE article BETWEEN ? AND ? '
            f"AND layer IN ({placeholders(len(ls))}){cut}", [lo, hi, *ls])]

    def copy_groups_between(self, lo: int, hi: int) -> dict[int, int | None]:
        """``rowid → copy_group`` of the articles with ``lo <= rowid <= hi``, in one range scan."""
        return {int(r[0]): r[1] for r in self.w.execute(
            "SELECT rowid, copy_group FROM articles WHERE rowid BETWEEN ? AND ?", (lo, hi))}

    def set_stories(self, rows: Iterable[tuple[int, int]]) -> None:
        """``(story, rowid)``, written in rowid order (neighbouring rows, fewer page writes)."""
        ordered: list[tuple[int, int]] = sorted(rows, key=lambda r: r[1])
        self.w.executemany("UPDATE articles SET story=? WHERE rowid=?", ordered)

    def spans(self, rowids: Sequence[int], layers: Iterable[str]) -> dict[int, list[Span]]:
        ls = list(layers)
        out: dict[int, list[Span]] = {}
        for r in select_in(self.w, f'SELECT article, layer, start, "end", label, value FROM {SPANS_BY_ARTICLE} '
                                   "WHERE article IN", rowids, after=f" AND layer IN ({placeholders(len(ls))})", args=ls):
            out.setdefault(int(r[0]), []).append(Span(r[1], r[2], r[3], r[4], r[5]))
        return out

    # --- LSH and copies ---------------------------------------------------------------------

    def band_matches(self, keys: Sequence[int]) -> list[tuple[int, int]]:
        return [(int(k), int(a)) for k, a in select_in(
            self.w, "SELECT key, article FROM lsh_bands WHERE key IN", keys, chunk=900)]

    def has_bands(self) -> bool:
        return self.w.execute("SELECT 1 FROM lsh_bands LIMIT 1").fetchone() is not None

    def set_copy_columns(self, rows: Iterable[tuple[int, int, int]]) -> None:
        """``(copy_group, first_published, rowid)``: both columns in one write of each row."""
        ordered: list[tuple[int, int, int]] = sorted(rows, key=lambda r: r[2])
        self.w.executemany("UPDATE articles SET copy_group=?, first_published=? WHERE rowid=?", ordered)

    def add_bands(self, rows: Iterable[tuple[int, int]]) -> None:
        self.w.executemany("INSERT OR IGNORE INTO lsh_bands (key, article) VALUES (?, ?)", rows)

    def add_band_array(self, pairs: Any) -> None:
        """``(key, article)`` rows of an ``(n, 2)`` int64 array (``INSERT OR IGNORE``, in the
        array's order): the articles go into a temporary table by position, then the keys, as
        one JSON array, each with the article at its position. SQLite reads both arrays itself
        (no Python object per row, and the calling thread lets go of the interpreter lock for
        the inserts); one JSON array of ``[key, article]`` pairs cost 1.5 times as much, most
        of it spent reading each pair's text again for its two numbers."""
        if not len(pairs):
            return
        dump = orjson.OPT_SERIALIZE_NUMPY
        self.w.execute("CREATE TEMP TABLE IF NOT EXISTS band_articles (i INTEGER PRIMARY KEY, article INTEGER NOT NULL)")
        try:
            self.w.execute("INSERT INTO temp.band_articles (i, article) SELECT key, value FROM json_each(?)",
                           (orjson.dumps(pairs[:, 1].copy(), option=dump),))
            self.w.execute("INSERT OR IGNORE INTO lsh_bands (key, article) SELECT k.value, b.article "
                           "FROM json_each(?) AS k CROSS JOIN temp.band_articles AS b ON b.i = k.key",
                           (orjson.dumps(pairs[:, 0].copy(), option=dump),))
        finally:
            self.w.execute("DELETE FROM temp.band_articles")

    def add_pairs(self, rows: Iterable[tuple[int, int, float, float, float, float]]) -> None:
        self.w.executemany("INSERT OR REPLACE INTO copy_pairs VALUES (?, ?, ?, ?, ?, ?)", rows)

    def pairs_among(self, members: Sequence[int]) -> list[tuple[int, int, float, float, float, float]]:
        ms = set(members)
        return [tuple(r) for r in select_in(self.w, "SELECT a, b, jaccard, a_in_b, b_in_a, lead FROM copy_pairs "
                                            "WHERE a IN", list(ms)) if r[1] in ms]

    def copy_groups_of(self, rowids: Sequence[int]) -> dict[int, int | None]:
        return {k: v["copy_group"] for k, v in self.rows(rowids, ["copy_group"]).items()}

    def members_of(self, groups: Iterable[int]) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for g, k in select_in(self.w, "SELECT copy_group, rowid FROM articles WHERE copy_group IN", list(groups)):
            out.setdefault(int(g), []).append(int(k))
        return out

    def replace_groups(self, old_groups: Iterable[int], groups: Sequence[tuple[int, int, str, int]],
                       edges: Sequence[tuple[int, int, int, float, float, float]]) -> None:
        """Drop the rows of ``old_groups`` and write ``groups`` (grp, first, agency, size) and
        ``edges`` (dst, src, grp, jaccard, added, removed)."""
        old = list(old_groups)
        execute_in(self.w, "DELETE FROM copy_groups WHERE grp IN", old)
        execute_in(self.w, "DELETE FROM copy_edges WHERE grp IN", old)
        self.w.executemany("INSERT OR REPLACE INTO copy_groups VALUES (?, ?, ?, ?)", groups)
        self.w.executemany("INSERT OR REPLACE INTO copy_edges VALUES (?, ?, ?, ?, ?, ?)", edges)

    # --- term statistics --------------------------------------------------------------------

    def load_df(self) -> tuple[int, dict[str, int]]:
        n = int(self.state("story_df").get("n", 0))
        return n, {t: int(c) for t, c in self.w.execute("SELECT term, df FROM term_df")}

    def add_df(self, n_new: int, counts: dict[str, int]) -> None:
        n = int(self.state("story_df").get("n", 0)) + n_new
        self.set_state("story_df", {"n": n})
        # one statement reading one JSON text (no Python object bound per row)
        self.w.execute("INSERT INTO term_df (term, df) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') "
                       "FROM json_each(?) WHERE 1 ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
                       (orjson.dumps(list(counts.items())),))

    def load_template_counts(self, *, floor: float) -> dict[str, tuple[int, int, dict[str, int], dict[str, int]]]:
        """Per source: (days seen, articles counted, days and articles of the terms seen on at
        least ``floor`` of its days). Articles are counted since migration ``0006``: an
        archive made before counts them from its next update on."""
        totals = {r[0]: (int(r[1]), int(r[2])) for r in self.w.execute(
            "SELECT source, days, articles FROM source_term_days WHERE term = ?", (DAYS,))}
        out: dict[str, tuple[int, int, dict[str, int], dict[str, int]]] = {}
        for s, (d, n) in totals.items():
            days: dict[str, int] = {}
            arts: dict[str, int] = {}
            for t, c, a in self.w.execute(
                    "SELECT term, days, articles FROM source_term_days WHERE source=? AND days >= ? AND term != ?",
                    (s, max(1, int(floor * d)), DAYS)):
                days[t] = int(c)
                if a:
                    arts[t] = int(a)
            out[s] = (d, n, days, arts)
        return out

    def add_template_counts(self, inc: Mapping[str, tuple[Mapping[str, int], Mapping[str, int]]]) -> None:
        """Add per-source ``(days, articles)`` increments of the same terms
        (:meth:`marsad.corpus.template_terms.TemplateTerms.flush`), in key order (the B-tree
        pages are visited once each, in order)."""
        rows = []
        for s in sorted(inc):
            days, arts = inc[s]
            rows.extend((s, t, days[t], arts[t]) for t in sorted(arts))
        # one statement reading one JSON text (no Python object bound per row)
        self.w.execute(
            "INSERT INTO source_term_days (source, term, days, articles) SELECT json_extract(value, '$[0]'), "
            "json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]') FROM json_each(?) "
            "WHERE 1 ON CONFLICT(source, term) "
            "DO UPDATE SET days = days + excluded.days, articles = articles + excluded.articles", (orjson.dumps(rows),))

    # --- stories and threads ----------------------------------------------------------------

    def active_stories(self) -> list[tuple[int, str]]:
        return [(int(r[0]), r[1]) for r in self.w.execute("SELECT story, state FROM stories WHERE active=1 AND state != ''")]

    def story_of_groups(self, groups: Sequence[int]) -> dict[int, int]:
        out: dict[int, int] = {}
        for g, s in select_in(self.w, "SELECT copy_group, story FROM articles WHERE copy_group IN", groups,
                              after=" AND story IS NOT NULL"):
            out.setdefault(int(g), int(s))
        return out

    def save_stories(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """rows: (story, first_day, last_day, size, sources, first_article, active, terms, state)."""
        self.w.executemany(
            "INSERT INTO stories (story, first_day, last_day, size, sources, first_article, active, terms, state) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(story) DO UPDATE SET first_day=excluded.first_day, "
            "last_day=excluded.last_day, size=excluded.size, sources=excluded.sources, "
            "first_article=coalesce(stories.first_article, excluded.first_article), active=excluded.active, "
            "terms=excluded.terms, state=excluded.state", rows)

    def merge_stories(self, merges: Iterable[tuple[int, int]]) -> None:
        """``(story, into)`` in the order the clusterer folded them: the articles of ``story``
        move to ``into``, its row goes, and ``story_merges`` keeps ``story`` → ``into`` (and
        the stories folded into ``story`` before now point to ``into``), so the id still
        finds the story (:meth:`merged_into`)."""
        for gone, keep in merges:
            self.w.execute("UPDATE articles SET story=? WHERE story=?", (keep, gone))
            self.w.execute("DELETE FROM stories WHERE story=?", (gone,))
            self.w.execute("UPDATE story_merges SET into_story=? WHERE into_story=?", (keep, gone))
            self.w.execute("INSERT OR REPLACE INTO story_merges (story, into_story) VALUES (?, ?)", (gone, keep))

    def merged_into(self, story: int) -> int | None:
        """The story a story was folded into (:meth:`merge_stories`), or ``None``."""
        from marsad.store.queries import merged_into

        return merged_into(self.archive.con, story)

    def set_story_threads(self, rows: Iterable[tuple[int, int]]) -> None:
        self.w.executemany("UPDATE stories SET thread=? WHERE story=?", rows)

    def stories_without_thread(self) -> list[tuple[int, str | None, str | None, str]]:
        return [(int(r[0]), r[1], r[2], r[3]) for r in self.w.execute(
            "SELECT story, first_day, last_day, terms FROM stories WHERE thread IS NULL ORDER BY first_day, story")]

    def active_threads(self) -> list[tuple[int, str]]:
        return [(int(r[0]), r[1]) for r in self.w.execute("SELECT thread, state FROM threads WHERE active=1 AND state != ''")]

    def save_threads(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """rows: (thread, first_day, last_day, stories, active, terms, state)."""
        self.w.executemany(
            "INSERT INTO threads (thread, first_day, last_day, stories, active, terms, state) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(thread) DO UPDATE SET first_day=excluded.first_day, last_day=excluded.last_day, "
            "stories=excluded.stories, active=excluded.active, terms=excluded.terms, state=excluded.state", rows)

    def show_threads(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Rows as :meth:`save_threads` takes them, of threads that stories linked for the while
        count (the stories stage's open ones at the end of a run): their days, story count and
        label are written, not their activity or state; a thread new to the table gets no
        state (it is not loaded as an active one)."""
        self.w.executemany(
            "INSERT INTO threads (thread, first_day, last_day, stories, active, terms, state) VALUES (?, ?, ?, ?, 1, ?, '') "
            "ON CONFLICT(thread) DO UPDATE SET first_day=excluded.first_day, last_day=excluded.last_day, "
            "stories=excluded.stories, terms=excluded.terms", [(*r[:4], r[5]) for r in rows])

    def drop_threads_unused(self, threads: Sequence[int]) -> list[int]:
        """Delete those of ``threads`` that have no state and that no story is linked to (the
        threads only stories linked for the while made, which they have since left); returns
        the ids deleted."""
        return [t for t in threads if self.w.execute(
            "DELETE FROM threads WHERE thread=? AND state='' AND NOT EXISTS "
            "(SELECT 1 FROM stories WHERE stories.thread = threads.thread)", (t,)).rowcount]

    def thread_of_story(self, story: int) -> int | None:
        """The thread of a story, or of the story it was folded into (``story_merges``)."""
        for _ in range(64):  # a chain of folds, never a cycle
            r = self.w.execute("SELECT thread FROM stories WHERE story=?", (story,)).fetchone()
            if r is not None:
                return None if r[0] is None else int(r[0])
            m = self.w.execute("SELECT into_story FROM story_merges WHERE story=?", (story,)).fetchone()
            if m is None:
                return None
            story = int(m[0])
        return None

    # --- reading for people (CLI, web) ------------------------------------------------------

    def list_stories(self, *, date_from: str | None = None, date_to: str | None = None,
                     min_size: int = 2, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Stories of ``min_size`` articles or more still running on or after ``date_from`` and
        begun on or before ``date_to``, by articles, then sources, then number; ``limit``
        of them after the first ``offset``."""
        where, args = ["size >= ?"], [min_size]
        if date_from:
            where.append("last_day >= ?")
            args.append(date_from)
        if date_to:
            where.append("first_day <= ?")
            args.append(date_to)
        rows = self.archive.con.execute(
            f"SELECT story, first_day, last_day, size, sources, thread, terms FROM stories "
            f"WHERE {' AND '.join(where)} ORDER BY size DESC, sources DESC, story LIMIT ? OFFSET ?",
            [*args, limit, offset]).fetchall()
        return [dict(r) for r in rows]

    def story_articles(self, story: int) -> list[dict[str, Any]]:
        return [dict(r) for r in self.archive.con.execute(
            "SELECT rowid AS rowid, id, source, title, published_at, published_at_source, dateline_place, "
            "dateline_agency, credit, copy_group, first_published FROM articles WHERE story=? "
            "ORDER BY published_at, rowid", (story,))]

    def story_row(self, story: int) -> dict[str, Any] | None:
        r = self.archive.con.execute("SELECT * FROM stories WHERE story=?", (story,)).fetchone()
        return dict(r) if r else None

    def edges_of_groups(self, groups: Sequence[int]) -> list[dict[str, Any]]:
        return [dict(r) for r in self._select_in(
            "SELECT e.*, g.agency, g.first FROM copy_edges e JOIN copy_groups g ON g.grp = e.grp WHERE e.grp IN", groups)]

    def group_rows(self, groups: Sequence[int]) -> dict[int, dict[str, Any]]:
        return {int(r["grp"]): dict(r) for r in self._select_in("SELECT * FROM copy_groups WHERE grp IN", groups)}

    def list_threads(self, *, min_stories: int = 2, limit: int = 20) -> list[dict[str, Any]]:
        return [dict(r) for r in self.archive.con.execute(
            "SELECT thread, first_day, last_day, stories, terms FROM threads WHERE stories >= ? "
            "ORDER BY stories DESC, thread LIMIT ?", (min_stories, limit))]

    def thread_row(self, thread: int) -> dict[str, Any] | None:
        r = self.archive.con.execute("SELECT thread, first_day, last_day, stories, terms FROM threads WHERE thread=?",
                                     (thread,)).fetchone()
        return dict(r) if r else None

    def thread_stories(self, thread: int) -> list[dict[str, Any]]:
        return [dict(r) for r in self.archive.con.execute(
            "SELECT story, first_day, last_day, size, sources, terms FROM stories WHERE thread=? "
            "ORDER BY first_day, story", (thread,))]

    def top_stories(self, threads: Sequence[int]) -> dict[int, dict[str, Any]]:
        """Each thread's biggest story (``story, size``): the most articles, then the earliest
        first day, then the lowest number."""
        return {int(r["thread"]): {"story": r["story"], "size": r["size"]} for r in self._select_in(
            "SELECT thread, story, size FROM (SELECT thread, story, size, row_number() OVER (PARTITION BY thread "
            "ORDER BY size DESC, first_day, story) AS k FROM stories WHERE thread IN", threads, after=") WHERE k = 1")}

    def story_members_brief(self, stories: Sequence[int]) -> list[dict[str, Any]]:
        """``rowid, id, source, title, published_at, published_at_source, story`` of every member
        of ``stories``."""
        return [dict(r) for r in self._select_in(
            "SELECT rowid AS rowid, id, source, title, published_at, published_at_source, story FROM articles "
            "WHERE story IN", stories)]

    def article_brief(self, rowids: Sequence[int]) -> dict[int, dict[str, Any]]:
        return {int(r["rowid"]): dict(r) for r in self._select_in(
            "SELECT rowid AS rowid, id, source, title, published_at FROM articles WHERE rowid IN", rowids)}

    def _select_in(self, sql: str, values: Sequence[int], *, after: str = "") -> Iterator[Any]:
        return select_in(self.archive.con, sql, values, after=after)
