"""Figures for numbers of social-media accounts, as intervals ``{text, min, max}``.

A figure counts accounts when its noun is an account noun, written after it ("300
social media accounts", "hundreds of accounts", "over 1,000 of its handles") or
earlier: a partitive pronoun ("62 of them") whose antecedent is an account noun, or
a bare number that continues a list of account figures ("a dozen accounts on X and
one on Instagram", "186 channels in April, 1,098 in May", "and 271 more tied to ...";
a place's name between them is no noun: "accounts run from the Emirates and 30
more"); or the people the accounts belong to, one each ("the accounts of dozens of
officers", ``holder_nouns``). Retweets, deaths, demands and years have other nouns, so
they are never reported; neither are figures for a mix of accounts, Pages and Groups,
nor accounts that are an audience ("276,000 accounts followed its Pages", "followed by
10,000 accounts"). Modifiers and vague quantities get their bounds from
``quantities.yml``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extract.doccache import doc_text, positions
from extract.model import AccountCount
from extract.numbers import is_number_word, parse_number, uses_dot_thousands
from extract.resources import Resources

_GAP_POS = frozenset({"ADJ", "NOUN", "PROPN", "VERB", "ADV"})
_GAP_WORDS = frozenset(
    {"-", "of", "social", "media", "online", "so-called", "/", "(", ")", "formerly"}
    | {'"', "“", "”", "‘", "’"}  # a word the writer quotes: 'N "core" accounts'
)
# Determiners that make a noun given, not counted here: "the Instagram profiles about N"
# says what the profiles had (N followers), not how many there were.
_GIVEN = frozenset({"the", "these", "those", "its", "their", "his", "her", "our"})
# Between a partitive "of" and its noun: "100,000 of the network's accounts".
_PARTITIVE_GAP_POS = frozenset({"DET", "PRON", "PART"})
# Entity types of numbers that are never counts of anything: "$1,100", "58%", "3pm".
# A DATE is checked by its neighbours instead ("May 2"), as the tagger also calls a
# count in "40 in March, 55 in April" a date.
_NOT_COUNTS = frozenset({"MONEY", "PERCENT", "TIME", "ORDINAL", "QUANTITY"})
# After a bare number, words that show it is a measure or a range, not a count.
_NOT_BARE_NEXT = frozenset(
    {"%", "percent", "per", "to", "-", "–", "times", "of", "or", "and", '"', "”", "'", "’"}
)
_NOT_BARE_PREVIOUS = frozenset({"from", "to", "between", "$", "€", "£", "¥", "no.", "#", "-"})
# After a bare number, words that add to the figures before it ("and 271 more tied to").
_MORE_OF_THEM = frozenset({"more", "others", "other", "additional", "further"})
_FOLLOWS_BARE = frozenset({"ADP", "VERB", "AUX", "PUNCT", "CCONJ", "SCONJ", "PRON", "DET", "ADV"})
# Verbs before "up to" that make it a total, not a bound: "the sets add up to 90 accounts".
_TOTAL_VERBS = frozenset({"add"})
# After a bare "one", words that make it a pronoun for a single item ("64 channels,
# including one run by a chef", "one that ..."), not a count continuing the figures.
_ONE_PRONOUN_NEXT = frozenset({"that", "which", "who", "whose"})


def find_accounts(doc: Doc, resources: Resources) -> list[AccountCount]:
    """Every account figure in ``doc``, in text order, without repeats."""
    found: dict[tuple[int, int], AccountCount] = {}
    nouns = resources.account_nouns | resources.partitive_pronouns
    for i in positions(doc, lowers=nouns, numbers=True):  # what the three tests below need
        token = doc[i]
        figure = None
        if token.lower_ in resources.account_nouns and token.dep_ != "compound":
            if not _counts_something_else(doc, token, resources):
                figure = _figure_before(doc, token, resources) or _holders_figure(
                    doc, token, resources
                )
                if figure is not None and _is_mixed_total(doc, token, figure, resources):
                    figure = None
        elif token.lower_ in resources.partitive_pronouns:
            figure = _partitive_figure(doc, token, resources)
        elif _is_bare_number(doc, token.i, resources):
            figure = _elliptical_figure(doc, token, resources)
        if figure is not None:
            found.setdefault((figure.start, figure.end), figure)
    return [found[key] for key in sorted(found)]


def _counts_something_else(doc: Doc, noun: Token, resources: Resources) -> bool:
    """Accounts as an audience ("276,000 accounts followed its Pages", "a page
    followed by more than 10,000 accounts")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "by":
        verb = noun.head.head
    elif noun.dep_ == "nsubj":
        verb = noun.head
    else:
        return False
    return verb.lemma_.casefold() in resources.audience_verbs


def _is_mixed_total(doc: Doc, noun: Token, figure: AccountCount, resources: Resources) -> bool:
    """A written number over accounts and other assets ("3,000 accounts, Pages and
    Groups") is a total that says nothing of the accounts alone; a vague quantity
    ("dozens of accounts and pages") still gives their order of magnitude."""
    if any(phrase[-1] == figure.text.split()[-1].casefold() for phrase in resources.vague):
        return False
    i = noun.i + 1
    while i < noun.sent.end and doc[i].lower_ in (",", "and", "or"):
        i += 1
    return i > noun.i + 1 and i < noun.sent.end and doc[i].lower_ in resources.mixed_count_nouns


def _figure_before(doc: Doc, noun: Token, resources: Resources) -> AccountCount | None:
    """The figure before an account noun; once a partitive "of" is crossed, the figure
    must stand right before it ("two networks of fake accounts" counts networks)."""
    sentence_start = noun.sent.start
    i = noun.i - 1
    gap = 0
    while i >= sentence_start and gap <= resources.max_gap_tokens:
        token = doc[i]
        if token.lower_ in resources.not_account_words:
            return None
        if _is_figure_end(doc, i, resources, gap):
            return _figure_ending_at(doc, i, resources)
        if token.lower_ == "of":
            if i - 1 >= sentence_start and doc[i - 1].lower_ == "one":
                return None  # "one of his main channels" picks an item, counts nothing
            if i - 1 >= sentence_start and _is_figure_end(doc, i - 1, resources, gap):
                return _figure_ending_at(doc, i - 1, resources)
            return None
        if (
            token.lower_ not in _GAP_WORDS
            and token.pos_ not in _GAP_POS
            and not _partitive_gap(doc, i, noun)
            and not _coordinated_modifiers(doc, i, sentence_start, noun.i)
        ):
            return None
        if token.pos_ == "VERB" and token.tag_ not in ("VBN", "VBG"):
            return None
        i -= 1
        gap += 1
    return None


def _holders_figure(doc: Doc, noun: Token, resources: Resources) -> AccountCount | None:
    """ "the accounts of dozens of officers": a figure of the people the accounts belong
    to, right after "of", counts the accounts (one each)."""
    start = noun.i + 1
    if noun.tag_ != "NNS" or start >= noun.sent.end or doc[start].lower_ != "of":
        return None
    for k in range(start + 1, min(noun.sent.end, start + 2 + resources.max_gap_tokens)):
        if doc[k].lower_ not in resources.holder_nouns:
            continue
        i = k - 1
        while i > start and doc[i].pos_ in ("ADJ", "NOUN", "PROPN"):
            i -= 1  # "30 Ukrainian military officers"
        if doc[i].lower_ == "of" and i - 1 > start:
            i -= 1  # "dozens of officers": the vague quantity ends before its "of"
        if i > start and _is_figure_end(doc, i, resources):
            return _figure_ending_at(doc, i, resources)
        return None
    return None


def _coordinated_modifiers(doc: Doc, i: int, floor: int, noun: int) -> bool:
    """ "N false or duplicate profiles", "N Facebook and Instagram accounts": a
    conjunction between two adjectives or two platforms' names modifies one noun; between
    nouns ("pages and accounts") it joins two counts and stays a stop."""
    if doc[i].pos_ != "CCONJ" or i - 1 < floor or i + 1 >= noun:
        return False
    left, right = doc[i - 1], doc[i + 1]
    if left.pos_ == "ADJ" and right.pos_ == "ADJ":
        return True
    return left.ent_type_ == "PLATFORM" and right.ent_type_ == "PLATFORM"


def _partitive_gap(doc: Doc, i: int, noun: Token) -> bool:
    """A determiner or possessive after a partitive "of": "of its", "of the network's"."""
    if doc[i].pos_ not in _PARTITIVE_GAP_POS:
        return False
    return any(t.lower_ == "of" for t in doc[noun.sent.start : i])


def _is_figure_end(doc: Doc, i: int, resources: Resources, gap: int = 1) -> bool:
    """A number or vague quantity ends at ``i``. "a"/"an" alone are articles; "one"
    counts only with a modifier between it and its noun ("one Instagram account",
    not "by one account")."""
    word = doc[i].lower_
    if is_number_word(doc[i].text, resources) and word not in ("a", "an", "one"):
        return True
    if word == "one":
        return gap > 0
    return any(phrase[-1] == word for phrase in resources.vague)


def _is_bare_number(doc: Doc, i: int, resources: Resources) -> bool:
    """A number with no noun of its own ("... and one on Instagram", "1,098 in May")."""
    token = doc[i]
    if not token.like_num or not is_number_word(token.text, resources):
        return False
    if token.ent_type_ in _NOT_COUNTS or _is_year(doc[i : i + 1]) or _in_date(doc, i):
        return False
    if i > token.sent.start and doc[i - 1].lower_ in _NOT_BARE_PREVIOUS:
        return False
    if i + 1 >= token.sent.end:
        return True
    after = doc[i + 1]
    if after.lower_ in _NOT_BARE_NEXT or is_number_word(after.text, resources):
        return False
    if after.lower_ in _MORE_OF_THEM:  # "271 more tied to", not "3 more people"
        return i + 2 >= token.sent.end or doc[i + 2].pos_ not in ("NOUN", "PROPN")
    return after.pos_ in _FOLLOWS_BARE


def _in_date(doc: Doc, i: int) -> bool:
    """A day of the month: the number stands beside a name in the same DATE entity."""
    if doc[i].ent_type_ != "DATE":
        return False
    neighbours = [doc[j] for j in (i - 1, i + 1) if 0 <= j < len(doc)]
    return any(t.ent_type_ == "DATE" and t.pos_ == "PROPN" for t in neighbours)


def _antecedent(doc: Doc, before: int, sentences_back: int) -> Token | None:
    """The plural noun a later figure or pronoun most likely stands for: the nearest
    one before ``before`` in its sentence, else the plural subject (or the last plural
    noun) of up to ``sentences_back`` sentences before."""
    sentence = doc[before].sent
    for token in reversed(doc[sentence.start : before]):
        if token.tag_ in ("NNS", "NNPS") and token.dep_ != "compound" and not _in_place(token):
            return token
    start = sentence.start
    for _ in range(sentences_back):
        if start == 0:
            return None
        previous = doc[start - 1].sent
        plurals = [t for t in previous if t.tag_ in ("NNS", "NNPS") and t.dep_ != "compound"]
        subjects = [t for t in plurals if t.dep_ in ("nsubj", "nsubjpass")]
        if subjects or plurals:
            return (subjects or plurals)[-1] if subjects else plurals[-1]
        start = previous.start
    return None


def _in_place(token: Token) -> bool:
    """A word of a place's name ("the United Arab Emirates"): no noun a figure counts."""
    return token.ent_type_ in ("GPE", "LOC", "FAC")


def _partitive_figure(doc: Doc, pronoun: Token, resources: Resources) -> AccountCount | None:
    """ "More than 900 of them": a figure, "of", a pronoun whose antecedent counts accounts."""
    of = pronoun.i - 1
    if of - 1 < pronoun.sent.start or doc[of].lower_ != "of":
        return None
    if doc[of - 1].lower_ == "one" or not _is_figure_end(doc, of - 1, resources):
        return None
    antecedent = _antecedent(doc, of - 1, sentences_back=1)
    if antecedent is None or antecedent.lower_ not in resources.account_nouns:
        return None
    return _figure_ending_at(doc, of - 1, resources)


def _elliptical_figure(doc: Doc, number: Token, resources: Resources) -> AccountCount | None:
    """A bare number whose nearest plural noun before it in the sentence is an account
    noun, or, with none before it in its sentence, whose antecedent in the sentence
    before is an account noun with a figure of its own ("... with more than 2,600
    accounts. Venezuela accounted for nearly 2,000, and Russia for 418."); a bare
    "one" only when that noun carries a figure of its own."""
    antecedent = _antecedent(doc, number.i, sentences_back=0)
    if antecedent is None:
        after = doc[number.i + 1] if number.i + 1 < len(doc) else None
        counts_noun = number.dep_ == "nummod" and number.head.i > number.i
        if counts_noun or (after is not None and after.pos_ in ("ADJ", "NOUN", "PROPN")):
            return None  # "700 million monthly active users": a noun of its own follows
        antecedent = _antecedent(doc, number.i, sentences_back=1)
        if antecedent is None or _figure_before(doc, antecedent, resources) is None:
            return None
    if antecedent.lower_ not in resources.account_nouns:
        return None
    if number.dep_ == "nsubj" and number.head.lemma_.casefold() in resources.audience_verbs:
        return None  # "... and more than 9,000 followed the accounts": an audience
    if _given_without_figure(doc, antecedent, number, resources):
        return None
    if number.lower_ == "one" and (
        _figure_before(doc, antecedent, resources) is None or _one_is_pronoun(doc, number)
    ):
        return None
    return _figure_ending_at(doc, number.i, resources)


def _given_without_figure(doc: Doc, antecedent: Token, number: Token, resources: Resources) -> bool:
    """ "the Pages gathered N followers and the Instagram profiles about M": a noun the
    text already knows (a determiner, no figure of its own) right before the number is
    the subject of an elided verb; M is what it had, not how many there were ("and 30
    more" still adds to it)."""
    if number.i + 1 < number.sent.end and doc[number.i + 1].lower_ in _MORE_OF_THEM:
        return False
    if number.i - antecedent.i > 3:  # "the profiles about N": the number follows it
        return False
    if _figure_before(doc, antecedent, resources) is not None:
        return False
    return any(child.lower_ in _GIVEN for child in antecedent.lefts)


def _one_is_pronoun(doc: Doc, number: Token) -> bool:
    """A bare "one" a participle or relative clause describes ("including one run by
    a preacher", "one that posted ..."): one item singled out, not a count."""
    if number.i + 1 >= number.sent.end:
        return False
    after = doc[number.i + 1]
    return after.tag_ == "VBN" or after.lower_ in _ONE_PRONOUN_NEXT


def _longest_phrase_ending(doc: Doc, end: int, phrases: object, floor: int) -> int | None:
    """Start index of the longest phrase in ``phrases`` ending just before ``end``."""
    best = None
    for phrase in phrases:  # type: ignore[attr-defined]
        start = end - len(phrase)
        if start < floor:
            continue
        if tuple(t.lower_ for t in doc[start:end]) == phrase and (best is None or start < best):
            best = start
    return best


def _figure_ending_at(doc: Doc, last: int, resources: Resources) -> AccountCount | None:
    floor = doc[last].sent.start
    vague_start = _longest_phrase_ending(doc, last + 1, resources.vague, floor)
    if vague_start is not None:
        low, high = resources.vague[tuple(t.lower_ for t in doc[vague_start : last + 1])]
        return _with_modifier(doc, vague_start, last + 1, (low, high), resources, vague=True)
    start = last
    while start - 1 >= floor and (
        is_number_word(doc[start - 1].text, resources)
        or (
            doc[start - 1].lower_ == "and"
            and start - 2 >= floor
            and is_number_word(doc[start - 2].text, resources)
            and doc[start - 2].lower_ in resources.number_scales
        )
    ):
        start -= 1
    value = parse_number([t.text for t in doc[start : last + 1]], resources, _dot_thousands(doc))
    if value is None:
        return None
    if _is_year(doc[start : last + 1]):
        return None
    low_range = _range_start(doc, start, floor, resources)
    if low_range is not None:
        range_start, low = low_range
        return _span(doc, range_start, last + 1, low, value)
    return _with_modifier(doc, start, last + 1, (value, value), resources, vague=False)


def _dot_thousands(doc: Doc) -> bool:
    """Whether this text writes "170.000" for 170,000, worked out once per document."""
    key = "presskb_dot_thousands"
    if key not in doc.user_data:
        doc.user_data[key] = uses_dot_thousands(doc_text(doc))
    return bool(doc.user_data[key])


def _is_year(span: Span) -> bool:
    text = span.text
    return len(span) == 1 and len(text) == 4 and text.isdigit() and text[:2] in ("19", "20")


def _range_start(doc: Doc, start: int, floor: int, resources: Resources) -> tuple[int, int] | None:
    """ "between 50 and 500", "50 to 500", "50-500": the start token and the lower number."""
    joiner = start - 1
    if joiner - 1 < floor or doc[joiner].lower_ not in ("and", "to", "-", "–"):
        return None
    if not is_number_word(doc[joiner - 1].text, resources):
        return None
    low = parse_number([doc[joiner - 1].text], resources, _dot_thousands(doc))
    if low is None:
        return None
    first = joiner - 1
    if doc[joiner].lower_ == "and":
        if first - 1 < floor or doc[first - 1].lower_ != "between":
            return None
        first -= 1
    elif first - 1 >= floor and doc[first - 1].lower_ in ("from", "between"):
        first -= 1
    return first, low


def _with_modifier(
    doc: Doc, start: int, end: int, bounds: tuple[int, int], resources: Resources, vague: bool
) -> AccountCount:
    floor = doc[start].sent.start
    mod_start = _longest_phrase_ending(doc, start, resources.modifiers, floor)
    low: int | None
    high: int | None
    low, high = bounds
    if (
        mod_start is not None
        and tuple(t.lower_ for t in doc[mod_start:start]) == ("up", "to")
        and mod_start > floor
        and doc[mod_start - 1].lemma_.casefold() in _TOTAL_VERBS
    ):
        mod_start = None  # "add up to 276 accounts": a total, exactly the number
    if mod_start is not None:
        lower, upper = resources.modifiers[tuple(t.lower_ for t in doc[mod_start:start])]
        if vague:
            low = lower.apply(bounds[0]) if lower.offset is not None else None
            high = upper.apply(bounds[1]) if upper.offset is not None else None
        else:
            low, high = lower.apply(bounds[0]), upper.apply(bounds[1])
        start = mod_start
    return _span(doc, start, end, low, high)


def _span(doc: Doc, start: int, end: int, low: int | None, high: int | None) -> AccountCount:
    span = doc[start:end]
    return AccountCount(text=span.text, start=span.start_char, end=span.end_char, min=low, max=high)
