"""Page templates, feed headers and documentation text for scripts/make_sample.py.

Four page templates imitate the sites Arabic news is scraped from: ``portal`` (a news portal
with JSON-LD, a breaking-news ticker and a «اقرأ أيضا» box inside the body), ``wordpress``
(entry-content, a mobile-theme footer with "Exit mobile version"), ``tv`` (a broadcaster's
site with a video block and «شاهد أيضا») and ``minimal`` (an old hand-made site: no metadata,
paragraphs separated by ``<br><br>``). Every page carries navigation, share buttons, related
and most-read lists (titles of OTHER sample articles) and a footer: the debris a main-text
extractor has to leave out.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any

# --- difficulty glossary (every tag used in articles.yaml must be here) ---------------------

DIFFICULTIES: dict[str, str] = {
    "site_debris": "navigation, menus, share/print/follow widgets, related and most-read lists, footers",
    "language_switcher": "a language-switcher line such as `Ru En` or `عربي | Français`",
    "exit_mobile_version": "the WordPress mobile-theme line `Exit mobile version`",
    "nbsp_lines": "layout lines made of a single no-break space (U+00A0)",
    "read_also_list": "a «اقرأ أيضا» line followed by a list of other headlines",
    "copyright_line": "a copyright line (`© … جميع الحقوق محفوظة`)",
    "subscription_line": "a newsletter / follow-us line",
    "byline": "a byline `كتب: …` (the author, not body text)",
    "dateline_agency": "a dateline naming place and agency: `الرياض - واس`, `موسكو- سبوتنيك.`",
    "dateline_agency_parentheses": "a dateline with the agency in parentheses: `الجزائر (الضاد) -`",
    "dateline_two_places": "a dateline naming two places: `موسكو - طهران (الضاد) -`",
    "tatweel_dateline": "a dateline whose dash is a tatweel: `الرياض ـ واس`",
    "credit_line": "a trailing source credit (`العربية نت`, `وكالات`, `المصدر: واس`): the outlet copied, not body text",
    "no_metadata": "no publication date in the input's metadata: it must come from the text",
    "no_year": "no year anywhere: the year must stay unresolved (XXXX), not be invented",
    "no_html_date_meta": "an HTML page without article:published_time / JSON-LD dates",
    "crawl_time_not_publication": "the WARC-Date is the crawl, a day after publication",
    "eastern_digits": "Eastern Arabic digits (`١٢ أكتوبر ٢٠٢١`, `٥:١٥`)",
    "levantine_dual_months": "Levantine and Egyptian month names side by side (`أيلول/ سبتمبر`)",
    "levantine_month_only": "a Levantine month name alone (`كانون الثاني 2023`, `نيسان 2019`)",
    "reversed_dual_month": "the dual month in the other order (`فبراير/شباط`)",
    "maghrebi_months": "Tunisian/Algerian month names (جانفي، فيفري، أفريل، جوان، جويلية، أوت)",
    "moroccan_months": "Moroccan month names (يوليوز، غشت، شتنبر، نونبر، دجنبر)",
    "hijri_date": "a Hijri date, often with its Gregorian equivalent (`12 شوال 1436هـ الموافق 28 يوليو 2015م`)",
    "hijri_only_date_line": "the only date line is Hijri (`الأحد 27 شعبان 1444هـ`)",
    "hijri_relative": "a Hijri month relative to now (`رمضان الماضي`, `قبل حلول شهر رمضان`)",
    "weekday_relative": "weekday expressions (`اليوم الثلاثاء`, `أمس الاثنين`, `يوم غد الخميس`, `يوم الجمعة الماضي`)",
    "relative_date": "relative dates (`الأسبوع الماضي`, `منذ ثلاثة أيام`, `الشهر الماضي`, `مطلع العام`)",
    "vague_reference": "PAST_REF / PRESENT_REF / FUTURE_REF (`في وقت سابق`, `حاليا`, `خلال الأيام المقبلة`)",
    "time_of_day": "clock times and parts of the day (`الساعة الخامسة و32 دقيقة`, `مساء`, `فجر`)",
    "duration": "durations (`أكثر من 20 عاما`, `ثلاثة أشهر`, `نحو أربع ساعات`)",
    "set_expression": "recurring times (`سنويا`, `يوميا`, `كل ثلاث سنوات`, `أربع مرات أسبوعيا`)",
    "range": "date ranges (`من 19 إلى 21 فبراير/شباط`, `من 1 إلى 5 أيار/ مايو`)",
    "comma_decimal": "decimal commas (`13,2 مليون`)",
    "windows_1256": "encoded in Windows-1256, not UTF-8",
    "bom_crlf": "a UTF-8 byte-order mark and CRLF line ends",
    "wire_original": "the first publication of a wire story that others reprint",
    "wire_reprint": "a reprint of the wire story, edited (see the copy group's edits)",
    "same_event_independent": "one event told independently by several outlets: a story, not copies",
    "thread_member": "one step of a development followed over weeks (a thread)",
    "lookalike_template": "built on the same template as another article (bulletin, market close, cable, match report): NOT a copy",
    "name_variant": "a name spelled two ways (بوتين/بوتن, أردوغان/إردوغان, طاجيكستان/طاجكستان, بن عيسى/بنعيسى, an invented official spelled two ways in one article)",
    "long_official_names": "long official names (`روسيا الاتحادية`, `جمهورية إيران الإسلامية`)",
    "titles_roles": "titles and roles around names (الرئيس، وزير الخارجية، السفير، خادم الحرمين الشريفين)",
    "nationality_adjective": "nationality adjectives standing for countries (`الأذربيجاني`, `الأوزبكية`)",
    "raisi_name": "رئيسي as the surname of Ebrahim Raisi, bare after the full name",
    "raisi_adjective": "رئيسي / الرئيسي / رئيسيا / الرئيسية as the adjective \"main\"",
    "sputnik_agency_vs_vaccine": "سبوتنيك the agency and سبوتنيك V the vaccine",
    "language_fa": "Persian (Arabic script, not Arabic)",
    "language_ur": "Urdu (Arabic script, not Arabic)",
    "language_en": "English",
    "broken_neighbour": "a good record in a file that also holds a broken one",
}

# --- outlets ---------------------------------------------------------------------------------

#: month names by regional convention, January first
MONTHS = {
    "egypt": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split(),
    "levant": ("كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|"
               "تشرين الثاني|كانون الأول").split("|"),
    "maghreb": "جانفي فيفري مارس أفريل ماي جوان جويلية أوت سبتمبر أكتوبر نوفمبر ديسمبر".split(),
    "morocco": "يناير فبراير مارس أبريل ماي يونيو يوليوز غشت شتنبر أكتوبر نونبر دجنبر".split(),
}
WEEKDAYS = "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد".split()
REGION = {"albousala": "levant", "alofoq": "levant", "almashriq": "levant", "elhidhab": "maghreb",
          "essahel": "maghreb", "soummam": "maghreb", "madina-fm": "maghreb", "almadar": "morocco"}
SECTIONS = ["سياسة", "اقتصاد", "محليات", "عربي ودولي", "رياضة", "ثقافة", "صحة", "منوعات"]
EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _region(a: dict[str, Any]) -> str:
    host = a["url"].split("/")[2]
    return next((r for k, r in REGION.items() if k in host), "egypt")


def visible_date(a: dict[str, Any]) -> str:
    """The date as the page shows it, in the outlet's month names."""
    o = a.get("html", {})
    if o.get("visible_date"):
        return o["visible_date"]
    t = dt.datetime.fromisoformat(a["published_at"])
    s = f"{WEEKDAYS[t.weekday()]} {t.day} {MONTHS[_region(a)][t.month - 1]} {t.year} - {t:%H:%M}"
    return s.translate(EASTERN) if o.get("eastern_digits") else s


# --- bodies ----------------------------------------------------------------------------------


def _e(s: str) -> str:
    return html.escape(s, quote=True)


def summary(a: dict[str, Any], limit: int = 200) -> str:
    first = a["text"].split("\n\n")[0].replace("\n", " ")
    if len(first) <= limit:
        return first
    return first[: first.rfind(" ", 0, limit)] + " …"


def body_html(a: dict[str, Any], *, read_also: list[tuple[str, str]] | None = None) -> str:
    """The article text as ``<p>`` elements: one per line; a «اقرأ أيضا» box after the second
    paragraph when ``read_also`` is given."""
    out = []
    for i, para in enumerate(a["text"].split("\n\n")):
        out.extend(f"<p>{_e(line)}</p>" for line in para.split("\n"))
        if read_also and i == 1:
            items = "".join(f'<li><a href="{u}">{_e(t)}</a></li>' for t, u in read_also)
            out.append(f'<div class="read-also"><strong>اقرأ أيضا:</strong><ul>{items}</ul></div>')
    return "\n".join(out)


def _others(a: dict[str, Any], corpus: list[dict[str, Any]], k: int) -> list[tuple[str, str]]:
    """k titles of other Arabic sample articles (not of the same copy group), chosen by a fixed
    stride so that every page shows different neighbours."""
    group = a.get("groups", {}).get("copy")
    pool = [b for b in corpus if b["id"] != a["id"] and b.get("lang", "ar") == "ar"
            and (group is None or b.get("groups", {}).get("copy") != group)]
    start = sum(map(ord, a["id"])) % len(pool)
    picks = [pool[(start + 7 * i) % len(pool)] for i in range(k)]
    site = "/".join(a["url"].split("/")[:3])
    return [(b["title"], f"{site}/news/{b['id']}") for b in picks]


def _lis(items: list[tuple[str, str]]) -> str:
    return "".join(f'<li><a href="{u}">{_e(t)}</a></li>' for t, u in items)


# --- pages -----------------------------------------------------------------------------------


def page(a: dict[str, Any], corpus: list[dict[str, Any]]) -> str:
    """A full HTML page for article ``a`` in its template."""
    o = a.get("html", {})
    tpl = o.get("template", "portal")
    site = "/".join(a["url"].split("/")[:3])
    meta_date = o.get("meta_date", True)
    charset = o.get("charset", "utf-8")
    title, src, url = _e(a["title"]), _e(a["source"]), a["url"]
    year = (dt.datetime.fromisoformat(a["published_at"]).year if a.get("published_at") else 2023)
    others = _others(a, corpus, 9)
    head = [f'<meta charset="{charset}">' if charset == "utf-8" else
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">',
            f"<title>{title} | {src}</title>"]
    if tpl != "minimal":
        head += ['<meta name="viewport" content="width=device-width, initial-scale=1">',
                 f'<meta name="description" content="{_e(summary(a))}">',
                 f'<link rel="canonical" href="{url}">',
                 '<meta property="og:type" content="article">',
                 f'<meta property="og:site_name" content="{src}">',
                 f'<meta property="og:title" content="{title}">',
                 f'<meta property="og:description" content="{_e(summary(a))}">',
                 f'<meta property="og:url" content="{url}">',
                 f'<meta property="og:image" content="{site}/uploads/{a["id"]}.jpg">']
        if meta_date:
            head.append(f'<meta property="article:published_time" content="{a["published_at"]}">')
        head.append(f'<link rel="stylesheet" href="{site}/assets/style.css">')
    if tpl == "portal":
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
              "mainEntityOfPage": url, "publisher": {"@type": "Organization", "name": a["source"]}}
        if meta_date:
            ld["datePublished"] = a["published_at"]
        head.append(f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>')
    shown = visible_date(a)
    time_el = (f'<time datetime="{a["published_at"]}">{_e(shown)}</time>' if meta_date
               else f'<span class="date">{_e(shown)}</span>')
    byline = f'<span class="author">{_e(o["byline"])}</span> ' if o.get("byline") else ""
    share = ('<div class="share"><span>شارك:</span>'
             f'<a href="https://www.facebook.com/sharer.php?u={url}">فيسبوك</a>'
             f'<a href="https://twitter.com/intent/tweet?url={url}">تويتر</a>'
             f'<a href="whatsapp://send?text={url}">واتساب</a>'
             '<a href="#" onclick="window.print()">طباعة</a></div>')
    nav = "".join(f'<li><a href="{site}/section/{i}">{s}</a></li>' for i, s in enumerate(SECTIONS))
    if tpl == "minimal":
        paras = "<br><br>\n".join(_e(p).replace("\n", "<br>\n") for p in a["text"].split("\n\n"))
        body = f"""<body bgcolor="#ffffff">
<table width="100%"><tr><td class="logo"><a href="{site}/">{src}</a></td>
<td class="menu"><a href="{site}/">الرئيسية</a> | <a href="{site}/archive">الأرشيف</a> | <a href="{site}/contact">اتصل بنا</a></td></tr></table>
<div id="content">
<h2 class="title">{title}</h2>
<div class="date">{_e(shown)}</div>
<div id="text">
{paras}
</div>
<div class="print"><a href="#" onclick="window.print()">طباعة</a> | <a href="mailto:?subject={title}">أرسل لصديق</a></div>
</div>
<div id="latest"><b>آخر الأخبار</b><ul>{_lis(others[:5])}</ul></div>
<div id="footer">جميع الحقوق محفوظة © {year} {src}</div>
</body>"""
    else:
        read_also = others[:2] if tpl == "portal" else None
        cls = {"portal": "article-body", "wordpress": "entry-content", "tv": "story-text"}[tpl]
        top = (f'<div class="ticker"><span>عاجل</span><a href="{others[2][1]}">{_e(others[2][0])}</a></div>'
               if tpl in ("portal", "tv") else "")
        video = ('<div class="video-player"><p>شاهد الفيديو</p><button>تشغيل</button></div>' if tpl == "tv" else "")
        see_also = (f'<section class="watch-also"><h3>شاهد أيضا</h3><ul>{_lis(others[3:5])}</ul></section>'
                    if tpl == "tv" else "")
        mobile = (f'<a class="jetpack-mobile-link" href="{url}?ak_action=reject_mobile">Exit mobile version</a>'
                  if tpl == "wordpress" else "")
        body = f"""<body class="single {tpl}">
<div class="top-bar"><ul class="lang"><li><a href="{site}/">عربي</a></li><li><a href="{site}/en/">English</a></li><li><a href="{site}/fr/">Français</a></li></ul>
<ul class="social"><li><a href="https://facebook.com/">فيسبوك</a></li><li><a href="https://twitter.com/">تويتر</a></li><li><a href="https://youtube.com/">يوتيوب</a></li></ul></div>
<header class="site-header"><a class="logo" href="{site}/">{src}</a>
<nav class="main-menu"><ul><li><a href="{site}/">الرئيسية</a></li>{nav}</ul></nav>
<form class="search" action="{site}/search"><input type="search" name="q" placeholder="ابحث في الموقع"><button>بحث</button></form>
</header>
{top}
<main>
<nav class="breadcrumbs"><a href="{site}/">الرئيسية</a> › <a href="{site}/news">الأخبار</a></nav>
<article>
<h1 class="entry-title">{title}</h1>
<div class="post-meta">{byline}{time_el}</div>
{share}
{video}
<div class="{cls}">
{body_html(a, read_also=read_also)}
</div>
<div class="tags">الوسوم: <a href="{site}/tag/1">أخبار</a> <a href="{site}/tag/2">تقارير</a></div>
{share}
</article>
<section class="related"><h2>أخبار ذات صلة</h2><ul>{_lis(others[5:8])}</ul></section>
{see_also}
<section class="comments"><h3>التعليقات</h3><p>لا توجد تعليقات بعد. كن أول من يعلق.</p></section>
</main>
<aside class="sidebar"><h3>الأكثر قراءة</h3><ol>{_lis(others[4:9])}</ol></aside>
<footer><nav><a href="{site}/about">من نحن</a> <a href="{site}/contact">اتصل بنا</a> <a href="{site}/privacy">سياسة الخصوصية</a></nav>
<form class="newsletter"><label>اشترك في النشرة البريدية ليصلك كل جديد</label><input type="email" name="email"><button>اشتراك</button></form>
<p class="copyright">© {year} {src}. جميع الحقوق محفوظة</p>
{mobile}
</footer>
<script src="{site}/assets/app.js"></script>
</body>"""
    return ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n' + "\n".join(head) +
            "\n</head>\n" + body + "\n</html>\n")


# --- feeds, WARC and broken inputs -----------------------------------------------------------

RSS_CHANNEL = {
    "title": "موجز الشركاء — شبكة الرافدين الإخبارية",
    "link": "https://rafidain-news.example/",
    "self": "https://rafidain-news.example/feeds/partners.xml",
    "description": "أخبار الشبكة وأخبار المواقع الشريكة، يحدث كل ساعة",
}
ATOM_FEED = {
    "title": "بوابة المغرب والمشرق — آخر الأخبار",
    "subtitle": "خلاصة مجمعة من مواقع إخبارية عربية",
    "id": "tag:maghreb-mashriq.example,2019:feed",
    "self": "https://maghreb-mashriq.example/feed.atom",
    "link": "https://maghreb-mashriq.example/",
}
CRAWLER_HEADERS = ("User-Agent: marsad-sample-crawler/1.0 (+https://marsad.example/crawler)\r\n"
                   "Accept: text/html,application/xhtml+xml\r\nAccept-Language: ar,en;q=0.5\r\n"
                   "Accept-Encoding: identity\r\nConnection: close\r\n")
WARCINFO = ("software: marsad scripts/make_sample.py (FastWARC)\r\n"
            "format: WARC File Format 1.1\r\n"
            "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
            "isPartOf: marsad-sample-crawl\r\n"
            "description: news pages fetched a day after publication, like Common Crawl CC-NEWS\r\n"
            "robots: obey\r\n")
#: records that are not articles: (crawl time, URI, HTTP status, headers, body)
WARC_EXTRAS: list[tuple[str, str, str, list[str], bytes]] = [
    ("2015-07-29T06:40:02Z", "https://aljisr-tv.example/robots.txt", "200 OK",
     ["Content-Type: text/plain"], b"User-agent: *\nDisallow: /search\nDisallow: /admin/\n"),
    ("2022-08-06T11:01:58Z", "http://alofoq.example/international/2022/08/05/putin-erdogan-sochi",
     "301 Moved Permanently",
     ["Location: https://alofoq.example/international/2022/08/05/putin-erdogan-sochi",
      "Content-Type: text/html; charset=UTF-8"],
     b"<html><body><a href=\"https://alofoq.example/international/2022/08/05/putin-erdogan-sochi\">"
     b"moved</a></body></html>"),
    ("2023-04-06T03:11:20Z", "https://elhidhab-dz.example/politique/2023/04/05/accord-eau",
     "404 Not Found", ["Content-Type: text/html; charset=UTF-8"],
     ('<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>الصفحة غير موجودة'
      ' | يومية الهضاب</title></head><body><h1>عذرا، الصفحة المطلوبة غير موجودة</h1><p>ربما تم نقل'
      ' الصفحة أو حذفها. عد إلى <a href="/">الصفحة الرئيسية</a>.</p></body></html>').encode()),
]
#: the broken line of broken/jsonl_with_one_invalid_line.jsonl: cut off inside a string
INVALID_JSON_LINE = ('{"id": "cut-off-1", "source": "موقع الصومام", "url": "https://soummam-info.example/'
                     'x", "date": "2022-06-20T09:00:00+01:00", "title": "سطر مقطوع", "text": "انقطع هذا السطر'
                     ' أثناء التصدير ولم')
TRUNCATED_TEXT = "هذا السجل جزء من تصدير مضغوط انقطع نقله قبل اكتماله. " * 40
BROKEN = [
    {"file": "sample/broken/empty.txt", "problem": "an empty file", "expect": "RecordError M102 (empty text); nothing stored"},
    {"file": "sample/broken/binary_junk.bin", "problem": "binary bytes (a PNG header and NULs), not text",
     "expect": "DecodeError M101; nothing stored"},
    {"file": "sample/broken/truncated_export.jsonl.gz", "problem": "a gzip file cut in half inside its only record",
     "expect": "InputError M100 (truncated or corrupt); nothing stored"},
    {"file": "sample/broken/jsonl_with_one_invalid_line.jsonl", "line": 2,
     "problem": "line 2 is invalid JSON (cut off inside a string); lines 1 and 3 are good articles",
     "expect": "RecordError M102 at line 2; the 2 good articles are stored"},
]

# --- README ----------------------------------------------------------------------------------

README_HEAD = """# The marsad sample corpus

{n} short news articles written for marsad (no text is copied from anywhere), in every input
format marsad reads, carrying the difficulties real Arabic news brings. `marsad demo` ingests
it; tests and docs use it. Outlets, URLs (`*.example`) and most people are invented; heads of
state and a few ministers appear in plausible, bland diplomatic settings. Treat every article
as fiction.

**Do not edit the rendered files.** The one source of truth is
[`articles.yaml`](articles.yaml); `python scripts/make_sample.py` renders it into
`src/marsad/data/sample/` and writes this README and [`expected.json`](expected.json).
`tests/integration/test_sample_corpus.py` fails when the rendered files are stale.

These three files live beside `sample/`, not in it, so that `marsad ingest src/marsad/data/sample`
reads only inputs.

## Files

| file | format (`--format`) | articles | notes |
| --- | --- | --- | --- |
{files}

Each article appears in exactly one file, so ids are unique across the corpus. `.txt` files
carry no metadata (the date is in the text, or nowhere); JSONL dates are ISO 8601 with an
offset (`null` when missing), CSV dates are local `YYYY-MM-DD HH:MM:SS` (empty when missing);
HTML pages carry `article:published_time` unless noted; the WARC holds request/response pairs
crawled a day after publication plus a robots.txt, a 301 redirect and a 404 page, which are not
articles; feed items carry the outlet in `<source>`.

## Groups (what a corpus stage should find)

{groups}

## Broken inputs (`sample/broken/`, on purpose)

{broken}

## Golden facts (`expected.json`)

Per article: format and file, source (and `source_from`: where the input names it — a `.txt`
file does not), URL, language, the publication date and where it must
come from (`metadata`, `html_meta`, `feed`, `text`, `html_visible_date`), dateline, byline and
credit where present, some time expressions with TIMEX3 type and value, some entity mentions
with type and key, some events (PLOVER type). A fact's `text` is matched as its
`occurrence`-th substring (default 1st) of the article text; for `.txt`, JSONL and CSV inputs
`start`/`end` give its offsets in the record text exactly as the reader yields it (for `.txt`:
the whole file, BOM removed, line ends as in the file). Mention type `NONE` marks a string
that must NOT be tagged (رئيسي the adjective). Values follow TIMEX3: `2021-W03`, `2023-H1`,
`XXXX-11`, `PRESENT_REF`, `P3M`, `2023-06-13TMD`; ranges give `begin`/`end`; Hijri months give
`hijri` and the Gregorian `range`.

## Difficulties

| tag | meaning | articles |
| --- | --- | --- |
{glossary}

## Index

| id | render | file | source | published | difficulties |
| --- | --- | --- | --- | --- | --- |
{index}
"""


def _cell(s: str) -> str:
    return s.replace("|", "\\|")


def readme(arts: list[dict[str, Any]], expected: dict[str, Any]) -> str:
    per_file: dict[str, list[str]] = {}
    for aid, rec in expected["articles"].items():
        per_file.setdefault(rec["file"], []).append(aid)
    notes = {"sample/news.jsonl": "", "sample/news.csv": "text fields span several lines",
             "sample/crawl.warc.gz": "WARC/1.1, one gzip member per record",
             "sample/feed.xml": "RSS 2.0 with content:encoded", "sample/feed.atom": "Atom 1.0",
             "sample/html/": "full pages: menus, share buttons, related and most-read lists, footer",
             "sample/txt/": "flattened pages: the title first, debris around the body"}
    rows = []
    for f in sorted(per_file):
        fmt = expected["articles"][per_file[f][0]]["format"]
        shown = f if not f.startswith(("sample/txt/", "sample/html/")) else f.rsplit("/", 1)[0] + "/*"
        rows.append((shown, fmt, len(per_file[f]), notes.get(f, notes.get(shown[:-1], ""))))
    merged: dict[str, list[Any]] = {}
    for shown, fmt, k, note in rows:
        m = merged.setdefault(shown, [fmt, 0, note])
        m[1] += k
    files = "\n".join(f"| `{f}` | {fmt} | {k} | {note} |" for f, (fmt, k, note) in merged.items())
    g = expected["groups"]
    lines = []
    for cid, c in g["copies"].items():
        lines.append(f"- **copy group `{cid}`** (one wire story and its reprints): original "
                     f"`{c['original']}`; reprints " + ", ".join(
                         f"`{m}` ({', '.join(c['edits'].get(m, []))})" for m in c["members"] if m != c["original"]))
    for key, label in (("stories", "story (one event, told independently)"),
                       ("threads", "thread (one development over weeks)"),
                       ("templates", "look-alike template, NOT copies"),
                       ("dyads", "dyad (same pair of actors, different stories)")):
        for name, members in sorted(g[key].items()):
            lines.append(f"- **{label} `{name}`**: " + ", ".join(f"`{m}`" for m in members))
    broken = "\n".join(f"- `{b['file']}`: {b['problem']} → {b['expect']}" for b in BROKEN)
    used: dict[str, list[str]] = {}
    for a in arts:
        for t in a.get("difficulties", []):
            used.setdefault(t, []).append(a["id"].split("-")[0])
    glossary = "\n".join(f"| `{t}` | {_cell(d)} | {', '.join(used.get(t, [])) or '—'} |"
                         for t, d in DIFFICULTIES.items())
    index = []
    for a in arts:
        rec = expected["articles"][a["id"]]
        pub = rec["published"] or rec.get("published_underspecified") or "?"
        index.append(f"| `{a['id']}` | {a['format']} | `{rec['file'].removeprefix('sample/')}` | {a['source']} | "
                     f"{pub} ({rec['published_from']}) | {', '.join(a.get('difficulties', []))} |")
    return README_HEAD.format(n=len(arts), files=files, groups="\n".join(lines), broken=broken,
                              glossary=glossary, index="\n".join(index))
