"""Typed discrepancies between the articles of one event.

Every field that differs between two articles gives one row: the field, both
values, both evidence spans, a kind (conflict, precision, omission, variant, as
DESIGN.md defines them) and one plain sentence for a reader. Values that agree once
resolved are not discrepancies, and no conflict is claimed without the information
to decide it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from itertools import combinations

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


def event_discrepancies(event: Event, by_id: Mapping[str, Profile]) -> list[Discrepancy]:
    """All discrepancies between pairs of original (non-duplicate) articles of ``event``."""
    members = sorted(
        (by_id[a] for a in event.article_ids if by_id[a].duplicate_of is None),
        key=lambda p: (p.published or "", p.article_id),
    )
    found: list[Discrepancy] = []
    for a, b in combinations(members, 2):
        found.extend(pair_discrepancies(event.event_id, a, b))
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
    for field, label in (("groups", "groups"), ("platforms", "platforms"), ("demands", "demands")):
        _sets(field, label, getattr(a, field), getattr(b, field), a, b, add)
    _stances(a, b, add)
    return out


def _speakers(a: Profile, b: Profile, add: Add) -> None:
    shared = sorted(set(a.speakers) & set(b.speakers))
    for sid in shared:
        sa, sb = a.speaker_spellings.get(sid), b.speaker_spellings.get(sid)
        if sa and sb and sa.value != sb.value:
            add(
                "speaker_name",
                "variant",
                sa,
                sb,
                sa.value,
                sb.value,
                f"The same speaker is spelled “{sa.value}” by {a.outlet} "
                f"and “{sb.value}” by {b.outlet}.",
            )
        ta = a.speaker_titles.get(sid, ())
        tb = b.speaker_titles.get(sid, ())
        names_a = sorted({t.value for t in ta}, key=str.casefold)
        names_b = sorted({t.value for t in tb}, key=str.casefold)
        if {n.casefold() for n in names_a} == {n.casefold() for n in names_b}:
            continue
        who = a.speakers[sid]
        if names_a and names_b:
            only_a = [t for t in ta if t.value.casefold() not in {n.casefold() for n in names_b}]
            only_b = [t for t in tb if t.value.casefold() not in {n.casefold() for n in names_a}]
            add(
                "speaker_title",
                "variant",
                only_a[0] if only_a else ta[0],
                only_b[0] if only_b else tb[0],
                "; ".join(names_a),
                "; ".join(names_b),
                f"{who}'s title is written differently: "
                f"“{'; '.join(names_a)}” vs “{'; '.join(names_b)}”.",
            )
        else:
            add(
                "speaker_title",
                "omission",
                ta[0] if ta else None,
                tb[0] if tb else None,
                "; ".join(names_a) or None,
                "; ".join(names_b) or None,
                f"Only one article gives {who}'s title.",
            )
    missing_b = sorted(set(a.speakers) - set(b.speakers))
    missing_a = sorted(set(b.speakers) - set(a.speakers))
    if missing_a or missing_b:
        first_a = a.speaker_spellings.get(missing_b[0]) if missing_b else None
        first_b = b.speaker_spellings.get(missing_a[0]) if missing_a else None
        add(
            "speakers",
            "omission",
            first_a,
            first_b,
            json.dumps([a.speakers[s] for s in sorted(a.speakers)]),
            json.dumps([b.speakers[s] for s in sorted(b.speakers)]),
            "The articles quote different people: "
            + "; ".join(
                f"only {p.outlet} quotes {', '.join(p.speakers[s] for s in ids)}"
                for p, ids in ((a, missing_b), (b, missing_a))
                if ids
            )
            + ".",
        )


def _said_on(a: Profile, b: Profile, add: Add) -> None:
    ta = a.said_on_text.text if a.said_on_text else None
    tb = b.said_on_text.text if b.said_on_text else None
    kind = compare_dates(a.said_on, ta, b.said_on, tb)
    if kind is None:
        return
    why = {
        "omission": "Only one article says when the statement was made.",
        "conflict": f"The dates cannot be the same day: “{ta}” vs “{tb}”.",
        "precision": f"The dates agree at different precision: {a.said_on} vs {b.said_on}.",
    }[kind]
    add("said_on", kind, a.said_on_text, b.said_on_text, a.said_on or ta, b.said_on or tb, why)


def _overlap(x: Figure, y: Figure) -> bool:
    low = max(v for v in (x.min, y.min, 0) if v is not None)
    highs = [v for v in (x.max, y.max) if v is not None]
    return not highs or low <= min(highs)


def _same(x: Figure, y: Figure) -> bool:
    return (x.min, x.max) == (y.min, y.max)


def _accounts(a: Profile, b: Profile, add: Add) -> None:
    if not a.accounts and not b.accounts:
        return
    if not a.accounts or not b.accounts:
        side = a if a.accounts else b
        add(
            "accounts",
            "omission",
            a.accounts[0] if a.accounts else None,
            b.accounts[0] if b.accounts else None,
            ", ".join(f.text for f in a.accounts) or None,
            ", ".join(f.text for f in b.accounts) or None,
            f"Only {side.outlet} gives a number of accounts.",
        )
        return
    reported: set[tuple[str, str]] = set()
    for mine, others, flip in ((a.accounts, b.accounts, False), (b.accounts, a.accounts, True)):
        for figure in mine:
            if any(_same(figure, other) for other in others):
                continue
            partner = next((o for o in others if _overlap(figure, o)), None)
            kind = "precision" if partner is not None else "conflict"
            fa, fb = ((partner or others[0]), figure) if flip else (figure, (partner or others[0]))
            if (fa.text, fb.text) in reported:
                continue
            reported.add((fa.text, fb.text))
            why = (
                f"“{fa.text}” and “{fb.text}” can both be true, at different precision."
                if kind == "precision"
                else f"“{fa.text}” and “{fb.text}” cannot both be true."
            )
            add("accounts", kind, fa, fb, fa.text, fb.text, why)


def _sets(
    field: str,
    label: str,
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
        parts.append(f"{a.outlet} names {', '.join(sorted({e.value for e in missing_b}))}")
    if missing_a:
        parts.append(f"{b.outlet} names {', '.join(sorted({e.value for e in missing_a}))}")
    add(
        field,
        "omission",
        missing_b[0] if missing_b else None,
        missing_a[0] if missing_a else None,
        json.dumps(va),
        json.dumps(vb),
        f"Different {label}: " + "; ".join(parts) + ", the other does not.",
    )


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
