"""When a statement was made: find the date words, resolve them at honest precision.

Resolution follows DESIGN.md: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``; ``--MM-DD`` when the
year is unknowable; ``None`` for a weekday (or "yesterday") when the article has no
publication date. Relative words resolve against the publication date, never today.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Span

from extract.doccache import doc_ents, doc_text
from extract.model import Mention

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")
_MONTH = re.compile(rf"\b({_MONTHS})\b\.?", re.IGNORECASE)
_DAY = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b")
_WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAYS)})\b", re.IGNORECASE)
_DEADLINE = frozenset({"by", "until", "till", "before", "from", "since"})
# "this afternoon" on a live page is the day of its time stamp
_RELATIVE = {
    "today": 0,
    "yesterday": 1,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
}
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# The day.month.year of outlets outside the English-speaking press ("11.03.2022").
_NUMERIC_DAY = r"[0-3]?\d\.[01]?\d\.(?:1[89]|20)\d{2}"
_NUMERIC = re.compile(r"\b([0-3]?\d)\.([01]?\d)\.((?:1[89]|20)\d{2})\b")
_LAST_WEEKDAY = re.compile(rf"\blast\s+({'|'.join(WEEKDAYS)})\b", re.IGNORECASE)
_NEXT_WEEKDAY = re.compile(
    rf"\b(?:next|this\s+coming|coming)\s+({'|'.join(WEEKDAYS)})\b", re.IGNORECASE
)
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# "the day after the March 3 vote", "two days before June 9": a day told from another
# dated event. Read from the text: a parser tags such phrases unreliably.
_TOLD_FROM = re.compile(
    rf"\b(?:(?:the|a)\s+)?(?:(?P<day>day)|(?P<count>{'|'.join(_COUNTS)}|\d)\s+"
    r"(?P<unit>days?|weeks?)|(?P<week>week))\s+(?P<direction>after|before)\s+"
    rf"(?:the\s+|an?\s+)?(?P<date>(?:{_MONTHS})\.?\s+[0-3]?\d(?:st|nd|rd|th)?"
    r"(?:,?\s+(?:1[89]|20)\d{2})?|[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?:{_MONTHS})\.?(?:,?\s+(?:1[89]|20)\d{{2}})?)\b",
    re.IGNORECASE,
)
# Periods relative to the publication date, resolved at the precision they allow.
_PERIODS = {
    "last week": "last_week",
    "this week": "this_week",
    "earlier this week": "this_week",
    "last month": "last_month",
    "this month": "this_month",
    "earlier this month": "this_month",
}
_PARSE_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": dt.datetime(2000, 1, 1)}


@dataclass(frozen=True)
class DateParts:
    """What a date expression states: any of year, month, day, weekday, relative offset."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    days_before: int | None = None
    before_today: bool = False  # "last Tuesday": strictly before the publication day
    after_today: bool = False  # "next Tuesday": after the publication day
    shift: int = 0  # days added to the date named ("the day after April 3": 1)
    period: str | None = None  # "last week", "earlier this month"

    @property
    def specific(self) -> bool:
        """True when the expression names a calendar point, not a duration."""
        return self.period is not None or any(
            v is not None for v in (self.year, self.month, self.weekday, self.days_before)
        )

    @property
    def coarse(self) -> bool:
        """A bare year or a month without its year ("in 2022", "in June"): background
        more often than the day of a statement ("February 2026" is not coarse)."""
        bare = self.day is None and self.weekday is None and self.days_before is None
        return bare and self.period is None and (self.year is None or self.month is None)


@cache
def _date_parser() -> DateDataParser:
    """One English parser for the process: ``dateparser.parse`` with languages or
    settings builds a new one, its locale loaded again, at every call (12 ms a call on
    the generated benchmark articles)."""
    return DateDataParser(languages=["en"], settings=_PARSE_SETTINGS)


@lru_cache(maxsize=4096)  # dateparser takes milliseconds a call; texts repeat
def date_parts(text: str) -> DateParts:
    """Read the parts a date expression states; dateparser reads month-and-day forms."""
    lowered = " ".join(text.casefold().split())
    if lowered.startswith("on "):
        lowered = lowered[3:]
    if lowered in _RELATIVE:
        return DateParts(days_before=_RELATIVE[lowered])
    if lowered in _PERIODS:
        return DateParts(period=_PERIODS[lowered])
    if (last := _LAST_WEEKDAY.search(text)) and not _MONTH.search(text):
        return DateParts(weekday=WEEKDAYS.index(last.group(1).casefold()), before_today=True)
    if coming := _NEXT_WEEKDAY.search(text):
        return DateParts(weekday=WEEKDAYS.index(coming.group(1).casefold()), after_today=True)
    if iso := _ISO.search(text):
        return DateParts(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    if numeric := _NUMERIC.search(text):
        d, m, y = (int(numeric.group(i)) for i in (1, 2, 3))
        if _safe_date(y, m, d) is not None:
            return DateParts(y, m, d)
    weekday = _WEEKDAY.search(text)
    month = _MONTH.search(text)
    year = _YEAR.search(text)
    parts = DateParts(
        year=int(year.group(1)) if year else None,
        weekday=WEEKDAYS.index(weekday.group(1).casefold()) if weekday else None,
    )
    if month is None:
        return parts
    without_year = _YEAR.sub("", text)
    day_match = _DAY.search(_MONTH.sub("", without_year))
    parsed = _date_parser().get_date_data(
        f"{month.group(1)} {day_match.group(1) if day_match else 1} 2000"
    )["date_obj"]
    if parsed is None:
        return parts
    return DateParts(
        year=parts.year,
        month=parsed.month,
        day=parsed.day if day_match else None,
        weekday=parts.weekday,
    )


def _told_shift(found: re.Match[str]) -> int:
    """Days from the date named to the day told ("the day after": 1)."""
    if found.group("day"):
        days = 1
    elif found.group("week"):
        days = 7
    else:
        count = found.group("count")
        number = int(count) if count.isdigit() else _COUNTS[count.casefold()]
        days = number * (7 if found.group("unit").casefold().startswith("week") else 1)
    return days if found.group("direction").casefold() == "after" else -days


# A wire dateline: the place in capitals or title case, a comma, the filing date, then the
# agency in brackets or the dash that opens the story ("BRASILIA, March 18, 2022 (Agency) -",
# "Bonn, 17 October 2022 (NPA) -", "LAGOS, June 5, 2021 -").
_DATELINE = re.compile(
    r"\A\s*[^\W\d_][^\n,()]{0,40},\s+(?:(?:" + "|".join(WEEKDAYS) + r"),?\s+)?"
    rf"(?P<date>(?:{_MONTHS})\.?\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:1[89]|20)\d{{2}}"
    rf"|[0-3]?\d(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+(?:1[89]|20)\d{{2}}|{_NUMERIC_DAY})"
    r"\s*(?:\(|[-\u2013\u2014:]\s)",
    re.IGNORECASE,
)


def dateline_date(text: str) -> str | None:
    """The day a dateline at the head of the body gives (ISO), or None: the anchor for
    "on Monday" when the article carries no publication date, as a reader takes it."""
    found = dateline_mention(text)
    return found.value if found else None


def dateline_mention(text: str) -> Mention | None:
    """The date words of a dateline at the head of the body, with their day as value:
    the day the story was filed, not a statement's date unless the body gives none."""
    found = _DATELINE.match(text)
    if found is None:
        return None
    parts = date_parts(found.group("date"))
    if parts.year is None or parts.month is None or parts.day is None:
        return None
    value = _safe_date(parts.year, parts.month, parts.day)
    if value is None:
        return None
    start, end = found.span("date")
    return Mention(found.group("date"), start, end, value=value, kind="said_on")


def resolve(parts: DateParts, published: str | None) -> str | None:
    """ISO 8601 at the precision the parts and the publication date support; a
    ``shift`` applies only to a date resolved to its day (else nothing is claimed)."""
    value = _resolve(parts, published)
    if not parts.shift or value is None:
        return value
    if value.startswith("--"):
        moved = _safe_date(2000, int(value[2:4]), int(value[5:7]))  # a leap year
        if moved is None:
            return None
        day = dt.date.fromisoformat(moved) + dt.timedelta(days=parts.shift)
        return f"--{day.month:02d}-{day.day:02d}"
    if len(value) != 10:
        return None
    return (dt.date.fromisoformat(value) + dt.timedelta(days=parts.shift)).isoformat()


def _resolve(parts: DateParts, published: str | None) -> str | None:
    base = _date(published)
    if parts.period is not None:
        return _period(parts.period, base) if base else None
    if parts.days_before is not None:
        return (base - dt.timedelta(days=parts.days_before)).isoformat() if base else None
    if parts.year is not None and parts.month is not None and parts.day is not None:
        return _safe_date(parts.year, parts.month, parts.day)
    if parts.month is not None and parts.day is not None:
        if base is None:
            return f"--{parts.month:02d}-{parts.day:02d}"
        for year in (base.year, base.year - 1):
            candidate = _safe_date(year, parts.month, parts.day)
            if candidate and candidate <= (base + dt.timedelta(days=1)).isoformat():
                return candidate
        return None
    if parts.year is not None and parts.month is not None:
        return f"{parts.year:04d}-{parts.month:02d}"
    if parts.weekday is not None:
        if base is None:
            return None
        if parts.after_today:
            ahead = (parts.weekday - base.weekday()) % 7 or 7
            return (base + dt.timedelta(days=ahead)).isoformat()
        # a statement reported on its weekday is the most recent such day on or before
        # the publication date; "last Tuesday" is strictly before it
        back = (base.weekday() - parts.weekday) % 7
        if parts.before_today and back == 0:
            back = 7
        return (base - dt.timedelta(days=back)).isoformat()
    if parts.year is not None:
        return f"{parts.year:04d}"
    return None


def _period(period: str, base: dt.date) -> str | None:
    """A week or month around ``base``, as the month it falls in when it is one."""
    first, end = period_days(period, base)
    if (first.year, first.month) == (end.year, end.month):
        return f"{first.year:04d}-{first.month:02d}"
    return f"{first.year:04d}" if first.year == end.year else None


def period_days(period: str, base: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of a period named relative to ``base`` ("last week": the
    Monday to Sunday before the week of ``base``; "this week": its Monday to ``base``)."""
    if period == "this_month":
        return base.replace(day=1), base
    if period == "last_month":
        end = base.replace(day=1) - dt.timedelta(days=1)
        return end.replace(day=1), end
    monday = base - dt.timedelta(days=base.weekday())
    if period == "last_week":
        return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
    return monday, base


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def date_mentions(doc: Doc) -> dict[int, list[tuple[Mention, DateParts]]]:
    """Specific dates by the start token of their sentence: DATE and TIME entities, each
    with a preceding "on" kept in its text, days told from another date ("the day after
    the March 3 vote") and day.month.year dates ("on 20.12.2019"), whose words replace
    any entity inside them (one pass over the entities and two over the text, not one
    per sentence)."""
    out: dict[int, list[tuple[Mention, DateParts]]] = {}
    told: list[tuple[int, int]] = []
    for found in _TOLD_FROM.finditer(doc_text(doc)):
        span = doc.char_span(found.start(), found.end(), alignment_mode="expand")
        if span is None:
            continue
        parts = replace(date_parts(found.group("date")), shift=_told_shift(found))
        mention = Mention(found.group(0), found.start(), found.end(), kind="said_on")
        out.setdefault(span.sent.start, []).append((mention, parts))
        told.append((found.start(), found.end()))
    for found in _NUMERIC.finditer(doc_text(doc)):
        if any(a < found.end() and found.start() < b for a, b in told):
            continue
        numeric = doc.char_span(found.start(), found.end(), alignment_mode="expand")
        parts = date_parts(found.group(0))
        if numeric is None or parts.day is None:
            continue
        told.append((found.start(), found.end()))  # the tagger reads "20.12.2019" unreliably
        _add_mention(out, doc, numeric, parts)
    for ent in doc_ents(doc):
        if ent.label_ not in ("DATE", "TIME"):  # "this afternoon" is a TIME
            continue
        if any(a < ent.end_char and ent.start_char < b for a, b in told):
            continue  # read above, with the words that shift it
        start = ent.start
        if _day_before_month(doc, ent):
            start -= 1  # "17 | October 2022": the tagger leaves the day out as a number
        parts = date_parts(doc[start : ent.end].text)
        if parts.specific:
            _add_mention(out, doc, doc[start : ent.end], parts)
    return out


def _add_mention(
    out: dict[int, list[tuple[Mention, DateParts]]], doc: Doc, span: Span, parts: DateParts
) -> None:
    """File the date words of ``span`` under their sentence, with a preceding "on"; a
    deadline ("answer by October 18") is not when anything was said."""
    start, sentence = span.start, span.sent
    if start > sentence.start and doc[start - 1].lower_ in _DEADLINE:
        return
    if start > sentence.start and doc[start - 1].lower_ == "on":
        start -= 1
    words = doc[start : span.end]
    mention = Mention(words.text, words.start_char, words.end_char, kind="said_on")
    out.setdefault(sentence.start, []).append((mention, parts))


def _day_before_month(doc: Doc, ent: Span) -> bool:
    """A day number right before a DATE entity that starts with its month and gives no
    day of its own ("17 October 2022", the entity being "October 2022")."""
    if ent.start == ent.sent.start or not _MONTH.match(ent.text):
        return False
    before = doc[ent.start - 1]
    return before.is_digit and 1 <= int(before.text) <= 31 and date_parts(ent.text).day is None
