"""A small archive for the web tests, built from articles written for them.

Most articles go in through ``MarsadArchive.ingest`` (the real pipeline). The Russia–Iran
articles go through the same pipeline function (``analyse_batch``) and the same writer
(``write_batch``); where the pipeline found no time expressions or entity mentions yet, the
fixture adds them (layers ``timex`` and ``mention``, offsets into the original text) so the
pages have something to show. The copy group and the story of the Russia–Iran articles are
set directly (``Archive.update_articles``, and :func:`set_story` for the story's row), whatever
the corpus stages decided.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import orjson
import pytest

import marsad
from marsad.api import IngestOptions
from marsad.model import RawRecord, Span
from marsad.runners.local import analyse_batch, article_from_json, assign_id, doc_hash
from marsad.store.corpus_store import CorpusStore

XSS_TITLE = '<script>window.__xss = "title"; alert("title")</script> عنوان خبيث'
XSS_TEXT = (
    "هذا خبر يحمل شيفرة خبيثة من الويب المفتوح.\n"
    '<script>window.__xss = "body"; alert("body")</script>\n'
    '<img src=x onerror="window.__xss = \'img\'; alert(\'img\')">\n'
    '"><svg onload="window.__xss = \'svg\'">\n'
    "ويجب أن يظهر كل ذلك نصا عاديا لا يعمل."
)
XSS_ENTITY = '"><img src=x onerror="window.__xss=\'entity\'">'

PUTIN_2021 = (
    "موسكو- سبوتنيك. أجرى الرئيس الروسي فلاديمير بوتين اليوم الثلاثاء اتصالا هاتفيا مع نظيره "
    "الإيراني إبراهيم رئيسي، بحثا فيه التعاون بين روسيا وإيران في مواجهة فيروس كورونا.\n"
    "وقال الكرملين إن بوتين ورئيسي اتفقا على اللقاء على هامش قمة منظمة شنغهاي للتعاون يوم 17 "
    "سبتمبر في دوشنبه.\n"
)
PUTIN_LATER = (
    "طهران - أعلن سيد إبراهيم رئيسي أن العلاقات مع روسيا تتطور، وأن الرئيس بوتين وجه دعوة "
    "لزيارة موسكو في أقرب فرصة. وأكد رئيسي أن إيران وروسيا ستواصلان إنتاج اللقاح المشترك."
)
COVID_2020 = (
    "روسيا وإيران تنسقان جهودهما لمكافحة فيروس كورونا\n"
    "التقى نائب رئيس مجلس الاتحاد الروسي إلياس أومخانوف سفير إيران لدى روسيا كاظم جلالي عبر "
    "الفيديو، واتفق الجانبان على تنسيق الجهود بين روسيا وإيران في عام 2020.\n"
)

PLAIN = [
    {"id": "weather-1", "source": "صحيفة الطقس", "url": "https://example.org/weather-1",
     "date": "2021-10-01", "title": "طقس معتدل",
     "text": "تشهد البلاد طقسا معتدلا مع رياح خفيفة وأمطار متفرقة في المناطق الشمالية."},
    {"id": "xss-1", "source": '<b onmouseover="window.__xss=\'source\'">مصدر</b>',
     "url": "javascript:window.__xss='url';alert('url')", "date": "2021-09-20",
     "title": XSS_TITLE, "text": XSS_TEXT},
] + [
    {"id": f"filler-{i}", "source": "وكالة الأنباء", "url": f"https://example.org/f{i}",
     "date": f"2021-0{1 + i % 9}-1{i % 10}", "title": f"خبر اقتصادي رقم {i}",
     "text": f"ارتفعت أسعار النفط في الأسواق العالمية للمرة {i} هذا العام وسط توقعات بزيادة الطلب."}
    for i in range(30)
]

# (id, source, url, date, title, text, mentions [(surface, label, key, attrs)], timexes [(surface, type, value)])
ANNOTATED: list[dict[str, Any]] = [
    {"id": "ru-ir-2021", "source": "وكالة سبوتنيك", "url": "https://example.org/sputnik/putin-raisi",
     "date": "2021-09-14T09:00:00", "title": "بوتين ورئيسي يبحثان التعاون ضد كورونا", "text": PUTIN_2021,
     "mentions": [("فلاديمير بوتين", "PER", "Q7747", {"country": "RU", "role": "president"}),
                  ("بوتين", "PER", "Q7747", {"country": "RU"}),
                  ("إبراهيم رئيسي", "PER", "Q5765", {"country": "IR", "role": "president"}),
                  ("رئيسي", "PER", "Q5765", {"country": "IR"}),
                  ("روسيا", "LOC", "Q159", {"country": "RU"}), ("إيران", "LOC", "Q794", {"country": "IR"}),
                  ("دوشنبه", "LOC", "Q9365", {"country": "TJ"})],
     "timexes": [("اليوم الثلاثاء", "DATE", "2021-09-14"), ("يوم 17 سبتمبر", "DATE", "2021-09-17")]},
    {"id": "ru-ir-2021-copy", "source": "العربية نت", "url": "https://example.org/alarabiya/putin-raisi",
     "date": "2021-09-14T15:00:00", "title": "بوتين ورئيسي يبحثان التعاون ضد كورونا",
     "text": PUTIN_2021 + "العربية نت\nExit mobile version",
     "mentions": [("فلاديمير بوتين", "PER", "Q7747", {"country": "RU"}), ("بوتين", "PER", "Q7747", {}),
                  ("إبراهيم رئيسي", "PER", "Q5765", {"country": "IR"}), ("رئيسي", "PER", "Q5765", {}),
                  ("روسيا", "LOC", "Q159", {}), ("إيران", "LOC", "Q794", {})],
     "timexes": [("اليوم الثلاثاء", "DATE", "2021-09-14"), ("يوم 17 سبتمبر", "DATE", "2021-09-17")]},
    {"id": "ru-ir-later", "source": "وكالة مهر", "url": "https://example.org/mehr/raisi",
     "date": "2021-11-02", "title": "رئيسي: العلاقات مع روسيا تتطور", "text": PUTIN_LATER,
     "mentions": [("سيد إبراهيم رئيسي", "PER", "Q5765", {"country": "IR"}), ("رئيسي", "PER", "Q5765", {}),
                  ("بوتين", "PER", "Q7747", {}), ("روسيا", "LOC", "Q159", {}),
                  ("إيران", "LOC", "Q794", {}), ("موسكو", "LOC", "Q649", {})],
     "timexes": [("في أقرب فرصة", "DATE", "FUTURE_REF")]},
    {"id": "ru-ir-2020", "source": "وكالة سبوتنيك", "url": "https://example.org/sputnik/covid-2020",
     "date": "2020-05-21", "title": "روسيا وإيران تنسقان جهودهما لمكافحة كورونا", "text": COVID_2020,
     "mentions": [("إلياس أومخانوف", "PER", "Q4256", {"country": "RU"}), ("كاظم جلالي", "PER", "Q6380", {"country": "IR"}),
                  ("روسيا", "LOC", "Q159", {}), ("إيران", "LOC", "Q794", {})],
     "timexes": [("في عام 2020", "DATE", "2020")]},
    {"id": "xss-entity", "source": "مصدر", "url": "https://example.org/x2", "date": "2021-09-21",
     "title": "خبر عن كيان غريب", "text": "ذكر الخبر " + XSS_ENTITY + " مرة واحدة.",
     "mentions": [(XSS_ENTITY, "ORG", XSS_ENTITY, {})], "timexes": []},
]

STORY_MEMBERS = ("ru-ir-2021", "ru-ir-2021-copy", "ru-ir-later")
STORY_ID = 90_007
COPY_GROUP_ID = 90_003
COPY_MEMBERS = ("ru-ir-2021", "ru-ir-2021-copy")


def _find_all(text: str, surface: str) -> list[tuple[int, int]]:
    """Every occurrence of ``surface`` not inside a longer word (Arabic letters around it)."""
    out, i = [], text.find(surface)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + len(surface)] if i + len(surface) < len(text) else " "
        if not ("\u0621" <= before <= "\u064a") and not ("\u0621" <= after <= "\u064a" and after != "\u060c"):
            out.append((i, i + len(surface)))
        i = text.find(surface, i + 1)
    return out


def _extra_spans(text: str, item: dict[str, Any], have: set[str]) -> list[Span]:
    spans: list[Span] = []
    if "mention" not in have:
        taken: list[tuple[int, int]] = []
        for surface, label, key, attrs in sorted(item["mentions"], key=lambda m: -len(m[0])):
            for s, e in _find_all(text, surface):
                if any(a < e and s < b for a, b in taken):
                    continue
                taken.append((s, e))
                spans.append(Span("mention", s, e, label, key, dict(attrs)))
    if "timex" not in have:
        for surface, typ, value in item["timexes"]:
            for s, e in _find_all(text, surface):
                spans.append(Span("timex", s, e, typ, value, {}))
    return spans


def set_story(arc: marsad.MarsadArchive, story: int, ids: Sequence[str]) -> None:
    """Make the articles ``ids`` story ``story``: their ``articles.story`` and the story's row
    as the clusterer writes it (days, articles, sources, first article; closed, no label)."""
    rowids = [arc.rowid_of(i) for i in ids]
    arc.update_articles("story", [(story, r) for r in rowids])
    con = arc._writer
    first, last, size, sources, first_rowid = con.execute(
        "SELECT min(published_day), max(published_day), count(*), count(DISTINCT source), min(rowid)"
        " FROM articles WHERE story = ?", (story,)).fetchone()
    CorpusStore(arc).save_stories([(story, first, last, size, sources, first_rowid, 0, "[]", "")])
    con.commit()


def build_archive(path: Path) -> dict[str, Any]:
    """Write the test archive at ``path``; return what the tests need to know about it."""
    src = path.parent / "plain.jsonl"
    src.write_bytes(b"".join(orjson.dumps(a) + b"\n" for a in PLAIN))
    with marsad.open(path) as arc:
        arc.ingest([src], options=IngestOptions(workers=1))
        spec = tuple(__import__("marsad.pipeline.registry", fromlist=["DEFAULT_SPEC"]).DEFAULT_SPEC)
        payload = []
        for item in ANNOTATED:
            rec = RawRecord(text=item["text"], id=item["id"], source=item["source"], url=item["url"],
                            title=item["title"], date=item["date"], date_kind="metadata")
            h = doc_hash(rec)
            payload.append({"record": asdict(rec), "id": assign_id(rec, h), "doc_hash": h})
        results = orjson.loads(analyse_batch(spec, orjson.dumps(payload)))
        items = []
        for item, d in zip(ANNOTATED, results, strict=True):
            assert "error" not in d, d
            art = article_from_json(d["article"])
            have = {s.layer for s in art.spans}
            art.spans.extend(_extra_spans(art.text, item, have))
            d["article"] = art
            items.append(d)
        arc.write_batch(items)
        arc.after_ingest()
        # the pages are under test here, not the clusterers: set the copy group and the story
        # (ids no corpus stage hands out) whatever the corpus stages decided
        set_story(arc, STORY_ID, STORY_MEMBERS)
        arc.update_articles("copy_group", [(COPY_GROUP_ID, arc.rowid_of(i)) for i in COPY_MEMBERS])
        arc.update_articles("first_published", [(1, arc.rowid_of("ru-ir-2021")), (0, arc.rowid_of("ru-ir-2021-copy"))])
        story = arc.get_row("ru-ir-2021")["story"]
        count = arc.count()
    return {"path": path, "story": story, "count": count}


@pytest.fixture(scope="session")
def web_archive(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return build_archive(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="session")
def client(web_archive: dict[str, Any]) -> Any:
    from fastapi.testclient import TestClient

    from marsad.web.app import create_app

    with TestClient(create_app(web_archive["path"]), raise_server_exceptions=False) as c:
        yield c


def mention_key(client: Any, article_id: str, surface: str) -> str:
    """The entity key the archive gave ``surface`` in ``article_id`` (whoever tagged it)."""
    d = client.get(f"/api/article/{article_id}").json()
    for m in d["mentions"]:
        if m["text"] == surface or surface in m["text"]:
            return m["entity"]
    raise AssertionError(f"no mention of {surface!r} in {article_id}")


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(web_archive: dict[str, Any]) -> Any:
    """``marsad serve`` on a free loopback port over the fixture archive (a real uvicorn)."""
    import os
    import socket
    import subprocess
    import sys
    import time

    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "marsad.cli.main", "serve", "--archive", str(web_archive["path"]),
         "--port", str(port)], env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(proc.stdout.read().decode() if proc.stdout else "server died") from None
            if time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError("marsad serve did not start within 60 s") from None
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
