"""Event group keys: anchored on the story's anchor article, else on the article itself."""

from __future__ import annotations

from marsad.enrich.events.group import group_key, parse_group, story_anchors

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
