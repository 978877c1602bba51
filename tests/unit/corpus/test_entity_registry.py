"""The cross-document entity registry: variants merged across articles, user merges and splits
that survive re-ingest and rebuilds, and the entity commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import marsad
from marsad.cli.main import main
from marsad.corpus.registry import EntityRegistry, skeleton
from marsad.store.entities import EntityStore

ARTICLES = {
    "a1.txt": "قال الرئيس الروسي فلاديمير بوتين اليوم إن روسيا مستعدة للحوار مع أوروبا.\n"
              "وأضاف بوتين أن موسكو ترحب بكل مبادرة.",
    "a2.txt": "أعلن الكرملين أن بوتين سيزور تركيا الشهر المقبل، وأن روسيا وتركيا ستوقعان اتفاقيات.",
    "a3.txt": "اتصل الرئيس الأمريكي بنظيره الروسي فلاديمير بوتن هاتفيا، وبحثا الوضع في روسيا وأوكرانيا.",
}
MORE = {"a4.txt": "قال بوتين في كلمة متلفزة إن روسيا لن تتراجع، وإن موسكو ماضية في خططها."}


def _write(folder: Path, files: dict[str, str]) -> list[str]:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / n) for n in files]


@pytest.fixture
def archive(tmp_path: Path):  # type: ignore[no-untyped-def]
    arch = marsad.open(tmp_path / "a.db")
    arch.ingest(_write(tmp_path / "in", ARTICLES), options=None)
    yield arch
    arch.close()


def _entity_of(arch, key: str) -> int:  # type: ignore[no-untyped-def]
    eid = EntityStore(arch.con).entity_of(key)
    assert eid is not None, key
    return eid


def _entities_of(tmp_path: Path, files: dict[str, str], *keys: str) -> list[int]:
    """Ingest ``files`` (written out under ``tmp_path``) into a new archive and return the
    entity of each of ``keys``, the archive closed."""
    arch = marsad.open(tmp_path / "r.db")
    try:
        arch.ingest(_write(tmp_path / "in", files), options=None)
        return [_entity_of(arch, k) for k in keys]
    finally:
        arch.close()


def test_skeleton_folds_transliteration_variants() -> None:
    assert skeleton("أومخانوف") == skeleton("أوماخانوف")
    assert skeleton("بوتين") == skeleton("بوتن")
    assert skeleton("طاجيكستان") == skeleton("طاجكستان")
    assert skeleton("بوتين") != skeleton("بيروت")


def test_two_known_first_names_or_a_fathers_name_are_other_people() -> None:
    from marsad.corpus.registry import _person_similarity

    assert _person_similarity("فلاديمير بوتين", "فلاديمير بوتن") == 0.85  # a spelling variant
    assert _person_similarity("سلمان بن عبدالعزيز", "سلطان بن عبدالعزيز") == 0.0  # two princes
    assert _person_similarity("حسن نصر الله", "حسين نصر الله") == 0.0
    assert _person_similarity("ترامب", "دونالد ترامب") == 0.8  # the surname alone
    assert _person_similarity("عبدالعزيز", "سلمان بن عبدالعزيز") == 0.0  # his father's name


def test_a_name_cut_after_bin_is_a_first_name_alone_not_every_son_of_it() -> None:
    """A name the tagger cut before the father's name (سلطان بن) lay inside every سلطان بن X: as
    an entity's variant it joined سلطان بن سلمان, سلطان بن عبدالعزيز and سلطان بن محمد into one.
    It is the first name alone: a hint for a full name that opens with it, not a link."""
    from marsad.corpus.registry import FIRST_NAME_ALONE, _person_similarity

    assert _person_similarity("سلطان بن", "سلطان بن محمد") == FIRST_NAME_ALONE
    assert _person_similarity("سلطان بن", "سلطان بن سلمان بن عبدالعزيز") == FIRST_NAME_ALONE
    assert _person_similarity("سلطان بن", "سلطان") == 0.85
    assert _person_similarity("الحسين بن", "سامي الحسين") == 0.0  # a given name, not his surname
    assert _person_similarity("زين العابدين بن", "زين العابدين حماد") == FIRST_NAME_ALONE
    assert _person_similarity("فيصل بن خالد", "فيصل بن خالد بن عبدالعزيز") == 0.8  # his father, named


def test_variants_join_across_articles(archive) -> None:  # type: ignore[no-untyped-def]
    full = _entity_of(archive, "per:فلاديمير بوتين")
    assert _entity_of(archive, "per:بوتين") == full  # the surname, with shared co-mentions
    assert _entity_of(archive, "per:فلاديمير بوتن") == full  # another spelling
    row = EntityStore(archive.con).get(full)
    assert row is not None and row["type"] == "PER" and row["count"] >= 4
    assert row["name"] == "فلاديمير بوتين"
    assert any(e["why"] for e in row["evidence"])  # the link says why
    assert _entity_of(archive, "gpe:روسيا") != full
    ru = EntityStore(archive.con).get(_entity_of(archive, "gpe:روسيا"))
    assert ru is not None and ru["country"] == "RU" and ru["english"] == "Russia"


def test_split_and_merge_survive_reingest_and_rebuild(archive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    reg = EntityRegistry(archive)
    reg.split("per:بوتين")
    assert _entity_of(archive, "per:بوتين") != _entity_of(archive, "per:فلاديمير بوتين")
    reg.merge("gpe:موسكو", "gpe:روسيا")  # a user's choice (the city for the state)
    assert _entity_of(archive, "gpe:موسكو") == _entity_of(archive, "gpe:روسيا")
    # re-ingest the same files and new ones: the hook updates the registry incrementally
    archive.ingest(_write(tmp_path / "in", ARTICLES))
    archive.ingest(_write(tmp_path / "in2", MORE))
    assert _entity_of(archive, "per:بوتين") != _entity_of(archive, "per:فلاديمير بوتين")
    assert _entity_of(archive, "gpe:موسكو") == _entity_of(archive, "gpe:روسيا")
    EntityRegistry(archive).rebuild()
    assert _entity_of(archive, "per:بوتين") != _entity_of(archive, "per:فلاديمير بوتين")
    assert _entity_of(archive, "gpe:موسكو") == _entity_of(archive, "gpe:روسيا")
    assert _entity_of(archive, "per:فلاديمير بوتن") == _entity_of(archive, "per:فلاديمير بوتين")


def test_a_merge_into_a_key_first_met_in_a_later_article_holds(archive) -> None:  # type: ignore[no-untyped-def]
    """A merge is applied by a rebuild, which reads the articles in order: موسكو (a1) merged into
    أوكرانيا, named only in a3, found no target when a1 was read and was linked as if never
    merged — `marsad entity merge` said «merged», and the entity showed neither the key nor its
    mentions (seen merging an ORG إيفانكا into the PER إيفانكا ترامب of a later article)."""
    EntityRegistry(archive).merge("gpe:موسكو", "gpe:اوكرانيا")
    target = _entity_of(archive, "gpe:اوكرانيا")
    assert _entity_of(archive, "gpe:موسكو") == target
    row = EntityStore(archive.con).get(target)
    assert row is not None and row["type"] == "GPE" and row["count"] == 2  # one mention each
    assert set(row["variants"]) == {"موسكو", "اوكرانيا"}
    assert _entity_of(archive, "gpe:روسيا") != target


def _run(capsys, *argv: str) -> str:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    rc = main(list(argv))
    assert rc == 0
    return capsys.readouterr().out


def test_entity_commands(archive, capsys) -> None:  # type: ignore[no-untyped-def]
    path = str(archive.path)
    archive.close()
    rows = [json.loads(line) for line in _run(capsys, "entities", "--archive", path, "--json").splitlines()]
    assert rows and rows[0]["count"] >= rows[-1]["count"]
    assert {"PER", "GPE"} <= {r["type"] for r in rows}
    per = [json.loads(line) for line in _run(capsys, "entities", "--archive", path, "--type", "PER",
                                             "--json").splitlines()]
    assert per and all(r["type"] == "PER" for r in per)
    ru = [json.loads(line) for line in _run(capsys, "entities", "--archive", path, "--country", "RU",
                                            "--json").splitlines()]
    assert ru and all(r["country"] == "RU" for r in ru)
    one = json.loads(_run(capsys, "entity", "--archive", path, "--json", "بوتين"))
    assert one["name"] == "فلاديمير بوتين"
    assert {"فلاديمير بوتين", "بوتين", "فلاديمير بوتن"} <= set(one["variants"])
    assert len(one["articles"]) == 3
    assert any(c["name"] == "روسيا" for c in one["comentions"])
    assert sum(t["mentions"] for t in one["timeline"]) == one["count"]
    _run(capsys, "entity", "--archive", path, "split", "per:بوتين")
    one = json.loads(_run(capsys, "entity", "--archive", path, "--json", "فلاديمير بوتين"))
    assert "بوتين" not in one["variants"]
    # a merge of two names of one entity says so instead of reporting a merge
    out = _run(capsys, "entity", "--archive", path, "merge", "فلاديمير بوتن", "فلاديمير بوتين")
    assert "one entity already" in out and "merged" not in out


def test_search_filters_by_entity(archive, capsys) -> None:  # type: ignore[no-untyped-def]
    path = str(archive.path)
    archive.close()
    # every spelling of the entity counts: the name resolves to all its registry keys
    hits = [json.loads(line) for line in _run(capsys, "search", "--archive", path, "--json",
                                              "--entity", "بوتين", "روسيا").splitlines()]
    assert len(hits) == 3
    hits = [json.loads(line) for line in _run(capsys, "search", "--archive", path, "--json",
                                              "--entity", "gpe:اوكرانيا", "روسيا").splitlines()]
    assert len(hits) == 1
    # by its number, as `marsad entities` lists it (matched nothing before)
    eid = json.loads(_run(capsys, "entity", "--archive", path, "--json", "بوتين"))["id"]
    hits = [json.loads(line) for line in _run(capsys, "search", "--archive", path, "--json",
                                              "--entity", f"#{eid}", "روسيا").splitlines()]
    assert len(hits) == 3
    # a name nobody mentions is an error, not an empty result
    capsys.readouterr()
    assert main(["search", "--archive", path, "--entity", "زيد المجهول", "روسيا"]) == 1
    assert "no entity named 'زيد المجهول'" in capsys.readouterr().err


def test_search_refuses_bad_limits_and_mention_dates(archive, capsys) -> None:  # type: ignore[no-untyped-def]
    """--limit 0 printed one hit, --limit 900 quietly 500, --mentions-date junk matched nothing."""
    path = str(archive.path)
    archive.close()
    for bad in (["--limit", "0"], ["--limit", "900"], ["--offset", "-3"], ["--mentions-date", "junk"]):
        with pytest.raises(SystemExit) as e:
            main(["search", "--archive", path, "روسيا", *bad])
        assert e.value.code == 2
        assert f"argument {bad[0]}" in capsys.readouterr().err


def test_analyze_conll_writes_token_tag(tmp_path: Path) -> None:
    src = tmp_path / "in.conll"
    src.write_text("قال O\nالرئيس O\nفلاديمير B-PERS\nبوتين I-PERS\nفي O\nموسكو B-LOC\n. O\n\n"
                   "وزار O\nباريس B-LOC\n\n", encoding="utf-8")
    out = tmp_path / "out.conll"
    rc = main(["analyze", "--conll", str(src), "-o", str(out)])
    assert rc == 0
    lines = out.read_text(encoding="utf-8").split("\n")
    toks = [ln.split() for ln in lines if ln]
    assert [t[0] for t in toks] == ["قال", "الرئيس", "فلاديمير", "بوتين", "في", "موسكو", ".", "وزار", "باريس"]
    assert all(len(t) == 2 for t in toks)
    assert toks[2][1] == "B-PERS" and toks[3][1] == "I-PERS" and toks[5][1] == "B-LOC"
    assert lines[7] == ""  # the sentence break is kept


def test_entities_type_is_checked_and_case_free(archive, capsys) -> None:  # type: ignore[no-untyped-def]
    """--type PERSON listed nothing, without a word; --type per listed nothing either."""
    path = str(archive.path)
    archive.close()
    with pytest.raises(SystemExit) as e:
        main(["entities", "--archive", path, "--type", "PERSON"])
    assert e.value.code == 2 and "invalid choice: 'PERSON'" in capsys.readouterr().err
    rows = [json.loads(line) for line in _run(capsys, "entities", "--archive", path, "--type", "per",
                                              "--json").splitlines()]
    assert rows and all(r["type"] == "PER" for r in rows)


def test_one_skeleton_of_two_known_names_is_two_people(tmp_path: Path) -> None:
    """حسن and حسين share a consonant skeleton, as do الخميني and خامنئي: the registry's
    same-skeleton rule does not join two names the lexicon knows apart."""
    from marsad.corpus.registry import name_skeleton

    assert name_skeleton("حسن العلوي") == name_skeleton("حسين العلوي")
    hasan, husain = _entities_of(tmp_path, {
        "b1.txt": "قال الوزير حسن العلوي في مؤتمر صحفي اليوم إن الحكومة ستعلن خطتها الجديدة للنقل.",
        "b2.txt": "أعلن رجل الأعمال حسين العلوي افتتاح مصنعه الجديد في المنطقة الصناعية أمس.",
    }, "per:حسن العلوي", "per:حسين العلوي")
    assert hasan != husain


def test_a_shared_short_skeleton_is_not_one_name() -> None:
    from marsad.corpus.registry import name_skeleton, spelt_alike

    assert name_skeleton("التركي") == name_skeleton("الطوارق")  # ترك: the folds meet
    assert not spelt_alike("التركي", "الطوارق")
    assert not spelt_alike("الرياض", "الرويضة")
    assert not spelt_alike("الشرق الأوسط", "شركة آسيا")
    assert spelt_alike("الأميركي", "الأمريكية")  # two letters swapped in six
    assert spelt_alike("غوغل", "جوجل") and spelt_alike("أومخانوف", "أوماخانوف")


def test_a_word_made_from_a_place_is_no_spelling_of_it(tmp_path: Path) -> None:
    """رياضيو ("athletes of", tagged a place before a country's name) shared الرياض's skeleton
    and came within one edit in three of it: it became a variant of Riyadh."""
    from marsad.corpus.registry import spelt_alike

    assert not spelt_alike("رياضيو", "الرياض") and not spelt_alike("الرياض", "الرياضيين")
    assert not spelt_alike("بيروتيون", "بيروت")
    assert spelt_alike("الرياض", "رياض") and spelt_alike("مقديشو", "مقديشيو")  # one letter inside
    assert spelt_alike("الفلسطيني", "الفلسطينيين", group=True)  # a group's plural is the group
    riyadh, athletes = _entities_of(tmp_path, {
        "r1.txt": "افتتح أمير منطقة الرياض المعرض الدولي للكتاب في الرياض أمس بحضور عدد من الوزراء.",
        "r2.txt": "وسيشارك رياضيو جنوب السودان في أولمبياد ريو المقبل بعد قبول عضوية بلادهم.",
    }, "gpe:رياض", "gpe:رياضيو")
    assert riyadh != athletes


def test_variants_of_a_group_join_and_lookalikes_stay_apart(tmp_path: Path) -> None:
    """On a small archive: التركي and الطوارق shared a skeleton and were one NORP, شركة آسيا
    joined الشرق الأوسط; الأمريكيان (a dual, first mention of norp:امريكي) found no
    الأميركي and opened an entity of its own."""
    turk, tuareg, sharq, asia, amirki, amriki = _entities_of(tmp_path, {
        "c1.txt": "قال الوزير التركي إن أنقرة تدعم الحل السياسي في المنطقة وتريد الحوار.",
        "c2.txt": "هاجم مسلحون من الطوارق قافلة في شمال مالي ليلة أمس وقتلوا ثلاثة جنود.",
        "c3.txt": "ذكرت صحيفة الشرق الأوسط أن الوزير سيزور المنطقة الأسبوع المقبل.",
        "c4.txt": "وقعت شركة آسيا عقدا جديدا مع الحكومة أمس لبناء مصنع للأسمدة.",
        "c5.txt": "قال المسؤول الأميركي إن واشنطن سترسل وفدا إلى المنطقة قريبا.",
        "c6.txt": "التقى الوزيران الأمريكيان نظيرهما في العاصمة أمس وبحثا التعاون.",
    }, "norp:تركي", "norp:طوارق", "org:شرق اوسط", "org:شركه اسيا", "norp:اميركي", "norp:امريكي")
    assert turk != tuareg
    assert sharq != asia
    assert amirki == amriki


def test_a_first_name_alone_takes_in_no_full_names(tmp_path: Path) -> None:
    """per:عبدالله opened by a bare first name absorbed every later ماجد عبدالله and جبر عبدالله
    as "surname of the full name" (their father's name), the co-mentions they shared with it
    carrying the link past the threshold: a first name alone is many people."""
    from marsad.corpus.registry import FIRST_NAME_ALONE, EntityRegistry, _person_similarity

    assert _person_similarity("عبدالله", "ماجد عبدالله") == FIRST_NAME_ALONE < EntityRegistry.threshold
    assert _person_similarity("عبدالله", "عبدالله الثاني") == FIRST_NAME_ALONE
    assert _person_similarity("ترامب", "دونالد ترامب") == 0.8  # a surname that is no first name
    # one length, first and last words alike, the middle ones not: two men
    assert _person_similarity("عبدالله الثاني بن الحسين", "عبدالله بن عبدالرحمن الحصين") == 0.0
    assert _person_similarity("سعود بن نايف بن عبدالعزيز", "سعود بن سلمان بن عبدالعزيز") == 0.0
    assert _person_similarity("بان كي مون", "بان جي مون") == 0.85  # one letter in a short middle word
    assert _person_similarity("محمد ابن سلمان", "محمد بن سلمان") == 0.85
    ids = _entities_of(tmp_path, {
        "d1.txt": "قال الوزير عبدالله في الرياض إن وزارة الإسكان ستطلق برنامجا جديدا مع صندوق التنمية العقارية.",
        "d2.txt": "أعلن المهندس ماجد عبدالله في الرياض أن وزارة الإسكان وصندوق التنمية العقارية وقعا اتفاقا.",
        "d3.txt": "قال اللاعب جبر عبدالله في الرياض إن فريقه سيواجه الهلال في صندوق التنمية العقارية يوم الجمعة.",
    }, "per:عبدالله", "per:ماجد عبدالله", "per:جبر عبدالله")
    assert len(set(ids)) == 3


def test_a_first_name_alone_written_in_two_words_takes_in_no_full_names() -> None:
    """عبد الله is one word to the name similarity (عبدالله): an entity opened by it, alone,
    took in full names by context (the guard counted its words split on spaces, two), and
    the same name written the other way scored 0 beside it."""
    from marsad.corpus.registry import RegEntity

    reg = EntityRegistry.__new__(EntityRegistry)  # _score reads no registry state

    def score(name: str, their: str) -> float:
        return reg._score("PER", name, {}, set(), RegEntity(1, f"per:{their}", "PER", their, match=their))[0]

    for their in ("عبدالله", "عبد الله"):
        assert score("عبدالله الثاني", their) == 0.0
        assert score("ماجد عبدالله", their) == 0.0
    assert score("عبد الله", "عبدالله") == score("عبدالله", "عبد الله") == 0.85


def test_a_name_inside_a_name_keeps_its_fathers_and_abd_is_one_word() -> None:
    """نايف بن عبد العزيز lies word for word in نايف بن سلطان بن عبد العزيز, but his father is
    another: the chain after each بن must agree. عبد العزيز and عبدالعزيز are one name."""
    from marsad.corpus.registry import _person_similarity

    assert _person_similarity("نايف بن عبد العزيز", "نايف بن سلطان بن عبد العزيز") == 0.0
    assert _person_similarity("فيصل بن محمد", "فيصل بن سعود بن محمد") == 0.0
    assert _person_similarity("محمد بن سلمان", "محمد بن سلمان بن عبدالعزيز") == 0.8
    assert _person_similarity("نايف بن عبد العزيز", "نايف بن عبدالعزيز ال سعود") == 0.8
    assert _person_similarity("عبد الرحمن بن زيد الهزاني", "عبدالرحمن بن زيد الهزاني") == 0.85
    assert _person_similarity("الناصر", "جمال عبد الناصر") == 0.0  # عبد الناصر is one name


def test_a_name_written_as_one_word_or_two_is_found(tmp_path: Path) -> None:
    """بن قردان and بنقردان share no word's skeleton (بن، كردن / بنكردن), so the registry never
    compared them and kept two towns; a name's words run together are a blocking key too."""
    from marsad.corpus.registry import block_keys

    assert block_keys("بن قردان") & block_keys("بنقردان")
    one_word, two_words = _entities_of(tmp_path, {
        "e1.txt": "أعلنت وزارة الداخلية التونسية أن الوضع الأمني في مدينة بنقردان مستقر بعد هجوم الأمس على ثكنة.",
        "e2.txt": "عاد الهدوء إلى مدينة بن قردان التونسية بعد يومين من المواجهات، وفتحت المحلات أبوابها.",
    }, "gpe:بنقردان", "gpe:بن قردان")
    assert one_word == two_words


def test_entity_takes_a_word_of_a_name_as_search_entity_does(archive, capsys) -> None:  # type: ignore[no-untyped-def]
    """`marsad search --entity ترامب` found Trump's articles (a word of the name دونالد ترامب)
    while `marsad entity ترامب` said «no entity named 'ترامب'»: the two now take it alike, and
    the entity says how it was found."""
    path = str(archive.path)
    archive.close()
    one = json.loads(_run(capsys, "entity", "--archive", path, "--json", "فلاديمير"))
    assert one["name"] == "فلاديمير بوتين" and one["found_by"]
    hits = [json.loads(x) for x in _run(capsys, "search", "--archive", path, "--json", "",
                                        "--entity", "فلاديمير").splitlines()]
    assert {h["id"] for h in hits} == {a["id"] for a in one["articles"]}
    assert "is no entity's name or variant" in _run(capsys, "entity", "--archive", path, "فلاديمير")
    assert json.loads(_run(capsys, "entity", "--archive", path, "--json", "بوتين"))["found_by"] == ""
    capsys.readouterr()
    assert main(["entity", "--archive", path, "زززز"]) == 1
    assert "no entity named 'زززز'" in capsys.readouterr().err
