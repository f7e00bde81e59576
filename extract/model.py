"""Records produced by ``extract``: every value carries the span of its evidence.

Offsets are character offsets into ``Article.text``: ``text[start:end] == value.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The double quotation marks as the tokenizer leaves them: straight, curly, and the
# two-character forms of some text.
QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''"})


@dataclass(frozen=True)
class Mention:
    """A piece of evidence: the words as written, where they are, what they mean.

    ``value`` is the normalised meaning (a canonical group, a platform, a demand
    label, an ISO date); ``kind`` says which sort of mention it is.
    """

    text: str
    start: int
    end: int
    value: str = ""
    kind: str = ""


@dataclass(frozen=True)
class AccountCount:
    """A figure given for a number of social-media accounts, as an interval."""

    text: str
    start: int
    end: int
    min: int | None
    max: int | None


@dataclass(frozen=True)
class Speaker:
    """One speaker as one article presents them.

    ``name`` is the fullest form the article writes; ``aliases`` are all mentions
    that refer to them (full name, surname, role noun, pronoun), ``titles`` every
    title written beside the name.
    """

    name: str
    kind: str
    aliases: tuple[Mention, ...]
    titles: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Claim:
    """One attributed statement: a sentence, who said it, the cue that attributes it."""

    index: int
    speaker: str | None
    text: str
    start: int
    end: int
    cue: Mention
    is_main: bool = False


@dataclass(frozen=True)
class Extraction:
    """Everything ``extract_claims`` found in one article."""

    article_id: str
    speakers: tuple[Speaker, ...] = ()
    claims: tuple[Claim, ...] = ()
    said_on: Mention | None = None
    accounts: tuple[AccountCount, ...] = ()
    groups: tuple[Mention, ...] = ()
    platforms: tuple[Mention, ...] = ()
    demands: tuple[Mention, ...] = ()
    statements: tuple[Mention, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
