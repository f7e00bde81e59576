"""Resolve a speaker named in one article to a speaker already in the knowledge base."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from extract.names import same_organisation, same_person


@dataclass(frozen=True)
class KnownSpeaker:
    """A stored speaker and every full-name spelling it was written as."""

    speaker_id: int
    kind: str
    names: frozenset[str]


def match_speaker(name: str, kind: str, known: Iterable[KnownSpeaker]) -> int | None:
    """The id of the known speaker ``name`` is a spelling of, or None.

    People match on :func:`extract.names.same_person` (spelling variants yes, shared
    surnames no); organisations on a near-exact name.
    """
    same = same_person if kind == "person" else same_organisation
    for speaker in known:
        if speaker.kind == kind and any(same(name, other) for other in speaker.names):
            return speaker.speaker_id
    return None
