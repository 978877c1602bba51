"""One error tree for marsad. Every error has a stable code and says what to do about it."""

from __future__ import annotations


class MarsadError(Exception):
    """Base of every error marsad raises on purpose."""

    code = "M000"

    def __init__(self, message: str, *, where: str = "") -> None:
        self.where = where
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
