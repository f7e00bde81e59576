"""What speakers ask others to do, labelled with the taxonomy in ``demands.yml``.

An ask is found in the ways news writes one:

- a verb of asking and what it asks for: "urged X to ...", "called on X to ...",
  "gave X 24 hours to ...", "demanded that ...", "called for X", and the passive
  "were asked to ..."; its subject must be a speaker, a role, a state or an
  organisation;
- an order, whoever gives it (a court, a regulator, a warrant, a law): "ordered X
  to ...", "directing them to ...", "an injunction requiring X to ...", "ordered X
  suspended", and what it orders as a noun: "ordered the suspension of X", "ordered the
  prosecution of ..."; translated agency copy's "determined that X remove ...";
- an obligation stated in an attributed sentence or in what a speaker says, warns or
  reminds: "X must ...", "should ...", "had to ...";
- a nominal ask: "a request for information", "an order to ...", "three requests:
  first, to ...", "a deadline to name a representative", also when someone received
  it from a named asker ("received a directive from the regulator to ..."), or named
  by its action ("issued blocking orders", "a takedown notice"), with what it acts on
  in its own words or in the next sentence that takes it up ("The first covered 250
  accounts");
- an ask reported around it: "sought the removal of X", a dispute over one ("a fight
  with X over the removal of accounts"), a failure sanctioned ("fined for failing to
  remove ...", "blocked it after it refused to ..."), the condition for lifting a
  sanction ("until it names a representative", "if it did not remove ..."), and an
  obligation a decision sets ("ruled that X must ...", "Under the ruling, X must ..."),
  and the items listed after an ask ("... gave it 24 hours. The list: name a
  representative; remove the post; ..."); these yield labels of the taxonomy only,
  never "other:".

An ask under a word of power ("has the power to order ...", "allows the authority to
order ...") describes what someone may do, and a platform's own rules ("its policies
require ...") state a policy: neither asks anything. Nor does a law's standing duty
told as background ("the Act requires networks to remove ...", "Under the Act, sites
are required to ..."), unless a speaker invokes it ("reminded X that the Act obliges
it to ..."); nor a plan or a prediction ("the company expected to keep finding such
campaigns", "is expected to invite X", "expected the networks to adapt"); nor the bare
object of a verb that asks only with an infinitive ("a site pushing propaganda",
"told reporters on a call that ...").

Questions, negated asks and advice to the public (an ask addressed to users,
citizens, parents) are not demands; a threatened penalty asks nothing.

Each asked action is labelled by ``extract.demand_labels``. An ask with a concrete
action outside the taxonomy is ``other: <the words>``; a generic one gets nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extract.demand_labels import (
    action_labels,
    detection_or_removal,
    has_to,
    noun_label,
    small_clause,
    weighs,
)
from extract.doccache import doc_text, token_strings
from extract.model import Mention
from extract.pipeline import PLATFORM
from extract.resources import DemandCues, Resources
from extract.state_blocks import state_block

ACCEPTED_SUBJECTS = frozenset({"speaker", "pronoun", "role", "plural", "state"})
OTHER = "other: "
BLOCK = "block_access"
_NAMED = frozenset({"ORG", "PERSON", "GPE", "NORP"})
_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
_MAX_OTHER_TOKENS = 20
_POINTING = frozenset({"this", "that", "it"})
# "would have to pay a fine if ...": an obligation under a conditional is a consequence
# threatened, not an ask.
_CONDITIONAL = frozenset({"would", "could", "might", "may"})
# "the government could order operators to ...", "can be ordered to ...": a power
# described, not an ask made.
_POSSIBLE = frozenset({"can", "could", "may", "might"})
_GERUND_CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "conj"})
# Clauses that give a sanction's reason ("blocked it after it refused to ...") or the
# condition for lifting it ("until it removes ...", "unless it removes ...").
_REASON_MARKS = frozenset({"after", "because", "since", "as", "when"})
_UNTIL_MARKS = frozenset({"until", "unless", "till"})
# ... or for granting a relief ("restored once ...", "lifted when ...", "if ...").
_RELIEF_MARKS = frozenset({"once", "when", "if"})
_PROSPECTIVE = frozenset({"would", "will", "could", "can", "'ll", "shall"})
# Subjects that take up a noun of the sentence before: "They covered ...", "The first ...".
_TAKEN_UP = frozenset({"they", "these", "it", "this", "first", "second", "third", "latter"})


@dataclass(frozen=True)
class _Ask:
    """An asking word, the words that say what it asks for, and where the ask's words start."""

    trigger: Token
    heads: tuple[Token, ...]
    start: int
    # The words the label is read from when not the heads' own: an order's words
    # without its addressee, and the next sentence that says what it covered ("issued
    # blocking orders. The first covered 250 accounts").
    words: tuple[Token, ...] = ()
    # Reported only through what surrounds it (a dispute over it, a failure to do it):
    # an ask of the taxonomy or nothing, never "other:".
    labelled_only: bool = False


def find_demands(
    doc: Doc,
    sentence: Span,
    classify: Callable[[Token], str],
    resources: Resources,
    attributed: str = "none",
) -> list[Mention]:
    """Labelled demands of one sentence.

    ``classify`` says what a subject token refers to; ``attributed`` is the category of
    the sentence's attributed speaker, used when a coordinated trigger ("... told
    reporters that ..., and urged platforms to ...") inherits a subject through a parse
    that attached it to the wrong verb, and to accept an obligation ("X must ...").
    """
    cues = resources.demand_cues
    if doc_text(doc)[sentence.start_char : sentence.end_char].rstrip().endswith("?"):
        return []
    found: dict[str, Mention] = {}
    for ask in _asks(sentence, classify, resources, attributed):
        labels: list[tuple[str, list[Token]]] = []
        if ask.words:
            hit = noun_label(list(ask.words), cues)
            labels = [hit] if hit else []
        for head in () if ask.words else ask.heads:
            labels.extend(action_labels(head, cues))
        labels = _provider_block(ask, cues) or detection_or_removal(labels)
        labels = [(n, e) for n, e in labels if not _platform_record(ask, n, e, cues)]
        for name, evidence in labels:
            if name not in found:
                found[name] = _mention(_wording(doc, ask.trigger, evidence), name)
        if not labels and not ask.labelled_only:
            other = _other(doc, ask, cues)
            if other is not None and other.value not in found:
                found[other.value] = other
    if BLOCK not in found:
        words = token_strings(doc)
        verbs = (doc[k] for k in range(sentence.start, sentence.end) if words.pos[k] == "VERB")
        block = next((t for t in verbs if state_block(t, classify, resources)), None)
        if block is not None:
            found[BLOCK] = _mention(doc[block.i : block.i + 1], BLOCK)
    return sorted(found.values(), key=lambda m: m.start)


def _provider_block(ask: _Ask, cues: DemandCues) -> list[tuple[str, list[Token]]]:
    """ "ordered internet providers to block them", "told operators to block 11 web
    addresses": whatever an order to those who carry traffic blocks, it cuts access to a
    service (block_access), though its object names no platform or names addresses."""
    addressee = _addressee(ask.trigger)
    if addressee is None or not _named_by(addressee, cues.access_providers):
        return []
    blocking = next(label.first_words for label in cues.labels if label.name == BLOCK)
    return [
        (BLOCK, [action])
        for head in ask.heads
        for action in [head, *head.conjuncts]
        if action.pos_ in _VERBAL and action.lemma_.casefold() in blocking
    ][:1]


def _platform_record(ask: _Ask, name: str, evidence: list[Token], cues: DemandCues) -> bool:
    """ "called on the company to publish the full list of the Pages it had removed": a
    record of a platform's removals asked of anyone but an authority is outside the
    taxonomy ("other:"); asked of the authority that acted ("publish the list of
    channels it blocked") it is an explanation."""
    if name != "explain_or_respond" or not any(
        c.dep_ == "dobj" and c.lemma_.casefold() in cues.record_nouns for c in evidence[0].children
    ):
        return False
    addressee = _addressee(ask.trigger)
    if addressee is None:
        return False
    authorities = cues.objects["authority"] | cues.askers
    return not (addressee.ent_type_ in ("GPE", "NORP") or _named_by(addressee, authorities))


def _named_by(noun: Token, words: frozenset[str]) -> bool:
    """Whether the noun or a compound before it is one of ``words`` ("internet
    service providers", "the telecoms regulator")."""
    return any(
        w.lemma_.casefold() in words
        for w in [noun, *(c for c in noun.children if c.dep_ == "compound")]
    )


def _wording(doc: Doc, trigger: Token, evidence: list[Token]) -> Span:
    """The words the demand is written with: from the asking word to the asked action
    and its particle ("ordered X to remove", "asked to take down", "must reply",
    "request for information"), so that two outlets reporting one demand in other
    words can be told apart (``link.discrepancies`` compares the first and last words);
    the action alone when the two stand too far apart to quote as one phrase."""
    last = max(
        [t.i for t in evidence] + [c.i for t in evidence for c in t.children if c.dep_ == "prt"]
    )
    start = min(trigger.i, evidence[0].i)
    end = max(trigger.i, last) + 1
    if end - start > _MAX_OTHER_TOKENS:
        return doc[evidence[0].i : last + 1]
    return doc[start:end]


def _mention(span: Span, label: str) -> Mention:
    return Mention(span.text, span.start_char, span.end_char, value=label, kind="demand")


def _negated(token: Token) -> bool:
    return any(child.dep_ == "neg" for child in token.children)


def _asks(
    sentence: Span, classify: Callable[[Token], str], resources: Resources, attributed: str
) -> Iterator[_Ask]:
    cues = resources.demand_cues
    triggers = cues.trigger_lemmas
    doc = sentence.doc
    words = token_strings(doc)
    for k in range(sentence.start, sentence.end):
        lemma = words.lemma[k]
        if (
            lemma not in triggers
            and words.lower[k] not in cues.obligation_modals
            and words.tag[k] != "VBG"
            and words.dep[k] != "advcl"
        ):
            continue  # no rule below reads it: most of a sentence's words
        token = doc[k]
        reported = _sanctioned_failure(token, cues) or _lifting_condition(token, cues)
        if reported is not None:
            yield reported
            continue
        if _negated(token) or _under_power(token, cues):
            continue
        listed = _listed(token, sentence, cues) if lemma in cues.listing_nouns else None
        ask: _Ask | None
        if listed is not None:
            ask = listed
        elif token.pos_ in _NOMINAL and lemma in cues.dispute_nouns:
            ask = _disputed(token, cues)
        elif token.pos_ in _VERBAL and lemma in cues.asking_verbs:
            ask = _verb_ask(token, classify, resources, attributed)
        elif token.pos_ in _NOMINAL and lemma in cues.ask_nouns:
            ask = _noun_ask(token, sentence, cues)
        elif token.pos_ in _VERBAL and lemma in cues.restating_verbs:
            ask = _restated_duty(token, sentence, resources, attributed)
        else:
            ask = _obligation(token, sentence, resources, attributed)
        if ask is not None:
            yield ask


def _listed(noun: Token, sentence: Span, cues: DemandCues) -> _Ask | None:
    """ "The list: name a representative; remove the post; block the channels": a
    sentence that opens with a listing noun and a colon, after a sentence that asks or
    orders, spells out what was asked; its items are the bare verbs after the colon
    (the parse makes the first the root and the others its conjuncts). Only labels of
    the taxonomy are read from it: the items run together in the parse."""
    if noun.pos_ not in _NOMINAL or noun.i - sentence.start > 3 or noun.i + 1 >= sentence.end:
        return None
    colon = noun.doc[noun.i + 1]
    if colon.text != ":" or sentence.start == 0:
        return None
    before = noun.doc[sentence.start - 1].sent
    asking = cues.ask_verbs | cues.order_verbs | cues.ask_nouns | cues.decision_nouns
    if not any(t.lemma_.casefold() in asking for t in before):
        return None
    heads = tuple(
        t
        for t in sentence
        if t.i > colon.i and t.tag_ == "VB" and (t.head.i == t.i or t.head.i <= colon.i)
    )
    if not heads:
        return None
    return _Ask(noun, heads, colon.i + 1, labelled_only=True)


def _subject_of(verb: Token) -> Token | None:
    node = verb
    while True:
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
            continue
        return None


def _asker_accepted(
    verb: Token, classify: Callable[[Token], str], resources: Resources, attributed: str
) -> bool:
    """Who asks: a speaker, role, state or organisation; nobody named in a passive
    ("were asked to") or a document that asks ("a letter demanding that ...")."""
    if any(child.dep_ == "auxpass" for child in verb.children):
        return True
    if verb.dep_ == "acl" and verb.lemma_.casefold() in resources.demand_cues.that_clause_verbs:
        return True
    if verb.dep_ == "conj" and attributed in ACCEPTED_SUBJECTS:
        return True
    return any(
        classify(subject) in ACCEPTED_SUBJECTS
        or subject.ent_type_ in _NAMED
        or subject.lemma_.casefold() in resources.institutions
        or subject.lemma_.casefold() in resources.demand_cues.askers
        for subject in _subjects_up(verb)
    )


def _subjects_up(verb: Token) -> list[Token]:
    """The subject of the verb, else of the verbs above it: a coordinated "... and urged
    companies to ..." that the parse hangs on the wrong clause still finds its asker
    in the sentence's main clause; "Jane Doe, its director, called on X to ...", which the
    parse reads as a clause of the apposition or of the name, finds it in the name."""
    out: list[Token] = []
    node = verb
    for _ in range(6):
        out.extend(c for c in node.children if c.dep_ in ("nsubj", "nsubjpass"))
        if node.dep_ == "acl" and node.head.dep_ == "appos":
            out.append(node.head.head)
        elif node.dep_ == "acl" and node.head.ent_type_ in _NAMED:
            out.append(node.head)
        if node.head.i == node.i:
            break
        node = node.head
    return out


def _addressee(verb: Token) -> Token | None:
    """Who is asked: the object ("urged the platforms"), "called on X", or the passive
    subject ("platforms were asked")."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "nsubjpass"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("on", "upon"):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _infinitive(token: Token) -> bool:
    """A verb with "to" ("to remove") or a that-clause verb ("that they be prosecuted")."""
    return token.pos_ in _VERBAL and any(
        c.lower_ in ("to", "that") and c.dep_ in ("aux", "mark") for c in token.children
    )


def _verb_ask(
    verb: Token, classify: Callable[[Token], str], resources: Resources, attributed: str
) -> _Ask | None:
    cues = resources.demand_cues
    lemma = verb.lemma_.casefold()
    if lemma == "call" and not any(
        c.lower_ in cues.call_particles or _for_clause(c) for c in verb.children
    ):
        return None
    if lemma in cues.ask_verbs and not _asker_accepted(verb, classify, resources, attributed):
        return None
    if any(c.dep_ == "aux" and c.lower_ in _POSSIBLE for c in verb.children):
        return None
    if _own_rules(verb, cues):
        return None
    addressee = _addressee(verb)
    if _own_plan(verb, addressee, cues) or _standing_duty(verb, addressee, resources):
        return None
    if addressee is not None and addressee.lemma_.casefold() in cues.public:
        return None
    heads = [
        c
        for c in verb.children
        if c.dep_ in ("xcomp", "ccomp", "advcl")
        and (_infinitive(c) or (_subjunctive(c) and lemma in cues.that_clause_verbs))
        and (has_to(c) or lemma in cues.that_clause_verbs)
        and lemma not in cues.nominal_only_verbs
    ]
    if lemma in cues.that_only_verbs:
        heads = [h for h in heads if h.dep_ == "ccomp"]
    if lemma in cues.order_verbs | cues.participle_verbs:
        heads.extend(_ordered_participles(verb))
    nominal = [c for c in verb.children if c.dep_ in ("dobj", "prep")]
    for noun in [] if lemma in cues.that_only_verbs else nominal:
        objects = [noun] if noun.dep_ == "dobj" else [g for g in noun.children if g.dep_ == "pobj"]
        for obj in objects:
            heads.extend(c for c in obj.children if c.dep_ in ("acl", "relcl") and has_to(c))
            heads.extend(_infinitive_on_modifier(obj))
    if not heads:
        heads = _nominal_asks(nominal, cues, lemma not in cues.no_bare_object_verbs)
        if lemma in cues.that_only_verbs:
            heads = [h for h in heads if not any(c.dep_ == "acl" and has_to(c) for c in h.children)]
    if lemma in cues.nominal_only_verbs:
        heads = [h for h in heads if h.lemma_.casefold() not in cues.unasked_objects]
    if not heads:
        return None
    start = addressee.left_edge.i if addressee is not None else min(h.i for h in heads)
    return _Ask(verb, tuple(heads), min(start, *(h.left_edge.i for h in heads)))


def _infinitive_on_modifier(obj: Token) -> list[Token]:
    """ "requiring companies operating in Nepal to register": the parse hangs the asked
    infinitive on the gerund phrase that describes who is asked."""
    return [
        g
        for c in obj.children
        if c.dep_ == "acl" and c.tag_ == "VBG"
        for g in c.children
        if g.dep_ in ("advcl", "xcomp") and has_to(g)
    ]


def _own_plan(verb: Token, addressee: Token | None, cues: DemandCues) -> bool:
    """ "the company expected to keep finding such campaigns", "the court is expected to
    invite X": a predicting verb with an infinitive and nobody asked says what its
    subject plans, and in the passive what someone predicts; neither is an ask. With
    an object that cannot be asked (no name, pronoun, company or authority: "expected
    the networks to adapt") it foresees too."""
    if verb.lemma_.casefold() not in cues.predicting_verbs:
        return False
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    if addressee is None:  # "expected the networks to adapt", parsed as a clause
        addressee = next(
            (
                g
                for c in verb.children
                if c.dep_ in ("ccomp", "xcomp") and has_to(c)
                for g in c.children
                if g.dep_ == "nsubj"
            ),
            None,
        )
    if addressee is not None:
        # "expected the networks to adapt": what is expected of a thing is foreseen;
        # "expected the company to be in contact" asks who can act.
        return not (
            addressee.ent_type_ in _NAMED
            or addressee.ent_type_ == PLATFORM
            or addressee.pos_ in ("PRON", "PROPN")
            or addressee.lemma_.casefold()
            in cues.addressees | cues.askers | cues.objects["authority"]
        )
    return any(c.dep_ == "xcomp" and has_to(c) for c in verb.children)


def _standing_duty(verb: Token, addressee: Token | None, resources: Resources) -> bool:
    """ "the Act requires networks to remove illegal posts", "It obliges them to delete
    ...", "Under the Act, sites are required to ...": an order verb in the present tense
    with a law as subject or as the ground ("under", "in accordance with"), or "it"
    ordering "them", a class, states the law's standing duty, not an order given. A speaker who
    reminds or warns that the law obliges X to act ("reminded Musk that the Act obliges
    X to ...") asks it through the law."""
    cues = resources.demand_cues
    present = [verb, *(c for c in verb.children if c.dep_ == "auxpass")]
    if verb.lemma_.casefold() not in cues.order_verbs or not any(
        t.tag_ in ("VBZ", "VBP") for t in present
    ):
        return False
    if _reported(verb, resources):
        return False
    # "In accordance with the legislation, operators are obliged to ...", "Under the
    # Act, sites are required to ...".
    if any(
        t.dep_ == "pobj" and t.lemma_.casefold() in cues.law_nouns
        for prep in verb.children
        if prep.dep_ == "prep"
        for t in prep.subtree
    ):
        return True
    subject = _subject_of(verb)
    if subject is None:
        return False
    if subject.lemma_.casefold() in cues.law_nouns:
        return True
    return (
        subject.lower_ in ("it", "which") and addressee is not None and addressee.lower_ == "them"
    )


def _own_rules(verb: Token, cues: DemandCues) -> bool:
    """ "Meta said its policies require the removal of such content": a platform's own
    rules as the subject state a policy, not an ask."""
    return any(
        subject.dep_ == "nsubj"
        and subject.lemma_.casefold() in cues.own_rules
        and any(
            c.dep_ == "poss" and (c.ent_type_ == PLATFORM or c.lower_ in ("its", "their", "our"))
            for c in subject.children
        )
        for subject in verb.children
    )


def _subjunctive(clause: Token) -> bool:
    """ "demanded Twitter remove the posts": a that-clause without "that", its verb in
    the base form with a subject of its own."""
    return (
        clause.dep_ == "ccomp"
        and clause.tag_ == "VB"
        and any(c.dep_ == "nsubj" for c in clause.children)
    )


def _for_clause(clause: Token) -> bool:
    """ "called for the people behind it to be charged": the parse hangs "for" on the
    infinitive clause as its marker, not on "called"."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in clause.children
    )


def _under_power(token: Token, cues: DemandCues) -> bool:
    """ "the law gives the regulator the power to order the removal of posts", "is
    empowered to demand ...", "has the right to issue takedown orders": an ask or order
    governed by a word of power describes what someone may do, not an ask made."""
    node = token
    for _ in range(3):
        governed = node.dep_ in ("acl", "xcomp", "dobj", "relcl") or (
            node.dep_ == "ccomp" and has_to(node)
        )
        if not governed or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.casefold() in cues.powers:
            return True
    return False


def _disputed(noun: Token, cues: DemandCues) -> _Ask | None:
    """ "locked in a fight with Musk over the removal of accounts", "a row over orders to
    block the channel": what a dispute is over, when it is an ask of the taxonomy."""
    # "had been in a standoff with X over ...": the parse may hang "over" on the verb.
    holder = noun.head.head if noun.dep_ == "pobj" else noun
    heads = tuple(
        g
        for prep in [*noun.children, *holder.children]
        if prep.dep_ == "prep" and prep.lower_ in ("over", "about")
        for g in prep.children
        if g.dep_ == "pobj" and g.pos_ in _NOMINAL and g.lemma_.casefold() not in cues.ask_nouns
    )
    if not heads or noun_label(list(heads[0].subtree), cues) is None:
        return None
    return _Ask(noun, heads, heads[0].left_edge.i, labelled_only=True)


def _sanctioned_failure(token: Token, cues: DemandCues) -> _Ask | None:
    """ "fined for failing to remove banned content", "slowed down over its refusal to
    delete posts", "accused of not removing the videos": a failure that a sanction or an
    accusation is for reports what was asked."""
    lemma = token.lemma_.casefold()
    if lemma in cues.failure_verbs:
        heads = tuple(c for c in token.children if c.dep_ in ("xcomp", "acl") and has_to(c))
    elif token.tag_ == "VBG" and _negated(token):
        heads = (token,)
    else:
        return None
    marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
    if token.dep_ in ("pcomp", "pobj") and token.head.lower_ in ("for", "over", "of"):
        sanction = token.head.head
    elif token.dep_ == "advcl" and marks & _REASON_MARKS:
        sanction = token.head  # "blocked the site after it refused to remove ..."
    else:
        return None
    if not heads or not _sanction(sanction, cues):
        return None
    return _Ask(token, heads, heads[0].i, labelled_only=True)


def _lifting_condition(token: Token, cues: DemandCues) -> _Ask | None:
    """ "would slow the service until the company removed all banned content", "the ban
    stays until X names a representative", "threatened to ban it if it did not remove
    the posts", "access would be restored once the companies cooperated": the condition
    set for lifting or sparing a sanction, or for a relief (``relief_verbs``), is what is
    asked."""
    if token.dep_ != "advcl" or token.pos_ not in _VERBAL:
        return None
    marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
    head = token.head
    if (
        marks & _RELIEF_MARKS
        and head.lemma_.casefold() in cues.relief_verbs
        and any(c.dep_ == "aux" and c.lower_ in _PROSPECTIVE for c in head.children)
    ):  # "access would be restored once the companies cooperated" (not "was restored")
        return _Ask(token, (token,), token.i, labelled_only=True)
    if not (marks & _UNTIL_MARKS or ("if" in marks and _negated(token))):
        return None
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not any(_sanction(t, cues) for t in [head, *subjects]):
        return None
    return _Ask(token, (token, *_stranded_conditions(token, head)), token.i, labelled_only=True)


def _stranded_conditions(condition: Token, head: Token) -> list[Token]:
    """ "will remain until the company pays the fines, and names a representative": the
    parse may hang the later conditions on the sanction's verb; a conjunct of it after
    the condition, in the condition's tense ("names" with "pays"), with no subject of
    its own, while the sanction's verb has an auxiliary ("will remain"), is one more
    condition."""
    if not any(c.dep_ == "aux" for c in head.children):
        return []
    return [
        c
        for c in head.conjuncts
        if c.i > condition.i
        and c.tag_ == condition.tag_
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    ]


def _sanction(token: Token, cues: DemandCues) -> bool:
    return bool({token.lemma_.casefold(), token.lower_} & cues.sanctions)


def _ordered_participles(verb: Token) -> list[Token]:
    """ "ordered X suspended", "ordered the accounts blocked": the participle after the
    ordered thing is the ordered action (the parse makes it a clause of the order verb or
    a modifier of its object)."""
    out = [c for c in verb.children if c.dep_ == "ccomp" and small_clause(c)]
    for obj in verb.children:
        if obj.dep_ == "dobj":
            out.extend(c for c in obj.children if c.dep_ == "acl" and small_clause(c))
    return out


def _nominal_asks(nominal: list[Token], cues: DemandCues, bare: bool = True) -> list[Token]:
    """What is asked for when no action is: "called for an inquiry", "asked X for
    assistance" (the "for" object), "urged full cooperation" (the object, unless it is
    who is asked: "urged the companies"); with ``bare`` false, never the bare object
    ("a site pushing propaganda", "told reporters that ...")."""
    wanted = [
        obj
        for prep in nominal
        if prep.dep_ == "prep" and prep.lower_ == "for"
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.pos_ in _NOMINAL
    ]
    if wanted or not bare:
        return wanted
    return [
        obj
        for obj in nominal
        if obj.dep_ == "dobj"
        and obj.pos_ in _NOMINAL
        and obj.ent_type_ not in _NAMED
        and obj.lemma_.casefold() not in cues.addressees
    ]


def _noun_ask(noun: Token, sentence: Span, cues: DemandCues) -> _Ask | None:
    """ "a request for information", "an order to take down ...", "requests: first, to ...";
    not an idiom that asks nothing ("in order to")."""
    if (
        noun.dep_ in ("dobj", "pobj")
        and noun.head.lemma_.casefold() in cues.receiving_verbs
        and not _from_named(noun, cues)
    ):
        return None
    before = noun.doc[noun.i - 1].lower_ if noun.i > 0 else ""
    if f"{before} {noun.lemma_.casefold()}" in cues.idioms:
        return None
    if noun.lemma_.casefold() == "call" and not any(
        c.lower_ in cues.call_particles for c in noun.children
    ):
        return None
    heads = [c for c in noun.children if c.dep_ in ("acl", "relcl") and _infinitive(c)]
    heads.extend(_infinitive_after(noun))
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            heads.extend(g for g in prep.children if g.dep_ == "pobj")
    heads.extend(_for_after(noun))
    colon = next((t for t in sentence if noun.i < t.i <= noun.i + 6 and t.text == ":"), None)
    if colon is not None:
        listed = [t for t in sentence if t.i > colon.i and _infinitive(t)]
        heads = sorted({t.i: t for t in heads + listed}.values(), key=lambda t: t.i)
    modified = _modified_ask(noun, sentence, cues)
    if modified is not None:
        return modified
    if not heads:
        return None
    return _Ask(noun, tuple(heads), min(h.left_edge.i for h in heads))


def _modified_ask(noun: Token, sentence: Span, cues: DemandCues) -> _Ask | None:
    """ "issued blocking orders for 250 accounts", "a takedown notice for the channel":
    the word before the asking noun names the action (the parse may make a gerund
    the noun's head: "blocking/VERB orders/dobj"). What it acts on is in the noun's
    words, without the addressee ("orders to Twitter"), or in the next sentence when
    that one speaks of the orders again ("The first covered about 250 accounts")."""
    before = noun.doc[noun.i - 1] if noun.i > sentence.start else None
    if before is None:
        return None
    if before.head.i == noun.i and before.dep_ in ("compound", "amod"):
        head, words = noun, list(noun.subtree)
    elif noun.head.i == before.i and before.tag_ == "VBG" and noun.dep_ == "dobj":
        head, words = before, list(before.subtree)
    else:
        return None
    addressed = {
        t.i
        for c in [*noun.children, *head.children]
        if c.dep_ == "prep" and c.lower_ == "to"
        for t in c.subtree
    }
    words.extend(t for g in _for_after(noun) for t in g.subtree)
    read = (*(t for t in words if t.i not in addressed), *_speaks_again_of(noun, sentence))
    hit = noun_label(list(read), cues)
    if hit is None or hit[1][0].i != before.i:
        return None
    return _Ask(noun, (head,), before.i, words=read, labelled_only=True)


def _speaks_again_of(noun: Token, sentence: Span) -> list[Token]:
    """The next sentence's words when its subject takes up ``noun`` again: the same
    noun ("The orders covered ..."), a pronoun, or an ordinal ("The first, at the end
    of January, covered ..."); none otherwise."""
    doc = noun.doc
    if sentence.end >= len(doc):
        return []
    following = doc[sentence.end].sent
    subject = next((t for t in following.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return []
    again = (
        subject.lemma_.casefold() == noun.lemma_.casefold()
        or subject.lower_ in _TAKEN_UP
        or subject.ent_type_ == "ORDINAL"
    )
    return list(following) if again else []


def _infinitive_after(noun: Token) -> list[Token]:
    """ "received a directive from the regulator to suspend access": the parse hangs the
    infinitive that follows the asking noun on the noun's verb; it is still the noun's
    when it starts right where the noun's words end."""
    if noun.dep_ != "dobj":
        return []
    return [
        c
        for c in noun.head.children
        if c.dep_ in ("advcl", "xcomp") and has_to(c) and c.left_edge.i == noun.right_edge.i + 1
    ]


def _from_named(noun: Token, cues: DemandCues) -> bool:
    """ "received a directive from the Communications Authority to ...", "a request from
    the government to ...", "ignored government requests to ...": the ask of a named
    asker or an authority, reported through whoever received it."""
    return any(
        (
            (child.dep_ == "prep" and child.lower_ == "from")
            and any(
                g.ent_type_ in _NAMED or g.pos_ == "PROPN" or g.lemma_.casefold() in cues.askers
                for g in child.subtree
            )
        )
        or (
            child.dep_ in ("compound", "poss")
            and child.i < noun.i
            and child.lemma_.casefold() in cues.askers
        )
        for child in noun.children
    )


def _for_after(noun: Token) -> list[Token]:
    """ "made a request to Telegram for the removal of 64 channels", "issued a removal
    notice to X for 65 tweets": the parse hangs the "for" phrase of the asking noun on
    its verb; a "for" phrase of that verb after the noun is still the noun's, also when
    the noun is the verb's passive subject ("directions have been issued for blocking
    the app": the gerund is what is asked)."""
    if noun.dep_ not in ("dobj", "nsubjpass"):
        return []
    return [
        g
        for prep in noun.head.children
        if prep.dep_ == "prep" and prep.lower_ == "for" and prep.i > noun.i
        for g in prep.children
        if g.dep_ in ("pobj", "pcomp")
    ]


def _obligation(token: Token, sentence: Span, resources: Resources, attributed: str) -> _Ask | None:
    """ "X must ...", "should be examined", "had to prevent ...": said by a speaker."""
    cues = resources.demand_cues
    lemma = token.lemma_.casefold()
    if token.lower_ in cues.obligation_modals and token.dep_ == "aux":
        verb = token.head
    elif lemma in cues.obligation_verbs and token.pos_ in _VERBAL and token.dep_ != "relcl":
        verbs = [c for c in token.children if c.dep_ == "xcomp" and has_to(c)]
        if not verbs:
            return None
        verb = verbs[0]
    else:
        return None
    if _negated(verb) or _negated(token) or verb.lemma_.casefold() == "able":
        return None
    if any(c.dep_ == "aux" and c.lower_ in _CONDITIONAL for c in token.children):
        return None
    subject = _subject_of(verb)
    if subject is not None and (
        subject.lemma_.casefold() in cues.public
        or any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in subject.children)
    ):
        return None
    if (
        attributed in ACCEPTED_SUBJECTS
        or _reported(verb, resources)
        or _decided(verb, cues)
        or _backed_by_sanction(verb, cues)
    ):
        next_to = subject is not None and subject.right_edge.i == token.i - 1
        start = subject.left_edge.i if subject is not None and next_to else token.i + 1
        return _Ask(token, (verb,), start)
    return None


def _backed_by_sanction(verb: Token, cues: DemandCues) -> bool:
    """ "Platforms now have to register ... and set up an office within 90 days, or risk
    being shut down": an obligation whose alternative is a sanction is an order, whoever
    reports it."""
    return any(
        c.dep_ == "conj"
        and c.lemma_.casefold() in cues.sanction_alternatives
        and any(g.dep_ == "cc" and g.lower_ == "or" for g in [*c.children, *node.children])
        for node in [verb, *verb.conjuncts]
        for c in node.children
    )


def _decided(verb: Token, cues: DemandCues) -> bool:
    """ "Under the ruling, X must restore the channel": a decision sets the obligation."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("under", "by")
        and any(
            g.dep_ == "pobj" and g.lemma_.casefold() in cues.decision_nouns for g in prep.children
        )
        for prep in verb.children
    )


def _restated_duty(
    verb: Token, sentence: Span, resources: Resources, attributed: str
) -> _Ask | None:
    """ "the duty means removing ...", or "this meant removing ..." after a sentence that
    names a duty: the actions the duty is spelled out as, when a speaker says so. Every
    gerund clause after the verb counts ("meant protecting X, while also taking steps
    to ..."): the parse often hangs the "while" clause on a word other than the verb."""
    cues = resources.demand_cues
    heads = tuple(
        t for t in sentence if t.i > verb.i and t.tag_ == "VBG" and t.dep_ in _GERUND_CLAUSE_DEPS
    )
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if not heads or subject is None or _negated(verb):
        return None
    named = subject.lemma_.casefold() in cues.duty_nouns
    if not named and (subject.lower_ not in _POINTING or not _duty_before(sentence, cues)):
        return None
    if attributed in ACCEPTED_SUBJECTS or _reported(verb, resources):
        return _Ask(verb, heads, min(h.left_edge.i for h in heads))
    return None


def _duty_before(sentence: Span, cues: DemandCues) -> bool:
    """Whether the sentence before (or this one, before its restating verb) names a duty."""
    doc = sentence.doc
    start = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    return any(t.lemma_.casefold() in cues.duty_nouns for t in doc[start : sentence.end])


def _reported(verb: Token, resources: Resources) -> bool:
    """The verb stands in what someone says, warns or reminds ("told him he must reply")."""
    words = resources.demand_cues.reporting_verbs | resources.speech_verbs
    node = verb
    for _ in range(4):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.casefold() in words:
            return True
    return False


def _other(doc: Doc, ask: _Ask, cues: DemandCues) -> Mention | None:
    """ "other: <the words>" for a concrete ask outside the taxonomy."""
    head = ask.heads[0]
    if (
        head.lemma_.casefold() in cues.generic
        or weighs(head, cues)
        or (head.pos_ in _NOMINAL and not any(t.pos_ in _VERBAL for t in head.subtree))
    ):
        return None
    end = min(max(t.i for h in ask.heads for t in h.subtree) + 1, ask.start + _MAX_OTHER_TOKENS)
    while end > ask.start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    span = doc[ask.start : end]
    return Mention(
        span.text, span.start_char, span.end_char, value=OTHER + span.text, kind="demand"
    )
