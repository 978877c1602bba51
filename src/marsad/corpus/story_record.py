"""The story record and what makes two articles one story.

:class:`StoryParams` holds the clusterer's thresholds and guards (:mod:`marsad.corpus.stories`
explains them), each with the dev figures it was chosen on. :class:`Story` is one story as the
clusterer carries it: the centroid (the sum of its members' vectors, pruned to its heaviest
terms), the figures, title places and actors its members named, its days and sources. It takes
in one article at a time (:meth:`Story.absorb`) and another story whole (:meth:`Story.fold`,
the merges); the corpus stage stores it between batches (:meth:`Story.to_state`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice, repeat
from operator import add

from marsad.corpus.features import FUNCTION_WORDS
from marsad.enrich.entities import lexicon as lx
from marsad.text.normalize import normalize


@dataclass(frozen=True, slots=True)
class StoryParams:
    """What makes two articles one story (defaults tuned on the dev day of the gold)."""

    threshold: float = 0.25
    window_days: int = 3
    day_decay: float = 0.15
    top_terms: int = 40
    centroid_terms: int = 80
    numbers_min: int = 3
    #: the same-day score factor of an article and a story whose figures are apart (another
    #: day's never join). 1: none. Reports of one event the same day carry other figures (a
    #: toll that rises, another paper's counts), and the day's template items are kept apart
    #: by the template-like rule, the title places and the other days' figures. Dev same-story
    #: pair F1 / day B³ (title places confirmed, titles unescaped): 0.5 0.903 / 0.938, 0.7
    #: 0.907 / 0.938, **1** 0.910 / 0.940 (0.85 the same); articles in stories of 100 or
    #: more 1,001 → 1,325 of 72,716 (the embassy move to Jerusalem, the Trump–Kim summit)
    numbers_penalty: float = 1.0
    #: the same-day score factor of a story whose figures are apart when another story the
    #: article may join holds ``numbers_held`` of its figures (not lowered by a guard): the
    #: article is that story's report — a print paper's next-morning report of yesterday's
    #: market close, dated by its crawl, beside today's close (1: none). Dev / dev2 same-story
    #: pair F1 and the dev day's story B³: 1 0.928 / 0.841 / 0.951; **0.5** (0.7, 0.3 the same)
    #: 0.928 / 0.841 / 0.956 (precision 0.952 → 0.962); held ≥ 0.25 of the figures rather
    #: than 0.5: the same gold figures, but 52 of SaudiNewsNet 1–3 Aug 2015's 3,906 articles
    #: change story (a honey festival's item of other figures parted) where 0.5 changes the
    #: market closes' 16 only. Held-out pairs and day: unchanged (docs/stories.md)
    numbers_elsewhere: float = 0.5
    numbers_held: float = 0.5
    #: an article whose title names places none of which the story's titles name
    #: (:func:`marsad.corpus.features.places_apart`) scores this much of its cosine
    places_penalty: float = 0.5
    #: share of the figures of the article found in the story below which the penalty applies
    numbers_overlap: float = 0.25
    #: an article whose terms are at least this share template vocabulary is template-like:
    #: it joins only a story of the same or the next day whose figures it shares
    template_like: float = 0.7
    template_share: float = 0.6
    template_min_days: int = 5
    #: an article whose title key (:func:`marsad.corpus.features.title_key`: its title without
    #: the day it names) its source printed on this many days, about once a day, is an item of
    #: a series — the weather, a market close, a daily roundup: template-like, and it joins no
    #: story that began more than a day before it (0: off)
    series_days: int = 3
    #: … and holds it in this many times the share of all articles that do (the source's own
    #: daily items, not its everyday words:
    #: :class:`~marsad.corpus.template_terms.TemplateTerms`); 0 turns the condition off.
    #: Off by default for its cost: everyday words stay in the vectors and the clustering
    #: looks up more postings. Dev same-story pair F1 / day B³ with today's analysers: off
    #: 0.847 / 0.936 (80 postings looked up an article); lift 2 0.862 / 0.945 (210 postings);
    #: lift 2 with ``max_postings`` 50 and ``lookup_terms`` 25 0.869 / 0.953 (91 postings,
    #: but about a fifth more clustering CPU and half as much again for thread linking: the
    #: everyday words weigh in every article and sit in every centroid). Earlier analysers:
    #: lift 1.5 0.821 / 0.945, 2 0.874 / 0.945, 3 0.864 / 0.945, 6 0.860 / 0.944; 25 vector
    #: terms, 60 centroid terms and 50 postings 0.889 / 0.955 but fewer thread links
    template_lift: float = 0.0
    #: a source with at least this many days but fewer than ``template_min_days`` (a small
    #: archive, a new outlet) has template vocabulary too: the days rule with the lift
    #: ``template_young_lift`` (0: none before ``template_min_days``). Before, an archive of a
    #: few days had none, and one paper's wedding notices «آل … يحتفلون بزواج …» (13 of three
    #: days) or its condolence notices made one story. Dev / dev2 same-story pair F1, the dev
    #: day's B³: off 0.931 / 0.835 / 0.935; young days 2, lift **2** 0.935 / 0.835 / 0.946;
    #: lift 3 0.931 / 0.835 / 0.944; young days 3 (lift 2) 0.931 / 0.835 / 0.935
    template_young_days: int = 2
    template_young_lift: float = 2.0
    #: the score factor of an article and a story all of whose members are its own outlet's,
    #: when both name people or bodies and the story names none of the article's rare ones
    #: (:attr:`actor_share`): one outlet's items of a kind — wedding and condolence notices,
    #: each naming another family — not one event (1: off). Dev / dev2 / dev day, with the
    #: young sources' vocabulary above: off 0.935 / 0.835 / 0.946; **0.5** 0.931 / 0.841 /
    #: 0.951; alone (no young vocabulary) 0.5 0.928 / 0.841 / 0.947, 0.7 0.924 / 0.841 / 0.948
    own_actors_penalty: float = 0.5
    #: entity mentions (``e:`` terms) scaled by this in an article's unit vector before it is
    #: renormalised: entity keys are rare, so their IDF made a few of them most of the vector
    #: and two reports naming their actors differently fell apart (dev same-story pair F1
    #: 0.778 at 1.0, 0.847 at 0.15, 0.849 without them; day B³ 0.928 / 0.936 / 0.930); kept
    #: small rather than dropped, so centroids still name their actors (threads read them)
    entity_scale: float = 0.15
    #: terms held by more active stories than this are not looked up (too common to tell
    #: stories apart; their share of the cosine is small and is left out of the score); with
    #: lift 2 (dev pair F1 / day B³, postings looked up an article): 100 0.862 / 0.945, 210;
    #: 50 0.862 / 0.951, 154; 30 0.854 / 0.962, 118; 20 0.827 / 0.968, 92
    max_postings: int = 100
    #: only the article's this many heaviest terms are looked up in the index and scored (0:
    #: all ``top_terms``, the default); the others still go into the story's centroid, which
    #: the thread linker compares (25 vector terms made threads miss shared actors). With
    #: lift 2 and 50 postings, dev pair F1 / day B³: all 0.862 / 0.951 at 154 postings an
    #: article, 30 0.861 / 0.951 at 109, 25 0.869 / 0.953 at 91 (70 postings: 0.864 / 0.951)
    lookup_terms: int = 0
    #: added to the score of a story of the same or the next day (``actor_days``) whose members
    #: named at least ``actor_min`` of the article's rare actors — people and organisations
    #: (``e:per:``/``e:org:`` keys among its weighed terms) in at most ``actor_share`` of all
    #: articles — unless a guard (figures, title places) already lowered it; 0 turns it off.
    #: Independent reports of one visit, attack or statement name the same people the same day
    #: in other words. Dev same-story pair F1 / day B³: off 0.873 / 0.934 (P 0.890 R 0.856);
    #: 0.10 0.884 / 0.933; 0.12 0.885 / 0.935; **0.15 0.888 / 0.940** (P 0.905 R 0.871); 0.18
    #: 0.886 / 0.936; 0.20 0.886 / 0.934. At 0.15: one actor in common 0.876 / 0.925, three
    #: 0.881 / 0.936; actors in 1% of articles 0.881 / 0.938, in 0.1% 0.873 / 0.934; the same
    #: day only 0.881 / 0.940; kept from template-like articles (a paper's everyday words are
    #: most of theirs) 0.879 / 0.940. About 2% more clustering CPU (the actors are read from
    #: the article's 40 weighed terms, not all of them: the same scores, a third of the cost)
    actor_bonus: float = 0.15
    actor_min: int = 2
    actor_share: float = 0.003
    actor_days: int = 1
    #: two stories of one event growing side by side (a visit's report and its joint statement,
    #: independent reports of one attack: each article joins the story it is closest to, and
    #: both keep growing) are folded into one, the younger into the older (:meth:`Story.fold`),
    #: when the guards between them hold (no title places apart, figures not apart), in two
    #: ways: an article (not template-like) that joins its best story and scores at least
    #: ``merge_threshold`` with another too — the best-scoring one the guards let merge, not
    #: only the second-best (dev2 0.815 → 0.823: the second had begun three days before, the
    #: third was the same day's other report; dev and the dev day unchanged) — (0: never); or a
    #: story that has just doubled (2, 4, 8 … articles) whose centroid — its ``merge_terms`` heaviest terms,
    #: looked up like an article's — reaches a cosine of ``merge_cosine`` (0: never) with a
    #: story of the same or the next day whose members named ``merge_actors`` rare actors
    #: (:attr:`actor_share`) of its own (0: no actor needed). Dev same-story pair F1 / day B³
    #: (with the actor bonus; P R of the pairs): none 0.885 / 0.936 (P 0.898 R 0.871);
    #: article 0.35 0.891 / 0.934, 0.30 0.886 / 0.934, **0.25** 0.894 / 0.935 (P 0.894 R
    #: 0.894), 0.22 (with the centroids) 0.906 / 0.924, 0.20 0.898 / 0.921; with the centroids
    #: at cosine 0.4 and no actor rule 0.894 / 0.935 (0.35: 0.896 / 0.937); at cosine **0.25**
    #: and **3** rare actors 0.902 / 0.935 (P 0.895 R 0.909), the same at 0.2, 0.3 and 4
    #: actors; the centroids alone (cosine 0.4) 0.889 / 0.936. The pairs still split are
    #: mostly stories apart by their centroids (cosine below 0.2: a report and its text in
    #: full, a claim of an attack and the attack) or by title places (the city and the country
    #: of one attack). Held-out, read once after the choice: 0.836 → 0.869 (R 0.788 → 0.850),
    #: day B³ 0.939 → 0.947. About 2% more clustering CPU (docs/stories.md).
    merge_threshold: float = 0.25
    merge_cosine: float = 0.25
    merge_actors: int = 3
    merge_terms: int = 40
    #: ... and only stories that began within ``merge_days`` days of each other (-1: any): two
    #: stories of one event begin together. Without it, an article of a weeks-long development
    #: fitting another chained them (Afrin and Eastern Ghouta, 364 articles; stories of 100+
    #: articles held 1,677 articles against 868 without merges). Dev same story 0.902 → 0.906 (0:
    #: 0.889, 1: 0.902, 2: 0.906, 3: 0.906), day B³ 0.935 → 0.938; 100+-article stories 976
    merge_days: int = 2
    #: the guard of title places between two stories to be merged compares countries only
    #: while the evidence is weaker than this (0: always compared): an article scoring at least this
    #: with its second-best story, or two stories' centroids at least this close, are folded
    #: though their titles name other countries (a bombing in a town "on Syria's border" and
    #: Turkey's president about it; Morocco's bid and the joint bid that beat it) — unless both name
    #: cities and none in common (items of one template: an execution in Jazan, one in
    #: Jeddah). Dev same-story pair F1 / day B³ (P R of the pairs), replayed with
    #: ``merge_days``: off 0.906 / 0.938 (P 0.902 R 0.909), **0.4** 0.914 / 0.938 (P 0.904 R
    #: 0.924); before ``merge_days``: off 0.902 / 0.935, for the centroids only 0.4 0.906 /
    #: 0.935; for both 0.3 0.907 / 0.932, 0.35 0.907 / 0.934, 0.4 0.910 / 0.935, 0.45 the
    #: same, 0.5 as off (the two pairs gained: a bombing and its condemnation, the bid vote).
    #: Looser title places (a country named on its own near every city of it) joined related
    #: items instead (three false joins, no pair gained). The pairs still split are stories
    #: far apart by centroid (a report and the full text it reports, cosine below 0.2) and
    #: single articles naming the event in other words.
    merge_countries_cosine: float = 0.4
    #: the score an article needs to join a story that its own outlet printed in on an earlier
    #: day (``threshold`` otherwise; 0: the same). An outlet rarely reports one event twice on
    #: two days: its next day's article on a story it covered is most often the next
    #: development (the Skripal expulsions, then Moscow's answer; a match, then the next round
    #: of one league), which an independent report by another outlet of the same event is not.
    #: Dev / dev2 same-story pair F1 (dev2 P R), day B³, stories spanning a week or more:
    #: off 0.919 / 0.775 (P 0.729 R 0.827), 0.939, 90; 0.26 0.914 / 0.808; **0.27** 0.917 /
    #: 0.813 (P 0.787 R 0.840), 0.938, 64 (two weeks or more 17 → 11, 100 articles or more 9 →
    #: 3); 0.28 0.914 / 0.813; 0.30 0.906 / 0.808, 0.940, 47. Only stories of that outlet
    #: alone, at 0.30: 0.921 / 0.798, 82.
    own_threshold: float = 0.27
    #: an article joins no story that began more than this many days before it (0: no
    #: limit); a copy still follows its copy group's story. A story is one event: a week on, an
    #: article is about the development's next step, and threads link the steps. Without it
    #: a development reported daily chained into one "story" for weeks (Eastern Ghouta, 170
    #: articles over 43 days; the Khashoggi case, 193 over 17). The gold pairs are at most a
    #: day apart, so they hardly see it: dev / dev2 same-story pair F1, day B³, stories
    #: spanning two weeks or more, of 100 articles or more: off 0.913 / 0.813, 0.940, 11, 3;
    #: 4 0.899 / 0.808, 0.942, 0, 0 (splits fall between a day and the next); **7** 0.917 /
    #: 0.813, 0.942, 0, 0; 10 0.906 / 0.818, 0.940, 0, 0
    max_span_days: int = 7
    #: a term that more than ``burst_share`` of the active stories hold (at least ``burst_min``
    #: of them) is the topic of the days, not the event: an article's weight of it is
    #: multiplied by ``(cap / stories holding it) ** burst_power`` (``cap`` the larger of the
    #: two), before it is scored and added (0: off). A name that dominates a week's news —
    #: Khashoggi, Skripal, Salah — held each development of its topic on one day in one story
    #: of 20–86 articles; damped, the development's own words decide. Chosen on dev and dev2
    #: together (replayed on features computed once; dev / dev2 same-story pair F1, the dev day's
    #: story B³, stories of 20+ articles, the biggest): off 0.929 / 0.818 / 0.938, 127, 86;
    #: 0.005 0.928 / 0.841 / 0.940, 78, 62; 0.0075 0.928 / 0.841 / 0.938, 80, 54; **0.01**
    #: 0.932 / 0.835 / 0.937, 84, 54; 0.015 0.932 / 0.830 / 0.937, 96, 61; 0.02 0.917 / 0.825 /
    #: 0.938, 104, 63; 0.01 with power 1 0.924 / 0.852 / 0.938, 72, 54
    burst_share: float = 0.01
    burst_power: float = 0.5
    burst_min: int = 3
    #: a story's thread vector (:attr:`Story.body`, what the thread linker compares of its
    #: content words) sums its articles' :func:`~marsad.corpus.features.body_vector`, each
    #: its this many heaviest words of the whole clean text (0: none, the linker reads the
    #: centroid's words); the sum keeps ``centroid_terms``
    body_terms: int = 40


#: the words a title asks, calls or negates with, and particles the features keep as content
#: words (normalized): a label leaves them out alone and after و or ف (وهل، فلماذا، ولن)
LABEL_PARTICLES = frozenset(map(normalize, (
    "هل كيف ماذا لماذا متى أين أينما كم لمن ممن بمن عمن مما عما بما لما كلما يا أيها أيتها "
    "لو لولا إذن بل إنما كأن لأن لكي كي سوف ليت لعل فقط جدا ضد رغم برغم إثر عقب جراء فوق تحت "
    "أمام قرب هنا هناك شيء لكل لأي بأي لك لكم لنا لهن بهم بنا عنك فيك منك يكن تكن نعم بلا "
    "لا ما لم لن من عن مع قد في").split()))
#: words a label leaves out, normalized (:func:`marsad.text.normalize.normalize`): the function
#: function words of the story features (:data:`marsad.corpus.features.FUNCTION_WORDS`, على
#: among them, which the features keep), those of the entity lists
#: (:data:`marsad.enrich.entities.lexicon.STOPWORDS`: إن، حول، لكن …), :data:`LABEL_PARTICLES`
#: (هل، كيف، ضد …), and the particles of names (بن، أبو، عبد، آل:
#: :data:`marsad.enrich.entities.lexicon.NAME_PARTICLES`), which alone name nobody
LABEL_STOPWORDS = FUNCTION_WORDS | lx.STOPWORDS | lx.NAME_PARTICLES | LABEL_PARTICLES


def label_stopword(word: str) -> bool:
    """Whether a label leaves ``word`` out: it is one of :data:`LABEL_STOPWORDS`, or one of
    :data:`LABEL_PARTICLES` or of the particles of names after و or ف (وهل، فلا، وآل; not واي،
    فاو، وام, which are و/ف before أي، أو، أم), compared :func:`~marsad.text.normalize.normalize`-d. A word written with آ that
    folds onto a particle is a name (آبي: Abe, Abiy), not أبي."""
    n = normalize(word)
    if n in LABEL_STOPWORDS:
        return not (word[:1] == "\u0622" and n in lx.NAME_PARTICLES and n != "ال")
    return len(n) > 2 and n[0] in "وف" and (n[1:] in LABEL_PARTICLES or n[1:] in lx.NAME_PARTICLES)


def iter_label_words(centroid: Mapping[str, float], words: Mapping[str, str], *,
                     shown: Callable[[str], str] | None = None) -> Iterator[str]:
    """The content words of a centroid that a title (or a lead, more than once) writes, heaviest
    first, each as written — or as ``shown`` gives it (a thread's label: :func:`display_word`),
    distinct. A term no member writes so is left out: it is a light stem the clusterer compares
    (``ورونا`` for كورونا, ``نيروب`` for نيروبي) or a normalized spelling (``اقحام``,
    ``جزاير``), not a word to show; nor is a figure behind a proclitic (``ل2024``), nor a
    function word or a particle of a name (:func:`label_stopword`: هل، ضد، بن …, which the
    features keep as content words). Lazy: a label takes the first few."""
    # heaviest first, ties by term (what heapq.nlargest gives, sorted in C)
    ranked = sorted([(v, t) for t, v in centroid.items() if ":" not in t], reverse=True)
    seen: set[str] = set()
    for _v, t in ranked:
        w = words.get(t)
        if not w or any(map(str.isdigit, w)) or label_stopword(w):  # ل2024, ب7: a figure, not a word
            continue
        if shown is not None:
            w = shown(w)
        if w not in seen:
            seen.add(w)
            yield w


def label_words(centroid: Mapping[str, float], words: Mapping[str, str], k: int = 8, *,
                shown: Callable[[str], str] | None = None) -> list[str]:
    """The ``k`` first of :func:`iter_label_words`. Only when no term has a written word are the
    ``k`` heaviest stems given (function words left out as well)."""
    out = list(islice(iter_label_words(centroid, words, shown=shown), k))
    if out:
        return out
    ranked = sorted([(v, t) for t, v in centroid.items() if ":" not in t and not label_stopword(t)], reverse=True)
    return [t for _v, t in ranked[:k]]


#: a conjunction (و، ف) and/or a preposition (ب، ك) before the article ال, longest first
_BEFORE_AL = ("وب", "وك", "فب", "فك", "و", "ف", "ب", "ك")
#: proclitics a known name may carry: conjunction, preposition, or both
_BEFORE_NAME = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")


def display_word(word: str, names: Collection[str] = ()) -> str:
    """A word as a title writes it, without the proclitics the light stemmer strips, for
    people to read: و/ف/ب/ك (and two of them) before the article ال (والصين، بالعراق →
    الصين، العراق), ل before the article, whose alef it drops (للرئيس، وللرئيس → الرئيس), and
    any of و/ف/ب/ل/ك before a word of ``names`` (normalized name words, ``وماكرون`` →
    ماكرون when ``ماكرون`` is one). At least three letters stay after the article, so that
    والد، بالغ، والي keep their first letters. Letters are matched on the
    :func:`marsad.text.normalize.normalize`-d word (U+0622/U+0623/U+0625 → U+0627 …) and cut from
    the word as written; a word whose normalized form has another length comes back whole."""
    n = normalize(word)
    if len(n) != len(word):
        return word
    for p in _BEFORE_AL:
        if n.startswith(p + "ال") and len(n) - len(p) - 2 >= 3:
            return word[len(p) :]
    for p in ("ول", "فل", "ل"):
        if n.startswith(p + "ل") and len(n) - len(p) - 1 >= 3:
            return "ال" + word[len(p) + 1 :]
    if names:
        for p in _BEFORE_NAME:
            if n.startswith(p) and len(n) - len(p) >= 3 and n[len(p) :] in names:
                return word[len(p) :]
    return word


def shorter_spelling(word: str, held: str | None) -> bool:
    """Whether ``word`` is a better label spelling of a stem than ``held``: ``held`` without
    its first letters, a proclitic (``احترام`` for ``باحترام``, ``حزب`` for ``لحزب``). Not any
    shorter word of the stem: a lead cut mid-word gives ``الطاق`` of الطاقة."""
    return held is None or (len(word) < len(held) and held.endswith(word))


def _weight_then_term(kv: tuple[str, float]) -> tuple[float, str]:
    return -kv[1], kv[0]


def heaviest(vec: Mapping[str, float], k: int) -> dict[str, float]:
    """The ``k`` heaviest terms of a vector, heaviest first, ties by term (the earlier in code
    point order first): the one order in which story centroids, thread vectors, thread
    centroids and thread members keep their top terms."""
    return dict(sorted(vec.items(), key=_weight_then_term)[:k])


def _summed(total: dict[str, float], vec: Mapping[str, float], keep: int) -> dict[str, float]:
    """``total`` with ``vec`` added (new terms after the others, in the order of ``vec``), pruned
    to its ``keep`` heaviest terms (:func:`heaviest`) once it holds twice as many."""
    total.update(zip(vec, map(add, map(total.get, vec, repeat(0.0)), vec.values()), strict=True))
    if len(total) > 2 * keep:
        return heaviest(total, keep)
    return total


@dataclass
class Story:
    id: int
    first_day: int
    last_day: int
    size: int = 0
    centroid: dict[str, float] = field(default_factory=dict)
    numbers: set[str] = field(default_factory=set)
    sources: Counter[str] = field(default_factory=Counter)
    norm: float = 0.0
    first_key: int = -1  # the first article that opened it
    thread: int | None = None
    #: stem → the word as its titles write it (the shortest: for labels), for the centroid's terms
    words: dict[str, str] = field(default_factory=dict)
    #: places its titles name (``g:``/``c:`` terms, :func:`marsad.corpus.features.title_places`)
    places: set[str] = field(default_factory=set)
    #: people and organisations its members named (``e:per:``/``e:org:`` keys, at most 256)
    actors: set[str] = field(default_factory=set)
    #: its thread vector: the sum of its members' body vectors (content words of their whole
    #: clean text, :func:`marsad.corpus.features.body_vector`), pruned to its heaviest words
    body: dict[str, float] = field(default_factory=dict)

    def to_state(self) -> dict[str, object]:
        return {"c": self.centroid, "n": sorted(self.numbers), "s": dict(self.sources),
                "f": self.first_day, "l": self.last_day, "z": self.size, "k": self.first_key,
                "t": self.thread, "w": self.words, "g": sorted(self.places),
                "a": sorted(self.actors), "b": self.body}

    @classmethod
    def from_state(cls, sid: int, d: dict) -> Story:  # type: ignore[type-arg]
        s = cls(id=sid, first_day=int(d["f"]), last_day=int(d["l"]), size=int(d["z"]),
                centroid={str(k): float(v) for k, v in d["c"].items()}, numbers=set(d["n"]),
                sources=Counter(d["s"]), first_key=int(d.get("k", -1)), thread=d.get("t"),
                words={str(k): str(v) for k, v in d.get("w", {}).items()},
                places={str(x) for x in d.get("g", ())}, actors={str(x) for x in d.get("a", ())},
                body={str(k): float(v) for k, v in d.get("b", {}).items()})
        s.norm = math.sqrt(sum(v * v for v in s.centroid.values()))
        return s

    def label(self, k: int = 8) -> list[str]:
        """The heaviest content words of the centroid, as the titles write them (for people)."""
        return label_words(self.centroid, self.words, k)

    def absorb(self, vec: dict[str, float], numbers: frozenset[str], source: str, day: int,
               *, keep: int, key: int = -1, words: Iterable[tuple[str, str]] = (),
               places: Iterable[str] = (), actors: Iterable[str] = (),
               body: Mapping[str, float] | None = None) -> set[str]:
        """Add a member (``body``: its body vector); returns the terms pruned from the centroid."""
        if self.size == 0 and self.first_key < 0:
            self.first_key = key
        for stem, word in words:
            if stem in vec and shorter_spelling(word, self.words.get(stem)):
                self.words[stem] = word
        centroid = self.centroid
        get = centroid.get
        for t, w in vec.items():
            centroid[t] = get(t, 0.0) + w
        pruned: set[str] = set()
        if len(self.centroid) > 2 * keep:
            kept = heaviest(self.centroid, keep)
            pruned = set(self.centroid) - set(kept)
            self.centroid = kept
            for t in pruned:
                self.words.pop(t, None)
        self.norm = math.sqrt(sum([v * v for v in self.centroid.values()]))
        if body:
            self.body = _summed(self.body, body, keep)
        if len(self.numbers) < 64:
            self.numbers.update(numbers)
        if len(self.places) < 64:
            self.places.update(places)
        if len(self.actors) < 256:
            self.actors.update(actors)
        self.size += 1
        if source:
            self.sources[source] += 1
        if day >= 0:
            self.first_day = day if self.first_day < 0 else min(self.first_day, day)
            self.last_day = max(self.last_day, day)
        return pruned

    def fold(self, other: Story, *, keep: int) -> None:
        """Take in the members of ``other`` (:attr:`StoryParams.merge_threshold`): the centroids
        are sums of their members' vectors, so they add up; ids, first article and thread of
        this story are kept (``other``'s thread when this one has none yet)."""
        centroid = self.centroid
        get = centroid.get
        for t, w in other.centroid.items():
            centroid[t] = get(t, 0.0) + w
        for stem, word in other.words.items():
            if shorter_spelling(word, self.words.get(stem)):
                self.words[stem] = word
        if len(centroid) > 2 * keep:
            self.centroid = heaviest(centroid, keep)
            for t in set(centroid) - set(self.centroid):
                self.words.pop(t, None)
        self.norm = math.sqrt(sum([v * v for v in self.centroid.values()]))
        if other.body:
            self.body = _summed(self.body, other.body, keep)
        for mine, theirs, cap in ((self.numbers, other.numbers, 64), (self.places, other.places, 64),
                                  (self.actors, other.actors, 256)):
            if len(mine) < cap:
                mine.update(theirs)
        self.size += other.size
        self.sources.update(other.sources)
        if self.first_key < 0:
            self.first_key = other.first_key
        if self.thread is None:
            self.thread = other.thread
        for d in (other.first_day, other.last_day):
            if d >= 0:
                self.first_day = d if self.first_day < 0 else min(self.first_day, d)
                self.last_day = max(self.last_day, d)
