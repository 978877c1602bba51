"""ingest, search, show, stats, export, analyze, demo."""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

import orjson
from rich.table import Table
from rich.text import Text

from marsad.cli.archive_cmds import cmd_export, cmd_stats, cmd_sync
from marsad.cli.common import (
    CRAWLED,
    add_archive,
    add_json,
    add_scheduler,
    console,
    counted,
    day_from,
    day_to,
    err_console,
    int_in,
    live_status,
    open_archive,
    print_json,
    shown_time,
    timex_prefix,
)
from marsad.errors import ConfigError, InputError, QueryError, RecordError, check_known
from marsad.pipeline.registry import RETIRED, current, has_stage


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="read articles into the archive")
    add_archive(p)
    add_json(p)
    p.add_argument("inputs", nargs="+", help="files, folders or feed URLs")
    p.add_argument("--format", default="", choices=["", "txt", "jsonl", "csv", "html", "mhtml", "warc", "feed"],
                   help="force the input format (default: by file name)")
    p.add_argument("--source", default="", help="outlet name for inputs that carry none")
    p.add_argument("--id-field", default="id")
    p.add_argument("--text-field", default="text")
    p.add_argument("--title-field", default="title")
    p.add_argument("--source-field", default="source")
    p.add_argument("--url-field", default="url")
    p.add_argument("--date-field", default="date")
    p.add_argument("--author-field", default="author",
                   help="the byline column (a person, or a dateline such as «واس - جدة»: docs/ingest-formats.md)")
    p.add_argument("--date-is-crawl-time", action="store_true",
                   help="the date field is a crawl time (a hint, not the publication time)")
    p.add_argument("--skip-non-arabic", action="store_true", help="do not store non-Arabic articles")
    p.add_argument("--stages", default="",
                   help="comma-separated per-article stages to run (default: all; see docs/architecture.md)")
    p.add_argument("--workers", type=int, default=0, help="processes (default: all cores)")
    add_scheduler(p)
    p.add_argument("--defer-corpus", action="store_true",
                   help="store and index only; run the corpus stages (entity registry, copies, stories)"
                        " later with `marsad update` — for many ingests in a row")
    p.add_argument("--strict", action="store_true", help="exit non-zero when any record failed")
    p.add_argument("--no-progress", action="store_true")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("update", help="run the corpus stages (entity registry, copies, stories) on new articles;"
                                      " say how many articles older stage versions analysed")
    add_archive(p)
    add_json(p)
    p.add_argument("--reanalyse", nargs="?", const="stale", default="", choices=["stale", "unknown", "all"],
                   help="first analyse again, from their stored originals, the articles analysed by older stage"
                        " versions (stale, the default); with those stored before the archive recorded"
                        " stage versions (unknown); or every article (all)")
    p.add_argument("--workers", type=int, default=0, help="processes for --reanalyse (default: all cores)")
    add_scheduler(p, what="--reanalyse on")
    p.set_defaults(func=cmd_update)

    p = sub.add_parser("search", help="full-text search")
    add_archive(p)
    add_json(p)
    p.add_argument("query", help='words to find; "" with a filter lists the filtered articles, newest first')
    p.add_argument("--source", action="append", default=[], help="only this outlet (repeatable)")
    p.add_argument("--from", dest="date_from", type=day_from, help="published on or after YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=day_to, help="published on or before YYYY-MM-DD")
    p.add_argument("--language")
    p.add_argument("--mentions-date", type=timex_prefix, help="articles mentioning this date/month (TIMEX3 value prefix)")
    p.add_argument("--entity", help="articles mentioning this entity (a name, a variant, a key, or its number: #id or id)")
    p.add_argument("--limit", type=int_in(1, 500), default=10)
    p.add_argument("--offset", type=int_in(0), default=0)
    p.add_argument("--collapse-copies", action="store_true",
                   help="one hit per copy group, shown as its first publisher (a word search; not with --counts or \"\")")
    p.add_argument("--counts", choices=["source", "day", "month"], help="print counts instead of hits")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("show", help="one article with all its annotations")
    add_archive(p)
    add_json(p)
    p.add_argument("id")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("stats", help="what the archive holds")
    add_archive(p)
    add_json(p)
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("export", help="write a table as JSONL, CSV or Parquet (events also as PLOVER-style JSON)")
    add_archive(p)
    p.add_argument("--table", default="articles",
                   choices=["articles", "spans", "timexes", "mentions", "events", "stories", "threads"],
                   help="stories and threads as `marsad stories` and `marsad threads` list them "
                        "(label words, first publisher, biggest story)")
    p.add_argument("--format", default="jsonl", choices=["jsonl", "csv", "parquet", "plover"],
                   help="plover (with --table events): one PLOVER-style JSON record a line, with the "
                        "sentence and character offsets")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("sync", help="mirror the archive into a PostgreSQL database (new and changed articles, "
                                    "spans, events, stories, threads; docs/postgres.md)")
    add_archive(p)
    add_json(p)
    p.add_argument("database", metavar="URL", help="postgresql://user@host:port/database")
    p.add_argument("--no-progress", action="store_true")
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser("analyze", help="run the per-article pipeline on a file or folder, store nothing")
    p.add_argument("input", help="what `marsad ingest` reads: JSONL(.gz) with id, source, url, date, title, "
                                 "text; text, CSV, HTML, WARC or feed files; a folder of them")
    p.add_argument("--format", default="", choices=["", "txt", "jsonl", "csv", "html", "mhtml", "warc", "feed"],
                   help="force the input format (default: by file name)")
    p.add_argument("--source", default="", help="outlet name for inputs that carry none")
    p.add_argument("-o", "--output", required=True, help="JSONL, one analysed article per line")
    p.add_argument("--id-field", default="id")
    p.add_argument("--text-field", default="text")
    p.add_argument("--title-field", default="title")
    p.add_argument("--source-field", default="source")
    p.add_argument("--url-field", default="url")
    p.add_argument("--date-field", default="date")
    p.add_argument("--author-field", default="author", help="the byline column (a person, or a dateline)")
    p.add_argument("--date-is-crawl-time", action="store_true")
    p.add_argument("--workers", type=int, default=0)
    add_scheduler(p)
    p.add_argument("--with-text", action="store_true", help="also write the text and clean text")
    p.add_argument("--conll", action="store_true",
                   help="INPUT is a tokenised CoNLL file: write `token TAG` (its BIO scheme) to -o")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("demo", help="ingest the bundled sample corpus and show what was found")
    p.add_argument("--archive", default="marsad-demo.db", metavar="PATH")
    p.add_argument("extra", nargs="*", help="more inputs to ingest beside the sample (e.g. ../shared/seeds)")
    p.set_defaults(func=cmd_demo)


# --- ingest ---------------------------------------------------------------------------------


def cmd_ingest(args: argparse.Namespace) -> int:
    from marsad.ingest.readers import FieldMap
    from marsad.runners.local import IngestOptions

    fields = FieldMap(id=args.id_field, text=args.text_field, title=args.title_field,
                      source=args.source_field, url=args.url_field, date=args.date_field,
                      author=args.author_field, date_kind="crawl" if args.date_is_crawl_time else "metadata")
    archive = open_archive(args, readonly=False, create=True)
    t0 = time.monotonic()
    with live_status("reading", show=not args.no_progress and not args.json and sys.stderr.isatty()) as status:
        def progress(s):  # type: ignore[no-untyped-def]
            status(f"read {s.read:,} · stored {s.stored:,} · duplicates {s.duplicates:,} · failed {s.failed:,}")

        summary = archive.ingest(args.inputs, fields=fields, source=args.source, format=args.format,
                                 options=IngestOptions(workers=args.workers,
                                                       skip_non_arabic=args.skip_non_arabic,
                                                       spec=_stages(args.stages),
                                                       corpus=not args.defer_corpus,
                                                       scheduler=args.scheduler),
                                 progress=progress if status else None)
    elapsed = time.monotonic() - t0
    d = summary.as_dict()
    d["seconds"] = round(elapsed, 2)
    d["archive"] = str(archive.path)
    if args.json:
        d["errors"] = [{"where": w, "code": c, "message": m} for w, c, m in summary.errors[:1000]]
        d["warnings"] = [{"where": w, "code": c, "message": m} for w, c, m in summary.warnings[:1000]]
        print_json(d)
    else:
        n_warn = len(summary.warnings)
        console.print(f"[bold]ingested[/] into {archive.path} in {elapsed:.1f}s: read {summary.read:,}, "
                      f"stored {summary.stored:,}, duplicates {summary.duplicates:,}, "
                      f"skipped {summary.skipped:,}, failed {summary.failed:,}"
                      + (f" ({counted(n_warn, 'warning')} on stored records)" if n_warn else ""),
                      soft_wrap=True)
        for what, items in (("failed", summary.errors), ("warning", summary.warnings)):
            for w, c, m in items[:20]:
                err_console.print(Text(f"  [{c}] {w}: {m}"), soft_wrap=True)  # one line per problem
            if len(items) > 20:
                err_console.print(f"  … {len(items) - 20} more {what} (marsad stats --json lists them)")
    if not args.json and summary.read == summary.failed == 0:  # a wrong folder said only «read 0»
        err_console.print("  note: nothing to read in " + ", ".join(args.inputs) + ": no file of a format "
                          "marsad reads (docs/ingest-formats.md), or a feed unchanged since the last ingest",
                          soft_wrap=True)
    stages = _stages(args.stages) or ()
    if stages and summary.stored and not has_stage(stages, "index_terms"):
        err_console.print(f"  note: --stages without {current('index_terms')}: the {summary.stored:,} articles stored "
                          "are not in the search index (search will not find them)", soft_wrap=True)
    archive.close()
    if args.strict and summary.failed:
        return 1
    if summary.stored == 0 and summary.duplicates == 0 and summary.failed > 0:
        return 1
    return 0


def cmd_update(args: argparse.Namespace) -> int:
    archive = open_archive(args, readonly=False)
    try:
        out = archive.update(reanalyse=args.reanalyse, workers=args.workers, scheduler=args.scheduler)
    finally:
        archive.close()
    out["archive"] = str(archive.path)
    r = out.get("reanalysis")
    # nothing redone and some failed: the command did not do what was asked
    code = 1 if r is not None and r["failed"] and not r["reanalysed"] else 0
    if args.json:
        print_json(out)
        return code
    a = out["analysis"]
    older = ", ".join(f"{n} → {RETIRED[n][0] if n in RETIRED else 'no longer built'}: {k:,}"
                      for n, k in a["older_stages"].items())
    # with --reanalyse the counts are those before it, which the next line then redoes
    line = (f"[bold]analysis{' before' if r is not None else ''}[/]: {a['current']:,} articles by the current stages, "
            f"{a['stale']:,} by older stage versions" + (f" ({older})" if older else ""))
    if a["unknown"]:
        line += f", {a['unknown']:,} of unknown stage versions (stored before the archive recorded them)"
    console.print(line, soft_wrap=True)
    if r is not None:
        secs = ", ".join(f"{k} {v:.1f}s" for k, v in r["seconds"].items())
        console.print(f"[bold]reanalysed[/] {r['reanalysed']:,} articles, failed {r['failed']:,} ({secs})",
                      soft_wrap=True)
        for e in r["errors"][:20]:
            err_console.print(Text(f"  [{e['code']}] {e['where']}: {e['message']}"), soft_wrap=True)
        if len(r["errors"]) > 20:
            err_console.print(f"  … {len(r['errors']) - 20} more failed (marsad update --json lists them)")
    else:
        if a["stale"]:
            console.print(f"  `marsad update --reanalyse` analyses the {a['stale']:,} again from their stored originals",
                          soft_wrap=True)
        if a["unknown"]:
            console.print(f"  `marsad update --reanalyse unknown` analyses the {a['unknown']:,} of unknown"
                          " versions again too", soft_wrap=True)
        if a["without_stages"]:
            console.print("  analysed without stages of the default spec: "
                          + ", ".join(f"{n} {k:,}" for n, k in a["without_stages"].items())
                          + "; `marsad update --reanalyse all` analyses every article again with the default spec",
                          soft_wrap=True)
        if out.get("finished"):
            console.print("[bold]finished[/] an interrupted reanalysis: " +
                          ", ".join(f"{k} {v:.1f}s" for k, v in out["finished"].items()), soft_wrap=True)
    console.print("[bold]updated[/] " + ", ".join(f"{k} {v:.1f}s" for k, v in out["seconds"].items()))
    return code


def _stages(text: str) -> tuple[str, ...] | None:
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    return names or None


# --- search ---------------------------------------------------------------------------------


def cmd_search(args: argparse.Namespace) -> int:
    from marsad.search.fts import Filters, check_range

    check_range(args.date_from, args.date_to)
    archive = open_archive(args)
    if args.source:
        check_known("source", args.source, list(archive.tally("source")),
                    hint=" (`marsad stats` lists the sources)")
    if args.language:
        check_known("language", [args.language], list(archive.tally("language")))
    f = Filters(sources=tuple(args.source), date_from=args.date_from, date_to=args.date_to,
                language=args.language, mentions_date=args.mentions_date, entity=args.entity)
    if args.entity:
        from marsad.cli.entity_cmds import entity_keys

        keys = entity_keys(archive, args.entity)
        if keys == (args.entity,) and ":" not in args.entity:
            from marsad.errors import NotFoundError

            # not in the registry and not a mention key (per:…): it can match nothing
            raise NotFoundError(f"no entity named {args.entity!r}; try `marsad entities` to list them")
        f = dataclasses.replace(f, entity_keys=keys)
    browse = not args.query.strip()
    if browse and f == Filters():

        raise QueryError('give words to search for, or "" with a filter (--source, --from, --entity …) '
                         "to list its articles")
    if args.collapse_copies and (args.counts or browse):

        # it was ignored: the counts and the filtered list counted every copy all the same
        raise QueryError("--collapse-copies folds the hits of a word search into one per copy group; "
                         + ("--counts counts every matching article, copies included: drop one of them"
                            if args.counts else 'with "" (a filtered list) give words to search for, '
                            "or drop it"))
    if args.counts:
        rows = archive.counts(args.query if not browse else None, by=args.counts, filters=f)
        if args.json:
            print_json([{"key": k, "count": n} for k, n in rows], lines=True)
        else:
            for k, n in rows:
                console.print(f"{n:>7,}  {k}")
        return 0
    if browse:  # the filtered articles, newest first (as the web's /search without q)
        from marsad.store.queries import browse as browse_rows

        rows, total = browse_rows(archive.con, filters=f, limit=args.limit, offset=args.offset)
        if args.json:
            print_json(rows, lines=True)
            return 0
        console.print(f"[bold]{counted(total, 'article')}[/]")
        for r in rows:
            console.print(Text(f"{r['id']}", style="cyan") + Text(f"  {r['source']}  {shown_time(r)}"))
            console.print(Text(r["title"] or "", style="bold"))
            console.print(Text((r["snippet"] or "").replace("\n", " ")))
            console.print()
        if any(r.get("published_at_source") == "crawl" for r in rows):
            console.print(CRAWLED)
        return 0
    hits, total = archive.search(args.query, filters=f, limit=args.limit, offset=args.offset,
                                 collapse_copies=args.collapse_copies)
    if args.json:
        print_json([h.as_dict() for h in hits], lines=True)
        return 0
    if args.collapse_copies:  # the total counts copy groups (an article without a copy is one)
        console.print(f"[bold]{counted(total, 'text')}[/] match{'es' if total == 1 else ''} «{args.query}», "
                      "each with its copies folded into one hit")
    else:
        console.print(f"[bold]{counted(total, 'article')}[/] match{'es' if total == 1 else ''} «{args.query}»")
    for h in hits:
        t = Text()
        t.append(f"{h.id}", style="cyan")
        t.append(f"  {h.source}  {shown_time(h.as_dict())}  score {h.score:.2f}")
        if h.copies > 1:  # a collapsed group shows its first publisher (if it matched)
            first = ", first publisher" if h.first_published else ", first publisher not among the matches"
            t.append(f"  ({h.copies} copies{first if h.first_published is not None else ''})", style="magenta")
        console.print(t)
        console.print(Text(h.title or "", style="bold"))
        console.print(_highlight(h.snippet, h.highlights))
        console.print()
    if any(h.published_at_source == "crawl" for h in hits):
        console.print(CRAWLED)
    return 0


def _highlight(text: str, spans: list[tuple[int, int]], style: str = "bold yellow") -> Text:
    t = Text(text.replace("\n", " "))
    for s, e in spans:
        t.stylize(style, s, e)
    return t


# --- show -----------------------------------------------------------------------------------

_STYLES = {"debris": "strike dim", "dateline": "bold magenta", "byline": "magenta",
           "credit": "magenta", "title": "bold", "timex": "bold green", "mention": "bold cyan",
           "event": "underline"}


def cmd_show(args: argparse.Namespace) -> int:
    from marsad.cli.event_cmds import show_article_events
    from marsad.corpus.event_views import article_event_groups
    from marsad.pipeline.output import analysis_json

    archive = open_archive(args)
    art = archive.get(args.id)
    row = archive.get_row(args.id)
    d = analysis_json(art, with_text=args.json)
    # each event's group, the key `marsad event` takes (as the web's /api/article gives it)
    for e, key in zip(d["events"], article_event_groups(archive, art.id, d["events"]), strict=True):
        e["group"] = key
    if args.json:
        d.update({k: row.get(k) for k in ("url", "copy_group", "first_published", "story")})
        d["author_field"] = archive.author_field(row)
        if art.id != args.id:
            d["requested_id"] = args.id  # as the web's /api/article does
        print_json(d)
        return 0
    console.print(f"[bold]{art.title}[/]")
    if art.id != args.id:
        console.print(Text(f"{args.id} was read with the same text as {art.id}; this is that article"))
    console.print(f"id {art.id} · source {art.source or '?'} · url {art.url or '-'}")
    console.print(f"published {art.published_at or 'unknown'} (from {art.published_at_source or '-'}, "
                  f"confidence {art.published_at_confidence:.2f})")
    if art.dateline_place or art.dateline_agency:
        console.print(f"dateline: place {art.dateline_place or '-'} · agency {art.dateline_agency or '-'}")
    if art.byline:
        console.print(f"byline: {art.byline}")
    if author := archive.author_field(row):  # what the dateline and byline were read from
        console.print(Text(f"author field: «{author}» (the dateline and byline where the text gives none)"))
    if art.credit:
        console.print(f"credit: {art.credit}")
    console.print(f"language {art.language} {art.language_flag}")
    for k in ("copy_group", "story"):
        if row.get(k) is not None:
            console.print(f"{k}: {row[k]}")
    console.print()
    t = Text(art.text)
    for s in sorted(art.spans, key=lambda s: (s.layer == "event", -(s.end - s.start))):
        if s.end > s.start:
            t.stylize(_STYLES.get(s.layer, ""), s.start, s.end)
    console.print(t)
    console.print()
    tab = Table("layer", "label", "text", "value", "start", "end", title="annotations")
    for s in art.spans:
        tab.add_row(s.layer, s.label, art.text[s.start:s.end].strip()[:60].replace("\n", " "),
                    s.value[:40], str(s.start), str(s.end))
    console.print(tab)
    show_article_events(d["events"])
    return 0


# --- analyze --------------------------------------------------------------------------------


def cmd_analyze(args: argparse.Namespace) -> int:
    if args.conll:
        from marsad.cli.entity_cmds import cmd_analyze_conll

        return cmd_analyze_conll(args)
    import os

    from marsad.ingest.inputs import iter_inputs
    from marsad.ingest.readers import FieldMap, ReadOptions
    from marsad.pipeline.output import analysis_json
    from marsad.pipeline.registry import DEFAULT_SPEC
    from marsad.runners.local import (
        _default,
        _where,
        analyse_all,
        article_from_json,
        assign_id,
        doc_hash,
    )

    fields = FieldMap(id=args.id_field, text=args.text_field, title=args.title_field,
                      source=args.source_field, url=args.url_field, date=args.date_field,
                      author=args.author_field, date_kind="crawl" if args.date_is_crawl_time else "metadata")
    spec = list(DEFAULT_SPEC)
    failed = 0
    written = 0

    def batches():  # type: ignore[no-untyped-def]
        nonlocal failed
        buf = []
        if not args.input.startswith(("http://", "https://")) and not Path(args.input).exists():
            raise ConfigError(f"{args.input}: no such file or folder")
        opts = ReadOptions(fields=fields, source=args.source, format=args.format, workers=args.workers)
        for it in iter_inputs([args.input], opts):
            if isinstance(it, (InputError, RecordError)):
                failed += 1
                err_console.print(Text(str(it)), soft_wrap=True)  # one line per error
                continue
            for w in it.warnings:  # as ingest reports them: undecodable bytes, a date not used …
                err_console.print(Text(f"[W100] {_where(it)}: {w}"), soft_wrap=True)
            h = doc_hash(it)
            buf.append({"record": it, "id": assign_id(it, h), "doc_hash": h})
            if len(buf) >= 100:
                yield orjson.dumps(buf, default=_default)
                buf = []
        if buf:
            yield orjson.dumps(buf, default=_default)

    workers = args.workers or os.cpu_count() or 1
    try:
        out_file = open(args.output, "wb")  # noqa: SIM115 - closed by the with below
    except OSError as e:
        raise ConfigError(f"cannot write {args.output} ({e.strerror or e}); give -o a path in a folder "
                          "you can write to") from None
    with out_file as out:
        def write(result: bytes) -> None:
            nonlocal written, failed
            for d in orjson.loads(result):
                if "error" in d:
                    failed += 1
                    err_console.print(Text(f"{d['where']}: {d['error']}"), soft_wrap=True)
                    continue
                out.write(orjson.dumps(analysis_json(article_from_json(d["article"]),
                                                     with_text=args.with_text)) + b"\n")
                written += 1

        for result in analyse_all(spec, batches(), workers=workers, scheduler=args.scheduler):
            write(result)
    err_console.print(f"analysed {counted(written, 'article')} into {args.output}; {failed:,} failed", soft_wrap=True)
    return 0 if written or not failed else 1


# --- demo -----------------------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace) -> int:
    from importlib import resources

    import marsad

    sample = Path(str(resources.files("marsad") / "data" / "sample"))
    archive = marsad.open(args.archive)
    console.print(f"[bold]marsad demo[/]: ingesting the sample corpus from {sample}")
    extra = [e for e in args.extra if Path(e).exists()]
    if extra:
        console.print(f"and {', '.join(extra)}")
    summary = archive.ingest([str(sample), *extra])
    d = summary.as_dict()
    console.print(f"read {d['read']}, stored {d['stored']}, duplicates {d['duplicates']}, "
                  f"failed {d['failed']} (the sample includes broken files on purpose)")
    for w, c, m in summary.errors[:12]:
        console.print(Text(f"  [{c}] {w}: {m}"), style="dim")
    st = archive.stats()
    console.print(f"\n[bold]{st['articles']}[/] articles from {len(st['sources'])} sources, "
                  f"published {st['published']['first']} … {st['published']['last']}")
    console.print("annotations: " + ", ".join(f"{k} {v}" for k, v in st["spans"].items()))
    for q in ("روسيا", "إيران", '"منظمة شنغهاي"'):
        hits, total = archive.search(q, limit=3)
        console.print(f"\n[bold]search «{q}»[/]: {total} articles")
        for h in hits:
            console.print(Text(f"  {h.id}  {h.source}  {h.published_at or '?'}  {h.title}"))
    from marsad.cli.main import main as cli

    path = str(archive.path)
    archive.close()
    console.print("\n[bold]the most mentioned people[/] (variants merged)")
    cli(["entities", "--archive", path, "--type", "PER", "--limit", "8"])
    console.print("\n[bold]the biggest stories[/] (copies and independent reports of one event)")
    cli(["stories", "--archive", path, "--limit", "5"])
    hits, _ = marsad.open(path, readonly=True).search("سبوتنيك", limit=1)
    if hits:
        console.print(f"\n[bold]one article with its annotations[/]: marsad show --archive {path} {hits[0].id}")
    console.print(f"\nthe archive is {path}; try: marsad search --archive {path} روسيا")
    return 0
