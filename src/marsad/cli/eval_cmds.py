"""``marsad eval``: score marsad on gold data (``eval time``; ``eval all`` runs every scorer).

Each scorer is one entry of :data:`EVALUATORS`: a help line, a function that adds its options,
and a function that returns a JSON-able report and prints it for people. Adding ``eval
entities`` or ``eval stories`` is one more entry (and its two functions); ``eval all`` picks it
up. Scorers that need ``../shared/data`` find it with ``--data`` (default: ``../shared/data``
next to the current folder, then next to the repository) and exit 1 with a message when it is
absent.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.table import Table

from marsad.cli import entity_cmds, event_cmds, story_cmds
from marsad.cli.common import add_json, console, print_json
from marsad.errors import ConfigError


@dataclass(frozen=True)
class Evaluator:
    help: str
    add_args: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], dict[str, Any]]
    show: Callable[[dict[str, Any]], None]


def shared_data(args: argparse.Namespace) -> Path:
    """The ``../shared/data`` folder, or a ConfigError saying how to point at it."""
    cands = [Path(args.data)] if getattr(args, "data", None) else [
        Path.cwd().parent / "shared" / "data",
        Path(__file__).resolve().parents[3].parent / "shared" / "data",
    ]
    for c in cands:
        if c.is_dir():
            return c
    raise ConfigError("no gold data: pass --data PATH (the shared/data folder with corpora/ and ner/)")


# --- eval time -------------------------------------------------------------------------------


def _time_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--errors", action="store_true", help="also list every miss, spurious span and wrong value")


def _time_run(args: argparse.Namespace) -> dict[str, Any]:
    from marsad.eval.time import evaluate

    return evaluate(shared_data(args), keep_errors=args.errors)


def _time_show(r: dict[str, Any]) -> None:
    tab = Table("set", "mode", "P", "R", "F1", "value acc.", "spans (tp/fp/fn)", title="time expressions")
    for name in ("dev", "heldout", "wojood_test"):
        for mode in ("strict", "lenient"):
            s = r[name][mode]
            va = f"{s['value_accuracy']:.3f}" if "value_accuracy" in s else "-"
            tab.add_row(name, mode, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}", va,
                        f"{s['tp']}/{s['fp']}/{s['fn']}")
    console.print(tab)
    for name in ("dev", "heldout"):
        if "published_at_accuracy" in r[name]:
            console.print(f"{name}: publication date right on {r[name]['published_at_accuracy']:.3f} "
                          f"of {r[name]['published_at_scored']} articles with a known date")
    for name, errs in r.get("errors", {}).items():
        for e in errs:
            console.print(f"[dim]{name}[/] {e}", highlight=False)


#: every scorer ``marsad eval`` knows; ``eval all`` runs them in this order
EVALUATORS: dict[str, Evaluator] = {
    "time": Evaluator("time expressions: span P/R/F1 and value accuracy (own gold + Wojood)",
                      _time_args, _time_run, _time_show),
    "entities": Evaluator(entity_cmds.EVAL_HELP, entity_cmds.eval_args, entity_cmds.eval_run,
                          entity_cmds.eval_show),
    "stories": Evaluator(story_cmds.EVAL_HELP, story_cmds.eval_args, story_cmds.eval_run, story_cmds.eval_show),
    "events": Evaluator(event_cmds.EVAL_HELP, event_cmds.eval_args, event_cmds.eval_run, event_cmds.eval_show),
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score marsad on gold data")
    esub = p.add_subparsers(dest="eval_command", metavar="WHAT")
    for name, ev in EVALUATORS.items():
        q = esub.add_parser(name, help=ev.help)
        _common(q)
        ev.add_args(q)
        q.set_defaults(func=_runner(name))
    q = esub.add_parser("all", help="every scorer above")
    _common(q)
    for ev in EVALUATORS.values():
        ev.add_args(q)
    q.set_defaults(func=cmd_all)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])


def _common(q: argparse.ArgumentParser) -> None:
    add_json(q)
    q.add_argument("--data", metavar="PATH", help="the shared/data folder (default: ../shared/data)")


def _runner(name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        ev = EVALUATORS[name]
        r = ev.run(args)
        if args.json:
            print_json(r)
        else:
            ev.show(r)
        return 0

    return run


def cmd_all(args: argparse.Namespace) -> int:
    out = {}
    for name, ev in EVALUATORS.items():
        out[name] = ev.run(args)
        if not args.json:
            ev.show(out[name])
    if args.json:
        print_json(out)
    return 0
