"""Head rules for organisations and quoted names: an organisation head followed by a name-like
phrase opens an organisation (وزارة المالية، صندوق الاستثمارات العامة، ميليشيا الحوثي، الجبهة
الشعبية لتحرير فلسطين) and where its name ends; a quoted name after a head (حزب "نداء تونس"),
a paper or channel between quotes (لـ«الشرق الأوسط»), a work's quoted title (فيلم "…"), a
hashtag, a company word (جنرال موتورز) and capitalised Latin names (CNN, SIPRI).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from marsad.enrich.entities import lexicon as lx
from marsad.enrich.entities import org_words as ow
from marsad.enrich.entities import place_words as pw
from marsad.enrich.entities.features import proclitic_splits, strip_article
from marsad.enrich.entities.mention import Mention
from marsad.enrich.entities.organisations import presidency_office
from marsad.enrich.entities.words import (
    _ORG,
    _QUOTE_PAIRS,
    _core,
    _in,
    _is_definite,
    _is_title,
    _plain,
    common_noun,
    nameless_word,
    with_direction,
)

if TYPE_CHECKING:
    from marsad.enrich.entities.rules import HeadRules

_RELATIVES = lx.word_set("الذي التي الذين اللذين اللتين اللاتي اللواتي اللائي")

_CLUB_HEADS = lx.word_set("نادي النادي")

#: a federation named by its nationality alone (الاتحاد الأرجنتيني، الاتحاد الآسيوي): the definite head only
_FEDERATION = lx.word_set("الاتحاد")

_CANAL_HEADS = lx.word_set("قناه")

#: heads that are verbal nouns as often as bodies (حركة movement, تنظيم organising): before a
#: definite common word they name a body only with the words movements are named by
_MASDAR_HEADS = lx.word_set("حركه تنظيم")

_MOVEMENT_NAMES = lx.word_set(
    "الدوله المقاومه الشباب النهضه الجهاد الاخوان الاحرار التوحيد العدل الوفاق الاصلاح المجتمع "
    "التحرير النجباء الشعب النضال الحريه الحزم الانصار الامل التغيير البناء السلم الفتح "
    "المجاهدين الدعوه الاتجاه الوحده الكرامه المستقبل الانتفاضه التجديد الحق الصدر القاعده")

_AGENCY_HEADS = lx.word_set("وكاله الوكاله")

#: the word that ends a news agency's name (وكالة تونس إفريقيا للأنباء)
_NEWS_TAIL = lx.word_set("للانباء")

#: heads whose name the tagger may have read as a product (شركة دولفينيوس): they take it
_COMPANY_HEADS = lx.word_set("شركة مؤسسة مجموعة بنك مصرف مصنع جمعية وكالة قناة صحيفة")

#: ل-words that do not go on a name (اتحاد الغرف التجارية | لكافة التكاليف، … | للمرة الأولى)
_LAM_STOPS = lx.word_set("لكافه لجميع لكل لبعض لمختلف لعدد لأكثر لاكثر لأي لاي لنحو لمده للمره لمرة للعام للسنه "
                   "للشهر للاسبوع للأسبوع لليوم للحد لصالح لدي لذا لذلك للأربعة للاربعه للثلاثة للثلاثه "
                   "للخمسة للخمسه للعامين للسنتين للسنوات للأعوام للاعوام للموسم للمواسم")

#: feminine adjectives without ه (محكمة عليا، لجنة كبرى)
_FEM_ELATIVES = lx.word_set("عليا كبري صغري أخري اخري أولي اولي دنيا وسطي")

#: heads that name a town's centre before a town (مركز مدينة عفرين), not a body
_TOWN_CENTRES = lx.word_set("مركز")

#: common adjectives of the فعيل/فعل patterns (no ending tells them from nouns)
_PLAIN_ADJECTIVES = lx.word_set("الجديد الجديده الكبير الكبيره الصغير الحر الحره السريع الشامل العام العامه "
                          "الخاص الخاصه الأول الاول الثاني العليا الكبري الصغري الوسطي الأدني الادني "
                          "القديم الشعبي العظمي الفرعي الكريم الأحرار الاحرار الأخضر الأحمر")

_UPPER_LATIN = re.compile("[A-Z]")


def _head(w: str) -> str:
    """The word without a proclitic when a reading of it is a head (والمجلس → المجلس)."""
    return next((c for _p, c in proclitic_splits(w) if c in ow.ORG_HEADS or strip_article(c) in ow.ORG_HEADS), w)


def _name_continues(w: str) -> bool:
    """A word that continues a name phrase: ال… or وال… (a new preposition بال… ends it)."""
    return (w.startswith("ال") or w.startswith("وال")) and len(w) > 3


def _disagrees(head: str, w: str) -> bool:
    """A definite masculine singular head before a definite feminine word (النادي الطبعة،
    المركز الثانية), or a feminine one before a masculine noun (اللجنة الجدول): the word is
    no adjective of the head, and a definite head takes no genitive, so the two are not one name. Plural heads (الميليشيات، الشؤون) take feminine
    adjectives and are left alone."""
    if not (_is_definite(head) and _is_definite(w)):
        return False
    h = next(c for _p, c in proclitic_splits(head) if c.startswith("ال"))
    if h.endswith("ه"):  # اللجنة | الجدول: a feminine head before a masculine noun, its verb's object
        # (not للجنة الاحتراف: ل + لجنة in construct as well as ل + اللجنة; الحركة الخضراء: فعلاء)
        return not head.startswith("لل") and not w.endswith(("ه", "ات", "ي", "ا", "اء", "ون", "ين")) and w not in _PLAIN_ADJECTIVES \
            and not w.startswith("لل") and w.isalpha()
    if h.endswith("ات"):
        return False
    if w.endswith("ه"):
        return not w.startswith("لل")
    # وإستعرض المجلس | الوضع العام: a masculine head before a definite noun that reads as no
    # adjective (nor an active participle فاعل: الحزب الحاكم) is its verb's object
    core = w[2:]
    return w.isalpha() and not _adjective_like(w) and not (len(core) == 4 and core[1] == "ا") \
        and not w.startswith("لل") and not head.startswith("لل")


def _adjective_like(w: str) -> bool:
    """Whether a definite word can be an adjective after a definite noun (a nisba ـي/ـيه/ـيون،
    a participle الم…، an elative الأ… of four letters, a feminine ـه, a common فعيل adjective),
    not a bare verbal noun (الحظر، التوقيع، السعي)."""
    core = w[2:]
    return (w.endswith(("ي", "يه", "يون", "يين", "ه", "ات")) or w.startswith("الم")
            or (core.startswith("ا") and len(core) == 4) or w in _PLAIN_ADJECTIVES)


def quoted_works(ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
    """The quoted title after a word for a work, with at most one word between (فيلم "…"،
    فيلم الجاسوسية "…"، مسلسل «…») is one MISC name, whatever the tagger made of its words; a
    mention on the word between (a genre) goes."""
    if ow.WORK_CUES.isdisjoint(norms):
        return ms  # (most articles name no work: one set operation)
    n = len(norms)
    for i in [i for i, w in enumerate(norms) if w in ow.WORK_CUES]:
        q = next((q for q in (i + 1, i + 2) if q < n and norms[q] in _QUOTE_PAIRS), None)
        if q is None:
            continue
        close = _QUOTE_PAIRS[norms[q]]
        k = next((k for k in range(q + 1, min(n, q + 10)) if norms[k] == close), None)
        if k is None or k == q + 1 or not all(w[:1].isalnum() for w in norms[q + 1 : k]):
            continue
        if any(m.a < k and m.b > q + 1 and (m.a <= q or m.b > k) for m in ms):
            continue  # a mention crosses the quote: leave the title alone
        ms = [m for m in ms if not (m.a > q and m.b <= k or m.a == i + 1 < q)]
        words = tuple(norms[q + 1 : k])
        ms.append(Mention(q + 1, k, "MISC", source="rule", words=words, canon=" ".join(words),
                          extra={"keep_clitic": "1"}))
    ms.sort(key=lambda m: m.a)
    return ms


def quoted_media(ms: list[Mention], norms: Sequence[str]) -> None:
    """A paper or channel named like a place or a nationality, between quotes, is the
    paper or channel (قال لـ«الشرق الأوسط»، في "العربية"، لـ"الرياض")."""
    n = len(norms)
    for m in ms:
        if m.type in ("GPE", "LOC", "NORP") and m.a and m.b < n and norms[m.a - 1] in _QUOTE_PAIRS \
                and norms[m.b] == _QUOTE_PAIRS[norms[m.a - 1]] \
                and " ".join(norms[m.a : m.b]) in ow.MEDIA_NAMES:
            m.type, m.entry, m.country, m.english, m.source = "ORG", None, "", "", "media"
            m.words = tuple(norms[m.a : m.b])
            m.canon = " ".join(m.words)


def latin_names(ms: list[Mention], norms: Sequence[str], surfaces: Sequence[str]) -> list[Mention]:
    """Capitalised Latin-script names nobody tagged are organisations (CNN, SIPRI, Apple)."""
    if not surfaces:
        return ms
    if not _UPPER_LATIN.search(" ".join(surfaces)):
        return ms
    cands = [i for i, w in enumerate(surfaces) if w[-1:].isascii() and _latin_name(w)]
    if not cands:
        return ms
    taken = {k for m in ms for k in range(m.a, m.b)}
    free = 0
    for i in cands:
        if i < free or i in taken:
            continue
        j = i + 1
        while j < len(surfaces) and j not in taken and _latin_name(surfaces[j]):
            j += 1
        ms.append(Mention(i, j, "ORG", source="rule", words=tuple(norms[i:j]),
                          canon=" ".join(norms[i:j])))
        free = j
    return ms


def company_names(ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
    """A name with a company word after its first (شنايدر إلكتريك، جنرال موتورز، قطر إيرويز) is
    a company, not a person or a place; when the tagger cut the name before that word
    (شنايدر | إلكتريك ستورد …), the word joins the name and what it ran on to is dropped."""
    out: list[Mention] = []
    for m in sorted(ms, key=lambda m: m.a):
        p = out[-1] if out else None
        if p is not None and p.b == m.a and p.type in ("PER", "MISC", "GPE", "LOC", "ORG") and norms[m.a] in ow.COMPANY_WORDS:
            p.b = m.a + 1
            p.words = tuple(norms[p.a : p.b]) if not p.words else (*p.words, norms[m.a])
            p.canon = " ".join(p.words)
            p.type, p.entry, p.country, p.role = "ORG", None, "", ""
            continue
        if m.type in ("PER", "MISC", "GPE", "LOC") and m.b - m.a >= 2 and not ow.COMPANY_WORDS.isdisjoint(norms[m.a + 1 : m.b]):
            m.type, m.entry, m.country, m.role = "ORG", None, "", ""
        out.append(m)
    return out


def _latin_name(w: str) -> bool:
    """A capitalised Latin-script word of two letters or more (Apple, IBM), a proclitic و ف ب ل ك
    before it allowed (وCNN)."""
    core = w[1:] if w[:1] in "وفبلك" and len(w) > 2 and w[1:2].isascii() else w
    return len(core) >= 2 and core[:1].isascii() and core[:1].isupper() and core.isalnum()


class OrgRules:
    """The rules for organisations, with the head rules' gazetteer, names, corpus words and tests."""

    def __init__(self, rules: HeadRules) -> None:
        self.gaz, self.names, self.vocab, self.nameless = rules.gaz, rules.names, rules.vocab, rules.nameless
        # (the word tests the families of rules share)
        self.flags, self.heads, self.common, self._past_verb = rules.flags, rules.heads, rules.common, rules.past_verb

    def from_heads(self, ms: list[Mention], norms: Sequence[str],
                   heads: Sequence[tuple[int, int]] | None = None) -> list[Mention]:
        at: dict[int, Mention] = {}
        for m in ms:
            for k in range(m.a, m.b):
                at[k] = m
        n = len(norms)
        free = 0
        for i, f in self.heads(norms) if heads is None else heads:
            if i < free or not f & _ORG:
                continue
            h = norms[i]
            if i in at and _in(h, ow.ORG_RULE_HEADS) and at[i].b - at[i].a == 1 and at[i].entry is None \
                    and at[i].type != "PER":
                ms.remove(at.pop(i))  # the tagger's lone head word (ميليشيا as MISC): the rule decides
            if not _in(h, ow.ORG_RULE_HEADS) or (i in at and at[i].type not in ("NORP",)) \
                    or (i + 1 < n and strip_article(_core(h)) in _TOWN_CENTRES and norms[i + 1] in pw.GPE_HEADS) \
                    or presidency_office(norms, i):
                free = i + 1  # (مركز مدينة عفرين: the town's centre; انتخابات الرئاسة: the office)
                continue
            j = i + 1
            swallowed: list[Mention] = []
            words = 0
            definite_head = bool(_is_definite(h))
            while j < n and j - i <= 6:
                w = norms[j]
                m = at.get(j)
                if w in _NEWS_TAIL and words and _in(h, _AGENCY_HEADS):
                    j += 1  # وكالة تونس إفريقيا للأنباء: the agency's name ends here (with its
                    words += 1  # nationality: وكالة يونهاب للأنباء الكورية الجنوبية)
                    nm = at.get(j)
                    if nm is not None and nm.a == j and nm.type == "NORP":
                        swallowed.append(nm)
                        j = nm.b
                    elif j < n and nm is None and (e := self.gaz.nationality(norms[j])):
                        j += 2 if j + 1 < n and with_direction(e.country, norms[j + 1]) else 1
                    break
                if j == i + 1 and definite_head and not w.startswith("ال") and not (
                        m is not None and m.a == j and m.type in ("NORP", "GPE", "LOC")):
                    break  # النادي | أحمد النجار، الهيئة | بفتح المطار، النادي | والحصول: a definite
                    # head takes no genitive; what follows it in a name is a definite adjective
                if m is not None and m.a == j and (m.type in ("GPE", "PER", "NORP", "ORG", "LOC")
                                                   or m.type == "MISC" and j == i + 1 and _in(h, _COMPANY_HEADS)) and (
                        m.type != "PER" or j == i + 1):  # مؤسسة محمد بن راشد, not مجلس الإدارة | عبدالعزيز الراشد
                    if j > i + 1 and m.type != "NORP" and w[:1] == "و" and (self.flags(w) & _ORG or j - 1 in at):
                        break  # شركة مايكروسوفت | وشركة إنتل: the next body of a list
                    if j > i + 1 and m.type == "ORG" and m.source == "gaz" and w[:1] == "ب" \
                            and any(p == "ب" for p, _c in proclitic_splits(w)):
                        break  # حركة النهضة | بمجلس نواب الشعب: another body, where it sits
                    if m.type in ("GPE", "LOC") and j > i + 1 and _is_definite(norms[j - 1]) \
                            and (m.b - m.a > 1 or self.gaz.nationality(norms[j]) is None):
                        break  # محكمة العدل الدولية | الولايات المتحدة: a definite word takes no genitive
                        # (but السعودية after اللجنة الأولمبية is the adjective, not the country)
                    swallowed.append(m)
                    j = m.b
                    words += 1
                    continue
                p = at.get(j + 1)
                if j == i + 1 and w in ow.ORG_HONORIFICS and p is not None and p.a == j + 1 and p.type == "PER":
                    swallowed.append(p)  # مركز الملك عبدالله المالي، جامعة الإمام محمد بن سعود
                    j = p.b
                    words += 2
                    continue
                if not _plain(w) or _in(w, _RELATIVES) or (m is not None and m.type == "PER"):
                    break
                if j == i + 1 and _disagrees(h, w):
                    break  # يحتضن النادي | الطبعة الأولى: a verb's object, not the club's name
                if j == i + 1 and w in lx.ORDINALS:
                    break

                if words and w[:1] == "و" and w[1:] in ow.ORG_RULE_HEADS:
                    break  # الهيئة العامة للجمارك | والمؤسسة العامة للموانئ: a second body
                if w in ow.ORG_STOPS or (j == i + 1 and not _is_definite(h) and self._past_verb(w)):
                    break  # صحيفة بريطانية | الجمعة; حركة | نالت
                if _name_continues(w) and not self.gaz.nationality(w) and not self._is_title_word(w):
                    if words and w.startswith("ال") and norms[j - 1].startswith("ال") and not _adjective_like(w):
                        break  # رفعت إدارة السجون | الحظر: a second definite noun is the verb's object
                    j += 1
                    words += 1
                    continue
                if w.startswith("ل") and j == i + 1 and not _is_definite(h):
                    break  # مكتب للصرافة: an office for exchange, no name
                if w.startswith("ل") and j + 1 < n and (_is_definite(norms[j + 1]) or j + 1 in at) \
                        and w not in _LAM_STOPS:  # (اتحاد الغرف التجارية | لكافة التكاليف)
                    j += 1
                    continue
                if w.startswith("لل") and len(w) >= 6 and words and _is_definite(norms[j - 1]) \
                        and _adjective_like(norms[j - 1]) and w not in ow.PURPOSE_WORDS and w not in _LAM_STOPS:
                    j += 1  # الهيئة العامة للاستثمار، المنظمة العربية للتنمية
                    words += 1
                    continue
                if j == i + 1 and not _is_definite(h) and not self.common(w) and not w.startswith("و") \
                        and not self.gaz.nationality(w) and not (w.endswith("يه") and self.gaz.lookup([w]) is None) \
                        and not (h.endswith("ه") and (w.endswith("ه") or w in _FEM_ELATIVES)):
                    # (لجنة فرعية، جماعة مدافعة، محكمة عليا: an adjective, not a name)
                    j += 1
                    words += 1
                    continue
                e = self.gaz.nationality(w)
                if e and words:
                    j += 1  # وزارة الصحة الأفغانية: the adjective closes the name
                    if j < n and with_direction(e.country, norms[j]):
                        j += 1  # (… الكورية الشمالية: with its direction)
                    break
                break
            # a generic noun + a nationality adjective that agrees with it in definiteness
            # (الحكومة السعودية، محكمة أمريكية) is no name: the adjective stays a NORP of its own;
            # an indefinite head before a definite group noun is a construct (ميليشيا الحوثي)
            if _is_definite(h) and not swallowed and i + 1 < n and norms[i + 1].startswith("الم") and len(norms[i + 1]) >= 6 \
                    and not norms[i + 1].endswith(("ي", "يه")) and not _in(h, _CLUB_HEADS) \
                    and not (i + 2 < n and norms[i + 2] in lx.ORDINALS):  # (الرابطة المحترفة الثانية: a name)
                free = i + 1  # الشركة المالكة، المجموعة المتخصصة: a participle describes, it does not name
                continue
            if _core(h) in _MASDAR_HEADS and i + 1 < j and self._masdar_object(norms[i + 1], swallowed, i + 1):
                free = i + 1  # حركة المرور، تنظيم البطولة: the verbal noun and its object, no body
                continue
            only_adj = words == 0 or (len(swallowed) == 1 and swallowed[0].type == "NORP"
                                      and j == swallowed[0].b and words == 1
                                      and _is_definite(h) == _is_definite(norms[swallowed[0].a])
                                      and not _in(h, _CLUB_HEADS)  # النادي الإفريقي is a club,
                                      and not _in(h, _FEDERATION))  # الاتحاد الأرجنتيني a federation
            if only_adj:
                free = i + 1
                continue
            while j - 1 > i and norms[j - 1].startswith("ل") and (j - 1) not in at and not _is_definite(norms[j - 1]):
                j -= 1
            media = _in(h, ow.MEDIA_HEADS)
            if media and h.startswith("ال") and (not swallowed or all(
                    s.type == "NORP" for s in swallowed) and all(_is_definite(w) for w in norms[i + 1 : j])):
                free = i + 1  # القناة التلفزيونية، الصحيفة الإيطالية الرياضية: a description, not a name
                continue
            typ = "ORG"
            if _in(h, _CANAL_HEADS) and not _is_definite(h) and not norms[i + 1].startswith("و") and len(swallowed) == 1 and swallowed[0].type in ("GPE", "LOC") \
                    and swallowed[0].a == i + 1 and j == swallowed[0].b:
                typ, media = "LOC", False  # قناة السويس: a canal
            for s in swallowed:
                if s in ms:
                    ms.remove(s)
            a = i
            if media and j > i + 1 and strip_article(norms[i + 1]) != "انباء" and _NEWS_TAIL.isdisjoint(norms[i + 1 : j]) \
                    and not (_in(h, _AGENCY_HEADS) and _is_definite(norms[i + 1])):
                a = i + 1  # صحيفة الوئام: the paper is الوئام (but وكالة الفضاء الأميركية is whole)
            words_ = list(norms[a:j])
            if a == i:  # والمؤسسة → المؤسسة (the head's own reading)
                words_[0] = next((c for _p, c in proclitic_splits(h) if c in ow.ORG_RULE_HEADS
                                  or strip_article(c) in ow.ORG_RULE_HEADS), h)
            new = Mention(a, j, typ, source="rule", words=tuple(words_))
            new.canon = " ".join(words_)  # (no و or ل of the sentence in the key)
            new.country = next((s.country for s in swallowed if s.country), "")
            ms.append(new)
            for k in range(i, j):
                at[k] = new
            free = j
        return ms

    def ends(self, ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
        """Where an organisation's name (the tagger's or a head rule's) ends:

        * at a word that dates or describes the sentence, not the body (:data:`org_words.ORG_STOPS`:
          اللجنة المنظمة للبطولة | القادمة، وزارة السياحة الإسرائيلية | الأحد) or starts a purpose
          clause (:data:`org_words.PURPOSE_WORDS`: وزارة التربية | لاتخاذ القرار);
        * after a nationality adjective that follows an indefinite head's complement (وزارة
          الدفاع اليمنية | المعترف بها، وكالة الأنباء الفرنسية | المتواجد): the adjective
          closes the name. Right after the head, or after a definite head (whose next words
          are adjectives, not a complement), it is inside it (الاتحاد السعودي لكرة القدم،
          الاتحاد العام التونسي للشغل).

        * before و + an indefinite organisation head: a second body (محكمة العدل الدولية |
          ومجلس التعاون الخليجي).

        A nationality adjective cut off the name stays a NORP."""
        add: list[Mention] = []
        drop: list[Mention] = []
        people = {m.words or tuple(norms[m.a : m.b]) for m in ms if m.type == "PER" and m.b - m.a >= 2}
        for m in ms:
            if m.type != "ORG" or m.entry is not None or m.b - m.a < 2:
                continue
            if _in(norms[m.a], ow.ORG_RULE_HEADS) and _disagrees(norms[m.a], norms[m.a + 1]):
                drop.append(m)
                continue
            if (m.b - m.a == 2 or m.b - m.a == 3 and norms[m.a + 2][:1] == "ل") and \
                    (strip_article(_head(norms[m.a])), strip_article(norms[m.a + 1])) in ow.GENERIC_BODIES:
                drop.append(m)  # مجلس الإدارة، اللجنة التنفيذية (للمهرجان): a body of any organisation
                continue
            if _in(norms[m.a], _CLUB_HEADS) and (k := self._player(m, norms, people)) > 0:
                add.append(Mention(k, m.b, "PER", source="rule", words=tuple(norms[k : m.b]),
                                   canon=" ".join(norms[k : m.b])))
                m.words = m.words[: k - m.a] if len(m.words) >= k - m.a else tuple(norms[m.a : k])
                m.canon = " ".join(m.words)
                m.b = k  # لنادي ليستر | رياض محرز: the club's player, a person of his own
                continue
            b = m.b
            for k in range(m.a + 1, m.b):
                w = norms[k]
                if w in ow.ORG_STOPS or w in ow.PURPOSE_WORDS or (w[:1] in "وب" and w[1:] in ow.ORG_STOPS):
                    b = k
                    break
                if k >= m.a + 2 and w[:1] == "و" and w[1:] in ow.ORG_RULE_HEADS and not w[1:].startswith("ال"):
                    # محكمة العدل الدولية | ومجلس التعاون الخليجي: two bodies
                    second = Mention(k, m.b, "ORG", source="rule", words=(w[1:], *norms[k + 1 : m.b]))
                    second.canon = " ".join(second.words)
                    second.extra["strip_waw"] = "1"
                    add.append(second)
                    b = k
                    break
                e = self.gaz.nationality(w) if k >= m.a + 1 and k + 1 < m.b else None
                if e is not None and e.country and _is_definite(w) and _plain(norms[k + 1]) \
                        and not _is_definite(norms[k + 1]) and norms[k + 1][:1] != "ل" \
                        and self.gaz.nationality(norms[k + 1]) is None:
                    b = k + 1  # الاتحاد البيروفي | غيريرو: an indefinite word after the adjective is no part
                    break
                if k < m.a + 2:
                    continue
                if e is not None and e.country and _is_definite(w) and not _is_definite(norms[m.a]) \
                        and self.gaz.nationality(norms[k + 1]) is None and norms[k + 1] != "لكره":
                    # (nor one before لكرة: نادي أرسنال الإنجليزي لكرة القدم)
                    # (a group adjective does not close it: مؤسسة النقد العربي السعودي)
                    b = k + 2 if with_direction(e.country, norms[k + 1]) else k + 1
                    break  # (… الكورية الشمالية: the direction is the adjective's)
            if b == m.b:
                continue
            while b - 1 > m.a and (not _plain(norms[b - 1]) or norms[b - 1] in lx.NAME_LINKS):
                b -= 1
            if b - m.a == 1 and _in(norms[m.a], ow.ORG_RULE_HEADS):
                drop.append(m)  # المحكمة | المختصة: a head alone describes, it does not name
                continue
            for k in range(b, m.b if not add or add[-1].a != b else b):  # (a second body keeps its words)
                e = self.gaz.nationality(norms[k])
                if e is not None:
                    add.append(Mention(k, k + 1, "NORP", source="rule", entry=e, country=e.country,
                                       words=(norms[k],), canon=e.canon))
            n = b - m.a
            m.words = m.words[:n] if len(m.words) >= n else tuple(norms[m.a : b])
            m.canon = " ".join(m.words)
            m.b = b
        if drop:
            ms = [m for m in ms if m not in drop]
        return ms + add if add else ms

    def _player(self, m: Mention, norms: Sequence[str], people: set[tuple[str, ...]]) -> int:
        """Where a person's full name begins at the end of a club's name (نادي ليستر | رياض
        محرز): a given name (:data:`lexicon.FIRST_NAMES`, or one the training data opens a
        person with) or the words of a full name the article names (``people``) two or three
        words before the end, after a word of the club's own that is no given name (nor a name
        of the training data, unless the article names the man: ليستر), title, honorific or
        common word (not نادي الأمير عبد الله الفيصل، "نادي شباب محمد صلاح"), the club not
        quoted; no word with ال, and no place unless the article names the
        man (رياض is Riyadh too; not نادي باريس سان جيرمان); 0 when there is none."""
        for k in range(m.a + 2, m.b - 1):
            w, prev = norms[k], norms[k - 1]
            named = tuple(norms[k : m.b]) in people
            if m.b - k > 3 or not (named or w in lx.FIRST_NAMES and w not in lx.AMBIGUOUS and w not in lx.NAME_LINKS
                                   or self.names.get(w, "") == "PERS-B"):
                continue
            if prev in lx.FIRST_NAMES or not named and self.names.get(prev, "").startswith("PERS") or _is_title(prev) \
                    or _in(prev, ow.ORG_HONORIFICS) or prev in lx.NAME_LINKS or not prev.isalpha() \
                    or self.common(prev) or m.a and norms[m.a - 1] in _QUOTE_PAIRS:
                return 0  # ("نادي شباب محمد صلاح": a club named after him, a common word before him)
            tail = norms[k : m.b]
            if any(t.startswith("ال") or not t.isalpha() or not named and self.gaz.lookup([t]) is not None
                   for t in tail) or self.gaz.lookup(list(tail)) is not None:
                return 0
            return k
        return 0

    def quoted(self, ms: list[Mention], norms: Sequence[str], heads: Sequence[tuple[int, int]]) -> list[Mention]:
        """An organisation head right before a quoted name names it (صحيفة «الشرق الأوسط»، حركة
        «النهضة»، حزب "نداء تونس"، شركة «أرامكو السعودية»): the one to five words between the
        quotes are one organisation, whatever the tagger made of them (a place, a nationality,
        nothing); a mention that crosses a quote leaves the name alone."""
        n = len(norms)
        for i, f in heads:
            if not f & _ORG or i + 3 >= n or norms[i + 1] not in _QUOTE_PAIRS or not _in(norms[i], ow.ORG_RULE_HEADS):
                continue
            close = _QUOTE_PAIRS[norms[i + 1]]
            k = next((k for k in range(i + 2, min(n, i + 8)) if not norms[k][:1].isalnum()), None)
            if k is None or k == i + 2 or norms[k] != close:
                continue
            inside = [m for m in ms if m.a < k and m.b > i + 2]
            if any(m.a < i + 2 or m.b > k for m in inside):
                continue
            for m in inside + [m for m in ms if m.a == i and m.b == i + 1 and m.type == "ORG"]:
                ms.remove(m)
            words = tuple(norms[i + 2 : k])
            new = Mention(i + 2, k, "ORG", source="rule", words=words, canon=" ".join(words),
                          extra={"keep_clitic": "1"})  # (a quote before it: no proclitic, شركة "كريم")
            new.country = next((m.country for m in inside if m.country and m.type in ("GPE", "NORP", "ORG")), "")
            ms.append(new)
        ms.sort(key=lambda m: m.a)
        return ms

    def hashtags(self, ms: list[Mention], norms: Sequence[str], groups: Sequence[tuple[int, int]]) -> list[Mention]:
        """A hashtag is one name: when its first word heads an organisation
        (#تحالف_دعم_الشرعية، #ميليشيا_الحوثي) the ORG is the whole hashtag, no more, no less
        (the name after a media head: #قناة_دبي → دبي); a name that starts inside a hashtag ends
        with it (#تامر_حسني لأغنيته), unless a link word carries a person's name on
        (#الأميرة_نورة بنت فيصل)."""
        for a, b in groups:
            for m in ms:
                if a <= m.a < b < m.b and not (m.type == "PER" and norms[b] in lx.NAME_LINKS):
                    m.b = b
                    m.words = (m.words[0], *norms[m.a + 1 : b]) if m.words else tuple(norms[m.a : b])
                    m.canon = " ".join(m.words)
            if b - a < 2 or not self.flags(norms[a]) & _ORG or not _in(norms[a], ow.ORG_RULE_HEADS):
                continue
            ms = [m for m in ms if not (a <= m.a and m.b <= b)]
            s = a + 1 if _in(norms[a], ow.MEDIA_HEADS) else a
            ms.append(Mention(s, b, "ORG", source="rule", words=tuple(norms[s:b]), canon=" ".join(norms[s:b])))
        return ms

    def _masdar_object(self, w: str, swallowed: Sequence[Mention], k: int) -> bool:
        """Whether the word after حركة/تنظيم is a definite common word that is no movement's
        name (المرور، البطولة; not الدولة، المقاومة، النهضة) nor a name found there."""
        if not w.startswith("ال") or w in _MOVEMENT_NAMES or any(m.a == k for m in swallowed):
            return False
        return self.common(w) or common_noun(w[2:], self.vocab) or nameless_word(w, self.vocab, self.nameless)

    @staticmethod
    def _is_title_word(w: str) -> bool:
        return w in lx.RULE_TITLES
