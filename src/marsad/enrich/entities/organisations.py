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


def joint_bodies(ms: list[Mention], norms: Sequence[str], gaz: Gazetteer) -> list[Mention]:
    """A body of two countries names them by two nationality adjectives side by side (مجلس
    الأعمال السعودي الفرنسي، اللجنة السعودية الروسية المشتركة): an organisation that ends with
    one, right before the other — definite both, agreeing in gender, of another country — takes
    it, and keeps the first one's country (it was مجلس الأعمال السعودي | الفرنسي, keyed and
    counted as a Saudi council with the French one's country)."""
    nat_at = {o.a: o for o in ms if o.type == "NORP" and o.b - o.a == 1}
    if not nat_at:
        return ms
    gone: list[Mention] = []
    for m in ms:
        if m.type != "ORG" or m.b - m.a < 2 or (n := nat_at.get(m.b)) is None:
            continue
        last, nxt = norms[m.b - 1], norms[n.a]
        if not (last.startswith("ال") and nxt.startswith("ال")) or last.endswith("ه") != nxt.endswith("ه"):
            continue
        e1, e2 = gaz.nationality(last), gaz.nationality(nxt)
        if e1 is None or e2 is None or not e1.country or not e2.country or e1.country == e2.country:
            continue
        m.b = n.b
        m.country = e1.country
        if m.words:
            m.words = (*m.words, nxt)
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


#: how many words after the person's name an institution named after him may take (الطبية
#: الجامعي; للدراسات والبحوث البترولية)
_NAMED_TAIL = 5

#: عن طريق: "by way of", before a person as often as before a road
_WAY, _ABOUT = lx.word_set("طريق"), lx.word_set("عن")


def named_after(ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
    """A place or institution named after a person with his honorific — a head of
    :data:`org_words.NAMED_FACILITIES` as it stands in construct (with a proclitic or none, no
    ال), then an honorific (:data:`org_words.NAMED_AFTER_RANKS`), a given name and its chain of
    fathers (بن، بنت; عبد + a name; آل + a family): مستشفى الملك فهد، جامعة الأمير سلطان، مطار
    الملك عبد العزيز الدولي — or a head of :data:`org_words.NAMED_FOR_ANYONE` before a person's
    name of two words or more (مطار رفيق الحريري الدولي: :func:`_plain_name_end`) is one
    mention, an organisation (a street, road, bridge or square
    of :data:`org_words.NAMED_WAYS` is a place, LOC): what a reader looks for is the hospital, not
    King Fahd, whom the name does not speak of. The name takes the definite adjectives after it
    (الجامعي، التخصصي، الطبية) and a purpose of ل + a definite noun with its conjuncts (مركز الملك
    عبدالله | للدراسات والبحوث البترولية). Not طريق after عن ("by way of": عن طريق محمد هاني).
    The person the tagger found inside it (عبدالعزيز of مدينة
    الملك عبدالعزيز الطبية, فهد ببني of مدرسة الملك فهد ببني عدوان) and any piece of it goes;
    an organisation that already holds the whole name and more stays as it is. A town the
    gazetteer knows after the head is left alone (مدينة الشيخ زويد); مدينة + an honorific is
    otherwise a body (مدينة الملك عبدالعزيز للعلوم والتقنية، مدينة الأمير سعود بن جلوي الرياضية).
    A person's role is not read back into it (:meth:`.people.PersonReader.role`)."""
    n = len(norms)
    found: list[tuple[int, int, str, str, str]] = []  # (start, end, proclitic, head, type)
    k = 0
    while k + 2 < n:
        p, head = next(((p, c) for p, c in proclitic_splits(norms[k]) if c in ow.NAMED_FACILITIES), ("", ""))
        if not head or head in _WAY and k and norms[k - 1] in _ABOUT:
            k += 1
            continue  # (عن طريق محمد هاني: by way of him, no road)
        if norms[k + 1] in ow.NAMED_AFTER_RANKS:
            j = _royal_name_end(norms, k + 2)
        elif head in ow.NAMED_FOR_ANYONE:
            j = _plain_name_end(ms, norms, k + 1)
        else:
            j = -1
        if j < 0:
            k += 1
            continue
        if any(o.a == k + 1 and o.type in ("GPE", "LOC") and o.entry is not None for o in ms):
            k += 1
            continue  # (مدينة الشيخ زويد: a town of the gazetteer)
        j = _named_tail(norms, j)
        found.append((k, j, p, head, "LOC" if head in ow.NAMED_WAYS else "ORG"))
        k = j
    if not found:
        return ms
    out = list(ms)
    for a, b, p, head, typ in found:
        if any(o.a <= a and o.b >= b and o.type == "ORG" for o in out):
            continue  # (مؤسسة الملك عبدالعزيز ورجاله للموهبة والإبداع: the body is read already)
        out = [o for o in out if o.b <= a or o.a >= b]
        words = _join_abd((head, *norms[a + 1 : b]))  # (بمستشفى → مستشفى: the key has no proclitic)
        out.append(Mention(a, b, typ, source="rule", words=words, canon=" ".join(words),
                           extra={"named_after": "1", "proclitic": str(len(p))}))
    out.sort(key=lambda m: m.a)
    return out


def _royal_name_end(norms: Sequence[str], j: int) -> int:
    """The end of a given name and its chain of fathers that starts at ``j`` (فهد، عبد العزيز،
    محمد بن سعود، صيتة بنت عبدالعزيز، تركي آل الشيخ), or ``-1`` when no name starts there."""
    n = len(norms)
    w = norms[j]
    if not w.isalpha() or w.startswith("ال") or w in lx.STOPWORDS or _is_title_word(w) or w[:1] == "و":
        return -1
    j += 1
    if w == "عبد" and j < n and norms[j].isalpha():
        j += 1
    while j + 1 < n and (norms[j] in lx.NASAB or norms[j] in ("ال", "آل")) and norms[j + 1].isalpha():
        j += 2
        if norms[j - 1] == "عبد" and j < n and norms[j].isalpha():
            j += 1
    return j


def _plain_name_end(ms: list[Mention], norms: Sequence[str], j: int) -> int:
    """The end of a person's name without an honorific after a place named for him (مطار |
    رفيق الحريري الدولي): a person the tagger found there of two
    words or more, or a given name of the lexicon (not an ambiguous one: حميد) and one or two
    words with a nisba adjective after them; else ``-1``."""
    p = next((o for o in ms if o.a == j and o.type == "PER"), None)
    if p is not None and p.b - p.a >= 2:
        return p.b
    n = len(norms)
    if _core(norms[j]) not in lx.FIRST_NAMES or norms[j] in lx.AMBIGUOUS:
        return -1
    for e in (j + 2, j + 3):
        if e < n and all(w.isalpha() and w not in lx.STOPWORDS and not _is_title_word(w)
                         for w in norms[j + 1 : e]) and _named_tail(norms, e) > e:
            return e
    return -1


def _is_title_word(w: str) -> bool:
    return w in lx.TITLE_WORDS or w in lx.RULE_TITLES


def _named_tail(norms: Sequence[str], j: int) -> int:
    """``j`` moved over the definite nisba adjectives after a named institution (الطبية،
    الجامعي، الدولي; not الواصل، البارحة) and a purpose of ل + a definite noun with its
    adjectives and conjuncts (للعلوم والتقنية، للطاقة الذرية والمتجددة), at most
    :data:`_NAMED_TAIL` words; a title (الدكتور), a stop word or a second body ends it."""
    n = len(norms)
    end = j
    purpose = False
    while end < n and end - j < _NAMED_TAIL:
        w = norms[end]
        if not w.isalpha() or w in lx.STOPWORDS or _is_title_word(w):
            break
        if w.startswith("لل") and len(w) >= 5 and not purpose and w[1:] not in ow.ORG_RULE_HEADS:
            purpose = True  # للدراسات
        elif not (w.startswith("ال") and len(w) >= 5 and w.endswith(("ي", "يه"))
                  or purpose and w.startswith("وال") and len(w) >= 5) \
                or w in ow.ORG_RULE_HEADS or w[1:] in ow.ORG_RULE_HEADS:
            break
        end += 1
    return end


def _join_abd(words: tuple[str, ...]) -> tuple[str, ...]:
    """عبد written with the name after it, as a person's key writes it (مطار الملك عبد العزيز
    and مطار الملك عبدالعزيز are one airport)."""
    out: list[str] = []
    for w in words:
        if out and out[-1] == "عبد":
            out[-1] += w
        else:
            out.append(w)
    return tuple(out)
