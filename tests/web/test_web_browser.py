"""The web UI in a real browser: Debian's headless Chromium driven by Playwright.

Starts ``marsad serve`` on a loopback port over the fixture archive, clicks search → article →
entity → story, checks the right-to-left layout, the vendored font and the charts, and that the
hostile articles stay inert. Screenshots go to ``test-output/screenshots/``. Any request to a
host other than the test server is blocked and fails the test (no CDN, nothing external).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from conftest import XSS_ENTITY

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
TIMEOUT = 30_000  # ms; generous, the CI machine has two cores shared with the server


@pytest.fixture(scope="module")
def server(live_server):
    return live_server


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium; `make test` installs it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
            "--disable-component-update", "--disable-dev-shm-usage"])
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    pg = ctx.new_page()
    pg.set_default_timeout(TIMEOUT)
    pg.external = []  # type: ignore[attr-defined]
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]
    host = urlsplit(server).netloc

    def guard(route):
        url = route.request.url
        if urlsplit(url).netloc != host and not url.startswith("data:"):
            pg.external.append(url)
            route.abort()
        else:
            route.continue_()

    pg.route("**/*", guard)

    def on_dialog(d):
        pg.dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    assert pg.external == [], f"the page tried to reach other hosts: {pg.external}"
    assert pg.errors == [], f"JavaScript errors: {pg.errors}"
    ctx.close()


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _chart_series(pg, selector: str) -> int:
    pg.wait_for_selector(f"{selector}[data-ready='1']", timeout=TIMEOUT)
    return pg.evaluate(
        "(sel) => { const el = document.querySelector(sel); const c = echarts.getInstanceByDom(el);"
        " const box = el.querySelector('canvas').getBoundingClientRect();"
        " return box.width > 100 && box.height > 100 ? c.getOption().series.length : -1; }", selector)


def test_search_article_entity_story_click_through(page, server):
    page.goto(server + "/search")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    page.fill("#q", "روسيا إيران")
    page.press("#q", "Enter")
    # to the results page's load event: its layout is read below with the stylesheet applied (read
    # before, the facets and the results both stood at the body's margin, x = 8, once in 40 runs)
    page.wait_for_url("**/search?q=**", wait_until="load")
    page.wait_for_selector("ol.hits li.hit")
    # right-to-left layout: the search box sits right of the button, facets right of results
    box = page.locator("#q").bounding_box()
    btn = page.locator("form.searchbar button").bounding_box()
    assert box["x"] > btn["x"]
    facets = page.locator("aside.facets").bounding_box()
    results = page.locator("section.results").bounding_box()
    assert facets["x"] > results["x"]
    # the shipped Arabic font is the one drawing the page
    page.evaluate("document.fonts.ready")
    assert page.evaluate("[...document.fonts].some(f => f.family.includes('Noto Naskh Arabic') && f.status === 'loaded')")
    assert page.locator("mark").count() > 0
    shot(page, "01-search")

    page.click("a.title[href='/article/ru-ir-2020']")
    page.wait_for_selector("#article-body")
    page.go_back()
    link = page.locator("a.title[href^='/article/ru-ir-2021']").first
    link.click()
    page.wait_for_selector("#article-body")
    putin = page.locator("#article-body a.m-PER", has_text="بوتين").first
    assert putin.is_visible()
    assert page.locator("#article-body a.m-PER", has_text="رئيسي").count() >= 1
    assert page.locator("#article-body .tx").count() >= 2
    assert "2021-09-17" in page.inner_text("#timex-panel")
    # removed debris is hidden until asked for
    debris = page.locator("#article-body .rm").first
    assert not debris.is_visible()
    page.check("#show-debris")
    assert debris.is_visible()
    shot(page, "02-article")

    putin.click()
    page.wait_for_url("**/entity/**")
    assert _chart_series(page, "#timeline-chart") == 1
    assert _chart_series(page, "#network-chart") == 1
    names = page.inner_text("#names")
    assert "فلاديمير بوتين" in names and "بوتين" in names
    shot(page, "03-entity")

    page.go_back()
    page.click("#story-link")
    page.wait_for_url("**/story/**")
    assert page.locator("#members li").count() == 3
    assert "وكالة سبوتنيك" in page.inner_text("#copy-groups")
    assert _chart_series(page, "#story-chart") == 1
    shot(page, "04-story")


def test_charts_wait_out_a_window_of_no_size(page, server):
    """A window may be 1x1 for a moment (a headless browser setting its viewport goes through
    it: the click-through test failed so about once in 100 runs), which leaves the chart boxes
    0 wide. ECharts' graph, resized to that, threw "Cannot read properties of null (reading
    '0')" (its view's transform has no inverse); the charts wait it out and follow the window's
    next size. The page fixture fails the test on any JavaScript error."""
    page.goto(server + "/api/article/ru-ir-2021")
    key = next(m["entity"] for m in page.evaluate("JSON.parse(document.body.innerText)")["mentions"]
               if m["text"] == "فلاديمير بوتين")
    page.goto(server + "/entity/" + quote(key, safe=""))
    assert _chart_series(page, "#network-chart") == 1
    page.set_viewport_size({"width": 1, "height": 1})
    # predicates as functions: Playwright compiles a function once, while it polls a bare
    # expression through the page's eval, which the pages' CSP (script-src 'self') forbids —
    # a predicate not true at its first look then failed with an EvalError
    page.wait_for_function("() => document.querySelector('#network-chart').clientWidth === 0")
    page.set_viewport_size({"width": 900, "height": 900})
    drawn = ("(sel) => { const w = document.querySelector(sel + ' canvas').getBoundingClientRect().width;"
             " return w > 100 && w < 900; }")
    for sel in ("#network-chart", "#timeline-chart"):
        page.wait_for_function(drawn, arg=sel)
    assert page.errors == []


def test_attention_chart_shows_series_side_by_side(page, server):
    page.goto(server + "/api/article/ru-ir-2021")
    key = next(m["entity"] for m in page.evaluate("JSON.parse(document.body.innerText)")["mentions"]
               if m["text"] == "فلاديمير بوتين")
    page.goto(server + "/attention?q=" + quote("روسيا") + "&q=" + quote("النفط") + "&entity=" + quote(key, safe=""))
    assert _chart_series(page, "#attention-chart") == 3
    assert page.locator("#series-table tbody tr").count() == 3
    shot(page, "05-attention")


def test_hostile_articles_stay_inert(page, server):
    urls = ["/article/xss-1", "/search?q=" + quote("شيفرة"), "/search", "/article/xss-entity",
            "/entity/" + quote(XSS_ENTITY, safe=""), "/entities", "/overview"]
    for u in urls:
        page.goto(server + u)
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)
        assert page.evaluate("typeof window.__xss") == "undefined", u
    page.goto(server + "/article/xss-1")
    body = page.inner_text("#article-body")
    assert "<script>" in body and "onerror=" in body  # shown as text
    assert page.locator("#article-body img, #article-body svg, #article-body script").count() == 0
    page.hover("dd[dir=auto] >> nth=0")
    page.click(".unsafe-url")
    page.wait_for_timeout(300)
    shot(page, "06-xss-inert")
    page.goto(server + "/entity/" + quote(XSS_ENTITY, safe=""))
    page.wait_for_timeout(500)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_english_interface_and_eastern_digits(page, server):
    page.goto(server + "/search?q=" + quote("النفط"))
    assert page.inner_text("strong.total") == "30"
    page.click("#digits-eastern")
    page.wait_for_selector("strong.total")
    assert page.inner_text("strong.total") == "٣٠"
    page.click("#lang-toggle")
    page.wait_for_selector("html[lang=en]")
    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert "results" in page.inner_text("p.summary")
    assert page.locator(".snippet[dir=rtl]").count() > 0  # article text stays right-to-left
    shot(page, "07-english-eastern-digits")
    page.click("#lang-toggle")
    page.click("#digits-western")
    page.wait_for_selector("html[lang=ar]")
    assert page.inner_text("strong.total") == "30"
