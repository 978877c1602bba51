"""The foundation stages: language, debris, dateline/byline/credit, metadata date, index terms."""

from __future__ import annotations

from marsad.clean.dateline import AuthorField, DatelineSplitter, read_author, title_without_desk_tag
from marsad.clean.debris import DebrisCleaner, clean_text, mask
from marsad.clean.teasers import teaser_spans
from marsad.enrich.language import identify
from marsad.model import Article
from marsad.pipeline.core import Doc
from marsad.search.postings import term_counts
from marsad.text.normalize import normalize
from marsad.text.tokens import stem_text


class LanguageStage:
    """Sets ``article.language``; flags non-Arabic articles (they are kept, not dropped)."""

    name = "language"
    requires = ("text",)
    provides = ("language",)

    def run(self, doc: Doc) -> None:
        guess = identify(doc.text)
        doc.article.language = guess.language
        if guess.language != "ar":
            doc.article.language_flag = f"not Arabic ({guess.language}, {guess.confidence:.2f})"


class DebrisStage:
    """Marks site debris (and lines learned as boilerplate for the source) as spans, then the
    trailing run of other articles' leads a «more from this section» block left
    (:func:`marsad.clean.teasers.teaser_spans`, kind ``related_teaser``)."""

    name = "debris"
    requires = ("text",)
    provides = ("debris",)

    def __init__(self) -> None:
        self._cleaner = DebrisCleaner()

    def run(self, doc: Doc) -> None:
        learned = doc.extras.get("boilerplate", ())
        found = self._cleaner.spans(doc.text, boilerplate=learned)
        found += teaser_spans(doc.text, removed=found, title=doc.article.title or "")
        doc.add(found)


_AUTHOR_KEY = "_author_field"


def author_field(doc: Doc) -> AuthorField:
    """The input's author field as :func:`marsad.clean.dateline.read_author` reads it (read once,
    shared by the dateline and events stages)."""
    field = doc.extras.get(_AUTHOR_KEY)
    if field is None:
        field = doc.extras[_AUTHOR_KEY] = read_author(doc.record.author)
    return field


class DatelineStage:
    """Splits out title (when the input has none), byline, dateline and trailing credit; the
    input's author field gives the dateline's place and agency and the byline where the text
    gave none (:func:`marsad.clean.dateline.read_author`)."""

    name = "dateline"
    requires = ("debris",)
    provides = ("dateline", "byline", "credit", "clean")

    def __init__(self) -> None:
        self._splitter = DatelineSplitter()

    def run(self, doc: Doc) -> None:
        art = doc.article
        art.title = title_without_desk_tag(art.title or "")
        removed = art.layer("debris")
        found = self._splitter.spans(doc.text, removed=removed, has_title=bool(art.title))
        doc.add(found)
        for s in found:
            if s.layer == "title" and not art.title:
                art.title = s.text_of(doc.text)
            elif s.layer == "dateline":
                art.dateline_place = s.attrs.get("place", "")
                art.dateline_agency = s.attrs.get("agency", "")
                if s.attrs.get("author") and not art.byline:
                    art.byline = s.attrs["author"]
            elif s.layer == "byline":
                art.byline = s.value
            elif s.layer == "credit":
                art.credit = s.value
        if doc.record.author:
            # the input's author field is often a dateline (واس - جدة, لندن: فلان): its place and
            # agency stand where the text gave none, its person (if any) is the byline
            field = author_field(doc)
            art.dateline_place = art.dateline_place or field.place
            art.dateline_agency = art.dateline_agency or field.agency
            art.byline = art.byline or field.person
        doc.masked = mask(doc.text, art.spans)


class MetadataDater:
    """Takes the publication date from the input's metadata when it has one."""

    name = "metadate"
    requires = ("text",)
    provides = ("published_at",)

    def run(self, doc: Doc) -> None:
        rec = doc.record
        if rec.date:
            doc.article.published_at = rec.date
            doc.article.published_at_source = rec.date_kind or "metadata"
            doc.article.published_at_confidence = 0.6 if rec.date_kind == "crawl" else 0.95
            doc.anchor = rec.date[:10]


class IndexTermsStage:
    """Computes the stemmed, normalized text that the full-text index stores."""

    name = "index_terms"
    requires = ("clean",)
    provides = ("index_terms",)

    def run(self, doc: Doc) -> None:
        doc.extras["index_title"], doc.extras["index_body"] = index_terms(doc.article)
        doc.extras["index_tf"] = term_counts(doc.extras["index_title"], doc.extras["index_body"])


def index_terms(art: Article) -> tuple[str, str]:
    """The stemmed, normalized title and cleaned body that the search indexes store."""
    return stem_text(normalize(art.title)), stem_text(normalize(clean_text(art.text, art.spans)))
