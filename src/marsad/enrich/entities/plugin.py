"""Plug-in: a token-classification model from a local folder (Hugging Face format).

Optional (``pip install 'marsad[ner-plugin]'`` brings transformers and torch). The folder must
hold ``config.json`` with ``id2label`` (BIO labels; PER/PERS, LOC/GPE, ORG, MISC and any others),
the weights and the tokenizer files. Nothing is ever downloaded: the folder is opened with
``local_files_only=True``. The plug-in gives ANERcorp-style tags (PERS/LOC/ORG/MISC) per word
— labels are mapped (PER→PERS, GPE/FAC→LOC, NORP and others → O) and a word takes the label of
its first sub-word — so the rest of the entity pipeline (roles, clitics, resolution) is the same
as with the built-in CRF.

Use: ``EntityTagger(plugin=TransformersTagger("/path/to/model"))``, or set the environment
variable ``MARSAD_NER_MODEL=/path/to/model`` for the ``entities`` stage.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError

_MAP = {"PER": "PERS", "PERS": "PERS", "PERSON": "PERS", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC",
        "ORG": "ORG", "ORGANIZATION": "ORG", "MISC": "MISC", "EVENT": "MISC"}


def _map_label(label: str) -> str:
    if label == "O" or "-" not in label:
        return "O"
    bi, typ = label.split("-", 1)
    t = _MAP.get(typ.upper())
    return f"{bi[:1].upper()}-{t}" if t else "O"


class TransformersTagger:
    """Tags word sentences with a local token-classification model (CPU)."""

    def __init__(self, path: str | Path, *, batch_size: int = 16, max_length: int = 256) -> None:
        try:
            import torch
            from transformers import AutoModelForTokenClassification, AutoTokenizer
        except ImportError as e:  # pragma: no cover - depends on the install
            raise ConfigError("the NER plug-in needs transformers and torch: "
                              "pip install 'marsad[ner-plugin]'") from e
        p = Path(path)
        if not (p / "config.json").exists():
            raise ConfigError(f"no token-classification model in {p} (config.json missing)")
        self.torch = torch
        self.tok = AutoTokenizer.from_pretrained(str(p), local_files_only=True)
        if not getattr(self.tok, "is_fast", False):
            raise ConfigError(f"the tokenizer in {p} is not a fast tokenizer (word alignment needs one)")
        self.model = AutoModelForTokenClassification.from_pretrained(str(p), local_files_only=True)
        self.model.eval()
        self.id2label: dict[int, str] = {int(k): v for k, v in self.model.config.id2label.items()}
        self.batch_size = batch_size
        self.max_length = max_length

    def tag(self, sents: Sequence[Sequence[str]]) -> list[list[str]]:
        out: list[list[str]] = []
        for i in range(0, len(sents), self.batch_size):
            out.extend(self._batch([list(s) for s in sents[i : i + self.batch_size]]))
        return out

    def _batch(self, words: list[list[str]]) -> list[list[str]]:
        enc: Any = self.tok(words, is_split_into_words=True, truncation=True,
                            max_length=self.max_length, padding=True, return_tensors="pt")
        with self.torch.no_grad():
            logits = self.model(**{k: v for k, v in enc.items() if k != "offset_mapping"}).logits
        pred = logits.argmax(-1).tolist()
        out = []
        for b, ws in enumerate(words):
            tags = ["O"] * len(ws)
            seen: set[int] = set()
            for t, w in enumerate(enc.word_ids(batch_index=b)):
                if w is None or w in seen:
                    continue
                seen.add(w)
                tags[w] = _map_label(self.id2label.get(pred[b][t], "O"))
            for k in range(len(tags)):  # an I- after O opens the entity
                if tags[k].startswith("I-") and (k == 0 or tags[k - 1][2:] != tags[k][2:]):
                    tags[k] = "B-" + tags[k][2:]
            out.append(tags)
        return out
