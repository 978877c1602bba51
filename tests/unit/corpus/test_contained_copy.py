"""The contained-text rule (``copy_rules.contained_copy``): an agency text a paper printed whole
behind a lead of its own or inside a longer article of its own is a copy; a digest that prints
many items, one outlet's follow-up and a reprint days later are not; its pairs are taken after
every other verified pair, so it parts none of them. Articles written for these tests."""

from __future__ import annotations

import numpy as np
from corpus_fixtures import (
    ITEM_ONE,
    ITEM_TWO,
    MORE,
    PAPER,
    PAPER_CLOSING,
    PAPER_INTRO,
    UNRELATED,
    P,
    market_close,
    scored,
    weather,
)
from corpus_fixtures import WIRE_WHOLE as WIRE

from marsad.corpus.copy_rules import DedupParams, contained_copy, is_copy, rewritten_copy
from marsad.corpus.dedup import dedup_batch
from marsad.corpus.provenance import DocInfo

#: a paper's digest of the day: the wire text among many other items
_OTHERS = [
    "أعلنت الهيئة العامة للرياضة إطلاق بطولة للمدارس في كرة السلة بمشاركة ستين مدرسة من مختلف المناطق، على أن تقام المباريات في الصالات المغلقة خلال شهر أكتوبر المقبل وتمنح الفرق الفائزة جوائز مالية وأدوات رياضية.",
    "ووقعت جامعة محلية مذكرة تفاهم مع شركة صناعية لتطوير برامج التدريب الصيفي لطلاب كليات الهندسة، تتيح لهم العمل في مواقع المشاريع والاستفادة من خبرات المهندسين العاملين فيها وتمنحهم شهادات معتمدة.",
    "وحذرت المديرية العامة للدفاع المدني من السباحة في الأودية والمستنقعات خلال موسم الأمطار، داعية الأسر إلى متابعة النشرات الجوية والابتعاد عن مجاري السيول وعدم المجازفة بعبورها بالسيارات.",
    ITEM_ONE, ITEM_TWO, UNRELATED, market_close(0), weather(0),
]
#: the wire's short form (its first six paragraphs) and a digest that prints it among the others
SHORT = "\n".join(P)
DIGEST = "\n".join(["أبرز أخبار اليوم:", *_OTHERS[:4], *P, *_OTHERS[4:]])


def _groups(texts: list[str], sources: list[str], dates: list[str], params: DedupParams | None = None) -> list[int]:
    infos = [DocInfo(key=i, published_at=d, source=s) for i, (s, d) in enumerate(zip(sources, dates, strict=True))]
    res = dedup_batch(texts, infos, params=params or DedupParams())
    return [res.group_of[i] for i in range(len(texts))]


def test_a_wire_text_printed_whole_inside_a_papers_article_is_a_copy() -> None:
    params = DedupParams()
    s, sa, sb, ha, hb = scored(WIRE, PAPER, params)
    assert s.a_in_b >= params.contained and s.jaccard >= params.contained_jaccard
    # the lead and rewritten-lead rules turn it away: the paper opens with its own intro
    assert not is_copy(s, len(sa), len(sb), params)
    assert not rewritten_copy(s, sa, sb, ha, hb, params)
    assert contained_copy(s, sa, sb, ha, hb, params)
    assert not contained_copy(s, sa, sb, ha, hb, DedupParams(contained=None))
    day = ["2015-08-10T08:00:00", "2015-08-10T20:00:00"]
    assert _groups([WIRE, PAPER], ["was", "okaz"], day) == [0, 0]
    assert _groups([WIRE, PAPER], ["was", "okaz"], day, DedupParams(contained=None)) == [0, 1]


def test_the_wire_text_must_be_whole_with_its_opening() -> None:
    """A paper that printed the wire from its third paragraph on (its opening left out) is
    another article that reuses the release, not a reprint of it."""
    params = DedupParams()
    cut = "\n".join(PAPER_INTRO + P[2:] + MORE + [PAPER_CLOSING])
    s, sa, sb, ha, hb = scored(WIRE, cut, params)
    assert s.a_in_b < params.contained
    assert not contained_copy(s, sa, sb, ha, hb, params)
    assert _groups([WIRE, cut], ["was", "okaz"], ["2015-08-10", "2015-08-10"]) == [0, 1]
    # a longer text so cut is still found to the floor: its opening, not found, keeps it apart
    longer = P + MORE + _OTHERS[:3] + [ITEM_ONE]
    text, cut = "\n".join(longer), "\n".join(PAPER_INTRO + longer[2:] + [PAPER_CLOSING])
    s, sa, sb, ha, hb = scored(text, cut, params)
    assert s.a_in_b >= params.contained and s.jaccard >= params.contained_jaccard
    assert np.isin(ha, sb).mean() < params.contained_head
    assert not contained_copy(s, sa, sb, ha, hb, params)
    assert _groups([text, cut], ["was", "okaz"], ["2015-08-10", "2015-08-10"]) == [0, 1]
    assert _groups([text, cut], ["was", "okaz"], ["2015-08-10", "2015-08-10"], DedupParams(contained_head=0.0)) == [0, 0]


def test_a_digest_that_prints_many_items_is_not_a_copy_of_each() -> None:
    params = DedupParams()
    s, sa, sb, ha, hb = scored(SHORT, DIGEST, params)
    assert s.a_in_b >= params.contained and np.isin(ha, sb).mean() >= params.contained_head
    assert s.jaccard < params.contained_jaccard  # the item is a small share of the digest
    assert not contained_copy(s, sa, sb, ha, hb, params)
    assert _groups([SHORT, DIGEST], ["was", "okaz"], ["2015-08-10", "2015-08-10"]) == [0, 1]
    # without the floor the digest would be a copy of every item it prints
    assert _groups([SHORT, DIGEST], ["was", "okaz"], ["2015-08-10", "2015-08-10"],
                   DedupParams(contained_jaccard=0.0)) == [0, 0]


def test_the_rule_keeps_to_two_outlets_of_the_same_or_the_next_day() -> None:
    assert _groups([WIRE, PAPER], ["was", "okaz"], ["2015-08-10", "2015-08-11"]) == [0, 0]
    assert _groups([WIRE, PAPER], ["was", "okaz"], ["2015-08-10", "2015-08-13"]) == [0, 1]
    # one outlet's text around its own earlier text is its follow-up
    assert _groups([WIRE, PAPER], ["okaz", "okaz"], ["2015-08-10", "2015-08-10"]) == [0, 1]
    # no day known: not applied
    assert _groups([WIRE, PAPER], ["was", "okaz"], ["", ""]) == [0, 1]


#: a court's statement, and a decree the agency sent an hour later (two items of one day)
STATEMENT = ("أصدر الديوان الملكي اليوم بيانا جاء فيه أن خادم الحرمين الشريفين سيغادر البلاد مساء اليوم في إجازة "
             "خاصة يقضيها خارج المملكة، سائلين الله عز وجل أن يحفظه ويعيده إلى أرض الوطن سالما معافى، وأن يديم "
             "على هذه البلاد أمنها واستقرارها ورخاءها في ظل قيادته الحكيمة.")
DECREE = ("صدر اليوم أمر ملكي فيما يلي نصه: بعون الله تعالى، نحن ملك المملكة العربية السعودية، بعد الاطلاع على "
          "المادة السادسة والستين من النظام الأساسي للحكم، وبناء على ما تقتضيه المصلحة العامة، أمرنا بما هو آت: "
          "أولا: ينوب ولي العهد عنا في إدارة شؤون الدولة ورعاية مصالح الشعب خلال فترة غيابنا عن المملكة. "
          "ثانيا: يتولى رئيس الديوان الملكي إبلاغ الوزارات والأجهزة الحكومية بأمرنا هذا لاعتماده والعمل بموجبه. "
          "ثالثا: يعمل بهذا الأمر من تاريخ مغادرتنا أرض الوطن وحتى عودتنا إليها بمشيئة الله، وعلى الجهات "
          "المعنية اتخاذ ما يلزم من إجراءات لتنفيذه، وينشر في الجريدة الرسمية.")


def test_its_pairs_are_taken_last_and_part_no_copy_the_other_rules_join() -> None:
    """A paper prints the statement (its lead and text: a copy by the lead rule) and the decree
    after it (whole: the contained-text rule). The decree's pair is the more alike, but taken
    first it would put the paper in the decree's group and the chaining guard would then keep
    the statement out; taken last, the statement and its reprint stay one group."""
    params = DedupParams()
    paper = STATEMENT + "\n" + DECREE
    s_statement = scored(STATEMENT, paper, params)
    s_decree = scored(DECREE, paper, params)
    assert is_copy(s_statement[0], len(s_statement[1]), len(s_statement[2]), params)
    assert contained_copy(*s_decree, params) and s_decree[0].jaccard > s_statement[0].jaccard
    g = _groups([STATEMENT, DECREE, paper], ["was", "was", "almadina"],
                ["2015-07-25T08:00:00", "2015-07-25T09:00:00", "2015-07-25T20:00:00"])
    assert g[0] == g[2] != g[1]
