"""Texts written for the tests (not taken from any corpus) that several test files share: two
outlets' reports of one attack in Kirkuk and a workers' protest in Tunis (each test names its
copies with :func:`article` and changes what it needs: a date, a sentence more), and made-up
Arabic words (:func:`made_up_words`)."""

from __future__ import annotations

from typing import Any

#: an agency's report of the attack, dated by «أمس» (yesterday: the 4th, published on the 5th)
KIRKUK_AGENCY = {
    "source": "وكالة أ", "date": "2024-03-05T08:00:00+00:00", "title": "مقتل خمسة في هجوم على حاجز للشرطة في كركوك",
    "text": "قتل خمسة من عناصر الشرطة أمس في هجوم شنه مسلحون مجهولون على حاجز للشرطة جنوب مدينة كركوك، "
            "حسب مصدر أمني.",
}
#: a paper's report of the same attack in its own words, also of «أمس»
KIRKUK_PAPER = {
    "source": "صحيفة ب", "date": "2024-03-05T10:00:00+00:00", "title": "هجوم مسلح على حاجز للشرطة في كركوك يقتل خمسة",
    "text": "هاجم مسلحون مجهولون أمس حاجزا للشرطة جنوب مدينة كركوك وقتلوا خمسة من عناصر الشرطة، "
            "وفق مصدر أمني في المدينة.",
}
#: a sentence more of the agency's report, after its first
KIRKUK_MORE = "\nوقال المصدر إن المسلحين فروا بعد الهجوم."
#: hundreds of workers protest in Tunis, the day before
TUNIS_PROTEST = {
    "source": "صحيفة ب", "date": "2024-03-05", "title": "مئات العمال يتظاهرون في تونس",
    "text": "تظاهر مئات العمال أمس أمام مقر الحكومة في تونس احتجاجا على تأخر الرواتب.",
}


def article(base: dict[str, str], id: str, **changes: str) -> dict[str, Any]:  # noqa: A002
    """A record of ``base`` with the id ``id`` and ``changes`` (date, title, text …)."""
    return {"id": id, **base, **changes}


def made_up_words(seed: int, n: int) -> str:
    """``n`` distinct made-up Arabic words (letters only: no figures for the template guard),
    another run of them for each ``seed``."""
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
    out = []
    for i in range(seed * 10_000, seed * 10_000 + n):
        w, x = "", i + 1000
        while x:
            x, r = divmod(x, len(letters))
            w += letters[r]
        out.append(w)
    return " ".join(out)
