"""marsad (مرصد): an Arabic-native news observatory."""

from marsad.api import MarsadArchive, analyze_text, open
from marsad.model import Article, RawRecord, Span

__all__ = ["Article", "MarsadArchive", "RawRecord", "Span", "analyze_text", "open"]
__version__ = "0.1.0"
