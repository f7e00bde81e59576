"""Whether two "when it was said" values can be the same day, and how they differ."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from extract.dates import DateParts, date_parts


@lru_cache(maxsize=65536)  # pure, and asked again for every pair an article is in
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
    """``None`` when they agree or nothing can be claimed, else a discrepancy kind.

    ``conflict`` only when both sides resolve (a yearless month and day counts) and
    cannot be the same day; ``precision`` when one side resolves to a full date and
    the other is coarser, yearless or cannot be resolved, yet both can be the same
    day. A side that gives no date at all is not compared: an article that does not
    say when is not a discrepancy in the date of the statement.
    """
    if not (a_text or a_resolved) or not (b_text or b_resolved):
        return None
    same_day = compatible(a_resolved, a_text, b_resolved, b_text)
    if a_resolved and b_resolved and not same_day:
        return "conflict"
    if not same_day:
        return None  # one side cannot be resolved: no conflict can be claimed
    full_a, full_b = is_full_date(a_resolved), is_full_date(b_resolved)
    return "precision" if full_a != full_b else None


def is_full_date(resolved: str | None) -> bool:
    """True for a value that names one calendar day (``YYYY-MM-DD``)."""
    span = day_span(resolved)
    return span is not None and span[0] == span[1]


Span = tuple[int, int]  # first and last day (proleptic ordinals) a value can name


@lru_cache(maxsize=65536)
def day_span(value: str | None) -> Span | None:
    """The days an ISO value at its precision covers: a whole year for ``YYYY``.

    A timestamp counts by its date; yearless (``--MM-DD``) and unreadable values
    give ``None`` (see :func:`days_apart` for the yearless ones).
    """
    if not value or value.startswith("--"):
        return None
    try:
        pieces = [int(p) for p in value[:10].split("-")]
        if len(pieces) == 1:
            return dt.date(pieces[0], 1, 1).toordinal(), dt.date(pieces[0], 12, 31).toordinal()
        if len(pieces) == 2:
            year, month = pieces
            last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
            return dt.date(year, month, 1).toordinal(), last.toordinal()
        day = dt.date(*pieces[:3]).toordinal()
    except ValueError:
        return None
    return day, day


def _yearless(value: str) -> tuple[int, int] | None:
    try:
        month, day = (int(p) for p in value[2:].split("-"))
    except ValueError:
        return None
    return month, day


def _gap(a: Span, b: Span) -> int:
    return max(0, a[0] - b[1], b[0] - a[1])


def _gap_yearless(month_day: tuple[int, int], span: Span) -> int | None:
    """Days between a yearless date, placed in the years around ``span``, and ``span``."""
    gaps = []
    for year in range(dt.date.fromordinal(span[0]).year - 1, dt.date.fromordinal(span[1]).year + 2):
        try:
            day = dt.date(year, *month_day).toordinal()
        except ValueError:  # 29 February in a common year
            continue
        gaps.append(_gap((day, day), span))
    return min(gaps) if gaps else None


def days_apart(a_values: tuple[str | None, ...], b_values: tuple[str | None, ...]) -> int | None:
    """The smallest gap in days between any date of one article and any of the other.

    Each article brings its publication date and its statement date; the smallest
    gap is taken so that one wrongly resolved date does not part two reports of
    one occasion. ``None`` when no two values can be compared.
    """
    gaps: list[int] = []
    for x in a_values:
        for y in b_values:
            if not x or not y:
                continue
            sx, sy = day_span(x), day_span(y)
            if sx and sy:
                gaps.append(_gap(sx, sy))
            elif sx and y.startswith("--") and (md := _yearless(y)):
                gaps.extend(g for g in [_gap_yearless(md, sx)] if g is not None)
            elif sy and x.startswith("--") and (md := _yearless(x)):
                gaps.extend(g for g in [_gap_yearless(md, sy)] if g is not None)
    return min(gaps) if gaps else None
