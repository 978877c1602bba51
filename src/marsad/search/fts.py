"""Full-text search over the archive with Arabic-aware matching.

Index and query go through the same two functions — :func:`marsad.text.normalize.normalize`
then :func:`marsad.text.tokens.stem` — so ``روسيا`` meets ``وروسيا`` and ``بروسيا``, ``إيران``
meets ``ايران`` and a plural meets its singular. The user's query is parsed here and rebuilt
as a safe FTS5 expression: FTS5 syntax never reaches SQLite from the user.

Query language: words (all must match), ``"a phrase"``, ``OR`` between terms, ``-word`` to
exclude.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from marsad.errors import QueryError
from marsad.search import postings
from marsad.store.sql import select_in
from marsad.text.normalize import normalize
from marsad.text.tokens import TOKEN_RE, stem

MAX_QUERY_CHARS = 500
MAX_TERMS = 32

_QUERY_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
#: the other quotation marks a phrase is written with: Arabic text's «» and the curly ones a
#: word processor or a web page puts in (pasted, they made a phrase a bag of words)
_QUOTES = str.maketrans(dict.fromkeys("\u00ab\u00bb\u201c\u201d\u201e\u201f", '"'))


_DAY = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


def check_day(value: str, name: str = "date") -> str:
    """``value`` when it is a real day, month or year (``2021-09-14``, ``2021-09``, ``2021``);
    else :class:`QueryError` saying how to write it (``2021-13-01`` and ``2021-02-30`` matched
    nothing, silently)."""
    import datetime as dt

    m = _DAY.match(value)
    try:
        if m is None:
            raise ValueError
        dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        raise QueryError(f"{name}={value[:40]!r} is not a date; write YYYY-MM-DD (or YYYY-MM, YYYY)") from None
    return value


_TIMEX_VALUE = re.compile(r"^[0-9X]{4}(-[0-9WXQHSUFAMIEV]{1,3}(-[0-9X]{2})?)?$")


def check_timex_prefix(value: str, name: str = "mentions_date") -> str:
    """``value`` when it is a TIMEX3 value or prefix (``2021-09-17``, ``2021-09``, ``XXXX-09``);
    else :class:`QueryError`."""
    if not _TIMEX_VALUE.match(value):
        raise QueryError(f"{name}={value[:40]!r} is not a TIMEX3 value such as 2021-09-17, 2021-09 or XXXX-09")
    return value


def day_upper_bound(value: str) -> str:
    """An upper bound given as a month or year includes all of it."""
    return value + "\uffff" if len(value) < 10 else value


def check_range(date_from: str | None, date_to: str | None) -> None:
    """Raise :class:`QueryError` when ``date_from`` comes after ``date_to`` (an upper bound as
    :func:`day_upper_bound` gives it): such a range matches nothing, and said nothing."""
    if date_from and date_to and date_from > date_to:
        raise QueryError(f"from {date_from} is after to {date_to.rstrip(chr(0xFFFF))}: no day is in that range; "
                         "swap them")


@dataclass(frozen=True)
class Filters:
    sources: tuple[str, ...] = ()
    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None
    language: str | None = None
    mentions_date: str | None = None  # a TIMEX3 value prefix: 2021-09, 2021-09-17, XXXX-09
    entity: str | None = None  # an entity key (mention value)
    entity_keys: tuple[str, ...] = ()  # all mention values of one entity (its registry aliases); wins over entity
    story: int | None = None


@dataclass
class Hit:
    id: str
    rowid: int
    title: str
    source: str
    url: str
    published_at: str | None
    score: float
    snippet: str = ""
    highlights: list[tuple[int, int]] = field(default_factory=list)  # in snippet coordinates
    snippet_start: int = 0  # where the snippet starts in the original text
    copies: int = 1
    copy_group: int | None = None
    story: int | None = None
    first_published: bool | None = None  # this article is its copy group's first publisher
    #: where ``published_at`` came from (``crawl``: when it was fetched, not when it was published)
    published_at_source: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


#: one query part: (is a phrase, its stems); a plain part needs all its stems anywhere
Part = tuple[bool, tuple[str, ...]]


@dataclass
class ParsedQuery:
    fts: str  # the FTS5 MATCH expression
    stems: set[str]  # every positive stem, for highlighting
    clauses: list[list[Part]] = field(default_factory=list)  # all clauses must match; any part of one
    exclude: list[Part] = field(default_factory=list)  # no part may match


def parse_query(q: str) -> ParsedQuery:
    """Turn a user query into a safe FTS5 expression; raise :class:`QueryError` on misuse."""
    if len(q) > MAX_QUERY_CHARS:
        raise QueryError(f"query is {len(q)} characters long; the limit is {MAX_QUERY_CHARS}")
    parts: list[str] = []
    stems: set[str] = set()
    clauses: list[list[Part]] = []
    exclude: list[Part] = []
    pending_or = pending_not = False
    n = 0
    for tok in _QUERY_TOKEN.findall(q.strip().translate(_QUOTES)):
        if tok == "OR":
            pending_or = bool(parts)
            continue
        if tok == "AND":  # what words already mean; it matched the word "and" (nothing, in Arabic news)
            continue
        if tok == "NOT":  # as -word
            pending_not = True
            continue
        neg = (tok.startswith("-") and len(tok) > 1) or pending_not
        pending_not = False
        if neg:
            tok = tok[1:] if tok.startswith("-") and len(tok) > 1 else tok
            pending_or = False
        phrase = tok.startswith('"')
        words = [stem(t) for t in TOKEN_RE.findall(normalize(tok.strip('"')))]
        words = [w for w in words if w]
        if not words:
            continue
        n += len(words)
        if n > MAX_TERMS:
            raise QueryError(f"query has more than {MAX_TERMS} terms; shorten it")
        quoted = " ".join(_quote(w) for w in words)
        expr = f"({quoted})" if not phrase else '"' + " ".join(w.replace('"', "") for w in words) + '"'
        if not phrase and len(words) > 1:
            expr = "(" + " AND ".join(_quote(w) for w in words) + ")"
        if neg:
            if not parts:
                raise QueryError("a query cannot start with an exclusion (-word); add a term first")
            parts.append(f"NOT {expr}")
            exclude.append((phrase, tuple(words)))
            continue
        stems.update(words)
        if pending_or and parts:
            parts[-1] = f"({parts[-1]} OR {expr})"
            clauses[-1].append((phrase, tuple(words)))
        else:
            parts.append(expr)
            clauses.append([(phrase, tuple(words))])
        pending_or = False
    if not parts:
        raise QueryError("the query has no searchable words")
    fts = parts[0]
    for p in parts[1:]:
        fts = f"{fts} {p}" if p.startswith("NOT ") else f"{fts} AND {p}"
    return ParsedQuery(fts=fts, stems=stems, clauses=clauses, exclude=exclude)


@functools.lru_cache(maxsize=200_000)
def _token_stem(token: str) -> str:
    """``stem(normalize(token))``, memoised: snippets test every word of an article and the
    same words recur across articles (a pure function, so results never depend on order)."""
    return stem(normalize(token))


def _quote(w: str) -> str:
    return '"' + w.replace('"', "") + '"'


def _filter_sql(f: Filters) -> tuple[str, list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if f.sources:
        where.append(f"a.source IN ({','.join('?' * len(f.sources))})")
        args.extend(f.sources)
    if f.date_from:
        where.append("a.published_day >= ?")
        args.append(f.date_from)
    if f.date_to:
        where.append("a.published_day <= ?")
        args.append(f.date_to)
    if f.language:
        where.append("a.language = ?")
        args.append(f.language)
    if f.mentions_date:
        where.append("a.rowid IN (SELECT article FROM spans WHERE layer='timex' AND value >= ? AND value < ?)")
        args.extend([f.mentions_date, f.mentions_date + "\uffff"])
    if f.entity_keys:
        keys = f.entity_keys[:500]
        where.append(f"a.rowid IN (SELECT article FROM spans WHERE layer='mention' AND value IN ({','.join('?' * len(keys))}))")
        args.extend(keys)
    elif f.entity:
        where.append("a.rowid IN (SELECT article FROM spans WHERE layer='mention' AND value = ?)")
        args.append(f.entity)
    if f.story is not None:
        where.append("a.story = ?")
        args.append(f.story)
    return (" AND " + " AND ".join(where)) if where else "", args


def _flag(v: Any) -> bool | None:
    return None if v is None else bool(v)


#: the columns of ``articles`` a :class:`Hit` is made of (:func:`_hit`), bare and as ``a.``
_HIT_COLS = "rowid, id, title, source, url, published_at, published_at_source, copy_group, story, first_published"
_HIT_COLS_A = ", ".join("a." + c for c in _HIT_COLS.split(", "))


def _hit(r: Any, *, score: float, copies: int) -> Hit:
    """A hit of the article row ``r`` (:data:`_HIT_COLS`), with its rank's ``score`` and ``copies``."""
    return Hit(id=r["id"], rowid=r["rowid"], title=r["title"], source=r["source"], url=r["url"],
               published_at=r["published_at"], published_at_source=r["published_at_source"] or "",
               score=score, copies=copies, copy_group=r["copy_group"], story=r["story"],
               first_published=_flag(r["first_published"]))


class Searcher:
    """Runs parsed queries against one archive connection."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.matched: int | None = None  # articles matched by the last postings search, before collapsing

    def search(
        self,
        q: str,
        *,
        filters: Filters | None = None,
        limit: int = 20,
        offset: int = 0,
        collapse_copies: bool = False,
    ) -> tuple[list[Hit], int]:
        """Hits for ``q`` (best first) and the total number of matching articles.

        With ``collapse_copies`` a copy group is one hit, ranked by its best-scoring member and
        counting its matching members (``copies``), but showing its first publisher (see
        :meth:`show_first_publishers`)."""
        pq = parse_query(q)
        fsql, fargs = _filter_sql(filters or Filters())
        members: list[int] | None = None  # the matching members of the page's copy groups, when known
        limit = max(1, min(int(limit), 500))
        offset = max(0, int(offset))
        try:
            if postings.ready(self.con):
                rows, total, members = self._ranked_from_postings(pq, filters or Filters(), limit=limit,
                                                                   offset=offset, collapse_copies=collapse_copies)
            elif not fsql and not collapse_copies:
                # no filter: count and rank inside the index, then fetch the few rows shown
                total = self.con.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (pq.fts,)).fetchone()[0]
                ranked = self.con.execute(
                    "SELECT rowid, rank FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
                    (pq.fts, limit, offset)).fetchall()
                by_row = {r[0]: r[1] for r in ranked}
                rows = []
                if by_row:
                    found = {r["rowid"]: r for r in self.con.execute(
                        f"SELECT {_HIT_COLS} FROM articles WHERE rowid IN ({','.join('?' * len(by_row))})", list(by_row))}
                    rows = [{**dict(found[rid]), "score": sc, "copies": 1} for rid, sc in ranked if rid in found]
            else:
                total = self._total(pq.fts, fsql, fargs, collapse_copies=collapse_copies)
                rows = self.con.execute(self._ranked_sql(fsql, collapse_copies=collapse_copies),
                                        [pq.fts, *fargs, limit, offset]).fetchall()
        except sqlite3.OperationalError as e:
            raise QueryError(f"the query could not be run ({e})") from e
        hits = [_hit(r, score=round(-float(r["score"]), 4), copies=int(r["copies"])) for r in rows]
        for h in hits:
            self._snippet(h, pq.stems)
        if collapse_copies:
            hits = self.show_first_publishers(hits, q, filters=filters, members=members)
        return hits, int(total)

    def count(self, q: str, *, filters: Filters | None = None, collapse_copies: bool = False) -> int:
        """The total :meth:`search` gives off the postings index, without ranking a page: the
        matching articles, or with ``collapse_copies`` their copy groups (an article without a
        copy is one)."""
        fsql, fargs = _filter_sql(filters or Filters())
        try:
            return self._total(parse_query(q).fts, fsql, fargs, collapse_copies=collapse_copies)
        except sqlite3.OperationalError as e:
            raise QueryError(f"the query could not be run ({e})") from e

    def show_first_publishers(self, hits: list[Hit], q: str, *, filters: Filters | None = None,
                              members: list[int] | None = None) -> list[Hit]:
        """Each collapsed hit of a copy group (``copies`` > 1) as its group's first publisher.

        The member shown is the one the copy stage marked ``first_published``, among the group's
        articles that match ``q`` and ``filters`` (a filter on outlets or days is kept); if that
        one does not match, the earliest matching member (:func:`publication_order`), shown with
        ``first_published`` False so that the reader knows the first publisher lies elsewhere.
        Rank, score and ``copies`` stay the group's; the snippet is the shown member's.
        ``members``: the rowids of the matching members of the page's groups when the caller
        knows them (the postings path), else one FTS5 match finds them."""
        from marsad.corpus.provenance import publication_order

        groups = sorted({h.copy_group for h in hits if h.copies > 1 and h.copy_group is not None})
        if not groups:
            return hits
        pq = parse_query(q)
        cols = _HIT_COLS_A
        try:
            if members is not None:  # a chunk at a time: a page's groups may hold more than SQLite binds
                rows = list(select_in(self.con, f"SELECT {cols} FROM articles a WHERE a.rowid IN", members))
            else:
                fsql, fargs = _filter_sql(filters or Filters())
                rows = self.con.execute(
                    f"SELECT {cols} FROM fts JOIN articles a ON a.rowid = fts.rowid WHERE fts MATCH ?"
                    f" AND a.copy_group IN ({','.join('?' * len(groups))}){fsql}", [pq.fts, *groups, *fargs]).fetchall()
        except sqlite3.OperationalError as e:
            raise QueryError(f"the query could not be run ({e})") from e
        best: dict[int, Any] = {}
        for m in rows:
            g = m["copy_group"]
            key = (not m["first_published"], publication_order(m["published_at"], m["rowid"]))
            if g not in best or key < best[g][0]:
                best[g] = (key, m)
        out = []
        for h in hits:
            m = best[h.copy_group][1] if h.copies > 1 and h.copy_group in best else None
            if m is not None and m["rowid"] != h.rowid:  # else the hit shown is already the one, snippet and all
                h = _hit(m, score=h.score, copies=h.copies)  # m's copy group is h's
                self._snippet(h, pq.stems)
            out.append(h)
        return out

    # --- the postings path (see marsad.search.postings) -------------------------------------------

    def match_rows(self, q: str, filters: Filters | None = None) -> tuple[np.ndarray, postings.Columns]:
        """The sorted rowids of the articles matching ``q`` and ``filters`` (postings must be
        :func:`~marsad.search.postings.ready`), with the per-article columns."""
        rows, _loaded, cols = self._matches(parse_query(q), filters or Filters())
        return rows, cols

    def _matches(self, pq: ParsedQuery, f: Filters) -> tuple[np.ndarray, dict[str, tuple[np.ndarray, np.ndarray]], postings.Columns]:
        """The sorted rowids matching ``pq`` and ``f``, the postings loaded, and the columns."""
        cols = postings.columns(self.con)
        loaded: dict[str, tuple[np.ndarray, np.ndarray]] = {}

        def get(term: str) -> tuple[np.ndarray, np.ndarray]:
            if term not in loaded:
                loaded[term] = postings.postings(self.con, term)
            return loaded[term]

        def part_rows(part: Part) -> np.ndarray:
            phrase, words = part
            arrays = sorted((get(w)[0] for w in set(words)), key=len)
            rows = arrays[0].astype(np.int64)
            for a in arrays[1:]:
                if not rows.size:
                    break
                rows = np.intersect1d(rows, a, assume_unique=True)
            if phrase and len(words) > 1 and rows.size:
                expr = '"' + " ".join(words) + '"'
                exact = np.fromiter((r[0] for r in self.con.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (expr,))),
                                    dtype=np.int64)
                rows = np.intersect1d(rows, exact, assume_unique=True)
            return rows

        matched: np.ndarray | None = None
        for clause in pq.clauses:
            rows = part_rows(clause[0])
            for part in clause[1:]:
                rows = np.union1d(rows, part_rows(part))
            matched = rows if matched is None else np.intersect1d(matched, rows, assume_unique=True)
        assert matched is not None  # parse_query guarantees one positive clause
        for part in pq.exclude:
            if matched.size:
                matched = np.setdiff1d(matched, part_rows(part), assume_unique=True)
        matched = matched[matched < cols.source.size]
        return self._filtered(matched, f, cols), loaded, cols

    def _filtered(self, rows: np.ndarray, f: Filters, cols: postings.Columns) -> np.ndarray:
        if not rows.size:
            return rows
        keep = np.ones(rows.size, dtype=bool)
        if f.sources:
            codes = [i for i, s in enumerate(cols.sources) if s in set(f.sources)]
            keep &= np.isin(cols.source[rows], codes)
        if f.date_from or f.date_to:
            days = np.array([*cols.days, ""], dtype=object)[cols.day[rows]]  # -1 → "" (unknown)
            known = cols.day[rows] >= 0
            keep &= known
            if f.date_from:
                keep &= np.where(known, days >= f.date_from, False).astype(bool)
            if f.date_to:
                keep &= np.where(known, days <= f.date_to, False).astype(bool)
        if f.story is not None:
            keep &= cols.story[rows] == int(f.story)
        rows = rows[keep]
        rest = Filters(language=f.language, mentions_date=f.mentions_date, entity=f.entity, entity_keys=f.entity_keys)
        fsql, fargs = _filter_sql(rest)
        if fsql and rows.size:
            allowed = np.fromiter((r[0] for r in self.con.execute(f"SELECT a.rowid FROM articles a WHERE 1{fsql}", fargs)),
                                  dtype=np.int64)
            rows = np.intersect1d(rows, allowed, assume_unique=True)
        return rows

    def _ranked_from_postings(self, pq: ParsedQuery, f: Filters, *, limit: int, offset: int,
                              collapse_copies: bool) -> tuple[list[dict[str, Any]], int, list[int] | None]:
        """The page's rows, the total and, with ``collapse_copies``, the matching members of the
        page's copy groups (for :meth:`show_first_publishers`)."""
        matched, loaded, cols = self._matches(pq, f)
        self.matched = int(matched.size)
        score = postings.bm25(matched, (loaded.get(t) or postings.postings(self.con, t) for t in pq.stems), cols)
        order = np.lexsort((matched, -score))  # best first, then oldest rowid
        copies = np.ones(matched.size, dtype=np.int64)
        if collapse_copies and matched.size:
            groups = cols.copy_group[matched[order]]
            _, first, counts = np.unique(groups, return_index=True, return_counts=True)
            keep = np.sort(first)  # positions in `order`, still best first
            copies_of = dict(zip(groups[first].tolist(), counts.tolist(), strict=True))
            order = order[keep]
            copies[order] = [copies_of[g] for g in cols.copy_group[matched[order]].tolist()]
        total = int(order.size)
        page = order[offset:offset + limit]
        rowids = matched[page].tolist()
        if not rowids:
            return [], total, None
        members = None
        if collapse_copies:  # the members of the page's groups, for show_first_publishers
            shown = cols.copy_group[matched[page]]
            members = matched[np.isin(cols.copy_group[matched], shown[copies[page] > 1])].tolist()
        found = {r["rowid"]: r for r in self.con.execute(
            f"SELECT {_HIT_COLS} FROM articles WHERE rowid IN ({','.join('?' * len(rowids))})", rowids)}
        rows = [{**dict(found[rid]), "score": -float(score[i]), "copies": int(copies[i])}
                for i, rid in zip(page.tolist(), rowids, strict=True) if rid in found]
        return rows, total, members

    def _total(self, fts: str, fsql: str, fargs: list[Any], *, collapse_copies: bool) -> int:
        what = "count(DISTINCT coalesce(a.copy_group, -a.rowid))" if collapse_copies else "count(*)"
        return int(self.con.execute(
            f"SELECT {what} FROM fts JOIN articles a ON a.rowid = fts.rowid WHERE fts MATCH ?{fsql}",
            [fts, *fargs]).fetchone()[0])

    @staticmethod
    def _ranked_sql(fsql: str, *, collapse_copies: bool) -> str:
        cols = _HIT_COLS_A
        if collapse_copies:
            return (f"SELECT {cols}, min(fts.rank) AS score, count(*) AS copies"
                    f" FROM fts JOIN articles a ON a.rowid = fts.rowid WHERE fts MATCH ?{fsql}"
                    " GROUP BY coalesce(a.copy_group, -a.rowid) ORDER BY score LIMIT ? OFFSET ?")
        return (f"SELECT {cols}, fts.rank AS score, 1 AS copies"
                f" FROM fts JOIN articles a ON a.rowid = fts.rowid WHERE fts MATCH ?{fsql}"
                " ORDER BY fts.rank LIMIT ? OFFSET ?")

    def _snippet(self, hit: Hit, stems: set[str], width: int = 220) -> None:
        row = self.con.execute("SELECT text FROM articles WHERE rowid=?", (hit.rowid,)).fetchone()
        text: str = row[0]
        removed = hidden_spans(self.con, hit.rowid)
        matches: list[tuple[int, int]] = []
        limit_pos = len(text)
        for m in TOKEN_RE.finditer(text):
            if m.start() > limit_pos:
                break
            if _token_stem(m.group()) in stems and not any(s <= m.start() < e for s, e in removed):
                if not matches:
                    limit_pos = m.start() + width
                matches.append((m.start(), m.end()))
        lead = lead_end(text, removed)
        centre = matches[0][0] if matches else lead
        start = max(0, centre - width // 3)
        # snap to a word boundary
        while 0 < start < len(text) and not text[start - 1].isspace():
            start -= 1
        # never into the title (or byline, site furniture) that opens the text: a page or a
        # text file holds its title on its first line, which the hit already shows above
        start = max(start, min(lead, centre))
        end = min(len(text), start + width)
        while end < len(text) and not text[end].isspace():
            end += 1
        hit.snippet_start = start
        hit.snippet = text[start:end]
        hit.highlights = [(s - start, e - start) for s, e in matches if s >= start and e <= end]

    def counts(self, q: str | None, *, by: str, filters: Filters | None = None) -> list[tuple[str, int]]:
        """How many matching articles per ``source`` or per ``day`` (or ``month``)."""
        col = {"source": "a.source", "day": "a.published_day",
               "month": "substr(a.published_day, 1, 7)"}.get(by)
        if col is None:
            raise QueryError(f"cannot count by {by!r}; use source, day or month")
        fsql, fargs = _filter_sql(filters or Filters())
        if q and postings.ready(self.con):
            return self._counts_from_postings(parse_query(q), by=by, filters=filters or Filters())
        if q:
            pq = parse_query(q)
            sql = (f"SELECT {col} AS k, count(*) FROM fts JOIN articles a ON a.rowid = fts.rowid"
                   f" WHERE fts MATCH ?{fsql} GROUP BY k ORDER BY k")
            args = [pq.fts, *fargs]
        else:
            sql = f"SELECT {col} AS k, count(*) FROM articles a WHERE 1{fsql} GROUP BY k ORDER BY k"
            args = fargs
        try:
            rows = self.con.execute(sql, args).fetchall()
        except sqlite3.OperationalError as e:
            raise QueryError(f"the query could not be run ({e})") from e
        out = [(r[0] if r[0] is not None else "unknown", int(r[1])) for r in rows]
        if by == "source":
            out.sort(key=lambda kv: -kv[1])
        return out

    def _counts_from_postings(self, pq: ParsedQuery, *, by: str, filters: Filters) -> list[tuple[str, int]]:
        try:
            matched, _loaded, cols = self._matches(pq, filters)
        except sqlite3.OperationalError as e:
            raise QueryError(f"the query could not be run ({e})") from e
        counts = cols.count_by(matched, by)
        if by == "source":
            return sorted(((str(k), n) for k, n in counts.items()), key=lambda kv: (-kv[1], kv[0]))
        keys = sorted(counts, key=lambda k: (k is not None, k or ""))
        return [(k if k is not None else "unknown", counts[k]) for k in keys]


def lead_end(text: str, removed: list[tuple[int, int]]) -> int:
    """Where the text's body starts: after the removed spans (title, byline, debris, credit)
    and the white space that open it, one after another; 0 when the text opens with its body."""
    lead = 0
    for s, e in sorted(removed):
        while lead < len(text) and text[lead].isspace():
            lead += 1
        if s > lead:
            break
        lead = max(lead, e)
    while lead < len(text) and text[lead].isspace():
        lead += 1
    return lead if lead < len(text) else 0  # nothing but removed spans: the text from its start


def hidden_spans(con: sqlite3.Connection, rowid: int) -> list[tuple[int, int]]:
    """The spans of an article a snippet leaves out: debris, credit, title, byline."""
    return [(r[0], r[1]) for r in con.execute(
        "SELECT start, \"end\" FROM spans WHERE article=? AND layer IN ('debris','credit','title','byline')",
        (rowid,))]
