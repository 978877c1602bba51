"""Head-word rules for news mentions (run after the CRF spans and the gazetteer).

* organisation heads (:data:`org_words.ORG_RULE_HEADS`: وزارة، هيئة، صندوق، مركز، حركة، ميليشيا …)
  followed by a name-like phrase open an ORG: وزارة المالية، صندوق الاستثمارات العامة، مركز سبأ
  الإعلامي، ميليشيا الحوثي، الجبهة الشعبية لتحرير فلسطين. The phrase continues over definite
  words (ال…، وال…), over ل + a word before a definite word or a name (لتحرير فلسطين، لحقوق
  الإنسان), over mentions (which the ORG swallows: flat, outermost), and right after an
  indefinite head over one uncommon word (سبأ، غولن);
* administrative heads (:data:`place_words.GPE_HEADS`: ولاية، معتمدية، مديرية، منطقة، جبهة …) make the
  next uncommon word a GPE (ولاية باجة، مديرية صرواح); حي makes it a LOC;
* a country name that is also a feminine nationality adjective, after a definite noun, is the
  adjective (الحكومة السعودية → NORP);
* a one-word place or organisation right after a title is a person (المهاجم مورينو);
* a currency after a number is money (MISC), not an organisation (2.3 مليار ريال).

:class:`HeadRules` is the driver: it finds the head words (:meth:`HeadRules.flags`), runs the
rules in order (:meth:`HeadRules.apply`) and holds the rules for places and the retyping; the
rules for people are :mod:`.person_rules`, those for organisations and quoted names
:mod:`.org_rules`.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from marsad.enrich.entities import lexicon as lx
from marsad.enrich.entities import org_words as ow
from marsad.enrich.entities import place_words as pw
from marsad.enrich.entities.features import proclitic_splits, strip_article
from marsad.enrich.entities.gazetteer import Gazetteer
from marsad.enrich.entities.mention import Mention
from marsad.enrich.entities.org_rules import (
    OrgRules,
    company_names,
    latin_names,
    quoted_media,
    quoted_works,
)
from marsad.enrich.entities.person_rules import PersonRules, nicknamed
from marsad.enrich.entities.words import (
    _DIRECTIONS,
    _GOD,
    _GPE,
    _HOOD,
    _ORG,
    _TITLE,
    _core,
    _in,
    _is_definite,
    _is_title,
    _plain,
)

_NUMBER_WORDS = lx.word_set("مليار مليون ألف آلاف مليارات ملايين")

#: the head before a region that keeps it a region (منطقة الشرق الأوسط), unlike ولاية نهر النيل
_REGION_HEADS = lx.word_set("منطقة")

_NEIGHBOURHOOD = frozenset({"حي", "بحي", "وحي", "لحي", "فحي", "الحي"})

_SUNNA = lx.word_set("السنة")

_SHIA = lx.word_set("الشيعة")


class HeadRules:
    """The head-word rules of one gazetteer, training name lexicon and corpus vocabulary."""

    def __init__(self, gaz: Gazetteer, names: dict[str, str] | None = None,
                 vocab: Container[str] = frozenset(), nameless: Container[tuple[int, str]] = frozenset()) -> None:
        self.gaz = gaz
        self.names = names or {}  # the training name lexicon (word → usual tag)
        self.vocab = vocab  # the corpus's frequent words
        self.nameless = nameless  # word clusters without names (words._nameless_clusters)
        self._head_bits: dict[str, int] = {}
        for words, bit in ((lx.RULE_TITLES, _TITLE), (ow.ORG_RULE_HEADS, _ORG), (pw.GPE_HEADS, _GPE)):
            for hw in words:
                self._head_bits[hw] = self._head_bits.get(hw, 0) | bit
        self._flags: dict[str, int] = {}
        self.people = PersonRules(self)
        self.orgs = OrgRules(self)

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

    def common(self, w: str) -> bool:
        """Whether a reading of ``w`` (a proclitic off, or ال) is one of the corpus's common words."""
        return any(c in self.gaz.common or strip_article(c) in self.gaz.common
                   for _p, c in proclitic_splits(w))

    def heads(self, norms: Sequence[str]) -> list[tuple[int, int]]:
        """``(index, flags)`` of the words that are heads of some kind (few in an article)."""
        cache = self._flags
        flags = self.flags
        return [(i, f) for i, w in enumerate(norms) if (f := cache[w] if w in cache else flags(w))]

    def past_verb(self, w: str) -> bool:
        """A past verb of the feminine: a frequent word + ت (نالت، أعلنت; not مايكروسوفت)."""
        return len(w) >= 4 and w[-1] == "ت" and not w.startswith("ال") and w[:-1] in self.vocab \
            and not self.names.get(w)

    def apply(self, ms: list[Mention], norms: Sequence[str], surfaces: Sequence[str] = (),
              heads: Sequence[tuple[int, int]] | None = None,
              hashtags: Sequence[tuple[int, int]] = ()) -> list[Mention]:
        """``hashtags``: token ranges of words joined by ``_`` (#ميليشيا_الحوثي)."""
        if heads is None:
            heads = self.heads(norms)
        ms = self.people.mend(ms, norms, heads)
        ms = self.people.nisba_surnames(ms, norms)
        ms = latin_names(ms, norms, surfaces)
        ms = self.people.titled(ms, norms, heads)
        ms = self.people.surname_places(ms, norms)
        ms = self._gpes(ms, norms, heads, surfaces)
        ms = self.orgs.from_heads(ms, norms, heads)
        ms = self.orgs.ends(ms, norms)
        ms = self.orgs.quoted(ms, norms, heads)
        ms = quoted_works(ms, norms)
        nicknamed(ms, norms)
        quoted_media(ms, norms)
        if hashtags:
            ms = self.orgs.hashtags(ms, norms, hashtags)
        ms = company_names(ms, norms)
        self._retype(ms, norms)
        self._acronyms(ms, norms)
        self._states(ms, norms)
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
                    and not _is_definite(norms[i]) and norms[j].endswith("ه") and self._adjective_after_head(norms[j]):
                ms.remove(m)  # منطقة | ريفية: the tagger's place is the head's (feminine) adjective; not
                # مدينة | بصرى (الشام), a place whose name reads as a nisba
                del at[j]
                continue
            if m is not None:
                if m.a == j and m.b - m.a <= 2 and (m.type in ("GPE", "LOC") or (
                        m.type == "PER" and (m.b - m.a == 1 or norms[m.a] in pw.PLACE_PREFIXES
                                             or not _is_definite(norms[i]) and not self._given_name(norms[m.a]))
                        and m.entry is None)):
                    # (منطقة | ميري هيل: two words after an indefinite place head, the first no
                    # one's given name, name the place; ولاية باراك أوباما is his term, حاكم الولاية
                    # جيري براون the governor)
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
            if e is None and (not _plain(w) or self.common(w) or _is_definite(w) and not self._definite_only(w)
                              or w[0] == "و" or _is_definite(norms[i]) or self._adjective_after_head(w)):
                continue  # (المدينة | وأفرجت: a conjunction; an unknown word after a definite head;
                # حي | شعبي، منطقة | ريفية: an adjective the corpus writes with ال)
            new = Mention(j, j + 1, "LOC" if is_loc else "GPE", source="rule", words=(w,), canon=w)
            if e is not None and e.kind in ("city", "country"):
                new.entry, new.country, new.english, new.canon = e, e.country, e.english, e.canon
            ms.append(new)
            at[j] = new
        return ms

    def _given_name(self, w: str) -> bool:
        """Whether ``w`` is a first name (:data:`lexicon.FIRST_NAMES`) or one the training data
        opens a person's name with."""
        return w in lx.FIRST_NAMES or self.names.get(w, "") == "PERS-B"

    def _definite_only(self, w: str) -> bool:
        """A word with ال the corpus never writes without it, or does not know (منطقة الدلاهمية،
        اعتصام الكامور، حي الزيتونة): a name after a place head, not a common noun (منطقة الحدود)
        nor an adjective (مدينة الملاهي: ملاهي stands alone too)."""
        core = w[2:]
        return (w.startswith("ال") and len(w) >= 6 and w.isalpha() and self.gaz.freq_class(core) == 0
                and not self.common(w) and self.gaz.nationality(w) is None
                and not (core[0] in "تا" and core[-2] == "ا"))  # (منطقة التقاء: a verbal noun, افتعال)

    def _adjective_after_head(self, w: str) -> bool:
        """Whether the indefinite word after a place head reads as its adjective: a nisba the
        corpus writes with ال (حي | شعبي، منطقة | ريفية) or a frequent feminine word (قرية | خاصة)."""
        return (w.endswith(("ي", "يه")) and self.gaz.freq_class("ال" + w) >= 6
                or w.endswith("ه") and self.gaz.freq_class(w) >= 12
                or len(w) == 6 and w[0] == "م" and w[3] == "و" and w[-1] == "ه")  # (منطقة | مأهولة: مفعولة)

    def _person_noun_before(self, norms: Sequence[str], a: int) -> bool:
        """Whether a definite title or noun for a person (:data:`lexicon.PERSON_NOUNS`: الصحافية،
        الناشط) stands before ``a``, over up to two definite adjectives (الليبرالية، الروسية); an
        indefinite one governs the word after it (مؤسس ويكيليكس)."""
        j = a - 1
        while j >= 0 and a - j <= 2 and (self.gaz.nationality(norms[j]) is not None or _is_definite(norms[j])
                                         and norms[j].endswith(("ي", "يه"))) \
                and not (_is_title(norms[j]) or _in(norms[j], lx.PERSON_NOUNS)):
            j -= 1
        return j >= 0 and _is_definite(norms[j]) and (_is_title(norms[j]) or _in(norms[j], lx.PERSON_NOUNS))

    def _states(self, ms: list[Mention], norms: Sequence[str]) -> None:
        for m in ms:  # جمهورية الصين، دولة قطر: the head belongs to the state's name
            if m.type == "GPE" and m.entry is not None and m.entry.kind == "country" and m.a \
                    and _in(norms[m.a - 1], pw.STATE_HEADS) and not norms[m.a - 1].startswith("ال"):
                m.a -= 1

    @staticmethod
    def _acronyms(ms: list[Mention], norms: Sequence[str]) -> None:
        """A person or place spelled in Latin letters (قال لبي بي سي، إف بي آي) is an
        organisation's acronym; an attached proclitic (لـ) stays out of the span."""
        for m in ms:
            if m.type not in ("PER", "GPE", "LOC", "MISC", "ORG") or m.b - m.a < 2 or m.entry is not None:
                continue
            w0 = norms[m.a]
            first = w0 if w0 in ow.LETTER_WORDS_LOOSE else w0[1:] if w0[:1] in "وفبل" else ""
            words = (first, *norms[m.a + 1 : m.b])
            if first in ow.LETTER_WORDS_LOOSE and all(w in ow.LETTER_WORDS_LOOSE for w in words) \
                    and any(w in ow.LETTER_WORDS for w in words):
                while m.b < len(norms) and norms[m.b] in ow.LETTER_WORDS and all(o.a != m.b for o in ms):
                    m.b += 1  # إف بي | آي (not a particle after it: قال لبي بي سي إن …)
                    words = (*words, norms[m.b - 1])
                m.type, m.country, m.role = "ORG", "", ""
                m.words, m.canon = words, " ".join(words)
                if first != w0:
                    m.extra["strip_waw"] = "1"  # (one proclitic letter cut off the span)

    def _retype(self, ms: list[Mention], norms: Sequence[str]) -> None:
        taken = {k for m in ms for k in range(m.a, m.b)}
        for m in ms:
            if m.type == "MISC" and m.b - m.a == 2 and _in(norms[m.a], ow.CURRENCIES) \
                    and (e := self.gaz.nationality(norms[m.a + 1])) is not None:
                m.a += 1  # الدولار | الأمريكي: the currency is no name, its adjective a nationality
                m.type, m.entry, m.country, m.english = "NORP", e, e.country, ""
                m.words, m.canon = (norms[m.a],), e.canon
                continue
            if m.type in ("GPE", "LOC") and m.b - m.a == 2 and m.entry is None and self._person_noun_before(norms, m.a) \
                    and not any(self.gaz.lookup([w]) is not None for w in norms[m.a : m.b]):
                m.type, m.country = "PER", ""  # الصحافية الليبرالية | كسينيا سوبتشاك: a person
                continue
            if m.b - m.a != 1:
                continue
            if m.type == "ORG" and m.source == "crf" and m.entry is None and (e := self.gaz.nationality(norms[m.a])) is not None \
                    and not _in(norms[m.a], ow.ORG_RULE_HEADS):
                m.type, m.entry, m.country, m.english = "NORP", e, e.country, ""  # وأكراد، الشيعة: groups
                m.canon = e.canon
                continue
            if m.type == "ORG" and _core(norms[m.a]) in _SUNNA and any(
                    _core(norms[k]) in _SHIA for k in (m.a - 1, m.a + 1) if 0 <= k < len(norms)):
                m.type = "NORP"  # السنة والشيعة: the Sunnis (not the year, not the Sunna)
                continue
            prev = norms[m.a - 1] if m.a else ""
            w = norms[m.a]
            if m.type == "GPE" and m.a and _is_definite(prev) and _plain(prev) and (m.a - 1) not in taken \
                    and not _in(prev, pw.GPE_HEADS) and w.endswith("ه"):
                e = self.gaz.nationality(w)
                if e is not None:  # الحكومة السعودية: the adjective, not the country
                    m.type, m.entry, m.country, m.english = "NORP", e, e.country, ""
                    m.canon = e.canon
                    continue
            if m.type == "PER" and m.a and any(c in pw.PLACE_TITLES for _p, c in proclitic_splits(prev)) \
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
            if m.type != "PER" and _in(w, ow.CURRENCIES) and (
                    prev[:1].isdigit() or prev in _NUMBER_WORDS or self.gaz.nationality(nxt) is not None):
                # 2.3 مليار ريال، الريال الإيراني: money, not a club or a company
                m.type, m.entry, m.country = "MISC", None, ""
