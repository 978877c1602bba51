"""The CoNLL path's document step: an entity tagged in one sentence is tagged again where the
same words recur untagged in the sentences after it. Sentences written for these tests."""

from __future__ import annotations

from marsad.enrich.entities.conll import propagate_entities


def _tags(*rows: str) -> list[list[str]]:
    return [r.split() for r in rows]


def test_an_entity_recurring_untagged_takes_its_type() -> None:
    sents = [["وصل", "الوفد", "إلى", "بنغازي", "أمس"],
             ["وقال", "مسؤول", "في", "بنغازي", "إن", "الجامعة", "العربية", "ترحب"],
             ["وأكدت", "الجامعة", "العربية", "ذلك"]]
    tags = _tags("O O O B-LOC O", "O O O O O B-ORG I-ORG O", "O O O O")
    out = propagate_entities(sents, tags)
    assert out[1][3] == "B-LOC"
    assert out[2][1:3] == ["B-ORG", "I-ORG"]  # the whole run, not one word of it
    assert out is tags  # in place, like the other steps of the path


def test_what_is_left_alone() -> None:
    sents = [["زار", "سالم", "الحربي", "مدينة", "جدة", "في"],
             ["ثم", "غادر", "جدة", "سالم", "الحربي"],  # next to a tagged entity: a piece of another name
             ["وقال", "في", "إن", "الوفد"]]
    tags = _tags("O B-PERS I-PERS O B-LOC B-LOC", "O O O B-PERS I-PERS", "O O O O")
    out = propagate_entities(sents, [list(t) for t in tags])
    assert out[1][2] == "O"
    assert out[2][1] == "O"  # a stop word tagged once is no name to repeat
    # too far back: outside the window of sentences
    far = [["زار", "الوفد", "جدة"], *[["ثم", "عاد"]] * 3, ["وفي", "جدة", "أمس"]]
    ftags = [["O", "O", "B-LOC"], *[["O", "O"]] * 3, ["O", "O", "O"]]
    assert propagate_entities(far, [list(t) for t in ftags], window=3)[4][1] == "O"
    assert propagate_entities(far, [list(t) for t in ftags], window=4)[4][1] == "B-LOC"


def test_the_latest_type_wins_and_only_earlier_sentences_count() -> None:
    sents = [["قال", "عمرو", "إن", "الأهلي", "فاز"], ["وفاز", "الأهلي", "أمس"], ["في", "مدينة", "الأهلي", "نفسها"]]
    tags = _tags("O O O B-ORG O", "O O O", "O O B-LOC O")
    out = propagate_entities(sents, [list(t) for t in tags])
    assert out[1][1] == "B-ORG"
    assert out[0][1] == "O"  # nothing flows backwards
    later = propagate_entities([*sents, ["ونافس", "الأهلي", "بقوة"]], [*(list(t) for t in tags), ["O", "O", "O"]])
    assert later[3][1] == "B-LOC"
