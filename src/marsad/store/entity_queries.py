"""Read queries about entities for the web UI and the HTTP API.

Mentions are spans of layer ``mention`` whose ``value`` is a per-article entity key. When the
registry exists (tables ``entities`` and ``entity_aliases``, migration ``0002_entity_registry``)
an entity is a registry row and every alias key that maps to it; without it, an entity is just
one mention value. :func:`resolve` hides the difference: the rest of this module works on an
:class:`EntityRef` (a canonical key and all the mention values that mean it).

Surface forms are cut from the stored text with ``substr(text, start + 1, end - start)``:
SQLite counts characters (code points) for TEXT, exactly as Python offsets do.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from marsad.store.queries import ARTICLE_BRIEF, _row, columns
from marsad.store.schema import SPANS_BY_ARTICLE
from marsad.store.sql import CHUNK, chunks, placeholders, select_in


@dataclass(frozen=True)
class EntityRef:
    key: str  # the canonical key: the registry's entities.key, else the mention value itself
    keys: tuple[str, ...]  # every mention value that names this entity
    row: dict[str, Any] | None  # the registry row, if any


def has_registry(con: sqlite3.Connection) -> bool:
    return {"id", "key", "name"} <= set(columns(con, "entities")) and \
        {"key", "entity"} <= set(columns(con, "entity_aliases"))


def resolve(con: sqlite3.Connection, key: str) -> EntityRef | None:
    """The entity ``key`` names (a registry key, an alias key, ``#`` and the entity's number as
    ``marsad entities`` lists it — or the number alone, as the CLI takes it — or a bare mention
    value)."""
    if has_registry(con):
        # a mention key's alias link is authoritative; an entity's own key comes next
        row = con.execute("SELECT e.* FROM entity_aliases al JOIN entities e ON e.id = al.entity"
                          " WHERE al.key = ?", (key,)).fetchone()
        if row is None and key[:1] == "#" and key[1:].isdigit():
            row = con.execute("SELECT * FROM entities WHERE id = ?", (int(key[1:]),)).fetchone()
        if row is None:
            row = con.execute("SELECT * FROM entities WHERE key = ?", (key,)).fetchone()
        if row is None and key.isdigit():  # no key is digits alone (a key is TYPE:NAME)
            row = con.execute("SELECT * FROM entities WHERE id = ?", (int(key),)).fetchone()
        if row is None and ":" not in key and key.strip():
            # a name, a variant or a word of one, as `marsad search --entity` and `marsad entity`
            # take it (entity=ترامب was a 404 where the CLI listed Trump's articles)
            from marsad.store.entities import EntityStore

            if found := EntityStore(con).best(key):
                row = con.execute("SELECT * FROM entities WHERE id = ?", (found["id"],)).fetchone()
        if row is not None:
            keys = [r[0] for r in con.execute("SELECT key FROM entity_aliases WHERE entity = ?", (row["id"],))]
            return EntityRef(row["key"], tuple(dict.fromkeys([row["key"], *keys])), _row(row))
    hit = con.execute("SELECT 1 FROM spans WHERE layer = 'mention' AND value = ? LIMIT 1", (key,)).fetchone()
    return EntityRef(key, (key,), None) if hit else None


def canonical(con: sqlite3.Connection, values: list[str]) -> dict[str, str]:
    """Each mention value's canonical entity key (itself when the registry does not know it)."""
    out = {v: v for v in values}
    if not values or not has_registry(con):
        return out
    for k, ck in select_in(con, "SELECT al.key, e.key FROM entity_aliases al JOIN entities e ON e.id = al.entity"
                                " WHERE al.key IN", values):
        out[k] = ck
    return out


def _registry(con: sqlite3.Connection, keys: list[str]) -> dict[str, tuple[int, str, str, str]]:
    """``key → (id, name, type, english)`` of the registry rows of canonical ``keys``."""
    if not keys or not has_registry(con):
        return {}
    return {k: (int(ident), name, typ, en) for k, ident, name, typ, en in select_in(
        con, "SELECT key, id, name, type, english FROM entities WHERE key IN", keys)}


def labels(con: sqlite3.Connection, keys: list[str]) -> dict[str, dict[str, Any]]:
    """Display name (:func:`display_names`), type and English name for canonical keys; a key
    without registry type takes the label of its first mention (the first article, the first
    place in it)."""
    reg = _registry(con, keys)
    names = display_names(con, keys, registry=reg)
    untyped = [k for k in keys if not reg.get(k, (0, "", "", ""))[2]]
    first = dict(con.execute(  # one statement, one index look-up per key
        "SELECT j.value, (SELECT s.label FROM spans s WHERE s.layer = 'mention' AND s.value = j.value"
        " ORDER BY s.article, s.start LIMIT 1) FROM json_each(?) j", (orjson.dumps(untyped).decode(),))) if untyped else {}
    out: dict[str, dict[str, Any]] = {}
    for k in keys:
        _ident, _name, rtype, en = reg.get(k, (None, None, None, None))
        out[k] = {"name": names[k], "type": rtype or first.get(k), "name_en": en or None}
    return out


def display_names(con: sqlite3.Connection, keys: list[str], *, sample: int = 500,
                  registry: Mapping[str, tuple[int, str, str, str]] | None = None) -> dict[str, str]:
    """The name to show for each canonical entity key, the one the CLI (``marsad entities``,
    ``marsad entity``) and the web show: :func:`display_name` of the spellings of ``sample``
    mentions of the entity's keys (its registry key and alias keys; a key the registry does not
    know is its own), given its registry name. ``registry``: the keys' registry rows, when the
    caller has read them (:func:`_registry`). The alias keys of all the keys in one statement (a
    chunk of entities at a time), the places of each entity's sampled mentions in one (a chunk of
    its keys at a time), the texts of the articles these are in once (:func:`_forms`)."""
    reg = _registry(con, keys) if registry is None else registry
    own: dict[int, list[str]] = {}
    for ident, key in select_in(con, "SELECT entity, key FROM entity_aliases WHERE entity IN",
                                [reg[k][0] for k in keys if k in reg]):
        own.setdefault(int(ident), []).append(key)
    names = {k: sorted(own[reg[k][0]]) if k in reg and reg[k][0] in own else [k] for k in keys}
    forms = _forms(con, names, sample=sample)
    return {k: display_name(forms[k], reg[k][1] if k in reg else None) or k for k in keys}


def display_name(forms: Mapping[str, int], registry_name: str | None) -> str | None:
    """The name to show for an entity written as ``forms`` (spelling → mentions, the most
    frequent first), as the archive writes it: registry names are normalised forms (ايران,
    الاميركي, ابراهيم رييسي) that read as misspellings. With a registry name: its most frequent
    spelling (باراك أوباما, not the commoner أوباما), else the registry name itself (the archive
    never writes it so). Without one: the longest of the frequent spellings (three times as rare
    as the most frequent at most: a full name over a surname); ``None`` without any."""
    from marsad.text.normalize import normalize

    if registry_name:
        spelt = Counter({f: n for f, n in forms.items() if normalize(f) == registry_name})
        return spelt.most_common(1)[0][0] if spelt else registry_name
    top = max(forms.values(), default=0)
    return max((f for f, n in forms.items() if n * 3 >= top), key=len, default=None)


def _forms(con: sqlite3.Connection, names: Mapping[str, list[str]], *, sample: int) -> dict[str, Counter[str]]:
    """How the mentions of each entity are written (``names``: entity → its mention keys), as
    shown (:func:`_shown`), counted in the order they are read: the first ``sample`` mentions
    of a :data:`CHUNK` of its keys at a time, the keys in sorted order and each key's mentions in
    the order of their articles and their places in them (the spans' ``(layer, value, article,
    start, end)`` index, migration ``0011``), however they were stored.

    The mentions' places are read from that index alone, and then each article's text once for
    all the mentions it holds, however many entities they name (:func:`_texts_at`). Every
    span's article exists (no path deletes an article)."""
    picked: dict[str, list[tuple[int, int, int]]] = {}
    for k, ks in names.items():
        got = picked[k] = []
        for part in chunks(ks):
            got.extend((int(a), int(s), int(e)) for a, s, e in con.execute(
                "SELECT article, start, \"end\" FROM spans WHERE layer = 'mention'"
                f" AND value IN ({placeholders(len(part))}) ORDER BY value, article, start LIMIT ?", [*part, sample]))
    cut = _texts_at(con, [m for ms in picked.values() for m in ms])
    out: dict[str, Counter[str]] = {}
    for k, ms in picked.items():
        out[k] = Counter(f for f in (_shown(cut.get(m, "")) for m in ms) if f)
    return out


def _shown(form: str) -> str:
    """A mention as a name to show: without a hashtag's ``#`` (دونالد #ترمب, as some outlets tag
    names in the running text) and outer spaces."""
    return " ".join(form.replace("#", " ").split())


def _variants(row: dict[str, Any] | None) -> list[str]:
    v = (row or {}).get("variants")
    if isinstance(v, dict):
        return [str(k) for k, _n in sorted(v.items(), key=lambda kv: -kv[1] if isinstance(kv[1], int) else 0)]
    if isinstance(v, list):
        return [str(x) for x in v]
    if isinstance(v, str) and v:
        return [x for x in v.replace("|", "\n").splitlines() if x.strip()]
    return []


def _texts_at(con: sqlite3.Connection, places: Iterable[tuple[int, int, int]]) -> dict[tuple[int, int, int], str]:
    """The text at each ``(article, start, end)``, each article's text read once for all its
    places (cutting each in SQL, ``substr``, read the whole text again for every place)."""
    by_article: dict[int, set[tuple[int, int]]] = {}
    for a, s, e in places:
        by_article.setdefault(a, set()).add((s, e))
    out: dict[tuple[int, int, int], str] = {}
    for a, text in select_in(con, "SELECT rowid, text FROM articles WHERE rowid IN", list(by_article)):
        for s, e in by_article[a]:
            out[(a, s, e)] = (text or "")[s:e]
    return out


def surface_forms(con: sqlite3.Connection, ref: EntityRef, *, limit: int = 50) -> list[tuple[str, int]]:
    """How the entity is written in the archive: each surface form and how often."""
    places = [(int(a), int(s), int(e)) for a, s, e in select_in(
        con, "SELECT article, start, \"end\" FROM spans WHERE layer = 'mention' AND value IN", ref.keys)]
    texts = _texts_at(con, places)
    counts = Counter(texts[p] for p in places if p in texts)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


def _where(ref: EntityRef) -> tuple[str, list[str]]:
    keys = list(ref.keys[:CHUNK])
    return f"s.layer = 'mention' AND s.value IN ({placeholders(len(keys))})", keys


def summary(con: sqlite3.Connection, ref: EntityRef) -> dict[str, Any]:
    """Names, type, country and counts of one entity."""
    where, args = _where(ref)
    stats = con.execute(
        "SELECT count(*), count(DISTINCT s.article), min(a.published_day), max(a.published_day)"
        f" FROM spans s JOIN articles a ON a.rowid = s.article WHERE {where}", args,
    ).fetchone()
    spans = con.execute(f"SELECT s.label, s.attrs FROM spans s WHERE {where} LIMIT 2000", args).fetchall()
    types = Counter(r[0] for r in spans if r[0])
    attrs = [orjson.loads(r[1]) for r in spans[:300] if r[1]]
    forms = surface_forms(con, ref)
    reg = ref.row or {}
    shown: Counter[str] = Counter()
    for f, n in forms:
        if _shown(f):
            shown[_shown(f)] += n
    return {
        "key": ref.key, "keys": list(ref.keys),
        "name": display_name(shown, reg.get("name")) or ref.key,
        "name_en": reg.get("english") or reg.get("name_en") or None,
        "type": reg.get("type") or (types.most_common(1)[0][0] if types else None),
        "country": reg.get("country") or _most_common(a.get("country") for a in attrs),
        "role": _most_common(a.get("role") for a in attrs),
        "variants": _variants(ref.row),
        "surface_forms": [{"text": f, "count": n} for f, n in forms],
        "mentions": int(stats[0]), "articles": int(stats[1]),
        "first_seen": stats[2], "last_seen": stats[3],
        "registry": {k: v for k, v in reg.items() if k != "evidence"} or None,
    }


def _most_common(values: Any) -> Any:
    c = Counter(v for v in values if v)
    return c.most_common(1)[0][0] if c else None


def timeline(con: sqlite3.Connection, ref: EntityRef, *, by: str = "month") -> list[tuple[str, int]]:
    """Articles mentioning the entity per month (or day)."""
    width = 7 if by == "month" else 10
    where, args = _where(ref)
    rows = con.execute(
        f"SELECT substr(a.published_day, 1, {width}) AS k, count(DISTINCT a.rowid)"
        f" FROM spans s JOIN articles a ON a.rowid = s.article WHERE {where} GROUP BY k ORDER BY k", args,
    ).fetchall()
    return [(r[0] or "unknown", int(r[1])) for r in rows]


def articles(con: sqlite3.Connection, ref: EntityRef, *, limit: int, offset: int) -> list[dict[str, Any]]:
    where, args = _where(ref)
    rows = con.execute(
        f"SELECT {ARTICLE_BRIEF}, count(*) AS mentions FROM spans s JOIN articles a ON a.rowid = s.article"
        f" WHERE {where} GROUP BY a.rowid"
        " ORDER BY a.published_day IS NULL, a.published_day DESC, a.rowid DESC LIMIT ? OFFSET ?",
        [*args, limit, offset],
    ).fetchall()
    return [dict(r) for r in rows]


def co_mentions(con: sqlite3.Connection, ref: EntityRef, *, limit: int = 25, sample: int = 5000) -> dict[str, Any]:
    """Entities mentioned in the same articles: counts, and the links among the top ones.

    Reads at most ``sample`` articles (the newest rowids) so a very frequent entity stays fast.
    """
    where, args = _where(ref)
    arts = [r[0] for r in con.execute(
        f"SELECT DISTINCT s.article FROM spans s WHERE {where} ORDER BY s.article DESC LIMIT ?", [*args, sample])]
    own = set(ref.keys)
    raw: list[set[str]] = []
    for i in range(0, len(arts), CHUNK):
        chunk = arts[i:i + CHUNK]
        sets: dict[int, set[str]] = {}
        for a, v in con.execute(
            f"SELECT article, value FROM {SPANS_BY_ARTICLE} WHERE layer = 'mention' AND article IN ({placeholders(len(chunk))})", chunk,
        ):
            if v and v not in own:
                sets.setdefault(a, set()).add(v)
        raw.extend(sets.values())
    canon = canonical(con, sorted({v for s in raw for v in s}))
    per_article = [{canon[v] for v in s} - {ref.key} for s in raw]
    counts = Counter(v for s in per_article for v in s)
    top = [k for k, _n in counts.most_common(limit)]
    topset = set(top)
    pairs: Counter[tuple[str, str]] = Counter()
    for s in per_article:
        inter = sorted(s & topset)
        for i, a in enumerate(inter):
            for b in inter[i + 1:]:
                pairs[(a, b)] += 1
    names = labels(con, [ref.key, *top])
    return {
        "entity": ref.key, "articles_read": len(arts),
        "center": {"key": ref.key, **names.get(ref.key, {})},
        "nodes": [{"key": k, "articles": counts[k], **names.get(k, {})} for k in top],
        "links": [{"source": a, "target": b, "articles": n} for (a, b), n in pairs.most_common(200)],
    }


def top(con: sqlite3.Connection, *, limit: int = 50, offset: int = 0, type: str | None = None,  # noqa: A002
        prefix: str | None = None) -> list[dict[str, Any]]:
    """The most mentioned entities: registry rows by count, else mention values by articles."""
    args: list[Any] = []
    if has_registry(con) and con.execute("SELECT 1 FROM entities LIMIT 1").fetchone():
        where = "1"
        if type:
            where += " AND type = ?"
            args.append(type)
        if prefix:
            where += " AND (name >= ? AND name < ? OR key >= ? AND key < ?)"
            args.extend([prefix, prefix + "\uffff", prefix, prefix + "\uffff"])
        rows = con.execute(f"SELECT key, name, type, count, id FROM entities WHERE {where}"
                           " ORDER BY count DESC, key LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
        shown = display_names(con, [r[0] for r in rows])
        # ``id``: the number `marsad entities` lists in its # column, which `entity=#N` takes
        return [{"id": r[4], "key": r[0], "name": shown[r[0]], "type": r[2], "mentions": int(r[3] or 0),
                 "articles": None} for r in rows]
    where = "layer = 'mention' AND value != ''"
    if type:
        where += " AND label = ?"
        args.append(type)
    if prefix:
        where += " AND value >= ? AND value < ?"
        args.extend([prefix, prefix + "\uffff"])
    rows = con.execute(
        f"SELECT value, count(DISTINCT article) AS n, count(*) AS m FROM spans WHERE {where}"
        " GROUP BY value ORDER BY n DESC, value LIMIT ? OFFSET ?", [*args, limit, offset],
    ).fetchall()
    names = labels(con, [r[0] for r in rows])
    return [{"key": r[0], "articles": int(r[1]), "mentions": int(r[2]), **names.get(r[0], {})} for r in rows]
