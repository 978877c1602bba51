"""The HTTP API and the HTML pages, through the ASGI test client, on the fixture archive."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import orjson
import pytest

from conftest import XSS_ENTITY, mention_key


def _ids(d: dict) -> list[str]:
    return [h["id"] for h in d["hits"]]


def test_every_html_page_has_a_json_twin(client, web_archive):
    putin = mention_key(client, "ru-ir-2021", "فلاديمير بوتين")
    examples = {
        "/search": "/search?q=" + quote("روسيا"),
        "/article/{article_id:path}": "/article/ru-ir-2021",
        "/entity/{key:path}": "/entity/" + quote(putin, safe=""),
        "/entities": "/entities",
        "/story/{story_id}": f"/story/{web_archive['story']}",
        "/stories": "/stories",
        "/threads": "/threads?min_stories=1",
        "/attention": "/attention?q=" + quote("روسيا"),
        "/overview": "/overview",
    }
    twins = dict(client.app.state.twins)
    assert set(examples) <= set(twins), set(twins) - set(examples)
    for url in examples.values():
        page = client.get(url)
        assert page.status_code == 200, (url, page.text[:300])
        assert page.headers["content-type"].startswith("text/html")
        assert '<html lang="ar" dir="rtl"' in page.text
        api = client.get("/api" + url)
        assert api.status_code == 200, (url, api.text[:300])
        assert api.headers["content-type"] == "application/json"
        twin_link = re.search(r'class="api-link" href="([^"]+)"', page.text).group(1)  # the page links its twin
        assert unquote(twin_link.replace("&amp;", "&")) == unquote("/api" + url)
        assert isinstance(api.json(), dict)
    assert "/thread/{thread_id}" in twins


def test_search_finds_russia_iran_collapses_copies_and_has_facets(client):
    d = client.get("/api/search", params={"q": "روسيا"}).json()
    ids = _ids(d)
    assert "ru-ir-2020" in ids and "ru-ir-later" in ids
    # the two copies of the 2021 call come back as one hit with copies=2
    assert len({"ru-ir-2021", "ru-ir-2021-copy"} & set(ids)) == 1
    hit = next(h for h in d["hits"] if h["id"] in ("ru-ir-2021", "ru-ir-2021-copy"))
    assert hit["copies"] == 2
    for h in d["hits"]:
        for s, e in h["highlights"]:
            assert "روسيا" in h["snippet"][s:e]
    full = client.get("/api/search", params={"q": "روسيا", "collapse": "false"}).json()
    assert {"ru-ir-2021", "ru-ir-2021-copy"} <= set(_ids(full))
    f = d["facets"]
    assert {x["key"] for x in f["source"]} >= {"وكالة سبوتنيك", "وكالة مهر"}
    putin = mention_key(client, "ru-ir-2021", "فلاديمير بوتين")
    assert putin in {x["key"] for x in f["entity"]}
    assert f["story"] and f["story"][0]["count"] >= 2
    assert {x["key"] for x in f["month"]} >= {"2020-05", "2021-09", "2021-11"}


def test_search_by_an_entitys_number_and_by_an_unknown_entity(client, web_archive):
    """``entity=#N`` of an entity whose only key is its own was matched as the mention value
    "#N" (no hit: on a real archive #448, Iran, found nothing where #46, Riyadh, of two keys,
    found its 416 articles); an entity the archive does not know gave an empty page, where the
    CLI says there is none."""
    import sqlite3

    con = sqlite3.connect(web_archive["path"])
    eid, key = con.execute("SELECT e.id, e.key FROM entities e WHERE (SELECT count(*) FROM entity_aliases al"
                           " WHERE al.entity = e.id) = 1 ORDER BY e.count DESC LIMIT 1").fetchone()
    con.close()
    by_key = client.get("/api/search", params={"entity": key, "collapse": "false", "limit": 100}).json()
    by_number = client.get("/api/search", params={"entity": f"#{eid}", "collapse": "false", "limit": 100}).json()
    assert by_key["total"] > 0 and _ids(by_number) == _ids(by_key)
    # the number alone, as the CLI takes it (marsad entity 46): the page and the filter
    bare = client.get("/api/search", params={"entity": str(eid), "collapse": "false", "limit": 100}).json()
    assert _ids(bare) == _ids(by_key)
    assert client.get(f"/api/entity/{eid}").json()["key"] == key
    r = client.get("/api/search", params={"q": "روسيا", "entity": "#999999"})
    assert r.status_code == 404 and "no entity with key '#999999'" in r.json()["error"]["message"]


def test_an_entity_named_by_a_name_or_a_word_of_one_as_the_cli_takes_it(client):
    """``entity=ترامب`` was a 404 («no entity with key») where `marsad search --entity ترامب` listed
    Trump's articles: the CLI takes a name, a variant or a word of one, and the pages now do too."""
    by_key = client.get("/api/search", params={"entity": "per:فلاديمير بوتين", "collapse": "false"}).json()
    assert by_key["total"] > 0
    for name in ("فلاديمير بوتين", "بوتين", "فلاديمير"):
        by_name = client.get("/api/search", params={"entity": name, "collapse": "false"}).json()
        assert _ids(by_name) == _ids(by_key), name
        assert client.get("/api/entity/" + name).json()["key"] == "per:فلاديمير بوتين"
    assert client.get("/api/search", params={"entity": "زززز"}).status_code == 404
    assert client.get("/api/entity/per:زززز").status_code == 404


def test_the_entities_page_gives_the_number_the_cli_lists(client, web_archive, capsys):
    """`marsad entities` lists each entity's number (#), which `marsad entity 16` and the pages'
    entity=#16 take; /entities and /api/entities gave neither, so a number could not be matched
    between the two."""
    from marsad.cli.main import main

    assert main(["entities", "--archive", str(web_archive["path"]), "--json", "--limit", "5"]) == 0
    cli = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    api = client.get("/api/entities", params={"limit": 5}).json()["items"]
    numbers = {e["key"]: e["id"] for e in cli}
    assert api and all(numbers.get(e["key"], e["id"]) == e["id"] for e in api)
    assert len({e["key"] for e in api} & set(numbers)) >= 3
    page = client.get("/entities").text
    for e in api:
        assert f'<td class="entity-id">{e["id"]}</td>' in page
        assert client.get(f"/api/entity/%23{e['id']}").json()["key"] == e["key"]


def test_search_filters_and_pagination(client, web_archive):
    q = {"q": "النفط", "collapse": "false"}  # the fillers may well be near-duplicates of each other
    all_ = client.get("/api/search", params=q).json()
    assert all_["total"] == 30
    p1 = client.get("/api/search", params={**q, "limit": 10}).json()
    p2 = client.get("/api/search", params={**q, "limit": 10, "offset": 10}).json()
    assert len(p1["hits"]) == len(p2["hits"]) == 10
    assert not set(_ids(p1)) & set(_ids(p2))
    d = client.get("/api/search", params={"q": "روسيا", "source": "وكالة مهر"}).json()
    assert _ids(d) == ["ru-ir-later"]
    # an outlet the archive does not hold is named, with the closest, not matched in silence
    r = client.get("/api/search", params={"q": "روسيا", "source": ["وكالة مهر", "وكالة مهرر"]})
    assert r.status_code == 404
    assert "no source 'وكالة مهرر' in the archive (did you mean 'وكالة مهر'" in r.json()["error"]["message"]
    page = client.get("/search", params={"q": "روسيا", "source": "NOSUCH"})
    assert page.status_code == 404 and "no source &#39;NOSUCH&#39;" in page.text
    d = client.get("/api/search", params={"q": "روسيا", "from": "2021-01-01", "to": "2021-09"}).json()
    assert {h["published_at"][:7] for h in d["hits"]} == {"2021-09"}
    r = client.get("/api/search", params={"q": "روسيا", "from": "2021-10-01", "to": "2021-09"})
    assert r.status_code == 400 and "is after to 2021-09" in r.json()["error"]["message"]
    putin = mention_key(client, "ru-ir-2021", "فلاديمير بوتين")
    d = client.get("/api/search", params={"entity": putin, "collapse": "false"}).json()
    assert set(_ids(d)) == {"ru-ir-2021", "ru-ir-2021-copy", "ru-ir-later"}
    d = client.get("/api/search", params={"story": web_archive["story"], "collapse": "false"}).json()
    assert set(_ids(d)) == {"ru-ir-2021", "ru-ir-2021-copy", "ru-ir-later"}
    d = client.get("/api/search", params={"mentions_date": "2021-09-17"}).json()
    assert {"ru-ir-2021", "ru-ir-2021-copy"} <= set(_ids(d)) and "ru-ir-2020" not in _ids(d)
    # browsing without a query lists newest first
    d = client.get("/api/search", params={"limit": 100}).json()
    assert d["total"] == web_archive["count"]
    days = [h["published_at"][:10] for h in d["hits"] if h["published_at"]]
    assert days == sorted(days, reverse=True)


@pytest.mark.parametrize("q", [
    '"', "NEAR(روسيا", "روسيا*", "AND OR NOT", "-روسيا", "title:روسيا", "^روسيا", "(((",
    "'; DROP TABLE articles; --", "1 OR 1=1", "روسيا UNION SELECT * FROM spans",
    "x" * 600, "روسيا " * 200, "\x00\x01", "\u202eروسيا",
])
def test_bad_queries_get_a_clear_error_never_a_500(client, q):
    r = client.get("/api/search", params={"q": q})
    assert r.status_code in (200, 400, 422), (q, r.status_code, r.text[:200])
    if r.status_code != 200:
        err = r.json()["error"]
        assert err["status"] == r.status_code and len(err["message"]) > 10
    page = client.get("/search", params={"q": q})
    assert page.status_code == r.status_code
    assert client.get("/api/search", params={"q": "روسيا"}).status_code == 200  # the archive is intact


def test_huge_and_malformed_parameters(client):
    r = client.get("/api/search", params={"q": "ر" * 8000})
    assert r.status_code in (400, 414, 422) and "error" in r.json()
    for params, status in [({"from": "yesterday"}, 400), ({"from": "2021-13-01"}, 400), ({"to": "2021-02-30"}, 400),
                           ({"limit": 1000}, 422), ({"story": "abc"}, 422),
                           ({"mentions_date": "<script>"}, 400), ({"offset": -1}, 422)]:
        r = client.get("/api/search", params={"q": "روسيا", **params})
        assert r.status_code == status, (params, r.text)
        assert r.json()["error"]["message"]
    r = client.get("/api/attention", params={"by": "year"})
    assert r.status_code == 422
    r = client.get("/api/export", params={"table": "../../etc/passwd"})
    assert r.status_code == 422


def test_not_found_is_json_with_a_message(client):
    for url in ["/api/article/nope", "/api/entity/nope", "/api/story/999999", "/api/thread/999999", "/api/nope"]:
        r = client.get(url)
        assert r.status_code == 404, url
        assert r.json()["error"]["message"]
    r = client.get("/article/nope")
    assert r.status_code == 404 and "nope" in r.text and 'dir="rtl"' in r.text
    assert client.post("/api/search").status_code == 405


@pytest.mark.parametrize("url", [
    "/static/../../../../etc/passwd", "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/....//....//etc/passwd",
    "/article/..%2F..%2F..%2Fetc%2Fpasswd", "/api/article/../../../etc/passwd",
    "/entity/..%2f..%2fetc%2fpasswd", "/static/%252e%252e/%252e%252e/etc/passwd",
])
def test_no_path_traversal(client, url):
    r = client.get(url)
    assert r.status_code in (404, 400), (url, r.status_code)
    assert "root:" not in r.text


def test_static_assets_are_shipped(client):
    js = client.get("/static/vendor/echarts.min.js")
    assert js.status_code == 200 and len(js.content) > 500_000
    font = client.get("/static/fonts/noto-naskh-arabic-arabic-400-normal.woff2")
    assert font.status_code == 200 and font.content[:4] == b"wOF2"
    assert "Open Font License" in client.get("/static/fonts/OFL.txt").text
    css = client.get("/static/marsad.css").text
    assert "Noto Naskh Arabic" in css and "fonts/noto-naskh-arabic-arabic-400-normal.woff2" in css
    page = client.get("/search").text
    assert "http://" not in page.split("<main>")[0] and "https://" not in page.split("<main>")[0]


def test_article_json_and_page(client):
    d = client.get("/api/article/ru-ir-2021-copy").json()
    text = d["text"]
    for m in d["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
    values = {t["text"]: t["value"] for t in d["timexes"]}
    assert values.get("يوم 17 سبتمبر") == "2021-09-17" or "2021-09-17" in values.values()
    assert d["published_at"].startswith("2021-09-14") and d["published_at_source"]
    assert any(x["kind"] in ("dateline",) for x in d["debris"])
    assert any("Exit mobile version" in text[x["start"]:x["end"]] for x in d["debris"])
    links = d["links"]
    assert {c["id"] for c in links["copies"]} == {"ru-ir-2021", "ru-ir-2021-copy"}
    assert [c["id"] for c in links["copies"] if c["first_published"]] == ["ru-ir-2021"]
    assert links["story"]["articles"] == 3
    page = client.get("/article/ru-ir-2021-copy").text
    putin = mention_key(client, "ru-ir-2021-copy", "فلاديمير بوتين")
    assert f'href="/entity/{quote(putin, safe="")}"' in page
    assert 'class="rm rm-' in page and "Exit mobile version" in page  # removed debris, shown on demand
    assert 'id="show-debris"' in page
    assert "2021-09-17" in page and 'id="story-link"' in page
    assert "metadata" in page or d["published_at_source"] in page
    assert "(3 مقالات)" in page  # the story's size, with the noun in agreement
    assert "(3 articles)" in client.get("/article/ru-ir-2021-copy", params={"lang": "en"}).text


def test_entity_page_has_variants_timeline_network(client):
    raisi = mention_key(client, "ru-ir-2021", "إبراهيم رئيسي")
    putin = mention_key(client, "ru-ir-2021", "فلاديمير بوتين")
    d = client.get("/api/entity/" + quote(raisi, safe="")).json()
    forms = {f["text"] for f in d["surface_forms"]}
    assert {"إبراهيم رئيسي", "رئيسي"} <= forms or len(forms | set(d["variants"])) >= 2
    assert d["articles"] == 3 and d["type"] == "PER"
    assert [p["key"] for p in d["timeline"]][0] == "2021-09" and d["timeline"][-1]["key"] == "2021-11"
    assert [p["count"] for p in d["timeline"]] == [2, 0, 1]  # October filled with 0
    assert putin in {n["key"] for n in d["co_mentions"]["nodes"]}
    assert {a["id"] for a in d["article_list"]["items"]} == {"ru-ir-2021", "ru-ir-2021-copy", "ru-ir-later"}
    co = client.get("/api/comentions", params={"entity": raisi}).json()
    assert co["nodes"] and co["links"]
    ents = client.get("/api/entities").json()["items"]
    assert {putin, raisi} <= {e["key"] for e in ents}
    # a type is read in any case; an unknown one is a 400 that says which exist (it listed nothing)
    per = client.get("/api/entities", params={"type": "per"}).json()["items"]
    assert putin in {e["key"] for e in per} and all(e["type"] == "PER" for e in per)
    r = client.get("/api/entities", params={"type": "PERSON"})
    assert r.status_code == 400 and "PER, ORG" in r.json()["error"]["message"]


def test_story_and_attention(client, web_archive):
    d = client.get(f"/api/story/{web_archive['story']}").json()
    assert {m["id"] for m in d["members"]} == {"ru-ir-2021", "ru-ir-2021-copy", "ru-ir-later"}
    big = max(d["copy_groups"], key=lambda g: g["size"])
    assert big["size"] == 2 and big["first_publisher"] == "وكالة سبوتنيك"
    assert d["timeline"][0]["key"] == "2021-09-14"
    assert web_archive["story"] in {s["id"] for s in client.get("/api/stories").json()["items"]}
    putin = mention_key(client, "ru-ir-2021", "فلاديمير بوتين")
    a = client.get("/api/attention", params=[("q", "روسيا"), ("q", "النفط"), ("entity", putin)]).json()
    assert len(a["series"]) == 3
    assert all(len(s["values"]) == len(a["keys"]) for s in a["series"])
    assert a["keys"] == sorted(a["keys"]) and "2020-06" in a["keys"]  # gaps filled
    assert a["series"][2]["total"] == 3
    c = client.get("/api/counts", params={"q": "روسيا", "by": "source"}).json()
    assert {x["key"] for x in c["counts"]} >= {"وكالة سبوتنيك"}


def test_export_streams_jsonl_and_csv(client):
    r = client.get("/api/export", params={"q": "روسيا", "format": "jsonl"})
    rows = [orjson.loads(line) for line in r.content.splitlines()]
    assert {x["id"] for x in rows} >= {"ru-ir-2020", "ru-ir-later"} and all("clean_text" in x for x in rows)
    r = client.get("/api/export", params={"table": "mentions", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and {"article_id", "start", "end", "value"} <= set(rows[0])
    assert "attachment" in r.headers["content-disposition"]
    # a span's attrs: an object in JSONL (it was a JSON string), JSON text in CSV
    assert all(isinstance(orjson.loads(x["attrs"]), dict) for x in rows)
    r = client.get("/api/export", params={"table": "mentions", "format": "jsonl"})
    rows = [orjson.loads(line) for line in r.content.splitlines()]
    assert rows and all(isinstance(x["attrs"], dict) for x in rows)
    # the stories, as /stories lists them (the table the CLI exports too)
    r = client.get("/api/export", params={"table": "stories", "format": "csv"})
    listed = client.get("/api/stories", params={"limit": 100}).json()["items"]
    assert [int(x["story"]) for x in csv.DictReader(io.StringIO(r.text))][:100] == [s["id"] for s in listed] != []
    # q= exports the matching articles: table=events (or stories) with q streamed those articles
    # under the table's name; it is a clear 400 now, and table=articles (the default) goes on
    for table in ("events", "stories", "mentions"):
        r = client.get("/api/export", params={"q": "روسيا", "table": table})
        assert r.status_code == 400 and f"table={table} is exported whole" in r.json()["error"]["message"]
    assert client.get("/api/export", params={"q": "روسيا", "table": "articles"}).status_code == 200


def test_xss_is_escaped_in_every_page(client):
    pages = [client.get("/article/xss-1").text, client.get("/search", params={"q": "شيفرة"}).text,
             client.get("/search").text, client.get("/article/xss-entity").text,
             client.get("/entity/" + quote(XSS_ENTITY, safe="")).text, client.get("/entities").text,
             client.get("/overview").text]
    for html in pages:
        assert "<script>window" not in html and "<img src=x" not in html and "<svg" not in html
        assert "<b onmouseover" not in html
        assert 'href="javascript:' not in html
    assert "&lt;script&gt;window.__xss" in pages[0]
    assert "javascript:window.__xss" in pages[0]  # shown as text, never as a link
    assert client.get("/api/article/xss-1").json()["title"].startswith("<script>")  # JSON keeps the data


@pytest.fixture
def fresh_cookies(client):
    client.cookies.clear()
    yield client
    client.cookies.clear()


def test_security_headers_and_prefs(fresh_cookies):
    client = fresh_cookies
    r = client.get("/search")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    r = client.get("/prefs", params={"lang": "en", "next": "//evil.example/x"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/search"
    r = client.get("/prefs", params={"digits": "eastern", "next": "/search?q=x"}, follow_redirects=False)
    assert r.headers["location"] == "/search?q=x" and "marsad_digits=eastern" in r.headers["set-cookie"]
    en = client.get("/search", params={"q": "النفط", "lang": "en"}).text
    assert '<html lang="en" dir="ltr"' in en and "results" in en
    east = client.get("/search", params={"q": "النفط", "digits": "eastern"}).text
    assert '<strong class="total">٣٠</strong>' in east
    assert client.cookies.get("marsad_digits") == "eastern"  # the preference sticks
    assert '<strong class="total">٣٠</strong>' in client.get("/search", params={"q": "النفط"}).text
    west = client.get("/search", params={"q": "النفط", "digits": "western"}).text
    assert '<strong class="total">30</strong> results' in west
    ar = client.get("/search", params={"q": "النفط", "lang": "ar", "digits": "western"}).text
    assert '<strong class="total">30</strong> نتيجة' in ar  # 11 to 99: the singular


def test_openapi_documents_the_json_api(client):
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/search", "/api/article/{article_id}", "/api/entity/{key}", "/api/story/{story_id}",
            "/api/thread/{thread_id}", "/api/attention", "/api/counts", "/api/comentions",
            "/api/export", "/api/entities", "/api/stories"} <= {p.replace(":path", "") for p in paths}
    assert not any(not p.startswith("/api") for p in paths)
    params = {p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert {"q", "source", "from", "to", "entity", "story", "limit", "offset"} <= params


def test_served_read_only(client):
    assert client.app.state.archive.readonly is True


def test_registry_entities_gather_their_alias_keys(tmp_path):
    """With the entity registry, an entity is every mention key mapped to it, whichever tagger
    made the mentions: the test maps Putin's keys (full name and bare surname) to one entity."""
    entities = pytest.importorskip("marsad.store.entities", reason="the entity registry has not landed")
    from fastapi.testclient import TestClient

    import marsad
    from conftest import build_archive
    from marsad.store.entity_queries import has_registry
    from marsad.web.app import create_app

    info = build_archive(tmp_path / "reg.db")
    with TestClient(create_app(info["path"])) as c:
        keys = {mention_key(c, "ru-ir-2021", "فلاديمير بوتين"), mention_key(c, "ru-ir-later", "بوتين")}
        raisi = mention_key(c, "ru-ir-2021", "إبراهيم رئيسي")
    with marsad.open(info["path"]) as arc:
        if not has_registry(arc.con):
            pytest.skip("the registry tables are absent")
        st = entities.EntityStore(arc._writer)
        st.save([{"id": 999, "key": "test:putin", "type": "PER", "name": "فلاديمير بوتين",
                  "english": "Vladimir Putin", "country": "RU", "variants": {"بوتين": 4, "فلاديمير بوتين": 2},
                  "confidence": 1.0, "evidence": [], "first_seen": "2021-09-14", "last_seen": "2021-11-02",
                  "count": 10_000}],
                [(k, 999, 3, 1.0, "") for k in keys])
        st.commit()
    with TestClient(create_app(info["path"])) as c:
        for key in ("test:putin", *keys):
            d = c.get("/api/entity/" + quote(key, safe="")).json()
            assert d["key"] == "test:putin" and d["name_en"] == "Vladimir Putin"
            assert d["articles"] == 3 and set(d["keys"]) == {"test:putin", *keys}
            assert "بوتين" in d["variants"]
        art = c.get("/api/article/ru-ir-2021").json()
        assert "test:putin" in {g["key"] for g in art["entities"]}
        f = c.get("/api/search", params={"q": "روسيا"}).json()["facets"]
        assert "test:putin" in {e["key"] for e in f["entity"]}
        assert c.get("/api/entities").json()["items"][0]["key"] == "test:putin"
        co = c.get("/api/entity/" + quote(raisi, safe="")).json()["co_mentions"]
        assert "test:putin" in {n["key"] for n in co["nodes"]}
        a = c.get("/api/attention", params={"entity": sorted(keys)[0]}).json()
        assert a["series"][0]["entity"] == "test:putin" and a["series"][0]["total"] == 3
        hits = c.get("/api/search", params={"entity": "test:putin", "collapse": "false"}).json()
        assert {h["id"] for h in hits["hits"]} == {"ru-ir-2021", "ru-ir-2021-copy", "ru-ir-later"}
        # the entity's number as `marsad entities` lists it, as the CLI's --entity takes it
        hits = c.get("/api/search", params={"entity": "#999", "collapse": "false"}).json()
        assert {h["id"] for h in hits["hits"]} == {"ru-ir-2021", "ru-ir-2021-copy", "ru-ir-later"}
        assert c.get("/api/entity/" + quote("#999", safe="")).json()["key"] == "test:putin"
        hits = c.get("/api/search", params={"q": "روسيا", "entity": sorted(keys)[-1], "collapse": "false"}).json()
        assert {h["id"] for h in hits["hits"]} == {"ru-ir-2021", "ru-ir-2021-copy", "ru-ir-later"}


def test_story_thread_and_copy_tables_are_shown_when_present(tmp_path):
    """With the corpus tables (stories, threads, copy_groups, copy_edges), pages show their rows."""
    import sqlite3

    from fastapi.testclient import TestClient

    import marsad
    from conftest import COPY_GROUP_ID, STORY_ID, build_archive
    from marsad.store.queries import columns
    from marsad.web.app import create_app

    info = build_archive(tmp_path / "corpus.db")
    with marsad.open(info["path"]) as arc:
        src, dst = arc.rowid_of("ru-ir-2021"), arc.rowid_of("ru-ir-2021-copy")
        have = all(columns(arc.con, t) for t in ("stories", "threads", "copy_groups", "copy_edges"))
    if not have:
        pytest.skip("the copies/stories migration has not landed")
    con = sqlite3.connect(info["path"])
    con.execute("INSERT OR REPLACE INTO threads (thread, first_day, last_day, stories) VALUES (41, '2021-09-14', '2021-11-02', 1)")
    con.execute("INSERT OR REPLACE INTO stories (story, first_day, last_day, size, thread, terms) VALUES (?, '2021-09-14', '2021-11-02', 3, 41, ?)",
                (STORY_ID, '["بوتين", "رئيسي"]'))
    con.execute("INSERT OR REPLACE INTO copy_groups (grp, first, agency, size) VALUES (?, ?, 'سبوتنيك', 2)", (COPY_GROUP_ID, src))
    con.execute("INSERT OR REPLACE INTO copy_edges (dst, src, grp, jaccard, added, removed) VALUES (?, ?, ?, 0.97, 0.02, 0)",
                (dst, src, COPY_GROUP_ID))
    con.commit()
    con.close()
    with TestClient(create_app(info["path"])) as c:
        d = c.get("/api/article/ru-ir-2021-copy").json()["links"]
        assert d["copied_from"]["id"] == "ru-ir-2021" and d["group"]["agency"] == "سبوتنيك"
        assert d["thread"] == 41
        page = c.get("/article/ru-ir-2021-copy").text
        assert 'id="copied-from"' in page and 'href="/thread/41"' in page
        st = c.get(f"/api/story/{STORY_ID}").json()
        assert st["thread"] == 41 and st["row"]["terms"] == ["بوتين", "رئيسي"]
        assert "رئيسي" in c.get(f"/story/{STORY_ID}").text
        th = c.get("/api/thread/41").json()
        assert [s["id"] for s in th["stories"]] == [STORY_ID] and th["timeline"][0]["key"] == "2021-09-14"
        assert c.get("/thread/41").status_code == 200


def test_story_thread_and_group_numbers_are_written_whole(tmp_path):
    """A story, thread or copy group number is an identifier: the pages wrote «السلسلة 1,714» and
    «القصة 1,094» (a count's thousands separator) where the CLI prints and takes 1714 and the
    page's own link is /thread/1714. A count keeps its separator."""
    import sqlite3

    from fastapi.testclient import TestClient

    from conftest import STORY_ID, build_archive
    from marsad.web.app import create_app

    info = build_archive(tmp_path / "ids.db")
    con = sqlite3.connect(info["path"])
    src = con.execute("SELECT rowid FROM articles WHERE id = 'ru-ir-2021'").fetchone()[0]
    con.execute("DELETE FROM stories WHERE story = ?", (STORY_ID,))
    con.execute("UPDATE articles SET story = 1094, copy_group = 2048 WHERE story = ?", (STORY_ID,))
    con.execute("INSERT OR REPLACE INTO threads (thread, first_day, last_day, stories) VALUES (1714, '2021-09-14', '2021-11-02', 1)")
    con.execute("INSERT OR REPLACE INTO stories (story, first_day, last_day, size, thread, terms) "
                "VALUES (1094, '2021-09-14', '2021-11-02', 3, 1714, '[\"بوتين\"]')")
    con.execute("INSERT OR REPLACE INTO copy_groups (grp, first, agency, size) VALUES (2048, ?, 'سبوتنيك', 2)", (src,))
    con.commit()
    con.close()
    for digits, shown, grouped in (("western", "1094", "1,094"), ("eastern", "١٠٩٤", "١٬٠٩٤")):
        with TestClient(create_app(info["path"]), cookies={"marsad_digits": digits}) as c:
            article = c.get("/article/ru-ir-2021").text
            assert 'href="/thread/1714"' in article
            assert shown.replace("١٠٩٤", "١٧١٤").replace("1094", "1714") in article
            story = c.get("/story/1094").text
            assert shown in story and grouped not in story
            assert "2048" in story or "٢٠٤٨" in story
            for page in (article, story, c.get("/search?q=%D8%A8%D9%88%D8%AA%D9%8A%D9%86").text,
                         c.get("/thread/1714").text, c.get("/threads?min_stories=1").text):
                assert "1,714" not in page and "١٬٧١٤" not in page and grouped not in page


def test_stories_page_orders_and_filters_as_the_cli(tmp_path):
    """/stories listed stories by size then number (the CLI: size, then sources) with no period
    or smallest size; it now takes the CLI's from, to and min_size and its order."""
    from fastapi.testclient import TestClient

    import marsad
    from conftest import set_story
    from marsad.runners.local import IngestOptions
    from marsad.web.app import create_app

    db = tmp_path / "st.db"
    rows = [  # story 1: 2 articles, 1 source, days 10-11; story 2: 2 articles, 2 sources, day 12; 3: one
        ("s1a", "one", "2021-03-10", 1, "افتتح المعرض الدولي للكتاب أبوابه للزوار"),
        ("s1b", "one", "2021-03-11", 1, "ارتفعت أسعار الذهب في الأسواق العالمية"),
        ("s2a", "one", "2021-03-12", 2, "فاز الفريق المحلي في المباراة النهائية للبطولة"),
        ("s2b", "two", "2021-03-12", 2, "هطلت أمطار غزيرة على المناطق الجبلية"),
        ("s3a", "two", "2021-03-13", 3, "أعلنت الوزارة عن خطة جديدة لتطوير التعليم")]
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(orjson.dumps({"id": i, "source": so, "date": day + "T10:00:00", "title": text[:20],
                                           "text": text}) + b"\n" for i, so, day, _s, text in rows))
    arc = marsad.open(db)
    arc.ingest([str(src)], options=IngestOptions(workers=1))
    arc._writer.execute("DELETE FROM stories")  # the stories as this test wants them (the clusterer's are its own)
    for story in (1, 2, 3):
        set_story(arc, story, [i for i, _so, _day, s, _t in rows if s == story])
    arc.close()
    with TestClient(create_app(db)) as c:
        ids = lambda **p: [s["id"] for s in c.get("/api/stories", params=p).json()["items"]]  # noqa: E731
        assert ids() == [2, 1, 3]
        assert c.get("/api/stories").json()["items"][0]["sources"] == 2
        assert ids(min_size=2) == [2, 1]
        assert ids(**{"from": "2021-03-12"}) == [2, 3]
        assert ids(to="2021-03-11") == [1]
        assert ids(**{"from": "2021-03-11", "to": "2021-03-12", "min_size": 2}) == [2, 1]
        bad = c.get("/api/stories", params={"from": "2021-13-01"})
        assert bad.status_code == 400 and "is not a date" in bad.json()["error"]["message"]
        page = c.get("/stories", params={"min_size": 5})
        assert page.status_code == 200 and 'id="no-stories"' in page.text and "stories-form" in page.text


_EVENTS = [  # id, source, day, title, text: three reports of a quake, two of a rate rise, two alone
    ("q1", "وكالة الشرق", "2022-05-02", "زلزال بقوة 6 درجات يضرب جنوب تركيا",
     "ضرب زلزال بقوة ست درجات على مقياس ريختر جنوب تركيا فجر الاثنين، وقالت هيئة إدارة الكوارث التركية "
     "إن الزلزال أدى إلى انهيار مبان في ولاية هاتاي وإصابة العشرات."),
    ("q2", "صحيفة الغد", "2022-05-02", "انهيار مبان في هاتاي بعد زلزال قوي",
     "أعلنت هيئة إدارة الكوارث في تركيا أن زلزالا قويا بلغت قوته ست درجات هز ولاية هاتاي جنوب البلاد، "
     "ما تسبب في انهيار عدد من المباني وإصابة عشرات السكان."),
    ("q3", "موقع النهار", "2022-05-03", "ارتفاع عدد المصابين في زلزال هاتاي",
     "ارتفع عدد المصابين جراء الزلزال الذي ضرب ولاية هاتاي جنوب تركيا إلى مئة وعشرين مصابا، بحسب هيئة "
     "إدارة الكوارث التركية التي تواصل أعمال البحث تحت أنقاض المباني المنهارة."),
    ("e1", "وكالة الشرق", "2022-05-04", "البنك المركزي يرفع سعر الفائدة",
     "قرر البنك المركزي المصري رفع سعر الفائدة على الإيداع والإقراض بمقدار نقطتين مئويتين في اجتماع "
     "لجنة السياسة النقدية يوم الخميس لمواجهة التضخم."),
    ("e2", "موقع النهار", "2022-05-04", "المركزي المصري يرفع الفائدة نقطتين",
     "رفعت لجنة السياسة النقدية في البنك المركزي المصري سعر الفائدة على الإيداع والإقراض نقطتين مئويتين، "
     "في خطوة تهدف إلى كبح التضخم المتصاعد."),
    ("f1", "صحيفة الغد", "2022-05-06", "افتتاح معرض الكتاب في الرياض",
     "افتتح معرض الرياض الدولي للكتاب أبوابه أمام الزوار بمشاركة أكثر من ألف دار نشر من ثلاثين دولة، "
     "ويستمر المعرض عشرة أيام."),
    ("g1", "وكالة الشرق", "2022-05-07", "الهلال يفوز بكأس الملك",
     "فاز نادي الهلال على نادي النصر بهدفين مقابل هدف في المباراة النهائية لكأس الملك التي أقيمت في جدة "
     "مساء السبت."),
]


@pytest.fixture(scope="module")
def events_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive of :data:`_EVENTS` through the whole pipeline, ingested once for the tests
    that only read it."""
    import marsad
    from marsad.runners.local import IngestOptions

    tmp = tmp_path_factory.mktemp("events")
    src = tmp / "in.jsonl"
    src.write_bytes(b"".join(orjson.dumps({"id": i, "source": so, "date": day + "T10:00:00", "title": title,
                                           "text": text}) + b"\n" for i, so, day, title, text in _EVENTS))
    with marsad.open(tmp / "ev.db") as arc:
        arc.ingest([str(src)], options=IngestOptions(workers=1))
    return tmp / "ev.db"


def test_story_titles_are_read_in_one_scan(events_db):
    """The search page's story facet and a thread's page called ``story_brief`` per story, a
    scan of its titled members each; ``views.story_titles`` titles them all in one query, with
    the titles ``story_brief`` gives (the first publisher's headline)."""
    from fastapi.testclient import TestClient

    import marsad
    from marsad.corpus import views
    from marsad.store import queries as sq
    from marsad.web.app import create_app

    with marsad.open(events_db) as arc:
        stories = [int(r[0]) for r in arc.con.execute("SELECT story FROM stories")]
        threads = [int(r[0]) for r in arc.con.execute("SELECT thread FROM threads")]
        want = {s: sq.story_brief(arc.con, s)["title"] for s in stories}
        queries: list[str] = []
        arc.con.set_trace_callback(queries.append)
        assert views.story_titles(arc, stories) == want
        arc.con.set_trace_callback(None)
    assert len(queries) == 1 and len(stories) >= 3 and all(want.values()) and threads
    with TestClient(create_app(events_db)) as c:
        facet = c.get("/api/search", params={"q": "زلزال"}).json()["facets"]["story"]
        assert facet and [f["title"] for f in facet] == [want[int(f["key"])] for f in facet]
        for t in threads:
            th = c.get(f"/api/thread/{t}").json()
            assert th["stories"] and [s["title"] for s in th["stories"]] == [want[s["id"]] for s in th["stories"]]
            assert th["title"] == th["stories"][0]["title"]  # the threads table has no title of its own
            assert all(s["articles"] >= 1 and s["first"] and s["row"]["thread"] == t for s in th["stories"])


def test_stories_page_lists_the_clusterers_stories_as_the_cli(events_db, capsys):
    """/stories reads the stories the clusterer stored: the order, counts and days of
    ``marsad stories``, page after page, each page in two queries."""
    from fastapi.testclient import TestClient

    import marsad
    from marsad.cli.main import main
    from marsad.corpus.views import story_briefs
    from marsad.web.app import create_app

    db = events_db
    with marsad.open(db) as arc:
        queries: list[str] = []
        arc.con.set_trace_callback(queries.append)
        assert len(story_briefs(arc, min_size=1)) >= 3 and len(queries) == 2
        arc.con.set_trace_callback(None)

    def cli(*args: str) -> list[tuple]:
        capsys.readouterr()
        assert main(["stories", "--archive", str(db), "--json", "--limit", "50", *args]) == 0
        rows = [orjson.loads(x) for x in capsys.readouterr().out.splitlines()]
        return [(r["story"], r["size"], r["sources"], r["first_day"], r["last_day"], r["first"]["title"])
                for r in rows]

    with TestClient(create_app(db)) as c:
        def web(**params: Any) -> list[tuple]:
            items = c.get("/api/stories", params=params).json()["items"]
            return [(s["id"], s["articles"], s["sources"], s["first"], s["last"], s["title"]) for s in items]

        every = cli("--min-size", "1")
        assert len(every) >= 3 and max(r[1] for r in every) >= 2  # stories of several articles, and alone
        assert web() == every
        assert web(min_size=2) == cli("--min-size", "2") and len(web(min_size=2)) < len(every)
        assert web(**{"from": "2022-05-04"}) == cli("--min-size", "1", "--from", "2022-05-04") != every
        assert web(to="2022-05-03", min_size=2) == cli("--to", "2022-05-03") != []
        assert web(limit=2) + web(limit=2, offset=2) + web(limit=2, offset=4) == every
        page = c.get("/stories").text
        titles = [r[5] for r in every]
        assert all(t in page for t in titles) and sorted(titles, key=page.index) == titles


def test_threads_page_lists_the_threads_as_the_cli(events_db, capsys):
    """The web had a page per thread but none listing them (``marsad threads`` did): /threads
    gives the CLI's threads in its order, with their days, words and biggest story, and the
    navigation links it."""
    from fastapi.testclient import TestClient

    from marsad.cli.main import main
    from marsad.web.app import create_app

    db = events_db

    def cli(*args: str) -> list[dict[str, Any]]:
        capsys.readouterr()
        assert main(["threads", "--archive", str(db), "--json", *args]) == 0
        return [orjson.loads(x) for x in capsys.readouterr().out.splitlines()]

    with TestClient(create_app(db)) as c:
        every = cli("--min-stories", "1", "--limit", "50")
        assert every, "the fixture's stories have threads"
        got = c.get("/api/threads", params={"min_stories": 1, "limit": 50}).json()
        assert got["filters"] == {"min_stories": 1} and got["items"] == every
        assert c.get("/api/threads").json()["items"] == cli()  # the CLI's defaults: 2 stories, 20
        page = c.get("/threads", params={"min_stories": 1}).text
        assert 'id="thread-table"' in page and 'href="/threads"' in page
        for r in every:  # a thread of one story or more has a biggest story, linked with its title
            assert f'href="/thread/{r["thread"]}"' in page
            assert r["top_story"] is not None and f'href="/story/{r["top_story"]["story"]}"' in page
            assert r["top_story"]["first"]["title"] in page
        empty = c.get("/threads", params={"min_stories": 1000})
        assert empty.status_code == 200 and 'id="no-threads"' in empty.text
        assert c.get("/api/threads", params={"min_stories": 0}).status_code in (400, 422)


def test_day_range_checks_the_period_of_a_request():
    from marsad.errors import QueryError
    from marsad.web.queries import day_range, make_filters

    assert day_range("", None) == (None, None)
    assert day_range("2021-03", "2021-03") == ("2021-03", "2021-03\uffff")  # a month to its end
    assert day_range("2021-03-02", "2021-03-02") == ("2021-03-02", "2021-03-02")
    for args, says in ((("2021-13-01", ""), "from='2021-13-01' is not a date"),
                       (("", "2021-02-30"), "to='2021-02-30' is not a date"),
                       (("2021-04", "2021-03"), "from 2021-04 is after to 2021-03")):
        with pytest.raises(QueryError, match=says):
            day_range(*args)
    f = make_filters(date_from="2021", date_to="2021")
    assert (f.date_from, f.date_to) == ("2021", "2021\uffff")


def test_the_story_and_search_pages_mark_a_crawl_time(tmp_path):
    """A story's members dated by their crawl time (ingest --date-is-crawl-time) were listed as
    if published then; the page marks the time * and says what it is, and the JSON gives each
    member's published_at_source, as `marsad story` does."""
    from fastapi.testclient import TestClient

    import marsad
    from marsad.ingest.readers import FieldMap
    from marsad.web.app import create_app

    body = "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة سوسة بطاقة مئتي سرير لخدمة سكان الجهة."
    src = tmp_path / "crawl.jsonl"
    src.write_bytes(b"".join(orjson.dumps({"id": f"c{i}", "source": s, "date": f"2024-03-05 1{i}:00:00",
                                           "title": "افتتاح مستشفى جديد في سوسة", "text": body}) + b"\n"
                             for i, s in enumerate(("صحيفة الساحل", "إذاعة الوادي"))))
    with marsad.open(tmp_path / "c.db") as arc:
        arc.ingest([src], fields=FieldMap(date_kind="crawl"), options=marsad.api.IngestOptions(workers=1))
        story = {r["id"]: r["story"] for r in arc.iter_rows(columns=["id", "story"])}["c0"]
    with TestClient(create_app(str(tmp_path / "c.db"))) as c:
        members = c.get(f"/api/story/{story}").json()["members"]
        assert {m["published_at_source"] for m in members} == {"crawl"}
        page = c.get(f"/story/{story}", params={"lang": "en"}).text
        assert page.count('<span class="crawl"') == len(members) >= 1
        assert "a crawl time: the article was out by then" in page
        # the search page and its JSON too, a word search and a filter alone
        for params in ({"q": "مستشفى", "collapse": "false"}, {"source": "صحيفة الساحل"}):
            hits = c.get("/api/search", params=params).json()["hits"]
            assert hits and {h["published_at_source"] for h in hits} == {"crawl"}
            page = c.get("/search", params={**params, "lang": "en"}).text
            assert page.count('<span class="crawl"') == len(hits)
            assert "a crawl time: the article was out by then" in page


def test_a_collapsed_search_counts_its_hits_as_the_cli_does(client, web_archive, capsys, tmp_path):
    """The web said «N results» over N-1 hits when two matching articles were copies (the total
    counted articles, the page copy groups), where `marsad search --collapse-copies` said «N-1
    texts match». The total counts the hits; ``articles`` the matching articles."""
    from marsad.cli.main import main

    d = client.get("/api/search", params={"q": "روسيا", "limit": 100}).json()
    full = client.get("/api/search", params={"q": "روسيا", "collapse": "false", "limit": 100}).json()
    assert d["total"] == len(d["hits"]) == full["total"] - 1 and d["articles"] == full["total"]
    assert "articles" not in full
    capsys.readouterr()
    assert main(["search", "--archive", str(web_archive["path"]), "روسيا", "--collapse-copies"]) == 0
    assert capsys.readouterr().out.startswith(f"{d['total']} texts match «روسيا»")
    html = client.get("/search", params={"q": "روسيا", "lang": "en", "digits": "western"}).text
    assert (f'<strong class="total">{d["total"]}</strong> results <span id="folded">({full["total"]} articles, '
            "each text&#39;s copies in one result)</span>") in html
    # the same without the postings index (an archive before it, or behind it): the FTS path
    import shutil
    import sqlite3

    from fastapi.testclient import TestClient

    from marsad.web.app import create_app

    db = tmp_path / "behind.db"
    shutil.copy(web_archive["path"], db)
    with sqlite3.connect(db) as con:
        con.execute("DELETE FROM postings_state WHERE key='upto'")
    with TestClient(create_app(db)) as c:
        fts = c.get("/api/search", params={"q": "روسيا", "limit": 100}).json()
        assert (fts["total"], fts["articles"], len(fts["hits"])) == (d["total"], d["articles"], d["total"])
