"""How an asked action is labelled with the taxonomy in ``demands.yml`` (the asks
themselves are found by ``extract.demands``).

Each asked action is labelled by its verb, with the class of what it acts on:
"remove" is remove_content for posts and footage, remove_accounts for accounts,
block_access for a service or a platform named ("block Telegram", "the suspension of
X"); a direct object of a class speaks for the verb alone ("remove a video on the
channel"); what is handed over to the police or investigators is account holders' data,
as is information about people ("information on the users behind the profiles"), but
not data about things ("data about such operations"). An explain-type verb labels
explain_or_respond and its complement is not searched ("explain how X tackles illegal
content" asks an explanation, not a removal), as does a verb of telling with a
wh-clause ("report what it is doing"); a light verb ("make sure", "use X to", "stop")
passes to the verbs and nouns it governs, weighing a thing ("study a solution to
restore access") passes to nothing. Detection asks absorb the removal of accounts they
lead to ("find and disable accounts"); detection coordinated with a removal of content
is only its step ("find and remove content"). Relative clauses, free relatives ("share
what they find"), actions under a modal of prediction ("would help it spot") and words
of proper names ("the Information Minister") are not searched for labels.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.pipeline import PLATFORM
from extract.resources import DemandCues, DemandLabel

# The object class that a platform's name belongs to: "block Telegram", "the
# suspension of X" ask to cut access to the platform.
ACCESS = "access"
# The object class of account holders' data: what is handed to an authority is that.
HOLDER = "holder"
_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
_PHRASE_DEPS = frozenset({"prt", "prep", "dobj", "attr", "acomp", "dative", "oprd", "agent"})
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "pobj", "dative"})
# "that outside scrutiny would help it spot ...": an action under a modal of prediction
# or possibility is foreseen, not asked.
_PREDICTED = frozenset({"would", "will", "could", "might", "may", "can"})
# Verbs of telling: with a wh-clause ("report what ...") they ask for an explanation.
_TELLING = frozenset({"report", "inform", "tell", "show", "say"})
_DEMONSTRATIVE = frozenset({"this", "that", "these", "those"})


def detection_or_removal(
    labels: list[tuple[str, list[Token]]],
) -> list[tuple[str, list[Token]]]:
    """Detection asks absorb the removal they lead to ("find and disable copycat
    accounts" asks for a way to detect a kind of account), but finding accounts already
    pointed at ("find these accounts and shut them down") is only the step to removing
    them: then the removal is what is asked. Detection in the taxonomy is of accounts:
    "find and remove content" coordinated asks only for the content's removal."""
    names = {name for name, _ in labels}
    if {"detect_and_report", "remove_content"} <= names and "remove_accounts" not in names:
        removals = {e[0].i for n, e in labels if n == "remove_content"}
        return [
            (n, e)
            for n, e in labels
            if n != "detect_and_report" or not any(c.i in removals for c in e[0].conjuncts)
        ]
    if not {"detect_and_report", "remove_accounts"} <= names:
        return labels
    detection = [e for n, e in labels if n == "detect_and_report"]
    pointed = all(_pointed_at(evidence[0]) for evidence in detection)
    dropped = "detect_and_report" if pointed else "remove_accounts"
    return [(n, e) for n, e in labels if n != dropped]


def _pointed_at(action: Token) -> bool:
    """Whether the action's object is one already pointed at ("these accounts", "those
    bots")."""
    return any(
        c.dep_ == "det" and c.lower_ in _DEMONSTRATIVE
        for o in objects_of(action)
        for c in o.children
    )


def has_to(token: Token) -> bool:
    return any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children)


def small_clause(verb: Token) -> bool:
    """A bare past participle: no "to", no auxiliary, no marker ("X suspended"; the
    tagger often reads one after a name as a past tense)."""
    return (
        verb.dep_ in ("ccomp", "acl")
        and verb.tag_ in ("VBN", "VBD")
        and not any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children)
    )


def action_labels(head: Token, cues: DemandCues, depth: int = 0) -> list[tuple[str, list[Token]]]:
    """Labels of one asked action and the actions coordinated with it."""
    out: list[tuple[str, list[Token]]] = []
    actions = [head, *[c for c in head.conjuncts if c.i > head.i]]
    for action in [*actions, *(t for a in actions for t in _stranded_infinitives(a))]:
        out.extend(_labels_of_action(action, cues, depth))
    return out


def _stranded_infinitives(action: Token) -> list[Token]:
    """ "to set up a procedure that complies with the law and to name a recipient": the
    parse may coordinate the second infinitive with the relative clause's finite verb;
    an infinitive conjunct of a finite relative clause under the action is the action's
    own coordinated ask; so is an infinitive after a comma that the parse hangs on the
    action as an adverbial clause ("to open a direct line to officials, to remove posts
    and to explain ..."), with its own conjuncts."""
    if not has_to(action):
        return []
    listed = [
        c
        for c in action.children
        if c.dep_ == "advcl"
        and has_to(c)
        and c.left_edge.i > 0
        and action.doc[c.left_edge.i - 1].text == ","
    ]
    return [
        *(t for c in listed for t in [c, *c.conjuncts]),
        *(
            c
            for t in action.subtree
            if t.dep_ == "relcl" and not has_to(t) and t.head.i > action.i
            for c in t.conjuncts
            if c.i > t.i and has_to(c)
        ),
    ]


def _labels_of_action(action: Token, cues: DemandCues, depth: int) -> list[tuple[str, list[Token]]]:
    if _lifts_limit_on_accounts(action, cues):
        return [("restore", [action])]
    if action.pos_ in _NOMINAL:
        hit = noun_label(list(action.subtree), cues)
        return [hit] if hit else []
    if any(c.dep_ == "aux" and c.lower_ in _PREDICTED for c in action.children):
        return []
    if _publishes_material(action, cues):
        return []  # "publish every post the network wrote": other
    if _tells_what(action):
        return [("explain_or_respond", [action])]
    if action.lemma_.casefold() in cues.inquiring_verbs and _asks_whether(action):
        return [("investigate", [action])]
    for label in cues.labels:
        if _verb_matches(action, label, cues):
            return [(label.name, [action])]
    if _names_a_contact(action, cues):
        return [("cooperate_with_authorities", [action])]
    if depth > 3 or weighs(action, cues):
        return []
    out: list[tuple[str, list[Token]]] = []
    children = _verbs_below(action, cues)
    skipped: set[int] = set()
    for child in children:
        if action.lemma_.casefold() in cues.ceasing_verbs and child.tag_ == "VBG":
            continue  # "stop taking down pages that support X" asks to cease a removal
        labelled = action_labels(child, cues, depth + 1)
        if labelled:
            out.extend(labelled)
            skipped.update(t.i for t in child.subtree)
    if action.lemma_.casefold() not in cues.light_verbs:
        return out
    hit = noun_label([t for t in action.subtree if t.i >= action.i and t.i not in skipped], cues)
    return [*out, hit] if hit else out


def _publishes_material(action: Token, cues: DemandCues) -> bool:
    """ "publish similar reports every quarter", "share such data with researchers": a
    publishing verb whose object is material (``published_material``) or whose recipients
    are researchers asks for no explanation and no account holder's data (unless the
    object is about people: "the data of the account holders")."""
    if action.lemma_.casefold() not in cues.publishing_verbs:
        return False
    objects = [c for c in action.children if c.dep_ == "dobj"]
    recipients = [
        g
        for c in action.children
        if c.dep_ == "prep" and c.lower_ in ("with", "to")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if any(t.lemma_.casefold() in cues.about_people for o in objects for t in o.subtree):
        return False  # "share the data of the account holders"
    return any(o.lemma_.casefold() in cues.published_material for o in objects) or any(
        r.lemma_.casefold() in cues.research_recipients for r in recipients
    )


def _lifts_limit_on_accounts(action: Token, cues: DemandCues) -> bool:
    """ "lift the restrictions it had placed on the accounts of four outlets", "remove the
    limits on the official accounts": lifting a limit on accounts restores them; lifting
    a ban on a service ("lift the block") is not restore (gold/dev5.yml)."""
    if action.lemma_.casefold() in cues.lifting_verbs:
        limits = [c for c in action.children if c.dep_ in ("dobj", "nsubjpass")]
    elif any(  # "that Meta lift restrictions ...": the parse may read "lift" as a compound
        c.dep_ == "compound" and c.lemma_.casefold() in cues.lifting_verbs for c in action.children
    ):
        limits = [action]
    else:
        return False
    accounts = cues.objects["account"]
    return any(
        obj.lemma_.casefold() in cues.limit_nouns
        and any(t.lemma_.casefold() in accounts for t in obj.subtree if t.i > obj.i)
        for obj in limits
    )


def _names_a_contact(action: Token, cues: DemandCues) -> bool:
    """ "give us someone we can reach", "name a person the regulator can call": a person
    asked for, described as someone to reach, is a contact with the authorities."""
    return any(
        obj.dep_ == "dobj"
        and obj.lemma_.casefold() in cues.contact_people
        and any(
            c.dep_ == "relcl" and c.lemma_.casefold() in cues.contact_verbs for c in obj.children
        )
        for obj in action.children
    )


def _tells_what(action: Token) -> bool:
    """ "report what it is doing to fight disinformation", "tell the court how it
    handles complaints": a verb of telling with a wh-clause asks for an explanation."""
    if action.lemma_.casefold() not in _TELLING:
        return False
    return any(
        c.dep_ in ("ccomp", "dobj")
        and any(g.tag_ in ("WP", "WRB") and g.i < c.i for g in c.children)
        for c in action.children
    )


def weighs(action: Token, cues: DemandCues) -> bool:
    """ "study a solution to restore access", "consider ways to block the app": weighing
    a thing asks for the weighing, not for the action weighed ("consider removing the
    posts", with no object, still asks for the removal)."""
    return action.lemma_.casefold() in cues.deliberative_verbs and any(
        c.dep_ == "dobj" for c in action.children
    )


def _verbs_below(action: Token, cues: DemandCues) -> list[Token]:
    """The first verbs on each path down from the action and after it (an action's
    complement follows it; not its coordinated verbs, nor a relative clause, which
    describes a noun and asks nothing: "review the fine, which it described as ...",
    nor a free relative, which names a thing: "share what they find", nor what a means
    is for: "agree to a procedure for taking down posts" asks for the procedure). An
    infinitive on a word of effort is the action asked: "do more to find and remove posts"."""
    out = []
    for token in action.subtree:
        if token.i <= action.i or token.pos_ not in _VERBAL or token.dep_ == "aux":
            continue
        if token.dep_ == "relcl" and not (
            has_to(token) and token.head.lemma_.casefold() in cues.effort_words
        ):
            continue
        if any(c.tag_ == "WP" and c.dep_ in ("dobj", "nsubj") for c in token.children):
            continue
        node = token.head
        means = False
        while node.i != action.i and node.pos_ not in _VERBAL:
            means = means or node.lemma_.casefold() in cues.means_nouns
            node = node.head
        if node.i == action.i and token.dep_ != "conj" and not means:
            out.append(token)
    return out


def _phrase(action: Token) -> list[str]:
    """The action's lemma, then the particles, prepositions and nouns it governs (and
    their appositions); an object "one" stands for the noun before it ("had no
    representative, and 24 hours to appoint one")."""
    parts = [(action.i, action)]
    for child in _through_adverbs(action, parts):
        if child.dep_ == "ccomp" and child.pos_ in _NOMINAL:
            # "make public the criteria": the parse makes the object a clause whose
            # predicate ("public") is the adjective before it.
            parts.extend((g.i, g) for g in child.children if g.dep_ == "acomp" and g.i < child.i)
        if child.dep_ in _PHRASE_DEPS:
            parts.append((child.i, _standing_for(child)))
            for g in child.children:
                if g.dep_ == "pobj":
                    # "indicate to the court its representative": the parse may make the
                    # second object an apposition of the first.
                    parts.append((g.i, g))
                    parts.extend((a.i, a) for a in g.children if a.dep_ == "appos")
    return [t.lemma_.casefold() for _, t in sorted(parts, key=lambda p: p[0])]


def _through_adverbs(action: Token, parts: list[tuple[int, Token]]) -> list[Token]:
    """The action's children, an adverb that governs a preposition ("move back to the
    table") read as its preposition, the adverb itself added to ``parts``."""
    children = []
    for child in action.children:
        prep = (
            next((g for g in child.children if g.dep_ == "prep"), None)
            if child.dep_ == "advmod"
            else None
        )
        if prep is not None:
            parts.append((child.i, child))
        children.append(child if prep is None else prep)
    return children


def _standing_for(token: Token) -> Token:
    """The noun a bare object "one" stands for: the nearest object noun before it in
    its sentence, past measures ("24 hours"); any other token itself."""
    if token.lower_ != "one" or token.dep_ != "dobj" or any(True for _ in token.children):
        return token
    before = token.doc[token.sent.start : token.i]
    return next(
        (
            t
            for t in reversed(before)
            if t.pos_ == "NOUN" and t.dep_ in ("dobj", "attr") and not t.ent_type_
        ),
        token,
    )


def _verb_matches(action: Token, label: DemandLabel, cues: DemandCues) -> bool:
    lemma = action.lemma_.casefold()
    if lemma not in label.first_words and action.lower_ not in label.first_words:
        return False
    words = _phrase(action)
    if label.name == "detect_and_report" and _acts_on(action, cues.undetected_objects, cues):
        return False  # "detect influence campaigns": detection in the taxonomy is of accounts
    if label.name == "explain_or_respond" and any(
        _about_people(obj, cues) for obj in objects_of(action)
    ):
        return False  # "disclose the identities of the users": their holders' data
    if label.name == "restore" and _lifts_a_block(action, cues):
        return False  # "restore access to X": lifting a block is no restore (gold/dev5.yml)
    for cue in label.verbs:
        if cue[0] not in (lemma, action.lower_) or not _in_order(cue[1:], words[1:]):
            continue
        if not label.objects:
            return True
        if label.objects == "own":
            if objects_of(action) or _asks_whether(action):
                return True
        elif label.objects == HOLDER and _handed_to_authority(action, cues):
            return True
        elif _acts_on(action, cues.objects[label.objects], cues, label.objects == ACCESS):
            return label.objects != HOLDER or not _about_things(action, cues)
    return False


def _lifts_a_block(action: Token, cues: DemandCues) -> bool:
    """ "restore access to X", "access be restored": what comes back is a service, not
    accounts or content ("restore access to the newspaper's accounts" restores them)."""
    kept = cues.objects["account"] | cues.objects["content"]
    return _acts_on(action, cues.objects[ACCESS], cues, True) and not any(
        t.lemma_.casefold() in kept for t in action.subtree if t.i > action.i
    )


def blocks_access(action: Token, cues: DemandCues) -> bool:
    """Whether the verb cuts access to a service or a platform ("block the app",
    "restrict access to Instagram"), by the verbs and objects of block_access."""
    return any(
        label.name == "block_access" and _verb_matches(action, label, cues) for label in cues.labels
    )


def _about_things(action: Token, cues: DemandCues) -> bool:
    """ "share more data about such operations with researchers": data about operations,
    campaigns or threats is no account holders' data; data about users or owners, or
    data with nothing said of it, is."""
    people = cues.about_people | cues.objects[HOLDER] | cues.objects["account"]
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("about", "on")
        and any(g.dep_ == "pobj" and g.lemma_.casefold() not in people for g in prep.children)
        for obj in objects_of(action)
        if obj.lemma_.casefold() in cues.objects[HOLDER]
        for prep in obj.children
    )


def _handed_to_authority(action: Token, cues: DemandCues) -> bool:
    """ "hand over what they know to the security services": what a platform hands to
    the police or investigators is what it holds on its users, whatever the object says."""
    authorities = cues.objects["authority"]
    return any(
        prep.dep_ == "prep"
        and prep.i > action.i
        and prep.lower_ in ("to", "with")
        and any(
            word.lemma_.casefold() in authorities
            for g in prep.children
            if g.dep_ == "pobj"
            for word in [g, *(c for c in g.children if c.dep_ == "compound")]
        )
        for prep in action.subtree
    )


def _asks_whether(action: Token) -> bool:
    """ "investigate whether the accounts were linked ...", "investigate who had paid for
    the adverts", "look into whether ...": a clause of whether or of a wh-word as the
    object, or as the object of the verb's particle."""
    clauses = [c for c in action.children if c.dep_ in ("ccomp", "xcomp")]
    clauses += [
        g for c in action.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"
    ]
    return any(
        any(g.lower_ in ("whether", "if") or g.tag_ in ("WP", "WRB", "WDT") for g in c.children)
        for c in clauses
    )


def _in_order(wanted: tuple[str, ...], words: list[str]) -> bool:
    remaining = iter(words)
    return all(any(w == word for w in remaining) for word in wanted)


def _acts_on(
    action: Token, nouns: frozenset[str], cues: DemandCues, platforms: bool = False
) -> bool:
    """Whether what the action acts on (its object, the object of its preposition, or
    the object it shares with the verbs coordinated with it) is one of ``nouns``, or
    with ``platforms`` a platform's name ("block Telegram": access to it). A direct
    object of a known class speaks for the action alone: "remove a video on the
    channel" removes the video, not the channel. The coordinated verbs' objects count
    only when the action has none of its own ("find and disable accounts", "track down
    these profiles and close them")."""
    own = any(_classed(o, cues) for o in objects_of(action))
    nodes = [action] if own else [action, *action.conjuncts]
    for node in nodes:
        objects = objects_of(node)
        direct = [o for o in objects if o.dep_ in ("dobj", "nsubjpass") and _classed(o, cues)]
        for obj in direct or objects:
            names = [obj, *[c for c in obj.children if c.dep_ in ("compound", "pobj")]]
            content = _content_reached(obj, cues)
            if content is not None:  # "restrict access to content": the content is hidden
                names = [content, *(c for c in content.children if c.dep_ == "compound")]
            elif not direct:
                names.extend(g for c in obj.children if c.dep_ == "prep" for g in c.children)
            if any(
                t.lemma_.casefold() in nouns or (platforms and t.ent_type_ == PLATFORM)
                for t in names
            ):
                return True
    return False


def _content_reached(obj: Token, cues: DemandCues) -> Token | None:
    """The content an "access to" object reaches ("access to posts the government deems
    illegal"): cutting it hides the content (remove_content) and leaves the service be."""
    if obj.lemma_.casefold() != "access":
        return None
    return next(
        (
            g
            for c in obj.children
            if c.dep_ == "prep" and c.lower_ == "to"
            for g in c.children
            if g.dep_ == "pobj" and g.lemma_.casefold() in cues.objects["content"]
        ),
        None,
    )


def _classed(obj: Token, cues: DemandCues) -> bool:
    """Whether an object noun (or a compound of it) belongs to a class of objects."""
    words = [obj, *(c for c in obj.children if c.dep_ == "compound")]
    return any(
        w.ent_type_ == PLATFORM or any(w.lemma_.casefold() in n for n in cues.objects.values())
        for w in words
    )


def objects_of(action: Token) -> list[Token]:
    """What the action acts on; for a bare participle ("ordered X suspended") the thing
    it describes or the subject of its small clause."""
    bare = small_clause(action)
    out = [action.head] if bare and action.dep_ == "acl" else []
    for child in action.children:
        if child.dep_ in _OBJECT_DEPS or (bare and child.dep_ == "nsubj"):
            out.append(child)
        elif child.dep_ in ("prep", "prt"):
            out.extend(g for g in child.children if g.dep_ == "pobj")
    return out


def noun_label(tokens: list[Token], cues: DemandCues) -> tuple[str, list[Token]] | None:
    """The label of the earliest label noun among ``tokens`` (ties: the label listed
    first), beside a noun of the label's object class when it has one; a word of a
    proper name ("the Information Minister") is no label noun."""
    lemmas = [t.lemma_.casefold() for t in tokens]
    present = set(lemmas)
    if any(t.ent_type_ == PLATFORM for t in tokens):
        present.add(PLATFORM)
    labels = [
        label
        for label in cues.labels
        if label.objects in ("", "own")
        or present & cues.objects[label.objects]
        or (label.objects == ACCESS and PLATFORM in present)
    ]
    for at in range(len(tokens)):
        if _about_people(tokens[at], cues):
            return "share_account_holder_data", [tokens[at]]
        local = _local_classes(tokens[at], cues)
        here = [
            label
            for label in labels
            if not local or label.objects in ("", "own") or label.objects in local
        ]
        for label in here:
            for cue in label.nouns:
                if tokens[at].pos_ == "PROPN":
                    continue
                if tuple(lemmas[at : at + len(cue)]) == cue or (
                    len(cue) == 1 and tokens[at].lower_ == cue[0]
                ):
                    return label.name, tokens[at : at + len(cue)]
    return None


def _local_classes(noun: Token, cues: DemandCues) -> set[str]:
    """The object classes of what a label noun is "of" ("the removal of a post published
    on the channel" removes a post, not the channel): the "of" object, its compounds and
    the objects coordinated with it; empty when none names a class."""
    found: set[str] = set()
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for word in [obj, *obj.conjuncts, *(c for c in obj.children if c.dep_ == "compound")]:
                lemma = word.lemma_.casefold()
                found.update(name for name, nouns in cues.objects.items() if lemma in nouns)
                if word.ent_type_ == PLATFORM:
                    found.add(ACCESS)
    return found


def _about_people(noun: Token, cues: DemandCues) -> bool:
    """ "information on the users responsible for the profiles", "data about the
    owners": what is asked about people is account holders' data."""
    if noun.lemma_.casefold() not in cues.objects[HOLDER] or noun.pos_ != "NOUN":
        return False
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("on", "about", "of")
        and any(
            g.dep_ == "pobj" and g.lemma_.casefold() in cues.about_people for g in prep.children
        )
        for prep in noun.children
    )
