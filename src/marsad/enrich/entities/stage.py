"""The ``entities.v2`` pipeline stage: mention spans on the article (debris left out).

Runs after ``dateline``: it tags ``doc.masked`` with the dateline put back (a dateline holds
real mentions, the place and the agency: موسكو- سبوتنيك) and debris, bylines and credits
blanked, so site furniture is never tagged. Offsets index the original text.
"""

from __future__ import annotations

import os

from marsad.clean.debris import mask
from marsad.enrich.entities.tagger import default_tagger
from marsad.pipeline.core import Doc


class EntityRecognizer:
    """Adds ``mention`` spans (type, entity key, country, role) to the article."""

    name = "entities"
    requires = ("clean",)
    provides = ("mentions",)

    def __init__(self) -> None:
        path = os.environ.get("MARSAD_NER_MODEL", "")
        if path:  # a local token-classification model replaces the built-in CRF
            from marsad.enrich.entities.plugin import TransformersTagger
            from marsad.enrich.entities.tagger import EntityTagger

            self._tagger = EntityTagger(plugin=TransformersTagger(path))
        else:
            self._tagger = default_tagger()

    def run(self, doc: Doc) -> None:
        art = doc.article
        text = mask(doc.text, [s for s in art.spans if s.layer != "dateline"])
        doc.add(self._tagger.spans(text))
