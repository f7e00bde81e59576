"""Link: article profiles in, events and typed discrepancies out."""

from __future__ import annotations

from collections.abc import Sequence

from link.discrepancies import event_discrepancies
from link.events import link_events
from link.model import Discrepancy, Event, Profile
from link.settings import LinkSettings
from link.similarity import DocumentFrequencies, article_terms
from link.speakers import KnownSpeaker, match_speaker

__all__ = [
    "Discrepancy",
    "DocumentFrequencies",
    "Event",
    "KnownSpeaker",
    "LinkSettings",
    "Profile",
    "article_terms",
    "link",
    "match_speaker",
]


def link(
    profiles: Sequence[Profile],
    settings: LinkSettings | None = None,
    frequencies: DocumentFrequencies | None = None,
) -> tuple[list[Event], list[Discrepancy]]:
    """Events over ``profiles`` and the discrepancies inside each.

    ``frequencies`` are the stored document frequencies of the whole knowledge base;
    without them they are counted over ``profiles``.
    """
    settings = settings or LinkSettings()
    events = link_events(profiles, settings, frequencies)
    by_id = {p.article_id: p for p in profiles}
    discrepancies = [
        d for e in events if len(e.article_ids) > 1 for d in event_discrepancies(e, by_id)
    ]
    return events, discrepancies
