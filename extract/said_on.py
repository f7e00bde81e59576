"""When the main statement was made: which date words of the article date it.

Decides the ``said_on`` of an article from where date words stand (the words
themselves are read and resolved by :mod:`extract.dates`), by priority: a day
attached to the takedown itself (its announcement or its order: the main statement
of a takedown story, not the reactions to it; lemmas in ``data/said_on.yml``), the
main claim's sentence, the lede (with its dateline), a sentence naming the occasion
(``occasions`` in ``speech.yml``: "briefing", "statement"), then any attributed
sentence. A bare year counts only in the main claim's sentence, and only when no
finer date is found; a bare month ("in June") never; timestamps and lines without a
verb (bylines, "Updated" lines) never, nor a day after the article's date (what is to
come). A dated dateline gives the day the story was filed: it anchors "yesterday" but
dates the statement only when neither the main claim, nor the lede, nor a sentence
naming the occasion gives a date (another speaker's dated sentence does not).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from extract.dates import DateParts, date_mentions, dateline_mention, period_days, resolve
from extract.doccache import doc_text
from extract.model import Claim, Mention
from extract.resources import DATA_DIR, Resources
from ingest.datafiles import entry_text, load_mapping, non_empty_list

_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_TAKEDOWN, _MAIN, _LEDE, _OCCASION, _CLAIM = -1, 0, 1, 2, 3
_LAST_RESORT = 9
# How far below the word a date hangs from a takedown word may sit: "ordered X on
# Monday to remove" (1), "a report on May 3 in which it said it had removed" (2).
_TAKEDOWN_DEPTH = 2
# A takedown dated longer than this before publication is background (an earlier
# network), not the one reported; in the dev corpus the largest gap is 8 days.
_TAKEDOWN_RECENT_DAYS = 14
# Prepositions whose object is what a verb is about, not what it does ("asked about
# the removals", "a row over the suspension").
_TOPIC_PREPOSITIONS = frozenset({"about", "over"})
# Words that put a takedown before the story's act ("followed the removal", "after the ban").
_AFTER_VERBS = frozenset({"follow"})
_AFTER_PREPOSITIONS = frozenset({"after", "following", "since"})


@lru_cache(maxsize=4)
def takedown_lemmas(path: Path = DATA_DIR / "said_on.yml") -> frozenset[str]:
    """The lemmas that make a date the takedown's (``takedown_lemmas`` in ``path``),
    and verb-particle pairs such as "take down" (``takedown_phrases``)."""
    data = load_mapping(path)
    return frozenset(
        " ".join(entry_text(w, f"'{key}' entry", path).casefold().split())
        for key in ("takedown_lemmas", "takedown_phrases")
        for w in non_empty_list(data, key, path)
    )


@lru_cache(maxsize=8)
def _words(key: str, path: Path = DATA_DIR / "said_on.yml") -> frozenset[str]:
    data = load_mapping(path)
    return frozenset(
        entry_text(w, f"'{key}' entry", path).casefold() for w in non_empty_list(data, key, path)
    )


def _is_takedown(token: Token, lemmas: frozenset[str]) -> bool:
    lemma = token.lemma_.casefold()
    if _lifted(token):
        return False
    if lemma in lemmas or token.lower_ in lemmas:
        return True
    return any(c.dep_ == "prt" and f"{lemma} {c.lower_}" in lemmas for c in token.children)


def _lifted(token: Token) -> bool:
    """A takedown undone: what is taken down is itself a restriction ("demanded that
    Meta remove the restrictions", "the removal of the ban"; ``lifted_objects``), or
    the takedown is what a lifting verb acts on ("lifted its ban on Monday"; ``lifting_verbs``)."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in token.children if c.lower_ == "of" for g in c.children]
    if any(o.lemma_.casefold() in _words("lifted_objects") for o in objects):
        return True
    return token.dep_ in ("dobj", "nsubjpass") and (
        token.head.lemma_.casefold() in _words("lifting_verbs")
    )


def dates_takedown(doc: Doc, start: int, end: int, lemmas: frozenset[str]) -> bool:
    """Whether the date at characters ``start``-``end`` is the takedown's: the word
    it hangs from, or one at most two steps below that word (never through its
    subject, nor through "about" or "over": what was discussed is no act) or below a
    clause hung on the date ("May 3, in which"), is a takedown word. "Took the firm to
    court on Friday over an order to remove" is not, nor "asked about the removals on
    Tuesday", nor a past perfect that tells the background ("The ministry had on
    May 3 ordered X to remove ...")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head: Token = span.root.head
    if head.lower_ == "on" or head.dep_ == "prep":
        head = head.head
    if _background_past_perfect(head):
        return False
    frontier = [head, *(c for t in span for c in t.children if not start <= c.idx < end)]
    for _depth in range(_TAKEDOWN_DEPTH + 1):
        if any(_is_takedown(t, lemmas) and not _what_came_before(t) for t in frontier):
            return True
        frontier = [
            c
            for t in frontier
            for c in t.children
            if not c.dep_.startswith("nsubj")
            and not (c.dep_ == "prep" and c.lower_ in _TOPIC_PREPOSITIONS)
            and not start <= c.idx < end
        ]
    return False


def _what_came_before(token: Token) -> bool:
    """ "The decision followed the removal, on Tuesday, of a post", "after the ban on
    Monday", "ten days after the regulator blocked the app", "Let us recall that access
    was restricted on May 4" (``background_verbs``): a takedown the story's act came
    after is its background, not its act."""
    if token.dep_ == "dobj" and token.head.lemma_.casefold() in _AFTER_VERBS:
        return True
    if any(c.dep_ == "mark" and c.lower_ in _AFTER_PREPOSITIONS for c in token.children):
        return True
    if any(a.lemma_.casefold() in _words("background_verbs") for a in token.ancestors):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in _AFTER_PREPOSITIONS


def _background_past_perfect(verb: Token) -> bool:
    """A main-clause past perfect ("had ... ordered"): narration steps back to an
    earlier event; in reported speech ("said it had removed") it does not."""
    return (
        verb.dep_ == "ROOT"
        and verb.tag_ in ("VBN", "VBD")  # "had on May 3 ordered": VBD for the tagger
        and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)
    )


def _names_a_day(parts: DateParts) -> bool:
    """A day ("on May 3", "last Friday", "yesterday"); a month ("in May 2020") dates
    background more often than the takedown the story reports."""
    return any(v is not None for v in (parts.day, parts.weekday, parts.days_before))


def _recent(parts: DateParts, published: str | None) -> bool:
    """Whether the date can be the reported takedown's: not resolved to a day long
    before publication (true when either is unknown)."""
    day, base = _day(resolve(parts, published)), _day(published and published[:10])
    if day is None or base is None:
        return True
    return (base - day).days <= _TAKEDOWN_RECENT_DAYS


def _after(value: str, anchor: str | None) -> bool:
    """A day after the article's date ("will be completed on 14.03.2022"): what is to
    come, not when anything was said. A day of slack for time zones."""
    if not anchor or len(value) != 10:
        return False
    try:
        gap = dt.date.fromisoformat(value) - dt.date.fromisoformat(anchor[:10])
    except ValueError:
        return False
    return gap.days > 1


def _is_furniture(sentence: Span) -> bool:
    """A line with no verb ("Updated 14 March 2024", a byline with its timestamp)."""
    return not any(t.pos_ in ("VERB", "AUX") for t in sentence)


def _is_occasion(sentence: Span, resources: Resources) -> bool:
    return any(t.lemma_.casefold() in resources.occasions for t in sentence)


def lede_end_char(text: str, first_sentence_end: int) -> int:
    """Where the lede ends: the first line of twenty words or more (headlines and
    "NEW DELHI:" datelines are shorter), else the first sentence."""
    offset = 0
    for line in text.split("\n"):
        if len(line.split()) >= 20:
            return offset + len(line)
        offset += len(line) + 1
    return first_sentence_end


def _dated_lede_end(
    text: str, first_sentence_end: int, dates: dict[int, list[tuple[Mention, DateParts]]]
) -> int:
    """The lede for dating: a standfirst printed above the lede summarises the story
    without its dates, so when the first long line holds no date the lede is the next."""
    lede_end = lede_end_char(text, first_sentence_end)
    if any(m.start < lede_end for found in dates.values() for m, _ in found):
        return lede_end
    rest = text[lede_end + 1 :]
    following = lede_end_char(rest, -1)
    return lede_end + 1 + following if following >= 0 else lede_end


def _tiers(
    sentence: Span,
    main_start: int | None,
    lede_end: int,
    claim_starts: set[int],
    resources: Resources,
) -> list[int]:
    """Why a sentence's dates may date the main statement, best reason first."""
    tiers = []
    if sentence.start_char == main_start:
        tiers.append(_MAIN)
    if sentence.start_char < lede_end:
        tiers.append(_LEDE)
    if _is_occasion(sentence, resources):
        tiers.append(_OCCASION)
    if sentence.start_char in claim_starts:
        tiers.append(_CLAIM)
    return tiers


def _to_be_done(doc: Doc, mention: Mention) -> bool:
    """ "told reporters the companies had been asked to send representatives to a
    meeting on Monday": a date under an infinitive is when something is to be done,
    not when the statement was made."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    return any(
        a.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children)
        for a in span.root.ancestors
    )


def _main_speaker_sentences(sentences: list[Span], claims: list[Claim]) -> set[int]:
    """Where the main claim's speaker's statements start (token offsets)."""
    if not claims or claims[0].speaker is None:
        return set()
    starts = {c.start for c in claims if c.speaker == claims[0].speaker}
    return {s.start for s in sentences if s.start_char in starts}


def _day_within(
    period: DateParts,
    ranked: list[tuple[int, int, int, int, Mention, DateParts]],
    own: set[int],
    published: str | None,
) -> tuple[Mention, DateParts] | None:
    """The first day the main speaker's statements name inside the period that dates
    the main one: "said this week ... confirmed on Tuesday" was said on Tuesday."""
    base = _day(published and published[:10])
    if base is None or period.period is None:
        return None
    first, last = period_days(period.period, base)
    for tier, start, finer, _, mention, parts in sorted(ranked, key=lambda r: r[3]):
        day = _day(resolve(parts, published))
        if finer or tier > _CLAIM or start not in own or day is None:
            continue
        if first <= day <= last:
            return mention, parts
    return None


def _day(value: str | None) -> dt.date | None:
    """A resolved value that names a day, as a date."""
    if value is None or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def main_statement_date(
    doc: Doc, claims: list[Claim], published: str | None, resources: Resources
) -> Mention | None:
    """The date of the main statement, with its words and span; None when no date fits."""
    sentences = list(doc.sents)
    if not sentences:
        return None
    claim_starts = {c.start for c in claims}
    main_start = claims[0].start if claims else None
    dates = date_mentions(doc)
    lede_end = _dated_lede_end(doc_text(doc), sentences[0].end_char, dates)
    # (tier, sentence, coarser, position): within one sentence a day beats a week or a
    # month ("this week is about the disclosure last Thursday": Thursday dates it)
    ranked: list[tuple[int, int, int, int, Mention, DateParts]] = []
    lemmas = takedown_lemmas()
    dateline = dateline_mention(doc_text(doc))
    for sentence in sentences:
        if sentence.start not in dates or _is_furniture(sentence):
            continue
        tiers = _tiers(sentence, main_start, lede_end, claim_starts, resources)
        for mention, parts in dates[sentence.start]:
            if _CLOCK.search(mention.text):
                continue  # "October 13, 2023 09:10": a timestamp, not a statement's date
            if dateline and mention.start < dateline.end and dateline.start < mention.end:
                continue  # the day it was filed: the fallback below
            if _after(resolve(parts, published) or "", published):
                continue
            if (
                _names_a_day(parts)
                and _recent(parts, published)
                and dates_takedown(doc, mention.start, mention.end, lemmas)
            ):
                ranked.append((_TAKEDOWN, sentence.start, 0, mention.start, mention, parts))
                continue
            if not tiers or _to_be_done(doc, mention):
                continue
            tier = min(tiers)
            if parts.coarse:
                if tier > _MAIN or (parts.year is None and parts.period is None):
                    continue
                tier = _LAST_RESORT  # "in 2022" in the main claim, when nothing finer
            finer = 0 if _names_a_day(parts) else 1
            ranked.append((tier, sentence.start, finer, mention.start, mention, parts))
    if not ranked:
        return dateline  # "MOSCOW, 11.03.2022 -" and no time word in the body
    tier, *_, mention, parts = min(ranked, key=lambda r: r[:4])
    if parts.period is not None:
        mention, parts = _day_within(
            parts, ranked, _main_speaker_sentences(sentences, claims), published
        ) or (mention, parts)
    if dateline is not None and tier > _OCCASION:
        # the main claim, its lede and its occasion undated: the day the story was filed
        # dates it better than another speaker's sentence ("hours after X said ...")
        return dateline
    return Mention(
        mention.text,
        mention.start,
        mention.end,
        value=resolve(parts, published) or "",
        kind="said_on",
    )
