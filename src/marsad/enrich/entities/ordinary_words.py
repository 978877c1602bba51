"""Everyday words the tagger or the gazetteer took for names, and the filter that drops them: a
lone letter, God's names in formulae, money, a kind of body (بالمنظمة الإرهابية), a facility's
name, قطر as a diameter, a Levantine month (نيسان), a colour (الزرقاء), an idiom (حسن الضيافة),
a dual, a plural in construct, a nisba adjective after its noun, a place name that is a word
(صور، كيف), a nationality adjective used as a word (مجرى التاريخ), a word after a
demonstrative, and a lone word whose clusters hold no names (أعطت، بهدوء).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence

from marsad.enrich.entities import lexicon as lx
from marsad.enrich.entities import org_words as ow
from marsad.enrich.entities import place_words as pw
from marsad.enrich.entities.features import proclitic_splits, strip_article
from marsad.enrich.entities.gazetteer import Gazetteer
from marsad.enrich.entities.mention import Mention
from marsad.enrich.entities.places import bare_word_place
from marsad.enrich.entities.words import _QUOTES, _core, _definite, _in, _is_title, nameless_word
from marsad.text.normalize import normalize

_NILE = frozenset({normalize("النيل")})

#: the Nile's water and banks: النيل after these is the river, even before من (بمياه النيل من شأنه)
_NILE_WATERS = frozenset(normalize(w) for w in (
    "مياه مياة نهر حوض ضفاف ضفتي ضفة دلتا منابع وادي فيضان سد").split())

#: ذلك behind ك or ل is an adverb (كذلك also, لذلك therefore), not "that" before a noun
_THAT_ADVERBS = frozenset(normalize(w) for w in ("كذلك", "لذلك"))

#: قطر after these is a diameter (نصف قطر الدائرة، متوسط قطر الكويكب), not Qatar
_QATAR = normalize("قطر")
_DIAMETER_BEFORE = frozenset(normalize(w) for w in ("نصف", "متوسط", "ونصف"))

_HASAN = normalize("حسن")

#: feminine colours (فعلاء) that also name towns (الزرقاء، البيضاء): after a definite noun, its colour
_COLOURS = frozenset(normalize(w) for w in ("الزرقاء", "البيضاء", "الحمراء", "الخضراء", "السوداء", "الصفراء"))

_FACILITY_BETWEEN = frozenset(normalize(w) for w in ("مدينة", "المدينة"))

_THE_MOSQUE = normalize("المسجد")

_LI = normalize("لي")

#: "said to me": لي after these is the pronoun, not the name Lee
_TO_ME_VERBS = frozenset(normalize(w) for w in (
    "قال قالت يقول تقول وقال وقالت ويقول وتقول فقال فقالت أعاد اعاد يبدو بدا وأضاف").split())

#: the Levantine names of the months (نيسان، أيار …): beside the other name, a number or شهر, a month
_LEVANT_MONTHS = frozenset(normalize(w) for w in (
    "كانون شباط آذار اذار نيسان أيار ايار حزيران تموز آب اب أيلول ايلول تشرين").split())

_MONTH_CUES = frozenset(normalize(w) for w in (
    "يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر "
    "شهر شهري الشهر جانفي فيفري أفريل افريل ماي جوان جويلية أوت اوت").split())

#: every word of :data:`lexicon.DIVINE` ends with one of these (so does each proclitic form)
_DIVINE_ENDS = tuple(lx.DIVINE)

#: counted nouns that take an accusative nationality after them (عشرون | مصريا)
_NUMBER_NOUNS = frozenset(normalize(w) for w in (
    "عشر عشرة عشرون عشرين ثلاثون ثلاثين أربعون أربعين خمسون خمسين ستون ستين سبعون سبعين "
    "ثمانون ثمانين تسعون تسعين").split())

_RIGHT_HAND = frozenset({normalize("اليمنى"), normalize("يمنى")})

_QUTRI = frozenset(normalize(w) for w in ("القطري", "القطرية", "قطري", "قطرية"))

#: what قُطري (of a country, national) qualifies in an international body's words
_COUNTRY_LEVEL = frozenset(normalize(w) for w in (
    "مدير المدير مديرة المديرة ممثل الممثل ممثلة الممثلة مكتب المكتب مكاتب المكاتب مستوى المستوى "
    "برنامج البرنامج برامج البرامج الخطة خطة الاستراتيجية استراتيجية المنسق منسق المنسقة منسقة").split())


#: academic degrees and fields: what follows them and في is a subject (ماجستير في إدارة الأعمال)
_DEGREES = frozenset(normalize(w) for w in (
    "ماجستير الماجستير دكتوراه الدكتوراه دكتوراة الدكتوراة بكالوريوس البكالوريوس دبلوم الدبلوم "
    "ليسانس الليسانس تخصص التخصص متخصص متخصصة تخرج وتخرج تخرجت").split())


#: where a degree is taken: a span opening with these after ماجستير في is the school
_SCHOOLS = frozenset(normalize(w) for w in (
    "جامعة جامعه كلية كليه معهد المعهد أكاديمية اكاديمية مدرسة مدرسه").split())


def field_of_study(norms: Sequence[str], m: Mention) -> bool:
    """Whether an organisation-like span is the subject of a degree: after في that follows a
    degree or a speciality (الماجستير في | إدارة الأعمال، متخصص في | الهندسة المدنية)."""
    k = m.a - 1
    if k < 1 or norms[k] not in ("في", "فى") or _core(norms[m.a]) in _SCHOOLS:
        return False  # (الماجستير في | جامعة أريزونا: where, not what)
    return any(_core(w) in _DEGREES for w in norms[max(0, k - 3) : k])


_MUSCAT = normalize("مسقط")
_HEAD = frozenset({normalize("رأس"), normalize("راس")})


def idiom_word(norms: Sequence[str], k: int) -> bool:
    """Whether the word at ``k`` is a place's name used as a word of an idiom: قطر meaning a
    diameter (نصف قطر، متوسط قطر), not Qatar; مسقط رأس (birthplace), not Muscat."""
    w = norms[k]
    if w == _QATAR:
        return k > 0 and norms[k - 1] in _DIAMETER_BEFORE
    return _core(w) == _MUSCAT and k + 1 < len(norms) and _core(norms[k + 1]) in _HEAD


def demonstrative(w: str) -> bool:
    """Whether ``w`` is a demonstrative, with or without a proclitic (هذه، وهذه، بتلك; not كذلك
    or لذلك, adverbs): the definite word after it is a common noun (هذه القاعدة: the base)."""
    return _in(w, lx.DEMONSTRATIVES) and w.removeprefix("و").removeprefix("ف") not in _THAT_ADVERBS


def _month_name(norms: Sequence[str], m: Mention) -> bool:
    """A Levantine month name beside the other name of the month, a number or شهر (أبريل (نيسان)،
    شهري نيسان وأيار، 21 نيسان): not Nissan the company."""
    if m.b - m.a != 1 or _core(norms[m.a]) not in _LEVANT_MONTHS:
        return False
    near = [w for w in norms[max(0, m.a - 3) : m.a + 4] if w not in ("(", ")", "/", "،", ",")]
    return any(_core(w) in _MONTH_CUES or w[:1].isdigit() for w in near if w != norms[m.a])


def _facility_before(norms: Sequence[str], k: int) -> bool:
    """Whether a facility's head (:data:`.place_words.FACILITY_HEADS`) stands right before ``k``, or
    before the quote that opens it: what follows names a stadium, an airport, a hotel, a street."""
    j = k - 2 if k > 1 and norms[k - 1] in _QUOTES else k - 1
    for _ in range(2):  # شارع | الملك فهد، ملعب | مدينة الملك عبدالله: a title or a city between
        if j > 0 and (norms[j] in _FACILITY_BETWEEN or _is_title(norms[j])):
            j -= 1
    # (an indefinite head only: المشرف على المستشفى | الدكتور فلان is the hospital's doctor; but
    # المسجد الحرام، للمسجد النبوي name the mosques)
    if j < 0 or not _in(norms[j], pw.FACILITY_HEADS):
        return False
    head = _definite(norms[j])
    return not head.startswith("ال") or head == _THE_MOSQUE and j == k - 1


def _word_nationality(k: int, norms: Sequence[str], texts: Sequence[str]) -> bool:
    """A nationality adjective that is an everyday word here: مجري/مجريات (Hungarian) in
    construct before a definite noun (مجرى التاريخ، مجريات الأحداث; not مجري الجنسية), and اليمنى
    written with alef maqsura after a feminine noun (قدمه اليمنى، الجهة اليمنى: the right one;
    not الرئيس اليمنى, Yemeni with ى for ي)."""
    w = _core(norms[k])
    if w in pw.WORD_NATIONALITIES:
        nxt = norms[k + 1] if k + 1 < len(norms) else ""
        return nxt.startswith("ال") and nxt not in pw.NATIONALITY_COMPLEMENTS
    if w in _QUTRI and k and _core(norms[k - 1]) in _COUNTRY_LEVEL:
        return True  # المديرة القطرية، المكتب القطري: the country office (قُطري), not Qatari
    if texts[k].endswith("ى") and w in _RIGHT_HAND and k:
        prev = _core(norms[k - 1])
        return prev.endswith("ه") or strip_article(prev) in pw.FEMININE_SIDES
    if w.endswith("يا") and not w.startswith("ال") and k:
        # the accusative (ضابطا عراقيا، 15 مصريا) after a number or an accusative noun; after
        # anything else it is an adverb (الأولى عربيا، محليا وعربيا، المحتلة إسرائيليا)
        prev = _core(norms[k - 1])
        return not (prev.lstrip("وف")[:1].isdigit() or prev in _NUMBER_NOUNS or (
            prev.endswith("ا") and not prev.startswith("ال") and len(prev) >= 3
            and (not prev.endswith("يا") or k >= 2 and norms[k - 2].lstrip("وف")[:1].isdigit())))  # (45 جنديا إماراتيا)
    return False


def _org_word_cue(norms: Sequence[str], k: int) -> bool:
    """Whether the organisation named by an everyday word at ``k`` (:data:`.org_words.ORG_WORDS`)
    has an organisation head before it or a word of its world within three words."""
    if k and _in(norms[k - 1], ow.ORG_RULE_HEADS) and not _definite(norms[k - 1]).startswith("ال"):
        return True  # حركة فتح (not الهيئة | بفتح المطار)
    return any(_in(w, ow.ORG_WORD_COMPANIONS) for w in norms[max(0, k - 3) : k + 4])


def _a_surname(m: Mention, ms: Sequence[Mention], norms: Sequence[str]) -> bool:
    """Whether the one word of ``m`` (less its proclitic) ends a person's name of two words or more
    among ``ms``: the surname of someone the article names, whatever the word looks like."""
    w = m.words[0] if m.words else norms[m.a]
    return any(o.type == "PER" and o.b - o.a >= 2 and o.words and o.words[-1] == w for o in ms)


class OrdinaryWords:
    """The tests that need the corpus (its frequent words and word clusters), the gazetteer and
    the training names."""

    def __init__(self, gaz: Gazetteer, names: dict[str, str], vocab: Container[str],
                 nameless: frozenset[tuple[int, str]], common: Callable[[str], bool]) -> None:
        self.gaz = gaz
        self.names = names
        self.vocab = vocab
        self._nameless = nameless
        self.common = common  # a reading of the word is one of the corpus's common words

    def drop(self, ms: list[Mention], norms: Sequence[str], texts: Sequence[str]) -> list[Mention]:
        """The mentions that are no everyday word (``texts``: the tokens as written)."""
        return [m for m in ms if self.keeps(m, ms, norms, texts)]

    def keeps(self, m: Mention, ms: Sequence[Mention], norms: Sequence[str], texts: Sequence[str]) -> bool:
        """Whether ``m`` is no everyday word, among the article's mentions ``ms`` (some tests look
        at the others: a nisba or a lone word that ends a longer name stays). :meth:`drop` asks it
        of every mention the steps found, and :func:`.resolve.propagate_entities` of every mention
        it would add, so one rule here keeps a word out wherever the mention comes from."""
        return ((m.b - m.a > 1 or len(norms[m.a]) > 1)  # a lone letter (و) is no name
                and (m.source == "site" or not any(_in(w, lx.NOT_NAMES) for w in norms[m.a : m.b]))
                and not (norms[m.b - 1].endswith(_DIVINE_ENDS)  # (a cheap test first: few are)
                         and all(_in(w, lx.DIVINE) or w in lx.DIVINE_FORMULAE for w in norms[m.a : m.b]))
                # (بسم الله، رحمه الله، الحمد لله: formulae, nobody's name)
                and not (m.type == "MISC" and _in(norms[m.a], ow.CURRENCIES))  # money is not a name
                and not (m.type == "PER" and m.b - m.a == 1 and texts[m.a][-1:] == "ه" and len(norms[m.a]) >= 6
                         and norms[m.a][0] in "بل" and any(p in ("ب", "ل") for p, _c in proclitic_splits(norms[m.a]))
                         and not _a_surname(m, ms, norms))
                # (لإبعاده، بأقواله: a preposition, a noun and his pronoun — no name; لنصرالله after
                # حسن نصرالله is his name)
                and not (m.b - m.a == 1 and _core(norms[m.a]) in _NILE and m.b < len(norms)
                         and norms[m.b].startswith("من") and not (m.a and _in(norms[m.a - 1], _NILE_WATERS)))
                # (والنيل منها: harming it, not the Nile; بمياه النيل من شأنه: the river)
                and not (m.type == "ORG" and m.b - m.a == 2 and m.entry is None and norms[m.b - 1] in ow.GENERIC_ORG_ADJECTIVES
                         and _in(norms[m.a], ow.ORG_HEADS))  # بالمنظمة الإرهابية: a kind of body, no name
                and not (m.a and (m.type == "PER" or m.entry is None and m.type in ("GPE", "LOC", "MISC", "ORG"))
                         and _facility_before(norms, m.a))
                and not (m.b - m.a == 1 and idiom_word(norms, m.a))
                and not (m.type == "ORG" and m.b - m.a == 1 and self._common_noun_org(m, norms, texts))
                and not (m.type == "PER" and m.b < len(norms) and _core(norms[m.b - 1]) in lx.TIMES_OF_DAY
                         and _core(norms[m.b]) in lx.DAY_WORDS)  # المدرب | صباح يوم الأربعاء: a time
                and not (m.type in ("ORG", "MISC") and m.entry is None and field_of_study(norms, m))
                and not (m.type in ("ORG", "PER", "MISC") and _month_name(norms, m))
                and not (m.b - m.a == 1 and m.a and norms[m.a] == _LI and norms[m.a - 1] in _TO_ME_VERBS)
                and not (m.type in ("GPE", "LOC") and m.b - m.a == 1 and m.a and norms[m.a] in _COLOURS
                         and norms[m.a - 1].startswith("ال") and not _in(norms[m.a - 1], pw.GPE_HEADS)
                         and self.gaz.lookup([norms[m.a - 1]]) is None)  # ذات الشارة الزرقاء: blue, not Zarqa
                and not (m.type == "PER" and m.b - m.a <= 2 and _core(norms[m.a]) == _HASAN and m.a + 1 < len(norms)
                         and norms[m.a + 1] in lx.HASAN_IDIOMS)  # على حسن الضيافة: good hospitality
                and not (m.type == "PER" and m.b - m.a == 1 and self._dual_noun(norms[m.a]))
                and not (m.type == "PER" and m.b - m.a == 1 and self._nisba_adjective(m, ms, norms))
                and not (m.b - m.a == 1 and bare_word_place(m, ms, norms))
                and not (m.type == "NORP" and m.b - m.a == 1 and _word_nationality(m.a, norms, texts))
                and not (m.a and norms[m.a].startswith("ال") and demonstrative(norms[m.a - 1]))
                and not (m.type == "PER" and m.b - m.a == 1 and (self._construct_plural(norms[m.a])
                                                                  or self._oblique_construct(norms, m.b))
                         and not _a_surname(m, ms, norms))  # (وقال غريفو after بنجامين غريفو)
                and not (m.b - m.a == 1 and _in(norms[m.a], ow.ORG_WORDS) and not _org_word_cue(norms, m.a))
                and not (_core(norms[m.a]) in lx.NEVER_ALONE and (m.b - m.a == 1 or m.type in ("GPE", "LOC")
                                                                  and not _in(norms[m.a + 1], pw.LOC_HEADS)))
                and not (m.type == "PER" and m.b - m.a == 1 and self._no_name(m.words[0] if m.words else norms[m.a],
                                                                              ms, norms)))

    def _common_noun_org(self, m: Mention, norms: Sequence[str], texts: Sequence[str]) -> bool:
        """A one-word organisation the gazetteer knows whose name is ال + a frequent noun the
        gazetteer does not know alone (الجزيرة: جزيرة, an island), in an article that uses the noun
        as a noun — indefinite (جزيرة سقطرى، بجزيرة) or after شبه (شبه الجزيرة) — and with no cue
        of the body around it (قناة الجزيرة، تنظيم القاعدة, a quote or bracket before it, a
        nationality after it: الجزيرة الإماراتي): the island the article spoke of, no name."""
        e = m.entry
        if e is None or e.kind != "org":
            return False
        d = _definite(norms[m.a])
        x = d[2:]
        if not d.startswith("ال") or len(x) < 3 or self.gaz.freq_class(x) < 6 or self.gaz.lookup([x]) is not None:
            return False
        prev = norms[m.a - 1] if m.a else ""
        if m.a and (texts[m.a - 1] in _QUOTES or texts[m.a - 1] == "(" or any(
                _in(h, ow.MEDIA_HEADS) or _in(h, ow.ORG_RULE_HEADS) or _in(h, ow.ORG_HEADS)
                for h in (prev, prev[:-1] if prev.endswith("ي") else prev))):
            return False  # (قناة الجزيرة، تنظيمي القاعدة والنصرة: a head, or its dual in construct)
        if m.b < len(norms) and self.gaz.nationality(norms[m.b]) is not None:
            return False
        if m.a and _core(norms[m.a - 1]) in lx.NEVER_ALONE:
            return True  # شبه | الجزيرة
        return any(c == x for w in set(norms) if w.endswith(x) for _p, c in proclitic_splits(w))

    def _construct_plural(self, w: str) -> bool:
        """A sound masculine plural in construct (باحثو، مسؤولو الوزارة), whose ``-ون``/``-ين``
        form the corpus writes: a noun, not a name ending in و (عمرو، إدواردو)."""
        if not w.endswith("و") or len(w) < 5:
            return False
        return any(len(c) >= 4 and c.endswith("و") and (c[:-1] + "ون" in self.vocab or c[:-1] + "ين" in self.vocab)
                   and c not in lx.FIRST_NAMES for _p, c in proclitic_splits(w))

    def _oblique_construct(self, norms: Sequence[str], b: int) -> bool:
        """The oblique of a sound masculine plural in construct before a definite noun (ميسوري
        الحال، مسؤولي الوزارة): a word in ـي before الحال, or one whose ـون and ـين forms the
        corpus both writes and that is no name of the training data or the list (not مرسي)."""
        w = norms[b - 1]
        if not w.endswith("ي") or len(w) < 5 or b >= len(norms) or not norms[b].startswith("ال"):
            return False
        if norms[b] == "الحال":
            return True  # ميسوري الحال، محدودي الحال: an idiom of means
        return any(len(c) >= 5 and c[:-1] + "ون" in self.vocab and c[:-1] + "ين" in self.vocab
                   and c not in lx.FIRST_NAMES and not self.names.get(c) for _p, c in proclitic_splits(w))

    def _no_name(self, w: str, ms: Sequence[Mention], norms: Sequence[str]) -> bool:
        """A lone word the tagger called a person that is frequent in the corpus and whose
        word clusters at every level hold next to no names (a verb, an adverb, a common noun:
        أعطت، بهدوء، معسكر), unless it ends a longer name of the article (محمد الكبير | الكبير)."""
        if not nameless_word(w, self.vocab, self._nameless) or any(
                c in lx.FIRST_NAMES or self.names.get(c, "").startswith("PERS") for _p, c in proclitic_splits(w)):
            return False  # (وبوتين: و + a name)
        return not any(o.type == "PER" and o.b - o.a >= 2 and norms[o.b - 1] == w for o in ms)

    def _nisba_adjective(self, m: Mention, ms: Sequence[Mention], norms: Sequence[str]) -> bool:
        """A lone definite nisba right after a definite common noun is its adjective (القفص | الصدري،
        الموقف | المصري), not a family name, unless it ends a person's name of the article."""
        w = norms[m.a]
        if not (m.a and w.startswith("ال") and w.endswith("ي") and len(w) >= 5):
            return False
        prev = norms[m.a - 1]
        if not prev.startswith("ال") or _is_title(prev) or prev in lx.FIRST_NAMES or not self.common(prev):
            return False
        return not any(o.type == "PER" and o.b - o.a >= 2 and norms[o.b - 1] == w for o in ms)

    def _dual_noun(self, w: str) -> bool:
        """A dual in ـتين of a frequent feminine noun (لمجموعتين ← مجموعة، دولتين ← دولة), with
        or without a proclitic: a noun, not a name (بوتين، كريستين: no such noun)."""
        return any(c.endswith("تين") and len(c) >= 6 and self.gaz.freq_class(c[:-3] + "ه") >= 8
                   for _p, c in proclitic_splits(w))
