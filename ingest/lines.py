"""The shape of one line of scraped text: what a furniture rule looks at.

Pure functions of the line (and of cue vocabularies passed in), no decisions: the
cleaner in :mod:`ingest.clean` weighs these with the line's position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
# A sentence ends with . ! ? or … , optionally closed by quotes or brackets.
_SENTENCE_END = re.compile(r"(?:[.!?…]|\.\.\.)[\"'”’)\]]*$")
# A list marker or dash that opens a line ("- ", "• ", "— ") is not part of its words.
_OPENER = re.compile(r"^[\s\-–—•*·>|]+")
_URL_ONLY = re.compile(r"^(?:https?://|www\.|pic\.)\S+$", re.IGNORECASE)
# A clock time as live pages print it: "14:05", "2.20pm", "11:32 a.m. ET", "3pm BST".
_CLOCK = r"(?:\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
_ZONE = r"(?-i:\s*[A-Z]{2,5})?"  # "ET", "BST": capitals, whatever the clock's case
_TIME = re.compile(rf"^{_CLOCK}{_ZONE}$", re.IGNORECASE)
# The tokens of a date or time stamp: a clock time, a number (day, year), a word, a mark.
_STAMP_TOKEN = re.compile(
    rf"{_CLOCK}(?!\w)|\d{{1,4}}(?:st|nd|rd|th)?(?!\w)|[^\W\d_]+\.?|[^\w\s]", re.IGNORECASE
)
_STAMP_CLOCK = re.compile(rf"^{_CLOCK}$", re.IGNORECASE)
_STAMP_MARKS = frozenset(",·|-–—/:()•")
# The parts of a byline naming several reporters: "A in X, B in Y and C in Z".
_BYLINE_PARTS = re.compile(r",\s+|\s+and\s+")
# Longer than this, a line of date words is a sentence that happens to be made of them.
MAX_STAMP_CHARS = 80
_HANDLE = re.compile(r"\(@\w{1,30}\)")
_LIST_NUMBER = re.compile(r"^\d{1,2}[.)]\s")
_COUNTER = re.compile(r"^(?:\d[\d,.]*\s*[kKmM]?\s+(\w+)|(\w+(?:\s\w+){0,3})\s*\(\d[\d,.]*\))$")
# Wire slugs: short lower-case codes joined by / or - ("abc-de/fg", "xy/ab/cd").
_SLUG = re.compile(r"^[a-z0-9]{1,8}(?:[-/][a-z0-9]{1,8}){2,5}$")
_LABEL = re.compile(r"^([^\W\d_][\w'’&/ -]{0,30}?)\s*[:—–]\s*")


def words(line: str) -> list[str]:
    """The words of a line, punctuation left out ("Ferreira-Lund", "a.m." stay whole)."""
    return _WORD.findall(line)


def strip_opener(line: str) -> str:
    """The line without a leading list marker, bullet or dash."""
    return _OPENER.sub("", line.strip()).strip()


def is_sentence(line: str) -> bool:
    """Ends as a sentence ends and holds lower-case words, as prose does."""
    text = strip_opener(line)
    if not _SENTENCE_END.search(text):
        return False
    return any(w[0].islower() for w in words(text))


def is_all_caps(line: str) -> bool:
    """A label written in capitals ("ANALYSIS", "MORE FROM THE REGION")."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def lower_share(line: str) -> float:
    """Share of words that start lower-case: high in prose and headlines, nil in menus."""
    found = words(line)
    return sum(1 for w in found if w[0].islower()) / len(found) if found else 0.0


def is_url_only(line: str) -> bool:
    """A bare link, as embedded posts leave behind."""
    return bool(_URL_ONLY.match(line.strip()))


def is_time_only(line: str) -> bool:
    """A clock time alone ("14:05 BST"), the stamps of a live page."""
    return bool(_TIME.match(line.strip()))


def is_date_stamp(line: str, stamp_words: frozenset[str], months: frozenset[str]) -> bool:
    """A line that is only a date or time stamp: "September 4, 2024 at 7:10 p.m. EDT",
    "March 21, 2022 · Updated 9:12 a.m.", "Mon 17 Oct 2022 07.45 BST".

    Every token is a clock time, a number, a mark, a time zone (a capitalised code after
    a number) or one of ``stamp_words`` (month and weekday names, "updated", "at"), and
    the line names a moment: a clock time, or a day number beside a month. A month and a
    year alone ("March 2022", a timeline heading) is not a stamp.
    """
    text = line.strip()
    if not text or len(text) > MAX_STAMP_CHARS:
        return False
    clock = month = day = False
    previous = ""
    for token in _STAMP_TOKEN.findall(text):
        folded = token.casefold().rstrip(".")
        if _STAMP_CLOCK.match(token):
            clock = True
        elif token[0].isdigit():
            day = day or len(token.rstrip("stndrh")) <= 2
        elif folded in months:
            month = True
        elif folded in stamp_words or token in _STAMP_MARKS:
            pass
        elif not (token.isupper() and 2 <= len(token) <= 5 and previous[:1].isdigit()):
            return False  # a word no stamp uses, a quote or an apostrophe
        previous = token
    return clock or (month and day)


def is_placed_byline(line: str, particles: frozenset[str]) -> bool:
    """A byline that names its reporters and where they file from, without "By":
    "Ana Costa in Lisbon", "Ana Costa in São Paulo and Tom Reid in Rio de Janeiro",
    "Ana Costa and Tom Reid in Lisbon".

    Each part (cut at commas and "and") is a name of two to four capitalised words, then
    "in" and a place of one to four, or the name alone where a later part gives the place
    they share; name particles ("de", "dos", "van") may stand inside either. A headline
    has verbs and small words in lower case; this has none.
    """
    text = line.strip()
    if not text or text[-1:] in ".!?:" or len(text) > MAX_STAMP_CHARS:
        return False
    placed = False  # the last part read gave a place
    for part in _BYLINE_PARTS.split(text):
        found = part.split()
        if found.count("in") > 1:
            return False
        at = found.index("in") if "in" in found else len(found)
        name, place = found[:at], found[at + 1 :]
        placed = at < len(found)
        if not (2 <= len(name) <= 4 and (1 <= len(place) <= 4 or not placed)):
            return False
        if not (_is_name_word(name[0]) and _is_name_word(name[-1])):
            return False
        if not all(_is_name_word(w) or w in particles for w in (*name, *place)):
            return False
    return placed


def _is_name_word(word: str) -> bool:
    """A capitalised word of letters ("Lacerda", "O'Neill", "Saint-Denis"), not capitals."""
    return (
        word[:1].isupper()
        and any(c.islower() for c in word)
        and all(c.isalpha() or c in "'’-" for c in word)
    )


def is_slug(line: str) -> bool:
    """A wire slug: a short lower-case code of three or more parts."""
    return bool(_SLUG.match(line.strip()))


def is_embed_credit(line: str) -> bool:
    """The attribution line of an embedded post: a dash, a name and an @handle."""
    stripped = line.strip()
    return stripped[:1] in "—–-" and bool(_HANDLE.search(stripped)) and len(stripped) < 120


def is_numbered_item(line: str) -> bool:
    """A numbered list entry ("3. Title of another story")."""
    return bool(_LIST_NUMBER.match(line.strip()))


def counter_word(line: str) -> str | None:
    """The counted word of a counter ("27 comments", "Comments (12)"), else None."""
    match = _COUNTER.match(line.strip())
    if match is None:
        return None
    return (match.group(1) or match.group(2)).casefold()


def label(line: str) -> str | None:
    """The label that opens a line ("Tags:", "— Sponsored —"), lower-cased, else None."""
    match = _LABEL.match(strip_opener(line))
    return match.group(1).strip().casefold() if match else None


def segments(line: str, separators: Iterable[str]) -> list[str]:
    """The line split at any separator that stands between spaces (or double spaces)."""
    parts = [line.strip()]
    for separator in (*separators, " "):
        token = f" {separator} " if separator != " " else "  "
        parts = [piece.strip() for part in parts for piece in part.split(token)]
    return [p for p in parts if p]


def starts_with_any(line: str, prefixes: tuple[str, ...]) -> str | None:
    """The prefix (lower-case) the line starts with as whole words, else None."""
    match = _prefix_pattern(prefixes).match(strip_opener(line).casefold())
    return match.group(0) if match else None


@lru_cache(maxsize=64)
def _prefix_pattern(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation for a list of prefixes, longest first, ending at a word's end."""
    ordered = sorted(prefixes, key=len, reverse=True)
    return re.compile("(?:" + "|".join(_bounded(p, start=False) for p in ordered) + ")")


def contains_any(line: str, phrases: tuple[str, ...]) -> str | None:
    """The first phrase (lower-case) the line contains as whole words, else None.

    A phrase ending in ``*`` is a stem ("comment*" also finds "comments"). A plain
    substring test comes first: most lines hold none of the phrases.
    """
    folded = line.casefold()
    for phrase, core, pattern in _phrase_patterns(phrases):
        if core in folded and pattern.search(folded):
            return phrase
    return None


@lru_cache(maxsize=64)
def _phrase_patterns(phrases: tuple[str, ...]) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """Each phrase with its literal core and its pattern bounded at whole words."""
    return tuple((p, p.rstrip("*"), re.compile(_bounded(p, start=True))) for p in phrases)


def _bounded(phrase: str, start: bool) -> str:
    """A phrase as a pattern that starts and ends at word boundaries (a stem: no end)."""
    stem = phrase.endswith("*")
    core = re.escape(phrase.rstrip("*"))
    head = r"(?<![^\W_])" if start and phrase[:1].isalnum() else ""
    tail = r"(?![^\W_])" if not stem and phrase[-1:].isalnum() else ""
    return head + core + tail
