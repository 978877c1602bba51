"""When and where an event happened: its date and place, from its sentence and its article.

* **date**: the first time expression of the sentence that the time stage valued to a calendar
  date, not one long before after منذ (since: «أعلى مستوى منذ ديسمبر 2014 بعد أن هدد ترامب» begins
  a period of prices, it does not date the threat; «اعتقلت منذ الجمعة» dates the arrests), else
  the publication date. An event its sentence dates :data:`HISTORY_DAYS` or more
  before the report is history told as background (:func:`long_before`), and not coded.
* **place**: the sentence's place mention nearest the trigger, else the dateline's place when
  the article bears it out (:func:`confirmed_dateline`): an outlet's desk heads every report.
  An input's author field that is the outlet's house line (:func:`house_line`: «أبوظبي - سكاي
  نيوز عربية» on every report of the channel) places an event only where the text names it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from marsad.clean.dateline import AuthorField
from marsad.enrich.entities.features import _norm  # the cached normalize the tagger uses
from marsad.enrich.events import lexicon as L
from marsad.model import Span
from marsad.text.tokens import TOKEN_RE

_DATE_VALUE = re.compile(r"^\d{4}(?:-\d\d){0,2}$")
#: a time on a known day: 2016-12-02TMO, 2015-07-23T13:00
_DAY_TIME = re.compile(r"^\d{4}-\d\d-\d\dT")
_PLACE_LABELS = {"GPE", "LOC"}


def event_date(ts: Sequence[Span], published_at: str | None) -> dict[str, Any] | None:
    """An event's date: the first of its sentence's time expressions ``ts`` valued to a calendar
    date (``source`` timex), else the publication day (``source`` published), else None."""
    for t in ts:
        if t.label == "DATE" and _DATE_VALUE.match(t.value or ""):
            return {"value": t.value, "source": "timex", "start": t.start, "end": t.end}
        if t.label == "TIME" and _DAY_TIME.match(t.value or ""):
            # صباح اليوم الجمعة 2 ديسمبر 2016، الساعة العاشرة من صباح أمس: the day of a time
            # (events.v16; timex.v6 keeps a weekday's date and its part of the day in one TIME)
            return {"value": t.value[:10], "source": "timex", "start": t.start, "end": t.end}
    if published_at:
        return {"value": published_at[:10], "source": "published"}
    return None


_SINCE = L.words({"منذ", "ومنذ"})


def since(text: str, start: int, at: int) -> bool:
    """Whether the word before ``at`` (within the sentence from ``start``) is منذ (since)."""
    words = TOKEN_RE.findall(text, start, at)
    return bool(words) and _norm(words[-1]) in _SINCE


#: an event whose sentence dates it this many days or more before its report is history
HISTORY_DAYS = 31


def long_before(date: dict[str, Any] | None, published_at: str | None) -> bool:
    """Whether a date the sentence states (``source`` timex) ends :data:`HISTORY_DAYS` or more
    before the publication day: «قتلوا في الجزائر بين 1994 و1996»، «في أبريل الماضي أمر ترامب …»
    in a report of April 2018 tell history as background, not the news. A year or a month ends on
    its last day (2017 → 2017-12-31)."""
    if not date or date.get("source") != "timex" or not published_at:
        return False
    value = str(date["value"])
    try:
        published = dt.date.fromisoformat(published_at[:10])
        if len(value) == 4:
            stated = dt.date(int(value), 12, 31)
        elif len(value) == 7:
            y, m = int(value[:4]), int(value[5:])
            stated = dt.date(y, m, calendar.monthrange(y, m)[1])
        else:
            stated = dt.date.fromisoformat(value)
    except ValueError:
        return False
    return (published - stated).days >= HISTORY_DAYS


def confirmed_dateline(text: str, mentions: Sequence[Span], dateline_place: str, *,
                       named_only: bool = False) -> str:
    """The dateline's place when the article bears it out as the place of what it reports: its
    kept text (``text``, removed parts blanked) names the dateline's city, or names no place at
    all (not with ``named_only``: a house line, :func:`house_line`); else ``""``. A dateline says where a report was filed, and an outlet's desk files
    everything: CNN Arabic's «دبي، الإمارات العربية المتحدة (CNN)--» heads its reports on Syria and
    Paris, and «أتلانتا، الولايات المتحدة» one on a meeting in Washington."""
    if not dateline_place:
        return ""
    city = _norm(re.split(r"\s*[،,]\s*", dateline_place.strip(), maxsplit=1)[0])  # دبي، الإمارات … → دبي
    named = [_norm(text[m.start:m.end]) for m in mentions
             if m.label in _PLACE_LABELS and text[m.start:m.end].strip()]
    if not named:
        return "" if named_only else dateline_place
    for n in named:
        if n == city or any(n == p + city for p in L.PROCLITICS):  # الرياض، بالرياض
            return dateline_place
    return ""


def house_line(field: AuthorField) -> bool:
    """Whether an input's author field, as :func:`marsad.clean.dateline.read_author` reads it, is
    an outlet's house line: a place and an outlet that is no wire agency (:data:`lexicon.WIRES`),
    and no person — «أبوظبي - سكاي نيوز عربية» on each of the channel's 13,708 reports in ANT v2.1,
    ««الاقتصادية» من الرياض», «الجزيرة - الرياض». Its place is where the outlet sits, the
    place of the news only when the text names it: an Arsenal kit deal or a phone's battery told
    under it happened nowhere the article says. A wire's city («جدة - واس», «كابول - رويترز») or
    a reporter's («الأحساء - صادق الحرز») is where the copy was filed, as a text's dateline is."""
    return bool(field.place and field.agency and not field.person) and _norm(field.agency) not in L.WIRES


def event_place(places: Sequence[dict[str, Any]], at: int, dateline_place: str) -> dict[str, Any] | None:
    """An event's place: the place mention of its sentence nearest the trigger at ``at``, else
    the dateline's place (as :func:`confirmed_dateline` gives it), else None."""
    if places:
        best = min(places, key=lambda p: abs(p["start"] - at))
        return {**best, "source": "sentence"}
    if dateline_place:
        return {"text": dateline_place, "source": "dateline"}
    return None
