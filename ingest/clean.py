"""Cut page furniture from scraped article text without losing a body sentence.

A line is judged by its shape and by where it stands, with the vocabulary of
furniture in ``data/boilerplate.yml``:

* *strong* furniture is furniture wherever it stands: a short line opened by a cue
  ("Read more", "Tags:", "Share on"), holding a phrase no news sentence uses ("all
  rights reserved"), or shaped like a widget: a menu or share bar cut by separators,
  a wire slug, a byline, a "Published / Updated" line, a photo credit, a clock time
  or a date and time alone ("11:32 a.m. ET", "September 4, 2024 at 7:10 p.m. EDT"),
  a bare link, a counter ("27 comments"), a label in capitals, a hashtag line;
* a live page's sign-off and its reporters' credit ("That's where we'll leave it
  tonight.", "Reporting on this live page was contributed by ...") are cut sentence
  by sentence from either end of the line that holds them, wherever it stands;
* the *body* runs from the first to the last body sentence: a line that ends as a
  sentence ends, has at least ``min_body_sentence_words`` words and no cue at all;
* before and after the body, headings and list entries are furniture too (related
  stories, menus), and so are prompts (a newsletter, comment or cookie phrase that
  speaks to the reader), author notes, bylines naming where the reporters are ("Ana
  Costa in Lisbon") and one-sentence notes about the article itself
  ("This story will be updated."); a headline before the body is kept;
* a heading that opens trailing furniture ("Most read", "More from ...") cuts
  everything after it, once enough body precedes it;
* a line printed twice in a row, or the headline repeated as the first line, keeps
  no second copy.

Inside the body only strong furniture goes: a short quote or a subheading stays.
Lines are removed whole (only a sign-off or credit leaves the rest of its line) and
each cut keeps its reason, so the kept text is a plain join of kept lines: no
character inside a kept sentence is rewritten. What one page
cannot show, a line its source prints on article after article, is cut afterwards
over a whole batch by :mod:`ingest.recurring`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest import lines as shape
from ingest.datafiles import load_mapping, text_list
from ingest.errors import InvalidResource
from ingest.model import Cut
from ingest.settings import IngestSettings

DATA_FILE = Path(__file__).parent / "data" / "boilerplate.yml"
_HASHTAG_LINE = re.compile(r"^\s*(#\w+[\s,]*)+$")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")
_DATE_TOKEN = re.compile(
    r"^(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
    r"|today|yesterday|\d+\s+(?:hours?|minutes?|days?)\s+ago)",
    re.IGNORECASE,
)
_CREDIT_TAIL = re.compile(r"\(([^()]{1,60})\)\s*$")
# "... in Brussels. Photo: Agency / Name" - a credit label after the caption's sentence.
_CREDIT_LABEL = re.compile(r"[.!?]\s+(\w+(?: \w+)?)\s*:\s*[^:]{1,80}$")
# At most this many words in each part of a menu, share bar or breadcrumb.
MAX_SEGMENT_WORDS = 10
# A heading or a widget label is at most this many words.
MAX_HEADING_WORDS = 12
# A headline before the body has at least this many words (section labels have fewer).
MIN_HEADLINE_WORDS = 6
# A sign-off or a reporters' credit is at most this many words: those of corpus/dev3 have
# 6-15 (a credit names three reporters); a longer sentence is news that starts alike.
MAX_SIGNOFF_WORDS = 25


def _lowered(data: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    return tuple(entry.casefold() for entry in text_list(data, key, path))


@dataclass(frozen=True)
class BoilerplateRules:
    """The furniture vocabulary of ``data/boilerplate.yml``, lower-cased once."""

    line_prefixes: tuple[str, ...]
    labels: tuple[str, ...]
    action_verbs: tuple[str, ...]
    tail_markers: tuple[str, ...]
    strong_phrases: tuple[str, ...]
    link_phrases: tuple[str, ...]
    weak_phrases: tuple[str, ...]
    note_phrases: tuple[str, ...]
    prompt_phrases: tuple[str, ...]
    reader_words: frozenset[str]
    bio_roles: frozenset[str]
    byline_prefixes: tuple[str, ...]
    dateline_prefixes: tuple[str, ...]
    caption_credits: frozenset[str]
    counters: frozenset[str]
    separators: tuple[str, ...]
    function_words: frozenset[str]
    stamp_months: frozenset[str]
    stamp_words: frozenset[str]
    signoff_openers: tuple[str, ...]
    credit_phrases: tuple[str, ...]
    name_particles: frozenset[str]
    deck_classes: frozenset[str] = frozenset()
    hashtag_line: bool = True

    @classmethod
    def load(cls, path: Path = DATA_FILE) -> BoilerplateRules:
        """Read and validate the rules; the error names the file and the entry."""
        data = load_mapping(path)

        def listed(key: str) -> tuple[str, ...]:
            return _lowered(data, key, path)

        separators = tuple(text_list(data, "separators", path))
        if any(" " in s for s in separators):
            raise InvalidResource(f"{path}: a 'separators' entry may not hold a space")
        return cls(
            line_prefixes=listed("line_prefixes"),
            labels=listed("labels"),
            action_verbs=listed("action_verbs"),
            tail_markers=listed("tail_markers"),
            strong_phrases=listed("strong_phrases"),
            link_phrases=listed("link_phrases"),
            weak_phrases=listed("weak_phrases"),
            note_phrases=listed("note_phrases"),
            prompt_phrases=listed("prompt_phrases"),
            reader_words=frozenset(listed("reader_words")),
            bio_roles=frozenset(listed("bio_roles")),
            byline_prefixes=listed("byline_prefixes"),
            dateline_prefixes=listed("dateline_prefixes"),
            caption_credits=frozenset(listed("caption_credits")),
            counters=frozenset(listed("counters")),
            separators=separators,
            function_words=frozenset(listed("function_words")),
            stamp_months=frozenset(listed("stamp_months")),
            stamp_words=frozenset(listed("stamp_words")),
            signoff_openers=listed("signoff_openers"),
            credit_phrases=listed("credit_phrases"),
            name_particles=frozenset(listed("name_particles")),
            deck_classes=frozenset(listed("deck_classes")),
            hashtag_line=bool(data.get("hashtag_line", True)),
        )


@dataclass(frozen=True)
class CleanResult:
    """The kept body and the removed lines with their reasons.

    ``line_numbers`` gives, for each line of ``text``, its line in the input (1-based),
    so that a later cut (a line recurring across a source's articles) can say where
    the line stood.
    """

    text: str
    cuts: tuple[Cut, ...]
    line_numbers: tuple[int, ...] = ()

    @property
    def removed(self) -> str:
        """The removed lines joined, in order."""
        return "\n".join(cut.text for cut in self.cuts)


@dataclass(frozen=True)
class _Line:
    """One non-blank line and what its shape says."""

    index: int
    text: str
    strong: str | None  # the reason it is furniture anywhere
    weak: str | None  # the reason it is furniture outside the body
    sentence: bool
    word_count: int


def clean_text(
    text: str, rules: BoilerplateRules, settings: IngestSettings, title: str | None = None
) -> CleanResult:
    """Remove furniture lines from ``text``; ``title`` is the known headline, if any."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    trimmed: dict[int, Cut] = {}
    for i, raw_line in enumerate(raw):
        kept, gone = trim_signoffs(raw_line.strip(), rules)
        if gone:
            trimmed[i] = Cut(i + 1, gone, "sign-off or reporters' credit")
            raw[i] = kept
    judged = [_judge(i, line.strip(), rules, settings) for i, line in enumerate(raw)]
    lines = [line for line in judged if line is not None]
    anchors = [
        n
        for n, line in enumerate(lines)
        if line.sentence
        and line.word_count >= settings.min_body_sentence_words
        and not (line.strong or line.weak)
    ]
    tail, boxes = _link_blocks(lines, anchors, rules, settings)
    anchors = [n for n in anchors if n < tail]
    # With no body sentence to stand against, position says nothing: only strong cues cut.
    first = anchors[0] if anchors else 0
    last = anchors[-1] if anchors else len(lines)
    cuts: dict[int, str] = {}
    previous = None
    folded_title = _fold(title) if title else None
    for n, line in enumerate(lines):
        reason: str | None
        if n >= tail:
            reason = f"trailing block under {lines[tail].text[:40]!r}"
        elif n in boxes:
            reason = boxes[n]
        elif line.text == previous:
            reason = "line printed twice"
        elif n < first and folded_title and _fold(line.text) == folded_title:
            reason = "headline repeated"
        elif line.strong:
            reason = line.strong
        elif first <= n <= last:
            reason = None
        else:
            reason = _outside_reason(line, before=n < first, rules=rules)
        if reason is None:
            previous = line.text
        else:
            cuts[line.index] = reason
    body, numbers = join_kept([(i + 1, text) for i, text in enumerate(raw) if i not in cuts])
    whole = [Cut(i + 1, raw[i].strip(), reason) for i, reason in cuts.items()]
    removed = tuple(sorted((*whole, *trimmed.values()), key=lambda cut: (cut.line, cut.text)))
    return CleanResult(text=body, cuts=removed, line_numbers=numbers)


def trim_signoffs(line: str, rules: BoilerplateRules) -> tuple[str, str]:
    """The line without the sign-offs and reporters' credits at either end, and what
    was cut ("" when nothing was).

    A live page signs off inside its last entry ("That's where we'll leave it tonight.
    <the last news>. We'll be back tomorrow."), so these go sentence by sentence from
    the ends of the line, and the sentences between them stay as written.
    """
    bounds = [0, *(m.end() for m in _SENTENCE_SPLIT.finditer(line)), len(line)]
    spans = [(bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1)]
    start, end = 0, len(spans)
    while start < end and _is_signoff(line[slice(*spans[start])], rules):
        start += 1
    while end > start and _is_signoff(line[slice(*spans[end - 1])], rules):
        end -= 1
    if start == 0 and end == len(spans):
        return line, ""
    kept = line[spans[start][0] : spans[end - 1][1]].strip() if start < end else ""
    gone = [line[slice(*spans[k])].strip() for k in (*range(start), *range(end, len(spans)))]
    return kept, " ".join(gone)


def _is_signoff(sentence: str, rules: BoilerplateRules) -> bool:
    """A short sentence opening with a sign-off ("We'll be back tomorrow.") or holding a
    reporters' credit ("... contributed reporting.")."""
    text = sentence.strip().replace("’", "'")
    if not text or len(shape.words(text)) > MAX_SIGNOFF_WORDS:
        return False
    return bool(
        shape.starts_with_any(text, rules.signoff_openers)
        or shape.contains_any(text, rules.credit_phrases)
    )


def join_kept(kept: list[tuple[int, str]]) -> tuple[str, tuple[int, ...]]:
    """Kept ``(line number, line)`` pairs joined into the stored text, and the number of
    each line of that text.

    Trailing spaces go, a run of blank lines becomes one, and the text is stripped at
    both ends: what joining the lines, collapsing blank runs and stripping would give,
    with each line's place in the input kept beside it.
    """
    out: list[tuple[int, str]] = []
    for number, line in kept:
        text = line.rstrip()
        if text or (out and out[-1][1]):
            out.append((number, text))
    while out and not out[-1][1]:
        out.pop()
    if out:
        out[0] = (out[0][0], out[0][1].lstrip())
    return "\n".join(text for _, text in out), tuple(number for number, _ in out)


def _fold(text: str) -> str:
    return " ".join(shape.words(text.casefold()))


def _judge(
    index: int, text: str, rules: BoilerplateRules, settings: IngestSettings
) -> _Line | None:
    if not text:
        return None
    count = len(shape.words(text))
    sentence = shape.is_sentence(text)
    short = len(text) <= settings.max_cue_line_chars
    strong = _strong_reason(text, count, sentence, rules) if short else None
    weak = _weak_reason(text, short, rules) if strong is None else None
    return _Line(index, text, strong, weak, sentence, count)


def _strong_reason(text: str, count: int, sentence: bool, rules: BoilerplateRules) -> str | None:
    """Why the line is furniture wherever it stands, or None."""
    checks = (
        (shape.starts_with_any(text, rules.line_prefixes), "cue {!r}"),
        (_label_cue(text, rules), "label {!r}"),
        (shape.contains_any(text, rules.strong_phrases), "phrase {!r}"),
        (not sentence and shape.contains_any(text, rules.link_phrases), "legal link {!r}"),
        (rules.hashtag_line and _HASHTAG_LINE.match(text) and "hashtags", "{}"),
        (shape.is_slug(text) and "wire slug", "{}"),
        (shape.is_url_only(text) and "bare link", "{}"),
        (shape.is_time_only(text) and "time stamp", "{}"),
        (
            shape.is_date_stamp(text, rules.stamp_words, rules.stamp_months)
            and "date or time stamp",
            "{}",
        ),
        (shape.is_embed_credit(text) and "embedded post credit", "{}"),
        (shape.counter_word(text) in rules.counters and "counter", "{}"),
        (_is_dateline(text, rules) and "published or updated line", "{}"),
        (_is_caption(text, rules) and "photo caption", "{}"),
    )
    for found, template in checks:
        if found:
            return template.format(found)
    if sentence or count > MAX_HEADING_WORDS:
        return _menu_reason(text, rules) if not sentence else None
    if shape.starts_with_any(text, rules.byline_prefixes):
        return "byline"
    if shape.starts_with_any(text, rules.action_verbs):
        return "widget prompt"
    if shape.is_all_caps(text):
        return "label in capitals"
    return _menu_reason(text, rules)


def _menu_reason(text: str, rules: BoilerplateRules) -> str | None:
    parts = shape.segments(text, rules.separators)
    if len(parts) >= 2 and all(len(shape.words(p)) <= MAX_SEGMENT_WORDS for p in parts):
        return "menu, breadcrumb or share bar"
    return None


def _label_cue(text: str, rules: BoilerplateRules) -> str | None:
    """The label that opens the line ("Tags: ...") or is the whole of it ("Sponsored")."""
    found = shape.label(text) or shape.strip_opener(text).strip(" .:|·—–-").casefold()
    return found if found in rules.labels else None


def _is_dateline(text: str, rules: BoilerplateRules) -> bool:
    prefix = shape.starts_with_any(text, rules.dateline_prefixes)
    if prefix is None:
        return False
    rest = shape.strip_opener(text)[len(prefix) :].lstrip(" :,-–—").lstrip()
    rest = re.sub(r"^(?:on|at)\s+", "", rest, flags=re.IGNORECASE)
    return bool(_DATE_TOKEN.match(rest))


def _is_caption(text: str, rules: BoilerplateRules) -> bool:
    """A caption ends with its credit: "... (File photo)" or "... Photo: Agency / Name"."""
    bracket = _CREDIT_TAIL.search(text)
    if bracket and (
        bracket.group(1).strip().casefold() in rules.caption_credits or " / " in bracket.group(1)
    ):
        return True
    credit = _CREDIT_LABEL.search(text)
    return credit is not None and credit.group(1).casefold() in rules.caption_credits


def _weak_reason(text: str, short: bool, rules: BoilerplateRules) -> str | None:
    """Why the line is furniture outside the body (a prompt, an author note), or None."""
    phrase = shape.contains_any(text, rules.weak_phrases)
    if phrase:
        return f"phrase {phrase!r}"
    phrase = shape.contains_any(text, rules.note_phrases)
    if phrase and len(_SENTENCE_SPLIT.split(text)) == 1:
        return f"note {phrase!r}"
    phrase = shape.contains_any(text, rules.prompt_phrases)
    if phrase and _speaks_to_reader(text, rules):
        return f"prompt {phrase!r}"
    if _is_author_note(text, rules):
        return "author note"
    if shape.is_placed_byline(text, rules.name_particles):
        return "byline naming where its reporters are"
    verb = shape.starts_with_any(text, rules.action_verbs) if short else None
    if verb:
        return f"call to {verb!r}"
    return None


def _speaks_to_reader(text: str, rules: BoilerplateRules) -> bool:
    if any(w.casefold() in rules.reader_words for w in shape.words(text)):
        return True
    return any(
        shape.starts_with_any(s, rules.action_verbs) or shape.starts_with_any(s, rules.labels)
        for s in _SENTENCE_SPLIT.split(text)
    )


def _is_author_note(text: str, rules: BoilerplateRules) -> bool:
    """ "<Name> is <the outlet's> <role> ..." or "The <outlet> <desk> covers ..."."""
    opening = [w.casefold() for w in shape.words(text)[:14]]
    if not text[:1].isupper() or not ({"is", "covers"} & set(opening)):
        return False
    return bool(rules.bio_roles & set(opening))


def _link_blocks(
    lines: list[_Line], anchors: list[int], rules: BoilerplateRules, settings: IngestSettings
) -> tuple[int, dict[int, str]]:
    """The heading that opens the trailing furniture (``len(lines)`` when none), and the
    lines of related-story boxes set inside the body.

    A heading such as "Related stories" opens the trailing block when less body
    follows it, up to the next such heading, than precedes it; otherwise it opens a
    box inside the body, which runs to the next sentence.
    """
    sizes = [len(lines[n].text) if n in set(anchors) else 0 for n in range(len(lines))]
    headings = [
        n
        for n, line in enumerate(lines)
        if not sizes[n]
        and not line.sentence
        and line.word_count <= MAX_HEADING_WORDS
        and _is_tail_heading(line.text, rules)
    ]
    boxes: dict[int, str] = {}
    for position, n in enumerate(headings):
        before = sum(sizes[:n])
        if n in boxes or before < settings.min_body_before_tail:
            continue
        following = headings[position + 1] if position + 1 < len(headings) else len(lines)
        if sum(sizes[n:following]) < before:
            return n, boxes
        reason = f"related box under {lines[n].text[:40]!r}"
        end = n
        while end < len(lines) and (end == n or not (sizes[end] or lines[end].sentence)):
            boxes[end] = reason
            end += 1
    return len(lines), boxes


def _is_tail_heading(text: str, rules: BoilerplateRules) -> bool:
    """ "Most read on ...", "RELATED STORIES:"; not "Related: <a story's title>"."""
    head, colon, rest = text.partition(":")
    if colon and rest.strip():
        return False
    return shape.starts_with_any(head, rules.tail_markers) is not None


def _outside_reason(line: _Line, before: bool, rules: BoilerplateRules) -> str | None:
    """Why a line before or after the body is furniture, or None to keep it."""
    where = "before the body" if before else "after the body"
    if line.weak:
        return f"{line.weak} {where}"
    if line.sentence:
        return None
    if before and _is_headline(line, rules):
        return None
    if shape.is_numbered_item(line.text):
        return f"numbered list entry {where}"
    return f"heading or link {where}"


def _is_headline(line: _Line, rules: BoilerplateRules) -> bool:
    """A headline has enough words, some of them function words; a menu has neither."""
    found = [w.casefold() for w in shape.words(line.text)]
    return (
        line.word_count >= MIN_HEADLINE_WORDS
        and not shape.is_all_caps(line.text)
        and any(w in rules.function_words for w in found)
    )
