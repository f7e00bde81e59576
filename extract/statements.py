"""Where a sentence reports a statement, and which words frame it.

Decides, for one sentence, the cues that may attribute it, in the order they are
tried; it does not decide who the speaker is (:mod:`extract.speakers` does). Cues:

- a speech verb from ``speech.yml`` (``verbs``), with the particle or preposition
  some need ("point out", "call on"), not negated and not an infinitive of speech
  not made ("is due to testify", ``unrealised_frames``); the verb that frames the
  sentence comes first, so in "The agency asked platforms to act, the minister
  added" the framing "added" is tried before "asked";
- the verb's grammatical subject, or the conjoined verb's ("X said ... and added"),
  or the main verb's for a participle ("X weighed in, calling ...");
- an "according to" phrase (``according_to``), whose source follows it;
- a statement in the passive with its author ("it was stated by X", "a statement
  issued by X"): its subject a statement noun (``statement_nouns``), or "it" before a
  speech verb;
- a question put to someone ("Asked about the ban, X declined to comment"): whoever
  the main clause is about answers, whatever its verb;
- in an article that reports no statement at all, a formal act on record (``acts``:
  "X went to court on Monday", "X sued the platform"), its subject the speaker.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

from extract.doccache import token_strings
from extract.model import QUOTE_MARKS
from extract.resources import Resources

_SUBJECT_DEPS = frozenset({"nsubj"})
# Relative pronouns that stand for a person or body ("X, who said ...").
_RELATIVE_PEOPLE = frozenset({"who"})
_PARTICLE_REQUIRED = {"point": "out", "lay": "out", "weigh": "in"}
_PREP_REQUIRED = {
    "call": frozenset({"on", "upon", "for"}),
    "attribute": frozenset({"to"}),
    "tie": frozenset({"to"}),
    "link": frozenset({"to"}),
}


# Verbs with a particle that report a statement only when negated: "X did not rule
# out a ban" says a ban is possible; "X ruled out a ban" is the statement "no ban" too,
# but its subject is often an event ("the fire ruled out repairs"), so only the negated
# form, which takes a person or body, is taken.
_SAID_WHEN_NEGATED = {"rule": "out"}


def is_speech_verb(token: Token, resources: Resources) -> bool:
    """True when ``token`` is a verb that reports a statement."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.casefold()
    if lemma in _SAID_WHEN_NEGATED:
        particle = _SAID_WHEN_NEGATED[lemma]
        children = list(token.children)
        negated = any(c.dep_ == "neg" for c in children)
        return negated and any(c.lower_ == particle for c in children)
    if lemma in _STATEMENT_MAKERS:
        return _makes_statement(token, resources)
    if (
        lemma in resources.order_speech_verbs
    ):  # "Judge X ordered ...": whose subject is checked later
        return any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in token.children)
    if lemma not in resources.speech_verbs:
        return False
    if lemma == "call" and _calls_something(token):
        return True
    if lemma == "add" and _adds_to(token):
        return False
    if lemma in _PARTICLE_REQUIRED:
        return any(c.lower_ == _PARTICLE_REQUIRED[lemma] for c in token.children)
    if lemma in _PREP_REQUIRED:
        return any(c.lower_ in _PREP_REQUIRED[lemma] and not _dated(c) for c in token.children)
    return True


def speech_verbs(sentence: Span, resources: Resources) -> list[Token]:
    """The sentence's speech verbs, framing verbs first, then in text order; a negated
    one ("did not respond") reports no statement and is left out; a verb
    inside what another one reports ("the report said X claimed ...") is content, not
    an attribution, and is left out, unless the framing verb has no subject ("It
    will be recalled that X said ...")."""
    verbs = [
        t
        for t in _verbs_of(
            sentence, resources.speech_verbs | resources.order_speech_verbs | _SPECIAL
        )
        if is_speech_verb(t, resources)
        and not _negated(t)
        and not _unrealised(t, resources)
        and not _open_question(t)
        and not _background_act(t)
        and not _describes_thing(t)
        and not _writes_content(t, resources)
    ]
    framing = {v.i for v in verbs if subject_of(v) is not None}  # not "it was recalled"
    # a verb that makes a statement ("put out a statement") reports nothing in a clause
    # the parser hangs on it ("X mocked the measures; Y had put out a statement")
    reporting = {i for i in framing if sentence.doc[i].lemma_.casefold() not in _STATEMENT_MAKERS}
    verbs = [v for v in verbs if not _reported(v, reporting)]
    verbs.sort(key=lambda t: any(a.i in framing for a in t.ancestors))
    return verbs


def _verbs_of(sentence: Span, lemmas: Collection[str]) -> list[Token]:
    """The sentence's verbs whose lemma is one of ``lemmas``, in text order (read from
    :func:`extract.doccache.token_strings`, building no other token)."""
    doc = sentence.doc
    words = token_strings(doc)
    return [
        doc[k]
        for k in range(sentence.start, sentence.end)
        if words.pos[k] in ("VERB", "AUX") and words.lemma[k] in lemmas
    ]


def _negated(verb: Token) -> bool:
    """ "X did not respond to a request for comment", "Y would not comment", "the agency
    had published no decision": no statement was made ("did not rule out" is one,
    :data:`_SAID_WHEN_NEGATED`)."""
    if verb.lemma_.casefold() in _SAID_WHEN_NEGATED:
        return False
    return any(
        c.dep_ == "neg"
        or (c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children))
        for c in verb.children
    )


# Verbs that make a statement when their object is one ("issued a statement", "put
# out a statement", "released a report"), with the particle some need.
_STATEMENT_MAKERS = {"issue": None, "release": None, "put": "out"}
# Lemmas :func:`is_speech_verb` reads beside the speech verbs of ``speech.yml``.
_SPECIAL = frozenset({*_SAID_WHEN_NEGATED, *_STATEMENT_MAKERS})


def _makes_statement(verb: Token, resources: Resources) -> bool:
    """ "X's press office had put out a sarcastic statement", "the ministry issued a
    statement": a statement noun (``statement_nouns``) as the object of a verb that
    makes it; "issued 40 licences", "released the prisoners" are no statement."""
    particle = _STATEMENT_MAKERS[verb.lemma_.casefold()]
    children = list(verb.children)
    if particle is not None and not any(c.lower_ == particle for c in children):
        return False
    return any(
        c.dep_ == "dobj" and c.lemma_.casefold() in resources.statement_nouns for c in children
    )


def _adds_to(verb: Token) -> bool:
    """ "The Treasury added the two firms to its sanctions list": adding a thing to
    another is an act, not the "added" of speech ("X added that ...")."""
    children = list(verb.children)
    return any(c.dep_ == "dobj" for c in children) and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in children
    )


def _dated(prep: Token) -> bool:
    """ "X called a meeting on Friday": a preposition whose object is a date or time
    places the act; it is not the "on" of "call on"."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _calls_something(verb: Token) -> bool:
    """ "X called the decision an attack on speech", "Y called the ruling 'absurd'":
    naming a thing with a predicate or a quoted word is a statement, as "call on" is;
    "called the office" or "called a meeting" is not."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return False
    after = [c for c in verb.children if c.i > verb.i]
    if any(c.dep_ in ("oprd", "ccomp") or c.text in QUOTE_MARKS for c in after):
        return True
    return any(t.text in QUOTE_MARKS for o in objects for t in o.subtree)


def _unrealised(verb: Token, resources: Resources) -> bool:
    """ "X is scheduled to testify", "Y failed to answer the court", "the judge
    ordered Z to inform users": an infinitive under a verb of plan, failure or order
    (``unrealised_frames``) is speech not made; "X went on to say" is made."""
    if _mandated(verb, resources):
        return True
    if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.dep_ in ("xcomp", "ccomp") and (
        verb.head.lemma_.casefold() in resources.unrealised_frames
        or verb.head.lower_ in resources.unrealised_frames
    )


# Words that make a present-tense clause a condition or an open question, not a
# report: "whether X publishes anything", "if X says so", "until X answers".
_OPEN_MARKS = frozenset({"whether", "if", "unless", "until", "once"})
_OCCASION_NOUNS = frozenset({"time", "day"})


def _open_question(verb: Token) -> bool:
    """ "Watch whether X publishes anything", "the next time X publishes a set": a
    speech verb in the present under a conditional or an open question, or describing
    a time to come, reports nothing said yet."""
    if verb.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ == "mark" and c.lower_ in _OPEN_MARKS for c in verb.children):
        return True
    occasions = [c for c in verb.children if c.dep_ == "npadvmod"]  # parsed either way
    if verb.dep_ == "relcl":
        occasions.append(verb.head)
    return any(
        noun.lemma_.casefold() in _OCCASION_NOUNS and any(c.lower_ == "next" for c in noun.children)
        for noun in occasions
    )


# Words that open a clause placing an earlier or later event in time.
_TIME_MARKS = frozenset({"after", "before", "since", "when", "once"})


def _background_act(verb: Token) -> bool:
    """ "..., a day after the president declared a state of emergency": a speech verb
    in a clause that only places the main event in time, with a thing for its object
    and nothing said (no clause, no quotation, no "as" that calls the thing something),
    is an act in the background."""
    children = list(verb.children)
    if verb.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in children
    ):
        return False
    if any(c.dep_ in ("ccomp", "xcomp", "oprd") or c.lower_ == "as" for c in children):
        return False  # what was said, or a thing called something ("described X as Y")
    return not any(t.text in QUOTE_MARKS for t in verb.subtree)


# Prepositions by which a verb says something of its object ("tied X to Y", "described
# X as Y", "credited X with Y").
_PREDICATING = frozenset({"to", "as", "with"})


def _describes_thing(verb: Token) -> bool:
    """ "a reform the party itself had promised", "the rules that the ministry announced":
    a speech verb in a relative clause whose object is the noun it describes, with a
    subject of its own that is no relative pronoun and nothing said (no clause, no
    quotation), names the thing; the sentence is about it, not a statement."""
    if verb.dep_ != "relcl":
        return False
    children = list(verb.children)
    if not any(c.dep_ in _SUBJECT_DEPS and c.tag_ not in ("WP", "WDT") for c in children):
        return False
    if any(
        c.dep_ in ("ccomp", "xcomp", "oprd")
        or (c.dep_ == "dobj" and c.tag_ != "WDT")
        or (c.dep_ == "prep" and c.lower_ in _PREDICATING)
        for c in children
    ):
        return False  # what was said of it: "an operation that X had tied to Iran"
    return not any(t.text in QUOTE_MARKS for t in verb.subtree)


# Speech verbs that also name producing content: "the network used the models to write
# posts", "the accounts posted comments" report no statement of their subject.
_PRODUCING = frozenset({"write", "post", "tweet", "publish"})
# Verbs of going on with an activity ("continued to post on the platform").
_GOING_ON = frozenset({"continue", "keep", "start", "begin", "resume", "stop"})


def _writes_content(verb: Token, resources: Resources) -> bool:
    """A verb of writing whose object is content written in number ("posts",
    "comments", "articles": the content class of ``demands.yml``), with nothing
    reported (no clause, no quotation): the subject produced material, it made no
    statement ("wrote two letters" is one)."""
    if verb.lemma_.casefold() not in _PRODUCING:
        return False
    children = list(verb.children)
    if any(c.dep_ in ("ccomp", "parataxis") for c in children):
        return False
    if any(t.text in QUOTE_MARKS for t in verb.subtree):
        return False
    if _keeps_posting(verb, children):
        return True
    content = resources.demand_cues.objects["content"]
    return any(
        c.dep_ == "dobj" and c.tag_ == "NNS" and c.lemma_.casefold() in content for c in children
    )


def _keeps_posting(verb: Token, children: list[Token]) -> bool:
    """ "X and Y have both continued to post on the platform": posting with no object
    under a verb of going on is an activity, not a statement."""
    return (
        verb.dep_ == "xcomp"
        and verb.head.lemma_.casefold() in _GOING_ON
        and not any(c.dep_ in ("dobj", "attr") or c.text == ":" for c in children)
    )


# Verbs whose "that" clause in the subjunctive says what must be done ("the judge
# determined that the company inform the court"), beside ``unrealised_frames``.
_MANDATIVE = frozenset({"determine", "demand", "insist", "ask", "request", "recommend", "decide"})


def _mandated(verb: Token, resources: Resources) -> bool:
    """ "The judge determined that Telegram inform the court of its measures": a bare
    verb with a subject of its own and no auxiliary, in the "that" clause of a verb of
    order, is a subjunctive, speech required and not made."""
    if verb.tag_ not in ("VB", "VBP") or verb.dep_ != "ccomp":
        return False
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if not subjects or any(c.dep_ == "aux" for c in children):
        return False
    if verb.tag_ == "VBP" and subjects[0].tag_ not in ("NN", "NNP"):
        return False  # the tagger's present for a singular subject is the subjunctive
    head = verb.head.lemma_.casefold()
    return head in _MANDATIVE or head in resources.unrealised_frames


def _reported(verb: Token, framing: set[int]) -> bool:
    """True when ``verb`` sits in the complement clause of another speech verb; a
    clause of its own after ", and" ("X said the order was unlawful, and Y told
    reporters ...") is not, though the parser often hangs it inside the first one's."""
    if _own_clause(verb) or _what_was_said(verb):
        return False
    node = verb
    while node.head.i != node.i:
        if node.head.i in framing and node.dep_ in ("ccomp", "xcomp"):
            return True
        node = node.head
    return False


def _what_was_said(verb: Token) -> bool:
    """ "echoing what Microsoft said on Monday": a free relative names a statement its
    subject made; it is no content of the framing verb's."""
    return any(c.dep_ == "dobj" and c.lower_ == "what" for c in verb.children)


def _own_clause(verb: Token) -> bool:
    """A conjoined verb with its own subject, after a comma and a conjunction; also a
    second complement the parser gave the first verb ("Lawyers said the ban had no
    basis, and the project said it had sued": two statements)."""
    if not any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return False
    second = verb.dep_ == "ccomp" and any(
        c.dep_ == "ccomp" and c.i < verb.i for c in verb.head.children
    )
    if verb.dep_ != "conj" and not second:
        return False
    left = verb.left_edge.i
    doc = verb.doc
    return (
        left >= 2 and doc[left - 1].lower_ in ("and", "but", "while") and doc[left - 2].text == ","
    )


def subject_of(token: Token) -> Token | None:
    """The verb's subject: the one nearest the verb when the parser found several; a
    relative pronoun stands for the noun its clause describes when the clause reports
    what was said (:func:`_relative_report`)."""
    subjects = [c for c in token.children if c.dep_ in _SUBJECT_DEPS]
    if subjects:
        subject = min(subjects, key=lambda c: abs(token.i - c.i))
        if _relative_report(token, subject):
            return token.head
        return subject
    if token.dep_ == "conj" and _joins_the_framing_verb(token):
        return subject_of(token.head.head)
    if token.dep_ in ("conj", "xcomp") and token.head.i != token.i:
        return subject_of(token.head)
    if token.dep_ == "advcl" and token.tag_ == "VBG" and token.head.i != token.i:
        return subject_of(token.head)  # "X went further, saying ..."
    return _inverted_object(token)


def _joins_the_framing_verb(verb: Token) -> bool:
    """ "X said the agency had published no decision and urged it to explain": a verb in
    the simple past joined to a past perfect that reports what a past-tense verb said
    continues the framing clause (the parser joins it to the nearer verb); the
    reported one would share its tense ("had published ... and had urged")."""
    reported = verb.head
    return (
        verb.tag_ == "VBD"
        and reported.dep_ == "ccomp"
        and reported.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ == "had" for c in reported.children)
        and reported.head.tag_ == "VBD"
        and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
    )


def _inverted_object(verb: Token) -> Token | None:
    """'"It is unjustified", declared the president of the union, X': right after
    the quotation's comma and closing mark the speaker follows the verb, and the parser
    often takes it for the verb's object."""
    doc = verb.doc
    before = {t.text for t in doc[max(verb.sent.start, verb.i - 2) : verb.i]}
    if "," not in before or not before & QUOTE_MARKS:
        return None
    return next((c for c in verb.rights if c.dep_ == "dobj"), None)


def _relative_report(verb: Token, subject: Token) -> bool:
    """ "..., followed by the deputy minister, X, who said the operators worked for Y":
    a relative clause whose speech verb carries the words said is X's statement; one
    that only describes a habit ("X, who has posted his remarks on Y, is expected to
    ...") reports nothing and stays the pronoun's, which names nobody."""
    return (
        subject.tag_ == "WP"
        and subject.lower_ in _RELATIVE_PEOPLE
        and verb.dep_ == "relcl"
        and any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
    )


def according_to(sentence: Span, resources: Resources) -> list[tuple[Token, int]]:
    """Each "according to" cue: its first word and the token index its source starts at."""
    words = token_strings(sentence.doc).lower[sentence.start : sentence.end]
    found = []
    for phrase in resources.according_to:
        for offset in range(len(words) - len(phrase)):
            if tuple(words[offset : offset + len(phrase)]) == phrase:
                source = sentence[offset + len(phrase) - 1].i + 1
                if not _measured(sentence, source, resources):
                    found.append((sentence[offset], source))
    return found


def _measured(sentence: Span, source: int, resources: Resources) -> bool:
    """ "according to a survey by X", "according to the latest poll": the source is a
    measurement (``statistic_sources``), whose maker is cited for a figure, not quoted."""
    doc = sentence.doc
    i = source
    while i < sentence.end and (doc[i].pos_ in ("DET", "ADJ", "NUM") or doc[i].text in ("'s",)):
        i += 1
    if i < sentence.end and doc[i].lemma_.casefold() in resources.statistic_sources:
        return True
    # "according to the app analytics firm X": a firm described by what it measures
    while i < sentence.end and doc[i].pos_ in ("NOUN", "ADJ") and doc[i].is_lower:
        if doc[i].lemma_.casefold() in resources.statistic_sources:
            return True
        i += 1
    return False


def answered_question(sentence: Span) -> tuple[Token, Token] | None:
    """``(cue, subject)`` when the sentence opens with a question put to its subject:
    "Asked about the ban, the ministry did not reply" (a participle "asked" that
    modifies the main verb)."""
    first = next((t for t in sentence if not t.is_punct), None)
    if first is None or first.lemma_.casefold() != "ask" or first.tag_ != "VBN":
        return None
    if first.dep_ != "advcl" or first.head.i != sentence.root.i:
        return None
    subject = subject_of(sentence.root)
    return (first, subject) if subject is not None else None


def passive_authors(sentence: Span, resources: Resources) -> list[tuple[Token, Token]]:
    """``(verb, author)`` for each statement written in the passive with its author:
    "it was announced by the ministry", "the statement below was issued by X", "its
    announcement, which was written by X"."""
    found = []
    doc = sentence.doc
    words = token_strings(doc)
    heads = sorted(
        {doc[k].head.i for k in range(sentence.start, sentence.end) if words.dep[k] == "agent"}
    )
    for verb in (doc[i] for i in heads if sentence.start <= i < sentence.end):
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is None:
            continue
        author = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if author is None:
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if verb.dep_ == "acl":
            subjects.append(verb.head)  # "a statement issued by X"
        if verb.dep_ == "relcl" and any(s.tag_ == "WDT" for s in subjects):
            subjects.append(verb.head)  # "its announcement, which was written by X"
        said = is_speech_verb(verb, resources)
        if any(
            s.lemma_.casefold() in resources.statement_nouns or (said and s.lower_ == "it")
            for s in subjects
        ):
            found.append((verb, author))
    return found


def formal_act(sentence: Span, resources: Resources) -> tuple[Token, Token] | None:
    """``(verb, subject)`` of the first formal act the sentence reports ("X went to
    court", "X sued the platform"): a verb whose lemma opens one of ``acts`` with the
    phrase's other words among its dependents."""
    for verb in sentence:
        if verb.pos_ != "VERB":
            continue
        lemma = verb.lemma_.casefold()
        for phrase in resources.acts:
            if phrase[0] != lemma:
                continue
            below = {t.lemma_.casefold() for t in verb.subtree if t.i != verb.i}
            subject = subject_of(verb)
            if subject is not None and all(w in below for w in phrase[1:]):
                return verb, subject
    return None
