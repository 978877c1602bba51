"""Fixtures for the reader tests: small Arabic articles written for marsad, and builders for the
files that carry them (WARC records written by hand, HTML pages, feeds)."""

from __future__ import annotations

import gzip
from types import SimpleNamespace

import pytest

#: (slug, title, paragraphs, published) — short news items composed for these tests
ARTICLES = [
    ("amman-talks", "وزير الخارجية يلتقي نظيره الأردني في عمّان",
     ["عمّان - التقى وزير الخارجية صباح الثلاثاء نظيره الأردني، وبحث الجانبان سبل تعزيز التعاون في مجالات التجارة والطاقة والمياه.",
      "وقال الوزير في مؤتمر صحفي مشترك إن المحادثات كانت بنّاءة، وإن البلدين اتفقا على تشكيل لجنة مشتركة تجتمع كل ثلاثة أشهر."],
     "2024-03-05T09:30:00+03:00"),
    ("rabat-rain", "أمطار غزيرة تغمر شوارع الرباط",
     ["الرباط - شهدت العاصمة المغربية أمطارا غزيرة مساء الأحد أدت إلى غمر عدد من الشوارع وتعطل حركة السير لساعات.",
      "ودعت مديرية الأرصاد الجوية السائقين إلى توخي الحذر، متوقعة استمرار التساقطات حتى نهاية الأسبوع."],
     "2024-02-11T21:05:00+01:00"),
    ("gulf-summit", "قمة خليجية تبحث أمن الملاحة في البحر الأحمر",
     ["الدوحة - افتتحت في الدوحة أعمال القمة الخليجية بمشاركة قادة الدول الأعضاء، وتصدر جدول أعمالها ملف أمن الملاحة.",
      "وأكد البيان الختامي ضرورة حماية خطوط التجارة الدولية، ودعا إلى حل الأزمات الإقليمية بالحوار."],
     "2023-12-05T14:00:00+03:00"),
    ("tunis-olive", "تونس تتوقع موسما قياسيا لزيت الزيتون",
     ["تونس - توقع ديوان الزيت أن يبلغ إنتاج البلاد من زيت الزيتون هذا الموسم نحو ثلاثمئة وخمسين ألف طن.",
      "وأرجع الديوان هذا الارتفاع إلى الأمطار التي شهدتها المناطق الوسطى والجنوبية في الخريف."],
     "2023-11-20T08:15:00+01:00"),
    ("beirut-port", "استئناف العمل في مرفأ بيروت بعد أعمال الصيانة",
     ["بيروت - استؤنف العمل في مرفأ بيروت اليوم بعد توقف دام أسبوعين لإجراء أعمال صيانة في الأرصفة والرافعات.",
      "وقال مدير المرفأ إن الطاقة الاستيعابية ستعود إلى مستواها الطبيعي خلال أيام."],
     "2024-01-08T11:45:00+02:00"),
    ("cairo-metro", "افتتاح محطة جديدة لمترو القاهرة",
     ["القاهرة - افتتحت وزارة النقل محطة جديدة على الخط الثالث لمترو القاهرة، لتخدم آلاف الركاب يوميا في شرق العاصمة.",
      "وأوضحت الوزارة أن المحطة مجهزة بمصاعد وسلالم كهربائية لتسهيل حركة كبار السن وذوي الإعاقة."],
     "2024-04-02T16:20:00+02:00"),
]


def body_of(article: tuple) -> str:
    return "\n".join(article[2])


def html_page(article: tuple, *, url: str = "", charset: str | None = "utf-8",
              published: bool = True, site: str = "صحيفة الوادي") -> str:
    """An HTML page around one article, with navigation and footer debris."""
    slug, title, paras, date = article
    head = [f'<meta charset="{charset}">' if charset else "",
            f"<title>{title} | {site}</title>",
            f'<meta property="og:site_name" content="{site}">']
    if published:
        head.append(f'<meta property="article:published_time" content="{date}">')
    if url:
        head.append(f'<link rel="canonical" href="{url}">')
    ps = "\n".join(f"<p>{p}</p>" for p in paras)
    return (f'<!doctype html><html lang="ar" dir="rtl"><head>{"".join(head)}</head><body>'
            '<nav><a href="/">الرئيسية</a> | <a href="/sport">رياضة</a> | <a href="/eco">اقتصاد</a></nav>'
            f"<article><h1>{title}</h1>\n{ps}\n</article>"
            f"<footer>جميع الحقوق محفوظة © 2024 {site}</footer></body></html>")


def warc_record(url: str, payload: bytes, *, rtype: str = "response", status: str = "200 OK",
                ctype: str = "text/html; charset=utf-8", date: str = "2024-03-06T10:00:00Z",
                extra_http: str = "", content_length: int | None = None, rid: int = 0) -> bytes:
    """One WARC/1.0 record, written by hand: WARC headers, then an HTTP response block."""
    if rtype == "response":
        block = (f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n{extra_http}\r\n").encode() + payload
        block_type = "application/http; msgtype=response"
    else:
        block, block_type = payload, "application/http; msgtype=request"
    n = len(block) if content_length is None else content_length
    head = (f"WARC/1.0\r\nWARC-Type: {rtype}\r\nWARC-Target-URI: {url}\r\nWARC-Date: {date}\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{rid:012d}>\r\n"
            f"Content-Type: {block_type}\r\nContent-Length: {n}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def warc_file(records: list[bytes], *, gz: bool) -> bytes:
    """Records joined; gzipped one member per record, as crawlers write ``.warc.gz``."""
    return b"".join(gzip.compress(r) for r in records) if gz else b"".join(records)


@pytest.fixture
def build() -> SimpleNamespace:
    """The articles and the builders, for tests to compose their inputs."""
    return SimpleNamespace(articles=ARTICLES, body_of=body_of, html=html_page,
                           warc_record=warc_record, warc_file=warc_file)
