"""A response cache in front of the app: repeated GETs are answered without running a route.

Pages and API answers depend only on the path, the query string, the two preference cookies
(for HTML) and the archive's state (see :func:`marsad.web.queries.archive_state`), so a 200
response can be replayed byte for byte until the archive changes. Streams (``/api/export``),
redirects, errors and static files are never cached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

NEVER = ("/static/", "/api/export", "/prefs")
PREF_COOKIES = ("marsad_lang", "marsad_digits")


def _cookie_prefs(headers: list[tuple[bytes, bytes]]) -> tuple[str, ...]:
    for k, v in headers:
        if k == b"cookie":
            text = v.decode("latin-1")
            found = dict(p.strip().split("=", 1) for p in text.split(";") if "=" in p)
            return tuple(found.get(c, "") for c in PREF_COOKIES)
    return ("", "")


class ResponseCache:
    """ASGI middleware: an LRU of complete 200 responses to GET requests."""

    def __init__(self, app: Any, *, state: Callable[[], Any], size: int = 1024,
                 max_body: int = 2_000_000) -> None:
        self.app = app
        self.state = state
        self.size = size
        self.max_body = max_body
        self._d: OrderedDict[Any, tuple[dict[str, Any], bytes]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or scope["method"] != "GET" or path.startswith(NEVER) or self.size <= 0:
            await self.app(scope, receive, send)
            return
        prefs = ("", "") if path.startswith("/api") else _cookie_prefs(scope.get("headers", []))
        key = (path, scope.get("query_string", b""), prefs, self.state())
        with self._lock:
            hit = self._d.get(key)
            if hit is not None:
                self._d.move_to_end(key)
                self.hits += 1
        if hit is not None:
            start, body = hit
            await send(start)
            await send({"type": "http.response.body", "body": body, "more_body": False})
            return
        self.misses += 1
        captured: dict[str, Any] = {"start": None, "body": [], "ok": True, "size": 0}

        async def capture(message: Any) -> None:
            if message["type"] == "http.response.start":
                captured["start"] = message
                captured["ok"] = message["status"] == 200
            elif message["type"] == "http.response.body" and captured["ok"]:
                captured["body"].append(message.get("body", b""))
                captured["size"] += len(message.get("body", b""))
                if message.get("more_body") or captured["size"] > self.max_body:
                    captured["ok"] = False  # streamed or large: pass through, do not keep
                else:
                    self._store(key, captured["start"], b"".join(captured["body"]))
            await send(message)

        await self.app(scope, receive, capture)

    def _store(self, key: Any, start: dict[str, Any], body: bytes) -> None:
        with self._lock:
            self._d[key] = ({"type": start["type"], "status": start["status"],
                             "headers": list(start.get("headers", []))}, body)
            while len(self._d) > self.size:
                self._d.popitem(last=False)
