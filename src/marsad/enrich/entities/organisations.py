"""Organisations in news mentions: an institution head with a nationality adjective (السفارة
الإيرانية، الخارجية الروسية) unless الرئاسة is the office (انتخابات الرئاسة), a name of adjectives
that takes one more (حزب الاتحاد الديمقراطي المسيحي), a radio station named with its FM (جوهرة
أف أم), and an organisation's country from the adjective after it (الجزيرة الإماراتي).
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.enrich.entities import lexicon as lx
from marsad.enrich.entities import org_words as ow
from marsad.enrich.entities.features import proclitic_splits, strip_article
from marsad.enrich.entities.gazetteer import Gazetteer
from marsad.enrich.entities.mention import _KIND_TYPE, Mention
from marsad.enrich.entities.words import _QUOTES, _core, _definite, _in


def presidency_office(norms: Sequence[str], k: int) -> bool:
    """Whether الرئاسة at ``k`` is the office, not the presidency as a body (انتخابات الرئاسة،
    مرشح الرئاسة: :data:`org_words.OFFICE_BEFORE`)."""
    return k >= 1 and strip_article(_core(norms[k])) in ow.PRESIDENCY and _core(norms[k - 1]) in ow.OFFICE_BEFORE


def short_bodies(ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
    """«الإخوان» alone (للإخوان، والإخوان) in an article that names the Muslim Brotherhood in full
    (جماعة الإخوان المسلمين، جماعة الإخوان: an organisation whose name holds the word) is the
    Brotherhood, with the shortest full name's key (which the longer ones join); elsewhere the word is "the brothers" and no name."""
    full = min((m for m in ms if m.type == "ORG" and m.b - m.a >= 2
                and any(_core(w) in ow.BROTHERHOOD for w in norms[m.a : m.b])), key=lambda m: m.b - m.a, default=None)
    if full is None:
        return ms
    taken = {k for m in ms for k in range(m.a, m.b)}
    n = len(norms)
    added = [Mention(k, k + 1, "ORG", source="rule", entry=full.entry, country=full.country,
                     english=full.english, words=(_core(w),), canon=full.canon)
             for k, w in enumerate(norms) if k not in taken and _core(w) in ow.BROTHERHOOD
             and not (k + 1 < n and _core(norms[k + 1]) in ow.MUSLIMS)]  # ("الإخوان المسلمون": the name)
    return ms + added if added else ms


def org_by_nationality(ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
    """An institution head + nationality adjective is an organisation (السفارة الإيرانية،
    الخارجية الروسية، الرئاسة الإيرانية): the NORP mention grows into an ORG."""
    by_start = {m.a: m for m in ms}
    for m in list(ms):
        if m.type != "NORP" or m.a == 0 or m.a - 1 in by_start:
            continue
        head = norms[m.a - 1]
        if head.startswith("ل") and not head.startswith("لل") and "ا" + head in ow.ORG_NAT_HEADS:
            head = "ا" + head  # لرئاسة الإيرانية: the article's alef dropped by a typo
            m.extra["keep_clitic"] = "1"
        fem_head = _definite(head).endswith("ه")
        fem_adj = norms[m.a].endswith("ه")
        if presidency_office(norms, m.a - 1):
            continue  # انتخابات الرئاسة الأميركية: the office, and the adjective stays a NORP
        if _in(head, ow.ORG_NAT_HEADS) and fem_head == fem_adj and any(
                c.startswith("ال") or head.startswith("لل") for _p, c in proclitic_splits(head)):
            m.a -= 1
            if m.a and _in(norms[m.a - 1], ow.ORG_HEADS) and m.a - 1 not in by_start:
                m.a -= 1  # وزارة الخارجية الروسية: the ministry, not only its short name
                head = norms[m.a] + " " + head
            m.type = "ORG"
            hw = tuple(_definite(h) if k == 0 else h for k, h in enumerate(head.split()))
            m.words = (*hw, *m.words) if m.words else hw
            m.canon = " ".join(m.words)
            m.entry = None
    return ms


def org_adjective_chain(ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
    """An organisation named by a chain of adjectives takes a group adjective that goes on
    the chain (حزب الاتحاد الديمقراطي | المسيحي → one name; not حزب الله | الشيعي)."""
    nat_at = {o.a: o for o in ms if o.type == "NORP" and not o.country and o.b - o.a == 1}
    if not nat_at:
        return ms
    gone = []
    for m in ms:
        last = norms[m.b - 1]
        if m.type == "ORG" and m.b - m.a >= 3 and (n := nat_at.get(m.b)) is not None \
                and last.startswith("ال") and last.endswith(("ي", "يه")) and norms[n.a].startswith("ال"):
            m.b = n.b
            if m.words:
                m.words = (*m.words, norms[n.a])
                m.canon = " ".join(m.words)
            gone.append(n)
    return [o for o in ms if not any(o is g for g in gone)] if gone else ms


def org_country_after(ms: list[Mention]) -> None:
    """An organisation followed by a nationality adjective takes its country (الجزيرة | الإماراتي:
    the Emirati club, not the Qatari channel; ريفر بلايت | الأرجنتيني)."""
    nat_at = {o.a: o for o in ms if o.type == "NORP" and o.country}
    for m in ms:
        if m.type == "ORG" and (n := nat_at.get(m.b)) is not None:
            m.country = n.country


#: أف | أم (normalized), and FM written as one word
_FM = (frozenset({"اف"}), frozenset({"ام"}), frozenset({"fm", "اف.ام"}))


def radio_names(ms: list[Mention], norms: Sequence[str], gaz: Gazetteer) -> list[Mention]:
    """A word before أف أم / FM names a radio station (جوهرة أف أم، موزاييك اف ام): one
    organisation, whatever the tagger made of the pieces (اف ام بالجهة، جوهرة أف أم في …); a
    place the tagger's span ran on to stays a place (… في | القيروان)."""
    n = len(norms)
    ks = [k for k in range(1, n - 1) if norms[k] in _FM[0] and norms[k + 1] in _FM[1]]
    ks += [k for k in range(1, n) if norms[k] in _FM[2]]
    if not ks:
        return ms
    for k in sorted(ks):
        b = k + (1 if norms[k] in _FM[2] else 2)
        a = k - 1
        if k >= 2 and norms[a] in _QUOTES and b < n and norms[b] in _QUOTES:
            a, b = k - 2, b + 1  # الجوهرة "اف ام": the quotes are the name's
        w = _core(norms[a])
        if not w.isalpha() or len(w) < 3 or w in lx.STOPWORDS \
                or any(o.a < b and a < o.b and o.source == "fm" for o in ms):
            continue
        for o in [o for o in ms if o.a < b and a < o.b]:
            ms.remove(o)
            c = b + (b < o.b and norms[b] in lx.STOPWORDS)
            if c < o.b and (e := gaz.lookup(norms[c : o.b])) is not None and e.kind in ("country", "city", "region"):
                ms.append(Mention(c, o.b, _KIND_TYPE[e.kind], source="gaz", entry=e))
        m = Mention(a, b, "ORG", source="fm", words=(w, *(x for x in norms[k:b] if x not in _QUOTES)))
        m.canon = " ".join(m.words)
        ms.append(m)
    ms.sort(key=lambda m: m.a)
    return ms
