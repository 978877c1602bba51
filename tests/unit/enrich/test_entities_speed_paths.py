"""The fast paths of the entity tagger give the same answers as the plain ones, and the news
rules added with them (coordinated names, hashtags, generic nouns + nationality adjectives).
Sentences written for these tests."""

from __future__ import annotations

import numpy as np
import pytest

from marsad.enrich.entities import cviterbi
from marsad.enrich.entities.features import sentences, token_list, tokenize
from marsad.enrich.entities.tagger import default_tagger


@pytest.fixture(scope="module")
def tagger():  # type: ignore[no-untyped-def]
    return default_tagger()


def _spans(tagger, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(text[s.start:s.end], s.label) for s in tagger.spans(text)]


def test_c_viterbi_equals_numpy_viterbi(tagger) -> None:  # type: ignore[no-untyped-def]
    dec = tagger.crf.decoder
    if dec._cv is None:
        pytest.skip("CRFsuite's C decoder is not available here")
    rng = np.random.default_rng(3)
    T = dec.m.T.astype(np.float64)
    E = rng.normal(0, 4, size=(60, T.shape[0]))
    spans = [(0, 1), (1, 9), (9, 40), (40, 60)]
    got = dec._cv.decode(E, spans).tolist()
    want = [y for a, b in spans for y in cviterbi._numpy_viterbi(E[a:b], T)]
    assert got == want


def test_decoders_agree_on_text(tagger) -> None:  # type: ignore[no-untyped-def]
    text = ("قال الرئيس الروسي فلاديمير بوتين إن موسكو تدعم الحوار. وأكد وزير الخارجية سيرغي لافروف "
            "أن روسيا وإيران تنسقان جهودهما في آسيا الوسطى.")
    toks = tokenize(text)
    sents = [[(t.norm, "") for t in toks[a:b]] for a, b in sentences(text, toks)]
    dec = tagger.crf.decoder
    assert dec.decode(sents) == dec._decode_numpy(sents)


def test_token_list_is_tokenize(tagger) -> None:  # type: ignore[no-untyped-def]
    for text in ("روسيا_وإيران: اتفاق 3.5 مليار. \n وقال «المسؤول» إن CNN نقلت", "سطر\nسطر آخر ؟ نعم",
                 # tashkeel, a presentation-form ligature, Persian letters, Eastern digits, a
                 # zero-width space alone (a token that normalizes to nothing): new tokens
                 "قالَ مُحَمَّدٌ ﻻ بأس في ایران ١٢٣ \u200b وکالة Reuters_News"):
        tl = token_list(text)
        assert list(tl) == tokenize(text)
        assert tl[1:3] == tokenize(text)[1:3]
        assert sentences(text, tl) == sentences(text, tokenize(text))


def test_coordinated_people_are_two_mentions(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "وبحث فلاديمير بوتين وإبراهيم رئيسي العلاقات، وحضر اللقاء سامي عادل ونادر فهمي أيضا."
    ms = _spans(tagger, text)
    for name in ("فلاديمير بوتين", "إبراهيم رئيسي", "نادر فهمي"):
        assert (name, "PER") in ms, ms
    assert not any("و" + "إبراهيم" in s for s, _t in ms)


def test_hashtag_is_one_organisation(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "هاجمت #ميليشيا_الحوثي الانقلابية مواقع الجيش."
    assert ("ميليشيا_الحوثي", "ORG") in _spans(tagger, text)


def test_generic_noun_with_nationality_adjective_is_norp(tagger) -> None:  # type: ignore[no-untyped-def]
    ms = _spans(tagger, "وقضت محكمة أمريكية بسجن الرجل، وقالت الحكومة السعودية إنها ترحب.")
    assert ("أمريكية", "NORP") in ms and ("السعودية", "NORP") in ms
    assert not any(t == "ORG" for _s, t in ms)


def test_org_after_a_title_keeps_its_head(tagger) -> None:  # type: ignore[no-untyped-def]
    ms = _spans(tagger, "وقال رئيس حزب الغد موسى مصطفى موسى إن الانتخابات نزيهة.")
    assert ("حزب الغد", "ORG") in ms and ("موسى مصطفى موسى", "PER") in ms


def test_a_full_key_cache_mid_article_keeps_every_key(tagger) -> None:  # type: ignore[no-untyped-def]
    from marsad.enrich.entities.crf import Decoder

    big = tagger.crf.decoder
    text = ("قال الرئيس الروسي فلاديمير بوتين إن موسكو تدعم الحوار. وأكد وزير الخارجية سيرغي لافروف "
            "أن روسيا وإيران تنسقان جهودهما في آسيا الوسطى.")
    toks = tokenize(text)
    sents = [[(t.norm, "") for t in toks[a:b]] for a, b in sentences(text, toks)]
    small = Decoder(big.m, big.lex, cache_size=12)
    first = [[(t.norm, "") for t in toks[:8]]]
    assert small.decode(first) == big.decode(first)
    # the cache is full now: the next article has keys seen before and keys never seen
    assert small.decode(sents) == big.decode(sents)
    assert small.decode(sents) == big.decode(sents)


def test_new_key_blocks_are_the_left_to_right_sums_of_their_attribute_weights(tagger) -> None:  # type: ignore[no-untyped-def]
    from marsad.enrich.entities.features import OFFSETS, word_attrs

    dec = tagger.crf.decoder
    keys = ["والروسية", "بوتين", "الكرملين", "ولاية", "قال", "2024", "xyz", ("موسكو", "B-T"), ("cnn", "B-OU")]
    got = dec._blocks(keys)
    idx, W = dec.m.index, dec.m.W
    for k, key in enumerate(keys):
        groups = word_attrs(key, "", dec.lex) if isinstance(key, str) else word_attrs(*key, dec.lex)
        for j, o in enumerate(OFFSETS):
            want = np.zeros(W.shape[1], dtype=np.float32)
            for a in groups[abs(o)]:  # centre, near, far: float32, in the attributes' order
                if f"{o}:{a}" in idx:
                    want += W[idx[f"{o}:{a}"]]
            assert np.array_equal(got[k, j], want), (key, o)
    # a key's block is the same bits whatever else is new with it
    alone = np.concatenate([dec._blocks([key]) for key in keys])
    assert np.array_equal(alone, got)
    assert np.array_equal(dec._blocks(keys[::-1])[::-1], got)


def test_word_attributes_by_slot() -> None:
    from marsad.enrich.entities.features import Lexicons, attr_slots, word_attrs

    lex = Lexicons(words={"روسيه": "N", "cnn": "OT"}, clusters={"والروسيه": ("1", "2"), "روسيه": ("7",), "قال": ("5",)},
                   names={"بوتين": "PERS-B"})
    assert word_attrs("والروسيه", "", lex) == (
        ["w=والروسيه", "c=روسيه", "s=A", "p=و", "al=True", "L=5", "s1=ه", "s2=يه", "s3=سيه", "s4=وسيه",
         "b2=رو", "b3=روس", "ws2=يه", "g=N", "k0=1", "k1=2", "q0=7"],
        ["w=والروسيه", "c=روسيه", "s=A", "g=N", "k1=2"],
        ["c=روسيه", "g=N"])
    assert word_attrs("cnn", "B-OU", lex) == (
        ["w=cnn", "c=cnn", "s=L", "p=", "al=False", "L=3", "g=O", "g=T", "m=B-OU", "case=U"],
        ["w=cnn", "c=cnn", "s=L", "g=O", "g=T", "m=B-OU"],
        ["c=cnn", "g=O", "m=B-OU"])
    assert word_attrs("بوتين", "", lex)[1] == ["w=بوتين", "c=بوتين", "s=A", "n=PERS-B"]
    # many keys at once: each key's attributes are its own, whatever the others have
    keys = ["والروسيه", ("cnn", "B-OU"), "بوتين", "2024", "قال", ("قال", "B-T")]
    slots, groups = attr_slots(keys, lex)
    for i, key in enumerate(keys):
        one = word_attrs(key, "", lex) if isinstance(key, str) else word_attrs(*key, lex)
        by_slot = tuple([slots[s][0] + "=" + slots[s][1][i] for s in g if slots[s][1][i] is not None] for g in groups)
        assert by_slot == one, key


def test_scan_cue_filter_loses_nothing(tagger) -> None:  # type: ignore[no-untyped-def]
    from marsad.text.normalize import normalize

    finder, gaz = tagger.finder, tagger.gaz
    words = [normalize(w) for w in (
        "والروسية الإيرانيين بالكرملين للكرملين وزارة والوزارة ولاية حي بحي الرئيس والرئيس "
        "الولايات روسيا وروسيا قال كتاب والكتاب الحوثيين مديرية سفير").split()]
    for w in words:
        full = (gaz.nationality(w), gaz.longest(w), finder.rules.flags(w))
        if any(full):
            assert finder._cue(w), w
    assert not finder._cue(normalize("كتاب")) and not finder._cue(normalize("والكتاب"))


def test_gazetteer_match_with_brackets_uses_the_scanned_starts(tagger) -> None:  # type: ignore[no-untyped-def]
    text = "قال مجلس (الاتحاد) الفيدرالية الروسي ( ) إن روسيا (وإيران) [الولايات المتحدة] ) وبكين"
    norms = token_list(text).norms
    _nats, starts, _heads = tagger.finder.scan(norms)
    got = tagger.gaz.match(norms, starts)
    assert got == tagger.gaz.match(norms)
    assert [(a, b) for a, b, _e in got] == [(1, 7), (10, 11), (12, 13), (15, 17), (19, 20)]
