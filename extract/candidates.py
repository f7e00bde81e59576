"""Which sentences the full pipeline parses: a cheap first pass over the whole text.

Most sentences of a news article hold no claim, yet the tagger, parser and NER cost
the same on every token. Before they run, a first pass with only the tokenizer,
sentence boundaries (punctuation and line breaks) and the gazetteer rulers marks the
sentences an extraction rule can read:

- cue sentences: a word of a cue list of :class:`Resources` (speech verbs, "according
  to", demand triggers, occasions, stance topics, title words; and any list added
  later, unless it is named in ``CONTEXT_ONLY``), matched on the lower-cased form
  and on every lemma the lemmatizer's rules allow for it, so that "said" finds "say"
  before any tagger has run; a number before an account noun; a gazetteer name;
- their context: the sentence before and after each cue sentence ("…," the company
  said), the lede (its dates rank first), and every sentence that names a person or
  organisation written in a kept sentence (titles, surnames and spelling variants
  of a speaker are found anywhere in the article).

The others are masked: each run of them becomes one whitespace token of the same
length, newlines kept, and is a sentence of its own. The expensive components see
only the candidates, the kept tokens are exactly those the tokenizer makes of the
whole text, and every character offset still points into the stored text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from rapidfuzz import process
from rapidfuzz.fuzz import ratio
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span, Token

from extract.claims import _lede_end
from extract.names import SURNAME_CUTOFF
from extract.numbers import is_number_word
from extract.pipeline import line_boundaries
from extract.resources import Resources

GAZETTEER_PIPES = ("gazetteer_names", "gazetteer_codes")
# Resources fields that never make a sentence worth parsing on their own: grammar
# words found in any sentence, words read only inside a sentence already kept for
# another reason (a figure's number words, a demand's label cues, a title's
# portfolio), and the gazetteers and account nouns, which have their own tests.
CONTEXT_ONLY = frozenset(
    {
        "groups",
        "platforms",
        "platform_context",
        "portfolios",
        "title_connectors",
        "courtesy",
        "role_nouns",
        "pronouns",
        "institutions",
        "not_speaker_words",
        "number_units",
        "number_scales",
        "modifiers",
        "vague",
        "account_nouns",
        "not_account_words",
        "demand_labels",
        "demand_generic",
        "negations",
        "modals",
    }
)
_LEMMA_POS = ("verb", "noun", "adj", "adv")


@dataclass(frozen=True)
class Selection:
    """One text as the full pipeline will see it, and how much of it was kept."""

    doc: Doc
    sentences: int
    kept: int


def cue_phrases(resources: Resources) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """Single cue words and multi-word cue phrases from every cue list of ``resources``.

    Lists are found by their shape, so a list added to :class:`Resources` later makes
    its sentences candidates without a change here.
    """
    phrases: set[tuple[str, ...]] = set()
    for item in fields(resources):
        if item.name in CONTEXT_ONLY:
            continue
        phrases.update(_phrases_of(getattr(resources, item.name)))
    words = frozenset(p[0] for p in phrases if len(p) == 1)
    return words, tuple(sorted(p for p in phrases if len(p) > 1))


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


class CandidateFilter:
    """The first pass: marks candidate sentences and masks the rest (see module doc).

    Built from the pipeline it feeds, so that it shares its tokenizer, gazetteer and
    lemmatizer rules; the lemma cache is per filter (:meth:`clear` empties it).
    """

    def __init__(self, nlp: Language, resources: Resources) -> None:
        self.nlp = nlp
        self.resources = resources
        self.words, self.phrases = cue_phrases(resources)
        self._phrase_starts = {p[0] for p in self.phrases}
        self._rulers = [nlp.get_pipe(name) for name in GAZETTEER_PIPES if name in nlp.pipe_names]
        self._sentencizer = Sentencizer()
        self._stop_words = nlp.Defaults.stop_words
        self._lemma_rules = _lemma_tables(nlp)
        self._lemmas: dict[str, frozenset[str]] = {}
        figure_ends = {phrase[-1] for phrase in resources.vague}
        self._figure_ends = frozenset(figure_ends)

    def clear(self) -> None:
        """Forget the lemmas computed so far."""
        self._lemmas.clear()

    def select(self, text: str) -> Selection:
        """The document to parse for ``text``: candidates kept, the rest masked."""
        doc = self.nlp.make_doc(text)
        self._sentencizer(doc)
        line_boundaries(doc)
        _whitespace_ends_sentences(doc)
        for ruler in self._rulers:
            ruler(doc)
        sentences = list(doc.sents)
        keep = self.keep(doc, sentences)
        return Selection(_masked(doc, sentences, keep), len(sentences), sum(keep))

    def keep(self, doc: Doc, sentences: Sequence[Span]) -> list[bool]:
        """For each sentence, whether the full pipeline must parse it."""
        lede_end = _lede_end(doc.text, len(doc.text))
        cue = [self._is_cue(s) for s in sentences]
        keep = list(cue)
        for i, sentence in enumerate(sentences):
            if sentence.start_char < lede_end:
                keep[i] = True
            if cue[i]:
                keep[max(i - 1, 0)] = True
        names = {t.text for i, s in enumerate(sentences) if keep[i] for t in s if self._is_name(t)}
        if names:
            for i, sentence in enumerate(sentences):
                if not keep[i] and any(
                    self._is_name(t) and _similar(t.text, names) for t in sentence
                ):
                    keep[i] = True
        return keep

    def _is_cue(self, sentence: Span) -> bool:
        if sentence.ents:
            return True  # a gazetteer name
        tokens = list(sentence)
        for i, token in enumerate(tokens):
            lemmas = self.lemmas(token.lower_)
            if not lemmas.isdisjoint(self.words):
                return True
            if token.lower_ in self.resources.account_nouns and self._figure_before(tokens, i):
                return True
            if not lemmas.isdisjoint(self._phrase_starts) and self._phrase_at(tokens, i):
                return True
        return False

    def _phrase_at(self, tokens: list[Token], at: int) -> bool:
        for phrase in self.phrases:
            if at + len(phrase) <= len(tokens) and all(
                word in self.lemmas(tokens[at + k].lower_) for k, word in enumerate(phrase)
            ):
                return True
        return False

    def _figure_before(self, tokens: list[Token], noun: int) -> bool:
        """A number or vague quantity close enough before an account noun to count it."""
        window = tokens[max(0, noun - self.resources.max_gap_tokens - 1) : noun]
        return any(
            (is_number_word(t.text, self.resources) and t.lower_ not in ("a", "an", "one"))
            or t.lower_ in self._figure_ends
            for t in window
        )

    def _is_name(self, token: Token) -> bool:
        """A capitalised word that may be part of a name (not a stop or title word)."""
        return (
            token.is_alpha
            and (token.is_title or (token.is_upper and len(token) > 1))
            and token.lower_ not in self._stop_words
            and token.lower_ not in self.resources.title_vocabulary
        )

    def lemmas(self, lower: str) -> frozenset[str]:
        """The word and every lemma the lemmatizer's rules may give it, for any part of speech."""
        found = self._lemmas.get(lower)
        if found is None:
            found = frozenset({lower, *_rule_lemmas(lower, self._lemma_rules)})
            self._lemmas[lower] = found
        return found


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


def _similar(word: str, names: set[str]) -> bool:
    """The word is, or is a spelling variant of, a name word of a kept sentence (the
    surname cut-off of :mod:`extract.names`, so that every variant it merges is kept)."""
    if word in names:
        return True
    return (
        process.extractOne(
            word.casefold(),
            names,
            scorer=ratio,
            processor=str.casefold,
            score_cutoff=SURNAME_CUTOFF,
        )
        is not None
    )


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
    whitespace token of the same length (newlines kept) that is a sentence of its own."""
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
