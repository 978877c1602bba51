"""The ``marsad`` command line. Thin: every command calls the Python API.

Exit codes: 0 success; 1 the work failed (nothing ingested, article not found, bad query);
2 the command line itself is wrong.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from marsad.errors import MarsadError

#: command modules, each with ``register(subparsers)``; explicit, in help order
COMMAND_MODULES = [
    "marsad.cli.core_cmds",
    "marsad.cli.serve_cmds",
    "marsad.cli.eval_cmds",
    "marsad.cli.entity_cmds",
    "marsad.cli.story_cmds",
    "marsad.cli.event_cmds",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="marsad",
        description="marsad (مرصد): an Arabic-native news observatory.",
    )
    parser.add_argument("--version", action="version", version="marsad 0.1.0")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for mod in COMMAND_MODULES:
        importlib.import_module(mod).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        rc = args.func(args)
    except MarsadError as e:
        print(f"marsad: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("marsad: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return int(rc or 0)


if __name__ == "__main__":
    sys.exit(main())
