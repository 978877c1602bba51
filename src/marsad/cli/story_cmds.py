"""``marsad stories``, ``story ID``, ``threads``, ``thread ID``: copies, stories and threads.

Thin: every command reads through :mod:`marsad.corpus.views`, which the web layer can share.
"""

from __future__ import annotations

import argparse

from rich.table import Table
from rich.text import Text

from marsad.cli.common import (
    CRAWLED,
    add_archive,
    add_json,
    console,
    counted,
    day_from,
    day_to,
    int_in,
    open_archive,
    print_json,
    shown_time,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stories", help="the biggest stories of a period, with sources and first publisher")
    add_archive(p)
    add_json(p)
    p.add_argument("--from", dest="date_from", type=day_from, help="stories still running on or after YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=day_to, help="stories begun on or before YYYY-MM-DD")
    p.add_argument("--min-size", type=int_in(1), default=2, help="smallest story shown (articles; default 2)")
    p.add_argument("--limit", type=int_in(1), default=20)
    p.set_defaults(func=cmd_stories)

    p = sub.add_parser("story", help="one story: members, copy groups, reprint edges, timeline")
    add_archive(p)
    add_json(p)
    p.add_argument("id", type=int, help="story number (from `marsad stories`)")
    p.set_defaults(func=cmd_story)

    p = sub.add_parser("threads", help="stories linked over time by shared actors and topic")
    add_archive(p)
    add_json(p)
    p.add_argument("--min-stories", type=int_in(1), default=2)
    p.add_argument("--limit", type=int_in(1), default=20)
    p.set_defaults(func=cmd_threads)

    p = sub.add_parser("thread", help="one thread: its stories in time order")
    add_archive(p)
    add_json(p)
    p.add_argument("id", type=int, help="thread number (from `marsad threads`)")
    p.set_defaults(func=cmd_thread)


def cmd_stories(args: argparse.Namespace) -> int:
    from marsad.corpus.views import list_stories
    from marsad.search.fts import check_range

    check_range(args.date_from, args.date_to)
    rows = list_stories(open_archive(args), date_from=args.date_from, date_to=args.date_to,
                        min_size=args.min_size, limit=args.limit)
    if args.json:
        print_json(rows, lines=True)
        return 0
    if not rows:
        asked = [f"--{k.replace('_', '-')} {v}" for k, v in (("from", args.date_from), ("to", args.date_to))
                 if v] + ([f"--min-size {args.min_size}"] if args.min_size != 2 else [])
        console.print(f"no stories with {' '.join(asked).replace(chr(0xffff), '')}" if asked
                      else "no stories (ingest articles first; stories need two articles or more)")
        return 0
    tab = Table("story", "articles", "sources", "days", "first publisher", "title", title="stories")
    for r in rows:
        first = r.get("first") or {}
        tab.add_row(str(r["story"]), str(r["size"]), str(r["sources"]),
                    f"{r['first_day'] or '?'} … {r['last_day'] or '?'}",
                    f"{first.get('source') or first.get('id') or '?'} {shown_time(first) if first else ''}".strip(),
                    Text((first.get("title") or " ".join(r["terms"]))[:70]))
    console.print(tab)
    if any((r.get("first") or {}).get("published_at_source") == "crawl" for r in rows):
        console.print(CRAWLED)
    return 0


def edge_line(e: dict) -> str:  # type: ignore[type-arg]
    """A reprint edge as ``marsad story`` prints it. A member with no verified pair with an
    earlier copy (it joined the group through later ones) is attributed to the first publisher
    with no pair to measure (``verified`` false): it read "jaccard 0.00, added 100%, removed
    100%", as if it were a copy that changed every word."""
    if not e.get("verified", True):
        return (f"     {e['src_id']} → {e['dst_id']}: attributed to the first publisher (no verified pair with an "
                "earlier copy: it joined through later ones)")
    return (f"     {e['src_id']} → {e['dst_id']}: jaccard {e['jaccard']:.2f}, "
            f"added {e['added']:.0%}, removed {e['removed']:.0%}")


def _member_line(m: dict, mark: str) -> Text:
    """One member of a story: time, source, id, title and its chain of credits."""
    chain = " → ".join(m["chain"]) if m.get("chain") else ""
    return Text(f" {mark} {shown_time(m):<20} {m['source']:<14} {m['id']}  "
                f"{(m['title'] or '')[:60]}" + (f"   [{chain}]" if chain else ""))


def cmd_story(args: argparse.Namespace) -> int:
    from marsad.corpus.views import story_detail

    d = story_detail(open_archive(args), args.id)
    if args.json:
        print_json(d)
        return 0
    if d.get("merged_from") is not None:
        console.print(f"(story {d['merged_from']} was folded into story {d['story']}: one event)")
    console.print(f"[bold]story {d['story']}[/]: {counted(d['size'], 'article')} from {counted(d['sources'], 'source')}, "
                  f"{d['first_day'] or '?'} … {d['last_day'] or '?'}"
                  + (f", thread {d['thread']}" if d.get("thread") else ""))
    console.print("words: " + " ".join(d["terms"]))
    alone = [g["members"][0] for g in d["copy_groups"] if len(g["members"]) == 1]
    for g in d["copy_groups"]:
        if len(g["members"]) == 1:
            continue  # listed together below: a group of one has no copy to show
        console.print()
        head = f"copy group {g['group']} ({counted(len(g['members']), 'article')})"
        if g.get("agency"):
            head += f", origin agency {g['agency']}"
        console.print(f"[bold magenta]{head}[/]")
        for m in g["members"]:
            console.print(_member_line(m, "★" if m["first_published"] else " "))
        for e in g["edges"]:
            console.print(Text(edge_line(e)), style="dim")
    if alone:
        console.print()
        console.print(f"[bold magenta]without a copy ({counted(len(alone), 'article')})[/]")
        for m in alone:
            console.print(_member_line(m, " "))
    members = [m for g in d["copy_groups"] for m in g["members"]]
    if any(m.get("published_at_source") == "crawl" for m in members):
        console.print(CRAWLED)
    console.print()
    console.print("[bold]timeline[/]")
    for t in d["timeline"]:
        console.print(Text(f"  {t['day'] or '?'}  {counted(t['articles'], 'article')}  {', '.join(t['sources'])}"))
    return 0


def cmd_threads(args: argparse.Namespace) -> int:
    from marsad.corpus.views import list_threads

    rows = list_threads(open_archive(args), min_stories=args.min_stories, limit=args.limit)
    if args.json:
        print_json(rows, lines=True)
        return 0
    if not rows:
        console.print(f"no threads of {args.min_stories} stories or more" if args.min_stories != 2
                      else "no threads of two stories or more yet")
        return 0
    tab = Table("thread", "stories", "days", "words", "biggest story", title="threads")
    for r in rows:
        top = r.get("top_story") or {}
        head = ((top.get("first") or {}).get("title") or "")[:60]
        tab.add_row(str(r["thread"]), str(r["stories"]), f"{r['first_day'] or '?'} … {r['last_day'] or '?'}",
                    Text(" ".join(r["terms"])),
                    Text(f"{top['story']} ({counted(top['size'], 'article')}) {head}".strip()) if top else Text(""))
    console.print(tab)
    return 0


def cmd_thread(args: argparse.Namespace) -> int:
    from marsad.corpus.views import thread_detail

    d = thread_detail(open_archive(args), args.id)
    if args.json:
        print_json(d)
        return 0
    if d.get("moved_from") is not None:
        console.print(f"(thread {d['moved_from']} was shown for stories still open; they are in thread {d['thread']} now)")
    console.print(f"[bold]thread {d['thread']}[/]: {d['stories']} {'story' if d['stories'] == 1 else 'stories'}, "
                  f"{d['first_day'] or '?'} … {d['last_day'] or '?'}")
    console.print("words: " + " ".join(d["terms"]))
    for s in d["timeline"]:
        first = s.get("first") or {}
        console.print(Text(f"  {s['first_day'] or '?':<10} story {s['story']:<6} {counted(s['size'], 'article'):>12}  "
                           f"{(first.get('title') or ' '.join(s['terms']))[:70]}"))
    return 0


# --- marsad eval stories (an entry of marsad.cli.eval_cmds.EVALUATORS) ------------------------

EVAL_HELP = ("copies, stories and threads: pair P/R/F1, day B³, TF-IDF baselines (own gold on ../shared "
             "corpora)")


def eval_args(p: argparse.ArgumentParser) -> None:
    """No options of its own (``eval all`` shares one parser among scorers)."""


def eval_run(args: argparse.Namespace) -> dict:  # type: ignore[type-arg]
    import tempfile
    from pathlib import Path

    from marsad.cli.eval_cmds import shared_data
    from marsad.eval.stories import evaluate

    # the per-article analysis of the gold's period is kept between runs (delete the file
    # after changing the analysers)
    return evaluate(shared_data(args), cache=Path(tempfile.gettempdir()) / "marsad-story-analysis-v2.jsonl")


def _prf(m: dict) -> tuple[str, str, str]:  # type: ignore[type-arg]
    """Precision, recall and F1 of a score, as the eval tables print them."""
    return f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}"


def eval_show(r: dict) -> None:  # type: ignore[type-arg]
    tab = Table("split", "what", "P", "R", "F1", "tp/fp/fn", title=f"copies and stories ({r['articles']:,} articles)")
    for split, block in r["pairs"].items():
        for name in ("copy", "copy_pair", "same_story", "tfidf_baseline_copy", "tfidf_baseline_same_story"):
            if name not in block:
                continue
            m = block[name]
            tab.add_row(split, name.replace("_", " "), *_prf(m), f"{m['tp']}/{m['fp']}/{m['fn']}")
    console.print(tab)
    if "annotators" in r:
        ag = r["annotators"]
        console.print(f"held-out pairs labelled twice ({ag['pairs']}): same label {ag['same_label']:.3f}; "
                      f"second against first, copy F1 {ag['copy']['f1']:.3f}, same story F1 {ag['same_story']['f1']:.3f}")
    tab = Table("day", "clustering", "B³ P", "B³ R", "B³ F1", "articles", title="hand-clustered days")
    for split, block in r["days"].items():
        for name in ("stories", "copy_groups"):
            m = block[name]
            tab.add_row(split, name.replace("_", " "), *_prf(m), str(m["items"]))
    console.print(tab)
    th = r.get("threads") or {}
    if any(split in th for split in ("dev", "test")):
        tab = Table("split", "what", "P", "R", "F1", "tp/fp/fn", title="threads (labelled pairs of stories)")
        for split in ("dev", "test"):
            for name in ("threads", "tfidf_baseline"):
                if split in th:
                    m = th[split][name]
                    tab.add_row(split, name.replace("_", " "), *_prf(m), f"{m['tp']}/{m['fp']}/{m['fn']}")
        console.print(tab)
    if "corpus" in th:
        c = th["corpus"]
        console.print(f"threads: {c['threads_2plus']:,} of two stories or more hold {c['stories_in_2plus']:,} of "
                      f"{c['stories']:,} stories; biggest {c['biggest']}; by size "
                      + ", ".join(f"{k}: {v}" for k, v in c["sizes"].items()))
    console.print("seconds: " + ", ".join(f"{k} {v}" for k, v in r["seconds"].items()))
