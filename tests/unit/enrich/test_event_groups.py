"""Event group keys: anchored on the story's anchor article, else on the article itself."""

from __future__ import annotations

from marsad.enrich.events.group import group_day, group_key, parse_group, stated_days, story_anchors

_STATED = {"date": {"source": "timex", "value": "2024-03-04"}}
_PUBLISHED = {"date": {"source": "published", "value": "2024-03-05"}}


def test_a_story_member_is_keyed_by_its_story_anchor() -> None:
    anchors = story_anchors([
        {"story": 7, "id": "late", "published_at": "2024-03-05T10:00:00+00:00"},
        {"story": 7, "id": "early", "published_at": "2024-03-05T08:00:00+00:00"},
        {"story": 8, "id": "alone", "published_at": "2024-03-06"},
    ])
    assert anchors == {7: "early", 8: "alone"}
    key = group_key(anchors, story=7, article_id="late", label="ASSAULT", attrs=_STATED)
    assert key == "early|ASSAULT|2024-03-04" and parse_group(key) == ("early", "ASSAULT", "2024-03-04")
    # a day taken from the publication date is no day of the event
    assert group_key(anchors, story=7, article_id="late", label="ASSAULT", attrs=_PUBLISHED) == "early|ASSAULT|"


def test_an_article_without_a_known_story_is_its_own_anchor() -> None:
    anchors = {7: "early"}
    assert group_key(anchors, story=None, article_id="x|1", label="PROTEST", attrs={}) == "x|1|PROTEST|"
    assert group_key(anchors, story=9, article_id="y", label="PROTEST", attrs=_STATED) == "y|PROTEST|2024-03-04"
    assert parse_group("x|1|PROTEST|") == ("x|1", "PROTEST", "")


def test_a_report_that_states_no_day_joins_the_day_its_story_states() -> None:
    """«هاجم مسلحون حاجزا …» published on the 5th beside «قتل خمسة أمس …» (the 4th) of the same
    story is the same attack: one group, not a no-day group and a dated one."""
    anchors = {7: "early"}
    rows = [{"story": 7, "id": "early", "label": "ASSAULT", "attrs": _STATED},
            {"story": 7, "id": "late", "label": "ASSAULT", "attrs": _PUBLISHED},
            {"story": 7, "id": "late", "label": "PROTEST", "attrs": {"date": {"source": "timex", "value": "2024-03"}}}]
    stated = stated_days(anchors, rows)
    assert stated == {("early", "ASSAULT"): {"2024-03-04"}, ("early", "PROTEST"): {"2024-03"}}

    def key(label: str, published: str | None) -> str:
        return group_key(anchors, story=7, article_id="late", label=label, attrs=_PUBLISHED, published_at=published,
                         stated=stated)

    assert key("ASSAULT", "2024-03-05T10:00:00+00:00") == "early|ASSAULT|2024-03-04"  # the day before
    assert key("ASSAULT", "2024-03-04") == "early|ASSAULT|2024-03-04"  # its own day
    assert key("ASSAULT", "2024-03-06") == "early|ASSAULT|"  # two days on: a later development, or unknown
    assert key("ASSAULT", None) == "early|ASSAULT|"
    assert key("PROTEST", "2024-03-05") == "early|PROTEST|"  # a month stated is no day to join
    assert key("COERCE", "2024-03-05") == "early|COERCE|"  # no report of that type states a day
    # without the stated days (an older caller), the key is as before
    assert group_key(anchors, story=7, article_id="late", label="ASSAULT", attrs=_PUBLISHED,
                     published_at="2024-03-05") == "early|ASSAULT|"


def test_the_day_of_publication_wins_over_the_day_before() -> None:
    assert group_day(_PUBLISHED, published_at="2024-03-05T23:00:00+03:00",
                     stated={"2024-03-04", "2024-03-05"}) == "2024-03-05"
    assert group_day(_PUBLISHED, published_at="2024-03-01", stated={"2024-02-29"}) == "2024-02-29"  # leap day
    assert group_day(_STATED, published_at="2024-03-09", stated={"2024-03-08"}) == "2024-03-04"  # its own day stays
    assert group_day(_PUBLISHED, published_at="not a date", stated={"2024-03-04"}) == ""
