"""The registry's name test keeps every candidate the score could link: whatever it drops
scores zero on the names, so the registry links the same keys with it as without it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.corpus.name_filter import BlockNames, NameKeys, may_match
from marsad.corpus.registry import EntityRegistry, RegEntity, name_skeleton

#: words that meet in the registry's blocks: given names one letter apart, a name with عبد
#: written apart and together, بن and a father's name, a surname spelt two ways, places
#: with an article, a nisba or a plural after them, one-letter words
WORDS = ["محمد", "محمود", "احمد", "حمد", "بن", "ابن", "سلمان", "سلطان", "عبد", "الله", "عبدالله",
         "ترامب", "ترمب", "دونالد", "الرياض", "رياض", "الرياضي", "الرياضيون", "الرويضة", "مصر", "مصري",
         "المصريين", "جوجل", "غوغل", "بوتين", "بوتن", "فلاديمير", "بان", "كي", "جي", "مون", "و", "ا"]

_name = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
_type = st.sampled_from(["PER", "ORG", "GPE", "LOC", "NORP", "MISC"])


def _scores(typ: str, name: str, theirs: list[str]) -> list[float]:
    """The registry's score of ``name`` against entities compared by ``theirs``, with nothing
    but the names to go by (no country, co-mention or role)."""
    reg = EntityRegistry.__new__(EntityRegistry)  # _score reads only its arguments
    return [reg._score(typ, name, {}, set(), RegEntity(i + 1, f"k{i}", typ, t, match=t))[0]
            for i, t in enumerate(theirs)]


@settings(max_examples=400, deadline=None)
@given(_type, _name, st.lists(_name, min_size=1, max_size=30))
def test_what_the_test_drops_scores_zero(typ: str, name: str, theirs: list[str]) -> None:
    keys = NameKeys(name_skeleton)
    keep = may_match(typ, name, theirs, keys)
    for t, s, k in zip(theirs, _scores(typ, name, theirs), keep.tolist(), strict=True):
        assert k or s <= 0, (typ, name, t, s)
    # a block tests its members as the list does
    block = BlockNames()
    block.ids.extend(range(1, len(theirs) + 1))
    kept = block.kept(typ, keys(name), lambda i: keys(theirs[i - 1]))
    assert kept == [i + 1 for i, k in enumerate(keep.tolist()) if k]


def test_most_candidates_are_dropped_and_the_near_kept() -> None:
    keys = NameKeys(name_skeleton)
    theirs = ["محمد بن سلمان", "محمد بن نايف", "محمد صلاح", "دونالد ترامب", "محمود عباس", "محمد"]
    got = may_match("PER", "محمد بن سلمان بن عبدالعزيز", theirs, keys).tolist()
    assert got == [True, True, True, False, True, True]
    assert _scores("PER", "محمد بن سلمان بن عبدالعزيز", theirs)[3] == 0
    # two full names of one length are compared by their last words too
    assert may_match("PER", "محمد صلاح", ["محمد عبده", "محمد صلاح", "احمد صلاح"], keys).tolist() == [False, True, True]
    # places: the same skeleton (رض: the score then asks the spellings, and turns الرويضة away)
    # or a ratio of skeletons near 0.9 at least
    assert may_match("GPE", "الرياض", ["رياض", "الرويضة", "مصر"], keys).tolist() == [True, True, False]
    assert _scores("GPE", "الرياض", ["رياض", "الرويضة"])[1] == 0


def test_blocks_of_one_size_are_taken_in_the_order_of_their_skeletons(monkeypatch) -> None:
    """Two blocks of one size over ``BLOCK_CAP``: the first is taken, and which is first does
    not hang on the order of a set of strings (the interpreter's hash seed): the block of the
    smaller skeleton, whatever order ``block_keys`` gives them in."""
    from collections import defaultdict

    from marsad.corpus import registry

    def fresh() -> EntityRegistry:
        reg = EntityRegistry.__new__(EntityRegistry)
        reg.ents, reg.alias, reg.forced, reg.apart = {}, {}, {}, set()
        reg.block, reg._block_names = defaultdict(set), defaultdict(registry.BlockNames)
        reg._names = NameKeys(name_skeleton)
        # A in the block of بنك, B in that of رض (الرياض), each beside a stranger: two blocks of
        # two; A and B are both compared by the name looked up, so either would be linked
        for eid, key, name, indexed in ((1, "org:a", "بنك الرياض", "بنك"), (2, "org:p", "شركة", "بنك"),
                                        (3, "org:b", "بنك الرياض", "الرياض"), (4, "org:q", "شركة", "الرياض")):
            reg.ents[eid] = e = RegEntity(eid, key, "ORG", name, match=name)
            reg._index(e, indexed)
        return reg

    monkeypatch.setattr(registry, "BLOCK_CAP", 1)
    got = set()
    for order in (["بنكرض", "بنك", "رض"], ["بنكرض", "رض", "بنك"]):
        reg = fresh()  # indexed by the real block keys
        with monkeypatch.context() as m:  # the looked-up name's block keys in this order
            m.setattr(registry, "block_keys", lambda name, order=order: list(order))
            e, _score, _why = reg._match("org:بنك الرياض", "ORG", "بنك الرياض", {}, set())
        got.add(e.key)
    assert got == {"org:a"}
