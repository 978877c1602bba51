"""People in news mentions: a person's span (titles, nationality adjectives and a leader's
followers cut off its start, titles and verbs off its end; a first name behind its preposition
and a family's name taken on), the role before it (الرئيس الروسي، وزير الخارجية), one-word
names that are also common words and need evidence (رئيسي، أمل، سبوتنيك after لقاح), and a
nationality that is the first name of the person after it (وتركي الخضير).
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from marsad.enrich.entities import lexicon as lx
from marsad.enrich.entities import org_words as ow
from marsad.enrich.entities.features import Token, proclitic_splits, strip_article
from marsad.enrich.entities.gazetteer import Gazetteer
from marsad.enrich.entities.mention import Mention
from marsad.enrich.entities.places import _ARABIC_NAMED, PlaceReader
from marsad.enrich.entities.words import (
    _QUOTES,
    _core,
    _in,
    _is_definite,
    _is_title,
    _title_cut,
    common_noun,
    future_verb,
    nameless_word,
)

#: آل (family of), as written: normalized it is the article
_AL = frozenset({"آل", "وآل"})

#: the first name علي as written (with ي; the preposition is على)
_ALI = frozenset({"علي", "عليّ"})

#: particles with a hamza that normalized read as names (فإن → فان، بأن → بان)
_PARTICLES = frozenset({"فإن", "وإن", "بأن", "لأن", "فأن", "وأن", "إن", "أن", "كأن", "لإن", "بإن", "وبأن", "ولأن"})

#: the place head of an office a role goes on over (حاكم ولاية | فلوريدا), as it did when ولاية
#: read as a title (و + ل + آية); other place heads end a role as before
_OFFICE_PLACES = lx.word_set("ولاية الولاية")

#: head words a preposition puts before the noun it governs: no name ends with ل or ب + one
#: (موراليز | لنادي، عبدالله | بمدينة)
_HEADED = ow.ORG_HEADS | ow.NAMED_FACILITIES | lx.word_set("نادي فريق منتخب مدينه محافظه ولايه منطقه بلده قريه")

#: given names that read as verbs (يزيد "increases", رفعت "she raised"): محمد رفعت is a name
_VERB_LIKE_NAMES = lx.word_set(
    "يزيد ينال يسري يعرب تيسير فكرت رفعت عصمت حكمت مدحت طلعت بهجت رأفت ثروت عزت شوكت نصرت "
    "نجدت صفوت نشأت سعدت")

#: the corpus frequency class (log2 of the count) from which a noun's indefinite accusative
#: after a name is read as the noun (ملكا; ملك is of class 9, مرسوم 7, مستور of دي مستورا 4)
_FREQUENT_NOUN = 7

#: connectors a role may contain (السفير الإيراني لدى روسيا، المتحدث باسم الخارجية)
_ROLE_GLUE = frozenset({"لدي", "في", "باسم", "(", ")", "-", "و"})


def first_name_nationality(ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
    """An indefinite nationality that is also a first name, right before a person's family name
    (وتركي | الخضير), is that person's first name: an adjective before a definite word would be
    definite itself (التركي)."""
    if not ms:
        return ms
    by_start = {m.a: m for m in ms if m.type == "PER"}
    drop: list[Mention] = []
    added: list[Mention] = []
    for m in ms:
        if m.type != "NORP" or m.b - m.a != 1 or _core(norms[m.a]) not in lx.FIRST_NAMES:
            continue
        p = by_start.get(m.b)
        if p is None and m.b + 1 < len(norms) and norms[m.b] == "ال" and norms[m.b + 1][:1].isalpha() \
                and not any(o.a <= m.b + 1 < o.b for o in (*ms, *added)):
            p = Mention(m.b, m.b + 2, "PER", source="rule", words=tuple(norms[m.b : m.b + 2]))
            added.append(p)  # تركي | آل الشيخ: آل and the family, nobody tagged
        if p is not None and norms[p.a].startswith("ال"):
            p.a = m.a
            p.words = (_core(norms[m.a]), *(p.words or norms[p.a + 1 : p.b]))
            p.canon = " ".join(p.words)
            drop.append(m)
    if not drop and not added:
        return ms
    return [m for m in (*ms, *added) if not any(m is d for d in drop)]


_CLUB_HEADS = lx.word_set("نادي النادي")

#: a coach: his may be a player's name too (مدرب سيرينا, in tennis)
_COACH = lx.word_set("مدرب")


def club_and_player(ms: list[Mention], norms: Sequence[str], gaz: Gazetteer, names: dict[str, str]) -> list[Mention]:
    """After an indefinite place in a team (:data:`lexicon.CLUB_POSITIONS`: مهاجم، لاعب، مدافع)
    comes the club it stands in construct with, then maybe the player:

    * a one-word person there (no given name) is the club: مهاجم ليستر is Leicester's striker;
    * a mention there (after نادي, if it opens with it) of two words or more that the gazetteer
      does not know whole is the club and its player (مهاجم ليستر رياض محرز was one organisation):
      the club ends at the longest start the gazetteer knows as a body or a place (ريال مدريد |
      كريم بنزيمة), else before a given name (ليفربول | محمد صلاح), else, of three words, after
      the first (ليستر | رياض محرز). The player's words are letters, the first without ال, and
      no name the gazetteer knows whole."""
    added: list[Mention] = []
    for m in ms:
        if not m.a or m.type not in ("PER", "ORG", "GPE", "LOC") \
                or not (pos := next((c for _p, c in proclitic_splits(norms[m.a - 1]) if c in lx.CLUB_POSITIONS), "")):
            continue
        w = norms[m.a]
        if m.type == "PER" and m.b - m.a == 1:
            e = gaz.lookup([w])
            known = e is not None and e.kind in ("org", "city")
            tag = names.get(w, "")
            if _core(w) not in lx.FIRST_NAMES and w.isalpha() and (
                    known or w.startswith("ال") and len(w) >= 5 or tag.startswith(("ORG", "LOC"))
                    or tag == "PERS-B" and pos not in _COACH):  # (مدرب سيرينا: Serena's coach)
                m.type, m.role = "ORG", ""
                m.entry, m.country, m.english = (e, e.country, e.english) if known and e is not None else (None, "", "")
                m.canon = e.canon if known and e is not None else " ".join(m.words or (w,))
            continue
        a0 = m.a + 1 if _in(w, _CLUB_HEADS) else m.a
        if m.b - a0 < 2 or gaz.lookup(list(norms[a0 : m.b])) is not None:
            continue
        k, club = 0, None
        for j in range(m.b - 1, a0, -1):
            e = gaz.lookup(list(norms[a0:j]))
            if e is not None and e.kind in ("org", "city"):
                k, club = j, e
                break
        if not k and m.b - a0 >= 3:
            k = next((j for j in range(a0 + 1, m.b - 1) if _core(norms[j]) in lx.FIRST_NAMES and norms[j] not in lx.AMBIGUOUS
                      or names.get(norms[j], "") == "PERS-B"), 0) or (a0 + 1 if m.b - a0 == 3 else 0)
        tail = tuple(norms[k : m.b])
        if not k or not 1 <= len(tail) <= 3 or not all(t.isalpha() for t in tail) or tail[0].startswith("ال") \
                or any(gaz.lookup(list(tail[:j])) is not None for j in range(2, len(tail) + 1)) \
                or any(gaz.nationality(t) is not None for t in tail):
            continue  # (نادي زينيت | سان بطرسبورغ الروسي: a city and the club's nationality)
        added.append(Mention(k, m.b, "PER", source="rule", words=tail, canon=" ".join(tail)))
        n = k - m.a
        m.words = m.words[:n] if len(m.words) >= n else tuple(norms[m.a : k])
        m.b, m.type, m.role = k, "ORG", ""
        if club is not None and a0 == m.a:
            m.entry, m.country, m.english, m.canon = club, club.country, club.english, club.canon
        else:
            m.canon = " ".join(m.words)
    return sorted(ms + added, key=lambda m: m.a) if added else ms


def run_together(ms: list[Mention], norms: Sequence[str], names: dict[str, str]) -> list[Mention]:
    """Two names the tagger ran into one person are two mentions:

    * a word with و inside a person's name whose rest is a name (a first name, or someone the
      article names alone or as a full name's surname) begins another person (لودريان | وهولاند
      after فرانسوا هولاند; not ولد of محمد ولد الشيخ, nor وليد, a name of its own, nor أورين
      وولف where no ولف is named);
    * two words each of which is another's — the surname of a full name of the article, a surname
      the lexicon knows (ترامب), or the word of an organisation or place the gazetteer knows
      found elsewhere in the article — are two names side by side (السيسي | هولاند in a list,
      ترامب | غوغل "Trump [accused] Google")."""
    people = [m for m in ms if m.type == "PER" and m.b - m.a >= 2 and m.words and len(m.words) == m.b - m.a]
    if not people:
        return ms
    known = {m.words[0]: m for m in ms if m.type in ("ORG", "GPE") and m.b - m.a == 1 and m.entry is not None
             and m.words}

    alone = {m.words[0] for m in ms if m.type == "PER" and m.b - m.a == 1 and m.words}

    def a_name(w: str, m: Mention) -> bool:  # a first name, or someone of the article
        return w in lx.FIRST_NAMES or w in alone or any(o is not m and o.words[-1] == w for o in people)

    def anothers(w: str, m: Mention) -> bool:
        return bool(lx.known_surname(w)) or any(o is not m and o.words[-1] == w and o.words != m.words
                                                for o in people)

    added: list[Mention] = []
    for m in people:
        k = next((k for k in range(m.a + 1, m.b) if (w := norms[k])[:1] == "و" and len(w) >= 4
                  and w not in lx.FIRST_NAMES and w not in lx.NAME_LINKS and not names.get(w)
                  and w[1:] not in lx.NAME_LINKS and a_name(w[1:], m)), None)
        if k is not None:
            i = k - m.a
            added.append(Mention(k, m.b, "PER", source="rule", words=(norms[k][1:], *m.words[i + 1 :]),
                                 canon=" ".join((norms[k][1:], *m.words[i + 1 :])), extra={"strip_waw": "1"}))
            m.b, m.words, m.role = k, m.words[:i], ""
            m.canon = " ".join(m.words)
            continue
        if m.b - m.a != 2:
            continue
        w1, w2 = m.words
        if w1 in lx.FIRST_NAMES or w1 == w2 or min(len(w1), len(w2)) < 3 or not anothers(w1, m) \
                or m.a and (a_name(norms[m.a - 1], m) or names.get(norms[m.a - 1], "").startswith("PERS")) \
                or any(o.words[-2:] == m.words for o in people if o is not m):
            # (لي | جاي يونج: a name before it, one man's name in three words; خير الدين الزركلي
            # elsewhere: the tail of a full name; بي كي كي: letters)
            continue
        if (o := known.get(w2)) is not None and o.a != m.b - 1:
            added.append(Mention(m.b - 1, m.b, o.type, source="rule", entry=o.entry, country=o.country,
                                 english=o.english, words=(w2,), canon=o.canon))
        elif anothers(w2, m):
            added.append(Mention(m.b - 1, m.b, "PER", source="rule", words=(w2,), canon=w2))
        else:
            continue
        m.b, m.words, m.canon = m.b - 1, (w1,), w1
    return ms + added if added else ms


#: titles of rank (normalized): one closed by a nationality adjective before a nearer one is
#: another man's title (a list of tags, الرئيس الفرنسي الرئيس المصري الملك سلمان …, gave the king
#: FR); الرئيس العام الأمير … and ولي العهد السعودي الأمير … are one man's
_RANKS = lx.word_set("الرئيس الملك الملكه السلطان الأمير الأميره الرئيسه")


def _known_name_end(m: Mention, norms: Sequence[str]) -> int:
    """Where the full name of a well-known man (:data:`lexicon.KNOWN_SURNAMES`: دونالد ترامب)
    ends inside a longer person ``m`` after it ran on, else 0."""
    for k in range(m.a + 1, m.b - 1):
        full = lx.KNOWN_SURNAMES.get(norms[k])
        if full is not None:
            words = full.split()
            if tuple(norms[k + 1 - len(words) : k + 1]) == tuple(words) and k + 1 - len(words) >= m.a:
                return k + 1
    return 0


class PersonReader:
    """A person's span, role and evidence, read with the gazetteer, the training names and the
    corpus's frequent words."""

    def __init__(self, gaz: Gazetteer, names: dict[str, str], vocab: Container[str], places: PlaceReader, *,
                 nameless: Container[tuple[int, str]] = frozenset()) -> None:
        """``nameless``: the word clusters that hold next to no names (:func:`.words._nameless_clusters`)."""
        self.gaz = gaz
        self.names = names
        self.vocab = vocab
        self.places = places
        self.nameless = nameless

    def extend(self, ms: list[Mention], norms: Sequence[str], texts: Sequence[str], text: str) -> list[Mention]:
        """A person's span takes the first name behind its preposition (بحسن | نصرالله), the name's
        tail (زاده), the word after عبد, علي between a name and its nisba, and the family's name
        after آل (a mention on it goes); a town after ب at its end is a place of its own
        (عبدالله | بجدة)."""
        families: list[Mention] = []
        alaa = "على" in text  # the article spells the preposition with ى: علي is the name
        for m in ms:
            if m.type == "PER" and m.a and m.b - m.a <= 2 and norms[m.a - 1] not in lx.FIRST_NAMES \
                    and norms[m.a][:1] != "و" \
                    and any(p in ("ب", "ل", "وب", "ول") and c in lx.FIRST_NAMES
                            for p, c in proclitic_splits(norms[m.a - 1])[1:]) \
                    and not (m.a > 1 and any(o.b == m.a - 1 for o in ms)):
                m.a -= 1  # بحسن | نصرالله: the first name, behind its preposition
            while m.type == "PER" and m.b < len(norms) and norms[m.b] in lx.NAME_TAILS:
                m.b += 1
            if m.type == "PER" and norms[m.b - 1] == "عبد" and m.b < len(norms) and norms[m.b][:1].isalpha():
                m.b += 1  # عبد | الملك: عبد never ends a name
            if alaa and m.type == "PER" and m.b + 1 < len(norms) and texts[m.b] in _ALI \
                    and (w := norms[m.b + 1]).startswith("ال") and w.endswith("ي") and len(w) >= 5:
                m.b += 2  # محمد | علي العمري: علي in the middle of a name, before the family's nisba
            if m.type == "PER" and m.b < len(norms) and texts[m.b - 1] in _AL and norms[m.b][:1].isalpha():
                m.b += 1  # تركي آل | الشيخ: the family's name, even when it reads as a title
                families.append(m)
        for m in list(ms):  # عبدالله | بجدة، لي رويال | بعمّان: where he is, or it stands, is a place of its own
            if m.type == "PER" and m.b - m.a >= 2 and norms[m.b - 1][:1] == "ب" \
                    and (e := self.gaz.lookup([norms[m.b - 1]])) is not None and e.kind in ("city", "country") \
                    and len(norms[m.b - 1]) > len(e.phrase):
                m.b -= 1
                ms.append(Mention(m.b, m.b + 1, "GPE", source="gaz", entry=e))
        if families:  # a mention on the family's name it took is gone (آل | سعود)
            ms = [o for o in ms if not any(o is not m and o.a < m.b and m.b - 1 < o.b for m in families)]
        return ms

    def trim(self, m: Mention, norms: Sequence[str], surfaces: Sequence[str] = ()) -> Mention | None:
        """Cut titles off a person's span, and punctuation/stopwords off any span's edges (but
        not علي, written with ي, that opens a person's name: normalized it is the preposition
        على)."""
        a, b = m.a, m.b
        while a < b and (not norms[a][:1].isalnum() or norms[a] in lx.STOPWORDS
                         or (surfaces and surfaces[a] in _PARTICLES)) \
                and not (m.type == "PER" and b - a >= 2 and surfaces and surfaces[a] in _ALI):
            a += 1  # (فإن | هازارد: the particle, written with its hamza; فان دايك is a name)
        while b > a and (not norms[b - 1][:1].isalnum() or norms[b - 1] in lx.STOPWORDS
                         or norms[b - 1] in lx.EDGE_WORDS):
            b -= 1
        if m.type == "PER":
            while a < b - 1 and (_is_title(norms[a]) or self.gaz.nationality(norms[a])) \
                    and not (norms[a] in lx.FIRST_NAMES and (norms[a + 1] in lx.NASAB or norms[a + 1].startswith("ال"))):
                a += 1  # (but تركي بن محمد، سلطان بن سلمان، تركي الخضير: a first name before بن or
                # a family name, not التركي — an adjective before a definite word would be definite)
            while b - 1 > a and (_is_title(norms[b - 1]) or norms[b - 1] in lx.RULE_TITLES
                                 or norms[b - 1].startswith("لل") or self._future_verb(norms[b - 1])
                                 or self.no_name_word(norms[b - 1])):
                b -= 1  # محمد بن سلمان | ولي (العهد): a title after the name; كيم | للمحققين;
                # الملك سلمان | ستعمل: a verb; موراليز | لنادي، أحمد | يصرخ (:meth:`no_name_word`)
            b = next((k for k in range(a + 2, b) if self._epithet(norms, k)), b)
            # (فلاديمير بوتين | سيد الكرملين: an epithet after a full name, no part of it)
            while a < b - 1 and norms[a] in lx.DIVINE:
                a += 1  # (آية) الله | علي خامنئي
            if b - a >= 3 and norms[b - 1] in lx.DIVINE and _core(norms[b - 2]) in lx.BLESSINGS:
                b -= 2  # سلمان بن عبدالعزيز | حفظه الله، عبدالله | رحمه الله: a blessing after the name
            elif b - a >= 2 and _core(norms[b - 1]) in lx.BLESSINGS:
                b -= 1
            if b - a >= 3 and (e := self.gaz.lookup([norms[a]])) is not None and norms[a] not in lx.FIRST_NAMES \
                    and (e.kind == "country" or e.kind == "city" and e.population >= 100_000
                         and (e.country in _ARABIC_NAMED or self.places.place_word(e) is True)):  # (not أنخل دي ماريا)
                a += 1  # السفير التركي بتونس | عمر فاروق دوغان، لاعب مستقبل قابس | حسام الزرلي: the
                # country or town is a place of its own
            if a < b - 1 and _core(norms[a]) in lx.FOLLOWERS:
                a += 1  # قوات | صالح، أنصار | الصدر: the person's men, the name is his
            if b - a == 1 and _is_title(norms[a]):
                return None
        if a >= b:
            return None
        m.a, m.b = a, b
        return m

    def ambiguity(self, ms: list[Mention], norms: Sequence[str], toks: Sequence[Token]) -> list[Mention]:
        """Drop one-word names that are common words unless evidence backs them."""
        for m in ms:
            if m.type == "PER" and m.b - m.a >= 2 and m.words and len(m.words) == m.b - m.a \
                    and self.common_word(norms[m.a]) and not (m.a and self._cue(norms, m.a)) \
                    and any(o is not m and o.type == "PER" and o.b - o.a >= 2 and o.words
                            and o.words[-1] == m.words[-1] and o.words[0] != m.words[0] for o in ms):
                m.a += 1  # تفاني | كوهين before مايكل كوهين: "Cohen's devotion", a noun in construct
                # before the name of a man the article names, no second man of that name
                m.words = m.words[1:]
                m.canon = " ".join(m.words)
        full_names = {w for m in ms if m.type == "PER" and m.b - m.a >= 2 for w in m.words}
        out = []
        for m in ms:
            if m.type == "PER" and m.b - m.a >= 2 and _core(norms[m.a]) in lx.AMBIGUOUS:
                rest = norms[m.a + 1 : m.b]
                known = any(_in(w, lx.FIRST_NAMES) or self.names.get(w, "").startswith("PERS")
                            or self.names.get(_core(w), "").startswith("PERS") or w in lx.DIVINE
                            or self._rare(w) for w in rest)
                # (حسن نصر الله: a name with الله is a name; نبيل قاووق: a rare word, a surname)
                k = m.a - 1
                while k >= 0 and norms[k] in ("،", ","):
                    k -= 1
                cue = k >= 0 and (_is_title(norms[k]) or self.gaz.nationality(norms[k]) is not None)
                if not known and not cue:
                    continue  # سعيد بخروج: "happy to leave", not a person
            if m.b - m.a == 1 and m.words and m.words[0] in lx.AMBIGUOUS or (
                    m.b - m.a == 1 and _core(norms[m.a]) in lx.AMBIGUOUS and m.type in ("PER", "ORG")):
                w = m.words[0] if m.words else _core(norms[m.a])
                prev = norms[m.a - 1] if m.a else ""
                prev2 = norms[m.a - 2] if m.a > 1 else ""
                cue = prev if prev not in _QUOTES else prev2
                if _in(cue, ow.PRODUCT_CUES):
                    m.type, m.country, m.entry = "MISC", "", None
                    m.canon = w
                    out.append(m)
                    continue
                if m.type == "ORG" and m.entry is not None:
                    out.append(m)  # a known organisation (سبوتنيك the agency)
                    continue
                evidence = w in full_names or _is_title(prev) or _core(prev) in lx.FIRST_NAMES
                if m.type == "PER" and evidence:
                    out.append(m)
                continue
            out.append(m)
        return out

    def role(self, text: str, m: Mention, toks: Sequence[Token], norms: Sequence[str], ms: Sequence[Mention],
             inside: dict[int, Mention] | None = None) -> str:
        if inside is None:
            inside = {}
            for o in ms:
                if o is not m and o.type in ("GPE", "ORG", "NORP", "LOC"):
                    for k in range(o.a, o.b):
                        inside[k] = o
        k = m.a - 1
        if k >= 0 and norms[k] in ("،", ","):
            if m.start > toks.starts[m.a] and toks.texts[m.a][:1] == "و":
                return ""  # الأمين العام المؤسس للحزب، | وأحمد سعيد: the title before ، و is another's
            k -= 1
        first_title = -1
        steps = 0
        rank = nat_after_rank = False
        while k >= 0 and steps < 10:
            if k in inside and "named_after" in inside[k].extra:
                break  # مطار الملك عبدالعزيز الدولي | الأمير فيصل: the airport's king is no title of his
            w = norms[k]
            c = _core(w)
            if _is_title(w):
                if (c in _RANKS or w in _RANKS) and k not in inside:
                    if nat_after_rank:
                        break  # الرئيس المصري | الملك سلمان: another's rank, closed by its nationality
                    rank = True
                first_title = k
                if w[:1] == "و" and _is_title(w[1:]):
                    break  # الزعيم الكوري الشمالي | والرئيس الأميركي دونالد ترامب: his title begins at و
            elif rank and self.gaz.nationality(w) is not None:
                nat_after_rank = True
            elif not (c in lx.ROLE_CONTINUATION or w in lx.ROLE_CONTINUATION or k in inside
                      or w in _ROLE_GLUE or self.gaz.nationality(w) is not None
                      or c in ow.ORG_HEADS or w in ow.ORG_HEADS or w in _OFFICE_PLACES):
                break
            k -= 1
            steps += 1
        if first_title < 0:
            return ""
        last = m.a - 1
        while last > first_title and norms[last] in ("،", ","):
            last -= 1
        owner = self._apposition(m, norms, ms, first_title)
        if owner < 0:
            return self._phrase(text, toks, norms, first_title, last)
        # the whole phrase is the man's before it (:meth:`MentionFinder.find` gives it him)
        m.extra["apposition_of"] = str(owner)
        m.extra["apposition_role"] = self._phrase(text, toks, norms, first_title, last)
        return self._phrase(text, toks, norms, first_title + 1, last)

    @staticmethod
    def _phrase(text: str, toks: Sequence[Token], norms: Sequence[str], first: int, last: int) -> str:
        """The role from the title at ``first`` to the word at ``last``, its proclitic off."""
        t0 = toks[first]
        cut, article = _title_cut(t0.text, norms[first])
        return article + " ".join(text[t0.start + cut : toks[last].end].split())

    def _epithet(self, norms: Sequence[str], k: int) -> bool:
        """Whether the word at ``k`` opens an epithet: سيد or سيدة (:data:`lexicon.LORD_WORDS`)
        before a definite word that is a common noun or a name the gazetteer knows (سيد
        الكرملين، سيدة الشاشة، سيد الموقف), not a family's nisba (محمد سيد الجابري)."""
        if _core(norms[k]) not in lx.LORD_WORDS or k + 1 >= len(norms):
            return False
        w = next((c for _p, c in proclitic_splits(norms[k + 1]) if c.startswith("ال") and len(c) > 3), "")
        return bool(w) and (strip_article(w) in self.gaz.common or self.gaz.lookup([w]) is not None
                            or self.gaz.lookup(list(norms[k + 1 : k + 3])) is not None)

    @staticmethod
    def _apposition(m: Mention, norms: Sequence[str], ms: Sequence[Mention], first: int) -> int:
        """Where the person ends (his span's ``b``) whose title in apposition the role of ``m``
        read from ``first`` begins with, or -1. An indefinite title, as it stands (no و, ب or ل
        before it), in construct with a rank (نائب الرئيس، مستشار الملك) right after another
        person and a comma is that person's, in apposition: «مايك بنس، نائب الرئيس الأمريكي
        دونالد ترامب» — Pence is the vice-president, Trump the president whose; the role of ``m``
        starts at the definite title. Without a person and a comma before it (نائب الرئيس
        الأمريكي مايك بنس) the title is the man's after it, as before."""
        if first + 1 >= m.a or first < 2 or norms[first - 1] not in ("،", ",") or _is_definite(norms[first]) \
                or norms[first] not in lx.TITLE_WORDS or norms[first + 1] not in _RANKS:
            return -1  # (وليام | برئيس الوزراء …، ونائبه اللواء …، أمير اللواء: a preposition, a list, a rank's name)
        k = first - 1
        while k >= 0 and norms[k] in ("،", ","):
            k -= 1
        if k < 0 or not any(o.type == "PER" and o.b == k + 1 and o is not m for o in ms):
            return -1
        return k + 1

    def common_word(self, w: str) -> bool:
        """Whether ``w`` (less a proclitic) is a common noun and no name: the corpus never writes it
        alone but writes its form with ال, mostly with the article (the word clusters' ``a3``:
        تفاني — التفاني, devotion), and neither the first names, the training names nor the
        ambiguous names (أمل، نور: their own rule) hold it. (A name the corpus writes alone, ليث،
        إسلام، رياض, is no such word, though الإسلام and الرياض are frequent.)"""
        get = getattr(self.vocab, "get", None)
        if get is None:
            return False
        for _p, c in proclitic_splits(w):
            if len(c) < 3 or c.startswith("ال") or c in lx.FIRST_NAMES or c in lx.AMBIGUOUS \
                    or self.names.get(c, "").startswith("PERS") or c in self.vocab:
                return False
            st = get("ال" + c)
            if st and st[-1] == "a3":
                return True
        return False

    def _cue(self, norms: Sequence[str], k: int) -> bool:
        """A title or a nationality adjective right before ``k`` (over a comma): a person follows."""
        j = k - 1
        while j >= 0 and norms[j] in ("،", ","):
            j -= 1
        return j >= 0 and (_is_title(norms[j]) or self.gaz.nationality(norms[j]) is not None)

    def _rare(self, w: str) -> bool:
        """A word of three letters or more that no reading of is a common word, a place or a
        nationality (قاووق; not بخروج): what a surname looks like."""
        return len(w) >= 3 and w.isalpha() and w not in lx.STOPWORDS and not common_noun(w, self.vocab) and not any(
            c in self.gaz.common or strip_article(c) in self.gaz.common for _p, c in proclitic_splits(w)) \
            and self.gaz.lookup([w]) is None and self.gaz.nationality(w) is None

    def cut_tails(self, ms: list[Mention], norms: Sequence[str]) -> list[Mention]:
        """A person the later steps made (a place or body retyped, a name taken on) ends before a
        word that ends no name (:meth:`no_name_word`), as :meth:`trim` ends the tagger's: الولي
        الفقيه | تعلو، الله | انتقلت; a person of one word that is a future verb (سنتحرك) is none."""
        ms = [m for m in ms if not (m.type == "PER" and m.b - m.a == 1 and self._future_form(norms[m.a]))
              and not self._accusative_phrase(m, norms)]
        for m in ms:  # والدا | بيوني سيستو: "his parents", an accusative noun before the name
            if m.type == "PER" and m.b - m.a >= 2 and self._accusative_noun(norms[m.a], norms[m.a + 1]):
                m.a += 1
                if len(m.words) == m.b - m.a + 1:
                    m.words = m.words[1:]
                    m.canon = " ".join(m.words)
        added: list[Mention] = []
        for m in ms:
            if m.type == "PER" and m.b - m.a >= 3 and (k := _known_name_end(m, norms)) and m.b - k <= 2 \
                    and all(w.isalpha() and not w.startswith("ال") for w in norms[k : m.b]):
                tail = tuple(norms[k : m.b])  # دونالد ترامب | إيفانكا: the daughter after her father's name
                added.append(Mention(k, m.b, "PER", source="rule", words=tail, canon=" ".join(tail)))
                n = k - m.a
                m.b = k
                m.words = m.words[:n] if len(m.words) >= m.b - m.a + len(tail) else tuple(norms[m.a : k])
                m.canon = " ".join(m.words)
        if added:
            ms = sorted(ms + added, key=lambda o: o.a)
        for m in ms:
            if m.type != "PER" or m.b - m.a < 2 or not self.no_name_word(norms[m.b - 1]):
                continue
            b = m.b
            while b - 1 > m.a and self.no_name_word(norms[b - 1]):
                b -= 1
            n = len(m.words) - (m.b - b)
            m.b = b
            if n >= 1 and len(m.words) >= m.b - m.a:
                m.words = m.words[:n]
                m.canon = " ".join(m.words)
        return ms

    def no_name_word(self, w: str) -> bool:
        """A word that ends no name, though the tagger ran a name on to it: a preposition + a head
        word or a title (لنادي، بمدينة، لوزير، كلاعب: a name stands in construct, never after ل or
        ب) or + a noun with its possessive (بوالده: :meth:`_possessed`), a verb — an imperfect (يقول، تعلو، يصرخون) whose other persons the corpus uses too
        (يقول and تقول) or a feminine past (انتقلت، ظهرت: انتقل + ت, انتقلوا) — or an indefinite
        accusative of a frequent common noun (ملكا، تاريخا: ملك is written الملك often) that is no name
        of the lexicon or the training data and whose word clusters hold next to no names
        (:func:`.words.nameless_word`; not يزيد، تامر، رفعت، رايت, which the clusters hold
        among names, nor a word the gazetteer knows: تبوك)."""
        for p, c in proclitic_splits(w)[1:]:
            if p[-1] in "بلك" and (c in _HEADED or _is_title(c) or c in lx.CLUB_POSITIONS or self._possessed(c)):
                return True
            if p[-1] == "ل" and self._imperfect(c):
                return True  # سلمان بن عبدالعزيز | لتشكره: ل + a verb, "so that she thanks him"
        if len(w) < 4 or w in lx.FIRST_NAMES or w in _VERB_LIKE_NAMES or self.names.get(w) or self.gaz.lookup([w]) is not None \
                or not nameless_word(w, self.vocab, self.nameless):
            return False
        if w[0] in "يتن":
            return any(x + w[1:] in self.vocab for x in "يتن" if x != w[0])
        if w[-1] == "ا":
            # (اليزابيث | ملكا: an indefinite accusative of a frequent noun; not دي مستورا)
            return common_noun(w[:-1], self.vocab) and self.gaz.freq_class(w[:-1]) >= _FREQUENT_NOUN
        return w[-1] == "ت" and w[:-1] in self.vocab and w[:-1] + "وا" in self.vocab

    def _accusative_phrase(self, m: Mention, norms: Sequence[str]) -> bool:
        """A person or place of indefinite accusatives that opens with a frequent common noun's
        (مرسوما رئاسيا: "a presidential decree", with the role الرئيس; هاتفا محمولا), or a one-word place the
        gazetteer does not know that is a nisba adjective's accusative after such a word
        (مرسوما | رئاسيا: الرئاسي is the corpus's word, not a town): no name."""
        if m.type not in ("PER", "GPE", "LOC") or m.entry is not None:
            return False
        w = norms[m.a]
        if m.b - m.a >= 2 and self._accusative_noun(w, norms[m.a + 1]) and all(x[-1:] == "ا" for x in norms[m.a : m.b]):
            return True  # (هاتفا محمولا)
        return m.b - m.a == 1 and m.a > 0 and w.endswith("يا") and len(w) >= 5 and self.gaz.lookup([w]) is None \
            and self.gaz.freq_class("ال" + w[:-1]) >= _FREQUENT_NOUN and norms[m.a - 1].endswith("ا") \
            and not norms[m.a - 1].startswith("ال")

    def _accusative_noun(self, w: str, nxt: str) -> bool:
        """``w`` is the indefinite accusative of a frequent common noun (مرسوما، والدا، هاتفا), not a
        name: no given name of the lexicon or the training data, no kunya (أبا حازم), no word the
        corpus writes with ال itself (البابا: بابا نويل), and no بن after it (عقلا بن علي)."""
        return w[-1:] == "ا" and len(w) >= 4 and w not in lx.FIRST_NAMES and w not in lx.NAME_PARTICLES \
            and w != "ابا" and not self.names.get(w) and nxt not in lx.NASAB and self.gaz.lookup([w]) is None \
            and not common_noun(w, self.vocab) and common_noun(w[:-1], self.vocab) \
            and self.gaz.freq_class(w[:-1]) >= _FREQUENT_NOUN

    def _imperfect(self, c: str) -> bool:
        """An imperfect verb, an object pronoun on it or none (تشكره، يكتب): its three persons
        (يشكر، تشكر، نشكر) are corpus words, and it is no given name of the lexicon."""
        for suffix in ("هم", "ها", "ه", ""):
            v = c[: len(c) - len(suffix)]
            if c.endswith(suffix) and len(v) >= 4 and v[0] in "يتن" and v not in lx.FIRST_NAMES \
                    and v not in _VERB_LIKE_NAMES and not self.names.get(v) and all(x + v[1:] in self.vocab for x in "يتن"):
                return True
        return False

    def _possessed(self, c: str) -> bool:
        """A frequent common noun with a possessive suffix (والده، ابنها، بلادهم: his father, her
        son): no name's word. ه is read as the suffix only when the noun takes ها too (والدها),
        for ه is also ة normalized (بشارة)."""
        for suffix in ("هما", "هم", "ها", "ه"):
            base = c[: -len(suffix)]
            if c.endswith(suffix) and len(base) >= 3 and common_noun(base, self.vocab) \
                    and self.gaz.freq_class(base) >= _FREQUENT_NOUN and (suffix != "ه" or base + "ها" in self.vocab):
                return True
        return False

    def _future_form(self, w: str) -> bool:
        """سـ + an imperfect (سنتحرك، سيزور) that is no name: a future verb of :func:`.words.future_verb`,
        or one whose three persons the corpus writes (يتحرك، تتحرك، نتحرك), when the word is no
        given name of the lexicon or the training data (not سامر، سيمون، سيرغي)."""
        if self._future_verb(w):
            return True
        return len(w) >= 5 and w[0] == "س" and w[1] in "يتن" and w not in lx.FIRST_NAMES \
            and not self.names.get(w) and all(x + w[2:] in self.vocab for x in "يتن")

    def _future_verb(self, w: str) -> bool:
        return future_verb(w, self.gaz.common, self.names)
