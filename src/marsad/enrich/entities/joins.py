"""Names written across dots, hyphens and brackets: the pieces the tagger found in one word joined
(تي.بي.إس، OSIRIS-REx, a dotted acronym with its untagged letters), a news site (العربية.نت), a
web or e-mail address cut off a name's end, a product after من طراز with its model number
(إف-16), and a Latin gloss in brackets that spells the name before it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from marsad.enrich.entities import lexicon as lx
from marsad.enrich.entities import org_words as ow
from marsad.enrich.entities.features import TokenList
from marsad.enrich.entities.mention import Mention
from marsad.enrich.entities.words import _QUOTES
from marsad.text.normalize import normalize

_ADDRESS_NEXT = re.compile(r"[@.:_-]?[\w.-]*@|\.(?:com|org|net|gov|edu|sa|info)\b|:@", re.ASCII | re.IGNORECASE)

#: a web address spelled without its scheme: www.…, or dotted words ending in a top-level domain
_DOMAIN = re.compile(r"(?:www\.[\w-]+(?:\.[\w-]+)*|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|info|[a-z]{2}))",
                     re.ASCII | re.IGNORECASE)

_LATIN_RUN = re.compile(r"[A-Za-z0-9.-]+")

#: the last piece of a site's name (العربية.نت)
_SITE_ENDS = frozenset(normalize(w) for w in ("نت", "كوم", "net", "com"))

#: what joins the pieces of one name without a space: تي.بي.إس، OSIRIS-REx
_JOINERS = frozenset(".-")

_FROM = normalize("من")


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether the Latin words at ``start``..``end`` are part of an e-mail address, a handle or a
    domain (Asalgrni@gmail.com، Twitter:@user، Internet.org، WWW.MOI.GOV.SA): no name of the text's."""
    if text[start - 1 : start] == "@" or _ADDRESS_NEXT.match(text, end):
        return True
    if text[end : end + 1] != "." and text[start - 1 : start] != ".":
        return False
    a = start
    while a and (text[a - 1].isascii() and (text[a - 1].isalnum() or text[a - 1] in ".-")):
        a -= 1
    run = _LATIN_RUN.match(text, a)
    return run is not None and _DOMAIN.fullmatch(run.group().strip(".-")) is not None


def address_tail(m: Mention, text: str, toks: TokenList) -> bool:
    """Cut the Latin words of a web or e-mail address off the end of ``m`` (موقع الكلية
    MICONLINE.GOV.SA); whether nothing of it is left."""
    b = m.b
    while b > m.a and toks.norms[b - 1][:1].isascii() and (
            toks.texts[b - 1] in _JOINERS or _in_address(text, toks.starts[b - 1], toks.ends[b - 1])):
        b -= 1
    if b < m.b and b > m.a:
        m.b = b
        if m.words:
            m.words = m.words[: b - m.a]
            m.canon = " ".join(m.words) if m.entry is None else m.canon
    return b == m.a


def joined_pieces(ms: list[Mention], text: str, toks: TokenList, names: Mapping[str, str]) -> list[Mention]:
    """Mentions the tagger found piece by piece in one word written with dots or hyphens (تي.بي.إس،
    OSIRIS-Rex، تورنينغ-شميت) are one name: the first piece's type spans them all, and a dotted
    acronym takes the letters nobody tagged (تي.إم.زد). Places and nationalities joined by a
    hyphen stay apart (رحلات ليون-الجزائر، سوري-أمريكي), and so do two people named on their own
    elsewhere in the article or known to the training data (قمة ترامب-بوتين; but جان-كلود، يون
    يونغ-تشان are one)."""
    starts, ends, texts, norms = toks.starts, toks.ends, toks.texts, toks.norms
    n = len(texts)
    if not any(m.b < n and texts[m.b] in _JOINERS or m.a and texts[m.a - 1] in _JOINERS for m in ms):
        return ms  # (no name touches a dot or a hyphen: most articles)
    ms.sort(key=lambda m: m.a)

    def glued(k: int, sep: str) -> bool:  # token k is the joiner ``sep`` touching both neighbours
        return 0 < k < n - 1 and texts[k] in sep and ends[k - 1] == starts[k] and ends[k] == starts[k + 1]

    def two_known(p: Mention, m: Mention) -> bool:  # مانشستر سيتي-ليفربول: two bodies the gazetteer knows
        return p.entry is not None and m.entry is not None

    def two_people(p: Mention, m: Mention) -> bool:  # ترامب-بوتين: each a person of his own
        if not (p.type == m.type == "PER" and m.b - m.a == 1 and norms[p.b - 1] not in lx.FIRST_NAMES):
            return False
        alone = {norms[o.b - 1] for o in ms if o.type == "PER" and o is not p and o is not m}

        def person(w: str) -> bool:
            return w in alone or names.get(w, "").startswith("PERS")
        return person(norms[m.a]) and person(norms[p.b - 1])

    def letters(k: int) -> bool:  # a piece of a dotted acronym: a letter's name, or a short word
        return norms[k] in ow.LETTER_WORDS_LOOSE or (texts[k].isalpha() and len(texts[k]) <= 3)  # (بي.دي.في.إس.إيه)

    def extend(ms: list[Mention]) -> None:  # a dotted acronym takes its untagged letters
        taken = {k for m in ms for k in range(m.a, m.b)}
        for m in ms:
            if letters(m.a):
                while m.a >= 2 and glued(m.a - 1, ".") and letters(m.a - 2) and m.a - 2 not in taken:
                    m.a -= 2  # (تي).إم.زد
                    taken.add(m.a)
                    m.words = (norms[m.a], *m.words) if m.words else ()
            if letters(m.b - 1):
                while m.b + 1 < n and glued(m.b, ".") and letters(m.b + 1) and m.b + 1 not in taken:
                    m.b += 2  # بي.بي.(سي)
                    taken.add(m.b - 1)
                    m.words = (*m.words, norms[m.b - 1]) if m.words else ()
            if m.words and m.entry is None:
                m.canon = " ".join(m.words)

    extend(ms)
    out = [ms[0]]
    for m in ms[1:]:
        p = out[-1]
        if m.a == p.b + 1 and glued(p.b, _JOINERS) and m.extra == p.extra \
                and (letters(p.b - 1) or letters(m.a) if texts[p.b] == "."
                     else not {p.type, m.type} & {"GPE", "LOC", "NORP"} and not two_people(p, m)
                     and not two_known(p, m)):
            # (a dot joins the letters of an acronym; between words it is a stop with its space
            # missing: سعة الصدر.سويدي)
            p.b = m.b
            p.entry = None if p.entry is not None and p.entry.kind != "org" else p.entry
            p.words = (*(p.words or ()), *(m.words or ()))
            p.canon = " ".join(p.words) if p.entry is None else p.canon
            continue
        out.append(m)
    if len(out) < len(ms):
        extend(out)  # شركة جي.ام | .ار
    for m in out:  # العربية.نت، Internet.com: a news site, an organisation
        if m.b - m.a >= 3 and texts[m.b - 2] == "." and norms[m.b - 1] in _SITE_ENDS and glued(m.b - 2, "."):
            m.type, m.entry, m.country, m.source = "ORG", None, "", "site"
            m.words = tuple(norms[m.a : m.b])
            m.canon = " ".join(m.words)
    for m in out:
        if m.type in ("PER", "MISC") and m.b - m.a >= 3 and texts[m.a + 1] == "." \
                and all(letters(k) if (k - m.a) % 2 == 0 else glued(k, ".") for k in range(m.a + 2, m.b)):
            waw = norms[m.a][:1] == "و" and norms[m.a][1:] in ow.LETTER_WORDS_LOOSE
            if letters(m.a) or waw:
                m.type = "ORG"  # وبي.إن.بي: letters between dots spell an acronym, an organisation's
                if waw:
                    m.extra["strip_waw"] = "1"
    return out


def models_and_glosses(ms: list[Mention], toks: TokenList) -> None:
    """Two readings a neighbour settles:

    * the name after من نوع / من طراز is a product (MISC), with the model number its hyphen
      joins to it (من نوع RPG-2، من طراز إف-16);
    * a Latin name in brackets right after a name spells that name (ديكتاريوف (DIKTARIOV)، كيم
      جونغ أون (Kim Jong Un)): it takes its type and country."""
    norms, texts, starts, ends = toks.norms, toks.texts, toks.starts, toks.ends
    n = len(norms)
    by_a = {m.a: m for m in ms}
    gone: list[Mention] = []
    for m in ms:
        q = 1 if m.a >= 3 and norms[m.a - 1] in _QUOTES else 0  # من طراز "داتسون نيسان"
        if m.a >= 2 + q and norms[m.a - 1 - q] in ow.MODEL_CUES and norms[m.a - 2 - q] == _FROM:
            m.type, m.entry, m.country, m.english = "MISC", None, "", ""
            while (nxt := by_a.get(m.b)) is not None and nxt not in gone:
                gone.append(nxt)  # "داتسون | نيسان بيك أب": one model, the tagger's pieces joined
                m.b = nxt.b
                m.words = tuple(norms[m.a : m.b])
                m.canon = " ".join(m.words)
            if m.b + 1 < n and texts[m.b] == "-" and ends[m.b - 1] == starts[m.b] == ends[m.b] - 1 \
                    and ends[m.b] == starts[m.b + 1] and texts[m.b + 1].isalnum() and m.b + 1 not in by_a:
                m.b += 2  # RPG | -2
                if m.words:
                    m.words = (*m.words, "-", norms[m.b - 1])
                    m.canon = " ".join(m.words)
        if m.b + 1 < n and texts[m.b] == "(" and (g := by_a.get(m.b + 1)) is not None and g.b < n \
                and texts[g.b] == ")" and texts[g.a][:1].isascii() and not texts[m.a][:1].isascii() \
                and m.type in ("PER", "MISC", "ORG"):  # (not a place's: دبي، الإمارات (CNN) is the source)
            if not (m.type == "PER" and texts[g.a].isupper()):  # (AKT، PEI: an acronym is no person's)
                g.type, g.country = m.type, m.country  # (a gloss's entry stays its own)
    for m in gone:
        ms.remove(m)
