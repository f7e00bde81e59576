"""Named failures of the pipeline.

Every stage raises a subclass of :class:`PresskbError`; the build loop in ``kb``
catches exactly these per input, stores ``reason`` in ``ingest_errors`` and goes on.
The message of each exception is written for a reader of that table: plain words,
no traceback.
"""

from __future__ import annotations


class PresskbError(Exception):
    """Base class of every error presskb raises on purpose."""

    code = "E000"

    @property
    def reason(self) -> str:
        """The plain-words reason stored in ``ingest_errors.reason``."""
        return str(self)


class IngestError(PresskbError):
    """An input could not be turned into an article."""

    code = "E100"


class UnsupportedInput(IngestError):
    """The input is neither a supported file type, a folder, nor an http(s) URL."""

    code = "E101"


class UnreadableFile(IngestError):
    """The file could not be opened or read."""

    code = "E102"


class FileTooLarge(IngestError):
    """The file is over the configured size limit."""

    code = "E103"


class BinaryFile(IngestError):
    """The file holds binary data, not text."""

    code = "E104"


class UndecodableText(IngestError):
    """The bytes are not UTF-8 and no safe fallback encoding fits them."""

    code = "E105"


class BrokenFrontMatter(IngestError):
    """The YAML front-matter block is unterminated, invalid, or not a mapping."""

    code = "E106"


class EmptyArticle(IngestError):
    """Nothing is left of the article once whitespace and boilerplate are removed."""

    code = "E107"


class NoArticleInHtml(IngestError):
    """trafilatura found no article body in the HTML."""

    code = "E108"


class FetchFailed(IngestError):
    """A URL did not answer, answered with an error status, or timed out."""

    code = "E109"


class InvalidResource(PresskbError):
    """A gazetteer or rule data file is malformed; the message names the file and entry."""

    code = "E200"
