"""Tagging already-tokenised CoNLL files (``marsad analyze --conll IN -o OUT``).

Input: one token per line (further columns are ignored), a blank line between sentences.
Output: ``token TAG`` per line in the input's BIO scheme, so conlleval-style scorers read it.
The tagset follows the input's gold column when there is one (ANERcorp: PERS/LOC/ORG/MISC;
AQMAR-style PER is written when the input says PER), else ANERcorp's.

News text names a person in full once and by surname afterwards; a sentence-level tagger
misses many of those bare surnames. :func:`propagate_names` adds them: a word tagged as the
last word of a multi-word person name in one of the previous ``window`` sentences is tagged a
person when it appears alone (with or without a proclitic) and untagged. The same holds
within an article in :mod:`.resolve`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from marsad.enrich.entities import lexicon as lx
from marsad.enrich.entities.features import proclitic_splits
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


def fill_untagged(sents: Sequence[Sequence[str]], tags: list[list[str]], gaz: object) -> list[list[str]]:
    """Tag what the sentence tagger left untagged but the gazetteer or the script says (in place):
    known organisations (القاعدة، الأسوشيتد برس) and capitalised Latin-script names (IBM, Apple)
    as ORG."""
    for s, t in zip(sents, tags, strict=True):
        norms = [normalize(w) for w in s]
        for a, b, e in gaz.match(norms):  # type: ignore[attr-defined]
            if e.kind == "org" and all(y == "O" for y in t[a:b]):
                t[a] = "B-ORG"
                for k in range(a + 1, b):
                    t[k] = "I-ORG"
        i = 0
        while i < len(s):
            if t[i] == "O" and _latin_name(s[i]):
                j = i + 1
                while j < len(s) and t[j] == "O" and _latin_name(s[j]):
                    j += 1
                t[i] = "B-ORG"
                for k in range(i + 1, j):
                    t[k] = "I-ORG"
                i = j
            else:
                i += 1
    return tags


def _latin_name(w: str) -> bool:
    core = w[1:] if w[:1] in "وفبلك" and len(w) > 2 and w[1:2].isascii() else w
    return len(core) >= 2 and core[:1].isascii() and core[:1].isupper() and core.isalnum()


def recent_types(tags: list[list[str]], k: int) -> set[str]:
    return {c[2] for c in chunks(tags[k])}


def tag_conll_sentences(sents: Sequence[Sequence[str]], tagger: object) -> list[list[str]]:
    """The full CoNLL path: sentence tagger, surname propagation, gazetteer/Latin fill-in."""
    tags = tagger.tag_sentences(sents)  # type: ignore[attr-defined]
    tags = propagate_names(sents, tags)
    return fill_untagged(sents, tags, tagger.gaz)  # type: ignore[attr-defined]


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
