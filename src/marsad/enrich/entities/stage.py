"""The ``entities`` pipeline stage: mention spans on the article (debris left out).

Runs after ``dateline``: it tags ``doc.masked`` with the dateline put back (a dateline holds
real mentions, the place and the agency: موسكو- سبوتنيك) and debris, bylines and credits
blanked, so site furniture is never tagged. Offsets index the original text.
"""

from __future__ import annotations

import os

from marsad.clean.debris import mask
from marsad.enrich.entities.tagger import default_tagger
from marsad.enrich.language import read_as_arabic
from marsad.pipeline.core import Doc

#: a local token-classification model (a folder) that replaces the built-in CRF
MODEL_ENV = "MARSAD_NER_MODEL"


def model_state() -> tuple[str, int | None] | None:
    """The model a stage built now would load from outside the package: the folder
    ``MARSAD_NER_MODEL`` names, with the newest modification time (ns) of its files, ``None``
    for a folder gone or without its ``config.json``. ``None`` for the shipped CRF (package
    data, loaded once per process: :func:`default_tagger`). A cache of built pipelines keys
    on it (:func:`marsad.runners.local._pipeline`)."""
    path = os.environ.get(MODEL_ENV, "")
    if not path:
        return None
    try:
        with os.scandir(path) as it:
            files = {e.name: e.stat().st_mtime_ns for e in it if e.is_file()}
    except OSError:
        return (path, None)
    return (path, max(files.values()) if "config.json" in files else None)


class EntityRecognizer:
    """Adds ``mention`` spans (type, entity key, country, role) to the article."""

    name = "entities"
    requires = ("clean",)
    provides = ("mentions",)

    def __init__(self) -> None:
        path = os.environ.get(MODEL_ENV, "")
        if path:  # a local token-classification model replaces the built-in CRF
            from marsad.enrich.entities.plugin import TransformersTagger
            from marsad.enrich.entities.tagger import EntityTagger

            self._tagger = EntityTagger(plugin=TransformersTagger(path))
        else:
            self._tagger = default_tagger()

    def run(self, doc: Doc) -> None:
        art = doc.article
        if not read_as_arabic(art.language):  # Urdu, Sorani, Pashto: no Arabic names to find
            return
        text = mask(doc.text, [s for s in art.spans if s.layer != "dateline"])
        doc.add(self._tagger.spans(text))
