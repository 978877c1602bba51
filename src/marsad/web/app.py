"""The analyst's web UI and HTTP API: one ASGI app over one archive.

Every HTML page ``/x`` has a JSON twin ``/api/x`` built from the same data function (see
:func:`twin`), so the two cannot drift. The JSON API is documented by OpenAPI at
``/openapi.json`` (no ``/docs`` page: FastAPI's loads its assets from a CDN). Errors are JSON ``{"error": {"status", "code",
"message"}}`` on ``/api`` (and for clients that ask for JSON); HTML pages show the same message
with the same status code.

Safety: article text, titles and URLs come from the open web, so templates autoescape and the
text renderer escapes each piece (``web/render.py``); a Content-Security-Policy allows scripts
only from this server's ``/static`` (no inline script runs even if escaping were bypassed);
static files are served by Starlette's ``StaticFiles`` (no path traversal); no parameter is
ever used as a file path.
"""

import inspect
import logging
import os
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

import anyio.to_thread
import orjson
from fastapi import FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

import marsad
from marsad.errors import ArchiveError, MarsadError, NotFoundError, QueryError
from marsad.web import i18n
from marsad.web.cache import ResponseCache
from marsad.web.export import export_stream
from marsad.web.queries import Pages, archive_state, make_filters
from marsad.web.render import entity_href, render_snippet, render_text, safe_url

HERE = Path(__file__).resolve().parent
log = logging.getLogger("marsad.web")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]

Q = Annotated[str, Query(max_length=2000, description="search query: words (all must match), "
                                                     '"a phrase", a OR b, -word to exclude')]
Sources = Annotated[list[str], Query(max_length=20, description="only these outlets (repeatable)")]
DateP = Annotated[str, Query(max_length=10, description="YYYY-MM-DD (or YYYY-MM, YYYY)")]
Limit = Annotated[int, Query(ge=1, le=100, description="results per page")]
Offset = Annotated[int, Query(ge=0, le=100_000)]
Key = Annotated[str, Query(max_length=300)]

ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC", "NORP", "MISC")


class JSON(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, default=str, option=orjson.OPT_NON_STR_KEYS)


class SecurityHeaders:
    """Pure ASGI middleware adding the security headers to every response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


# --- templates and preferences ----------------------------------------------------------------


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                      autoescape=select_autoescape(["html"], default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(render_text=render_text, render_snippet=render_snippet,
                       entity_href=entity_href, safe_url=safe_url)
    return env


def prefs(request: Request) -> tuple[str, str]:
    lang = request.query_params.get("lang") or request.cookies.get("marsad_lang") or "ar"
    digits = request.query_params.get("digits") or request.cookies.get("marsad_digits") or "western"
    return (lang if lang in i18n.LANGS else "ar", digits if digits in i18n.DIGITS else "western")


def _wants_json(request: Request) -> bool:
    if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _safe_next(nxt: str) -> str:
    if not nxt.startswith("/") or nxt.startswith("//") or "\\" in nxt or any(ord(c) < 32 for c in nxt):
        return "/search"
    return nxt


# --- the app ----------------------------------------------------------------------------------


def create_app(archive: str | Path, *, readonly: bool = True, threads: int = 0) -> FastAPI:
    """The ASGI app serving ``archive`` (opened read-only unless ``readonly=False``).

    ``threads`` bounds the worker threads that run queries (default ``MARSAD_THREADS`` or 8):
    a few threads finish a burst of cold queries sooner than forty thrashing two cores.
    """
    arc = marsad.open(archive, readonly=readonly)
    pages = Pages(arc)
    env = _env()
    n_threads = threads or int(os.environ.get("MARSAD_THREADS", "8"))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = n_threads
        # warm the landing page (the archive's facets) while the first visitor is on the way
        threading.Thread(target=_warm, args=(pages,), daemon=True, name="marsad-warm").start()
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="marsad", version=marsad.__version__ if hasattr(marsad, "__version__") else "0.1.0",
        description="The HTTP API of an Arabic news archive. Every HTML page /x has this JSON twin /api/x.",
        default_response_class=JSON, docs_url=None, redoc_url=None,  # their pages load a CDN
    )
    app.state.archive = arc
    app.state.pages = pages
    app.add_middleware(SecurityHeaders)
    app.add_middleware(ResponseCache, state=lambda: archive_state(arc))  # outermost
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    twins: list[tuple[str, str]] = []
    app.state.twins = twins

    def html(request: Request, template: str, data: dict[str, Any], status: int = 200) -> HTMLResponse:
        lang, digits = prefs(request)
        t = i18n.translator(lang)
        qs = request.url.query
        path = quote(request.url.path, safe="/:@!$'()*+,;=-._~")
        ctx = {
            "request": request, "data": data, "lang": lang, "digits": digits, "t": t,
            "n": lambda v: i18n.digits(v, digits), "dir": "rtl" if lang == "ar" else "ltr",
            "ident": lambda v: i18n.digits(v, digits, grouped=False),
            "counted": lambda v, noun: i18n.counted(v, noun, lang, digits),
            "noun_for": lambda v, noun: i18n.noun_for(v, noun, lang),
            "path": request.url.path, "query_string": qs,
            "api_url": ("/api" + path + (("?" + qs) if qs else "")) if status == 200 else None,
            "self_url": path + (("?" + qs) if qs else ""),
            "url_with": lambda **kw: _url_with(request, **kw), "urlencode": urlencode,
        }
        return HTMLResponse(env.get_template(template).render(ctx), status_code=status)

    def twin(path: str, template: str, *, summary: str) -> Callable[[Callable[..., dict[str, Any]]], None]:
        """Register ``fn`` as ``GET /api{path}`` (JSON) and ``GET {path}`` (HTML from ``template``)."""

        def deco(fn: Callable[..., dict[str, Any]]) -> None:
            sig = inspect.signature(fn)

            def json_endpoint(**kw: Any) -> JSON:
                return JSON(fn(**kw))

            def html_endpoint(**kw: Any) -> HTMLResponse:
                return html(kw["request"], template, fn(**kw))

            for ep in (json_endpoint, html_endpoint):
                ep.__signature__ = sig  # type: ignore[attr-defined,union-attr]
                ep.__doc__ = fn.__doc__
            app.add_api_route("/api" + path, json_endpoint, methods=["GET"], summary=summary,
                              description=fn.__doc__ or "", response_class=JSON)
            app.add_api_route(path, html_endpoint, methods=["GET"], include_in_schema=False,
                              response_class=HTMLResponse)
            twins.append((path, "/api" + path))

        return deco

    # --- pages (each with its JSON twin) -------------------------------------------------------

    @twin("/search", "search.html", summary="Search articles, with facets")
    def search(request: Request, q: Q = "", source: Sources = [], date_from: Annotated[str, Query(alias="from", max_length=10)] = "",  # noqa: B006
               date_to: Annotated[str, Query(alias="to", max_length=10)] = "", entity: Key = "",
               story: Annotated[int | None, Query(ge=0)] = None, mentions_date: Annotated[str, Query(max_length=20)] = "",
               language: Annotated[str, Query(max_length=10)] = "", limit: Limit = 20, offset: Offset = 0,
               collapse: Annotated[bool, Query(description="one hit per copy group")] = True) -> dict[str, Any]:
        """Full-text search (Arabic-aware: clitics, hamza forms, plurals) with filters and facets
        (source, month, entity, story). Without ``q``, lists the filtered articles, newest first.
        Copies of one article are collapsed into one hit unless ``collapse=false``."""
        f = make_filters(sources=source, date_from=date_from, date_to=date_to, entity=entity,
                         story=story, mentions_date=mentions_date, language=language)
        return pages.search(q=q, filters=f, limit=limit, offset=offset, collapse=collapse)

    @twin("/article/{article_id:path}", "article.html", summary="One article with all its annotations")
    def article(request: Request, article_id: Annotated[str, PathParam(max_length=500)]) -> dict[str, Any]:
        """The original text with every span (debris, dateline, time expressions, mentions,
        events; offsets index ``text``), publication-date provenance, copies and story."""
        return pages.article(article_id)

    @twin("/entity/{key:path}", "entity.html", summary="One entity: names, timeline, co-mentions, articles")
    def entity(request: Request, key: Annotated[str, PathParam(max_length=300)], limit: Limit = 20,
               offset: Offset = 0) -> dict[str, Any]:
        """An entity by key: registry names and variants, the spellings found in the archive,
        mentions per month, co-mentioned entities (a network) and the articles mentioning it."""
        return pages.entity(key, limit=limit, offset=offset)

    @twin("/entities", "entities.html", summary="The most mentioned entities")
    def entities(request: Request, type: Annotated[str, Query(max_length=20)] = "",  # noqa: A002
                 prefix: Annotated[str, Query(max_length=100)] = "", limit: Limit = 50,
                 offset: Offset = 0) -> dict[str, Any]:
        """Entities ordered by the number of articles mentioning them."""
        if type and type.upper() not in ENTITY_TYPES:
            raise QueryError(f"type={type[:20]!r} is not an entity type; use one of {', '.join(ENTITY_TYPES)}")
        return pages.entities(limit=limit, offset=offset, type=type.upper() or None, prefix=prefix or None)

    @twin("/story/{story_id}", "story.html", summary="One story: members, copy groups, timeline")
    def story(request: Request, story_id: Annotated[int, PathParam(ge=0)]) -> dict[str, Any]:
        """The articles reporting one event, their copy groups with the first publisher, and
        articles per day."""
        return pages.story(story_id)

    @twin("/stories", "stories.html", summary="The largest stories")
    def stories(request: Request, date_from: Annotated[str, Query(alias="from", max_length=10)] = "",
                date_to: Annotated[str, Query(alias="to", max_length=10)] = "",
                min_size: Annotated[int, Query(ge=1, le=100000, description="smallest story listed (articles)")] = 1,
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Stories ordered by size (articles, then sources), as ``marsad stories`` lists them:
        ``from`` keeps those still running on or after a day, ``to`` those begun on or before one."""
        return pages.stories(limit=limit, offset=offset, date_from=date_from, date_to=date_to, min_size=min_size)

    @twin("/events", "events.html", summary="Events of a period, each counted once")
    def events(request: Request, date_from: Annotated[str, Query(alias="from", max_length=10)] = "",
               date_to: Annotated[str, Query(alias="to", max_length=10)] = "",
               type: Annotated[list[str], Query(max_length=7, description="PLOVER types (repeatable)")] = [],  # noqa: A002,B006
               actor: Annotated[str, Query(max_length=200, description="a word of a source or target, or an entity key")] = "",
               place: Annotated[str, Query(max_length=200, description="a word of the place, or an entity key")] = "",
               source: Sources = [], limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:  # noqa: B006
        """Event groups (one real-world event however many reports) whose reports were published
        in the period: type, date, reports and articles, source → target, place, first report and
        story; most reported first."""
        return pages.events(date_from=date_from, date_to=date_to, types=type, actor=actor, place=place,
                            sources=source, limit=limit, offset=offset)

    @twin("/event/{key:path}", "event.html", summary="One event: its reports with their sentences")
    def event(request: Request, key: Annotated[str, PathParam(max_length=600)]) -> dict[str, Any]:
        """One event group by its key (``ARTICLE|TYPE|DAY``, as ``/events`` lists it): its summary and
        every report with its outlet, time, trigger and sentence."""
        return pages.event(key)

    @twin("/threads", "threads.html", summary="Threads: stories linked over time")
    def threads(request: Request,
                min_stories: Annotated[int, Query(ge=1, le=100000, description="smallest thread listed (stories)")] = 2,
                limit: Annotated[int, Query(ge=1, le=500)] = 20) -> dict[str, Any]:
        """Threads with the most stories, as ``marsad threads`` lists them: days, label words and
        the biggest story with its first publisher's title."""
        return pages.threads(min_stories=min_stories, limit=limit)

    @twin("/thread/{thread_id}", "thread.html", summary="One thread: its stories over time")
    def thread(request: Request, thread_id: Annotated[int, PathParam(ge=0)]) -> dict[str, Any]:
        """The stories of one development followed over time, and articles per day."""
        return pages.thread(thread_id)

    @twin("/attention", "attention.html", summary="Attention over time: several series side by side")
    def attention(request: Request, q: Annotated[list[str], Query(max_length=8)] = [],  # noqa: B006
                  entity: Annotated[list[str], Query(max_length=8)] = [],  # noqa: B006
                  by: Annotated[str, Query(pattern="^(month|day)$")] = "month",
                  source: Sources = [], date_from: Annotated[str, Query(alias="from", max_length=10)] = "",  # noqa: B006
                  date_to: Annotated[str, Query(alias="to", max_length=10)] = "") -> dict[str, Any]:
        """Matching articles per month (or day), one series per query ``q`` and per entity key
        ``entity`` (repeat either for several series)."""
        f = make_filters(sources=source, date_from=date_from, date_to=date_to)
        return pages.attention(queries=q, entities=entity, by=by, filters=f)

    @twin("/overview", "overview.html", summary="What the archive holds")
    def overview(request: Request) -> dict[str, Any]:
        """Counts of articles, sources, languages and annotations; the latest ingest runs."""
        return pages.overview()

    # --- JSON only ---------------------------------------------------------------------------

    @app.get("/api/counts", summary="Counts over time (or by source) for a query")
    def counts(q: Q = "", by: Annotated[str, Query(pattern="^(day|month|source)$")] = "month",
               source: Sources = [], entity: Key = "",  # noqa: B006
               date_from: Annotated[str, Query(alias="from", max_length=10)] = "",
               date_to: Annotated[str, Query(alias="to", max_length=10)] = "") -> JSON:
        """Matching articles per day, month or source."""
        f = make_filters(sources=source, date_from=date_from, date_to=date_to, entity=entity)
        rows = arc.counts(q or None, by=by, filters=f)
        return JSON({"query": q, "by": by, "counts": [{"key": k, "count": n} for k, n in rows]})

    @app.get("/api/comentions", summary="Entities co-mentioned with an entity")
    def comentions(entity: Annotated[str, Query(min_length=1, max_length=300)],
                   limit: Annotated[int, Query(ge=1, le=100)] = 25) -> JSON:
        """The entities most often mentioned in the same articles, and the links among them."""
        return JSON(pages.co_mentions(entity, limit=limit))

    @app.get("/api/export", summary="Export a table or a query's articles (JSONL or CSV)",
             response_class=StreamingResponse)
    def export(table: Annotated[str, Query(pattern="^(articles|spans|timexes|mentions|events|stories|threads)$")] = "articles",
               format: Annotated[str, Query(pattern="^(jsonl|csv|plover)$",  # noqa: A002
                                            description="plover: the events table as PLOVER-style JSON lines")] = "jsonl",
               q: Q = "", limit: Annotated[int, Query(ge=1, le=10_000)] = 1000) -> StreamingResponse:
        """Streams the whole table, or (with ``q``, articles only) the query's best ``limit`` hits."""
        body, media, name = export_stream(arc.path, table=table, fmt=format, q=q, limit=limit)
        return StreamingResponse(body, media_type=media,
                                 headers={"content-disposition": f'attachment; filename="{name}"'})

    @app.get("/api", summary="Index of the API")
    def api_index() -> JSON:
        return JSON({"name": "marsad", "openapi": "/openapi.json",
                     "pages": [{"html": h, "json": j} for h, j in twins],
                     "json_only": ["/api/counts", "/api/comentions", "/api/export"]})

    # --- plain routes --------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/search", status_code=307)

    @app.get("/prefs", include_in_schema=False)
    def set_prefs(lang: Annotated[str, Query(pattern="^(ar|en)$")] = "",
                  digits: Annotated[str, Query(pattern="^(eastern|western)$")] = "",
                  next: Annotated[str, Query(max_length=2000)] = "/search") -> RedirectResponse:  # noqa: A002
        resp = RedirectResponse(_safe_next(next), status_code=303)
        for name, val in (("marsad_lang", lang), ("marsad_digits", digits)):
            if val:
                resp.set_cookie(name, val, max_age=365 * 86400, samesite="lax", httponly=True)
        return resp

    # --- errors ---------------------------------------------------------------------------------

    def error_response(request: Request, status: int, code: str, message: str) -> Response:
        if _wants_json(request):
            return JSON({"error": {"status": status, "code": code, "message": message}}, status_code=status)
        return html(request, "error.html", {"status": status, "code": code, "message": message}, status)

    @app.exception_handler(MarsadError)
    def marsad_error(request: Request, exc: MarsadError) -> Response:
        status = 404 if isinstance(exc, NotFoundError) else 503 if isinstance(exc, ArchiveError) else 400
        msg = str(exc).split("] ", 1)[-1]
        return error_response(request, status, exc.code, msg)

    @app.exception_handler(RequestValidationError)
    def validation_error(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for e in exc.errors()[:5]:
            loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path"))
            parts.append(f"{loc}: {e.get('msg', 'invalid')}")
        return error_response(request, 422, "M422", "invalid parameter — " + "; ".join(parts))

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        msg = {404: "no such page; see /api for the API and /search for the UI",
               405: "method not allowed; the API is read-only (GET)"}.get(exc.status_code, str(exc.detail))
        return error_response(request, exc.status_code, f"H{exc.status_code}", msg)

    @app.exception_handler(Exception)
    def internal_error(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        return error_response(request, 500, "M999", f"internal error ({type(exc).__name__}); see the server log")

    return app


def _warm(pages: Pages) -> None:
    try:
        pages.search(q="", filters=make_filters())
    except Exception:  # a warm-up failure must not take the server down; requests will retry
        log.exception("warming the landing page failed")


def _url_with(request: Request, **changes: Any) -> str:
    """This page's URL with some query parameters replaced (``None`` removes, lists repeat)."""
    params: dict[str, list[str]] = {}
    for k, v in request.query_params.multi_items():
        params.setdefault(k, []).append(v)
    for k, v in changes.items():
        k = {"date_from": "from", "date_to": "to"}.get(k, k)
        if v is None or v == "" or v == []:
            params.pop(k, None)
        elif isinstance(v, list | tuple):
            params[k] = [str(x) for x in v]
        else:
            params[k] = [str(v)]
    if "offset" not in changes:
        params.pop("offset", None)
    qs = urlencode([(k, x) for k, vs in params.items() for x in vs])
    return request.url.path + ("?" + qs if qs else "")


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` (several workers): reads ``MARSAD_ARCHIVE`` and
    ``MARSAD_WRITABLE``."""
    path = os.environ.get("MARSAD_ARCHIVE", "marsad.db")
    return create_app(path, readonly=os.environ.get("MARSAD_WRITABLE", "") != "1")
