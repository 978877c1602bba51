"""stats, export, sync: what an archive holds, written out (registered by :mod:`marsad.cli.core_cmds`)."""

from __future__ import annotations

import argparse
import sys

from rich.table import Table

from marsad.cli.common import console, counted, err_console, live_status, open_archive, print_json


def cmd_stats(args: argparse.Namespace) -> int:
    archive = open_archive(args)
    st = archive.stats()
    if args.json:
        problems = archive.errors()
        st["errors"] = [e for e in problems if not e["code"].startswith("W")][:1000]
        st["warnings"] = [e for e in problems if e["code"].startswith("W")][:1000]  # stored with a caveat
        print_json(st)
        return 0
    console.print(f"[bold]{st['articles']:,}[/] articles in {st['archive']}"
                  + (f" (+{counted(st['aliases'], 'id')} read as duplicates of stored articles)"
                     if st["aliases"] else ""))
    console.print(f"published {st['published']['first'] or '?'} … {st['published']['last'] or '?'}; "
                  f"{st['with_dateline']:,} with a dateline"
                  + (f" ({st['dateline_from_author_field']:,} from the input's author field alone)"
                     if st.get("dateline_from_author_field") else ""))
    tab = Table("source", "articles", title="sources")
    sources = list(st["sources"].items())
    for s, n in sources[:20]:
        tab.add_row(s or "(none)", f"{n:,}")
    if len(sources) > 20:  # the rest were cut without a word (SaudiNewsNet and ANT: 21 outlets)
        tab.add_row(f"… {counted(len(sources) - 20, 'more source')}", f"{sum(n for _s, n in sources[20:]):,}")
    console.print(tab)
    console.print("languages: " + ", ".join(f"{k or '?'} {v:,}" for k, v in st["languages"].items()))
    console.print("annotations: " + ", ".join(f"{k} {v:,}" for k, v in st["spans"].items()))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    archive = open_archive(args)
    n = archive.export(args.output, table=args.table, format=args.format)
    aliases = archive.alias_count() if args.table == "articles" else 0
    # a duplicate's id is a row of its own (alias_of): say so, or the count is not stats' count
    console.print(f"wrote {n:,} rows of {args.table} to {args.output}"
                  + (f" ({counted(n - aliases, 'article')} and {counted(aliases, 'id')} read as duplicates of "
                     "them, each with alias_of)" if aliases else ""))
    if n == 0 and args.table in ("stories", "threads"):
        err_console.print(f"  note: the archive has no {args.table} yet: `marsad update` makes them "
                          "(ingest --defer-corpus leaves them for later)")
    elif n == 0 and args.table != "articles":
        err_console.print(f"  note: no article has {args.table}: were they ingested with --stages leaving that out?")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from marsad.store.postgres import sync

    archive = open_archive(args)
    try:
        with live_status("comparing articles", show=not args.no_progress and not args.json and sys.stderr.isatty()) as status:
            def progress(o: dict[str, int]) -> None:
                status(f"articles compared {o['new'] + o['changed'] + o['unchanged']:,} · new {o['new']:,} · "
                       f"changed {o['changed']:,} · spans written {o['spans']:,}")

            out = sync(archive, args.database, progress=progress if status else None)
    finally:
        archive.close()
    if args.json:
        print_json(out)
    else:
        console.print(f"synced {archive.path} into {out['database']} in {out['seconds']:.1f}s: "
                      f"{out['articles']:,} articles there ({out['new']:,} new, {out['changed']:,} changed, "
                      f"{out['unchanged']:,} unchanged, {out['removed']:,} removed), {out['spans']:,} spans "
                      f"written, {out['events']:,} events, {out['stories']:,} stories, {out['threads']:,} threads",
                      soft_wrap=True)
    return 0
