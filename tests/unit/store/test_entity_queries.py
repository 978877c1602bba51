"""Entity names, labels and surface forms (store/entity_queries.py) on an archive whose rows the
test writes: which mentions a display name is read from, how they are cut from the texts, the
type of a key the registry does not know."""

from __future__ import annotations

import marsad
from marsad.store import entity_queries as eq

#: made-up sentences; the mentions of each are cut at the offsets found below
TEXTS = ["قال أوباما إن أوباما لن يتراجع، وأكد باراك أوباما ذلك في واشنطن.",
         "التقى باراك أوباما نظيره في #واشنطن أمس.",
         "زار أوباما واشنطن."]


def _archive(tmp_path):  # type: ignore[no-untyped-def]
    """Three articles; the entity per:باراك اوباما has two alias keys (the surname alone and
    the full name), واشنطن is a bare mention value; spans stored in text order."""
    a = marsad.open(tmp_path / "e.db")
    w = a._writer
    for i, text in enumerate(TEXTS, 1):
        w.execute("INSERT INTO articles (rowid, id, doc_hash, text, ingested_at) VALUES (?, ?, ?, ?, '')",
                  (i, f"a{i}", f"h{i}", text))
    rows = []
    for i, text in enumerate(TEXTS, 1):
        found = []
        for form, key, label in (("باراك أوباما", "per:باراك اوباما", "PER"), ("أوباما", "per:اوباما", "PER"),
                                 ("#واشنطن", "gpe:واشنطن", "GPE"), ("واشنطن", "gpe:واشنطن", "GPE")):
            at = text.find(form)
            while at >= 0:
                if not any(s <= at < e for s, e, *_ in found):
                    found.append((at, at + len(form), key, label))
                at = text.find(form, at + 1)
        rows += [(i, "mention", s, e, label, key) for s, e, key, label in sorted(found)]
    w.executemany('INSERT INTO spans (article, layer, start, "end", label, value) VALUES (?, ?, ?, ?, ?, ?)', rows)
    w.execute("INSERT INTO entities (id, key, type, name, english) VALUES (1, 'per:باراك اوباما', 'PER',"
              " 'باراك اوباما', 'Barack Obama')")
    w.executemany("INSERT INTO entity_aliases (key, entity) VALUES (?, 1)", [("per:باراك اوباما",), ("per:اوباما",)])
    w.commit()
    return a


def test_a_display_name_is_read_from_the_first_mentions_of_the_sorted_keys(tmp_path) -> None:
    """The sample is the first mentions of the entity's keys in sorted order (per:اوباما before
    per:باراك اوباما), each key's in the order of its articles and places: two of them are the surname alone, so
    the registry name shows as the registry writes it; four reach the full name as written."""
    a = _archive(tmp_path)
    con = a.con
    keys = ["per:باراك اوباما", "gpe:واشنطن"]
    assert eq.display_names(con, keys, sample=2) == {"per:باراك اوباما": "باراك اوباما", "gpe:واشنطن": "واشنطن"}
    assert eq.display_names(con, keys, sample=500) == {"per:باراك اوباما": "باراك أوباما", "gpe:واشنطن": "واشنطن"}
    forms = eq._forms(con, {"per:باراك اوباما": ["per:باراك اوباما", "per:اوباما"], "gpe:واشنطن": ["gpe:واشنطن"]},
                      sample=500)
    assert forms["per:باراك اوباما"] == {"أوباما": 3, "باراك أوباما": 2}
    assert list(forms["per:باراك اوباما"]) == ["أوباما", "باراك أوباما"]  # counted in the order read
    assert forms["gpe:واشنطن"] == {"واشنطن": 3}  # the hashtag's # is no part of the name
    a.close()


def test_labels_give_the_registry_type_or_the_first_mention_s(tmp_path) -> None:
    a = _archive(tmp_path)
    got = eq.labels(a.con, ["per:باراك اوباما", "gpe:واشنطن", "per:nobody"])
    assert got == {"per:باراك اوباما": {"name": "باراك أوباما", "type": "PER", "name_en": "Barack Obama"},
                   "gpe:واشنطن": {"name": "واشنطن", "type": "GPE", "name_en": None},
                   "per:nobody": {"name": "per:nobody", "type": None, "name_en": None}}
    a.close()


def test_surface_forms_count_every_mention_as_written(tmp_path) -> None:
    """Every mention of the entity's keys, cut from its article's text, counted by form as
    written (the hashtag's # kept), the most frequent first."""
    a = _archive(tmp_path)
    ref = eq.resolve(a.con, "per:اوباما")
    assert ref is not None and ref.key == "per:باراك اوباما"
    assert eq.surface_forms(a.con, ref) == [("أوباما", 3), ("باراك أوباما", 2)]
    assert eq.surface_forms(a.con, eq.EntityRef("gpe:واشنطن", ("gpe:واشنطن",), None)) == [("واشنطن", 2),
                                                                                          ("#واشنطن", 1)]
    assert eq.summary(a.con, ref)["name"] == "باراك أوباما"
    a.close()


def test_the_sample_and_the_first_label_follow_the_articles_not_the_storage_order(tmp_path) -> None:
    """Mentions are read in the order of their articles and their places in them (the spans'
    (layer, value, article, start, end) index), however they were stored: article 2's spans
    here are stored before article 1's, as after article 2 was analysed again."""
    a = marsad.open(tmp_path / "o.db")
    w = a._writer
    texts = {1: "قال الأمين العام بان كي مون إن المحادثات ستستمر.", 2: "وصل بان جي مون إلى جنيف أمس."}
    for i, text in texts.items():
        w.execute("INSERT INTO articles (rowid, id, doc_hash, text, ingested_at) VALUES (?, ?, ?, ?, '')",
                  (i, f"a{i}", f"h{i}", text))
    rows = []
    for i, form, label in ((2, "بان جي مون", "ORG"), (1, "بان كي مون", "PER")):
        at = texts[i].find(form)
        rows.append((i, "mention", at, at + len(form), label, "per:بان كي مون"))
    w.executemany('INSERT INTO spans (article, layer, start, "end", label, value) VALUES (?, ?, ?, ?, ?, ?)', rows)
    w.commit()
    assert eq.display_names(a.con, ["per:بان كي مون"], sample=1) == {"per:بان كي مون": "بان كي مون"}
    assert eq.labels(a.con, ["per:بان كي مون"])["per:بان كي مون"]["type"] == "PER"
    a.close()


def test_an_archive_before_0011_gets_the_wider_spans_index(tmp_path) -> None:
    """Migration 0011 widens spans(layer, value) to spans(layer, value, article, start, end) and
    keeps the rows; a mention's place is then read from the index alone."""
    import sqlite3

    from marsad.store.archive import migrate
    from marsad.store.schema import MIGRATIONS

    con = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    migrate(con, MIGRATIONS[:10])
    assert [r[2] for r in con.execute("PRAGMA index_info(spans_value)")] == ["layer", "value"]
    con.execute("INSERT INTO articles (rowid, id, doc_hash, text, ingested_at) VALUES (1, 'a1', 'h1', 'زار أوباما واشنطن.', '')")
    con.execute("INSERT INTO spans (article, layer, start, \"end\", label, value)"
                " VALUES (1, 'mention', 4, 10, 'PER', 'per:اوباما')")
    assert migrate(con) == ["0011_spans_value_places"]
    assert [r[2] for r in con.execute("PRAGMA index_info(spans_value)")] == ["layer", "value", "article", "start", "end"]
    query = ("SELECT article, start, \"end\" FROM spans WHERE layer = 'mention' AND value IN (?)"
             " ORDER BY value, article, start LIMIT ?")
    plan = " ".join(r[3] for r in con.execute("EXPLAIN QUERY PLAN " + query, ("per:اوباما", 5)))
    assert "COVERING INDEX spans_value" in plan and "TEMP B-TREE" not in plan
    assert con.execute(query, ("per:اوباما", 5)).fetchall() == [(1, 4, 10)]
    con.close()
