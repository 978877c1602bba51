"""One error tree for marsad. Every error has a stable code and says what to do about it."""

from __future__ import annotations

from collections.abc import Sequence


class MarsadError(Exception):
    """Base of every error marsad raises on purpose."""

    code = "M000"

    def __init__(self, message: str, *, where: str = "") -> None:
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}" if where else message)

    def __str__(self) -> str:  # "[M101] file.jsonl:3: invalid JSON …"
        return f"[{self.code}] {super().__str__()}"


class InputError(MarsadError):
    """A file or record could not be read; the rest of the batch goes on."""

    code = "M100"


class DecodeError(InputError):
    code = "M101"


class RecordError(InputError):
    """One record is malformed (bad JSON, empty text, broken WARC record)."""

    code = "M102"


class ArchiveError(MarsadError):
    """The archive file is missing, locked or from an unknown schema."""

    code = "M200"


class QueryError(MarsadError):
    """A search query or filter is malformed; the message says how to write it."""

    code = "M300"


class NotFoundError(MarsadError):
    code = "M404"


class ConfigError(MarsadError):
    code = "M500"


def check_known(what: str, given: Sequence[str], known: Sequence[str], *, hint: str = "") -> None:
    """Raise NotFoundError naming each of ``given`` that is not in ``known`` (the archive's
    sources, languages …), with the closest known values, rather than match nothing in silence."""
    import difflib

    missing = [g for g in given if g not in known]
    if not missing:
        return
    folded = {k.casefold(): k for k in known}
    parts = []
    for g in missing:
        close = [folded[c] for c in difflib.get_close_matches(g.casefold(), list(folded), n=3, cutoff=0.6)]
        parts.append(f"no {what} {g!r} in the archive" + (f" (did you mean {', '.join(map(repr, close))}?)" if close else ""))
    shown = ", ".join(repr(k) for k in known[:12]) + (f" and {len(known) - 12:,} more" if len(known) > 12 else "")
    raise NotFoundError("; ".join(parts) + (f"; it has {shown}" if known else "; the archive is empty") + hint)
