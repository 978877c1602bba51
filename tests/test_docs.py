"""Every CLI command and option is documented (docs/cli.md is generated from the parser)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from marsad.cli.main import build_parser

ROOT = Path(__file__).resolve().parent.parent


def test_every_command_and_option_is_in_the_docs():
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    parser = build_parser()
    subs = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    missing = []
    for name, sub in subs.choices.items():
        if f"## `marsad {name}`" not in doc:
            missing.append(name)
            continue
        section = doc.split(f"## `marsad {name}`", 1)[1].split("\n## ", 1)[0]
        for action in sub._actions:
            for opt in action.option_strings:
                if opt.startswith("--") and not re.search(re.escape(opt) + r"\b", section):
                    missing.append(f"{name} {opt}")
    assert not missing, f"not in docs/cli.md (run scripts/make_cli_docs.py): {missing}"


def test_readme_quickstart_is_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quickstart", 1)[1].split("##", 1)[0]
    assert "make demo" in quick and "make test" in quick
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
