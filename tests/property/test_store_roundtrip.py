"""Property tests: the store round-trips any article; index and query normalize alike."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import marsad
from marsad.model import Article, Span
from marsad.runners.local import IngestOptions
from marsad.search.fts import parse_query
from marsad.text.normalize import normalize
from marsad.text.tokens import stem, stem_text

letters = st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ"))
word = st.text(alphabet=letters, min_size=2, max_size=9)
marks = st.sampled_from(["", "\u064e", "\u0651", "\u0640", "\u200f"])


@st.composite
def articles(draw):
    words = draw(st.lists(word, min_size=3, max_size=40))
    text = " ".join(w + draw(marks) for w in words)
    n = len(text)
    spans = []
    for _ in range(draw(st.integers(0, 5))):
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        spans.append(Span(draw(st.sampled_from(["timex", "mention", "event"])), a, b,
                          draw(st.sampled_from(["DATE", "PER", "GPE"])), draw(word),
                          draw(st.dictionaries(st.sampled_from(["country", "role"]), word, max_size=2))))
    return Article(id=draw(word), text=text, source=draw(word), title=draw(word), spans=spans,
                   published_at=draw(st.sampled_from([None, "2021-09-14", "XXXX-09-14"])))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_store_round_trips_any_article(art):
    with tempfile.TemporaryDirectory() as d:
        with marsad.open(Path(d) / "p.db") as arc:
            stored, _ = arc.write_batch([{"article": art, "doc_hash": "h" + art.id}])
            assert stored == 1
            back = arc.get(art.id)
            assert back.text == art.text and back.title == art.title
            assert back.published_at == art.published_at
            key = lambda s: (s.layer, s.start, s.end, s.label, s.value, sorted(s.attrs.items()))  # noqa: E731
            assert sorted(map(key, back.spans)) == sorted(map(key, art.spans))


@settings(max_examples=60, deadline=None)
@given(st.lists(word, min_size=1, max_size=6), st.lists(marks, min_size=6, max_size=6))
def test_indexed_and_queried_forms_meet(words, ms):
    """Whatever diacritics or clitics a document carries, its own words find it."""
    doc = " ".join("و" + w + m for w, m in zip(words, ms, strict=False))
    indexed = set(stem_text(normalize(doc)).split())
    q = parse_query(" ".join(words))
    for w in words:
        assert stem(normalize(w)) in q.stems
        assert stem(normalize("و" + w)) in indexed


def test_search_finds_every_ingested_word(tmp_path):
    text = "أعلنت الحكومةُ اليومَ عن خُطّة جديدة لتطوير المستشفيات في المحافظات الشمالية."
    p = tmp_path / "one.txt"
    p.write_text("عنوان\n" + text, encoding="utf-8")
    with marsad.open(tmp_path / "s.db") as arc:
        arc.ingest([p], options=IngestOptions(workers=1))
        for w in text.rstrip(".").split():
            assert arc.search(w)[1] == 1, w
