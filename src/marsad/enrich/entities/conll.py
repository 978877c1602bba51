"""Tagging already-tokenised CoNLL files (``marsad analyze --conll IN -o OUT``).

Input: one token per line (further columns are ignored), a blank line between sentences.
Output: ``token TAG`` per line in the input's BIO scheme, so conlleval-style scorers read it.
The tagset follows the input's gold column when there is one (ANERcorp: PERS/LOC/ORG/MISC;
AQMAR-style PER is written when the input says PER), else ANERcorp's.

News text names a person in full once and by surname afterwards; a sentence-level tagger
misses many of those bare surnames. :func:`propagate_names` adds them: a word tagged as the
last word of a multi-word person name in one of the previous ``window`` sentences is tagged a
person when it appears alone (with or without a proclitic) and untagged. The same holds
within an article in :mod:`.resolve`. :func:`propagate_entities` does the same for every entity
type: untagged words equal to an entity tagged in the previous ``DOC_WINDOW`` sentences take
its type. The entity step raises the cross-validated F1 of the path on ANERcorp train by 0.4 point
(``docs/entities.md``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from marsad.enrich.entities import lexicon as lx
from marsad.enrich.entities.features import DOC_WINDOW, proclitic_splits
from marsad.eval.ner import chunks
from marsad.text.normalize import normalize


def read_tokens(path: str | Path) -> tuple[list[list[str]], list[list[str]]]:
    """Sentences of tokens, and of the last column when the file has more than one column."""
    sents: list[list[str]] = []
    golds: list[list[str]] = []
    cur: list[str] = []
    gcur: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if cur:
                    sents.append(cur)
                    golds.append(gcur)
                    cur, gcur = [], []
                continue
            cur.append(parts[0])
            gcur.append(parts[-1] if len(parts) > 1 else "")
    if cur:
        sents.append(cur)
        golds.append(gcur)
    return sents, golds


def propagate_names(sents: Sequence[Sequence[str]], tags: list[list[str]], *, window: int = 30) -> list[list[str]]:
    """Tag bare surnames seen in full names in the previous ``window`` sentences (in place)."""
    recent: dict[str, int] = {}  # surname → index of the last sentence with the full name
    blocked = lx.STOPWORDS | lx.TITLE_WORDS | lx.AMBIGUOUS | lx.FIRST_NAMES
    for k, (s, t) in enumerate(zip(sents, tags, strict=True)):
        norms = [normalize(w) for w in s]
        for a, b, typ in chunks(t):
            if typ in ("PERS", "PER") and b - a >= 2:
                sur = norms[b - 1]
                if len(sur) >= 3 and sur not in blocked:
                    recent[sur] = k
        for i, n in enumerate(norms):
            if t[i] != "O":
                continue
            for cand in (c for _p, c in proclitic_splits(n)):
                last = recent.get(cand)
                if last is not None and k - last <= window and (last < k or True):
                    if (i and t[i - 1] != "O") or (i + 1 < len(t) and t[i + 1] != "O"):
                        break  # next to another name: not a bare surname
                    t[i] = "B-PERS" if "PERS" in recent_types(tags, last) else "B-PER"
                    break
    return tags


def propagate_entities(sents: Sequence[Sequence[str]], tags: list[list[str]], *, window: int = DOC_WINDOW,
                       longest: int = 4) -> list[list[str]]:
    """Tag again what the document tagged before (in place): an untagged run of one to
    ``longest`` tokens whose normalized words equal those of an entity tagged in one of the
    previous ``window`` sentences takes that entity's type ("one sense per discourse": the
    sentence tagger sees بغداد in context once and alone the next time). A run next to another
    entity is left alone (it may be a piece of a longer name), as are single stop words, title
    words and ambiguous words (:mod:`.lexicon`) and names shorter than three letters; the
    latest type seen wins."""
    recent: dict[tuple[str, ...], tuple[int, str]] = {}  # words → (sentence, type) last seen
    blocked = lx.STOPWORDS | lx.TITLE_WORDS | lx.AMBIGUOUS
    for k, (s, t) in enumerate(zip(sents, tags, strict=True)):
        norms = [normalize(w) for w in s]
        for a, b, typ in chunks(t):
            words = tuple(norms[a:b])
            if b - a <= longest and sum(map(len, words)) >= 3 and not (b - a == 1 and words[0] in blocked):
                recent[words] = (k, typ)
        i = 0
        while i < len(norms):
            i += _retag_at(norms, t, i, k, recent, window=window, longest=longest)
    return tags


def _retag_at(norms: Sequence[str], t: list[str], i: int, k: int, recent: dict[tuple[str, ...], tuple[int, str]],
              *, window: int, longest: int) -> int:
    """Tag the longest run at ``i`` that :func:`propagate_entities` takes; return its length (1
    when none)."""
    for n in range(min(longest, len(norms) - i), 0, -1):
        seen = recent.get(tuple(norms[i : i + n]))
        if seen is None or k - seen[0] > window or any(y != "O" for y in t[i : i + n]):
            continue
        if (i and t[i - 1] != "O") or (i + n < len(t) and t[i + n] != "O"):
            continue  # next to another entity: perhaps a piece of a longer name
        t[i] = "B-" + seen[1]
        for j in range(i + 1, i + n):
            t[j] = "I-" + seen[1]
        return n
    return 1


def recent_types(tags: list[list[str]], k: int) -> set[str]:
    return {c[2] for c in chunks(tags[k])}


def tag_conll_sentences(sents: Sequence[Sequence[str]], tagger: object) -> list[list[str]]:
    """The full CoNLL path: sentence tagger, surname propagation, entity propagation.

    No gazetteer or Latin-script fill-in (it tagged القاعدة the base, الجزيرة the peninsula,
    pieces of longer names and Latin place names: 2 entities right for 32 wrong on two folds
    of ANERcorp train; 0.24 of cross-validated F1); the news path has its own, in the rules."""
    tags = tagger.tag_sentences(sents)  # type: ignore[attr-defined]
    tags = propagate_names(sents, tags)
    return propagate_entities(sents, tags)


def write_conll(path: str | Path, sents: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for s, t in zip(sents, tags, strict=True):
            for w, y in zip(s, t, strict=True):
                fh.write(f"{w} {y}\n")
            fh.write("\n")


def tag_file(src: str | Path, dst: str | Path, *, tagger: object | None = None) -> dict[str, int]:
    """Tag a CoNLL file with the shipped tagger; return counts."""
    from marsad.enrich.entities.tagger import default_tagger

    tg = tagger or default_tagger()
    sents, golds = read_tokens(src)
    tags = tag_conll_sentences(sents, tg)
    per = "PER" if any(g.endswith("-PER") for gs in golds for g in gs) else "PERS"
    if per == "PER":
        tags = [[y.replace("PERS", "PER") for y in t] for t in tags]
    write_conll(dst, sents, tags)
    return {"sentences": len(sents), "tokens": sum(len(s) for s in sents),
            "entities": sum(len(chunks(t)) for t in tags)}
