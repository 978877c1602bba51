"""Within-article resolution: which mentions of one article name the same entity.

Rules, in order (all on normalized words; ``rapidfuzz`` gives edit distances):

* places, organisations, agreements: the gazetteer's canonical name (روسيا الاتحادية and
  روسيا → روسيا; جمهورية إيران الإسلامية → إيران); otherwise the span's words without the
  article; two names one edit apart (طاجيكستان / طاجكستان, five letters or more) are one; an
  organisation whose words begin a longer organisation's name in the same article (مجلس الاتحاد
  … مجلس الاتحاد الفيدرالية الروسي) joins it. A capital used for its government keeps its
  city identity (موسكو) and carries its country (RU).
* people: a full name (two words or more) opens an entity, and joins another only with the same
  first name or as its family name (two brothers, خالد بن سلمان and محمد بن سلمان, are two); a
  lone name joins the entity whose name ends with it (the surname: أومخانوف, خطيب زادة; one edit
  away for four letters or more: بوتين / بوتن) or opens with it, not a father's name after بن
  (:func:`_lone_in`) — of several, one of its royal rank, then one it names as such names are
  named alone, then the earliest named (خان of سلمان خان); الملك سلمان alone is King Salman; a lone surname with no full name opens its own entity. A lone
  surname the lexicon knows as one well-known man's (``lexicon.KNOWN_SURNAMES``: ترامب → دونالد
  ترامب) joins only his full name: beside another full name with it (ميلانيا ترامب) it opens an
  entity keyed by his full name (``per:دونالد ترامب``).
* a bare surname that appears in the article *after* its full name, but that the tagger did
  not mark (رئيسي, an ambiguous word), is added as a person mention (see ``propagate``).

Each entity gets a stable key ``type:canonical`` (``per:فلاديمير بوتين``, ``gpe:روسيا``); the
corpus registry maps these keys to registry ids across articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, count

from rapidfuzz.distance import Levenshtein

from marsad.enrich.entities import lexicon as lx
from marsad.enrich.entities import org_words as ow
from marsad.enrich.entities import place_words as pw
from marsad.enrich.entities.features import Token, _norm, proclitic_splits, strip_article
from marsad.enrich.entities.mention import Mention
from marsad.text.normalize import normalize


@dataclass
class Entity:
    key: str
    type: str
    name: str  # canonical display (normalized) name
    country: str = ""
    english: str = ""
    role: str = ""
    mentions: list[Mention] = field(default_factory=list)
    variants: set[str] = field(default_factory=set)
    inferred: bool = False  # the country comes from the article, not from the name
    display: str = ""  # a readable canonical name (normalized, article kept): الصين، وزاره الماليه
    display_from_text: bool = True


def _same_father(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two names that both give a father (بن X) give the same one, or one of them gives
    none: محمد بن نايف بن عبدالعزيز and محمد بن سلمان بن عبدالعزيز are two princes, though their
    first and last words are the same, and فيصل بن عبدالعزيز is the father of تركي بن فيصل بن
    عبدالعزيز, though his name's words are all in his son's."""
    fa = next((a[i + 1] for i in range(len(a) - 1) if a[i] in lx.NASAB), None)
    fb = next((b[i + 1] for i in range(len(b) - 1) if b[i] in lx.NASAB), None)
    return fa is None or fb is None or _close(fa, fb)


def _same_given(short: Sequence[str], full: Sequence[str]) -> bool:
    """Whether the shorter of two full names can be the longer one's man: the same first name (or
    one spelt with one edit), or the longer one's family name of two words or more (داود أوغلو of
    أحمد داود أوغلو; not a father's name and his after بن, عبدالعزيز آل سعود of سلمان بن عبدالعزيز
    آل سعود). Two brothers share every word but the first: محمد بن فهد بن محمد بن عبدالرحمن and
    عبدالله بن فهد بن محمد بن عبدالرحمن, خالد بن سلمان and محمد بن سلمان are two princes."""
    if _close(short[0], full[0]):
        return True
    n = len(short)
    return any(tuple(full[p : p + n]) == tuple(short) and full[p - 1] not in lx.NASAB
               for p in range(1, len(full) - n + 1))


def _lone_in(w: str, full: Sequence[str]) -> bool:
    """Whether a lone name ``w`` can be the person named ``full`` (two words or more): it is his
    given name, or his family name — not a father's given name after بن (سلمان of محمد بن سلمان,
    نايف of محمد بن نايف; but بن خالفة is a family), nor a given name between his (حسن of عمر حسن
    البشير); a word of a foreign or run-on name between them is his (شيونغ of باتريك سون شيونغ)."""
    if w == full[0]:
        return True
    if _close(w, full[-1]):
        return not (full[-2] in lx.NASAB and w in lx.FIRST_NAMES)
    return w in full[1:-1] and w not in lx.FIRST_NAMES and lx.NASAB.isdisjoint(full)


def _ranks(role: str) -> frozenset[str]:
    """The royal ranks of a title (:data:`lexicon.ROYAL_RANKS`; والأمير → الامير)."""
    return frozenset(c for w in _WORD.findall(normalize(role)) for _p, c in proclitic_splits(w) if c in lx.ROYAL_RANKS) \
        if role else frozenset()


def _role_words(role: str) -> tuple[str, ...]:
    """A title's words, normalized, each less its proclitic (وخادم → خادم)."""
    return tuple(proclitic_splits(w)[-1][1] if w[:1] in "وفبلك" else w for w in _WORD.findall(normalize(role)))


#: a word of a title, without the brackets or dashes around it (ولي العهد الأمير (الملك) سعود)
_WORD = re.compile(r"\w+")


def _close(a: str, b: str) -> bool:
    """Same word, or one edit apart (words of four letters or more) — but two first names the
    lexicon knows are two names, not one spelt two ways (سلمان / سلطان، حسن / حسين; الخميني / خامنئي)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or lx.two_names(a, b):
        return False
    return Levenshtein.distance(a, b, score_cutoff=1) <= 1


def _bare(words: Sequence[str]) -> tuple[str, ...]:
    return _bare_t(tuple(words))


@lru_cache(maxsize=50_000)
def _bare_t(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(strip_article(w) for w in words if w[:1].isalnum())


@lru_cache(maxsize=50_000)
def base_name(canon: str) -> str:
    """An entity's base name, as its key writes it after the type: the canonical name's words
    without the article (cached)."""
    return " ".join(_bare(canon.split())) or canon


@lru_cache(maxsize=50_000)
def _joined_bare(words: tuple[str, ...]) -> str:
    return " ".join(_bare_t(words))


@lru_cache(maxsize=50_000)
def _alnum(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words that are words (not punctuation)."""
    return tuple(w for w in words if w[:1].isalnum())


#: heads of a movement or party named after its leader (حركة غولن، التيار الصدري is an adjective)
_MOVEMENT_HEADS = lx.word_set("حركة جماعة تيار حزب تنظيم")


def _ends_full_name(full: tuple[str, ...], norms: Sequence[str], k: int, taken: Container[int]) -> bool:
    """Whether the word at ``k`` ends the person's whole name ``full`` written out, in words no
    mention holds (its first word may carry a proclitic: بمستشفى فرحات حشاد)."""
    j = k - len(full) + 1
    return j >= 0 and tuple(norms[j + 1 : k]) == full[1:-1] and not any(i in taken for i in range(j, k)) \
        and any(c == full[0] for _p, c in proclitic_splits(norms[j]))


#: asked about each mention propagation would add, with the article's mentions so far: whether it
#: stays (the news path passes :meth:`.ordinary_words.OrdinaryWords.keeps`)
Keep = Callable[[Mention, Sequence[Mention]], bool]


def propagate(ms: list[Mention], toks: Sequence[Token], norms: Sequence[str] | None = None, *,
              keep: Keep | None = None) -> list[Mention]:
    """Add person mentions for bare surnames seen after their full name (رئيسي after إبراهيم
    رئيسي), where the tagger left them out; the span skips a proclitic (ورئيسي → رئيسي). ``keep``
    is asked about each (see :func:`propagate_entities`), and the surname of a full name written
    out whole is not taken alone: the full name was left out on purpose (مستشفى فرحات حشاد)."""
    taken = set()
    for m in ms:
        taken.update(range(m.a, m.b))
    firsts: dict[str, int] = {}
    fulls: dict[str, tuple[str, ...]] = {}
    for m in ms:
        if m.type == "PER" and m.b - m.a >= 2 and m.words:
            sur = m.words[-1]
            if len(sur) >= 3 and (sur not in firsts or m.a < firsts[sur]) and sur not in lx.DIVINE \
                    and m.words[-2] != "ال":
                # (not الله of حسن نصر الله: الله alone is nobody; nor الشيخ of تركي آل الشيخ)
                firsts[sur] = m.a
                fulls[sur] = m.words
    if not firsts:
        return ms
    for m in ms:  # هدف مورينو after جيرار مورينو: the tagger's place is the person
        if m.type in ("GPE", "LOC", "ORG") and m.b - m.a == 1 and m.words and m.words[0] in firsts \
                and firsts[m.words[0]] < m.a and (m.entry is None or m.entry.kind not in ("country", "org")):
            m.type, m.entry, m.country, m.english = "PER", None, "", ""
    for m in ms:  # ومكابي after أندرو مكابي: the tagger's span leaves the proclitic out
        if m.type == "PER" and m.b - m.a == 1 and m.words and m.words[0] not in firsts:
            t = toks[m.a]
            for p, c in proclitic_splits(t.norm)[1:]:
                if c in firsts and firsts[c] < m.a:
                    m.start = t.start + _chars(t.text, len(p))
                    m.words = (c,)
                    m.canon = c
                    break
    added: list[Mention] = []
    ends = {m.b: m for m in ms if m.type == "PER"}
    # every reading of a token (proclitic_splits) is a suffix of it, or ا + its tail (للـ → ال):
    # either way it ends with the token's last three letters, so only tokens ending like a
    # surname can hold one
    tails = tuple({s[-3:] for s in firsts})  # three letters each: endswith ⇔ n[-3:] in tails
    if norms is None:
        norms = [t.norm for t in toks]
    tailed = {n for n in set(norms) if n.endswith(tails)}
    for k in compress(count(), map(tailed.__contains__, norms)):
        if k in taken:
            continue
        t = toks[k]
        prev = ends.get(k)
        if prev is not None and t.norm in firsts and firsts[t.norm] < k:
            prev.b = k + 1  # الرئيس إبراهيم | رئيسي: the surname completes the name before it
            prev.end = t.end
            prev.words = (*prev.words, t.norm)
            ends[k + 1] = prev
            continue
        for cand, cut in ((c, len(p)) for p, c in proclitic_splits(t.norm)):
            if cand in firsts and firsts[cand] < k and not _ends_full_name(fulls[cand], norms, k, taken):
                h = toks[k - 1] if k and k - 1 not in taken else None
                head = next((c for p, c in proclitic_splits(h.norm) if c in _MOVEMENT_HEADS), None) if h else None
                if head is not None:  # بحركة | غولن: the movement named after him, not he
                    hc = len(h.norm) - len(head)
                    m = Mention(k - 1, k + 1, "ORG", start=h.start + _chars(h.text, hc), end=t.end,
                                source="resolve", words=(head, cand), canon=f"{head} {cand}")
                else:
                    m = Mention(k, k + 1, "PER", start=t.start + _chars(t.text, cut), end=t.end,
                                source="resolve", words=(cand,), canon=cand)
                if keep is None or keep(m, ms + added):
                    added.append(m)
                break
    return ms + added


def propagate_entities(ms: list[Mention], toks: Sequence[Token], norms: Sequence[str], *,
                       keep: Keep | None = None) -> list[Mention]:
    """The news path's counterpart of :func:`.conll.propagate_entities` (and of
    :func:`propagate` for every type). Add the mentions the tagger left out of a name it found
    elsewhere in the article: a
    person's full name (وأوضح الحبيب الصيد after رئيس الحكومة الحبيب الصيد), a place or
    organisation of two words or more (محافظتي ديالى و | صلاح الدين after صلاح الدين;
    the span skips a proclitic), or one the gazetteer knows as a country, city, region or
    organisation (الرمادي، داعش; not a place that is also an everyday word, فتح, an ambiguous
    name, nor a word after a demonstrative: هذه القاعدة). ``keep`` is asked about each mention
    before it is added (the drop step's tests: نصف قطر is a diameter, الماجستير في إدارة الأعمال
    a subject), so what the drop step keeps out, propagation does not put back; where it says no,
    a shorter name at the same word may stay. A nationality word right after the
    first word of such a name is the name (دول الاتحاد | الأفريقي after الاتحاد الأفريقي), and
    the name word of a head + name organisation, alone later, is the organisation (وقالت
    سامسونغ after شركة سامسونغ للإلكترونيات), not a person or a place."""
    names: dict[tuple[str, ...], Mention] = {}
    for m in ms:
        if m.type not in ("GPE", "LOC", "ORG", "PER") or not m.words or len(m.words) != m.b - m.a \
                or m.type == "PER" and len(m.words) < 2:
            continue
        w = m.words[0]
        if len(m.words) == 1 and not (m.entry is not None and m.entry.kind in ("country", "city", "region", "org")
                                      and w not in pw.WORD_PLACES and w not in ow.ORG_WORDS
                                      and w not in lx.AMBIGUOUS and len(w) >= 3):
            continue
        names.setdefault(m.words, m)
    if not names:
        return ms
    taken = [False] * len(norms)
    for m in ms:
        for k in range(m.a, m.b):
            taken[k] = True
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for w in names:
        by_first.setdefault(w[0], []).append(w)
    for v in by_first.values():
        v.sort(key=len, reverse=True)
    tails = tuple({w[-3:] for w in by_first})
    added: list[Mention] = []
    k, n = 0, len(norms)
    while k < n:
        if taken[k] or not norms[k].endswith(tails):
            k += 1
            continue
        cand: Mention | None = None
        t = toks[k]
        for p, c in proclitic_splits(norms[k]):
            for words in by_first.get(c, ()):
                b = k + len(words)
                if b <= n and not any(taken[k + 1 : b]) and tuple(norms[k + 1 : b]) == words[1:]:
                    src = names[words]
                    cand = Mention(k, b, src.type, start=t.start + _chars(t.text, len(p)), end=toks[b - 1].end,
                                   source="resolve", entry=src.entry, country=src.country, english=src.english,
                                   words=words, canon=src.canon)
                    if keep is None or keep(cand, ms + added):
                        break
                    cand = None  # (نصف | قطر: a diameter, not Qatar)
            if cand is not None:
                break
        if cand is None:
            k += 1
            continue
        b = cand.b
        added.append(cand)
        for j in range(k, b):
            taken[j] = True
        k = b
    named_by_head = {m.words[1]: m for m in ms if m.type == "ORG" and m.words and len(m.words) >= 2
                     and m.words[0] in ow.ORG_HEADS and len(m.words[1]) >= 4 and not m.words[1].startswith("ال")
                     and m.words[1] not in lx.FIRST_NAMES}
    for m in ms:  # وقالت سامسونغ after شركة سامسونغ للإلكترونيات: the tagger's person is the company
        if m.b - m.a == 1 and m.type in ("PER", "GPE", "LOC") and m.words and m.words[0] in named_by_head \
                and named_by_head[m.words[0]].a < m.a and (m.entry is None or m.entry.kind not in ("country", "city")):
            src = named_by_head[m.words[0]]
            m.type, m.entry, m.country, m.english, m.role = "ORG", None, src.country, "", ""
    for m in ms:  # دول الاتحاد | الأفريقي: the nationality word ends a name of the article
        if m.type == "NORP" and m.a and not taken[m.a - 1] and m.b - m.a == 1:
            cut, first = strip_proclitic_to(norms[m.a - 1], by_first)
            words = (first, norms[m.a])
            if words in names and names[words].type == "ORG":
                src = names[words]
                t = toks[m.a - 1]
                m.a, m.start = m.a - 1, t.start + _chars(t.text, cut)
                m.type, m.entry, m.country, m.english = "ORG", src.entry, src.country, src.english
                m.words, m.canon, m.role = words, src.canon, ""
    nisbas = {m.words[-1]: m for m in ms if m.type == "PER" and m.words and len(m.words) >= 2
              and m.words[-1].startswith("ال") and m.words[-1].endswith("ي")}
    for m in ms:  # وأشار السويدي after سيف السويدي: the family name, not a nationality
        if nisbas and m.type == "NORP" and m.b - m.a == 1 and m.a and (src := nisbas.get(norms[m.a])) is not None \
                and src.b <= m.a and not any(c.startswith("ال") for _p, c in proclitic_splits(norms[m.a - 1])) \
                and norms[m.a - 1][:1].isalpha() and norms[m.a - 1] not in lx.TITLE_WORDS:
            m.type, m.entry, m.country, m.english, m.role = "PER", None, "", "", ""
            m.words, m.canon = (norms[m.a],), norms[m.a]
    return ms + added if added else ms


def strip_proclitic_to(w: str, firsts: dict[str, list[tuple[str, ...]]]) -> tuple[int, str]:
    """The reading of ``w`` (less a proclitic) that starts a known name, with the length of the
    proclitic (للاتحاد → 1, الاتحاد), else ``(0, w)``."""
    return next(((len(p), c) for p, c in proclitic_splits(w) if c in firsts), (0, w))


def _chars(surface: str, k: int) -> int:
    from marsad.enrich.entities.features import _orig_prefix_len

    return _orig_prefix_len(surface, k) if k else 0


def resolve(ms: Sequence[Mention]) -> list[Entity]:
    """Group mentions into entities; sets nothing on the mentions (see :func:`assign`)."""
    ents: list[Entity] = []
    people: list[tuple[Entity, tuple[str, ...], set[str]]] = []  # entity, its name's words and their set
    others: dict[tuple[str, str], Entity] = {}
    by_type: dict[str, list[tuple[str, Entity]]] = {}  # the keys of ``others``, by type, in order
    ordered = sorted(ms, key=lambda m: (-(m.b - m.a) if m.type == "PER" else 0, m.a))
    for m in ordered:
        if m.type == "PER":
            words = lx.abd_joined(_alnum(tuple(m.words)))
            if not words:
                continue
            target = None
            wset = set(words)
            ranks = _ranks(m.role)
            best = (2, 2, 0)
            for e, ew, ewset in people:
                if len(words) >= 2 and len(ew) >= 2:
                    short, longer = (words, ew) if len(words) <= len(ew) else (ew, words)
                    if words == ew or (_same_father(words, ew) and _same_given(short, longer) and (
                            wset <= ewset or ewset <= wset or (_close(words[-1], ew[-1]) and _close(words[0], ew[0])))):
                        target = e
                        break
                elif len(words) == 1:  # a lone name (a longer one never ends with a one-word name's)
                    w = words[0]
                    if len(ew) >= 2 and (full := lx.known_surname(w)) and not set(full.split()) <= ewset:
                        continue  # ترامب alone is دونالد ترامب, not ميلانيا ترامب (but آية الله علي خامنئي's)
                    if ranks and (other := _ranks(e.role)) and ranks.isdisjoint(other):
                        continue  # الملك سلمان is not الأمير سلمان بن سلطان
                    if len(ew) >= 2 and _lone_in(w, ew):
                        # of several, one of the lone name's rank (الملك فيصل: the king), else one
                        # it names as such a name is named alone — a chain of fathers by the given
                        # name (الوليد of الوليد بن طلال), another name by the family name (صالح of
                        # علي عبدالله صالح, not of صالح الصماد) —, else the earliest named (خان of
                        # سلمان خان, not of a run-on name later: ماهيش بورا محامي خان)
                        usual = (w == ew[0]) == (not lx.NASAB.isdisjoint(ew))
                        rank = (0 if ranks & _ranks(e.role) else 1, 0 if usual else 1, min(x.a for x in e.mentions))
                        if target is None or rank < best:
                            target, best = e, rank
                        continue
                    if target is None and len(ew) == 1 and _close(w, ew[0]):
                        target = e
                        break
            if target is None and len(words) == 1 and (full := lx.titled_name(words[0], _role_words(m.role))):
                fw = tuple(full.split())  # الملك سلمان alone: King Salman (per:سلمان بن عبدالعزيز)
                target = next((e for e, ew, _s in people if ew == fw), None)
                if target is None:
                    target = Entity(key="per:" + full, type="PER", name=full)
                    people.append((target, fw, set(fw)))
                    ents.append(target)
            if target is None:
                target = Entity(key="per:" + " ".join(words), type="PER", name=" ".join(words))
                people.append((target, words, wset))
                ents.append(target)
            target.mentions.append(m)
            target.variants.add(" ".join(words))
            if m.role and len(m.role) > len(target.role):
                target.role = m.role
            continue
        canon = m.canon or " ".join(m.words)
        base = base_name(canon)
        e = others.get((m.type, base))
        if e is None:
            single = " " not in base
            for name, cand in by_type.get(m.type, ()):
                if abs(len(name) - len(base)) <= 1 and (" " not in name) == single and _close(name, base):
                    e = cand
                    break
                if m.type == "ORG" and len(base.split()) >= 2 and name.startswith(base + " "):
                    e = cand
                    break
                if m.type == "ORG" and len(name.split()) >= 2 and base.startswith(name + " "):
                    e = cand
                    e.name = base
                    break
        if e is None:
            e = Entity(key=f"{m.type.lower()}:{base}", type=m.type, name=base)
            others[(m.type, base)] = e
            by_type.setdefault(m.type, []).append((base, e))
            ents.append(e)
        if m.entry is not None and m.entry.kind != "nat" and (not e.display or e.display_from_text):
            e.display, e.display_from_text = _norm(m.entry.name), False
        elif not e.display:
            e.display, e.display_from_text = " ".join(_alnum(tuple(m.words))) or base, True
        e.mentions.append(m)
        e.variants.add(_joined_bare(tuple(m.words)) or base)
        e.country = e.country or m.country
        e.english = e.english or m.english
    for e in ents:
        if e.type == "PER" and " " not in e.name and (full := lx.known_surname(e.name)):
            e.name = full  # الخميني alone: per:روح الله الخميني (not per:الخميني, a skeleton away from خامنئي)
        e.key = f"{e.type.lower()}:{e.name}"
        if not e.country:
            e.country = next((m.country for m in e.mentions if m.country), "")
    return ents


def infer_countries(ents: Sequence[Entity]) -> None:
    """A place the gazetteer does not know (مديرية صرواح) takes the article's dominant country —
    the country of at least half of its country-bearing place and nationality mentions (two or
    more); it is marked ``country_inferred``."""
    from collections import Counter

    c: Counter[str] = Counter()
    for e in ents:
        if e.type in ("GPE", "NORP") and e.country:
            c[e.country] += len(e.mentions)
    if not c:
        return
    top, n = c.most_common(1)[0]
    if n < 2 or n * 2 < sum(c.values()):
        return
    for e in ents:
        if e.type == "GPE" and not e.country:
            e.country = top
            e.inferred = True
