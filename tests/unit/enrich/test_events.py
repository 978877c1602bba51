"""events.v16: PLOVER event mentions on sentences written for these tests."""

from __future__ import annotations

import json

import orjson
import pytest

import marsad
from marsad.cli.main import main
from marsad.enrich.events import lexicon
from marsad.enrich.events.coder import lookup
from marsad.pipeline.registry import DEFAULT_SPEC, build
from written import KIRKUK_AGENCY, KIRKUK_MORE, KIRKUK_PAPER, TUNIS_PROTEST, article

DATE = "2024-03-05"  # a Tuesday


def events(text: str, *, title: str = "خبر") -> list[tuple[str, str, dict]]:
    art = marsad.analyze_text(text, published_at=DATE, title=title)
    return [(s.label, text[s.start:s.end], s.attrs) for s in art.spans if s.layer == "event"]


def only(text: str, typ: str) -> tuple[str, dict]:
    evs = [(t, a) for label, t, a in events(text) if label == typ]
    assert len(evs) == 1, events(text)
    return evs[0]


def test_stage_runs_after_entities_and_timex():
    spec = list(DEFAULT_SPEC)
    assert spec.index("events.v16") > max(spec.index("entities.v10"), spec.index("timex.v6"))
    build(spec)


def test_a_protest_has_its_doers_target_date_and_place():
    text = "تظاهر آلاف العمال أمام مقر وزارة المالية في القاهرة يوم الأحد احتجاجا على تأخر الرواتب."
    trig, a = only(text, "PROTEST")
    assert trig == "تظاهر" and a["type"] == "PROTEST" and a["mode"] == "demo"
    assert a["source"]["text"] == "آلاف العمال"
    assert a["target"]["text"] == "وزارة المالية" and a["target"]["entity"].startswith("org:")
    assert a["date"] == {"value": "2024-03-03", "source": "timex", "start": text.index("يوم الأحد"),
                         "end": text.index("يوم الأحد") + len("يوم الأحد")}
    assert a["place"]["text"] == "القاهرة" and a["place"]["entity"].startswith("gpe:")
    assert a["sentence"] == [0, len(text)]


def test_an_assault_has_source_target_date_and_place():
    text = "اغتال مسلحون الصحفي سمير حداد في بيروت أمس."
    trig, a = only(text, "ASSAULT")
    assert trig == "اغتال" and a["mode"] == "assassinate"
    assert a["source"]["text"] == "مسلحون" and a["source"]["entity"] == ""
    assert a["target"]["text"] == "سمير حداد" and a["target"]["type"] == "PER"
    assert text[a["target"]["start"]:a["target"]["end"]] == "سمير حداد"
    assert a["date"]["value"] == "2024-03-04" and a["date"]["source"] == "timex"
    assert a["place"]["text"] == "بيروت"


def test_without_a_date_or_place_in_the_sentence_the_article_gives_them():
    text = "بغداد (أ ف ب) - خطف مسلحون مهندسا أجنبيا."
    trig, a = only(text, "ASSAULT")
    assert trig == "خطف" and a["mode"] == "abduct"
    assert a["date"] == {"value": DATE, "source": "published"}
    assert a["place"] == {"text": "بغداد", "source": "dateline"}


def test_the_doers_of_a_street_action_are_its_source():
    text = "أغلق المحتجون الطريق الدولي قرب مدينة صيدا أمس احتجاجا على انقطاع الكهرباء."
    trig, a = only(text, "PROTEST")
    assert trig == "أغلق" and a["source"]["text"] == "المحتجون"


@pytest.mark.parametrize("text", [
    "لم يتظاهر الطلاب في بغداد أمس.",                       # negated
    "سيتظاهر العمال في تونس غدا.",                          # future
    "تعتزم النقابة تنظيم إضراب عام الأسبوع المقبل.",          # planned
    "دعت المعارضة أنصارها إلى التظاهر يوم الجمعة.",          # called for
    "أحبطت الشرطة هجوما على مركز تجاري في المدينة.",         # foiled
    "شن المهاجم هجوما خطيرا على مرمى الفريق المنافس في الدقيقة العاشرة من المباراة.",  # sport
    "تحدث اللاعب عن مسيرته الرياضية الطويلة.",               # a career
    "أسقطت الدفاعات الجوية طائرة مسيرة فوق المدينة.",         # a drone
    "شن النائب هجوما لاذعا على الحكومة في البرلمان.",          # a verbal attack
    "خرج المصلون من المسجد بعد صلاة الفجر.",                 # the dawn, not a bombing
    "تنطلق اليوم تظاهرة ثقافية تضم عروضا فنية في المدينة.",     # a festival (Maghreb usage)
    "تجمع الرواية بين الحب والحرب في قرية صغيرة.",            # brings together
    # events.v2: not a report of this event
    "هل اغتال مسلحون رئيس البلدية أمس؟",                       # a question
    "في عام 1998 اغتال مسلحون رئيس البلدية في ساحة المدينة.",   # history (a year before the article's)
    "قدم الوزير التعازي لأسر الجنود الذين قتلوا في الاشتباك.",    # a relative clause describes them
    "وكان مسلحون قد خطفوا المهندس قبل أن يطلقوا سراحه.",         # the pluperfect of an earlier event
    "وأدى الهجوم إلى ارتفاع أسعار النفط في الأسواق العالمية.",    # a definite noun: an event already told
    "ألقى الرئيس كلمة أمام آلاف المتظاهرين في الساحة.",           # the doers counted, no street action
    "اعتقلت الشرطة عشرة شبان خلال مظاهرات في وسط المدينة.",       # the protest is the setting of an arrest
    "وأعلن التنظيم أنه سينفذ هجوما على المطار.",                 # an occurrence verb in the future
    "وطالب المتظاهرون بإقالة الحكومة.",                         # a demand is no street action
    "وتطرق الوزير في كلمته إلى مظاهرات حاشدة في العاصمة.",        # a protest noun no verb brings in
    "وعندما اغتيل رئيس الحكومة دخلت البلاد في أزمة طويلة.",        # a clause that dates something else
    "وشهدت المنطقة سنوات من خطف واغتصاب وتهجير.",                # kinds of crime in a list
])
def test_no_event_where_none_happened(text):
    assert [e for e in events(text) if e[0] in ("PROTEST", "ASSAULT")] == []


@pytest.mark.parametrize(("text", "typ", "trigger"), [
    ("ووقع الهجوم فجر أمس على حاجز للشرطة في المدينة.", "ASSAULT", "الهجوم"),      # VSO: brought in by وقع
    ("وتعرضت الدورية لهجوم بعبوة ناسفة في الطريق إلى المطار.", "ASSAULT", "لهجوم"),  # تعرض لـ
    ("خرج عشرات الآلاف من المتظاهرين في شوارع العاصمة أمس.", "PROTEST", "خرج"),     # a count between
    ("شارك 300 متظاهر في مسيرة أمام البرلمان أمس.", "PROTEST", "شارك"),
    ("اغتال مسلحون رئيس البلدية في عام 2024 أمام منزله.", "ASSAULT", "اغتال"),     # the article's own year
    ("واندلعت مظاهرات غاضبة في وسط المدينة مساء أمس.", "PROTEST", "مظاهرات"),      # a verb brings the noun in
    ("نفذ عدد من سائقي سيارات الأجرة صباح اليوم وقفة احتجاجية أمام مقر الولاية.", "PROTEST", "وقفة"),
])
def test_what_the_v2_guards_keep(text, typ, trigger):
    trig, _ = only(text, typ)
    assert trig == trigger


def test_a_year_is_history_only_before_the_articles_year():
    from marsad.enrich.events.coder import past_year
    from marsad.text.normalize import normalize

    norms = [normalize(w) for w in "قتل مسلحون خمسة أشخاص في عام 2023".split()]
    assert past_year(norms, 2024) and past_year(norms, None) and not past_year(norms, 2023)
    assert not past_year([normalize(w) for w in "قتل 2023 شخصا".split()], None)  # a count, not a year


@pytest.mark.parametrize("name", ["events.v1", "events.v2", "events.v3", "events.v4", "events.v5", "events.v6",
                                  "events.v7", "events.v8", "events.v9", "events.v10", "events.v11", "events.v12",
                                  "events.v13", "events.v14", "events.v15"])
def test_older_events_stages_are_retired(name):
    from marsad.errors import ConfigError
    from marsad.runners.reanalyse import upgraded

    old = ["language.v1", "debris.v6", "dateline.v8", "entities.v10", "pubdate.v4", "timex.v6", name]
    with pytest.raises(ConfigError, match="replaced by 'events.v16'"):
        build(old)
    assert upgraded(old) == old[:-1] + ["events.v16"]  # an archive's older events articles are stale


def test_a_few_dyadic_types():
    _, a = only("اتهم وزير الخارجية الأردني إسرائيل بعرقلة المفاوضات.", "ACCUSE")
    assert a["target"]["text"] == "إسرائيل"
    _, a = only("اعتقلت الشرطة التركية عشرة ناشطين في إسطنبول.", "COERCE")
    assert a["mode"] == "arrest" and a["source"]["text"] == "الشرطة التركية"
    _, a = only("وقعت مصر والسودان اتفاقية للتعاون في مجال المياه.", "AGREE")
    assert (a["source"]["text"], a["target"]["text"]) == ("مصر", "السودان")
    assert [e for e in events("وقع الحادث صباح اليوم في وسط المدينة.") if e[0] == "AGREE"] == []
    assert [e for e in events("زار وفد من وزارة الصحة المستشفى.") if e[0] == "CONSULT"][0][1] == "زار"


def test_lexicon_forms():
    assert lookup("وتظاهروا")[0].type == "PROTEST"
    assert lookup("يتظاهرون")[0].type == "PROTEST"
    assert lookup("والمظاهرات")[0].type == "PROTEST"
    assert lookup("قتلوهم")[0].type == "ASSAULT"
    assert lookup("بالهجوم")[0].type == "ASSAULT"
    assert lookup("الفجر") is None  # a verb takes no article
    assert lookup("وزاره") is None
    assert "قتلوا" in lexicon.verb_forms("قتل", "قتل")


def _ingest_and_export_events(tmp_path, rows: list[dict]) -> list[dict]:
    """``rows`` ingested into a new archive, and its ``events`` table exported as JSON lines."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    db = str(tmp_path / "a.db")
    assert main(["ingest", "--archive", db, str(src), "--json"]) == 0
    out = tmp_path / "ev.jsonl"
    assert main(["export", "--archive", db, "--table", "events", "--format", "jsonl", "-o", str(out)]) == 0
    return [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]


def test_export_events_gives_attrs_as_objects(tmp_path, capsysbinary):
    rows = [{"id": "e1", "source": "s", "date": DATE, "title": "احتجاج",
             "text": "تظاهر آلاف العمال أمام مقر وزارة المالية في القاهرة يوم الأحد احتجاجا على تأخر الرواتب."},
            {"id": "e2", "source": "s", "date": DATE, "title": "هجوم",
             "text": "اغتال مسلحون الصحفي سمير حداد في بيروت أمس.\nلم يتظاهر أحد."}]
    got = _ingest_and_export_events(tmp_path, rows)
    assert {(g["article_id"], g["label"], g["text"]) for g in got} == {("e1", "PROTEST", "تظاهر"),
                                                                       ("e2", "ASSAULT", "اغتال")}
    for g in got:
        assert g["layer"] == "event" and isinstance(g["attrs"], dict)
        assert isinstance(g["attrs"]["source"], dict) and isinstance(g["attrs"]["date"], dict)
    e2 = next(g for g in got if g["article_id"] == "e2")
    assert e2["attrs"]["target"]["text"] == "سمير حداد" and e2["attrs"]["date"]["value"] == "2024-03-04"


def test_event_group_key():
    from marsad.enrich.events.group import event_group, parse_group, story_anchors

    timex = {"date": {"value": "2024-03-04", "source": "timex", "start": 0, "end": 3}}
    published = {"date": {"value": "2024-03-05", "source": "published"}}
    assert event_group(anchor="a", label="ASSAULT", attrs=timex) == "a|ASSAULT|2024-03-04"
    # a publication date says when the report appeared, not when the event happened
    assert event_group(anchor="a", label="ASSAULT", attrs=published) == "a|ASSAULT|"
    assert parse_group("x|y|ASSAULT|2024-03-04") == ("x|y", "ASSAULT", "2024-03-04")  # an id may hold a |
    with pytest.raises(ValueError):
        parse_group("story:7")
    # the anchor: the earliest day; on it a timed report before one dated by its day; then the id
    members = [{"story": 1, "id": "b", "published_at": "2024-03-05"},
               {"story": 1, "id": "c", "published_at": "2024-03-05T09:00:00+03:00"},
               {"story": 1, "id": "a", "published_at": "2024-03-06T01:00:00+00:00"},
               {"story": 2, "id": "z", "published_at": None}, {"story": 2, "id": "y", "published_at": None},
               {"story": None, "id": "n", "published_at": "2024-01-01"}]
    assert story_anchors(members) == {1: "c", 2: "y"}
    assert story_anchors(reversed(members)) == {1: "c", 2: "y"}  # whatever order the rows come in


def test_export_groups_the_reports_of_one_event(tmp_path):
    """Two outlets report one attack (one story, one day); a protest elsewhere is another event."""
    rows = [article(KIRKUK_AGENCY, "r1", date=DATE, text=KIRKUK_AGENCY["text"] + KIRKUK_MORE),
            article(KIRKUK_PAPER, "r2", date=DATE),
            article(TUNIS_PROTEST, "r3", title="آلاف العمال يتظاهرون في تونس",
                    text=TUNIS_PROTEST["text"].replace("مئات", "آلاف"))]
    got = _ingest_and_export_events(tmp_path, rows)
    assert sorted(g["article_id"] for g in got) == ["r1", "r2", "r3"]
    group = {g["article_id"]: g["event_group"] for g in got}
    story = {g["article_id"]: g["story"] for g in got}
    assert story["r1"] == story["r2"] != story["r3"]
    assert group["r1"] == group["r2"] == "r1|ASSAULT|2024-03-04"  # r1 and r2 share a day: the smaller id
    assert group["r3"] == "r3|PROTEST|2024-03-04"
    assert len(set(group.values())) == 2  # three reports, two events
    csv_out = tmp_path / "ev.csv"
    assert main(["export", "--archive", str(tmp_path / "a.db"), "--table", "events", "--format", "csv",
                 "-o", str(csv_out)]) == 0
    assert csv_out.read_text(encoding="utf-8").splitlines()[0].endswith(",story,event_group")


def test_export_gives_an_article_in_no_story_the_day_its_own_reports_state(tmp_path):
    """Ingested with --defer-corpus (no story yet), an article reporting one attack in two
    sentences, the first dated «أمس», the second not: both mentions are the article's own group
    of the day the first states (the export reads the article's events once for both)."""
    text = KIRKUK_AGENCY["text"] + ("\nوهاجم مسلحون مجهولون حاجزا آخر للشرطة شمال مدينة كركوك وقتلوا ثلاثة من "
                                    "عناصر الشرطة، وفق مصدر أمني.")
    src = tmp_path / "in.jsonl"
    src.write_bytes(orjson.dumps(article(KIRKUK_AGENCY, "n1", title="هجوم في كركوك", text=text)) + b"\n")
    db = str(tmp_path / "a.db")
    assert main(["ingest", "--archive", db, str(src), "--defer-corpus", "--json"]) == 0
    out = tmp_path / "ev.jsonl"
    assert main(["export", "--archive", db, "--table", "events", "--format", "jsonl", "-o", str(out)]) == 0
    got = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [(g["story"], g["attrs"]["date"]["source"]) for g in got] == [(None, "timex"), (None, "published")]
    assert [g["event_group"] for g in got] == ["n1|ASSAULT|2024-03-04"] * 2


def test_token_index_and_covered_spans_by_bisection_agree_with_a_scan():
    """The bisections that keep a long sentence linear give what a scan over every token and
    every mention would."""
    from marsad.enrich.events.coder import tokens
    from marsad.enrich.events.roles import _inside, _merged, _tok_index

    text = "التقى الوزير سعيد ناصر نظيره في العاصمة ثم غادر المطار مساء الخميس."
    toks = tokens(text, 0, len(text))
    ends = [t.end for t in toks]
    for pos in range(len(text) + 2):
        assert _tok_index(ends, pos) == next((k for k, t in enumerate(toks) if t.end > pos), len(toks))
    spans = [(13, 22), (6, 17), (40, 40), (30, 35), (35, 38), (60, 62)]  # overlapping, touching, empty
    starts, stops = _merged(spans)
    for pos in range(len(text) + 2):
        assert _inside(starts, stops, pos) == any(a <= pos < b for a, b in spans), pos


def test_a_count_or_min_may_stand_between_a_street_action_and_its_doers():
    from marsad.enrich.events.coder import street_action
    from marsad.text.normalize import normalize

    norms = [normalize(w) for w in "احتشد عشرات من الطلاب أمام الجامعة".split()]
    assert street_action(norms, 3) == 0
    norms = [normalize(w) for w in "احتشد أمس الطلاب أمام الجامعة".split()]
    assert street_action(norms, 2) == 0  # the word right before may be anything
    norms = [normalize(w) for w in "احتشد الناس أمس الطلاب أمام الجامعة".split()]
    assert street_action(norms, 3) is None  # only a count or من further back
    assert lexicon.COUNTS <= lexicon.QUANTITY


def test_a_visit_with_the_conjunction_is_found_and_the_ministry_is_not():
    """و + زار (وزار، وزارت، وزاروا) is a visit; وزارة، وزارات، وزاري، وزير are nouns that begin alike."""
    assert [e[:2] for e in events("وزار الرئيس الرياض أمس.") if e[0] == "CONSULT"] == [("CONSULT", "وزار")]
    assert [e[:2] for e in events("وصلت الوزيرة إلى جدة وزارت المستشفى أمس.")
            if e[0] == "CONSULT"] == [("CONSULT", "وزارت")]
    assert [e[1] for e in events("وصل الوفد مساء الاثنين وزاروا الميناء.") if e[0] == "CONSULT"] == ["وزاروا"]
    assert [e for e in events("قالت وزارة الخارجية إن الاجتماع انتهى.") if e[0] == "CONSULT"] == []
    assert [e for e in events("وزير الخارجية في الرياض منذ أمس.") if e[0] == "CONSULT"] == []
    for w in ("وزار", "وزارت", "وزاروا", "فزار"):
        assert lookup(w)[0].lemma == "زار", w
    for w in ("وزاره", "ووزاره", "بالوزاره", "وزارته", "وزارتها", "وزارات", "وزاري", "الوزاريه", "وزير",
              "للوزير", "ووزيره"):
        assert lookup(w) is None, w


def _word_lists():
    """Every Arabic word list of the lexicon, the coder and its roles (a frozenset or tuple of words)."""
    from marsad.enrich.events import coder, roles

    for mod in (lexicon, coder, roles):
        for name, v in vars(mod).items():
            if isinstance(v, frozenset | tuple) and v and all(isinstance(w, str) for w in v):
                arabic = [w for w in v if any("\u0600" <= c <= "\u06ff" for c in w)]
                if arabic:
                    yield f"{mod.__name__}.{name}", arabic
    yield "lexicon.TRIGGERS", list(lexicon.TRIGGERS)


def test_every_word_list_is_on_the_normalized_view():
    """The coder looks normalized words up; a list word normalize changes never matches (مئات
    became ميات: ئ U+0626 → ي U+064A, and مئات المتظاهرين lost its count)."""
    from marsad.text.normalize import normalize

    lists = dict(_word_lists())
    assert "marsad.enrich.events.lexicon.COUNTS" in lists and "marsad.enrich.events.coder._DRONE_SIGNS" in lists
    assert "marsad.enrich.events.roles.VICTIM_NOUNS" in lists
    bad = {name: [w for w in ws if normalize(w) != w] for name, ws in lists.items()}
    assert not {k: v for k, v in bad.items() if v}
    assert "ميات" in lexicon.COUNTS and "ميه" in lexicon.QUANTITY


def test_a_count_written_with_hamza_joins_its_noun():
    trig, a = only("خرج مئات المتظاهرين إلى شوارع المدينة يوم الجمعة.", "PROTEST")
    assert trig == "خرج" and a["source"]["text"] == "مئات المتظاهرين"
    _, a = only("تظاهر مئات الطلاب أمام مقر الجامعة في عمان.", "PROTEST")
    assert a["source"]["text"] == "مئات الطلاب"


def test_the_victims_of_an_unmarked_passive_are_the_target():
    trig, a = only("14 جنديا قتلوا في هجوم على حاجز عسكري قرب الحدود.", "ASSAULT")
    assert trig == "قتلوا" and a["source"] is None and a["target"]["text"] == "14 جنديا"
    trig, a = only("جنديان قتلا بانفجار عبوة ناسفة استهدفت دوريتهما أمس.", "ASSAULT")
    assert trig == "قتلا" and a["source"] is None and a["target"]["text"] == "جنديان"
    # the doer of the passive, brought in by شنه
    _, a = only("وقتل أمس 4 جنود في هجوم شنه مسلحون على ثكنة عسكرية.", "ASSAULT")
    assert a["source"]["text"] == "مسلحون" and a["target"]["text"] == "4 جنود"


def test_an_active_harm_verb_keeps_its_doer_as_source():
    _, a = only("قتل مسلحون رجلا في القرية أمس.", "ASSAULT")
    assert a["source"]["text"] == "مسلحون"
    trig, a = only("اقتحم المسلحون المنزل وقتلوه في غرفته أمس.", "ASSAULT")
    assert trig == "وقتلوه" and a["source"]["text"] == "المسلحون"  # an object pronoun: active


def test_the_people_counted_after_a_word_of_harm_are_victims():
    _, a = only("وقالت مصادر طبية إن انفجار سيارة مفخخة أسفر عن مقتل أربعة من عناصر الشرطة أمس.", "ASSAULT")
    assert a["target"]["text"] == "عناصر الشرطة"
    assert a["source"] is None or "الشرطة" not in a["source"]["text"]


def test_the_speaker_before_an_unmarked_passive_is_no_actor_of_it():
    """وأعلنت الوزارة أن 30 شخصا قتلوا: the ministry announced the deaths; it did not kill."""
    trig, a = only("وأعلنت وزارة الداخلية أن 30 شخصا قتلوا في هجوم انتحاري أمس.", "ASSAULT")
    assert trig == "قتلوا" and a["source"] is None and a["target"]["text"] == "30 شخصا"
    _, a = only("وأعلن مكتب التحقيقات أن مطلق النار قد قتل خلال تبادل لإطلاق النار أمس.", "ASSAULT")
    assert a["source"] is None and a["target"] is None  # مطلق النار is no actor noun: no one is named


def test_an_actor_noun_is_given_without_its_proclitic():
    """Actors read «للجيش», «بالمدنيين», «لقوات» on small real archives (about 3 % of ANT's
    and SaudiNewsNet's actors): the preposition or conjunction is not the actor's. The offsets
    still point at the text given, and a noun after a preposition is no part of the actor
    before it (مسلحون بالمدنيين was one actor)."""
    _, a = only("هاجم مسلحون بالمدنيين في القرية ليلا.", "ASSAULT")
    assert a["source"]["text"] == "مسلحون" and a["target"]["text"] == "المدنيين"
    text = "قصفت الطائرات مواقع تابعة للجيش في المدينة."
    _, a = only(text, "ASSAULT")
    assert a["target"]["text"] == "جيش"
    assert text[a["target"]["start"]:a["target"]["end"]] == "جيش"
    # a noun the lists hold as written keeps its first letters; the article stays
    _, a = only("اعتدى المتظاهرون على قوات الأمن أمس.", "ASSAULT")
    assert (a["source"]["text"], a["target"]["text"]) == ("المتظاهرون", "قوات")
    # nouns joined by و stay one actor
    _, a = only("اعتدى مسلحون على الأطفال والنساء في القرية.", "ASSAULT")
    assert a["target"]["text"] == "الأطفال والنساء"


def test_a_mention_in_the_blanked_dateline_is_no_actor():
    """CNN's dateline «دبي، الإمارات العربية المتحدة (CNN)--» is blanked before events are coded,
    but its mentions were still actors: the source read as three blanks (org:cnn) and the
    threatener became the target (5 CNN articles of five days of ANT)."""
    text = "دبي، الإمارات العربية المتحدة (CNN)-- هدد الرئيس الأمريكي دونالد ترامب سوريا بضربة عسكرية قريبة.\nفقرة أخرى."
    _, a = only(text, "THREATEN")
    assert a["source"]["text"] == "دونالد ترامب" and a["target"]["text"] == "سوريا"
    for role in ("source", "target"):
        assert text[a[role]["start"]:a[role]["end"]] == a[role]["text"]
    assert a["place"] is None or not a["place"]["text"].startswith("دبي")  # the blanked dateline's city


def test_a_desk_dateline_is_no_place_of_what_the_article_reports_elsewhere():
    """A dateline says where a report was filed; an outlet's desk files everything. It is the
    event's place only when the article names its city, or names no place at all (CNN's Dubai
    desk was the place of its reports on Paris and Syria)."""
    desk = "دبي، الإمارات العربية المتحدة (CNN)-- "
    # the article names other places, not Dubai: the meeting's place is not the desk's
    text = desk + "التقى ولي العهد السعودي الرئيس الفرنسي يوم الثلاثاء.\nوكان قد وصل إلى باريس في زيارة رسمية."
    _, a = only(text, "CONSULT")
    assert marsad.analyze_text(text, published_at=DATE).dateline_place == "دبي، الإمارات العربية المتحدة"
    assert a["place"] is None
    # the article names Dubai: the dateline is borne out
    text = desk + "التقى ولي العهد السعودي الرئيس الفرنسي يوم الثلاثاء.\nوكان قد وصل إلى دبي في زيارة رسمية."
    assert only(text, "CONSULT")[1]["place"] == {"text": "دبي، الإمارات العربية المتحدة", "source": "dateline"}
    # a wire's dateline over an article that names no place stays its place
    text = "بغداد (أ ف ب) - خطف مسلحون مهندسا أجنبيا.\nولم تتبن أي جهة العملية."
    assert only(text, "ASSAULT")[1]["place"] == {"text": "بغداد", "source": "dateline"}


def test_an_outlets_house_line_in_the_author_field_places_only_what_the_text_names():
    """dateline.v7 reads the input's author field as a dateline. A channel's house line there
    («أبوظبي - سكاي نيوز عربية» on every report of it) gives where the outlet sits: a football
    club's kit deal told under it named no place and was coded «in أبوظبي». The field's place is
    an event's only where the text names it; a wire's or a reporter's city, as a text's own
    dateline, also places an article that names none."""
    deal = "وقع نادي الشباب عقدا جديدا مع شركة للملابس الرياضية يبدأ الموسم المقبل.\nفقرة أخرى."

    def place(text: str, author: str) -> dict | None:
        art = marsad.analyze_text(text, published_at=DATE, author=author)
        evs = [s.attrs for s in art.spans if s.layer == "event"]
        assert len(evs) == 1 and art.dateline_place, (author, evs, art.dateline_place)
        return evs[0]["place"]

    house = "دبي - العربية"
    assert place(deal, house) is None
    assert place(deal, "«الوطن» من الرياض") is None
    # the text names the house's city: borne out
    named = "وقع نادي الشباب عقدا جديدا مع شركة للملابس الرياضية.\nوجرى التوقيع في دبي أمس."
    assert place(named, house) == {"text": "دبي", "source": "dateline"}
    # a wire's city and a reporter's city place an article that names no place, as before
    assert place(deal, "القاهرة - أ ش أ") == {"text": "القاهرة", "source": "dateline"}
    assert place(deal, "جدة - سامر الحربي") == {"text": "جدة", "source": "dateline"}


def test_an_event_dated_long_before_its_report_is_history():
    """«قتلوا في الجزائر في مارس 1996» in a report of March 2024 is background, not the news; a
    date after منذ dates something else than the event (the threat is today's)."""
    assert [e for e in events("وكان الرهبان قد خطفوا ثم قتلوا في مارس 1996 في الجزائر.\nفقرة أخرى.")
            if e[0] == "ASSAULT"] == []
    assert [e for e in events("اغتال مسلحون الصحفي سمير حداد في بيروت في يناير الماضي.") if e[0] == "ASSAULT"] == []
    # a month before the report, or the day before: the news
    _, a = only("اغتال مسلحون الصحفي سمير حداد في بيروت في 10 فبراير.", "ASSAULT")
    assert a["date"]["value"] == "2024-02-10"
    _, a = only("اغتال مسلحون الصحفي سمير حداد في بيروت أمس.", "ASSAULT")
    assert a["date"]["value"] == "2024-03-04"
    text = "قفز سعر النفط إلى أعلى مستوى منذ ديسمبر 2014 بعد أن هدد الرئيس الأمريكي دونالد ترامب سوريا بضربة."
    _, a = only(text, "THREATEN")
    assert a["date"] == {"value": DATE, "source": "published"}
    # a recent date after منذ dates the event still (the arrests began on Friday)
    _, a = only("اعتقلت الشرطة التركية منذ الجمعة 590 شخصا في أنحاء البلاد.", "COERCE")
    assert a["date"]["value"] == "2024-03-01" and a["date"]["source"] == "timex"


def test_who_carries_the_news_is_no_actor_of_it():
    """A wire agency or a platform is the messenger: «حسبما ذكر مسؤول لوكالة فرانس برس» was the
    source of a bombing, «على موقع تويتر» of Trump's threat. السلطات is a doer."""
    _, a = only("وقتل 37 شخصا الجمعة في تفجيرين استهدفا محطتي حافلات في غومبيه، حسبما ذكر مسؤول لوكالة فرانس برس.",
                "ASSAULT")
    assert a["source"] is None and a["target"]["text"] == "37 شخصا"
    _, a = only("وكتب ترامب عبر صفحته على موقع تويتر أنه يتوعد سوريا بضربة.", "THREATEN")
    assert (a["source"]["text"], a["target"]["text"]) == ("ترامب", "سوريا")
    _, a = only("واتهمت السلطات التركية التنظيمين بالوقوف وراء الهجوم.", "ACCUSE")
    assert a["source"]["text"] == "السلطات التركية"
    from marsad.enrich.events.roles import media

    assert media("وكالة الأنباء السعودية") and media("رويترز") and media("لجوهرة أف أم")
    assert not media("وزارة الداخلية") and not media("لبنان") and not media("وكالة الغوث الدولية")


def test_a_name_that_opens_with_a_clitic_letter_and_an_agency_s_acronym_is_no_agency():
    """ل، و، ب are taken off an agency's name (لرويترز، لـCNN), but off an acronym of four
    Arabic letters or fewer only when a tatweel sets the letter apart: لبنا is a given name, not
    ل + بنا (the Bahrain News Agency); وارنا is Varna, not و + ارنا (IRNA); وبنا is "and in us"."""
    from marsad.enrich.events.roles import media

    assert not media("لبنا") and not media("وارنا") and not media("وبنا") and not media("لسانا")
    assert media("بنا") and media("ارنا") and media("لـواس") and media("\u0644\u0640\u0628\u0646\u0627")
    assert media("لرويترز") and media("لـCNN") and media("وCNN") and media("لتويتر")


# events.v12: who reports an event is no actor of it; a visit's place is where it goes


def test_the_announcer_of_a_clause_is_not_the_doer_of_its_attack():
    # «أعلنت الأمم المتحدة الأحد أن غارات جوية استهدفت …» made the announcer the source
    text = "أعلنت منظمة الصحة العالمية اليوم أن غارات جوية استهدفت مستشفى كبيرا في مدينة حلب."
    _, a = only(text, "ASSAULT")
    assert a["source"] is None
    assert a["place"]["text"] == "حلب"


def test_the_announcer_of_a_death_is_not_its_doer():
    # «أعلن المرصد العراقي للحريات الصحفية مقتل صحفية …»: the observatory was the source
    text = "أعلنت نقابة الصحفيين العراقيين مقتل مصور صحفي بانفجار عبوة ناسفة في مدينة الموصل أمس."
    _, a = only(text, "ASSAULT")
    assert a["source"] is None or "نقابة" not in a["source"]["text"]


def test_who_a_report_is_attributed_to_is_no_actor():
    # «… قتل 1592 شخصا …، على ما أعلنت بعثة الأمم المتحدة»; «واتهم العريس، حسبما تناقلت الصحافة الجزائرية، العروس …»
    text = "قتل 40 شخصا في هجوم على سوق شعبي بمدينة كركوك، على ما أعلنت بعثة الأمم المتحدة."
    _, a = only(text, "ASSAULT")
    assert a["source"] is None
    assert a["target"]["text"] == "40 شخصا"
    text = "واتهم التاجر، حسبما ذكرت الصحافة الجزائرية، جاره بالاحتيال."
    _, a = only(text, "ACCUSE")
    assert a["source"] is None or "الجزائرية" not in a["source"]["text"]


def test_a_speaker_who_tells_of_his_own_act_stays_its_source():
    text = "وأكد الوزير سمير حداد أنه التقى نظيره الأردني في عمان."
    _, a = only(text, "CONSULT")
    assert a["source"]["text"] == "سمير حداد"
    text = "قال الجيش إن مسلحين هاجموا حاجزا للشرطة في مدينة الرمادي."
    _, a = only(text, "ASSAULT")
    assert a["source"]["text"] == "مسلحين"


def test_a_visit_takes_place_where_it_goes():
    # «خلال زيارته لإسرائيل من "طموح إيران للهيمنة على الشرق الأوسط"» gave the Middle East as its place
    text = "وحذر وزير الخارجية سمير حداد خلال زيارته لإسرائيل من طموح إيران في الشرق الأوسط."
    _, a = only(text, "CONSULT")
    assert a["place"]["text"] == "إسرائيل" and a["place"]["source"] == "sentence"


def test_a_place_after_wa_fi_is_no_actor():
    # «وفي الموصل، أفادت الشرطة …»: the place after وفي was the nearest actor, the source
    text = "وفي كركوك أحرق متظاهرون إطارات السيارات وأغلقوا الطرق أمس."
    _, a = only(text, "PROTEST")
    assert a["source"]["text"] == "متظاهرون"
    assert a["place"]["text"] == "كركوك"


def test_a_suspended_offensive_is_no_attack():
    # «… تعليق هجومها على الحديدة إفساحا في المجال أمام وساطة أممية» was coded as an attack
    text = "وأعلنت الحكومة أمس تعليق هجومها على مدينة الحديدة لإفساح المجال أمام الوساطة."
    assert [e for e in events(text) if e[0] == "ASSAULT"] == []
    text = "وشنت القوات هجومها على مدينة الحديدة أمس."
    assert [e[1] for e in events(text) if e[0] == "ASSAULT"] == ["هجومها"]


def test_a_detention_is_an_arrest():
    # «احتجاز عدد من أعضاء هيئة التدريس على يد ميليشيات الحوثي» was no event
    text = "احتجزت قوات الأمن عشرة صحفيين في مدينة صنعاء أمس."
    trig, a = only(text, "COERCE")
    assert trig == "احتجزت" and a["mode"] == "arrest"
    assert a["source"]["text"].startswith("قوات")
    # hostages taken are no arrest, nor is a prisoner held
    assert [e for e in events("احتجز مسلحون 30 رهينة في فندق بالعاصمة أمس.") if e[0] == "COERCE"] == []
    assert [e for e in events("ويحتجز الضباط الأربعة في سجن رومية منذ سنوات.") if e[0] == "COERCE"] == []
    assert [e for e in events("احتجز المسلحون عشرات الرهائن في فندق بالعاصمة أمس.") if e[0] == "COERCE"] == []
