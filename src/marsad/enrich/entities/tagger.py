"""The entity tagger: tokens → CRF tags → news mentions → entities → ``mention`` spans.

Resources (all shipped in the package, loaded once per process, read-only):
``data/models/ner-anercorp.npz`` (the CRF, CC BY-SA 4.0 — see ``data/models/README.md``),
``data/entities/gazetteer.tsv.gz`` and ``data/entities/clusters.tsv.gz``. A token
classification model from a local path can replace the CRF (``plugin.py``).

Span output (layer ``mention``): ``label`` = PER/ORG/GPE/LOC/NORP/MISC, ``value`` = the entity
key (``per:فلاديمير بوتين``, ``gpe:روسيا``), ``attrs``: ``country`` (ISO 3166-1 alpha-2 or
absent), ``role`` (the title before a person), ``name`` (canonical, normalized), ``english``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from marsad.enrich.entities.clusters import load_clusters
from marsad.enrich.entities.crf import Decoder, FastCRF, tag_keyed, with_docs
from marsad.enrich.entities.features import (
    Lexicons,
    Token,
    TokenList,
    chunk,
    fast_keys,
    keys,
    sentences,
    token_list,
)
from marsad.enrich.entities.gazetteer import Gazetteer
from marsad.enrich.entities.mention import Mention, no_overlaps
from marsad.enrich.entities.mentions import MentionFinder
from marsad.enrich.entities.resolve import (
    Entity,
    infer_countries,
    propagate,
    propagate_entities,
    resolve,
)
from marsad.model import Span

MODEL_NAME = "ner-anercorp.npz"


def default_model_path() -> Path:
    return Path(str(resources.files("marsad") / "data" / "models" / MODEL_NAME))


class SequenceTagger(Protocol):
    """Anything that gives ANERcorp-style BIO tags (PERS/LOC/ORG/MISC) to token sentences."""

    def tag(self, sents: Sequence[Sequence[str]]) -> list[list[str]]: ...


class CRFTagger:
    """The built-in CRF behind the :class:`SequenceTagger` interface: the stage-1 model, and the
    stage-2 model (document features of the stage-1 tags) when one ships."""

    def __init__(self, model: FastCRF, gaz: Gazetteer, lex: Lexicons, doc_model: FastCRF | None = None) -> None:
        self.gaz = gaz
        self.decoder = Decoder(model, lex)
        self.doc_decoder = Decoder(doc_model, lex) if doc_model is not None else None

    def tag(self, sents: Sequence[Sequence[str]]) -> list[list[str]]:
        from marsad.text.normalize import normalize

        keyed = []
        for s in sents:
            norms = [normalize(w) for w in s]
            keyed.append(keys(s, norms, self.gaz.marks(norms)))
        return tag_keyed(keyed, self.decoder, self.doc_decoder)

    def tag_tokens(self, sents: Sequence[Sequence[Token]]) -> list[list[str]]:
        keyed = []
        for s in sents:
            norms = [t.norm for t in s]
            keyed.append(keys([t.text for t in s], norms, self.gaz.marks(norms)))
        return tag_keyed(keyed, self.decoder, self.doc_decoder)


@dataclass
class Analysis:
    tokens: Sequence[Token]
    mentions: list[Mention]
    entities: list[Entity]


class EntityTagger:
    """Finds and resolves the entity mentions of one text."""

    def __init__(self, *, model_path: str | Path | None = None, gazetteer_path: str | Path | None = None,
                 clusters_path: str | Path | None = None, plugin: SequenceTagger | None = None) -> None:
        self.gaz = Gazetteer.load(gazetteer_path) if gazetteer_path else _gazetteer()
        path = Path(model_path or default_model_path())
        self.model = FastCRF.load(path)
        doc_path = path.with_name(path.stem + "-doc" + path.suffix)
        doc_model = FastCRF.load(doc_path) if doc_path.exists() else None
        lex = Lexicons(words=self.gaz.word_flags(), clusters=load_clusters(clusters_path),
                       names=self.model.names)
        self.gaz.vocab = lex.clusters
        self.crf = CRFTagger(self.model, self.gaz, lex, doc_model)
        self.plugin = plugin
        self.finder = MentionFinder(self.gaz, names=self.model.names, vocab=lex.clusters)

    def tag_sentences(self, sents: Sequence[Sequence[str]]) -> list[list[str]]:
        """ANERcorp tags (PERS/LOC/ORG/MISC) for already-tokenised sentences."""
        return (self.plugin or self.crf).tag(sents)

    def analyze(self, text: str) -> Analysis:
        hashtags: list[tuple[int, int]] = []
        if "_" in text:
            toks = token_list(text.replace("_", " "))
            hashtags = _joined(text, toks)
            text = text.replace("_", " ")  # hashtags: #ميليشيا_الحوثي is a name in words (same offsets)
        else:
            toks = token_list(text)
        if not toks:
            return Analysis([], [], [])
        ranges = chunk(sentences(text, toks), toks)
        norms = toks.norms
        nats, starts, heads = self.finder.scan(norms)
        matches = self.gaz.match(norms, starts)
        surf = toks.texts
        if self.plugin is not None:
            tags_by = self.plugin.tag([surf[a:b] for a, b in ranges])
            tags = [t for s in tags_by for t in s]
        else:
            all_keys = fast_keys(surf, norms, self.gaz.marks(norms, matches, nats))
            sent_keys = [all_keys[a:b] for a, b in ranges]
            tags = self.crf.decoder.decode_flat(sent_keys)
            if self.crf.doc_decoder is not None:  # stage 2: document features (the article) of stage 1
                tags = self.crf.doc_decoder.decode_flat(with_docs(sent_keys, [tags[a:b] for a, b in ranges], None))
        ms = self.finder.find(text, toks, tags, matches=matches, norms=norms, nats=nats, surfaces=surf,
                              heads=heads, hashtags=hashtags)
        texts = toks.texts

        def keep(m: Mention, seen: Sequence[Mention]) -> bool:  # the drop step's word: propagation adds no everyday word
            return self.finder.ordinary.keeps(m, seen, norms, texts)

        ms = propagate_entities(ms, toks, norms, keep=keep)
        ms = no_overlaps(propagate(ms, toks, norms, keep=keep))
        ents = resolve(ms)
        infer_countries(ents)
        return Analysis(toks, ms, ents)

    def spans(self, text: str) -> list[Span]:
        return to_spans(self.analyze(text).entities)


def _joined(text: str, toks: TokenList) -> list[tuple[int, int]]:
    """Token ranges of words joined by ``_`` in ``text`` (hashtags: #ميليشيا_الحوثي)."""
    from bisect import bisect_left

    out: list[tuple[int, int]] = []
    ends = toks.ends
    pos = text.find("_")
    while pos != -1:
        i = bisect_left(ends, pos)  # the token ending at the underscore
        if i + 1 < len(ends) and ends[i] == pos and toks.starts[i + 1] == pos + 1:
            if out and out[-1][1] == i + 1:
                out[-1] = (out[-1][0], i + 2)
            else:
                out.append((i, i + 2))
        pos = text.find("_", pos + 1)
    return out


def to_spans(ents: Sequence[Entity]) -> list[Span]:
    out = []
    for e in ents:
        for m in e.mentions:
            attrs: dict[str, Any] = {"name": e.display or e.name}
            if e.country or m.country:
                attrs["country"] = (m.country or e.country) if m.type == e.type else (m.country or "")
                if not attrs["country"]:
                    del attrs["country"]
            if m.role:
                attrs["role"] = m.role
            if e.english:
                attrs["english"] = e.english
            if e.inferred and not m.country:
                attrs["country_inferred"] = True
            out.append(Span("mention", m.start, m.end, e.type if m.type == e.type else m.type,
                            e.key, attrs))
    out.sort(key=lambda s: (s.start, s.end))
    return out


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return Gazetteer.load()


@lru_cache(maxsize=2)
def default_tagger() -> EntityTagger:
    """The shipped tagger (read-only resources, loaded once per process)."""
    return EntityTagger()
