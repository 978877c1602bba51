"""Per-source template vocabulary: the words of a source's own daily items.

The daily weather bulletin, the market close, a paper's cartoon or its Eid greetings use the
same words every day; those words say nothing about *which* event an article reports.
:class:`TemplateTerms` counts, per source, on how many of its days and in how many of its
articles each term appears, and names the terms the story clusterer leaves out of that
source's vectors (:func:`marsad.corpus.stories.article_vector`). The counts are stored between
batches (``source_term_days``, :mod:`marsad.store.corpus_store`), with the source's own days and
articles on the row :data:`DAYS`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from itertools import chain
from typing import TYPE_CHECKING

from marsad.corpus.features import SERIES, DocFreq, count_into

if TYPE_CHECKING:
    from marsad.corpus.story_record import StoryParams

#: the row of the stored template counts that counts a source's days and articles (not a term)
DAYS = "#days"


class TemplateTerms:
    """Per-source template vocabulary: terms a source uses on most of its days, in a larger
    share of its articles than the whole collection does.

    A term is template vocabulary of a source when it is in the source's articles on at least
    ``share`` of the days it publishes (over at least ``min_days`` days) *and* the share of the
    source's articles holding it is at least ``lift`` times the share of all articles holding
    it (document frequencies, :class:`~marsad.corpus.features.DocFreq`). The first condition
    alone flagged most of a busy paper's everyday words (a paper with 120 articles a day uses
    any word of 1% of its articles on most days: 1,700–4,000 terms per Saudi paper), and two
    reports of one event by two papers were left with nothing in common; the lift keeps the
    words of the source's own daily items (``كاريكاتير``, ``يعايد منسوبيه``, ``أفراح``, its
    regions' cities, its masthead) and lets everyday news words speak.

    A source with fewer than ``min_days`` days — every source of a small archive — has too few
    days for the days rule alone: on two of three days, most of a paper's words are. From
    ``young_days`` days on (two at least) it takes the days rule *with* the lift ``young_lift``:
    the words of its own daily items (a paper's wedding and condolence notices, which no other
    source prints) are its vocabulary from its second day, its everyday words are not.
    """

    def __init__(self, *, share: float, min_days: int, lift: float = 0.0,
                 young_days: int = 0, young_lift: float = 0.0) -> None:
        self.share = share
        self.min_days = min_days
        self.lift = lift
        #: a source with at least ``young_days`` (but fewer than ``min_days``) days takes the
        #: days rule *and* the lift ``young_lift`` (0: no vocabulary before ``min_days``)
        self.young_days = young_days
        self.young_lift = young_lift
        self.days: Counter[str] = Counter()  # source → days seen
        self.articles: Counter[str] = Counter()  # source → articles counted
        self.term_days: dict[str, Counter[str]] = defaultdict(Counter)
        self.term_articles: dict[str, Counter[str]] = defaultdict(Counter)
        self._pending: dict[tuple[str, int], set[str]] = defaultdict(set)
        self._pending_articles: dict[str, list[Collection[str]]] = defaultdict(list)
        #: per source, the terms on at least ``share`` of its days when last looked at, and
        #: the terms counted since: only those can have joined (the counts and the cut only
        #: grow), so the days rule never walks a source's whole vocabulary again
        self._above: dict[str, set[str]] = {}
        self._touched: dict[str, set[str]] = defaultdict(set)
        self._cache: dict[str, frozenset[str]] = {}

    @classmethod
    def of_params(cls, p: StoryParams) -> TemplateTerms:
        """Empty counts with the rules of the story parameters ``p`` (``template_*``)."""
        return cls(share=p.template_share, min_days=p.template_min_days, lift=p.template_lift,
                   young_days=p.template_young_days, young_lift=p.template_young_lift)

    def observe(self, source: str, day: int, terms: Collection[str]) -> None:
        """Note the distinct terms of one article (read again at :meth:`flush`, which counts
        its days once per source and day)."""
        if source and day >= 0:
            self._pending[(source, day)].update(terms)
            self._pending_articles[source].append(terms)

    def flush(self) -> dict[str, tuple[Counter[str], Counter[str]]]:
        """Count the observed terms; returns the increments to store, per source: ``(days,
        articles)`` counters of the same terms, with the source's own counts on the term
        :data:`DAYS`."""
        by_source: dict[str, list[set[str]]] = defaultdict(list)
        for (source, _day), terms in self._pending.items():
            by_source[source].append(terms)
        inc: dict[str, tuple[Counter[str], Counter[str]]] = {}
        for source, docs in self._pending_articles.items():
            day_sets = by_source[source]
            days = Counter(chain.from_iterable(day_sets))  # counted in C
            arts = Counter(chain.from_iterable(docs))
            count_into(self.term_days[source], days)  # the batch's distinct terms, not every mention
            count_into(self.term_articles[source], arts)
            self._touched[source].update(days)
            self.days[source] += len(day_sets)
            self.articles[source] += len(docs)
            days[DAYS] = len(day_sets)
            arts[DAYS] = len(docs)
            inc[source] = (days, arts)
        self._pending.clear()
        self._pending_articles.clear()
        self._cache.clear()
        return inc

    def apply(self, inc: Mapping[str, tuple[Mapping[str, int], Mapping[str, int]]]) -> None:
        """Count what :meth:`flush` returned in another process (a copy of this one that observed
        the same articles): the counts :meth:`flush` leaves, without counting the terms again."""
        for source, (days, arts) in inc.items():
            d, a = dict(days), dict(arts)
            n_days, n_arts = d.pop(DAYS), a.pop(DAYS)
            count_into(self.term_days[source], d)
            count_into(self.term_articles[source], a)
            self._touched[source].update(d)
            self.days[source] += n_days
            self.articles[source] += n_arts
        self._cache.clear()

    def load(self, source: str, days: int, term_days: dict[str, int], articles: int = 0,
             term_articles: Mapping[str, int] | None = None) -> None:
        """Restore stored counts."""
        self.days[source] += days
        self.term_days[source].update(term_days)
        self._touched[source].update(term_days)
        self.articles[source] += articles
        if term_articles:
            self.term_articles[source].update(term_articles)
        self._cache.pop(source, None)

    def series(self, source: str, key: str, min_days: int) -> bool:
        """Whether ``source`` printed the title key ``key`` (:func:`~marsad.corpus.features.title_key`)
        on at least ``min_days`` days, about once a day: one of its series (the weather, a
        market close, a daily roundup) — not a title it gives every article (its own name, a
        section), which it prints many times a day."""
        if not key or min_days <= 0:
            return False
        t = SERIES + key
        days = self.term_days[source].get(t, 0)
        return days >= min_days and self.term_articles[source].get(t, 0) <= 2 * days

    def of(self, source: str, df: DocFreq | None = None) -> frozenset[str]:
        """The template vocabulary of ``source`` given the collection's document frequencies
        ``df`` (kept until the next :meth:`flush`); without ``df``, the days rule alone (and
        nothing for a young source, whose vocabulary needs the lift)."""
        got = self._cache.get(source)
        if got is None:
            n = self.days.get(source, 0)
            young = n < self.min_days
            lift = self.young_lift if young else self.lift
            if young and not (self.young_lift > 0 and max(2, self.young_days) <= n and df is not None and df.n):
                got = frozenset()
            else:
                cut = self.share * n
                td = self.term_days[source]
                above = self._above.get(source, set()) | self._touched.pop(source, set())
                above = self._above[source] = {t for t in above if td[t] >= cut}
                got = frozenset(above)
                if df is not None and df.n and lift > 0:
                    # the source's article share of a term against the collection's
                    ta = self.term_articles[source]
                    dfs = df.df
                    scale = lift * self.articles.get(source, 0) / df.n
                    got = frozenset(t for t in above if ta.get(t, 0) >= max(1e-9, scale * dfs.get(t, 0)))
            self._cache[source] = got
        return got
