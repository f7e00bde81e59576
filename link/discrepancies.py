"""Typed discrepancies between the articles of one event.

Every field that differs between two articles gives a row: the field, both values,
both evidence spans, a kind (conflict, precision, omission, variant, as DESIGN.md
defines them) and one plain sentence for a reader. Values that agree once resolved
are not discrepancies, and no conflict is claimed without the information to
decide it. Every pair of original articles is compared, and each copy with its
original (a near-copy may cut or change what it copies).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import combinations

from rapidfuzz import fuzz

from extract.names import same_organisation, same_person
from extract.resources import DATA_DIR
from ingest.datafiles import load_mapping
from link.dates import compare as compare_dates
from link.model import Discrepancy, Event, Evidence, Figure, Profile

Add = Callable[
    [
        str,
        str,
        "Evidence | Figure | None",
        "Evidence | Figure | None",
        "str | None",
        "str | None",
        str,
    ],
    None,
]

STANCE_WORDS = {
    "positive:asserted": "states it",
    "positive:possible": "says it may happen",
    "negative:asserted": "rules it out",
    "negative:possible": "says it may not happen",
}

# Two account figures are compared only when they are of one size: a rounder figure
# of the same count ("more than 4,300", "hundreds", "dozens") is within 2.5 times the
# exact one on the dev corpus (widest: "hundreds" for 220, "more than 100" for 220);
# two exact figures for one count differ by at most 1.35 times there, while figures for
# other networks or totals of the same article differ by 1.6 times or more.
PRECISION_RATIO = 2.5
CONFLICT_RATIO = 1.5
GENERIC_DEMAND = "other"
# Two "other:" demands of a pair of articles are one ask at this token set ratio or above.
# Calibrated on the working sets of the development corpora: gold demand discrepancies
# found are the same from 60 to 80 (dev4 10 of 10, dev5 12 of 12, dev2 9 of 9), and 50
# merges two different asks of a dev4 pair; 70 is the middle of that range.
OTHER_DEMAND_SIMILARITY = 70


def event_discrepancies(event: Event, by_id: Mapping[str, Profile]) -> list[Discrepancy]:
    """Discrepancies between every two articles of ``event``, copies included: a reader
    comparing an outlet's re-run with a third outlet's story sees what differs between
    the two pages, whether the re-run's edit or its original made the difference."""
    members = sorted(
        (by_id[a] for a in event.article_ids), key=lambda p: (p.published or "", p.article_id)
    )
    found: list[Discrepancy] = []
    for a, b in combinations(members, 2):
        original_first = (b, a) if a.duplicate_of == b.article_id else (a, b)
        found.extend(pair_discrepancies(event.event_id, *original_first))
    return found


def pair_discrepancies(event_id: str, a: Profile, b: Profile) -> list[Discrepancy]:
    """Discrepancies between two articles, field by field."""
    out: list[Discrepancy] = []

    def add(
        field: str,
        kind: str,
        ea: Evidence | Figure | None,
        eb: Evidence | Figure | None,
        value_a: str | None,
        value_b: str | None,
        why: str,
    ) -> None:
        out.append(
            Discrepancy(
                event_id=event_id,
                field=field,
                kind=kind,
                article_a=a.article_id,
                article_b=b.article_id,
                value_a=value_a,
                value_b=value_b,
                a_start=ea.start if ea else None,
                a_end=ea.end if ea else None,
                b_start=eb.start if eb else None,
                b_end=eb.end if eb else None,
                explanation=why,
            )
        )

    _speakers(a, b, add)
    _said_on(a, b, add)
    _accounts(a, b, add)
    _group_spellings(a, b, add)
    for field in ("groups", "platforms"):
        _sets(field, getattr(a, field), getattr(b, field), a, b, add)
    _demands(a, b, add)
    _stances(a, b, add)
    return out


@lru_cache(maxsize=4096)
def _fold(name: str) -> str:
    """A name without accents, hyphens or case: "Lund-Berg" is "lund berg".

    Kept for the names seen last: every pair of an event's articles compares its
    speakers' names, so one name was folded hundreds of times (39,028 folds for the
    10,541 discrepancies of the dev-corpus variants)."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return plain.replace("-", " ").casefold()


def _names(profile: Profile, sid: int) -> list[str]:
    spelling = profile.speaker_spellings.get(sid)
    return [profile.speakers[sid], *([spelling.value] if spelling else [])]


def _one_speaker(a: Profile, sa: int, b: Profile, sb: int) -> bool:
    """The same speaker across two articles: one stored id, or names that match once
    accents and hyphens are folded (stored ids are resolved without that folding)."""
    if sa == sb:
        return True
    for x in _names(a, sa):
        for y in _names(b, sb):
            fx, fy = _fold(x), _fold(y)
            if fx == fy or same_person(fx, fy) or same_organisation(fx, fy):
                return True
    return False


def _speaker_pairs(a: Profile, b: Profile) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for sa in sorted(a.speakers, key=lambda s: (s not in b.speakers, s)):
        match = next(
            (sb for sb in sorted(b.speakers) if sb not in used and _one_speaker(a, sa, b, sb)),
            None,
        )
        if match is not None:
            used.add(match)
            pairs.append((sa, match))
    return pairs


def _speakers(a: Profile, b: Profile, add: Add) -> None:
    pairs = _speaker_pairs(a, b)
    for sa, sb in pairs:
        name_a, name_b = a.speaker_spellings.get(sa), b.speaker_spellings.get(sb)
        if name_a and name_b and name_a.value != name_b.value:
            add(
                "speaker_name",
                "variant",
                name_a,
                name_b,
                name_a.value,
                name_b.value,
                f"The same speaker is spelled “{name_a.value}” by {a.outlet} "
                f"and “{name_b.value}” by {b.outlet}.",
            )
        _titles(a.speakers[sa], a.speaker_titles.get(sa, ()), b.speaker_titles.get(sb, ()), add)
    only_a = sorted(set(a.speakers) - {sa for sa, _ in pairs})
    only_b = sorted(set(b.speakers) - {sb for _, sb in pairs})
    if not only_a and not only_b:
        return
    add(
        "speakers",
        "omission",
        a.speaker_spellings.get(only_a[0]) if only_a else None,
        b.speaker_spellings.get(only_b[0]) if only_b else None,
        json.dumps([a.speakers[s] for s in sorted(a.speakers)], ensure_ascii=False),
        json.dumps([b.speakers[s] for s in sorted(b.speakers)], ensure_ascii=False),
        "The articles quote different people: "
        + "; ".join(
            f"only {p.outlet} quotes {', '.join(p.speakers[s] for s in ids)}"
            for p, ids in ((a, only_a), (b, only_b))
            if ids
        )
        + ".",
    )


_PORTFOLIO = re.compile(r"\b(?:of|for)\s+(?:the\s+)?(.+)$", re.IGNORECASE)


def _portfolio(title: str) -> frozenset[str]:
    """The words of what a title is in charge of ("head of safety": {"safety"})."""
    found = _PORTFOLIO.search(title)
    return frozenset(found.group(1).casefold().split()) if found else frozenset()


def _titles(who: str, ta: Sequence[Evidence], tb: Sequence[Evidence], add: Add) -> None:
    """A title worded differently is a variant; one post in charge of other things
    ("head of safety", "head of security": neither portfolio holds the other) is a
    conflict; a title only one side gives is not compared (an outlet that names the
    speaker without a title contradicts nothing)."""
    if not ta or not tb:
        return
    folded_a = {t.value.casefold() for t in ta}
    folded_b = {t.value.casefold() for t in tb}
    if folded_a == folded_b:
        return
    names_a = sorted({t.value for t in ta}, key=str.casefold)
    names_b = sorted({t.value for t in tb}, key=str.casefold)
    only_a = [t for t in ta if t.value.casefold() not in folded_b]
    only_b = [t for t in tb if t.value.casefold() not in folded_a]
    xa, xb = only_a[0] if only_a else ta[0], only_b[0] if only_b else tb[0]
    pa, pb = _portfolio(xa.value), _portfolio(xb.value)
    if pa and pb and not (pa <= pb or pb <= pa):
        add(
            "speaker_title",
            "conflict",
            xa,
            xb,
            "; ".join(names_a),
            "; ".join(names_b),
            f"{who}'s post is given as “{xa.value}” and as “{xb.value}”: "
            "in charge of different things, both cannot be right.",
        )
        return
    add(
        "speaker_title",
        "variant",
        xa,
        xb,
        "; ".join(names_a),
        "; ".join(names_b),
        f"{who}'s title is written differently: “{'; '.join(names_a)}” vs “{'; '.join(names_b)}”.",
    )


def _said_on(a: Profile, b: Profile, add: Add) -> None:
    ta = a.said_on_text.text if a.said_on_text else None
    tb = b.said_on_text.text if b.said_on_text else None
    kind = compare_dates(a.said_on, ta, b.said_on, tb)
    if kind is None:
        return
    if kind == "conflict":
        why = (
            f"{a.outlet} dates the statement {_day(a.said_on)} (“{ta}”), {b.outlet} "
            f"{_day(b.said_on)} (“{tb}”): they cannot be the same day."
        )
    else:
        coarse, fine = (b, a) if len(a.said_on or "") >= len(b.said_on or "") else (a, b)
        words = coarse.said_on_text.text if coarse.said_on_text else ""
        why = (
            f"{fine.outlet} dates the statement {_day(fine.said_on)}; {coarse.outlet} says "
            f"“{words}”"
            + (f" ({_day(coarse.said_on)})" if coarse.said_on else ", which cannot be resolved")
            + ": compatible, less precise."
        )
    add("said_on", kind, a.said_on_text, b.said_on_text, a.said_on or ta, b.said_on or tb, why)


def _day(value: str | None) -> str:
    """An ISO value as a reader takes it: a yearless ``--10-10`` is "10-10, year not given"."""
    if value and value.startswith("--"):
        return f"{value[2:]}, year not given,"
    return value or "no date"


def _size(figure: Figure) -> float:
    """One number standing for an interval, to tell figures of one count from others."""
    low, high = figure.min, figure.max
    if low is not None and high is not None:
        return math.sqrt(max(low, 1) * max(high, 1))
    return float(max(low if low is not None else high or 1, 1))


@cache
def _approximations() -> tuple[str, ...]:
    """The modifiers of ``quantities.yml`` that leave a figure at its number ("about",
    "roughly", "an estimated"): the figure is rounded, not exact."""
    modifiers = load_mapping(DATA_DIR / "quantities.yml").get("modifiers") or {}
    return tuple(
        f"{phrase} "
        for phrase, bounds in modifiers.items()
        if isinstance(bounds, dict) and bounds.get("min") == "n" and bounds.get("max") == "n"
    )


def _as_rounded(figure: Figure) -> Figure:
    """An approximate round figure as the interval its rounding allows: "roughly 260"
    is 250..270, "about 3,800" 3,700..3,900 (one unit of its last non-zero digit
    either side, at most a tenth of it), so that it is another precision of "259" or
    "3,841", not a conflict."""
    n = figure.min
    if n is None or n != figure.max or n < 10 or n % 10:
        return figure
    if not figure.text.casefold().startswith(_approximations()):
        return figure
    unit = 10
    while n % (unit * 10) == 0:
        unit *= 10
    unit = min(unit, n // 10)  # "about 1,000" is 900..1,100, not 0..2,000
    return replace(figure, min=n - unit, max=n + unit)


def _overlap(x: Figure, y: Figure) -> bool:
    x, y = _as_rounded(x), _as_rounded(y)
    low = max(v for v in (x.min, y.min, 0) if v is not None)
    highs = [v for v in (x.max, y.max) if v is not None]
    return not highs or low <= min(highs)


def _same(x: Figure, y: Figure) -> bool:
    return (x.min, x.max) == (y.min, y.max)


Bounds = tuple[int | None, int | None]


@dataclass(frozen=True)
class _Match:
    kind: str
    ratio: float
    mine: Figure
    other: Figure


def _ratio(x: Figure, y: Figure) -> float:
    sizes = sorted((_size(x), _size(y)))
    return sizes[1] / sizes[0]


def _agrees(x: Figure, y: Figure) -> bool:
    """The same count, at the same or another precision."""
    return _same(x, y) or (_overlap(x, y) and _ratio(x, y) <= PRECISION_RATIO)


# A platform named right after a figure is the figure's ("41,000 Instagram accounts"):
# at most this many characters between them (the space).
PLATFORM_GAP = 2


def _platform_of(figure: Figure, platforms: Sequence[Evidence]) -> str | None:
    """The platform a figure counts accounts on, when the text names it next to it."""
    for mention in platforms:
        if mention.start is not None and 0 <= mention.start - figure.end <= PLATFORM_GAP:
            return mention.value
    return None


def _other_scope(x: str | None, y: str | None) -> bool:
    """Two figures known to count accounts on different platforms."""
    return x is not None and y is not None and x != y


def _best_match(
    figure: Figure,
    others: Sequence[Figure],
    mine: Sequence[Figure],
    scope: Callable[[Figure, Figure], bool] = lambda _x, _y: False,
) -> _Match | None:
    """The figure of the other article that ``figure`` is most likely another
    wording of, and how they differ; ``None`` when none is of its size.

    A conflict is claimed only with a figure that nothing on this side agrees with:
    a figure the other article shares with this one in other words already has its
    counterpart, and ``figure`` then counts something else. A figure on another
    platform (``scope``) counts something else too.
    """
    found = []
    for other in others:
        if scope(figure, other):
            continue
        ratio = _ratio(figure, other)
        if _overlap(figure, other) and ratio <= PRECISION_RATIO:
            found.append(_Match("precision", ratio, figure, other))
        elif (
            not _overlap(figure, other)
            and ratio <= CONFLICT_RATIO
            and not any(_agrees(m, other) for m in mine if m is not figure)
        ):
            found.append(_Match("conflict", ratio, figure, other))
    return min(found, key=lambda m: (m.ratio, m.other.start), default=None)


def _accounts(a: Profile, b: Profile, add: Add) -> None:
    """Each figure one side gives and the other does not give identically is set
    against the other's figure of its size: compatible (precision) or not (conflict).
    Figures of other sizes count other things (other networks, totals) and are left
    alone, as are figures on another platform; one figure given for one platform by
    one side and for another by the other is a conflict. A side with no figure at
    all is an omission."""
    if not a.accounts and not b.accounts:
        return
    if not a.accounts or not b.accounts:
        side, other = (a, b) if a.accounts else (b, a)
        add(
            "accounts",
            "omission",
            a.accounts[0] if a.accounts else None,
            b.accounts[0] if b.accounts else None,
            ", ".join(dict.fromkeys(f.text for f in a.accounts)) or None,
            ", ".join(dict.fromkeys(f.text for f in b.accounts)) or None,
            f"{side.outlet} reports {', '.join(dict.fromkeys(f.text for f in side.accounts))} "
            "accounts; "
            f"{other.outlet} gives no number of accounts.",
        )
        return
    platform = {f: _platform_of(f, a.platforms) for f in a.accounts}
    platform.update({f: _platform_of(f, b.platforms) for f in b.accounts})

    def scope(x: Figure, y: Figure) -> bool:
        return _other_scope(platform.get(x), platform.get(y))

    rows: dict[tuple[Bounds, Bounds], _Match] = {}
    for mine, others, flip in ((a.accounts, b.accounts, False), (b.accounts, a.accounts, True)):
        for figure in mine:
            if any(_same(figure, other) and not scope(figure, other) for other in others):
                continue
            moved = next((o for o in others if _same(figure, o)), None)
            match = (
                _Match("conflict", 1.0, figure, moved)
                if moved is not None
                else _best_match(figure, others, mine, scope)
            )
            if match is None:
                continue
            fa, fb = (match.other, figure) if flip else (figure, match.other)
            rows.setdefault(
                ((fa.min, fa.max), (fb.min, fb.max)), _Match(match.kind, match.ratio, fa, fb)
            )
    # Several wordings on one side of the count the other gives once ("thousands" and
    # "more than 4,300" against "4,317") are one difference of precision: the closest.
    moved_platforms = {
        platform[f] for m in rows.values() if scope(m.mine, m.other) for f in (m.mine, m.other)
    }
    _platform_omission(a, b, platform, moved_platforms, add)
    worded: set[tuple[str, Bounds]] = set()
    for key, match in sorted(rows.items(), key=lambda kv: (kv[1].ratio, kv[1].mine.start)):
        if match.kind == "precision":
            sides = {("a", key[0]), ("b", key[1])}
            if sides & worded:
                continue
            worded |= sides
        fa, fb = match.mine, match.other
        why = _accounts_why(a, fa, b, fb, match)
        if scope(fa, fb):
            why = (
                f"{a.outlet} gives “{fa.text}” {platform[fa]} accounts, {b.outlet} "
                f"“{fb.text}” {platform[fb]} accounts: the same figure, on different platforms."
            )
        add("accounts", match.kind, fa, fb, fa.text, fb.text, why)


def _platform_omission(
    a: Profile,
    b: Profile,
    platform: Mapping[Figure, str | None],
    moved: set[str | None],
    add: Add,
) -> None:
    """Both sides count accounts platform by platform, and one gives a count for a
    platform the other gives none for: an omission of that platform's count (unless
    the count is the one the other side gives for another platform, a conflict)."""
    on_a = {p: f for f in reversed(a.accounts) if (p := platform[f]) and p not in moved}
    on_b = {p: f for f in reversed(b.accounts) if (p := platform[f]) and p not in moved}
    if not on_a or not on_b:
        return
    only_a, only_b = sorted(set(on_a) - set(on_b)), sorted(set(on_b) - set(on_a))
    if not only_a and not only_b:
        return
    parts = [
        f"only {side.outlet} gives a count for {name} (“{counts[name].text}”)"
        for side, names, counts in ((a, only_a, on_a), (b, only_b, on_b))
        for name in names
    ]
    fa = on_a[only_a[0]] if only_a else None
    fb = on_b[only_b[0]] if only_b else None
    add(
        "accounts",
        "omission",
        fa,
        fb,
        fa.text if fa else None,
        fb.text if fb else None,
        "Account counts by platform differ: " + "; ".join(parts) + ".",
    )


def _accounts_why(a: Profile, fa: Figure, b: Profile, fb: Figure, match: _Match) -> str:
    said = f"{a.outlet} reports “{fa.text}” accounts, {b.outlet} “{fb.text}”"
    if match.kind == "conflict":
        return f"{said}: both cannot be true."
    return f"{said}: both can be true, at different precision."


def _full_form(mentions: Sequence[Evidence]) -> Evidence:
    """The longest way an article writes a group: its name spelled out, when it is."""
    return max(mentions, key=lambda m: (len(m.text), -(m.start or 0)))


def _group_spellings(a: Profile, b: Profile, add: Add) -> None:
    """One group that the two articles never write the same way, or whose names
    spelled out differ ("Northern Farmers' League" vs "Farmers' League"), is a
    variant. A side that only abbreviates spells nothing out to compare."""
    forms_a: dict[str, list[Evidence]] = {}
    forms_b: dict[str, list[Evidence]] = {}
    for forms, profile in ((forms_a, a), (forms_b, b)):
        for mention in profile.groups:
            forms.setdefault(mention.value, []).append(mention)
    for group in sorted(set(forms_a) & set(forms_b)):
        written_a = {m.text for m in forms_a[group]}
        written_b = {m.text for m in forms_b[group]}
        xa, xb = forms_a[group][0], forms_b[group][0]
        if written_a & written_b:
            xa, xb = _full_form(forms_a[group]), _full_form(forms_b[group])
            spelled = len(written_a) > 1 and len(written_b) > 1
            if not spelled or xa.text.casefold() == xb.text.casefold():
                continue
        add(
            "groups",
            "variant",
            xa,
            xb,
            xa.text,
            xb.text,
            f"{group} is written “{xa.text}” by {a.outlet} and “{xb.text}” by {b.outlet}.",
        )


def _sets(
    field: str,
    ea: Sequence[Evidence],
    eb: Sequence[Evidence],
    a: Profile,
    b: Profile,
    add: Add,
) -> None:
    va = sorted({e.value for e in ea})
    vb = sorted({e.value for e in eb})
    if va == vb:
        return
    missing_b = [e for e in ea if e.value not in vb]
    missing_a = [e for e in eb if e.value not in va]
    parts = []
    if missing_b:
        parts.append(f"only {a.outlet} names {', '.join(sorted({e.value for e in missing_b}))}")
    if missing_a:
        parts.append(f"only {b.outlet} names {', '.join(sorted({e.value for e in missing_a}))}")
    add(
        field,
        "omission",
        missing_b[0] if missing_b else None,
        missing_a[0] if missing_a else None,
        json.dumps(va, ensure_ascii=False),
        json.dumps(vb, ensure_ascii=False),
        f"Different {field}: " + "; ".join(parts) + ".",
    )


def _demands(a: Profile, b: Profile, add: Add) -> None:
    """A label one side reports and the other does not is an omission; a label both
    report, with no wording in common, is a variant. A demand's text is the words it
    is written with, from the asking word to the asked action ("ordered X to remove",
    "asked to take down", "must reply"): "ordered" and "asked" for one removal are one
    demand written differently, while "urged the platforms to remove" and "urged
    platforms to remove" are one wording. Demands outside the taxonomy ("other: <the
    words>") are one demand when their words share most of theirs
    (:func:`_same_other`): a call to lift a block one side alone reports is an
    omission, as a labelled one is."""
    demands_a, demands_b = _folded(a.demands, b.demands)
    _sets("demands", demands_a, demands_b, a, b, add)
    for label in sorted({d.value for d in demands_a} & {d.value for d in demands_b}):
        cues_a = [d for d in demands_a if d.value == label]
        cues_b = [d for d in demands_b if d.value == label]
        if {_wording(d) for d in cues_a} & {_wording(d) for d in cues_b}:
            continue
        xa, xb = cues_a[0], cues_b[0]
        what = (
            "a demand outside the taxonomy"
            if label.startswith(GENERIC_DEMAND + ":")
            else f"the same demand ({label.replace('_', ' ')})"
        )
        add(
            "demands",
            "variant",
            xa,
            xb,
            xa.text,
            xb.text,
            f"Both report {what}, worded “{xa.text}” by {a.outlet} and “{xb.text}” by {b.outlet}.",
        )


def _folded(
    demands_a: Sequence[Evidence], demands_b: Sequence[Evidence]
) -> tuple[list[Evidence], list[Evidence]]:
    """Both sides' demands with each "other: <the words>" of ``demands_b`` read under
    the label of the first of ``demands_a`` it is the same demand as, so that an ask
    outside the taxonomy is matched across outlets by what it asks."""
    others_a = [d for d in demands_a if d.value.startswith(GENERIC_DEMAND + ":")]
    folded_b = []
    for demand in demands_b:
        same = None
        if demand.value.startswith(GENERIC_DEMAND + ":"):
            same = next((o for o in others_a if _same_other(o.value, demand.value)), None)
        folded_b.append(
            demand if same is None else Evidence(same.value, demand.text, demand.start, demand.end)
        )
    return list(demands_a), folded_b


def _same_other(x: str, y: str) -> bool:
    """Two asks outside the taxonomy are one when the words of the shorter are mostly
    the longer's (rapidfuzz's token set ratio of the words after "other:", at least
    ``OTHER_DEMAND_SIMILARITY``)."""
    words_x, words_y = (v.split(":", 1)[1].casefold() for v in (x, y))
    return fuzz.token_set_ratio(words_x, words_y) >= OTHER_DEMAND_SIMILARITY


def _wording(demand: Evidence) -> tuple[str, ...]:
    """A demand's asking word and its action: the first and last words of its text
    ("urged the platforms to remove" and "urged platforms to remove" are one wording;
    "ordered X to remove" and "asked X to remove" are two)."""
    words = re.findall(r"\w[\w'-]*", demand.text.casefold())
    return (words[0], words[-1]) if words else ()


def _polarity(stance: str) -> str:
    return stance.split(":", 1)[0]


def _stances(a: Profile, b: Profile, add: Add) -> None:
    for topic in sorted(set(a.stances) & set(b.stances)):
        pa = {_polarity(e.value) for e in a.stances[topic]}
        pb = {_polarity(e.value) for e in b.stances[topic]}
        if pa == pb or (pa & pb and len(pa) == len(pb) == 2):
            continue
        pair = next(
            (
                (x, y)
                for x in a.stances[topic]
                for y in b.stances[topic]
                if _polarity(x.value) != _polarity(y.value)
                and (_polarity(y.value) not in pa or _polarity(x.value) not in pb)
            ),
            None,
        )
        if pair is None:
            continue
        x, y = pair
        add(
            topic,
            "conflict",
            x,
            y,
            x.text,
            y.text,
            f"On {topic.replace('_', ' ')}, {a.outlet} {STANCE_WORDS.get(x.value, x.value)} "
            f"while {b.outlet} {STANCE_WORDS.get(y.value, y.value)}.",
        )
