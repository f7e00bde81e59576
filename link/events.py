"""Group articles that report the same statement or occasion into events.

Articles are compared only inside blocks that share a speaker, and inside a block
only with their nearest neighbours by date, so the work grows with the number of
articles times the block window, not with its square. Two articles join when their
dates can be the same day, their publication dates are close, and their attributed
statements are alike (``link.similarity``). Duplicates follow their original.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence

from link.dates import compatible
from link.model import Event, Profile
from link.settings import LinkSettings
from link.similarity import content_words, cosine, idf


def _days(value: str | None) -> int | None:
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def _can_join(a: Profile, b: Profile, settings: LinkSettings) -> bool:
    da, db = _days(a.published), _days(b.published)
    if da is not None and db is not None and abs(da - db) > settings.max_days_apart:
        return False
    return compatible(
        a.said_on,
        a.said_on_text.text if a.said_on_text else None,
        b.said_on,
        b.said_on_text.text if b.said_on_text else None,
    )


def candidate_pairs(profiles: Sequence[Profile], settings: LinkSettings) -> set[tuple[int, int]]:
    """Index pairs that share a speaker and are near each other by date (the blocking)."""
    blocks: dict[int, list[int]] = defaultdict(list)
    for index, profile in enumerate(profiles):
        for speaker_id in profile.speakers:
            blocks[speaker_id].append(index)
    days = [_days(p.published) for p in profiles]
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        ordered = sorted(
            members, key=lambda i: (profiles[i].published or "", profiles[i].article_id)
        )
        for position, i in enumerate(ordered):
            for j in reversed(ordered[max(0, position - settings.neighbours) : position]):
                di, dj = days[i], days[j]
                if di is not None and dj is not None and di - dj > settings.max_days_apart:
                    break  # sorted by date: every earlier article is further away
                pairs.add((min(i, j), max(i, j)))
    return pairs


def link_events(profiles: Sequence[Profile], settings: LinkSettings) -> list[Event]:
    """Events over ``profiles``; every profile ends in exactly one event."""
    originals = [p for p in profiles if p.duplicate_of is None]
    bags = [content_words(p.claim_text) for p in originals]
    weights = idf(bags)
    scored = []
    for i, j in candidate_pairs(originals, settings):
        if not _can_join(originals[i], originals[j], settings):
            continue
        score = cosine(bags[i], bags[j], weights)
        if score >= settings.min_similarity:
            scored.append((score, i, j))
    cluster = list(range(len(originals)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(originals))}

    def find(i: int) -> int:
        while cluster[i] != i:
            cluster[i] = cluster[cluster[i]]
            i = cluster[i]
        return i

    for _score, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        if all(
            _can_join(originals[x], originals[y], settings)
            for x in members[ri]
            for y in members[rj]
        ):
            cluster[rj] = ri
            members[ri].extend(members.pop(rj))
    groups: dict[str, list[Profile]] = {}
    root_of: dict[str, str] = {}
    for i, profile in enumerate(originals):
        root = originals[find(i)].article_id
        groups.setdefault(root, []).append(profile)
        root_of[profile.article_id] = root
    for profile in profiles:
        if profile.duplicate_of is not None:
            # a duplicate whose original is not being linked keys a group of its own
            root = root_of.get(profile.duplicate_of, profile.duplicate_of)
            groups.setdefault(root, []).append(profile)
    return [_event(group) for group in groups.values()]


def _event(group: list[Profile]) -> Event:
    ids = tuple(sorted(p.article_id for p in group))
    published = sorted(p.published for p in group if p.published)
    speakers = Counter(name for p in group for name in p.speakers.values())
    said = next((p.said_on for p in group if p.said_on), None)
    said_text = next((p.said_on_text.text for p in group if p.said_on_text), None)
    who = ", ".join(name for name, _ in speakers.most_common(3)) or "Unattributed"
    when = said or said_text or (published[0] if published else "date unknown")
    first_claim = next((p.claim_text for p in group if p.claim_text), "")
    gist = first_claim[:90].rsplit(" ", 1)[0] + "…" if len(first_claim) > 90 else first_claim
    return Event(
        event_id="ev-" + hashlib.sha256(ids[0].encode()).hexdigest()[:10],
        label=f"{who} · {when} · {gist}".strip(" ·"),
        article_ids=ids,
        said_on=said,
        first_published=published[0] if published else None,
        last_published=published[-1] if published else None,
        outlets=tuple(sorted({p.outlet for p in group})),
    )
