"""The agency a story's dateline credits: what marks two pages as one wire story.

Agencies open their copy with a dateline that names them ("LONDON (Reuters) -",
"Bonn, 17 October 2022 (dpa) -", "PARIS (AFP) —"), and the papers and portals that
carry the story keep that credit while they edit the rest to house style: a title
spelled out, a clause trimmed, the date dropped from the dateline, the last paragraph
cut. Two texts whose leads credit the same agency are versions of one agency story,
which :mod:`ingest.dedup` holds to a lower bar of containment than two pages that
merely share sentences.
"""

from __future__ import annotations

import re

# A dateline: a place (and maybe a date) of at most 60 characters, the agency in
# brackets, then the dash or colon that opens the story.
_DATELINE_CREDIT = re.compile(r"^[^\W\d_][^()\n]{0,60}?\(([^\W\d_][\w&.' -]{0,30}?)\)\s*[-–—:]")


# An uncredited dateline ("SAN FRANCISCO -", "NEW DELHI, June 3 -"): a place in capitals,
# maybe a date, then the dash that opens the story.
_DATELINE = re.compile(r"^[A-Z][A-Z .'/]{1,40}(?:,[^()\n]{0,25}?)?\s*[-–—:]\s+")


def without_dateline(lead: str) -> str:
    """The lead without its dateline: what a site that carries an agency story keeps
    whole when it drops or rewrites the credit ("Facebook said ..." for "SAN FRANCISCO
    (Reuters) - Facebook said ...")."""
    match = _DATELINE_CREDIT.match(lead) or _DATELINE.match(lead)
    return lead[match.end() :].lstrip() if match else lead


def wire_credit(lead: str) -> str | None:
    """The agency the lead's dateline credits, folded ("reuters", "npa"), else None."""
    match = _DATELINE_CREDIT.match(lead.strip())
    return match.group(1).strip().casefold() if match else None


def datelines(text: str) -> list[tuple[int, int]]:
    """Where each dateline that opens a line starts, and where its story starts."""
    found = []
    start = 0
    for line in text.split("\n"):
        story = without_dateline(line)
        if story is not line and story:
            found.append((start, start + len(line) - len(story)))
        start += len(line) + 1
    return found
