"""Evaluation gates for entities on real gold data, with pinned floors (see docs: lowering a
floor is an explicit act). Skipped when ../shared/data is absent."""

from __future__ import annotations

from importlib import resources

import pytest

#: exact-match micro F1 on the ANERcorp test split (CAMeL split): shipped CRF, surname
#: propagation, gazetteer/Latin-script fill-in (measured 0.7470 when pinned; 0.7543 with the
#: domain-augmented model); since then entity propagation and no fill-in: 0.7530 (chosen on
#: cross-validation of ANERcorp train, +0.66 there; the floor stays)
ANERCORP_F1_FLOOR = 0.745
#: own hand-annotated news (held-out half): span+type F1 over PER/ORG/GPE/LOC/NORP, B³, country
HELDOUT_F1_FLOOR = 0.85  # measured 0.809 when pinned, 0.837 with the domain-augmented model, 0.862 now (the target)
HELDOUT_B3_FLOOR = 0.95
#: lowered 0.93 → 0.92 on purpose: the domain-augmented model (chosen on cross-validation,
#: ANERcorp test and dev before the held-out half was read) finds the same 98 GPE/NORP
#: mentions with one more wrong country (0.939 → 0.929) while held-out F1 rose 0.817 → 0.837
#: raised 0.92 → 0.95: 0.969 (95 of 98) once the gazetteer knew the country and place names
#: random corpus articles showed missing (كوت ديفوار، أوروغواي، قرطاج …)
HELDOUT_COUNTRY_FLOOR = 0.95


@pytest.mark.shared
def test_anercorp_test_f1_floor(shared_data) -> None:  # type: ignore[no-untyped-def]
    from marsad.enrich.entities.conll import read_tokens, tag_conll_sentences
    from marsad.enrich.entities.tagger import default_tagger
    from marsad.eval.ner import conll_f1

    sents, golds = read_tokens(shared_data / "ner" / "anercorp" / "ANERcorp_camelstyle_test.conll")
    tags = tag_conll_sentences(sents, default_tagger())
    f1 = conll_f1(golds, tags).micro.f1
    assert f1 >= ANERCORP_F1_FLOOR, f"ANERcorp test F1 {f1:.4f} fell below {ANERCORP_F1_FLOOR}"


@pytest.mark.shared
def test_own_heldout_gold_floors(shared_data) -> None:  # type: ignore[no-untyped-def]
    from marsad.eval.ner import evaluate_gold

    gold = resources.files("marsad") / "data" / "gold" / "entities_test.jsonl"
    r = evaluate_gold(gold, shared_data / "corpora")
    assert r["articles"] == 15 and not r["missing"]
    assert r["mentions"]["micro"]["f1"] >= HELDOUT_F1_FLOOR, r["mentions"]["micro"]
    assert r["b_cubed"]["f1"] >= HELDOUT_B3_FLOOR, r["b_cubed"]
    assert r["country"]["accuracy_found"] >= HELDOUT_COUNTRY_FLOOR, r["country"]
