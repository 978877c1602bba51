"""``marsad events``, ``marsad event KEY``: the events of a period, each counted once, and one
event's reports; and ``marsad eval events``, the events stage scored on the Arabic event GSR.

Thin: the commands read through :mod:`marsad.corpus.event_views`, which the web shares.
"""

from __future__ import annotations

import argparse
from typing import Any

from rich.table import Table
from rich.text import Text

from marsad.cli.common import (
    add_archive,
    add_json,
    console,
    counted,
    day_from,
    day_to,
    int_in,
    open_archive,
    print_json,
)
from marsad.pipeline.registry import current


def event_type(value: str) -> str:
    """An argparse type: a PLOVER type marsad codes (any case)."""
    from marsad.corpus.event_views import check_type
    from marsad.errors import QueryError

    try:
        return check_type(value)
    except QueryError as e:
        raise argparse.ArgumentTypeError(e.message) from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("events", help="the events of a period, each counted once (PLOVER type, actors, place, date)")
    add_archive(p)
    add_json(p)
    p.add_argument("--from", "--since", dest="date_from", type=day_from, metavar="DAY",
                   help="reported on or after YYYY-MM-DD (or YYYY-MM, YYYY)")
    p.add_argument("--to", "--until", dest="date_to", type=day_to, metavar="DAY",
                   help="reported on or before YYYY-MM-DD (a month or year includes all of it)")
    p.add_argument("--day", type=day_from, metavar="DAY",
                   help="reported on this day, month or year (instead of --from/--to)")
    p.add_argument("--type", action="append", default=[], type=event_type, dest="types", metavar="TYPE",
                   help="only this PLOVER type (repeatable): PROTEST, ASSAULT, ACCUSE, THREATEN, CONSULT, "
                        "AGREE, COERCE")
    p.add_argument("--actor", default="", help="only events with this source or target (a word of its name, "
                                               "or an entity key such as gpe:…)")
    p.add_argument("--place", default="", help="only events at this place (a word of its name, or an entity key)")
    p.add_argument("--source", action="append", default=[], metavar="OUTLET",
                   help="only the reports of this outlet (repeatable)")
    p.add_argument("--limit", type=int_in(1), default=20)
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("event", help="one event: its reports, each with its sentence")
    add_archive(p)
    add_json(p)
    p.add_argument("group", help="the event's group key, as `marsad events` lists it (ARTICLE|TYPE|DAY)")
    p.set_defaults(func=cmd_event)


def _dyad(g: dict[str, Any]) -> str:
    src = (g.get("actor_source") or {}).get("text") or "?"
    tgt = (g.get("actor_target") or {}).get("text") or "?"
    return f"{src} → {tgt}"


def cmd_events(args: argparse.Namespace) -> int:
    from marsad.corpus.event_views import list_event_groups
    from marsad.errors import QueryError
    from marsad.search.fts import check_range, day_upper_bound

    if args.day and (args.date_from or args.date_to):
        raise QueryError("--day gives the whole period; leave out --from/--to (or --day)")
    date_from, date_to = (args.day, day_upper_bound(args.day)) if args.day else (args.date_from, args.date_to)
    check_range(date_from, date_to)
    rows = list_event_groups(open_archive(args), date_from=date_from, date_to=date_to, types=args.types,
                             actor=args.actor, place=args.place, sources=args.source, limit=args.limit)
    if args.json:
        print_json(rows, lines=True)
        return 0
    if not rows:
        asked = [f"--{k} {v}" for k, v in (("from", date_from), ("to", date_to), ("actor", args.actor),
                                            ("place", args.place)) if v and not (args.day and k in ("from", "to"))]
        asked += [f"--day {args.day}"] if args.day else []
        asked += [f"--type {t}" for t in args.types] + [f"--source {s}" for s in args.source]
        console.print(f"no events with {' '.join(asked).replace(chr(0xffff), '')}" if asked
                      else "no events (ingest articles first; the events stage codes them)")
        return 0
    console.print(f"[bold]events[/] (each counted once; {counted(len(rows), 'group')} shown)")
    for g in rows:
        line = _group_line(g)
        if "actor_shown" in g and not g["actor_shown"]:
            line.append(f"  ({args.actor} in {g['actor_reports']} of its {counted(g['reports'], 'report')})",
                        style="yellow")
        console.print(line)
    console.print("[dim]* no day stated: the day of the first report. `marsad event GROUP` lists a group's "
                  "reports with their sentences[/]")
    return 0


def _place(p: dict[str, Any] | None) -> str:
    """An event's place as the CLI shows it: ``(dateline)`` after a place its sentence did not
    name, which came from the article's dateline (a desk, or the input's author field), so that
    a reader can tell «@ بغداد (dateline)» from a place the report states."""
    if not p or not p.get("text"):
        return ""
    return p["text"] + (" (dateline)" if p.get("source") == "dateline" else "")


def _group_line(g: dict[str, Any]) -> Text:
    """One event group on one line: key, type/mode, date, counts, source → target, place, first report."""
    first = g["first"]
    place = _place(g.get("place"))
    return Text(f"{g['group']}  {g['type']}{'/' + g['mode'] if g['mode'] else ''}  "
                f"{g['date'] or '?'}{'' if g['date_stated'] else '*'}  "
                f"{counted(g['reports'], 'report')}, {counted(g['articles'], 'article')}  {_dyad(g)}"
                + (f"  @ {place}" if place else "")
                + f"  first: {first['source'] or first['article_id']} {first['published_at'] or ''}".rstrip())


def cmd_event(args: argparse.Namespace) -> int:
    from marsad.corpus.event_views import event_group_detail

    d = event_group_detail(open_archive(args), args.group)
    if args.json:
        print_json(d)
        return 0
    if d.get("asked"):
        console.print(Text(f"({d['asked']} names this event; its key is {d['group']}, after its story's first report)"))
    console.print(Text(f"{d['type']}{'/' + d['mode'] if d['mode'] else ''} on {d['date'] or '?'}"
                       f"{'' if d['date_stated'] else ' (first report)'}: {_dyad(d)}"
                       + (f" in {_place(d['place'])}" if _place(d.get("place")) else "")), style="bold")
    console.print(Text(f"{counted(d['reports'], 'report')} in {counted(d['articles'], 'article')} from "
                       f"{counted(d['sources'], 'source')}" + (f"; story {d['story']}" if d["story"] is not None else "")))
    for r in d["report_list"]:
        console.print()
        console.print(Text(f"  {r['published_at'] or '?':<20} {r['source'] or '?':<14} {r['article_id']}  "
                           f"[{r['start']}:{r['end']}] {r['trigger_text']}"
                           + (f"  @ {_place(r['place'])}" if _place(r.get("place")) else "")))
        console.print(Text(f"    {r['sentence_text']}"))
    return 0


# --- marsad eval events (an entry of marsad.cli.eval_cmds.EVALUATORS) ------------------------

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
                      f"the whole pipeline up to {current('events')})")
    for name, errs in r.get("errors", {}).items():
        for e in errs:
            console.print(f"[dim]{name}[/] {e}", highlight=False)


def show_article_events(events: list[dict[str, Any]]) -> None:
    """An article's events under ``marsad show``: type, trigger, source → target, place and the
    group key that ``marsad event`` takes (the web's article page links each to its group)."""
    if events:
        console.print("events (`marsad event GROUP` lists each one's reports)")
    for e in events:
        who = " → ".join((e.get(r) or {}).get("text") or "?" for r in ("source", "target"))
        where = f"  @ {e['place']['text']}" if e.get("place") else ""
        console.print(Text(f"  {e['type']}{'/' + e['mode'] if e.get('mode') else ''} «{e['text']}»  {who}{where}"
                           f"  group {e['group']}"))
