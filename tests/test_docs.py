"""Every CLI command and option is documented (docs/cli.md is generated from the parser)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from marsad.cli.main import build_parser

ROOT = Path(__file__).resolve().parent.parent


def _commands(parser: argparse.ArgumentParser, prefix: str = "marsad"):  # type: ignore[no-untyped-def]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield f"{prefix} {name}", sub
                yield from _commands(sub, f"{prefix} {name}")


def test_every_command_and_option_is_in_the_docs():
    """Sub-commands too: `marsad eval time --errors` and `--data` were documented nowhere."""
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    missing = []
    for name, sub in _commands(build_parser()):
        head = "#" * (name.count(" ") + 1) + f" `{name}`"
        if head + "\n" not in doc:
            missing.append(name)
            continue
        section = doc.split(head + "\n", 1)[1].split("\n#", 1)[0]
        for action in sub._actions:
            for opt in action.option_strings:
                if opt.startswith("--") and not re.search(re.escape(opt) + r"\b", section):
                    missing.append(f"{name} {opt}")
    assert "marsad eval time" in [n for n, _s in _commands(build_parser())]
    assert not missing, f"not in docs/cli.md (run scripts/make_cli_docs.py): {missing}"


def test_readme_quickstart_is_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quickstart", 1)[1].split("##", 1)[0]
    assert "make demo" in quick and "make test" in quick
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
