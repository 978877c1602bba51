"""Helpers shared by the CLI commands: the archive option, JSON output, the console."""

from __future__ import annotations

import argparse
import sys
from typing import Any

import orjson
from rich.console import Console

console = Console(stderr=False, highlight=False)
err_console = Console(stderr=True, highlight=False)


def add_archive(p: argparse.ArgumentParser) -> None:
    p.add_argument("--archive", default="marsad.db", metavar="PATH",
                   help="the archive file (default: marsad.db in this folder)")


def add_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")


def print_json(obj: Any, *, lines: bool = False) -> None:
    out = sys.stdout.buffer
    if lines:
        for o in obj:
            out.write(orjson.dumps(o, default=str) + b"\n")
    else:
        out.write(orjson.dumps(obj, default=str, option=orjson.OPT_INDENT_2) + b"\n")
    out.flush()


def open_archive(args: argparse.Namespace, *, readonly: bool = True) -> Any:
    import marsad

    return marsad.open(args.archive, readonly=readonly)
