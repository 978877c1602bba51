"""The archive's schema as named, ordered migrations; each runs once, in a transaction, and is
recorded in the ``migrations`` table.

Add a migration by appending to :data:`MIGRATIONS`; never edit one that has shipped.

``0008_analysis_spec`` records how each article was analysed: ``articles.spec`` points at the
list of versioned stage names that ran (``analysis_specs``), and ``articles.input`` keeps, as
JSON, the input's fields that the stages read but no other column keeps as they were given
(``title`` when a stage may fill it, ``date``, ``date_kind``, ``author``), so that the article
can be analysed again from the archive alone (``marsad update --reanalyse``). Both are NULL
for articles stored before the migration: their spec is unknown.

``0009_entity_context`` keeps what the entity registry matches a new key with beyond the
entity's row (:mod:`marsad.store.entities`): the name it was opened with (the row's ``name``
is the canonical one, chosen again after every run), its co-mentioned entities (the most
frequent, bounded), roles and countries, so that an archive ingested in two batches links
its keys as one ingest would. Entities stored before have no context row: the registry starts
theirs from the row. ``0010_entity_context_names`` adds the names an entity's candidates are
found by (the blocking index: the names its keys were linked under; a context stored before
starts from the row's names and variants).

``0011_spans_value_places`` widens the spans' ``(layer, value)`` index to ``(layer, value,
article, start, end)``: the places of an entity's mentions (display names, surface forms) and
the articles that mention it are read from the index alone, with no look-up of each span's
row. On a 2,832-article SaudiNewsNet archive the index grew from 3.36 to 3.72 MB (the archive
73.7 MB) and an uncached ``/api/entities`` (the 50 most mentioned) went from 0.079 to 0.061 s;
see ``docs/entities.md``.
"""

from __future__ import annotations

#: the spans table read through its per-article index (``spans_article``), for queries bound to
#: given articles: when statistics are stale SQLite's planner takes the (layer, value) index
#: instead and reads every mention span of the archive
SPANS_BY_ARTICLE = "spans INDEXED BY spans_article"

#: the tables whose statistics (ANALYZE) the planner needs; refreshed after every ingest
ANALYZED_TABLES = ("articles", "spans")

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_articles",
        """
        CREATE TABLE articles (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            doc_hash TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            published_at TEXT,
            published_day TEXT,
            published_at_source TEXT NOT NULL DEFAULT '',
            published_at_confidence REAL NOT NULL DEFAULT 0,
            dateline_place TEXT NOT NULL DEFAULT '',
            dateline_agency TEXT NOT NULL DEFAULT '',
            byline TEXT NOT NULL DEFAULT '',
            credit TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            language_flag TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            meta TEXT NOT NULL DEFAULT '{}',
            provenance TEXT NOT NULL DEFAULT '{}',
            fingerprint BLOB,
            ingested_at TEXT NOT NULL,
            copy_group INTEGER,
            first_published INTEGER,
            story INTEGER
        );
        CREATE INDEX articles_source ON articles(source);
        CREATE INDEX articles_day ON articles(published_day);
        CREATE INDEX articles_hash ON articles(doc_hash);
        CREATE TABLE spans (
            article INTEGER NOT NULL REFERENCES articles(rowid),
            layer TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            value TEXT NOT NULL DEFAULT '',
            attrs TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX spans_article ON spans(article, layer);
        CREATE INDEX spans_value ON spans(layer, value);
        CREATE VIRTUAL TABLE fts USING fts5(
            title, body, content='', tokenize="unicode61 remove_diacritics 0"
        );
        CREATE TABLE aliases (
            id TEXT PRIMARY KEY,
            article INTEGER NOT NULL REFERENCES articles(rowid)
        ) WITHOUT ROWID;
        CREATE TABLE boilerplate (
            source TEXT NOT NULL,
            line TEXT NOT NULL,
            count INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (source, line)
        ) WITHOUT ROWID;
        CREATE TABLE ingest_runs (
            run INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            inputs TEXT NOT NULL,
            read INTEGER NOT NULL DEFAULT 0,
            stored INTEGER NOT NULL DEFAULT 0,
            duplicates INTEGER NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE ingest_errors (
            run INTEGER NOT NULL,
            "where" TEXT NOT NULL,
            code TEXT NOT NULL,
            message TEXT NOT NULL
        );
        """,
    ),
    (
        "0002_entity_registry",
        """
        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL,
            name TEXT NOT NULL,
            english TEXT NOT NULL DEFAULT '',
            country TEXT NOT NULL DEFAULT '',
            variants TEXT NOT NULL DEFAULT '{}',
            confidence REAL NOT NULL DEFAULT 1,
            evidence TEXT NOT NULL DEFAULT '[]',
            first_seen TEXT,
            last_seen TEXT,
            count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX entities_type ON entities(type, count);
        CREATE TABLE entity_aliases (
            key TEXT PRIMARY KEY,
            entity INTEGER NOT NULL REFERENCES entities(id),
            count INTEGER NOT NULL DEFAULT 0,
            confidence REAL NOT NULL DEFAULT 1,
            evidence TEXT NOT NULL DEFAULT ''
        ) WITHOUT ROWID;
        CREATE INDEX entity_aliases_entity ON entity_aliases(entity);
        CREATE TABLE entity_overrides (
            id INTEGER PRIMARY KEY,
            action TEXT NOT NULL,
            a TEXT NOT NULL,
            b TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE TABLE entity_state (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
    ),
    (
        "0003_copies_stories",
        """
        CREATE TABLE lsh_bands (
            key INTEGER NOT NULL,
            article INTEGER NOT NULL,
            PRIMARY KEY (key, article)
        ) WITHOUT ROWID;
        CREATE TABLE copy_pairs (
            a INTEGER NOT NULL,
            b INTEGER NOT NULL,
            jaccard REAL NOT NULL,
            a_in_b REAL NOT NULL,
            b_in_a REAL NOT NULL,
            lead REAL NOT NULL DEFAULT 0,
            PRIMARY KEY (a, b)
        ) WITHOUT ROWID;
        CREATE INDEX copy_pairs_b ON copy_pairs(b);
        CREATE TABLE copy_edges (
            dst INTEGER PRIMARY KEY,
            src INTEGER NOT NULL,
            grp INTEGER NOT NULL,
            jaccard REAL NOT NULL,
            added REAL NOT NULL,
            removed REAL NOT NULL
        );
        CREATE INDEX copy_edges_grp ON copy_edges(grp);
        CREATE TABLE copy_groups (
            grp INTEGER PRIMARY KEY,
            first INTEGER NOT NULL,
            agency TEXT NOT NULL DEFAULT '',
            size INTEGER NOT NULL
        );
        CREATE TABLE stories (
            story INTEGER PRIMARY KEY,
            first_day TEXT,
            last_day TEXT,
            size INTEGER NOT NULL DEFAULT 0,
            sources INTEGER NOT NULL DEFAULT 0,
            first_article INTEGER,
            thread INTEGER,
            active INTEGER NOT NULL DEFAULT 1,
            terms TEXT NOT NULL DEFAULT '[]',
            state TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX stories_days ON stories(first_day, last_day);
        CREATE INDEX stories_thread ON stories(thread);
        CREATE INDEX stories_active ON stories(active);
        CREATE TABLE threads (
            thread INTEGER PRIMARY KEY,
            first_day TEXT,
            last_day TEXT,
            stories INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1,
            terms TEXT NOT NULL DEFAULT '[]',
            state TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX threads_active ON threads(active);
        CREATE TABLE term_df (
            term TEXT PRIMARY KEY,
            df INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE source_term_days (
            source TEXT NOT NULL,
            term TEXT NOT NULL,
            days INTEGER NOT NULL,
            PRIMARY KEY (source, term)
        ) WITHOUT ROWID;
        CREATE TABLE corpus_state (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX articles_copy_group ON articles(copy_group);
        CREATE INDEX articles_story ON articles(story);
        """,
    ),
    (
        "0004_postings",
        """
        CREATE TABLE postings (
            term TEXT NOT NULL,
            seg INTEGER NOT NULL,
            docs BLOB NOT NULL,
            tfs BLOB NOT NULL
        );
        CREATE UNIQUE INDEX postings_term ON postings(term, seg);
        CREATE TABLE postings_docs (
            seg INTEGER PRIMARY KEY,
            docs BLOB NOT NULL,
            lens BLOB NOT NULL
        );
        CREATE TABLE postings_state (
            key TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        """,
    ),
    (
        "0005_statistics",
        """
        ANALYZE articles;
        ANALYZE spans;
        """,
    ),
    (
        "0006_template_articles",
        """
        ALTER TABLE source_term_days ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
        """,
    ),
    (
        "0007_story_merges",
        """
        CREATE TABLE story_merges (
            story INTEGER PRIMARY KEY,
            into_story INTEGER NOT NULL
        );
        CREATE INDEX story_merges_into ON story_merges(into_story);
        """,
    ),
    (
        "0008_analysis_spec",
        """
        CREATE TABLE analysis_specs (
            spec INTEGER PRIMARY KEY,
            stages TEXT NOT NULL UNIQUE
        );
        ALTER TABLE articles ADD COLUMN spec INTEGER REFERENCES analysis_specs(spec);
        ALTER TABLE articles ADD COLUMN input TEXT;
        CREATE INDEX articles_spec ON articles(spec);
        """,
    ),
    (
        "0009_entity_context",
        """
        CREATE TABLE entity_context (
            entity INTEGER PRIMARY KEY REFERENCES entities(id),
            name TEXT NOT NULL,
            comentions TEXT NOT NULL DEFAULT '{}',
            roles TEXT NOT NULL DEFAULT '{}',
            countries TEXT NOT NULL DEFAULT '{}'
        );
        """,
    ),
    (
        "0010_entity_context_names",
        """
        ALTER TABLE entity_context ADD COLUMN names TEXT NOT NULL DEFAULT '[]';
        """,
    ),
    (
        "0011_spans_value_places",
        """
        DROP INDEX spans_value;
        CREATE INDEX spans_value ON spans(layer, value, article, start, "end");
        ANALYZE spans;
        """,
    ),
]
