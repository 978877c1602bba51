"""The events pages and their JSON twins (``/events``, ``/event/KEY``, the article view's events),
on an archive of articles written for these tests."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import orjson
import pytest

from marsad.cli.main import main
from written import KIRKUK_AGENCY, KIRKUK_PAPER, TUNIS_PROTEST, article

ARTICLES = [
    article(KIRKUK_AGENCY, "k1"),
    article(KIRKUK_PAPER, "k2"),
    article(TUNIS_PROTEST, "t1", text=TUNIS_PROTEST["text"].replace("أمس", "<b>أمس</b>")),
]
ATTACK = "k1|ASSAULT|2024-03-04"


@pytest.fixture(scope="module")
def ev_client(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from fastapi.testclient import TestClient

    from marsad.web.app import create_app

    d = tmp_path_factory.mktemp("webev")
    src = d / "in.jsonl"
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in ARTICLES))
    db = str(d / "a.db")
    assert main(["ingest", "--archive", db, str(src), "--json"]) == 0
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def _key_url(key: str) -> str:
    return "/event/" + quote(key, safe="")


def test_the_events_page_and_its_twin_count_each_event_once(ev_client: Any) -> None:
    d = ev_client.get("/api/events").json()
    groups = [g["group"] for g in d["items"]]
    assert groups == [ATTACK, "t1|PROTEST|2024-03-04"]
    assert (d["items"][0]["reports"], d["items"][0]["articles"]) == (2, 2)
    assert d["types"][:2] == ["PROTEST", "ASSAULT"]
    page = ev_client.get("/events")
    assert page.status_code == 200 and '<html lang="ar" dir="rtl"' in page.text
    assert 'class="api-link" href="/api/events"' in page.text
    # each group links its page, its first article and its story
    assert f'href="{_key_url(ATTACK)}"' in page.text
    assert 'href="/article/k1"' in page.text and re.search(r'href="/story/\d+"', page.text)
    assert "اعتداء" in page.text and "تقريران" in page.text  # Arabic: the type and the dual
    en = ev_client.get("/events", params={"lang": "en"}).text
    assert "assault" in en and "2 reports" in en and "First report" in en


@pytest.mark.parametrize(("params", "groups"), [
    ({"type": "protest"}, ["t1|PROTEST|2024-03-04"]),
    ({"actor": "مسلحون"}, [ATTACK]),
    ({"place": "تونس"}, ["t1|PROTEST|2024-03-04"]),
    ({"source": "وكالة أ"}, [ATTACK]),
    ({"from": "2024-03-06"}, []),
    ({"to": "2024-03"}, [ATTACK, "t1|PROTEST|2024-03-04"]),
])
def test_events_filters(ev_client: Any, params: dict, groups: list[str]) -> None:
    assert [g["group"] for g in ev_client.get("/api/events", params=params).json()["items"]] == groups


def test_bad_event_parameters_say_what_is_wrong(ev_client: Any) -> None:
    r = ev_client.get("/api/events", params={"type": "RIOT"})
    assert r.status_code == 400 and "'RIOT' is not an event type" in r.json()["error"]["message"]
    r = ev_client.get("/api/events", params={"from": "2024-02-30"})
    assert r.status_code == 400 and "is not a date" in r.json()["error"]["message"]
    r = ev_client.get("/api" + _key_url("zz|ASSAULT|"))
    assert r.status_code == 404 and "no article 'zz'" in r.json()["error"]["message"]
    page = ev_client.get(_key_url("k1|ASSAULT|2030-01-01"))
    assert page.status_code == 404 and "no ASSAULT event on 2030-01-01" in page.text


def test_an_event_page_lists_its_reports_with_the_trigger_marked(ev_client: Any) -> None:
    d = ev_client.get("/api" + _key_url(ATTACK)).json()
    assert d["group"] == ATTACK and d["reports"] == 2 and d["asked"] is None
    for r in d["report_list"]:
        a, b = r["trigger_in_sentence"]
        assert r["sentence_text"][a:b] == r["trigger_text"]
    page = ev_client.get(_key_url(ATTACK)).text
    assert '<span class="ev ev-ASSAULT">هاجم</span> مسلحون مجهولون' in page
    assert 'href="/article/k2#event-0-4"' in page
    moved = ev_client.get(_key_url("k2|ASSAULT|2024-03-04"))
    assert moved.status_code == 200 and 'id="key-moved"' in moved.text and ATTACK in moved.text


def test_the_article_view_lists_its_events_with_their_group(ev_client: Any) -> None:
    d = ev_client.get("/api/article/k2").json()
    ev = next(e for e in d["events"] if e["type"] == "ASSAULT")
    assert ev["group"] == ATTACK
    page = ev_client.get("/article/k2").text
    assert re.search(r'<span class="ev ev-ASSAULT" id="event-0-4"[^>]*>هاجم</span>', page)  # highlighted in the text
    assert f'class="event-group-link" href="{_key_url(ATTACK)}"' in page
    assert "مسلحون مجهولون" in page.split('id="events-panel"', 1)[1]


def test_event_text_from_the_web_is_escaped(ev_client: Any) -> None:
    page = ev_client.get(_key_url("t1|PROTEST|2024-03-04")).text
    assert "&lt;b&gt;أمس&lt;/b&gt;" in page and "<b>أمس</b>" not in page


def test_the_api_exports_events_as_plover_records(ev_client: Any) -> None:
    r = ev_client.get("/api/export", params={"table": "events", "format": "plover"})
    assert r.status_code == 200 and "marsad-events.plover.jsonl" in r.headers["content-disposition"]
    recs = [orjson.loads(x) for x in r.content.splitlines()]
    assert sorted(x["event_type"] for x in recs) == ["ASSAULT", "ASSAULT", "PROTEST"]
    assert {x["event_group"] for x in recs if x["event_type"] == "ASSAULT"} == {ATTACK}
    assert all(x["trigger"] in x["sentence"] for x in recs)
    r = ev_client.get("/api/export", params={"table": "articles", "format": "plover"})
    assert r.status_code == 400 and "format=plover writes the events table" in r.json()["error"]["message"]
