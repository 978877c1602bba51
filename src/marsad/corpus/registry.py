"""The cross-document entity registry: canonical entities, their variants, merges and splits.

Input: the ``mention`` spans of stored articles; each carries a per-article entity key
(``per:فلاديمير بوتين``) and attributes (country, role, english). Output: the ``entities`` and
``entity_aliases`` tables (see :mod:`marsad.store.entities`).

How a new key finds its entity (incremental: only articles newer than the last run are read):

1. a key already known is counted for its entity;
2. a user's override decides when there is one (``merge A B`` sends A's key to B's entity;
   ``split A`` keeps A's key in an entity of its own); overrides are stored by key, so they
   hold through a rebuild and a re-ingest;
3. otherwise candidates of the same type are found by *skeleton* blocking — the name without
   the article, long vowels and hamza seats (ا و ي ء), with letters that transliterations swap
   folded together (ط→ت ق→ك غ→ج ذ→ز ص→س ث→س), doubled letters collapsed: أومخانوف and
   أوماخانوف both give مخنف; بوتين and بوتن give بتن —
   and scored: name similarity (same skeleton 0.9; one name's words inside the other's, e.g. a
   surname and the full name, 0.8; otherwise rapidfuzz's normalized similarity of skeletons;
   for a place, an organisation or a group the spellings themselves must be near too,
   :func:`spelt_alike`: a skeleton of two or three consonants is shared by words that are not
   variants, الرياض / الرويضة رض, التركي / الطوارق ترك),
   plus context: same country +0.1 (different country −0.3), shared co-mentioned entities
   +0.05 each up to +0.15, same role +0.05. A score ≥ ``threshold`` (0.85) links the key, with
   that confidence and the evidence (``skeleton``, ``subset``, ``country``, ``co-mentions``…);
4. else the key opens a new entity.

A key is looked up by its own name (``norp:امريكي``) as well as by the words of its first
mention (امريكيان, a dual): an inflected first mention gave another skeleton than the
entity's and the variant opened an entity of its own.

An update resumes from what the last one left, so that two ingests link as one would: beside
the tables above, each entity's context is stored (``entity_context``: the name it was opened
with, which new keys are compared with while ``name`` is the canonical variant; its
:data:`COMENTIONS` most frequent co-mentioned entities; roles; countries), and the keys'
counts, confidences and evidence are read back and added to.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from marsad.corpus.name_filter import FEW, BlockNames, NameKeys
from marsad.enrich.entities.lexicon import FIRST_NAMES, NASAB, abd_joined, two_names
from marsad.errors import NotFoundError
from marsad.store.entities import EntityStore
from marsad.text.normalize import normalize

_FOLD = str.maketrans({"ط": "ت", "ق": "ك", "غ": "ج", "ذ": "ز", "ص": "س", "ث": "س", "ة": "ه"})
_VOWELS = frozenset("اويءآأإىئؤ")

#: the entity types, whose lower-case names open the mention keys (``per:``, ``gpe:`` …)
KEY_TYPES = ("PER", "ORG", "GPE", "LOC", "NORP", "MISC")


def skeleton(word: str) -> str:
    """The consonant skeleton of one normalized word (see the module docstring)."""
    w = normalize(word)
    if w.startswith("ال") and len(w) >= 5:
        w = w[2:]
    w = w.translate(_FOLD)
    out: list[str] = []
    for i, ch in enumerate(w):
        if ch in _VOWELS and i > 0:
            continue
        if i == len(w) - 1 and ch == "ه" and len(w) > 3:
            continue
        if out and out[-1] == ch:
            continue
        out.append(ch)
    return "".join(out)


def _near(a: str, b: str) -> bool:
    """Same word, or one edit apart: any edit when both have five letters or more, else only a
    long vowel added or dropped (بوتين/بوتن). Two first names the lexicon knows are two names,
    not one spelt two ways (سلمان / سلطان، حسن / حسين; :func:`~marsad.enrich.entities.lexicon.two_names`)."""
    if a == b:
        return True
    if Levenshtein.distance(a, b, score_cutoff=1) > 1 or two_names(a, b):
        return False
    if min(len(a), len(b)) >= 5:
        return True
    ops = Levenshtein.editops(a, b)
    return len(ops) == 1 and ops[0].tag in ("insert", "delete") and (
        (a + b)[ops[0].src_pos if ops[0].tag == "delete" else len(a) + ops[0].dest_pos] in "اوي")


def _folded(name: str) -> str:
    """A name's letters as spelt, for :func:`spelt_alike`: normalized, each word without the
    article (ال) and a final ه, the letters transliterations swap folded (as in :func:`skeleton`),
    the words run together."""
    out = []
    for w in normalize(name).split():
        if w.startswith("ال") and len(w) >= 5:
            w = w[2:]
        if w.endswith("ه") and len(w) > 3:
            w = w[:-1]
        out.append(w.translate(_FOLD))
    return "".join(out)


def spelt_alike(a: str, b: str, *, group: bool = False) -> bool:
    """Whether two names are spellings of one name and not only of one skeleton: at most one
    edit in three letters (at least one) between their :func:`_folded` letters. اميركي /
    امريكي (2 of 6), غوغل / جوجل (folded alike) and أومخانوف / أوماخانوف (1) are; الرياض /
    الرويضة (رياض / رويض, 2 of 4), التركي / الطوارق and الشرق الأوسط / شركة آسيا are not; nor is
    a one-word name and the word with a nisba or plural ending after it (ي، يو، يون، يين، وا: الرياض
    / رياضيو "athletes", الرياض / الرياضية the paper, الأندلس / الأندلسية, أوتاوا / أوتا), a word
    made from it and not a spelling of it — unless ``group``: a group's names (NORP) are its
    nisba and plural forms (الفلسطيني / الفلسطينيين، العرب / العربي)."""
    x, y = _folded(a), _folded(b)
    short, long_ = sorted((x, y), key=len)
    if not group and len(short) >= 3 and long_ != short and long_.startswith(short) \
            and long_[len(short)] in "يو" and len(a.split()) == 1 and len(b.split()) == 1:
        return False
    limit = max(1, max(len(x), len(y)) // 3)
    return Levenshtein.distance(x, y, score_cutoff=limit) <= limit


#: a first name alone (عبدالله, شكري) beside a full name that opens or ends with it (عبدالله
#: الثاني, سامح شكري): a hint, below the threshold by more than the country and the role give, so
#: that only co-mentions the article shares with the full name's (two at least, with the country
#: and the role) link it; a first name alone is many people (ماجد عبدالله is not عبدالله)
FIRST_NAME_ALONE = 0.6


def _person_similarity(x: str, y: str) -> float:
    """How two person names relate, on normalized words:

    * 0.85 — both full names, same first and last word up to a spelling variant;
    * 0.8 — one is the other's surname (last word; not a father's name after بن), or one full
      name's words all lie in the other with the same first word and, after each بن, the same
      father (محمد بن سلمان / محمد بن سلمان بن عبدالعزيز, not نايف بن عبد العزيز / نايف بن سلطان
      بن عبد العزيز);
    * 0.6 (:data:`FIRST_NAME_ALONE`) — a first name the lexicon knows, alone, and a full name
      that opens or ends with it: the article's context must make it that person;
    * a name cut after its last بن: :func:`_cut_similarity`;
    * 0 — anything else: different surnames never join (محمد بن لادن is not محمد بن سلمان), nor
      do two full names of one length whose middle words differ (عبدالله الثاني بن الحسين /
      عبدالله بن عبدالرحمن الحصين), and a first name alone is nobody's surname — the last word
      of ماجد عبدالله is his father's name, and ماجد عبدالله is not every عبدالله.
    """
    a, b = abd_joined(x.split()), abd_joined(y.split())
    if not a or not b:
        return 0.0
    if a[-1] in NASAB or b[-1] in NASAB:
        return _cut_similarity(_uncut(a), _uncut(b))
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) == 1:
        if len(long_) == 1:
            return 0.85 if _near(a[0], b[0]) else 0.0
        if normalize(short[0]) in FIRST_NAMES:  # عبدالله, شكري: a first name, or a surname that is one
            own = _near(short[0], long_[0]) or (_near(short[0], long_[-1]) and long_[-2] not in NASAB)
            return FIRST_NAME_ALONE if own else 0.0
        if long_[-2] in NASAB:
            return 0.0  # سلمان بن عبدالعزيز: his father's name, not a surname (عبدالعزيز alone is another man)
        return 0.8 if _near(short[0], long_[-1]) else 0.0
    if not _near(short[0], long_[0]):
        return 0.0
    if len(short) == len(long_):
        middle = zip(short[1:-1], long_[1:-1], strict=True)
        return 0.85 if _near(short[-1], long_[-1]) and all(_near(x, y) or _middle_alike(x, y) for x, y in middle) else 0.0
    rest = long_[1:]
    if not all(any(_near(w, v) for v in rest) for w in short[1:]):
        return 0.0
    fs, fl = _fathers(short), _fathers(long_)
    if len(fs) > len(fl) or not all(_near(f, g) for f, g in zip(fs, fl, strict=False)):
        return 0.0  # another father: نايف بن عبد العزيز is not نايف بن سلطان بن عبد العزيز
    return 0.8


def _uncut(words: Sequence[str]) -> Sequence[str]:
    """A name without the بن / ابن / بنت that ends it."""
    end = len(words)
    while end and words[end - 1] in NASAB:
        end -= 1
    return words[:end]


def _cut_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Two names one of which the tagger cut before a father's name (سلطان بن, زين العابدين بن),
    without it: the cut one's words are given names, no surname. The same words are the same
    name (0.85); a name that opens with the other's words has it as its given name alone
    (:data:`FIRST_NAME_ALONE`: context must make it that person); anything else is 0. Read whole,
    a cut name lay inside every سلطان بن X and joined them into one entity (SaudiNewsNet 1–3 Aug
    2015: سلطان بن سلمان with سلطان بن عبدالعزيز and سلطان بن محمد); read as a surname, الحسين
    of الحسين بن … was سامي الحسين's."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not short or not all(_near(x, y) for x, y in zip(short, long_, strict=False)):
        return 0.0
    return 0.85 if len(short) == len(long_) else FIRST_NAME_ALONE

def _fathers(words: Sequence[str]) -> list[str]:
    """The name after each بن / ابن / بنت of a name, in order: its chain of fathers."""
    return [words[i + 1] for i, w in enumerate(words[:-1]) if w in NASAB]


def block_keys(name: str) -> set[str]:
    """The skeletons a name's candidates are found by: each word's (two letters or more) and,
    for a name of several words, all of them run together — بن قردان and بنقردان share no word's
    skeleton (بن، كردن / بنكردن) and never met."""
    sks = name_skeleton(name)
    keys = {sk for sk in sks if len(sk) >= 2}
    if len(sks) > 1:
        keys.add("".join(sks))
    return keys


def _middle_alike(x: str, y: str) -> bool:
    """Two words inside a name that may be one: ابن / بن, or one letter apart in a short word
    transliterations spell two ways (بان كي مون / بان جي مون), unless the lexicon knows them as
    two first names (the fathers' names of سعود بن نايف / سعود بن سلمان are farther apart)."""
    if x in NASAB and y in NASAB:
        return True
    return Levenshtein.distance(x, y, score_cutoff=1) <= 1 and not two_names(x, y)


@functools.lru_cache(maxsize=300_000)
def name_skeleton(name: str) -> tuple[str, ...]:
    return tuple(skeleton(w) for w in name.split() if w)


#: the co-mentioned entities an entity's stored context keeps (the most frequent): a key scores
#: +0.05 for each entity its article shares with a candidate's co-mentions, up to three, and
#: which three is the article's: 100 kept lost them for a footballer's spellings (SaudiNewsNet,
#: a week of three papers in two random halves: one entity more than one ingest), 1,000 keep
#: the one ingest's entities (docs/entities.md)
COMENTIONS = 1000

#: a blocking word shared by more entities than this (محمد، عبد، الله) adds no candidates
#: beyond the rarest word's block: a name that matches shares a rarer word too
BLOCK_CAP = 200


#: the articles an update reads between two saves (one transaction): each save writes every
#: entity the articles met again, with its co-mentions' top :data:`COMENTIONS` (the frequent
#: entities, met by every few thousand articles, are written at each save). At 2,000 (the
#: batch the mentions are read by) the 37 saves of the full corpora took a quarter of the
#: update's CPU; what is stored at the end is the same at any size
SAVE_EVERY = 10_000


@dataclass
class RegEntity:
    id: int
    key: str
    type: str
    name: str
    english: str = ""
    country: str = ""
    variants: Counter[str] = field(default_factory=Counter)
    confidence: float = 1.0
    evidence: list[dict[str, Any]] = field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None
    count: int = 0
    # roles, co-mentioned entities (by id) and countries: :attr:`roles`, :attr:`comentions`,
    # :attr:`countries`, decoded from ``pending`` when first read
    _roles: Counter[str] = field(default_factory=Counter, repr=False)
    _comentions: Counter[int] = field(default_factory=Counter, repr=False)
    _countries: Counter[str] = field(default_factory=Counter, repr=False)
    dirty: bool = True
    #: the name new keys are compared with: the one it was opened with (``name`` becomes the
    #: canonical one at the end of each update, :meth:`EntityRegistry._canonical_names`)
    match: str = ""
    #: the names its candidates are found by (:meth:`EntityRegistry._index`): the one it was
    #: opened with and the names its keys were linked under, in order
    names: list[str] = field(default_factory=list)
    #: the stored context's co-mentions, roles and countries as JSON, until one of them is read
    pending: tuple[str, str, str] | None = field(default=None, repr=False)

    def _decode(self) -> None:
        """Decode the stored context's co-mentions, roles and countries, once, when one is first
        read: an update reads those of the entities its keys meet, not of all it loads (the
        full corpora's registry holds 47 MB of co-mentions)."""
        if self.pending is not None:
            co, roles, countries = self.pending
            self.pending = None
            self._comentions = Counter({int(k): int(v) for k, v in orjson.loads(co).items()})
            self._roles, self._countries = Counter(orjson.loads(roles)), Counter(orjson.loads(countries))

    @property
    def comentions(self) -> Counter[int]:
        self._decode()
        return self._comentions

    @property
    def roles(self) -> Counter[str]:
        self._decode()
        return self._roles

    @property
    def countries(self) -> Counter[str]:
        self._decode()
        return self._countries

    def context(self) -> tuple[int, str, dict[int, int], dict[str, int], dict[str, int], list[str]]:
        """What the next update matches new keys with (``entity_context``): the name, the
        :data:`COMENTIONS` most frequent co-mentioned entities, the roles, the countries and
        the names candidates are found by."""
        return (self.id, self.match or self.name, dict(self.comentions.most_common(COMENTIONS)),
                dict(self.roles), dict(self.countries), list(self.names))

    def row(self) -> dict[str, Any]:
        return {"id": self.id, "key": self.key, "type": self.type, "name": self.name,
                "english": self.english, "country": self.country,
                "variants": dict(self.variants.most_common(50)), "confidence": round(self.confidence, 3),
                "evidence": self.evidence[-20:], "first_seen": self.first_seen,
                "last_seen": self.last_seen, "count": self.count}


class EntityRegistry:
    """Maintains the registry tables of one archive (``update`` after each ingest)."""

    threshold = 0.85

    def __init__(self, archive: Any) -> None:
        self.archive = archive
        self.store = EntityStore(archive._writer)
        self._load()

    # --- state in memory ------------------------------------------------------------------

    def _load(self) -> None:
        self.ents: dict[int, RegEntity] = {}
        self._next_id = 0  # the highest id handed out (0: not known yet)
        names_of: dict[int, list[str]] = {}  # the names each entity's candidates are found by
        ctx = self.store.contexts()
        for r in self.store.all_entities():
            e = RegEntity(r["id"], r["key"], r["type"], r["name"], r["english"], r["country"],
                          Counter(orjson.loads(r["variants"])), r["confidence"],
                          orjson.loads(r["evidence"]), r["first_seen"], r["last_seen"], r["count"],
                          dirty=False)
            c = ctx.get(e.id)
            if c is not None:  # what the last update matched with (``entity_context``)
                e.match, co, roles, countries, names = c
                e.pending = (co, roles, countries)  # decoded when read (:meth:`RegEntity._decode`)
                if not names:  # a context stored before it kept the names: what the row says
                    names = [e.match, e.name, *e.variants]
            else:  # stored before the registry kept its context: what the row says
                e.match = e.name
                names = [e.name, *e.variants]
                if e.country:
                    e.countries[e.country] = max(1, e.count)
            self.ents[e.id] = e
            names_of[e.id] = names
        self.alias: dict[str, int] = {}
        self.alias_info: dict[str, tuple[int, float, str]] = {}
        self.alias_count: Counter[str] = Counter()
        for k, eid, n, conf, why in self.store.alias_rows():
            self.alias[k] = eid
            self.alias_info[k] = (eid, conf, why)
            self.alias_count[k] = n
        #: the keys counted or linked since the last save
        self._dirty_keys: set[str] = set()
        #: what :func:`~marsad.corpus.name_filter.may_match` reads of each name, once a name
        self._names = NameKeys(name_skeleton)
        self.block: dict[tuple[str, str], set[int]] = defaultdict(set)
        #: the same blocks in the order their members joined (:func:`may_match` tests them)
        self._block_names: dict[tuple[str, str], BlockNames] = defaultdict(BlockNames)
        for e in self.ents.values():
            for name in names_of[e.id]:
                self._index(e, name)
        ov = self.store.overrides()
        self.forced: dict[str, str] = {}
        self.apart: set[str] = set()
        for action, a, b in ov:
            if action == "merge":
                self.forced[a] = b
                self.apart.discard(a)
            elif action == "split":
                self.apart.add(a)
                self.forced.pop(a, None)

    def _index(self, e: RegEntity, name: str) -> None:
        if name in e.names:
            return
        e.names.append(name)
        for sk in block_keys(name):
            b = self.block[(e.type, sk)]
            if e.id not in b:
                b.add(e.id)
                self._block_names[(e.type, sk)].ids.append(e.id)

    def _key_of(self, eid: int) -> tuple[str, str, str, int, bool]:
        """What :func:`may_match` reads of the name entity ``eid`` is compared by."""
        e = self.ents.get(eid)
        return self._names(e.match or e.name) if e is not None else self._names("")

    def _new(self, key: str, typ: str, name: str, attrs: dict[str, Any]) -> RegEntity:
        if not self._next_id:  # once per run: max() over all ids for every new entity was quadratic
            self._next_id = max(self.ents, default=0)
        self._next_id += 1
        eid = self._next_id
        e = RegEntity(eid, key, typ, name, attrs.get("english", ""), attrs.get("country", ""), match=name)
        self.ents[eid] = e
        self._index(e, name)
        return e

    # --- matching -------------------------------------------------------------------------

    def _score(self, typ: str, name: str, attrs: dict[str, Any], co: set[int],
               e: RegEntity) -> tuple[float, list[str]]:
        their = e.match or e.name
        a, b = name_skeleton(name), name_skeleton(their)
        ev: list[str] = []
        if not a or not b:
            return 0.0, ev
        if a == b:
            if any(two_names(x, y) for x, y in zip(name.split(), their.split(), strict=False)):
                return 0.0, ev  # one skeleton, two names the lexicon knows (الخميني / خامنئي)
            if typ != "PER" and not spelt_alike(name, their, group=typ == "NORP"):
                return 0.0, ev  # one short skeleton, two words (الرياض / الرويضة)
            s = 0.9
            ev.append("same skeleton")
        elif typ != "PER":
            # places, organisations: one spelling of the whole name, never a part of another's
            s = fuzz.ratio(" ".join(a), " ".join(b)) / 100
            if s < 0.9 or not spelt_alike(name, their, group=typ == "NORP"):
                return 0.0, ev
            s -= 0.05
            ev.append(f"similar skeleton {s + 0.05:.2f}")
        else:
            s = _person_similarity(name, their)
            if s <= 0:
                return 0.0, ev
            mine, theirs = len(abd_joined(name.split())), len(abd_joined(their.split()))  # عبد الله is one word
            if s == FIRST_NAME_ALONE and theirs == 1:
                return 0.0, ev  # a first name alone is many people: it takes no full name in
            ev.append("first name alone, by context" if s == FIRST_NAME_ALONE
                      else "surname of the full name" if s == 0.8 and min(mine, theirs) == 1
                      else "variant spelling" if s == 0.85 else "name inside name")
        c = attrs.get("country", "")
        if c and e.country:
            if c == e.country:
                s += 0.1
                ev.append("same country")
            else:
                s -= 0.3
                ev.append("different country")
        shared = len(co & set(e.comentions))
        if shared:
            s += min(0.15, 0.05 * shared)
            ev.append(f"{shared} shared co-mentions")
        role = attrs.get("role", "")
        if role and role in e.roles:
            s += 0.05
            ev.append("same role")
        return min(s, 1.0), ev

    def _match(self, key: str, typ: str, name: str, attrs: dict[str, Any], co: set[int]) -> tuple[RegEntity | None, float, list[str]]:
        if key in self.forced:
            target = self._entity_for(self.forced[key]) or self._merge_target(self.forced[key])
            if target is not None:
                return target, 1.0, ["user merge"]
        if key in self.apart:
            return None, 1.0, ["user split"]
        best, bs, bev = None, 0.0, []  # type: RegEntity | None, float, list[str]
        own = key.partition(":")[2]
        for form in dict.fromkeys(f for f in (name, own) if f):  # the mention's words, then the key's
            cands: set[int] = set()
            used: list[tuple[set[int], tuple[str, str]]] = []  # the blocks taken, and their keys
            blocks = sorted(((self.block.get((typ, sk), set()), (typ, sk)) for sk in sorted(block_keys(form))),
                            key=lambda b: len(b[0]))
            for b, at in blocks:
                if cands and len(b) > BLOCK_CAP:
                    break
                cands |= b
                used.append((b, at))
            if len(cands) > FEW:  # most score zero on the names alone: tested a block at a time
                mine = self._names(form)
                cands = set()
                for b, at in used:
                    cands.update(b if len(b) <= FEW else self._block_names[at].kept(typ, mine, self._key_of))
            for e in map(self.ents.get, sorted(cands)):
                if e is None or e.type != typ:
                    continue
                s, ev = self._score(typ, form, attrs, co, e)
                if s > bs:
                    best, bs, bev = e, s, ev
        if best is not None and bs >= self.threshold:
            return best, bs, bev
        return None, 1.0, []

    def _merge_target(self, key: str) -> RegEntity | None:
        """The entity a merge sends keys to, opened under its key when the archive has not met
        that key yet: a rebuild reads the articles in order, and a key merged into one first
        mentioned in a later article found no target and was linked as if never merged (the
        command said «merged»; the entity showed nothing of it). The target key, when met,
        is counted for this entity as any known key is."""
        typ, sep, name = key.partition(":")
        if not sep or not name or typ.upper() not in KEY_TYPES:
            return None
        e = self._new(key, typ.upper(), name, {})
        self.alias[key] = e.id
        self.alias_info[key] = (e.id, 1.0, "user merge")
        return e

    def _entity_for(self, key_or_name: str) -> RegEntity | None:
        eid = self.alias.get(key_or_name)
        if eid is not None:
            return self.ents.get(eid)
        for e in self.ents.values():
            if e.name == key_or_name or e.key == key_or_name:
                return e
        return None

    # --- public ---------------------------------------------------------------------------

    def update(self) -> dict[str, int]:
        """Read articles newer than the last run and link their mention keys, saved every
        :data:`SAVE_EVERY` articles and at the end (a stopped update resumes after the last
        articles saved)."""
        new_keys = linked = 0
        seen_articles = saved = 0
        for rows in self.store.mention_rows(self.store.last_rowid()):
            by_art: dict[int, list[Any]] = defaultdict(list)
            for r in rows:
                by_art[r["article"]].append(r)
            for _art, rs in sorted(by_art.items()):
                seen_articles += 1
                keys: dict[str, tuple[str, dict[str, Any], int, str]] = {}
                for r in rs:
                    attrs = orjson.loads(r["attrs"]) if r["attrs"] else {}
                    k = r["key"]
                    if not k:
                        continue
                    typ, _sep, name = k.partition(":")
                    prev = keys.get(k)
                    keys[k] = (r["type"], attrs, (prev[2] if prev else 0) + 1, r["day"])
                known = {self.alias[k] for k in keys if k in self.alias}
                ids: list[int] = []
                for k, (typ, attrs, n, day) in sorted(keys.items(), key=lambda kv: -len(kv[0])):
                    name = attrs.get("name") or k.partition(":")[2]
                    eid = self.alias.get(k)
                    if eid is None:  # overrides on known keys were applied when made (rebuild)
                        e, conf, ev = self._match(k, typ, name, attrs, known)
                        if e is None:
                            e = self._new(k, typ, name, attrs)
                            new_keys += 1
                        else:
                            linked += 1
                            e.evidence.append({"key": k, "confidence": round(conf, 3), "why": ev})
                            e.confidence = min(e.confidence, conf)
                        self.alias[k] = e.id
                        self.alias_info[k] = (e.id, conf, "; ".join(ev))
                        self._index(e, name)
                    e = self.ents[self.alias[k]]
                    e.count += n
                    self.alias_count[k] += n
                    self._dirty_keys.add(k)
                    e.variants[name] += n
                    if attrs.get("role"):
                        e.roles[attrs["role"]] += 1
                    if attrs.get("country"):
                        e.countries[attrs["country"]] += n
                        e.country = e.countries.most_common(1)[0][0]
                    e.english = e.english or attrs.get("english", "")
                    if day:
                        e.first_seen = min(e.first_seen or day, day)
                        e.last_seen = max(e.last_seen or day, day)
                    e.dirty = True
                    ids.append(e.id)
                for i in ids:  # every other entity of the article, once per mention key
                    c = self.ents[i].comentions
                    c.update(ids)  # C-level counting; an entity is never its own co-mention
                    del c[i]
            if seen_articles - saved >= SAVE_EVERY:
                self._save()
                saved = seen_articles
        self._canonical_names()
        self._save()
        return {"articles": seen_articles, "new_entities": new_keys, "linked": linked,
                "entities": len(self.ents)}

    def _canonical_names(self) -> None:
        for e in self.ents.values():
            if not e.variants:
                continue
            # the most frequent variant among the longest ones (full names over surnames)
            if e.type == "PER":  # a full name over a surname, then the most frequent
                top = max(e.variants.items(), key=lambda kv: (len(kv[0].split()) >= 2, kv[1], len(kv[0])))
            else:
                top = max(e.variants.items(), key=lambda kv: (kv[1], -len(kv[0])))
            if top[0] != e.name:
                e.name = top[0]
                e.dirty = True

    def _save(self) -> None:
        dirty = [e for e in self.ents.values() if e.dirty]
        aliases = []
        for k in sorted(self._dirty_keys):
            eid = self.alias[k]
            _e, conf, why = self.alias_info.get(k, (eid, 1.0, ""))
            aliases.append((k, eid, self.alias_count.get(k, 0), conf, why))
        self._dirty_keys.clear()
        used = {eid for eid in self.alias.values()}
        empty = [i for i in list(self.ents) if i not in used]
        for i in empty:
            del self.ents[i]
        self.store.save([e.row() for e in dirty if e.id in used], aliases)
        self.store.save_contexts([e.context() for e in dirty if e.id in used])
        self.store.delete_entities(empty)
        self.store.commit()
        for e in dirty:
            e.dirty = False

    def rebuild(self) -> dict[str, int]:
        """Forget the registry (overrides stay) and read every article again."""
        self.store.clear()
        self.store.commit()
        self._load()
        return self.update()

    def merge(self, a: str, b: str) -> None:
        """Record that entity/key ``a`` is entity/key ``b``, and apply it to every key of ``a``."""
        ea, eb = self.resolve_name(a), self.resolve_name(b)
        if ea.id == eb.id:
            return
        for k, eid in list(self.alias.items()):
            if eid == ea.id:
                self.store.add_override("merge", k, eb.key)
        self.store.commit()
        self.rebuild()

    def split(self, key: str) -> None:
        """Record that mention key ``key`` is an entity of its own, apart from where it was linked."""
        if key not in self.alias:
            raise NotFoundError(f"no mention key {key!r} in the registry; `marsad entity NAME` lists them")
        self.store.add_override("split", key)
        self.store.commit()
        self.rebuild()

    def resolve_name(self, name: str) -> RegEntity:
        """The entity a key, id (``#12``), canonical name or variant names — or a number alone
        (``12``) that names none, which is taken for the id that ``marsad entities`` lists in
        its ``#`` column."""
        if name.startswith("#") and name[1:].isdigit() and int(name[1:]) in self.ents:
            return self.ents[int(name[1:])]
        e = self._entity_for(name)
        if e is not None:
            return e
        n = normalize(name)
        cands = [e for e in self.ents.values() if n == e.name or n in e.variants or name == e.english]
        if not cands and name.isdigit() and int(name) in self.ents:
            return self.ents[int(name)]
        if not cands:
            what = "numbered" if name.isdigit() else "named"
            raise NotFoundError(f"no entity {what} {name!r}; try `marsad entities` to list them")
        return max(cands, key=lambda e: e.count)


def update_registry(archive: Any) -> dict[str, int]:
    """The corpus stage (``corpus.hooks.AFTER_INGEST``): link the new articles' mentions."""
    return EntityRegistry(archive).update()
