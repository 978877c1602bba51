"""Head rules for people: a name broken at a link word joined (محمد بن راشد آل | مكتوم), two
people joined by و cut apart, X الله + a surname (فتح الله غولن), a nasab chain's first name, a
nisba after first names as the family name (عبدالملك الحوثي), an uncommon word after a title
(الرئيس مون), a first name + a family name nobody tagged (سمر الرمادي), a country after a
first name as a surname (رافائيل كوريا), and a thing followed by الملقب as a person.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, count
from typing import TYPE_CHECKING

from marsad.enrich.entities import lexicon as lx
from marsad.enrich.entities import org_words as ow
from marsad.enrich.entities import place_words as pw
from marsad.enrich.entities.features import proclitic_splits, strip_article
from marsad.enrich.entities.mention import Mention
from marsad.enrich.entities.words import (
    _CLOSING_QUOTES,
    _DIRECTIONS,
    _GOD,
    _TITLE,
    _core,
    _in,
    _is_definite,
    _is_title,
    _plain,
    common_noun,
    future_verb,
    nameless_word,
)

if TYPE_CHECKING:
    from marsad.enrich.entities.rules import HeadRules

#: first names of :data:`lexicon.FIRST_NAMES` that are ordinary words or name parts too often to
#: open a person nobody tagged (صباح morning, حسن good, لي to me, جو weather, بن son of)
_NOT_GIVEN = lx.word_set("لي جو شي بن أبو أم سيد عبد صباح حسن زين جمال عادل سعيد قيس نبيه رفيق "
                   "نجيب أنور كيم علي أكبر حافظ")

_GIVEN = lx.FIRST_NAMES - _NOT_GIVEN - lx.AMBIGUOUS

#: the given names as a word can hold them, with a proclitic (a superset: candidates only)
_GIVEN_FORMS = frozenset(p + g for g in _GIVEN | lx.DEFINITE_GIVEN for p in ("", *lx.PROCLITICS))

#: first names that begin with و (not the conjunction)
_WAW_NAMES = lx.word_set("وسام وليد وائل وفاء وديع وجدي وحيد وداد وعد وصفي ولاء وفيق وضاح وهيب وجيه ورده وئام "
                   "ويليام وليام ويل وارن والتر ويلسون وزير")

#: possessive suffixes that end no family name (وعددهم، حولها)
_PRONOUN_SUFFIXES = ("ها", "هم", "هما", "كم", "نا")

#: adjectives and nouns after a nasab that are no family name (… بن عبدالعزيز الدولي، … السجن)
_NOT_FAMILY = lx.word_set("العالمي العالميه الدولي الجديد الجديده الحالي السابق الراحل المقبل الماضي السجن")

#: علي normalized is also the preposition على (على اليوناني): no first name on its own
_ALI_NORMS = lx.word_set("علي")

#: the first word of a two-word given name or kunya (عبد الملك، أبو ولاء)
_KUNYA = frozenset({"عبد", "ابو", "ام"})

#: proclitic prepositions (ب ل ك): before a common word of three letters they make a phrase (لستة)
_PREPOSITIONS = frozenset({"ب", "ل", "ك"})


def nicknamed(ms: list[Mention], norms: Sequence[str]) -> None:
    """A name the tagger called a thing (MISC), followed — past its closing quote — by الملقب
    or المكنى, is a person's ("خالص بايانجوك" الملقب بـ"أبو حنظلة")."""
    n = len(norms)
    for m in ms:
        if m.type != "MISC" or m.b - m.a > 4:
            continue
        k = m.b + 1 if m.b < n and norms[m.b] in _CLOSING_QUOTES else m.b
        if k < n and norms[k] in lx.NICKNAME_CUES:
            m.type, m.entry, m.country = "PER", None, ""


class PersonRules:
    """The rules for people, with the head rules' gazetteer, names, corpus words and tests."""

    def __init__(self, rules: HeadRules) -> None:
        self.gaz, self.names, self.vocab, self.nameless = rules.gaz, rules.names, rules.vocab, rules.nameless
        # (the word tests the families of rules share)
        self.flags, self.heads, self.common, self._past_verb = rules.flags, rules.heads, rules.common, rules.past_verb

    def mend(self, ms: list[Mention], norms: Sequence[str],
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
                if m.a and norms[m.a] in lx.NASAB and m.b - m.a >= 2 and self._first_name_before(m, norms, keep):
                    m.a -= 1  # علي | بن ناصر الغفيص: the chain's first name
                if (self._conjunct(norms[m.a]) or self._waw_before_name(norms[m.a])) \
                        and not m.extra.get("strip_waw"):  # وليلى علوي → ليلى علوي، ومكرم بن رمضان
                    m.extra["strip_waw"] = "1"
                    m.words = (norms[m.a][1:], *m.words[1:]) if m.words else (norms[m.a][1:],)
                    m.canon = " ".join(m.words)
                while m.b < len(norms) and _core(norms[m.b - 1]) in lx.FIRST_NAMES and self._surname(norms[m.b]) \
                        and not (norms[m.b][:1] == "و" and norms[m.b] not in _WAW_NAMES) \
                        and not (m.b - m.a >= 2 and norms[m.b - 2] == "ال"):
                    m.b += 1  # إبراهيم | رئيسي: a first name takes the surname the tagger doubted
                    # (not after آل, normalized ال: آل سعود is the family, آل سعود | أميرًا)
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

    def nisba_surnames(self, ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
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
                    or _in(nxt, ow.ORG_HEADS) or _is_title(nxt) or not nxt.isalpha() or len(nxt) < 3 \
                    or _in(nxt, pw.STATE_HEADS) or _in(nxt, pw.GPE_HEADS) or _in(nxt, pw.LOC_HEADS) \
                    or nxt in _DIRECTIONS or (_is_definite(nxt) and not _is_definite(norms[i])) \
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
            if m.type != "PER" or m.b >= n or not (m.b - m.a >= 3 and norms[m.b - 2] in lx.NASAB
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
            if definite and i and _is_definite(norms[i - 1]) and not _is_title(norms[i - 1]) and not (
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

    def surname_places(self, ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
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
                    or (m.b < n and (self.gaz.nationality(norms[m.b]) or _is_definite(norms[m.b]))):
                out.append(m)
                continue
            if not self.gaz.nationality(norms[prev.a]):
                before = norms[prev.a - 1] if prev.a else ""
                w = norms[prev.a]
                if not _in(before, ow.ORG_HONORIFICS) and (
                        (_is_title(before) and prev.source == "crf")
                        or w in lx.FIRST_NAMES or self.names.get(w, "") == "PERS-B"):
                    prev.b = m.b
                    prev.words = (*(prev.words or (w,)), norms[m.a])
                    prev.canon = " ".join(prev.words)
                    continue
            out.append(m)
        return out

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

    def _theophoric(self, ms: list[Mention], norms: Sequence[str], heads: Sequence[tuple[int, int]]) -> list[Mention]:
        """X الله + a surname is a person (فتح الله غولن، ضيف الله الحربي): the pair is a name
        when a family name follows it (a person's span, a definite ـي nisba, an uncommon word)
        and X is no formula word (رحمه الله، بسم الله، إن شاء الله) nor a title."""
        n = len(norms)
        ks = [k for k, f in heads if f & _GOD and norms[k] == "الله" and 0 < k < n - 1
              and norms[k - 1] not in lx.DIVINE_FORMULAE and not _is_definite(norms[k - 1])]
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
            if not x.isalpha() or len(x) < 3 or _is_definite(x) \
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
                    and ((_is_definite(y) and y.endswith("ي") and len(y) >= 5) or not self.common(y)
                         or (not _is_definite(y) and (k + 2 == n or not norms[k + 2][:1].isalnum()))):
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

    def _first_name_before(self, m: Mention, norms: Sequence[str], ms: list[Mention]) -> bool:
        """Whether the word before a person span that starts with بن/بنت is the name's first
        word (فيصل | بن محمد الحمود، علي | بن ناصر): a first name (one the tagger's training
        names begin with, too), or an uncommon word that is no head; not a verb or a noun
        (وذكر | بن جحا، عملية | بن قردان). The word's own mention, if any, gives way."""
        w = norms[m.a - 1]
        if not w.isalpha() or (w[0] == "و" and w not in _WAW_NAMES and w not in lx.FIRST_NAMES):
            return False
        first = w in lx.FIRST_NAMES or self.names.get(w, "") == "PERS-B"
        if not first and (self.common(w) or w in lx.STOPWORDS or self.flags(w) or _is_definite(w)
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

    def _given_name(self, x: str) -> bool:
        """A first name: of the list, of the training names, or عبد + a word (عبدالملك)."""
        return x in lx.FIRST_NAMES or self.names.get(x, "") == "PERS-B" or (x.startswith("عبد") and len(x) >= 6)

    def _preposition(self, w: str) -> bool:
        """Whether ``w`` is ب ل ك + a first name or a common word (بحمد، لعمر، بفضل): a
        preposition's phrase, not a name's first word (بلال، كمال، لؤي stay names)."""
        return w[:1] in _PREPOSITIONS and w not in lx.FIRST_NAMES and self.names.get(w, "") != "PERS-B" \
            and (w[1:] in lx.FIRST_NAMES or (len(w) >= 5 and self.common(w[1:])))

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

    def _family_after_title(self, w: str) -> bool:
        """Whether ``w`` can be the family name of a title + a first name written with the
        article, even an ordinary word (الصيد): a definite word of five letters or more or a rare
        one; no function word, date word, nationality, title, و/ف-word, word with a pronoun
        suffix or verb (الإمام الصادق | ألقت، | وعددهم)."""
        return (w[:1].isalpha() and w not in ow.ORG_STOPS and w not in lx.EDGE_WORDS and w not in lx.STOPWORDS
                and not self.gaz.nationality(w) and not _is_title(w) and not w.startswith(("و", "ف"))
                and not w.endswith(_PRONOUN_SUFFIXES) and not self._past_verb(w)
                and not future_verb(w, self.gaz.common, self.names)
                and (_is_definite(w) and len(w) >= 5 or not self.common(w)))

    @staticmethod
    def _after_title(norms: Sequence[str], i: int) -> bool:
        """Whether a title (or a title and its complement: رئيس الحكومة) ends right before ``i``."""
        return bool(i and (_is_title(norms[i - 1]) or i >= 2 and _is_title(norms[i - 2]) and _is_definite(norms[i - 1])))

    def _family_word(self, w: str) -> bool:
        if w.startswith("ال"):
            return (w.endswith("ي") and len(w) >= 5 and not nameless_word(w, self.vocab, self.nameless)
                    and not _is_title(w) and self.gaz.nationality(w) is None and self.gaz.lookup([w]) is None
                    and w not in ow.ORG_STOPS)
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
        return w.isalpha() and len(w) >= 3 and not self.common(w) and not _is_definite(w) and w[0] != "و" \
            and not common_noun(w, self.vocab) and w not in lx.STOPWORDS and not _is_title(w) and self.gaz.nationality(w) is None \
            and self.gaz.lookup([w]) is None and not future_verb(w, self.gaz.common, self.names)

    def _surname(self, w: str) -> bool:
        return (_plain(w) and w.isalpha() and not _is_title(w) and self.gaz.nationality(w) is None
                and _core(w) not in lx.BLESSINGS  # (سلمان بن عبدالعزيز | حفظه الله)
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
        if w.endswith("ي") and len(w) >= 6 and self.gaz.nationality(w) is None and w not in ow.ORG_STOPS \
                and w not in lx.ROLE_CONTINUATION and w not in lx.RULE_TITLES:
            return True
        first = norms[m.a]
        return (m.source == "crf" and m.b - m.a == 2 and (first in lx.FIRST_NAMES or self.names.get(first) == "PERS-B")
                and not (m.b < len(norms) and norms[m.b].startswith("ال")))

    def _ordinary(self, w: str) -> bool:
        return w.startswith("ال") and self.common(w) and not _in(w, lx.FIRST_NAMES)

    def _place_nisba(self, w: str) -> bool:
        """A definite nisba of a place the gazetteer knows (البافاري ← بافاريا، الكتالوني ←
        كتالونيا، اللندني ← لندن): an adjective (الفريق البافاري: the Bavarian team), no family name."""
        if not (w.startswith("ال") and w.endswith("ي") and len(w) >= 6):
            return False
        stem = w[2:-1]
        return any((e := self.gaz.lookup([s])) is not None and e.kind in ("city", "country", "region")
                   for s in (stem + "يا", stem + "ا", stem))
