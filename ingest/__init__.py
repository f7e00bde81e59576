"""Ingest: inputs in, clean deduplicated article records out.

No database access here: ``kb`` stores what these functions return.
"""

from ingest.clean import BoilerplateRules, clean_text
from ingest.dedup import Deduplicator
from ingest.errors import IngestError, PresskbError
from ingest.model import Article, Cut, DuplicateMatch, InputItem
from ingest.readers import Failure, discover, is_url, read_file, read_inputs
from ingest.recurring import count_lines, drop_recurring
from ingest.settings import IngestSettings

__all__ = [
    "Article",
    "BoilerplateRules",
    "Cut",
    "Deduplicator",
    "DuplicateMatch",
    "Failure",
    "IngestError",
    "IngestSettings",
    "InputItem",
    "PresskbError",
    "clean_text",
    "count_lines",
    "discover",
    "drop_recurring",
    "is_url",
    "read_file",
    "read_inputs",
]
