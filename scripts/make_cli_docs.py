"""Write docs/cli.md from the ``marsad`` argument parser (run after changing a command).

    python scripts/make_cli_docs.py          # rewrite docs/cli.md
    python scripts/make_cli_docs.py --check  # exit 1 when docs/cli.md is out of date
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from marsad.cli.main import build_parser

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"

HEADER = """# The `marsad` command line

Generated from the parser by `scripts/make_cli_docs.py`; a test fails when a command or
option is missing here. Every command takes `--archive PATH` (default `marsad.db`) where it
reads or writes an archive, and `--json` where it prints results.

Exit codes: 0 success; 1 the work failed (nothing ingested, not found, a bad query, a failed
evaluation gate); 2 the command line is wrong.
"""


def commands(parser: argparse.ArgumentParser, prefix: str = "marsad") -> list[tuple[str, str, argparse.ArgumentParser]]:
    """``(command, help, parser)`` for every command and sub-command (``marsad eval time``), in help order."""
    out = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {c.dest: c.help or "" for c in action._choices_actions}
            for name, sub in action.choices.items():
                out.append((f"{prefix} {name}", helps.get(name, ""), sub))
                out.extend(commands(sub, f"{prefix} {name}"))
    return out


def render() -> str:
    os.environ["COLUMNS"] = "100"
    out = [HEADER]
    for command, help_, sub in commands(build_parser()):
        level = "#" * (command.count(" ") + 1)
        out.append(f"\n{level} `{command}`\n\n{help_}\n\n```text\n{sub.format_help().rstrip()}\n```\n")
    return "".join(out)


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        return 0 if DOC.exists() and DOC.read_text(encoding="utf-8") == text else 1
    DOC.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
