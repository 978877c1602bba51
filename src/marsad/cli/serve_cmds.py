"""serve: the web UI and HTTP API over an archive (``marsad.web.app``)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from marsad.cli.common import add_archive, err_console
from marsad.errors import ArchiveError, ConfigError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the web UI and the HTTP JSON API (read-only by default)")
    add_archive(p)
    p.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--workers", type=int, default=1, help="server processes (default: 1)")
    p.add_argument("--writable", action="store_true",
                   help="open the archive read-write (applies pending migrations); default read-only")
    p.add_argument("--log-level", default="warning",
                   choices=["critical", "error", "warning", "info", "debug"])
    p.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from marsad.web.app import create_app
    except ImportError as e:
        raise ConfigError(f"the web UI needs the web extra: pip install 'marsad[web]' ({e})") from e
    path = Path(args.archive)
    if not path.exists():
        raise ArchiveError("no archive here; create one with `marsad ingest` or `marsad demo`",
                           where=str(path))
    if not 0 < args.port < 65536:
        raise ConfigError(f"--port {args.port} is not a port number")
    from marsad.store.archive import connect

    connect(path, readonly=True).execute("SELECT count(*) FROM sqlite_master").fetchone()  # an archive?
    _check_port(args.host, args.port)
    err_console.print(f"marsad: serving {path} on http://{args.host}:{args.port}"
                      f" ({'read-write' if args.writable else 'read-only'}; Ctrl-C to stop)")
    if args.workers > 1:
        os.environ["MARSAD_ARCHIVE"] = str(path)
        os.environ["MARSAD_WRITABLE"] = "1" if args.writable else ""
        uvicorn.run("marsad.web.app:app_from_env", factory=True, host=args.host, port=args.port,
                    workers=args.workers, log_level=args.log_level, access_log=False)
    else:
        app = create_app(path, readonly=not args.writable)
        uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, access_log=False)
    return 0


def _check_port(host: str, port: int) -> None:
    """A clear error (exit code 1) when the address cannot be listened on; uvicorn logged it and
    exited with 3."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except OSError as e:
        raise ConfigError(f"--host {host}: {e.strerror or e}") from None
    family, kind, proto, _name, addr = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            sock.bind(addr)
        except OSError as e:
            raise ConfigError(f"cannot listen on {host}:{port} ({e.strerror or e}); choose another "
                              "--port, or stop what is using it") from None
