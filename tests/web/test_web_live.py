"""The real server (uvicorn on loopback): hostile requests get 4xx answers, never a 500."""

from __future__ import annotations

import socket
from urllib.parse import quote, urlsplit

import pytest

from marsad.cli.main import main


def _raw(base: str, target: str) -> tuple[int, bytes]:
    u = urlsplit(base)
    with socket.create_connection((u.hostname, u.port), timeout=30) as s:
        s.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return int(data.split(b" ", 2)[1]), data


@pytest.mark.parametrize("target", [
    "/api/search?q=" + quote("ر" * 600),
    "/api/search?q=" + quote("ر" * 30_000),  # larger than the HTTP parser takes: 400 from uvicorn
    "/api/search?q=%FF%FE",
    "/api/search?q=" + quote('" NEAR(') + "&limit=abc",
    "/static/../../../../etc/passwd",
    "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/article/../../../../etc/passwd",
    "/api/export?table=..%2f..%2fetc%2fpasswd",
])
def test_hostile_requests_get_4xx(live_server, target):
    status, data = _raw(live_server, target)
    assert 400 <= status < 500, data[:300]
    assert b"root:" not in data


def test_serve_binds_loopback_and_reports_missing_archives(tmp_path, capsys):
    assert main(["serve", "--archive", str(tmp_path / "none.db")]) == 1
    assert "no archive here" in capsys.readouterr().err
    from marsad.cli.main import build_parser

    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and not args.writable


def test_serve_reports_a_bad_archive_or_a_busy_port_before_serving(tmp_path, web_archive, capsys):
    """A file that is no archive was announced as served before it failed; a port in use was
    uvicorn's log line and exit code 3."""
    not_db = tmp_path / "news.jsonl"
    not_db.write_text('{"id": "x", "text": "نص"}\n', encoding="utf-8")
    assert main(["serve", "--archive", str(not_db), "--port", "8"]) == 1
    err = capsys.readouterr().err
    assert "[M200]" in err and "not an archive" in err and "serving" not in err
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--archive", str(web_archive["path"]), "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in err and "serving" not in err
