"""Head-word rules for news mentions (run after the CRF spans and the gazetteer).

* organisation heads (:data:`lexicon.ORG_RULE_HEADS`: وزارة، هيئة، صندوق، مركز، حركة، ميليشيا …)
  followed by a name-like phrase open an ORG: وزارة المالية، صندوق الاستثمارات العامة، مركز سبأ
  الإعلامي، ميليشيا الحوثي، الجبهة الشعبية لتحرير فلسطين. The phrase continues over definite
  words (ال…، وال…), over ل + a word before a definite word or a name (لتحرير فلسطين، لحقوق
  الإنسان), over mentions (which the ORG swallows: flat, outermost), and right after an
  indefinite head over one uncommon word (سبأ، غولن);
* administrative heads (:data:`lexicon.GPE_HEADS`: ولاية، معتمدية، مديرية، منطقة، جبهة …) make the
  next uncommon word a GPE (ولاية باجة، مديرية صرواح); حي makes it a LOC;
* a country name that is also a feminine nationality adjective, after a definite noun, is the
  adjective (الحكومة السعودية → NORP);
* a one-word place or organisation right after a title is a person (المهاجم مورينو);
* a currency after a number is money (MISC), not an organisation (2.3 مليار ريال).
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from itertools import compress, count

from marsad.enrich.entities import lexicon as lx
from marsad.enrich.entities.features import proclitic_splits, strip_article
from marsad.enrich.entities.gazetteer import Gazetteer
from marsad.enrich.entities.mention import Mention
from marsad.enrich.entities.organisations import presidency_office
from marsad.enrich.entities.words import (
    _NASAB,
    _core,
    _in,
    _is_title,
    common_noun,
    future_verb,
    nameless_word,
    with_direction,
)

_NUMBER_WORDS = lx._n("مليار مليون ألف آلاف مليارات ملايين")
_DIRECTIONS = lx._n("شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي")
_RELATIVES = lx._n("الذي التي الذين اللذين اللتين اللاتي اللواتي اللائي")
_CLUB_HEADS = lx._n("نادي النادي")
#: a federation named by its nationality alone (الاتحاد الأرجنتيني، الاتحاد الآسيوي): the definite head only
_FEDERATION = lx._n("الاتحاد")
#: first names of :data:`lexicon.FIRST_NAMES` that are ordinary words or name parts too often to
#: open a person nobody tagged (صباح morning, حسن good, لي to me, جو weather, بن son of)
_NOT_GIVEN = lx._n("لي جو شي بن أبو أم سيد عبد صباح حسن زين جمال عادل سعيد قيس نبيه رفيق "
                   "نجيب أنور كيم علي أكبر حافظ")
_GIVEN = lx.FIRST_NAMES - _NOT_GIVEN - lx.AMBIGUOUS
#: the given names as a word can hold them, with a proclitic (a superset: candidates only)
_GIVEN_FORMS = frozenset(p + g for g in _GIVEN | lx.DEFINITE_GIVEN for p in ("", *lx.PROCLITICS))
_CANAL_HEADS = lx._n("قناه")
#: heads that are verbal nouns as often as bodies (حركة movement, تنظيم organising): before a
#: definite common word they name a body only with the words movements are named by
_MASDAR_HEADS = lx._n("حركه تنظيم")
_MOVEMENT_NAMES = lx._n(
    "الدوله المقاومه الشباب النهضه الجهاد الاخوان الاحرار التوحيد العدل الوفاق الاصلاح المجتمع "
    "التحرير النجباء الشعب النضال الحريه الحزم الانصار الامل التغيير البناء السلم الفتح "
    "المجاهدين الدعوه الاتجاه الوحده الكرامه المستقبل الانتفاضه التجديد الحق الصدر القاعده")
_AGENCY_HEADS = lx._n("وكاله الوكاله")
#: the word that ends a news agency's name (وكالة تونس إفريقيا للأنباء)
_NEWS_TAIL = lx._n("للانباء")
#: opening quote → its closing quote (a quoted name after an organisation head)
_QUOTE_PAIRS = {"«": "»", '"': '"', "“": "”", "„": "“"}
_CLOSING_QUOTES = frozenset(_QUOTE_PAIRS.values())
#: heads whose name the tagger may have read as a product (شركة دولفينيوس): they take it
_COMPANY_HEADS = lx._n("شركة مؤسسة مجموعة بنك مصرف مصنع جمعية وكالة قناة صحيفة")
#: the head before a region that keeps it a region (منطقة الشرق الأوسط), unlike ولاية نهر النيل
_REGION_HEADS = lx._n("منطقة")
#: possessive suffixes that end no family name (وعددهم، حولها)
_PRONOUN_SUFFIXES = ("ها", "هم", "هما", "كم", "نا")
#: first names that begin with و (not the conjunction)
_WAW_NAMES = lx._n("وسام وليد وائل وفاء وديع وجدي وحيد وداد وعد وصفي ولاء وفيق وضاح وهيب وجيه ورده وئام "
                   "ويليام وليام ويل وارن والتر ويلسون وزير")
#: ل-words that do not go on a name (اتحاد الغرف التجارية | لكافة التكاليف، … | للمرة الأولى)
_LAM_STOPS = lx._n("لكافه لجميع لكل لبعض لمختلف لعدد لأكثر لاكثر لأي لاي لنحو لمده للمره لمرة للعام للسنه "
                   "للشهر للاسبوع للأسبوع لليوم للحد لصالح لدي لذا لذلك للأربعة للاربعه للثلاثة للثلاثه "
                   "للخمسة للخمسه للعامين للسنتين للسنوات للأعوام للاعوام للموسم للمواسم")
#: feminine adjectives without ه (محكمة عليا، لجنة كبرى)
_FEM_ELATIVES = lx._n("عليا كبري صغري أخري اخري أولي اولي دنيا وسطي")
#: proclitic prepositions (ب ل ك): before a common word of three letters they make a phrase (لستة)
_PREPOSITIONS = frozenset({"ب", "ل", "ك"})
_NEIGHBOURHOOD = frozenset({"حي", "بحي", "وحي", "لحي", "فحي", "الحي"})
#: adjectives and nouns after a nasab that are no family name (… بن عبدالعزيز الدولي، … السجن)
_NOT_FAMILY = lx._n("العالمي العالميه الدولي الجديد الجديده الحالي السابق الراحل المقبل الماضي السجن")
#: heads that name a town's centre before a town (مركز مدينة عفرين), not a body
_TOWN_CENTRES = lx._n("مركز")
#: علي normalized is also the preposition على (على اليوناني): no first name on its own
_ALI_NORMS = lx._n("علي")
_SUNNA = lx._n("السنة")
_SHIA = lx._n("الشيعة")
#: the first word of a two-word given name or kunya (عبد الملك، أبو ولاء)
_KUNYA = frozenset({"عبد", "ابو", "ام"})


def _definite(w: str) -> bool:
    return any(c.startswith("ال") and len(c) > 3 for _p, c in proclitic_splits(w))


def _head(w: str) -> str:
    """The word without a proclitic when a reading of it is a head (والمجلس → المجلس)."""
    return next((c for _p, c in proclitic_splits(w) if c in lx.ORG_HEADS or strip_article(c) in lx.ORG_HEADS), w)


def _name_continues(w: str) -> bool:
    """A word that continues a name phrase: ال… or وال… (a new preposition بال… ends it)."""
    return (w.startswith("ال") or w.startswith("وال")) and len(w) > 3


def _disagrees(head: str, w: str) -> bool:
    """A definite masculine singular head before a definite feminine word (النادي الطبعة،
    المركز الثانية), or a feminine one before a masculine noun (اللجنة الجدول): the word is
    no adjective of the head, and a definite head takes no genitive, so the two are not one name. Plural heads (الميليشيات، الشؤون) take feminine
    adjectives and are left alone."""
    if not (_definite(head) and _definite(w)):
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


#: common adjectives of the فعيل/فعل patterns (no ending tells them from nouns)
_PLAIN_ADJECTIVES = lx._n("الجديد الجديده الكبير الكبيره الصغير الحر الحره السريع الشامل العام العامه "
                          "الخاص الخاصه الأول الاول الثاني العليا الكبري الصغري الوسطي الأدني الادني "
                          "القديم الشعبي العظمي الفرعي الكريم الأحرار الاحرار الأخضر الأحمر")


def _adjective_like(w: str) -> bool:
    """Whether a definite word can be an adjective after a definite noun (a nisba ـي/ـيه/ـيون،
    a participle الم…، an elative الأ… of four letters, a feminine ـه, a common فعيل adjective),
    not a bare verbal noun (الحظر، التوقيع، السعي)."""
    core = w[2:]
    return (w.endswith(("ي", "يه", "يون", "يين", "ه", "ات")) or w.startswith("الم")
            or (core.startswith("ا") and len(core) == 4) or w in _PLAIN_ADJECTIVES)


def _plain(w: str) -> bool:
    return w[:1].isalpha() and w not in lx.STOPWORDS and w not in lx.RULE_TITLES


_TITLE, _ORG, _GPE, _HOOD, _GOD = 1, 2, 4, 8, 16
_UPPER_LATIN = re.compile("[A-Z]")


def _nicknamed(ms: list[Mention], norms: Sequence[str]) -> None:
    """A name the tagger called a thing (MISC), followed — past its closing quote — by الملقب
    or المكنى, is a person's ("خالص بايانجوك" الملقب بـ"أبو حنظلة")."""
    n = len(norms)
    for m in ms:
        if m.type != "MISC" or m.b - m.a > 4:
            continue
        k = m.b + 1 if m.b < n and norms[m.b] in _CLOSING_QUOTES else m.b
        if k < n and norms[k] in lx.NICKNAME_CUES:
            m.type, m.entry, m.country = "PER", None, ""


def _quoted_works(ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
    """The quoted title after a word for a work, with at most one word between (فيلم "…"،
    فيلم الجاسوسية "…"، مسلسل «…») is one MISC name, whatever the tagger made of its words; a
    mention on the word between (a genre) goes."""
    if lx.WORK_CUES.isdisjoint(norms):
        return ms  # (most articles name no work: one set operation)
    n = len(norms)
    for i in [i for i, w in enumerate(norms) if w in lx.WORK_CUES]:
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


class HeadRules:
    def __init__(self, gaz: Gazetteer, names: dict[str, str] | None = None,
                 vocab: Container[str] = frozenset(), nameless: Container[tuple[int, str]] = frozenset()) -> None:
        self.gaz = gaz
        self.names = names or {}  # the training name lexicon (word → usual tag)
        self.vocab = vocab  # the corpus's frequent words
        self.nameless = nameless  # word clusters without names (words._nameless_clusters)
        self._head_bits: dict[str, int] = {}
        for words, bit in ((lx.RULE_TITLES, _TITLE), (lx.ORG_RULE_HEADS, _ORG), (lx.GPE_HEADS, _GPE)):
            for hw in words:
                self._head_bits[hw] = self._head_bits.get(hw, 0) | bit
        self._flags: dict[str, int] = {}

    def flags(self, w: str) -> int:
        """Which heads a word is (title, organisation, place, neighbourhood), cached per word:
        the bits of every reading of the word (:func:`proclitic_splits`, with or without ال)."""
        f = self._flags.get(w)
        if f is None:
            t = self._head_bits
            f = _HOOD if w in _NEIGHBOURHOOD else _GOD if w == "الله" else 0
            for _p, c in proclitic_splits(w):
                f |= t.get(c, 0) | t.get(strip_article(c), 0)
            if len(self._flags) > 300_000:
                self._flags.clear()
            self._flags[w] = f
        return f

    def head_words(self) -> frozenset[str]:
        """Every word :meth:`flags` can find a head in (a reading of the word must be one)."""
        return frozenset(self._head_bits) | _NEIGHBOURHOOD | {"الله"}

    @staticmethod
    def _is_title_word(w: str) -> bool:
        return w in lx.RULE_TITLES

    def _definite_only(self, w: str) -> bool:
        """A word with ال the corpus never writes without it, or does not know (منطقة الدلاهمية،
        اعتصام الكامور، حي الزيتونة): a name after a place head, not a common noun (منطقة الحدود)
        nor an adjective (مدينة الملاهي: ملاهي stands alone too)."""
        core = w[2:]
        return (w.startswith("ال") and len(w) >= 6 and w.isalpha() and self.gaz.freq_class(core) == 0
                and not self.common(w) and self.gaz.nationality(w) is None
                and not (core[0] in "تا" and core[-2] == "ا"))  # (منطقة التقاء: a verbal noun, افتعال)

    def _place_nisba(self, w: str) -> bool:
        """A definite nisba of a place the gazetteer knows (البافاري ← بافاريا، الكتالوني ←
        كتالونيا، اللندني ← لندن): an adjective (الفريق البافاري: the Bavarian team), no family name."""
        if not (w.startswith("ال") and w.endswith("ي") and len(w) >= 6):
            return False
        stem = w[2:-1]
        return any((e := self.gaz.lookup([s])) is not None and e.kind in ("city", "country", "region")
                   for s in (stem + "يا", stem + "ا", stem))

    def _adjective_after_head(self, w: str) -> bool:
        """Whether the indefinite word after a place head reads as its adjective: a nisba the
        corpus writes with ال (حي | شعبي، منطقة | ريفية) or a frequent feminine word (قرية | خاصة)."""
        return (w.endswith(("ي", "يه")) and self.gaz.freq_class("ال" + w) >= 6
                or w.endswith("ه") and self.gaz.freq_class(w) >= 12
                or len(w) == 6 and w[0] == "م" and w[3] == "و" and w[-1] == "ه")  # (منطقة | مأهولة: مفعولة)

    def common(self, w: str) -> bool:
        return any(c in self.gaz.common or strip_article(c) in self.gaz.common
                   for _p, c in proclitic_splits(w))

    def heads(self, norms: Sequence[str]) -> list[tuple[int, int]]:
        """``(index, flags)`` of the words that are heads of some kind (few in an article)."""
        cache = self._flags
        flags = self.flags
        return [(i, f) for i, w in enumerate(norms) if (f := cache[w] if w in cache else flags(w))]

    def apply(self, ms: list[Mention], norms: Sequence[str], surfaces: Sequence[str] = (),
              heads: Sequence[tuple[int, int]] | None = None,
              hashtags: Sequence[tuple[int, int]] = ()) -> list[Mention]:
        """``hashtags``: token ranges of words joined by ``_`` (#ميليشيا_الحوثي)."""
        if heads is None:
            heads = self.heads(norms)
        ms = self._people(ms, norms, heads)
        ms = self._nisba_surnames(ms, norms)
        ms = self._latin(ms, norms, surfaces)
        ms = self.titled(ms, norms, heads)
        ms = self._surname_places(ms, norms)
        ms = self._gpes(ms, norms, heads, surfaces)
        ms = self._orgs(ms, norms, heads)
        ms = self._org_ends(ms, norms)
        ms = self._quoted_orgs(ms, norms, heads)
        ms = _quoted_works(ms, norms)
        _nicknamed(ms, norms)
        self._quoted_media(ms, norms)
        if hashtags:
            ms = self._hashtags(ms, norms, hashtags)
        ms = _company_names(ms, norms)
        self._retype(ms, norms)
        self._acronyms(ms, norms)
        self._states(ms, norms)
        return ms

    def _quoted_orgs(self, ms: list[Mention], norms: Sequence[str], heads: Sequence[tuple[int, int]]) -> list[Mention]:
        """An organisation head right before a quoted name names it (صحيفة «الشرق الأوسط»، حركة
        «النهضة»، حزب "نداء تونس"، شركة «أرامكو السعودية»): the one to five words between the
        quotes are one organisation, whatever the tagger made of them (a place, a nationality,
        nothing); a mention that crosses a quote leaves the name alone."""
        n = len(norms)
        for i, f in heads:
            if not f & _ORG or i + 3 >= n or norms[i + 1] not in _QUOTE_PAIRS or not _in(norms[i], lx.ORG_RULE_HEADS):
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

    @staticmethod
    def _quoted_media(ms: list[Mention], norms: Sequence[str]) -> None:
        """A paper or channel named like a place or a nationality, between quotes, is the
        paper or channel (قال لـ«الشرق الأوسط»، في "العربية"، لـ"الرياض")."""
        n = len(norms)
        for m in ms:
            if m.type in ("GPE", "LOC", "NORP") and m.a and m.b < n and norms[m.a - 1] in _QUOTE_PAIRS \
                    and norms[m.b] == _QUOTE_PAIRS[norms[m.a - 1]] \
                    and " ".join(norms[m.a : m.b]) in lx.MEDIA_NAMES:
                m.type, m.entry, m.country, m.english, m.source = "ORG", None, "", "", "media"
                m.words = tuple(norms[m.a : m.b])
                m.canon = " ".join(m.words)

    @staticmethod
    def _latin(ms: list[Mention], norms: Sequence[str], surfaces: Sequence[str]) -> list[Mention]:
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

    def _people(self, ms: list[Mention], norms: Sequence[str],
                heads: Sequence[tuple[int, int]] | None = None) -> list[Mention]:
        """Join a name broken at a link word (محمد بن راشد آل | مكتوم); cut ordinary definite
        words off a name's end (كيم الخط → كيم); drop a lone ordinary word (الخط)."""
        ms.sort(key=lambda m: m.a)
        out: list[Mention] = []
        for m in ms:
            if out and m.type == "PER" and out[-1].type == "PER" and out[-1].b == m.a:
                if norms[m.a][:1] in "لبك" and norms[m.a][1:] in lx.FIRST_NAMES \
                        and self.gaz.reads_as(norms[m.a], norms[m.a][1:]):
                    out.append(m)  # بيل كلنتون | لمارتن انديك: a preposition opens the next person
                    continue
                if self._conjunct(norms[m.a]):  # عمرو دياب | ودينا الشربيني: two people
                    m.extra["strip_waw"] = "1"
                    m.words = (norms[m.a][1:], *m.words[1:]) if m.words else (norms[m.a][1:],)
                    m.canon = " ".join(m.words)
                else:
                    out[-1].b = m.b
                    out[-1].words = (*out[-1].words, *m.words)
                    continue
            out.append(m)
        out = self._coordinated(out, norms)
        out = self._theophoric(out, norms, self.heads(norms) if heads is None else heads)
        keep = []
        for m in out:
            if m.type == "PER":
                while m.b < len(norms) and norms[m.b - 1] in lx.NAME_LINKS and (
                        _plain(norms[m.b]) or norms[m.b] in lx.DIVINE):  # عبد | الله، عبد | الرحمن
                    m.b += 1
                if m.a and norms[m.a] in _NASAB and m.b - m.a >= 2 and self._first_name_before(m, norms, keep):
                    m.a -= 1  # علي | بن ناصر الغفيص: the chain's first name
                if (self._conjunct(norms[m.a]) or self._waw_before_name(norms[m.a])) \
                        and not m.extra.get("strip_waw"):  # وليلى علوي → ليلى علوي، ومكرم بن رمضان
                    m.extra["strip_waw"] = "1"
                    m.words = (norms[m.a][1:], *m.words[1:]) if m.words else (norms[m.a][1:],)
                    m.canon = " ".join(m.words)
                while m.b < len(norms) and _core(norms[m.b - 1]) in lx.FIRST_NAMES and self._surname(norms[m.b]) \
                        and not (norms[m.b][:1] == "و" and norms[m.b] not in _WAW_NAMES):
                    m.b += 1  # إبراهيم | رئيسي: a first name takes the surname the tagger doubted
                while m.b - m.a >= 2 and self._ordinary(norms[m.b - 1]) and norms[m.b - 2] not in lx.NAME_LINKS \
                        and norms[m.b - 2] not in lx.DIVINE and not self._family_name(m, norms):
                    m.b -= 1  # (ضيف الله الحربي، بشار الأسد: family names)
                if m.b - m.a == 1 and self._ordinary(norms[m.a]) and m.source == "crf":
                    continue
                if len(m.words) != m.b - m.a:
                    m.words = (m.words[0], *norms[m.a + 1 : m.b]) if m.words else tuple(norms[m.a : m.b])
                    m.canon = " ".join(m.words)
            keep.append(m)
        return keep

    def _nisba_surnames(self, ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
        """A group or nationality nisba right after a person named by first names only is the
        family name (عبدالملك الحوثي، عمرو المصري): a nationality follows a title, not a name."""
        start = {m.a: m for m in ms if m.type == "NORP" and m.b - m.a == 1}
        if not start:
            return ms
        drop = []
        taken = {k for m in ms for k in range(m.a, m.b)}
        for o in list(start.values()):
            k = o.a - 1  # a first name nobody tagged (مدير الهيئة، سيف السويدي): the name opens there
            if k >= 0 and k not in taken and norms[o.a].startswith("ال") and norms[o.a].endswith("ي") \
                    and self._given_name(x := _core(norms[k])) and not _is_title(x) and x not in _ALI_NORMS:
                m = Mention(k, k + 1, "PER", source="rule", words=(x,))
                ms.append(m)
        for m in ms:
            o = start.get(m.b)
            if m.type != "PER" or o is None or m.b - m.a > 2:
                continue
            w = norms[o.a]
            if w.startswith("ال") and w.endswith("ي") and all(map(self._given_name, norms[m.a : m.b])):
                m.b = o.b
                m.words = (*(m.words or norms[m.a : o.a]), w)
                m.canon = " ".join(m.words)
                drop.append(o)
        return [m for m in ms if m not in drop] if drop else ms

    def _past_verb(self, w: str) -> bool:
        """A past verb of the feminine: a frequent word + ت (نالت، أعلنت; not مايكروسوفت)."""
        return len(w) >= 4 and w[-1] == "ت" and not w.startswith("ال") and w[:-1] in self.vocab \
            and not self.names.get(w)

    def _given_name(self, x: str) -> bool:
        """A first name: of the list, of the training names, or عبد + a word (عبدالملك)."""
        return x in lx.FIRST_NAMES or self.names.get(x, "") == "PERS-B" or (x.startswith("عبد") and len(x) >= 6)

    def _theophoric(self, ms: list[Mention], norms: Sequence[str], heads: Sequence[tuple[int, int]]) -> list[Mention]:
        """X الله + a surname is a person (فتح الله غولن، ضيف الله الحربي): the pair is a name
        when a family name follows it (a person's span, a definite ـي nisba, an uncommon word)
        and X is no formula word (رحمه الله، بسم الله، إن شاء الله) nor a title."""
        n = len(norms)
        ks = [k for k, f in heads if f & _GOD and norms[k] == "الله" and 0 < k < n - 1
              and norms[k - 1] not in lx.DIVINE_FORMULAE and not _definite(norms[k - 1])]
        if not ks:
            return ms
        at = {k: m for m in ms for k in range(m.a, m.b)}
        for k in ks:
            own = at.get(k)
            x, y = norms[k - 1], norms[k + 1]
            if own is not None and not (own.type == "MISC" and own.b - own.a == 1) and not (
                    own.type in ("ORG", "MISC") and own.a == k - 1 and own.b == k + 1
                    and (own.entry is None or all(own.entry.phrase != c + " الله" for _p, c in proclitic_splits(x)))):
                continue  # حزب الله، رام الله، حسن نصر الله: already a name
            before = at.get(k - 1, own)
            if before is not own and not (before is not None and before.a == k - 1 and before.b == k
                                          and before.type in ("ORG", "MISC")):
                continue  # (a one-word organisation before الله gives way: فتح | الله غولن)
            if not x.isalpha() or len(x) < 3 or _definite(x) \
                    or x in lx.DIVINE_FORMULAE or x in lx.STOPWORDS or _is_title(x) or x in lx.NAME_LINKS \
                    or (x[0] in "وف" and x not in lx.FIRST_NAMES and x not in _WAW_NAMES
                        and (len(x) >= 5 or self.common(x[1:]))) \
                    or self._preposition(x):  # ونسأل الله، بحمد الله; not فتح، فضل
                continue
            nxt = at.get(k + 1)
            if nxt is not None and nxt.a == k + 1 and nxt.type == "PER":
                tail = nxt
            elif nxt is None and y.isalpha() and y not in lx.STOPWORDS and y not in lx.DIVINE and y not in lx.DIVINE_PRAISE \
                    and not self.gaz.nationality(y) \
                    and self.gaz.lookup([y]) is None and not _is_title(y) and not y.startswith(("و", "ف")) \
                    and not y.endswith((*_PRONOUN_SUFFIXES, "اه")) \
                    and ((_definite(y) and y.endswith("ي") and len(y) >= 5) or not self.common(y)
                         or (not _definite(y) and (k + 2 == n or not norms[k + 2][:1].isalnum()))):
                # (a family name: الحربي؛ an uncommon word; or any word the clause ends on: غولن،;
                # not الله عز وجل، الله جل جلاله: formulae)
                tail = None
            else:
                continue
            for o in {id(o): o for o in (own, before, tail) if o is not None}.values():
                ms.remove(o)
            b = tail.b if tail is not None else k + 2
            m = Mention(k - 1, b, "PER", source="rule", words=tuple(norms[k - 1 : b]))
            m.canon = " ".join(m.words)
            ms.append(m)
            for j in range(k - 1, b):
                at[j] = m
        ms.sort(key=lambda m: m.a)
        return ms

    def _preposition(self, w: str) -> bool:
        """Whether ``w`` is ب ل ك + a first name or a common word (بحمد، لعمر، بفضل): a
        preposition's phrase, not a name's first word (بلال، كمال، لؤي stay names)."""
        return w[:1] in _PREPOSITIONS and w not in lx.FIRST_NAMES and self.names.get(w, "") != "PERS-B" \
            and (w[1:] in lx.FIRST_NAMES or (len(w) >= 5 and self.common(w[1:])))

    def _first_name_before(self, m: Mention, norms: Sequence[str], ms: list[Mention]) -> bool:
        """Whether the word before a person span that starts with بن/بنت is the name's first
        word (فيصل | بن محمد الحمود، علي | بن ناصر): a first name (one the tagger's training
        names begin with, too), or an uncommon word that is no head; not a verb or a noun
        (وذكر | بن جحا، عملية | بن قردان). The word's own mention, if any, gives way."""
        w = norms[m.a - 1]
        if not w.isalpha() or (w[0] == "و" and w not in _WAW_NAMES and w not in lx.FIRST_NAMES):
            return False
        first = w in lx.FIRST_NAMES or self.names.get(w, "") == "PERS-B"
        if not first and (self.common(w) or w in lx.STOPWORDS or self.flags(w) or _definite(w)
                          or w[0] in "وفبلك"  # (لإجبار | بن عمر)
                          or self.gaz.nationality(w) or self.gaz.lookup([w]) is not None):
            return False
        other = next((o for o in ms if o.a <= m.a - 1 < o.b), None)
        if other is not None:
            if not first or other.b - other.a != 1:
                return False
            ms.remove(other)
        if m.words:
            m.words = (w, *m.words)
            m.canon = " ".join(m.words)
        return True

    def _waw_before_name(self, w: str) -> bool:
        """The first word of a person span is و + a name: the rest is a name of the training
        lexicon, or the corpus uses the rest and not the whole (ومكرم), and the whole is no
        name of its own (وليد، وائل)."""
        if len(w) < 4 or w[0] != "و" or w in _WAW_NAMES or w in lx.FIRST_NAMES or w in lx.NAME_LINKS \
                or self.names.get(w, "").startswith("PERS"):
            return False
        c = w[1:]
        return self.names.get(c, "").startswith("PERS") or (c in self.vocab and w not in self.vocab)

    def _conjunct(self, w: str) -> bool:
        """``w`` is و + a first name (وإبراهيم), not a name that starts with و (وليد)."""
        return (len(w) >= 4 and w[0] == "و" and w not in lx.NAME_LINKS and w not in lx.FIRST_NAMES
                and w not in _WAW_NAMES  # (the name lexicon holds clitic forms too: no help here)
                and (w[1:] in lx.FIRST_NAMES or self.names.get(w[1:], "") == "PERS-B")
                and self.gaz.reads_as(w, w[1:]))  # (وانغ is no و + انغ)

    def _coordinated(self, ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
        """Two people joined by و are two mentions (فلاديمير بوتين وإبراهيم رئيسي، نورة بنت
        عبدالله الحزيمي ونسرين حجازي): a person span is cut before a word و + first name, or
        before any و-word that has a full name (two words) on both sides."""
        out = []
        for m in ms:
            while m.type == "PER" and m.b - m.a >= 2:
                k = next((k for k in range(m.a + 1, m.b) if len(norms[k]) >= 4 and norms[k][0] == "و"
                          and norms[k] not in lx.NAME_LINKS and norms[k] not in _WAW_NAMES and (
                              self._conjunct(norms[k]) or (k - m.a >= 2 and m.b - k >= 2))), None)
                if k is None:
                    break
                second = Mention(k, m.b, "PER", source=m.source, words=(norms[k][1:], *norms[k + 1 : m.b]))
                second.canon = " ".join(second.words)
                second.extra["strip_waw"] = "1"
                n = k - m.a
                m.b = k
                m.words = m.words[:n] if len(m.words) >= n else tuple(norms[m.a : k])
                m.canon = " ".join(m.words)
                out.append(m)
                m = second
            out.append(m)
        return out

    def titled(self, ms: list[Mention], norms: Sequence[str],
               heads: Sequence[tuple[int, int]] | None = None) -> list[Mention]:
        """An uncommon word right after a title is a person (الرئيس مون، الزعيم كيم), with up
        to two more words no reading of which is common (الشهيد فادي قنبر). A reading of three
        letters after a proclitic does not make the first word common (فادي is no ف + ادي), but
        a conjunction does (الرئيس | وزار)."""
        taken = {k for m in ms for k in range(m.a, m.b)}
        n = len(norms)
        for i, f in self.heads(norms) if heads is None else heads:
            if not f & _TITLE or i + 1 >= len(norms):
                continue
            j = i + 1
            if j in taken or not _plain(norms[j]):
                continue
            nxt = norms[j]
            if self._common_long(nxt) or (nxt[0] == "و" and nxt not in _WAW_NAMES and nxt not in lx.FIRST_NAMES) \
                    or self.gaz.nationality(nxt) or self.gaz.lookup([nxt]) is not None \
                    or _in(nxt, lx.ORG_HEADS) or _is_title(nxt) or not nxt.isalpha() or len(nxt) < 3 \
                    or _in(nxt, lx.STATE_HEADS) or _in(nxt, lx.GPE_HEADS) or _in(nxt, lx.LOC_HEADS) \
                    or nxt in _DIRECTIONS or (_definite(nxt) and not _definite(norms[i])) \
                    or self._preposition(nxt) or future_verb(nxt, self.gaz.common, self.names) \
                    or self._place_nisba(nxt) \
                    or (common_noun(nxt, self.vocab) and nxt not in lx.FIRST_NAMES
                        and not self.names.get(nxt, "").startswith("PERS")):
                # (an indefinite title before a definite word is a construct: مدير الخزينة;
                # الفريق | بحمد الله: a preposition; الفريق | جاهز: a word the corpus writes
                # with ال, no name)
                continue
            b = j + 1
            while b < n and b - j < 3 and b not in taken and self._rare(norms[b]):
                b += 1
            if b == j + 1 and _in(norms[i], lx.WEAK_TITLES):
                continue  # الشهيد | نال: a noun, not a title
            ms.append(Mention(j, b, "PER", source="rule", words=tuple(norms[j:b]), canon=" ".join(norms[j:b])))
            taken.update(range(j, b))
        return ms

    def _masdar_object(self, w: str, swallowed: Sequence[Mention], k: int) -> bool:
        """Whether the word after حركة/تنظيم is a definite common word that is no movement's
        name (المرور، البطولة; not الدولة، المقاومة، النهضة) nor a name found there."""
        if not w.startswith("ال") or w in _MOVEMENT_NAMES or any(m.a == k for m in swallowed):
            return False
        return self.common(w) or common_noun(w[2:], self.vocab) or nameless_word(w, self.vocab, self.nameless)

    def given_and_family(self, ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
        """A first name nobody tagged, followed by a family name nobody tagged, is a person
        (وذكرت سمر الرمادي، لمارتن انديك): the first name from :data:`lexicon.FIRST_NAMES` as it
        stands after a proclitic (no ordinary word such as صباح، حسن، لي), the family name a word
        :meth:`_surname` accepts or a nisba the corpus does not use as an adjective (الرمادي)."""
        n = len(norms)
        nisba_at = {o.a: o for o in ms if o.type == "NORP" and o.b - o.a == 1}
        gone: list[Mention] = []
        for m in ms:  # عادل بن أحمد | الجبير، عبد الملك | الحوثي، أبو ولاء | الولائي: after a nasab,
            # عبد or a kunya, the family name the tagger left off (or read as a group's nisba)
            if m.type != "PER" or m.b >= n or not (m.b - m.a >= 3 and norms[m.b - 2] in _NASAB
                                                     or m.b - m.a == 2 and norms[m.a] in _KUNYA):
                continue
            w = norms[m.b]
            nat = nisba_at.get(m.b)
            free = nat is not None or not any(o.a <= m.b < o.b for o in ms)
            if free and w.startswith("ال") and w not in lx.ROLE_CONTINUATION and w not in _NOT_FAMILY and (
                    w.endswith("ي") and (nat is not None or self.gaz.nationality(w) is not None)
                    or nat is None and self._family_after_title(w) and norms[m.a] not in _KUNYA):
                # (after a kunya only a nisba: أبو حميد | التوفيق is the wish, not his family)
                # (not مطار الأمير نايف بن عبدالعزيز | الدولي)
                m.b += 1
                if nat is not None:
                    gone.append(nat)
                if m.words:
                    m.words = (*m.words, w)
                    m.canon = " ".join(m.words)
        if gone:
            ms = [o for o in ms if not any(o is g for g in gone)]
        cands = [i for i in compress(count(), map(_GIVEN_FORMS.__contains__, norms)) if i + 1 < n]
        if not cands:
            return ms
        taken = {k for m in ms for k in range(m.a, m.b)}
        for i in cands:
            if i in taken or i + 1 in taken:
                continue
            c = _core(norms[i])
            definite = c in lx.DEFINITE_GIVEN
            if c not in _GIVEN and not definite:
                continue
            if definite and i and _definite(norms[i - 1]) and not _is_title(norms[i - 1]) and not (
                    i >= 2 and _is_title(norms[i - 2])):
                continue  # الوعد الصادق، المحيط الهادي: an adjective of the noun before it
            j = i + 1
            while j < n and j - i <= 3 and j not in taken and self._family_word(norms[j]):
                j += 1
            if definite and j == i + 1 and j < n and j not in taken and self._after_title(norms, i) \
                    and self._family_after_title(norms[j]):
                j += 1  # رئيس الحكومة الحبيب الصيد: after a title, the family name may be a word
            if j == i + 1 and j + 1 < n and norms[j] == "ال" and norms[j + 1][:1].isalpha() and j + 1 not in taken:
                j += 2  # تركي آل الشيخ (آل, normalized, reads as the article alone)
            if j == i + 1:
                continue
            words = (c, *norms[i + 1 : j])
            m = Mention(i, j, "PER", source="rule", words=words, canon=" ".join(words))
            ms.append(m)
            taken.update(range(i, j))
        return ms

    def _family_after_title(self, w: str) -> bool:
        """Whether ``w`` can be the family name of a title + a first name written with the
        article, even an ordinary word (الصيد): a definite word of five letters or more or a rare
        one; no function word, date word, nationality, title, و/ف-word, word with a pronoun
        suffix or verb (الإمام الصادق | ألقت، | وعددهم)."""
        return (w[:1].isalpha() and w not in lx.ORG_STOPS and w not in lx.EDGE_WORDS and w not in lx.STOPWORDS
                and not self.gaz.nationality(w) and not _is_title(w) and not w.startswith(("و", "ف"))
                and not w.endswith(_PRONOUN_SUFFIXES) and not self._past_verb(w)
                and not future_verb(w, self.gaz.common, self.names)
                and (_definite(w) and len(w) >= 5 or not self.common(w)))

    @staticmethod
    def _after_title(norms: Sequence[str], i: int) -> bool:
        """Whether a title (or a title and its complement: رئيس الحكومة) ends right before ``i``."""
        return bool(i and (_is_title(norms[i - 1]) or i >= 2 and _is_title(norms[i - 2]) and _definite(norms[i - 1])))

    def _family_word(self, w: str) -> bool:
        if w.startswith("ال"):
            return (w.endswith("ي") and len(w) >= 5 and not nameless_word(w, self.vocab, self.nameless)
                    and not _is_title(w) and self.gaz.nationality(w) is None and self.gaz.lookup([w]) is None
                    and w not in lx.ORG_STOPS)
        return self._surname(w) and w[:1] != "و" and not self._preposition(w)

    def _common_long(self, w: str) -> bool:
        """:meth:`common` over the word, the word without ال, and its proclitic readings of four
        letters or more."""
        return any(c in self.gaz.common or strip_article(c) in self.gaz.common
                   for p, c in proclitic_splits(w) if not p or len(c) >= 4 or p in _PREPOSITIONS and len(c) >= 3
                   and w not in lx.FIRST_NAMES and self.names.get(w, "") != "PERS-B")  # (الفريق | لستة)

    def _rare(self, w: str) -> bool:
        """A word that can go on a name after a title: no reading of it is common, it is no
        place, nationality, title, verb or definite word (قنبر)."""
        return w.isalpha() and len(w) >= 3 and not self.common(w) and not _definite(w) and w[0] != "و" \
            and not common_noun(w, self.vocab) and w not in lx.STOPWORDS and not _is_title(w) and self.gaz.nationality(w) is None \
            and self.gaz.lookup([w]) is None and not future_verb(w, self.gaz.common, self.names)

    def _surname_places(self, ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
        """A one-word country or city right after a lone first name (or a lone name the
        tagger found after a title) is its surname (الرئيس رافائيل كوريا: Correa, not Korea).
        Not after an honorific that names royals by their first name, nor after a title alone
        (زار الملك سلمان مصر، حذر المندوب الروسي واشنطن: a verb's object), nor when the place
        goes on (كوريا الجنوبية)."""
        by_end = {m.b: m for m in ms if m.type == "PER" and m.b - m.a == 1}
        if not by_end:
            return ms
        n = len(norms)
        out = []
        for m in ms:
            prev = by_end.get(m.a)
            if prev is None or m.type not in ("GPE", "LOC") or m.b - m.a != 1 or m.entry is None \
                    or (m.b < n and (self.gaz.nationality(norms[m.b]) or _definite(norms[m.b]))):
                out.append(m)
                continue
            if not self.gaz.nationality(norms[prev.a]):
                before = norms[prev.a - 1] if prev.a else ""
                w = norms[prev.a]
                if not _in(before, lx.ORG_HONORIFICS) and (
                        (_is_title(before) and prev.source == "crf")
                        or w in lx.FIRST_NAMES or self.names.get(w, "") == "PERS-B"):
                    prev.b = m.b
                    prev.words = (*(prev.words or (w,)), norms[m.a])
                    prev.canon = " ".join(prev.words)
                    continue
            out.append(m)
        return out

    def _surname(self, w: str) -> bool:
        return (_plain(w) and w.isalpha() and not _is_title(w) and self.gaz.nationality(w) is None
                and (w in lx.AMBIGUOUS or not self.common(w)) and self.gaz.lookup([w]) is None
                and not future_verb(w, self.gaz.common, self.names)  # (الملك سلمان | ستعمل)
                and (w in lx.AMBIGUOUS or not nameless_word(w, self.vocab, self.nameless)  # (ميركل | سيخلف)
                     and not any(common_noun(c, self.vocab) for _p, c in proclitic_splits(w))))  # (يونس | تألقه)

    def _family_name(self, m: Mention, norms: Sequence[str]) -> bool:
        """Whether the definite common word that ends a person span is the family name (the
        corpus's most frequent words hold the most mentioned people's: السيسي، الأسد، الحريري):
        a surname of the tagger's training names; a nisba (ـي) that is no nationality, role or
        time word (عبد الفتاح السيسي); or, after a lone first name the tagger joined it to, a
        word no definite adjective follows (بشار الأسد باللجوء، not كيم الخط الفاصل)."""
        w = norms[m.b - 1]
        if self.names.get(w, "").startswith("PERS"):
            return True
        if w.startswith("ال") and w.endswith("يه"):
            return False  # الملك فيصل | العالمية: a feminine adjective, no family name
        if w.startswith("ال") and w.endswith("ي") and self.gaz.nationality(w) is not None and all(
                map(self._given_name, norms[m.a : m.b - 1])):
            return True  # عبدالملك الحوثي: a nisba after first names only (see _nisba_surnames)
        if w.endswith("ي") and len(w) >= 6 and self.gaz.nationality(w) is None and w not in lx.ORG_STOPS \
                and w not in lx.ROLE_CONTINUATION and w not in lx.RULE_TITLES:
            return True
        first = norms[m.a]
        return (m.source == "crf" and m.b - m.a == 2 and (first in lx.FIRST_NAMES or self.names.get(first) == "PERS-B")
                and not (m.b < len(norms) and norms[m.b].startswith("ال")))

    def _ordinary(self, w: str) -> bool:
        return w.startswith("ال") and self.common(w) and not _in(w, lx.FIRST_NAMES)

    def _states(self, ms: list[Mention], norms: Sequence[str]) -> None:
        for m in ms:  # جمهورية الصين، دولة قطر: the head belongs to the state's name
            if m.type == "GPE" and m.entry is not None and m.entry.kind == "country" and m.a \
                    and _in(norms[m.a - 1], lx.STATE_HEADS) and not norms[m.a - 1].startswith("ال"):
                m.a -= 1

    # --- organisations ------------------------------------------------------------------------

    def _orgs(self, ms: list[Mention], norms: Sequence[str],
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
            if i in at and _in(h, lx.ORG_RULE_HEADS) and at[i].b - at[i].a == 1 and at[i].entry is None \
                    and at[i].type != "PER":
                ms.remove(at.pop(i))  # the tagger's lone head word (ميليشيا as MISC): the rule decides
            if not _in(h, lx.ORG_RULE_HEADS) or (i in at and at[i].type not in ("NORP",)) \
                    or (i + 1 < n and strip_article(_core(h)) in _TOWN_CENTRES and norms[i + 1] in lx.GPE_HEADS) \
                    or presidency_office(norms, i):
                free = i + 1  # (مركز مدينة عفرين: the town's centre; انتخابات الرئاسة: the office)
                continue
            j = i + 1
            swallowed: list[Mention] = []
            words = 0
            definite_head = bool(_definite(h))
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
                    if m.type in ("GPE", "LOC") and j > i + 1 and _definite(norms[j - 1]) \
                            and (m.b - m.a > 1 or self.gaz.nationality(norms[j]) is None):
                        break  # محكمة العدل الدولية | الولايات المتحدة: a definite word takes no genitive
                        # (but السعودية after اللجنة الأولمبية is the adjective, not the country)
                    swallowed.append(m)
                    j = m.b
                    words += 1
                    continue
                p = at.get(j + 1)
                if j == i + 1 and w in lx.ORG_HONORIFICS and p is not None and p.a == j + 1 and p.type == "PER":
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

                if words and w[:1] == "و" and w[1:] in lx.ORG_RULE_HEADS:
                    break  # الهيئة العامة للجمارك | والمؤسسة العامة للموانئ: a second body
                if w in lx.ORG_STOPS or (j == i + 1 and not _definite(h) and self._past_verb(w)):
                    break  # صحيفة بريطانية | الجمعة; حركة | نالت
                if _name_continues(w) and not self.gaz.nationality(w) and not self._is_title_word(w):
                    if words and w.startswith("ال") and norms[j - 1].startswith("ال") and not _adjective_like(w):
                        break  # رفعت إدارة السجون | الحظر: a second definite noun is the verb's object
                    j += 1
                    words += 1
                    continue
                if w.startswith("ل") and j == i + 1 and not _definite(h):
                    break  # مكتب للصرافة: an office for exchange, no name
                if w.startswith("ل") and j + 1 < n and (_definite(norms[j + 1]) or j + 1 in at) \
                        and w not in _LAM_STOPS:  # (اتحاد الغرف التجارية | لكافة التكاليف)
                    j += 1
                    continue
                if w.startswith("لل") and len(w) >= 6 and words and _definite(norms[j - 1]) \
                        and _adjective_like(norms[j - 1]) and w not in lx.PURPOSE_WORDS and w not in _LAM_STOPS:
                    j += 1  # الهيئة العامة للاستثمار، المنظمة العربية للتنمية
                    words += 1
                    continue
                if j == i + 1 and not _definite(h) and not self.common(w) and not w.startswith("و") \
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
            if _definite(h) and not swallowed and i + 1 < n and norms[i + 1].startswith("الم") and len(norms[i + 1]) >= 6 \
                    and not norms[i + 1].endswith(("ي", "يه")) and not _in(h, _CLUB_HEADS) \
                    and not (i + 2 < n and norms[i + 2] in lx.ORDINALS):  # (الرابطة المحترفة الثانية: a name)
                free = i + 1  # الشركة المالكة، المجموعة المتخصصة: a participle describes, it does not name
                continue
            if _core(h) in _MASDAR_HEADS and i + 1 < j and self._masdar_object(norms[i + 1], swallowed, i + 1):
                free = i + 1  # حركة المرور، تنظيم البطولة: the verbal noun and its object, no body
                continue
            only_adj = words == 0 or (len(swallowed) == 1 and swallowed[0].type == "NORP"
                                      and j == swallowed[0].b and words == 1
                                      and _definite(h) == _definite(norms[swallowed[0].a])
                                      and not _in(h, _CLUB_HEADS)  # النادي الإفريقي is a club,
                                      and not _in(h, _FEDERATION))  # الاتحاد الأرجنتيني a federation
            if only_adj:
                free = i + 1
                continue
            while j - 1 > i and norms[j - 1].startswith("ل") and (j - 1) not in at and not _definite(norms[j - 1]):
                j -= 1
            media = _in(h, lx.MEDIA_HEADS)
            if media and h.startswith("ال") and (not swallowed or all(
                    s.type == "NORP" for s in swallowed) and all(_definite(w) for w in norms[i + 1 : j])):
                free = i + 1  # القناة التلفزيونية، الصحيفة الإيطالية الرياضية: a description, not a name
                continue
            typ = "ORG"
            if _in(h, _CANAL_HEADS) and not _definite(h) and not norms[i + 1].startswith("و") and len(swallowed) == 1 and swallowed[0].type in ("GPE", "LOC") \
                    and swallowed[0].a == i + 1 and j == swallowed[0].b:
                typ, media = "LOC", False  # قناة السويس: a canal
            for s in swallowed:
                if s in ms:
                    ms.remove(s)
            a = i
            if media and j > i + 1 and strip_article(norms[i + 1]) != "انباء" and _NEWS_TAIL.isdisjoint(norms[i + 1 : j]) \
                    and not (_in(h, _AGENCY_HEADS) and _definite(norms[i + 1])):
                a = i + 1  # صحيفة الوئام: the paper is الوئام (but وكالة الفضاء الأميركية is whole)
            words_ = list(norms[a:j])
            if a == i:  # والمؤسسة → المؤسسة (the head's own reading)
                words_[0] = next((c for _p, c in proclitic_splits(h) if c in lx.ORG_RULE_HEADS
                                  or strip_article(c) in lx.ORG_RULE_HEADS), h)
            new = Mention(a, j, typ, source="rule", words=tuple(words_))
            new.canon = " ".join(words_)  # (no و or ل of the sentence in the key)
            new.country = next((s.country for s in swallowed if s.country), "")
            ms.append(new)
            for k in range(i, j):
                at[k] = new
            free = j
        return ms

    def _org_ends(self, ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
        """Where an organisation's name (the tagger's or a head rule's) ends:

        * at a word that dates or describes the sentence, not the body (:data:`lexicon.ORG_STOPS`:
          اللجنة المنظمة للبطولة | القادمة، وزارة السياحة الإسرائيلية | الأحد) or starts a purpose
          clause (:data:`lexicon.PURPOSE_WORDS`: وزارة التربية | لاتخاذ القرار);
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
        for m in ms:
            if m.type != "ORG" or m.entry is not None or m.b - m.a < 2:
                continue
            if _in(norms[m.a], lx.ORG_RULE_HEADS) and _disagrees(norms[m.a], norms[m.a + 1]):
                drop.append(m)
                continue
            if (m.b - m.a == 2 or m.b - m.a == 3 and norms[m.a + 2][:1] == "ل") and \
                    (strip_article(_head(norms[m.a])), strip_article(norms[m.a + 1])) in lx.GENERIC_BODIES:
                drop.append(m)  # مجلس الإدارة، اللجنة التنفيذية (للمهرجان): a body of any organisation
                continue
            b = m.b
            for k in range(m.a + 1, m.b):
                w = norms[k]
                if w in lx.ORG_STOPS or w in lx.PURPOSE_WORDS or (w[:1] in "وب" and w[1:] in lx.ORG_STOPS):
                    b = k
                    break
                if k >= m.a + 2 and w[:1] == "و" and w[1:] in lx.ORG_RULE_HEADS and not w[1:].startswith("ال"):
                    # محكمة العدل الدولية | ومجلس التعاون الخليجي: two bodies
                    second = Mention(k, m.b, "ORG", source="rule", words=(w[1:], *norms[k + 1 : m.b]))
                    second.canon = " ".join(second.words)
                    second.extra["strip_waw"] = "1"
                    add.append(second)
                    b = k
                    break
                e = self.gaz.nationality(w) if k >= m.a + 1 and k + 1 < m.b else None
                if e is not None and e.country and _definite(w) and _plain(norms[k + 1]) \
                        and not _definite(norms[k + 1]) and norms[k + 1][:1] != "ل" \
                        and self.gaz.nationality(norms[k + 1]) is None:
                    b = k + 1  # الاتحاد البيروفي | غيريرو: an indefinite word after the adjective is no part
                    break
                if k < m.a + 2:
                    continue
                if e is not None and e.country and _definite(w) and not _definite(norms[m.a]) \
                        and self.gaz.nationality(norms[k + 1]) is None and norms[k + 1] != "لكره":
                    # (nor one before لكرة: نادي أرسنال الإنجليزي لكرة القدم)
                    # (a group adjective does not close it: مؤسسة النقد العربي السعودي)
                    b = k + 2 if with_direction(e.country, norms[k + 1]) else k + 1
                    break  # (… الكورية الشمالية: the direction is the adjective's)
            if b == m.b:
                continue
            while b - 1 > m.a and (not _plain(norms[b - 1]) or norms[b - 1] in lx.NAME_LINKS):
                b -= 1
            if b - m.a == 1 and _in(norms[m.a], lx.ORG_RULE_HEADS):
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

    def _hashtags(self, ms: list[Mention], norms: Sequence[str], groups: Sequence[tuple[int, int]]) -> list[Mention]:
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
            if b - a < 2 or not self.flags(norms[a]) & _ORG or not _in(norms[a], lx.ORG_RULE_HEADS):
                continue
            ms = [m for m in ms if not (a <= m.a and m.b <= b)]
            s = a + 1 if _in(norms[a], lx.MEDIA_HEADS) else a
            ms.append(Mention(s, b, "ORG", source="rule", words=tuple(norms[s:b]), canon=" ".join(norms[s:b])))
        return ms

    # --- places ---------------------------------------------------------------------------------

    def _gpes(self, ms: list[Mention], norms: Sequence[str],
              heads: Sequence[tuple[int, int]] | None = None, surfaces: Sequence[str] = ()) -> list[Mention]:
        at = {k: m for m in ms for k in range(m.a, m.b)}
        for i, f in self.heads(norms) if heads is None else heads:
            if not f & (_GPE | _HOOD) or i + 1 >= len(norms) \
                    or (surfaces and norms[i][-1] == "ه" and surfaces[i][-1] == "ه"):
                continue  # (لبلده: his country, the pronoun; not بلدة, a town)
            is_loc = bool(f & _HOOD)
            j = i + 1
            if j < len(norms) - 1 and norms[j] == "#":
                j += 1
            m = at.get(j)
            if m is not None and m.a == j and m.b == j + 1 and m.entry is None and m.type in ("GPE", "LOC") \
                    and not _definite(norms[i]) and norms[j].endswith("ه") and self._adjective_after_head(norms[j]):
                ms.remove(m)  # منطقة | ريفية: the tagger's place is the head's (feminine) adjective; not
                # مدينة | بصرى (الشام), a place whose name reads as a nisba
                del at[j]
                continue
            if m is not None:
                if m.a == j and m.b - m.a <= 2 and (m.type in ("GPE", "LOC") or (
                        m.type == "PER" and (m.b - m.a == 1 or norms[m.a] in lx.PLACE_PREFIXES) and m.entry is None)):
                    region = self.gaz.lookup(list(norms[m.a : m.b]))
                    if not (region is not None and region.kind == "region"
                            and strip_article(_core(norms[i])) in _REGION_HEADS):
                        m.type = "LOC" if is_loc else "GPE"  # (منطقة الشرق الأوسط stays a region;
                        # ولاية نهر النيل is a state)
                continue
            w = norms[j]
            if self.flags(w) & (_GPE | _HOOD):
                continue  # بلدية | محافظة أبوعريش: a head after a head is no name; the next one reads on
            if w in _DIRECTIONS:  # محافظة شمال سيناء: the direction belongs to the name
                m2 = at.get(j + 1)
                if m2 is not None and m2.a == j + 1 and m2.type in ("GPE", "LOC"):
                    m2.a, m2.type = j, "GPE"
                    m2.words = (w, *m2.words) if m2.words else tuple(norms[j : m2.b])
                    m2.canon = " ".join(m2.words)
                    m2.entry = None
                    at[j] = m2
                continue
            e = self.gaz.lookup([w])
            if e is None and (not _plain(w) or self.common(w) or _definite(w) and not self._definite_only(w)
                              or w[0] == "و" or _definite(norms[i]) or self._adjective_after_head(w)):
                continue  # (المدينة | وأفرجت: a conjunction; an unknown word after a definite head;
                # حي | شعبي، منطقة | ريفية: an adjective the corpus writes with ال)
            new = Mention(j, j + 1, "LOC" if is_loc else "GPE", source="rule", words=(w,), canon=w)
            if e is not None and e.kind in ("city", "country"):
                new.entry, new.country, new.english, new.canon = e, e.country, e.english, e.canon
            ms.append(new)
            at[j] = new
        return ms

    @staticmethod
    def _acronyms(ms: list[Mention], norms: Sequence[str]) -> None:
        """A person or place spelled in Latin letters (قال لبي بي سي، إف بي آي) is an
        organisation's acronym; an attached proclitic (لـ) stays out of the span."""
        for m in ms:
            if m.type not in ("PER", "GPE", "LOC", "MISC", "ORG") or m.b - m.a < 2 or m.entry is not None:
                continue
            w0 = norms[m.a]
            first = w0 if w0 in lx.LETTER_WORDS_LOOSE else w0[1:] if w0[:1] in "وفبل" else ""
            words = (first, *norms[m.a + 1 : m.b])
            if first in lx.LETTER_WORDS_LOOSE and all(w in lx.LETTER_WORDS_LOOSE for w in words) \
                    and any(w in lx.LETTER_WORDS for w in words):
                while m.b < len(norms) and norms[m.b] in lx.LETTER_WORDS and all(o.a != m.b for o in ms):
                    m.b += 1  # إف بي | آي (not a particle after it: قال لبي بي سي إن …)
                    words = (*words, norms[m.b - 1])
                m.type, m.country, m.role = "ORG", "", ""
                m.words, m.canon = words, " ".join(words)
                if first != w0:
                    m.extra["strip_waw"] = "1"  # (one proclitic letter cut off the span)

    def _retype(self, ms: list[Mention], norms: Sequence[str]) -> None:
        taken = {k for m in ms for k in range(m.a, m.b)}
        for m in ms:
            if m.type == "MISC" and m.b - m.a == 2 and _in(norms[m.a], lx.CURRENCIES) \
                    and (e := self.gaz.nationality(norms[m.a + 1])) is not None:
                m.a += 1  # الدولار | الأمريكي: the currency is no name, its adjective a nationality
                m.type, m.entry, m.country, m.english = "NORP", e, e.country, ""
                m.words, m.canon = (norms[m.a],), e.canon
                continue
            if m.b - m.a != 1:
                continue
            if m.type == "ORG" and m.source == "crf" and m.entry is None and (e := self.gaz.nationality(norms[m.a])) is not None \
                    and not _in(norms[m.a], lx.ORG_RULE_HEADS):
                m.type, m.entry, m.country, m.english = "NORP", e, e.country, ""  # وأكراد، الشيعة: groups
                m.canon = e.canon
                continue
            if m.type == "ORG" and _core(norms[m.a]) in _SUNNA and any(
                    _core(norms[k]) in _SHIA for k in (m.a - 1, m.a + 1) if 0 <= k < len(norms)):
                m.type = "NORP"  # السنة والشيعة: the Sunnis (not the year, not the Sunna)
                continue
            prev = norms[m.a - 1] if m.a else ""
            w = norms[m.a]
            if m.type == "GPE" and m.a and _definite(prev) and _plain(prev) and (m.a - 1) not in taken \
                    and not _in(prev, lx.GPE_HEADS) and w.endswith("ه"):
                e = self.gaz.nationality(w)
                if e is not None:  # الحكومة السعودية: the adjective, not the country
                    m.type, m.entry, m.country, m.english = "NORP", e, e.country, ""
                    m.canon = e.canon
                    continue
            if m.type == "PER" and m.a and any(c in lx.PLACE_TITLES for _p, c in proclitic_splits(prev)) \
                    and w not in lx.FIRST_NAMES and self.names.get(w, "") != "PERS-B":
                e = self.gaz.lookup([w])  # ومحافظ أبين، حاكم دبي: the place the title governs
                m.type, m.role = "GPE", ""
                if e is not None and e.kind in ("city", "country", "region"):
                    m.entry, m.country, m.english, m.canon = e, e.country, e.english, e.canon
                continue
            if m.type in ("GPE", "LOC", "ORG") and prev and _is_title(prev) and m.entry is None \
                    and not ((e := self.gaz.lookup([w])) is not None and e.kind == "country"):
                m.type, m.entry, m.country = "PER", None, ""  # (رئيس وزراء مقدونيا: the country)
                continue
            nxt = norms[m.b] if m.b < len(norms) else ""
            if m.type != "PER" and _in(w, lx.CURRENCIES) and (
                    prev[:1].isdigit() or prev in _NUMBER_WORDS or self.gaz.nationality(nxt) is not None):
                # 2.3 مليار ريال، الريال الإيراني: money, not a club or a company
                m.type, m.entry, m.country = "MISC", None, ""


def _company_names(ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
    """A name with a company word after its first (شنايدر إلكتريك، جنرال موتورز، قطر إيرويز) is
    a company, not a person or a place; when the tagger cut the name before that word
    (شنايدر | إلكتريك ستورد …), the word joins the name and what it ran on to is dropped."""
    out: list[Mention] = []
    for m in sorted(ms, key=lambda m: m.a):
        p = out[-1] if out else None
        if p is not None and p.b == m.a and p.type in ("PER", "MISC", "GPE", "LOC", "ORG") and norms[m.a] in lx.COMPANY_WORDS:
            p.b = m.a + 1
            p.words = tuple(norms[p.a : p.b]) if not p.words else (*p.words, norms[m.a])
            p.canon = " ".join(p.words)
            p.type, p.entry, p.country, p.role = "ORG", None, "", ""
            continue
        if m.type in ("PER", "MISC", "GPE", "LOC") and m.b - m.a >= 2 and not lx.COMPANY_WORDS.isdisjoint(norms[m.a + 1 : m.b]):
            m.type, m.entry, m.country, m.role = "ORG", None, "", ""
        out.append(m)
    return out


def _latin_name(w: str) -> bool:
    """A capitalised Latin-script word of two letters or more (Apple, IBM), a proclitic و ف ب ل ك
    before it allowed (وCNN)."""
    core = w[1:] if w[:1] in "وفبلك" and len(w) > 2 and w[1:2].isascii() else w
    return len(core) >= 2 and core[:1].isascii() and core[:1].isupper() and core.isalnum()
