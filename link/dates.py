"""Whether two "when it was said" values can be the same day, and how they differ."""

from __future__ import annotations

import datetime as dt

from extract.dates import DateParts, date_parts


def _parts(resolved: str | None, text: str | None) -> DateParts:
    """Parts known of a said_on value: the resolved ISO value first, then the words."""
    words = date_parts(text) if text else DateParts()
    if not resolved:
        return words
    if resolved.startswith("--"):
        month_day = [int(p) for p in resolved[2:].split("-")]
        return DateParts(None, month_day[0], month_day[1], words.weekday)
    pieces: list[int | None] = [int(p) for p in resolved.split("-")]
    year, month, day = [*pieces, None, None][:3]
    if year is not None and month is not None and day is not None:
        return DateParts(year, month, day, dt.date(year, month, day).weekday())
    return DateParts(year, month, day, words.weekday)


def compatible(
    a_resolved: str | None, a_text: str | None, b_resolved: str | None, b_text: str | None
) -> bool:
    """False only when the two values cannot name the same day."""
    a, b = _parts(a_resolved, a_text), _parts(b_resolved, b_text)
    for field in ("year", "month", "day", "weekday"):
        x, y = getattr(a, field), getattr(b, field)
        if x is not None and y is not None and x != y:
            return False
    return True


def compare(
    a_resolved: str | None, a_text: str | None, b_resolved: str | None, b_text: str | None
) -> str | None:
    """``None`` when they agree or cannot be decided, else a discrepancy kind.

    Different precision of compatible values is ``precision``; values that cannot be
    the same day are ``conflict``; one side with no date is ``omission``.
    """
    if not a_text and not b_text:
        return None
    if not a_text or not b_text:
        return "omission"
    if not compatible(a_resolved, a_text, b_resolved, b_text):
        return "conflict"
    a, b = _parts(a_resolved, a_text), _parts(b_resolved, b_text)
    if not a_resolved or not b_resolved:
        return None  # at least one side cannot be resolved: nothing can be claimed
    return "precision" if _finest(a) != _finest(b) else None


def _finest(parts: DateParts) -> str:
    """The finest unit a value states: a yearless "December 15" is still a day."""
    for unit in ("day", "month", "year"):
        if getattr(parts, unit) is not None:
            return unit
    return "none"
