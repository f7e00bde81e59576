"""Which sentences the full pipeline parses: a cheap first pass over the whole text.

The tagger, parser and NER cost the same on every token, yet some sentences of an
article can change nothing that is extracted. Before they run, a first pass with
only the tokenizer, sentence boundaries (punctuation and line breaks) and the
gazetteer rulers keeps every sentence that some rule may read:

- a cue: a word or phrase of a cue list of :class:`Resources` (speech verbs,
  "according to", demand triggers, occasions, stance topics, title words, and any
  list added later unless it is named in ``CONTEXT_ONLY``), matched on the
  lower-cased form and on every lemma the lemmatizer's rules allow for it, so that
  "said" finds "say" before any tagger has run; a figure beside an account noun or a
  partitive pronoun; a gazetteer name;
- the sentence before a cue ("…," the company said; the antecedent of "62 of them");
- the lede, whose dates rank first;
- any name-shaped word (capitalised, not a stop word): people and organisations are
  registered, titled and referred back to across the whole article.

The others are masked: each run of them becomes one whitespace token of the same
length, newlines kept, that is a sentence of its own. The expensive components see
only the candidates, the kept tokens are exactly those the tokenizer makes of the
whole text, and every character offset still points into the stored text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.pipeline import EntityRuler, Sentencizer, SpanRuler
from spacy.tokens import Doc, Span, Token

from extract.doccache import doc_text
from extract.numbers import is_number_word
from extract.pipeline import line_boundaries
from extract.resources import Resources
from extract.said_on import lede_end_char

# Resources fields that never make a sentence worth parsing on their own: grammar
# words found in any sentence, words read only inside a sentence kept for another
# reason (a figure's number words, a demand's label cues, a title's portfolio, a
# speech verb's subject), and lists with a test of their own below (the gazetteers,
# account nouns, partitive pronouns).
CONTEXT_ONLY = frozenset(
    {
        "groups",
        "platforms",
        "platform_context",
        "portfolios",
        "title_connectors",
        "courtesy",
        "owner_scopes",
        "informal_heads",
        "name_particles",
        "office_verbs",
        "outlet_words",
        "role_nouns",
        "pronouns",
        "institutions",
        "not_speaker_words",
        "org_generic_nouns",
        "org_named_nouns",
        "voice_nouns",
        "offices",
        "body_nouns",
        "news_outlets",
        "number_units",
        "number_scales",
        "modifiers",
        "vague",
        "account_nouns",
        "not_account_words",
        "mixed_count_nouns",
        "audience_verbs",
        "holder_nouns",
        "partitive_pronouns",
        "demand_labels",
        "demand_generic",
        "negations",
        "modals",
    }
)
_LEMMA_POS = ("verb", "noun", "adj", "adv")
_ARTICLES = frozenset({"a", "an"})


@dataclass(frozen=True)
class Selection:
    """One text as the full pipeline will see it: the first pass's own tokens when every
    sentence is kept (sentence starts cleared, so the text is not tokenised twice), else
    the masked document; and how many sentences were kept."""

    parse: Doc
    sentences: int
    kept: int


class CandidateFilter:
    """The first pass: marks candidate sentences and masks the rest (see module doc).

    Built from the pipeline it feeds, so that it shares its tokenizer, the matchers
    of its gazetteer rulers and its lemmatizer rules; the lemma cache is per filter
    (:meth:`clear`).
    """

    def __init__(self, nlp: Language, resources: Resources) -> None:
        self.nlp = nlp
        self.resources = resources
        phrases = {
            tuple(t.lower_ for t in nlp.make_doc(" ".join(words)))
            for words in cue_phrases(resources)
        }
        self.words = frozenset(p[0] for p in phrases if len(p) == 1)
        self.phrases = tuple(sorted(p for p in phrases if len(p) > 1))
        self._phrase_starts = frozenset(p[0] for p in self.phrases)
        rulers = [p for _, p in nlp.pipeline if isinstance(p, (EntityRuler, SpanRuler))]
        self._matchers = [m for r in rulers for m in (r.phrase_matcher, r.matcher) if len(m)]
        self._sentencizer = Sentencizer()
        self._stop_words = nlp.Defaults.stop_words
        self._lemma_tables = _lemma_tables(nlp)
        self._lemmas: dict[str, frozenset[str]] = {}
        self._figure_words = frozenset(phrase[-1] for phrase in resources.vague)
        self._counted = resources.account_nouns | resources.partitive_pronouns

    def clear(self) -> None:
        """Forget the lemmas computed so far."""
        self._lemmas.clear()

    def select(self, text: str) -> Selection:
        """What to parse for ``text``: candidates kept, the rest masked."""
        doc = self.nlp.make_doc(text)
        self._sentencizer(doc)
        line_boundaries(doc)
        _whitespace_ends_sentences(doc)
        sentences = list(doc.sents)
        keep = self.keep(doc, sentences)
        kept = sum(keep)
        if kept == len(sentences):
            starts = numpy.zeros((len(doc), 1), dtype=numpy.uint64)
            starts[:1] = 1  # as the tokenizer leaves them: the first token starts, the rest unknown
            doc.from_array([SENT_START], starts)  # type: ignore[arg-type]
            return Selection(doc, kept, kept)
        return Selection(_masked(doc, sentences, keep), len(sentences), kept)

    def keep(self, doc: Doc, sentences: Sequence[Span]) -> list[bool]:
        """For each sentence, whether the full pipeline must parse it.

        The lede and sentences with a name are kept at a glance; only the others are
        looked at for a cue, with the sentence after them (a cue keeps the one before).
        """
        text = doc_text(doc)
        lede_end = lede_end_char(text, len(text))
        keep = [s.start_char < lede_end or any(self._is_name(t) for t in s) for s in sentences]
        cues: dict[int, bool] = {}

        def cue(i: int) -> bool:
            if i not in cues:
                cues[i] = i < len(sentences) and self.is_cue(sentences[i])
            return cues[i]

        for i in range(len(sentences)):
            keep[i] = keep[i] or cue(i) or cue(i + 1)
        return keep

    def is_cue(self, sentence: Span) -> bool:
        """True when a cue list, a figure or the gazetteer finds something in ``sentence``."""
        if any(matcher(sentence) for matcher in self._matchers):
            return True
        tokens = list(sentence)
        figure = counted = False
        for i, token in enumerate(tokens):
            lemmas = self.lemmas(token.lower_)
            if not lemmas.isdisjoint(self.words):
                return True
            if not lemmas.isdisjoint(self._phrase_starts) and self._phrase_at(tokens, i):
                return True
            figure = figure or self._is_figure(token)
            counted = counted or token.lower_ in self._counted
        return figure and counted

    def _phrase_at(self, tokens: list[Token], at: int) -> bool:
        return any(
            at + len(phrase) <= len(tokens)
            and all(word in self.lemmas(tokens[at + k].lower_) for k, word in enumerate(phrase))
            for phrase in self.phrases
        )

    def _is_figure(self, token: Token) -> bool:
        return (
            is_number_word(token.text, self.resources) and token.lower_ not in _ARTICLES
        ) or token.lower_ in self._figure_words

    def _is_name(self, token: Token) -> bool:
        """A capitalised word that is not a stop word: it may be part of a name."""
        text = token.text
        return text[:1].isupper() and token.lower_ not in self._stop_words

    def lemmas(self, lower: str) -> frozenset[str]:
        """The word and every lemma the lemmatizer's rules may give it, for any part of speech."""
        found = self._lemmas.get(lower)
        if found is None:
            found = frozenset({lower, *_rule_lemmas(lower, self._lemma_tables)})
            self._lemmas[lower] = found
        return found


def cue_phrases(resources: Resources) -> set[tuple[str, ...]]:
    """The cue words and phrases (as lower-cased words) of every cue list of ``resources``.

    Lists are found by their shape, so a list added to :class:`Resources` later makes
    its sentences candidates without a change here.
    """
    phrases: set[tuple[str, ...]] = set()
    for item in fields(resources):
        if item.name not in CONTEXT_ONLY:
            phrases.update(p for p in _phrases_of(getattr(resources, item.name)) if p)
    return phrases


def _phrases_of(value: object) -> Iterable[tuple[str, ...]]:
    if isinstance(value, str):
        yield tuple(value.casefold().split())
    elif isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
        yield tuple(v.casefold() for v in value)
    elif isinstance(value, dict):
        for key, entry in value.items():
            if isinstance(entry, (tuple, list, frozenset, set)):
                yield from _phrases_of(entry)  # label -> cue phrases
            else:
                yield from _phrases_of(key)  # phrase -> bounds or number
    elif isinstance(value, (tuple, list, frozenset, set)):
        for entry in value:
            yield from _phrases_of(entry)
    elif hasattr(value, "aliases"):
        yield from _phrases_of(value.aliases)  # a catalogue entry: its written forms


def _whitespace_ends_sentences(doc: Doc) -> None:
    """Whitespace belongs to the sentence before it, as the parser attaches it; the
    sentencizer would start a sentence on it."""
    move = False
    for token in doc[1:]:
        if token.is_space:
            move = move or bool(token.is_sent_start)
            token.is_sent_start = False
        elif move:
            token.is_sent_start = True
            move = False


def _lemma_tables(nlp: Language) -> tuple[Any, Any]:
    """The exceptions and suffix rules of the pipeline's rule lemmatizer (none without one)."""
    if "lemmatizer" not in nlp.pipe_names:
        return {}, {}
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    exceptions = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
    rules = lookups.get_table("lemma_rules") if lookups.has_table("lemma_rules") else {}
    return exceptions, rules


def _rule_lemmas(lower: str, tables: tuple[Any, Any]) -> set[str]:
    """Every form the rule lemmatizer could return for ``lower`` (a superset: the index
    check it makes to choose between forms is left out)."""
    exceptions, rules = tables
    out: set[str] = set()
    for pos in _LEMMA_POS:
        out.update(exceptions.get(pos, {}).get(lower, ()))
        for old, new in rules.get(pos, ()):
            if lower.endswith(old) and len(lower) > len(old):
                out.add(lower[: len(lower) - len(old)] + new)
    return out


def _masked(doc: Doc, sentences: Sequence[Span], keep: Sequence[bool]) -> Doc:
    """A new document: kept tokens as they are, each run of dropped sentences one
    whitespace token of the same length (newlines kept) that is a sentence of its own.

    Built from words rather than text so that no tokenizer runs twice; the token
    norms the tokenizer's special cases set are carried over.
    """
    dropped = [False] * len(doc)
    for sentence, kept in zip(sentences, keep, strict=True):
        if not kept:
            dropped[sentence.start : sentence.end] = [True] * len(sentence)
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool | int | None] = []
    norms: list[str] = []
    after_gap = False
    i = 0
    while i < len(doc):
        token = doc[i]
        if not dropped[i]:
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
            starts.append(True if after_gap or i == 0 else None)
            norms.append(token.norm_)
            after_gap = False
            i += 1
            continue
        end = i
        while end + 1 < len(doc) and dropped[end + 1]:
            end += 1
        chunk = doc.text[token.idx : doc[end].idx + len(doc[end].text)]
        words.append("".join(c if c == "\n" else " " for c in chunk))
        spaces.append(bool(doc[end].whitespace_))
        starts.append(True)
        norms.append(words[-1])
        after_gap = True
        i = end + 1
    masked = Doc(doc.vocab, words=words, spaces=spaces, sent_starts=starts)
    for token, norm in zip(masked, norms, strict=True):
        if token.norm_ != norm:
            token.norm_ = norm
    return masked
