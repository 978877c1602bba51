"""The copy stage over an archive: copy groups do not depend on how the new articles are cut
into batches, on whether their signatures were stored, nor on a run stopped between its keys
and its groups; a stored group is joined only through its first member (a lone article also
through two of its members); the rewritten-lead
rule reads the outlets from the store; the span-key pass gives each text its own shingles and keys
whichever process takes its chunk."""

from __future__ import annotations

import orjson
from corpus_fixtures import archive_of, copy_groups, digest_items, items

from marsad.corpus.copy_stage import update_copies
from marsad.store.corpus_store import CorpusStore
from written import made_up_words


def test_copy_groups_do_not_depend_on_batches_or_stored_signatures(tmp_path) -> None:
    one = archive_of(tmp_path, "one")
    update_copies(one)
    many = archive_of(tmp_path, "many")
    # no stored signatures: computed from the clean text; batches of three against the stored bands
    many._writer.execute("UPDATE articles SET fingerprint = NULL")
    got = update_copies(many, batch=3, chunk=2)
    assert got["articles"] == len(items())
    assert copy_groups(one) == copy_groups(many)
    same = {"wire", "reprint-trimmed", "reprint-reordered", "reprint-of-reprint"}
    assert any(same <= g for g in copy_groups(one)), "the wire and its reprints are not one group"
    firsts = {r["id"] for r in one.iter_rows(columns=["id", "first_published", "copy_group"])
              if r["first_published"] == 1 and r["id"] in same}
    assert len(firsts) == 1
    # small chunks: half of the sentence keys come from a forked worker
    halves = archive_of(tmp_path, "halves")
    update_copies(halves, chunk=2)
    assert copy_groups(halves) == copy_groups(one)
    # a second run finds nothing new and changes nothing
    assert update_copies(one) == {}
    assert copy_groups(one) == copy_groups(many)


def test_a_stored_group_is_joined_only_through_its_first_member(tmp_path) -> None:
    # the second item and the digest that prints both items are stored as one group (first
    # batch) before the first item arrives (second batch): it verifies against the digest but
    # not against the group's first member, so it stays apart
    from marsad.corpus.copy_rules import DedupParams

    one, two, digest = digest_items()
    got = {}
    for guard in (True, False):
        a = archive_of(tmp_path, f"guard-{guard}", recs=[two, digest, one])
        update_copies(a, batch=2, params=DedupParams(chain_guard=guard))
        got[guard] = copy_groups(a)
    assert {"item-two", "digest"} in got[True] and {"item-one"} in got[True]
    # without the guard the stored group takes it in through the digest
    assert {"item-one", "item-two", "digest"} in got[False]


def test_stored_signatures_unpacked_at_once_are_those_unpacked_one_by_one() -> None:
    import numpy as np

    from marsad.corpus.copy_stage import _signatures
    from marsad.corpus.minhash import MinHashParams, pack, unpack

    mp = MinHashParams()
    rng = np.random.default_rng(7)
    blobs = {k: pack(rng.integers(0, 2**32, mp.num_perm, dtype=np.uint64).astype(np.uint32),
                     int(rng.integers(0, 2**31)), mp) for k in (5, 2, 9, 40)}
    row, sig, sizes = _signatures(None, blobs, mp, 2)  # type: ignore[arg-type]  # no text is read
    for k, b in blobs.items():
        want_sig, want_n = unpack(b, mp)
        assert sig[row[k]].tolist() == want_sig.tolist() and int(sizes[row[k]]) == want_n
    assert sorted(row) == [2, 5, 9, 40]


def test_keys_stored_by_a_stopped_run_change_no_group(tmp_path) -> None:
    """The batch's keys are committed by a thread of their own before the groups: a run that
    stopped in between finds its own articles in ``lsh_bands`` and must not pair them (with
    one stored candidate a bucket, they would hide the wire from its reprints)."""
    import numpy as np

    from marsad.corpus.copy_rules import DedupParams
    from marsad.corpus.copy_stage import _span_pass, _write_keys
    from marsad.corpus.lsh import LSHParams, band_keys
    from marsad.runners.local import IngestOptions

    params = DedupParams(lsh=LSHParams(window=1))
    first, rest = items()[:1], items()[1:]  # the wire, then its reprints and the others

    def archive(name: str, *, stop: bool):
        a = archive_of(tmp_path, name, recs=first)
        update_copies(a, params=params)
        path = tmp_path / f"{name}-rest.jsonl"
        path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rest))
        a.ingest([str(path)], options=IngestOptions(workers=1, corpus=False))
        if stop:  # the keys of the next batch stored, its groups not
            cs = CorpusStore(a)
            got = cs.fingerprints_after(int(cs.state("copies")["last_rowid"]), limit=1000)
            keys = [k for k, _p, _f in got]
            sig = np.stack([np.frombuffer(f, dtype="<u4", offset=8).astype(np.uint32) for _k, _p, f in got])
            _write_keys(cs, np.asarray(keys, dtype=np.int64), band_keys(sig, params.lsh),
                        _span_pass(cs, keys, params, chunk=2000)[0])
            cs.commit()
        update_copies(a, params=params)
        return a

    whole, stopped = archive("whole", stop=False), archive("stopped", stop=True)
    assert any({"wire", "reprint-trimmed"} <= g for g in copy_groups(whole))
    assert copy_groups(stopped) == copy_groups(whole)


def test_the_reworded_copy_rule_reads_outlets_and_days_from_the_store(tmp_path) -> None:
    # the texts of the batch test of the rule (test_dedup): every sentence reworded
    from corpus_fixtures import REWORDED, P

    from marsad.corpus.copy_rules import DedupParams

    def groups(name: str, dates: tuple[str, str], params: DedupParams | None = None) -> set[frozenset[str]]:
        recs = [{"id": "wire", "source": "was", "date": dates[0], "title": "محطة تبوك", "text": "\n".join(P)},
                {"id": "edited", "source": "okaz", "date": dates[1], "title": "تدشين محطة شمسية",
                 "text": "\n".join(REWORDED)}]
        a = archive_of(tmp_path, name, recs=recs)
        update_copies(a, params=params)
        return copy_groups(a)

    same_day = ("2015-08-10T08:00:00", "2015-08-10T21:00:00")
    assert groups("same-day", same_day) == {frozenset({"wire", "edited"})}
    assert groups("off", same_day, DedupParams(reworded=None)) == {frozenset({"wire"}), frozenset({"edited"})}
    assert groups("two-days", ("2015-08-10T08:00:00", "2015-08-12T08:00:00")) == {frozenset({"wire"}), frozenset({"edited"})}


def test_the_rewritten_lead_rule_joins_across_outlets_in_the_archive_too(tmp_path) -> None:
    # the same texts as the batch test of the rule (test_dedup): the archive's copy stage reads
    # the outlets from the store
    from corpus_fixtures import rewritten_pair

    from marsad.corpus.copy_rules import DedupParams

    on = DedupParams(head_found=0.4)
    wire, reprint = rewritten_pair()

    def groups(name: str, outlets: tuple[str, str], params: DedupParams) -> set[frozenset[str]]:
        recs = [{"id": "wire", "source": outlets[0], "date": "2015-08-10T08:00:00", "title": "محطة تبوك", "text": wire},
                {"id": "reprint", "source": outlets[1], "date": "2015-08-10T12:00:00", "title": "محطة شمسية",
                 "text": reprint}]
        a = archive_of(tmp_path, name, recs=recs)
        update_copies(a, params=params)
        return copy_groups(a)

    assert groups("across", ("was", "okaz"), on) == {frozenset({"wire", "reprint"})}
    assert groups("one-outlet", ("okaz", "okaz"), on) == {frozenset({"wire"}), frozenset({"reprint"})}
    off = DedupParams(head_found=None, reworded=None, contained=None)  # the other rules find it too
    assert groups("off", ("was", "okaz"), off) == {frozenset({"wire"}), frozenset({"reprint"})}
    assert groups("default", ("was", "okaz"), DedupParams()) == {frozenset({"wire", "reprint"})}


def _reprints_of_an_intro(x_source: str) -> list[dict]:
    """A wire text (body ``P`` + ``Q``), two papers' reprints of it behind one intro of their
    own (``I`` + ``P`` + ``Q``: a copy of the wire by Jaccard), and a later paper's trimmed
    reprint of theirs (``I`` + ``P``), which verifies with each reprint but not with the wire:
    its lead is the intro, and the wire holds too little of it."""
    intro, p, q = made_up_words(1, 45), made_up_words(2, 60), made_up_words(3, 240)
    rows = (("wire", "was", "08:00", f"{p} {q}"), ("reprint-one", "okaz", "09:00", f"{intro} {p} {q}"),
            ("reprint-two", "alyaum", "10:00", f"{intro} {p} {q} {made_up_words(4, 3)}"),
            ("trimmed", x_source, "12:00", f"{intro} {p}"))
    return [{"id": i, "source": s, "date": f"2015-08-10T{t}:00", "title": f"عنوان {i}", "text": x}
            for i, s, t, x in rows]


def test_a_lone_article_joins_a_stored_group_through_two_of_its_members(tmp_path) -> None:
    """The chaining guard keeps a lone article that verifies with one member of a stored group,
    not with its first member, apart; one that verifies with two members joins (the group's
    stored size tells the group's root from a lone article), unless it is of the first
    member's outlet."""
    recs = _reprints_of_an_intro("sabq")
    a = archive_of(tmp_path, "two", recs=recs)
    update_copies(a, batch=3)  # the wire and its reprints stored first, then the trimmed one
    assert frozenset({"wire", "reprint-one", "reprint-two", "trimmed"}) in copy_groups(a)
    one = archive_of(tmp_path, "one", recs=[r for r in recs if r["id"] != "reprint-two"])
    update_copies(one, batch=2)
    assert {frozenset({"wire", "reprint-one"}), frozenset({"trimmed"})} <= copy_groups(one)
    own = archive_of(tmp_path, "own", recs=_reprints_of_an_intro("was"))
    update_copies(own, batch=3)
    assert frozenset({"trimmed"}) in copy_groups(own)


def test_the_span_key_pass_gives_each_texts_own_shingles_and_keys_whoever_takes_its_chunk(tmp_path) -> None:
    """The span-key pass's chunks (two texts each here: a forked worker takes them from the
    first, this process from the last) give every article the shingle hashes and span keys of
    its clean text alone, which the exact check then reuses instead of shingling it again."""
    import numpy as np

    from marsad.corpus.clean_view import clean_texts
    from marsad.corpus.copy_rules import DedupParams
    from marsad.corpus.copy_stage import _span_pass
    from marsad.corpus.dedup import span_keys
    from marsad.corpus.minhash import shingle_hashes

    params = DedupParams(span_anchor=2)  # more anchors: keys in every text
    a = archive_of(tmp_path, "pass")
    cs = CorpusStore(a)
    keys = [k for k, _p, _f in cs.fingerprints_after(0, limit=1000)][::-1]  # any order
    assert len(keys) >= 8, "too few articles to fork the worker"
    texts = clean_texts(cs, keys)
    for chunk in (2, 3, len(keys)):
        skeys, shingled = _span_pass(cs, keys, params, chunk=chunk)
        assert len(skeys) == len(keys)
        for k, sk in zip(keys, skeys, strict=True):
            h, o = shingle_hashes([texts[k]], ngram=params.minhash.ngram)
            assert np.array_equal(shingled.get(k), h)
            assert np.array_equal(sk, span_keys(h, o, params)[0])
        assert shingled.get(-1) is None
    assert any(len(sk) for sk in skeys)


def test_the_contained_text_rule_joins_in_the_archive_too(tmp_path) -> None:
    # the texts of the batch test of the rule (test_contained_copy): the archive's copy stage
    # reads the outlets and the days from the store
    from corpus_fixtures import PAPER
    from corpus_fixtures import WIRE_WHOLE as WIRE

    from marsad.corpus.copy_rules import DedupParams

    def groups(name: str, outlets: tuple[str, str], paper_day: str, params: DedupParams) -> set[frozenset[str]]:
        recs = [{"id": "wire", "source": outlets[0], "date": "2015-08-10T08:00:00", "title": "محطة تبوك", "text": WIRE},
                {"id": "paper", "source": outlets[1], "date": f"{paper_day}T20:00:00", "title": "الطاقة المتجددة",
                 "text": PAPER}]
        a = archive_of(tmp_path, name, recs=recs)
        update_copies(a, params=params)
        return copy_groups(a)

    apart = {frozenset({"wire"}), frozenset({"paper"})}
    assert groups("next-day", ("was", "okaz"), "2015-08-11", DedupParams()) == {frozenset({"wire", "paper"})}
    assert groups("off", ("was", "okaz"), "2015-08-11", DedupParams(contained=None)) == apart
    assert groups("one-outlet", ("okaz", "okaz"), "2015-08-10", DedupParams()) == apart
    assert groups("days-later", ("was", "okaz"), "2015-08-13", DedupParams()) == apart
