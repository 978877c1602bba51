"""``marsad eval events``: the events stage scored on the Arabic event GSR (``../shared/data``)."""

from __future__ import annotations

import argparse
from typing import Any

from rich.table import Table

from marsad.cli.common import console

EVAL_HELP = "events: PROTEST/ASSAULT sentence detection P/R/F1 and trigger/actor match on the Arabic event GSR"


def eval_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--split", choices=["dev", "heldout", "both"], default="both",
                   help="which half of the GSR to score (by a hash of the sentence id; default both)")


def eval_run(args: argparse.Namespace) -> dict[str, Any]:
    from marsad.cli.eval_cmds import shared_data
    from marsad.eval.events import SPLITS, evaluate

    split = getattr(args, "split", "both")
    splits = SPLITS if split == "both" else (split,)
    return evaluate(shared_data(args), splits=splits, keep_errors=bool(getattr(args, "errors", False)))


def eval_show(r: dict[str, Any]) -> None:
    tab = Table("set", "type", "sentences", "P", "R", "F1", "tp/fp/fn", "trigger", "source", "target",
                title="events (Arabic event GSR; yes vs easy/difficult no, ambiguous left out)")
    for split in ("dev", "heldout"):
        for typ, s in r.get(split, {}).items():
            d, sp = s["detection"], s["spans"]
            tab.add_row(split, typ, str(s["sentences"]), f"{d['precision']:.3f}", f"{d['recall']:.3f}",
                        f"{d['f1']:.3f}", f"{d['tp']}/{d['fp']}/{d['fn']}",
                        *(f"{sp[p]['rate']:.2f} ({sp[p]['scored']})" for p in ("trigger", "source", "target")))
    console.print(tab)
    t = r.get("timing", {})
    if t:
        console.print(f"{t['sentences']} sentences in {t['seconds']} s ({t['ms_per_sentence']} ms a sentence, "
                      "the whole pipeline up to events.v4)")
    for name, errs in r.get("errors", {}).items():
        for e in errs:
            console.print(f"[dim]{name}[/] {e}", highlight=False)
